"""The evidence pack as a whole process, against LibreOffice converting just the same weekly
table from CSV to PDF, measured in the same run; and 20 years against 10."""

from __future__ import annotations

import csv
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.harness import PYTHON, Result, medians_in_turn, run_process
from workdiary.domain.figures import period_bounds, week_lines
from workdiary.domain.formatting import week_flags
from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, SAMPLE_WEEKS, fill_sample_diary
from workdiary.storage import Diary

LIBREOFFICE_FLOOR_RATIO = 0.5
TWENTY_YEARS_FLOOR_RATIO = 2.2
REPEATS = 5


def run() -> list[Result]:
    folder = Path(tempfile.mkdtemp(prefix="workdiary-bench-pack-"))
    try:
        ten = _exporting(folder / "ten", SAMPLE_WEEKS)
        twenty = _exporting(folder / "twenty", SAMPLE_WEEKS * 2)
        results = []
        soffice = shutil.which("soffice")
        if soffice is None:
            ten_s, twenty_s = medians_in_turn([ten, twenty], REPEATS)
            results.append(
                Result(
                    "pack (10 years) against LibreOffice",
                    f"{ten_s * 1000:.0f} ms; LibreOffice not installed, so not compared "
                    "(apt-get install libreoffice-calc-nogui)",
                    True,
                )
            )
        else:
            office = _libreoffice(soffice, folder / "ten", folder)
            ten_s, twenty_s, office_s = medians_in_turn([ten, twenty, office], REPEATS)
            results.append(
                Result(
                    "pack (10 years) as a process",
                    f"{ten_s * 1000:.0f} ms = {ten_s / office_s:.2f}× LibreOffice on the weekly "
                    f"table alone ({office_s * 1000:.0f} ms; floor {LIBREOFFICE_FLOOR_RATIO:g}×)",
                    ten_s / office_s <= LIBREOFFICE_FLOOR_RATIO,
                )
            )
        results.append(
            Result(
                "pack of 20 years against 10",
                f"{twenty_s * 1000:.0f} ms = {twenty_s / ten_s:.2f}× ({ten_s * 1000:.0f} ms; "
                f"floor {TWENTY_YEARS_FLOOR_RATIO:g}×)",
                twenty_s / ten_s <= TWENTY_YEARS_FLOOR_RATIO,
            )
        )
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _exporting(data_dir: Path, weeks: int) -> Callable[[], None]:
    """Exporting the whole of a sample diary of `weeks` weeks, as a process."""
    summary = fill_sample_diary(data_dir / "diary.db", SAMPLE_LAST_WEEK_FOR_TESTS, weeks=weeks)
    out = data_dir / "pack.pdf"
    argv = [PYTHON, "-m", "workdiary", "export", "--from", summary.first_week.isoformat(),
            "--to", summary.last_week.isoformat(), "--out", str(out)]  # fmt: skip

    def export() -> None:
        out.unlink(missing_ok=True)  # export never writes over a pack
        run_process(argv, data_dir)

    return export


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


def _libreoffice(soffice: str, data_dir: Path, folder: Path) -> Callable[[], None]:
    """LibreOffice converting the pack's weekly table from CSV to PDF, as a process."""
    table = folder / "weeks.csv"
    _weekly_table_csv(data_dir, table)
    profile = (folder / "office-profile").as_uri()
    argv = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
            "--outdir", str(folder / "office"), str(table)]  # fmt: skip

    def convert() -> None:
        subprocess.run(argv, check=True, capture_output=True, timeout=300)

    convert()  # its first start sets up a profile: not part of converting
    return convert
