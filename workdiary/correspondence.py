"""Writing a letter from the diary and keeping a record of it: the figures are read from the
diary, the letter is written as PDF and as text, and the sending is logged as a concern with
the file's SHA-256, so the record shows what was said and when. Both faces call this.

A letter is never written over a file already there: the file may be a letter already sent,
which a concern quotes by its SHA-256, or anything else of the officer's that happens to have
the name of the text written beside the PDF."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from workdiary.domain.dates import format_day
from workdiary.domain.errors import FieldProblem, InvalidInput, WorkDiaryError
from workdiary.domain.notice import notice_figures
from workdiary.domain.records import Concern, ConcernChannel, Profile
from workdiary.domain.validation import require_no_identifiers
from workdiary.evidence.letters import (
    AccessRequest,
    NoticeRequest,
    access_request_pdf,
    access_request_text,
    foreseeability_notice_pdf,
    foreseeability_notice_text,
    one_calendar_month_after,
)
from workdiary.files import claim_new_file, first_free_name, make_folder, write_atomically
from workdiary.storage import Diary

# When to chase a notice that has had no answer.
NOTICE_FOLLOW_UP = timedelta(weeks=2)
# The letters, by the names both faces give them (`workdiary notice --kind`), and their titles.
NOTICE, ACCESS_REQUEST = "foreseeability", "access-request"
LETTER_TITLES = {NOTICE: "Foreseeability notice", ACCESS_REQUEST: "Subject access request"}


class LetterFileInTheWay(WorkDiaryError):
    """A file the letter would be written to is already there. Nothing was written over it, and
    nothing was logged. `paths` are the files in the way; str() says so, without saying how to
    choose another name (each face says that its own way)."""

    def __init__(self, paths: list[Path], pdf_path: Path) -> None:
        self.paths = paths
        super().__init__(_in_the_way(paths, pdf_path))


def letter_files(pdf_path: Path) -> tuple[Path, Path]:
    """The files a letter is written to: the PDF, and the same letter as text beside it."""
    return pdf_path, pdf_path.with_suffix(".txt")


def files_in_the_way(pdf_path: Path) -> list[Path]:
    """The files a letter to `pdf_path` would be written to that are already there (a link to
    nowhere counts: a file created through it would land somewhere else)."""
    return [path for path in letter_files(pdf_path) if os.path.lexists(path)]


def unused_letter_path(folder: Path, kind: str, today: date, *, sample_data: bool = False) -> Path:
    """Today's letter of `kind` in `folder`, numbered after any already saved there today: a
    letter is never written over another, nor its text beside it (see files_in_the_way). A
    letter of the sample diary is `…-DEMO-<date>.pdf`, as a pack of it is `WorkDiary-DEMO-…`,
    so that a folder of letters shows which is made up before any is opened."""
    demo = "-DEMO" if sample_data else ""
    stem = f"{LETTER_TITLES[kind].replace(' ', '-')}{demo}-{today.isoformat()}"
    return first_free_name(folder / f"{stem}.pdf", lambda path: bool(files_in_the_way(path)))


def _in_the_way(paths: list[Path], pdf_path: Path) -> str:
    if len(paths) > 1:
        return (
            f"There are already files at {paths[0]} and {paths[1]}, where the letter would be "
            "saved (as PDF, and as text beside it). Work Diary does not write over them: they "
            "may be a letter you have already sent."
        )
    [path] = paths
    if path == pdf_path:
        return (
            f"There is already a file at {path}. Work Diary does not write over it: it may be a "
            "letter you have already sent."
        )
    return (
        f"There is already a file at {path}, where the letter would also be saved as text, "
        "beside the PDF. Work Diary does not write over it: it may be a file you need."
    )


@dataclass(frozen=True)
class LetterWritten:
    pdf_path: Path
    text_path: Path
    sha256: str  # of the PDF
    concern_key: str  # the concern that records the letter was sent


def signed_by(diary: Diary, name: str | None = None) -> Profile:
    """The profile a letter is written from, with the name to sign it with: `name` when given
    (blank for none), else the profile's. A letter with no name ends with lines to sign and
    print it on by hand: a name is never made up."""
    profile = diary.profile()
    return profile if name is None else replace(profile, name=name.strip())


def notice_request(
    diary: Diary,
    *,
    recipient: str = "Operations Manager",
    copy_to: str = "Napo branch",
    health_effects: str = "",
    asks: str = "",
    name: str | None = None,
) -> NoticeRequest:
    """A foreseeability notice dated today, with the diary's figures as History shows them,
    signed with `name` (see signed_by); marked as a demonstration when the diary holds the
    sample data."""
    today = diary.today()
    profile = diary.profile()
    figures = notice_figures(
        diary.weeks.all(),
        [entry.record for entry in diary.supervision.all()],
        [entry.record for entry in diary.concerns.all()],
        profile,
        today,
    )
    return NoticeRequest(
        signed_by(diary, name),
        figures,
        today,
        recipient,
        copy_to,
        health_effects,
        asks,
        sample_data=diary.holds_sample_data(),
    )


def default_access_period(today: date) -> tuple[date, date]:
    """What an access request asks for unless told otherwise: the last two years."""
    try:
        first = today.replace(year=today.year - 2)
    except ValueError:  # 29 February
        first = today.replace(year=today.year - 2, day=28)
    return first, today


def access_request(
    diary: Diary,
    from_date: date,
    to_date: date,
    recipient: str = "Data Protection Officer",
    name: str | None = None,
) -> AccessRequest:
    """An access request dated today, signed with `name` (see signed_by), and marked as a
    demonstration when the diary holds the sample data. Raises InvalidInput for a period that
    reaches past today (there are no records of days still to come to ask for) or that ends
    before it starts."""
    today = diary.today()
    problems = [
        FieldProblem(
            field,
            f"The period {verb} on {format_day(day)}, after today ({format_day(today)}): an "
            "access request can only ask for records up to today.",
        )
        for field, verb, day in (("from_date", "starts", from_date), ("to_date", "ends", to_date))
        if day > today
    ]
    if problems:
        raise InvalidInput(problems)
    return AccessRequest(
        signed_by(diary, name),
        today,
        from_date,
        to_date,
        recipient,
        sample_data=diary.holds_sample_data(),
    )


def write_notice(
    diary: Diary,
    request: NoticeRequest,
    pdf_path: Path,
    *,
    allow_identifiers: bool = False,
    allow_clock_behind: bool = False,
) -> LetterWritten:
    """Write the notice (PDF, and text beside it) and log it as a concern raised. Raises
    LetterFileInTheWay, IdentifierWarning or ClockBehind (see Diary.check_clock), in that
    order, before anything is written."""
    _refuse_files_in_the_way(pdf_path)
    if not allow_identifiers:
        require_no_identifiers([request.health_effects, request.asks], request.dated)
    diary.check_clock(allow_clock_behind=allow_clock_behind)
    written = _write(
        pdf_path, foreseeability_notice_pdf(request), foreseeability_notice_text(request)
    )
    summary = (
        f"Foreseeability notice: my workload is putting my health at risk (copied to "
        f"{request.copy_to}). Letter {pdf_path.name}, SHA-256 {written[0]}."
    )
    concern = Concern(
        raised_on=request.dated,
        raised_with=request.recipient,
        channel=ConcernChannel.FORESEEABILITY_NOTICE,
        summary=summary,
        follow_up_on=request.dated + NOTICE_FOLLOW_UP,
    )
    return _logged(diary, concern, pdf_path, written, allow_clock_behind)


def write_access_request(
    diary: Diary, request: AccessRequest, pdf_path: Path, *, allow_clock_behind: bool = False
) -> LetterWritten:
    """Write the request (PDF, and text beside it) and log it, due one calendar month on.
    Raises LetterFileInTheWay or ClockBehind (see Diary.check_clock) before anything is
    written."""
    _refuse_files_in_the_way(pdf_path)
    diary.check_clock(allow_clock_behind=allow_clock_behind)
    written = _write(pdf_path, access_request_pdf(request), access_request_text(request))
    due = one_calendar_month_after(request.dated)
    summary = (
        f"Subject access request for my WMT, allocation and supervision records from "
        f"{format_day(request.from_date)} to {format_day(request.to_date)}. Letter "
        f"{pdf_path.name}, SHA-256 {written[0]}. The answer is due by {format_day(due)}."
    )
    concern = Concern(
        raised_on=request.dated,
        raised_with=request.recipient,
        channel=ConcernChannel.ACCESS_REQUEST,
        summary=summary,
        follow_up_on=due,
    )
    return _logged(diary, concern, pdf_path, written, allow_clock_behind)


def _refuse_files_in_the_way(pdf_path: Path) -> None:
    in_the_way = files_in_the_way(pdf_path)
    if in_the_way:
        raise LetterFileInTheWay(in_the_way, pdf_path)


def _write(pdf_path: Path, pdf: bytes, text: str) -> tuple[str, Path]:
    """Write both files, each only where nothing had that name: a file made there after the
    check is not written over either. Should either not be written, neither is left behind."""
    make_folder(pdf_path.parent)
    pdf_path, text_path = letter_files(pdf_path)
    claimed: list[Path] = []
    try:
        for path in (pdf_path, text_path):
            try:
                claim_new_file(path)
            except FileExistsError:
                raise LetterFileInTheWay([path], pdf_path) from None
            claimed.append(path)
        sha256 = write_atomically(pdf_path, pdf)
        write_atomically(text_path, text.encode("utf-8"))
    except BaseException:
        # Only what this call created: nothing there before it is touched.
        for path in claimed:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return sha256, text_path


def _logged(
    diary: Diary,
    concern: Concern,
    pdf_path: Path,
    written: tuple[str, Path],
    allow_clock_behind: bool,
) -> LetterWritten:
    sha256, text_path = written
    try:
        # The summary is the app's words and a file name, not the user's: nothing to ask about.
        saved = diary.concerns.save(
            concern, allow_identifiers=True, allow_clock_behind=allow_clock_behind
        )
    except BaseException:
        # Not logged (a full disk, a read-only folder): the letter is not left behind either, to
        # be sent without the diary knowing. Both files are this call's own (see _write).
        for path in (pdf_path, text_path):
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return LetterWritten(pdf_path, text_path, sha256, saved.entry.key)
