"""Turning SQLite's and the operating system's errors into messages a user can act on.

SQLite says "unable to open database file" or "disk I/O error" alike when its disk is full, when
the folder will not take the -wal and -shm files it keeps beside a diary (a read-only folder or
disk), and when a disk fails. So before a message says why, the operating system is asked: can
the folder and the file be written to, and is there room? A file is only ever called damaged
when SQLite has read it and found it so: a user told so may restore an old backup over it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workdiary.domain.errors import (
    DiaryDamaged,
    DiaryLocked,
    DiaryReadOnly,
    DiaryUnavailable,
    DiskFull,
    WorkDiaryError,
)

# Less room than this, when a write has failed, is why it failed: SQLite needs 32 KiB for the
# -shm file alone, and a page or two of the -wal for the smallest save.
LOW_SPACE_BYTES = 1024 * 1024

# SQLite's result codes that say a file could not be opened, read or written. Each can come from
# a read-only folder or disk, a full disk, or a failing one: never from a damaged file (that is
# SQLITE_CORRUPT or SQLITE_NOTADB).
COULD_NOT_WRITE = (
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_PERM,
)

SAFE = "Nothing was saved or changed: your diary is safe."
FREE_SOME_SPACE = "Free some space (delete or move files you no longer need), then try again."


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code for `error` (SQLITE_IOERR for SQLITE_IOERR_SHMSIZE…), or None
    when the error did not come from SQLite itself."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


# Said of a diary file Work Diary refuses as damaged, empty or not a diary: it has not been
# written to, not even the saves waiting beside it (see diary._check_without_writing).
NOT_WRITTEN_TO = "Nothing was saved or changed: Work Diary has not written to the file."
# The longest technical detail a message quotes (SQLite's check can list a page of problems).
LONGEST_DETAIL = 200


def _put_a_copy_back(path: Path, the_file: str, *, keep: bool = True) -> str:
    """What a user can do about a diary file that cannot be read (`the_file`, as the message
    calls it), in steps they can follow without knowing what SQLite is. The README's "If your
    diary is damaged" says the same."""
    kept = (
        "first copy that file somewhere safe and keep the copy as it is: whoever helps you may "
        "be able to recover records from it. Then, "
        if keep
        else ""
    )
    return (
        f"What to do: {kept}if you have an earlier copy of your diary (a backup of this "
        f"computer, or a copy of {path.name} on a memory stick, say), close Work Diary, put that "
        f"copy in place of {the_file}, named {path.name}, and check it (Help → Check your "
        "diary, or `workdiary verify`). If you have no copy, ask whoever looks after Work Diary "
        "or this computer for help."
    )


def _for_a_helper(detail: str) -> str:
    """What was found, in SQLite's words or ours: after the plain words, for whoever helps."""
    detail = " ".join(detail.split())
    if len(detail) > LONGEST_DETAIL:
        detail = detail[: LONGEST_DETAIL - 1] + "…"
    return f"(For whoever helps you: {detail}.)"


def damaged(path: Path, detail: str) -> DiaryDamaged:
    """A diary file SQLite has read and found damaged; `detail` is what it said (SQLite's own
    words, which mean nothing to the user and something to whoever helps them)."""
    return DiaryDamaged(
        f"Your diary file {path} is damaged: Work Diary cannot read the records in it. "
        f"{NOT_WRITTEN_TO}\n\n{_put_a_copy_back(path, 'the damaged file')}\n\n"
        f"{_for_a_helper(detail)}"
    )


def not_a_diary(path: Path, detail: str) -> DiaryDamaged:
    """A file where the diary should be that holds no diary: damaged beyond recognition, or
    another file (another program's database, a document) put in its place."""
    return DiaryDamaged(
        f"The file {path} is not a diary Work Diary can read: it may be damaged, or another "
        f"kind of file may have been put in its place. {NOT_WRITTEN_TO}\n\n"
        f"{_put_a_copy_back(path, 'that file')}\n\n{_for_a_helper(detail)}"
    )


def empty(path: Path) -> DiaryDamaged:
    """An existing diary file with nothing in it: Work Diary never leaves one (a new diary is
    made whole under another name, then named), so something else cut it short."""
    return DiaryDamaged(
        f"Your diary file {path} is empty: a copy or sync that did not finish may have cut it "
        f"short. {NOT_WRITTEN_TO}\n\n{_put_a_copy_back(path, 'the empty file', keep=False)}"
    )


def missing(path: Path) -> DiaryUnavailable:
    """The diary, opened and read, is no longer where it was."""
    return DiaryUnavailable(
        f"Work Diary cannot find your diary {path}: the disk or folder that holds it may have "
        f"been removed or disconnected. {SAFE} Put it back, then try again."
    )


def links_to_nothing(path: Path) -> DiaryUnavailable:
    """The diary's name is a link to a file that is not there."""
    return DiaryUnavailable(
        f"Work Diary cannot find your diary: {path} is a link to {os.readlink(path)}, which is "
        f"not there. The disk or memory stick that holds it may not be plugged in. {SAFE} Put "
        "it back, then try again."
    )


def replaced(path: Path) -> DiaryUnavailable:
    """Another file, not the diary read so far, is where the diary was: saving to it would mix
    two diaries."""
    return DiaryUnavailable(
        f"Work Diary cannot save to your diary {path}: the file there is no longer the diary "
        "Work Diary opened (another copy of a diary may have been put in its place). "
        f"{SAFE} Close Work Diary and open it again, to see the diary that is there now."
    )


def is_writable(path: Path) -> bool:
    """Whether the operating system would let this user write to `path` (a file or a folder).
    Asked of the system, so a disk mounted read-only or a locked (immutable) folder answers no
    even to an administrator."""
    try:
        if os.name == "posix" and os.statvfs(path).f_flag & os.ST_RDONLY:
            return False
    except OSError:
        pass  # not there, or not asked: os.access still answers
    return os.access(path, os.W_OK)


def why_read_only(path: Path) -> DiaryReadOnly | None:
    """Why the diary at `path` can only be read, asked before SQLite opens it: SQLite opens a
    read-only file for reading only without a word, and fails only at the first save."""
    if is_writable(path):
        return None
    reason = cannot_write(path)
    return reason if isinstance(reason, DiaryReadOnly) else None


def free_bytes(folder: Path) -> int | None:
    """Room left on the disk that holds `folder`, for this user; 0 when no more files can be
    made on it at all; None when the system cannot say."""
    import shutil  # only asked when something has failed; it is slow to import

    try:
        if os.name == "posix":
            stats = os.statvfs(folder)
            if stats.f_files and not stats.f_favail:
                return 0
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def cannot_write(path: Path) -> DiaryUnavailable | None:
    """Why the diary at `path` (or a new one there) cannot be written, as far as the operating
    system can tell: its folder or file is read-only (DiaryReadOnly), or its disk is full
    (DiskFull), or the file cannot even be read. None when none of these."""
    folder = path.parent
    exists = path.exists()
    if exists and not os.access(path, os.R_OK):
        return DiaryUnavailable(
            f"Work Diary is not allowed to open your diary {path}. {SAFE} Check that the file is "
            "yours (or ask whoever looks after this computer to), then try again."
        )
    # Read-only first: a disk that can only be read (a CD, say) also reports no free space.
    if folder.is_dir() and not is_writable(folder):
        if not exists:
            return DiaryReadOnly(
                f"Work Diary cannot make your diary in the folder {folder}: the folder is "
                "read-only. Nothing was saved. Make the folder writable (or ask whoever looks "
                "after this computer to), or choose another folder for your diary; then try again."
            )
        return DiaryReadOnly(
            f"Work Diary cannot write to the folder {folder}, which holds your diary: the folder "
            f"is read-only. {SAFE} To save, make the folder writable (or ask whoever looks after "
            "this computer to), then try again."
        )
    if exists and not is_writable(path):
        return DiaryReadOnly(
            f"Work Diary cannot write to your diary {path}: the file is read-only. {SAFE} "
            "To save, make the file writable, then try again."
        )
    free = free_bytes(folder) if folder.is_dir() else None
    if free is not None and free < LOW_SPACE_BYTES:
        if exists:
            said = f"{folder}, where your diary is. {SAFE}"
        else:
            said = f"{folder} for a new diary. Nothing was saved."
        return DiskFull(f"There is no space left on the disk that holds {said} {FREE_SOME_SPACE}")
    return None


def _locked(path: Path) -> DiaryLocked:
    return DiaryLocked(
        f"The diary {path} is busy: another Work Diary window or program is saving to it. "
        "Wait a moment and try again. Nothing has been lost."
    )


def _sqlite_error(error: sqlite3.Error, path: Path) -> WorkDiaryError | None:
    code = sqlite_code(error)
    message = str(error).lower()
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or (
        code is None and ("locked" in message or "busy" in message)
    ):
        return _locked(path)
    if code in COULD_NOT_WRITE:
        found = cannot_write(path)
        if found is not None:
            return found
        if code == sqlite3.SQLITE_FULL:
            return DiskFull(
                f"There is no space left to save to your diary {path}. {SAFE} {FREE_SOME_SPACE}"
            )
        if code == sqlite3.SQLITE_READONLY:
            # The folder and file can be written now: not when the diary was opened, or it has
            # been moved since.
            return DiaryReadOnly(
                f"Work Diary could not write to your diary {path}: it, or its folder, could not "
                f"be written to when Work Diary opened it, or it has been moved since. {SAFE} "
                "Close Work Diary and open it again, then save."
            )
        return DiaryUnavailable(
            f"Work Diary could not read or write your diary {path}: the disk or folder that holds "
            "it gave an error (it may have been removed or disconnected, or be failing). "
            f"{SAFE} Check that the disk is there, then try again."
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        code is None and type(error) is sqlite3.DatabaseError
    ):
        return damaged(path, f"SQLite reports “{error}”")
    return None  # a constraint, a closed connection…: Work Diary's own fault


def _os_error(error: OSError, path: Path) -> WorkDiaryError | None:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return cannot_write(path) or DiskFull(
            f"There is no space left to save {path}. {SAFE} Free some space, then try again."
        )
    if error.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return cannot_write(path) or DiaryReadOnly(
            f"Work Diary is not allowed to use {path}. {SAFE} Check that the file and its folder "
            "are yours and not in use by another program, then try again."
        )
    return None


def user_error_for(error: BaseException, path: Path) -> WorkDiaryError | None:
    """The user's version of a low-level error, or None when it is a bug rather than a situation."""
    if isinstance(error, sqlite3.Error):
        return _sqlite_error(error, path)
    if isinstance(error, OSError):
        return _os_error(error, path)
    return None


@contextmanager
def as_user_errors(path: Path) -> Iterator[None]:
    """Re-raise SQLite and OS errors that have a plain explanation as WorkDiaryError."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        user_error = user_error_for(error, path)
        if user_error is None:
            raise
        raise user_error from error
