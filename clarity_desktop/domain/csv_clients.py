"""Reading a client list exported by another practice system (CSV), for moving in.

Pure text work: bytes or text in, an ImportPreview out. Nothing is stored here; the
importer service turns an accepted preview into cases, all or nothing.

Why the rules are what they are:

- Header names are matched loosely (case, spaces, punctuation and accents ignored;
  synonyms such as "Given name", "Surname", "DOB", "Mobile"), because every practice
  system spells them differently. A hint in brackets ("DOB (MM/DD/YYYY)") is read too.
- Dates: ISO (2024-03-01), written months (1 Mar 2024, March 1, 2024) and numbers
  (01/03/2024). Numbers alone cannot say whether 01/03 is 1 March or 3 January, and a
  wrong guess silently corrupts a clinical record, so the rule is: the caller's choice
  (day_first True/False) wins; otherwise a bracketed header hint; otherwise the file
  decides (any date whose first number is above 12 means day first, whose second is
  above 12 means month first); if the file cannot decide, the preview says the order
  is unresolved and nothing can be imported until someone chooses. Dates that
  contradict the chosen order are rejected rows, never guessed.
- A birth date in the future is impossible: the row is rejected. One more than 120
  years ago is refused by the records rules, so it is rejected too. Unusual but
  possible dates (more than 110 years ago, a client younger than 16, a two-digit year
  whose century was inferred) are warnings: the therapist decides.
- A likely duplicate (the same name ignoring case, accents, spaces and punctuation, as
  an existing client or another row; or the same e-mail address) is a warning, not a
  block: two clients may share a name.
- Text is kept as written (normalised to NFC): right-to-left scripts, bidirectional
  marks and emoji sequences survive; only control characters are dropped and runs of
  white space in a value become one space.
- Encodings: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark
  (spreadsheet "Unicode text"), else Windows-1252. Delimiters: comma, semicolon, tab
  or bar, whichever the header line uses most.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import (
    MAX_NAME,
    MAX_SHORT,
    CaseInput,
    CaseKind,
    PartnerInput,
    check_email,
    validate_case,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
FAR_PAST_YEARS = 110  # older than this: a warning
OLDEST_YEARS = 120  # records.check_birth_date refuses older: a rejected row
YOUNGEST_YEARS = 16  # younger than this: a warning (unusual in relationship work)
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}


class ImportFileError(ValidationError):
    """The file as a whole cannot be read as a client list; nothing was imported."""


class Field(Enum):
    NAME = "name"
    FIRST = "first name"
    MIDDLE = "middle name"
    LAST = "last name"
    PRONOUNS = "pronouns"
    BIRTH = "date of birth"
    EMAIL = "e-mail"
    PHONE = "phone"


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

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# Text ---------------------------------------------------------------------------------


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


def _header_date_hint(header: str) -> bool | None:
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


# Decoding and splitting ----------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding as a person would name it)."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            f"The file is too large to be a client list (more than {MAX_FILE_BYTES // 2**20} MB)."
        )
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (with byte-order mark)"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError:
                raise ImportFileError(
                    f"The file says it is {label.split(' ')[0]} but is not; "
                    "save it again as CSV (UTF-8)."
                ) from None
    if b"\x00" in data:
        raise ImportFileError("This does not look like a CSV text file (it holds binary data).")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise ImportFileError(
            "The file is in a text encoding that cannot be read (neither UTF-8 nor "
            "Windows-1252); save it again as CSV (UTF-8)."
        ) from None


def sniff_delimiter(text: str) -> str:
    """The separator the header line uses most (outside quotes); comma if none."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for c in header:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in counts:
            counts[c] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties: the earlier in DELIMITERS
    return best if counts[best] else ","


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells). Quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last = 0
    try:
        for record in reader:
            start, last = last + 1, reader.line_num
            yield start, record
    except csv.Error:
        raise ImportFileError(
            f"Line {last + 1} cannot be read as CSV: a value is far too long "
            "or a quotation mark is not closed."
        ) from None


# Dates ---------------------------------------------------------------------------------


class _BadDate(Exception):
    pass


@dataclass(frozen=True)
class WrittenDate:
    """A date as written. For numeric dates (first/second/year) the order of the first
    two numbers may be undecided; otherwise month and day are known."""

    year: int
    first: int
    second: int
    numeric: bool  # True: first/second are day and month in an undecided order
    short_year: str = ""  # the two digits written, when the century was inferred

    @property
    def evidence(self) -> bool | None:
        """True: can only be day first; False: only month first; None: either."""
        if not self.numeric:
            return None
        if self.first > 12 >= self.second:
            return True
        if self.second > 12 >= self.first:
            return False
        return None

    @property
    def ambiguous(self) -> bool:
        return self.numeric and self.first != self.second and max(self.first, self.second) <= 12

    def resolve(self, day_first: bool | None) -> date:
        if not self.numeric:
            month, day = self.first, self.second
        else:
            order = day_first if day_first is not None else self.evidence
            if order is None:
                order = True  # only reached when first == second: both readings agree
            day, month = (self.first, self.second) if order else (self.second, self.first)
        return date(self.year, month, day)


_TIME = re.compile(
    r"(?:T|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$"
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def _year(token: str, today: date) -> tuple[int, str]:
    if len(token) == 4:
        return int(token), ""
    if len(token) == 2:
        y = 2000 + int(token)
        return (y if y <= today.year else y - 100), token
    raise _BadDate


def parse_written_date(text: str, today: date) -> WrittenDate:
    """Read a date as written; raises _BadDate when it is not one of the known forms."""
    s = _TIME.sub("", text.strip()).strip()
    if re.fullmatch(r"(19|20)\d{6}", s):  # 19850301
        return WrittenDate(int(s[:4]), int(s[4:6]), int(s[6:]), numeric=False)
    tokens = _TOKEN.findall(s)
    if re.sub(r"[\s,./\-]", "", _TOKEN.sub("", s)):
        raise _BadDate  # something other than separators between the parts
    # "1st", "2nd", "23rd", "4th": drop the suffix after a number
    tokens = [
        t
        for i, t in enumerate(tokens)
        if not (t.casefold() in ("st", "nd", "rd", "th") and i and tokens[i - 1].isdigit())
    ]
    words = [t for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(tokens) != 3 or any(len(n) > 4 for n in numbers):
        raise _BadDate
    if words:
        if len(words) != 1 or words[0].casefold() not in MONTHS:
            raise _BadDate
        month = MONTHS[words[0].casefold()]
        four = [n for n in numbers if len(n) == 4]
        if len(four) == 1:
            year_token = four[0]
            day_token = next(n for n in numbers if n is not year_token)
        elif not four:
            day_token, year_token = numbers  # "1 Mar 85", "Mar 1, 85": the year comes last
        else:
            raise _BadDate
        if len(day_token) > 2:
            raise _BadDate
        year, short = _year(year_token, today)
        return WrittenDate(year, month, int(day_token), numeric=False, short_year=short)
    a, b, c = numbers
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:  # 2024-03-01, 2024/3/1
        return WrittenDate(int(a), int(b), int(c), numeric=False)
    if len(a) <= 2 and len(b) <= 2 and len(c) in (2, 4):  # 01/03/2024, 1.3.24
        year, short = _year(c, today)
        return WrittenDate(year, int(a), int(b), numeric=True, short_year=short)
    raise _BadDate


def _years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


# The preview ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRow:
    """A row that will become one individual case."""

    line: int
    client: PartnerInput
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RejectedRow:
    line: int
    values: tuple[str, ...]  # the cells as read
    reason: str  # one plain sentence


@dataclass(frozen=True)
class ImportPreview:
    rows: tuple[PreviewRow, ...]
    rejected: tuple[RejectedRow, ...]
    notes: tuple[str, ...]  # how the file was read: encoding, separator, columns, dates
    encoding: str
    delimiter: str
    columns: tuple[tuple[Field, str], ...]  # each field used, with the header it came from
    ignored_columns: tuple[str, ...]
    day_first: bool | None  # the order applied to numeric dates; None: not decided
    date_order_matters: bool  # some dates read differently day first and month first
    date_order_unresolved: bool  # ... and nobody has said which: import must wait

    @property
    def summary(self) -> str:
        """ "14 clients will be added; 2 rows cannot be imported." """
        n, r = len(self.rows), len(self.rejected)
        added = f"{n} client{'s' if n != 1 else ''} will be added"
        if not r:
            return f"{added}."
        return f"{added}; {r} row{'s' if r != 1 else ''} cannot be imported."

    def blocker(self, skip_rejected: bool = False) -> str | None:
        """Why this preview cannot be imported as it stands (one sentence), or None."""
        if self.date_order_unresolved:
            return (
                "Some dates of birth read differently day first and month first; "
                "choose which order the file uses."
            )
        if self.rejected and not skip_rejected:
            r = len(self.rejected)
            return (
                f"{r} row{'s' if r != 1 else ''} cannot be imported; fix the file, "
                "or choose to skip the rows that cannot be imported."
            )
        if not self.rows:
            return "There is no client to import in this file."
        return None


@dataclass
class _Draft:
    line: int
    values: tuple[str, ...]
    client: PartnerInput
    birth_text: str
    birth: WrittenDate | None
    warnings: list[str]


def _column_map(header: list[str]) -> tuple[dict[Field, list[int]], list[str]]:
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


def _check_row(cells: list[str], cols: dict[Field, list[int]], width: int, today: date) -> _Draft:
    """A draft of the row, or _Rejected naming the first problem."""
    extra = [c for c in cells[width:] if clean_cell(c)]
    if extra:
        raise _Rejected(
            f"This row has {len(cells)} values but the first line names {width} columns; "
            "a value may hold an unquoted separator."
        )
    name = _full_name(cells, cols)
    if not name:
        raise _Rejected("The name is empty.")
    if len(name) > MAX_NAME:
        raise _Rejected(f"The name is longer than {MAX_NAME} characters.")
    pronouns = _value(cells, cols.get(Field.PRONOUNS))
    phone = _value(cells, cols.get(Field.PHONE))
    for what, value in (("pronouns are", pronouns), ("phone number is", phone)):
        if len(value) > MAX_SHORT:
            raise _Rejected(f"The {what} longer than {MAX_SHORT} characters.")
    email = _value(cells, cols.get(Field.EMAIL))
    if len(email) > MAX_SHORT:
        raise _Rejected(f"The e-mail address is longer than {MAX_SHORT} characters.")
    try:
        email = check_email(email)
    except ValidationError as exc:
        raise _Rejected(str(exc)) from None
    birth_text = _value(cells, cols.get(Field.BIRTH))
    written = None
    if birth_text:
        try:
            written = parse_written_date(birth_text, today)
        except _BadDate:
            raise _Rejected(
                f"The date of birth “{birth_text}” is not a date that can be read "
                "(for example 1985-03-25, 25 Mar 1985 or 25/03/1985)."
            ) from None
    client = PartnerInput(name=name, pronouns=pronouns, email=email, phone=phone)
    return _Draft(0, (), client, birth_text, written, [])


class _Rejected(Exception):
    pass


def _birth_checks(d: _Draft, day_first: bool | None, today: date) -> PartnerInput:
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
            raise _Rejected(
                f"The date of birth “{d.birth_text}” is not a real date when read {order}, "
                "the order used for this file."
            ) from None
        raise _Rejected(f"The date of birth “{d.birth_text}” is not a real date.") from None
    if born > today:
        raise _Rejected(f"The date of birth {born.isoformat()} is in the future.")
    if born < _years_before(today, OLDEST_YEARS):
        raise _Rejected(
            f"The date of birth {born.isoformat()} is more than {OLDEST_YEARS} years ago."
        )
    if w.short_year:
        d.warnings.append(f"The year “{w.short_year}” was read as {born.year}.")
    if born < _years_before(today, FAR_PAST_YEARS):
        d.warnings.append(
            f"The date of birth {born.isoformat()} is more than {FAR_PAST_YEARS} years ago; "
            "please check it."
        )
    elif born > _years_before(today, YOUNGEST_YEARS):
        d.warnings.append(
            f"The date of birth {born.isoformat()} makes the client younger than "
            f"{YOUNGEST_YEARS}; please check it."
        )
    return PartnerInput(
        name=d.client.name,
        pronouns=d.client.pronouns,
        date_of_birth=born,
        email=d.client.email,
        phone=d.client.phone,
    )


def _decide_order(
    drafts: list[_Draft], day_first: bool | None, hint: tuple[bool, str] | None
) -> tuple[bool | None, bool, bool, str]:
    """(order, matters, unresolved, note) for the numeric dates of the file."""
    matters = any(d.birth is not None and d.birth.ambiguous for d in drafts)
    numeric = any(d.birth is not None and d.birth.numeric for d in drafts)
    if not numeric:
        return None, False, False, ""
    if day_first is not None:
        return day_first, matters, False, f"Dates were read {_order(day_first)}, as chosen."
    if hint is not None:
        return (
            hint[0],
            matters,
            False,
            f"Dates were read {_order(hint[0])}, as the column “{hint[1]}” says.",
        )
    days = [d for d in drafts if d.birth is not None and d.birth.evidence is True]
    months = [d for d in drafts if d.birth is not None and d.birth.evidence is False]
    if days and months:
        return (
            None,
            True,
            True,
            f"The dates mix both orders: “{days[0].birth_text}” (line {days[0].line}) can "
            f"only be day first and “{months[0].birth_text}” (line {months[0].line}) only "
            "month first; choose the order the file uses.",
        )
    if days or months:
        order, example = (True, days[0]) if days else (False, months[0])
        return (
            order,
            matters,
            False,
            f"Dates were read {_order(order)}, because “{example.birth_text}” "
            f"(line {example.line}) can only be read that way.",
        )
    if matters:
        return (
            None,
            True,
            True,
            "Dates such as “"
            + next(d.birth_text for d in drafts if d.birth is not None and d.birth.ambiguous)
            + "” could be day first or month first; choose the order the file uses.",
        )
    return None, False, False, ""


def _order(day_first: bool) -> str:
    return "day first (day/month/year)" if day_first else "month first (month/day/year)"


def preview_import(
    source: str | bytes,
    existing_names: Iterable[str],
    today: date,
    day_first: bool | None = None,
    *,
    existing_emails: Iterable[str] = (),
) -> ImportPreview:
    """Read a client list and say what would be imported. Never stores anything; raises
    ImportFileError (one sentence) only when the file as a whole cannot be used."""
    if isinstance(source, bytes):
        text, encoding = decode(source)
    else:
        if len(source) > MAX_FILE_BYTES:
            raise ImportFileError("The text is too large to be a client list.")
        text, encoding = source.removeprefix("\ufeff"), "text"
        if "\x00" in text:
            raise ImportFileError("This does not look like a CSV text file (it holds binary data).")
    delimiter = sniff_delimiter(text)
    records = _records(text, delimiter)
    header: list[str] | None = None
    for _line, cells in records:
        if any(clean_cell(c) for c in cells):
            header = cells
            break
    if header is None:
        raise ImportFileError("The file is empty.")
    cols, ignored = _column_map(header)
    if not cols:
        raise ImportFileError(
            "The first line should name the columns (for example Name, Pronouns, "
            "Date of birth, E-mail, Phone), but none of its names is one that is known."
        )
    if not ({Field.NAME, Field.FIRST, Field.LAST} & cols.keys()):
        raise ImportFileError(
            "The file has no column for the client's name (such as Name, or First name "
            "and Last name)."
        )
    hint = None
    if Field.BIRTH in cols:
        title = header[cols[Field.BIRTH][0]]
        order = _header_date_hint(title)
        hint = (order, clean_cell(title)) if order is not None else None

    drafts: list[_Draft] = []
    rejected: list[RejectedRow] = []
    count = 0
    for line, cells in records:
        if not any(clean_cell(c) for c in cells):
            continue  # blank lines are not rows
        count += 1
        if count > MAX_ROWS:
            raise ImportFileError(
                f"The file has more than {MAX_ROWS:,} rows; split it into smaller files."
            )
        try:
            d = _check_row(cells, cols, len(header), today)
        except _Rejected as exc:
            rejected.append(RejectedRow(line, tuple(cells), str(exc)))
            continue
        d.line, d.values = line, tuple(cells)
        drafts.append(d)

    applied, matters, unresolved, date_note = _decide_order(drafts, day_first, hint)
    accepted: list[tuple[_Draft, PartnerInput]] = []
    for d in drafts:
        try:
            client = _birth_checks(d, applied, today)
            validate_case(CaseInput(CaseKind.INDIVIDUAL, "", (client,)), today)
        except _Rejected as exc:
            rejected.append(RejectedRow(d.line, d.values, str(exc)))
            continue
        except ValidationError as exc:  # a records rule this module does not yet know
            rejected.append(RejectedRow(d.line, d.values, str(exc)))
            continue
        accepted.append((d, client))
    _warn_duplicates(accepted, existing_names, existing_emails)

    rows = tuple(PreviewRow(d.line, client, tuple(d.warnings)) for d, client in accepted)
    used = tuple((f, clean_cell(header[idx[0]])) for f, idx in cols.items())
    notes = [
        f"Read as {encoding}, {DELIMITER_NAMES[delimiter]}-separated.",
        "Columns used: " + ", ".join(f"{f.value} from “{title}”" for f, title in used) + ".",
    ]
    if ignored:
        notes.append("Columns not used: " + ", ".join(f"“{t}”" for t in ignored) + ".")
    if date_note:
        notes.append(date_note)
    return ImportPreview(
        rows=rows,
        rejected=tuple(sorted(rejected, key=lambda r: r.line)),
        notes=tuple(notes),
        encoding=encoding,
        delimiter=delimiter,
        columns=used,
        ignored_columns=tuple(ignored),
        day_first=applied,
        date_order_matters=matters,
        date_order_unresolved=unresolved,
    )


def _warn_duplicates(
    accepted: list[tuple[_Draft, PartnerInput]],
    existing_names: Iterable[str],
    existing_emails: Iterable[str],
) -> None:
    known_names = {name_key(n) for n in existing_names if n.strip()}
    known_emails = {e.strip().casefold() for e in existing_emails if e.strip()}
    by_name: dict[str, list[_Draft]] = {}
    by_email: dict[str, list[_Draft]] = {}
    for d, client in accepted:
        by_name.setdefault(name_key(client.name), []).append(d)
        if client.email:
            by_email.setdefault(client.email.casefold(), []).append(d)
    for d, client in accepted:
        key = name_key(client.name)
        if key in known_names:
            d.warnings.append(
                f"A client named “{client.name}” may already be in the practice "
                "(same name); this may be the same person."
            )
        others = [o.line for o in by_name[key] if o is not d]
        if others:
            d.warnings.append(f"Same name as {_lines(others)}; this may be the same person.")
        if client.email:
            mail = client.email.casefold()
            if mail in known_emails:
                d.warnings.append(
                    "This e-mail address is already recorded for a client in the practice."
                )
            others = [o.line for o in by_email[mail] if o is not d]
            if others:
                d.warnings.append(f"Same e-mail address as {_lines(others)}.")


def _lines(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return "lines " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def describe_date(value: date) -> str:
    """ "1 March 1985": unambiguous whichever order the reader is used to."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
