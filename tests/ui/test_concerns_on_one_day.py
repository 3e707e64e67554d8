"""Several concerns raised on one day are ordinary (an email, then a word in supervision): unlike
a second supervision session on a day, saving another is not questioned."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.windows import shown_active
from workdiary.domain.records import Concern, ConcernChannel
from workdiary.storage import Diary
from workdiary.ui.concerns_page import ConcernsPage


def test_another_concern_on_a_day_that_has_one_is_saved_without_a_question(
    qtbot: QtBot, diary: Diary, messages: ScriptedMessages
) -> None:
    day = date(2026, 11, 16)
    diary.concerns.save(Concern(day, "SPO", ConcernChannel.EMAIL, "Asked for a review."))
    page = shown_active(qtbot, ConcernsPage(diary, messages))
    page.new_record()
    for field, text in {"raised_on": "16/11/2026", "raised_with": "SPO"}.items():
        box = page.box(field)
        assert isinstance(box, QLineEdit)
        box.setText(text)
    summary = page.box("summary")
    assert isinstance(summary, QPlainTextEdit)
    summary.setPlainText("Said it again in supervision.")
    assert page.save()
    assert messages.said == []  # no question was scripted, and none was asked
    assert [entry.record.raised_on for entry in diary.concerns.all()] == [day, day]
