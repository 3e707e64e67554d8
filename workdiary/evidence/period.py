"""What a pack covers: the weeks, sessions and concerns of its period, the concerns raised before
it and still unanswered when it began, and their audit entries."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from workdiary.domain.concern_story import ConcernStory, concern_stories
from workdiary.domain.dates import (
    ONE_WEEK,
    format_day,
    format_days,
    stored_day,
    week_commencing,
    week_ending,
)
from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.domain.figures import first_week_recorded
from workdiary.domain.formatting import count
from workdiary.domain.oversight import is_answered, unanswered_when_begun
from workdiary.domain.records import Concern, ConcernChannel, Recorded, SupervisionSession, Week
from workdiary.evidence.snapshot import SECTIONS, AuditRecord, PackOptions, Snapshot

# The audit log's names for the records a pack shows (its `entity`, the diary's table names).
WEEKS = "weeks"
SESSIONS = "supervision_sessions"
CONCERNS = "concerns"
PROFILE = "profile"

# The stored field that dates each kind of record, and so decides whether it is in a period.
DATE_FIELDS = {WEEKS: "week_commencing", SESSIONS: "held_on", CONCERNS: "raised_on"}
# The officer's free text that "leave out notes" keeps out of a pack, by entity. What a concern
# said and the answer to it are the substance of the concern, not notes, so they stay.
NOTE_FIELDS: dict[str, tuple[str, ...]] = {WEEKS: ("notes",), SESSIONS: ("actions", "notes")}


@dataclass(frozen=True)
class StoryEntry:
    """A pack's audit entry about a concern or a session, as the domain reads one."""

    entity_key: str
    action: str
    moment: datetime
    values: Mapping[str, Any]


def story_entries(entity: str, audit: Sequence[AuditRecord]) -> Iterator[StoryEntry]:
    """The audit entries about `entity`'s records, oldest first, as the domain reads them."""
    return (
        StoryEntry(
            entry.entity_key, entry.action, datetime.fromisoformat(entry.recorded_at), entry.record
        )
        for entry in sorted(audit, key=lambda entry: entry.seq)
        if entry.entity == entity
    )


def closing_recorded_on(entry: Recorded[Concern], story: ConcernStory) -> date:
    """The day, in local time, that the diary recorded a concern as closed (or answered): what
    stands for the day it was answered where no reply, and so no date of one, is recorded. One
    recorded closed from the start was closed by the day it was first recorded."""
    moment = story.closed_at or story.answer_recorded_at or entry.first_recorded_at
    return moment.astimezone().date()


def access_requests_apart(
    entries: Sequence[Recorded[Concern]],
) -> tuple[tuple[Recorded[Concern], ...], tuple[Recorded[Concern], ...]]:
    """The concerns about workload among `entries`, and apart from them the subject access
    requests: logged as concerns so that their answer is chased, they are requests for records,
    and a pack counts and lists them apart."""
    requests = ConcernChannel.ACCESS_REQUEST
    return (
        tuple(entry for entry in entries if entry.record.channel is not requests),
        tuple(entry for entry in entries if entry.record.channel is requests),
    )


# The concerns raised before a period that a pack of it shows too, and how each is marked.
RAISED_BEFORE = "raised before the period"
UNANSWERED_WHEN_BEGUN = f"{RAISED_BEFORE} and unanswered when it began"


@dataclass(frozen=True)
class Coverage:
    """The records dated within the period, oldest first, the concerns raised before it and
    still unanswered when it began, and every audit entry about them (and about the profile,
    whose threshold decides the flags), by sequence number."""

    first_week: date  # Monday
    last_week: date  # Monday; this week at the latest
    made_on: date  # the day, in local time, the pack was made
    # The last Monday of the weekly figures: `last_week`, unless that is this week and nothing
    # is logged for it yet, when they stop the week before. A week still going is no week "not
    # logged"; but what was recorded in its days so far (the notice sent this morning, the
    # supervision cancelled) is the period's all the same.
    figures_last_week: date
    weeks: tuple[Recorded[Week], ...]
    sessions: tuple[Recorded[SupervisionSession], ...]
    concerns: tuple[Recorded[Concern], ...]
    audit: tuple[AuditRecord, ...]
    # The first week recorded in the whole diary, deleted or not: the weekly figures begin there.
    first_recorded: date | None
    # Concerns raised before the period and not answered before it began, oldest first (a
    # deleted one is no longer a concern of the diary's): a panel reviewing the period must see
    # what was still waiting for an answer during it, not only what was raised in it.
    earlier_concerns: tuple[Recorded[Concern], ...]

    @property
    def last_day(self) -> date:
        """The Sunday of the period's last week: the records dated up to it are the period's."""
        return week_ending(self.last_week)

    @property
    def ends_on(self) -> date:
        """The last day the period's figures run to: its last Sunday or, when that was still to
        come, the day the pack was made. Nothing after it can be recorded yet: a gap since the
        last supervision, or sessions expected, measured past it would count days not lived."""
        return min(self.last_day, self.made_on)

    @property
    def weeks_in_period(self) -> int:
        """The weeks of the weekly figures (none, for a period of this week alone, not logged)."""
        return (self.figures_last_week - self.first_week) // ONE_WEEK + 1

    @property
    def week_not_logged_yet(self) -> date | None:
        """The Monday of the week the weekly figures stop before, if they stop before one."""
        return self.last_week if self.figures_last_week < self.last_week else None


def weeks_and_days(days: int) -> str:
    """`7 weeks and 6 days`, `2 weeks`, `1 day`."""
    weeks, rest = divmod(days, 7)
    if not weeks:
        return count(rest, "day")
    return count(weeks, "week") + (f" and {count(rest, 'day')}" if rest else "")


def period_words(covered: Coverage) -> str:
    """`Mon 07 Sep 2026 to Sun 15 Nov 2026 (10 weeks)`; a period whose last week had not ended
    when the pack was made, to that day: `Mon 09 Nov 2026 to Mon 23 Nov 2026, the day this pack
    was made (2 weeks and 1 day)`, or `Mon 23 Nov 2026, the day this pack was made (1 day)`."""
    made = ", the day this pack was made" if covered.ends_on < covered.last_day else ""
    days = (covered.ends_on - covered.first_week).days + 1
    return f"{format_days(covered.first_week, covered.ends_on)}{made} ({weeks_and_days(days)})"


def check_options(options: PackOptions) -> tuple[date, date]:
    """The period's first and last Mondays; a period that ends before it starts, or a section
    this version does not know, is refused rather than printed wrong."""
    first, last = week_commencing(options.first_week), week_commencing(options.last_week)
    if first > last:
        raise InvalidInput(
            [
                FieldProblem(
                    "last_week",
                    f"The period ends (week commencing {format_day(last)}) before it starts "
                    f"(week commencing {format_day(first)}).",
                )
            ]
        )
    unknown = sorted(set(options.sections) - set(SECTIONS))
    if unknown:
        raise ValueError(f"Unknown pack sections: {', '.join(unknown)}")
    return first, last


def _stored_date(values: Mapping[str, Any], field: str) -> date | None:
    return stored_day(values.get(field))


def shown_weeks(snapshot: Snapshot, options: PackOptions) -> tuple[date, date]:
    """The Mondays a pack of `options` runs between: as asked, but to this week at the latest,
    whose days up to the snapshot's are shown whether the week is logged or not (see
    Coverage.figures_last_week).

    Raises InvalidInput for a period that ends before it starts, or starts after this week."""
    first, last = check_options(options)
    this_week = week_commencing(snapshot.taken_at.astimezone().date())
    if first > this_week:
        raise InvalidInput(
            [
                FieldProblem(
                    "first_week",
                    f"Nothing to put in a pack yet: the period starts with the week commencing "
                    f"{format_day(first)}, which is still to come.",
                )
            ]
        )
    return first, min(last, this_week)


def _latest_values(snapshot: Snapshot) -> dict[tuple[str, str], Mapping[str, Any]]:
    """What each record held at its last audit entry, by entity and key: a deleted one too."""
    latest: dict[tuple[str, str], Mapping[str, Any]] = {}
    for record in snapshot.audit:
        latest[(record.entity, record.entity_key)] = record.record
    return latest


def first_day_recorded(snapshot: Snapshot) -> date | None:
    """The earliest day the diary keeps a record of: a week, a supervision session, a concern
    raised, counting one deleted since. A pack of everything begins with its week, so that a
    session or concern from before the first week logged is not left out."""
    days = [
        _stored_date(values, DATE_FIELDS[entity])
        for (entity, _key), values in _latest_values(snapshot).items()
        if entity in DATE_FIELDS
    ]
    return min((day for day in days if day is not None), default=None)


def coverage(snapshot: Snapshot, options: PackOptions) -> Coverage:
    first, last = shown_weeks(snapshot, options)
    end = week_ending(last)
    made_on = snapshot.taken_at.astimezone().date()
    # Every week recorded, one deleted since too: its deletion is part of the record.
    weeks_ever = {stored_day(entry.entity_key) for entry in snapshot.audit if entry.entity == WEEKS}
    figures_last = last - ONE_WEEK if end >= made_on and last not in weeks_ever else last
    weeks = sorted(
        (entry for entry in snapshot.weeks if first <= entry.record.week_commencing <= last),
        key=lambda entry: entry.record.week_commencing,
    )
    sessions = sorted(
        (entry for entry in snapshot.sessions if first <= entry.record.held_on <= end),
        key=lambda entry: (entry.record.held_on, _key_order(entry.key)),
    )
    concerns = sorted(
        (entry for entry in snapshot.concerns if first <= entry.record.raised_on <= end),
        key=lambda entry: (entry.record.raised_on, _key_order(entry.key)),
    )
    earlier = _unanswered_when_begun(snapshot, first)
    # A record belongs to the period by the date it holds now; a deleted one, which the snapshot
    # no longer lists, by the date its last audit entry held, so its deletion is shown too.
    latest = _latest_values(snapshot)
    wanted = {(WEEKS, entry.key) for entry in weeks}
    wanted |= {(SESSIONS, entry.key) for entry in sessions}
    wanted |= {(CONCERNS, entry.key) for entry in (*concerns, *earlier)}
    for (entity, key), values in latest.items():
        field = DATE_FIELDS.get(entity)
        day = _stored_date(values, field) if field else None
        if day is not None and first <= day <= end:
            wanted.add((entity, key))
    audit = sorted(
        (
            record
            for record in snapshot.audit
            if record.entity == PROFILE or (record.entity, record.entity_key) in wanted
        ),
        key=lambda record: record.seq,
    )
    first_recorded = first_week_recorded(snapshot.weeks, [day for day in weeks_ever if day])
    return Coverage(
        first,
        last,
        made_on,
        figures_last,
        tuple(weeks),
        tuple(sessions),
        tuple(concerns),
        tuple(audit),
        first_recorded,
        earlier,
    )


def _unanswered_when_begun(snapshot: Snapshot, first: date) -> tuple[Recorded[Concern], ...]:
    """The concerns raised before `first` and not answered before it, oldest first."""
    before = [entry for entry in snapshot.concerns if entry.record.raised_on < first]
    stories: dict[str, ConcernStory] = {}
    # Only a concern closed with no reply needs its story, for the day its closing was recorded:
    # rare, so the audit is read for it only when there is one.
    if any(is_answered(entry.record) and entry.record.response_on is None for entry in before):
        stories = concern_stories(story_entries(CONCERNS, snapshot.audit))
    earlier = [
        entry
        for entry in before
        if unanswered_when_begun(
            entry.record, first, closing_recorded_on(entry, stories.get(entry.key, ConcernStory()))
        )
    ]
    earlier.sort(key=lambda entry: (entry.record.raised_on, _key_order(entry.key)))
    return tuple(earlier)


def _key_order(key: str) -> tuple[int, str]:
    """Keys are row numbers as text: "10" comes after "9"."""
    return (int(key), "") if key.isdigit() else (0, key)
