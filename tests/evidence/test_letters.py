"""The foreseeability notice and the subject access request, as text and as PDF read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PageObject
from pypdf.generic import DictionaryObject

from tests.evidence.pdf_reading import (
    BASE_14,
    fonts_used,
    pdf_text,
    reader,
    without_subset_tag,
)
from tests.processes import modules_loaded
from workdiary import __version__
from workdiary.domain.errors import InvalidInput
from workdiary.domain.notice import NoticeFigures, notice_figures
from workdiary.domain.records import Concern, ConcernChannel, Profile, Recorded, Week
from workdiary.evidence.letters import (
    DEMONSTRATION_FOOTER,
    DEMONSTRATION_LETTER,
    FOOTER,
    FORESEEABILITY_SUBJECT,
    AccessRequest,
    NoticeRequest,
    access_request_pdf,
    access_request_text,
    foreseeability_notice_pdf,
    foreseeability_notice_text,
    one_calendar_month_after,
)

WELSH_NAME = "Rhiannon Llŷr"
HEALTH = (
    "I wake at 4am thinking about cases & cannot get back to sleep.\n"
    "My GP says my blood pressure is up; mae'n anodd — ŵ ŷ.\n\n"
    "Some weeks I work <50 hours> and still fall behind."
)
ASKS = "A workload review & my cases brought under 100 % <within a month>."
DATED = date(2026, 11, 23)

PROFILE = Profile(
    name=WELSH_NAME,
    role="Probation Officer",
    team="Caerdydd & Bro <North>",
    supervision_interval_weeks=4,
)
CONCERNS = [
    Concern(date(2026, 9, 2), "SPO (JB)", ConcernChannel.EMAIL, "Caseload too high"),
    Concern(date(2026, 10, 14), "Ops <Mgr> & HR", ConcernChannel.SUPERVISION, "Still too high"),
]
# What a diary kept for most of a year holds: the figures below speak of none it does not.
LONG_RECORD = {
    "weeks_logged": 40,
    "first_week": date(2026, 2, 9),
    "unpaid_recorded": tuple(date(2026, 11, 16) - timedelta(weeks=back) for back in range(12)),
}
FIGURES = NoticeFigures(
    latest_week=date(2026, 11, 16),
    latest_capacity_pct=132.5,
    threshold_pct=110.0,
    weeks_over_in_a_row=6,
    unpaid_last_4_weeks=22.5,
    unpaid_last_12_weeks=61.0,
    last_supervision=date(2026, 9, 1),
    days_since_supervision=83,
    unanswered_concerns=CONCERNS,
    **LONG_RECORD,  # type: ignore[arg-type]
)
EMPTY_FIGURES = NoticeFigures(None, None, 110.0, 0, 0.0, 0.0, None, None, [], 0, None, ())

# What the letter must say, in both its forms, about the figures above.
FIGURE_PHRASES = [
    "132.5 %",
    "week commencing Mon 16 Nov 2026",
    "at or over the 110 % threshold for 6 consecutive weeks",
    "22.5 unpaid hours in the last 4 weeks",
    "61 unpaid hours in the last 12 weeks",
    "My last supervision was on Tue 01 Sep 2026, 83 days ago",
    "Wed 02 Sep 2026, with SPO (JB), by email",
    "Wed 14 Oct 2026, with Ops <Mgr> & HR, in supervision",
]


def notice(**changes: object) -> NoticeRequest:
    values: dict[str, object] = {
        "profile": PROFILE,
        "figures": FIGURES,
        "dated": DATED,
        "health_effects": HEALTH,
        "asks": ASKS,
    }
    values.update(changes)
    return NoticeRequest(**values)  # type: ignore[arg-type]


ACCESS = AccessRequest(
    profile=PROFILE, dated=date(2026, 11, 22), from_date=date(2024, 1, 1), to_date=DATED
)


def flat(text: str) -> str:
    return " ".join(text.split())


# The notice as text


def test_the_notice_text_is_a_dated_letter_to_the_manager_copied_to_the_branch() -> None:
    text = foreseeability_notice_text(notice())
    assert text.startswith(
        "To: Operations Manager\nCopy to: Napo branch\nDate: Mon 23 Nov 2026\n"
        f"Subject: {FORESEEABILITY_SUBJECT}\n\nDear Operations Manager,\n"
    )
    assert "my workload is putting my health at risk" in text
    assert text.rstrip().endswith(
        f"Yours sincerely,\n\n{WELSH_NAME}\nProbation Officer\nCaerdydd & Bro <North>"
    )


def test_the_notice_text_sets_out_the_figures_from_the_diary() -> None:
    text = flat(foreseeability_notice_text(notice()))
    for phrase in FIGURE_PHRASES:
        assert phrase in text
    assert "I should have supervision every 4 weeks" in text
    assert "That meets the test for excessive workload" in text


def test_the_notice_text_carries_the_officers_own_words_exactly() -> None:
    text = foreseeability_notice_text(notice())
    assert HEALTH in text and ASKS in text
    assert "in writing" in text and "risk assessment" in text
    assert "I am keeping a copy of this letter." in text


def test_windows_line_breaks_in_the_officers_words_become_plain_ones() -> None:
    text = foreseeability_notice_text(notice(health_effects="One.\r\nTwo.\rThree."))
    assert "One.\nTwo.\nThree." in text and "\r" not in text


def test_figures_the_diary_does_not_hold_are_left_out_not_written_as_none() -> None:
    text = foreseeability_notice_text(
        notice(figures=EMPTY_FIGURES, profile=Profile(name="A N Other"), health_effects="", asks="")
    )
    assert "None" not in text and "capacity" not in text and "unpaid" not in text
    assert "My diary has no supervision held on record." in text
    assert "have not had an answer" not in text
    assert "How my workload" not in text and "What I am asking for" not in text
    assert text.rstrip().endswith("Yours sincerely,\n\nA N Other")


def test_unpaid_hours_are_left_out_when_none_were_recorded() -> None:
    figures = NoticeFigures(
        date(2026, 11, 16), 120.0, 110.0, 1, 0.0, 0.0, None, None, [], **LONG_RECORD
    )  # type: ignore[arg-type]
    assert "unpaid" not in foreseeability_notice_text(notice(figures=figures))


@pytest.mark.parametrize(
    ("capacity", "run", "says", "does_not_say"),
    [
        (98.0, 0, "That is under the 110 % threshold.", "consecutive"),
        (115.0, 1, "That is at or over the 110 % threshold.", "consecutive"),
        (115.0, 3, "for 3 consecutive weeks.", "excessive"),
        (115.0, 4, "That meets the test for excessive workload: 4 or more", "under the"),
    ],
)
def test_the_run_of_weeks_over_the_threshold_is_told_as_it_is(
    capacity: float, run: int, says: str, does_not_say: str
) -> None:
    figures = NoticeFigures(
        date(2026, 11, 16), capacity, 110.0, run, 5.0, 5.0, None, None, [], **LONG_RECORD
    )  # type: ignore[arg-type]
    text = flat(foreseeability_notice_text(notice(figures=figures)))
    assert says in text and does_not_say not in text


def test_another_recipient_and_branch_are_named_in_the_letter() -> None:
    text = foreseeability_notice_text(notice(recipient="Head of Service", copy_to="Unison"))
    assert "To: Head of Service\nCopy to: Unison\n" in text
    assert "Dear Head of Service," in text


# The notice as PDF


def test_the_notice_pdf_sets_out_the_same_figures_and_words() -> None:
    text = pdf_text(foreseeability_notice_pdf(notice()))
    for phrase in [
        *FIGURE_PHRASES,
        FORESEEABILITY_SUBJECT,
        "Mon 23 Nov 2026",
        "To: Operations Manager",
        "Copy to: Napo branch",
        flat(HEALTH),
        flat(ASKS),
        "Caerdydd & Bro <North>",
        FOOTER,
    ]:
        assert phrase in text


def test_welsh_letters_and_markup_characters_survive_as_text() -> None:
    text = pdf_text(foreseeability_notice_pdf(notice()))
    assert text.count(WELSH_NAME) >= 2  # at the top and under the signature
    assert "ŵ ŷ" in text
    assert "<50 hours>" in text and "cases & cannot" in text


def test_text_that_looks_like_markup_is_printed_not_obeyed() -> None:
    tricky = "<b>bold?</b> <font name='Helvetica'>x</font> &amp; <br/> &#169;"
    pdf = foreseeability_notice_pdf(notice(health_effects=tricky))
    assert tricky in pdf_text(pdf)
    assert not {without_subset_tag(font.name) for font in fonts_used(pdf)} & BASE_14


def test_the_notice_with_ordinary_text_is_exactly_one_page() -> None:
    pdf = reader(foreseeability_notice_pdf(notice()))
    assert len(pdf.pages) == 1
    assert "Page 1 of 1" in pdf.pages[0].extract_text()
    width, height = (float(value) for value in pdf.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_a_long_list_of_unanswered_concerns_is_summed_up_to_keep_one_page() -> None:
    many = [
        Concern(date(2025, month, 3), "SPO (JB)", ConcernChannel.EMAIL, "Caseload too high")
        for month in range(1, 13)
    ]
    figures = NoticeFigures(**{**FIGURES.__dict__, "unanswered_concerns": many})
    request = notice(figures=figures, health_effects="I sleep badly.")
    assert len(reader(foreseeability_notice_pdf(request)).pages) == 1
    text = foreseeability_notice_text(request)
    assert "8 earlier concerns, the first on Fri 03 Jan 2025" in text
    assert "Wed 03 Dec 2025, with SPO (JB), by email" in text  # the latest is listed


def test_a_long_account_of_health_flows_on_to_more_pages_and_none_of_it_is_lost() -> None:
    sentences = [
        f"Week {n}: I could not switch off & my sleep was <broken>; ŵ ŷ {n * 7}."
        for n in range(200)
    ]
    health = " ".join(sentences)[:4990] + " DIWEDD."
    assert len(health) >= 4990
    pdf = foreseeability_notice_pdf(notice(health_effects=health))
    pages = reader(pdf).pages
    assert len(pages) >= 2
    text = pdf_text(pdf)
    assert f"Page 1 of {len(pages)}" in text and f"Page {len(pages)} of {len(pages)}" in text
    # Each later page is headed with whose letter it is, and of when.
    running_head = f"{WELSH_NAME} · {FORESEEABILITY_SUBJECT} · Mon 23 Nov 2026"
    assert running_head in pages[1].extract_text()
    furniture = [re.escape(FOOTER), r"Page \d+ of \d+", re.escape(running_head)]
    text = pdf_text(pdf, furniture)
    assert flat(health) in text
    # The signature is there too, after the officer's words.
    assert text.index("DIWEDD.") < text.rindex(WELSH_NAME)


def test_a_character_the_font_cannot_draw_is_named_not_silently_dropped() -> None:
    text = pdf_text(foreseeability_notice_pdf(notice(health_effects="Tired 我 always.")))
    assert "Tired [CJK UNIFIED IDEOGRAPH-6211] always." in text
    assert "\ufffd" not in text


def test_an_emoji_is_named_rather_than_read_back_as_another_character() -> None:
    # The font has a glyph for it, but a PDF reader would copy it out as a different character.
    text = pdf_text(foreseeability_notice_pdf(notice(health_effects="Tired \U0001f629 always.")))
    assert "Tired [WEARY FACE] always." in text


def test_a_character_that_acts_instead_of_showing_is_named_not_hidden() -> None:
    """A right-to-left override would reverse the words after it, a zero-width space hide; an
    escape pasted in showed as �. In a record, what is there must be seen."""
    typed = "Tired\x1b[2J \u202eevil\u200b always."
    text = pdf_text(foreseeability_notice_pdf(notice(health_effects=typed)))
    assert "Tired[U+001B][2J [U+202E]evil[U+200B] always." in text


def test_the_pdf_metadata_names_the_letter_and_its_author() -> None:
    metadata = reader(foreseeability_notice_pdf(notice())).metadata
    assert metadata is not None
    assert metadata.title == FORESEEABILITY_SUBJECT
    assert metadata.author == WELSH_NAME
    assert metadata.subject and "health" in metadata.subject
    assert metadata.creator == f"Work Diary {__version__}"


# The subject access request


def test_one_calendar_month_after_keeps_the_day_or_takes_the_months_last() -> None:
    assert one_calendar_month_after(date(2026, 11, 22)) == date(2026, 12, 22)
    assert one_calendar_month_after(date(2026, 12, 15)) == date(2027, 1, 15)
    assert one_calendar_month_after(date(2027, 1, 31)) == date(2027, 2, 28)
    assert one_calendar_month_after(date(2028, 1, 31)) == date(2028, 2, 29)
    assert one_calendar_month_after(date(2027, 3, 31)) == date(2027, 4, 30)


ACCESS_PHRASES = [
    "To: Data Protection Officer",
    "Date: Sun 22 Nov 2026",
    "Subject: Subject access request",
    "Dear Data Protection Officer,",
    "Article 15 of the UK General Data Protection Regulation and the Data Protection Act 2018",
    "from Mon 01 Jan 2024 to Mon 23 Nov 2026",
    "Workload Measurement Tool (WMT) records and capacity reports about me",
    "decisions about allocating work to me, and the reasons recorded for them",
    "my supervision records and notes",
    "about my workload or my health",
    "one calendar month",
    "your response is due by Tue 22 Dec 2026",
    "free of charge",
    WELSH_NAME,
    "Caerdydd & Bro <North>",
]


def test_the_access_request_text_asks_for_the_officers_data_for_the_period() -> None:
    text = flat(access_request_text(ACCESS))
    for phrase in ACCESS_PHRASES:
        assert phrase in text
    assert "Copy to" not in text


def test_the_access_request_pdf_says_the_same() -> None:
    pdf = access_request_pdf(ACCESS)
    text = pdf_text(pdf)
    for phrase in ACCESS_PHRASES:
        assert phrase.removeprefix("Date: ").removeprefix("Subject: ") in text
    assert len(reader(pdf).pages) == 1
    metadata = reader(pdf).metadata
    assert metadata is not None and metadata.author == WELSH_NAME
    assert metadata.title == "Subject access request"
    assert metadata.creator == f"Work Diary {__version__}"


def test_an_access_request_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidInput, match="ends"):
        AccessRequest(PROFILE, DATED, from_date=date(2026, 5, 1), to_date=date(2026, 4, 30))


# Fonts: every one embedded, none of the viewer's own


@pytest.mark.parametrize(
    "make",
    [
        lambda: foreseeability_notice_pdf(notice()),
        lambda: foreseeability_notice_pdf(notice(health_effects="ŵ " * 2500)),
        lambda: foreseeability_notice_pdf(
            notice(figures=EMPTY_FIGURES, profile=Profile(), health_effects="", asks="")
        ),
        lambda: access_request_pdf(ACCESS),
    ],
    ids=["notice", "long-notice", "empty-notice", "access-request"],
)
def test_every_font_on_every_page_is_embedded_and_none_is_base_14(
    make: Callable[[], bytes],
) -> None:
    pdf = make()
    fonts = fonts_used(pdf)
    assert fonts, "a letter with text uses fonts"
    for font in fonts:
        assert font.truetype_embedded, f"{font.name} is not embedded"
        assert without_subset_tag(font.name) not in BASE_14
        assert without_subset_tag(font.name).startswith("DejaVuSans")
    # Nothing elsewhere in the file names a base-14 font either (reportlab writes font
    # dictionaries uncompressed, so a Helvetica fallback would show here).
    for name in BASE_14:
        assert f"/BaseFont /{name}".encode() not in pdf


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
def test_poppler_agrees_every_font_is_embedded(tmp_path: Path) -> None:
    path = tmp_path / "notice.pdf"
    path.write_bytes(foreseeability_notice_pdf(notice()))
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        name, columns = line.split()[0], line.split()
        assert "DejaVuSans" in name
        # emb sub uni: the first "yes"/"no" column is "emb".
        flags = [column for column in columns if column in ("yes", "no")]
        assert flags[0] == "yes", line


# Layers


def test_importing_the_letters_loads_no_qt_no_storage_and_not_yet_reportlab() -> None:
    code = "import workdiary.evidence.letters"
    assert modules_loaded(code, ("PySide6", "reportlab", "workdiary.storage")) == []


def test_reportlab_is_loaded_when_a_pdf_is_made() -> None:
    # The other side of the probe above: the same check does see reportlab once it is used.
    code = (
        "from datetime import date; from workdiary.domain.records import Profile; "
        "from workdiary.evidence.letters import AccessRequest, access_request_pdf; "
        "access_request_pdf(AccessRequest(Profile(), date(2026, 1, 1), date(2025, 1, 1), "
        "date(2025, 12, 31)))"
    )
    loaded = modules_loaded(code, ("PySide6", "reportlab"))
    assert "reportlab" in loaded and not any(m.startswith("PySide6") for m in loaded)


@pytest.mark.parametrize(
    ("threshold", "run_weeks", "says"),
    [
        (
            130.0,
            4,
            "That meets my own test for excessive workload, 4 or more consecutive weeks at or "
            "over 130 %, and so the MoJ's too: 110 % for 4 consecutive weeks.",
        ),
        (
            100.0,
            4,
            "That meets my own test for excessive workload: 4 or more consecutive weeks at or "
            "over 100 % (the MoJ's line is 110 % for 4 consecutive weeks).",
        ),
        (
            110.0,
            3,
            "That meets my own test for excessive workload: 3 or more consecutive weeks at or "
            "over 110 % (the MoJ's line is 110 % for 4 consecutive weeks).",
        ),
    ],
)
def test_a_threshold_of_the_officers_own_is_not_called_the_test(
    threshold: float, run_weeks: int, says: str
) -> None:
    profile = Profile(name=WELSH_NAME, threshold_pct=threshold, run_weeks=run_weeks)
    figures = NoticeFigures(
        date(2026, 11, 16), 140.0, threshold, 6, 5.0, 5.0, None, None, [], **LONG_RECORD
    )  # type: ignore[arg-type]
    request = notice(profile=profile, figures=figures)
    for text in (
        flat(foreseeability_notice_text(request)),
        flat(pdf_text(foreseeability_notice_pdf(request))),
    ):
        assert says in text
        assert "meets the test for excessive workload" not in text


# A diary begun only lately: the letter claims no week the diary does not hold.

LATEST = date(2026, 11, 16)  # the week before the letter's


def figures_of(*logged: tuple[int, float, float | None]) -> NoticeFigures:
    """The figures of a diary holding the weeks given, each as (weeks before 16 Nov 2026,
    capacity, unpaid hours or None)."""
    moment = datetime(2026, 11, 20, tzinfo=UTC)
    weeks = [
        Recorded(
            str(i),
            Week(LATEST - timedelta(weeks=back), capacity, unpaid_hours=unpaid),
            moment,
            moment,
            1,
            0,
        )
        for i, (back, capacity, unpaid) in enumerate(logged)
    ]
    return notice_figures(weeks, [], [], Profile(), DATED)


def both_forms(request: NoticeRequest) -> list[str]:
    return [
        flat(foreseeability_notice_text(request)),
        flat(pdf_text(foreseeability_notice_pdf(request))),
    ]


# Words that, from a diary of a week or two, would claim weeks it does not hold.
OVERSTATING = ["last 4 weeks", "last 12 weeks", "latest", "consecutive"]


def test_a_diary_of_one_week_says_so_and_speaks_of_that_week_alone() -> None:
    request = notice(figures=figures_of((0, 132.5, 6.0)))
    for text in both_forms(request):
        assert (
            "I keep a weekly record of my workload; so far it holds one week. This is what it "
            "shows: • My WMT capacity figure is 132.5 %, for the week commencing Mon 16 Nov "
            "2026. That is at or over the 110 % threshold. • I worked 6 unpaid hours in the "
            "week commencing Mon 16 Nov 2026." in text.replace("- ", "• ")
        )
        assert not [words for words in OVERSTATING if words in text]


def test_a_run_as_long_as_the_diary_says_it_may_have_begun_before_it() -> None:
    request = notice(figures=figures_of((0, 132.5, 6.0), (1, 120.0, 4.0)))
    for text in both_forms(request):
        assert "so far it holds 2 weeks, from the week commencing Mon 09 Nov 2026" in text
        assert (
            "It has been at or over the 110 % threshold for 2 consecutive weeks, both the weeks "
            "my diary holds." in text
        )
        assert "I worked 10 unpaid hours in the 2 weeks my diary holds." in text
        assert "last 4 weeks" not in text and "last 12 weeks" not in text

    six = notice(figures=figures_of(*[(back, 120.0, 2.0) for back in range(6)]))
    for text in both_forms(six):
        assert "for 6 consecutive weeks, all the weeks my diary holds. That meets the test" in text
        assert (
            "I worked 8 unpaid hours in the last 4 weeks, and 12 unpaid hours in the 6 weeks my "
            "diary holds." in text
        )


def test_unpaid_hours_not_recorded_for_every_week_are_counted_as_they_were() -> None:
    few = notice(figures=figures_of((0, 132.5, 6.0), (1, 120.0, None), (2, 100.0, 3.0)))
    for text in both_forms(few):
        assert (
            "I worked 9 unpaid hours in the last 4 weeks, counting only the 2 of them whose "
            "unpaid hours I recorded." in text
        )
        assert "for 2 consecutive weeks." in text  # the diary holds a week before the run

    # A long diary with a week missed: the totals say which weeks they count.
    missed = notice(figures=figures_of(*[(back, 120.0, 2.0) for back in range(20) if back != 5]))
    for text in both_forms(missed):
        assert "I keep a weekly record of my workload; this is what it shows:" in text
        assert (
            "I worked 8 unpaid hours in the last 4 weeks, and 22 unpaid hours in the last 12 "
            "weeks, counting only the weeks whose unpaid hours I recorded: all of the 4, and 11 "
            "of the 12." in text
        )


def test_weeks_logged_long_ago_are_not_called_the_last_weeks() -> None:
    # The latest week logged is seven months before the letter.
    request = notice(figures=figures_of(*[(back + 30, 120.0, 2.0) for back in range(20)]))
    for text in both_forms(request):
        assert (
            "My latest WMT capacity figure is 120 %, for the week commencing Mon 20 Apr 2026."
            in text
        )
        assert "It was at or over the 110 % threshold for 20 consecutive weeks to that week" in text
        assert (
            "I worked 8 unpaid hours in the 4 weeks to the week commencing Mon 20 Apr 2026, and "
            "24 unpaid hours in the 12 weeks to that week." in text
        )
        assert "last" not in text.replace("My last supervision", "")


def test_a_diary_with_no_weeks_says_the_letter_gives_no_figures() -> None:
    request = notice(figures=figures_of())
    for text in both_forms(request):
        assert (
            "I keep a diary of my workload, but it holds no weekly figures yet, so this letter "
            "gives none. This is what it does show:" in text
        )
        assert "capacity" not in text and "unpaid" not in text and "weekly record" not in text


# A letter with no name to sign it with


def test_a_letter_with_no_name_ends_with_lines_to_sign_and_print_it_on() -> None:
    unnamed = Profile(role="Probation Officer", team="Caernarfon")
    for request, closing in [
        (notice(profile=unnamed), "Yours sincerely,"),
        (AccessRequest(unnamed, DATED, date(2025, 1, 1), DATED), "Yours sincerely,"),
    ]:
        text = (
            foreseeability_notice_text(request)
            if isinstance(request, NoticeRequest)
            else access_request_text(request)
        )
        assert text.endswith(
            f"{closing}\n\nSigned: {'_' * 32}\nName: {'_' * 33}\nProbation Officer\nCaernarfon\n"
        )
        pdf = (
            foreseeability_notice_pdf(request)
            if isinstance(request, NoticeRequest)
            else access_request_pdf(request)
        )
        said = flat(pdf_text(pdf))
        assert f"Signed: {'_' * 32} Name: {'_' * 33} Probation Officer Caernarfon" in said
        # The role does not stand in for the name, in the PDF's author or anywhere else.
        metadata = reader(pdf).metadata
        assert metadata is not None and not metadata.author


def test_a_name_of_spaces_is_no_name() -> None:
    text = foreseeability_notice_text(notice(profile=Profile(name="   ")))
    assert text.endswith(f"Yours sincerely,\n\nSigned: {'_' * 32}\nName: {'_' * 33}\n")


# A letter written from Work Diary's sample diary


def page_lines(pdf: bytes) -> list[list[tuple[float, float, str, str]]]:
    """Each page's pieces of text, as (left, baseline, text, font), with the page's bottom-left
    corner at (0, 0)."""
    return [_pieces(page) for page in reader(pdf).pages]


def _pieces(page: PageObject) -> list[tuple[float, float, str, str]]:
    pieces: list[tuple[float, float, str, str]] = []

    def visit(
        text: str, cm: list[float], tm: list[float], font: DictionaryObject | None, _: float
    ) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = without_subset_tag(str(font.get("/BaseFont", ""))) if font else ""
            pieces.append((x, y, text.strip(), name))

    page.extract_text(visitor_text=visit)
    return pieces


LONG_HEALTH = " ".join(f"Week {n}: I could not switch off & slept badly." for n in range(120))
DEMONSTRATIONS = {
    "notice": notice(sample_data=True, health_effects=LONG_HEALTH),
    "access-request": AccessRequest(PROFILE, DATED, date(2025, 1, 1), DATED, sample_data=True),
}


def text_of(request: NoticeRequest | AccessRequest) -> str:
    if isinstance(request, NoticeRequest):
        return foreseeability_notice_text(request)
    return access_request_text(request)


def pdf_of(request: NoticeRequest | AccessRequest) -> bytes:
    if isinstance(request, NoticeRequest):
        return foreseeability_notice_pdf(request)
    return access_request_pdf(request)


@pytest.mark.parametrize("request_", DEMONSTRATIONS.values(), ids=DEMONSTRATIONS.keys())
def test_a_letter_of_the_sample_diary_says_on_every_page_it_is_a_demonstration_not_to_send(
    request_: NoticeRequest | AccessRequest,
) -> None:
    """The sample's real-sounding name, signed under made-up figures, would pass for a real
    officer's letter: every page says otherwise, above everything else on it, whole, and the
    footer no longer claims records kept at the time."""
    assert "DEMONSTRATION" in DEMONSTRATION_LETTER
    assert "every name, figure and date made up" in DEMONSTRATION_LETTER
    assert "do not send" in DEMONSTRATION_LETTER
    pdf = pdf_of(request_)
    pages = page_lines(pdf)
    if isinstance(request_, NoticeRequest):
        assert len(pages) >= 2  # the line is on a page that strays from the first too
    width = float(reader(pdf).pages[0].mediabox[2])
    for pieces in pages:
        [line] = [piece for piece in pieces if piece[2] == DEMONSTRATION_LETTER]
        left, baseline, _, font = line
        assert font == "DejaVuSans-Bold"
        # On the page with room to spare (centred: as far from the right edge), and above the
        # letter's heading, its running head and every other line.
        assert left > width * 0.05
        assert all(baseline > other[1] + 10 for other in pieces if other is not line)
    text = pdf_text(pdf)
    assert DEMONSTRATION_FOOTER in text and FOOTER not in text
    # Nor does a real letter's footer claim every figure was entered at the time.
    assert FOOTER == "Prepared with Work Diary from the records in my diary"
    assert DEMONSTRATION_FOOTER == "Prepared with Work Diary from its sample diary: made-up data"
    metadata = reader(pdf).metadata
    assert metadata is not None and metadata.title.startswith(f"{DEMONSTRATION_LETTER}. ")


@pytest.mark.parametrize("request_", DEMONSTRATIONS.values(), ids=DEMONSTRATIONS.keys())
def test_the_text_of_a_letter_of_the_sample_diary_starts_with_the_same_line(
    request_: NoticeRequest | AccessRequest,
) -> None:
    """Pasted into an email, it cannot be sent without that line going first."""
    assert text_of(request_).startswith(f"{DEMONSTRATION_LETTER}\n\nTo: ")


@pytest.mark.parametrize("request_", DEMONSTRATIONS.values(), ids=DEMONSTRATIONS.keys())
def test_a_letter_of_a_real_diary_carries_no_demonstration_mark(
    request_: NoticeRequest | AccessRequest,
) -> None:
    real = replace(request_, sample_data=False)
    assert text_of(real).startswith("To: ")
    pdf = pdf_of(real)
    assert "DEMONSTRATION" not in pdf_text(pdf) and FOOTER in pdf_text(pdf)
    metadata = reader(pdf).metadata
    assert metadata is not None and "DEMONSTRATION" not in metadata.title
    # The same words and pages as the sample's letter, that line and footer apart.
    assert text_of(request_) == f"{DEMONSTRATION_LETTER}\n\n{text_of(real)}"
    assert pdf_text(pdf_of(request_), [re.escape(DEMONSTRATION_LETTER)]).replace(
        DEMONSTRATION_FOOTER, FOOTER
    ) == pdf_text(pdf)
