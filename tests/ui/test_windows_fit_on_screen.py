"""Every window Work Diary sizes lies wholly on its screen, frame and all, on a small laptop and
at large text; where there is room it is as large as it was made to be."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.small_screens import (
    LAPTOP_AT_150,
    MONITOR,
    SMALL_LAPTOP,
    on_screen,
    seen_whole_in,
    stand_in_screen,
)
from workdiary.domain.records import Profile
from workdiary.storage import Diary
from workdiary.ui.main_window import FIRST_SIZE, MainWindow
from workdiary.ui.screen import resize_within_screen


@pytest.fixture
def open_main_window(qtbot: QtBot, private_data_dir: Path) -> Iterator[Callable[[], MainWindow]]:
    """Opens the main window as the app does, for the first time, on a diary with a profile (so
    without the set-up); closes what it opened."""
    private_data_dir.mkdir(parents=True, exist_ok=True)
    diaries: list[Diary] = []

    def opener() -> MainWindow:
        diary = Diary.open(private_data_dir / "diary.db")
        diaries.append(diary)
        diary.save_profile(Profile(name="Rhiannon Llŷr"))
        settings = QSettings(str(private_data_dir / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(diary, ScriptedMessages(), settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield opener
    for diary in diaries:
        diary.close()


@pytest.mark.parametrize(("available", "frame"), [SMALL_LAPTOP, LAPTOP_AT_150])
def test_the_main_window_first_opens_wholly_on_a_small_screen_with_its_status_bar_in_sight(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    open_main_window: Callable[[], MainWindow],
    available: QRect,
    frame: QMargins,
) -> None:
    stand_in_screen(monkeypatch, available, frame)
    window = open_main_window()
    qtbot.waitUntil(lambda: on_screen(window))
    assert seen_whole_in(window.statusBar(), window)
    # As large as the screen lets it be: it was made larger than this screen both ways.
    assert FIRST_SIZE.width() > available.width() and FIRST_SIZE.height() > available.height()
    qtbot.waitUntil(lambda: window.frameGeometry().size() == available.size())


def test_with_room_on_the_screen_the_main_window_opens_at_its_full_size(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, open_main_window: Callable[[], MainWindow]
) -> None:
    stand_in_screen(monkeypatch, *MONITOR)
    window = open_main_window()
    qtbot.waitUntil(lambda: on_screen(window))
    qtbot.wait(50)  # time to be fitted again, were it going to be
    assert window.size() == FIRST_SIZE


def test_before_its_frame_is_known_a_window_leaves_room_for_a_title_bar(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    available, _frame = SMALL_LAPTOP
    stand_in_screen(monkeypatch, *SMALL_LAPTOP)
    window = QWidget()
    qtbot.addWidget(window)
    resize_within_screen(window, 1100, 720)
    title_bar = 30  # as tall as most window managers draw one
    assert window.height() + title_bar <= available.height()
    assert window.width() <= available.width()


def test_a_window_already_on_screen_that_grows_stays_wholly_on_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    available, _frame = SMALL_LAPTOP
    stand_in_screen(monkeypatch, *SMALL_LAPTOP)
    window = QWidget()
    qtbot.addWidget(window)
    resize_within_screen(window, 400, 300)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: on_screen(window))
    window.move(QPoint(500, 250))  # moved by the user towards the bottom right
    qtbot.waitUntil(lambda: window.frameGeometry().topLeft() == QPoint(500, 250))
    resize_within_screen(window, 700, 500)
    qtbot.waitUntil(lambda: on_screen(window))
    # Moved no further than it had to be, at the size asked for.
    assert window.frameGeometry().bottomRight() == available.bottomRight()
    assert window.size() == QSize(700, 500)
