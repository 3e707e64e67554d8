"""What a pack says, read back from the PDF, where a loose word would mislead a panel: whose test
of excessive workload it is, an answered concern against an amended one, the week still in
progress, what a 17-week average rests on, what a copy without notes leaves out, and the
table's key and layout."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.evidence.pdf_reading import flat, reader, text_in_fonts
from tests.evidence.test_pack import PROFILE, Chain, body_text, week
from workdiary.domain.dates import mondays
from workdiary.domain.errors import InvalidInput
from workdiary.domain.records import Concern, ConcernChannel, ConcernStatus, Profile, Week
from workdiary.evidence.amendments import differences
from workdiary.evidence.pack import build_pack
from workdiary.evidence.snapshot import PackOptions, Snapshot

# The pack is made on a Monday morning: the week commencing that day has not ended.
TODAY = date(2026, 11, 23)
TAKEN_AT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
FIRST = date(2026, 7, 27)
LAST_ENDED = date(2026, 11, 16)

MOJ_WORDS = "the MoJ test for excessive workload"
OWN_WORDS = "the test set in this diary, not the MoJ's, whose line is 110 % for 4 consecutive weeks"


def at(day: date, hour: int = 17) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def make_snapshot(
    weeks: Sequence[Week],
    profile: Profile = PROFILE,
    concerns: Sequence[tuple[Concern, Sequence[tuple[Concern, datetime]]]] = (),
    deleted: Sequence[date] = (),
) -> Snapshot:
    """A diary as the app would hold it: each week logged on its Friday, each concern recorded
    the day it was raised and then changed as `concerns` says (the record after, and when), and
    the weeks commencing `deleted` logged and deleted on their Friday."""
    chain = Chain()
    chain.write("profile", "1", "create", profile, at(date(2026, 1, 1)))
    for monday in deleted:
        for action in ("create", "delete"):
            chain.write("weeks", monday.isoformat(), action, week(monday, 100.0), at(monday))
    for record in weeks:
        monday = record.week_commencing
        logged = min(at(monday + timedelta(days=4)), TAKEN_AT - timedelta(hours=1))
        chain.write("weeks", monday.isoformat(), "create", record, logged)
    latest: dict[str, Concern] = {}
    for number, (concern, changes) in enumerate(concerns, start=1):
        key = str(number)
        chain.write("concerns", key, "create", concern, at(concern.raised_on))
        latest[key] = concern
        for changed, when in changes:
            chain.write("concerns", key, "amend", changed, when)
            latest[key] = changed
    return Snapshot(
        pack_id="wording-pack",
        taken_at=TAKEN_AT,
        app_version="9.9.9",
        profile=profile,
        weeks=tuple(
            chain.recorded("weeks", record.week_commencing.isoformat(), record)
            for record in sorted(weeks, key=lambda record: record.week_commencing)
        ),
        sessions=(),
        concerns=tuple(chain.recorded("concerns", key, record) for key, record in latest.items()),
        audit=tuple(chain.entries),
        chain_head=chain.entries[-1].hash,
        audit_entries=len(chain.entries),
    )


def weeks_from(first: date, capacities: Sequence[float], **values: Any) -> list[Week]:
    return [
        week(first + timedelta(weeks=index), capacity, **values)
        for index, capacity in enumerate(capacities)
    ]


# A run of six weeks at 135 %, between weeks under 110 %.
RUN_WEEKS = weeks_from(FIRST, [100, 135, 135, 135, 135, 135, 135, 100])


def pack_text(snapshot: Snapshot, last: date = LAST_ENDED, **options: Any) -> str:
    return body_text(build_pack(snapshot, PackOptions(FIRST, last, **options)).pdf)


# Whose test of excessive workload


def test_the_mojs_line_and_run_are_called_the_mojs_test() -> None:
    text = pack_text(make_snapshot(RUN_WEEKS))
    # The summary, the weekly table's key and the chart's legend.
    assert f"4 or more consecutive weeks at or over 110 %, {MOJ_WORDS}" in text
    assert f"part of 4 or more weeks at or over 110 % in a row, {MOJ_WORDS}" in text
    assert f"Shaded band: 4 or more weeks in a row at or over 110 % ({MOJ_WORDS})" in text
    assert "not the MoJ's" not in text


def test_a_run_within_the_period_is_counted_in_all_and_one_it_cuts_is_said_to_be_cut() -> None:
    within = pack_text(make_snapshot(RUN_WEEKS))
    assert "Runs meeting the excessive-workload test 1 run, 6 weeks in all (4 or more" in within
    cut = pack_text(make_snapshot(RUN_WEEKS), last=RUN_WEEKS[2].week_commencing)
    assert "1 run (4 or more consecutive weeks at or over 110 %" in cut
    assert "2 weeks of it within the period; the table below gives the whole of it" in cut
    assert "† This run went on after the period, to the week commencing" in cut
    assert "weeks in all (4 or more" not in cut


@pytest.mark.parametrize(
    ("threshold", "run", "shown"),
    [(130.0, 4, "130 %"), (110.0, 6, "110 %"), (100.0, 3, "100 %")],
)
def test_a_threshold_or_run_of_the_users_own_is_never_called_the_mojs_test(
    threshold: float, run: int, shown: str
) -> None:
    profile = replace(PROFILE, threshold_pct=threshold, run_weeks=run)
    text = pack_text(make_snapshot(RUN_WEEKS, profile))
    assert MOJ_WORDS not in text
    assert f"{run} or more consecutive weeks at or over {shown}, {OWN_WORDS}" in text
    assert f"part of {run} or more weeks at or over {shown} in a row, {OWN_WORDS}" in text
    assert (
        f"Shaded band: {run} or more weeks in a row at or over {shown} (the diary's own test; "
        "the MoJ's is 110 % for 4 weeks)" in text
    )


# Concerns: an answer is not an amendment


RAISED = date(2026, 9, 1)


def concern(summary: str = "Caseload too high", **values: Any) -> Concern:
    return Concern(RAISED, "SPO (J.B.)", ConcernChannel.EMAIL, summary, **values)


def answered(record: Concern, words: str, on: date) -> Concern:
    return replace(record, response=words, response_on=on, status=ConcernStatus.ANSWERED)


def concerns_text() -> tuple[str, str]:
    """The concerns section and the amendment history of a pack of five concerns."""
    plain = concern("Answered only")
    reworded = concern("Said at first")
    closing = concern("Answered, then closed")
    rewritten = concern("Answer rewritten")
    late = concern("Answer recorded late")
    reply = answered(closing, "Review promised.", date(2026, 9, 10))
    first_answer = answered(rewritten, "No.", date(2026, 9, 8))
    snapshot = make_snapshot(
        RUN_WEEKS,
        concerns=[
            (
                plain,
                [(answered(plain, "Two cases moved.", date(2026, 9, 8)), at(date(2026, 9, 8)))],
            ),
            (reworded, [(replace(reworded, summary="Said on second thoughts"), at(RAISED, 18))]),
            (
                closing,
                [
                    (reply, at(date(2026, 9, 10))),
                    (
                        replace(
                            reply,
                            response="Review promised. Closed: caseload reduced.",
                            status=ConcernStatus.CLOSED,
                        ),
                        at(date(2026, 10, 5)),
                    ),
                ],
            ),
            (
                rewritten,
                [
                    (first_answer, at(date(2026, 9, 8))),
                    (replace(first_answer, response="Maybe."), at(date(2026, 9, 9))),
                ],
            ),
            (late, [(answered(late, "Later.", date(2026, 9, 2)), at(date(2026, 10, 1)))]),
        ],
    )
    text = pack_text(snapshot)
    concerns = text.split("5. Concerns raised")[2].split("6. Weekly notes")[0]
    history = text.split("7. Amendment history")[2].split("8. Attachments")[0]
    return concerns, history


def test_a_concern_whose_answer_was_recorded_says_when_it_was_answered_not_amended() -> None:
    concerns, history = concerns_text()
    assert (
        "First recorded Tue 01 Sep 2026, answered on Tue 08 Sep 2026 What was said: Answered only"
        in concerns
    )
    assert "Concern raised Tue 01 Sep 2026: answer recorded Response: (empty) → Two cases" in (
        history
    )
    # Closing it, with a line added to say why, is said as such, not as an amendment.
    assert (
        "First recorded Tue 01 Sep 2026, answered on Thu 10 Sep 2026, marked closed on Mon 05 "
        "Oct 2026 What was said: Answered, then closed" in concerns
    )
    assert "Concern raised Tue 01 Sep 2026: marked closed" in history
    # An answer recorded weeks after it came says so, as a late week does.
    assert (
        "answered on Wed 02 Sep 2026 (recorded Thu 01 Oct 2026, retrospective) What was said: "
        "Answer recorded late" in concerns
    )


def test_a_concern_is_amended_only_where_something_already_recorded_changed() -> None:
    concerns, history = concerns_text()
    assert "First recorded Tue 01 Sep 2026, amended What was said: Said on second thoughts" in (
        concerns
    )
    assert (
        "First recorded Tue 01 Sep 2026, answered on Tue 08 Sep 2026, amended What was said: "
        "Answer rewritten" in concerns
    )
    assert len(re.findall(r"First recorded [^W]*amended", concerns)) == 2
    assert "Concern raised Tue 01 Sep 2026: amended What was said: Said at first → Said on" in (
        history
    )
    assert "Response: No. → Maybe." in history


# Amendments: a change always reads as a change

# A reply of a few lines, `{}` the only word that changes, near its end.
LONG_REPLY = (
    "Thank you for raising your caseload with me. I have looked at the WMT figures you sent and "
    "I agree that they have been over the line for several weeks now; we will review your "
    "caseload at the next supervision, and I will ask the SPO about moving {} cases & <more>."
)


def test_a_long_value_changed_late_in_it_is_given_before_and_after_on_lines_of_their_own() -> None:
    """Wrapped as `Response: old → new`, two texts the same for lines could read as no change."""
    first = answered(concern(), LONG_REPLY.format("two"), date(2026, 9, 8))
    second = replace(first, response=LONG_REPLY.format("three"))
    snapshot = make_snapshot(
        RUN_WEEKS,
        concerns=[(concern(), [(first, at(date(2026, 9, 8))), (second, at(date(2026, 9, 9)))])],
    )
    pdf = build_pack(snapshot, PackOptions(FIRST, LAST_ENDED)).pdf
    history = body_text(pdf).split("7. Amendment history")[2].split("8. Attachments")[0]
    assert (
        "Concern raised Tue 01 Sep 2026: answer recorded Response: Before: (empty) After: "
        f"{LONG_REPLY.format('two')} Response date: (empty) → Tue 08 Sep 2026"
    ) in history
    assert (
        f"Concern raised Tue 01 Sep 2026: amended Response: Before: {LONG_REPLY.format('two')} "
        f"After: {LONG_REPLY.format('three')}"
    ) in history
    # Each value starts a line of its own.
    lines = [line.strip() for page in reader(pdf).pages for line in page.extract_text().split("\n")]
    assert sum(line.startswith("Before: Thank you for raising") for line in lines) == 1
    assert sum(line.startswith("After: Thank you for raising") for line in lines) == 2
    # The words that differ, and only they, in bold.
    pieces = text_in_fonts(pdf)
    start = [text for text, _font in pieces].index("Before:")
    bold = [text.strip() for text, font in pieces[start : start + 12] if font.endswith("-Bold")]
    assert bold == ["two", "three"]
    # Its short changes stay on a line each, as they were.
    assert "Response date: (empty) → Tue 08 Sep 2026 Status: Open → Answered" in history


def test_a_long_value_replaced_by_another_altogether_marks_no_words() -> None:
    first = answered(concern(), LONG_REPLY.format("two"), date(2026, 9, 8))
    second = replace(first, response="Refused: " + "no change to allocations at present. " * 4)
    snapshot = make_snapshot(
        RUN_WEEKS,
        concerns=[(concern(), [(first, at(date(2026, 9, 8))), (second, at(date(2026, 9, 9)))])],
    )
    pdf = build_pack(snapshot, PackOptions(FIRST, LAST_ENDED)).pdf
    pieces = text_in_fonts(pdf)
    start = [text for text, _font in pieces].index("Before:")
    after = [text for text, _font in pieces].index("After:")
    assert not [text for text, font in pieces[start : after + 4] if font.endswith("-Bold")]


def test_only_words_count_towards_two_texts_being_mostly_the_same() -> None:
    """Texts with no word in common, however many spaces each has, are not marked word by word."""
    old_parts, new_parts = differences(
        "one two three four five six seven", "eight nine ten eleven twelve thirteen fourteen"
    )
    assert not any(differs for _words, differs in [*old_parts, *new_parts])
    old_parts, new_parts = differences("Move two cases\n\nnow.", "Move three cases now.")
    assert [words for words, differs in old_parts if differs] == ["two "]
    assert [words for words, differs in new_parts if differs] == ["three "]
    assert "".join(words for words, _differs in new_parts) == "Move three cases now."


# Subject access requests: owed an answer, but no concern about workload


def sar(raised: date, summary: str) -> Concern:
    return Concern(
        raised, "Data Protection Officer", ConcernChannel.ACCESS_REQUEST, summary,
        follow_up_on=raised + timedelta(days=30),
    )  # fmt: skip


def test_subject_access_requests_are_counted_and_listed_apart_from_concerns_about_workload() -> (
    None
):
    made = sar(RAISED + timedelta(days=14), "Copies of my WMT records — ŵ ŷ <all> & more")
    earlier = sar(date(2026, 7, 1), "Copies of my supervision records")
    plain = concern("Answered only")
    snapshot = make_snapshot(
        RUN_WEEKS,
        concerns=[
            (earlier, []),
            (
                plain,
                [(answered(plain, "Two cases moved.", date(2026, 9, 8)), at(date(2026, 9, 8)))],
            ),
            (concern("Still waiting"), []),
            (made, []),
        ],
    )
    text = pack_text(snapshot)
    summary = text.split("1. Summary figures")[2].split("2. Charts")[0]
    assert (
        "Concerns raised Raised in the period 2 Answered or closed 1, when this pack was made "
        "Still unanswered 1, when this pack was made Raised before the period and unanswered "
        "when it began None Subject access requests"
    ) in summary
    assert (
        "Subject access requests Requests for a copy of the officer's own records, logged as "
        "“Access request (SAR)”. They are not concerns about workload and are not counted with "
        "them; but each is owed an answer, so each is counted and listed here. Made in the "
        "period 1 Answered or closed 0, when this pack was made Still unanswered 1 (1 of them "
        "past the date set to chase a reply), when this pack was made Made before the period "
        "and unanswered when it began 1, each listed in the concerns log, marked “made before "
        "the period” Of those, answered or closed since 0 Of those, still unanswered 1"
    ) in summary
    log = text.split("5. Concerns raised")[2].split("6. Weekly notes")[0]
    workload, requests = log.split("Subject access requests Requests for a copy")
    assert "Every concern about workload recorded as raised in the period" in workload
    assert "Subject access requests are listed apart, after them." in workload
    assert "Answered only" in workload and "Still waiting" in workload
    assert "Access request (SAR)" not in workload and "Copies of my" not in workload
    assert (
        "Made before the period and unanswered when it began Wed 01 Jul 2026 · Access request "
        "(SAR), with Data Protection Officer · made before the period · Open: overdue"
    ) in requests
    assert (
        "Made in the period Tue 15 Sep 2026 · Access request (SAR), with Data Protection Officer "
        "· Open: overdue, no reply by Thu 15 Oct 2026"
    ) in requests
    assert "What was said: Copies of my WMT records — ŵ ŷ <all> & more" in requests
    assert (
        "4 concerns (3 raised in the period, 1 raised before it and unanswered when it began; 2 "
        "subject access requests among them)"
    ) in text


# The week in progress


LATE_WEEKS = weeks_from(date(2026, 10, 26), [100, 101, 102, 103])
TO_TODAY = "Mon 27 Jul 2026 to Mon 23 Nov 2026, the day this pack was made (17 weeks and 1 day)"


def test_a_week_not_yet_ended_and_not_logged_is_not_counted_as_not_logged() -> None:
    text = pack_text(make_snapshot([week(date(2026, 7, 27), 100.0), *LATE_WEEKS]), last=TODAY)
    assert f"Figures for {TO_TODAY}" in text
    assert "Weeks not logged 12 " in text  # the weeks between, and not this one
    assert "Mon 23 Nov 2026 —" not in text and "Sun 29 Nov 2026" not in text


def test_weeks_before_the_first_week_recorded_are_left_out_not_counted_as_not_logged() -> None:
    """Weeks before the diary was kept are not weeks the officer failed to log."""
    text = pack_text(make_snapshot(LATE_WEEKS), last=TODAY)
    assert f"Figures for {TO_TODAY}" in text
    began = (
        "When this pack was made, the first week recorded in this diary was the week commencing "
        "Mon 26 Oct 2026, so the weekly figures begin there: 13 weeks of the period before it "
        "are left out, not counted as weeks not logged."
    )
    assert text.count(began) == 3  # the summary, the charts and the weekly figures say so
    assert (
        "Weeks in the period 17 (13 weeks before the first week recorded and the week commencing "
        "Mon 23 Nov 2026, not ended and not logged yet, not counted)"
    ) in text
    assert "Weeks logged 4 (100 % of the 4 weeks counted) Weeks not logged 0 " in text
    assert "Both charts run from the week commencing Mon 26 Oct 2026 on the left" in text
    assert "Mon 19 Oct 2026" not in text and "Mon 27 Jul 2026 —" not in text


def test_a_period_wholly_before_the_first_week_recorded_gives_no_weekly_figures() -> None:
    """No nought a reader could take for a fact: no unpaid hours, no runs, no rows."""
    text = pack_text(make_snapshot(LATE_WEEKS), last=date(2026, 9, 28))
    assert (
        "No week of the period is recorded: when this pack was made, the first week recorded in "
        "this diary was the week commencing Mon 26 Oct 2026." in text
    )
    assert "Weeks counted None: no week of the period is recorded in the diary" in text
    for figure in ("Weeks not logged", "Unpaid hours", "Runs meeting", "£0.00", "Flags:"):
        assert figure not in text, figure


def test_a_period_of_weeks_not_logged_gives_no_unpaid_hours_figure() -> None:
    """Weeks not logged count as not logged, never as nought: no "0 hours, worth £0.00"."""
    snapshot = make_snapshot([week(FIRST, 100.0), *LATE_WEEKS])
    text = body_text(build_pack(snapshot, PackOptions(date(2026, 8, 10), date(2026, 9, 28))).pdf)
    assert "Weeks logged 0" in text
    assert "Unpaid hours No week in the period has unpaid hours recorded" in text
    assert "£0.00" not in text and "0 hours" not in text


def test_a_deleted_first_week_is_still_where_the_weekly_figures_begin() -> None:
    """Its deletion is part of the record: it is no week before the diary was kept."""
    snapshot = make_snapshot(LATE_WEEKS, deleted=[date(2026, 10, 12)])
    text = pack_text(snapshot, last=TODAY)
    assert "the first week recorded in this diary was the week commencing Mon 12 Oct 2026" in text
    assert "Mon 12 Oct 2026 — — — — — not logged, an entry was deleted on" in text


def test_a_logged_week_not_yet_ended_is_shown_in_progress() -> None:
    this_week = week(TODAY, 104.0)
    text = pack_text(make_snapshot([*LATE_WEEKS, this_week]), last=TODAY)
    assert (
        "Figures for Mon 27 Jul 2026 to Mon 23 Nov 2026, the day this pack was made (17 weeks and "
        "1 day)" in text
    )
    assert "The week commencing Mon 23 Nov 2026 had not ended when this pack was made" in text
    assert "Mon 23 Nov 2026 104 % 40 44.5 / 37 7.5 Mon 23 Nov 2026 in progress" in text
    assert "“in progress”: the week had not ended when this pack was made" in text


def test_a_period_that_starts_after_this_week_is_refused() -> None:
    next_week = TODAY + timedelta(weeks=1)
    with pytest.raises(InvalidInput, match="week commencing Mon 30 Nov 2026, which is still to"):
        build_pack(make_snapshot(LATE_WEEKS), PackOptions(next_week, next_week))


# What the 17-week average rests on


def test_the_17_week_average_leaves_out_weeks_of_leave_or_sickness_and_says_so() -> None:
    """As the Working Time Regulations do: a week of leave averaged in as a short week would
    pull the average below the hours actually worked."""
    mondays_17 = list(mondays(FIRST, FIRST + timedelta(weeks=16)))
    weeks = [
        week(monday, 100.0, hours_worked=None if index in (1, 3, 5) else 50.0)
        for index, monday in enumerate(mondays_17)
    ]
    weeks[7] = replace(weeks[7], hours_worked=0.0, sick_days=5.0)
    weeks[9] = replace(weeks[9], hours_worked=30.0, leave_days=2.0)
    text = pack_text(make_snapshot(weeks), last=mondays_17[-1])
    assert (
        "50 hours a week, in the 17 weeks to the week commencing Mon 16 Nov 2026: taken over the "
        "12 of them with hours worked recorded and no days of leave or sickness (the Regulations "
        "leave such days out of the average)" in text
    )
    # Hours rising week by week: the highest average is that of the last week, whose 17 weeks
    # all count.
    every = [
        replace(record, hours_worked=40.0 + index, leave_days=None, sick_days=None)
        for index, record in enumerate(weeks)
    ]
    text = pack_text(make_snapshot(every), last=mondays_17[-1])
    assert (
        "48 hours a week, in the 17 weeks to the week commencing Mon 16 Nov 2026: taken over all "
        "17, each with hours worked recorded" in text
    )


# What a copy without notes, and the weekly table, show


def test_a_copy_without_notes_claims_only_what_it_prints() -> None:
    text = pack_text(make_snapshot(RUN_WEEKS), include_notes=False)
    assert "Every figure, date and change is still shown" not in text
    assert (
        "Everything else is printed as in a full copy, and every change is listed in the "
        "amendment history (a change to a note without its wording)." in text
    )


def test_days_of_leave_and_sickness_are_under_the_weeks_hours() -> None:
    weeks = [
        *RUN_WEEKS[:2],
        replace(RUN_WEEKS[2], hours_worked=37.0, leave_days=2.0, sick_days=1.0),
        replace(RUN_WEEKS[3], hours_worked=29.0, sick_days=0.5),
        *RUN_WEEKS[4:],
    ]
    text = pack_text(make_snapshot(weeks))
    assert "Mon 10 Aug 2026 135 % 40 37 / 37 leave 2 days sick 1 day 7.5 Fri 14 Aug 2026" in text
    assert "Mon 17 Aug 2026 135 % 40 29 / 37 sick 0.5 days 7.5 Fri 21 Aug 2026" in text


def test_the_key_names_the_recorded_figures_the_table_does_not_print() -> None:
    text = pack_text(make_snapshot(RUN_WEEKS))
    assert "not printed here" not in text  # none are recorded
    weeks = [
        replace(RUN_WEEKS[0], breaks_missed_days=3, toil_taken=2.0),
        replace(RUN_WEEKS[1], wmt_read_on=date(2026, 8, 6), cases_licence=12),
        *RUN_WEEKS[2:],
    ]
    text = pack_text(make_snapshot(weeks))
    assert (
        "Also recorded for weeks of the period, and not printed here: the day the WMT figure was "
        "read, cases by type, TOIL (earned, taken) and days breaks were missed. They are in the "
        "data embedded in this PDF (workdiary-pack.json)." in text
    )


def test_the_key_says_what_a_shaded_row_means() -> None:
    text = pack_text(make_snapshot(RUN_WEEKS))
    assert "A shaded row is a week of an excessive run" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs Poppler's pdftotext")
def test_a_figure_column_and_the_next_do_not_run_together(tmp_path: Path) -> None:
    """In a week not logged, the dash ending the unpaid hours (set right) and the dash starting
    "First recorded" (set left) stand well apart, as Poppler places them, not as one "— —"."""
    weeks = [record for record in RUN_WEEKS if record.week_commencing != date(2026, 8, 17)]
    path = tmp_path / "pack.pdf"
    path.write_bytes(build_pack(make_snapshot(weeks), PackOptions(FIRST, LAST_ENDED)).pdf)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [
        (float(y), float(left), float(right), word)
        for left, y, right, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', boxes
        )
    ]
    rows: dict[float, list[tuple[float, float, str]]] = {}
    for y, left, right, word in words:
        rows.setdefault(y, []).append((left, right, word))
    [row] = [row for row in rows.values() if [word for *_, word in row[:3]] == ["Mon", "17", "Aug"]]
    dashes = sorted((left, right) for left, right, word in row if word == "—")
    assert len(dashes) == 5
    (_, unpaid_ends), (first_recorded_starts, _) = dashes[3], dashes[4]
    assert first_recorded_starts - unpaid_ends >= 12


def test_no_concern_heading_is_left_at_the_foot_of_a_page() -> None:
    """Concerns of every length, so that page after page ends at a different point in one: a
    page never ends with a concern's heading or its "first recorded" line."""
    many = []
    for number in range(80):
        words = " ".join(f"word{number}x{index}" for index in range(8 + (number * 7) % 13))
        many.append((replace(concern(words), raised_on=RAISED + timedelta(days=number % 60)), []))
    pdf = build_pack(
        make_snapshot(RUN_WEEKS, concerns=many),
        PackOptions(FIRST, LAST_ENDED, sections=frozenset({"concerns"})),
    ).pdf
    for page in reader(pdf).pages[1:]:
        body = flat(page.extract_text())
        last_heading = body.rfind("First recorded")
        if last_heading != -1:
            assert "What was said:" in body[last_heading:], body[-200:]


# Hours against contracted


def test_hours_against_contracted_say_the_days_of_leave_and_sickness_they_do_not_allow_for() -> (
    None
):
    """A shortfall made of a day's leave and a day off sick must not read as hours short."""
    weeks = [
        week(FIRST, 100.0, hours_worked=75.0, contracted_hours=74.0, leave_days=1.0),
        week(FIRST + timedelta(weeks=1), 100.0, hours_worked=68.25, contracted_hours=74.0,
             sick_days=1.0),
        week(FIRST + timedelta(weeks=2), 100.0, hours_worked=None, sick_days=2.5),
    ]  # fmt: skip
    text = pack_text(make_snapshot(weeks), last=FIRST + timedelta(weeks=2))
    assert (
        "Hours worked 143.25 hours against 148 hours contracted, over the 2 weeks with both "
        "recorded: 4.75 hours fewer than contracted. Those weeks include 1 day of leave and 1 day "
        "sick, which this comparison does not allow for (the diary does not record whether "
        "contracted hours were entered less days off)"
    ) in text
    # Days off in a week without hours worked are not in the comparison, so not said to be.
    plain = [replace(weeks[0], leave_days=None), weeks[2]]
    text = pack_text(make_snapshot(plain), last=FIRST + timedelta(weeks=2))
    assert "75 hours against 74 hours contracted, over the 1 week with both recorded: 1 hour " in (
        text
    )
    assert "does not allow for" not in text
