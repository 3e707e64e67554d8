"""The main window: navigation between the pages, menus, the status bar, and what it remembers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

import workdiary
from workdiary.domain.dates import format_moment
from workdiary.storage import Diary
from workdiary.ui.first_run import FirstRunDialog
from workdiary.ui.history_page import HistoryPage
from workdiary.ui.messages import Messages
from workdiary.ui.settings_page import SettingsPage
from workdiary.ui.week_editor import WeekEditor

THIS_WEEK, HISTORY, SETTINGS = range(3)
PAGE_NAMES = {THIS_WEEK: "This week", HISTORY: "History", SETTINGS: "Settings"}

SETTING_GEOMETRY = "window/geometry"
SETTING_PAGE = "window/page"
SETTING_SETUP_SKIPPED = "setup/skipped"


class MainWindow(QMainWindow):
    def __init__(
        self, diary: Diary, messages: Messages, settings: QSettings, *, demo: bool = False
    ) -> None:
        super().__init__()
        self._diary = diary
        self._messages = messages
        self._settings = settings
        self.demo = demo
        self.setWindowTitle(
            "Work Diary — DEMO: sample data, nothing you enter is kept" if demo else "Work Diary"
        )

        self.editor = WeekEditor(diary, messages)
        self.history = HistoryPage(diary)
        self.settings_page = SettingsPage(diary, messages)
        self.pages = QStackedWidget()
        for page in (self.editor, self.history, self.settings_page):
            self.pages.addWidget(page)
        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Pages")
        self.navigation.addItems(list(PAGE_NAMES.values()))
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 48)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.editor.saved.connect(self._diary_changed)
        self.settings_page.saved.connect(self._diary_changed)
        self.history.open_week.connect(self.open_week)
        self._build_menus()
        self._build_status_bar()
        self._restore_layout()
        self.editor.show_default_week()

    # Menus and status bar

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu("&Go")
        for index, name in PAGE_NAMES.items():
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, page=index: self.show_page(page))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        open_folder = QAction("&Open data folder", self)
        open_folder.triggered.connect(self.open_data_folder)
        about = QAction("&About Work Diary", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(open_folder)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        where = f"Diary: {self._diary.path}"
        if self.demo:
            where = "DEMO — a temporary copy of the sample diary; nothing you enter is kept"
        self.location_label = QLabel(where)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label = QLabel()
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._show_last_saved()

    def _show_last_saved(self) -> None:
        latest = self._diary.audit.latest()
        self.saved_label.setText(
            f"Last saved {format_moment(latest.moment)}" if latest else "Nothing saved yet"
        )

    # Pages

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)
        page = self.pages.currentWidget()
        if page is not None:
            page.setFocus()

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def open_week(self, monday: date) -> None:
        """Open a week in the editor (asked for from History)."""
        if self.editor.show_week(monday):
            self.show_page(THIS_WEEK)

    def _diary_changed(self) -> None:
        # A new week, or a new threshold, changes History's rows and flags.
        self.history.reload()
        self._show_last_saved()

    # First run

    def offer_first_run_setup(self) -> FirstRunDialog | None:
        """On a diary with no profile, offer the set-up once; skipping is remembered."""
        if self._diary.has_profile() or self._settings.value(SETTING_SETUP_SKIPPED, False, bool):
            return None
        dialog = FirstRunDialog(self._diary, self._messages, self)
        dialog.finished.connect(self._first_run_finished)
        dialog.open()
        return dialog

    def _first_run_finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.settings_page.reload()
            self._diary_changed()
            self.editor.show_default_week()
        else:
            self._settings.setValue(SETTING_SETUP_SKIPPED, True)
        # Straight on to this week's figures, without reaching for the mouse.
        self.activateWindow()
        self.show_page(THIS_WEEK)

    # Help

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._diary.path.parent)))

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

    def _restore_layout(self) -> None:
        geometry = self._settings.value(SETTING_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        page = self._settings.value(SETTING_PAGE, THIS_WEEK, int)
        self.navigation.setCurrentRow(page if page in PAGE_NAMES else THIS_WEEK)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor.has_unsaved_changes() and not self._messages.confirm(
            self,
            "Close Work Diary?",
            "You have changes to this week that are not saved yet.",
            yes="Close without saving",
            no="Keep editing",
        ):
            self.show_page(THIS_WEEK)
            event.ignore()
            return
        self._settings.setValue(SETTING_GEOMETRY, self.saveGeometry())
        self._settings.setValue(SETTING_PAGE, self.current_page())
        self._settings.sync()
        event.accept()
