"""Showing a folder in the computer's file manager, and where it is when that cannot be done;
where a file the user saves is first offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from workdiary.ui.messages import Messages


def show_folder(folder: Path, what: str, messages: Messages, parent: QWidget) -> bool:
    """Open `folder`, where `what` is ("Your diary (diary.db)"), in the file manager. Where the
    computer has nothing to open a folder with (no file manager, or none the system can find),
    Qt would open nothing and say nothing: the user is told so instead, and where the folder is,
    to find it themselves. True when the folder was opened."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    messages.warning(
        parent,
        "Cannot open the folder",
        f"Work Diary could not find a file manager on this computer to show the folder in.\n\n"
        f"{what} is in this folder:\n{folder}\n\n"
        "You can select that line with the mouse and copy it, to find the folder yourself.",
    )
    return False


def documents_folder() -> Path:
    """Where a letter or a pack is first offered to be saved: the Documents folder, or the home
    folder where there is none. Qt names Documents even where it does not exist, and a file
    dialog told to start there opens instead in the folder Work Diary was started from, among
    its own files, where a user would never find a letter again."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()
