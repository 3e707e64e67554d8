"""A ring round whatever has the keyboard focus, in every window of the app.

Qt's own style marks a focused button, drop-down or tick box so faintly that someone logging
their week by keyboard alone loses track of where Tab has taken them. The ring is drawn in the
text colour, just outside the focused widget, so it reads on any theme."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from shiboken6 import Shiboken

RING_WIDTH = 2
# Events that move the focused widget, or show or hide it, in the window around it.
PLACING = frozenset(
    {
        QEvent.Type.Move,
        QEvent.Type.Resize,
        QEvent.Type.Show,
        QEvent.Type.Hide,
        QEvent.Type.ParentChange,
        QEvent.Type.ZOrderChange,
    }
)


def show_focus_ring(app: QApplication) -> FocusRing:
    """The app's one focus ring, put in place the first time this is called."""
    ring = app.findChild(FocusRing)
    return ring if isinstance(ring, FocusRing) else FocusRing(app)


class FocusRing(QObject):
    """Follows the keyboard focus from widget to widget for as long as the app runs.

    Qt has a focus frame of its own, but with this platform's style it belongs to the focused
    widget's container: a box in a container just its size (a form's drop-down, a date box
    beside its Pick… button) would get a ring cut down to its top and bottom. This one sits
    above everything in the window, or in the scrolled part of a page, and is cut only where
    the widget itself is scrolled out of sight."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: RingOutline | None = None
        self._around: QWidget | None = None
        self._watched: list[QWidget] = []
        app.focusChanged.connect(self._follow)

    def around(self) -> QWidget | None:
        """The widget the ring is round now, if it is shown."""
        ring = self._live_ring()
        return self._around if ring is not None and ring.isVisible() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in PLACING:
            self._place()
        return False

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self._watched:
            if Shiboken.isValid(widget):
                widget.removeEventFilter(self)
        self._watched = []
        self._around = None
        ring = self._live_ring()
        if new is None or new.isWindow():  # the focus left the app, or is on a window itself
            if ring is not None:
                ring.hide()
            return
        holder, chain = _holder_of(new)
        if ring is None:
            ring = self._ring = RingOutline()
        ring.setParent(holder)
        self._around = new
        self._watched = chain
        for widget in chain:
            widget.installEventFilter(self)
        self._place()

    def _place(self) -> None:
        ring, around = self._live_ring(), self._around
        if ring is None or around is None:
            return
        holder = ring.parentWidget()
        if holder is None or not around.isVisible():
            ring.hide()
            return
        corner = around.mapTo(holder, QPoint(0, 0))
        margin = RING_WIDTH + 1
        ring.setGeometry(QRect(corner, around.size()).adjusted(-margin, -margin, margin, margin))
        ring.raise_()
        ring.show()

    def _live_ring(self) -> RingOutline | None:
        # The ring lives in a window, so closing that window deletes it with the window; a new
        # one is made for the next widget.
        if self._ring is not None and not Shiboken.isValid(self._ring):
            self._ring = None
        return self._ring


def _holder_of(widget: QWidget) -> tuple[QWidget, list[QWidget]]:
    """Where the ring round `widget` goes (its window, or the scrolled part of the page it is
    on), and the widgets from it up to there, whose moving moves it."""
    chain = [widget]
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        above = parent.parentWidget()
        if isinstance(above, QAbstractScrollArea) and parent is above.viewport():
            return parent, chain
        chain.append(parent)
        parent = above
    return (parent if parent is not None else widget.window()), chain


class RingOutline(QWidget):
    """The ring itself: drawn round the edge of its own rectangle, and letting clicks through."""

    def __init__(self) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().windowText(), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
