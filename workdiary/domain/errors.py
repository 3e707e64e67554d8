"""Errors a user can do something about; each carries a message written for them."""

from __future__ import annotations

from dataclasses import dataclass


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


class NotFound(WorkDiaryError):
    """The record asked for is not in the diary."""


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
