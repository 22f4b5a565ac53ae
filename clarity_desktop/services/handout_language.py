"""Which language a client handout is printed in.

A handout for one partner (or the one client of an individual case) follows that
person's preferred handout language, kept on their record. A joint handout for a couple
whose partners prefer different languages has no single right answer: the document
dialog offers both, English first and chosen by default, and the clinician picks; the
command line takes --language. Plain rules on a CaseDetail, no database access, so the
dialog, the command line and the document service decide alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from clarity_desktop.domain.languages import DEFAULT, Language
from clarity_desktop.services.dto import CaseDetail


@dataclass(frozen=True)
class HandoutLanguage:
    """The language to print in, and what to offer the clinician."""

    language: Language  # used unless the clinician chooses otherwise
    choices: tuple[Language, ...]  # the languages the people it is for prefer
    ask: bool  # the partners prefer different languages: the clinician chooses


def for_handout(case: CaseDetail, partner_id: int | None = None) -> HandoutLanguage:
    """The language of a handout for *partner_id* in *case* (None: both partners of a
    couple; the one client of an individual case)."""
    people = [p for p in case.partners if partner_id is None or p.id == partner_id]
    preferred: list[Language] = []
    for p in people or case.partners:
        if p.language not in preferred:
            preferred.append(p.language)
    if not preferred:
        return HandoutLanguage(DEFAULT, (DEFAULT,), ask=False)
    if len(preferred) == 1:
        return HandoutLanguage(preferred[0], (preferred[0],), ask=False)
    choices = tuple(sorted(preferred, key=lambda lang: (lang is not DEFAULT, lang.value)))
    return HandoutLanguage(choices[0], choices, ask=True)


def choose(
    case: CaseDetail | None, partner_id: int | None, requested: Language | str | None
) -> Language:
    """*requested* when given (the clinician's choice), else the rule above; without a
    case (the five steps overview printed for no one in particular) English."""
    if requested:
        return Language(requested)
    if case is None:
        return DEFAULT
    return for_handout(case, partner_id).language
