"""Sizing a window to the screen it is on."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to `width` × `height`, or less where its screen is smaller. A window sized
    in characters and lines outgrows a small laptop's screen at 200 % text, and its buttons
    would be out of reach below the bottom edge."""
    screen = window.screen().availableGeometry()
    window.resize(min(width, screen.width()), min(height, screen.height()))
