"""The History table's data: one row a week, newest first, its figures and flags in words."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from workdiary.domain.dates import format_day, format_moment
from workdiary.domain.figures import WeekLine
from workdiary.domain.formatting import format_number, recorded_again_moments, week_flags
from workdiary.domain.records import Profile
from workdiary.ui.table_models import (
    ACCESSIBLE,
    ALIGNMENT,
    DISPLAY,
    FONT,
    LEFT,
    RIGHT,
    TOOL_TIP,
    ModelIndex,
    ReadOnlyTableModel,
)


class Column(IntEnum):
    WEEK = 0
    CAPACITY = 1
    CASELOAD = 2
    HOURS = 3
    UNPAID = 4
    RECORDED = 5
    FLAGS = 6


HEADERS = {
    Column.WEEK: "Week commencing",
    Column.CAPACITY: "Capacity",
    Column.CASELOAD: "Caseload",
    Column.HOURS: "Hours worked",
    Column.UNPAID: "Unpaid hours",
    Column.RECORDED: "First recorded",
    Column.FLAGS: "Flags",
}

HEADER_TIPS = {
    Column.WEEK: "The Monday the week starts",
    Column.CAPACITY: "Current % Capacity as the WMT showed it",
    Column.CASELOAD: "All cases allocated to you",
    Column.HOURS: "Every hour you worked, paid or not",
    Column.UNPAID: "Hours worked beyond what you are paid for",
    Column.RECORDED: "When the week was first logged; later changes are kept in its history",
    Column.FLAGS: "What stands out about the week, in words",
}

COLUMN_COUNT = len(Column)
NUMBER_COLUMNS = (Column.CAPACITY, Column.CASELOAD, Column.HOURS, Column.UNPAID)

# Raw values to sort by. Qt compares them itself (no Python per comparison), so a week with no
# figure needs a number too: one role puts it after everything ascending, the other descending,
# and the proxy below picks whichever keeps "no figure" at the bottom in both directions.
SORT_ROLE = int(Qt.ItemDataRole.UserRole)
DESCENDING_SORT_ROLE = SORT_ROLE + 1


# How much each flag weighs when the Flags column is sorted: sorted descending, the weeks that
# matter most to a grievance come first (any excessive run outweighs everything below it).

NOT_LOGGED_MARK = "—"


_ALIGNMENTS = [RIGHT if column in NUMBER_COLUMNS else LEFT for column in Column]


def _number(value: float | None) -> str:
    return "" if value is None else format_number(value)


def _sort_keys(values: Sequence[float | None], missing: float) -> list[float]:
    return [missing if value is None else float(value) for value in values]


def _as_aside(explanation: str) -> str:
    """A flag's explanation, a sentence of its own in a tooltip, as words in brackets."""
    return explanation[:1].lower() + explanation[1:].rstrip(".")


def week_in_words(line: WeekLine, profile: Profile) -> str:
    """The week as its row shows it, uncut, with what each flag means: for whoever cannot read
    a cell cut short, or point at it for its tooltip. Two lines, the figures then the flags."""
    day = format_day(line.week_commencing)
    entry = line.entry
    if entry is None:
        figures = f"Week commencing {day}: not logged."
    else:
        week = entry.record
        parts = [f"capacity {format_number(week.capacity_pct)} %"]
        for name, value in (
            ("caseload", week.caseload),
            ("hours worked", week.hours_worked),
            ("unpaid hours", week.unpaid_hours),
        ):
            if value is not None:
                parts.append(f"{name} {format_number(value)}")
        recorded = format_day(entry.first_recorded_at.astimezone().date())
        figures = f"Week commencing {day}: {', '.join(parts)}; first recorded {recorded}."
    flags = week_flags(line, profile)
    if not flags:
        return f"{figures}\nNo flags."
    explained = ", ".join(f"{flag.text} ({_as_aside(flag.explanation)})" for flag in flags)
    text = f"{figures}\nFlags: {explained}."
    if line.not_logged:
        text += " Press Enter to log it now."
    return text


class HistoryModel(ReadOnlyTableModel):
    """Weeks newest first. A row's strings are worked out the first time the view asks for the
    row, then kept: a view shows a screenful of ten years, and opening History must be quick."""

    headers = tuple(HEADERS[column] for column in Column)
    header_tips = tuple(HEADER_TIPS[column] for column in Column)
    number_columns = frozenset(NUMBER_COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[WeekLine] = []
        self._profile = Profile()
        # row -> role -> column -> value (None until first asked for); a role missing has no data.
        self._rows: list[dict[int, list[Any]] | None] = []
        # Fonts that set only their weight or slant, so the view's own font still applies.
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    # Filling

    def set_lines(self, lines: Sequence[WeekLine], profile: Profile) -> None:
        """Show these lines (from `week_lines`, in any order) for this profile's threshold."""
        self.beginResetModel()
        self._lines = sorted(lines, key=lambda line: line.week_commencing, reverse=True)
        self._profile = profile
        self._rows = [None] * len(self._lines)
        self.endResetModel()

    def _row_cells(self, line: WeekLine) -> dict[int, list[Any]]:
        profile = self._profile
        day = format_day(line.week_commencing)
        flags = week_flags(line, profile)
        flag_text = ", ".join(flag.text for flag in flags)
        flag_tip = "\n".join(flag.explanation for flag in flags) or None
        if line.not_logged:
            flag_tip = f"{flag_tip}\nPress Enter to log it now."
        entry = line.entry
        if entry is None:
            display = [day, NOT_LOGGED_MARK, "", "", "", "", flag_text]
            tips: list[str | None] = [None, None, None, None, None, None, flag_tip]
            accessible = [f"Week commencing {day}", "not logged", "", "", "", "", flag_text]
            raw: list[float | None] = [line.week_commencing.toordinal(), None, None, None, None,
                                       None]  # fmt: skip
            # Italic as an extra cue for a gap; the Flags column says it in words.
            fonts: list[QFont | None] = [self._italic, *[None] * (COLUMN_COUNT - 2), self._italic]
        else:
            week = entry.record
            recorded_day = format_day(entry.first_recorded_at.astimezone().date())
            recorded_tip = f"First recorded {format_moment(entry.first_recorded_at)}"
            if entry.recorded_again:
                moments = recorded_again_moments(entry.recorded_again)
                recorded_tip += f"\n{moments[:1].upper()}{moments[1:]}"
            if entry.amended or entry.recorded_again:
                recorded_tip += f"\nLast changed {format_moment(entry.last_changed_at)}"
            display = [
                day,
                f"{format_number(week.capacity_pct)} %",
                _number(week.caseload),
                _number(week.hours_worked),
                _number(week.unpaid_hours),
                recorded_day,
                flag_text,
            ]
            tips = [None, None, None, None, None, recorded_tip, flag_tip]
            accessible = [
                f"Week commencing {day}",
                f"{format_number(week.capacity_pct)} percent",
                *(text or "not recorded" for text in display[2:5]),
                f"First recorded {recorded_day}",
                flag_text or "no flags",
            ]
            raw = [
                line.week_commencing.toordinal(),
                week.capacity_pct,
                week.caseload,
                week.hours_worked,
                week.unpaid_hours,
                entry.first_recorded_at.timestamp(),
            ]
            # Bold as an extra cue for a figure over the line; the flag says it in words.
            fonts = [None, self._bold if line.at_or_over else None, None, None, None, None, None]
        weight = float(sum(flag.weight for flag in flags))
        return {
            DISPLAY: display,
            TOOL_TIP: tips,
            ACCESSIBLE: accessible,
            FONT: fonts,
            SORT_ROLE: [*_sort_keys(raw, math.inf), weight],
            DESCENDING_SORT_ROLE: [*_sort_keys(raw, -math.inf), weight],
            ALIGNMENT: _ALIGNMENTS,
        }

    def line_at(self, row: int) -> WeekLine:
        """The week shown in `row` of this model (not of a proxy over it)."""
        return self._lines[row]

    def week_in_words(self, row: int) -> str:
        """The week in `row` of this model, in full: see `week_in_words`."""
        return week_in_words(self._lines[row], self._profile)

    def row_of(self, monday: date) -> int | None:
        """The row of the week commencing `monday`, if the model shows it."""
        for row, line in enumerate(self._lines):
            if line.week_commencing == monday:
                return row
        return None

    # QAbstractTableModel

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        cells = self._rows[row]
        if cells is None:
            cells = self._rows[row] = self._row_cells(self._lines[row])
        values = cells.get(int(role))
        return None if values is None else values[index.column()]


class HistorySortProxy(QSortFilterProxyModel):
    """Sorts by the model's raw values, keeping weeks with no figure at the bottom either way."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        role = SORT_ROLE if order == Qt.SortOrder.AscendingOrder else DESCENDING_SORT_ROLE
        self.setSortRole(role)
        if column == Column.WEEK and order == Qt.SortOrder.DescendingOrder:
            # Newest first is the model's own order: passing rows through in it (column -1,
            # which Qt reverses unless "ascending") saves sorting 520 rows through Python on
            # every reload of the usual view. The header still shows what the user chose.
            super().sort(-1, Qt.SortOrder.AscendingOrder)
            return
        super().sort(column, order)
