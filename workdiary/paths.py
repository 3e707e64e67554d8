"""Where the diary lives: the platform's data folder, or one the user names."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "WorkDiary"
DATA_DIR_VARIABLE = "WORKDIARY_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    """The folder that holds the diary and, beside it, the window's settings."""

    data_dir: Path

    @property
    def diary_file(self) -> Path:
        return self.data_dir / "diary.db"

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
        """Create the data folder, private to the user (files inside are created private too)."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
