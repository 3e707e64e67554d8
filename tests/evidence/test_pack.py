"""The evidence pack, read back as a rep, a panel or a checker would: its words, its pages, its
fonts, its outline and the data inside it; a hand-made diary and the ten-year sample."""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from tests.clock import Clock
from tests.evidence.pdf_reading import BASE_14, flat, fonts_used, reader
from tests.processes import modules_loaded
from workdiary.domain.canonical import canonical_json
from workdiary.domain.dates import format_day, format_moment, mondays
from workdiary.domain.errors import InvalidInput
from workdiary.domain.figures import week_lines
from workdiary.domain.formatting import format_number
from workdiary.domain.history import NOTHING_LATER, later_stories
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    ConcernStatus,
    Profile,
    Recorded,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.domain.rows import from_row, to_row
from workdiary.evidence.letters import NoticeRequest, foreseeability_notice_pdf
from workdiary.evidence.pack import SHORT_FINGERPRINT, Pack, build_pack
from workdiary.evidence.pack_data import (
    DATA_FILE_NAME,
    DEMONSTRATION,
    FINGERPRINT_KEY,
    LEFT_OUT,
    PACK_FORMAT,
    SEAL_KEY,
    check_pack,
    fingerprint,
    pack_data,
    pack_options,
    read_pack,
)
from workdiary.evidence.snapshot import SECTIONS, AuditRecord, PackOptions, Snapshot
from workdiary.pack_verdict import pack_verdict
from workdiary.packs import compare_with_diary, take_snapshot
from workdiary.sample_diary import SAMPLE_LAST_WEEK_FOR_TESTS, fill_sample_diary
from workdiary.storage import Diary
from workdiary.storage.audit import GENESIS_HASH, entry_hash

TAKEN_AT = datetime(2026, 11, 20, 17, 30, tzinfo=UTC)
FIRST_WEEK = date(2026, 9, 7)
LAST_WEEK = date(2026, 11, 9)
WELSH = "Gwaith trwm iawn yr wythnos hon — ŵ ŷ Ŵ Ŷ, a dim amser i gael cinio."
MARKUP = "Caseload <b>not bold</b> & rising > 150 % <br/> &amp; still"
# 5,000 characters of distinct words in three paragraphs: any word lost at a page break shows.
LONG_NOTE = "\n\n".join(
    " ".join(f"gair{part}x{number:03d}" for number in range(185)) for part in range(3)
)[:5000]
# The heading a page begins with where the long note runs on to it.
LONG_NOTE_WEEK = "Week commencing Mon 21 Sep 2026"
OLD_NOTE_SECRET = "Earlier wording that names the SPO sharply"
SESSION_NOTES = "Ŵyn & <actions> agreed: reallocate two cases"
SUMMARY = "Told SPO (J.B.) my caseload is 131.5 % <over the line> & rising"

# What every page ends with, in the order it is drawn after the page's text: the footer (whose
# total of pages is a form, read as a line of its own) and, after the first page, the running head.
FOOTER = (r".* · Fingerprint [0-9a-f]{16}", r"Page \d+ of", r"\d+")
# (A cover that runs to a second page, with a very long "prepared for", heads it with its title.)
RUNNING_HEAD = (r"Workload evidence pack · .*", r"\d+\. [A-Z].*|Cover and contents")


def body_text(pdf: bytes, carried: Sequence[str] = ()) -> str:
    """The words of every page without its footer and running head, so that text flowing over a
    page break reads on unbroken. So too without the heading that begins a page to say whose text
    is carried over to it: a `carried` name, marked (continued)."""
    bodies = []
    for number, page in enumerate(reader(pdf).pages):
        lines = page.extract_text().splitlines()
        # A pack of the sample diary says across the top of every page that it is one.
        if lines and lines[-1] == DEMONSTRATION:
            lines.pop()
        furniture = FOOTER + (RUNNING_HEAD if number else ())
        tail = lines[-len(furniture) :]
        assert all(
            re.fullmatch(pattern, flat(line)) for pattern, line in zip(furniture, tail, strict=True)
        ), tail
        body = flat(" ".join(lines[: -len(furniture)]))
        for name in carried:
            body = body.removeprefix(f"{flat(name)} (continued) ")
        bodies.append(body)
    return flat(" ".join(bodies))


PROFILE = Profile(
    name="Rhiannon Llŷr",
    role="Probation Officer",
    team="Caerdydd & Bro <North>",
    hourly_rate=20.0,
    supervision_interval_weeks=4,
)


def moment(day: date, hour: int = 17) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def stamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


class Chain:
    """Audit entries made the way the diary makes them, hashes and all. Written in any order,
    they are chained in the order of their dates, as a diary saves them (a record's own
    entries in the order written)."""

    def __init__(self) -> None:
        self._written: list[tuple[datetime, datetime, str, str, str, dict[str, Any]]] = []
        self.revisions: dict[tuple[str, str], int] = {}
        self.first: dict[tuple[str, str], datetime] = {}
        self.last: dict[tuple[str, str], datetime] = {}

    def write(
        self,
        entity: str,
        key: str,
        action: str,
        record: object,
        at: datetime,
        saved: datetime | None = None,
    ) -> None:
        """Record an entry dated `at`, saved then, or at `saved` by a clock that read `at`."""
        ident = (entity, key)
        revision = self.revisions.get(ident, 0) + 1
        self.revisions[ident] = revision
        first = self.first.setdefault(ident, at)
        self.last[ident] = at
        row = {
            **to_row(record),
            "recorded_at": stamp(first),
            "updated_at": stamp(at),
            "revision": revision,
            "deleted_at": stamp(at) if action == "delete" else None,
        }
        if entity != "weeks":
            row["id"] = int(key)
        self._written.append((saved or at, at, entity, key, action, row))

    @property
    def entries(self) -> list[AuditRecord]:
        chained: list[AuditRecord] = []
        for _saved, at, entity, key, action, row in sorted(self._written, key=lambda w: w[0]):
            seq = len(chained) + 1
            prev = chained[-1].hash if chained else GENESIS_HASH
            record_json = canonical_json(row)
            digest = entry_hash(seq, stamp(at), entity, key, action, record_json, prev)
            chained.append(
                AuditRecord(
                    seq, stamp(at), entity, key, action, json.loads(record_json), prev, digest
                )
            )
        return chained

    def recorded(self, entity: str, key: str, record: Any) -> Recorded[Any]:
        """The record as the diary would read it, with the story its entries tell."""
        ident = (entity, key)
        story = later_stories(
            (entry.entity_key, entry.action, datetime.fromisoformat(entry.recorded_at))
            for entry in self.entries
            if entry.entity == entity
        ).get(key, NOTHING_LATER)
        return Recorded(
            key,
            record,
            self.first[ident],
            self.last[ident],
            self.revisions[ident],
            story.amendments,
            story.recorded_again,
        )


def week(monday: date, capacity: float, **values: Any) -> Week:
    defaults: dict[str, Any] = {
        "caseload": 40,
        "contracted_hours": 37.0,
        "hours_worked": 44.5,
        "unpaid_hours": 7.5,
    }
    return Week(monday, capacity, **{**defaults, **values})


def hand_made_snapshot() -> Snapshot:
    """Eleven weeks (one before the period), a week not logged, a retrospective entry amended
    twice, a deleted week, sessions and concerns inside and outside the period."""
    chain = Chain()
    chain.write("profile", "1", "create", PROFILE, moment(date(2026, 8, 1)))
    weeks: dict[date, Week] = {}

    def log(record: Week, at: datetime, action: str = "create") -> None:
        key = record.week_commencing.isoformat()
        chain.write("weeks", key, action, record, at)
        weeks[record.week_commencing] = record

    # A run over the threshold that began the week before the period.
    log(week(date(2026, 8, 31), 130.0), moment(date(2026, 9, 4)))
    log(week(date(2026, 9, 7), 125.0, notes=WELSH), moment(date(2026, 9, 11)))
    log(week(date(2026, 9, 14), 131.5, notes=MARKUP), moment(date(2026, 9, 18)))
    log(week(date(2026, 9, 21), 128.25, notes=LONG_NOTE), moment(date(2026, 9, 25)))
    # 28 Sep: not logged. 5 Oct: first recorded three weeks late, then amended twice.
    late = week(date(2026, 10, 5), 95.0, notes=OLD_NOTE_SECRET)
    log(late, moment(date(2026, 10, 26)))
    log(replace(late, capacity_pct=99.5), moment(date(2026, 10, 27)), "amend")
    log(replace(late, capacity_pct=99.5, notes="Corrected"), moment(date(2026, 10, 28)), "amend")
    log(week(date(2026, 10, 12), 105.0, hours_worked=None), moment(date(2026, 10, 16)))
    deleted = week(date(2026, 10, 19), 111.0)
    chain.write("weeks", "2026-10-19", "create", deleted, moment(date(2026, 10, 23)))
    chain.write("weeks", "2026-10-19", "delete", deleted, moment(date(2026, 10, 24)))
    for monday, capacity in ((date(2026, 10, 26), 101.0), (date(2026, 11, 2), 112.0)):
        log(week(monday, capacity), moment(monday + timedelta(days=4)))
    log(week(date(2026, 11, 9), 113.0, unpaid_hours=None), moment(date(2026, 11, 13)))
    # After the period: not in the pack.
    log(week(date(2026, 11, 16), 140.0, notes="After the period"), moment(date(2026, 11, 20)))

    sessions = {
        "1": SupervisionSession(date(2026, 8, 20), SupervisionStatus.HELD, "J.B.", 60, True),
        "2": SupervisionSession(
            date(2026, 9, 10),
            SupervisionStatus.HELD,
            "J.B.",
            45,
            False,
            actions="Reallocate <two> cases",
            notes=SESSION_NOTES,
        ),
        "3": SupervisionSession(date(2026, 10, 8), SupervisionStatus.CANCELLED_BY_MANAGER, "J.B."),
    }
    for key, session in sessions.items():
        chain.write("supervision_sessions", key, "create", session, moment(session.held_on))
    concerns = {
        "1": Concern(
            date(2026, 9, 15),
            "SPO (J.B.)",
            ConcernChannel.EMAIL,
            SUMMARY,
            follow_up_on=date(2026, 9, 29),
        ),
        "2": Concern(date(2026, 10, 1), "Head of Service", ConcernChannel.LETTER, "Formal letter"),
    }
    for key, concern in concerns.items():
        chain.write("concerns", key, "create", concern, moment(concern.raised_on))
    answered = replace(
        concerns["2"],
        response="Review promised",
        response_on=date(2026, 10, 20),
        status=ConcernStatus.ANSWERED,
    )
    chain.write("concerns", "2", "amend", answered, moment(date(2026, 10, 20)))
    concerns["2"] = answered

    return Snapshot(
        pack_id="pack-0001",
        taken_at=TAKEN_AT,
        app_version="9.9.9",
        profile=PROFILE,
        weeks=tuple(
            chain.recorded("weeks", monday.isoformat(), record)
            for monday, record in sorted(weeks.items())
        ),
        sessions=tuple(
            chain.recorded("supervision_sessions", key, session)
            for key, session in sessions.items()
        ),
        concerns=tuple(
            chain.recorded("concerns", key, concern) for key, concern in concerns.items()
        ),
        audit=tuple(chain.entries),
        chain_head=chain.entries[-1].hash,
        audit_entries=len(chain.entries),
    )


SNAPSHOT = hand_made_snapshot()
OPTIONS = PackOptions(FIRST_WEEK, LAST_WEEK, prepared_for="Napo branch rep (A.B.) <& co>")


@pytest.fixture(scope="module")
def pack() -> Pack:
    return build_pack(SNAPSHOT, OPTIONS)


@pytest.fixture(scope="module")
def text(pack: Pack) -> str:
    return body_text(pack.pdf, carried=[LONG_NOTE_WEEK])


@pytest.fixture(scope="module")
def pack_without_notes() -> Pack:
    return build_pack(SNAPSHOT, replace(OPTIONS, include_notes=False))


def page_texts(pdf: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in reader(pdf).pages]


# What the pack says


def test_the_cover_says_whose_pack_it_is_for_when_and_how_to_check_it(pack: Pack) -> None:
    cover = page_texts(pack.pdf)[0]
    for words in (
        "Workload evidence pack",
        "Rhiannon Llŷr",
        "Probation Officer, Caerdydd & Bro <North>",
        "Prepared for Napo branch rep (A.B.) <& co>",
        "Mon 07 Sep 2026 to Sun 15 Nov 2026 (10 weeks)",
        "Fri 20 Nov 2026 17:30 UTC",
        "local time",
        "Pack id pack-0001",
        pack.fingerprint,
        SNAPSHOT.chain_head,
        "Work Diary 9.9.9",
        "workdiary verify PACK.pdf",
        "hash chain",
        "retrospective",
    ):
        assert words in cover, words


def test_the_cover_lists_the_sections_with_the_pages_they_start_on(pack: Pack) -> None:
    pages = page_texts(pack.pdf)
    contents = re.findall(r"(\d+)\. ([A-Z][a-z ]+?) page (\d+)", pages[0])
    assert [title for _, title, _ in contents] == [
        "Summary figures",
        "Charts",
        "Weekly figures",
        "Supervision log",
        "Concerns raised",
        "Weekly notes",
        "Amendment history",
        "Attachments",
        "How to check this pack",
    ]
    for number, title, page in contents:
        assert pages[int(page) - 1].find(f"{number}. {title}") != -1, title


def test_every_week_of_the_period_is_in_the_table_with_its_figures(text: str) -> None:
    for monday in mondays(FIRST_WEEK, LAST_WEEK):
        assert format_day(monday) in text
    assert "Mon 07 Sep 2026 125 % 40 44.5 / 37 7.5 Fri 11 Sep 2026" in text
    assert "Mon 21 Sep 2026 128.25 % 40 44.5 / 37 7.5 Fri 25 Sep 2026" in text
    assert "Mon 12 Oct 2026 105 % 40 — / 37 7.5 Fri 16 Oct 2026" in text
    assert "Mon 09 Nov 2026 113 % 40 44.5 / 37 — Fri 13 Nov 2026" in text
    assert "Mon 28 Sep 2026 — — — — — not logged" in text
    # Weeks outside the period are not.
    assert "Mon 31 Aug 2026 130 %" not in text
    assert "Mon 16 Nov 2026" not in text


def test_the_table_says_in_words_which_weeks_were_late_amended_over_or_deleted(text: str) -> None:
    assert (
        "Mon 05 Oct 2026 99.5 % 40 44.5 / 37 7.5 Mon 26 Oct 2026 retrospective, amended 2 "
        "times" in text
    )
    assert "Fri 18 Sep 2026 at/over 110 %, excessive run" in text
    assert "not logged, an entry was deleted on Sat 24 Oct 2026" in text
    assert "Weekly figures, oldest first" in text


def test_the_summary_gives_the_figures_for_the_period(text: str) -> None:
    for words in (
        "Weeks in the period 10",
        "Weeks logged 8 (80 %)",
        "Weeks not logged 2",
        "Peak capacity 131.5 %, in the week commencing Mon 14 Sep 2026",
        "Weeks at or over 110 % 5 of the 8 weeks logged",
        # Cut by the period's start: never "1 run, 3 weeks in all" of a test of 4 weeks.
        "Runs meeting the excessive-workload test 1 run (4 or more consecutive weeks",
        "3 weeks of it within the period; the table below gives the whole of it",
        "This run began before the period, in the week commencing Mon 31 Aug 2026: 4 weeks in "
        "all, peaking at 131.5 %.",
        "Unpaid hours 52.5 hours, over the 7 weeks with unpaid hours recorded, worth £1,050.00 at "
        "£20.00 an hour",
        "Recorded retrospectively 1 week",
        "Amended 1 week",
        "Deleted 1 week",
        "Supervision held 1 session against 2 expected (every 4 weeks",
        "Cancelled by manager 1",
        "Not offered 0 Workload discussed not at the one session held",
        "Raised in the period 2",
        "Answered or closed 1, when this pack was made",
        "Still unanswered 1 (1 of them past the date set to chase a reply), when this pack was "
        "made",
        # Neither concern was raised before the period: said, not left for a reader to wonder.
        "Raised before the period and unanswered when it began None",
    ):
        assert words in text, words


def test_a_period_from_before_the_diary_counts_neither_weeks_nor_supervision_before_it() -> None:
    """Months before the first week logged and the first session recorded are not weeks left
    unlogged, nor supervision missed: the diary knows nothing of them."""
    early = PackOptions(date(2026, 6, 1), LAST_WEEK)
    text = body_text(build_pack(SNAPSHOT, early).pdf)
    assert "Weeks in the period 24 (13 weeks before the first week recorded, not counted)" in text
    assert "Weeks not logged 2 " in text
    assert "the weekly figures begin there" in text and "Mon 24 Aug 2026 —" not in text
    # Due on 20 Aug, the first session recorded, then 17 Sep, 15 Oct and 12 Nov: not the
    # period's six intervals.
    assert (
        "Supervision held 2 sessions against 4 expected (every 4 weeks, as set in the diary, "
        "from Thu 20 Aug 2026, the first session recorded)" in text
    )


def test_two_sessions_held_on_one_day_are_said_to_count_as_one() -> None:
    held = SNAPSHOT.sessions[1]
    again = replace(held, key="4", record=replace(held.record, minutes=15))
    words = body_text(
        build_pack(replace(SNAPSHOT, sessions=(*SNAPSHOT.sessions, again)), OPTIONS).pdf
    )
    assert (
        "Supervision held 1 session against 2 expected (every 4 weeks, as set in the diary). "
        "2 sessions recorded as held fall on 1 day: sessions held on the same day count as one "
        f"(2 on {format_day(held.record.held_on)})." in words
    )


def test_a_pack_with_no_supervision_recorded_expects_none() -> None:
    bare = replace(SNAPSHOT, sessions=())
    words = body_text(build_pack(bare, OPTIONS).pdf)
    assert "Supervision No session is recorded in the diary by the end of the period" in words
    assert "expected" not in words.split("Supervision No session")[1].split("Concerns raised")[0]


def test_the_logs_show_sessions_and_concerns_in_words_with_when_first_recorded(text: str) -> None:
    assert "Thu 10 Sep 2026 Held J.B. 45 min no" in text
    assert "Reallocate <two> cases" in text and SESSION_NOTES in text
    assert "Thu 08 Oct 2026 Cancelled by manager" in text
    assert "Thu 20 Aug 2026" not in text  # before the period
    assert (
        "Tue 15 Sep 2026 · Email, with SPO (J.B.) · Open: overdue, no reply by Tue 29 Sep" in text
    )
    assert SUMMARY in text
    assert "Response (Tue 20 Oct 2026): Review promised" in text
    # Recording the answer is no amendment: the concern says when it was answered instead.
    assert "First recorded Thu 01 Oct 2026, answered on Tue 20 Oct 2026 What was said" in text


def test_welsh_markup_characters_and_a_5000_character_note_survive_whole(text: str) -> None:
    assert len(LONG_NOTE) == 5000
    assert WELSH in text
    assert MARKUP in text
    assert flat(LONG_NOTE) in text


def test_the_long_note_runs_over_a_page_break_which_says_whose_note_it_is(pack: Pack) -> None:
    pages = page_texts(pack.pdf)
    holding = [page for page in pages if "gair" in page]
    assert len(holding) >= 2
    assert "(continued)" not in holding[0]
    for page in holding[1:]:
        assert page.startswith(f"{LONG_NOTE_WEEK} (continued) gair")


def test_the_amendment_history_shows_old_and_new_values_deletions_and_when(text: str) -> None:
    assert "Week commencing Mon 05 Oct 2026: amended WMT capacity: 95 % → 99.5 %" in text
    assert f"Notes: {OLD_NOTE_SECRET} → Corrected" in text
    assert (
        "Week commencing Mon 19 Oct 2026: deleted (kept here in its history). It held: "
        "WMT capacity: 111 %" in text
    )
    assert "Concern raised Thu 01 Oct 2026: answer recorded" in text
    assert "Status: Open → Answered" in text
    assert "Tue 27 Oct 2026" in text


def test_every_page_says_page_n_of_n_whose_pack_and_its_fingerprint(pack: Pack) -> None:
    pages = page_texts(pack.pdf)
    assert pack.pages == len(pages) > 5
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert f"Rhiannon Llŷr · Fingerprint {pack.fingerprint[:SHORT_FINGERPRINT]}" in page


def test_the_pdf_carries_its_title_author_subject_creator_and_date(pack: Pack) -> None:
    metadata = reader(pack.pdf).metadata
    assert metadata is not None
    assert (
        metadata.title
        == "Workload evidence pack: Rhiannon Llŷr, Mon 07 Sep 2026 to Sun 15 Nov 2026"
    )
    assert metadata.author == "Rhiannon Llŷr"
    assert metadata.subject is not None and pack.fingerprint in metadata.subject
    assert metadata.creator == "Work Diary 9.9.9"
    assert metadata.creation_date == TAKEN_AT
    assert str(metadata[FINGERPRINT_KEY]) == pack.fingerprint


def test_the_outline_lists_the_cover_and_every_section(pack: Pack) -> None:
    pdf = reader(pack.pdf)
    entries = [entry for entry in pdf.outline if not isinstance(entry, list)]
    titles = [entry.title for entry in entries]
    assert titles == [
        "Cover and contents",
        "1. Summary figures",
        "2. Charts",
        "3. Weekly figures, oldest first",
        "4. Supervision log",
        "5. Concerns raised",
        "6. Weekly notes",
        "7. Amendment history",
        "8. Attachments",
        "9. How to check this pack",
    ]
    charts = entries[titles.index("2. Charts")]
    page = pdf.get_destination_page_number(charts)
    assert page is not None and "2. Charts" in pdf.pages[page].extract_text()


def test_only_embedded_truetype_fonts_are_used(pack: Pack) -> None:
    fonts = fonts_used(pack.pdf)
    assert fonts
    for font in fonts:
        assert font.truetype_embedded, font
        assert font.name.lstrip("/") not in BASE_14, font


def test_the_attachments_appendix_says_there_are_none_yet(text: str) -> None:
    assert "8. Attachments No attachments are recorded in this diary yet." in text


def test_sections_left_out_are_not_printed_and_the_cover_always_is() -> None:
    only = build_pack(SNAPSHOT, replace(OPTIONS, sections=frozenset({"weeks"})))
    pages = page_texts(only.pdf)
    whole = " ".join(pages)
    assert "Workload evidence pack" in pages[0]
    assert "1. Weekly figures, oldest first" in whole
    for absent in ("Summary figures", "Supervision log", "Amendment history", "Attachments"):
        assert absent not in whole
    nothing = build_pack(SNAPSHOT, replace(OPTIONS, sections=frozenset()))
    assert nothing.pages == 1


def test_a_copy_with_sections_left_out_says_so_and_sends_no_reader_to_them() -> None:
    """A copy made to share (summary and weekly figures only, no notes) must not pass for the
    whole record: its cover says what it leaves out, and no sentence points to pages it lacks."""
    shared = build_pack(
        SNAPSHOT,
        replace(OPTIONS, sections=frozenset({"summary", "weeks"}), include_notes=False),
    )
    cover = page_texts(shared.pdf)[0]
    left_out = (
        "This copy leaves out, as chosen when it was made: the charts, the supervision log, the "
        "concerns log, the weekly notes, the amendment history, the attachments and the page on "
        "how to check it."
    )
    assert f"Sections left out {left_out}" in cover
    assert f"2. Weekly figures page 4 {left_out}" in cover  # under the contents too
    assert "Left out of this copy, as chosen when it was made: the weekly notes" in cover
    text = body_text(shared.pdf).replace(left_out, "")
    assert "every change is in the full pack's amendment history Deleted 1 week" in text
    assert "what it held is in the full pack's amendment history" in text
    assert text.count("amendment history") == text.count("the full pack's amendment history")
    # A whole pack says nothing of the kind.
    whole = body_text(build_pack(SNAPSHOT, OPTIONS).pdf, carried=[LONG_NOTE_WEEK])
    assert "leaves out" not in whole and "full pack" not in whole


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidInput, match="ends"):
        build_pack(SNAPSHOT, replace(OPTIONS, first_week=LAST_WEEK, last_week=FIRST_WEEK))


def test_very_long_texts_in_the_logs_split_across_pages_without_loss() -> None:
    words = [f"mot{number:04d}" for number in range(2400)]
    sessions = tuple(
        replace(entry, record=replace(entry.record, notes=" ".join(words)))
        if entry.key == "2"
        else entry
        for entry in SNAPSHOT.sessions
    )
    said = [word.replace("mot", "said") for word in words]
    concerns = tuple(
        replace(entry, record=replace(entry.record, summary=" ".join(said)))
        for entry in SNAPSHOT.concerns
    )
    long = build_pack(replace(SNAPSHOT, sessions=sessions, concerns=concerns), OPTIONS)
    text = body_text(long.pdf)
    # A table row split over pages has the repeated table header between its parts.
    assert re.findall(r"\bmot\d{4}\b", text) == words
    assert re.findall(r"\bsaid\d{4}\b", text) == said * 2


# Leaving out the notes


def test_a_pack_without_notes_has_no_note_text_anywhere(pack_without_notes: Pack) -> None:
    pdf = pack_without_notes.pdf
    contents = read_pack(pdf)
    assert contents is not None and contents.data_json is not None
    everywhere = [
        body_text(pdf),
        pack_without_notes.data_json,
        contents.data_json,
        str(reader(pdf).metadata),
    ]
    notes = [
        WELSH,
        MARKUP,
        LONG_NOTE[:40],
        OLD_NOTE_SECRET,
        "Corrected",
        SESSION_NOTES,
        "Reallocate",
    ]
    for place in everywhere:
        for note in notes:
            assert note not in place
            assert json.dumps(note)[1:-1] not in place
    assert "Weekly notes" not in everywhere[0]
    assert "Notes: changed (left out of this pack)" in everywhere[0]
    assert "Left out of this copy" in everywhere[0]
    # What a concern said is its substance, not a note: it stays.
    assert SUMMARY in everywhere[0]
    assert check_pack(pdf).intact


def test_a_pack_without_notes_marks_where_text_was_left_out(pack_without_notes: Pack) -> None:
    data = json.loads(pack_without_notes.data_json)
    assert data["records"]["weeks"]["2026-09-07"]["notes"] == LEFT_OUT
    assert data["records"]["weeks"]["2026-10-12"]["notes"] == ""  # there was none
    assert data["records"]["supervision_sessions"]["2"]["actions"] == LEFT_OUT
    assert data["options"]["include_notes"] is False
    notes_in_audit = {
        item["record"].get("notes") for item in data["audit"] if item["entity"] == "weeks"
    }
    assert notes_in_audit <= {"", LEFT_OUT}


# The data inside the pack, and checking it


def test_the_fingerprint_is_the_sha256_of_the_embedded_canonical_json(pack: Pack) -> None:
    contents = read_pack(pack.pdf)
    assert contents is not None and contents.data is not None
    assert contents.data_json == pack.data_json
    assert hashlib.sha256(pack.data_json.encode("utf-8")).hexdigest() == pack.fingerprint
    assert canonical_json(contents.data) == pack.data_json
    assert fingerprint(contents.data) == pack.fingerprint
    assert contents.printed_fingerprint == pack.fingerprint
    assert contents.cover_shows_fingerprint
    assert reader(pack.pdf).attachments[DATA_FILE_NAME] == [pack.data_json.encode("utf-8")]


def test_the_same_snapshot_and_options_give_the_same_fingerprint(pack: Pack) -> None:
    again = build_pack(SNAPSHOT, OPTIONS)
    assert again.fingerprint == pack.fingerprint
    assert again.data_json == pack.data_json
    other = build_pack(SNAPSHOT, replace(OPTIONS, prepared_for="Someone else"))
    assert other.fingerprint != pack.fingerprint


def test_the_data_holds_the_records_of_the_period_as_stored_and_their_audit_entries(
    pack: Pack,
) -> None:
    data = json.loads(pack.data_json)
    assert data["format"] == PACK_FORMAT
    assert data["pack_id"] == "pack-0001"
    assert data["generated_at"] == "2026-11-20T17:30:00.000000+00:00"
    assert data["period"] == {
        "first_week": "2026-09-07",
        "last_week": "2026-11-09",
        "last_day": "2026-11-15",
    }
    assert data["options"]["sections"] == list(SECTIONS)
    assert data["profile"] == to_row(PROFILE)
    weeks = data["records"]["weeks"]
    assert sorted(weeks) == [
        "2026-09-07",
        "2026-09-14",
        "2026-09-21",
        "2026-10-05",
        "2026-10-12",
        "2026-10-26",
        "2026-11-02",
        "2026-11-09",
    ]
    latest = {(item["entity"], item["entity_key"]): item["record"] for item in data["audit"]}
    # Each record is exactly what its last audit entry says the diary holds.
    for entity, rows in data["records"].items():
        for key, row in rows.items():
            assert latest[(entity, key)] == row, (entity, key)
    assert sorted(data["records"]["supervision_sessions"]) == ["2", "3"]
    assert sorted(data["records"]["concerns"]) == ["1", "2"]
    keys = {(item["entity"], item["entity_key"]) for item in data["audit"]}
    assert ("weeks", "2026-10-19") in keys  # deleted, but its history is shown
    assert ("weeks", "2026-08-31") not in keys and ("weeks", "2026-11-16") not in keys
    assert ("supervision_sessions", "1") not in keys
    assert ("profile", "1") in keys
    assert data["chain_head"] == SNAPSHOT.chain_head
    assert data["audit_entries"] == SNAPSHOT.audit_entries
    assert pack_options(data) == OPTIONS
    assert pack_data(SNAPSHOT, OPTIONS) == data


def test_a_pack_checks_out_intact(pack: Pack) -> None:
    result = check_pack(pack.pdf)
    assert result.verdict == "intact"
    assert pack.fingerprint in result.message


def rewrite_attachment(pdf: bytes, data_json: str) -> bytes:
    """The pack with its embedded data replaced and everything else, the fingerprint in its
    document information included, left as it was: what someone altering the data would do."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for attachment in list(writer.attachment_list):
        attachment.delete()
    attached = writer.add_attachment(DATA_FILE_NAME, data_json.encode("utf-8"))
    attached.subtype = NameObject("/application#2Fjson")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_changing_the_embedded_data_makes_the_pack_altered(pack: Pack) -> None:
    changed = pack.data_json.replace('"capacity_pct":131.5', '"capacity_pct":101.5', 1)
    assert changed != pack.data_json
    result = check_pack(rewrite_attachment(pack.pdf, changed))
    assert result.verdict == "altered"
    assert "altered" in result.message and pack.fingerprint in result.message


def test_one_changed_byte_in_the_embedded_stream_makes_the_pack_altered(pack: Pack) -> None:
    raw = pack.pdf
    where = raw.index(b'"capacity_pct":131.5')
    flipped = raw[:where] + b'"capacity_pct":181.5' + raw[where + len(b'"capacity_pct":131.5') :]
    assert len(flipped) == len(raw)
    assert check_pack(flipped).verdict == "altered"


def test_a_pack_whose_printed_fingerprint_was_changed_to_match_is_still_altered(
    pack: Pack,
) -> None:
    changed = pack.data_json.replace('"capacity_pct":131.5', '"capacity_pct":101.5', 1)
    forged = PdfWriter(io.BytesIO(rewrite_attachment(pack.pdf, changed)), incremental=True)
    forged.add_metadata({FINGERPRINT_KEY: hashlib.sha256(changed.encode()).hexdigest()})
    output = io.BytesIO()
    forged.write(output)
    result = check_pack(output.getvalue())
    assert result.verdict == "altered"
    assert "cover" in result.message


def test_a_pack_whose_pages_were_edited_is_altered_though_its_data_is_not(pack: Pack) -> None:
    edited = PdfWriter(io.BytesIO(pack.pdf), incremental=True)
    page = edited.pages[1]
    page.merge_page(edited.pages[2])  # what a PDF editor's "save" adds to the pages, say
    output = io.BytesIO()
    edited.write(output)
    contents = read_pack(output.getvalue())
    assert contents is not None and contents.fingerprint == pack.fingerprint
    result = check_pack(output.getvalue())
    assert result.verdict == "altered" and "pages may not show" in result.message
    rewritten = io.BytesIO()
    PdfWriter(clone_from=PdfReader(io.BytesIO(pack.pdf))).write(rewritten)
    assert check_pack(rewritten.getvalue()).verdict == "altered"


def test_a_pack_with_its_data_removed_or_unreadable_is_altered(pack: Pack) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pack.pdf)))
    for attachment in list(writer.attachment_list):
        attachment.delete()
    output = io.BytesIO()
    writer.write(output)
    missing = check_pack(output.getvalue())
    assert missing.verdict == "altered" and "missing" in missing.message
    unreadable = check_pack(rewrite_attachment(pack.pdf, pack.data_json[:-10]))
    assert unreadable.verdict == "altered" and "cannot be read" in unreadable.message


def test_a_file_that_is_not_a_pack_is_not_passed_as_intact() -> None:
    assert read_pack(b"not a pdf at all") is None
    assert check_pack(b"not a pdf at all").verdict == "altered"
    letter = foreseeability_notice_pdf(NoticeRequest(PROFILE, _no_figures(), date(2026, 11, 20)))
    result = check_pack(letter)
    assert result.verdict == "altered"
    assert "not a Work Diary evidence pack" in result.message


def test_a_pack_cut_short_is_said_to_be_damaged_not_to_be_something_else(pack: Pack) -> None:
    result = check_pack(pack.pdf[: len(pack.pdf) - 200])  # a copy that did not finish
    assert result.verdict == "altered"
    assert "evidence pack, but it is damaged" in result.message


def _no_figures() -> Any:
    from workdiary.domain.notice import NoticeFigures

    return NoticeFigures(None, None, 110.0, 0, 0.0, 0.0, None, None, [], 0, None, ())


def test_the_seal_is_the_sha256_of_the_file_as_made_with_the_seal_unwritten(pack: Pack) -> None:
    metadata = reader(pack.pdf).metadata
    assert metadata is not None
    value = str(metadata[SEAL_KEY])
    entry = f"{SEAL_KEY} ({value})".encode()
    assert pack.pdf.count(entry) == 1
    unwritten = pack.pdf.replace(entry, f"{SEAL_KEY} ({'0' * 64})".encode())
    assert hashlib.sha256(unwritten).hexdigest() == value


def test_a_note_holding_the_seals_own_text_neither_stops_nor_fools_the_seal() -> None:
    # The data is stored as written, so an officer's note lands in the file byte for byte.
    unwritten = f"{SEAL_KEY} ({'0' * 64})"
    sessions = tuple(
        replace(entry, record=replace(entry.record, notes=f"{unwritten} and {unwritten[:-5]}"))
        for entry in SNAPSHOT.sessions
    )
    odd = build_pack(replace(SNAPSHOT, sessions=sessions), OPTIONS)
    in_notes = odd.data_json.count(unwritten)
    assert in_notes > 0 and odd.pdf.count(unwritten.encode()) == in_notes  # the seal is written
    assert check_pack(odd.pdf).verdict == "intact"


def test_one_changed_byte_outside_the_data_makes_the_pack_altered(pack: Pack) -> None:
    raw = pack.pdf
    where = raw.index(b"/Creator (Work Diary") + len(b"/Creator (Work")
    changed = raw[:where] + b"?" + raw[where + 1 :]  # "Made with Work?Diary", a reader shows
    contents = read_pack(changed)
    assert contents is not None and contents.fingerprint == pack.fingerprint
    result = check_pack(changed)
    assert result.verdict == "altered" and "changed after Work Diary made it" in result.message


def test_making_or_checking_a_pack_module_loads_no_reportlab_or_pypdf_until_used() -> None:
    code = "import workdiary.evidence.pack, workdiary.evidence.pack_data"
    assert modules_loaded(code, ("reportlab", "pypdf", "PySide6", "workdiary.storage")) == []


# The ten-year sample


def sample_snapshot(diary: Diary, taken_at: datetime) -> Snapshot:
    """The snapshot a face takes of the diary, with its id, moment and version pinned."""
    return replace(take_snapshot(diary), pack_id="sample-pack", taken_at=taken_at,
                   app_version="9.9.9")  # fmt: skip


@pytest.fixture(scope="module")
def sample_diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diary]:
    path = tmp_path_factory.mktemp("sample") / "diary.db"
    fill_sample_diary(path, SAMPLE_LAST_WEEK_FOR_TESTS)
    with Diary.open(path) as diary:
        yield diary


@pytest.fixture(scope="module")
def sample(sample_diary: Diary) -> tuple[Snapshot, PackOptions, Pack]:
    snapshot = sample_snapshot(sample_diary, datetime(2026, 11, 20, 23, 0, tzinfo=UTC))
    first = min(entry.record.week_commencing for entry in snapshot.weeks)
    options = PackOptions(first, SAMPLE_LAST_WEEK_FOR_TESTS)
    return snapshot, options, build_pack(snapshot, options)


def test_a_pack_of_the_sample_diary_says_on_every_page_and_when_checked_that_it_is_made_up(
    sample: tuple[Snapshot, PackOptions, Pack], sample_diary: Diary
) -> None:
    """The sample's realistic name on a sealed, intact pack would pass for a real officer's
    record long after the demo has gone: every page, its data and its check say otherwise."""
    _, _, pack = sample
    pages = [page.extract_text().splitlines() for page in reader(pack.pdf).pages]
    assert all(lines[-1] == DEMONSTRATION for lines in pages)
    cover = flat(" ".join(pages[0]))
    assert f"Workload evidence pack {DEMONSTRATION} Rhiannon Llŷr" in cover
    assert "Made with Work Diary 9.9.9, from its sample diary: made-up data" in cover
    assert (reader(pack.pdf).metadata or {})["/Title"].startswith(f"{DEMONSTRATION}. ")
    assert json.loads(pack.data_json)["sample_data"] is True  # under its fingerprint
    check = check_pack(pack.pdf)
    assert check.intact
    data = json.loads(pack.data_json)
    compared = compare_with_diary(sample_diary, data, pack.fingerprint, "")
    for verdict in (pack_verdict(check, None), pack_verdict(check, compared)):
        assert verdict.paragraphs[0].text.startswith("This is a DEMONSTRATION pack")
        assert verdict.title.endswith("but it is a demonstration pack of made-up data")


def test_a_pack_of_a_real_diary_carries_no_demonstration_mark(pack: Pack) -> None:
    """Nor its data the key, so a pack made before there was one reads and checks as ever."""
    assert "sample_data" not in json.loads(pack.data_json)
    assert DEMONSTRATION not in " ".join(page_texts(pack.pdf))
    verdict = pack_verdict(check_pack(pack.pdf), None)
    assert "DEMONSTRATION" not in " ".join(paragraph.text for paragraph in verdict.paragraphs)
    assert verdict.title == "The pack is intact"


def test_the_sample_pack_has_every_week_of_ten_years_with_its_figures(
    sample: tuple[Snapshot, PackOptions, Pack],
) -> None:
    snapshot, options, pack = sample
    text = flat(" ".join(page.extract_text() for page in reader(pack.pdf).pages))
    lines = week_lines(snapshot.weeks, snapshot.profile, options.first_week, options.last_week)
    assert len(lines) == 520
    for line in lines:
        day = format_day(line.week_commencing)
        if line.entry is None:
            assert f"{day} — — — — —" in text, day
        else:
            figure = f"{day} {format_number(line.entry.record.capacity_pct)} %"
            assert figure in text, day


def test_the_sample_pack_is_intact_numbered_and_in_embedded_fonts(
    sample: tuple[Snapshot, PackOptions, Pack],
) -> None:
    _, _, pack = sample
    assert check_pack(pack.pdf).intact
    pdf = reader(pack.pdf)
    assert f"Page {pack.pages} of {pack.pages}" in flat(pdf.pages[-1].extract_text())
    assert all(font.truetype_embedded for font in fonts_used(pack.pdf))
    # Ten years of weeks, supervision and notes: the outline leads to each year of each.
    years: dict[str, list[str]] = {}
    section = ""
    for entry in pdf.outline:
        if isinstance(entry, list):  # the parts of the section before it
            years[section] = [getattr(child, "title", "") for child in entry]
        else:
            section = entry.title
    assert list(years) == [
        "3. Weekly figures, oldest first",
        "4. Supervision log",
        "6. Weekly notes",
    ]
    for part, titles in years.items():
        assert titles[:3] == ["2016", "2017", "2018"], part


def test_the_sample_data_is_the_diarys_rows_and_its_audit_hashes_recompute(
    sample: tuple[Snapshot, PackOptions, Pack], sample_diary: Diary
) -> None:
    _, _, pack = sample
    data = json.loads(pack.data_json)
    for table, key_column in (
        ("weeks", "week_commencing"),
        ("supervision_sessions", "id"),
        ("concerns", "id"),
    ):
        stored = {
            str(row[key_column]): row
            for row in sample_diary.query(f"SELECT * FROM {table} WHERE deleted_at IS NULL")
        }
        assert data["records"][table] == stored, table
    assert len(data["audit"]) == sample_diary.audit.count()
    for item in data["audit"]:
        assert item["hash"] == entry_hash(
            item["seq"],
            item["recorded_at"],
            item["entity"],
            item["entity_key"],
            item["action"],
            canonical_json(item["record"]),
            item["prev_hash"],
        )


def test_a_year_of_the_sample_holds_that_years_records_only(
    sample: tuple[Snapshot, PackOptions, Pack],
) -> None:
    snapshot, _, _ = sample
    options = PackOptions(date(2025, 1, 6), date(2025, 12, 29), include_notes=False)
    year = build_pack(snapshot, options)
    data = json.loads(year.data_json)
    assert len(data["records"]["weeks"]) <= 52
    assert all(key.startswith("2025") for key in data["records"]["weeks"])
    assert all(
        row["held_on"].startswith("2025")
        for row in data["records"]["supervision_sessions"].values()
    )
    assert check_pack(year.pdf).intact


def test_a_short_period_of_the_sample_shows_the_concerns_left_unanswered_before_it(
    sample: tuple[Snapshot, PackOptions, Pack],
) -> None:
    """Eight weeks over Christmas 2025: one concern was raised in them, and answered, but seven
    raised in the years before were never answered, and one more was answered only during them.
    "Nothing unanswered" would be the wrong message."""
    snapshot, _, _ = sample
    short = build_pack(snapshot, PackOptions(date(2025, 12, 1), date(2026, 1, 19)))
    text = body_text(short.pdf)
    assert (
        "Raised in the period 1 Answered or closed 1, when this pack was made Still unanswered "
        "0, when this pack was made Raised before the period and unanswered when it began 8, "
        "each listed in the concerns log, marked “raised before the period” Of those, answered "
        "or closed since 1 Of those, still unanswered 7 (7 of them past the date set to chase a "
        "reply), when this pack was made"
    ) in text
    assert text.count("· raised before the period ·") == 8
    assert (
        "Mon 10 Nov 2025 · WMT challenge, with WMT team · raised before the period · Answered "
        "later, on Tue 09 Dec 2025 (in the period)"
    ) in text
    data = json.loads(short.data_json)
    assert len(data["records"]["concerns"]) == 1
    assert len(data["unanswered_at_start"]["concerns"]) == 8
    assert check_pack(short.pdf).intact


def test_record_rows_read_back_as_the_same_records() -> None:
    samples: Sequence[object] = (
        PROFILE,
        week(date(2026, 9, 7), 125, caseload=40, hours_worked=44),
        SupervisionSession(date(2026, 9, 10), SupervisionStatus.HELD, "J.B.", 45, True),
        Concern(date(2026, 9, 15), "SPO", ConcernChannel.WMT_CHALLENGE, "Too many"),
    )
    for record in samples:
        assert from_row(type(record), to_row(record)) == record


def test_the_same_moment_written_in_another_zone_gives_the_same_data(pack: Pack) -> None:
    shifted = TAKEN_AT.astimezone(timezone(timedelta(hours=5, minutes=30)))
    assert pack_data(replace(SNAPSHOT, taken_at=shifted), OPTIONS) == json.loads(pack.data_json)


def test_the_verification_page_says_every_entry_is_dated_after_the_one_before(text: str) -> None:
    assert (
        "Every entry in this pack is dated after the entry before it (allowing 5 minutes for a "
        "clock put right)" in text
    )


def test_an_entry_saved_while_the_clock_was_put_back_is_named_with_both_dates() -> None:
    """Logged on 20 Nov with the clock put back to 9 Oct, a week would look logged on time: the
    pack cannot know the clock was wrong, but it can say the entry is out of order."""
    chain = Chain()
    chain.write("profile", "1", "create", PROFILE, moment(date(2026, 8, 1)))
    on_time, late = week(date(2026, 10, 26), 101.0), week(date(2026, 10, 5), 120.0)
    chain.write("weeks", "2026-10-26", "create", on_time, moment(date(2026, 10, 30)))
    put_back, really = moment(date(2026, 10, 9)), moment(date(2026, 11, 20))
    chain.write("weeks", "2026-10-05", "create", late, put_back, saved=really)
    snapshot = replace(
        SNAPSHOT,
        weeks=tuple(
            chain.recorded("weeks", record.week_commencing.isoformat(), record)
            for record in (late, on_time)
        ),
        sessions=(),
        concerns=(),
        audit=tuple(chain.entries),
        chain_head=chain.entries[-1].hash,
        audit_entries=len(chain.entries),
    )
    words = body_text(build_pack(snapshot, OPTIONS).pdf)
    assert "1 entry in this pack is dated earlier than the entry before it: the clock was" in words
    assert (
        f"Audit entry 3 (Week commencing Mon 05 Oct 2026) is dated {format_moment(put_back)}, "
        f"earlier than the entry before it ({format_moment(moment(date(2026, 10, 30)))})." in words
    )
    # Nor does it still say that every entry is in order.
    assert "Every entry in this pack is dated after" not in words


def test_the_verification_page_explains_the_hand_check(text: str) -> None:
    for words in (
        f"as the file {DATA_FILE_NAME}",
        "pdfdetach -saveall PACK.pdf",
        f"sha256sum {DATA_FILE_NAME}",
        "SHA-256 of the canonical JSON of its seq, recorded_at, entity, entity_key, action, "
        "prev_hash and record",
    ):
        assert words in text, words


# A week deleted and logged again, a session deleted and restored


def test_a_pack_says_which_records_were_deleted_and_recorded_again_and_never_amended(
    diary_path: Path,
) -> None:
    """Made from a diary through the app's own saving, as a face makes one."""
    clock = Clock(moment(date(2026, 10, 30)))
    diary_path.parent.mkdir(parents=True, exist_ok=True)
    with Diary.open(diary_path, clock) as diary:
        for monday, capacity in ((date(2026, 10, 26), 100.0), (date(2026, 11, 2), 115.0)):
            clock.now = moment(monday + timedelta(days=4))
            diary.weeks.save(week(monday, capacity, notes=f"Week of {format_day(monday)}"))
        session = SupervisionSession(date(2026, 11, 4), SupervisionStatus.HELD, "J.B.", 60)
        key = diary.supervision.save(session).entry.key
        clock.now = moment(date(2026, 11, 10))
        diary.weeks.delete("2026-11-02")
        diary.supervision.delete(key)
        clock.now = moment(date(2026, 11, 12))
        diary.weeks.save(week(date(2026, 11, 2), 118.0, notes="Logged again from the WMT"))
        diary.supervision.restore(key)
        clock.now = moment(date(2026, 11, 13))
        diary.weeks.save(week(date(2026, 10, 26), 101.0, notes="Week of Mon 26 Oct 2026"))
        clock.now = moment(date(2026, 11, 20))
        snapshot = take_snapshot(diary)
    text = body_text(build_pack(snapshot, PackOptions(date(2026, 10, 26), date(2026, 11, 9))).pdf)

    # The weekly table: the day it was logged again, and no amendment.
    assert (
        "Mon 02 Nov 2026 118 % 40 44.5 / 37 7.5 Fri 06 Nov 2026 at/over 110 %, deleted and "
        "logged again on Thu 12 Nov 2026 Mon 09 Nov 2026"
    ) in text
    assert "Fri 30 Oct 2026 amended Mon 02 Nov 2026" in text
    assert "“deleted and logged again”: its entry was deleted and the week logged again" in text
    # The summary counts it apart from the weeks amended.
    assert "Amended 1 week changed after first being recorded" in text
    assert "Deleted and logged again 1 week whose entry was deleted and the week logged again" in (
        text
    )
    # The notes and the supervision log say so too.
    assert (
        "Week commencing Mon 02 Nov 2026 · first recorded Fri 06 Nov 2026, deleted and logged "
        "again on Thu 12 Nov 2026 Logged again from the WMT"
    ) in text
    assert "Wed 04 Nov 2026 Held J.B. 60 min" in text
    assert "deleted and restored on Thu 12 Nov 2026" in text
    # The amendment history shows the deletion and what it held when logged again.
    assert (
        "Week commencing Mon 02 Nov 2026: recorded again after being deleted, holding: "
        "WMT capacity: 118 %"
    ) in text


def test_sessions_and_concerns_deleted_since_are_counted_in_the_summary(diary_path: Path) -> None:
    """As deleted weeks are: a cancelled session deleted must not simply vanish from the count
    of cancellations, with nothing in the summary to say so."""
    clock = Clock(moment(date(2026, 11, 6)))
    diary_path.parent.mkdir(parents=True, exist_ok=True)
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(week(date(2026, 11, 2), 115.0))
        cancelled = SupervisionSession(date(2026, 11, 4), SupervisionStatus.CANCELLED_BY_MANAGER)
        held = SupervisionSession(date(2026, 11, 5), SupervisionStatus.HELD, "J.B.", 60)
        raised = Concern(date(2026, 11, 3), "SPO", ConcernChannel.EMAIL, "Caseload too high")
        doomed = diary.supervision.save(cancelled).entry.key
        diary.supervision.save(held)
        concern = diary.concerns.save(raised).entry.key
        clock.now = moment(date(2026, 11, 10))
        diary.supervision.delete(doomed)
        diary.concerns.delete(concern)
        snapshot = take_snapshot(diary)
    text = body_text(build_pack(snapshot, PackOptions(date(2026, 11, 2), date(2026, 11, 2))).pdf)
    assert "Cancelled by manager 0" in text
    assert (
        "Deleted 1 session whose record was deleted, and so not counted above; what it held is "
        "in the amendment history"
    ) in text
    assert "Raised in the period 0" in text
    assert "Deleted 1 concern whose record was deleted, and so not counted above" in text


def test_a_week_logged_again_late_is_marked_retrospective(diary_path: Path) -> None:
    """Its figures now were typed weeks after it ended: that it was first logged on time must not
    make them look kept at the time."""
    clock = Clock(moment(date(2026, 10, 2)))
    diary_path.parent.mkdir(parents=True, exist_ok=True)
    with Diary.open(diary_path, clock) as diary:
        diary.weeks.save(week(date(2026, 9, 28), 112.0))
        clock.now = moment(date(2026, 11, 2))
        diary.weeks.delete("2026-09-28")
        diary.weeks.save(week(date(2026, 9, 28), 145.0))
        snapshot = take_snapshot(diary)
    text = body_text(build_pack(snapshot, PackOptions(date(2026, 9, 28), date(2026, 9, 28))).pdf)
    assert "Fri 02 Oct 2026 at/over 110 %, retrospective, deleted and logged again on" in text
    assert (
        "Recorded retrospectively 1 week first recorded (or logged again, after its entry was "
        "deleted) more than 7 days after the week ended"
    ) in text
