"""Writing a foreseeability notice or a subject access request from the window: the officer's
own words beside a live preview of the letter, then a PDF saved and the sending logged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workdiary import correspondence
from workdiary.correspondence import LetterFileInTheWay, LetterWritten
from workdiary.domain.dates import format_day, parse_date
from workdiary.domain.errors import ClockBehind, IdentifierWarning, InvalidInput, WorkDiaryError
from workdiary.evidence.letters import (
    AccessRequest,
    NoticeRequest,
    access_request_text,
    foreseeability_notice_text,
)
from workdiary.storage import Diary
from workdiary.ui.fields import DateField, format_date_for_typing, plain_label
from workdiary.ui.folders import documents_folder
from workdiary.ui.messages import Messages
from workdiary.ui.saving import SaidYes, go_on_despite, may_close_unsaved
from workdiary.ui.screen import resize_within_screen

NOTICE, ACCESS_REQUEST = correspondence.NOTICE, correspondence.ACCESS_REQUEST
TITLES = correspondence.LETTER_TITLES
INTRODUCTIONS = {
    NOTICE: "A letter telling your employer, in writing, that your workload is putting your "
    "health at risk, with the figures from your diary. Once it has been sent, the employer "
    "cannot say it did not know. Say in your own words what the workload is doing to you, and "
    "what you are asking for.",
    ACCESS_REQUEST: "A request for a copy of what your employer holds about you: your WMT "
    "records, the decisions about allocating work to you, and your supervision records. They "
    "have one calendar month to answer.",
}


class LetterDialog(QDialog):
    """`written` is emitted with the PDF's path once the letter is saved and logged."""

    written = Signal(object)

    def __init__(
        self, diary: Diary, messages: Messages, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._diary = diary
        self._messages = messages
        self.kind = kind
        self.setWindowTitle(TITLES[kind])
        introduction = QLabel(INTRODUCTIONS[kind])
        introduction.setWordWrap(True)

        form = QFormLayout()
        today = diary.today()
        self._weeks_logged = len(diary.weeks.keys_not_deleted())
        self.recipient = self._line(
            form,
            "&Addressed to",
            "Operations Manager" if kind == NOTICE else "Data Protection Officer",
        )
        if kind == NOTICE:
            self.copy_to = self._line(form, "&Copy to", "Napo branch")
            self.health = self._text(form, "&Effects on your health", "In your own words")
            self.asks = self._text(form, "What you &ask for", "For example a workload review")
        else:
            first, last = correspondence.default_access_period(today)
            self.first_day = self._date(form, "Records &from", first)
            self.last_day = self._date(form, "Records &to", last)
        # The name the letter is signed with: the profile's, which may not be set up yet.
        self.name = self._line(form, "Your &name", diary.profile().name.strip())
        self.name.setPlaceholderText("As you sign your letters")
        # What the officer may want to do about the letter before sending it (no name to sign
        # it with, no weeks logged to give figures from), in plain words beside the boxes.
        self.note = plain_label()
        self.note.setAccessibleName("About this letter")
        self.note.hide()

        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The letter as it will be sent")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        self.copy_button = QPushButton("Copy the &text")
        self.copy_button.setToolTip("Copy the letter, to paste into an email")
        self.copy_button.clicked.connect(self.copy_text)
        self.save_button = QPushButton("&Save as PDF…")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._choose_and_save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(introduction)
        left.addLayout(form)
        left.addWidget(self.note)
        left.addWidget(self.problem)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        preview_column = QVBoxLayout()
        preview_label = QLabel("The letter")
        preview_label.setBuddy(self.preview)
        preview_column.addWidget(preview_label)
        preview_column.addWidget(self.preview)
        columns.addLayout(preview_column, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        resize_within_screen(self, width * 150, self.fontMetrics().height() * 40)
        self.update_preview()
        # What the boxes held when the dialog opened: closing it after typing asks first.
        self._typed_at_start = self.typed()
        # Start where the officer has something to write; the addressee is usually right.
        (self.health if kind == NOTICE else self.first_day).setFocus()

    # Building the form

    def _line(self, form: QFormLayout, label: str, default: str) -> QLineEdit:
        edit = QLineEdit(default)
        edit.setAccessibleName(label.replace("&", ""))
        edit.textChanged.connect(self.update_preview)
        form.addRow(label, edit)
        return edit

    def _text(self, form: QFormLayout, label: str, hint: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(hint)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(label.replace("&", ""))
        edit.textChanged.connect(self.update_preview)
        form.addRow(label, edit)
        return edit

    def _date(self, form: QFormLayout, label: str, day: date) -> DateField:
        field = DateField()
        field.setText(format_date_for_typing(day))
        field.setAccessibleName(label.replace("&", ""))
        field.textChanged.connect(self.update_preview)
        form.addRow(label, field)
        return field

    # Closing

    def typed(self) -> tuple[str, ...]:
        """What every box holds as it stands."""
        boxes: tuple[str, ...]
        if self.kind == NOTICE:
            boxes = (self.recipient.text(), self.copy_to.text())
            boxes += (self.health.toPlainText(), self.asks.toPlainText())
        else:
            boxes = (self.recipient.text(), self.first_day.text(), self.last_day.text())
        return (*boxes, self.name.text())

    def unsaved_description(self) -> str:
        """The letter, as the main window's closing question names it."""
        return f"the {TITLES[self.kind].lower()} you are writing"

    def has_unsaved_changes(self) -> bool:
        return self.typed() != self._typed_at_start

    def reject(self) -> None:
        """Esc, Close and the window's close button all come here (and so does the app quitting,
        which closes the dialog first): with typing in the boxes, the officer is asked first,
        and keeping it is the default. The main window asks before it closes with the dialog
        open (see MainWindow.closeEvent)."""
        if self.has_unsaved_changes() and not may_close_unsaved(
            self._messages, self, f"Close the {TITLES[self.kind].lower()} without saving it?"
        ):
            return
        super().reject()

    def close_unasked(self) -> None:
        """Close without the question: the officer has already said to throw the letter away
        (closing the main window)."""
        super().reject()

    # The letter

    def letter_text(self) -> str:
        """The letter as it stands, or raises InvalidInput when a date is not right."""
        if self.kind == NOTICE:
            return foreseeability_notice_text(self._notice())
        return access_request_text(self._access())

    def _notice(self) -> NoticeRequest:
        return correspondence.notice_request(
            self._diary,
            recipient=self.recipient.text().strip() or "Operations Manager",
            copy_to=self.copy_to.text().strip(),
            health_effects=self.health.toPlainText(),
            asks=self.asks.toPlainText(),
            name=self.name.text(),
        )

    def _access(self) -> AccessRequest:
        first = parse_date(self.first_day.text(), "from", "The first day")
        last = parse_date(self.last_day.text(), "to", "The last day")
        return correspondence.access_request(
            self._diary,
            first,
            last,
            self.recipient.text().strip() or "Data Protection Officer",
            self.name.text(),
        )

    def update_preview(self) -> None:
        self._show_notes()
        try:
            self.preview.setPlainText(self.letter_text())
        except InvalidInput as invalid:
            self._show_problem(str(invalid))
            return
        self._show_problem("")

    def _show_notes(self) -> None:
        notes = []
        if self.kind == NOTICE and self._weeks_logged == 0:
            notes.append(
                "Your diary holds no weeks yet, so the letter gives no weekly figures, and says "
                "so. To put them in, close this, log your weeks under This week (Ctrl+1), and "
                "write the letter then."
            )
        if not self.name.text().strip():
            notes.append(
                "With no name here, the letter ends with lines to sign and print your name on. "
                "Type your name above to have it printed. To have it here for every letter, add "
                "it under Settings."
            )
        self.note.setText("\n\n".join(notes))
        self.note.setVisible(bool(notes))

    def _show_problem(self, text: str) -> None:
        self.problem.setText(f"⚠ {text}" if text else "")
        self.problem.setVisible(bool(text))
        self.save_button.setEnabled(not text)

    def copy_text(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.preview.toPlainText())

    # Saving

    def default_path(self) -> Path:
        """Today's letter in Documents, numbered after any already saved there today: a letter
        is never written over another (see correspondence). A letter of the sample diary is
        named as one."""
        return correspondence.unused_letter_path(
            documents_folder(),
            self.kind,
            self._diary.today(),
            sample_data=self._diary.holds_sample_data(),
        )

    def _choose_and_save(self) -> None:
        # The file dialog's own "replace?" would cover only the PDF it names, not the text
        # written beside it, and a letter is never written over a file anyway: saving says so.
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Save the letter as",
            str(self.default_path()),
            "PDF (*.pdf)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            path = Path(chosen)
            self.save_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def save_to(self, path: Path) -> LetterWritten | None:
        """Write the letter and log it; None when the user thought better of it or it failed."""
        said = SaidYes()
        while True:
            try:
                written = self._write(path, said)
                break
            except (IdentifierWarning, ClockBehind) as warning:
                went_on = go_on_despite(warning, said, self._messages, self)
                if went_on is None:
                    return None
                said = went_on
            except LetterFileInTheWay as in_the_way:
                # Not a problem with what was typed: the letter stays as it is, ready to save
                # under another name.
                self._messages.error(
                    self,
                    "The letter was not saved",
                    f"{in_the_way}\n\nPress Save as PDF… again and choose another name.",
                )
                return None
            except InvalidInput as invalid:
                self._show_problem(str(invalid))
                return None
            except WorkDiaryError as error:
                self._messages.error(self, "The letter could not be saved", str(error))
                return None
        self._messages.information(
            self,
            "Letter saved",
            f"The {TITLES[self.kind].lower()} is saved as\n{written.pdf_path}\nwith the same "
            f"letter as text beside it ({written.text_path.name}), to paste into an email.\n\n"
            f"It is logged under Concerns, dated {format_day(self._diary.today())}, with the "
            f"file's fingerprint (SHA-256 {written.sha256[:16]}…). When you get a reply, mark it "
            "answered there.",
        )
        self.written.emit(written.pdf_path)
        self.accept()
        return written

    def _write(self, path: Path, said: SaidYes) -> LetterWritten:
        if self.kind == NOTICE:
            return correspondence.write_notice(
                self._diary,
                self._notice(),
                path,
                allow_identifiers=said.identifiers,
                allow_clock_behind=said.clock_behind,
            )
        return correspondence.write_access_request(
            self._diary, self._access(), path, allow_clock_behind=said.clock_behind
        )
