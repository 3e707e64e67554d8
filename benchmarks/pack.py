"""The evidence pack as a whole process, against LibreOffice converting just the same weekly
table from CSV to PDF, measured in the same run; and 20 years against 10."""

from __future__ import annotations

import csv
import shutil
import subprocess
import tempfile
from pathlib import Path

from benchmarks.harness import PYTHON, Result, median_seconds, run_process
from workdiary.domain.figures import period_bounds, week_lines
from workdiary.domain.formatting import week_flags
from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, SAMPLE_WEEKS, fill_sample_diary
from workdiary.storage import Diary

LIBREOFFICE_FLOOR_RATIO = 0.5
TWENTY_YEARS_FLOOR_RATIO = 2.2
REPEATS = 3


def run() -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="workdiary-bench-pack-"))
    try:
        ten = _export_seconds(folder / "ten", SAMPLE_WEEKS)
        twenty = _export_seconds(folder / "twenty", SAMPLE_WEEKS * 2)
        results = []
        soffice = shutil.which("soffice")
        if soffice is None:
            results.append(
                Result(
                    "pack (10 years) against LibreOffice",
                    f"{ten * 1000:.0f} ms; LibreOffice not installed, so not compared "
                    "(apt-get install libreoffice-calc-nogui)",
                    True,
                )
            )
        else:
            office = _libreoffice_seconds(soffice, folder / "ten", folder)
            results.append(
                Result(
                    "pack (10 years) as a process",
                    f"{ten * 1000:.0f} ms = {ten / office:.2f}× LibreOffice on the weekly table "
                    f"alone ({office * 1000:.0f} ms; floor {LIBREOFFICE_FLOOR_RATIO:g}×)",
                    ten / office <= LIBREOFFICE_FLOOR_RATIO,
                )
            )
        results.append(
            Result(
                "pack of 20 years against 10",
                f"{twenty * 1000:.0f} ms = {twenty / ten:.2f}× ({ten * 1000:.0f} ms; "
                f"floor {TWENTY_YEARS_FLOOR_RATIO:g}×)",
                twenty / ten <= TWENTY_YEARS_FLOOR_RATIO,
            )
        )
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _export_seconds(data_dir: Path, weeks: int) -> float:
    summary = fill_sample_diary(data_dir / "diary.db", SAMPLE_LAST_WEEK_FOR_TESTS, weeks=weeks)
    argv = [PYTHON, "-m", "workdiary", "export", "--from", summary.first_week.isoformat(),
            "--to", summary.last_week.isoformat(), "--out", str(data_dir / "pack.pdf")]  # fmt: skip
    run_process(argv, data_dir)  # warm the disk cache
    return median_seconds(lambda: run_process(argv, data_dir), REPEATS)


def _weekly_table_csv(data_dir: Path, target: Path) -> None:
    """The pack's weekly table, as CSV: what LibreOffice is given to lay out."""
    with Diary.open(data_dir / "diary.db") as diary:
        entries, profile = diary.weeks.all(), diary.profile()
        bounds = period_bounds(entries, SAMPLE_LAST_WEEK_FOR_TESTS, None, None)
        assert bounds is not None
        lines = week_lines(entries, profile, *bounds)
    with target.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["Week commencing", "WMT capacity", "Caseload", "Hours worked",
                         "Contracted", "Unpaid hours", "First recorded", "Flags"])  # fmt: skip
        for line in lines:
            week = line.entry.record if line.entry else None
            writer.writerow([
                line.week_commencing.isoformat(),
                week.capacity_pct if week else "",
                week.caseload if week and week.caseload is not None else "",
                week.hours_worked if week and week.hours_worked is not None else "",
                week.contracted_hours if week and week.contracted_hours is not None else "",
                week.unpaid_hours if week and week.unpaid_hours is not None else "",
                line.entry.first_recorded_at.date().isoformat() if line.entry else "",
                ", ".join(flag.text for flag in week_flags(line, profile)),
            ])  # fmt: skip


def _libreoffice_seconds(soffice: str, data_dir: Path, folder: Path) -> float:
    table = folder / "weeks.csv"
    _weekly_table_csv(data_dir, table)
    profile = (folder / "office-profile").as_uri()
    argv = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
            "--outdir", str(folder / "office"), str(table)]  # fmt: skip

    def convert() -> None:
        subprocess.run(argv, check=True, capture_output=True, timeout=300)

    convert()  # its first start sets up a profile: not part of converting
    return median_seconds(convert, REPEATS)
