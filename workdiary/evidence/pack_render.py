"""A pack's pages: A4 frames, running heads and footers, the outline, and page numbers, in one pass.

Imported only when a pack is made (reportlab costs start-up time). "Page X of Y" and the contents'
page numbers are drawn as PDF forms that are filled in once the last page is known, so the pages
are laid out once rather than twice. Attached files and document information entries of our own
are written in the same pass, through reportlab's PDF objects (it has no public call for them)."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from workdiary.evidence.fonts import BOLD, ITALIC, REGULAR, document_options, printable
from workdiary.evidence.pdf_library import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_SIDE = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
_FOOTER_BASELINE = 11 * mm
_HEADER_BASELINE = PAGE_HEIGHT - 12 * mm
_FURNITURE_SIZE = 7.5
_GREY = Color(0.3, 0.3, 0.3)
DEMONSTRATION_RED = Color(0.7, 0.05, 0.05)
_DEMONSTRATION_SIZE = 10
_DEMONSTRATION_BASELINE = PAGE_HEIGHT - 7 * mm
_TOTAL_FORM = "pack-total-pages"
# Wide enough for any page number the forms hold, on either side of where they are drawn.
_FORM_BOX = (-150, -4, 150, 12)


def section_form(key: str) -> str:
    """The form that holds the number of the page a section starts on."""
    return f"pack-section-{key}"


class SectionHeading(Paragraph):
    """A heading that starts a section (level 0) or a part of one (level 1): it is bookmarked in
    the PDF outline, and a section's first page is noted for the contents and running heads."""

    def __init__(
        self, text: str, style: ParagraphStyle, key: str, outline_title: str, level: int = 0
    ) -> None:
        super().__init__(text, style)
        self.key = key
        self.outline_title = outline_title
        self.level = level


class PageNumberOf(Flowable):
    """A contents line: a section's title, and the page it starts on, right-aligned."""

    def __init__(self, title: str, key: str, font: str = REGULAR, size: float = 9.5) -> None:
        super().__init__()
        self.title = printable(title, font)
        self.key = key
        self.font = font
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size * 1.55

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.font, self.size)
        canvas.drawString(0, 3, self.title)
        canvas.saveState()
        canvas.translate(self.width, 3)
        canvas.doForm(section_form(self.key))
        canvas.restoreState()


@dataclass
class Furniture:
    """What every page prints around its text, and what the pages tell the forms at the end."""

    name: str  # as the italic font can draw it
    short_fingerprint: str
    period: str
    created: datetime
    # Printed across the top of every page when set: a pack of made-up data must say so on any
    # page that is copied or printed on its own.
    demonstration: str = ""
    section_title: str = ""
    section_pages: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Attachment:
    """A file carried inside the PDF, as a reader's attachments panel and `pdfdetach` list it."""

    name: str
    data: bytes
    media_type: str
    description: str


@dataclass(frozen=True)
class Metadata:
    """The PDF's document information: what a PDF reader shows under its properties."""

    title: str
    author: str
    subject: str
    creator: str
    keywords: str
    # Document information entries of our own, by name (without the slash), after reportlab's.
    custom: Mapping[str, str] = field(default_factory=dict)
    attachments: Sequence[Attachment] = ()


class _Information(PDFInfo):
    """The document information reportlab writes, and our own entries after it."""

    def __init__(self, custom: Mapping[str, str]) -> None:
        super().__init__()
        self.custom = custom

    def format(self, document: Any) -> bytes:
        # The date formatter the canvas set, so that the file is dated by the snapshot.
        formatter = getattr(self, "_dateFormatter", None)
        stamp = PDFDate(ts=document._timeStamp, dateFormatter=formatter)
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Creator": PDFString(self.creator),
            "Producer": PDFString(self.producer),
            "CreationDate": stamp,
            "ModDate": stamp,
            "Trapped": PDFName(self.trapped),
        }
        entries.update((name, PDFString(value)) for name, value in self.custom.items())
        return bytes(PDFDictionary(entries).format(document))


def _media_type_name(media_type: str) -> str:
    """A media type as a PDF name, its slash written #2F as PDF's name syntax needs."""
    return "/" + media_type.replace("/", "#2F")


def _attach(document: Any, attachments: Sequence[Attachment]) -> None:
    """The files in the catalog's name tree of embedded files, stored as they are (no filter),
    so that the bytes in the PDF are the very bytes that were hashed."""
    names: list[Any] = []
    for attachment in sorted(attachments, key=lambda attachment: attachment.name):
        stream = PDFStream(
            PDFDictionary(
                {
                    "Type": PDFName("EmbeddedFile"),
                    "Subtype": _media_type_name(attachment.media_type),
                    "Params": PDFDictionary({"Size": len(attachment.data)}),
                }
            ),
            attachment.data,
            filters=[],
        )
        specification = PDFDictionary(
            {
                "Type": PDFName("Filespec"),
                "F": PDFString(attachment.name),
                "UF": PDFString(attachment.name),
                "Desc": PDFString(attachment.description),
                "EF": PDFDictionary({"F": document.Reference(stream)}),
            }
        )
        names += [PDFString(attachment.name), document.Reference(specification)]
    if names:
        document.Catalog.Names = PDFDictionary(
            {"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})}
        )


class _PackCanvas(Canvas):
    """A canvas that dates the PDF at the snapshot's moment, not the clock's, fills in the
    page-number forms when it is saved, and writes the attachments and our document information
    entries with the pages."""

    def __init__(self, *args: Any, furniture: Furniture, metadata: Metadata, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.furniture = furniture
        self.attachments = metadata.attachments
        # reportlab's PDF document, which holds the objects the file is written from.
        self.document: Any = self._doc  # type: ignore[attr-defined]
        # Before the document template sets the title and the rest on it.
        self.document.info = _Information(metadata.custom)
        moment = furniture.created.astimezone(UTC)
        stamp = moment.strftime("D:%Y%m%d%H%M%S+00'00'")
        self.setDateFormatter(lambda *_: stamp)

    def save(self) -> None:
        # Every page has been shown, so the page number is one past the last page.
        self._number_form(_TOTAL_FORM, str(self.getPageNumber() - 1), align_right=False)
        for key, page in self.furniture.section_pages.items():
            self._number_form(section_form(key), f"page {page}", align_right=True)
        _attach(self.document, self.attachments)
        super().save()

    def _number_form(self, name: str, text: str, align_right: bool) -> None:
        self.beginForm(name, *_FORM_BOX)
        self.setFont(REGULAR if align_right else ITALIC, 9.5 if align_right else _FURNITURE_SIZE)
        if align_right:
            self.drawRightString(0, 0, text)
        else:
            self.setFillColor(_GREY)
            self.drawString(0, 0, text)
        self.endForm()


class CarriedOver(ActionFlowable):
    """From here to the next CarriedOver, the `heading` (none, if None) that heads each new page
    above what is carried over to it: a text run on from one page to the next says at the top of
    the next whose it is, as a table repeats its header."""

    def __init__(self, heading: Flowable | None = None) -> None:
        super().__init__()
        self.heading = heading

    def apply(self, doc: BaseDocTemplate) -> None:
        assert isinstance(doc, _PackDocument)
        doc.carried_heading = self.heading


class _PackDocument(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(buffer, **kwargs)
        self.furniture = furniture
        self.carried_heading: Flowable | None = None

    def handle_frameBegin(
        self, resume: int = 0, pageTopFlowables: list[Flowable] | None = None
    ) -> None:
        # Laid out first on the new page, as reportlab lays out its own flowables for the top of
        # every page.
        carried = [self.carried_heading] if self.carried_heading is not None else []
        super().handle_frameBegin(resume, [*(pageTopFlowables or []), *carried])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionHeading):
            canvas = self.canv
            canvas.bookmarkPage(flowable.key)
            canvas.showOutline()  # a reader opens with the sections listed beside the pages
            canvas.addOutlineEntry(
                printable(flowable.outline_title), flowable.key, level=flowable.level
            )
            if flowable.level == 0:
                self.furniture.section_title = flowable.outline_title
                self.furniture.section_pages[flowable.key] = canvas.getPageNumber()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """The text, cut short with … if it would run past `width` (a very long name, say)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _with_name(before: str, name: str, after: str, width: float) -> str:
    """`before`, the name and `after` in `width`: a name too long for the room left is cut short,
    never what follows it (the fingerprint, the period), which every page must show."""
    room = width - stringWidth(before + after, ITALIC, _FURNITURE_SIZE)
    return f"{before}{_fit(name, ITALIC, _FURNITURE_SIZE, room)}{after}"


def _furniture(canvas: Canvas, doc: BaseDocTemplate) -> None:
    furniture: Furniture = doc.furniture  # type: ignore[attr-defined]
    canvas.saveState()
    canvas.setFont(ITALIC, _FURNITURE_SIZE)
    canvas.setFillColor(_GREY)
    canvas.setStrokeColor(_GREY)
    canvas.setLineWidth(0.4)
    right = PAGE_WIDTH - MARGIN_SIDE
    number = f"Page {canvas.getPageNumber()} of "
    # The total is a form filled in at the end; it starts where "of " ends, so the block starts
    # where the widest number it could hold would put it.
    number_left = right - stringWidth("Page 8888 of 8888", ITALIC, _FURNITURE_SIZE)
    canvas.line(MARGIN_SIDE, _FOOTER_BASELINE + 9, right, _FOOTER_BASELINE + 9)
    fingerprint = f"  ·  Fingerprint {furniture.short_fingerprint}"
    left_text = _with_name("", furniture.name, fingerprint, number_left - MARGIN_SIDE - 12)
    canvas.drawString(MARGIN_SIDE, _FOOTER_BASELINE, left_text)
    canvas.drawString(number_left, _FOOTER_BASELINE, number)
    canvas.saveState()
    canvas.translate(number_left + stringWidth(number, ITALIC, _FURNITURE_SIZE), _FOOTER_BASELINE)
    canvas.doForm(_TOTAL_FORM)
    canvas.restoreState()
    if canvas.getPageNumber() > 1:
        title = furniture.section_title
        title_width = stringWidth(title, ITALIC, _FURNITURE_SIZE)
        head = _with_name(
            "Workload evidence pack  ·  ",
            furniture.name,
            f"  ·  {furniture.period}",
            FRAME_WIDTH - title_width - 16,
        )
        canvas.drawString(MARGIN_SIDE, _HEADER_BASELINE, head)
        canvas.drawRightString(right, _HEADER_BASELINE, title)
        canvas.line(MARGIN_SIDE, _HEADER_BASELINE - 3, right, _HEADER_BASELINE - 3)
    if furniture.demonstration:
        draw_demonstration(canvas, furniture.demonstration)
    canvas.restoreState()


def draw_demonstration(canvas: Canvas, words: str) -> None:
    """`words` across the top of an A4 page, in bold red above its running head: what the page
    shows is made up, and a page copied or printed on its own must still say so. (Packs and
    letters alike; the caller saves and restores the canvas's font and colour.)"""
    canvas.setFont(BOLD, _DEMONSTRATION_SIZE)
    canvas.setFillColor(DEMONSTRATION_RED)
    canvas.drawCentredString(PAGE_WIDTH / 2, _DEMONSTRATION_BASELINE, words)


def render(
    story: Sequence[Flowable], furniture: Furniture, metadata: Metadata
) -> tuple[bytes, int]:
    """The PDF, and how many pages it has."""
    buffer = io.BytesIO()
    doc = _PackDocument(
        buffer,
        furniture,
        pagesize=A4,
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=printable(metadata.title),
        author=printable(metadata.author),
        subject=printable(metadata.subject),
        creator=metadata.creator,
        keywords=metadata.keywords,
        lang="en-GB",
        # No clock: the same snapshot gives the same bytes (the date comes from the canvas).
        invariant=1,
        **document_options(),
    )
    frame = Frame(
        MARGIN_SIDE,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )
    doc.addPageTemplates([PageTemplate("page", [frame], onPageEnd=_furniture)])
    make_canvas: Callable[..., Canvas] = partial(
        _PackCanvas, furniture=furniture, metadata=metadata
    )
    doc.build(list(story), canvasmaker=make_canvas)
    return buffer.getvalue(), doc.page
