"""Taking a snapshot of the diary for a pack, and recording an export."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    Profile,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.evidence.pack_data import fingerprint, pack_data
from workdiary.evidence.snapshot import PackOptions
from workdiary.packs import (
    PackOrigin,
    compare_with_diary,
    default_file_name,
    save_pack,
    take_snapshot,
)
from workdiary.storage import Diary


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as opened:
        opened.save_profile(Profile(name="Rhiannon Llŷr / Cardiff"))
        opened.weeks.save(Week(date(2026, 11, 9), 120.0))
        opened.weeks.save(Week(date(2026, 11, 9), 125.0))
        yield opened


def test_a_snapshot_holds_the_records_and_their_audit_entries(diary: Diary) -> None:
    snapshot = take_snapshot(diary)
    assert [entry.record.capacity_pct for entry in snapshot.weeks] == [125.0]
    assert [(a.entity, a.action) for a in snapshot.audit] == [
        ("profile", "create"),
        ("weeks", "create"),
        ("weeks", "amend"),
    ]
    assert snapshot.audit[-1].record["capacity_pct"] == 125.0
    assert (snapshot.audit_entries, snapshot.chain_head) == diary.audit.head()
    assert snapshot.profile.name == "Rhiannon Llŷr / Cardiff"


def test_saving_a_pack_writes_it_and_records_the_export(diary: Diary, tmp_path: Path) -> None:
    snapshot = take_snapshot(diary)
    options = PackOptions(date(2026, 11, 2), date(2026, 11, 16))
    name = default_file_name(snapshot, options)
    assert name == "WorkDiary-Rhiannon-Ll-r-Cardiff-2026-11-02-to-2026-11-22.pdf".replace(
        "Ll-r", "Llŷr"
    )
    saved = save_pack(
        diary, snapshot, options, "f" * 64, b"%PDF-1.4 pretend", tmp_path / "out" / name
    )
    assert saved.path.read_bytes() == b"%PDF-1.4 pretend"
    [export] = diary.exports.all()
    assert (export.record.fingerprint, export.record.chain_head) == ("f" * 64, snapshot.chain_head)
    assert export.record.file_sha256 == saved.file_sha256 and export.record.file_name == name
    assert diary.verify().intact  # exports are audited like everything else


def test_what_the_diary_holds_for_a_pack_since_is_what_a_pack_would_hold(
    diary: Diary, tmp_path: Path
) -> None:
    # A pack of the two weeks commencing 2 and 9 November (to Sunday 15 November).
    options = PackOptions(date(2026, 11, 2), date(2026, 11, 9))
    snapshot = take_snapshot(diary)
    data = pack_data(snapshot, options)
    saved = save_pack(diary, snapshot, options, fingerprint(data), b"%PDF", tmp_path / "p.pdf")
    # Recorded afterwards, on the days either side of its edges.
    diary.weeks.save(Week(date(2026, 11, 2), 118.0))
    diary.weeks.save(Week(date(2026, 11, 16), 101.0))
    for day in (date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 15), date(2026, 11, 16)):
        diary.supervision.save(SupervisionSession(day, SupervisionStatus.HELD))
        diary.concerns.save(Concern(day, "SPO", ConcernChannel.EMAIL, "Caseload"))
    comparison = compare_with_diary(diary, data, fingerprint(data), saved.file_sha256)
    assert comparison.matches and comparison.amended_since == []
    assert [line.split(":")[0] for line in comparison.added_since] == [
        "Week commencing Mon 02 Nov 2026",
        "Supervision session 2, dated Mon 02 Nov 2026",
        "Supervision session 3, dated Sun 15 Nov 2026",
        "Concern 2, dated Mon 02 Nov 2026",
        "Concern 3, dated Sun 15 Nov 2026",
    ]
    # The same rule the pack itself goes by: a pack made now holds exactly those, and the week
    # it already held.
    again = pack_data(take_snapshot(diary), options)["records"]
    assert sorted(again["weeks"]) == ["2026-11-02", "2026-11-09"]
    assert sorted(again["supervision_sessions"]) == ["2", "3"]
    assert sorted(again["concerns"]) == ["2", "3"]


def test_a_pack_whose_data_was_changed_is_not_vouched_for_though_its_history_is_the_diarys(
    diary: Diary, tmp_path: Path
) -> None:
    # The audit entries' hashes are left as they were: only the diary's record of the pack's
    # fingerprint shows that what the pack says about them is not what the diary made.
    options = PackOptions(date(2026, 11, 2), date(2026, 11, 9))
    snapshot = take_snapshot(diary)
    data = pack_data(snapshot, options)
    save_pack(diary, snapshot, options, fingerprint(data), b"%PDF", tmp_path / "pack.pdf")
    changed = copy.deepcopy(data)
    changed["records"]["weeks"]["2026-11-09"]["capacity_pct"] = 102.5
    changed["audit"][-1]["record"]["capacity_pct"] = 102.5
    comparison = compare_with_diary(diary, changed, fingerprint(changed), "its file")
    assert comparison.origin is PackOrigin.THIS_DIARY and not comparison.matches
    assert comparison.not_recorded is not None
    assert "no record of making a pack with the data inside this one" in comparison.not_recorded
    assert comparison.amended_since == [] and comparison.added_since == []


def test_a_pack_of_another_diary_shares_none_of_its_history(diary: Diary, tmp_path: Path) -> None:
    other_path = tmp_path / "other" / "diary.db"
    other_path.parent.mkdir()
    with Diary.open(other_path) as other:
        other.weeks.save(Week(date(2026, 11, 9), 101.0))
        data = pack_data(take_snapshot(other), PackOptions(date(2026, 11, 9), date(2026, 11, 9)))
    comparison = compare_with_diary(diary, data, fingerprint(data), "its file")
    assert comparison.origin is PackOrigin.ANOTHER_DIARY and comparison.shared_to is None
    assert not comparison.matches


def test_a_pack_whose_entries_contradict_each_other_is_not_said_to_share_a_history(
    diary: Diary,
) -> None:
    # Its first entry is unlike this diary's, the later ones alike: each entry is bound to every
    # one before it, so no two histories kept by Work Diary part like that.
    data = pack_data(take_snapshot(diary), PackOptions(date(2026, 11, 2), date(2026, 11, 9)))
    changed = copy.deepcopy(data)
    changed["audit"][0]["hash"] = "f" * 64
    comparison = compare_with_diary(diary, changed, fingerprint(changed), "its file")
    assert comparison.origin is PackOrigin.SHARED_THEN_DIFFERS and comparison.shared_to is None
    [named] = comparison.not_own
    assert named.startswith("Audit entry 1 (Your profile, recorded on ")
    assert named.endswith("): this diary's entry 1 is a different one")
