"""The week editor: logging and amending a week as an officer would, and what they are told."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.clock import Clock
from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.small_screens import seen_whole_in
from tests.ui.windows import shown_active
from workdiary.domain.dates import format_day, format_moment
from workdiary.domain.errors import DiskFull
from workdiary.domain.records import WEEK_FIELDS, Profile, Week
from workdiary.storage import Diary
from workdiary.ui.amendments import AmendmentsDialog
from workdiary.ui.fields import DateField
from workdiary.ui.week_editor import FIELD_GROUPS, WeekEditor

# Friday 20 November 2026, mid-afternoon: the local date is the same in any UK-ish time zone.
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
THIS_WEEK = date(2026, 11, 16)
LAST_WEEK = THIS_WEEK - timedelta(weeks=1)
THREE_WEEKS_AGO = THIS_WEEK - timedelta(weeks=3)


def open_editor(qtbot: QtBot, diary: Diary, messages: ScriptedMessages) -> WeekEditor:
    return shown_active(qtbot, WeekEditor(diary, messages), 900, 700)


def type_into(editor: WeekEditor, field: str, text: str) -> None:
    box = editor.box(field)
    if isinstance(box, QPlainTextEdit):
        box.setPlainText(text)
    else:
        box.setText(text)


def typed(editor: WeekEditor, field: str) -> str:
    box = editor.box(field)
    return box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()


def pick_in_calendar(editor: WeekEditor, day: QDate) -> None:
    """As a click on `day` in the picker's calendar pop-up."""
    editor.week_picker.calendarWidget().clicked.emit(day)


def press_ctrl_s(qtbot: QtBot, editor: WeekEditor) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None and editor.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


WELSH_NOTES = "Llŷr: cover for ŵyr <team> & duty, 3 > 2"


def test_a_week_logged_in_the_editor_is_there_when_the_diary_is_opened_again(
    qtbot: QtBot, diary_path: Path, clock: Clock, messages: ScriptedMessages
) -> None:
    diary_path.parent.mkdir(parents=True)
    diary = Diary.open(diary_path, clock)
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(date(2026, 11, 18))  # a Wednesday means its week
    assert editor.current_week() == THIS_WEEK
    type_into(editor, "capacity_pct", "132.5 %")
    type_into(editor, "wmt_read_on", "2026-11-18")
    type_into(editor, "caseload", "46")
    type_into(editor, "hours_worked", "44.5")
    type_into(editor, "unpaid_hours", "7.5")
    type_into(editor, "sick_days", "0.5")
    type_into(editor, "notes", WELSH_NOTES)
    editor.box("caseload").setFocus()
    with qtbot.waitSignal(editor.saved) as saved:
        press_ctrl_s(qtbot, editor)
    assert saved.args == ["2026-11-16"]
    assert not editor.has_unsaved_changes()
    assert "Saved at" in editor.status.text()
    editor.close()
    editor.deleteLater()
    diary.close()

    with Diary.open(diary_path, clock) as reopened:
        stored = reopened.weeks.get("2026-11-16")
        assert stored is not None
        assert stored.record == Week(
            THIS_WEEK,
            132.5,
            wmt_read_on=date(2026, 11, 18),
            caseload=46,
            contracted_hours=37.0,
            hours_worked=44.5,
            unpaid_hours=7.5,
            sick_days=0.5,
            notes=WELSH_NOTES,
        )
        again = open_editor(qtbot, reopened, ScriptedMessages())
        again.show_week(THIS_WEEK)
        assert typed(again, "capacity_pct") == "132.5"
        assert typed(again, "wmt_read_on") == "18/11/2026"
        assert typed(again, "notes") == WELSH_NOTES
        assert again.record_line.text().startswith("First recorded Fri 20 Nov 2026")
        assert "not amended" in again.record_line.text()


def test_amending_keeps_the_old_figures_in_the_history_and_says_what_changed(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 132.5, caseload=46, hours_worked=40))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    assert typed(editor, "capacity_pct") == "132.5"
    clock.now += timedelta(hours=1)
    type_into(editor, "capacity_pct", "128")
    type_into(editor, "hours_worked", "")  # an empty box means "not recorded"
    with qtbot.waitSignal(editor.saved):
        assert editor.save()

    amendment = diary.weeks.history(LAST_WEEK.isoformat())[-1]
    assert amendment.action == "amend"
    by_field = {change.field: (change.old, change.new) for change in amendment.changes}
    assert by_field == {"capacity_pct": (132.5, 128.0), "hours_worked": (40.0, None)}
    status = editor.status.text()
    assert "WMT capacity: 132.5 % → 128 %" in status
    assert "Hours worked: 40 hours → (empty)" in status
    assert "history" in status
    assert "amended once" in editor.record_line.text()


def test_saving_what_is_already_there_says_nothing_changed(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 120))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    before = diary.audit.count()
    with qtbot.assertNotEmitted(editor.saved):
        assert editor.save()
    assert editor.status.text().startswith("Nothing changed")
    assert diary.audit.count() == before


def test_bad_values_are_shown_by_their_fields_and_nothing_is_saved(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    before = diary.audit.count()
    type_into(editor, "capacity_pct", "500")
    type_into(editor, "caseload", "lots")
    type_into(editor, "hours_worked", "40")
    type_into(editor, "unpaid_hours", "41")
    type_into(editor, "wmt_read_on", "31/02/2026")
    editor.box("notes").setFocus()
    with qtbot.assertNotEmitted(editor.saved):
        assert not editor.save()

    assert diary.audit.count() == before
    assert diary.weeks.get(THIS_WEEK.isoformat()) is None
    expected = {
        "capacity_pct": "WMT capacity must be between 0 and 400 %; you entered 500.",
        "caseload": "Caseload must be a number, like 46; you entered 'lots'.",
        "unpaid_hours": "Unpaid hours (41) cannot be more than the hours worked (40).",
        "wmt_read_on": "WMT figure read on '31/02/2026' does not exist on the calendar.",
    }
    for field, message in expected.items():
        problem = editor.problem_label(field)
        assert problem.isVisible(), field
        assert problem.text() == f"⚠ {message}"
        assert message in editor.box(field).accessibleDescription()
        # Next to its box: just below it, before the next field's box.
        box_bottom = editor.box(field).mapTo(editor, editor.box(field).rect().bottomLeft()).y()
        problem_top = problem.mapTo(editor, problem.rect().topLeft()).y()
        assert 0 <= problem_top - box_bottom < editor.box(field).height()
    assert not editor.problem_label("hours_worked").isVisible()
    assert editor.focusWidget() is editor.box("capacity_pct")
    assert typed(editor, "caseload") == "lots"  # what was typed stays, to be corrected

    type_into(editor, "capacity_pct", "132.5")
    type_into(editor, "caseload", "46")
    type_into(editor, "unpaid_hours", "4")
    editor.box("wmt_read_on").setFocus()
    qtbot.keyClick(editor.box("wmt_read_on"), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.box("wmt_read_on"), "2026-11-19")
    assert editor.save()
    for field in expected:
        assert not editor.problem_label(field).isVisible()
    assert diary.audit.count() == before + 1


def test_a_week_needs_its_capacity(qtbot: QtBot, diary: Diary, messages: ScriptedMessages) -> None:
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "caseload", "46")
    assert not editor.save()
    assert "Enter the WMT capacity" in editor.problem_label("capacity_pct").text()
    assert diary.weeks.all() == []


def test_the_line_by_save_says_nothing_was_saved_until_a_save_goes_through(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """Not "Press Ctrl+S": the officer has just pressed it."""
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "capacity_pct", "abc")
    type_into(editor, "caseload", "-5")
    assert not editor.save()
    assert editor.status.text() == "⚠ Nothing was saved: please check the 2 fields marked ⚠."
    type_into(editor, "caseload", "46")
    assert not editor.save()
    assert editor.status.text() == "⚠ Nothing was saved: please check what is marked ⚠."
    type_into(editor, "capacity_pct", "132")
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    assert editor.status.text().startswith("Saved")


def test_a_week_saved_elsewhere_since_it_was_opened_is_saved_over_only_when_the_user_says_so(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 132.5, caseload=46, hours_worked=40))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    # Meanwhile a command (or a window opened anyway) corrects the hours.
    clock.now += timedelta(minutes=5)
    diary.weeks.save(Week(LAST_WEEK, 132.5, caseload=46, hours_worked=43.5))
    type_into(editor, "notes", WELSH_NOTES)
    before = diary.audit.count()

    messages.answers = [False]  # "Go back"
    assert not editor.save()
    question = messages.texts("confirm")
    assert "after you opened it here" in question
    assert "What it holds now:\n  • Hours worked: 40 hours → 43.5 hours" in question
    # And what saving would make of it, not only that the form "shows" something.
    assert "Saving yours changes that:\n  • Hours worked: 43.5 hours → 40 hours\n\n" in question
    assert diary.audit.count() == before
    assert typed(editor, "notes") == WELSH_NOTES and editor.has_unsaved_changes()

    messages.answers = [True]  # "Save mine in its place"
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    stored = diary.weeks.get(LAST_WEEK.isoformat())
    assert stored is not None and stored.record.notes == WELSH_NOTES
    assert stored.record.hours_worked == 40  # what the form showed, as the question said
    assert [event.action for event in diary.weeks.history(LAST_WEEK.isoformat())] == [
        "create",
        "amend",
        "amend",
    ]

    # Saved from here, the form is the latest copy again: the next save asks nothing.
    type_into(editor, "hours_worked", "43.5")
    with qtbot.waitSignal(editor.saved):
        assert editor.save()


def test_a_week_changed_elsewhere_to_what_the_form_holds_too_is_saved_without_a_question(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    """The same correction typed in two windows is no clash: asking which to keep would only
    puzzle. What else the form changes is saved on top."""
    diary.weeks.save(Week(LAST_WEEK, 132.5, caseload=46, hours_worked=40))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    clock.now += timedelta(minutes=5)
    diary.weeks.save(Week(LAST_WEEK, 132.5, caseload=46, hours_worked=43.5))
    type_into(editor, "hours_worked", "43.5")
    type_into(editor, "notes", WELSH_NOTES)
    with qtbot.waitSignal(editor.saved):
        assert editor.save()  # no answer scripted: a question would fail the test
    stored = diary.weeks.get(LAST_WEEK.isoformat())
    assert stored is not None
    assert (stored.record.hours_worked, stored.record.notes) == (43.5, WELSH_NOTES)
    history = diary.weeks.history(LAST_WEEK.isoformat())
    assert [[c.field for c in event.changes] for event in history[1:]] == [
        ["hours_worked"],
        ["notes"],
    ]


def test_a_form_with_typing_says_when_its_week_was_changed_elsewhere_meanwhile(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    """The typing stays, but the line above it must not go on saying "not amended"."""
    diary.weeks.save(Week(LAST_WEEK, 132.5, caseload=46, hours_worked=40))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    assert "not amended" in editor.record_line.text()
    type_into(editor, "notes", WELSH_NOTES)
    clock.now += timedelta(minutes=5)
    diary.weeks.save(Week(LAST_WEEK, 132.5, caseload=46, hours_worked=43.5))
    editor.reload()  # as the window does when it is come back to
    assert "amended once" in editor.record_line.text()
    assert "changed elsewhere" in editor.notice.text() and editor.notice.isVisible()
    assert typed(editor, "notes") == WELSH_NOTES and typed(editor, "hours_worked") == "40"

    messages.answers = [True]  # "Save mine in its place"
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    assert "amended 2 times" in editor.record_line.text()
    assert "changed elsewhere" not in editor.notice.text()

    # Deleted elsewhere: the line says it is not logged now, not what it held.
    type_into(editor, "caseload", "47")
    clock.now += timedelta(minutes=5)
    diary.weeks.delete(LAST_WEEK.isoformat())
    editor.reload()
    assert editor.record_line.text().startswith("Not logged yet. It was logged before and deleted")
    assert "changed elsewhere" in editor.notice.text()
    assert typed(editor, "caseload") == "47"


def test_an_identifier_is_saved_only_when_the_user_says_so(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "capacity_pct", "120")
    type_into(editor, "notes", "Home visit for X123456 ran long")
    before = diary.audit.count()

    messages.answers = [False]
    assert not editor.save()
    assert "X123456" in messages.texts("confirm")
    assert diary.audit.count() == before
    assert typed(editor, "notes") == "Home visit for X123456 ran long"
    assert editor.has_unsaved_changes()
    assert editor.focusWidget() is editor.box("notes")  # back where the words can be changed

    messages.answers = [True]
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    stored = diary.weeks.get(THIS_WEEK.isoformat())
    assert stored is not None and "X123456" in stored.record.notes


def test_a_clock_reading_before_the_last_entry_is_asked_about_before_saving_or_deleting(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    """Saved with the clock put back, a week would be dated before entries already made: the
    officer is asked first, after any question about identifiers, and going back keeps what
    was typed and saves nothing."""
    diary.weeks.save(Week(LAST_WEEK, 132.5))
    clock.now -= timedelta(days=2)
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "capacity_pct", "120")
    type_into(editor, "notes", "Home visit for X123456 ran long")
    before = diary.audit.count()

    messages.answers = [True, False]  # save the identifier anyway, then go back over the clock
    assert not editor.save()
    assert [said.title for said in messages.said] == [
        "Check before saving",
        "Check your computer's clock",
    ]
    assert f"last entry was made at {format_moment(NOW)}" in messages.said[1].text
    assert diary.audit.count() == before and editor.has_unsaved_changes()
    assert typed(editor, "notes") == "Home visit for X123456 ran long"

    messages.answers = [True, True]
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    assert diary.audit.count() == before + 1

    clock.now -= timedelta(days=1)  # put back further still
    messages.answers = [True, False]  # "Delete the week", then go back over the clock
    assert not editor.delete()
    assert messages.said[-1].title == "Check your computer's clock"
    assert diary.weeks.get(THIS_WEEK.isoformat()) is not None
    messages.answers = [True, True]
    assert editor.delete()
    assert diary.weeks.get(THIS_WEEK.isoformat()) is None


def test_a_late_week_is_said_to_be_retrospective_before_and_after_saving(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    assert editor.show_week(THREE_WEEKS_AGO)
    assert editor.notice.isVisible()
    assert "marked as recorded late (retrospectively)" in editor.notice.text()
    type_into(editor, "capacity_pct", "118")
    assert editor.save()
    assert editor.notice.isVisible()
    assert editor.notice.text().startswith("Recorded retrospectively")

    assert editor.show_week(THIS_WEEK)
    assert not editor.notice.isVisible()
    assert editor.record_line.text() == "Not logged yet."


def test_a_week_logged_on_time_then_deleted_and_logged_again_late_is_retrospective(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """What the form says before the save ("will be marked as recorded late") is what the week
    is marked after it: its figures were entered afresh, weeks after the week ended."""
    clock = diary.clock
    assert isinstance(clock, Clock)
    now = clock.now
    clock.now = datetime.combine(THREE_WEEKS_AGO + timedelta(days=4), time(12)).astimezone()
    diary.weeks.save(Week(THREE_WEEKS_AGO, 101.0))
    clock.now = now
    diary.weeks.delete(THREE_WEEKS_AGO.isoformat())
    editor = open_editor(qtbot, diary, messages)
    assert editor.show_week(THREE_WEEKS_AGO)
    assert "marked as recorded late (retrospectively)" in editor.notice.text()
    type_into(editor, "capacity_pct", "145")
    assert editor.save()
    assert editor.notice.text() == (
        "Recorded retrospectively: logged again more than 7 days after the week ended."
    )


def test_contracted_hours_come_from_the_profile_for_a_new_week_only(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.save_profile(Profile(contracted_hours=22.5))
    diary.weeks.save(Week(LAST_WEEK, 100))  # logged without contracted hours
    editor = open_editor(qtbot, diary, messages)
    assert typed(editor, "contracted_hours") == "22.5"
    assert typed(editor, "wmt_read_on") == ""
    assert not editor.has_unsaved_changes()
    editor.show_week(LAST_WEEK)
    assert typed(editor, "contracted_hours") == ""


def test_the_editor_opens_on_the_oldest_recent_week_not_logged(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    for back in (6, 5, 4, 1):
        diary.weeks.save(Week(THIS_WEEK - timedelta(weeks=back), 110))
    editor = open_editor(qtbot, diary, messages)
    editor.show_default_week()
    assert editor.current_week() == THIS_WEEK - timedelta(weeks=3)
    assert editor.focusWidget() is editor.box("capacity_pct")
    editor.next_button.setFocus()
    editor.setFocus()  # as the window does when it shows the page
    assert editor.focusWidget() is editor.box("capacity_pct")


def test_switching_weeks_with_unsaved_changes_asks_first(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    editor.previous_button.click()  # nothing typed: no question
    assert editor.current_week() == LAST_WEEK
    assert messages.said == []

    type_into(editor, "capacity_pct", "131")
    messages.answers = [False]
    editor.previous_button.click()
    assert "Unsaved changes" in [said.title for said in messages.said]
    assert editor.current_week() == LAST_WEEK
    assert typed(editor, "capacity_pct") == "131"

    messages.answers = [False]
    pick_in_calendar(editor, QDate(2026, 10, 1))
    assert editor.current_week() == LAST_WEEK
    assert editor.week_picker.date() == QDate(2026, 11, 9)  # back on the week shown
    assert typed(editor, "capacity_pct") == "131"

    messages.answers = [True]
    assert editor.show_week(THREE_WEEKS_AGO)
    assert editor.current_week() == THREE_WEEKS_AGO
    assert typed(editor, "capacity_pct") == ""
    assert diary.weeks.all() == []


def test_the_keyboard_moves_between_weeks_and_the_picker_opens_any_days_week(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    box = editor.box("capacity_pct")
    qtbot.keyClick(box, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert editor.current_week() == LAST_WEEK
    qtbot.keyClick(editor.box("capacity_pct"), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert editor.current_week() == THIS_WEEK
    assert "Alt+Left" in editor.previous_button.toolTip()
    assert "Alt+Right" in editor.next_button.toolTip()

    pick_in_calendar(editor, QDate(2026, 10, 29))  # a Thursday
    assert editor.current_week() == date(2026, 10, 26)
    assert editor.heading.text() == "Week commencing Mon 26 Oct 2026"
    assert editor.week_picker.date() == QDate(2026, 10, 26)


def test_next_week_stops_at_this_week(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    assert editor.current_week() == THIS_WEEK
    assert not editor.next_button.isEnabled()
    editor.show_week(LAST_WEEK)
    assert editor.next_button.isEnabled()
    editor.show_week(THIS_WEEK + timedelta(weeks=2))  # a week that has not started
    assert editor.current_week() == THIS_WEEK
    assert not editor.next_button.isEnabled()


@pytest.mark.parametrize("from_week", [THIS_WEEK, LAST_WEEK])
def test_a_day_in_a_week_not_begun_says_why_this_week_is_shown(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, from_week: date
) -> None:
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(from_week)
    pick_in_calendar(editor, QDate(2026, 12, 3))
    assert editor.current_week() == THIS_WEEK
    assert editor.notice.isVisible()
    assert editor.notice.text() == (
        "Thu 03 Dec 2026 is in a week that has not begun yet, so this week is shown. "
        "A week can be logged once it has begun."
    )
    editor.show_week(LAST_WEEK)  # a week that can be shown needs no such word
    assert "not begun" not in editor.notice.text()


def test_a_storage_error_is_explained_and_what_was_typed_is_kept(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "capacity_pct", "125")
    type_into(editor, "notes", "Cover for two colleagues")

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise DiskFull("There is no space left to save the diary. Nothing was saved.")

    monkeypatch.setattr(diary.weeks, "save", disk_full)
    with qtbot.assertNotEmitted(editor.saved):
        assert not editor.save()
    assert [said.kind for said in messages.said] == ["error"]
    assert "There is no space left" in messages.texts("error")
    assert typed(editor, "capacity_pct") == "125"
    assert typed(editor, "notes") == "Cover for two colleagues"
    assert editor.has_unsaved_changes()


def test_every_figure_is_on_the_form_labelled_in_reading_order(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    on_form = [name for _title, names in FIELD_GROUPS for name in names]
    assert sorted(on_form) == sorted(set(WEEK_FIELDS) - {"week_commencing"})
    mnemonics = set()
    for name in on_form:
        box = editor.box(name)
        assert box.accessibleName() == WEEK_FIELDS[name].label
        # The date box's goes on to say how to open its calendar.
        assert box.accessibleDescription().startswith(WEEK_FIELDS[name].hint)
        labels = [label for label in editor.findChildren(QLabel) if label.buddy() is box]
        mnemonic = [label.text() for label in labels if "&" in label.text()]
        assert len(mnemonic) == 1, name
        mnemonics.add(mnemonic[0].split("&")[1][0].lower())
    assert len(mnemonics) == len(on_form)  # every Alt+letter goes to one field
    assert not mnemonics & set("sjfgh")  # Save, Jump to week, and the File, Go and Help menus

    # Tab walks the form top to bottom, out of the notes, and on to Save.
    editor.box("capacity_pct").setFocus()
    visited = []
    for _ in on_form:
        focused = QApplication.focusWidget()
        assert isinstance(focused, QLineEdit | QPlainTextEdit)
        visited.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert visited == [editor.box(name) for name in on_form]
    assert QApplication.focusWidget() is editor.save_button


def test_typing_a_day_in_the_picker_opens_its_week_once_the_date_is_whole(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    picker = editor.week_picker
    picker.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab or Alt+G would
    qtbot.keyClicks(picker, "29/10/2026")
    assert editor.current_week() == THIS_WEEK  # not at every digit typed
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert editor.current_week() == date(2026, 10, 26)

    editor.box("capacity_pct").setFocus()
    picker.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(picker, "01/01/2027")  # a week that has not started: this week it is
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert editor.current_week() == THIS_WEEK
    assert picker.date() == QDate(2026, 11, 16)


def test_a_one_digit_day_typed_in_the_picker_leaves_a_logged_weeks_figures_as_they_are(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """Typing 2/11 at the / once opened the week of 02 Nov with its capacity selected, so the 11
    went into it, and Ctrl+S amended the week."""
    logged = date(2026, 11, 2)
    diary.weeks.save(Week(logged, 125.0))
    editor = open_editor(qtbot, diary, messages)
    picker = editor.week_picker
    picker.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(picker, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(picker, "2/11")
    assert editor.current_week() == THIS_WEEK and QApplication.focusWidget() is picker
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert editor.current_week() == logged
    assert typed(editor, "capacity_pct") == "125" and not editor.has_unsaved_changes()


def test_a_day_typed_in_the_picker_outside_the_weeks_a_diary_keeps_says_why_another_is_shown(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """Else the date typed looks ignored, or changed behind the officer's back."""
    editor = open_editor(qtbot, diary, messages)
    picker = editor.week_picker
    picker.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(picker, "01/01/1990")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert editor.current_week() == date(2000, 1, 3)
    assert editor.notice.isVisible()
    assert editor.notice.text().startswith(
        "Mon 01 Jan 1990 is before the weeks a diary keeps, which begin on Mon 03 Jan 2000, "
        "so the first of them is shown."
    )

    editor.box("capacity_pct").setFocus()
    picker.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(picker, "23/11/2099")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert editor.current_week() == THIS_WEEK
    assert editor.notice.text().startswith("Mon 23 Nov 2099 is in a week that has not begun yet")


def test_the_picker_losing_focus_to_the_question_does_not_ask_again(
    qtbot: QtBot, diary: Diary
) -> None:
    class FocusMovingMessages(ScriptedMessages):
        """A real message box takes the focus while it asks; so does this."""

        def confirm(
            self, parent: QWidget | None, title: str, text: str, yes: str, no: str = "Cancel"
        ) -> bool:
            editor.save_button.setFocus()
            return super().confirm(parent, title, text, yes, no)

    messages = FocusMovingMessages(answers=[False])
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "capacity_pct", "131")
    picker = editor.week_picker
    picker.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(picker, "29/10/2026")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert [said.kind for said in messages.said] == ["confirm"]
    assert editor.current_week() == THIS_WEEK
    assert typed(editor, "capacity_pct") == "131"


def test_the_wmt_day_can_be_picked_from_a_calendar(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    date_field = editor.box("wmt_read_on").parentWidget()
    assert isinstance(date_field, DateField)
    date_field.calendar.clicked.emit(QDate(2026, 11, 19))
    assert typed(editor, "wmt_read_on") == "19/11/2026"
    assert date_field.calendar.maximumDate() == QDate(2026, 11, 20)  # nothing after today
    type_into(editor, "capacity_pct", "101")
    assert editor.save()
    stored = diary.weeks.get(THIS_WEEK.isoformat())
    assert stored is not None and stored.record.wmt_read_on == date(2026, 11, 19)


def test_a_deleted_week_can_be_logged_again(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 140))
    diary.weeks.delete(LAST_WEEK.isoformat())
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    assert "deleted" in editor.record_line.text()
    assert typed(editor, "capacity_pct") == ""
    type_into(editor, "capacity_pct", "135")
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    assert "logged again" in editor.status.text()
    assert [event.action for event in diary.weeks.history(LAST_WEEK.isoformat())] == [
        "create",
        "delete",
        "restore",
    ]


def test_a_long_list_of_changes_is_summed_up_to_keep_the_form_in_view(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 120, notes="Line one\nline two"))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    for field, text in [
        ("capacity_pct", "121"),
        ("caseload", "40"),
        ("reports_due", "2"),
        ("hours_worked", "45"),
        ("unpaid_hours", "8"),
        ("notes", "Line one\nline three"),
    ]:
        type_into(editor, field, text)
    assert editor.status.text().startswith("Not saved yet")
    assert editor.save()
    status = editor.status.text()
    assert "WMT capacity: 120 % → 121 %" in status
    assert "and 2 other changes" in status
    assert "\n" not in status


def in_sight(widget: QWidget) -> bool:
    """Whether the top of `widget`, where typing starts, shows in its window (not scrolled out
    of sight)."""
    shown = widget.visibleRegion().boundingRect()
    return shown.top() == 0 and shown.height() >= 2 * widget.fontMetrics().lineSpacing()


def test_a_box_reached_by_its_alt_letter_is_scrolled_into_sight(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = shown_active(qtbot, WeekEditor(diary, messages), 900, 400)
    notes = editor.box("notes")
    assert not in_sight(notes)  # below the fold of a short window
    qtbot.keyClick(editor.box("capacity_pct"), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is notes
    assert in_sight(notes)


# A profile saved while the form is open (first-run set-up, Settings, `workdiary profile set`).


def test_a_new_week_shown_untouched_takes_the_contracted_hours_saved_meanwhile(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    assert typed(editor, "contracted_hours") == "37"
    diary.save_profile(Profile(contracted_hours=30))
    editor.reload()
    assert typed(editor, "contracted_hours") == "30" and not editor.has_unsaved_changes()
    type_into(editor, "capacity_pct", "112")
    assert editor.save()
    saved = diary.weeks.get(THIS_WEEK.isoformat())
    assert saved is not None and saved.record.contracted_hours == 30


def test_typing_stays_when_the_profile_changes_and_only_the_untouched_default_follows(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "capacity_pct", "131.5")
    type_into(editor, "notes", WELSH_NOTES)
    diary.save_profile(Profile(contracted_hours=30))
    editor.reload()
    assert typed(editor, "capacity_pct") == "131.5" and typed(editor, "notes") == WELSH_NOTES
    assert typed(editor, "contracted_hours") == "30"
    assert editor.has_unsaved_changes()

    type_into(editor, "contracted_hours", "22.5")  # the user's own figure for this week
    diary.save_profile(Profile(contracted_hours=37))
    editor.reload()
    assert typed(editor, "contracted_hours") == "22.5" and typed(editor, "capacity_pct") == "131.5"
    assert editor.save()
    saved = diary.weeks.get(THIS_WEEK.isoformat())
    assert saved is not None and saved.record.contracted_hours == 22.5


def test_a_logged_week_keeps_its_own_contracted_hours_when_the_profile_changes(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(THIS_WEEK, 120.0, contracted_hours=37))
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "caseload", "44")
    diary.save_profile(Profile(contracted_hours=30))
    editor.reload()
    assert typed(editor, "contracted_hours") == "37" and typed(editor, "caseload") == "44"


def refused_on_saving(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, typing: dict[str, str]
) -> WeekEditor:
    """The editor after `typing` into this week's form and asking to save, which it refused."""
    editor = open_editor(qtbot, diary, messages)
    before = diary.audit.count()
    for field, text in {"capacity_pct": "132.5", **typing}.items():
        type_into(editor, field, text)
    with qtbot.assertNotEmitted(editor.saved):
        assert not editor.save()
    assert diary.audit.count() == before
    assert diary.weeks.get(THIS_WEEK.isoformat()) is None
    for field, text in typing.items():
        assert typed(editor, field) == text  # what was typed stays, to be corrected
    return editor


def test_each_box_gives_an_example_that_fits_its_figure(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = refused_on_saving(
        qtbot,
        diary,
        messages,
        {"capacity_pct": "high", "hours_worked": "lots", "leave_days": "a week"},
    )
    assert editor.problem_label("capacity_pct").text() == (
        "⚠ WMT capacity must be a number, like 132.5; you entered 'high'."
    )
    assert editor.problem_label("hours_worked").text() == (
        "⚠ Hours worked must be a number, like 44.5; you entered 'lots'."
    )
    assert editor.problem_label("leave_days").text() == (
        "⚠ Leave must be a number, like 1.5; you entered 'a week'."
    )


def test_a_decimal_comma_is_refused_by_its_box_not_saved_as_a_bigger_figure(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    expected = {
        "capacity_pct": (
            "132,5",
            "WMT capacity: use a full stop for the decimal point, like 132.5; you entered '132,5'.",
        ),
        "hours_worked": (
            "2,5",
            "Hours worked: use a full stop for the decimal point, like 44.5; you entered '2,5'.",
        ),
        "contracted_hours": (
            "7,5",
            "Contracted hours: use a full stop for the decimal point, like 37.5; "
            "you entered '7,5'.",
        ),
        "caseload": ("4,6", "Caseload must be a whole number, like 46; you entered '4,6'."),
    }
    editor = refused_on_saving(
        qtbot, diary, messages, {field: text for field, (text, _) in expected.items()}
    )
    for field, (_, message) in expected.items():
        assert editor.problem_label(field).isVisible(), field
        assert editor.problem_label(field).text() == f"⚠ {message}"

    type_into(editor, "capacity_pct", "132.5")
    type_into(editor, "hours_worked", "1,234.5")  # a thousands comma is read, and out of range
    type_into(editor, "contracted_hours", "7.5")
    type_into(editor, "caseload", "46")
    assert not editor.save()
    assert editor.problem_label("hours_worked").text() == (
        "⚠ Hours worked must be between 0 and 168 hours; you entered 1,234.5."
    )
    type_into(editor, "hours_worked", "2.5")
    assert editor.save()
    saved = diary.weeks.get(THIS_WEEK.isoformat())
    assert saved is not None
    week = saved.record
    assert (week.capacity_pct, week.hours_worked, week.contracted_hours, week.caseload) == (
        132.5,
        2.5,
        7.5,
        46,
    )


def test_a_percent_or_pound_sign_in_a_box_that_is_not_for_one_is_refused(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = refused_on_saving(
        qtbot, diary, messages, {"hours_worked": "44.5%", "unpaid_hours": "£7.5"}
    )
    assert editor.problem_label("hours_worked").text() == (
        "⚠ Hours worked is not a percentage: write it without the %, like 44.5; "
        "you entered '44.5%'."
    )
    assert editor.problem_label("unpaid_hours").text() == (
        "⚠ Unpaid hours is not an amount of money: write it without the £, like 7.5; "
        "you entered '£7.5'."
    )


def test_a_huge_number_is_refused_in_plain_words(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = refused_on_saving(qtbot, diary, messages, {"capacity_pct": "9" * 400})
    assert editor.problem_label("capacity_pct").text() == (
        f"⚠ WMT capacity is far too large a number: write it like 132.5; you entered '{'9' * 39}…'."
    )


def test_a_wmt_figure_read_years_before_the_week_is_refused_by_its_box(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = refused_on_saving(qtbot, diary, messages, {"wmt_read_on": "01/01/1900"})
    assert editor.problem_label("wmt_read_on").text() == (
        "⚠ The WMT figure was read on Mon 01 Jan 1900, more than a year before the week "
        "commencing Mon 16 Nov 2026, so it cannot be that week's figure. "
        "Check the date you read it."
    )


def test_a_message_beside_a_box_follows_the_correction_as_it_is_typed(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    type_into(editor, "capacity_pct", "132.5")
    type_into(editor, "wmt_read_on", "31/02/2026")
    assert not editor.save()
    assert editor.problem_label("wmt_read_on").isVisible()
    type_into(editor, "wmt_read_on", "19/11/2027")  # wrong in another way: it says so
    assert "future" in editor.problem_label("wmt_read_on").text()
    type_into(editor, "wmt_read_on", "19/11/2026")  # corrected: the message goes at once
    assert not editor.problem_label("wmt_read_on").isVisible()
    # A box not marked wrong is left alone while typing, even half typed.
    type_into(editor, "hours_worked", "4x")
    assert not editor.problem_label("hours_worked").isVisible()


def test_a_week_logged_by_mistake_is_deleted_only_when_the_user_says_so_and_its_history_stays(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 128.0, caseload=41, notes=WELSH_NOTES))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(THIS_WEEK)
    assert not editor.delete_button.isEnabled()  # nothing logged: nothing to delete
    editor.show_week(LAST_WEEK)
    assert editor.delete_button.isEnabled()

    messages.answers.append(False)  # "Keep it", the default
    assert not editor.delete()
    assert "Delete the week commencing Mon 09 Nov 2026?" in messages.texts("confirm")
    assert diary.weeks.get(LAST_WEEK.isoformat()) is not None
    assert typed(editor, "capacity_pct") == "128"

    messages.answers.append(True)
    with qtbot.waitSignal(editor.saved) as saved:
        assert editor.delete()
    assert saved.args == [LAST_WEEK.isoformat()]
    assert diary.weeks.get(LAST_WEEK.isoformat()) is None
    assert typed(editor, "capacity_pct") == "" and typed(editor, "notes") == ""
    assert editor.record_line.text().startswith("Not logged yet. It was logged before and deleted")
    assert editor.status.text().startswith("Deleted at ")
    assert not editor.delete_button.isEnabled()
    [_created, deleted] = diary.audit.entries("weeks", LAST_WEEK.isoformat())
    assert deleted.action == "delete" and deleted.values["notes"] == WELSH_NOTES
    assert diary.verify().intact

    # Logged again, it is the same week with its whole story.
    type_into(editor, "capacity_pct", "131")
    assert editor.save()
    assert "logged again" in editor.status.text()


def test_deleting_a_week_with_typing_not_saved_says_that_goes_too(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 128.0))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    type_into(editor, "caseload", "44")
    messages.answers.append(False)
    assert not editor.delete()
    assert "have not saved will be lost too" in messages.texts("confirm")
    assert typed(editor, "caseload") == "44"  # kept, as the user chose


def test_a_week_that_cannot_be_deleted_says_why_and_stays(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, monkeypatch: pytest.MonkeyPatch
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 128.0))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)

    def disk_full(_key: str, **_revision: object) -> None:
        raise DiskFull("There is no space left to save to your diary.")

    monkeypatch.setattr(diary.weeks, "delete", disk_full)
    messages.answers.append(True)
    assert not editor.delete()
    assert "The week was not deleted" in [said.title for said in messages.said]
    assert typed(editor, "capacity_pct") == "128"
    assert editor.delete_button.isEnabled()


def test_a_week_changed_elsewhere_since_it_was_shown_is_not_deleted_unseen(
    qtbot: QtBot, diary: Diary, diary_path: Path, clock: Clock, messages: ScriptedMessages
) -> None:
    diary.weeks.save(Week(LAST_WEEK, 128.0))
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    with Diary.open(diary_path, clock) as elsewhere:  # a command, or another window
        elsewhere.weeks.save(Week(LAST_WEEK, 133.0))
    messages.answers.append(True)
    assert not editor.delete()
    assert "Nothing was deleted" in messages.texts("error")
    assert diary.weeks.get(LAST_WEEK.isoformat()) is not None
    assert typed(editor, "capacity_pct") == "133"  # shown as it is now, to decide again


def test_a_week_deleted_and_logged_again_says_so_above_the_form_and_is_not_amended(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    editor.show_week(LAST_WEEK)
    type_into(editor, "capacity_pct", "140")
    assert editor.save()
    first_recorded = clock.now
    clock.now += timedelta(hours=1)
    messages.answers.append(True)  # "Delete the week"
    assert editor.delete()
    clock.now += timedelta(days=3)
    type_into(editor, "capacity_pct", "135")
    with qtbot.waitSignal(editor.saved):
        assert editor.save()

    logged_again_on = format_day(clock.now.astimezone().date())
    expected = (
        f"First recorded {format_moment(first_recorded)} · deleted and logged again on "
        f"{logged_again_on} · not amended"
    )
    assert editor.record_line.text() == expected
    editor.show_week(THIS_WEEK)
    editor.show_week(LAST_WEEK)  # as read back from the diary
    assert editor.record_line.text() == expected

    clock.now += timedelta(hours=1)
    type_into(editor, "capacity_pct", "136")
    assert editor.save()
    assert editor.record_line.text().endswith(
        f" · deleted and logged again on {logged_again_on} · amended once"
    )


def test_the_history_of_the_week_shown_is_a_key_away(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    editor = open_editor(qtbot, diary, messages)
    assert not editor.history_button.isEnabled()  # never logged: no history yet
    assert editor.show_history() is None
    type_into(editor, "capacity_pct", "125")
    assert editor.save()
    type_into(editor, "capacity_pct", "131.5")
    type_into(editor, "notes", WELSH_NOTES)
    assert editor.save()
    assert editor.history_button.isEnabled()
    assert "Ctrl+H" in editor.history_button.toolTip()

    qtbot.keyClick(editor.box("notes"), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = editor.findChild(AmendmentsDialog)
    assert isinstance(dialog, AmendmentsDialog) and dialog.isVisible()
    assert dialog.week_commencing == THIS_WEEK
    text = dialog.text.toPlainText()
    assert "WMT capacity: 125 % → 131.5 %" in text
    assert f"Notes: (empty) → {WELSH_NOTES}" in text
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor.findChild(AmendmentsDialog) is None)

    # Deleted, the week is not logged, and what it held is still there to see.
    messages.answers = [True]
    assert editor.delete()
    assert editor.history_button.isEnabled()
    dialog = editor.show_history()
    assert dialog is not None and "deleted" in dialog.text.toPlainText()


@pytest.mark.parametrize("field", ["unpaid_hours", "hours_worked", "sick_days"])
def test_on_a_short_window_a_problem_shows_whole_under_its_box(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, field: str
) -> None:
    """Brought into sight by the focus, a box low on the form stood at the foot of the view
    with what is wrong with it cut off below."""
    editor = shown_active(qtbot, WeekEditor(diary, messages), 900, 420)
    type_into(editor, "capacity_pct", "132")
    box = editor.box(field)
    box.setFocus()
    type_into(editor, field, "-3")
    # The box at the very foot of the view, as a user scrolling down to it would leave it.
    view = editor.form_scroll.viewport()
    bottom = box.mapTo(view, box.rect().bottomLeft()).y()
    scroll = editor.form_scroll.verticalScrollBar()
    scroll.setValue(scroll.value() + bottom - view.height() + 2)
    assert not editor.save()
    assert box.hasFocus()
    problem = next(label for label in editor.findChildren(QLabel) if label.text().startswith("⚠ "))
    assert "-3" in problem.text()
    assert seen_whole_in(problem, editor) and seen_whole_in(box, editor)


def test_tab_leaves_the_jump_to_week_box_in_one_press(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """Not three: day, month and year are typed straight through, and Tab leaves the box as it
    leaves every other one."""
    editor = open_editor(qtbot, diary, messages)
    picker = editor.week_picker
    picker.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(picker.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert editor.box("capacity_pct").hasFocus()
    qtbot.keyClick(
        editor.box("capacity_pct"), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    assert picker.hasFocus()
