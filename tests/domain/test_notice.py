from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from workdiary.domain.notice import notice_figures
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    Profile,
    Recorded,
    SupervisionSession,
    SupervisionStatus,
    Week,
)

MONDAY = date(2026, 11, 16)
TODAY = date(2026, 11, 20)


def weeks(*capacities: float | None, unpaid: float = 5.0) -> list[Recorded[Week]]:
    """The latest week first; None leaves a week out."""
    moment = datetime(2026, 11, 20, tzinfo=UTC)
    return [
        Recorded(
            str(i),
            Week(MONDAY - timedelta(weeks=i), capacity, unpaid_hours=unpaid),
            moment,
            moment,
            1,
            0,
        )
        for i, capacity in enumerate(capacities)
        if capacity is not None
    ]


def test_the_run_counts_back_from_the_latest_week_until_a_week_under_or_missing() -> None:
    figures = notice_figures(weeks(130, 120, 110, 100, 140), [], [], Profile(), TODAY)
    assert (figures.latest_week, figures.latest_capacity_pct) == (MONDAY, 130)
    assert figures.weeks_over_in_a_row == 3
    assert notice_figures(weeks(130, None, 120), [], [], Profile(), TODAY).weeks_over_in_a_row == 1
    assert notice_figures(weeks(100, 130), [], [], Profile(), TODAY).weeks_over_in_a_row == 0


def test_unpaid_hours_over_the_last_4_and_12_weeks_count_only_what_was_logged() -> None:
    figures = notice_figures(
        weeks(*[120] * 3, None, *[120] * 20, unpaid=2.5), [], [], Profile(), TODAY
    )
    assert figures.unpaid_last_4_weeks == 7.5
    assert figures.unpaid_last_12_weeks == 27.5


def test_supervision_and_unanswered_concerns() -> None:
    sessions = [
        SupervisionSession(date(2026, 9, 1), SupervisionStatus.HELD),
        SupervisionSession(date(2026, 10, 1), SupervisionStatus.CANCELLED_BY_MANAGER),
    ]
    concerns = [
        Concern(date(2026, 10, 2), "SPO", ConcernChannel.EMAIL, "Later"),
        Concern(date(2026, 9, 2), "SPO", ConcernChannel.EMAIL, "Earlier"),
        Concern(date(2026, 9, 3), "SPO", ConcernChannel.EMAIL, "Answered", response="OK"),
        # Raised today, with no time yet for an answer: a second notice the same day, say.
        Concern(TODAY, "Head of Service", ConcernChannel.FORESEEABILITY_NOTICE, "Today"),
    ]
    figures = notice_figures(weeks(120), sessions, concerns, Profile(), TODAY)
    assert (figures.last_supervision, figures.days_since_supervision) == (date(2026, 9, 1), 80)
    assert [c.summary for c in figures.unanswered_concerns] == ["Earlier", "Later"]


def test_an_empty_diary_gives_empty_figures() -> None:
    figures = notice_figures([], [], [], Profile(), TODAY)
    assert figures.latest_week is None and figures.weeks_over_in_a_row == 0
    assert figures.unpaid_last_4_weeks == 0 and figures.last_supervision is None


def test_the_figures_say_how_much_the_diary_holds_and_which_unpaid_hours_were_recorded() -> None:
    logged = weeks(130, 120, None, 110, *[100] * 10)
    # The week before the latest is logged without its unpaid hours.
    logged[1] = replace(logged[1], record=Week(MONDAY - timedelta(weeks=1), 120))
    figures = notice_figures(logged, [], [], Profile(), TODAY)
    assert (figures.weeks_logged, figures.first_week) == (13, MONDAY - timedelta(weeks=13))
    # Of the 12 weeks to the latest: one not logged, one logged without unpaid hours.
    assert figures.unpaid_recorded == tuple(
        MONDAY - timedelta(weeks=back) for back in (0, *range(3, 12))
    )
    assert figures.unpaid_weeks_recorded(4) == 2 and figures.unpaid_weeks_recorded(12) == 10
    assert (figures.unpaid_last_4_weeks, figures.unpaid_last_12_weeks) == (10, 50)


def test_an_empty_diary_holds_no_weeks() -> None:
    figures = notice_figures([], [], [], Profile(), TODAY)
    assert (figures.weeks_logged, figures.first_week, figures.unpaid_recorded) == (0, None, ())
    assert figures.unpaid_weeks_recorded(12) == 0
