"""The Evidence page: what a pack will hold, exporting it off the GUI thread, cancelling, errors."""

from __future__ import annotations

import gc
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.clock import Clock
from tests.evidence.pdf_reading import pdf_text
from tests.ui.scripted_messages import ScriptedMessages
from workdiary import packs
from workdiary.domain.dates import ONE_WEEK, week_ending
from workdiary.domain.figures import period_bounds, summarise, week_lines
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.evidence import pack as pack_module
from workdiary.evidence.pack import Pack
from workdiary.evidence.pack_data import check_pack
from workdiary.evidence.snapshot import PackOptions, Snapshot
from workdiary.files import FileNotWritten
from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, fill_sample_diary
from workdiary.storage import Diary
from workdiary.ui.evidence_page import EvidencePage
from workdiary.ui.faults import TITLE, FaultCatcher

# The Monday after the sample's last week: that week has ended, this one is not logged.
MONDAY_AFTER = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
BUILD_TIMEOUT_MS = 60_000

Build = Callable[[Snapshot, PackOptions], Pack]


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 10-year sample, filled once; each test works on a copy of it."""
    path = tmp_path_factory.mktemp("sample") / "diary.db"
    fill_sample_diary(path, SAMPLE_LAST_WEEK_FOR_TESTS)
    return path


@pytest.fixture
def diary(sample_file: Path, diary_path: Path) -> Iterator[Diary]:
    diary_path.parent.mkdir(parents=True)
    shutil.copyfile(sample_file, diary_path)
    with Diary.open(diary_path, clock=Clock(MONDAY_AFTER)) as opened:
        yield opened


@pytest.fixture
def messages() -> ScriptedMessages:
    return ScriptedMessages()


@pytest.fixture
def page(qtbot: QtBot, diary: Diary, messages: ScriptedMessages) -> Iterator[EvidencePage]:
    shown = EvidencePage(diary, messages)
    qtbot.addWidget(shown)
    yield shown
    assert shown.wait_for_builds(BUILD_TIMEOUT_MS)


def expected_weeks_words(diary: Diary, weeks: int | None) -> str:
    """What the summary should say of the latest `weeks` weeks (None: all), from the domain's
    own figures."""
    entries = diary.weeks.all()
    bounds = period_bounds(entries, diary.today(), None, None)
    assert bounds is not None
    first, last = bounds
    if weeks is not None:
        first = max(first, last - ONE_WEEK * (weeks - 1))
    summary = summarise(week_lines(entries, diary.profile(), first, last), diary.profile())
    return (
        f"{summary.weeks_in_period:,} weeks, {summary.weeks_logged:,} logged and "
        f"{summary.weeks_not_logged:,} not logged"
    )


def export_and_wait(qtbot: QtBot, page: EvidencePage, path: Path) -> None:
    with qtbot.waitSignal(page.exported, timeout=BUILD_TIMEOUT_MS) as blocker:
        page.export_to(path)
    assert blocker.args == [path]


def test_the_summary_follows_the_period_with_the_domains_week_counts(
    page: EvidencePage, diary: Diary
) -> None:
    shown = {}
    for label, weeks in (("Last 3 months", 13), ("Last 2 years", 104), ("Everything", None)):
        page.choose_period(label)
        text = page.summary.text()
        assert expected_weeks_words(diary, weeks) in text
        shown[label] = text
    assert len(set(shown.values())) == 3
    # Last 3 months: 13 weeks ending with the sample's last week, and what was recorded in them.
    page.choose_period("Last 3 months")
    last = SAMPLE_LAST_WEEK_FOR_TESTS
    first = last - ONE_WEEK * 12
    sessions = [
        s for s in diary.supervision.all() if first <= s.record.held_on <= week_ending(last)
    ]
    concerns = [c for c in diary.concerns.all() if first <= c.record.raised_on <= week_ending(last)]
    text = page.summary.text()
    assert f"{len(sessions)} supervision session" in text
    held = [s for s in sessions if s.record.status is SupervisionStatus.HELD]
    assert f"{len(sessions)} supervision sessions recorded ({len(held)} held), " in text
    assert f"{len(concerns)} concern" in text
    # Counted as the pack counts them: an answer recorded is a change, not an amendment.
    assert re.search(r"\d+ changes? to the records after they were first recorded", text)
    assert "amendments or deletions" not in text
    assert "About " in text and " page" in text


def test_sessions_held_on_one_day_are_said_to_count_as_one_as_the_pack_counts_them(
    page: EvidencePage, diary: Diary
) -> None:
    page.choose_period("Last 3 months")
    [(recorded, held)] = re.findall(
        r"(\d+) supervision sessions? recorded \((\d+) held\)", page.summary.text()
    )
    day = SAMPLE_LAST_WEEK_FOR_TESTS + timedelta(days=1)
    diary.supervision.save(SupervisionSession(day, SupervisionStatus.HELD, minutes=30))
    diary.supervision.save(SupervisionSession(day, SupervisionStatus.HELD, minutes=15))
    page.reload()
    assert (
        f"{int(recorded) + 2} supervision sessions recorded ({int(held) + 2} held, on "
        f"{int(held) + 1} days: sessions held on the same day count as one), "
    ) in page.summary.text()


def test_the_periods_run_to_today_with_what_was_recorded_this_week_before_it_is_logged(
    page: EvidencePage, diary: Diary
) -> None:
    """A concern raised this morning is in a pack of the last 3 months, or of everything."""
    page.choose_period("Last 3 months")
    before = page.summary.text()
    diary.concerns.save(
        Concern(MONDAY_AFTER.date(), "SPO (JM)", ConcernChannel.EMAIL, "Emailed about 125 %")
    )
    page.reload()
    for label in ("Last 3 months", "Everything"):
        page.choose_period(label)
        text = page.summary.text()
        assert "to Mon 23 Nov 2026, today: " in text
        assert expected_weeks_words(diary, 13 if label == "Last 3 months" else None) in text
        assert "This week has not ended and nothing is logged for it yet" in text
    page.choose_period("Last 3 months")
    [was] = re.findall(r"(\d+) concerns? raised", before)
    [now] = re.findall(r"(\d+) concerns? raised", page.summary.text())
    assert int(now) == int(was) + 1


def test_a_subject_access_request_is_counted_apart_from_the_concerns(
    page: EvidencePage, diary: Diary
) -> None:
    page.choose_period("Last 3 months")
    [was] = re.findall(r"(\d+) concerns? raised", page.summary.text())
    request = Concern(
        MONDAY_AFTER.date(), "DPO", ConcernChannel.ACCESS_REQUEST, "Copies of my WMT records"
    )
    diary.concerns.save(request)
    page.reload()
    text = page.summary.text()
    [now] = re.findall(r"(\d+) concerns? raised", text)
    assert now == was
    assert (
        "And 1 subject access request, listed apart from the concerns: it is not one about "
        "workload." in text
    )


def test_custom_dates_set_the_period_and_a_backwards_one_is_refused(page: EvidencePage) -> None:
    page.set_custom_dates(date(2025, 1, 8), date(2025, 3, 30))  # a Wednesday to a Sunday
    assert page.from_date.isVisibleTo(page)
    options = page.pack_options()
    assert options is not None
    assert (options.first_week, options.last_week) == (date(2025, 1, 6), date(2025, 3, 24))
    assert "Mon 06 Jan 2025 to Sun 30 Mar 2025: 12 weeks," in page.summary.text()
    assert page.export_button.isEnabled()

    # Each in the words History uses for the same boxes.
    page.to_date.setText("01/01/2025")
    assert page.period_problem.text() == (
        "⚠ From (Wed 08 Jan 2025) is after To (Wed 01 Jan 2025): put the earlier date in From."
    )
    assert page.pack_options() is None and not page.export_button.isEnabled()
    page.from_date.setText("")
    page.to_date.setText("31/02/2025")
    assert page.period_problem.text() == (
        "⚠ From is empty: type a date in it, like 16/11/2026. The To date '31/02/2025' does not "
        "exist on the calendar."
    )
    assert page.period_problem.isVisibleTo(page) and not page.export_button.isEnabled()
    # A pack runs to today: a To after it is said to be moved back, a From after it refused.
    page.set_custom_dates(MONDAY_AFTER.date(), MONDAY_AFTER.date() + timedelta(days=6))
    assert page.period_problem.text() == (
        "⚠ To (Sun 29 Nov 2026) is after today: the pack runs to today, Mon 23 Nov 2026."
    )
    options = page.pack_options()
    assert options is not None and options.first_week == options.last_week == date(2026, 11, 23)
    assert page.export_button.isEnabled()
    page.set_custom_dates(date(2026, 11, 24), date(2026, 11, 25))
    assert page.period_problem.text() == (
        "⚠ From (Tue 24 Nov 2026) is after today: a pack shows what is recorded up to today. "
        "Put an earlier date in From."
    )
    assert page.pack_options() is None and not page.export_button.isEnabled()


def test_weeks_before_the_first_week_recorded_are_not_counted_as_not_logged(
    page: EvidencePage, diary: Diary
) -> None:
    began = min(entry.record.week_commencing for entry in diary.weeks.all())
    page.set_custom_dates(began - ONE_WEEK * 10, began + ONE_WEEK * 3)
    logged = sum(
        1
        for entry in diary.weeks.all()
        if began <= entry.record.week_commencing <= began + ONE_WEEK * 3
    )
    assert (
        f"14 weeks, {logged} logged and {4 - logged} not logged; 10 weeks before the first week "
        "recorded in the diary are not counted." in page.summary.text()
    )


def test_sections_and_notes_change_what_the_pack_will_hold(page: EvidencePage) -> None:
    page.choose_period("Everything")
    everything = page.summary.text()
    page.section_boxes["weeks"].setChecked(False)
    options = page.pack_options()
    assert options is not None and "weeks" not in options.sections
    assert page.summary.text() != everything  # fewer pages

    page.leave_out_notes.setChecked(True)
    assert "Notes left out" in page.summary.text()
    assert not page.section_boxes["notes"].isEnabled()

    for box in page.section_boxes.values():
        box.setChecked(False)
    assert "No sections chosen" in page.summary.text()
    assert not page.export_button.isEnabled()


def test_the_estimate_counts_the_concerns_still_unanswered_from_before_the_period(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # A short period, and many concerns raised before it that were still waiting for an answer
    # when it began: the pack lists every one of them in its concerns log.
    with Diary.open(tmp_path / "waiting.db", clock=Clock(MONDAY_AFTER)) as diary:
        for back in range(1, 14):
            diary.weeks.save(Week(SAMPLE_LAST_WEEK_FOR_TESTS - ONE_WEEK * (back - 1), 120.0))
        said = "My caseload is too high to manage safely; I asked for a workload review. " * 2
        for number in range(60):
            raised = date(2025, 3, 3) + ONE_WEEK * number
            diary.concerns.save(Concern(raised, "SPO (JM)", ConcernChannel.EMAIL, said))
        page = EvidencePage(diary, ScriptedMessages())
        qtbot.addWidget(page)
        page.choose_period("Last 3 months")
        text = page.summary.text()
        assert (
            "0 concerns raised, and 60 more raised before the period and still unanswered when "
            "it began." in text
        )
        options = page.pack_options()
        assert options is not None
        pages = pack_module.build_pack(packs.take_snapshot(diary), options).pages
        estimated = int(text.split("About ")[1].split(" page")[0])
        assert abs(estimated - pages) <= 2  # "about": within a page or two


def test_an_empty_diary_has_nothing_to_export(qtbot: QtBot, tmp_path: Path) -> None:
    with Diary.open(tmp_path / "empty.db", clock=Clock(MONDAY_AFTER)) as empty:
        page = EvidencePage(empty, ScriptedMessages())
        qtbot.addWidget(page)
        assert "Nothing is recorded in your diary yet" in page.period_problem.text()
        assert not page.export_button.isEnabled()
        assert page.exports_list.topLevelItemCount() == 0
        assert not page.copy_button.isEnabled()


def test_everything_takes_in_sessions_and_concerns_from_before_the_first_week_logged(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Someone who starts with this week and backfills last month's cancelled supervision and a
    concern: "Everything" must hold them, not a pack that says none was recorded."""
    with Diary.open(tmp_path / "new.db", clock=Clock(MONDAY_AFTER)) as new:
        new.weeks.save(Week(date(2026, 11, 16), 120.0))
        new.supervision.save(
            SupervisionSession(date(2026, 10, 20), SupervisionStatus.CANCELLED_BY_MANAGER)
        )
        new.concerns.save(
            Concern(date(2026, 10, 28), "SPO", ConcernChannel.EMAIL, "Caseload too high")
        )
        page = EvidencePage(new, ScriptedMessages())
        qtbot.addWidget(page)
        assert page.period.currentText() == "Everything"
        options = page.pack_options()
        assert options is not None and options.first_week == date(2026, 10, 19)
        text = page.summary.text()
        assert "1 supervision session" in text and "1 concern raised" in text, text
        packed = pdf_text(pack_module.build_pack(packs.take_snapshot(new), options).pdf)
        assert "No supervision sessions are recorded for the period" not in packed
        assert "Caseload too high" in packed


def test_a_diary_of_nothing_but_this_week_so_far_makes_a_pack_of_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with Diary.open(tmp_path / "new.db", clock=Clock(MONDAY_AFTER)) as new:
        new.concerns.save(
            Concern(MONDAY_AFTER.date(), "SPO", ConcernChannel.EMAIL, "Caseload too high")
        )
        page = EvidencePage(new, ScriptedMessages())
        qtbot.addWidget(page)
        # The pack shows what was recorded this week so far, and does not call it not logged.
        assert not page.period_problem.text()
        summary = page.summary.text()
        assert summary.startswith("Mon 23 Nov 2026, today: 0 weeks, 0 logged and 0 not logged.")
        assert "This week has not ended and nothing is logged for it yet" in summary
        assert "1 concern raised" in summary
        assert page.export_button.isEnabled()


def test_export_writes_an_intact_pack_off_the_gui_thread_records_it_and_lists_it(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    collecting: list[bool] = []
    real_build: Build = pack_module.build_pack

    def recording_build(snapshot: Snapshot, options: PackOptions) -> Pack:
        threads.append(threading.current_thread())
        collecting.append(gc.isenabled())
        return real_build(snapshot, options)

    monkeypatch.setattr(pack_module, "build_pack", recording_build)
    page.choose_period("Everything")
    page.prepared_for.setText("Napo branch rep (J. S.)")
    estimate = page.summary.text()
    path = tmp_path / "packs" / "pack.pdf"

    with qtbot.waitSignal(page.exported, timeout=BUILD_TIMEOUT_MS) as blocker:
        page.export_to(path)
        # The GUI thread is free while the pack is made, and the options cannot change under it.
        assert page.is_exporting()
        assert not page.export_button.isEnabled() and not page.period.isEnabled()
        assert page.cancel_button.isVisibleTo(page) and page.progress.isVisibleTo(page)
    assert blocker.args == [path]
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    # The garbage collector was paused while the worker ran (a Qt object freed in its thread can
    # crash the app), and runs again now.
    assert collecting == [False] and gc.isenabled()
    assert not page.is_exporting() and page.export_button.isEnabled()

    pdf = path.read_bytes()
    check = check_pack(pdf)
    assert check.intact, check.message
    [export] = diary.exports.all()
    fingerprint = export.record.fingerprint
    assert export.record.file_name == "pack.pdf"
    assert check.contents is not None and check.contents.printed_fingerprint == fingerprint
    assert "Napo branch rep (J. S.)" in pdf_text(pdf)

    # The page says where it went and the fingerprint, and offers the folder.
    assert str(path) in page.status.text() and fingerprint in page.status.text()
    assert page.open_folder_button.isVisibleTo(page)
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    page.open_folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(path.parent)]

    # The estimate was honest: within a couple of pages of the pack it made.
    pages = int(page.status.text().split("(")[1].split(" page")[0])
    estimated = int(estimate.split("About ")[1].split(" page")[0])
    assert abs(estimated - pages) <= 2

    # The list of earlier exports shows it, with its fingerprint to copy.
    assert page.exports_list.topLevelItemCount() == 1
    item = page.exports_list.topLevelItem(0)
    assert item is not None
    assert item.text(2) == "pack.pdf"
    assert item.text(3) == f"{fingerprint[:16]}…" and item.toolTip(3) == fingerprint
    assert "Mon 23 Nov 2026" in item.text(0)
    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == fingerprint
    assert messages.said == []  # all of it said on the page, no message box


def test_the_list_shows_earlier_exports_newest_first(
    qtbot: QtBot, page: EvidencePage, diary: Diary, tmp_path: Path
) -> None:
    clock = diary.clock
    assert isinstance(clock, Clock)
    page.choose_period("Last 3 months")
    export_and_wait(qtbot, page, tmp_path / "first.pdf")
    clock.now += timedelta(hours=2)
    page.choose_period("Last 6 months")
    export_and_wait(qtbot, page, tmp_path / "second.pdf")
    names = [page.exports_list.topLevelItem(row).text(2) for row in range(2)]  # type: ignore[union-attr]
    assert names == ["second.pdf", "first.pdf"]
    # A page opened later reads the same list from the diary.
    again = EvidencePage(diary, ScriptedMessages())
    qtbot.addWidget(again)
    assert again.exports_list.topLevelItemCount() == 2


def test_cancel_writes_nothing_records_nothing_and_the_page_is_ready_again(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started, release = threading.Event(), threading.Event()
    real_build: Build = pack_module.build_pack

    def slow_build(snapshot: Snapshot, options: PackOptions) -> Pack:
        started.set()
        release.wait(timeout=BUILD_TIMEOUT_MS / 1000)
        return real_build(snapshot, options)

    monkeypatch.setattr(pack_module, "build_pack", slow_build)
    page.choose_period("Last 3 months")
    path = tmp_path / "cancelled.pdf"
    try:
        page.export_to(path)
        qtbot.waitUntil(started.is_set, timeout=BUILD_TIMEOUT_MS)
        assert page.is_exporting()
        page.cancel_button.click()
        # Ready at once, while the build it cannot interrupt is still running.
        assert not page.is_exporting()
        assert "cancelled" in page.status.text() and "Nothing was written" in page.status.text()
        assert page.export_button.isEnabled() and page.period.isEnabled()
        assert not page.cancel_button.isVisibleTo(page) and not page.progress.isVisibleTo(page)
    finally:
        release.set()
    assert page.wait_for_builds(BUILD_TIMEOUT_MS)
    QCoreApplication.processEvents()  # what the thrown-away build reported
    assert not path.exists() and list(tmp_path.glob("*.pdf")) == []
    assert diary.exports.all() == []
    assert page.exports_list.topLevelItemCount() == 0
    assert gc.isenabled()

    # And the next export goes through as usual.
    export_and_wait(qtbot, page, tmp_path / "after.pdf")
    assert [e.record.file_name for e in diary.exports.all()] == ["after.pdf"]
    assert not path.exists()


def test_leaving_out_notes_leaves_no_note_text_in_the_pack(
    qtbot: QtBot, page: EvidencePage, diary: Diary, tmp_path: Path
) -> None:
    page.choose_period("Last 3 months")
    options = page.pack_options()
    assert options is not None
    notes = [
        entry.record.notes.strip()
        for entry in diary.weeks.all()
        if options.first_week <= entry.record.week_commencing <= options.last_week
        and entry.record.notes.strip()
    ]
    notes += [
        text.strip()
        for entry in diary.supervision.all()
        if options.first_week <= entry.record.held_on <= week_ending(options.last_week)
        for text in (entry.record.notes, entry.record.actions)
        if text.strip()
    ]
    assert notes, "the sample has notes in its last 3 months"
    # Each note's opening words, as the PDF's text gives them back.
    openings = [" ".join(note.split()[:6]) for note in notes]

    export_and_wait(qtbot, page, tmp_path / "with-notes.pdf")
    with_notes = pdf_text((tmp_path / "with-notes.pdf").read_bytes())
    assert all(opening in with_notes for opening in openings)

    page.leave_out_notes.setChecked(True)
    export_and_wait(qtbot, page, tmp_path / "no-notes.pdf")
    pdf = (tmp_path / "no-notes.pdf").read_bytes()
    assert check_pack(pdf).intact
    without = pdf_text(pdf)
    assert not [opening for opening in openings if opening in without]
    assert "Left out of this copy" in without


def test_a_saving_error_is_shown_and_the_page_is_ready_again(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing_save(*_args: object, **_options: object) -> packs.SavedPack:
        raise FileNotWritten("Cannot write the pack: the disk is full.")

    monkeypatch.setattr(packs, "save_pack", failing_save)
    page.choose_period("Last 3 months")
    page.export_to(tmp_path / "pack.pdf")
    qtbot.waitUntil(lambda: not page.is_exporting(), timeout=BUILD_TIMEOUT_MS)
    [said] = messages.said
    assert said.kind == "error" and "the disk is full" in said.text
    assert page.export_button.isEnabled() and page.period.isEnabled()
    assert not page.cancel_button.isVisibleTo(page) and not page.open_folder_button.isVisibleTo(
        page
    )
    assert "not saved" in page.status.text()
    assert diary.exports.all() == [] and not (tmp_path / "pack.pdf").exists()


def test_a_pack_dated_by_a_clock_reading_before_the_last_entry_is_asked_about_first(
    qtbot: QtBot, page: EvidencePage, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> None:
    diary.clock = Clock(MONDAY_AFTER - timedelta(days=30))
    path = tmp_path / "pack.pdf"
    messages.answers = [False]  # "Go back"
    page.export_to(path)
    [asked] = messages.said
    assert asked.title == "Check your computer's clock" and "dated before" in asked.text
    assert not page.is_exporting() and not path.exists() and diary.exports.all() == []

    messages.answers = [True]  # "Make the pack anyway"
    export_and_wait(qtbot, page, path)
    assert path.exists() and len(diary.exports.all()) == 1
    assert len(diary.verify().dated_backwards) == 1  # as the officer was told it would be


def test_no_pack_is_made_from_a_diary_changed_behind_the_apps_back(
    page: EvidencePage,
    diary_path: Path,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with sqlite3.connect(diary_path) as connection:
        connection.execute(
            "UPDATE weeks SET capacity_pct = capacity_pct - 20 WHERE week_commencing = ?",
            [SAMPLE_LAST_WEEK_FOR_TESTS.isoformat()],
        )
    page.export_to(tmp_path / "pack.pdf")
    [said] = messages.said
    assert said.kind == "error" and "will not make an evidence pack" in said.text
    assert "WMT capacity" in said.text  # what was changed, by record and field
    assert "A copy of it from before the change (a backup)" in said.text  # and what to do
    assert not page.is_exporting() and not (tmp_path / "pack.pdf").exists()

    # Export… says so before asking where the pack is to go, not after the choosing.
    chosen: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: chosen.append("asked") or ("", "")
    )
    page.export()
    assert chosen == [] and len(messages.said) == 2
    assert "will not make an evidence pack" in messages.said[-1].text


@pytest.mark.parametrize(
    ("where", "status"),
    [("building", "The pack was not made. Nothing was written."), ("saving", "may not have been")],
)
def test_a_fault_while_making_the_pack_is_reported_and_the_page_is_ready_again(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    status: str,
) -> None:
    def broken(*_args: object, **_options: object) -> Pack:
        raise RuntimeError("a bug in the pack")

    if where == "building":  # in the worker thread
        monkeypatch.setattr(pack_module, "build_pack", broken)
    else:
        monkeypatch.setattr(packs, "save_pack", broken)
    catcher = FaultCatcher(tmp_path / "crash-reports", messages)
    catcher.install()
    try:
        page.choose_period("Last 3 months")
        page.export_to(tmp_path / "pack.pdf")
        qtbot.waitUntil(lambda: bool(messages.said), timeout=BUILD_TIMEOUT_MS)
    finally:
        catcher.uninstall()
    [said] = messages.said
    assert said.title == TITLE and "RuntimeError: a bug in the pack" in said.text
    assert len(catcher.reports) == 1
    assert not page.is_exporting() and page.export_button.isEnabled()
    assert status in page.status.text()
    assert diary.exports.all() == [] and not (tmp_path / "pack.pdf").exists()


def test_the_file_dialog_starts_in_documents_with_the_packs_name(
    qtbot: QtBot, page: EvidencePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    chosen = tmp_path / "chosen"  # no .pdf: the page adds it

    def save_file_name(*args: object, **options: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(chosen), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    page.choose_period("Last 3 months")
    with qtbot.waitSignal(page.exported, timeout=BUILD_TIMEOUT_MS) as blocker:
        page.export_button.click()
    [start] = asked
    assert Path(start).name == "WorkDiary-DEMO-Rhiannon-Llŷr-2026-08-24-to-2026-11-23.pdf"
    assert blocker.args == [tmp_path / "chosen.pdf"]


def test_a_pack_is_never_saved_over_a_file_of_the_name_chosen(
    page: EvidencePage,
    diary: Diary,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "chosen" is typed; the dialog asked nothing, as its own question would have been about
    # "chosen", not the "chosen.pdf" already handed to a rep.
    handed_over = tmp_path / "chosen.pdf"
    handed_over.write_bytes(b"the pack the rep has")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args, **_options: (str(tmp_path / "chosen"), "")
    )
    page.export_button.click()
    [said] = messages.said
    assert said.kind == "error" and said.title == "The evidence pack was not saved"
    assert said.text == (
        f"There is already a file at {handed_over}. Work Diary does not write over it: it may be "
        "a pack you have already handed to someone.\n\nPress Export… again and choose another "
        "name."
    )
    assert not page.is_exporting() and page.export_button.isEnabled()
    assert handed_over.read_bytes() == b"the pack the rep has" and diary.exports.all() == []


def test_a_file_made_at_the_packs_name_while_it_is_built_is_not_written_over(
    qtbot: QtBot, page: EvidencePage, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> None:
    path = tmp_path / "pack.pdf"
    page.choose_period("Last 3 months")
    page.export_to(path)
    assert page.is_exporting()
    path.write_bytes(b"saved by another program meanwhile")  # before the built pack is saved
    qtbot.waitUntil(lambda: not page.is_exporting(), timeout=BUILD_TIMEOUT_MS)
    [said] = messages.said
    assert said.title == "The evidence pack was not saved" and str(path) in said.text
    assert f"The pack was not saved to {path}." in page.status.text()
    assert path.read_bytes() == b"saved by another program meanwhile"
    assert diary.exports.all() == [] and page.export_button.isEnabled()


def test_without_a_documents_folder_the_file_dialog_starts_at_home(
    page: EvidencePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda *_: str(missing))
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    start = page.default_path()
    assert start is not None and start.parent == tmp_path / "home"
    missing.mkdir()
    start = page.default_path()
    assert start is not None and start.parent == missing


def test_the_name_offered_is_numbered_after_packs_already_saved_under_it(
    page: EvidencePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another pack of the same weeks, the same day: the dialog offers a name that can be saved.
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda *_: str(documents))
    page.choose_period("Last 3 months")
    first = page.default_path()
    assert first is not None and first.name == (
        "WorkDiary-DEMO-Rhiannon-Llŷr-2026-08-24-to-2026-11-23.pdf"
    )
    first.write_bytes(b"the pack made this morning")
    assert page.default_path() == first.with_name(f"{first.stem}-2.pdf")
    first.with_name(f"{first.stem}-2.pdf").write_bytes(b"and this afternoon")
    offered = page.default_path()
    assert offered is not None and offered.name == f"{first.stem}-3.pdf"


def test_open_folder_says_where_the_pack_is_when_the_folder_cannot_be_opened(
    qtbot: QtBot,
    page: EvidencePage,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.choose_period("Last 3 months")
    path = tmp_path / "packs" / "pack.pdf"
    export_and_wait(qtbot, page, path)
    # No file manager to open it in ("Unable to detect a launcher"): said, with where it is, as
    # Help > Open data folder says it.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    page.open_folder_button.click()
    [said] = messages.said
    assert said.kind == "warning" and said.title == "Cannot open the folder"
    assert f"The pack (pack.pdf) is in this folder:\n{path.parent}\n" in said.text
