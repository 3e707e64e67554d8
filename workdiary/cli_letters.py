"""`workdiary notice`: the letters that put the employer on notice, written from the diary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workdiary.cli import (
    EXIT_OK,
    add_allow_identifiers,
    add_clock_is_right,
    add_command,
    open_diary,
)
from workdiary.domain.dates import format_day, parse_date
from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.paths import AppPaths

if TYPE_CHECKING:
    from workdiary.cli import Commands

KINDS = ("foreseeability", "access-request")


def add_letter_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    notice = add_command(
        commands,
        common,
        "notice",
        _notice,
        "write a foreseeability notice (or a subject access request) from the diary, as PDF and "
        "text, and log it as a concern raised",
    )
    notice.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    notice.add_argument(
        "--kind",
        choices=KINDS,
        default="foreseeability",
        help="which letter (default: foreseeability)",
    )
    notice.add_argument(
        "--addressed-to",
        dest="recipient",
        metavar="TEXT",
        help="who it is addressed to (default: Operations Manager, or Data "
        "Protection Officer for an access request)",
    )
    notice.add_argument(
        "--copy-to",
        metavar="TEXT",
        default="Napo branch",
        help="who gets a copy of a notice (default: Napo branch)",
    )
    notice.add_argument(
        "--health",
        metavar="TEXT",
        default="",
        help="in your own words, what the workload does to your health",
    )
    notice.add_argument(
        "--ask",
        metavar="TEXT",
        default="",
        help="what you are asking for (for example a workload review)",
    )
    notice.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        help="access request: the first day of the records asked for (default: two years ago)",
    )
    notice.add_argument(
        "--to", dest="last", metavar="DATE", help="access request: the last day (default: today)"
    )
    add_allow_identifiers(notice)
    add_clock_is_right(notice)


def _notice(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from workdiary import correspondence

    pdf_path = Path(args.out).expanduser()
    if pdf_path.suffix.lower() != ".pdf":
        raise InvalidInput([FieldProblem("out", "The file to write must end in .pdf.")])
    with open_diary(paths) as diary:
        if args.kind == "foreseeability":
            request = correspondence.notice_request(
                diary,
                recipient=args.recipient or "Operations Manager",
                copy_to=args.copy_to,
                health_effects=args.health,
                asks=args.ask,
            )
            written = correspondence.write_notice(
                diary,
                request,
                pdf_path,
                allow_identifiers=args.allow_identifiers,
                allow_clock_behind=args.clock_is_right,
            )
            what = "foreseeability notice"
        else:
            today = diary.today()
            default_first, _ = correspondence.default_access_period(today)
            last = parse_date(args.last, "to", "The last day") if args.last else today
            first = parse_date(args.first, "from", "The first day") if args.first else default_first
            access = correspondence.access_request(
                diary, first, last, args.recipient or "Data Protection Officer"
            )
            written = correspondence.write_access_request(
                diary, access, pdf_path, allow_clock_behind=args.clock_is_right
            )
            what = f"subject access request for {format_day(first)} to {format_day(last)}"
    print(
        f"Wrote the {what}:\n  {written.pdf_path}  (SHA-256 {written.sha256})\n"
        f"  {written.text_path}  (the same letter as text, to paste into an email)\n"
        f"It is logged as concern {written.concern_key}; record the reply with "
        f"workdiary concern answer {written.concern_key} --date DATE --response TEXT",
        file=out,
    )
    return EXIT_OK
