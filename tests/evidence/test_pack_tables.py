"""The pack's ruled tables: rows as tall, and cells wrapped, as reportlab itself would do."""

from __future__ import annotations

import pytest
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from workdiary.evidence import pack_story
from workdiary.evidence.fonts import REGULAR, register_fonts
from workdiary.evidence.text_block import TextBlock

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
