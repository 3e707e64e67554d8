"""Showing a widget as the active window, as a user would have it, for keyboard tests."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def shown_active(qtbot: QtBot, widget: W, width: int = 1000, height: int = 800) -> W:
    """Show `widget` as its own window and wait until it has the keyboard."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def focused() -> QWidget:
    """The widget that has the keyboard focus now."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget
