"""The page Supervision and Concerns are built on: a list of records over a form that logs one."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.dates import format_day, format_moment, parse_date
from workdiary.domain.errors import FieldProblem, InvalidInput, WorkDiaryError
from workdiary.domain.figures import RETROSPECTIVE_AFTER_DAYS, is_retrospective
from workdiary.domain.formatting import RESTORED, amendments_words, recorded_again_words
from workdiary.domain.identifiers import find_identifiers
from workdiary.domain.records import FieldInfo, Recorded
from workdiary.storage import Diary, SaveResult
from workdiary.storage.records import RecordTable
from workdiary.ui.amendments import AmendmentsDialog
from workdiary.ui.fields import (
    HISTORY_KEYS,
    WARNING_SIGN,
    DateField,
    hint_label,
    look_read_only,
    native_text,
    nothing_saved_words,
    page_shortcut,
    plain_label,
    problem_label,
    problems_for,
    text_box,
    with_mnemonic,
)
from workdiary.ui.messages import Messages
from workdiary.ui.oversight_models import RecordsModel, RecordsTable
from workdiary.ui.saving import (
    SaidYes,
    asking_about_clock,
    changed_elsewhere_words,
    changes_sentence,
    delete_asking,
    save_asking,
)
from workdiary.ui.scrolling import FocusFollowingScrollArea
from workdiary.ui.sort_choice import SortChoice, SortWords

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# A record is a dataclass: a dialog asking for some of its fields saves them onto the rest.
R = TypeVar("R", bound="DataclassInstance")

TEXT_LINES = 3
NEW_RECORD_KEYS = "Ctrl+N"
# In the list only: in the form the key deletes text.
DELETE_KEYS = QKeySequence.StandardKey.Delete
SAVE_KEYS = QKeySequence.StandardKey.Save


@dataclass(frozen=True)
class RecordKind:
    """What a page keeps: its records' fields as the form shows them, and its words for them."""

    fields: dict[str, FieldInfo]
    mnemonics: dict[str, str]  # the Alt+letter of each field's label
    hints: dict[str, str]  # where the form says more than a field's own hint
    # The text fields where the cursor goes, the first that has one, when a save finds what
    # looks like an identifier.
    may_identify: tuple[str, ...]
    noun: str  # "session": New session, Save this session, The session was not saved
    heading: str
    table_label: str  # with its Alt+letter
    table_name: str
    title: str  # a saved record, in the editor and the status line: "Session on {day}"
    history_title: str  # the same in its history: "Supervision session on {day}"
    week_it_was: str  # "the week it was in", for a record recorded retrospectively
    day_field: str  # the field that dates a record: "held_on"
    not_saved_yet: str  # what the editor says of a new record
    still_typed: str  # after a save that failed: "Everything you typed is still in the form."
    sort_words: Mapping[int, SortWords]  # how each column's two orders are said


@dataclass(frozen=True)
class EditorField:
    """One field of a form: what takes the focus, its hint, the line that says what is wrong,
    and everything else that shows it (to hide it whole)."""

    box: QWidget
    hint: str
    problem: QLabel
    parts: tuple[QWidget, ...] = ()
    hint_line: QLabel | None = None  # where the hint is shown beside the box, if it is


def show_field_problems(
    fields: dict[str, EditorField], problems: list[FieldProblem]
) -> QWidget | None:
    """Each problem under its own field; the first field with one, to focus."""
    first_bad: QWidget | None = None
    for name, field in fields.items():
        messages = problems_for(problems, name)
        field.problem.setText("\n".join(f"{WARNING_SIGN} {text}" for text in messages))
        field.problem.setVisible(bool(messages))
        describe_field(field, messages)
        if messages and first_bad is None:
            first_bad = field.box
    return first_bad


def describe_field(field: EditorField, problems: list[str]) -> None:
    """What a screen reader reads with the box: what is wrong with it first, then the hint."""
    field.box.setAccessibleDescription(" ".join([*problems, field.hint]).strip())


def read_date(
    text: str, field: str, label: str, problems: list[FieldProblem], required: str = ""
) -> date | None:
    """The date typed, or None; what is wrong with it goes into `problems`. An empty box is fine
    unless `required` says what to write instead."""
    if not text.strip():
        if required:
            problems.append(FieldProblem(field, required))
        return None
    try:
        return parse_date(text, field, label)
    except InvalidInput as error:
        problems += error.problems
        return None


def typed_in(box: QWidget) -> object:
    """What a box of a form holds, to tell whether it was changed."""
    if isinstance(box, QLineEdit):
        return box.text()
    if isinstance(box, QPlainTextEdit):
        return box.toPlainText()
    if isinstance(box, QComboBox):
        return box.currentIndex()
    if isinstance(box, QCheckBox):
        return box.isChecked()
    raise TypeError(f"A form has no boxes like {type(box).__name__}")


def on_change(box: QWidget, slot: Callable[[], None]) -> None:
    """Call `slot` whenever what `box` holds changes."""
    if isinstance(box, QLineEdit | QPlainTextEdit):
        box.textChanged.connect(slot)
    elif isinstance(box, QComboBox):
        box.currentIndexChanged.connect(slot)
    elif isinstance(box, QCheckBox):
        box.toggled.connect(slot)
    else:
        raise TypeError(f"A form has no boxes like {type(box).__name__}")


class RecordPage(QWidget, Generic[R]):
    """Lists a page's records and edits one; `saved` after anything is saved or deleted. Deleted
    records are listed too when the user ticks Show deleted, and shown read-only.

    A page builds its own widgets above the list (`_build_overview`), beside its buttons
    (`_build_list_buttons`), under the record's description (`_build_record_notes`) and in the
    form (`_build_fields`); it fills the form from a record and reads one back from it
    (`_fill_form`, `_record_from_form`), names a record in the question before deleting it
    (`_named_for_deleting`), and shows what it reads from the diary besides the list
    (`_show_overview`)."""

    saved = Signal()

    def __init__(
        self,
        diary: Diary,
        messages: Messages,
        records: RecordTable[R],
        model_type: type[RecordsModel[R]],
        kind: RecordKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._diary = diary
        self._messages = messages
        self._records = records
        self._kind = kind
        self._today = diary.today()
        # The record in the editor (None: a new one), when it was deleted (None: it was not; a
        # deleted one is shown read-only), and what the form held when it was loaded.
        self._entry: Recorded[R] | None = None
        self._deleted_at: datetime | None = None
        self._typed_when_loaded: tuple[object, ...] = ()
        self._last_outcome = ""
        self._fields: dict[str, EditorField] = {}
        self._date_fields: list[DateField] = []

        self.model = model_type(self)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._build_heading())
        for widget in self._build_overview():
            layout.addWidget(widget)
        # The form takes the height its fields need (more when amending than for a new record)
        # and the list all the rest, as the window grows or shrinks.
        layout.addWidget(self._build_list(), 1)
        layout.addWidget(self._build_editor())
        # The whole page scrolls when the window is small (or the text large, at 200 %), rather
        # than squeezing the list or the form; Save and what it said stay in sight below.
        self.page_scroll = FocusFollowingScrollArea()
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
        for before, after in itertools.pairwise(self._tab_order()):
            QWidget.setTabOrder(before, after)
        self.setFocusProxy(self.table)
        self.reload()
        self._load(None)

    # The public interface

    def reload(self) -> None:
        """Read the diary again (after a save elsewhere, a change in Settings, or on a new day)."""
        day_before = self._today
        try:
            self._read_diary()
        except WorkDiaryError as error:
            self._messages.error(self, "Cannot read the diary", str(error))
            return
        # Typing not saved yet stays as it is: saving it asks first if its record changed, and
        # the line above the form says so.
        if self.has_unsaved_changes():
            self._tell_if_changed_elsewhere()
        else:
            if self._entry is not None:
                key = self._entry.key
                fresh = self._entry_with_key(key)
                if fresh is None:
                    self._load(None)
                elif fresh != self._entry or self.model.deleted_at(key) != self._deleted_at:
                    self._load(fresh)
            elif self._today != day_before:
                # A new record not begun is dated today: a window left open overnight must not
                # offer yesterday's date.
                self._load(None)
        self.table.select_key(self.current_key())

    def new_record(self) -> bool:
        """Clear the editor for a new record, dated today. False if the user kept their edits."""
        if not self._may_leave_editor():
            return False
        self._load(None)
        self.table.select_key(None)
        self._focus_first_field()
        return True

    def show_record(self, key: str) -> bool:
        """Load the record with `key` for amending. False if the user kept their edits, or there
        is no such record."""
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

    def save(self) -> bool:
        """Check and save the record in the editor. True when saved (or nothing had changed)."""
        if self.showing_deleted():
            self._say_deleted(f"A deleted {self._kind.noun} cannot be saved.")
            return False
        record, problems = self._record_from_form()
        # What was wrong at the last try is gone once put right, whatever is asked next: going
        # back from a question must not leave a box marked wrong beside a date that is right.
        self._show_problems(problems, focus=bool(problems))
        if record is None or problems:
            return False
        if not self._may_save(record):
            return False
        result = self._save_record(
            record,
            self._entry,
            self,
            self._show_problems,
            lambda: self._focus_identifier(record),
        )
        if result is None:
            return False
        self._show_saved(result)
        return True

    def show_history(self) -> AmendmentsDialog | None:
        """Open the history of the record in the editor (None for one not saved yet)."""
        if self._entry is None:
            return None
        events = self._records.history(self._entry.key)
        name = self._kind.history_title.format(day=self._day_words(self._entry.record))
        dialog = AmendmentsDialog(name, events, self._kind.fields, parent=self)
        dialog.open()
        return dialog

    def delete(self) -> bool:
        """Delete the record in the editor, once the user has said so: it leaves the list and the
        figures, and what it held stays in its history. True when deleted."""
        entry = self._entry
        if entry is None:
            return False
        noun = self._kind.noun
        if self.showing_deleted():
            self._say_deleted(f"This {noun} is already deleted.")
            return False
        if not delete_asking(
            lambda allow_clock_behind, read_at: self._records.delete(
                entry.key, allow_clock_behind=allow_clock_behind, read_at=read_at
            ),
            self._messages,
            self,
            noun=noun,
            named=self._named_for_deleting(entry.record),
            consequence="It will leave the list and no longer count in the figures.\n\nNothing "
            "is wiped: what it held stays in its history, which shows when it was deleted, and "
            "the amendment history of any evidence pack made from now on shows the deletion.",
            unsaved=self.has_unsaved_changes(),
            read_at=entry.revision,
            changed_elsewhere=self.reload,
        ):
            return False
        at = self._diary.clock().astimezone().strftime("%H:%M")
        self._load(None)
        self.reload()
        # Back in the list, rather than on the button now greyed out: the next record is an
        # arrow key away.
        self.table.setFocus()
        see_it = "" if self.show_deleted.isChecked() else " (tick Show deleted to see it)"
        self._last_outcome = (
            f"Deleted at {at}. What the {noun} held stays in its history{see_it}, and evidence "
            "packs show the deletion."
        )
        self._refresh_status()
        self.saved.emit()
        return True

    def restore(self) -> bool:
        """Bring back the deleted record in the editor, once the user has said so, as it was
        before it was deleted: it is in the list and the figures again, and keeps when it was
        first recorded. True when restored."""
        entry = self._entry
        if entry is None or not self.showing_deleted():
            return False
        noun = self._kind.noun
        if not self._messages.confirm(
            self,
            f"Restore this {noun}?",
            f"Restore {self._named_for_deleting(entry.record)}? It will be back in the list and "
            "count in the figures again, as it was before it was deleted, and it keeps the date "
            "it was first recorded.\n\nIts history keeps the deletion and shows it was recorded "
            "again, and so does the amendment history of any evidence pack made from now on. "
            "Neither counts as an amendment.",
            yes=f"Restore the {noun}",
            no="Keep it deleted",
        ):
            return False
        try:
            result = asking_about_clock(
                lambda allow_clock_behind: self._records.restore(
                    entry.key, allow_clock_behind=allow_clock_behind
                ),
                self._messages,
                self,
                doing="Restore",
            )
        except WorkDiaryError as error:
            self._messages.error(self, f"The {noun} was not restored", str(error))
            self.reload()
            return False
        if result is None:
            return False
        self._show_saved(
            result,
            f"The {noun} is back in the list and counts in the figures again. Its history keeps "
            "the deletion, and shows it was recorded again.",
        )
        self.save_button.setFocus()
        return True

    def current_key(self) -> str | None:
        """The key of the record in the editor; None for a new one."""
        return self._entry.key if self._entry else None

    def showing_deleted(self) -> bool:
        """Whether the editor shows a deleted record, which can be read but not changed."""
        return self._deleted_at is not None

    def box(self, field: str) -> QWidget:
        """The widget `field` (a field of the record) is entered in."""
        return self._fields[field].box

    def problem_label(self, field: str) -> QLabel:
        """The line under `field` that says what is wrong with it."""
        return self._fields[field].problem

    # What each page adds

    def _build_overview(self) -> list[QWidget]:
        """What the page shows between its heading and the list."""
        raise NotImplementedError

    def _build_list_buttons(self) -> list[QPushButton]:
        """Buttons over the list, before Show history and New."""
        return []

    def _build_record_notes(self) -> list[QWidget]:
        """Lines under the description of the record in the editor."""
        return []

    def _build_fields(self, details: QGridLayout, texts: QGridLayout) -> None:
        """Make the form's boxes and add them (`_add_field`, `_add_date_field`, `_add_text_field`)
        in reading order: a column of details, and one of text beside it."""
        raise NotImplementedError

    def _fill_form(self, record: R | None) -> None:
        """Put `record` in the form, or what a new record starts with."""
        raise NotImplementedError

    def _record_from_form(self) -> tuple[R | None, list[FieldProblem]]:
        """The record the form describes, and everything wrong with it, all at once; None when
        something could not be read at all."""
        raise NotImplementedError

    def _may_save(self, record: R) -> bool:
        """Whether to go on saving `record`, which the form reads without a problem: a page asks
        here about what the officer may not have meant. False when they chose to go back; what
        they typed stays in the form."""
        return True

    def _show_overview(self, records: list[R]) -> None:
        """Show what the page says of all its records, besides listing them."""
        raise NotImplementedError

    def _named_for_deleting(self, record: R) -> str:
        """The record in the question before deleting it, to tell it from the others on its day:
        `the session on Mon 16 Nov 2026`."""
        title = self._kind.title.format(day=self._day_words(record))
        return f"the {title[:1].lower()}{title[1:]}"

    def _tab_order(self) -> list[QWidget]:
        """What Tab visits, in turn: reading order, the buttons over the list, the list and then
        the form."""
        boxes = [field.box for field in self._fields.values()]
        return [*self._list_widgets(), *boxes, self.restore_button, self.save_button]

    def _list_widgets(self) -> list[QWidget]:
        """The buttons over the list, the list and what is under it, in reading order."""
        return [*self._list_buttons, self.table, self.sort_choice, self.show_deleted]

    # Building the widgets

    def _build_heading(self) -> QLabel:
        heading = plain_label(self._kind.heading)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        return heading

    def _build_list(self) -> QWidget:
        noun = self._kind.noun
        self.new_button = QPushButton(f"&New {noun}")
        self.new_button.setToolTip(f"Log another {noun} ({native_text(NEW_RECORD_KEYS)})")
        self.new_button.clicked.connect(self.new_record)
        table_label = QLabel(self._kind.table_label)
        top = QHBoxLayout()
        top.addWidget(table_label)
        top.addStretch(1)
        # Asked about first, and away from New: a record saved by mistake (typed twice, or on
        # the wrong day) can be taken out of the list and figures, its history kept.
        # T: every other letter of "Delete" is a field's on one page or another.
        self.delete_button = QPushButton(f"Dele&te {noun}…")
        self.delete_button.setToolTip(
            f"Take the selected {noun} out of the list and the figures; what it held stays in "
            f"its history ({native_text(DELETE_KEYS)} in the list)"
        )
        self.delete_button.clicked.connect(self.delete)
        # No Alt+letter: Ctrl+H, its key on every page, says so. The Concerns page has no letter
        # of "Show history" to spare, and one key for it everywhere is easier to remember.
        self.history_button = QPushButton("Show history…")
        self.history_button.setToolTip(
            f"When this {noun} was first recorded, and every change since "
            f"({native_text(HISTORY_KEYS)})"
        )
        self.history_button.clicked.connect(self.show_history)
        self._list_buttons = [
            *self._build_list_buttons(),
            self.delete_button,
            self.history_button,
            self.new_button,
        ]
        for button in self._list_buttons:
            top.addWidget(button)

        self.table = RecordsTable(self.model, self._kind.table_name)
        self.table.picked.connect(self.show_record)
        self.table.opened.connect(self._focus_first_field)
        table_label.setBuddy(self.table)
        delete_key = QShortcut(QKeySequence(DELETE_KEYS), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete)

        # Under the list, where it has the width to itself: beside the buttons it wrapped.
        list_hint = hint_label(f"Select a {noun} to amend it: every change is kept in its history.")
        # Hidden until something is deleted: most diaries never delete anything, and a box
        # greyed out would only raise the question of what was.
        self.show_deleted = QCheckBox("Show d&eleted")
        self.show_deleted.setToolTip(
            f"List deleted {noun}s too, marked deleted, to read them and their history; they "
            "never count in the figures"
        )
        self.show_deleted.setVisible(False)
        self.show_deleted.toggled.connect(self.reload)
        self.sort_choice = SortChoice(self.table, self._kind.sort_words)
        under = QHBoxLayout()
        under.addWidget(list_hint, 1)
        under.addWidget(self.sort_choice.label())
        under.addWidget(self.sort_choice)
        under.addWidget(self.show_deleted)

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addLayout(under)
        return holder

    def _build_editor(self) -> QWidget:
        self.editor_heading = plain_label()
        bold = QFont(self.editor_heading.font())
        bold.setBold(True)
        self.editor_heading.setFont(bold)
        self.record_line = plain_label()

        # In a widget of its own, to grey it out whole for a deleted record: a box the page
        # made read-only itself (the length of a session not held) stays so when it comes back.
        self._details = QWidget()
        details = QGridLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setColumnStretch(2, 1)
        texts = QGridLayout()
        texts.setColumnStretch(0, 1)
        self._build_fields(details, texts)
        details.setRowStretch(details.rowCount(), 1)

        columns = QHBoxLayout()
        columns.addWidget(self._details, 1)
        columns.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        columns.addLayout(texts, 1)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.addWidget(self.editor_heading)
        form_layout.addWidget(self.record_line)
        for line in self._build_record_notes():
            form_layout.addWidget(line)
        form_layout.addLayout(columns, 1)
        return form

    def _add_field(
        self, grid: QGridLayout, name: str, box: QWidget, shown: QWidget | None = None
    ) -> None:
        """A field in the details column: its label, the box (in `shown`, if it is inside
        something more) with its unit, its hint, and its problem line."""
        info = self._kind.fields[name]
        hint = self._kind.hints.get(name, info.hint)
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
        parts: list[QWidget] = []
        top = grid.rowCount()
        if not isinstance(box, QCheckBox):  # a check box carries its own label
            label = QLabel(with_mnemonic(info.label, self._kind.mnemonics[name]) + ":")
            label.setBuddy(box)
            grid.addWidget(label, top, 0)
            parts.append(label)
        grid.addWidget(cell, top, 1)
        parts.append(cell)
        hint_line: QLabel | None = None
        if hint:
            hint_line = hint_label(hint)
            grid.addWidget(hint_line, top, 2)
            parts.append(hint_line)
        problem = problem_label()
        grid.addWidget(problem, top + 1, 1, 1, 2)
        self._fields[name] = EditorField(box, hint, problem, tuple(parts), hint_line)
        on_change(box, self._refresh_status)

    def _add_date_field(self, grid: QGridLayout, name: str) -> DateField:
        field = DateField()
        self._date_fields.append(field)
        self._add_field(grid, name, field.line_edit, field)
        if name == self._kind.day_field:
            # A new record dated long enough ago is said to be late before it is saved, as a
            # week is: the officer may have meant another year.
            field.textChanged.connect(self._describe_new_record)
        return field

    def _add_text_field(self, grid: QGridLayout, name: str) -> QPlainTextEdit:
        """A field in the text column: its label over the box, and its problem line."""
        info = self._kind.fields[name]
        box = text_box(TEXT_LINES)
        # As tall as the room beside the other fields, rather than its own generous height.
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        box.setAccessibleName(info.label)
        label = QLabel(with_mnemonic(info.label, self._kind.mnemonics[name]) + ":")
        label.setBuddy(box)
        problem = problem_label()
        top = grid.rowCount()
        grid.addWidget(label, top, 0)
        grid.addWidget(box, top + 1, 0)
        # The boxes share whatever height the editor has.
        grid.setRowStretch(top + 1, 1)
        grid.addWidget(problem, top + 2, 0)
        self._fields[name] = EditorField(box, "", problem, (label, box))
        on_change(box, self._refresh_status)
        return box

    def _change_hint(self, name: str, hint: str) -> None:
        """Say `hint` beside the field `name`, and to a screen reader, in place of what it said."""
        field = replace(self._fields[name], hint=hint)
        self._fields[name] = field
        if field.hint_line is not None:
            field.hint_line.setText(hint)
        field.box.setToolTip(hint)
        shown = field.problem.text().splitlines() if not field.problem.isHidden() else []
        describe_field(field, [line.removeprefix(f"{WARNING_SIGN} ") for line in shown])

    def _show_field(self, name: str, shown: bool) -> None:
        for part in self._fields[name].parts:
            part.setVisible(shown)

    def _build_footer(self) -> QHBoxLayout:
        self.status = plain_label()
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip(f"Save this {self._kind.noun} ({native_text(SAVE_KEYS)})")
        self.save_button.clicked.connect(self.save)
        # Shown in Save's place for a deleted record, which can be brought back but not changed.
        noun = self._kind.noun
        self.restore_button = QPushButton(f"&Restore this {noun}…")
        self.restore_button.setToolTip(
            f"Bring this {noun} back into the list and the figures, as it was before it was "
            "deleted; its history keeps the deletion"
        )
        self.restore_button.clicked.connect(self.restore)
        self.restore_button.setVisible(False)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignBottom)
        footer.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        return footer

    def _connect_keys(self) -> None:
        self._add_shortcut(SAVE_KEYS, self.save)
        self._add_shortcut(NEW_RECORD_KEYS, self.new_record)
        self._add_shortcut(HISTORY_KEYS, self.show_history)

    def _add_shortcut(
        self, keys: str | QKeySequence.StandardKey, action: Callable[[], object]
    ) -> None:
        page_shortcut(self, keys, action)

    # Reading the diary

    def _read_diary(self) -> None:
        entries = self._records.all()
        gone = self._records.deleted_entries() if self.show_deleted.isChecked() else []
        self.show_deleted.setVisible(bool(gone or self._records.deleted()))
        self._today = self._diary.today()
        for field in self._date_fields:
            field.set_latest(self._today)
        self.model.set_entries(
            [*entries, *(deleted.entry for deleted in gone)],
            self._today,
            {deleted.entry.key: deleted.deleted_at for deleted in gone},
        )
        # Only the records not deleted count, whatever the list shows.
        self._show_overview([entry.record for entry in entries])

    def _entry_with_key(self, key: str) -> Recorded[R] | None:
        row = self.model.row_of(key)
        return None if row is None else self.model.entry_at(row)

    def _may_leave_editor(self) -> bool:
        """True when the editor can show something else: nothing unsaved, or the user said so."""
        if not self.has_unsaved_changes():
            return True
        return self._messages.confirm(
            self,
            "Unsaved changes",
            f"You have changed this {self._kind.noun} without saving. Discard those changes?",
            yes="Discard changes",
            no="Keep editing",
        )

    # The editor

    def _load(self, entry: Recorded[R] | None) -> None:
        self._entry = entry
        self._deleted_at = self.model.deleted_at(entry.key) if entry else None
        editable = not self.showing_deleted()
        self.history_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None and editable)
        self.save_button.setEnabled(editable)
        self.restore_button.setVisible(not editable)
        # A deleted record is read, never changed: its text can still be selected and scrolled.
        self._details.setEnabled(editable)
        for field in self._fields.values():
            if isinstance(field.box, QPlainTextEdit):
                field.box.setReadOnly(not editable)
                look_read_only(field.box, not editable)
        self._fill_form(entry.record if entry else None)
        self._typed_when_loaded = self._typed()
        self._last_outcome = ""
        self._show_problems([], focus=False)
        self._describe_record()
        self._refresh_status()

    def _tell_if_changed_elsewhere(self) -> None:
        if self._entry is None:
            return
        key = self._entry.key
        latest = self._entry_with_key(key)
        if latest is not None and latest.revision == self._entry.revision:
            return
        # Deleted meanwhile, it is no longer listed (unless Show deleted is ticked): the line
        # about the copy loaded stays, with what happened under it.
        self._describe_record(latest)
        said = f"{WARNING_SIGN} {changed_elsewhere_words(self._kind.noun)}"
        self.record_line.setText(f"{self.record_line.text()}\n{said}")

    def _describe_new_record(self) -> None:
        if self._entry is None:
            self._describe_record()

    def _describe_record(self, entry: Recorded[R] | None = None) -> None:
        """The line above the form, of the record as loaded, or as `entry` has it."""
        entry = entry or self._entry
        if entry is None:
            self.editor_heading.setText(f"New {self._kind.noun}")
            self.record_line.setText(self._kind.not_saved_yet + self._late_words())
            return
        title = self._kind.title.format(day=self._day_words(entry.record))
        again = recorded_again_words(entry.recorded_again, RESTORED, dated=True)
        parts = [
            f"First recorded {format_moment(entry.first_recorded_at)}",
            *([again] if again else []),
            *self._since_first_recorded(entry),
        ]
        if is_retrospective(self.model.day_of(entry.record), entry.first_recorded_at):
            parts.append(
                f"recorded retrospectively (more than {RETROSPECTIVE_AFTER_DAYS} days after the "
                f"end of {self._kind.week_it_was})"
            )
        if self._deleted_at is not None:
            self.editor_heading.setText(f"{title} (deleted)")
            self.record_line.setText(
                f"Deleted {format_moment(self._deleted_at)}: it no longer counts in the figures "
                "and cannot be changed. What it held is kept in its history, and Restore brings "
                "it back as it was.\n" + " · ".join(parts)
            )
            return
        self.editor_heading.setText(title)
        self.record_line.setText(" · ".join(parts))

    def _since_first_recorded(self, entry: Recorded[R]) -> list[str]:
        """What happened to the record after it was first recorded, for the line above the form:
        `amended once`."""
        return [amendments_words(self.model.amendments(entry).times)]

    def _late_words(self) -> str:
        """For a new record whose date is typed: that it will be marked recorded late."""
        box = self._fields[self._kind.day_field].box
        assert isinstance(box, QLineEdit)
        try:
            day = parse_date(box.text(), self._kind.day_field, "")
        except InvalidInput:
            return ""
        if not is_retrospective(day, self._diary.clock()):
            return ""
        return (
            f" It will be marked as recorded late (retrospectively): today is more than "
            f"{RETROSPECTIVE_AFTER_DAYS} days after the end of {self._kind.week_it_was}."
        )

    def _day_words(self, record: R) -> str:
        return format_day(self.model.day_of(record))

    def _typed(self) -> tuple[object, ...]:
        return tuple(typed_in(field.box) for field in self._fields.values())

    def _show_problems(self, problems: list[FieldProblem], focus: bool = True) -> None:
        """Each problem under its own field; the focus goes to the first one wrong."""
        first_bad = show_field_problems(self._fields, problems)
        self._refresh_status()
        elsewhere = [problem.message for problem in problems if problem.field not in self._fields]
        if elsewhere:
            self._messages.warning(
                self, f"The {self._kind.noun} was not saved", "\n".join(elsewhere)
            )
        if focus and first_bad is not None:
            first_bad.setFocus()
            # Also when it had the focus already, and so gets no focus event.
            self.page_scroll.show_field(first_bad)

    def _focus_first_field(self) -> None:
        if self.showing_deleted():
            return  # nothing in the form can be changed
        box = next(iter(self._fields.values())).box
        box.setFocus()
        if isinstance(box, QLineEdit):
            box.selectAll()

    def _focus_identifier(self, record: R) -> None:
        """Put the cursor in the first box whose text looks like it identifies someone."""
        for name in self._kind.may_identify:
            if find_identifiers(getattr(record, name), self._today):
                self._fields[name].box.setFocus()
                return

    # Saving

    def _save_record(
        self,
        record: R,
        edited: Recorded[R] | None,
        asker: QWidget,
        show_problems: Callable[[list[FieldProblem]], None],
        focus_identifier: Callable[[], None],
        mine: frozenset[str] | None = None,
    ) -> SaveResult[R] | None:
        """Save `record` (amending `edited`, the saved record it was made from, if any), asking
        over `asker` before saving text that looks like it identifies someone, or over a change
        made elsewhere since. None if it was not saved: `show_problems` got what is wrong, or
        `focus_identifier` was called, or the user went back, or the messages said why.

        `mine` names the fields of `record` the user was asked for (a dialog asks for some), when
        not all: if the record has changed elsewhere, its other fields are saved as they are
        now, not as `edited` had them."""

        def saving(said: SaidYes, read_at: int) -> SaveResult[R]:
            saved = record
            if mine is not None and edited is not None and read_at != edited.revision:
                now = self._records.get(edited.key)
                if now is not None:
                    saved = replace(now.record, **{name: getattr(record, name) for name in mine})
            return self._records.save(
                saved,
                edited.key if edited else None,
                allow_identifiers=said.identifiers,
                allow_clock_behind=said.clock_behind,
                read_at=read_at,
            )

        return save_asking(
            saving,
            self._messages,
            asker,
            read_at=edited.revision if edited else 0,
            noun=self._kind.noun,
            fields=self._kind.fields,
            show_problems=show_problems,
            focus_identifier=focus_identifier,
            not_saved=f"The {self._kind.noun} was not saved",
            still_typed=self._kind.still_typed,
            mine=mine,
        )

    def _show_saved(self, result: SaveResult[R], what_changed: str = "") -> None:
        """Show the record as saved, and say what the save did (`what_changed`, when the page
        has better words for an amendment than the list of changes)."""
        self._read_diary()
        self._load(result.entry)
        self.table.select_key(result.entry.key)
        at = result.entry.last_changed_at.astimezone().strftime("%H:%M")
        if result.action == "unchanged":
            self._last_outcome = "Nothing changed, so there was nothing new to save."
        elif result.action == "created":
            title = self._kind.title.format(day=self._day_words(result.entry.record))
            self._last_outcome = (
                f"Saved at {at}. The {title[:1].lower()}{title[1:]} is in your diary."
            )
        elif what_changed:
            done = "Restored" if result.action == "restored" else "Saved"
            self._last_outcome = f"{done} at {at}. {what_changed}"
        else:
            self._last_outcome = (
                f"Saved at {at}. Changed {changes_sentence(result.changes, self._kind.fields)}. "
                "The earlier values "
                f"stay in this {self._kind.noun}'s history."
            )
        self._refresh_status()
        if result.action != "unchanged":
            self.saved.emit()

    def _say_deleted(self, refused: str) -> None:
        """Say in the status line why nothing was done to the deleted record in the editor."""
        self._last_outcome = (
            f"{refused} What it held stays in its history (Show history…), and Restore brings "
            "it back as it was."
        )
        self._refresh_status()

    def _refresh_status(self) -> None:
        marked = [field for field in self._fields.values() if not field.problem.isHidden()]
        if marked:
            # Until a save goes through: "Press Ctrl+S" would say to do again what was just
            # refused.
            self.status.setText(nothing_saved_words(len(marked)))
        elif self.has_unsaved_changes():
            self.status.setText(
                f"Not saved yet. Press {native_text(SAVE_KEYS)}, or Save, when you are done."
            )
        else:
            self.status.setText(self._last_outcome)
