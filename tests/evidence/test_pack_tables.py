"""The pack's ruled tables: rows as tall, cells wrapped and text placed as reportlab's own Table
would have them."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from workdiary.evidence import pack_story
from workdiary.evidence.fonts import REGULAR, document_options, register_fonts
from workdiary.evidence.pdf_library import SimpleDocTemplate, Table
from workdiary.evidence.text_block import TextBlock
from workdiary.evidence.text_grid import TextGrid

ROWS = [
    ["Week", "Capacity\n%", "Flags"],
    ["Mon 03 Aug 2026", "131 %", "over threshold"],
    ["Mon 10 Aug 2026", "—", "not logged\nan entry was deleted on\nFri 14 Aug 2026"],
    ["Mon 17 Aug 2026", "", ""],
]
WIDTHS = [80.0, 50.0, 120.0]


def heights(rows: list[list[object]]) -> tuple[float, list[float]]:
    table = pack_story._grid(rows, WIDTHS)
    _, height = table.wrap(sum(WIDTHS), 800)
    return height, list(table._rowHeights)


def test_rows_of_text_are_as_tall_as_reportlab_would_measure_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register_fonts()
    ours = heights(ROWS)
    monkeypatch.setattr(pack_story, "_text_row_height", lambda row: None)
    assert ours == heights(ROWS)
    assert ours[1][2] == 3 * ours[1][1] - 2 * (1.5 + 2)  # three lines against one


def test_a_row_holding_a_flowable_is_left_for_reportlab_to_measure() -> None:
    register_fonts()
    style = pack_story._styles().cell
    note = TextBlock.plain("A note long enough to wrap in a narrow column " * 3, style)
    _, row_heights = heights([*ROWS, ["Mon 24 Aug 2026", "120 %", note]])
    assert row_heights[-1] > row_heights[1]


@pytest.mark.parametrize(
    "text",
    [
        "at/over 110 %, excessive run",
        "at/over 110 %, excessive run, retrospective, amended 2 times",
        "two  spaces and a\nline break",
        "  around  ",
        "",
        "Cancelled by manager",
    ],
)
def test_a_cell_of_our_own_words_wraps_as_reportlab_would_wrap_it(text: str) -> None:
    register_fonts()
    exact = stringWidth(text, REGULAR, pack_story.TABLE_SIZE)
    for width in (40.0, 80.0, exact - 0.0001, exact, exact + 0.0001, 500.0):
        expected = "\n".join(simpleSplit(text, REGULAR, pack_story.TABLE_SIZE, width))
        assert pack_story._lines(text, width) == expected, width


def pdf_of(table: Table) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, **document_options()).build([table])
    return buffer.getvalue()


Placed = tuple[bytes, float, float, str, tuple[float, ...]]


def placed_text(table: Table) -> tuple[list[Placed], int]:
    """Each string the first page's content writes: where (its text matrix), in which font and
    colour; and how many text objects the content opens."""
    pdf = PdfReader(io.BytesIO(pdf_of(table)))
    content = ContentStream(pdf.pages[0].get_contents(), pdf)
    placed: list[Placed] = []
    font, x, y, colour, objects = "", 0.0, 0.0, (), 0
    for operands, operator in content.operations:
        if operator == b"BT":
            objects += 1
        elif operator == b"Tf":
            font = f"{operands[0]} {operands[1]}"
        elif operator == b"rg":
            colour = tuple(round(float(value), 3) for value in operands)
        elif operator == b"Tm":
            x, y = round(float(operands[4]), 3), round(float(operands[5]), 3)
        elif operator == b"Tj":
            placed.append((bytes(operands[0].original_bytes), x, y, font, colour))
    return placed, objects


def test_a_text_grid_writes_every_line_where_a_table_would_in_one_text_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register_fonts()
    rows = [ROWS[0], *ROWS[1:] * 20]
    grid = pack_story._grid(rows, WIDTHS, right_columns=range(1, 2), quiet_rows=[2, 5])
    monkeypatch.setattr(pack_story, "TextGrid", Table)
    table = pack_story._grid(rows, WIDTHS, right_columns=range(1, 2), quiet_rows=[2, 5])
    assert isinstance(grid, TextGrid) and not isinstance(table, TextGrid)
    ours, our_objects = placed_text(grid)
    theirs, their_objects = placed_text(table)
    assert ours == theirs and len(ours) > 100
    assert our_objects == 1 < their_objects


def test_a_text_grid_holding_a_flowable_is_drawn_as_a_table_in_reading_order() -> None:
    register_fonts()
    note = TextBlock.plain("A note of the officer's own", pack_story._styles().cell)
    grid = pack_story._grid([*ROWS, ["Mon 24 Aug 2026", "120 %", note]], WIDTHS)
    _, objects = placed_text(grid)
    assert objects > 1  # a text object for each cell line, the Table's own way
    page = PdfReader(io.BytesIO(pdf_of(grid))).pages[0].extract_text()
    assert page.index("Mon 24 Aug 2026") < page.index("A note of the officer's own")
