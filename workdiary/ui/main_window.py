"""The main window: navigation between the pages, menus, the status bar, and what it remembers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import workdiary
from workdiary.domain.dates import format_day, format_moment, week_commencing
from workdiary.domain.errors import DiskFull, WorkDiaryError
from workdiary.domain.figures import week_to_open
from workdiary.domain.formatting import count, listed
from workdiary.storage import Diary
from workdiary.ui.folders import show_folder
from workdiary.ui.messages import Messages
from workdiary.ui.screen import resize_within_screen, step_aside

if TYPE_CHECKING:
    from workdiary.storage import VerifyReport
    from workdiary.storage.audit import AuditEntry
    from workdiary.ui.concerns_page import ConcernsPage
    from workdiary.ui.evidence_page import EvidencePage
    from workdiary.ui.first_run import FirstRunDialog
    from workdiary.ui.history_page import HistoryPage
    from workdiary.ui.letters_dialog import LetterDialog
    from workdiary.ui.settings_page import SettingsPage
    from workdiary.ui.supervision_page import SupervisionPage
    from workdiary.ui.week_editor import WeekEditor

# How many of a check's findings a message lists before saying how many more there are.
FINDINGS_LISTED = 8

THIS_WEEK, HISTORY, SUPERVISION, CONCERNS, EVIDENCE, SETTINGS = range(6)
PAGE_NAMES = {
    THIS_WEEK: "This week",
    HISTORY: "History",
    SUPERVISION: "Supervision",
    CONCERNS: "Concerns",
    EVIDENCE: "Evidence pack",
    SETTINGS: "Settings",
}

SETTING_GEOMETRY = "window/geometry"
# The window's size the first time it opens, in device-independent pixels.
FIRST_SIZE = QSize(1100, 720)
SETTING_PAGE = "window/page"
SETTING_SETUP_SKIPPED = "setup/skipped"
# The choices when the window is closed with typing not saved.
SAVE_AND_CLOSE, CLOSE_WITHOUT_SAVING, KEEP_EDITING = (
    "Save and close",
    "Close without saving",
    "Keep editing",
)


class MainWindow(QMainWindow):
    # A diary opened read-only that a save found writable again (a memory stick unlocked).
    became_writable = Signal()

    def __init__(
        self,
        diary: Diary,
        messages: Messages,
        settings: QSettings,
        *,
        demo: bool = False,
        first_page: int | None = None,
        beside_another: bool = False,
    ) -> None:
        """`first_page` overrides the page remembered from last time. `beside_another`: another
        window has the diary open (the user chose to open it anyway), and this one is to be
        told apart from it."""
        super().__init__()
        self._diary = diary
        self._messages = messages
        self._settings = settings
        self.demo = demo
        self.setWindowTitle(
            "Work Diary — DEMO: sample data, nothing you enter is kept"
            if demo
            else "Work Diary — opened a second time"
            if beside_another
            else "Work Diary"
        )

        # Each page, and its module, is loaded the first time it is shown: the window appears
        # sooner, and a user who only logs this week never waits for History to be built.
        self._editor: WeekEditor | None = None
        self._history: HistoryPage | None = None
        self._supervision_page: SupervisionPage | None = None
        self._concerns_page: ConcernsPage | None = None
        self._evidence_page: EvidencePage | None = None
        self._settings_page: SettingsPage | None = None
        # The letter being written, if one is: closing the window asks before throwing it away.
        self._letter: LetterDialog | None = None
        self._slots: dict[int, QWidget] = {}
        # True while the window itself changes the page (show_page), rather than the user in the
        # list of pages.
        self._showing_page = False
        self._shown_read_only = diary.read_only is not None
        # The weeks the diary's last check found changed outside Work Diary.
        self.changed_outside: frozenset[str] = frozenset()
        self.pages = QStackedWidget()
        for index in PAGE_NAMES:
            slot = QWidget()
            slot_layout = QVBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self._slots[index] = slot
            self.pages.addWidget(slot)
        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Pages")
        self.navigation.addItems(list(PAGE_NAMES.values()))
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 48)
        self.navigation.currentRowChanged.connect(self._show_row)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self._restore_layout(first_page)
        if beside_another:
            # Where the other one is, since both remember the same place: moved aside, it is
            # seen to be a second window, not the first one showing something else.
            step_aside(self)

    # The pages, built on first use

    @property
    def editor(self) -> WeekEditor:
        if self._editor is None:
            from workdiary.ui.week_editor import WeekEditor

            self._editor = WeekEditor(self._diary, self._messages)
            self._editor.mark_changed_outside(self.changed_outside)
            self._editor.saved.connect(self._diary_changed)
            self._editor.show_default_week()
            self._place(THIS_WEEK, self._editor)
        return self._editor

    @property
    def history(self) -> HistoryPage:
        if self._history is None:
            from workdiary.ui.history_page import HistoryPage

            self._history = HistoryPage(self._diary)
            self._history.open_week.connect(self.open_week)
            self._place(HISTORY, self._history)
        return self._history

    @property
    def supervision_page(self) -> SupervisionPage:
        if self._supervision_page is None:
            from workdiary.ui.supervision_page import SupervisionPage

            self._supervision_page = SupervisionPage(self._diary, self._messages)
            self._supervision_page.saved.connect(self._diary_changed)
            self._place(SUPERVISION, self._supervision_page)
        return self._supervision_page

    @property
    def concerns_page(self) -> ConcernsPage:
        if self._concerns_page is None:
            from workdiary.ui.concerns_page import ConcernsPage

            self._concerns_page = ConcernsPage(self._diary, self._messages)
            self._concerns_page.saved.connect(self._diary_changed)
            self._concerns_page.letter_requested.connect(self.write_letter)
            self._place(CONCERNS, self._concerns_page)
        return self._concerns_page

    @property
    def evidence_page(self) -> EvidencePage:
        if self._evidence_page is None:
            from workdiary.ui.evidence_page import EvidencePage

            self._evidence_page = EvidencePage(self._diary, self._messages)
            self._evidence_page.exported.connect(self._diary_changed)
            self._place(EVIDENCE, self._evidence_page)
        return self._evidence_page

    @property
    def settings_page(self) -> SettingsPage:
        if self._settings_page is None:
            from workdiary.ui.settings_page import SettingsPage

            self._settings_page = SettingsPage(self._diary, self._messages)
            self._settings_page.saved.connect(self._profile_saved)
            self._place(SETTINGS, self._settings_page)
        return self._settings_page

    def _place(self, index: int, page: QWidget) -> None:
        slot = self._slots[index]
        layout = slot.layout()
        assert layout is not None
        layout.addWidget(page)
        slot.setFocusProxy(page)
        # Enter or Return presses the button that has the focus, as in any Windows program: Qt
        # does that only inside a dialog. It takes the focus on the button: Enter in a box goes
        # on doing what the box does (nothing, or opening a week from History's list), and never
        # presses a button elsewhere, as it would in a dialog.
        for button in page.findChildren(QPushButton):
            # A default button (the week's Save) takes Enter already; set to press on Enter too,
            # it would stop being drawn as the default once the focus left it.
            if not button.isDefault():
                button.setAutoDefault(True)

    def _show_row(self, index: int) -> None:
        # Asking for a page builds it.
        if index == THIS_WEEK:
            if not self._showing_page:
                self._editor_on_default_week()  # the user chose This week in the list
            page: QWidget = self.editor
        elif index == HISTORY:
            page = self.history
        elif index == SUPERVISION:
            page = self.supervision_page
        elif index == CONCERNS:
            page = self.concerns_page
        elif index == EVIDENCE:
            page = self.evidence_page
        elif index == SETTINGS:
            page = self.settings_page
        else:
            return
        self.pages.setCurrentWidget(self._slots[index])
        page.setFocus()

    # Menus and status bar

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        # The letters live here rather than in a menu of their own: every letter of "Letters"
        # already takes the focus to a field with Alt on one page or another.
        for kind, title in (("foreseeability", "Write a &foreseeability notice…"),
                            ("access-request", "Write a subject &access request…")):  # fmt: skip
            action = QAction(title, self)
            action.triggered.connect(lambda _checked=False, kind=kind: self.write_letter(kind))
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu("&Go")
        for index, name in PAGE_NAMES.items():
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, page=index: self.go_to(page))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        open_folder = QAction("&Open data folder", self)
        open_folder.triggered.connect(self.open_data_folder)
        about = QAction("&About Work Diary", self)
        about.triggered.connect(self.show_about)
        check = QAction("&Check your diary", self)
        check.setToolTip("Check that nothing in your diary was changed outside Work Diary")
        check.triggered.connect(lambda: self.check_diary())
        help_menu.addAction(check)
        help_menu.addAction(open_folder)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.location_label = QLabel()
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label = QLabel()
        # Shown while the diary's last check found it changed outside Work Diary: the message
        # said so once, but every figure on every page may show what was changed.
        self.changed_outside_label = QLabel()
        self.changed_outside_label.setVisible(False)
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.changed_outside_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._show_last_saved()

    def _show_where(self) -> None:
        # A read-only diary is said to be one before anything is typed, not only when a save
        # fails; and no longer once a save finds its folder writable again.
        read_only = self._diary.read_only
        if self._shown_read_only and read_only is None:
            self.became_writable.emit()
        self._shown_read_only = read_only is not None
        where = f"Diary: {self._diary.path}"
        if read_only is not None:
            # Why, in a word, for a keyboard user too; the whole of it is in the tooltip.
            full = isinstance(read_only, DiskFull)
            why = "its disk is full" if full else "it cannot be written to"
            where = f"READ-ONLY — nothing can be saved to {self._diary.path}: {why}"
        if self.demo:
            where = "DEMO — a temporary copy of the sample diary; nothing you enter is kept"
        self.location_label.setText(where)
        self.location_label.setToolTip(str(read_only) if read_only is not None else "")

    def _show_last_saved(self) -> None:
        self._show_where()
        with self._diary.reading():
            latest = self._diary.audit.latest()
        self.saved_label.setText(
            f"Last saved {format_moment(latest.moment)}" if latest else "Nothing saved yet"
        )
        # What the pages were last read at: the diary's last change, and the day.
        self._shown_state = self._diary_state(latest)

    def _diary_state(self, latest: AuditEntry | None) -> tuple[int, date]:
        return (latest.seq if latest else 0), self._diary.today()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.catch_up()

    def catch_up(self) -> None:
        """Coming back to the window: show what was saved meanwhile by a `workdiary` command (or
        a window opened anyway), and what a new day changes: a week now late, a supervision now
        overdue, today's date for a new record. A form holding typing not saved yet keeps it."""
        self._show_where()  # a save that did not finish may have found the diary writable again
        try:
            with self._diary.reading():
                state = self._diary_state(self._diary.audit.latest())
        except WorkDiaryError:
            return  # the next page read or save says what is wrong, where the user is looking
        if state == self._shown_state:
            return
        if self._editor is not None:
            self._editor.reload()
        if self._settings_page is not None and not self._settings_page.has_unsaved_changes():
            self._settings_page.reload()
        self._diary_changed()

    # Pages

    def go_to(self, index: int) -> None:
        """Go to a page as the Go menu (and the list of pages) does: This week shows this week, or
        the oldest of the last few weeks not logged yet, as on opening, unless the form holds
        typing not saved yet, which stays as it is."""
        if index == THIS_WEEK:
            self._editor_on_default_week()
        self.show_page(index)

    def _editor_on_default_week(self) -> None:
        # An editor not built yet opens on that week when it is.
        if self._editor is not None and not self._editor.has_unsaved_changes():
            self._editor.show_default_week()

    def show_page(self, index: int) -> None:
        """Show a page as it stands (the editor on the week it shows)."""
        self._showing_page = True
        try:
            self.navigation.setCurrentRow(index)
        finally:
            self._showing_page = False
        page = self.pages.currentWidget()
        if page is not None:
            page.setFocus()

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab from the list of pages goes to the top of the page shown and down it in reading
        # order, round to the list again after the last button. Qt would go to where showing the
        # page puts the cursor (the list of sessions, say), and what is above it (the period, New
        # session) would be reached only with Shift+Tab.
        if forward and self.navigation.hasFocus():
            first = self._first_stop_on_page()
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().focusNextPrevChild(forward)

    def _first_stop_on_page(self) -> QWidget | None:
        """The first box or button of the page shown that Tab stops at, in the page's own order."""
        shown = self.pages.currentWidget()
        widget = self.nextInFocusChain()
        while shown is not None and widget is not None and widget is not self:
            if (
                shown.isAncestorOf(widget)
                and widget.focusProxy() is None  # a page, or the inside of a box, stands for it
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isEnabled()
                and widget.isVisibleTo(self)
            ):
                return widget
            widget = widget.nextInFocusChain()
        return None

    def open_week(self, monday: date) -> None:
        """Open a week in the editor (asked for from History). A user who chose to keep editing
        the week they had typed in is taken back to it."""
        if self.editor.show_week(monday) or self.editor.has_unsaved_changes():
            self.show_page(THIS_WEEK)

    def _diary_changed(self) -> None:
        # A new week, or a new threshold, changes History's rows and flags (a page not built yet
        # will read the diary afresh when it is).
        # A new interval in Settings changes whether supervision is overdue; a letter written
        # from the Letters menu is a new concern.
        pages = (self._history, self._supervision_page, self._concerns_page, self._evidence_page)
        for page in pages:
            if page is not None:
                page.reload()
        self._show_last_saved()

    def _profile_saved(self) -> None:
        # A week not logged yet, shown in the editor, takes the new contracted hours; typing in
        # it stays.
        if self._editor is not None:
            self._editor.reload()
        self._diary_changed()

    # Opening

    def on_opening(self) -> None:
        """What the window says once it is open: that the diary was changed outside Work Diary;
        why a diary can only be read, said where a keyboard user hears it too (the status bar's
        tooltip needs a mouse); otherwise, on a new diary, the set-up."""
        self.check_diary(said_when_intact=False)
        read_only = self._diary.read_only
        if read_only is None:
            self.offer_first_run_setup()
            return
        self._messages.warning(
            self,
            "Your diary can only be read",
            f"{read_only}\n\nYou can look at everything in it. Anything you type stays in the "
            "window until it can be saved: press Save again once the diary can be written to.",
        )

    def offer_first_run_setup(self) -> FirstRunDialog | None:
        """On a diary with no profile, offer the set-up once; skipping is remembered. Not on a
        diary that can only be read: nothing typed there could be saved yet."""
        if self._diary.has_profile() or self._settings.value(SETTING_SETUP_SKIPPED, False, bool):
            return None
        if self._diary.read_only is not None:
            return None
        from workdiary.ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self._diary, self._messages, self)
        dialog.finished.connect(self._first_run_finished)
        dialog.open()
        return dialog

    def _first_run_finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            if self._settings_page is not None:
                self._settings_page.reload()
            self._profile_saved()
        else:
            self._settings.setValue(SETTING_SETUP_SKIPPED, True)
        # Straight on to this week's figures, without reaching for the mouse.
        self.activateWindow()
        self.show_page(THIS_WEEK)

    def check_diary(self, *, said_when_intact: bool = True) -> bool:
        """Check the diary against its own history, as `workdiary verify` does, and say what was
        found: on opening only when something is wrong, so that an officer learns of a change
        made behind the app's back now, not on the day a pack is refused. True when intact."""
        try:
            with self._diary.reading():
                report = self._diary.verify()
        except WorkDiaryError as error:
            self._messages.error(self, "Work Diary could not check your diary", str(error))
            return False
        self._show_changed_outside(report)
        backwards = ""
        if report.dated_backwards:
            one = len(report.dated_backwards) == 1
            backwards = (
                f"\n\n{count(len(report.dated_backwards), 'entry', 'entries')} "
                f"{'was' if one else 'were'} saved while the computer's clock read earlier "
                f"than the entry before it, so when {'it was' if one else 'they were'} saved "
                "cannot be relied on:\n"
                + _listed_findings([finding.message for finding in report.dated_backwards])
            )
        if not report.intact:
            self._messages.warning(
                self,
                "Your diary was changed outside Work Diary",
                "Work Diary checked your diary against the history it keeps of every change, "
                "and some of it no longer matches: something other than Work Diary changed the "
                f"file.\n\n{_listed_findings([f.message for f in report.findings])}\n\n"
                "Nothing was changed by this check. Work Diary will not save over a record "
                "changed this way, and will not make an evidence pack from the diary while it "
                "does not match its history. Keep the file as it is, since it shows what was "
                "changed; a copy from before the change (a backup) would match again. Your union "
                f"rep can advise.{backwards}",
            )
            return False
        if said_when_intact:
            self._messages.information(
                self,
                "Your diary is intact",
                f"Every record in your diary matches its history of "
                f"{count(report.entries, 'saved change')}: nothing was changed outside Work "
                f"Diary.{backwards}",
            )
        return True

    def _show_changed_outside(self, report: VerifyReport) -> None:
        """Keep in sight, on every page, that the diary's last check found it changed outside
        Work Diary; and show the week form which weeks were."""
        weeks = frozenset(f.key for f in report.findings if f.entity == "weeks")
        self.changed_outside = weeks
        if self._editor is not None:
            self._editor.mark_changed_outside(weeks)
        if report.intact:
            self.changed_outside_label.setVisible(False)
            return
        from workdiary.ui.fields import PROBLEM_STYLE, WARNING_SIGN

        self.changed_outside_label.setStyleSheet(PROBLEM_STYLE)
        self.changed_outside_label.setText(
            f"{WARNING_SIGN} Changed outside Work Diary: Help → Check your diary"
        )
        self.changed_outside_label.setVisible(True)

    # Letters

    def write_letter(self, kind: str) -> LetterDialog:
        """Open the dialog that writes a letter from the diary and logs it as a concern."""
        from workdiary.ui.letters_dialog import LetterDialog

        if self._letter is not None and not self._letter.isVisible():
            self._letter.deleteLater()  # the last letter, written or put away
        dialog = LetterDialog(self._diary, self._messages, kind, self)
        dialog.written.connect(self._diary_changed)
        self._letter = dialog
        dialog.open()
        return dialog

    def _letter_not_saved(self) -> LetterDialog | None:
        """The letter being written, when something was typed in it and it is not saved yet."""
        letter = self._letter
        if letter is not None and letter.isVisible() and letter.has_unsaved_changes():
            return letter
        return None

    # Help

    def open_data_folder(self) -> None:
        """Show the folder the diary is in (with the crash reports) in the file manager."""
        show_folder(
            self._diary.path.parent, f"Your diary ({self._diary.path.name})", self._messages, self
        )

    def show_about(self) -> None:
        self._messages.information(
            self,
            "About Work Diary",
            f"Work Diary {workdiary.__version__}\n\n"
            "A private, tamper-evident record of your workload, week by week.\n\n"
            f"Your diary: {self._diary.path}\n"
            "It stays on this computer: Work Diary never connects to the network.\n\n"
            "Free software under the GNU General Public License, version 3 or later.",
        )

    # Remembering the window

    def _restore_layout(self, first_page: int | None) -> None:
        geometry = self._settings.value(SETTING_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            resize_within_screen(self, FIRST_SIZE.width(), FIRST_SIZE.height())
        page = self._settings.value(SETTING_PAGE, THIS_WEEK, int)
        if first_page is not None:
            page = first_page
        elif self._a_recent_week_is_missing():
            page = THIS_WEEK  # a missed week is not forgotten: the editor opens on it
        self.show_page(page if page in PAGE_NAMES else THIS_WEEK)

    def _a_recent_week_is_missing(self) -> bool:
        """Whether one of the last few weeks that have ended is not logged yet."""
        try:
            with self._diary.reading():
                keys = self._diary.weeks.keys_not_deleted()
        except WorkDiaryError:
            return False  # the page that reads the diary says what is wrong
        today = self._diary.today()
        logged = {date.fromisoformat(key) for key in keys}
        return week_to_open(logged, today) != week_commencing(today)

    def _unsaved_forms(self) -> list[UnsavedForm]:
        """Each page with typing not saved yet, as the closing question names it."""
        forms: list[UnsavedForm] = []
        if self._editor is not None and self._editor.has_unsaved_changes():
            monday = self._editor.current_week()
            forms.append(
                UnsavedForm(
                    THIS_WEEK, f"the week commencing {format_day(monday)}", self._editor.save
                )
            )
        others = [
            (SUPERVISION, self._supervision_page, "a supervision session"),
            (CONCERNS, self._concerns_page, "a concern"),
            (SETTINGS, self._settings_page, "your settings"),
        ]
        forms += [UnsavedForm(index, what, page.save) for index, page, what in others
                  if page is not None and page.has_unsaved_changes()]  # fmt: skip
        # While Mark answered is open, the window's menus and close button wait for it; should
        # the window be closed all the same (by the system, say), the answer is not lost unasked.
        if self._concerns_page is not None and self._concerns_page.answer_not_saved():
            forms.append(UnsavedForm(CONCERNS, "the answer to a concern"))
        # Likewise a letter being written: it waits over whichever page it was begun from.
        letter = self._letter_not_saved()
        if letter is not None:
            forms.append(UnsavedForm(self.current_page(), letter.unsaved_description()))
        return forms

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self._unsaved_forms()
        exporting = self._evidence_page is not None and self._evidence_page.is_exporting()
        if exporting and not self._messages.confirm(
            self,
            "Close Work Diary?",
            "An evidence pack is still being made. If you close now it will not be saved.",
            yes="Close without it",
            no="Wait for it",
        ):
            self.show_page(EVIDENCE)
            event.ignore()
            return
        if unsaved and not self._may_close_unsaved(unsaved):
            letter = self._letter_not_saved()
            if letter is not None:
                letter.raise_()
                letter.activateWindow()
            event.ignore()
            return
        if self._letter is not None and self._letter.isVisible():
            # Nothing typed in it, or the officer said to throw it away: not asked twice.
            self._letter.close_unasked()
        self._settings.setValue(SETTING_GEOMETRY, self.saveGeometry())
        self._settings.setValue(SETTING_PAGE, self.current_page())
        self._settings.sync()
        event.accept()

    def _may_close_unsaved(self, unsaved: list[UnsavedForm]) -> bool:
        """Whether to close with `unsaved` typing: the officer chooses to save it first (each
        form in turn, staying on the first that cannot be saved, which says why), to throw it
        away, or to keep editing. Every form is named: closing throws away all of them, not
        only the first. A letter or an answer is saved from its own dialog, so then the choice
        is only to throw everything away or to keep editing."""
        forms = listed([form.what for form in unsaved])
        them = "them all" if len(unsaved) > 1 else "them"
        text = f"You have changes that are not saved yet to {forms}."
        savers = [form.save for form in unsaved]
        if all(save is not None for save in savers):
            choice = self._messages.choose(
                self,
                "Close Work Diary?",
                f"{text} Save {them} before closing, or close and throw {them} away?",
                [SAVE_AND_CLOSE, CLOSE_WITHOUT_SAVING, KEEP_EDITING],
            )
        else:
            said_yes = self._messages.confirm(
                self,
                "Close Work Diary?",
                f"{text} Closing now throws {them} away.",
                yes=CLOSE_WITHOUT_SAVING,
                no=KEEP_EDITING,
            )
            choice = CLOSE_WITHOUT_SAVING if said_yes else KEEP_EDITING
        if choice == CLOSE_WITHOUT_SAVING:
            return True
        if choice == SAVE_AND_CLOSE:
            for form in unsaved:
                self.show_page(form.page)
                if form.save is None or not form.save():
                    return False  # the page says what stopped it, with the typing kept
            return True
        self.show_page(unsaved[0].page)
        return False


@dataclass(frozen=True)
class UnsavedForm:
    """A page holding typing not saved yet: where it is, how the closing question names it, and
    how to save it (None for a letter or an answer, which are saved from their own dialog)."""

    page: int
    what: str
    save: Callable[[], bool] | None = None


def _listed_findings(messages: list[str]) -> str:
    lines = [f"• {message}" for message in messages[:FINDINGS_LISTED]]
    if len(messages) > FINDINGS_LISTED:
        lines.append(f"• and {len(messages) - FINDINGS_LISTED} more.")
    return "\n".join(lines)
