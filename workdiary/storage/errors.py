"""Turning SQLite's and the operating system's errors into messages a user can act on."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workdiary.domain.errors import (
    DiaryDamaged,
    DiaryLocked,
    DiaryReadOnly,
    DiskFull,
    WorkDiaryError,
)


def damaged(path: Path, detail: str) -> DiaryDamaged:
    return DiaryDamaged(
        f"The diary file {path} is damaged and cannot be opened ({detail}). "
        "Work Diary has not changed it. Keep a copy of it safe, and restore a backup if you "
        "have one."
    )


def empty(path: Path) -> DiaryDamaged:
    """An existing diary file with nothing in it: Work Diary never leaves one (a new diary is
    made whole under another name, then named), so something else cut it short."""
    return DiaryDamaged(
        f"The diary file {path} is empty: it may have been cut short by a copy or sync that did "
        "not finish. Work Diary has not changed it. Keep a copy of it safe, and restore a backup "
        "if you have one."
    )


def user_error_for(error: BaseException, path: Path) -> WorkDiaryError | None:
    """The user's version of a low-level error, or None when it is a bug rather than a situation."""
    message = str(error).lower()
    if isinstance(error, sqlite3.OperationalError):
        if "locked" in message or "busy" in message:
            return DiaryLocked(
                f"The diary {path} is busy: another Work Diary window or program is saving to it. "
                "Wait a moment and try again. Nothing has been lost."
            )
        if "disk is full" in message or "disk full" in message:
            return DiskFull(
                f"There is no space left on the disk that holds {path}. Nothing was saved. "
                "Free some space and save again."
            )
        if "readonly" in message or "read-only" in message or "unable to open" in message:
            return DiaryReadOnly(
                f"Work Diary cannot write to {path}: the file or its folder is read-only. "
                "Nothing was saved. Choose another data folder, or make this one writable."
            )
        if "disk i/o error" in message:
            return DiskFull(
                f"The disk holding {path} could not be written to (it may be full or removed). "
                "Nothing was saved."
            )
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.OperationalError | sqlite3.IntegrityError
    ):
        return damaged(path, str(error))
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return DiskFull(f"There is no space left to save {path}. Nothing was saved.")
        if error.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            return DiaryReadOnly(
                f"Work Diary is not allowed to write to {path}. Nothing was saved. "
                "Choose another data folder, or make this one writable."
            )
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
