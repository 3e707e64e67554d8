"""Evidence packs from the diary, for both faces: take a snapshot of the diary, and once the pack
is built (off the GUI thread, from the snapshot alone), write it and record the export."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import workdiary
from workdiary.domain.dates import format_day, format_moment, stored_day
from workdiary.domain.errors import DiaryAltered, InvalidInput
from workdiary.domain.figures import is_retrospective
from workdiary.domain.formatting import EVENT_TITLES
from workdiary.domain.history import changes_between
from workdiary.domain.records import Export, Recorded
from workdiary.domain.rows import to_row
from workdiary.evidence.pack_data import pack_options
from workdiary.evidence.period import CONCERNS, DATE_FIELDS, PROFILE, SESSIONS, WEEKS, coverage
from workdiary.evidence.snapshot import AuditRecord, PackOptions, Snapshot
from workdiary.files import make_folder, write_atomically
from workdiary.storage import Diary
from workdiary.storage.audit import GENESIS_HASH, AuditEntry
from workdiary.storage.verify import Finding

# The records a pack shows; exports themselves are the diary's own bookkeeping.
PACKED_ENTITIES = ("profile", "weeks", "supervision_sessions", "concerns")
PACK_KIND = "evidence-pack"


# How many of the check's findings a refusal names; `workdiary verify` lists every one.
FINDINGS_NAMED = 5


def snapshot_for_export(diary: Diary, *, allow_clock_behind: bool = False) -> Snapshot:
    """What a pack is made from: the diary, once it has passed its own check in the same reading.
    A pack vouches for what it shows; made from a diary changed behind the app's back, it would
    show figures that the diary's own history does not back.

    Raises DiaryAltered, saying what the check found, or ClockBehind (see Diary.check_clock): a
    pack dated by a clock reading earlier than the diary's last entry is asked about first."""
    diary.check_clock(allow_clock_behind=allow_clock_behind)
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
    diary: Diary,
    snapshot: Snapshot,
    options: PackOptions,
    fingerprint: str,
    pdf: bytes,
    path: Path,
    *,
    allow_clock_behind: bool = False,
) -> SavedPack:
    """Write the pack (atomically, creating its folder) and record the export in the diary;
    `allow_clock_behind` as the snapshot was taken (see snapshot_for_export)."""
    diary.check_clock(allow_clock_behind=allow_clock_behind)
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
    saved = diary.exports.save(
        export, allow_identifiers=True, allow_clock_behind=allow_clock_behind
    )
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
    amended_since: list[str]  # records in the pack changed in the diary after it was made
    # Records the diary now holds in the pack's period that the pack does not show: logged late,
    # or dated into the period by an amendment, after it was made.
    added_since: list[str]
    saved_as: Export | None  # this diary's record of saving this very file, if it has one
    diary_findings: list[str]  # what the diary's own check found, if it fails
    options: PackOptions | None  # the period and choices the pack was made with, if it says

    @property
    def matches(self) -> bool:
        """The pack is what this diary made, and the diary still stands behind it."""
        return not self.disagreements and not self.diary_findings


def compare_with_diary(
    diary: Diary, data: Mapping[str, Any], fingerprint: str, file_sha256: str
) -> DiaryComparison:
    """Check a pack against the diary. Its audit entries must be the diary's own, and so must
    the point the diary's history had reached when it was made; a file this diary recorded
    saving must be byte for byte the file it saved (the seal inside a pack can be worked out
    again by anyone who edits its pages; the diary's record of the file cannot); and the diary
    must pass its own check, or it vouches for nothing. Any record in the pack amended (or
    deleted) since is named, with when and which fields; and so is any record the diary has come
    to hold in the pack's period since, with when it was recorded."""
    with diary.reading():
        entries = {entry.seq: entry for entry in diary.audit.entries()}
        saved = [
            recorded.record
            for recorded in diary.exports.all()
            if recorded.record.kind == PACK_KIND and recorded.record.fingerprint == fingerprint
        ]
        report = diary.verify()
        now = take_snapshot(diary)
    history: dict[tuple[str, str], list[AuditEntry]] = {}
    for entry in entries.values():
        history.setdefault((entry.entity, entry.entity_key), []).append(entry)
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
    made_at = _history_when_made(entries, data)
    if made_at is None:
        disagreements.append(
            "This diary's history, up to when the pack was made, is not the one the pack was "
            "made from: the pack was made from another diary, or one of them was changed."
        )
    amended = []
    for (entity, key), item in last_in_pack.items():
        later = [entry for entry in history.get((entity, key), []) if entry.seq > item["seq"]]
        # Start from the diary's own entry at that point (its hash matched the pack's), not the
        # pack's copy: a pack made without notes holds a placeholder where the notes were.
        mine = entries.get(item["seq"])
        previous = mine.values if mine is not None else item["record"]
        for entry in later:
            amended.append(
                f"{_record_name(diary, entity, key, previous)}: "
                f"{_what_changed(diary, previous, entry)}"
            )
            previous = entry.values
    # A pack holds every entry about the profile; one saved for the first time after the pack
    # was made changed what the pack's flags were worked out with (the standard settings).
    saves = [entry for entry in entries.values() if entry.entity == PROFILE]
    in_pack = any(entity == PROFILE for entity, _key in last_in_pack)
    if saves and not in_pack and made_at is not None and saves[0].seq > made_at:
        amended.append(
            f"{diary.describe_record(PROFILE, saves[0].entity_key)}: saved for the first time "
            f"on {format_moment(saves[0].moment)} (the pack used the standard settings)"
        )
    try:
        options: PackOptions | None = pack_options(data)
    except (InvalidInput, KeyError, TypeError, ValueError):
        options = None
    added = []
    if options is not None and made_at is not None:
        added = _added_since(diary, options, last_in_pack, history, made_at, now)
    saved_as = next((export for export in saved if export.file_sha256 == file_sha256), None)
    if saved and saved_as is None:
        first = saved[0]
        disagreements.append(
            f"This diary saved a pack with this data on {format_moment(_moment(first.made_at))} "
            f"as {first.file_name}, but not this file: the file was changed after it was saved "
            "and its seal worked out again, so its pages may not show what Work Diary printed."
        )
    findings = [finding.message for finding in report.findings]
    return DiaryComparison(disagreements, amended, added, saved_as, findings, options)


def _history_when_made(entries: Mapping[int, AuditEntry], data: Mapping[str, Any]) -> int | None:
    """The last audit entry of the diary's history when the pack was made, if it is this
    diary's: every later entry happened after the pack."""
    made_at, head = data.get("audit_entries"), data.get("chain_head")
    if not isinstance(made_at, int):
        return None
    if made_at == 0:  # a pack of an empty diary
        return 0 if head == GENESIS_HASH else None
    mine = entries.get(made_at)
    return made_at if mine is not None and mine.hash == head else None


def _record_name(diary: Diary, entity: str, key: str, values: Mapping[str, Any]) -> str:
    """`Week commencing Mon 16 Nov 2026`, `Concern 3, dated Tue 17 Nov 2026`: a session or a
    concern is found in a pack by its date."""
    name = diary.describe_record(entity, key)
    day = stored_day(values.get(DATE_FIELDS[entity])) if entity in (SESSIONS, CONCERNS) else None
    return f"{name}, dated {format_day(day)}" if day else name


def _what_changed(diary: Diary, previous: dict[str, Any], entry: AuditEntry) -> str:
    """`amended on Mon 23 Nov 2026 10:15 (WMT capacity and Notes changed)`, `deleted on …`."""
    when = format_moment(entry.moment)
    if entry.action == "delete":
        return f"deleted on {when}"
    if entry.action == "restore":
        return f"{EVENT_TITLES['restore']}, on {when}"
    fields = [
        diary.field_label(entry.entity, change.field)
        for change in changes_between(previous, entry.values, diary.record_fields(entry.entity))
    ]
    if not fields:
        return f"amended on {when}"
    named = fields[0] if len(fields) == 1 else f"{', '.join(fields[:-1])} and {fields[-1]}"
    return f"amended on {when} ({named} changed)"


def _added_since(
    diary: Diary,
    options: PackOptions,
    in_pack: Collection[tuple[str, str]],
    history: Mapping[tuple[str, str], list[AuditEntry]],
    made_at: int,
    now: Snapshot,
) -> list[str]:
    """The records the diary now holds in the pack's period that the pack does not show, oldest
    first. Which records are in the period is decided as the pack decided it (`coverage`), from
    the diary as it is now; one outside the period is no concern of the pack's."""
    try:
        covered = coverage(now, options)
    except InvalidInput:
        # Nothing left to show in the period: its one week, still going when the pack was made,
        # has been deleted since (which the pack's comparison names).
        return []
    held: list[tuple[str, Recorded[Any], date]] = [
        *((WEEKS, entry, entry.record.week_commencing) for entry in covered.weeks),
        *((SESSIONS, entry, entry.record.held_on) for entry in covered.sessions),
        *((CONCERNS, entry, entry.record.raised_on) for entry in covered.concerns),
    ]
    added = []
    for entity, entry, day in held:
        if (entity, entry.key) in in_pack:
            continue
        name = _record_name(diary, entity, entry.key, to_row(entry.record))
        entries = history.get((entity, entry.key), [])
        if all(e.seq > made_at for e in entries):
            late = ", retrospectively" if is_retrospective(day, entry.first_recorded_at) else ""
            added.append(
                f"{name}: first recorded on {format_moment(entry.first_recorded_at)}{late}"
            )
            continue
        # Recorded before the pack, dated outside its period then: say when it got its date.
        field = DATE_FIELDS[entity]
        dated = [
            later
            for earlier, later in itertools.pairwise(entries)
            if later.seq > made_at and later.values.get(field) != earlier.values.get(field)
        ]
        when = f" on {format_moment(dated[-1].moment)}" if dated else " since"
        added.append(
            f"{name}: first recorded on {format_moment(entry.first_recorded_at)} with a date "
            f"outside these weeks; its date was amended{when}"
        )
    return added


def _moment(iso: str) -> datetime:
    return datetime.fromisoformat(iso)
