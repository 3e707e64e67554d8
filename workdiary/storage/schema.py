"""What the app knows of the diary's schema without loading the migrations themselves."""

from __future__ import annotations

import sqlite3

MIGRATION_SET = "workdiary"
# The migrations this version knows, oldest first (their functions are in migrations.py); a diary
# that has any other was written by a newer version of the app.
KNOWN_MIGRATIONS = ("m001_initial",)
MIGRATIONS_TABLE = "_sqlite_migrations"
AUDIT_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


def applied_migrations(connection: sqlite3.Connection) -> set[str]:
    """The names of the migrations already applied to the diary (none for a new file)."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return set()
    rows = connection.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET]
    )
    return {row[0] for row in rows}
