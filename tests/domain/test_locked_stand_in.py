"""The locked sentence is found wherever a document or a seal's content would carry it, so
nothing that holds it is printed, exported or sealed as if it were the words."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from clarity_desktop.domain.errors import ErrorCode, RecordLocked
from clarity_desktop.domain.locked_text import (
    LOCKED_TEXT,
    holds_locked,
    locked_sections,
    refuse_copy,
)


@dataclass(frozen=True)
class Goal:
    text: str


@dataclass(frozen=True)
class Document:
    title: str
    goals: tuple[Goal, ...]
    answers: str  # JSON kept as text, as a seal holds a measure's answers


def test_the_sentence_is_found_at_any_depth() -> None:
    plain = Document("Plan", (Goal("Slow the loop."),), json.dumps({"heard": 3}))
    assert not holds_locked(plain)
    assert holds_locked(Document("Plan", (Goal(LOCKED_TEXT),), "{}"))
    assert holds_locked(Document("Plan", (), json.dumps(locked_sections())))
    assert holds_locked({"readings": [{"flooding_note": LOCKED_TEXT}]})
    assert not holds_locked({"readings": [{"flooding_note": "went quiet"}], "n": 3})


def test_a_document_holding_it_is_refused_in_words() -> None:
    refuse_copy([Document("Plan", (Goal("Slow the loop."),), "{}")])  # nothing locked
    with pytest.raises(RecordLocked) as refused:
        refuse_copy([Document("Plan", (Goal(LOCKED_TEXT),), "{}")])
    assert refused.value.code is ErrorCode.ENCRYPTION_LOCKED_NOT_COPIED
