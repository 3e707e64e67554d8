from datetime import date
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from workdiary.domain.records import Week
from workdiary.storage import Diary
from workdiary.ui.main_window import MainWindow


def test_the_window_says_where_the_diary_is_and_what_it_holds(qtbot: QtBot, tmp_path: Path) -> None:
    diary_path = tmp_path / "R&D <team>" / "diary.db"
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as diary:
        diary.weeks.save(Week(date(2026, 11, 16), 120.0))
        window = MainWindow(diary)
        qtbot.addWidget(window)
        window.show()
        label = window.centralWidget()
        assert isinstance(label, QLabel)
        # What the person sees (the rich text rendered as plain text) names the file exactly.
        document = QTextDocument()
        document.setHtml(label.text())
        text = document.toPlainText()
        assert str(diary_path) in text
        assert "1 logged week" in text
