"""A week's history in a dialog: when it was first recorded and every change since, oldest first."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workdiary.domain.dates import format_day, format_moment
from workdiary.domain.formatting import describe_event
from workdiary.domain.history import HistoryEvent
from workdiary.domain.records import WEEK_FIELDS

# The key never changes and is already in the dialog's title.
HIDDEN_FIELDS = ("week_commencing",)


def event_lines(event: HistoryEvent) -> tuple[str, list[str]]:
    """`Sun 22 Nov 2026 17:20 — amended`, and a line a changed field."""
    title, lines = describe_event(event, WEEK_FIELDS, hidden=HIDDEN_FIELDS)
    return f"{format_moment(event.at)} — {title}", lines


def history_as_text(week_commencing: date, events: list[HistoryEvent]) -> str:
    """The history as plain text, for the clipboard: what a rep would paste into an email."""
    parts = [f"Week commencing {format_day(week_commencing)}"]
    for event in events:
        heading, lines = event_lines(event)
        parts.append(heading + (":" if lines else ""))
        parts.extend(f"    {line}" for line in lines)
    if not events:
        parts.append("This week has never been logged.")
    return "\n".join(parts)


def history_as_html(events: list[HistoryEvent]) -> str:
    # Every value may be the user's own text (notes with < & >), so all of it is escaped;
    # pre-wrap keeps the line breaks of multi-line notes.
    if not events:
        return "<p>This week has never been logged.</p>"
    blocks = []
    for event in events:
        heading, lines = event_lines(event)
        body = "".join(
            f'<div style="white-space: pre-wrap; margin-left: 1.5em">{escape(line)}</div>'
            for line in lines
        )
        blocks.append(f"<p><b>{escape(heading)}{':' if lines else ''}</b></p>{body}")
    return '<div style="margin-bottom: 0.5em"></div>'.join(blocks)


class AmendmentsDialog(QDialog):
    """Read-only; the text can be selected and copied, and "Copy all" puts it on the clipboard."""

    def __init__(
        self, week_commencing: date, events: list[HistoryEvent], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.week_commencing = week_commencing
        self._events = list(events)
        title = f"History of the week commencing {format_day(week_commencing)}"
        self.setWindowTitle(title)

        heading = QLabel(
            f"Week commencing {format_day(week_commencing)}: when it was first recorded and "
            "every change since, oldest first. Nothing is ever overwritten. Times are this "
            "computer's local time."
        )
        heading.setWordWrap(True)

        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(history_as_html(self._events))
        self.text.setAccessibleName(title)
        heading.setBuddy(self.text)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("&Copy all", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

        # Sized in characters and lines, so it grows with the font and with display scaling.
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.lineSpacing() * 32)
        self.text.setFocus()

    def plain_text(self) -> str:
        return history_as_text(self.week_commencing, self._events)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())
