"""The Supervision page: whether supervision is overdue, figures for a period, and each session
logged or amended, its history kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.concern_story import session_amendments
from workdiary.domain.dates import format_day
from workdiary.domain.errors import FieldProblem, InvalidInput, WorkDiaryError
from workdiary.domain.formatting import (
    BEFORE_THE_PERIOD,
    SUPERVISION_STATUS_WORDS,
    count,
    held_on_shared_days,
    workload_discussed_words,
)
from workdiary.domain.oversight import (
    Gap,
    SupervisionFigures,
    SupervisionOverdue,
    held_dates,
    recorded_supervision,
    supervision_overdue,
)
from workdiary.domain.records import SUPERVISION_FIELDS, SupervisionSession, SupervisionStatus
from workdiary.domain.validation import parse_number, supervision_problems
from workdiary.storage import Diary
from workdiary.ui.fields import (
    ReadOnlyCheckBox,
    format_date_for_typing,
    hint_label,
    look_unavailable,
    plain_label,
    with_mnemonic,
)
from workdiary.ui.messages import Messages
from workdiary.ui.oversight_models import SessionColumn, SupervisionModel
from workdiary.ui.record_page import RecordKind, RecordPage, read_date
from workdiary.ui.sort_choice import A_TO_Z, LATEST_FIRST, LONGEST_FIRST, NEWEST_FIRST, SortWords


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

# Alt+letter for each field. None clashes with Save (S), Restore (R), New session (N), Delete
# session (T), Show deleted (E), Period (P), Sort by (B), the table (I), or the window's File
# (F), Go (G) and Help (H) menus.
MNEMONICS = {
    "held_on": "d",
    "status": "u",
    "supervisor": "v",
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
# What the length and the workload tick say instead for a session not held, whose boxes cannot be
# changed: why, and that whatever they still hold (typed before the status was chosen) will not
# be saved.
NOT_HELD_HINTS = {
    "minutes": "Only for a session that was held, and this one was not: a length here is not saved",
    "workload_discussed": (
        "Only for a session that was held, and this one was not: a tick here is not saved"
    ),
}
# Boxes as wide as these, in the user's font, so they grow with it and never clip.
INITIALS_WIDTH_SAMPLE = "MMMMMMMMMM"
MINUTES_WIDTH_SAMPLE = "000000"

SESSIONS = RecordKind(
    fields=SUPERVISION_FIELDS,
    mnemonics=MNEMONICS,
    hints=HINTS,
    may_identify=("supervisor", "actions", "notes"),
    noun="session",
    heading="Supervision",
    table_label="Sess&ions:",
    table_name="Supervision sessions",
    title="Session on {day}",
    history_title="Supervision session on {day}",
    week_it_was="the week it was in",
    day_field="held_on",
    not_saved_yet="Not saved yet.",
    still_typed="Everything you typed is still in the form.",
    sort_words={
        SessionColumn.DATE: NEWEST_FIRST,
        SessionColumn.STATUS: A_TO_Z,
        SessionColumn.SUPERVISOR: A_TO_Z,
        SessionColumn.LENGTH: LONGEST_FIRST,
        SessionColumn.WORKLOAD: SortWords("discussed first", "not discussed first"),
        SessionColumn.RECORDED: LATEST_FIRST,
        SessionColumn.FLAGS: A_TO_Z,
    },
)


# Plain words for the banner and the figures


def every(interval_weeks: int) -> str:
    return "every week" if interval_weeks == 1 else f"every {interval_weeks} weeks"


def overdue_sentence(overdue: SupervisionOverdue, today: date) -> str:
    """`Your last supervision was held on Mon 14 Sep 2026, 69 days ago. It is due every 4 weeks.`"""
    due = f"It is due {every(overdue.interval_weeks)}."
    if overdue.none_held_since is not None:
        return f"{none_held_since(overdue.none_held_since, today)} {due}"
    assert overdue.last_held is not None and overdue.days_since is not None
    return (
        f"Your last supervision was held on {format_day(overdue.last_held)}, "
        f"{count(overdue.days_since, 'day')} ago. {due}"
    )


def none_held_since(first: date, today: date) -> str:
    days = (today - first).days
    since = "today" if days == 0 else f"{count(days, 'day')} ago"
    return (
        f"None of the sessions in your diary was held. The first is dated {format_day(first)}, "
        f"{since}."
    )


def due_sentence(
    sessions: Sequence[SupervisionSession], today: date, interval_weeks: int | None
) -> str:
    """The quiet line under the banner's place: how to see if it is overdue, or where things are."""
    if not interval_weeks:
        return "Set how often supervision is due in Settings to see whether it is overdue."
    if not sessions:
        return f"No supervision sessions logged yet. It is due {every(interval_weeks)}."
    held = [day for day in held_dates(sessions) if day <= today]
    if not held:  # none held yet, and the first recorded is within the interval
        first = min(session.held_on for session in sessions)
        when = (
            f"The first session in your diary is on {format_day(first)}."
            if first > today
            else none_held_since(first, today)
        )
        return f"{when} It is due {every(interval_weeks)}."
    days = (today - held[-1]).days
    ago = "today" if days == 0 else f"{count(days, 'day')} ago"
    return (
        f"Your last supervision was held on {format_day(held[-1])}, {ago}. "
        f"It is due {every(interval_weeks)}."
    )


def session_words(session: SupervisionSession) -> str:
    """`held, G.W.`: a session's status and supervisor, for a sentence."""
    status = SUPERVISION_STATUS_WORDS[session.status]
    words = status[:1].lower() + status[1:]
    return f"{words}, {session.supervisor}" if session.supervisor else words


def shared_day_question(
    day: date, recorded: Sequence[SupervisionSession], moving_there: bool
) -> str:
    """What a save asks when `day` already has the sessions `recorded`, for a new session or
    one `moving_there` from another day."""
    one = len(recorded) == 1
    sessions = "a session" if one else count(len(recorded), "session")
    described = "; ".join(session_words(session) for session in recorded)
    ask = "Move this one to that day too?" if moving_there else "Record another one on that day?"
    return (
        f"You have already recorded {sessions} on {format_day(day)} ({described}). {ask}\n\n"
        f"{'Both' if one else 'All of them'} would be kept, and sessions held on the same day "
        f"count as one in the figures. To change {'that session' if one else 'one of those'} "
        "instead, go back and select it in the list."
    )


def held_words(figures: SupervisionFigures) -> str:
    """`9 of 13 expected (due every 4 weeks)`."""
    held = f"{figures.held:,}"
    if figures.expected is None or figures.interval_weeks is None:
        return f"{held} (set how often it is due in Settings to compare with what was expected)"
    if figures.expected == 0:
        return f"{held} (the period is too short to expect one {every(figures.interval_weeks)})"
    return f"{held} of {figures.expected:,} expected (due {every(figures.interval_weeks)})"


def gap_words(gap: Gap | None, first: date) -> str:
    """The longest stretch without a held session in a period from `first`, with its dates."""
    if gap is None:
        return "None to measure: no session was held in or before the period"
    since = format_day(gap.after) + (BEFORE_THE_PERIOD if gap.after < first else "")
    if gap.open_ended:
        return (
            f"{count(gap.days, 'day')}, from {since} to {format_day(gap.until)}, with none held "
            "since"
        )
    return f"{count(gap.days, 'day')}, from {since} to {format_day(gap.until)}"


def missed_words(figures: SupervisionFigures) -> str:
    """`3 cancelled by your manager, 1 cancelled by you`, and any rescheduled or not offered."""
    parts = [
        f"{figures.cancelled_by_manager:,} cancelled by your manager",
        f"{figures.cancelled_by_me:,} cancelled by you",
    ]
    rescheduled = figures.by_status.get(SupervisionStatus.RESCHEDULED, 0)
    not_offered = figures.by_status.get(SupervisionStatus.NOT_OFFERED, 0)
    if rescheduled:
        parts.append(f"{rescheduled:,} rescheduled")
    if not_offered:
        parts.append(f"{not_offered:,} not offered")
    return ", ".join(parts)


class SupervisionPage(RecordPage[SupervisionSession]):
    """Lists the supervision sessions and edits one; `saved` after anything is saved."""

    # Read from the diary by `reload`, with the sessions. The page's __init__ calls it; these
    # are what the page shows when the diary could not be read.
    _interval: int | None = None
    _sessions: Sequence[SupervisionSession] = ()
    _figures: SupervisionFigures | None = None
    # The day the officer said yes to another session on, for the record in the form: a save
    # that then goes back (to edit what looks like an identifier) does not ask it twice.
    _shared_day_agreed: date | None = None

    def __init__(self, diary: Diary, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(diary, messages, diary.supervision, SupervisionModel, SESSIONS, parent)

    # The public interface

    def new_session(self) -> bool:
        """Clear the editor for a new session dated today. False if the user kept their edits."""
        return self.new_record()

    def show_session(self, key: str) -> bool:
        """Load the session with `key` for amending. False if the user kept their edits, or there
        is no such session."""
        return self.show_record(key)

    def figures(self) -> SupervisionFigures | None:
        """The figures shown for the period chosen (None when no session is logged)."""
        return self._figures

    # Building the widgets

    def _build_overview(self) -> list[QWidget]:
        banner = self._build_banner()
        self.due_line = hint_label("")
        return [banner, self.due_line, self._build_figures()]

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
        self.missed_figure = self._figure_label("Not held")
        # Under the line that says none is logged yet: not the same words again.
        self.no_figures = plain_label("The figures begin with the first session logged.")
        self.figure_lines = QFormLayout()
        self.figure_lines.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.figure_lines.addRow("Held:", self.held_figure)
        self.figure_lines.addRow("Longest gap:", self.gap_figure)
        self.figure_lines.addRow("Not held:", self.missed_figure)

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

    def _build_fields(self, details: QGridLayout, texts: QGridLayout) -> None:
        self.date_field = self._add_date_field(details, "held_on")
        self.status_box = QComboBox()
        for status, words in SUPERVISION_STATUS_WORDS.items():
            self.status_box.addItem(words, status)
        self.status_box.currentIndexChanged.connect(self._status_chosen)
        self._add_field(details, "status", self.status_box)
        self.supervisor_box = QLineEdit()
        self.supervisor_box.setMaximumWidth(
            self.supervisor_box.fontMetrics().horizontalAdvance(INITIALS_WIDTH_SAMPLE)
        )
        self._add_field(details, "supervisor", self.supervisor_box)
        self.minutes_box = QLineEdit()
        self.minutes_box.setMaximumWidth(
            self.minutes_box.fontMetrics().horizontalAdvance(MINUTES_WIDTH_SAMPLE)
        )
        self._add_field(details, "minutes", self.minutes_box)
        self.workload_box = ReadOnlyCheckBox(
            with_mnemonic(
                SUPERVISION_FIELDS["workload_discussed"].label, MNEMONICS["workload_discussed"]
            )
        )
        self._add_field(details, "workload_discussed", self.workload_box)
        self.actions_box = self._add_text_field(texts, "actions")
        self.notes_box = self._add_text_field(texts, "notes")

    def _tab_order(self) -> list[QWidget]:
        return [self.period, *super()._tab_order()]

    # Reading the diary

    def _read_diary(self) -> None:
        # How many times each session was amended: read once, for every row.
        self.model.amended = session_amendments(self._diary.audit.entries(self._records.table))
        super()._read_diary()

    def _show_overview(self, records: list[SupervisionSession]) -> None:
        self._sessions = records
        self._interval = self._diary.profile().supervision_interval_weeks
        self._show_due()
        self._show_figures()

    def _show_due(self) -> None:
        overdue = supervision_overdue(self._sessions, self._today, self._interval)
        self.overdue_banner.setVisible(overdue is not None)
        if overdue is not None:
            sentence = overdue_sentence(overdue, self._today)
            self.overdue_text.setText(sentence)
            self.overdue_banner.setAccessibleDescription(sentence)
        due = (
            "" if overdue is not None else due_sentence(self._sessions, self._today, self._interval)
        )
        self.due_line.setText(due)
        self.due_line.setVisible(bool(due))

    def _show_figures(self) -> None:
        period = PERIODS[max(self.period.currentIndex(), 0)]
        start = (
            date.min
            if period.weeks is None
            else self._today - timedelta(weeks=period.weeks) + timedelta(days=1)
        )
        self._figures = recorded_supervision(self._sessions, start, self._today, self._interval)
        figures = self._figures
        for row in range(self.figure_lines.rowCount()):
            self.figure_lines.setRowVisible(row, figures is not None)
        self.no_figures.setVisible(figures is None)
        if figures is None:
            self.period_span.setText("")
            return
        span = f"{format_day(figures.first)} to {format_day(figures.last)}"
        if period.weeks is not None and figures.first > start:
            # Else "Last 12 months" over a fortnight would look like a mistake.
            span += ", from the first session recorded"
        self.period_span.setText(span)
        held = held_words(figures)
        if figures.held:
            held += f"; workload discussed {workload_discussed_words(figures)}"
        if held_on_shared_days(figures):
            # On a line of its own: run on after the figures, it wraps mid-sentence.
            held += f".\n{held_on_shared_days(figures)}"
        self.held_figure.setText(held)
        self.gap_figure.setText(gap_words(figures.longest_gap, figures.first))
        self.missed_figure.setText(missed_words(figures))

    # The editor

    def _named_for_deleting(self, session: SupervisionSession) -> str:
        """`the session on Mon 16 Nov 2026 (held, G.W.)`: its day may have another."""
        return f"the session on {format_day(session.held_on)} ({session_words(session)})"

    def _fill_form(self, session: SupervisionSession | None) -> None:
        self._shared_day_agreed = None
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

    def _chosen_status(self) -> SupervisionStatus:
        return SupervisionStatus(self.status_box.currentData())

    def _status_chosen(self) -> None:
        # A length, and whether workload was discussed, only mean something for a session held.
        # For one not held their boxes cannot be changed and say why, but Tab still stops at
        # them: greyed out, Tab would pass them by, so a length begun before the status was
        # chosen would be typed on into Actions agreed (and a box greyed out while it has the
        # focus hands it on to the next one). What they hold stays, to come back with Held.
        held = self._chosen_status() is SupervisionStatus.HELD
        for name, box in (("minutes", self.minutes_box), ("workload_discussed", self.workload_box)):
            box.setReadOnly(not held)
            look_unavailable(box, not held)
            self._change_hint(name, HINTS[name] if held else NOT_HELD_HINTS[name])

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

    def _record_from_form(self) -> tuple[SupervisionSession | None, list[FieldProblem]]:
        problems: list[FieldProblem] = []
        held_on = read_date(
            self.date_field.text(),
            "held_on",
            "The date",
            problems,
            required="Enter the day of the session, like 16/11/2026.",
        )
        status = self._chosen_status()
        minutes: int | None = None
        # The length, like the workload tick, is only for a session that was held: its box
        # cannot be changed otherwise, and what it holds is not saved.
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

    def _may_save(self, session: SupervisionSession) -> bool:
        # A second session on one day is most often the same one typed twice; but one cancelled
        # and another held that day happen too, so this asks and never refuses.
        loaded = self._entry.record if self._entry else None
        if loaded is not None and loaded.held_on == session.held_on:
            return True  # amended on the day it had: it shares that day with nothing new
        if session.held_on == self._shared_day_agreed:
            return True
        try:
            entries = self._records.all()  # with any a command saved since the list was read
        except WorkDiaryError:
            return True  # the save says what is wrong
        recorded = [
            entry.record
            for entry in entries
            if entry.record.held_on == session.held_on and entry.key != self.current_key()
        ]
        if not recorded:
            return True
        moving_there = loaded is not None
        if not self._messages.confirm(
            self,
            "Another session on that day?",
            shared_day_question(session.held_on, recorded, moving_there),
            yes="Move it to that day" if moving_there else "Record another session",
            no="Go back and check",
        ):
            self.date_field.line_edit.setFocus()
            self.date_field.line_edit.selectAll()
            return False
        self._shared_day_agreed = session.held_on
        return True
