"""Figures derived from the weeks: one set of pure functions shared by every face and export."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from workdiary.domain.dates import ONE_WEEK, mondays, week_commencing, week_ending
from workdiary.domain.records import Profile, Recorded, Week

# An entry made more than this many days after its week ended is marked retrospective.
RETROSPECTIVE_AFTER_DAYS = 7
# The Working Time Regulations 1998: average weekly hours over a 17-week reference period.
WTR_REFERENCE_WEEKS = 17
WTR_LIMIT_HOURS = 48.0
# A 17-week average over fewer weeks than this would say more than the diary knows.
WTR_MIN_WEEKS_COUNTED = 12


def is_retrospective(event_day: date, recorded_at: datetime) -> bool:
    """Whether something that happened on `event_day` was first recorded too late to be "at the
    time": more than 7 days after the end of its week, by the user's local calendar."""
    recorded_on = recorded_at.astimezone().date()
    week_end = week_ending(week_commencing(event_day))
    return recorded_on > week_end + timedelta(days=RETROSPECTIVE_AFTER_DAYS)


def logged_at(entry: Recorded[Week]) -> datetime:
    """When the week's figures as they stand were entered: when it was first logged or, logged
    again after its entry was deleted, the last time it was logged again, since its figures were
    typed afresh then. Whether it was kept at the time is judged by this."""
    again = entry.recorded_again[-1].at if entry.recorded_again else None
    return again or entry.first_recorded_at


def week_is_retrospective(entry: Recorded[Week]) -> bool:
    return is_retrospective(entry.record.week_commencing, logged_at(entry))


def at_or_over(week: Week, threshold_pct: float) -> bool:
    return week.capacity_pct >= threshold_pct


@dataclass(frozen=True)
class Run:
    """Consecutive logged weeks at or over the threshold."""

    first_week: date
    last_week: date
    weeks: int
    peak_pct: float

    def covers(self, monday: date) -> bool:
        return self.first_week <= monday <= self.last_week


def runs_at_or_over(weeks: Iterable[Week], threshold_pct: float, min_weeks: int) -> list[Run]:
    """Runs of at least `min_weeks` consecutive weeks at or over the threshold, oldest first.

    A week that was not logged breaks a run: the diary cannot vouch for it."""
    runs: list[Run] = []
    current: list[Week] = []

    def close() -> None:
        if len(current) >= min_weeks:
            runs.append(
                Run(
                    current[0].week_commencing,
                    current[-1].week_commencing,
                    len(current),
                    max(week.capacity_pct for week in current),
                )
            )
        current.clear()

    for week in sorted(weeks, key=lambda week: week.week_commencing):
        follows = bool(current) and week.week_commencing == current[-1].week_commencing + ONE_WEEK
        if current and not follows:
            close()
        if at_or_over(week, threshold_pct):
            current.append(week)
        else:
            close()
    close()
    return runs


# How far before the week it ends with each week of a reference window is: 0, 1 … 16 weeks.
_REFERENCE_WINDOW = tuple(ONE_WEEK * back for back in range(WTR_REFERENCE_WEEKS))


def counts_for_wtr(week: Week) -> bool:
    """Whether a week counts towards a Working Time Regulations average: its hours worked are
    recorded, and none of its days was leave or sickness. The Regulations leave such days out of
    the reference period, and a week of leave averaged in as a short week would pull the average
    down below the hours actually worked."""
    return week.hours_worked is not None and not week.leave_days and not week.sick_days


def wtr_averages(weeks: Iterable[Week]) -> dict[date, float]:
    """For each week that counts (`counts_for_wtr`), the average weekly hours over the 17 weeks
    ending with it, taken over those of them that count; where fewer than 12 of the 17 count
    there is no figure, rather than one resting on a handful of weeks."""
    hours = {week.week_commencing: week.hours_worked for week in weeks if counts_for_wtr(week)}
    averages: dict[date, float] = {}
    for monday in hours:
        window = [hours.get(monday - back) for back in _REFERENCE_WINDOW]
        known = [value for value in window if value is not None]
        if len(known) >= WTR_MIN_WEEKS_COUNTED:
            averages[monday] = sum(known) / len(known)
    return averages


def wtr_weeks_counted(weeks: Iterable[Week], last: date) -> int:
    """How many of the 17 weeks ending with the week commencing `last` count towards its
    average (`counts_for_wtr`): the weeks it is taken over."""
    window = {last - back for back in _REFERENCE_WINDOW}
    return sum(1 for week in weeks if week.week_commencing in window and counts_for_wtr(week))


@dataclass(frozen=True)
class WeekLine:
    """One week of a period as every face shows it: the entry, if any, and its flags."""

    week_commencing: date
    entry: Recorded[Week] | None
    at_or_over: bool
    in_excessive_run: bool
    retrospective: bool
    wtr_average: float | None
    # When the week's entry was deleted, for a week not logged now that was logged once.
    deleted_at: datetime | None = None

    @property
    def not_logged(self) -> bool:
        return self.entry is None

    @property
    def amended(self) -> bool:
        return self.entry is not None and self.entry.amended

    @property
    def logged_again(self) -> bool:
        """Whether the week's entry was deleted once and the week logged again since."""
        return self.entry is not None and bool(self.entry.recorded_again)


def first_week_recorded(
    entries: Sequence[Recorded[Week]], deleted: Iterable[date] = ()
) -> date | None:
    """The Monday the diary's weekly figures begin: the first week recorded in it, counting a
    week whose entry was `deleted` since (its deletion is part of the record, not a week the
    diary was not yet kept)."""
    return min([*(entry.record.week_commencing for entry in entries), *deleted], default=None)


def period_bounds(
    entries: Sequence[Recorded[Week]],
    today: date,
    first: date | None,
    last: date | None,
    deleted: Iterable[date] = (),
) -> tuple[date, date] | None:
    """The Mondays a period runs between: by default from the first week recorded (counting
    weeks whose entry was `deleted` since, so that their deletion shows) to the latest week that
    has ended, or to this week once it is logged. None when there is nothing to show."""
    this_week = week_commencing(today)
    logged = {entry.record.week_commencing for entry in entries}
    latest = this_week if this_week in logged else this_week - ONE_WEEK
    start = week_commencing(first) if first else first_week_recorded(entries, deleted)
    end = min(week_commencing(last), latest) if last else latest
    if start is None or start > end:
        return None
    return start, end


def week_lines(
    entries: Sequence[Recorded[Week]],
    profile: Profile,
    first: date,
    last: date,
    began: date | None = None,
    deleted: Mapping[date, datetime] | None = None,
) -> list[WeekLine]:
    """A line for every week from `first` to `last`, oldest first, logged or not; but none
    before the week the diary `began` (by default the first week recorded, a week `deleted`
    since too; see `first_week_recorded`): the diary says nothing of the weeks before it was
    kept, so they are no weeks "not logged". `deleted` says when each week deleted since was
    deleted: its line says so, as its history does."""
    deleted = deleted or {}
    began = began or first_week_recorded(entries, deleted)
    if began is None:
        return []
    by_monday = {entry.record.week_commencing: entry for entry in entries}
    weeks = [entry.record for entry in entries]
    runs = runs_at_or_over(weeks, profile.threshold_pct, profile.run_weeks)
    averages = wtr_averages(weeks)
    in_a_run = {run.first_week + ONE_WEEK * index for run in runs for index in range(run.weeks)}
    lines = []
    for monday in mondays(max(first, began), last):
        entry = by_monday.get(monday)
        lines.append(
            WeekLine(
                week_commencing=monday,
                entry=entry,
                at_or_over=entry is not None and at_or_over(entry.record, profile.threshold_pct),
                in_excessive_run=monday in in_a_run,
                retrospective=entry is not None and week_is_retrospective(entry),
                wtr_average=averages.get(monday),
                deleted_at=deleted.get(monday) if entry is None else None,
            )
        )
    return lines


@dataclass(frozen=True)
class PeriodSummary:
    """The headline figures for a period, as a union rep would want them."""

    first_week: date
    last_week: date
    weeks_in_period: int
    weeks_logged: int
    weeks_not_logged: int
    threshold_pct: float
    average_capacity_pct: float | None
    peak_capacity_pct: float | None
    peak_capacity_week: date | None
    weeks_at_or_over: int
    excessive_runs: list[Run]
    weeks_with_hours: int
    hours_worked: float
    contracted_hours: float
    # Days of leave and sickness recorded in those same weeks. Hours worked against contracted
    # does not allow for them: whether a week's contracted hours were entered less its days off
    # is not recorded, so a shortfall may be days off, not hours short.
    leave_days_with_hours: float
    sick_days_with_hours: float
    # Weeks with unpaid hours recorded (0 included): with none, "0 unpaid hours" would say
    # more than the diary knows.
    weeks_with_unpaid: int
    unpaid_hours: float
    unpaid_value_gbp: float | None
    peak_wtr_average: float | None
    peak_wtr_week: date | None
    weeks_wtr_over_limit: int
    retrospective_weeks: int
    amended_weeks: int
    # Weeks logged again after their entry was deleted (amended since or not).
    logged_again_weeks: int


def summarise(lines: Sequence[WeekLine], profile: Profile) -> PeriodSummary:
    """The figures for the period the lines cover (lines from `week_lines`, oldest first)."""
    logged = [line for line in lines if line.entry is not None]
    weeks = [line.entry.record for line in logged if line.entry is not None]
    capacities = [week.capacity_pct for week in weeks]
    peak = max(weeks, key=lambda week: week.capacity_pct, default=None)
    with_hours = [
        week
        for week in weeks
        if week.hours_worked is not None and week.contracted_hours is not None
    ]
    unpaid = sum(week.unpaid_hours or 0.0 for week in weeks)
    averages = {line.week_commencing: line.wtr_average for line in lines if line.wtr_average}
    peak_wtr_week = max(averages, key=lambda monday: averages[monday], default=None)
    # Runs come from the lines' flags, which were worked out over the whole diary: a run that
    # began before the period still counts, clipped to the part inside it.
    runs = runs_at_or_over(
        [line.entry.record for line in lines if line.in_excessive_run and line.entry is not None],
        profile.threshold_pct,
        min_weeks=1,
    )
    return PeriodSummary(
        first_week=lines[0].week_commencing if lines else date.min,
        last_week=lines[-1].week_commencing if lines else date.min,
        weeks_in_period=len(lines),
        weeks_logged=len(logged),
        weeks_not_logged=len(lines) - len(logged),
        threshold_pct=profile.threshold_pct,
        average_capacity_pct=sum(capacities) / len(capacities) if capacities else None,
        peak_capacity_pct=peak.capacity_pct if peak else None,
        peak_capacity_week=peak.week_commencing if peak else None,
        weeks_at_or_over=sum(1 for line in lines if line.at_or_over),
        excessive_runs=runs,
        weeks_with_hours=len(with_hours),
        hours_worked=sum(week.hours_worked or 0.0 for week in with_hours),
        contracted_hours=sum(week.contracted_hours or 0.0 for week in with_hours),
        leave_days_with_hours=sum(week.leave_days or 0.0 for week in with_hours),
        sick_days_with_hours=sum(week.sick_days or 0.0 for week in with_hours),
        weeks_with_unpaid=sum(1 for week in weeks if week.unpaid_hours is not None),
        unpaid_hours=unpaid,
        unpaid_value_gbp=unpaid * profile.hourly_rate if profile.hourly_rate is not None else None,
        peak_wtr_average=averages[peak_wtr_week] if peak_wtr_week else None,
        peak_wtr_week=peak_wtr_week,
        weeks_wtr_over_limit=sum(1 for value in averages.values() if value > WTR_LIMIT_HOURS),
        retrospective_weeks=sum(1 for line in lines if line.retrospective),
        amended_weeks=sum(1 for line in lines if line.amended),
        logged_again_weeks=sum(1 for line in lines if line.logged_again),
    )


# The week editor looks this many ended weeks back for one the user forgot to log.
CATCH_UP_WEEKS = 4


def week_to_open(logged: set[date], today: date) -> date:
    """The week the editor opens on: the oldest of the last few ended weeks not yet logged, if
    the diary was already being kept then; otherwise this week."""
    this_week = week_commencing(today)
    if not logged:
        return this_week
    started = min(logged)
    for back in range(CATCH_UP_WEEKS, 0, -1):
        monday = this_week - ONE_WEEK * back
        if monday >= started and monday not in logged:
            return monday
    return this_week
