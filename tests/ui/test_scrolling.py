"""On a small laptop's screen (1024 × 600) the forms scroll: the field the keyboard goes to comes
into view whole, with its label and hint, and no line is left cut in half across the top."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.windows import focused, shown_active
from workdiary.domain.records import WEEK_FIELDS
from workdiary.storage import Diary
from workdiary.ui.main_window import CLOSE_WITHOUT_SAVING, SUPERVISION, THIS_WEEK, MainWindow
from workdiary.ui.supervision_page import HINTS as SESSION_HINTS
from workdiary.ui.week_editor import FIELD_GROUPS

# What reads as a line of a form, which a user sees cut in half at the top of the view.
LINES = (QLabel, QLineEdit, QPlainTextEdit, QAbstractButton, QComboBox)


def small_laptop_window(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, path: Path
) -> MainWindow:
    settings = QSettings(str(path / "window.ini"), QSettings.Format.IniFormat)
    # Closed at the end of the test, the window throws away what was typed and not saved.
    messages.answers = [CLOSE_WITHOUT_SAVING]
    return shown_active(qtbot, MainWindow(diary, messages, settings), 1024, 600)


def in_view(widget: QWidget, scroll: QScrollArea) -> QRect:
    """Where `widget` lies in the scroll area's view."""
    return QRect(widget.mapTo(scroll.viewport(), QPoint(0, 0)), widget.size())


def seen_whole(widget: QWidget, scroll: QScrollArea) -> bool:
    return widget.isVisible() and scroll.viewport().rect().contains(in_view(widget, scroll))


def cut_across_the_top(scroll: QScrollArea) -> list[str]:
    """The lines of the form the top of the view cuts in half."""
    content = scroll.widget()
    assert content is not None
    cut = []
    for line in content.findChildren(QWidget):
        if isinstance(line, LINES) and line.isVisible():
            where = in_view(line, scroll)
            if where.top() < 0 < where.bottom():
                text = line.text() if isinstance(line, QLabel | QAbstractButton) else ""
                cut.append(text or line.accessibleName() or type(line).__name__)
    return cut


def labelled(box: QWidget, content: QWidget) -> QLabel:
    """The label naming `box` (not the unit after it, which also takes the focus there)."""
    [label] = [
        label
        for label in content.findChildren(QLabel)
        if label.buddy() is box and "&" in label.text()
    ]
    return label


def hint_line(box: QWidget, text: str, content: QWidget) -> QLabel:
    """The line saying `text` beside or under `box` (two fields may say the same)."""

    def distance(hint: QLabel) -> int:
        return abs(hint.mapTo(content, QPoint(0, 0)).y() - box.mapTo(content, QPoint(0, 0)).y())

    return min((hint for hint in content.findChildren(QLabel) if hint.text() == text), key=distance)


@pytest.mark.parametrize("backwards", [False, True], ids=["Tab", "Shift+Tab"])
def test_tabbing_down_the_week_brings_each_field_into_view_with_its_label_and_hint(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path, backwards: bool
) -> None:
    window = small_laptop_window(qtbot, diary, messages, tmp_path)
    window.show_page(THIS_WEEK)
    editor = window.editor
    scroll = editor.form_scroll
    content = scroll.widget()
    assert content is not None
    names = [name for _title, names in FIELD_GROUPS for name in names]
    if backwards:
        names.reverse()
    editor.box(names[0]).setFocus(Qt.FocusReason.TabFocusReason)
    assert scroll.verticalScrollBar().maximum() > 0  # the form does not fit: it scrolls

    for name in names:
        box = editor.box(name)
        assert focused() is box
        assert seen_whole(box, scroll), name
        assert seen_whole(labelled(box, content), scroll), name
        assert seen_whole(hint_line(box, WEEK_FIELDS[name].hint, content), scroll), name
        assert cut_across_the_top(scroll) == [], name
        if name != names[-1]:
            if backwards:
                qtbot.keyClick(box, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
            else:
                qtbot.keyClick(box, Qt.Key.Key_Tab)


def test_tabbing_down_a_session_brings_each_field_into_view_with_its_label_and_hint(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> None:
    window = small_laptop_window(qtbot, diary, messages, tmp_path)
    window.show_page(SUPERVISION)
    page = window.supervision_page
    scroll = page.page_scroll
    content = scroll.widget()
    assert content is not None
    assert scroll.verticalScrollBar().maximum() > 0  # the page does not fit: it scrolls
    page.sort_choice.setFocus(Qt.FocusReason.TabFocusReason)  # over the form, under the list

    for name in ["held_on", "status", "supervisor", "minutes", "workload_discussed"]:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        box = page.box(name)
        assert focused() is box, name
        assert seen_whole(box, scroll), name
        if name != "workload_discussed":  # a check box is its own label
            assert seen_whole(labelled(box, content), scroll), name
        assert seen_whole(hint_line(box, SESSION_HINTS[name], content), scroll), name
        assert cut_across_the_top(scroll) == [], name


def typed_box(window: MainWindow, index: int) -> tuple[QScrollArea, QPlainTextEdit]:
    """A page's scroll area, and its box for notes."""
    window.show_page(index)
    if index == THIS_WEEK:
        scroll, box = window.editor.form_scroll, window.editor.box("notes")
    else:
        scroll, box = window.supervision_page.page_scroll, window.supervision_page.box("notes")
    assert isinstance(box, QPlainTextEdit)
    return scroll, box


def cursor_seen(box: QPlainTextEdit, scroll: QScrollArea) -> bool:
    """Whether the line the cursor is on shows in the scroll area's view."""
    cursor = box.cursorRect()
    where = QRect(box.viewport().mapTo(scroll.viewport(), cursor.topLeft()), cursor.size())
    return scroll.viewport().rect().contains(where)


@pytest.mark.parametrize("index", [THIS_WEEK, SUPERVISION], ids=["week", "session"])
def test_the_form_scrolls_with_the_line_being_typed_in_a_box_of_a_few_lines(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path, index: int
) -> None:
    window = small_laptop_window(qtbot, diary, messages, tmp_path)
    scroll, box = typed_box(window, index)
    box.setFocus()
    qtbot.keyClicks(box, "And then")
    # Only the top of the box in view, at the foot of it, as a user scrolling down with the
    # mouse wheel might leave it, and clicked into there: the form stays where it is.
    view = scroll.viewport()
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.value() + box.mapTo(view, QPoint(0, 0)).y() - view.height() + 30)
    assert bar.value() < bar.maximum()
    start = bar.value()
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert box.hasFocus() and bar.value() == start and cursor_seen(box, scroll)

    for line in range(1, 13):
        qtbot.keyClicks(box, f"Line {line} of what happened")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: cursor_seen(box, scroll))
    assert bar.value() > start  # it followed the typing down
    assert box.toPlainText().count("\n") == 12 and box.toPlainText().endswith("And then")


def test_a_record_put_in_the_form_does_not_scroll_it(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> None:
    """The cursor moves when a week's notes are filled in, but the user is not typing there."""
    window = small_laptop_window(qtbot, diary, messages, tmp_path)
    scroll, box = typed_box(window, THIS_WEEK)
    window.editor.box("capacity_pct").setFocus()
    bar = scroll.verticalScrollBar()
    bar.setValue(0)
    box.setPlainText("\n".join(f"Line {line}" for line in range(1, 30)))
    box.moveCursor(box.textCursor().MoveOperation.End)
    QApplication.processEvents()  # where a scroll would be waiting, were one coming
    assert bar.value() == 0


def test_another_week_opened_from_the_keyboard_shows_its_capacity_box_with_the_keyboard_in_it(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> None:
    """Alt+Left from the foot of the form: the capacity box takes the keyboard, and typing in it
    must not go on out of sight."""
    window = small_laptop_window(qtbot, diary, messages, tmp_path)
    window.show_page(THIS_WEEK)
    editor = window.editor
    notes = editor.box("notes")
    notes.setFocus(Qt.FocusReason.TabFocusReason)
    assert editor.form_scroll.verticalScrollBar().value() > 0  # scrolled down to the notes
    qtbot.keyClick(notes, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()  # what the opening set going, done
    capacity = editor.box("capacity_pct")
    assert focused() is capacity
    assert seen_whole(capacity, editor.form_scroll)
    assert seen_whole(labelled(capacity, editor.form_scroll.widget()), editor.form_scroll)
