"""The pack's charts: what each week puts on them, read back from the shapes drawn."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from reportlab.graphics.shapes import Group, Path, Shape

from workdiary.domain.figures import week_lines
from workdiary.domain.records import Profile, Recorded, Week
from workdiary.evidence.fonts import register_fonts
from workdiary.evidence.pack_charts import BAR, MISSING, hours_chart

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
