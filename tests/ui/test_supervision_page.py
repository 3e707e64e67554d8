"""The Supervision page: logging and amending sessions as an officer would, the overdue banner,
and the figures for a period."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.clock import Clock
from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.small_screens import seen_whole_in
from tests.ui.windows import focused, shown_active
from workdiary.domain.dates import format_day, format_moment
from workdiary.domain.errors import DiskFull
from workdiary.domain.oversight import supervision_figures
from workdiary.domain.records import (
    SUPERVISION_FIELDS,
    Profile,
    SupervisionSession,
    SupervisionStatus,
)
from workdiary.storage import Diary
from workdiary.ui.oversight_models import RecordsSortProxy, SessionColumn, SupervisionModel
from workdiary.ui.supervision_page import SupervisionPage

# Friday 20 November 2026, mid-afternoon: the local date is the same in any UK-ish time zone.
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
TODAY = date(2026, 11, 20)
WELSH_NOTES = "Llŷr: trafod <llwyth gwaith> & ŵyr, 3 > 2"

HELD = SupervisionStatus.HELD
BY_MANAGER = SupervisionStatus.CANCELLED_BY_MANAGER
BY_ME = SupervisionStatus.CANCELLED_BY_ME


def every_four_weeks(diary: Diary) -> None:
    diary.save_profile(Profile(supervision_interval_weeks=4))


def open_page(qtbot: QtBot, diary: Diary, messages: ScriptedMessages) -> SupervisionPage:
    return shown_active(qtbot, SupervisionPage(diary, messages))


def row_texts(page: SupervisionPage, row: int) -> list[str]:
    model = page.table.model()
    return [str(model.index(row, column).data()) for column in range(model.columnCount())]


def line_edit(page: SupervisionPage, field: str) -> QLineEdit:
    box = page.box(field)
    assert isinstance(box, QLineEdit)
    return box


def test_a_cancelled_session_is_logged_by_keyboard_alone(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    page.table.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert focused() is page.box("held_on")
    assert line_edit(page, "held_on").selectedText() == "20/11/2026"  # today, ready to type over
    qtbot.keyClicks(focused(), "17/11/2026")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.box("status")
    qtbot.keyClick(focused(), Qt.Key.Key_C)  # the first status that starts with C
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.box("supervisor")
    qtbot.keyClicks(focused(), "GW")
    # Length and workload mean nothing for a session not held: Tab stops at them as for any
    # session, in the same order, but they cannot be changed.
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.box("minutes")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.workload_box
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.box("actions")
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [stored] = diary.supervision.all()
    assert stored.record == SupervisionSession(date(2026, 11, 17), BY_MANAGER, "GW")
    assert row_texts(page, 0)[: SessionColumn.WORKLOAD + 1] == [
        "Tue 17 Nov 2026",
        "Cancelled by manager",
        "GW",
        "",
        "",
    ]
    assert page.current_key() == stored.key
    assert "Saved at" in page.status.text()
    assert "not amended" in page.record_line.text()
    assert not page.has_unsaved_changes()


def test_a_held_session_with_welsh_and_markup_reads_back_as_typed(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    line_edit(page, "held_on").setText("2026-11-18")
    line_edit(page, "supervisor").setText("Ŵ.J.")
    line_edit(page, "minutes").setText("60")
    page.workload_box.setChecked(True)
    page.actions_box.setPlainText("Pause allocations <for two weeks> & review")
    page.notes_box.setPlainText(WELSH_NOTES)
    assert page.save()

    [stored] = diary.supervision.all()
    assert stored.record == SupervisionSession(
        date(2026, 11, 18),
        HELD,
        "Ŵ.J.",
        60,
        True,
        "Pause allocations <for two weeks> & review",
        WELSH_NOTES,
    )
    assert row_texts(page, 0)[: SessionColumn.WORKLOAD + 1] == [
        "Wed 18 Nov 2026",
        "Held",
        "Ŵ.J.",
        "60 min",
        "yes",
    ]
    page.new_session()
    assert page.notes_box.toPlainText() == ""
    page.table.selectRow(0)  # as a click on the row
    assert page.notes_box.toPlainText() == WELSH_NOTES
    assert line_edit(page, "supervisor").text() == "Ŵ.J."


def test_amending_a_session_keeps_both_values_in_its_history(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    key = diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60)).entry.key
    clock.now += timedelta(hours=1)
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(0)
    assert page.current_key() == key
    assert line_edit(page, "minutes").text() == "60"
    line_edit(page, "minutes").setText("45")
    assert page.has_unsaved_changes()
    assert "Not saved yet" in page.status.text()
    with qtbot.waitSignal(page.saved):
        assert page.save()

    first, amended = diary.supervision.history(key)
    assert first.action == "create"
    assert {change.field: change.new for change in first.changes}["minutes"] == 60
    assert amended.action == "amend"
    assert [(change.field, change.old, change.new) for change in amended.changes] == [
        ("minutes", 60, 45)
    ]
    assert len(diary.supervision.all()) == 1
    assert "Length: 60 minutes → 45 minutes" in page.status.text()
    assert "amended once" in page.record_line.text()
    assert page.record_line.text().startswith("First recorded Fri 20 Nov 2026")
    assert row_texts(page, 0)[SessionColumn.FLAGS] == "amended"


def test_a_session_deleted_elsewhere_since_it_was_opened_is_saved_again_only_if_asked(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    key = diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60)).entry.key
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(0)
    line_edit(page, "minutes").setText("45")
    diary.supervision.delete(key)  # by a command, while the page still shows the session

    messages.answers = [False]
    assert not page.save()
    assert "was deleted after you opened it here" in messages.texts("confirm")
    assert diary.supervision.get(key) is None
    assert line_edit(page, "minutes").text() == "45"

    messages.answers = [True]
    with qtbot.waitSignal(page.saved):
        assert page.save()
    restored = diary.supervision.get(key)
    assert restored is not None and restored.record.minutes == 45
    assert [event.action for event in diary.supervision.history(key)] == [
        "create",
        "delete",
        "restore",
    ]


def test_a_form_with_typing_says_when_its_session_was_changed_or_deleted_elsewhere(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    key = diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60)).entry.key
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(0)
    line_edit(page, "minutes").setText("45")
    clock.now += timedelta(minutes=5)
    diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "G.W.", 60), key)
    page.reload()  # as the window does when it is come back to
    line = page.record_line.text()
    assert "amended once" in line and "not amended" not in line
    assert "changed elsewhere" in line and "What you typed is kept" in line
    assert line_edit(page, "minutes").text() == "45"

    diary.supervision.delete(key)
    page.reload()
    assert "changed elsewhere" in page.record_line.text()
    assert line_edit(page, "minutes").text() == "45"


def test_choosing_cancelled_for_a_held_session_says_what_changed_in_words(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60, False))
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(0)
    page.status_box.setFocus()
    qtbot.keyClick(page.status_box, Qt.Key.Key_C)  # Cancelled by manager,
    qtbot.keyClick(page.status_box, Qt.Key.Key_Down)  # and the next one down
    assert page.status_box.currentText() == "Cancelled by me"
    assert line_edit(page, "minutes").isReadOnly() and page.workload_box.isReadOnly()
    assert line_edit(page, "minutes").text() == "60"  # shown, to come back with Held
    assert page.save()
    [stored] = diary.supervision.all()
    # A length, or whether workload was discussed, only belongs to a session that was held.
    assert stored.record == SupervisionSession(date(2026, 11, 10), BY_ME, "GW")
    assert "Status: Held → Cancelled by me" in page.status.text()


def test_a_length_begun_before_choosing_cancelled_is_kept_and_nothing_is_typed_elsewhere(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    minutes = line_edit(page, "minutes")
    minutes.setFocus()
    qtbot.keyClicks(minutes, "4")
    # The status chosen meanwhile (the mouse wheel over it, say): the cursor stays in Length.
    page.status_box.setCurrentIndex(page.status_box.findData(BY_MANAGER))
    assert focused() is minutes
    qtbot.keyClicks(focused(), "5")
    assert minutes.text() == "4" and page.actions_box.toPlainText() == ""
    hint = "Only for a session that was held, and this one was not: a length here is not saved"
    assert minutes.toolTip() == hint and minutes.accessibleDescription() == hint
    assert any(label.text() == hint for label in page.findChildren(QLabel) if label.isVisible())
    # Or chosen from the keyboard: Tab comes back through Length, as before, and not past it.
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.status_box
    qtbot.keyClick(focused(), Qt.Key.Key_R)  # Rescheduled
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is minutes
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert focused() is page.workload_box and not page.workload_box.isChecked()

    # Held again, the length typed is there to finish, and the boxes can be changed.
    page.status_box.setCurrentIndex(page.status_box.findData(HELD))
    assert not minutes.isReadOnly() and minutes.text() == "4"
    assert minutes.toolTip() == "Only for a session that was held"
    page.workload_box.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert page.workload_box.isChecked()
    minutes.setFocus()
    minutes.end(False)
    qtbot.keyClicks(minutes, "5")
    assert page.save()
    [stored] = diary.supervision.all()
    assert stored.record.minutes == 45 and stored.record.workload_discussed is True


def test_a_bad_value_is_shown_by_its_field_and_nothing_is_saved(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    entries_before = diary.audit.count()
    line_edit(page, "minutes").setText("an hour")
    with qtbot.assertNotEmitted(page.saved):
        assert not page.save()
    problem = page.problem_label("minutes")
    assert problem.isVisible()
    assert (
        problem.text()
        == "⚠ The length in minutes must be a number, like 60; you entered 'an hour'."
    )
    assert "an hour" in problem.text()
    assert focused() is page.box("minutes")
    assert not page.problem_label("held_on").isVisible()

    line_edit(page, "minutes").setText("45")
    line_edit(page, "held_on").setText("21/11/2026")  # tomorrow
    assert not page.save()
    assert not page.problem_label("minutes").isVisible()
    assert page.problem_label("held_on").isVisible()
    assert "future" in page.problem_label("held_on").text()
    assert (
        page.box("held_on")
        .accessibleDescription()
        .startswith("A supervision session cannot be dated in the future")
    )

    line_edit(page, "held_on").setText("31/02/2026")
    assert not page.save()
    assert "does not exist on the calendar" in page.problem_label("held_on").text()
    assert diary.audit.count() == entries_before
    assert diary.supervision.all() == []
    assert messages.said == []


def test_the_identifier_question_go_back_saves_nothing_and_save_anyway_saves(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    page.notes_box.setPlainText("Discussed X123456's risk assessment.")
    entries_before = diary.audit.count()
    messages.answers = [False]
    assert not page.save()
    [asked] = messages.said
    assert asked.kind == "confirm"
    assert "X123456" in asked.text
    assert diary.audit.count() == entries_before
    assert focused() is page.box("notes")
    assert page.has_unsaved_changes()

    messages.answers = [True]
    assert page.save()
    [stored] = diary.supervision.all()
    assert stored.record.notes == "Discussed X123456's risk assessment."


def test_a_second_session_on_a_day_is_asked_about_and_go_back_keeps_the_form(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.supervision.save(SupervisionSession(date(2026, 10, 27), HELD, "G.W.", 40, True))
    page = open_page(qtbot, diary, messages)
    page.new_session()
    line_edit(page, "held_on").setText("27/10/2026")
    line_edit(page, "supervisor").setText("G.W.")
    line_edit(page, "minutes").setText("40")
    page.notes_box.setPlainText("Typed again on a Friday")
    entries_before = diary.audit.count()

    messages.answers = [False]  # go back and check
    with qtbot.assertNotEmitted(page.saved):
        assert not page.save()
    [asked] = messages.said
    assert asked.kind == "confirm"
    assert asked.text.startswith(
        "You have already recorded a session on Tue 27 Oct 2026 (held, G.W.). Record another "
        "one on that day?"
    )
    assert diary.audit.count() == entries_before
    assert len(diary.supervision.all()) == 1
    assert line_edit(page, "minutes").text() == "40"
    assert page.notes_box.toPlainText() == "Typed again on a Friday"
    assert page.current_key() is None and page.has_unsaved_changes()
    assert focused() is page.box("held_on")

    messages.answers = [True]  # a second session that day is genuine
    with qtbot.waitSignal(page.saved):
        assert page.save()
    assert [entry.record.notes for entry in diary.supervision.all()] == [
        "",
        "Typed again on a Friday",
    ]


def test_a_date_put_right_is_no_longer_marked_wrong_when_the_save_then_goes_back(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.supervision.save(SupervisionSession(date(2026, 10, 27), HELD, "G.W.", 40, True))
    page = open_page(qtbot, diary, messages)
    page.new_session()
    line_edit(page, "held_on").setText("30/11/2026")
    assert not page.save()
    assert "future" in page.problem_label("held_on").text()

    line_edit(page, "held_on").setText("27/10/2026")  # right now, and a day already taken
    messages.answers = [False]  # go back and check
    assert not page.save()
    assert not page.problem_label("held_on").isVisible()
    assert "Nothing was saved" not in page.status.text()


def test_only_a_session_saved_on_a_day_already_taken_is_asked_about(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    cancelled = diary.supervision.save(SupervisionSession(date(2026, 10, 20), BY_MANAGER, "GW"))
    diary.supervision.save(SupervisionSession(date(2026, 10, 22), HELD, "GW", 60))
    gone = diary.supervision.save(SupervisionSession(date(2026, 11, 3), HELD, "GW", 60))
    diary.supervision.delete(gone.entry.key)
    page = open_page(qtbot, diary, messages)

    # No question is scripted: none may be asked. A deleted session leaves its day free.
    line_edit(page, "held_on").setText("03/11/2026")
    assert page.save()
    # Amending a session on the day it already has asks nothing either.
    page.show_session(cancelled.entry.key)
    line_edit(page, "supervisor").setText("G.W.")
    assert page.save()
    assert messages.said == []

    # Moving it onto a day that has another session asks, in words for a move.
    line_edit(page, "held_on").setText("22/10/2026")
    messages.answers = [False]
    assert not page.save()
    assert "(held, GW). Move this one to that day too?" in messages.texts("confirm")
    unmoved = diary.supervision.get(cancelled.entry.key)
    assert unmoved is not None and unmoved.record.held_on == date(2026, 10, 20)
    assert line_edit(page, "held_on").text() == "22/10/2026"


def test_a_second_session_on_a_day_is_asked_about_once_even_when_the_save_goes_back(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.supervision.save(SupervisionSession(date(2026, 11, 17), BY_ME))
    page = open_page(qtbot, diary, messages)
    line_edit(page, "held_on").setText("17/11/2026")
    page.notes_box.setPlainText("Discussed X123456's risk assessment.")
    messages.answers = [True, False]  # another session that day: yes; the identifier: go back
    assert not page.save()
    assert [said.title for said in messages.said] == [
        "Another session on that day?",
        "Check before saving",
    ]
    assert "(cancelled by me)." in messages.said[0].text

    page.notes_box.setPlainText("Discussed my risk assessments.")
    assert page.save()
    assert len(messages.said) == 2
    assert len(diary.supervision.all()) == 2


def test_a_storage_error_is_explained_and_what_was_typed_is_kept(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, diary, messages)
    line_edit(page, "supervisor").setText("GW")
    page.notes_box.setPlainText("Ran out of time")

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise DiskFull("There is no space left to save the diary. Nothing was saved.")

    monkeypatch.setattr(diary.supervision, "save", disk_full)
    with qtbot.assertNotEmitted(page.saved):
        assert not page.save()
    assert [said.kind for said in messages.said] == ["error"]
    assert "There is no space left" in messages.texts("error")
    assert line_edit(page, "supervisor").text() == "GW"
    assert page.notes_box.toPlainText() == "Ran out of time"
    assert page.has_unsaved_changes()


def test_leaving_unsaved_changes_asks_first(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60))
    older = diary.supervision.save(SupervisionSession(date(2026, 10, 13), HELD, "GW", 50))
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(0)
    line_edit(page, "minutes").setText("55")

    messages.answers = [False]  # keep editing
    page.table.selectRow(1)
    assert line_edit(page, "minutes").text() == "55"
    assert page.table.selected_key() == page.current_key() != older.entry.key
    messages.answers = [False]
    assert not page.new_session()
    assert line_edit(page, "minutes").text() == "55"

    messages.answers = [True]  # discard
    page.table.selectRow(1)
    assert page.current_key() == older.entry.key
    assert line_edit(page, "minutes").text() == "50"
    assert [said.title for said in messages.said] == ["Unsaved changes"] * 3
    assert [entry.record.minutes for entry in diary.supervision.all()] == [60, 50]


def test_the_banner_says_when_supervision_is_overdue_and_not_otherwise(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    every_four_weeks(diary)
    diary.supervision.save(SupervisionSession(date(2026, 9, 14), HELD, "GW", 60))
    diary.supervision.save(SupervisionSession(date(2026, 10, 13), BY_MANAGER, "GW"))
    page = open_page(qtbot, diary, messages)
    assert page.overdue_banner.isVisible()
    assert page.overdue_text.text() == (
        "Your last supervision was held on Mon 14 Sep 2026, 67 days ago. It is due every 4 weeks."
    )
    assert page.overdue_text.textFormat() == Qt.TextFormat.PlainText
    # An icon and words, not a colour alone.
    icons = [label for label in page.overdue_banner.findChildren(QLabel) if label.pixmap()]
    assert len(icons) == 1 and not icons[0].pixmap().isNull()
    assert "Supervision is overdue." in [
        label.text() for label in page.overdue_banner.findChildren(QLabel)
    ]
    assert not page.due_line.isVisible()

    page.new_session()
    line_edit(page, "held_on").setText("19/11/2026")
    line_edit(page, "minutes").setText("60")
    assert page.save()
    assert not page.overdue_banner.isVisible()
    assert page.due_line.text() == (
        "Your last supervision was held on Thu 19 Nov 2026, 1 day ago. It is due every 4 weeks."
    )

    clock.now += timedelta(weeks=4, days=-1)  # four weeks since: due today, not yet overdue
    page.reload()
    assert not page.overdue_banner.isVisible()
    clock.now += timedelta(days=1)
    page.reload()
    assert page.overdue_banner.isVisible()
    assert "29 days ago" in page.overdue_text.text()


def test_a_first_session_cancelled_last_week_is_said_without_calling_supervision_overdue(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    every_four_weeks(diary)
    diary.supervision.save(SupervisionSession(date(2026, 11, 16), BY_MANAGER, "GW"))
    page = open_page(qtbot, diary, messages)
    assert not page.overdue_banner.isVisible()
    assert page.due_line.text() == (
        "None of the sessions in your diary was held. The first is dated Mon 16 Nov 2026, "
        "4 days ago. It is due every 4 weeks."
    )

    clock.now += timedelta(weeks=4)  # a whole interval since, and still none held
    page.reload()
    assert page.overdue_banner.isVisible()
    assert page.overdue_text.text() == (
        "None of the sessions in your diary was held. The first is dated Mon 16 Nov 2026, "
        "32 days ago. It is due every 4 weeks."
    )


def test_with_no_interval_set_a_quiet_hint_says_where_to_set_it(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.supervision.save(SupervisionSession(date(2025, 1, 14), HELD, "GW", 60))
    page = open_page(qtbot, diary, messages)
    assert not page.overdue_banner.isVisible()
    assert page.due_line.isVisible()
    assert page.due_line.text() == (
        "Set how often supervision is due in Settings to see whether it is overdue."
    )
    assert "set how often it is due in Settings" in page.held_figure.text()

    every_four_weeks(diary)
    page.reload()  # as the window does when Settings are saved
    assert page.overdue_banner.isVisible()


def test_the_figures_shown_are_those_of_supervision_figures_for_the_period(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    every_four_weeks(diary)
    sessions = [
        SupervisionSession(date(2025, 11, 4), HELD, "AB", 60, True),  # just before the year
        SupervisionSession(date(2026, 1, 13), HELD, "GW", 60, True),
        SupervisionSession(date(2026, 2, 10), BY_MANAGER, "GW"),
        SupervisionSession(date(2026, 3, 10), BY_MANAGER, "GW"),
        SupervisionSession(date(2026, 4, 7), BY_ME, "GW"),
        SupervisionSession(date(2026, 5, 12), SupervisionStatus.NOT_OFFERED),
        SupervisionSession(date(2026, 7, 14), HELD, "GW", 45, False),
        SupervisionSession(date(2026, 8, 11), HELD, "GW", 50, True),
        SupervisionSession(date(2026, 10, 6), HELD, "GW", 50, True),
    ]
    for session in sessions:
        diary.supervision.save(session)
    page = open_page(qtbot, diary, messages)
    assert page.period.currentText() == "Last 12 months"
    first = TODAY - timedelta(weeks=52) + timedelta(days=1)
    expected = supervision_figures(sessions, first, TODAY, 4)
    assert page.figures() == expected
    assert expected.held == 4 and expected.expected == 13  # the figures are worth checking
    assert page.held_figure.text() == (
        "4 of 13 expected (due every 4 weeks); workload discussed at 3 of the 4 sessions held"
    )
    assert page.gap_figure.text() == "182 days, from Tue 13 Jan 2026 to Tue 14 Jul 2026"
    assert page.missed_figure.text() == (
        "2 cancelled by your manager, 1 cancelled by you, 1 not offered"
    )
    assert page.period_span.text() == "Sat 22 Nov 2025 to Fri 20 Nov 2026"

    page.period.setCurrentText("Everything")
    everything = supervision_figures(sessions, date(2025, 11, 4), TODAY, 4)
    assert page.figures() == everything
    assert page.held_figure.text().startswith("5 of 14 expected")  # one due on 4 Nov itself
    assert page.period_span.text() == "Tue 04 Nov 2025 to Fri 20 Nov 2026"

    page.period.setCurrentText("Last 3 months")
    assert page.held_figure.text() == (
        "1 of 3 expected (due every 4 weeks); workload discussed at the one session held"
    )
    # From the last session held before the period, which says so: a gap in a period of three
    # months said to begin before it would otherwise read as a mistake.
    assert page.gap_figure.text() == (
        "56 days, from Tue 11 Aug 2026 (the last session held before the period) to Tue 06 Oct 2026"
    )
    assert page.missed_figure.text() == "0 cancelled by your manager, 0 cancelled by you"


def test_a_diary_with_no_sessions_says_so_once(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    every_four_weeks(diary)
    page = open_page(qtbot, diary, messages)
    shown = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    said = [text for text in shown if "No supervision sessions logged yet" in text]
    assert said == ["No supervision sessions logged yet. It is due every 4 weeks."]
    assert page.no_figures.isVisible()
    assert page.no_figures.text() == "The figures begin with the first session logged."


def test_a_diary_begun_lately_is_not_said_to_have_missed_the_months_before_it(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    every_four_weeks(diary)
    diary.supervision.save(SupervisionSession(date(2026, 11, 2), BY_MANAGER, "GW"))
    page = open_page(qtbot, diary, messages)
    assert page.period.currentText() == "Last 12 months"
    # Twelve months shown as three weeks say why, as the pack does.
    assert page.period_span.text() == (
        "Mon 02 Nov 2026 to Fri 20 Nov 2026, from the first session recorded"
    )
    # The one cancelled was due: nothing says any were due before it.
    assert page.held_figure.text() == "0 of 1 expected (due every 4 weeks)"


def test_two_sessions_held_on_one_day_are_said_to_count_as_one(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    every_four_weeks(diary)
    diary.supervision.save(SupervisionSession(date(2026, 10, 6), HELD, "GW", 30, True))
    diary.supervision.save(SupervisionSession(date(2026, 10, 6), HELD, "GW", 30, False))
    page = open_page(qtbot, diary, messages)
    # On a line of its own, so that at the window's first size it does not wrap mid-sentence.
    assert page.held_figure.text().splitlines() == [
        "1 of 2 expected (due every 4 weeks); workload discussed at the one session held.",
        "2 sessions recorded as held fall on 1 day: sessions held on the same day count as one "
        "(2 on Tue 06 Oct 2026).",
    ]


def test_every_field_is_labelled_with_its_own_letter_in_reading_order(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    fields = list(SUPERVISION_FIELDS)
    letters = set()
    for name in fields:
        box = page.box(name)
        assert box.accessibleName() == SUPERVISION_FIELDS[name].label
        if isinstance(box, QCheckBox):
            text = box.text()
        else:
            labels = [label.text() for label in page.findChildren(QLabel) if label.buddy() is box]
            [text] = [label for label in labels if "&" in label]  # not the unit after the box
        assert "&" in text, name
        letters.add(text.split("&")[1][0].lower())
    assert len(letters) == len(fields)
    # Save, New, Period, sessIons, Restore, Delete, Show deleted, Sort by, File, Go, Help
    assert not letters & set("snpirtebfgh")

    assert isinstance(page.box("status"), QComboBox)
    page.box("held_on").setFocus()
    visited = []
    for _ in fields:
        visited.append(focused())
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert visited == [page.box(name) for name in fields]
    assert focused() is page.save_button
    for name in reversed(fields):  # and back again
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert focused() is page.box(name)


def test_enter_on_a_session_goes_to_its_date_to_amend_it(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60))
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert focused() is page.box("held_on")
    assert line_edit(page, "held_on").text() == "10/11/2026"


def test_the_model_passes_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, diary: Diary
) -> None:
    model = SupervisionModel()
    qtmodeltester.check(model)
    diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60, True))
    diary.supervision.save(SupervisionSession(date(2026, 10, 13), BY_MANAGER, "GW"))
    diary.supervision.save(SupervisionSession(date(2026, 9, 15), SupervisionStatus.NOT_OFFERED))
    model.set_entries(diary.supervision.all(), TODAY)
    assert model.rowCount() == 3
    assert model.entry_at(0).record.held_on == date(2026, 11, 10)  # newest first
    qtmodeltester.check(model)
    proxy = RecordsSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(SessionColumn.STATUS, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(row, SessionColumn.STATUS).data() for row in range(3)] == [
        "Cancelled by manager",
        "Held",
        "Not offered",
    ]
    qtmodeltester.check(proxy)


def test_a_sessions_history_is_one_click_away(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    day = clock().astimezone().date() - timedelta(days=3)
    saved = diary.supervision.save(SupervisionSession(day, HELD, "JM", 60, True))
    diary.supervision.save(SupervisionSession(day, HELD, "JM", 45, True), saved.entry.key)
    page = open_page(qtbot, diary, messages)
    page.new_session()
    assert page.show_history() is None and not page.history_button.isEnabled()
    page.show_session(saved.entry.key)
    dialog = page.show_history()
    assert dialog is not None and page.history_button.isEnabled()
    qtbot.addWidget(dialog)
    text = dialog.plain_text()
    assert "first recorded" in text and "Length: 60 minutes → 45 minutes" in text


def test_a_session_typed_twice_is_deleted_only_when_the_user_says_so_and_its_history_stays(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    every_four_weeks(diary)
    diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 60, True))
    twice = diary.supervision.save(
        SupervisionSession(date(2026, 11, 17), HELD, "GW", 60, True, notes=WELSH_NOTES)
    )
    diary.supervision.save(SupervisionSession(date(2026, 10, 20), BY_MANAGER, "GW"))
    page = open_page(qtbot, diary, messages)
    assert "2 sessions recorded as held fall on 1 day" in page.held_figure.text()
    assert not page.delete_button.isEnabled()  # a new session: nothing to delete
    assert not page.delete()
    assert page.show_session(twice.entry.key)
    assert page.delete_button.isEnabled()

    messages.answers.append(False)  # "Keep it", the default
    assert not page.delete()
    question = messages.texts("confirm")
    assert "Delete the session on Tue 17 Nov 2026 (held, GW)?" in question
    assert "Nothing is wiped: what it held stays in its history" in question
    assert diary.supervision.count() == 3 and page.current_key() == twice.entry.key

    messages.answers.append(True)
    clock.now += timedelta(minutes=5)
    with qtbot.waitSignal(page.saved):  # the window's other pages read the diary again
        assert page.delete()
    assert diary.supervision.get(twice.entry.key) is None
    assert page.model.row_of(twice.entry.key) is None and page.model.rowCount() == 2
    assert page.current_key() is None and not page.delete_button.isEnabled()
    assert line_edit(page, "held_on").text() == "20/11/2026"  # a new session, dated today
    assert page.notes_box.toPlainText() == ""
    assert page.status.text().startswith("Deleted at ")
    assert "stays in its history" in page.status.text()
    assert "same day" not in page.held_figure.text()  # the figures no longer count it
    *_before, deleted = diary.audit.entries("supervision_sessions", twice.entry.key)
    assert deleted.action == "delete" and deleted.values["notes"] == WELSH_NOTES
    assert diary.verify().intact


def test_deleting_a_session_with_typing_not_saved_says_that_goes_too(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    saved = diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 60))
    page = open_page(qtbot, diary, messages)
    page.show_session(saved.entry.key)
    line_edit(page, "minutes").setText("45")
    messages.answers.append(False)
    assert not page.delete()
    assert "have not saved will be lost too" in messages.texts("confirm")
    assert line_edit(page, "minutes").text() == "45"  # kept, as the user chose

    messages.answers.append(True)
    assert page.delete()
    assert diary.supervision.count() == 0 and not page.has_unsaved_changes()


def test_a_session_that_cannot_be_deleted_says_why_and_stays(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 60))
    page = open_page(qtbot, diary, messages)
    page.show_session(saved.entry.key)

    def disk_full(_key: str, **_options: object) -> None:
        raise DiskFull("There is no space left to save to your diary. Nothing has been lost.")

    monkeypatch.setattr(diary.supervision, "delete", disk_full)
    messages.answers.append(True)
    with qtbot.assertNotEmitted(page.saved):
        assert not page.delete()
    [error] = [said for said in messages.said if said.kind == "error"]
    assert error.title == "The session was not deleted"
    assert "no space left" in error.text and "still in your diary" in error.text
    assert page.current_key() == saved.entry.key and page.delete_button.isEnabled()
    assert page.model.rowCount() == 1


def test_a_session_changed_elsewhere_since_it_was_shown_is_not_deleted_unseen(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    saved = diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 60))
    page = open_page(qtbot, diary, messages)
    page.show_session(saved.entry.key)
    # Meanwhile a command amends it: the officer has not seen that version.
    clock.now += timedelta(minutes=5)
    diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 90), saved.entry.key)
    messages.answers.append(True)
    assert not page.delete()
    [error] = [said for said in messages.said if said.kind == "error"]
    assert error.title == "The session was not deleted"
    assert "was saved at" in error.text and "Nothing was deleted" in error.text
    assert diary.supervision.get(saved.entry.key) is not None
    assert line_edit(page, "minutes").text() == "90"  # shown as it is now, to decide again

    # Deleted elsewhere in the meantime: said so, and it leaves the list.
    diary.supervision.delete(saved.entry.key)
    messages.answers.append(True)
    assert not page.delete()
    assert "It was deleted after you opened it here" in messages.texts("error")
    assert page.model.rowCount() == 0 and page.current_key() is None
    assert diary.verify().intact


def test_a_session_is_deleted_by_keyboard_alone(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 60))
    page = open_page(qtbot, diary, messages)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.current_key() is not None
    # The Delete key in the list asks, as the button does.
    messages.answers.append(False)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Delete the session on Tue 17 Nov 2026" in messages.texts("confirm")
    # The button is on the way by Tab, in reading order, before the list.
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.new_button
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.history_button
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.delete_button
    messages.answers.append(True)
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert diary.supervision.count() == 0
    assert focused() is page.table  # back in the list, not on a greyed-out button


def deleted_session_shown(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> tuple[SupervisionPage, str, str, datetime]:
    """A page with a live session (Tue 17 Nov) and one deleted (Tue 10 Nov, amended once before),
    its check box ticked; the keys of both, and when the second was deleted."""
    every_four_weeks(diary)
    live = diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 60, True))
    mistaken = diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60))
    clock.now += timedelta(minutes=5)
    diary.supervision.save(
        SupervisionSession(date(2026, 11, 10), HELD, "GW", 45, notes=WELSH_NOTES),
        mistaken.entry.key,
    )
    clock.now += timedelta(hours=1)
    deleted_at = clock.now
    diary.supervision.delete(mistaken.entry.key)
    page = open_page(qtbot, diary, messages)
    page.show_deleted.setChecked(True)
    return page, live.entry.key, mistaken.entry.key, deleted_at


def test_show_deleted_lists_a_deleted_session_marked_with_when_and_the_figures_stay(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    page, live, mistaken, deleted_at = deleted_session_shown(qtbot, diary, messages, clock)
    page.show_deleted.setChecked(False)
    assert page.show_deleted.isVisible() and page.model.rowCount() == 1
    figures, held = page.figures(), page.held_figure.text()
    assert figures is not None and figures.held == 1

    # By keyboard, as the officer would: Alt+E from anywhere on the page.
    page.table.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.show_deleted.isChecked)  # a mnemonic clicks as a button is let go
    assert [row_texts(page, row)[SessionColumn.DATE] for row in range(2)] == [
        "Tue 17 Nov 2026",
        "Tue 10 Nov 2026",
    ]
    assert row_texts(page, 0)[SessionColumn.FLAGS] == ""
    # Amended before it was deleted: the deletion is no amendment of its own.
    assert row_texts(page, 1)[SessionColumn.FLAGS] == "deleted, amended"
    tip = str(page.table.model().index(1, SessionColumn.FLAGS).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith(f"Deleted {format_moment(deleted_at)}: it no longer counts")
    assert "Amended once" in tip
    # Greyed as well as marked in words; the live row is not.
    ink = Qt.ItemDataRole.ForegroundRole
    assert page.table.model().index(1, SessionColumn.DATE).data(ink) is not None
    assert page.table.model().index(0, SessionColumn.DATE).data(ink) is None
    # It never counts, shown or not.
    assert page.figures() == figures and page.held_figure.text() == held
    assert page.due_line.text().startswith("Your last supervision was held on Tue 17 Nov 2026")
    assert page.model.row_of(live) is not None and page.model.row_of(mistaken) is not None


def test_a_deleted_session_is_shown_read_only_and_nothing_about_it_can_be_saved(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    page, live, mistaken, deleted_at = deleted_session_shown(qtbot, diary, messages, clock)
    entries = diary.audit.count()
    page.table.selectRow(1)  # as a click on it
    assert page.current_key() == mistaken and page.showing_deleted()
    assert page.editor_heading.text() == "Session on Tue 10 Nov 2026 (deleted)"
    assert page.record_line.text().startswith(f"Deleted {format_moment(deleted_at)}:")
    assert "What it held is kept in its history" in page.record_line.text()
    assert "amended once" in page.record_line.text()
    assert page.notes_box.toPlainText() == WELSH_NOTES
    assert line_edit(page, "minutes").text() == "45"
    assert not page.save_button.isEnabled() and not page.delete_button.isEnabled()
    assert page.history_button.isEnabled()
    assert not page.box("held_on").isEnabled() and not page.status_box.isEnabled()
    # Its text can still be read and selected, not changed.
    assert page.notes_box.isReadOnly() and page.actions_box.isReadOnly()
    page.notes_box.setFocus()
    qtbot.keyClicks(page.notes_box, "x")
    assert page.notes_box.toPlainText() == WELSH_NOTES and not page.has_unsaved_changes()

    # Ctrl+S and the Delete key say why nothing happens, and nothing does.
    with qtbot.assertNotEmitted(page.saved):
        qtbot.keyClick(page.notes_box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert "A deleted session cannot be saved" in page.status.text()
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
        assert "already deleted" in page.status.text()
        assert not page.save() and not page.delete()
    assert diary.audit.count() == entries and diary.supervision.get(mistaken) is None
    assert not messages.said

    # Its history ends with the deletion.
    dialog = page.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    last_event = dialog.plain_text().strip().splitlines()[-1]
    assert last_event == f"{format_moment(deleted_at)} — deleted (kept here in its history)"

    # A live session, or a new one, is editable again.
    page.table.selectRow(0)
    assert page.current_key() == live and not page.showing_deleted()
    assert page.save_button.isEnabled() and page.delete_button.isEnabled()
    assert page.box("held_on").isEnabled() and not page.notes_box.isReadOnly()
    assert page.box("minutes").isEnabled()
    assert page.editor_heading.text() == "Session on Tue 17 Nov 2026"
    line_edit(page, "minutes").setText("50")
    assert page.save()
    record = diary.supervision.get(live)
    assert record is not None and record.record.minutes == 50

    page.table.selectRow(1)
    assert page.showing_deleted()
    assert page.new_session()
    assert page.save_button.isEnabled() and page.box("held_on").isEnabled()
    assert line_edit(page, "held_on").text() == "20/11/2026"
    assert page.editor_heading.text() == "New session"


def test_a_deleted_session_is_restored_by_keyboard_as_it_was_once_the_user_says_so(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    page, _live, mistaken, deleted_at = deleted_session_shown(qtbot, diary, messages, clock)
    first_recorded = diary.supervision.deleted_entries()[0].entry.first_recorded_at
    held_before = page.figures().held  # type: ignore[union-attr]
    page.table.selectRow(1)
    assert page.showing_deleted() and page.restore_button.isVisible()
    assert "Restore brings it back as it was" in page.record_line.text()
    clock.now += timedelta(days=2)

    messages.answers = [False]  # "Keep it deleted"
    qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(messages.said))
    assert messages.said[-1].title == "Restore this session?"
    assert diary.supervision.get(mistaken) is None and page.showing_deleted()

    messages.answers = [True]  # "Restore the session"
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    restored = diary.supervision.get(mistaken)
    assert restored is not None and restored.record.notes == WELSH_NOTES
    assert restored.first_recorded_at == first_recorded
    assert not page.showing_deleted() and not page.restore_button.isVisible()
    assert page.save_button.isEnabled() and page.current_key() == mistaken
    assert page.status.text().startswith("Restored at")
    # It counts again; restoring it is no amendment (it was amended once, before), and it
    # says it was deleted and restored, and when.
    assert page.figures().held == held_before + 1  # type: ignore[union-attr]
    row = page.model.row_of(mistaken)
    assert row is not None
    assert row_texts(page, row)[SessionColumn.FLAGS] == "deleted and restored, amended"
    tip = page.model.index(row, SessionColumn.FLAGS).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Deleted {format_moment(deleted_at)} and restored {format_moment(clock.now)}" in tip
    assert page.record_line.text().endswith(
        f" · deleted and restored on {format_day(clock.now.astimezone().date())} · amended once"
    )
    dialog = page.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert f"{format_moment(deleted_at)} — deleted" in dialog.plain_text()
    # Restored, it says what it holds again, as when first recorded.
    story = dialog.plain_text().strip()
    holds_again = story.split("— recorded again after being deleted:\n", 1)[1].splitlines()
    assert [line.strip() for line in holds_again] == [
        "Date: Tue 10 Nov 2026",
        "Status: Held",
        "Supervisor: GW",
        "Length: 45 minutes",
        f"Notes: {WELSH_NOTES}",
    ]
    assert not page.show_deleted.isVisible()  # nothing deleted is left to show


def test_typing_not_saved_is_asked_about_before_a_deleted_session_is_shown(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    page, live, mistaken, _deleted_at = deleted_session_shown(qtbot, diary, messages, clock)
    page.show_session(live)
    line_edit(page, "supervisor").setText("G.W.")

    messages.answers.append(False)  # keep editing
    page.table.selectRow(1)
    assert "Discard those changes?" in messages.texts("confirm")
    assert page.current_key() == live and line_edit(page, "supervisor").text() == "G.W."
    assert page.save_button.isEnabled()

    messages.answers.append(True)
    page.table.selectRow(1)
    assert page.current_key() == mistaken and not page.save_button.isEnabled()
    assert not page.has_unsaved_changes()
    # Nothing to lose on a deleted session: leaving it asks nothing.
    assert page.show_session(live) and page.save_button.isEnabled()
    assert line_edit(page, "supervisor").text() == "GW"

    # Unticked, a deleted session shown goes from the list and the editor.
    page.table.selectRow(1)
    page.show_deleted.setChecked(False)
    assert page.model.rowCount() == 1 and page.current_key() is None
    assert page.save_button.isEnabled()


def test_sessions_can_be_put_in_any_order_a_heading_gives_from_the_keyboard(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    diary.supervision.save(SupervisionSession(date(2026, 11, 3), HELD, "GW", 90))
    diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 30))
    page = open_page(qtbot, diary, messages)
    choice = page.sort_choice
    assert choice.currentText() == "Date, newest first"
    assert choice.count() == 2 * len(SessionColumn)
    choice.setFocus()
    for _ in range(choice.count()):
        if choice.currentText() == "Length, longest first":
            break
        qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert [row_texts(page, row)[SessionColumn.LENGTH] for row in range(2)] == ["90 min", "30 min"]


def test_show_deleted_appears_once_a_session_is_deleted(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    saved = diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 60))
    page = open_page(qtbot, diary, messages)
    assert not page.show_deleted.isVisible()  # nothing deleted: nothing to show
    page.show_session(saved.entry.key)
    messages.answers.append(True)
    assert page.delete()
    assert page.show_deleted.isVisible() and not page.show_deleted.isChecked()
    assert "tick Show deleted to see it" in page.status.text()
    page.table.setFocus()
    # The box is on the way from the list to the form, after the order of the list.
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert focused() is page.sort_choice
    qtbot.keyClick(page.sort_choice, Qt.Key.Key_Tab)
    assert focused() is page.show_deleted
    qtbot.keyClick(page.show_deleted, Qt.Key.Key_Space)
    assert page.model.rowCount() == 1 and row_texts(page, 0)[SessionColumn.FLAGS] == "deleted"


def test_a_session_shown_when_deleted_elsewhere_becomes_read_only(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    page, live, _mistaken, _deleted_at = deleted_session_shown(qtbot, diary, messages, clock)
    page.show_session(live)
    clock.now += timedelta(minutes=5)
    diary.supervision.delete(live)  # by a command, while the page shows it
    page.reload()  # as the window does when it comes back to the page
    assert page.current_key() == live and page.showing_deleted()
    assert not page.save_button.isEnabled()
    assert page.record_line.text().startswith(f"Deleted {format_moment(clock.now)}:")
    assert page.figures() is None  # nothing left to count


def test_on_a_short_window_a_problem_shows_whole_under_its_box(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = shown_active(qtbot, SupervisionPage(diary, messages), 900, 420)
    page.new_session()
    box = line_edit(page, "minutes")
    box.setFocus()
    box.setText("-5")
    # The box at the very foot of the view, as a user scrolling down to it would leave it.
    view = page.page_scroll.viewport()
    bottom = box.mapTo(view, box.rect().bottomLeft()).y()
    scroll = page.page_scroll.verticalScrollBar()
    scroll.setValue(scroll.value() + bottom - view.height() + 2)
    assert not page.save()
    assert box.hasFocus()
    problem = next(
        label
        for label in page.findChildren(QLabel)
        if label.isVisible() and label.text().startswith("⚠ ") and "-5" in label.text()
    )
    assert seen_whole_in(problem, page) and seen_whole_in(box, page)
