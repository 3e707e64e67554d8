from datetime import date

from workdiary.domain.formatting import (
    count,
    format_money,
    format_number,
    format_value,
    held_on_shared_days,
)
from workdiary.domain.oversight import supervision_figures
from workdiary.domain.records import (
    PROFILE_FIELDS,
    WEEK_FIELDS,
    SupervisionSession,
    SupervisionStatus,
)


def test_numbers_drop_needless_decimals_and_group_thousands() -> None:
    assert [format_number(n) for n in (37.0, 132.5, 1234.25, 0.0, -0.0)] == [
        "37",
        "132.5",
        "1,234.25",
        "0",
        "0",
    ]


def test_values_carry_their_units_in_the_right_number() -> None:
    assert format_value(WEEK_FIELDS["capacity_pct"], 132.5) == "132.5 %"
    assert format_value(WEEK_FIELDS["reports_due"], 1) == "1 report"
    assert format_value(WEEK_FIELDS["reports_due"], 3) == "3 reports"
    assert format_value(WEEK_FIELDS["hours_worked"], 1.0) == "1 hour"
    assert format_value(PROFILE_FIELDS["contracted_hours"], 1) == "1 hour a week"
    assert format_value(PROFILE_FIELDS["hourly_rate"], 19.87) == "£19.87"
    assert format_value(WEEK_FIELDS["notes"], "") == "(empty)"
    assert format_value(WEEK_FIELDS["wmt_read_on"], "2026-11-20") == "Fri 20 Nov 2026"


def test_money_and_counts() -> None:
    assert format_money(35641.813) == "£35,641.81"
    assert (count(1, "week"), count(1204, "week")) == ("1 week", "1,204 weeks")


def test_an_excessive_run_is_the_mojs_test_only_at_the_mojs_line_and_length() -> None:
    from datetime import date

    from workdiary.domain.figures import WeekLine
    from workdiary.domain.formatting import is_moj_test, week_flags, whose_test
    from workdiary.domain.records import Profile

    line = WeekLine(date(2026, 11, 16), None, False, True, False, None)

    def explanation(profile: Profile) -> str:
        [flag] = [flag for flag in week_flags(line, profile) if flag.text == "excessive run"]
        return flag.explanation

    moj = Profile()
    assert is_moj_test(moj) and whose_test(moj) == "the MoJ test for excessive workload"
    assert explanation(moj).endswith("— the MoJ's test for excessive workload")
    for own in (Profile(threshold_pct=130.0), Profile(run_weeks=6), Profile(threshold_pct=100)):
        assert not is_moj_test(own)
        assert "MoJ test" not in whose_test(own) and "MoJ's test" not in explanation(own)
        assert whose_test(own).endswith(
            "not the MoJ's, whose line is 110 % for 4 consecutive weeks"
        )
        assert explanation(own).endswith(
            "your own test, not the MoJ's, whose line is 110 % for 4 consecutive weeks"
        )


def test_sessions_sharing_days_name_every_such_day_in_date_order() -> None:
    held = [
        SupervisionSession(day, SupervisionStatus.HELD, "JM", 60, True)
        for day in [date(2026, 3, 3)] * 3 + [date(2026, 2, 10)] * 2 + [date(2026, 3, 17)]
    ]
    figures = supervision_figures(held, date(2026, 1, 1), date(2026, 3, 31), 4)
    assert held_on_shared_days(figures) == (
        "6 sessions recorded as held fall on 3 days: sessions held on the same day count as one "
        "(2 on Tue 10 Feb 2026 and 3 on Tue 03 Mar 2026)."
    )
    one_a_day = supervision_figures(held[2:4], date(2026, 1, 1), date(2026, 3, 31), 4)
    assert held_on_shared_days(one_a_day) == ""
