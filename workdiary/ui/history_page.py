"""The History page: each week of a period with its flags, a summary line, and each week's story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.dates import ONE_WEEK, format_day, week_commencing, week_ending
from workdiary.domain.errors import InvalidInput
from workdiary.domain.figures import (
    PeriodSummary,
    first_week_recorded,
    period_bounds,
    summarise,
    week_lines,
)
from workdiary.domain.formatting import count, format_money, format_number, weeks_words
from workdiary.domain.records import Profile, Recorded, Week
from workdiary.storage import Diary
from workdiary.ui.history_model import Column, HistoryModel, HistorySortProxy
from workdiary.ui.sort_choice import (
    HIGHEST_FIRST,
    LATEST_FIRST,
    MOST_FIRST,
    NEWEST_FIRST,
    SortChoice,
    SortWords,
)

if TYPE_CHECKING:
    from workdiary.ui.amendments import AmendmentsDialog
    from workdiary.ui.fields import DateField


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
    *,
    began: date | None,
) -> tuple[date, date] | None:
    """The Mondays `period` runs between (a custom one from `first` to `last`), as History shows
    it and an evidence pack covers it; None when there is nothing to show. A period that is not
    custom runs from no earlier than the week the diary `began`: History's first week recorded
    (one whose entry was deleted since too), or a pack's first record of any kind."""
    if period.custom:
        return period_bounds(entries, today, first, last)
    if began is None:
        return None
    bounds = period_bounds(entries, today, began, None)
    if bounds is None or period.weeks is None:
        return bounds
    # Never before the diary began: weeks before it was kept are not "missing".
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
SORT_WORDS: dict[int, SortWords] = {
    Column.WEEK: NEWEST_FIRST,
    Column.CAPACITY: HIGHEST_FIRST,
    Column.CASELOAD: HIGHEST_FIRST,
    Column.HOURS: MOST_FIRST,
    Column.UNPAID: MOST_FIRST,
    Column.RECORDED: LATEST_FIRST,
    Column.FLAGS: MOST_FIRST,
}


def summary_text(summary: PeriodSummary | None, profile: Profile, anything_logged: bool) -> str:
    """The period in one line of plain words, with the same figures as `workdiary show`."""
    if summary is None or summary.weeks_in_period == 0:
        if not anything_logged:
            return "No weeks logged yet. Log your first week and it will appear here."
        return "No weeks between those dates."
    threshold = f"{format_number(summary.threshold_pct)} %"
    unpaid = f"{format_number(summary.unpaid_hours)} unpaid hours"
    if not summary.weeks_with_unpaid:
        unpaid = "no unpaid hours recorded"
    elif summary.unpaid_value_gbp is not None:
        unpaid += f" ({format_money(summary.unpaid_value_gbp)})"
    parts = [
        weeks_words(summary),
        f"{summary.weeks_logged:,} logged",
        f"{summary.weeks_not_logged:,} not logged",
        f"{summary.weeks_at_or_over:,} at or over {threshold}",
        count(len(summary.excessive_runs), "excessive run"),
        unpaid,
    ]
    return " · ".join(parts)


@dataclass(frozen=True)
class CheckedDates:
    """Custom dates as typed, checked: the dates to show the weeks between (None when they cannot
    be shown), what is wrong with them, and where the list differs from them and why."""

    dates: tuple[date, date] | None
    problem: str = ""
    note: str = ""


def check_custom_dates(
    from_text: str, to_text: str, diary_weeks: tuple[date, date] | None
) -> CheckedDates:
    """The dates typed in From and To, taken as typed: checked, never changed. `diary_weeks` are
    the diary's first and latest Mondays (None while it has none); a period reaching beyond them
    is shown as far as the diary goes, and the note says so."""
    from workdiary.ui.fields import typed_period  # loaded with the boxes the dates are typed in

    try:
        first, last = typed_period(from_text, to_text)
    except InvalidInput as error:
        return CheckedDates(None, " ".join(problem.message for problem in error.problems))
    if diary_weeks is None:
        return CheckedDates((first, last))
    began, latest = diary_weeks
    if week_commencing(first) > latest:
        return CheckedDates(
            None,
            f"The diary has no weeks from {format_day(first)} on: its latest is the week "
            f"commencing {format_day(latest)}.",
        )
    if week_commencing(last) < began:
        return CheckedDates(
            None,
            f"The diary has no weeks up to {format_day(last)}: it begins with the week "
            f"commencing {format_day(began)}.",
        )
    notes = []
    if week_commencing(first) < began:
        notes.append(
            f"The diary begins with the week commencing {format_day(began)}, so the list "
            "starts there."
        )
    if week_commencing(last) > latest:
        notes.append(
            f"The diary's latest week is the one commencing {format_day(latest)}, so the "
            "list ends there."
        )
    return CheckedDates((first, last), note=" ".join(notes))


@dataclass(frozen=True)
class _DateBoxes:
    """The custom dates' boxes, their labels, and what is said about the dates typed."""

    from_label: QLabel
    from_date: DateField
    to_label: QLabel
    to_date: DateField
    message: QLabel


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
        # The custom dates last found right, as typed: the list keeps to them while the boxes
        # hold something that is not.
        self._custom_dates: tuple[date, date] | None = None
        # Built when custom dates are first wanted: see `_date_boxes`.
        self._boxes: _DateBoxes | None = None

        self.period = QComboBox()
        self.period.addItems([period.label for period in PERIODS])
        self.period.setCurrentText(DEFAULT_PERIOD)
        self.period.setAccessibleName("Period shown")
        period_label = QLabel("&Show:")
        period_label.setBuddy(self.period)

        self.history_action = QAction("Show &history of this week…", self)
        # fields.HISTORY_KEYS, written out: History opens at start-up without loading fields.
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        # Wherever the focus is in the window while History is shown (the list of pages too), and
        # never while another page is: the others have Ctrl+H for themselves.
        self.history_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
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

        # The selected week in full, flags explained: the Flags cell is cut short in a narrow
        # window, and its tooltip is out of reach of the keyboard.
        self.selected_line = QLabel()
        self.selected_line.setWordWrap(True)
        self.selected_line.setTextFormat(Qt.TextFormat.PlainText)
        self.selected_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.selected_line.setAccessibleName("Selected week")
        # Room for the usual two or three lines, so the table does not jump as the selection moves.
        self.selected_line.setMinimumHeight(self.selected_line.fontMetrics().lineSpacing() * 3)

        self.model = HistoryModel(self)
        self.proxy = HistorySortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._build_table()
        self.sort_choice = SortChoice(self.table, SORT_WORDS)

        hint = QLabel(
            "Double-click a week, or press Enter, to open it. A week not logged can be logged from "
            "here too; if it ended more than 7 days ago it will be marked retrospective."
        )
        hint.setWordWrap(True)

        self._controls = QHBoxLayout()
        self._controls.addWidget(period_label)
        self._controls.addWidget(self.period)
        self._controls.addSpacing(period_label.fontMetrics().averageCharWidth() * 2)
        self._controls.addWidget(self.sort_choice.label())
        self._controls.addWidget(self.sort_choice)
        self._controls.addStretch(1)
        self._controls.addWidget(self.history_button)

        layout = QVBoxLayout(self)
        layout.addLayout(self._controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.selected_line)
        layout.addWidget(hint)
        # Whoever focuses the page (the main window, on switching to it) focuses the table.
        self.setFocusProxy(self.table)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.reload()

    # The custom dates' boxes

    def _date_boxes(self) -> _DateBoxes:
        """From and To, their labels and the line about the dates typed, built when first
        wanted: most people choose a period from the list, and History opens sooner without
        them, and without their module (6 ms) when it is the first page shown."""
        if self._boxes is not None:
            return self._boxes
        from workdiary.ui.fields import DateField

        from_date = self._set_up_date_field(DateField(), "First week shown")
        to_date = self._set_up_date_field(DateField(), "Last week shown")
        # Alt+M and Alt+T: the main window's menus have Alt+F (File), Alt+G and Alt+H.
        from_label = QLabel("Fro&m")
        from_label.setBuddy(from_date.line_edit)
        to_label = QLabel("&to")
        to_label.setBuddy(to_date.line_edit)
        # What is wrong with the dates typed, or where the list differs from them, right under
        # them; hidden while there is nothing to say.
        message = QLabel()
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setAccessibleName("About the dates")
        message.setVisible(False)
        for place, widget in enumerate((from_label, from_date, to_label, to_date), start=2):
            widget.setVisible(False)  # until custom dates are chosen
            self._controls.insertWidget(place, widget)  # after the period list
        for field in (from_date, to_date):
            field.set_latest(self._today)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, message)  # under the boxes, above the summary
        # Tab goes from the period list through the boxes, as they stand, not after the table.
        QWidget.setTabOrder(self.period, from_date.line_edit)
        QWidget.setTabOrder(from_date.line_edit, to_date.line_edit)
        QWidget.setTabOrder(to_date.line_edit, self.history_button)
        self._boxes = _DateBoxes(from_label, from_date, to_label, to_date, message)
        return self._boxes

    @property
    def from_date(self) -> DateField:
        return self._date_boxes().from_date

    @property
    def to_date(self) -> DateField:
        return self._date_boxes().to_date

    @property
    def from_label(self) -> QLabel:
        return self._date_boxes().from_label

    @property
    def to_label(self) -> QLabel:
        return self._date_boxes().to_label

    @property
    def dates_message(self) -> QLabel:
        return self._date_boxes().message

    def _set_up_date_field(self, field: DateField, accessible_name: str) -> DateField:
        box = field.line_edit
        box.setAccessibleName(accessible_name)
        box.setToolTip("Any day of a week means that week. Press Enter or Tab when it is typed.")
        # A date is taken once typed in full (Enter, or leaving the box): taken at each key, a
        # date half typed would show the wrong weeks, or none, on the way.
        box.editingFinished.connect(self._take_dates)
        # Enter leaves the cursor in the box: the date taken is selected, so that the next date
        # typed (after Alt+M, say, which moves no cursor already there) replaces it whole.
        box.returnPressed.connect(box.selectAll)
        # Text put in other than by typing (a day picked from the calendar) is taken at once.
        box.textChanged.connect(lambda _text, box=box: self._box_changed(box))
        return field

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
        # The selected week stays in sight when the rows are sorted again: the line under the
        # table and Enter still speak of it, and it would otherwise be somewhere out of view.
        table.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: table.scrollTo(
                table.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter
            )
        )
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
        if self._boxes is not None:
            for field in (self._boxes.from_date, self._boxes.to_date):
                field.set_latest(self._today)
        if self._chosen_period().custom:
            # Checked again: what the diary holds, and so where its weeks begin and end, changed.
            self._check_custom_dates()
        self._show_period()

    def _diary_weeks(self) -> tuple[date, date] | None:
        """The first and latest Mondays the diary has weeks for, if it has any."""
        began = first_week_recorded(self._entries, self._deleted)
        if began is None:
            return None
        # From last week on: never an empty period, and it ends where every period ends.
        ending = period_bounds(self._entries, self._today, self._today - ONE_WEEK, None)
        return (began, ending[1]) if ending else None

    def _chosen_period(self) -> Period:
        return PERIODS[max(self.period.currentIndex(), 0)]

    def _bounds(self) -> tuple[date, date] | None:
        period = self._chosen_period()
        if period.custom:
            if self._custom_dates is None:
                return None
            return period_weeks(period, self._entries, self._today, *self._custom_dates, began=None)
        began = first_week_recorded(self._entries, self._deleted)
        return period_weeks(period, self._entries, self._today, began=began)

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
            self._set_dates(oldest, week_ending(newest))
        self._show_custom_dates(custom)
        # Boxes left empty (a diary with no weeks yet) are not yet a mistake to point out.
        if custom and (self.from_date.text() or self.to_date.text()):
            self._check_custom_dates()
        self._show_period()

    def _set_dates(self, first: date, last: date) -> None:
        from workdiary.ui.fields import format_date_for_typing

        for field, day in ((self.from_date, first), (self.to_date, last)):
            with QSignalBlocker(field.line_edit):
                field.setText(format_date_for_typing(day))
        self._custom_dates_set = True

    def _show_custom_dates(self, shown: bool) -> None:
        if self._boxes is None and not shown:
            return  # never built, nothing to hide
        boxes = self._date_boxes()
        for widget in (boxes.from_label, boxes.from_date, boxes.to_label, boxes.to_date):
            widget.setVisible(shown)
        if not shown:
            self._say_about_dates("", "")

    def set_custom_dates(self, first: date, last: date) -> None:
        """Show the weeks from `first` to `last` (any day of a week means that week)."""
        self._set_dates(first, last)
        with QSignalBlocker(self.period):
            self.period.setCurrentIndex(next(i for i, p in enumerate(PERIODS) if p.custom))
        self._show_custom_dates(True)
        self._check_custom_dates()
        self._show_period()

    def _take_dates(self) -> None:
        """Check the dates in the boxes, and show their weeks if those changed."""
        if self._chosen_period().custom and self._check_custom_dates():
            self._show_period()

    def _box_changed(self, box: QLineEdit) -> None:
        # Qt marks a box modified as the user types in it, and unmarks it when code sets its text.
        if not box.isModified():
            self._take_dates()

    def _check_custom_dates(self) -> bool:
        """Check the dates in the boxes and say what is wrong with them, if anything; True if the
        weeks to show changed."""
        checked = check_custom_dates(
            self.from_date.text(), self.to_date.text(), self._diary_weeks()
        )
        self._say_about_dates(checked.problem, checked.note)
        if checked.dates is None or checked.dates == self._custom_dates:
            return False
        self._custom_dates = checked.dates
        return True

    def _say_about_dates(self, problem: str, note: str) -> None:
        from workdiary.ui.fields import PROBLEM_STYLE, WARNING_SIGN

        message = self.dates_message
        if problem:
            if self._custom_dates is not None:
                problem += " Until the dates are put right, the list shows the weeks it did before."
            message.setText(f"{WARNING_SIGN} {problem}")
        else:
            message.setText(note)
        # A problem in the problems' colour as well as with its sign; a note is only information.
        style = PROBLEM_STYLE if problem else ""
        if message.styleSheet() != style:
            message.setStyleSheet(style)
        message.setVisible(bool(problem or note))
        for field in (self.from_date, self.to_date):
            field.line_edit.setAccessibleDescription(message.text())

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
        described = (
            self.model.week_in_words(self.proxy.mapToSource(current).row()) if has_week else ""
        )
        self.selected_line.setText(described)
        # Said with the table too, so a screen reader reaches it from there.
        self.table.setAccessibleDescription(described)

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
