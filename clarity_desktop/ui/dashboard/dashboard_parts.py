"""The case dashboard's header strip (trends and attention flags as chips) and its step
guidance panel. Split from dashboard.py to keep each file readable whole."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain import measures, movement
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import Timeline
from clarity_desktop.services.guidance import GuidanceError, step_guidance
from clarity_desktop.ui.common import labels, language
from clarity_desktop.ui.common.messages import error_text
from clarity_desktop.ui.dashboard.dashboard_style import PARTNER_GLYPHS, Colours
from clarity_desktop.ui.dashboard.movement_text import chip as movement_chip


class FlowLayout(QLayout):
    """Lays chips out left to right and wraps them, so any number of flags fits the width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.marginsRemoved(m)
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class DashboardHeader(QWidget):
    """Who is who (colour and marker shape), the latest changes and the trends; below them the
    attention flags, on their own row so they are not read as one more trend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        trends, self.flag_row = QWidget(), QWidget()
        self.flow = FlowLayout(trends)
        self.flag_flow = FlowLayout(self.flag_row)
        rows.addWidget(trends)
        rows.addWidget(self.flag_row)
        self.chips: list[QLabel] = []
        self.flags: list[QLabel] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def _chip(self, rich: str, name: str, tip: str = "") -> QLabel:
        chip = QLabel(rich)
        chip.setObjectName(name)
        chip.setTextFormat(Qt.TextFormat.RichText)
        chip.setToolTip(tip)
        (self.flag_flow if name == "attentionFlag" else self.flow).addWidget(chip)
        return chip

    def show_timeline(
        self, tl: Timeline, colours: Colours, flags: list[measures.AttentionFlag]
    ) -> None:
        self.clear()
        text = colours.text.name()
        muted = colours.muted.name()
        for lane, name in enumerate(tl.partner_names):
            colour = colours.partner(lane).name()
            glyph = PARTNER_GLYPHS[lane % len(PARTNER_GLYPHS)]  # the partner's marker shape
            self.chips.append(
                self._chip(
                    f"<span style='color:{colour}; font-size:large'>{glyph}</span> "
                    f"<b>{html.escape(name)}</b>",
                    "partnerChip",
                )
            )
        # Each measure: its latest change first, then the trend, in the domain's words
        # (domain/movement.py; the overview and the reports say the same).
        intensity = movement.intensity_movement(tl)
        # Outside the f-strings below, where lupdate would not find them.
        loop_word = self.tr("Loop intensity")
        distance_word = self.tr("Pursue/withdraw distance")
        clarity_word = self.tr("Clarity")
        # Loop intensity is recorded at joint sessions: a one-person case shows it only if
        # someone recorded one anyway.
        if intensity.latest is not None or len(tl.partner_ids) >= 2:
            self.chips.append(
                self._chip(
                    f"<span style='color:{muted}'>{loop_word}</span> "
                    f"{html.escape(movement_chip(intensity))}",
                    "trendChip",
                    self.tr(
                        "The latest loop intensity against the one before, then its direction "
                        "over the last sessions; “mixed” when they do not agree."
                    ),
                )
            )
        if len(tl.partner_ids) >= 2:
            self.chips.append(
                self._chip(
                    f"<span style='color:{muted}'>{distance_word}</span> "
                    f"{html.escape(movement_chip(movement.distance_movement(tl)))}",
                    "trendChip",
                    self.tr("Whether the partners' pursue/withdraw positions are drawing closer."),
                )
            )
        for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
            words = movement_chip(movement.clarity_movement(tl, pid))
            self.chips.append(
                self._chip(
                    f"<span style='color:{muted}'>{clarity_word}, {html.escape(name)}</span> "
                    f"{html.escape(words)}",
                    "trendChip",
                )
            )
        border = "#f0b45a" if colours.dark else "#b7791f"
        for flag in flags:
            chip = self._chip(f"⚑ {html.escape(labels.flag_text(flag))}", "attentionFlag")
            chip.setProperty("code", flag.code)
            chip.setStyleSheet(
                f"QLabel {{ color: {text}; border: 1px solid {border}; border-radius: 9px;"
                " padding: 1px 8px; }"
            )
            self.flags.append(chip)
        self.flag_row.setVisible(bool(flags))
        for chip in self.chips:
            chip.setStyleSheet(
                f"QLabel {{ color: {text}; border: 1px solid palette(mid); border-radius: 9px;"
                " padding: 1px 8px; }"
            )
        self.updateGeometry()

    def clear(self) -> None:
        clear_layout(self.flow)
        clear_layout(self.flag_flow)
        self.chips = []
        self.flags = []

    def texts(self) -> list[str]:
        """Every chip's text, flags last; what a reader of the header sees."""
        return [c.text() for c in self.chips + self.flags]


class GuidancePanel(QScrollArea):
    """One block of prompts per partner's current step; partners at the same step share
    one block. A missing or malformed guidance file shows its error in place of the block
    and leaves the rest of the dashboard working."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Step guidance"))  # focusable, to scroll by keyboard
        body = QWidget()
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(8, 0, 4, 0)
        self.column.setSpacing(10)
        self.setWidget(body)
        self.blocks: list[QLabel] = []
        self.folder: Path | None = None  # None: resources/guidance; tests point elsewhere

    def show_timeline(self, tl: Timeline) -> None:
        self.clear()
        steps = measures.current_steps(tl)
        by_step: dict[Step, list[int]] = {}
        for pid in tl.partner_ids:
            if pid in steps:
                by_step.setdefault(steps[pid], []).append(pid)
        title = QLabel(self.tr("Step guidance"))
        bold = title.font()
        bold.setWeight(QFont.Weight.DemiBold)
        title.setFont(bold)
        self.column.addWidget(title)
        if not by_step:
            note = QLabel(self.tr("Guidance appears once a partner's step is recorded in a note."))
            note.setWordWrap(True)
            note.setObjectName("guidanceEmpty")
            self.column.addWidget(note)
        for step, pids in sorted(by_step.items()):
            block = QLabel(self._block(tl, step, pids))
            block.setObjectName("guidanceBlock")
            block.setTextFormat(Qt.TextFormat.RichText)
            block.setWordWrap(True)
            block.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            block.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.column.addWidget(block)
            self.blocks.append(block)
        self.column.addStretch(1)

    def _block(self, tl: Timeline, step: Step, pids: list[int]) -> str:
        names = [measures.partner_name(tl, pid) for pid in pids]
        who = (
            self.tr("%s and %s") % (", ".join(names[:-1]), names[-1])
            if len(names) > 1
            else names[0]
        )
        try:
            g = step_guidance(step, self.folder, language.current())
        except GuidanceError as e:
            head = self.tr("Guidance for %s at %s") % (who, labels.step_label(step))
            return f"<b>{html.escape(head)}</b><br>{html.escape(error_text(e))}"
        head = self.tr("Guidance for %s at %s") % (who, labels.step_label(step))
        parts = [f"<b>{html.escape(head)}</b>"]
        for pid in pids:
            direction = self._latest_direction(tl, pid)
            if direction is not None and step >= Step.FIND_YOUR_DIRECTION:
                text = self.tr("Direction taking shape for %s: %s") % (
                    measures.partner_name(tl, pid),
                    labels.label(direction).lower(),
                )
                parts.append(f"<br><i>{html.escape(text)}</i>")
        for label, items in ((self.tr("Explore"), g.explore), (self.tr("Go gently"), g.avoid)):
            lis = "".join(f"<li>{html.escape(i)}</li>" for i in items)
            parts.append(
                f"<p style='margin-bottom:0'><b>{label}</b></p><ul style='margin-top:2px; -qt-list-indent:1'>{lis}</ul>"
            )
        handout = self.tr("Handout")
        parts.append(f"<p><b>{handout}</b><br>{html.escape(g.handout)}</p>")
        if tl.safety_flag:
            check = self.tr("Safety flag set: check that a joint handout is safe to give.")
            parts.append(f"<p><i>{html.escape(check)}</i></p>")
        return "".join(parts)

    @staticmethod
    def _latest_direction(tl: Timeline, pid: int) -> Direction | None:
        for p in reversed(tl.points):
            r = p.partners.get(pid)
            if r is not None and r.direction is not None:
                return r.direction
        return None

    def clear(self) -> None:
        clear_layout(self.column)
        self.blocks = []

    def texts(self) -> list[str]:
        return [b.text() for b in self.blocks]
