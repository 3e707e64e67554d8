"""The History page: each week of a period with its flags, a summary line, and each week's story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.dates import ONE_WEEK, format_day, week_commencing
from workdiary.domain.figures import PeriodSummary, period_bounds, summarise, week_lines
from workdiary.domain.formatting import count, format_money, format_number
from workdiary.domain.records import Profile, Recorded, Week
from workdiary.storage import Diary
from workdiary.ui.history_model import Column, HistoryModel, HistorySortProxy

if TYPE_CHECKING:
    from workdiary.ui.amendments import AmendmentsDialog

UK_DATE_FORMAT = "dd/MM/yyyy"


@dataclass(frozen=True)
class Period:
    """A choice in the period list: the latest `weeks` weeks, all of them (None), or custom."""

    label: str
    weeks: int | None
    custom: bool = False


# Months as whole weeks (13 to a quarter): the diary counts weeks, and a period of whole weeks
# keeps "Last 3 months" the same length whichever day it is opened.
PERIODS = (
    Period("Last 3 months", 13),
    Period("Last 6 months", 26),
    Period("Last 12 months", 52),
    Period("Last 2 years", 104),
    Period("Everything", None),
    Period("Custom dates", None, custom=True),
)
DEFAULT_PERIOD = "Everything"


def period_weeks(
    period: Period,
    entries: Sequence[Recorded[Week]],
    today: date,
    first: date | None = None,
    last: date | None = None,
) -> tuple[date, date] | None:
    """The Mondays `period` runs between (a custom one from `first` to `last`), as History shows
    it and an evidence pack covers it; None when there is nothing to show."""
    if period.custom:
        return period_bounds(entries, today, first, last)
    bounds = period_bounds(entries, today, None, None)
    if bounds is None or period.weeks is None:
        return bounds
    # Never before the first logged week: weeks before the diary was kept are not "missing".
    start, end = bounds
    return max(start, end - ONE_WEEK * (period.weeks - 1)), end


# What the widest cell of each column looks like, to size the columns from the font in use
# (so they grow with display scaling instead of being fixed pixels).
WIDEST_CELLS = {
    Column.WEEK: "Wed 30 Sep 2026",
    Column.CAPACITY: "188.88 %",
    Column.CASELOAD: "8,888",
    Column.HOURS: "88.88",
    Column.UNPAID: "88.88",
    Column.RECORDED: "Wed 30 Sep 2026",
}
# Room around the text for the cell's margins and the header's sort arrow, in average characters.
CELL_PADDING_CHARS = 3


def summary_text(summary: PeriodSummary | None, profile: Profile, anything_logged: bool) -> str:
    """The period in one line of plain words, with the same figures as `workdiary show`."""
    if summary is None or summary.weeks_in_period == 0:
        if not anything_logged:
            return "No weeks logged yet. Log your first week and it will appear here."
        return "No weeks between those dates."
    threshold = f"{format_number(summary.threshold_pct)} %"
    unpaid = f"{format_number(summary.unpaid_hours)} unpaid hours"
    if summary.unpaid_value_gbp is not None:
        unpaid += f" ({format_money(summary.unpaid_value_gbp)})"
    parts = [
        f"{count(summary.weeks_in_period, 'week')}, {format_day(summary.first_week)} to "
        f"{format_day(summary.last_week)}",
        f"{summary.weeks_logged:,} logged",
        f"{summary.weeks_not_logged:,} not logged",
        f"{summary.weeks_at_or_over:,} at or over {threshold}",
        count(len(summary.excessive_runs), "excessive run"),
        unpaid,
    ]
    return " · ".join(parts)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class HistoryPage(QWidget):
    """Emits `open_week` with a Monday when the user asks to open a week (logged or not)."""

    open_week = Signal(object)

    def __init__(self, diary: Diary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._entries: list[Recorded[Week]] = []
        self._deleted: dict[date, datetime] = {}
        self._profile = Profile()
        self._today = date.today()
        self._custom_dates_set = False

        self.period = QComboBox()
        self.period.addItems([period.label for period in PERIODS])
        self.period.setCurrentText(DEFAULT_PERIOD)
        self.period.setAccessibleName("Period shown")
        period_label = QLabel("&Show:")
        period_label.setBuddy(self.period)

        self.from_date = self._date_edit("First week shown")
        self.to_date = self._date_edit("Last week shown")
        self.from_label = QLabel("&From")
        self.from_label.setBuddy(self.from_date)
        self.to_label = QLabel("&to")
        self.to_label.setBuddy(self.to_date)

        self.history_action = QAction("Show &history of this week…", self)
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        # Only while History has the focus: other pages may want Ctrl+H for themselves.
        self.history_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.history_action.triggered.connect(self.show_history)
        self.addAction(self.history_action)
        # The tab after the text shows "Enter" in the menu; Enter itself is handled by the table.
        self.open_action = QAction("&Open this week\tEnter", self)
        self.open_action.triggered.connect(self._open_current)

        # Alt+W, not Alt+H: the main window's Help menu has Alt+H.
        self.history_button = QPushButton("Show history of this &week…")
        self.history_button.setToolTip(
            "When this week was first recorded, and every change (Ctrl+H)"
        )
        self.history_button.clicked.connect(self.history_action.trigger)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("Summary of the period")

        self.model = HistoryModel(self)
        self.proxy = HistorySortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._build_table()

        hint = QLabel(
            "Double-click a week, or press Enter, to open it. A week not logged can be logged from "
            "here too; if it ended more than 7 days ago it will be marked retrospective."
        )
        hint.setWordWrap(True)

        controls = QHBoxLayout()
        controls.addWidget(period_label)
        controls.addWidget(self.period)
        controls.addWidget(self.from_label)
        controls.addWidget(self.from_date)
        controls.addWidget(self.to_label)
        controls.addWidget(self.to_date)
        controls.addStretch(1)
        controls.addWidget(self.history_button)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        # Whoever focuses the page (the main window, on switching to it) focuses the table.
        self.setFocusProxy(self.table)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.from_date.dateChanged.connect(self._show_period)
        self.to_date.dateChanged.connect(self._show_period)
        self._show_custom_dates(False)
        self.reload()

    def _date_edit(self, accessible_name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat(UK_DATE_FORMAT)
        edit.setCalendarPopup(True)
        edit.setAccessibleName(accessible_name)
        return edit

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName("Weeks")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setHighlightSections(False)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.WEEK, Qt.SortOrder.DescendingOrder)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.open_action)
        table.addAction(self.history_action)
        table.doubleClicked.connect(self._open_index)
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(self._update_actions)
        self._size_columns(table)
        return table

    def _size_columns(self, table: QTableView) -> None:
        cells = table.fontMetrics()
        header = table.horizontalHeader()
        headings = header.fontMetrics()
        padding = cells.averageCharWidth() * CELL_PADDING_CHARS
        for column, widest in WIDEST_CELLS.items():
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(cells.horizontalAdvance(widest), headings.horizontalAdvance(heading))
            header.resizeSection(column, width + padding)
        header.setMinimumSectionSize(cells.averageCharWidth() * 6)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.verticalHeader().setDefaultSectionSize(cells.lineSpacing() + cells.height() // 2)

    # Reading the diary

    def reload(self) -> None:
        """Read the diary again (after a save, or a change of threshold) and show the period."""
        self._entries = self._diary.weeks.all()
        self._deleted = self._diary.deleted_weeks()
        self._profile = self._diary.profile()
        self._today = self._diary.today()
        self._limit_custom_dates()
        self._show_period()

    def _limit_custom_dates(self) -> None:
        first = self._entries[0].record.week_commencing if self._entries else self._today
        for edit in (self.from_date, self.to_date):
            with QSignalBlocker(edit):
                edit.setDateRange(_to_qdate(min(first, self._today)), _to_qdate(self._today))

    def _chosen_period(self) -> Period:
        return PERIODS[max(self.period.currentIndex(), 0)]

    def _bounds(self) -> tuple[date, date] | None:
        period = self._chosen_period()
        if period.custom:
            first, last = _to_date(self.from_date.date()), _to_date(self.to_date.date())
            return period_weeks(period, self._entries, self._today, first, last)
        return period_weeks(period, self._entries, self._today)

    def _show_period(self) -> None:
        kept = self.selected_week()
        bounds = self._bounds()
        lines = (
            week_lines(self._entries, self._profile, *bounds, deleted=self._deleted)
            if bounds
            else []
        )
        self.model.set_lines(lines, self._profile)
        summary = summarise(lines, self._profile) if lines else None
        self.summary.setText(summary_text(summary, self._profile, bool(self._entries)))
        self._select_week(kept)

    # Period controls

    def _period_chosen(self) -> None:
        custom = self._chosen_period().custom
        if custom and not self._custom_dates_set and self.model.rowCount():
            # Start the custom dates from the weeks on screen, so they only need adjusting.
            newest = self.model.line_at(0).week_commencing
            oldest = self.model.line_at(self.model.rowCount() - 1).week_commencing
            self._set_dates(oldest, newest)
        self._show_custom_dates(custom)
        self._show_period()

    def _set_dates(self, first: date, last: date) -> None:
        for edit, day in ((self.from_date, first), (self.to_date, last)):
            with QSignalBlocker(edit):
                edit.setDate(_to_qdate(day))
        self._custom_dates_set = True

    def _show_custom_dates(self, shown: bool) -> None:
        for widget in (self.from_label, self.from_date, self.to_label, self.to_date):
            widget.setVisible(shown)

    def set_custom_dates(self, first: date, last: date) -> None:
        """Show the weeks from `first` to `last` (any day of a week means that week)."""
        self._set_dates(first, last)
        with QSignalBlocker(self.period):
            self.period.setCurrentIndex(next(i for i, p in enumerate(PERIODS) if p.custom))
        self._show_custom_dates(True)
        self._show_period()

    # Selection

    def selected_week(self) -> date | None:
        """The Monday of the week selected in the table, if any."""
        current = self.table.currentIndex()
        if not current.isValid():
            return None
        return self.model.line_at(self.proxy.mapToSource(current).row()).week_commencing

    def select_week(self, monday: date) -> bool:
        """Select the week containing `monday`; False (and the newest week) if it is not shown."""
        return self._select_week(week_commencing(monday))

    def _select_week(self, monday: date | None) -> bool:
        row = self.model.row_of(monday) if monday is not None else None
        found = row is not None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        else:
            index = self.proxy.index(0, 0)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._update_actions()
        return found

    def _update_actions(self) -> None:
        current = self.table.currentIndex()
        has_week = current.isValid()
        has_history = False
        if has_week:
            line = self.model.line_at(self.proxy.mapToSource(current).row())
            # A week not logged now may still have a story: it could have been deleted.
            has_history = line.entry is not None or self._diary.weeks.exists(
                line.week_commencing.isoformat()
            )
        self.open_action.setEnabled(has_week)
        self.history_action.setEnabled(has_history)
        self.history_button.setEnabled(has_history)

    # Opening a week, and its history

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_week.emit(
                self.model.line_at(self.proxy.mapToSource(index).row()).week_commencing
            )

    def _open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def show_history(self) -> AmendmentsDialog | None:
        """Open the selected week's history (the dialog is returned, for whoever wants it)."""
        monday = self.selected_week()
        if monday is None or not self.history_action.isEnabled():
            return None
        # Imported when first asked for, as the pages are: History opens sooner without it.
        from workdiary.ui.amendments import AmendmentsDialog

        events = self._diary.weeks.history(monday.isoformat())
        dialog = AmendmentsDialog.for_week(monday, events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # Qt events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter opens the week. Handled here rather than through `activated`, which some desktops
        # emit on a single click and macOS does not emit for Enter at all.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            self._open_current()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.table.currentIndex().isValid():
            self._select_week(None)
        self.table.setFocus()
