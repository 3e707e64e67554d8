"""Opening the diary when something is wrong around it: a read-only folder, a full disk, an empty
file. Only a file that really is damaged is called damaged: a user told so may restore an old
backup over a perfectly good diary."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.clock import Clock
from workdiary.domain.errors import DiaryDamaged, DiskFull
from workdiary.domain.records import Week
from workdiary.storage import Diary
from workdiary.storage import diary as diary_module

WEEK = Week(date(2026, 11, 16), 132.5, caseload=46, hours_worked=44.5, unpaid_hours=7.5)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# An empty file, and a new diary


def test_an_empty_diary_file_is_refused_and_never_written_over(
    diary_path: Path, clock: Clock
) -> None:
    """SQLite takes an empty file for a new database: Work Diary would have written a new diary
    into the file a copy or a sync had cut short, and `verify` called it intact."""
    diary_path.parent.mkdir(parents=True)
    diary_path.touch()
    with pytest.raises(DiaryDamaged) as raised:
        Diary.open(diary_path, clock)
    assert str(raised.value) == (
        f"The diary file {diary_path} is empty: it may have been cut short by a copy or sync "
        "that did not finish. Work Diary has not changed it. Keep a copy of it safe, and "
        "restore a backup if you have one."
    )
    assert diary_path.read_bytes() == b""
    assert files_in(diary_path.parent) == ["diary.db"]


def test_a_diary_cut_short_is_called_damaged(diary_path: Path, clock: Clock) -> None:
    with Diary.open(diary_path, clock) as diary:
        for week in range(30):
            monday = date(2026, 11, 16) - timedelta(weeks=week)
            diary.weeks.save(replace(WEEK, week_commencing=monday, notes="n" * 2000))
    data = diary_path.read_bytes()
    diary_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DiaryDamaged, match="damaged"):
        Diary.open(diary_path, clock)
    assert diary_path.read_bytes() == data[: len(data) // 2]


def test_a_missing_diary_is_made_whole_under_its_own_name_with_nothing_left_beside_it(
    diary_path: Path, clock: Clock
) -> None:
    Diary.open(diary_path, clock).close()
    assert files_in(diary_path.parent) == ["diary.db"]
    assert diary_path.read_bytes().startswith(b"SQLite format 3\x00")
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(WEEK)
        assert diary.verify().intact


def test_a_new_diary_that_cannot_be_made_leaves_no_empty_file_to_be_refused_later(
    diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first start on a full disk must not leave an empty diary.db behind: once there is room,
    the next start makes the diary, rather than refusing a file cut short."""
    real_connect = sqlite3.connect

    def full(*args: object, **kwargs: object) -> sqlite3.Connection:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr(diary_module.sqlite3, "connect", full)
    with pytest.raises(DiskFull):
        Diary.open(diary_path, clock)
    assert files_in(diary_path.parent) == []
    monkeypatch.setattr(diary_module.sqlite3, "connect", real_connect)
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(WEEK)
