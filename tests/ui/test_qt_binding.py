"""The Qt binding installed keeps Python's own objects alive: a binding that miscounts them ends
the app in a fatal error, with everything typed lost and no crash report, after enough typing."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

CALLS = 100


def test_qt_calls_that_return_nothing_leave_none_counted_as_before(qtbot: QtBot) -> None:
    """Each keystroke makes a few such calls (enabling Save, saying "Not saved yet"): PySide6
    6.12.0 on Python 3.11 lowers None's count by one each time, until Python frees None."""
    button, label = QPushButton("Save"), QLabel()
    qtbot.addWidget(button)
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        button.setEnabled(True)
        label.setText("Not saved yet.")
    assert sys.getrefcount(None) - before > -CALLS
