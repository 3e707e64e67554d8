"""A record's story: first recorded, then each amendment, deletion or restoring, by field."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workdiary.domain.records import RecordedAgain


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


@dataclass(frozen=True)
class LaterStory:
    """What happened to a record after it was first recorded, as its history tells it: how many
    times what it held was amended, and each time it was deleted and recorded again."""

    amendments: int = 0
    recorded_again: tuple[RecordedAgain, ...] = ()


NOTHING_LATER = LaterStory()


def later_stories(
    changes: Iterable[tuple[str, str, datetime | None]],
) -> dict[str, LaterStory]:
    """Each record's later story, by key, from its history's amendments, deletions and
    recordings again (`(key, action, moment)`, oldest first). A deletion not followed by a
    recording again is left out: the record is deleted now, and says so itself."""
    stories: dict[str, LaterStory] = {}
    deleted_at: dict[str, datetime | None] = {}
    for key, action, moment in changes:
        story = stories.get(key, NOTHING_LATER)
        if action == "amend":
            stories[key] = LaterStory(story.amendments + 1, story.recorded_again)
        elif action == "delete":
            deleted_at[key] = moment
        elif action == "restore":
            again = RecordedAgain(deleted_at.pop(key, None), moment)
            stories[key] = LaterStory(story.amendments, (*story.recorded_again, again))
    return stories
