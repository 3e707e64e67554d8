"""Opening the diary when something is wrong around it: a read-only folder, a full disk, an empty
file. Only a file that really is damaged is called damaged: a user told so may restore an old
backup over a perfectly good diary."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.clock import Clock
from tests.storage.conditions import (
    IS_WRITABLE,
    make_disk_full,
    make_file_read_only,
    make_read_only,
    make_room_again,
    make_writable_again,
)
from workdiary.domain.errors import DiaryDamaged, DiaryReadOnly, DiaryUnavailable, DiskFull
from workdiary.domain.records import Week
from workdiary.storage import Diary
from workdiary.storage import diary as diary_module
from workdiary.storage import errors as storage_errors

WEEK = Week(date(2026, 11, 16), 132.5, caseload=46, hours_worked=44.5, unpaid_hours=7.5)
NEXT = replace(WEEK, week_commencing=date(2026, 11, 9), capacity_pct=101.0)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the conditions use symbolic links")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def saved(diary_path: Path, clock: Clock) -> bytes:
    """A diary with a week in it, closed; its bytes."""
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(WEEK)
    return diary_path.read_bytes()


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def assert_not_called_damaged(error: BaseException) -> None:
    assert not isinstance(error, DiaryDamaged)
    assert "damaged" not in str(error) and "backup" not in str(error)


# A read-only folder


def test_a_diary_in_a_read_only_folder_can_still_be_read_and_checked(
    saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_read_only(diary_path.parent, monkeypatch)
    with Diary.open(diary_path, clock) as diary:
        assert diary.read_only is not None
        assert diary.weeks.get("2026-11-16").record == WEEK  # type: ignore[union-attr]
        assert len(diary.weeks.history("2026-11-16")) == 1
        report = diary.verify()
        assert report.intact and report.entries == 1
    assert diary_path.read_bytes() == saved


def test_saving_to_a_diary_in_a_read_only_folder_says_so_and_changes_nothing(
    saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_read_only(diary_path.parent, monkeypatch)
    with Diary.open(diary_path, clock) as diary:
        with pytest.raises(DiaryReadOnly) as raised:
            diary.weeks.save(NEXT)
        assert str(diary.read_only) == str(raised.value)
    said = str(raised.value)
    assert f"cannot write to the folder {diary_path.parent}" in said
    assert "read-only" in said and "Nothing was saved" in said and "your diary is safe" in said
    assert_not_called_damaged(raised.value)
    assert diary_path.read_bytes() == saved


def test_a_diary_opened_read_only_is_saved_to_once_its_folder_can_be_written_to_again(
    saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A memory stick put in locked, then unlocked: the next save goes into the very same file,
    without opening the diary again, and leaves what was saved before as it was."""
    make_read_only(diary_path.parent, monkeypatch)
    file_before = os.stat(diary_path).st_ino
    with Diary.open(diary_path, clock) as diary:
        with pytest.raises(DiaryReadOnly):
            diary.weeks.save(NEXT)
        assert diary.read_only is not None  # still shown, still read
        assert diary.weeks.get("2026-11-16").record == WEEK  # type: ignore[union-attr]
        make_writable_again(diary_path.parent, monkeypatch)
        assert diary.weeks.save(NEXT).action == "created"
        assert diary.read_only is None
        assert diary.weeks.save(replace(NEXT, notes="Two reports due")).action == "amended"
    assert os.stat(diary_path).st_ino == file_before
    with Diary.open(diary_path, clock) as diary:
        assert diary.read_only is None
        assert [entry.record for entry in diary.weeks.all()] == [
            replace(NEXT, notes="Two reports due"),
            WEEK,
        ]
        assert [event.action for event in diary.weeks.history("2026-11-16")] == ["create"]
        report = diary.verify()
        assert report.intact and report.entries == 3


def test_a_read_only_diary_file_is_read_only_from_the_start_and_saved_to_once_writable(
    saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite opens a read-only file without a word and fails only at a save, which would then
    fail until the window was opened again: the system is asked first."""
    make_file_read_only(diary_path, monkeypatch)
    with Diary.open(diary_path, clock) as diary:
        assert f"cannot write to your diary {diary_path}: the file is read-only" in str(
            diary.read_only
        )
        with pytest.raises(DiaryReadOnly) as raised:
            diary.weeks.save(NEXT)
        assert "open it again" not in str(raised.value)
        assert diary_path.read_bytes() == saved
        monkeypatch.setattr(storage_errors, "is_writable", IS_WRITABLE)  # the file made writable
        assert diary.weeks.save(NEXT).action == "created"
        assert diary.read_only is None
    with Diary.open(diary_path, clock) as diary:
        assert len(diary.weeks.all()) == 2 and diary.verify().intact


def test_files_sqlite_made_beside_a_read_only_diary_do_not_keep_it_read_only_after(
    saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite makes its -wal and -shm files with the diary file's permissions, and leaves them
    when it only reads: once the file is writable again they would refuse every save, even after
    a restart. (Root, whom permissions do not stop, can only see their modes.)"""
    diary_path.chmod(0o444)
    make_file_read_only(diary_path, monkeypatch)
    with Diary.open(diary_path, clock) as diary:
        assert diary.read_only is not None
    companions = [diary_path.with_name(diary_path.name + end) for end in ("-wal", "-shm")]
    assert all(not file.stat().st_mode & stat.S_IWUSR for file in companions)  # as SQLite left them
    diary_path.chmod(0o600)
    monkeypatch.setattr(storage_errors, "is_writable", IS_WRITABLE)
    with Diary.open(diary_path, clock) as diary:
        assert all(stat.S_IMODE(file.stat().st_mode) == 0o600 for file in companions)
        assert diary.weeks.save(NEXT).action == "created"


def test_a_read_only_diary_replaced_by_another_file_is_not_saved_to_when_writable_again(
    tmp_path: Path, saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another copy of a diary put where the one read was: saving to it what was typed from the
    first would mix two diaries."""
    other = tmp_path / "other" / "diary.db"
    with Diary.open(other, clock) as elsewhere:
        elsewhere.weeks.save(replace(WEEK, capacity_pct=90.0))
    make_read_only(diary_path.parent, monkeypatch)
    with Diary.open(diary_path, clock) as diary:
        os.replace(other, diary_path)
        replacement = diary_path.read_bytes()
        make_writable_again(diary_path.parent, monkeypatch)
        with pytest.raises(DiaryUnavailable, match="no longer the diary") as raised:
            diary.weeks.save(NEXT)
        assert "Close Work Diary and open it again" in str(raised.value)
        assert_not_called_damaged(raised.value)
        assert diary.read_only is not None
        assert diary.weeks.get("2026-11-16").record == WEEK  # type: ignore[union-attr]
    assert diary_path.read_bytes() == replacement


def test_a_read_only_diary_whose_disk_has_gone_is_not_made_afresh_by_a_save(
    saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_read_only(diary_path.parent, monkeypatch)
    with Diary.open(diary_path, clock) as diary:
        shutil.rmtree(diary_path.parent)  # the memory stick taken out
        with pytest.raises(DiaryUnavailable, match="cannot find your diary") as raised:
            diary.weeks.save(NEXT)
        assert "removed or disconnected" in str(raised.value)
        assert diary.read_only is not None
    assert not diary_path.parent.exists()


CANNOT_SAVE = pytest.mark.parametrize(
    ("condition", "refusal", "words"),
    [(make_read_only, DiaryReadOnly, "read-only"), (make_disk_full, DiskFull, "no space left")],
    ids=["read-only folder", "full disk"],
)


@CANNOT_SAVE
def test_a_read_only_folder_holding_saves_not_yet_in_the_file_is_not_read_without_them(
    condition: Callable[[Path, pytest.MonkeyPatch], None],
    refusal: type[DiaryUnavailable],
    words: str,
    tmp_path: Path,
    diary_path: Path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A -wal left beside the diary (the folder made read-only while Work Diary had it open, say)
    holds the latest saves: reading the file without it would show an older diary as if whole."""
    writer = Diary.open(diary_path, clock)
    writer.connection.execute("PRAGMA wal_autocheckpoint = 0")
    # Stopped, as by a crash, after the save and before it was copied into the file itself.
    monkeypatch.setattr(Diary, "_empty_the_wal", lambda _diary: None)
    writer.weeks.save(WEEK)
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("diary.db", "diary.db-wal"):  # as a crash would leave them
        (copy / name).write_bytes((diary_path.parent / name).read_bytes())
    writer.close()
    before = {name: (copy / name).read_bytes() for name in ("diary.db", "diary.db-wal")}
    condition(copy, monkeypatch)
    with pytest.raises(refusal) as raised:
        Diary.open(copy / "diary.db", clock)
    said = str(raised.value)
    assert words in said and "diary.db-wal" in said and "your diary is safe" in said
    assert_not_called_damaged(raised.value)
    assert {name: (copy / name).read_bytes() for name in before} == before


@CANNOT_SAVE
def test_a_diary_that_needs_updating_in_a_read_only_folder_is_refused_in_words(
    condition: Callable[[Path, pytest.MonkeyPatch], None],
    refusal: type[DiaryUnavailable],
    words: str,
    diary_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    diary_path.parent.mkdir(parents=True)
    with sqlite3.connect(diary_path) as connection:  # a diary begun, its tables not yet made
        connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    before = diary_path.read_bytes()
    condition(diary_path.parent, monkeypatch)
    with pytest.raises(refusal, match="bring the diary up to date") as raised:
        Diary.open(diary_path)
    assert words in str(raised.value)
    assert_not_called_damaged(raised.value)
    assert diary_path.read_bytes() == before


def test_a_damaged_diary_in_a_read_only_folder_is_still_called_damaged(
    diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Diary.open(diary_path, clock) as diary:
        for week in range(30):
            monday = date(2026, 11, 16) - timedelta(weeks=week)
            diary.weeks.save(replace(WEEK, week_commencing=monday, notes="n" * 2000))
    data = bytearray(diary_path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 64] = b"\xff" * 64
    diary_path.write_bytes(bytes(data))
    make_read_only(diary_path.parent, monkeypatch)
    with pytest.raises(DiaryDamaged, match="damaged"):
        Diary.open(diary_path, clock)
    assert diary_path.read_bytes() == bytes(data)


def test_no_new_diary_can_be_made_in_a_read_only_folder_and_it_says_so(
    private_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_data_dir.mkdir()
    make_read_only(private_data_dir, monkeypatch)

    def refused(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(diary_module, "_create_private_file", refused)
    with pytest.raises(DiaryReadOnly) as raised:
        Diary.open(private_data_dir / "diary.db")
    assert f"cannot make your diary in the folder {private_data_dir}" in str(raised.value)
    assert "read-only" in str(raised.value)
    assert files_in(private_data_dir) == ["diary.db-shm"]  # the stand-in's own


# A full disk


def test_a_diary_on_a_full_disk_can_still_be_read_and_checked(
    saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite cannot open a diary, even to read it, without room for the -shm file it keeps
    beside it; someone whose disk is full still needs to see and check their record."""
    make_disk_full(diary_path.parent, monkeypatch)
    with Diary.open(diary_path, clock) as diary:
        assert isinstance(diary.read_only, DiskFull)
        assert diary.weeks.get("2026-11-16").record == WEEK  # type: ignore[union-attr]
        assert len(diary.weeks.history("2026-11-16")) == 1
        report = diary.verify()
        assert report.intact and report.entries == 1
    assert diary_path.read_bytes() == saved


def test_saving_on_a_full_disk_says_it_is_full_and_saves_once_there_is_room(
    saved: bytes, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_disk_full(diary_path.parent, monkeypatch)
    with Diary.open(diary_path, clock) as diary:
        with pytest.raises(DiskFull) as raised:
            diary.weeks.save(NEXT)
        said = str(raised.value)
        assert f"no space left on the disk that holds {diary_path.parent}" in said
        assert "your diary is safe" in said and "Free some space" in said
        assert_not_called_damaged(raised.value)
        assert diary_path.read_bytes() == saved
        assert diary.weeks.get(NEXT.week_commencing.isoformat()) is None
        assert isinstance(diary.read_only, DiskFull)  # still shown, still read
        make_room_again(diary_path.parent, monkeypatch)
        assert diary.weeks.save(NEXT).action == "created"
        assert diary.read_only is None
    with Diary.open(diary_path, clock) as diary:
        assert diary.read_only is None
        report = diary.verify()
        assert report.intact and report.entries == 2


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (sqlite3.SQLITE_CANTOPEN, "unable to open database file"),
        (sqlite3.SQLITE_IOERR_SHMSIZE, "disk I/O error"),
        (sqlite3.SQLITE_IOERR, "disk I/O error"),
    ],
)
def test_sqlites_could_not_open_or_write_is_never_called_damage(
    code: int, words: str, diary_path: Path
) -> None:
    """With the folder writable and room on the disk, the cause is unknown (a drive removed,
    say): the message says what can be done, and nothing of damage or backups."""
    diary_path.parent.mkdir(parents=True)
    error = sqlite3.OperationalError(words)
    error.sqlite_errorcode = code
    plain = storage_errors.user_error_for(error, diary_path)
    assert isinstance(plain, DiaryUnavailable)
    assert str(diary_path) in str(plain) and "your diary is safe" in str(plain)
    assert_not_called_damaged(plain)


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
        f"Your diary file {diary_path} is empty: a copy or sync that did not finish may have "
        "cut it short. Nothing was saved or changed: Work Diary has not written to the file.\n\n"
        "What to do: if you have an earlier copy of your diary (a backup of this computer, or a "
        "copy of diary.db on a memory stick, say), close Work Diary, put that copy in place of "
        "the empty file, named diary.db, and check it (Help → Check your diary, or `workdiary "
        "verify`). If you have no copy, ask whoever looks after Work Diary or this computer for "
        "help."
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
