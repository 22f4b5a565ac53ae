"""The light and the dark palette, and the contrast arithmetic (WCAG 2) that checks
they read. appearance.py applies them and follows the system's colour scheme."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


# ----- palettes -----------------------------------------------------------------------


def _palette(colours: dict[Role, str], disabled: dict[Role, str]) -> QPalette:
    """A palette from the active colours and the disabled ones that differ. Disabled text
    still reads at 4.5:1: a signed note is shown in its locked (disabled) fields."""
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    for role, value in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(value))
    return palette


def light_palette() -> QPalette:
    """Near-black text on white and light grey; a blue selection that white reads on."""
    return _palette(
        {
            Role.Window: "#eff0f2",
            Role.WindowText: "#1b1d21",
            Role.Base: "#ffffff",
            Role.AlternateBase: "#f4f5f7",
            Role.Text: "#1b1d21",
            Role.PlaceholderText: "#5f636b",
            Role.Button: "#e6e8eb",
            Role.ButtonText: "#1b1d21",
            Role.BrightText: "#ffffff",
            Role.Light: "#ffffff",
            Role.Midlight: "#f7f8fa",
            Role.Mid: "#b4b8bf",
            Role.Dark: "#8c9099",
            Role.Shadow: "#5a5e66",
            Role.Highlight: "#2f62b8",
            Role.HighlightedText: "#ffffff",
            Role.Accent: "#2f62b8",
            Role.Link: "#1a56b0",
            Role.LinkVisited: "#6b3fa0",
            Role.ToolTipBase: "#fffff0",
            Role.ToolTipText: "#1b1d21",
        },
        {
            Role.WindowText: "#63676f",
            Role.Text: "#63676f",
            Role.ButtonText: "#63676f",
            Role.PlaceholderText: "#9a9ea6",
            Role.Base: "#f4f5f7",
            Role.Highlight: "#a9b0bb",
            Role.HighlightedText: "#ffffff",
        },
    )


def dark_palette() -> QPalette:
    """Light grey text on charcoal (not black: easier on the eyes in a dim room). Fields,
    lists and tick boxes are a step lighter than the window, as on the common dark
    desktops, so an empty tick box or text field stands out from what is around it."""
    return _palette(
        {
            Role.Window: "#1f2023",
            Role.WindowText: "#e6e7e9",
            Role.Base: "#2c2e33",
            Role.AlternateBase: "#313338",
            Role.Text: "#e6e7e9",
            Role.PlaceholderText: "#a2a7ae",
            Role.Button: "#36393f",
            Role.ButtonText: "#e6e7e9",
            Role.BrightText: "#ffffff",
            Role.Light: "#4b4f56",
            Role.Midlight: "#3d4046",
            Role.Mid: "#60646c",
            Role.Dark: "#141518",
            Role.Shadow: "#000000",
            Role.Highlight: "#3a6fc4",
            Role.HighlightedText: "#ffffff",
            Role.Accent: "#3a6fc4",
            Role.Link: "#8ab4f8",
            Role.LinkVisited: "#c3a6f0",
            Role.ToolTipBase: "#36393f",
            Role.ToolTipText: "#e6e7e9",
        },
        {
            Role.WindowText: "#9499a1",
            Role.Text: "#9499a1",
            Role.ButtonText: "#9499a1",
            Role.PlaceholderText: "#686c73",
            Role.Base: "#25272b",
            Role.Button: "#2a2c31",
            Role.Highlight: "#4b4f56",
            Role.HighlightedText: "#c8cacd",
        },
    )


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG 2 defines it."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(Role.Window).lightnessF() < 0.5
