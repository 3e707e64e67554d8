"""The weekly form: one week's figures, checked in the domain's words, saved with their history."""

from __future__ import annotations

import itertools
import typing
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
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
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.dates import (
    ONE_WEEK,
    format_day,
    format_moment,
    parse_date,
    week_commencing,
)
from workdiary.domain.errors import (
    FieldProblem,
    InvalidInput,
    WorkDiaryError,
)
from workdiary.domain.figures import (
    CATCH_UP_WEEKS,
    RETROSPECTIVE_AFTER_DAYS,
    is_retrospective,
    week_is_retrospective,
    week_to_open,
)
from workdiary.domain.formatting import amendments_words, count, recorded_again_words
from workdiary.domain.records import WEEK_FIELDS, FieldInfo, Recorded, Week
from workdiary.domain.validation import EARLIEST_WEEK, parse_number, week_problems
from workdiary.storage import Diary, SaveResult
from workdiary.ui.fields import (
    CALENDAR_KEYS_SENTENCE,
    HISTORY_KEYS,
    WARNING_SIGN,
    DateEdit,
    DateField,
    format_date_for_typing,
    hint_label,
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
from workdiary.ui.saving import (
    changed_elsewhere_words,
    changes_sentence,
    delete_asking,
    save_asking,
)
from workdiary.ui.scrolling import FocusFollowingScrollArea

if TYPE_CHECKING:
    from workdiary.ui.amendments import AmendmentsDialog

# The form's sections, in reading (and tab) order; every Week field but its key is in one.
FIELD_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("WMT", ("capacity_pct", "wmt_read_on", "wmt_reduction_hours")),
    (
        "Caseload",
        ("caseload", "cases_community", "cases_licence", "cases_custody", "reports_due"),
    ),
    (
        "Hours",
        (
            "contracted_hours",
            "hours_worked",
            "unpaid_hours",
            "toil_earned",
            "toil_taken",
            "breaks_missed_days",
            "leave_days",
            "sick_days",
        ),
    ),
    ("Notes", ("notes",)),
)
FIRST_FIELD = "capacity_pct"

# The letter each label answers to with Alt. Chosen by hand so every field has one and none
# clashes with the editor's Save (S), Jump to week (J) and Delete week (T) or the window's File
# (F), Go (G) and Help (H) menus. That takes every letter the labels have: the week's other
# buttons have keys of their own (Alt+Left, Alt+Right, Ctrl+H).
MNEMONICS = {
    "capacity_pct": "w",
    "wmt_read_on": "r",
    "wmt_reduction_hours": "d",
    "caseload": "c",
    "cases_community": "m",
    "cases_licence": "l",
    "cases_custody": "y",
    "reports_due": "p",
    "contracted_hours": "o",
    "hours_worked": "k",
    "unpaid_hours": "u",
    "toil_earned": "e",
    "toil_taken": "a",
    "breaks_missed_days": "b",
    "leave_days": "v",
    "sick_days": "i",
    "notes": "n",
}
# A number box is as wide as this, in the user's font, so it grows with the font and never clips.
NUMBER_WIDTH_SAMPLE = "0000000.00"
NOTES_LINES = 5

# Key sequences are made when needed: a standard one needs the application to exist.
PREVIOUS_WEEK_KEYS = "Alt+Left"
NEXT_WEEK_KEYS = "Alt+Right"
SAVE_KEYS = QKeySequence.StandardKey.Save


class FieldKind(Enum):
    NUMBER = "number"
    WHOLE_NUMBER = "whole number"
    DATE = "date"
    TEXT = "text"


@cache
def _week_types() -> dict[str, Any]:
    # Worked out once: the annotations are text, evaluated afresh by every call.
    return typing.get_type_hints(Week)


def field_kind(name: str) -> FieldKind:
    """How a Week field is typed in, from its type in the record."""
    hint = _week_types()[name]
    kinds = {arg for arg in typing.get_args(hint) if arg is not type(None)} or {hint}
    if date in kinds:
        return FieldKind.DATE
    if int in kinds:
        return FieldKind.WHOLE_NUMBER
    if float in kinds:
        return FieldKind.NUMBER
    return FieldKind.TEXT


def as_typed(value: object) -> str:
    """A stored value as it goes back into its box: `132.5`, `37`, `20/11/2026`, or empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date_for_typing(value)
    if isinstance(value, float):
        # Figures have at most two decimal places; no needless `.0`, no thousands commas.
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


@dataclass
class FormField:
    """One figure on the form: the box it is typed in, and the line that says what is wrong."""

    name: str
    info: FieldInfo
    kind: FieldKind
    box: QLineEdit | QPlainTextEdit
    row: QWidget  # what sits in the form: the box itself, or the box with its calendar button
    problem: QLabel

    def text(self) -> str:
        if isinstance(self.box, QPlainTextEdit):
            return self.box.toPlainText()
        return self.box.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.box, QPlainTextEdit):
            self.box.setPlainText(text)
        else:
            self.box.setText(text)

    def show_problems(self, messages: list[str]) -> None:
        self.problem.setText("\n".join(f"{WARNING_SIGN} {message}" for message in messages))
        self.problem.setVisible(bool(messages))
        # A screen reader reads the problem with the box, before the hint.
        self.box.setAccessibleDescription(" ".join([*messages, self.info.hint]).strip())


class WeekEditor(QWidget):
    """Shows one week of the diary for logging or amending, and saves it when asked."""

    saved = Signal(str)

    def __init__(self, diary: Diary, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._messages = messages
        self._monday = week_commencing(diary.today())
        self._entry: Recorded[Week] | None = None
        self._changed_outside: frozenset[str] = frozenset()
        self._typed_when_loaded: dict[str, str] = {}
        self._last_outcome = ""
        self._asking = False
        self._fields: dict[str, FormField] = {}

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        layout.addWidget(self._build_form(), 1)
        layout.addLayout(self._build_footer())
        self._connect_keys()
        self._set_tab_order()
        # Focusing the editor (as the window does when it shows the page) lands on the first box.
        self.setFocusProxy(self._fields[FIRST_FIELD].box)
        self._load_or_explain(self._monday)

    # The public interface

    def show_week(self, monday: date) -> bool:
        """Show the week containing `monday` (any day will do). Asks before throwing away unsaved
        edits; False when the user chose to keep editing, or the week could not be read."""
        this_week = week_commencing(self._diary.today())
        target = max(min(week_commencing(monday), this_week), EARLIEST_WEEK)
        if target == self._monday:
            self._sync_navigation()
            self._tell_why_another_week(monday)
            return True
        if self._asking:
            # The question is already on screen: the picker losing focus to it says "this date"
            # again, and that is not a second request.
            return False
        if self.has_unsaved_changes():
            self._asking = True
            try:
                discard = self._ask_to_discard(target)
            finally:
                self._asking = False
            if not discard:
                self._sync_navigation()
                return False
        loaded = self._load_or_explain(target)
        if loaded:
            self._tell_why_another_week(monday)
        return loaded

    def mark_changed_outside(self, weeks: frozenset[str]) -> None:
        """The weeks (by key) the diary's last check found changed outside Work Diary: the form
        says so over one of them, whose figures are not what its history says it held."""
        self._changed_outside = weeks
        key = self._monday.isoformat()
        self._describe_record(self._entry, self._entry is None and self._diary.weeks.exists(key))

    def show_history(self) -> AmendmentsDialog | None:
        """Open the history of the week shown: when it was first recorded, and every change
        since (the dialog is returned, for whoever wants it). None for a week never logged."""
        key = self._monday.isoformat()
        if not self._diary.weeks.exists(key):
            return None
        # Imported when first asked for: the form opens sooner without it.
        from workdiary.ui.amendments import AmendmentsDialog

        dialog = AmendmentsDialog.for_week(self._monday, self._diary.weeks.history(key), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def reload(self) -> None:
        """Read the shown week again: it may have been saved elsewhere, or a new day may have made
        it late or the next week loggable. Typing not saved yet stays as it is (saving it then
        asks first), and so does the keyboard focus. A week not logged yet takes the profile's
        contracted hours as they are now (set in Settings, say) unless that box was typed in."""
        try:
            if self.has_unsaved_changes():
                self._follow_profile_default()
                self._tell_if_changed_elsewhere()
                self._sync_navigation()
                return
            self._load(self._monday, focus=False)
        except WorkDiaryError as error:
            self._messages.error(self, "Cannot read the diary", str(error))

    def show_default_week(self) -> None:
        """Open on the oldest recent week not yet logged, or this week."""
        try:
            # A week's key is its Monday, as stored: only which weeks exist is needed here.
            logged = {date.fromisoformat(key) for key in self._diary.weeks.keys_not_deleted()}
        except WorkDiaryError as error:
            self._messages.error(self, "Cannot read the diary", str(error))
            return
        this_week = week_commencing(self._diary.today())
        missed = week_to_open(logged, self._diary.today())
        if self.show_week(missed) and missed != this_week:
            # Else "This week" opening on a fortnight ago looks like a mistake.
            said = (
                "Shown first because it has not been logged yet: the earliest of the last "
                f"{count(CATCH_UP_WEEKS, 'week')} not logged. This week, commencing "
                f"{format_day(this_week)}, is further on (Next week →)."
            )
            self._say_first(said)

    def current_week(self) -> date:
        return self._monday

    def has_unsaved_changes(self) -> bool:
        return self._typed() != self._typed_when_loaded

    def save(self) -> bool:
        """Check and save the form. True when saved, or when there was nothing to change."""
        week, problems = self._week_from_form()
        # What was wrong at the last try is gone once put right, whatever is asked next.
        self._show_problems(problems, focus=bool(problems))
        if week is None or problems:
            return False
        result = save_asking(
            lambda said, read_at: self._diary.weeks.save(
                week,
                allow_identifiers=said.identifiers,
                allow_clock_behind=said.clock_behind,
                read_at=read_at,
            ),
            self._messages,
            self,
            read_at=self._entry.revision if self._entry else 0,
            noun="week",
            fields=WEEK_FIELDS,
            show_problems=self._show_problems,
            focus_identifier=self._fields["notes"].box.setFocus,
            not_saved="The week was not saved",
            still_typed="Everything you typed is still in the form.",
        )
        if result is None:
            return False
        self._show_problems([])
        self._show_saved(result)
        return True

    def delete(self) -> bool:
        """Delete the week shown, once the user has said so: it then shows as not logged, and
        what it held stays in its history (and can be logged again). True when deleted."""
        entry = self._entry
        if entry is None:
            return False
        if not delete_asking(
            lambda allow_clock_behind, read_at: self._diary.weeks.delete(
                entry.key, allow_clock_behind=allow_clock_behind, read_at=read_at
            ),
            self._messages,
            self,
            noun="week",
            named=f"the week commencing {format_day(self._monday)}",
            consequence="It will show as not logged.\n\nNothing is wiped: what it held stays in "
            "its history, which shows when it was deleted, and you can log the week again.",
            unsaved=self.has_unsaved_changes(),
            read_at=entry.revision,
            changed_elsewhere=lambda: self._load_or_explain(self._monday),
        ):
            return False
        self._load_or_explain(self._monday)
        at = self._diary.clock().astimezone().strftime("%H:%M")
        self._last_outcome = f"Deleted at {at}. What the week held stays in its history."
        self._refresh_status()
        self.saved.emit(self._monday.isoformat())
        return True

    # Accessors for the window and for tests

    def box(self, field: str) -> QLineEdit | QPlainTextEdit:
        """The box the figure `field` is typed in."""
        return self._fields[field].box

    def problem_label(self, field: str) -> QLabel:
        """The line under the box that says what is wrong with `field`."""
        return self._fields[field].problem

    # Building the widgets

    def _build_header(self) -> QVBoxLayout:
        self.heading = plain_label()
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        # Alt and the arrow each shows, rather than Alt+letter: the keys of going back and forward
        # in a web browser, and there are not letters enough for every button (see MNEMONICS).
        self.previous_button = QPushButton("← Previous week")
        self.previous_button.setToolTip(f"Previous week ({native_text(PREVIOUS_WEEK_KEYS)})")
        self.previous_button.clicked.connect(lambda: self.show_week(self._monday - ONE_WEEK))
        self.next_button = QPushButton("Next week →")
        self.next_button.setToolTip(f"Next week ({native_text(NEXT_WEEK_KEYS)})")
        self.next_button.clicked.connect(lambda: self.show_week(self._monday + ONE_WEEK))

        self.week_picker = DateEdit()
        # Days before the first week a diary keeps are let through, to be told why that week
        # is shown instead: QDateEdit would silently turn 01/01/1990 into 03/01/2000.
        self.week_picker.setMinimumDate(QDate(1900, 1, 1))
        # No maximum date: QDateEdit would refuse a typed day past it in the month shown, such as
        # the 29 of 29/10 while November is shown. A day in a week not yet started opens this week.
        self.week_picker.setToolTip("Any day of a week opens that week")
        self.week_picker.setAccessibleName("Jump to week")
        self.week_picker.setAccessibleDescription(
            f"Any day of a week opens that week. {CALENDAR_KEYS_SENTENCE}"
        )
        self.week_picker.chosen.connect(self._picked)
        picker_label = QLabel("&Jump to week:")
        picker_label.setBuddy(self.week_picker)

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.next_button)
        navigation.addSpacing(self.fontMetrics().horizontalAdvance("0000"))
        navigation.addWidget(picker_label)
        navigation.addWidget(self.week_picker)
        navigation.addStretch(1)
        # Ctrl+H, as on every page, rather than Alt+letter (see MNEMONICS).
        self.history_button = QPushButton("Show history…")
        self.history_button.setToolTip(
            f"When this week was first recorded, and every change ({native_text(HISTORY_KEYS)})"
        )
        self.history_button.clicked.connect(self.show_history)
        # Away from Save, and asked about first: a week logged by mistake (in the wrong week,
        # say) can be taken out of the figures without its history going with it. Alt+T, as on
        # the Supervision and Concerns pages: the D of Delete is the WMT reduction's.
        self.delete_button = QPushButton("Dele&te week…")
        self.delete_button.setToolTip(
            "Show this week as not logged; what it held stays in its history"
        )
        self.delete_button.clicked.connect(self.delete)
        navigation.addWidget(self.delete_button)

        self.record_line = plain_label()
        self.notice = plain_label()
        self.week_problem = problem_label()

        header = QVBoxLayout()
        header.addWidget(self.heading)
        header.addLayout(navigation)
        # Beside the line saying when the week was recorded and how often amended, the way to
        # see each time.
        recorded = QHBoxLayout()
        recorded.addWidget(self.record_line, 1)
        recorded.addWidget(self.history_button)
        header.addLayout(recorded)
        header.addWidget(self.notice)
        header.addWidget(self.week_problem)
        return header

    def _build_form(self) -> QScrollArea:
        form = QWidget()
        form_layout = QVBoxLayout(form)
        intro = QLabel(
            "Only the WMT capacity is needed. Leave a box empty when you do not have that figure."
        )
        intro.setWordWrap(True)
        form_layout.addWidget(intro)
        grids: list[QGridLayout] = []
        for title, names in FIELD_GROUPS:
            group = QGroupBox(title)
            grid = QGridLayout(group)
            grid.setColumnStretch(2, 1)
            for name in names:
                self._add_field(grid, name)
            form_layout.addWidget(group)
            grids.append(grid)
        form_layout.addStretch(1)
        self._align_columns(grids)

        self.form_scroll = FocusFollowingScrollArea()
        self.form_scroll.setWidget(form)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        return self.form_scroll

    def _add_field(self, grid: QGridLayout, name: str) -> None:
        info = WEEK_FIELDS[name]
        kind = field_kind(name)
        box: QLineEdit | QPlainTextEdit
        row: QWidget
        if kind is FieldKind.TEXT:
            notes = text_box(NOTES_LINES)
            notes.textChanged.connect(self._edited)
            box = row = notes
        elif kind is FieldKind.DATE:
            date_field = DateField()
            date_field.textChanged.connect(self._edited)
            box, row = date_field.line_edit, date_field
        else:
            number = QLineEdit()
            number.setMaximumWidth(number.fontMetrics().horizontalAdvance(NUMBER_WIDTH_SAMPLE))
            number.textChanged.connect(self._edited)
            box = row = number
        box.setAccessibleName(info.label)
        box.setAccessibleDescription(info.hint)
        box.setToolTip(info.hint)

        label = QLabel(with_mnemonic(info.label, MNEMONICS.get(name)))
        label.setBuddy(box)
        hint = self._hint_label(info.hint)
        problem = problem_label()

        top = grid.rowCount()
        if kind is FieldKind.TEXT:
            grid.addWidget(label, top, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(row, top, 1, 1, 2)
            grid.addWidget(hint, top + 1, 1, 1, 2)
            grid.addWidget(problem, top + 2, 1, 1, 2)
        else:
            # The unit sits right after its box, so `37 hours` reads as one.
            cell = QWidget()
            cell_layout = QHBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.addWidget(row)
            if info.unit:
                unit = QLabel(info.unit)
                unit.setBuddy(box)
                cell_layout.addWidget(unit)
            cell_layout.addStretch(1)
            grid.addWidget(label, top, 0)
            grid.addWidget(cell, top, 1)
            grid.addWidget(hint, top, 2)
            grid.addWidget(problem, top + 1, 1, 1, 2)
        self._fields[name] = FormField(name, info, kind, box, row, problem)

    def _hint_label(self, text: str) -> QLabel:
        """A small line in a softer colour that is still easy to read."""
        hint = hint_label(text)
        font = QFont(hint.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        hint.setFont(font)
        return hint

    def _align_columns(self, grids: list[QGridLayout]) -> None:
        """Line the labels, boxes and units up down the whole form, across its sections."""
        for column in (0, 1):
            widest = 0
            for grid in grids:
                for index in range(grid.count()):
                    # PySide6 types the position as a bare object; it is (row, column, spans).
                    position = typing.cast(tuple[int, int, int, int], grid.getItemPosition(index))
                    _row, at_column, _rows, columns = position
                    item = grid.itemAt(index)
                    if at_column == column and columns == 1 and item is not None:
                        widest = max(widest, item.sizeHint().width())
            for grid in grids:
                grid.setColumnMinimumWidth(column, widest)

    def _build_footer(self) -> QHBoxLayout:
        self.status = plain_label()
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip(f"Save this week ({native_text(SAVE_KEYS)})")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        return footer

    def _connect_keys(self) -> None:
        for keys, action in (
            (SAVE_KEYS, self.save),
            (PREVIOUS_WEEK_KEYS, self.previous_button.click),
            (NEXT_WEEK_KEYS, self.next_button.click),
            (HISTORY_KEYS, self.show_history),
        ):
            page_shortcut(self, keys, action)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.previous_button, self.next_button, self.week_picker]
        chain += [field.box for field in self._fields.values()]
        chain += [self.save_button, self.history_button, self.delete_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # Showing a week

    def _load_or_explain(self, monday: date) -> bool:
        try:
            self._load(monday)
        except WorkDiaryError as error:
            self._messages.error(self, "Cannot read the diary", str(error))
            self._sync_navigation()
            return False
        return True

    def _load(self, monday: date, focus: bool = True) -> None:
        key = monday.isoformat()
        entry = self._diary.weeks.get(key)
        deleted = entry is None and self._diary.weeks.exists(key)
        self._monday = monday
        self._entry = entry
        if entry is not None:
            self._fill(entry.record)
        else:
            contracted = self._diary.profile().contracted_hours
            for field in self._fields.values():
                field.set_text("")
            self._fields["contracted_hours"].set_text(as_typed(contracted))
        self._typed_when_loaded = self._typed()
        self._show_problems([], focus=False)
        self._last_outcome = ""
        self._describe_record(entry, deleted)
        self._sync_navigation()
        self._refresh_status()
        if not focus:
            return
        self._fields[FIRST_FIELD].box.setFocus()
        if isinstance(first := self._fields[FIRST_FIELD].box, QLineEdit):
            first.selectAll()

    def _follow_profile_default(self) -> None:
        """In a new week with typing elsewhere, a contracted-hours box still holding the default
        it was filled with takes the profile's figure as it is now: it is not the user's typing,
        and saving the old default would record a wrong figure."""
        box = self._fields["contracted_hours"]
        default = self._typed_when_loaded.get("contracted_hours")
        if self._entry is not None or box.text() != default:
            return
        now = as_typed(self._diary.profile().contracted_hours)
        if now != default:
            box.set_text(now)
            self._typed_when_loaded["contracted_hours"] = now
            self._refresh_status()

    def _tell_if_changed_elsewhere(self) -> None:
        """With typing not saved, the form keeps it; but if a command or another window saved
        or deleted the week meanwhile, the line above the form says how it stands now, and
        that saving will ask first (it asks against the copy the form was filled from)."""
        key = self._monday.isoformat()
        latest = self._diary.weeks.get(key)
        if _revision(latest) == _revision(self._entry):
            return
        self._describe_record(latest, latest is None and self._diary.weeks.exists(key))
        said = f"{WARNING_SIGN} {changed_elsewhere_words('week')}"
        self._say_first(said)

    def _fill(self, week: Week) -> None:
        for name, field in self._fields.items():
            field.set_text(as_typed(getattr(week, name)))

    def _describe_record(self, entry: Recorded[Week] | None, deleted: bool) -> None:
        """The line above the form, of the week as `entry` has it (None: not logged, or
        `deleted`)."""
        self.heading.setText(f"Week commencing {format_day(self._monday)}")
        if entry is not None:
            again = recorded_again_words(entry.recorded_again, dated=True)
            self.record_line.setText(
                " · ".join(
                    [
                        f"First recorded {format_moment(entry.first_recorded_at)}",
                        *([again] if again else []),
                        amendments_words(entry.amendments),
                    ]
                )
            )
            entered = "logged again" if entry.recorded_again else "first entered"
            self.notice.setText(
                f"Recorded retrospectively: {entered} more than {RETROSPECTIVE_AFTER_DAYS} days "
                "after the week ended."
                if week_is_retrospective(entry)
                else ""
            )
        else:
            self.record_line.setText(
                "Not logged yet. It was logged before and deleted; what it held stays in its "
                "history."
                if deleted
                else "Not logged yet."
            )
            late = is_retrospective(self._monday, self._diary.clock())
            self.notice.setText(
                f"This week ended more than {RETROSPECTIVE_AFTER_DAYS} days ago, so it will be "
                "marked as recorded late (retrospectively), with today's date."
                if late
                else ""
            )
        if self._monday.isoformat() in self._changed_outside:
            changed = (
                f"{WARNING_SIGN} This week was changed outside Work Diary: what the form shows "
                "is not what its history says it held (Help → Check your diary says how). It "
                "cannot be saved over until that is put right."
            )
            self._say_first(changed)
        self.notice.setVisible(bool(self.notice.text()))
        self.history_button.setEnabled(entry is not None or deleted)
        self.delete_button.setEnabled(entry is not None)

    def _sync_navigation(self) -> None:
        """Point the picker at the week shown; next stops at this week (one not yet started
        cannot be logged)."""
        this_week = week_commencing(self._diary.today())
        self.next_button.setEnabled(self._monday < this_week)
        self.previous_button.setEnabled(self._monday > EARLIEST_WEEK)
        self.week_picker.blockSignals(True)
        self.week_picker.setDate(as_qdate(self._monday))
        self.week_picker.blockSignals(False)
        self._date_field().set_latest(self._diary.today())

    def _tell_why_another_week(self, asked: date) -> None:
        """A day asked for in a week not begun yet opens this week, and one before the weeks a
        diary keeps opens the first of them: say so, or it would look as if the date had been
        ignored, or changed."""
        if week_commencing(asked) > self._monday:
            said = (
                f"{format_day(asked)} is in a week that has not begun yet, so this week is "
                "shown. A week can be logged once it has begun."
            )
        elif week_commencing(asked) < self._monday:
            said = (
                f"{format_day(asked)} is before the weeks a diary keeps, which begin on "
                f"{format_day(EARLIEST_WEEK)}, so the first of them is shown."
            )
        else:
            return
        self._say_first(said)

    def _say_first(self, said: str) -> None:
        """Put `said` first in the line above the form, before what it says of the week."""
        self.notice.setText("\n".join(filter(None, [said, self.notice.text()])))
        self.notice.setVisible(True)

    def _picked(self, picked: QDate) -> None:
        self.show_week(date(picked.year(), picked.month(), picked.day()))

    def _date_field(self) -> DateField:
        row = self._fields["wmt_read_on"].row
        assert isinstance(row, DateField)
        return row

    def _ask_to_discard(self, target: date) -> bool:
        return self._messages.confirm(
            self,
            "Unsaved changes",
            f"You have changed the week commencing {format_day(self._monday)} without saving. "
            f"Discard those changes and go to the week commencing {format_day(target)}?",
            yes="Discard changes",
            no="Keep editing",
        )

    # Checking and saving

    def _typed(self) -> dict[str, str]:
        return {name: field.text() for name, field in self._fields.items()}

    def _week_from_form(self) -> tuple[Week | None, list[FieldProblem]]:
        """The week the form describes, and everything wrong with it, all at once."""
        values: dict[str, Any] = {}
        problems: list[FieldProblem] = []
        for name, field in self._fields.items():
            text = field.text()
            values[name] = text if field.kind is FieldKind.TEXT else None
            if field.kind is FieldKind.TEXT or not text.strip():
                continue
            try:
                if field.kind is FieldKind.DATE:
                    values[name] = parse_date(text, name, field.info.label)
                else:
                    whole = field.kind is FieldKind.WHOLE_NUMBER
                    values[name] = parse_number(text, name, field.info.label, whole=whole)
            except InvalidInput as error:
                problems += error.problems
        if values[FIRST_FIELD] is None and not problems_for(problems, FIRST_FIELD):
            problems.append(
                FieldProblem(
                    FIRST_FIELD,
                    "Enter the WMT capacity, like 132.5: it is the one figure every week needs.",
                )
            )
        unreadable = {problem.field for problem in problems}
        # A stand-in for a missing capacity lets the other rules be checked now, not next time.
        week = Week(self._monday, **{**values, FIRST_FIELD: values[FIRST_FIELD] or 0.0})
        problems += [
            problem
            for problem in week_problems(week, self._diary.today())
            if problem.field not in unreadable
        ]
        return (None if unreadable else week), problems

    def _show_problems(self, problems: list[FieldProblem], focus: bool = True) -> None:
        """Each problem under its own box (a week-wide one under the heading); focus the first."""
        first_bad: QWidget | None = None
        for field in self._fields.values():
            messages = problems_for(problems, field.name)
            field.show_problems(messages)
            if messages and first_bad is None:
                first_bad = field.box
        elsewhere = [problem.message for problem in problems if problem.field not in self._fields]
        self.week_problem.setText("\n".join(f"{WARNING_SIGN} {text}" for text in elsewhere))
        self.week_problem.setVisible(bool(elsewhere))
        if elsewhere:
            first_bad = self.week_picker
        self._refresh_status()
        if focus and first_bad is not None:
            first_bad.setFocus()
            # Also when it had the focus already, and so gets no focus event.
            self.form_scroll.show_field(first_bad)

    def _show_saved(self, result: SaveResult[Week]) -> None:
        self._entry = result.entry
        self._fill(result.entry.record)
        self._typed_when_loaded = self._typed()
        self._describe_record(result.entry, deleted=False)
        at = result.entry.last_changed_at.astimezone().strftime("%H:%M")
        if result.action == "unchanged":
            self._last_outcome = "Nothing changed, so there was nothing new to save."
        elif result.action == "created":
            self._last_outcome = (
                f"Saved at {at}. The week commencing {format_day(self._monday)} is in your diary."
            )
        elif result.action == "restored":
            self._last_outcome = (
                f"Saved at {at}. The week is logged again; what it held before it was deleted "
                "stays in its history."
            )
        else:
            self._last_outcome = (
                f"Saved at {at}. Changed {changes_sentence(result.changes, WEEK_FIELDS)}. The "
                "earlier figures stay in this week's history."
            )
        self._refresh_status()
        if result.action != "unchanged":
            self.saved.emit(self._monday.isoformat())

    def _edited(self) -> None:
        self._refresh_status()
        self._recheck_problems_shown()

    def _recheck_problems_shown(self) -> None:
        """A box already marked wrong is checked again as it is corrected, so that its message
        goes (or changes) with the typing; a box not marked is left alone until Save, rather than
        nag while a figure is half typed."""
        shown = [field for field in self._fields.values() if field.problem.isVisibleTo(self)]
        if not shown:
            return
        _week, problems = self._week_from_form()
        for field in shown:
            field.show_problems(problems_for(problems, field.name))

    def _refresh_status(self) -> None:
        marked = [field for field in self._fields.values() if not field.problem.isHidden()]
        if marked or not self.week_problem.isHidden():
            # Until a save goes through: "Press Ctrl+S" would say to do again what was just
            # refused.
            self.status.setText(nothing_saved_words(len(marked)))
        elif self.has_unsaved_changes():
            self.status.setText(
                f"Not saved yet. Press {native_text(SAVE_KEYS)}, or Save, when you are done."
            )
        else:
            self.status.setText(self._last_outcome)


def as_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _revision(entry: Recorded[Week] | None) -> int:
    return 0 if entry is None else entry.revision
