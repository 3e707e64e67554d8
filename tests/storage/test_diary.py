"""The diary file and the evidence rules: history kept, nothing changed silently, edits named."""

from __future__ import annotations

import itertools
import os
import sqlite3
import stat
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.clock import Clock
from tests.processes import modules_loaded
from workdiary.domain.dates import format_moment
from workdiary.domain.errors import (
    ChangedElsewhere,
    ClockBehind,
    DiaryDamaged,
    DiaryLocked,
    DiaryTooNew,
    IdentifierWarning,
    InvalidInput,
    NotFound,
)
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    Profile,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.storage import Diary
from workdiary.storage import diary as diary_module

WEEK = Week(date(2026, 11, 16), 132.5, caseload=46, hours_worked=44.5, unpaid_hours=7.5)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def diary(diary_path: Path, clock: Clock) -> Diary:
    opened = Diary.open(diary_path, clock)
    yield opened  # type: ignore[misc]
    opened.close()


def raw(path: Path, sql: str) -> None:
    """An edit made behind the app's back, as with the sqlite3 shell."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(sql)
    connection.close()


def test_a_new_diary_is_created_private_with_every_table(diary: Diary, diary_path: Path) -> None:
    tables = {
        row["name"] for row in diary.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    assert {
        "profile",
        "weeks",
        "supervision_sessions",
        "concerns",
        "attachments",
        "exports",
    } <= tables
    assert "audit_log" in tables
    if os.name == "posix":
        assert stat.S_IMODE(diary_path.stat().st_mode) == 0o600
    assert diary.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert diary.connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_reopening_keeps_everything_and_migrates_nothing_twice(
    diary_path: Path, clock: Clock
) -> None:
    with Diary.open(diary_path, clock) as first:
        first.weeks.save(WEEK)
    with Diary.open(diary_path, clock) as second:
        assert second.weeks.get("2026-11-16") is not None
        assert second.weeks.get("2026-11-16").record == WEEK  # type: ignore[union-attr]
        assert len(second.query("SELECT * FROM _sqlite_migrations")) == 1


def test_a_week_is_recorded_with_when_it_was_recorded(diary: Diary, clock: Clock) -> None:
    result = diary.weeks.save(WEEK)
    assert result.action == "created"
    assert result.entry.first_recorded_at == clock.now
    assert result.entry.revision == 1 and not result.entry.amended


def test_amending_keeps_the_first_figures_in_the_history(diary: Diary, clock: Clock) -> None:
    diary.weeks.save(WEEK)
    first_time = clock.now
    clock.now += timedelta(days=2)
    result = diary.weeks.save(replace(WEEK, capacity_pct=128.0, notes="WMT corrected"))
    assert result.action == "amended"
    assert {change.field: (change.old, change.new) for change in result.changes} == {
        "capacity_pct": (132.5, 128.0),
        "notes": ("", "WMT corrected"),
    }
    entry = diary.weeks.get("2026-11-16")
    assert entry is not None
    assert (entry.first_recorded_at, entry.last_changed_at) == (first_time, clock.now)
    assert entry.amended and entry.amendments == 1
    history = diary.weeks.history("2026-11-16")
    assert [event.action for event in history] == ["create", "amend"]
    assert ("capacity_pct", None, 132.5) in [(c.field, c.old, c.new) for c in history[0].changes]
    assert next((c.field, c.old, c.new) for c in history[1].changes) == (
        "capacity_pct",
        132.5,
        128.0,
    )
    assert history[1].at == clock.now


def test_saving_the_same_figures_again_changes_nothing(diary: Diary) -> None:
    diary.weeks.save(WEEK)
    entries = diary.audit.count()
    assert diary.weeks.save(WEEK).action == "unchanged"
    assert diary.audit.count() == entries


def test_text_that_looks_the_same_is_the_same_text_and_no_amendment(diary: Diary) -> None:
    """A tribunal shown "amended" for a change no one can see would be misled."""
    whole = diary.weeks.save(replace(WEEK, notes="Dŵr a thân\n"))  # ŵ as one character
    assert whole.entry.record.notes == "Dŵr a thân"
    entries = diary.audit.count()
    for same in ("Dw\u0302r a tha\u0302n", "Dŵr a thân  ", "\nDŵr a thân\u00a0"):
        assert diary.weeks.save(replace(WEEK, notes=same)).action == "unchanged"
    assert diary.audit.count() == entries
    entry = diary.weeks.get("2026-11-16")
    assert entry is not None and not entry.amended

    # Spaces alone are no notes at all.
    diary.weeks.save(replace(WEEK, notes="   "))
    entry = diary.weeks.get("2026-11-16")
    assert entry is not None and entry.record.notes == ""
    profile = diary.save_profile(Profile(name="  Siân Llŷr "))
    assert profile.entry.record.name == "Siân Llŷr"


def test_invalid_figures_save_nothing(diary: Diary) -> None:
    diary.weeks.save(WEEK)
    with pytest.raises(InvalidInput, match="between 0 and 400"):
        diary.weeks.save(replace(WEEK, capacity_pct=900.0))
    assert diary.weeks.get("2026-11-16").record == WEEK  # type: ignore[union-attr]
    assert diary.audit.count() == 1


def test_a_week_that_has_not_started_is_refused(diary: Diary) -> None:
    with pytest.raises(InvalidInput, match="has not started yet"):
        diary.weeks.save(replace(WEEK, week_commencing=date(2026, 11, 23)))
    assert diary.weeks.all() == []


def test_identifiers_need_the_users_say_so(diary: Diary) -> None:
    with pytest.raises(IdentifierWarning, match="case reference"):
        diary.weeks.save(replace(WEEK, notes="Visit for X123456"))
    assert diary.weeks.all() == [] and diary.audit.count() == 0
    diary.weeks.save(replace(WEEK, notes="Visit for X123456"), allow_identifiers=True)
    # Amending another field does not ask again about text already accepted.
    diary.weeks.save(replace(WEEK, notes="Visit for X123456", capacity_pct=140.0))
    assert diary.weeks.get("2026-11-16").record.capacity_pct == 140.0  # type: ignore[union-attr]


def test_a_clock_reading_before_the_last_entry_needs_the_users_say_so(
    diary: Diary, clock: Clock
) -> None:
    """A save dated back is one `verify` and every pack point out, so none is made unasked: not a
    save, not a deletion, not the profile. Once said yes to, the next save is dated after it."""
    diary.weeks.save(WEEK)
    last_entry = clock.now
    clock.now -= timedelta(minutes=4)  # a clock put right by minutes is no cause for doubt
    assert diary.clock_behind() is None
    clock.now = last_entry - timedelta(days=2)
    with pytest.raises(ClockBehind) as behind:
        diary.weeks.save(replace(WEEK, capacity_pct=140.0))
    assert str(behind.value).startswith(
        f"Your computer's clock says it is {format_moment(clock.now)}, but your diary's last "
        f"entry was made at {format_moment(last_entry)}"
    )
    for refused in (
        lambda: diary.weeks.delete("2026-11-16"),
        lambda: diary.save_profile(replace(diary.profile(), name="Ffion")),
        lambda: diary.concerns.save(Concern(date(2026, 11, 3), "SPO", ConcernChannel.EMAIL, "x")),
    ):
        with pytest.raises(ClockBehind):
            refused()
    assert diary.audit.count() == 1 and diary.weeks.get("2026-11-16").record == WEEK  # type: ignore[union-attr]
    diary.weeks.save(replace(WEEK, capacity_pct=140.0), allow_clock_behind=True)
    clock.now += timedelta(minutes=1)
    assert diary.clock_behind() is None
    diary.weeks.delete("2026-11-16")
    assert diary.audit.count() == 3


def test_deletion_is_soft_and_a_deleted_week_can_be_logged_again(
    diary: Diary, clock: Clock
) -> None:
    diary.weeks.save(WEEK)
    assert diary.weeks.count() == 1
    clock.now += timedelta(hours=1)
    diary.weeks.delete("2026-11-16")
    assert diary.weeks.get("2026-11-16") is None and diary.weeks.all() == []
    assert diary.weeks.count() == 0
    assert diary.connection.execute("SELECT count(*) FROM weeks").fetchone()[0] == 1
    with pytest.raises(NotFound):
        diary.weeks.delete("2026-11-16")
    clock.now += timedelta(hours=1)
    result = diary.weeks.save(replace(WEEK, capacity_pct=120.0, hours_worked=None))
    assert result.action == "restored"
    history = diary.weeks.history("2026-11-16")
    assert [event.action for event in history] == ["create", "delete", "restore"]
    # Logged again, it says what it holds, changed or not, as when first recorded.
    assert {(change.field, change.new) for change in history[2].changes} == {
        ("week_commencing", "2026-11-16"),
        ("capacity_pct", 120.0),
        ("caseload", 46),
        ("unpaid_hours", 7.5),
    }
    assert diary.verify().intact


def test_a_deleted_session_is_restored_as_it_was_keeping_when_it_was_first_recorded(
    diary: Diary, clock: Clock
) -> None:
    session = SupervisionSession(date(2026, 11, 17), SupervisionStatus.HELD, "GW", 60, True)
    key = diary.supervision.save(session).entry.key
    first = clock.now
    clock.now += timedelta(hours=1)
    diary.supervision.delete(key)
    clock.now = first - timedelta(days=1)  # a clock put back: nothing is restored unasked
    with pytest.raises(ClockBehind):
        diary.supervision.restore(key)
    assert diary.supervision.get(key) is None
    clock.now = first + timedelta(days=3)
    result = diary.supervision.restore(key)
    assert result.action == "restored"
    restored = diary.supervision.get(key)
    assert restored is not None and restored.record == session
    assert restored.first_recorded_at == first
    assert [event.action for event in diary.supervision.history(key)] == [
        "create",
        "delete",
        "restore",
    ]
    for missing in (key, "99"):  # restored already; never recorded
        with pytest.raises(NotFound):
            diary.supervision.restore(missing)
    assert diary.verify().intact


def test_a_save_from_a_copy_read_before_another_save_is_refused_and_says_what_changed(
    diary: Diary, clock: Clock
) -> None:
    """Saving a form filled before a command or another window saved the week would put back
    what that save changed, without a word."""
    key = WEEK.week_commencing.isoformat()
    first = diary.weeks.save(WEEK).entry
    clock.now += timedelta(hours=1)
    diary.weeks.save(replace(WEEK, hours_worked=47.0), read_at=first.revision)  # elsewhere
    entries = diary.audit.count()

    with pytest.raises(ChangedElsewhere) as changed:
        diary.weeks.save(replace(WEEK, notes="Two reports due"), read_at=first.revision)
    assert "was saved at" in str(changed.value)
    assert [(c.field, c.old, c.new) for c in changed.value.changes] == [
        ("hours_worked", 44.5, 47.0)
    ]
    stored = diary.weeks.get(key)
    assert stored is not None and stored.record.hours_worked == 47.0 and stored.record.notes == ""
    assert diary.audit.count() == entries

    # Told, the user may save their copy over it; the history keeps both.
    saved = diary.weeks.save(replace(WEEK, notes="Two reports due"), read_at=changed.value.revision)
    assert saved.entry.record.hours_worked == 44.5 and saved.entry.revision == 3

    # A week logged elsewhere while a form for it was still empty, and one deleted meanwhile.
    other = replace(WEEK, week_commencing=WEEK.week_commencing - timedelta(weeks=1))
    diary.weeks.save(other)
    with pytest.raises(ChangedElsewhere) as logged:
        diary.weeks.save(other, read_at=0)
    assert {c.field for c in logged.value.changes} >= {"capacity_pct", "caseload"}
    diary.weeks.delete(key)
    with pytest.raises(ChangedElsewhere) as deleted:
        diary.weeks.save(WEEK, read_at=saved.entry.revision)
    assert "was deleted" in str(deleted.value) and deleted.value.changes == []
    assert diary.weeks.get(key) is None


def test_keys_not_deleted_name_the_records_in_order(diary: Diary) -> None:
    for monday in (date(2026, 11, 16), date(2026, 11, 2), date(2026, 11, 9)):
        diary.weeks.save(replace(WEEK, week_commencing=monday))
    diary.weeks.delete("2026-11-09")
    assert diary.weeks.keys_not_deleted() == ["2026-11-02", "2026-11-16"]
    assert diary.weeks.keys_not_deleted() == [entry.key for entry in diary.weeks.all()]
    for day in (18, 4):
        diary.supervision.save(SupervisionSession(date(2026, 11, day), SupervisionStatus.HELD))
    assert diary.supervision.keys_not_deleted() == ["1", "2"]  # by id, the order they were saved in


def test_supervision_and_concerns_are_audited_too(diary: Diary, clock: Clock) -> None:
    session = diary.supervision.save(
        SupervisionSession(date(2026, 11, 18), SupervisionStatus.CANCELLED_BY_MANAGER, "JM")
    )
    concern = diary.concerns.save(
        Concern(date(2026, 11, 19), "SPO (J.M.)", ConcernChannel.EMAIL, "Caseload at 132 %")
    )
    answered = replace(concern.entry.record, response="Will review", response_on=date(2026, 11, 20))
    clock.now += timedelta(days=1)
    diary.concerns.save(answered, concern.entry.key)
    assert diary.supervision.all()[0].record.status is SupervisionStatus.CANCELLED_BY_MANAGER
    assert diary.concerns.get(concern.entry.key).record == answered  # type: ignore[union-attr]
    assert [e.action for e in diary.concerns.history(concern.entry.key)] == ["create", "amend"]
    assert session.entry.key == "1"
    assert diary.verify().intact


def test_the_profile_is_audited_and_has_defaults(diary: Diary) -> None:
    assert diary.profile() == Profile()
    diary.save_profile(Profile(name="Rhiannon Llŷr", hourly_rate=19.87))
    diary.save_profile(Profile(name="Rhiannon Llŷr", hourly_rate=20.5))
    assert diary.profile().hourly_rate == 20.5
    assert diary.verify().intact


def test_the_audit_log_refuses_updates_and_deletes(diary: Diary, diary_path: Path) -> None:
    diary.weeks.save(WEEK)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw(diary_path, "UPDATE audit_log SET record = '{}'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw(diary_path, "DELETE FROM audit_log")
    assert diary.verify().intact


def test_every_entry_is_chained_to_the_one_before(diary: Diary, clock: Clock) -> None:
    for capacity in (100.0, 110.0, 120.0):
        clock.now += timedelta(minutes=5)
        diary.weeks.save(replace(WEEK, capacity_pct=capacity))
    entries = list(diary.audit.entries())
    assert [entry.seq for entry in entries] == [1, 2, 3]
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(entries))
    assert all(entry.hash == entry.expected_hash() for entry in entries)
    assert diary.verify().chain_head == entries[-1].hash
    assert diary.audit.latest() == entries[-1]


def test_verify_names_the_week_and_field_changed_behind_the_apps_back(
    diary: Diary, diary_path: Path
) -> None:
    diary.weeks.save(WEEK)
    assert diary.verify().intact
    raw(diary_path, "UPDATE weeks SET capacity_pct = 90 WHERE week_commencing = '2026-11-16'")
    report = diary.verify()
    assert not report.intact
    [finding] = report.findings
    assert (finding.entity, finding.key, finding.field) == ("weeks", "2026-11-16", "capacity_pct")
    assert "Mon 16 Nov 2026" in finding.message and "132.5" in finding.message


def test_verify_names_an_entry_saved_while_the_clock_had_been_put_back(
    diary: Diary, clock: Clock
) -> None:
    """Put back a fortnight, the clock would let a week logged late look as if it was logged on
    time: the chain is intact, but the entry dated back is named, with both dates."""
    diary.weeks.save(WEEK)
    on_time = clock.now
    clock.now -= timedelta(minutes=4)  # a clock put right by minutes is no cause for doubt
    diary.weeks.save(replace(WEEK, capacity_pct=133.0))
    assert diary.verify().dated_backwards == []
    clock.now = on_time - timedelta(days=14)
    diary.weeks.save(replace(WEEK, week_commencing=date(2026, 11, 2)), allow_clock_behind=True)
    clock.now = on_time + timedelta(days=1)
    diary.weeks.save(replace(WEEK, week_commencing=date(2026, 11, 9)))
    report = diary.verify()
    assert report.intact
    assert [finding.message for finding in report.dated_backwards] == [
        "Audit entry 3 (Week commencing Mon 02 Nov 2026) is dated "
        f"{format_moment(on_time - timedelta(days=14))}, earlier than the entry before it "
        f"({format_moment(on_time - timedelta(minutes=4))})."
    ]


def test_verify_spots_records_added_or_removed_behind_the_apps_back(
    diary: Diary, diary_path: Path
) -> None:
    diary.weeks.save(WEEK)
    diary.weeks.save(replace(WEEK, week_commencing=date(2026, 11, 9)))
    raw(diary_path, "DELETE FROM weeks WHERE week_commencing = '2026-11-09'")
    raw(
        diary_path,
        "INSERT INTO weeks (week_commencing, capacity_pct, notes, recorded_at, updated_at, "
        "revision) VALUES ('2026-11-02', 80, '', '2026-11-08T10:00:00+00:00', "
        "'2026-11-08T10:00:00+00:00', 1)",
    )
    messages = " ".join(finding.message for finding in diary.verify().findings)
    assert "Mon 09 Nov 2026 has been removed" in messages
    assert "Mon 02 Nov 2026 was added outside Work Diary" in messages


def test_verify_spots_a_rewritten_audit_entry(diary: Diary, diary_path: Path) -> None:
    diary.weeks.save(WEEK)
    diary.weeks.save(replace(WEEK, capacity_pct=100.0))
    raw(diary_path, "DROP TRIGGER audit_log_no_update")
    raw(diary_path, "UPDATE audit_log SET record = replace(record, '132.5', '99.5') WHERE seq = 1")
    messages = [finding.message for finding in diary.verify().findings]
    assert any("audit_log_no_update" in message for message in messages)
    assert any("Audit entry 1" in message and "altered" in message for message in messages)


def test_verify_spots_a_removed_audit_entry(diary: Diary, diary_path: Path, clock: Clock) -> None:
    for capacity in (100.0, 110.0, 120.0):
        diary.weeks.save(replace(WEEK, capacity_pct=capacity))
    raw(diary_path, "DROP TRIGGER audit_log_no_delete")
    raw(diary_path, "DELETE FROM audit_log WHERE seq = 2")
    assert any("entries 2 to 2 are missing" in f.message for f in diary.verify().findings)


def test_a_file_that_is_not_a_diary_is_refused_and_left_alone(diary_path: Path) -> None:
    diary_path.parent.mkdir(parents=True)
    diary_path.write_bytes(b"this is a letter, not a diary\n" * 100)
    before = diary_path.read_bytes()
    with pytest.raises(DiaryDamaged, match="Work Diary has not written to the file"):
        Diary.open(diary_path)
    assert diary_path.read_bytes() == before
    assert sorted(path.name for path in diary_path.parent.iterdir()) == ["diary.db"]


def test_a_damaged_diary_is_refused_and_left_alone(diary_path: Path, clock: Clock) -> None:
    with Diary.open(diary_path, clock) as diary:
        for week in range(30):
            monday = date(2026, 11, 16) - timedelta(weeks=week)
            diary.weeks.save(replace(WEEK, week_commencing=monday, notes="n" * 2000))
        diary.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(diary_path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 64] = b"\xff" * 64  # scribble over a page
    diary_path.write_bytes(bytes(data))
    with pytest.raises(DiaryDamaged, match="damaged"):
        Diary.open(diary_path, clock)
    assert diary_path.read_bytes() == bytes(data)


@pytest.mark.parametrize(
    ("contents", "plain", "technical"),
    [
        (
            "scribbled",
            "is damaged: Work Diary cannot read the records in it.",
            "SQLite reports “database disk image is malformed”",
        ),
        (
            "a letter",
            "is not a diary Work Diary can read: it may be damaged, or another kind of file may "
            "have been put in its place.",
            "the file does not begin as an SQLite database does",
        ),
    ],
)
def test_a_damaged_diary_is_said_so_in_plain_words_with_what_to_do(
    contents: str, plain: str, technical: str, diary_path: Path, clock: Clock
) -> None:
    """Said to someone who has never heard of SQLite: what is wrong, that nothing was changed,
    and what to do. SQLite's words come last, for whoever helps them, and only there."""
    with Diary.open(diary_path, clock) as diary:
        for week in range(30):
            monday = date(2026, 11, 16) - timedelta(weeks=week)
            diary.weeks.save(replace(WEEK, week_commencing=monday, notes="n" * 2000))
    if contents == "scribbled":
        data = bytearray(diary_path.read_bytes())
        data[4096 * 2 :] = b"A" * (len(data) - 4096 * 2)
        diary_path.write_bytes(bytes(data))
    else:
        diary_path.write_bytes(b"Dear Sir or Madam,\n" * 100)
    with pytest.raises(DiaryDamaged) as refused:
        Diary.open(diary_path, clock)
    said, helper = str(refused.value).rsplit("\n\n", 1)
    assert said.startswith(f"{'Your diary file' if contents == 'scribbled' else 'The file'} "
                           f"{diary_path} {plain} Nothing was saved or changed: Work Diary has "
                           "not written to the file.\n\n")  # fmt: skip
    assert (
        "What to do: first copy that file somewhere safe and keep the copy as it is" in said
        and "if you have an earlier copy of your diary" in said
        and "put that copy in place of" in said
        and "(Help → Check your diary, or `workdiary verify`)" in said
    )
    for jargon in ("SQLite", "malformed", "database", "disk image", "quick_check"):
        assert jargon not in said
    assert helper == f"(For whoever helps you: {technical}.)"


def test_a_damaged_diary_with_saves_still_beside_it_is_refused_and_both_left_alone(
    tmp_path: Path, diary_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a crash leaves them: the latest saves still in diary.db-wal. Refusing the diary must
    not copy them into it, nor remove that file: the user keeps exactly what they had."""
    monkeypatch.setattr(Diary, "_empty_the_wal", lambda _diary: None)
    with Diary.open(diary_path, clock) as diary:
        for week in range(30):
            monday = date(2026, 11, 16) - timedelta(weeks=week)
            diary.weeks.save(replace(WEEK, week_commencing=monday, notes="n" * 2000))
        diary.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        diary.connection.execute("PRAGMA wal_autocheckpoint = 0")
        diary.weeks.save(replace(WEEK, week_commencing=date(2026, 11, 16) - timedelta(weeks=30)))
        crashed = tmp_path / "crashed"
        crashed.mkdir()
        for name in ("diary.db", "diary.db-wal"):
            (crashed / name).write_bytes((diary_path.parent / name).read_bytes())
    data = bytearray((crashed / "diary.db").read_bytes())
    data[4096 * 40 : 4096 * 40 + 64] = b"\xff" * 64  # scribble over a page the -wal does not hold
    (crashed / "diary.db").write_bytes(bytes(data))
    before = {path.name: path.read_bytes() for path in crashed.iterdir()}
    assert before["diary.db-wal"]
    with pytest.raises(DiaryDamaged, match="Work Diary has not written to the file"):
        Diary.open(crashed / "diary.db", clock)
    after = {path.name: path.read_bytes() for path in crashed.iterdir() if path.suffix != ".db-shm"}
    assert {name: after.get(name) for name in before} == before


def test_a_diary_from_a_newer_version_is_refused_and_left_alone(
    diary_path: Path, clock: Clock
) -> None:
    Diary.open(diary_path, clock).close()
    raw(
        diary_path,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('workdiary', 'm999_from_the_future', '2030-01-01')",
    )
    before = diary_path.read_bytes()
    with pytest.raises(DiaryTooNew, match="newer version"):
        Diary.open(diary_path, clock)
    assert diary_path.read_bytes() == before


def test_another_programs_database_named_as_the_diary_is_refused_and_left_alone(
    diary_path: Path, clock: Clock
) -> None:
    diary_path.parent.mkdir(parents=True, exist_ok=True)
    raw(diary_path, "CREATE TABLE contacts (name TEXT)")
    before = diary_path.read_bytes()
    with pytest.raises(DiaryDamaged, match="is not a diary Work Diary can read") as refused:
        Diary.open(diary_path, clock)
    assert "Work Diary has not written to the file" in str(refused.value)
    assert diary_path.read_bytes() == before


def test_a_diary_whose_record_of_its_version_was_emptied_is_refused_and_left_alone(
    diary_path: Path, clock: Clock
) -> None:
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(WEEK)
    raw(diary_path, "DELETE FROM _sqlite_migrations")
    before = diary_path.read_bytes()
    with pytest.raises(DiaryDamaged, match="is not a diary Work Diary can read"):
        Diary.open(diary_path, clock)
    assert diary_path.read_bytes() == before


def test_a_busy_diary_says_so_and_keeps_what_was_saved(
    diary: Diary, diary_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    diary.weeks.save(WEEK)
    diary.connection.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(diary_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DiaryLocked, match="busy"):
            diary.weeks.save(replace(WEEK, capacity_pct=100.0))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert diary.weeks.get("2026-11-16").record == WEEK  # type: ignore[union-attr]
    assert diary.verify().intact
    assert diary_module.BUSY_TIMEOUT_MS >= 1000  # in real use, wait for the other writer first


def test_the_app_knows_every_migration_it_ships() -> None:
    from workdiary.storage.migrations import MIGRATIONS
    from workdiary.storage.schema import KNOWN_MIGRATIONS

    assert [migration.name for migration in MIGRATIONS._migrations] == list(KNOWN_MIGRATIONS)


def test_opening_an_up_to_date_diary_does_not_load_the_migrations(diary_path: Path) -> None:
    diary_path.parent.mkdir(parents=True)
    Diary.open(diary_path).close()
    code = (
        "from pathlib import Path; from workdiary.storage import Diary; "
        f"d = Diary.open(Path({str(diary_path)!r})); d.weeks.all(); d.verify()"
    )
    assert modules_loaded(code, ("sqlite_utils",)) == []
