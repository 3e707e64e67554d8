"""The shared sample diary: ten believable, repeatable years that keep every evidence rule."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from workdiary.domain.dates import ONE_WEEK, mondays
from workdiary.domain.errors import WorkDiaryError
from workdiary.domain.figures import runs_at_or_over, week_is_retrospective
from workdiary.domain.identifiers import find_identifiers
from workdiary.domain.records import (
    ConcernChannel,
    ConcernStatus,
    Profile,
    SupervisionStatus,
    Week,
)
from workdiary.packs import take_snapshot
from workdiary.sample_diary import (
    SAMPLE_LAST_WEEK_FOR_TESTS,
    SAMPLE_PROFILE,
    SAMPLE_WEEKS,
    SampleNeedsEmptyDiary,
    SampleSummary,
    fill_sample_diary,
)
from workdiary.storage import Diary

LAST_WEEK = SAMPLE_LAST_WEEK_FOR_TESTS
FIRST_WEEK = LAST_WEEK - ONE_WEEK * (SAMPLE_WEEKS - 1)


@dataclass(frozen=True)
class Filled:
    path: Path
    summary: SampleSummary
    diary: Diary


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Filled]:
    """One sample diary for the whole module: filling it is the slow part, reading it is not."""
    path = tmp_path_factory.mktemp("sample") / "diary.db"
    summary = fill_sample_diary(path, LAST_WEEK)
    diary = Diary.open(path)
    yield Filled(path, summary, diary)
    diary.close()


def weeks_of(filled: Filled) -> list[Week]:
    return [entry.record for entry in filled.diary.weeks.all()]


def everything_in(path: Path) -> dict[str, Any]:
    """Every record as the diary holds it, with when it was recorded, and the whole audit log."""
    with Diary.open(path) as diary:
        return {
            "profile": diary.profile(),
            "weeks": diary.weeks.all(),
            "sessions": diary.supervision.all(),
            "concerns": diary.concerns.all(),
            "audit": [
                (entry.recorded_at, entry.entity, entry.entity_key, entry.action, entry.record)
                for entry in diary.audit.entries()
            ],
            "head": diary.verify().chain_head,
        }


def test_the_same_week_and_seed_give_the_same_diary(filled: Filled, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    summary = fill_sample_diary(again, LAST_WEEK)

    assert summary == filled.summary
    assert everything_in(again) == everything_in(filled.path)


def test_another_seed_gives_another_diary(filled: Filled, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    fill_sample_diary(other, LAST_WEEK, seed=7)

    with Diary.open(other) as diary:
        capacities = [entry.record.capacity_pct for entry in diary.weeks.all()]
    assert capacities != [week.capacity_pct for week in weeks_of(filled)]


def test_ten_years_of_mondays_with_some_weeks_not_logged(filled: Filled) -> None:
    logged = [week.week_commencing for week in weeks_of(filled)]
    span = list(mondays(FIRST_WEEK, LAST_WEEK))

    assert len(span) == SAMPLE_WEEKS == 520
    assert (LAST_WEEK - FIRST_WEEK).days // 365 >= 9
    assert set(logged) <= set(span)
    assert logged[0] == FIRST_WEEK
    assert logged[-1] == LAST_WEEK
    missing = [monday for monday in span if monday not in logged]
    assert 0.05 * SAMPLE_WEEKS <= len(missing) <= 0.08 * SAMPLE_WEEKS
    assert any(monday + ONE_WEEK in missing for monday in missing), "no spell of 2+ weeks missing"
    assert filled.summary.weeks_logged == len(logged)
    assert filled.summary.weeks_missing == len(missing)
    assert (filled.summary.first_week, filled.summary.last_week) == (FIRST_WEEK, LAST_WEEK)


def test_some_weeks_retrospective_and_some_amended(filled: Filled) -> None:
    entries = filled.diary.weeks.all()
    retrospective = [entry for entry in entries if week_is_retrospective(entry)]
    amended = [entry for entry in entries if entry.amended]

    assert 0.03 * len(entries) <= len(retrospective) <= 0.07 * len(entries)
    assert 0.06 * len(entries) <= len(amended) <= 0.10 * len(entries)
    assert any(entry.amendments >= 2 for entry in amended), "no week amended twice"
    assert filled.summary.weeks_retrospective == len(retrospective)
    assert filled.summary.weeks_amended == len(amended)


def test_weeks_are_mostly_written_up_on_the_friday_or_the_monday_after(filled: Filled) -> None:
    delays = [
        (entry.first_recorded_at.date() - entry.record.week_commencing).days
        for entry in filled.diary.weeks.all()
    ]
    on_time = [delay for delay in delays if 4 <= delay <= 8]

    assert len(on_time) >= 0.9 * len(delays)
    assert min(delays) >= 0


def test_capacity_drifts_within_bounds_with_runs_over_the_threshold(filled: Filled) -> None:
    weeks = weeks_of(filled)
    capacities = [week.capacity_pct for week in weeks]

    assert all(85.0 <= capacity <= 160.0 for capacity in capacities)
    assert all(round(capacity, 1) == capacity for capacity in capacities)
    assert len(runs_at_or_over(weeks, 110.0, 4)) >= 3
    assert any(capacity < 100.0 for capacity in capacities)
    # A drift, not noise: most weeks are within 10 points of the week before.
    steps = [abs(later - earlier) for earlier, later in pairwise(capacities)]
    assert sorted(steps)[len(steps) // 2] < 10.0


def test_the_figures_hang_together(filled: Filled) -> None:
    weeks = weeks_of(filled)

    for week in weeks:
        assert week.caseload is not None and 30 <= week.caseload <= 60
        by_type = [week.cases_community, week.cases_licence, week.cases_custody]
        if all(count is not None for count in by_type):
            assert sum(count or 0 for count in by_type) <= week.caseload
        if week.hours_worked is not None:
            assert 30.0 <= week.hours_worked <= 55.0
            assert week.unpaid_hours is not None and 0 <= week.unpaid_hours <= week.hours_worked
        assert week.breaks_missed_days is not None and 0 <= week.breaks_missed_days <= 5
        assert week.reports_due is not None and 0 <= week.reports_due <= 4
        if week.wmt_read_on is not None:
            assert week.week_commencing <= week.wmt_read_on <= week.week_commencing + ONE_WEEK
    assert {week.contracted_hours for week in weeks} == {37.0, 30.0}
    assert any(week.cases_community is not None for week in weeks)
    assert any(week.toil_earned for week in weeks)
    assert any(week.sick_days for week in weeks)
    assert any(week.leave_days for week in weeks)


def test_notes_carry_welsh_markup_and_one_long_account(filled: Filled) -> None:
    notes = [week.notes for week in weeks_of(filled) if week.notes]
    text = "\n".join(notes)

    assert 0.25 * filled.summary.weeks_logged <= len(notes) <= 0.45 * filled.summary.weeks_logged
    for character in "ŵŷ<&>":
        assert character in text
    assert max(len(note) for note in notes) >= 5000


def test_no_text_looks_like_it_identifies_anyone(filled: Filled) -> None:
    texts = [week.notes for week in weeks_of(filled)]
    texts += [entry.record.actions + entry.record.notes for entry in filled.diary.supervision.all()]
    texts += [
        entry.record.summary + entry.record.response + entry.record.raised_with
        for entry in filled.diary.concerns.all()
    ]

    assert [finding for text in texts for finding in find_identifiers(text, LAST_WEEK)] == []


def test_profile_is_the_sample_officer_with_a_history(filled: Filled) -> None:
    assert filled.diary.profile() == SAMPLE_PROFILE
    assert "ŷ" in filled.diary.profile().name
    assert len(list(filled.diary.audit.entries("profile"))) >= 2


def test_supervision_roughly_every_four_weeks_with_every_outcome(filled: Filled) -> None:
    sessions = [entry.record for entry in filled.diary.supervision.all()]
    days = sorted(session.held_on for session in sessions)
    gaps = [(later - earlier).days for earlier, later in pairwise(days)]

    assert SAMPLE_WEEKS / 6 <= len(sessions) <= SAMPLE_WEEKS / 3
    assert {session.status for session in sessions} == set(SupervisionStatus)
    held = [session for session in sessions if session.status is SupervisionStatus.HELD]
    assert len(held) > len(sessions) / 2
    for session in held:
        assert session.minutes is not None and 30 <= session.minutes <= 90
        assert session.workload_discussed is not None
        assert session.supervisor
    assert {True, False} == {session.workload_discussed for session in held}
    assert any(42 <= gap <= 70 for gap in gaps), "no long gap between sessions"
    assert filled.summary.sessions == len(sessions)


def test_concerns_through_every_channel_many_answered_some_open(filled: Filled) -> None:
    entries = filled.diary.concerns.all()
    concerns = [entry.record for entry in entries]

    assert 30 <= len(concerns) <= 50
    # Every way of raising workload. An access request asks for records instead, and the
    # sample diary has none.
    workload = set(ConcernChannel) - {ConcernChannel.ACCESS_REQUEST}
    assert {concern.channel for concern in concerns} == workload
    answered = [concern for concern in concerns if concern.status is not ConcernStatus.OPEN]
    still_open = [concern for concern in concerns if concern.status is ConcernStatus.OPEN]
    assert len(answered) > len(concerns) / 2
    assert still_open
    assert all(concern.follow_up_on for concern in still_open)
    for concern in answered:
        assert concern.response and concern.response_on is not None
        assert concern.raised_on <= concern.response_on
    # An answer is an amendment, made after the concern was first recorded.
    assert sum(1 for entry in entries if entry.amended) == len(answered)
    assert filled.summary.concerns == len(concerns)


def test_two_weeks_deleted_and_one_logged_again(filled: Filled) -> None:
    actions: dict[str, list[str]] = {}
    for entry in filled.diary.audit.entries("weeks"):
        actions.setdefault(entry.entity_key, []).append(entry.action)
    deleted = sorted(key for key, done in actions.items() if "delete" in done)

    assert len(deleted) == 2 == filled.summary.weeks_deleted
    restored = [key for key in deleted if actions[key][-1] == "restore"]
    assert len(restored) == 1
    still_deleted = next(key for key in deleted if key not in restored)
    assert filled.diary.weeks.get(still_deleted) is None
    logged_again = filled.diary.weeks.get(restored[0])
    # Logged again with a corrected figure: no amendment, and it says when.
    assert logged_again is not None and not logged_again.amended
    [again] = logged_again.recorded_again
    assert again.deleted_at is not None and again.at is not None and again.deleted_at < again.at


def test_the_diary_verifies_and_its_history_only_goes_forward(filled: Filled) -> None:
    report = filled.diary.verify()
    moments = [entry.moment for entry in filled.diary.audit.entries()]

    assert report.intact, report.findings
    assert report.entries == filled.summary.audit_entries == len(moments)
    assert moments == sorted(moments)
    assert moments[0] >= datetime.combine(FIRST_WEEK, datetime.min.time(), UTC)
    assert moments[-1] < datetime.now(UTC)


def test_a_recent_last_week_is_never_recorded_in_the_future(tmp_path: Path) -> None:
    now = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)  # Wednesday of the last week
    path = tmp_path / "diary.db"
    fill_sample_diary(path, LAST_WEEK, now=now)

    with Diary.open(path) as diary:
        moments = [entry.moment for entry in diary.audit.entries()]
        this_week = diary.weeks.get(LAST_WEEK.isoformat())
        report = diary.verify()
    assert report.intact, report.findings
    assert moments == sorted(moments)
    assert moments[-1] < now
    assert this_week is not None
    # The user's calendar decides what "today" is, as it does for validation.
    today = now.astimezone().date()
    assert this_week.record.wmt_read_on is None or this_week.record.wmt_read_on <= today


def test_a_week_that_has_not_started_cannot_end_the_sample(tmp_path: Path) -> None:
    now = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)

    with pytest.raises(ValueError):
        fill_sample_diary(tmp_path / "diary.db", LAST_WEEK + ONE_WEEK, now=now)


def audit_entries(path: Path) -> int:
    """Counted straight from the file, not through the app."""
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_a_diary_with_entries_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "diary.db"
    with Diary.open(path) as diary:
        diary.weeks.save(Week(date(2026, 11, 9), 120.0))
    before = audit_entries(path)

    with pytest.raises(SampleNeedsEmptyDiary) as refused:
        fill_sample_diary(path, LAST_WEEK)

    assert isinstance(refused.value, WorkDiaryError)
    assert "only go into an empty diary" in str(refused.value)
    assert audit_entries(path) == before
    with Diary.open(path) as diary:
        assert [entry.key for entry in diary.weeks.all()] == ["2026-11-09"]
        assert diary.verify().intact


def test_a_deleted_week_still_counts_as_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "diary.db"
    with Diary.open(path) as diary:
        diary.weeks.save(Week(date(2026, 11, 9), 120.0))
        diary.weeks.delete("2026-11-09")

    with pytest.raises(SampleNeedsEmptyDiary):
        fill_sample_diary(path, LAST_WEEK)


def test_a_diary_with_only_a_profile_is_refused_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "diary.db"
    with Diary.open(path) as diary:
        diary.save_profile(Profile(name="Someone Else"))

    with pytest.raises(SampleNeedsEmptyDiary):
        fill_sample_diary(path, LAST_WEEK)

    with Diary.open(path) as diary:
        assert diary.profile() == Profile(name="Someone Else")
        assert audit_entries(path) == 1


def test_any_day_of_the_last_week_means_that_week(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "diary.db"
    summary = fill_sample_diary(path, LAST_WEEK + timedelta(days=3))

    assert summary.last_week == LAST_WEEK
    with Diary.open(path) as diary:
        assert diary.weeks.all()[-1].key == LAST_WEEK.isoformat()


def test_a_diary_filled_with_the_sample_is_marked_as_sample_data_and_a_real_one_is_not(
    filled: Filled, tmp_path: Path
) -> None:
    """The demo's diary and one filled by `workdiary demo` alike: every pack made from either
    must say it is made up."""
    assert filled.diary.holds_sample_data()
    assert take_snapshot(filled.diary).sample_data
    with Diary.open(tmp_path / "real.db") as diary:
        diary.save_profile(SAMPLE_PROFILE)
        assert not diary.holds_sample_data()
        assert not take_snapshot(diary).sample_data
