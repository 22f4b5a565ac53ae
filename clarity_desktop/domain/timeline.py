"""A case's readings over time, as the measures and the charts consume them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.steps import Step


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


@dataclass(frozen=True)
class Timeline:
    """All sessions of a case, oldest first, with the partner ids in order."""

    case_id: int
    partner_ids: tuple[int, ...]
    partner_names: tuple[str, ...]
    safety_flag: bool
    points: tuple[SessionPoint, ...]
