"""The main window as a user meets it: pages, first run, what it remembers, start-up flags."""

from __future__ import annotations

import gc
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QLockFile, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.clock import Clock
from tests.processes import printed_lines, workdiary
from tests.storage.conditions import make_read_only, make_writable_again
from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.windows import focused
from workdiary.app import WINDOW_LOCK_FILE, run_app
from workdiary.domain.dates import format_day, week_commencing
from workdiary.domain.records import Profile, SupervisionSession, SupervisionStatus, Week
from workdiary.paths import AppPaths
from workdiary.storage import Diary
from workdiary.ui.first_run import FirstRunDialog
from workdiary.ui.main_window import (
    CONCERNS,
    EVIDENCE,
    FIRST_SIZE,
    HISTORY,
    PAGE_NAMES,
    SETTINGS,
    SUPERVISION,
    THIS_WEEK,
    MainWindow,
)
from workdiary.ui.settings_page import SettingsPage
from workdiary.ui.supervision_page import SupervisionPage
from workdiary.ui.week_editor import WeekEditor

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, private_data_dir: Path) -> Iterator[Callable[..., MainWindow]]:
    """Opens a main window on the test's data folder, as the app does; closes what it opened."""
    private_data_dir.mkdir(parents=True, exist_ok=True)
    diaries: list[Diary] = []

    def opener(messages: ScriptedMessages | None = None, clock: Clock | None = None) -> MainWindow:
        path = private_data_dir / "diary.db"
        diary = Diary.open(path, clock) if clock else Diary.open(path)
        diaries.append(diary)
        settings = QSettings(str(private_data_dir / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(diary, messages or ScriptedMessages(), settings)
        qtbot.addWidget(window)
        window.show()
        return window

    yield opener
    for diary in diaries:
        diary.close()


def test_a_window_opened_beside_another_on_the_diary_is_moved_aside_and_says_so(
    qtbot: QtBot, private_data_dir: Path
) -> None:
    """Both remember the same place: the second would lie exactly over the first, and look like
    the first one showing something else."""
    private_data_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(private_data_dir / "window.ini"), QSettings.Format.IniFormat)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    placed = QWidget()
    placed.setGeometry(screen.left() + 10, screen.top() + 40, 740, 500)
    settings.setValue("window/geometry", placed.saveGeometry())
    with Diary.open(private_data_dir / "diary.db") as diary:
        first, second = (
            MainWindow(diary, ScriptedMessages(), settings, beside_another=beside)
            for beside in (False, True)
        )
        for window in (first, second):
            qtbot.addWidget(window)
            window.show()
        assert first.windowTitle() == "Work Diary"
        assert second.windowTitle() == "Work Diary — opened a second time"
        assert second.x() > first.x() and second.y() > first.y()  # down and to the right
        assert screen.contains(second.frameGeometry())
        for window in (first, second):
            window.close()
        QApplication.processEvents()  # what closing them sets off, while the diary is open


def history_rows(window: MainWindow) -> list[str]:
    table = window.history.findChild(QTableView)
    assert table is not None
    model = table.model()
    return [
        " | ".join(str(model.index(row, column).data()) for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_a_week_logged_in_the_window_is_there_in_a_new_window(
    open_window: OpenWindow, diary_path: Path
) -> None:
    window = open_window()
    monday = week_commencing(date.today())
    assert window.current_page() == THIS_WEEK
    assert window.editor.current_week() == monday
    window.editor.box("capacity_pct").setText("132.5")
    window.editor.box("caseload").setText("46")
    window.editor.box("notes").setPlainText("Cyfarfod tîm; ŵyr & ŷd <brysur>")
    assert window.editor.save()
    assert window.saved_label.text().startswith("Last saved ")
    window.show_page(HISTORY)
    assert any("132.5 %" in row and "at/over 110 %" in row for row in history_rows(window))
    window.close()

    again = open_window()
    rows = history_rows(again)
    assert any(monday.strftime("%d %b %Y") in row and "132.5 %" in row for row in rows)
    with Diary.open(diary_path) as diary:
        saved = diary.weeks.get(monday.isoformat())
    assert saved is not None and saved.record.notes == "Cyfarfod tîm; ŵyr & ŷd <brysur>"


def test_the_window_remembers_its_page(open_window: OpenWindow) -> None:
    window = open_window()
    window.show_page(HISTORY)
    window.close()
    assert open_window().current_page() == HISTORY


def test_the_window_first_opens_no_bigger_than_the_screen(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    screen = window.screen().availableGeometry()
    assert FIRST_SIZE.width() > screen.width()  # the test screen is small, as at 200 % text
    # Its frame and all, once the window system has put one round it.
    qtbot.waitUntil(lambda: window.frameGeometry().width() == screen.width())
    assert window.height() == min(FIRST_SIZE.height(), screen.height())


def test_history_opens_a_week_in_the_editor(open_window: OpenWindow) -> None:
    window = open_window()
    earlier = week_commencing(date.today()) - timedelta(weeks=2)
    window.show_page(HISTORY)
    window.history.open_week.emit(earlier)
    assert window.current_page() == THIS_WEEK
    assert window.editor.current_week() == earlier


def test_first_run_offers_the_set_up_once(open_window: OpenWindow, qtbot: QtBot) -> None:
    messages = ScriptedMessages()
    window = open_window(messages)
    window.on_opening()  # as the window opens
    dialog = window.findChild(FirstRunDialog)
    assert dialog is not None and dialog.isVisible()
    assert messages.said == []
    with qtbot.waitSignal(dialog.finished):
        dialog.skip_button.click()
    window.close()
    assert open_window().offer_first_run_setup() is None  # skipping is remembered


def test_first_run_set_up_reaches_settings(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window()
    dialog = window.offer_first_run_setup()
    assert dialog is not None
    dialog.form.edit("name").setText("Rhiannon Llŷr")
    dialog.form.edit("threshold_pct").setText("115")
    with qtbot.waitSignal(dialog.finished):
        dialog.save_button.click()
    assert window.settings_page.form.edit("name").text() == "Rhiannon Llŷr"
    assert window.settings_page.form.edit("threshold_pct").text() == "115"
    window.show_page(SETTINGS)
    assert open_window().offer_first_run_setup() is None


def test_the_status_bar_says_where_the_diary_is_and_when_it_was_saved(
    open_window: OpenWindow,
) -> None:
    window = open_window()
    assert str(window._diary.path) in window.location_label.text()
    assert window.saved_label.text() == "Nothing saved yet"
    window._diary.weeks.save(Week(week_commencing(date.today()), 100.0))
    window.editor.saved.emit("")
    assert window.saved_label.text().startswith("Last saved ")


def test_going_to_settings_from_the_keyboard_puts_the_cursor_in_the_first_box(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page(SETTINGS)
    assert QApplication.focusWidget() is window.settings_page.form.edit("name")


def test_a_diary_that_cannot_be_saved_to_says_so_before_anything_is_typed(
    open_window: OpenWindow, private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Diary.open(private_data_dir / "diary.db").close()  # a diary, then its folder made read-only
    make_read_only(private_data_dir, monkeypatch)
    messages = ScriptedMessages()
    window = open_window(messages)
    assert window.location_label.text().startswith("READ-ONLY — nothing can be saved")
    assert window.location_label.text().endswith(": it cannot be written to")  # no mouse needed
    assert "read-only" in window.location_label.toolTip()
    # Why is said as the window opens, where a keyboard user hears it too, not only in the
    # tooltip; the set-up is not offered: it could not be saved.
    window.on_opening()
    [said] = messages.said
    assert said.kind == "warning" and said.title == "Your diary can only be read"
    assert "the folder is read-only" in said.text and "press Save again" in said.text
    assert window.findChild(QDialog) is None
    assert window.offer_first_run_setup() is None


def test_a_diary_changed_outside_work_diary_is_said_to_be_as_the_window_opens(
    open_window: OpenWindow, private_data_dir: Path
) -> None:
    monday = week_commencing(date.today()) - timedelta(weeks=1)
    with Diary.open(private_data_dir / "diary.db") as diary:
        diary.save_profile(Profile(name="Rhiannon"))
        diary.weeks.save(Week(monday, 132.5))
    connection = sqlite3.connect(private_data_dir / "diary.db")  # behind the app's back
    with connection:
        connection.execute("UPDATE weeks SET capacity_pct = 95")
    connection.close()
    messages = ScriptedMessages()
    window = open_window(messages)
    window.on_opening()
    [said] = messages.said
    assert said.kind == "warning" and said.title == "Your diary was changed outside Work Diary"
    assert f"Week commencing {format_day(monday)}" in said.text and "132.5" in said.text
    assert "Nothing was changed by this check" in said.text
    # The figure the file now holds is still what the window shows: nothing is put back silently.
    assert window._diary.weeks.get(monday.isoformat()).record.capacity_pct == 95
    # Said once in a message, and kept in sight after it: on every page, and over the week.
    assert window.changed_outside_label.isVisibleTo(window)
    assert "Changed outside Work Diary" in window.changed_outside_label.text()
    window.open_week(monday)
    assert "This week was changed outside Work Diary" in window.editor.notice.text()
    assert window.editor.notice.isVisibleTo(window)
    window.editor.show_week(monday + timedelta(weeks=1))
    assert "changed outside" not in window.editor.notice.text()


def test_an_intact_diary_is_checked_quietly_on_opening_and_on_asking_says_so(
    open_window: OpenWindow,
) -> None:
    messages = ScriptedMessages()
    window = open_window(messages)
    window._diary.save_profile(Profile(name="Rhiannon"))
    window._diary.weeks.save(Week(week_commencing(date.today()), 101.0))
    window.on_opening()
    assert messages.said == []
    help_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&Help"
    )
    check = next(action for action in help_menu.actions() if action.text() == "&Check your diary")
    check.trigger()
    [said] = messages.said
    assert said.kind == "information" and said.title == "Your diary is intact"
    assert "matches its history of 2 saved changes" in said.text


def test_checking_a_diary_saved_to_while_the_clock_was_put_back_names_that_entry(
    open_window: OpenWindow,
) -> None:
    clock = Clock()
    messages = ScriptedMessages()
    window = open_window(messages, clock)
    window._diary.weeks.save(Week(date(2026, 11, 16), 120.0))
    clock.now -= timedelta(days=14)
    window._diary.weeks.save(Week(date(2026, 11, 2), 125.0), allow_clock_behind=True)
    window.on_opening()  # intact: nothing to alarm anyone with as it opens
    assert [said.kind for said in messages.said] == []
    assert window.check_diary()
    [said] = messages.said
    assert said.title == "Your diary is intact"
    assert "1 entry was saved while the computer's clock read earlier" in said.text
    assert "Audit entry 2 (Week commencing Mon 02 Nov 2026)" in said.text


WELSH_NOTES = "Llŷr: tri adroddiad <brys> & ŵyr"


def test_a_week_typed_into_a_read_only_diary_is_saved_once_its_folder_is_writable_again(
    open_window: OpenWindow, private_data_dir: Path, diary_path: Path, clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The memory stick put in locked: the week typed stays through a refused save, and is saved
    by the next Save once the stick is unlocked, without closing the window."""
    earlier = Week(date(2026, 11, 9), 101.0, caseload=44)
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(earlier)
    make_read_only(private_data_dir, monkeypatch)
    messages = ScriptedMessages()
    window = open_window(messages, clock)
    monday = window.editor.current_week()
    window.editor.box("capacity_pct").setText("132.5")
    window.editor.box("notes").setPlainText(WELSH_NOTES)

    assert not window.editor.save()
    assert "the folder is read-only" in messages.texts("error")
    assert "close it and open it again" not in messages.texts("error")  # Save again will do
    assert window.editor.box("capacity_pct").text() == "132.5"  # type: ignore[union-attr]
    assert window.editor.has_unsaved_changes()
    assert window.location_label.text().startswith("READ-ONLY")

    make_writable_again(private_data_dir, monkeypatch)
    assert window.editor.save()
    assert not window.editor.has_unsaved_changes()
    assert window.location_label.text() == f"Diary: {diary_path}"
    assert window.location_label.toolTip() == ""
    assert window.saved_label.text().startswith("Last saved ")
    assert [said.kind for said in messages.said] == ["error"]  # the refusal, and no more
    window.close()

    with Diary.open(diary_path, clock) as diary:
        assert diary.weeks.get("2026-11-09").record == earlier  # type: ignore[union-attr]
        saved = diary.weeks.get(monday.isoformat())
        assert saved is not None
        assert saved.record.capacity_pct == 132.5 and saved.record.notes == WELSH_NOTES
        report = diary.verify()
        assert report.intact and report.entries == 2


def test_a_save_after_a_backup_was_restored_over_the_open_diary_says_it_was_not_saved(
    open_window: OpenWindow, tmp_path: Path, diary_path: Path, clock: Clock
) -> None:
    """The save goes nowhere, so the window must not say "Saved": it says why, keeps what was
    typed, and leaves the restored file as it was put there."""
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(Week(date(2026, 11, 9), 101.0, caseload=44))
    backup = tmp_path / "backup.db"
    backup.write_bytes(diary_path.read_bytes())
    messages = ScriptedMessages()
    window = open_window(messages, clock)
    window.editor.box("capacity_pct").setText("132.5")
    last_saved = window.saved_label.text()
    diary_path.with_name("restoring").write_bytes(backup.read_bytes())
    diary_path.with_name("restoring").replace(diary_path)

    assert not window.editor.save()
    said = messages.texts("error")
    assert "no longer the diary Work Diary opened" in said and "Close Work Diary" in said
    assert window.saved_label.text() == last_saved
    assert window.editor.box("capacity_pct").text() == "132.5"  # type: ignore[union-attr]
    assert window.editor.has_unsaved_changes()
    assert diary_path.read_bytes() == backup.read_bytes()
    messages.answers.append("Close without saving")  # close, and throw away what was typed
    window.close()


@pytest.mark.parametrize("page", ["settings", "supervision"])
def test_settings_and_sessions_are_saved_too_once_a_read_only_folder_is_writable_again(
    page: str, open_window: OpenWindow, private_data_dir: Path, diary_path: Path, clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Each page saves its own way (Settings tells the window through another signal), and each
    save must find the diary writable again and the window say so."""
    Diary.open(diary_path, clock).close()
    make_read_only(private_data_dir, monkeypatch)
    messages = ScriptedMessages()
    window = open_window(messages, clock)
    if page == "settings":
        form: SettingsPage | SupervisionPage = window.settings_page
        window.settings_page.form.edit("name").setText("Rhiannon Llŷr")
    else:
        form = window.supervision_page
        for field, text in (("held_on", "18/11/2026"), ("supervisor", "ŴJ")):
            box = form.box(field)
            assert isinstance(box, QLineEdit)
            box.setText(text)

    assert not form.save()
    assert "the folder is read-only" in messages.texts("error")
    assert form.has_unsaved_changes()
    make_writable_again(private_data_dir, monkeypatch)
    assert form.save()
    assert window.location_label.text() == f"Diary: {diary_path}"
    window.close()

    with Diary.open(diary_path, clock) as diary:
        if page == "settings":
            assert diary.profile().name == "Rhiannon Llŷr"
        else:
            [session] = diary.supervision.all()
            assert session.record.held_on == date(2026, 11, 18)
            assert session.record.supervisor == "ŴJ"
        assert diary.verify().intact


def test_about_gives_version_data_location_and_licence(open_window: OpenWindow) -> None:
    messages = ScriptedMessages()
    window = open_window(messages)
    window.show_about()
    said = messages.texts("information")
    assert "Work Diary" in said and str(window._diary.path) in said and "General Public" in said


def test_closing_with_unsaved_changes_asks_first(open_window: OpenWindow) -> None:
    messages = ScriptedMessages(answers=["Keep editing"])
    window = open_window(messages)
    window.editor.has_unsaved_changes = lambda: True  # type: ignore[method-assign]
    assert not window.close()
    assert window.isVisible() and window.current_page() == THIS_WEEK
    messages.answers.append("Close without saving")
    assert window.close()


def test_closing_names_every_form_not_saved_yet(open_window: OpenWindow) -> None:
    """Closing throws all of them away, so the question names all of them, not only the first."""
    messages = ScriptedMessages(answers=["Keep editing"])
    window = open_window(messages)
    window.editor.box("capacity_pct").setText("121")
    window.settings_page.has_unsaved_changes = lambda: True  # type: ignore[method-assign]
    window.concerns_page.has_unsaved_changes = lambda: True  # type: ignore[method-assign]
    window.show_page(SETTINGS)
    assert not window.close()
    monday = format_day(window.editor.current_week())
    assert messages.said[-1].text == (
        f"You have changes that are not saved yet to the week commencing {monday}, a concern "
        "and your settings. Save them all before closing, or close and throw them all away?"
    )
    assert window.current_page() == THIS_WEEK  # back to the first of them
    messages.answers.append("Close without saving")
    assert window.close()


def test_save_and_close_saves_every_form_then_closes(open_window: OpenWindow) -> None:
    messages = ScriptedMessages(answers=["Save and close"])
    window = open_window(messages)
    monday = window.editor.current_week()
    window.editor.box("capacity_pct").setText("121")
    window.show_page(SETTINGS)
    window.settings_page.form.edit("team").setText("Tîm Gŵyr <De> & Gorllewin")
    window.show_page(HISTORY)
    diary = window._diary
    assert window.close()
    assert diary.weeks.get(monday.isoformat()).record.capacity_pct == 121.0
    assert diary.profile().team == "Tîm Gŵyr <De> & Gorllewin"


def test_save_and_close_stays_open_on_a_form_that_cannot_be_saved_with_its_typing(
    open_window: OpenWindow,
) -> None:
    messages = ScriptedMessages(answers=["Save and close"])
    window = open_window(messages)
    monday = window.editor.current_week()
    window.editor.box("capacity_pct").setText("12x")
    window.show_page(HISTORY)
    assert not window.close()
    assert window.isVisible() and window.current_page() == THIS_WEEK
    assert window.editor.box("capacity_pct").text() == "12x"  # type: ignore[union-attr]
    assert "you entered '12x'" in window.editor.problem_label("capacity_pct").text()
    assert window._diary.weeks.get(monday.isoformat()) is None  # nothing saved
    messages.answers.append("Close without saving")
    assert window.close()


def test_keeping_on_editing_when_opening_another_week_goes_back_to_the_form(
    open_window: OpenWindow,
) -> None:
    messages = ScriptedMessages(answers=[False])  # "Keep editing"
    window = open_window(messages)
    typed_in = window.editor.current_week()
    window.editor.box("capacity_pct").setText("121")
    window.show_page(HISTORY)
    window.open_week(typed_in - timedelta(weeks=3))
    assert window.current_page() == THIS_WEEK
    assert window.editor.current_week() == typed_in
    assert window.editor.box("capacity_pct").text() == "121"
    messages.answers.append("Close without saving")
    assert window.close()


def test_self_test_passes_on_a_good_diary_and_fails_on_a_tampered_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert (
        workdiary(data, "log-week", "--week", str(date.today()), "--capacity", "120").returncode
        == 0
    )
    passed = workdiary(data, "--self-test")
    assert passed.returncode == 0, passed.stderr
    assert "with 1 week in History" in passed.stdout
    with sqlite3.connect(data / "diary.db") as connection:
        connection.execute("UPDATE weeks SET capacity_pct = 90")
    failed = workdiary(data, "--self-test")
    assert failed.returncode == 1
    assert "WMT capacity is 90 %" in failed.stderr


def test_self_test_on_a_folder_with_no_diary_makes_nothing(tmp_path: Path) -> None:
    """Tried before the first use, or on a mistyped folder: it checks the window on an empty
    diary and leaves no diary, nor a folder, behind to hide where the real one is."""
    data = tmp_path / "not-yet"
    result = workdiary(data, "--self-test")
    assert result.returncode == 0, result.stderr
    assert "with 0 weeks in History" in result.stdout
    assert f"There is no diary in {data} yet, and none was made" in result.stderr
    assert not data.exists()


def main_windows() -> list[MainWindow]:
    """The main windows on screen (closed ones may linger until Qt deletes them)."""
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def close_main_windows() -> None:
    for window in main_windows():
        window.close()  # the last window closed ends the app's loop, as a user's would


@pytest.fixture
def set_up_paths(private_data_dir: Path) -> AppPaths:
    """The data folder of a diary set up already, so no first-run set-up is offered."""
    paths = AppPaths(private_data_dir)
    paths.ensure()
    with Diary.open(paths.diary_file) as diary:
        diary.save_profile(Profile(name="Siân Llŷr"))
    return paths


def windows_shown(paths: AppPaths, messages: ScriptedMessages) -> int:
    """Start the app as a user would, and count the windows it shows; then close them."""
    shown: list[int] = []

    def count_and_close() -> None:
        shown.append(len(main_windows()))
        close_main_windows()

    QTimer.singleShot(0, count_and_close)
    assert run_app(paths, messages=messages) == 0
    return shown[0]


def test_opening_the_app_again_while_it_is_open_says_so_and_opens_no_second_window(
    qtbot: QtBot, set_up_paths: AppPaths
) -> None:
    """Two windows on one diary could each save a week over what the other had just saved."""
    second_start = ScriptedMessages(answers=[False])  # "Close", the default
    seen: list[int] = []

    def start_again_while_open() -> None:
        # As if the first window had been open all day.
        day_ago = time.time() - 8 * 60 * 60
        os.utime(set_up_paths.data_dir / WINDOW_LOCK_FILE, (day_ago, day_ago))
        seen.append(run_app(set_up_paths, messages=second_start))
        seen.append(len(main_windows()))
        close_main_windows()

    QTimer.singleShot(0, start_again_while_open)
    assert run_app(set_up_paths, messages=ScriptedMessages()) == 0
    assert seen == [0, 1]  # the second start closed quietly, and only the first window opened
    assert "already open in another window" in second_start.texts("confirm")

    # Once that window has closed, the diary opens again without a question.
    assert windows_shown(set_up_paths, ScriptedMessages()) == 1


def test_a_window_that_crashed_does_not_keep_the_diary_from_opening(
    qtbot: QtBot, set_up_paths: AppPaths
) -> None:
    lock_file = set_up_paths.data_dir / WINDOW_LOCK_FILE
    # A process that takes the window's lock and dies without letting go, as in a crash.
    took_it = printed_lines(
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "print(lock.tryLock(0))\n"
        "os._exit(0)\n",
        lock_file,
    )
    assert took_it == ["True"] and lock_file.exists()
    assert windows_shown(set_up_paths, ScriptedMessages()) == 1  # and asked nothing


def test_the_user_may_open_a_diary_another_window_seems_to_hold(
    qtbot: QtBot, set_up_paths: AppPaths
) -> None:
    """For a window the app cannot see has gone, such as one on a computer switched off."""
    other_window = QLockFile(str(set_up_paths.data_dir / WINDOW_LOCK_FILE))
    assert other_window.tryLock(0)
    insisting = ScriptedMessages(answers=[True])  # "Open it anyway"
    try:
        assert windows_shown(set_up_paths, insisting) == 1
    finally:
        other_window.unlock()
    assert len(insisting.said) == 1


def test_a_lock_left_in_a_folder_now_read_only_is_not_called_a_window_still_open(
    qtbot: QtBot, set_up_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window that crashed leaves its lock; a folder since made read-only (a memory stick
    locked) will not let it be removed, so it looks just like a window still open. The user is
    told it may be either, and may open the diary to read it."""
    folder = set_up_paths.data_dir
    make_read_only(folder, monkeypatch)

    class LockLeftOnTheStick(QLockFile):
        """What Qt answers for a lock whose process has gone, but which it cannot remove."""

        def tryLock(self, timeout: int = 0) -> bool:
            return False

        def error(self) -> QLockFile.LockError:
            return QLockFile.LockError.LockFailedError

    monkeypatch.setattr("workdiary.app.QLockFile", LockLeftOnTheStick)
    choosing_close = ScriptedMessages(answers=[False])
    assert run_app(set_up_paths, messages=choosing_close) == 0
    assert main_windows() == []

    opening_anyway = ScriptedMessages(answers=[True])
    assert windows_shown(set_up_paths, opening_anyway) == 1
    for start in (choosing_close, opening_anyway):
        [question] = [said for said in start.said if said.kind == "confirm"]
        assert question.title == "Work Diary may already be open"
        assert "not closed properly" in question.text
        assert "already open in another window" not in question.text


def test_a_window_on_a_read_only_folder_holds_the_diary_once_a_save_finds_it_writable(
    qtbot: QtBot, set_up_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked memory stick takes no lock file; once unlocked and saved to, a second start is
    warned, as it would have been had the stick been unlocked from the start."""
    folder = set_up_paths.data_dir
    make_read_only(folder, monkeypatch)
    refused = True  # what the system answers when a lock file is made in the folder

    class LockFileOnTheStick(QLockFile):
        def tryLock(self, timeout: int = 0) -> bool:
            return False if refused else super().tryLock(timeout)

        def error(self) -> QLockFile.LockError:
            return QLockFile.LockError.PermissionError if refused else super().error()

    monkeypatch.setattr("workdiary.app.QLockFile", LockFileOnTheStick)
    first_window = ScriptedMessages()
    second_start = ScriptedMessages(answers=[False])  # "Close"
    seen: list[object] = []

    def save_then_start_again() -> None:
        nonlocal refused
        [window] = main_windows()
        window.editor.box("capacity_pct").setText("120")
        seen.append(window.editor.save())  # refused: the folder is read-only
        refused = False
        make_writable_again(folder, monkeypatch)
        seen.append(window.editor.save())
        seen.append(run_app(set_up_paths, messages=second_start))
        seen.append(len(main_windows()))
        close_main_windows()

    QTimer.singleShot(0, save_then_start_again)
    assert run_app(set_up_paths, messages=first_window) == 0
    assert seen == [False, True, 0, 1]
    assert "already open in another window" in second_start.texts("confirm")
    assert not (folder / WINDOW_LOCK_FILE).exists()  # let go when the window closed


def test_the_open_window_collects_reference_cycles(qtbot: QtBot, tmp_path: Path) -> None:
    """A command starts with Python's cycle collector off (cli.run); a window that may stay open
    all day must have it back on while it waits for the user."""
    seen: list[bool] = []

    def look_and_close() -> None:
        seen.append(gc.isenabled())
        # The last window closed ends the app's loop, as a user's would. Qt closes them itself:
        # widgets earlier tests left being torn down must not be wrapped for Python again.
        QApplication.closeAllWindows()

    gc.disable()
    try:
        QTimer.singleShot(0, look_and_close)
        assert run_app(AppPaths(tmp_path / "data"), demo=True) == 0
    finally:
        gc.enable()
        gc.collect()  # the closed window goes now, not during a later test
    assert seen == [True]


def test_a_demo_window_says_it_is_a_demo(qtbot: QtBot, diary_path: Path) -> None:
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as diary:
        settings = QSettings(str(diary_path.parent / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(diary, ScriptedMessages(), settings, demo=True)
        qtbot.addWidget(window)
        assert (
            "DEMO" in window.windowTitle() and "nothing you enter is kept" in window.windowTitle()
        )
        assert "DEMO" in window.location_label.text()


def test_demo_never_touches_the_users_diary(tmp_path: Path) -> None:
    data = tmp_path / "mine"
    result = workdiary(data, "--demo", "--self-test")
    assert result.returncode == 0, result.stderr
    shown = re.search(r"with ([\d,]+) weeks in History", result.stdout)
    assert shown is not None and int(shown.group(1).replace(",", "")) >= 500  # ten years
    assert not (data / "diary.db").exists()


def test_a_notice_written_from_the_window_is_logged_as_a_concern(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window()
    dialog = window.write_letter("foreseeability")
    dialog.health.setPlainText("I am exhausted.")
    with qtbot.waitSignal(dialog.written):
        dialog.save_to(tmp_path / "notice.pdf")
    assert (tmp_path / "notice.pdf").exists()
    assert window.saved_label.text().startswith("Last saved ")


def test_supervision_and_concerns_are_pages_of_the_window(open_window: OpenWindow) -> None:
    window = open_window()
    window.show_page(SUPERVISION)
    assert window.current_page() == SUPERVISION and window.supervision_page.isVisible()
    window.show_page(CONCERNS)
    assert window.current_page() == CONCERNS and window.concerns_page.isVisible()


def test_a_new_supervision_interval_in_settings_reaches_the_supervision_page(
    open_window: OpenWindow,
) -> None:
    window = open_window()
    window._diary.supervision.save(
        SupervisionSession(date.today() - timedelta(days=70), SupervisionStatus.HELD)
    )
    window.show_page(SUPERVISION)
    window.supervision_page.reload()
    page = window.supervision_page
    assert page.overdue_banner.isHidden() and "Set how often" in page.due_line.text()
    window.show_page(SETTINGS)
    window.settings_page.form.edit("supervision_interval_weeks").setText("4")
    assert window.settings_page.save()
    assert not page.overdue_banner.isHidden() and "70 days ago" in page.overdue_text.text()


def test_closing_with_an_unsaved_concern_asks_and_shows_it(open_window: OpenWindow) -> None:
    messages = ScriptedMessages(answers=["Keep editing"])
    window = open_window(messages)
    window.show_page(CONCERNS)
    window.concerns_page.has_unsaved_changes = lambda: True  # type: ignore[method-assign]
    window.show_page(HISTORY)
    assert not window.close()
    assert "a concern" in messages.texts("confirm") and window.current_page() == CONCERNS
    messages.answers.append("Close without saving")
    assert window.close()


def test_the_concerns_page_offers_the_notice(open_window: OpenWindow) -> None:
    window = open_window()
    window.show_page(CONCERNS)
    window.concerns_page.notice_button.click()
    dialogs = [child for child in window.findChildren(QDialog) if child.isVisible()]
    assert any(dialog.windowTitle() == "Foreseeability notice" for dialog in dialogs)


def test_the_evidence_pack_is_a_page_of_the_window(open_window: OpenWindow) -> None:
    window = open_window()
    window.show_page(EVIDENCE)
    assert window.current_page() == EVIDENCE and window.evidence_page.isVisible()


def come_back_to(qtbot: QtBot, window: MainWindow) -> None:
    """The user goes to another window (a terminal, the WMT), then back to Work Diary."""
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_coming_back_to_the_window_shows_what_a_command_saved_meanwhile(
    open_window: OpenWindow, qtbot: QtBot, diary_path: Path
) -> None:
    messages = ScriptedMessages()
    window = open_window(messages)
    window.show_page(HISTORY)
    monday = week_commencing(date.today())
    last_monday = monday - timedelta(weeks=1)
    assert window.editor.current_week() == monday
    window.show_page(SETTINGS)
    window.settings_page.form.edit("team").setText("Tîm Abertawe <dwyrain>")
    with Diary.open(diary_path) as command:  # as `workdiary log-week` does
        command.weeks.save(Week(week_commencing=monday, capacity_pct=131.5, caseload=47))
        command.weeks.save(Week(week_commencing=last_monday, capacity_pct=128.0))
        command.save_profile(Profile(name="Rhian Llŷr", contracted_hours=30.0))
        saved_at = command.audit.latest()
    assert saved_at is not None and window.saved_label.text() == "Nothing saved yet"

    come_back_to(qtbot, window)
    assert window.saved_label.text().startswith("Last saved ")
    assert [row.split(" | ")[1] for row in history_rows(window)[:2]] == ["131.5 %", "128 %"]
    editor_box = window.editor.box("capacity_pct")
    assert isinstance(editor_box, QLineEdit) and editor_box.text() == "131.5"
    # Typing not saved yet is kept, not replaced by what the command saved.
    assert window.settings_page.form.edit("team").text() == "Tîm Abertawe <dwyrain>"
    assert window.settings_page.form.edit("name").text() == ""
    messages.answers.append("Close without saving")
    assert window.close() and "your settings" in messages.texts("confirm")


def test_coming_back_on_a_new_day_dates_new_records_today_and_adds_the_new_week(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    clock = Clock()  # a Friday afternoon
    window = open_window(clock=clock)
    friday = clock.now.astimezone().date()
    window.editor.box("capacity_pct").setText("118")
    assert window.editor.save()
    window.show_page(SUPERVISION)
    held_on = window.supervision_page.box("held_on")
    assert isinstance(held_on, QLineEdit) and held_on.text() == f"{friday:%d/%m/%Y}"
    window.show_page(HISTORY)
    weeks_shown = len(history_rows(window))
    assert not window.editor.next_button.isEnabled()

    clock.now += timedelta(days=10)  # the laptop slept with the window open, a week away
    come_back_to(qtbot, window)
    monday = friday + timedelta(days=10)
    assert held_on.text() == f"{monday:%d/%m/%Y}"
    rows = history_rows(window)
    assert len(rows) == weeks_shown + 1 == 2
    missed = monday - timedelta(weeks=1)
    assert rows[0].startswith(f"{missed:%a %d %b %Y}") and "not logged" in rows[0]
    assert window.editor.next_button.isEnabled()


def test_closing_with_unsaved_settings_asks_first(open_window: OpenWindow) -> None:
    messages = ScriptedMessages(answers=["Keep editing"])
    window = open_window(messages)
    window.show_page(SETTINGS)
    window.settings_page.form.edit("contracted_hours").setText("30")
    window.show_page(HISTORY)
    assert not window.close()
    assert "your settings" in messages.texts("confirm") and window.current_page() == SETTINGS
    messages.answers.append("Close without saving")
    assert window.close()


def typed(editor: WeekEditor, field: str) -> str:
    box = editor.box(field)
    return box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()


def test_the_contracted_hours_set_at_first_run_are_the_first_weeks(
    open_window: OpenWindow, qtbot: QtBot, diary_path: Path
) -> None:
    window = open_window()
    monday = week_commencing(date.today())
    assert window.current_page() == THIS_WEEK  # the form is built behind the set-up
    dialog = window.offer_first_run_setup()
    assert dialog is not None
    dialog.form.edit("contracted_hours").setText("30")
    with qtbot.waitSignal(dialog.finished):
        dialog.save_button.click()
    editor = window.editor
    contracted = editor.box("contracted_hours")
    assert isinstance(contracted, QLineEdit) and contracted.text() == "30"
    assert not editor.has_unsaved_changes()
    editor.box("capacity_pct").setText("120")
    assert editor.save()
    with Diary.open(diary_path) as diary:
        saved = diary.weeks.get(monday.isoformat())
    assert saved is not None and saved.record.contracted_hours == 30


def test_new_contracted_hours_in_settings_reach_a_new_week_and_keep_its_typing(
    open_window: OpenWindow,
) -> None:
    messages = ScriptedMessages()
    window = open_window(messages)
    editor = window.editor
    contracted = editor.box("contracted_hours")
    assert isinstance(contracted, QLineEdit) and contracted.text() == "37"
    window.show_page(SETTINGS)
    window.settings_page.form.edit("contracted_hours").setText("30")
    assert window.settings_page.save()
    window.show_page(THIS_WEEK)
    assert contracted.text() == "30" and not editor.has_unsaved_changes()

    editor.box("capacity_pct").setText("118")  # typing not saved yet
    window.show_page(SETTINGS)
    window.settings_page.form.edit("contracted_hours").setText("22.5")
    assert window.settings_page.save()
    window.show_page(THIS_WEEK)
    assert typed(editor, "capacity_pct") == "118"
    assert contracted.text() == "22.5"  # the default it held was not the user's typing

    contracted.setText("20")  # the user's own figure for this week
    window.show_page(SETTINGS)
    window.settings_page.form.edit("contracted_hours").setText("30")
    assert window.settings_page.save()
    assert contracted.text() == "20" and typed(editor, "capacity_pct") == "118"
    messages.answers.append("Close without saving")


def press_ctrl_1(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)


def test_go_to_this_week_shows_this_week_unless_the_form_holds_typing(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    messages = ScriptedMessages()  # nothing is asked
    window = open_window(messages)
    this_week = week_commencing(date.today())
    earlier = this_week - timedelta(weeks=2)
    window.show_page(HISTORY)
    window.history.open_week.emit(earlier)
    assert window.editor.current_week() == earlier
    window.show_page(HISTORY)
    press_ctrl_1(qtbot, window)
    assert window.current_page() == THIS_WEEK and window.editor.current_week() == this_week
    assert window.editor.heading.text().endswith(f"{this_week:%d %b %Y}")

    # Chosen in the list of pages, "This week" is this week too.
    window.history.open_week.emit(earlier)
    window.show_page(HISTORY)
    item = window.navigation.item(THIS_WEEK)
    assert item is not None
    qtbot.mouseClick(
        window.navigation.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.navigation.visualItemRect(item).center(),
    )
    assert window.current_page() == THIS_WEEK and window.editor.current_week() == this_week

    # Typing not saved yet is kept where it is.
    window.history.open_week.emit(earlier)
    window.editor.box("capacity_pct").setText("127")
    window.show_page(HISTORY)
    press_ctrl_1(qtbot, window)
    assert window.current_page() == THIS_WEEK and window.editor.current_week() == earlier
    assert typed(window.editor, "capacity_pct") == "127"
    assert messages.said == []
    messages.answers.append("Close without saving")


def test_a_missed_week_opens_the_window_on_it_else_the_page_used_last(
    open_window: OpenWindow,
) -> None:
    clock = Clock()  # Friday 20 Nov 2026
    this_week = week_commencing(clock.now.date())
    last_week = this_week - timedelta(weeks=1)
    window = open_window(clock=clock)
    window._diary.weeks.save(Week(last_week - timedelta(weeks=1), 120.0))
    window.show_page(HISTORY)
    window.close()

    missed = open_window(clock=clock)  # last week was never logged
    assert missed.current_page() == THIS_WEEK and missed.editor.current_week() == last_week
    # Else a page called This week showing last week looks like a mistake.
    assert missed.editor.notice.isVisibleTo(missed)
    assert missed.editor.notice.text().endswith(
        "Shown first because it has not been logged yet: the earliest of the last 4 weeks not "
        f"logged. This week, commencing {format_day(this_week)}, is further on (Next week →)."
    )
    missed.editor.box("capacity_pct").setText("125")
    assert missed.editor.save()
    missed.show_page(HISTORY)
    missed.close()

    assert open_window(clock=clock).current_page() == HISTORY  # nothing missed: as left


def test_the_self_test_still_opens_on_history_when_a_week_is_missed(
    qtbot: QtBot, diary_path: Path
) -> None:
    diary_path.parent.mkdir(parents=True)
    clock = Clock()
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(Week(week_commencing(clock.now.date()) - timedelta(weeks=2), 120.0))
        settings = QSettings(str(diary_path.parent / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(diary, ScriptedMessages(), settings, first_page=HISTORY)
        qtbot.addWidget(window)
        assert window.current_page() == HISTORY


def active(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window, with the keyboard, as a user has it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def tab_round(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    """Where Tab stops, from the list of pages until it is back there."""
    window.navigation.setFocus()
    stops: list[QWidget] = []
    for _ in range(60):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is window.navigation:
            return stops
        if focused() not in stops:  # a date box stops at its day, month and year
            stops.append(focused())
    raise AssertionError(f"Tab never came back to the list of pages: {stops}")


def test_ctrl_s_saves_the_form_shown_wherever_the_focus_is_in_the_window(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = active(qtbot, open_window())
    window.show_page(SUPERVISION)
    page = window.supervision_page
    page.supervisor_box.setText("GW")
    # Past Save, Tab goes to the list of pages; Ctrl+S still saves the session shown.
    page.save_button.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.navigation
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == SUPERVISION and "Saved at" in page.status.text()
    assert [entry.record.supervisor for entry in window._diary.supervision.all()] == ["GW"]

    window.show_page(CONCERNS)
    concerns = window.concerns_page
    typed_in = cast(QLineEdit, concerns.box("raised_with"))
    typed_in.setText("SPO (G.W.)")
    cast(QPlainTextEdit, concerns.box("summary")).setPlainText("Raised my caseload of 46.")
    window.navigation.setFocus()
    with qtbot.waitSignal(concerns.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [entry.record.raised_with for entry in window._diary.concerns.all()] == ["SPO (G.W.)"]

    window.show_page(THIS_WEEK)
    window.editor.box("capacity_pct").setText("132.5")
    window.navigation.setFocus()
    with qtbot.waitSignal(window.editor.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(window._diary.weeks.all()) == 1

    # A page not shown never acts on its keys: typing left in a session stays unsaved.
    window.show_page(SUPERVISION)
    page.supervisor_box.setText("JM")
    window.show_page(HISTORY)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.has_unsaved_changes()
    assert [entry.record.supervisor for entry in window._diary.supervision.all()] == ["GW"]
    page.supervisor_box.setText("GW")  # as saved: closing asks nothing


@pytest.mark.parametrize("index", list(PAGE_NAMES))
def test_tab_goes_down_the_page_shown_from_the_top_and_back_to_the_list_of_pages(
    open_window: OpenWindow, qtbot: QtBot, index: int
) -> None:
    window = active(qtbot, open_window())
    window.show_page(index)
    shown = window.pages.currentWidget()
    stops = tab_round(qtbot, window)
    # Every stop is something on the page shown that can be seen, never its background.
    assert stops and all(shown.isAncestorOf(stop) and stop.isVisible() for stop in stops)
    assert not any(isinstance(stop, QScrollArea) for stop in stops)
    # Shift+Tab from the first goes back to the list, and from the list to the last.
    stops[0].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is window.navigation
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is stops[-1]


def test_tab_reaches_what_is_above_the_list_on_the_supervision_and_concerns_pages(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = active(qtbot, open_window())
    window.show_page(SUPERVISION)
    page = window.supervision_page
    stops = tab_round(qtbot, window)
    assert stops[:3] == [page.period, page.new_button, page.table]
    assert stops[-1] is page.save_button

    window.show_page(CONCERNS)
    concerns = window.concerns_page
    stops = tab_round(qtbot, window)
    assert stops[:3] == [concerns.notice_button, concerns.new_button, concerns.table]
    assert stops[-1] is concerns.save_button

    window.show_page(THIS_WEEK)
    stops = tab_round(qtbot, window)
    assert stops[0] is window.editor.previous_button
    assert stops[-1] is window.editor.save_button


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_or_return_presses_the_button_that_has_the_focus(
    open_window: OpenWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, key: Qt.Key
) -> None:
    window = active(qtbot, open_window())
    window._diary.weeks.save(Week(week_commencing(date.today()), 120.0))
    window._diary.supervision.save(SupervisionSession(date.today(), SupervisionStatus.HELD))
    for index in PAGE_NAMES:  # every button on every page, not only those tried below
        window.show_page(index)
        buttons = window.pages.currentWidget().findChildren(QPushButton)
        assert buttons and all(button.autoDefault() or button.isDefault() for button in buttons)

    window.show_page(CONCERNS)
    concerns = window.concerns_page
    concerns.new_button.setFocus()
    qtbot.keyClick(focused(), key)
    assert focused() is concerns.box("raised_on")  # New concern: ready to type its date

    window.show_page(EVIDENCE)
    asked: list[str] = []

    def save_file_name(*args: object, **options: object) -> tuple[str, str]:
        asked.append(str(args[1]))
        return "", ""  # the user thinks better of it

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)
    window.evidence_page.export_button.setFocus()
    qtbot.keyClick(focused(), key)
    assert asked == ["Save the evidence pack as"]

    window.show_page(SUPERVISION)
    page = window.supervision_page
    page.table.selectRow(0)
    page.history_button.setFocus()
    qtbot.keyClick(focused(), key)
    dialogs = [child for child in page.findChildren(QDialog) if child.isVisible()]
    assert [dialog.windowTitle() for dialog in dialogs] == [
        f"History: Supervision session on {format_day(date.today())}"
    ]


def test_enter_in_a_box_presses_no_button(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = active(qtbot, open_window())
    editor = window.editor
    for field in ("capacity_pct", "wmt_read_on", "notes"):
        box = editor.box(field)
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window._diary.weeks.all() == [] and focused() is editor.box("notes")
    editor.box("capacity_pct").setText("120")
    editor.box("capacity_pct").setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window._diary.weeks.all() == [] and editor.has_unsaved_changes()
    # Save, the week's default button, takes Enter as it did.
    editor.save_button.setFocus()
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    window.show_page(SUPERVISION)
    page = window.supervision_page
    page.supervisor_box.setText("GW")
    page.supervisor_box.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window._diary.supervision.all() == [] and page.has_unsaved_changes()
    page.supervisor_box.setText("")


def menu_action(window: MainWindow, menu_title: str, action_title: str) -> QAction:
    for title in window.menuBar().actions():
        menu = title.menu()
        if title.text() == menu_title and isinstance(menu, QMenu):
            [action] = [action for action in menu.actions() if action.text() == action_title]
            return action
    raise AssertionError(f"No {action_title} in the {menu_title} menu")


def test_open_data_folder_says_where_the_folder_is_when_it_cannot_be_opened(
    open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch, private_data_dir: Path
) -> None:
    messages = ScriptedMessages()
    window = open_window(messages)
    opened: list[str] = []
    can_open = True

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return can_open

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    open_folder = menu_action(window, "&Help", "&Open data folder")
    open_folder.trigger()
    assert opened == [str(private_data_dir)] and messages.said == []

    # No file manager to open it in ("Unable to detect a launcher"): said, with where it is.
    can_open = False
    open_folder.trigger()
    [said] = messages.said
    assert said.kind == "warning" and said.title == "Cannot open the folder"
    assert f"Your diary (diary.db) is in this folder:\n{private_data_dir}\n" in said.text
