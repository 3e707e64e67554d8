"""Weeks and dates as people write them; a date inside a week means that week."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from workdiary.domain.errors import FieldProblem, InvalidInput

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_UK = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")

ONE_WEEK = timedelta(days=7)


def stored_day(text: object) -> date | None:
    """A date as the diary stores it (ISO 8601 text), or None for anything else: a value
    altered outside Work Diary, which verify names, must not stop the app reading the rest."""
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def parse_date(text: str, field: str = "date", label: str = "The date") -> date:
    """Read `2026-11-16` or `16/11/2026` (day first, as in the UK)."""
    match = _ISO.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _UK.match(text)
        if not match:
            raise InvalidInput(
                [
                    FieldProblem(
                        field,
                        f"{label} '{text}' is not a date Work Diary understands. "
                        "Write it like 16/11/2026 (day/month/year) or 2026-11-16.",
                    )
                ]
            )
        day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(
            [FieldProblem(field, f"{label} '{text.strip()}' does not exist on the calendar.")]
        ) from None


def week_commencing(day: date) -> date:
    """The Monday of the week that contains `day`."""
    return day - timedelta(days=day.weekday())


def week_ending(monday: date) -> date:
    """The Sunday that ends the week commencing `monday`."""
    return monday + timedelta(days=6)


def mondays(first: date, last: date) -> Iterator[date]:
    """Every Monday from the week of `first` to the week of `last`, oldest first."""
    monday = week_commencing(first)
    end = week_commencing(last)
    while monday <= end:
        yield monday
        monday += ONE_WEEK


# Names spelled out here rather than by strftime, whose words follow the system's language: a
# record must read the same in the app, on the command line and in a pack, wherever it is opened.
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(day: date) -> str:
    """`Mon 16 Nov 2026`: unambiguous to a reader in any country."""
    return f"{DAY_NAMES[day.weekday()]} {day.day:02d} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_days(first: date, last: date) -> str:
    """`Mon 16 Nov 2026 to Sun 22 Nov 2026`; a single day, `Mon 23 Nov 2026`, not a range from
    a day to itself."""
    if first == last:
        return format_day(first)
    return f"{format_day(first)} to {format_day(last)}"


def format_moment(moment: datetime) -> str:
    """A UTC moment shown in the user's local time, to the minute."""
    local = moment.astimezone()
    return f"{format_day(local.date())} {local.hour:02d}:{local.minute:02d}"


# A clock put right by a few seconds or minutes is not worth a word; a date moved back by hours
# or days is what could make a record look as if it was kept at the time when it was not.
CLOCK_SLACK = timedelta(minutes=5)


def dated_back(moment: datetime, previous: datetime) -> bool:
    """Whether an entry dated `moment`, saved after one dated `previous`, is dated before it by
    more than a clock put right explains: saved while the computer's clock was wrong, or had
    been put back, so its date cannot be relied on."""
    return moment < previous - CLOCK_SLACK


def clock_behind_words(now: datetime, last_entry: datetime) -> str:
    """What to tell someone about to save while the clock reads `now`, earlier than the diary's
    last entry (`last_entry`): what a save would be dated, and why that matters."""
    return (
        f"Your computer's clock says it is {format_moment(now)}, but your diary's last entry was "
        f"made at {format_moment(last_entry)}, later than that. Anything you save now would be "
        "dated before what is already in your diary. The diary's check and your evidence packs "
        "would point that out, since a record dated back cannot be relied on. Check your "
        "computer's date and time."
    )


def dated_back_words(seq: int, record: str, moment: datetime, previous: datetime) -> str:
    """How `verify` and the pack name an entry dated back, with both dates."""
    return (
        f"Audit entry {seq} ({record}) is dated {format_moment(moment)}, earlier than the entry "
        f"before it ({format_moment(previous)})."
    )
