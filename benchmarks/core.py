"""The diary's core on the 10-year sample diary: saving a week, verify, and `workdiary show`."""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from benchmarks.harness import PYTHON, Result, median_seconds, process_seconds
from workdiary.domain.dates import week_commencing
from workdiary.sample_diary import fill_sample_diary
from workdiary.storage import Diary

SAVE_FLOOR_MS = 5.0
VERIFY_FLOOR_S = 0.5
SHOW_FLOOR_RATIO = 3.0


def run() -> list[Result]:
    data_dir = Path(tempfile.mkdtemp(prefix="workdiary-bench-"))
    try:
        started = time.perf_counter()
        fill_sample_diary(data_dir / "diary.db", week_commencing(date.today()))
        fill_seconds = time.perf_counter() - started
        print(f"(sample diary of ten years filled in {fill_seconds:.2f} s)")
        return [_save_a_week(data_dir), _verify(data_dir), _show(data_dir)]
    finally:
        shutil.rmtree(data_dir)


def _save_a_week(data_dir: Path) -> Result:
    """Validation, write and audit entry, each save a real amendment in its own transaction."""
    with Diary.open(data_dir / "diary.db") as diary:
        entry = diary.weeks.all()[-1]
        timings = []
        for index in range(200):
            week = replace(entry.record, capacity_pct=100.0 + index % 50)
            started = time.perf_counter()
            diary.weeks.save(week)
            timings.append(time.perf_counter() - started)
    median_ms = statistics.median(timings) * 1000
    return Result(
        "save a week (median of 200)",
        f"{median_ms:.2f} ms (floor {SAVE_FLOOR_MS:g} ms)",
        median_ms <= SAVE_FLOOR_MS,
    )


def _verify(data_dir: Path) -> Result:
    with Diary.open(data_dir / "diary.db") as diary:
        entries = diary.audit.count()
        seconds = median_seconds(diary.verify, 5)
    return Result(
        f"verify the whole diary ({entries:,} audit entries)",
        f"{seconds:.3f} s (floor {VERIFY_FLOOR_S:g} s)",
        seconds <= VERIFY_FLOOR_S,
    )


def _show(data_dir: Path) -> Result:
    baseline = process_seconds([PYTHON, "-c", "import sqlite_utils"], data_dir, 7)
    show = process_seconds([PYTHON, "-m", "workdiary", "show"], data_dir, 7)
    ratio = show / baseline
    return Result(
        "`workdiary show` as a process",
        f"{show * 1000:.0f} ms = {ratio:.2f}× `import sqlite_utils` ({baseline * 1000:.0f} ms; "
        f"floor {SHOW_FLOOR_RATIO:g}×)",
        ratio <= SHOW_FLOOR_RATIO,
    )
