"""The ring round whatever has the keyboard focus: someone working by keyboard alone can always
see where Tab has taken them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from tests.ui.windows import shown_active
from workdiary.ui.focus_ring import RingOutline, show_focus_ring


def test_the_ring_follows_the_focus_through_buttons_boxes_and_windows_closed(
    qtbot: QtBot,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ring = show_focus_ring(app)
    assert show_focus_ring(app) is ring  # one ring, however often the window is opened

    page = QWidget()
    layout = QVBoxLayout(page)
    save, shown, discussed = QPushButton("Save"), QComboBox(), QCheckBox("Workload discussed")
    # A box in a container just its size, as a form's drop-down often is.
    container = QWidget()
    boxed = QComboBox(container)
    container.setFixedSize(boxed.sizeHint())
    for widget in (save, shown, discussed, container):
        layout.addWidget(widget)
    shown_active(qtbot, page)
    for widget in (save, shown, discussed):
        widget.setFocus()
        qtbot.waitUntil(lambda widget=widget: ring.around() is widget)  # type: ignore[misc]

    # The boxed one gets its whole ring, not one cut down to its container.
    boxed.setFocus()
    qtbot.waitUntil(lambda: ring.around() is boxed)
    frame = page.findChild(RingOutline)
    assert isinstance(frame, RingOutline) and frame.isVisible()
    holder = frame.parentWidget()
    assert holder is not None and holder.rect().contains(frame.geometry())
    assert frame.width() > boxed.width() and frame.height() > boxed.height()

    # A dialog holding the focus is closed and deleted, and the ring with it: the next widget
    # to take the focus still gets one.
    dialog = QDialog(page)
    answer = QPushButton("Keep editing", dialog)
    shown_active(qtbot, dialog)
    answer.setFocus()
    qtbot.waitUntil(lambda: ring.around() is answer)
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(answer))
    page.activateWindow()
    save.setFocus()
    qtbot.waitUntil(lambda: ring.around() is save)


def test_the_ring_scrolls_with_a_box_in_a_long_form(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ring = show_focus_ring(app)
    form = QWidget()
    column = QVBoxLayout(form)
    boxes = [QLineEdit() for _ in range(40)]
    for box in boxes:
        column.addWidget(box)
    scroll = QScrollArea()
    scroll.setWidget(form)
    shown_active(qtbot, scroll, 300, 200)
    last = boxes[-1]
    last.setFocus()
    qtbot.waitUntil(lambda: ring.around() is last)
    scroll.ensureWidgetVisible(last)
    outline = scroll.viewport().findChild(RingOutline)
    assert isinstance(outline, RingOutline)

    def round_the_box() -> bool:
        box_at = last.mapTo(scroll.viewport(), QPoint(0, 0))
        return outline.geometry().adjusted(3, 3, -3, -3) == QRect(box_at, last.size())

    qtbot.waitUntil(round_the_box)
    scroll.verticalScrollBar().setValue(0)  # scrolled out of sight: the ring goes with it
    qtbot.waitUntil(round_the_box)
    assert not scroll.viewport().rect().intersects(outline.geometry())
