from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from workdiary.domain.dates import format_moment
from workdiary.domain.figures import WeekLine
from workdiary.domain.formatting import (
    RESTORED,
    count,
    describe_event,
    format_money,
    format_number,
    format_value,
    held_on_shared_days,
    recorded_again_moments,
    recorded_again_words,
    week_flags,
    workload_discussed_words,
)
from workdiary.domain.history import Change, HistoryEvent
from workdiary.domain.oversight import supervision_figures
from workdiary.domain.records import (
    PROFILE_FIELDS,
    WEEK_FIELDS,
    Profile,
    Recorded,
    RecordedAgain,
    SupervisionSession,
    SupervisionStatus,
    Week,
)


def test_numbers_drop_needless_decimals_and_group_thousands() -> None:
    assert [format_number(n) for n in (37.0, 132.5, 1234.25, 0.0, -0.0)] == [
        "37",
        "132.5",
        "1,234.25",
        "0",
        "0",
    ]


def test_a_half_is_rounded_up_as_someone_checking_by_hand_would() -> None:
    """14 weeks summing to 1,683.5 % average 120.25 %: a rep with a calculator reads 120.3."""
    assert format_number(1683.5 / 14, places=1) == "120.3"
    assert format_number(0.125) == "0.13"
    assert format_number(12.5, places=0) == "13"
    # An average a sum leaves a hair under its half is still rounded as the half it stands for.
    assert format_number(sum((100.0, 100.7, 102.1, 104.2)) / 4, places=1) == "101.8"  # 101.7499…
    assert format_number(-0.04, places=1) == "0"
    assert format_money(2.675) == "£2.68"


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


def test_workload_discussed_reads_as_a_sentence_for_one_session_none_some_or_all() -> None:
    def words(*discussed: bool) -> str:
        days = [date(2026, 3, 3) + timedelta(weeks=4 * n) for n in range(len(discussed))]
        sessions = [
            SupervisionSession(day, SupervisionStatus.HELD, "JM", 60, said)
            for day, said in zip(days, discussed, strict=True)
        ]
        return workload_discussed_words(
            supervision_figures(sessions, date(2026, 1, 1), date(2026, 12, 31), 4)
        )

    assert words(True) == "at the one session held"
    assert words(False) == "not at the one session held"
    assert words(False, False) == "at none of the 2 sessions held"
    assert words(True, False, True) == "at 2 of the 3 sessions held"
    assert words(True, True, True) == "at all 3 sessions held"


def _recorded_week(amendments: int, again: tuple[RecordedAgain, ...]) -> WeekLine:
    """A week of 100 %, first recorded on its Friday, with the story given."""
    monday = date(2026, 11, 9)
    first = datetime(2026, 11, 13, 12, 0, tzinfo=UTC)
    revision = 1 + amendments + 2 * len(again)
    entry = Recorded(monday.isoformat(), Week(monday, 100.0), first, first, revision, amendments,
                     again)  # fmt: skip
    return WeekLine(monday, entry, False, False, False, None)


# Noon UTC: the same day in any time zone a diary is kept in.
DELETED = datetime(2026, 11, 14, 12, 0, tzinfo=UTC)
AGAIN = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_a_record_deleted_and_recorded_again_is_said_so_with_the_day_where_there_is_room() -> None:
    once = (RecordedAgain(DELETED, AGAIN),)
    twice = (*once, RecordedAgain(AGAIN, AGAIN + timedelta(days=3)))
    assert recorded_again_words(()) == ""
    assert recorded_again_words(once) == "deleted and logged again"
    assert recorded_again_words(once, dated=True) == "deleted and logged again on Mon 23 Nov 2026"
    assert recorded_again_words(twice, RESTORED) == "deleted and restored 2 times"
    assert recorded_again_words(twice, RESTORED, dated=True) == (
        "deleted and restored 2 times, last on Thu 26 Nov 2026"
    )
    assert recorded_again_moments(once) == (
        f"deleted {format_moment(DELETED)} and logged again {format_moment(AGAIN)}"
    )


def test_a_week_logged_again_is_flagged_so_not_as_amended() -> None:
    [flag] = week_flags(_recorded_week(0, (RecordedAgain(DELETED, AGAIN),)), Profile())
    assert (flag.text, flag.with_day) == (
        "deleted and logged again",
        "deleted and logged again on Mon 23 Nov 2026",
    )
    assert f"deleted {format_moment(DELETED)} and logged again {format_moment(AGAIN)}" in (
        flag.explanation
    )
    assert "neither counts as an amendment" in flag.explanation
    amended_after = week_flags(_recorded_week(1, (RecordedAgain(DELETED, AGAIN),)), Profile())
    assert [flag.text for flag in amended_after] == ["deleted and logged again", "amended"]
    assert [flag.with_day for flag in week_flags(_recorded_week(2, ()), Profile())] == [
        "amended 2 times"
    ]


def test_a_week_logged_again_late_is_explained_by_when_it_was_logged_again() -> None:
    """Its first-recorded date, in time, sits beside the flag: the explanation must not say
    that date was late."""
    again = replace(_recorded_week(0, (RecordedAgain(DELETED, AGAIN),)), retrospective=True)
    [late] = [flag for flag in week_flags(again, Profile()) if flag.text == "retrospective"]
    assert late.explanation == (
        "Logged again, after its entry was deleted, more than 7 days after the week ended"
    )
    [first] = [
        flag
        for flag in week_flags(replace(_recorded_week(0, ()), retrospective=True), Profile())
        if flag.text == "retrospective"
    ]
    assert first.explanation == "First recorded more than 7 days after the week ended"


def test_flags_weigh_late_over_logged_again_over_any_amendments() -> None:
    def weight(line: WeekLine) -> int:
        return sum(flag.weight for flag in week_flags(line, Profile()))

    again = (RecordedAgain(DELETED, AGAIN),)
    late = replace(_recorded_week(0, ()), retrospective=True)
    assert weight(late) > weight(_recorded_week(5, again)) > weight(_recorded_week(5, ()))
    assert weight(_recorded_week(0, again)) > weight(_recorded_week(5, ()))


NOTE = "Cover for two colleagues on leave, three new allocations although I asked for none."


def test_a_long_value_changed_late_in_it_is_shown_where_it_differs() -> None:
    """Cut short at the same place, the two would read `Cover for… → Cover for…`, as if nothing
    had changed: each is shown from shortly before the words that differ."""
    event = HistoryEvent(
        datetime(2026, 11, 20, tzinfo=UTC),
        "amend",
        [Change("notes", NOTE, NOTE + " Corrected Monday."), Change("caseload", 46, 47)],
    )
    _title, lines = describe_event(event, WEEK_FIELDS, longest_value=40)
    notes, caseload = lines
    old, new = notes.removeprefix("Notes: ").split(" → ")
    assert old != new and old.startswith("…") and new.startswith("…")
    assert "none." in old and "none. Corrected" in new
    assert len(old) <= 40 and len(new) <= 40
    assert caseload == "Caseload: 46 cases → 47 cases"
    # A change within what is shown is shown from the start, as ever.
    early = HistoryEvent(event.at, "amend", [Change("notes", NOTE, "Covering" + NOTE[9:])])
    assert describe_event(early, WEEK_FIELDS, longest_value=40)[1] == [
        "Notes: Cover for two colleagues on leave, thre… → Covering two colleagues on leave, three…"
    ]
