"""Checking the diary against its own history: the hash chain, and every record against its last
audit entry, so that a change made behind the app's back is named by record and field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workdiary.domain.dates import (
    dated_back,
    dated_back_words,
    format_day,
    format_moment,
    stored_day,
)
from workdiary.domain.errors import DiaryAltered
from workdiary.domain.formatting import format_value
from workdiary.domain.records import FieldInfo
from workdiary.storage.audit import GENESIS_HASH, AuditEntry
from workdiary.storage.schema import AUDIT_TRIGGERS

if TYPE_CHECKING:
    from workdiary.storage.diary import Diary


@dataclass(frozen=True)
class Finding:
    """One thing that does not add up: which record (and field, when one is to blame) and why."""

    entity: str
    key: str
    field: str | None
    message: str


@dataclass(frozen=True)
class VerifyReport:
    """What a check found: how many audit entries, the chain's last hash, and every problem.
    `dated_backwards` names entries dated earlier than the entry before them. The chain is
    intact, as is every record; but each entry is dated by the computer's clock, and one dated
    back was saved while that clock was wrong, or had been put back, so its date is not to be
    relied on (nor whether its record was kept at the time)."""

    entries: int
    chain_head: str
    findings: list[Finding] = field(default_factory=list)
    dated_backwards: list[Finding] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.findings


# What a table keeps beside each record (and an export is), named for a message saying one was
# changed outside Work Diary.
KEPT_BESIDE = {
    "id": "its number",
    "recorded_at": "the time it was first recorded",
    "updated_at": "the time it was last saved",
    "revision": "its revision number",
    "deleted_at": "the time it was deleted",
    "kind": "its kind",
    "made_at": "the time it was made",
    "period_from": "the first week it covers",
    "period_to": "the last week it covers",
    "fingerprint": "its fingerprint",
    "chain_head": "the diary's history hash when it was made",
    "file_name": "its file name",
    "file_sha256": "its file's SHA-256",
}


@dataclass(frozen=True)
class AuditedTable:
    """What verify needs to know of a table: its key column, how to name a record, and its
    records' fields (`fields`), so that a finding speaks the form's words and units."""

    table: str
    key_column: str
    describe: Callable[[str], str]
    fields: Mapping[str, FieldInfo]

    def field_label(self, column: str) -> str:
        info = self.fields.get(column)
        return info.label if info else KEPT_BESIDE.get(column, column)

    def shown(self, column: str, here: Any, there: Any) -> tuple[str, str]:
        """Two stored values of `column`, as a message sets them side by side: as the app shows
        them ("90 %", "Tue 17 Nov 2026 09:00"), unless that would make them look the same (90
        written as text, a time moved by seconds), and then exactly as stored."""
        info = self.fields.get(column)
        friendly = _show(info, here), _show(info, there)
        if friendly[0] != friendly[1]:
            return friendly
        return _exact(here), _exact(there)


def _show(info: FieldInfo | None, value: Any) -> str:
    if not isinstance(value, str) or not value:
        return format_value(info, value)
    day = stored_day(value)
    if day is not None:
        return format_day(day)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is not None and moment.tzinfo is not None:
        return format_moment(moment)
    return repr(value)  # text, quoted so that where it starts and ends is plain


def _exact(value: Any) -> str:
    return "(empty)" if value is None else repr(value)


def verify(diary: Diary, tables: list[AuditedTable]) -> VerifyReport:
    findings: list[Finding] = []
    triggers = diary.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    present = {row["name"] for row in triggers}
    for trigger in AUDIT_TRIGGERS:
        if trigger not in present:
            findings.append(
                Finding(
                    "audit_log",
                    "",
                    None,
                    f"The safeguard that stops the audit log being changed ({trigger}) has been "
                    "removed outside Work Diary.",
                )
            )

    last_entry: dict[tuple[str, str], AuditEntry] = {}
    dated_backwards: list[Finding] = []
    names = {table.table: table.describe for table in tables}
    previous: AuditEntry | None = None
    previous_seq, previous_hash, entries = 0, GENESIS_HASH, 0
    for entry in diary.audit.entries():
        entries += 1
        where = f"audit entry {entry.seq}"
        if entry.seq != previous_seq + 1:
            findings.append(
                Finding(
                    "audit_log",
                    str(entry.seq),
                    None,
                    f"Audit entries {previous_seq + 1} to {entry.seq - 1} are missing: "
                    "they were removed outside Work Diary.",
                )
            )
        elif entry.prev_hash != previous_hash:
            findings.append(
                Finding(
                    "audit_log",
                    str(entry.seq),
                    None,
                    f"The chain is broken at {where}: it does not follow the entry before it.",
                )
            )
        if entry.hash != entry.expected_hash():
            findings.append(
                Finding(
                    "audit_log",
                    str(entry.seq),
                    None,
                    f"{where.capitalize()} ({entry.entity} {entry.entity_key}) was altered "
                    "outside Work Diary: its contents no longer match its hash.",
                )
            )
        if previous is not None and _dated_before(entry, previous):
            dated_backwards.append(_dated_backwards(entry, previous, names))
        last_entry[(entry.entity, entry.entity_key)] = entry
        previous = entry
        previous_seq, previous_hash = entry.seq, entry.hash

    for table in tables:
        seen: set[str] = set()
        for row in diary.query(f"SELECT * FROM [{table.table}]"):
            key = str(row[table.key_column])
            seen.add(key)
            findings += record_findings(table, key, row, last_entry.get((table.table, key)))
        for entity, key in last_entry:
            if entity == table.table and key not in seen:
                findings += record_findings(table, key, None, last_entry[(entity, key)])
    head = previous_hash if entries else GENESIS_HASH
    return VerifyReport(entries, head, findings, dated_backwards)


def _dated_before(entry: AuditEntry, previous: AuditEntry) -> bool:
    # Both are written the same way (UTC, to the microsecond), so the text compares as the
    # moments do: only an entry that may be dated back is read as a date.
    if entry.recorded_at >= previous.recorded_at:
        return False
    try:
        return dated_back(entry.moment, previous.moment)
    except DiaryAltered:  # no date at all: its hash check has already said it was altered
        return False


def _dated_backwards(
    entry: AuditEntry, previous: AuditEntry, names: dict[str, Callable[[str], str]]
) -> Finding:
    describe = names.get(entry.entity)
    try:
        what = describe(entry.entity_key) if describe else f"{entry.entity} {entry.entity_key}"
    except ValueError:  # a key altered outside Work Diary, named by the other findings
        what = f"{entry.entity} {entry.entity_key}"
    return Finding(
        entry.entity,
        entry.entity_key,
        None,
        dated_back_words(entry.seq, what, entry.moment, previous.moment),
    )


def record_findings(
    table: AuditedTable, key: str, row: dict[str, Any] | None, recorded: AuditEntry | None
) -> list[Finding]:
    """What does not add up about one record: its row in the table (None: there is none) against
    its last audit entry (None: it has no history)."""
    if row is None:
        if recorded is None:
            return []
        return [
            Finding(
                table.table,
                key,
                None,
                f"{table.describe(key)} has been removed from the diary file outside "
                "Work Diary; its history is still there.",
            )
        ]
    if recorded is None:
        return [
            Finding(
                table.table,
                key,
                None,
                f"{table.describe(key)} was added outside Work Diary: it has no history.",
            )
        ]
    try:
        expected = recorded.values
    except DiaryAltered:
        return [
            Finding(
                table.table,
                key,
                None,
                f"{table.describe(key)}: its last entry in the history (entry {recorded.seq}) "
                "was changed outside Work Diary and no longer says what the record held.",
            )
        ]
    if row == expected:
        return []
    name = table.describe(key)
    findings = []
    for column in sorted(set(row) | set(expected)):
        if row.get(column) != expected.get(column):
            here, there = table.shown(column, row.get(column), expected.get(column))
            findings.append(
                Finding(
                    table.table,
                    key,
                    column,
                    f"{name}: {table.field_label(column)} is {here} in the diary file, but its "
                    f"history says {there}. It was changed outside Work Diary.",
                )
            )
    return findings
