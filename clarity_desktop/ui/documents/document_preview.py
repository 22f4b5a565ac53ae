"""Showing and printing a PDF that exists only in memory.

The preview never touches the disk: the bytes the reports build are handed to
QPdfDocument through a QBuffer, so no unencrypted copy of a clinical document is left in
a temp folder, a crash dump directory or a backup of /tmp. Printing renders the same
in-memory pages onto the printer.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.ui.common.numbers import filled

# Pages are rasterised for the printer at its own resolution, but no finer than this:
# a 1200 dpi A4 page would be a half-gigabyte image, and 300 dpi is already sharper than
# the text of a handout needs.
MAX_PRINT_DPI = 300


class PrintFailed(ClarityError):
    """The document could not be sent to the printer."""


def load_pdf(data: bytes, document: QPdfDocument) -> QBuffer:
    """Load *data* into *document* from memory; keep the returned buffer alive as long
    as the document is shown."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint every page of the PDF onto *printer*, scaled to fit the paper; returns the
    number of pages printed."""
    document = QPdfDocument()
    buffer = load_pdf(data, document)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise PrintFailed(ErrorCode.PRINT_NOT_PREPARED)
        printer.setFullPage(True)  # the PDF carries its own margins
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(ErrorCode.PRINTER_NOT_STARTED)
        try:
            for page in range(document.pageCount()):
                if page and not printer.newPage():
                    raise PrintFailed(ErrorCode.PRINTER_STOPPED)
                points = document.pagePointSize(page)
                image = document.render(
                    page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                )
                paper = printer.paperRect(QPrinter.Unit.DevicePixel)
                scale = min(paper.width() / points.width(), paper.height() / points.height())
                width, height = points.width() * scale, points.height() * scale
                target = QRectF(paper.x() + (paper.width() - width) / 2, paper.y(), width, height)
                painter.fillRect(target, Qt.GlobalColor.white)  # pages render transparent
                painter.drawImage(target, image)
        finally:
            painter.end()
        return document.pageCount()
    finally:
        document.close()
        buffer.close()


class PreviewPane(QWidget):
    """A QPdfView with a line of status under it, or a message where the pages would be
    (why there is no preview yet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Preview"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(40)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.setMaximumHeight(12)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Preview progress"))
        self.status = QLabel()
        self.pages = QLabel()
        self.pages.setAccessibleName(self.tr("Page count"))
        row = QHBoxLayout()
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)
        row.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addLayout(row)
        self.set_building(False)

    def set_building(self, building: bool, percent: int = 0) -> None:
        self.progress.setVisible(building)
        self.progress.setValue(percent)
        self.status.setText(self.tr("Building the preview…") if building else "")

    def show_pdf(self, data: bytes) -> int:
        """Show *data* (keeping the page the reader was on); returns the page count."""
        page = self.view.pageNavigator().currentPage()
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        self._buffer = load_pdf(data, self.document)
        count = self.document.pageCount()
        self.set_building(False)
        if self.document.status() != QPdfDocument.Status.Ready or count < 1:
            self.show_message(self.tr("The preview could not be shown."))
            return 0
        self.stack.setCurrentWidget(self.view)
        self.pages.setText(self.tr("1 page") if count == 1 else filled(self.tr("%d pages"), count))
        if 0 < page < count:
            self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())
        return count

    def show_message(self, text: str) -> None:
        self.set_building(False)
        self.message.setText(text)
        self.pages.clear()
        self.stack.setCurrentWidget(self.message)

    def clear(self) -> None:
        """Forget the pages (the dialog is closing): nothing of the document stays."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer = None
