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

from clarity_desktop.domain.errors import ValidationError


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


def require_name(value: str | None, what: str, field: str) -> str:
    text = clean_text(value)
    if not text:
        raise ValidationError(f"Please enter {what}.", field)
    if len(text) > MAX_NAME:
        raise ValidationError(
            f"{what[0].upper()}{what[1:]} is too long (at most {MAX_NAME} characters).", field
        )
    return text


def optional_short(value: str | None, what: str, field: str) -> str:
    text = clean_text(value)
    if len(text) > MAX_SHORT:
        raise ValidationError(f"{what} is too long (at most {MAX_SHORT} characters).", field)
    return text


def check_email(value: str | None, field: str = "email") -> str:
    text = clean_text(value)
    if text and not _EMAIL.match(text):
        raise ValidationError(f"“{text}” does not look like an e-mail address.", field)
    return text


def check_birth_date(value: date | None, today: date, field: str = "date_of_birth") -> date | None:
    if value is None:
        return None
    if value > today:
        raise ValidationError("A date of birth cannot be in the future.", field)
    if value.year < today.year - 120:
        raise ValidationError("That date of birth is more than 120 years ago.", field)
    return value


def check_duration(minutes: int) -> int:
    if minutes <= 0 or minutes > MAX_SESSION_MINUTES:
        raise ValidationError(
            f"A session lasts between 1 and {MAX_SESSION_MINUTES} minutes.", "duration_minutes"
        )
    return minutes


def check_closed_on(opened_on: date, closed_on: date) -> date:
    if closed_on < opened_on:
        raise ValidationError("A case cannot be closed before the day it was opened.", "closed_on")
    return closed_on


@dataclass(frozen=True)
class PartnerInput:
    """What the therapist types about one partner (or the one client of an individual case)."""

    name: str
    pronouns: str = ""
    date_of_birth: date | None = None
    email: str = ""
    phone: str = ""


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
        who = "two partners" if expected == 2 else "one client"
        raise ValidationError(f"A {data.kind.title.lower()} case has {who}.", "partners")
    partners = []
    for i, p in enumerate(data.partners, start=1):
        label = f"partner {i}'s name" if expected == 2 else "the client's name"
        partners.append(
            PartnerInput(
                name=require_name(p.name, label, f"partner{i}.name"),
                pronouns=optional_short(p.pronouns, "Pronouns", f"partner{i}.pronouns"),
                date_of_birth=check_birth_date(p.date_of_birth, today, f"partner{i}.date_of_birth"),
                email=check_email(p.email, f"partner{i}.email"),
                phone=optional_short(p.phone, "Phone", f"partner{i}.phone"),
            )
        )
    display = clean_text(data.display_name)
    if not display:
        display = " & ".join(p.name for p in partners)
        if len(display) > MAX_NAME:
            raise ValidationError(
                "The partners' names together are too long for the case name; "
                "please type a shorter name for the case.",
                "display_name",
            )
    display = require_name(display, "a name for the case", "display_name")
    safety_note = clean_text(data.safety_note)
    if data.safety_flag and not safety_note:
        raise ValidationError(
            "Please add a short note saying why the safety flag is set.", "safety_note"
        )
    if len(safety_note) > 1000:
        raise ValidationError(
            "The safety note is too long (at most 1000 characters).", "safety_note"
        )
    opened = data.opened_on or today
    return CaseInput(
        kind=data.kind,
        display_name=display,
        partners=tuple(partners),
        relationship_structure=optional_short(
            data.relationship_structure, "Relationship structure", "relationship_structure"
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


def unusual_date_warning(when: date, today: date, what: str) -> str | None:
    """A sentence when *when* is possible but unlikely (a typo in the year, most often).
    A warning to confirm, never a block: old records do get entered late."""
    if when > today + timedelta(days=FAR_FUTURE_DAYS):
        return f"The {what} is more than a year from now ({when:%d %b %Y})."
    if when < today - timedelta(days=round(365.25 * FAR_PAST_YEARS)):
        return f"The {what} is more than {FAR_PAST_YEARS} years ago ({when:%d %b %Y})."
    return None


def name_key(name: str) -> str:
    """A name reduced for matching people: case, accents, spacing and punctuation ignored."""
    folded = name_sort_key(name)[0]
    return "".join(c for c in folded if c.isalnum())
