"""Atomic file writes: a file the app produces is either the whole old one or the whole new one."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from workdiary.domain.errors import WorkDiaryError


class FileNotWritten(WorkDiaryError):
    """The file could not be written; whatever was at that path before is still there unchanged."""


def write_atomically(path: Path, data: bytes) -> str:
    """Write `data` to `path` so that a crash or a full disk never leaves half a file, and return
    the SHA-256 (hex) of the bytes written.

    The bytes go to a private (0600) temporary file in the same folder, are flushed to the disk,
    and only then renamed over the target; the folder is flushed too, so the rename survives a
    power cut. On any failure the temporary file is removed and the old file is left as it was."""
    path = Path(path)
    folder = path.parent
    digest = hashlib.sha256(data).hexdigest()
    # Imported here: every command reads the diary; few write a file of their own.
    import tempfile

    try:
        # mkstemp creates the file with mode 0600 on POSIX: exports are private, like the diary.
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise _not_written(path, error) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _not_written(path, error) from error
        raise
    _fsync_folder(folder)
    return digest


def claim_new_file(path: Path) -> None:
    """Create `path`, empty and private (0600), only if nothing has that name: the system checks
    and creates in one step, so a file made there since the user chose the name is never
    written over. A file kept whole then goes there with `write_atomically`, which replaces this
    empty one. Raises FileExistsError when the name is taken (each caller says so in its own
    words), and FileNotWritten when the file cannot be made."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # an OSError too, but not one to be put in other words here
        raise
    except OSError as error:
        raise _not_written(path, error) from error
    os.close(descriptor)


def first_free_name(path: Path, taken: Callable[[Path], bool] = os.path.lexists) -> Path:
    """`path`, or the first of `name-2.pdf`, `name-3.pdf`… that `taken` does not find: the name a
    file is offered under, never that of a file already there (a link to nowhere counts)."""
    free, number = path, 1
    while taken(free):
        number += 1
        free = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return free


def make_folder(folder: Path) -> None:
    """Create the folder (and its parents) if it is missing, for a file the user named."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _not_written(folder, error) from error


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Windows cannot open a folder to flush it, and some file
    systems refuse to; the file's own bytes are already safe by then, so that is not an error."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        flush_to_disk(folder)


def flush_to_disk(path: Path) -> None:
    """Have the disk hold what the file at `path` holds (or, for a folder, the names in it), so
    that a power cut cannot undo it."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _not_written(path: Path, error: OSError) -> FileNotWritten:
    reason = plain_reason(error)
    return FileNotWritten(f"Could not save {path}: {reason}. Nothing there has been changed.")


def plain_reason(error: OSError) -> str:
    """Why the operating system refused to write or make a file or folder, in plain words."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EACCES: "you do not have permission to write there, or the file is open in another "
        "program",
        errno.EPERM: "you do not have permission to write there",
        errno.EROFS: "that disk can only be read, not written to",
        errno.ENOENT: "that folder does not exist",
        errno.EISDIR: "a folder already has that name",
        errno.ENOTDIR: "part of that path is a file, not a folder",
        errno.EEXIST: "a file already has that name",
    }
    # Not every platform's errno has EDQUOT (a disk quota) as a name.
    reasons[getattr(errno, "EDQUOT", errno.ENOSPC)] = reasons[errno.ENOSPC]
    return reasons.get(error.errno or 0, error.strerror or str(error))
