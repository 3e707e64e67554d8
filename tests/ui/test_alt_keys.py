"""Every button a keyboard user can reach on a page answers to Alt and a letter of its own: no
letter is another's on the same page, nor a menu's in the window's menu bar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.clock import Clock
from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.windows import focused, shown_active
from workdiary.domain.dates import week_commencing
from workdiary.domain.records import Week
from workdiary.storage import Diary
from workdiary.ui.main_window import PAGE_NAMES, THIS_WEEK, MainWindow

# Buttons whose key is not a letter. The busiest forms have more to reach than the alphabet has
# letters to spare, and these have keys of their own, the same on every page, which their tooltips
# name: going back and forward as in a web browser, and every page's key for a record's history.
KEYS_NOT_LETTERS = {
    "← Previous week": "Alt+Left",
    "Next week →": "Alt+Right",
    "Show history…": "Ctrl+H",
}


def mnemonic(text: str) -> str | None:
    """The letter after `&` in a label's or button's text (Alt+that letter), if any."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def open_window(qtbot: QtBot, diary: Diary, messages: ScriptedMessages, path: Path) -> MainWindow:
    settings = QSettings(str(path / "window.ini"), QSettings.Format.IniFormat)
    return shown_active(qtbot, MainWindow(diary, messages, settings), 1024, 600)


def with_letters(window: MainWindow, page: QWidget) -> list[QLabel | QAbstractButton]:
    """The labels and buttons of `page` in the window, shown now or once the page shows more (a
    deleted record, an answered concern, dates of one's own); not those of a dialog or calendar,
    whose letters work only while it is open."""
    widgets: list[QLabel | QAbstractButton] = [
        *page.findChildren(QLabel),
        *page.findChildren(QAbstractButton),
    ]
    return [widget for widget in widgets if widget.window() is window]


@pytest.mark.parametrize("index", list(PAGE_NAMES), ids=list(PAGE_NAMES.values()))
def test_every_button_on_a_page_has_an_alt_letter_no_other_control_or_menu_there_has(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path, index: int
) -> None:
    window = open_window(qtbot, diary, messages, tmp_path)
    window.show_page(index)
    page = window.pages.currentWidget()
    widgets = with_letters(window, page)

    menus = [mnemonic(action.text()) for action in window.menuBar().actions()]
    assert menus == ["f", "g", "h"]  # File, Go, Help
    owners: dict[str, list[str]] = {}
    for text in [widget.text() for widget in widgets] + [
        action.text() for action in window.menuBar().actions()
    ]:
        if (letter := mnemonic(text)) is not None:
            owners.setdefault(letter, []).append(text)
    assert {letter: texts for letter, texts in owners.items() if len(texts) > 1} == {}

    buttons = [
        widget
        for widget in widgets
        if isinstance(widget, QPushButton | QCheckBox)
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert buttons
    without = [
        button.text()
        for button in buttons
        if mnemonic(button.text()) is None and button.text() not in KEYS_NOT_LETTERS
    ]
    assert without == []
    for button in buttons:
        if button.text() in KEYS_NOT_LETTERS:
            assert KEYS_NOT_LETTERS[button.text()] in button.toolTip()


def test_alt_t_asks_before_deleting_the_week_shown(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages, clock: Clock, tmp_path: Path
) -> None:
    monday = week_commencing(clock.now.date())
    diary.weeks.save(Week(monday, capacity_pct=118.0))
    window = open_window(qtbot, diary, messages, tmp_path)
    window.show_page(THIS_WEEK)
    editor = window.editor
    assert editor.current_week() == monday and editor.delete_button.isEnabled()

    messages.answers = [False]  # keep it
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(messages.said))
    assert messages.said[-1].title.startswith("Delete")
    assert diary.weeks.get(monday.isoformat()) is not None
    assert window.menuBar().activeAction() is None
