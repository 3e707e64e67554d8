"""The officer's own words made safe for a reportlab Paragraph: drawable, escaped, breaks kept."""

from __future__ import annotations

from html import escape

from workdiary.evidence.fonts import REGULAR, printable


def markup(text: str, font: str = REGULAR) -> str:
    """Text made safe for a Paragraph in `font`: drawable, escaped, line breaks kept. Every string
    put in a Paragraph goes through here: ours carry no markup, and the officer's may hold <, &
    and > that reportlab would otherwise read as markup. (A pack's TextBlocks read no markup.)"""
    return escape(printable(text, font), quote=False).replace("\n", "<br/>")


def unix_lines(text: str) -> str:
    """Text pasted from Windows or an old Mac breaks its lines with \r\n or \r."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def own_paragraphs(text: str) -> list[str]:
    """The officer's words split at blank lines; single line breaks stay within a paragraph."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in unix_lines(text).strip("\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs
