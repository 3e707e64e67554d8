"""Screens of the sizes officers' laptops have, each with a window manager's frame round every
window, for tests of windows fitting wholly on a screen. The test screen has one size only, and
puts a thin frame of its own round a window."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget
from pytest import MonkeyPatch

# What a window may take of a 1024 × 600 screen, and the frame a window manager puts round it.
SMALL_LAPTOP = (QRect(0, 0, 1024, 600), QMargins(1, 20, 1, 5))
# 1366 × 768 with everything drawn half as large again, in the window's own pixels: the frame,
# drawn by the window manager, is not enlarged.
LAPTOP_AT_150 = (QRect(0, 0, 910, 512), QMargins(1, 13, 1, 3))
# 1366 × 768.
LAPTOP = (QRect(0, 0, 1366, 768), QMargins(1, 20, 1, 5))
# A desk monitor, with a task bar along the bottom.
MONITOR = (QRect(0, 0, 1920, 1040), QMargins(1, 20, 1, 5))


def stand_in_screen(monkeypatch: MonkeyPatch, available: QRect, frame: QMargins) -> None:
    """Every screen offers windows `available`, and every window has a frame as large as `frame`
    round it once it is on screen, not before (as a window manager frames a window once it is
    shown). The frame stands where the test screen's own would: moving a window places it."""
    real_frame_geometry = QWidget.frameGeometry

    def frame_geometry(widget: QWidget) -> QRect:
        if not widget.isWindow():
            return real_frame_geometry(widget)
        if not widget.testAttribute(Qt.WidgetAttribute.WA_Mapped):
            return widget.geometry()
        return QRect(real_frame_geometry(widget).topLeft(), widget.size().grownBy(frame))

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(available))
    monkeypatch.setattr(QWidget, "frameGeometry", frame_geometry)


def on_screen(window: QWidget) -> bool:
    """Whether all of `window`, frame and all, is on its screen."""
    return window.screen().availableGeometry().contains(window.frameGeometry())


def seen_whole_in(widget: QWidget, window: QWidget) -> bool:
    """Whether the whole of `widget` shows: it is visible, and no part of it lies outside
    `window` or any scroll area's view it is in."""
    if not widget.isVisible():
        return False
    area = QRect(QPoint(0, 0), widget.size())
    holder: QWidget | None = widget
    while holder is not None and holder is not window:
        parent = holder.parentWidget()
        if parent is None:
            return False
        area = area.translated(holder.pos())
        if not QRect(QPoint(0, 0), parent.size()).contains(area):
            return False
        holder = parent
    return True
