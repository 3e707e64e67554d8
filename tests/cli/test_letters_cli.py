"""`workdiary notice`: the letters written from the diary, and the record kept of sending them."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from workdiary.cli import main
from workdiary.domain.dates import week_commencing
from workdiary.evidence.letters import one_calendar_month_after

THIS_WEEK = week_commencing(date.today())


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
    assert logged["channel"] == "letter"
    assert logged["follow_up_on"] == str(one_calendar_month_after(date.today()))


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
    ],
)
def test_a_bad_request_writes_nothing_and_logs_nothing(
    argv: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert run("notice", *argv)[0] == 2
    assert words in capsys.readouterr().err
    assert list(tmp_path.glob("*.pdf")) == [] and concerns() == []
