"""The short, skippable set-up shown the first time the app opens a new diary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workdiary.storage import Diary
from workdiary.ui.fields import (
    nothing_saved_words,
    problem_label,
)
from workdiary.ui.messages import Messages
from workdiary.ui.profile_form import FORM_WIDTH_CHARS, ProfileForm
from workdiary.ui.saving import may_close_unsaved
from workdiary.ui.screen import resize_within_screen, room_on_screen
from workdiary.ui.scrolling import FocusFollowingScrollArea

WELCOME = (
    "<h2>Welcome to Work Diary</h2>"
    "<p>Each week you will note your WMT capacity figure, your caseload and your hours. Work Diary "
    "keeps them on this computer only, with the date each was recorded and every later change, "
    "so that your record can be trusted if you ever need it.</p>"
    "<p>First, a few details for your records. All can be changed later in Settings, and you can "
    "skip this for now.</p>"
)


class FirstRunDialog(QDialog):
    """Accepted when the profile was saved; rejected when the user skipped."""

    def __init__(self, diary: Diary, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._messages = messages
        self.setWindowTitle("Set up Work Diary")
        welcome = QLabel(WELCOME)
        welcome.setWordWrap(True)
        self.form = ProfileForm()
        # A profile set meanwhile (by `workdiary profile set`) is not saved over without asking.
        stored = diary.stored_profile()
        self._read_at = stored.revision if stored else 0
        self.form.set_profile(stored.record if stored else diary.profile())
        # What the form held when it opened: skipping or closing after typing asks first.
        self._typed_at_start = self.form.typed()
        self._buttons = buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            "&Save and start", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.skip_button = buttons.addButton(
            "S&kip for now", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self._content = content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(welcome)
        column.addWidget(self.form)
        # The words and the form scroll on a screen too small for them (200 % text on a small
        # laptop); the buttons stay in sight below.
        self._scroll = FocusFollowingScrollArea()
        self._scroll.setWidget(content)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Beside the buttons, always in sight: on a small screen a field marked wrong may be out
        # of sight in the form above. Beside them rather than above, to take no room from it.
        self.problems_line = problem_label()
        self.problems_line.setObjectName("problems_line")
        self._bottom_row = bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.problems_line, 1)
        bottom_row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroll, 1)
        layout.addLayout(bottom_row)
        # Wide enough, in the font's own characters, that the hints wrap to a line or two; on a
        # screen narrower than that, as wide as it, frame and all.
        self.setMinimumWidth(
            min(
                self.fontMetrics().averageCharWidth() * FORM_WIDTH_CHARS,
                room_on_screen(self).width(),
            )
        )
        self.form.first_edit().setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_to_content()
        super().showEvent(event)

    def _fit_to_content(self) -> None:
        """Tall enough for the words and the wrapped hints at this width (Qt sizes a dialog
        before wrapping), and for any problems shown, but no taller than the screen: what does
        not fit scrolls, above the buttons."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        # Measured beside a scroll bar: the scroll area keeps one it has shown while sizing.
        beside_scroll_bar = self._scroll.verticalScrollBar().sizeHint().width()
        inside = self.width() - margins.left() - margins.right()
        words_and_form = self._content.heightForWidth(inside - beside_scroll_bar)
        bottom_row = self._bottom_row
        buttons_and_problems = (
            bottom_row.heightForWidth(inside)
            if bottom_row.hasHeightForWidth()
            else bottom_row.sizeHint().height()
        )
        wanted = (
            margins.top()
            + words_and_form
            + layout.spacing()
            + buttons_and_problems
            + margins.bottom()
        )
        resize_within_screen(self, self.width(), max(self.height(), wanted))

    def has_unsaved_changes(self) -> bool:
        return self.form.typed() != self._typed_at_start

    def reject(self) -> None:
        """Skip, Esc and the window's close button all come here: with typing in the form, the
        user is asked first, and keeping it is the default. Closing counts as skipping."""
        if self.has_unsaved_changes() and not may_close_unsaved(
            self._messages,
            self,
            "Close without saving your details? You can fill them in later under Settings.",
        ):
            return
        super().reject()

    def _save(self) -> None:
        saved = self.form.save_into(
            self._diary,
            self._messages,
            read_at=self._read_at,
            not_saved="Your details could not be saved",
            problems_shown=self._problems_shown,
        )
        if saved is not None:
            self.accept()

    def _problems_shown(self) -> None:
        self.problems_line.setText(nothing_saved_words(len(self.form.fields_marked_wrong())))
        self.problems_line.setVisible(True)
        # The lines saying what is wrong make the form taller: where the screen has room, the
        # dialog grows to show them all without scrolling.
        self._fit_to_content()
