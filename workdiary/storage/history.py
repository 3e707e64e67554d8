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
    """Oldest first. A deletion lists no changes: the values it removed are in the event before.
    A record logged again after being deleted lists what it holds, as when first recorded: set
    against the deleted values, a field it holds unchanged would not be shown at all."""
    events = []
    previous: dict[str, Any] | None = None
    for entry in entries:
        values = entry.values
        if entry.action == "delete":
            changes = []
        else:
            since = None if entry.action == "restore" else previous
            changes = changes_between(since, values, fields)
        # A concern's answer recorded, or the concern closed, is said as such, not "amended".
        title = (
            concern_change_title(previous, values)
            if entry.entity == "concerns" and entry.action == "amend" and previous is not None
            else None
        )
        events.append(HistoryEvent(entry.moment, entry.action, changes, title))
        previous = values
    return events
