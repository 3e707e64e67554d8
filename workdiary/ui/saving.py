"""Saving what a form holds, the same way on every page: what is wrong goes back to the form,
text that looks like it names someone is asked about first, so is a computer clock reading
earlier than the diary's last entry, so is a record changed elsewhere since the form was filled,
and a save that fails leaves what was typed where it was."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from workdiary.domain.errors import (
    ChangedElsewhere,
    ClockBehind,
    FieldProblem,
    IdentifierWarning,
    InvalidInput,
    WorkDiaryError,
)
from workdiary.domain.formatting import count, describe_event
from workdiary.domain.history import Change, HistoryEvent
from workdiary.domain.records import FieldInfo
from workdiary.ui.messages import Messages

T = TypeVar("T")
# A long note changed elsewhere is cut short in the question; its history has it whole.
LONGEST_VALUE_SHOWN = 80
# How much of what a save changed the line by Save gives, so the form keeps its room.
CHANGES_LISTED = 4
LONGEST_VALUE_IN_A_LINE = 40


@dataclass(frozen=True)
class SaidYes:
    """What the user has said to go on despite, for one save: text that looks as if it names
    someone (`identifiers`), a clock reading earlier than the diary's last entry
    (`clock_behind`)."""

    identifiers: bool = False
    clock_behind: bool = False


def go_on_despite(
    warning: IdentifierWarning | ClockBehind,
    said: SaidYes,
    messages: Messages,
    asker: QWidget,
    *,
    doing: str = "Save",
) -> SaidYes | None:
    """`said` with yes to `warning` too, once the user has chosen to go on (`doing` anyway)
    rather than go back; None when they chose to go back, which is the default."""
    if isinstance(warning, IdentifierWarning):
        asked = messages.confirm(
            asker, "Check before saving", str(warning), yes=f"{doing} anyway", no="Go back and edit"
        )
        return replace(said, identifiers=True) if asked else None
    asked = messages.confirm(
        asker,
        "Check your computer's clock",
        f"{warning}\n\nIf your computer's clock is right now (it was fast when the last entry "
        "was made), go on. If it is wrong, go back, put it right, and then try again.",
        yes=f"{doing} anyway",
        no="Go back",
    )
    return replace(said, clock_behind=True) if asked else None


def asking_about_clock(
    act: Callable[[bool], T], messages: Messages, asker: QWidget, *, doing: str
) -> T | None:
    """What `act(allow_clock_behind)` returns, asking first (see go_on_despite) when the
    computer's clock reads earlier than the diary's last entry; None when the user went back.
    Any other error passes on."""
    said = SaidYes()
    while True:
        try:
            return act(said.clock_behind)
        except ClockBehind as behind:
            went_on = go_on_despite(behind, said, messages, asker, doing=doing)
            if went_on is None:
                return None
            said = went_on


def may_close_unsaved(messages: Messages, asker: QWidget, what: str) -> bool:
    """Whether to close a dialog holding typing not saved: the officer is asked, and keeping it
    is the default. `what` says what would be lost, as a sentence."""
    return messages.confirm(
        asker,
        "Close without saving?",
        f"{what} What you typed will be lost.",
        yes="Close without saving",
        no="Keep editing",
    )


def save_asking(
    save: Callable[[SaidYes, int], T],
    messages: Messages,
    asker: QWidget,
    *,
    read_at: int,
    noun: str,
    fields: dict[str, FieldInfo],
    show_problems: Callable[[list[FieldProblem]], None],
    focus_identifier: Callable[[], None],
    not_saved: str,
    still_typed: str,
    mine: Collection[str] | None = None,
) -> T | None:
    """What `save(said_yes, read_at)` returns, or None when nothing was saved: `show_problems`
    was given what is wrong, or the user chose to go back and edit what looks like an identifier
    (`focus_identifier` is called), or to go back and put the computer's clock right, or to go
    back rather than save over a change made elsewhere since the form was filled from the `noun`
    at revision `read_at` (its `fields` name what changed), or the error was shown over `asker`
    as `not_saved`, with `still_typed` to reassure.

    `mine` names the fields the form holds, when it holds only some (None: all of them). `save`
    then keeps the record's other fields as they are at `read_at`, so a change made elsewhere to
    those alone is no clash: it is kept, and nothing is asked."""
    said = SaidYes()
    while True:
        try:
            return save(said, read_at)
        except InvalidInput as error:
            show_problems(error.problems)
            return None
        except (IdentifierWarning, ClockBehind) as warning:
            went_on = go_on_despite(warning, said, messages, asker)
            if went_on is None:
                if isinstance(warning, IdentifierWarning):
                    focus_identifier()
                return None
            said = went_on
        except ChangedElsewhere as changed:
            # What saving the form would change of the record as it is now, of what it holds.
            yours = {c.field: c for c in changed.yours if mine is None or c.field in mine}
            # A change made there clashes only where the form holds something else: one the
            # form agrees with (the same figure typed in both windows) is no question to ask.
            clashing = [c for c in changed.changes if c.field in yours]
            kept = [c for c in changed.changes if c not in clashing]
            instead = [yours[c.field] for c in clashing]
            if (clashing or not kept) and not messages.confirm(
                asker,
                "Changed since you opened it",
                _changed_elsewhere_text(
                    changed, clashing, instead, kept, noun, fields, still_typed
                ),
                yes="Save mine in its place",
                no="Go back",
            ):
                return None
            read_at = changed.revision
        except WorkDiaryError as error:
            messages.error(asker, not_saved, f"{error}\n\n{still_typed}")
            return None


def delete_asking(
    delete: Callable[[bool, int], object],
    messages: Messages,
    asker: QWidget,
    *,
    noun: str,
    named: str,
    consequence: str,
    unsaved: bool,
    read_at: int,
    changed_elsewhere: Callable[[], object],
) -> bool:
    """Whether the record `named` ("the week commencing …") was deleted by
    `delete(allow_clock_behind, read_at)`, once the user said so, told what follows
    (`consequence`) and that nothing is wiped, and asked about a computer clock reading earlier
    than the last entry (see asking_about_clock). A
    record changed elsewhere since the user was shown it at revision `read_at` is not deleted
    unseen: they are told, and `changed_elsewhere` shows it as it is now. Any other error is told
    over `asker`, and the record stays as it was."""
    lost = " The changes you typed and have not saved will be lost too." if unsaved else ""
    if not messages.confirm(
        asker,
        f"Delete this {noun}?",
        f"Delete {named}? {consequence}{lost}",
        yes=f"Delete the {noun}",
        no="Keep it",
    ):
        return False
    not_deleted = f"The {noun} was not deleted"

    def deleted(allow_clock_behind: bool) -> bool:
        delete(allow_clock_behind, read_at)
        return True

    try:
        return asking_about_clock(deleted, messages, asker, doing="Delete") is not None
    except ChangedElsewhere as changed:
        messages.error(
            asker,
            not_deleted,
            f"This {noun} has changed. {changed}\n\nNothing was deleted. Look at it as it is "
            "now, and delete it then if you still mean to.",
        )
        changed_elsewhere()
        return False
    except WorkDiaryError as error:
        messages.error(
            asker, not_deleted, f"{error}\n\nThe {noun} is still in your diary, as it was."
        )
        return False


def changed_elsewhere_words(noun: str) -> str:
    """Over a form whose record a command or another window saved or deleted after the form
    was filled, while it holds typing not saved yet."""
    return (
        f"This {noun} was changed elsewhere (by a Work Diary command or another window) after "
        "you opened it here; the line above says how it stands now. What you typed is kept: "
        "saving it asks first, and shows what changed."
    )


def changes_sentence(changes: list[Change], fields: dict[str, FieldInfo]) -> str:
    """What a save changed, in the words of the record's history, kept short for the line by
    Save: `Capacity threshold: 110 % → 115 %; …; and 2 other changes`. The history has every
    detail."""
    event = HistoryEvent(datetime.now(UTC), "amend", changes)
    _title, lines = describe_event(event, fields, longest_value=LONGEST_VALUE_IN_A_LINE)
    shown = "; ".join(line.replace("\n", " ") for line in lines[:CHANGES_LISTED])
    more = len(lines) - CHANGES_LISTED
    return shown + (f"; and {count(more, 'other change')}" if more > 0 else "")


def _changed_elsewhere_text(
    changed: ChangedElsewhere,
    clashing: list[Change],
    instead: list[Change],
    kept: list[Change],
    noun: str,
    fields: dict[str, FieldInfo],
    still_typed: str,
) -> str:
    """`clashing` are changes made elsewhere to what the form holds otherwise, and `instead`
    what saving the form would make of the same fields; `kept`, changes elsewhere that saving
    the form leaves as they are now."""
    paragraphs = [f"This {noun} has changed. {changed}"]
    if clashing:
        paragraphs.append("What it holds now:" + _listed(clashing, fields))
        paragraphs.append("Saving yours changes that:" + _listed(instead, fields))
    if kept:
        paragraphs.append("Also changed there, and kept as it is now:" + _listed(kept, fields))
    # A paragraph of its own: run on after a list, it would read as part of its last line.
    paragraphs.append(f"Either way, the {noun}'s history keeps both.")
    return "\n\n".join([*paragraphs, still_typed])


def _listed(changes: list[Change], fields: dict[str, FieldInfo]) -> str:
    # In the words the record's history uses for an amendment: from the form's copy to now.
    event = HistoryEvent(datetime.now(UTC), "amend", changes)
    _title, lines = describe_event(event, fields, longest_value=LONGEST_VALUE_SHOWN)
    return "".join(f"\n  • {line}" for line in lines)
