"""Plain text for a pack, laid out quickly: wrapped once, drawn line by line, split by whole lines.

Nearly all of a pack's words are plain text in one of its fonts, a bold label now and then: the
officer's notes, concerns and supervision actions, the amendment lines, our own explanations.
reportlab's Paragraph parses markup, measures fragment by fragment and is wrapped again on every
page a table holding it runs to; for a ten-year pack that was most of the layout time. A
TextBlock takes runs of text already in the pack's fonts (nothing in them is read as markup, so
an officer's `<`, `&` or `>` print as typed), wraps them with reportlab's C string widths and
draws each line with one text object. It lays text out as a left-aligned Paragraph of the same
style would, so the two sit together on a page. Imported only when a pack is made."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from workdiary.evidence.fonts import printable
from workdiary.evidence.pdf_library import Flowable

# A run of text in one font.
Run = tuple[str, str]

TAB_SPACES = 4
# A line break, a stretch of other white space, or a word.
_PIECES = re.compile(r"\n|[^\S\n]+|\S+")


class Line(NamedTuple):
    """A wrapped line: its runs, and what stood between it and the next line in the text (a line
    break, a space, or nothing, where a word too long for a line was cut)."""

    runs: list[Run]
    followed_by: str


class TextBlock(Flowable):
    """`runs` of text, each in its own font, at the size, leading, indents, colour and spacing
    of `style`. A line break in a run starts a new line, keeping the spaces that indent it; any
    other white space is one space. As in a Paragraph, the first line starts `firstLineIndent`
    further in than the rest: a negative one hangs it out, so that a value's later lines stand
    under it, not under its label."""

    def __init__(self, runs: Iterable[Run], style: ParagraphStyle) -> None:
        super().__init__()
        self.style = style
        # A tab set in by hand indents as a few spaces would; printable makes it one space.
        self.runs = [(printable(text.expandtabs(TAB_SPACES), font), font) for text, font in runs]
        self._lines: list[Line] = []
        self._wrapped_to: float | None = None
        # 0 in the part of a block split over a page that does not begin with its first line.
        self._first_indent: float = style.firstLineIndent

    @classmethod
    def plain(cls, text: str, style: ParagraphStyle) -> TextBlock:
        return cls([(text, style.fontName)], style)

    def _laid_out(self, available_width: float) -> list[Line]:
        width = available_width - self.style.leftIndent - self.style.rightIndent
        if self._wrapped_to != width:
            self._lines = wrap_runs(
                self.runs, width, self.style.fontSize, width - self._first_indent
            )
            self._wrapped_to = width
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        lines = self._laid_out(available_width)
        self.width = available_width
        self.height = len(lines) * self.style.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # Split as last wrapped, as a Paragraph does: a table splitting a row in two offers its
        # cells' blocks the column's whole width, though it wrapped them to the width inside the
        # cell's padding, and wrapped again to the wider line they might all fit, leaving no
        # second part for the table to carry to the next page.
        lines = self._lines if self._wrapped_to is not None else self._laid_out(available_width)
        fit = int((available_height + 1e-6) // self.style.leading)
        # As a Paragraph does by default: never leave a lone first line at the foot of a page.
        if fit >= len(lines) or fit < 2:
            return [] if fit < len(lines) else [self]
        first, rest = self._part(lines[:fit]), self._part(lines[fit:])
        first._first_indent, rest._first_indent = self._first_indent, 0
        # Space before the whole block and after it; none where it breaks over a page.
        first.spaceBefore, first.spaceAfter = self.getSpaceBefore(), 0
        rest.spaceBefore, rest.spaceAfter = 0, self.getSpaceAfter()
        return [first, rest]

    def _part(self, lines: list[Line]) -> TextBlock:
        """Some of this block's lines as a block of their own, already wrapped as they are here
        (a table may wrap it again, to its cell's width)."""
        runs: list[Run] = []
        for index, line in enumerate(lines):
            if index:
                runs.append((lines[index - 1].followed_by, self.style.fontName))
            runs += line.runs
        part = TextBlock([], self.style)
        part.runs = runs
        part._lines = lines
        part._wrapped_to = self._wrapped_to
        # Its size as wrapped, for a table that reads it before wrapping it again.
        part.width, part.height = self.width, len(lines) * self.style.leading
        return part

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        # The text object changes the font and colour; the canvas keeps its own afterwards.
        canvas.saveState()
        text = canvas.beginText()
        text.setFillColor(style.textColor)
        text.setTextOrigin(style.leftIndent + self._first_indent, self.height - style.fontSize)
        font = None
        for number, line in enumerate(self._lines):
            if number == 1 and self._first_indent:
                text.moveCursor(-self._first_indent, 0)  # the rest start where the style says
            runs = line.runs or [("", font or style.fontName)]
            for position, (words, run_font) in enumerate(runs):
                if run_font != font:
                    text.setFont(run_font, style.fontSize, style.leading)
                    font = run_font
                if position < len(runs) - 1:
                    text.textOut(words)  # measured, so that the next run starts where it ends
                else:
                    text.textLine(words)  # ends the line: back to the left, a leading down
        canvas.drawText(text)
        canvas.restoreState()


def wrap_runs(
    runs: Sequence[Run], width: float, size: float, first_width: float | None = None
) -> list[Line]:
    """The runs broken into lines no wider than `width` (the first no wider than `first_width`,
    if given), at spaces where it can be and inside a word only where the word alone is wider
    than the line (a long web address, say)."""
    if first_width is None:
        first_width = width
    text = "".join(words for words, _ in runs)
    # Most text is a line that fits, its spacing already as it is printed: measured whole.
    if " ".join(text.split()) == text and (
        sum(stringWidth(words, font, size) for words, font in runs) <= first_width
    ):
        return [Line([run for run in runs if run[0]], "")]
    lines: list[Line] = []
    line: list[Run] = []
    used = 0.0
    space_wanted = False
    room = first_width  # of the line being filled
    spaces = {font: stringWidth(" ", font, size) for _, font in runs}

    def add(words: str, font: str) -> None:
        if line and line[-1][1] == font:
            line[-1] = (line[-1][0] + words, font)
        else:
            line.append((words, font))

    def end_line(followed_by: str) -> None:
        nonlocal line, used, space_wanted, room
        lines.append(Line(line, followed_by))
        line, used, space_wanted, room = [], 0.0, False, width

    for text, font in runs:
        for piece in _PIECES.findall(text):
            if piece == "\n":
                end_line("\n")
            elif piece.isspace():
                if line or (lines and lines[-1].followed_by != "\n"):
                    space_wanted = bool(line)
                else:  # indenting a line the officer began: kept, as written
                    indent = " " * len(piece.expandtabs(TAB_SPACES))
                    add(indent, font)
                    used += stringWidth(indent, font, size)
            else:
                word = stringWidth(piece, font, size)
                space = spaces[font] if space_wanted else 0.0
                if used + space + word <= room:
                    add(" " + piece if space_wanted else piece, font)
                    used += space + word
                    space_wanted = False
                    continue
                if line:
                    end_line(" " if space_wanted else "")
                if word <= room:
                    add(piece, font)
                    used = word
                    continue
                # Wider than a whole line: cut into pieces a line wide (as wide as the narrower
                # of the first line and the rest, where it starts the first).
                for part in _broken(piece, font, size, min(room, width)):
                    if line:
                        end_line("")
                    add(part, font)
                    used = stringWidth(part, font, size)
    if line or not lines:
        end_line("")
    return lines


def _broken(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too long for a line, cut into pieces that each fit (at least a character each)."""
    parts = []
    start = 0
    while start < len(word):
        end = start + 1
        while end < len(word) and stringWidth(word[start : end + 1], font, size) <= width:
            end += 1
        parts.append(word[start:end])
        start = end
    return parts
