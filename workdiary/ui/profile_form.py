"""The profile's fields as a form, shared by the first-run set-up and the Settings page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSpacerItem, QWidget

from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.domain.formatting import format_number
from workdiary.domain.records import PROFILE_FIELDS, Profile
from workdiary.domain.validation import parse_number, profile_problems
from workdiary.ui.fields import WARNING_SIGN, hint_label, problem_label, with_mnemonic
from workdiary.ui.saving import save_asking
from workdiary.ui.scrolling import FocusFollowingScrollArea

if TYPE_CHECKING:
    from workdiary.storage import Diary, SaveResult
    from workdiary.ui.messages import Messages

# (field, whole number?) for the numeric fields, in the order they appear.
NUMBER_FIELDS: list[tuple[str, bool]] = [
    ("contracted_hours", False),
    ("hourly_rate", False),
    ("threshold_pct", False),
    ("run_weeks", True),
    ("supervision_interval_weeks", True),
]
TEXT_FIELDS = ["name", "role", "team"]
# Alt+letter for each box, clear of the window's File, Go and Help menus and of the buttons
# beside the form: Save settings, and Save and start and Skip for now when first set up.
MNEMONICS = {
    "name": "n",
    "role": "r",
    "team": "t",
    "contracted_hours": "c",
    "hourly_rate": "y",
    "threshold_pct": "p",
    "run_weeks": "e",
    "supervision_interval_weeks": "i",
}
# Fields the user may leave empty; the others fall back to the default profile's value.
OPTIONAL_FIELDS = {"hourly_rate", "supervision_interval_weeks"}

EXTRA_HINTS = {
    "hourly_rate": "Annual salary ÷ 52 ÷ contracted weekly hours. For example £37,000 a year "
    "on 37 hours a week is 37000 ÷ 52 ÷ 37 = £19.23. Used to put a value on unpaid hours.",
    "threshold_pct": "Weeks at or over this figure count as over. The MoJ's line is 110 %: 4 "
    "weeks in a row at or over it count as excessive. Any other figure is your own line, and the "
    "evidence pack says so.",
    "run_weeks": "How many weeks in a row at or over the threshold count as excessive. The MoJ's "
    "test is 4; any other number is your own, and the evidence pack says so.",
    "supervision_interval_weeks": "How often your employer says you should have supervision. "
    "There is no national standard, so leave it empty if you were never told.",
}

# The width, in average characters, that the form reads well at: the hints wrap to a few lines
# and the boxes are not stretched across a wide window.
FORM_WIDTH_CHARS = 90
# Pixels between a box and the lines under it (its hint, what is wrong with it), and the more
# that sets one field apart from the next.
BESIDE_ITS_BOX = 2
BETWEEN_FIELDS = 6


@dataclass
class _Row:
    label: str
    edit: QLineEdit
    hint: str
    problem: QLabel


class ProfileForm(QWidget):
    """Edits a Profile; `profile()` reads it back or raises InvalidInput, shown by the fields.
    `edited` is sent when the user changes any box."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, _Row] = {}
        # A grid, not a form layout: a form layout gives a field that grows a line (a problem
        # shown under it) too little height in a scroll area, and its lines overlap the box.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(BESIDE_ITS_BOX)
        grid.setColumnStretch(1, 1)
        for field in [*TEXT_FIELDS, *(name for name, _ in NUMBER_FIELDS)]:
            if field != TEXT_FIELDS[0]:
                grid.addItem(QSpacerItem(0, BETWEEN_FIELDS), grid.rowCount(), 0)
            self._add_row(grid, field)
        self.set_profile(Profile())

    def _add_row(self, grid: QGridLayout, field: str) -> None:
        """The field's label and box side by side; under the box, its hint and, when there is
        one, what is wrong with it."""
        info = PROFILE_FIELDS[field]
        named = f"{info.label}" + (f" ({info.unit})" if info.unit else "")
        label = QLabel(with_mnemonic(info.label, MNEMONICS[field]) + named[len(info.label) :])
        edit = QLineEdit()
        edit.textEdited.connect(self.edited)
        edit.setObjectName(field)
        edit.setAccessibleName(info.label)
        hint = EXTRA_HINTS.get(field, info.hint)
        edit.setToolTip(hint)
        label.setBuddy(edit)
        hint_line = hint_label(hint) if hint else None
        problem = problem_label()
        problem.setObjectName(f"{field}_problem")
        top = grid.rowCount()
        grid.addWidget(label, top, 0)
        grid.addWidget(edit, top, 1)
        if hint_line is not None:
            grid.addWidget(hint_line, top + 1, 1)
        grid.addWidget(problem, top + 2, 1)
        self._rows[field] = _Row(named, edit, hint, problem)

    def edit(self, field: str) -> QLineEdit:
        return self._rows[field].edit

    def first_edit(self) -> QLineEdit:
        return self._rows[TEXT_FIELDS[0]].edit

    def fields_marked_wrong(self) -> list[str]:
        """The labels of the fields that say what is wrong with them, from the top."""
        return [row.label for row in self._rows.values() if row.problem.isVisibleTo(self)]

    def save_into(
        self,
        diary: Diary,
        messages: Messages,
        *,
        read_at: int,
        not_saved: str,
        problems_shown: Callable[[], None] = lambda: None,
    ) -> SaveResult[Profile] | None:
        """Save the profile as typed over the one the form was filled from (revision `read_at`)
        as every form saves (see save_asking). None when nothing was saved: the form marks what
        is wrong (`problems_shown` is called), the user went back rather than save over a change
        made elsewhere meanwhile, or the error was shown as `not_saved`."""

        def show_problems(problems: list[FieldProblem]) -> None:
            # The diary checks the profile too, and what it finds is shown by the fields.
            self.show_problems(problems)
            problems_shown()

        return save_asking(
            lambda said, read_at: diary.save_profile(
                self.profile(), allow_clock_behind=said.clock_behind, read_at=read_at
            ),
            messages,
            self,
            read_at=read_at,
            noun="profile",
            fields=PROFILE_FIELDS,
            show_problems=show_problems,
            focus_identifier=lambda: None,  # a profile's words are the user's own to choose
            not_saved=not_saved,
            still_typed="Everything you typed is still in the form.",
        )

    def typed(self) -> tuple[str, ...]:
        """Every box's text as it stands, to tell whether anything was typed since filling."""
        return tuple(row.edit.text() for row in self._rows.values())

    def set_profile(self, profile: Profile) -> None:
        for field in TEXT_FIELDS:
            self._rows[field].edit.setText(getattr(profile, field))
        for field, _whole in NUMBER_FIELDS:
            value = getattr(profile, field)
            self._rows[field].edit.setText("" if value is None else format_number(value))
        self.show_problems([])

    def profile(self) -> Profile:
        """The profile as typed. Raises InvalidInput, with every problem at once, and shows each
        by its field."""
        values: dict[str, Any] = {
            field: self._rows[field].edit.text().strip() for field in TEXT_FIELDS
        }
        problems: list[FieldProblem] = []
        defaults = Profile()
        for field, whole in NUMBER_FIELDS:
            text = self._rows[field].edit.text().strip()
            if not text:
                values[field] = None if field in OPTIONAL_FIELDS else getattr(defaults, field)
                continue
            try:
                values[field] = parse_number(text, field, PROFILE_FIELDS[field].label, whole=whole)
            except InvalidInput as invalid:
                problems += invalid.problems
                # A stand-in, so that the other figures are checked now, not once this one is
                # put right.
                values[field] = getattr(defaults, field)
        unreadable = {problem.field for problem in problems}
        problems += [
            problem
            for problem in profile_problems(Profile(**values))
            if problem.field not in unreadable
        ]
        self.show_problems(problems)
        if problems:
            raise InvalidInput(problems)
        return Profile(**values)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each problem under its own box, all at once; the first box, from the top, gets the
        cursor, and is brought into sight with what is wrong with it."""
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem.message)
        first_wrong: _Row | None = None
        for field, row in self._rows.items():
            messages = by_field.get(field, [])
            row.problem.setText("\n".join(f"{WARNING_SIGN} {message}" for message in messages))
            row.problem.setVisible(bool(messages))
            # A screen reader reads what is wrong with the box, before the hint.
            row.edit.setAccessibleDescription(" ".join([*messages, row.hint]).strip())
            if messages and first_wrong is None:
                first_wrong = row
        if first_wrong is not None:
            first_wrong.edit.setFocus()
            # Also when the box had the cursor already, and so gets no focus event.
            holder = self.parentWidget()
            while holder is not None and not isinstance(holder, FocusFollowingScrollArea):
                holder = holder.parentWidget()
            if holder is not None:
                holder.show_field(first_wrong.edit)
