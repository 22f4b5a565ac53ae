"""Read-only views returned by the services. No SQLAlchemy objects escape a unit of work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseKind, CaseStatus, Modality
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template


@dataclass(frozen=True)
class PartnerView:
    id: int
    position: int
    name: str
    pronouns: str
    date_of_birth: date | None
    email: str
    phone: str
    current_step: Step | None  # from the newest note that records it
    language: Language = DEFAULT_LANGUAGE  # the language of their handouts


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    kind: CaseKind
    display_name: str
    status: CaseStatus
    opened_on: date
    closed_on: date | None
    safety_flag: bool
    last_session: datetime | None
    session_count: int


@dataclass(frozen=True)
class SessionView:
    id: int
    case_id: int
    starts_at: datetime
    duration_minutes: int
    modality: Modality
    attending_partner_id: int | None
    attending_label: str  # "Both partners" or a first name
    note_id: int | None
    note_signed: bool
    note_private: bool
    steps: tuple[Step, ...]
    # Scheduled sessions have no note yet; cancelled ones and no-shows keep their reason.
    status: SessionStatus = SessionStatus.HELD
    status_reason: str = ""
    status_changed_at: datetime | None = None  # UTC
    series_id: str | None = None  # sessions scheduled together as one weekly/fortnightly series

    @property
    def is_draft(self) -> bool:
        """Held, with a note not yet signed: date, time and attendance can be corrected."""
        return self.note_id is not None and not self.note_signed


@dataclass(frozen=True)
class SessionClash:
    """Another session of the practice at an overlapping time (a warning, never a block)."""

    session_id: int
    case_id: int
    case_name: str
    starts_at: datetime
    duration_minutes: int
    status: SessionStatus
    clashes_with: datetime  # the start of the session being planned that it overlaps


@dataclass(frozen=True)
class Planned:
    """What scheduling or rescheduling did, and what it overlaps."""

    sessions: tuple[SessionView, ...]
    clashes: tuple[SessionClash, ...]


@dataclass(frozen=True)
class CaseDetail:
    id: int
    kind: CaseKind
    display_name: str
    relationship_structure: str
    status: CaseStatus
    opened_on: date
    closed_on: date | None
    safety_flag: bool
    safety_note: str
    partners: tuple[PartnerView, ...]
    sessions: tuple[SessionView, ...]  # newest first


@dataclass(frozen=True)
class AddendumView:
    id: int
    note_id: int
    created_at: datetime  # UTC
    author: str
    body: str


@dataclass(frozen=True)
class NoteView:
    id: int
    session_id: int
    case_id: int
    case_name: str
    session_starts_at: datetime
    attending_partner_id: int | None  # None: a joint session
    attending_label: str
    template: Template
    sections: dict[str, str]
    steps: tuple[Step, ...]
    partner_steps: dict[int, Step]  # partner id -> step
    private: bool
    partner_readings: dict[int, PartnerReading]  # partner id -> reading (recorded ones)
    couple_reading: CoupleReading | None  # joint sessions only
    updated_at: datetime  # UTC
    signed_at: datetime | None  # UTC
    signed_by: str | None
    addenda: tuple[AddendumView, ...]
    # The saves counted so far (store: row_version): an editor saves against the one it
    # read, so a save over someone else's later one is refused (EditConflict).
    row_version: int = 1
    # A supervisor's co-signature after the clinician signed (services/supervision.py).
    cosigned_by: str | None = None
    cosigned_at: datetime | None = None  # UTC

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


@dataclass(frozen=True)
class NoteDraft:
    """What the editor sends on every save."""

    template: Template
    sections: dict[str, str]
    steps: frozenset[Step]
    partner_steps: dict[int, Step]
    private: bool
    partner_readings: dict[int, PartnerReading] = field(default_factory=dict)
    couple_reading: CoupleReading | None = None


@dataclass(frozen=True)
class SearchHit:
    note_id: int
    session_id: int
    case_id: int
    case_name: str
    session_starts_at: datetime
    in_addendum: bool
    private: bool  # from an individual session's private note
    snippet: str  # with search_index.HIT_START / HIT_END around matched words


@dataclass(frozen=True)
class PracticeSummary:
    folder: str
    clinician: str
    is_demo: bool
    case_count: int
    note_count: int
