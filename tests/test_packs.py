"""Taking a snapshot of the diary for a pack, and recording an export."""

from __future__ import annotations

import copy
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.clock import Clock
from workdiary.domain.canonical import canonical_json
from workdiary.domain.dates import format_moment
from workdiary.domain.errors import DiaryLocked, InvalidInput
from workdiary.domain.records import (
    Concern,
    ConcernChannel,
    ConcernStatus,
    Profile,
    SupervisionSession,
    SupervisionStatus,
    Week,
)
from workdiary.evidence.pack_data import PackCheck, PackContents, fingerprint, pack_data
from workdiary.evidence.snapshot import PackOptions
from workdiary.pack_verdict import (
    LISTED,
    Face,
    PackStatus,
    PackVerdict,
    check_pack_file,
    pack_verdict,
)
from workdiary.packs import (
    PackFileInTheWay,
    PackOrigin,
    compare_with_diary,
    default_file_name,
    save_pack,
    take_snapshot,
)
from workdiary.storage import Diary


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    diary_path.parent.mkdir(parents=True)
    with Diary.open(diary_path) as opened:
        opened.save_profile(Profile(name="Rhiannon Llŷr / Cardiff"))
        opened.weeks.save(Week(date(2026, 11, 9), 120.0))
        opened.weeks.save(Week(date(2026, 11, 9), 125.0))
        yield opened


def test_a_snapshot_holds_the_records_and_their_audit_entries(diary: Diary) -> None:
    snapshot = take_snapshot(diary)
    assert [entry.record.capacity_pct for entry in snapshot.weeks] == [125.0]
    assert [(a.entity, a.action) for a in snapshot.audit] == [
        ("profile", "create"),
        ("weeks", "create"),
        ("weeks", "amend"),
    ]
    assert snapshot.audit[-1].record["capacity_pct"] == 125.0
    assert (snapshot.audit_entries, snapshot.chain_head) == diary.audit.head()
    assert snapshot.profile.name == "Rhiannon Llŷr / Cardiff"


def test_saving_a_pack_writes_it_and_records_the_export(diary: Diary, tmp_path: Path) -> None:
    snapshot = take_snapshot(diary)
    options = PackOptions(date(2026, 11, 2), date(2026, 11, 16))
    name = default_file_name(snapshot, options)
    assert name == "WorkDiary-Rhiannon-Ll-r-Cardiff-2026-11-02-to-2026-11-22.pdf".replace(
        "Ll-r", "Llŷr"
    )
    saved = save_pack(
        diary, snapshot, options, "f" * 64, b"%PDF-1.4 pretend", tmp_path / "out" / name
    )
    assert saved.path.read_bytes() == b"%PDF-1.4 pretend"
    sample = replace(snapshot, sample_data=True)
    assert default_file_name(sample, options).startswith("WorkDiary-DEMO-Rhiannon-")
    [export] = diary.exports.all()
    assert (export.record.fingerprint, export.record.chain_head) == ("f" * 64, snapshot.chain_head)
    assert export.record.file_sha256 == saved.file_sha256 and export.record.file_name == name
    assert diary.verify().intact  # exports are audited like everything else


def test_a_pack_is_never_saved_over_a_file_already_there(diary: Diary, tmp_path: Path) -> None:
    # Checked again as the file is written: it may have been made since the name was chosen.
    snapshot, options = take_snapshot(diary), PackOptions(date(2026, 11, 2), date(2026, 11, 16))
    handed_over = tmp_path / "pack.pdf"
    handed_over.write_bytes(b"the pack the rep has")
    nowhere = tmp_path / "link.pdf"
    nowhere.symlink_to(tmp_path / "missing" / "target.pdf")
    for taken in (handed_over, nowhere):
        with pytest.raises(PackFileInTheWay) as refused:
            save_pack(diary, snapshot, options, "f" * 64, b"%PDF-1.4 new", taken)
        assert str(refused.value) == (
            f"There is already a file at {taken}. Work Diary does not write over it: it may be a "
            "pack you have already handed to someone."
        )
    assert handed_over.read_bytes() == b"the pack the rep has" and nowhere.is_symlink()
    assert not (tmp_path / "missing").exists() and diary.exports.all() == []


def test_a_pack_whose_export_is_not_recorded_is_not_left_behind(
    diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window then says the pack was not saved, which must be true: every pack on disk is
    # one its diary knows of.
    def locked(*_args: object, **_options: object) -> None:
        raise DiaryLocked("The diary is open in another program.")

    monkeypatch.setattr(diary.exports, "save", locked)
    snapshot, options = take_snapshot(diary), PackOptions(date(2026, 11, 2), date(2026, 11, 16))
    with pytest.raises(DiaryLocked):
        save_pack(diary, snapshot, options, "f" * 64, b"%PDF-1.4", tmp_path / "out" / "pack.pdf")
    assert list((tmp_path / "out").iterdir()) == []


def test_what_the_diary_holds_for_a_pack_since_is_what_a_pack_would_hold(
    diary: Diary, tmp_path: Path
) -> None:
    # A pack of the two weeks commencing 2 and 9 November (to Sunday 15 November).
    options = PackOptions(date(2026, 11, 2), date(2026, 11, 9))
    snapshot = take_snapshot(diary)
    data = pack_data(snapshot, options)
    saved = save_pack(diary, snapshot, options, fingerprint(data), b"%PDF", tmp_path / "p.pdf")
    # Recorded afterwards, on the days either side of its edges.
    diary.weeks.save(Week(date(2026, 11, 2), 118.0))
    diary.weeks.save(Week(date(2026, 11, 16), 101.0))
    for day in (date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 15), date(2026, 11, 16)):
        diary.supervision.save(SupervisionSession(day, SupervisionStatus.HELD))
        diary.concerns.save(Concern(day, "SPO", ConcernChannel.EMAIL, "Caseload"))
    comparison = compare_with_diary(diary, data, fingerprint(data), saved.file_sha256)
    assert comparison.matches and comparison.amended_since == []
    assert [line.split(":")[0] for line in comparison.added_since] == [
        "Week commencing Mon 02 Nov 2026",
        "Supervision session 2, dated Mon 02 Nov 2026",
        "Supervision session 3, dated Sun 15 Nov 2026",
        "Concern 1, dated Sun 01 Nov 2026, raised before the period and unanswered when it began",
        "Concern 2, dated Mon 02 Nov 2026",
        "Concern 3, dated Sun 15 Nov 2026",
    ]
    # The same rule the pack itself goes by: a pack made now holds exactly those, and the week
    # it already held.
    now = pack_data(take_snapshot(diary), options)
    again = now["records"]
    assert sorted(again["weeks"]) == ["2026-11-02", "2026-11-09"]
    assert sorted(again["supervision_sessions"]) == ["2", "3"]
    assert sorted(again["concerns"]) == ["2", "3"]
    assert sorted(now["unanswered_at_start"]["concerns"]) == ["1"]


def test_an_older_concern_a_pack_would_now_show_is_named_too(diary: Diary, tmp_path: Path) -> None:
    # A pack also shows the concerns raised before its period and unanswered when it began: one
    # logged late, or one whose answer (before the period) turns out to have been a mistake.
    answered = Concern(
        date(2026, 10, 19),
        "SPO",
        ConcernChannel.EMAIL,
        "Caseload",
        response="Noted",
        response_on=date(2026, 10, 26),
        status=ConcernStatus.ANSWERED,
    )
    mistaken = diary.concerns.save(answered).entry
    options = PackOptions(date(2026, 11, 2), date(2026, 11, 9))
    snapshot = take_snapshot(diary)
    data = pack_data(snapshot, options)
    assert data["records"]["concerns"] == {}  # answered before the period began
    saved = save_pack(diary, snapshot, options, fingerprint(data), b"%PDF", tmp_path / "p.pdf")

    diary.concerns.save(Concern(date(2026, 10, 20), "SPO", ConcernChannel.EMAIL, "Caseload"))
    diary.concerns.save(replace(answered, raised_on=date(2026, 10, 21)))  # answered in time
    diary.concerns.save(
        replace(answered, response="", response_on=None, status=ConcernStatus.OPEN), mistaken.key
    )
    comparison = compare_with_diary(diary, data, fingerprint(data), saved.file_sha256)
    amended = diary.concerns.get(mistaken.key)
    late = diary.concerns.get("2")
    assert amended is not None and late is not None
    assert comparison.added_since == [
        "Concern 1, dated Mon 19 Oct 2026, raised before the period and unanswered when it "
        f"began: first recorded on {format_moment(mistaken.first_recorded_at)}, and amended on "
        f"{format_moment(amended.last_changed_at)}",
        "Concern 2, dated Tue 20 Oct 2026, raised before the period and unanswered when it "
        f"began: first recorded on {format_moment(late.first_recorded_at)}, retrospectively",
    ]
    # A pack made now shows both, and so has nothing to be told of.
    snapshot = take_snapshot(diary)
    data = pack_data(snapshot, options)
    assert sorted(data["unanswered_at_start"]["concerns"]) == ["1", "2"]
    saved = save_pack(diary, snapshot, options, fingerprint(data), b"%PDF", tmp_path / "q.pdf")
    assert compare_with_diary(diary, data, fingerprint(data), saved.file_sha256).added_since == []


def test_a_pack_whose_data_was_changed_is_not_vouched_for_though_its_history_is_the_diarys(
    diary: Diary, tmp_path: Path
) -> None:
    # The audit entries' hashes are left as they were: only the diary's record of the pack's
    # fingerprint shows that what the pack says about them is not what the diary made.
    options = PackOptions(date(2026, 11, 2), date(2026, 11, 9))
    snapshot = take_snapshot(diary)
    data = pack_data(snapshot, options)
    save_pack(diary, snapshot, options, fingerprint(data), b"%PDF", tmp_path / "pack.pdf")
    changed = copy.deepcopy(data)
    changed["records"]["weeks"]["2026-11-09"]["capacity_pct"] = 102.5
    changed["audit"][-1]["record"]["capacity_pct"] = 102.5
    comparison = compare_with_diary(diary, changed, fingerprint(changed), "its file")
    assert comparison.origin is PackOrigin.THIS_DIARY and not comparison.matches
    assert comparison.not_recorded is not None
    assert "no record of making a pack with the data inside this one" in comparison.not_recorded
    assert comparison.amended_since == [] and comparison.added_since == []


def test_a_pack_of_another_diary_shares_none_of_its_history(diary: Diary, tmp_path: Path) -> None:
    other_path = tmp_path / "other" / "diary.db"
    other_path.parent.mkdir()
    with Diary.open(other_path) as other:
        other.weeks.save(Week(date(2026, 11, 9), 101.0))
        data = pack_data(take_snapshot(other), PackOptions(date(2026, 11, 9), date(2026, 11, 9)))
    comparison = compare_with_diary(diary, data, fingerprint(data), "its file")
    assert comparison.origin is PackOrigin.ANOTHER_DIARY and comparison.shared_to is None
    assert not comparison.matches


def test_a_pack_whose_entries_contradict_each_other_is_not_said_to_share_a_history(
    diary: Diary,
) -> None:
    # Its first entry is unlike this diary's, the later ones alike: each entry is bound to every
    # one before it, so no two histories kept by Work Diary part like that.
    data = pack_data(take_snapshot(diary), PackOptions(date(2026, 11, 2), date(2026, 11, 9)))
    changed = copy.deepcopy(data)
    changed["audit"][0]["hash"] = "f" * 64
    comparison = compare_with_diary(diary, changed, fingerprint(changed), "its file")
    assert comparison.origin is PackOrigin.SHARED_THEN_DIFFERS and comparison.shared_to is None
    [named] = comparison.not_own
    assert named.startswith("Audit entry 1 (Your profile, recorded on ")
    assert named.endswith("): this diary's entry 1 is a different one")


# The verdict on a pack, as both faces give it.


def sealed_check(data: dict[str, Any]) -> PackCheck:
    """What the pack's own check finds of an intact pack holding `data`."""
    printed = fingerprint(data)
    contents = PackContents(canonical_json(data), data, printed, True, True)
    return PackCheck("intact", f"This pack is intact: {printed}.", contents)


def recorded_pack(diary: Diary, tmp_path: Path, options: PackOptions) -> tuple[PackCheck, str]:
    """A pack this diary recorded making: its check, and its file's SHA-256."""
    snapshot = take_snapshot(diary)
    data = pack_data(snapshot, options)
    saved = save_pack(diary, snapshot, options, fingerprint(data), b"%PDF", tmp_path / "p.pdf")
    return sealed_check(data), saved.file_sha256


def assert_same_words_but_for_the_face(command: PackVerdict, window: PackVerdict) -> None:
    """One wording: the window says what the command says, paragraph by paragraph, except that
    it names its own ways instead of commands and names fewer of a long list."""
    assert command.status is window.status and command.title == window.title
    assert len(command.paragraphs) == len(window.paragraphs)
    for said, shown in zip(command.paragraphs, window.paragraphs, strict=True):
        if said.text.startswith("Nothing is wrong with the pack."):
            assert "workdiary export" in said.text and "workdiary" not in shown.text
            assert "make a new pack of the same weeks on the Evidence page" in shown.text
        else:
            assert said.text.replace("`workdiary verify`", "Help → Check your diary") == shown.text
            assert "workdiary" not in shown.text
        listed = LISTED[Face.WINDOW]
        if len(said.items) > listed:
            # The command may have cut its list short too, saying how many more it left out.
            more = re.fullmatch(r"and (\d+) more\.", said.items[-1])
            total = len(said.items) - 1 + int(more.group(1)) if more else len(said.items)
            assert shown.items == (*said.items[:listed], f"and {total - listed} more.")
        else:
            assert shown.items == said.items


def test_the_command_names_every_record_changed_since_and_the_window_the_first_few(
    diary: Diary, tmp_path: Path
) -> None:
    weeks = [date(2026, 11, 9) - timedelta(weeks=back) for back in range(12)]
    for monday in weeks:
        diary.weeks.save(Week(monday, 120.0))
    options = PackOptions(weeks[-1], weeks[0], include_notes=False)
    check, file_sha256 = recorded_pack(diary, tmp_path, options)
    for monday in weeks:
        diary.weeks.save(Week(monday, 140.0))
    data = check.contents.data if check.contents else None
    assert data is not None
    comparison = compare_with_diary(diary, data, fingerprint(data), file_sha256)
    command = pack_verdict(check, comparison, Face.COMMAND)
    window = pack_verdict(check, comparison, Face.WINDOW)
    assert command.status is PackStatus.MATCHES_THEN_CHANGED and command.passed
    [changed] = [p for p in command.paragraphs if "were changed in the diary" in p.text]
    assert len(changed.items) == 12  # every one: each is a reason to make a new pack
    assert_same_words_but_for_the_face(command, window)
    assert window.paragraphs[-1].text.endswith(
        "make a new pack of the same weeks on the Evidence page (choose Custom dates, from "
        "Mon 24 Aug 2026 to Sun 15 Nov 2026, and tick Leave out notes, as this pack did)."
    )
    assert command.paragraphs[-1].text.endswith(
        "workdiary export --from 2026-08-24 --to 2026-11-09 --out NEW-PACK.pdf --no-notes"
    )


def test_a_diary_that_fails_its_check_is_named_in_the_same_words_by_both_faces(
    diary: Diary, diary_path: Path, tmp_path: Path
) -> None:
    weeks = [date(2026, 11, 9) - timedelta(weeks=back) for back in range(30)]
    for monday in weeks:
        diary.weeks.save(Week(monday, 120.0))
    check, file_sha256 = recorded_pack(diary, tmp_path, PackOptions(weeks[-1], weeks[0]))
    with sqlite3.connect(diary_path) as connection:
        connection.execute("UPDATE weeks SET capacity_pct = 90")
    data = check.contents.data if check.contents else None
    assert data is not None
    comparison = compare_with_diary(diary, data, fingerprint(data), file_sha256)
    command = pack_verdict(check, comparison, Face.COMMAND)
    window = pack_verdict(check, comparison, Face.WINDOW)
    assert command.status is PackStatus.DIARY_ALTERED and not command.passed
    assert command.paragraphs[-1].items[-1] == "and 10 more."  # the command names twenty
    assert_same_words_but_for_the_face(command, window)
    assert "(Help → Check your diary says more):" in window.paragraphs[-1].text


def test_a_pack_that_fails_its_own_check_gets_its_message_and_what_to_do(tmp_path: Path) -> None:
    check = PackCheck("altered", "This pack has been altered: it no longer says which…", None)
    for face in Face:
        verdict = pack_verdict(check, None, face)
        assert verdict.status is PackStatus.ALTERED and not verdict.passed
        assert [p.text for p in verdict.paragraphs] == [check.message]
        assert "Do not rely on this file" in verdict.advice
    missing = tmp_path / "missing.pdf"
    with pytest.raises(InvalidInput, match=r"Cannot read .*missing\.pdf: No such file"):
        check_pack_file(missing)


def test_a_week_logged_again_late_since_a_pack_is_named_as_recorded_retrospectively(
    tmp_path: Path,
) -> None:
    """Judged as the weekly figures judge it: by when it was logged again."""
    path = tmp_path / "late" / "diary.db"
    path.parent.mkdir()
    clock = Clock(datetime(2026, 9, 25, 12, tzinfo=UTC))
    with Diary.open(path, clock) as diary:
        diary.weeks.save(Week(date(2026, 9, 21), 120.0))
        clock.now = datetime(2026, 10, 5, 12, tzinfo=UTC)
        options = PackOptions(date(2026, 9, 21), date(2026, 9, 28))
        snapshot = take_snapshot(diary)
        data = pack_data(snapshot, options)
        saved = save_pack(diary, snapshot, options, fingerprint(data), b"%PDF", tmp_path / "p.pdf")
        clock.now = datetime(2026, 10, 6, 12, tzinfo=UTC)
        diary.weeks.save(Week(date(2026, 9, 28), 118.0))  # on time
        diary.weeks.delete("2026-09-28")
        clock.now = datetime(2026, 10, 20, 12, tzinfo=UTC)
        diary.weeks.save(Week(date(2026, 9, 28), 145.0))  # logged again, 16 days after
        comparison = compare_with_diary(diary, data, fingerprint(data), saved.file_sha256)
    [added] = comparison.added_since
    assert added.startswith("Week commencing Mon 28 Sep 2026")
    assert added.endswith(", retrospectively")
