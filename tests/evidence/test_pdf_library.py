"""reportlab as our PDFs import it: the same reportlab, without paying for what they never use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.processes import printed_lines
from workdiary.evidence.pdf_library import PatternCompiledWhenFirstUsed

MAKE_A_PACK = """
import sys
from datetime import timedelta
from pathlib import Path
from workdiary.evidence.pack import build_pack
from workdiary.evidence.snapshot import PackOptions
from workdiary.packs import take_snapshot
from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, fill_sample_diary
from workdiary.storage import Diary

path = Path(sys.argv[1]) / "diary.db"
fill_sample_diary(path, SAMPLE_LAST_WEEK_FOR_TESTS)
with Diary.open(path) as diary:
    snapshot = take_snapshot(diary)
last = SAMPLE_LAST_WEEK_FOR_TESTS
pack = build_pack(snapshot, PackOptions(last - timedelta(weeks=11), last))
assert pack.pdf.startswith(b"%PDF")

from reportlab.lib import textsplit
from reportlab.platypus import paragraph
for pattern in (paragraph.uri_pat, textsplit.rx):
    print(getattr(pattern, "compiled", "compiled as reportlab does"))
"""


def test_a_pack_is_made_without_compiling_the_patterns_it_never_uses(tmp_path: Path) -> None:
    # Compiling them is a tenth of a ten-year pack's time, and no PDF of ours hyphenates web
    # addresses or wraps CJK text. This fails if reportlab changes either pattern so that it is
    # no longer recognised.
    assert printed_lines(MAKE_A_PACK, tmp_path)[-2:] == ["None", "None"]


def test_reportlab_splits_a_web_address_with_the_stand_in_as_with_the_compiled_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportlab.platypus import paragraph

    pattern = paragraph.uri_pat.pattern
    stand_in = PatternCompiledWhenFirstUsed(pattern, re.IGNORECASE)
    monkeypatch.setattr(paragraph, "uri_pat", stand_in)
    assert stand_in.compiled is None
    assert paragraph._uri_split_pairs("https://example.org/a/b") == [
        ("https://example.org/a/", "b"),
        ("https://example.org/", "a/b"),
        ("https://", "example.org/a/b"),
    ]
    assert paragraph._uri_split_pairs("not an address") is None
    assert stand_in.compiled == re.compile(pattern, re.IGNORECASE)
