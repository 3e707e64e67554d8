"""The command line: with no subcommand it opens the desktop app; subcommands work headless.

Exit status, as the README promises scripts: 0 fine; 1 a problem found in the record (verify
found it changed, or any command found the diary file damaged); 2 a mistake in what was typed;
3 a fault in Work Diary itself (reported in the data folder); 4 the diary cannot be used just
now (busy, its disk full or read-only for a save, not there, newer): nothing found about the
record. The message is on stderr; with 1, 2 and 4 nothing was saved.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from workdiary.cli_output import showing_controls
from workdiary.domain.dates import (
    ONE_WEEK,
    format_day,
    format_moment,
    parse_date,
    week_commencing,
)
from workdiary.domain.errors import (
    ClockBehind,
    DiaryAltered,
    DiaryDamaged,
    DiaryReadOnly,
    DiaryUnavailable,
    DiskFull,
    FieldProblem,
    IdentifierWarning,
    InvalidInput,
    NotFound,
    WorkDiaryError,
)
from workdiary.domain.formatting import (
    count,
    cut_to_show,
    days_off_beside_hours,
    describe_event,
    format_money,
    format_number,
    format_value,
    week_flags,
    weeks_words,
)
from workdiary.domain.records import PROFILE_FIELDS, WEEK_FIELDS, FieldInfo, Profile, Week
from workdiary.domain.validation import (
    parse_number,
    profile_problems,
    require_valid,
    week_problems,
)
from workdiary.paths import AppPaths

# Every command but --help reads the diary, and so does the app: imported here, before the app
# imports Qt, whose import hook slows every module imported after it.
from workdiary.storage import Diary, Finding

if TYPE_CHECKING:
    from typing import TypeAlias

    from workdiary.domain.figures import PeriodSummary, WeekLine
    from workdiary.domain.history import Change, HistoryEvent
    from workdiary.domain.records import Recorded

    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_FAULT = 3
EXIT_UNAVAILABLE = 4

Handler = Callable[[argparse.Namespace, AppPaths, TextIO], int]
# How a value is shown to the user, given the field it belongs to and its stored form.
ValueWords = Callable[[str, Any], str]

# A value longer than this is cut short in a one-line summary of what changed.
LONGEST_VALUE = 70

# log-week's options: (flag, Week field, whole number?). Text and dates are handled on their own.
WEEK_NUMBER_OPTIONS: list[tuple[str, str, bool]] = [
    ("--capacity", "capacity_pct", False),
    ("--caseload", "caseload", True),
    ("--community", "cases_community", True),
    ("--licence", "cases_licence", True),
    ("--custody", "cases_custody", True),
    ("--reports-due", "reports_due", True),
    ("--wmt-reduction", "wmt_reduction_hours", False),
    ("--contracted", "contracted_hours", False),
    ("--hours", "hours_worked", False),
    ("--unpaid", "unpaid_hours", False),
    ("--toil-earned", "toil_earned", False),
    ("--toil-taken", "toil_taken", False),
    ("--breaks-missed", "breaks_missed_days", True),
    ("--leave-days", "leave_days", False),
    ("--sick-days", "sick_days", False),
]

PROFILE_NUMBER_OPTIONS: list[tuple[str, str, bool]] = [
    ("--contracted-hours", "contracted_hours", False),
    ("--hourly-rate", "hourly_rate", False),
    ("--threshold", "threshold_pct", False),
    ("--run-weeks", "run_weeks", True),
    ("--supervision-weeks", "supervision_interval_weeks", True),
]
PROFILE_TEXT_OPTIONS: list[tuple[str, str]] = [
    ("--name", "name"),
    ("--role", "role"),
    ("--team", "team"),
]


class _Parser(argparse.ArgumentParser):
    """argparse's parser, but a value that begins with a minus sign is a value, not an option:
    `--capacity -inf`, `--unpaid -1e3` reach the figure's own check and its words ("must be a
    number", "must be between 0 and 168"), the window's, instead of "expected one argument".
    argparse takes only -5 and -0.5 for numbers; Work Diary's only short option is -h."""

    # Anything after a single "-" but a letter, and the words float() reads: -inf, -nan.
    NOT_AN_OPTION = re.compile(r"^-(?:[^-A-Za-z]|inf|nan)", re.IGNORECASE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # How argparse tells a negative number from an option: not documented, so tests/cli
        # checks it still does. The commands' parsers are made of this class too.
        self._negative_number_matcher = self.NOT_AN_OPTION

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """A mistyped command (`lgo-week`) or choice (`--status cancelled-by-manger`) is said
        with the nearest there is, as a mistyped option is (see _refuse_leftovers), instead of
        argparse's "invalid choice" and a list to compare it with letter by letter. Where
        argparse checks a value against its choices: not documented, so tests/cli checks it."""
        choices = action.choices
        if choices is None or value in choices:
            return
        names = [str(choice) for choice in choices]
        nearest = _nearest(str(value), names)
        if isinstance(action, argparse._SubParsersAction):
            wrong, known = f"there is no command {value!r}", f"{self.prog} --help lists them"
        else:
            wrong = f"{'/'.join(action.option_strings)} cannot be {value!r}"
            known = f"it can be {', '.join(names[:-1])} or {names[-1]}"
        said = f"{wrong}; did you mean {nearest}?" if nearest else f"{wrong} ({known})"
        raise argparse.ArgumentError(None, said)


def _nearest(typed: str, names: list[str]) -> str | None:
    """The one of `names` that `typed` is most likely a slip for, if any is near enough."""
    import difflib

    nearest = difflib.get_close_matches(typed, names, n=1, cutoff=0.6)
    return nearest[0] if nearest else None


def _dest(flag: str) -> str:
    return flag.removeprefix("--").replace("-", "_")


def _describe(info: FieldInfo) -> str:
    return f"{info.label} ({info.unit})" if info.unit else info.label


def _field_help(info: FieldInfo, between: str) -> str:
    """A field's label, unit and hint, for a command's help. argparse fills in help text with %
    formatting, so a "%" (capacity's unit, and its hint) is written twice to be shown once."""
    return f"{_describe(info)}{between}{info.hint}".strip().replace("%", "%%")


def add_command(
    commands: Commands,
    common: argparse.ArgumentParser,
    name: str,
    handler: Handler | None,
    help_text: str,
) -> argparse.ArgumentParser:
    """A command (or a command's subcommand) that also takes --data-dir, run by `handler`."""
    sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
    # The innermost command typed wins (a subcommand's defaults are set after its command's):
    # what was mistyped in it is said with its usage (see _refuse_leftovers).
    sub.set_defaults(command_parser=sub)
    if handler is not None:
        sub.set_defaults(handler=handler)
    return sub


def _refuse_leftovers(parser: argparse.ArgumentParser, leftovers: list[str]) -> NoReturn:
    """Say what was typed that `parser` (the command it was typed in) does not take, with that
    command's usage, and the option it has that is nearest each mistyped one. argparse itself
    says so with the usage of `workdiary` alone, which lists no option of the command."""
    options = [flag for action in parser._actions for flag in action.option_strings]
    said: list[str] = []
    strays: list[str] = []
    after_option = False
    for word in leftovers:
        if word.startswith("-") and len(word) > 1 and not _Parser.NOT_AN_OPTION.match(word):
            typed = word.split("=", 1)[0]
            nearest = _nearest(typed, options)
            if nearest:
                said.append(f"there is no option {typed}; did you mean {nearest}?")
            else:
                said.append(f"there is no option {typed} ({parser.prog} --help lists them)")
            after_option = "=" not in word
        elif after_option:  # the value given with a mistyped option: said with it
            after_option = False
        else:
            strays.append(word)
    if strays:
        said.append(
            f"it does not take {' '.join(strays)!r} ({parser.prog} --help says what it takes)"
        )
    parser.error("\n".join(said))


def add_allow_identifiers(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-identifiers",
        action="store_true",
        help="save text even though it looks like a case reference, PNC number or date of birth",
    )


def add_clock_is_right(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--clock-is-right",
        action="store_true",
        help="save even though the computer's clock reads earlier than the diary's last entry "
        "(it was fast then, and is right now)",
    )


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the folder that holds the diary (default: WORKDIARY_DATA_DIR, else your data folder)",
    )


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a temporary copy of the sample diary (your own diary is untouched)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the app, show the history, check the diary, and exit (1 if a check fails)",
    )


def app_options(arguments: Sequence[str]) -> argparse.Namespace | None:
    """The options of opening the app, when `arguments` hold nothing else (no command, no --help,
    nothing mistyped). Opening the app then builds none of the commands' twenty parsers."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    _add_data_dir(parser)
    _add_app_options(parser)
    try:
        options, rest = parser.parse_known_args(arguments)
    except argparse.ArgumentError:
        return None  # the full parser says what is wrong, with the whole usage
    return None if rest else options


def build_parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    _add_data_dir(common)
    # Its commands' parsers are _Parsers too (argparse makes them of their parent's class).
    parser: argparse.ArgumentParser = _Parser(
        prog="workdiary",
        parents=[common],
        description="Work Diary: a private, tamper-evident record of your workload, week by week. "
        "Run it with no command to open the app.",
        epilog="Dates can be written 16/11/2026 or 2026-11-16; any day of a week means that week.",
    )
    _add_app_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        return add_command(commands, common, name, handler, help_text)

    profile = command("profile", _profile_show, "show or change your profile")
    profile_commands = profile.add_subparsers(dest="profile_command", metavar="show|set")
    add_command(profile_commands, common, "show", None, "show your profile")
    profile_set = add_command(
        profile_commands, common, "set", _profile_set, "change your profile (only what you name)"
    )
    for flag, field in PROFILE_TEXT_OPTIONS:
        profile_set.add_argument(flag, metavar="TEXT", help=_describe(PROFILE_FIELDS[field]))
    for flag, field, _whole in PROFILE_NUMBER_OPTIONS:
        info = PROFILE_FIELDS[field]
        profile_set.add_argument(flag, metavar="N", help=_field_help(info, ". "))
    add_clock_is_right(profile_set)

    log = command(
        "log-week",
        _log_week,
        "log a week's figures; logging a week again amends it and keeps the old figures",
    )
    log.add_argument("--week", required=True, metavar="DATE", help="any day of the week")
    for flag, field, _whole in WEEK_NUMBER_OPTIONS:
        info = WEEK_FIELDS[field]
        log.add_argument(flag, metavar="N", help=_field_help(info, ": "))
    log.add_argument("--wmt-read", metavar="DATE", help="the day you read the WMT figure")
    log.add_argument("--notes", metavar="TEXT", help="what made this week what it was")
    add_allow_identifiers(log)
    add_clock_is_right(log)

    show = command("show", _show, "list the weeks with their flags, and the figures for them")
    show.set_defaults(reads_only=True)
    show.add_argument("--from", dest="first", metavar="DATE", help="from this week")
    show.add_argument("--to", dest="last", metavar="DATE", help="up to this week")
    show.add_argument("--json", action="store_true", help="print JSON for scripts")

    history = command("history", _history, "show when a week was recorded and every amendment")
    history.set_defaults(reads_only=True)
    history.add_argument("--week", required=True, metavar="DATE", help="any day of the week")

    delete = command(
        "delete-week",
        _delete_week,
        "delete a week (it stays in the history and can be logged again)",
    )
    delete.add_argument("--week", required=True, metavar="DATE", help="any day of the week")
    add_clock_is_right(delete)

    # Imported here, not at the top: that module builds on this one's helpers.
    from workdiary.cli_letters import add_letter_commands
    from workdiary.cli_oversight import add_oversight_commands
    from workdiary.cli_packs import add_pack_commands

    add_oversight_commands(commands, common)
    add_letter_commands(commands, common)
    add_pack_commands(commands, common)

    verify = command(
        "verify",
        _verify,
        "check that nothing in the diary was changed behind its back, or check an evidence pack",
    )
    verify.add_argument("pack", nargs="?", metavar="PACK.pdf", help="an evidence pack to check")
    verify.set_defaults(reads_only=True)
    command("demo", _demo, "fill an empty diary with ten years of sample entries, to try things")
    return parser


def run() -> None:
    """The `workdiary` command and `python -m workdiary`: the command, then the process ends."""
    # A command, like the app starting, makes a great many objects and next to no reference
    # cycles, and Python's cycle collector would walk the growing heap again and again to find
    # none: a twentieth of an export's time, with the same peak memory without it. The app turns
    # it back on once its window is up and waiting for the user, for as long as it stays open.
    gc.disable()
    status = main()
    # By now the diary is closed and every file written and flushed; what the command made is
    # garbage. Python's last collections at exit would walk all of it again for nothing (40 ms
    # after a pack), so they are told to leave it: the memory goes back with the process.
    gc.freeze()
    sys.exit(status)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    opening = app_options(arguments)
    if opening is not None:
        return _open_app(opening)
    parser = build_parser()
    args, leftovers = parser.parse_known_args(arguments)
    if leftovers:
        _refuse_leftovers(getattr(args, "command_parser", parser), leftovers)
    if args.command is None:  # the app's options, abbreviated (--self for --self-test)
        return _open_app(args)
    # User text may hold controls pasted in with it: shown as signs, they cannot rewrite what
    # the terminal shows. JSON is for scripts, which get the text exactly as the diary holds it
    # (json.dump escapes the controls below space).
    stdout = out or sys.stdout
    if not getattr(args, "json", False):
        stdout = showing_controls(stdout)
    errors = showing_controls(sys.stderr)  # messages quote what was typed
    paths = AppPaths.resolve(getattr(args, "data_dir", None))
    handler: Handler | None = getattr(args, "handler", None)
    if args.demo or args.self_test:
        parser.error("--demo and --self-test go with opening the app, not with a command")
    if handler is None:  # `profile` alone means `profile show`
        handler = _profile_show
    try:
        _require_readable_text(args)
        return handler(args, paths, stdout)
    except BrokenPipeError:
        # The reader (say `| head`) stopped early; not our error. Quieten the flush at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except IdentifierWarning as warning:
        print(
            f"{warning}\nNothing was saved. If you are sure, run the command again with "
            "--allow-identifiers.",
            file=errors,
        )
        return EXIT_BAD_INPUT
    except ClockBehind as behind:
        print(
            f"{behind}\nNothing was saved. If your computer's clock is right now (it was fast "
            "when the last entry was made), run the command again with --clock-is-right.",
            file=errors,
        )
        return EXIT_BAD_INPUT
    except InvalidInput as invalid:
        # A command that only reads has nothing to reassure the user about.
        after = "" if getattr(args, "reads_only", False) else "\nNothing was saved."
        print(f"{invalid}{after}", file=errors)
        return EXIT_BAD_INPUT
    except (DiaryAltered, DiaryDamaged) as found:
        # A problem in the record, found as `verify` would have found it, by whichever command:
        # a script reads 1 as "the diary is not what it should be".
        print(found, file=errors)
        return EXIT_CHECK_FAILED
    except DiaryUnavailable as unavailable:
        # Busy, a full or read-only disk for a save, a memory stick not plugged in, a newer
        # version's diary, a data folder that cannot be made: nothing typed was wrong, and
        # nothing is known about the record. A script may try again once it is sorted out.
        print(unavailable, file=errors)
        return EXIT_UNAVAILABLE
    except WorkDiaryError as error:
        print(error, file=errors)
        return EXIT_BAD_INPUT
    except Exception as error:  # a fault in Work Diary, not in what it was asked to do
        _report_fault(error, paths, f"workdiary {args.command}", errors)
        return EXIT_FAULT


# Where argparse keeps the options that name files only read, not text for the diary: their
# names may be any bytes the system allows. A file written (--out) is named in the diary.
_FILE_NAMES = frozenset({"data_dir", "pack"})


def _require_readable_text(args: argparse.Namespace) -> None:
    """Refuse text given in bytes that are not text in this computer's encoding (Python keeps
    them as stand-ins no file can hold): saved, they would fail half-way; told, they can be
    typed again."""
    for name, value in vars(args).items():
        if name in _FILE_NAMES:
            continue
        if isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise InvalidInput(
                    [
                        FieldProblem(
                            name,
                            f"Some of the text given for {_option_name(name)} cannot be read "
                            "as text: it holds bytes this computer's character set does not "
                            "know. Type it again, or paste it from somewhere else.",
                        )
                    ]
                ) from None


def _option_name(dest: str) -> str:
    """The option as typed, from where argparse keeps its value: `--from` for `first`."""
    named = {"first": "--from", "last": "--to", "recipient": "--addressed-to"}
    return named.get(dest, f"--{dest.replace('_', '-')}")


def _report_fault(error: Exception, paths: AppPaths, running: str, errors: TextIO) -> None:
    """Say plainly that the fault is Work Diary's, and keep the details in a crash report: a
    script's exit status 1 must keep meaning that `verify` found a problem, not that it broke."""
    import traceback

    from workdiary.crash_reports import (
        CRASH_REPORTS_FOLDER,
        report_kept,
        summary,
        write_crash_report,
    )

    print(
        f"Work Diary hit a fault of its own: {summary(error)}\nIt is not something you did. "
        "What was saved before is safe, but this command may not have finished.",
        file=errors,
    )
    try:
        paths.ensure()  # private, as ever, should the fault come before the diary was made
        folder = paths.data_dir / CRASH_REPORTS_FOLDER
        report = write_crash_report(folder, error, datetime.now().astimezone(), running)
    except Exception as failure:  # the details go to the screen instead
        print(f"No crash report could be saved ({summary(failure)}):", file=errors)
        traceback.print_exception(error, file=errors)
        return
    print(report_kept(report), file=errors)


def _open_app(options: argparse.Namespace) -> int:
    try:
        from workdiary.app import run_app
    except ImportError as error:  # Qt, or a system library it is built on, cannot be loaded
        from workdiary.no_window import EXIT_NO_SCREEN, cannot_load_qt

        why = cannot_load_qt(error)
        if why is None:
            raise
        print(why, file=sys.stderr)
        return EXIT_NO_SCREEN
    paths = AppPaths.resolve(getattr(options, "data_dir", None))
    return run_app(paths, demo=options.demo, self_test=options.self_test)


def warn_if_altered(diary: Diary) -> None:
    """Say, before the figures, that they are not what Work Diary recorded: a diary changed
    outside it is shown as the file holds it now, and only `verify` would otherwise tell."""
    report = diary.verify()
    if not report.intact:
        print(
            "Warning: this diary no longer matches its own history: something other than Work "
            f"Diary changed it ({count(len(report.findings), 'problem')}; `workdiary verify` "
            "names them). What follows is what the file holds now.",
            file=sys.stderr,
        )


def open_diary(paths: AppPaths, *, reading: bool = False) -> Diary:
    """The diary, made where it belongs if it is not there yet. Not for `reading`: the folder
    may be a mistyped --data-dir, and a diary made there would hide where the real one is. The
    command reads an empty diary instead (its own words say how to start one), and the user is
    told there is none there."""
    if reading and not paths.has_diary():
        print(
            f"There is no diary in {paths.data_dir} yet, and none was made there. If your diary "
            "is in another folder, give that folder with --data-dir.",
            file=sys.stderr,
        )
        return Diary.empty(paths.diary_file)
    paths.ensure()
    return Diary.open(paths.diary_file)


@contextlib.contextmanager
def recorded_in_the_diary(why: str) -> Iterator[None]:
    """Around a command that writes a file elsewhere and records it in the diary: a diary that
    cannot be saved to just now (its folder read-only, its disk full) is said, after `why` (what
    is recorded, and what for), to be why nothing was written, though the file was to go
    somewhere that can be written to."""
    try:
        yield
    except (DiaryReadOnly, DiskFull) as cannot_save:
        raise type(cannot_save)(f"{why}\n{cannot_save}") from None


def pdf_out(out: str) -> Path:
    """Where `--out` says to write a PDF: a file whose name ends in .pdf, or a folder that is
    there, which the command writes in under the name the window offers (numbered after any
    file already there). Someone who types `--out ~/Documents` or `--out .` means the PDF to go
    there, as `cp` would put a file; its name is then said with the rest of what was written."""
    path = Path(out).expanduser()
    if path.is_dir() or path.suffix.lower() == ".pdf":
        return path
    if out.endswith(("/", os.sep)):
        problem = (
            f"There is no folder {path.absolute()}: give a folder that is there, or the file to "
            "write, ending in .pdf."
        )
    else:
        problem = "The file to write must end in .pdf (or give a folder to write it in)."
    raise InvalidInput([FieldProblem("out", problem)])


def _week_of(text: str, field: str = "week") -> date:
    return week_commencing(parse_date(text, field, "The week"))


def _numbers(
    args: argparse.Namespace, options: list[tuple[str, str, bool]], infos: dict[str, FieldInfo]
) -> dict[str, float | int]:
    """The numeric options given, parsed; every bad one is reported at once."""
    values: dict[str, float | int] = {}
    problems: list[FieldProblem] = []
    for flag, field, whole in options:
        text = getattr(args, _dest(flag))
        if text is None:
            continue
        try:
            values[field] = parse_number(text, field, f"{infos[field].label} ({flag})", whole=whole)
        except InvalidInput as invalid:
            problems += invalid.problems
    if problems:
        raise InvalidInput(problems)
    return values


def _as_typed(args: argparse.Namespace, options: list[tuple[str, str, bool]]) -> dict[str, str]:
    """The numeric options given, by field, as they were typed: a message quotes a figure so
    (`you entered 5000`, not the `5,000` it is shown as)."""
    typed = {field: getattr(args, _dest(flag)) for flag, field, _whole in options}
    return {field: text for field, text in typed.items() if text is not None}


def shorten(text: str, longest: int = LONGEST_VALUE) -> str:
    """`text` as it is, or cut short with an ellipsis when longer than `longest`."""
    return text if len(text) <= longest else text[: longest - 3].replace("\n", " ") + "…"


def print_changes(
    changes: Sequence[Change],
    fields: dict[str, FieldInfo],
    words: ValueWords,
    out: TextIO,
    *,
    amended: bool,
    hidden: tuple[str, ...] = (),
) -> None:
    """What a save changed, a line a field: `Label: value`, or `Label: old → new` for an
    amendment, each value in `words` and cut short as the history cuts it. A value's second line
    and those after it are set further in, not read as another field."""
    for change in changes:
        if change.field in hidden:
            continue
        old, new = cut_to_show(
            words(change.field, change.old) if amended else None,
            words(change.field, change.new),
            LONGEST_VALUE,
        )
        shown = new if old is None else f"{old} → {new}"
        print_lines(f"{fields[change.field].label}: {shown}", "  ", out)


def print_lines(text: str, indent: str, out: TextIO) -> None:
    """`text` at `indent`, its second line and those after it set in further."""
    first, *more = text.split("\n")
    print(f"{indent}{first}", file=out)
    for line in more:
        print(f"{indent}    {line}", file=out)


def plain_json(value: Any) -> Any:
    """`value` as JSON holds it: dates as ISO text, choices as their names, records as objects."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain_json(item) for item in value]
    if isinstance(value, dict):
        return {plain_json(key): plain_json(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: plain_json(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    return value


# profile


def _profile_show(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_diary(paths, reading=True) as diary:
        _print_profile(diary.profile(), out)
    return EXIT_OK


def _print_profile(profile: Profile, out: TextIO) -> None:
    for field, info in PROFILE_FIELDS.items():
        value = getattr(profile, field)
        shown = "(not set)" if value in (None, "") else format_value(info, value)
        print(f"{info.label + ':':<28} {shown}", file=out)


def _profile_set(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    changes: dict[str, Any] = dict(_numbers(args, PROFILE_NUMBER_OPTIONS, PROFILE_FIELDS))
    for flag, field in PROFILE_TEXT_OPTIONS:
        text = getattr(args, _dest(flag))
        if text is not None:
            changes[field] = text.strip()
    if not changes:
        flags = [flag for flag, _ in PROFILE_TEXT_OPTIONS] + [
            f for f, _, _ in PROFILE_NUMBER_OPTIONS
        ]
        raise InvalidInput(
            [FieldProblem("profile", "Say what to change, with one or more of " + ", ".join(flags))]
        )
    with open_diary(paths) as diary:
        profile = dataclasses.replace(diary.profile(), **changes)
        require_valid(profile_problems(profile, _as_typed(args, PROFILE_NUMBER_OPTIONS)))
        result = diary.save_profile(profile, allow_clock_behind=args.clock_is_right)
        if result.action == "unchanged":
            print("Nothing changed: your profile already says that.", file=out)
        else:
            print("Your profile is saved:", file=out)
            _print_profile(result.entry.record, out)
    return EXIT_OK


# weeks


def _log_week(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from workdiary.domain.figures import week_is_retrospective

    monday = _week_of(args.week)
    given: dict[str, Any] = dict(_numbers(args, WEEK_NUMBER_OPTIONS, WEEK_FIELDS))
    if args.wmt_read is not None:
        given["wmt_read_on"] = parse_date(args.wmt_read, "wmt_read_on", "The WMT reading date")
    if args.notes is not None:
        given["notes"] = args.notes
    typed = _as_typed(args, WEEK_NUMBER_OPTIONS)
    with open_diary(paths) as diary:
        existing = diary.weeks.get(monday.isoformat())
        if existing is not None:
            week = dataclasses.replace(existing.record, **given)
        else:
            given.setdefault("contracted_hours", diary.profile().contracted_hours)
            if "capacity_pct" not in given:
                # Say everything that needs fixing at once, not one mistake per attempt.
                missing = FieldProblem(
                    "capacity_pct",
                    f"The week commencing {format_day(monday)} is not logged yet: give its WMT "
                    "capacity figure with --capacity, for example --capacity 132.5",
                )
                others = week_problems(Week(monday, 0.0, **given), diary.today(), typed)
                raise InvalidInput([missing, *others])
            week = Week(week_commencing=monday, **given)
        # Checked here as well as in saving it, to quote the figures as they were typed.
        require_valid(week_problems(week, diary.today(), typed))
        result = diary.weeks.save(
            week,
            allow_identifiers=args.allow_identifiers,
            allow_clock_behind=args.clock_is_right,
        )
    entry = result.entry
    heading = f"the week commencing {format_day(monday)}"
    if result.action == "unchanged":
        print(f"Nothing changed: {heading} already has these figures.", file=out)
        return EXIT_OK
    if result.action in ("created", "restored"):
        verb = "Logged" if result.action == "created" else "Logged again (it had been deleted)"
        print(f"{verb} {heading}, recorded {format_moment(entry.last_changed_at)}:", file=out)
        print_changes(
            result.changes, WEEK_FIELDS, _value, out, amended=False, hidden=("week_commencing",)
        )
        if week_is_retrospective(entry):
            print(
                "This week ended more than 7 days ago, so it is marked as recorded "
                "retrospectively, with the date it was recorded.",
                file=out,
            )
        return EXIT_OK
    print(f"Amended {heading} (amendment {entry.amendments}):", file=out)
    print_changes(result.changes, WEEK_FIELDS, _value, out, amended=True)
    print(
        f"The earlier figures stay in its history: workdiary history --week {monday.isoformat()}",
        file=out,
    )
    return EXIT_OK


def _value(field: str, value: Any) -> str:
    return format_value(WEEK_FIELDS.get(field), value)


def _lines_and_summary(
    entries: list[Recorded[Week]],
    profile: Profile,
    today: date,
    first: date | None,
    last: date | None,
    deleted: dict[date, datetime],
) -> tuple[list[WeekLine], PeriodSummary | None]:
    from workdiary.domain.figures import period_bounds, summarise, week_lines

    bounds = period_bounds(entries, today, first, last, deleted)
    lines = week_lines(entries, profile, *bounds, deleted=deleted) if bounds else []
    return lines, summarise(lines, profile) if lines else None


def _show(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    first = _week_of(args.first, "from") if args.first else None
    last = _week_of(args.last, "to") if args.last else None
    if first and last and first > last:
        raise InvalidInput([FieldProblem("from", "--from must be on or before --to.")])
    from workdiary.domain.figures import first_week_recorded

    with open_diary(paths, reading=True) as diary, diary.reading():
        profile = diary.profile()
        entries = diary.weeks.all()
        today = diary.today()
        deleted = diary.deleted_weeks()
        warn_if_altered(diary)
    # A week deleted since is part of the record: the diary was being kept by then.
    began = first_week_recorded(entries, deleted)
    lines, summary = _lines_and_summary(entries, profile, today, first, last, deleted)
    if args.json:
        shown = _show_json(lines, summary, profile, began)
        json.dump(shown, out, ensure_ascii=False, indent=1)
        print(file=out)
        return EXIT_OK
    if summary is None:
        if began is None:
            print(
                "No weeks to show yet. Log one with: workdiary log-week --week DATE --capacity PCT",
                file=out,
            )
        elif last is not None and last < began:
            print(
                "Nothing is recorded in that period: the first week recorded in this diary is "
                f"the week commencing {format_day(began)}.",
                file=out,
            )
        else:
            print("No weeks to show for that period.", file=out)
        return EXIT_OK
    print(_table_row(["Week commencing", "Capacity", "Caseload", "Hours", "Unpaid", "Recorded"],
                     "Flags"), file=out)  # fmt: skip
    for line in lines:
        cells = [format_day(line.week_commencing), "—", "", "", "", ""]
        if line.entry is not None:
            week = line.entry.record
            cells[1:] = [
                f"{format_number(week.capacity_pct)} %",
                _cell(week.caseload),
                _cell(week.hours_worked),
                _cell(week.unpaid_hours),
                format_day(line.entry.first_recorded_at.astimezone().date()),
            ]
        print(
            _table_row(cells, ", ".join([flag.with_day for flag in week_flags(line, profile)])),
            file=out,
        )
    print(file=out)
    if first is not None and began is not None and began > first:
        print(_began_sentence(began, (began - first) // ONE_WEEK), file=out)
    for sentence in _summary_sentences(summary, profile):
        print(sentence, file=out)
    return EXIT_OK


def _began_sentence(began: date, weeks_before: int) -> str:
    # Weeks before the diary was kept are not "not logged": saying so would tell a reader the
    # officer let the diary lapse.
    return (
        f"The first week recorded in this diary is the week commencing {format_day(began)}: "
        f"{count(weeks_before, 'week')} before it {'is' if weeks_before == 1 else 'are'} not "
        "counted."
    )


def _table_row(cells: list[str], flags: str) -> str:
    week, capacity, caseload, hours, unpaid, recorded = cells
    return (
        f"{week:<16} {capacity:>9} {caseload:>8} {hours:>6} {unpaid:>6}  {recorded:<16} {flags}"
    ).rstrip()


def _cell(value: float | None) -> str:
    return "" if value is None else format_number(value)


def _summary_sentences(summary: PeriodSummary, profile: Profile) -> list[str]:
    threshold = format_number(summary.threshold_pct)
    sentences = [
        f"{weeks_words(summary)}: {summary.weeks_logged:,} logged, "
        f"{summary.weeks_not_logged:,} not logged."
    ]
    if summary.average_capacity_pct is not None and summary.peak_capacity_week is not None:
        sentences.append(
            f"Capacity averaged {format_number(summary.average_capacity_pct, places=1)} %, "
            f"peaking at {format_number(summary.peak_capacity_pct or 0)} % in the week commencing "
            f"{format_day(summary.peak_capacity_week)}."
        )
    runs = summary.excessive_runs
    sentences.append(
        f"{count(summary.weeks_at_or_over, 'week')} at or over {threshold} %; "
        f"{count(len(runs), 'run')} of {profile.run_weeks} or more consecutive weeks at or over it."
    )
    if summary.weeks_with_hours:
        extra = summary.hours_worked - summary.contracted_hours
        sentences.append(
            f"Hours worked {format_number(summary.hours_worked)} against "
            f"{format_number(summary.contracted_hours)} contracted "
            f"({'+' if extra >= 0 else ''}{format_number(extra)}) over the "
            f"{count(summary.weeks_with_hours, 'week')} with both recorded."
        )
        days_off = days_off_beside_hours(
            summary.leave_days_with_hours, summary.sick_days_with_hours
        )
        if days_off:
            sentences.append(f"{days_off}.")
    unpaid = f"Unpaid hours: {format_number(summary.unpaid_hours)}"
    if not summary.weeks_with_unpaid:
        unpaid = "Unpaid hours: none recorded"
    elif summary.unpaid_value_gbp is not None and profile.hourly_rate is not None:
        unpaid += (
            f", worth {format_money(summary.unpaid_value_gbp)} at "
            f"{format_money(profile.hourly_rate)} an hour"
        )
    sentences.append(unpaid + ".")
    if summary.peak_wtr_average is not None and summary.peak_wtr_week is not None:
        sentences.append(
            f"Working Time Regulations: the highest 17-week average was "
            f"{format_number(summary.peak_wtr_average, places=1)} hours a week (to the week "
            f"commencing {format_day(summary.peak_wtr_week)}; weeks with leave or sickness "
            f"left out, as the Regulations do); "
            f"{count(summary.weeks_wtr_over_limit, 'week')} averaged over 48."
        )
    recorded = (
        f"Recorded retrospectively: {count(summary.retrospective_weeks, 'week')}. "
        f"Amended after first being recorded: {count(summary.amended_weeks, 'week')}."
    )
    if summary.logged_again_weeks:
        recorded += (
            f" Deleted and logged again: {count(summary.logged_again_weeks, 'week')}; neither "
            "the deletion nor the logging again counts as an amendment."
        )
    sentences.append(recorded)
    return sentences


def _show_json(
    lines: list[WeekLine], summary: PeriodSummary | None, profile: Profile, began: date | None
) -> dict[str, Any]:
    from workdiary.domain.rows import to_row

    weeks = []
    for line in lines:
        item: dict[str, Any] = {
            "week_commencing": line.week_commencing.isoformat(),
            "logged": line.entry is not None,
            "flags": {
                "not_logged": line.not_logged,
                "at_or_over_threshold": line.at_or_over,
                "excessive_run": line.in_excessive_run,
                "retrospective": line.retrospective,
                "amended": line.amended,
                "logged_again": line.logged_again,
                "entry_deleted": line.deleted_at is not None,
            },
            "wtr_17_week_average": line.wtr_average,
        }
        if line.entry is not None:
            item.update(to_row(line.entry.record))
            item["first_recorded_at"] = line.entry.first_recorded_at.isoformat()
            item["last_changed_at"] = line.entry.last_changed_at.isoformat()
            item["amendments"] = line.entry.amendments
            # Each time its entry was deleted and the week logged again: no amendment.
            item["logged_again"] = [
                {
                    "deleted_at": iso_moment(again.deleted_at),
                    "logged_again_at": iso_moment(again.at),
                }
                for again in line.entry.recorded_again
            ]
        if line.deleted_at is not None:
            item["deleted_at"] = line.deleted_at.isoformat()
        weeks.append(item)
    return {
        "profile": to_row(profile),
        "first_week_recorded": began.isoformat() if began else None,
        "weeks": weeks,
        "summary": _summary_json(summary) if summary else None,
    }


def iso_moment(moment: datetime | None) -> str | None:
    """A moment for --json: ISO 8601, or null where the diary no longer says when."""
    return moment.isoformat() if moment is not None else None


def _summary_json(summary: PeriodSummary) -> dict[str, Any]:
    summary_json: dict[str, Any] = plain_json(summary)
    return summary_json


def _history(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    monday = _week_of(args.week)
    with open_diary(paths, reading=True) as diary:
        events = diary.weeks.history(monday.isoformat())
        warn_if_altered(diary)
    if not events:
        print(f"The week commencing {format_day(monday)} has never been logged.", file=out)
        return EXIT_OK
    print(f"Week commencing {format_day(monday)}", file=out)
    for event in events:
        print_event(event, WEEK_FIELDS, out, hidden=("week_commencing",))
    return EXIT_OK


def print_event(
    event: HistoryEvent, fields: dict[str, FieldInfo], out: TextIO, hidden: tuple[str, ...] = ()
) -> None:
    """An event of a record's history: when, what happened, and a line a field it changed; in
    the words of the window's Show history…, for weeks, sessions and concerns alike."""
    title, lines = describe_event(event, fields, hidden, longest_value=LONGEST_VALUE)
    print(f"  {format_moment(event.at)}  {title}{':' if lines else ''}", file=out)
    for line in lines:
        print_lines(line, "      ", out)


def _delete_week(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    monday = _week_of(args.week)
    with open_diary(paths) as diary:
        if diary.weeks.get(monday.isoformat()) is None:
            raise NotFound(
                f"The week commencing {format_day(monday)} is not logged, so there is nothing to "
                "delete."
            )
        diary.weeks.delete(monday.isoformat(), allow_clock_behind=args.clock_is_right)
    print(
        f"Deleted the week commencing {format_day(monday)}. It stays in the diary's history "
        f"(workdiary history --week {monday.isoformat()}) and can be logged again.",
        file=out,
    )
    return EXIT_OK


# checks


def _verify(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    if args.pack:
        from workdiary.cli_packs import verify_pack

        return verify_pack(args.pack, paths, out)
    if not paths.has_diary():
        print(
            f"There is no diary at {paths.diary_file} yet, so there is nothing to check.", file=out
        )
        return EXIT_OK
    with open_diary(paths) as diary:
        report = diary.verify()
    if report.intact:
        print(
            f"The diary is intact: {report.entries:,} audit entries, and every record matches "
            f"its history.\nChain head: {report.chain_head}",
            file=out,
        )
        _say_dated_backwards(report.dated_backwards, out)
        return EXIT_OK
    print(
        f"The diary does NOT match its own history. {count(len(report.findings), 'problem')} "
        "found:",
        file=out,
    )
    for finding in report.findings:
        print(f"  - {finding.message}", file=out)
    _say_dated_backwards(report.dated_backwards, out)
    return EXIT_CHECK_FAILED


def _say_dated_backwards(dated_backwards: list[Finding], out: TextIO) -> None:
    """Entries dated before the one before them: not a change to the diary, so not a problem the
    exit status reports, but a reader relying on when records were kept must be told."""
    if not dated_backwards:
        return
    one = len(dated_backwards) == 1
    print(
        f"\nNote: {count(len(dated_backwards), 'entry', 'entries')} "
        f"{'is' if one else 'are'} dated earlier than the entry before it. Work Diary dates "
        "each entry by the computer's clock, so that clock was wrong, or had been put back, "
        f"when {'it was' if one else 'they were'} saved, and {'its date' if one else 'their dates'}"
        " cannot be relied on:",
        file=out,
    )
    for finding in dated_backwards:
        print(f"  - {finding.message}", file=out)


def _demo(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    from workdiary.sample_diary import fill_sample_diary, last_week_ended

    paths.ensure()
    with open_diary(paths) as diary:
        today = diary.today()
    summary = fill_sample_diary(paths.diary_file, last_week_ended(today))
    print(
        f"Filled {paths.diary_file} with the sample diary: {summary.weeks_logged} weeks logged "
        f"over ten years, {summary.sessions} supervision sessions, {summary.concerns} concerns. "
        "Try: workdiary show",
        file=out,
    )
    return EXIT_OK
