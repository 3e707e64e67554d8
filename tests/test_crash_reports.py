"""Crash reports: what went wrong and where, one file for each fault, none written over another."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from workdiary.crash_reports import write_crash_report

WHEN = datetime(2026, 11, 20, 17, 45, 3, tzinfo=UTC)


def fault(message: str) -> ValueError:
    try:
        raise ValueError(message)
    except ValueError as error:
        return error


def test_two_faults_in_one_second_keep_a_report_each(tmp_path: Path) -> None:
    folder = tmp_path / "crash-reports"
    first = write_crash_report(folder, fault("first < & > ŵ"), WHEN, "Qt 6")
    second = write_crash_report(folder, fault("second"), WHEN, "Qt 6")
    assert first != second and sorted(folder.iterdir()) == sorted([first, second])
    text = first.read_text(encoding="utf-8")
    assert "When: 2026-11-20T17:45:03+00:00" in text
    assert "What went wrong: ValueError: first < & > ŵ" in text
    assert "in fault" in text  # the traceback, down to the function that raised
    assert "What went wrong: ValueError: second" in second.read_text(encoding="utf-8")
