"""Sizing a window to fit wholly on the screen it is on, its frame (title bar, borders) included."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

# Room for the frame the window system puts round a window (its title bar and borders) until it
# says how big that frame is, which it does only once the window is on screen: 40 pixels in all
# for a title bar and a bottom border, as Qt's own dialogs allow. The side borders are a pixel or
# two, or cannot be seen at all: a window as wide as the screen loses nothing to them meanwhile.
FRAME_ALLOWANCE = QMargins(0, 32, 0, 8)
# How long a window just shown is watched for its frame. A window system that puts a frame round
# windows does so at once; past this, the window is the user's to move, and is left alone.
FRAME_WAIT_MS = 5000
# Events that may come with, or just after, the window system framing a window.
_FRAMING_EVENTS = frozenset(
    {
        QEvent.Type.Show,
        QEvent.Type.Move,
        QEvent.Type.Resize,
        QEvent.Type.Paint,
        QEvent.Type.WindowActivate,
    }
)
_WATCHER_NAME = "fit on screen once framed"


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to `width` × `height`, or less where that would not fit on its screen with
    the frame round it. A window sized in characters and lines outgrows a small laptop's screen at
    200 % text, and its buttons or status bar would be out of reach below the bottom edge.

    A window already on screen is also moved, where need be, to lie wholly on it. One not shown
    yet leaves room for a frame of the usual size, and is fitted again, to the frame it really
    has, once the window system has put it round: as large as asked for where there is room."""
    wanted = QSize(width, height)
    watchers = window.findChildren(
        _FitOnceFramed, _WATCHER_NAME, Qt.FindChildOption.FindDirectChildrenOnly
    )
    for watcher in watchers:
        watcher.stop()  # the size asked for last is the one that counts
    if window.testAttribute(Qt.WidgetAttribute.WA_Mapped):
        fit_on_screen(window, wanted)
    else:
        window.resize(wanted.boundedTo(room_on_screen(window).size()))
    if not _has_frame(window):
        _FitOnceFramed(window, wanted)


def room_on_screen(window: QWidget) -> QRect:
    """Where `window` may lie on its screen: the part not taken by panels or a task bar, less
    the frame round the window (see frame_margins)."""
    return window.screen().availableGeometry().marginsRemoved(frame_margins(window))


def frame_margins(window: QWidget) -> QMargins:
    """The frame round `window`: as the window system has put it round once the window is shown;
    before that, the frame round another window on screen (they are alike), or an allowance."""
    others = [widget for widget in QApplication.topLevelWidgets() if widget is not window]
    for candidate in [window, *others]:
        if candidate.isVisible() and _has_frame(candidate):
            return _reported_frame(candidate)
    return FRAME_ALLOWANCE


def fit_on_screen(window: QWidget, wanted: QSize) -> None:
    """Resize `window` to `wanted`, or less where its screen is smaller, and move it, if it has
    to move, so that it and its frame lie wholly on the screen."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window system keeps those on the screen
    frame = frame_margins(window)
    available = window.screen().availableGeometry()
    size = wanted.boundedTo(available.marginsRemoved(frame).size()).expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    outer = QRect(window.frameGeometry().topLeft(), size.grownBy(frame))
    if available.contains(outer):
        return
    # Right and bottom first, then left and top: a window that cannot fit (its least size is
    # larger than the screen) keeps its title bar, by which it is moved, in reach.
    left = max(min(outer.left(), available.right() + 1 - outer.width()), available.left())
    top = max(min(outer.top(), available.bottom() + 1 - outer.height()), available.top())
    window.move(QPoint(left, top))


def step_aside(window: QWidget) -> None:
    """Move `window` down and to the right by a title bar's height, as window systems place a
    program's second window, so that it is not taken for the first one lying under it; up and
    to the left instead where that would take it off the screen."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # it covers the screen wherever it is put
    frame = frame_margins(window)
    step = frame.top()
    outer = window.frameGeometry()
    if not window.testAttribute(Qt.WidgetAttribute.WA_Mapped):
        outer = outer.marginsAdded(frame)  # not framed yet: the frame to come counts too
    available = window.screen().availableGeometry()
    aside = outer.translated(step, step)
    if not available.contains(aside):
        aside = outer.translated(-step, -step)
    window.move(window.pos() + aside.topLeft() - outer.topLeft())


def _reported_frame(window: QWidget) -> QMargins:
    outer, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )


def _has_frame(window: QWidget) -> bool:
    """Whether the window system has said what frame it put round `window` (none, before then)."""
    return not _reported_frame(window).isNull()


class _FitOnceFramed(QObject):
    """Watches a window until the window system has put its frame round it, then fits it on its
    screen with that frame, and goes. The window is its parent, and is not held otherwise: a
    window closed and let go of must not be kept alive by the watch on it."""

    def __init__(self, window: QWidget, wanted: QSize) -> None:
        super().__init__(window)
        self.setObjectName(_WATCHER_NAME)
        self._wanted = wanted
        self._waiting = False
        self._stopped = False
        window.installEventFilter(self)

    def _window(self) -> QWidget:
        window = self.parent()
        assert isinstance(window, QWidget)
        return window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._stopped or event.type() not in _FRAMING_EVENTS:
            return False
        window = self._window()
        if event.type() == QEvent.Type.Show and not self._waiting:
            self._waiting = True
            QTimer.singleShot(FRAME_WAIT_MS, self, self.stop)
        if window.isVisible() and _has_frame(window):
            window.removeEventFilter(self)
            # Once the event is over: a dialog places itself while being shown, and a window
            # resized in the middle of the window system moving it can land elsewhere.
            QTimer.singleShot(0, self, self._fit)
        return False

    def _fit(self) -> None:
        window = self._window()
        if not self._stopped and window.isVisible():
            fit_on_screen(window, self._wanted)
        self.stop()

    def stop(self) -> None:
        self._stopped = True
        self._window().removeEventFilter(self)
        self.setObjectName("")
        self.deleteLater()
