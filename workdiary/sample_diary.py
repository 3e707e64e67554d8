"""The shared sample diary: ten made-up, realistic years for the demo, tests and benchmarks."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from workdiary.domain.dates import ONE_WEEK, week_commencing, week_ending
from workdiary.domain.errors import WorkDiaryError
from workdiary.domain.figures import week_is_retrospective
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    ConcernStatus,
    Profile,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.storage import Diary

__all__ = [
    "SAMPLE_LAST_WEEK_FOR_TESTS",
    "SAMPLE_PROFILE",
    "SAMPLE_SEED",
    "SAMPLE_WEEKS",
    "SampleNeedsEmptyDiary",
    "SampleSummary",
    "SettableClock",
    "fill_sample_diary",
]

SAMPLE_SEED = 2026
SAMPLE_WEEKS = 520
# A week that has ended, so the sample the tests fill never depends on the real clock.
SAMPLE_LAST_WEEK_FOR_TESTS = date(2026, 11, 16)

SAMPLE_PROFILE = Profile(
    name="Rhiannon Llŷr",
    role="Probation Officer",
    team="Cardiff North",
    contracted_hours=37.0,
    hourly_rate=19.87,
    threshold_pct=110.0,
    run_weeks=4,
    supervision_interval_weeks=4,
)
PART_TIME_HOURS = 30.0

LOWEST_CAPACITY_PCT = 85.0
HIGHEST_CAPACITY_PCT = 160.0
FEWEST_CASES, MOST_CASES = 30, 60
LEAST_HOURS, MOST_HOURS = 30.0, 55.0
FEWEST_CONCERNS, MOST_CONCERNS = 30, 50

# Days after a week ends that a retrospective entry is made: comfortably past the 7-day line, so a
# computer in any time zone marks the same weeks retrospective.
RETROSPECTIVE_DELAY_DAYS = (9, 40)
# Retrospective entries for the last weeks would land after the sample ends.
NO_RETROSPECTIVE_IN_LAST_WEEKS = 8
# Fake moments stay this far behind the real clock, so the app's next real entry follows them.
REAL_CLOCK_MARGIN = timedelta(minutes=1)


class SampleNeedsEmptyDiary(WorkDiaryError):
    """The sample was asked to fill a diary that already holds entries; nothing was changed."""


@dataclass(frozen=True)
class SampleSummary:
    """What the sample put in the diary, counted from the diary afterwards."""

    first_week: date
    last_week: date
    weeks_logged: int
    weeks_missing: int
    weeks_amended: int
    weeks_retrospective: int
    # Deletions made; a week logged again after its deletion still counts here.
    weeks_deleted: int
    sessions: int
    concerns: int
    audit_entries: int


class SettableClock:
    """A clock that reads whatever it was last set to: the sample back-dates each entry with it.

    Only the sample uses one; the app itself always records the real time."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


# What the sample does, one change at a time; each is applied through the app's own storage API.


@dataclass(frozen=True)
class SaveProfile:
    profile: Profile


@dataclass(frozen=True)
class SaveWeek:
    week: Week


@dataclass(frozen=True)
class DeleteWeek:
    monday: date


@dataclass(frozen=True)
class AddSession:
    session: SupervisionSession


@dataclass(frozen=True)
class AddConcern:
    ref: int
    concern: Concern


@dataclass(frozen=True)
class AmendConcern:
    ref: int
    concern: Concern


Action = SaveProfile | SaveWeek | DeleteWeek | AddSession | AddConcern | AmendConcern


@dataclass(frozen=True)
class SampleEvent:
    """One change and the (fake) moment it was made, UTC."""

    at: datetime
    order: int
    action: Action


def last_week_ended(today: date) -> date:
    """The Monday of the last week that has ended by `today`: where a sample for trying the app
    ends, as a diary kept each Friday would, leaving this week to be logged."""
    return week_commencing(today) - ONE_WEEK


def fill_sample_diary(
    path: Path,
    last_week: date,
    *,
    seed: int = SAMPLE_SEED,
    now: datetime | None = None,
    weeks: int = SAMPLE_WEEKS,
) -> SampleSummary:
    """Fill the diary at `path` with ten years (or `weeks`) of sample entries ending with the
    week of `last_week`, made through the same storage API as the app, each at a made-up past
    moment.

    The content and its moments depend only on `last_week` and `seed`, unless `last_week` is so
    recent that some moments would fall after `now` (the real time unless a test pins it): then
    the latest weeks are logged a minute before `now` instead and later changes are left out.
    A `last_week` that has not started by `now` is a ValueError (a bug in the caller).

    Refuses (SampleNeedsEmptyDiary) a diary in which anything has ever been recorded, a profile
    or a deleted week included: the sample's back-dated entries must start the audit log, so that
    its times only go forward."""
    real_now = (now or datetime.now(UTC)).astimezone(UTC)
    last_monday = week_commencing(last_week)
    if last_monday > week_commencing(real_now.astimezone().date()):
        raise ValueError(f"The sample cannot end with a week that has not started ({last_week}).")
    events = SampleBuilder(random.Random(seed), last_monday, weeks).build()
    cutoff = min(sample_ends_at(last_monday), real_now - REAL_CLOCK_MARGIN)
    scheduled = schedule(events, cutoff)

    clock = SettableClock(cutoff)
    with Diary.open(path, clock=clock) as diary:
        # One transaction: all or nothing, and a single sync to disk instead of one per entry.
        with diary.transaction():
            if diary.has_entries():
                raise SampleNeedsEmptyDiary(
                    "The sample can only go into an empty diary: this one already has entries. "
                    "Nothing was changed. Use a new data folder (--data-dir) for the sample."
                )
            deletions = apply_events(diary, clock, scheduled)
            # Made-up data: every pack made from it must say so, wherever it ends up.
            diary.mark_as_sample()
        return summarise_sample(diary, last_monday, deletions, weeks)


def sample_ends_at(last_monday: date) -> datetime:
    """The sample shows the diary as it stood late on the Friday of its last week, so a sample
    ending with a week that has ended never depends on the real clock."""
    return uk_moment(last_monday + timedelta(days=4), time(23, 0))


def schedule(events: Sequence[SampleEvent], cutoff: datetime) -> list[SampleEvent]:
    """The events in the order they happened, none after `cutoff`.

    The audit log is a hash chain in the order entries are written, so writing in time order is
    what keeps its times going forward. A week first logged after the cutoff is logged at the
    cutoff instead (if it has started by then); any other later change is left out."""
    created: set[date] = set()
    kept: list[SampleEvent] = []
    for event in sorted(events, key=lambda event: (event.at, event.order)):
        action = event.action
        first_save = isinstance(action, SaveWeek) and action.week.week_commencing not in created
        if isinstance(action, SaveWeek):
            created.add(action.week.week_commencing)
        if event.at <= cutoff:
            kept.append(event)
        elif first_save and isinstance(action, SaveWeek):
            clamped = clamp_week(action.week, cutoff)
            if clamped is not None:
                kept.append(replace(event, at=cutoff, action=SaveWeek(clamped)))
    return kept


def clamp_week(week: Week, moment: datetime) -> Week | None:
    """The week as it could have been logged at `moment`, or None if it had not started then."""
    today = moment.astimezone().date()
    if week.week_commencing > week_commencing(today):
        return None
    if week.wmt_read_on is not None and week.wmt_read_on > today:
        return replace(week, wmt_read_on=today)
    return week


def apply_events(diary: Diary, clock: SettableClock, events: Sequence[SampleEvent]) -> int:
    """Write each event at its moment; returns how many weeks were deleted."""
    concern_keys: dict[int, str] = {}
    deletions = 0
    for event in events:
        clock.moment = event.at
        match event.action:
            case SaveProfile(profile):
                diary.save_profile(profile)
            case SaveWeek(week):
                diary.weeks.save(week)
            case DeleteWeek(monday):
                diary.weeks.delete(monday.isoformat())
                deletions += 1
            case AddSession(session):
                diary.supervision.save(session)
            case AddConcern(ref, concern):
                concern_keys[ref] = diary.concerns.save(concern).entry.key
            case AmendConcern(ref, concern):
                diary.concerns.save(concern, concern_keys[ref])
    return deletions


def summarise_sample(
    diary: Diary, last_monday: date, deletions: int, sample_weeks: int = SAMPLE_WEEKS
) -> SampleSummary:
    weeks = diary.weeks.all()
    return SampleSummary(
        first_week=first_sample_week(last_monday, sample_weeks),
        last_week=last_monday,
        weeks_logged=len(weeks),
        weeks_missing=sample_weeks - len(weeks),
        weeks_amended=sum(1 for entry in weeks if entry.amended),
        weeks_retrospective=sum(1 for entry in weeks if week_is_retrospective(entry)),
        weeks_deleted=deletions,
        sessions=len(diary.supervision.all()),
        concerns=len(diary.concerns.all()),
        audit_entries=diary.audit.count(),
    )


def first_sample_week(last_monday: date, weeks: int = SAMPLE_WEEKS) -> date:
    return last_monday - ONE_WEEK * (weeks - 1)


# UK local time, worked out by hand rather than with zoneinfo: Windows has no time zone database
# unless the tzdata package is installed, and the sample must be the same on every computer.


def last_sunday(year: int, month: int) -> date:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last_day = next_month - timedelta(days=1)
    return last_day - timedelta(days=(last_day.weekday() + 1) % 7)


def uk_moment(day: date, local_time: time) -> datetime:
    """A UK wall-clock time as a UTC moment. British Summer Time runs from the last Sunday of
    March to the last Sunday of October; the sample never writes in the small hours, when the
    clocks change, so the day alone decides."""
    summer = last_sunday(day.year, 3) <= day < last_sunday(day.year, 10)
    offset = timedelta(hours=1) if summer else timedelta(0)
    return datetime.combine(day, local_time, tzinfo=UTC) - offset


def quarter_hours(hours: float) -> float:
    return round(hours * 4) / 4


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


# The words of the sample. Colleagues appear by initials only; no text looks like a case
# reference, PNC number or date of birth, so nothing needs the identifier warning waived.

SPO_BY_ERA = ("J.M.", "A.P.", "G.W.")

PRESSURE_NOTES = (
    "Covered duty two days on top of my own cases; recording is behind again.",
    "Three new allocations this week while already over capacity; raised it with SPO ({spo}).",
    "Two reports due and a recall to process; worked late Tuesday and Thursday to keep up.",
    "No lunch break most days. Home visits pushed back to next week.",
    "Court duty Monday and Wednesday; OASys reviews are now overdue on four cases.",
    "WMT at {cap} % and rising. Told SPO ({spo}) I cannot take any more transfers in.",
    "Worked Saturday morning to finish a parole report; not claimed, there is no TOIL budget.",
    "Caseload {caseload}. Sickness in the team means everyone is covering.",
    "Spent most of Friday on safeguarding referrals; everything else slipped.",
    "Recording done at home in the evening again. This is not sustainable.",
    "Two colleagues left this month and their cases were shared out; I took six.",
    "Started before 8 every day to get through contacts before court.",
    "Missed the team meeting to deal with a breach; still behind on risk reviews.",
    "Headache most of the week. Worked through breaks to keep up with appointments.",
)
CALM_NOTES = (
    "Quieter week: caught up on contact records and case notes.",
    "Two cases terminated; WMT came down. Used the time for overdue reviews.",
    "Training day on risk of serious harm; no reduction given in the WMT.",
    "Team meeting about the new allocations process.",
    "Good week. Got all reviews in on time for once.",
    "Office move on Thursday; half a day lost to packing and IT problems.",
)
LEAVE_NOTES = (
    "Annual leave {leave}; came back to a full inbox and two new cases.",
    "On leave {leave}. Nobody covered my cases while I was away.",
)
SICK_NOTES = (
    "Off sick {sick}; my appointments were cancelled, not covered.",
    "Sick {sick} with a chest infection; caught up from home when I felt able.",
)
REPORT_NOTES = (
    "{reports} court reports due this week; two of them written at home.",
    "{reports} reports due and duty on Wednesday; asked for an extension on one.",
)
WELSH_NOTES = (
    "Cyfarfod tîm yng Nghaerdydd — gwaith trwm iawn yr wythnos hon.",
    "Gŵyl y Banc ddydd Llun, ond {reports} adroddiad i'w gorffen erbyn dydd Gwener.",
    "Gweithio o'r tŷ nos Fercher i orffen cofnodion; dim amser yn y swyddfa.",
    "Swyddfa heb ddŵr poeth am ddau ddiwrnod; pawb yn gweithio drwy'r egwyl.",
    "Cyfarfod yn ystafell Llŷr am y llwyth gwaith gyda'r SPO ({spo}).",
    "Llwyth gwaith ar {cap} % — dywedais wrth yr SPO nad yw hyn yn ddiogel.",
    "Gadael yn gynnar ddydd Gwener i nôl fy ŵyr o'r ysgol; gweithio'r oriau yn ôl gyda'r nos.",
    "Wythnos brysur: dau adroddiad llys, tri ymweliad cartref, a dyletswydd yn y swyddfa.",
)
MARKUP_NOTES = (
    "Caseload {caseload} & {reports} reports due < Friday; WMT {cap} %.",
    "Allocations: 3 new cases & 2 transfers in; <nothing> coming off.",
    "Copied from the duty rota: <Mon & Wed> court, <Thu> office duty.",
    "Target for recording < 5 working days; mine is > 10 & climbing.",
    'Email subject: "Workload > capacity & no cover" — no reply yet.',
    "WMT {cap} % & caseload {caseload}; if it stays > 110 % I will raise it formally.",
)
AMENDMENT_NOTES = (
    "Update: WMT recalculated after two transfers in.",
    "Corrected: I had left out the hours worked on Saturday.",
    "Update: SPO (J.M.) has since agreed to pause allocations.",
    "Corrected the figure after checking the WMT printout.",
)
DAY_LOG_SENTENCES = (
    "Arrived at 7:45 to get through emails before the first appointment at 9.",
    "Three office appointments back to back, then a home visit across the city that took two "
    "hours with the traffic.",
    "Court duty in the afternoon: two stand-down reports written in the corridor between cases.",
    "A recall had to be processed urgently, which took the whole of the afternoon and most of the "
    "evening.",
    "Tried to start the risk assessment review that is now three weeks overdue, but was "
    "interrupted four times by calls from the duty desk.",
    "No lunch break again; ate at my desk while writing up contact records.",
    "Multi-agency meeting by video for an hour and a half; the actions for me alone will take a "
    "day.",
    "Covered the duty phone for a colleague who is off sick, so none of my own work moved.",
    "Spent an hour trying to get the case management system to save a record after it crashed.",
    "Supervision was cancelled again because the SPO was pulled onto a serious incident.",
    "Two new allocations arrived by email at 4pm with a note asking for first appointments within "
    "five working days.",
    "Safeguarding referral made after a home visit; the paperwork and calls took most of the "
    "morning.",
    "Wrote a parole report at home in the evening because there is no quiet space in the office "
    "during the day.",
    "Drove to the prison for a pre-release meeting; four hours door to door for a forty-minute "
    "meeting.",
    "Team meeting overran by an hour; the message was again that everyone is over capacity and "
    "there is no one to reallocate to.",
    "Left the office at 7pm and still had three contact records to write up at home.",
    "Training on the new assessment tool was mandatory today, with no reduction in caseload to "
    "allow for it.",
    "A person I supervise turned up without an appointment in crisis; I stayed with them until "
    "the crisis team arrived, and everything planned for the afternoon was lost.",
    "Answered emails on the train home because otherwise they would wait until next week.",
    "The WMT still does not count the transfers in from last month, so the figure understates "
    "the work by several percent.",
    "Felt exhausted by mid-afternoon and made a mistake in a letter that I had to correct the "
    "next day.",
    "Court asked for an adjournment report by tomorrow morning; wrote it after 6pm.",
    "Approved premises placement fell through at the last minute; spent the afternoon on the "
    "phone finding somewhere else.",
    "Could not take the half-day of TOIL I had booked, because nobody was available to cover "
    "the duty rota.",
    "Recording is now more than ten working days behind on several cases, which I have told "
    "the SPO in writing.",
    "Spent the last hour of the day planning tomorrow, knowing half of it will be overtaken by "
    "whatever comes in first thing.",
    "Home visit cancelled at the door, so the journey was wasted and the visit has to be "
    "rebooked next week.",
    "Quality assurance asked for three assessments to be reworked by Friday on top of everything "
    "else.",
)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
LONG_NOTE_CHARACTERS = 5_200

SESSION_ACTIONS = (
    "SPO ({spo}) to review my allocations before the next session.",
    "Agreed no new cases for two weeks; to be reviewed.",
    "Refer the WMT query to the WMT team.",
    "Stress risk assessment to be completed with HR.",
    "Book protected recording time on Friday afternoons.",
    "Yr SPO i adolygu'r llwyth gwaith cyn y sesiwn nesaf; amser gwarchodedig i'r cofnodion.",
    "Actions: (1) no allocations > 2 a week & (2) review if WMT < 100 % <by next session>.",
)
HELD_SESSION_NOTES = (
    "Discussed my capacity at {cap} % and the run of weeks over 110 %.",
    "Mostly case discussion; workload mentioned only in the last five minutes.",
    "Reflective session; SPO acknowledged the pressure but has no one to reallocate to.",
    "Trafodwyd y llwyth gwaith a'r oriau di-dâl; yr SPO yn cydnabod y pwysau ar y tîm.",
    "Agenda: <workload> & <risk reviews> — ran out of time before the second item.",
)
MISSED_SESSION_NOTES = {
    SupervisionStatus.CANCELLED_BY_MANAGER: (
        "Cancelled on the day: SPO covering court.",
        "Cancelled by SPO with an hour's notice.",
        "Cancelled: SPO called into a serious further offence review.",
    ),
    SupervisionStatus.CANCELLED_BY_ME: (
        "I cancelled: two urgent recalls the same afternoon.",
        "I cancelled: court overran and I could not get back in time.",
    ),
    SupervisionStatus.RESCHEDULED: (
        "Moved to next week at SPO's request.",
        "Moved: room double-booked, rebooked for the following week.",
    ),
    SupervisionStatus.NOT_OFFERED: (
        "No supervision offered this month: SPO post vacant.",
        "No supervision offered; the team was told to prioritise court work.",
    ),
}

CONCERN_TEMPLATES: dict[ConcernChannel, tuple[str, ...]] = {
    ConcernChannel.EMAIL: (
        "Emailed that my WMT is at {cap} % and asked for no new allocations until it comes down.",
        "Emailed that my WMT is at {cap} % and has been over 110 % for {run} weeks; asked for no "
        "new allocations until it comes down.",
        "Emailed to say I am working {unpaid} unpaid hours a week to keep my cases safe, and "
        "asked what work should stop.",
        "E-bost: llwyth gwaith dros 110 % ers {run} wythnos; gofyn am beidio â rhoi achosion "
        "newydd i mi.",
    ),
    ConcernChannel.SUPERVISION: (
        "Raised in supervision that I cannot keep recording up to date at {cap} %.",
        "Raised in supervision that I have missed breaks on most days for {run} weeks.",
    ),
    ConcernChannel.MEETING: (
        "Raised at the team meeting that several of us are over 120 % & duty cover is still "
        "expected.",
        "Raised at the allocations meeting that new cases arrive > 2 a week while my WMT is "
        "{cap} %.",
    ),
    ConcernChannel.PHONE: (
        "Phoned about being allocated two more cases at {cap} %; asked for them to go elsewhere.",
    ),
    ConcernChannel.LETTER: (
        "Wrote asking for a workload review: my caseload is {caseload} and recording is weeks "
        "behind.",
        "Wrote setting out my capacity over the last {run} weeks and the risk this poses to safe "
        "practice.",
    ),
    ConcernChannel.FORESEEABILITY_NOTICE: (
        "Gave a foreseeability notice: my workload at {cap} % puts my health at risk; asked for a "
        "stress risk assessment and a reduction in cases.",
        "Gave a foreseeability notice: my workload is at {cap} %, over 110 % for {run} weeks, and "
        "I am at risk of harm to my health; asked for a stress risk assessment.",
    ),
    ConcernChannel.GRIEVANCE: (
        "Lodged a formal grievance about sustained workload over 110 % and supervision that keeps "
        "being cancelled.",
    ),
    ConcernChannel.WMT_CHALLENGE: (
        "Challenged the WMT figure: two custody cases are counted as community, so the tool "
        "undercounts my work.",
        "Challenged the WMT: report-writing time for {reports} reports is not reflected.",
    ),
}
CONCERN_CHANNEL_WEIGHTS = {
    ConcernChannel.EMAIL: 10,
    ConcernChannel.SUPERVISION: 7,
    ConcernChannel.MEETING: 4,
    ConcernChannel.PHONE: 3,
    ConcernChannel.LETTER: 2,
    ConcernChannel.FORESEEABILITY_NOTICE: 1,
    # A grievance is lodged once, at the worst moment, never at random.
    ConcernChannel.GRIEVANCE: 0,
    ConcernChannel.WMT_CHALLENGE: 3,
}
CONCERN_RAISED_WITH = {
    ConcernChannel.EMAIL: ("SPO ({spo})", "Head of Service", "Deputy Head of PDU (R.T.)"),
    ConcernChannel.SUPERVISION: ("SPO ({spo})",),
    ConcernChannel.MEETING: ("SPO ({spo})", "Deputy Head of PDU (R.T.)"),
    ConcernChannel.PHONE: ("SPO ({spo})", "Deputy Head of PDU (R.T.)"),
    ConcernChannel.LETTER: ("Head of Service",),
    ConcernChannel.FORESEEABILITY_NOTICE: ("Head of Service", "SPO ({spo})"),
    ConcernChannel.GRIEVANCE: ("HR (K.L.)",),
    ConcernChannel.WMT_CHALLENGE: ("WMT team", "SPO ({spo})"),
}
CONCERN_RESPONSES = (
    "SPO agreed to pause allocations for two weeks.",
    "Told the whole PDU is over capacity and nothing can be done at present.",
    "Acknowledged; referred to the workload review group.",
    "WMT corrected: capacity recalculated up by several percent.",
    "Stress risk assessment booked with HR (K.L.).",
    "Two cases reallocated to a colleague; the rest stay with me.",
    "Offered overtime instead of a reduction in cases.",
    "Cydnabod y pryder; addewid i edrych eto ymhen pythefnos.",
)
GRIEVANCE_RESPONSE = "Grievance meeting held with HR (K.L.) and the Head of Service."
GRIEVANCE_OUTCOME = "Outcome: workload review and a protected caseload for three months."
CONCERN_CLOSINGS = (
    "Closed: allocations paused and capacity back under 110 %.",
    "Closed: the workload review group reduced my caseload.",
)


@dataclass
class PlannedWeek:
    """The sample's figures for one week, logged or not, before any are written."""

    monday: date
    capacity_pct: float
    caseload: int
    contracted_hours: float
    logged: bool = True
    off_sick_after: bool = False


class SampleBuilder:
    """Works out every change the sample makes and when, from one seeded random generator."""

    def __init__(self, rng: random.Random, last_monday: date, weeks: int = SAMPLE_WEEKS) -> None:
        self.rng = rng
        self.weeks = weeks
        self.last_monday = last_monday
        self.first_monday = first_sample_week(last_monday, weeks)
        self.events: list[SampleEvent] = []
        self.plan: list[PlannedWeek] = []
        self.logged: dict[date, Week] = {}
        self.concern_refs = 0

    def build(self) -> list[SampleEvent]:
        self.plan_capacity()
        self.plan_missing_weeks()
        part_time = self.plan_contracted_hours()
        self.add_profile(part_time)
        self.add_weeks()
        self.add_supervision()
        self.add_concerns()
        return self.events

    # Helpers

    def add(self, at: datetime, action: Action) -> None:
        self.events.append(SampleEvent(at, len(self.events), action))

    def evening(self, day: date) -> datetime:
        """When someone writes up their diary: after work, now and then late in the evening."""
        if self.rng.random() < 0.9:
            minute = self.rng.randint(16 * 60 + 30, 19 * 60 + 30)
        else:
            minute = self.rng.randint(20 * 60 + 30, 22 * 60 + 15)
        second = self.rng.randint(0, 59)
        return uk_moment(day, time(minute // 60, minute % 60, second))

    def spo(self, day: date) -> str:
        """The senior probation officer (supervisor) at the time: three over the ten years."""
        era = (day - self.first_monday).days * len(SPO_BY_ERA) // (self.weeks * 7)
        return SPO_BY_ERA[min(era, len(SPO_BY_ERA) - 1)]

    def capacity_on(self, day: date) -> float | None:
        week = self.logged.get(week_commencing(day))
        return week.capacity_pct if week else None

    def run_before(self, monday: date) -> int:
        """How many logged weeks in a row, up to `monday`, were at or over the threshold."""
        run = 0
        week = self.logged.get(monday)
        while week is not None and week.capacity_pct >= SAMPLE_PROFILE.threshold_pct:
            run += 1
            week = self.logged.get(week.week_commencing - ONE_WEEK)
        return run

    # The plan

    def plan_capacity(self) -> None:
        """A bounded random walk pulled towards a target that drifts up over the decade and jumps
        during pressure spells (vacancies, sickness in the team), which give the runs over 110 %."""
        rng = self.rng
        capacity, caseload, base = 98.0, 38.0, 97.0
        pressure_weeks, pressure_level = 0, 0.0
        for index in range(self.weeks):
            base = clamp(base + rng.gauss(0, 1.0), 88.0, 104.0)
            trend = 10.0 * index / self.weeks
            if pressure_weeks == 0 and rng.random() < 0.035:
                pressure_weeks = rng.randint(6, 18)
                pressure_level = rng.uniform(118.0, 148.0)
            target = pressure_level if pressure_weeks else base + trend
            pressure_weeks = max(0, pressure_weeks - 1)
            capacity += 0.3 * (target - capacity) + rng.gauss(0, 3.0)
            capacity = clamp(capacity, LOWEST_CAPACITY_PCT, HIGHEST_CAPACITY_PCT)
            cases_target = FEWEST_CASES + (capacity - LOWEST_CAPACITY_PCT) * 30 / 75
            caseload += 0.5 * (cases_target - caseload) + rng.gauss(0, 1.0)
            caseload = clamp(caseload, FEWEST_CASES, MOST_CASES)
            self.plan.append(
                PlannedWeek(
                    monday=self.first_monday + ONE_WEEK * index,
                    capacity_pct=round(capacity, 1),
                    caseload=round(caseload),
                    contracted_hours=SAMPLE_PROFILE.contracted_hours,
                )
            )

    def plan_missing_weeks(self) -> None:
        """Weeks not logged: spells off sick (2-3 weeks), some summer and Christmas leave, and the
        odd week simply forgotten. The first week and the last four are always logged."""
        rng = self.rng
        last_free = self.weeks - 5
        for _ in range(5):
            start = rng.randint(10, last_free - 3)
            length = rng.randint(2, 3)
            for week in self.plan[start : start + length]:
                week.logged = False
            self.plan[start - 1].off_sick_after = True
        # Summer leave takes two weeks, so stop one short of the weeks that must be logged.
        for index, week in enumerate(self.plan[1:last_free], start=1):
            christmas = week.monday.month == 12 and week.monday.day >= 22
            summer = week.monday.month == 8 and week.monday.day <= 7
            if christmas and rng.random() < 0.5:
                week.logged = False
            elif summer and rng.random() < 0.3:
                self.plan[index].logged = False
                self.plan[index + 1].logged = False
            elif rng.random() < 0.012:
                week.logged = False

    def plan_contracted_hours(self) -> tuple[int, int]:
        """A spell of part-time work (30 hours) in the third to fifth years."""
        start = self.rng.randint(110, 150)
        end = start + self.rng.randint(60, 90)
        for week in self.plan[start:end]:
            week.contracted_hours = PART_TIME_HOURS
        return start, end

    # The changes

    def add_profile(self, part_time: tuple[int, int]) -> None:
        """Set up on the first Monday, then changed to part time and back: the profile has a
        history too."""
        start, end = part_time
        self.add(
            uk_moment(self.first_monday, time(8, 40, 12)),
            SaveProfile(replace(SAMPLE_PROFILE, hourly_rate=None)),
        )
        self.add(
            self.evening(self.plan[start].monday),
            SaveProfile(replace(SAMPLE_PROFILE, contracted_hours=PART_TIME_HOURS)),
        )
        self.add(self.evening(self.plan[end].monday), SaveProfile(SAMPLE_PROFILE))

    def add_weeks(self) -> None:
        rng = self.rng
        logged_indexes = [index for index, week in enumerate(self.plan) if week.logged]
        noted = [index for index in logged_indexes if rng.random() < 0.3]
        welsh = set(rng.sample(noted, 8))
        markup = set(rng.sample([index for index in noted if index not in welsh], 6))
        pressured = [index for index in noted if self.plan[index].capacity_pct >= 125.0]
        long_note = rng.choice(pressured or noted)
        retro_candidates = logged_indexes[1 : -NO_RETROSPECTIVE_IN_LAST_WEEKS - 1]
        retrospective = set(rng.sample(retro_candidates, round(len(logged_indexes) * 0.05)))
        amended = set(rng.sample(logged_indexes[1:-1], round(len(logged_indexes) * 0.08)))
        steady = [
            index
            for index in logged_indexes[100:420]
            if index not in retrospective and index not in amended and index != long_note
        ]
        deleted_for_good, deleted_then_relogged = rng.sample(steady, 2)

        noted_set = set(noted)
        for index in logged_indexes:
            planned = self.plan[index]
            if index == long_note:
                style = "long"
            elif index in welsh:
                style = "welsh"
            elif index in markup:
                style = "markup"
            else:
                style = "plain" if index in noted_set else "none"
            week = self.make_week(planned, style)
            self.logged[planned.monday] = week
            created_at = self.first_recorded_at(planned.monday, index in retrospective)
            self.add(created_at, SaveWeek(week))
            if index in amended:
                self.add_amendments(week, created_at)
            if index == deleted_for_good:
                self.add(
                    created_at + timedelta(days=rng.randint(1, 3)), DeleteWeek(week.week_commencing)
                )
                del self.logged[week.week_commencing]
            if index == deleted_then_relogged:
                deleted_at = created_at + timedelta(days=rng.randint(1, 3), minutes=7)
                self.add(deleted_at, DeleteWeek(week.week_commencing))
                relogged = replace(
                    week,
                    capacity_pct=self.capacity_within_bounds(week, rng.choice((-4.5, 3.2, 6.1))),
                    notes="Re-entered after checking the figures against the WMT printout.",
                )
                relogged_day = deleted_at.date() + timedelta(days=rng.randint(8, 20))
                self.add(self.evening(relogged_day), SaveWeek(relogged))
                self.logged[week.week_commencing] = relogged

    def first_recorded_at(self, monday: date, retrospective: bool) -> datetime:
        """On the Friday or the following Monday, or for a retrospective entry 9-40 days after
        the week ended (after a spell off, or from paper notes)."""
        if retrospective:
            day = week_ending(monday) + timedelta(days=self.rng.randint(*RETROSPECTIVE_DELAY_DAYS))
        elif self.rng.random() < 0.6:
            day = monday + timedelta(days=4)
        else:
            day = monday + ONE_WEEK
        return self.evening(day)

    def make_week(self, planned: PlannedWeek, style: str) -> Week:
        rng = self.rng
        capacity, contracted = planned.capacity_pct, planned.contracted_hours
        index = (planned.monday - self.first_monday).days // 7
        leave = rng.choice((0.5, 1.0, 1.0, 1.5)) if rng.random() < 0.07 else None
        sick = (
            rng.choice((0.5, 1.0, 2.0)) if planned.off_sick_after or rng.random() < 0.03 else None
        )
        days_off = (leave or 0.0) + (sick or 0.0)
        paid_hours = contracted - days_off * contracted / 5

        overtime = max(0.0, (capacity - 100.0) * 0.2 + rng.gauss(1.5, 2.5))
        if capacity >= 120 and rng.random() < 0.1:
            # A crunch week: a parole report and a recall on top of everything else.
            overtime += rng.uniform(5.0, 10.0)
        worked = quarter_hours(clamp(paid_hours + overtime, LEAST_HOURS, MOST_HOURS))
        excess = quarter_hours(max(0.0, worked - paid_hours))
        toil_earned = None
        if excess > 1 and rng.random() < 0.2:
            toil_earned = quarter_hours(excess * rng.uniform(0.3, 1.0))
            excess = quarter_hours(excess - toil_earned)
        toil_taken = rng.choice((2.5, 3.5, 3.7, 7.4)) if rng.random() < 0.06 else None
        # In the first months hours were not always written down; the WMT figure always was.
        hours_known = index >= 20 or rng.random() < 0.6

        by_type: tuple[int | None, int | None, int | None] = (None, None, None)
        if index >= 150 and rng.random() < 0.6:
            community = round(planned.caseload * rng.uniform(0.45, 0.55))
            licence = round(planned.caseload * rng.uniform(0.25, 0.35))
            custody = planned.caseload - community - licence - rng.randint(0, 3)
            by_type = (community, licence, max(0, custody))

        reading = rng.random()
        friday = planned.monday + timedelta(days=4)
        wmt_read_on = (
            friday if reading < 0.85 else friday - timedelta(days=1) if reading < 0.93 else None
        )
        reports_due = min(4, max(0, round(rng.gauss((capacity - 80) / 30, 1.0))))
        breaks_missed = min(5, max(0, round((capacity - 90) / 15 + rng.gauss(0, 1.0))))
        week = Week(
            week_commencing=planned.monday,
            capacity_pct=capacity,
            wmt_read_on=wmt_read_on,
            caseload=planned.caseload,
            cases_community=by_type[0],
            cases_licence=by_type[1],
            cases_custody=by_type[2],
            reports_due=reports_due,
            wmt_reduction_hours=rng.choice((3.7, 7.4)) if rng.random() < 0.08 else None,
            contracted_hours=contracted,
            hours_worked=worked if hours_known else None,
            unpaid_hours=excess if hours_known else None,
            toil_earned=toil_earned if hours_known else None,
            toil_taken=toil_taken,
            breaks_missed_days=breaks_missed,
            leave_days=leave,
            sick_days=sick,
        )
        return replace(week, notes=self.note_for(week, style))

    def note_for(self, week: Week, style: str) -> str:
        if style == "none":
            return ""
        if style == "long":
            return self.long_note(week)
        pool: Sequence[str]
        if style == "welsh":
            pool = WELSH_NOTES
        elif style == "markup":
            pool = MARKUP_NOTES
        elif week.sick_days:
            pool = SICK_NOTES
        elif week.leave_days:
            pool = LEAVE_NOTES
        elif week.capacity_pct >= 110:
            pool = PRESSURE_NOTES + REPORT_NOTES if week.reports_due else PRESSURE_NOTES
        else:
            pool = CALM_NOTES
        return self.fill_in(self.rng.choice(pool), week)

    def fill_in(self, template: str, week: Week) -> str:
        def days(value: float | None) -> str:
            return f"{value:g} day{'' if value == 1 else 's'}" if value else ""

        return template.format(
            cap=f"{week.capacity_pct:g}",
            caseload=week.caseload,
            reports=week.reports_due or 2,
            spo=self.spo(week.week_commencing),
            leave=days(week.leave_days),
            sick=days(week.sick_days),
        )

    def long_note(self, week: Week) -> str:
        """A day-by-day account of a bad week, the kind written for a grievance: over 5,000
        characters, to show long notes survive every face and export."""
        paragraphs = [
            f"A full account of this week, written because my WMT reached {week.capacity_pct:g} % "
            f"with a caseload of {week.caseload}, and I want a record of what that means in "
            "practice, day by day."
        ]
        day = 0
        while sum(len(paragraph) for paragraph in paragraphs) < LONG_NOTE_CHARACTERS:
            sentences = self.rng.sample(DAY_LOG_SENTENCES, 7)
            paragraphs.append(f"{DAY_NAMES[day % 5]}: " + " ".join(sentences))
            day += 1
        paragraphs.append(
            "Overall: I could not do the job safely this week. I have told the SPO "
            f"({self.spo(week.week_commencing)}) and will raise it again in supervision."
        )
        return "\n\n".join(paragraphs)

    def add_amendments(self, week: Week, created_at: datetime) -> None:
        """Once or twice, a few days after first recording: a corrected WMT figure, hours or a
        note added."""
        rng = self.rng
        at = created_at
        for _ in range(1 if rng.random() < 0.75 else 2):
            at = self.evening(at.date() + timedelta(days=rng.randint(1, 5)))
            kind = rng.choice(("capacity", "hours", "notes"))
            amended = week
            if kind == "capacity":
                change = rng.choice((-6.3, -2.1, 2.4, 4.8, 7.5))
                amended = replace(week, capacity_pct=self.capacity_within_bounds(week, change))
            elif kind == "hours" and week.hours_worked is not None:
                extra = rng.choice((1.5, 2.0, 3.25, 4.0))
                worked = min(MOST_HOURS, week.hours_worked + extra)
                unpaid = (week.unpaid_hours or 0.0) + (worked - week.hours_worked)
                amended = replace(week, hours_worked=worked, unpaid_hours=unpaid)
            if amended == week:
                # A figure already at its bound would make a save that changes nothing: add a
                # note instead, so every amendment planned is one the history shows.
                addition = rng.choice(AMENDMENT_NOTES)
                amended = replace(week, notes=f"{week.notes} {addition}".strip())
            week = amended
            self.add(at, SaveWeek(week))
        self.logged[week.week_commencing] = week

    @staticmethod
    def capacity_within_bounds(week: Week, change: float) -> float:
        moved = week.capacity_pct + change
        return round(clamp(moved, LOWEST_CAPACITY_PCT, HIGHEST_CAPACITY_PCT), 1)

    def add_supervision(self) -> None:
        """Due every 4 weeks; held mostly, but cancelled, moved or not offered often enough to
        leave gaps of 6-10 weeks, and never while off sick or on leave."""
        rng = self.rng
        day = self.first_monday + timedelta(days=rng.randint(8, 16))
        sample_end = self.last_monday + timedelta(days=4)
        statuses = list(SupervisionStatus)
        weights = (72, 13, 5, 6, 4)
        while day <= sample_end:
            day = self.next_working_day_logged(day)
            if day > sample_end:
                break
            status = rng.choices(statuses, weights)[0]
            session = self.make_session(day, status)
            recorded_on = day if rng.random() < 0.8 else day + timedelta(days=1)
            self.add(self.evening(recorded_on), AddSession(session))
            if status is SupervisionStatus.HELD:
                gap = rng.randint(26, 31) if rng.random() < 0.85 else rng.randint(42, 70)
            elif status is SupervisionStatus.NOT_OFFERED:
                gap = rng.randint(28, 42)
            else:
                gap = rng.randint(5, 14) if rng.random() < 0.6 else rng.randint(28, 35)
            day += timedelta(days=gap)

    def next_working_day_logged(self, day: date) -> date:
        """The first Tuesday to Thursday on or after `day` in a week that was logged."""
        while day.weekday() not in (1, 2, 3) or week_commencing(day) not in self.logged:
            day += timedelta(days=1)
            if day > self.last_monday + timedelta(days=6):
                break
        return day

    def make_session(self, day: date, status: SupervisionStatus) -> SupervisionSession:
        rng = self.rng
        supervisor = "" if status is SupervisionStatus.NOT_OFFERED else self.spo(day)
        if status is not SupervisionStatus.HELD:
            notes = rng.choice(MISSED_SESSION_NOTES[status]) if rng.random() < 0.7 else ""
            return SupervisionSession(day, status, supervisor, notes=notes)
        capacity = self.capacity_on(day) or 100.0
        notes_pool = HELD_SESSION_NOTES if capacity >= 110 else HELD_SESSION_NOTES[1:]
        notes = rng.choice(notes_pool) if rng.random() < 0.35 else ""
        actions = rng.choice(SESSION_ACTIONS) if rng.random() < 0.4 else ""
        return SupervisionSession(
            held_on=day,
            status=status,
            supervisor=supervisor,
            minutes=rng.randrange(30, 91, 5),
            workload_discussed=rng.random() < (0.8 if capacity >= 110 else 0.5),
            actions=actions.format(spo=supervisor),
            notes=notes.format(cap=f"{capacity:g}"),
        )

    def add_concerns(self) -> None:
        """Raised mostly during runs over 110 %, through every channel; many answered weeks later,
        some never."""
        rng = self.rng
        mondays = sorted(self.logged)
        last_raised = self.first_monday - ONE_WEEK * 10
        chosen: list[date] = []
        for monday in mondays:
            in_run = self.run_before(monday) >= 3
            over = self.logged[monday].capacity_pct >= SAMPLE_PROFILE.threshold_pct
            chance = 0.3 if in_run else 0.03 if over else 0.0
            if (monday - last_raised).days >= 21 and rng.random() < chance:
                chosen.append(monday)
                last_raised = monday
        # However the walk fell for this seed, keep the count within a believable range.
        target = rng.randint(FEWEST_CONCERNS + 5, MOST_CONCERNS - 5)
        if len(chosen) > target:
            chosen = sorted(rng.sample(chosen, target))
        spare = [
            monday
            for monday in mondays
            if monday not in chosen
            and self.logged[monday].capacity_pct >= SAMPLE_PROFILE.threshold_pct
        ]
        while len(chosen) < FEWEST_CONCERNS + 5 and spare:
            chosen.append(spare.pop(rng.randrange(len(spare))))
        # Every channel appears at least once: the rarest (a grievance, a foreseeability notice)
        # at the worst moments, the longest runs over the threshold.
        by_weight = sorted(
            CONCERN_CHANNEL_WEIGHTS, key=lambda channel: CONCERN_CHANNEL_WEIGHTS[channel]
        )
        worst_first = sorted(
            chosen,
            key=lambda monday: (
                -self.run_before(monday),
                -self.logged[monday].capacity_pct,
                monday,
            ),
        )
        forced = dict(zip(worst_first, by_weight, strict=False))
        channels = list(CONCERN_CHANNEL_WEIGHTS)
        weights = list(CONCERN_CHANNEL_WEIGHTS.values())
        for monday in sorted(chosen):
            channel = forced.get(monday) or rng.choices(channels, weights)[0]
            self.add_concern(monday + timedelta(days=rng.randint(0, 4)), channel)

    def add_concern(self, raised_on: date, channel: ConcernChannel) -> None:
        rng = self.rng
        monday = week_commencing(raised_on)
        week = self.logged[monday]
        spo = self.spo(raised_on)
        run = self.run_before(monday)
        # A summary speaks of weeks over the threshold, or of unpaid hours, only where there were.
        unpaid = week.unpaid_hours or 0.0
        templates = [
            text
            for text in CONCERN_TEMPLATES[channel]
            if (run >= 3 or "{run}" not in text) and (unpaid >= 4 or "{unpaid}" not in text)
        ]
        summary = rng.choice(templates).format(
            cap=f"{week.capacity_pct:g}",
            run=run,
            caseload=week.caseload,
            unpaid=f"{unpaid:g}",
            reports=week.reports_due or 2,
        )
        raised_with = rng.choice(CONCERN_RAISED_WITH[channel]).format(spo=spo)
        outcome = rng.random()
        follow_up = raised_on + timedelta(days=rng.choice((14, 28))) if rng.random() < 0.4 else None
        if outcome >= 0.75:
            # Still open: the diary shows when it is to be chased.
            follow_up = follow_up or raised_on + timedelta(days=14)
        concern = Concern(raised_on, raised_with, channel, summary, follow_up_on=follow_up)
        self.concern_refs += 1
        ref = self.concern_refs
        recorded_on = raised_on + timedelta(days=rng.choice((0, 0, 0, 1, 2)))
        self.add(self.evening(recorded_on), AddConcern(ref, concern))
        if outcome >= 0.75:
            return
        # The reply comes after the concern was written down, so its amendment follows the entry.
        response_on = recorded_on + timedelta(days=rng.randint(1, 35))
        grievance = channel is ConcernChannel.GRIEVANCE
        answered = replace(
            concern,
            response=GRIEVANCE_RESPONSE if grievance else rng.choice(CONCERN_RESPONSES),
            response_on=response_on,
            status=ConcernStatus.ANSWERED,
        )
        answered_at = self.evening(response_on + timedelta(days=rng.choice((0, 0, 1, 3))))
        self.add(answered_at, AmendConcern(ref, answered))
        if outcome < 0.1 or grievance:
            closing = GRIEVANCE_OUTCOME if grievance else rng.choice(CONCERN_CLOSINGS)
            closed = replace(
                answered,
                response=f"{answered.response} {closing}",
                status=ConcernStatus.CLOSED,
            )
            self.add(
                self.evening(answered_at.date() + timedelta(days=rng.randint(14, 60))),
                AmendConcern(ref, closed),
            )
