"""The command line as separate processes, the way a user types it."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.processes import modules_loaded, workdiary
from tests.storage.conditions import make_disk_full
from workdiary import cli
from workdiary.domain.dates import week_commencing
from workdiary.storage import diary as diary_module

LAST_WEEK = week_commencing(date.today()) - timedelta(weeks=1)


def test_log_show_amend_history_and_verify(tmp_path: Path) -> None:
    data = tmp_path / "diary-data"
    week = LAST_WEEK.strftime("%d/%m/%Y")
    logged = workdiary(data, "log-week", "--week", week, "--capacity", "132.5", "--caseload", "46",
                       "--hours", "44.5", "--unpaid", "7.5")  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    shown = workdiary(data, "show")
    assert "132.5 %" in shown.stdout and date.today().strftime("%d %b %Y") in shown.stdout

    assert workdiary(data, "log-week", "--week", week, "--capacity", "128").returncode == 0
    history = workdiary(data, "history", "--week", week).stdout
    assert "132.5 % → 128 %" in history

    assert workdiary(data, "verify").returncode == 0
    with sqlite3.connect(data / "diary.db") as connection:
        connection.execute("UPDATE weeks SET capacity_pct = 90")
    tampered = workdiary(data, "verify")
    assert tampered.returncode == 1
    assert (
        LAST_WEEK.strftime("%d %b %Y") in tampered.stdout
        and "WMT capacity is 90 %" in tampered.stdout
    )
    # Logging the week again does not take the change into its history as the user's own.
    again = workdiary(data, "log-week", "--week", week, "--hours", "40")
    assert again.returncode == 1 and "Nothing was saved" in again.stderr
    assert workdiary(data, "verify").returncode == 1


def test_bad_input_exits_2_with_a_message_and_no_traceback(tmp_path: Path) -> None:
    result = workdiary(tmp_path, "log-week", "--week", "16/11/2026", "--capacity", "lots")
    assert result.returncode == 2
    assert "must be a number" in result.stderr and "Traceback" not in result.stderr


def test_the_command_line_loads_neither_qt_nor_reportlab(tmp_path: Path) -> None:
    code = (
        "import io; from workdiary.cli import main; "
        "main(['show'], io.StringIO()); main(['verify'], io.StringIO())"
    )
    assert modules_loaded(code, ("PySide6", "reportlab"), data_dir=tmp_path) == []


def test_demo_fills_ten_years_up_to_last_week_leaving_this_week_to_log(tmp_path: Path) -> None:
    data = tmp_path / "try"
    filled = workdiary(data, "demo")
    assert filled.returncode == 0, filled.stderr
    this_week = week_commencing(date.today())
    with sqlite3.connect(data / "diary.db") as connection:
        [latest] = connection.execute("SELECT max(week_commencing) FROM weeks").fetchone()
    # The sample ends with a week that has ended, as a diary kept each Friday does.
    assert (this_week - timedelta(weeks=4)).isoformat() <= latest < this_week.isoformat()


# The same three commands meet each condition: one that checks, one that shows, one that saves.
CHECK, SHOW, SAVE = (
    ["verify"],
    ["show"],
    ["log-week", "--week", str(LAST_WEEK), "--capacity", "121"],
)


def test_exit_status_1_is_a_problem_found_in_the_record_and_4_a_diary_not_usable_now(
    private_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script reads 1 as "the diary is not what it should be", whichever command found it,
    and 4 as "nothing is known about the record: try again once it is sorted out": a busy diary,
    a newer version's, a full disk for a save. Neither is 2, a mistake in what was typed."""
    diary_path = private_data_dir / "diary.db"
    assert cli.main(["log-week", "--week", str(LAST_WEEK), "--capacity", "120"]) == 0
    monkeypatch.setattr(diary_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(diary_path, isolation_level=None)  # another program, saving
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("SELECT count(*) FROM weeks").fetchone()
    try:
        for command in (CHECK, SHOW, SAVE):
            assert cli.main(command) == cli.EXIT_UNAVAILABLE == 4, command
            assert "is busy" in capsys.readouterr().err
    finally:
        holder.close()

    with pytest.MonkeyPatch.context() as disk:
        make_disk_full(private_data_dir, disk)
        assert cli.main(CHECK) == cli.main(SHOW) == 0  # a full disk stops saving, not reading
        assert cli.main(SAVE) == 4
    assert "no space left" in capsys.readouterr().err
    (private_data_dir / "diary.db-shm").unlink()

    with sqlite3.connect(diary_path) as connection:
        connection.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('workdiary', 'm999_from_the_future', '2030-01-01')"
        )
    connection.close()
    for command in (CHECK, SHOW, SAVE):
        assert cli.main(command) == 4, command
        assert "saved by a newer version of Work Diary" in capsys.readouterr().err

    diary_path.write_bytes(b"garbage, not a diary" * 100)
    for command in (CHECK, SHOW, SAVE):
        assert cli.main(command) == cli.EXIT_CHECK_FAILED == 1, command
        assert "is not a diary Work Diary can read" in capsys.readouterr().err
