"""The first-run set-up dialog: closing it never throws typing away without asking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.scripted_messages import ScriptedMessages
from workdiary.storage import Diary
from workdiary.ui.first_run import FirstRunDialog


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as opened:
        yield opened


def open_set_up(qtbot: QtBot, diary: Diary, messages: ScriptedMessages) -> FirstRunDialog:
    dialog = FirstRunDialog(diary, messages)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_esc_skip_or_close_after_typing_asks_and_keeps_the_typing(
    qtbot: QtBot, diary: Diary
) -> None:
    messages = ScriptedMessages(answers=[False, False, False])  # "Keep editing", the default
    dialog = open_set_up(qtbot, diary, messages)
    skipped: list[int] = []
    dialog.rejected.connect(lambda: skipped.append(1))
    dialog.form.edit("name").setText("Rhiannon Llŷr")
    dialog.form.edit("role").setText("Probation Officer")

    qtbot.keyClick(dialog.form.edit("role"), Qt.Key.Key_Escape)
    dialog.skip_button.click()
    assert not dialog.close()  # the window's close button
    assert [said.title for said in messages.said] == ["Close without saving?"] * 3
    assert "What you typed will be lost" in messages.texts("confirm")
    assert dialog.isVisible() and skipped == []
    assert dialog.form.edit("name").text() == "Rhiannon Llŷr"
    assert dialog.form.edit("role").text() == "Probation Officer"

    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()  # what was kept can still be saved
    assert diary.profile().name == "Rhiannon Llŷr"


def test_closing_without_saving_when_the_user_says_so(qtbot: QtBot, diary: Diary) -> None:
    messages = ScriptedMessages(answers=[True])  # "Close without saving"
    dialog = open_set_up(qtbot, diary, messages)
    dialog.form.edit("contracted_hours").setText("30")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.form.edit("contracted_hours"), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not diary.has_profile()


def test_with_nothing_typed_esc_skips_at_once(qtbot: QtBot, diary: Diary) -> None:
    messages = ScriptedMessages()  # any question fails the test
    dialog = open_set_up(qtbot, diary, messages)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.form.edit("name"), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and messages.said == []
