"""The Settings page: the profile, and where the diary is kept."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workdiary.domain.dates import format_moment
from workdiary.domain.records import PROFILE_FIELDS, Profile
from workdiary.storage import Diary
from workdiary.ui.fields import (
    native_text,
    nothing_saved_words,
    page_shortcut,
)
from workdiary.ui.messages import Messages
from workdiary.ui.profile_form import FORM_WIDTH_CHARS, ProfileForm
from workdiary.ui.saving import changes_sentence
from workdiary.ui.scrolling import FocusFollowingScrollArea

# The settings every week, supervision session and concern is measured against, not a fact
# of one of them: changed, the flags and figures of the past change with them.
MEASURING_FIELDS = frozenset({"threshold_pct", "run_weeks", "supervision_interval_weeks"})
ALL_WEEKS_MEASURED_AGAIN = (
    " History, the other pages and the evidence packs made from now on measure the whole diary "
    "by the new figure, the past included; nothing recorded is changed."
)


class SettingsPage(QWidget):
    saved = Signal()

    def __init__(self, diary: Diary, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._messages = messages
        heading = QLabel(
            "<h2>Settings</h2><p>Your details, and the lines your weeks are measured against. "
            "Changes are kept in the diary's history like everything else.</p>"
        )
        heading.setWordWrap(True)
        self.form = ProfileForm()
        # The revision of the profile the form was filled from (0: the defaults), and what the
        # form held then or when it was last saved.
        self._read_at = 0
        self._typed_when_loaded: tuple[str, ...] = ()
        self.save_button = QPushButton("&Save settings")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("settings_status")
        self.status.setWordWrap(True)
        # What the line by Save said last; while the form holds changes it says they are not
        # saved, rather than "Saved 16:05" over edits made since.
        self._outcome = ""
        self.form.edited.connect(self._show_status)
        where = QLabel(
            f"<p>Your diary is the file <tt>{escape(str(diary.path))}</tt>, on this computer "
            "only. Work Diary never sends anything anywhere.</p>"
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(heading)
        column.addWidget(self.form)
        column.addLayout(buttons)
        column.addWidget(where)
        column.addStretch(1)
        # As wide as the first-run form, not the whole window: a box across the screen for "37"
        # is hard to read.
        content.setMaximumWidth(self.fontMetrics().averageCharWidth() * FORM_WIDTH_CHARS)
        scroll = FocusFollowingScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # Going to Settings from the keyboard puts the cursor in the first box, ready to type.
        self.setFocusProxy(self.form.first_edit())
        page_shortcut(self, QKeySequence.StandardKey.Save, self.save)
        self.reload()

    def reload(self) -> None:
        stored = self._diary.stored_profile()
        self.form.set_profile(stored.record if stored else Profile())
        self._read_at = stored.revision if stored else 0
        self._typed_when_loaded = self.form.typed()
        self._say("")

    def has_unsaved_changes(self) -> bool:
        return self.form.typed() != self._typed_when_loaded

    def save(self) -> bool:
        result = self.form.save_into(
            self._diary,
            self._messages,
            read_at=self._read_at,
            not_saved="Your settings could not be saved",
            # The form has marked the fields; the line by Save says so.
            problems_shown=lambda: self._say(
                nothing_saved_words(len(self.form.fields_marked_wrong()))
            ),
        )
        if result is None:
            return False
        self._read_at = result.entry.revision
        self._typed_when_loaded = self.form.typed()
        if result.action == "unchanged":
            self._say("Nothing changed.")
        elif result.action == "created":
            self._say(f"Saved {format_moment(result.entry.last_changed_at)}.")
            self.saved.emit()
        else:
            measured = {change.field for change in result.changes} & MEASURING_FIELDS
            self._say(
                f"Saved {format_moment(result.entry.last_changed_at)}. Changed "
                f"{changes_sentence(result.changes, PROFILE_FIELDS)}. The earlier settings stay "
                "in the diary's history." + (ALL_WEEKS_MEASURED_AGAIN if measured else "")
            )
            self.saved.emit()
        return True

    def _say(self, outcome: str) -> None:
        """What a save (or reading the diary afresh) came to, until the user types again."""
        self._outcome = outcome
        self.status.setText(outcome)

    def _show_status(self) -> None:
        """After typing: whether the form now holds changes not saved."""
        if self.has_unsaved_changes():
            self.status.setText(
                f"Not saved yet. Press {native_text(QKeySequence.StandardKey.Save)}, or Save "
                "settings, when you are done."
            )
        else:
            self.status.setText(self._outcome)
