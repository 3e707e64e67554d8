from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from workdiary.domain.oversight import (
    answered_on,
    is_answered,
    is_overdue,
    supervision_figures,
    supervision_overdue,
    unanswered_when_begun,
)
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    ConcernStatus,
    SupervisionSession,
    SupervisionStatus,
)

HELD = SupervisionStatus.HELD
FIRST, LAST = date(2026, 1, 1), date(2026, 3, 31)  # 90 days


def session(
    day: date, status: SupervisionStatus = HELD, discussed: bool = True
) -> SupervisionSession:
    return SupervisionSession(day, status, "JM", 60, discussed if status is HELD else None)


def test_no_sessions_at_all() -> None:
    figures = supervision_figures([], FIRST, LAST, 4)
    assert (figures.expected, figures.held, figures.last_held, figures.longest_gap) == (
        3,
        0,
        None,
        None,
    )


def test_no_interval_means_nothing_is_expected() -> None:
    assert supervision_figures([session(date(2026, 2, 1))], FIRST, LAST, None).expected is None


def test_a_first_session_gap_runs_to_the_end_of_the_period() -> None:
    figures = supervision_figures([session(date(2026, 2, 1))], FIRST, LAST, 4)
    assert figures.held == 1 and figures.last_held == date(2026, 2, 1)
    gap = figures.longest_gap
    assert gap is not None and gap.open_ended and gap.days == (LAST - date(2026, 2, 1)).days


def test_the_longest_gap_between_held_sessions_counts_from_before_the_period() -> None:
    sessions = [session(date(2025, 12, 1)), session(date(2026, 1, 20)), session(date(2026, 3, 30))]
    gap = supervision_figures(sessions, FIRST, LAST, 4).longest_gap
    assert gap is not None and (gap.after, gap.until, gap.open_ended) == (
        date(2026, 1, 20),
        date(2026, 3, 30),
        False,
    )


def test_two_sessions_on_the_same_day_are_one_held_day() -> None:
    day = date(2026, 2, 10)
    figures = supervision_figures([session(day), session(day)], FIRST, LAST, 4)
    assert figures.held == 1
    assert figures.longest_gap is not None and figures.longest_gap.after == day


def test_the_days_shared_by_sessions_held_are_named_with_how_many_each_has() -> None:
    """Only held sessions share a day that counts once; a cancelled one beside them, or a
    shared day outside the period, is not one of them."""
    first, second = date(2026, 2, 10), date(2026, 3, 3)
    sessions = [
        session(first),
        session(first),
        session(first, SupervisionStatus.CANCELLED_BY_MANAGER),
        session(second),
        session(second),
        session(second),
        session(date(2026, 3, 17)),
        session(date(2025, 12, 1)),
        session(date(2025, 12, 1)),
    ]
    figures = supervision_figures(sessions, FIRST, LAST, 4)
    assert figures.shared_days == {first: 2, second: 3}
    assert supervision_figures(sessions[-3:], FIRST, LAST, 4).shared_days == {}


def test_a_session_on_the_periods_first_day_was_due_then_and_counts_as_expected() -> None:
    """From a session (held or not), one is due every interval: 15 Sep, 13 Oct and 10 Nov are
    three due by 22 Nov, though only two whole intervals fit between."""
    day = date(2026, 9, 15)
    sessions = [session(day), session(date(2026, 10, 13))]
    assert supervision_figures(sessions, day, date(2026, 11, 22), 4).expected == 3
    cancelled = [session(day, SupervisionStatus.CANCELLED_BY_MANAGER)]
    assert supervision_figures(cancelled, day, date(2026, 11, 22), 4).expected == 3
    # A period that does not start with a session: only the whole intervals in it.
    assert (
        supervision_figures(sessions, day - timedelta(days=1), date(2026, 11, 22), 4).expected == 2
    )


def test_cancelled_only_is_nothing_held_and_counted_by_whom() -> None:
    sessions = [
        session(date(2026, 1, 10), SupervisionStatus.CANCELLED_BY_MANAGER),
        session(date(2026, 2, 10), SupervisionStatus.CANCELLED_BY_MANAGER),
        session(date(2026, 3, 10), SupervisionStatus.CANCELLED_BY_ME),
    ]
    figures = supervision_figures(sessions, FIRST, LAST, 4)
    assert (figures.held, figures.cancelled_by_manager, figures.cancelled_by_me) == (0, 2, 1)
    assert figures.longest_gap is None and figures.last_held is None


def test_workload_discussed_counts_held_sessions_only() -> None:
    sessions = [session(date(2026, 1, 5)), session(date(2026, 2, 5), discussed=False)]
    assert supervision_figures(sessions, FIRST, LAST, 4).workload_discussed == 1


def test_overdue_when_the_last_held_is_older_than_the_interval() -> None:
    sessions = [
        session(date(2026, 1, 5)),
        session(date(2026, 3, 1), SupervisionStatus.CANCELLED_BY_MANAGER),
    ]
    assert supervision_overdue(sessions, date(2026, 2, 2), 4) is None  # exactly 4 weeks
    overdue = supervision_overdue(sessions, date(2026, 2, 3), 4)
    assert overdue is not None and (overdue.last_held, overdue.days_since) == (date(2026, 1, 5), 29)
    assert supervision_overdue(sessions, date(2026, 2, 3), None) is None
    assert supervision_overdue([], date(2026, 2, 3), 4) is None
    never = supervision_overdue(sessions[1:], date(2026, 3, 30), 4)
    assert never is not None and never.last_held is None
    assert never.none_held_since == date(2026, 3, 1)


def test_a_first_session_cancelled_within_the_interval_is_not_yet_overdue() -> None:
    """A diary begun with a session cancelled last week says supervision was due then; it does
    not show a whole interval gone without one."""
    cancelled = [session(date(2026, 3, 1), SupervisionStatus.CANCELLED_BY_MANAGER)]
    assert supervision_overdue(cancelled, date(2026, 3, 5), 4) is None
    assert supervision_overdue(cancelled, date(2026, 3, 29), 4) is None  # exactly 4 weeks
    overdue = supervision_overdue(cancelled, date(2026, 3, 30), 4)
    assert overdue is not None and overdue.none_held_since == date(2026, 3, 1)
    # Sessions booked ahead and none held yet: nothing has been missed.
    assert supervision_overdue(cancelled, date(2026, 2, 1), 4) is None


def test_a_concern_past_its_follow_up_with_no_response_is_overdue() -> None:
    concern = Concern(date(2026, 1, 5), "SPO", ConcernChannel.EMAIL, "Caseload 132 %",
                      follow_up_on=date(2026, 1, 19))  # fmt: skip
    assert not is_overdue(concern, date(2026, 1, 19)) and is_overdue(concern, date(2026, 1, 20))
    answered = Concern(date(2026, 1, 5), "SPO", ConcernChannel.EMAIL, "x", response="Will review",
                       response_on=date(2026, 1, 8), follow_up_on=date(2026, 1, 19))  # fmt: skip
    assert is_answered(answered) and not is_overdue(answered, date(2026, 2, 1))
    closed = Concern(date(2026, 1, 5), "SPO", ConcernChannel.EMAIL, "x",
                     status=ConcernStatus.CLOSED, follow_up_on=date(2026, 1, 19))  # fmt: skip
    assert not is_overdue(closed, date(2026, 2, 1))


# Concerns raised before a period and still unanswered when it began

BEGAN = date(2026, 10, 5)
RECORDED_CLOSED = date(2026, 10, 20)  # the day the diary recorded a concern closed


def raised(day: date, **values: Any) -> Concern:
    return replace(Concern(day, "SPO", ConcernChannel.EMAIL, "Caseload 132 %"), **values)


def test_a_concern_is_answered_on_the_day_of_its_reply_or_else_of_its_closing() -> None:
    """A reply's own date wins over the day it was recorded; a concern closed with no reply has
    only the day the diary recorded it closed."""
    waiting = raised(date(2026, 9, 1))
    assert answered_on(waiting, RECORDED_CLOSED) is None
    replied = raised(date(2026, 9, 1), response="Will review", response_on=date(2026, 9, 8),
                     status=ConcernStatus.ANSWERED)  # fmt: skip
    assert answered_on(replied, RECORDED_CLOSED) == date(2026, 9, 8)
    closed = raised(date(2026, 9, 1), status=ConcernStatus.CLOSED)
    assert answered_on(closed, RECORDED_CLOSED) == RECORDED_CLOSED


@pytest.mark.parametrize(
    ("concern", "waiting"),
    [
        (raised(date(2026, 6, 1)), True),  # never answered
        (raised(date(2026, 6, 1), follow_up_on=date(2026, 6, 15)), True),  # and overdue
        (raised(BEGAN), False),  # raised in the period, not before it
        (raised(date(2026, 10, 20)), False),
        (raised(date(2026, 6, 1), response="No", response_on=date(2026, 10, 4),
                status=ConcernStatus.ANSWERED), False),  # answered the day before
        (raised(date(2026, 6, 1), response="No", response_on=BEGAN,
                status=ConcernStatus.ANSWERED), True),  # answered as the period began
        (raised(date(2026, 6, 1), response="No", response_on=date(2026, 11, 10),
                status=ConcernStatus.CLOSED), True),  # answered and closed after it
        (raised(date(2026, 6, 1), status=ConcernStatus.CLOSED), True),  # closed on 20 Oct
    ],
)  # fmt: skip
def test_a_concern_raised_before_a_period_counts_until_it_was_answered(
    concern: Concern, waiting: bool
) -> None:
    assert unanswered_when_begun(concern, BEGAN, RECORDED_CLOSED) is waiting


def test_a_concern_closed_with_no_reply_before_the_period_no_longer_counts() -> None:
    closed = raised(date(2026, 6, 1), status=ConcernStatus.CLOSED)
    assert not unanswered_when_begun(closed, BEGAN, date(2026, 10, 4))
    assert unanswered_when_begun(closed, BEGAN, BEGAN)
