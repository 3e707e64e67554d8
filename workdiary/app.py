"""The desktop app's composition root: the Qt application, the diary, and the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from workdiary.paths import AppPaths
from workdiary.storage import Diary
from workdiary.ui.main_window import MainWindow


def run_app(paths: AppPaths) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Work Diary")
    paths.ensure()
    diary = Diary.open(paths.diary_file)
    try:
        window = MainWindow(diary)
        window.show()
        return app.exec()
    finally:
        diary.close()
