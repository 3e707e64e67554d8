"""The desktop app on the 10-year sample diary: start-up and memory of `workdiary --self-test`
against a bare PySide6 window, and how long History takes to open."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.harness import PYTHON, Result, process_environment
from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, fill_sample_diary

STARTUP_FLOOR_RATIO = 1.5
MEMORY_FLOOR_EXTRA_MB = 60.0
HISTORY_FLOOR_MS = 100.0
REPEATS = 9

BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.show()\n"
    "app.processEvents()\n"
)


def _run(argv: list[str], data_dir: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one whole process."""
    env = {**process_environment(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"{argv} failed with status {status}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def _median_runs(
    bare: list[str], app: list[str], data_dir: Path
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median seconds and peak MB of each, their runs taken in turn so that whatever else the
    machine is doing weighs on both alike."""
    _run(bare, data_dir), _run(app, data_dir)  # warm the disk and bytecode caches
    bare_runs, app_runs = [], []
    for _ in range(REPEATS):
        bare_runs.append(_run(bare, data_dir))
        app_runs.append(_run(app, data_dir))
    return _summary(bare_runs), _summary(app_runs)


def _summary(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s for s, _ in runs), max(mb for _, mb in runs)


def run() -> list[Result]:
    data_dir = Path(tempfile.mkdtemp(prefix="workdiary-bench-"))
    try:
        fill_sample_diary(data_dir / "diary.db", SAMPLE_LAST_WEEK_FOR_TESTS)
        (bare_s, bare_mb), (app_s, app_mb) = _median_runs(
            [PYTHON, "-c", BARE_WINDOW], [PYTHON, "-m", "workdiary", "--self-test"], data_dir
        )
        history_ms = _history_open_ms(data_dir)
    finally:
        shutil.rmtree(data_dir)
    ratio = app_s / bare_s
    extra_mb = app_mb - bare_mb
    return [
        Result(
            "`workdiary --self-test` start-up",
            f"{app_s * 1000:.0f} ms = {ratio:.2f}× a bare PySide6 window ({bare_s * 1000:.0f} ms;"
            f" floor {STARTUP_FLOOR_RATIO:g}×)",
            ratio <= STARTUP_FLOOR_RATIO,
        ),
        Result(
            "`workdiary --self-test` peak memory",
            f"{app_mb:.0f} MB = bare window + {extra_mb:.0f} MB ({bare_mb:.0f} MB; floor "
            f"+{MEMORY_FLOOR_EXTRA_MB:g} MB)",
            extra_mb <= MEMORY_FLOOR_EXTRA_MB,
        ),
        Result(
            f"open History on ten years (median of {REPEATS})",
            f"{history_ms:.1f} ms (floor {HISTORY_FLOOR_MS:g} ms)",
            history_ms <= HISTORY_FLOOR_MS,
        ),
    ]


def _history_open_ms(data_dir: Path) -> float:
    """Build the History page from the diary and show it, as the window does."""
    from PySide6.QtWidgets import QApplication

    from workdiary.storage import Diary
    from workdiary.ui.history_page import HistoryPage

    app = QApplication.instance() or QApplication([])
    timings = []
    with Diary.open(data_dir / "diary.db") as diary:
        for _ in range(REPEATS):
            started = time.perf_counter()
            page = HistoryPage(diary)
            page.show()
            app.processEvents()
            timings.append(time.perf_counter() - started)
            page.close()
            page.deleteLater()
    return statistics.median(timings) * 1000
