"""What the commands print, with every character a terminal would act on, or that hides itself,
shown as a sign: a note cannot clear the screen, rewrite a line or reverse the words after it.

Notes and other text may hold such characters, pasted with the text from somewhere else. The
diary keeps them exactly as they were; only what reaches the terminal shows them, in a way a
reader can name: a control as its picture (␛ escape, ␍ carriage return, ␈ backspace, ␇ bell), any
other as its Unicode number (`[U+202E]`, right-to-left override). New lines and tabs are kept.
"""

from __future__ import annotations

from typing import TextIO, cast

# Unicode's categories of characters that act instead of showing: controls, formatting (the
# bidirectional overrides, zero-width spaces) and the line and paragraph separators.
_ACTING = frozenset({"Cc", "Cf", "Zl", "Zp"})
# Unicode has a picture for each control below space (␀ to ␟) and for delete (␡).
_FIRST_PICTURE = 0x2400
_DELETE = 0x7F
_DELETE_PICTURE = "␡"


def visible(text: str) -> str:
    """`text` with each character that would act on a terminal, or hide, shown as a sign."""
    if text.isprintable():  # nearly everything printed: no control, not even a new line
        return text
    return "".join(map(_sign, text))


def _sign(character: str) -> str:
    """`character` itself, or the sign that shows it."""
    if character.isprintable() or character in "\n\t":
        return character
    # Loaded only when needed: few texts hold a character Python will not print as itself, and
    # some of those show as themselves (a non-breaking space, a letter newer than Python's tables).
    import unicodedata

    if unicodedata.category(character) not in _ACTING:
        return character
    code = ord(character)
    if code < 0x20:
        return chr(_FIRST_PICTURE + code)
    if code == _DELETE:
        return _DELETE_PICTURE
    return f"[U+{code:04X}]"


class _VisibleWriter:
    """Writes to `stream` what it is given, with every control shown as a sign."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()


def showing_controls(stream: TextIO) -> TextIO:
    """`stream` for the commands' words to people: print() to it as to the stream itself."""
    # A stand-in, not a whole TextIO: commands only print to it (JSON goes to the stream itself).
    return cast(TextIO, _VisibleWriter(stream))
