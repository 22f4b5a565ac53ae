"""How the program looks and reads: light and dark palettes that follow the system, the
text size the therapist chose, the few colours that carry meaning, and the icons.

Why Fusion with palettes of our own: the native styles differ in whether and how they
follow a dark desktop, and some draw fixed light colours whatever the palette says.
Fusion draws everything from a QPalette on Windows, macOS and Linux alike, so one light
and one dark palette, each checked for text contrast (WCAG AA, 4.5:1; see
tests/ui/test_appearance.py), serve every platform. The palette follows
QStyleHints.colorScheme and changes live when the system switches.

Two things do not follow a palette or font change by themselves, so changes made here
take care of them: a widget with a style sheet keeps the palette and font it had when the
sheet was applied (its sheet is applied again), and a widget given a font of its own (a
larger title) keeps that size (it is scaled by the same ratio as the application font).
Style sheets whose colours must differ between light and dark are made by a function of
the current ``Tones`` through ``styled()``, and made again after each switch.

Icons are single-colour SVGs in resources/icons, drawn on a 24 px grid with
``currentColor``. ``SvgIconEngine`` renders them at exactly the size and device pixel
ratio asked for, in the palette's text colour for that icon mode, so they stay sharp on
high-DPI screens and right in light and dark. The application icon keeps its own colours
and goes through Qt's SVG icon engine (the QtSvg plugin in PySide6-Essentials).

Nothing here is heavy: QtSvg and a few small files, read when an icon is first asked for.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from clarity_desktop.reports.resources import resource_path
from clarity_desktop.ui.common.palettes import dark_palette, is_dark, light_palette
from clarity_desktop.ui.common.settings import TEXT_SCALE_MAX, TEXT_SCALE_MIN, Settings

TEXT_SCALE_STEP = 0.1

ICON_NAMES = (
    "addendum",
    "backup",
    "dashboard",
    "lock",
    "new-case",
    "new-session",
    "note",
    "overview",
    "print",
    "search",
    "sign",
    "warning",
)
APP_ICON = "clarity"

# Application properties: kept on the QApplication, so a second apply() (tests, a
# restart of the controller) never compounds the text size or connects twice.
_BASE_SIZE = "clarity_base_point_size"
_SCALE = "clarity_text_scale"
_SYSTEM_DARK = "clarity_system_palette_dark"
_FOLLOWING = "clarity_follows_color_scheme"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def _app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("appearance needs a QApplication")
    return app


def apply(app: QApplication, settings: Settings) -> None:
    """Set the look once at start, before the first window: Fusion, the palette of the
    system's colour scheme (and follow it from now on), the chosen text size, the window
    icon."""
    if app.property(_SYSTEM_DARK) is None:
        # What the platform offers before we set ours: the guess when it cannot say
        # which scheme it uses (Qt.ColorScheme.Unknown, common on Linux).
        app.setProperty(_SYSTEM_DARK, is_dark(app.palette()))
    app.setStyle("Fusion")
    hints = QGuiApplication.styleHints()
    if not app.property(_FOLLOWING):
        hints.colorSchemeChanged.connect(apply_scheme)
        app.setProperty(_FOLLOWING, True)
    apply_scheme(hints.colorScheme())
    set_text_scale(settings.text_scale)
    app.setWindowIcon(window_icon())


def apply_scheme(scheme: Qt.ColorScheme) -> None:
    """Use the dark or the light palette for *scheme*; Unknown follows what the platform
    palette looked like at start."""
    app = _app()
    if scheme == Qt.ColorScheme.Dark:
        dark = True
    elif scheme == Qt.ColorScheme.Light:
        dark = False
    else:
        dark = bool(app.property(_SYSTEM_DARK))
    palette = dark_palette() if dark else light_palette()
    app.setPalette(palette)
    QToolTip.setPalette(palette)
    # Widgets hear of the change through posted events; let them take the new palette
    # now, so the style sheets applied again below start from it.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
    _restyle(app)


# ----- colours with a meaning ---------------------------------------------------------


@dataclass(frozen=True)
class Tones:
    """Colours that carry a meaning (danger, caution, done, a search hit), chosen per
    palette so each reads at 4.5:1 or better where it is text."""

    dark: bool
    alert: str  # error text on the window colour
    alert_back: str  # a warning banner: background, text on it, border
    alert_text: str
    alert_border: str
    badge_back: str  # the DEMO badge
    badge_text: str
    done: str  # the signed-note rule
    mark_back: str  # matched words in search results
    mark_text: str
    caution_back: str = "#fff1cc"  # waiting a while (a draft over a day old): amber
    caution_text: str = "#5c3d00"


LIGHT_TONES = Tones(
    dark=False,
    alert="#b3261e",
    alert_back="#fdecea",
    alert_text="#7b1d12",
    alert_border="#e6a198",
    badge_back="#8f5a00",
    badge_text="#ffffff",
    done="#1e8449",
    mark_back="#fff0a0",
    mark_text="#000000",
)
DARK_TONES = Tones(
    dark=True,
    alert="#ff8a80",
    alert_back="#47211d",
    alert_text="#ffc9c2",
    alert_border="#9c4a40",
    badge_back="#f0b45a",
    badge_text="#1b1d21",
    done="#4cc38a",
    mark_back="#7a6200",
    mark_text="#ffffff",
    caution_back="#4d3b0a",
    caution_text="#ffe3a3",
)


def tones(palette: QPalette | None = None) -> Tones:
    """The tones for *palette* (default: the application's)."""
    return DARK_TONES if is_dark(palette) else LIGHT_TONES


_STYLED: weakref.WeakKeyDictionary[QWidget, Callable[[Tones], str]] = weakref.WeakKeyDictionary()


def styled(widget: QWidget, make_sheet: Callable[[Tones], str]) -> None:
    """Give *widget* the style sheet *make_sheet* makes from the current tones, and make
    it again whenever the scheme changes."""
    _STYLED[widget] = make_sheet
    widget.setStyleSheet(make_sheet(tones()))


def _restyle(app: QApplication) -> None:
    """Apply every style sheet again so it picks up the new palette and font."""
    current = tones()
    for widget in app.allWidgets():
        make = _STYLED.get(widget)
        if make is not None:
            widget.setStyleSheet(make(current))
        elif widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


# ----- text size ----------------------------------------------------------------------


def clamp_scale(scale: float) -> float:
    return round(min(max(scale, TEXT_SCALE_MIN), TEXT_SCALE_MAX), 2)


def text_scale() -> float:
    value = _app().property(_SCALE)
    return float(value) if value else 1.0


def set_text_scale(scale: float, settings: Settings | None = None) -> float:
    """Make the program's text *scale* times the system's size, at once and everywhere;
    remember it in *settings* when given. Returns the scale used (kept within range)."""
    app = _app()
    scale = clamp_scale(scale)
    font = app.font()
    if app.property(_BASE_SIZE) is None:
        app.setProperty(_BASE_SIZE, font.pointSizeF())
    base = float(app.property(_BASE_SIZE))
    old = font.pointSizeF()
    if base > 0 and abs(base * scale - old) > 1e-6:
        font.setPointSizeF(base * scale)
        app.setFont(font)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        _rescale_own_fonts(app, base * scale / old)
        _restyle(app)
    app.setProperty(_SCALE, scale)
    if settings is not None:
        settings.text_scale = scale
    return scale


def _rescale_own_fonts(app: QApplication, ratio: float) -> None:
    """Widgets with a font of their own (titles, a monospace key) keep its size through an
    application font change; scale them by the same ratio."""
    for widget in app.allWidgets():
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            font = widget.font()
            if font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * ratio)
                widget.setFont(font)


def step_text_size(steps: int, settings: Settings | None = None) -> float:
    """One step (TEXT_SCALE_STEP) larger for +1, smaller for -1; 0 goes back to normal."""
    scale = 1.0 if steps == 0 else text_scale() + steps * TEXT_SCALE_STEP
    return set_text_scale(scale, settings)


def add_text_size_menu(menu: QMenu, window: QWidget, settings: Settings) -> QMenu:
    """View ▸ Text size: Smaller (Ctrl+-), Larger (Ctrl+= or Ctrl++), Normal (from the
    menu: Ctrl+0 opens Today)."""
    sizes = menu.addMenu(QCoreApplication.translate("MainWindow", "&Text size"))
    for text, keys, steps in (
        (QCoreApplication.translate("MainWindow", "&Larger"), ("Ctrl+=", "Ctrl++"), 1),
        (QCoreApplication.translate("MainWindow", "&Smaller"), ("Ctrl+-",), -1),
        (QCoreApplication.translate("MainWindow", "&Normal size"), (), 0),
    ):
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(partial(_step_from_menu, steps, settings))
        window.addAction(action)
        sizes.addAction(action)
    return sizes


def _step_from_menu(steps: int, settings: Settings, _checked: bool = False) -> None:
    step_text_size(steps, settings)


# ----- icons --------------------------------------------------------------------------

_CLONES: list[QIconEngine] = []  # see SvgIconEngine.clone
_ICONS: dict[str, QIcon] = {}


class SvgIconEngine(QIconEngine):
    """One single-colour SVG (drawn with ``currentColor``) rendered at exactly the size
    and device pixel ratio asked for, in the palette's colour for the icon's mode."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self._source = source
        self._renderers: dict[str, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, int, int, float, str], QPixmap] = {}

    @staticmethod
    def colour(mode: QIcon.Mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(Group.Disabled, Role.WindowText)
        if mode == QIcon.Mode.Selected:
            return palette.color(Group.Active, Role.HighlightedText)
        return palette.color(Group.Active, Role.WindowText)

    def _renderer(self, colour: str) -> QSvgRenderer:
        renderer = self._renderers.get(colour)
        if renderer is None:
            data = self._source.replace("currentColor", colour).encode()
            renderer = QSvgRenderer(QByteArray(data))
            self._renderers[colour] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(self.colour(mode).name()).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        colour = self.colour(mode).name()
        key = (size.width(), size.height(), mode.value, state.value, scale, colour)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(colour).render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        if len(self._pixmaps) > 48:  # sizes x modes x schemes stay few; never grow unbounded
            self._pixmaps.clear()
        self._pixmaps[key] = pixmap
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())  # the icons are square
        return QSize(side, side)

    def key(self) -> str:
        return "ClaritySvgIconEngine"

    def isNull(self) -> bool:
        return False

    def clone(self) -> QIconEngine:
        # Qt clones an engine only when an icon sharing it is modified (addPixmap on a
        # copy), which this program never does. The copy is kept referenced here, because
        # the binding hands the returned engine to Qt without keeping it alive.
        copy = SvgIconEngine(self._source)
        _CLONES.append(copy)
        return copy


def icon(name: str) -> QIcon:
    """The icon resources/icons/<name>.svg, drawn in the palette's text colour; a null
    icon if the file is missing (a button then shows its text only)."""
    cached = _ICONS.get(name)
    if cached is not None:
        return cached
    path = resource_path("icons", f"{name}.svg")
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    made = QIcon(SvgIconEngine(source))
    _ICONS[name] = made
    return made


def window_icon() -> QIcon:
    """The application icon, in its own colours, through Qt's SVG icon engine."""
    return QIcon(str(resource_path("icons", f"{APP_ICON}.svg")))
