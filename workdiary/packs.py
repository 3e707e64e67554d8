"""Evidence packs from the diary, for both faces: take a snapshot of the diary, and once the pack
is built (off the GUI thread, from the snapshot alone), write it and record the export."""

from __future__ import annotations

import contextlib
import itertools
import os
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

import workdiary
from workdiary.domain.dates import format_day, format_moment, stored_day, week_ending
from workdiary.domain.errors import DiaryAltered, InvalidInput, WorkDiaryError
from workdiary.domain.figures import is_retrospective, week_is_retrospective
from workdiary.domain.formatting import EVENT_TITLES, listed
from workdiary.domain.history import changes_between
from workdiary.domain.records import Export, Recorded
from workdiary.domain.rows import to_row
from workdiary.evidence.pack_data import pack_options
from workdiary.evidence.period import (
    CONCERNS,
    DATE_FIELDS,
    PROFILE,
    SESSIONS,
    UNANSWERED_WHEN_BEGUN,
    WEEKS,
    coverage,
)
from workdiary.evidence.snapshot import AuditRecord, PackOptions, Snapshot
from workdiary.files import claim_new_file, first_free_name, make_folder, write_atomically
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
        refuse_altered_diary(diary)
        return take_snapshot(diary)


def refuse_altered_diary(diary: Diary) -> None:
    """Raise DiaryAltered, saying what the check found and what to do, when the diary no longer
    matches its own history: no pack is made from it. Asked before the user chooses where a
    pack goes, too, so that the refusal does not come after the choosing."""
    report = diary.verify()
    if not report.intact:
        raise DiaryAltered(
            "Work Diary will not make an evidence pack from this diary: it no longer matches its "
            "own history, so a pack would show figures that the history does not back. Nothing "
            f"was written.\n\n{_named(report.findings)}\n\n{ALTERED_WHAT_TO_DO}"
        )


# What to do about a diary changed outside Work Diary, where a pack cannot be made from it.
ALTERED_WHAT_TO_DO = (
    "Keep the diary file as it is, since it shows what was changed. A copy of it from before the "
    "change (a backup) would match its history again, and a pack could be made from that. Your "
    "union rep can advise."
)


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
            sample_data=diary.holds_sample_data(),
        )


class PackFileInTheWay(WorkDiaryError):
    """Something already has the name the pack was to be saved as. Nothing was written over it:
    it may be a pack already in someone's hands. str() says so, without saying how to choose
    another name (each face says that its own way)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"There is already a file at {path}. Work Diary does not write over it: it may be a "
            "pack you have already handed to someone."
        )


def refuse_file_in_the_way(path: Path) -> None:
    """Raise PackFileInTheWay before a pack is made for a name already taken (a link to nowhere
    counts: a file written through it would land somewhere else)."""
    if os.path.lexists(path):
        raise PackFileInTheWay(path)


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
    """Write the pack (atomically, creating its folder) only where nothing has its name, and
    record the export in the diary; `allow_clock_behind` as the snapshot was taken (see
    snapshot_for_export). Raises PackFileInTheWay for a name taken, even since it was checked.
    Should the export not be recorded, the pack is not left behind: every pack on disk is one
    the diary knows of."""
    diary.check_clock(allow_clock_behind=allow_clock_behind)
    make_folder(path.parent)
    try:
        claim_new_file(path)
    except FileExistsError:
        raise PackFileInTheWay(path) from None
    try:
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
    except BaseException:
        # The file at `path` is this call's own, claimed above.
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    return SavedPack(path, file_sha256, saved.entry)


def unused_pack_path(folder: Path, snapshot: Snapshot, options: PackOptions) -> Path:
    """The pack's usual name in `folder`, numbered after any pack already saved there under it
    (`…-2.pdf`): a pack is never written over another (see save_pack)."""
    return first_free_name(folder / default_file_name(snapshot, options))


def default_file_name(snapshot: Snapshot, options: PackOptions) -> str:
    """`WorkDiary-<name>-<from>-to-<to>.pdf`: the name made safe for any file system, and the
    period from its first Monday to its last Sunday (or the day the pack is made, if that comes
    first), as the pack's cover gives it. A pack of the sample diary is `WorkDiary-DEMO-…`, so
    that a folder of packs shows which is made up before any is opened."""
    name = "".join(ch if ch.isalnum() else "-" for ch in snapshot.profile.name).strip("-")
    while "--" in name:
        name = name.replace("--", "-")
    last = min(week_ending(options.last_week), snapshot.taken_at.astimezone().date())
    demo = "DEMO-" if snapshot.sample_data else ""
    period = f"{options.first_week.isoformat()}-to-{last.isoformat()}"
    return f"WorkDiary-{demo}{name or 'diary'}-{period}.pdf"


class PackOrigin(Enum):
    """Where a pack's history comes from, as far as this diary can tell. Each audit entry's hash
    is worked out from the one before it, so an entry with the same number and hash in both is
    the same history, every entry before it included."""

    # Every audit entry the pack holds, and the point its history had reached when it was made,
    # are this diary's own.
    THIS_DIARY = "this diary"
    # Both hold the same history as far as one entry, and not after it: a copy of this diary
    # that went its own way, or one of them was changed.
    SHARED_THEN_DIFFERS = "shared, then differs"
    # Wherever both hold an entry with the same number, it is not the same entry.
    ANOTHER_DIARY = "another diary"
    # The pack's history begins after this diary's ends (or it holds none, and this diary has no
    # record of making it): there is nothing to compare.
    BEYOND_THIS_DIARY = "beyond this diary"


@dataclass(frozen=True)
class DiaryComparison:
    """A pack compared with the diary on this computer."""

    origin: PackOrigin
    # This diary's last entry known to be in the pack's history too, before the two part, when
    # they share one.
    shared_to: AuditEntry | None
    last_entry: int  # the number of this diary's last audit entry (0: it has none)
    # The number of the last audit entry in the pack's diary when it was made, if it says.
    made_at_entry: int | None
    # The pack's audit entries that are not this diary's, named, oldest first; and, when the
    # point the pack's history had reached is not this diary's either, a sentence saying so.
    not_own: list[str]
    history_not_own: str | None
    # Whether this diary simply stops before the pack's history does, with nothing different.
    diary_stops_early: bool
    # Why this diary's record of the packs it made does not vouch for this one, if it does not.
    not_recorded: str | None
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
        return (
            self.origin is PackOrigin.THIS_DIARY
            and self.not_recorded is None
            and not self.diary_findings
        )


@dataclass(frozen=True)
class _PackEntry:
    """An audit entry as the pack holds it (`item`), or the point its history had reached when
    it was made (no item): its number and hash."""

    seq: int
    hash: str
    item: Mapping[str, Any] | None = None


def compare_with_diary(
    diary: Diary, data: Mapping[str, Any], fingerprint: str, file_sha256: str
) -> DiaryComparison:
    """Check a pack against the diary. First, whose history it holds (see PackOrigin): only a
    pack whose every audit entry is this diary's own, and so is the point its history had
    reached when it was made, can be this diary's. Then, this diary must have recorded making a
    pack with this very data (it records every pack it makes, by its fingerprint: the entries'
    hashes alone do not cover what the pack says about them), and this very file, when it
    recorded one (the seal inside a pack can be worked out again by anyone who edits its pages;
    the diary's record of the file cannot); and the diary must pass its own check, or it vouches
    for nothing. Any record in such a pack amended (or deleted) since is named, with when and
    which fields; and so is any record the diary has come to hold in the pack's period since,
    with when it was recorded."""
    with diary.reading():
        entries = {entry.seq: entry for entry in diary.audit.entries()}
        saved = [
            recorded.record
            for recorded in diary.exports.all()
            if recorded.record.kind == PACK_KIND and recorded.record.fingerprint == fingerprint
        ]
        report = diary.verify()
        now = take_snapshot(diary)
    findings = [finding.message for finding in report.findings]
    try:
        options: PackOptions | None = pack_options(data)
    except (InvalidInput, KeyError, TypeError, ValueError):
        options = None
    held = _audit_held(data)
    head = _head_held(data)
    last_seq = max(entries, default=0)
    agree: list[_PackEntry] = []
    differ: list[_PackEntry] = []
    beyond: list[_PackEntry] = []
    points = [*held, *([head] if head is not None and head.seq > 0 else [])]
    for point in points:
        if point.seq > last_seq:
            beyond.append(point)
        elif _is_own(entries, point):
            agree.append(point)
        else:
            differ.append(point)
    not_agreeing = sorted([*differ, *beyond], key=lambda point: point.seq)
    # Where the two part: the last entry both hold alike before the first they do not. (A pack
    # with an entry unlike this diary's before one that is alike contradicts itself: each entry
    # is bound to every one before it.)
    parted_at = not_agreeing[0].seq if not_agreeing else None
    before = [point.seq for point in agree if parted_at is None or point.seq < parted_at]
    shared_to = entries[max(before)] if before else None
    history_not_own = None
    head_is_own = head is not None and (
        _is_own(entries, head) or (head.seq == 0 and head.hash == GENESIS_HASH)
    )
    if head is not None and not head_is_own:
        history_not_own = (
            f"When the pack was made, its diary's history had reached audit entry {head.seq}: "
            f"{_not_own_because(head, last_seq)}."
        )
    not_own = []
    if agree and (differ or beyond or history_not_own):
        origin = PackOrigin.SHARED_THEN_DIFFERS
        not_own = [
            f"Audit entry {point.seq} ({_entry_name(diary, point.item)}): "
            f"{_not_own_because(point, last_seq)}"
            for point in not_agreeing
            if point.item is not None
        ]
    elif differ or (history_not_own and not beyond):
        origin = PackOrigin.ANOTHER_DIARY
    elif beyond or (not points and not saved):
        # Nothing both hold to compare: a pack of an empty diary is no one diary's either,
        # unless this diary recorded making it.
        origin = PackOrigin.BEYOND_THIS_DIARY
    else:
        origin = PackOrigin.THIS_DIARY
    saved_as = next((export for export in saved if export.file_sha256 == file_sha256), None)
    not_recorded = None
    if origin is PackOrigin.THIS_DIARY and not saved:
        not_recorded = (
            "This diary's history is the one the pack was made from, but the diary has no "
            "record of making a pack with the data inside this one. Work Diary records every "
            "pack it makes, with its fingerprint, in the diary it was made from: so the data "
            "was changed after the pack was made (and the pack sealed again), or the pack was "
            "made from a copy of this diary, not from this one."
        )
    elif origin is PackOrigin.THIS_DIARY and saved_as is None:
        first = saved[0]
        not_recorded = (
            f"This diary saved a pack with this data on {format_moment(_moment(first.made_at))} "
            f"as {first.file_name}, but not this file: the file was changed after it was saved "
            "and its seal worked out again, so its pages may not show what Work Diary printed."
        )
    amended: list[str] = []
    added: list[str] = []
    if origin is PackOrigin.THIS_DIARY and saved and head is not None:
        # The data is what this diary made: what it says can be read back safely.
        history = _by_record(entries)
        amended = _amended_since(diary, data, entries, history, head.seq)
        if options is not None:
            in_pack = {(item["entity"], item["entity_key"]) for item in data["audit"]}
            added = _added_since(diary, options, in_pack, history, head.seq, now)
    return DiaryComparison(
        origin=origin,
        shared_to=shared_to,
        last_entry=last_seq,
        made_at_entry=head.seq if head is not None else None,
        not_own=not_own,
        history_not_own=history_not_own,
        diary_stops_early=bool(beyond) and not differ,
        not_recorded=not_recorded,
        amended_since=amended,
        added_since=added,
        saved_as=saved_as,
        diary_findings=findings,
        options=options,
    )


def _audit_held(data: Mapping[str, Any]) -> list[_PackEntry]:
    """The audit entries the pack holds. A pack that is not this diary's may hold anything at
    all, sealed or not: an entry without a number and a hash is left out (the comparison then
    rests on the others)."""
    held = []
    items = data.get("audit")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, Mapping):
            continue
        seq, digest = item.get("seq"), item.get("hash")
        if isinstance(seq, int) and not isinstance(seq, bool) and isinstance(digest, str):
            held.append(_PackEntry(seq, digest, item))
    return held


def _head_held(data: Mapping[str, Any]) -> _PackEntry | None:
    """The point the pack's history had reached when it was made, if the pack says."""
    seq, digest = data.get("audit_entries"), data.get("chain_head")
    if isinstance(seq, int) and not isinstance(seq, bool) and seq >= 0 and isinstance(digest, str):
        return _PackEntry(seq, digest)
    return None


def _entry_name(diary: Diary, item: Mapping[str, Any]) -> str:
    """`Week commencing Mon 02 Nov 2026, recorded on Mon 02 Nov 2026 09:15`, as far as the
    pack's entry says."""
    try:
        what = diary.describe_record(str(item.get("entity")), str(item.get("entity_key")))
    except ValueError:
        what = f"{item.get('entity')} {item.get('entity_key')}"
    try:
        return f"{what}, recorded on {format_moment(_moment(str(item.get('recorded_at'))))}"
    except ValueError:
        return what


def _is_own(entries: Mapping[int, AuditEntry], point: _PackEntry) -> bool:
    mine = entries.get(point.seq)
    return mine is not None and mine.hash == point.hash


def _not_own_because(point: _PackEntry, last_seq: int) -> str:
    if point.seq <= last_seq:
        return f"this diary's entry {point.seq} is a different one"
    if point.item is None:  # the point the pack's history had reached: say where this one stops
        return f"this diary stops at entry {last_seq}" if last_seq else "this diary has none"
    return f"this diary has no entry {point.seq}"


def _by_record(entries: Mapping[int, AuditEntry]) -> dict[tuple[str, str], list[AuditEntry]]:
    history: dict[tuple[str, str], list[AuditEntry]] = {}
    for entry in entries.values():
        history.setdefault((entry.entity, entry.entity_key), []).append(entry)
    return history


def _amended_since(
    diary: Diary,
    data: Mapping[str, Any],
    entries: Mapping[int, AuditEntry],
    history: Mapping[tuple[str, str], list[AuditEntry]],
    made_at: int,
) -> list[str]:
    """The records in the pack changed in the diary after it was made, with when and how."""
    last_in_pack: dict[tuple[str, str], Any] = {}
    for item in data["audit"]:
        last_in_pack[(item["entity"], item["entity_key"])] = item
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
    if saves and not in_pack and saves[0].seq > made_at:
        amended.append(
            f"{diary.describe_record(PROFILE, saves[0].entity_key)}: saved for the first time "
            f"on {format_moment(saves[0].moment)} (the pack used the standard settings)"
        )
    return amended


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
    return f"amended on {when} ({listed(fields)} changed)"


def _added_since(
    diary: Diary,
    options: PackOptions,
    in_pack: Collection[tuple[str, str]],
    history: Mapping[tuple[str, str], list[AuditEntry]],
    made_at: int,
    now: Snapshot,
) -> list[str]:
    """The records the diary now holds for the pack's period that the pack does not show: those
    dated within it, and the concerns raised before it and unanswered when it began. Which they
    are is decided as the pack decided it (`coverage`), from the diary as it is now; any other
    record is no concern of the pack's."""
    try:
        covered = coverage(now, options)
    except InvalidInput:
        # A period this diary cannot hold yet: after its last day (its clock put back since).
        return []
    held: list[tuple[str, Recorded[Any], date]] = [
        *((WEEKS, entry, entry.record.week_commencing) for entry in covered.weeks),
        *((SESSIONS, entry, entry.record.held_on) for entry in covered.sessions),
        *((CONCERNS, entry, entry.record.raised_on) for entry in covered.earlier_concerns),
        *((CONCERNS, entry, entry.record.raised_on) for entry in covered.concerns),
    ]
    earlier = {entry.key for entry in covered.earlier_concerns}
    added = []
    for entity, entry, day in held:
        if (entity, entry.key) in in_pack:
            continue
        name = _record_name(diary, entity, entry.key, to_row(entry.record))
        entries = history.get((entity, entry.key), [])
        first_recorded = format_moment(entry.first_recorded_at)
        if all(e.seq > made_at for e in entries):
            # A week by when its figures were entered, as everywhere (logged again, say).
            late_now = (
                week_is_retrospective(entry)
                if entity == WEEKS
                else is_retrospective(day, entry.first_recorded_at)
            )
            late = ", retrospectively" if late_now else ""
            if entity == CONCERNS and entry.key in earlier:
                name += f", {UNANSWERED_WHEN_BEGUN}"
            added.append(f"{name}: first recorded on {first_recorded}{late}")
            continue
        if entity == CONCERNS and entry.key in earlier:
            # Recorded before the pack, and not then one it showed: answered before the period
            # began, or dated after it, until amended.
            since = [e for e in entries if e.seq > made_at]
            when = f" on {format_moment(since[-1].moment)}" if since else " since"
            added.append(
                f"{name}, {UNANSWERED_WHEN_BEGUN}: first recorded on {first_recorded}, and "
                f"amended{when}"
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
            f"{name}: first recorded on {first_recorded} with a date outside these weeks; its "
            f"date was amended{when}"
        )
    return added


def _moment(iso: str) -> datetime:
    return datetime.fromisoformat(iso)
