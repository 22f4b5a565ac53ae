"""The languages a client handout can be printed in.

Handouts are client-facing and written fresh in each language (resources/handouts/ for
English, resources/handouts/es/ for Spanish); the interface has its own catalogue. A
partner's preferred handout language is stored as one of these codes.
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    EN = "en"
    ES = "es"

    @property
    def display_name(self) -> str:
        """The language's name in English, for the clinician (ui/ translates it)."""
        return LANGUAGE_NAMES[self]

    @property
    def native_name(self) -> str:
        """The language's name in its own words, as a client would recognise it."""
        return NATIVE_NAMES[self]


DEFAULT = Language.EN

LANGUAGE_NAMES: dict[Language, str] = {
    Language.EN: "English",
    Language.ES: "Spanish",
}
NATIVE_NAMES: dict[Language, str] = {
    Language.EN: "English",
    Language.ES: "Español",
}
