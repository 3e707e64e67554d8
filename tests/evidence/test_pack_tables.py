"""The pack's ruled tables: rows as tall as reportlab itself would make them."""

from __future__ import annotations

import pytest

from workdiary.evidence import pack_story
from workdiary.evidence.fonts import register_fonts
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
