"""A date box in a form: Tab goes through it and on, wherever the form puts it in the tab order,
and a calendar to pick the day from; and the date box that jumps to a week takes a date typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from workdiary.ui.fields import DateEdit, DateField


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


def test_a_date_box_shows_the_key_that_opens_its_calendar_and_tells_a_screen_reader(
    qtbot: QtBot,
) -> None:
    """Its Pick… button is no stop for Tab, so that a form is quick to tab down: a keyboard user
    learns F4 from the button beside the box, not from a tooltip only the mouse brings up."""
    form = open_form(qtbot)
    field, box = form.date_field, form.date_field.line_edit
    assert field.pick_button.text() == "Pick… (F4)"
    assert field.pick_button.isVisible()
    assert not field.pick_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert visits(qtbot, form.before, 3) == [form.before, box, form.after]
    assert box.accessibleDescription() == "F4 or Alt+Down opens a calendar."
    # Whatever the form says of the box, as it says what is wrong with it.
    box.setAccessibleDescription("The day you raised it")
    assert box.accessibleDescription() == (
        "The day you raised it. F4 or Alt+Down opens a calendar."
    )
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_F4)
    qtbot.waitUntil(field.calendar.isVisible)


def _chosen_after(qtbot: QtBot, begin: Callable[[DateEdit], None], typing: str) -> QDate:
    """The date a DateEdit settles on when typing follows `begin` (a click, select all…)."""
    box = DateEdit()
    box.setDate(QDate(2026, 11, 16))
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    begin(box)
    with qtbot.waitSignal(box.chosen) as chosen:
        qtbot.keyClicks(box, typing)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    day = chosen.args[0]
    assert isinstance(day, QDate)
    return day


def _click_in_the_middle(box: DateEdit) -> None:
    box.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(box, Qt.Key.Key_Right)  # somewhere else in it first
    line = box.lineEdit()
    QTest.mouseClick(line, Qt.MouseButton.LeftButton, pos=line.rect().center())


def _select_all(box: DateEdit) -> None:
    box.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("begin", [_click_in_the_middle, _select_all], ids=["click", "select-all"])
def test_a_whole_date_typed_is_that_date_wherever_the_cursor_was(
    qtbot: QtBot, begin: Callable[[DateEdit], None]
) -> None:
    # Typed after a click mid-box it once gave a day in the year 2000; after select all, 12 Oct.
    assert _chosen_after(qtbot, begin, "25/12/2025") == QDate(2025, 12, 25)


@pytest.mark.parametrize(
    ("typing", "day"),
    [
        ("2/11", QDate(2026, 11, 2)),
        ("2/3/2025", QDate(2025, 3, 2)),
        ("2.3.2025", QDate(2025, 3, 2)),
    ],
)
def test_a_one_digit_day_or_month_ended_by_a_slash_moves_on_within_the_date(
    qtbot: QtBot, typing: str, day: QDate
) -> None:
    # The / once took the keyboard out of the box, and what followed was typed into the next.
    assert _chosen_after(qtbot, _select_all, typing) == day


def test_a_slash_typed_in_the_year_stays_in_the_date(qtbot: QtBot) -> None:
    box, after = DateEdit(), QLineEdit()
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.addWidget(box)
    layout.addWidget(after)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    _select_all(box)
    qtbot.keyClicks(box, "02/11/2026/1")
    assert QApplication.focusWidget() is box and after.text() == ""


def test_the_arrow_keys_still_reach_one_part_of_the_date(qtbot: QtBot) -> None:
    def to_the_year(box: DateEdit) -> None:
        box.setFocus(Qt.FocusReason.TabFocusReason)  # on the day
        QTest.keyClick(box, Qt.Key.Key_Right)
        QTest.keyClick(box, Qt.Key.Key_Right)
        box.setSelectedSection(QDateTimeEdit.Section.YearSection)

    assert _chosen_after(qtbot, to_the_year, "2025") == QDate(2025, 11, 16)


CALENDAR_KEYS = [
    pytest.param(Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier, id="F4"),
    pytest.param(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier, id="Alt+Down"),
]


def _in_the_calendar(qtbot: QtBot, *keys: Qt.Key) -> None:
    """Press keys wherever the focus is, which must be in the open calendar."""
    for key in keys:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)


@pytest.mark.parametrize(("key", "modifier"), CALENDAR_KEYS)
def test_a_date_box_opens_its_calendar_from_the_keyboard_and_a_day_is_picked_with_it(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    form = open_form(qtbot)
    field = form.date_field
    field.setText("03/11/2026")
    field.line_edit.setFocus()
    qtbot.keyClick(field.line_edit, key, modifier)
    qtbot.waitUntil(field.calendar.isVisible)
    assert field.calendar.isAncestorOf(QApplication.focusWidget())
    _in_the_calendar(qtbot, Qt.Key.Key_Right, Qt.Key.Key_Return)
    assert field.text() == "04/11/2026"
    qtbot.waitUntil(lambda: not field.calendar.isVisible())
    assert QApplication.focusWidget() is field.line_edit


@pytest.mark.parametrize(("key", "modifier"), CALENDAR_KEYS)
def test_the_week_box_opens_its_calendar_from_the_keyboard_without_changing_the_date(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    box = DateEdit()
    box.setDate(QDate(2026, 11, 20))
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    box.setFocus()
    qtbot.keyClick(box, key, modifier)
    calendar = box.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert box.date() == QDate(2026, 11, 20)  # Qt's own Alt+Down stepped it back a day
    with qtbot.waitSignal(box.chosen) as chosen:
        _in_the_calendar(qtbot, Qt.Key.Key_Up, Qt.Key.Key_Return)  # a week earlier
    assert chosen.args == [QDate(2026, 11, 13)]
    assert box.date() == QDate(2026, 11, 13)
