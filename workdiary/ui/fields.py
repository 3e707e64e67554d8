"""Input widgets the forms share: date boxes that take a date as people type it, or a picked one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from workdiary.domain.dates import parse_date
from workdiary.domain.errors import InvalidInput

DATE_EXAMPLE = "16/11/2026"
# A pattern, not an example date, so an empty box cannot be mistaken for one holding a date.
DATE_PLACEHOLDER = "dd/mm/yyyy"


# What people type between day, month and year.
DATE_SEPARATORS = frozenset("/.-")


def format_date_for_typing(day: date) -> str:
    """A date as the user would type it back in: day first, as in the UK."""
    return day.strftime("%d/%m/%Y")


class DateField(QWidget):
    """A line edit for a date (`16/11/2026` or `2026-11-16`) with a calendar to pick from.

    Unlike QDateEdit it can be empty, which means "not recorded"; what was typed is kept as typed,
    so the form can say what is wrong with it in the domain's words."""

    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(DATE_PLACEHOLDER)
        self.line_edit.textChanged.connect(self.textChanged)
        # Wide enough for the date and a little more, measured in the font's own characters.
        self.line_edit.setMaximumWidth(
            self.line_edit.fontMetrics().horizontalAdvance(DATE_EXAMPLE + "0000")
        )

        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self._menu = QMenu(self)
        holder = QWidgetAction(self._menu)
        holder.setDefaultWidget(self.calendar)
        self._menu.addAction(holder)
        self._menu.aboutToShow.connect(self._prepare_calendar)

        self.pick_button = QToolButton()
        self.pick_button.setText("Pick…")
        self.pick_button.setToolTip("Pick the day from a calendar")
        self.pick_button.setAccessibleName("Pick the day from a calendar")
        # Opened by hand rather than as the button's menu, which would draw an arrow over the text.
        self.pick_button.clicked.connect(self._open_calendar)
        # Keyboard users type the date; the calendar is a convenience that need not cost a Tab.
        self.pick_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.pick_button)
        layout.addStretch(1)
        self.setFocusProxy(self.line_edit)

    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:
        self.line_edit.setText(text)

    def set_latest(self, latest: date) -> None:
        """The last day the calendar offers (a figure read tomorrow cannot be recorded today)."""
        self.calendar.setMaximumDate(QDate(latest.year, latest.month, latest.day))

    def _open_calendar(self) -> None:
        self._menu.popup(self.pick_button.mapToGlobal(self.pick_button.rect().bottomLeft()))

    def _prepare_calendar(self) -> None:
        try:
            shown = parse_date(self.text()) if self.text().strip() else None
        except InvalidInput:
            shown = None
        if shown is not None:
            self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        else:
            self.calendar.setSelectedDate(self.calendar.maximumDate())

    def _pick(self, picked: QDate) -> None:
        day = date(picked.year(), picked.month(), picked.day())
        self.setText(format_date_for_typing(day))
        self._menu.close()
        self.line_edit.setFocus()


class DateEdit(QDateEdit):
    """A QDateEdit (dd/MM/yyyy, with a calendar) that takes `29/10/2026` typed straight through,
    and says when the user has settled on a date.

    QDateEdit moves on to the month by itself once two day digits are typed; the `/` a person types
    next would move it on again, into the year, and the month would land there. That `/` is taken
    as already done. And QDateEdit reports a new date at each of those moves, mid-typing, so
    `chosen` is sent only for a date the user settled on: Enter, leaving the box, the calendar."""

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moved_on_by_itself = False
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setKeyboardTracking(False)
        self.editingFinished.connect(lambda: self.chosen.emit(self.date()))
        calendar = self.calendarWidget()
        calendar.clicked.connect(self.chosen)
        calendar.activated.connect(self.chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() and event.text() in DATE_SEPARATORS and self._moved_on_by_itself:
            self._moved_on_by_itself = False
            event.accept()
            return
        section = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on_by_itself = event.text().isdigit() and self.currentSection() != section
