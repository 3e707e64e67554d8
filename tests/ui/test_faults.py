"""A fault in Work Diary that no code caught: told once in plain words, with a crash report beside
the diary, and the window still open; the self-test fails on one instead of passing."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.processes import workdiary, workdiary_after
from tests.ui.scripted_messages import ScriptedMessages
from workdiary.app import run_app
from workdiary.crash_reports import CRASH_REPORTS_FOLDER
from workdiary.domain.dates import week_commencing
from workdiary.domain.errors import DiaryLocked, DiskFull
from workdiary.domain.records import Week
from workdiary.paths import AppPaths
from workdiary.storage import Diary
from workdiary.ui import main_window
from workdiary.ui.faults import TITLE, FaultCatcher


@pytest.fixture
def messages() -> ScriptedMessages:
    return ScriptedMessages()


@pytest.fixture
def reports_dir(tmp_path: Path) -> Path:
    return tmp_path / CRASH_REPORTS_FOLDER


@pytest.fixture
def catcher(messages: ScriptedMessages, reports_dir: Path) -> Iterator[FaultCatcher]:
    catcher = FaultCatcher(reports_dir, messages)
    catcher.install()
    yield catcher
    catcher.uninstall()


def button_raising(qtbot: QtBot, error: Callable[[], Exception]) -> QPushButton:
    """A Save button whose every click meets a new `error()` in the code behind it, which
    nothing catches."""
    button = QPushButton("Save")
    qtbot.addWidget(button)

    def save() -> None:
        raise error()

    button.clicked.connect(save)
    return button


def broken_button(qtbot: QtBot) -> QPushButton:
    """A button with a bug behind it."""
    return button_raising(qtbot, lambda: KeyError("capacity_pct"))


def test_a_fault_is_told_in_plain_words_with_a_report_beside_the_diary(
    qtbot: QtBot, catcher: FaultCatcher, messages: ScriptedMessages, reports_dir: Path
) -> None:
    broken_button(qtbot).click()
    qtbot.waitUntil(lambda: bool(messages.said))
    [said] = messages.said
    assert said.kind == "error" and said.title == TITLE
    assert "It is not something you did" in said.text
    assert "save again" in said.text and "Details: KeyError: 'capacity_pct'" in said.text
    [report] = reports_dir.iterdir()
    assert str(report) in said.text and "read it before you send it" in said.text
    text = report.read_text(encoding="utf-8")
    assert "What went wrong: KeyError: 'capacity_pct'" in text
    assert "raise error()" in text and "in save" in text  # where, for whoever mends it
    assert report.stat().st_mode & 0o077 == 0  # private, like the diary


def test_the_same_fault_met_again_is_told_and_reported_once(
    qtbot: QtBot, catcher: FaultCatcher, messages: ScriptedMessages, reports_dir: Path
) -> None:
    """A table that fails to show a row fails on every repaint: one message, not a flood."""
    button = broken_button(qtbot)
    for _ in range(3):
        button.click()
    qtbot.waitUntil(lambda: bool(messages.said))
    qtbot.wait(10)  # any further message would be queued by now
    assert len(messages.said) == 1 and len(list(reports_dir.iterdir())) == 1


def test_a_problem_the_user_can_fix_is_said_in_its_own_words_without_a_report(
    qtbot: QtBot, catcher: FaultCatcher, messages: ScriptedMessages, reports_dir: Path
) -> None:
    """A full disk that a page forgot to catch is still the disk's problem, not a fault."""
    full = "There is no room left on the disk to save your diary."
    button_raising(qtbot, lambda: DiskFull(full)).click()
    qtbot.waitUntil(lambda: bool(messages.said))
    [said] = messages.said
    assert said.title == "Work Diary could not do that"
    assert said.text.startswith("There is no room left on the disk to save your diary.")
    assert "still holds what you typed" in said.text and "fault" not in said.text
    assert not reports_dir.exists()


def test_a_fault_in_a_worker_thread_is_told_on_the_window(
    qtbot: QtBot, catcher: FaultCatcher, messages: ScriptedMessages
) -> None:
    class BrokenJob(QRunnable):
        def run(self) -> None:
            raise RuntimeError("a bug while building")

    pool = QThreadPool()
    pool.start(BrokenJob())
    qtbot.waitUntil(lambda: bool(messages.said))
    pool.waitForDone()
    assert "RuntimeError: a bug while building" in messages.texts("error")


def test_a_fault_is_still_told_when_no_report_can_be_written(
    qtbot: QtBot, messages: ScriptedMessages, tmp_path: Path
) -> None:
    in_the_way = tmp_path / "a file where the folder would go"
    in_the_way.write_text("not a folder")
    catcher = FaultCatcher(in_the_way, messages)
    catcher.install()
    try:
        broken_button(qtbot).click()
        qtbot.waitUntil(lambda: bool(messages.said))
    finally:
        catcher.uninstall()
    assert "No report could be saved" in messages.texts("error")
    assert in_the_way.read_text() == "not a folder"


def test_closing_puts_back_the_last_resort_that_was_there(
    messages: ScriptedMessages, reports_dir: Path
) -> None:
    before = sys.excepthook
    catcher = FaultCatcher(reports_dir, messages)
    catcher.install()
    assert sys.excepthook != before
    catcher.uninstall()
    assert sys.excepthook is before


def start_with_window_raising(
    error: Exception, where: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, ScriptedMessages]:
    """Start the app on `data_dir` with the main window's method `where` raising `error`: its
    exit status, and what it said."""

    def broken(self: main_window.MainWindow) -> None:
        raise error

    monkeypatch.setattr(main_window.MainWindow, where, broken)
    paths = AppPaths(data_dir)
    paths.ensure()
    messages = ScriptedMessages()
    return run_app(paths, messages=messages), messages


@pytest.mark.crash_report_expected
def test_a_fault_while_the_window_is_made_is_told_not_a_silent_exit(
    qtbot: QtBot, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started from a desktop icon, a window that never appears says nothing at all."""
    bug = AttributeError("a bug in the menus")
    status, messages = start_with_window_raising(bug, "_build_menus", private_data_dir, monkeypatch)
    assert status == 1
    [said] = messages.said
    assert said.title == TITLE and "AttributeError: a bug in the menus" in said.text
    assert "while opening its window" in said.text and "has not been changed" in said.text
    assert len(list((private_data_dir / CRASH_REPORTS_FOLDER).iterdir())) == 1


@pytest.mark.crash_report_expected
def test_a_demo_keeps_its_folder_only_for_a_crash_report_it_told_of(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The message names the report's file: it must still be there when the user looks."""
    made: list[Path] = []
    make_temporary_folder = tempfile.mkdtemp

    def make_folder(prefix: str) -> str:
        made.append(Path(make_temporary_folder(prefix=prefix, dir=tmp_path)))
        return str(made[-1])

    monkeypatch.setattr(tempfile, "mkdtemp", make_folder)
    # Opened and shown without waiting for a user.
    assert run_app(AppPaths(tmp_path / "mine"), demo=True, self_test=True) == 0
    assert not made[0].exists()  # no fault: nothing left behind
    QApplication.closeAllWindows()  # the self-test leaves its window for the process's end

    bug = AttributeError("a bug in the menus")

    def broken(self: main_window.MainWindow) -> None:
        raise bug

    monkeypatch.setattr(main_window.MainWindow, "_build_menus", broken)
    messages = ScriptedMessages()
    assert run_app(AppPaths(tmp_path / "mine"), demo=True, messages=messages) == 1
    folder = made[1]
    [report] = (folder / CRASH_REPORTS_FOLDER).iterdir()
    assert str(report) in messages.texts()
    assert [item.name for item in folder.iterdir()] == [CRASH_REPORTS_FOLDER]  # not the sample


def test_a_diary_that_cannot_be_read_as_the_window_opens_is_no_fault(
    qtbot: QtBot, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locked by another program just then, say: the user is told what to do about the diary."""
    locked = DiaryLocked("Another program is using your diary. Close it, then try again.")
    status, messages = start_with_window_raising(
        locked, "_show_last_saved", private_data_dir, monkeypatch
    )
    assert status == 2
    [said] = messages.said
    assert said.title == "Work Diary cannot open your diary"
    assert said.text.startswith("Another program is using your diary")
    assert not (private_data_dir / CRASH_REPORTS_FOLDER).exists()


@pytest.mark.crash_report_expected
def test_the_self_test_fails_on_a_fault_while_showing_history(private_data_dir: Path) -> None:
    """A History that cannot show a row is a broken build, though the diary checks out."""
    with Diary.open(private_data_dir / "diary.db") as diary:
        diary.weeks.save(Week(week_commencing(date.today()), 120.0))
    assert workdiary(private_data_dir, "--self-test").returncode == 0
    broken_rows = (
        "from workdiary.ui.history_model import HistoryModel\n"
        "def broken(self, *args): raise ValueError('a bug in a row')\n"
        "HistoryModel.data = broken\n"
    )
    failed = workdiary_after(broken_rows, private_data_dir, "--self-test")
    assert failed.returncode == 1
    assert (
        "Self-test failed: a fault while showing History: ValueError: a bug in a row"
        in failed.stderr
    )
    [report] = (private_data_dir / CRASH_REPORTS_FOLDER).iterdir()
    assert str(report) in failed.stderr
