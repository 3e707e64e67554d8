"""The real message boxes: what they say can be copied, and a question's default is the safe no."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from workdiary.ui.messages import Messages


def answer_when_shown(choose: Callable[[QMessageBox], None]) -> list[QMessageBox]:
    """Once the box is up, answer it as a user would; the list returned then holds it."""
    seen: list[QMessageBox] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        seen.append(box)
        choose(box)

    QTimer.singleShot(0, look)
    return seen


@pytest.mark.parametrize("kind", ["error", "warning", "information"])
def test_a_message_can_be_copied_from(qtbot: QtBot, kind: str) -> None:
    seen = answer_when_shown(lambda box: box.accept())
    getattr(Messages(), kind)(None, "Cannot save", "The diary file /home/siân/diary.db is locked.")
    [box] = seen
    assert box.text() == "The diary file /home/siân/diary.db is locked."
    assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_a_question_defaults_to_the_safe_answer(qtbot: QtBot) -> None:
    seen = answer_when_shown(lambda box: box.defaultButton().click())
    assert not Messages().confirm(None, "Close?", "Changes not saved.", yes="Close without saving")
    [box] = seen
    assert box.defaultButton().text() == "Cancel"
    assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
