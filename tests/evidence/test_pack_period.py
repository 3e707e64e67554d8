"""A pack made while its last week is still going, as one usually is: on the morning a notice
went or supervision was cancelled. What it shows of that week, and how far its figures run."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.clock import Clock
from tests.evidence.pdf_reading import pdf_text
from tests.evidence.test_pack import PROFILE, body_text, week
from workdiary.domain.records import Concern, ConcernChannel, SupervisionSession, SupervisionStatus
from workdiary.evidence.pack import build_pack
from workdiary.evidence.snapshot import PackOptions, Snapshot
from workdiary.packs import take_snapshot
from workdiary.storage import Diary

# Monday morning: the week commencing that day has begun and not ended.
MONDAY = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
THIS_WEEK = date(2026, 11, 23)
FIRST = date(2026, 11, 9)


def diary_on_monday(
    diary_path: Path, logged: Sequence[date], sessions: Sequence[SupervisionSession] = ()
) -> Snapshot:
    """A diary with `logged` weeks, each logged on its Friday (or this morning), and `sessions`
    recorded on their day; then, this morning, a concern emailed and a session cancelled."""
    clock = Clock(datetime(2026, 10, 1, 17, tzinfo=UTC))
    diary_path.parent.mkdir(parents=True, exist_ok=True)
    with Diary.open(diary_path, clock) as diary:
        diary.save_profile(PROFILE)
        for session in sessions:
            clock.now = datetime.combine(session.held_on, datetime.min.time(), UTC)
            diary.supervision.save(session)
        for monday in logged:
            clock.now = min(datetime.combine(monday, datetime.min.time(), UTC), MONDAY)
            clock.now = min(clock.now + timedelta(days=4, hours=17), MONDAY)
            diary.weeks.save(week(monday, 125.0))
        clock.now = MONDAY
        diary.concerns.save(
            Concern(THIS_WEEK, "SPO (JM)", ConcernChannel.EMAIL, "Emailed about 125 % & <more>")
        )
        diary.supervision.save(
            SupervisionSession(THIS_WEEK, SupervisionStatus.CANCELLED_BY_MANAGER, "JM")
        )
        clock.now = MONDAY + timedelta(minutes=30)
        return take_snapshot(diary)


HELD_IN_OCTOBER = SupervisionSession(date(2026, 10, 5), SupervisionStatus.HELD, "JM", 60, True)


def test_a_gap_since_the_last_supervision_runs_to_the_day_the_pack_was_made(
    diary_path: Path,
) -> None:
    """Not on to the Sunday of a week still to come: no figure counts days not yet lived."""
    snapshot = diary_on_monday(
        diary_path, [FIRST, FIRST + timedelta(weeks=1), THIS_WEEK], [HELD_IN_OCTOBER]
    )
    text = body_text(build_pack(snapshot, PackOptions(FIRST, THIS_WEEK)).pdf)
    # From the last session held before the period, which says so.
    assert (
        "Longest gap 49 days (7 weeks), from Mon 05 Oct 2026 (the last session held before the "
        "period) to Mon 23 Nov 2026, the day this pack was made, with none held since"
    ) in text
    period = "Mon 09 Nov 2026 to Mon 23 Nov 2026, the day this pack was made (2 weeks and 1 day)"
    assert f"Period {period}" in text
    assert "Sun 29 Nov 2026" not in text


def test_what_was_recorded_this_week_is_in_the_pack_though_the_week_is_not_logged(
    diary_path: Path,
) -> None:
    """The usual moment to make a pack: the morning a concern went and supervision was
    cancelled, the week's figures still to come. Both are in it; the week is not "not logged"."""
    snapshot = diary_on_monday(diary_path, [FIRST, FIRST + timedelta(weeks=1)])
    text = body_text(build_pack(snapshot, PackOptions(FIRST, THIS_WEEK)).pdf)
    period = "Mon 09 Nov 2026 to Mon 23 Nov 2026, the day this pack was made (2 weeks and 1 day)"
    assert f"Period {period}" in text
    assert "Raised in the period 1 " in text and "Cancelled by manager 1 " in text
    assert "Mon 23 Nov 2026 · Email, with SPO (JM) · Open: no reply recorded" in text
    assert "Emailed about 125 % & <more>" in text
    assert "Mon 23 Nov 2026 Cancelled by manager JM" in text
    # Its figures are still to come, and it is said so wherever the weeks are counted.
    assert (
        "Weeks in the period 2 (the week commencing Mon 23 Nov 2026, not ended and not logged "
        "yet, not counted) Weeks logged 2 (100 %) Weeks not logged 0 "
    ) in text
    pending = (
        "The week commencing Mon 23 Nov 2026 had not ended when this pack was made, and nothing "
        "was logged for it yet: it has no line in the weekly figures, and is not counted as a "
        "week not logged."
    )
    assert text.count(pending) == 2  # the summary and the weekly figures
    assert "— — — — — not logged" not in text


def test_a_copy_without_the_logs_says_where_this_weeks_sessions_and_concerns_are(
    diary_path: Path,
) -> None:
    snapshot = diary_on_monday(diary_path, [FIRST, FIRST + timedelta(weeks=1)])
    options = PackOptions(FIRST, THIS_WEEK, sections=frozenset({"summary", "weeks"}))
    text = body_text(build_pack(snapshot, options).pdf)
    where = (
        "What was recorded in its days up to then, supervision sessions and concerns, is in the "
        "full pack's supervision log and the full pack's concerns log."
    )
    assert text.count(where) == 2  # the summary and the weekly figures
    assert "is in the pack" not in text
    whole = body_text(build_pack(snapshot, PackOptions(FIRST, THIS_WEEK)).pdf)
    assert "supervision sessions and concerns, is in the pack." in whole


def test_a_pack_of_this_week_alone_not_logged_shows_what_was_recorded_in_it(
    diary_path: Path,
) -> None:
    snapshot = diary_on_monday(diary_path, [FIRST])
    pdf = build_pack(snapshot, PackOptions(THIS_WEEK, THIS_WEEK)).pdf
    text = body_text(pdf)
    assert "Period Mon 23 Nov 2026, the day this pack was made (1 day)" in text
    # Nor in the running head at the top of every page.
    assert "Mon 23 Nov 2026 to Mon 23 Nov 2026" not in pdf_text(pdf)
    assert "Weeks counted None: nothing is logged yet for the period's one week" in text
    assert "Raised in the period 1 " in text and "Cancelled by manager 1 " in text
    assert "Weeks not logged" not in text
