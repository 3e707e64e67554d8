"""The Concerns page: each concern raised about workload, what came back, and those still waiting
past their follow-up date; logged, amended and marked answered with their history kept."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.dates import format_day, format_moment, parse_date
from workdiary.domain.errors import FieldProblem, IdentifierWarning, InvalidInput, WorkDiaryError
from workdiary.domain.figures import RETROSPECTIVE_AFTER_DAYS, is_retrospective
from workdiary.domain.formatting import (
    CONCERN_CHANNEL_WORDS,
    CONCERN_STATUS_WORDS,
    count,
    describe_event,
)
from workdiary.domain.history import Change, HistoryEvent
from workdiary.domain.identifiers import find_identifiers
from workdiary.domain.oversight import is_answered, is_overdue
from workdiary.domain.records import (
    CONCERN_FIELDS,
    Concern,
    ConcernChannel,
    ConcernStatus,
    Recorded,
)
from workdiary.domain.validation import concern_problems
from workdiary.storage import Diary, SaveResult
from workdiary.ui.amendments import AmendmentsDialog
from workdiary.ui.fields import DateField, format_date_for_typing
from workdiary.ui.messages import Messages
from workdiary.ui.oversight_models import (
    ConcernsModel,
    RecordsTable,
    amendments_words,
    overdue_words,
    shortened,
)
from workdiary.ui.week_editor import (
    PROBLEM_STYLE,
    WARNING_SIGN,
    native_text,
    problems_for,
    with_mnemonic,
)

# Alt+letter for each field. None clashes with Save (S), New concern (N), Mark answered (A), the
# table (C), or the window's File (F), Go (G) and Help (H) menus.
MNEMONICS = {
    "raised_on": "d",
    "raised_with": "r",
    "channel": "o",
    "summary": "w",
    "follow_up_on": "l",
    "response": "p",
    "response_on": "t",
    "status": "u",
}
HINTS = {
    "raised_on": "The day you raised it",
    "raised_with": CONCERN_FIELDS["raised_with"].hint,
    "channel": "Type its first letter: E, S, M, P, L, F, G or W",
    "follow_up_on": "When to chase it up if nothing comes back",
    "response_on": "The day the answer came",
    "status": "Answered once they replied; Closed when it needs nothing more",
}
# The fields in the order Tab visits them: reading order, down the column of details, then the
# column of text, so the focus never jumps back and forth across the screen.
TAB_ORDER = (
    "raised_on",
    "raised_with",
    "channel",
    "follow_up_on",
    "response_on",
    "status",
    "summary",
    "response",
)
# Only a concern already saved has a response to record; a new one is open.
RESPONSE_FIELDS = ("response", "response_on", "status")
TEXT_LINES = 3
RAISED_WITH_WIDTH_SAMPLE = "Deputy Head of Service (M.M.)"
DIALOG_TEXT_LINES = 6
# After an amendment the status line lists this many changes, each value cut to this length.
CHANGES_LISTED = 4
LONGEST_VALUE_SHOWN = 40
NEW_CONCERN_KEYS = "Ctrl+N"
HISTORY_KEYS = "Ctrl+H"
MARK_ANSWERED_KEYS = "Ctrl+R"
SAVE_KEYS = QKeySequence.StandardKey.Save


def counts_sentence(concerns: list[Concern], today: date) -> str:
    """`12 concerns raised. 3 are waiting for an answer; 1 of them is past its follow-up date.`"""
    if not concerns:
        return "No concerns logged yet. Press New concern to log one you raised."
    waiting = sum(1 for concern in concerns if not is_answered(concern))
    overdue = sum(1 for concern in concerns if is_overdue(concern, today))
    raised = f"{count(len(concerns), 'concern')} raised."
    if not waiting:
        return f"{raised} Every one has had an answer or is closed."
    are = "is" if waiting == 1 else "are"
    sentence = f"{raised} {waiting:,} {are} waiting for an answer"
    if overdue:
        past = "is" if overdue == 1 else "are"
        sentence += f"; {overdue:,} of them {past} overdue: past the follow-up date"
        # The sign as well as the words, as in the table's overdue rows.
        return f"{WARNING_SIGN} {sentence}."
    return sentence + "."


def readable_value(field: str, value: Any) -> Any:
    """A stored value as the status line shows a change: a channel or status in words."""
    if field == "channel" and isinstance(value, str):
        return CONCERN_CHANNEL_WORDS[ConcernChannel(value)]
    if field == "status" and isinstance(value, str):
        return CONCERN_STATUS_WORDS[ConcernStatus(value)]
    return value


def changes_sentence(result: SaveResult[Concern]) -> str:
    """`Follow up on: Mon 30 Nov 2026 → Mon 07 Dec 2026; …`, kept short for the status line."""
    readable = [
        Change(change.field, readable_value(change.field, change.old),
               readable_value(change.field, change.new))
        for change in result.changes
    ]  # fmt: skip
    event = HistoryEvent(result.entry.last_changed_at, "amend", readable)
    _title, lines = describe_event(event, CONCERN_FIELDS, longest_value=LONGEST_VALUE_SHOWN)
    shown = "; ".join(line.replace("\n", " ") for line in lines[:CHANGES_LISTED])
    more = len(lines) - CHANGES_LISTED
    return shown + (f"; and {count(more, 'other change')}" if more > 0 else "")


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


def show_problems(fields: dict[str, EditorField], problems: list[FieldProblem]) -> QWidget | None:
    """Each problem under its own field; the first field with one, to focus."""
    first_bad: QWidget | None = None
    for name, field in fields.items():
        messages = problems_for(problems, name)
        field.problem.setText("\n".join(f"{WARNING_SIGN} {text}" for text in messages))
        field.problem.setVisible(bool(messages))
        field.box.setAccessibleDescription(" ".join([*messages, field.hint]).strip())
        if messages and first_bad is None:
            first_bad = field.box
    return first_bad


def text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    # Tab is for moving on, as everywhere else in the form.
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines)
    return box


def read_date(
    text: str, field: str, problems: list[FieldProblem], required: str = ""
) -> date | None:
    """The date typed, or None; what is wrong with it goes into `problems`. An empty box is fine
    unless `required` says what to write instead."""
    if not text.strip():
        if required:
            problems.append(FieldProblem(field, required))
        return None
    try:
        return parse_date(text, field, CONCERN_FIELDS[field].label)
    except InvalidInput as error:
        problems += error.problems
        return None


@dataclass(frozen=True)
class EditorField:
    """One field of a form: what takes the focus, its hint, and the line that says what is wrong."""

    box: QWidget
    hint: str
    problem: QLabel


class AnswerDialog(QDialog):
    """Asks what the answer to a concern was, and when it came. The page saves it, and the dialog
    stays open, with what was typed, until that has worked. One dialog serves every concern."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark answered")
        self.about = plain_label()
        self.response_box = text_box(DIALOG_TEXT_LINES)
        self.response_box.setAccessibleName("What they said")
        self.date_field = DateField()
        self.date_field.line_edit.setAccessibleName("Date of the answer")
        response_label = QLabel("&What they said:")
        response_label.setBuddy(self.response_box)
        date_label = QLabel("&Date of the answer:")
        date_label.setBuddy(self.date_field.line_edit)
        self.fields = {
            "response": EditorField(self.response_box, "", problem_label()),
            "response_on": EditorField(self.date_field.line_edit, "", problem_label()),
        }
        self.other_problem = problem_label()

        self.save_button = QPushButton("&Save the answer")
        self.save_button.setDefault(True)
        cancel_button = QPushButton("Cancel")
        cancel_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(response_label)
        layout.addWidget(self.response_box, 1)
        layout.addWidget(self.fields["response"].problem)
        date_row = QHBoxLayout()
        date_row.addWidget(date_label)
        date_row.addWidget(self.date_field, 1)
        layout.addLayout(date_row)
        layout.addWidget(self.fields["response_on"].problem)
        layout.addWidget(self.other_problem)
        layout.addWidget(hint_label("It is saved as a change to the concern: what it held before "
                                    "stays in its history."))  # fmt: skip
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.response_box, self.date_field.line_edit)
        QWidget.setTabOrder(self.date_field.line_edit, self.save_button)

        # Sized in characters and lines, so it grows with the font and with display scaling.
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 20)

    def ask(self, concern: Concern, today: date) -> None:
        """Show `concern`, with any answer it already has (or today's date), ready to type."""
        self.about.setText(
            f"Raised with {concern.raised_with} on {format_day(concern.raised_on)} "
            f"({CONCERN_CHANNEL_WORDS[concern.channel]}): {shortened(concern.summary)}"
        )
        self.response_box.setPlainText(concern.response)
        self.date_field.set_latest(today)
        self.date_field.setText(format_date_for_typing(concern.response_on or today))
        self.show_problems([])
        self.response_box.setFocus()

    def answer(self) -> tuple[str, date] | None:
        """What was typed, or None (with each problem shown by its field)."""
        problems: list[FieldProblem] = []
        text = self.response_box.toPlainText()
        if not text.strip():
            problems.append(FieldProblem("response", "Write what they said, even in a few words."))
        answered_on = read_date(
            self.date_field.text(),
            "response_on",
            problems,
            required="Enter the day the answer came, like 16/11/2026.",
        )
        self.show_problems(problems)
        if problems or answered_on is None:
            return None
        return text, answered_on

    def show_problems(self, problems: list[FieldProblem]) -> None:
        first_bad = show_problems(self.fields, problems)
        elsewhere = [problem.message for problem in problems if problem.field not in self.fields]
        self.other_problem.setText("\n".join(f"{WARNING_SIGN} {text}" for text in elsewhere))
        self.other_problem.setVisible(bool(elsewhere))
        if first_bad is not None:
            first_bad.setFocus()


class ConcernsPage(QWidget):
    """Lists the concerns raised and edits one; `saved` after anything is saved."""

    saved = Signal()
    # The window writes the letter (it is also on its File menu): "foreseeability" or
    # "access-request".
    letter_requested = Signal(str)

    def __init__(self, diary: Diary, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._messages = messages
        self._today = diary.today()
        # The concern in the editor (None: a new one), and what the form held when it was loaded.
        self._entry: Recorded[Concern] | None = None
        self._typed_when_loaded: tuple[object, ...] = ()
        self._last_outcome = ""
        self._fields: dict[str, EditorField] = {}
        self._response_widgets: list[QWidget] = []
        self._answer_dialog: AnswerDialog | None = None
        self._answering: Recorded[Concern] | None = None

        self.model = ConcernsModel(self)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._build_heading())
        self.counts_line = plain_label()
        self.counts_line.setAccessibleName("Concerns waiting for an answer")
        layout.addWidget(self.counts_line)
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
        """Read the diary again (after a save elsewhere, or on a new day)."""
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
        self.table.select_key(self.current_key())

    def new_concern(self) -> bool:
        """Clear the editor for a new concern raised today. False if the user kept their edits."""
        if not self._may_leave_editor():
            return False
        self._load(None)
        self.table.select_key(None)
        self._focus_first_field()
        return True

    def show_concern(self, key: str) -> bool:
        """Load the concern with `key` for amending. False if the user kept their edits, or
        there is no such concern."""
        entry = self._entry_with_key(key)
        if entry is None:
            return False
        if key != self.current_key():
            if not self._may_leave_editor():
                self.table.select_key(self.current_key())
                return False
            self._load(entry)
        self.table.select_key(key)
        return True

    def has_unsaved_changes(self) -> bool:
        return self._typed() != self._typed_when_loaded

    def show_history(self) -> AmendmentsDialog | None:
        """Open the history of the concern in the editor (None for one not saved yet)."""
        if self._entry is None:
            return None
        events = self._diary.concerns.history(self._entry.key)
        name = f"Concern raised on {format_day(self._entry.record.raised_on)}"
        dialog = AmendmentsDialog(name, events, CONCERN_FIELDS, parent=self)
        dialog.open()
        return dialog

    def current_key(self) -> str | None:
        """The key of the concern in the editor; None for a new one."""
        return self._entry.key if self._entry else None

    def save(self) -> bool:
        """Check and save the concern in the editor. True when saved (or nothing had changed)."""
        concern, problems = self._concern_from_form()
        if concern is None or problems:
            self._show_problems(problems)
            return False
        result = self._save_concern(concern, self.current_key(), self, self._show_problems)
        if result is None:
            return False
        self._show_problems([], focus=False)
        self._show_saved(result, "")
        return True

    def mark_answered(self) -> AnswerDialog | None:
        """Ask for the answer to the concern in the editor, in a dialog that saves it as an
        amendment (the dialog is returned, for whoever wants it)."""
        entry = self._entry
        if entry is None or not self._may_leave_editor():
            return None
        self._load(entry)  # drops any edits the user chose to discard
        # Made once and kept: a dialog deleted on closing can outlive its page's Python side.
        if self._answer_dialog is None:
            self._answer_dialog = AnswerDialog(self)
            self._answer_dialog.save_button.clicked.connect(self._save_answer)
        self._answering = entry
        self._answer_dialog.ask(entry.record, self._today)
        self._answer_dialog.open()
        return self._answer_dialog

    def box(self, field: str) -> QWidget:
        """The widget `field` (a Concern field) is entered in."""
        return self._fields[field].box

    def problem_label(self, field: str) -> QLabel:
        """The line under `field` that says what is wrong with it."""
        return self._fields[field].problem

    # Building the widgets

    def _build_heading(self) -> QLabel:
        heading = plain_label("Concerns raised")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        return heading

    def _build_list(self) -> QWidget:
        self.new_button = QPushButton("&New concern")
        self.new_button.setToolTip(f"Log another concern ({native_text(NEW_CONCERN_KEYS)})")
        self.new_button.clicked.connect(self.new_concern)
        self.answer_button = QPushButton("Mark &answered…")
        self.answer_button.setToolTip(
            f"Record the answer to the selected concern ({native_text(MARK_ANSWERED_KEYS)})"
        )
        self.answer_button.clicked.connect(self.mark_answered)
        table_label = QLabel("&Concerns:")
        list_hint = hint_label("Select a concern to amend it: every change is kept in its history.")
        top = QHBoxLayout()
        top.addWidget(table_label)
        top.addWidget(list_hint, 1)
        self.notice_button = QPushButton("Write a foreseeability notice…")
        self.notice_button.setToolTip(
            "A letter putting your employer on notice that your workload is harming your "
            "health, with the figures from your diary; it is logged here once saved"
        )
        self.notice_button.clicked.connect(lambda: self.letter_requested.emit("foreseeability"))
        top.addWidget(self.notice_button)
        top.addWidget(self.answer_button)
        self.history_button = QPushButton("Show history…")
        self.history_button.setToolTip(
            f"When this concern was first recorded, and every change since "
            f"({native_text(HISTORY_KEYS)})"
        )
        self.history_button.clicked.connect(self.show_history)
        top.addWidget(self.history_button)
        top.addWidget(self.new_button)

        self.table = RecordsTable(self.model, "Concerns raised")
        self.table.picked.connect(self.show_concern)
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
        self.overdue_line = plain_label()
        self.overdue_line.setFont(bold)

        self.raised_on_field = DateField()
        self.raised_with_box = QLineEdit()
        # Room for a role as well as initials, in the user's font.
        self.raised_with_box.setMinimumWidth(
            self.raised_with_box.fontMetrics().horizontalAdvance(RAISED_WITH_WIDTH_SAMPLE)
        )
        self.channel_box = QComboBox()
        for channel, words in CONCERN_CHANNEL_WORDS.items():
            self.channel_box.addItem(words, channel)
        self.follow_up_field = DateField()
        self.response_on_field = DateField()
        self.status_box = QComboBox()
        for status, words in CONCERN_STATUS_WORDS.items():
            self.status_box.addItem(words, status)
        self.summary_box = text_box(TEXT_LINES)
        self.response_box = text_box(TEXT_LINES)

        details = QGridLayout()
        details.setColumnStretch(2, 1)
        self._add_field(details, "raised_on", self.raised_on_field.line_edit, self.raised_on_field)
        self._add_field(details, "raised_with", self.raised_with_box)
        self._add_field(details, "channel", self.channel_box)
        self._add_field(
            details, "follow_up_on", self.follow_up_field.line_edit, self.follow_up_field
        )
        self._add_field(
            details, "response_on", self.response_on_field.line_edit, self.response_on_field
        )
        self._add_field(details, "status", self.status_box)
        details.setRowStretch(details.rowCount(), 1)
        texts = QGridLayout()
        texts.setColumnStretch(0, 1)
        self._add_text_field(texts, "summary", self.summary_box)
        self._add_text_field(texts, "response", self.response_box)

        columns = QHBoxLayout()
        columns.addLayout(details, 1)
        columns.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        columns.addLayout(texts, 1)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.addWidget(self.editor_heading)
        form_layout.addWidget(self.record_line)
        form_layout.addWidget(self.overdue_line)
        form_layout.addLayout(columns, 1)

        for line in (self.raised_on_field, self.follow_up_field, self.response_on_field):
            line.textChanged.connect(self._refresh_status)
        self.raised_with_box.textChanged.connect(self._refresh_status)
        self.channel_box.currentIndexChanged.connect(self._refresh_status)
        self.status_box.currentIndexChanged.connect(self._refresh_status)
        self.summary_box.textChanged.connect(self._refresh_status)
        self.response_box.textChanged.connect(self._refresh_status)

        return form

    def _add_field(
        self, grid: QGridLayout, name: str, box: QWidget, shown: QWidget | None = None
    ) -> None:
        """A field in the details column: its label, the box, its hint, and its problem line."""
        info = CONCERN_FIELDS[name]
        hint = HINTS.get(name, info.hint)
        box.setAccessibleName(info.label)
        box.setAccessibleDescription(hint)
        box.setToolTip(hint)
        label = QLabel(with_mnemonic(info.label, MNEMONICS[name]) + ":")
        label.setBuddy(box)
        cell = QWidget()
        cell_layout = QHBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.addWidget(shown or box)
        cell_layout.addStretch(1)
        hint_line = hint_label(hint)
        problem = problem_label()
        top = grid.rowCount()
        grid.addWidget(label, top, 0)
        grid.addWidget(cell, top, 1)
        grid.addWidget(hint_line, top, 2)
        grid.addWidget(problem, top + 1, 1, 1, 2)
        self._fields[name] = EditorField(box, hint, problem)
        if name in RESPONSE_FIELDS:
            self._response_widgets += [label, cell, hint_line]

    def _add_text_field(self, grid: QGridLayout, name: str, box: QPlainTextEdit) -> None:
        info = CONCERN_FIELDS[name]
        box.setAccessibleName(info.label)
        # As tall as the room beside the other fields, rather than its own generous height.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        label = QLabel(with_mnemonic(info.label, MNEMONICS[name]) + ":")
        label.setBuddy(box)
        problem = problem_label()
        top = grid.rowCount()
        grid.addWidget(label, top, 0)
        grid.addWidget(box, top + 1, 0)
        # The boxes share whatever height the editor has.
        grid.setRowStretch(top + 1, 1)
        grid.addWidget(problem, top + 2, 0)
        self._fields[name] = EditorField(box, "", problem)
        if name in RESPONSE_FIELDS:
            self._response_widgets += [label, box]

    def _build_footer(self) -> QHBoxLayout:
        self.status = plain_label()
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip(f"Save this concern ({native_text(SAVE_KEYS)})")
        self.save_button.clicked.connect(self.save)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        return footer

    def _connect_keys(self) -> None:
        # Wherever the focus is on this page, and nowhere else in the window.
        for keys, action in (
            (SAVE_KEYS, self.save),
            (NEW_CONCERN_KEYS, self.new_concern),
            (HISTORY_KEYS, self.show_history),
            (MARK_ANSWERED_KEYS, self.mark_answered),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    def _set_tab_order(self) -> None:
        # Reading order: the buttons over the table, the table, then the form.
        chain: list[QWidget] = [self.answer_button, self.new_button, self.table]
        chain += [self._fields[name].box for name in TAB_ORDER]
        chain.append(self.save_button)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        # A DateField hands its focus to its box. Left with that, it would stay at its old place
        # in the chain when its box moves, and Tab would come back to the box from there. The
        # boxes are focused directly here (labels name them as buddies), so it is not needed.
        for field in (self.raised_on_field, self.follow_up_field, self.response_on_field):
            field.setFocusProxy(None)  # type: ignore[arg-type]  # the stub leaves out None

    # Reading the diary

    def _read_diary(self) -> None:
        entries = self._diary.concerns.all()
        self._today = self._diary.today()
        for field in (self.raised_on_field, self.follow_up_field, self.response_on_field):
            field.set_latest(self._today)
        self.model.set_entries(entries, self._today)
        self.counts_line.setText(counts_sentence([entry.record for entry in entries], self._today))

    def _entry_with_key(self, key: str) -> Recorded[Concern] | None:
        row = self.model.row_of(key)
        return None if row is None else self.model.entry_at(row)

    def _may_leave_editor(self) -> bool:
        """True when the editor can show something else: nothing unsaved, or the user said so."""
        if not self.has_unsaved_changes():
            return True
        return self._messages.confirm(
            self,
            "Unsaved changes",
            "You have changed this concern without saving. Discard those changes?",
            yes="Discard changes",
            no="Keep editing",
        )

    # The editor

    def _load(self, entry: Recorded[Concern] | None) -> None:
        self._entry = entry
        self.history_button.setEnabled(entry is not None)
        concern = entry.record if entry else None
        raised_on = concern.raised_on if concern else self._today
        self.raised_on_field.setText(format_date_for_typing(raised_on))
        self.raised_with_box.setText(concern.raised_with if concern else "")
        channel = concern.channel if concern else ConcernChannel.EMAIL
        self.channel_box.setCurrentIndex(self.channel_box.findData(channel))
        self.summary_box.setPlainText(concern.summary if concern else "")
        follow_up = concern.follow_up_on if concern else None
        self.follow_up_field.setText(format_date_for_typing(follow_up) if follow_up else "")
        self.response_box.setPlainText(concern.response if concern else "")
        response_on = concern.response_on if concern else None
        self.response_on_field.setText(format_date_for_typing(response_on) if response_on else "")
        status = concern.status if concern else ConcernStatus.OPEN
        self.status_box.setCurrentIndex(self.status_box.findData(status))
        for widget in self._response_widgets:
            widget.setVisible(entry is not None)
        self.answer_button.setEnabled(entry is not None)
        self._typed_when_loaded = self._typed()
        self._last_outcome = ""
        self._show_problems([], focus=False)
        self._describe_record()
        self._refresh_status()

    def _describe_record(self) -> None:
        entry = self._entry
        if entry is None:
            self.editor_heading.setText("New concern")
            self.record_line.setText(
                "Not saved yet. Once it is saved you can record the answer here, or with "
                "Mark answered."
            )
            self.overdue_line.setVisible(False)
            return
        concern = entry.record
        self.editor_heading.setText(f"Concern raised on {format_day(concern.raised_on)}")
        line = (
            f"First recorded {format_moment(entry.first_recorded_at)} · {amendments_words(entry)}"
        )
        if is_retrospective(concern.raised_on, entry.first_recorded_at):
            line += (
                f" · recorded retrospectively (more than {RETROSPECTIVE_AFTER_DAYS} days after "
                "the week it was raised in ended)"
            )
        self.record_line.setText(line)
        overdue = is_overdue(concern, self._today)
        self.overdue_line.setText(f"{WARNING_SIGN} {overdue_words(concern)}" if overdue else "")
        self.overdue_line.setVisible(overdue)

    def _typed(self) -> tuple[object, ...]:
        return (
            self.raised_on_field.text(),
            self.raised_with_box.text(),
            self.channel_box.currentIndex(),
            self.summary_box.toPlainText(),
            self.follow_up_field.text(),
            self.response_box.toPlainText(),
            self.response_on_field.text(),
            self.status_box.currentIndex(),
        )

    def _concern_from_form(self) -> tuple[Concern | None, list[FieldProblem]]:
        """The concern the form describes, and everything wrong with it, all at once."""
        problems: list[FieldProblem] = []
        raised_on = read_date(
            self.raised_on_field.text(),
            "raised_on",
            problems,
            required="Enter the day you raised it, like 16/11/2026.",
        )
        follow_up_on = read_date(self.follow_up_field.text(), "follow_up_on", problems)
        existing = self._entry is not None
        response_on = (
            read_date(self.response_on_field.text(), "response_on", problems) if existing else None
        )
        unreadable = {problem.field for problem in problems}
        # A stand-in for an unreadable date lets the other rules be checked now, not next time.
        concern = Concern(
            raised_on=raised_on or self._today,
            raised_with=self.raised_with_box.text().strip(),
            channel=ConcernChannel(self.channel_box.currentData()),
            summary=self.summary_box.toPlainText(),
            response=self.response_box.toPlainText() if existing else "",
            response_on=response_on,
            follow_up_on=follow_up_on,
            status=ConcernStatus(self.status_box.currentData()) if existing else ConcernStatus.OPEN,
        )
        problems += [
            problem
            for problem in concern_problems(concern, self._today)
            if problem.field not in unreadable
        ]
        return (None if unreadable else concern), problems

    def _show_problems(self, problems: list[FieldProblem], focus: bool = True) -> None:
        first_bad = show_problems(self._fields, problems)
        elsewhere = [problem.message for problem in problems if problem.field not in self._fields]
        if elsewhere:
            self._messages.warning(self, "The concern was not saved", "\n".join(elsewhere))
        if focus and first_bad is not None:
            first_bad.setFocus()
            self.page_scroll.ensureWidgetVisible(first_bad)

    def _save_concern(
        self,
        concern: Concern,
        key: str | None,
        asker: QWidget,
        show: Callable[[list[FieldProblem]], None],
    ) -> SaveResult[Concern] | None:
        """Save `concern` (amending the one at `key`, if any), asking before saving text
        that looks like it identifies someone. None if it was not saved; `show` gets the
        problems, and the messages have said anything else."""
        allow_identifiers = False
        while True:
            try:
                return self._diary.concerns.save(concern, key, allow_identifiers=allow_identifiers)
            except InvalidInput as error:
                show(error.problems)
                return None
            except IdentifierWarning as warning:
                if allow_identifiers or not self._messages.confirm(
                    asker,
                    "Check before saving",
                    str(warning),
                    yes="Save anyway",
                    no="Go back and edit",
                ):
                    self._focus_identifier(concern, asker)
                    return None
                allow_identifiers = True
            except WorkDiaryError as error:
                # What was typed stays where it was, so nothing is lost if saving can be retried.
                self._messages.error(
                    asker,
                    "The concern was not saved",
                    f"{error}\n\nEverything you typed is still there.",
                )
                return None

    def _focus_identifier(self, concern: Concern, asker: QWidget) -> None:
        """Put the cursor in the first box whose text looks like it identifies someone."""
        if isinstance(asker, AnswerDialog):
            asker.response_box.setFocus()
            return
        for name in ("raised_with", "summary", "response"):
            if find_identifiers(getattr(concern, name), self._today):
                self._fields[name].box.setFocus()
                return

    def _save_answer(self) -> None:
        dialog, entry = self._answer_dialog, self._answering
        if dialog is None or entry is None:
            return
        answer = dialog.answer()
        if answer is None:
            return
        response, answered_on = answer
        answered = replace(
            entry.record, response=response, response_on=answered_on, status=ConcernStatus.ANSWERED
        )
        result = self._save_concern(answered, entry.key, dialog, dialog.show_problems)
        if result is None:
            return
        dialog.accept()
        self._show_saved(
            result, "The answer is recorded; the concern as it was stays in its history."
        )

    def _focus_first_field(self) -> None:
        box = self.raised_on_field.line_edit
        box.setFocus()
        box.selectAll()

    def _show_saved(self, result: SaveResult[Concern], what_happened: str) -> None:
        self._read_diary()
        self._load(result.entry)
        self.table.select_key(result.entry.key)
        at = result.entry.last_changed_at.astimezone().strftime("%H:%M")
        if result.action == "unchanged":
            self._last_outcome = "Nothing changed, so there was nothing new to save."
        elif result.action == "created":
            self._last_outcome = (
                f"Saved at {at}. The concern raised on "
                f"{format_day(result.entry.record.raised_on)} is in your diary."
            )
        elif what_happened:
            self._last_outcome = f"Saved at {at}. {what_happened}"
        else:
            self._last_outcome = (
                f"Saved at {at}. Changed {changes_sentence(result)}. The earlier values "
                "stay in this concern's history."
            )
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
