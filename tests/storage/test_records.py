"""Reading the records of one table back, deleted ones included, as the window shows them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.clock import Clock
from workdiary.domain.records import RecordedAgain, SupervisionSession, SupervisionStatus, Week
from workdiary.storage import Diary

HELD = SupervisionStatus.HELD


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def diary(diary_path: Path, clock: Clock) -> Iterator[Diary]:
    with Diary.open(diary_path, clock) as opened:
        yield opened


def test_a_deleted_record_reads_back_as_it_stood_with_when_it_was_deleted(
    diary: Diary, clock: Clock
) -> None:
    first_recorded = clock.now
    amended = diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60))
    untouched = diary.supervision.save(SupervisionSession(date(2026, 11, 12), HELD, "GW", 30))
    kept = diary.supervision.save(SupervisionSession(date(2026, 11, 17), HELD, "GW", 45))
    clock.now += timedelta(hours=1)
    amended_at = clock.now
    diary.supervision.save(
        SupervisionSession(date(2026, 11, 10), HELD, "GW", 90), amended.entry.key
    )
    clock.now += timedelta(days=2)
    deleted_at = clock.now
    diary.supervision.delete(amended.entry.key)
    diary.supervision.delete(untouched.entry.key)

    first, second = diary.supervision.deleted_entries()
    assert first.entry.key == amended.entry.key and first.deleted_at == deleted_at
    assert first.entry.record == SupervisionSession(date(2026, 11, 10), HELD, "GW", 90)
    # Deleting is no amendment: it was amended once, and last changed then.
    assert first.entry.amendments == 1 and first.entry.last_changed_at == amended_at
    assert first.entry.first_recorded_at == first_recorded
    assert second.entry.key == untouched.entry.key
    assert not second.entry.amended and second.entry.last_changed_at == first_recorded
    assert kept.entry.key not in {first.entry.key, second.entry.key}

    # Recorded again, it is no longer among the deleted.
    diary.supervision.save(untouched.entry.record, untouched.entry.key)
    assert [gone.entry.key for gone in diary.supervision.deleted_entries()] == [amended.entry.key]
    assert diary.weeks.deleted_entries() == []


WEEK = Week(date(2026, 11, 9), 132.5, caseload=46)
MONDAY = WEEK.week_commencing.isoformat()


def test_a_week_deleted_and_logged_again_was_not_amended_and_says_when(
    diary: Diary, clock: Clock
) -> None:
    """Three writes after the first (delete, log again), but no amendment: what it held was
    never changed, it was taken out and entered afresh."""
    first_recorded = clock.now
    diary.weeks.save(WEEK)
    clock.now += timedelta(days=1)
    deleted_at = clock.now
    diary.weeks.delete(MONDAY)
    clock.now += timedelta(days=9)
    logged_again_at = clock.now
    result = diary.weeks.save(replace(WEEK, capacity_pct=128.0))

    for entry in (result.entry, diary.weeks.get(MONDAY), *diary.weeks.all()):
        assert entry is not None
        assert entry.revision == 3  # the copy's revision, as a save from a stale copy checks
        assert entry.amendments == 0 and not entry.amended
        assert entry.recorded_again == (RecordedAgain(deleted_at, logged_again_at),)
        assert entry.first_recorded_at == first_recorded

    # Amended since: one amendment, and it was still deleted and logged again once.
    clock.now += timedelta(hours=1)
    amended = diary.weeks.save(replace(WEEK, capacity_pct=129.0)).entry
    assert (amended.revision, amended.amendments) == (4, 1)
    assert amended.recorded_again == (RecordedAgain(deleted_at, logged_again_at),)
    assert diary.verify().intact


def test_amendments_before_a_deletion_still_count_once_the_week_is_logged_again(
    diary: Diary, clock: Clock
) -> None:
    """Its history keeps them, and a reader of the record must know there were some."""
    diary.weeks.save(WEEK)
    for capacity in (130.0, 131.0):
        clock.now += timedelta(hours=1)
        diary.weeks.save(replace(WEEK, capacity_pct=capacity))
    for again in range(2):
        clock.now += timedelta(days=1)
        diary.weeks.delete(MONDAY)
        clock.now += timedelta(days=1)
        diary.weeks.save(replace(WEEK, capacity_pct=140.0 + again))

    entry = diary.weeks.get(MONDAY)
    assert entry is not None
    assert entry.amendments == 2 and len(entry.recorded_again) == 2
    assert entry.recorded_again[-1].at == clock.now
    # Deleted once more, it reads back as it stood, with the story up to then.
    clock.now += timedelta(days=1)
    diary.weeks.delete(MONDAY)
    [gone] = diary.weeks.deleted_entries()
    assert gone.entry.amendments == 2 and len(gone.entry.recorded_again) == 2


def test_a_restored_session_was_not_amended_and_says_when_it_was_restored(
    diary: Diary, clock: Clock
) -> None:
    key = diary.supervision.save(SupervisionSession(date(2026, 11, 10), HELD, "GW", 60)).entry.key
    clock.now += timedelta(hours=1)
    deleted_at = clock.now
    diary.supervision.delete(key)
    clock.now += timedelta(days=3)
    restored = diary.supervision.restore(key).entry

    assert restored.amendments == 0 and restored.revision == 3
    assert restored.recorded_again == (RecordedAgain(deleted_at, clock.now),)
    assert diary.supervision.all() == [restored]
