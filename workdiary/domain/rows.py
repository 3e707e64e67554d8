"""Records as the diary stores them and back: dates as ISO text, choices by their names, yes/no as
1/0. Pure, so storage, the packs and the command line's JSON all use the one conversion."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any, TypeVar

R = TypeVar("R")


_FIELD_TYPES: dict[type, dict[str, Any]] = {}


def _field_types(record_type: type) -> dict[str, Any]:
    """Each field's underlying type, with `| None` taken off (worked out once per record type)."""
    types = _FIELD_TYPES.get(record_type)
    if types is None:
        types = {}
        for name, hint in typing.get_type_hints(record_type).items():
            args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            types[name] = args[0] if args else hint
        _FIELD_TYPES[record_type] = types
    return types


_WRITERS: dict[type, list[tuple[str, bool]]] = {}


def _writers(record_type: type) -> list[tuple[str, bool]]:
    """Each field's name, and whether it holds a float (worked out once per record type: a pack
    writes every record of the period)."""
    writers = _WRITERS.get(record_type)
    if writers is None:
        kinds = _field_types(record_type)
        writers = [
            (field.name, kinds[field.name] is float) for field in dataclasses.fields(record_type)
        ]
        _WRITERS[record_type] = writers
    return writers


def to_row(record: object) -> dict[str, Any]:
    """The record's fields as SQLite and JSON both hold them."""
    row: dict[str, Any] = {}
    for name, holds_float in _writers(type(record)):
        value = getattr(record, name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, bool):
            value = int(value)
        elif holds_float and isinstance(value, int):
            # A REAL column gives back 44.0 for 44: store what it will give back.
            value = float(value)
        row[name] = value
    return row


Converter = Callable[[Any], Any]
_READERS: dict[type, list[tuple[str, Converter | None]]] = {}


def _readers(record_type: type) -> list[tuple[str, Converter | None]]:
    """For each field, how to turn a stored value back into the record's (None: as it is).
    Worked out once per record type: History reads hundreds of rows when it opens."""
    readers = _READERS.get(record_type)
    if readers is None:
        readers = []
        for name, kind in _field_types(record_type).items():
            converter: Converter | None = None
            if kind is date:
                converter = date.fromisoformat
            elif isinstance(kind, type) and issubclass(kind, Enum | bool | float):
                converter = kind
            readers.append((name, converter))
        _READERS[record_type] = readers
    return readers


def from_row(record_type: type[R], row: dict[str, Any]) -> R:
    """The record a row holds; columns that are not fields of the record are ignored."""
    values: dict[str, Any] = {}
    for name, converter in _readers(record_type):
        value = row.get(name)
        values[name] = converter(value) if converter is not None and value is not None else value
    return record_type(**values)


def record_fields(record_type: type) -> list[str]:
    return [field.name for field in dataclasses.fields(record_type)]
