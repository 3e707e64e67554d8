"""The data a pack carries inside it, its fingerprint, and reading and checking it in a PDF."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

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

PACK_FORMAT = "workdiary-pack/1"
# The embedded file's name, as a PDF reader's attachments panel and `pdfdetach` show it.
DATA_FILE_NAME = "workdiary-pack.json"
DATA_MEDIA_TYPE = "application/json"
DATA_DESCRIPTION = (
    "The records and audit entries this pack shows, as canonical JSON. "
    "Its SHA-256 is the pack's fingerprint."
)
# The document information entry that holds the fingerprint the pack was printed with.
FINGERPRINT_KEY = "/WorkDiaryFingerprint"
# The entry that seals the file: the SHA-256 of the whole PDF as Work Diary wrote it, worked out
# while this entry still held zeros and then written into it. A change to any byte, or an update
# added to the end of the file (as a PDF editor saves one), and the file no longer gives it.
SEAL_KEY = "/WorkDiarySeal"
_UNSEALED = "0" * 64
_SHA256_HEX = re.compile("[0-9a-f]{64}")
# What stands in place of a note's text in a pack made without notes (an empty note stays empty).
LEFT_OUT = "(left out of this pack)"
# The key that marks a pack made from Work Diary's made-up sample data: true when there, and
# absent from any other pack, so a pack of a real diary carries the same data as it always has.
SAMPLE_DATA_KEY = "sample_data"
# What a pack of sample data says of itself, on every page and when it is checked.
DEMONSTRATION = "DEMONSTRATION — sample data, not a real record"
# What a pack or a letter made from the sample diary was made from, after "Work Diary". (Short:
# a pack's cover and its contents must still fit on their page, under the line that says the pack
# is a demonstration.)
MADE_UP = "from its sample diary: made-up data"


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
    entity and key, exactly as the diary stores them; the concerns raised before the period and
    still unanswered when it began, which its pages show too, kept apart under
    `unanswered_at_start` so that `records` still holds only what is dated in the period; and
    every audit entry about them all (and about the profile), so the pack can be checked against
    itself and against the diary."""
    return covered_data(snapshot, options, coverage(snapshot, options))


def covered_data(snapshot: Snapshot, options: PackOptions, covered: Coverage) -> dict[str, Any]:
    def rows(entity: str, entries: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
        result = {}
        for entry in entries:
            row = stored_row(entity, entry)
            result[entry.key] = row if options.include_notes else _without_notes(entity, row)
        return result

    data: dict[str, Any] = {
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
        "unanswered_at_start": {CONCERNS: rows(CONCERNS, covered.earlier_concerns)},
        "audit": [_audit_item(record, options.include_notes) for record in covered.audit],
        "chain_head": snapshot.chain_head,
        "audit_entries": snapshot.audit_entries,
    }
    if snapshot.sample_data:
        data[SAMPLE_DATA_KEY] = True
    return data


def holds_sample_data(data: Mapping[str, Any]) -> bool:
    """Whether a pack's data says it was made from the sample diary (an older pack never is)."""
    return data.get(SAMPLE_DATA_KEY) is True


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


def document_information(fingerprint: str) -> dict[str, str]:
    """Work Diary's own document information entries for a pack with `fingerprint`, the seal
    still unwritten: see `seal`."""
    return {FINGERPRINT_KEY[1:]: fingerprint, SEAL_KEY[1:]: _UNSEALED}


def seal(pdf: bytes, data: bytes) -> bytes:
    """The PDF with its seal written in: the SHA-256 of the file as it was made, seal unwritten.
    The value is the same length as the zeros it replaces, so no byte moves. `data` is the
    embedded data, which the seal is never looked for in."""
    where = _seal_offset(pdf, _UNSEALED, data)
    if where is None:
        raise ValueError("A pack to seal must hold exactly one unwritten seal.")
    return _write_seal(pdf, where, hashlib.sha256(pdf).hexdigest())


def _seal_entry(value: str) -> bytes:
    """The seal as reportlab writes it in the document information."""
    return f"{SEAL_KEY} ({value})".encode("ascii")


def _seal_offset(pdf: bytes, value: str, data: bytes) -> int | None:
    """Where the seal holding `value` stands: its one place outside the embedded data. The data
    is stored as written, so an officer's note that quotes a seal lands in the file as it is;
    everywhere else, text of ours or theirs is written with its brackets escaped."""
    entry = _seal_entry(value)
    data_at = pdf.find(data) if data else -1
    data_end = data_at + len(data)
    places = []
    at = pdf.find(entry)
    while at >= 0:
        if not (0 <= data_at <= at < data_end):
            places.append(at)
        at = pdf.find(entry, at + 1)
    return places[0] if len(places) == 1 else None


def _write_seal(pdf: bytes, where: int, value: str) -> bytes:
    entry = _seal_entry(value)
    return pdf[:where] + entry + pdf[where + len(entry) :]


def _as_made(pdf: bytes, seal_value: str, data: bytes) -> bool:
    """Whether the file is still, byte for byte, the one Work Diary sealed with `seal_value`."""
    if not _SHA256_HEX.fullmatch(seal_value):
        return False
    where = _seal_offset(pdf, seal_value, data)
    if where is None:
        return False
    return hashlib.sha256(_write_seal(pdf, where, _UNSEALED)).hexdigest() == seal_value


@dataclass(frozen=True)
class PackContents:
    """What a pack carries: its embedded data (None where missing or unreadable), the fingerprint
    in its document information, whether its cover prints that same fingerprint, and whether the
    file is still byte for byte as Work Diary made it."""

    data_json: str | None
    data: dict[str, Any] | None
    printed_fingerprint: str | None
    cover_shows_fingerprint: bool
    file_as_made: bool

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

    # pypdf logs what it makes of a damaged file ("EOF marker not found") to stderr; the
    # verdict says it, in words the user can act on.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(pdf))
        metadata: Mapping[str, Any] = reader.metadata or {}
        printed = metadata.get(FINGERPRINT_KEY)
        attached = reader.attachments.get(DATA_FILE_NAME)
        data_bytes = attached[-1] if attached else b""
        file_as_made = _as_made(pdf, str(metadata.get(SEAL_KEY, "")), data_bytes)
        cover = reader.pages[0].extract_text() if reader.pages else ""
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
    return PackContents(data_json, data, printed_text, shows, file_as_made)


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
    if contents is None and FINGERPRINT_KEY.encode("ascii") in pdf:
        return PackCheck(
            "altered",
            "This is a Work Diary evidence pack, but it is damaged or has been altered: it can "
            "no longer be read. A copy cut short (a download or a copy that did not finish) "
            "looks like this; check it against the pack as it was first saved.",
            None,
        )
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
    if not contents.file_as_made:
        return PackCheck(
            "altered",
            "This pack has been altered: the file was changed after Work Diary made it (saving it "
            "from a PDF editor changes it too), so its pages may not show what Work Diary printed.",
            contents,
        )
    return PackCheck(
        "intact",
        f"This pack is intact: the data inside it gives the fingerprint printed on it, {printed}.",
        contents,
    )
