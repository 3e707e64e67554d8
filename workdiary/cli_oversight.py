"""The command line's supervision and concern commands: recording them, listing them with the
figures on management oversight, recording the answer to a concern, and deleting one recorded by
mistake (it stays in its history)."""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from workdiary.cli import (
    EXIT_OK,
    Handler,
    add_allow_identifiers,
    add_clock_is_right,
    add_command,
    iso_moment,
    open_diary,
    plain_json,
    print_changes,
    print_event,
    shorten,
    warn_if_altered,
)
from workdiary.domain.concern_story import (
    ConcernStory,
    concern_amendments,
    concern_stories,
    session_amendments,
)
from workdiary.domain.dates import format_day, format_moment, parse_date
from workdiary.domain.errors import FieldProblem, InvalidInput, NotFound
from workdiary.domain.figures import RETROSPECTIVE_AFTER_DAYS, is_retrospective
from workdiary.domain.formatting import (
    BEFORE_THE_PERIOD,
    CONCERN_CHANNEL_WORDS,
    SUPERVISION_STATUS_WORDS,
    count,
    format_number,
    format_value,
    held_on_shared_days,
    listed,
    recorded_again_words,
    workload_discussed_words,
)
from workdiary.domain.formatting import (
    RESTORED as RESTORED_VERB,
)
from workdiary.domain.oversight import (
    SupervisionFigures,
    SupervisionOverdue,
    is_answered,
    is_overdue,
    recorded_supervision,
    supervision_overdue,
)
from workdiary.domain.records import (
    CONCERN_FIELDS,
    SUPERVISION_FIELDS,
    Concern,
    ConcernChannel,
    ConcernStatus,
    Recorded,
    SupervisionSession,
    SupervisionStatus,
)
from workdiary.domain.validation import concern_problems, parse_number, supervision_problems
from workdiary.paths import AppPaths

if TYPE_CHECKING:
    from workdiary.cli import Commands
    from workdiary.domain.history import HistoryEvent
    from workdiary.storage.records import RecordTable

T = TypeVar("T")


# The choices in words, as the lists and messages show them.
def _in_a_sentence(words: str) -> str:
    """`Cancelled by manager` → `cancelled by manager`; `WMT challenge` keeps its capitals."""
    return words if words[:2].isupper() else words[0].lower() + words[1:]


STATUS_WORDS = {s: _in_a_sentence(words) for s, words in SUPERVISION_STATUS_WORDS.items()}
CHANNEL_WORDS = {c: _in_a_sentence(words) for c, words in CONCERN_CHANNEL_WORDS.items()}
# The same words by stored value (the name a row or audit entry holds), field by field.
WORDS_FOR_CHOICES: dict[str, dict[str, str]] = {
    "status": {status.value: words for status, words in STATUS_WORDS.items()}
    | {status.value: status.value for status in ConcernStatus},
    "channel": {channel.value: words for channel, words in CHANNEL_WORDS.items()},
}

# What `supervision delete` and `concern delete` say of the record they deleted.
RESTORED = (
    "It is listed and counted in the figures again, as it was before it was deleted, and keeps "
    "the date it was first recorded. Its history keeps the deletion."
)
DELETED_STAYS = (
    "It is no longer listed or counted in the figures. What it held stays in the diary's "
    "history, and the amendment history of an evidence pack made from now on shows the deletion."
)
# How much of a concern's summary its line in `concern list` shows; --json has all of it.
SUMMARY_IN_LIST = 96
# A table's columns: heading, width (0: as wide as it needs, for the last) and alignment.
SUPERVISION_COLUMNS = [("Id", 4, ">"), ("Date", 15, "<"), ("Status", 20, "<"),
                       ("Supervisor", 10, "<"), ("Minutes", 7, ">"),
                       ("Workload discussed", 18, "<"), ("Recorded on", 15, "<"),
                       ("Marks", 0, "<")]  # fmt: skip
CONCERN_COLUMNS = [("Id", 4, ">"), ("Raised on", 15, "<"), ("Raised with", 26, "<"),
                   ("How", 21, "<"), ("Status", 8, "<"), ("Response on", 15, "<"),
                   ("Follow up on", 15, "<"), ("Marks", 0, "<")]  # fmt: skip


def add_oversight_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    """`supervision add|list|history|delete|restore` and
    `concern add|list|answer|history|delete|restore`."""
    supervision = add_command(
        commands,
        common,
        "supervision",
        None,
        "record supervision sessions (held, cancelled or never offered) and list them with "
        "held against expected and the longest gap",
    )
    supervision_commands = supervision.add_subparsers(
        dest="supervision_command",
        metavar="add|list|history|delete|restore",
        required=True,
    )
    add = add_command(
        supervision_commands,
        common,
        "add",
        _supervision_add,
        "record a supervision session that was due, whether or not it was held",
    )
    add.add_argument("--date", required=True, metavar="DATE", help="the day it was (or was due)")
    _add_choice(add, "--status", [status.value for status in SupervisionStatus], "what happened")
    add.add_argument("--supervisor", metavar="INITIALS", help="your supervisor, by initials only")
    # The window calls it Length: either name is taken, and its messages use the one typed.
    add.add_argument(
        "--minutes",
        "--length",
        metavar="N",
        action=_StoreWithName,
        help="how long it lasted, in minutes",
    )
    add.add_argument(
        "--workload-discussed",
        action="store_true",
        help="your workload was discussed (leave it out if it was not)",
    )
    add.add_argument("--actions", metavar="TEXT", help="the actions agreed")
    add.add_argument("--notes", metavar="TEXT", help="anything else worth keeping")
    add_allow_identifiers(add)
    add_clock_is_right(add)

    listing = add_command(
        supervision_commands,
        common,
        "list",
        _supervision_list,
        "list supervision sessions with held against expected, the longest gap and cancellations",
    )
    listing.add_argument("--from", dest="first", metavar="DATE", help="from this day")
    listing.add_argument("--to", dest="last", metavar="DATE", help="up to this day")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(reads_only=True)
    _add_by_id(supervision_commands, common, "session", "supervision",
               (_supervision_history, _supervision_delete, _supervision_restore))  # fmt: skip

    concern = add_command(
        commands,
        common,
        "concern",
        None,
        "record concerns you raised about your workload, list them, and record the answers",
    )
    concern_commands = concern.add_subparsers(
        dest="concern_command",
        metavar="add|list|answer|history|delete|restore",
        required=True,
    )
    add = add_command(concern_commands, common, "add", _concern_add, "record a concern you raised")
    add.add_argument("--date", required=True, metavar="DATE", help="the day you raised it")
    add.add_argument(
        "--raised-with",
        required=True,
        metavar="TEXT",
        help="who you raised it with (role or initials)",
    )
    _add_choice(
        add, "--channel", [channel.value for channel in ConcernChannel], "how you raised it"
    )
    add.add_argument("--summary", required=True, metavar="TEXT", help="what you said, briefly")
    add.add_argument(
        "--follow-up", metavar="DATE", help="the day to chase it if no answer has come by then"
    )
    add_allow_identifiers(add)
    add_clock_is_right(add)

    listing = add_command(
        concern_commands,
        common,
        "list",
        _concern_list,
        "list every concern, with those past their follow-up date and still unanswered marked",
    )
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(reads_only=True)

    answer = add_command(
        concern_commands,
        common,
        "answer",
        _concern_answer,
        "record the response to a concern (the concern as first recorded stays in its history)",
    )
    answer.add_argument(
        "id", metavar="ID", help="the concern's id, as `workdiary concern list` shows it"
    )
    answer.add_argument("--date", required=True, metavar="DATE", help="the day the response came")
    answer.add_argument("--response", required=True, metavar="TEXT", help="what the response said")
    add_allow_identifiers(answer)
    add_clock_is_right(answer)
    _add_by_id(concern_commands, common, "concern", "concern",
               (_concern_history, _concern_delete, _concern_restore))  # fmt: skip


def _add_by_id(
    commands: Commands,
    common: argparse.ArgumentParser,
    noun: str,
    listed_by: str,
    handlers: tuple[Handler, Handler, Handler],
) -> None:
    """A record's history, delete and restore commands, each taking the record's id."""
    history_handler, delete_handler, restore_handler = handlers
    listed = f"the {noun}'s id, as `workdiary {listed_by} list` shows it"
    history = add_command(
        commands,
        common,
        "history",
        history_handler,
        f"show when a {noun} was recorded and every amendment since, as `workdiary history` "
        "does for a week",
    )
    history.add_argument("id", metavar="ID", help=f"{listed} (or deleting it said)")
    history.set_defaults(reads_only=True)
    for name, handler, what, which in (
        ("delete", delete_handler, f"delete a {noun} recorded by mistake (it stays in the "
         "diary's history)", listed),
        ("restore", restore_handler, f"bring back a {noun} deleted by mistake, as it was (its "
         "history keeps the deletion)", f"the deleted {noun}'s id, as deleting it said"),
    ):  # fmt: skip
        changing = add_command(commands, common, name, handler, what)
        changing.add_argument("id", metavar="ID", help=which)
        add_clock_is_right(changing)


class _StoreWithName(argparse.Action):
    """Stores the value, and (in DEST_typed_as) the name it was given with, of an option that
    has two: a message about the value then names the option as the user typed it."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        setattr(namespace, f"{self.dest}_typed_as", option_string)


def _add_choice(parser: argparse.ArgumentParser, flag: str, choices: list[str], what: str) -> None:
    # Accept `Held` or `cancelled by manager` too: the choice is plain, only its spelling varies.
    parser.add_argument(
        flag,
        required=True,
        choices=choices,
        type=lambda text: "-".join(text.lower().replace("_", " ").split()),
        metavar="|".join(choices),
        help=what,
    )


def _gather(problems: list[FieldProblem], read: Callable[[], T]) -> T | None:
    """What `read` returns, or None with its problems added to `problems`: so one run of a
    command reports every mistake in it, not one at a time."""
    try:
        return read()
    except InvalidInput as invalid:
        problems += invalid.problems
        return None


def _require_valid(problems: list[FieldProblem], record_problems: list[FieldProblem]) -> None:
    """Raise with the problems found reading the options and those of the record made from
    them, leaving out the record's complaints about values that could not be read at all."""
    unreadable = {problem.field for problem in problems}
    every = problems + [problem for problem in record_problems if problem.field not in unreadable]
    if every:
        raise InvalidInput(every)


def _text(value: str | None) -> str:
    return (value or "").strip()


def _words(field: str, value: Any) -> str:
    """A stored value of a supervision session or concern, as the user reads it."""
    if value is None or value == "":
        return "(empty)"
    choices = WORDS_FOR_CHOICES.get(field)
    if choices is not None:
        return choices.get(str(value), str(value))
    if field == "workload_discussed":
        return "yes" if value else "no"
    info = SUPERVISION_FIELDS.get(field) or CONCERN_FIELDS.get(field)
    return format_value(info, value)


def _row(cells: Sequence[str], columns: Sequence[tuple[str, int, str]]) -> str:
    """A line of a table, each cell cut to its column so the columns stay in line."""
    shown = []
    for cell, (_heading, width, align) in zip(cells, columns, strict=True):
        text = shorten(cell, width) if width else cell
        shown.append(f"{text:{align}{width}}")
    return "  ".join(shown).rstrip()


def _heading(columns: Sequence[tuple[str, int, str]]) -> str:
    return _row([heading for heading, _width, _align in columns], columns)


def _recorded_on(entry: Recorded[Any]) -> str:
    return format_day(entry.first_recorded_at.astimezone().date())


def _marks(entry: Recorded[Any], day: date, amendments: int) -> list[str]:
    """The marks a record carries in every list, in the words `workdiary show` uses for weeks:
    retrospective, deleted and restored (with the day), and amended (`amendments` times)."""
    marks = []
    if is_retrospective(day, entry.first_recorded_at):
        marks.append("retrospective")
    if entry.recorded_again:
        marks.append(recorded_again_words(entry.recorded_again, RESTORED_VERB, dated=True))
    if amendments:
        marks.append(f"amended {amendments} times" if amendments > 1 else "amended")
    return marks


def _retrospective_note(what: str, day: date, entry: Recorded[Any], out: TextIO) -> None:
    if is_retrospective(day, entry.first_recorded_at):
        print(
            f"This {what} is being recorded more than {RETROSPECTIVE_AFTER_DAYS} days after the "
            "week it happened in, so it is marked as recorded retrospectively, with the date it "
            "was recorded.",
            file=out,
        )


def _record_json(entry: Recorded[Any], day: date, amendments: int) -> dict[str, Any]:
    """A stored record with its id and the story of its recording, for --json."""
    from workdiary.domain.rows import to_row

    item: dict[str, Any] = {"id": entry.key, **to_row(entry.record)}
    # to_row stores yes/no as 1/0 for SQLite; a script reading JSON expects true/false.
    for field in dataclasses.fields(entry.record):
        value = getattr(entry.record, field.name)
        if isinstance(value, bool):
            item[field.name] = value
    item.update(
        first_recorded_at=entry.first_recorded_at.isoformat(),
        last_changed_at=entry.last_changed_at.isoformat(),
        amendments=amendments,
        retrospective=is_retrospective(day, entry.first_recorded_at),
        # Each time it was deleted and restored: no amendment.
        restored=[
            {
                "deleted_at": iso_moment(again.deleted_at),
                "restored_at": iso_moment(again.at),
            }
            for again in entry.recorded_again
        ],
    )
    return item


# supervision


def _supervision_add(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    status = SupervisionStatus(args.status)
    held = status is SupervisionStatus.HELD
    problems: list[FieldProblem] = []
    held_on = _gather(problems, lambda: parse_date(args.date, "held_on", "The date"))
    minutes: float | int | None = None
    length = getattr(args, "minutes_typed_as", None) or "--minutes"
    if args.minutes is not None:
        minutes = _gather(
            problems,
            lambda: parse_number(args.minutes, "minutes", f"The length ({length})", whole=True),
        )
    if not held and (args.minutes is not None or args.workload_discussed):
        # A session that did not happen has no length and discussed nothing; saying so would
        # put something untrue in the record.
        problems.append(
            FieldProblem(
                "status",
                f"The session was not held ({STATUS_WORDS[status]}), so it has no length and "
                f"nothing was discussed at it: leave out {length} and --workload-discussed, or "
                "use --status held.",
            )
        )
    with open_diary(paths) as diary:
        today = diary.today()
        session = SupervisionSession(
            held_on=held_on or today,
            status=status,
            supervisor=_text(args.supervisor),
            minutes=int(minutes) if minutes is not None else None,
            # Held and the flag left out means it was not discussed; not held, the question
            # does not arise.
            workload_discussed=bool(args.workload_discussed) if held else None,
            actions=_text(args.actions),
            notes=_text(args.notes),
        )
        typed = {"minutes": args.minutes} if args.minutes is not None else {}
        _require_valid(problems, supervision_problems(session, today, typed))
        result = diary.supervision.save(
            session,
            allow_identifiers=args.allow_identifiers,
            allow_clock_behind=args.clock_is_right,
        )
        same_day = [
            other
            for other in diary.supervision.all()
            if other.record.held_on == session.held_on and other.key != result.entry.key
        ]
    entry = result.entry
    print(
        f"Recorded supervision session {entry.key} on {format_moment(entry.first_recorded_at)}:",
        file=out,
    )
    print_changes(result.changes, SUPERVISION_FIELDS, _words, out, amended=False)
    _retrospective_note("session", session.held_on, entry, out)
    _shared_day_note(session.held_on, same_day, out)
    return EXIT_OK


def _shared_day_note(
    day: date, same_day: Sequence[Recorded[SupervisionSession]], out: TextIO
) -> None:
    """Said after recording a session on a day that already had one. A command cannot ask
    first, as the app does, and two sessions on one day can be genuine (one cancelled, another
    held), so it saves and says so plainly."""
    if not same_day:
        return
    described = []
    for entry in same_day:
        status, supervisor = STATUS_WORDS[entry.record.status], entry.record.supervisor
        described.append(
            f"{entry.key} ({status}, {supervisor})" if supervisor else f"{entry.key} ({status})"
        )
    sessions = (
        f"Supervision session {described[0]} was"
        if len(described) == 1
        else f"Supervision sessions {listed(described)} were"
    )
    kept = "Both are" if len(described) == 1 else "All of them are"
    print(
        f"{sessions} already recorded on {format_day(day)}. {kept} kept, and sessions held on "
        "the same day count as one in the figures.",
        file=out,
    )


def _period(
    args: argparse.Namespace, sessions: Sequence[SupervisionSession], today: date
) -> tuple[date, date]:
    """The days `supervision list` covers: --from/--to, else the first session to today. A
    period cannot run past today: sessions not yet due cannot be counted as expected."""
    problems: list[FieldProblem] = []
    first = last = None
    if args.first is not None:
        first = _gather(problems, lambda: parse_date(args.first, "from", "The --from date"))
    if args.last is not None:
        last = _gather(problems, lambda: parse_date(args.last, "to", "The --to date"))
    if problems:
        raise InvalidInput(problems)
    if first and last and first > last:
        raise InvalidInput([FieldProblem("from", "--from must be on or before --to.")])
    if first and first > today:
        raise InvalidInput([FieldProblem("from", "--from cannot be after today.")])
    last = min(last or today, today)
    if not first:
        first = min([session.held_on for session in sessions] + [last])
    return first, last


def _supervision_list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_diary(paths, reading=True) as diary:
        today = diary.today()
        interval = diary.profile().supervision_interval_weeks
        entries = sorted(diary.supervision.all(), key=lambda e: (e.record.held_on, int(e.key)))
        amended = {
            key: amendments.times
            for key, amendments in session_amendments(
                diary.audit.entries(diary.supervision.table)
            ).items()
        }
    sessions = [entry.record for entry in entries]
    first, last = _period(args, sessions, today)
    listed = [entry for entry in entries if first <= entry.record.held_on <= last]
    figures = recorded_supervision(sessions, first, last, interval)
    overdue = supervision_overdue(sessions, today, interval)
    if args.json:
        json.dump(
            _supervision_json(listed, amended, figures, overdue, interval),
            out,
            ensure_ascii=False,
            indent=1,
        )
        print(file=out)
        return EXIT_OK
    if not sessions:
        print(
            "No supervision sessions recorded yet. Record one with: "
            "workdiary supervision add --date DATE --status held",
            file=out,
        )
        return EXIT_OK
    if figures is None:
        print(
            f"No supervision sessions recorded from {format_day(first)} to {format_day(last)}: "
            f"the first session recorded is on {format_day(sessions[0].held_on)}.",
            file=out,
        )
        return EXIT_OK
    if listed:
        print(_heading(SUPERVISION_COLUMNS), file=out)
    else:
        print(
            f"No supervision sessions recorded from {format_day(first)} to {format_day(last)}.",
            file=out,
        )
    for entry in listed:
        session = entry.record
        cells = [
            entry.key,
            format_day(session.held_on),
            STATUS_WORDS[session.status],
            session.supervisor,
            "" if session.minutes is None else str(session.minutes),
            ""
            if session.workload_discussed is None
            else _words("workload_discussed", session.workload_discussed),
            _recorded_on(entry),
            ", ".join(_marks(entry, session.held_on, amended.get(entry.key, 0))),
        ]
        print(_row(cells, SUPERVISION_COLUMNS), file=out)
    print(file=out)
    for line in _supervision_sentences(figures, len(listed)):
        print(line, file=out)
    if overdue is not None:
        print(_overdue_sentence(overdue), file=out)
    return EXIT_OK


def _every(weeks: int) -> str:
    return "every week" if weeks == 1 else f"every {weeks} weeks"


def _supervision_sentences(figures: SupervisionFigures, sessions: int) -> list[str]:
    """The figures a grievance panel asks about, for the period listed."""
    period = f"{format_day(figures.first)} to {format_day(figures.last)}"
    lines = [f"Supervision from {period} ({count(sessions, 'session')} recorded):"]
    if held_on_shared_days(figures):
        lines.append(f"  {held_on_shared_days(figures)}")
    held = f"{figures.held:,} held"
    if figures.interval_weeks is None or figures.expected is None:
        held += (
            "; no interval set: set one with workdiary profile set --supervision-weeks N "
            "to see how many were expected"
        )
    else:
        held += f" of {figures.expected:,} expected at {_every(figures.interval_weeks)}"
        if figures.expected == 0:
            held += " (the period is shorter than one interval)"
    lines.append(f"  {held}.")
    if figures.held:
        lines.append(f"  Workload discussed {workload_discussed_words(figures)}.")
    gap = figures.longest_gap
    if gap is not None:
        weeks = format_number(gap.days / 7, places=1)
        lines.append(
            f"  Longest gap between sessions held: {count(gap.days, 'day')} ({weeks} weeks), "
            f"from {format_day(gap.after)}"
            + (BEFORE_THE_PERIOD if gap.after < figures.first else "")
            + f" to {format_day(gap.until)}"
            + (", and still open." if gap.open_ended else ".")
        )
    elif figures.held == 0:
        lines.append(
            "  No session was held in this period or before it, so there is no gap to measure from."
        )
    by_status = figures.by_status
    lines.append(
        f"  Cancelled by your manager: {figures.cancelled_by_manager:,}. "
        f"Cancelled by you: {figures.cancelled_by_me:,}. "
        f"Rescheduled: {by_status.get(SupervisionStatus.RESCHEDULED, 0):,}. "
        f"Not offered: {by_status.get(SupervisionStatus.NOT_OFFERED, 0):,}."
    )
    return lines


def _overdue_sentence(overdue: SupervisionOverdue) -> str:
    due = f"it is due {_every(overdue.interval_weeks)}"
    if overdue.none_held_since is not None:
        return (
            "Supervision is overdue: none of the sessions recorded was held, and the first is "
            f"dated {format_day(overdue.none_held_since)}; {due}."
        )
    assert overdue.last_held is not None and overdue.days_since is not None
    return (
        f"Supervision is overdue: the last held session was on {format_day(overdue.last_held)}, "
        f"{count(overdue.days_since, 'day')} ago; {due}."
    )


def _supervision_json(
    listed: Sequence[Recorded[SupervisionSession]],
    amended: Mapping[str, int],
    figures: SupervisionFigures | None,
    overdue: SupervisionOverdue | None,
    interval: int | None,
) -> dict[str, Any]:
    figures_json: dict[str, Any] | None = None
    if figures is not None:
        figures_json = plain_json(figures)
        # Every status, with the ones that never happened as 0, so a script need not guess.
        figures_json["by_status"] = {
            status.value: figures.by_status.get(status, 0) for status in SupervisionStatus
        }
        figures_json["cancelled_by_manager"] = figures.cancelled_by_manager
        figures_json["cancelled_by_me"] = figures.cancelled_by_me
        if figures.longest_gap is not None:
            figures_json["longest_gap"]["days"] = figures.longest_gap.days
    return {
        "interval_weeks": interval,
        "sessions": [
            _record_json(entry, entry.record.held_on, amended.get(entry.key, 0)) for entry in listed
        ],
        "figures": figures_json,
        "overdue": plain_json(overdue),
    }


def _supervision_history(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    key = args.id.strip()
    with open_diary(paths, reading=True) as diary:
        found = _history(diary.supervision, key, "supervision session", "supervision")
        warn_if_altered(diary)
    session, events, deleted = found
    print(f"Supervision session {key} on {format_day(session.held_on)}", file=out)
    for event in events:
        print_event(event, SUPERVISION_FIELDS, out)
    if deleted:
        print(f"It is deleted: workdiary supervision restore {key} brings it back.", file=out)
    return EXIT_OK


def _supervision_delete(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    key = args.id.strip()
    with open_diary(paths) as diary:
        session = _delete(
            diary.supervision,
            key,
            "supervision session",
            "supervision",
            clock_is_right=args.clock_is_right,
        )
    print(
        f"Deleted supervision session {key} ({_session_words(session)}). {DELETED_STAYS} "
        f"workdiary supervision restore {key} brings it back.",
        file=out,
    )
    return EXIT_OK


def _supervision_restore(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    key = args.id.strip()
    with open_diary(paths) as diary:
        session = _restore(
            diary.supervision,
            key,
            "supervision session",
            _session_words,
            clock_is_right=args.clock_is_right,
        )
    print(
        f"Restored supervision session {key} ({_session_words(session)}). {RESTORED}",
        file=out,
    )
    return EXIT_OK


def _session_words(session: SupervisionSession) -> str:
    """`Wed 04 Nov 2026, held, GW`: which session, in the messages about deleting it."""
    described = [format_day(session.held_on), STATUS_WORDS[session.status], session.supervisor]
    return ", ".join(filter(None, described))


def _history(
    records: RecordTable[T], key: str, what: str, listed_by: str
) -> tuple[T, list[HistoryEvent], bool]:
    """The record `what` at `key` as it stands (or stood, before it was deleted), its history,
    and whether it is deleted now. Says plainly when there is no such record."""
    entry = records.get(key)
    deleted = entry is None
    if entry is None:
        entry = next(
            (gone.entry for gone in records.deleted_entries() if gone.entry.key == key), None
        )
    if entry is None:
        raise NotFound(
            f"There is no {what} {key} in the diary. workdiary {listed_by} list shows each one "
            "with its id."
        )
    return entry.record, records.history(key), deleted


def _delete(
    records: RecordTable[T], key: str, what: str, listed_by: str, *, clock_is_right: bool
) -> T:
    """Delete the record `what` at `key` (soft: it stays in its history); the record as it was.
    Says plainly, and deletes nothing, when there is no such record."""
    entry = records.get(key)
    if entry is None:
        if records.exists(key):
            raise NotFound(
                f"{what[:1].upper()}{what[1:]} {key} was deleted already, so there is nothing "
                "to delete. What it held stays in the diary's history."
            )
        raise NotFound(
            f"There is no {what} {key} in the diary, so nothing was deleted. "
            f"workdiary {listed_by} list shows each one with its id."
        )
    records.delete(key, allow_clock_behind=clock_is_right)
    return entry.record


def _restore(
    records: RecordTable[T],
    key: str,
    what: str,
    describe: Callable[[T], str],
    *,
    clock_is_right: bool,
) -> T:
    """Bring back the deleted record `what` at `key` as it was; the record. Says plainly, and
    changes nothing, when no record at `key` is deleted, naming those that are."""
    if records.get(key) is not None:
        raise NotFound(f"{what[:1].upper()}{what[1:]} {key} is not deleted: nothing to restore.")
    deleted = records.deleted_entries()
    if not any(gone.entry.key == key for gone in deleted):
        named = "; ".join(f"{gone.entry.key} ({describe(gone.entry.record)})" for gone in deleted)
        raise NotFound(
            f"There is no deleted {what} {key}, so nothing was restored. "
            + (f"The deleted ones are: {named}." if named else f"No {what} is deleted.")
        )
    return records.restore(key, allow_clock_behind=clock_is_right).entry.record


# concerns


def _concern_add(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    problems: list[FieldProblem] = []
    raised_on = _gather(problems, lambda: parse_date(args.date, "raised_on", "The date raised"))
    follow_up = None
    if args.follow_up is not None:
        follow_up = _gather(
            problems, lambda: parse_date(args.follow_up, "follow_up_on", "The follow-up date")
        )
    with open_diary(paths) as diary:
        today = diary.today()
        concern = Concern(
            raised_on=raised_on or today,
            raised_with=_text(args.raised_with),
            channel=ConcernChannel(args.channel),
            summary=_text(args.summary),
            follow_up_on=follow_up,
        )
        _require_valid(problems, concern_problems(concern, today))
        result = diary.concerns.save(
            concern,
            allow_identifiers=args.allow_identifiers,
            allow_clock_behind=args.clock_is_right,
        )
    entry = result.entry
    print(f"Recorded concern {entry.key} on {format_moment(entry.first_recorded_at)}:", file=out)
    print_changes(result.changes, CONCERN_FIELDS, _words, out, amended=False)
    _retrospective_note("concern", concern.raised_on, entry, out)
    print(
        f"When the answer comes: workdiary concern answer {entry.key} --date DATE --response TEXT",
        file=out,
    )
    return EXIT_OK


def _concern_list(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    with open_diary(paths, reading=True) as diary:
        today = diary.today()
        entries = sorted(diary.concerns.all(), key=lambda e: (e.record.raised_on, int(e.key)))
        # Recording the answer, adding to it or closing the concern is not an amendment.
        stories = concern_stories(diary.audit.entries(diary.concerns.table))
    amendments = {
        entry.key: concern_amendments(entry, stories.get(entry.key, ConcernStory())).times
        for entry in entries
    }
    unanswered = [entry for entry in entries if not is_answered(entry.record)]
    overdue = [entry for entry in entries if is_overdue(entry.record, today)]
    if args.json:
        concerns = []
        for entry in entries:
            item = _record_json(entry, entry.record.raised_on, amendments[entry.key])
            item["answered"] = is_answered(entry.record)
            item["overdue"] = is_overdue(entry.record, today)
            concerns.append(item)
        listing = {"concerns": concerns, "unanswered": len(unanswered), "overdue": len(overdue)}
        json.dump(listing, out, ensure_ascii=False, indent=1)
        print(file=out)
        return EXIT_OK
    if not entries:
        print(
            "No concerns recorded yet. Record one with: workdiary concern add --date DATE "
            "--raised-with TEXT --channel email --summary TEXT",
            file=out,
        )
        return EXIT_OK
    print(_heading(CONCERN_COLUMNS), file=out)
    for entry in entries:
        concern = entry.record
        marks = _marks(entry, concern.raised_on, amendments[entry.key])
        if is_overdue(concern, today) and concern.follow_up_on is not None:
            marks.insert(
                0,
                f"OVERDUE: no response, follow-up was due {format_day(concern.follow_up_on)}",
            )
        cells = [
            entry.key,
            format_day(concern.raised_on),
            concern.raised_with,
            CHANNEL_WORDS[concern.channel],
            concern.status.value,
            format_day(concern.response_on) if concern.response_on else "",
            format_day(concern.follow_up_on) if concern.follow_up_on else "",
            ", ".join(marks),
        ]
        print(_row(cells, CONCERN_COLUMNS), file=out)
        # The summary on a line of its own, under the row, so the columns stay readable.
        print(f"      {shorten(' '.join(concern.summary.split()), SUMMARY_IN_LIST)}", file=out)
    print(file=out)
    print(
        f"{count(len(entries), 'concern')} recorded; {len(unanswered):,} still unanswered"
        + (f", {len(overdue):,} of them past their follow-up date." if overdue else "."),
        file=out,
    )
    return EXIT_OK


def _concern_answer(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    key = args.id.strip()
    problems: list[FieldProblem] = []
    response_on = _gather(problems, lambda: parse_date(args.date, "response_on", "The date"))
    response = _text(args.response)
    if not response:
        # The domain lets a concern be closed without a response; an answer must say something.
        problems.append(FieldProblem("response", "Say what the response was, with --response."))
    with open_diary(paths) as diary:
        existing = diary.concerns.get(key)
        if existing is None:
            raise NotFound(
                f"There is no concern {key} in the diary, so no answer was recorded. "
                "workdiary concern list shows each concern with its id."
            )
        answered = dataclasses.replace(
            existing.record,
            response=response,
            response_on=response_on or existing.record.raised_on,
            status=ConcernStatus.ANSWERED,
        )
        _require_valid(problems, concern_problems(answered, diary.today()))
        result = diary.concerns.save(
            answered,
            key,
            allow_identifiers=args.allow_identifiers,
            allow_clock_behind=args.clock_is_right,
        )
    if result.action == "unchanged":
        print(f"Nothing changed: concern {key} already has this response.", file=out)
        return EXIT_OK
    concern = result.entry.record
    print(
        f"Recorded the response to concern {key} (raised {format_day(concern.raised_on)} with "
        f"{concern.raised_with}), on {format_moment(result.entry.last_changed_at)}:",
        file=out,
    )
    print_changes(result.changes, CONCERN_FIELDS, _words, out, amended=True)
    print("The concern as it was before stays in its history.", file=out)
    return EXIT_OK


def _concern_history(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    key = args.id.strip()
    with open_diary(paths, reading=True) as diary:
        concern, events, deleted = _history(diary.concerns, key, "concern", "concern")
        warn_if_altered(diary)
    print(
        f"Concern {key}, raised on {format_day(concern.raised_on)} with {concern.raised_with}",
        file=out,
    )
    for event in events:
        print_event(event, CONCERN_FIELDS, out)
    if deleted:
        print(f"It is deleted: workdiary concern restore {key} brings it back.", file=out)
    return EXIT_OK


def _concern_delete(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    key = args.id.strip()
    with open_diary(paths) as diary:
        concern = _delete(
            diary.concerns, key, "concern", "concern", clock_is_right=args.clock_is_right
        )
    print(
        f"Deleted concern {key} ({_concern_words(concern)}). {DELETED_STAYS} "
        f"workdiary concern restore {key} brings it back.",
        file=out,
    )
    return EXIT_OK


def _concern_restore(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    key = args.id.strip()
    with open_diary(paths) as diary:
        concern = _restore(
            diary.concerns, key, "concern", _concern_words, clock_is_right=args.clock_is_right
        )
    print(f"Restored concern {key} ({_concern_words(concern)}). {RESTORED}", file=out)
    return EXIT_OK


def _concern_words(concern: Concern) -> str:
    """`raised Tue 01 Sep 2026 with SPO, by email: “…”`: which concern, in the messages about
    deleting it."""
    summary = shorten(" ".join(concern.summary.split()), SUMMARY_IN_LIST)
    return (
        f"raised {format_day(concern.raised_on)} with {concern.raised_with}, "
        f"{CHANNEL_WORDS[concern.channel]}: “{summary}”"
    )
