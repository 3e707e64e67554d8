"""The rules every record must meet before it is saved, each broken rule a sentence for the user."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from workdiary.domain.dates import format_day, week_commencing
from workdiary.domain.errors import FieldProblem, IdentifierWarning, InvalidInput
from workdiary.domain.identifiers import find_identifiers
from workdiary.domain.records import (
    PROFILE_FIELDS,
    SUPERVISION_FIELDS,
    WEEK_FIELDS,
    Concern,
    ConcernStatus,
    FieldInfo,
    Profile,
    SupervisionSession,
    SupervisionStatus,
    Week,
)

MAX_NOTES_CHARACTERS = 20_000
# The first Monday of 2000. The week editor's calendar starts there too; a week before it is a
# slip of the keyboard (0001-01-01 would leave over a hundred thousand weeks "not logged").
EARLIEST_WEEK = date(2000, 1, 3)
# The WMT shows capacity as it is on the day it is read: a figure read more than a year before
# its week cannot be that week's.
WMT_READ_AT_MOST_BEFORE = timedelta(days=365)

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
# A comma only between groups of three digits, as in 1,234 or 12,345.5: "132,5" (a decimal
# comma), "1,2,3" or "0,125" would otherwise be read as a quite different figure.
_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$")
# Beyond this a float no longer holds every digit typed, and no figure in the diary comes near.
_FAR_TOO_LARGE = 1e15
_LONGEST_ECHO = 40
# No figure was typed as text (a window's spin box, a record read back): messages quote figures
# as they are shown.
NOTHING_TYPED: Mapping[str, str] = {}

# What parse_number knows of a field by its name: its unit (which says whether "%" or "£" may be
# typed with it) and an example. A field in more than one record means the same in each.
_FIELD_INFO: dict[str, FieldInfo] = {**SUPERVISION_FIELDS, **PROFILE_FIELDS, **WEEK_FIELDS}


def _echo(text: str) -> str:
    """What the user typed, to quote back: cut short if it is long."""
    return text if len(text) <= _LONGEST_ECHO else text[: _LONGEST_ECHO - 1] + "…"


def _with_point(example: str) -> str:
    """An example that shows a decimal point."""
    return example if "." in example else f"{example}.5"


def parse_number(text: str, field: str, label: str, *, whole: bool = False) -> float | int:
    """Read a number as a person types it: `132.5`, `132.5 %`, ` 46 `, `1,200`, `£19.87`.

    A "%" is taken only for a percentage and a "£" only for money; a comma only as a thousands
    separator. Anything else is refused with a sentence saying how to write it: a figure is never
    read as something other than what was meant."""
    info = _FIELD_INFO.get(field, FieldInfo(label))
    example = info.example or ("46" if whole else "37.5")
    typed = f"you entered '{_echo(text)}'"

    def refused(message: str) -> InvalidInput:
        return InvalidInput([FieldProblem(field, message)])

    cleaned = text.strip()
    if cleaned.endswith("%"):
        if info.unit != "%":
            raise refused(
                f"{label} is not a percentage: write it without the %, like {example}; {typed}."
            )
        cleaned = cleaned.removesuffix("%").strip()
    if cleaned.startswith("£"):
        if info.unit != "£":
            raise refused(
                f"{label} is not an amount of money: write it without the £, like {example}; "
                f"{typed}."
            )
        cleaned = cleaned.removeprefix("£").strip()
    if "," in cleaned:
        if not _THOUSANDS.match(cleaned):
            if whole:
                raise refused(f"{label} must be a whole number, like {example}; {typed}.")
            raise refused(
                f"{label}: use a full stop for the decimal point, like {_with_point(example)}; "
                f"{typed}."
            )
        cleaned = cleaned.replace(",", "")
    if not _NUMBER.match(cleaned):
        raise refused(f"{label} must be a number, like {example}; {typed}.")
    value = float(cleaned)
    if not abs(value) < _FAR_TOO_LARGE:  # also true of infinity, which a long number becomes
        raise refused(f"{label} is far too large a number: write it like {example}; {typed}.")
    if whole:
        if not value.is_integer():
            raise refused(f"{label} must be a whole number, like {example}; {typed}.")
        return int(value)
    return value


def as_kept(text: str) -> str:
    """Text as the diary keeps it: in Unicode's composed form, without the spaces and line
    breaks around it that no one can see. A "ŵ" typed as "w" and a combining circumflex is the
    same letter as one typed whole, and text saved again with a space after it is the same text:
    kept as typed, either would be recorded as an amendment that changed nothing anyone could
    see. Text of nothing but spaces is no text."""
    return unicodedata.normalize("NFC", text).strip()


def _number(value: float) -> str:
    """A figure as a message quotes it: 132.5, 37, 1,325."""
    if not abs(value) < _FAR_TOO_LARGE:
        return "a number far outside that"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def _entered(value: float, entered: Mapping[str, str], field: str) -> str:
    """The figure as a message quotes it: as it was typed, where the caller says (`5000`, not
    the `5,000` a figure is shown as), else as shown."""
    typed = entered.get(field)
    return _number(value) if typed is None else _echo(typed.strip())


def _check_range(
    problems: list[FieldProblem],
    field: str,
    label: str,
    value: float | None,
    low: float,
    high: float,
    unit: str = "",
    entered: Mapping[str, str] = NOTHING_TYPED,
) -> None:
    if value is None:
        return
    if not math.isfinite(value) or not low <= value <= high:
        suffix = f" {unit}" if unit else ""
        problems.append(
            FieldProblem(
                field,
                f"{label} must be between {_number(low)} and {_number(high)}{suffix}; "
                f"you entered {_entered(value, entered, field)}.",
            )
        )


def _check_decimals(
    problems: list[FieldProblem],
    field: str,
    info: FieldInfo,
    value: float | None,
    places: int,
    entered: Mapping[str, str] = NOTHING_TYPED,
) -> None:
    if value is None:
        return
    if not math.isfinite(value):  # out of range, and reported as such
        return
    # Exactly, not within a tolerance: 109.9999999 would show as "110 %" everywhere, yet fall
    # short of a 110 % threshold. A figure read from text with at most `places` decimals comes
    # back unchanged from being written with that many.
    if float(f"{value:.{places}f}") != value:
        example = _with_point(info.example) if info.example else "37.5"
        problems.append(
            FieldProblem(
                field,
                f"{info.label} can have at most {places} decimal place"
                f"{'s' if places > 1 else ''} (for example {example}); "
                f"you entered {_entered(value, entered, field)}.",
            )
        )


@dataclass(frozen=True)
class NumberRule:
    """The range a figure must lie in, its unit, and how many decimal places it may have."""

    low: float
    high: float
    unit: str = ""
    places: int = 0


DAYS_IN_A_WEEK = 7

WEEK_NUMBER_RULES: dict[str, NumberRule] = {
    "capacity_pct": NumberRule(0, 400, "%", 1),
    "caseload": NumberRule(0, 300, "cases"),
    "cases_community": NumberRule(0, 300, "cases"),
    "cases_licence": NumberRule(0, 300, "cases"),
    "cases_custody": NumberRule(0, 300, "cases"),
    "reports_due": NumberRule(0, 100),
    "wmt_reduction_hours": NumberRule(0, 80, "hours", 2),
    "contracted_hours": NumberRule(0, 80, "hours", 2),
    "hours_worked": NumberRule(0, 168, "hours", 2),
    "unpaid_hours": NumberRule(0, 168, "hours", 2),
    "toil_earned": NumberRule(0, 168, "hours", 2),
    "toil_taken": NumberRule(0, 168, "hours", 2),
    "breaks_missed_days": NumberRule(0, 7, "days"),
    "leave_days": NumberRule(0, 7, "days", 1),
    "sick_days": NumberRule(0, 7, "days", 1),
}

PROFILE_NUMBER_RULES: dict[str, NumberRule] = {
    "contracted_hours": NumberRule(0, 80, "hours", 2),
    "hourly_rate": NumberRule(0, 1000, "pounds", 2),
    "threshold_pct": NumberRule(50, 400, "%", 1),
    "run_weeks": NumberRule(1, 52, "weeks"),
    "supervision_interval_weeks": NumberRule(1, 52, "weeks"),
}


def _check_numbers(
    problems: list[FieldProblem],
    record: object,
    rules: dict[str, NumberRule],
    labels: dict[str, FieldInfo],
    entered: Mapping[str, str],
) -> None:
    for field, rule in rules.items():
        value = getattr(record, field)
        info = labels[field]
        low, high, unit = rule.low, rule.high, rule.unit
        _check_range(problems, field, info.label, value, low, high, unit, entered)
        if rule.places:
            _check_decimals(problems, field, info, value, rule.places, entered)


def week_problems(
    week: Week, today: date, entered: Mapping[str, str] = NOTHING_TYPED
) -> list[FieldProblem]:
    """Every rule `week` breaks, given the user's local date today. `entered` holds the text
    each figure typed was read from, by field: a message quotes a figure so, as it was typed."""
    problems: list[FieldProblem] = []
    if week.week_commencing != week_commencing(week.week_commencing):
        problems.append(FieldProblem("week_commencing", "A week must start on a Monday."))
    if week.week_commencing > week_commencing(today):
        problems.append(
            FieldProblem(
                "week_commencing",
                f"The week commencing {format_day(week.week_commencing)} has not started yet. "
                "You can log this week or any earlier week.",
            )
        )
    _check_not_too_early(problems, "week_commencing", "The week commencing", week.week_commencing)
    if week.wmt_read_on is not None and week.wmt_read_on > today:
        problems.append(
            FieldProblem("wmt_read_on", "The day you read the WMT figure cannot be in the future.")
        )
    elif (
        week.wmt_read_on is not None
        and week.wmt_read_on < week.week_commencing - WMT_READ_AT_MOST_BEFORE
    ):
        problems.append(
            FieldProblem(
                "wmt_read_on",
                f"The WMT figure was read on {format_day(week.wmt_read_on)}, more than a year "
                f"before the week commencing {format_day(week.week_commencing)}, so it cannot be "
                "that week's figure. Check the date you read it.",
            )
        )
    _check_numbers(problems, week, WEEK_NUMBER_RULES, WEEK_FIELDS, entered)
    # The types given so far: two of them alone may already be more than the whole caseload.
    by_type = [week.cases_community, week.cases_licence, week.cases_custody]
    if week.caseload is not None:
        total = sum(count for count in by_type if count is not None)
        if total > week.caseload:
            problems.append(
                FieldProblem(
                    "caseload",
                    f"The cases by type add up to {total}, more than the caseload of "
                    f"{week.caseload}.",
                )
            )
    if (
        week.unpaid_hours is not None
        and week.hours_worked is not None
        and week.unpaid_hours > week.hours_worked
    ):
        problems.append(
            FieldProblem(
                "unpaid_hours",
                f"Unpaid hours ({_number(week.unpaid_hours)}) cannot be more than the hours "
                f"worked ({_number(week.hours_worked)}).",
            )
        )
    days_off = (week.leave_days or 0) + (week.sick_days or 0)
    if days_off > DAYS_IN_A_WEEK:
        problems.append(
            FieldProblem(
                "sick_days" if week.sick_days else "leave_days",
                f"Leave ({_number(week.leave_days or 0)} days) and sick days "
                f"({_number(week.sick_days or 0)}) add up to {_number(days_off)}, more than the "
                f"{DAYS_IN_A_WEEK} days of a week.",
            )
        )
    _check_text_length(problems, "notes", "Notes", week.notes, MAX_NOTES_CHARACTERS)
    return problems


def profile_problems(
    profile: Profile, entered: Mapping[str, str] = NOTHING_TYPED
) -> list[FieldProblem]:
    """Every rule `profile` breaks (`entered`: as for week_problems)."""
    problems: list[FieldProblem] = []
    for field in ("name", "role", "team"):
        label = PROFILE_FIELDS[field].label
        _check_text_length(problems, field, label, getattr(profile, field), 200)
    _check_numbers(problems, profile, PROFILE_NUMBER_RULES, PROFILE_FIELDS, entered)
    return problems


def supervision_problems(
    session: SupervisionSession, today: date, entered: Mapping[str, str] = NOTHING_TYPED
) -> list[FieldProblem]:
    """Every rule a supervision session breaks (`entered`: as for week_problems)."""
    problems: list[FieldProblem] = []
    if session.held_on > today:
        problems.append(
            FieldProblem(
                "held_on",
                "A supervision session cannot be dated in the future: log it on or after the day.",
            )
        )
    _check_not_too_early(problems, "held_on", "A session on", session.held_on)
    if session.status is not SupervisionStatus.HELD:
        if session.minutes:
            problems.append(
                FieldProblem("minutes", "Give a length only for a session that was held.")
            )
        if session.workload_discussed is not None:
            problems.append(
                FieldProblem(
                    "workload_discussed",
                    "Whether workload was discussed applies only to a session that was held.",
                )
            )
    _check_text_length(problems, "supervisor", "The supervisor's initials", session.supervisor, 20)
    _check_range(problems, "minutes", "The length", session.minutes, 0, 600, "minutes", entered)
    _check_text_length(problems, "actions", "Actions agreed", session.actions, MAX_NOTES_CHARACTERS)
    _check_text_length(problems, "notes", "Notes", session.notes, MAX_NOTES_CHARACTERS)
    return problems


def concern_problems(concern: Concern, today: date) -> list[FieldProblem]:
    """Every rule a concern breaks."""
    problems: list[FieldProblem] = []
    if concern.raised_on > today:
        problems.append(FieldProblem("raised_on", "The date raised cannot be in the future."))
    _check_not_too_early(problems, "raised_on", "A concern raised on", concern.raised_on)
    if not concern.raised_with.strip():
        problems.append(
            FieldProblem("raised_with", "Say who you raised it with (role or initials).")
        )
    if not concern.summary.strip():
        problems.append(FieldProblem("summary", "Say briefly what you raised."))
    _check_text_length(problems, "raised_with", "Raised with", concern.raised_with, 200)
    _check_text_length(problems, "summary", "What you said", concern.summary, MAX_NOTES_CHARACTERS)
    _check_text_length(problems, "response", "The response", concern.response, MAX_NOTES_CHARACTERS)
    if concern.response_on is not None and concern.response_on < concern.raised_on:
        problems.append(
            FieldProblem("response_on", "The response date cannot be before the date raised.")
        )
    if concern.status is ConcernStatus.ANSWERED and not concern.response.strip():
        problems.append(FieldProblem("response", "Write down the response you were given."))
    if concern.response.strip() and concern.response_on is None:
        problems.append(FieldProblem("response_on", "Give the date of the response."))
    if concern.follow_up_on is not None and concern.follow_up_on < concern.raised_on:
        problems.append(
            FieldProblem("follow_up_on", "The follow-up date cannot be before the date raised.")
        )
    if concern.response_on is not None and concern.response_on > today:
        problems.append(FieldProblem("response_on", "The response date cannot be in the future."))
    return problems


def _check_not_too_early(
    problems: list[FieldProblem], field: str, record_on: str, day: date
) -> None:
    """The diary's records start with its earliest week: a date before it is a mistyped year.

    `record_on` names the record by its date, as the message begins: "A session on"."""
    if day < EARLIEST_WEEK:
        problems.append(
            FieldProblem(
                field,
                f"{record_on} {format_day(day)} is too early: Work Diary keeps records from the "
                f"week commencing {format_day(EARLIEST_WEEK)} on. Check the year.",
            )
        )


def _check_text_length(
    problems: list[FieldProblem], field: str, label: str, text: str, limit: int
) -> None:
    if len(text) > limit:
        problems.append(
            FieldProblem(
                field,
                f"{label} can be at most {limit:,} characters; this is {len(text):,}. "
                "Please shorten it.",
            )
        )


def require_valid(problems: list[FieldProblem]) -> None:
    """Raise InvalidInput when there is anything wrong."""
    if problems:
        raise InvalidInput(problems)


def require_no_identifiers(texts: Iterable[str], today: date) -> None:
    """Raise IdentifierWarning when free text looks as if it names a person on probation."""
    findings = [finding for text in texts for finding in find_identifiers(text, today)]
    if findings:
        raise IdentifierWarning(findings)
