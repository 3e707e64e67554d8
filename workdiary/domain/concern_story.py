"""What happened to a concern after it was first recorded, told from its audit entries: its answer
recorded, added to, the concern marked closed, and its amendments.

One rule for the pack, the window and the command line. Recording the answer, adding to it and
marking the concern closed are what happens to a concern after it is raised, and are said so;
"amended" is kept for a change to what had already been recorded, as for any other record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from workdiary.domain.formatting import EVENT_TITLES
from workdiary.domain.records import CONCERN_FIELDS, Recorded

# The fields that record what came back from a concern.
REPLY_FIELDS = frozenset({"response", "response_on", "status"})
ANSWERED, ADDED_TO, CLOSED, AMENDED = "answered", "added to", "closed", "amended"


def _is_answered(values: Mapping[str, Any]) -> bool:
    """As `is_answered`, on a concern as stored: a response, or a status other than open."""
    return bool(str(values.get("response") or "").strip()) or values.get("status") != "open"


# What each kind of change to a concern is called, in its history and in a pack's.
CHANGE_TITLES = {
    ANSWERED: "answer recorded",
    ADDED_TO: "more of the answer recorded",
    CLOSED: "marked closed",
    AMENDED: EVENT_TITLES["amend"],
}


def concern_change_title(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """`answer recorded`, `marked closed`, `amended, and answer recorded`: what an amendment of a
    concern did, in words."""
    return ", and ".join(CHANGE_TITLES[kind] for kind in concern_change(before, after))


def concern_change(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, ...]:
    """What an amendment of a concern did: ANSWERED (its answer recorded), ADDED_TO (words added
    after the answer, which is left as it was), CLOSED (marked closed) and AMENDED (anything
    already recorded changed: what was said, with whom, how, when, the date to chase a reply,
    or the answer's words or date once recorded)."""
    changed = {field for field in CONCERN_FIELDS if before.get(field) != after.get(field)}
    reply = changed & REPLY_FIELDS
    kinds: list[str] = []
    closed = "status" in reply and after.get("status") == "closed"
    if not reply:
        pass
    elif not _is_answered(before):
        if not _is_answered(after):
            kinds.append(AMENDED)
        elif str(after.get("response") or "").strip() or not closed:
            kinds.append(ANSWERED)
    else:
        old_words = str(before.get("response") or "").rstrip()
        new_words = str(after.get("response") or "")
        if "response_on" in reply or not new_words.startswith(old_words):
            kinds.append(AMENDED)
        elif "response" in reply:
            kinds.append(ADDED_TO)
        if "status" in reply and not closed:
            newly = before.get("status") == "open" and after.get("status") == "answered"
            kinds.append(ANSWERED if newly else AMENDED)
    if closed:
        # Words added as it is closed say why: they are part of closing it, not more answer.
        kinds = [kind for kind in kinds if kind != ADDED_TO] + [CLOSED]
    if changed - REPLY_FIELDS or not changed:
        kinds.append(AMENDED)
    return tuple(dict.fromkeys(kinds))


class StoryAuditEntry(Protocol):
    """One audit entry of a concern (or a session), as the story reads it (the diary's own
    entries are such)."""

    @property
    def entity_key(self) -> str: ...

    @property
    def action(self) -> str: ...  # create, amend, delete, restore

    @property
    def moment(self) -> datetime: ...  # UTC: when it was recorded

    @property
    def values(self) -> Mapping[str, Any]: ...  # the concern as it stood after the change


@dataclass(frozen=True)
class ConcernStory:
    """What happened to a concern after it was first recorded, as its audit entries tell it."""

    answer_recorded_at: datetime | None = None  # UTC: the answer first recorded
    added_to_at: tuple[datetime, ...] = ()
    closed_at: datetime | None = None  # the last time it was marked closed
    amendments: int = 0  # changes to what had already been recorded
    last_amended_at: datetime | None = None
    changes: int = 0  # audit entries after the first: how many revisions the story accounts for


def concern_stories(entries: Iterable[StoryAuditEntry]) -> dict[str, ConcernStory]:
    """Each concern's story after it was first recorded, by its key, from the concerns' audit
    entries oldest first."""
    previous: dict[str, Mapping[str, Any]] = {}
    stories: dict[str, ConcernStory] = {}
    for entry in entries:
        key, values = entry.entity_key, entry.values
        before = previous.get(key)
        previous[key] = values
        if entry.action == "create" or before is None:
            continue
        story = stories.get(key, ConcernStory())
        at = entry.moment
        story = replace(story, changes=story.changes + 1)
        if entry.action != "amend":
            stories[key] = story
            continue
        for kind in concern_change(before, values):
            if kind == ANSWERED and story.answer_recorded_at is None:
                story = replace(story, answer_recorded_at=at)
            elif kind == ADDED_TO:
                story = replace(story, added_to_at=(*story.added_to_at, at))
            elif kind == CLOSED:
                story = replace(story, closed_at=at)
            elif kind == AMENDED:
                story = replace(story, amendments=story.amendments + 1, last_amended_at=at)
        stories[key] = story
    return stories


@dataclass(frozen=True)
class Amendments:
    """How many times what was already recorded of a record was changed, and when last."""

    times: int
    last_at: datetime | None  # UTC; None when never


NEVER_AMENDED = Amendments(0, None)


def session_amendments(entries: Iterable[StoryAuditEntry]) -> dict[str, Amendments]:
    """Each supervision session's amendments, by its key, from the sessions' audit entries oldest
    first: the saves that changed what it held. Deleting one, and restoring it as it was, change
    nothing it held, so neither counts (a session is only ever restored as it was)."""
    amended: dict[str, Amendments] = {}
    for entry in entries:
        if entry.action == "amend":
            before = amended.get(entry.entity_key, NEVER_AMENDED)
            amended[entry.entity_key] = Amendments(before.times + 1, entry.moment)
    return amended


def concern_amendments(entry: Recorded[Any], story: ConcernStory) -> Amendments:
    """A concern's amendments: those its story tells of, and any revision its audit entries do
    not account for (none, read with the diary's own entries), which can only be said to be a
    change."""
    untold = max(0, entry.amendments - story.changes)
    if untold:
        return Amendments(story.amendments + untold, entry.last_changed_at)
    return Amendments(story.amendments, story.last_amended_at)
