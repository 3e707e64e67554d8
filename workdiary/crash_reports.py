"""Crash reports: when Work Diary hits a fault of its own, what went wrong and where, written to a
small text file beside the diary for whoever looks after the app to read."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

import workdiary
from workdiary.files import write_atomically

# Beside the diary, in the data folder: private to the user, like everything else there.
CRASH_REPORTS_FOLDER = "crash-reports"


def summary(error: BaseException) -> str:
    """One line naming the fault, for a message and a report's heading."""
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def report_kept(report: Path, finding_it: str = "") -> str:
    """Telling the user where a report went (`finding_it`: how to get there), and to read it
    before they send it: the exception's own words may quote their diary."""
    return (
        f"A report for whoever looks after Work Diary for you was saved{finding_it} as\n"
        f"{report}\nIt may quote your diary: read it before you send it to anyone."
    )


def write_crash_report(folder: Path, error: BaseException, when: datetime, running: str) -> Path:
    """Write a report of `error` into `folder` (made private if need be, inside a folder that is
    there already) and return its path. `running` says what met the fault: the window, with the
    Qt it runs on, or a command. Raises OSError or FileNotWritten when the folder cannot take it."""
    # Imported here: only a fault needs it, and every start would pay for it.
    import platform

    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = when.strftime("%Y-%m-%d-%H%M%S")
    path = folder / f"crash-{stamp}.txt"
    number = 1
    while path.exists():  # two faults in one second: neither report replaces the other
        number += 1
        path = folder / f"crash-{stamp}-{number}.txt"
    lines = [
        "Work Diary crash report",
        "",
        f"When: {when.isoformat(timespec='seconds')}",
        f"Running: {running}",
        f"Work Diary {workdiary.__version__} · Python {platform.python_version()}",
        f"System: {platform.platform()}",
        f"What went wrong: {summary(error)}",
        "",
        # The exception's own words may quote the diary: the user is told so (`report_kept`).
        "".join(traceback.format_exception(error)).rstrip(),
        "",
    ]
    write_atomically(path, "\n".join(lines).encode("utf-8", errors="replace"))
    return path
