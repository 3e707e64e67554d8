"""The open diary file: opened safely, migrated, the one way its records are read and written."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from workdiary.domain.dates import clock_behind_words, dated_back, format_day, stored_day
from workdiary.domain.errors import (
    ClockBehind,
    DiaryAltered,
    DiaryReadOnly,
    DiaryTooNew,
    DiaryUnavailable,
    DiskFull,
)
from workdiary.domain.records import (
    CONCERN_FIELDS,
    PROFILE_FIELDS,
    SUPERVISION_FIELDS,
    WEEK_FIELDS,
    Concern,
    Export,
    Profile,
    Recorded,
    SupervisionSession,
    Week,
)
from workdiary.domain.validation import (
    concern_problems,
    profile_problems,
    supervision_problems,
    week_problems,
)
from workdiary.files import flush_to_disk
from workdiary.storage.audit import AuditLog
from workdiary.storage.errors import (
    COULD_NOT_WRITE,
    FREE_SOME_SPACE,
    SAFE,
    as_user_errors,
    cannot_write,
    damaged,
    empty,
    links_to_nothing,
    missing,
    not_a_diary,
    replaced,
    sqlite_code,
    why_read_only,
)
from workdiary.storage.records import RecordTable, SaveResult
from workdiary.storage.schema import KNOWN_MIGRATIONS, applied_migrations
from workdiary.storage.verify import AuditedTable, VerifyReport, verify

Clock = Callable[[], datetime]
# Why a diary opened for reading only cannot be saved to: its folder, file or disk is read-only,
# or its disk is full.
CannotSave = DiaryReadOnly | DiskFull

SQLITE_HEADER = b"SQLite format 3\x00"
PROFILE_KEY = "1"
# How long to wait for another Work Diary process that is saving, before saying the diary is busy.
BUSY_TIMEOUT_MS = 5000
# The files SQLite may keep beside a diary that hold saves not yet in the file itself.
JOURNALS = ("-wal", "-journal")


def utc_now() -> datetime:
    return datetime.now(UTC)


def _create_private_file(path: Path) -> None:
    """Create an empty file only its owner can read; SQLite's -wal and -shm files copy its mode."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)


def _create_diary(path: Path) -> None:
    """Make a new, empty diary at `path`, whole or not at all.

    It is made beside `path` under a temporary name, its first page written and flushed to the
    disk, and only then given its name. So a diary file always has a diary in it: an empty one
    was cut short by something else (a copy, a sync) and is refused, never written over. A full
    disk or a read-only folder leaves nothing behind, and the next try starts afresh."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = folder / f".{path.name}.{os.urandom(6).hex()}.new"
    _create_private_file(temporary)
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = WAL")  # which writes the first page
        finally:
            connection.close()
        flush_to_disk(temporary)
        _name_new_diary(temporary, path)
    finally:
        for end in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                _beside(temporary, end).unlink(missing_ok=True)


def _name_new_diary(temporary: Path, path: Path) -> None:
    """Give the new diary its name, unless a diary has appeared there meanwhile (another Work
    Diary starting at the same moment): that one is then the diary, and this one is dropped."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        return
    except OSError:
        # No hard links on this disk (a FAT memory stick, some network drives). A rename would
        # replace a diary made meanwhile (except on Windows), so it comes only after a look.
        if path.exists():
            return
        os.rename(temporary, path)
    if os.name == "posix":  # so that the name survives a power cut; Windows cannot flush a folder
        with contextlib.suppress(OSError):
            flush_to_disk(path.parent)


def _beside(path: Path, suffix: str) -> Path:
    """A file SQLite keeps beside the database: diary.db-wal for "-wal"."""
    return path.with_name(path.name + suffix)


def _free_companions(path: Path) -> None:
    """Give the -wal and -shm files beside a writable diary its own permissions. SQLite makes
    them with the permissions of the diary file, so made while it was read-only they are too,
    and stay so once it is writable again: no save would ever go through, even after a restart."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return
    if not mode & stat.S_IWUSR:
        return
    for companion in (_beside(path, "-wal"), _beside(path, "-shm")):
        with contextlib.suppress(OSError):  # not there, or not ours: opening says what is wrong
            if not companion.stat().st_mode & stat.S_IWUSR:
                companion.chmod(mode)


def _holds_unsaved_changes(path: Path) -> bool:
    """Whether a -wal (or rollback journal) beside the diary has anything in it: saves not yet
    copied into the file itself, which a reading that ignores it would miss."""
    for suffix in JOURNALS:
        try:
            if _beside(path, suffix).stat().st_size > 0:
                return True
        except FileNotFoundError:
            continue
        except OSError:
            return True  # cannot tell: assume so
    return False


HAS_TABLES = "SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1"
# The table that marks a diary filled with the made-up sample data (see Diary.mark_as_sample).
SAMPLE_TABLE = "sample_data"


def _check_is_diary(path: Path) -> None:
    """Refuse, before SQLite touches it, a file that is not a SQLite database at all, or is
    empty: SQLite would take an empty file for a new diary, and write one into it."""
    if path.is_dir():
        raise DiaryUnavailable(
            f"Work Diary cannot open your diary: {path} is a folder, not a diary file. Nothing "
            "was saved or changed. Move that folder away, or choose another folder for your diary."
        )
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    if not header:
        raise empty(path)
    if header != SQLITE_HEADER:
        raise not_a_diary(path, "the file does not begin as an SQLite database does")


def _check_opened(connection: sqlite3.Connection, path: Path) -> set[str]:
    """Check a diary just opened, before anything is written to it: SQLite finds it whole, and
    no newer version of Work Diary has saved to it. The migrations it has had."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError:
        raise  # could not be read at all (a read-only folder, a full disk…): not damage
    except sqlite3.DatabaseError as error:
        raise damaged(path, f"SQLite reports “{error}”") from error
    if check != "ok":
        raise damaged(path, f"SQLite's quick_check reports “{check}”")
    applied = applied_migrations(connection)
    if applied - set(KNOWN_MIGRATIONS):
        raise DiaryTooNew(
            f"The diary {path} was saved by a newer version of Work Diary. "
            "Install the newer version to open it; this version has not changed the file."
        )
    # Migrations are applied oldest first, each recorded as it is; a new diary has no tables.
    # Anything else is another program's database, or one whose record of what it has had was
    # changed: bringing it "up to date" would write Work Diary's tables into it.
    in_order = set(KNOWN_MIGRATIONS[: len(applied)]) == applied
    if not in_order or (not applied and connection.execute(HAS_TABLES).fetchone()):
        raise not_a_diary(
            path,
            "an SQLite database whose tables are not Work Diary's, or whose record of its "
            "migrations (_sqlite_migrations) was changed",
        )
    return applied


def _check_without_writing(path: Path) -> set[str]:
    """Check the diary at `path` as `_check_opened` does, through a connection that can only
    read. A connection that can write copies the saves in a -wal beside the diary into the file
    as it closes: a damaged diary, or a newer version's, would be changed by being refused."""
    probe = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return _check_opened(probe, path)
    finally:
        probe.close()


def _open_to_save(path: Path) -> sqlite3.Connection:
    """A connection to read and save the diary at `path`, once checked, brought up to date."""
    applied = _check_without_writing(path)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        _make_ready_to_save(connection, applied)
    except BaseException:
        connection.close()
        raise
    return connection


def _make_ready_to_save(connection: sqlite3.Connection, applied: set[str]) -> None:
    """Set a checked diary's connection up for saving, and bring its tables up to date."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    if applied != set(KNOWN_MIGRATIONS):
        from workdiary.storage.migrations import apply_pending

        apply_pending(connection)
    connection.row_factory = sqlite3.Row


def _require_same_diary(path: Path, last_read: tuple[int, str]) -> None:
    """Refuse a file at `path` that is not the diary read so far (another copy, a backup,
    another stick's): the last audit entry read (`last_read`, its sequence number and hash) must
    be in its history, or saving to it what was typed from the first would mix two diaries."""
    seq, last_hash = last_read
    if not seq:
        return  # nothing recorded was read, so nothing the file could contradict
    # Only read; not opened read-only, which cannot read a diary without its -shm file beside it.
    probe = sqlite3.connect(path)
    try:
        row = probe.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
    except sqlite3.DatabaseError as error:
        if sqlite_code(error) in COULD_NOT_WRITE:
            raise  # it cannot be opened yet (its folder still read-only, say): no answer
        row = None  # not a diary at all
    finally:
        probe.close()
    if row is None or row[0] != last_hash:
        raise replaced(path)


def _identity(path: Path) -> tuple[int, int]:
    """Which file is at `path` (its device and inode): the same for as long as that file is
    there, whatever is written to it, and another for any file put in its place."""
    status = path.stat()
    return status.st_dev, status.st_ino


def _connect_to_save(path: Path) -> sqlite3.Connection:
    """A connection to read and save the diary at `path`, checked and brought up to date as
    opening does, once it is shown to be writable."""
    connection = _open_to_save(path)
    try:
        # SQLite opens a file it may not write to for reading only, without a word, and even
        # lets it take the write lock: only a write shows it can be saved to (undone here).
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            connection.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            connection.rollback()
    except BaseException:
        connection.close()
        raise
    return connection


class Diary:
    """One diary file. Build it with `Diary.open`; close it when done."""

    def __init__(self, connection: sqlite3.Connection, path: Path, clock: Clock) -> None:
        self.connection = connection
        self.path = path
        self.clock = clock
        # Why nothing can be saved to this diary, when it was opened for reading only (its folder
        # could not be written to, or its disk is full); None when it can be saved to. A save
        # tries it afresh (see transaction).
        self.read_only: CannotSave | None = None
        # The file opened at `path` (see _identity); None for a diary held only in memory.
        self._opened: tuple[int, int] | None = None
        self.audit = AuditLog(connection)
        self._savepoints = 0
        self.weeks = RecordTable(self, "weeks", Week, week_problems, ("notes",), "week_commencing")
        self.supervision = RecordTable(
            self,
            "supervision_sessions",
            SupervisionSession,
            supervision_problems,
            ("supervisor", "actions", "notes"),
        )
        self.concerns = RecordTable(
            self, "concerns", Concern, concern_problems, ("raised_with", "summary", "response")
        )
        # Exports are written by the app, not typed, so there is nothing to check them against.
        self.exports = RecordTable(self, "exports", Export, lambda _export, _today: [], ())
        self._profile = RecordTable(
            self, "profile", Profile, lambda profile, _today: profile_problems(profile), ("name",)
        )

    @classmethod
    def open(cls, path: Path, clock: Clock = utc_now) -> Diary:
        """Open (or create) the diary at `path` and bring its tables up to date.

        A damaged or empty file, or one from a newer version of the app, is refused before
        anything is written to it. A diary whose folder (or file, or disk) is read-only, or whose
        disk is full, is opened for reading only, so that it can still be looked at and checked
        (see `read_only`): each save first opens it again to save, and says why it cannot be
        saved while it still cannot."""
        with as_user_errors(path):
            if path.is_symlink() and not path.exists():  # not made afresh where it links to
                raise links_to_nothing(path)
            if not path.exists():
                _create_diary(path)
            _check_is_diary(path)
            # Asked first: SQLite opens a read-only file without a word, to fail at a save.
            known = why_read_only(path)
            if known is not None:
                return cls._open_read_only(path, clock, known)
            _free_companions(path)
            try:
                diary = cls(_open_to_save(path), path, clock)
            except sqlite3.OperationalError as error:
                # SQLite cannot open a diary, even to read it, where it cannot make the -shm file
                # it keeps beside it (32 KiB): in a read-only folder, or on a full disk. The
                # operating system says which it is; either way the diary can still be read.
                if sqlite_code(error) not in COULD_NOT_WRITE:
                    raise
                reason = cannot_write(path)
                if not isinstance(reason, DiaryReadOnly | DiskFull):
                    raise
                return cls._open_read_only(path, clock, reason)
            diary._opened = _identity(path)
            return diary

    @classmethod
    def empty(cls, path: Path, clock: Clock = utc_now) -> Diary:
        """An empty diary named `path`, held in memory and never written anywhere: what a
        command that only reads shows where no diary is yet, without making one there."""
        return cls._connect(path, ":memory:", clock)

    @classmethod
    def _connect(
        cls, path: Path, database: str, clock: Clock, *, read_only: CannotSave | None = None
    ) -> Diary:
        connection = sqlite3.connect(database, isolation_level=None, uri=read_only is not None)
        try:
            return cls._prepare(connection, path, clock, read_only=read_only)
        except BaseException:
            connection.close()
            raise

    @classmethod
    def _open_read_only(cls, path: Path, clock: Clock, reason: CannotSave) -> Diary:
        """The diary at `path`, which cannot be written to (`reason` says why), opened to read.

        SQLite reads a diary in WAL mode with the help of its -shm file; when that cannot be
        made, the file is read as it is ("immutable"), which is only right when no -wal beside
        it holds saves not yet copied into it."""
        uri = path.absolute().as_uri()
        ways = ["mode=ro"]
        if not _holds_unsaved_changes(path):
            ways.append("mode=ro&immutable=1")
        for way in ways:
            try:
                diary = cls._connect(path, f"{uri}?{way}", clock, read_only=reason)
            except sqlite3.OperationalError as error:
                if sqlite_code(error) not in COULD_NOT_WRITE:
                    raise
                continue
            diary.read_only = reason
            return diary
        if isinstance(reason, DiskFull):
            raise DiskFull(
                f"Work Diary cannot open your diary {path}: there is no space left on its disk, "
                f"and the latest saves are still in the file beside it "
                f"({_beside(path, '-wal').name}), which Work Diary can only read with a little "
                f"space on the disk. {SAFE} {FREE_SOME_SPACE}"
            )
        raise DiaryReadOnly(
            f"Work Diary cannot open your diary {path}: its folder is read-only, and the latest "
            f"saves are still in the file beside it ({_beside(path, '-wal').name}), which Work "
            f"Diary can only read by writing to the folder. {SAFE} Make the folder writable (or "
            "ask whoever looks after this computer to), then try again."
        )

    @classmethod
    def _prepare(
        cls,
        connection: sqlite3.Connection,
        path: Path,
        clock: Clock,
        *,
        read_only: CannotSave | None = None,
    ) -> Diary:
        """A diary on `connection`, checked; made ready to save unless opened `read_only` (the
        reason it cannot be saved to)."""
        applied = _check_opened(connection, path)
        if read_only is None:
            _make_ready_to_save(connection, applied)
            return cls(connection, path, clock)
        if applied != set(KNOWN_MIGRATIONS):
            updating = (
                f"Work Diary cannot open your diary {path}: this version of Work Diary must "
                "first bring the diary up to date, which means writing to it, and"
            )
            if isinstance(read_only, DiskFull):
                raise DiskFull(
                    f"{updating} there is no space left on the disk that holds it. {SAFE} "
                    f"{FREE_SOME_SPACE}"
                )
            raise DiaryReadOnly(
                f"{updating} it cannot be written to (it, or its folder, is read-only). {SAFE} "
                "Make it writable (or ask whoever looks after this computer to), then try again."
            )
        connection.execute("PRAGMA foreign_keys = ON")
        connection.row_factory = sqlite3.Row
        return cls(connection, path, clock)

    def _reopen_to_save(self) -> None:
        """Open again, to read and save, a diary opened read-only, with the checks and updates
        `Diary.open` makes: its folder or file may have been made writable since (a memory stick
        unlocked, the permissions put right). When it still cannot be saved to, or the file is
        no longer the diary that was read, this raises and the diary is read-only as before."""
        path = self.path
        with as_user_errors(path):
            if not path.exists():  # not made afresh, as opening would: what was read is elsewhere
                raise missing(path)
            _check_is_diary(path)
            still = why_read_only(path)
            if still is not None:
                raise still
            _require_same_diary(path, self.audit.head())
            # SQLite lets one process's connections to a file share the way it was opened: the
            # read-only connection must go first, or the new one could only read too.
            self.connection.close()
            _free_companions(path)
            try:
                self._use(_connect_to_save(path))
            except BaseException:
                assert self.read_only is not None
                self._use(Diary._open_read_only(path, self.clock, self.read_only).connection)
                raise
            self._opened = _identity(path)
        self.read_only = None

    def _require_in_place(self) -> None:
        """Refuse to save when the diary file opened is no longer at its path: moved or deleted,
        or another file put in its place (a backup restored over it, a sync, another stick).
        SQLite would go on saving to the file it opened, wherever that now is, and the window
        would say "Saved" of a save no one will ever see."""
        if self._opened is None or self.read_only is not None:
            return  # held in memory; or opened read-only, when a save first opens it again
        try:
            there = _identity(self.path)
        except FileNotFoundError:
            raise missing(self.path) from None
        if there != self._opened:
            raise replaced(self.path)

    def _empty_the_wal(self) -> None:
        """Copy what was just saved into the diary file itself, leaving its -wal file empty: a
        copy of diary.db made while the window is open then holds every save, and a -wal left
        beside a file put in the diary's place has nothing in it to write into that file. Not
        waited for: a reader holding the -wal back (another window, a command) leaves it to the
        next save, or to closing."""
        self.connection.execute("PRAGMA busy_timeout = 0")
        try:
            self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _use(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.audit = AuditLog(connection)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Diary:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing. Takes the write lock at the start, so two processes never interleave
        their audit entries; a nested call is a savepoint within the outer transaction. A diary
        opened read-only is opened again to save first, or this raises why it cannot be."""
        with as_user_errors(self.path):
            if self.connection.in_transaction:
                self._savepoints += 1
                name = f"nested_{self._savepoints}"
                self.connection.execute(f"SAVEPOINT {name}")
                try:
                    yield
                except BaseException:
                    self.connection.execute(f"ROLLBACK TO {name}")
                    raise
                finally:
                    self.connection.execute(f"RELEASE {name}")
                return
            if self.read_only is not None:
                self._reopen_to_save()
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                self._require_in_place()  # asked holding the lock, just before writing
                yield
            except BaseException:
                self.connection.rollback()
                raise
            self.connection.commit()
            self._empty_the_wal()

    def query(self, sql: str, parameters: Sequence[object] = ()) -> list[dict[str, Any]]:
        """Rows as dictionaries of column to value."""
        cursor = self.connection.execute(sql, parameters)
        # Paired by position: dict(row) looks each column up by name, which took History and the
        # diary's check twice as long to read the weeks.
        columns = [column[0] for column in cursor.description or ()]
        return [dict(zip(columns, row, strict=True)) for row in cursor]

    def clock_behind(self) -> ClockBehind | None:
        """Why something saved now would be dated back: the clock reads earlier than the diary's
        last entry (by more than a clock put right explains). None when it does not."""
        latest = self.audit.latest()
        if latest is None:
            return None
        try:
            last_moment = latest.moment
        except DiaryAltered:
            # Its date changed outside Work Diary: there is nothing to compare the clock with,
            # and `verify` names the entry. Saving other records must go on.
            return None
        now = self.clock()
        if not dated_back(now, last_moment):
            return None
        return ClockBehind(clock_behind_words(now, last_moment), now, last_moment)

    def check_clock(self, *, allow_clock_behind: bool = False) -> None:
        """Raise ClockBehind when the clock reads earlier than the last entry, unless the user
        has said to save anyway: an entry dated back is one `verify` and every pack point out,
        so none is made without a word. Whatever makes a file and logs it (a pack, a letter)
        asks this before writing the file."""
        if not allow_clock_behind:
            behind = self.clock_behind()
            if behind is not None:
                raise behind

    def entry_moment(self, *, allow_clock_behind: bool = False) -> str:
        """The clock's reading to date an entry with, as stored: UTC, ISO 8601, to the
        microsecond. Raises ClockBehind (see check_clock), and then nothing is saved."""
        self.check_clock(allow_clock_behind=allow_clock_behind)
        return self.clock().astimezone(UTC).isoformat(timespec="microseconds")

    def today(self) -> date:
        """The user's local date, by the diary's clock."""
        return self.clock().astimezone().date()

    def deleted_weeks(self) -> dict[date, datetime]:
        """When each week deleted since was deleted, by its Monday. A key altered outside Work
        Diary may be no date: verify names it, and it is left out here."""
        by_key = self.weeks.deleted()
        days = {key: stored_day(key) for key in by_key}
        return {day: by_key[key] for key, day in days.items() if day is not None}

    # The profile

    def profile(self) -> Profile:
        stored = self.stored_profile()
        return stored.record if stored else Profile()

    def stored_profile(self) -> Recorded[Profile] | None:
        """The profile as saved, with its revision; None while the user is on the defaults."""
        return self._profile.get(PROFILE_KEY)

    def has_profile(self) -> bool:
        """Whether the user has ever saved their profile (or is still on the defaults)."""
        return self._profile.exists(PROFILE_KEY)

    def save_profile(
        self,
        profile: Profile,
        *,
        allow_identifiers: bool = True,
        allow_clock_behind: bool = False,
        read_at: int | None = None,
    ) -> SaveResult[Profile]:
        """Save the profile; the rest as for RecordTable.save."""
        key = PROFILE_KEY if self.has_profile() else None
        return self._profile.save(
            profile,
            key,
            allow_identifiers=allow_identifiers,
            allow_clock_behind=allow_clock_behind,
            read_at=read_at,
        )

    def has_entries(self) -> bool:
        """Whether anything at all has ever been recorded, the profile and deleted records too."""
        return self.audit.head()[0] > 0

    # The sample diary

    def mark_as_sample(self) -> None:
        """Record that this diary holds Work Diary's made-up sample data, so that every pack
        made from it says so. In a table of its own that only such a diary has (not a
        migration): a real diary's file is left as it was, and any version opens either."""
        with self.transaction():
            self.connection.execute(f"CREATE TABLE IF NOT EXISTS {SAMPLE_TABLE} (filled_at TEXT)")
            filled_at = self.clock().astimezone(UTC).isoformat(timespec="microseconds")
            self.connection.execute(
                f"INSERT INTO {SAMPLE_TABLE} (filled_at) VALUES (?)", [filled_at]
            )

    def holds_sample_data(self) -> bool:
        """Whether this diary was filled with the sample (see mark_as_sample)."""
        with self.reading():
            found = self.connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [SAMPLE_TABLE]
            )
            return found.fetchone() is not None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Read one consistent state of the diary: a save made meanwhile by another process is
        either wholly in what is read or wholly out of it, never half of it."""
        with as_user_errors(self.path):
            if self.connection.in_transaction:
                yield
                return
            self.connection.execute("BEGIN")
            try:
                yield
            finally:
                self.connection.rollback()

    def verify(self) -> VerifyReport:
        with self.reading():
            return verify(self, self._audited_tables())

    def audited_table(self, entity: str) -> AuditedTable | None:
        """How verify names the records of table `entity`, and their fields."""
        return next((table for table in self._audited_tables() if table.table == entity), None)

    def describe_record(self, entity: str, key: str) -> str:
        """How a record is named to the user: "Week commencing Mon 16 Nov 2026", "Concern 3"."""
        table = self.audited_table(entity)
        return table.describe(key) if table else f"{entity} {key}"

    def field_label(self, entity: str, field: str) -> str:
        """A field as the user knows it: "WMT capacity" for weeks' capacity_pct."""
        table = self.audited_table(entity)
        return table.field_label(field) if table else field

    def record_fields(self, entity: str) -> list[str]:
        """The fields of the records in table `entity` (the user's values, not the bookkeeping)."""
        tables: dict[str, RecordTable[Any]] = {
            "profile": self._profile,
            "weeks": self.weeks,
            "supervision_sessions": self.supervision,
            "concerns": self.concerns,
            "exports": self.exports,
        }
        return list(tables[entity].fields) if entity in tables else []

    def _audited_tables(self) -> list[AuditedTable]:
        return [
            AuditedTable("profile", "id", lambda _key: "Your profile", PROFILE_FIELDS),
            AuditedTable(
                "weeks",
                "week_commencing",
                lambda key: f"Week commencing {format_day(date.fromisoformat(key))}",
                WEEK_FIELDS,
            ),
            AuditedTable(
                "supervision_sessions",
                "id",
                lambda key: f"Supervision session {key}",
                SUPERVISION_FIELDS,
            ),
            AuditedTable("concerns", "id", lambda key: f"Concern {key}", CONCERN_FIELDS),
            AuditedTable("exports", "id", lambda key: f"Export {key}", {}),
        ]
