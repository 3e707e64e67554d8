"""Reading the records of one table back, deleted ones included, as the window shows them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.clock import Clock
from workdiary.domain.records import SupervisionSession, SupervisionStatus
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
