"""Reading a PDF back as a person or a checker would: its words, its pages, its fonts."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

# The fonts every PDF viewer has built in; a PDF that names one relies on the viewer's own.
BASE_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-BoldOblique",
    "Courier-Oblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-BoldOblique",
    "Helvetica-Oblique",
    "Symbol",
    "Times-Bold",
    "Times-BoldItalic",
    "Times-Italic",
    "Times-Roman",
    "ZapfDingbats",
}


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def flat(text: str) -> str:
    """Runs of white space as one space: where a PDF wraps a line is no part of what it says."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(pdf: bytes, furniture: Sequence[str] = ()) -> str:
    """All the words, page after page. Lines matching a `furniture` pattern (footers, running
    heads) are left out, so that text flowing from one page to the next reads on unbroken."""
    patterns = [re.compile(pattern) for pattern in furniture]
    lines = [
        line
        for page in reader(pdf).pages
        for line in page.extract_text().splitlines()
        if not any(pattern.fullmatch(line.strip()) for pattern in patterns)
    ]
    return flat(" ".join(lines))


@dataclass(frozen=True)
class FontUse:
    name: str  # BaseFont, e.g. AAAAAA+DejaVuSans
    subtype: str
    embedded: bool  # its descriptor carries the font program (FontFile, FontFile2 or FontFile3)
    truetype_embedded: bool  # ... as FontFile2, the TrueType program


def _fonts_in(resources: DictionaryObject, seen: set[int]) -> list[FontUse]:
    found = []
    fonts = resources.get("/Font")
    for reference in (fonts.get_object() if fonts else {}).values():
        font = reference.get_object()
        for part in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
            descriptor = part.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            found.append(
                FontUse(
                    name=str(part.get("/BaseFont", "")),
                    subtype=str(part.get("/Subtype", "")),
                    embedded=any(
                        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                    ),
                    truetype_embedded="/FontFile2" in descriptor,
                )
            )
    # Form XObjects (drawings reused across a page) carry resources of their own.
    xobjects = resources.get("/XObject")
    for reference in (xobjects.get_object() if xobjects else {}).values():
        xobject = reference.get_object()
        if id(xobject) in seen or "/Resources" not in xobject:
            continue
        seen.add(id(xobject))
        found += _fonts_in(xobject["/Resources"].get_object(), seen)
    return found


def fonts_used(pdf: bytes) -> list[FontUse]:
    """Every font in every page's resources (and the resources of forms drawn on the pages)."""
    found: list[FontUse] = []
    for page in reader(pdf).pages:
        resources = page.get("/Resources")
        if resources is not None:
            found += _fonts_in(resources.get_object(), set())
    return found


def without_subset_tag(name: str) -> str:
    """`/AAAAAA+DejaVuSans` → `DejaVuSans`."""
    return re.sub(r"^[A-Z]{6}\+", "", name.lstrip("/"))


def text_in_fonts(pdf: bytes) -> list[tuple[str, str]]:
    """Each piece of text the pages draw, in order, with the name of the font it is drawn in
    (`DejaVuSans-Bold`): what a reader sees set in bold or italic."""
    pieces: list[tuple[str, str]] = []

    def visit(
        text: str, _cm: object, _tm: object, font: DictionaryObject | None, _size: float
    ) -> None:
        if text.strip():
            name = without_subset_tag(str(font.get("/BaseFont", ""))) if font else ""
            pieces.append((text, name))

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return pieces


def text_at(pdf: bytes) -> list[tuple[float, str]]:
    """Each piece of text the pages draw, in order, with how far from the page's left edge it
    starts (in points): what a reader sees indented, and how far."""
    pieces: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            pieces.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text.strip()))

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return pieces
