"""An exception no code caught, anywhere in the window: a fault in Work Diary gets a crash report
and a plain message; a problem the user can fix (a full disk) is said in its own words. Either
way the window stays open on what they typed."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtWidgets import QApplication

from workdiary.crash_reports import report_kept, summary, write_crash_report
from workdiary.domain.errors import WorkDiaryError
from workdiary.ui.messages import Messages

TITLE = "Something went wrong in Work Diary"
NOT_DONE = "Work Diary could not do that"
STILL_TYPED = "What was saved before is safe, and the window still holds what you typed."
# A fault met again and again (a table repainting a row that fails, say) is reported once; and a
# session with this many different faults is broken enough that more reports would add nothing.
MOST_REPORTS = 10
RUNNING = f"the window, on PySide6 {pyside_version} and Qt {qVersion()}"


class FaultCatcher(QObject):
    """Installed as Python's last resort (`sys.excepthook`) for as long as the window is open.
    Qt calls it for an exception no slot or event handler caught, and then carries on; without
    it a tired user would click Save, see nothing happen, and never know. Each fault is printed
    to stderr, reported once in `reports_dir`, and told once through `messages` (never while a
    message about another is still open); with no `messages` (the self-test) nothing is shown,
    and `faults` says what happened."""

    # Queued to the GUI thread: a fault may be met in a worker thread, or in the middle of
    # painting, where no message box may open.
    _met = Signal(object, object)  # the exception, its report's path or None

    def __init__(self, reports_dir: Path, messages: Messages | None) -> None:
        super().__init__()
        self._reports_dir = reports_dir
        self._messages = messages
        self.faults: list[BaseException] = []
        self.reports: list[Path] = []
        self._known: set[tuple[object, ...]] = set()
        self._telling = False
        self._previous_hook = sys.excepthook
        self._met.connect(self._tell, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self._hook

    def uninstall(self) -> None:
        if sys.excepthook == self._hook:
            sys.excepthook = self._previous_hook

    def _hook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if not isinstance(error, Exception):  # Ctrl+C in a terminal, say: not a fault
            self._previous_hook(kind, error, trace)
        elif self._is_new(error):
            # A problem the user can do something about (a full disk, a locked diary) that a
            # page did not catch: its own words are the message, and there is no fault to report.
            self._met.emit(
                error, None if isinstance(error, WorkDiaryError) else self._report(error)
            )

    def tell_opening(self, error: BaseException) -> None:
        """Report and tell a fault that kept the window from opening."""
        if not self._is_new(error):
            return
        report = self._report(error)
        if self._messages is not None:
            self._messages.error(None, TITLE, fault_text(error, report, opening=True))

    def _is_new(self, error: BaseException) -> bool:
        """Note a fault, unless it was met before: the same kind, raised along the same lines."""
        frames = traceback.extract_tb(error.__traceback__)
        signature = (type(error).__qualname__, *((f.filename, f.lineno) for f in frames))
        if signature in self._known:
            return False
        self._known.add(signature)
        self.faults.append(error)
        traceback.print_exception(error)  # for whoever started the app from a terminal
        return True

    def _report(self, error: BaseException) -> Path | None:
        if len(self.reports) >= MOST_REPORTS:
            return None
        try:
            report = write_crash_report(
                self._reports_dir, error, datetime.now().astimezone(), RUNNING
            )
        except Exception as failure:  # a full disk, say: the last resort must not fail too
            print(f"No crash report was written: {summary(failure)}", file=sys.stderr)
            return None
        self.reports.append(report)
        return report

    def _tell(self, error: BaseException, report: Path | None) -> None:
        if self._messages is None or self._telling:
            return
        self._telling = True
        try:
            if isinstance(error, WorkDiaryError):
                title, text = NOT_DONE, f"{error}\n\n{STILL_TYPED}"
            else:
                title, text = TITLE, fault_text(error, report)
            self._messages.error(QApplication.activeWindow(), title, text)
        finally:
            self._telling = False


def fault_text(error: BaseException, report: Path | None, *, opening: bool = False) -> str:
    """What the user is told: `opening` when the window itself could not be made."""
    where = (
        report_kept(report, "" if opening else " in your data folder (Help > Open data folder)")
        if report is not None
        else "No report could be saved this time."
    )
    if opening:
        what = (
            "Work Diary hit a fault of its own while opening its window. It is not something "
            "you did, and your diary has not been changed."
        )
    else:
        what = (
            "Work Diary hit a fault of its own. It is not something you did.\n\n"
            "What you were doing may not have finished. What was saved before is safe, and the "
            "window still holds what you typed: if you were saving, look at “Last saved” at the "
            "bottom of the window, and save again if it has not changed."
        )
    return f"{what}\n\nDetails: {summary(error)}\n\n{where}"
