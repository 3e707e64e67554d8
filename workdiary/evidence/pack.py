"""The evidence pack: a pure function from a snapshot of the diary and options to a finished PDF."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from workdiary.domain.canonical import canonical_json, sha256_hex
from workdiary.domain.dates import format_days
from workdiary.evidence.pack_data import (
    DATA_DESCRIPTION,
    DATA_FILE_NAME,
    DATA_MEDIA_TYPE,
    DEMONSTRATION,
    covered_data,
    document_information,
    seal,
)
from workdiary.evidence.period import coverage, period_words
from workdiary.evidence.snapshot import PackOptions, Snapshot

# How much of the fingerprint every footer prints: enough to tell packs apart at a glance.
SHORT_FINGERPRINT = 16


@dataclass(frozen=True)
class Pack:
    """A finished pack: the PDF (its data embedded), the fingerprint printed in it, the canonical
    JSON that fingerprint is the SHA-256 of, and how many pages it has."""

    pdf: bytes
    fingerprint: str
    data_json: str
    pages: int


def build_pack(snapshot: Snapshot, options: PackOptions) -> Pack:
    """The pack for `options` made from `snapshot`: no I/O and no clock (its time is the
    snapshot's), so the same snapshot and options always give the same fingerprint.

    Raises InvalidInput for a period that ends before it starts."""
    # reportlab is imported here, not at the top: it costs start-up time the app need not pay.
    from workdiary.evidence.fonts import ITALIC, printable
    from workdiary.evidence.pack_render import Attachment, Furniture, Metadata, render
    from workdiary.evidence.pack_story import story

    covered = coverage(snapshot, options)
    data_json = canonical_json(covered_data(snapshot, options, covered))
    data = data_json.encode("utf-8")
    fingerprint = sha256_hex(data_json)
    name = snapshot.profile.name.strip() or "(no name given)"
    period = format_days(covered.first_week, covered.ends_on)
    furniture = Furniture(
        # Every page's footer and running head are drawn in italic, the officer's name among them.
        name=printable(name, ITALIC),
        short_fingerprint=fingerprint[:SHORT_FINGERPRINT],
        period=period,
        created=snapshot.taken_at,
        demonstration=DEMONSTRATION if snapshot.sample_data else "",
    )
    title = f"Workload evidence pack: {name}, {period}"
    metadata = Metadata(
        title=f"{DEMONSTRATION}. {title}" if snapshot.sample_data else title,
        author=snapshot.profile.name.strip(),
        subject=(
            f"Workload, supervision and concerns recorded in Work Diary, {period_words(covered)}. "
            f"Data fingerprint (SHA-256 of the embedded {DATA_FILE_NAME}): {fingerprint}"
        ),
        creator=f"Work Diary {snapshot.app_version}",
        keywords=f"Work Diary evidence pack; pack id {snapshot.pack_id}; fingerprint {fingerprint}",
        custom=document_information(fingerprint),
        attachments=[Attachment(DATA_FILE_NAME, data, DATA_MEDIA_TYPE, DATA_DESCRIPTION)],
    )
    with _collector_paused():
        pdf, pages = render(story(snapshot, options, covered, fingerprint), furniture, metadata)
    return Pack(pdf=seal(pdf, data), fingerprint=fingerprint, data_json=data_json, pages=pages)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the pages are laid out. Laying out makes a million
    short-lived objects and no cycles worth collecting (a ten-year pack peaks at the same memory
    without it), so the collector's passes over the growing heap are time for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
