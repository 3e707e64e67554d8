"""Foreseeability notice and subject access request, as email text and as a dated PDF; no I/O."""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from workdiary.domain.dates import ONE_WEEK, format_day, week_commencing
from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.domain.formatting import (
    MOJ_RUN_WEEKS,
    MOJ_TEST,
    MOJ_THRESHOLD_PCT,
    count,
    format_number,
    is_moj_test,
)
from workdiary.domain.notice import LONG_PERIOD, SHORT_PERIOD, NoticeFigures
from workdiary.domain.records import Concern, ConcernChannel, Profile
from workdiary.evidence.pack_data import MADE_UP
from workdiary.evidence.text import markup, own_paragraphs, unix_lines

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from workdiary.evidence.pdf_library import BaseDocTemplate, Flowable

FORESEEABILITY_SUBJECT = "Foreseeability notice: workload and risk to my health"
ACCESS_REQUEST_SUBJECT = "Subject access request"
# What the footer claims of the figures: where they came from, not that each was entered at the
# time (a week may have been logged late, and a tribunal reading the letter may know it).
FOOTER = "Prepared with Work Diary from the records in my diary"
# A letter written from Work Diary's sample diary (the demo's, or `workdiary demo`'s) carries a
# made-up name and made-up figures that would pass for a real officer's: it says so across the
# top of every page and on the first line of its text, and its footer claims no records kept.
# (One line: it must fit across the top of the page, above a later page's running head.)
DEMONSTRATION_LETTER = (
    "DEMONSTRATION LETTER — sample data, every name, figure and date made up: do not send"
)
DEMONSTRATION_FOOTER = f"Prepared with Work Diary {MADE_UP}"
# Under a letter with no name to print: a line to sign, and one to print the name on by hand.
SIGNATURE_LINES = ("Signed: " + "_" * 32, "Name: " + "_" * 33)


@dataclass(frozen=True)
class NoticeRequest:
    """What a foreseeability notice says: the diary's figures and the officer's own words."""

    profile: Profile
    figures: NoticeFigures
    dated: date
    recipient: str = "Operations Manager"
    copy_to: str = "Napo branch"
    health_effects: str = ""
    asks: str = ""
    # Written from Work Diary's sample diary: the letter says it is a demonstration.
    sample_data: bool = False


@dataclass(frozen=True)
class AccessRequest:
    """A subject access request for the officer's own data over a period (both days included)."""

    profile: Profile
    dated: date
    from_date: date
    to_date: date
    recipient: str = "Data Protection Officer"
    # Written from Work Diary's sample diary: the letter says it is a demonstration.
    sample_data: bool = False

    def __post_init__(self) -> None:
        if self.to_date < self.from_date:
            raise InvalidInput(
                [
                    FieldProblem(
                        "to_date",
                        f"The period ends ({format_day(self.to_date)}) before it starts "
                        f"({format_day(self.from_date)}).",
                    )
                ]
            )


def one_calendar_month_after(day: date) -> date:
    """The same day next month, or that month's last day when it has no such day (the ICO's
    reading of "one calendar month": 31 Jan → 28 or 29 Feb)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# A letter is built once as these blocks, then written out as text or as PDF, so that the two
# can never say different things.


@dataclass(frozen=True)
class _Para:
    text: str


@dataclass(frozen=True)
class _Heading:
    text: str


@dataclass(frozen=True)
class _Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class _OwnWords:
    """The officer's own text: every line break kept, nothing cut."""

    text: str


_Block = _Para | _Heading | _Bullets | _OwnWords


@dataclass(frozen=True)
class _Letter:
    subject: str
    description: str  # the PDF's Subject entry
    dated: date
    recipient: str
    copy_to: str
    name: str  # the officer's, or "" when none was given: a name is never made up
    details: tuple[str, ...]  # role, team: those given
    body: tuple[_Block, ...] = field(default_factory=tuple)
    # DEMONSTRATION_LETTER for a letter of the sample diary, else "" (a real letter as ever).
    demonstration: str = ""

    @property
    def sender(self) -> tuple[str, ...]:
        """What heads the letter: the name, role and team given."""
        return (self.name, *self.details) if self.name else self.details

    @property
    def signature(self) -> tuple[str, ...]:
        """What goes under the closing: the name, or lines to sign and print it on, so that a
        letter written before the profile was set up does not end with nobody's name."""
        return (self.name, *self.details) if self.name else (*SIGNATURE_LINES, *self.details)

    @property
    def salutation(self) -> str:
        return f"Dear {self.recipient}," if self.recipient else "Dear Sir or Madam,"

    @property
    def closing(self) -> str:
        # British usage: "faithfully" to an unnamed reader, "sincerely" to one addressed by role.
        return "Yours sincerely," if self.recipient else "Yours faithfully,"


_CHANNEL_WORDS = {
    ConcernChannel.EMAIL: "by email",
    ConcernChannel.SUPERVISION: "in supervision",
    ConcernChannel.MEETING: "at a meeting",
    ConcernChannel.PHONE: "by phone",
    ConcernChannel.LETTER: "by letter",
    ConcernChannel.FORESEEABILITY_NOTICE: "in a foreseeability notice",
    ConcernChannel.GRIEVANCE: "in a grievance",
    ConcernChannel.WMT_CHALLENGE: "in a challenge to my WMT figure",
    ConcernChannel.ACCESS_REQUEST: "in a subject access request",
}


def _hours(value: float) -> str:
    return f"{format_number(value)} unpaid {'hour' if value == 1 else 'hours'}"


def _concern_line(concern: Concern) -> str:
    raised_with = concern.raised_with.strip()
    with_whom = f", with {raised_with}" if raised_with else ""
    return f"{format_day(concern.raised_on)}{with_whom}, {_CHANNEL_WORDS[concern.channel]}"


# A notice is one page: past this many unanswered concerns, the earlier ones are summed up.
CONCERNS_LISTED = 4


def _concern_lines(concerns: list[Concern]) -> tuple[str, ...]:
    """The most recent unanswered concerns (oldest first), after a line for any earlier ones."""
    earlier, listed = concerns[:-CONCERNS_LISTED], concerns[-CONCERNS_LISTED:]
    lines = [_concern_line(concern) for concern in listed]
    if earlier:
        lines.insert(
            0,
            f"{count(len(earlier), 'earlier concern')}, the first on "
            f"{format_day(earlier[0].raised_on)}",
        )
    return tuple(lines)


OPENING = "I am writing to tell you formally that my workload is putting my health at risk."


def _introduction(figures: NoticeFigures) -> str:
    """The opening, and what the record holds: a diary begun a week or two ago says so, so that
    what follows cannot be read as covering weeks the diary does not hold."""
    logged, first = figures.weeks_logged, figures.first_week
    if logged == 0 or first is None:
        return (
            f"{OPENING} I keep a diary of my workload, but it holds no weekly figures yet, so "
            "this letter gives none. This is what it does show:"
        )
    if logged >= LONG_PERIOD:
        return f"{OPENING} I keep a weekly record of my workload; this is what it shows:"
    # One week is named in the figures that follow; more are said from when.
    held = (
        "one week"
        if logged == 1
        else f"{count(logged, 'week')}, from the week commencing {format_day(first)}"
    )
    return (
        f"{OPENING} I keep a weekly record of my workload; so far it holds {held}. This is what "
        "it shows:"
    )


def _recent(latest: date, dated: date) -> bool:
    """Whether the latest week logged is this week or last (of the letter's date): only then are
    the weeks up to it "the last" weeks, and a run up to it one that "has been"."""
    return latest >= week_commencing(dated) - ONE_WEEK


def _unpaid_line(figures: NoticeFigures, dated: date) -> str | None:
    """The unpaid hours over the last 4 and 12 weeks, saying which weeks they count when not all
    of them were recorded: a total over "the last 12 weeks" from a diary holding two would claim
    ten weeks it does not hold. None when no unpaid hours were recorded."""
    latest = figures.latest_week
    short, long = figures.unpaid_last_4_weeks, figures.unpaid_last_12_weeks
    # Weeks whose unpaid hours were not recorded add nothing, so nought hours may only mean
    # nothing was recorded: the letter claims what was recorded, not an absence.
    if latest is None or not (short or long):
        return None
    in_short = figures.unpaid_weeks_recorded(SHORT_PERIOD)
    in_long = figures.unpaid_weeks_recorded(LONG_PERIOD)
    # "The last 4 weeks" only when they are: the latest week logged may be months ago.
    recent = _recent(latest, dated)
    to_latest = f"to the week commencing {format_day(latest)}"
    first = f"the last {SHORT_PERIOD} weeks" if recent else f"the {SHORT_PERIOD} weeks {to_latest}"
    long_alone = (
        f"the last {LONG_PERIOD} weeks" if recent else f"the {LONG_PERIOD} weeks {to_latest}"
    )
    second = f"the last {LONG_PERIOD} weeks" if recent else f"the {LONG_PERIOD} weeks to that week"
    if in_short == SHORT_PERIOD and in_long == LONG_PERIOD:
        return f"I worked {_hours(short)} in {first}, and {_hours(long)} in {second}."
    if in_long == 1:
        [monday] = figures.unpaid_recorded
        return f"I worked {_hours(long)} in the week commencing {format_day(monday)}."
    if in_long == figures.weeks_logged:  # every week the diary holds, and no more
        held = f"the {count(in_long, 'week')} my diary holds"
        if in_short == SHORT_PERIOD and in_long > SHORT_PERIOD:
            return f"I worked {_hours(short)} in {first}, and {_hours(long)} in {held}."
        return f"I worked {_hours(long)} in {held}."
    if in_short == in_long:  # none recorded before the last 4 weeks: the two totals are one
        if in_short == SHORT_PERIOD:
            return f"I worked {_hours(short)} in {first}."
        return (
            f"I worked {_hours(short)} in {first}, counting only the {in_short} of them whose "
            "unpaid hours I recorded."
        )
    if in_short == 0:
        return (
            f"I worked {_hours(long)} in {long_alone}, counting only the {in_long} of them whose "
            "unpaid hours I recorded."
        )
    some = "all" if in_short == SHORT_PERIOD else str(in_short)
    return (
        f"I worked {_hours(short)} in {first}, and {_hours(long)} in {second}, counting only "
        f"the weeks whose unpaid hours I recorded: {some} of the {SHORT_PERIOD}, and {in_long} "
        f"of the {LONG_PERIOD}."
    )


def _figure_lines(figures: NoticeFigures, profile: Profile, dated: date) -> list[str]:
    """The diary's figures in sentences; a figure the diary does not hold is left out, and none
    claims more weeks than the diary holds."""
    lines = []
    threshold = f"{format_number(figures.threshold_pct)} %"
    if figures.latest_week is not None and figures.latest_capacity_pct is not None:
        capacity = (
            f"My {'latest ' if figures.weeks_logged > 1 else ''}WMT capacity figure is "
            f"{format_number(figures.latest_capacity_pct)} %, for the week commencing "
            f"{format_day(figures.latest_week)}."
        )
        run = figures.weeks_over_in_a_row
        if run == 0:
            capacity += f" That is under the {threshold} threshold."
        elif run == 1:
            capacity += f" That is at or over the {threshold} threshold."
        lines.append(capacity)
        if run > 1:
            line = (
                f"It has been at or over the {threshold} threshold for {run} consecutive weeks"
                if _recent(figures.latest_week, dated)
                else f"It was at or over the {threshold} threshold for {run} consecutive weeks "
                "to that week"
            )
            # A run that starts with the diary may have started before it: said so, the run is
            # not read as one that began that week.
            if run == figures.weeks_logged:
                line += f", {'both' if run == 2 else 'all'} the weeks my diary holds"
            line += "."
            if run >= profile.run_weeks:
                test = f"{profile.run_weeks} or more consecutive weeks at or over {threshold}"
                # Only the MoJ's own line and run are the MoJ's test; any other is the officer's,
                # which implies the MoJ's only when it is at least as strict on both counts.
                own = replace(profile, threshold_pct=figures.threshold_pct)
                if is_moj_test(own):
                    line += f" That meets the test for excessive workload: {test}."
                elif own.threshold_pct >= MOJ_THRESHOLD_PCT and own.run_weeks >= MOJ_RUN_WEEKS:
                    line += (
                        f" That meets my own test for excessive workload, {test}, and so the "
                        f"MoJ's too: {MOJ_TEST}."
                    )
                else:
                    line += (
                        f" That meets my own test for excessive workload: {test} (the MoJ's "
                        f"line is {MOJ_TEST})."
                    )
            lines.append(line)
        unpaid = _unpaid_line(figures, dated)
        if unpaid is not None:
            lines.append(unpaid)
    if figures.last_supervision is not None:
        line = f"My last supervision was on {format_day(figures.last_supervision)}"
        if figures.days_since_supervision is not None:
            line += f", {count(figures.days_since_supervision, 'day')} ago"
        line += "."
        if profile.supervision_interval_weeks:
            line += (
                " I should have supervision every "
                f"{count(profile.supervision_interval_weeks, 'week')}."
            )
        lines.append(line)
    else:
        lines.append("My diary has no supervision held on record.")
    return lines


def _details(profile: Profile) -> tuple[str, ...]:
    return tuple(part.strip() for part in (profile.role, profile.team) if part.strip())


def _notice_letter(request: NoticeRequest) -> _Letter:
    figures = request.figures
    body: list[_Block] = [
        _Para(_introduction(figures)),
        _Bullets(tuple(_figure_lines(figures, request.profile, request.dated))),
    ]
    if figures.unanswered_concerns:
        body.append(
            _Para(
                "I have raised my workload before, and have not had an answer to "
                + ("this concern:" if len(figures.unanswered_concerns) == 1 else "these concerns:")
            )
        )
        body.append(_Bullets(_concern_lines(figures.unanswered_concerns)))
    if request.health_effects.strip():
        body += [
            _Heading("How my workload is affecting my health"),
            _OwnWords(unix_lines(request.health_effects)),
        ]
    if request.asks.strip():
        body += [_Heading("What I am asking for"), _OwnWords(unix_lines(request.asks))]
    body += [
        _Para(
            "Please reply to me in writing, and carry out a risk assessment of my workload and "
            "its effect on my health."
        ),
        _Para("I am keeping a copy of this letter."),
    ]
    return _Letter(
        subject=FORESEEABILITY_SUBJECT,
        description="Notice to my employer that my workload is putting my health at risk",
        dated=request.dated,
        recipient=request.recipient.strip(),
        copy_to=request.copy_to.strip(),
        name=request.profile.name.strip(),
        details=_details(request.profile),
        body=tuple(body),
        demonstration=DEMONSTRATION_LETTER if request.sample_data else "",
    )


def _access_letter(request: AccessRequest) -> _Letter:
    period = f"from {format_day(request.from_date)} to {format_day(request.to_date)}"
    due = one_calendar_month_after(request.dated)
    body: tuple[_Block, ...] = (
        _Para(
            "I am making a subject access request under Article 15 of the UK General Data "
            "Protection Regulation and the Data Protection Act 2018."
        ),
        _Para(
            "Please send me a copy of the personal data you hold about me for the period "
            f"{period}, including:"
        ),
        _Bullets(
            (
                "Workload Measurement Tool (WMT) records and capacity reports about me;",
                "decisions about allocating work to me, and the reasons recorded for them;",
                "my supervision records and notes;",
                "correspondence, including emails and messages, about my workload or my health.",
            )
        ),
        _Para(
            "Please send it in a commonly used electronic form, and tell me also why this data is "
            "processed, who it has been shared with, how long it will be kept and where it came "
            "from, as Article 15 provides."
        ),
        _Para(
            "You have one calendar month from receiving this request to respond. If it reaches "
            f"you on {format_day(request.dated)}, your response is due by {format_day(due)}. "
            "A subject access request is free of charge."
        ),
        _Para(
            "If you need anything more from me to find the information or to confirm who I am, "
            "please let me know promptly."
        ),
    )
    return _Letter(
        subject=ACCESS_REQUEST_SUBJECT,
        description=f"Request for a copy of my personal data {period}",
        dated=request.dated,
        recipient=request.recipient.strip(),
        copy_to="",
        name=request.profile.name.strip(),
        details=_details(request.profile),
        body=body,
        demonstration=DEMONSTRATION_LETTER if request.sample_data else "",
    )


# Plain text, for pasting into an email: no hard line breaks, since mail programs wrap lines.


def _as_text(letter: _Letter) -> str:
    header = [f"To: {letter.recipient}"] if letter.recipient else []
    if letter.copy_to:
        header.append(f"Copy to: {letter.copy_to}")
    header += [f"Date: {format_day(letter.dated)}", f"Subject: {letter.subject}"]
    parts = ["\n".join(header), letter.salutation]
    if letter.demonstration:
        parts.insert(0, letter.demonstration)
    for block in letter.body:
        if isinstance(block, _Bullets):
            parts.append("\n".join(f"- {item}" for item in block.items))
        elif isinstance(block, _OwnWords):
            parts.append(block.text.strip())
        else:
            parts.append(block.text)
    parts += [letter.closing, "\n".join(letter.signature)]
    return "\n\n".join(parts) + "\n"


def foreseeability_notice_text(request: NoticeRequest) -> str:
    """The notice as plain text, ready to paste into an email."""
    return _as_text(_notice_letter(request))


def access_request_text(request: AccessRequest) -> str:
    """The subject access request as plain text, ready to paste into an email."""
    return _as_text(_access_letter(request))


# PDF: one A4 letter, laid out by Platypus so long text wraps and flows to a second page rather
# than being cut or shrunk. Every string is escaped before it reaches a Paragraph: ours carry no
# markup, and the officer's may contain <, & and > that reportlab would read as markup.

_MM = 72 / 25.4
_MARGIN_SIDE = 25 * _MM
_MARGIN_TOP = 22 * _MM
_MARGIN_BOTTOM = 20 * _MM
_FOOTER_BASELINE = 13 * _MM
_HEADER_FROM_TOP = 13 * _MM
# Room for a heading or a lead-in sentence and three lines of what follows it.
_KEEP_WITH_TEXT = 72


def _story(letter: _Letter) -> list[Flowable]:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    from workdiary.evidence.fonts import BOLD, paragraph_style
    from workdiary.evidence.pdf_library import CondPageBreak, KeepTogether, Paragraph, Spacer

    body = paragraph_style("Body", fontSize=10.5, leading=14.5, spaceAfter=7)
    address = paragraph_style("Address", fontSize=10.5, leading=14)
    signature_name = paragraph_style("SignatureName", font=BOLD, parent=address)
    sender = paragraph_style("Sender", fontSize=10.5, leading=14, alignment=TA_RIGHT)
    sender_name = paragraph_style("SenderName", font=BOLD, parent=sender)
    subject = paragraph_style("Subject", font=BOLD, fontSize=11.5, leading=15, spaceAfter=12)
    heading = paragraph_style(
        "Heading",
        font=BOLD,
        fontSize=10.5,
        leading=14.5,
        spaceBefore=7,
        spaceAfter=3,
    )
    bullet_style = paragraph_style(
        "Bullet", fontSize=10.5, leading=14.5, spaceAfter=4, leftIndent=14, bulletIndent=3
    )

    def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
        return Paragraph(markup(text, style.fontName), style, bulletText=bullet)

    story: list[Flowable] = []
    for index, line in enumerate(letter.sender):
        story.append(para(line, sender_name if letter.name and index == 0 else sender))
    story += [Spacer(1, 10), para(format_day(letter.dated), sender), Spacer(1, 14)]
    if letter.recipient:
        story.append(para(f"To: {letter.recipient}", address))
    if letter.copy_to:
        story.append(para(f"Copy to: {letter.copy_to}", address))
    story += [Spacer(1, 16), para(letter.subject, subject)]
    story.append(para(letter.salutation, body))
    for position, block in enumerate(letter.body):
        if isinstance(block, _Bullets):
            story += [para(item, bullet_style, "•") for item in block.items]
            story.append(Spacer(1, 4))
        elif isinstance(block, _Heading):
            # A heading is not left alone at the foot of a page. (keepWithNext would carry it,
            # with the whole of a long text after it, to the next page and leave a gap.)
            story += [CondPageBreak(_KEEP_WITH_TEXT), para(block.text, heading)]
        elif isinstance(block, _OwnWords):
            story += [para(part, body) for part in own_paragraphs(block.text)]
        else:
            following = letter.body[position + 1 : position + 2]
            if following and isinstance(following[0], _Bullets):
                # Likewise a sentence that introduces a list, and the list's first lines.
                story.append(CondPageBreak(_KEEP_WITH_TEXT))
            story.append(para(block.text, body))
    # The closing and the name under it are never split across a page break.
    signature: list[Flowable] = [para(letter.closing, body), Spacer(1, 28)]
    if letter.name:
        signature.append(para(letter.name, signature_name))
    else:
        # Lines to write on by hand, with room to write between them.
        for line in SIGNATURE_LINES:
            signature += [para(line, address), Spacer(1, 16)]
    signature += [para(line, address) for line in letter.details]
    story += [Spacer(1, 4), KeepTogether(signature)]
    return story


def _render(letter: _Letter, pages: int | None) -> tuple[bytes, int]:
    """One build of the PDF; `pages` is the total to print in footers (unknown on a first pass)."""
    from reportlab.lib.colors import Color
    from reportlab.lib.pagesizes import A4

    from workdiary import __version__
    from workdiary.evidence.fonts import ITALIC, document_options, printable
    from workdiary.evidence.pack_render import draw_demonstration
    from workdiary.evidence.pdf_library import SimpleDocTemplate

    grey = Color(0.35, 0.35, 0.35)

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(ITALIC, 8)
        canvas.setFillColor(grey)
        canvas.drawString(
            _MARGIN_SIDE,
            _FOOTER_BASELINE,
            DEMONSTRATION_FOOTER if letter.demonstration else FOOTER,
        )
        if pages is not None:
            number = f"Page {canvas.getPageNumber()} of {pages}"
            canvas.drawRightString(A4[0] - _MARGIN_SIDE, _FOOTER_BASELINE, number)
        if doc.page > 1:
            # A page that strays from the first still says whose letter it is, and of when.
            canvas.drawString(_MARGIN_SIDE, A4[1] - _HEADER_FROM_TOP, running_head)
        if letter.demonstration:
            draw_demonstration(canvas, letter.demonstration)
        canvas.restoreState()

    running_head = printable(
        " · ".join(
            [letter.name, letter.subject, format_day(letter.dated)]
            if letter.name
            else [letter.subject, format_day(letter.dated)]
        ),
        ITALIC,
    )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN_SIDE,
        rightMargin=_MARGIN_SIDE,
        topMargin=_MARGIN_TOP,
        bottomMargin=_MARGIN_BOTTOM,
        # As a pack's: a reader's title bar and a list of files say it before the page does.
        title=(
            f"{letter.demonstration}. {letter.subject}" if letter.demonstration else letter.subject
        ),
        author=printable(letter.name),
        subject=letter.description,
        creator=f"Work Diary {__version__}",
        lang="en-GB",
        **document_options(),
    )
    doc.build(_story(letter), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue(), doc.page


def _as_pdf(letter: _Letter) -> bytes:
    # Two passes: the first counts the pages, so the second can print "Page 1 of 2" and a
    # reader can see that nothing is missing.
    _, pages = _render(letter, None)
    pdf, _ = _render(letter, pages)
    return pdf


def foreseeability_notice_pdf(request: NoticeRequest) -> bytes:
    """The notice as a dated A4 PDF: one page, unless the officer's words need a second."""
    return _as_pdf(_notice_letter(request))


def access_request_pdf(request: AccessRequest) -> bytes:
    """The subject access request as a dated A4 PDF."""
    return _as_pdf(_access_letter(request))
