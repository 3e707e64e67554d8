"""Spotting text that may identify a person on probation, so the app can ask before saving it."""

from __future__ import annotations

import re
from datetime import date

# A case reference: one letter followed by six digits (for example X123456).
_CASE_REFERENCE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]\d{6}(?![A-Za-z0-9])")
# A Police National Computer number: year, slash, serial, check letter (2019/0123456X, 19/123456A).
_PNC_NUMBER = re.compile(r"(?<![\w/])(?:\d{2}|\d{4})/\d{1,7}[A-Za-z](?![\w/])")
_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])")
_BIRTH_WORDS = re.compile(r"\b(?:d\.?o\.?b|date of birth|born)\b", re.IGNORECASE)

# A full date this many years back is more likely a birthday than a work event.
_BIRTH_DATE_MIN_AGE_YEARS = 16


def find_identifiers(text: str, today: date) -> list[str]:
    """Describe each piece of `text` that looks like a case reference, PNC number or birth date."""
    findings = [
        f"'{match.group(0)}' looks like a case reference number"
        for match in _CASE_REFERENCE.finditer(text)
    ]
    findings += [
        f"'{match.group(0)}' looks like a PNC number" for match in _PNC_NUMBER.finditer(text)
    ]
    mentions_birth = bool(_BIRTH_WORDS.search(text))
    for match in _DATE.finditer(text):
        year = int(match.group(3))
        if mentions_birth or year <= today.year - _BIRTH_DATE_MIN_AGE_YEARS:
            findings.append(f"'{match.group(0)}' looks like a date of birth")
    return findings
