"""The Concerns page: logging a concern, seeing which are overdue, and marking one answered."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.clock import Clock
from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.windows import focused, shown_active
from workdiary.domain.dates import format_day, format_moment
from workdiary.domain.errors import DiaryReadOnly
from workdiary.domain.formatting import CONCERN_CHANNEL_WORDS
from workdiary.domain.records import CONCERN_FIELDS, Concern, ConcernChannel, ConcernStatus
from workdiary.storage import Diary
from workdiary.ui.concerns_page import TAB_ORDER, AnswerDialog, ConcernsPage
from workdiary.ui.main_window import CONCERNS, FIRST_SIZE, HISTORY, MainWindow
from workdiary.ui.oversight_models import (
    ConcernColumn,
    ConcernsModel,
    RecordsSortProxy,
    RecordsTable,
)

# Friday 20 November 2026, mid-afternoon: the local date is the same in any UK-ish time zone.
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
TODAY = date(2026, 11, 20)
WELSH_SUMMARY = "E-bost: llwyth gwaith dros 110 % ers 6 wythnos; <dim achosion newydd> & ŵyr ŷ"

OVERDUE = Concern(
    raised_on=date(2026, 9, 1),
    raised_with="SPO (G.W.)",
    channel=ConcernChannel.EMAIL,
    summary="Asked for no new allocations while my WMT is at 131 %.",
    follow_up_on=date(2026, 9, 7),
)
NOT_DUE_YET = Concern(
    raised_on=date(2026, 11, 16),
    raised_with="Head of Service",
    channel=ConcernChannel.LETTER,
    summary="Wrote asking for a workload review.",
    follow_up_on=date(2026, 11, 30),
)


def open_page(qtbot: QtBot, diary: Diary, messages: ScriptedMessages) -> ConcernsPage:
    return shown_active(qtbot, ConcernsPage(diary, messages))


def set_text(page: ConcernsPage, field: str, text: str) -> None:
    box = page.box(field)
    if isinstance(box, QPlainTextEdit):
        box.setPlainText(text)
    else:
        assert isinstance(box, QLineEdit)
        box.setText(text)


def cell(page: ConcernsPage, row: int, column: ConcernColumn, role: int | None = None) -> object:
    index = page.table.model().index(row, column)
    return index.data() if role is None else index.data(role)


def row_of(page: ConcernsPage, key: str) -> int:
    proxy = page.table.proxy
    row = page.model.row_of(key)
    assert row is not None
    return proxy.mapFromSource(page.model.index(row, 0)).row()


def test_a_concern_logged_in_the_editor_is_in_the_table_and_the_diary(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    assert page.counts_line.text().startswith("No concerns logged yet.")
    page.table.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert focused() is page.box("raised_on")
    qtbot.keyClicks(focused(), "18/11/2026")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.box("raised_with")
    set_text(page, "raised_with", "Ŵ.J. <SPO>")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.box("channel")
    qtbot.keyClick(focused(), Qt.Key.Key_F)  # Foreseeability notice, by its first letter
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.box("follow_up_on")
    qtbot.keyClicks(focused(), "02/12/2026")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.box("summary")
    set_text(page, "summary", WELSH_SUMMARY)
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [stored] = diary.concerns.all()
    assert stored.record == Concern(
        raised_on=date(2026, 11, 18),
        raised_with="Ŵ.J. <SPO>",
        channel=ConcernChannel.FORESEEABILITY_NOTICE,
        summary=WELSH_SUMMARY,
        follow_up_on=date(2026, 12, 2),
    )
    assert [cell(page, 0, column) for column in ConcernColumn] == [
        "Wed 18 Nov 2026",
        "Ŵ.J. <SPO>",
        "Foreseeability notice",
        "Open, follow up Wed 02 Dec 2026",
        "",  # logged at the time, and not changed since
        # Whole: the table cuts it to the width of its column, which a wider window widens.
        "E-bost: llwyth gwaith dros 110 % ers 6 wythnos; <dim achosion newydd> & ŵyr ŷ",
    ]
    # The user's words, shown as typed rather than read as markup.
    assert cell(page, 0, ConcernColumn.RAISED_WITH, Qt.ItemDataRole.ToolTipRole) == (
        '<p style="white-space: pre-wrap">Ŵ.J. &lt;SPO&gt;</p>'
    )
    assert page.counts_line.text() == "1 concern raised. 1 is waiting for an answer."
    assert page.current_key() == stored.key
    assert "not amended" in page.record_line.text()
    assert "Saved at" in page.status.text()
    # Once saved, the response can be recorded in the editor too.
    assert page.box("response").isVisibleTo(page)
    assert page.answer_button.isEnabled()


def test_a_new_concern_hides_the_response_and_cannot_be_marked_answered(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    assert page.current_key() is None
    for field in ("response", "response_on", "status"):
        assert not page.box(field).isVisibleTo(page)
    assert not page.answer_button.isEnabled()
    assert page.mark_answered() is None


def test_what_is_missing_or_wrong_is_shown_by_its_field_and_nothing_is_saved(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    entries_before = diary.audit.count()
    set_text(page, "follow_up_on", "01/11/2026")  # before the day it was raised
    with qtbot.assertNotEmitted(page.saved):
        assert not page.save()
    assert page.problem_label("raised_with").text() == (
        "⚠ Say who you raised it with (role or initials)."
    )
    assert page.problem_label("summary").text() == "⚠ Say briefly what you raised."
    assert page.problem_label("follow_up_on").text() == (
        "⚠ The follow-up date cannot be before the date raised."
    )
    assert focused() is page.box("raised_with")
    assert page.status.text() == "⚠ Nothing was saved: please check the 3 fields marked ⚠."

    set_text(page, "raised_on", "yesterday")
    assert not page.save()
    assert "is not a date Work Diary understands" in page.problem_label("raised_on").text()
    assert diary.audit.count() == entries_before
    assert diary.concerns.all() == []
    assert messages.said == []


def test_an_overdue_concern_is_marked_in_words_in_bold_with_an_icon(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    overdue = diary.concerns.save(OVERDUE).entry.key
    not_due = diary.concerns.save(NOT_DUE_YET).entry.key
    page = open_page(qtbot, diary, messages)
    overdue_row, not_due_row = row_of(page, overdue), row_of(page, not_due)

    # Short in its column; with the day it was due in its tooltip and for a screen reader.
    assert cell(page, overdue_row, ConcernColumn.STATUS) == "Overdue: no response"
    words = "Overdue: no response since follow-up on Mon 07 Sep 2026"
    assert cell(page, overdue_row, ConcernColumn.STATUS, Qt.ItemDataRole.AccessibleTextRole) == (
        words
    )
    assert str(
        cell(page, overdue_row, ConcernColumn.STATUS, Qt.ItemDataRole.ToolTipRole)
    ).startswith(words)
    font = cell(page, overdue_row, ConcernColumn.RAISED_ON, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(page, overdue_row, ConcernColumn.STATUS, Qt.ItemDataRole.DecorationRole)

    assert cell(page, not_due_row, ConcernColumn.STATUS) == "Open, follow up Mon 30 Nov 2026"
    assert cell(page, not_due_row, ConcernColumn.RAISED_ON, Qt.ItemDataRole.FontRole) is None
    assert page.counts_line.text() == (
        "⚠ 2 concerns raised. 2 are waiting for an answer; 1 of them is overdue: past the "
        "follow-up date."
    )
    page.show_concern(overdue)
    assert page.overdue_line.isVisible()
    assert page.overdue_line.text() == f"⚠ {words}"


LONG_ROLE = "Deputy Head of Service (Ŵ.Ŷ.) <acting> & Senior Probation Officer"


def log_concerns_of_every_kind(diary: Diary) -> None:
    """Every kind of status, the longest channel, long words, both flags, and enough rows to
    scroll down."""
    long_summary = "Llwyth gwaith dros 110 % ers ŵyth wythnos; <dim achosion newydd> & " * 3
    for day in range(1, 21):
        saved = diary.concerns.save(
            Concern(
                raised_on=date(2026, 9, day),
                raised_with=LONG_ROLE,
                channel=ConcernChannel.FORESEEABILITY_NOTICE,
                summary=long_summary,
                follow_up_on=date(2026, 9, 30) if day % 2 else date(2026, 12, 30),
            )
        )
        if day % 3 == 0:
            saved = diary.concerns.save(
                replace(saved.entry.record, summary=long_summary + "(corrected)"), saved.entry.key
            )
        if day % 4 == 0:
            answered = replace(
                saved.entry.record,
                response="Cydnabod <y pryder> & dim newid.",
                response_on=date(2026, 9, 30),
                status=ConcernStatus.ANSWERED,
            )
            diary.concerns.save(answered, saved.entry.key)


def concerns_at_first_size(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> RecordsTable:
    """The Concerns list in the window as it first opens, with enough rows to scroll down."""
    window = MainWindow(
        diary, messages, QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    window.resize(FIRST_SIZE)  # as it opens on a screen with room for it (the test's is smaller)
    window.show_page(CONCERNS)
    table = window.concerns_page.table
    qtbot.waitUntil(lambda: table.verticalScrollBar().isVisible())
    return table


def test_at_the_windows_first_size_the_concerns_fit_across_without_scrolling_sideways(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> None:
    # Logged in November about September: every one is retrospective, some amended too.
    log_concerns_of_every_kind(diary)
    table = concerns_at_first_size(qtbot, diary, messages, tmp_path)

    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    # The dates, the channel, the status and the flags are never cut short, overdue rows in bold
    # with their icon included; who it was raised with may be, with the whole of it in its
    # tooltip.
    for column in (
        ConcernColumn.RAISED_ON,
        ConcernColumn.CHANNEL,
        ConcernColumn.STATUS,
        ConcernColumn.FLAGS,
    ):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)
    assert "retrospective, amended" in [
        table.model().index(row, ConcernColumn.FLAGS).data() for row in range(20)
    ]
    tip = table.model().index(0, ConcernColumn.RAISED_WITH).data(Qt.ItemDataRole.ToolTipRole)
    assert LONG_ROLE in unescape(str(tip))
    # What was said shows its first few words even beside both flags; the whole of it is in the
    # editor below.
    characters = table.fontMetrics().averageCharWidth()
    assert table.columnWidth(ConcernColumn.SUMMARY) >= 19 * characters


def test_flags_take_only_the_room_their_words_need(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages, tmp_path: Path
) -> None:
    """Concerns logged at the time, corrected once and answered: what was said keeps a good few
    words."""
    for day in range(1, 21):
        raised_on = date(2026, 9, day)
        clock.now = datetime.combine(raised_on, datetime.min.time(), UTC) + timedelta(hours=18)
        saved = diary.concerns.save(replace(OVERDUE, raised_on=raised_on, follow_up_on=None))
        saved = diary.concerns.save(replace(saved.entry.record, raised_with="SPO"), saved.entry.key)
        clock.now += timedelta(days=1)
        answered = replace(saved.entry.record, response="Noted.", status=ConcernStatus.ANSWERED)
        diary.concerns.save(replace(answered, response_on=clock.now.date()), saved.entry.key)
    table = concerns_at_first_size(qtbot, diary, messages, tmp_path)

    assert table.model().index(0, ConcernColumn.FLAGS).data() == "amended"
    assert table.columnWidth(ConcernColumn.FLAGS) >= table.sizeHintForColumn(ConcernColumn.FLAGS)
    assert table.horizontalScrollBar().maximum() == 0
    characters = table.fontMetrics().averageCharWidth()
    assert table.columnWidth(ConcernColumn.SUMMARY) >= 25 * characters


def test_the_list_says_in_words_which_concerns_were_logged_late_or_changed_since(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    """In the words the Supervision table uses, so a glance at the list (or a picture of it)
    shows them, and sorted by them, those logged late first, then the most changed."""

    def log(concern: Concern, amendments: int = 0) -> None:
        key = diary.concerns.save(concern).entry.key
        for number in range(amendments):
            clock.now += timedelta(minutes=1)
            diary.concerns.save(replace(concern, summary=f"Update {number + 1}."), key)

    log(NOT_DUE_YET)  # raised on Monday, logged on Friday
    log(replace(NOT_DUE_YET, raised_on=date(2026, 11, 17)), amendments=1)
    log(replace(NOT_DUE_YET, raised_on=date(2026, 11, 18)), amendments=2)
    log(replace(NOT_DUE_YET, raised_on=date(2026, 11, 19)), amendments=10)
    log(OVERDUE)  # raised in September, logged in November
    log(replace(OVERDUE, raised_on=date(2026, 9, 2), follow_up_on=None), amendments=1)
    page = open_page(qtbot, diary, messages)
    rows = range(page.model.rowCount())

    def flags(role: int | None = None) -> list[object]:
        return [cell(page, row, ConcernColumn.FLAGS, role) for row in rows]

    assert flags() == [
        "amended 10 times",
        "amended 2 times",
        "amended",
        "",
        "retrospective, amended",
        "retrospective",
    ]
    accessible = flags(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible[3] == "no flags"
    assert accessible[5] == "retrospective"
    tips = flags(Qt.ItemDataRole.ToolTipRole)
    assert tips[3] is None
    assert "more than 7 days after the end of the week it happened in" in str(tips[5])
    assert "Amended 2 times after it was first recorded" in str(tips[1])
    assert str(cell(page, 3, ConcernColumn.RAISED_ON, Qt.ItemDataRole.ToolTipRole)).startswith(
        "First recorded "
    )
    # In words alone: not by colour, nor in the bold of a row that is overdue.
    for role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
        assert set(flags(role)) == {None}
    assert cell(page, 5, ConcernColumn.STATUS) == "Overdue: no response"
    assert cell(page, 5, ConcernColumn.FLAGS, Qt.ItemDataRole.FontRole) is None
    model = page.table.model()
    assert model.headerData(ConcernColumn.FLAGS, Qt.Orientation.Horizontal) == "Flags"
    header_tip = str(
        model.headerData(
            ConcernColumn.FLAGS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
    )
    assert "(retrospective)" in header_tip and "(amended" in header_tip

    # Chosen in words, from the keyboard, as a click on the heading would.
    page.sort_choice.setCurrentIndex(page.sort_choice.findText("Flags, most first"))
    assert flags() == [
        "retrospective, amended",
        "retrospective",
        "amended 10 times",
        "amended 2 times",
        "amended",
        "",
    ]
    page.sort_choice.setCurrentIndex(page.sort_choice.findText("Flags, fewest first"))
    assert flags()[:3] == ["", "amended", "amended 2 times"]


def test_mark_answered_records_the_response_as_a_change_kept_in_its_history(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    key = diary.concerns.save(OVERDUE).entry.key
    diary.concerns.save(NOT_DUE_YET)
    clock.now += timedelta(hours=1)
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(row_of(page, key))
    page.table.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(AnswerDialog)
    assert isinstance(dialog, AnswerDialog)
    assert dialog.isVisible()
    assert dialog.date_field.text() == "20/11/2026"  # today, unless they say otherwise
    # Said as the concern's line says it afterwards ("not amended"), not as "a change".
    said = [label.text() for label in dialog.findChildren(QLabel)]
    assert "not as an amendment of what you raised" in " ".join(said)
    assert not [text for text in said if "a change to the concern" in text]
    dialog.response_box.setPlainText("Cydnabod y pryder; <ymateb> & dim newid.")
    dialog.date_field.setText("19/11/2026")
    with qtbot.waitSignal(page.saved):
        dialog.save_button.click()
    assert not dialog.isVisible()

    stored = diary.concerns.get(key)
    assert stored is not None
    assert stored.record.response == "Cydnabod y pryder; <ymateb> & dim newid."
    assert stored.record.response_on == date(2026, 11, 19)
    assert stored.record.status is ConcernStatus.ANSWERED
    assert stored.record.summary == OVERDUE.summary
    first, answered = diary.concerns.history(key)
    assert first.action == "create"
    assert {change.field: change.new for change in first.changes}["status"] == "open"
    assert answered.action == "amend"
    assert {change.field: (change.old, change.new) for change in answered.changes} == {
        "response": ("", "Cydnabod y pryder; <ymateb> & dim newid."),
        "response_on": (None, "2026-11-19"),
        "status": ("open", "answered"),
    }

    row = row_of(page, key)
    assert cell(page, row, ConcernColumn.STATUS) == "Answered Thu 19 Nov 2026"
    # Logged in November about September: marked so in its row. Recording the answer changed
    # nothing already recorded, so it is not called an amendment: its status says it.
    assert cell(page, row, ConcernColumn.FLAGS) == "retrospective"
    tip = str(cell(page, row, ConcernColumn.FLAGS, Qt.ItemDataRole.ToolTipRole))
    assert "more than 7 days after the end of the week it happened in" in tip
    assert "mended" not in tip
    assert cell(page, row, ConcernColumn.RAISED_ON, Qt.ItemDataRole.FontRole) is None
    assert page.counts_line.text() == "2 concerns raised. 1 is waiting for an answer."
    assert page.current_key() == key
    assert page.box("response").isVisibleTo(page)
    assert isinstance(page.box("response"), QPlainTextEdit)
    assert page.response_box.toPlainText() == "Cydnabod y pryder; <ymateb> & dim newid."
    assert f"answer recorded {format_moment(NOW + timedelta(hours=1))} · not amended" in (
        page.record_line.text()
    )
    assert "stays in its history" in page.status.text()
    assert not page.overdue_line.isVisible()


def test_only_a_change_to_what_was_already_recorded_is_called_an_amendment(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    """Recording the answer, adding to it and closing the concern are what happens to a concern
    after it is raised, as the pack says: a reader must not take them for the officer altering
    what she said. Changing what she said is an amendment, and says when."""
    answered = replace(
        NOT_DUE_YET, response="Review booked.", response_on=TODAY, status=ConcernStatus.ANSWERED
    )
    key = diary.concerns.save(NOT_DUE_YET).entry.key
    clock.now += timedelta(hours=1)
    answered_at = clock.now
    diary.concerns.save(answered, key)
    clock.now += timedelta(hours=1)
    diary.concerns.save(replace(answered, response="Review booked. Then cancelled."), key)
    clock.now += timedelta(hours=1)
    closed_at = clock.now
    closed = replace(answered, response="Review booked. Then cancelled.")
    diary.concerns.save(replace(closed, status=ConcernStatus.CLOSED), key)

    corrected = diary.concerns.save(replace(NOT_DUE_YET, raised_on=date(2026, 11, 17))).entry.key
    clock.now += timedelta(hours=1)
    corrected_at = clock.now
    said_again = replace(NOT_DUE_YET, raised_on=date(2026, 11, 17), summary="Asked for a review.")
    diary.concerns.save(said_again, corrected)
    clock.now += timedelta(hours=1)
    answer = replace(said_again, response="No.", response_on=TODAY, status=ConcernStatus.ANSWERED)
    diary.concerns.save(answer, corrected)

    page = open_page(qtbot, diary, messages)
    assert cell(page, row_of(page, key), ConcernColumn.FLAGS) == ""
    assert cell(page, row_of(page, key), ConcernColumn.STATUS) == "Closed"
    page.show_concern(key)
    assert page.record_line.text() == (
        f"First recorded {format_moment(NOW)} · answer recorded {format_moment(answered_at)} · "
        f"marked closed {format_moment(closed_at)} · not amended"
    )

    row = row_of(page, corrected)
    assert cell(page, row, ConcernColumn.FLAGS) == "amended"
    # When what she said was changed, not when the answer came in after it.
    assert str(cell(page, row, ConcernColumn.FLAGS, Qt.ItemDataRole.ToolTipRole)) == (
        f"Amended once after it was first recorded; last on {format_moment(corrected_at)}. The "
        "earlier values are kept in its history."
    )
    page.show_concern(corrected)
    assert page.record_line.text().endswith(" · amended once")
    header_tip = str(
        page.table.model().headerData(
            ConcernColumn.FLAGS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
    )
    assert "recording the answer, adding to it or closing the concern is not an amendment" in (
        header_tip
    )


@pytest.mark.parametrize("key_name", ["Key_Down", "Key_Up", "Key_Home"])
def test_the_first_arrow_key_in_the_list_picks_the_newest_concern(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, key_name: str
) -> None:
    """Tab makes the first row current without picking it; Down used to pick the second."""
    diary.concerns.save(OVERDUE)
    newest = diary.concerns.save(NOT_DUE_YET).entry.key
    page = open_page(qtbot, diary, messages)
    page.table.setFocus()
    page.table.selectionModel().setCurrentIndex(
        page.table.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    qtbot.keyClick(page.table, getattr(Qt.Key, key_name))
    assert page.table.selected_key() == newest
    assert page.current_key() == newest


def test_a_new_concern_dated_long_ago_is_said_to_be_late_before_it_is_saved(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """As the week editor says of a late week: the officer may have meant another year."""
    page = open_page(qtbot, diary, messages)
    set_text(page, "raised_on", "01/09/2026")
    assert "will be marked as recorded late (retrospectively)" in page.record_line.text()
    assert "the end of the week it was raised in" in page.record_line.text()
    set_text(page, "raised_on", "19/11/2026")
    assert "late" not in page.record_line.text()


def test_a_long_name_it_was_raised_with_shows_from_its_start(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    long_name = "Rheolwr <Gŵyn> & Tŷ (Ŵ.Ŷ.), Deputy Head of Service for the whole region"
    key = diary.concerns.save(replace(OVERDUE, raised_with=long_name)).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    assert page.raised_with_box.text() == long_name
    assert page.raised_with_box.cursorPosition() == 0


@pytest.mark.parametrize("first_words", ["Review promised.", "Review promised.\n"])
def test_a_further_answer_starts_on_a_new_line_and_the_first_stays_as_it_was(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, first_words: str
) -> None:
    """Typed straight after the first answer, more of it used to run into its last word
    ("promised.No review"). It starts on a line of its own, once, and is recorded as more of the
    answer, not an amendment; with nothing added, the first answer is not touched."""
    first_answer = replace(
        OVERDUE,
        response=first_words,
        response_on=date(2026, 11, 2),
        status=ConcernStatus.ANSWERED,
    )
    key = diary.concerns.save(first_answer).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    dialog = page.mark_answered()
    assert dialog is not None
    assert "It was answered on Mon 02 Nov 2026" in dialog.about.text()
    assert "new line" in dialog.about.text()
    qtbot.keyClicks(dialog.response_box, "No review yet.")
    with qtbot.waitSignal(page.saved):
        dialog.save_button.click()
    stored = diary.concerns.get(key)
    assert stored is not None and stored.record.response == "Review promised.\nNo review yet."
    assert stored.record.response_on == date(2026, 11, 2)
    *_, added = diary.concerns.history(key)
    assert {change.field for change in added.changes} == {"response"}
    assert " · not amended · " in page.record_line.text()

    # Opened again and saved with nothing but a blank line added: the answer stays as it was.
    entries_before = diary.audit.count()
    page.mark_answered()
    assert dialog.response_box.toPlainText() == "Review promised.\nNo review yet.\n"
    assert dialog.response_box.textCursor().atEnd()
    qtbot.keyClick(dialog.response_box, Qt.Key.Key_Return)
    dialog.save_button.click()
    assert not dialog.isVisible() and diary.audit.count() == entries_before
    assert page.status.text() == "Nothing changed, so there was nothing new to save."
    unchanged = diary.concerns.get(key)
    assert unchanged is not None and unchanged.record.response == "Review promised.\nNo review yet."


def test_an_answer_saved_after_a_change_elsewhere_keeps_that_change(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    """Mark answered asks only for the answer. A correction made elsewhere, meanwhile, to what
    was said stays: saving the answer never quietly puts the old words back."""
    key = diary.concerns.save(OVERDUE).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    dialog = page.mark_answered()
    assert dialog is not None
    corrected = "Asked for no new allocations while my WMT is at 131 % (132 % by Friday)."
    clock.now += timedelta(minutes=5)
    diary.concerns.save(replace(OVERDUE, summary=corrected), key)
    dialog.response_box.setPlainText("Will review at supervision.")
    with qtbot.waitSignal(page.saved):
        dialog.save_button.click()
    assert messages.said == []  # nothing it asked for clashes: nothing to ask
    stored = diary.concerns.get(key)
    assert stored is not None
    assert stored.record.summary == corrected
    assert stored.record.response == "Will review at supervision."
    *_, answered = diary.concerns.history(key)
    assert {change.field for change in answered.changes} == {"response", "response_on", "status"}


def test_an_answer_recorded_elsewhere_meanwhile_is_asked_about_and_other_changes_kept(
    qtbot: QtBot, diary: Diary, clock: Clock, messages: ScriptedMessages
) -> None:
    key = diary.concerns.save(OVERDUE).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    dialog = page.mark_answered()
    assert dialog is not None
    clock.now += timedelta(minutes=5)
    elsewhere = replace(
        OVERDUE,
        raised_with="SPO (G.W.) and Head of Service",
        response="Noted.",
        response_on=date(2026, 11, 18),
        status=ConcernStatus.ANSWERED,
    )
    diary.concerns.save(elsewhere, key)
    dialog.response_box.setPlainText("Will review at supervision.")

    messages.answers = [False]  # "Go back"
    dialog.save_button.click()
    question = messages.texts("confirm")
    clashing, kept = question.split("Also changed there, and kept as it is now:")
    assert "Response: (empty) → Noted." in clashing
    assert "Raised with" not in clashing
    assert "Raised with: SPO (G.W.) → SPO (G.W.) and Head of Service" in kept
    assert dialog.isVisible()
    assert diary.concerns.get(key).record == elsewhere  # type: ignore[union-attr]

    messages.answers = [True]  # "Save mine in its place"
    with qtbot.waitSignal(page.saved):
        dialog.save_button.click()
    stored = diary.concerns.get(key)
    assert stored is not None
    assert stored.record.response == "Will review at supervision."
    assert stored.record.raised_with == "SPO (G.W.) and Head of Service"


def test_mark_answered_has_room_for_all_it_says_about_the_concern(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """What the concern was and what to do with the answer already given, not cut off at the
    top or the bottom for want of room."""
    answered = replace(
        OVERDUE,
        summary=WELSH_SUMMARY + " " + WELSH_SUMMARY,
        response="Review promised.",
        response_on=date(2026, 11, 2),
        status=ConcernStatus.ANSWERED,
    )
    key = diary.concerns.save(answered).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    dialog = page.mark_answered()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert dialog.response_box.height() >= dialog.response_box.minimumHeight()


def test_an_answer_needs_words_and_a_date_and_nothing_is_saved_without_them(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    key = diary.concerns.save(OVERDUE).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    dialog = page.mark_answered()
    assert dialog is not None
    entries_before = diary.audit.count()
    dialog.date_field.setText("")
    with qtbot.assertNotEmitted(page.saved):
        dialog.save_button.click()
    assert dialog.isVisible()
    problems = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert "⚠ Write what they said, even in a few words." in problems
    assert "⚠ Enter the day the answer came, like 16/11/2026." in problems

    dialog.response_box.setPlainText("Told to prioritise.")
    dialog.date_field.setText("31/08/2026")  # before the concern was raised
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "⚠ The response date cannot be before the date raised." in [
        label.text() for label in dialog.findChildren(QLabel) if label.isVisible()
    ]
    assert diary.audit.count() == entries_before
    messages.answers = [True]  # "Close without saving", asked as something was typed
    dialog.reject()
    assert not dialog.isVisible()
    assert diary.audit.count() == entries_before


def test_closing_mark_answered_after_typing_asks_and_keeping_it_keeps_the_words(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """As the letters do: Esc, Cancel and the dialog's close button throw nothing typed away
    without asking, and keeping it is the default."""
    key = diary.concerns.save(OVERDUE).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    dialog = page.mark_answered()
    assert dialog is not None
    qtbot.keyClicks(dialog.response_box, "Told to prioritise <later>")
    dialog.response_box.insertPlainText("; ŵ ŷ")
    messages.answers = [False]  # "Keep editing"
    qtbot.keyClick(dialog.response_box, Qt.Key.Key_Escape)
    [asked] = messages.said
    assert (asked.kind, asked.title) == ("confirm", "Close without saving?")
    assert asked.text == "Close without saving the answer? What you typed will be lost."
    assert dialog.isVisible()
    assert dialog.response_box.toPlainText() == "Told to prioritise <later>; ŵ ŷ"

    messages.answers = [False]
    cancel = next(
        button for button in dialog.findChildren(QPushButton) if button.text() == "Cancel"
    )
    cancel.click()
    messages.answers = [False]
    assert not dialog.close()  # the dialog's own close button
    assert dialog.isVisible() and len(messages.said) == 3

    messages.answers = [True]  # "Close without saving"
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.response_box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    stored = diary.concerns.get(key)
    assert stored is not None and stored.record == OVERDUE


def test_mark_answered_with_nothing_typed_or_changed_closes_at_once(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    answered = replace(
        OVERDUE,
        response="Review promised.",
        response_on=date(2026, 11, 2),
        status=ConcernStatus.ANSWERED,
    )
    key = diary.concerns.save(answered).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    dialog = page.mark_answered()
    assert dialog is not None
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.response_box, Qt.Key.Key_Escape)
    assert messages.said == []  # any question would have failed the test

    # A changed date is a change too; put back as it was, there is nothing to lose.
    page.mark_answered()
    dialog.date_field.setText("03/11/2026")
    messages.answers = [False]
    qtbot.keyClick(dialog.response_box, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(messages.said) == 1
    dialog.date_field.setText("02/11/2026")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.response_box, Qt.Key.Key_Escape)
    assert len(messages.said) == 1


def test_closing_the_window_with_an_answer_typed_in_mark_answered_asks_first(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> None:
    key = diary.concerns.save(OVERDUE).entry.key
    window = MainWindow(
        diary, messages, QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    window.show_page(CONCERNS)
    page = window.concerns_page
    page.show_concern(key)
    dialog = page.mark_answered()
    assert dialog is not None
    dialog.response_box.setPlainText("Told to prioritise.")
    window.show_page(HISTORY)
    messages.answers = [False]  # "Keep editing"
    assert not window.close()
    assert "the answer to a concern" in messages.texts("confirm")
    assert window.current_page() == CONCERNS
    assert dialog.isVisible() and dialog.response_box.toPlainText() == "Told to prioritise."

    # Saved, there is nothing left to ask about.
    with qtbot.waitSignal(page.saved):
        dialog.save_button.click()
    assert window.close() and len(messages.said) == 1


def test_the_identifier_question_go_back_saves_nothing(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    set_text(page, "raised_with", "SPO")
    set_text(page, "summary", "Asked that X123456 be reallocated.")
    entries_before = diary.audit.count()
    messages.answers = [False]
    assert not page.save()
    [asked] = messages.said
    assert asked.kind == "confirm"
    assert "X123456" in asked.text
    assert diary.audit.count() == entries_before
    assert focused() is page.box("summary")

    messages.answers = [True]
    assert page.save()
    assert len(diary.concerns.all()) == 1


def test_amending_a_concern_in_the_editor_keeps_the_old_value(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    key = diary.concerns.save(NOT_DUE_YET).entry.key
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(0)
    assert page.current_key() == key
    set_text(page, "follow_up_on", "07/12/2026")
    assert page.save()
    _first, amended = diary.concerns.history(key)
    assert [(change.field, change.old, change.new) for change in amended.changes] == [
        ("follow_up_on", "2026-11-30", "2026-12-07")
    ]
    assert "Changed Follow up on: Mon 30 Nov 2026 → Mon 07 Dec 2026." in page.status.text()


def test_every_field_is_labelled_with_its_own_letter(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.concerns.save(NOT_DUE_YET)
    page = open_page(qtbot, diary, messages)
    page.table.selectRow(0)  # an existing concern shows every field
    letters = set()
    for name, info in CONCERN_FIELDS.items():
        box = page.box(name)
        assert box.accessibleName() == info.label
        [text] = [label.text() for label in page.findChildren(QLabel) if label.buddy() is box]
        letters.add(text.split("&")[1][0].lower())
    assert len(letters) == len(CONCERN_FIELDS)
    # Save, New, the list, Mark answered, Write a notice, Delete, Restore, Show deleted, Sort by,
    # and the File, Go and Help menus
    assert not letters & set("sncmwtrebfgh")

    page.box("raised_on").setFocus()
    order = ["raised_on", "raised_with", "channel", "follow_up_on", "response_on", "status"]
    order += ["summary", "response"]
    assert list(TAB_ORDER) == order
    visited = []
    for _ in order:
        visited.append(focused())
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert visited == [page.box(name) for name in order]
    assert focused() is page.save_button
    for name in reversed(order):  # and back again
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert focused() is page.box(name)


def test_the_model_passes_the_model_tester(
    qapp: QApplication, qtmodeltester: ModelTester, diary: Diary
) -> None:
    model = ConcernsModel()
    qtmodeltester.check(model)
    diary.concerns.save(OVERDUE)
    diary.concerns.save(NOT_DUE_YET)
    diary.concerns.save(
        Concern(
            date(2026, 10, 1),
            "WMT team",
            ConcernChannel.WMT_CHALLENGE,
            "Challenged the WMT figure.\nTwo custody cases are counted as community.",
            "Corrected.",
            date(2026, 10, 20),
            None,
            ConcernStatus.ANSWERED,
        )
    )
    diary.concerns.save(
        Concern(
            date(2026, 8, 3),
            "HR",
            ConcernChannel.GRIEVANCE,
            "Grievance about my workload.",
            "Upheld in part.",
            date(2026, 8, 28),
            date(2026, 8, 17),
            ConcernStatus.CLOSED,
        )
    )
    model.set_entries(diary.concerns.all(), TODAY)
    assert model.rowCount() == 4
    assert model.entry_at(0).record == NOT_DUE_YET  # newest first
    assert model.index(1, ConcernColumn.SUMMARY).data() == "Challenged the WMT figure. …"
    assert model.index(1, ConcernColumn.STATUS).data() == "Answered Tue 20 Oct 2026"
    # A closed concern's status is short; the day of its response is in its tooltip.
    closed = model.index(3, ConcernColumn.STATUS)
    assert closed.data() == "Closed"
    assert closed.data(Qt.ItemDataRole.ToolTipRole) == (
        "Closed: the response came on Fri 28 Aug 2026"
    )
    qtmodeltester.check(model)
    proxy = RecordsSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(ConcernColumn.STATUS, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(row, ConcernColumn.STATUS).data() for row in range(4)] == [
        "Overdue: no response",
        "Open, follow up Mon 30 Nov 2026",
        "Closed",
        "Answered Tue 20 Oct 2026",
    ]
    qtmodeltester.check(proxy)


def test_a_concerns_history_shows_the_answer_recorded_with_what_changed(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    """As the pack's history says it: recording the answer is not an amendment of what the
    officer recorded."""
    saved = diary.concerns.save(OVERDUE)
    answered = replace(
        OVERDUE,
        response="Will review <soon> & reply",
        response_on=OVERDUE.raised_on,
        status=ConcernStatus.ANSWERED,
    )
    diary.concerns.save(answered, saved.entry.key)
    page = open_page(qtbot, diary, messages)
    page.show_concern(saved.entry.key)
    dialog = page.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    text = dialog.plain_text()
    assert "Response: (empty) → Will review <soon> & reply" in text
    assert "Status: Open → Answered" in text
    [_first, answer] = [line for line in text.splitlines() if " — " in line]
    assert answer.endswith(" — answer recorded:")
    diary.concerns.save(replace(answered, summary="Said again, more plainly"), saved.entry.key)
    page.reload()
    dialog = page.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.plain_text().splitlines()[-2].endswith(" — amended:")


def test_the_form_gets_the_height_its_fields_need_and_the_list_the_rest(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.concerns.save(NOT_DUE_YET)
    page = open_page(qtbot, diary, messages)
    form = page.editor_heading.parentWidget()
    assert form is not None

    def every_line_shown() -> bool:
        labels = [label for label in form.findChildren(QLabel) if label.isVisible()]
        return all(label.height() >= label.heightForWidth(label.width()) for label in labels)

    def sizes() -> tuple[int, int]:
        QApplication.processEvents()
        return page.table.height(), form.height()

    list_height, new_form_height = sizes()
    assert new_form_height == form.heightForWidth(form.width())
    assert every_line_shown()

    page.resize(page.width(), page.height() + 200)
    taller_list, form_height = sizes()
    assert (taller_list, form_height) == (list_height + 200, new_form_height)

    # Amending shows the response fields too: the form grows to fit them, none cut short.
    page.table.selectRow(0)
    shorter_list, amend_form_height = sizes()
    assert amend_form_height > new_form_height
    assert shorter_list == taller_list - (amend_form_height - new_form_height)
    assert every_line_shown()


def test_a_concern_saved_on_the_wrong_record_is_deleted_only_when_the_user_says_so(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    diary.concerns.save(NOT_DUE_YET)
    mistaken = diary.concerns.save(replace(OVERDUE, summary=WELSH_SUMMARY)).entry.key
    page = open_page(qtbot, diary, messages)
    assert page.counts_line.text().startswith("⚠ 2 concerns raised. 2 are waiting")
    assert not page.delete_button.isEnabled()  # a new concern: nothing to delete
    page.show_concern(mistaken)
    assert page.delete_button.isEnabled()

    messages.answers.append(False)  # "Keep it", the default
    assert not page.delete()
    question = messages.texts("confirm")
    assert "Delete the concern raised on Tue 01 Sep 2026 with SPO (G.W.) (Email): “E-bost" in (
        question
    )
    assert "Nothing is wiped" in question and "evidence pack" in question
    assert diary.concerns.count() == 2 and page.current_key() == mistaken

    messages.answers.append(True)
    clock.now += timedelta(minutes=5)
    with qtbot.waitSignal(page.saved):  # the window's other pages read the diary again
        assert page.delete()
    assert diary.concerns.get(mistaken) is None and page.model.row_of(mistaken) is None
    # No longer counted as waiting, nor overdue.
    assert page.counts_line.text() == "1 concern raised. 1 is waiting for an answer."
    assert page.current_key() is None and not page.delete_button.isEnabled()
    assert page.summary_box.toPlainText() == "" and not page.answer_button.isEnabled()
    assert page.status.text().startswith("Deleted at ")
    *_before, deleted = diary.audit.entries("concerns", mistaken)
    assert deleted.action == "delete" and deleted.values["summary"] == WELSH_SUMMARY
    assert diary.verify().intact


def test_a_concern_that_cannot_be_deleted_says_why_and_everything_stays(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = diary.concerns.save(NOT_DUE_YET).entry.key
    page = open_page(qtbot, diary, messages)
    page.show_concern(key)
    set_text(page, "summary", "Wrote asking for a workload review, copied to HR.")

    def read_only(_key: str, **_options: object) -> None:
        raise DiaryReadOnly("Work Diary cannot write to your diary: the file is read-only.")

    monkeypatch.setattr(diary.concerns, "delete", read_only)
    messages.answers.append(True)
    with qtbot.assertNotEmitted(page.saved):
        assert not page.delete()
    assert "have not saved will be lost too" in messages.texts("confirm")
    [error] = [said for said in messages.said if said.kind == "error"]
    assert error.title == "The concern was not deleted" and "read-only" in error.text
    # Nothing changed: the concern, and what was typed in it, are all still there.
    assert page.current_key() == key and page.model.rowCount() == 1
    assert page.summary_box.toPlainText().endswith("copied to HR.")
    assert diary.concerns.get(key) is not None


def test_a_restored_concern_counts_again_keeps_its_first_date_and_the_clock_is_asked_about(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    """A concern deleted by mistake comes back as it was: still first recorded when it was
    raised, which logging it again could not give it, and still overdue."""
    key = diary.concerns.save(replace(OVERDUE, summary=WELSH_SUMMARY)).entry.key
    first_recorded = clock.now
    clock.now += timedelta(hours=1)
    diary.concerns.delete(key)
    page = open_page(qtbot, diary, messages)
    page.show_deleted.setChecked(True)
    page.table.selectRow(row_of(page, key))
    assert page.showing_deleted() and page.restore_button.isVisible()
    assert page._tab_order()[-2:] == [page.restore_button, page.save_button]

    clock.now -= timedelta(days=1)  # the clock put back since the deletion
    messages.answers = [True, False]  # restore it; then go back over the clock
    assert not page.restore()
    assert [said.title for said in messages.said] == [
        "Restore this concern?",
        "Check your computer's clock",
    ]
    assert diary.concerns.get(key) is None and page.showing_deleted()

    clock.now += timedelta(days=2)
    messages.answers = [True]
    with qtbot.waitSignal(page.saved):
        assert page.restore()
    restored = diary.concerns.get(key)
    assert restored is not None and restored.first_recorded_at == first_recorded
    assert page.counts_line.text().endswith("1 of them is overdue: past the follow-up date.")
    # Deleting and restoring it are no amendment; its flags and the line above the form say
    # it was deleted and restored, and when.
    assert (
        cell(page, row_of(page, key), ConcernColumn.FLAGS) == "retrospective, deleted and restored"
    )
    restored_on = format_day(clock.now.astimezone().date())
    assert f" · deleted and restored on {restored_on} · not amended" in page.record_line.text()
    assert page.overdue_line.isVisible() and not page.showing_deleted()


def test_a_deleted_concern_is_shown_read_only_when_asked_and_never_counted(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock
) -> None:
    live = diary.concerns.save(NOT_DUE_YET).entry.key
    mistaken = diary.concerns.save(replace(OVERDUE, summary=WELSH_SUMMARY)).entry.key
    clock.now += timedelta(hours=1)
    deleted_at = clock.now
    diary.concerns.delete(mistaken)
    page = open_page(qtbot, diary, messages)
    counts = page.counts_line.text()
    assert counts == "1 concern raised. 1 is waiting for an answer."
    assert page.show_deleted.isVisible() and page.model.rowCount() == 1

    page.show_deleted.setChecked(True)
    assert page.counts_line.text() == counts  # shown, still not counted
    row = row_of(page, mistaken)
    assert row == 1  # in date order among the others
    assert cell(page, row, ConcernColumn.FLAGS) == "deleted, retrospective"
    tip = str(cell(page, row, ConcernColumn.FLAGS, Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith(f"Deleted {format_moment(deleted_at)}: it no longer counts")
    # It waits for nothing now: not overdue, not in bold, but greyed and marked in words.
    assert cell(page, row, ConcernColumn.STATUS) == "Open, follow up Mon 07 Sep 2026"
    assert cell(page, row, ConcernColumn.STATUS, Qt.ItemDataRole.FontRole) is None
    assert cell(page, row, ConcernColumn.STATUS, Qt.ItemDataRole.ForegroundRole) is not None
    summary_tip = str(cell(page, row, ConcernColumn.SUMMARY, Qt.ItemDataRole.ToolTipRole))
    assert WELSH_SUMMARY in unescape(summary_tip) and "<dim" not in summary_tip

    page.table.selectRow(row)
    assert page.current_key() == mistaken and page.showing_deleted()
    assert page.editor_heading.text() == "Concern raised on Tue 01 Sep 2026 (deleted)"
    assert page.record_line.text().startswith(f"Deleted {format_moment(deleted_at)}:")
    assert not page.overdue_line.isVisible()
    assert page.summary_box.toPlainText() == WELSH_SUMMARY and page.summary_box.isReadOnly()
    # Drawn as the greyed boxes beside it are, not as a white box to type in; its words dark.
    palette = page.summary_box.palette()
    window = page.palette().color(QPalette.ColorRole.Window)
    assert palette.color(QPalette.ColorRole.Base) == window
    assert palette.color(QPalette.ColorRole.Text) == page.palette().color(QPalette.ColorRole.Text)
    assert not page.box("raised_with").isEnabled() and not page.box("status").isEnabled()
    assert not page.save_button.isEnabled() and not page.delete_button.isEnabled()
    assert not page.answer_button.isEnabled() and page.history_button.isEnabled()
    entries = diary.audit.count()
    with qtbot.assertNotEmitted(page.saved):
        assert page.mark_answered() is None
        qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        assert not page.delete() and not page.save()
    answering = [
        found for found in QApplication.topLevelWidgets() if isinstance(found, AnswerDialog)
    ]
    assert not any(dialog.isVisible() for dialog in answering)
    assert "A deleted concern cannot be saved" in page.status.text() and not messages.said
    assert diary.audit.count() == entries and diary.concerns.get(mistaken) is None
    dialog = page.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    last_event = dialog.plain_text().strip().splitlines()[-1]
    assert last_event == f"{format_moment(deleted_at)} — deleted (kept here in its history)"

    # The live concern is editable, and can be answered, again.
    page.table.selectRow(row_of(page, live))
    assert page.current_key() == live and not page.showing_deleted()
    assert page.save_button.isEnabled() and page.answer_button.isEnabled()
    assert page.box("raised_with").isEnabled() and not page.summary_box.isReadOnly()
    assert page.summary_box.palette().color(QPalette.ColorRole.Base) != window
    set_text(page, "summary", "Wrote asking for a workload review, copied to HR.")
    assert page.save()
    assert diary.concerns.count() == 1 and page.counts_line.text() == counts


def test_the_how_box_says_the_letter_of_every_way_a_concern_can_be_raised(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    page = open_page(qtbot, diary, messages)
    hints = [label.text() for label in page.findChildren(QLabel) if "first letter" in label.text()]
    assert len(hints) == 1
    letters = [words[0] for words in CONCERN_CHANNEL_WORDS.values()]
    assert len(set(letters)) == len(letters)  # so that its letter picks each one out
    assert re.findall(r"\b[A-Z]\b", hints[0].split(":")[1]) == letters
    assert hints[0].endswith(", W or A")  # … WMT challenge, Access request (SAR)


def test_an_access_request_is_counted_apart_from_the_concerns_about_workload(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    diary.concerns.save(NOT_DUE_YET)
    request = Concern(
        date(2026, 11, 2),
        "Data Protection Officer",
        ConcernChannel.ACCESS_REQUEST,
        "Subject access request for my WMT records",
        follow_up_on=date(2026, 12, 2),
    )
    diary.concerns.save(request)
    page = open_page(qtbot, diary, messages)
    assert page.counts_line.text() == (
        "1 concern raised and 1 access request made. 2 are waiting for an answer."
    )
