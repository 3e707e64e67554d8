"""Saving what a form holds, the same way on every page: what is wrong goes back to the form,
text that looks like it names someone is asked about first, and a save that fails leaves what
was typed where it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from workdiary.domain.errors import FieldProblem, IdentifierWarning, InvalidInput, WorkDiaryError
from workdiary.ui.messages import Messages

T = TypeVar("T")


def save_asking(
    save: Callable[[bool], T],
    messages: Messages,
    asker: QWidget,
    *,
    show_problems: Callable[[list[FieldProblem]], None],
    focus_identifier: Callable[[], None],
    not_saved: str,
    still_typed: str,
) -> T | None:
    """What `save(allow_identifiers)` returns, or None when nothing was saved: `show_problems`
    was given what is wrong, or the user chose to go back and edit what looks like an identifier
    (`focus_identifier` is called), or the error was shown over `asker` as `not_saved`, with
    `still_typed` to reassure."""
    allow_identifiers = False
    while True:
        try:
            return save(allow_identifiers)
        except InvalidInput as error:
            show_problems(error.problems)
            return None
        except IdentifierWarning as warning:
            if allow_identifiers or not messages.confirm(
                asker, "Check before saving", str(warning), yes="Save anyway", no="Go back and edit"
            ):
                focus_identifier()
                return None
            allow_identifiers = True
        except WorkDiaryError as error:
            messages.error(asker, not_saved, f"{error}\n\n{still_typed}")
            return None
