"""A record's story: first recorded, then each amendment, deletion or restoring, by field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Change:
    """One field's value before and after a change (`old` is None when it was first recorded)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEvent:
    """One entry of a record's history, in the user's words: created, amended, deleted, restored."""

    at: datetime
    action: str
    changes: list[Change]
    # What the change was, where its action alone does not say: a concern's answer recorded is
    # an amendment to the database, not to what the officer recorded.
    title: str | None = None


def changes_between(
    old: dict[str, Any] | None, new: dict[str, Any], fields: Sequence[str]
) -> list[Change]:
    """The fields whose value differs; from nothing, every field that has a value."""
    if old is None:
        return [
            Change(field, None, new[field]) for field in fields if new.get(field) not in (None, "")
        ]
    return [
        Change(field, old.get(field), new.get(field))
        for field in fields
        if old.get(field) != new.get(field)
    ]
