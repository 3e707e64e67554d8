"""Every test runs offscreen, with its own data folder: nothing touches the user's real diary."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from workdiary.crash_reports import CRASH_REPORTS_FOLDER

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Path]:
    """WORKDIARY_DATA_DIR points at a fresh folder, and the platform's data folders do too, so a
    test that forgot to name a folder still cannot reach the real one.

    A crash report left there fails the test: the app tells a fault through its messages, which
    a test's scripted stand-in would otherwise take in without a word."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("WORKDIARY_DATA_DIR", str(data_dir))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "share"))
    yield data_dir
    reports = data_dir / CRASH_REPORTS_FOLDER
    if reports.exists() and request.node.get_closest_marker("crash_report_expected") is None:
        found = "\n\n".join(report.read_text(encoding="utf-8") for report in reports.iterdir())
        pytest.fail(f"Work Diary met a fault the test did not expect:\n{found}")


@pytest.fixture
def diary_path(private_data_dir: Path) -> Path:
    return private_data_dir / "diary.db"
