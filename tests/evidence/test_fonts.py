"""What the pack's fonts can draw, and how text is printed where they cannot: a character they
lack is named, never replaced by a sign that says something stood there but not what."""

from __future__ import annotations

import unicodedata

import pytest

from workdiary.evidence.fonts import BOLD, ITALIC, REGULAR, printable, register_fonts


def covered_by(font: str) -> set[int]:
    """The characters the font file itself maps to glyphs, as reportlab reads it."""
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    return set(getFont(font).face.charToGlyph)


@pytest.mark.parametrize("font", [REGULAR, BOLD, ITALIC])
@pytest.mark.parametrize(
    "text",
    [
        "Gwaith trwm iawn — ŵ ŷ Ŵ Ŷ, a dim amser i gael cinio.",
        "Caseload <b>not bold</b> & rising > 150 % <br/> &amp; still",
        "£1,050.00 · “quoted” ½ → €",
        "line one\nline two",
    ],
)
def test_ordinary_and_welsh_text_and_markup_characters_print_unchanged(
    font: str, text: str
) -> None:
    assert printable(text, font) == text


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Emoji 😩🙂 end", "Emoji [WEARY FACE][SLIGHTLY SMILING FACE] end"),
        ("CJK 漢字", "CJK [CJK UNIFIED IDEOGRAPH-6F22][CJK UNIFIED IDEOGRAPH-5B57]"),
        ("か", "[HIRAGANA LETTER KA]"),
        ("한", "[HANGUL SYLLABLE HAN]"),
        # No name to give: its number instead.
        ("\ue000", "[U+E000]"),
        # Characters that act on the text around them are named by their number, as before.
        ("a\u202eb\u200bc", "a[U+202E]b[U+200B]c"),
        ("tab\there", "tab here"),
    ],
)
def test_a_character_the_font_cannot_show_is_named(typed: str, printed: str) -> None:
    assert printable(typed) == printed


def test_whether_a_character_is_named_is_decided_by_the_font_file_itself() -> None:
    """The oblique font lacks Arabic letters the upright one has: the same character prints as
    itself in one and by its name in the other."""
    hamza = "\u0621"
    assert ord(hamza) in covered_by(REGULAR) and ord(hamza) not in covered_by(ITALIC)
    assert printable(hamza, REGULAR) == hamza
    assert printable(hamza, ITALIC) == "[ARABIC LETTER HAMZA]"


def test_every_character_printed_is_one_the_font_has() -> None:
    """Whatever is typed, what reaches the page is drawn from the font's own glyphs."""
    sample = "".join(chr(code) for code in range(0x20, 0x3100) if not 0xD800 <= code < 0xE000)
    sample += "😩🙂👍🏽❤️漢字한国"
    for font in (REGULAR, BOLD, ITALIC):
        covered = covered_by(font)
        printed = printable(sample, font)
        assert {ord(character) for character in printed} <= covered | {ord("\n")}, font


def test_a_name_is_what_unicode_calls_the_character() -> None:
    for character in "😩漢한\u0621":
        assert printable(character, ITALIC) == f"[{unicodedata.name(character)}]"
