"""What became of a concern after it was first recorded, from its audit entries: recording the
answer, adding to it and closing the concern are told apart from an amendment, one rule for the
pack, the window and the command line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from workdiary.domain.concern_story import (
    ADDED_TO,
    AMENDED,
    ANSWERED,
    CLOSED,
    Amendments,
    ConcernStory,
    concern_amendments,
    concern_change,
    concern_stories,
)
from workdiary.domain.records import Concern, ConcernChannel, Recorded

FIRST = datetime(2026, 9, 1, 17, 0, tzinfo=UTC)
OPEN = {"summary": "x", "response": "", "response_on": None, "status": "open"}
ANSWER = {**OPEN, "response": "Yes", "response_on": "2026-09-08", "status": "answered"}


@dataclass(frozen=True)
class Entry:
    entity_key: str
    action: str
    moment: datetime
    values: Mapping[str, Any]


def recorded(revision: int, last_changed_at: datetime) -> Recorded[Concern]:
    concern = Concern(date(2026, 9, 1), "SPO", ConcernChannel.EMAIL, "x")
    # Never deleted: every revision after the first was an amendment to the diary.
    return Recorded("1", concern, FIRST, last_changed_at, revision, revision - 1)


def test_each_kind_of_change_to_a_concern_is_told_apart() -> None:
    closed = {**ANSWER, "response": "Yes. Closed: done.", "status": "closed"}
    assert concern_change(OPEN, ANSWER) == (ANSWERED,)
    assert concern_change(ANSWER, {**ANSWER, "response": "Yes. And more."}) == (ADDED_TO,)
    assert concern_change(ANSWER, closed) == (CLOSED,)
    assert concern_change(OPEN, {**OPEN, "status": "closed"}) == (CLOSED,)
    assert concern_change(ANSWER, {**ANSWER, "response": "No"}) == (AMENDED,)
    assert concern_change(ANSWER, {**ANSWER, "response_on": "2026-09-09"}) == (AMENDED,)
    assert concern_change(OPEN, {**ANSWER, "summary": "y"}) == (ANSWERED, AMENDED)
    assert concern_change(OPEN, {**OPEN, "raised_with": "HR"}) == (AMENDED,)


def test_a_concern_answered_added_to_and_closed_was_never_amended() -> None:
    hour = timedelta(hours=1)
    more = {**ANSWER, "response": "Yes. And more."}
    stories = concern_stories(
        [
            Entry("1", "create", FIRST, OPEN),
            Entry("1", "amend", FIRST + hour, ANSWER),
            Entry("1", "amend", FIRST + 2 * hour, more),
            Entry("1", "amend", FIRST + 3 * hour, {**more, "status": "closed"}),
        ]
    )
    story = stories["1"]
    assert story == ConcernStory(
        answer_recorded_at=FIRST + hour,
        added_to_at=(FIRST + 2 * hour,),
        closed_at=FIRST + 3 * hour,
        changes=3,
    )
    # Four revisions, none of them a change to what had already been recorded.
    assert concern_amendments(recorded(4, FIRST + 3 * hour), story) == Amendments(0, None)


def test_what_was_said_changed_is_an_amendment_dated_when_it_was_changed() -> None:
    said_again = {**OPEN, "summary": "y"}
    stories = concern_stories(
        [
            Entry("1", "create", FIRST, OPEN),
            Entry("2", "create", FIRST, OPEN),
            Entry("1", "amend", FIRST + timedelta(days=1), said_again),
            Entry("1", "amend", FIRST + timedelta(days=2), {**ANSWER, "summary": "y"}),
        ]
    )
    assert "2" not in stories  # never changed
    last = FIRST + timedelta(days=2)
    # The answer came after the amendment: "last amended" is when what was said changed.
    assert concern_amendments(recorded(3, last), stories["1"]) == Amendments(
        1, FIRST + timedelta(days=1)
    )


def test_revisions_the_audit_entries_do_not_tell_of_can_only_be_called_changes() -> None:
    """A concern whose entries were not read (none, or fewer than its revisions) is not said
    to be unchanged."""
    last = FIRST + timedelta(days=3)
    assert concern_amendments(recorded(3, last), ConcernStory()) == Amendments(2, last)
    told = ConcernStory(answer_recorded_at=FIRST, changes=1)
    assert concern_amendments(recorded(3, last), told) == Amendments(1, last)
