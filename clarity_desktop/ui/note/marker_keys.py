"""The marking keys of session mode, and their legend: one key, one moment.

The widget holds the keyboard focus while marking, so a tapped key is read here and
nowhere else (a list or a button would take letters for their own use). The legend
names the partners, so "1" reads "Zoë pursued · Łukasz withdrew" at a glance; while the
pad has the focus it fades, saying the keys type there instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from clarity_desktop.domain.markers import MarkerKind
from clarity_desktop.services.dto import PartnerView


@dataclass(frozen=True)
class Tap:
    kind: MarkerKind
    partner_id: int | None = None
    other_partner_id: int | None = None
    text: str = ""


class MarkerKeys(QFrame):
    tapped = Signal(object)  # a Tap
    undo_requested = Signal()
    write_requested = Signal()
    landed_requested = Signal(bool)
    quote_requested = Signal()

    def __init__(
        self,
        partners: tuple[PartnerView, ...],
        joint: bool,
        names: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("markerKeys")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Marking keys"))
        self.partners = partners
        self.joint = joint
        self.taps: dict[int, Tap] = {}
        self._rows: list[tuple[str, str]] = []
        a = partners[0].id if partners else None
        b = partners[1].id if len(partners) > 1 else None
        if joint and a is not None and b is not None:
            na, nb = names[a], names[b]
            loop = self.tr("%s pursued · %s withdrew")
            self._key(Qt.Key.Key_1, "1", loop % (na, nb), Tap(MarkerKind.LOOP_EPISODE, a, b))
            self._key(Qt.Key.Key_2, "2", loop % (nb, na), Tap(MarkerKind.LOOP_EPISODE, b, a))
            flooded = self.tr("%s flooded")
            self._key(Qt.Key.Key_3, "3", flooded % na, Tap(MarkerKind.FLOODING, a))
            self._key(Qt.Key.Key_4, "4", flooded % nb, Tap(MarkerKind.FLOODING, b))
            self._key(
                Qt.Key.Key_C, "C", self.tr("Co-regulation moment"), Tap(MarkerKind.CO_REGULATION)
            )
            self._key(Qt.Key.Key_R, "R", self.tr("Repair attempt"), Tap(MarkerKind.REPAIR_ATTEMPT))
            self._rows.append(("L / N", self.tr("…it landed / it did not land")))
        elif a is not None:
            tap = Tap(MarkerKind.FLOODING, a)
            self._key(Qt.Key.Key_F, "F", self.tr("%s flooded") % names[a], tap)
            self.taps[int(Qt.Key.Key_3)] = tap
        self._rows.append(("Q", self.tr("A quote worth keeping")))
        self._rows.append(("⌫", self.tr("Undo the last tap")))
        self._rows.append((self.tr("Enter"), self.tr("Write in the pad")))
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(12)
        self.legend: list[QLabel] = []
        for row, (key, meaning) in enumerate(self._rows):
            k = QLabel(key)
            k.setObjectName("markerKey")
            k.setAlignment(Qt.AlignmentFlag.AlignCenter)
            k.setMinimumWidth(44)
            m = QLabel(meaning)
            m.setWordWrap(True)
            grid.addWidget(k, row, 0)
            grid.addWidget(m, row, 1)
            self.legend += [k, m]
        grid.setColumnStretch(1, 1)
        self.set_active(True)

    def _key(self, key: Qt.Key, label: str, meaning: str, tap: Tap) -> None:
        self.taps[int(key)] = tap
        self._rows.append((label, meaning))

    def set_active(self, active: bool) -> None:
        """Marking (keys mark) or writing (the legend fades: keys type in the pad)."""
        self.setStyleSheet(
            "QFrame#markerKeys { border: 1px solid palette(mid); border-radius: 6px; }"
            "QFrame#markerKeys:focus { border: 2px solid palette(highlight); }"
            "QLabel#markerKey { border: 1px solid palette(mid); border-radius: 4px;"
            " padding: 2px 6px; font-weight: 600; }"
            + ("" if active else " QLabel { color: palette(placeholder-text); }")
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Z:
            self.undo_requested.emit()
            return
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        if key in self.taps:
            self.tapped.emit(self.taps[key])
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.undo_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.write_requested.emit()
        elif key == Qt.Key.Key_Q:
            self.quote_requested.emit()
        elif key == Qt.Key.Key_L and self.joint:
            self.landed_requested.emit(True)
        elif key == Qt.Key.Key_N and self.joint:
            self.landed_requested.emit(False)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.set_active(True)
