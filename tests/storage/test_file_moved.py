"""The diary file taken from under an open diary: moved or deleted, or another file put in its
place (a backup restored over it, a sync, another memory stick). SQLite would go on saving to
the file it opened, wherever that now is; a save must instead say that it could not be made,
and leave whatever is now at the diary's path as it is."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.clock import Clock
from workdiary.domain.errors import DiaryUnavailable
from workdiary.domain.records import Week
from workdiary.storage import Diary

WEEK = Week(date(2026, 11, 16), 132.5, caseload=46, hours_worked=44.5, unpaid_hours=7.5)
NEXT = replace(WEEK, week_commencing=date(2026, 11, 9), capacity_pct=101.0)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in `folder` and its contents, an empty -wal or -shm counted as not there."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.stat().st_size or not path.name.endswith(("-wal", "-shm"))
    }


def weeks_in(path: Path) -> list[str]:
    with Diary.open(path, Clock()) as diary:
        return [week.key for week in diary.weeks.all()]


def test_a_backup_restored_over_an_open_diary_is_not_saved_to_nor_changed(
    tmp_path: Path, diary_path: Path
) -> None:
    with Diary.open(diary_path, Clock()) as diary:
        diary.weeks.save(WEEK)
    backup = tmp_path / "backup.db"
    shutil.copyfile(diary_path, backup)
    with Diary.open(diary_path, Clock()) as diary:
        diary.weeks.save(replace(WEEK, capacity_pct=140.0))
        # Restored as people do: copied in beside it, then named over it.
        shutil.copyfile(backup, diary_path.with_name("restoring"))
        diary_path.with_name("restoring").replace(diary_path)
        restored = fingerprint(diary_path.parent)
        with pytest.raises(DiaryUnavailable, match="no longer the diary Work Diary opened"):
            diary.weeks.save(NEXT)
        assert fingerprint(diary_path.parent) == restored
    assert fingerprint(diary_path.parent) == restored  # closing it wrote nothing there either
    with Diary.open(diary_path, Clock()) as restored_diary:
        assert restored_diary.verify().intact
        entry = restored_diary.weeks.get(WEEK.week_commencing.isoformat())
        assert entry is not None and entry.record.capacity_pct == WEEK.capacity_pct


def test_a_diary_deleted_while_open_is_not_said_to_be_saved(diary_path: Path) -> None:
    with Diary.open(diary_path, Clock()) as diary:
        diary.weeks.save(WEEK)
        for path in diary_path.parent.iterdir():
            path.unlink()
        with pytest.raises(DiaryUnavailable, match="cannot find your diary"):
            diary.weeks.save(NEXT)


def test_a_diary_moved_away_and_back_is_saved_to_as_before(
    tmp_path: Path, diary_path: Path
) -> None:
    with Diary.open(diary_path, Clock()) as diary:
        diary.weeks.save(WEEK)
        away = tmp_path / "away.db"
        diary_path.rename(away)
        with pytest.raises(DiaryUnavailable, match="cannot find your diary"):
            diary.weeks.save(NEXT)
        away.rename(diary_path)  # the same file, put back
        diary.weeks.save(NEXT)
    assert weeks_in(diary_path) == sorted(
        [WEEK.week_commencing.isoformat(), NEXT.week_commencing.isoformat()]
    )


def test_a_copy_of_the_diary_file_made_while_it_is_open_holds_every_save(
    tmp_path: Path, diary_path: Path
) -> None:
    """People back up diary.db alone, by hand, with the window open: the file itself must hold
    what was saved, not the -wal beside it."""
    with Diary.open(diary_path, Clock()) as diary:
        diary.weeks.save(WEEK)
        diary.weeks.save(NEXT)
        copy = tmp_path / "copy" / "diary.db"
        copy.parent.mkdir()
        shutil.copyfile(diary_path, copy)
    assert weeks_in(copy) == sorted(
        [WEEK.week_commencing.isoformat(), NEXT.week_commencing.isoformat()]
    )
