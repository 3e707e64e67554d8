"""What checking an evidence pack found, in words, for both faces: `workdiary verify PACK.pdf`
prints it, and the Evidence page's Check a pack… shows it. The pack is checked against its own
seal (`check_pack_file`, pure work a window can do off its GUI thread), then against the diary on
this computer (`compare_checked`), and `pack_verdict` says what that means."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from workdiary.domain.dates import format_day, format_moment, week_ending
from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.evidence.pack_data import PackCheck, check_pack, holds_sample_data
from workdiary.packs import DiaryComparison, PackOrigin, compare_with_diary
from workdiary.storage import Diary


class Face(Enum):
    """Who the verdict is for: the command line, or the window. The facts and sentences are the
    same; the window names its own way of doing things instead of commands, and names fewer of
    a long list (a message cannot scroll)."""

    COMMAND = "command"
    WINDOW = "window"


# How many lines of a list each face gives before saying how many more there are. The command
# gives every record changed or added since a pack was made; the window cuts those short too.
LISTED = {Face.COMMAND: 20, Face.WINDOW: 5}


class PackStatus(Enum):
    """The verdict in one word, from worst to best for whoever relies on the pack."""

    # The file could not be read at all: nothing was checked.
    UNREADABLE = "unreadable"
    # The file plainly never was a pack (not a PDF, a letter, another PDF): the wrong file chosen.
    NOT_A_PACK = "not a pack"
    # Not a Work Diary pack, damaged, or altered since it was made: it fails its own check.
    ALTERED = "altered"
    # Intact, but the diary here says it is not what this diary made.
    DOES_NOT_MATCH = "does not match"
    # Intact, but the diary here fails its own check, so it vouches for nothing.
    DIARY_ALTERED = "diary altered"
    # Intact, with nothing here to compare it with: no diary, or another diary's pack.
    INTACT = "intact"
    # Intact and this diary's, but records in its weeks were changed or added since it was made.
    MATCHES_THEN_CHANGED = "matches, changed since"
    # Intact and this diary's, and nothing in its weeks has changed since.
    MATCHES = "matches"


# The verdicts that find nothing wrong with the pack: the command exits 0 on them.
PASSED = frozenset({PackStatus.INTACT, PackStatus.MATCHES_THEN_CHANGED, PackStatus.MATCHES})

# The verdict in a few words: the window's title for it.
TITLES = {
    PackStatus.UNREADABLE: "Cannot read the file",
    PackStatus.NOT_A_PACK: "That file is not an evidence pack",
    PackStatus.ALTERED: "The pack did not pass its check",
    PackStatus.DOES_NOT_MATCH: "The pack does not match your diary",
    PackStatus.DIARY_ALTERED: "Your diary cannot vouch for this pack",
    PackStatus.INTACT: "The pack is intact",
    PackStatus.MATCHES_THEN_CHANGED: "The pack is intact; your diary has changed since it was made",
    PackStatus.MATCHES: "The pack is intact and matches your diary",
}

# What to do next, where the verdict's own sentences do not say: the window gives it after them.
# (The command's words are what scripts and reps have read from it all along.)
ADVICE = {
    PackStatus.UNREADABLE: (
        "Nothing was checked. Make sure the file is still where it was (a pack on a USB stick "
        "needs the stick plugged in) and that you can open it, then try again."
    ),
    PackStatus.NOT_A_PACK: (
        "Check that you chose the right file: an evidence pack is a PDF that Work Diary wrote "
        "when a pack was exported."
    ),
    PackStatus.ALTERED: (
        "Do not rely on this file as evidence. Check that you chose the right file. If you did, "
        "ask for the pack as Work Diary first saved it (the copy its officer kept), or, if it "
        "is one of your own, make a new pack of the same weeks on the Evidence page."
    ),
    PackStatus.DOES_NOT_MATCH: (
        "Do not hand this pack on as a record of your diary. If you keep another copy of your "
        "diary (one restored from a backup, say), the pack may have been made from that copy: "
        "check it there. Otherwise make a new pack of the same weeks on the Evidence page."
    ),
    PackStatus.DIARY_ALTERED: (
        "Checking the pack changed nothing. Keep your diary file as it is, since it shows what "
        "was changed, and ask your union rep for advice before relying on it."
    ),
}

# What a pack's seal shows, and what it cannot: the seal is a SHA-256 of the file, which anyone
# who changes the file can work out again and write in.
SEAL_HOLDS = (
    "This pack is intact as far as its seal can show: the file has not changed since it was "
    "sealed, and the data inside it gives the fingerprint printed on it, {fingerprint}."
)
ONLY_ON_ITS_OWN = (
    "That is all this check can show. Whoever changes a pack can seal it again, so only the "
    "diary it was made from, or the officer's own copy of the pack, can confirm it is genuine: "
    "ask the officer to check this file with their own Work Diary."
)
NO_DIARY = "There is no diary on this computer to compare it with."
# Said first of a pack made from the sample diary, whatever else is found: a pack of made-up data
# can be intact, and even match the diary it came from, and still be no one's record.
DEMONSTRATION_PACK = (
    "This is a DEMONSTRATION pack: it was made from Work Diary's sample diary, and every name, "
    "figure and date in it is made up. It is not a record of anyone's work, and it is not "
    "evidence."
)
# Where each face sends the user for the diary's own check.
DIARY_CHECK = {Face.COMMAND: "`workdiary verify`", Face.WINDOW: "Help → Check your diary"}


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the verdict (it may run over more than one line), and the list that
    follows it, if any, already cut short for the face with how many more there are."""

    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class PackVerdict:
    """What the check found: its status, a title, the paragraphs saying it, and what to do
    where they do not say (see ADVICE)."""

    status: PackStatus
    paragraphs: tuple[Paragraph, ...]
    # The pack was made from the sample diary (see DEMONSTRATION_PACK).
    demonstration: bool = False

    @property
    def passed(self) -> bool:
        """Nothing wrong was found with the pack (the command's exit status 0)."""
        return self.status in PASSED

    @property
    def title(self) -> str:
        if self.demonstration:
            return f"{TITLES[self.status]}, but it is a demonstration pack of made-up data"
        return TITLES[self.status]

    @property
    def advice(self) -> str:
        return ADVICE.get(self.status, "")


@dataclass(frozen=True)
class CheckedFile:
    """A pack file checked against its own seal, and the file's SHA-256 (the diary's record of
    each pack it saved is compared with it)."""

    check: PackCheck
    file_sha256: str
    # What the file is instead, when it plainly never was a pack (see never_a_pack).
    never_a_pack: str = ""


def check_pack_file(path: Path) -> CheckedFile:
    """Read the file and check it against itself: no diary, no widgets, so a window can do it off
    its GUI thread. Raises InvalidInput, saying why, when the file cannot be read."""
    try:
        pdf = path.read_bytes()
    except OSError as error:
        raise InvalidInput([FieldProblem("pack", cannot_read(path, error))]) from error
    check = check_pack(pdf)
    instead = never_a_pack(path.name, pdf) if check.contents is None else ""
    return CheckedFile(check, hashlib.sha256(pdf).hexdigest(), instead)


# What a pack says of itself on its cover and in its title, whatever else was taken out of it.
PACK_TITLE = "Workload evidence pack"


def never_a_pack(name: str, pdf: bytes) -> str:
    """What the file `name` is, when it plainly never was an evidence pack: not a PDF, a Work
    Diary letter, or a PDF of something else. Empty for a file that may be a pack damaged or with
    its data taken out (a PDF that cannot be read whole, or whose pages say they are a pack):
    that is a pack that fails its own check, said as such."""
    from pypdf import PdfReader

    from workdiary.evidence.letters import FOOTER

    if b"%PDF-" not in pdf[:1024]:  # where every PDF says it is one
        return f"{name} is not a PDF, so it is not an evidence pack."
    try:
        reader = PdfReader(io.BytesIO(pdf))
        title = ((reader.metadata.title if reader.metadata else None) or "").strip()
        first_page = reader.pages[0].extract_text() if reader.pages else ""
    except Exception:  # whatever a reader makes of a damaged file, it cannot say what it is
        return ""
    if PACK_TITLE in title or PACK_TITLE in first_page:
        return ""
    if FOOTER in first_page:
        named = f" (“{title}”)" if title else ""
        return (
            f"{name} is a letter made with Work Diary{named}, not an evidence pack: a letter "
            "holds no data to check it by."
        )
    return f"{name} is a PDF, but not a Work Diary evidence pack."


def not_a_pack_verdict(checked: CheckedFile) -> PackVerdict:
    """The verdict on a file that never was a pack (see never_a_pack)."""
    return PackVerdict(PackStatus.NOT_A_PACK, (Paragraph(checked.never_a_pack),))


def cannot_read(path: Path, error: OSError) -> str:
    return f"Cannot read {path}: {error.strerror or error}."


def unreadable_verdict(message: str) -> PackVerdict:
    """The verdict on a file that could not be read: `message` says why (see check_pack_file)."""
    return PackVerdict(PackStatus.UNREADABLE, (Paragraph(message),))


def compare_checked(diary: Diary, checked: CheckedFile) -> DiaryComparison | None:
    """The pack compared with `diary`, when it passed its own check (None when it did not: there
    is nothing in it to rely on)."""
    contents = checked.check.contents
    if (
        not checked.check.intact
        or contents is None
        or contents.data is None
        or not contents.fingerprint
    ):
        return None
    return compare_with_diary(diary, contents.data, contents.fingerprint, checked.file_sha256)


def pack_verdict(
    check: PackCheck, comparison: DiaryComparison | None, face: Face = Face.COMMAND
) -> PackVerdict:
    """What the pack's own check and its comparison with the diary here found, in words:
    `comparison` is None for an intact pack when there is no diary on this computer. A pack that
    passed its own check and was made from the sample diary says so first."""
    verdict = _verdict(check, comparison, face)
    data = check.contents.data if check.contents is not None else None
    if not check.intact or data is None or not holds_sample_data(data):
        return verdict
    return PackVerdict(
        verdict.status, (Paragraph(DEMONSTRATION_PACK), *verdict.paragraphs), demonstration=True
    )


def _verdict(
    check: PackCheck, comparison: DiaryComparison | None, face: Face = Face.COMMAND
) -> PackVerdict:
    contents = check.contents
    # An intact pack has its data, and the fingerprint that data gives.
    if not check.intact or contents is None or contents.data is None or not contents.fingerprint:
        return PackVerdict(PackStatus.ALTERED, (Paragraph(check.message),))
    seal = Paragraph(SEAL_HOLDS.format(fingerprint=contents.fingerprint))
    if comparison is None:
        return PackVerdict(
            PackStatus.INTACT, (seal, Paragraph(NO_DIARY), Paragraph(ONLY_ON_ITS_OWN))
        )
    listed = LISTED[face]
    findings = _cut(comparison.diary_findings, listed)
    origin = comparison.origin
    if origin in (PackOrigin.ANOTHER_DIARY, PackOrigin.BEYOND_THIS_DIARY):
        alone = (seal, Paragraph(_why_only_on_its_own(comparison)), Paragraph(ONLY_ON_ITS_OWN))
        if not findings:
            return PackVerdict(PackStatus.INTACT, alone)
        fails = Paragraph(
            "But the diary on this computer fails its own check, so it cannot be relied on to say "
            f"where the pack came from ({DIARY_CHECK[face]} says more):",
            findings,
        )
        return PackVerdict(PackStatus.DIARY_ALTERED, (*alone, fails))
    paragraphs = [seal]
    if origin is PackOrigin.SHARED_THEN_DIFFERS:
        paragraphs += _where_they_part(comparison, listed)
    elif comparison.not_recorded is not None:
        paragraphs.append(
            Paragraph("But it does NOT match this diary:", _cut([comparison.not_recorded], listed))
        )
    if findings:
        paragraphs.append(
            Paragraph(
                "But this diary cannot vouch for it: the diary itself was changed outside Work "
                f"Diary ({DIARY_CHECK[face]} says more):",
                findings,
            )
        )
    if not comparison.matches:
        status = PackStatus.DIARY_ALTERED if findings else PackStatus.DOES_NOT_MATCH
        return PackVerdict(status, tuple(paragraphs))
    if comparison.saved_as is not None:
        made = format_moment(datetime.fromisoformat(comparison.saved_as.made_at))
        paragraphs.append(Paragraph(f"It is the very file this diary saved, on {made}."))
    changed, added = comparison.amended_since, comparison.added_since
    if not changed and not added:
        paragraphs.append(
            Paragraph(
                "It matches this diary: nothing in it has changed since it was made, and nothing "
                "more has been recorded for its weeks."
            )
        )
        return PackVerdict(PackStatus.MATCHES, tuple(paragraphs))
    # Every one of them, for the command: each is a reason to make a new pack.
    whole = None if face is Face.COMMAND else listed
    paragraphs.append(
        Paragraph("It matches this diary: it shows what the diary held when it was made.")
    )
    if changed:
        paragraphs.append(
            Paragraph(
                "Since then, these records in it were changed in the diary (the pack shows them "
                "as they were then):",
                _cut(changed, whole),
            )
        )
    options = comparison.options
    if added and options is not None:
        paragraphs.append(
            Paragraph(
                f"{'And since then' if changed else 'Since then'}, more has been recorded for its "
                f"weeks (commencing {format_day(options.first_week)} to "
                f"{format_day(options.last_week)}) that the pack does not show:",
                _cut(added, whole),
            )
        )
    paragraphs.append(Paragraph(_make_a_new_pack(comparison, face)))
    return PackVerdict(PackStatus.MATCHES_THEN_CHANGED, tuple(paragraphs))


def _cut(lines: list[str], listed: int | None) -> tuple[str, ...]:
    """The first `listed` lines (all of them for None), then how many more there are."""
    if listed is None or len(lines) <= listed:
        return tuple(lines)
    return (*lines[:listed], f"and {len(lines) - listed} more.")


def _make_a_new_pack(comparison: DiaryComparison, face: Face) -> str:
    """How to make a pack of the same weeks showing the diary as it is now, on the face's own
    terms."""
    options = comparison.options
    where = "on the Evidence page"
    if face is Face.WINDOW:
        if options is not None:
            notes = (
                ", and tick Leave out notes, as this pack did" if not options.include_notes else ""
            )
            where += (
                f" (choose Custom dates, from {format_day(options.first_week)} to "
                f"{format_day(week_ending(options.last_week))}{notes})"
            )
        where += "."
    elif options is not None:
        notes = "" if options.include_notes else " --no-notes"
        where += (
            f", or with:\n  workdiary export --from {options.first_week} --to "
            f"{options.last_week} --out NEW-PACK.pdf{notes}"
        )
    return (
        "Nothing is wrong with the pack. For one that shows the diary as it is now, make a new "
        f"pack of the same weeks {where}"
    )


def _why_only_on_its_own(comparison: DiaryComparison) -> str:
    """Why the diary here cannot check the pack: it was made from another diary, or from history
    this diary does not hold."""
    if comparison.origin is PackOrigin.ANOTHER_DIARY:
        return (
            "It was made from a different diary than the one on this computer: none of the "
            "history in it is this diary's. So it can only be checked on its own, as above."
        )
    if comparison.last_entry == 0:
        return "The diary on this computer has nothing in it yet to compare it with."
    if not comparison.diary_stops_early:
        return (
            "It holds no history to compare with the diary on this computer (the diary it was "
            "made from had nothing in it yet), so it can only be checked on its own, as above."
        )
    return (
        "The diary on this computer holds none of the history in it, which begins after this "
        f"diary's last entry (number {comparison.last_entry}): it was made from a different "
        "diary, or from a later copy of this one. So it can only be checked on its own, as above."
    )


def _where_they_part(comparison: DiaryComparison, listed: int) -> list[Paragraph]:
    """A pack whose history is this diary's up to a point, and not after it: where they part,
    what that can mean, and the pack's entries that are not this diary's."""
    paragraphs = [Paragraph(f"But it does NOT match this diary. {_parting(comparison)}")]
    if comparison.not_own:
        paragraphs.append(
            Paragraph(
                "These audit entries in the pack are not this diary's:",
                _cut(comparison.not_own, listed),
            )
        )
    if comparison.history_not_own is not None and not comparison.diary_stops_early:
        paragraphs.append(Paragraph(comparison.history_not_own))
    return paragraphs


def _parting(comparison: DiaryComparison) -> str:
    shared = comparison.shared_to
    if shared is None:
        # The first entry unlike this diary's comes before one that is alike: each entry is
        # bound to every one before it, so two histories kept by Work Diary cannot do that.
        return (
            "Some audit entries in it are this diary's own, but others, recorded before them, "
            "are not, which cannot happen unless the pack or this diary was changed."
        )
    same = (
        f"Both hold the same history as far as audit entry {shared.seq} (recorded on "
        f"{format_moment(shared.moment)}), so the pack was made from this diary or from a copy "
        "of it."
    )
    if not comparison.diary_stops_early:
        return (
            f"{same}\nAfter that they differ: the diary was copied and the copies went their own "
            "ways (one restored from a backup and added to, say), or one of them was changed."
        )
    made_at = comparison.made_at_entry
    went_on = f" (it had reached entry {made_at} when the pack was made)" if made_at else ""
    return (
        f"{same}\nBut this diary stops at entry {comparison.last_entry}, and the pack's diary "
        f"went on{went_on}: this diary is an earlier copy (one restored from a backup, say), or "
        "entries were taken out of it."
    )
