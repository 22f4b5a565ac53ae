"""The Dynamics panel beside the note: where each partner stood in the loop, their stance
and clarity, flooding, the direction taking shape, and the couple's loop.

Everything is a combo box, spin box, check box or short line, so a reading takes well
under a minute by keyboard alone (Tab, arrows, typing). Blank means "not observed".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.dynamics import (
    MAX_SHORT_NOTE,
    POSITION_MAX,
    POSITION_MIN,
    CoupleReading,
    Loop,
    PartnerReading,
    position_label,
)
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.services.dto import PartnerView
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.note.note_widgets import ShortNoteEdit


def _scale(special: str, maximum: int = 10) -> QSpinBox:
    """0..maximum, with one step below 0 meaning 'not recorded' (shown as *special*)."""
    box = QSpinBox()
    box.setRange(-1, maximum)
    box.setSpecialValueText(special)
    box.setValue(-1)
    return box


def _value(box: QSpinBox) -> int | None:
    return None if box.value() < 0 else box.value()


def _set(box: QSpinBox, value: int | None) -> None:
    box.setValue(-1 if value is None else value)


def _line(placeholder: str) -> ShortNoteEdit:
    """A short note that wraps and grows, so a longer remark reads whole."""
    return ShortNoteEdit(placeholder, MAX_SHORT_NOTE)


class PartnerReadingBox(QGroupBox):
    changed = Signal()

    def __init__(self, partner: PartnerView, parent: QWidget | None = None) -> None:
        super().__init__(partner.name, parent)
        self.partner_id = partner.id
        self._locked = False
        self._direction_allowed = False
        self.position = QComboBox()
        self.position.addItem(self.tr("Not observed"), None)
        for v in range(POSITION_MAX, POSITION_MIN - 1, -1):
            self.position.addItem(
                f"{v:+d} · {labels.text(position_label(v))}"
                if v
                else f"0 · {labels.text(position_label(v))}",
                v,
            )
        self.stance = _scale(self.tr("Not asked"))
        self.stance.setToolTip(self.tr("0 leaning toward leaving … 10 leaning toward staying"))
        self.clarity = _scale(self.tr("Not asked"))
        self.clarity.setToolTip(self.tr("0 very unsure … 10 very clear"))
        self.flooded = QCheckBox(self.tr("Flooded"))
        self.flooding_note = _line(self.tr("When, and what it looked like"))
        self.flooding_note.setEnabled(False)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("—"), None)
        for d in Direction:
            self.direction.addItem(labels.label(d), d)
        self.direction.setToolTip(
            self.tr("The direction taking shape, from Find Your Direction on")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Pursue / withdraw"), self.position)  # no Alt letter: one per partner
        form.addRow(self.tr("Stance (leave 0 – stay 10)"), self.stance)
        form.addRow(self.tr("Clarity (0 – 10)"), self.clarity)
        form.addRow(self.flooded, self.flooding_note)
        form.addRow(self.tr("Direction"), self.direction)
        for name, w in (
            (self.tr("Pursue or withdraw"), self.position),
            (self.tr("Stance"), self.stance),
            (self.tr("Clarity"), self.clarity),
            (self.tr("Flooded"), self.flooded),
            (self.tr("Flooding note"), self.flooding_note),
            (self.tr("Direction"), self.direction),
        ):
            w.setAccessibleName(self.tr("%s, %s") % (name, partner.name))
        self.position.currentIndexChanged.connect(self.changed)
        self.stance.valueChanged.connect(self.changed)
        self.clarity.valueChanged.connect(self.changed)
        self.flooded.toggled.connect(self._flooded_toggled)
        self.flooding_note.textEdited.connect(self.changed)
        self.direction.currentIndexChanged.connect(self.changed)

    def focus_chain(self) -> list[QWidget]:
        return [
            self.position,
            self.stance,
            self.clarity,
            self.flooded,
            self.flooding_note,
            self.direction,
        ]

    def _flooded_toggled(self, on: bool) -> None:
        self.flooding_note.setEnabled(on and self.isEnabled())
        self.changed.emit()

    def set_step(self, step: Step | None) -> None:
        """Direction belongs to step 4 onward; earlier it stays blank and disabled."""
        allowed = step is not None and step >= Step.FIND_YOUR_DIRECTION
        self._direction_allowed = allowed
        self.direction.setEnabled(allowed and not self._locked)
        if not allowed:
            self.direction.setCurrentIndex(0)

    def set_locked(self, locked: bool) -> None:
        self._locked = locked
        for w in (self.position, self.stance, self.clarity, self.flooded):
            w.setEnabled(not locked)
        self.direction.setEnabled(not locked and self._direction_allowed)
        self.flooding_note.setEnabled(not locked and self.flooded.isChecked())

    def set_reading(self, r: PartnerReading | None) -> None:
        r = r or PartnerReading()
        self.position.setCurrentIndex(
            self.position.findData(r.position) if r.position is not None else 0
        )
        _set(self.stance, r.stance)
        _set(self.clarity, r.clarity)
        self.flooded.setChecked(r.flooded)
        self.flooding_note.setText(r.flooding_note)
        self.flooding_note.setEnabled(r.flooded and not self._locked)
        self.direction.setCurrentIndex(self.direction.findData(r.direction) if r.direction else 0)

    def reading(self) -> PartnerReading:
        return PartnerReading(
            position=self.position.currentData(),
            stance=_value(self.stance),
            clarity=_value(self.clarity),
            flooded=self.flooded.isChecked(),
            flooding_note=self.flooding_note.text() if self.flooded.isChecked() else "",
            direction=self.direction.currentData(),
        )


class CoupleReadingBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The loop"))
        self.loops: dict[Loop, QCheckBox] = {}
        grid = QGridLayout()
        for i, loop in enumerate(Loop):
            box = QCheckBox(labels.label(loop))
            box.toggled.connect(self.changed)
            self.loops[loop] = box
            grid.addWidget(box, i // 2, i % 2)
        self.loop_other = _line(self.tr("Another loop, in your words"))
        self.intensity = _scale(self.tr("Not rated"))
        self.intensity.setToolTip(self.tr("0 calm … 10 the loop at full strength"))
        self.trigger = _line(self.tr("What set it off"))
        self.co_regulation = QComboBox()
        self.co_regulation.addItem(self.tr("Not noted"), None)
        self.co_regulation.addItem(self.tr("Yes"), True)
        self.co_regulation.addItem(self.tr("No"), False)
        self.co_regulation_note = _line(self.tr("What helped"))
        self.repair_attempts = _scale(self.tr("Not noted"), 99)
        self.repairs_landed = _scale(self.tr("Not noted"), 99)
        form = QFormLayout(self)
        form.addRow(grid)
        form.addRow(self.loop_other)
        form.addRow(self.tr("&Intensity (0 – 10)"), self.intensity)
        form.addRow(self.tr("Set off by"), self.trigger)
        form.addRow(self.tr("Co-regulation"), self.co_regulation)
        form.addRow(self.tr("What helped"), self.co_regulation_note)
        form.addRow(self.tr("Repair attempts"), self.repair_attempts)
        form.addRow(self.tr("…that landed"), self.repairs_landed)
        for name, w in (
            (self.tr("Another loop"), self.loop_other),
            (self.tr("Loop intensity"), self.intensity),
            (self.tr("What set it off"), self.trigger),
            (self.tr("Co-regulation"), self.co_regulation),
            (self.tr("What helped"), self.co_regulation_note),
            (self.tr("Repair attempts"), self.repair_attempts),
            (self.tr("Repairs that landed"), self.repairs_landed),
        ):
            w.setAccessibleName(name)
        self.loop_other.textEdited.connect(self.changed)
        self.intensity.valueChanged.connect(self.changed)
        self.trigger.textEdited.connect(self.changed)
        self.co_regulation.currentIndexChanged.connect(self.changed)
        self.co_regulation_note.textEdited.connect(self.changed)
        self.repair_attempts.valueChanged.connect(self.changed)
        self.repairs_landed.valueChanged.connect(self.changed)

    def set_locked(self, locked: bool) -> None:
        for w in self.findChildren(QWidget):
            w.setEnabled(not locked)

    def focus_chain(self) -> list[QWidget]:
        return [
            *self.loops.values(),
            self.loop_other,
            self.intensity,
            self.trigger,
            self.co_regulation,
            self.co_regulation_note,
            self.repair_attempts,
            self.repairs_landed,
        ]

    def set_reading(self, r: CoupleReading | None) -> None:
        r = r or CoupleReading()
        for loop, box in self.loops.items():
            box.setChecked(loop in r.loops)
        self.loop_other.setText(r.loop_other)
        _set(self.intensity, r.intensity)
        self.trigger.setText(r.trigger)
        self.co_regulation.setCurrentIndex(
            self.co_regulation.findData(r.co_regulation) if r.co_regulation is not None else 0
        )
        self.co_regulation_note.setText(r.co_regulation_note)
        _set(self.repair_attempts, r.repair_attempts)
        _set(self.repairs_landed, r.repairs_landed)

    def reading(self) -> CoupleReading:
        return CoupleReading(
            loops=frozenset(loop for loop, box in self.loops.items() if box.isChecked()),
            loop_other=self.loop_other.text(),
            intensity=_value(self.intensity),
            trigger=self.trigger.text(),
            co_regulation=self.co_regulation.currentData(),
            co_regulation_note=self.co_regulation_note.text(),
            repair_attempts=_value(self.repair_attempts),
            repairs_landed=_value(self.repairs_landed),
        )


class DynamicsPanel(QWidget):
    """Holds one box per attending partner and, at joint sessions, the couple's loop."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.partner_boxes: dict[int, PartnerReadingBox] = {}
        self._joint = False
        self.couple_box = CoupleReadingBox()
        self.couple_box.changed.connect(self.changed)
        self._partners_host = QWidget()
        self._partners_layout = QVBoxLayout(self._partners_host)
        self._partners_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Dynamics"))
        title.setStyleSheet("font-weight: 600;")
        hint = QLabel(self.tr("Leave blank what you did not observe."))
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self._partners_host)
        layout.addWidget(self.couple_box)
        layout.addStretch(1)

    def set_partners(self, partners: tuple[PartnerView, ...], joint: bool) -> None:
        for box in self.partner_boxes.values():
            box.hide()
            box.deleteLater()
        self.partner_boxes = {}
        for p in partners:
            box = PartnerReadingBox(p)
            box.changed.connect(self.changed)
            self._partners_layout.addWidget(box)
            self.partner_boxes[p.id] = box
        self._joint = joint
        self.couple_box.setVisible(joint)

    def set_readings(
        self, partners: dict[int, PartnerReading], couple: CoupleReading | None
    ) -> None:
        for pid, box in self.partner_boxes.items():
            box.set_reading(partners.get(pid))
        self.couple_box.set_reading(couple)

    def set_steps(self, steps: dict[int, Step | None]) -> None:
        for pid, box in self.partner_boxes.items():
            box.set_step(steps.get(pid))

    def set_locked(self, locked: bool) -> None:
        for box in self.partner_boxes.values():
            box.set_locked(locked)
        self.couple_box.set_locked(locked)

    def focus_chain(self) -> list[QWidget]:
        """Tab order: each partner's reading in turn, then the couple's loop."""
        chain = [w for box in self.partner_boxes.values() for w in box.focus_chain()]
        return chain + self.couple_box.focus_chain()

    def partner_readings(self) -> dict[int, PartnerReading]:
        return {pid: box.reading() for pid, box in self.partner_boxes.items()}

    def couple_reading(self) -> CoupleReading | None:
        return self.couple_box.reading() if self._joint else None
