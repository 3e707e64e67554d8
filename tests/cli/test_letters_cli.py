"""`workdiary notice`: the letters written from the diary, and the record kept of sending them."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from workdiary import correspondence
from workdiary.cli import main
from workdiary.domain.dates import format_day, week_commencing
from workdiary.evidence.letters import DEMONSTRATION_LETTER, one_calendar_month_after

TODAY = date.today()
THIS_WEEK = week_commencing(TODAY)
TOMORROW = TODAY + timedelta(days=1)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def concerns() -> list[dict[str, object]]:
    return list(json.loads(run("concern", "list", "--json")[1])["concerns"])


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_notice_carries_the_diarys_figures_and_is_logged_with_its_hash(tmp_path: Path) -> None:
    for back, capacity in enumerate((131.5, 125.0, 118.0, 112.0, 95.0)):
        run("log-week", "--week", str(THIS_WEEK - timedelta(weeks=back)), "--capacity",
            str(capacity), "--hours", "45", "--unpaid", "6")  # fmt: skip
    out_file = tmp_path / "letters" / "notice.pdf"
    status, said = run("notice", "--out", str(out_file), "--health", "Cwsg gwael — ŵ ŷ < & >",
                       "--ask", "A workload review")  # fmt: skip
    assert status == 0, said
    text = pdf_text(out_file)
    assert "131.5 %" in text and "4 consecutive weeks" in text
    assert "24 unpaid hours in the last 4 weeks" in text and "30 unpaid hours" in text
    assert "Cwsg gwael — ŵ ŷ < & >" in text
    assert out_file.with_suffix(".txt").read_text(encoding="utf-8").count("131.5 %") == 1
    sha = hashlib.sha256(out_file.read_bytes()).hexdigest()
    [logged] = concerns()
    assert logged["channel"] == "foreseeability-notice" and sha in str(logged["summary"])
    assert logged["follow_up_on"] == str(date.today() + timedelta(weeks=2))
    assert run("verify")[0] == 0


def test_an_access_request_is_logged_with_its_answer_due_a_month_on(tmp_path: Path) -> None:
    out_file = tmp_path / "sar.pdf"
    status, _ = run("notice", "--kind", "access-request", "--out", str(out_file),
                    "--from", "01/01/2025", "--to", "31/10/2026")  # fmt: skip
    assert status == 0
    text = pdf_text(out_file)
    assert "Wed 01 Jan 2025 to Sat 31 Oct 2026" in text
    [logged] = concerns()
    assert logged["channel"] == "subject-access-request"
    assert logged["follow_up_on"] == str(one_calendar_month_after(date.today()))

    # Waiting for its answer, it is not a concern about workload that a notice lists as raised.
    yesterday = date.today() - timedelta(days=1)
    run("concern", "add", "--date", str(yesterday), "--raised-with", "SPO",
        "--channel", "email", "--summary", "Caseload at 131 %")  # fmt: skip
    assert run("notice", "--out", str(tmp_path / "notice.pdf"))[0] == 0
    notice = (tmp_path / "notice.txt").read_text(encoding="utf-8")
    assert "have not had an answer to this concern:" in notice
    assert f"- {format_day(yesterday)}, with SPO, by email\n" in notice
    assert "access request" not in notice


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--out", "letter.doc"], "must end in .pdf"),
        (["--out", "x.pdf", "--health", "Visit for X123456"], "case reference"),
        (
            [
                "--out",
                "x.pdf",
                "--kind",
                "access-request",
                "--from",
                "2026-05-01",
                "--to",
                "2026-01-01",
            ],
            "before it starts",
        ),
        # Options the letter has no place for are refused, not left out without a word.
        (
            ["--out", "x.pdf", "--kind", "access-request", "--health", "I cannot sleep"],
            "--health goes with a foreseeability notice, not with a subject access request "
            "(--kind access-request): leave it out.",
        ),
        (
            ["--out", "x.pdf", "--kind", "access-request", "--copy-to", "HR", "--ask", "A review"],
            "--copy-to and --ask go with a foreseeability notice, not with a subject access "
            "request (--kind access-request): leave them out.",
        ),
        (
            ["--out", "x.pdf", "--kind", "access-request", "--health", ""],
            "--health goes with a foreseeability notice",
        ),
        (
            ["--out", "x.pdf", "--from", "01/01/2025"],
            "--from goes with a subject access request (--kind access-request), not with a "
            "foreseeability notice: leave it out.",
        ),
        (
            ["--out", "x.pdf", "--from", "01/01/2025", "--to", "31/10/2026"],
            "--from and --to go with a subject access request",
        ),
        # An access request asks for records kept up to today, not for days still to come.
        (
            ["--out", "x.pdf", "--kind", "access-request", "--to", str(TOMORROW)],
            f"The period ends on {format_day(TOMORROW)}, after today ({format_day(TODAY)}): an "
            "access request can only ask for records up to today.",
        ),
        (
            ["--out", "x.pdf", "--kind", "access-request", "--to", "31/12/2027"],
            f"The period ends on Fri 31 Dec 2027, after today ({format_day(TODAY)})",
        ),
        (
            ["--out", "x.pdf", "--kind", "access-request", "--from", str(TOMORROW)],
            f"The period starts on {format_day(TOMORROW)}, after today",
        ),
    ],
)
def test_a_bad_request_writes_nothing_and_logs_nothing(
    argv: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    letters = tmp_path / "letters"
    letters.mkdir()
    monkeypatch.chdir(letters)
    assert run("notice", *argv)[0] == 2
    said = capsys.readouterr().err
    assert words in said and "Nothing was saved." in said
    assert list(letters.iterdir()) == [] and concerns() == []


# A letter is never written over a file already there.


@pytest.mark.parametrize("kind", ["foreseeability", "access-request"])
def test_a_second_letter_to_the_same_file_is_refused_and_the_first_is_kept(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, text = tmp_path / "letter.pdf", tmp_path / "letter.txt"
    assert run("notice", "--kind", kind, "--out", str(pdf))[0] == 0
    first_pdf, first_text = pdf.read_bytes(), text.read_bytes()
    [first] = concerns()
    capsys.readouterr()
    assert run("notice", "--kind", kind, "--out", str(pdf))[0] == 2
    said = capsys.readouterr().err
    assert (
        f"There are already files at {pdf} and {text}, where the letter would be saved (as PDF, "
        "and as text beside it). Work Diary does not write over them: they may be a letter you "
        "have already sent. Give another file name with --out.\nNothing was saved." in said
    )
    assert pdf.read_bytes() == first_pdf and text.read_bytes() == first_text
    # The concern still quotes the fingerprint of a file that is there.
    assert concerns() == [first]
    assert hashlib.sha256(first_pdf).hexdigest() in str(first["summary"])


def test_a_file_of_the_officers_beside_the_pdf_is_not_written_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    important = letters / "important.txt"
    important.write_text("important", encoding="utf-8")
    assert run("notice", "--out", str(letters / "important.pdf"), "--health", "Tired")[0] == 2
    assert (
        f"There is already a file at {important}, where the letter would also be saved as "
        "text, beside the PDF. Work Diary does not write over it: it may be a file you need. "
        "Give another file name with --out." in capsys.readouterr().err
    )
    assert important.read_text(encoding="utf-8") == "important"
    assert list(letters.iterdir()) == [important] and concerns() == []


def test_a_pdf_already_there_is_named_alone_when_the_text_beside_it_is_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = tmp_path / "notice.pdf"
    sent.write_bytes(b"%PDF-1.4 a letter already sent")
    assert run("notice", "--out", str(sent))[0] == 2
    assert (
        f"There is already a file at {sent}. Work Diary does not write over it: it may be a "
        "letter you have already sent. Give another file name with --out."
        in capsys.readouterr().err
    )
    assert sent.read_bytes() == b"%PDF-1.4 a letter already sent"
    assert not (tmp_path / "notice.txt").exists() and concerns() == []


def test_a_file_made_after_the_check_is_not_written_over_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another program saves a file with the text's name while the letter is being made.
    pdf, text = tmp_path / "letters" / "notice.pdf", tmp_path / "letters" / "notice.txt"
    pdf.parent.mkdir()
    make_pdf = correspondence.foreseeability_notice_pdf

    def made_meanwhile(request: correspondence.NoticeRequest) -> bytes:
        text.write_text("saved by another program", encoding="utf-8")
        return make_pdf(request)

    monkeypatch.setattr(correspondence, "foreseeability_notice_pdf", made_meanwhile)
    assert run("notice", "--out", str(pdf))[0] == 2
    assert f"There is already a file at {text}, where the letter" in capsys.readouterr().err
    assert text.read_text(encoding="utf-8") == "saved by another program"
    # Nothing of the letter is left behind, and nothing is logged.
    assert list(text.parent.iterdir()) == [text] and concerns() == []


def test_a_folder_given_as_out_gets_the_letter_under_the_name_the_window_offers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--out .`: the letter and its text go in that folder, under today's letter's name, and a
    second one that day is numbered, never written over the first."""
    monkeypatch.chdir(tmp_path)
    status, said = run("notice", "--out", ".")
    name = f"Foreseeability-notice-{TODAY}"
    assert status == 0 and f"\n  {name}.pdf  (SHA-256 " in said and f"\n  {name}.txt  " in said
    first = (tmp_path / f"{name}.pdf").read_bytes()
    status, said = run("notice", "--kind", "access-request", "--out", str(tmp_path))
    assert status == 0 and f"{tmp_path / f'Subject-access-request-{TODAY}.pdf'}" in said
    assert run("notice", "--out", str(tmp_path))[0] == 0
    assert (tmp_path / f"{name}-2.pdf").exists() and (tmp_path / f"{name}-2.txt").exists()
    assert (tmp_path / f"{name}.pdf").read_bytes() == first
    assert len(concerns()) == 3


def test_a_letter_the_diary_cannot_log_is_not_left_behind(
    tmp_path: Path,
    private_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A diary in a read-only folder is read, and the letter written elsewhere: logging it then
    fails, and a letter the diary does not know of must not be there to be sent."""
    from tests.storage.conditions import make_read_only

    run("log-week", "--week", str(THIS_WEEK), "--capacity", "120")
    make_read_only(private_data_dir, monkeypatch)
    letters = tmp_path / "letters"
    assert run("notice", "--out", str(letters / "notice.pdf"))[0] == 4
    said = capsys.readouterr().err
    assert said.startswith("No letter was written. Each letter is logged in your diary")
    assert "read-only" in said and "Nothing was saved" in said
    assert list(letters.iterdir()) == []


# A diary begun only lately, and no profile set up yet


SIGNATURE_LINES = f"Yours sincerely,\n\nSigned: {'_' * 32}\nName: {'_' * 33}\n"


def test_a_notice_from_one_week_with_no_profile_says_so_and_leaves_lines_to_sign(
    tmp_path: Path,
) -> None:
    run("log-week", "--week", str(THIS_WEEK), "--capacity", "132.5", "--unpaid", "6")
    status, said = run("notice", "--out", str(tmp_path / "notice.pdf"))
    assert status == 0, said
    letter = (tmp_path / "notice.txt").read_text(encoding="utf-8")
    assert "so far it holds one week." in letter
    assert f"I worked 6 unpaid hours in the week commencing {format_day(THIS_WEEK)}." in letter
    assert "last 4 weeks" not in letter and "last 12 weeks" not in letter
    assert letter.endswith(SIGNATURE_LINES)
    assert "Signed: ____" in pdf_text(tmp_path / "notice.pdf")
    assert (
        "No name was given for the letter, so it ends with lines to sign and print your name on. "
        "To have your name printed instead, give --name, or set it once in your profile: "
        "workdiary profile set --name TEXT" in said
    )


@pytest.mark.parametrize("kind", ["foreseeability", "access-request"])
def test_name_signs_the_letter_and_the_profile_is_left_as_it_was(kind: str, tmp_path: Path) -> None:
    run("profile", "set", "--role", "Probation Officer")
    status, said = run("notice", "--kind", kind, "--out", str(tmp_path / "letter.pdf"),
                       "--name", "  Ffion Llŷr ")  # fmt: skip
    assert status == 0, said
    letter = (tmp_path / "letter.txt").read_text(encoding="utf-8")
    assert letter.endswith("Yours sincerely,\n\nFfion Llŷr\nProbation Officer\n")
    assert "Ffion Llŷr" in pdf_text(tmp_path / "letter.pdf")
    assert "No name was given" not in said
    assert "Name:" in run("profile", "show")[1] and "Ffion" not in run("profile", "show")[1]


def test_a_name_in_the_profile_signs_the_letter_unless_another_is_given(tmp_path: Path) -> None:
    run("profile", "set", "--name", "Ffion Llŷr")
    run("notice", "--out", str(tmp_path / "one.pdf"))
    assert (tmp_path / "one.txt").read_text(encoding="utf-8").endswith("\n\nFfion Llŷr\n")
    run("notice", "--out", str(tmp_path / "two.pdf"), "--name", "F. Llŷr")
    assert (tmp_path / "two.txt").read_text(encoding="utf-8").endswith("\n\nF. Llŷr\n")


def test_a_notice_from_an_empty_diary_says_it_gives_no_figures(tmp_path: Path) -> None:
    status, said = run("notice", "--out", str(tmp_path / "notice.pdf"), "--name", "Ffion Llŷr")
    assert status == 0, said
    assert "holds no weekly figures yet, so this letter gives none" in pdf_text(
        tmp_path / "notice.pdf"
    )
    assert (
        "Your diary holds no weeks yet, so the letter gives no weekly figures, and says so. Log "
        "your weeks (workdiary log-week) to have them in a letter." in said
    )
    # An access request asks for the employer's records, not the diary's: nothing to say.
    status, said = run("notice", "--kind", "access-request", "--out", str(tmp_path / "sar.pdf"),
                       "--name", "Ffion Llŷr")  # fmt: skip
    assert status == 0 and "no weeks" not in said


# A letter written from Work Diary's sample diary


@pytest.mark.parametrize("kind", ["foreseeability", "access-request"])
def test_a_letter_of_the_sample_diary_says_it_is_a_demonstration_and_a_real_ones_does_not(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`workdiary demo` fills the diary with a real-sounding officer and made-up figures: a
    letter written from it says, on every page and first in its text, not to send it."""
    status, said = run("notice", "--kind", kind, "--out", str(tmp_path / "real.pdf"))
    assert status == 0 and "DEMONSTRATION" not in said
    assert "DEMONSTRATION" not in pdf_text(tmp_path / "real.pdf")
    assert not (tmp_path / "real.txt").read_text(encoding="utf-8").startswith("DEMONSTRATION")

    monkeypatch.setenv("WORKDIARY_DATA_DIR", str(tmp_path / "sample"))
    assert run("demo")[0] == 0
    status, said = run("notice", "--kind", kind, "--out", str(tmp_path / "letter.pdf"))
    assert status == 0, said
    assert (
        "This is a DEMONSTRATION letter: your diary holds Work Diary's sample data, so every "
        "name, figure and date in it is made up, and the letter says so on every page. Do not "
        "send it." in said
    )
    pages = PdfReader(tmp_path / "letter.pdf").pages
    assert all(DEMONSTRATION_LETTER in page.extract_text() for page in pages)
    text = (tmp_path / "letter.txt").read_text(encoding="utf-8")
    assert text.startswith(f"{DEMONSTRATION_LETTER}\n\nTo: ")


def test_a_letter_of_the_sample_diary_is_named_as_a_demonstration_in_a_folder_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a pack of it is WorkDiary-DEMO-…: a folder of letters shows which is made up, and a
    real diary's letters keep their names."""
    real, demo = tmp_path / "real", tmp_path / "demo"
    real.mkdir()
    demo.mkdir()
    assert run("notice", "--out", str(real))[0] == 0
    assert sorted(path.name for path in real.iterdir()) == [
        f"Foreseeability-notice-{TODAY}.pdf",
        f"Foreseeability-notice-{TODAY}.txt",
    ]
    monkeypatch.setenv("WORKDIARY_DATA_DIR", str(tmp_path / "sample"))
    assert run("demo")[0] == 0
    for kind in ("foreseeability", "access-request", "foreseeability"):
        status, said = run("notice", "--kind", kind, "--out", str(demo))
        assert status == 0, said
    assert f"\n  {demo / f'Foreseeability-notice-DEMO-{TODAY}-2.pdf'}  (SHA-256 " in said
    assert sorted(path.name for path in demo.iterdir()) == [
        f"Foreseeability-notice-DEMO-{TODAY}-2.pdf",
        f"Foreseeability-notice-DEMO-{TODAY}-2.txt",
        f"Foreseeability-notice-DEMO-{TODAY}.pdf",
        f"Foreseeability-notice-DEMO-{TODAY}.txt",
        f"Subject-access-request-DEMO-{TODAY}.pdf",
        f"Subject-access-request-DEMO-{TODAY}.txt",
    ]
