"""The embedded Unicode font (DejaVu Sans, shipped in resources/fonts with its licence).

reportlab's built-in fonts cover Latin-1 only; names such as Łukasz, Ελένη or Дмитрий
need a TrueType font, embedded as a subset so text stays selectable and extractable.
Registration parses four font files (tens of milliseconds), so it happens once, on the
first document built, and never at import time: the first window must not wait for it.
"""

from __future__ import annotations

import threading

from clarity_desktop.reports.resources import resource_path

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the font family with reportlab; cheap after the first call, thread-safe."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        # <b> and <i> inside a paragraph set in any face of the family find the right file.
        for name in _FILES:
            addMapping(name, 0, 0, REGULAR)
            addMapping(name, 1, 0, BOLD)
            addMapping(name, 0, 1, ITALIC)
            addMapping(name, 1, 1, BOLD_ITALIC)
        _registered = True
