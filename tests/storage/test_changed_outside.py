"""A record changed behind the app's back is never saved over: saving would take the change into
its history as if the user had made it, and `verify` would no longer see it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.clock import Clock
from tests.storage.test_diary import WEEK, raw
from workdiary.domain.dates import format_moment
from workdiary.domain.errors import DiaryAltered
from workdiary.domain.formatting import recorded_again_words
from workdiary.domain.records import Concern, ConcernChannel
from workdiary.storage import Diary

OTHER_WEEK = replace(WEEK, week_commencing=date(2026, 11, 9), capacity_pct=118.0)


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    with Diary.open(diary_path, Clock()) as opened:
        opened.weeks.save(WEEK)
        opened.weeks.save(OTHER_WEEK)
        yield opened


def audit_entries(diary: Diary) -> int:
    return diary.audit.count()


def test_amending_a_week_changed_behind_the_apps_back_saves_nothing(
    diary: Diary, diary_path: Path
) -> None:
    raw(diary_path, "UPDATE weeks SET capacity_pct = 90 WHERE week_commencing = '2026-11-16'")
    before = audit_entries(diary)
    with pytest.raises(DiaryAltered) as refused:
        diary.weeks.save(replace(WEEK, capacity_pct=90, hours_worked=40))
    said = str(refused.value)
    assert said.startswith("Nothing was saved.")
    assert "Mon 16 Nov 2026" in said and "WMT capacity" in said and "132.5" in said
    assert audit_entries(diary) == before
    # The change is still there for verify to name; the history still says what was saved.
    [finding] = diary.verify().findings
    assert finding.field == "capacity_pct"
    assert finding.message == (  # in the words of the form, not of the file
        "Week commencing Mon 16 Nov 2026: WMT capacity is 90 % in the diary file, but its "
        "history says 132.5 %. It was changed outside Work Diary."
    )
    stored = diary.weeks.get("2026-11-16")
    assert stored is not None and stored.record.hours_worked == WEEK.hours_worked


def test_deleting_a_week_changed_behind_the_apps_back_is_refused(
    diary: Diary, diary_path: Path
) -> None:
    raw(diary_path, "UPDATE weeks SET notes = 'rewritten' WHERE week_commencing = '2026-11-16'")
    with pytest.raises(DiaryAltered):
        diary.weeks.delete("2026-11-16")
    assert diary.weeks.get("2026-11-16") is not None


def test_a_week_removed_or_added_behind_the_apps_back_is_not_saved_over(
    diary: Diary, diary_path: Path
) -> None:
    raw(diary_path, "DELETE FROM weeks WHERE week_commencing = '2026-11-09'")
    with pytest.raises(DiaryAltered, match="removed from the diary file outside Work Diary"):
        diary.weeks.save(OTHER_WEEK)  # would start its history again as if new
    raw(
        diary_path,
        "INSERT INTO weeks (week_commencing, capacity_pct, notes, recorded_at, updated_at, "
        "revision) VALUES ('2026-11-02', 80, '', '2026-11-08T10:00:00+00:00', "
        "'2026-11-08T10:00:00+00:00', 1)",
    )
    with pytest.raises(DiaryAltered, match="added outside Work Diary"):
        diary.weeks.save(replace(WEEK, week_commencing=date(2026, 11, 2), capacity_pct=81))


def test_a_new_record_never_takes_over_the_history_of_one_removed_behind_the_apps_back(
    diary: Diary, diary_path: Path
) -> None:
    concern = Concern(raised_on=date(2026, 11, 17), raised_with="SPO", channel=ConcernChannel.EMAIL,
                      summary="Caseload of 46")  # fmt: skip
    saved = diary.concerns.save(concern)
    raw(diary_path, f"DELETE FROM concerns WHERE id = {saved.entry.key}")
    # SQLite gives the next row the id it just lost: its history is that concern's.
    with pytest.raises(DiaryAltered):
        diary.concerns.save(replace(concern, summary="Another"))
    assert diary.concerns.all() == []


def test_the_rest_of_the_diary_still_saves(diary: Diary, diary_path: Path) -> None:
    raw(diary_path, "UPDATE weeks SET capacity_pct = 90 WHERE week_commencing = '2026-11-16'")
    result = diary.weeks.save(replace(OTHER_WEEK, capacity_pct=121.0))
    assert result.action == "amended"


@pytest.mark.parametrize(
    "damage",
    [
        "record = 'not json'",
        "record = '[]'",
        "record = 'null'",
        "recorded_at = 'yesterday'",
        "recorded_at = '2026-11-20T09:00:00'",  # a time with no zone, as no entry is written
    ],
)
def test_an_audit_entry_changed_so_it_can_no_longer_be_read_is_named_not_a_fault(
    diary: Diary, diary_path: Path, damage: str
) -> None:
    """Whatever reads the history says the diary was changed outside Work Diary, as `verify`
    does; it never fails as if the fault were Work Diary's own."""
    raw(diary_path, "DROP TRIGGER audit_log_no_update")
    raw(diary_path, f"UPDATE audit_log SET {damage} WHERE seq = 2")

    report = diary.verify()
    assert not report.intact
    assert any("Audit entry 2" in finding.message for finding in report.findings)
    with pytest.raises(DiaryAltered, match="Entry 2 of your diary's history was changed"):
        diary.weeks.history(OTHER_WEEK.week_commencing.isoformat())
    # The rest of the diary still saves, dated as ever.
    diary.weeks.save(replace(WEEK, capacity_pct=140.0))
    stored = diary.weeks.get("2026-11-16")
    assert stored is not None and stored.record.capacity_pct == 140.0


def test_a_logging_again_whose_date_was_changed_outside_still_reads_without_that_date(
    diary: Diary, diary_path: Path
) -> None:
    """History and `show` still open: the week says it was deleted and logged again, with no
    day the diary can no longer vouch for, and `verify` names the entry."""
    key = OTHER_WEEK.week_commencing.isoformat()
    diary.weeks.delete(key)
    diary.weeks.save(OTHER_WEEK)
    raw(diary_path, "DROP TRIGGER audit_log_no_update")
    raw(diary_path, "UPDATE audit_log SET recorded_at = 'yesterday' WHERE action = 'restore'")

    entry = diary.weeks.get(key)
    assert entry is not None and entry.amendments == 0
    [again] = entry.recorded_again
    assert again.deleted_at is not None and again.at is None
    assert recorded_again_words(entry.recorded_again, dated=True) == "deleted and logged again"
    assert [week.key for week in diary.weeks.all()] == [key, WEEK.week_commencing.isoformat()]
    assert not diary.verify().intact


def test_a_record_backdated_in_the_file_is_named_in_words(diary: Diary, diary_path: Path) -> None:
    """What the diary keeps beside a record (when it was recorded, its revision) is named as the
    user would say it, not by its column, and a time as the app shows times."""
    [stored] = diary.query("SELECT recorded_at FROM weeks WHERE week_commencing = '2026-11-09'")
    raw(
        diary_path,
        "UPDATE weeks SET recorded_at = '2026-11-17T09:00:00.000000+00:00' "
        "WHERE week_commencing = '2026-11-09'",
    )
    [finding] = diary.verify().findings
    backdated = format_moment(datetime(2026, 11, 17, 9, 0, tzinfo=UTC))
    first = format_moment(datetime.fromisoformat(stored["recorded_at"]))
    assert finding.message == (
        f"Week commencing Mon 09 Nov 2026: the time it was first recorded is {backdated} in the "
        f"diary file, but its history says {first}. It was changed outside Work Diary."
    )


def test_a_change_the_app_would_show_alike_is_named_as_stored(
    diary: Diary, diary_path: Path
) -> None:
    """A time moved by seconds, or a figure changed in a decimal place the app does not show,
    would read the same both ways as the app shows it: the message quotes both exactly as
    stored, so the change is plain."""
    [stored] = diary.query("SELECT recorded_at FROM weeks WHERE week_commencing = '2026-11-09'")
    moved = datetime.fromisoformat(stored["recorded_at"]).replace(second=59, microsecond=0)
    raw(
        diary_path,
        f"UPDATE weeks SET recorded_at = '{moved.isoformat()}', capacity_pct = 118.004 "
        "WHERE week_commencing = '2026-11-09'",
    )
    said = {finding.field: finding.message for finding in diary.verify().findings}
    assert (
        f"the time it was first recorded is '{moved.isoformat()}' in the diary file, but its "
        f"history says '{stored['recorded_at']}'."
    ) in said["recorded_at"]
    assert (
        "WMT capacity is 118.004 in the diary file, but its history says 118.0."
        in (said["capacity_pct"])
    )


def test_text_changed_in_the_file_is_quoted(diary: Diary, diary_path: Path) -> None:
    raw(
        diary_path,
        "UPDATE weeks SET notes = 'Gwŷn <said> & \"fine\"' WHERE week_commencing = '2026-11-16'",
    )
    [finding] = diary.verify().findings
    assert finding.message.startswith(
        "Week commencing Mon 16 Nov 2026: Notes is 'Gwŷn <said> & \"fine\"' in the diary file, "
        "but its history says (empty)."
    )
