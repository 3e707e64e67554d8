"""Figures as a person reads them: `132.5 %`, `44.5 hours`, `£1,234.50`, `(empty)`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from workdiary.domain.dates import format_day, format_moment, week_ending
from workdiary.domain.figures import RETROSPECTIVE_AFTER_DAYS, PeriodSummary, WeekLine
from workdiary.domain.history import HistoryEvent
from workdiary.domain.records import (
    DEFAULT_RUN_WEEKS,
    DEFAULT_THRESHOLD_PCT,
    ConcernChannel,
    ConcernStatus,
    FieldInfo,
    Profile,
    RecordedAgain,
    SupervisionStatus,
)

if TYPE_CHECKING:
    from workdiary.domain.oversight import SupervisionFigures

# The choices in words, as every face and letter shows them.
SUPERVISION_STATUS_WORDS: dict[SupervisionStatus, str] = {
    SupervisionStatus.HELD: "Held",
    SupervisionStatus.CANCELLED_BY_MANAGER: "Cancelled by manager",
    SupervisionStatus.CANCELLED_BY_ME: "Cancelled by me",
    SupervisionStatus.RESCHEDULED: "Rescheduled",
    SupervisionStatus.NOT_OFFERED: "Not offered",
}
CONCERN_CHANNEL_WORDS: dict[ConcernChannel, str] = {
    ConcernChannel.EMAIL: "Email",
    ConcernChannel.SUPERVISION: "Supervision",
    ConcernChannel.MEETING: "Meeting",
    ConcernChannel.PHONE: "Phone",
    ConcernChannel.LETTER: "Letter",
    ConcernChannel.FORESEEABILITY_NOTICE: "Foreseeability notice",
    ConcernChannel.GRIEVANCE: "Grievance",
    ConcernChannel.WMT_CHALLENGE: "WMT challenge",
    ConcernChannel.ACCESS_REQUEST: "Access request (SAR)",
}
CONCERN_STATUS_WORDS: dict[ConcernStatus, str] = {
    ConcernStatus.OPEN: "Open",
    ConcernStatus.ANSWERED: "Answered",
    ConcernStatus.CLOSED: "Closed",
}


def _rounded(value: float, places: int) -> Decimal:
    """`value` to `places` decimal places, a half rounded up, as someone checking a figure by hand
    would: 120.25 is 120.3 (Python's own rounding makes it 120.2). The float is read to nine
    places first, so that one a sum left a hair under a half (120.24999999999999) is still
    taken as the half it stands for."""
    return Decimal(f"{value:.9f}").quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(value: float, places: int = 2) -> str:
    """No needless `.0`, thousands separated: 37, 132.5, 1,234.25; to `places` decimal places."""
    text = f"{_rounded(value, places):,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_money(value: float) -> str:
    return f"£{_rounded(value, 2):,f}"


def singular_unit(unit: str) -> str:
    """`hours a week` → `hour a week`: the unit for exactly one."""
    first, _, rest = unit.partition(" ")
    first = first.removesuffix("s") if first.endswith("s") else first
    return f"{first} {rest}".strip()


def format_value(info: FieldInfo | None, value: Any) -> str:
    """A stored value (as in a row or audit entry) with its unit."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        unit = info.unit if info else ""
        if unit == "£":
            return format_money(value)
        text = format_number(value)
        if unit == "%":
            return f"{text} %"
        return f"{text} {singular_unit(unit) if value == 1 else unit}" if unit else text
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_day(date.fromisoformat(value))
        except ValueError:
            pass
    return str(value)


def count(number: int, noun: str, plural: str | None = None) -> str:
    """`1 week`, `3 weeks`, `1,204 weeks`."""
    word = noun if number == 1 else (plural or noun + "s")
    return f"{number:,} {word}"


def weeks_words(summary: PeriodSummary) -> str:
    """The weeks a summary covers, as History and `workdiary show` head it: `10 weeks, Mon 03 Aug
    2026 to Sun 11 Oct 2026`, from the first week's Monday to the last week's Sunday, as a pack
    names its period (Monday to Monday would read as a day over nine weeks); a week alone,
    `1 week, commencing Mon 23 Nov 2026`, not a range from a day to within the same week."""
    weeks = count(summary.weeks_in_period, "week")
    if summary.first_week == summary.last_week:
        return f"{weeks}, commencing {format_day(summary.first_week)}"
    return (
        f"{weeks}, {format_day(summary.first_week)} to {format_day(week_ending(summary.last_week))}"
    )


def listed(items: Sequence[str]) -> str:
    """Items in words: `a`, `a and b`, `a, b and c`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# After the day a gap in supervision began, when that was before the period it is measured in:
# the gap counts the days since the last session held, however long ago.
BEFORE_THE_PERIOD = " (the last session held before the period)"


def days_off_beside_hours(leave_days: float, sick_days: float) -> str:
    """Said beside hours worked against contracted, over weeks with days of leave or sickness:
    whether contracted hours were entered less the days off is not recorded, and a shortfall
    made of days off must not read as hours short. Empty for weeks with none."""
    days_off = [
        f"{format_number(days)} {'day' if days == 1 else 'days'} {kind}"
        for days, kind in ((leave_days, "of leave"), (sick_days, "sick"))
        if days
    ]
    if not days_off:
        return ""
    return (
        f"Those weeks include {listed(days_off)}, which this comparison does not allow for (the "
        "diary does not record whether contracted hours were entered less days off)"
    )


def held_on_shared_days(figures: SupervisionFigures) -> str:
    """Said when sessions recorded as held share a day, which counts once: without it, two
    sessions held in the log and one in the figures would look like a mistake. It names the
    days, so a reader can find them in the log."""
    if not figures.shared_days:
        return ""
    recorded = figures.by_status.get(SupervisionStatus.HELD, 0)
    days = [f"{n} on {format_day(day)}" for day, n in figures.shared_days.items()]
    return (
        f"{count(recorded, 'session')} recorded as held fall on {count(figures.held, 'day')}: "
        f"sessions held on the same day count as one ({listed(days)})."
    )


def workload_discussed_words(figures: SupervisionFigures) -> str:
    """At how many of the sessions held workload was discussed, as a sentence can go on after
    "Workload discussed": "at 3 of the 5 sessions held", "at the one session held"."""
    discussed, held = figures.workload_discussed, figures.held
    if held == 1:
        return f"{'at' if discussed else 'not at'} the one session held"
    if discussed == 0:
        return f"at none of the {held:,} sessions held"
    if discussed == held:
        return f"at all {held:,} sessions held"
    return f"at {discussed:,} of the {held:,} sessions held"


def amendments_words(times: int) -> str:
    """`not amended`, `amended once`, `amended 3 times`."""
    if times == 0:
        return "not amended"
    return "amended once" if times == 1 else f"amended {times} times"


# What recording a deleted record again is called: a week is logged again (with whatever
# figures are typed then); a session or concern is restored, as it was.
LOGGED_AGAIN = "logged again"
RESTORED = "restored"
# Where a moment of a record's history can no longer be read (changed outside Work Diary).
UNREADABLE_MOMENT = "at a time its history no longer shows"


def recorded_again_words(
    again: Sequence[RecordedAgain], verb: str = LOGGED_AGAIN, *, dated: bool = False
) -> str:
    """`deleted and logged again`, `deleted and restored 2 times`: what a flag says of a record
    deleted and recorded again (`verb` says how). `dated` adds the local day of the last time,
    for a line with room for it: `deleted and logged again on Sat 06 Jun 2026`,
    `… 2 times, last on Sat 06 Jun 2026`. Empty for a record never deleted."""
    if not again:
        return ""
    words = f"deleted and {verb}" + ("" if len(again) == 1 else f" {len(again)} times")
    last = again[-1].at
    if not dated or last is None:
        return words
    day = format_day(last.astimezone().date())
    return f"{words} on {day}" if len(again) == 1 else f"{words}, last on {day}"


def recorded_again_moments(again: Sequence[RecordedAgain], verb: str = LOGGED_AGAIN) -> str:
    """`deleted Tue 02 Jun 2026 09:00 and logged again Sat 06 Jun 2026 18:30`, with each time
    it happened, local time to the minute, for a tooltip or a line explaining a flag."""

    def when(moment: datetime | None) -> str:
        return format_moment(moment) if moment is not None else UNREADABLE_MOMENT

    return ", then ".join(
        f"deleted {when(spell.deleted_at)} and {verb} {when(spell.at)}" for spell in again
    )


# Stored values of the choice fields (as rows and audit entries hold them), in words.
CHOICE_WORDS: dict[str, dict[Any, str]] = {
    "status": {status.value: words for status, words in SUPERVISION_STATUS_WORDS.items()}
    | {status.value: words for status, words in CONCERN_STATUS_WORDS.items()},
    "channel": {channel.value: words for channel, words in CONCERN_CHANNEL_WORDS.items()},
    "workload_discussed": {1: "yes", 0: "no"},
}

EVENT_TITLES = {
    "create": "first recorded",
    "amend": "amended",
    "delete": "deleted (kept here in its history)",
    "restore": "recorded again after being deleted",
}


@dataclass(frozen=True)
class ChangeWords:
    """One field of a history event in words: its label, its value before (for an amendment;
    None otherwise) and its value after."""

    label: str
    old: str | None
    new: str

    def line(self) -> str:
        """`Label: old → new` for an amendment, `Label: value` otherwise."""
        if self.old is None:
            return f"{self.label}: {self.new}"
        return f"{self.label}: {self.old} → {self.new}"


def change_words(
    event: HistoryEvent,
    fields: dict[str, FieldInfo],
    hidden: tuple[str, ...] = (),
    longest_value: int | None = None,
) -> list[ChangeWords]:
    """Each field a history event changed, in words, but those `hidden`. Values longer than
    `longest_value` are cut short: where an old and a new value begin alike for longer than
    that, both are shown from shortly before they differ, so a change never reads as `A… → A…`."""

    def words(field: str, raw: Any) -> str:
        choices = CHOICE_WORDS.get(field, {})
        return choices[raw] if raw in choices else format_value(fields.get(field), raw)

    said = []
    for change in event.changes:
        if change.field in hidden:
            continue
        old, new = cut_to_show(
            words(change.field, change.old) if event.action == "amend" else None,
            words(change.field, change.new),
            longest_value,
        )
        label = fields[change.field].label if change.field in fields else change.field
        said.append(ChangeWords(label, old, new))
    return said


def cut_to_show(old: str | None, new: str, longest: int | None) -> tuple[str | None, str]:
    """A value before (None for a first recording) and after a change, each cut to `longest`
    where longer: where the two begin alike for longer than that, both from shortly before they
    differ, so a change never reads as `A… → A…`."""
    if old is None:
        return None, _cut(new, 0, longest)
    start = _where_to_start(old, new, longest)
    return _cut(old, start, longest), _cut(new, start, longest)


def _where_to_start(old: str, new: str, longest: int | None) -> int:
    """Where to begin showing two values so that where they differ is in sight: the start,
    unless they begin alike for longer than `longest` allows, then the word a little before."""
    if longest is None or max(len(old), len(new)) <= longest:
        return 0
    alike = next(
        (at for at, (was, now) in enumerate(zip(old, new, strict=False)) if was != now),
        min(len(old), len(new)),
    )
    if alike < longest - 1:  # they differ within what is shown
        return 0
    before = alike - longest // 2
    space = old.rfind(" ", 0, before)
    return space + 1 if space > 0 else before


def _cut(text: str, start: int, longest: int | None) -> str:
    """`text` from `start`, no longer than `longest`, with … where something is left out."""
    if longest is None or (start == 0 and len(text) <= longest):
        return text
    shown = ("…" if start else "") + text[start:]
    if len(shown) > longest:
        shown = shown[: longest - 1] + "…"
    return shown.replace("\n", " ")


def describe_event(
    event: HistoryEvent,
    fields: dict[str, FieldInfo],
    hidden: tuple[str, ...] = (),
    longest_value: int | None = None,
) -> tuple[str, list[str]]:
    """What a history event says: a title, and a line a field (`Label: old → new` for an
    amendment, `Label: value` otherwise). Values longer than `longest_value` are cut short."""
    lines = [words.line() for words in change_words(event, fields, hidden, longest_value)]
    return event.title or EVENT_TITLES.get(event.action, event.action), lines


# The MoJ's test for excessive workload, which the profile's threshold and run start at.
MOJ_THRESHOLD_PCT = DEFAULT_THRESHOLD_PCT
MOJ_RUN_WEEKS = DEFAULT_RUN_WEEKS
MOJ_TEST = f"{format_number(MOJ_THRESHOLD_PCT)} % for {MOJ_RUN_WEEKS} consecutive weeks"


def is_moj_test(profile: Profile) -> bool:
    """Whether the profile measures excessive workload as the MoJ does (110 %, 4 weeks): only
    then may a face call its runs the MoJ's test. Any other threshold or run is the user's own."""
    return profile.threshold_pct == MOJ_THRESHOLD_PCT and profile.run_weeks == MOJ_RUN_WEEKS


def whose_test(profile: Profile) -> str:
    """`the MoJ test for excessive workload`, or, for a threshold or run of the user's own,
    `the test set in this diary, not the MoJ's, whose line is 110 % for 4 consecutive weeks`:
    what follows a description of the run test."""
    if is_moj_test(profile):
        return "the MoJ test for excessive workload"
    return f"the test set in this diary, not the MoJ's, whose line is {MOJ_TEST}"


# How much each flag weighs when a table is sorted by its flags: the most telling first, each
# outweighing all those below it together. An entry deleted (from a week not logged now) and
# one deleted and logged again weigh the same: both tell of a deletion.
EXCESSIVE_RUN_WEIGHT = 32
AT_OR_OVER_WEIGHT = 16
NOT_LOGGED_WEIGHT = 8
RETROSPECTIVE_WEIGHT = 4
LOGGED_AGAIN_WEIGHT = 2
DELETED_WEIGHT = 2
AMENDED_WEIGHT = 1


@dataclass(frozen=True)
class Flag:
    """A flag as the table shows it, why it is there, and how much it weighs in a sort."""

    text: str
    explanation: str
    weight: int
    # The flag with its day, for a line with room for it and nothing to point at for more (the
    # week's form, `workdiary show`, the pack); "" for a flag that has no day.
    dated_text: str = ""

    @property
    def with_day(self) -> str:
        return self.dated_text or self.text


def week_flags(line: WeekLine, profile: Profile) -> list[Flag]:
    """The week's flags, in the same words and order as `workdiary show`."""
    threshold = f"{format_number(profile.threshold_pct)} %"
    flags = []
    if line.not_logged:
        flags.append(
            Flag(
                "not logged",
                "Nothing was logged for this week.",
                NOT_LOGGED_WEIGHT,
            )
        )
    if line.deleted_at is not None:
        flags.append(
            Flag(
                "entry deleted",
                f"An entry for this week was deleted on {format_moment(line.deleted_at)}; what "
                "it held stays in its history",
                DELETED_WEIGHT,
            )
        )
    if line.at_or_over:
        flags.append(
            Flag(
                f"at/over {threshold}", f"At or over your {threshold} threshold", AT_OR_OVER_WEIGHT
            )
        )
    if line.in_excessive_run:
        flags.append(
            Flag(
                "excessive run",
                f"Part of {profile.run_weeks} or more consecutive weeks at or over the "
                + (
                    "threshold — the MoJ's test for excessive workload"
                    if is_moj_test(profile)
                    else f"threshold — your own test, not the MoJ's, whose line is {MOJ_TEST}"
                ),
                EXCESSIVE_RUN_WEIGHT,
            )
        )
    if line.retrospective:
        # A week logged again after its entry was deleted is judged by when it was logged
        # again (see figures.logged_at), which its first-recorded date does not show.
        entered = (
            "Logged again, after its entry was deleted,"
            if line.entry is not None and line.entry.recorded_again
            else "First recorded"
        )
        flags.append(
            Flag(
                "retrospective",
                f"{entered} more than {RETROSPECTIVE_AFTER_DAYS} days after the week ended",
                RETROSPECTIVE_WEIGHT,
            )
        )
    if line.entry is not None and line.entry.recorded_again:
        again = line.entry.recorded_again
        moments = recorded_again_moments(again)
        flags.append(
            Flag(
                recorded_again_words(again),
                f"Its entry was {moments}; what it held before is kept in its history, and "
                "neither counts as an amendment",
                LOGGED_AGAIN_WEIGHT,
                recorded_again_words(again, dated=True),
            )
        )
    if line.entry is not None and line.entry.amended:
        times = line.entry.amendments
        flags.append(
            Flag(
                f"amended {times} times" if times > 1 else "amended",
                f"Changed {'once' if times == 1 else f'{times} times'} after it was first "
                "recorded; the earlier figures are kept in its history",
                AMENDED_WEIGHT,
            )
        )
    return flags
