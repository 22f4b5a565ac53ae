"""Documents built straight from plain dataclasses: no practice needed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.reports.note import AddendumEntry, NoteDocument, PartnerStep

SIGNED_AT = datetime(2025, 3, 4, 11, 2, tzinfo=UTC)


def sample_note(**changes: Any) -> NoteDocument:
    base = NoteDocument(
        clinician="Dana Reyes, LMFT",
        case_id=12,
        case_name="Zoë & Łukasz",
        case_kind="Couple",
        relationship_structure="Married",
        session_starts_at=datetime(2025, 3, 4, 10, 0),
        duration_minutes=50,
        modality="In person",
        attendance="Both partners (Zoë, Łukasz)",
        private=False,
        template=Template.FIVE_STEPS,
        sections={
            "focus": "The distance since the move.",
            "leaning_in": "Both named what still matters.",
        },
        steps=(Step.NAME_WHATS_HAPPENING, Step.LEAN_IN),
        partner_steps=(
            PartnerStep("Zoë", Step.LEAN_IN),
            PartnerStep("Łukasz", Step.NAME_WHATS_HAPPENING),
        ),
        signed_by="Dana Reyes, LMFT",
        signed_at=SIGNED_AT,
        last_saved=datetime(2025, 3, 4, 10, 55, tzinfo=UTC),
        addenda=(
            AddendumEntry(datetime(2025, 3, 5, 9, 0, tzinfo=UTC), "Dana Reyes, LMFT", "First fix."),
        ),
        printed_at=datetime(2025, 3, 7, 8, 0),
    )
    return replace(base, **changes)


@pytest.fixture
def note_doc() -> Callable[..., NoteDocument]:
    """A signed couple's note; keyword arguments replace fields."""
    return sample_note
