"""A clock for tests: it reads whatever the test last set, so "when" is under the test's control."""

from __future__ import annotations

from datetime import UTC, datetime

# A Friday afternoon, when an officer would log the week commencing Mon 16 Nov 2026.
FRIDAY_AFTERNOON = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand (`clock.now += timedelta(days=1)`)."""

    def __init__(self, now: datetime = FRIDAY_AFTERNOON) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
