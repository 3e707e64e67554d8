"""The DejaVu TTFs, registered with reportlab once, so every PDF embeds every font it uses."""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING, Any

from workdiary.resources import font_path

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}

# Control characters that mean "some white space"; any other is named.
_SPACE_LIKE = frozenset("\t\x0b\x0c\r")
# Unicode's categories of characters that act instead of showing: controls, formatting (the
# bidirectional overrides, zero-width spaces) and the line and paragraph separators.
_ACTING_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})

_lock = threading.Lock()
# The registered fonts by name, once registered; their character maps say what each can draw.
_registered: dict[str, TTFont] = {}


def register_fonts() -> None:
    """Register the fonts with reportlab (the first call only; exports may run on a worker
    thread, hence the lock). reportlab is imported here, not at the top: it costs start-up."""
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = {
            name: TTFont(name, str(font_path(file_name))) for name, file_name in _FILES.items()
        }
        for font in fonts.values():
            pdfmetrics.registerFont(font)
        # <b> and <i> in our own markup resolve within the family; there is no bold oblique
        # file, so bold italic is plain bold rather than a fallback to a base-14 font.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
        )
        _registered.update(fonts)


def paragraph_style(name: str, font: str = REGULAR, **attributes: Any) -> ParagraphStyle:
    """A paragraph style in an embedded font. reportlab's own styles default to Helvetica, for
    the text and for bullets, which a PDF would then reference without embedding it."""
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    return ParagraphStyle(name, fontName=font, bulletFontName=REGULAR, **attributes)


def document_options() -> dict[str, Any]:
    """Keyword arguments for a reportlab doc template: the canvas starts in an embedded font
    (its default initial font is Helvetica, written into every page's resources)."""
    register_fonts()
    return {"initialFontName": REGULAR, "initialFontSize": 10, "initialLeading": 12}


# Control characters (Unicode category Cc) and lone surrogates (Cs): never drawn as they stand.
_UNDRAWABLE = frozenset(map(chr, [*range(0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]))


@cache
def _drawable(font: str) -> frozenset[str]:
    """The characters `font` can draw as themselves, and the line break, which the layout
    handles. Not those beyond U+FFFF (an emoji, say), though the fonts have some: reportlab
    writes them into the PDF's text map in a form readers misread, so copying 😩 out of a pack
    would give ὢ, a different character. Nor those that act instead of showing (a right-to-left
    override, a zero-width space): in a record, what is there must be seen."""
    import unicodedata

    register_fonts()
    mapped = frozenset(chr(code) for code in _registered[font].face.charToGlyph if code <= 0xFFFF)
    acting = {c for c in mapped if unicodedata.category(c) in _ACTING_CATEGORIES}
    return (mapped - _UNDRAWABLE - acting) | {"\n"}


def printable(text: str, font: str = REGULAR) -> str:
    """`text` as `font` can draw it: line breaks kept, tabs and the like made spaces, a character
    that acts instead of showing named by its number (`[U+202E]`), and a character the font
    lacks by its Unicode name (`[WEARY FACE]`, `[CJK UNIFIED IDEOGRAPH-6F22]`), rather than
    dropped, hidden, or drawn as a sign (�) that would say something stood there but not what.
    The attached data keeps them all as they were."""
    drawable = _drawable(font)
    if drawable.issuperset(text):  # nearly always, and checked at C speed
        return text
    return "".join(_shown(character, drawable) for character in text)


def _shown(character: str, drawable: frozenset[str]) -> str:
    import unicodedata

    if character in drawable:
        return character
    if character in _SPACE_LIKE:
        return " "
    if unicodedata.category(character) in _ACTING_CATEGORIES:
        return f"[U+{ord(character):04X}]"
    # A character with no name (one of a private use area, or newer than this Python's Unicode
    # tables) is given by its number.
    return f"[{unicodedata.name(character, f'U+{ord(character):04X}')}]"
