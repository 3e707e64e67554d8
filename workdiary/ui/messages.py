"""Every message box the app shows goes through one `Messages` object, so that tests can see what
was said and give the answers a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

# Every message's words can be copied: a file's path, or an error to pass on to a rep or to IT.
SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class Messages:
    """Shows messages to the user. Built by the composition root and handed to each page."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        _tell(QMessageBox.Icon.Critical, parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        _tell(QMessageBox.Icon.Warning, parent, title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        _tell(QMessageBox.Icon.Information, parent, title, text)

    def confirm(
        self, parent: QWidget | None, title: str, text: str, yes: str, no: str = "Cancel"
    ) -> bool:
        """Ask a yes-or-no question with buttons that say what they do; no is the default."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        box.setTextInteractionFlags(SELECTABLE)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def choose(self, parent: QWidget | None, title: str, text: str, choices: list[str]) -> str:
        """Ask a question with a button for each of `choices`, saying what it does, and return
        the words of the one chosen. The first is the default (Enter); the last is the choice
        to do nothing, which Escape and closing the question also make."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        box.setTextInteractionFlags(SELECTABLE)
        *acts, nothing = choices
        buttons = [box.addButton(act, QMessageBox.ButtonRole.AcceptRole) for act in acts]
        nothing_button = box.addButton(nothing, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(buttons[0] if buttons else nothing_button)
        box.setEscapeButton(nothing_button)
        box.exec()
        chosen = box.clickedButton()
        return next((act for act, b in zip(acts, buttons, strict=True) if b is chosen), nothing)


def _tell(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(SELECTABLE)
    box.exec()
