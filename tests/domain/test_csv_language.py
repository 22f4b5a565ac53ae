"""A client list's handout language column: the spellings another system may use, read
as our two codes; empty means English; anything else imports the client with a warning."""

from __future__ import annotations

from datetime import date

import pytest

from clarity_desktop.domain.csv_clients import preview_import
from clarity_desktop.domain.languages import Language

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("Language", "es", Language.ES),
        ("Preferred language", " Spanish ", Language.ES),
        ("Idioma", "Español", Language.ES),
        ("idioma", "ESPANOL", Language.ES),
        ("Lang", "castellano", Language.ES),
        ("Handout language", "English", Language.EN),
        ("Idioma", "Inglés", Language.EN),
        ("Language", "EN", Language.EN),
        ("Language", "", None),  # not given: English when the case is made
    ],
)
def test_spellings_of_our_languages(header: str, cell: str, expected: Language | None) -> None:
    p = preview_import(f"Name,{header}\nAna Ruiz,{cell}\n", (), TODAY, None)
    (row,) = p.rows
    assert (row.client.language, row.warnings) == (expected, ())


def test_another_language_is_a_warning_and_the_client_still_comes_in() -> None:
    p = preview_import("Name,Language\nAna Ruiz,Portuguese\n", (), TODAY, None)
    (row,) = p.rows
    assert row.client.language is None
    assert row.warnings == (
        "There are no handouts in “Portuguese” yet; this client's will be in English.",
    )
