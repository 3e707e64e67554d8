"""Every test runs offscreen, with its own data folder: nothing touches the user's real diary."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """WORKDIARY_DATA_DIR points at a fresh folder, and the platform's data folders do too, so a
    test that forgot to name a folder still cannot reach the real one."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv("WORKDIARY_DATA_DIR", str(data_dir))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "share"))
    yield data_dir


@pytest.fixture
def diary_path(private_data_dir: Path) -> Path:
    return private_data_dir / "diary.db"
