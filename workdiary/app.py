"""The desktop app's composition root: the Qt application, the diary, and the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from workdiary.domain.errors import WorkDiaryError
from workdiary.paths import AppPaths
from workdiary.storage import Diary
from workdiary.ui.main_window import MainWindow
from workdiary.ui.messages import Messages

EXIT_CANNOT_OPEN = 2


def run_app(paths: AppPaths) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Work Diary")
    try:
        paths.ensure()
        diary = Diary.open(paths.diary_file)
    except (WorkDiaryError, OSError) as error:
        Messages().error(None, "Work Diary cannot open your diary", str(error))
        return EXIT_CANNOT_OPEN
    try:
        window = MainWindow(diary)
        window.show()
        return app.exec()
    finally:
        diary.close()
