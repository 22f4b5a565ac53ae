"""Tooltip texts for the dashboard's charts: the session's date and the values that
chart shows, per partner. Dates and readings only, never a verdict."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clarity_desktop.domain.dynamics import position_label
from clarity_desktop.domain.measures import partner_name
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.ui.common import dates, labels
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.dashboard.dashboard_style import step_label


class Describer:
    """Tooltip text for one session, per chart. Dates and values only; never a verdict."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.names = {pid: partner_name(timeline, pid) for pid in timeline.partner_ids}

    def _head(self, p: SessionPoint) -> str:
        when = dates.weekday(p.starts_at.date())
        if p.joint:
            head = QCoreApplication.translate("CaseDashboard", "%s · joint session") % when
            return (
                QCoreApplication.translate("CaseDashboard", "%s · private note") % head
                if p.private
                else head
            )
        if len(self.timeline.partner_ids) < 2:
            return when
        who = ", ".join(self.names[pid] for pid in self._present(p))
        head = QCoreApplication.translate("CaseDashboard", "%s · individual session (%s)") % (
            when,
            who,
        )
        return (
            QCoreApplication.translate("CaseDashboard", "%s · private") % head
            if p.private
            else head
        )

    def _present(self, p: SessionPoint) -> list[int]:
        return [
            pid
            for pid in self.timeline.partner_ids
            if p.joint or pid in p.partners or pid in p.steps
        ]

    def steps(self, p: SessionPoint) -> str:
        lines = [self._head(p)]
        for pid in self._present(p):
            step = p.steps.get(pid)
            text = (
                step_label(step, wrap=False)
                if step is not None
                else QCoreApplication.translate("CaseDashboard", "step not recorded")
            )
            r = p.partners.get(pid)
            if r is not None and r.direction is not None:
                text += QCoreApplication.translate(
                    "CaseDashboard", " · direction: %s"
                ) % labels.label(r.direction)
            lines.append(f"{self.names[pid]}: {text}")
        return "\n".join(lines)

    def positions(self, p: SessionPoint) -> str:
        lines = [self._head(p)]
        values: list[int] = []
        for pid in self._present(p):
            r = p.partners.get(pid)
            if r is None or r.position is None:
                lines.append(
                    QCoreApplication.translate("CaseDashboard", "%s: not observed")
                    % self.names[pid]
                )
                continue
            values.append(r.position)
            label = labels.text(position_label(r.position))
            lines.append(f"{self.names[pid]}: {label} ({r.position:+d})")
        if len(values) == 2:
            lines.append(
                filled(
                    QCoreApplication.translate("CaseDashboard", "Distance between them: %d"),
                    abs(values[0] - values[1]),
                )
            )
        return "\n".join(lines)

    def intensity(self, p: SessionPoint) -> str:
        lines = [self._head(p)]
        c = p.couple
        if c is not None and c.intensity is not None:
            lines.append(
                filled(
                    QCoreApplication.translate("CaseDashboard", "Loop intensity: %d of 10"),
                    c.intensity,
                )
            )
        elif p.joint:
            lines.append(
                QCoreApplication.translate("CaseDashboard", "Loop intensity: not recorded")
            )
        if c is not None and (c.loops or c.loop_other):
            names = sorted(labels.label(loop) for loop in c.loops) + (
                [c.loop_other] if c.loop_other else []
            )
            lines.append(QCoreApplication.translate("CaseDashboard", "Loop: %s") % ", ".join(names))
        flooded = [
            self.names[pid]
            for pid in self.timeline.partner_ids
            if (r := p.partners.get(pid)) is not None and r.flooded
        ]
        if flooded:
            lines.append(
                QCoreApplication.translate("CaseDashboard", "Flooded: %s") % ", ".join(flooded)
            )
        if c is not None and c.co_regulation is not None:
            lines.append(
                QCoreApplication.translate("CaseDashboard", "Co-regulation: yes")
                if c.co_regulation
                else QCoreApplication.translate("CaseDashboard", "Co-regulation: not seen")
            )
        return "\n".join(lines)

    def stance(self, p: SessionPoint) -> str:
        lines = [self._head(p)]
        for pid in self._present(p):
            r = p.partners.get(pid)
            stance = "—" if r is None or r.stance is None else str(r.stance)
            clarity = "—" if r is None or r.clarity is None else str(r.clarity)
            lines.append(
                QCoreApplication.translate("CaseDashboard", "%s: stance %s, clarity %s")
                % (self.names[pid], stance, clarity)
            )
        lines.append(
            QCoreApplication.translate(
                "CaseDashboard", "(stance 0 = toward leaving, 10 = toward staying; clarity 0-10)"
            )
        )
        return "\n".join(lines)
