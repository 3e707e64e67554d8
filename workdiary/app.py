"""The desktop app's composition root: the Qt application, the diary, and the main window."""

from __future__ import annotations

import gc
import os
import sys
from contextlib import ExitStack
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLockFile,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QTableView

from workdiary.crash_reports import CRASH_REPORTS_FOLDER, summary
from workdiary.domain.errors import WorkDiaryError
from workdiary.domain.formatting import count
from workdiary.no_window import EXIT_NO_SCREEN, cannot_start_qt, why_no_screen
from workdiary.paths import AppPaths
from workdiary.storage import Diary
from workdiary.storage import errors as storage_errors
from workdiary.ui.faults import FaultCatcher
from workdiary.ui.focus_ring import show_focus_ring
from workdiary.ui.main_window import HISTORY, MainWindow
from workdiary.ui.messages import Messages

EXIT_CHECK_FAILED = 1
EXIT_CANNOT_OPEN = 2
WINDOW_SETTINGS_FILE = "window.ini"
# Held by the window open on a diary, in the diary's folder, for as long as it is open.
WINDOW_LOCK_FILE = "window.lock"


def run_app(
    paths: AppPaths,
    *,
    demo: bool = False,
    self_test: bool = False,
    messages: Messages | None = None,
) -> int:
    """Open the window on the diary in `paths` (or on a throwaway copy of the sample diary, for
    `demo`). With `self_test`, show the history, check the diary, and exit instead of waiting."""
    app = QApplication.instance()
    if app is None:
        no_screen = why_no_screen(os.environ, sys.platform)
        if no_screen is not None:
            print(no_screen, file=sys.stderr)
            return EXIT_NO_SCREEN
        app = _start_qt()
    assert isinstance(app, QApplication)
    app.setApplicationName("Work Diary")
    show_focus_ring(app)
    messages = Messages() if messages is None else messages
    with ExitStack() as cleanup:
        try:
            if demo:
                paths = _demo_paths()
            # The self-test checks what is there and makes nothing: with no diary yet (a
            # packaged app tried before its first use, a mistyped folder), an empty one in memory.
            nothing_here = self_test and not paths.has_diary()
            if nothing_here:
                print(
                    f"There is no diary in {paths.data_dir} yet, and none was made: the window is "
                    "checked on an empty one.",
                    file=sys.stderr,
                )
            else:
                paths.ensure()
        except (WorkDiaryError, OSError) as error:
            return _cannot_open(error, messages, self_test)
        # From here a fault is said and reported, never a window that silently fails to open.
        # The self-test says nothing to anyone: it fails, naming the fault.
        faults = FaultCatcher(
            paths.data_dir / CRASH_REPORTS_FOLDER, None if self_test else messages
        )
        faults.install()
        cleanup.callback(faults.uninstall)
        if demo:
            cleanup.callback(_remove_demo_folder, paths.data_dir, faults)
        try:
            # The self-test only reads, and may check a diary while the user has it open.
            window_lock = WindowLock(paths.data_dir)
            held = None if self_test else window_lock.take()
            cleanup.callback(window_lock.release)
            if held is False and not window_lock.opening_anyway(messages):
                return 0
            diary = Diary.empty(paths.diary_file) if nothing_here else Diary.open(paths.diary_file)
            cleanup.callback(diary.close)
            # Window size and page live beside the diary, so a data folder is the whole of the
            # app's state and tests never touch the user's own settings.
            settings = QSettings(
                str(paths.data_dir / WINDOW_SETTINGS_FILE), QSettings.Format.IniFormat
            )
            # The self-test goes straight to History: it is what it checks.
            first_page = HISTORY if self_test else None
            window = MainWindow(
                diary,
                messages,
                settings,
                demo=demo,
                first_page=first_page,
                beside_another=held is False,
            )
            if held is None and not self_test:
                # A folder that refused the lock (read-only) is taken once a save finds it
                # writable: a window started after that is warned, as it would be of this one.
                window.became_writable.connect(window_lock.take)
            window.show()
        except (WorkDiaryError, OSError) as error:  # locked, damaged, too new, unreadable…
            return _cannot_open(error, messages, self_test)
        except Exception as error:
            faults.tell_opening(error)
            if self_test:
                print(
                    f"Self-test failed: the window did not open: {summary(error)}", file=sys.stderr
                )
            return EXIT_CHECK_FAILED
        if self_test:
            return _self_test(app, window, diary, faults)
        if not demo:
            QTimer.singleShot(0, window.on_opening)
        # Off while starting (see cli.run); a window open all day must collect its cycles.
        gc.enable()
        return app.exec()


def _start_qt() -> QApplication:
    """The Qt application; or, where Qt cannot start on the screen it was given (one that does
    not answer, libraries missing), the process ended with why in words and exit status 4.
    Qt would end it itself (abort, 134) once it had said so in its own jargon, which may even
    name a library that is there: its last word is the only moment to say it plainly."""
    said: list[str] = []

    def hear(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
            print(cannot_start_qt(said or [message], plugins), file=sys.stderr)
            sys.stderr.flush()
            os._exit(EXIT_NO_SCREEN)  # nothing is open yet: the diary is opened after Qt
        said.append(message)

    previous = qInstallMessageHandler(hear)
    try:
        app = QApplication(sys.argv)
    finally:
        qInstallMessageHandler(previous)
    for message in said:  # what Qt says on the way to a window that opens, as it would say it
        print(message, file=sys.stderr)
    return app


def _cannot_open(error: Exception, messages: Messages, self_test: bool) -> int:
    if self_test:
        print(f"Self-test failed: {error}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    messages.error(None, "Work Diary cannot open your diary", str(error))
    return EXIT_CANNOT_OPEN


class WindowLock:
    """Held by the window open on a diary, so that a second start on it warns first: two windows
    on one diary could each save a week over what the other had just saved there, with the
    other's figures quietly put back."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock = QLockFile(str(folder / WINDOW_LOCK_FILE))
        # Left behind only when its window's process has gone (a crash, a power cut): never by
        # age, since a window may stay open for days.
        self._lock.setStaleLockTime(0)

    def take(self) -> bool | None:
        """True once held (it stays held until `release`); False when another window holds it;
        None when the folder refuses the file (read-only, say)."""
        if self._lock.isLocked() or self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        return None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()

    def opening_anyway(self, messages: Messages) -> bool:
        """Whether the user chose to open the diary another window holds."""
        if not storage_errors.is_writable(self._folder):
            # A lock left by a window that crashed is let go of only where the folder can be
            # written to: in a read-only one it looks the same as a window still open.
            return messages.confirm(
                None,
                "Work Diary may already be open",
                MAYBE_OPEN_TEXT,
                yes="Open it anyway",
                no="Close",
            )
        return messages.confirm(
            None,
            "Work Diary is already open",
            _already_open_text(self._lock),
            yes="Open it anyway",
            no="Close",
        )


MAYBE_OPEN_TEXT = (
    "Your diary may already be open in another window. Or Work Diary was not closed properly "
    "the last time it was open (the computer was switched off, say): its folder can only be "
    "read now, so Work Diary cannot tell which.\n\nIf it is open in another window, please "
    "use that window: look for Work Diary on the taskbar. Otherwise, open it anyway: you can "
    "look at everything in it. Nothing can be saved to it while its folder can only be read, so "
    "opening it cannot undo anything saved in another window."
)


def _already_open_text(lock: QLockFile) -> str:
    # Imported here: only a second start needs it, and every start would pay for it.
    from PySide6.QtCore import QSysInfo

    info = lock.getLockInfo()
    host = info[1] if info else ""
    where = (
        f"on another computer ({host})"
        if host and host != QSysInfo.machineHostName()
        else "in another window"
    )
    return (
        f"Your diary is already open {where}. Please use that window: look for Work Diary on "
        "the taskbar.\n\nTwo windows on one diary could each save over what the other had just "
        "saved.\n\nOnly if you are sure Work Diary is not open anywhere else (for example the "
        "other computer was switched off while it was open), open it anyway."
    )


def _demo_paths() -> AppPaths:
    """A new temporary folder holding a fresh sample diary."""
    # Imported here: only the demo needs them, and every start would pay for them.
    import shutil
    import tempfile

    from workdiary.sample_diary import fill_sample_diary, last_week_ended

    folder = Path(tempfile.mkdtemp(prefix="workdiary-demo-"))
    try:
        fill_sample_diary(folder / "diary.db", last_week_ended(date.today()))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return AppPaths(folder)


def _remove_demo_folder(folder: Path, faults: FaultCatcher) -> None:
    """The demo leaves nothing behind, except the crash reports the user was told of: they stay
    where the message said they are."""
    import shutil

    for item in folder.iterdir():
        if item.name != CRASH_REPORTS_FOLDER or not faults.reports:
            shutil.rmtree(item) if item.is_dir() else item.unlink(missing_ok=True)
    if not faults.reports:
        folder.rmdir()


def _self_test(app: QApplication, window: MainWindow, diary: Diary, faults: FaultCatcher) -> int:
    """The smoke test of a build: the window shows the history without a fault, and the diary
    checks out."""
    window.show_page(HISTORY)
    app.processEvents()
    if faults.faults:
        fault = summary(faults.faults[0])
        kept = f" A crash report is in {faults.reports[0]}." if faults.reports else ""
        print(f"Self-test failed: a fault while showing History: {fault}.{kept}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    table = window.history.findChild(QTableView)
    rows = table.model().rowCount() if table is not None else 0
    logged = diary.weeks.count()
    if logged and rows == 0:
        print("Self-test failed: History shows no weeks, though some are logged.", file=sys.stderr)
        return EXIT_CHECK_FAILED
    report = diary.verify()
    if not report.intact:
        print("Self-test failed: the diary does not match its history:", file=sys.stderr)
        for finding in report.findings:
            print(f"  - {finding.message}", file=sys.stderr)
        return EXIT_CHECK_FAILED
    print(
        f"Self-test passed: the window opened with {count(rows, 'week')} in History, and the "
        f"diary is intact ({report.entries:,} audit entries)."
    )
    return 0
