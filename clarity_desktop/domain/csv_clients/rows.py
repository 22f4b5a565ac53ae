"""One row at a time: the cells of a row become a client, or a reason it cannot be."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from clarity_desktop.domain.csv_clients.dates import (
    BadDate,
    WrittenDate,
    parse_written_date,
    years_before,
)
from clarity_desktop.domain.csv_clients.fields import (
    Field,
    clean_cell,
    field_of,
    normalise_header,
)
from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import MAX_NAME, MAX_SHORT, PartnerInput, check_email

FAR_PAST_YEARS = 110  # older than this: a warning
OLDEST_YEARS = 120  # records.check_birth_date refuses older: a rejected row
YOUNGEST_YEARS = 16  # younger than this: a warning (unusual in relationship work)


class Rejected(Exception):
    """The row cannot be imported; the message is the reason, one sentence."""


@dataclass
class Draft:
    line: int
    values: tuple[str, ...]
    client: PartnerInput
    birth_text: str
    birth: WrittenDate | None
    warnings: list[str]


def column_map(header: list[str]) -> tuple[dict[Field, list[int]], list[str]]:
    used: dict[Field, list[int]] = {}
    ignored = []
    for i, title in enumerate(header):
        f = field_of(title)
        if f is None:
            if clean_cell(title):
                ignored.append(clean_cell(title))
        else:
            used.setdefault(f, []).append(i)
    return used, ignored


def _value(cells: list[str], columns: list[int] | None) -> str:
    for i in columns or ():
        if i < len(cells):
            v = clean_cell(cells[i])
            if v:
                return v
    return ""


def _full_name(cells: list[str], cols: dict[Field, list[int]]) -> str:
    if Field.NAME in cols:
        name = _value(cells, cols[Field.NAME])
        if name:
            return name
    parts = (_value(cells, cols.get(f)) for f in (Field.FIRST, Field.MIDDLE, Field.LAST))
    return " ".join(p for p in parts if p)


def check_row(cells: list[str], cols: dict[Field, list[int]], width: int, today: date) -> Draft:
    """A draft of the row, or Rejected naming the first problem."""
    extra = [c for c in cells[width:] if clean_cell(c)]
    if extra:
        raise Rejected(
            f"This row has {len(cells)} values but the first line names {width} columns; "
            "a value may hold an unquoted separator."
        )
    name = _full_name(cells, cols)
    if not name:
        raise Rejected("The name is empty.")
    if len(name) > MAX_NAME:
        raise Rejected(f"The name is longer than {MAX_NAME} characters.")
    pronouns = _value(cells, cols.get(Field.PRONOUNS))
    phone = _value(cells, cols.get(Field.PHONE))
    for what, value in (("pronouns are", pronouns), ("phone number is", phone)):
        if len(value) > MAX_SHORT:
            raise Rejected(f"The {what} longer than {MAX_SHORT} characters.")
    email = _value(cells, cols.get(Field.EMAIL))
    if len(email) > MAX_SHORT:
        raise Rejected(f"The e-mail address is longer than {MAX_SHORT} characters.")
    try:
        email = check_email(email)
    except ValidationError as exc:
        raise Rejected(str(exc)) from None
    birth_text = _value(cells, cols.get(Field.BIRTH))
    written = None
    if birth_text:
        try:
            written = parse_written_date(birth_text, today)
        except BadDate:
            raise Rejected(
                f"The date of birth “{birth_text}” is not a date that can be read "
                "(for example 1985-03-25, 25 Mar 1985 or 25/03/1985)."
            ) from None
    language, warnings = _language(_value(cells, cols.get(Field.LANGUAGE)))
    client = PartnerInput(name=name, pronouns=pronouns, email=email, phone=phone, language=language)
    return Draft(0, (), client, birth_text, written, warnings)


# How another system may write a language we print handouts in (folded: no accents).
_LANGUAGE_WORDS = {
    Language.EN: {"en", "eng", "english", "ingles"},
    Language.ES: {"es", "esp", "spa", "spanish", "espanol", "castellano"},
}


def _language(text: str) -> tuple[Language | None, list[str]]:
    """The handout language a cell names (empty: None, English by default); a language
    with no handouts yet is a warning, not a rejected row: the client is still imported,
    with English handouts."""
    if not text:
        return None, []
    folded = normalise_header(text)
    for language, spellings in _LANGUAGE_WORDS.items():
        if folded in spellings:
            return language, []
    return None, [f"There are no handouts in “{text}” yet; this client's will be in English."]


def birth_checks(d: Draft, day_first: bool | None, today: date) -> PartnerInput:
    """Resolve the date of birth with the file's order; warnings added to the draft."""
    w = d.birth
    if w is None:
        return d.client
    if w.ambiguous and day_first is None:
        d.warnings.append(
            f"The date of birth “{d.birth_text}” reads differently day first and month "
            "first; choose the order the file uses."
        )
        return d.client
    order = "day first (day/month/year)" if day_first else "month first (month/day/year)"
    try:
        born = w.resolve(day_first)
    except ValueError:
        if w.numeric and day_first is not None and w.evidence is not None:
            raise Rejected(
                f"The date of birth “{d.birth_text}” is not a real date when read {order}, "
                "the order used for this file."
            ) from None
        raise Rejected(f"The date of birth “{d.birth_text}” is not a real date.") from None
    if born > today:
        raise Rejected(f"The date of birth {born.isoformat()} is in the future.")
    if born < years_before(today, OLDEST_YEARS):
        raise Rejected(
            f"The date of birth {born.isoformat()} is more than {OLDEST_YEARS} years ago."
        )
    if w.short_year:
        d.warnings.append(f"The year “{w.short_year}” was read as {born.year}.")
    if born < years_before(today, FAR_PAST_YEARS):
        d.warnings.append(
            f"The date of birth {born.isoformat()} is more than {FAR_PAST_YEARS} years ago; "
            "please check it."
        )
    elif born > years_before(today, YOUNGEST_YEARS):
        d.warnings.append(
            f"The date of birth {born.isoformat()} makes the client younger than "
            f"{YOUNGEST_YEARS}; please check it."
        )
    return replace(d.client, date_of_birth=born)
