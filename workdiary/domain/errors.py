"""Errors a user can do something about; each carries a message written for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from workdiary.domain.history import Change


# Where a message sends the user to see what was changed outside Work Diary: in the window or at
# the command line, whichever they are using.
DIARY_CHECK = "the diary's check (Help → Check your diary in the window, or `workdiary verify`)"


class WorkDiaryError(Exception):
    """A problem the user can fix or understand; str() is the message to show them."""


@dataclass(frozen=True)
class FieldProblem:
    """One rule a value broke: which field (its attribute name) and a sentence saying why."""

    field: str
    message: str


class InvalidInput(WorkDiaryError):
    """One or more values break the rules; nothing has been saved."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(problem.message for problem in problems))


class IdentifierWarning(WorkDiaryError):
    """Text looks as if it identifies a person on probation; saving needs the user's say-so."""

    def __init__(self, findings: list[str]) -> None:
        self.findings = findings
        super().__init__(
            "This looks as if it could identify a person on probation: "
            + "; ".join(findings)
            + ". Keep people's details out of your diary: use initials, or leave them out."
        )


class ClockBehind(WorkDiaryError):
    """The computer's clock reads earlier than the diary's last entry, so what is saved now would
    be dated before entries already made; saving needs the user's say-so. str() says what the
    clock reads and when the last entry was made; `now` and `last_entry` are those moments."""

    def __init__(self, message: str, now: datetime, last_entry: datetime) -> None:
        self.now = now
        self.last_entry = last_entry
        super().__init__(message)


class NotFound(WorkDiaryError):
    """The record asked for is not in the diary."""


class ChangedElsewhere(WorkDiaryError):
    """The record was saved or deleted by something else (a command, another window) after the
    copy being saved was read; nothing has been saved. `changes` go from that copy to what is
    there now, and `revision` is now's: saving again at it puts the copy in its place. `yours`
    go from what is there now to what was being saved: what saving it again would change."""

    def __init__(
        self, message: str, changes: list[Change], revision: int, yours: list[Change] | None = None
    ) -> None:
        self.changes = changes
        self.revision = revision
        self.yours = yours or []
        super().__init__(message)


class DiaryAltered(WorkDiaryError):
    """The diary no longer matches its own history: something changed it outside Work Diary.
    Nothing that vouches for its records (an evidence pack) is made from it."""


class DiaryUnavailable(WorkDiaryError):
    """The diary file cannot be used right now (locked, damaged, too new, disk full, read-only)."""


class DiaryDamaged(DiaryUnavailable):
    """The diary file is damaged; it has not been written to."""


class DiaryTooNew(DiaryUnavailable):
    """The diary was written by a newer Work Diary; it has not been changed."""


class DiaryLocked(DiaryUnavailable):
    """Another program holds the diary."""


class DiskFull(DiaryUnavailable):
    """There is no room left to save."""


class DiaryReadOnly(DiaryUnavailable):
    """The diary or its folder cannot be written to."""
