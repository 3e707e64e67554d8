"""`workdiary export` and `workdiary verify PACK.pdf`, as a user or a rep would run them."""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.processes import workdiary
from workdiary.cli import main
from workdiary.domain.dates import format_day, week_commencing
from workdiary.evidence.pack_data import SEAL_KEY, read_pack
from workdiary.storage import Diary

THIS_WEEK = week_commencing(date.today())
NOTE = "Cyfarfod tîm — ŵ ŷ; caseload > 50 & reports < Friday"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    for back, capacity in enumerate((131.5, 125.0, 118.0, 112.0, 95.0)):
        week = str(THIS_WEEK - timedelta(weeks=back))
        figures = ["--capacity", str(capacity), "--hours", "45", "--unpaid", "6"]
        run("log-week", "--week", week, *figures, "--notes", f"{NOTE} {back}")
    path = tmp_path / "packs" / "pack.pdf"
    status, said = run("export", "--from", str(THIS_WEEK - timedelta(weeks=4)), "--to",
                       str(THIS_WEEK), "--out", str(path))  # fmt: skip
    assert status == 0, said
    return path


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_pack_shows_every_week_and_its_notes_and_is_recorded(pack: Path) -> None:
    text = text_of(pack)
    for capacity in ("131.5 %", "125 %", "118 %", "112 %", "95 %"):
        assert capacity in text
    assert NOTE in text
    status, said = run("verify", str(pack))
    assert status == 0 and "intact" in said and "matches this diary" in said
    assert "It is the very file this diary saved, on" in said


def test_an_amendment_after_export_is_reported_as_such(pack: Path) -> None:
    last_week = THIS_WEEK - timedelta(weeks=1)
    run("log-week", "--week", str(last_week), "--capacity", "140")
    status, said = run("verify", str(pack))
    assert status == 0
    assert "these records in it were changed in the diary" in said
    assert f"Week commencing {format_day(last_week)}: amended on " in said
    assert "(WMT capacity changed)" in said
    assert "nothing in it has changed" not in said and "more has been recorded" not in said
    assert "Nothing is wrong with the pack" in said and "make a new pack of the same weeks" in said


def test_an_untouched_pack_says_nothing_more_is_recorded_for_its_weeks(pack: Path) -> None:
    status, said = run("verify", str(pack))
    assert status == 0
    assert (
        "It matches this diary: nothing in it has changed since it was made, and nothing more "
        "has been recorded for its weeks." in said
    )
    assert "make a new pack" not in said


# A period with a week not logged in the middle, and weeks on either side of it.
FIRST, GAP, LAST = (THIS_WEEK - timedelta(weeks=back) for back in (8, 6, 4))


def test_records_added_for_the_packs_weeks_after_it_was_made_are_named(tmp_path: Path) -> None:
    for week in (FIRST, FIRST + timedelta(weeks=1), GAP + timedelta(weeks=1), LAST):
        run("log-week", "--week", str(week), "--capacity", "120")
    pack = tmp_path / "gap.pdf"
    assert run("export", "--from", str(FIRST), "--to", str(LAST), "--out", str(pack))[0] == 0
    # Recorded late: the week the pack shows as not logged, a session and a concern in its weeks…
    session_day, concern_day = GAP + timedelta(days=1), LAST + timedelta(days=6)  # a Sunday
    run("log-week", "--week", str(GAP), "--capacity", "131")
    run("supervision", "add", "--date", str(session_day), "--status", "cancelled-by-manager")
    run("concern", "add", "--date", str(concern_day), "--raised-with", "SPO",
        "--channel", "email", "--summary", "Too many cases")  # fmt: skip
    # …and a week and a session after them, which are no concern of the pack's.
    after = LAST + timedelta(weeks=1)
    run("log-week", "--week", str(after), "--capacity", "99")
    run("supervision", "add", "--date", str(after), "--status", "held")
    status, said = run("verify", str(pack))
    assert status == 0  # the pack is still intact, and still what the diary said then
    assert "It matches this diary: it shows what the diary held when it was made." in said
    assert (
        f"Since then, more has been recorded for its weeks (commencing {format_day(FIRST)} to "
        f"{format_day(LAST)}) that the pack does not show:" in said
    )
    named = [line for line in said.splitlines() if line.startswith("  - ")]
    assert [line.split(": first recorded on ")[0] for line in named] == [
        f"  - Week commencing {format_day(GAP)}",
        f"  - Supervision session 1, dated {format_day(session_day)}",
        f"  - Concern 1, dated {format_day(concern_day)}",
    ]
    assert all(line.endswith(", retrospectively") for line in named)
    assert format_day(after) not in said
    assert "nothing more has been recorded" not in said and "changed in the diary" not in said
    assert "Nothing is wrong with the pack" in said
    assert f"workdiary export --from {FIRST} --to {LAST} --out NEW-PACK.pdf" in said
    # And with a record in it amended too, both are said, one after the other.
    run("log-week", "--week", str(LAST), "--capacity", "125")
    status, said = run("verify", str(pack))
    assert status == 0
    changed = said.index("Since then, these records in it were changed in the diary")
    assert changed < said.index("And since then, more has been recorded for its weeks")


def test_a_record_dated_into_the_packs_weeks_after_it_was_made_is_named(
    diary_path: Path, tmp_path: Path
) -> None:
    # A session recorded with a date before the pack's weeks, then corrected into them.
    run("log-week", "--week", str(GAP), "--capacity", "120")
    run("supervision", "add", "--date", str(GAP - timedelta(days=3)), "--status", "held")
    pack = tmp_path / "pack.pdf"
    assert run("export", "--from", str(GAP), "--to", str(LAST), "--out", str(pack))[0] == 0
    assert "nothing more has been recorded for its weeks" in run("verify", str(pack))[1]
    with Diary.open(diary_path) as diary:
        [session] = diary.supervision.all()
        diary.supervision.save(replace(session.record, held_on=GAP), session.key)
    status, said = run("verify", str(pack))
    assert status == 0
    assert f"  - Supervision session 1, dated {format_day(GAP)}: first recorded on " in said
    assert "with a date outside these weeks; its date was amended on " in said


def test_a_profile_saved_after_the_pack_was_made_is_a_change(pack: Path) -> None:
    run("profile", "set", "--threshold", "120")
    status, said = run("verify", str(pack))
    assert status == 0
    assert "Your profile: saved for the first time on " in said
    assert "(the pack used the standard settings)" in said
    assert "more has been recorded" not in said  # the profile is no record of its weeks


def test_a_pack_with_no_records_from_another_diary_does_not_match(tmp_path: Path) -> None:
    # Nothing in the pack to compare entry by entry: where the other diary's history stood when
    # it was made tells them apart.
    other, week = tmp_path / "other", str(THIS_WEEK - timedelta(weeks=2))
    for name in ("first.pdf", "second.pdf"):
        out = str(tmp_path / name)
        assert run("export", "--data-dir", str(other), "--from", week, "--to", week,
                   "--out", out)[0] == 0  # fmt: skip
    run("log-week", "--week", week, "--capacity", "120")
    status, said = run("verify", str(tmp_path / "second.pdf"))
    assert status == 0  # nothing wrong was found: it is simply not this diary's to check
    assert ANOTHER_DIARY in said and ON_ITS_OWN in said and "It matches" not in said


# What `verify` says of a pack made from another diary: the whole of it.
ANOTHER_DIARY = (
    "It was made from a different diary than the one on this computer: none of the history in "
    "it is this diary's. So it can only be checked on its own, as above."
)
ON_ITS_OWN = (
    "That is all this check can show. Whoever changes a pack can seal it again, so only the "
    "diary it was made from, or the officer's own copy of the pack, can confirm it is genuine: "
    "ask the officer to check this file with their own Work Diary."
)


def seal_line(pack: Path) -> str:
    contents = read_pack(pack.read_bytes())
    assert contents is not None
    return (
        "This pack is intact as far as its seal can show: the file has not changed since it was "
        "sealed, and the data inside it gives the fingerprint printed on it, "
        f"{contents.fingerprint}."
    )


def test_a_pack_from_another_diary_is_said_to_be_so_in_plain_words(
    pack: Path, tmp_path: Path
) -> None:
    # A rep who keeps a diary of their own, with more entries than the pack's diary had: every
    # entry in the pack has one of the same number here to compare it with, and none is the same.
    rep = str(tmp_path / "rep")
    for back in range(8):
        week = str(THIS_WEEK - timedelta(weeks=back))
        run("log-week", "--data-dir", rep, "--week", week, "--capacity", "101")
    status, said = run("verify", "--data-dir", rep, str(pack))
    assert status == 0
    assert said.splitlines() == [seal_line(pack), ANOTHER_DIARY, ON_ITS_OWN]


def test_a_diary_that_holds_none_of_the_packs_history_cannot_say_whose_it_is(
    pack: Path, tmp_path: Path
) -> None:
    # A pack of the week logged last (audit entry 5), and a diary that stops at entry 3.
    oldest = str(THIS_WEEK - timedelta(weeks=4))
    late = tmp_path / "late.pdf"
    assert run("export", "--from", oldest, "--to", oldest, "--out", str(late))[0] == 0
    rep = tmp_path / "rep"
    for back in range(3):
        week = str(THIS_WEEK - timedelta(weeks=back))
        run("log-week", "--data-dir", str(rep), "--week", week, "--capacity", "101")
    status, said = run("verify", "--data-dir", str(rep), str(late))
    assert status == 0
    assert said.splitlines() == [
        seal_line(late),
        "The diary on this computer holds none of the history in it, which begins after this "
        "diary's last entry (number 3): it was made from a different diary, or from a later copy "
        "of this one. So it can only be checked on its own, as above.",
        ON_ITS_OWN,
    ]
    # And a diary with nothing in it yet.
    empty = tmp_path / "empty"
    empty.mkdir()
    Diary.open(empty / "diary.db").close()
    status, said = run("verify", "--data-dir", str(empty), str(late))
    assert status == 0
    assert said.splitlines() == [
        seal_line(late),
        "The diary on this computer has nothing in it yet to compare it with.",
        ON_ITS_OWN,
    ]


def copy_of_the_diary(diary_path: Path, tmp_path: Path) -> str:
    """A copy of the diary as it is now, in a folder of its own (as a backup would be)."""
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(diary_path, folder / "diary.db")
    return str(folder)


def test_a_copy_that_went_its_own_way_names_the_entries_it_does_not_share(
    diary_path: Path, tmp_path: Path
) -> None:
    week = str(THIS_WEEK - timedelta(weeks=1))
    run("log-week", "--week", week, "--capacity", "120")  # audit entry 1, in both
    copy = copy_of_the_diary(diary_path, tmp_path)
    for capacity in range(101, 126):  # entries 2 to 26, in this diary alone
        run("log-week", "--week", week, "--capacity", str(capacity))
    pack = tmp_path / "pack.pdf"
    assert run("export", "--from", week, "--to", week, "--out", str(pack))[0] == 0
    run("log-week", "--data-dir", copy, "--week", week, "--capacity", "99")  # the copy's entry 2
    status, said = run("verify", "--data-dir", copy, str(pack))
    assert status == 1
    lines = said.splitlines()
    assert lines[0] == seal_line(pack)
    assert lines[1].startswith(
        "But it does NOT match this diary. Both hold the same history as far as audit entry 1 "
        "(recorded on "
    )
    assert lines[1].endswith("), so the pack was made from this diary or from a copy of it.")
    assert lines[2:4] == [
        "After that they differ: the diary was copied and the copies went their own ways (one "
        "restored from a backup and added to, say), or one of them was changed.",
        "These audit entries in the pack are not this diary's:",
    ]
    named = [line for line in lines if line.startswith("  - ")]
    week_name = f"Week commencing {format_day(week_commencing(date.fromisoformat(week)))}"
    assert named[0].startswith(f"  - Audit entry 2 ({week_name}, recorded on ")
    assert named[0].endswith("): this diary's entry 2 is a different one")
    assert named[1].endswith("): this diary has no entry 3")
    # Twenty are named, and the rest counted.
    assert len(named) == 21 and named[-1] == "  - and 5 more."
    assert lines[-1] == (
        "When the pack was made, its diary's history had reached audit entry 26: this diary "
        "stops at entry 2."
    )
    assert "It matches" not in said


def test_an_earlier_copy_of_the_diary_is_told_apart_from_a_changed_one(
    diary_path: Path, tmp_path: Path
) -> None:
    week = str(THIS_WEEK - timedelta(weeks=1))
    run("log-week", "--week", week, "--capacity", "120")
    copy = copy_of_the_diary(diary_path, tmp_path)  # restored from a backup, say
    run("log-week", "--week", week, "--capacity", "125")
    pack = tmp_path / "pack.pdf"
    assert run("export", "--from", week, "--to", week, "--out", str(pack))[0] == 0
    status, said = run("verify", "--data-dir", copy, str(pack))
    assert status == 1
    assert (
        "But this diary stops at entry 1, and the pack's diary went on (it had reached entry 2 "
        "when the pack was made): this diary is an earlier copy (one restored from a backup, "
        "say), or entries were taken out of it." in said
    )
    assert said.splitlines()[-1].endswith("): this diary has no entry 2")


def test_a_pack_this_diary_has_no_record_of_making_does_not_match(
    diary_path: Path, tmp_path: Path
) -> None:
    # Made from a copy of the diary: the same history, but this diary never made it, so it
    # cannot vouch for what the pack says about that history.
    week = str(THIS_WEEK - timedelta(weeks=1))
    run("log-week", "--week", week, "--capacity", "120")
    copy = copy_of_the_diary(diary_path, tmp_path)
    pack = tmp_path / "pack.pdf"
    assert run("export", "--data-dir", copy, "--from", week, "--to", week,
               "--out", str(pack))[0] == 0  # fmt: skip
    status, said = run("verify", str(pack))
    assert status == 1
    assert said.splitlines()[1:] == [
        "But it does NOT match this diary:",
        "  - This diary's history is the one the pack was made from, but the diary has no "
        "record of making a pack with the data inside this one. Work Diary records every pack "
        "it makes, with its fingerprint, in the diary it was made from: so the data was changed "
        "after the pack was made (and the pack sealed again), or the pack was made from a copy "
        "of this diary, not from this one.",
    ]
    assert run("verify", "--data-dir", copy, str(pack))[0] == 0  # the copy made it


def test_one_changed_byte_in_the_embedded_data_makes_verify_fail(
    pack: Path, tmp_path: Path
) -> None:
    data = pack.read_bytes()
    at = data.index(b'"capacity_pct":131.5')
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(data[: at + 16] + b"2" + data[at + 17 :])
    status, said = run("verify", str(altered))
    assert status == 1 and "altered" in said


def test_without_notes_no_note_text_is_anywhere(pack: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared.pdf"
    assert run("export", "--from", str(THIS_WEEK - timedelta(weeks=4)), "--to", str(THIS_WEEK),
               "--out", str(shared), "--no-notes")[0] == 0  # fmt: skip
    assert "Cyfarfod" not in text_of(shared)
    assert b"Cyfarfod" not in shared.read_bytes()  # nor in the data embedded in it
    assert run("verify", str(shared))[0] == 0


def test_bad_requests_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run("export", "--from", "2026-05-01", "--to", "2026-01-01", "--out", "x.pdf")[0] == 2
    assert run("export", "--from", "2026-01-01", "--to", "2026-05-01", "--out", "x.doc")[0] == 2
    assert run("verify", str(tmp_path / "missing.pdf"))[0] == 2
    not_a_pack = tmp_path / "letter.pdf"
    not_a_pack.write_bytes(b"%PDF-1.4\nnot really")
    assert run("verify", str(not_a_pack))[0] == 1


def test_a_file_that_never_was_a_pack_is_the_wrong_file_given_not_a_pack_altered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit status 1 is for a pack found altered: a letter, a text file or another PDF given to
    verify by mistake is a mistake in what was typed (2), and said to be what it is."""
    from pypdf import PdfWriter

    run("log-week", "--week", str(THIS_WEEK), "--capacity", "120")
    text = tmp_path / "hostname"
    text.write_text("laptop\n")
    other = tmp_path / "minutes.pdf"
    blank = PdfWriter()
    blank.add_blank_page(595, 842)
    blank.add_metadata({"/Title": "Team meeting minutes"})
    blank.write(other)
    letter = tmp_path / "notice.pdf"
    assert run("notice", "--out", str(letter))[0] == 0
    capsys.readouterr()
    right_file = (
        "Check that you chose the right file: an evidence pack is a PDF that Work Diary wrote "
        "when a pack was exported.\n"
    )
    for given, words in [
        (text, "hostname is not a PDF, so it is not an evidence pack."),
        (other, "minutes.pdf is a PDF, but not a Work Diary evidence pack."),
        (letter, "notice.pdf is a letter made with Work Diary (“Foreseeability notice: workload "
                 "and risk to my health”), not an evidence pack: a letter holds no data to check "
                 "it by."),
    ]:  # fmt: skip
        assert run("verify", str(given)) == (2, "")
        assert capsys.readouterr().err == f"{words} {right_file}"


def test_a_pack_with_its_data_and_fingerprint_taken_out_is_still_a_pack_altered(
    pack: Path, tmp_path: Path
) -> None:
    """Its pages copied into a new PDF, as printing it to a PDF would: they still say it is a
    pack, so it is one that fails its check, not a file chosen by mistake."""
    from pypdf import PdfWriter

    pages_only = tmp_path / "pages only.pdf"
    copy = PdfWriter()
    for page in PdfReader(pack).pages:
        copy.add_page(page)
    copy.write(pages_only)
    assert read_pack(pages_only.read_bytes()) is None
    status, said = run("verify", str(pages_only))
    assert status == 1
    assert (
        said == "This is not a Work Diary evidence pack, or the data inside it has been removed.\n"
    )


def test_export_and_verify_as_processes(pack: Path, private_data_dir: Path) -> None:
    result = workdiary(private_data_dir, "verify", str(pack))
    assert result.returncode == 0 and "intact" in result.stdout


def test_a_pack_cut_short_gets_the_verdict_alone(
    pack: Path, private_data_dir: Path, tmp_path: Path
) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(pack.read_bytes()[:-200])
    result = workdiary(private_data_dir, "verify", str(cut))
    assert result.returncode == 1
    # The verdict, and none of the PDF reader's own jargon ("EOF marker not found").
    said = (result.stdout + result.stderr).strip()
    assert said.startswith("This is a Work Diary evidence pack, but it is damaged")
    assert "EOF" not in said


def change_behind_the_apps_back(diary_path: Path) -> None:
    with sqlite3.connect(diary_path) as connection:
        connection.execute("UPDATE weeks SET capacity_pct = 90 WHERE capacity_pct = 131.5")


def test_a_diary_changed_behind_the_apps_back_cannot_vouch_for_a_pack(
    pack: Path, diary_path: Path
) -> None:
    change_behind_the_apps_back(diary_path)
    status, said = run("verify", str(pack))
    assert status == 1
    assert "This pack is intact as far as its seal can show" in said  # the pack as it was made…
    assert "this diary cannot vouch for it" in said and "WMT capacity" in said  # …the diary not
    assert "It matches this diary" not in said


def test_what_the_diary_check_found_is_cut_short_with_how_many_more(
    diary_path: Path, tmp_path: Path
) -> None:
    for back in range(25):
        run("log-week", "--week", str(THIS_WEEK - timedelta(weeks=back)), "--capacity", "131.5")
    pack = tmp_path / "pack.pdf"
    assert run("export", "--from", str(THIS_WEEK - timedelta(weeks=24)), "--to",
               str(THIS_WEEK), "--out", str(pack))[0] == 0  # fmt: skip
    change_behind_the_apps_back(diary_path)
    status, said = run("verify", str(pack))
    assert status == 1
    named = [line for line in said.splitlines() if line.startswith("  - ")]
    assert len(named) == 21 and named[-1] == "  - and 5 more."


def test_another_diary_that_fails_its_own_check_says_so_too(pack: Path, tmp_path: Path) -> None:
    rep = tmp_path / "rep"
    for back in range(8):
        week = str(THIS_WEEK - timedelta(weeks=back))
        run("log-week", "--data-dir", str(rep), "--week", week, "--capacity", "131.5")
    change_behind_the_apps_back(rep / "diary.db")
    status, said = run("verify", "--data-dir", str(rep), str(pack))
    assert status == 1
    lines = said.splitlines()
    assert lines[1:4] == [
        ANOTHER_DIARY,
        ON_ITS_OWN,
        "But the diary on this computer fails its own check, so it cannot be relied on to say "
        "where the pack came from (`workdiary verify` says more):",
    ]
    assert "WMT capacity" in lines[4]


def test_no_pack_is_made_from_a_diary_changed_behind_the_apps_back(
    diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "131.5")
    change_behind_the_apps_back(diary_path)
    out = tmp_path / "pack.pdf"
    status, _ = run("export", "--from", str(THIS_WEEK), "--to", str(THIS_WEEK), "--out", str(out))
    assert status == 1
    said = capsys.readouterr().err
    assert "will not make an evidence pack from this diary" in said and "WMT capacity" in said
    assert not out.exists()
    with sqlite3.connect(diary_path) as connection:
        assert connection.execute("SELECT count(*) FROM exports").fetchone()[0] == 0


def resealed(made: bytes) -> bytes:
    """The pack with one letter changed outside its data (an edited page is the same to the
    seal), sealed again: the seal is a plain SHA-256 of the file, which whoever edits a pack can
    work out again."""

    def seal(value: bytes) -> bytes:
        return SEAL_KEY.encode() + b" (" + value + b")"

    value = made.split(SEAL_KEY.encode() + b" (")[1][:64]
    unsealed = made.replace(seal(value), seal(b"0" * 64))
    edited = unsealed.replace(b"Generated PDF document", b"Generated PDF Document", 1)
    assert edited != unsealed
    return edited.replace(seal(b"0" * 64), seal(hashlib.sha256(edited).hexdigest().encode()))


def test_a_pack_changed_and_sealed_again_is_not_the_file_the_diary_saved(
    pack: Path, tmp_path: Path
) -> None:
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(resealed(pack.read_bytes()))
    status, said = run("verify", str(forged))
    assert status == 1
    assert said.startswith(seal_line(forged))  # it fools the pack's own check…
    assert "but not this file" in said  # …but not the diary's record of the file it saved


def test_with_no_diary_the_verdict_claims_no_more_than_the_seal_can_show(
    pack: Path, tmp_path: Path
) -> None:
    # A pack changed and sealed again passes the only check there is without its diary: the
    # verdict says what that check covers, and who can confirm the rest.
    forged, nowhere = tmp_path / "forged.pdf", tmp_path / "nowhere"
    forged.write_bytes(resealed(pack.read_bytes()))
    for checked in (pack, forged):
        status, said = run("verify", "--data-dir", str(nowhere), str(checked))
        assert status == 0
        assert said.splitlines() == [
            seal_line(checked),
            "There is no diary on this computer to compare it with.",
            ON_ITS_OWN,
        ]
    assert not nowhere.exists()


def test_a_pack_is_never_written_over(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The first may already be in a rep's hands: a second export to the same name is refused.
    made = pack.read_bytes()
    status, _ = run("export", "--from", str(THIS_WEEK), "--to", str(THIS_WEEK), "--out", str(pack))
    assert status == 2
    assert f"There is already a file at {pack}" in capsys.readouterr().err
    assert pack.read_bytes() == made


def test_a_period_in_the_future_is_refused_in_words_that_fit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "120")
    later = THIS_WEEK + timedelta(weeks=60)
    status, _ = run("export", "--from", str(later), "--to", str(later + timedelta(weeks=52)),
                    "--out", str(tmp_path / "future.pdf"))  # fmt: skip
    assert status == 2
    said = capsys.readouterr().err
    assert "--from is after this week" in said and "before it starts" not in said


def test_a_pack_to_today_holds_what_was_recorded_today_though_the_week_is_not_logged(
    diary_path: Path, tmp_path: Path
) -> None:
    """The usual moment to make one: the morning a concern was raised and supervision
    cancelled. The pack, the message and the record all run to this week."""
    last_week = THIS_WEEK - timedelta(weeks=1)
    run("log-week", "--week", str(last_week), "--capacity", "120")
    today = str(date.today())
    run("concern", "add", "--date", today, "--raised-with", "SPO (JM)", "--channel", "email",
        "--summary", "Emailed about 125 %")  # fmt: skip
    run("supervision", "add", "--date", today, "--status", "cancelled-by-manager")
    out = tmp_path / "pack.pdf"
    status, said = run("export", "--from", str(last_week), "--to", today, "--out", str(out))
    assert status == 0
    assert f"to {format_day(THIS_WEEK)} (" in said
    with sqlite3.connect(diary_path) as connection:
        [period_to] = connection.execute("SELECT period_to FROM exports").fetchone()
    assert period_to == THIS_WEEK.isoformat()
    text = text_of(out)
    assert "Raised in the period 1 " in text and "Cancelled by manager 1 " in text
    assert "Emailed about 125 %" in text
    assert "Weeks not logged 0 " in text
    assert "still to come" not in said  # nothing was moved


def test_a_to_date_still_to_come_is_said_to_be_moved_back(tmp_path: Path) -> None:
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "120")
    later = THIS_WEEK + timedelta(weeks=3)
    status, said = run("export", "--from", str(THIS_WEEK), "--to", str(later + timedelta(days=2)),
                       "--out", str(tmp_path / "pack.pdf"))  # fmt: skip
    assert status == 0
    assert (
        f"--to is in the week commencing {format_day(later)}, still to come: the pack runs to "
        "today" in said
    )
    assert f"for the week commencing {format_day(THIS_WEEK)} (" in said


def test_without_dates_the_pack_is_of_the_whole_diary_from_its_first_day_recorded(
    tmp_path: Path,
) -> None:
    """`workdiary export --out ~/Documents`: everything, as the window's "The whole diary" is,
    from the week of a concern raised before the first week was logged."""
    first_week = THIS_WEEK - timedelta(weeks=6)
    run("log-week", "--week", str(first_week), "--capacity", "121")
    raised = first_week - timedelta(weeks=2, days=-2)
    run("concern", "add", "--date", str(raised), "--raised-with", "SPO (G.W.)", "--channel",
        "email", "--summary", "Caseload > 50 & rising")  # fmt: skip
    status, said = run("export", "--out", str(tmp_path))
    began = week_commencing(raised)
    assert status == 0, said
    assert said.startswith(
        f"Wrote the evidence pack for the weeks commencing {format_day(began)} to "
        f"{format_day(THIS_WEEK)} ("
    )
    [pack] = tmp_path.glob("*.pdf")
    assert pack.name.endswith(f"-{began}-to-{date.today()}.pdf")
    assert "Caseload > 50 & rising" in text_of(pack)


def test_a_pack_of_the_sample_diary_is_said_to_be_a_demonstration(tmp_path: Path) -> None:
    assert run("demo")[0] == 0
    status, said = run("export", "--from", str(THIS_WEEK - timedelta(weeks=3)), "--out",
                       str(tmp_path))  # fmt: skip
    assert status == 0
    assert said.rstrip().endswith(
        "This is a DEMONSTRATION pack: it was made from Work Diary's sample diary, and every "
        "name, figure and date in it is made up. It is not a record of anyone's work, and it is "
        "not evidence."
    )
    [pack] = tmp_path.glob("*.pdf")
    assert pack.name.startswith("WorkDiary-DEMO-")


def test_a_pack_of_one_week_is_said_to_be_of_that_week(tmp_path: Path) -> None:
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "121")
    status, said = run("export", "--from", str(THIS_WEEK), "--out", str(tmp_path))
    assert status == 0
    assert said.startswith(
        f"Wrote the evidence pack for the week commencing {format_day(THIS_WEEK)} ("
    )


def test_a_to_date_before_anything_recorded_asks_for_a_from_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "121")
    before = THIS_WEEK - timedelta(weeks=10)
    packs = tmp_path / "packs"
    packs.mkdir()
    status, _ = run("export", "--to", str(before), "--out", str(packs))
    assert status == 2 and list(packs.iterdir()) == []
    assert (
        f"--to is before the first week the diary records (commencing {format_day(THIS_WEEK)}): "
        "give --from as well, or a later --to." in capsys.readouterr().err
    )


def test_a_folder_given_as_out_gets_the_pack_under_the_name_the_window_offers(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out ~/Documents` or `--out .`: the pack goes in that folder, under its usual name,
    numbered after one already there, never over it; the name is said with the rest."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.chdir(documents)
    period = ["--from", str(THIS_WEEK - timedelta(weeks=4)), "--to", str(THIS_WEEK)]
    run("profile", "set", "--name", "Rhiannon Llŷr")
    status, said = run("export", *period, "--out", str(documents))
    # To today, as the cover says: this week has not ended.
    name = f"WorkDiary-Rhiannon-Llŷr-{THIS_WEEK - timedelta(weeks=4)}-to-{date.today()}.pdf"
    assert status == 0 and f"\n  {documents / name}\n" in said
    first = (documents / name).read_bytes()
    status, said = run("export", *period, "--out", ".")
    numbered = name.replace(".pdf", "-2.pdf")
    assert status == 0 and f"\n  {numbered}\n" in said
    assert {path.name for path in documents.iterdir()} == {name, numbered}
    assert (documents / name).read_bytes() == first
    assert run("verify", numbered)[0] == 0


@pytest.mark.parametrize(
    ("out", "words"),
    [
        ("pack", "The file to write must end in .pdf (or give a folder to write it in)."),
        ("no such folder/", "There is no folder {tmp}/no such folder: give a folder that is "
                            "there, or the file to write, ending in .pdf."),
    ],
)  # fmt: skip
def test_an_out_that_is_neither_a_pdf_nor_a_folder_says_what_to_give(
    out: str,
    words: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "120")
    status, _ = run("export", "--from", str(THIS_WEEK), "--to", str(THIS_WEEK), "--out", out)
    assert status == 2
    assert words.format(tmp=tmp_path) in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_a_diary_that_cannot_be_saved_to_says_a_pack_is_recorded_in_it_and_writes_none(
    tmp_path: Path,
    private_data_dir: Path,
    diary_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pack was to go to a folder that can be written to: the message says why the diary's
    own folder matters, and says so before the pack is made (which takes a while)."""
    from tests.storage.conditions import make_read_only
    from workdiary.evidence import pack as pack_module

    run("log-week", "--week", str(THIS_WEEK), "--capacity", "120")
    before = diary_path.read_bytes()
    make_read_only(private_data_dir, monkeypatch)

    def not_to_be_made(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the pack was made, to be thrown away")

    monkeypatch.setattr(pack_module, "build_pack", not_to_be_made)
    capsys.readouterr()
    packs = tmp_path / "packs"
    status, said = run("export", "--from", str(THIS_WEEK), "--to", str(THIS_WEEK),
                       "--out", str(packs / "pack.pdf"))  # fmt: skip
    assert (status, said) == (4, "")
    error = capsys.readouterr().err
    assert error.startswith(
        "No evidence pack was written. Making a pack is recorded in your diary, so that your "
        "diary can tell later whether a pack is one it made (workdiary verify PACK.pdf), and "
        "that cannot be recorded now:\n"
        f"Work Diary cannot write to the folder {private_data_dir}, which holds your diary: the "
        "folder is read-only."
    )
    assert not packs.exists() or list(packs.iterdir()) == []
    assert diary_path.read_bytes() == before
