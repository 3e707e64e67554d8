"""Atomic writes: the new file whole, or the old one untouched, and never a stray temp file."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

import pytest

from workdiary.files import FileNotWritten, write_atomically


def leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name != keep)


def test_writes_the_bytes_and_returns_their_sha256(tmp_path: Path) -> None:
    target = tmp_path / "notice.pdf"
    data = b"%PDF-1.4 letter \xc5\xb5"
    assert write_atomically(target, data) == hashlib.sha256(data).hexdigest()
    assert target.read_bytes() == data
    assert leftovers(tmp_path, "notice.pdf") == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_file_is_private_to_the_user(tmp_path: Path) -> None:
    target = tmp_path / "notice.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_replaces_an_existing_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"old contents, rather longer than the new")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path, "pack.pdf") == []


def test_the_file_and_then_its_folder_are_flushed_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(descriptor: int) -> None:
        flushed.append("folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    write_atomically(tmp_path / "a.pdf", b"data")
    assert flushed == (["file", "folder"] if os.name == "posix" else ["file"])


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failure_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the old pack")

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, disk_full)
    with pytest.raises(FileNotWritten, match="the disk is full") as raised:
        write_atomically(target, b"the new pack")
    assert str(target) in str(raised.value)
    assert target.read_bytes() == b"the old pack"
    assert leftovers(tmp_path, "pack.pdf") == []


def test_an_interruption_mid_write_also_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "a.pdf", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_reported_in_words(tmp_path: Path) -> None:
    with pytest.raises(FileNotWritten, match="that folder does not exist"):
        write_atomically(tmp_path / "no such folder" / "a.pdf", b"data")


def test_a_folder_in_the_way_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").mkdir()
    (tmp_path / "a.pdf" / "inside.txt").write_text("kept")
    with pytest.raises(FileNotWritten):
        write_atomically(tmp_path / "a.pdf", b"data")
    assert (tmp_path / "a.pdf" / "inside.txt").read_text() == "kept"
    assert leftovers(tmp_path, "a.pdf") == []


def test_a_file_in_the_way_of_a_folder_is_reported_in_words(tmp_path: Path) -> None:
    from workdiary.files import make_folder

    (tmp_path / "exports").write_text("kept")
    with pytest.raises(FileNotWritten, match="a file already has that name"):
        make_folder(tmp_path / "exports")
    with pytest.raises(FileNotWritten, match="part of that path is a file, not a folder"):
        write_atomically(tmp_path / "exports" / "a.pdf", b"data")
    assert (tmp_path / "exports").read_text() == "kept"
