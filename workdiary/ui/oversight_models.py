"""The Supervision and Concerns tables: a row a record, newest first, all in words, and the view
that says which record the user picked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from html import escape
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QTableView,
    QWidget,
)

from workdiary.domain.concern_story import (
    NEVER_AMENDED,
    Amendments,
    ConcernStory,
    concern_amendments,
)
from workdiary.domain.dates import format_day, format_moment
from workdiary.domain.figures import RETROSPECTIVE_AFTER_DAYS, is_retrospective
from workdiary.domain.formatting import (
    CONCERN_CHANNEL_WORDS,
    CONCERN_STATUS_WORDS,
    RESTORED,
    SUPERVISION_STATUS_WORDS,
    amendments_words,
    recorded_again_moments,
    recorded_again_words,
)
from workdiary.domain.oversight import is_answered, is_overdue
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    ConcernStatus,
    Recorded,
    SupervisionSession,
    SupervisionStatus,
)
from workdiary.ui.fields import soft_ink
from workdiary.ui.table_models import (
    ACCESSIBLE,
    ALIGNMENT,
    DECORATION,
    DISPLAY,
    FONT,
    LEFT,
    RIGHT,
    TOOL_TIP,
    ModelIndex,
    ReadOnlyTableModel,
)

R = TypeVar("R")

# The words the app shows for each stored choice, in the order the editors offer them.
# What a line about a concern shows of its text: its first line, cut to this many characters.
SHORTENED_SUMMARY_CHARS = 60

FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
# Qt sorts by these raw values itself; dates as day numbers, text folded to one case.
SORT_ROLE = int(Qt.ItemDataRole.UserRole)
# The table is never made shorter than this many rows; the page scrolls instead.
ROWS_ALWAYS_SHOWN = 5


def shortened(text: str, limit: int | None = SHORTENED_SUMMARY_CHARS) -> str:
    """The first line of `text`, cut to `limit` characters (None: not cut) with `…` when there
    is more."""
    lines = text.strip().splitlines()
    first = lines[0].strip() if lines else ""
    if limit is not None and len(first) > limit:
        return first[: limit - 1].rstrip() + "…"
    return first + (" …" if len(lines) > 1 else "")


@dataclass(frozen=True)
class Mark:
    """A word or two marking a record (retrospective, amended), and the sentence explaining it."""

    text: str
    explanation: str


def record_marks(entry: Recorded[Any], happened_on: date, amended: Amendments) -> list[Mark]:
    """Retrospective, deleted and restored, and amended (`amended` counts the amendments), as
    History marks a week."""
    marks = []
    if is_retrospective(happened_on, entry.first_recorded_at):
        marks.append(
            Mark(
                "retrospective",
                f"First recorded {format_moment(entry.first_recorded_at)}: more than "
                f"{RETROSPECTIVE_AFTER_DAYS} days after the end of the week it happened in",
            )
        )
    if entry.recorded_again:
        moments = recorded_again_moments(entry.recorded_again, RESTORED)
        marks.append(
            Mark(
                recorded_again_words(entry.recorded_again, RESTORED),
                f"{moments[:1].upper()}{moments[1:]}. Neither counts as an amendment; its "
                "history keeps both.",
            )
        )
    if amended.times:
        last = f"; last on {format_moment(amended.last_at)}" if amended.last_at else ""
        marks.append(
            Mark(
                "amended" if amended.times == 1 else f"amended {amended.times} times",
                f"{amendments_words(amended.times).capitalize()} after it was first recorded"
                f"{last}. The earlier values are kept in its history.",
            )
        )
    return marks


def deleted_mark(deleted_at: datetime) -> Mark:
    """The mark of a record deleted at `deleted_at`, shown only when the user asks to see them."""
    return Mark(
        "deleted",
        f"Deleted {format_moment(deleted_at)}: it no longer counts in the figures. What it held "
        "is kept in its history.",
    )


OVERDUE_STATUS = "Overdue: no response"


def overdue_words(concern: Concern) -> str:
    """`Overdue: no response since follow-up on Mon 07 Sep 2026`."""
    assert concern.follow_up_on is not None
    return f"Overdue: no response since follow-up on {format_day(concern.follow_up_on)}"


def rich_tooltip(text: str) -> str:
    """A tooltip that shows the user's text exactly: Qt would read `<b>` in a plain tooltip as
    markup, so the text is escaped inside a paragraph that keeps its line breaks."""
    return f'<p style="white-space: pre-wrap">{escape(text)}</p>'


@dataclass(frozen=True)
class RowCells:
    """Everything the table shows of one record, a value a column."""

    display: list[str]
    accessible: list[str]
    sort_keys: list[float | str]
    tips: list[str | None]
    # Past its follow-up date with nothing back: shown in bold, with a warning icon by its words.
    stands_out: bool = False
    # Deleted: in softer ink, as well as marked so in words.
    deleted: bool = False


class RecordsModel(ReadOnlyTableModel, Generic[R]):
    """Records newest first, read-only: they change in the page's editor, where every change is
    recorded. Deleted records are among them when the page is asked to show them, marked so.
    Subclasses say what the columns are and what a record shows in them."""

    # The column that says in words why a row stands out, and those words; the warning icon goes
    # there.
    stand_out_column = -1
    stand_out_words = ""
    # What the widest cell of a column looks like, for a column sized from the font in use
    # rather than from what it holds: its width then stays the same whatever is logged, and a
    # longer cell is cut short with `…` (its tooltip says the whole).
    widest_cells: ClassVar[dict[int, str]] = {}
    # For a column sized from what it holds: no wider than this sample, so that one long cell
    # leaves room for the others (it is cut short with `…`, and its tooltip says the whole).
    widest_allowed: ClassVar[dict[int, str]] = {}
    # Columns that stay in the regular weight in a row that stands out (what they say is not
    # why it does), and are measured so.
    regular_weight_columns: ClassVar[frozenset[int]] = frozenset()
    # The room left after a column's widest text, in average characters.
    column_gap_chars = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Recorded[R]] = []
        self._rows: list[RowCells] = []
        self._deleted: Mapping[str, datetime] = {}
        self.amended: Mapping[str, Amendments] = {}
        self._today = date.today()
        self._deleted_ink = QBrush(soft_ink(QApplication.palette()))
        self._bold = QFont()
        self._bold.setBold(True)
        self._warning_icon: QIcon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        self._alignments = [
            RIGHT if column in self.number_columns else LEFT for column in range(len(self.headers))
        ]

    # Filling

    def set_entries(
        self,
        entries: Sequence[Recorded[R]],
        today: date,
        deleted: Mapping[str, datetime] | None = None,
    ) -> None:
        """Show these records (in any order) as they stand on `today`; `deleted` says when those
        of them that were deleted were deleted, by key."""
        self.beginResetModel()
        self._today = today
        self._deleted = deleted or {}
        self._entries = sorted(entries, key=self.newest_first_key, reverse=True)
        self._rows = [self.cells(entry) for entry in self._entries]
        self.endResetModel()

    def newest_first_key(self, entry: Recorded[R]) -> tuple[date, int]:
        """Sorted by this, descending: latest date first, and the last recorded of a day first."""
        return (self.day_of(entry.record), int(entry.key) if entry.key.isdigit() else 0)

    def day_of(self, record: R) -> date:
        raise NotImplementedError

    def cells(self, entry: Recorded[R]) -> RowCells:
        raise NotImplementedError

    def amendments(self, entry: Recorded[R]) -> Amendments:
        """How many times what the record held was changed after it was first recorded (read
        from its audit entries into `amended` before `set_entries`)."""
        return self.amended.get(entry.key, NEVER_AMENDED)

    def deleted_at(self, key: str) -> datetime | None:
        """When the record with `key` was deleted; None for one not deleted."""
        return self._deleted.get(key)

    def marks(self, entry: Recorded[R]) -> list[Mark]:
        """Deleted (first, where a narrow Flags column still shows it), retrospective, amended."""
        deleted_at = self.deleted_at(entry.key)
        deleted = [deleted_mark(deleted_at)] if deleted_at is not None else []
        return deleted + record_marks(entry, self.day_of(entry.record), self.amendments(entry))

    def today(self) -> date:
        return self._today

    # Finding rows

    def entry_at(self, row: int) -> Recorded[R]:
        """The record shown in `row` of this model (not of a proxy over it)."""
        return self._entries[row]

    def row_of(self, key: str) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.key == key:
                return row
        return None

    def entries(self) -> list[Recorded[R]]:
        return list(self._entries)

    # QAbstractTableModel

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        cells = self._rows[index.row()]
        column = index.column()
        role = int(role)
        if role == DISPLAY:
            return cells.display[column]
        if role == ACCESSIBLE:
            return cells.accessible[column]
        if role == TOOL_TIP:
            return cells.tips[column]
        if role == SORT_ROLE:
            return cells.sort_keys[column]
        if role == ALIGNMENT:
            return self._alignments[column]
        if role == FONT and cells.stands_out and column not in self.regular_weight_columns:
            return self._bold
        if role == DECORATION and cells.stands_out and column == self.stand_out_column:
            return self._warning_icon
        if role == FOREGROUND and cells.deleted:
            return self._deleted_ink
        return None


class SessionColumn(IntEnum):
    DATE = 0
    STATUS = 1
    SUPERVISOR = 2
    LENGTH = 3
    WORKLOAD = 4
    RECORDED = 5
    FLAGS = 6


def workload_words(session: SupervisionSession) -> str:
    """Whether workload was discussed: `yes`, `no`, or nothing when it was not held or not said."""
    if session.status is not SupervisionStatus.HELD or session.workload_discussed is None:
        return ""
    return "yes" if session.workload_discussed else "no"


class SupervisionModel(RecordsModel[SupervisionSession]):
    """Supervision sessions, newest first: what happened to each, and how it was recorded."""

    headers = (
        "Date",
        "Status",
        "Supervisor",
        "Length",
        "Workload discussed",
        "First recorded",
        "Flags",
    )
    header_tips = (
        "The day the session was held, or was due",
        "Held, cancelled, rescheduled or not offered",
        "The supervisor's initials",
        "How long the session lasted",
        "Whether your workload was discussed in a session that was held",
        "When the session was first logged; later changes are kept in its history",
        "In words: logged late (retrospective), deleted and restored, changed since (amended), "
        "or deleted (when Show deleted is ticked). Point at one for when",
    )
    number_columns = frozenset({SessionColumn.LENGTH})

    def day_of(self, record: SupervisionSession) -> date:
        return record.held_on

    def cells(self, entry: Recorded[SupervisionSession]) -> RowCells:
        session = entry.record
        day = format_day(session.held_on)
        status = SUPERVISION_STATUS_WORDS[session.status]
        length = "" if session.minutes is None else f"{session.minutes} min"
        workload = workload_words(session)
        recorded = format_day(entry.first_recorded_at.astimezone().date())
        marks = self.marks(entry)
        flags = ", ".join(mark.text for mark in marks)
        return RowCells(
            display=[day, status, session.supervisor, length, workload, recorded, flags],
            accessible=[
                day,
                status,
                session.supervisor or "no supervisor recorded",
                "length not recorded" if session.minutes is None else f"{session.minutes} minutes",
                f"workload discussed: {workload}" if workload else "",
                f"First recorded {recorded}",
                flags or "no flags",
            ],
            sort_keys=[
                session.held_on.toordinal(),
                status.casefold(),
                session.supervisor.casefold(),
                -1 if session.minutes is None else session.minutes,
                workload,
                entry.first_recorded_at.timestamp(),
                flags,
            ],
            tips=[
                None,
                None,
                None,
                None,
                None,
                f"First recorded {format_moment(entry.first_recorded_at)}",
                "\n".join(mark.explanation for mark in marks) or None,
            ],
            deleted=self.deleted_at(entry.key) is not None,
        )


class ConcernColumn(IntEnum):
    # The short facts first, each always whole on screen, the status before the long text
    # (whether a concern is overdue is what must be seen), and the flags after them, as in the
    # other tables; what was said takes the width left.
    RAISED_ON = 0
    RAISED_WITH = 1
    CHANNEL = 2
    STATUS = 3
    FLAGS = 4
    SUMMARY = 5


def concern_status_words(concern: Concern, today: date, deleted: bool = False) -> str:
    """What became of the concern, with the day that goes with it, for a column:
    `Open, follow up Mon 30 Nov 2026`, `Answered Thu 19 Nov 2026`, `Closed`, or, short because it
    also stands out in bold with an icon, `Overdue: no response` (its tooltip gives the day). A
    `deleted` concern waits for nothing, so it is never overdue."""
    if is_overdue(concern, today) and not deleted:
        return OVERDUE_STATUS
    words = CONCERN_STATUS_WORDS[concern.status]
    if concern.status is ConcernStatus.ANSWERED and concern.response_on is not None:
        return f"{words} {format_day(concern.response_on)}"
    if not is_answered(concern) and concern.follow_up_on is not None:
        return f"{words}, follow up {format_day(concern.follow_up_on)}"
    return words


def concern_status_sentence(concern: Concern, today: date, deleted: bool = False) -> str:
    """The status with whatever its column leaves out, for its tooltip and a screen reader."""
    if is_overdue(concern, today) and not deleted:
        return overdue_words(concern)
    words = concern_status_words(concern, today, deleted)
    if concern.status is not ConcernStatus.ANSWERED and concern.response_on is not None:
        return f"{words}: the response came on {format_day(concern.response_on)}"
    return words


# The widest day a date takes, as History sizes its columns; the widest status is an open
# concern's, with its follow-up day.
WIDEST_DAY = date(2026, 9, 30)
WIDEST_STATUS_SAMPLE = Concern(WIDEST_DAY, "", ConcernChannel.EMAIL, "", follow_up_on=WIDEST_DAY)
# When the Flags column is sorted: having been deleted and restored outweighs any number of
# amendments, being logged late outweighs both, and being deleted now outweighs all three.
RESTORED_SORT_WEIGHT = 1_000
RETROSPECTIVE_SORT_WEIGHT = 1_000_000
DELETED_SORT_WEIGHT = 2 * RETROSPECTIVE_SORT_WEIGHT


class ConcernsModel(RecordsModel[Concern]):
    """Concerns raised, newest first; those past their follow-up date with no response stand out
    in words, in bold and with a warning icon. Whether a concern was logged late
    (retrospective) or something already recorded of it changed since (amended) is in its Flags
    column, in the words the Supervision table uses, and what they mean in that cell's tooltip.
    Recording the answer, adding to it or closing the concern is no amendment: its Status says
    what came back."""

    headers = ("Date raised", "Raised with", "How", "Status", "Flags", "What you said")
    header_tips = (
        "The day you raised the concern; point at it for when it was first logged",
        "Who you raised it with (role or initials)",
        "How you raised it",
        "Open (with the day to follow it up), answered (with the day of the response) or closed; "
        "overdue when the follow-up date has passed with no response",
        "Logged late (retrospective), deleted and restored, or something already recorded "
        "changed since (amended); recording the answer, adding to it or closing the concern is "
        "not an amendment; or deleted (when Show deleted is ticked). Point at one for when",
        "What you said, shortened; select the row to read all of it",
    )
    stand_out_column = ConcernColumn.STATUS
    stand_out_words = OVERDUE_STATUS
    widest_cells: ClassVar[dict[int, str]] = {
        ConcernColumn.RAISED_ON: format_day(WIDEST_DAY),
        # A role like this is seen whole; a longer one is cut short, and is whole in its tooltip.
        ConcernColumn.RAISED_WITH: "Head of Service",
        ConcernColumn.CHANNEL: max(CONCERN_CHANNEL_WORDS.values(), key=len),
        ConcernColumn.STATUS: concern_status_words(WIDEST_STATUS_SAMPLE, WIDEST_DAY),
    }
    # The flags take only the room the diary's flags need, up to both marks whole (a concern
    # logged late and then answered has both); a longer count of amendments may be cut short.
    widest_allowed: ClassVar[dict[int, str]] = {ConcernColumn.FLAGS: "retrospective, amended"}
    # The bold says a concern is overdue; its flags are about how it was recorded.
    regular_weight_columns = frozenset({ConcernColumn.FLAGS})
    # Six columns across the window's first width: closer together, so that what was said
    # still shows its first few words there.
    column_gap_chars = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # What became of each concern after it was first recorded, by its key, from its audit
        # entries: set before `set_entries`, which reads it for every row.
        self.stories: Mapping[str, ConcernStory] = {}

    def day_of(self, record: Concern) -> date:
        return record.raised_on

    def story(self, entry: Recorded[Concern]) -> ConcernStory:
        return self.stories.get(entry.key, ConcernStory())

    def amendments(self, entry: Recorded[Concern]) -> Amendments:
        return concern_amendments(entry, self.story(entry))

    def cells(self, entry: Recorded[Concern]) -> RowCells:
        concern = entry.record
        today = self.today()
        raised = format_day(concern.raised_on)
        channel = CONCERN_CHANNEL_WORDS[concern.channel]
        deleted = self.deleted_at(entry.key) is not None
        status = concern_status_words(concern, today, deleted)
        status_sentence = concern_status_sentence(concern, today, deleted)
        amended = self.amendments(entry)
        marks = self.marks(entry)
        flags = ", ".join(mark.text for mark in marks)
        retrospective = is_retrospective(concern.raised_on, entry.first_recorded_at)
        overdue = is_overdue(concern, today) and not deleted
        day_shown = concern.response_on if concern.status is ConcernStatus.ANSWERED else None
        # Not cut here: the table cuts it to its column, which a wider window widens.
        said = shortened(concern.summary, None)
        return RowCells(
            display=[raised, concern.raised_with, channel, status, flags, said],
            accessible=[
                f"Raised {raised}",
                f"with {concern.raised_with}",
                channel,
                status_sentence,
                flags or "no flags",
                concern.summary,
            ],
            sort_keys=[
                concern.raised_on.toordinal(),
                concern.raised_with.casefold(),
                channel.casefold(),
                # Overdue first when sorted by status descending, then open, closed, answered;
                # each by its day.
                ("3" if overdue else "2" if concern.status is ConcernStatus.OPEN else "1")
                + CONCERN_STATUS_WORDS[concern.status].casefold()
                + (day_shown or concern.follow_up_on or date.min).isoformat(),
                # Deleted first when sorted descending, then logged late, then deleted and
                # restored, then the most amended.
                (DELETED_SORT_WEIGHT if deleted else 0)
                + (RETROSPECTIVE_SORT_WEIGHT if retrospective else 0)
                + (RESTORED_SORT_WEIGHT if entry.recorded_again else 0)
                + amended.times,
                concern.summary.casefold(),
            ],
            tips=[
                f"First recorded {format_moment(entry.first_recorded_at)}",
                rich_tooltip(concern.raised_with),
                None,
                f"{status_sentence}: past its follow-up date, and no response recorded"
                if overdue
                else (status_sentence if status_sentence != status else None),
                "\n".join(mark.explanation for mark in marks) or None,
                rich_tooltip(concern.summary),
            ],
            stands_out=overdue,
            deleted=deleted,
        )


class RecordsSortProxy(QSortFilterProxyModel):
    """Sorts by the models' raw values; newest first is the models' own order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)


# Keys that, with no row picked yet, pick the first.
TO_FIRST_ROW_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_PageUp)


class RecordsTable(QTableView):
    """A read-only, sortable table over a RecordsModel. Sends `picked` with a record's key when
    the user selects its row (never when the program does, through `select_key`), and `opened`
    on Enter or a double-click, to go and edit it."""

    picked = Signal(str)
    opened = Signal()

    def __init__(
        self, model: RecordsModel[Any], accessible_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self.proxy = RecordsSortProxy(self)
        self.proxy.setSourceModel(model)
        self._selecting = False
        self.setModel(self.proxy)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        # The selection, not the current row: a table given the focus by Tab makes a row current
        # without selecting it, and that must not count as picking it.
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        self.doubleClicked.connect(lambda _index: self.opened.emit())
        model.modelReset.connect(self.size_columns)

    def selected_key(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return self._model.entry_at(self.proxy.mapToSource(rows[0]).row()).key

    def select_key(self, key: str | None) -> None:
        """Select the row of `key` (nothing for None), without it counting as the user's pick."""
        row = None if key is None else self._model.row_of(key)
        self._selecting = True
        try:
            if row is None:
                self.selectionModel().clear()
                return
            index = self.proxy.mapFromSource(self._model.index(row, 0))
            self.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.scrollTo(index)
        finally:
            self._selecting = False

    def size_columns(self) -> None:
        """Each column as wide as its widest text, or the model's sample of it, in the font in
        use (so it grows with display scaling); the last one takes what is left."""
        header = self.horizontalHeader()
        bold = QFont(self.font())
        bold.setBold(True)
        # Measured in bold, which is wider: a row that stands out must not be cut short.
        cells = QFontMetrics(bold)
        headings = header.fontMetrics()
        model = self._model
        padding = cells.averageCharWidth() * model.column_gap_chars
        for column in range(model.columnCount() - 1):
            heading = str(model.headerData(column, Qt.Orientation.Horizontal))
            if column in model.widest_cells:
                texts = [model.widest_cells[column]]
            else:
                texts = [str(model.index(row, column).data()) for row in range(model.rowCount())]
            # In the column that says why a row stands out only those words are in bold, and
            # some columns never are.
            regular = column == model.stand_out_column or column in model.regular_weight_columns
            metrics = self.fontMetrics() if regular else cells
            widest = max(
                [headings.horizontalAdvance(heading), *map(metrics.horizontalAdvance, texts)]
            )
            if column in model.widest_allowed:
                allowed = metrics.horizontalAdvance(model.widest_allowed[column])
                widest = min(widest, max(allowed, headings.horizontalAdvance(heading)))
            if column == model.stand_out_column:
                # The words in bold, after the warning icon and a gap.
                icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
                stand_out = cells.horizontalAdvance(model.stand_out_words)
                widest = max(widest, icon + cells.averageCharWidth() * 2 + stand_out)
            header.resizeSection(column, widest + padding)
        row_height = cells.lineSpacing() + cells.height() // 2
        self.verticalHeader().setDefaultSectionSize(row_height)
        # Never squeezed below a few rows: the page scrolls instead.
        frame = self.frameWidth() * 2 + self.horizontalScrollBar().sizeHint().height()
        self.setMinimumHeight(header.sizeHint().height() + row_height * ROWS_ALWAYS_SHOWN + frame)

    def _selection_changed(self) -> None:
        key = self.selected_key()
        if not self._selecting and key is not None:
            self.picked.emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Handled here rather than through `activated`, which some desktops emit on a single
        # click and macOS does not emit for Enter at all.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if self.selected_key() is not None:
                self.opened.emit()
            event.accept()
            return
        # Tab makes the first row current without selecting it: the first arrow key picks that
        # row, the newest, rather than the one after it.
        first = self.proxy.index(0, 0)
        if event.key() in TO_FIRST_ROW_KEYS and not self.selectionModel().hasSelection():
            if first.isValid():
                self.selectionModel().setCurrentIndex(
                    first,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.scrollTo(first)
            event.accept()
            return
        super().keyPressEvent(event)
