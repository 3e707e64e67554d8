"""What an evidence pack is made from: an immutable snapshot of the diary, taken by a face from
storage and handed over, and the options the user chose. Plain values only, so a pack can be
built off the GUI thread and the builder never touches the diary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from workdiary.domain.records import Concern, Profile, Recorded, SupervisionSession, Week

# The sections a pack can have, in the order it prints them; the cover is always there.
SECTIONS = (
    "summary",
    "charts",
    "weeks",
    "supervision",
    "concerns",
    "notes",
    "amendments",
    "attachments",
    "verification",
)


@dataclass(frozen=True)
class AuditRecord:
    """One audit entry as the pack shows and embeds it: the record as it stood after the change."""

    seq: int
    recorded_at: str  # UTC, ISO 8601, as stored
    entity: str  # the table: "weeks", "supervision_sessions", "concerns", "profile"
    entity_key: str
    action: str  # create, amend, delete, restore
    record: Mapping[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Snapshot:
    """Everything in the diary a pack may need, as it stood at `taken_at`."""

    pack_id: str
    taken_at: datetime  # UTC
    app_version: str
    profile: Profile
    # Every week not deleted, whatever the period: a run over the threshold that began before
    # the period still counts, so the builder needs the weeks around it.
    weeks: tuple[Recorded[Week], ...]
    sessions: tuple[Recorded[SupervisionSession], ...]
    concerns: tuple[Recorded[Concern], ...]
    # Every audit entry about the profile, the weeks, sessions and concerns, oldest first.
    audit: tuple[AuditRecord, ...]
    chain_head: str  # the hash of the diary's last audit entry when the snapshot was taken
    audit_entries: int  # how many entries the whole chain had then
    # The diary holds Work Diary's made-up sample data (the demo's, or `workdiary demo`'s): a
    # pack of it must say on every page that it is no real record.
    sample_data: bool = False


@dataclass(frozen=True)
class PackOptions:
    """What the user chose: the period (Mondays, both included) and what to put in."""

    first_week: date
    last_week: date
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    include_notes: bool = True  # off to share a pack without the free-text notes
    prepared_for: str = ""  # for example "Napo branch rep (J. Smith)"
