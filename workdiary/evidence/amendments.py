"""The amendment history a pack prints: every later change to the records it shows, in words."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from workdiary.domain import concern_story
from workdiary.domain.concern_story import ConcernStory, concern_change_title
from workdiary.domain.dates import dated_back, dated_back_words, format_day
from workdiary.domain.formatting import EVENT_TITLES, ChangeWords, change_words
from workdiary.domain.history import Change, HistoryEvent, changes_between
from workdiary.domain.records import (
    CONCERN_FIELDS,
    PROFILE_FIELDS,
    SUPERVISION_FIELDS,
    WEEK_FIELDS,
    FieldInfo,
)
from workdiary.evidence.period import (
    CONCERNS,
    NOTE_FIELDS,
    PROFILE,
    SESSIONS,
    WEEKS,
    story_entries,
)
from workdiary.evidence.snapshot import AuditRecord

# The form asks the officer "What you said"; a pack is read by others, to whom it is what was said.
WHAT_WAS_SAID = "What was said"
ENTITY_FIELDS: dict[str, dict[str, FieldInfo]] = {
    WEEKS: WEEK_FIELDS,
    SESSIONS: SUPERVISION_FIELDS,
    CONCERNS: {
        **CONCERN_FIELDS,
        "summary": replace(CONCERN_FIELDS["summary"], label=WHAT_WAS_SAID),
    },
    PROFILE: PROFILE_FIELDS,
}
# A week's Monday is its key and never changes; its name already says it.
_HIDDEN = {WEEKS: ("week_commencing",)}
NOTES_LEFT_OUT = "changed (left out of this pack)"
# A word and the white space after it (or white space before the first word).
_WORDS = re.compile(r"\S+\s*|\s+")


def concern_stories(audit: Sequence[AuditRecord]) -> dict[str, ConcernStory]:
    """Each concern's story after it was first recorded, by its key, from a pack's audit."""
    return concern_story.concern_stories(story_entries(CONCERNS, audit))


def session_amendments(audit: Sequence[AuditRecord]) -> dict[str, concern_story.Amendments]:
    """How many times each session was amended, by its key, from a pack's audit."""
    return concern_story.session_amendments(story_entries(SESSIONS, audit))


@dataclass(frozen=True)
class Amendment:
    """One change after a record was first recorded: when, to which record, what, field by field."""

    seq: int
    at: datetime  # UTC
    record: str  # "Week commencing Mon 16 Nov 2026"
    what: str  # "amended", "deleted (kept here in its history)", ...
    # A field each: its value before and after an amendment, or the value a deleted record held
    # (or a restored one holds again).
    lines: tuple[ChangeWords, ...]
    deleted: bool  # the record is deleted now (its last entry is a deletion)


def _day(stored: Any) -> str:
    """A stored ISO date as people read it (or as it is, if it is not one)."""
    try:
        return format_day(date.fromisoformat(stored)) if isinstance(stored, str) else "(no date)"
    except ValueError:
        return str(stored)


def record_name(entity: str, key: str, values: Mapping[str, Any]) -> str:
    """Which record, in words: "Week commencing Mon 16 Nov 2026", "Concern raised …"."""
    if entity == WEEKS:
        return f"Week commencing {_day(key)}"
    if entity == SESSIONS:
        return f"Supervision session of {_day(values.get('held_on'))}"
    if entity == CONCERNS:
        return f"Concern raised {_day(values.get('raised_on'))}"
    if entity == PROFILE:
        return "Your profile"
    return f"{entity} {key}"


def amendment_history(audit: Sequence[AuditRecord], include_notes: bool) -> list[Amendment]:
    """Every amendment, deletion and restoring in `audit`, oldest first. A record's first
    recording is left out: each table shows when its records were first recorded. A deletion
    lists what the record held when it was deleted; a restoring, what it holds again."""
    previous: dict[tuple[str, str], dict[str, Any]] = {}
    last_action: dict[tuple[str, str], str] = {}
    events: list[tuple[AuditRecord, list[Change], str]] = []
    for entry in sorted(audit, key=lambda entry: entry.seq):
        ident = (entry.entity, entry.entity_key)
        values = dict(entry.record)
        before = previous.get(ident)
        previous[ident] = values
        last_action[ident] = entry.action
        if entry.action == "create":
            continue
        fields = list(ENTITY_FIELDS.get(entry.entity, {}))
        what = EVENT_TITLES.get(entry.action, entry.action)
        if entry.action in ("delete", "restore") or before is None:
            changes = changes_between(None, values, fields)
        else:
            changes = changes_between(before, values, fields)
            if entry.entity == CONCERNS and entry.action == "amend":
                # Recording its answer is not an amendment (see `concern_change`).
                what = concern_change_title(before, values)
        events.append((entry, changes, what))
    return [
        _amendment(
            entry, changes, what, include_notes, last_action[(entry.entity, entry.entity_key)]
        )
        for entry, changes, what in events
    ]


def _amendment(
    entry: AuditRecord, changes: list[Change], what: str, include_notes: bool, last_action: str
) -> Amendment:
    fields = ENTITY_FIELDS.get(entry.entity, {})
    notes = () if include_notes else NOTE_FIELDS.get(entry.entity, ())
    moment = datetime.fromisoformat(entry.recorded_at)
    shown = [change for change in changes if change.field not in notes]
    # An amendment's lines say `old → new`; any other action's, the values: what a deleted
    # record held, and what a restored one holds again.
    lines = change_words(
        HistoryEvent(moment, entry.action, shown), fields, hidden=_HIDDEN.get(entry.entity, ())
    )
    for change in changes:
        if change.field in notes:
            label = fields[change.field].label if change.field in fields else change.field
            state = NOTES_LEFT_OUT if entry.action == "amend" else "(left out of this pack)"
            lines.append(ChangeWords(label, None, state))
    if entry.action == "delete" and lines:
        what += ". It held:"
    elif entry.action == "restore" and lines:
        what += ", holding:"
    return Amendment(
        seq=entry.seq,
        at=moment,
        record=record_name(entry.entity, entry.entity_key, entry.record),
        what=what,
        lines=tuple(lines),
        deleted=last_action == "delete",
    )


def dated_backwards(audit: Sequence[AuditRecord]) -> list[str]:
    """Each entry in `audit` dated earlier than the entry before it there (`dated_back`), in
    words: it was saved while the computer's clock was wrong, or had been put back. Worked out
    from the entries the pack embeds, so that a reader can check it by hand."""
    found = []
    entries = sorted(audit, key=lambda entry: entry.seq)
    for previous, entry in itertools.pairwise(entries):
        moment = datetime.fromisoformat(entry.recorded_at)
        before = datetime.fromisoformat(previous.recorded_at)
        if dated_back(moment, before):
            name = record_name(entry.entity, entry.entity_key, entry.record)
            found.append(dated_back_words(entry.seq, name, moment, before))
    return found


def differences(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """`old` and `new` in parts, each part marked True where it differs from the other text: the
    words taken out of `old` and those put into `new`. Where the two have less than half their
    words in common, they differ throughout and nothing is marked."""
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    # Compared word by word, whatever the space between them: a space matched with a space would
    # count texts with no word in common half the same. Not autojunk, which would leave the
    # commonest words of a long text unmatched.
    matcher = difflib.SequenceMatcher(
        None,
        [word.rstrip() for word in old_words],
        [word.rstrip() for word in new_words],
        autojunk=False,
    )
    if matcher.ratio() < 0.5:
        return [(old, False)], [(new, False)]
    old_parts: list[tuple[str, bool]] = []
    new_parts: list[tuple[str, bool]] = []
    for tag, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        differs = tag != "equal"
        for parts, words in (
            (old_parts, old_words[old_from:old_to]),
            (new_parts, new_words[new_from:new_to]),
        ):
            if words:
                parts.append(("".join(words), differs))
    return old_parts, new_parts
