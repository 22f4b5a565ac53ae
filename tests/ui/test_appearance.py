"""Light and dark palettes that follow the system and read well, a text size the
therapist chooses and keeps, and icons that stay sharp at any size."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.reports.resources import resource_path
from clarity_desktop.services import cases, demo
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import appearance, palettes
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.practice.unlock import UnlockWindow

Role = QPalette.ColorRole
PAIRS = (
    (Role.Text, Role.Base),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.Text, Role.AlternateBase),
    (Role.Link, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
)
SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


@pytest.fixture(autouse=True)
def look_restored(qapp: QApplication) -> Iterator[None]:
    """Other tests expect the look they started with: palette, text size, style."""
    palette, style = QPalette(qapp.palette()), qapp.style().name()
    yield
    appearance.set_text_scale(1.0)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def painted(image: QImage) -> list[QColor]:
    """The colours of the pixels an icon actually covers (mostly opaque ones)."""
    return [
        c
        for y in range(image.height())
        for x in range(image.width())
        if (c := image.pixelColor(x, y)).alphaF() > 0.6
    ]


# ----- palettes -----------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMES)
def test_each_scheme_has_readable_text_everywhere(name: str) -> None:
    appearance.apply_scheme(SCHEMES[name])
    palette = QApplication.palette()
    window = palette.color(Role.Window)
    assert (window.lightnessF() < 0.3) == (name == "dark")
    assert (palette.color(Role.WindowText).lightnessF() > 0.7) == (name == "dark")
    for fore, back in PAIRS:
        ratio = palettes.contrast(palette.color(fore), palette.color(back))
        assert ratio >= 4.5, f"{fore.name} on {back.name}: {ratio:.2f}"
    # A signed note is read in its locked fields: disabled text must read as well.
    disabled = QPalette.ColorGroup.Disabled
    for fore, back in PAIRS[:3]:
        ratio = palettes.contrast(palette.color(disabled, fore), palette.color(disabled, back))
        assert ratio >= 4.5, f"disabled {fore.name} on {back.name}: {ratio:.2f}"


def test_contrast_is_the_wcag_ratio() -> None:
    assert palettes.contrast(QColor("#000"), QColor("#fff")) == pytest.approx(21.0)
    assert palettes.contrast(QColor("#777"), QColor("#fff")) == pytest.approx(4.48, abs=0.01)
    assert palettes.contrast(QColor("#abcdef"), QColor("#abcdef")) == pytest.approx(1.0)


@pytest.mark.parametrize("tones", [appearance.LIGHT_TONES, appearance.DARK_TONES])
def test_colours_with_a_meaning_read_well_in_their_scheme(tones: appearance.Tones) -> None:
    palette = appearance.dark_palette() if tones.dark else appearance.light_palette()
    window = palette.color(Role.Window)

    def ratio(a: str, b: QColor | str) -> float:
        return palettes.contrast(QColor(a), QColor(b))

    assert ratio(tones.alert, window) >= 4.5
    assert ratio(tones.alert_text, tones.alert_back) >= 4.5
    assert ratio(tones.badge_text, tones.badge_back) >= 4.5
    assert ratio(tones.mark_text, tones.mark_back) >= 4.5
    assert ratio(tones.done, palette.color(Role.AlternateBase)) >= 3.0  # a rule, not text


def test_the_palette_follows_the_system_colour_scheme(
    qapp: QApplication, settings: Settings
) -> None:
    appearance.apply(qapp, settings)
    assert qapp.style().name().lower() == "fusion"
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # as the platform does on a switch
    assert appearance.is_dark()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not appearance.is_dark()


def test_a_switch_reaches_widgets_with_style_sheets(qtbot: QtBot, tmp_path: Path) -> None:
    """A style sheet freezes a widget's palette; after a switch it must not keep dark
    text on the new dark window, and meaningful colours change with the scheme."""
    appearance.apply_scheme(Qt.ColorScheme.Light)
    host = QWidget()
    qtbot.addWidget(host)
    bold = QLabel("Steps worked on", host)
    bold.setStyleSheet("font-weight: 600;")
    unlock = UnlockWindow(tmp_path, demo=True)
    qtbot.addWidget(unlock)
    host.show()
    unlock.show()
    assert appearance.LIGHT_TONES.badge_back in unlock.demo_badge.styleSheet()

    appearance.apply_scheme(Qt.ColorScheme.Dark)
    text = bold.palette().color(Role.WindowText)
    assert text == appearance.dark_palette().color(Role.WindowText)
    assert appearance.DARK_TONES.badge_back in unlock.demo_badge.styleSheet()
    assert appearance.DARK_TONES.alert in unlock.error.styleSheet()


# ----- text size ----------------------------------------------------------------------


def test_text_size_scales_every_font_and_is_remembered(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "settings.ini"
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    base = qapp.font().pointSizeF()
    plain = QLabel("plain")
    sheet = QLabel("bold by style sheet")
    sheet.setStyleSheet("font-weight: 600;")
    title = QLabel("title with its own font")
    font = title.font()
    font.setPointSizeF(base * 1.4)
    title.setFont(font)
    for label in (plain, sheet, title):
        qtbot.addWidget(label)
        label.show()

    assert appearance.set_text_scale(1.25, settings) == 1.25
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.25)
    assert plain.font().pointSizeF() == pytest.approx(base * 1.25)
    assert sheet.font().pointSizeF() == pytest.approx(base * 1.25)
    assert title.font().pointSizeF() == pytest.approx(base * 1.4 * 1.25)
    settings.sync()
    again = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert again.text_scale == 1.25

    assert appearance.step_text_size(-1, settings) == pytest.approx(1.15)
    assert appearance.set_text_scale(5.0) == 1.6
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.6)
    assert appearance.set_text_scale(0.1) == 0.8
    assert appearance.step_text_size(0, settings) == 1.0
    assert qapp.font().pointSizeF() == pytest.approx(base)
    assert title.font().pointSizeF() == pytest.approx(base * 1.4)
    assert settings.text_scale == 1.0


def test_settings_keep_the_text_scale_within_range(settings: Settings) -> None:
    assert settings.text_scale == 1.0
    settings.text_scale = 2.5
    assert settings.text_scale == 1.6
    settings.text_scale = 0.2
    assert settings.text_scale == 0.8
    settings._s.setValue("appearance/text_scale", "huge")
    assert settings.text_scale == 1.0


def test_the_remembered_text_size_applies_at_start(qapp: QApplication, settings: Settings) -> None:
    base = qapp.font().pointSizeF()
    settings.text_scale = 1.3
    appearance.apply(qapp, settings)
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.3)
    appearance.apply(qapp, settings)  # a second start never compounds
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.3)


def test_view_menu_changes_the_text_size_by_keyboard(
    qtbot: QtBot, qapp: QApplication, practice: OpenPractice, settings: Settings
) -> None:
    window = MainWindow(practice, settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    base = qapp.font().pointSizeF()
    ctrl = Qt.KeyboardModifier.ControlModifier

    qtbot.keyClick(window, Qt.Key.Key_Equal, ctrl)
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.1)
    qtbot.keyClick(window, Qt.Key.Key_Plus, ctrl)
    assert settings.text_scale == pytest.approx(1.2)
    qtbot.keyClick(window, Qt.Key.Key_Minus, ctrl)
    assert settings.text_scale == pytest.approx(1.1)
    sizes = {a.text(): a for a in window.findChildren(type(window.search_action))}
    assert {"&Larger", "&Smaller", "&Normal size"} <= set(sizes)
    sizes["&Normal size"].trigger()  # from the menu: Ctrl+0 is Today, the home view
    assert qapp.font().pointSizeF() == pytest.approx(base)
    assert settings.text_scale == 1.0
    window.tabs.setCurrentWidget(window.editor)
    qtbot.keyClick(window, Qt.Key.Key_0, ctrl)
    assert window.tabs.currentWidget() is window.today
    assert settings.text_scale == 1.0


# ----- icons --------------------------------------------------------------------------


def test_icons_are_drawn_on_one_24px_grid_in_one_colour() -> None:
    folder = resource_path("icons")
    names = sorted(p.stem for p in folder.glob("*.svg"))
    assert names == sorted((*appearance.ICON_NAMES, appearance.APP_ICON))
    for name in appearance.ICON_NAMES:
        text = (folder / f"{name}.svg").read_text(encoding="utf-8")
        root = ET.fromstring(text)
        assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
            "24",
            "24",
            "0 0 24 24",
        ), name
        assert "currentColor" in text and "#" not in text, f"{name}: one colour only"


@pytest.mark.parametrize("name", SCHEMES)
def test_icons_render_sharp_at_every_size_in_the_text_colour(name: str) -> None:
    appearance.apply_scheme(SCHEMES[name])
    ink = QApplication.palette().color(Role.WindowText)
    for icon_name in appearance.ICON_NAMES:
        icon = appearance.icon(icon_name)
        assert not icon.isNull(), icon_name
        for size in (16, 32, 64):
            pixmap = icon.pixmap(QSize(size, size))
            assert pixmap.size() == QSize(size, size)
            covered = painted(pixmap.toImage())
            assert len(covered) > size * size // 20, f"{icon_name} at {size} px is empty"
            assert all(abs(c.lightnessF() - ink.lightnessF()) < 0.1 for c in covered), (
                f"{icon_name} is not drawn in the text colour"
            )
        # High DPI: drawn at twice the pixels, not an enlarged 16 px picture.
        sharp = icon.pixmap(QSize(16, 16), 2.0)
        assert sharp.devicePixelRatio() == 2.0
        assert sharp.size() == QSize(32, 32)
        assert painted(sharp.toImage()) == painted(icon.pixmap(QSize(32, 32)).toImage())


def test_disabled_and_selected_icons_take_their_palette_colours() -> None:
    appearance.apply_scheme(Qt.ColorScheme.Light)
    palette = QApplication.palette()
    icon = appearance.icon("lock")
    for mode, group, role in (
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled, Role.WindowText),
        (QIcon.Mode.Selected, QPalette.ColorGroup.Active, Role.HighlightedText),
    ):
        covered = painted(icon.pixmap(QSize(32, 32), mode).toImage())
        expected = palette.color(group, role)
        assert covered and all(
            abs(c.lightnessF() - expected.lightnessF()) < 0.1 for c in covered
        ), mode


def test_the_window_icon_keeps_its_colours(qapp: QApplication, settings: Settings) -> None:
    appearance.apply(qapp, settings)
    icon = qapp.windowIcon()
    assert not icon.isNull()
    for size in (16, 32, 64, 256):
        covered = painted(icon.pixmap(QSize(size, size)).toImage())
        assert len(covered) > size * size // 2
        assert any(c.saturationF() > 0.3 for c in covered)  # the blue square, not grey


def test_a_copied_and_changed_icon_still_draws() -> None:
    """Changing a copy makes Qt clone the engine (see SvgIconEngine.clone)."""
    icon = QIcon(appearance.icon("search"))
    icon.addPixmap(appearance.icon("lock").pixmap(8, 8))
    assert painted(icon.pixmap(QSize(32, 32)).toImage())
    assert painted(appearance.icon("search").pixmap(QSize(32, 32)).toImage())


# ----- the whole window ---------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenPractice]:
    opened = demo.build_demo(tmp_path_factory.mktemp("demo") / "practice")
    yield opened
    opened.close()


def test_the_main_window_follows_light_and_dark(
    qtbot: QtBot, demo_practice: OpenPractice, settings: Settings, tmp_path: Path
) -> None:
    """The demo practice drawn in both schemes: the whole window turns dark, not only
    its background. Set CLARITY_SCREENSHOTS to a folder to keep the pictures."""
    window = MainWindow(demo_practice, settings)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    flagged = next(
        c
        for c in cases.list_cases(demo_practice.uow())
        if cases.read_case(demo_practice.uow(), c.id).safety_flag
    )
    window.case_list.select_case(flagged.id)
    assert window.case_panel.banner.isVisible()
    folder = Path(os.environ.get("CLARITY_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    lightness = {}
    for name, scheme in SCHEMES.items():
        appearance.apply_scheme(scheme)
        qtbot.wait(50)
        image = window.grab().toImage()
        image.save(str(folder / f"main-window-{name}.png"))
        step = 8
        samples = [
            image.pixelColor(x, y).lightnessF()
            for y in range(0, image.height(), step)
            for x in range(0, image.width(), step)
        ]
        lightness[name] = sum(samples) / len(samples)
        banner = window.case_panel.banner.palette().color(Role.WindowText)
        expected = appearance.DARK_TONES if name == "dark" else appearance.LIGHT_TONES
        assert banner == QColor(expected.alert_text)
    assert lightness["light"] > 0.75
    assert lightness["dark"] < 0.3
    window.editor.save_now()
