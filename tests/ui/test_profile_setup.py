"""Setting up the profile: the first-run dialog and the Settings page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.small_screens import (
    LAPTOP,
    LAPTOP_AT_150,
    SMALL_LAPTOP,
    on_screen,
    seen_whole_in,
    stand_in_screen,
)
from workdiary.domain.errors import DiaryReadOnly, InvalidInput
from workdiary.domain.records import PROFILE_FIELDS, Profile
from workdiary.storage import Diary
from workdiary.ui.first_run import FirstRunDialog
from workdiary.ui.profile_form import ProfileForm
from workdiary.ui.settings_page import SettingsPage


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as opened:
        yield opened


def test_the_form_reads_back_what_was_typed(qtbot: QtBot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.edit("name").setText("Rhiannon Llŷr")
    form.edit("hourly_rate").setText("19.87")
    form.edit("supervision_interval_weeks").setText("4")
    form.edit("contracted_hours").setText("")
    profile = form.profile()
    assert profile == Profile(
        name="Rhiannon Llŷr", hourly_rate=19.87, supervision_interval_weeks=4, contracted_hours=37
    )


def test_the_form_shows_every_problem_at_once_by_its_field(qtbot: QtBot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.show()
    form.edit("threshold_pct").setText("20")  # a number, out of range
    form.edit("run_weeks").setText("four")  # not a number at all
    with pytest.raises(InvalidInput) as raised:
        form.profile()
    assert {problem.field for problem in raised.value.problems} == {"threshold_pct", "run_weeks"}
    threshold_problem = form.findChild(QLabel, "threshold_pct_problem")
    run_problem = form.findChild(QLabel, "run_weeks_problem")
    assert threshold_problem is not None and run_problem is not None
    assert threshold_problem.isVisible() and run_problem.isVisible()
    assert threshold_problem.text().startswith("⚠") and "between 50 and 400" in (
        threshold_problem.text()
    )
    assert run_problem.text().startswith("⚠") and "must be a number" in run_problem.text()
    assert form.focusWidget() is form.edit("threshold_pct")  # the first, from the top
    assert "between 50 and 400" in form.edit("threshold_pct").accessibleDescription()

    form.edit("run_weeks").setText("4")
    with pytest.raises(InvalidInput, match="between 50 and 400"):
        form.profile()
    assert threshold_problem.isVisible() and not run_problem.isVisible()


def test_first_run_saves_the_profile(qtbot: QtBot, diary: Diary) -> None:
    dialog = FirstRunDialog(diary, ScriptedMessages())
    qtbot.addWidget(dialog)
    dialog.form.edit("name").setText("Rhiannon Llŷr")
    dialog.form.edit("role").setText("Probation Officer")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert diary.has_profile()
    assert diary.profile().name == "Rhiannon Llŷr"


def test_first_run_with_a_bad_value_stays_open_and_saves_nothing(
    qtbot: QtBot, diary: Diary
) -> None:
    dialog = FirstRunDialog(diary, ScriptedMessages())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.edit("contracted_hours").setText("90")
    dialog.save_button.click()
    assert dialog.isVisible() and not diary.has_profile()


def test_first_run_does_not_save_over_a_profile_set_meanwhile_without_asking(
    qtbot: QtBot, diary: Diary
) -> None:
    messages = ScriptedMessages(answers=[False])
    dialog = FirstRunDialog(diary, messages)
    qtbot.addWidget(dialog)
    dialog.show()
    diary.save_profile(Profile(name="Rhiannon Llŷr", contracted_hours=30))  # `profile set`
    dialog.form.edit("name").setText("Rhian <Llŷr> & Co")
    dialog.save_button.click()
    assert "Contracted hours: (empty) → 30 hours a week" in messages.texts("confirm")
    assert dialog.isVisible() and diary.profile().name == "Rhiannon Llŷr"
    assert dialog.form.edit("name").text() == "Rhian <Llŷr> & Co"

    messages.answers = [True]
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert diary.profile() == Profile(name="Rhian <Llŷr> & Co")


@pytest.mark.parametrize("text_size", [1.0, 2.5])
def test_first_run_shows_its_buttons_and_scrolls_only_when_the_screen_is_too_small(
    qtbot: QtBot, diary: Diary, text_size: float
) -> None:
    dialog = FirstRunDialog(diary, ScriptedMessages())
    qtbot.addWidget(dialog)
    font = dialog.font()
    font.setPointSizeF(font.pointSizeF() * text_size)
    dialog.setFont(font)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height()
    for button in (dialog.save_button, dialog.skip_button):
        assert button.isVisible()
        assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    assert (scroll.verticalScrollBar().maximum() > 0) == (text_size > 1)


def open_set_up(qtbot: QtBot, diary: Diary, messages: ScriptedMessages) -> FirstRunDialog:
    dialog = FirstRunDialog(diary, messages)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: on_screen(dialog))
    return dialog


def problem_line(dialog: FirstRunDialog, field: str) -> QLabel:
    label = dialog.form.findChild(QLabel, f"{field}_problem")
    assert label is not None
    return label


def type_two_mistakes_and_press_enter(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    dialog.form.edit("contracted_hours").setText("37,5")
    dialog.form.edit("supervision_interval_weeks").setText("monthly")
    dialog.form.edit("supervision_interval_weeks").setFocus()
    qtbot.keyClick(dialog.form.edit("supervision_interval_weeks"), Qt.Key.Key_Return)


@pytest.mark.parametrize(("available", "frame"), [SMALL_LAPTOP, LAPTOP_AT_150])
def test_first_run_lies_wholly_on_a_small_screen_and_its_form_scrolls_above_its_buttons(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    diary: Diary,
    available: QRect,
    frame: QMargins,
) -> None:
    stand_in_screen(monkeypatch, available, frame)
    dialog = open_set_up(qtbot, diary, ScriptedMessages())
    assert on_screen(dialog)
    for button in (dialog.save_button, dialog.skip_button):
        assert seen_whole_in(button, dialog)
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0
    # The last box, reached from the keyboard, is in sight with the lines under it.
    last = dialog.form.edit("supervision_interval_weeks")
    last.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: seen_whole_in(last, dialog))
    assert on_screen(dialog) and seen_whole_in(dialog.save_button, dialog)


def test_first_run_shows_every_problem_at_once_and_puts_the_cursor_in_the_first(
    qtbot: QtBot, diary: Diary
) -> None:
    dialog = open_set_up(qtbot, diary, ScriptedMessages())
    type_two_mistakes_and_press_enter(qtbot, dialog)
    contracted = problem_line(dialog, "contracted_hours")
    supervision = problem_line(dialog, "supervision_interval_weeks")
    assert contracted.isVisibleTo(dialog) and supervision.isVisibleTo(dialog)
    assert "use a full stop for the decimal point" in contracted.text()
    # The message names the field so that it reads as a sentence.
    assert "Supervision interval must be a number" in supervision.text()
    assert "'monthly'" in supervision.text()
    assert dialog.focusWidget() is dialog.form.edit("contracted_hours")
    assert dialog.problems_line.isVisible()
    assert dialog.problems_line.text() == (
        "⚠ Nothing was saved: please check the 2 fields marked ⚠."
    )
    assert dialog.isVisible() and not diary.has_profile()


def test_with_room_on_the_screen_first_run_grows_to_show_every_problem_without_scrolling(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, diary: Diary
) -> None:
    stand_in_screen(monkeypatch, *LAPTOP)
    dialog = open_set_up(qtbot, diary, ScriptedMessages())
    type_two_mistakes_and_press_enter(qtbot, dialog)
    fields = ("contracted_hours", "supervision_interval_weeks")
    qtbot.waitUntil(
        lambda: all(
            seen_whole_in(problem_line(dialog, field), dialog)
            and seen_whole_in(dialog.form.edit(field), dialog)
            for field in fields
        )
    )
    # Nothing of the form is out of sight, above or below.
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().maximum() == 0
    assert on_screen(dialog) and seen_whole_in(dialog.save_button, dialog)


def test_on_a_small_screen_a_box_reached_with_tab_comes_into_sight_with_its_problem(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, diary: Diary
) -> None:
    stand_in_screen(monkeypatch, *SMALL_LAPTOP)
    dialog = open_set_up(qtbot, diary, ScriptedMessages())
    type_two_mistakes_and_press_enter(qtbot, dialog)
    contracted = problem_line(dialog, "contracted_hours")
    qtbot.waitUntil(lambda: seen_whole_in(contracted, dialog))
    assert seen_whole_in(dialog.form.edit("contracted_hours"), dialog)
    supervision = dialog.form.edit("supervision_interval_weeks")
    while dialog.focusWidget() is not supervision:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: seen_whole_in(problem_line(dialog, "supervision_interval_weeks"), dialog)
    )
    assert seen_whole_in(supervision, dialog)


@pytest.mark.parametrize("text_size", [1.0, 1.5])
def test_the_lines_under_each_box_keep_their_room_when_a_problem_is_shown(
    qtbot: QtBot, diary: Diary, text_size: float
) -> None:
    dialog = FirstRunDialog(diary, ScriptedMessages())
    qtbot.addWidget(dialog)
    font = dialog.font()
    font.setPointSizeF(font.pointSizeF() * text_size)
    dialog.setFont(font)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_two_mistakes_and_press_enter(qtbot, dialog)
    form = dialog.form

    def placed(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(form, QPoint(0, 0)), widget.size())

    def lines_whole_and_apart() -> bool:
        labels = [label for label in form.findChildren(QLabel) if label.isVisibleTo(form)]
        boxes = [box for box in form.findChildren(QLineEdit) if box.isVisibleTo(form)]
        if any(
            label.wordWrap() and label.height() < label.heightForWidth(label.width())
            for label in labels
        ):
            return False  # a line of it cut off
        shown = [placed(widget) for widget in [*labels, *boxes]]
        return not any(
            one.intersects(other) for index, one in enumerate(shown) for other in shown[:index]
        )

    qtbot.waitUntil(lines_whole_and_apart)


def test_first_run_can_be_skipped(qtbot: QtBot, diary: Diary) -> None:
    dialog = FirstRunDialog(diary, ScriptedMessages())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rejected):
        dialog.skip_button.click()
    assert not diary.has_profile()


def test_settings_save_and_say_so(qtbot: QtBot, diary: Diary) -> None:
    page = SettingsPage(diary, ScriptedMessages())
    qtbot.addWidget(page)
    page.form.edit("threshold_pct").setText("120")
    with qtbot.waitSignal(page.saved):
        assert page.save()
    assert diary.profile().threshold_pct == 120
    assert "Saved" in page.status.text()
    assert page.save() and page.status.text() == "Nothing changed."


def test_settings_saved_again_say_what_changed(qtbot: QtBot, diary: Diary) -> None:
    page = SettingsPage(diary, ScriptedMessages())
    qtbot.addWidget(page)
    page.form.edit("threshold_pct").setText("120")
    assert page.save()
    page.form.edit("threshold_pct").setText("115")
    page.form.edit("team").setText("Caerdydd & Fro <East>")
    assert page.save()
    said = page.status.text()
    assert "Capacity threshold: 120 % → 115 %" in said
    assert "Team or office: (empty) → Caerdydd & Fro <East>" in said
    assert "The earlier settings stay in the diary's history." in said
    # Not a fact of one week: every week's flags change with it, and the officer is told.
    assert said.endswith(
        "History, the other pages and the evidence packs made from now on measure the whole "
        "diary by the new figure, the past included; nothing recorded is changed."
    )

    page.form.edit("team").setText("Abertawe")
    assert page.save()
    assert page.status.text().endswith("The earlier settings stay in the diary's history.")


def test_settings_typed_since_the_last_save_say_they_are_not_saved_yet(
    qtbot: QtBot, diary: Diary
) -> None:
    page = SettingsPage(diary, ScriptedMessages())
    qtbot.addWidget(page)
    page.form.edit("threshold_pct").setText("120")
    assert page.save() and page.status.text().startswith("Saved")
    qtbot.keyClicks(page.form.edit("name"), "Sian")  # typed, as a user would
    assert page.status.text().startswith("Not saved yet.")
    qtbot.keyClick(page.form.edit("name"), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.form.edit("name"), Qt.Key.Key_Delete)  # typed away again
    assert page.status.text().startswith("Saved")
    # A save refused for a figure says so, until the figure is typed again.
    page.form.edit("threshold_pct").setText("lots")
    assert not page.save()
    assert page.status.text() == "⚠ Nothing was saved: please check what is marked ⚠."
    qtbot.keyClicks(page.form.edit("threshold_pct"), "0")
    assert page.status.text().startswith("Not saved yet.")


def test_settings_changed_by_a_command_since_they_were_opened_are_saved_over_only_if_asked(
    qtbot: QtBot, diary: Diary
) -> None:
    diary.save_profile(Profile(name="Rhiannon Llŷr"))
    messages = ScriptedMessages(answers=[False])
    page = SettingsPage(diary, messages)
    qtbot.addWidget(page)
    diary.save_profile(Profile(name="Rhiannon Llŷr", contracted_hours=30))  # `profile set`
    page.form.edit("threshold_pct").setText("120")

    assert not page.save()
    assert "Contracted hours: 37 hours a week → 30 hours a week" in messages.texts("confirm")
    assert diary.profile().threshold_pct == 110
    assert page.form.edit("threshold_pct").text() == "120"

    messages.answers = [True]
    with qtbot.waitSignal(page.saved):
        assert page.save()
    assert diary.profile() == Profile(name="Rhiannon Llŷr", threshold_pct=120)
    assert page.save() and page.status.text() == "Nothing changed."  # and nothing asked


def test_settings_that_cannot_be_written_keep_what_was_typed(
    qtbot: QtBot, diary: Diary, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = ScriptedMessages()
    page = SettingsPage(diary, messages)
    qtbot.addWidget(page)
    page.form.edit("name").setText("Rhiannon Llŷr")

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise DiaryReadOnly("Work Diary cannot write to the diary: the folder is read-only.")

    monkeypatch.setattr(diary, "save_profile", read_only)
    assert not page.save()
    assert "read-only" in messages.texts("error")
    assert page.form.edit("name").text() == "Rhiannon Llŷr"


def test_every_box_has_its_own_alt_letter_clear_of_the_menus_and_buttons(
    qtbot: QtBot, diary: Diary
) -> None:
    """The supervision interval is Alt+I away, not seven presses of Tab."""
    dialog = FirstRunDialog(diary, ScriptedMessages())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    taken = {"f", "g", "h", "s", "k"}  # File, Go, Help; Save and start, Skip for now
    letters = set()
    for label in dialog.findChildren(QLabel):
        box = label.buddy()
        if not isinstance(box, QLineEdit):
            continue
        letter = label.text().split("&")[1][0].lower()
        assert letter not in taken | letters, label.text()
        letters.add(letter)
        qtbot.keyClick(dialog, letter, Qt.KeyboardModifier.AltModifier)
        assert box.hasFocus(), label.text()
    assert len(letters) == len(PROFILE_FIELDS)
