"""The data a pack carries inside it, its fingerprint, and reading and checking it in a PDF."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal

from workdiary.domain.canonical import canonical_json, sha256_hex
from workdiary.domain.rows import to_row
from workdiary.evidence.period import (
    CONCERNS,
    NOTE_FIELDS,
    SESSIONS,
    WEEKS,
    Coverage,
    check_options,
    coverage,
)
from workdiary.evidence.snapshot import SECTIONS, AuditRecord, PackOptions, Snapshot

if TYPE_CHECKING:
    from pypdf import PdfReader

PACK_FORMAT = "workdiary-pack/1"
# The embedded file's name, as a PDF reader's attachments panel and `pdfdetach` show it.
DATA_FILE_NAME = "workdiary-pack.json"
# The document information entry that holds the fingerprint the pack was printed with.
FINGERPRINT_KEY = "/WorkDiaryFingerprint"
# The pages as made are the PDF's first bytes; the data is added after them as an update. These
# entries hold how many bytes that is and their SHA-256, so that a change to the pages shows.
PAGES_LENGTH_KEY = "/WorkDiaryPagesLength"
PAGES_SHA256_KEY = "/WorkDiaryPagesSHA256"
# What stands in place of a note's text in a pack made without notes (an empty note stays empty).
LEFT_OUT = "(left out of this pack)"


def utc_text(moment: datetime) -> str:
    """A moment as the diary stores it: UTC, ISO 8601, to the microsecond."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def stored_row(entity: str, entry: Any) -> dict[str, Any]:
    """A Recorded record as its row in the diary: its fields, when it was first recorded and last
    changed, its revision, and (for records numbered by the diary) its id."""
    row = to_row(entry.record)
    row.update(
        recorded_at=utc_text(entry.first_recorded_at),
        updated_at=utc_text(entry.last_changed_at),
        revision=entry.revision,
        deleted_at=None,
    )
    if entity != WEEKS:
        row["id"] = int(entry.key) if entry.key.isdigit() else entry.key
    return row


def _without_notes(entity: str, row: Mapping[str, Any]) -> dict[str, Any]:
    hidden = NOTE_FIELDS.get(entity, ())
    return {name: LEFT_OUT if name in hidden and value else value for name, value in row.items()}


def _audit_item(record: AuditRecord, include_notes: bool) -> dict[str, Any]:
    values = dict(record.record)
    return {
        "seq": record.seq,
        "recorded_at": record.recorded_at,
        "entity": record.entity,
        "entity_key": record.entity_key,
        "action": record.action,
        "record": values if include_notes else _without_notes(record.entity, values),
        "prev_hash": record.prev_hash,
        "hash": record.hash,
    }


def pack_data(snapshot: Snapshot, options: PackOptions) -> dict[str, Any]:
    """Everything the pack shows, as plain JSON values: the records dated in its period keyed by
    entity and key, exactly as the diary stores them, and every audit entry about them (and about
    the profile), so the pack can be checked against itself and against the diary."""
    return covered_data(snapshot, options, coverage(snapshot, options))


def covered_data(snapshot: Snapshot, options: PackOptions, covered: Coverage) -> dict[str, Any]:
    def rows(entity: str, entries: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
        result = {}
        for entry in entries:
            row = stored_row(entity, entry)
            result[entry.key] = row if options.include_notes else _without_notes(entity, row)
        return result

    return {
        "format": PACK_FORMAT,
        "pack_id": snapshot.pack_id,
        "generated_at": utc_text(snapshot.taken_at),
        "app_version": snapshot.app_version,
        "period": {
            "first_week": covered.first_week.isoformat(),
            "last_week": covered.last_week.isoformat(),
            "last_day": covered.last_day.isoformat(),
        },
        "options": {
            "sections": [section for section in SECTIONS if section in options.sections],
            "include_notes": options.include_notes,
            "prepared_for": options.prepared_for,
        },
        "profile": to_row(snapshot.profile),
        "records": {
            WEEKS: rows(WEEKS, covered.weeks),
            SESSIONS: rows(SESSIONS, covered.sessions),
            CONCERNS: rows(CONCERNS, covered.concerns),
        },
        "audit": [_audit_item(record, options.include_notes) for record in covered.audit],
        "chain_head": snapshot.chain_head,
        "audit_entries": snapshot.audit_entries,
    }


def pack_options(data: Mapping[str, Any]) -> PackOptions:
    """The options a pack was made with, read back from its data: to make the same pack from
    the diary as it is now, and compare."""
    period, chosen = data["period"], data["options"]
    options = PackOptions(
        first_week=date.fromisoformat(period["first_week"]),
        last_week=date.fromisoformat(period["last_week"]),
        sections=frozenset(chosen["sections"]),
        include_notes=bool(chosen["include_notes"]),
        prepared_for=str(chosen["prepared_for"]),
    )
    check_options(options)
    return options


def fingerprint(data: Mapping[str, Any]) -> str:
    """The SHA-256 of the data's canonical JSON: the text embedded in the pack."""
    return sha256_hex(canonical_json(data))


# Inside the PDF. pypdf is imported when needed: like reportlab, it costs start-up time.


def embed(pdf: bytes, data_json: str) -> bytes:
    """The PDF with `data_json` attached as workdiary-pack.json and its fingerprint in the document
    information. Written as an incremental update, so the pages' bytes stay exactly as made."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    attached = writer.add_attachment(DATA_FILE_NAME, data_json.encode("utf-8"))
    attached.subtype = NameObject("/application#2Fjson")
    attached.description = TextStringObject(
        "The records and audit entries this pack shows, as canonical JSON. "
        "Its SHA-256 is the pack's fingerprint."
    )
    writer.add_metadata(
        {
            FINGERPRINT_KEY: sha256_hex(data_json),
            PAGES_LENGTH_KEY: str(len(pdf)),
            PAGES_SHA256_KEY: hashlib.sha256(pdf).hexdigest(),
        }
    )
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@dataclass(frozen=True)
class PackContents:
    """What a pack carries: its embedded data (None where missing or unreadable), the fingerprint
    in its document information, whether its cover prints that same fingerprint, and whether its
    pages are still exactly as Work Diary made them."""

    data_json: str | None
    data: dict[str, Any] | None
    printed_fingerprint: str | None
    cover_shows_fingerprint: bool
    pages_as_made: bool

    @property
    def fingerprint(self) -> str | None:
        """The fingerprint worked out afresh from the embedded data."""
        return sha256_hex(self.data_json) if self.data_json is not None else None


def _compact(text: str) -> str:
    return "".join(text.split())


def read_pack(pdf: bytes) -> PackContents | None:
    """The pack's contents, or None when `pdf` is not a PDF or carries nothing of Work Diary's."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        metadata = reader.metadata
        printed = metadata.get(FINGERPRINT_KEY) if metadata is not None else None
        attached = reader.attachments.get(DATA_FILE_NAME)
        cover = reader.pages[0].extract_text() if reader.pages else ""
        pages_as_made = _pages_as_made(pdf, reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError):
        return None
    printed_text = str(printed) if printed is not None else None
    if attached is None and printed_text is None:
        return None
    data_json: str | None = None
    data: dict[str, Any] | None = None
    if attached:
        try:
            data_json = attached[-1].decode("utf-8")
            parsed = json.loads(data_json)
            data = parsed if isinstance(parsed, dict) else None
        except (UnicodeDecodeError, ValueError):
            data = None
    shows = printed_text is not None and _compact(printed_text) in _compact(cover)
    return PackContents(data_json, data, printed_text, shows, pages_as_made)


def _pages_as_made(pdf: bytes, reader: PdfReader) -> bool:
    """Whether the PDF is still the pages Work Diary made plus its own update: the pages' bytes
    unchanged, and no later update (as a PDF editor saves one) putting other objects in place of
    theirs. Only the catalog and the document information are the update's to replace."""
    from pypdf import PdfReader

    metadata: Mapping[str, Any] = reader.metadata or {}
    length_text, digest = metadata.get(PAGES_LENGTH_KEY), metadata.get(PAGES_SHA256_KEY)
    if length_text is None or digest is None or not str(length_text).isdigit():
        return False
    length = int(str(length_text))
    if not 0 < length < len(pdf) or hashlib.sha256(pdf[:length]).hexdigest() != str(digest):
        return False
    made = PdfReader(io.BytesIO(pdf[:length]))
    made_offsets: dict[int, int] = made.xref.get(0, {})
    trailer: Any = reader.trailer
    replaceable = {trailer.raw_get("/Root").idnum, trailer.raw_get("/Info").idnum}
    for idnum, offset in reader.xref.get(0, {}).items():
        if idnum in made_offsets and idnum not in replaceable and offset != made_offsets[idnum]:
            return False
    if any(idnum in made_offsets for idnum in reader.xref_objStm):
        return False
    # Nor may the update's catalog lead to another set of pages.
    root: Any = trailer["/Root"]
    made_root: Any = made.trailer["/Root"]
    return bool(root.raw_get("/Pages").idnum == made_root.raw_get("/Pages").idnum)


Verdict = Literal["intact", "altered"]


@dataclass(frozen=True)
class PackCheck:
    """A pack checked against itself: "intact" or "altered", and a sentence for the user."""

    verdict: Verdict
    message: str
    contents: PackContents | None

    @property
    def intact(self) -> bool:
        return self.verdict == "intact"


def check_pack(pdf: bytes) -> PackCheck:
    """Whether the data inside the pack still gives the fingerprint printed on it."""
    contents = read_pack(pdf)
    if contents is None:
        return PackCheck(
            "altered",
            "This is not a Work Diary evidence pack, or the data inside it has been removed.",
            None,
        )
    printed = contents.printed_fingerprint
    if contents.data_json is None:
        return PackCheck(
            "altered",
            "This pack has been altered: the data that should be inside it is missing.",
            contents,
        )
    if contents.data is None:
        return PackCheck(
            "altered",
            "This pack has been altered: the data inside it cannot be read.",
            contents,
        )
    if printed is None:
        return PackCheck(
            "altered",
            "This pack has been altered: it no longer says which fingerprint it was made with.",
            contents,
        )
    if contents.fingerprint != printed:
        return PackCheck(
            "altered",
            f"This pack has been altered: the data inside it gives the fingerprint "
            f"{contents.fingerprint}, but the pack was made with {printed}.",
            contents,
        )
    if not contents.cover_shows_fingerprint:
        return PackCheck(
            "altered",
            f"This pack has been altered: its cover does not show the fingerprint {printed} "
            "that its data gives.",
            contents,
        )
    if not contents.pages_as_made:
        return PackCheck(
            "altered",
            "This pack has been altered: its pages were changed or added to after Work Diary made "
            "it, so what they show may not be what Work Diary printed.",
            contents,
        )
    return PackCheck(
        "intact",
        f"This pack is intact: the data inside it gives the fingerprint printed on it, {printed}.",
        contents,
    )
