"""The append-only audit log: every change to a record, hash-chained to the one before."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workdiary.domain.canonical import canonical_json, sha256_hex
from workdiary.domain.errors import DIARY_CHECK, DiaryAltered

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    """One change: the whole record as it stood after it, and the hashes that chain it."""

    seq: int
    recorded_at: str
    entity: str
    entity_key: str
    action: str
    record: str
    prev_hash: str
    hash: str

    @property
    def values(self) -> dict[str, Any]:
        """The record as this entry holds it. An entry changed outside Work Diary so that it no
        longer holds one raises DiaryAltered: whatever reads the history says what happened,
        rather than failing as if the fault were Work Diary's."""
        try:
            result = json.loads(self.record)
        except (TypeError, ValueError):
            result = None
        if not isinstance(result, dict):
            raise DiaryAltered(self._unreadable("what it recorded"))
        return result

    @property
    def moment(self) -> datetime:
        """When the entry was made; DiaryAltered when that can no longer be read as a moment."""
        try:
            moment = datetime.fromisoformat(self.recorded_at)
        except (TypeError, ValueError):
            moment = None
        if moment is None or moment.tzinfo is None:
            raise DiaryAltered(self._unreadable("when it was made"))
        return moment

    def _unreadable(self, what: str) -> str:
        return (
            f"Entry {self.seq} of your diary's history was changed outside Work Diary: "
            f"{what} can no longer be read. Work Diary has changed nothing; {DIARY_CHECK} "
            "shows everything that was changed."
        )

    def expected_hash(self) -> str:
        """The hash this entry should carry, worked out afresh from what it says."""
        return entry_hash(
            self.seq,
            self.recorded_at,
            self.entity,
            self.entity_key,
            self.action,
            self.record,
            self.prev_hash,
        )


def entry_hash(
    seq: int,
    recorded_at: str,
    entity: str,
    entity_key: str,
    action: str,
    record_json: str,
    prev_hash: str,
) -> str:
    return sha256_hex(
        canonical_json(
            {
                "seq": seq,
                "recorded_at": recorded_at,
                "entity": entity,
                "entity_key": entity_key,
                "action": action,
                "record": record_json,
                "prev_hash": prev_hash,
            }
        )
    )


class AuditLog:
    """Appends to, and reads, the audit_log table. Callers append inside their own transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def head(self) -> tuple[int, str]:
        """The last entry's number and hash (0 and the genesis hash for a new diary)."""
        row = self._db.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return (row[0], row[1]) if row else (0, GENESIS_HASH)

    def append(
        self, recorded_at: str, entity: str, entity_key: str, action: str, row: dict[str, Any]
    ) -> AuditEntry:
        last_seq, prev_hash = self.head()
        record_json = canonical_json(row)
        seq = last_seq + 1
        digest = entry_hash(seq, recorded_at, entity, entity_key, action, record_json, prev_hash)
        entry = AuditEntry(
            seq, recorded_at, entity, entity_key, action, record_json, prev_hash, digest
        )
        self._db.execute(
            "INSERT INTO audit_log (seq, recorded_at, entity, entity_key, action, record, "
            "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [seq, recorded_at, entity, entity_key, action, record_json, prev_hash, digest],
        )
        return entry

    def entries(
        self, entity: str | None = None, entity_key: str | None = None
    ) -> Iterator[AuditEntry]:
        """Entries oldest first, all of them or one record's."""
        sql = (
            "SELECT seq, recorded_at, entity, entity_key, action, record, prev_hash, hash "
            "FROM audit_log"
        )
        params: list[str] = []
        if entity is not None:
            sql += " WHERE entity = ?"
            params.append(entity)
            if entity_key is not None:
                sql += " AND entity_key = ?"
                params.append(entity_key)
        sql += " ORDER BY seq"
        for row in self._db.execute(sql, params):
            yield AuditEntry(*tuple(row))

    def later_changes(
        self, entity: str, entity_key: str | None = None
    ) -> list[tuple[str, str, str]]:
        """The key, action and moment (as stored) of every amendment, deletion and recording
        again of `entity`'s records (or of one of them), oldest first: what happened to each
        after it was first recorded, without reading what it held. Far fewer than the entries."""
        sql = (
            "SELECT entity_key, action, recorded_at FROM audit_log WHERE entity = ? "
            "AND action IN ('amend', 'delete', 'restore')"
        )
        params = [entity]
        if entity_key is not None:
            sql += " AND entity_key = ?"
            params.append(entity_key)
        rows = self._db.execute(sql + " ORDER BY seq", params)
        return [(row[0], row[1], row[2]) for row in rows]

    def last_of(self, entity: str, entity_key: str) -> AuditEntry | None:
        """One record's most recent entry: the record as it was last saved by Work Diary."""
        row = self._db.execute(
            "SELECT seq, recorded_at, entity, entity_key, action, record, prev_hash, hash "
            "FROM audit_log WHERE entity = ? AND entity_key = ? ORDER BY seq DESC LIMIT 1",
            [entity, entity_key],
        ).fetchone()
        return AuditEntry(*tuple(row)) if row else None

    def latest(self) -> AuditEntry | None:
        """The most recent entry: when the diary was last saved, and what."""
        row = self._db.execute(
            "SELECT seq, recorded_at, entity, entity_key, action, record, prev_hash, hash "
            "FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        return AuditEntry(*tuple(row)) if row else None

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM audit_log").fetchone()[0])
