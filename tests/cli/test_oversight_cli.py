"""Supervision sessions and concerns raised, as a user and a rep's script drive them."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.processes import modules_loaded, workdiary
from workdiary.cli import main
from workdiary.domain.dates import DAY_NAMES, format_day
from workdiary.domain.oversight import is_overdue
from workdiary.domain.records import ConcernStatus
from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, fill_sample_diary
from workdiary.storage import Diary

TODAY = date.today()


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


def ok(*argv: str) -> str:
    status, out = run(*argv)
    assert status == 0, out
    return out


def audit_count(diary_path: Path) -> int:
    if not diary_path.exists():
        return 0
    with sqlite3.connect(diary_path) as connection:
        return int(connection.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def row_of(listing: str, record_id: str) -> str:
    """The table row of the record with this id: the id, then its date."""
    starts = tuple(f"{record_id}  {day} " for day in DAY_NAMES)
    [row] = [line for line in listing.splitlines() if line.lstrip().startswith(starts)]
    return row


def add_session(day: date, status: str = "held", *options: str) -> str:
    return ok("supervision", "add", "--date", day.isoformat(), "--status", status, *options)


def add_concern(day: date, *options: str, summary: str = "Told my SPO I am at 130 %") -> str:
    return ok("concern", "add", "--date", day.isoformat(), "--raised-with", "SPO (J.M.)",
              "--channel", "email", "--summary", summary, *options)  # fmt: skip


def as_json(*argv: str) -> Any:
    return json.loads(ok(*argv, "--json"))


# supervision add and list


def test_a_session_is_recorded_with_its_id_and_listed_with_it() -> None:
    out = add_session(days_ago(1), "held", "--supervisor", "J.M.", "--minutes", "60",
                      "--workload-discussed", "--actions", "Review my caseload")  # fmt: skip
    assert out.startswith(f"Recorded supervision session 1 on {format_day(TODAY)}")
    assert "Length: 60 minutes" in out and "Workload discussed: yes" in out
    assert "retrospectively" not in out
    out = add_session(days_ago(1), "cancelled-by-manager", "--supervisor", "J.M.")
    assert "Recorded supervision session 2" in out and "Status: cancelled by manager" in out

    listing = ok("supervision", "list")
    held = row_of(listing, "1")
    for shown in (format_day(days_ago(1)), " held ", " J.M. ", " 60 ", " yes ", format_day(TODAY)):
        assert shown in held
    assert "amended" not in held and "retrospective" not in held
    cancelled = row_of(listing, "2")
    assert "cancelled by manager" in cancelled and "yes" not in cancelled


def test_a_held_session_without_the_flag_is_stored_as_workload_not_discussed() -> None:
    add_session(days_ago(2), "held")
    add_session(days_ago(1), "not-offered")
    sessions = as_json("supervision", "list")["sessions"]
    assert [(s["id"], s["status"], s["workload_discussed"]) for s in sessions] == [
        ("1", "held", False),
        ("2", "not-offered", None),
    ]
    assert "  no  " in row_of(ok("supervision", "list"), "1")


def test_a_session_entered_late_is_told_and_marked_retrospective() -> None:
    out = add_session(days_ago(30))
    assert "recorded retrospectively" in out
    assert "retrospective" in row_of(ok("supervision", "list"), "1")
    [session] = as_json("supervision", "list")["sessions"]
    assert session["retrospective"] is True and session["amendments"] == 0
    recorded = datetime.fromisoformat(session["first_recorded_at"]).astimezone().date()
    assert abs(recorded - TODAY) <= timedelta(days=1)


def test_the_status_can_be_typed_the_way_a_person_says_it() -> None:
    out = add_session(days_ago(1), "Cancelled by me")
    assert "Status: cancelled by me" in out


# The hand-made case: every 4 weeks from Wed 01 Jan to Tue 24 Jun 2025 is 175 days, 6 intervals.
HAND_MADE = [
    ("2025-01-06", "held"),
    ("2025-02-03", "held"),
    ("2025-03-03", "cancelled-by-manager"),
    ("2025-04-07", "cancelled-by-me"),
    ("2025-05-05", "held"),
]


def add_hand_made_sessions() -> None:
    for day, status in HAND_MADE:
        add_session(date.fromisoformat(day), status)


def test_held_against_expected_longest_gap_and_cancellations_on_a_hand_made_case() -> None:
    ok("profile", "set", "--supervision-weeks", "4")
    add_hand_made_sessions()
    listing = ok("supervision", "list", "--from", "01/01/2025", "--to", "24/06/2025")
    # Counted from the first session recorded, which was due that day: 7 fell due by 24 June.
    assert "Supervision from Mon 06 Jan 2025 to Tue 24 Jun 2025 (5 sessions recorded):" in listing
    assert "3 held of 7 expected at every 4 weeks." in listing
    assert (
        "Longest gap between sessions held: 91 days (13 weeks), "
        "from Mon 03 Feb 2025 to Mon 05 May 2025." in listing
    )
    assert "Cancelled by your manager: 1. Cancelled by you: 1." in listing
    assert [row_of(listing, str(i)).split()[0] for i in range(1, 6)] == list("12345")
    assert "Workload discussed at none of the 3 sessions held." in listing

    figures = as_json("supervision", "list", "--from", "2025-01-01", "--to", "2025-06-24")[
        "figures"
    ]
    assert (figures["held"], figures["expected"], figures["interval_weeks"]) == (3, 7, 4)
    assert figures["longest_gap"] == {
        "after": "2025-02-03",
        "until": "2025-05-05",
        "open_ended": False,
        "days": 91,
    }
    assert figures["by_status"]["cancelled-by-manager"] == 1
    assert (figures["cancelled_by_manager"], figures["cancelled_by_me"]) == (1, 1)


def test_a_session_added_on_a_day_that_has_one_is_kept_and_said_to_share_it() -> None:
    day = days_ago(3)
    add_session(day, "cancelled-by-manager", "--supervisor", "J.M.")
    out = add_session(day, "held", "--supervisor", "J.M.", "--minutes", "45")
    # A command cannot ask first: it records the session, and says so plainly afterwards.
    assert out.startswith("Recorded supervision session 2 ")
    assert out.rstrip().endswith(
        f"Supervision session 1 (cancelled by manager, J.M.) was already recorded on "
        f"{format_day(day)}. Both are kept, and sessions held on the same day count as one in "
        "the figures."
    )
    assert "already recorded" not in add_session(days_ago(2), "held")
    listing = ok("supervision", "list")
    assert row_of(listing, "1").split()[:6] == ["1", *format_day(day).split(), "cancelled"]
    assert row_of(listing, "2").split()[:6] == ["2", *format_day(day).split(), "held"]


def test_the_list_counts_as_the_pack_does_from_the_first_session_and_by_day() -> None:
    ok("profile", "set", "--supervision-weeks", "4")
    for _ in range(2):
        add_session(date(2025, 1, 6), "held")
    listing = ok("supervision", "list", "--from", "2024-06-01", "--to", "2025-02-28")
    assert "Supervision from Mon 06 Jan 2025 to Fri 28 Feb 2025 (2 sessions recorded):" in listing
    assert (
        "2 sessions recorded as held fall on 1 day: sessions held on the same day count as one "
        "(2 on Mon 06 Jan 2025)." in listing
    )
    assert "1 held of 2 expected at every 4 weeks." in listing
    before = ok("supervision", "list", "--from", "2024-06-01", "--to", "2024-12-31")
    assert "the first session recorded is on Mon 06 Jan 2025" in before


def test_a_gap_still_running_at_the_end_of_the_period_says_so() -> None:
    ok("profile", "set", "--supervision-weeks", "4")
    add_hand_made_sessions()
    listing = ok("supervision", "list", "--from", "2025-01-01", "--to", "2025-09-30")
    assert (
        "Longest gap between sessions held: 148 days (21.1 weeks), "
        "from Mon 05 May 2025 to Tue 30 Sep 2025, and still open." in listing
    )
    # The period is limited to the sessions in it.
    early = ok("supervision", "list", "--from", "2025-01-01", "--to", "2025-02-28")
    assert "(2 sessions recorded)" in early and "2 held of 2 expected" in early
    # A gap begun before the period says so, rather than reading as a mistake in its dates.
    later = ok("supervision", "list", "--from", "2025-06-01", "--to", "2025-09-30")
    assert "from Mon 05 May 2025 (the last session held before the period) to Tue 30 Sep" in later


def test_without_an_interval_the_list_says_how_to_set_one() -> None:
    add_hand_made_sessions()
    listing = ok("supervision", "list", "--from", "2025-01-01", "--to", "2025-06-24")
    assert "3 held; no interval set: set one with workdiary profile set --supervision-weeks N" in (
        listing
    )
    assert "expected at" not in listing and "overdue" not in listing
    assert as_json("supervision", "list")["figures"]["expected"] is None


def test_the_default_period_runs_from_the_first_session_to_today() -> None:
    add_session(days_ago(20))
    add_session(days_ago(10), "rescheduled")
    listing = ok("supervision", "list")
    assert f"Supervision from {format_day(days_ago(20))} to {format_day(TODAY)}" in listing


@pytest.mark.parametrize(
    ("interval", "last_held_days_ago", "overdue"),
    [(None, 200, False), (4, 10, False), (4, 28, False), (4, 40, True), (1, 8, True)],
)
def test_the_overdue_line_appears_only_when_supervision_is_overdue(
    interval: int | None, last_held_days_ago: int, overdue: bool
) -> None:
    if interval is not None:
        ok("profile", "set", "--supervision-weeks", str(interval))
    add_session(days_ago(last_held_days_ago + 30))
    add_session(days_ago(last_held_days_ago))
    add_session(days_ago(3), "cancelled-by-manager")  # a cancellation does not count as held
    listing = ok("supervision", "list")
    line = (
        f"Supervision is overdue: the last held session was on "
        f"{format_day(days_ago(last_held_days_ago))}, {last_held_days_ago} days ago; "
        f"it is due every {'week' if interval == 1 else f'{interval} weeks'}."
    )
    assert (line in listing) is overdue
    assert ("overdue" in listing) is overdue
    overdue_json = as_json("supervision", "list")["overdue"]
    assert (overdue_json is not None) is overdue
    if overdue:
        assert overdue_json["days_since"] == last_held_days_ago


def test_overdue_when_sessions_are_recorded_but_none_was_ever_held() -> None:
    ok("profile", "set", "--supervision-weeks", "4")
    add_session(days_ago(60), "not-offered")
    listing = ok("supervision", "list")
    assert (
        "Supervision is overdue: none of the sessions recorded was held, and the first is dated "
        f"{format_day(days_ago(60))}; it is due every 4 weeks."
    ) in listing
    assert "No session was held in this period" in listing
    assert as_json("supervision", "list")["overdue"]["none_held_since"] == days_ago(60).isoformat()


def test_a_first_session_cancelled_within_the_interval_is_not_called_overdue() -> None:
    ok("profile", "set", "--supervision-weeks", "4")
    add_session(days_ago(3), "cancelled-by-manager")
    listing = ok("supervision", "list")
    assert "overdue" not in listing
    assert as_json("supervision", "list")["overdue"] is None


def test_empty_lists_say_how_to_start() -> None:
    assert "supervision add" in ok("supervision", "list")
    assert "concern add" in ok("concern", "list")
    assert as_json("supervision", "list") == {
        "interval_weeks": None,
        "sessions": [],
        "figures": None,
        "overdue": None,
    }
    assert as_json("concern", "list") == {"concerns": [], "unanswered": 0, "overdue": 0}


# concerns


def test_a_concern_is_recorded_with_its_id_and_listed_in_words() -> None:
    out = add_concern(days_ago(2), "--follow-up", days_ago(-12).isoformat())
    assert out.startswith(f"Recorded concern 1 on {format_day(TODAY)}")
    assert "How: email" in out and "Status: open" in out
    assert "workdiary concern answer 1 --date DATE --response TEXT" in out
    long_summary = "Two custody cases counted as community " * 5
    ok("concern", "add", "--date", days_ago(1).isoformat(), "--raised-with", "WMT team",
       "--channel", "wmt-challenge", "--summary", long_summary)  # fmt: skip

    listing = ok("concern", "list")
    first = row_of(listing, "1")
    for shown in (
        format_day(days_ago(2)),
        "SPO (J.M.)",
        "email",
        "open",
        format_day(days_ago(-12)),
    ):
        assert shown in first
    assert "OVERDUE" not in first
    assert "Told my SPO I am at 130 %" in listing
    second = row_of(listing, "2")
    assert "WMT challenge" in second
    summary_line = listing.splitlines()[listing.splitlines().index(second) + 1]
    assert summary_line.strip().startswith("Two custody cases") and summary_line.endswith("…")
    assert "2 concerns recorded; 2 still unanswered." in listing


def test_concerns_past_their_follow_up_with_no_response_are_marked_overdue() -> None:
    add_concern(days_ago(30), "--follow-up", days_ago(9).isoformat())
    add_concern(days_ago(30), "--follow-up", days_ago(-5).isoformat())
    add_concern(days_ago(30))  # no follow-up date: nothing to be late for
    listing = ok("concern", "list")
    assert f"OVERDUE: no response, follow-up was due {format_day(days_ago(9))}" in row_of(
        listing, "1"
    )
    assert "OVERDUE" not in row_of(listing, "2") and "OVERDUE" not in row_of(listing, "3")
    assert "3 concerns recorded; 3 still unanswered, 1 of them past their follow-up date." in (
        listing
    )
    concerns = as_json("concern", "list")["concerns"]
    assert [(c["id"], c["overdue"], c["answered"]) for c in concerns] == [
        ("1", True, False),
        ("2", False, False),
        ("3", False, False),
    ]


def test_answering_a_concern_keeps_the_original_in_its_history_and_is_no_amendment(
    diary_path: Path,
) -> None:
    add_concern(days_ago(30), "--follow-up", days_ago(9).isoformat())
    out = ok("concern", "answer", "1", "--date", days_ago(2).strftime("%d/%m/%Y"),
             "--response", "Two cases will be moved to a colleague.")  # fmt: skip
    assert "Recorded the response to concern 1" in out
    assert "Status: open → answered" in out
    assert f"Response date: (empty) → {format_day(days_ago(2))}" in out

    with Diary.open(diary_path) as diary:
        stored = diary.concerns.get("1")
        history = diary.concerns.history("1")
    assert stored is not None and stored.amendments == 1
    assert stored.record.status is ConcernStatus.ANSWERED
    assert stored.record.response == "Two cases will be moved to a colleague."
    assert stored.record.response_on == days_ago(2)
    assert stored.record.summary == "Told my SPO I am at 130 %"  # the rest is untouched
    assert [event.action for event in history] == ["create", "amend"]
    first = {change.field: change.new for change in history[0].changes}
    assert first["status"] == "open" and "response" not in first  # as first raised

    listing = ok("concern", "list")
    row = row_of(listing, "1")
    # Recording the answer changed nothing already recorded: the status says it came.
    assert "answered" in row and format_day(days_ago(2)) in row and "amended" not in row
    assert "OVERDUE" not in listing
    assert "1 concern recorded; 0 still unanswered." in listing
    # The same answer again changes nothing, and says so.
    again = ok("concern", "answer", "1", "--date", days_ago(2).isoformat(),
               "--response", "Two cases will be moved to a colleague.")  # fmt: skip
    assert "Nothing changed" in again
    assert audit_count(diary_path) == 2


def test_a_concern_is_listed_as_amended_only_when_what_was_recorded_changed(
    diary_path: Path,
) -> None:
    """As the pack and the window say it: the answer recorded, added to and the concern closed
    are not amendments; what was said, changed after it was saved, is."""
    add_concern(days_ago(30))
    add_concern(days_ago(20))
    for response in ("Noted.", "Noted. Review booked."):
        ok("concern", "answer", "1", "--date", days_ago(2).isoformat(), "--response", response)
    with Diary.open(diary_path) as diary:
        answered = diary.concerns.get("1")
        raised = diary.concerns.get("2")
        assert answered is not None and raised is not None
        diary.concerns.save(replace(answered.record, status=ConcernStatus.CLOSED), "1")
        diary.concerns.save(replace(raised.record, summary="Told my SPO I am at 131 %"), "2")
        diary.concerns.save(replace(raised.record, summary="Told my SPO I am at 132 %"), "2")
    listing = ok("concern", "list")
    assert "amended" not in row_of(listing, "1")
    assert row_of(listing, "2").endswith("amended 2 times")
    concerns = as_json("concern", "list")["concerns"]
    assert [(c["id"], c["amendments"]) for c in concerns] == [("1", 0), ("2", 2)]


def test_the_id_a_list_shows_is_the_concern_answer_amends() -> None:
    for day in (20, 10, 5):
        add_concern(days_ago(day), summary=f"Raised {day} days ago")
    ok("concern", "answer", "2", "--date", days_ago(1).isoformat(), "--response", "Noted.")
    concerns = {c["id"]: c for c in as_json("concern", "list")["concerns"]}
    assert concerns["2"]["summary"] == "Raised 10 days ago"
    assert [concerns[key]["status"] for key in ("1", "2", "3")] == ["open", "answered", "open"]


@pytest.mark.parametrize("unknown", ["99", "abc", "0"])
def test_answering_an_unknown_concern_exits_2_and_changes_nothing(
    unknown: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    add_concern(days_ago(3))
    capsys.readouterr()
    status, _ = run("concern", "answer", unknown, "--date", days_ago(1).isoformat(),
                    "--response", "Noted.")  # fmt: skip
    assert status == 2
    error = capsys.readouterr().err
    assert f"There is no concern {unknown}" in error and "concern list" in error
    assert audit_count(diary_path) == 1


# the history of one


# When an event of a history happened, as its line begins: `  Mon 23 Nov 2026 07:33  `.
MOMENT = re.compile(r"^  \w{3} \d{2} \w{3} \d{4} \d{2}:\d{2}  ")


def history_lines(*argv: str) -> list[str]:
    """What `workdiary … history ID` prints, a line each, with the moment each event's line
    begins with taken out (every one is now, in these tests) and the indents."""
    lines = ok(*argv).splitlines()
    assert all(MOMENT.match(line) for line in lines if line.startswith("  ") and line[2] != " ")
    return [MOMENT.sub("", line).strip() for line in lines]


def test_a_sessions_history_shows_when_it_was_recorded_and_every_change_since(
    diary_path: Path,
) -> None:
    """As the window's Show history… shows it, in the words of `workdiary history --week`."""
    add_session(days_ago(10), "held", "--supervisor", "GW", "--minutes", "60")
    with Diary.open(diary_path) as diary:
        held = diary.supervision.get("1")
        assert held is not None
        diary.supervision.save(replace(held.record, minutes=45), "1")
    ok("supervision", "delete", "1")
    assert history_lines("supervision", "history", "1") == [
        f"Supervision session 1 on {format_day(days_ago(10))}",
        "first recorded:",
        f"Date: {format_day(days_ago(10))}",
        "Status: Held",
        "Supervisor: GW",
        "Length: 60 minutes",
        "Workload discussed: no",
        "amended:",
        "Length: 60 minutes → 45 minutes",
        "deleted (kept here in its history)",
        "It is deleted: workdiary supervision restore 1 brings it back.",
    ]
    ok("supervision", "restore", "1")
    assert history_lines("supervision", "history", "1")[-7:] == [
        "deleted (kept here in its history)",
        "recorded again after being deleted:",
        f"Date: {format_day(days_ago(10))}",
        "Status: Held",
        "Supervisor: GW",
        "Length: 45 minutes",
        "Workload discussed: no",
    ]
    assert audit_count(diary_path) == 4


def test_a_concerns_history_shows_its_answer_as_such(diary_path: Path) -> None:
    add_concern(days_ago(30), "--follow-up", days_ago(9).isoformat())
    ok("concern", "answer", "1", "--date", days_ago(2).isoformat(), "--response", "Noted.")
    assert history_lines("concern", "history", "1") == [
        f"Concern 1, raised on {format_day(days_ago(30))} with SPO (J.M.)",
        "first recorded:",
        f"Date raised: {format_day(days_ago(30))}",
        "Raised with: SPO (J.M.)",
        "How: Email",
        "What you said: Told my SPO I am at 130 %",
        f"Follow up on: {format_day(days_ago(9))}",
        "Status: Open",
        "answer recorded:",
        "Response: (empty) → Noted.",
        f"Response date: (empty) → {format_day(days_ago(2))}",
        "Status: Open → Answered",
    ]
    assert audit_count(diary_path) == 2


@pytest.mark.parametrize("command", ["supervision", "concern"])
def test_the_history_of_an_id_not_in_the_diary_says_where_the_ids_are(
    command: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    add_session(days_ago(3))
    add_concern(days_ago(3))
    capsys.readouterr()
    assert run(command, "history", "7") == (2, "")
    error = capsys.readouterr().err
    assert f"workdiary {command} list shows each one with its id." in error
    assert "Nothing was saved" not in error  # it only reads
    assert audit_count(diary_path) == 2


# deleting one recorded by mistake


def test_a_session_typed_twice_is_deleted_and_stays_in_its_history(diary_path: Path) -> None:
    ok("profile", "set", "--supervision-weeks", "4")
    add_session(days_ago(3), "held", "--supervisor", "GW", "--minutes", "60")
    add_session(days_ago(3), "held", "--supervisor", "GW", "--minutes", "60")
    assert "2 sessions recorded as held fall on 1 day" in ok("supervision", "list")

    out = ok("supervision", "delete", "2")
    assert f"Deleted supervision session 2 ({format_day(days_ago(3))}, held, GW)." in out
    assert "stays in the diary's history" in out
    listing = ok("supervision", "list")
    assert "same day" not in listing and "(1 session recorded)" in listing
    with pytest.raises(ValueError):
        row_of(listing, "2")
    with Diary.open(diary_path) as diary:
        assert [event.action for event in diary.supervision.history("2")] == ["create", "delete"]
        assert diary.verify().intact
    assert "workdiary supervision restore 2 brings it back" in out


def test_a_session_deleted_by_mistake_is_restored_as_it_was(diary_path: Path) -> None:
    add_session(days_ago(10), "held", "--supervisor", "GW", "--minutes", "60")
    ok("supervision", "delete", "1")
    out = ok("supervision", "restore", "1")
    assert f"Restored supervision session 1 ({format_day(days_ago(10))}, held, GW)." in out
    assert "keeps the date it was first recorded" in out
    [session] = as_json("supervision", "list")["sessions"]
    assert (session["id"], session["minutes"], session["amendments"]) == ("1", 60, 0)
    [restored] = session["restored"]
    assert restored["deleted_at"] <= restored["restored_at"]
    # Listed as deleted and restored, and when, never as amended.
    row = row_of(ok("supervision", "list"), "1")
    assert row.endswith(f"deleted and restored on {format_day(TODAY)}")
    assert "amended" not in row
    assert audit_count(diary_path) == 3 and "intact" in ok("verify")


def test_a_restored_concern_is_listed_so_and_only_its_amendments_as_such() -> None:
    add_concern(days_ago(3))
    ok("concern", "delete", "1")
    ok("concern", "restore", "1")
    ok("concern", "answer", "1", "--date", TODAY.isoformat(), "--response", "Noted.")
    row = row_of(ok("concern", "list"), "1")
    assert row.endswith(f"deleted and restored on {format_day(TODAY)}")
    [concern] = as_json("concern", "list")["concerns"]
    assert concern["amendments"] == 0 and len(concern["restored"]) == 1


def test_a_concern_recorded_by_mistake_is_deleted_and_no_longer_waits(diary_path: Path) -> None:
    add_concern(days_ago(20), "--follow-up", days_ago(5).isoformat())
    add_concern(days_ago(4), summary="Wrong diary: this was my colleague's concern")
    out = ok("concern", "delete", "2")
    assert f"Deleted concern 2 (raised {format_day(days_ago(4))} with SPO (J.M.), email: " in out
    assert "“Wrong diary: this was my colleague's concern”" in out
    listing = ok("concern", "list")
    assert "1 concern recorded; 1 still unanswered, 1 of them past their follow-up date." in (
        listing
    )
    assert [concern["id"] for concern in as_json("concern", "list")["concerns"]] == ["1"]
    assert audit_count(diary_path) == 3
    assert "intact" in ok("verify")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["supervision", "delete", "9"], "There is no supervision session 9 in the diary"),
        (["concern", "delete", "9"], "There is no concern 9 in the diary, so nothing was deleted"),
        (["concern", "delete", "1"], "Concern 1 was deleted already"),
        (["concern", "restore", "2"], "Concern 2 is not deleted: nothing to restore"),
        (
            ["concern", "restore", "9"],
            "There is no deleted concern 9, so nothing was restored. "
            f"The deleted ones are: 1 (raised {format_day(days_ago(3))} with SPO (J.M.), ",
        ),
        (["supervision", "restore", "1"], "Supervision session 1 is not deleted"),
    ],
)
def test_deleting_or_restoring_what_is_not_there_exits_2_and_changes_nothing(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    add_session(days_ago(3))
    add_concern(days_ago(3))
    add_concern(days_ago(2))
    ok("concern", "delete", "1")
    capsys.readouterr()
    status, _ = run(*argv)
    assert status == 2
    assert words in capsys.readouterr().err
    assert audit_count(diary_path) == 4


# bad input

YESTERDAY = days_ago(1).isoformat()


def session_add(*options: str, day: str = YESTERDAY, status: str = "held") -> list[str]:
    return ["supervision", "add", "--date", day, "--status", status, *options]


def concern_add(*options: str, day: str = YESTERDAY, summary: str = "Too many cases") -> list[str]:
    return ["concern", "add", "--date", day, "--raised-with", "SPO", "--channel", "email",
            "--summary", summary, *options]  # fmt: skip


def answer(day: str = YESTERDAY, response: str = "Noted.") -> list[str]:
    return ["concern", "answer", "1", "--date", day, "--response", response]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (session_add(day="31/02/2026"), "does not exist"),
        (session_add(day="someday"), "not a date"),
        (session_add(day=days_ago(-1).isoformat()), "cannot be dated in the future"),
        (session_add("--minutes", "601"), "between 0 and 600 minutes"),
        (session_add("--minutes", "an hour"), "must be a number"),
        (session_add("--minutes", "-5"), "between 0 and 600"),
        (session_add("--minutes", "30", status="rescheduled"), "was not held (rescheduled)"),
        (session_add("--workload-discussed", status="not-offered"), "was not held (not offered)"),
        (session_add("--supervisor", "Mrs J. Montgomery-Smith"), "at most 20 characters"),
        (session_add("--notes", "Talked about X123456"), "--allow-identifiers"),
        # Every mistake in one command is reported at once.
        (
            session_add("--minutes", "900", day="2026-13-01"),
            "does not exist on the calendar.\nThe length must be between 0 and 600",
        ),
        (concern_add(summary="   "), "Say briefly what you raised"),
        (concern_add(day=days_ago(-2).isoformat()), "cannot be in the future"),
        (
            concern_add("--follow-up", days_ago(5).isoformat()),
            "follow-up date cannot be before the date raised",
        ),
        (concern_add("--follow-up", "soon"), "not a date"),
        (concern_add(summary="About PNC 2019/0123456X"), "PNC number"),
        (answer(day=days_ago(40).isoformat()), "response date cannot be before the date raised"),
        (answer(day=days_ago(-1).isoformat()), "response date cannot be in the future"),
        (answer(day="30/02/2026"), "does not exist"),
        (answer(response=" "), "Say what the response was"),
        (answer(response="Ask about X123456"), "looks like a case reference number"),
        (["supervision", "list", "--from", "2026-11-16", "--to", "2026-01-05"], "on or before"),
        (["supervision", "list", "--from", days_ago(-3).isoformat()], "cannot be after today"),
    ],
)
def test_bad_input_gets_a_clear_message_exit_2_and_changes_nothing(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    add_concern(days_ago(30))
    add_session(days_ago(30))
    before = audit_count(diary_path)
    capsys.readouterr()
    status, out = run(*argv)
    assert status == 2 and out == ""
    error = capsys.readouterr().err
    assert words in error and "Traceback" not in error
    assert audit_count(diary_path) == before


def test_who_it_was_raised_with_cannot_be_left_blank(
    capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    argv = concern_add()
    argv[argv.index("SPO")] = "  "
    assert run(*argv)[0] == 2
    assert "Say who you raised it with" in capsys.readouterr().err
    assert audit_count(diary_path) == 0


@pytest.mark.parametrize(
    ("argv", "choices"),
    [
        (
            session_add(status="sacked"),
            "--status cannot be 'sacked' (it can be held, cancelled-by-manager, cancelled-by-me, "
            "rescheduled or not-offered)",
        ),
        (
            session_add(status="Cancelled by manger"),
            "--status cannot be 'cancelled-by-manger'; did you mean cancelled-by-manager?",
        ),
        (
            ["concern", "add", "--date", YESTERDAY, "--raised-with", "SPO", "--channel", "fax",
             "--summary", "Too many"],
            "--channel cannot be 'fax' (it can be email, supervision, meeting, phone, letter, "
            "foreseeability-notice, grievance, wmt-challenge or subject-access-request)",
        ),
        (
            ["concern", "add", "--date", YESTERDAY, "--raised-with", "SPO", "--channel", "emial",
             "--summary", "Too many"],
            "--channel cannot be 'emial'; did you mean email?",
        ),
    ],
)  # fmt: skip
def test_an_unknown_choice_exits_2_with_the_nearest_choice_or_every_one(
    argv: list[str], choices: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv, io.StringIO())
    assert raised.value.code == 2
    error = capsys.readouterr().err
    assert error.endswith(f"error: {choices}\n")
    assert "invalid choice" not in error
    assert audit_count(diary_path) == 0


def test_the_length_of_a_session_can_be_given_as_the_window_names_it(
    capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    """The window calls it Length: --length is --minutes by another name, and a message about
    it names the option as typed."""
    assert "Length: 45 minutes" in add_session(days_ago(2), "held", "--length", "45")
    assert "45" in row_of(ok("supervision", "list"), "1")
    capsys.readouterr()
    assert run(*session_add("--length", "1,5"))[0] == 2
    assert "The length (--length) must be a whole number" in capsys.readouterr().err
    assert run(*session_add("--length", "30", status="rescheduled"))[0] == 2
    assert "leave out --length and --workload-discussed" in capsys.readouterr().err
    assert audit_count(diary_path) == 1
    with pytest.raises(SystemExit):
        main(["supervision", "add", "--help"])
    assert "--minutes N, --length N" in capsys.readouterr().out


def test_identifiers_are_saved_when_allowed(diary_path: Path) -> None:
    add_session(days_ago(1), "held", "--notes", "Discussed X123456", "--allow-identifiers")
    add_concern(days_ago(1), "--allow-identifiers", summary="About X123456")
    ok("concern", "answer", "1", "--date", days_ago(1).isoformat(),
       "--response", "X123456 moved", "--allow-identifiers")  # fmt: skip
    assert audit_count(diary_path) == 3


def test_the_diary_is_intact_after_all_of_it(diary_path: Path) -> None:
    ok("profile", "set", "--supervision-weeks", "4")
    add_hand_made_sessions()
    add_concern(days_ago(20), "--follow-up", days_ago(5).isoformat())
    run("supervision", "add", "--date", "nonsense", "--status", "held")
    ok("concern", "answer", "1", "--date", days_ago(1).isoformat(), "--response", "Noted.")
    run("concern", "answer", "7", "--date", days_ago(1).isoformat(), "--response", "Noted.")
    out = ok("verify")
    assert "The diary is intact: 8 audit entries" in out


# the sample diary


def test_the_sample_diary_lists_every_session_and_concern_by_id(diary_path: Path) -> None:
    diary_path.parent.mkdir(parents=True)
    summary = fill_sample_diary(diary_path, SAMPLE_LAST_WEEK_FOR_TESTS)
    sessions = ok("supervision", "list")
    for key in range(1, summary.sessions + 1):
        row_of(sessions, str(key))
    assert f"({summary.sessions} sessions recorded)" in sessions
    assert "expected at every 4 weeks" in sessions  # the sample's profile says every 4 weeks

    concerns = ok("concern", "list")
    with Diary.open(diary_path) as diary:
        stored = diary.concerns.all()
        today = diary.today()
    late = [entry.key for entry in stored if is_overdue(entry.record, today)]
    assert late  # the sample has concerns nobody answered
    for entry in stored:
        assert ("OVERDUE" in row_of(concerns, entry.key)) is (entry.key in late)
    assert f"{len(stored)} concerns recorded" in concerns
    assert f"{len(late)} of them past their follow-up date" in concerns


# as separate processes


def test_the_new_commands_load_neither_qt_nor_reportlab(tmp_path: Path) -> None:
    code = (
        "import io; from workdiary.cli import main; "
        "main(['supervision', 'list'], io.StringIO()); main(['concern', 'list'], io.StringIO())"
    )
    assert modules_loaded(code, ("PySide6", "reportlab"), data_dir=tmp_path) == []


def test_add_list_answer_list_and_verify_as_a_user_types_them(tmp_path: Path) -> None:
    data = tmp_path / "diary-data"
    raised, follow_up = days_ago(21).strftime("%d/%m/%Y"), days_ago(7).strftime("%d/%m/%Y")
    steps = [
        ["profile", "set", "--supervision-weeks", "4"],
        ["supervision", "add", "--date", days_ago(60).isoformat(), "--status", "held",
         "--supervisor", "G.W.", "--minutes", "45", "--workload-discussed"],
        ["supervision", "add", "--date", days_ago(31).isoformat(), "--status",
         "cancelled-by-manager", "--supervisor", "G.W."],
        ["concern", "add", "--date", raised, "--raised-with", "Uwch Swyddog Prawf (G.W.)",
         "--channel", "foreseeability-notice", "--follow-up", follow_up,
         "--summary", "Rwy'n gweithio 9 awr heb dâl bob wythnos"],
    ]  # fmt: skip
    for argv in steps:
        done = workdiary(data, *argv)
        assert done.returncode == 0, done.stderr

    sessions = workdiary(data, "supervision", "list").stdout
    assert "1 held of 3 expected at every 4 weeks." in sessions  # due 60, 32 and 4 days ago
    assert (
        f"Supervision is overdue: the last held session was on {format_day(days_ago(60))}, "
        "60 days ago; it is due every 4 weeks." in sessions
    )
    before = workdiary(data, "concern", "list").stdout
    assert "foreseeability notice" in before and "Uwch Swyddog Prawf (G.W.)" in before
    assert f"OVERDUE: no response, follow-up was due {format_day(days_ago(7))}" in before

    answered = workdiary(data, "concern", "answer", "1", "--date", days_ago(1).isoformat(),
                         "--response", "Byddwn yn symud dau achos.")  # fmt: skip
    assert answered.returncode == 0, answered.stderr
    after = workdiary(data, "concern", "list")
    assert "OVERDUE" not in after.stdout and "0 still unanswered" in after.stdout
    [concern] = json.loads(workdiary(data, "concern", "list", "--json").stdout)["concerns"]
    assert concern["response"] == "Byddwn yn symud dau achos." and concern["amendments"] == 0

    unknown = workdiary(data, "concern", "answer", "9", "--date", days_ago(1).isoformat(),
                        "--response", "x")  # fmt: skip
    assert unknown.returncode == 2 and "There is no concern 9" in unknown.stderr
    assert "Traceback" not in unknown.stderr

    verified = workdiary(data, "verify")
    assert verified.returncode == 0 and "intact: 5 audit entries" in verified.stdout
