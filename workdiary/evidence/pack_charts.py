"""The pack's two charts, as vector shapes in the embedded font (imported to make a pack)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from workdiary.domain.dates import MONTH_NAMES
from workdiary.domain.figures import WeekLine
from workdiary.domain.formatting import (
    MOJ_RUN_WEEKS,
    MOJ_THRESHOLD_PCT,
    format_number,
    is_moj_test,
)
from workdiary.domain.records import Profile
from workdiary.evidence.fonts import REGULAR
from workdiary.evidence.pdf_library import (
    Circle,
    Drawing,
    Group,
    Line,
    Path,
    PolyLine,
    Rect,
    String,
)

LABEL_SIZE = 7.0
LEGEND_SIZE = 7.5
# Room for the value labels, the widest being "150 hours" (hours worked go up to 168 a week), in
# words as the rest of the pack writes hours.
_LEFT = 40.0
# Room for the threshold's value to the right of the capacity plot. The hours chart, printed
# under it, keeps the same room, so that the two plots end together, week above week.
_RIGHT = 30.0
# An unpaid-hours bar takes most of its week, but no more than this: over a few weeks, a bar as
# wide as its week would read as a block, not a bar.
_WIDEST_BAR = 14.0
# A week with a gap either side is a short level stretch of its line, in the line's own style, no
# longer than this; where weeks are too narrow for a stretch this short to show, it is a mark.
_LONGEST_LONE_LINE = 36.0
_SHORTEST_LONE_LINE = 6.0
_PLOT_HEIGHT = 185.0
_BELOW = 14.0  # the date labels under the plot
_LEGEND_LINE = 11.0
_KEY_WIDTH = 16.0

# Chosen to stay apart when printed in grey: a dark line, a light band, mid-grey bars. No meaning
# rests on colour alone: each series also differs in shape (solid, dashed, band, bar, tick).
LINE = Color(0.05, 0.2, 0.45)
THRESHOLD = Color(0.6, 0.1, 0.05)
BAND = Color(0.97, 0.82, 0.76)
GRID = Color(0.86, 0.86, 0.86)
AXIS = Color(0.3, 0.3, 0.3)
MISSING = Color(0.45, 0.45, 0.45)
BAR = Color(0.68, 0.68, 0.68)
CONTRACTED = Color(0.35, 0.35, 0.35)


@dataclass(frozen=True)
class _Frame:
    """Where the plot sits in its drawing, and how weeks and values map onto it."""

    left: float
    bottom: float
    width: float
    height: float
    weeks: int
    top_value: float

    @property
    def step(self) -> float:
        return self.width / max(self.weeks, 1)

    def x(self, index: int) -> float:
        """The middle of a week's slot."""
        return self.left + (index + 0.5) * self.step

    def slot(self, index: float) -> float:
        """The left edge of a week's slot (or a point so many weeks along, for a part week)."""
        return self.left + index * self.step

    def y(self, value: float) -> float:
        return self.bottom + self.height * max(0.0, min(value, self.top_value)) / self.top_value


Key = Callable[[Group, float, float], None]
SOLID: tuple[float, ...] = ()


def _box(x: float, y: float, width: float, height: float, colour: Color) -> Rect:
    """A filled rectangle with no outline."""
    box = Rect(x, y, width, height)
    box.fillColor = colour
    box.strokeColor = None
    return box


def _value_step(top: float) -> float:
    for step in (5.0, 10.0, 20.0, 25.0, 50.0, 100.0):
        if top / step <= 6:
            return step
    return float(10 ** math.ceil(math.log10(top / 6)))


def _top(highest: float, step: float) -> float:
    return max(step, math.ceil(highest / step) * step)


def date_marks(mondays: Sequence[date]) -> list[tuple[float, date]]:
    """Where each year starts, over more than three years; else each quarter (more than a year)
    or month: as (weeks from the left edge of the first week's slot, the day it starts), with a
    first mark at the left edge for the month (or year) the period starts in. Labels by week or
    month over ten years would run together.

    A month starts where its first day falls within its week, as on a calendar, and a week's
    figure is drawn at its middle (its Thursday): so a week is under the month most of its days
    are in. The week commencing Mon 31 Aug, six of whose days are in September, is under Sep."""
    weeks = len(mondays)
    marks = [(0.0, monday) for monday in mondays[:1]]
    for index, monday in enumerate(mondays):
        sunday = monday + timedelta(days=6)
        if sunday.day > 7:
            continue  # no month starts in this week
        first = sunday.replace(day=1)
        if (index == 0 and first == monday) or (weeks > 52 and (first.month - 1) % 3):
            continue
        if weeks > 156 and first.month != 1:
            continue
        marks.append((index + (first - monday).days / 7, first))
    return marks


def _axes(group: Group, frame: _Frame, mondays: Sequence[date], unit: str) -> None:
    step = _value_step(frame.top_value)
    value = 0.0
    while value <= frame.top_value + 1e-9:
        y = frame.y(value)
        group.add(
            Line(frame.left, y, frame.left + frame.width, y, strokeColor=GRID, strokeWidth=0.4)
        )
        group.add(
            String(
                frame.left - 3,
                y - 2.5,
                f"{format_number(value)}{unit}",
                fontName=REGULAR,
                fontSize=LABEL_SIZE,
                textAnchor="end",
                fillColor=AXIS,
            )
        )
        value += step
    right = frame.left + frame.width
    group.add(
        Line(frame.left, frame.bottom, right, frame.bottom, strokeColor=AXIS, strokeWidth=0.6)
    )
    marks = date_marks(mondays)
    by_year = len(mondays) > 156
    last_end = -math.inf
    year_shown: int | None = None
    for position, (at, day) in enumerate(marks):
        x = frame.slot(at)
        group.add(Line(x, frame.bottom, x, frame.bottom - 3, strokeColor=AXIS, strokeWidth=0.6))
        # A label sits in the middle of its year (or month). A stretch too short for its label
        # (the few weeks of a year a period starts or ends in) keeps its tick but no label, and
        # a label is never printed over another. A month's label names its year where no label
        # before it has.
        following = frame.slot(marks[position + 1][0]) if position + 1 < len(marks) else right
        if by_year:
            label = str(day.year)
        else:
            month = MONTH_NAMES[day.month - 1]
            label = month if day.year == year_shown else f"{month} {day.year}"
        width = stringWidth(label, REGULAR, LABEL_SIZE)
        centre = (x + following) / 2
        if following - x < width and len(marks) > 1:
            continue
        if centre - width / 2 < last_end + 4:
            continue
        group.add(
            String(
                centre,
                frame.bottom - 10,
                label,
                fontName=REGULAR,
                fontSize=LABEL_SIZE,
                textAnchor="middle",
                fillColor=AXIS,
            )
        )
        last_end = centre + width / 2
        year_shown = day.year


def stretches(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """Consecutive stretches of True, as (first, last) indexes."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            found.append((start, index - 1))
            start = None
    return found


def _lone_as_line(week_width: float) -> bool:
    """Whether a week with a gap either side is drawn as a short line (else as a mark)."""
    return week_width * 0.8 >= _SHORTEST_LONE_LINE


def _legend_words(words: str, values: Sequence[float | None], week_width: float, mark: str) -> str:
    """A line's words in the legend, saying what its `mark` means where the chart draws one: for
    a week with a gap either side, among weeks too narrow to draw it as a short line."""
    lone = any(first == last for first, last in stretches([v is not None for v in values]))
    if lone and not _lone_as_line(week_width):
        return f"{words} (a {mark} alone: a week with a gap either side)"
    return words


def _series(
    group: Group,
    frame: _Frame,
    values: Sequence[float | None],
    colour: Color,
    dashes: Sequence[float] = SOLID,
) -> None:
    """A line through the known values. An unknown value breaks it, so a week not logged is a gap,
    never a zero. A value between two gaps is a short level line in the same style across the
    middle of its week, so that it does not vanish and still reads as this line; where weeks are
    too narrow for that (it would run over the gaps beside it), a mark: a dot on a solid line, a
    ring on a dashed one, which the legend then names."""
    width = 1.0 if frame.weeks <= 160 else 0.6
    for first, last in stretches([value is not None for value in values]):
        points: list[float] = []
        for index in range(first, last + 1):
            value = values[index]
            if value is not None:
                points += [frame.x(index), frame.y(value)]
        if first < last:
            group.add(
                PolyLine(
                    points,
                    strokeColor=colour,
                    strokeWidth=width,
                    strokeDashArray=dashes,
                    strokeLineJoin=1,
                )
            )
            continue
        x, y = points
        if _lone_as_line(frame.step):
            half = min(frame.step * 0.8, _LONGEST_LONE_LINE) / 2
            line = Line(x - half, y, x + half, y, strokeColor=colour, strokeDashArray=dashes)
            group.add(line)
        elif dashes:
            radius = min(2.5, max(1.6, frame.step * 0.12))
            group.add(Circle(x, y, radius, fillColor=None, strokeColor=colour, strokeWidth=0.6))
        else:
            radius = min(2.5, max(1.1, frame.step * 0.12))
            group.add(Circle(x, y, radius, fillColor=colour, strokeColor=None))


def _missing_ticks(group: Group, frame: _Frame, lines: Sequence[WeekLine]) -> None:
    width = min(0.8, max(0.3, frame.step * 0.6))
    # One path for all the ticks: one shape to draw, however many weeks were not logged.
    ticks = Path(strokeColor=MISSING, strokeWidth=width, fillColor=None)
    for index, line in enumerate(lines):
        if line.not_logged:
            ticks.moveTo(frame.x(index), frame.bottom)
            ticks.lineTo(frame.x(index), frame.bottom + 5)
    if ticks.points:
        group.add(ticks)


def _line_key(colour: Color, dashes: Sequence[float] = SOLID) -> Key:
    def draw(group: Group, x: float, y: float) -> None:
        group.add(
            Line(
                x, y, x + _KEY_WIDTH, y, strokeColor=colour, strokeWidth=1.2, strokeDashArray=dashes
            )
        )

    return draw


def _box_key(colour: Color, width: float) -> Key:
    def draw(group: Group, x: float, y: float) -> None:
        left = x + (_KEY_WIDTH - width) / 2
        group.add(_box(left, y - 4, width, 8, colour))

    return draw


def _tick_key(group: Group, x: float, y: float) -> None:
    group.add(Line(x + _KEY_WIDTH / 2, y - 4, x + _KEY_WIDTH / 2, y + 2, strokeColor=MISSING))


def _plot_width(width: float) -> float:
    """The width of a chart's plot, in a drawing `width` wide: the same in both charts."""
    return width - _LEFT - _RIGHT


def _chart(
    width: float,
    lines: Sequence[WeekLine],
    top_value: float,
    legend: Sequence[tuple[Key, str]],
) -> tuple[Drawing, Group, _Frame]:
    """A drawing with the plot above its legend, and the group to draw the plot into."""
    legend_height = len(legend) * _LEGEND_LINE
    bottom = legend_height + 8 + _BELOW
    # The drawing's own starting font is Helvetica unless told otherwise, and would be named in
    # every page's resources without being embedded.
    drawing = Drawing(
        width, bottom + _PLOT_HEIGHT + 4, initialFontName=REGULAR, initialFontSize=LABEL_SIZE
    )
    frame = _Frame(_LEFT, bottom, _plot_width(width), _PLOT_HEIGHT, len(lines), top_value)
    legend_group = Group()
    for row, (draw_key, text) in enumerate(legend):
        y = legend_height - row * _LEGEND_LINE - 4
        draw_key(legend_group, frame.left, y)
        legend_group.add(
            String(
                frame.left + _KEY_WIDTH + 6, y - 2.5, text, fontName=REGULAR, fontSize=LEGEND_SIZE
            )
        )
    plot = Group()
    drawing.add(plot)
    drawing.add(legend_group)
    return drawing, plot, frame


def _whose_test(profile: Profile) -> str:
    """The run test's owner, short enough for a legend's line."""
    if is_moj_test(profile):
        return "the MoJ test for excessive workload"
    return (
        f"the diary's own test; the MoJ's is {format_number(MOJ_THRESHOLD_PCT)} % for "
        f"{MOJ_RUN_WEEKS} weeks"
    )


def capacity_chart(lines: Sequence[WeekLine], profile: Profile, width: float) -> Drawing:
    """Capacity % week by week from 0, the threshold as a dashed line, the runs that meet the
    excessive-workload test as shaded bands, and a tick at the foot for each week not logged."""
    threshold = profile.threshold_pct
    values = [line.entry.record.capacity_pct if line.entry else None for line in lines]
    highest = max([value for value in values if value is not None] + [threshold])
    threshold_words = f"{format_number(threshold)} % threshold"
    run = f"{profile.run_weeks} or more weeks in a row at or over {format_number(threshold)} %"
    week_width = _plot_width(width) / max(len(lines), 1)
    capacity_words = "Solid line: WMT capacity each week, as recorded"
    drawing, plot, frame = _chart(
        width,
        lines,
        _top(highest + 5, 25.0),
        [
            (_line_key(LINE), _legend_words(capacity_words, values, week_width, "dot")),
            (_line_key(THRESHOLD, [4, 2]), f"Dashed line: your {threshold_words}"),
            (_box_key(BAND, _KEY_WIDTH), f"Shaded band: {run} ({_whose_test(profile)})"),
            (_tick_key, "Tick at the foot, and a gap in the line: a week not logged"),
        ],
    )
    for first, last in stretches([line.in_excessive_run for line in lines]):
        left = frame.slot(first)
        plot.add(_box(left, frame.bottom, frame.slot(last + 1) - left, frame.height, BAND))
    _axes(plot, frame, [line.week_commencing for line in lines], " %")
    _missing_ticks(plot, frame, lines)
    y = frame.y(threshold)
    right = frame.left + frame.width
    plot.add(
        Line(frame.left, y, right, y, strokeColor=THRESHOLD, strokeWidth=1, strokeDashArray=[4, 2])
    )
    # Beside the plot, not on it, where the weekly line would run over it.
    plot.add(
        String(
            right + 3,
            y - 2.5,
            f"{format_number(threshold)} %",
            fontName=REGULAR,
            fontSize=LABEL_SIZE,
            fillColor=THRESHOLD,
        )
    )
    _series(plot, frame, values, LINE)
    return drawing


def hours_chart(lines: Sequence[WeekLine], width: float) -> Drawing:
    """Hours worked week by week against contracted hours, with unpaid hours as bars from 0."""
    worked = [line.entry.record.hours_worked if line.entry else None for line in lines]
    contracted = [line.entry.record.contracted_hours if line.entry else None for line in lines]
    unpaid = [line.entry.record.unpaid_hours if line.entry else None for line in lines]
    known = [value for value in [*worked, *contracted, *unpaid] if value is not None]
    week_width = _plot_width(width) / max(len(lines), 1)
    worked_words = "Solid line: hours worked each week, as recorded"
    contracted_words = "Dashed line: contracted hours that week"
    drawing, plot, frame = _chart(
        width,
        lines,
        _top(max([*known, 1.0]) + 2, 10.0),
        [
            (_line_key(LINE), _legend_words(worked_words, worked, week_width, "dot")),
            (
                _line_key(CONTRACTED, [3, 2]),
                _legend_words(contracted_words, contracted, week_width, "ring"),
            ),
            (_box_key(BAR, 6), "Grey bars: unpaid hours that week"),
            (_tick_key, "Tick at the foot: a week not logged. A gap in a line: no hours recorded"),
        ],
    )
    _axes(plot, frame, [line.week_commencing for line in lines], " hours")
    bar = min(max(frame.step * 0.7, 0.25), _WIDEST_BAR)
    # One path for all the bars, as for the ticks.
    bars = Path(fillColor=BAR, strokeColor=None)
    for index, value in enumerate(unpaid):
        if value:
            left, top = frame.x(index) - bar / 2, frame.y(value)
            bars.moveTo(left, frame.bottom)
            bars.lineTo(left + bar, frame.bottom)
            bars.lineTo(left + bar, top)
            bars.lineTo(left, top)
            bars.closePath()
    if bars.points:
        plot.add(bars)
    _missing_ticks(plot, frame, lines)
    _series(plot, frame, contracted, CONTRACTED, [3, 2])
    _series(plot, frame, worked, LINE)
    return drawing
