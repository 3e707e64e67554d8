"""`workdiary export` and `workdiary verify PACK.pdf`: evidence packs from the command line."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workdiary.cli import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    add_clock_is_right,
    add_command,
    open_diary,
    pdf_out,
    recorded_in_the_diary,
)
from workdiary.domain.dates import format_day, parse_date, week_commencing
from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.domain.formatting import count
from workdiary.paths import AppPaths

if TYPE_CHECKING:
    from workdiary.cli import Commands
    from workdiary.packs import PackFileInTheWay


# Why a pack is not written while the diary cannot be saved to, though it goes elsewhere.
RECORDED = (
    "No evidence pack was written. Making a pack is recorded in your diary, so that your diary "
    "can tell later whether a pack is one it made (workdiary verify PACK.pdf), and that cannot "
    "be recorded now:"
)


def add_pack_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    export = add_command(
        commands,
        common,
        "export",
        _export,
        "write an evidence pack: a PDF of the period, with the data inside it to check it by",
    )
    export.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        help="from this week (left out: from the first day the diary records)",
    )
    export.add_argument(
        "--to", dest="last", metavar="DATE", help="to this week (left out: to this week)"
    )
    export.add_argument(
        "--out",
        required=True,
        metavar="PACK.pdf",
        help="where to write it; given a folder, it is written there under its usual name",
    )
    export.add_argument(
        "--no-notes", action="store_true", help="leave out the free-text notes, to share it"
    )
    export.add_argument(
        "--prepared-for", metavar="TEXT", default="", help="who it is for, printed on the cover"
    )
    add_clock_is_right(export)


def _out_taken(in_the_way: PackFileInTheWay) -> InvalidInput:
    return InvalidInput([FieldProblem("out", f"{in_the_way} Give another file name with --out.")])


def _export(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from workdiary import packs
    from workdiary.evidence.pack import build_pack
    from workdiary.evidence.period import first_day_recorded, shown_weeks
    from workdiary.evidence.snapshot import PackOptions

    out_path = pdf_out(args.out)
    # Left out, the pack is of the whole diary: from its first day recorded, to this week.
    asked_first = asked_last = None
    if args.first is not None:
        asked_first = week_commencing(parse_date(args.first, "from", "The first week"))
    if args.last is not None:
        asked_last = week_commencing(parse_date(args.last, "to", "The last week"))
    if asked_first is not None and asked_last is not None and asked_first > asked_last:
        raise InvalidInput([FieldProblem("from", "--from must be on or before --to.")])
    if not out_path.is_dir():
        try:  # now, before the pack is made: that takes a while
            packs.refuse_file_in_the_way(out_path)
        except packs.PackFileInTheWay as in_the_way:
            raise _out_taken(in_the_way) from None
    with recorded_in_the_diary(RECORDED), open_diary(paths) as diary:
        this_week = week_commencing(diary.today())
        if asked_first is not None and asked_first > this_week:
            raise InvalidInput(
                [
                    FieldProblem(
                        "from",
                        f"--from is after this week (commencing {format_day(this_week)}): a "
                        "pack shows the weeks up to now.",
                    )
                ]
            )
        if diary.read_only is not None:  # now, before the pack is made: that takes a while
            raise diary.read_only
        snapshot = packs.snapshot_for_export(diary, allow_clock_behind=args.clock_is_right)
        began = first_day_recorded(snapshot)
        first = asked_first or (week_commencing(began) if began is not None else this_week)
        last = min(asked_last or this_week, this_week)
        if first > last:  # only --to given, before anything the diary records
            raise InvalidInput(
                [
                    FieldProblem(
                        "to",
                        f"--to is before the first week the diary records (commencing "
                        f"{format_day(first)}): give --from as well, or a later --to.",
                    )
                ]
            )
        options = PackOptions(
            first, last, include_notes=not args.no_notes, prepared_for=args.prepared_for.strip()
        )
        # The weeks the pack shows, which its record and this message name: this week is left
        # out while it is still going and nothing is logged for it.
        first, last = shown_weeks(snapshot, options)
        options = replace(options, first_week=first, last_week=last)
        pdf_path = out_path
        if out_path.is_dir():  # the name the window offers, in the folder given
            pdf_path = packs.unused_pack_path(out_path, snapshot, options)
        pack = build_pack(snapshot, options)
        try:
            saved = packs.save_pack(
                diary,
                snapshot,
                options,
                pack.fingerprint,
                pack.pdf,
                pdf_path,
                allow_clock_behind=args.clock_is_right,
            )
        except packs.PackFileInTheWay as in_the_way:  # made there while the pack was built
            raise _out_taken(in_the_way) from None
    if asked_last is not None and asked_last > last:  # never moved unsaid
        print(
            f"--to is in the week commencing {format_day(asked_last)}, still to come: the pack "
            "runs to today, as far as anything is recorded.",
            file=out,
        )
    weeks = (
        f"the week commencing {format_day(first)}"
        if first == last
        else f"the weeks commencing {format_day(first)} to {format_day(last)}"
    )
    print(
        f"Wrote the evidence pack for {weeks} ({count(pack.pages, 'page')}):\n  {saved.path}\n"
        f"Data fingerprint: {pack.fingerprint}\nFile SHA-256:     {saved.file_sha256}\n"
        f"Anyone can check it with: workdiary verify {saved.path.name}",
        file=out,
    )
    if snapshot.sample_data:  # as the pack says on every page, and verify says first
        from workdiary.pack_verdict import DEMONSTRATION_PACK

        print(DEMONSTRATION_PACK, file=out)
    return EXIT_OK


def verify_pack(pack_file: str, paths: AppPaths, out: TextIO) -> int:
    """The pack checked against itself, then, where the diary is here, against the diary; the
    verdict's words are the window's too (see workdiary.pack_verdict). A file that plainly never
    was a pack is the wrong file given (exit status 2), said as such: not a pack tampered with."""
    from workdiary.pack_verdict import (
        ADVICE,
        Face,
        PackStatus,
        check_pack_file,
        compare_checked,
        pack_verdict,
    )

    path = Path(pack_file).expanduser()
    checked = check_pack_file(path)
    if checked.never_a_pack:
        advice = ADVICE[PackStatus.NOT_A_PACK]
        raise InvalidInput([FieldProblem("pack", f"{checked.never_a_pack} {advice}")])
    comparison = None
    if checked.check.intact and paths.diary_file.exists():
        with open_diary(paths) as diary:
            comparison = compare_checked(diary, checked)
    verdict = pack_verdict(checked.check, comparison, Face.COMMAND)
    for paragraph in verdict.paragraphs:
        print(paragraph.text, file=out)
        for item in paragraph.items:
            print(f"  - {item}", file=out)
    return EXIT_OK if verdict.passed else EXIT_CHECK_FAILED
