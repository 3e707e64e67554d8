"""Figures as a person reads them: `132.5 %`, `44.5 hours`, `£1,234.50`, `(empty)`."""

from __future__ import annotations

from datetime import date
from typing import Any

from workdiary.domain.dates import format_day
from workdiary.domain.history import HistoryEvent
from workdiary.domain.records import FieldInfo


def format_number(value: float) -> str:
    """No needless `.0`, thousands separated: 37, 132.5, 1,234.25."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_money(value: float) -> str:
    return f"£{value:,.2f}"


def singular_unit(unit: str) -> str:
    """`hours a week` → `hour a week`: the unit for exactly one."""
    first, _, rest = unit.partition(" ")
    first = first.removesuffix("s") if first.endswith("s") else first
    return f"{first} {rest}".strip()


def format_value(info: FieldInfo | None, value: Any) -> str:
    """A stored value (as in a row or audit entry) with its unit."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        unit = info.unit if info else ""
        if unit == "£":
            return format_money(value)
        text = format_number(value)
        if unit == "%":
            return f"{text} %"
        return f"{text} {singular_unit(unit) if value == 1 else unit}" if unit else text
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_day(date.fromisoformat(value))
        except ValueError:
            pass
    return str(value)


def count(number: int, noun: str, plural: str | None = None) -> str:
    """`1 week`, `3 weeks`, `1,204 weeks`."""
    word = noun if number == 1 else (plural or noun + "s")
    return f"{number:,} {word}"


EVENT_TITLES = {
    "create": "first recorded",
    "amend": "amended",
    "delete": "deleted (kept here in its history)",
    "restore": "recorded again after being deleted",
}


def describe_event(
    event: HistoryEvent,
    fields: dict[str, FieldInfo],
    hidden: tuple[str, ...] = (),
    longest_value: int | None = None,
) -> tuple[str, list[str]]:
    """What a history event says: a title, and a line a field (`Label: old → new` for an
    amendment, `Label: value` otherwise). Values longer than `longest_value` are cut short."""

    def value(field: str, raw: Any) -> str:
        text = format_value(fields.get(field), raw)
        if longest_value is not None and len(text) > longest_value:
            text = text[: longest_value - 1].replace("\n", " ") + "…"
        return text

    lines = []
    for change in event.changes:
        if change.field in hidden:
            continue
        label = fields[change.field].label if change.field in fields else change.field
        if event.action == "amend":
            lines.append(
                f"{label}: {value(change.field, change.old)} → {value(change.field, change.new)}"
            )
        else:
            lines.append(f"{label}: {value(change.field, change.new)}")
    return EVENT_TITLES.get(event.action, event.action), lines
