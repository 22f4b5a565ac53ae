"""What every document shares: page sizes, page furniture (headers, footers, "Page X of
Y", the DRAFT watermark), encryption, progress and where the bytes go.

Encryption is AES-256 (PDF 2.0 security handler, revision 6) through pikepdf, which wraps
qpdf, over the PDF reportlab lays out in memory. reportlab's own encryption is RC4
unless the unmaintained pyaes is present, so it is not used. The unencrypted PDF exists
only in this process's memory: pikepdf reads it from a BytesIO and writes the encrypted
file straight into a temporary file (mode 0600, beside the target), which is renamed
into place once complete and removed if anything fails.

"Page X of Y" needs the page count before the last page exists. The canvas below keeps
each finished page's drawing state and stamps the labels when the document is saved (the
classic two-pass canvas): one layout pass, so it costs next to nothing.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO, Literal

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, TableStyle

from clarity_desktop import APP_NAME, __version__
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.progress import Progress
from clarity_desktop.reports import fonts

PageSizeName = Literal["A4", "Letter"]
PAGE_SIZE_NAMES: tuple[PageSizeName, ...] = ("A4", "Letter")

# Where a document goes: a file path, an open binary file (BytesIO), or None for "give
# me the bytes".
Destination = str | os.PathLike[str] | BinaryIO | None

MM = 72 / 25.4
STEPS = 1000  # progress is reported in thousandths of the work

INK = (0.13, 0.14, 0.16)
MUTED = (0.42, 0.44, 0.47)
ALERT = (0.70, 0.12, 0.12)


def page_size_name(value: str) -> PageSizeName:
    """ "a4", "LETTER" ... to the canonical name; anything else is a validation error."""
    for name in PAGE_SIZE_NAMES:
        if value.strip().lower() == name.lower():
            return name
    raise ValidationError(ErrorCode.PAGE_SIZE_INVALID, "page_size", value=value)


def page_dimensions(name: PageSizeName) -> tuple[float, float]:
    return {"A4": A4, "Letter": LETTER}[page_size_name(name)]


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's own metadata (shown by viewers as title and author)."""

    title: str
    author: str
    subject: str = ""


@dataclass(frozen=True)
class Furniture:
    """What is drawn on every page around the content."""

    header_left: str = ""
    header_right: str = ""
    header_right_alert: bool = False  # drawn in red, bold (DRAFT)
    footer_left: str = ""
    watermark: str = ""  # large diagonal text under the content
    page_label: str = "Page {page} of {total}"
    label_single_page: bool = True  # False: a one-page document carries no page label
    band: tuple[float, float, float] | None = None  # a thin coloured band along the top edge
    rule_color: tuple[float, float, float] = (0.75, 0.76, 0.78)
    edge: float = 20 * MM  # headers and footers keep this far from the left and right edges


@dataclass(frozen=True)
class Margins:
    left: float
    right: float
    top: float
    bottom: float


CLINICIAN_MARGINS = Margins(20 * MM, 20 * MM, 22 * MM, 20 * MM)
HANDOUT_MARGINS = Margins(20 * MM, 20 * MM, 14 * MM, 14 * MM)


PAGE_LABEL_ROOM = "Page 999 of 999"  # the widest page label a document is expected to carry
FOOTER_SIZE = 8


def fit_footer(template: str, name: str, page_size: PageSizeName, edge: float = 20 * MM) -> str:
    """*template* with "{name}" replaced by *name*, shortened with "…" as far as needed
    for the line to leave room for the page label at the right: measured in the
    footer's font, so a long name never runs into "Page X of Y"."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts.register_fonts()
    room = page_dimensions(page_size)[0] - 2 * edge
    room -= stringWidth(PAGE_LABEL_ROOM, fonts.REGULAR, FOOTER_SIZE) + 16

    def width(text: str) -> float:
        return float(stringWidth(text, fonts.REGULAR, FOOTER_SIZE))

    whole = template.replace("{name}", name)
    if width(whole) <= room:
        return whole
    low, high = 0, len(name)  # the longest prefix that fits, by halving
    while low < high:
        mid = (low + high + 1) // 2
        if width(template.replace("{name}", name[:mid].rstrip() + "…")) <= room:
            low = mid
        else:
            high = mid - 1
    return template.replace("{name}", name[: max(low, 1)].rstrip() + "…")


def table_style(*commands: tuple[Any, ...]) -> Any:
    """A TableStyle in our font: a table's default font (Helvetica) would otherwise be
    referenced, unembedded, even when every cell holds a paragraph."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def _draw_furniture(canv: Any, furniture: Furniture, width: float, height: float) -> None:
    margin = furniture.edge
    canv.saveState()
    if furniture.band is not None:
        canv.setFillColorRGB(*furniture.band)
        canv.rect(0, height - 5 * MM, width, 5 * MM, stroke=0, fill=1)
    if furniture.watermark:
        canv.setFillColorRGB(*ALERT)
        canv.setFillAlpha(0.10)
        canv.setFont(fonts.BOLD, 120)
        canv.translate(width / 2, height / 2)
        canv.rotate(52)
        canv.drawCentredString(0, -40, furniture.watermark)
        canv.restoreState()
        canv.saveState()
    top = height - 12 * MM
    canv.setFont(fonts.REGULAR, 8.5)
    canv.setFillColorRGB(*MUTED)
    if furniture.header_left:
        canv.drawString(margin, top, furniture.header_left)
    if furniture.header_right:
        if furniture.header_right_alert:
            canv.setFont(fonts.BOLD, 9)
            canv.setFillColorRGB(*ALERT)
        canv.drawRightString(width - margin, top, furniture.header_right)
    if furniture.header_left or furniture.header_right:
        canv.setStrokeColorRGB(*furniture.rule_color)
        canv.setLineWidth(0.5)
        canv.line(margin, top - 2.5 * MM, width - margin, top - 2.5 * MM)
    if furniture.footer_left:
        canv.setFont(fonts.REGULAR, FOOTER_SIZE)
        canv.setFillColorRGB(*MUTED)
        canv.drawString(margin, 10 * MM, furniture.footer_left)
    canv.restoreState()


def _draw_page_label(canv: Any, furniture: Furniture, page: int, total: int) -> None:
    if not furniture.page_label or (total == 1 and not furniture.label_single_page):
        return
    width = canv._pagesize[0]
    canv.saveState()
    canv.setFont(fonts.REGULAR, 8)
    canv.setFillColorRGB(*MUTED)
    canv.drawRightString(
        width - furniture.edge, 10 * MM, furniture.page_label.format(page=page, total=total)
    )
    canv.restoreState()


class NumberedCanvas(Canvas):
    """Holds every page until save(), then stamps "Page X of Y" on each."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            _draw_page_label(self, self._furniture, number, total)
            super().showPage()
        super().save()


def render(
    story: Sequence[Any],
    *,
    info: DocumentInfo,
    furniture: Furniture,
    page_size: PageSizeName = "A4",
    margins: Margins = CLINICIAN_MARGINS,
    progress: Progress | None = None,
) -> bytes:
    """Lay out *story* (platypus flowables) and return the PDF's bytes, unencrypted:
    see encrypt() and deliver()."""
    fonts.register_fonts()
    width, height = page_dimensions(page_size)
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=margins.left,
        rightMargin=margins.right,
        topMargin=margins.top,
        bottomMargin=margins.bottom,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator=f"{APP_NAME} {__version__}",
        lang="en",
        displayDocTitle=True,
        initialFontName=fonts.REGULAR,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )

    def on_page(canv: Any, _doc: Any) -> None:
        _draw_furniture(canv, furniture, width, height)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    if progress is not None:
        doc.setProgressCallBack(_progress_adapter(progress))
    doc.build(list(story), canvasmaker=functools.partial(NumberedCanvas, furniture=furniture))
    return buffer.getvalue()


def _progress_adapter(progress: Progress) -> Callable[[str, int], None]:
    size, done = [1], [0.0]

    def report(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            size[0] = max(1, value)
            progress.report(0, STEPS)
        elif kind == "PROGRESS":
            # Split flowables can make the count step back; progress never does. The
            # last tenth is kept for the final save (font subsetting, encryption).
            share = min(0.9, 0.9 * value / size[0])
            if share > done[0]:
                done[0] = share
                progress.report(round(share * STEPS), STEPS)

    return report


def encrypt(data: bytes, password: str, into: BinaryIO) -> None:
    """Write *data* (an unencrypted PDF held in memory) to *into*, encrypted with AES-256
    (revision 6) so that it opens only with *password*. Every permission is granted:
    the password is the protection, not viewer restrictions."""
    import pikepdf  # here: only saving with a password needs it

    encryption = pikepdf.Encryption(user=password, owner=password, R=6, aes=True, metadata=True)
    with pikepdf.open(BytesIO(data)) as pdf:
        pdf.save(into, encryption=encryption)


def _write(data: bytes, password: str | None, into: BinaryIO) -> None:
    if password:
        encrypt(data, password, into)
    else:
        into.write(data)


def deliver(data: bytes, out: Destination, password: str | None = None) -> bytes | None:
    """Hand the finished PDF over, encrypted when there is a *password*: bytes when
    *out* is None, else write and return None.

    A path is written to a temporary file beside it (mode 0600, from mkstemp) and
    renamed into place, so a failure never leaves a half-written PDF under the chosen
    name; like the practice's own files, the PDF is readable by its owner only. With a
    password, only encrypted bytes are ever written to that file.
    """
    if out is None:
        if not password:
            return data
        buffer = BytesIO()
        encrypt(data, password, buffer)
        return buffer.getvalue()
    if not isinstance(out, str | os.PathLike):
        _write(data, password, out)
        return None
    path = Path(os.fspath(out))
    try:  # a short temporary name: the chosen one may be as long as the system allows
        fd, tmp = tempfile.mkstemp(prefix=".clarity-", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _about(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            _write(data, password, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _about(exc, path) from exc
        raise
    return None


def _about(exc: OSError, path: Path) -> OSError:
    """The same error about the file the user chose, never the hidden temporary one."""
    return OSError(exc.errno, exc.strerror or str(exc), os.fspath(path))


def finish(
    story: Sequence[Any],
    out: Destination,
    *,
    info: DocumentInfo,
    furniture: Furniture,
    page_size: PageSizeName,
    margins: Margins,
    password: str | None,
    progress: Progress | None,
) -> bytes | None:
    """render() then deliver(), reporting the whole work done once the bytes are where they go."""
    data = render(
        story,
        info=info,
        furniture=furniture,
        page_size=page_size,
        margins=margins,
        progress=progress,
    )
    result = deliver(data, out, password)
    if progress is not None:
        progress.report(STEPS, STEPS)
    return result
