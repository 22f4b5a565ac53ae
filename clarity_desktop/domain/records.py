"""Vocabulary and validation rules for cases, partners and sessions.

Relationship structures are offered as common choices plus the therapist's own words:
the program never assumes one form of relationship.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum

from clarity_desktop.domain.errors import DateWarning, ErrorCode, Phrase, ValidationError
from clarity_desktop.domain.languages import Language


class CaseKind(Enum):
    COUPLE = "couple"
    INDIVIDUAL = "individual"

    @property
    def title(self) -> str:
        return "Couple" if self is CaseKind.COUPLE else "Individual"


class CaseStatus(Enum):
    ACTIVE = "active"
    CLOSED = "closed"

    @property
    def title(self) -> str:
        return "Active" if self is CaseStatus.ACTIVE else "Closed"


class Modality(Enum):
    IN_PERSON = "in_person"
    TELEHEALTH = "telehealth"

    @property
    def title(self) -> str:
        return "In person" if self is Modality.IN_PERSON else "Telehealth"


# Common choices; the therapist may always type their own description instead.
RELATIONSHIP_STRUCTURES: tuple[str, ...] = (
    "Married",
    "Partnered, living together",
    "Dating",
    "Situationship",
    "Consensually non-monogamous",
    "Separated, co-parenting",
    "Separated",
)

MAX_NAME = 120
MAX_SHORT = 200
MAX_SESSION_MINUTES = 8 * 60
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def clean_text(value: str | None) -> str:
    """Trim surrounding white space; None becomes the empty string."""
    return (value or "").strip()


def name_sort_key(name: str) -> tuple[str, str]:
    """Order names as people expect: ignoring case and accents ("Émile" beside "emma"),
    then by exact spelling so the order is stable."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), name


def require_name(value: str | None, what: Phrase, field: str) -> str:
    text = clean_text(value)
    if not text:
        raise ValidationError(ErrorCode.NAME_MISSING, field, what=what)
    if len(text) > MAX_NAME:
        raise ValidationError(ErrorCode.NAME_TOO_LONG, field, what=what, max_name=MAX_NAME)
    return text


def optional_short(value: str | None, what: Phrase, field: str) -> str:
    text = clean_text(value)
    if len(text) > MAX_SHORT:
        raise ValidationError(ErrorCode.TEXT_TOO_LONG, field, what=what, max_short=MAX_SHORT)
    return text


def check_email(value: str | None, field: str = "email") -> str:
    text = clean_text(value)
    if text and not _EMAIL.match(text):
        raise ValidationError(ErrorCode.EMAIL_INVALID, field, text=text)
    return text


def check_birth_date(value: date | None, today: date, field: str = "date_of_birth") -> date | None:
    if value is None:
        return None
    if value > today:
        raise ValidationError(ErrorCode.DATE_BIRTH_CANNOT_FUTURE, field)
    if value.year < today.year - 120:
        raise ValidationError(ErrorCode.DATE_BIRTH_MORE_THAN_120, field)
    return value


def check_duration(minutes: int) -> int:
    if minutes <= 0 or minutes > MAX_SESSION_MINUTES:
        raise ValidationError(
            ErrorCode.SESSION_LASTS_BETWEEN_1_MINUTES,
            "duration_minutes",
            max_session_minutes=MAX_SESSION_MINUTES,
        )
    return minutes


def check_closed_on(opened_on: date, closed_on: date) -> date:
    if closed_on < opened_on:
        raise ValidationError(ErrorCode.CASE_CANNOT_CLOSED_BEFORE_DAY, "closed_on")
    return closed_on


@dataclass(frozen=True)
class PartnerInput:
    """What the therapist types about one partner (or the one client of an individual case)."""

    name: str
    pronouns: str = ""
    date_of_birth: date | None = None
    email: str = ""
    phone: str = ""
    # Their handouts' language; None: English for a new partner, unchanged on an edit.
    language: Language | None = None


@dataclass(frozen=True)
class CaseInput:
    kind: CaseKind
    display_name: str
    partners: tuple[PartnerInput, ...]
    relationship_structure: str = ""
    opened_on: date | None = None
    safety_flag: bool = False
    safety_note: str = ""


def validate_case(data: CaseInput, today: date) -> CaseInput:
    """Return a cleaned copy of *data*, or raise ValidationError naming the first problem."""
    expected = 2 if data.kind is CaseKind.COUPLE else 1
    if len(data.partners) != expected:
        code = (
            ErrorCode.COUPLE_NEEDS_TWO_PARTNERS
            if expected == 2
            else ErrorCode.INDIVIDUAL_NEEDS_ONE_CLIENT
        )
        raise ValidationError(code, "partners")
    partners = []
    for i, p in enumerate(data.partners, start=1):
        label = (
            (Phrase.PARTNER_1_NAME, Phrase.PARTNER_2_NAME)[i - 1]
            if expected == 2
            else Phrase.CLIENT_NAME
        )
        partners.append(
            PartnerInput(
                name=require_name(p.name, label, f"partner{i}.name"),
                pronouns=optional_short(p.pronouns, Phrase.PRONOUNS, f"partner{i}.pronouns"),
                date_of_birth=check_birth_date(p.date_of_birth, today, f"partner{i}.date_of_birth"),
                email=check_email(p.email, f"partner{i}.email"),
                phone=optional_short(p.phone, Phrase.PHONE, f"partner{i}.phone"),
                language=Language(p.language) if p.language is not None else None,
            )
        )
    display = clean_text(data.display_name)
    if not display:
        display = " & ".join(p.name for p in partners)
        if len(display) > MAX_NAME:
            raise ValidationError(
                ErrorCode.PARTNERS_NAMES_TOGETHER_ARE_TOO,
                "display_name",
            )
    display = require_name(display, Phrase.CASE_NAME, "display_name")
    safety_note = clean_text(data.safety_note)
    if data.safety_flag and not safety_note:
        raise ValidationError(ErrorCode.PLEASE_ADD_SHORT_NOTE_SAYING, "safety_note")
    if len(safety_note) > 1000:
        raise ValidationError(ErrorCode.SAFETY_NOTE_TOO_LONG_MOST, "safety_note")
    opened = data.opened_on or today
    return CaseInput(
        kind=data.kind,
        display_name=display,
        partners=tuple(partners),
        relationship_structure=optional_short(
            data.relationship_structure, Phrase.RELATIONSHIP_STRUCTURE, "relationship_structure"
        ),
        opened_on=opened,
        safety_flag=data.safety_flag,
        safety_note=safety_note if data.safety_flag else "",
    )


@dataclass(frozen=True)
class SessionInput:
    starts_at: datetime
    duration_minutes: int = 50
    modality: Modality = Modality.IN_PERSON
    # None means both partners attended (a joint session); otherwise the one partner's id.
    attending_partner_id: int | None = None


def validate_session(data: SessionInput) -> SessionInput:
    check_duration(data.duration_minutes)
    return data


FAR_PAST_YEARS = 5
FAR_FUTURE_DAYS = 366


def unusual_date_warning(when: date, today: date, what: Phrase) -> DateWarning | None:
    """A warning when *when* is possible but unlikely (a typo in the year, most often).
    To confirm, never a block: old records do get entered late."""
    if when > today + timedelta(days=FAR_FUTURE_DAYS):
        return DateWarning(ErrorCode.DATE_FAR_FUTURE, what=what, when=when)
    if when < today - timedelta(days=round(365.25 * FAR_PAST_YEARS)):
        return DateWarning(ErrorCode.DATE_FAR_PAST, what=what, years=FAR_PAST_YEARS, when=when)
    return None


def name_key(name: str) -> str:
    """A name reduced for matching people: case, accents, spacing and punctuation ignored."""
    folded = name_sort_key(name)[0]
    return "".join(c for c in folded if c.isalnum())
