from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workdiary.domain.errors import IdentifierWarning, InvalidInput
from workdiary.domain.identifiers import find_identifiers
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    Profile,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.domain.validation import (
    concern_problems,
    parse_number,
    profile_problems,
    require_no_identifiers,
    supervision_problems,
    week_problems,
)

TODAY = date(2026, 11, 22)
GOOD = Week(
    week_commencing=date(2026, 11, 16),
    capacity_pct=132.5,
    caseload=46,
    contracted_hours=37,
    hours_worked=44.5,
    unpaid_hours=7.5,
)


def fields_in_trouble(week: Week) -> set[str]:
    return {problem.field for problem in week_problems(week, TODAY)}


def test_a_typical_week_is_fine() -> None:
    assert week_problems(GOOD, TODAY) == []


def test_the_current_week_may_be_logged_but_not_next_week() -> None:
    assert week_problems(replace(GOOD, week_commencing=date(2026, 11, 16)), TODAY) == []
    problems = week_problems(replace(GOOD, week_commencing=date(2026, 11, 23)), TODAY)
    assert [problem.field for problem in problems] == ["week_commencing"]
    assert "has not started yet" in problems[0].message


def test_a_week_must_start_on_a_monday() -> None:
    assert fields_in_trouble(replace(GOOD, week_commencing=date(2026, 11, 17))) == {
        "week_commencing"
    }


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"capacity_pct": 400.1}, "capacity_pct", "between 0 and 400"),
        ({"capacity_pct": -1.0}, "capacity_pct", "between 0 and 400"),
        ({"capacity_pct": 132.55}, "capacity_pct", "1 decimal place"),
        # Shown as "110 %" everywhere, it would yet fall short of a 110 % threshold.
        ({"capacity_pct": 109.9999999}, "capacity_pct", "1 decimal place"),
        ({"hours_worked": 40.0000001}, "hours_worked", "2 decimal places"),
        ({"caseload": 301}, "caseload", "between 0 and 300"),
        ({"hours_worked": 169.0, "unpaid_hours": 0.0}, "hours_worked", "between 0 and 168"),
        ({"unpaid_hours": 50.0}, "unpaid_hours", "cannot be more than the hours worked"),
        ({"contracted_hours": 81.0}, "contracted_hours", "between 0 and 80"),
        ({"toil_earned": -0.5}, "toil_earned", "between 0 and 168"),
        ({"breaks_missed_days": 8}, "breaks_missed_days", "between 0 and 7"),
        ({"notes": "x" * 20_001}, "notes", "at most 20,000 characters"),
        (
            {"cases_community": 30, "cases_licence": 10, "cases_custody": 10},
            "caseload",
            "add up to 50",
        ),
        # Two types alone may already be more than the whole caseload.
        (
            {"caseload": 10, "cases_community": 8, "cases_licence": 8, "cases_custody": None},
            "caseload",
            "add up to 16, more than the caseload of 10",
        ),
        ({"leave_days": 5.0, "sick_days": 5.0}, "sick_days", "add up to 10, more than the 7 days"),
    ],
)
def test_each_broken_rule_names_its_field_in_plain_words(
    change: dict[str, object], field: str, words: str
) -> None:
    problems = week_problems(replace(GOOD, **change), TODAY)  # type: ignore[arg-type]
    assert field in {problem.field for problem in problems}
    assert any(words in problem.message for problem in problems)


def test_every_problem_is_reported_at_once() -> None:
    bad = replace(GOOD, capacity_pct=500.0, caseload=-1, breaks_missed_days=9)
    assert fields_in_trouble(bad) == {"capacity_pct", "caseload", "breaks_missed_days"}


@given(
    capacity=st.integers(0, 4000).map(lambda tenths: tenths / 10),
    hours=st.integers(0, 168 * 4).map(lambda quarters: quarters / 4),
    unpaid_share=st.floats(0, 1),
)
def test_any_figures_within_the_rules_pass(
    capacity: float, hours: float, unpaid_share: float
) -> None:
    unpaid = round(hours * unpaid_share * 4) / 4
    week = replace(GOOD, capacity_pct=capacity, hours_worked=hours, unpaid_hours=min(unpaid, hours))
    assert week_problems(week, TODAY) == []


@given(capacity=st.floats(allow_nan=True, allow_infinity=True))
def test_capacity_outside_the_range_is_always_refused(capacity: float) -> None:
    week = replace(GOOD, capacity_pct=capacity)
    ok = 0 <= capacity <= 400 and round(capacity, 1) == capacity
    assert (week_problems(week, TODAY) == []) == ok


def test_profile_rules() -> None:
    assert profile_problems(Profile()) == []
    bad = Profile(threshold_pct=20, run_weeks=0, hourly_rate=-3, contracted_hours=90)
    assert {problem.field for problem in profile_problems(bad)} == {
        "threshold_pct",
        "run_weeks",
        "hourly_rate",
        "contracted_hours",
    }


@pytest.mark.parametrize(
    ("text", "field", "whole", "expected"),
    [
        ("132.5", "capacity_pct", False, 132.5),
        (" 132.5 % ", "capacity_pct", False, 132.5),
        ("46", "caseload", True, 46),
        ("1,200", "f", True, 1200),
    ],
)
def test_numbers_are_read_as_people_type_them(
    text: str, field: str, whole: bool, expected: float
) -> None:
    assert parse_number(text, field, "Figure", whole=whole) == expected


@pytest.mark.parametrize(("text", "whole"), [("forty", False), ("4.5", True), ("", False)])
def test_unreadable_numbers_are_explained(text: str, whole: bool) -> None:
    with pytest.raises(InvalidInput, match="Figure"):
        parse_number(text, "f", "Figure", whole=whole)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Home visit for X123456 ran late", "case reference"),
        ("PNC 2019/0123456X checked", "PNC number"),
        ("PNC 19/123456A checked", "PNC number"),
        ("DOB 04/07/2001", "date of birth"),
        ("born 4.7.2001", "date of birth"),
        ("came in on 12/03/1975", "date of birth"),
    ],
)
def test_text_that_may_identify_a_person_is_spotted(text: str, kind: str) -> None:
    findings = find_identifiers(text, TODAY)
    assert findings and kind in findings[0]


@pytest.mark.parametrize(
    "text",
    [
        "Supervision with J.M. cancelled on 12/11/2026",
        "Caseload 46 & 3 reports < Friday > plan",
        "Room B12 booked; 2026/27 targets",
        "Cyfarfod tîm — gwaith trwm; ŵyr a ŷd",
        "Phone 0123456789",
    ],
)
def test_ordinary_work_notes_are_not_flagged(text: str) -> None:
    assert find_identifiers(text, TODAY) == []


def test_an_identifier_warning_lists_every_finding() -> None:
    with pytest.raises(IdentifierWarning) as raised:
        require_no_identifiers(["X123456 and Y654321"], TODAY)
    assert len(raised.value.findings) == 2
    assert "initials" in str(raised.value)


def test_a_session_or_concern_dated_before_the_diarys_first_week_is_a_mistyped_year() -> None:
    today = date(2026, 11, 20)
    session = SupervisionSession(date(206, 11, 13), SupervisionStatus.CANCELLED_BY_MANAGER, "GW")
    concern = Concern(date(1926, 11, 13), "SPO", ConcernChannel.EMAIL, "Caseload of 46")
    [session_problem] = supervision_problems(session, today)
    [concern_problem] = concern_problems(concern, today)
    assert (session_problem.field, concern_problem.field) == ("held_on", "raised_on")
    assert "too early" in session_problem.message and "Check the year" in concern_problem.message
    assert supervision_problems(replace(session, held_on=date(2006, 11, 13)), today) == []


def test_a_date_too_early_names_the_record_and_the_diarys_first_week_in_one_wording() -> None:
    today = date(2026, 11, 20)
    week = replace(GOOD, week_commencing=date(1999, 12, 27))
    session = SupervisionSession(date(206, 11, 13), SupervisionStatus.CANCELLED_BY_MANAGER, "GW")
    concern = Concern(date(1926, 11, 13), "SPO", ConcernChannel.EMAIL, "Caseload of 46")
    messages = [
        *(problem.message for problem in week_problems(week, today)),
        *(problem.message for problem in supervision_problems(session, today)),
        *(problem.message for problem in concern_problems(concern, today)),
    ]
    kept = "Work Diary keeps records from the week commencing Mon 03 Jan 2000 on. Check the year."
    assert messages == [
        f"The week commencing Mon 27 Dec 1999 is too early: {kept}",
        f"A session on Thu 13 Nov 206 is too early: {kept}",
        f"A concern raised on Sat 13 Nov 1926 is too early: {kept}",
    ]


def test_a_note_too_long_is_asked_to_be_shortened_in_words_that_fit_any_record() -> None:
    long = "x" * 20_001
    [problem] = concern_problems(
        Concern(date(2026, 11, 13), "SPO", ConcernChannel.EMAIL, long), date(2026, 11, 20)
    )
    assert problem.message.endswith("Please shorten it.") and "weeks" not in problem.message
