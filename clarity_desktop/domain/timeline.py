"""A case's readings over time, as the measures and the charts consume them.

Privacy: a session whose note is private (an individual session in couples work is
private by default) carries ``private=True``. What one partner said there, their step,
direction or clarity among it, must not reach the other partner unless the clinician
chooses so: anything the clinician may share starts from :meth:`Timeline.shareable`,
and where private readings are shown on purpose they carry :attr:`SessionPoint.privacy_mark`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.steps import Step

INDIVIDUAL_SESSION = "individual session"
PRIVATE_SESSION = "private session"


@dataclass(frozen=True)
class SessionPoint:
    """One session of a case: who attended, each attending partner's step and reading,
    and the couple's reading (joint sessions only)."""

    session_id: int
    starts_at: datetime
    joint: bool
    steps: dict[int, Step]  # partner id -> step recorded at this session
    partners: dict[int, PartnerReading]  # partner id -> reading (attending partners only)
    couple: CoupleReading | None  # None for individual sessions or when nothing recorded
    private: bool = False  # the session's note is private

    @property
    def privacy_mark(self) -> str:
        """How a reading from this session is marked where it is shown on purpose:
        "individual session" (one partner in the room, note private), "private session"
        (a joint session whose note the clinician made private), or "" (shareable)."""
        if not self.private:
            return ""
        return PRIVATE_SESSION if self.joint else INDIVIDUAL_SESSION

    @property
    def recorded(self) -> bool:
        """Anything was recorded here: a step, a partner's reading or the couple's."""
        if self.steps:
            return True
        if any(not r.is_empty for r in self.partners.values()):
            return True
        return self.couple is not None and not self.couple.is_empty


@dataclass(frozen=True)
class Timeline:
    """All sessions of a case, oldest first, with the partner ids in order."""

    case_id: int
    partner_ids: tuple[int, ...]
    partner_names: tuple[str, ...]
    safety_flag: bool
    points: tuple[SessionPoint, ...]

    def shareable(self) -> Timeline:
        """The timeline without what was recorded at private sessions. The sessions stay
        (that a session took place is part of the case's structure), emptied of steps and
        readings, so nothing said in private can surface in a chart, a trend or a flag."""
        return replace(
            self,
            points=tuple(
                replace(p, steps={}, partners={}, couple=None) if p.private else p
                for p in self.points
            ),
        )

    @property
    def private_sessions_with_readings(self) -> int:
        """How many private sessions hold a step or a reading: what :meth:`shareable`
        leaves out, for a line saying so."""
        return sum(1 for p in self.points if p.private and p.recorded)
