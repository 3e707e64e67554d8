"""What the forms share: date boxes that take a date as typed or picked, labels, keys in words and
the pages' own keys. The scroll area they sit in is in `scrolling`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from workdiary.domain.dates import format_day, parse_date
from workdiary.domain.errors import FieldProblem, InvalidInput

DATE_EXAMPLE = "16/11/2026"
# A pattern, not an example date, so an empty box cannot be mistaken for one holding a date.
DATE_PLACEHOLDER = "dd/mm/yyyy"


# What people type between day, month and year.
DATE_SEPARATORS = frozenset("/.-")
# The keys that open a date box's calendar, as they open a drop-down list anywhere: F4, and
# Alt+Down (Option+Down on a Mac), which would otherwise step the date back a day unseen.
CALENDAR_KEYS_TEXT = "F4 or Alt+Down"
# A date box's Pick… button is no stop for Tab, so that tabbing down a form costs one press a
# date; these keys are the keyboard's way to the calendar, and the button shows the first on
# itself, beside the box the keyboard is in, where a user who never points at it will see it.
CALENDAR_KEY = "F4"
CALENDAR_KEYS_SENTENCE = f"{CALENDAR_KEYS_TEXT} opens a calendar."
WARNING_SIGN = "⚠"


def nothing_saved_words(marked: int) -> str:
    """By Save, after a save refused for what the form marks wrong under `marked` fields (or a
    problem of the whole record): what was done, and where to look."""
    where = f"the {marked} fields marked" if marked > 1 else "what is marked"
    return f"{WARNING_SIGN} Nothing was saved: please check {where} {WARNING_SIGN}."


# Every page's key for the history of the record it shows.
HISTORY_KEYS = "Ctrl+H"
# Dark red reads as a warning with good contrast on a light window; the sign and words carry the
# meaning for anyone who cannot tell red apart.
PROBLEM_STYLE = "color: #a4000f;"


def opens_calendar(event: QKeyEvent) -> bool:
    """Whether a key press asks for a date box's calendar (see CALENDAR_KEYS_TEXT)."""
    if event.key() == Qt.Key.Key_F4:
        return True
    alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
    return event.key() == Qt.Key.Key_Down and bool(alt)


def typed_period(from_text: str, to_text: str) -> tuple[date, date]:
    """The dates typed in a page's From and To boxes, taken as typed: checked, never changed.
    Raises InvalidInput naming every problem, each in the words of its box."""
    problems: list[FieldProblem] = []
    days: list[date] = []
    for text, box in ((from_text, "From"), (to_text, "To")):
        if not text.strip():
            problems.append(
                FieldProblem(box, f"{box} is empty: type a date in it, like {DATE_EXAMPLE}.")
            )
            continue
        try:
            days.append(parse_date(text, box, f"The {box} date"))
        except InvalidInput as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInput(problems)
    first, last = days
    if first > last:
        raise InvalidInput(
            [
                FieldProblem(
                    "From",
                    f"From ({format_day(first)}) is after To ({format_day(last)}): put the "
                    "earlier date in From.",
                )
            ]
        )
    return first, last


def format_date_for_typing(day: date) -> str:
    """A date as the user would type it back in: day first, as in the UK."""
    return day.strftime("%d/%m/%Y")


def with_mnemonic(label: str, letter: str | None) -> str:
    """`label` with `&` before `letter` (at the start of a word if it can be), for Alt+letter."""
    escaped = label.replace("&", "&&")
    if not letter:
        return escaped
    letters = [index for index, char in enumerate(escaped) if char.lower() == letter.lower()]
    word_starts = [index for index in letters if index == 0 or not escaped[index - 1].isalpha()]
    if not letters:
        return escaped
    chosen = (word_starts or letters)[0]
    return escaped[:chosen] + "&" + escaped[chosen:]


def native_text(keys: str | QKeySequence.StandardKey) -> str:
    """Keys as this platform writes them: Ctrl+S, or ⌘S on a Mac."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def page_shortcut(
    page: QWidget, keys: str | QKeySequence.StandardKey, action: Callable[[], object]
) -> QShortcut:
    """One of a page's own keys (Ctrl+S to save its form, say). It works wherever the keyboard
    focus is in the window while the page is shown, the list of pages included: Tab goes there
    after the last button, and a key that did nothing there would leave the user thinking it had
    worked. A page not shown is hidden, so its keys never act unseen."""
    shortcut = QShortcut(QKeySequence(keys), page)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(action)
    return shortcut


def problems_for(problems: list[FieldProblem], field: str) -> list[str]:
    return [problem.message for problem in problems if problem.field == field]


# Labels and boxes in the forms' style


def plain_label(text: str = "") -> QLabel:
    """A label for text that may be the user's own: never read as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


# The least contrast a line of hints may have with its background: WCAG's AA for body text.
HINT_CONTRAST = 4.5


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.redF(), colour.greenF(), colour.blueF()
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def soft_ink(palette: QPalette) -> QColor:
    """Text ink moved towards the background, to mark a line as secondary, but never so far that
    it is hard to read (a tired user, a dim laptop screen): worked out from the palette, so a
    dark theme works too. The palette's own placeholder grey is too faint for text that matters."""
    ink = palette.color(QPalette.ColorRole.WindowText)
    paper = palette.color(QPalette.ColorRole.Window)
    for towards_paper in (0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05, 0.0):
        softer = QColor(
            round(ink.red() + (paper.red() - ink.red()) * towards_paper),
            round(ink.green() + (paper.green() - ink.green()) * towards_paper),
            round(ink.blue() + (paper.blue() - ink.blue()) * towards_paper),
        )
        if contrast(softer, paper) >= HINT_CONTRAST:
            return softer
    return ink


def hint_label(text: str) -> QLabel:
    """A line in a softer colour that is still easy to read."""
    hint = plain_label(text)
    palette = hint.palette()
    palette.setColor(QPalette.ColorRole.WindowText, soft_ink(palette))
    hint.setPalette(palette)
    return hint


def look_unavailable(box: QWidget, unavailable: bool) -> None:
    """Draw `box` greyed out, as a disabled box is, or as usual again. For a box made read-only
    rather than disabled, to keep its place in the Tab order: Qt draws a read-only box as one
    that can be typed in."""
    if not unavailable:
        box.setPalette(QPalette())  # the colours of the window around it again
        return
    palette = QPalette(box.palette())
    greyed = QPalette.ColorGroup.Disabled
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (
            QPalette.ColorRole.Base,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.WindowText,
            QPalette.ColorRole.ButtonText,
        ):
            palette.setColor(group, role, palette.color(greyed, role))
    box.setPalette(palette)


def look_read_only(box: QWidget, read_only: bool) -> None:
    """Draw a box whose words can be read, selected and scrolled, but not changed, on the
    window's colour, as the greyed boxes beside it are, or as usual again. Qt draws a read-only
    box white, as one to type in; its words stay dark, since they are there to be read."""
    if not read_only:
        box.setPalette(QPalette())
        return
    palette = QPalette(box.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        window = palette.color(group, QPalette.ColorRole.Window)
        palette.setColor(group, QPalette.ColorRole.Base, window)
    box.setPalette(palette)


class ReadOnlyCheckBox(QCheckBox):
    """A check box that can be made read-only, as a line edit can: it keeps its tick and its
    place in the Tab order, and a click, Space or its Alt+letter changes nothing."""

    _read_only = False

    def setReadOnly(self, read_only: bool) -> None:
        self._read_only = read_only

    def isReadOnly(self) -> bool:
        return self._read_only

    def nextCheckState(self) -> None:
        if not self._read_only:
            super().nextCheckState()


def problem_label() -> QLabel:
    """Where a field says what is wrong with it, hidden until it does."""
    problem = plain_label()
    problem.setStyleSheet(PROBLEM_STYLE)
    problem.setVisible(False)
    return problem


def text_box(lines: int) -> QPlainTextEdit:
    """A box for a few lines of the user's own words, at least `lines` high."""
    box = QPlainTextEdit()
    # Tab is for moving on, as everywhere else in the form.
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines)
    return box


class DateLineEdit(QLineEdit):
    """The box of a DateField. Whatever a form says of it to a screen reader (its hint, what is
    wrong with it) ends by saying how to open its calendar."""

    def setAccessibleDescription(self, description: str) -> None:
        said = description.strip()
        if said and said[-1] not in ".!?":
            said += "."
        super().setAccessibleDescription(f"{said} {CALENDAR_KEYS_SENTENCE}".strip())


class DateField(QWidget):
    """A line edit for a date (`16/11/2026` or `2026-11-16`) with a calendar to pick from.

    Unlike QDateEdit it can be empty, which means "not recorded"; what was typed is kept as typed,
    so the form can say what is wrong with it in the domain's words."""

    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = DateLineEdit()
        self.line_edit.setAccessibleDescription("")
        self.line_edit.setPlaceholderText(DATE_PLACEHOLDER)
        self.line_edit.textChanged.connect(self.textChanged)
        self.line_edit.installEventFilter(self)
        # Wide enough for the date and a little more, measured in the font's own characters.
        self.line_edit.setMaximumWidth(
            self.line_edit.fontMetrics().horizontalAdvance(DATE_EXAMPLE + "0000")
        )

        self._calendar: QCalendarWidget | None = None
        self._menu: QMenu | None = None
        self._latest: QDate | None = None

        self.pick_button = QToolButton()
        self.pick_button.setText(f"Pick… ({CALENDAR_KEY})")
        self.pick_button.setToolTip(f"Pick the day from a calendar ({CALENDAR_KEYS_TEXT})")
        self.pick_button.setAccessibleName("Pick the day from a calendar")
        # Opened by hand rather than as the button's menu, which would draw an arrow over the text.
        self.pick_button.clicked.connect(self._open_calendar)
        # Keyboard users type the date, or open the calendar from the box with the key the button
        # shows: the button need not cost a Tab.
        self.pick_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.pick_button)
        layout.addStretch(1)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Handed on by hand rather than with a focus proxy: a proxy makes this widget a stop of
        # its own in the tab chain, where it stays when a form moves the box elsewhere in the
        # chain, and Tab would come back to the box from there.
        self.line_edit.setFocus(event.reason())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.line_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and opens_calendar(event)
        ):
            self._open_calendar()
            return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:
        self.line_edit.setText(text)

    @property
    def calendar(self) -> QCalendarWidget:
        """The calendar to pick from. It is made when first wanted: most dates are typed, and the
        calendar is most of the cost of building a date box (a form opened 2 ms later with it)."""
        return self._calendar_menu()[0]

    def _calendar_menu(self) -> tuple[QCalendarWidget, QMenu]:
        if self._calendar is None or self._menu is None:
            self._calendar = QCalendarWidget()
            self._calendar.setGridVisible(True)
            if self._latest is not None:
                self._calendar.setMaximumDate(self._latest)
            self._calendar.clicked.connect(self._pick)
            self._calendar.activated.connect(self._pick)
            self._menu = QMenu(self)
            holder = QWidgetAction(self._menu)
            holder.setDefaultWidget(self._calendar)
            self._menu.addAction(holder)
            self._menu.aboutToShow.connect(self._prepare_calendar)
        return self._calendar, self._menu

    def set_latest(self, latest: date) -> None:
        """The last day the calendar offers (a figure read tomorrow cannot be recorded today)."""
        self._latest = QDate(latest.year, latest.month, latest.day)
        if self._calendar is not None:
            self._calendar.setMaximumDate(self._latest)

    def _open_calendar(self) -> None:
        calendar, menu = self._calendar_menu()
        menu.popup(self.pick_button.mapToGlobal(self.pick_button.rect().bottomLeft()))
        # The arrow keys move through the days, and Enter picks one, from the keyboard too.
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _prepare_calendar(self) -> None:
        try:
            shown = parse_date(self.text()) if self.text().strip() else None
        except InvalidInput:
            shown = None
        if shown is not None:
            self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        else:
            self.calendar.setSelectedDate(self.calendar.maximumDate())

    def _pick(self, picked: QDate) -> None:
        day = date(picked.year(), picked.month(), picked.day())
        self.setText(format_date_for_typing(day))
        self._calendar_menu()[1].close()
        self.line_edit.setFocus()


class DateEdit(QDateEdit):
    """A QDateEdit (dd/MM/yyyy, with a calendar) that takes `29/10/2026` typed straight through,
    and says when the user has settled on a date.

    QDateEdit moves on to the month by itself once two day digits are typed; the `/` a person types
    next would move it on again, into the year, and the month would land there. That `/` is taken
    as already done; after one digit (2/11) it moves on, as `.` and `-` do. A date typed after a
    click in the middle of the box, or after selecting it all, would land wherever the cursor was
    (25/12/2025 typed there opened a week in 2000): typing that begins afresh starts at the day.
    And QDateEdit reports a new date at each of those moves, mid-typing, so `chosen` is sent only
    for a date the user settled on: Enter, leaving the box, the calendar."""

    chosen = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moved_on_by_itself = False
        # Whether the next digit begins a date afresh (not one the arrow keys were taken to).
        self._fresh = True
        self.lineEdit().installEventFilter(self)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setKeyboardTracking(False)
        self.editingFinished.connect(lambda: self.chosen.emit(self.date()))
        calendar = self.calendarWidget()
        calendar.clicked.connect(self.chosen)
        calendar.activated.connect(self.chosen)

    def open_calendar(self) -> None:
        """Open the calendar as a click on the box's arrow does: Qt has no call that opens it,
        and keeps it for the mouse (its Alt+Down steps the date back a day instead)."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        where = QPointF(arrow.center())
        left = Qt.MouseButton.LeftButton
        self.mousePressEvent(
            QMouseEvent(
                QEvent.Type.MouseButtonPress,
                where,
                QPointF(self.mapToGlobal(where)),
                left,
                left,
                Qt.KeyboardModifier.NoModifier,
            )
        )

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._fresh = True
        super().focusInEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab leaves the box, as it leaves every other box on the form. QDateEdit's own Tab
        # steps through day, month and year first: three presses to get past one date. Typing
        # the date moves on through it by itself, and the arrow keys move within it.
        return QWidget.focusNextPrevChild(self, next)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A click lands in the box's own line edit, not here.
        if watched is self.lineEdit() and event.type() == QEvent.Type.MouseButtonPress:
            self._fresh = True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if opens_calendar(event):
            self.open_calendar()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self._fresh = True
        elif event.text().isdigit():
            if self._fresh:
                self.setSelectedSection(QDateTimeEdit.Section.DaySection)
                self._moved_on_by_itself = False
            self._fresh = False
        elif not event.text():  # an arrow or Home: the user moves to a part on purpose
            self._fresh = False
        if event.text() and event.text() in DATE_SEPARATORS:
            # After a one-digit day or month (2/11), on to the next part. Not by QDateEdit: it
            # takes only `/`, and moves on by the Tab call above, which would take the typing
            # out of the box into the next one.
            if (
                not self._moved_on_by_itself
                and self.currentSectionIndex() < self.sectionCount() - 1
            ):
                QDateEdit.focusNextPrevChild(self, True)
            self._moved_on_by_itself = False
            event.accept()
            return
        section = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on_by_itself = event.text().isdigit() and self.currentSection() != section
