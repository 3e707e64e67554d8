"""The pack's plain-text blocks: every word kept in order, nothing wider than its column, long
words cut rather than run off the page, and a block split over pages losing nothing."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from tests.evidence.pdf_reading import flat, reader, text_at
from workdiary.evidence.fonts import BOLD, REGULAR, document_options, paragraph_style
from workdiary.evidence.text_block import Line, TextBlock, wrap_runs

SIZE = 9.0
STYLE = paragraph_style("TestBlock", fontSize=SIZE, leading=12, spaceBefore=4, spaceAfter=6)


def text_of(lines: list[Line]) -> str:
    """The text the lines were wrapped from, put back together."""
    return "".join("".join(words for words, _ in line.runs) + line.followed_by for line in lines)


def widths(lines: list[Line]) -> list[float]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return [sum(stringWidth(words, font, SIZE) for words, font in line.runs) for line in lines]


def test_words_wrap_in_order_within_the_width() -> None:
    text = " ".join(f"word{number}" for number in range(300))
    lines = wrap_runs([(text, REGULAR)], 150, SIZE)
    assert len(lines) > 10
    assert max(widths(lines)) <= 150
    assert text_of(lines) == text


def test_line_breaks_and_indents_are_kept_and_other_white_space_is_one_space() -> None:
    """A note set out as a list, its items indented, prints as it was written."""
    written = "  first  line\n\tsecond\n\n    - after a blank"
    lines = wrap_runs([(written, REGULAR)], 400, SIZE)
    assert text_of(lines) == "  first line\n    second\n\n    - after a blank"
    assert len(lines) == 4


def test_a_line_wrapped_is_not_indented() -> None:
    text = " ".join(f"word{number}" for number in range(60))
    lines = wrap_runs([(text, REGULAR)], 150, SIZE)
    assert all(not line.runs[0][0].startswith(" ") for line in lines)


def test_a_bold_label_and_its_text_share_a_line_in_their_own_fonts() -> None:
    lines = wrap_runs([("Actions:", BOLD), (" chase the <review> & book it", REGULAR)], 400, SIZE)
    assert lines[0].runs == [("Actions:", BOLD), (" chase the <review> & book it", REGULAR)]


def test_a_word_wider_than_the_column_is_cut_not_lost() -> None:
    address = "https://example.org/" + "ŵ" * 120
    lines = wrap_runs([(f"See {address} now", REGULAR)], 100, SIZE)
    assert max(widths(lines)) <= 100
    assert len(lines) > 3
    assert text_of(lines) == f"See {address} now"


@pytest.mark.parametrize("narrower", [0, 6])
def test_a_block_split_over_pages_keeps_every_word_even_when_wrapped_again(narrower: int) -> None:
    text = "Said: " + " ".join(f"w{number}" for number in range(400)) + " " + "x" * 300
    block = TextBlock([(text, REGULAR)], STYLE)
    _, height = block.wrap(200, 1000)
    first, rest = block.split(200, height / 2)
    assert first.getSpaceAfter() == 0 and rest.getSpaceBefore() == 0
    assert first.getSpaceBefore() == 4 and rest.getSpaceAfter() == 6
    middle, last = rest.split(200, height / 4)  # over a third page: still no space at a break
    assert middle.getSpaceBefore() == 0 and middle.getSpaceAfter() == 0
    assert last.getSpaceAfter() == 6
    # A table wraps a split cell again, a little narrower than it split it.
    parts = []
    for part in (first, rest):
        assert isinstance(part, TextBlock)
        part.wrap(200 - narrower, 1000)
        parts.append(text_of(part._lines))
    assert " ".join(parts).split() == text.split()


def test_a_lone_first_line_is_not_left_at_the_foot_of_a_page() -> None:
    block = TextBlock([(" ".join(["word"] * 200), REGULAR)], STYLE)
    block.wrap(200, 1000)
    assert block.split(200, 13) == []
    assert len(block.split(200, 25)) == 2


def test_a_long_cell_splits_across_pages_and_prints_every_word() -> None:
    words = [f"mot{number:04d}" for number in range(1500)]
    cell = TextBlock([("Notes:", BOLD), (" " + " ".join(words), REGULAR)], STYLE)
    table = Table([["Date", "Notes"], ["Mon 2 Nov 2026", cell]], colWidths=[80, 300], repeatRows=1)
    table.splitInRow = 24
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, **document_options()).build([table])
    pdf = reader(buffer.getvalue())
    assert len(pdf.pages) > 2
    text = flat(" ".join(page.extract_text() for page in pdf.pages))
    assert [word for word in text.split() if word.startswith("mot")] == words


def test_a_block_splits_as_it_was_wrapped_whatever_width_the_split_is_offered() -> None:
    """A table splitting a row offers its cells' blocks the column's whole width, though it
    wrapped them inside the cell's padding: wrapped again to the wider line, a block could fit
    whole and leave the table no second part to carry over."""
    block = TextBlock([("N" * 2000, REGULAR)], STYLE)
    _, height = block.wrap(200, 1000)
    parts = block.split(206, height - STYLE.leading)
    assert len(parts) == 2
    first, rest = parts
    assert isinstance(first, TextBlock) and isinstance(rest, TextBlock)
    assert len(first._lines) == len(block._lines) - 1 and len(rest._lines) == 1
    assert rest.height == STYLE.leading  # its size as wrapped, before a table wraps it again


def test_an_unbroken_word_taller_than_a_page_splits_across_pages_in_a_padded_cell() -> None:
    cell = TextBlock([("N" * 12_000, REGULAR)], STYLE)
    table = Table([["Prepared for", cell]], colWidths=[100, 300], splitInRow=24)
    table.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6)])
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, **document_options()).build([table])
    pdf = reader(buffer.getvalue())
    assert len(pdf.pages) > 1
    assert "".join(" ".join(page.extract_text() for page in pdf.pages).split()).count("N") == 12_000


def test_a_tab_indents_a_printed_line_as_spaces_would() -> None:
    block = TextBlock([("Agreed:\n\tchase the review", REGULAR)], STYLE)
    block.wrap(400, 400)
    assert [line.runs[0][0] for line in block._lines] == ["Agreed:", "    chase the review"]


def test_a_hanging_first_line_sets_the_rest_under_the_value_on_every_page() -> None:
    """`Before: …` hangs out to the left of its later lines, as a Paragraph's negative
    firstLineIndent does: the first line is that much wider, and a part carried to the next page
    starts where the later lines do, not out where the first line did."""
    hanging = paragraph_style("TestHanging", fontSize=SIZE, leading=12, leftIndent=42,
                              firstLineIndent=-14)  # fmt: skip
    words = [f"mot{number:04d}" for number in range(900)]
    block = TextBlock([("Before:", BOLD), (" " + " ".join(words), REGULAR)], hanging)
    block.wrap(300, 1000)
    first_line, *later = widths(block._lines)
    assert first_line <= 300 - 28 and max(later) <= 300 - 42
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, **document_options()).build([block])
    pieces = text_at(buffer.getvalue())
    assert len(reader(buffer.getvalue()).pages) > 1
    assert [text for _x, text in pieces if text.startswith("mot")][-1].endswith(words[-1])
    first = next(x for x, text in pieces if text == "Before:")
    on_first_line, *rest = [x for x, text in pieces if text.startswith("mot")]
    assert on_first_line == first and {round(x - first) for x in rest} == {14}
