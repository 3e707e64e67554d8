"""The Supervision page: whether supervision is overdue, figures for a period, and each session
logged or amended, its history kept."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.dates import format_day, format_moment, parse_date
from workdiary.domain.errors import FieldProblem, IdentifierWarning, InvalidInput, WorkDiaryError
from workdiary.domain.figures import RETROSPECTIVE_AFTER_DAYS, is_retrospective
from workdiary.domain.formatting import SUPERVISION_STATUS_WORDS, count, describe_event
from workdiary.domain.history import Change, HistoryEvent
from workdiary.domain.identifiers import find_identifiers
from workdiary.domain.oversight import (
    Gap,
    SupervisionFigures,
    SupervisionOverdue,
    held_dates,
    supervision_figures,
    supervision_overdue,
)
from workdiary.domain.records import (
    SUPERVISION_FIELDS,
    Recorded,
    SupervisionSession,
    SupervisionStatus,
)
from workdiary.domain.validation import parse_number, supervision_problems
from workdiary.storage import Diary, SaveResult
from workdiary.ui.amendments import AmendmentsDialog
from workdiary.ui.fields import DateField, format_date_for_typing
from workdiary.ui.messages import Messages
from workdiary.ui.oversight_models import (
    RecordsTable,
    SupervisionModel,
    amendments_words,
)
from workdiary.ui.week_editor import (
    PROBLEM_STYLE,
    WARNING_SIGN,
    native_text,
    problems_for,
    with_mnemonic,
)


@dataclass(frozen=True)
class Period:
    """A choice of period for the figures: the latest `weeks` weeks up to today, or everything."""

    label: str
    weeks: int | None


# Months as whole weeks (13 to a quarter), as History counts them, so "Last 3 months" is always
# the same length and holds a whole number of four-weekly sessions.
PERIODS = (
    Period("Last 3 months", 13),
    Period("Last 6 months", 26),
    Period("Last 12 months", 52),
    Period("Last 2 years", 104),
    Period("Everything", None),
)
DEFAULT_PERIOD = "Last 12 months"

# Alt+letter for each field. None clashes with Save (S), New session (N), Period (P), the table
# (I), or the window's File (F), Go (G) and Help (H) menus.
MNEMONICS = {
    "held_on": "d",
    "status": "t",
    "supervisor": "r",
    "minutes": "l",
    "workload_discussed": "w",
    "actions": "a",
    "notes": "o",
}
HINTS = {
    "held_on": "The day it was held, or was due",
    "status": "Type its first letter (H, C, R or N), or use the arrow keys",
    "supervisor": SUPERVISION_FIELDS["supervisor"].hint,
    "minutes": "Only for a session that was held",
    "workload_discussed": "Only for a session that was held",
}
TEXT_LINES = 3
# Boxes as wide as these, in the user's font, so they grow with it and never clip.
INITIALS_WIDTH_SAMPLE = "MMMMMMMMMM"
MINUTES_WIDTH_SAMPLE = "000000"
CHANGES_LISTED = 4
LONGEST_VALUE_SHOWN = 40
NEW_SESSION_KEYS = "Ctrl+N"
HISTORY_KEYS = "Ctrl+H"
SAVE_KEYS = QKeySequence.StandardKey.Save


# Plain words for the banner, the figures and the status line


def every(interval_weeks: int) -> str:
    return "every week" if interval_weeks == 1 else f"every {interval_weeks} weeks"


def overdue_sentence(overdue: SupervisionOverdue) -> str:
    """`Your last supervision was held on Mon 14 Sep 2026, 69 days ago. It is due every 4 weeks.`"""
    due = f"It is due {every(overdue.interval_weeks)}."
    if overdue.last_held is None or overdue.days_since is None:
        return f"None of the sessions in your diary was held. {due}"
    return (
        f"Your last supervision was held on {format_day(overdue.last_held)}, "
        f"{count(overdue.days_since, 'day')} ago. {due}"
    )


def due_sentence(
    sessions: list[SupervisionSession], today: date, interval_weeks: int | None
) -> str:
    """The quiet line under the banner's place: how to see if it is overdue, or where things are."""
    if not interval_weeks:
        return "Set how often supervision is due in Settings to see whether it is overdue."
    if not sessions:
        return f"No supervision sessions logged yet. It is due {every(interval_weeks)}."
    held = [day for day in held_dates(sessions) if day <= today]
    if not held:
        return ""  # the banner says so
    days = (today - held[-1]).days
    ago = "today" if days == 0 else f"{count(days, 'day')} ago"
    return (
        f"Your last supervision was held on {format_day(held[-1])}, {ago}. "
        f"It is due {every(interval_weeks)}."
    )


def held_words(figures: SupervisionFigures) -> str:
    """`9 of 13 expected (due every 4 weeks)`."""
    held = f"{figures.held:,}"
    if figures.expected is None or figures.interval_weeks is None:
        return f"{held} (set how often it is due in Settings to compare with what was expected)"
    if figures.expected == 0:
        return f"{held} (the period is too short to expect one {every(figures.interval_weeks)})"
    return f"{held} of {figures.expected:,} expected (due {every(figures.interval_weeks)})"


def gap_words(gap: Gap | None) -> str:
    """The longest stretch without a held session, with its dates."""
    if gap is None:
        return "None to measure: no session was held in or before the period"
    if gap.open_ended:
        return (
            f"{count(gap.days, 'day')}, from {format_day(gap.after)} to "
            f"{format_day(gap.until)}, with none held since"
        )
    return f"{count(gap.days, 'day')}, from {format_day(gap.after)} to {format_day(gap.until)}"


def missed_words(figures: SupervisionFigures) -> str:
    """`3 by your manager, 1 by you`, and any rescheduled or not offered."""
    parts = [
        f"{figures.cancelled_by_manager:,} by your manager",
        f"{figures.cancelled_by_me:,} by you",
    ]
    rescheduled = figures.by_status.get(SupervisionStatus.RESCHEDULED, 0)
    not_offered = figures.by_status.get(SupervisionStatus.NOT_OFFERED, 0)
    if rescheduled:
        parts.append(f"{rescheduled:,} rescheduled")
    if not_offered:
        parts.append(f"{not_offered:,} not offered")
    return ", ".join(parts)


def readable_value(field: str, value: Any) -> Any:
    """A stored value as the status line shows a change: the status in words, yes or no."""
    if field == "status" and isinstance(value, str):
        return SUPERVISION_STATUS_WORDS[SupervisionStatus(value)]
    if field == "workload_discussed" and isinstance(value, int):
        return bool(value)
    return value


# Small widgets in the forms' style


def hint_label(text: str) -> QLabel:
    """A line in a softer colour (the palette's own, so a dark theme works too)."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setTextFormat(Qt.TextFormat.PlainText)
    palette = hint.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    hint.setPalette(palette)
    return hint


def problem_label() -> QLabel:
    """Where a field says what is wrong with it, hidden until it does."""
    problem = QLabel()
    problem.setTextFormat(Qt.TextFormat.PlainText)
    problem.setWordWrap(True)
    problem.setStyleSheet(PROBLEM_STYLE)
    problem.setVisible(False)
    return problem


def plain_label(text: str = "") -> QLabel:
    """A label for text that may be the user's own: never read as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


@dataclass(frozen=True)
class EditorField:
    """One field of the editor: what takes the focus, and the line that says what is wrong."""

    box: QWidget
    problem: QLabel


class SupervisionPage(QWidget):
    """Lists the supervision sessions and edits one; `saved` after anything is saved."""

    saved = Signal()

    def __init__(self, diary: Diary, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._messages = messages
        self._today = diary.today()
        self._interval: int | None = None
        self._entries: list[Recorded[SupervisionSession]] = []
        self._figures: SupervisionFigures | None = None
        # The session in the editor (None: a new one), and what the form held when it was loaded.
        self._entry: Recorded[SupervisionSession] | None = None
        self._typed_when_loaded: tuple[object, ...] = ()
        self._last_outcome = ""
        self._fields: dict[str, EditorField] = {}

        self.model = SupervisionModel(self)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._build_heading())
        layout.addWidget(self._build_banner())
        self.due_line = hint_label("")
        layout.addWidget(self.due_line)
        layout.addWidget(self._build_figures())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        # The whole page scrolls when the window is small (or the text large, at 200 %), rather
        # than squeezing the list or the form; Save and what it said stay in sight below.
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidget(content)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        page_layout = QVBoxLayout(self)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.page_scroll, 1)
        footer = self._build_footer()
        footer.setContentsMargins(layout.contentsMargins())
        page_layout.addLayout(footer)

        self._connect_keys()
        self._set_tab_order()
        self.setFocusProxy(self.table)
        self.reload()
        self._load(None)

    # The public interface

    def reload(self) -> None:
        """Read the diary again (after a save elsewhere, or a new interval in Settings)."""
        try:
            self._read_diary()
        except WorkDiaryError as error:
            self._messages.error(self, "Cannot read the diary", str(error))
            return
        if self._entry is not None and not self.has_unsaved_changes():
            fresh = self._entry_with_key(self._entry.key)
            if fresh is None:
                self._load(None)
            elif fresh != self._entry:
                self._load(fresh)
        self.table.select_key(self._entry.key if self._entry else None)

    def new_session(self) -> bool:
        """Clear the editor for a new session dated today. False if the user kept their edits."""
        if not self._may_leave_editor():
            return False
        self._load(None)
        self.table.select_key(None)
        self._focus_first_field()
        return True

    def show_session(self, key: str) -> bool:
        """Load the session with `key` for amending. False if the user kept their edits, or there
        is no such session."""
        entry = self._entry_with_key(key)
        if entry is None:
            return False
        if self._entry is None or entry.key != self._entry.key:
            if not self._may_leave_editor():
                self.table.select_key(self._entry.key if self._entry else None)
                return False
            self._load(entry)
        self.table.select_key(key)
        return True

    def has_unsaved_changes(self) -> bool:
        return self._typed() != self._typed_when_loaded

    def save(self) -> bool:
        """Check and save the session in the editor. True when saved (or nothing had changed)."""
        session, problems = self._session_from_form()
        if session is None or problems:
            self._show_problems(problems)
            return False
        key = self._entry.key if self._entry else None
        allow_identifiers = False
        while True:
            try:
                result = self._diary.supervision.save(
                    session, key, allow_identifiers=allow_identifiers
                )
            except InvalidInput as error:
                self._show_problems(error.problems)
                return False
            except IdentifierWarning as warning:
                if allow_identifiers or not self._messages.confirm(
                    self,
                    "Check before saving",
                    str(warning),
                    yes="Save anyway",
                    no="Go back and edit",
                ):
                    self._focus_identifier(session)
                    return False
                allow_identifiers = True
                continue
            except WorkDiaryError as error:
                # What was typed stays in the form, so nothing is lost if saving can be retried.
                self._messages.error(
                    self,
                    "The session was not saved",
                    f"{error}\n\nEverything you typed is still in the form.",
                )
                return False
            break
        self._show_problems([], focus=False)
        self._show_saved(result)
        return True

    def figures(self) -> SupervisionFigures | None:
        """The figures shown for the period chosen (None when no session is logged)."""
        return self._figures

    def show_history(self) -> AmendmentsDialog | None:
        """Open the history of the session in the editor (None for one not saved yet)."""
        if self._entry is None:
            return None
        events = self._diary.supervision.history(self._entry.key)
        name = f"Supervision session on {format_day(self._entry.record.held_on)}"
        dialog = AmendmentsDialog(name, events, SUPERVISION_FIELDS, parent=self)
        dialog.open()
        return dialog

    def current_key(self) -> str | None:
        """The key of the session in the editor; None for a new one."""
        return self._entry.key if self._entry else None

    def box(self, field: str) -> QWidget:
        """The widget `field` (a SupervisionSession field) is entered in."""
        return self._fields[field].box

    def problem_label(self, field: str) -> QLabel:
        """The line under `field` that says what is wrong with it."""
        return self._fields[field].problem

    # Building the widgets

    def _build_heading(self) -> QLabel:
        heading = plain_label("Supervision")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        return heading

    def _build_banner(self) -> QFrame:
        self.overdue_banner = QFrame()
        self.overdue_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.overdue_banner.setAutoFillBackground(True)
        palette = self.overdue_banner.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText)
        )
        self.overdue_banner.setPalette(palette)
        self.overdue_banner.setAccessibleName("Supervision is overdue")
        # An icon and words, never a colour alone.
        icon = QLabel()
        size = self.fontMetrics().height() * 2
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(QSize(size, size), self.devicePixelRatioF()))
        icon.setAccessibleName("Warning")
        title = plain_label("Supervision is overdue.")
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        self.overdue_text = plain_label()
        self.overdue_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(self.overdue_text)
        row = QHBoxLayout(self.overdue_banner)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.overdue_banner.setVisible(False)
        return self.overdue_banner

    def _build_figures(self) -> QGroupBox:
        group = QGroupBox("Figures")
        self.period = QComboBox()
        self.period.addItems([period.label for period in PERIODS])
        self.period.setCurrentText(DEFAULT_PERIOD)
        self.period.setAccessibleName("Period for the figures")
        self.period.currentIndexChanged.connect(self._show_figures)
        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period)
        self.period_span = plain_label()

        choice = QHBoxLayout()
        choice.addWidget(period_label)
        choice.addWidget(self.period)
        choice.addWidget(self.period_span, 1)

        self.held_figure = self._figure_label("Held")
        self.gap_figure = self._figure_label("Longest gap")
        self.missed_figure = self._figure_label("Cancelled")
        self.no_figures = plain_label("No supervision sessions logged yet.")
        self.figure_lines = QFormLayout()
        self.figure_lines.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.figure_lines.addRow("Held:", self.held_figure)
        self.figure_lines.addRow("Longest gap:", self.gap_figure)
        self.figure_lines.addRow("Cancelled:", self.missed_figure)

        column = QVBoxLayout(group)
        column.addLayout(choice)
        column.addLayout(self.figure_lines)
        column.addWidget(self.no_figures)
        return group

    def _figure_label(self, name: str) -> QLabel:
        label = plain_label()
        label.setAccessibleName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build_list(self) -> QWidget:
        self.new_button = QPushButton("&New session")
        self.new_button.setToolTip(f"Log another session ({native_text(NEW_SESSION_KEYS)})")
        self.new_button.clicked.connect(self.new_session)
        table_label = QLabel("Sess&ions:")
        table_label.setAlignment(Qt.AlignmentFlag.AlignBottom)
        list_hint = hint_label("Select a session to amend it: every change is kept in its history.")
        top = QHBoxLayout()
        top.addWidget(table_label)
        top.addWidget(list_hint, 1)
        self.history_button = QPushButton("Show history…")
        self.history_button.setToolTip(
            f"When this session was first recorded, and every change since "
            f"({native_text(HISTORY_KEYS)})"
        )
        self.history_button.clicked.connect(self.show_history)
        top.addWidget(self.history_button)
        top.addWidget(self.new_button)

        self.table = RecordsTable(self.model, "Supervision sessions")
        self.table.picked.connect(self.show_session)
        self.table.opened.connect(self._focus_first_field)
        table_label.setBuddy(self.table)

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        return holder

    def _build_editor(self) -> QWidget:
        self.editor_heading = plain_label()
        bold = QFont(self.editor_heading.font())
        bold.setBold(True)
        self.editor_heading.setFont(bold)
        self.record_line = plain_label()

        self.date_field = DateField()
        self.status_box = QComboBox()
        for status, words in SUPERVISION_STATUS_WORDS.items():
            self.status_box.addItem(words, status)
        self.status_box.currentIndexChanged.connect(self._status_chosen)
        self.supervisor_box = QLineEdit()
        self.supervisor_box.setMaximumWidth(
            self.supervisor_box.fontMetrics().horizontalAdvance(INITIALS_WIDTH_SAMPLE)
        )
        self.minutes_box = QLineEdit()
        self.minutes_box.setMaximumWidth(
            self.minutes_box.fontMetrics().horizontalAdvance(MINUTES_WIDTH_SAMPLE)
        )
        self.workload_box = QCheckBox(
            with_mnemonic(SUPERVISION_FIELDS["workload_discussed"].label, "w")
        )
        self.actions_box = self._text_box()
        self.notes_box = self._text_box()

        details = QGridLayout()
        details.setColumnStretch(2, 1)
        self._add_field(details, "held_on", self.date_field.line_edit, self.date_field)
        self._add_field(details, "status", self.status_box)
        self._add_field(details, "supervisor", self.supervisor_box)
        self._add_field(details, "minutes", self.minutes_box)
        self._add_field(details, "workload_discussed", self.workload_box)
        details.setRowStretch(details.rowCount(), 1)
        texts = QGridLayout()
        texts.setColumnStretch(0, 1)
        self._add_text_field(texts, "actions", self.actions_box)
        self._add_text_field(texts, "notes", self.notes_box)

        columns = QHBoxLayout()
        columns.addLayout(details, 1)
        columns.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        columns.addLayout(texts, 1)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.addWidget(self.editor_heading)
        form_layout.addWidget(self.record_line)
        form_layout.addLayout(columns, 1)

        self.date_field.textChanged.connect(self._refresh_status)
        self.supervisor_box.textChanged.connect(self._refresh_status)
        self.minutes_box.textChanged.connect(self._refresh_status)
        self.status_box.currentIndexChanged.connect(self._refresh_status)
        self.workload_box.toggled.connect(self._refresh_status)
        self.actions_box.textChanged.connect(self._refresh_status)
        self.notes_box.textChanged.connect(self._refresh_status)

        return form

    def _text_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit()
        # Tab is for moving on, as everywhere else in the form.
        box.setTabChangesFocus(True)
        box.setMinimumHeight(box.fontMetrics().lineSpacing() * TEXT_LINES)
        # As tall as the room beside the other fields, rather than its own generous height.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        return box

    def _add_field(
        self, grid: QGridLayout, name: str, box: QWidget, shown: QWidget | None = None
    ) -> None:
        """A field in the details column: its label, the box (with its unit), hint and problem."""
        info = SUPERVISION_FIELDS[name]
        hint = HINTS.get(name, info.hint)
        box.setAccessibleName(info.label)
        if hint:
            box.setAccessibleDescription(hint)
            box.setToolTip(hint)
        cell = QWidget()
        cell_layout = QHBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.addWidget(shown or box)
        if info.unit:
            unit = QLabel(info.unit)
            unit.setBuddy(box)
            cell_layout.addWidget(unit)
        cell_layout.addStretch(1)
        top = grid.rowCount()
        if not isinstance(box, QCheckBox):  # a check box carries its own label
            label = QLabel(with_mnemonic(info.label, MNEMONICS[name]) + ":")
            label.setBuddy(box)
            grid.addWidget(label, top, 0)
        grid.addWidget(cell, top, 1)
        if hint:
            grid.addWidget(hint_label(hint), top, 2)
        problem = problem_label()
        grid.addWidget(problem, top + 1, 1, 1, 2)
        self._fields[name] = EditorField(box, problem)

    def _add_text_field(self, grid: QGridLayout, name: str, box: QPlainTextEdit) -> None:
        info = SUPERVISION_FIELDS[name]
        box.setAccessibleName(info.label)
        label = QLabel(with_mnemonic(info.label, MNEMONICS[name]) + ":")
        label.setBuddy(box)
        problem = problem_label()
        top = grid.rowCount()
        grid.addWidget(label, top, 0)
        grid.addWidget(box, top + 1, 0)
        # The boxes share whatever height the editor has.
        grid.setRowStretch(top + 1, 1)
        grid.addWidget(problem, top + 2, 0)
        self._fields[name] = EditorField(box, problem)

    def _build_footer(self) -> QHBoxLayout:
        self.status = plain_label()
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip(f"Save this session ({native_text(SAVE_KEYS)})")
        self.save_button.clicked.connect(self.save)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        return footer

    def _connect_keys(self) -> None:
        # Wherever the focus is on this page, and nowhere else in the window.
        for keys, action in (
            (SAVE_KEYS, self.save),
            (NEW_SESSION_KEYS, self.new_session),
            (HISTORY_KEYS, self.show_history),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.period, self.new_button, self.table]
        chain += [field.box for field in self._fields.values()]
        chain.append(self.save_button)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # Reading the diary

    def _read_diary(self) -> None:
        self._entries = self._diary.supervision.all()
        self._interval = self._diary.profile().supervision_interval_weeks
        self._today = self._diary.today()
        self.date_field.set_latest(self._today)
        self.model.set_entries(self._entries, self._today)
        self._show_due()
        self._show_figures()

    def _entry_with_key(self, key: str) -> Recorded[SupervisionSession] | None:
        row = self.model.row_of(key)
        return None if row is None else self.model.entry_at(row)

    def _show_due(self) -> None:
        sessions = [entry.record for entry in self._entries]
        overdue = supervision_overdue(sessions, self._today, self._interval)
        self.overdue_banner.setVisible(overdue is not None)
        if overdue is not None:
            self.overdue_text.setText(overdue_sentence(overdue))
            self.overdue_banner.setAccessibleDescription(overdue_sentence(overdue))
        due = "" if overdue is not None else due_sentence(sessions, self._today, self._interval)
        self.due_line.setText(due)
        self.due_line.setVisible(bool(due))

    def _period_bounds(self) -> tuple[date, date] | None:
        if not self._entries:
            return None
        period = PERIODS[max(self.period.currentIndex(), 0)]
        if period.weeks is None:
            first = min(entry.record.held_on for entry in self._entries)
            return min(first, self._today), self._today
        return self._today - timedelta(weeks=period.weeks) + timedelta(days=1), self._today

    def _show_figures(self) -> None:
        bounds = self._period_bounds()
        sessions = [entry.record for entry in self._entries]
        self._figures = supervision_figures(sessions, *bounds, self._interval) if bounds else None
        figures = self._figures
        for row in range(self.figure_lines.rowCount()):
            self.figure_lines.setRowVisible(row, figures is not None)
        self.no_figures.setVisible(figures is None)
        if figures is None:
            self.period_span.setText("")
            return
        self.period_span.setText(f"{format_day(figures.first)} to {format_day(figures.last)}")
        held = held_words(figures)
        if figures.held:
            held += f"; workload discussed in {figures.workload_discussed:,}"
        self.held_figure.setText(held)
        self.gap_figure.setText(gap_words(figures.longest_gap))
        self.missed_figure.setText(missed_words(figures))

    # Choosing a session

    def _may_leave_editor(self) -> bool:
        """True when the editor can show something else: nothing unsaved, or the user said so."""
        if not self.has_unsaved_changes():
            return True
        return self._messages.confirm(
            self,
            "Unsaved changes",
            "You have changed this session without saving. Discard those changes?",
            yes="Discard changes",
            no="Keep editing",
        )

    # The editor

    def _load(self, entry: Recorded[SupervisionSession] | None) -> None:
        self._entry = entry
        self.history_button.setEnabled(entry is not None)
        session = entry.record if entry else None
        self.date_field.setText(format_date_for_typing(session.held_on if session else self._today))
        status = session.status if session else SupervisionStatus.HELD
        self.status_box.setCurrentIndex(self.status_box.findData(status))
        self.supervisor_box.setText(session.supervisor if session else "")
        minutes = session.minutes if session else None
        self.minutes_box.setText("" if minutes is None else str(minutes))
        self.workload_box.setChecked(bool(session and session.workload_discussed))
        self.actions_box.setPlainText(session.actions if session else "")
        self.notes_box.setPlainText(session.notes if session else "")
        self._status_chosen()
        self._typed_when_loaded = self._typed()
        self._last_outcome = ""
        self._show_problems([], focus=False)
        self._describe_record()
        self._refresh_status()

    def _describe_record(self) -> None:
        entry = self._entry
        if entry is None:
            self.editor_heading.setText("New session")
            self.record_line.setText("Not saved yet.")
            return
        self.editor_heading.setText(f"Session on {format_day(entry.record.held_on)}")
        line = (
            f"First recorded {format_moment(entry.first_recorded_at)} · {amendments_words(entry)}"
        )
        if is_retrospective(entry.record.held_on, entry.first_recorded_at):
            line += (
                f" · recorded retrospectively (more than {RETROSPECTIVE_AFTER_DAYS} days after "
                "the week it was in ended)"
            )
        self.record_line.setText(line)

    def _chosen_status(self) -> SupervisionStatus:
        return SupervisionStatus(self.status_box.currentData())

    def _status_chosen(self) -> None:
        # A length, and whether workload was discussed, only mean something for a session held.
        held = self._chosen_status() is SupervisionStatus.HELD
        self.minutes_box.setEnabled(held)
        self.workload_box.setEnabled(held)

    def _typed(self) -> tuple[object, ...]:
        return (
            self.date_field.text(),
            self.status_box.currentIndex(),
            self.supervisor_box.text(),
            self.minutes_box.text(),
            self.workload_box.isChecked(),
            self.actions_box.toPlainText(),
            self.notes_box.toPlainText(),
        )

    def _workload_discussed(self, status: SupervisionStatus) -> bool | None:
        """Yes or no for a session that was held; nothing for one that was not."""
        if status is not SupervisionStatus.HELD:
            return None
        loaded = self._entry.record if self._entry else None
        if (
            loaded is not None
            and loaded.status is SupervisionStatus.HELD
            and loaded.workload_discussed is None
            and not self.workload_box.isChecked()
        ):
            # Saved without an answer and not ticked here: it still has none, rather than "no".
            return None
        return self.workload_box.isChecked()

    def _session_from_form(self) -> tuple[SupervisionSession | None, list[FieldProblem]]:
        """The session the form describes, and everything wrong with it, all at once."""
        problems: list[FieldProblem] = []
        held_on: date | None = None
        date_text = self.date_field.text()
        if not date_text.strip():
            problems.append(
                FieldProblem("held_on", "Enter the day of the session, like 16/11/2026.")
            )
        else:
            try:
                held_on = parse_date(date_text, "held_on", "The date")
            except InvalidInput as error:
                problems += error.problems
        status = self._chosen_status()
        minutes: int | None = None
        # The length, like the workload tick, is only for a session that was held: its box is
        # greyed out otherwise, and what it holds is not saved.
        if status is SupervisionStatus.HELD and self.minutes_box.text().strip():
            try:
                minutes = int(
                    parse_number(
                        self.minutes_box.text(), "minutes", "The length in minutes", whole=True
                    )
                )
            except InvalidInput as error:
                problems += error.problems
        unreadable = {problem.field for problem in problems}
        # A stand-in for an unreadable date lets the other rules be checked now, not next time.
        session = SupervisionSession(
            held_on=held_on or self._today,
            status=status,
            supervisor=self.supervisor_box.text().strip(),
            minutes=minutes,
            workload_discussed=self._workload_discussed(status),
            actions=self.actions_box.toPlainText(),
            notes=self.notes_box.toPlainText(),
        )
        problems += [
            problem
            for problem in supervision_problems(session, self._today)
            if problem.field not in unreadable
        ]
        return (None if unreadable else session), problems

    def _show_problems(self, problems: list[FieldProblem], focus: bool = True) -> None:
        """Each problem under its own field; the focus goes to the first one wrong."""
        first_bad: QWidget | None = None
        for name, field in self._fields.items():
            messages = problems_for(problems, name)
            field.problem.setText("\n".join(f"{WARNING_SIGN} {text}" for text in messages))
            field.problem.setVisible(bool(messages))
            hint = HINTS.get(name, SUPERVISION_FIELDS[name].hint)
            field.box.setAccessibleDescription(" ".join([*messages, hint]).strip())
            if messages and first_bad is None:
                first_bad = field.box
        elsewhere = [problem.message for problem in problems if problem.field not in self._fields]
        if elsewhere:
            self._messages.warning(self, "The session was not saved", "\n".join(elsewhere))
        if focus and first_bad is not None:
            first_bad.setFocus()
            self.page_scroll.ensureWidgetVisible(first_bad)

    def _focus_identifier(self, session: SupervisionSession) -> None:
        """Put the cursor in the first box whose text looks like it identifies someone."""
        for name in ("supervisor", "actions", "notes"):
            if find_identifiers(getattr(session, name), self._today):
                self._fields[name].box.setFocus()
                return

    def _focus_first_field(self) -> None:
        box = self.date_field.line_edit
        box.setFocus()
        box.selectAll()

    def _show_saved(self, result: SaveResult[SupervisionSession]) -> None:
        self._read_diary()
        self._load(result.entry)
        self.table.select_key(result.entry.key)
        at = result.entry.last_changed_at.astimezone().strftime("%H:%M")
        day = format_day(result.entry.record.held_on)
        if result.action == "unchanged":
            self._last_outcome = "Nothing changed, so there was nothing new to save."
        elif result.action == "amended":
            changes = [
                Change(
                    change.field,
                    readable_value(change.field, change.old),
                    readable_value(change.field, change.new),
                )
                for change in result.changes
            ]
            event = HistoryEvent(result.entry.last_changed_at, "amend", changes)
            _title, lines = describe_event(
                event, SUPERVISION_FIELDS, longest_value=LONGEST_VALUE_SHOWN
            )
            shown = "; ".join(line.replace("\n", " ") for line in lines[:CHANGES_LISTED])
            more = len(lines) - CHANGES_LISTED
            if more > 0:
                shown += f"; and {count(more, 'other change')}"
            self._last_outcome = (
                f"Saved at {at}. Changed {shown}. The earlier values stay in this session's "
                "history."
            )
        else:
            self._last_outcome = f"Saved at {at}. The session on {day} is in your diary."
        self._refresh_status()
        if result.action != "unchanged":
            self.saved.emit()

    def _refresh_status(self) -> None:
        if self.has_unsaved_changes():
            self.status.setText(
                f"Not saved yet. Press {native_text(SAVE_KEYS)}, or Save, when you are done."
            )
        else:
            self.status.setText(self._last_outcome)
