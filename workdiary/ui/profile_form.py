"""The profile's fields as a form, shared by the first-run set-up and the Settings page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.domain.formatting import format_number
from workdiary.domain.records import PROFILE_FIELDS, Profile
from workdiary.domain.validation import parse_number, profile_problems
from workdiary.ui.fields import hint_label
from workdiary.ui.saving import save_asking

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


@dataclass
class _Row:
    edit: QLineEdit
    problem: QLabel


class ProfileForm(QWidget):
    """Edits a Profile; `profile()` reads it back or raises InvalidInput, shown by the fields.
    `edited` is sent when the user changes any box."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, _Row] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in [*TEXT_FIELDS, *(name for name, _ in NUMBER_FIELDS)]:
            form.addRow(*self._make_row(field))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.set_profile(Profile())

    def _make_row(self, field: str) -> tuple[QLabel, QWidget]:
        info = PROFILE_FIELDS[field]
        label = QLabel(f"{info.label}" + (f" ({info.unit})" if info.unit else ""))
        edit = QLineEdit()
        edit.textEdited.connect(self.edited)
        edit.setObjectName(field)
        edit.setAccessibleName(info.label)
        hint = EXTRA_HINTS.get(field, info.hint)
        edit.setAccessibleDescription(hint)
        edit.setToolTip(hint)
        label.setBuddy(edit)
        problem = QLabel()
        problem.setObjectName(f"{field}_problem")
        problem.setWordWrap(True)
        problem.setStyleSheet("color: #b00020;")
        problem.hide()
        column = QWidget()
        stack = QVBoxLayout(column)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        stack.addWidget(edit)
        if hint:
            stack.addWidget(hint_label(hint))
        stack.addWidget(problem)
        self._rows[field] = _Row(edit, problem)
        return label, column

    def edit(self, field: str) -> QLineEdit:
        return self._rows[field].edit

    def first_edit(self) -> QLineEdit:
        return self._rows[TEXT_FIELDS[0]].edit

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
        return save_asking(
            lambda said, read_at: diary.save_profile(
                self.profile(), allow_clock_behind=said.clock_behind, read_at=read_at
            ),
            messages,
            self,
            read_at=read_at,
            noun="profile",
            fields=PROFILE_FIELDS,
            show_problems=lambda _problems: problems_shown(),
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
        """The profile as typed. Raises InvalidInput (and shows each problem by its field)."""
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
        if not problems:
            problems = profile_problems(Profile(**values))
        self.show_problems(problems)
        if problems:
            self._rows[problems[0].field].edit.setFocus()
            raise InvalidInput(problems)
        return Profile(**values)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem.message)
        for field, row in self._rows.items():
            messages = by_field.get(field)
            row.problem.setText("⚠ " + " ".join(messages) if messages else "")
            row.problem.setVisible(bool(messages))
