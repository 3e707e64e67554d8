"""The main window. For now it says the diary is ready, where it is, and how much it holds."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from workdiary.storage import Diary


class MainWindow(QMainWindow):
    def __init__(self, diary: Diary) -> None:
        super().__init__()
        self.setWindowTitle("Work Diary")
        weeks = len(diary.weeks.all())
        where = escape(str(diary.path))
        message = QLabel(
            f"<h2>Your diary is ready</h2>"
            f"<p>It is kept in this file, on this computer only:<br><tt>{where}</tt></p>"
            f"<p>It holds {weeks} logged week{'s' if weeks != 1 else ''}. "
            "Until the weekly form arrives, log weeks from the command line:<br>"
            "<tt>workdiary log-week --week 16/11/2026 --capacity 132.5</tt></p>"
        )
        message.setTextFormat(Qt.TextFormat.RichText)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setMargin(32)
        self.setCentralWidget(message)
        self.resize(720, 360)
