"""Figures as people type them: what is read, what is refused, and what they are told.

A figure read as something other than what was meant would be saved without a word, so anything
that could be misread is refused with a sentence that says how to write it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workdiary.domain.errors import InvalidInput
from workdiary.domain.records import (
    PROFILE_FIELDS,
    SUPERVISION_FIELDS,
    WEEK_FIELDS,
    Profile,
    Week,
)
from workdiary.domain.validation import (
    PROFILE_NUMBER_RULES,
    WEEK_NUMBER_RULES,
    parse_number,
    profile_problems,
    week_problems,
)

TODAY = date(2026, 11, 22)
GOOD = Week(week_commencing=date(2026, 11, 16), capacity_pct=132.5)

# Every figure the app asks for: field, label, whether it is a whole number.
FIGURES = [
    *[
        (name, WEEK_FIELDS[name].label, rule.places == 0)
        for name, rule in WEEK_NUMBER_RULES.items()
    ],
    *[
        (name, PROFILE_FIELDS[name].label, rule.places == 0)
        for name, rule in PROFILE_NUMBER_RULES.items()
    ],
    ("minutes", SUPERVISION_FIELDS["minutes"].label, True),
]


def refusal(text: str, field: str, label: str, *, whole: bool = False) -> str:
    with pytest.raises(InvalidInput) as refused:
        parse_number(text, field, label, whole=whole)
    [problem] = refused.value.problems
    assert problem.field == field
    return problem.message


# Examples that fit the field


@pytest.mark.parametrize(
    ("field", "whole", "example"),
    [
        ("capacity_pct", False, "132.5"),
        ("caseload", True, "46"),
        ("hours_worked", False, "44.5"),
        ("contracted_hours", False, "37.5"),
        ("leave_days", False, "1.5"),
        ("hourly_rate", False, "19.87"),
        ("threshold_pct", False, "110"),
        ("run_weeks", True, "4"),
        ("supervision_interval_weeks", True, "4"),
        ("minutes", True, "60"),
    ],
)
def test_a_word_for_a_number_is_answered_with_an_example_that_fits_the_field(
    field: str, whole: bool, example: str
) -> None:
    said = refusal("lots", field, "The figure", whole=whole)
    assert said == f"The figure must be a number, like {example}; you entered 'lots'."


@pytest.mark.parametrize(("field", "label", "whole"), FIGURES)
def test_every_figures_example_is_itself_a_figure_the_field_accepts(
    field: str, label: str, whole: bool
) -> None:
    info = {**SUPERVISION_FIELDS, **PROFILE_FIELDS, **WEEK_FIELDS}[field]
    assert info.example, f"{label} has no example"
    value = parse_number(info.example, field, label, whole=whole)
    if field in WEEK_NUMBER_RULES:
        assert field not in {p.field for p in week_problems(replace(GOOD, **{field: value}), TODAY)}
    elif field in PROFILE_NUMBER_RULES:
        assert profile_problems(replace(Profile(), **{field: value})) == []


def test_a_field_in_two_records_has_one_example_and_kind_of_unit() -> None:
    for name in WEEK_FIELDS.keys() & PROFILE_FIELDS.keys():
        week, profile = WEEK_FIELDS[name], PROFILE_FIELDS[name]
        assert week.example == profile.example
        assert {week.unit} & {"%", "£"} == {profile.unit} & {"%", "£"}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"leave_days": 1.55}, "Leave can have at most 1 decimal place (for example 1.5)"),
        ({"capacity_pct": 132.55}, "at most 1 decimal place (for example 132.5)"),
        ({"hours_worked": 44.125}, "at most 2 decimal places (for example 44.5)"),
    ],
)
def test_too_many_decimal_places_are_explained_with_an_example_that_fits(
    change: dict[str, float], words: str
) -> None:
    problems = week_problems(replace(GOOD, **change), TODAY)  # type: ignore[arg-type]
    assert any(words in problem.message for problem in problems)


def test_the_profiles_examples_fit_too() -> None:
    problems = profile_problems(Profile(threshold_pct=110.55))
    assert [problem.message for problem in problems] == [
        "Capacity threshold can have at most 1 decimal place (for example 110.5); "
        "you entered 110.55."
    ]


# Commas


@pytest.mark.parametrize(
    ("text", "field", "label", "message"),
    [
        (
            "132,5",
            "capacity_pct",
            "WMT capacity",
            "WMT capacity: use a full stop for the decimal point, like 132.5; you entered '132,5'.",
        ),
        (
            "2,5",
            "hours_worked",
            "Hours worked",
            "Hours worked: use a full stop for the decimal point, like 44.5; you entered '2,5'.",
        ),
        (
            "7,5",
            "contracted_hours",
            "Contracted hours",
            "Contracted hours: use a full stop for the decimal point, like 37.5; "
            "you entered '7,5'.",
        ),
        (
            "1,2,3",
            "capacity_pct",
            "WMT capacity",
            "WMT capacity: use a full stop for the decimal point, like 132.5; you entered '1,2,3'.",
        ),
        (
            "110,5",
            "threshold_pct",
            "Capacity threshold",
            "Capacity threshold: use a full stop for the decimal point, like 110.5; "
            "you entered '110,5'.",
        ),
    ],
)
def test_a_decimal_comma_is_refused_with_what_to_write_instead(
    text: str, field: str, label: str, message: str
) -> None:
    assert refusal(text, field, label) == message


@pytest.mark.parametrize(
    ("text", "field", "label", "message"),
    [
        ("1,5", "minutes", "The length in minutes", "must be a whole number, like 60"),
        ("4,6", "caseload", "Caseload", "must be a whole number, like 46"),
    ],
)
def test_a_comma_in_a_count_is_refused_not_dropped(
    text: str, field: str, label: str, message: str
) -> None:
    said = refusal(text, field, label, whole=True)
    assert message in said and f"you entered '{text}'" in said


@pytest.mark.parametrize(
    "text",
    ["0,125", "12,34", "1,2345", "1234,567", ",5", "1,,234", "1,234,", "1, 234", "1,234,5", "5,"],
)
def test_a_comma_anywhere_but_between_thousands_is_refused(text: str) -> None:
    assert "full stop" in refusal(text, "hours_worked", "Hours worked")


@pytest.mark.parametrize(
    ("text", "field", "whole", "expected"),
    [
        ("1,234", "capacity_pct", False, 1234),
        ("1,234.5", "capacity_pct", False, 1234.5),
        ("12,345,678", "caseload", True, 12_345_678),
        ("-1,000", "toil_earned", False, -1000),
    ],
)
def test_a_comma_between_thousands_is_read_as_such(
    text: str, field: str, whole: bool, expected: float
) -> None:
    assert parse_number(text, field, "Figure", whole=whole) == expected


@given(st.integers(1000, 10**12), st.sampled_from(["", ".5", ".25"]))
def test_any_number_written_with_thousands_commas_reads_back_exactly(
    whole: int, fraction: str
) -> None:
    assert parse_number(f"{whole:,}{fraction}", "capacity_pct", "Figure") == float(
        f"{whole}{fraction}"
    )


@given(st.integers(0, 999), st.integers(0, 99) | st.integers(1000, 99_999))
def test_a_number_with_a_comma_before_other_than_three_digits_is_never_read(
    before: int, after: int
) -> None:
    with pytest.raises(InvalidInput):
        parse_number(f"{before},{after}", "hours_worked", "Hours worked")


def test_a_figure_out_of_range_is_quoted_as_it_was_written() -> None:
    [problem] = week_problems(replace(GOOD, capacity_pct=1325.0), TODAY)
    assert problem.message == "WMT capacity must be between 0 and 400 %; you entered 1,325."


# £ and %


@pytest.mark.parametrize("text", ["£19.87", " £19.87 ", "£ 19.87", "19.87"])
def test_an_hourly_rate_may_be_written_with_a_pound_sign(text: str) -> None:
    assert parse_number(text, "hourly_rate", "Hourly rate") == 19.87


@pytest.mark.parametrize(
    ("text", "field"), [("110%", "threshold_pct"), ("132.5 %", "capacity_pct")]
)
def test_a_percentage_may_be_written_with_a_percent_sign(text: str, field: str) -> None:
    assert parse_number(text, field, "Figure") == float(text.strip().removesuffix("%"))


@pytest.mark.parametrize(
    ("text", "field", "label", "whole", "message"),
    [
        (
            "110%",
            "hourly_rate",
            "Hourly rate",
            False,
            "Hourly rate is not a percentage: write it without the %, like 19.87; "
            "you entered '110%'.",
        ),
        (
            "44.5%",
            "hours_worked",
            "Hours worked",
            False,
            "Hours worked is not a percentage: write it without the %, like 44.5; "
            "you entered '44.5%'.",
        ),
        (
            "4%",
            "run_weeks",
            "Excessive run",
            True,
            "Excessive run is not a percentage: write it without the %, like 4; you entered '4%'.",
        ),
        (
            "£132.5",
            "capacity_pct",
            "WMT capacity",
            False,
            "WMT capacity is not an amount of money: write it without the £, like 132.5; "
            "you entered '£132.5'.",
        ),
        (
            "£7.5",
            "unpaid_hours",
            "Unpaid hours",
            False,
            "Unpaid hours is not an amount of money: write it without the £, like 7.5; "
            "you entered '£7.5'.",
        ),
    ],
)
def test_a_sign_that_does_not_belong_to_the_field_is_refused(
    text: str, field: str, label: str, whole: bool, message: str
) -> None:
    assert refusal(text, field, label, whole=whole) == message


@pytest.mark.parametrize("text", ["19.87£", "££19.87", "GBP 19.87", "$19.87"])
def test_money_written_any_other_way_is_not_a_number(text: str) -> None:
    assert "must be a number, like 19.87" in refusal(text, "hourly_rate", "Hourly rate")


def test_money_may_have_thousands_commas_too() -> None:
    assert parse_number("£1,000.50", "hourly_rate", "Hourly rate") == 1000.5


# Numbers too large to hold


@pytest.mark.parametrize(
    "text", ["9" * 400, "1" + "0" * 309, "1" + "0" * 20, "1,000,000,000,000,000", "-" + "9" * 400]
)
def test_a_huge_number_is_refused_in_plain_words(text: str) -> None:
    said = refusal(text, "capacity_pct", "WMT capacity")
    assert said.startswith("WMT capacity is far too large a number: write it like 132.5;")
    assert "inf" not in said and len(said) < 150


@pytest.mark.parametrize("text", ["1e400", "1e3", "inf", "nan", "infinity"])
def test_scientific_notation_and_infinity_are_not_numbers_people_type(text: str) -> None:
    said = refusal(text, "capacity_pct", "WMT capacity")
    assert said == f"WMT capacity must be a number, like 132.5; you entered '{text}'."


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 1e300])
def test_a_record_holding_an_impossible_figure_is_told_in_words(value: float) -> None:
    [problem] = week_problems(replace(GOOD, capacity_pct=value), TODAY)
    assert problem.message == (
        "WMT capacity must be between 0 and 400 %; you entered a number far outside that."
    )


# Dates


@pytest.mark.parametrize("monday", [date(1, 1, 1), date(1900, 1, 1), date(1999, 12, 27)])
def test_a_week_before_2000_is_refused_as_too_early(monday: date) -> None:
    problems = week_problems(replace(GOOD, week_commencing=monday), TODAY)
    assert [problem.field for problem in problems] == ["week_commencing"]
    assert "is too early" in problems[0].message
    assert "from the week commencing Mon 03 Jan 2000 on. Check the year." in problems[0].message


def test_the_first_week_of_2000_may_be_logged() -> None:
    assert week_problems(replace(GOOD, week_commencing=date(2000, 1, 3)), TODAY) == []


def test_a_wmt_figure_read_more_than_a_year_before_its_week_is_refused() -> None:
    week = replace(GOOD, week_commencing=date(2026, 1, 5), wmt_read_on=date(1900, 1, 1))
    [problem] = week_problems(week, TODAY)
    assert problem.field == "wmt_read_on"
    assert problem.message == (
        "The WMT figure was read on Mon 01 Jan 1900, more than a year before the week "
        "commencing Mon 05 Jan 2026, so it cannot be that week's figure. "
        "Check the date you read it."
    )


@pytest.mark.parametrize(
    ("days_before", "refused"), [(-200, False), (0, False), (3, False), (365, False), (366, True)]
)
def test_a_wmt_figure_may_be_read_up_to_a_year_before_its_week_or_any_time_after(
    days_before: int, refused: bool
) -> None:
    monday = date(2025, 6, 2)
    week = replace(GOOD, week_commencing=monday, wmt_read_on=monday - timedelta(days=days_before))
    assert bool(week_problems(week, TODAY)) is refused
