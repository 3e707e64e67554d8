"""Taking a snapshot of the diary for a pack, and recording an export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from workdiary.domain.records import Profile, Week
from workdiary.evidence.snapshot import PackOptions
from workdiary.packs import default_file_name, save_pack, take_snapshot
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
    assert name == "WorkDiary-Rhiannon-Ll-r-Cardiff-2026-11-02-to-2026-11-16.pdf".replace(
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
