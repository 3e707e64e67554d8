"""The figures a foreseeability notice puts before the employer, taken from the diary as History
shows them, so that the letter and the app never disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from workdiary.domain.dates import ONE_WEEK
from workdiary.domain.figures import at_or_over
from workdiary.domain.oversight import held_dates, is_answered
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    Profile,
    Recorded,
    SupervisionSession,
    Week,
)

# The periods a notice sums unpaid hours over, in weeks, ending with the latest logged week.
SHORT_PERIOD, LONG_PERIOD = 4, 12


@dataclass(frozen=True)
class NoticeFigures:
    latest_week: date | None
    latest_capacity_pct: float | None
    threshold_pct: float
    # Consecutive logged weeks at or over the threshold, ending with the latest logged week.
    weeks_over_in_a_row: int
    # Unpaid hours in the 4 and 12 weeks ending with the latest logged week (weeks not logged add
    # nothing: the letter claims only what was recorded).
    unpaid_last_4_weeks: float
    unpaid_last_12_weeks: float
    last_supervision: date | None
    days_since_supervision: int | None
    unanswered_concerns: list[Concern]
    # How much the diary holds, so that a letter from a diary begun a week or two ago says so
    # rather than reading as if it covered every week it speaks of.
    weeks_logged: int
    first_week: date | None
    # The weeks of the LONG_PERIOD ending with the latest logged week whose unpaid hours were
    # recorded (nought included), latest first.
    unpaid_recorded: tuple[date, ...]

    def unpaid_weeks_recorded(self, count: int) -> int:
        """How many of the `count` weeks ending with the latest logged week have their unpaid
        hours recorded (a week not logged, or logged without them, has not)."""
        if self.latest_week is None:
            return 0
        since = self.latest_week - ONE_WEEK * (count - 1)
        return sum(1 for monday in self.unpaid_recorded if monday >= since)


def notice_figures(
    weeks: Sequence[Recorded[Week]],
    sessions: Sequence[SupervisionSession],
    concerns: Sequence[Concern],
    profile: Profile,
    today: date,
) -> NoticeFigures:
    by_monday = {entry.record.week_commencing: entry.record for entry in weeks}
    latest = max(by_monday, default=None)
    in_a_row = 0
    if latest is not None:
        monday = latest
        while monday in by_monday and at_or_over(by_monday[monday], profile.threshold_pct):
            in_a_row += 1
            monday -= ONE_WEEK

    def recent(count: int) -> list[Week]:
        """The weeks logged among the `count` ending with the latest, latest first."""
        if latest is None:
            return []
        mondays = (latest - ONE_WEEK * back for back in range(count))
        return [by_monday[monday] for monday in mondays if monday in by_monday]

    def unpaid(count: int) -> float:
        return sum(week.unpaid_hours or 0.0 for week in recent(count))

    held = [day for day in held_dates(sessions) if day <= today]
    last_held = held[-1] if held else None
    return NoticeFigures(
        latest_week=latest,
        latest_capacity_pct=by_monday[latest].capacity_pct if latest else None,
        threshold_pct=profile.threshold_pct,
        weeks_over_in_a_row=in_a_row,
        unpaid_last_4_weeks=unpaid(SHORT_PERIOD),
        unpaid_last_12_weeks=unpaid(LONG_PERIOD),
        last_supervision=last_held,
        days_since_supervision=(today - last_held).days if last_held else None,
        # Raised before, and not answered: not one raised today (a notice sent this morning has
        # had no time for an answer), nor an access request, which is not about workload.
        unanswered_concerns=sorted(
            (
                concern
                for concern in concerns
                if not is_answered(concern)
                and concern.raised_on < today
                and concern.channel is not ConcernChannel.ACCESS_REQUEST
            ),
            key=lambda concern: concern.raised_on,
        ),
        weeks_logged=len(by_monday),
        first_week=min(by_monday, default=None),
        unpaid_recorded=tuple(
            week.week_commencing for week in recent(LONG_PERIOD) if week.unpaid_hours is not None
        ),
    )
