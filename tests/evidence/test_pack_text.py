"""The officer's own text in a pack, read back: characters its fonts cannot show are named where
they stood, and every text lays out whatever its length, the cover keeping the fingerprint that
`verify` reads from it."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest

from tests.evidence.pdf_reading import flat, reader, text_at
from tests.evidence.test_pack import (
    FIRST_WEEK,
    LAST_WEEK,
    MARKUP,
    OPTIONS,
    PROFILE,
    SNAPSHOT,
    TAKEN_AT,
    WELSH,
    Chain,
    body_text,
    moment,
    week,
)
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    ConcernStatus,
    Profile,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.domain.validation import MAX_NOTES_CHARACTERS
from workdiary.evidence.pack import Pack, build_pack
from workdiary.evidence.pack_data import check_pack
from workdiary.evidence.snapshot import PackOptions, Snapshot

NAMED = "given by its name in square brackets, such as [WEARY FACE]"
EMOJI_NOTE = "Emoji 😩🙂 CJK 漢字 end"
EMOJI_SHOWN = (
    "Emoji [WEARY FACE][SLIGHTLY SMILING FACE] CJK "
    "[CJK UNIFIED IDEOGRAPH-6F22][CJK UNIFIED IDEOGRAPH-5B57] end"
)


def diary(
    profile: Profile, weeks: list[Week], session: SupervisionSession, concern: Concern
) -> Snapshot:
    """A diary of `weeks` (each logged on its Friday), one session and one concern, answered."""
    chain = Chain()
    chain.write("profile", "1", "create", profile, moment(date(2026, 8, 1)))
    for record in weeks:
        monday = record.week_commencing
        chain.write("weeks", monday.isoformat(), "create", record, moment(monday, 12))
    chain.write("supervision_sessions", "1", "create", session, moment(session.held_on))
    chain.write("concerns", "1", "create", concern, moment(concern.raised_on))
    return Snapshot(
        pack_id="text-pack",
        taken_at=TAKEN_AT,
        app_version="9.9.9",
        profile=profile,
        weeks=tuple(chain.recorded("weeks", w.week_commencing.isoformat(), w) for w in weeks),
        sessions=(chain.recorded("supervision_sessions", "1", session),),
        concerns=(chain.recorded("concerns", "1", concern),),
        audit=tuple(chain.entries),
        chain_head=chain.entries[-1].hash,
        audit_entries=len(chain.entries),
    )


# Characters the fonts cannot show


@pytest.fixture(scope="module")
def typed_everywhere() -> Pack:
    """Emoji and CJK in every kind of text the officer types, beside Welsh and `< & >`."""
    profile = replace(PROFILE, name="Rhiannon Llŷr 🙂", role="Probation Officer 漢")
    weeks = [
        week(date(2026, 9, 7), 120.0, notes=EMOJI_NOTE),
        week(date(2026, 9, 14), 121.0, notes=WELSH),
        week(date(2026, 9, 21), 122.0, notes=MARKUP),
    ]
    session = SupervisionSession(
        date(2026, 9, 10), SupervisionStatus.HELD, "J.B.", 60, True, actions="Review 📋 & <act>"
    )
    concern = Concern(
        date(2026, 9, 15),
        "SPO 漢 (J.B.)",
        ConcernChannel.EMAIL,
        "Caseload 🔥 at 131 % & rising",
        response="한 reply",
        response_on=date(2026, 9, 20),
        status=ConcernStatus.ANSWERED,
    )
    options = replace(OPTIONS, prepared_for="Napo rep 😩 <& co>")
    return build_pack(diary(profile, weeks, session, concern), options)


def test_every_users_text_names_what_the_fonts_cannot_show(typed_everywhere: Pack) -> None:
    text = body_text(typed_everywhere.pdf)
    for shown in (
        "Rhiannon Llŷr [SLIGHTLY SMILING FACE]",
        "Probation Officer [CJK UNIFIED IDEOGRAPH-6F22], Caerdydd & Bro <North>",
        "Prepared for Napo rep [WEARY FACE] <& co>",
        EMOJI_SHOWN,
        "Actions: Review [CLIPBOARD] & <act>",
        "Email, with SPO [CJK UNIFIED IDEOGRAPH-6F22] (J.B.)",
        "What was said: Caseload [FIRE] at 131 % & rising",
        "Response (Sun 20 Sep 2026): [HANGUL SYLLABLE HAN] reply",
        WELSH,
        MARKUP,
    ):
        assert shown in text, shown


def test_no_page_shows_a_replacement_sign_and_the_footer_names_too(typed_everywhere: Pack) -> None:
    pages = [page.extract_text() for page in reader(typed_everywhere.pdf).pages]
    assert not any("\ufffd" in page for page in pages)
    assert all("Rhiannon Llŷr [SLIGHTLY SMILING FACE] · Fingerprint" in flat(p) for p in pages)
    assert all("Rhiannon Llŷr [SLIGHTLY SMILING FACE] · " in flat(p) for p in pages[1:])


def test_the_pack_says_once_how_such_characters_are_shown_and_where_they_are_exact(
    typed_everywhere: Pack,
) -> None:
    text = body_text(typed_everywhere.pdf)
    assert text.count(NAMED) == 1
    cover = flat(reader(typed_everywhere.pdf).pages[0].extract_text())
    assert (
        "Text is printed as it was typed, except that a character this pack's fonts cannot "
        f"show (an emoji, say, or Chinese, Japanese or Korean writing) is {NAMED}"
    ) in cover
    assert (
        "The data embedded in this PDF (workdiary-pack.json) holds every text exactly as typed"
        in cover
    )
    data = json.loads(typed_everywhere.data_json)
    assert data["records"]["weeks"]["2026-09-07"]["notes"] == EMOJI_NOTE
    assert data["records"]["concerns"]["1"]["response"] == "한 reply"
    assert data["options"]["prepared_for"] == "Napo rep 😩 <& co>"


# Texts of any length


def words(prefix: str, characters: int) -> str:
    """Distinct numbered words, `characters` long: a word lost or repeated at a page break shows."""
    text = " ".join(f"{prefix}{number:05d}" for number in range(characters // 5))
    assert len(text) >= characters
    return text[:characters].rstrip()


@pytest.mark.parametrize("characters", [5_000, 30_000])
def test_a_prepared_for_of_any_length_is_printed_whole_and_the_pack_checks_out(
    characters: int,
) -> None:
    prepared_for = words("rep", characters)
    pack = build_pack(SNAPSHOT, replace(OPTIONS, prepared_for=prepared_for))
    assert check_pack(pack.pdf).intact  # its fingerprint is still on the first page
    first_page = flat(reader(pack.pdf).pages[0].extract_text())
    assert pack.fingerprint in first_page
    text = body_text(pack.pdf)
    assert re.findall(r"\brep\d{5}\b", text) == re.findall(r"\brep\d{5}\b", prepared_for)
    assert f"Prepared for {flat(prepared_for)}" in text


@pytest.mark.parametrize("characters", [3_000, 5_000])
def test_a_prepared_for_with_no_space_to_wrap_at_is_cut_across_lines_and_pages(
    characters: int,
) -> None:
    prepared_for = "W" * characters
    pack = build_pack(SNAPSHOT, replace(OPTIONS, prepared_for=prepared_for))
    assert check_pack(pack.pdf).intact
    assert prepared_for in "".join(body_text(pack.pdf).split())


def test_a_short_prepared_for_heads_the_facts_and_a_long_one_follows_them() -> None:
    short = flat(reader(build_pack(SNAPSHOT, OPTIONS).pdf).pages[0].extract_text())
    assert short.index("Prepared for Napo branch rep") < short.index("Period ")
    long = words("rep", 1_000)
    cover = flat(
        reader(build_pack(SNAPSHOT, replace(OPTIONS, prepared_for=long)).pdf)
        .pages[0]
        .extract_text()
    )
    assert cover.index("Free-text notes") < cover.index(f"Prepared for {flat(long)}")


def test_every_other_text_at_its_longest_lays_out_whole() -> None:
    """Each text at the most the diary accepts, as one unbroken word: cut across lines, and
    carried over pages, never lost and never a fault."""
    profile = replace(PROFILE, name="N" * 200, role="R" * 200, team="T" * 200)
    longest = MAX_NOTES_CHARACTERS
    weeks = [week(FIRST_WEEK, 120.0, notes="A" * longest)]
    session = SupervisionSession(
        date(2026, 9, 10), SupervisionStatus.HELD, "S" * 20, 60, True,
        actions="B" * longest, notes="C" * longest,
    )  # fmt: skip
    concern = Concern(
        date(2026, 9, 15), "W" * 200, ConcernChannel.EMAIL, "D" * longest,
        response="E" * longest, response_on=date(2026, 9, 20), status=ConcernStatus.ANSWERED,
    )  # fmt: skip
    options = PackOptions(FIRST_WEEK, LAST_WEEK, prepared_for="F" * longest)
    pack = build_pack(diary(profile, weeks, session, concern), options)
    assert check_pack(pack.pdf).intact
    # The name, too long for a footer or running head, is cut short there, never what follows.
    pages = [flat(page.extract_text()) for page in reader(pack.pdf).pages]
    assert all(f"NNN… · Fingerprint {pack.fingerprint[:16]}" in page for page in pages)
    assert all("NNN… · Mon 07 Sep 2026 to Sun 15 Nov 2026" in page for page in pages[1:])
    compact = "".join(body_text(pack.pdf).split())
    assert "F" * longest in compact
    # The rest run over pages, each part carried over headed by what it is part of: the table's
    # header and the session's date, or the week or concern, marked continued.
    for letter in "ABCDE":
        assert sum(map(len, re.findall(f"{letter}{{50,}}", compact))) == longest, letter
    for letter in "NRTW":
        assert letter * 200 in compact, letter
    assert "S" * 20 in compact


def test_a_session_carried_over_pages_names_its_date_on_each_page_it_goes_on_to() -> None:
    """As a table repeats its header, the part of a session's row carried to the next page says
    whose it is, so that a reader of that page alone can tell which session the notes are of."""
    notes = words("note", 12_000)
    session = SupervisionSession(
        date(2026, 9, 10), SupervisionStatus.HELD, "J.B.", 60, True, notes=notes
    )
    concern = Concern(date(2026, 9, 15), "SPO", ConcernChannel.EMAIL, "Caseload")
    pack = build_pack(diary(PROFILE, [week(FIRST_WEEK, 120.0)], session, concern), OPTIONS)
    pages = [flat(page.extract_text()) for page in reader(pack.pdf).pages]
    holding = [page for page in pages if re.search(r"\bnote\d{5}\b", page)]
    assert len(holding) >= 3
    first, *carried = holding
    assert "Thu 10 Sep 2026 Held" in first and "(continued)" not in first
    for page in carried:
        assert "Thu 10 Sep 2026 (continued)" in page
        first_word = re.findall(r"\bnote\d{5}\b", page)[0]
        assert page.index("(continued)") < page.index(first_word)
    # Nothing of the notes is lost or doubled for it.
    found = re.findall(r"\bnote\d{5}\b", " ".join(holding))
    assert found == re.findall(r"\bnote\d{5}\b", notes)


def paragraphs(prefix: str, characters: int) -> str:
    """`words`, in paragraphs of forty: a page may break inside one or between two."""
    numbered = words(prefix, characters).split(" ")
    return "\n\n".join(" ".join(numbered[at : at + 40]) for at in range(0, len(numbered), 40))


def carried_over(pages: list[str], name: str, sources: dict[str, str]) -> None:
    """Each source's words (numbered after their prefix) are all there in order, none lost or
    doubled; between them they run over three pages or more, every page after the first begins
    with `name`, marked continued, before any of their words, and no other page says continued."""
    patterns = [rf"\b{prefix}\d{{5}}\b" for prefix in sources]
    holding = [page for page in pages if any(re.search(pattern, page) for pattern in patterns)]
    assert len(holding) >= 3
    carried = holding[1:]
    for page in carried:
        first_word = min(match.start() for p in patterns if (match := re.search(p, page)))
        assert page.index(f"{name} (continued)") < first_word
    assert all("(continued)" not in page for page in pages if page not in carried)
    for pattern, source in zip(patterns, sources.values(), strict=True):
        assert re.findall(pattern, " ".join(holding)) == re.findall(pattern, source)


def test_a_week_s_note_carried_over_pages_names_its_week_on_each_page_it_goes_on_to() -> None:
    """As a session's row names its date, so a week's note running on to the next page says
    there which week's note it is, so that a reader of that page alone can tell."""
    notes = paragraphs("note", 14_000)
    weeks = [week(FIRST_WEEK, 120.0, notes=notes), week(date(2026, 9, 14), 110.0, notes="Short.")]
    session = SupervisionSession(date(2026, 9, 10), SupervisionStatus.HELD, "J.B.", 60, True)
    concern = Concern(date(2026, 9, 15), "SPO", ConcernChannel.EMAIL, "Caseload")
    pack = build_pack(diary(PROFILE, weeks, session, concern), OPTIONS)
    pages = [flat(page.extract_text()) for page in reader(pack.pdf).pages]
    carried_over(pages, "Week commencing Mon 07 Sep 2026", {"note": notes})
    # The week after it is headed as ever, its note not said to be continued.
    assert "Week commencing Mon 14 Sep 2026 · first recorded Mon 14 Sep 2026 Short." in " ".join(
        pages
    )


def test_a_concern_carried_over_pages_names_it_on_each_page_it_goes_on_to() -> None:
    """What was said and the response, running on from page to page, are headed on each page they
    go on to by which concern they are of: when, how and with whom it was raised."""
    said, response = paragraphs("said", 9_000), paragraphs("reply", 9_000)
    concern = Concern(
        date(2026, 9, 15), "SPO Gŵen <T&L>", ConcernChannel.EMAIL, said,
        response=response, response_on=date(2026, 9, 20), status=ConcernStatus.ANSWERED,
    )  # fmt: skip
    session = SupervisionSession(date(2026, 9, 10), SupervisionStatus.HELD, "J.B.", 60, True)
    pack = build_pack(diary(PROFILE, [week(FIRST_WEEK, 120.0)], session, concern), OPTIONS)
    pages = [flat(page.extract_text()) for page in reader(pack.pdf).pages]
    name = "Tue 15 Sep 2026 · Email, with SPO Gŵen <T&L>"
    carried_over(pages, name, {"said": said, "reply": response})


# A value of more than one line


def test_a_values_later_lines_stand_under_it_not_under_its_label() -> None:
    """A note amended to two lines, or an answer with a second line `Later: …`: the second line
    must not read as a change to another field, nor as a label of its own."""
    before = "Covered duty.\nUnpaid hours: 7"
    note = "Covered duty.\nUnpaid hours: 12 (not 7)"
    raised = Concern(date(2026, 9, 8), "SPO", ConcernChannel.EMAIL, "Caseload ŵ ŷ <high> & more")
    reply = "Will look at it.\nLater: nothing happened"
    answered = replace(
        raised, response=reply, response_on=date(2026, 9, 9), status=ConcernStatus.ANSWERED
    )
    chain = Chain()
    chain.write("profile", "1", "create", PROFILE, moment(date(2026, 8, 1)))
    chain.write("weeks", "2026-09-07", "create", week(FIRST_WEEK, 120.0, notes=before),
                moment(date(2026, 9, 11)))  # fmt: skip
    chain.write("weeks", "2026-09-07", "amend", week(FIRST_WEEK, 120.0, notes=note),
                moment(date(2026, 9, 12)))  # fmt: skip
    chain.write("concerns", "1", "create", raised, moment(raised.raised_on))
    chain.write("concerns", "1", "amend", answered, moment(date(2026, 9, 9)))
    chain.write("concerns", "1", "amend", replace(answered, response=f"{reply}, again"),
                moment(date(2026, 9, 10)))  # fmt: skip
    snapshot = replace(
        SNAPSHOT,
        weeks=(chain.recorded("weeks", "2026-09-07", week(FIRST_WEEK, 120.0, notes=note)),),
        sessions=(),
        concerns=(chain.recorded("concerns", "1", replace(answered, response=f"{reply}, again")),),
        audit=tuple(chain.entries),
        chain_head=chain.entries[-1].hash,
        audit_entries=len(chain.entries),
    )
    pieces = text_at(build_pack(snapshot, OPTIONS).pdf)
    # From the section's heading on (the running heads are set to the right).
    start = max(
        i for i, (x, text) in enumerate(pieces) if text == "7. Amendment history" and x < 99
    )
    history = pieces[start:]

    def at(text: str, after: int = 0) -> tuple[int, float]:
        """Where the first piece from `after` on that begins `text` is, and how far in."""
        found = next(
            i for i, (_x, piece) in enumerate(history) if i >= after and piece.startswith(text)
        )
        return found, history[found][0]

    # The answer recorded: "Later:" stands under the answer, not as a label of its own.
    response, response_x = at("Response:")
    value, value_x = at("After:", response)
    _later, later_x = at("Later: nothing happened", value)
    assert response_x < value_x < later_x
    # The note: its second line under its first, further in than "Before:" and "After:".
    label, label_x = at("Notes:")
    before_at, before_x = at("Before:", label)
    second, second_x = at("Unpaid hours:", before_at)
    after_at, after_x = at("After:", second)
    assert label_x < before_x == after_x < second_x
    assert at("Unpaid hours:", after_at)[1] == second_x
    # So in the concerns log, under "Response (…):", not under the labels.
    log = pieces[:start]
    said_x = next(x for x, text in log if text.startswith("What was said:"))
    assert next(x for x, text in log if text.startswith("Later: nothing happened")) > said_x


def test_an_amendment_carried_over_pages_names_its_record_on_each_page_it_goes_on_to() -> None:
    """A long note's wording before and after, running on from page to page, is headed on each
    page it goes on to by when it was changed and whose it is."""
    before, after = paragraphs("before", 9_000), paragraphs("after", 9_000)
    chain = Chain()
    chain.write("profile", "1", "create", PROFILE, moment(date(2026, 8, 1)))
    for notes, action, day in ((before, "create", 11), (after, "amend", 14)):
        chain.write("weeks", "2026-09-07", action, week(FIRST_WEEK, 120.0, notes=notes),
                    moment(date(2026, 9, day)))  # fmt: skip
    snapshot = replace(
        SNAPSHOT,
        weeks=(chain.recorded("weeks", "2026-09-07", week(FIRST_WEEK, 120.0, notes=after)),),
        sessions=(),
        concerns=(),
        audit=tuple(chain.entries),
        chain_head=chain.entries[-1].hash,
        audit_entries=len(chain.entries),
    )
    pack = build_pack(snapshot, replace(OPTIONS, sections=frozenset({"amendments"})))
    pages = [flat(page.extract_text()) for page in reader(pack.pdf).pages]
    name = "Mon 14 Sep 2026 17:00 · Week commencing Mon 07 Sep 2026"
    assert f"{name}: amended Notes: Before: before" in pages[1]
    carried_over(pages, name, {"before": before, "after": after})
