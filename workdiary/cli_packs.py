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
    print(check.message, file=out)
    contents = check.contents
    # An intact pack has its data, and the fingerprint that data gives.
    if not check.intact or contents is None or contents.data is None or not contents.fingerprint:
        return EXIT_CHECK_FAILED
    if not paths.diary_file.exists():
        print("There is no diary here to compare it with.", file=out)
        return EXIT_OK
    with open_diary(paths) as diary:
        comparison = packs.compare_with_diary(
            diary, contents.data, contents.fingerprint, hashlib.sha256(pdf).hexdigest()
        )
    if comparison.disagreements:
        print("But it does NOT match this diary:", file=out)
        for line in comparison.disagreements[:20]:
            print(f"  - {line}", file=out)
    if comparison.diary_findings:
        print(
            "But this diary cannot vouch for it: the diary itself was changed outside Work "
            "Diary (`workdiary verify` says more):",
            file=out,
        )
        for line in comparison.diary_findings[:20]:
            print(f"  - {line}", file=out)
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
