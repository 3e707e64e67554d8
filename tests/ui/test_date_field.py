"""A date box in a form: Tab goes through it and on, wherever the form puts it in the tab order,
and a calendar to pick the day from."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from workdiary.ui.fields import DateField


class Form(QWidget):
    """A line edit, a date field and another line edit, one under another."""

    def __init__(self) -> None:
        super().__init__()
        layout = QFormLayout(self)
        self.before, self.date_field, self.after = QLineEdit(), DateField(), QLineEdit()
        layout.addRow("&Before", self.before)
        layout.addRow("&Date", self.date_field)
        layout.addRow("&After", self.after)


def open_form(qtbot: QtBot) -> Form:
    form = Form()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def visits(qtbot: QtBot, start: QWidget, steps: int, backwards: bool = False) -> list[QWidget]:
    """The widgets that have the focus, from `start`, as Tab (or Shift+Tab) is pressed."""
    start.setFocus()
    visited = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        assert widget is not None
        visited.append(widget)
        if backwards:
            qtbot.keyClick(widget, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return visited


def test_tab_goes_into_a_date_box_and_out_again(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    before, box, after = form.before, form.date_field.line_edit, form.after
    assert visits(qtbot, before, 4) == [before, box, after, before]
    assert visits(qtbot, after, 4, backwards=True) == [after, box, before, after]


def test_a_date_box_moved_in_the_tab_order_is_visited_there_and_only_there(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    before, box, after = form.before, form.date_field.line_edit, form.after
    QWidget.setTabOrder(before, after)
    QWidget.setTabOrder(after, box)
    assert visits(qtbot, before, 4) == [before, after, box, before]
    assert visits(qtbot, box, 4, backwards=True) == [box, after, before, box]


def test_focusing_a_date_field_puts_the_cursor_in_its_box(qtbot: QtBot) -> None:
    form = open_form(qtbot)
    form.before.setFocus()
    form.date_field.setFocus()
    assert QApplication.focusWidget() is form.date_field.line_edit


def test_pick_opens_a_calendar_on_the_day_typed_and_the_day_picked_is_typed_in(
    qtbot: QtBot,
) -> None:
    form = open_form(qtbot)
    field = form.date_field
    field.set_latest(date(2026, 11, 20))
    field.setText("03/11/2026")
    field.pick_button.click()
    calendar = field.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2026, 11, 3)
    assert calendar.maximumDate() == QDate(2026, 11, 20)  # nothing after the latest day
    field.set_latest(date(2026, 11, 22))  # the next day comes while the form is open
    assert calendar.maximumDate() == QDate(2026, 11, 22)
    calendar.activated.emit(QDate(2026, 11, 10))
    assert field.text() == "10/11/2026"
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert QApplication.focusWidget() is field.line_edit
