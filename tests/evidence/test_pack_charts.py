"""The pack's charts: what each week puts on them, read back from the shapes drawn."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, PolyLine, Shape, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from workdiary.domain.dates import MONTH_NAMES
from workdiary.domain.figures import WeekLine, week_lines
from workdiary.domain.records import Profile, Recorded, Week
from workdiary.evidence.fonts import register_fonts
from workdiary.evidence.pack_charts import (
    AXIS,
    BAR,
    CONTRACTED,
    GRID,
    LINE,
    MISSING,
    capacity_chart,
    date_marks,
    hours_chart,
)

START = date(2026, 1, 5)  # a Monday


def recorded(week: Week) -> Recorded[Week]:
    moment = datetime.combine(week.week_commencing + timedelta(days=6), datetime.min.time(), UTC)
    return Recorded(week.week_commencing.isoformat(), week, moment, moment, 1, 0)


def shapes(group: Group) -> Iterator[Shape]:
    for shape in group.contents:
        if isinstance(shape, Group):
            yield from shapes(shape)
        else:
            yield shape


def subpaths(group: Group, **colours: object) -> int:
    """How many separate marks the paths drawn in `colours` hold (a bar, a tick)."""
    move_to = 0  # a path's operator for starting a new mark
    return sum(
        shape.operators.count(move_to)
        for shape in shapes(group)
        if isinstance(shape, Path)
        and all(getattr(shape, name) == colour for name, colour in colours.items())
    )


def test_the_hours_chart_has_a_bar_for_each_week_with_unpaid_hours_and_a_tick_for_each_gap() -> (
    None
):
    register_fonts()
    unpaid: list[float | None] = [3, 0, None, 1.5, None]  # weeks 3 and 5 are not logged
    weeks = [
        Week(START + timedelta(weeks=index), 100, contracted_hours=37, unpaid_hours=hours)
        for index, hours in enumerate(unpaid)
        if hours is not None
    ]
    lines = week_lines(
        [recorded(week) for week in weeks], Profile(), START, START + timedelta(weeks=4)
    )
    drawing = hours_chart(lines, 400)
    assert subpaths(drawing, fillColor=BAR) == 2  # no bar for a week of 0 unpaid hours
    assert subpaths(drawing, strokeColor=MISSING) == 2


def logged(first: date, count: int, gaps: tuple[int, ...] = (), **values: Any) -> list[WeekLine]:
    """`count` weeks from the Monday `first`, contracted for 37 hours, all logged but `gaps`."""
    weeks = [
        Week(first + timedelta(weeks=index), 120, contracted_hours=37, **values)
        for index in range(count)
        if index not in gaps
    ]
    return week_lines(
        [recorded(week) for week in weeks], Profile(), first, first + timedelta(weeks=count - 1)
    )


def plot_edges(drawing: Drawing) -> set[tuple[float, float]]:
    """Where the plot's grid lines start and end, left to right."""
    return {
        (round(shape.x1, 3), round(shape.x2, 3))
        for shape in shapes(drawing)
        if isinstance(shape, Line) and shape.strokeColor == GRID
    }


def texts(drawing: Drawing) -> list[String]:
    return [shape for shape in shapes(drawing) if isinstance(shape, String)]


@pytest.mark.parametrize("count", [1, 3, 17, 520])
def test_the_two_charts_plot_the_same_stretch_of_the_page_one_above_the_other(count: int) -> None:
    register_fonts()
    lines = logged(date(2020, 8, 17), count, hours_worked=40, unpaid_hours=3)
    capacity, hours = capacity_chart(lines, Profile(), 480), hours_chart(lines, 480)
    assert len(plot_edges(capacity)) == 1
    assert plot_edges(capacity) == plot_edges(hours)


@pytest.mark.parametrize("count", [1, 2, 4])
def test_over_a_few_weeks_an_unpaid_hours_bar_stays_a_bar(count: int) -> None:
    register_fonts()
    drawing = hours_chart(logged(date(2026, 8, 17), count, unpaid_hours=6), 480)
    (left, right), *_ = plot_edges(drawing)
    (bars,) = [s for s in shapes(drawing) if isinstance(s, Path) and s.fillColor == BAR]
    xs = bars.points[0::2]
    for bar in range(count):
        corners = xs[bar * 4 : bar * 4 + 4]
        assert 5 <= max(corners) - min(corners) <= (right - left) / 20


def test_a_week_alone_is_a_short_line_in_its_lines_own_style_over_a_few_weeks() -> None:
    register_fonts()
    # Weeks 1 and 3 of 4 logged: each stands alone.
    drawing = hours_chart(logged(date(2026, 8, 17), 4, gaps=(1, 3), hours_worked=44), 480)
    (left, _right), *_ = plot_edges(drawing)
    legend = [text.text for text in texts(drawing)]
    for colour, dashed, words in (
        (LINE, False, "Solid line: hours worked each week, as recorded"),
        (CONTRACTED, True, "Dashed line: contracted hours that week"),
    ):
        # Inside the plot: the legend's keys start at its left edge.
        marks = [
            shape
            for shape in shapes(drawing)
            if isinstance(shape, Line) and shape.strokeColor == colour and shape.x1 > left
        ]
        assert len(marks) == 2
        assert all(mark.y1 == mark.y2 and 20 <= mark.x2 - mark.x1 <= 40 for mark in marks)
        assert all(bool(mark.strokeDashArray) is dashed for mark in marks)
        assert words in legend  # and nothing about dots or rings, none being drawn
    assert not any(isinstance(shape, Circle) for shape in shapes(drawing))


def test_a_week_alone_among_hundreds_is_a_mark_the_legend_names() -> None:
    register_fonts()
    gaps = (100, 102)  # week 101 stands alone
    drawing = hours_chart(logged(date(2016, 12, 5), 520, gaps=gaps, hours_worked=44), 480)
    (dot,) = [s for s in shapes(drawing) if isinstance(s, Circle) and s.fillColor == LINE]
    assert dot.strokeColor is None
    (ring,) = [s for s in shapes(drawing) if isinstance(s, Circle) and s.strokeColor == CONTRACTED]
    assert ring.fillColor is None  # told apart by shape, not by colour alone
    legend = [text.text for text in texts(drawing)]
    assert (
        "Solid line: hours worked each week, as recorded (a dot alone: a week with a gap either "
        "side)" in legend
    )
    assert (
        "Dashed line: contracted hours that week (a ring alone: a week with a gap either side)"
        in legend
    )
    assert not any(isinstance(s, PolyLine) and len(s.points) == 2 for s in shapes(drawing))


def period_of_mark(day: date, weeks: int) -> tuple[int, ...]:
    """What a date mark labels the stretch after it with, at the scale of `weeks`."""
    if weeks > 156:
        return (day.year,)
    if weeks > 52:
        return (day.year, (day.month - 1) // 3)
    return (day.year, day.month)


@pytest.mark.parametrize("weeks", [1, 3, 5, 17, 52, 53, 100, 157, 520])
@pytest.mark.parametrize("first", [date(2020, 8, 17), date(2020, 8, 31), date(2025, 12, 29)])
def test_each_week_is_under_the_month_most_of_its_days_are_in(first: date, weeks: int) -> None:
    """As on a calendar: the week commencing Mon 31 Aug (its Thursday, and six of its days, in
    September) is under September, not August; a week commencing Mon 29 Dec under the new year."""
    mondays = [first + timedelta(weeks=index) for index in range(weeks)]
    marks = date_marks(mondays)
    assert marks[0] == (0, first)
    assert all(day.day == 1 for _at, day in marks[1:])
    for index, monday in enumerate(mondays):
        # A week's figure is drawn at its middle.
        _at, day = [mark for mark in marks if mark[0] <= index + 0.5][-1]
        thursday = monday + timedelta(days=3)
        assert period_of_mark(day, weeks) == period_of_mark(thursday, weeks), monday


def test_the_week_commencing_31_august_sits_under_september_on_the_chart() -> None:
    register_fonts()
    lines = logged(date(2020, 8, 17), 3, hours_worked=40, unpaid_hours=6)
    drawing = hours_chart(lines, 480)
    labels = {text.text: text.x for text in texts(drawing) if text.fillColor == AXIS}
    ticks = sorted(
        s.x1 for s in shapes(drawing) if isinstance(s, Line) and s.x1 == s.x2 and s.y2 < s.y1
    )
    (bars,) = [s for s in shapes(drawing) if isinstance(s, Path) and s.fillColor == BAR]
    last_bar = bars.points[-8::2]
    september = ticks[-1]
    assert labels[MONTH_NAMES[8]] > september  # "Sep" is printed right of its tick
    assert min(last_bar) > september  # and so is all of the last week's bar
    assert max(x for x in bars.points[0::2][:8]) < september


def value_labels(drawing: Drawing) -> list[String]:
    """The labels up the side of a chart's plot, from 0 up."""
    return sorted(
        (text for text in texts(drawing) if text.textAnchor == "end"), key=lambda text: text.y
    )


@pytest.mark.parametrize(("highest", "top_label"), [(40.0, "50 hours"), (168.0, "150 hours")])
def test_the_charts_values_are_written_as_in_the_rest_of_the_pack_and_fit_beside_the_plot(
    highest: float, top_label: str
) -> None:
    """`0 %`, `50 %`: a space before the unit, as the pack writes a percentage; and hours in a
    word, as the pack writes them, never `h`."""
    register_fonts()
    lines = logged(date(2026, 8, 17), 3, hours_worked=highest)
    for drawing, pattern in (
        (capacity_chart(lines, Profile(), 480), r"\d+ %"),
        (hours_chart(lines, 480), r"\d+ hours"),
    ):
        labels = value_labels(drawing)
        assert labels[0].text in ("0 %", "0 hours")
        assert all(re.fullmatch(pattern, label.text) for label in labels), labels
        # Inside the drawing: none runs off the left of the page.
        assert all(
            label.x - stringWidth(label.text, label.fontName, label.fontSize) >= 0
            for label in labels
        )
    assert value_labels(hours_chart(lines, 480))[-1].text == top_label
