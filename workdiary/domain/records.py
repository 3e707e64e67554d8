"""The diary's records as plain, immutable values, with the words the app uses for their fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Generic, TypeVar

DEFAULT_CONTRACTED_HOURS = 37.0
# The MoJ line for "excessive" workload: over 110 % for 4 consecutive weeks.
DEFAULT_THRESHOLD_PCT = 110.0
DEFAULT_RUN_WEEKS = 4


@dataclass(frozen=True)
class Profile:
    """Who keeps the diary, and the lines their figures are measured against."""

    name: str = ""
    role: str = ""
    team: str = ""
    contracted_hours: float = DEFAULT_CONTRACTED_HOURS
    hourly_rate: float | None = None
    threshold_pct: float = DEFAULT_THRESHOLD_PCT
    run_weeks: int = DEFAULT_RUN_WEEKS
    # No national standard exists, so there is no default: the user says what they were promised.
    supervision_interval_weeks: int | None = None


@dataclass(frozen=True)
class Week:
    """One week's figures, keyed by the Monday it commences."""

    week_commencing: date
    capacity_pct: float
    wmt_read_on: date | None = None
    caseload: int | None = None
    cases_community: int | None = None
    cases_licence: int | None = None
    cases_custody: int | None = None
    reports_due: int | None = None
    wmt_reduction_hours: float | None = None
    contracted_hours: float | None = None
    hours_worked: float | None = None
    unpaid_hours: float | None = None
    toil_earned: float | None = None
    toil_taken: float | None = None
    breaks_missed_days: int | None = None
    leave_days: float | None = None
    sick_days: float | None = None
    notes: str = ""


class SupervisionStatus(StrEnum):
    HELD = "held"
    CANCELLED_BY_MANAGER = "cancelled-by-manager"
    CANCELLED_BY_ME = "cancelled-by-me"
    RESCHEDULED = "rescheduled"
    NOT_OFFERED = "not-offered"


@dataclass(frozen=True)
class SupervisionSession:
    """A supervision session that was due: held, cancelled, moved or never offered."""

    held_on: date
    status: SupervisionStatus
    supervisor: str = ""
    minutes: int | None = None
    workload_discussed: bool | None = None
    actions: str = ""
    notes: str = ""


class ConcernChannel(StrEnum):
    EMAIL = "email"
    SUPERVISION = "supervision"
    MEETING = "meeting"
    PHONE = "phone"
    LETTER = "letter"
    FORESEEABILITY_NOTICE = "foreseeability-notice"
    GRIEVANCE = "grievance"
    WMT_CHALLENGE = "wmt-challenge"
    # Not a concern about workload: logged as one so that its answer, due in a month, is chased.
    ACCESS_REQUEST = "subject-access-request"


class ConcernStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


@dataclass(frozen=True)
class Concern:
    """A concern about workload the user raised, and what came back."""

    raised_on: date
    raised_with: str
    channel: ConcernChannel
    summary: str
    response: str = ""
    response_on: date | None = None
    follow_up_on: date | None = None
    status: ConcernStatus = ConcernStatus.OPEN


@dataclass(frozen=True)
class Export:
    """A file the app wrote for someone else to read: when, what period, and how to check it."""

    kind: str  # "evidence-pack"
    made_at: str  # UTC, ISO 8601: the moment the snapshot it was made from was taken
    period_from: date | None
    period_to: date | None
    fingerprint: str  # SHA-256 of the data the file shows (embedded in it)
    chain_head: str  # the audit chain's last hash when it was made
    file_name: str
    file_sha256: str  # SHA-256 of the file as written


R = TypeVar("R")


@dataclass(frozen=True)
class RecordedAgain:
    """A time a record was deleted and later recorded again: a week logged again, a session or
    a concern restored. UTC; None where its history no longer says when (an entry changed
    outside Work Diary, which `verify` names)."""

    deleted_at: datetime | None
    at: datetime | None


@dataclass(frozen=True)
class Recorded(Generic[R]):
    """A record as the diary holds it: its values, when they were first and last written, and
    what happened to it in between, as its history tells it."""

    key: str
    record: R
    first_recorded_at: datetime
    last_changed_at: datetime
    # Every write to the record counts, its deletion and its recording again too: what tells a
    # copy read earlier from the record as it is now. It is not how often it was amended.
    revision: int
    # The saves that changed what it already held: its history's amendments. A concern's
    # include its answer recorded, which its story tells apart (see concern_story).
    amendments: int
    # Each time it was deleted and then recorded again, oldest first: neither is an amendment.
    recorded_again: tuple[RecordedAgain, ...] = ()

    @property
    def amended(self) -> bool:
        return self.amendments > 0


@dataclass(frozen=True)
class FieldInfo:
    """How a field is named to the user, its unit, a hint on where to find the figure, and (for
    a figure) an example of one, for messages that show how to write it."""

    label: str
    unit: str = ""
    hint: str = ""
    example: str = ""


WEEK_FIELDS: dict[str, FieldInfo] = {
    "week_commencing": FieldInfo("Week commencing", "", "The Monday the week starts"),
    "capacity_pct": FieldInfo(
        "WMT capacity", "%", "Current % Capacity as the WMT shows it", example="132.5"
    ),
    "wmt_read_on": FieldInfo("WMT figure read on", "", "The day you read the figure off the WMT"),
    "caseload": FieldInfo("Caseload", "cases", "All cases allocated to you", example="46"),
    "cases_community": FieldInfo("Community cases", "cases", "Community orders", example="20"),
    "cases_licence": FieldInfo("Licence cases", "cases", "People on licence", example="15"),
    "cases_custody": FieldInfo("Custody cases", "cases", "People in custody", example="8"),
    "reports_due": FieldInfo(
        "Reports due", "reports", "Court and parole reports due this week", example="3"
    ),
    "wmt_reduction_hours": FieldInfo(
        "WMT reduction", "hours", "Hours the WMT takes off for other duties", example="7.5"
    ),
    "contracted_hours": FieldInfo(
        "Contracted hours", "hours", "Your contracted hours this week", example="37.5"
    ),
    "hours_worked": FieldInfo(
        "Hours worked", "hours", "Every hour you worked, paid or not", example="44.5"
    ),
    "unpaid_hours": FieldInfo(
        "Unpaid hours", "hours", "Hours worked beyond what you are paid for", example="7.5"
    ),
    "toil_earned": FieldInfo("TOIL earned", "hours", "Time off in lieu built up", example="2.5"),
    "toil_taken": FieldInfo("TOIL taken", "hours", "Time off in lieu used", example="1.5"),
    "breaks_missed_days": FieldInfo(
        "Breaks missed", "days", "Days you could not take a break", example="3"
    ),
    "leave_days": FieldInfo("Leave", "days", "Days of annual leave", example="1.5"),
    "sick_days": FieldInfo("Sick", "days", "Days off sick", example="0.5"),
    "notes": FieldInfo("Notes", "", "What made this week what it was"),
}

PROFILE_FIELDS: dict[str, FieldInfo] = {
    "name": FieldInfo("Name"),
    "role": FieldInfo("Role", "", "For example Probation Officer"),
    "team": FieldInfo("Team or office"),
    "contracted_hours": FieldInfo("Contracted hours", "hours a week", example="37.5"),
    "hourly_rate": FieldInfo(
        "Hourly rate",
        "£",
        "Annual salary ÷ 52 ÷ contracted weekly hours; used to price unpaid hours",
        example="19.87",
    ),
    "threshold_pct": FieldInfo(
        "Capacity threshold", "%", "Weeks at or over it count as over", example="110"
    ),
    "run_weeks": FieldInfo(
        "Excessive run", "weeks", "Consecutive weeks at or over the threshold", example="4"
    ),
    "supervision_interval_weeks": FieldInfo(
        # A label that also reads in a message: "Supervision interval must be a number".
        "Supervision interval",
        "weeks",
        "How many weeks apart your employer says sessions should be",
        example="4",
    ),
}

SUPERVISION_FIELDS: dict[str, FieldInfo] = {
    "held_on": FieldInfo("Date"),
    "status": FieldInfo("Status"),
    "supervisor": FieldInfo("Supervisor", "", "Initials only"),
    "minutes": FieldInfo("Length", "minutes", example="60"),
    "workload_discussed": FieldInfo("Workload discussed"),
    "actions": FieldInfo("Actions agreed"),
    "notes": FieldInfo("Notes"),
}

CONCERN_FIELDS: dict[str, FieldInfo] = {
    "raised_on": FieldInfo("Date raised"),
    "raised_with": FieldInfo("Raised with", "", "Role or initials"),
    "channel": FieldInfo("How"),
    "summary": FieldInfo("What you said"),
    "response": FieldInfo("Response"),
    "response_on": FieldInfo("Response date"),
    "follow_up_on": FieldInfo("Follow up on"),
    "status": FieldInfo("Status"),
}
