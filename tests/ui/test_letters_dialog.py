"""Writing the letters from the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.scripted_messages import ScriptedMessages
from workdiary.domain.dates import format_day, week_commencing
from workdiary.domain.records import ConcernChannel, Profile, Week
from workdiary.evidence.letters import DEMONSTRATION_LETTER
from workdiary.storage import Diary
from workdiary.ui.letters_dialog import ACCESS_REQUEST, NOTICE, LetterDialog
from workdiary.ui.main_window import MainWindow

THIS_WEEK = week_commencing(date.today())


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as opened:
        for back, capacity in enumerate((128.5, 121.0, 117.0, 100.0)):
            opened.weeks.save(
                Week(THIS_WEEK - timedelta(weeks=back), capacity, hours_worked=44, unpaid_hours=7)
            )
        yield opened


def test_the_preview_shows_the_diarys_figures_and_the_officers_words(
    qtbot: QtBot, diary: Diary
) -> None:
    dialog = LetterDialog(diary, ScriptedMessages(), NOTICE)
    qtbot.addWidget(dialog)
    assert dialog.focusWidget() is dialog.health  # the officer's own words come first
    assert "128.5 %" in dialog.preview.toPlainText()
    assert "3 consecutive weeks" in dialog.preview.toPlainText()
    dialog.health.setPlainText("Cwsg gwael; ŵ ŷ < & >")
    assert "Cwsg gwael; ŵ ŷ < & >" in dialog.preview.toPlainText()


def test_the_letter_opens_within_the_screen_with_its_buttons_in_reach(
    qtbot: QtBot, diary: Diary
) -> None:
    dialog = LetterDialog(diary, ScriptedMessages(), NOTICE)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    # Sized for 150 characters a line, wider than the small test screen (as at 200 % text).
    assert dialog.fontMetrics().averageCharWidth() * 150 > screen.width()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    button = dialog.save_button
    assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))


def test_saving_writes_the_pdf_and_logs_the_notice(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    messages = ScriptedMessages()
    dialog = LetterDialog(diary, messages, NOTICE)
    qtbot.addWidget(dialog)
    dialog.health.setPlainText("I am exhausted.")
    with qtbot.waitSignal(dialog.written):
        written = dialog.save_to(tmp_path / "notice.pdf")
    assert written is not None and written.pdf_path.exists() and written.text_path.exists()
    [logged] = diary.concerns.all()
    assert logged.record.channel is ConcernChannel.FORESEEABILITY_NOTICE
    assert written.sha256 in logged.record.summary
    assert "notice.pdf" in messages.texts("information")


def test_identifiers_are_asked_about_and_going_back_writes_nothing(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    messages = ScriptedMessages(answers=[False])
    dialog = LetterDialog(diary, messages, NOTICE)
    qtbot.addWidget(dialog)
    dialog.health.setPlainText("Since the SFO on X123456 I cannot sleep.")
    assert dialog.save_to(tmp_path / "notice.pdf") is None
    assert "case reference" in messages.texts("confirm")
    assert not (tmp_path / "notice.pdf").exists() and diary.concerns.all() == []


def test_a_clock_reading_before_the_last_entry_is_asked_about_after_identifiers(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    diary.clock = lambda: datetime.now(UTC) - timedelta(days=2)
    messages = ScriptedMessages(answers=[True, False])  # identifiers: go on; clock: go back
    dialog = LetterDialog(diary, messages, NOTICE)
    qtbot.addWidget(dialog)
    dialog.health.setPlainText("Since the SFO on X123456 I cannot sleep.")
    assert dialog.save_to(tmp_path / "notice.pdf") is None
    assert [said.title for said in messages.said] == [
        "Check before saving",
        "Check your computer's clock",
    ]
    assert not (tmp_path / "notice.pdf").exists() and diary.concerns.all() == []

    messages.answers = [True, True]
    with qtbot.waitSignal(dialog.written):
        assert dialog.save_to(tmp_path / "notice.pdf") is not None
    assert len(diary.concerns.all()) == 1


def test_an_access_request_period_that_ends_before_it_starts_cannot_be_saved(
    qtbot: QtBot, diary: Diary
) -> None:
    dialog = LetterDialog(diary, ScriptedMessages(), ACCESS_REQUEST)
    qtbot.addWidget(dialog)
    assert "one calendar month" in dialog.preview.toPlainText()
    dialog.first_day.setText("01/06/2026")
    dialog.last_day.setText("01/01/2026")
    assert not dialog.save_button.isEnabled()
    assert "before it starts" in dialog.problem.text()
    dialog.last_day.setText("31/10/2026")
    assert dialog.save_button.isEnabled()
    assert "Mon 01 Jun 2026 to Sat 31 Oct 2026" in dialog.preview.toPlainText()


def test_the_notice_says_what_the_history_page_shows(qtbot: QtBot, tmp_path: Path) -> None:
    from workdiary.domain.formatting import format_number
    from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, fill_sample_diary
    from workdiary.ui.history_model import Column
    from workdiary.ui.history_page import HistoryPage

    path = tmp_path / "sample" / "diary.db"
    fill_sample_diary(path, SAMPLE_LAST_WEEK_FOR_TESTS)
    with Diary.open(path) as sample:
        history = HistoryPage(sample)
        qtbot.addWidget(history)
        model = history.model
        logged = [row for row in range(model.rowCount()) if model.line_at(row).entry is not None]
        latest = logged[0]
        shown = model.index(latest, Column.CAPACITY).data()
        monday = model.index(latest, Column.WEEK).data()
        last_4 = [model.line_at(row) for row in range(latest, latest + 4)]
        unpaid = sum(
            line.entry.record.unpaid_hours or 0 for line in last_4 if line.entry is not None
        )
        dialog = LetterDialog(sample, ScriptedMessages(), NOTICE)
        qtbot.addWidget(dialog)
        letter = " ".join(dialog.preview.toPlainText().split())
    assert f"My latest WMT capacity figure is {shown}, for the week commencing {monday}" in letter
    assert f"I worked {format_number(unpaid)} unpaid hours in the last 4 weeks" in letter


@pytest.mark.parametrize("kind", [NOTICE, ACCESS_REQUEST])
def test_a_letter_of_the_sample_diary_is_shown_as_a_demonstration_before_it_is_saved(
    qtbot: QtBot, diary: Diary, kind: str, tmp_path: Path
) -> None:
    """The preview, the text copied and the PDF saved all say it, and a real diary's do not."""
    real = LetterDialog(diary, ScriptedMessages(), kind)
    qtbot.addWidget(real)
    assert "DEMONSTRATION" not in real.preview.toPlainText()
    diary.mark_as_sample()
    dialog = LetterDialog(diary, ScriptedMessages(), kind)
    qtbot.addWidget(dialog)
    assert dialog.preview.toPlainText().startswith(f"{DEMONSTRATION_LETTER}\n\nTo: ")
    assert dialog.preview.toPlainText() == f"{DEMONSTRATION_LETTER}\n\n{real.preview.toPlainText()}"
    dialog.copy_text()
    assert QGuiApplication.clipboard().text().startswith(DEMONSTRATION_LETTER)
    with qtbot.waitSignal(dialog.written):
        written = dialog.save_to(tmp_path / "letter.pdf")
    assert written is not None
    assert written.text_path.read_text(encoding="utf-8").startswith(DEMONSTRATION_LETTER)
    pages = PdfReader(written.pdf_path).pages
    assert all(DEMONSTRATION_LETTER in page.extract_text() for page in pages)


def open_letter(qtbot: QtBot, diary: Diary, messages: ScriptedMessages, kind: str) -> LetterDialog:
    dialog = LetterDialog(diary, messages, kind)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_esc_after_typing_asks_and_keeping_it_keeps_the_words(qtbot: QtBot, diary: Diary) -> None:
    messages = ScriptedMessages(answers=[False])  # "Keep editing", the default
    dialog = open_letter(qtbot, diary, messages, NOTICE)
    dialog.health.setPlainText("I cannot sleep; ŵ ŷ <")
    qtbot.keyClick(dialog.health, Qt.Key.Key_Escape)
    assert "What you typed will be lost" in messages.texts("confirm")
    assert dialog.isVisible() and dialog.health.toPlainText() == "I cannot sleep; ŵ ŷ <"

    messages.answers = [False]
    assert not dialog.close()  # the window's close button
    assert dialog.isVisible() and len(messages.said) == 2

    messages.answers = [True]  # "Close without saving"
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.health, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and diary.concerns.all() == []


@pytest.mark.parametrize("kind", [NOTICE, ACCESS_REQUEST])
def test_a_letter_with_nothing_typed_closes_at_once(qtbot: QtBot, diary: Diary, kind: str) -> None:
    messages = ScriptedMessages()  # any question fails the test
    dialog = open_letter(qtbot, diary, messages, kind)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and messages.said == []


def test_close_after_changing_the_access_request_period_asks(qtbot: QtBot, diary: Diary) -> None:
    messages = ScriptedMessages(answers=[False])
    dialog = open_letter(qtbot, diary, messages, ACCESS_REQUEST)
    dialog.first_day.setText("01/01/2025")
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    close.click()
    assert dialog.isVisible() and "What you typed will be lost" in messages.texts("confirm")
    assert dialog.first_day.text() == "01/01/2025"


# A letter is never written over a file already there.


def test_a_text_file_where_the_letter_would_go_is_kept_and_the_letter_too(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    important = letters / "notice.txt"
    important.write_text("important", encoding="utf-8")
    messages = ScriptedMessages()
    dialog = open_letter(qtbot, diary, messages, NOTICE)
    dialog.health.setPlainText("I cannot sleep.")
    assert dialog.save_to(letters / "notice.pdf") is None
    [said] = messages.said
    assert (said.kind, said.title) == ("error", "The letter was not saved")
    assert said.text == (
        f"There is already a file at {important}, where the letter would also be saved as text, "
        "beside the PDF. Work Diary does not write over it: it may be a file you need.\n\n"
        "Press Save as PDF… again and choose another name."
    )
    assert important.read_text(encoding="utf-8") == "important"
    assert list(letters.iterdir()) == [important] and diary.concerns.all() == []
    # The letter is still there, ready to save under another name.
    assert dialog.isVisible() and dialog.health.toPlainText() == "I cannot sleep."
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.written):
        assert dialog.save_to(letters / "notice-2.pdf") is not None
    assert important.read_text(encoding="utf-8") == "important"


def test_a_letter_already_sent_is_not_replaced_even_when_the_file_dialog_was_told_to(
    qtbot: QtBot, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = tmp_path / "notice.pdf"
    first = open_letter(qtbot, diary, ScriptedMessages(), NOTICE)
    with qtbot.waitSignal(first.written):
        written = first.save_to(sent)
    assert written is not None
    letter, text = sent.read_bytes(), written.text_path.read_bytes()

    asked: list[object] = []

    def choose_the_same_file(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(kwargs.get("options"))
        return str(sent), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_the_same_file)
    messages = ScriptedMessages()
    dialog = open_letter(qtbot, diary, messages, NOTICE)
    dialog.save_button.click()
    # The file dialog's "replace?" would cover the PDF alone: it is not asked, and saving says.
    assert asked == [QFileDialog.Option.DontConfirmOverwrite]
    assert messages.texts("error").startswith(
        f"There are already files at {sent} and {written.text_path}"
    )
    assert sent.read_bytes() == letter and written.text_path.read_bytes() == text
    [logged] = diary.concerns.all()
    assert written.sha256 in logged.record.summary and dialog.isVisible()


def test_the_name_offered_is_one_no_file_has(
    qtbot: QtBot, diary: Diary, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda _location: str(tmp_path / "Documents")
    )
    (tmp_path / "Documents").mkdir()
    dialog = open_letter(qtbot, diary, ScriptedMessages(), NOTICE)
    first = dialog.default_path()
    assert first == tmp_path / "Documents" / f"Foreseeability-notice-{date.today()}.pdf"
    with qtbot.waitSignal(dialog.written):
        dialog.save_to(first)
    again = open_letter(qtbot, diary, ScriptedMessages(), NOTICE)
    assert again.default_path() == first.with_name(f"Foreseeability-notice-{date.today()}-2.pdf")
    # A text file alone is enough for a name to be taken: the letter's text would go there.
    first.with_name(f"Foreseeability-notice-{date.today()}-2.txt").write_text("mine")
    assert again.default_path().name == f"Foreseeability-notice-{date.today()}-3.pdf"


@pytest.mark.parametrize(
    ("kind", "title"),
    [(NOTICE, "Foreseeability-notice"), (ACCESS_REQUEST, "Subject-access-request")],
)
def test_a_letter_of_the_sample_diary_is_offered_a_name_that_says_so(
    qtbot: QtBot, diary: Diary, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str,
    title: str,
) -> None:  # fmt: skip
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda _location: str(tmp_path / "Documents")
    )
    (tmp_path / "Documents").mkdir()
    real = open_letter(qtbot, diary, ScriptedMessages(), kind)
    assert real.default_path().name == f"{title}-{date.today()}.pdf"
    diary.mark_as_sample()
    dialog = open_letter(qtbot, diary, ScriptedMessages(), kind)
    assert dialog.default_path().name == f"{title}-DEMO-{date.today()}.pdf"


def test_an_access_request_cannot_ask_for_days_still_to_come(qtbot: QtBot, diary: Diary) -> None:
    dialog = open_letter(qtbot, diary, ScriptedMessages(), ACCESS_REQUEST)
    tomorrow = date.today() + timedelta(days=1)
    dialog.last_day.setText(tomorrow.strftime("%d/%m/%Y"))
    assert not dialog.save_button.isEnabled()
    assert (
        f"The period ends on {format_day(tomorrow)}, after today ({format_day(date.today())}): "
        "an access request can only ask for records up to today." in dialog.problem.text()
    )
    dialog.last_day.setText(date.today().strftime("%d/%m/%Y"))
    assert dialog.save_button.isEnabled()


# The name the letter is signed with


UNSIGNED = f"Yours sincerely,\n\nSigned: {'_' * 32}\nName: {'_' * 33}"


def test_the_profiles_name_signs_the_letter_and_another_may_be_typed(
    qtbot: QtBot, diary: Diary
) -> None:
    diary.save_profile(Profile(name="Ffion Llŷr", role="Probation Officer"))
    messages = ScriptedMessages()
    dialog = open_letter(qtbot, diary, messages, NOTICE)
    assert dialog.name.text() == "Ffion Llŷr" and not dialog.note.isVisible()
    assert dialog.preview.toPlainText().endswith(
        "Yours sincerely,\n\nFfion Llŷr\nProbation Officer\n"
    )
    dialog.name.setText("F. Llŷr")
    assert dialog.preview.toPlainText().endswith("\n\nF. Llŷr\nProbation Officer\n")
    assert dialog.has_unsaved_changes()  # a name typed is asked about like the rest
    dialog.name.setText("")
    assert dialog.preview.toPlainText().endswith(f"{UNSIGNED}\nProbation Officer\n")
    assert "the letter ends with lines to sign and print your name on" in dialog.note.text()


@pytest.mark.parametrize("kind", [NOTICE, ACCESS_REQUEST])
def test_with_no_profile_the_letter_leaves_lines_to_sign_and_says_how_to_name_it(
    qtbot: QtBot, diary: Diary, tmp_path: Path, kind: str
) -> None:
    assert not diary.has_profile()
    dialog = open_letter(qtbot, diary, ScriptedMessages(), kind)
    assert dialog.name.text() == "" and dialog.note.isVisible()
    assert dialog.note.text() == (
        "With no name here, the letter ends with lines to sign and print your name on. Type your "
        "name above to have it printed. To have it here for every letter, add it under Settings."
    )
    assert dialog.preview.toPlainText().endswith(f"{UNSIGNED}\n")
    qtbot.keyClicks(dialog.name, "Ffion Ll")
    dialog.name.insert("ŷr")  # typed as a Welsh keyboard would (keyClicks is ASCII only)
    assert not dialog.note.isVisible()
    assert dialog.preview.toPlainText().endswith("Yours sincerely,\n\nFfion Llŷr\n")
    with qtbot.waitSignal(dialog.written):
        written = dialog.save_to(tmp_path / "letter.pdf")
    assert written is not None
    assert written.text_path.read_text(encoding="utf-8").endswith("\n\nFfion Llŷr\n")
    assert not diary.has_profile()  # the name signs this letter; Settings keeps one


def test_a_notice_from_a_diary_with_no_weeks_says_so_beside_the_boxes(
    qtbot: QtBot, diary_path: Path
) -> None:
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as empty:
        empty.save_profile(Profile(name="Ffion Llŷr"))
        dialog = open_letter(qtbot, empty, ScriptedMessages(), NOTICE)
        assert dialog.note.isVisible() and dialog.note.text() == (
            "Your diary holds no weeks yet, so the letter gives no weekly figures, and says so. "
            "To put them in, close this, log your weeks under This week (Ctrl+1), and write the "
            "letter then."
        )
        assert "holds no weekly figures yet" in dialog.preview.toPlainText()
        dialog.close()


def test_a_diary_of_one_week_gives_a_letter_of_that_week(qtbot: QtBot, diary_path: Path) -> None:
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as one:
        one.weeks.save(Week(THIS_WEEK, 132.5, unpaid_hours=6))
        dialog = open_letter(qtbot, one, ScriptedMessages(), NOTICE)
        letter = dialog.preview.toPlainText()
        assert "so far it holds one week." in letter and "last 4 weeks" not in letter
        assert not dialog.note.isVisible() or "no weeks" not in dialog.note.text()
        dialog.close()


# The letter is not thrown away unasked when the main window closes


def window_on(qtbot: QtBot, diary: Diary, messages: ScriptedMessages, tmp_path: Path) -> MainWindow:
    window = MainWindow(
        diary, messages, QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize(
    ("kind", "named"),
    [(NOTICE, "foreseeability notice"), (ACCESS_REQUEST, "subject access request")],
)
def test_closing_the_window_with_a_letter_typed_asks_first_and_keeps_it(
    qtbot: QtBot, diary: Diary, tmp_path: Path, kind: str, named: str
) -> None:
    """While the letter is open the window's close button and menus wait for it; closed all the
    same (by the system, say), the window asks as it does for a week not saved."""
    messages = ScriptedMessages(answers=[False])  # "Keep editing"
    window = window_on(qtbot, diary, messages, tmp_path)
    dialog = window.write_letter(kind)
    qtbot.keyClicks(dialog.recipient, " (Cymru)")
    assert not window.close()
    [asked] = messages.said
    assert (asked.kind, asked.title) == ("confirm", "Close Work Diary?")
    assert asked.text == (
        f"You have changes that are not saved yet to the {named} you are writing. Closing now "
        "throws them away."
    )
    assert window.isVisible() and dialog.isVisible()
    assert dialog.recipient.text().endswith(" (Cymru)")

    messages.answers = [True]  # "Close without saving": the letter is not asked about again
    assert window.close()
    assert not dialog.isVisible() and len(messages.said) == 2 and diary.concerns.all() == []


def test_closing_the_window_names_the_letter_with_the_week_not_saved(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    messages = ScriptedMessages(answers=[False])
    window = window_on(qtbot, diary, messages, tmp_path)
    window.editor.box("capacity_pct").setText("121")
    dialog = window.write_letter(NOTICE)
    dialog.health.setPlainText("Ni allaf gysgu.")
    assert not window.close()
    assert messages.said[-1].text.startswith(
        "You have changes that are not saved yet to the week commencing "
    )
    assert messages.said[-1].text.endswith(
        " and the foreseeability notice you are writing. Closing now throws them all away."
    )
    assert dialog.isVisible() and dialog.health.toPlainText() == "Ni allaf gysgu."
    messages.answers = [True]  # one question for both, not one more for the letter
    assert window.close() and not dialog.isVisible() and len(messages.said) == 2


def test_a_letter_with_nothing_typed_or_put_away_does_not_hold_the_window(
    qtbot: QtBot, diary: Diary, tmp_path: Path
) -> None:
    messages = ScriptedMessages()  # any question fails the test
    window = window_on(qtbot, diary, messages, tmp_path)
    dialog = window.write_letter(NOTICE)
    assert window.close() and messages.said == [] and not dialog.isVisible()

    window.show()
    dialog = window.write_letter(ACCESS_REQUEST)
    dialog.first_day.setText("01/01/2025")
    messages.answers = [True]  # "Close without saving", asked by the letter itself
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.first_day, Qt.Key.Key_Escape)
    assert window.close() and len(messages.said) == 1


def test_with_no_documents_folder_a_letter_is_offered_the_home_folder(
    qtbot: QtBot, diary: Diary, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Not the folder Work Diary was started from, where a file dialog told to start in a
    folder that is not there opens: a letter saved among the program's files is lost to its
    writer."""
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda _location: str(tmp_path / "Documents")
    )
    monkeypatch.chdir(tmp_path)
    dialog = open_letter(qtbot, diary, ScriptedMessages(), NOTICE)
    assert dialog.default_path().parent == Path.home()
