"""reportlab's Table, with a table of plain text drawn as one PDF text object.

reportlab's Table draws every text cell with a text object of its own: set up, moved to, written
and closed again, for each of the weekly table's 3,600 cells in a ten-year pack. Drawing the
tables was a tenth of the time of the whole pack, and a quarter of that went on those text
objects. A TextGrid whose cells are all plain text writes them into one text object instead,
row by row and cell by cell as the Table would, each line where the Table's own drawString or
drawRightString would have put it. Everything else (sizes, splitting, repeated headers, fills
and rules) is the Table's own; so is drawing a table that holds a flowable, whose text would
otherwise come out of reading order.

A row too tall for what is left of a page is split, its cells' lines carried to the next, where
the table repeats its header. A reader of that page must still be able to tell whose row the
lines carried over belong to: a cell that names its row (a session's date) is a RowName, which
the part carried over repeats, marked continued.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject

from workdiary.evidence.pdf_library import CellStyle, Table

CONTINUED = "(continued)"


class RowName(str):
    """A cell's text that says which row it is, repeated, marked continued, on the next page where
    the row is split across pages."""

    def continued(self) -> RowName:
        return self if self.endswith(CONTINUED) else RowName(f"{self}\n{CONTINUED}")


class TextGrid(Table):
    """A Table whose plain text is written through one text object, when it is all plain text
    set at the top of its cells, left or right."""

    def __init__(self, data: list[list[Any]], *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        # Worked out again for each part of a table split across pages: reportlab makes the
        # parts through this constructor.
        self._all_text = all(isinstance(cell, str) for row in data for cell in row)
        self._text: PDFTextObject | None = None
        self._font: tuple[str, float, float] | None = None
        self._color: object = None

    def draw(self) -> None:
        if not self._all_text:
            super().draw()
            return
        self._text = self.canv.beginText()
        self._font = self._color = None
        super().draw()  # the fills and rules; the cells come to _drawCell, below
        # In a saved state of its own: the text object's font and colour do not outlast it.
        self.canv.saveState()
        self.canv.drawText(self._text)
        self.canv.restoreState()
        self._text = None

    def _splitCell(
        self, value: Any, style: CellStyle, old_height: float, new_height: float, width: float
    ) -> Any:
        parts = super()._splitCell(value, style, old_height, new_height, width)  # type: ignore[misc]
        # The row's name stays where the row starts, and is repeated where it goes on.
        if isinstance(value, RowName) and parts and parts[0] == value:
            return value, value.continued()
        return parts

    def _drawCell(self, cellval: Any, cellstyle: CellStyle, pos: Any, size: Any) -> None:
        text = self._text
        if (
            text is None
            or cellstyle.alignment not in ("LEFT", "RIGHT")
            or cellstyle.valign != "TOP"
            or cellstyle.href
            or cellstyle.destination
            or cellstyle.direction
            or cellstyle.shaping
        ):
            super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]
            return
        font = (cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        if font != self._font:
            text.setFont(*font)
            self._font = font
        if cellstyle.color != self._color:
            text.setFillColor(cellstyle.color)  # type: ignore[arg-type]
            self._color = cellstyle.color
        (left, bottom), (width, height) = pos, size
        y = bottom + height - cellstyle.topPadding - cellstyle.fontsize
        for line in cellval.split("\n"):
            if cellstyle.alignment == "LEFT":
                x = left + cellstyle.leftPadding
            else:
                x = left + width - cellstyle.rightPadding
                x -= stringWidth(line, cellstyle.fontname, cellstyle.fontsize)
            text.setTextOrigin(x, y)
            text.textOut(line)
            y -= cellstyle.leading
