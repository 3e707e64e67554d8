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
    # Each line after the first set in under the field it belongs to, its tab kept.
    assert ("      Notes: Caseload 46:\n          \t12 licence\n          \t30 community\n") in run(
        "history", "--week", str(LAST_WEEK)
    )


def test_a_notes_second_line_never_reads_as_another_field() -> None:
    """At the left edge, "Unpaid hours: 12 (not 7)" in a note would read as a change to the unpaid
    hours, when the week was saved and in its history alike."""
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120", "--unpaid", "7")
    saved = run(
        "log-week", "--week", str(LAST_WEEK), "--notes", "Covered duty.\nUnpaid hours: 12 (not 7)"
    )
    assert "  Notes: (empty) → Covered duty.\n      Unpaid hours: 12 (not 7)\n" in saved
    history = run("history", "--week", str(LAST_WEEK))
    assert "      Notes: (empty) → Covered duty.\n          Unpaid hours: 12 (not 7)\n" in history
    assert "\nUnpaid hours" not in saved + history


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
    assert "you entered '␛[2J120␍'" in error


def test_a_long_note_changed_at_its_end_is_shown_where_it_changed() -> None:
    said = "Cover for two colleagues on leave, and three new allocations although I asked for none."
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120", "--notes", said)
    saved = run("log-week", "--week", str(LAST_WEEK), "--notes", said + " Corrected Monday.")
    [line] = [line for line in saved.splitlines() if line.startswith("  Notes: ")]
    old, new = line.removeprefix("  Notes: ").split(" → ")
    assert old != new and new.endswith("none. Corrected Monday.")
