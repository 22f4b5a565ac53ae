"""Reading client lists from other practice systems: headers, dates, encodings,
separators, duplicates, bad rows; and a fuzzer that throws arbitrary CSV-ish input at
the reader, which must answer with a preview or one clean error, never a crash."""

from __future__ import annotations

import codecs
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clarity_desktop.domain.csv_clients import (
    SYNONYMS,
    Field,
    ImportFileError,
    ImportPreview,
    field_of,
    name_key,
    preview_import,
)
from clarity_desktop.domain.records import CaseInput, CaseKind, validate_case

TODAY = date(2025, 6, 1)


def preview(
    text: str | bytes,
    existing: tuple[str, ...] = (),
    day_first: bool | None = None,
    emails: tuple[str, ...] = (),
) -> ImportPreview:
    return preview_import(text, existing, TODAY, day_first, existing_emails=emails)


def names(p: ImportPreview) -> list[str]:
    return [r.client.name for r in p.rows]


def reasons(p: ImportPreview) -> dict[int, str]:
    return {r.line: r.reason for r in p.rejected}


# Headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Name", Field.NAME),
        ("Full Name", Field.NAME),
        ("full_name", Field.NAME),
        ("CLIENT", Field.NAME),
        ("Client name", Field.NAME),
        ("first", Field.FIRST),
        ("First Name", Field.FIRST),
        ("Given name", Field.FIRST),
        ("given_names", Field.FIRST),
        ("Surname", Field.LAST),
        ("last", Field.LAST),
        ("Last-Name", Field.LAST),
        ("Family name", Field.LAST),
        ("Middle name", Field.MIDDLE),
        ("Pronouns", Field.PRONOUNS),
        ("DOB", Field.BIRTH),
        ("D.O.B.", Field.BIRTH),
        ("Birth Date", Field.BIRTH),
        ("date_of_birth", Field.BIRTH),
        ("Date of birth (DD/MM/YYYY)", Field.BIRTH),
        ("Email Address", Field.EMAIL),
        ("E-mail", Field.EMAIL),
        ("e_mail", Field.EMAIL),
        ("Mobile", Field.PHONE),
        ("Telephone", Field.PHONE),
        ("cell", Field.PHONE),
        ("Phone #", Field.PHONE),
        ("Insurance ID", None),
        ("Notes", None),
        ("", None),
    ],
)
def test_headers_are_matched_ignoring_case_spaces_and_punctuation(
    header: str, expected: Field | None
) -> None:
    assert field_of(header) is expected


def test_first_middle_and_last_names_make_the_full_name_and_unknown_columns_are_named() -> None:
    p = preview(
        "Given name,Middle,Surname,Insurance ID\nAmira,N.,Haddad,X-1\nBo,,Li,\nKai,,,\n,,Okafor,\n"
    )
    assert names(p) == ["Amira N. Haddad", "Bo Li", "Kai", "Okafor"]
    assert p.ignored_columns == ("Insurance ID",)
    assert any("Insurance ID" in note for note in p.notes)


def test_a_full_name_column_wins_over_first_and_last() -> None:
    p = preview("Name,First,Last\nAmira Haddad,A,H\n,Bo,Li\n")
    assert names(p) == ["Amira Haddad", "Bo Li"]


def test_every_field_lands_where_it_belongs() -> None:
    p = preview(
        "Client,Preferred pronouns,D.O.B.,Email Address,Cell\n"
        "Amira Haddad,she/they,1985-03-25,amira@example.org,+1 555 0100\n"
    )
    (row,) = p.rows
    c = row.client
    assert (c.name, c.pronouns, c.date_of_birth, c.email, c.phone) == (
        "Amira Haddad",
        "she/they",
        date(1985, 3, 25),
        "amira@example.org",
        "+1 555 0100",
    )
    assert row.warnings == ()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("\n \n,,\n", "empty"),
        ("Insurance,Balance\nA,1\n", "none of its names"),
        ("Email,Phone\na@b.org,1\n", "no column for the client's name"),
    ],
)
def test_a_file_without_usable_columns_is_one_clear_error(text: str, fragment: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        preview(text)
    assert fragment in str(caught.value)


# Dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "day_first", "expected"),
    [
        ("1985-03-01", None, date(1985, 3, 1)),
        ("1985/3/1", None, date(1985, 3, 1)),
        ("1985-03-01 00:00:00", None, date(1985, 3, 1)),
        ("1985-03-01T00:00:00Z", None, date(1985, 3, 1)),
        ("19850301", None, date(1985, 3, 1)),
        ("01/03/1985", True, date(1985, 3, 1)),
        ("03/01/1985", False, date(1985, 3, 1)),
        ("1.3.1985", True, date(1985, 3, 1)),
        ("01-03-1985", True, date(1985, 3, 1)),
        ("25/03/1985", None, date(1985, 3, 25)),
        ("03/25/1985", None, date(1985, 3, 25)),
        ("1 Mar 1985", None, date(1985, 3, 1)),
        ("1 March 1985", None, date(1985, 3, 1)),
        ("March 1, 1985", None, date(1985, 3, 1)),
        ("Mar 1 1985", None, date(1985, 3, 1)),
        ("1st March 1985", None, date(1985, 3, 1)),
        ("01-Mar-1985", None, date(1985, 3, 1)),
        ("1985 Mar 1", None, date(1985, 3, 1)),
        ("Sept 9, 1985", None, date(1985, 9, 9)),
        ("07/07/1985", None, date(1985, 7, 7)),
    ],
)
def test_common_date_formats(written: str, day_first: bool | None, expected: date) -> None:
    p = preview(f"Name,DOB\nAmira,{written!r}\n".replace("'", '"'), day_first=day_first)
    assert [r.client.date_of_birth for r in p.rows] == [expected], p.rejected


def test_two_digit_years_take_the_century_that_is_not_in_the_future_and_say_so() -> None:
    p = preview("Name,DOB\nAmira,1 Mar 85\nBo,2 Feb 05\n")
    assert [r.client.date_of_birth for r in p.rows] == [date(1985, 3, 1), date(2005, 2, 2)]
    assert any("“85” was read as 1985" in w for w in p.rows[0].warnings)


@pytest.mark.parametrize("written", ["yesterday", "1985-02-30", "32/01/1985", "13/13/1985", "1/2"])
def test_a_date_that_cannot_be_read_rejects_the_row_with_the_reason(written: str) -> None:
    p = preview(f"Name,DOB\nAmira,{written}\nBo,\n")
    assert names(p) == ["Bo"]
    assert f"“{written}”" in reasons(p)[2]


def test_the_file_decides_day_first_when_a_first_number_is_above_12() -> None:
    p = preview("Name,DOB\nAmira,03/04/1985\nBo,25/12/1990\n")
    assert p.day_first is True and not p.date_order_unresolved and p.date_order_matters
    assert [r.client.date_of_birth for r in p.rows] == [date(1985, 4, 3), date(1990, 12, 25)]
    assert any("day first" in n and "25/12/1990" in n and "line 3" in n for n in p.notes)
    assert p.blocker() is None


def test_the_file_decides_month_first_when_a_second_number_is_above_12() -> None:
    p = preview("Name,DOB\nAmira,03/04/1985\nBo,12/25/1990\n")
    assert p.day_first is False
    assert [r.client.date_of_birth for r in p.rows] == [date(1985, 3, 4), date(1990, 12, 25)]


def test_ambiguous_dates_leave_the_order_unresolved_and_block_the_import() -> None:
    p = preview("Name,DOB\nAmira,03/04/1985\nBo,1990-01-02\n")
    assert p.date_order_unresolved and p.day_first is None
    assert p.rows[0].client.date_of_birth is None
    assert any("day first and month first" in w for w in p.rows[0].warnings)
    assert p.rows[1].client.date_of_birth == date(1990, 1, 2)
    blocker = p.blocker(skip_rejected=True)
    assert blocker is not None and "choose which order" in blocker
    assert any("03/04/1985" in n for n in p.notes)


def test_dates_in_both_orders_are_unresolved_and_name_an_example_of_each() -> None:
    p = preview("Name,DOB\nAmira,25/03/1985\nBo,03/25/1985\n")
    assert p.date_order_unresolved
    note = next(n for n in p.notes if "mix" in n)
    assert "line 2" in note and "line 3" in note


def test_a_chosen_order_wins_and_rows_that_contradict_it_are_rejected() -> None:
    p = preview("Name,DOB\nAmira,03/04/1985\nBo,03/25/1985\n", day_first=True)
    assert not p.date_order_unresolved and p.day_first is True
    assert [r.client.date_of_birth for r in p.rows] == [date(1985, 4, 3)]
    assert "day first" in reasons(p)[3] and "“03/25/1985”" in reasons(p)[3]
    assert any("as chosen" in n for n in p.notes)


def test_a_header_hint_decides_the_order() -> None:
    p = preview("Name,DOB (MM/DD/YYYY)\nAmira,03/04/1985\n")
    assert p.day_first is False and not p.date_order_unresolved
    assert p.rows[0].client.date_of_birth == date(1985, 3, 4)


def test_a_birth_date_in_the_future_is_rejected() -> None:
    p = preview("Name,DOB\nAmira,2025-06-02\nBo,2025-06-01\n")
    assert "in the future" in reasons(p)[2]
    assert names(p) == ["Bo"]


def test_a_very_old_birth_date_warns_and_an_impossible_one_is_rejected() -> None:
    p = preview("Name,DOB\nAmira,1912-01-01\nBo,1901-01-01\nCleo,1960-01-01\n")
    assert names(p) == ["Amira", "Cleo"]
    assert any("more than 110 years ago" in w for w in p.rows[0].warnings)
    assert p.rows[1].warnings == ()
    assert "more than 120 years ago" in reasons(p)[3]


def test_a_very_young_client_is_a_warning_not_a_block() -> None:
    p = preview("Name,DOB\nAmira,2015-01-01\n")
    assert names(p) == ["Amira"]
    assert any("younger than 16" in w for w in p.rows[0].warnings)


# Encodings and separators ----------------------------------------------------------

ZOE = "Name;E-mail\nZoë Marchetti;zoe@example.org\n"


def test_utf8_with_a_byte_order_mark() -> None:
    p = preview(codecs.BOM_UTF8 + ZOE.encode("utf-8"))
    assert names(p) == ["Zoë Marchetti"]
    assert p.columns[0] == (Field.NAME, "Name")  # the mark is not part of the first header
    assert "byte-order mark" in p.encoding


def test_utf8_without_a_byte_order_mark() -> None:
    p = preview(ZOE.encode("utf-8"))
    assert (names(p), p.encoding) == (["Zoë Marchetti"], "UTF-8")


def test_windows_1252_is_the_fallback() -> None:
    p = preview("Name;E-mail\nZoë “Zo” Marchetti;zoe@example.org\n".encode("cp1252"))
    assert names(p) == ["Zoë “Zo” Marchetti"]
    assert p.encoding == "Windows-1252"
    assert any("Windows-1252" in n for n in p.notes)


def test_utf16_spreadsheet_unicode_text_with_tabs() -> None:
    data = "Name\tPhone\r\nمريم حداد\t555\r\n".encode("utf-16")
    p = preview(data)
    assert (names(p), p.delimiter) == (["مريم حداد"], "\t")


def test_binary_data_is_refused_in_one_sentence() -> None:
    with pytest.raises(ImportFileError, match="binary"):
        preview(b"PK\x03\x04\x00\x00binary")


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_separators_are_sniffed_from_the_header(sep: str) -> None:
    text = sep.join(["Name", "Pronouns", "Phone"]) + "\n" + sep.join(["Bo Li", "he/him", "1"])
    p = preview(text + "\n")
    assert p.delimiter == sep
    assert [(r.client.name, r.client.pronouns) for r in p.rows] == [("Bo Li", "he/him")]


def test_quoted_cells_keep_separators_quotes_and_line_breaks_and_lines_are_counted() -> None:
    text = 'Name,Pronouns,Phone\r\n"Haddad, Amira","she/\nher","say ""hi"""\r\n\r\nBo Li,,\r\n'
    p = preview(text)
    assert names(p) == ["Haddad, Amira", "Bo Li"]
    assert p.rows[0].client.pronouns == "she/ her"  # a line break inside a value is a space
    assert p.rows[0].client.phone == 'say "hi"'
    assert [r.line for r in p.rows] == [2, 5]


def test_a_row_with_more_values_than_columns_is_rejected() -> None:
    p = preview("Name,Phone\nHaddad, Amira,555\nBo,1,,\n")
    assert "3 values" in reasons(p)[2] and "unquoted separator" in reasons(p)[2]
    assert names(p) == ["Bo"]  # empty trailing cells are harmless


# Names, duplicates, text ------------------------------------------------------------


@pytest.mark.parametrize("blank", ["", "   ", "\t", "\u00a0\u2003", '""'])
def test_empty_or_white_space_names_are_rejected(blank: str) -> None:
    p = preview(f"Name,Phone\n{blank},555\nBo,\n")
    assert reasons(p) == {2: "The name is empty."}
    assert names(p) == ["Bo"]


def test_empty_first_and_last_names_are_rejected() -> None:
    p = preview("First,Last,Phone\n  ,  ,555\n")
    assert reasons(p) == {2: "The name is empty."}


def test_too_long_values_and_bad_e_mail_are_rejected_with_reasons() -> None:
    long_name = "A" * 121
    p = preview(f"Name,Email,Pronouns\n{long_name},,\nBo,not-an-address,\nCy,,{'x' * 201}\n")
    r = reasons(p)
    assert "longer than 120" in r[2]
    assert "“not-an-address”" in r[3]
    assert "pronouns" in r[4]
    assert p.rows == ()


def test_likely_duplicates_are_warnings_on_existing_names_other_rows_and_e_mails() -> None:
    p = preview(
        "Name,Email\nzoe  MARCHETTI,z@example.org\nAmira Haddad,a@example.org\n"
        "Amira-Haddad,A@example.org\nBo,old@example.org\n",
        existing=("Zoë Marchetti",),
        emails=("OLD@example.org",),
    )
    assert len(p.rows) == 4
    zoe, amira, amira2, bo = (r.warnings for r in p.rows)
    assert any("already be in the practice" in w for w in zoe)
    assert any("Same name as line 4" in w for w in amira)
    assert any("Same name as line 3" in w for w in amira2)
    assert any("Same e-mail address as line 3" in w for w in amira2)
    assert any("already recorded" in w for w in bo)


def test_name_key_ignores_case_accents_spaces_and_punctuation() -> None:
    assert name_key("Zoë  Marchetti") == name_key("zoe-marchetti") == name_key("ZOE MARCHETTI")
    assert name_key("Søren Łukasz") == name_key("soren lukasz")
    assert name_key("מרים") != name_key("مريم")
    assert name_key("🌈") == "🌈"  # a name of symbols only still compares with itself


RTL_AND_EMOJI = [
    "مريم حداد",
    "נועה כהן",
    "Zoë 🌈 Marchetti",
    "Kim 👩🏽‍❤️‍👨🏻 Lee",  # a ZWJ sequence
    "\u200fسارا\u200f",  # right-to-left marks around a name
    "Ana-María Núñez",
]


@pytest.mark.parametrize("name", RTL_AND_EMOJI)
def test_right_to_left_text_and_emoji_are_kept_intact(name: str) -> None:
    for data in (f"Name,Pronouns\n{name},هي\n", f"Name,Pronouns\n{name},هي\n".encode()):
        p = preview(data)
        assert [(r.client.name, r.client.pronouns) for r in p.rows] == [(name, "هي")]


def test_control_characters_are_dropped() -> None:
    p = preview("Name,Phone\nBo\x07 Li\x1b,555\x0c\n")
    assert [(r.client.name, r.client.phone) for r in p.rows] == [("Bo Li", "555")]


def test_summary_and_blocker_in_plain_words() -> None:
    p = preview("Name\nAmira\nBo\n   \n")
    assert p.summary == "2 clients will be added."
    p = preview("Name,Phone\nAmira,1\n ,2\n,3\n")
    assert p.summary == "1 client will be added; 2 rows cannot be imported."
    blocker = p.blocker()
    assert blocker is not None and "2 rows cannot be imported" in blocker
    assert p.blocker(skip_rejected=True) is None
    p = preview("Name,Phone\n ,1\n")
    assert p.blocker(skip_rejected=True) == "There is no client to import in this file."


# The fuzzer --------------------------------------------------------------------------

HEADER_WORDS = sorted({h for names in SYNONYMS.values() for h in names}) + [
    "Full Name",
    "E-mail Address",
    "Date of birth (DD/MM/YYYY)",
    "DOB (MM/DD/YYYY)",
    "First_Name",
    "Insurance",
    "",
    '"',
]
SEPARATORS = [",", ";", "\t", "|"]
cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            '"',
            '""',
            "a,b",
            "x;y",
            "line\nbreak",
            "\r",
            "03/04/1985",
            "25/12/1990",
            "12/25/1990",
            "1 Mar 85",
            "2999-01-01",
            "1850-01-01",
            "zoe@example.org",
            "not-mail",
            "مريم حداد",
            "Zoë 🌈",
            "👩🏽‍❤️‍👨🏻",
            "\u200f",
        ]
    ),
)


def _quote(cell: str, sep: str, always: bool) -> str:
    if always or any(c in cell for c in (sep, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@st.composite
def csv_like(draw: st.DrawFn) -> str | bytes:
    sep = draw(st.sampled_from(SEPARATORS))
    headers = draw(
        st.lists(st.one_of(st.sampled_from(HEADER_WORDS), st.text(max_size=12)), max_size=7)
    )
    rows = draw(st.lists(st.lists(cells, max_size=8), max_size=8))
    quoting = draw(st.sampled_from(["needed", "always", "never"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = []
    for record in [headers, *rows]:
        if quoting == "never":
            lines.append(sep.join(record))
        else:
            lines.append(sep.join(_quote(c, sep, quoting == "always") for c in record))
    text = newline.join(lines)
    if draw(st.booleans()):
        text += newline
    form = draw(st.sampled_from(["text", "utf-8", "utf-8-sig", "cp1252", "utf-16", "junk"]))
    if form == "text":
        return text
    if form == "junk":
        return draw(st.binary(max_size=200))
    return text.encode(form, errors="replace")


def check_preview(data: str | bytes) -> ImportPreview | None:
    try:
        p = preview(data)
    except ImportFileError as exc:
        message = str(exc)
        assert message and "\n" not in message and message.endswith(".")
        return None
    assert isinstance(p, ImportPreview)
    for row in p.rows:
        assert row.line >= 2
        assert row.client.name.strip() == row.client.name and row.client.name
        validate_case(CaseInput(CaseKind.INDIVIDUAL, "", (row.client,)), TODAY)
        if row.client.date_of_birth is not None:
            assert row.client.date_of_birth <= TODAY
    for r in p.rejected:
        assert r.line >= 2 and r.reason.endswith(".") and "\n" not in r.reason
    lines = [r.line for r in p.rows] + [r.line for r in p.rejected]
    assert len(lines) == len(set(lines))  # each row is accepted or rejected, once
    return p


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_like())
def test_fuzzed_csv_never_crashes_the_preview(data: str | bytes) -> None:
    check_preview(data)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_arbitrary_text_and_bytes_never_crash_the_preview(data: str | bytes) -> None:
    check_preview(data)


# Quotation marks ---------------------------------------------------------------------

PLAIN = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_characters='"\r\n,;\t|', exclude_categories=("Cs", "Cc")
    ),
    max_size=20,
)


@st.composite
def lost_quote(draw: st.DrawFn) -> tuple[str, int]:
    """A well-formed file (any values, quoted as a spreadsheet would, line breaks inside
    quotes included) in which one row has a value that opens a quote never closed. The
    rows after it hold no quotation mark that could close it. Returns (text, line)."""
    sep = draw(st.sampled_from(SEPARATORS))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text_cells = cells.filter(lambda c: "\x00" not in c)
    before = draw(st.lists(st.lists(text_cells, min_size=1, max_size=4), max_size=5))
    after = draw(st.lists(st.lists(PLAIN, min_size=1, max_size=4), max_size=5))
    row = draw(st.lists(PLAIN, min_size=1, max_size=4))
    where = draw(st.integers(0, len(row) - 1))
    row[where] = '"' + row[where]
    head = [sep.join(["Name", "Pronouns", "Phone"])]
    head += [sep.join(_quote(c, sep, False) for c in r) for r in before]
    prefix = newline.join(head) + newline
    text = prefix + newline.join([sep.join(row)] + [sep.join(r) for r in after])
    if draw(st.booleans()):
        text += newline
    line = len(io.StringIO(prefix, newline="").readlines()) + 1
    return text, line


@settings(max_examples=300, deadline=None)
@given(lost_quote())
def test_a_quote_never_closed_refuses_the_file_naming_its_line(case: tuple[str, int]) -> None:
    text, line = case
    with pytest.raises(ImportFileError) as caught:
        preview(text)
    message = str(caught.value)
    assert f"line {line} " in message and "quotation mark" in message
    assert message.endswith(".") and "\n" not in message


@st.composite
def well_quoted(draw: st.DrawFn) -> str:
    sep = draw(st.sampled_from(SEPARATORS))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text_cells = cells.filter(lambda c: "\x00" not in c)
    rows = draw(st.lists(st.lists(text_cells, min_size=1, max_size=5), max_size=8))
    always = draw(st.booleans())
    head = sep.join(["Name", "Pronouns", "Phone"])
    body = [sep.join(_quote(c, sep, always) for c in r) for r in rows]
    return newline.join([head, *body]) + (newline if draw(st.booleans()) else "")


@settings(max_examples=300, deadline=None)
@given(well_quoted())
def test_well_quoted_files_are_never_refused_for_their_quotes(text: str) -> None:
    try:
        preview(text)
    except ImportFileError as exc:
        assert "quotation mark" not in str(exc)
