"""reportlab, as every PDF of ours imports it: set up, before it is first imported, not to pay
for what our PDFs never use. Everything else is reportlab's own, unchanged.

- Importing Platypus compiles two patterns over most of Unicode for features our PDFs never
  use: one recognises a web address when a paragraph hyphenates one
  (`reportlab.platypus.paragraph.uri_pat`), the other finds Chinese, Japanese and Korean
  characters for `reportlab.lib.textsplit.cjkwrap`. Compiling them was a tenth of the time of a
  whole ten-year pack. Each is compiled the first time something uses it, and never before.
- reportlab checks the type of every attribute set on a shape, which was a tenth of a pack's
  story for the charts' nine thousand settings; ours are fixed and tested. It reads that setting
  when its shapes module is first imported.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab import rl_config

# How reportlab's web-address pattern starts (none of its other patterns starts so), and its
# pattern for a CJK character, whole.
_WEB_ADDRESS_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
_CJK_CHARACTER_PATTERN = "([\u2e80-\uffff])"


class PatternCompiledWhenFirstUsed:
    """Stands in for a compiled pattern, and compiles it the first time any of it is used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.source = (pattern, flags)
        self.compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            self.compiled = _compile(*self.source)
        return getattr(self.compiled, name)


_compile = re.compile


def _compile_deferring_unused(pattern: Any, flags: int = 0) -> Any:
    if isinstance(pattern, str) and (
        pattern.startswith(_WEB_ADDRESS_PATTERN_START) or pattern == _CJK_CHARACTER_PATTERN
    ):
        return PatternCompiledWhenFirstUsed(pattern, flags)
    return _compile(pattern, flags)


rl_config.shapeChecking = 0
# Only while reportlab's modules are first imported. Another thread compiling a pattern meanwhile
# still gets re.compile's own result: only those two patterns are told apart.
re.compile = _compile_deferring_unused
try:
    from reportlab.graphics.shapes import (
        Circle,
        Drawing,
        Group,
        Line,
        Path,
        PolyLine,
        Rect,
        String,
    )
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Flowable,
        Frame,
        KeepTogether,
        PageBreak,
        PageTemplate,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.doctemplate import ActionFlowable
    from reportlab.platypus.tables import CellStyle
finally:
    re.compile = _compile

__all__ = [
    "ActionFlowable",
    "BaseDocTemplate",
    "CellStyle",
    "Circle",
    "CondPageBreak",
    "Drawing",
    "Flowable",
    "Frame",
    "Group",
    "KeepTogether",
    "Line",
    "PageBreak",
    "PageTemplate",
    "Paragraph",
    "Path",
    "PolyLine",
    "Rect",
    "SimpleDocTemplate",
    "Spacer",
    "String",
    "Table",
    "TableStyle",
]
