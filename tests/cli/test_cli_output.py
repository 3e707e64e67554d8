"""A note pasted with controls in it cannot rewrite the terminal: every command shows them as
signs, and the diary keeps the text exactly as it was typed."""

from __future__ import annotations

import io
import json
import sqlite3
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from workdiary.cli import main
from workdiary.domain.dates import week_commencing

LAST_WEEK = week_commencing(date.today()) - timedelta(weeks=1)
# Clears the screen, goes back to the start of the line to write over it, and reverses the
# words after it: a line that is not what the diary holds.
FORGING = "Told SPO\x1b[2J\rAll agreed, no concerns\u202eevil"


def run(*argv: str) -> str:
    out = io.StringIO()
    status = main(list(argv), out)
    assert status == 0, out.getvalue()
    return out.getvalue()


def acting_characters(text: str) -> list[str]:
    """The characters in `text` a terminal would act on, or that hide, other than new line and
    tab: controls, formatting characters such as the bidirectional overrides, separators."""
    acting = {"Cc", "Cf", "Zl", "Zp"}
    return [c for c in text if unicodedata.category(c) in acting and c not in "\n\t"]


def stored_notes(diary_path: Path, monday: date) -> str:
    with sqlite3.connect(diary_path) as connection:
        row = connection.execute(
            "SELECT notes FROM weeks WHERE week_commencing = ?", (monday.isoformat(),)
        ).fetchone()
    return str(row[0])


def test_a_note_with_controls_is_shown_as_signs_and_kept_as_typed(diary_path: Path) -> None:
    logged = run("log-week", "--week", str(LAST_WEEK), "--capacity", "120", "--notes", FORGING)
    history = run("history", "--week", str(LAST_WEEK))
    shown = run("show")
    for output in (logged, history, shown):
        assert acting_characters(output) == []
    for output in (logged, history):
        assert "Notes: Told SPO␛[2J␍All agreed, no concerns[U+202E]evil" in output
    assert stored_notes(diary_path, LAST_WEEK) == FORGING


def test_a_notes_new_lines_and_tabs_still_read_as_lines_and_indents() -> None:
    notes = "Caseload 46:\n\t12 licence\n\t30 community"
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120", "--notes", notes)
    assert f"Notes: {notes}\n" in run("history", "--week", str(LAST_WEEK))


def test_json_for_scripts_holds_the_text_exactly_as_json_writes_it() -> None:
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120", "--notes", FORGING)
    printed = run("show", "--json")
    data = json.loads(printed)
    assert data["weeks"][0]["notes"] == FORGING
    assert printed == json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def test_controls_in_a_session_or_a_concern_are_shown_as_signs() -> None:
    day = (date.today() - timedelta(days=3)).isoformat()
    outputs = [
        run("supervision", "add", "--date", day, "--status", "held", "--supervisor", "J\x1b[8mM"),
        run("supervision", "list"),
        run(
            "concern",
            "add",
            "--date",
            day,
            "--raised-with",
            "SPO",
            "--channel",
            "email",
            "--summary",
            FORGING,
        ),
        run("concern", "list"),
        run("concern", "answer", "1", "--date", day, "--response", "Noted\x07\x08\x08"),
    ]
    for output in outputs:
        assert acting_characters(output) == []
    assert "J␛[8mM" in outputs[0] and "J␛[8mM" in outputs[1]
    assert "What you said: Told SPO␛[2J␍All agreed, no concerns[U+202E]evil" in outputs[2]
    assert "Told SPO␛[2J" in outputs[3] and "[U+202E]evil" in outputs[3]
    assert "Noted␇␈␈" in outputs[4]


def test_a_message_quoting_what_was_typed_shows_its_controls_as_signs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["log-week", "--week", str(LAST_WEEK), "--capacity", "\x1b[2J120\r"])
    error = capsys.readouterr().err
    assert status == 2 and acting_characters(error) == []
    assert "you wrote '␛[2J120␍'" in error
