"""Fixtures the window's tests share: a diary on a hand-moved clock, and scripted messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.clock import Clock
from tests.ui.scripted_messages import ScriptedMessages
from workdiary.storage import Diary


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def diary(diary_path: Path, clock: Clock) -> Iterator[Diary]:
    """A new diary in the test's own data folder, on the test's clock."""
    diary_path.parent.mkdir(parents=True, exist_ok=True)
    with Diary.open(diary_path, clock) as opened:
        yield opened


@pytest.fixture
def messages() -> ScriptedMessages:
    return ScriptedMessages()
