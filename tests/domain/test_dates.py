from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workdiary.domain.dates import mondays, parse_date, stored_day, week_commencing, week_ending
from workdiary.domain.errors import InvalidInput


@pytest.mark.parametrize(
    "text",
    ["2026-11-16", "16/11/2026", "16.11.2026", " 16/11/2026 "],
)
def test_iso_and_uk_dates_are_read_day_first(text: str) -> None:
    assert parse_date(text) == date(2026, 11, 16)


def test_a_uk_date_is_day_then_month() -> None:
    assert parse_date("03/04/2026") == date(2026, 4, 3)


@pytest.mark.parametrize("text", ["yesterday", "2026/11/16", "16-11", "", "11/16/2026x"])
def test_unreadable_dates_say_how_to_write_one(text: str) -> None:
    with pytest.raises(InvalidInput, match="16/11/2026"):
        parse_date(text)


def test_impossible_dates_are_named() -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        parse_date("31/02/2026")


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_any_day_belongs_to_the_week_of_its_monday(day: date) -> None:
    monday = week_commencing(day)
    assert monday.weekday() == 0
    assert monday <= day <= week_ending(monday)


def test_mondays_cover_the_weeks_of_both_ends() -> None:
    weeks = list(mondays(date(2026, 11, 4), date(2026, 11, 18)))
    assert weeks == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)]


def test_names_are_english_whatever_the_systems_language() -> None:
    import locale

    from workdiary.domain.dates import format_day

    before = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("fr_FR.UTF-8", "cy_GB.UTF-8", "de_DE.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
                break
            except locale.Error:
                continue
        assert format_day(date(2026, 11, 16)) == "Mon 16 Nov 2026"
    finally:
        locale.setlocale(locale.LC_TIME, before)


def test_a_stored_date_altered_into_no_date_is_read_as_none_not_a_crash() -> None:
    assert stored_day("2026-11-16") == date(2026, 11, 16)
    assert stored_day("16/11/2026") is None and stored_day(None) is None and stored_day(3) is None
