"""The scroll area a form sits in when the window is too small for it (a 1024 × 600 laptop, or
large text): whatever the keyboard is in comes into view whole, with its label and the lines
under it, and the view never stops with a line cut in half across its top; and in a box of a few
lines, the line being typed stays in view."""

from __future__ import annotations

import typing
from functools import partial

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QWidget,
)

# What reads as a line of a form, to be seen whole or not at all: words, boxes, buttons, lists.
# The widgets inside one of these (a combo box's own line edit, a list's scroll bar) are part of
# its line.
LINE_WIDGETS = (
    QLabel,
    QLineEdit,
    QAbstractButton,
    QComboBox,
    QAbstractSpinBox,
    QAbstractScrollArea,
    QProgressBar,
)


class FocusFollowingScrollArea(QScrollArea):
    """A scroll area that brings into view whatever in it gets the keyboard focus, as one with
    what belongs with it on the form: its label, its hint, what is wrong with it. Qt scrolls only
    for Tab, and just far enough that the box shows, leaving its label or hint, or the line above,
    cut off at the edge; a box reached by its Alt+letter, or given the focus back after a
    question, would otherwise be typed in out of sight."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not a stop of its own for Tab: the focus would vanish into the page's background, with
        # nothing to show where it went. The boxes in it are the stops, and it follows them.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        # Watching each box, not the whole application's focus: the watch goes with the boxes.
        for child in widget.findChildren(QWidget):
            if child.focusPolicy() != Qt.FocusPolicy.NoFocus:
                child.installEventFilter(self)
        # A box of a few lines scrolls within itself to the line being typed, but the form does
        # not: with only the top of the box in view (clicked into at the foot of the view, or
        # taller than the view), the typing would go on out of sight below.
        for box in widget.findChildren(QPlainTextEdit):
            box.cursorPositionChanged.connect(partial(self._follow_cursor_soon, box))

    def show_field(self, box: QWidget) -> None:
        """Scroll, if need be, so that `box` shows whole with its field (see `field_area`), and
        no line across the top of the view is cut in half. A field taller than the view shows
        from its top, its label. For a box given the focus, and for one that has it already and
        has just been marked wrong (laid out first, so that the line saying what is wrong has its
        place)."""
        content = self.widget()
        if content is None or not content.isAncestorOf(box):
            return
        _lay_out(box, content)
        field = field_area(box, content)
        room = self.fontMetrics().lineSpacing() // 2
        top, bottom = field.top() - room, field.bottom() + 1 + room
        view = self.viewport().height()
        bar = self.verticalScrollBar()
        shown = bar.value()
        if top < shown or bottom - view > shown:
            # Down just far enough that the field shows; up to its top; its top if too tall.
            wanted = top if top < shown or bottom - top > view else bottom - view
            bar.setValue(_clean_top(wanted, field.top(), bottom, view, _line_spans(content)))
        # Across, the box itself, from its start.
        where = _area_in(box, content)
        self.ensureVisible(where.right(), where.top(), room, 0)
        self.ensureVisible(where.left(), where.top(), room, 0)

    def show_cursor(self, box: QPlainTextEdit) -> None:
        """Scroll, if need be, just so far that the line of `box` its cursor is on shows. Not to
        a clean edge, as for a field: while typing, the form moves a line at a time, steadily."""
        content = self.widget()
        if content is None or not content.isAncestorOf(box):
            return
        cursor = box.cursorRect()
        where = QRect(box.viewport().mapTo(content, cursor.topLeft()), cursor.size())
        room = self.fontMetrics().lineSpacing() // 2
        centre = where.center()
        self.ensureVisible(centre.x(), centre.y(), room, where.height() // 2 + room)

    def _follow_cursor_soon(self, box: QPlainTextEdit) -> None:
        # Only while the user types there: a record put in the form moves the cursor too. Once
        # the box has scrolled within itself to the cursor, which it does after saying it moved;
        # and only if the keyboard is still there then: another week opened from the Notes box
        # fills it, then puts the keyboard in the capacity box, which must stay in sight.
        if box.hasFocus():
            QTimer.singleShot(0, box, lambda: self._show_cursor_if_typing(box))

    def _show_cursor_if_typing(self, box: QPlainTextEdit) -> None:
        if box.hasFocus():
            self.show_cursor(box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Not for a click: what was clicked is in sight, and the page must not jump under it.
        if (
            isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusIn
            and event.reason() != Qt.FocusReason.MouseFocusReason
            and isinstance(watched, QWidget)
        ):
            self.show_field(watched)
        return super().eventFilter(watched, event)


def field_area(box: QWidget, content: QWidget) -> QRect:
    """Where, in `content`, the field of `box` lies: the box, the labels naming it, and the row
    of the form's grid it is in with the rows of words under it (its hint, what is wrong with it)
    down to the next row with something to type in or press."""
    area = _area_in(box, content)
    for label in content.findChildren(QLabel):
        if label.buddy() is box and label.isVisibleTo(content):
            area = area.united(_area_in(label, content))
    cell = _grid_cell(box, content)
    if cell is None:
        return area
    grid, index, holder = cell
    row, _column, rows, _columns = _position(grid, index)
    last = row + rows - 1
    while last + 1 < grid.rowCount() and not any(
        _takes_tab(widget, content) for widget in _widgets_in_row(grid, last + 1)
    ):
        last += 1
    for at in range(grid.count()):
        item = grid.itemAt(at)
        first_row, _column, span, _columns = _position(grid, at)
        if item is None or item.isEmpty() or first_row > last or first_row + span - 1 < row:
            continue
        geometry = item.geometry()
        area = area.united(QRect(holder.mapTo(content, geometry.topLeft()), geometry.size()))
    return area


def _grid_cell(box: QWidget, content: QWidget) -> tuple[QGridLayout, int, QWidget] | None:
    """The grid laying out `box`, or the nearest widget holding it, below `content`; the index
    of its cell, and the widget the grid lays out. The outermost grid of a widget's layouts: a
    block of check boxes in one cell of a form is one field."""
    widget = box
    while widget is not content:
        holder = widget.parentWidget()
        if holder is None:
            return None
        layouts = [holder.layout()] if holder.layout() is not None else []
        while layouts:
            layout = layouts.pop(0)
            assert layout is not None
            for index in range(layout.count()):
                item = layout.itemAt(index)
                if item is None:
                    continue
                if isinstance(layout, QGridLayout) and widget in _widgets_in(item):
                    return layout, index, holder
                if (inner := item.layout()) is not None:
                    layouts.append(inner)
        widget = holder
    return None


def _position(grid: QGridLayout, index: int) -> tuple[int, int, int, int]:
    # PySide6 types the position as a bare object; it is (row, column, rows, columns).
    return typing.cast(tuple[int, int, int, int], grid.getItemPosition(index))


def _widgets_in(item: QLayoutItem) -> list[QWidget]:
    """The widgets a layout item lays out, through the layouts nested in it."""
    if (widget := item.widget()) is not None:
        return [widget]
    layout = item.layout()
    if layout is None:
        return []
    return [
        widget
        for index in range(layout.count())
        if (inner := layout.itemAt(index)) is not None
        for widget in _widgets_in(inner)
    ]


def _widgets_in_row(grid: QGridLayout, row: int) -> list[QWidget]:
    widgets: list[QWidget] = []
    for index in range(grid.count()):
        first, _column, rows, _columns = _position(grid, index)
        item = grid.itemAt(index)
        if item is not None and first <= row < first + rows:
            widgets += _widgets_in(item)
    return widgets


def _takes_tab(widget: QWidget, content: QWidget) -> bool:
    """Whether `widget`, or something in it, is shown and a stop for Tab."""
    return any(
        part.isVisibleTo(content) and bool(part.focusPolicy() & Qt.FocusPolicy.TabFocus)
        for part in [widget, *widget.findChildren(QWidget)]
    )


def _area_in(widget: QWidget, content: QWidget) -> QRect:
    return QRect(widget.mapTo(content, widget.rect().topLeft()), widget.size())


def _lay_out(box: QWidget, content: QWidget) -> None:
    """Lay out, from the outside in, what holds `box`: a line just shown under it (what is wrong
    with it) has no place until then, and would be left out of sight."""
    holders: list[QWidget] = []
    widget: QWidget | None = box
    while widget is not None and widget is not content:
        widget = widget.parentWidget()
        if widget is not None:
            holders.insert(0, widget)
    for holder in holders:
        layout: QLayout | None = holder.layout()
        if layout is not None:
            layout.activate()


def _line_spans(content: QWidget) -> list[tuple[int, int]]:
    """The stretches of `content`, top to bottom, that a line of the form takes (a row of label,
    box and hint is one): where the top of the view may not stop. A group's title is a line."""
    spans: list[tuple[int, int]] = []
    for widget in content.findChildren(QWidget):
        if not widget.isVisibleTo(content) or _inside_a_line(widget, content):
            continue
        if isinstance(widget, QGroupBox):
            top = widget.mapTo(content, widget.rect().topLeft()).y()
            spans.append((top, top + widget.contentsRect().top()))
        elif isinstance(widget, LINE_WIDGETS):
            area = _area_in(widget, content)
            spans.append((area.top(), area.bottom() + 1))
    merged: list[tuple[int, int]] = []
    for top, bottom in sorted(spans):
        if merged and top < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def _inside_a_line(widget: QWidget, content: QWidget) -> bool:
    holder = widget.parentWidget()
    while holder is not None and holder is not content:
        if isinstance(holder, LINE_WIDGETS):
            return True
        holder = holder.parentWidget()
    return False


def _clean_top(wanted: int, first: int, last: int, view: int, lines: list[tuple[int, int]]) -> int:
    """Where the top of the view goes, rather than `wanted`, so that no line is cut in half across
    it: up to the line it would cut, showing it whole, if all the field (`first` to `last`) still
    fits below; or else just past it, if that leaves the field's top in view."""
    for top, bottom in lines:
        if top < wanted < bottom:
            if last - top <= view:
                return top
            if bottom <= first:
                return bottom
            return wanted
    return wanted
