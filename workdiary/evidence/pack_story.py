"""What a pack says, section by section, as Platypus flowables (imported only when a pack is made).

Text is set in TextBlocks and plain table cells, which read nothing as markup, and goes through
`printable` on the way, so an officer's `<`, `&` or Welsh letters print as typed, and a character
the fonts cannot show (an emoji, say) by its name. Only the section headings are Paragraphs (they
carry the outline), escaped by `markup`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, Literal, TypeVar

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from workdiary.domain.concern_story import (
    NEVER_AMENDED,
    Amendments,
    ConcernStory,
    concern_amendments,
)
from workdiary.domain.dates import (
    CLOCK_SLACK,
    DAY_NAMES,
    MONTH_NAMES,
    format_day,
    format_moment,
    stored_day,
    week_ending,
)
from workdiary.domain.figures import (
    RETROSPECTIVE_AFTER_DAYS,
    WTR_LIMIT_HOURS,
    WTR_MIN_WEEKS_COUNTED,
    WTR_REFERENCE_WEEKS,
    PeriodSummary,
    Run,
    WeekLine,
    is_retrospective,
    runs_at_or_over,
    summarise,
    week_lines,
    wtr_weeks_counted,
)
from workdiary.domain.formatting import (
    BEFORE_THE_PERIOD,
    CONCERN_CHANNEL_WORDS,
    CONCERN_STATUS_WORDS,
    LOGGED_AGAIN,
    RESTORED,
    SUPERVISION_STATUS_WORDS,
    ChangeWords,
    count,
    days_off_beside_hours,
    format_money,
    format_number,
    held_on_shared_days,
    listed,
    recorded_again_words,
    week_flags,
    whose_test,
    workload_discussed_words,
)
from workdiary.domain.oversight import (
    SupervisionFigures,
    answered_on,
    is_answered,
    is_overdue,
    recorded_supervision,
)
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
from workdiary.evidence.amendments import (
    WHAT_WAS_SAID,
    Amendment,
    amendment_history,
    concern_stories,
    dated_backwards,
    differences,
    session_amendments,
)
from workdiary.evidence.fonts import BOLD, ITALIC, REGULAR, paragraph_style, printable
from workdiary.evidence.pack_charts import capacity_chart, hours_chart, stretches
from workdiary.evidence.pack_data import DATA_FILE_NAME, DEMONSTRATION, MADE_UP
from workdiary.evidence.pack_render import (
    DEMONSTRATION_RED,
    FRAME_WIDTH,
    CarriedOver,
    PageNumberOf,
    SectionHeading,
)
from workdiary.evidence.pdf_library import (
    CellStyle,
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from workdiary.evidence.period import (
    CONCERNS,
    RAISED_BEFORE,
    SESSIONS,
    WEEKS,
    Coverage,
    access_requests_apart,
    closing_recorded_on,
    period_words,
    weeks_and_days,
)
from workdiary.evidence.snapshot import SECTIONS, AuditRecord, PackOptions, Snapshot
from workdiary.evidence.text import markup, own_paragraphs
from workdiary.evidence.text_block import TextBlock
from workdiary.evidence.text_grid import CONTINUED, RowName, TextGrid

SECTION_TITLES = {
    "cover": "Cover and contents",
    "summary": "Summary figures",
    "charts": "Charts",
    "weeks": "Weekly figures",
    "supervision": "Supervision log",
    "concerns": "Concerns raised",
    "notes": "Weekly notes",
    "amendments": "Amendment history",
    "attachments": "Attachments",
    "verification": "How to check this pack",
}
# Each section as the text sends a reader to it.
SECTION_NAMES = {
    "summary": "summary figures",
    "charts": "charts",
    "weeks": "weekly figures",
    "supervision": "supervision log",
    "concerns": "concerns log",
    "notes": "weekly notes",
    "amendments": "amendment history",
    "attachments": "attachments",
    "verification": "page on how to check it",
}
NO_ATTACHMENTS = "No attachments are recorded in this diary yet."
BEFORE_PERIOD = "before the period"
ACCESS_REQUESTS = "Subject access requests"
ACCESS_REQUESTS_APART = (
    "Requests for a copy of the officer's own records, logged as “Access request (SAR)”. They "
    "are not concerns about workload and are not counted with them; but each is owed an answer, "
    "so each is counted and listed here."
)
# Which weeks a Working Time Regulations average is taken over (`counts_for_wtr`), in words.
WTR_WEEKS_COUNTED = (
    "with hours worked recorded and no days of leave or sickness (the Regulations leave such "
    "days out of the average)"
)
# When a week is marked retrospective: judged by when its figures as they stand were entered.
LATE_WEEK = (
    "first recorded (or logged again, after its entry was deleted) more than "
    f"{RETROSPECTIVE_AFTER_DAYS} days after the week ended"
)
# A concern's answer may come after the period: it is counted as the diary stood at the pack.
AS_MADE = "when this pack was made"
# Room for a part's heading and its first lines: less than this left on a page, and the part
# starts on the next, so that no heading is left alone at the foot of a page. (keepWithNext would
# do it too, at twice the layout work: it wraps each heading with what follows, then each again.)
_KEEP_WITH_TEXT = 48
DASH = "—"
# The facts tables: the width of their labels' column, and the room right of each fact.
_FACT_LABEL_WIDTH, _FACT_GAP = 118.0, 6.0
# No less than this height of a row is left at the foot of a page, or carried to the next, when
# a table row too tall for what is left of the page is split.
_SPLIT_IN_ROW = 24
# A "prepared for" longer than this comes last among the cover's facts: at the top, it would push
# the pack's fingerprint off the first page, where a reader, and `verify`, look for it.
_PREPARED_FOR_LINES_AT_TOP = 4
TABLE_SIZE = 8.0
_LEADING, _TOP_PADDING, _BOTTOM_PADDING = 10.0, 1.5, 2.0  # of a table's cells
_CELL_PADDING = 3.0  # each side of a cell's text
_PADDING = 2 * _CELL_PADDING
# Between a column of right-aligned figures and the left-aligned text of the next.
_GAP = 8.0
# How much further in than its label a value's later lines stand.
_HANGING = 14.0
_RULE = Color(0.75, 0.75, 0.75)
_HEADER_FILL = Color(0.9, 0.9, 0.9)
_RUN_FILL = Color(0.99, 0.9, 0.87)
_QUIET = Color(0.35, 0.35, 0.35)
_INK = Color(0, 0, 0)
T = TypeVar("T")


@dataclass(frozen=True)
class _Styles:
    """The paragraph styles of the pack (made once, on the first pack)."""

    title: ParagraphStyle
    demonstration: ParagraphStyle
    name: ParagraphStyle
    section: ParagraphStyle
    part: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    fact: ParagraphStyle
    hash: ParagraphStyle
    entry: ParagraphStyle
    entry_line: ParagraphStyle
    entry_more: ParagraphStyle
    entry_value: ParagraphStyle
    entry_note: ParagraphStyle
    note_heading: ParagraphStyle
    note: ParagraphStyle


@cache
def _styles() -> _Styles:
    body = paragraph_style("PackBody", fontSize=9.5, leading=13, spaceAfter=5)
    return _Styles(
        title=paragraph_style("PackTitle", BOLD, fontSize=20, leading=25, spaceAfter=10),
        demonstration=paragraph_style(
            "PackDemonstration",
            BOLD,
            fontSize=12,
            leading=15,
            spaceAfter=2,
            textColor=DEMONSTRATION_RED,
        ),
        name=paragraph_style("PackName", BOLD, fontSize=13, leading=17, spaceAfter=2),
        section=paragraph_style("PackSection", BOLD, fontSize=15, leading=19, spaceAfter=8),
        part=paragraph_style(
            "PackPart", BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4
        ),
        heading=paragraph_style(
            "PackHeading", BOLD, fontSize=10.5, leading=14, spaceBefore=9, spaceAfter=3
        ),
        body=body,
        small=paragraph_style("PackSmall", fontSize=8, leading=10.5, spaceAfter=4),
        cell=paragraph_style("PackCell", fontSize=TABLE_SIZE, leading=10),
        fact=paragraph_style("PackFact", fontSize=9, leading=12),
        # Small enough that a 64-character hash stays on one line, to be read and copied whole.
        hash=paragraph_style("PackHash", fontSize=8, leading=12),
        entry=paragraph_style("PackEntry", fontSize=9, leading=12, spaceBefore=6, spaceAfter=1),
        # A field's line, `Label: value`: its value's later lines, and its later paragraphs
        # (entry_more), stand further in, under the value, not under the labels.
        entry_line=paragraph_style(
            "PackEntryLine",
            fontSize=9,
            leading=12,
            leftIndent=14 + _HANGING,
            firstLineIndent=-_HANGING,
            spaceAfter=1,
        ),
        entry_more=paragraph_style(
            "PackEntryMore", fontSize=9, leading=12, leftIndent=14 + _HANGING, spaceAfter=1
        ),
        # A value before and after a change, under the field's line; its later lines further in.
        entry_value=paragraph_style(
            "PackEntryValue",
            fontSize=9,
            leading=12,
            leftIndent=28 + _HANGING,
            firstLineIndent=-_HANGING,
            spaceAfter=1,
        ),
        entry_note=paragraph_style(
            "PackEntryNote",
            ITALIC,
            fontSize=8,
            leading=10.5,
            leftIndent=14,
            spaceAfter=2,
        ),
        note_heading=paragraph_style(
            "PackNoteHeading",
            fontSize=9.5,
            leading=13,
            spaceBefore=8,
            spaceAfter=2,
        ),
        note=paragraph_style("PackNote", fontSize=9.5, leading=13, spaceAfter=4, leftIndent=10),
    )


def _para(text: str, style: ParagraphStyle) -> TextBlock:
    return TextBlock.plain(text, style)


def _part(title: str) -> list[Flowable]:
    """A heading within a section, never left alone at the foot of a page."""
    return [CondPageBreak(_KEEP_WITH_TEXT * 2), _para(title, _styles().part)]


def _prose(text: str, style: ParagraphStyle) -> TextBlock:
    """Our own words, with `commands` (never the officer's text, which may hold a backquote) in
    bold so that they stand out to be typed."""
    return _rich(((part, index % 2 == 1) for index, part in enumerate(text.split("`"))), style)


def _rich(parts: Iterable[tuple[str, bool]], style: ParagraphStyle) -> TextBlock:
    """A paragraph of plain and bold runs."""
    return TextBlock(((part, BOLD if bold else style.fontName) for part, bold in parts), style)


def _local_day(moment: datetime) -> str:
    return format_day(moment.astimezone().date())


def _percent(part: int, whole: int) -> str:
    return f"{format_number(100 * part / whole, places=0)} %" if whole else DASH


def _hours(value: float) -> str:
    return f"{format_number(value)} {'hour' if value == 1 else 'hours'}"


@dataclass(frozen=True)
class _Pack:
    """Everything the sections are written from, worked out once."""

    snapshot: Snapshot
    options: PackOptions
    covered: Coverage
    fingerprint: str
    lines: list[WeekLine]  # from the diary's first week recorded, if the period starts before
    summary: PeriodSummary
    supervision: SupervisionFigures | None  # None: no session recorded by the period's end
    amendments: list[Amendment]
    concern_stories: dict[str, ConcernStory]  # what happened to each concern, by its key
    session_amendments: dict[str, Amendments]  # how many times each session was amended
    today: date
    deleted_weeks: dict[date, datetime]  # weeks in the period whose entry is deleted now
    deleted_sessions: int  # sessions dated in the period, deleted now
    # Concerns about workload, raised in the period and before it (still unanswered when it
    # began), and apart from them the subject access requests, which are logged as concerns so
    # that their answer is chased but are requests for records, not concerns about workload.
    concerns: tuple[Recorded[Concern], ...]
    earlier_concerns: tuple[Recorded[Concern], ...]
    access_requests: tuple[Recorded[Concern], ...]
    earlier_access_requests: tuple[Recorded[Concern], ...]
    deleted_concerns: int  # concerns raised in the period, deleted now
    deleted_access_requests: int

    @property
    def profile(self) -> Profile:
        return self.snapshot.profile

    @property
    def threshold(self) -> str:
        return f"{format_number(self.profile.threshold_pct)} %"

    @property
    def sections(self) -> list[str]:
        chosen = [section for section in SECTIONS if section in self.options.sections]
        # Notes left out of a pack leave nothing for their section to show.
        return [s for s in chosen if s != "notes" or self.options.include_notes]

    def number(self, section: str) -> int:
        return self.sections.index(section) + 1

    @property
    def left_out(self) -> list[str]:
        """The sections this copy leaves out, as chosen when it was made."""
        return [section for section in SECTIONS if section not in self.sections]

    def named(self, section: str) -> str:
        """A section as the text sends the reader to it: "the amendment history", or, in a copy
        that leaves it out, "the full pack's amendment history". No sentence may send a reader
        to pages this copy does not have, as if the record there were missing."""
        if section in self.sections:
            return f"the {SECTION_NAMES[section]}"
        return f"the full pack's {SECTION_NAMES[section]}"

    @property
    def weeks_before_first_recorded(self) -> int:
        """Weeks of the period before the diary's first week recorded: not counted at all."""
        return self.covered.weeks_in_period - len(self.lines)

    def first_recorded_words(self) -> str:
        """Where the weekly figures begin, when the period starts before the diary's first week
        recorded: a reader must not take those weeks for weeks the officer failed to log. Said
        as it was when the pack was made: a week recorded later, for an earlier date, is not in
        the pack."""
        before = self.weeks_before_first_recorded
        began = self.covered.first_recorded
        if not before:
            return ""
        if began is None:
            return "No week had been recorded in this diary when this pack was made."
        first = f"the week commencing {format_day(began)}"
        if not self.lines:
            return (
                "No week of the period is recorded: when this pack was made, the first week "
                f"recorded in this diary was {first}."
            )
        return (
            f"When this pack was made, the first week recorded in this diary was {first}, so the "
            f"weekly figures begin there: {count(before, 'week')} of the period before it "
            f"{'is' if before == 1 else 'are'} left out, not counted as weeks not logged."
        )

    def not_logged_yet_words(self) -> str:
        """Why the weekly figures stop short of the period's last week, when they do: a reader
        must not look for it among the weeks not logged, nor take the sessions and concerns of
        its first days for strays."""
        monday = self.covered.week_not_logged_yet
        if monday is None:
            return ""
        if "supervision" in self.sections and "concerns" in self.sections:
            where = "the pack"
        else:
            where = f"{self.named('supervision')} and {self.named('concerns')}"
        return (
            f"The week commencing {format_day(monday)} had not ended when this pack was made, "
            "and nothing was logged for it yet: it has no line in the weekly figures, and is not "
            "counted as a week not logged. What was recorded in its days up to then, supervision "
            f"sessions and concerns, is in {where}."
        )


def _deleted(covered: Coverage, entity: str) -> dict[str, datetime]:
    """The records of `entity` in the period that are deleted now, by key: when each was."""
    last: dict[str, tuple[str, str]] = {}
    for entry in covered.audit:
        if entry.entity == entity:
            last[entry.entity_key] = (entry.action, entry.recorded_at)
    deleted = {}
    for key, (action, when) in last.items():
        if action == "delete":
            try:
                deleted[key] = datetime.fromisoformat(when)
            except ValueError:
                continue
    return deleted


def _deleted_weeks(covered: Coverage) -> dict[date, datetime]:
    deleted = {}
    for key, when in _deleted(covered, WEEKS).items():
        day = stored_day(key)
        if day is not None:
            deleted[day] = when
    return deleted


def _access_request(values: Mapping[str, Any]) -> bool:
    return bool(values.get("channel") == ConcernChannel.ACCESS_REQUEST.value)


def _gather(snapshot: Snapshot, options: PackOptions, covered: Coverage, fingerprint: str) -> _Pack:
    profile = snapshot.profile
    concerns, access_requests = access_requests_apart(covered.concerns)
    earlier_concerns, earlier_access_requests = access_requests_apart(covered.earlier_concerns)
    deleted = _deleted(covered, CONCERNS)
    # A deleted record is known by what its last audit entry held.
    held = {entry.entity_key: entry.record for entry in covered.audit if entry.entity == CONCERNS}
    deleted_access_requests = sum(1 for key in deleted if _access_request(held[key]))
    lines = week_lines(
        snapshot.weeks,
        profile,
        covered.first_week,
        covered.figures_last_week,
        covered.first_recorded,
    )
    return _Pack(
        snapshot=snapshot,
        options=options,
        covered=covered,
        fingerprint=fingerprint,
        lines=lines,
        summary=summarise(lines, profile),
        supervision=recorded_supervision(
            [entry.record for entry in snapshot.sessions],
            covered.first_week,
            covered.ends_on,
            profile.supervision_interval_weeks,
        ),
        amendments=amendment_history(covered.audit, options.include_notes),
        concern_stories=concern_stories(covered.audit),
        session_amendments=session_amendments(covered.audit),
        today=snapshot.taken_at.astimezone().date(),
        deleted_weeks=_deleted_weeks(covered),
        deleted_sessions=len(_deleted(covered, SESSIONS)),
        concerns=concerns,
        earlier_concerns=earlier_concerns,
        access_requests=access_requests,
        earlier_access_requests=earlier_access_requests,
        deleted_concerns=len(deleted) - deleted_access_requests,
        deleted_access_requests=deleted_access_requests,
    )


def story(
    snapshot: Snapshot, options: PackOptions, covered: Coverage, fingerprint: str
) -> list[Flowable]:
    """The pack's flowables, the cover first and then each chosen section on a new page."""
    pack = _gather(snapshot, options, covered, fingerprint)
    writers = {
        "summary": _summary,
        "charts": _charts,
        "weeks": _weekly_table,
        "supervision": _supervision_log,
        "concerns": _concerns_log,
        "notes": _notes,
        "amendments": _amendments,
        "attachments": _attachments,
        "verification": _verification,
    }
    flowables = _cover(pack)
    for section in pack.sections:
        flowables.append(PageBreak())
        flowables.append(_section_heading(pack, section))
        flowables += writers[section](pack)
    return flowables


def _section_heading(pack: _Pack, section: str) -> SectionHeading:
    title = f"{pack.number(section)}. {SECTION_TITLES[section]}"
    if section == "weeks":
        title += ", oldest first"
    return SectionHeading(markup(title, BOLD), _styles().section, section, title)


def _facts(
    rows: Sequence[tuple[str, Flowable | str]], label_width: float = _FACT_LABEL_WIDTH
) -> Table:
    """Labelled facts, a row each. A row taller than what is left of a page (one holding a very
    long text of the officer's) is split across pages, rather than failing the whole pack."""
    styles = _styles()
    data = [
        [
            _para(label, styles.fact),
            value if isinstance(value, Flowable) else _para(value, styles.fact),
        ]
        for label, value in rows
    ]
    table = Table(
        data,
        colWidths=[label_width, FRAME_WIDTH - label_width],
        hAlign="LEFT",
        splitInRow=_SPLIT_IN_ROW,
    )
    table.setStyle(
        TableStyle(
            [
                # Even a table of Paragraphs starts each cell in its own font, Helvetica unless
                # told otherwise, which would then be named in the PDF without being embedded.
                ("FONT", (0, 0), (-1, -1), REGULAR, 9, 12),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), _FACT_GAP),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, _RULE),
            ]
        )
    )
    return table


def _generated_at(moment: datetime) -> str:
    local = moment.astimezone()
    offset = local.strftime("%z")
    zone = local.tzname() or ""
    utc_offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    where = f"{zone}, {utc_offset}" if zone and zone not in (utc_offset, "UTC") else utc_offset
    utc = moment.astimezone(UTC)
    return (
        f"{format_moment(moment)} local time ({where})\n"
        f"{format_day(utc.date())} {utc.hour:02d}:{utc.minute:02d} UTC"
    )


# The cover


def _cover(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    snapshot, profile, options = pack.snapshot, pack.profile, pack.options
    who = [part.strip() for part in (profile.role, profile.team) if part.strip()]
    flowables: list[Flowable] = [
        SectionHeading(
            markup("Workload evidence pack", BOLD), styles.title, "cover", SECTION_TITLES["cover"]
        ),
    ]
    if snapshot.sample_data:
        flowables.append(_para(DEMONSTRATION, styles.demonstration))
    flowables.append(_para(profile.name.strip() or "(no name given in the diary)", styles.name))
    if who:
        flowables.append(_para(", ".join(who), styles.body))
    flowables.append(Spacer(1, 6))
    facts: list[tuple[str, Flowable | str]] = []
    prepared_for = _prepared_for(options.prepared_for)
    prepared_for_last = (
        prepared_for is not None and _line_count(prepared_for) > _PREPARED_FOR_LINES_AT_TOP
    )
    if prepared_for is not None and not prepared_for_last:
        facts.append(("Prepared for", prepared_for))
    notes = (
        "Included"
        if options.include_notes
        else "Left out of this copy, as chosen when it was made: the weekly notes, and the "
        "actions and notes of supervision sessions. Everything else is printed as in a full copy, "
        f"and every change is listed in {pack.named('amendments')} (a change to a note without "
        "its wording)."
    )
    facts.append(("Period", period_words(pack.covered)))
    # Next to the period, where a reader looks first for what the pack covers.
    left_out = _left_out_words(pack)
    if left_out:
        facts.append(("Sections left out", left_out))
    facts += [
        ("Generated", _generated_at(snapshot.taken_at)),
        ("Pack id", snapshot.pack_id),
        ("Data fingerprint (SHA-256)", _para(pack.fingerprint, styles.hash)),
        ("Audit chain head", _para(snapshot.chain_head, styles.hash)),
        ("Audit entries", f"{snapshot.audit_entries:,} in the diary's chain when this was made"),
        (
            "Made with",
            f"Work Diary {snapshot.app_version}" + (f", {MADE_UP}" if snapshot.sample_data else ""),
        ),
        ("Free-text notes", notes),
    ]
    if prepared_for is not None and prepared_for_last:
        facts.append(("Prepared for", prepared_for))
    flowables.append(_facts(facts))
    flowables += [
        _para("How these records were kept", styles.heading),
        _para(
            "Each figure was recorded in Work Diary with the date and time it was entered, and "
            "every table in this pack shows when each record was first recorded. An amendment "
            "never overwrites: the earlier values are kept, and every change is listed with its "
            f"date in {pack.named('amendments')}. Every change to the diary is written to an "
            "audit log in which each entry carries the SHA-256 hash of the one before it (a hash "
            "chain), so a change made behind the app's back shows up when the diary is checked. "
            "A week "
            f"{LATE_WEEK} is marked retrospective.",
            styles.body,
        ),
        _para(
            "Text is printed as it was typed, except that a character this pack's fonts cannot "
            "show (an emoji, say, or Chinese, Japanese or Korean writing) is given by its name in "
            "square brackets, such as [WEARY FACE], and one that would act on the text around it "
            "instead of showing (a right-to-left override, say) by its number, such as [U+202E]. "
            f"The data embedded in this PDF ({DATA_FILE_NAME}) holds every text exactly as typed.",
            styles.body,
        ),
        _para("How to check this pack", styles.heading),
        _prose(
            "The records and audit entries this pack shows are embedded in this PDF as the file "
            f"{DATA_FILE_NAME}; the data fingerprint above is its SHA-256 hash, and its first 16 "
            "characters are in every page's footer. Run `workdiary verify PACK.pdf`: it recomputes "
            "the fingerprint from the data embedded in this PDF and compares it with the one "
            "printed here, and, where the diary itself is present, compares the pack with the "
            "diary."
            + (
                " The last section explains how to check the fingerprint by hand."
                if "verification" in pack.sections
                else ""
            ),
            styles.body,
        ),
    ]
    if pack.sections:
        flowables.append(_para("Contents", styles.heading))
        for section in pack.sections:
            title = f"{pack.number(section)}. {SECTION_TITLES[section]}"
            flowables.append(PageNumberOf(title, section))
        if left_out:
            flowables.append(_para(left_out, styles.body))
    return flowables


def _left_out_words(pack: _Pack) -> str:
    """The sections this copy leaves out, said on its cover: a panel must not take a copy made
    to share for the whole record."""
    if not pack.left_out:
        return ""
    names = [f"the {SECTION_NAMES[section]}" for section in pack.left_out]
    return f"This copy leaves out, as chosen when it was made: {listed(names)}."


def _prepared_for(text: str) -> TextBlock | None:
    """Whom the pack was prepared for, as a fact's value (wrapped to its column once, here)."""
    if not text.strip():
        return None
    block = _para(text.strip(), _styles().fact)
    block.wrap(FRAME_WIDTH - _FACT_LABEL_WIDTH - _FACT_GAP, 0)
    return block


def _line_count(block: TextBlock) -> int:
    """How many lines a block takes at the width it was last wrapped to."""
    return round(block.height / block.style.leading)


# Summary figures


def _summary(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    intro = (
        f"Figures for {period_words(pack.covered)}, worked out from the weeks recorded in "
        "the diary. A week not logged counts as not logged, never as zero."
    )
    for words in (pack.first_recorded_words(), pack.not_logged_yet_words()):
        if words:
            intro += f" {words}"
    in_progress = [line for line in pack.lines if _in_progress(pack, line)]
    if in_progress:
        intro += (
            f" The week commencing {format_day(in_progress[0].week_commencing)} had not ended "
            "when this pack was made: its figures are as logged by then."
        )
    flowables: list[Flowable] = [
        _para(intro, styles.body),
        _para("Workload (WMT capacity)", styles.part),
    ]
    if pack.lines:
        flowables += _weekly_figures(pack)
    else:
        # Nothing to count: no figure at all, rather than noughts a reader could take as facts.
        flowables.append(
            _facts(
                [
                    ("Weeks in the period", _weeks_in_period(pack)),
                    (
                        "Weeks counted",
                        "None: no week of the period is recorded in the diary"
                        if pack.covered.weeks_in_period
                        else "None: nothing is logged yet for the period's one week",
                    ),
                ],
                150,
            )
        )
    flowables += [*_part("Supervision"), _facts(_supervision_facts(pack), 150)]
    flowables += [*_part("Concerns raised"), _facts(_concern_facts(pack), 150)]
    if pack.access_requests or pack.earlier_access_requests or pack.deleted_access_requests:
        flowables += [*_part(ACCESS_REQUESTS), _para(ACCESS_REQUESTS_APART, styles.small)]
        flowables.append(_facts(_access_request_facts(pack), 150))
    return flowables


def _weekly_figures(pack: _Pack) -> list[Flowable]:
    """The summary's figures from the weeks: capacity, runs, hours, and how they were kept."""
    summary, profile = pack.summary, pack.profile
    logged = summary.weeks_logged
    before = pack.weeks_before_first_recorded
    share = _percent(logged, summary.weeks_in_period)
    if before:
        share += f" of the {count(summary.weeks_in_period, 'week')} counted"
    workload: list[tuple[str, Flowable | str]] = [
        ("Weeks in the period", _weeks_in_period(pack)),
        ("Weeks logged", f"{logged:,} ({share})"),
        (
            "Weeks not logged",
            f"{summary.weeks_not_logged:,}"
            + (f" (each is listed in {pack.named('weeks')})" if summary.weeks_not_logged else ""),
        ),
    ]
    if summary.average_capacity_pct is not None and summary.peak_capacity_week is not None:
        assert summary.peak_capacity_pct is not None
        workload += [
            (
                "Average capacity",
                f"{format_number(summary.average_capacity_pct, places=1)} % over the "
                f"{count(logged, 'week')} logged",
            ),
            (
                "Peak capacity",
                f"{format_number(summary.peak_capacity_pct)} %, in the week commencing "
                f"{format_day(summary.peak_capacity_week)}",
            ),
            (
                f"Weeks at or over {pack.threshold}",
                f"{summary.weeks_at_or_over:,} of the {count(logged, 'week')} logged "
                f"({_percent(summary.weeks_at_or_over, logged)})",
            ),
        ]
    runs = summary.excessive_runs
    whole_runs = _whole_runs(pack, runs)
    test = (
        f"{profile.run_weeks} or more consecutive weeks at or over {pack.threshold}, "
        f"{whose_test(profile)}"
    )
    run_weeks = count(sum(run.weeks for run in runs), "week")
    if not runs:
        found = f"None ({test})"
    elif all(whole == run for run, whole in zip(runs, whole_runs, strict=True)):
        found = f"{count(len(runs), 'run')}, {run_weeks} in all ({test})"
    else:
        # A run the period cuts may have fewer weeks in it than the test asks for: "1 run, 2
        # weeks in all" would read as a run too short to meet it.
        them, each = ("it", "it") if len(runs) == 1 else ("them", "each")
        found = (
            f"{count(len(runs), 'run')} ({test}), {run_weeks} of {them} within the period; the "
            f"table below gives the whole of {each}"
        )
    workload.append(("Runs meeting the excessive-workload test", found))
    flowables: list[Flowable] = [_facts(workload, 150)]
    if runs:
        flowables += _runs_table(pack, runs, whole_runs)
    flowables += [*_part("Hours"), _facts(_hours_facts(pack), 150)]
    flowables += _part("How the weeks were recorded")
    keeping: list[tuple[str, Flowable | str]] = [
        (
            "Recorded retrospectively",
            f"{count(summary.retrospective_weeks, 'week')} {LATE_WEEK}; each is marked "
            f"“retrospective” in {pack.named('weeks')}",
        ),
        (
            "Amended",
            f"{count(summary.amended_weeks, 'week')} changed after first being recorded; every "
            f"change is in {pack.named('amendments')}",
        ),
    ]
    if summary.logged_again_weeks:
        keeping.append(
            (
                "Deleted and logged again",
                f"{count(summary.logged_again_weeks, 'week')} whose entry was deleted and the "
                f"week logged again; what it held before is in {pack.named('amendments')}, and "
                "neither counts as an amendment",
            )
        )
    if pack.deleted_weeks:
        keeping.append(
            (
                "Deleted",
                f"{count(len(pack.deleted_weeks), 'week')} whose entry was deleted; what it held "
                f"is in {pack.named('amendments')}",
            )
        )
    flowables.append(_facts(keeping, 150))
    return flowables


def _weeks_in_period(pack: _Pack) -> str:
    """`17 (13 weeks before the first week recorded, not counted)`: the weeks of the weekly
    figures, and those of the period they leave out."""
    covered = pack.covered
    left_out = []
    if pack.weeks_before_first_recorded:
        left_out.append(
            f"{count(pack.weeks_before_first_recorded, 'week')} before the first week recorded"
        )
    if covered.week_not_logged_yet is not None:
        left_out.append(
            f"the week commencing {format_day(covered.week_not_logged_yet)}, not ended and not "
            "logged yet"
        )
    words = f"{covered.weeks_in_period:,}"
    if left_out:
        words += f" ({' and '.join(left_out)}, not counted)"
    return words


def _whole_runs(pack: _Pack, runs: list[Run]) -> list[Run]:
    """For each of `runs` (the period's), the run of the whole diary it is part of: the period
    may cut one that began before it or went on after it."""
    whole = runs_at_or_over(
        [entry.record for entry in pack.snapshot.weeks],
        pack.profile.threshold_pct,
        pack.profile.run_weeks,
    )
    return [
        next((candidate for candidate in whole if candidate.covers(run.first_week)), run)
        for run in runs
    ]


def _runs_table(pack: _Pack, runs: list[Run], whole_runs: list[Run]) -> list[Flowable]:
    styles = _styles()
    widths = [150, 150, 50, 60]
    rows: list[list[Any]] = [_header(("From (week commencing)", "To", "Weeks", "Peak"), widths)]
    notes = []
    for run, whole_run in zip(runs, whole_runs, strict=True):
        start, end = format_day(run.first_week), format_day(run.last_week)
        in_all = (
            f"{count(whole_run.weeks, 'week')} in all, peaking at "
            f"{format_number(whole_run.peak_pct)} %"
        )
        if whole_run.first_week < run.first_week:
            start += " *"
            notes.append(
                "* This run began before the period, in the week commencing "
                f"{format_day(whole_run.first_week)}: {in_all}."
            )
        if whole_run.last_week > run.last_week:
            end += " †"
            notes.append(
                "† This run went on after the period, to the week commencing "
                f"{format_day(whole_run.last_week)}: {in_all}."
            )
        rows.append([start, end, str(run.weeks), f"{format_number(run.peak_pct)} %"])
    table = _grid(rows, widths, spaceBefore=6)
    flowables: list[Flowable] = [
        Spacer(1, 4),
        _para(f"The runs of {_run_words(pack)} within the period, oldest first:", styles.small),
        table,
    ]
    flowables += [_para(note, styles.small) for note in notes]
    return flowables


def _run_words(pack: _Pack) -> str:
    return f"{pack.profile.run_weeks} or more weeks at or over {pack.threshold}"


def _hours_facts(pack: _Pack) -> list[tuple[str, Flowable | str]]:
    summary, profile = pack.summary, pack.profile
    facts: list[tuple[str, Flowable | str]] = []
    if summary.weeks_with_hours:
        difference = summary.hours_worked - summary.contracted_hours
        more = (
            f"{_hours(difference)} more than contracted"
            if difference > 0
            else f"{_hours(-difference)} fewer than contracted"
            if difference < 0
            else "the same as contracted"
        )
        days_off = days_off_beside_hours(
            summary.leave_days_with_hours, summary.sick_days_with_hours
        )
        if days_off:
            more += f". {days_off}"
        facts.append(
            (
                "Hours worked",
                f"{_hours(summary.hours_worked)} against {_hours(summary.contracted_hours)} "
                f"contracted, over the {count(summary.weeks_with_hours, 'week')} with both "
                f"recorded: {more}",
            )
        )
    else:
        facts.append(
            (
                "Hours worked",
                "No week in the period has both hours worked and contracted hours recorded",
            )
        )
    # Over the weeks with unpaid hours recorded, and said so: a week left blank is not a week
    # of none, and a reader adding up the weekly figures must count the same weeks.
    unpaid = (
        f"{_hours(summary.unpaid_hours)}, over the {count(summary.weeks_with_unpaid, 'week')} "
        "with unpaid hours recorded"
    )
    if not summary.weeks_with_unpaid:
        unpaid = "No week in the period has unpaid hours recorded"
    elif summary.unpaid_value_gbp is not None and profile.hourly_rate is not None:
        unpaid += (
            f", worth {format_money(summary.unpaid_value_gbp)} at "
            f"{format_money(profile.hourly_rate)} an hour"
        )
    else:
        unpaid += " (no hourly rate is set in the diary, so no value is given)"
    facts.append(("Unpaid hours", unpaid))
    limit = format_number(WTR_LIMIT_HOURS)
    if summary.peak_wtr_average is not None and summary.peak_wtr_week is not None:
        counted = wtr_weeks_counted(
            (entry.record for entry in pack.snapshot.weeks), summary.peak_wtr_week
        )
        # Taken over the weeks that count, which may be fewer than 17; said either way, since
        # a reader checking it by hand must leave out the same weeks.
        taken_over = (
            f"taken over all {counted}, each {WTR_WEEKS_COUNTED}"
            if counted == WTR_REFERENCE_WEEKS
            else f"taken over the {counted} of them {WTR_WEEKS_COUNTED}"
        )
        facts += [
            (
                f"Highest {WTR_REFERENCE_WEEKS}-week average",
                f"{format_number(summary.peak_wtr_average, places=1)} hours a week, in the "
                f"{WTR_REFERENCE_WEEKS} weeks to the week commencing "
                f"{format_day(summary.peak_wtr_week)}: {taken_over}. Working Time Regulations "
                f"limit: {limit} hours",
            ),
            (
                f"Weeks with a {WTR_REFERENCE_WEEKS}-week average over {limit} hours",
                f"{summary.weeks_wtr_over_limit:,}",
            ),
        ]
    else:
        facts.append(
            (
                f"{WTR_REFERENCE_WEEKS}-week average",
                f"Not worked out: it needs at least {WTR_MIN_WEEKS_COUNTED} of "
                f"{WTR_REFERENCE_WEEKS} consecutive weeks {WTR_WEEKS_COUNTED}",
            )
        )
    return facts


def _deleted_fact(pack: _Pack, deleted: int, noun: str) -> list[tuple[str, Flowable | str]]:
    """A line for records of the period deleted since, as the weeks have: counted nowhere else,
    they must not simply vanish from the summary."""
    if not deleted:
        return []
    return [
        (
            "Deleted",
            f"{count(deleted, noun)} whose record was deleted, and so not counted above; what "
            f"{'it' if deleted == 1 else 'each'} held is in {pack.named('amendments')}",
        )
    ]


def _supervision_facts(pack: _Pack) -> list[tuple[str, Flowable | str]]:
    deleted = _deleted_fact(pack, pack.deleted_sessions, "session")
    figures = pack.supervision
    if figures is None:
        return [
            ("Supervision", "No session is recorded in the diary by the end of the period"),
            *deleted,
        ]
    if figures.expected is not None and figures.interval_weeks:
        since = (
            f", from {format_day(figures.first)}, the first session recorded"
            if figures.first > pack.covered.first_week
            else ""
        )
        expected = (
            f" against {figures.expected:,} expected (every "
            f"{count(figures.interval_weeks, 'week')}, as set in the diary{since})"
        )
    else:
        expected = " (the diary does not say how often supervision is due)"
    held = f"{count(figures.held, 'session')}{expected}"
    if held_on_shared_days(figures):
        held += f". {held_on_shared_days(figures)}"
    facts: list[tuple[str, Flowable | str]] = [("Supervision held", held)]
    for status in (
        SupervisionStatus.CANCELLED_BY_MANAGER,
        SupervisionStatus.CANCELLED_BY_ME,
        SupervisionStatus.RESCHEDULED,
        SupervisionStatus.NOT_OFFERED,
    ):
        facts.append((SUPERVISION_STATUS_WORDS[status], f"{figures.by_status.get(status, 0):,}"))
    if figures.held:
        facts.append(
            (
                "Workload discussed",
                workload_discussed_words(figures),
            )
        )
    gap = figures.longest_gap
    if gap is not None:
        until = format_day(gap.until)
        if gap.open_ended and gap.until < pack.covered.last_day:
            until += ", the day this pack was made, with none held since"
        elif gap.open_ended:
            until = f"the end of the period, {until}, with none held since"
        since = format_day(gap.after) + (BEFORE_THE_PERIOD if gap.after < figures.first else "")
        facts.append(
            (
                "Longest gap",
                f"{count(gap.days, 'day')} ({weeks_and_days(gap.days)}), from {since} to {until}",
            )
        )
    last = format_day(figures.last_held) if figures.last_held else "No supervision held is recorded"
    facts.append(("Last held", last))
    return [*facts, *deleted]


def _concern_facts(pack: _Pack) -> list[tuple[str, Flowable | str]]:
    """Concerns raised in the period and, counted apart, those raised before it and still
    unanswered when it began: without them a short period could show nothing unanswered while
    older concerns went unanswered throughout it."""
    return _raised_facts(
        pack, pack.concerns, pack.earlier_concerns, pack.deleted_concerns, "concern", "Raised"
    )


def _access_request_facts(pack: _Pack) -> list[tuple[str, Flowable | str]]:
    """Subject access requests, counted as concerns are and apart from them."""
    return _raised_facts(
        pack,
        pack.access_requests,
        pack.earlier_access_requests,
        pack.deleted_access_requests,
        "access request",
        "Made",
    )


def _raised_facts(
    pack: _Pack,
    entries: Sequence[Recorded[Concern]],
    earlier_entries: Sequence[Recorded[Concern]],
    deleted: int,
    noun: str,
    verb: str,
) -> list[tuple[str, Flowable | str]]:
    concerns = [entry.record for entry in entries]
    unanswered = [concern for concern in concerns if not is_answered(concern)]
    facts: list[tuple[str, Flowable | str]] = [
        (f"{verb} in the period", f"{len(concerns):,}"),
        ("Answered or closed", f"{len(concerns) - len(unanswered):,}, {AS_MADE}"),
        ("Still unanswered", f"{_still_unanswered(unanswered, pack.today)}, {AS_MADE}"),
        *_deleted_fact(pack, deleted, noun),
    ]
    earlier = [entry.record for entry in earlier_entries]
    before = f"{verb} {BEFORE_PERIOD} and unanswered when it began"
    if not earlier:
        return [*facts, (before, "None")]
    waiting = [concern for concern in earlier if not is_answered(concern)]
    listed = f"{len(earlier):,}"
    if "concerns" in pack.sections:
        listed += f", each listed in the concerns log, marked “{verb.lower()} {BEFORE_PERIOD}”"
    return [
        *facts,
        (before, listed),
        ("Of those, answered or closed since", f"{len(earlier) - len(waiting):,}"),
        ("Of those, still unanswered", f"{_still_unanswered(waiting, pack.today)}, {AS_MADE}"),
    ]


def _still_unanswered(unanswered: Sequence[Concern], today: date) -> str:
    overdue = [concern for concern in unanswered if is_overdue(concern, today)]
    words = f"{len(unanswered):,}"
    if overdue:
        words += f" ({len(overdue):,} of them past the date set to chase a reply)"
    return words


# Charts


def _charts(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    if not pack.summary.weeks_logged:
        return [
            _para("No week in the period was logged, so there is nothing to chart.", styles.body)
        ]
    return [
        _para("WMT capacity each week", styles.part),
        capacity_chart(pack.lines, pack.profile, FRAME_WIDTH),
        Spacer(1, 10),
        _para("Hours worked each week", styles.part),
        hours_chart(pack.lines, FRAME_WIDTH),
        Spacer(1, 6),
        _para(f"{_charts_span(pack)} {pack.first_recorded_words()}", styles.small),
    ]


def _charts_span(pack: _Pack) -> str:
    first, last = pack.lines[0].week_commencing, pack.lines[-1].week_commencing
    span = (
        f"Both charts show the week commencing {format_day(first)} alone"
        if first == last
        else f"Both charts run from the week commencing {format_day(first)} on the left to the "
        f"week commencing {format_day(last)} on the right"
    )
    return f"{span}, and both start from zero. The figures behind them are in the weekly table."


# Tables


def _grid(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    right_columns: range = range(0),
    quiet_rows: Iterable[int] = (),
    filled: Iterable[tuple[int, int]] = (),
    gap_before: int | None = None,
    **options: Any,
) -> Table:
    """A ruled table whose first row, in bold, repeats on every page it runs to. Cells of a kind
    share one cell style, made here: a style command visits every cell of its range, and on the
    weekly table such visits were a third of the time taken to build it. The column
    `gap_before` (left-aligned, after right-aligned figures) starts `_GAP` further in, so that a
    figure ending one column and the text starting the next never read as one."""
    header, body, body_right, quiet, quiet_right = (
        _cell_style(BOLD),
        _cell_style(REGULAR),
        _cell_style(REGULAR, alignment="RIGHT"),
        _cell_style(REGULAR, color=_QUIET),
        _cell_style(REGULAR, color=_QUIET, alignment="RIGHT"),
    )
    header_gap, body_gap, quiet_gap = (
        _cell_style(BOLD, left_padding=_CELL_PADDING + _GAP),
        _cell_style(REGULAR, left_padding=_CELL_PADDING + _GAP),
        _cell_style(REGULAR, color=_QUIET, left_padding=_CELL_PADDING + _GAP),
    )
    quiet_set = set(quiet_rows)
    header_row = [header] * len(widths)
    if gap_before is not None:
        header_row[gap_before] = header_gap
    styles = [header_row]
    for index in range(1, len(rows)):
        plain, right, gap = (
            (quiet, quiet_right, quiet_gap) if index in quiet_set else (body, body_right, body_gap)
        )
        styles.append(
            [
                right if column in right_columns else gap if column == gap_before else plain
                for column in range(len(widths))
            ]
        )
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, _RULE),
    ]
    for first, last in filled:
        commands.append(("BACKGROUND", (0, first), (-1, last), _RUN_FILL))
    return TextGrid(
        rows,
        colWidths=widths,
        rowHeights=[_text_row_height(row) for row in rows],
        repeatRows=1,
        hAlign="LEFT",
        cellStyles=styles,
        style=TableStyle(commands),
        **options,
    )


def _text_row_height(row: Sequence[Any]) -> float | None:
    """The height of a row of text cells, lines times leading plus padding, as reportlab would
    work it out (None, for reportlab to measure, where a cell holds a flowable). Worked out here
    once: reportlab measures a row again each time a table is split to the next page."""
    texts = [cell for cell in row if isinstance(cell, str)]
    if len(texts) < len(row):
        return None
    lines = max(text.count("\n") + 1 for text in texts)
    return lines * _LEADING + _TOP_PADDING + _BOTTOM_PADDING


def _cell_style(
    font: str,
    *,
    alignment: Literal["LEFT", "RIGHT"] = "LEFT",
    color: Color = _INK,
    left_padding: float = _CELL_PADDING,
) -> CellStyle:
    style = CellStyle(font)
    style.fontname, style.fontsize, style.leading = font, TABLE_SIZE, _LEADING
    style.valign, style.alignment, style.color = "TOP", alignment, color
    style.leftPadding, style.rightPadding = left_padding, _CELL_PADDING
    style.topPadding, style.bottomPadding = _TOP_PADDING, _BOTTOM_PADDING
    return style


def _header(texts: Sequence[str], widths: Sequence[float]) -> list[str]:
    """A table's header row, each our own words wrapped to its column (the grid style sets it in
    bold): a Paragraph per header would be laid out again on every page the table runs to."""
    return [_lines(text, width - _PADDING, BOLD) for text, width in zip(texts, widths, strict=True)]


def _lines(text: str, width: float, font: str = REGULAR) -> str:
    """Our own words wrapped to `width` by hand, for a table cell: far quicker than a Paragraph.
    (Not for the officer's text: a word too long for the column would run out of it.)"""
    text = printable(text, font)
    # Most cells fit on one line as they stand: one measurement instead of one per word. (The
    # thousandth of a point spare keeps this to what simpleSplit, adding up words, would do.)
    if " ".join(text.split()) == text and stringWidth(text, font, TABLE_SIZE) < width - 0.001:
        return text
    return "\n".join(simpleSplit(text, font, TABLE_SIZE, width))


def _wrapped(texts: Sequence[str], width: float) -> str:
    """Flags, joined and wrapped to the column."""
    return _lines(", ".join(texts), width)


@cache
def _date_width() -> float:
    """The widest date a column may hold, `Wed 28 Sep 2026` or so, with the cell's padding."""
    return _PADDING + max(
        stringWidth(f"{day} 28 {month} 2026", REGULAR, TABLE_SIZE)
        for day in DAY_NAMES
        for month in MONTH_NAMES
    )


def _width(*texts: str, font: str = BOLD) -> float:
    """Room for the widest of `texts` (a header's longest word, say), with the cell's padding."""
    return _PADDING + 1 + max(stringWidth(text, font, TABLE_SIZE) for text in texts)


def _figure(value: float | None, unit: str = "") -> str:
    return DASH if value is None else f"{format_number(value)}{unit}"


def _first_recorded(
    entry: Recorded[Any], day: date, amendments: int, again: str = LOGGED_AGAIN
) -> list[str]:
    """When the record was first recorded, whether that was late, whether it was deleted and
    recorded again (`again` says how: a week is logged again, a session restored) and when, and
    how often it was amended."""
    words = [_local_day(entry.first_recorded_at)]
    if is_retrospective(day, entry.first_recorded_at):
        words.append("retrospective")
    if entry.recorded_again:
        words.append(recorded_again_words(entry.recorded_again, again, dated=True))
    if amendments:
        words.append("amended" if amendments == 1 else f"amended {amendments} times")
    return words


def _by_year(items: Iterable[T], day_of: Callable[[T], date]) -> dict[int, list[T]]:
    """`items` (oldest first) grouped by the year of their day, so that a long table is made of
    one table a year: reportlab lays out what is left of a table again on every page it runs to."""
    years: dict[int, list[T]] = {}
    for item in items:
        years.setdefault(day_of(item).year, []).append(item)
    return years


def _year_heading(year: int, section: str) -> list[Flowable]:
    """A year's heading within a section, in the outline too, never alone at a page's foot."""
    return [
        CondPageBreak(90),
        SectionHeading(str(year), _styles().part, f"{section}-{year}", str(year), level=1),
    ]


def _week_columns() -> list[float]:
    """Week, capacity, caseload, hours, unpaid, first recorded; the flags take the rest."""
    widths = [
        _date_width(),
        _width("capacity", "888.8 %"),
        _width("Caseload"),
        _width("contracted", "888.25 / 88.25", "leave 7.5 days", font=REGULAR),
        max(_width("Unpaid"), _width("88.25", font=REGULAR)),
        _date_width() + _GAP,
    ]
    return [*widths, FRAME_WIDTH - sum(widths)]


# The week's figures the weekly table has no column for, in the words its key lists them with.
_UNPRINTED_FIGURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("the day the WMT figure was read", ("wmt_read_on",)),
    ("cases by type", ("cases_community", "cases_licence", "cases_custody")),
    ("reports due", ("reports_due",)),
    ("WMT reduction hours", ("wmt_reduction_hours",)),
    ("TOIL (earned, taken)", ("toil_earned", "toil_taken")),
    ("days breaks were missed", ("breaks_missed_days",)),
)


def _weekly_table(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    in_progress = [line for line in pack.lines if _in_progress(pack, line)]
    flags = (
        f"Flags: “at/over {pack.threshold}”: at or over the threshold; “excessive run”: part of "
        f"{_run_words(pack)} in a row, {whose_test(pack.profile)}; “retrospective”: "
        f"{LATE_WEEK}; “amended”: changed after it was first recorded "
        f"({pack.named('amendments')} shows how); “not logged”: nothing was recorded for the week"
    )
    if any(line.logged_again for line in pack.lines):
        flags += (
            "; “deleted and logged again”: its entry was deleted and the week logged again, on "
            f"the day given ({pack.named('amendments')} shows what it held before and after); "
            "neither is an amendment"
        )
    if in_progress:
        flags += (
            "; “in progress”: the week had not ended when this pack was made, and its figures "
            "are as logged by then"
        )
    if not pack.lines:
        return [_para(pack.first_recorded_words() or pack.not_logged_yet_words(), styles.body)]
    shown = "Every week of the period, oldest first, logged or not."
    if pack.weeks_before_first_recorded:
        shown = f"{pack.first_recorded_words()} From there every week is shown, logged or not."
    if pack.not_logged_yet_words():
        shown += f" {pack.not_logged_yet_words()}"
    key = [
        f"{shown} “First recorded” is the day the week was first entered in the diary. Days of "
        "leave or sickness recorded for a week are under its hours; “—” is a figure not recorded "
        "for the week.",
        f"{flags}.",
        "A shaded row is a week of an excessive run; the row of a week not logged is in grey.",
    ]
    recorded = [
        words
        for words, fields in _UNPRINTED_FIGURES
        if any(
            getattr(entry.record, field) is not None
            for entry in pack.covered.weeks
            for field in fields
        )
    ]
    if recorded:
        key.append(
            f"Also recorded for weeks of the period, and not printed here: {listed(recorded)}. "
            f"They are in the data embedded in this PDF ({DATA_FILE_NAME})."
        )
    flowables: list[Flowable] = [_para(text, styles.small) for text in key]
    by_year = _by_year(pack.lines, lambda line: line.week_commencing)
    for year, lines in by_year.items():
        if len(by_year) > 1:
            flowables += _year_heading(year, "weeks")
        flowables.append(_week_rows(pack, lines))
    return flowables


def _in_progress(pack: _Pack, line: WeekLine) -> bool:
    """Whether the week had not ended when the pack was made (a pack shows such a week only
    once it is logged)."""
    return week_ending(line.week_commencing) >= pack.today


def _days_off(week: Week) -> list[str]:
    """`leave 2 days`, `sick 1 day`: the days off recorded for a week (none for none), short
    enough to sit under its hours."""
    days = []
    if week.leave_days:
        days.append(f"leave {_days(week.leave_days)}")
    if week.sick_days:
        days.append(f"sick {_days(week.sick_days)}")
    return days


def _days(value: float) -> str:
    return f"{format_number(value)} {'day' if value == 1 else 'days'}"


def _week_rows(pack: _Pack, lines: Sequence[WeekLine]) -> Table:
    widths = _week_columns()
    flags_width = widths[-1] - _PADDING
    rows: list[list[Any]] = [
        _header(
            (
                "Week commencing",
                "WMT capacity",
                "Caseload",
                "Hours worked / contracted",
                "Unpaid hours",
                "First recorded",
                "Flags",
            ),
            [*widths[:5], widths[5] - _GAP, widths[6]],
        )
    ]
    quiet_rows = []
    for index, line in enumerate(lines, start=1):
        flags = [flag.with_day for flag in week_flags(line, pack.profile)]
        entry = line.entry
        if entry is None:
            deleted = pack.deleted_weeks.get(line.week_commencing)
            if deleted is not None:
                flags.append(f"an entry was deleted on {_local_day(deleted)}")
            rows.append(
                [
                    format_day(line.week_commencing),
                    DASH,
                    DASH,
                    DASH,
                    DASH,
                    DASH,
                    _wrapped(flags, flags_width),
                ]
            )
            quiet_rows.append(index)
            continue
        if _in_progress(pack, line):
            flags.append("in progress")
        week = entry.record
        hours = DASH
        if week.hours_worked is not None or week.contracted_hours is not None:
            hours = f"{_figure(week.hours_worked)} / {_figure(week.contracted_hours)}"
        rows.append(
            [
                format_day(line.week_commencing),
                _figure(week.capacity_pct, " %"),
                _figure(week.caseload),
                "\n".join([hours, *_days_off(week)]),
                _figure(week.unpaid_hours),
                _local_day(entry.first_recorded_at),
                _wrapped(flags, flags_width),
            ]
        )
    # One fill for each run of rows, not one for each row.
    in_run = [line.entry is not None and line.in_excessive_run for line in lines]
    filled = [(first + 1, last + 1) for first, last in stretches(in_run)]  # + 1: the header
    return _grid(
        rows,
        widths,
        right_columns=range(1, 5),
        quiet_rows=quiet_rows,
        filled=filled,
        gap_before=5,
    )


def _supervision_log(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    entries = pack.covered.sessions
    intro = (
        "Every supervision session recorded for the period (held, cancelled, moved or not "
        "offered), oldest first, with the day each was first recorded."
    )
    if not pack.options.include_notes:
        intro += " The actions agreed and notes are left out of this copy."
    flowables: list[Flowable] = [_para(intro, styles.small)]
    if not entries:
        return [
            *flowables,
            _para("No supervision sessions are recorded for the period.", styles.body),
        ]
    by_year = _by_year(entries, lambda entry: entry.record.held_on)
    for year, year_entries in by_year.items():
        if len(by_year) > 1:
            flowables += _year_heading(year, "supervision")
        flowables.append(_session_rows(pack, year_entries))
    return flowables


def _session_rows(pack: _Pack, entries: Sequence[Recorded[SupervisionSession]]) -> Table:
    styles = _styles()
    include_notes = pack.options.include_notes
    headers = ["Date", "Status", "Supervisor", "Length", "Workload discussed"]
    widths = [
        _date_width(),
        _width("Cancelled by", font=REGULAR),
        _width("Supervisor"),
        _width("888 min", font=REGULAR),
        _width("discussed"),
    ]
    if include_notes:
        headers.append("Actions agreed and notes")
        widths.append(FRAME_WIDTH - sum(widths) - _date_width())
    headers.append("First recorded")
    widths.append(_date_width())
    rows: list[list[Any]] = [_header(headers, widths)]
    for entry in entries:
        session = entry.record
        discussed = {True: "yes", False: "no", None: DASH}[session.workload_discussed]
        row: list[Any] = [
            # Repeated, marked continued, above the rest of a row carried to the next page.
            RowName(format_day(session.held_on)),
            _lines(SUPERVISION_STATUS_WORDS[session.status], widths[1] - _PADDING),
            # The officer's text: a TextBlock, which breaks a word too long for the column.
            _para(session.supervisor or DASH, styles.cell),
            f"{session.minutes} min" if session.minutes is not None else DASH,
            discussed,
        ]
        if include_notes:
            row.append(_session_text(session))
        amended = pack.session_amendments.get(entry.key, NEVER_AMENDED).times
        # Each on lines of its own, wrapped to the column: `deleted and restored on …` is wider
        # than the day it sits under.
        words = _first_recorded(entry, session.held_on, amended, RESTORED)
        row.append("\n".join(_lines(word, widths[-1] - _PADDING) for word in words))
        rows.append(row)
    return _grid(rows, widths, splitInRow=_SPLIT_IN_ROW)


def _session_text(session: SupervisionSession) -> TextBlock:
    runs: list[tuple[str, bool]] = []
    for label, text in (("Actions:", session.actions.strip()), ("Notes:", session.notes.strip())):
        if text:
            runs += [("\n" if runs else "", False), (label, True), (f" {text}", False)]
    return _rich(runs or [(DASH, False)], _styles().cell)


def _concerns_log(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    entries, earlier = pack.concerns, pack.earlier_concerns
    before = ""
    if earlier:
        before = (
            " They follow the concerns raised before the period and still unanswered when it "
            f"began, each marked “{RAISED_BEFORE}”, with where it stands now: answered or closed "
            "since, and on which day, or still unanswered."
        )
    requests = pack.access_requests or pack.earlier_access_requests
    apart = " Subject access requests are listed apart, after them." if requests else ""
    flowables: list[Flowable] = [
        _para(
            "Every concern about workload recorded as raised in the period, oldest first: who it "
            "was raised with and how, what was said, what came back, and the day each was first "
            f"recorded.{before}{apart} A concern still unanswered after the date set to chase a "
            "reply is marked “overdue”. “Answered on” is the date of the reply; recording it is "
            "not an amendment. “Amended” means something already recorded (what was said, with "
            f"whom, how, a date, or the answer once recorded) was changed later: "
            f"{pack.named('amendments')} shows how. “Retrospective”: recorded more than "
            f"{RETROSPECTIVE_AFTER_DAYS} days after the end of the week it happened in.",
            styles.small,
        )
    ]
    flowables += _raised_entries(
        pack, entries, earlier, "Raised", "No concerns are recorded as raised in the period."
    )
    if requests:
        flowables += [*_part(ACCESS_REQUESTS), _para(ACCESS_REQUESTS_APART, styles.small)]
        flowables += _raised_entries(
            pack,
            pack.access_requests,
            pack.earlier_access_requests,
            "Made",
            "No subject access request is recorded as made in the period.",
        )
    return flowables


def _raised_entries(
    pack: _Pack,
    entries: Sequence[Recorded[Concern]],
    earlier: Sequence[Recorded[Concern]],
    verb: str,
    none: str,
) -> list[Flowable]:
    """The entries of the log, those raised (or made) before the period first, under a heading
    of their own, marked so."""
    flowables: list[Flowable] = []
    if earlier:
        mark = f"{verb.lower()} {BEFORE_PERIOD}"
        flowables += _part(f"{verb} {BEFORE_PERIOD} and unanswered when it began")
        for entry in earlier:
            flowables += _concern_entry(pack, entry, _status_since(pack, entry), mark)
        flowables += _part(f"{verb} in the period")
    if not entries:
        return [*flowables, _para(none, _styles().body)]
    for entry in entries:
        flowables += _concern_entry(pack, entry, _concern_status(entry.record, pack.today))
    return flowables


def _concern_entry(
    pack: _Pack, entry: Recorded[Concern], status: str, mark: str = ""
) -> list[Flowable]:
    """A concern in the log: when, how and with whom, `mark` (if any) and its status, then when
    it was first recorded, what was said and what came back."""
    styles = _styles()
    concern = entry.record
    with_whom = concern.raised_with.strip()
    # Which concern it is: when, how and with whom.
    name = [
        (format_day(concern.raised_on), True),
        (f"  ·  {CONCERN_CHANNEL_WORDS[concern.channel]}", False),
        (f", with {with_whom}" if with_whom else "", False),
    ]
    heading = _rich(
        [*name, (f"  ·  {mark}" if mark else "", False), ("  ·  ", False), (status, True)],
        styles.entry,
    )
    recorded = _para(
        f"First recorded {', '.join(_concern_recorded(pack, entry))}", styles.entry_note
    )
    said = _labelled(WHAT_WAS_SAID, concern.summary)
    follow_up: list[TextBlock] = []
    if concern.follow_up_on is not None and is_answered(concern):
        # An unanswered concern's date to chase a reply is in its status; an answered one's
        # is kept here, so that nothing recorded about it goes unprinted.
        follow_up = _labelled("Date set to chase a reply", format_day(concern.follow_up_on))
    response = "Response"
    if concern.response_on is not None:
        response += f" ({format_day(concern.response_on)})"
    return [
        _keep_with_next([heading, recorded], said[0]),
        heading,
        *_carried_over(
            name,
            [recorded, *said, *_labelled(response, concern.response.strip() or DASH), *follow_up],
            styles.entry,
        ),
    ]


def _status_since(pack: _Pack, entry: Recorded[Concern]) -> str:
    """Where a concern raised before the period stands now: still unanswered (overdue or not),
    or answered or closed since, on which day, and whether in the period or after it."""
    concern = entry.record
    if not is_answered(concern):
        return _concern_status(concern, pack.today)
    story = pack.concern_stories.get(entry.key, ConcernStory())
    day = answered_on(concern, closing_recorded_on(entry, story))
    assert day is not None  # answered, so answered on some day
    when = f"{format_day(day)} ({'in' if day <= pack.covered.last_day else 'after'} the period)"
    words = CONCERN_STATUS_WORDS[concern.status]
    if concern.response_on is None:
        # No date of a reply: the day the diary recorded it closed is all there is to go by.
        if concern.status is ConcernStatus.CLOSED and not concern.response.strip():
            return f"Closed, with no reply recorded: marked closed on {when}"
        return f"{words}, the reply undated: answer recorded on {when}"
    if concern.status is ConcernStatus.ANSWERED:
        return f"Answered later, on {when}"
    return f"{words}: answered later, on {when}"


def _concern_recorded(pack: _Pack, entry: Recorded[Concern]) -> list[str]:
    """When the concern was first recorded and what happened to it after: `Thu 15 Mar 2017,
    answered on Mon 17 Apr 2017, marked closed on Sun 03 Sep 2017, amended`. Recording the
    answer is not an amendment: "amended" is kept for a change to what was already recorded."""
    concern = entry.record
    story = pack.concern_stories.get(entry.key, ConcernStory())
    words = [_local_day(entry.first_recorded_at)]
    if is_retrospective(concern.raised_on, entry.first_recorded_at):
        words.append("retrospective")
    answer_recorded = story.answer_recorded_at or entry.first_recorded_at
    if concern.response_on is not None and is_answered(concern):
        answered = f"answered on {format_day(concern.response_on)}"
        if is_retrospective(concern.response_on, answer_recorded):
            answered += f" (recorded {_local_day(answer_recorded)}, retrospective)"
        words.append(answered)
    elif story.answer_recorded_at is not None and is_answered(concern):
        words.append(f"answer recorded {_local_day(story.answer_recorded_at)}")
    words += [f"more of the answer recorded {_local_day(at)}" for at in story.added_to_at]
    if story.closed_at is not None and concern.status is ConcernStatus.CLOSED:
        words.append(f"marked closed on {_local_day(story.closed_at)}")
    if entry.recorded_again:
        words.append(recorded_again_words(entry.recorded_again, RESTORED, dated=True))
    amended = concern_amendments(entry, story).times
    if amended:
        words.append("amended" if amended == 1 else f"amended {amended} times")
    return words


def _keep_with_next(heads: Sequence[TextBlock], body: TextBlock) -> CondPageBreak:
    """A page break unless there is room for `heads` and the first lines of `body` that would
    start it on this page (two, as a TextBlock never leaves one alone), so that a heading never
    stands alone at the foot of a page. The blocks are wrapped here to the frame's width, once:
    laying them out again finds them wrapped already."""
    height = 0.0
    for block in heads:
        height += block.getSpaceBefore() + block.wrap(FRAME_WIDTH, 0)[1] + block.getSpaceAfter()
    lines = body.wrap(FRAME_WIDTH, 0)[1] / body.style.leading
    height += body.getSpaceBefore() + min(lines, 2) * body.style.leading
    return CondPageBreak(height + 1)


def _carried_over(
    name: Sequence[tuple[str, bool]], body: Sequence[Flowable], style: ParagraphStyle
) -> list[Flowable]:
    """`body`, whose part carried over to the next page (and every page after it runs on to) is
    headed there by `name`, marked continued, as a supervision session's row repeats its date:
    so that a reader of that page alone can tell whose words they are."""
    heading = _rich([*name, (f" {CONTINUED}", False)], style)
    return [CarriedOver(heading), *body, CarriedOver()]


def _labelled(label: str, text: str) -> list[TextBlock]:
    """The officer's words under a label: the first paragraph after it, the rest below."""
    styles = _styles()
    parts = own_paragraphs(text) or [DASH]
    first = _rich([(f"{label}:", True), (f" {parts[0]}", False)], styles.entry_line)
    return [first, *(_para(part, styles.entry_more) for part in parts[1:])]


def _concern_status(concern: Concern, today: date) -> str:
    words = CONCERN_STATUS_WORDS[concern.status]
    if is_answered(concern):
        return words
    if concern.follow_up_on is not None:
        due = format_day(concern.follow_up_on)
        if is_overdue(concern, today):
            return f"{words}: overdue, no reply by {due}"
        return f"{words}: chase a reply on {due}"
    return f"{words}: no reply recorded"


# Notes


def _notes(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    written = [line for line in pack.lines if line.entry and line.entry.record.notes.strip()]
    flowables: list[Flowable] = [
        _para(
            "The notes written for each week, oldest first, in full and as written. Each note "
            f"says when its week was first recorded; a note changed later is in "
            f"{pack.named('amendments')} with its earlier wording.",
            styles.small,
        )
    ]
    if not written:
        return [
            *flowables,
            _para("No notes were written for the weeks in this period.", styles.body),
        ]
    years = {line.week_commencing.year for line in written}
    year_shown: int | None = None
    for line in written:
        entry = line.entry
        assert entry is not None
        if len(years) > 1 and line.week_commencing.year != year_shown:
            year_shown = line.week_commencing.year
            flowables += _year_heading(year_shown, "notes")
        marks = _first_recorded(entry, line.week_commencing, entry.amendments)
        name = [(f"Week commencing {format_day(line.week_commencing)}", True)]
        heading = _rich(
            [*name, (f"  ·  first recorded {', '.join(marks)}", False)], styles.note_heading
        )
        paragraphs = [_para(part, styles.note) for part in own_paragraphs(entry.record.notes)]
        if paragraphs:
            flowables.append(_keep_with_next([heading], paragraphs[0]))
        flowables += [heading, *_carried_over(name, paragraphs, styles.note_heading)]
    return flowables


# Amendment history


def _amendments(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    amendments = pack.amendments
    intro = (
        f"Every change made to the records in this pack after they were first recorded, oldest "
        f"first: {count(len(amendments), 'change')}. Nothing is overwritten: an amendment shows "
        "the value before and after it (old → new; a value too long for one line has its "
        "“Before” and “After” on lines of their own, the words that differ in bold where most "
        "are the same), a deletion shows what the record held. Records never changed after "
        "they were first recorded are not listed here; the tables show when each was first "
        "recorded. Recording the answer to a concern, adding to it and marking the concern "
        "closed are listed as such; “amended” means something already recorded was changed. "
        "Changes to the profile are included, because its threshold decides the flags. Times "
        "are the local time of the computer that made the pack."
    )
    if not pack.options.include_notes:
        intro += " Changes to notes are listed without their wording, which this copy leaves out."
    flowables: list[Flowable] = [_para(intro, styles.small)]
    if not amendments:
        flowables.append(
            _para(
                "None of these records has been amended or deleted since it was first recorded.",
                styles.body,
            )
        )
    for amendment in amendments:
        # Which change it is: when, and to which record.
        name = [(format_moment(amendment.at), True), (f"  ·  {amendment.record}", False)]
        heading = _rich([*name, (f": {amendment.what}", False)], styles.entry)
        if not amendment.lines:
            flowables.append(heading)
            continue
        body: list[Flowable] = []
        for index, change in enumerate(amendment.lines):
            heads, values = _change_lines(change)
            # A heading, or a field's label, never stands alone at the foot of a page.
            if index == 0:
                flowables.append(_keep_with_next([heading, *heads], values[0]))
            elif heads:
                body.append(_keep_with_next(heads, values[0]))
            body += [*heads, *values]
        flowables += [heading, *_carried_over(name, body, styles.entry)]
    return flowables


def _change_lines(change: ChangeWords) -> tuple[list[TextBlock], list[TextBlock]]:
    """A field of an amendment, as a label to keep with what follows it (if any), and the lines
    that follow. `Label: old → new`, where that fits on a line. A longer change, wrapped, could
    read as no change at all (`Response: Thank you … → Thank you …`, the two differing only near
    their ends), so its value before and after each start a line of their own under its label,
    the words that differ in bold."""
    styles = _styles()
    style = styles.entry_line
    line = _para(change.line(), style)
    if change.old is None:
        return [], [line]
    # Measured whole before it is wrapped: a long change would be wrapped only to be set aside.
    (text, font), *_ = line.runs
    if "\n" not in text and stringWidth(text, font, style.fontSize) <= (
        FRAME_WIDTH - style.leftIndent - style.firstLineIndent - style.rightIndent
    ):
        return [], [line]
    values = [
        TextBlock(
            [
                (f"{name}: ", ITALIC),
                *((words, BOLD if differs else REGULAR) for words, differs in parts),
            ],
            styles.entry_value,
        )
        for name, parts in zip(
            ("Before", "After"), differences(change.old, change.new), strict=True
        )
    ]
    return [_para(f"{change.label}:", styles.entry_line)], values


# Attachments and verification


def _attachments(pack: _Pack) -> list[Flowable]:
    return [_para(NO_ATTACHMENTS, _styles().body)]


def _verification(pack: _Pack) -> list[Flowable]:
    styles = _styles()
    snapshot, covered = pack.snapshot, pack.covered
    sessions = count(len(covered.sessions), "supervision session")
    concerns = count(len(covered.concerns), "concern")
    which = []
    if covered.earlier_concerns:
        concerns = count(len(covered.concerns) + len(covered.earlier_concerns), "concern")
        which.append(
            f"{len(covered.concerns):,} raised in the period, {len(covered.earlier_concerns):,} "
            "raised before it and unanswered when it began"
        )
    # The data keeps them with the concerns, as the diary does; the pages, apart.
    requests = len(pack.access_requests) + len(pack.earlier_access_requests)
    if requests:
        which.append(f"{count(requests, 'subject access request')} among them")
    if which:
        concerns += f" ({'; '.join(which)})"
    data = (
        f"{count(len(covered.weeks), 'week')}, {sessions} and {concerns}, with the "
        f"{count(len(covered.audit), 'audit entry', 'audit entries')} about them and the profile"
    )
    flowables: list[Flowable] = [
        _facts(
            [
                ("Data fingerprint (SHA-256)", _para(pack.fingerprint, styles.hash)),
                ("Audit chain head", _para(snapshot.chain_head, styles.hash)),
                ("Entries in the chain", f"{snapshot.audit_entries:,}"),
                ("Data in this PDF", data),
                ("Pack id", snapshot.pack_id),
            ],
            140,
        ),
        *_entry_dates(covered.audit),
        _para("How the fingerprint is made", styles.heading),
        _para(
            f"The records this pack shows and the audit entries about them are embedded in this "
            f"PDF as the file {DATA_FILE_NAME}, written as canonical JSON (keys in order, no "
            "spaces, UTF-8). The fingerprint is the SHA-256 hash of that file. Change one "
            "character of it and the fingerprint no longer matches the one printed on the cover, "
            "on this page and, in short, in every footer.",
            styles.body,
        ),
        _para("Checking it with Work Diary", styles.heading),
        _prose(
            "Run `workdiary verify PACK.pdf`. It says whether the data inside the pack still gives "
            "the printed fingerprint and, where the diary is present, whether any record in the "
            "pack has been changed in the diary since the pack was made, and how.",
            styles.body,
        ),
        _para("Checking it by hand", styles.heading),
        _prose(
            "1. Save the embedded file: from a PDF reader's attachments panel, or with "
            "`pdfdetach -saveall PACK.pdf` (Poppler).",
            styles.body,
        ),
        _prose(
            f"2. Work out its SHA-256: `sha256sum {DATA_FILE_NAME}` (Linux), "
            f"`shasum -a 256 {DATA_FILE_NAME}` (macOS) or "
            f"`certutil -hashfile {DATA_FILE_NAME} SHA256` (Windows).",
            styles.body,
        ),
        _para(
            "3. The result must be the data fingerprint above, character for character.",
            styles.body,
        ),
        _para(
            "4. Each audit entry in the file carries its own hash: the SHA-256 of the canonical "
            "JSON of its seq, recorded_at, entity, entity_key, action, prev_hash and record (the "
            "record as canonical JSON text). prev_hash is the hash of the entry before it in the "
            "diary's chain, and the chain head above is the hash of the diary's last entry when "
            "the pack was made."
            + (
                ""
                if pack.options.include_notes
                else " In this copy the notes in the entries are replaced by “(left out of this "
                "pack)”, so those entries' hashes can only be checked against the diary."
            ),
            styles.body,
        ),
    ]
    return flowables


def _entry_dates(audit: Sequence[AuditRecord]) -> list[Flowable]:
    """Whether the entries' dates can be relied on: each is dated by the computer's clock, and a
    clock put back could make a week logged late look as if it was logged at the time."""
    styles = _styles()
    heading = _para("When the entries were made", styles.heading)
    dated_back = dated_backwards(audit)
    if not dated_back:
        return [
            heading,
            _para(
                "Each audit entry is dated by the clock of the computer it was saved on. Every "
                "entry in this pack is dated after the entry before it (allowing "
                f"{CLOCK_SLACK.seconds // 60} minutes for a clock put right). A clock put back "
                "would show here, as an entry dated earlier than the one before it.",
                styles.body,
            ),
        ]
    one = len(dated_back) == 1
    return [
        heading,
        _para(
            "Each audit entry is dated by the clock of the computer it was saved on. "
            f"{count(len(dated_back), 'entry', 'entries')} in this pack "
            f"{'is' if one else 'are'} dated earlier than the entry before it: the clock was "
            f"wrong, or had been put back, when {'it was' if one else 'they were'} saved, so "
            f"{'its date' if one else 'their dates'}, and whether "
            f"{'its record was' if one else 'their records were'} kept at the time, cannot be "
            "relied on.",
            styles.body,
        ),
        *(_para(f"• {line}", styles.body) for line in dated_back),
    ]
