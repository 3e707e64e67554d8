"""The Evidence page: what an evidence pack will cover, exporting it off the GUI thread, the
packs exported before, and checking a pack (ours or anyone's) as `workdiary verify PACK.pdf`
does."""

from __future__ import annotations

import gc
import itertools
import math
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCursor,
    QFont,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workdiary import packs
from workdiary.domain.dates import (
    format_day,
    format_days,
    format_moment,
    week_commencing,
    week_ending,
)
from workdiary.domain.errors import InvalidInput, WorkDiaryError
from workdiary.domain.figures import summarise, week_lines
from workdiary.domain.formatting import count
from workdiary.domain.records import Export, Recorded, SupervisionStatus
from workdiary.evidence.amendments import amendment_history
from workdiary.evidence.pack import SHORT_FINGERPRINT, Pack
from workdiary.evidence.period import access_requests_apart, coverage, first_day_recorded
from workdiary.evidence.snapshot import SECTIONS, PackOptions, Snapshot
from workdiary.pack_verdict import (
    CheckedFile,
    Face,
    PackStatus,
    PackVerdict,
    check_pack_file,
    compare_checked,
    not_a_pack_verdict,
    pack_verdict,
    unreadable_verdict,
)
from workdiary.storage import Diary
from workdiary.ui.fields import (
    DateField,
    format_date_for_typing,
    hint_label,
    plain_label,
    problem_label,
    typed_period,
    with_mnemonic,
)
from workdiary.ui.folders import documents_folder, show_folder
from workdiary.ui.history_page import DEFAULT_PERIOD, PERIODS, Period, period_weeks
from workdiary.ui.messages import Messages
from workdiary.ui.saving import asking_about_clock
from workdiary.ui.scrolling import FocusFollowingScrollArea

# The sections as the page offers them, in the order the pack prints them.
SECTION_LABELS = {
    "summary": "Summary figures",
    "charts": "Charts",
    "weeks": "Weekly table",
    "supervision": "Supervision log",
    "concerns": "Concerns log",
    "notes": "Weekly notes",
    "amendments": "Amendment history",
    "attachments": "Attachments",
    "verification": "Verification page",
}
SECTION_COLUMNS = 3
# The letter each section's box answers to with Alt: the letters its label has that nothing else
# on the page, nor the window's File (F), Go (G) and Help (H) menus, has taken.
SECTION_MNEMONICS = {
    "summary": "u",
    "charts": "s",
    "weeks": "b",
    "supervision": "i",
    "concerns": "l",
    "notes": "w",
    "amendments": "d",
    "attachments": "a",
    "verification": "v",
}

# How much of each section fits on a page, measured on packs of the sample diary (every section
# starts a new page after a one-page cover; the 10-year sample, all of it, is 49 pages). Within a
# page or two either way, which is all the estimate claims.
WEEK_ROWS_PER_PAGE = 45
SESSIONS_PER_PAGE = 22
SESSIONS_PER_PAGE_WITHOUT_NOTES = 40  # the actions and notes column is left out
CONCERNS_PER_PAGE = 9
NOTES_PER_PAGE = 20
NOTE_CHARACTERS_PER_PAGE = 6_000
AMENDMENTS_PER_PAGE = 12  # a long change takes a line for its label, and its value before and after
SUMMARY_PAGES = 2
COVER_PAGES = 1

EXPORTS_COLUMNS = ("Made", "Period", "File", "Fingerprint")
CHECK_HINT = (
    "Is a pack intact, and does it match your diary? Choose its PDF, one of yours or one someone "
    "has given you. Checking it changes nothing."
)
FINGERPRINT_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class PackContents:
    """What a pack of a period holds, counted the way the pack itself counts it."""

    first_week: date
    ends_on: date  # the period's last Sunday, or today where that is still to come
    ends_today: bool
    weeks_in_period: int  # the weeks of the weekly figures
    week_not_logged_yet: date | None  # this week, not ended, nothing logged: not in the figures
    weeks_logged: int
    weeks_not_logged: int
    weeks_before_first_recorded: int  # not counted: the diary was not kept yet
    sessions: int
    sessions_held: int  # recorded as held
    days_held: int  # the days they fall on: the pack counts sessions on one day as one
    concerns: int
    # Raised before the period and still unanswered when it began: the concerns log lists them too.
    earlier_concerns: int
    # Subject access requests, made in the period or unanswered when it began: logged as
    # concerns, but counted and listed apart from them, as the pack does.
    access_requests: int
    amendments: int  # changes after records were first recorded: amendments, answers, deletions…
    weeks_with_notes: int
    note_characters: int


def pack_contents(snapshot: Snapshot, options: PackOptions) -> PackContents:
    """Count what `build_pack(snapshot, options)` would show, without making the PDF."""
    covered = coverage(snapshot, options)
    lines = week_lines(
        snapshot.weeks,
        snapshot.profile,
        covered.first_week,
        covered.figures_last_week,
        covered.first_recorded,
    )
    summary = summarise(lines, snapshot.profile)
    concerns, access_requests = access_requests_apart(covered.concerns)
    earlier_concerns, earlier_access_requests = access_requests_apart(covered.earlier_concerns)
    notes = [entry.record.notes for entry in covered.weeks if entry.record.notes.strip()]
    held_on = [
        entry.record.held_on
        for entry in covered.sessions
        if entry.record.status is SupervisionStatus.HELD
    ]
    return PackContents(
        first_week=covered.first_week,
        ends_on=covered.ends_on,
        ends_today=covered.ends_on < covered.last_day,
        weeks_in_period=covered.weeks_in_period,
        week_not_logged_yet=covered.week_not_logged_yet,
        weeks_logged=summary.weeks_logged,
        weeks_not_logged=summary.weeks_not_logged,
        weeks_before_first_recorded=covered.weeks_in_period - len(lines),
        sessions=len(covered.sessions),
        sessions_held=len(held_on),
        days_held=len(set(held_on)),
        concerns=len(concerns),
        earlier_concerns=len(earlier_concerns),
        access_requests=len(access_requests) + len(earlier_access_requests),
        amendments=len(amendment_history(covered.audit, options.include_notes)),
        weeks_with_notes=len(notes),
        note_characters=sum(len(note) for note in notes),
    )


def _pages(items: float, per_page: float) -> int:
    """Pages for a section: it starts on a page of its own, even when it has nothing to list."""
    return max(1, math.ceil(items / per_page))


def estimate_pages(contents: PackContents, options: PackOptions) -> int:
    """Roughly how many pages the pack will have, from the counts alone."""
    sessions_per_page = (
        SESSIONS_PER_PAGE if options.include_notes else SESSIONS_PER_PAGE_WITHOUT_NOTES
    )
    by_section = {
        "summary": SUMMARY_PAGES,
        "weeks": _pages(contents.weeks_logged + contents.weeks_not_logged, WEEK_ROWS_PER_PAGE),
        "supervision": _pages(contents.sessions, sessions_per_page),
        "concerns": _pages(
            contents.concerns + contents.earlier_concerns + contents.access_requests,
            CONCERNS_PER_PAGE,
        ),
        "notes": _pages(
            contents.weeks_with_notes / NOTES_PER_PAGE
            + contents.note_characters / NOTE_CHARACTERS_PER_PAGE,
            1,
        ),
        "amendments": _pages(contents.amendments, AMENDMENTS_PER_PAGE),
    }
    chosen = [
        section
        for section in SECTIONS
        if section in options.sections and (section != "notes" or options.include_notes)
    ]
    return COVER_PAGES + sum(by_section.get(section, 1) for section in chosen)


def _held_words(sessions: int, days: int) -> str:
    """`83 held`; where sessions share a day, what the pack then counts, in its words."""
    if not sessions:
        return "none held"
    if sessions == days:
        return f"{sessions:,} held"
    return f"{sessions:,} held, on {count(days, 'day')}: sessions held on the same day count as one"


def contents_text(contents: PackContents, options: PackOptions) -> str:
    """What the pack will hold, in a few plain lines."""
    today = ", today" if contents.ends_today else ""
    lines = [
        f"{format_days(contents.first_week, contents.ends_on)}{today}: "
        f"{count(contents.weeks_in_period, 'week')}, {contents.weeks_logged:,} logged and "
        f"{contents.weeks_not_logged:,} not logged"
        + (
            f"; {count(contents.weeks_before_first_recorded, 'week')} before the first week "
            "recorded in the diary "
            f"{'is' if contents.weeks_before_first_recorded == 1 else 'are'} not counted."
            if contents.weeks_before_first_recorded
            else "."
        ),
        f"{count(contents.sessions, 'supervision session')} recorded "
        f"({_held_words(contents.sessions_held, contents.days_held)}), "
        f"{count(contents.concerns, 'concern')} raised"
        + (
            f", and {contents.earlier_concerns:,} more raised before the period and still "
            "unanswered when it began."
            if contents.earlier_concerns
            else "."
        ),
        *(
            [
                f"And {count(contents.access_requests, 'subject access request')}, listed apart "
                "from the concerns: "
                + ("it is not one" if contents.access_requests == 1 else "they are not ones")
                + " about workload."
            ]
            if contents.access_requests
            else []
        ),
        # "Change", as the pack counts them: an answer recorded is no amendment of a concern.
        f"{count(contents.amendments, 'change')} to the records after they were first recorded "
        "(amendments, deletions, answers recorded).",
    ]
    if contents.week_not_logged_yet is not None:
        lines.insert(
            1,
            "This week has not ended and nothing is logged for it yet: the pack shows what is "
            "recorded in its days so far, and does not count it as a week not logged.",
        )
    if not options.include_notes:
        lines.append("Notes left out: the pack says so on its cover.")
    if not options.sections:
        lines.append("No sections chosen: the pack would be just its cover. Choose at least one.")
    else:
        lines.append(
            f"About {count(estimate_pages(contents, options), 'page')} (an estimate: the pack "
            "says exactly once it is made)."
        )
    return "\n".join(lines)


def export_row(entry: Recorded[Export]) -> tuple[str, str, str, str]:
    """An earlier export as the list shows it: made (local time), period, file, fingerprint."""
    export = entry.record
    try:
        made_at: datetime | None = datetime.fromisoformat(export.made_at)
    except ValueError:
        made_at = None
    made = format_moment(made_at) if made_at is not None else export.made_at
    if export.period_from is not None and export.period_to is not None:
        # As its cover gives it: to the day it was made, where its last week had not ended.
        last = week_ending(export.period_to)
        if made_at is not None:
            last = min(last, made_at.astimezone().date())
        period = format_days(export.period_from, last)
    else:
        period = "The whole diary"
    return made, period, export.file_name, f"{export.fingerprint[:SHORT_FINGERPRINT]}…"


# Building a pack off the GUI thread


class _CollectorPause:
    """Python's cyclic garbage collector runs in whichever thread happens to allocate, and a Qt
    object it frees there, away from the GUI thread, can crash the app (a closed dialog left in
    a reference cycle, say). So it is paused while a pack is built in a worker, and resumed on
    the GUI thread once every build has reported. Used from the GUI thread only."""

    def __init__(self) -> None:
        self._held = 0
        self._resume = False

    def hold(self) -> None:
        if self._held == 0:
            self._resume = gc.isenabled()
            gc.disable()
        self._held += 1

    def release(self) -> None:
        self._held -= 1
        if self._held == 0 and self._resume:
            gc.enable()


# One for the whole app, as the collector is.
_COLLECTOR_PAUSE = _CollectorPause()


class _BuildSignals(QObject):
    """How a build reports back: queued to the GUI thread, tagged with the export's number."""

    built = Signal(int, object)  # the number, the Pack
    failed = Signal(int, object)  # the number, the exception


class _BuildJob(QRunnable):
    """Builds one pack from its snapshot: pure work, no diary and no widgets."""

    def __init__(
        self, number: int, snapshot: Snapshot, options: PackOptions, signals: _BuildSignals
    ) -> None:
        super().__init__()
        # Kept alive by the page until it reports, rather than deleted by the pool under Python.
        self.setAutoDelete(False)
        self.number = number
        self.snapshot = snapshot
        self.options = options
        # The page's, living in the GUI thread: a job never owns a QObject it could end up
        # deleting from its own thread.
        self.signals = signals

    def run(self) -> None:
        # Imported here: reportlab loads in this thread, the first time, not in the GUI's.
        from workdiary.evidence import pack as pack_module

        try:
            built = pack_module.build_pack(self.snapshot, self.options)
        except BaseException as error:  # reported on the GUI thread: every build reports once
            self.signals.failed.emit(self.number, error)
            return
        self.signals.built.emit(self.number, built)


class _CheckSignals(QObject):
    """How a check of a pack file reports back, queued to the GUI thread."""

    checked = Signal(object)  # the CheckedFile
    failed = Signal(object)  # the exception


class _CheckJob(QRunnable):
    """Reads a pack file and checks it against its own seal: pure work, no diary and no widgets
    (a big pack, or one on a slow drive, takes a while to read)."""

    def __init__(self, path: Path, signals: _CheckSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # kept by the page until it reports, as a build is
        self.path = path
        self.signals = signals

    def run(self) -> None:
        try:
            checked = check_pack_file(self.path)
        except BaseException as error:  # reported on the GUI thread: every check reports once
            self.signals.failed.emit(error)
            return
        self.signals.checked.emit(checked)


def verdict_text(verdict: PackVerdict) -> str:
    """The verdict as a message says it: in a few words first (not every desktop shows a
    message's title, and few people read it), then a paragraph each, lists as bullets, and what
    to do."""
    paragraphs = [f"{verdict.title}."]
    paragraphs += [
        "\n".join([paragraph.text, *(f"• {item}" for item in paragraph.items)])
        for paragraph in verdict.paragraphs
    ]
    if verdict.advice:
        paragraphs.append(verdict.advice)
    return "\n\n".join(paragraphs)


@dataclass(frozen=True)
class _Exporting:
    """An export under way: its number, where it goes, what it is made from, and whether the
    user chose to make it with the computer's clock reading earlier than the diary's last entry."""

    number: int
    path: Path
    snapshot: Snapshot
    options: PackOptions
    job: _BuildJob
    clock_behind: bool


class EvidencePage(QWidget):
    """Emits `exported` with the path of each pack written (and recorded in the diary)."""

    exported = Signal(object)

    def __init__(self, diary: Diary, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._messages = messages
        self._snapshot: Snapshot | None = None
        self._exporting: _Exporting | None = None
        # Builds cancelled but still running: kept referenced until they report, then dropped.
        self._abandoned: dict[int, _BuildJob] = {}
        self._numbers = itertools.count(1)
        self._custom_dates_set = False
        self._last_saved: Path | None = None
        # One build at a time: a cancelled one still running finishes before the next starts.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # Packs are checked in a pool of their own, so that a check need not wait for a build.
        self._check_pool = QThreadPool(self)
        self._check_pool.setMaxThreadCount(1)
        self._checking: _CheckJob | None = None
        self._last_checked: Path | None = None
        # Made after the pools, so they outlive them: a pool waits for a running job when the
        # page goes, and the job may still report.
        self._signals = _BuildSignals(self)
        self._signals.built.connect(self._built)
        self._signals.failed.connect(self._failed)
        self._check_signals = _CheckSignals(self)
        self._check_signals.checked.connect(self._pack_checked)
        self._check_signals.failed.connect(self._check_failed)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._build_heading())
        layout.addWidget(
            hint_label(
                "A PDF of your records for a union rep, a grievance panel or a tribunal. It "
                "carries its own data and fingerprint, so anyone can check later that nothing in "
                "it was changed."
            )
        )
        layout.addWidget(self._build_options())
        layout.addWidget(self._build_summary())
        layout.addWidget(self._build_export())
        layout.addSpacing(self.fontMetrics().lineSpacing())
        layout.addWidget(self._build_check())
        layout.addWidget(self._build_exports_list(), 1)
        # The page scrolls when the window is small or the text large (at 200 %), rather than
        # squeezing the options.
        self.page_scroll = FocusFollowingScrollArea()
        self.page_scroll.setWidget(content)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        page_layout = QVBoxLayout(self)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.page_scroll)
        self.setFocusProxy(self.period)

        self._show_ready()
        self.reload()

    # The public interface

    def reload(self) -> None:
        """Read the diary again (after a save elsewhere, or a change of profile)."""
        try:
            self._snapshot = packs.take_snapshot(self._diary)
            exports = self._diary.exports.all()
        except WorkDiaryError as error:
            self._messages.error(self, "Cannot read the diary", str(error))
            return
        self._show_exports(exports)
        self._update_summary()

    def pack_options(self) -> PackOptions | None:
        """The options as chosen; None when the period cannot be worked out (the page says why)."""
        bounds, _problem = self._period()
        if bounds is None:
            return None
        return PackOptions(
            first_week=bounds[0],
            last_week=bounds[1],
            sections=frozenset(
                section for section, box in self.section_boxes.items() if box.isChecked()
            ),
            include_notes=not self.leave_out_notes.isChecked(),
            prepared_for=self.prepared_for.text().strip(),
        )

    def choose_period(self, label: str) -> None:
        """Choose a period by its label ("Last 12 months", "Custom dates", …)."""
        self.period.setCurrentText(label)

    def set_custom_dates(self, first: date, last: date) -> None:
        """Choose the weeks from `first` to `last` (any day of a week means that week)."""
        self._custom_dates_set = True
        self.from_date.setText(format_date_for_typing(first))
        self.to_date.setText(format_date_for_typing(last))
        self.choose_period(next(period.label for period in PERIODS if period.custom))

    def default_path(self) -> Path | None:
        """Where the file dialog starts: the Documents folder (the home folder where there is no
        Documents folder), with the pack's usual name, numbered after any pack already saved
        there under it: a pack is never written over another (see export_to)."""
        options = self.pack_options()
        if options is None or self._snapshot is None:
            return None
        return packs.unused_pack_path(documents_folder(), self._snapshot, options)

    def export(self) -> None:
        """Ask where to save the pack, then export it there."""
        start = self.default_path()
        if start is None or self.is_exporting():
            return
        try:  # before choosing where the pack goes: not a refusal after the choosing
            with self._diary.reading():
                packs.refuse_altered_diary(self._diary)
        except WorkDiaryError as error:
            self._messages.error(self, "The evidence pack was not made", str(error))
            return
        # No "replace?" from the dialog: a pack is never written over a file (see export_to),
        # and the dialog's question would miss the name once .pdf is added to it.
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Save the evidence pack as",
            str(start),
            "PDF (*.pdf)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            path = Path(chosen)
            self.export_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def export_to(self, path: Path) -> None:
        """Export the pack to `path`: the diary is read now, the PDF made in another thread, and
        the file written (and the export recorded) when it is ready, unless cancelled. Nothing
        already at `path` is written over: it may be a pack already in someone's hands."""
        if self.is_exporting():
            return
        try:
            packs.refuse_file_in_the_way(path)
        except packs.PackFileInTheWay as in_the_way:
            self._say_file_in_the_way(in_the_way)
            return
        try:
            # With whether the user said to make it though the clock reads before the last entry.
            taken = asking_about_clock(
                lambda allow_clock_behind: (
                    packs.snapshot_for_export(self._diary, allow_clock_behind=allow_clock_behind),
                    allow_clock_behind,
                ),
                self._messages,
                self,
                doing="Make the pack",
            )
        except WorkDiaryError as error:
            self._messages.error(self, "The evidence pack was not made", str(error))
            return
        if taken is None:
            return
        snapshot, clock_behind = taken
        # The period is worked out afresh from this reading of the diary, which is what the pack
        # shows: "the last 3 months" end with the latest week as it stands now.
        self._snapshot = snapshot
        self._update_summary()
        options = self.pack_options()
        if options is None or not options.sections:
            return
        job = _BuildJob(next(self._numbers), snapshot, options, self._signals)
        self._exporting = _Exporting(
            job.number, path, snapshot, options, job, clock_behind=clock_behind
        )
        self._show_exporting(snapshot)
        _COLLECTOR_PAUSE.hold()
        self._pool.start(job)

    def cancel(self) -> None:
        """Stop waiting for the pack being made: nothing is written and nothing recorded."""
        exporting = self._exporting
        if exporting is None:
            return
        # The build cannot be interrupted; its result is thrown away when it comes.
        self._abandoned[exporting.number] = exporting.job
        self._exporting = None
        self._show_ready(
            "Export cancelled. Nothing was written and no export was recorded in the diary."
        )
        self.export_button.setFocus()

    def is_exporting(self) -> bool:
        return self._exporting is not None

    def wait_for_builds(self, timeout_ms: int) -> bool:
        """Wait for any pack still being made, cancelled ones too, and any being checked (before
        the diary is closed, say); False if one is still running after `timeout_ms`. What they
        report arrives with the next events processed."""
        return self._pool.waitForDone(timeout_ms) and self._check_pool.waitForDone(timeout_ms)

    def check_pack(self) -> None:
        """Ask for a pack file, then check it."""
        if self.is_checking():
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            "Check an evidence pack",
            str(self._check_start_folder()),
            "PDF (*.pdf *.PDF);;All files (*)",
        )
        if chosen:
            self.check_pack_at(Path(chosen))

    def check_pack_at(self, path: Path) -> None:
        """Check the pack at `path` as `workdiary verify PACK.pdf` does, and say what was found:
        the file is read and checked against its seal in another thread, then compared with the
        diary here. Nothing is written, to the file or to the diary."""
        if self.is_checking():
            return
        self._last_checked = path
        job = _CheckJob(path, self._check_signals)
        self._checking = job
        self.check_button.setEnabled(False)
        self.check_status.setText(f"Checking {path.name}…")
        # Work going on, while the page can still be used.
        self.setCursor(Qt.CursorShape.BusyCursor)
        _COLLECTOR_PAUSE.hold()
        self._check_pool.start(job)

    def is_checking(self) -> bool:
        return self._checking is not None

    def selected_fingerprint(self) -> str | None:
        """The full fingerprint of the export selected in the list."""
        item = self.exports_list.currentItem()
        value = item.data(0, FINGERPRINT_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def copy_fingerprint(self) -> None:
        fingerprint = self.selected_fingerprint()
        if fingerprint:
            QGuiApplication.clipboard().setText(fingerprint)
            self.exports_note.setText("Fingerprint copied.")

    def open_folder(self) -> None:
        """Show the folder the last pack was saved in, in the desktop's file manager."""
        if self._last_saved is None:
            return
        show_folder(
            self._last_saved.parent, f"The pack ({self._last_saved.name})", self._messages, self
        )

    # Building the widgets

    def _build_heading(self) -> QLabel:
        heading = plain_label("Evidence pack")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        return heading

    def _build_options(self) -> QGroupBox:
        box = QGroupBox("What the pack covers")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)

        self.period = QComboBox()
        self.period.addItems([period.label for period in PERIODS])
        self.period.setCurrentText(DEFAULT_PERIOD)
        self.period.setAccessibleName("Period")
        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period)
        self.from_date = DateField()
        self.from_date.line_edit.setAccessibleName("First week of the period")
        self.to_date = DateField()
        self.to_date.line_edit.setAccessibleName("Last week of the period")
        self.from_label = QLabel("Fro&m")
        self.from_label.setBuddy(self.from_date.line_edit)
        self.to_label = QLabel("&to")
        self.to_label.setBuddy(self.to_date.line_edit)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period)
        period_row.addWidget(self.from_label)
        period_row.addWidget(self.from_date)
        period_row.addWidget(self.to_label)
        period_row.addWidget(self.to_date)
        period_row.addStretch(1)
        grid.addWidget(period_label, 0, 0)
        grid.addLayout(period_row, 0, 1)
        self.period_problem = problem_label()
        grid.addWidget(self.period_problem, 1, 1)

        sections_label = QLabel("Sections:")
        sections = QGridLayout()
        self.section_boxes: dict[str, QCheckBox] = {}
        for index, section in enumerate(SECTIONS):
            check = QCheckBox(with_mnemonic(SECTION_LABELS[section], SECTION_MNEMONICS[section]))
            check.setChecked(True)
            check.toggled.connect(self._update_summary)
            sections.addWidget(check, index // SECTION_COLUMNS, index % SECTION_COLUMNS)
            self.section_boxes[section] = check
        sections.setColumnStretch(SECTION_COLUMNS, 1)
        grid.addWidget(sections_label, 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(sections, 2, 1)

        self.leave_out_notes = QCheckBox("Leave out &notes (to share the pack)")
        notes_hint = (
            "Leaves out the weekly notes, and the actions and notes of supervision sessions. "
            "Every figure, date and change stays in, and what each concern said."
        )
        self.leave_out_notes.setToolTip(notes_hint)
        self.leave_out_notes.setAccessibleDescription(notes_hint)
        self.leave_out_notes.toggled.connect(self._notes_toggled)
        grid.addWidget(self.leave_out_notes, 3, 1)
        grid.addWidget(hint_label(notes_hint), 4, 1)

        self.prepared_for = QLineEdit()
        self.prepared_for.setPlaceholderText("For example: Napo branch rep (J. Smith)")
        self.prepared_for.setMaximumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.prepared_for.setAccessibleName("Prepared for")
        self.prepared_for.setAccessibleDescription("Printed on the cover; optional")
        prepared_label = QLabel("Prepared fo&r:")
        prepared_label.setBuddy(self.prepared_for)
        grid.addWidget(prepared_label, 5, 0)
        grid.addWidget(self.prepared_for, 5, 1)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.from_date.textChanged.connect(self._update_summary)
        self.to_date.textChanged.connect(self._update_summary)
        self._show_custom_dates(False)
        return box

    def _build_summary(self) -> QGroupBox:
        box = QGroupBox("What the pack will hold")
        column = QVBoxLayout(box)
        self.summary = plain_label()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("What the pack will hold")
        column.addWidget(self.summary)
        return box

    def _check_start_folder(self) -> Path:
        """Where the file dialog for a pack to check opens: where the last one checked, or saved,
        was; otherwise Documents (the home folder where there is none)."""
        for earlier in (self._last_checked, self._last_saved):
            if earlier is not None and earlier.parent.is_dir():
                return earlier.parent
        return documents_folder()

    def _build_export(self) -> QWidget:
        self.export_button = QPushButton("&Export…")
        self.export_button.setToolTip("Choose where to save the pack, then make it")
        self.export_button.clicked.connect(self.export)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # making a pack has no steps to count
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Making the evidence pack")
        self.cancel_button = QPushButton("&Cancel")
        self.cancel_button.setToolTip("Stop: nothing is written and nothing recorded")
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button = QPushButton("&Open folder")
        self.open_folder_button.setToolTip("Show the folder the pack was saved in")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.status = plain_label()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName("Export status")

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addLayout(status_row)
        return holder

    def _build_exports_list(self) -> QWidget:
        label = QLabel("Earlier e&xports, newest first:")
        self.exports_list = QTreeWidget()
        self.exports_list.setColumnCount(len(EXPORTS_COLUMNS))
        self.exports_list.setHeaderLabels(list(EXPORTS_COLUMNS))
        self.exports_list.setAccessibleName("Earlier exports")
        self.exports_list.setRootIsDecorated(False)
        self.exports_list.setUniformRowHeights(True)
        self.exports_list.setAlternatingRowColors(True)
        self.exports_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.exports_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exports_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.exports_list.currentItemChanged.connect(self._update_copy)
        label.setBuddy(self.exports_list)
        self.copy_action = QAction("Cop&y fingerprint", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        # Only in the list: Ctrl+C elsewhere on the page copies text as usual.
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_fingerprint)
        self.exports_list.addAction(self.copy_action)
        self.exports_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_button = QPushButton("Cop&y fingerprint")
        self.copy_button.setToolTip("Copy the whole fingerprint of the selected export (Ctrl+C)")
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.exports_note = plain_label()
        self.exports_note.setWordWrap(False)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addStretch(1)
        top.addWidget(self.exports_note)
        top.addWidget(self.copy_button)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.exports_list, 1)
        column.addWidget(
            hint_label(
                "Each pack's fingerprint is printed on it. To check a pack, one of yours or one "
                "someone has given you, use Check a pack… above."
            )
        )
        return holder

    def _build_check(self) -> QWidget:
        """Check a pack…, with what it does beside it; once a pack is checked, what was found."""
        self.check_button = QPushButton("Chec&k a pack…")
        self.check_button.setToolTip(CHECK_HINT)
        self.check_button.setAccessibleDescription(CHECK_HINT)
        self.check_button.clicked.connect(self.check_pack)
        self.check_status = hint_label(CHECK_HINT)
        self.check_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_status.setAccessibleName("Pack check")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.check_status, 1)
        holder = QWidget()
        holder.setLayout(row)
        return holder

    # The period

    def _chosen_period(self) -> Period:
        return PERIODS[max(self.period.currentIndex(), 0)]

    def _period(self) -> tuple[tuple[date, date] | None, str]:
        """The period's first and last Mondays, or None and what is wrong; with a period, what
        was changed in it, if anything. A pack runs to today at the latest: to this week, whose
        days so far it shows whether anything is logged for the week yet or not."""
        snapshot = self._snapshot
        if snapshot is None:
            return None, ""
        today = snapshot.taken_at.astimezone().date()
        period = self._chosen_period()
        if not period.custom:
            began = first_day_recorded(snapshot)
            if began is None:
                return None, "Nothing is recorded in your diary yet, so there is nothing to show."
            # The weeks of its weekly figures, as History shows them; and then this week's days.
            weeks = period_weeks(period, snapshot.weeks, today, began=began)
            first = weeks[0] if weeks is not None else week_commencing(began)
            return (first, week_commencing(today)), ""
        try:
            first, last = typed_period(self.from_date.text(), self.to_date.text())
        except InvalidInput as error:
            return None, " ".join(problem.message for problem in error.problems)
        if first > today:
            return None, (
                f"From ({format_day(first)}) is after today: a pack shows what is recorded up to "
                "today. Put an earlier date in From."
            )
        bounds = week_commencing(first), week_commencing(min(last, today))
        if last > today:
            return bounds, (
                f"To ({format_day(last)}) is after today: the pack runs to today, "
                f"{format_day(today)}."
            )
        return bounds, ""

    def _period_chosen(self) -> None:
        custom = self._chosen_period().custom
        if custom and not self._custom_dates_set and self._snapshot is not None:
            # Start from the whole diary, so the dates only need adjusting.
            began = first_day_recorded(self._snapshot)
            if began is not None:
                self.from_date.setText(format_date_for_typing(week_commencing(began)))
                today = self._snapshot.taken_at.astimezone().date()
                self.to_date.setText(format_date_for_typing(today))
            self._custom_dates_set = True
        self._show_custom_dates(custom)
        self._update_summary()

    def _show_custom_dates(self, shown: bool) -> None:
        for widget in (self.from_label, self.from_date, self.to_label, self.to_date):
            widget.setVisible(shown)

    def _notes_toggled(self, leave_out: bool) -> None:
        notes = self.section_boxes["notes"]
        notes.setEnabled(not leave_out and not self.is_exporting())
        notes.setToolTip("Left out with the notes" if leave_out else "")
        self._update_summary()

    # The summary

    def _update_summary(self) -> None:
        if self._snapshot is None:
            return
        bounds, problem = self._period()
        options = self.pack_options()
        self.period_problem.setText(f"⚠ {problem}" if problem else "")
        self.period_problem.setVisible(bool(problem))
        if options is None:
            self.summary.setText("Nothing to put in a pack until the period is right.")
        else:
            try:
                contents = pack_contents(self._snapshot, options)
            except InvalidInput as error:
                self.summary.setText(str(error))
                options = None
            else:
                self.summary.setText(contents_text(contents, options))
        self.export_button.setEnabled(
            bounds is not None
            and options is not None
            and bool(options.sections)
            and not self.is_exporting()
        )

    # Exporting

    def _option_widgets(self) -> list[QWidget]:
        return [
            self.period,
            self.from_date,
            self.to_date,
            *self.section_boxes.values(),
            self.leave_out_notes,
            self.prepared_for,
        ]

    def _show_exporting(self, snapshot: Snapshot) -> None:
        for widget in self._option_widgets():
            widget.setEnabled(False)
        self.export_button.setEnabled(False)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.open_folder_button.hide()
        self.status.setText(
            f"Making the pack from the diary as it stood on {format_moment(snapshot.taken_at)}. "
            "You can go on using Work Diary meanwhile; what you change now will not be in this "
            "pack. Cancel throws the pack away: nothing is written."
        )
        self.cancel_button.setFocus()

    def _show_ready(self, status: str = "") -> None:
        for widget in self._option_widgets():
            widget.setEnabled(True)
        self.section_boxes["notes"].setEnabled(not self.leave_out_notes.isChecked())
        self.progress.hide()
        self.cancel_button.hide()
        self.open_folder_button.setVisible(False)
        self.status.setText(status)
        self._update_summary()

    def _reported(self, number: int) -> _Exporting | None:
        """A build has reported: the export it was for, unless it was cancelled."""
        _COLLECTOR_PAUSE.release()
        exporting = self._exporting
        if exporting is None or exporting.number != number:
            self._abandoned.pop(number, None)  # cancelled: what it made is thrown away
            return None
        self._exporting = None
        return exporting

    @Slot(int, object)
    def _built(self, number: int, built: Pack) -> None:
        exporting = self._reported(number)
        if exporting is None:
            return
        try:
            saved = packs.save_pack(
                self._diary,
                exporting.snapshot,
                exporting.options,
                built.fingerprint,
                built.pdf,
                exporting.path,
                allow_clock_behind=exporting.clock_behind,
            )
        except packs.PackFileInTheWay as in_the_way:  # made there while the pack was built
            self._show_ready(f"The pack was not saved to {exporting.path}.")
            self._say_file_in_the_way(in_the_way)
            return
        except WorkDiaryError as error:
            self._show_ready(f"The pack was not saved to {exporting.path}.")
            self._messages.error(
                self,
                "The evidence pack was not saved",
                f"{error}\n\nTry again, or choose another folder.",
            )
            self.export_button.setFocus()
            return
        except Exception:
            # A fault in Work Diary: the page is usable again, and the fault goes on to be
            # reported like any other (see ui/faults.py).
            self._show_ready(f"The pack may not have been saved to {exporting.path}.")
            self.export_button.setFocus()
            raise
        self._last_saved = saved.path
        self._show_ready(
            f"Saved the evidence pack ({count(built.pages, 'page')}) as\n{saved.path}\n\n"
            f"Its fingerprint, printed on every page:\n{built.fingerprint}\n\n"
            "Anyone with Work Diary can check it: Check a pack… on the Evidence page."
        )
        self.open_folder_button.show()
        self.open_folder_button.setFocus()
        try:
            self._show_exports(self._diary.exports.all())
        except WorkDiaryError as error:
            self._messages.error(self, "Cannot read the diary", str(error))
        self.exported.emit(saved.path)

    def _say_file_in_the_way(self, in_the_way: packs.PackFileInTheWay) -> None:
        self._messages.error(
            self,
            "The evidence pack was not saved",
            f"{in_the_way}\n\nPress Export… again and choose another name.",
        )
        self.export_button.setFocus()

    @Slot(int, object)
    def _failed(self, number: int, error: BaseException) -> None:
        if self._reported(number) is None:
            return
        self._show_ready("The pack was not made. Nothing was written.")
        if not isinstance(error, WorkDiaryError):
            self.export_button.setFocus()
            raise error  # a fault in the build, reported like any other (see ui/faults.py)
        self._messages.error(self, "The evidence pack was not made", str(error))
        self.export_button.setFocus()

    # Earlier exports

    def _show_exports(self, exports: list[Recorded[Export]]) -> None:
        self.exports_list.clear()
        newest_first = sorted(exports, key=lambda entry: entry.record.made_at, reverse=True)
        items = []
        for entry in newest_first:
            item = QTreeWidgetItem(list(export_row(entry)))
            item.setData(0, FINGERPRINT_ROLE, entry.record.fingerprint)
            item.setToolTip(3, entry.record.fingerprint)
            item.setToolTip(2, f"File SHA-256: {entry.record.file_sha256}")
            items.append(item)
        self.exports_list.addTopLevelItems(items)
        for column in range(len(EXPORTS_COLUMNS)):
            self.exports_list.resizeColumnToContents(column)
        if items:
            self.exports_list.setCurrentItem(items[0])
        self._update_copy()

    def _update_copy(self) -> None:
        has = self.selected_fingerprint() is not None
        self.copy_button.setEnabled(has)
        self.copy_action.setEnabled(has)
        self.exports_note.setText("" if has else "No packs exported yet.")

    # Checking a pack

    def _check_done(self) -> Path | None:
        """A check has reported: the page is ready for the next; the file it was of."""
        _COLLECTOR_PAUSE.release()
        job, self._checking = self._checking, None
        self.unsetCursor()
        self.check_button.setEnabled(True)
        self.check_status.setText(CHECK_HINT)
        return job.path if job is not None else None

    @Slot(object)
    def _pack_checked(self, checked: CheckedFile) -> None:
        path = self._check_done()
        if checked.never_a_pack:
            self._say_verdict(path, not_a_pack_verdict(checked))
            return
        try:
            # On the GUI thread, where the diary lives; quick beside reading the file.
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
            try:
                comparison = compare_checked(self._diary, checked)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except WorkDiaryError as error:
            self._messages.error(
                self,
                "The pack was not checked against your diary",
                f"Work Diary could not read your diary to compare the pack with it.\n\n{error}",
            )
            self.check_button.setFocus()
            return
        except Exception:
            self.check_button.setFocus()
            raise  # a fault in Work Diary, reported like any other (see ui/faults.py)
        self._say_verdict(path, pack_verdict(checked.check, comparison, Face.WINDOW))

    @Slot(object)
    def _check_failed(self, error: BaseException) -> None:
        path = self._check_done()
        self.check_button.setFocus()
        if not isinstance(error, InvalidInput):
            raise error  # a fault in the check, reported like any other (see ui/faults.py)
        self._say_verdict(path, unreadable_verdict(str(error)))

    def _say_verdict(self, path: Path | None, verdict: PackVerdict) -> None:
        if path is not None:
            self.check_status.setText(f"Last checked: {path.name}. {verdict.title}.")
        # A pack found sound is told as information, one that is not as the error it is; a
        # diary that fails its own check, as the window warns of it on opening.
        text = verdict_text(verdict)
        if verdict.passed:
            self._messages.information(self, verdict.title, text)
        elif verdict.status is PackStatus.DIARY_ALTERED:
            self._messages.warning(self, verdict.title, text)
        else:
            self._messages.error(self, verdict.title, text)
        self.check_button.setFocus()
