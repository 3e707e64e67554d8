"""Concerns raised before a pack's period and still unanswered when it began, read back from the
pack: counted apart in the summary, listed in the concerns log with where each stands now, and
carried in the embedded data, so that a short period never reads as "nothing unanswered" while
older concerns went unanswered throughout it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from tests.evidence.test_pack import body_text
from tests.evidence.test_pack_wording import FIRST, at, make_snapshot, weeks_from
from workdiary.domain.records import Concern, ConcernChannel, ConcernStatus
from workdiary.evidence.pack import Pack, build_pack
from workdiary.evidence.pack_data import check_pack, pack_data
from workdiary.evidence.snapshot import SECTIONS, PackOptions, Snapshot

# The period: the weeks commencing 5 to 26 October 2026, to Sunday 1 November.
PERIOD = PackOptions(date(2026, 10, 5), date(2026, 10, 26))
EARLIER = "Raised before the period and unanswered when it began"


def raised(on: date, summary: str, follow_up_on: date | None = None) -> Concern:
    return Concern(on, "SPO (J.B.)", ConcernChannel.EMAIL, summary, follow_up_on=follow_up_on)


def answer(concern: Concern, on: date) -> Concern:
    return replace(
        concern,
        response=f"Reply to {concern.summary}",
        response_on=on,
        status=ConcernStatus.ANSWERED,
    )


def closed(concern: Concern) -> Concern:
    return replace(concern, status=ConcernStatus.CLOSED)


NEVER_ANSWERED = raised(date(2026, 6, 1), "Never answered", follow_up_on=date(2026, 6, 15))
ANSWERED_BEFORE = raised(date(2026, 6, 10), "Answered before the period")
ANSWERED_AFTER = raised(date(2026, 8, 3), "Answered after the period")
ANSWERED_DURING = raised(date(2026, 9, 1), "Answered during the period")
CLOSED_DURING = raised(date(2026, 9, 15), "Closed with no reply during the period")
CLOSED_BEFORE = raised(date(2026, 9, 20), "Closed with no reply before the period")
ANSWERED_ON_FIRST_DAY = raised(date(2026, 9, 21), "Answered on the first day")
IN_PERIOD = raised(date(2026, 10, 14), "Caseload of 48 and rising")


def diary() -> Snapshot:
    """Concerns numbered 1 to 8 in the order above, each answered or closed as its name says."""
    return make_snapshot(
        weeks_from(FIRST, [100.0] * 17),
        concerns=[
            (NEVER_ANSWERED, []),
            (
                ANSWERED_BEFORE,
                [(answer(ANSWERED_BEFORE, date(2026, 6, 20)), at(date(2026, 6, 20)))],
            ),
            (
                ANSWERED_AFTER,
                [(answer(ANSWERED_AFTER, date(2026, 11, 10)), at(date(2026, 11, 10)))],
            ),
            (
                ANSWERED_DURING,
                [(answer(ANSWERED_DURING, date(2026, 10, 12)), at(date(2026, 10, 13)))],
            ),
            # Closed with no reply: when the diary recorded it closed is all there is to go by.
            (CLOSED_DURING, [(closed(CLOSED_DURING), at(date(2026, 10, 20)))]),
            (CLOSED_BEFORE, [(closed(CLOSED_BEFORE), at(date(2026, 9, 25)))]),
            (
                ANSWERED_ON_FIRST_DAY,
                [(answer(ANSWERED_ON_FIRST_DAY, date(2026, 10, 5)), at(date(2026, 10, 5)))],
            ),
            (IN_PERIOD, []),
        ],
    )


SNAPSHOT = diary()


@pytest.fixture(scope="module")
def pack() -> Pack:
    return build_pack(SNAPSHOT, PERIOD)


@pytest.fixture(scope="module")
def text(pack: Pack) -> str:
    return body_text(pack.pdf)


def section(text: str, title: str, next_title: str) -> str:
    """A section's words: after its heading (the contents name it first), to the next's."""
    return text.split(title)[2].split(next_title)[0]


def test_the_summary_counts_them_apart_from_those_raised_in_the_period(text: str) -> None:
    summary = section(text, "1. Summary figures", "2. Charts")
    assert (
        "Raised in the period 1 Answered or closed 0, when this pack was made Still unanswered "
        f"1, when this pack was made {EARLIER} 5, each listed in the concerns log, marked "
        "“raised before the period” Of those, answered or closed since 4 Of those, still "
        "unanswered 1 (1 of them past the date set to chase a reply), when this pack was made"
    ) in summary


def test_the_log_lists_them_first_marked_with_where_each_stands_now(text: str) -> None:
    log = section(text, "5. Concerns raised", "6. Weekly notes")
    assert "They follow the concerns raised before the period and still unanswered" in log
    earlier, in_period = log.split(EARLIER)[1].split("Raised in the period")
    headings = [
        "Mon 01 Jun 2026 · Email, with SPO (J.B.) · raised before the period · Open: overdue, "
        "no reply by Mon 15 Jun 2026",
        "Mon 03 Aug 2026 · Email, with SPO (J.B.) · raised before the period · Answered later, "
        "on Tue 10 Nov 2026 (after the period)",
        "Tue 01 Sep 2026 · Email, with SPO (J.B.) · raised before the period · Answered later, "
        "on Mon 12 Oct 2026 (in the period)",
        "Tue 15 Sep 2026 · Email, with SPO (J.B.) · raised before the period · Closed, with no "
        "reply recorded: marked closed on Tue 20 Oct 2026 (in the period)",
        "Mon 21 Sep 2026 · Email, with SPO (J.B.) · raised before the period · Answered later, "
        "on Mon 05 Oct 2026 (in the period)",
    ]
    places = [earlier.find(heading) for heading in headings]
    assert -1 not in places and places == sorted(places), places
    for concern in (NEVER_ANSWERED, ANSWERED_AFTER, ANSWERED_DURING, CLOSED_DURING):
        assert f"What was said: {concern.summary}" in earlier
    assert "Response (Tue 10 Nov 2026): Reply to Answered after the period" in earlier
    # Answered, or closed, before the period began: nothing was waiting in it.
    assert ANSWERED_BEFORE.summary not in text and CLOSED_BEFORE.summary not in text
    assert "Wed 14 Oct 2026 · Email, with SPO (J.B.) · Open: no reply recorded" in in_period
    assert "raised before the period" not in in_period


def test_the_data_carries_them_apart_and_the_pack_checks_out(pack: Pack) -> None:
    data = json.loads(pack.data_json)
    assert sorted(data["records"]["concerns"]) == ["8"]
    earlier = data["unanswered_at_start"]["concerns"]
    assert sorted(earlier) == ["1", "3", "4", "5", "7"]
    latest = {(item["entity"], item["entity_key"]): item["record"] for item in data["audit"]}
    for key, row in earlier.items():
        assert latest[("concerns", key)] == row, key
    assert ("concerns", "2") not in latest and ("concerns", "6") not in latest
    assert pack_data(SNAPSHOT, PERIOD) == data
    assert check_pack(pack.pdf).intact


def test_the_last_page_counts_them_among_the_data_the_pack_carries(text: str) -> None:
    assert (
        "Data in this PDF 4 weeks, 0 supervision sessions and 6 concerns (1 raised in the "
        "period, 5 raised before it and unanswered when it began)"
    ) in section(text, "9. How to check this pack", "How the fingerprint is made")


def test_their_answers_recorded_since_are_in_the_amendment_history(text: str) -> None:
    history = section(text, "7. Amendment history", "8. Attachments")
    assert "Concern raised Mon 03 Aug 2026: answer recorded" in history
    assert "Concern raised Tue 15 Sep 2026: marked closed" in history


def test_a_pack_whose_period_has_none_before_it_says_so() -> None:
    words = body_text(build_pack(SNAPSHOT, PackOptions(date(2026, 5, 25), date(2026, 10, 26))).pdf)
    assert f"{EARLIER} None" in words
    assert "raised before the period ·" not in words


def test_a_pack_without_the_concerns_log_does_not_point_to_it() -> None:
    options = replace(PERIOD, sections=frozenset(SECTIONS) - {"concerns"})
    words = body_text(build_pack(SNAPSHOT, options).pdf)
    assert f"{EARLIER} 5 Of those, answered or closed since 4" in words
    assert "listed in the concerns log" not in words
