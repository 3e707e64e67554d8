"""The History page as a user sees it: rows, flags in words, sorting, periods, opening a week."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.scripted_messages import ScriptedMessages
from tests.ui.windows import focused, shown_active
from workdiary.cli import main
from workdiary.domain.dates import ONE_WEEK, format_day, format_moment
from workdiary.domain.figures import period_bounds, week_lines
from workdiary.domain.records import Week
from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, fill_sample_diary
from workdiary.storage import Diary
from workdiary.ui.amendments import AmendmentsDialog
from workdiary.ui.fields import PROBLEM_STYLE
from workdiary.ui.history_model import Column, HistoryModel, HistorySortProxy
from workdiary.ui.history_page import HistoryPage
from workdiary.ui.main_window import HISTORY, MainWindow

# The hand-made diary: ten weeks from Monday 3 August 2026, looked at on Monday 12 October.
FIRST = date(2026, 8, 3)
TODAY = datetime(2026, 10, 12, 12, 0).astimezone()
CAPACITIES = {
    0: 100.0,
    1: 115.0,  # weeks 1-4: a run of four at or over 110 %, the MoJ's excessive test
    2: 120.0,
    3: 132.5,
    4: 112.0,
    # week 5 not logged
    6: 125.0,  # over the threshold, but alone (a gap before it, a low week after)
    7: 99.5,  # logged ten days after it ended: retrospective
    8: 105.0,  # amended three times
    # week 9 (5 Oct) not logged; this week (12 Oct) has not ended, so is not shown
}
# A Saturday in the sample's last week: that week has started, so the sample ends with it.
SAMPLE_TODAY = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def monday(index: int) -> date:
    return FIRST + ONE_WEEK * index


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def friday_noon(week: date) -> datetime:
    """Noon on the week's Friday, in this computer's time zone (the one the table shows)."""
    return datetime.combine(week + timedelta(days=4), time(12)).astimezone()


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    """Each week logged on its Friday, except week 7 (ten days late) and week 8 (amended 3x)."""
    diary_path.parent.mkdir(parents=True, exist_ok=True)
    clock = Clock(friday_noon(FIRST))
    with Diary.open(diary_path, clock=clock) as opened:
        for index, capacity in CAPACITIES.items():
            if index == 7:
                continue
            clock.now = friday_noon(monday(index))
            opened.weeks.save(Week(monday(index), capacity, caseload=40 + index))
        clock.now = friday_noon(monday(7)) + timedelta(days=12)
        opened.weeks.save(Week(monday(7), CAPACITIES[7]))
        for extra, capacity in enumerate((106.0, 107.0, 108.0), start=1):
            clock.now = friday_noon(monday(8)) + timedelta(days=4 + extra)
            opened.weeks.save(Week(monday(8), capacity, caseload=48))
        clock.now = TODAY
        yield opened


@pytest.fixture
def page(qtbot: QtBot, diary: Diary) -> HistoryPage:
    shown = HistoryPage(diary)
    qtbot.addWidget(shown)
    shown.resize(1100, 600)
    return shown


@pytest.fixture(scope="module")
def sample_diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diary]:
    """Ten sample years, filled once for the module and only read."""
    path = tmp_path_factory.mktemp("sample") / "diary.db"
    fill_sample_diary(path, SAMPLE_LAST_WEEK_FOR_TESTS)
    with Diary.open(path, clock=lambda: SAMPLE_TODAY) as opened:
        yield opened


@pytest.fixture
def sample_page(qtbot: QtBot, sample_diary: Diary) -> HistoryPage:
    shown = HistoryPage(sample_diary)
    qtbot.addWidget(shown)
    return shown


def column(page: HistoryPage, which: Column, role: int = Qt.ItemDataRole.DisplayRole) -> list[str]:
    """A column as the table shows it, top to bottom."""
    proxy = page.proxy
    return [proxy.index(row, which).data(role) for row in range(proxy.rowCount())]


def cell(
    page: HistoryPage, week: date, which: Column, role: int = Qt.ItemDataRole.DisplayRole
) -> Any:
    row = page.model.row_of(week)
    assert row is not None, f"the week {week} is not shown"
    return page.model.index(row, which).data(role)


def row_rect_centre(page: HistoryPage, week: date) -> QPoint:
    row = page.model.row_of(week)
    assert row is not None
    index = page.proxy.mapFromSource(page.model.index(row, Column.CASELOAD))
    page.table.scrollTo(index)
    return page.table.visualRect(index).center()


# The model


def test_an_empty_model_passes_the_model_tester(qtmodeltester: ModelTester, diary: Diary) -> None:
    model = HistoryModel()
    qtmodeltester.check(model)
    model.set_lines([], diary.profile())
    proxy = HistorySortProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_the_model_passes_the_model_tester_with_a_small_diary(
    qtmodeltester: ModelTester, diary: Diary
) -> None:
    entries, profile = diary.weeks.all(), diary.profile()
    bounds = period_bounds(entries, diary.today(), None, None)
    assert bounds is not None
    model = HistoryModel()
    model.set_lines(week_lines(entries, profile, *bounds), profile)
    assert model.rowCount() == 10
    qtmodeltester.check(model)
    proxy = HistorySortProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.CAPACITY, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_the_page_model_passes_the_model_tester_on_ten_years(
    qtmodeltester: ModelTester, sample_page: HistoryPage
) -> None:
    assert sample_page.model.rowCount() == 520
    qtmodeltester.check(sample_page.model)
    qtmodeltester.check(sample_page.proxy)


# Rows and flags


def test_rows_are_newest_first_with_a_row_for_every_missing_week(page: HistoryPage) -> None:
    assert column(page, Column.WEEK) == [
        "Mon 05 Oct 2026",
        "Mon 28 Sep 2026",
        "Mon 21 Sep 2026",
        "Mon 14 Sep 2026",
        "Mon 07 Sep 2026",
        "Mon 31 Aug 2026",
        "Mon 24 Aug 2026",
        "Mon 17 Aug 2026",
        "Mon 10 Aug 2026",
        "Mon 03 Aug 2026",
    ]
    for missing in (monday(5), monday(9)):
        assert cell(page, missing, Column.FLAGS) == "not logged"
        assert cell(page, missing, Column.CAPACITY) == "—"
        assert cell(page, missing, Column.CAPACITY, Qt.ItemDataRole.AccessibleTextRole) == (
            "not logged"
        )


def test_each_week_shows_its_flags_in_words(page: HistoryPage) -> None:
    model = page.model
    flags = {
        model.line_at(row).week_commencing: model.index(row, Column.FLAGS).data()
        for row in range(model.rowCount())
    }
    assert flags == {
        monday(0): "",
        monday(1): "at/over 110 %, excessive run",
        monday(2): "at/over 110 %, excessive run",
        monday(3): "at/over 110 %, excessive run",
        monday(4): "at/over 110 %, excessive run",
        monday(5): "not logged",
        monday(6): "at/over 110 %",
        monday(7): "retrospective",
        monday(8): "amended 3 times",
        monday(9): "not logged",
    }


def test_history_flags_the_same_weeks_as_the_command_line(sample_page: HistoryPage) -> None:
    out = io.StringIO()
    main(["--data-dir", str(sample_page._diary.path.parent), "show", "--json"], out)
    by_week = {week["week_commencing"]: week for week in json.loads(out.getvalue())["weeks"]}
    compared = logged_again = 0
    for row in range(sample_page.model.rowCount()):
        line = sample_page.model.line_at(row)
        listed = by_week.get(line.week_commencing.isoformat())
        if listed is None:  # the command line's period ends with the real current week
            continue
        shown = sample_page.model.index(row, Column.FLAGS).data()
        flags = listed["flags"]
        assert ("not logged" in shown) == flags["not_logged"], line.week_commencing
        assert ("at/over 110 %" in shown) == flags["at_or_over_threshold"], line.week_commencing
        assert ("excessive run" in shown) == flags["excessive_run"], line.week_commencing
        assert ("retrospective" in shown) == flags["retrospective"], line.week_commencing
        assert ("amended" in shown) == flags["amended"], line.week_commencing
        assert ("deleted and logged again" in shown) == flags["logged_again"]
        logged_again += flags["logged_again"]
        compared += 1
    assert compared >= 500
    assert logged_again == 1  # the sample's week deleted and logged again


def test_figures_are_formatted_as_people_read_them(page: HistoryPage) -> None:
    assert cell(page, monday(3), Column.CAPACITY) == "132.5 %"
    assert cell(page, monday(3), Column.CASELOAD) == "43"
    assert cell(page, monday(3), Column.RECORDED) == "Fri 28 Aug 2026"
    assert cell(page, monday(3), Column.WEEK) == "Mon 24 Aug 2026"


def test_flag_tooltips_explain_what_each_flag_means(page: HistoryPage) -> None:
    tip = cell(page, monday(2), Column.FLAGS, Qt.ItemDataRole.ToolTipRole)
    assert "At or over your 110 % threshold" in tip
    assert (
        "Part of 4 or more consecutive weeks at or over the threshold — the MoJ's test for "
        "excessive workload" in tip
    )
    retrospective = cell(page, monday(7), Column.FLAGS, Qt.ItemDataRole.ToolTipRole)
    assert "First recorded more than 7 days after the week ended" in retrospective
    amended = cell(page, monday(8), Column.FLAGS, Qt.ItemDataRole.ToolTipRole)
    assert "3 times" in amended and "history" in amended
    assert cell(page, monday(0), Column.FLAGS, Qt.ItemDataRole.ToolTipRole) is None


def test_a_higher_threshold_in_the_profile_changes_the_flags(
    page: HistoryPage, diary: Diary
) -> None:
    diary.save_profile(replace(diary.profile(), threshold_pct=130.0))
    page.reload()
    assert cell(page, monday(3), Column.FLAGS) == "at/over 130 %"
    assert cell(page, monday(1), Column.FLAGS) == ""


# Sorting


def click_header(qtbot: QtBot, page: HistoryPage, which: Column) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(which) + header.sectionSize(which) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sorting_by_capacity_is_numeric_with_gaps_last_both_ways(
    qtbot: QtBot, page: HistoryPage
) -> None:
    page.show()
    qtbot.waitExposed(page)
    numeric = sorted({**CAPACITIES, 8: 108.0}.values())  # week 8 as last amended
    for _ in range(2):
        click_header(qtbot, page, Column.CAPACITY)
        order = page.table.horizontalHeader().sortIndicatorOrder()
        shown = column(page, Column.CAPACITY)
        expected = numeric if order == Qt.SortOrder.AscendingOrder else numeric[::-1]
        # As text, "132.5 %" would come before "99.5 %".
        assert shown == [f"{value:g} %" for value in expected] + ["—", "—"]
    assert page.table.horizontalHeader().sortIndicatorSection() == Column.CAPACITY


def test_sorting_by_week_puts_the_oldest_first_and_back(qtbot: QtBot, page: HistoryPage) -> None:
    page.table.sortByColumn(Column.WEEK, Qt.SortOrder.AscendingOrder)
    assert column(page, Column.WEEK)[0] == "Mon 03 Aug 2026"
    page.table.sortByColumn(Column.WEEK, Qt.SortOrder.DescendingOrder)
    assert column(page, Column.WEEK)[0] == "Mon 05 Oct 2026"


def test_the_rows_can_be_sorted_from_the_keyboard_and_the_order_is_said_in_words(
    qtbot: QtBot, page: HistoryPage
) -> None:
    """A header can only be clicked with a mouse, and its arrow is read either way round."""
    page.show()
    qtbot.waitExposed(page)
    choice = page.sort_choice
    assert choice.currentText() == "Week commencing, newest first"
    assert column(page, Column.WEEK)[0] == "Mon 05 Oct 2026"
    label = next(w for w in page.findChildren(QLabel) if w.buddy() is choice)
    assert label.text() == "Sort &by:"  # Alt+B
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert choice.currentText() == "Week commencing, oldest first"
    assert column(page, Column.WEEK)[0] == "Mon 03 Aug 2026"
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert choice.currentText() == "Capacity, highest first"
    assert column(page, Column.CAPACITY)[:2] == ["132.5 %", "125 %"]
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    assert choice.currentText() == "Capacity, lowest first"
    assert column(page, Column.CAPACITY)[:2] == ["99.5 %", "100 %"]


def test_a_click_on_a_heading_says_in_words_which_way_the_rows_now_run(
    qtbot: QtBot, page: HistoryPage
) -> None:
    page.show()
    qtbot.waitExposed(page)
    said = set()
    for _ in range(2):
        click_header(qtbot, page, Column.CAPACITY)
        said.add(page.sort_choice.currentText())
        shown = [float(text.rstrip(" %")) for text in column(page, Column.CAPACITY) if text != "—"]
        highest_first = shown == sorted(shown, reverse=True)
        assert page.sort_choice.currentText() == (
            "Capacity, highest first" if highest_first else "Capacity, lowest first"
        )
    assert said == {"Capacity, highest first", "Capacity, lowest first"}


def test_every_order_a_heading_gives_can_be_chosen_in_words(page: HistoryPage) -> None:
    choice = page.sort_choice
    headings = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    words = [choice.itemText(i) for i in range(choice.count())]
    assert len(words) == 2 * len(Column) == len(set(words))
    assert {text.split(",")[0] for text in words} == set(headings)


def test_the_selected_week_stays_in_sight_when_the_rows_are_sorted_again(
    qtbot: QtBot, sample_page: HistoryPage
) -> None:
    """The line under the table, and Enter, still speak of it: it must not be out of view."""
    sample_page.resize(1100, 600)
    sample_page.show()
    qtbot.waitExposed(sample_page)
    choose_period(sample_page, "Everything")
    assert sample_page.select_week(date(2021, 6, 14))
    for _ in range(2):
        click_header(qtbot, sample_page, Column.CAPACITY)
        table = sample_page.table
        shown = table.visualRect(table.currentIndex())
        assert table.viewport().rect().contains(shown.center())
        assert "Mon 14 Jun 2021" in sample_page.selected_line.text()


# Periods and the summary


def choose_period(page: HistoryPage, label: str) -> None:
    index = page.period.findText(label)
    assert index >= 0, label
    page.period.setCurrentIndex(index)


def test_everything_is_ten_years_and_the_summary_says_so(sample_page: HistoryPage) -> None:
    assert sample_page.period.currentText() == "Everything"
    assert sample_page.proxy.rowCount() == 520
    assert sample_page.summary.text() == (
        "520 weeks, Mon 05 Dec 2016 to Sun 22 Nov 2026 · 485 logged · 35 not logged · "
        "213 at or over 110 % · 16 excessive runs · 1,793.75 unpaid hours (£35,641.81)"
    )


@pytest.mark.parametrize(
    ("label", "weeks"),
    [("Last 3 months", 13), ("Last 6 months", 26), ("Last 12 months", 52), ("Last 2 years", 104)],
)
def test_a_period_limits_the_rows_to_its_latest_weeks(
    sample_page: HistoryPage, label: str, weeks: int
) -> None:
    choose_period(sample_page, label)
    assert sample_page.proxy.rowCount() == weeks
    shown = column(sample_page, Column.WEEK)
    assert shown[0] == "Mon 16 Nov 2026"
    assert sample_page.model.line_at(weeks - 1).week_commencing == (
        SAMPLE_LAST_WEEK_FOR_TESTS - ONE_WEEK * (weeks - 1)
    )
    assert sample_page.summary.text().startswith(f"{weeks} weeks, ")
    choose_period(sample_page, "Everything")
    assert sample_page.summary.text().startswith("520 weeks, ")


def test_a_period_never_reaches_before_the_first_logged_week(page: HistoryPage) -> None:
    choose_period(page, "Last 2 years")
    assert page.proxy.rowCount() == 10
    assert page.summary.text().startswith("10 weeks, Mon 03 Aug 2026 to Sun 11 Oct 2026 · ")


def test_custom_dates_show_only_the_weeks_between_them(sample_page: HistoryPage) -> None:
    assert not sample_page.from_date.isVisibleTo(sample_page)
    choose_period(sample_page, "Custom dates")
    assert sample_page.from_date.isVisibleTo(sample_page)
    # They start as the weeks shown, from the first Monday to the last Sunday.
    assert (sample_page.from_date.text(), sample_page.to_date.text()) == (
        "05/12/2016",
        "22/11/2026",
    )
    assert sample_page.proxy.rowCount() == 520
    choose_period(sample_page, "Last 3 months")
    assert not sample_page.from_date.isVisibleTo(sample_page)
    # Any day of a week means that week.
    sample_page.set_custom_dates(date(2025, 1, 8), date(2025, 3, 2))
    assert sample_page.period.currentText() == "Custom dates"
    assert sample_page.from_date.isVisibleTo(sample_page)
    assert (sample_page.from_date.text(), sample_page.to_date.text()) == (
        "08/01/2025",
        "02/03/2025",
    )
    assert column(sample_page, Column.WEEK)[0] == "Mon 24 Feb 2025"
    assert column(sample_page, Column.WEEK)[-1] == "Mon 06 Jan 2025"
    assert sample_page.summary.text().startswith("8 weeks, Mon 06 Jan 2025 to Sun 02 Mar 2025 · ")


# Typing the custom dates, key by key


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the keyboard focus is, as a user presses it."""
    qtbot.keyClick(focused(), key, modifier)


def type_date(qtbot: QtBot, text: str, then: Qt.Key = Qt.Key.Key_Tab) -> None:
    """`text` typed key by key where the focus is, then Tab (or Enter)."""
    qtbot.keyClicks(focused(), text)
    press(qtbot, then)


@pytest.fixture
def dates_page(qtbot: QtBot, sample_page: HistoryPage) -> HistoryPage:
    """Ten years on the custom dates 08/01/2025 to 02/03/2025 (eight weeks), with the keyboard."""
    shown_active(qtbot, sample_page, 1100, 600)
    sample_page.set_custom_dates(date(2025, 1, 8), date(2025, 3, 2))
    assert sample_page.proxy.rowCount() == 8
    return sample_page


def into_from(qtbot: QtBot, page: HistoryPage) -> None:
    """To the From box with its mnemonic, as a user would: its text selected, to type over."""
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert focused().accessibleName() == "First week shown"


def test_custom_dates_typed_key_by_key_are_the_dates_shown(
    qtbot: QtBot, sample_page: HistoryPage
) -> None:
    # As a tester typed them: the boxes once became 01/08/2026 and 03/01/2020, and no weeks.
    page = shown_active(qtbot, sample_page, 1100, 600)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_End)
    assert page.period.currentText() == "Custom dates"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().accessibleName() == "First week shown"
    type_date(qtbot, "01/01/2020")
    assert focused().accessibleName() == "Last week shown"
    type_date(qtbot, "31/12/2020")
    assert focused() is page.history_button  # on along the row, not back to the table
    assert (page.from_date.text(), page.to_date.text()) == ("01/01/2020", "31/12/2020")
    assert not page.dates_message.isVisible()
    weeks = column(page, Column.WEEK)
    assert (weeks[0], weeks[-1]) == ("Mon 28 Dec 2020", "Mon 30 Dec 2019")
    assert page.summary.text().startswith("53 weeks, Mon 30 Dec 2019 to Sun 03 Jan 2021 · ")


def test_a_date_is_taken_once_typed_in_full_and_enter_takes_it(
    qtbot: QtBot, dates_page: HistoryPage
) -> None:
    into_from(qtbot, dates_page)
    qtbot.keyClicks(focused(), "01/0")
    # Half typed, it is no date yet: nothing moves and nothing is said.
    assert dates_page.proxy.rowCount() == 8
    assert not dates_page.dates_message.isVisible()
    type_date(qtbot, "2/2025", then=Qt.Key.Key_Return)
    assert focused().accessibleName() == "First week shown"
    assert dates_page.from_date.text() == "01/02/2025"
    weeks = column(dates_page, Column.WEEK)
    assert (weeks[0], weeks[-1]) == ("Mon 24 Feb 2025", "Mon 27 Jan 2025")
    # Typed again from there, a date replaces the one taken: it once ran on after it.
    into_from(qtbot, dates_page)
    type_date(qtbot, "10/02/2025", then=Qt.Key.Key_Return)
    assert dates_page.from_date.text() == "10/02/2025"
    assert column(dates_page, Column.WEEK)[-1] == "Mon 10 Feb 2025"


def test_a_date_not_on_the_calendar_is_kept_as_typed_and_said_so(
    qtbot: QtBot, dates_page: HistoryPage
) -> None:
    into_from(qtbot, dates_page)
    type_date(qtbot, "31/02/2025")
    assert dates_page.from_date.text() == "31/02/2025"
    message = dates_page.dates_message
    assert message.isVisible()
    assert message.text() == (
        "⚠ The From date '31/02/2025' does not exist on the calendar. Until the dates are put "
        "right, the list shows the weeks it did before."
    )
    assert message.styleSheet() == PROBLEM_STYLE
    assert dates_page.from_date.line_edit.accessibleDescription().startswith(message.text())
    assert dates_page.proxy.rowCount() == 8
    into_from(qtbot, dates_page)
    type_date(qtbot, "28/02/2025")
    assert not message.isVisible()
    assert column(dates_page, Column.WEEK)[-1] == "Mon 24 Feb 2025"


def test_writing_that_is_no_date_and_an_empty_box_are_said_so(
    qtbot: QtBot, dates_page: HistoryPage
) -> None:
    into_from(qtbot, dates_page)
    type_date(qtbot, "1st Jan")
    assert "The From date '1st Jan' is not a date Work Diary understands. Write it like " in (
        dates_page.dates_message.text()
    )
    into_from(qtbot, dates_page)
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, Qt.Key.Key_Tab)
    assert dates_page.dates_message.text().startswith(
        "⚠ From is empty: type a date in it, like 16/11/2026."
    )
    assert dates_page.proxy.rowCount() == 8


def test_from_after_to_is_said_so_and_neither_date_is_changed(
    qtbot: QtBot, dates_page: HistoryPage
) -> None:
    into_from(qtbot, dates_page)
    type_date(qtbot, "01/08/2026")
    type_date(qtbot, "03/01/2020")
    assert (dates_page.from_date.text(), dates_page.to_date.text()) == ("01/08/2026", "03/01/2020")
    assert dates_page.dates_message.text().startswith(
        "⚠ From (Sat 01 Aug 2026) is after To (Fri 03 Jan 2020): put the earlier date in From."
    )
    assert dates_page.proxy.rowCount() == 8
    assert dates_page.summary.text().startswith("8 weeks, Mon 06 Jan 2025 to Sun 02 Mar 2025 · ")
    # Put right, the weeks follow.
    into_from(qtbot, dates_page)
    type_date(qtbot, "01/08/2019")
    assert not dates_page.dates_message.isVisible()
    assert dates_page.summary.text().startswith("23 weeks, Mon 29 Jul 2019 to Sun 05 Jan 2020 · ")


def test_dates_within_one_week_are_said_as_the_week_they_commence(
    qtbot: QtBot, dates_page: HistoryPage
) -> None:
    into_from(qtbot, dates_page)
    type_date(qtbot, "10/02/2025")
    type_date(qtbot, "14/02/2025")
    assert dates_page.proxy.rowCount() == 1
    assert dates_page.summary.text().startswith("1 week, commencing Mon 10 Feb 2025 · 1 logged · ")


def test_dates_beyond_the_diary_are_said_so(qtbot: QtBot, dates_page: HistoryPage) -> None:
    message = dates_page.dates_message
    into_from(qtbot, dates_page)
    type_date(qtbot, "01/01/2010")
    type_date(qtbot, "30/11/2016")
    assert message.text().startswith(
        "⚠ The diary has no weeks up to Wed 30 Nov 2016: it begins with the week commencing "
        "Mon 05 Dec 2016."
    )
    # The list keeps to the dates last right: from 01/01/2010, as far back as the diary goes.
    assert dates_page.summary.text().startswith("430 weeks, Mon 05 Dec 2016 to Sun 02 Mar 2025 · ")
    # Reaching before the diary began is no mistake: the list starts where it does, and says so.
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    type_date(qtbot, "31/01/2017", then=Qt.Key.Key_Return)
    assert message.isVisible()
    assert message.text() == (
        "The diary begins with the week commencing Mon 05 Dec 2016, so the list starts there."
    )
    assert message.styleSheet() != PROBLEM_STYLE
    assert column(dates_page, Column.WEEK)[-1] == "Mon 05 Dec 2016"
    into_from(qtbot, dates_page)
    type_date(qtbot, "01/11/2026")
    type_date(qtbot, "31/12/2026")
    assert message.text() == (
        "The diary's latest week is the one commencing Mon 16 Nov 2026, so the list ends there."
    )
    assert column(dates_page, Column.WEEK)[0] == "Mon 16 Nov 2026"
    into_from(qtbot, dates_page)
    type_date(qtbot, "01/12/2026")
    assert message.text().startswith(
        "⚠ The diary has no weeks from Tue 01 Dec 2026 on: its latest is the week commencing "
        "Mon 16 Nov 2026."
    )
    assert column(dates_page, Column.WEEK)[0] == "Mon 16 Nov 2026"
    # Another period has no dates to say anything about.
    choose_period(dates_page, "Last 3 months")
    assert not message.isVisible()


def test_a_day_picked_from_the_calendar_shows_its_week_at_once(
    qtbot: QtBot, dates_page: HistoryPage
) -> None:
    field = dates_page.from_date
    qtbot.mouseClick(field.pick_button, Qt.MouseButton.LeftButton)
    calendar = field.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2025, 1, 8)  # the day in the box
    assert calendar.maximumDate() == QDate(2026, 11, 21)  # nothing after today
    days = calendar.findChild(QTableView)
    assert days is not None
    calendar.setSelectedDate(QDate(2025, 2, 12))
    qtbot.keyClick(days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert field.text() == "12/02/2025"
    weeks = column(dates_page, Column.WEEK)
    assert (weeks[0], weeks[-1]) == ("Mon 24 Feb 2025", "Mon 10 Feb 2025")


def mnemonic(text: str) -> str | None:
    """The letter after `&` in a label's text (Alt+that letter), if any."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_each_alt_key_on_the_page_is_its_own_and_none_is_a_menus(
    qtbot: QtBot, sample_diary: Diary, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = shown_active(qtbot, MainWindow(sample_diary, ScriptedMessages(), settings))
    window.show_page(HISTORY)
    page = window.history
    choose_period(page, "Custom dates")
    menus = {mnemonic(action.text()) for action in window.menuBar().actions()}
    assert "f" in menus  # File
    controls: list[QWidget] = [*page.findChildren(QLabel), *page.findChildren(QAbstractButton)]
    letters = [
        mnemonic(widget.text())
        for widget in controls
        if widget.isVisible() and mnemonic(widget.text()) is not None
    ]
    assert sorted(letters) == sorted(set(letters))  # no letter twice
    assert not set(letters) & menus
    # Alt+M reaches From in the window, and no menu opens.
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert focused() is page.from_date.line_edit
    assert window.menuBar().activeAction() is None


def test_the_summary_counts_the_hand_made_weeks(page: HistoryPage) -> None:
    assert page.summary.text() == (
        "10 weeks, Mon 03 Aug 2026 to Sun 11 Oct 2026 · 8 logged · 2 not logged · "
        "5 at or over 110 % · 1 excessive run · no unpaid hours recorded"
    )  # none of those weeks has them: "0 unpaid hours" would say more than the diary knows


def test_an_empty_diary_says_how_to_start(qtbot: QtBot, diary_path: Path) -> None:
    diary_path.parent.mkdir(parents=True, exist_ok=True)
    with Diary.open(diary_path, clock=lambda: TODAY) as empty:
        shown = HistoryPage(empty)
        qtbot.addWidget(shown)
        assert shown.proxy.rowCount() == 0
        assert shown.selected_week() is None
        assert "No weeks logged yet" in shown.summary.text()
        assert not shown.history_button.isEnabled()
        assert shown.selected_line.text() == ""
        choose_period(shown, "Custom dates")
        assert (shown.from_date.text(), shown.to_date.text()) == ("", "")
        assert not shown.dates_message.isVisibleTo(shown)  # nothing typed, nothing wrong yet


# Opening a week


def test_the_table_has_the_focus_and_the_newest_week_is_selected_on_show(
    qtbot: QtBot, page: HistoryPage
) -> None:
    page.show()
    qtbot.waitExposed(page)
    assert page.selected_week() == monday(9)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.table.hasFocus())


def test_enter_opens_the_selected_week_even_one_not_logged(qtbot: QtBot, page: HistoryPage) -> None:
    page.show()
    qtbot.waitExposed(page)
    assert page.select_week(monday(5) + timedelta(days=3))
    with qtbot.waitSignal(page.open_week) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [monday(5)]
    page.select_week(monday(3))
    with qtbot.waitSignal(page.open_week) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert opened.args == [monday(3)]


def test_double_click_opens_that_week(qtbot: QtBot, page: HistoryPage) -> None:
    page.show()
    qtbot.waitExposed(page)
    where = row_rect_centre(page, monday(6))
    with qtbot.waitSignal(page.open_week) as opened:
        # A real double-click starts with a press; the view only opens what was pressed.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [monday(6)]
    assert page.selected_week() == monday(6)


def test_a_single_click_only_selects(qtbot: QtBot, page: HistoryPage) -> None:
    page.show()
    qtbot.waitExposed(page)
    with qtbot.assertNotEmitted(page.open_week):
        qtbot.mouseClick(
            page.table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect_centre(page, monday(2))
        )
    assert page.selected_week() == monday(2)


def test_reload_after_a_save_shows_the_new_week_and_keeps_the_selection(
    page: HistoryPage, diary: Diary
) -> None:
    page.select_week(monday(6))
    diary.weeks.save(Week(monday(9), 141.0, caseload=51))
    page.reload()
    assert cell(page, monday(9), Column.CAPACITY) == "141 %"
    assert cell(page, monday(9), Column.FLAGS) == "at/over 110 %"
    assert page.summary.text().startswith("10 weeks, Mon 03 Aug 2026 to Sun 11 Oct 2026 · 9 logged")
    assert page.selected_week() == monday(6)


# A week's history


def open_history_dialog(qtbot: QtBot, page: HistoryPage, week: date) -> AmendmentsDialog:
    page.show()
    qtbot.waitExposed(page)
    assert page.select_week(week)
    assert page.history_button.isEnabled()
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(AmendmentsDialog)
    assert isinstance(dialog, AmendmentsDialog)
    qtbot.addWidget(dialog)  # closed after the test: a window left open changes the next one's
    qtbot.waitExposed(dialog)
    return dialog


def test_the_history_of_an_amended_week_shows_old_and_new_values(
    qtbot: QtBot, page: HistoryPage
) -> None:
    dialog = open_history_dialog(qtbot, page, monday(8))
    text = dialog.text.toPlainText()
    first = friday_noon(monday(8))
    assert f"{format_moment(first)} — first recorded:" in text
    assert "WMT capacity: 105 %" in text
    assert "Caseload: 48 cases" in text
    assert f"{format_moment(first + timedelta(days=5))} — amended:" in text
    assert "WMT capacity: 105 % → 106 %" in text
    assert "WMT capacity: 107 % → 108 %" in text
    # Oldest first.
    assert text.index("105 % → 106 %") < text.index("106 % → 107 %") < text.index("107 % →")
    assert "Week commencing" not in text.split("\n", 1)[1]
    assert dialog.text.isReadOnly()


def test_history_escapes_what_the_user_wrote(qtbot: QtBot, page: HistoryPage, diary: Diary) -> None:
    notes = "<b>Team A & B</b> said > 40 cases"
    entry = diary.weeks.get(monday(6).isoformat())
    assert entry is not None
    diary.weeks.save(replace(entry.record, notes=notes))
    page.reload()
    dialog = open_history_dialog(qtbot, page, monday(6))
    assert f"Notes: (empty) → {notes}" in dialog.text.toPlainText()


def test_a_notes_second_line_is_set_further_in_than_the_change_it_belongs_to(
    qtbot: QtBot, page: HistoryPage, diary: Diary
) -> None:
    """At the change's own indent, a note's line "Unpaid hours: 12 (not 7)" would read as a
    change to the unpaid hours."""
    entry = diary.weeks.get(monday(6).isoformat())
    assert entry is not None
    diary.weeks.save(replace(entry.record, notes="Covered duty.\nUnpaid hours: 12 (not 7)"))
    page.reload()
    dialog = open_history_dialog(qtbot, page, monday(6))
    margins = {}
    block = dialog.text.document().begin()
    while block.isValid():
        margins[block.text()] = block.blockFormat().leftMargin()
        block = block.next()
    assert margins["Unpaid hours: 12 (not 7)"] > margins["Notes: (empty) → Covered duty."]
    assert (
        "    Notes: (empty) → Covered duty.\n        Unpaid hours: 12 (not 7)\n"
        in dialog.plain_text() + "\n"
    )


def test_escape_closes_the_history_and_copy_all_copies_it(qtbot: QtBot, page: HistoryPage) -> None:
    dialog = open_history_dialog(qtbot, page, monday(8))
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Week commencing Mon 28 Sep 2026\n")
    assert "    WMT capacity: 106 % → 107 %" in copied
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_ctrl_h_opens_the_history(qtbot: QtBot, page: HistoryPage) -> None:
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.table.hasFocus())
    page.select_week(monday(7))
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(AmendmentsDialog)
    assert isinstance(dialog, AmendmentsDialog)
    assert dialog.week_commencing == monday(7)


def test_history_is_offered_only_for_a_week_that_has_one(page: HistoryPage, diary: Diary) -> None:
    page.select_week(monday(5))
    assert not page.history_button.isEnabled()
    assert not page.history_action.isEnabled()
    assert page.show_history() is None
    page.select_week(monday(6))
    assert page.history_button.isEnabled()
    # A deleted week is not logged any more, but its story is kept and can be read.
    diary.weeks.delete(monday(6).isoformat())
    page.reload()
    # Said in the row, not only in its story: a week once logged did not simply go unlogged.
    assert cell(page, monday(6), Column.FLAGS) == "not logged, entry deleted"
    tip = cell(page, monday(6), Column.FLAGS, Qt.ItemDataRole.ToolTipRole)
    assert "An entry for this week was deleted on" in tip and "stays in its history" in tip
    assert page.selected_week() == monday(6)
    assert page.history_button.isEnabled()
    dialog = page.show_history()
    assert dialog is not None
    assert "deleted (kept here in its history)" in dialog.text.toPlainText()


def test_a_deleted_first_week_is_still_where_history_begins(
    page: HistoryPage, diary: Diary
) -> None:
    """Its deletion is part of the record: the table does not quietly start a week later."""
    diary.weeks.delete(monday(0).isoformat())
    page.reload()
    assert cell(page, monday(0), Column.FLAGS) == "not logged, entry deleted"
    model = page.table.model()
    oldest = model.index(model.rowCount() - 1, Column.WEEK).data()
    assert oldest == format_day(monday(0))


def test_the_controls_have_names_and_labels(page: HistoryPage) -> None:
    assert page.period.accessibleName() == "Period shown"
    assert page.table.accessibleName()
    assert page.summary.accessibleName()
    assert page.from_label.buddy() is page.from_date.line_edit
    assert page.to_label.buddy() is page.to_date.line_edit
    assert page.history_action.shortcut().toString() == "Ctrl+H"


# The selected week, in full


def test_the_selected_week_is_said_in_full_under_the_table(qtbot: QtBot, page: HistoryPage) -> None:
    shown_active(qtbot, page, 1100, 600)
    page.select_week(monday(4))
    line = page.selected_line
    assert line.text() == (
        "Week commencing Mon 31 Aug 2026: capacity 112 %, caseload 44; first recorded "
        "Fri 04 Sep 2026.\n"
        "Flags: at/over 110 % (at or over your 110 % threshold), excessive run (part of 4 or "
        "more consecutive weeks at or over the threshold — the MoJ's test for excessive "
        "workload)."
    )
    assert line.accessibleName() == "Selected week"
    assert page.table.accessibleDescription() == line.text()
    # The arrow keys move it with the selection, newest first: down is the week before.
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert line.text().startswith("Week commencing Mon 24 Aug 2026: capacity 132.5 %, ")
    page.select_week(monday(5))
    assert line.text() == (
        "Week commencing Mon 07 Sep 2026: not logged.\n"
        "Flags: not logged (nothing was logged for this week). Press Enter to log it now."
    )
    page.select_week(monday(8))
    assert line.text().endswith(
        "Flags: amended 3 times (changed 3 times after it was first recorded; the earlier "
        "figures are kept in its history)."
    )
    page.select_week(monday(0))
    assert line.text().endswith("\nNo flags.")


def test_a_flags_cell_cut_short_is_there_to_read_in_full(qtbot: QtBot, page: HistoryPage) -> None:
    # A small screen, or a large text size, leaves the Flags column too narrow for its words.
    shown_active(qtbot, page, 700, 420)
    page.select_week(monday(2))
    flags = cell(page, monday(2), Column.FLAGS)
    header = page.table.horizontalHeader()
    assert header.sectionSize(Column.FLAGS) < page.table.fontMetrics().horizontalAdvance(flags)
    line = page.selected_line
    assert line.isVisible()
    assert "Flags: at/over 110 % (at or over your 110 % threshold), excessive run (" in line.text()
    # Wrapped onto as many lines as it needs, none of them cut off.
    assert line.height() >= line.heightForWidth(line.width())


# A week deleted and logged again


def delete_and_log_again(diary: Diary, week: date, capacity: float) -> tuple[datetime, datetime]:
    """Delete the week's entry, then log it again a day later, through the diary as the window
    does; when each was done. Both after the fixture's last entry (Fri 9 Oct) and before TODAY."""
    clock = diary.clock
    assert isinstance(clock, Clock)
    deleted_at = datetime.combine(date(2026, 10, 10), time(12)).astimezone()
    logged_again_at = deleted_at + timedelta(days=1)
    clock.now = deleted_at
    diary.weeks.delete(week.isoformat())
    clock.now = logged_again_at
    diary.weeks.save(Week(week, capacity, caseload=40))
    clock.now = TODAY
    return deleted_at, logged_again_at


def test_a_week_deleted_and_logged_again_says_so_and_is_not_amended(
    qtbot: QtBot, page: HistoryPage, diary: Diary
) -> None:
    deleted_at, logged_again_at = delete_and_log_again(diary, monday(6), 126.0)
    page.reload()

    # Its figures now were typed three weeks after it ended: retrospective, as a week first
    # logged that late would be.
    assert cell(page, monday(6), Column.FLAGS) == (
        "at/over 110 %, retrospective, deleted and logged again"
    )
    tip = cell(page, monday(6), Column.FLAGS, Qt.ItemDataRole.ToolTipRole)
    assert (
        f"Its entry was deleted {format_moment(deleted_at)} and logged again "
        f"{format_moment(logged_again_at)}; what it held before is kept in its history, and "
        "neither counts as an amendment"
    ) in tip
    # First recorded when it was first logged; the cell's tooltip tells the rest.
    assert cell(page, monday(6), Column.RECORDED) == "Fri 18 Sep 2026"
    recorded_tip = cell(page, monday(6), Column.RECORDED, Qt.ItemDataRole.ToolTipRole)
    assert f"Deleted {format_moment(deleted_at)} and logged again" in recorded_tip
    # Under the table, in full.
    page.select_week(monday(6))
    assert page.selected_line.text().endswith(
        f"deleted and logged again (its entry was deleted {format_moment(deleted_at)} and "
        f"logged again {format_moment(logged_again_at)}; what it held before is kept in its "
        "history, and neither counts as an amendment)."
    )

    # Amended after being logged again: now it is amended, once.
    diary.weeks.save(Week(monday(6), 127.0, caseload=40))
    page.reload()
    assert cell(page, monday(6), Column.FLAGS) == (
        "at/over 110 %, retrospective, deleted and logged again, amended"
    )
    dialog = open_history_dialog(qtbot, page, monday(6))
    text = dialog.text.toPlainText()
    titles = [line for line in text.splitlines() if " — " in line]
    assert titles == [
        f"{format_moment(friday_noon(monday(6)))} — first recorded:",
        f"{format_moment(deleted_at)} — deleted (kept here in its history)",
        f"{format_moment(logged_again_at)} — recorded again after being deleted:",
        f"{format_moment(TODAY)} — amended:",
    ]
    assert "WMT capacity: 126 % → 127 %" in text
    dialog.reject()


def test_sorted_by_flags_a_week_logged_again_comes_after_late_ones_and_before_amended_ones(
    page: HistoryPage, diary: Diary
) -> None:
    # Last week (ended yesterday), logged, deleted and logged again today: not late.
    week = monday(9)
    diary.weeks.save(Week(week, 100.0))
    diary.weeks.delete(week.isoformat())
    diary.weeks.save(Week(week, 100.0))
    page.reload()
    page.table.sortByColumn(Column.FLAGS, Qt.SortOrder.DescendingOrder)
    weeks = column(page, Column.WEEK)
    late, logged_again, amended = (weeks.index(format_day(monday(index))) for index in (7, 9, 8))
    assert late < logged_again < amended
    assert column(page, Column.FLAGS)[logged_again] == "deleted and logged again"
