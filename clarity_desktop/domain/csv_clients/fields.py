"""Column headers and cell text: matching another system's header names, cleaning cells,
and the name key used to spot likely duplicates."""

from __future__ import annotations

import re
import unicodedata
from enum import Enum


class Field(Enum):
    NAME = "name"
    FIRST = "first name"
    MIDDLE = "middle name"
    LAST = "last name"
    PRONOUNS = "pronouns"
    BIRTH = "date of birth"
    EMAIL = "e-mail"
    PHONE = "phone"
    LANGUAGE = "handout language"


# Header names after normalise_header(): lower case, no accents, letters and digits only.
SYNONYMS: dict[Field, frozenset[str]] = {
    Field.NAME: frozenset(
        {
            "name",
            "fullname",
            "client",
            "clientname",
            "clientfullname",
            "patient",
            "patientname",
            "contact",
            "contactname",
            "displayname",
        }
    ),
    Field.FIRST: frozenset(
        {"first", "firstname", "firstnames", "given", "givenname", "givennames", "forename"}
        | {"forenames", "fname", "clientfirstname"}
    ),
    Field.MIDDLE: frozenset({"middle", "middlename", "middlenames", "middleinitial"}),
    Field.LAST: frozenset({"last", "lastname", "surname", "familyname", "lname", "clientlastname"}),
    Field.PRONOUNS: frozenset({"pronouns", "pronoun", "preferredpronouns"}),
    Field.LANGUAGE: frozenset(
        {"language", "handoutlanguage", "preferredlanguage", "lang", "idioma", "lengua"}
    ),
    Field.BIRTH: frozenset(
        {"dob", "dateofbirth", "birthdate", "birthday", "born", "birth", "clientdob"}
    ),
    Field.EMAIL: frozenset(
        {"email", "emailaddress", "mail", "emailaddr", "primaryemail", "clientemail"}
    ),
    Field.PHONE: frozenset(
        {
            "phone",
            "phonenumber",
            "phoneno",
            "telephone",
            "telephonenumber",
            "tel",
            "mobile",
            "mobilephone",
            "mobilenumber",
            "cell",
            "cellphone",
            "cellnumber",
            "homephone",
            "workphone",
            "primaryphone",
            "contactnumber",
        }
    ),
}
_BY_HEADER = {name: f for f, names in SYNONYMS.items() for name in names}


# Latin letters that Unicode does not decompose into a base letter and an accent, so an
# old ASCII-only system's "Soren Lukasz" still matches "Søren Łukasz" as a likely duplicate.
_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae"})
_LETTERS.update(str.maketrans({"œ": "oe", "ı": "i", "ħ": "h", "ŧ": "t"}))


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def _fold_letters(text: str) -> str:
    return _fold(text).translate(_LETTERS)


def normalise_header(header: str) -> str:
    """ "E-mail Address" -> "emailaddress"; a bracketed hint is left out."""
    bare = re.sub(r"\(.*?\)|\[.*?\]", " ", header)
    return "".join(c for c in _fold(bare) if c.isalnum())


def field_of(header: str) -> Field | None:
    return _BY_HEADER.get(normalise_header(header))


def header_date_hint(header: str) -> bool | None:
    """True for "DOB (DD/MM/YYYY)", False for "Birth date (mm-dd-yyyy)", else None."""
    letters = "".join(c for c in header.casefold() if c.isalpha())
    d, m = letters.find("dd"), letters.find("mm")
    if d < 0 or m < 0:
        return None
    return d < m


def clean_cell(value: str) -> str:
    """NFC, control characters dropped, white space runs made one space, trimmed.
    Format characters (bidirectional marks, zero-width joiners in emoji) are kept."""
    kept = "".join(c for c in value if c.isspace() or unicodedata.category(c) not in ("Cc", "Cs"))
    return " ".join(unicodedata.normalize("NFC", kept).split())


def name_key(name: str) -> str:
    """Names that are likely the same person: case, accents, spaces and punctuation
    ignored ("Zoë Martin" ~ "zoe  martin" ~ "Zoe-Martin" ~ "ZOE MARTIN")."""
    folded = _fold_letters(name)
    letters = "".join(c for c in folded if c.isalnum())
    return letters or "".join(folded.split())
