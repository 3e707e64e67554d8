"""A read-only folder and a full disk, as Work Diary meets them, without root, mounts or chattr.

Tests run as any user, root too (whom permissions do not stop), so each condition is made of
its two halves: what SQLite meets (it cannot make the -shm file it keeps beside a diary: the
name points nowhere, so SQLite really fails, with the very error it gives in a read-only folder
or on a full disk) and what the operating system answers when Work Diary asks why (stood in for).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workdiary.storage import errors as storage_errors

IS_WRITABLE = getattr(storage_errors, "is_writable", None)
FREE_BYTES = getattr(storage_errors, "free_bytes", None)


def block_shared_memory(diary_path: Path) -> None:
    """SQLite can no longer make the diary's -shm file, as in a read-only folder."""
    shm = diary_path.with_name(diary_path.name + "-shm")
    assert not shm.exists(), "close the diary first: closing removes its -shm file"
    shm.symlink_to(diary_path.parent / "no such folder" / "shm")


def make_read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The diary's folder can no longer be written to: a locked folder, a disk mounted
    read-only. (raising=False: on a version without the question, nothing is asked.)"""
    block_shared_memory(folder / "diary.db")
    real = getattr(storage_errors, "is_writable", None)

    def is_writable(path: Path) -> bool:
        return False if Path(path) == folder or real is None else real(path)

    monkeypatch.setattr(storage_errors, "is_writable", is_writable, raising=False)


def make_writable_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder made read-only can be written to again: the memory stick unlocked, the
    permissions put right."""
    folder.joinpath("diary.db-shm").unlink()
    monkeypatch.setattr(storage_errors, "is_writable", IS_WRITABLE, raising=False)


def make_file_read_only(diary_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The diary file itself is marked read-only (copied from a disc, say), in a folder that can
    be written to. Only the system's answer is stood in: SQLite, as root, would still write."""
    real = IS_WRITABLE
    assert real is not None

    def is_writable(path: Path) -> bool:
        return False if Path(path) == diary_path else real(path)

    monkeypatch.setattr(storage_errors, "is_writable", is_writable)


def make_disk_full(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk that holds the diary has no room left."""
    block_shared_memory(folder / "diary.db")
    monkeypatch.setattr(storage_errors, "free_bytes", lambda _folder: 0, raising=False)


def make_room_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The full disk has room again: files deleted or moved elsewhere."""
    folder.joinpath("diary.db-shm").unlink()
    monkeypatch.setattr(storage_errors, "free_bytes", FREE_BYTES, raising=False)
