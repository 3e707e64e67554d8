"""Figures on management oversight: supervision held against expected, gaps, cancellations, and
concerns still waiting for an answer. Shared by the pages, the command line and the letters."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from workdiary.domain.records import Concern, ConcernStatus, SupervisionSession, SupervisionStatus


@dataclass(frozen=True)
class Gap:
    """The stretch between two held sessions (or from the last one to the end of a period)."""

    after: date
    until: date
    open_ended: bool  # no session has been held since `after`

    @property
    def days(self) -> int:
        return (self.until - self.after).days


@dataclass(frozen=True)
class SupervisionFigures:
    """Supervision over a period, as a grievance panel would ask about it."""

    first: date
    last: date
    interval_weeks: int | None
    expected: int | None  # None when the user has not said how often it is due
    held: int
    by_status: dict[SupervisionStatus, int]
    workload_discussed: int
    last_held: date | None
    longest_gap: Gap | None
    # Days in the period with more than one session recorded as held, and how many each has:
    # `held` counts each of them once, and the figures name them so that no one is left to
    # wonder why the log lists more sessions than the figures count.
    shared_days: dict[date, int]

    @property
    def cancelled_by_manager(self) -> int:
        return self.by_status.get(SupervisionStatus.CANCELLED_BY_MANAGER, 0)

    @property
    def cancelled_by_me(self) -> int:
        return self.by_status.get(SupervisionStatus.CANCELLED_BY_ME, 0)


def held_dates(sessions: Sequence[SupervisionSession]) -> list[date]:
    """The days supervision was held, oldest first; two sessions on one day count as one day."""
    return sorted({s.held_on for s in sessions if s.status is SupervisionStatus.HELD})


def supervision_figures(
    sessions: Sequence[SupervisionSession], first: date, last: date, interval_weeks: int | None
) -> SupervisionFigures:
    """Figures for sessions dated from `first` to `last` (inclusive).

    Expected: how many whole intervals fit in the period; or, when a session is recorded on
    its first day (one was due then, held or not), that one and one more every interval after
    it. The longest gap runs between held
    sessions, starting from the last one held before the period if there was one, and runs on
    to `last` when none has been held since; with no held session at all there is no gap to
    measure (the figures say none was held)."""
    in_period = [s for s in sessions if first <= s.held_on <= last]
    by_status = Counter(s.status for s in in_period)
    held_per_day = Counter(s.held_on for s in in_period if s.status is SupervisionStatus.HELD)
    days = held_dates(sessions)
    before = [day for day in days if day < first]
    anchors = before[-1:] + [day for day in days if first <= day <= last]
    gaps = [Gap(a, b, False) for a, b in itertools.pairwise(anchors)]
    if anchors and anchors[-1] < last:
        gaps.append(Gap(anchors[-1], last, True))
    expected = None
    if interval_weeks:
        interval_days = interval_weeks * 7
        if any(s.held_on == first for s in in_period):
            expected = (last - first).days // interval_days + 1
        else:
            expected = ((last - first).days + 1) // interval_days
    return SupervisionFigures(
        first=first,
        last=last,
        interval_weeks=interval_weeks,
        expected=expected,
        held=len(held_per_day),
        by_status=dict(by_status),
        # Counted by day, like `held`: two sessions on one day are one supervision.
        workload_discussed=len(
            {
                s.held_on
                for s in in_period
                if s.status is SupervisionStatus.HELD and s.workload_discussed
            }
        ),
        last_held=anchors[-1] if anchors else None,
        longest_gap=max(gaps, key=lambda gap: gap.days, default=None),
        shared_days={day: n for day, n in sorted(held_per_day.items()) if n > 1},
    )


def recorded_supervision(
    sessions: Sequence[SupervisionSession], first: date, last: date, interval_weeks: int | None
) -> SupervisionFigures | None:
    """`supervision_figures` from `first` to `last`, but never from before the first session
    recorded: the diary knows nothing of the months before it, and counting them as expected
    would say sessions were missed then. None when no session is recorded by `last`."""
    recorded_from = min((session.held_on for session in sessions), default=None)
    if recorded_from is None or recorded_from > last:
        return None
    return supervision_figures(sessions, max(first, recorded_from), last, interval_weeks)


@dataclass(frozen=True)
class SupervisionOverdue:
    """No session has been held for longer than the expected interval: since the last one held,
    or, when none in the diary was held, since the first session it records
    (`none_held_since`)."""

    last_held: date | None
    days_since: int | None
    interval_weeks: int
    none_held_since: date | None = None


def supervision_overdue(
    sessions: Sequence[SupervisionSession], today: date, interval_weeks: int | None
) -> SupervisionOverdue | None:
    """None when supervision is up to date, or when no interval has been set to measure by.
    A diary with no sessions recorded at all is not called overdue: nothing is known yet. Nor is
    one whose sessions, none of them held, all fall within the interval: a first session
    cancelled last week says it was due then, not that a whole interval has gone without one."""
    if not interval_weeks or not sessions:
        return None
    interval = timedelta(weeks=interval_weeks)
    days = [day for day in held_dates(sessions) if day <= today]
    if not days:
        first = min(session.held_on for session in sessions)
        if today - first <= interval:
            return None
        return SupervisionOverdue(None, None, interval_weeks, none_held_since=first)
    last_held = days[-1]
    if today - last_held <= interval:
        return None
    return SupervisionOverdue(last_held, (today - last_held).days, interval_weeks)


def is_answered(concern: Concern) -> bool:
    return bool(concern.response.strip()) or concern.status is not ConcernStatus.OPEN


def is_overdue(concern: Concern, today: date) -> bool:
    """Past its follow-up date with no response: the kind that should stand out."""
    return (
        not is_answered(concern)
        and concern.follow_up_on is not None
        and concern.follow_up_on < today
    )


def answered_on(concern: Concern, closing_recorded_on: date) -> date | None:
    """The day a concern was answered or closed; None while it is still waiting for an answer.
    That is the date of the reply, where one is recorded. A concern closed with no reply has no
    such date, so the day its closing was recorded (`closing_recorded_on`) stands for it: it had
    been closed by then at the latest."""
    if not is_answered(concern):
        return None
    return concern.response_on or closing_recorded_on


def unanswered_when_begun(concern: Concern, first_day: date, closing_recorded_on: date) -> bool:
    """Whether a concern raised before `first_day` was still waiting for an answer as that day
    began: not answered before it, whether answered since or not. A review of a period must see
    these as well as the concerns raised in it, or a short period could show nothing unanswered
    while older concerns had gone unanswered throughout. One answered on `first_day` itself was
    still waiting as the day began."""
    if concern.raised_on >= first_day:
        return False
    answered = answered_on(concern, closing_recorded_on)
    return answered is None or answered >= first_day
