from datetime import UTC, date, datetime, timedelta

import pytest

from workdiary.domain.figures import (
    is_retrospective,
    period_bounds,
    runs_at_or_over,
    summarise,
    week_lines,
    week_to_open,
    wtr_averages,
    wtr_weeks_counted,
)
from workdiary.domain.records import Profile, Recorded, Week

START = date(2026, 1, 5)  # a Monday


def weeks_with(capacities: list[float | None], hours: float | None = None) -> list[Week]:
    """Consecutive weeks from START; None leaves a week out (not logged)."""
    return [
        Week(START + timedelta(weeks=index), capacity, contracted_hours=37, hours_worked=hours)
        for index, capacity in enumerate(capacities)
        if capacity is not None
    ]


def recorded(week: Week, days_after_week_end: int = 0, revision: int = 1) -> Recorded[Week]:
    moment = datetime.combine(
        week.week_commencing + timedelta(days=6 + days_after_week_end), datetime.min.time(), UTC
    ) + timedelta(hours=12)
    return Recorded(week.week_commencing.isoformat(), week, moment, moment, revision, revision - 1)


def test_four_weeks_at_or_over_make_an_excessive_run() -> None:
    runs = runs_at_or_over(weeks_with([100, 110, 120, 130, 110, 90]), 110, 4)
    assert len(runs) == 1
    assert (runs[0].first_week, runs[0].weeks, runs[0].peak_pct) == (
        START + timedelta(weeks=1),
        4,
        130,
    )


def test_three_weeks_over_are_not_a_run() -> None:
    assert runs_at_or_over(weeks_with([120, 130, 140, 100]), 110, 4) == []


def test_a_week_not_logged_breaks_a_run() -> None:
    assert runs_at_or_over(weeks_with([120, 130, None, 140, 150]), 110, 4) == []


def test_the_run_length_comes_from_the_profile() -> None:
    assert len(runs_at_or_over(weeks_with([120, 130, 140]), 110, 3)) == 1
    assert runs_at_or_over(weeks_with([120, 130, 140]), 125, 2)[0].weeks == 2


@pytest.mark.parametrize(
    ("days_after_week_end", "retrospective"), [(0, False), (7, False), (8, True), (40, True)]
)
def test_retrospective_means_more_than_7_days_after_the_week_ended(
    days_after_week_end: int, retrospective: bool
) -> None:
    monday = date(2026, 11, 2)
    moment = datetime.combine(
        monday + timedelta(days=6 + days_after_week_end), datetime.min.time()
    ).astimezone() + timedelta(hours=12)
    assert is_retrospective(monday, moment) is retrospective


def test_wtr_average_needs_twelve_of_seventeen_weeks() -> None:
    eleven = weeks_with([100] * 11, hours=50)
    assert wtr_averages(eleven) == {}
    seventeen = weeks_with([100] * 17, hours=50) + weeks_with([None] * 17 + [100], hours=33)
    averages = wtr_averages(seventeen)
    last = START + timedelta(weeks=17)
    assert averages[START + timedelta(weeks=16)] == 50
    assert averages[last] == pytest.approx((50 * 16 + 33) / 17)


def test_lines_cover_every_week_and_flag_the_gaps() -> None:
    entries = [recorded(week) for week in weeks_with([100, None, 120, 121, 122, 123, 90])]
    profile = Profile()
    lines = week_lines(entries, profile, START, START + timedelta(weeks=6))
    assert [line.not_logged for line in lines] == [False, True, False, False, False, False, False]
    assert [line.in_excessive_run for line in lines] == [
        False,
        False,
        True,
        True,
        True,
        True,
        False,
    ]
    assert [line.at_or_over for line in lines] == [False, False, True, True, True, True, False]


def test_summary_of_a_period() -> None:
    weeks = [
        Week(START, 100, contracted_hours=37, hours_worked=45, unpaid_hours=8),
        Week(
            START + timedelta(weeks=2), 150, contracted_hours=30, hours_worked=40, unpaid_hours=10
        ),
    ]
    entries = [recorded(weeks[0]), recorded(weeks[1], days_after_week_end=10, revision=3)]
    profile = Profile(hourly_rate=20.0)
    lines = week_lines(entries, profile, START, START + timedelta(weeks=2))
    summary = summarise(lines, profile)
    assert (summary.weeks_in_period, summary.weeks_logged, summary.weeks_not_logged) == (3, 2, 1)
    assert summary.average_capacity_pct == 125
    assert (summary.peak_capacity_pct, summary.peak_capacity_week) == (
        150,
        weeks[1].week_commencing,
    )
    assert summary.weeks_at_or_over == 1
    assert (summary.hours_worked, summary.contracted_hours) == (85, 67)
    assert (summary.unpaid_hours, summary.unpaid_value_gbp) == (18, 360)
    assert (summary.retrospective_weeks, summary.amended_weeks) == (1, 1)


def test_a_run_that_began_before_the_period_still_counts_within_it() -> None:
    entries = [recorded(week) for week in weeks_with([120, 121, 122, 123, 124, 90])]
    profile = Profile()
    later = week_lines(entries, profile, START + timedelta(weeks=3), START + timedelta(weeks=5))
    runs = summarise(later, profile).excessive_runs
    assert [(run.first_week, run.weeks) for run in runs] == [(START + timedelta(weeks=3), 2)]


def test_no_line_comes_before_the_first_week_logged() -> None:
    """Weeks before the diary was kept are not "not logged": nothing was being kept then."""
    entries = [recorded(week) for week in weeks_with([None, None, 120, None, 121])]
    lines = week_lines(entries, Profile(), START - timedelta(weeks=10), START + timedelta(weeks=4))
    assert [line.week_commencing for line in lines] == [
        START + timedelta(weeks=index) for index in (2, 3, 4)
    ]
    assert [line.not_logged for line in lines] == [False, True, False]
    assert week_lines(entries, Profile(), START, START + timedelta(weeks=1)) == []
    assert week_lines([], Profile(), START, START + timedelta(weeks=4)) == []


def test_period_runs_to_the_last_week_that_ended_until_this_week_is_logged() -> None:
    today = date(2026, 11, 20)  # a Friday
    entries = [recorded(Week(date(2026, 11, 2), 100))]
    assert period_bounds(entries, today, None, None) == (date(2026, 11, 2), date(2026, 11, 9))
    entries.append(recorded(Week(date(2026, 11, 16), 100)))
    assert period_bounds(entries, today, None, None) == (date(2026, 11, 2), date(2026, 11, 16))
    assert period_bounds([], today, None, None) is None


def test_the_editor_opens_on_this_week_for_a_new_diary_or_an_up_to_date_one() -> None:
    today = date(2026, 11, 20)
    assert week_to_open(set(), today) == date(2026, 11, 16)
    logged = {date(2026, 11, 16) - timedelta(weeks=back) for back in range(1, 10)}
    assert week_to_open(logged, today) == date(2026, 11, 16)


def test_the_editor_opens_on_the_oldest_recent_week_not_logged() -> None:
    today = date(2026, 11, 20)
    logged = {date(2026, 9, 7), date(2026, 10, 26), date(2026, 11, 9)}
    assert week_to_open(logged, today) == date(2026, 10, 19)
    # Weeks before the diary was started are not "forgotten".
    assert week_to_open({date(2026, 11, 9)}, today) == date(2026, 11, 16)


def test_wtr_average_leaves_out_weeks_of_leave_or_sickness() -> None:
    """As the Working Time Regulations leave days of leave and sickness out of the reference
    period: a week of 30 hours with two days' leave is no short week of work."""
    from dataclasses import replace

    weeks = weeks_with([100.0] * 17, hours=50.0)
    weeks[3] = replace(weeks[3], hours_worked=30.0, leave_days=2.0)
    weeks[8] = replace(weeks[8], hours_worked=0.0, sick_days=5.0)
    last = weeks[-1].week_commencing
    assert wtr_averages(weeks)[last] == 50.0
    assert wtr_weeks_counted(weeks, last) == 15
    # With six such weeks, too few are left to say anything.
    for index in (0, 1, 2, 4):
        weeks[index] = replace(weeks[index], sick_days=0.5)
    assert last not in wtr_averages(weeks)


def test_the_weeks_a_17_week_average_rests_on_are_those_with_hours() -> None:
    from dataclasses import replace

    weeks = [
        replace(week, hours_worked=None) if index % 4 == 0 else week
        for index, week in enumerate(weeks_with([100.0] * 20, hours=40.0))
    ]
    last = START + timedelta(weeks=19)
    # Weeks 3 to 19: of those 17, weeks 4, 8, 12 and 16 have no hours.
    assert wtr_weeks_counted(weeks, last) == 13
    averages = wtr_averages(weeks)
    assert last in averages
    assert wtr_weeks_counted(weeks, START + timedelta(weeks=2)) == 2
