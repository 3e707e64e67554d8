"""The diary's tables, created and changed only by numbered migrations (with sqlite-utils).

Imported only when a diary needs creating or upgrading: sqlite-utils takes a tenth of a second to
import, which the app's start-up and the command line need not pay every time."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workdiary.storage.schema import MIGRATION_SET

MIGRATIONS = Migrations(MIGRATION_SET)


def apply_pending(connection: sqlite3.Connection) -> None:
    """Bring the diary's tables up to date, each migration in its own transaction."""
    MIGRATIONS.apply(Database(connection, execute_plugins=False))


# Columns every audited table has besides the record's own: when the record was first written,
# last written, how many times (1 = never amended), and when it was deleted (deletion is soft).
RECORD_META = {"recorded_at": str, "updated_at": str, "revision": int, "deleted_at": str}
META_NOT_NULL = {"recorded_at", "updated_at", "revision"}


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db["profile"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "name": str,
            "role": str,
            "team": str,
            "contracted_hours": float,
            "hourly_rate": float,
            "threshold_pct": float,
            "run_weeks": int,
            "supervision_interval_weeks": int,
            **RECORD_META,
        },
        pk="id",
        not_null={"name", "role", "team", "contracted_hours", "threshold_pct", "run_weeks"}
        | META_NOT_NULL,
    )
    db["weeks"].create(  # type: ignore[union-attr]
        {
            "week_commencing": str,
            "capacity_pct": float,
            "wmt_read_on": str,
            "caseload": int,
            "cases_community": int,
            "cases_licence": int,
            "cases_custody": int,
            "reports_due": int,
            "wmt_reduction_hours": float,
            "contracted_hours": float,
            "hours_worked": float,
            "unpaid_hours": float,
            "toil_earned": float,
            "toil_taken": float,
            "breaks_missed_days": int,
            "leave_days": float,
            "sick_days": float,
            "notes": str,
            **RECORD_META,
        },
        pk="week_commencing",
        not_null={"capacity_pct", "notes"} | META_NOT_NULL,
    )
    db["supervision_sessions"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "held_on": str,
            "status": str,
            "supervisor": str,
            "minutes": int,
            "workload_discussed": int,
            "actions": str,
            "notes": str,
            **RECORD_META,
        },
        pk="id",
        not_null={"held_on", "status", "supervisor", "actions", "notes"} | META_NOT_NULL,
    )
    db["concerns"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "raised_on": str,
            "raised_with": str,
            "channel": str,
            "summary": str,
            "response": str,
            "response_on": str,
            "follow_up_on": str,
            "status": str,
            **RECORD_META,
        },
        pk="id",
        not_null={"raised_on", "raised_with", "channel", "summary", "response", "status"}
        | META_NOT_NULL,
    )
    db["attachments"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "owner_entity": str,
            "owner_key": str,
            "original_name": str,
            "media_type": str,
            "size_bytes": int,
            "sha256": str,
            "content": bytes,
            "captured_at": str,
            "caption": str,
            **RECORD_META,
        },
        pk="id",
        not_null={"owner_entity", "owner_key", "original_name", "media_type", "size_bytes"}
        | {"sha256", "content", "caption"}
        | META_NOT_NULL,
    )
    db["exports"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "made_at": str,
            "kind": str,
            "period_from": str,
            "period_to": str,
            "fingerprint": str,
            "chain_head": str,
            "file_name": str,
            "file_sha256": str,
            **RECORD_META,
        },
        pk="id",
        not_null={"made_at", "kind", "fingerprint", "chain_head", "file_name", "file_sha256"}
        | META_NOT_NULL,
    )
    db.executescript(
        """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_key TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('create', 'amend', 'delete', 'restore')),
            record TEXT NOT NULL,
            prev_hash TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX audit_log_by_record ON audit_log (entity, entity_key, seq);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END;
        """
    )
