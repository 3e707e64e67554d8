"""Where the diary lives: the platform's data folder, or one the user names."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from workdiary.domain.errors import DiaryUnavailable

APP_NAME = "WorkDiary"
DATA_DIR_VARIABLE = "WORKDIARY_DATA_DIR"


class DataFolderUnavailable(DiaryUnavailable):
    """The data folder cannot be made (a file in the way, a read-only disk or parent folder, a
    full disk), so neither can the diary in it. It is the user's to sort out, not a fault:
    nothing has been changed."""


@dataclass(frozen=True)
class AppPaths:
    """The folder that holds the diary and, beside it, the window's settings."""

    data_dir: Path

    @property
    def diary_file(self) -> Path:
        return self.data_dir / "diary.db"

    def has_diary(self) -> bool:
        """Whether there is a diary here to open: a link to one counts even while what it links
        to is missing (a memory stick not plugged in), which opening then says. A file where the
        folder should be (a mistyped --data-dir) raises DataFolderUnavailable, saying so: that is
        not a folder with no diary in it yet."""
        if self.data_dir.exists() and not self.data_dir.is_dir():
            self.ensure()
        return self.diary_file.is_symlink() or self.diary_file.exists()

    @classmethod
    def resolve(
        cls, data_dir: str | None = None, environ: Mapping[str, str] = os.environ
    ) -> AppPaths:
        """`--data-dir` first, then WORKDIARY_DATA_DIR, then the platform's user data folder."""
        chosen = data_dir or environ.get(DATA_DIR_VARIABLE)
        if chosen:
            return cls(Path(chosen).expanduser().absolute())
        from platformdirs import user_data_path

        return cls(user_data_path(APP_NAME, appauthor=False))

    def ensure(self) -> None:
        """Create the data folder, private to the user (files inside are created private too).
        Raises DataFolderUnavailable, saying why and what to do, when it cannot be made."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise DataFolderUnavailable(
                f"Work Diary cannot make the folder {self.data_dir} to keep your diary in: "
                f"{_why_not_made(self.data_dir, error)}. Nothing was saved or changed. Choose "
                f"another folder for your diary (workdiary --data-dir FOLDER, or the "
                f"{DATA_DIR_VARIABLE} setting), or ask whoever looks after this computer for help."
            ) from error


def _why_not_made(folder: Path, error: OSError) -> str:
    from workdiary.files import plain_reason  # only a folder that cannot be made needs it

    if error.errno in (errno.EEXIST, errno.ENOTDIR):  # a file where a folder should be
        for above in (folder, *folder.parents):
            if above.exists() and not above.is_dir():
                return f"{above} is a file, not a folder"
    if error.errno in (errno.EACCES, errno.EPERM):
        parent = next((above for above in folder.parents if above.exists()), folder.anchor)
        return f"you are not allowed to make folders in {parent}"
    return plain_reason(error)
