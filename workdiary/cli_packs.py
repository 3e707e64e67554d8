"""`workdiary export` and `workdiary verify PACK.pdf`: evidence packs from the command line."""

from __future__ import annotations

import argparse
import hashlib
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workdiary.cli import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    add_clock_is_right,
    add_command,
    open_diary,
)
from workdiary.domain.dates import format_day, format_moment, parse_date, week_commencing
from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.domain.formatting import count
from workdiary.paths import AppPaths

if TYPE_CHECKING:
    from workdiary.cli import Commands
    from workdiary.packs import DiaryComparison


def add_pack_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    export = add_command(
        commands,
        common,
        "export",
        _export,
        "write an evidence pack: a PDF of the period, with the data inside it to check it by",
    )
    export.add_argument(
        "--from", dest="first", required=True, metavar="DATE", help="from this week"
    )
    export.add_argument("--to", dest="last", required=True, metavar="DATE", help="to this week")
    export.add_argument("--out", required=True, metavar="PACK.pdf", help="where to write it")
    export.add_argument(
        "--no-notes", action="store_true", help="leave out the free-text notes, to share it"
    )
    export.add_argument(
        "--prepared-for", metavar="TEXT", default="", help="who it is for, printed on the cover"
    )
    add_clock_is_right(export)


def _export(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from workdiary import packs
    from workdiary.evidence.pack import build_pack
    from workdiary.evidence.period import shown_weeks
    from workdiary.evidence.snapshot import PackOptions

    pdf_path = Path(args.out).expanduser()
    if pdf_path.suffix.lower() != ".pdf":
        raise InvalidInput([FieldProblem("out", "The file to write must end in .pdf.")])
    first = week_commencing(parse_date(args.first, "from", "The first week"))
    last = week_commencing(parse_date(args.last, "to", "The last week"))
    if first > last:
        raise InvalidInput([FieldProblem("from", "--from must be on or before --to.")])
    if pdf_path.exists():
        raise InvalidInput(
            [
                FieldProblem(
                    "out",
                    f"There is already a file at {pdf_path}. Work Diary does not write over it: "
                    "it may be a pack you have already handed to someone. Give another file name "
                    "with --out.",
                )
            ]
        )
    with open_diary(paths) as diary:
        this_week = week_commencing(diary.today())
        if first > this_week:
            raise InvalidInput(
                [
                    FieldProblem(
                        "from",
                        f"--from is after this week (commencing {format_day(this_week)}): a "
                        "pack shows the weeks up to now.",
                    )
                ]
            )
        last = min(last, this_week)
        options = PackOptions(
            first, last, include_notes=not args.no_notes, prepared_for=args.prepared_for.strip()
        )
        snapshot = packs.snapshot_for_export(diary, allow_clock_behind=args.clock_is_right)
        # The weeks the pack shows, which its record and this message name: this week is left
        # out while it is still going and nothing is logged for it.
        first, last = shown_weeks(snapshot, options)
        options = replace(options, first_week=first, last_week=last)
        pack = build_pack(snapshot, options)
        saved = packs.save_pack(
            diary,
            snapshot,
            options,
            pack.fingerprint,
            pack.pdf,
            pdf_path,
            allow_clock_behind=args.clock_is_right,
        )
    print(
        f"Wrote the evidence pack for the weeks commencing {format_day(first)} to "
        f"{format_day(last)} ({count(pack.pages, 'page')}):\n  {saved.path}\n"
        f"Data fingerprint: {pack.fingerprint}\nFile SHA-256:     {saved.file_sha256}\n"
        f"Anyone can check it with: workdiary verify {saved.path.name}",
        file=out,
    )
    return EXIT_OK


# How many lines of a list `verify` prints before saying how many more there are.
LISTED = 20

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


def verify_pack(pack_file: str, paths: AppPaths, out: TextIO) -> int:
    """The pack checked against itself, then, where the diary is here, against the diary."""
    from workdiary import packs
    from workdiary.evidence.pack_data import check_pack

    path = Path(pack_file).expanduser()
    try:
        pdf = path.read_bytes()
    except OSError as error:
        raise InvalidInput(
            [FieldProblem("pack", f"Cannot read {path}: {error.strerror or error}.")]
        ) from error
    check = check_pack(pdf)
    contents = check.contents
    # An intact pack has its data, and the fingerprint that data gives.
    if not check.intact or contents is None or contents.data is None or not contents.fingerprint:
        print(check.message, file=out)
        return EXIT_CHECK_FAILED
    print(SEAL_HOLDS.format(fingerprint=contents.fingerprint), file=out)
    if not paths.diary_file.exists():
        print("There is no diary on this computer to compare it with.", file=out)
        print(ONLY_ON_ITS_OWN, file=out)
        return EXIT_OK
    with open_diary(paths) as diary:
        comparison = packs.compare_with_diary(
            diary, contents.data, contents.fingerprint, hashlib.sha256(pdf).hexdigest()
        )
    origin = comparison.origin
    if origin in (packs.PackOrigin.ANOTHER_DIARY, packs.PackOrigin.BEYOND_THIS_DIARY):
        print(_why_only_on_its_own(comparison), file=out)
        print(ONLY_ON_ITS_OWN, file=out)
        if not comparison.diary_findings:
            return EXIT_OK
        print(
            "But the diary on this computer fails its own check, so it cannot be relied on to say "
            "where the pack came from (`workdiary verify` says more):",
            file=out,
        )
        _print_list(comparison.diary_findings, out)
        return EXIT_CHECK_FAILED
    if origin is packs.PackOrigin.SHARED_THEN_DIFFERS:
        _say_where_they_part(comparison, out)
    elif comparison.not_recorded is not None:
        print("But it does NOT match this diary:", file=out)
        _print_list([comparison.not_recorded], out)
    if comparison.diary_findings:
        print(
            "But this diary cannot vouch for it: the diary itself was changed outside Work "
            "Diary (`workdiary verify` says more):",
            file=out,
        )
        _print_list(comparison.diary_findings, out)
    if not comparison.matches:
        return EXIT_CHECK_FAILED
    if comparison.saved_as is not None:
        print(
            f"It is the very file this diary saved, on "
            f"{format_moment(datetime.fromisoformat(comparison.saved_as.made_at))}.",
            file=out,
        )
    changed, added = comparison.amended_since, comparison.added_since
    if not changed and not added:
        print(
            "It matches this diary: nothing in it has changed since it was made, and nothing "
            "more has been recorded for its weeks.",
            file=out,
        )
        return EXIT_OK
    print("It matches this diary: it shows what the diary held when it was made.", file=out)
    if changed:
        print(
            "Since then, these records in it were changed in the diary (the pack shows them as "
            "they were then):",
            file=out,
        )
        for line in changed:
            print(f"  - {line}", file=out)
    options = comparison.options
    if added and options is not None:
        print(
            f"{'And since then' if changed else 'Since then'}, more has been recorded for its "
            f"weeks (commencing {format_day(options.first_week)} to "
            f"{format_day(options.last_week)}) that the pack does not show:",
            file=out,
        )
        for line in added:
            print(f"  - {line}", file=out)
    where = "on the Evidence page"
    if options is not None:
        notes = "" if options.include_notes else " --no-notes"
        where += (
            f", or with:\n  workdiary export --from {options.first_week} --to "
            f"{options.last_week} --out NEW-PACK.pdf{notes}"
        )
    print(
        "Nothing is wrong with the pack. For one that shows the diary as it is now, make a new "
        f"pack of the same weeks {where}",
        file=out,
    )
    return EXIT_OK


def _why_only_on_its_own(comparison: DiaryComparison) -> str:
    """Why the diary here cannot check the pack: it was made from another diary, or from history
    this diary does not hold."""
    from workdiary.packs import PackOrigin

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


def _say_where_they_part(comparison: DiaryComparison, out: TextIO) -> None:
    """A pack whose history is this diary's up to a point, and not after it: where they part,
    what that can mean, and the pack's entries that are not this diary's."""
    print(f"But it does NOT match this diary. {_where_they_part(comparison)}", file=out)
    if comparison.not_own:
        print("These audit entries in the pack are not this diary's:", file=out)
        _print_list(comparison.not_own, out)
    if comparison.history_not_own is not None and not comparison.diary_stops_early:
        print(comparison.history_not_own, file=out)


def _where_they_part(comparison: DiaryComparison) -> str:
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


def _print_list(lines: list[str], out: TextIO) -> None:
    for line in lines[:LISTED]:
        print(f"  - {line}", file=out)
    if len(lines) > LISTED:
        print(f"  - and {len(lines) - LISTED} more.", file=out)
