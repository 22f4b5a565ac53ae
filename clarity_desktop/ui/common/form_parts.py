"""Small parts the record dialogs share (cases, sessions, calling off, import): dates
between Python and Qt, labels safe from stray mnemonics, a form that grows to fit, and
the warning banner that says what needs fixing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStyle,
    QWidget,
)

from clarity_desktop.ui.common import appearance, dates

# Day, month name, four-digit year: the one date format (ui/common/dates.py).
DATE_FORMAT = dates.DATE_FORMAT


def locale_date_format() -> str:
    return DATE_FORMAT


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def mnemonic_safe(text: str) -> str:
    """Escape "&" in names shown on labels and buttons, so "A&B" is not read as a shortcut."""
    return text.replace("&", "&&")


def grow_to_fit(widget: QWidget) -> None:
    """Enlarge a shown dialog whose contents grew (a message appeared); never shrink it.

    A top-level window only grows to its layout's minimum, which squeezes the rows, and
    word-wrapped labels need their height-for-width, which the minimum does not ask for.
    """
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    width = max(widget.width(), layout.minimumSize().width())
    if layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = layout.totalSizeHint().height()
    if height > widget.height() or width > widget.width():
        widget.resize(width, max(height, widget.height()))


class WarningBanner(QFrame):
    """A one-message area inside a dialog: warning icon plus bold coloured text.

    Used for refused input and for standing warnings such as a case's safety flag. The colour is chosen against the current window colour, so it stays readable in light
    and dark palettes; the bold weight and icon carry the meaning without colour too.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recolouring = False
        self._icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._icon.setPixmap(icon.pixmap(size, size))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self._text.font()
        font.setBold(True)
        self._text.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self._recolour()
        self.hide()

    def show_message(self, message: str) -> None:
        self._text.setText(message)
        self.setAccessibleDescription(message)
        self.show()
        window = self.window()
        if window.isVisible():
            grow_to_fit(window)

    def clear(self) -> None:
        self._text.clear()
        self.hide()

    def message(self) -> str:
        return self._text.text()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolour()

    def _recolour(self) -> None:
        if self._recolouring:  # setPalette below raises another PaletteChange
            return
        self._recolouring = True
        try:
            dark = self.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5
            palette = self._text.palette()
            colour = QColor("#ff8a80") if dark else QColor("#b3261e")
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self._text.setPalette(palette)
        finally:
            self._recolouring = False


def error_line() -> QLabel:
    """A line that says what went wrong, in the palette's alert colour."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    appearance.styled(
        label, lambda t: f"QLabel#errorLabel {{ color: {t.alert}; font-weight: 600; }}"
    )
    label.setAccessibleName(QCoreApplication.translate("DocumentDialog", "Error message"))
    return label


def small_progress() -> QProgressBar:
    """A narrow bar without text beside a status line, hidden until work starts."""
    bar = QProgressBar()
    bar.setRange(0, 100)
    bar.setMaximumWidth(160)
    bar.setTextVisible(False)
    bar.hide()
    return bar
