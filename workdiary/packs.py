"""Evidence packs from the diary, for both faces: take a snapshot of the diary, and once the pack
is built (off the GUI thread, from the snapshot alone), write it and record the export."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import workdiary
from workdiary.domain.dates import format_moment
from workdiary.domain.errors import DiaryAltered
from workdiary.domain.history import changes_between
from workdiary.domain.records import Export, Recorded
from workdiary.evidence.snapshot import AuditRecord, PackOptions, Snapshot
from workdiary.files import make_folder, write_atomically
from workdiary.storage import Diary
from workdiary.storage.verify import Finding

# The records a pack shows; exports themselves are the diary's own bookkeeping.
PACKED_ENTITIES = ("profile", "weeks", "supervision_sessions", "concerns")
PACK_KIND = "evidence-pack"


# How many of the check's findings a refusal names; `workdiary verify` lists every one.
FINDINGS_NAMED = 5


def snapshot_for_export(diary: Diary) -> Snapshot:
    """What a pack is made from: the diary, once it has passed its own check in the same reading.
    A pack vouches for what it shows; made from a diary changed behind the app's back, it would
    show figures that the diary's own history does not back.

    Raises DiaryAltered, saying what the check found."""
    with diary.reading():
        report = diary.verify()
        if not report.intact:
            raise DiaryAltered(
                "Work Diary will not make an evidence pack from this diary: it no longer "
                "matches its own history, so a pack would show figures that the history does "
                f"not back. Nothing was written.\n\n{_named(report.findings)}"
            )
        return take_snapshot(diary)


def _named(findings: list[Finding]) -> str:
    named = [f"- {finding.message}" for finding in findings[:FINDINGS_NAMED]]
    if len(findings) > FINDINGS_NAMED:
        named.append(f"- and {len(findings) - FINDINGS_NAMED} more.")
    return "\n".join(named)


def take_snapshot(diary: Diary) -> Snapshot:
    """Everything a pack may show, read in one consistent state of the diary (for a pack to be
    made, see `snapshot_for_export`)."""
    with diary.reading():
        audit = tuple(
            AuditRecord(
                entry.seq,
                entry.recorded_at,
                entry.entity,
                entry.entity_key,
                entry.action,
                entry.values,
                entry.prev_hash,
                entry.hash,
            )
            for entry in diary.audit.entries()
            if entry.entity in PACKED_ENTITIES
        )
        count, head = diary.audit.head()
        return Snapshot(
            pack_id=uuid.uuid4().hex[:16],
            taken_at=diary.clock().astimezone(UTC),
            app_version=workdiary.__version__,
            profile=diary.profile(),
            weeks=tuple(diary.weeks.all()),
            sessions=tuple(diary.supervision.all()),
            concerns=tuple(diary.concerns.all()),
            audit=audit,
            chain_head=head,
            audit_entries=count,
        )


@dataclass(frozen=True)
class SavedPack:
    """A pack written to disk: where, the file's SHA-256, and the export recorded in the diary."""

    path: Path
    file_sha256: str
    export: Recorded[Export]


def save_pack(
    diary: Diary, snapshot: Snapshot, options: PackOptions, fingerprint: str, pdf: bytes, path: Path
) -> SavedPack:
    """Write the pack (atomically, creating its folder) and record the export in the diary."""
    make_folder(path.parent)
    file_sha256 = write_atomically(path, pdf)
    export = Export(
        kind=PACK_KIND,
        made_at=snapshot.taken_at.isoformat(timespec="microseconds"),
        period_from=options.first_week,
        period_to=options.last_week,
        fingerprint=fingerprint,
        chain_head=snapshot.chain_head,
        file_name=path.name,
        file_sha256=file_sha256,
    )
    saved = diary.exports.save(export, allow_identifiers=True)
    return SavedPack(path, file_sha256, saved.entry)


def default_file_name(snapshot: Snapshot, options: PackOptions) -> str:
    """`WorkDiary-<name>-<from>-to-<to>.pdf`, with the name made safe for any file system."""
    name = "".join(ch if ch.isalnum() else "-" for ch in snapshot.profile.name).strip("-")
    while "--" in name:
        name = name.replace("--", "-")
    return (
        f"WorkDiary-{name or 'diary'}-{options.first_week.isoformat()}-to-"
        f"{options.last_week.isoformat()}.pdf"
    )


@dataclass(frozen=True)
class DiaryComparison:
    """A pack compared with the diary it came from."""

    disagreements: list[str]  # why the pack is not what this diary made, if it is not
    amended_since: list[str]  # records changed in the diary after the pack was made
    saved_as: Export | None  # this diary's record of saving this very file, if it has one
    diary_findings: list[str]  # what the diary's own check found, if it fails

    @property
    def matches(self) -> bool:
        """The pack is what this diary made, and the diary still stands behind it."""
        return not self.disagreements and not self.diary_findings


def compare_with_diary(
    diary: Diary, data: Mapping[str, Any], fingerprint: str, file_sha256: str
) -> DiaryComparison:
    """Check a pack against the diary. Its audit entries must be the diary's own; a file this
    diary recorded saving must be byte for byte the file it saved (the seal inside a pack can be
    worked out again by anyone who edits its pages; the diary's record of the file cannot); and
    the diary must pass its own check, or it vouches for nothing. Any record in the pack amended
    (or deleted) since is named, with when and which fields."""
    with diary.reading():
        entries = {entry.seq: entry for entry in diary.audit.entries()}
        saved = [
            recorded.record
            for recorded in diary.exports.all()
            if recorded.record.kind == PACK_KIND and recorded.record.fingerprint == fingerprint
        ]
        report = diary.verify()
    disagreements = []
    last_in_pack: dict[tuple[str, str], Any] = {}
    for item in data.get("audit", []):
        mine = entries.get(item["seq"])
        if mine is None or mine.hash != item["hash"]:
            disagreements.append(
                f"Audit entry {item['seq']} ({item['entity']} {item['entity_key']}) is not the "
                "diary's own: the pack was made from another diary, or one of them was changed."
            )
        last_in_pack[(item["entity"], item["entity_key"])] = item
    amended = []
    for (entity, key), item in last_in_pack.items():
        later = [
            entry
            for seq, entry in entries.items()
            if seq > item["seq"] and (entry.entity, entry.entity_key) == (entity, key)
        ]
        # Start from the diary's own entry at that point (its hash matched the pack's), not the
        # pack's copy: a pack made without notes holds a placeholder where the notes were.
        mine = entries.get(item["seq"])
        previous = mine.values if mine is not None else item["record"]
        for entry in later:
            fields = [
                diary.field_label(entity, change.field)
                for change in changes_between(previous, entry.values, diary.record_fields(entity))
            ]
            what = "deleted" if entry.action == "delete" else "amended"
            detail = f", field {', '.join(fields)}" if fields and what == "amended" else ""
            amended.append(
                f"{diary.describe_record(entity, key)}: {what} in the diary after this pack was "
                f"made (on {format_moment(entry.moment)}{detail})"
            )
            previous = entry.values
    saved_as = next((export for export in saved if export.file_sha256 == file_sha256), None)
    if saved and saved_as is None:
        first = saved[0]
        disagreements.append(
            f"This diary saved a pack with this data on {format_moment(_moment(first.made_at))} "
            f"as {first.file_name}, but not this file: the file was changed after it was saved "
            "and its seal worked out again, so its pages may not show what Work Diary printed."
        )
    findings = [finding.message for finding in report.findings]
    return DiaryComparison(disagreements, amended, saved_as, findings)


def _moment(iso: str) -> datetime:
    return datetime.fromisoformat(iso)
