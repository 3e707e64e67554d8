"""One audited table of records: every write is checked, then saved with its audit entry at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from workdiary.domain.dates import format_moment
from workdiary.domain.errors import (
    DIARY_CHECK,
    ChangedElsewhere,
    DiaryAltered,
    FieldProblem,
    NotFound,
)
from workdiary.domain.history import (
    NOTHING_LATER,
    Change,
    HistoryEvent,
    LaterStory,
    changes_between,
    later_stories,
)
from workdiary.domain.records import Recorded
from workdiary.domain.rows import from_row, record_fields, to_row
from workdiary.domain.validation import as_kept, require_no_identifiers, require_valid
from workdiary.storage.history import history_from_entries
from workdiary.storage.verify import record_findings

if TYPE_CHECKING:
    from workdiary.storage.diary import Diary

R = TypeVar("R")
Rules = Callable[[R, date], list[FieldProblem]]


@dataclass(frozen=True)
class SaveResult(Generic[R]):
    """What a save did: 'created', 'amended', 'restored' or 'unchanged', and what changed."""

    entry: Recorded[R]
    action: str
    changes: list[Change]


@dataclass(frozen=True)
class DeletedEntry(Generic[R]):
    """A record deleted (and not recorded again since), as it stood when it was deleted."""

    entry: Recorded[R]
    deleted_at: datetime


class RecordTable(Generic[R]):
    """A table of records of one kind. Deletion is soft: the row stays, marked deleted."""

    def __init__(
        self,
        diary: Diary,
        table: str,
        record_type: type[R],
        rules: Rules[R],
        text_fields: Sequence[str],
        key_field: str | None = None,
    ) -> None:
        """`key_field` names the record field that keys the table; without one, rows get an id."""
        self._diary = diary
        self.table = table
        self.record_type = record_type
        self._rules = rules
        self._text_fields = text_fields
        self._key_column = key_field or "id"
        self._keyed_by_record = key_field is not None
        self.fields = record_fields(record_type)

    # Reading

    def _row(self, key: str) -> dict[str, Any] | None:
        rows = self._diary.query(
            f"SELECT * FROM [{self.table}] WHERE [{self._key_column}] = ?", [key]
        )
        return rows[0] if rows else None

    def _recorded(self, row: dict[str, Any], story: LaterStory | None = None) -> Recorded[R]:
        """The record in `row`, with what happened to it since it was first recorded (`story`;
        read from its history when not given)."""
        key = str(row[self._key_column])
        if story is None:
            story = self._later_stories(key).get(key, NOTHING_LATER)
        return Recorded(
            key=key,
            record=from_row(self.record_type, row),
            first_recorded_at=datetime.fromisoformat(row["recorded_at"]),
            last_changed_at=datetime.fromisoformat(row["updated_at"]),
            revision=row["revision"],
            amendments=story.amendments,
            recorded_again=story.recorded_again,
        )

    def _later_stories(self, key: str | None = None) -> dict[str, LaterStory]:
        """What happened to each record (or the one at `key`) after it was first recorded, from
        its history: the count of its revisions cannot tell an amendment from a deletion and
        its recording again. One query for the whole table: History reads every week."""
        changes = self._diary.audit.later_changes(self.table, key)
        return later_stories((key, action, _moment(at)) for key, action, at in changes)

    def exists(self, key: str) -> bool:
        """Whether the record was ever saved (a deleted one still exists)."""
        return self._row(key) is not None

    def get(self, key: str) -> Recorded[R] | None:
        row = self._row(key)
        return self._recorded(row) if row and row["deleted_at"] is None else None

    def all(self) -> list[Recorded[R]]:
        """Every record not deleted, in key order."""
        rows = self._diary.query(
            f"SELECT * FROM [{self.table}] WHERE deleted_at IS NULL ORDER BY [{self._key_column}]"
        )
        stories = self._later_stories()
        column = self._key_column
        return [self._recorded(row, stories.get(str(row[column]), NOTHING_LATER)) for row in rows]

    def deleted(self) -> dict[str, datetime]:
        """When each record deleted (and not recorded again since) was deleted, by key."""
        column = self._key_column
        rows = self._diary.query(
            f"SELECT [{column}], deleted_at FROM [{self.table}] WHERE deleted_at IS NOT NULL"
        )
        return {str(row[column]): datetime.fromisoformat(row["deleted_at"]) for row in rows}

    def deleted_entries(self) -> list[DeletedEntry[R]]:
        """Every record deleted (and not recorded again since), in key order, with when. Each is
        as it stood before it was deleted: deleting changed nothing it held, so it is not counted
        as an amendment."""
        column = self._key_column
        rows = self._diary.query(
            f"SELECT * FROM [{self.table}] WHERE deleted_at IS NOT NULL ORDER BY [{column}]"
        )
        stories = self._later_stories() if rows else {}
        return [
            DeletedEntry(
                self._before_deletion(row, stories.get(str(row[column]), NOTHING_LATER)),
                datetime.fromisoformat(row["deleted_at"]),
            )
            for row in rows
        ]

    def _before_deletion(self, row: dict[str, Any], story: LaterStory) -> Recorded[R]:
        """The deleted record in `row` at the revision before its deletion, last changed when
        its history says that revision was saved. Its `story` leaves out the deletion itself."""
        revision = row["revision"] - 1
        changed_at = row["recorded_at"]
        for entry in self._diary.audit.entries(self.table, str(row[self._key_column])):
            if entry.values.get("revision") == revision:
                changed_at = entry.values["updated_at"]
        return replace(
            self._recorded(row, story),
            revision=revision,
            last_changed_at=datetime.fromisoformat(changed_at),
        )

    def keys_not_deleted(self) -> list[str]:
        """The key of every record not deleted, in key order, without reading the records."""
        column = self._key_column
        rows = self._diary.query(
            f"SELECT [{column}] FROM [{self.table}] WHERE deleted_at IS NULL ORDER BY [{column}]"
        )
        return [str(row[column]) for row in rows]

    def count(self) -> int:
        """How many records are not deleted."""
        rows = self._diary.query(
            f"SELECT count(*) AS n FROM [{self.table}] WHERE deleted_at IS NULL"
        )
        return int(rows[0]["n"])

    def history(self, key: str) -> list[HistoryEvent]:
        return history_from_entries(self._diary.audit.entries(self.table, key), self.fields)

    # Writing

    def save(
        self,
        record: R,
        key: str | None = None,
        *,
        allow_identifiers: bool = False,
        allow_clock_behind: bool = False,
        read_at: int | None = None,
    ) -> SaveResult[R]:
        """Create the record, or amend the one at `key` (tables keyed by a record field find the
        key in the record). Raises InvalidInput, IdentifierWarning or ClockBehind (see
        Diary.entry_moment), and then saves nothing.

        `read_at` is the revision of the copy the record was edited from (0: there was none, as
        for a new record). If the record has been saved or deleted since, by a command or another
        window, ChangedElsewhere is raised and nothing is saved: the caller's copy would put
        back what that change had changed. None saves without asking (a command run on purpose)."""
        today = self._diary.today()
        require_valid(self._rules(record, today))
        new_values = {
            field: as_kept(value) if isinstance(value, str) else value
            for field, value in to_row(record).items()
        }
        if self._keyed_by_record:
            key = str(new_values[self._key_column])
        # Read what is there under the write lock, so a save from another window or script
        # in between cannot make this one work from a stale copy.
        with self._diary.transaction():
            existing = self._row(key) if key is not None else None
            if key is not None and existing is None and not self._keyed_by_record:
                raise NotFound(f"There is no record {key} to change.")
            if key is not None:
                self._require_unaltered(key, existing)
            deleted = existing is not None and existing["deleted_at"] is not None
            current = existing if existing is not None and not deleted else None
            revision_now = current["revision"] if current is not None else 0
            if read_at is not None and read_at != revision_now:
                raise self._changed_since(key, read_at, current, revision_now, new_values)
            changes = changes_between(current, new_values, self.fields)
            if current is not None and not changes:
                return SaveResult(self._recorded(current), "unchanged", [])
            if not allow_identifiers:
                changed = {change.field for change in changes}
                texts = (new_values[field] for field in self._text_fields if field in changed)
                require_no_identifiers(texts, today)
            now = self._diary.entry_moment(allow_clock_behind=allow_clock_behind)
            if existing is None:
                action = "create"
                row = {**new_values, "recorded_at": now, "updated_at": now, "revision": 1,
                       "deleted_at": None}  # fmt: skip
                row_id = self._insert(row)
                if not self._keyed_by_record:
                    row["id"] = row_id
                    # A new id can be one whose row was removed behind the app's back.
                    self._require_unaltered(str(row_id), None)
            else:
                action = "restore" if deleted else "amend"
                row = {**existing, **new_values, "updated_at": now,
                       "revision": existing["revision"] + 1, "deleted_at": None}  # fmt: skip
                self._update(row)
            self._diary.audit.append(now, self.table, str(row[self._key_column]), action, row)
        done = {"create": "created", "amend": "amended", "restore": "restored"}[action]
        return SaveResult(self._recorded(row), done, changes)

    def restore(self, key: str, *, allow_clock_behind: bool = False) -> SaveResult[R]:
        """Bring back the deleted record at `key` as it stood before it was deleted: it counts
        again, keeps when it was first recorded, and its history shows the deletion and the
        restoring. Raises NotFound when no record at `key` is deleted (restored elsewhere
        meanwhile, say), or ClockBehind as `save` does, and then nothing is saved."""
        with self._diary.transaction():  # read under the write lock, as `save` reads
            row = self._row(key)
            if row is None or row["deleted_at"] is None:
                raise NotFound(f"There is no deleted record {key} to restore.")
            # What it holds was asked about when it was first saved: nothing in it is new.
            return self.save(
                from_row(self.record_type, row),
                key,
                allow_identifiers=True,
                allow_clock_behind=allow_clock_behind,
            )

    def _require_unaltered(self, key: str, row: dict[str, Any] | None) -> None:
        """Refuse to write over a record changed outside Work Diary (its row, here `row`, no
        longer what its history last recorded). Saved, the change would pass into the record's
        history as if made here, and `verify` would no longer see it."""
        table = self._diary.audited_table(self.table)
        assert table is not None, f"{self.table} is not an audited table"
        findings = record_findings(table, key, row, self._diary.audit.last_of(self.table, key))
        if findings:
            raise DiaryAltered(
                "Nothing was saved. "
                + " ".join(finding.message for finding in findings)
                + "\n\nWork Diary will not save over a record changed outside it: the change "
                "would pass into its history as if it had been made here. The diary file keeps "
                f"it as it is, for {DIARY_CHECK} to show."
            )

    def _changed_since(
        self,
        key: str | None,
        read_at: int,
        current: dict[str, Any] | None,
        revision_now: int,
        saving: dict[str, Any] | None = None,
    ) -> ChangedElsewhere:
        """What was done to the record at `key` since its copy at revision `read_at` was read,
        and what `saving` (the values being saved, if any) would change of it now."""
        then: dict[str, Any] | None = None
        if key is not None and read_at:
            for entry in self._diary.audit.entries(self.table, key):
                if entry.values.get("revision") == read_at:
                    then = entry.values
        if current is None:
            what = "was deleted"
            changes: list[Change] = []
        else:
            saved_at = datetime.fromisoformat(current["updated_at"])
            what = f"was saved at {format_moment(saved_at)}"
            changes = changes_between(then, current, self.fields)
        return ChangedElsewhere(
            f"It {what} after you opened it here, by a Work Diary command or another window.",
            changes,
            revision_now,
            changes_between(current, saving, self.fields) if current and saving else [],
        )

    def _insert(self, row: dict[str, Any]) -> int:
        """Insert the row; its rowid (the new id, for tables keyed by one)."""
        columns = ", ".join(f"[{column}]" for column in row)
        marks = ", ".join("?" for _ in row)
        cursor = self._diary.connection.execute(
            f"INSERT INTO [{self.table}] ({columns}) VALUES ({marks})", list(row.values())
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _update(self, row: dict[str, Any]) -> None:
        """Write every column of the row over the stored one with the same key."""
        columns = [column for column in row if column != self._key_column]
        assignments = ", ".join(f"[{column}] = ?" for column in columns)
        self._diary.connection.execute(
            f"UPDATE [{self.table}] SET {assignments} WHERE [{self._key_column}] = ?",
            [row[column] for column in columns] + [row[self._key_column]],
        )

    def delete(
        self, key: str, *, allow_clock_behind: bool = False, read_at: int | None = None
    ) -> None:
        """Mark the record deleted; it stays in the file and in its history. Raises ClockBehind
        as `save` does.

        `read_at` is the revision of the copy the user chose to delete, as for `save`: if the
        record has been saved or deleted since, ChangedElsewhere is raised and nothing is deleted,
        so no one deletes a version they have not seen. None deletes without asking."""
        with self._diary.transaction():
            existing = self._row(key)
            if existing is None or existing["deleted_at"] is not None:
                if existing is not None and read_at:
                    raise self._changed_since(key, read_at, None, 0)
                raise NotFound(f"There is no record {key} to delete.")
            self._require_unaltered(key, existing)
            if read_at is not None and read_at != existing["revision"]:
                raise self._changed_since(key, read_at, existing, existing["revision"])
            now = self._diary.entry_moment(allow_clock_behind=allow_clock_behind)
            row = {**existing, "updated_at": now, "revision": existing["revision"] + 1,
                   "deleted_at": now}  # fmt: skip
            self._update(row)
            self._diary.audit.append(now, self.table, key, "delete", row)


def _moment(stored: str) -> datetime | None:
    """An audit entry's moment as stored (UTC, ISO 8601); None when it can no longer be read as
    one (changed outside Work Diary: `verify` names the entry), so the rest still shows."""
    try:
        moment = datetime.fromisoformat(stored)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None
