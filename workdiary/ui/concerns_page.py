"""The Concerns page: each concern raised about workload, what came back, and those still waiting
past their follow-up date; logged, amended and marked answered with their history kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.concern_story import concern_stories
from workdiary.domain.dates import format_day, format_moment
from workdiary.domain.errors import FieldProblem
from workdiary.domain.formatting import (
    CONCERN_CHANNEL_WORDS,
    CONCERN_STATUS_WORDS,
    amendments_words,
    count,
)
from workdiary.domain.oversight import is_answered, is_overdue
from workdiary.domain.records import (
    CONCERN_FIELDS,
    Concern,
    ConcernChannel,
    ConcernStatus,
    Recorded,
)
from workdiary.domain.validation import concern_problems
from workdiary.storage import Diary
from workdiary.ui.fields import (
    WARNING_SIGN,
    DateField,
    format_date_for_typing,
    hint_label,
    native_text,
    plain_label,
    problem_label,
    text_box,
)
from workdiary.ui.messages import Messages
from workdiary.ui.oversight_models import (
    ConcernColumn,
    ConcernsModel,
    overdue_words,
    shortened,
)
from workdiary.ui.record_page import (
    EditorField,
    RecordKind,
    RecordPage,
    read_date,
    show_field_problems,
)
from workdiary.ui.saving import may_close_unsaved
from workdiary.ui.screen import resize_within_screen
from workdiary.ui.sort_choice import A_TO_Z, MOST_FIRST, NEWEST_FIRST, SortWords

# Alt+letter for each field. None clashes with Save (S), Restore (R), New concern (N), Mark
# answered (M), Write a foreseeability notice (W), Delete concern (T), Show deleted (E), Sort by
# (B), the table (C), or the window's File (F), Go (G) and Help (H) menus. Show history has
# Ctrl+H: no letter is left for it.
MNEMONICS = {
    "raised_on": "d",
    "raised_with": "i",
    "channel": "o",
    "summary": "y",
    "follow_up_on": "l",
    "response": "p",
    "response_on": "a",
    "status": "u",
}
# What a key selects in the How box: each way of raising a concern by its first letter.
CHANNEL_LETTERS = [words[0] for words in CONCERN_CHANNEL_WORDS.values()]
HINTS = {
    "raised_on": "The day you raised it",
    "raised_with": CONCERN_FIELDS["raised_with"].hint,
    "channel": f"Type its first letter: {', '.join(CHANNEL_LETTERS[:-1])} or {CHANNEL_LETTERS[-1]}",
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
# Only a concern already saved has a response to record; a new one is open. Mark answered asks
# for these alone.
RESPONSE_FIELDS = ("response", "response_on", "status")
RAISED_WITH_WIDTH_SAMPLE = "Deputy Head of Service (M.M.)"
DIALOG_TEXT_LINES = 6
MARK_ANSWERED_KEYS = "Ctrl+R"

CONCERNS = RecordKind(
    fields=CONCERN_FIELDS,
    mnemonics=MNEMONICS,
    hints=HINTS,
    may_identify=("raised_with", "summary", "response"),
    noun="concern",
    heading="Concerns raised",
    table_label="&Concerns:",
    table_name="Concerns raised",
    title="Concern raised on {day}",
    history_title="Concern raised on {day}",
    week_it_was="the week it was raised in",
    day_field="raised_on",
    not_saved_yet=(
        "Not saved yet. Once it is saved you can record the answer here, or with Mark answered."
    ),
    # The same words for a save from Mark answered, whose dialog keeps what was typed.
    still_typed="Everything you typed is still there.",
    sort_words={
        ConcernColumn.RAISED_ON: NEWEST_FIRST,
        ConcernColumn.RAISED_WITH: A_TO_Z,
        ConcernColumn.CHANNEL: A_TO_Z,
        ConcernColumn.STATUS: SortWords("overdue first", "answered first"),
        ConcernColumn.FLAGS: MOST_FIRST,
        ConcernColumn.SUMMARY: A_TO_Z,
    },
)


def counts_sentence(concerns: list[Concern], today: date) -> str:
    """`12 concerns raised. 3 are waiting for an answer; 1 of them is past its follow-up date.`
    An access request is kept here to be chased, but it is not a concern about workload, and is
    counted apart: `12 concerns raised and 1 access request made. …`"""
    if not concerns:
        return "No concerns logged yet. Press New concern to log one you raised."
    waiting = sum(1 for concern in concerns if not is_answered(concern))
    overdue = sum(1 for concern in concerns if is_overdue(concern, today))
    requests = sum(1 for concern in concerns if concern.channel is ConcernChannel.ACCESS_REQUEST)
    about_workload = len(concerns) - requests
    said = [f"{count(about_workload, 'concern')} raised"] if about_workload else []
    if requests:
        said.append(f"{count(requests, 'access request')} made")
    raised = " and ".join(said) + "."
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


class AnswerDialog(QDialog):
    """Asks what the answer to a concern was, and when it came. The page saves it, and the dialog
    stays open, with what was typed, until that has worked or the user has said to throw it away.
    One dialog serves every concern."""

    def __init__(self, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._messages = messages
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

        layout = self._layout = QVBoxLayout(self)
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
        # In the words of the concern's line and history: an answer recorded is no amendment.
        recorded_as = hint_label(
            "It is added to the concern's history as the answer recorded, not as an amendment of "
            "what you raised."
        )
        layout.addWidget(recorded_as)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.response_box, self.date_field.line_edit)
        QWidget.setTabOrder(self.date_field.line_edit, self.save_button)

        # Sized in characters and lines, so it grows with the font and with display scaling.
        metrics = self.fontMetrics()
        resize_within_screen(self, metrics.averageCharWidth() * 80, metrics.lineSpacing() * 20)
        self._answer_before = ""
        self._typed_when_asked = self.typed()

    def ask(self, concern: Concern, today: date) -> None:
        """Show `concern`, with any answer it already has (or today's date), ready to type on a
        new line after that answer, so that what is typed adds to it rather than running into its
        last word."""
        about = (
            f"Raised with {concern.raised_with} on {format_day(concern.raised_on)} "
            f"({CONCERN_CHANNEL_WORDS[concern.channel]}): {shortened(concern.summary)}"
        )
        if concern.response.strip():
            answered = f" on {format_day(concern.response_on)}" if concern.response_on else ""
            about += (
                f"\n\nIt was answered{answered}. Type anything more they said on the new line "
                "under the answer below, or correct the answer; what it said before stays in its "
                "history."
            )
        self.about.setText(about)
        # The new line is only in the box: saved with nothing added, the answer stays exactly as
        # it was (see answer).
        self._answer_before = concern.response
        begun = concern.response
        if begun.strip() and not begun.endswith("\n"):
            begun += "\n"
        self.response_box.setPlainText(begun)
        self.response_box.moveCursor(QTextCursor.MoveOperation.End)
        self.date_field.set_latest(today)
        self.date_field.setText(format_date_for_typing(concern.response_on or today))
        self.show_problems([])
        # What the boxes held when the concern was shown: closing after typing asks first.
        self._typed_when_asked = self.typed()
        # The layout alone does not give wrapped words the lines they need: what is said about
        # the concern would be cut off at its top and bottom. Taller, within the screen, instead.
        needed = self._layout.totalHeightForWidth(self.width())
        if needed > self.height():
            resize_within_screen(self, self.width(), needed)
        self.response_box.setFocus()

    def typed(self) -> tuple[str, str]:
        """What the boxes hold as they stand: the answer's words and its date."""
        return self.response_box.toPlainText(), self.date_field.text()

    def has_unsaved_changes(self) -> bool:
        return self.typed() != self._typed_when_asked

    def reject(self) -> None:
        """Esc, Cancel and the dialog's close button all come here: with an answer typed and not
        saved, the officer is asked first, as the letters do, and keeping it is the default."""
        if self.has_unsaved_changes() and not may_close_unsaved(
            self._messages, self, "Close without saving the answer?"
        ):
            return
        super().reject()

    def answer(self) -> tuple[str, date] | None:
        """What was typed, or None (with each problem shown by its field)."""
        problems: list[FieldProblem] = []
        # Blank lines and spaces at the end are not words: with nothing else added, the answer
        # already given is kept to the letter, rather than changed by the line begun after it.
        typed = self.response_box.toPlainText().rstrip()
        text = self._answer_before if typed == self._answer_before.rstrip() else typed
        if not text.strip():
            problems.append(FieldProblem("response", "Write what they said, even in a few words."))
        answered_on = read_date(
            self.date_field.text(),
            "response_on",
            CONCERN_FIELDS["response_on"].label,
            problems,
            required="Enter the day the answer came, like 16/11/2026.",
        )
        self.show_problems(problems)
        if problems or answered_on is None:
            return None
        return text, answered_on

    def show_problems(self, problems: list[FieldProblem]) -> None:
        first_bad = show_field_problems(self.fields, problems)
        elsewhere = [problem.message for problem in problems if problem.field not in self.fields]
        self.other_problem.setText("\n".join(f"{WARNING_SIGN} {text}" for text in elsewhere))
        self.other_problem.setVisible(bool(elsewhere))
        if first_bad is not None:
            first_bad.setFocus()


class ConcernsPage(RecordPage[Concern]):
    """Lists the concerns raised and edits one; `saved` after anything is saved."""

    model: ConcernsModel

    # The window writes the letter (it is also on its File menu): "foreseeability" or
    # "access-request".
    letter_requested = Signal(str)

    def __init__(self, diary: Diary, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(diary, messages, diary.concerns, ConcernsModel, CONCERNS, parent)
        self._add_shortcut(MARK_ANSWERED_KEYS, self.mark_answered)
        self._answer_dialog: AnswerDialog | None = None
        self._answering: Recorded[Concern] | None = None

    # The public interface

    def new_concern(self) -> bool:
        """Clear the editor for a new concern raised today. False if the user kept their edits."""
        return self.new_record()

    def show_concern(self, key: str) -> bool:
        """Load the concern with `key` for amending. False if the user kept their edits, or
        there is no such concern."""
        return self.show_record(key)

    def mark_answered(self) -> AnswerDialog | None:
        """Ask for the answer to the concern in the editor, in a dialog that saves it as a change
        to the concern, kept in its history (the dialog is returned, for whoever wants it)."""
        entry = self._entry
        if entry is None or self.showing_deleted() or not self._may_leave_editor():
            return None
        self._load(entry)  # drops any edits the user chose to discard
        # Made once and kept: a dialog deleted on closing can outlive its page's Python side.
        if self._answer_dialog is None:
            self._answer_dialog = AnswerDialog(self._messages, self)
            self._answer_dialog.save_button.clicked.connect(self._save_answer)
        self._answering = entry
        self._answer_dialog.ask(entry.record, self._today)
        self._answer_dialog.open()
        return self._answer_dialog

    def answer_not_saved(self) -> bool:
        """Whether Mark answered is open with an answer typed and not saved yet."""
        dialog = self._answer_dialog
        return dialog is not None and dialog.isVisible() and dialog.has_unsaved_changes()

    # Building the widgets

    def _build_overview(self) -> list[QWidget]:
        self.counts_line = plain_label()
        self.counts_line.setAccessibleName("Concerns waiting for an answer")
        return [self.counts_line]

    def _build_list_buttons(self) -> list[QPushButton]:
        self.notice_button = QPushButton("&Write a foreseeability notice…")
        self.notice_button.setToolTip(
            "A letter putting your employer on notice that your workload is harming your "
            "health, with the figures from your diary; it is logged here once saved"
        )
        self.notice_button.clicked.connect(lambda: self.letter_requested.emit("foreseeability"))
        self.answer_button = QPushButton("&Mark answered…")
        self.answer_button.setToolTip(
            f"Record the answer to the selected concern ({native_text(MARK_ANSWERED_KEYS)})"
        )
        self.answer_button.clicked.connect(self.mark_answered)
        return [self.notice_button, self.answer_button]

    def _build_record_notes(self) -> list[QWidget]:
        self.overdue_line = plain_label()
        bold = QFont(self.overdue_line.font())
        bold.setBold(True)
        self.overdue_line.setFont(bold)
        return [self.overdue_line]

    def _build_fields(self, details: QGridLayout, texts: QGridLayout) -> None:
        self.raised_on_field = self._add_date_field(details, "raised_on")
        self.raised_with_box = QLineEdit()
        # Room for a role as well as initials, in the user's font.
        self.raised_with_box.setMinimumWidth(
            self.raised_with_box.fontMetrics().horizontalAdvance(RAISED_WITH_WIDTH_SAMPLE)
        )
        self._add_field(details, "raised_with", self.raised_with_box)
        self.channel_box = QComboBox()
        for channel, words in CONCERN_CHANNEL_WORDS.items():
            self.channel_box.addItem(words, channel)
        self._add_field(details, "channel", self.channel_box)
        self.follow_up_field = self._add_date_field(details, "follow_up_on")
        self.response_on_field = self._add_date_field(details, "response_on")
        self.status_box = QComboBox()
        for status, words in CONCERN_STATUS_WORDS.items():
            self.status_box.addItem(words, status)
        self._add_field(details, "status", self.status_box)
        self.summary_box = self._add_text_field(texts, "summary")
        self.response_box = self._add_text_field(texts, "response")

    def _tab_order(self) -> list[QWidget]:
        # Reading order: the buttons over the table, the table, then the form.
        boxes = [self.box(name) for name in TAB_ORDER]
        return [*self._list_widgets(), *boxes, self.restore_button, self.save_button]

    # Reading the diary

    def _read_diary(self) -> None:
        # What became of each concern since it was first recorded: read once, for every row.
        self.model.stories = concern_stories(self._diary.audit.entries(self._records.table))
        super()._read_diary()

    def _show_overview(self, records: list[Concern]) -> None:
        self.counts_line.setText(counts_sentence(records, self._today))

    # The editor

    def _named_for_deleting(self, concern: Concern) -> str:
        """`the concern raised on Mon 16 Nov 2026 with SPO (G.W.) (Email): “Asked for…”`, as Mark
        answered names it."""
        return (
            f"the concern raised on {format_day(concern.raised_on)} with {concern.raised_with} "
            f"({CONCERN_CHANNEL_WORDS[concern.channel]}): “{shortened(concern.summary)}”"
        )

    def _fill_form(self, concern: Concern | None) -> None:
        raised_on = concern.raised_on if concern else self._today
        self.raised_on_field.setText(format_date_for_typing(raised_on))
        self.raised_with_box.setText(concern.raised_with if concern else "")
        self.raised_with_box.setCursorPosition(0)  # a long name shows from its start
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
        for name in RESPONSE_FIELDS:
            self._show_field(name, concern is not None)
        self.answer_button.setEnabled(concern is not None and not self.showing_deleted())

    def _since_first_recorded(self, entry: Recorded[Concern]) -> list[str]:
        """When its answer was recorded and it was marked closed, which are not amendments:
        `answer recorded Mon 23 Nov 2026 10:05 · not amended`."""
        concern, story = entry.record, self.model.story(entry)
        words = []
        if story.answer_recorded_at is not None and is_answered(concern):
            words.append(f"answer recorded {format_moment(story.answer_recorded_at)}")
        if story.closed_at is not None and concern.status is ConcernStatus.CLOSED:
            words.append(f"marked closed {format_moment(story.closed_at)}")
        return [*words, amendments_words(self.model.amendments(entry).times)]

    def _describe_record(self, entry: Recorded[Concern] | None = None) -> None:
        super()._describe_record(entry)
        entry = entry or self._entry
        concern = entry.record if entry else None
        # A deleted concern waits for nothing.
        if concern is not None and not self.showing_deleted() and is_overdue(concern, self._today):
            self.overdue_line.setText(f"{WARNING_SIGN} {overdue_words(concern)}")
            self.overdue_line.setVisible(True)
        else:
            self.overdue_line.setVisible(False)

    def _record_from_form(self) -> tuple[Concern | None, list[FieldProblem]]:
        problems: list[FieldProblem] = []
        raised_on = read_date(
            self.raised_on_field.text(),
            "raised_on",
            CONCERN_FIELDS["raised_on"].label,
            problems,
            required="Enter the day you raised it, like 16/11/2026.",
        )
        follow_up_on = read_date(
            self.follow_up_field.text(),
            "follow_up_on",
            CONCERN_FIELDS["follow_up_on"].label,
            problems,
        )
        existing = self._entry is not None
        response_on = (
            read_date(
                self.response_on_field.text(),
                "response_on",
                CONCERN_FIELDS["response_on"].label,
                problems,
            )
            if existing
            else None
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

    # Marking answered

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
        result = self._save_record(
            answered,
            entry,
            dialog,
            dialog.show_problems,
            dialog.response_box.setFocus,
            mine=frozenset(RESPONSE_FIELDS),
        )
        if result is None:
            return
        dialog.accept()
        self._show_saved(
            result, "The answer is recorded; the concern as it was stays in its history."
        )
