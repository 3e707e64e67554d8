"""The command line as a user or a rep's script drives it."""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from workdiary import cli
from workdiary.cli import app_options, main
from workdiary.domain.dates import format_day, week_commencing
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.storage import Diary

THIS_WEEK = week_commencing(date.today())
LAST_WEEK = THIS_WEEK - timedelta(weeks=1)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


def audit_count(diary_path: Path) -> int:
    with sqlite3.connect(diary_path) as connection:
        return int(connection.execute("SELECT count(*) FROM audit_log").fetchone()[0])


def test_log_then_show_lists_the_week_with_the_day_it_was_recorded() -> None:
    status, out = run("log-week", "--week", LAST_WEEK.strftime("%d/%m/%Y"), "--capacity", "132.5",
                      "--caseload", "46", "--hours", "44.5", "--unpaid", "7.5")  # fmt: skip
    assert status == 0 and "Logged the week commencing" in out
    status, out = run("show")
    assert status == 0
    [row] = [line for line in out.splitlines() if LAST_WEEK.strftime("%d %b %Y") in line][:1]
    assert "132.5 %" in row and "46" in row and "44.5" in row and "7.5" in row
    assert date.today().strftime("%d %b %Y") in row  # recorded today
    assert "at/over 110 %" in row


def test_logging_a_week_again_amends_it_and_keeps_the_first_figures() -> None:
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "132.5", "--hours", "44.5")
    status, out = run("log-week", "--week", str(LAST_WEEK), "--capacity", "128")
    assert status == 0 and "132.5 % → 128 %" in out
    _, history = run("history", "--week", str(LAST_WEEK))
    assert "first recorded" in history and "WMT capacity: 132.5 %" in history
    assert "amended" in history and "132.5 % → 128 %" in history
    _, shown = run("show")
    assert "amended" in shown
    # Amending keeps the figures not named.
    _, as_json = run("show", "--json")
    [week] = [w for w in json.loads(as_json)["weeks"] if w["week_commencing"] == str(LAST_WEEK)]
    assert (week["capacity_pct"], week["hours_worked"], week["amendments"]) == (128.0, 44.5, 1)


def test_hours_against_contracted_name_the_days_off_they_do_not_allow_for() -> None:
    """A shortfall made of a day's leave and a day off sick must not read as hours short."""
    earlier = LAST_WEEK - timedelta(weeks=1)
    run("log-week", "--week", str(earlier), "--capacity", "120", "--hours", "30",
        "--contracted", "37", "--leave-days", "1")  # fmt: skip
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120", "--hours", "36",
        "--contracted", "37", "--sick-days", "1")  # fmt: skip
    shown = run("show")[1]
    assert "Hours worked 66 against 74 contracted (-8) over the 2 weeks with both recorded.\n" in (
        shown
    )
    assert (
        "Those weeks include 1 day of leave and 1 day sick, which this comparison does not allow "
        "for" in shown
    )


def test_contracted_hours_default_from_the_profile() -> None:
    run("profile", "set", "--contracted-hours", "30")
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "100")
    _, as_json = run("show", "--json")
    assert json.loads(as_json)["weeks"][-1]["contracted_hours"] == 30.0


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--capacity", "450"], "between 0 and 400"),
        (["--capacity", "lots"], "must be a number"),
        (["--capacity", "100", "--hours", "10", "--unpaid", "12"], "cannot be more than"),
        (["--capacity", "100", "--caseload", "4.5"], "whole number"),
        (["--capacity", "100", "--breaks-missed", "9"], "between 0 and 7"),
        (["--capacity", "100", "--wmt-read", "someday"], "not a date"),
        (["--capacity", "100", "--notes", "x" * 20_001], "20,000 characters"),
        ([], "--capacity"),
        (["--hours", "10", "--unpaid", "12"], "--capacity 132.5\nUnpaid hours (12) cannot be more"),
    ],
)
def test_bad_input_gets_a_clear_message_exit_2_and_changes_nothing(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    run("log-week", "--week", str(LAST_WEEK - timedelta(weeks=1)), "--capacity", "120")
    capsys.readouterr()
    status, _ = run("log-week", "--week", str(LAST_WEEK), *argv)
    assert status == 2
    error = capsys.readouterr().err
    assert words in error and "Nothing was saved" in error
    assert "Traceback" not in error
    assert audit_count(diary_path) == 1


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["log-week", "--week", "31/02/2026", "--capacity", "100"], "does not exist"),
        (
            ["log-week", "--week", str(THIS_WEEK + timedelta(weeks=1)), "--capacity", "100"],
            "has not started yet",
        ),
        (["history", "--week", "next tuesday"], "not a date"),
        (["delete-week", "--week", str(LAST_WEEK)], "nothing to delete"),
        (["show", "--from", "2026-11-16", "--to", "2026-01-05"], "on or before"),
        (["profile", "set", "--threshold", "20"], "between 50 and 400"),
        (["profile", "set"], "Say what to change"),
    ],
)
def test_other_bad_input_exits_2_with_a_message(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run(*argv)
    assert status == 2
    assert words in capsys.readouterr().err


def test_argparse_mistakes_also_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["log-week", "--capacity", "100"])
    assert raised.value.code == 2
    assert "--week" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "argv", "words"),
    [
        (
            "log-week",
            ["--week", "16/11/2026", "--capcity", "120"],
            "there is no option --capcity; did you mean --capacity?",
        ),
        (
            "log-week",
            ["--week", "16/11/2026", "--capcity=120", "--huors", "4"],
            "there is no option --capcity; did you mean --capacity?\n"
            "there is no option --huors; did you mean --hours?",
        ),
        ("profile set", ["--nmae", "Rhiannon"], "there is no option --nmae; did you mean --name?"),
        (
            "supervision add",
            ["--date", "16/11/2026", "--status", "held", "--minuts", "30"],
            "there is no option --minuts; did you mean --minutes?",
        ),
        (
            "show",
            ["--week", "16/11/2026"],
            "there is no option --week (workdiary show --help lists them)",
        ),
        ("show", ["2026"], "it does not take '2026' (workdiary show --help says what it takes)"),
    ],
)
def test_a_mistyped_option_is_named_with_its_commands_usage_and_the_nearest_option(
    command: str,
    argv: list[str],
    words: str,
    capsys: pytest.CaptureFixture[str],
    diary_path: Path,
) -> None:
    """The usage of `workdiary` alone lists none of a command's options: the command's does."""
    with pytest.raises(SystemExit) as raised:
        main([*command.split(), *argv])
    assert raised.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith(f"usage: workdiary {command} [-h]")
    assert error.endswith(f"workdiary {command}: error: {words}\n")
    assert "COMMAND" not in error and "unrecognized" not in error
    assert not diary_path.exists()


@pytest.mark.parametrize(
    ("argv", "usage", "words"),
    [
        (["lgo-week", "--week", "16/11/2026"], "workdiary",
         "there is no command 'lgo-week'; did you mean log-week?"),
        (["supervision", "lsit"], "workdiary supervision",
         "there is no command 'lsit'; did you mean list?"),
        (["frobnicate"], "workdiary", "there is no command 'frobnicate' (workdiary --help lists "
                                      "them)"),
    ],
)  # fmt: skip
def test_a_mistyped_command_is_named_with_the_nearest_command(
    argv: list[str], usage: str, words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith(f"usage: {usage} [-h]")
    assert error.endswith(f"{usage}: error: {words}\n")
    assert "invalid choice" not in error
    assert not diary_path.exists()


@pytest.mark.parametrize(
    ("argv", "opens"),
    [
        ([], {"demo": False, "self_test": False}),
        (["--self-test"], {"demo": False, "self_test": True}),
        (["--data-dir", "elsewhere", "--demo"], {"data_dir": "elsewhere", "demo": True}),
        (["show"], None),  # a command
        (["-h"], None),
        (["--self"], None),  # abbreviated: the full parser still opens the app for it
        (["--data-dir"], None),  # mistyped: the full parser says what is wrong
        (["--demo=yes"], None),
        (["--demo", "--bogus"], None),
    ],
)
def test_only_arguments_that_just_open_the_app_skip_the_commands_parsers(
    argv: list[str], opens: dict[str, object] | None
) -> None:
    options = app_options(argv)
    if opens is None:
        assert options is None
    else:
        assert options is not None and {k: vars(options)[k] for k in opens} == opens


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--data-dir"], "--data-dir: expected one argument"),
        (["--demo=yes"], "ignored explicit argument"),
        (["--demo", "show"], "--demo and --self-test go with opening the app"),
        (["--self-test", "--bogus"], "there is no option --bogus (workdiary --help lists them)"),
    ],
)
def test_a_mistake_in_opening_the_app_gets_the_full_usage(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == 2
    error = capsys.readouterr().err
    assert words in error and "COMMAND" in error  # the usage names the commands too


def test_identifiers_are_refused_without_allow_identifiers(
    capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    note = ["--notes", "Home visit X123456 overran"]
    status, _ = run("log-week", "--week", str(LAST_WEEK), "--capacity", "120", *note)
    assert status == 2
    assert "--allow-identifiers" in capsys.readouterr().err
    assert not diary_path.exists() or audit_count(diary_path) == 0
    status, _ = run("log-week", "--week", str(LAST_WEEK), "--capacity", "120", *note,
                    "--allow-identifiers")  # fmt: skip
    assert status == 0


def test_a_late_entry_is_told_it_is_retrospective() -> None:
    weeks_ago = THIS_WEEK - timedelta(weeks=3)
    _, out = run("log-week", "--week", str(weeks_ago), "--capacity", "115")
    assert "retrospectively" in out
    _, shown = run("show")
    assert "retrospective" in shown
    _, on_time = run("log-week", "--week", str(THIS_WEEK), "--capacity", "115")
    assert "retrospectively" not in on_time


def test_show_has_a_row_for_every_week_not_logged() -> None:
    run("log-week", "--week", str(THIS_WEEK - timedelta(weeks=4)), "--capacity", "100")
    run("log-week", "--week", str(THIS_WEEK - timedelta(weeks=1)), "--capacity", "100")
    _, shown = run("show")
    assert shown.count("not logged") == 2 + 1  # two rows, and the summary sentence
    _, as_json = run("show", "--json")
    flags = [week["flags"]["not_logged"] for week in json.loads(as_json)["weeks"]]
    assert flags == [False, True, True, False]


def test_show_says_no_unpaid_hours_were_recorded_rather_than_none_worked() -> None:
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120")
    _, shown = run("show")
    assert "Unpaid hours: none recorded." in shown
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "120", "--hours", "37", "--unpaid", "0")
    _, shown = run("show")
    assert "Unpaid hours: 0." in shown


def test_show_keeps_the_earliest_weeks_whose_entries_were_deleted() -> None:
    """Their deletion is part of the record: it must not vanish from the start of the table."""
    weeks = [THIS_WEEK - timedelta(weeks=back) for back in (4, 3, 2, 1)]
    for monday in weeks:
        run("log-week", "--week", str(monday), "--capacity", "120")
    for monday in weeks[:2]:
        run("delete-week", "--week", str(monday))
    _, as_json = run("show", "--json")
    shown = json.loads(as_json)["weeks"]
    assert [week["week_commencing"] for week in shown][:2] == [str(weeks[0]), str(weeks[1])]
    _, table = run("show")
    assert table.count("entry deleted") == 2


def test_show_on_an_empty_diary_says_how_to_start() -> None:
    status, out = run("show")
    assert status == 0 and "log-week" in out


def test_delete_week_keeps_it_in_history() -> None:
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120")
    status, out = run("delete-week", "--week", str(LAST_WEEK))
    assert status == 0 and "stays in the diary's history" in out
    _, history = run("history", "--week", str(LAST_WEEK))
    assert "first recorded" in history and "deleted" in history
    _, shown = run("show")
    # Its row stays, saying so: the deletion is part of the record.
    assert "not logged, entry deleted" in shown and "0 logged, 1 not logged" in shown


def test_a_week_deleted_and_logged_again_is_shown_so_not_as_amended() -> None:
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120")
    run("delete-week", "--week", str(LAST_WEEK))
    status, out = run("log-week", "--week", str(LAST_WEEK), "--capacity", "125")
    assert status == 0 and "Logged again (it had been deleted)" in out
    today = format_day(date.today())  # the command's clock is the real one

    _, shown = run("show")
    [row] = [line for line in shown.splitlines() if line.startswith(format_day(LAST_WEEK))]
    assert row.endswith(f"at/over 110 %, deleted and logged again on {today}")
    assert "amended" not in row
    assert (
        "Amended after first being recorded: 0 weeks. Deleted and logged again: 1 week; neither "
        "the deletion nor the logging again counts as an amendment."
    ) in shown
    _, as_json = run("show", "--json")
    [week] = [w for w in json.loads(as_json)["weeks"] if w["week_commencing"] == str(LAST_WEEK)]
    assert week["amendments"] == 0 and not week["flags"]["amended"]
    assert week["flags"]["logged_again"]
    [again] = week["logged_again"]
    assert again["deleted_at"] <= again["logged_again_at"]
    _, history = run("history", "--week", str(LAST_WEEK))
    assert "recorded again after being deleted" in history and "amended" not in history

    # Changed afterwards, it is amended, and the first amendment.
    status, out = run("log-week", "--week", str(LAST_WEEK), "--capacity", "126")
    assert "(amendment 1)" in out
    _, shown = run("show")
    assert f"deleted and logged again on {today}, amended" in shown


def test_profile_set_changes_only_what_is_named() -> None:
    run("profile", "set", "--name", "Rhiannon Llŷr", "--hourly-rate", "19.87")
    status, _out = run("profile", "set", "--run-weeks", "6")
    assert status == 0
    _, shown = run("profile", "show")
    assert "Rhiannon Llŷr" in shown and "£19.87" in shown and "6 weeks" in shown


def test_verify_reports_intact_then_names_a_raw_edit(diary_path: Path) -> None:
    assert run("verify")[0] == 0  # no diary yet: nothing to check
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "132.5")
    status, out = run("verify")
    assert status == 0 and "intact" in out
    with sqlite3.connect(diary_path) as connection:
        connection.execute("UPDATE weeks SET capacity_pct = 90")
    status, out = run("verify")
    assert status == 1
    assert LAST_WEEK.strftime("%d %b %Y") in out and "WMT capacity is 90 %" in out


def test_show_and_history_warn_of_a_diary_changed_outside_work_diary(
    diary_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "132.5")
    capsys.readouterr()
    for command in (["show"], ["history", "--week", str(LAST_WEEK)]):
        run(*command)
        assert "Warning" not in capsys.readouterr().err  # intact: nothing to say
    with sqlite3.connect(diary_path) as connection:
        connection.execute("UPDATE weeks SET capacity_pct = 90")
    status, shown = run("show")
    warned = capsys.readouterr().err
    assert status == 0 and "90 %" in shown  # what the file holds now, said to be that
    assert "Warning: this diary no longer matches its own history" in warned
    assert "1 problem" in warned and "workdiary verify" in warned
    status, _ = run("history", "--week", str(LAST_WEEK))
    assert status == 0 and "no longer matches its own history" in capsys.readouterr().err


def test_verify_tells_of_an_entry_dated_back_and_still_says_intact(diary_path: Path) -> None:
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "132.5")
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "120")
    # As if the clock had been put back ten days to save a third week.
    with sqlite3.connect(diary_path) as connection:
        first = connection.execute("SELECT recorded_at FROM audit_log WHERE seq = 1").fetchone()[0]
    put_back = datetime.fromisoformat(first) - timedelta(days=10)
    with Diary.open(diary_path, lambda: put_back) as diary:
        diary.weeks.save(Week(THIS_WEEK - timedelta(weeks=2), 125.0), allow_clock_behind=True)
    status, out = run("verify")
    assert status == 0 and "The diary is intact" in out
    assert "Note: 1 entry is dated earlier than the entry before it." in out
    assert f"Audit entry 3 (Week commencing {format_day(THIS_WEEK - timedelta(weeks=2))})" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["log-week", "--week", str(THIS_WEEK), "--capacity", "125"],
        ["delete-week", "--week", str(LAST_WEEK)],
        ["profile", "set", "--name", "Ffion"],
        ["supervision", "add", "--date", str(LAST_WEEK), "--status", "held"],
        ["supervision", "delete", "1"],
        [
            "concern",
            "add",
            "--date",
            str(LAST_WEEK),
            "--raised-with",
            "SPO",
            "--channel",
            "email",
            "--summary",
            "Too many cases",
        ],
        ["concern", "answer", "1", "--date", str(THIS_WEEK), "--response", "Noted"],
        ["concern", "delete", "1"],
        ["export", "--from", str(LAST_WEEK), "--to", str(LAST_WEEK), "--out", "{out}"],
        ["notice", "--out", "{out}"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_a_clock_reading_before_the_last_entry_saves_nothing_until_said_to(
    argv: list[str], diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command that saves asks for --clock-is-right rather than date an entry back."""
    fast = datetime.now(UTC) + timedelta(days=7)  # the last entry made with the clock a week fast
    with Diary.open(diary_path, lambda: fast) as diary:
        diary.weeks.save(Week(LAST_WEEK, 120.0))
        diary.supervision.save(SupervisionSession(LAST_WEEK, SupervisionStatus.HELD))
        diary.concerns.save(Concern(LAST_WEEK, "SPO", ConcernChannel.EMAIL, "Too many cases"))
    entries = audit_count(diary_path)
    out = tmp_path / "out" / "written.pdf"
    argv = [arg.format(out=out) for arg in argv]
    assert run(*argv)[0] == 2
    told = capsys.readouterr().err
    assert "Your computer's clock says it is" in told and "--clock-is-right" in told
    assert audit_count(diary_path) == entries and not out.exists()
    assert run(*argv, "--clock-is-right")[0] == 0
    assert audit_count(diary_path) == entries + 1
    status, verified = run("verify")
    assert status == 0 and "Note: 1 entry is dated earlier than the entry before it." in verified


@pytest.mark.parametrize(
    "command",
    [
        ["verify"],
        ["show"],
        ["history", "--week", str(LAST_WEEK)],
        ["supervision", "list"],
        ["log-week", "--week", str(LAST_WEEK), "--capacity", "120"],
    ],
)
def test_a_damaged_diary_is_a_problem_found_exit_1_whichever_command_finds_it(
    command: list[str], diary_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A script reads 1 as "the diary is not what it should be": so it is, whether `verify` or
    another command found it out, and nothing typed was wrong."""
    diary_path.parent.mkdir(parents=True)
    diary_path.write_bytes(b"not a diary at all" * 10)
    assert run(*command)[0] == cli.EXIT_CHECK_FAILED == 1
    said = capsys.readouterr().err
    assert f"The file {diary_path} is not a diary Work Diary can read" in said
    assert diary_path.read_bytes() == b"not a diary at all" * 10


@pytest.mark.crash_report_expected
def test_a_fault_in_work_diary_exits_3_with_a_crash_report_not_1(
    private_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rep's script reads exit status 1 from `verify` as "the diary was altered": a bug while
    checking must not say that."""
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "132.5")

    def broken_check(*_args: object) -> int:
        raise KeyError("chain_head")

    monkeypatch.setattr(cli, "_verify", broken_check)
    assert run("verify")[0] == 3
    said = capsys.readouterr().err
    assert "Work Diary hit a fault of its own: KeyError: 'chain_head'" in said
    assert "It is not something you did" in said and "Traceback" not in said
    [report] = (private_data_dir / "crash-reports").iterdir()
    assert str(report) in said
    text = report.read_text(encoding="utf-8")
    assert "Running: workdiary verify" in text and 'raise KeyError("chain_head")' in text


def test_the_data_dir_option_wins_and_works_after_the_command(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "101", "--data-dir", str(elsewhere))
    assert (elsewhere / "diary.db").exists()
    _, shown = run("--data-dir", str(elsewhere), "show")
    assert "101 %" in shown


def test_show_can_be_limited_to_a_period() -> None:
    for weeks_ago in (1, 2, 3, 4):
        monday = THIS_WEEK - timedelta(weeks=weeks_ago)
        run("log-week", "--week", str(monday), "--capacity", str(100 + weeks_ago))
    first, last = THIS_WEEK - timedelta(weeks=3), THIS_WEEK - timedelta(weeks=2)
    _, as_json = run("show", "--json", "--from", str(first), "--to", str(last + timedelta(days=3)))
    shown = json.loads(as_json)
    assert [week["capacity_pct"] for week in shown["weeks"]] == [103.0, 102.0]
    assert shown["summary"]["weeks_in_period"] == 2


def test_show_of_one_week_names_the_week_it_commences() -> None:
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120")
    _, shown = run("show", "--from", str(LAST_WEEK), "--to", str(LAST_WEEK + timedelta(days=4)))
    assert f"1 week, commencing {format_day(LAST_WEEK)}: 1 logged, 0 not logged." in shown


def test_show_from_before_the_first_week_recorded_counts_no_week_before_it() -> None:
    first_recorded = THIS_WEEK - timedelta(weeks=3)
    run("log-week", "--week", str(first_recorded), "--capacity", "120")
    run("log-week", "--week", str(THIS_WEEK - timedelta(weeks=1)), "--capacity", "120")
    _, shown = run("show", "--from", str(THIS_WEEK - timedelta(weeks=20)))
    assert shown.count("not logged") == 1 + 1  # the one week between, and the summary sentence
    assert (
        "The first week recorded in this diary is the week commencing "
        f"{format_day(first_recorded)}: 17 weeks before it are not counted." in shown
    )
    assert f"3 weeks, {format_day(first_recorded)} to " in shown
    _, as_json = run("show", "--json", "--from", str(THIS_WEEK - timedelta(weeks=20)))
    shown_json = json.loads(as_json)
    assert shown_json["first_week_recorded"] == first_recorded.isoformat()
    assert shown_json["weeks"][0]["week_commencing"] == first_recorded.isoformat()
    _, before = run("show", "--to", str(first_recorded - timedelta(weeks=1)))
    assert "Nothing is recorded in that period" in before

    # A deleted first week is part of the record: the diary was kept by then.
    run("delete-week", "--week", str(first_recorded))
    _, after_deleting = run("show", "--from", str(THIS_WEEK - timedelta(weeks=20)))
    assert f"{format_day(first_recorded)}          —" in after_deleting
    assert "week commencing " + format_day(first_recorded) + ": 17 weeks" in after_deleting
    # Its row says it was deleted, not only that nothing is logged, as History does.
    [row] = [
        line for line in after_deleting.splitlines() if line.startswith(format_day(first_recorded))
    ]
    assert row.endswith("not logged, entry deleted")
    _, json_after = run("show", "--json", "--from", str(THIS_WEEK - timedelta(weeks=20)))
    [deleted] = [week for week in json.loads(json_after)["weeks"] if week["flags"]["entry_deleted"]]
    assert deleted["week_commencing"] == first_recorded.isoformat() and deleted["deleted_at"]


def test_text_in_bytes_the_computer_cannot_read_is_refused_in_words_and_nothing_saved(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A terminal set to another character set passes bytes Python keeps as stand-ins no file
    can hold: saving them failed half-way, as a fault of Work Diary's own."""
    status, _ = run(
        "log-week", "--week", str(LAST_WEEK), "--capacity", "120", "--notes", "caf\udce9"
    )
    assert status == 2
    error = capsys.readouterr().err
    assert "text given for --notes cannot be read as text" in error and "Nothing was saved" in error
    assert run("show")[1].startswith("No weeks to show yet")


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--from", str(LAST_WEEK), "--to", str(LAST_WEEK)],
        ["notice", "--health", "Tired", "--ask", "A review"],
    ],
)
def test_a_file_name_in_bytes_the_computer_cannot_read_is_refused_before_anything_is_written(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The name of a pack or letter is kept in the diary, as text: refused at once, not found
    out once the file is written (a fault, and a letter left on disk that the diary never
    logged)."""
    run("log-week", "--week", str(LAST_WEEK), "--capacity", "120")
    status, _ = run(*command, "--out", str(tmp_path / "pack\udcff.pdf"))
    assert status == 2
    assert "text given for --out cannot be read as text" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_a_mistake_in_a_command_that_only_reads_does_not_talk_of_saving(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("show", "--from", "someday")[0] == 2
    error = capsys.readouterr().err
    assert "not a date" in error and "saved" not in error


def _every_command(
    parser: argparse.ArgumentParser, words: tuple[str, ...] = ()
) -> list[tuple[str, ...]]:
    commands = [words]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                commands += _every_command(sub, (*words, name))
    return commands


@pytest.mark.parametrize("command", _every_command(cli.build_parser()), ids=" ".join)
def test_every_command_explains_itself(
    command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    assert "usage: workdiary" in capsys.readouterr().out


# Figures as people type them: nothing that could be misread is saved, and each message gives an
# example that fits the figure asked for.


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--run-weeks", "four"], "Excessive run (--run-weeks) must be a number, like 4;"),
        (["--hourly-rate", "lots"], "Hourly rate (--hourly-rate) must be a number, like 19.87;"),
        (["--threshold", "high"], "Capacity threshold (--threshold) must be a number, like 110;"),
        (["--supervision-weeks", "4.5"], "(--supervision-weeks) must be a whole number, like 4;"),
    ],
)
def test_profile_messages_give_an_example_that_fits_the_figure(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run("profile", "set", *argv)
    assert status == 2
    assert words in capsys.readouterr().err


def test_log_week_messages_give_an_example_that_fits_the_figure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = run("log-week", "--week", str(LAST_WEEK), "--capacity", "high", "--hours", "lots")
    assert status == 2
    error = capsys.readouterr().err
    assert "WMT capacity (--capacity) must be a number, like 132.5; you entered 'high'." in error
    assert "Hours worked (--hours) must be a number, like 44.5; you entered 'lots'." in error


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--capacity", "-inf"], "WMT capacity (--capacity) must be a number, like 132.5; you "
                                 "entered '-inf'."),
        (["--capacity", "-5"], "WMT capacity must be between 0 and 400 %; you entered -5."),
        (["--capacity", "-1e3"], "WMT capacity (--capacity) must be a number, like 132.5; you "
                                 "entered '-1e3'."),
        (["--capacity", "100", "--unpaid", "-3"], "Unpaid hours must be between 0 and 168 hours; "
                                                  "you entered -3."),
        (["--capacity", "100", "--hours", "-NaN"], "Hours worked (--hours) must be a number, like "
                                                   "44.5; you entered '-NaN'."),
        (["--capacity", "100", "--unpaid", "-1,5"], "Unpaid hours (--unpaid): use a full stop for "
                                                    "the decimal point"),
        (["--capacity", "-£5"], "WMT capacity (--capacity) must be a number, like 132.5; you "
                                "entered '-£5'."),
    ],
)  # fmt: skip
def test_a_figure_typed_with_a_minus_sign_gets_the_figures_own_message(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    """argparse reads `-inf` after --capacity as an option, and would say "expected one
    argument": the figure's own check says what is wrong with it, in the window's words."""
    error = refused_log_week(argv, capsys, diary_path)
    assert words in error and "expected one argument" not in error


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["profile", "set", "--hourly-rate", "-inf"], "Hourly rate (--hourly-rate) must be a "
                                                      "number, like 19.87; you entered '-inf'."),
        (["supervision", "add", "--date", str(LAST_WEEK), "--status", "held", "--minutes",
          "-1e2"], "(--minutes) must be a number, like 60; you entered '-1e2'."),
    ],
)  # fmt: skip
def test_every_command_lets_a_figure_with_a_minus_sign_reach_its_check(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(*argv)[0] == 2
    error = capsys.readouterr().err
    assert words in error and "Nothing was saved" in error


def test_a_stray_negative_number_is_said_to_be_stray_not_an_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["log-week", "--week", str(LAST_WEEK), "-5"])
    assert "workdiary log-week: error: it does not take '-5'" in capsys.readouterr().err


def refused_log_week(argv: list[str], capsys: pytest.CaptureFixture[str], diary_path: Path) -> str:
    """What log-week says to `argv` for last week, having saved nothing (one week is logged)."""
    run("log-week", "--week", str(LAST_WEEK - timedelta(weeks=1)), "--capacity", "120")
    capsys.readouterr()
    status, _ = run("log-week", "--week", str(LAST_WEEK), *argv)
    assert status == 2
    error = capsys.readouterr().err
    assert "Nothing was saved" in error and "Traceback" not in error
    assert audit_count(diary_path) == 1
    return error


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["--capacity", "132,5"],
            "WMT capacity (--capacity): use a full stop for the decimal point, like 132.5; "
            "you entered '132,5'.",
        ),
        (
            ["--capacity", "100", "--hours", "2,5"],
            "Hours worked (--hours): use a full stop for the decimal point, like 44.5; "
            "you entered '2,5'.",
        ),
        (
            ["--capacity", "100", "--contracted", "7,5"],
            "Contracted hours (--contracted): use a full stop for the decimal point, like 37.5; "
            "you entered '7,5'.",
        ),
        (["--capacity", "1,2,3"], "use a full stop for the decimal point, like 132.5"),
        (
            ["--capacity", "100", "--caseload", "4,6"],
            "Caseload (--caseload) must be a whole number, like 46; you entered '4,6'.",
        ),
    ],
)
def test_a_decimal_comma_is_refused_with_how_to_write_it(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    assert words in refused_log_week(argv, capsys, diary_path)


def test_a_figure_with_thousands_commas_is_read_and_quoted_back_with_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = run("log-week", "--week", str(LAST_WEEK), "--capacity", "1,325")
    assert status == 2
    assert "WMT capacity must be between 0 and 400 %; you entered 1,325." in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["log-week", "--week", str(LAST_WEEK), "--capacity", "5000"],
         "WMT capacity must be between 0 and 400 %; you entered 5000."),
        (["log-week", "--week", str(LAST_WEEK), "--capacity", " 132.50 %", "--hours", "200.0"],
         "Hours worked must be between 0 and 168 hours; you entered 200.0."),
        (["log-week", "--week", str(LAST_WEEK), "--capacity", "132.55"],
         "WMT capacity can have at most 1 decimal place (for example 132.5); you entered "
         "132.55."),
        (["profile", "set", "--threshold", "20.00"],
         "Capacity threshold must be between 50 and 400 %; you entered 20.00."),
        (["supervision", "add", "--date", str(LAST_WEEK), "--status", "held", "--length", "1000"],
         "The length must be between 0 and 600 minutes; you entered 1000."),
    ],
)  # fmt: skip
def test_a_figure_out_of_its_range_is_quoted_as_it_was_typed(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    """`--capacity 5000` is answered with 5000, not 5,000: what was typed, to find and fix."""
    assert run(*argv)[0] == 2
    error = capsys.readouterr().err
    assert words in error and "Nothing was saved" in error
    assert audit_count(diary_path) == 0


def test_contracted_hours_with_a_decimal_comma_leave_the_profile_as_it_was(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = run("profile", "set", "--contracted-hours", "37,5")
    assert status == 2
    assert (
        "Contracted hours (--contracted-hours): use a full stop for the decimal point, "
        "like 37.5; you entered '37,5'." in capsys.readouterr().err
    )
    _, shown = run("profile", "show")
    assert "375" not in shown


def test_a_supervision_length_with_a_comma_is_refused_not_read_as_a_bigger_number(
    capsys: pytest.CaptureFixture[str],
) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    status, _ = run(
        "supervision", "add", "--date", yesterday, "--status", "held", "--minutes", "1,5"
    )
    assert status == 2
    error = capsys.readouterr().err
    assert "The length (--minutes) must be a whole number, like 60; you entered '1,5'." in error
    _, listed = run("supervision", "list", "--json")
    assert json.loads(listed)["sessions"] == []


def test_the_hourly_rate_may_be_given_in_pounds_but_not_as_a_percentage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = run("profile", "set", "--hourly-rate", "£19.87", "--threshold", "120%")
    assert status == 0
    capsys.readouterr()
    status, _ = run("profile", "set", "--hourly-rate", "110%")
    assert status == 2
    error = capsys.readouterr().err
    assert (
        "Hourly rate (--hourly-rate) is not a percentage: write it without the %, like 19.87; "
        "you entered '110%'." in error
    )
    _, shown = run("profile", "show")
    assert "£19.87" in shown and "£110" not in shown and "120 %" in shown


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            ["--capacity", "100", "--hours", "40%"],
            "Hours worked (--hours) is not a percentage: write it without the %, like 44.5; "
            "you entered '40%'.",
        ),
        (
            ["--capacity", "£100"],
            "WMT capacity (--capacity) is not an amount of money: write it without the £, "
            "like 132.5; you entered '£100'.",
        ),
    ],
)
def test_a_week_figure_with_a_sign_that_is_not_its_own_is_refused(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    assert words in refused_log_week(argv, capsys, diary_path)


@pytest.mark.parametrize(
    ("capacity", "words"),
    [
        ("9" * 400, "WMT capacity (--capacity) is far too large a number: write it like 132.5;"),
        ("1e400", "WMT capacity (--capacity) must be a number, like 132.5; you entered '1e400'."),
    ],
)
def test_a_huge_capacity_is_refused_in_plain_words(
    capacity: str, words: str, capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    error = refused_log_week(["--capacity", capacity], capsys, diary_path)
    assert words in error and "inf" not in error


def test_a_week_before_2000_is_refused_and_leaves_no_weeks_not_logged(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = run("log-week", "--week", "0001-01-01", "--capacity", "100")
    assert status == 2
    error = capsys.readouterr().err
    assert "The week commencing Mon 01 Jan 1 is too early" in error
    assert "from the week commencing Mon 03 Jan 2000 on. Check the year." in error
    assert "Nothing was saved" in error
    status, shown = run("show")
    assert status == 0 and "not logged" not in shown


def test_a_wmt_figure_read_years_before_its_week_is_refused(
    capsys: pytest.CaptureFixture[str], diary_path: Path
) -> None:
    error = refused_log_week(["--capacity", "100", "--wmt-read", "1900-01-01"], capsys, diary_path)
    assert (
        "The WMT figure was read on Mon 01 Jan 1900, more than a year before the week "
        f"commencing {LAST_WEEK.strftime('%a %d %b %Y')}, so it cannot be that week's figure. "
        "Check the date you read it." in error
    )


# The folder, the disk and the file around the diary: each trouble in its own words, exit 4 (the
# diary cannot be used just now), and never "damaged" for a diary that is not (the user might
# restore an old backup over it).


def assert_still_shown_and_checked(capsys: pytest.CaptureFixture[str]) -> None:
    """The commands that only read work on a diary that cannot be saved to (one week logged, at
    132.5 %), with no word of why: nothing they do needs it."""
    status, shown = run("show")
    assert status == 0 and "132.5 %" in shown
    status, checked = run("verify")
    assert status == 0 and "The diary is intact: 1 audit entries" in checked
    status, history = run("history", "--week", str(LAST_WEEK))
    assert status == 0 and "WMT capacity: 132.5 %" in history
    assert capsys.readouterr().err == ""


def test_a_read_only_data_folder_still_shows_and_checks_the_diary_but_saves_nothing(
    private_data_dir: Path,
    diary_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.storage.conditions import make_read_only

    run("log-week", "--week", str(LAST_WEEK), "--capacity", "132.5")
    before = diary_path.read_bytes()
    make_read_only(private_data_dir, monkeypatch)
    capsys.readouterr()
    assert_still_shown_and_checked(capsys)
    status, _ = run("log-week", "--week", str(LAST_WEEK - timedelta(weeks=1)), "--capacity", "99")
    said = capsys.readouterr().err
    assert status == cli.EXIT_UNAVAILABLE == 4
    assert f"Work Diary cannot write to the folder {private_data_dir}" in said
    assert "read-only" in said and "Nothing was saved" in said and "your diary is safe" in said
    assert "damaged" not in said and "backup" not in said
    assert diary_path.read_bytes() == before


def test_a_full_disk_still_shows_and_checks_the_diary_and_saves_nothing(
    private_data_dir: Path,
    diary_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Someone whose disk is full still needs to see and check their record; every command that
    saves says the disk is full, and leaves nothing behind: no pack, no letter."""
    from tests.storage.conditions import make_disk_full

    run("log-week", "--week", str(LAST_WEEK), "--capacity", "132.5")
    before = diary_path.read_bytes()
    make_disk_full(private_data_dir, monkeypatch)
    capsys.readouterr()
    assert_still_shown_and_checked(capsys)
    elsewhere = tmp_path / "elsewhere"  # another disk, with room: the files could be written
    for command in (
        ["log-week", "--week", str(LAST_WEEK), "--capacity", "99"],
        ["export", "--from", str(LAST_WEEK), "--to", str(LAST_WEEK), "--out", f"{elsewhere}/p.pdf"],
        ["notice", "--out", f"{elsewhere}/notice.pdf"],
    ):
        assert run(*command)[0] == cli.EXIT_UNAVAILABLE
        said = capsys.readouterr().err
        assert f"There is no space left on the disk that holds {private_data_dir}" in said
        assert "your diary is safe" in said and "Free some space" in said
        assert "damaged" not in said and "backup" not in said
    assert diary_path.read_bytes() == before
    assert list(elsewhere.iterdir()) == []


def test_an_empty_diary_file_is_refused_and_never_written_over(
    diary_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diary_path.parent.mkdir(parents=True)
    diary_path.touch()
    status, out = run("verify")
    said = capsys.readouterr().err
    assert status == 1 and "intact" not in out
    assert f"Your diary file {diary_path} is empty" in said
    assert "Work Diary has not written to the file" in said
    assert run("log-week", "--week", str(LAST_WEEK), "--capacity", "132.5")[0] == 1
    assert diary_path.read_bytes() == b""


def test_a_data_folder_that_is_a_file_is_said_plainly_with_exit_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    # Checking, too: a file is not a folder with no diary in it yet, all well.
    commands = (["show"], ["verify"], ["log-week", "--week", str(LAST_WEEK), "--capacity", "132.5"])
    for command in commands:
        assert run(*command, "--data-dir", str(a_file))[0] == cli.EXIT_UNAVAILABLE
        said = capsys.readouterr().err
        assert f"Work Diary cannot make the folder {a_file} to keep your diary in: " in said
        assert f"{a_file} is a file, not a folder" in said and "--data-dir" in said
        assert "fault" not in said and "Traceback" not in said and "crash report" not in said
    assert a_file.read_text() == "mine"


def test_a_data_folder_that_cannot_be_made_is_said_plainly_with_exit_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if locked in self.parents:  # as a read-only folder refuses (root is refused nothing)
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", mkdir)
    status, _ = run(
        "log-week", "--week", str(LAST_WEEK), "--capacity", "132.5",
        "--data-dir", str(locked / "WorkDiary"),
    )  # fmt: skip
    said = capsys.readouterr().err
    assert status == cli.EXIT_UNAVAILABLE
    assert f"Work Diary cannot make the folder {locked / 'WorkDiary'}" in said
    assert f"you are not allowed to make folders in {locked}" in said
    assert "fault" not in said and "Traceback" not in said and "crash report" not in said


@pytest.mark.parametrize(
    "command", [["show"], ["verify"], ["log-week", "--week", str(LAST_WEEK), "--capacity", "120"]]
)
def test_a_diary_linked_to_a_missing_stick_is_said_to_be_missing_and_not_made(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """diary.db a link to a file on a memory stick that is not plugged in: not "no diary yet"
    (the user would think it lost), and no diary made afresh at the other end of the link."""
    data = tmp_path / "data"
    data.mkdir()
    stick = tmp_path / "stick" / "diary.db"
    (data / "diary.db").symlink_to(stick)
    status, _ = run(*command, "--data-dir", str(data))
    said = capsys.readouterr().err
    assert status == cli.EXIT_UNAVAILABLE, said
    assert f"is a link to {stick}, which is not there" in said and "may not be plugged in" in said
    assert "no diary" not in said
    assert not stick.parent.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["show"],
        ["show", "--json"],
        ["history", "--week", str(LAST_WEEK)],
        ["profile"],
        ["supervision", "list"],
        ["concern", "list"],
    ],
)
def test_a_command_that_only_reads_makes_no_diary_where_there_is_none(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped --data-dir must not quietly become a new, empty diary: the next command there
    would save into it, and the real diary would seem to have lost everything."""
    mistyped = tmp_path / "WorkDairy"
    status, printed = run(*command, "--data-dir", str(mistyped))
    assert status == 0 and printed  # what an empty diary shows: how to start one
    said = capsys.readouterr().err
    assert f"There is no diary in {mistyped} yet, and none was made there" in said
    assert "--data-dir" in said
    assert not mistyped.exists()
