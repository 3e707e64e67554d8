"""`workdiary notice`: the letters that put the employer on notice, written from the diary."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from workdiary.cli import (
    EXIT_OK,
    add_allow_identifiers,
    add_clock_is_right,
    add_command,
    open_diary,
    pdf_out,
    recorded_in_the_diary,
)
from workdiary.domain.dates import format_day, parse_date
from workdiary.domain.errors import FieldProblem, InvalidInput
from workdiary.domain.formatting import listed
from workdiary.paths import AppPaths

if TYPE_CHECKING:
    from workdiary.cli import Commands

# correspondence.NOTICE and ACCESS_REQUEST, spelled out: building the parser imports no letters.
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
    notice.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf",
        help="where to write the PDF; the same letter is written as text beside it (FILE.txt), "
        "and neither may be there already. Given a folder, they are written there under "
        "the letter's usual name",
    )
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
        "--name",
        metavar="TEXT",
        help="the name to sign the letter with (default: the name in your profile; with "
        "neither, the letter ends with lines to sign and print your name on)",
    )
    # No defaults here: an option given for the other kind of letter is refused, not ignored.
    notice.add_argument(
        "--copy-to",
        metavar="TEXT",
        help="notice: who gets a copy (default: Napo branch)",
    )
    notice.add_argument(
        "--health",
        metavar="TEXT",
        help="notice: in your own words, what the workload does to your health",
    )
    notice.add_argument(
        "--ask",
        metavar="TEXT",
        help="notice: what you are asking for (for example a workload review)",
    )
    notice.add_argument(
        "--from",
        dest="first",
        metavar="DATE",
        help="access request: the first day of the records asked for (default: two years ago)",
    )
    notice.add_argument(
        "--to",
        dest="last",
        metavar="DATE",
        help="access request: the last day, today at the latest (default: today)",
    )
    add_allow_identifiers(notice)
    add_clock_is_right(notice)


# The options that belong to one kind of letter, as typed, by where argparse keeps them.
NOTICE_ONLY = {"copy_to": "--copy-to", "health": "--health", "ask": "--ask"}
ACCESS_REQUEST_ONLY = {"first": "--from", "last": "--to"}
# Each kind of letter, as a refusal names it.
# Why a letter is not written while the diary cannot be saved to, though it goes elsewhere.
LOGGED = (
    "No letter was written. Each letter is logged in your diary as a concern you raised, so "
    "that you can record the reply to it, and that cannot be logged now:"
)
NOTICE_TEXT = "a foreseeability notice"
# Said after writing a letter from the sample diary, which the letter itself says on every page.
DEMONSTRATION = (
    "This is a DEMONSTRATION letter: your diary holds Work Diary's sample data, so every name, "
    "figure and date in it is made up, and the letter says so on every page. Do not send it."
)
ACCESS_REQUEST_TEXT = "a subject access request (--kind access-request)"


def _notice(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from workdiary import correspondence

    out_path = pdf_out(args.out)
    _refuse_options_of_the_other_kind(args)
    try:
        with recorded_in_the_diary(LOGGED), open_diary(paths) as diary:
            pdf_path = out_path
            if out_path.is_dir():  # the name the window offers, in the folder given
                pdf_path = correspondence.unused_letter_path(
                    out_path, args.kind, diary.today(), sample_data=diary.holds_sample_data()
                )
            if args.kind == "foreseeability":
                request = correspondence.notice_request(
                    diary,
                    recipient=args.recipient or "Operations Manager",
                    copy_to=args.copy_to if args.copy_to is not None else "Napo branch",
                    health_effects=args.health or "",
                    asks=args.ask or "",
                    name=args.name,
                )
                written = correspondence.write_notice(
                    diary,
                    request,
                    pdf_path,
                    allow_identifiers=args.allow_identifiers,
                    allow_clock_behind=args.clock_is_right,
                )
                what = "foreseeability notice"
                signed, weeks = request.profile.name, request.figures.weeks_logged
                demonstration = request.sample_data
            else:
                today = diary.today()
                default_first, _ = correspondence.default_access_period(today)
                last = parse_date(args.last, "to", "The last day") if args.last else today
                first = (
                    parse_date(args.first, "from", "The first day") if args.first else default_first
                )
                access = correspondence.access_request(
                    diary, first, last, args.recipient or "Data Protection Officer", args.name
                )
                written = correspondence.write_access_request(
                    diary, access, pdf_path, allow_clock_behind=args.clock_is_right
                )
                what = f"subject access request for {format_day(first)} to {format_day(last)}"
                signed, weeks = access.profile.name, None
                demonstration = access.sample_data
    except correspondence.LetterFileInTheWay as in_the_way:
        raise InvalidInput(
            [FieldProblem("out", f"{in_the_way} Give another file name with --out.")]
        ) from None
    print(
        f"Wrote the {what}:\n  {written.pdf_path}  (SHA-256 {written.sha256})\n"
        f"  {written.text_path}  (the same letter as text, to paste into an email)\n"
        f"It is logged as concern {written.concern_key}; record the reply with "
        f"workdiary concern answer {written.concern_key} --date DATE --response TEXT",
        file=out,
    )
    if demonstration:
        print(DEMONSTRATION, file=out)
    if weeks == 0:
        print(
            "Your diary holds no weeks yet, so the letter gives no weekly figures, and says so. "
            "Log your weeks (workdiary log-week) to have them in a letter.",
            file=out,
        )
    if not signed:
        print(
            "No name was given for the letter, so it ends with lines to sign and print your name "
            "on. To have your name printed instead, give --name, or set it once in your "
            "profile: workdiary profile set --name TEXT",
            file=out,
        )
    return EXIT_OK


def _refuse_options_of_the_other_kind(args: argparse.Namespace) -> None:
    """An option the letter has no place for would be left out of it without a word, and the
    officer would send a letter that does not say what they meant it to."""
    if args.kind == "foreseeability":
        others, belongs, instead = ACCESS_REQUEST_ONLY, ACCESS_REQUEST_TEXT, NOTICE_TEXT
    else:
        others, belongs, instead = NOTICE_ONLY, NOTICE_TEXT, ACCESS_REQUEST_TEXT
    given = [option for dest, option in others.items() if getattr(args, dest) is not None]
    if not given:
        return
    one = len(given) == 1
    raise InvalidInput(
        [
            FieldProblem(
                "kind",
                f"{listed(given)} {'goes' if one else 'go'} with {belongs}, not with {instead}: "
                f"leave {'it' if one else 'them'} out.",
            )
        ]
    )
