"""A record's history in a dialog: first recorded, then every change since, oldest first."""

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
from workdiary.domain.records import WEEK_FIELDS, FieldInfo
from workdiary.ui.screen import resize_within_screen


def event_lines(
    event: HistoryEvent, fields: dict[str, FieldInfo], hidden: tuple[str, ...] = ()
) -> tuple[str, list[str]]:
    """`Sun 22 Nov 2026 17:20 — amended`, and a line a changed field."""
    title, lines = describe_event(event, fields, hidden=hidden)
    return f"{format_moment(event.at)} — {title}", lines


class AmendmentsDialog(QDialog):
    """Read-only; the text can be selected and copied, and "Copy all" puts it on the clipboard."""

    def __init__(
        self,
        record_name: str,
        events: list[HistoryEvent],
        fields: dict[str, FieldInfo],
        hidden: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        """`record_name` says which record, as in "Week commencing Mon 16 Nov 2026"; `hidden`
        fields (its key, which never changes and is in the title) are left out."""
        super().__init__(parent)
        self.record_name = record_name
        self.week_commencing: date | None = None  # set when the record is a week
        self._events = list(events)
        self._fields = fields
        self._hidden = hidden
        title = f"History: {record_name}"
        self.setWindowTitle(title)

        heading = QLabel(
            f"{record_name}: when it was first recorded and every change since, oldest first. "
            "Nothing is ever overwritten. Times are this computer's local time."
        )
        heading.setWordWrap(True)

        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(self._as_html())
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
        resize_within_screen(self, metrics.averageCharWidth() * 100, metrics.lineSpacing() * 32)
        self.text.setFocus()

    @classmethod
    def for_week(
        cls, week_commencing: date, events: list[HistoryEvent], parent: QWidget | None = None
    ) -> AmendmentsDialog:
        dialog = cls(
            f"Week commencing {format_day(week_commencing)}",
            events,
            WEEK_FIELDS,
            ("week_commencing",),
            parent,
        )
        dialog.week_commencing = week_commencing
        return dialog

    def _lines(self, event: HistoryEvent) -> tuple[str, list[str]]:
        return event_lines(event, self._fields, self._hidden)

    def plain_text(self) -> str:
        """The history as plain text, for the clipboard: what a rep would paste into an email."""
        parts = [self.record_name]
        for event in self._events:
            heading, lines = self._lines(event)
            parts.append(heading + (":" if lines else ""))
            for line in lines:
                first, *more = line.split("\n")
                parts.append(f"    {first}")
                parts.extend(f"        {part}" for part in more)
        if not self._events:
            parts.append("It has never been recorded.")
        return "\n".join(parts)

    def _as_html(self) -> str:
        # Every value may be the user's own text (notes with < & >), so all of it is escaped;
        # pre-wrap keeps its spaces. A note's second line and those after it are set further in
        # than the first: at the first's indent, "Unpaid hours: 12 (not 7)" in a note would read
        # as a change to the unpaid hours.
        if not self._events:
            return "<p>It has never been recorded.</p>"
        blocks = []
        for event in self._events:
            heading, lines = self._lines(event)
            body = "".join(
                f'<div style="white-space: pre-wrap; margin-left: {1.5 if index == 0 else 3}em">'
                f"{escape(part)}</div>"
                for line in lines
                for index, part in enumerate(line.split("\n"))
            )
            blocks.append(f"<p><b>{escape(heading)}{':' if lines else ''}</b></p>{body}")
        return '<div style="margin-bottom: 0.5em"></div>'.join(blocks)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())
