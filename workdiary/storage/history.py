"""Building a record's history from its audit entries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from workdiary.domain.concern_story import concern_change_title
from workdiary.domain.history import HistoryEvent, changes_between
from workdiary.storage.audit import AuditEntry


def history_from_entries(
    entries: Iterable[AuditEntry], fields: Sequence[str]
) -> list[HistoryEvent]:
    """Oldest first. A deletion lists no changes: the values it removed are in the event before."""
    events = []
    previous: dict[str, Any] | None = None
    for entry in entries:
        values = entry.values
        changes = [] if entry.action == "delete" else changes_between(previous, values, fields)
        # A concern's answer recorded, or the concern closed, is said as such, not "amended".
        title = (
            concern_change_title(previous, values)
            if entry.entity == "concerns" and entry.action == "amend" and previous is not None
            else None
        )
        events.append(HistoryEvent(entry.moment, entry.action, changes, title))
        previous = values
    return events
