"""The one place that knows where the files Work Diary ships (fonts, icons) are at run time."""

from __future__ import annotations

import sys
from pathlib import Path

from workdiary.domain.errors import WorkDiaryError

# The files live inside the package, in workdiary/resources/, because that is the only place
# every kind of install finds them: a source checkout or editable install reads them where they
# are, a wheel carries them as package data (pyproject's package-data), and a PyInstaller bundle
# unpacks them under sys._MEIPASS at the same path, workdiary/resources/, when its spec collects
# them with collect_data_files("workdiary"). A top-level resources/ folder would be missing from
# a wheel. (This module, resources.py, wins over the data folder of the same name on import: the
# folder has no __init__.py and must never get one.)
_PACKAGE_RESOURCES = Path(__file__).resolve().parent / "resources"


class MissingResource(WorkDiaryError):
    """A file that ships with Work Diary is not where it should be: the install is incomplete."""


def resources_dir() -> Path:
    """The folder holding fonts/ (and, later, icons/), wherever Work Diary runs from."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "workdiary" / "resources"
    return _PACKAGE_RESOURCES


def resource_path(*parts: str) -> Path:
    """A shipped file, e.g. resource_path("fonts", "DejaVuSans.ttf"); it must exist."""
    path = resources_dir().joinpath(*parts)
    if not path.is_file():
        raise MissingResource(
            f"Work Diary cannot find a file it needs ({Path(*parts)}; looked in {path.parent}). "
            "The installation is incomplete: please reinstall Work Diary."
        )
    return path


def font_path(name: str) -> Path:
    """A shipped font file by its file name, e.g. font_path("DejaVuSans.ttf")."""
    return resource_path("fonts", name)
