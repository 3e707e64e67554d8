"""Check a pack… on the Evidence page: any pack file checked as `workdiary verify PACK.pdf` checks
it, off the GUI thread, with the verdict told in plain words and nothing changed."""

from __future__ import annotations

import gc
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.clock import Clock
from tests.ui.scripted_messages import Said, ScriptedMessages
from tests.ui.windows import focused, shown_active
from workdiary import pack_verdict, packs
from workdiary.domain.records import Week
from workdiary.evidence.pack import build_pack
from workdiary.evidence.pack_data import PackCheck
from workdiary.evidence.snapshot import PackOptions
from workdiary.pack_verdict import LISTED, Face
from workdiary.storage import Diary
from workdiary.ui.evidence_page import CHECK_HINT, EvidencePage
from workdiary.ui.faults import TITLE, FaultCatcher
from workdiary.ui.main_window import EVIDENCE, MainWindow

TIMEOUT_MS = 60_000
# Four weeks logged before this one (the clock reads Friday 20 November 2026).
WEEKS = [date(2026, 10, 19) + timedelta(weeks=back) for back in range(4)]
FIRST, LAST = WEEKS[0], WEEKS[-1]

SEAL_HOLDS = "This pack is intact as far as its seal can show"
MATCHES = (
    "It matches this diary: nothing in it has changed since it was made, and nothing more has "
    "been recorded for its weeks."
)
ON_ITS_OWN = "ask the officer to check this file with their own Work Diary"


def log_weeks(diary: Diary, capacity: float = 120.0, weeks: list[date] = WEEKS) -> None:
    for monday in weeks:
        diary.weeks.save(Week(monday, capacity, notes=f"Week of {monday}"))


def make_pack(diary: Diary, path: Path, *, include_notes: bool = True, first: date = FIRST) -> Path:
    """A pack of `first` to LAST, made and recorded as the page makes one."""
    snapshot = packs.snapshot_for_export(diary)
    options = PackOptions(first, LAST, include_notes=include_notes)
    built = build_pack(snapshot, options)
    packs.save_pack(diary, snapshot, options, built.fingerprint, built.pdf, path)
    return path


def copy_of(diary_path: Path, folder: Path) -> Path:
    """A copy of the diary as it is now (a backup, say), made as SQLite makes one of a diary in
    use."""
    folder.mkdir()
    copy = folder / "diary.db"
    with sqlite3.connect(diary_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


def change_behind_the_apps_back(diary_path: Path) -> None:
    with sqlite3.connect(diary_path) as connection:
        connection.execute("UPDATE weeks SET capacity_pct = 90")


@pytest.fixture
def open_page(
    qtbot: QtBot, messages: ScriptedMessages
) -> Iterator[Callable[[Diary], EvidencePage]]:
    opened: list[EvidencePage] = []

    def opener(diary: Diary) -> EvidencePage:
        page = EvidencePage(diary, messages)
        qtbot.addWidget(page)
        opened.append(page)
        return page

    yield opener
    for page in opened:
        assert page.wait_for_builds(TIMEOUT_MS)


@pytest.fixture
def page(open_page: Callable[[Diary], EvidencePage], diary: Diary) -> EvidencePage:
    log_weeks(diary)
    return open_page(diary)


def checked(qtbot: QtBot, page: EvidencePage, messages: ScriptedMessages, path: Path) -> Said:
    """Check the pack at `path` and wait for the one message that says what was found."""
    before = len(messages.said)
    page.check_pack_at(path)
    qtbot.waitUntil(lambda: len(messages.said) > before, timeout=TIMEOUT_MS)
    [said] = messages.said[before:]
    # What was found, in a few words, first: not every desktop shows a message's title.
    headline, gap, rest = said.text.partition("\n\n")
    assert headline == f"{said.title}." and gap
    # Whatever the verdict, the window speaks of its own buttons, never of commands to type.
    assert "workdiary" not in said.text.lower()
    assert not page.is_checking() and page.check_button.isEnabled()
    return Said(said.kind, said.title, rest)  # what follows the headline


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_a_pack_this_diary_made_reads_as_reassuring_and_nothing_is_changed(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pack = make_pack(diary, tmp_path / "packs" / "pack.pdf")
    made, head, exports = pack.read_bytes(), diary.audit.head(), diary.exports.all()
    threads: list[threading.Thread] = []
    collecting: list[bool] = []
    real_check = pack_verdict.check_pack

    def recording_check(pdf: bytes) -> PackCheck:
        threads.append(threading.current_thread())
        collecting.append(gc.isenabled())
        return real_check(pdf)

    monkeypatch.setattr(pack_verdict, "check_pack", recording_check)
    asked: list[tuple[object, ...]] = []

    def open_file_name(*args: object) -> tuple[str, str]:
        asked.append(args)
        return str(pack), "PDF (*.pdf *.PDF)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file_name)
    page.check_button.click()
    qtbot.waitUntil(lambda: bool(messages.said), timeout=TIMEOUT_MS)
    [said] = messages.said
    [(_parent, caption, _start, filters)] = asked
    assert caption == "Check an evidence pack" and "*.pdf" in str(filters)

    assert said.kind == "information"
    assert said.title == "The pack is intact and matches your diary"
    assert said.text.startswith(f"The pack is intact and matches your diary.\n\n{SEAL_HOLDS}")
    assert "It is the very file this diary saved, on " in said.text
    assert one_line(MATCHES) in one_line(said.text)
    assert "Last checked: pack.pdf. The pack is intact and matches your diary." in (
        page.check_status.text()
    )
    # Read and checked in a worker, the garbage collector paused meanwhile (see the export).
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    assert collecting == [False] and gc.isenabled()
    # Checking writes nothing: not to the pack, not to the diary.
    assert pack.read_bytes() == made
    assert diary.audit.head() == head and diary.exports.all() == exports
    # The next file dialog opens where this pack was.
    page.check_button.click()
    qtbot.waitUntil(lambda: len(messages.said) == 2, timeout=TIMEOUT_MS)
    assert asked[1][2] == str(pack.parent)


def test_a_dialog_closed_without_a_file_checks_nothing(
    page: EvidencePage, messages: ScriptedMessages, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: ("", ""))
    page.check_button.click()
    assert not page.is_checking() and messages.said == []
    assert page.check_status.text() == CHECK_HINT  # still saying what the button does


def test_a_pack_with_one_byte_changed_is_said_to_be_altered_with_what_to_do(
    qtbot: QtBot, page: EvidencePage, diary: Diary, messages: ScriptedMessages, tmp_path: Path
) -> None:
    made = make_pack(diary, tmp_path / "pack.pdf").read_bytes()
    at = made.index(b'"capacity_pct":120')
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(made[: at + 15] + b"3" + made[at + 16 :])  # 120 becomes 130
    said = checked(qtbot, page, messages, altered)
    assert said.kind == "error" and said.title == "The pack did not pass its check"
    assert said.text.startswith("This pack has been altered")
    assert "Do not rely on this file as evidence" in said.text
    assert "make a new pack of the same weeks on the Evidence page" in said.text
    assert SEAL_HOLDS not in said.text and "matches" not in said.text


@pytest.mark.parametrize(
    ("contents", "opening"),
    [
        (b"%PDF-1.4\nnot really a pack", "This is not a Work Diary evidence pack"),
        (None, "This is a Work Diary evidence pack, but it is damaged"),  # cut short
    ],
)
def test_a_file_that_is_no_pack_or_a_damaged_one_is_said_to_be_so(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    messages: ScriptedMessages,
    tmp_path: Path,
    contents: bytes | None,
    opening: str,
) -> None:
    if contents is None:
        contents = make_pack(diary, tmp_path / "pack.pdf").read_bytes()[:-200]
    path = tmp_path / "file.pdf"
    path.write_bytes(contents)
    said = checked(qtbot, page, messages, path)
    assert said.kind == "error" and said.text.startswith(opening)
    assert "Check that you chose the right file" in said.text


def test_a_file_that_never_was_a_pack_is_said_to_be_the_wrong_file_not_an_altered_pack(
    qtbot: QtBot, page: EvidencePage, messages: ScriptedMessages, tmp_path: Path
) -> None:
    """A spreadsheet, or another PDF, chosen by mistake: told as the wrong file, as
    `workdiary verify` tells it, not as a pack someone tampered with."""
    from reportlab.pdfgen.canvas import Canvas

    notes = tmp_path / "caseload.csv"
    notes.write_text("week,capacity\n2026-11-16,131\n")
    minutes = tmp_path / "minutes.pdf"
    canvas = Canvas(str(minutes))
    canvas.drawString(72, 720, "Minutes of the team meeting")
    canvas.save()
    for path, what in (
        (notes, "caseload.csv is not a PDF, so it is not an evidence pack."),
        (minutes, "minutes.pdf is a PDF, but not a Work Diary evidence pack."),
    ):
        said = checked(qtbot, page, messages, path)
        assert said.kind == "error" and said.title == "That file is not an evidence pack"
        assert said.text.startswith(what)
        assert "Check that you chose the right file" in said.text
        assert "tamper" not in said.text and "Do not rely" not in said.text


def test_a_file_that_cannot_be_read_says_why_and_nothing_was_checked(
    qtbot: QtBot, page: EvidencePage, messages: ScriptedMessages, tmp_path: Path
) -> None:
    gone = tmp_path / "gone.pdf"  # chosen, then moved away before it was read
    said = checked(qtbot, page, messages, gone)
    assert said.kind == "error" and said.title == "Cannot read the file"
    assert said.text.startswith(f"Cannot read {gone}: No such file or directory.")
    assert "Nothing was checked" in said.text
    assert "Last checked: gone.pdf. Cannot read the file." in page.check_status.text()


def test_records_changed_and_added_since_are_named_with_how_to_make_a_new_pack(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    clock: Clock,
    messages: ScriptedMessages,
    tmp_path: Path,
) -> None:
    # A pack without notes, with its first week not logged yet.
    pack = make_pack(
        diary, tmp_path / "pack.pdf", include_notes=False, first=FIRST - timedelta(weeks=1)
    )
    clock.now += timedelta(days=3)
    diary.weeks.save(Week(WEEKS[1], 135.0, notes=f"Week of {WEEKS[1]}"))
    diary.weeks.save(Week(FIRST - timedelta(weeks=1), 111.0))
    said = checked(qtbot, page, messages, pack)
    assert said.kind == "information"  # nothing is wrong with the pack
    assert said.title == "The pack is intact; your diary has changed since it was made"
    text = said.text
    assert "It matches this diary: it shows what the diary held when it was made." in text
    assert "• Week commencing Mon 26 Oct 2026: amended on Mon 23 Nov 2026" in text
    assert "(WMT capacity changed)" in text
    assert "• Week commencing Mon 12 Oct 2026: first recorded on Mon 23 Nov 2026" in text
    assert one_line(
        "Nothing is wrong with the pack. For one that shows the diary as it is now, make a new "
        "pack of the same weeks on the Evidence page (choose Custom dates, from Mon 12 Oct 2026 "
        "to Sun 15 Nov 2026, and tick Leave out notes, as this pack did)."
    ) in one_line(text)


def test_many_changes_since_are_cut_short_with_how_many_more(
    qtbot: QtBot,
    open_page: Callable[[Diary], EvidencePage],
    diary: Diary,
    clock: Clock,
    messages: ScriptedMessages,
    tmp_path: Path,
) -> None:
    weeks = [FIRST - timedelta(weeks=back) for back in range(12)]
    log_weeks(diary, weeks=weeks)
    pack = make_pack(diary, tmp_path / "pack.pdf", first=weeks[-1])
    clock.now += timedelta(hours=1)
    log_weeks(diary, capacity=140.0, weeks=weeks)
    said = checked(qtbot, open_page(diary), messages, pack)
    bullets = [line for line in said.text.splitlines() if line.startswith("• ")]
    # A message cannot scroll: the first few named, and the rest counted.
    named = LISTED[Face.WINDOW]
    assert 1 < named < 12
    assert len(bullets) == named + 1 and bullets[-1] == f"• and {12 - named} more."


def test_a_pack_from_another_diary_is_intact_and_checked_on_its_own(
    qtbot: QtBot, page: EvidencePage, messages: ScriptedMessages, tmp_path: Path
) -> None:
    # A rep checking a member's pack beside a diary of their own.
    (tmp_path / "member").mkdir()
    with Diary.open(tmp_path / "member" / "diary.db", Clock()) as member:
        log_weeks(member, capacity=101.0, weeks=WEEKS[:2])
        pack = make_pack(member, tmp_path / "member.pdf")
    said = checked(qtbot, page, messages, pack)
    assert said.kind == "information" and said.title == "The pack is intact"
    assert said.text.startswith(SEAL_HOLDS)
    assert "It was made from a different diary than the one on this computer" in said.text
    assert ON_ITS_OWN in one_line(said.text)


def test_an_empty_diary_has_nothing_to_compare_a_pack_with(
    qtbot: QtBot,
    open_page: Callable[[Diary], EvidencePage],
    diary: Diary,
    messages: ScriptedMessages,
    tmp_path: Path,
) -> None:
    (tmp_path / "member").mkdir()
    with Diary.open(tmp_path / "member" / "diary.db", Clock()) as member:
        log_weeks(member)
        pack = make_pack(member, tmp_path / "member.pdf")
    said = checked(qtbot, open_page(diary), messages, pack)
    assert said.kind == "information"
    assert "The diary on this computer has nothing in it yet to compare it with." in said.text


def test_a_pack_from_a_copy_that_went_its_own_way_does_not_match(
    qtbot: QtBot,
    open_page: Callable[[Diary], EvidencePage],
    diary: Diary,
    diary_path: Path,
    clock: Clock,
    messages: ScriptedMessages,
    tmp_path: Path,
) -> None:
    log_weeks(diary, weeks=WEEKS[:1])
    copy = copy_of(diary_path, tmp_path / "copy")
    with Diary.open(copy, clock) as restored:  # a copy restored from a backup and added to
        log_weeks(restored, weeks=WEEKS[1:])
        pack = make_pack(restored, tmp_path / "pack.pdf")
    log_weeks(diary, capacity=99.0, weeks=WEEKS[1:])
    said = checked(qtbot, open_page(diary), messages, pack)
    assert said.kind == "error" and said.title == "The pack does not match your diary"
    assert (
        "But it does NOT match this diary. Both hold the same history as far as audit entry 1"
        in (said.text)
    )
    assert "These audit entries in the pack are not this diary's:" in said.text
    assert "If you keep another copy of your diary" in said.text


def test_a_pack_this_diary_never_recorded_making_does_not_match(
    qtbot: QtBot,
    page: EvidencePage,
    diary_path: Path,
    clock: Clock,
    messages: ScriptedMessages,
    tmp_path: Path,
) -> None:
    copy = copy_of(diary_path, tmp_path / "copy")
    with Diary.open(copy, clock) as restored:
        pack = make_pack(restored, tmp_path / "pack.pdf")
    said = checked(qtbot, page, messages, pack)
    assert said.kind == "error" and said.title == "The pack does not match your diary"
    assert said.text.splitlines()[2:4] == [
        "But it does NOT match this diary:",
        "• This diary's history is the one the pack was made from, but the diary has no record of "
        "making a pack with the data inside this one. Work Diary records every pack it makes, "
        "with its fingerprint, in the diary it was made from: so the data was changed after the "
        "pack was made (and the pack sealed again), or the pack was made from a copy of this "
        "diary, not from this one.",
    ]


def test_a_diary_changed_behind_the_apps_back_cannot_vouch_for_a_pack(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    diary_path: Path,
    messages: ScriptedMessages,
    tmp_path: Path,
) -> None:
    pack = make_pack(diary, tmp_path / "pack.pdf")
    change_behind_the_apps_back(diary_path)
    said = checked(qtbot, page, messages, pack)
    assert said.kind == "warning" and said.title == "Your diary cannot vouch for this pack"
    assert said.text.startswith(SEAL_HOLDS)  # the pack as it was made…
    assert (  # …the diary not, and where to learn more in the window
        "But this diary cannot vouch for it: the diary itself was changed outside Work Diary "
        "(Help → Check your diary says more):" in said.text
    )
    assert "WMT capacity" in said.text and "It matches" not in said.text
    assert "ask your union rep" in said.text


def test_another_diarys_pack_beside_a_diary_that_fails_its_check_says_both(
    qtbot: QtBot,
    page: EvidencePage,
    diary_path: Path,
    messages: ScriptedMessages,
    tmp_path: Path,
) -> None:
    (tmp_path / "member").mkdir()
    with Diary.open(tmp_path / "member" / "diary.db", Clock()) as member:
        log_weeks(member, capacity=101.0, weeks=WEEKS[:2])
        pack = make_pack(member, tmp_path / "member.pdf")
    change_behind_the_apps_back(diary_path)
    said = checked(qtbot, page, messages, pack)
    assert said.kind == "warning"
    assert "It was made from a different diary" in said.text
    assert "But the diary on this computer fails its own check" in said.text


def test_the_page_is_usable_and_shows_it_is_busy_while_a_pack_is_checked(
    qtbot: QtBot,
    page: EvidencePage,
    diary: Diary,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pack = make_pack(diary, tmp_path / "big.pdf")
    started, release = threading.Event(), threading.Event()
    real_check = pack_verdict.check_pack

    def slow_check(pdf: bytes) -> PackCheck:
        started.set()
        release.wait(timeout=TIMEOUT_MS / 1000)
        return real_check(pdf)

    monkeypatch.setattr(pack_verdict, "check_pack", slow_check)
    try:
        page.check_pack_at(pack)
        qtbot.waitUntil(started.is_set, timeout=TIMEOUT_MS)
        assert page.is_checking() and not page.check_button.isEnabled()
        assert page.check_status.text() == "Checking big.pdf…"
        assert page.cursor().shape() == Qt.CursorShape.BusyCursor
        # The GUI thread is free: the page goes on answering meanwhile.
        summary = page.summary.text()
        page.choose_period("Everything")
        page.choose_period("Last 3 months")
        page.leave_out_notes.setChecked(True)
        assert page.summary.text() != summary and "Notes left out" in page.summary.text()
        assert messages.said == []
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(messages.said), timeout=TIMEOUT_MS)
    assert messages.said[0].title == "The pack is intact and matches your diary"
    assert page.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert page.check_button.isEnabled() and gc.isenabled()


def test_a_fault_while_checking_is_reported_and_the_page_is_ready_again(
    qtbot: QtBot,
    page: EvidencePage,
    messages: ScriptedMessages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(_pdf: bytes) -> PackCheck:
        raise RuntimeError("a bug in the check")

    monkeypatch.setattr(pack_verdict, "check_pack", broken)
    path = tmp_path / "pack.pdf"
    path.write_bytes(b"%PDF-1.4")
    catcher = FaultCatcher(tmp_path / "crash-reports", messages)
    catcher.install()
    try:
        page.check_pack_at(path)
        qtbot.waitUntil(lambda: bool(messages.said), timeout=TIMEOUT_MS)
    finally:
        catcher.uninstall()
    [said] = messages.said
    assert said.title == TITLE and "RuntimeError: a bug in the check" in said.text
    assert not page.is_checking() and page.check_button.isEnabled() and gc.isenabled()
    assert page.cursor().shape() == Qt.CursorShape.ArrowCursor


def mnemonic(text: str) -> str | None:
    """The letter after `&` (Alt+that letter), if any."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_alt_k_checks_a_pack_and_is_no_other_controls_or_menus(
    qtbot: QtBot, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = shown_active(qtbot, MainWindow(diary, ScriptedMessages(), settings))
    window.show_page(EVIDENCE)
    page = window.evidence_page
    controls: list[QWidget] = [*page.findChildren(QLabel), *page.findChildren(QAbstractButton)]
    letters = [mnemonic(widget.text()) for widget in controls]  # shown now or later
    menus = window.menuBar().findChildren(QMenu)
    letters += [mnemonic(action.text()) for action in window.menuBar().actions()]
    letters += [mnemonic(action.text()) for menu in menus for action in menu.actions()]
    assert mnemonic(page.check_button.text()) == "k" and letters.count("k") == 1

    asked: list[object] = []

    def open_file_name(*args: object) -> tuple[str, str]:
        asked.append(args)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file_name)
    page.period.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT_MS)
    assert window.menuBar().activeAction() is None
    # And it is on the page's tab order, for a keyboard user who tabs to it.
    assert page.check_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    window.close()


def test_the_page_no_longer_tells_anyone_to_type_a_command(
    qtbot: QtBot, page: EvidencePage, diary: Diary, tmp_path: Path
) -> None:
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert not [text for text in texts if "workdiary" in text.lower()]
    assert any("Check a pack…" in text for text in texts)
    page.choose_period("Everything")
    with qtbot.waitSignal(page.exported, timeout=TIMEOUT_MS):
        page.export_to(tmp_path / "saved.pdf")
    status = page.status.text()
    assert "workdiary" not in status.lower()
    assert "Anyone with Work Diary can check it: Check a pack… on the Evidence page." in status
