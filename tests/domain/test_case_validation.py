"""What the case form accepts and what it refuses, in the words the therapist will read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import (
    MAX_NAME,
    CaseInput,
    CaseKind,
    PartnerInput,
    SessionInput,
    check_closed_on,
    check_email,
    validate_case,
    validate_session,
)

TODAY = date(2025, 6, 10)


def couple(*names: str, **kw: object) -> CaseInput:
    return CaseInput(
        kind=CaseKind.COUPLE,
        display_name=str(kw.pop("display_name", "")),
        partners=tuple(PartnerInput(name=n) for n in names),
        **kw,
    )


def individual(name: str, **kw: object) -> CaseInput:
    return CaseInput(
        kind=CaseKind.INDIVIDUAL,
        display_name=str(kw.pop("display_name", "")),
        partners=(PartnerInput(name=name),),
        **kw,
    )


def refusal(data: CaseInput) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        validate_case(data, TODAY)
    return info.value


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\u00a0\u2003"])
def test_blank_partner_name_is_refused_naming_the_partner(blank: str) -> None:
    err = refusal(couple("Zoë", blank))
    assert err.field == "partner2.name"
    assert "partner 2" in str(err) and "name" in str(err)

    err = refusal(couple(blank, "Łukasz"))
    assert err.field == "partner1.name"
    assert "partner 1" in str(err)


@pytest.mark.parametrize("blank", ["", "    "])
def test_blank_client_name_is_refused_for_an_individual_case(blank: str) -> None:
    err = refusal(individual(blank))
    assert err.field == "partner1.name"
    assert "client's name" in str(err)


def test_overlong_name_is_refused_with_the_limit_in_the_message() -> None:
    err = refusal(couple("Zoë", "x" * (MAX_NAME + 1)))
    assert err.field == "partner2.name"
    assert str(MAX_NAME) in str(err)
    # exactly at the limit is fine
    assert validate_case(individual("x" * MAX_NAME), TODAY).partners[0].name == "x" * MAX_NAME


@pytest.mark.parametrize("names", [(), ("Zoë",), ("Zoë", "Łukasz", "Ada")])
def test_a_couple_needs_exactly_two_partners(names: tuple[str, ...]) -> None:
    err = refusal(couple(*names))
    assert err.field == "partners"
    assert "two partners" in str(err)


def test_an_individual_case_has_one_client() -> None:
    data = CaseInput(
        kind=CaseKind.INDIVIDUAL,
        display_name="",
        partners=(PartnerInput("Ada"), PartnerInput("Bo")),
    )
    err = refusal(data)
    assert err.field == "partners"
    assert "one client" in str(err)


def test_display_name_defaults_to_both_names_joined() -> None:
    clean = validate_case(couple("  Zoë ", "Łukasz  "), TODAY)
    assert clean.display_name == "Zoë & Łukasz"
    assert [p.name for p in clean.partners] == ["Zoë", "Łukasz"]


def test_individual_display_name_defaults_to_the_client() -> None:
    assert validate_case(individual("Søren"), TODAY).display_name == "Søren"


def test_a_typed_display_name_is_kept_trimmed() -> None:
    clean = validate_case(couple("Zoë", "Łukasz", display_name="  The K. family "), TODAY)
    assert clean.display_name == "The K. family"


def test_safety_flag_requires_a_note() -> None:
    err = refusal(couple("Zoë", "Łukasz", safety_flag=True, safety_note="   "))
    assert err.field == "safety_note"
    assert "safety flag" in str(err)

    clean = validate_case(
        couple("Zoë", "Łukasz", safety_flag=True, safety_note=" IPV screen positive "), TODAY
    )
    assert clean.safety_flag is True
    assert clean.safety_note == "IPV screen positive"


def test_a_safety_note_without_the_flag_is_not_kept() -> None:
    clean = validate_case(couple("Zoë", "Łukasz", safety_note="old note"), TODAY)
    assert clean.safety_flag is False
    assert clean.safety_note == ""


def test_future_date_of_birth_is_refused() -> None:
    data = CaseInput(
        kind=CaseKind.COUPLE,
        display_name="",
        partners=(
            PartnerInput("Zoë"),
            PartnerInput("Łukasz", date_of_birth=TODAY + timedelta(days=1)),
        ),
    )
    err = refusal(data)
    assert err.field == "partner2.date_of_birth"
    assert "future" in str(err)
    ok = replace(data, partners=(PartnerInput("Zoë"), PartnerInput("Łukasz", date_of_birth=TODAY)))
    assert validate_case(ok, TODAY).partners[1].date_of_birth == TODAY


def test_date_of_birth_more_than_120_years_ago_is_refused() -> None:
    data = CaseInput(
        kind=CaseKind.INDIVIDUAL,
        display_name="",
        partners=(PartnerInput("Ada", date_of_birth=date(TODAY.year - 121, 1, 1)),),
    )
    assert refusal(data).field == "partner1.date_of_birth"


@pytest.mark.parametrize(
    "email", ["zoe", "zoe@", "@example.org", "zoe@example", "zo e@example.org", "a@b@c.org"]
)
def test_malformed_email_is_refused_and_quoted_back(email: str) -> None:
    data = CaseInput(
        kind=CaseKind.INDIVIDUAL, display_name="", partners=(PartnerInput("Ada", email=email),)
    )
    err = refusal(data)
    assert err.field == "partner1.email"
    assert email in str(err)


@pytest.mark.parametrize("email", ["zoe@example.org", "  ł.k+therapy@example.co.uk  ", ""])
def test_plausible_or_empty_email_is_accepted_trimmed(email: str) -> None:
    assert check_email(email) == email.strip()


def test_opened_on_defaults_to_today() -> None:
    assert validate_case(couple("Zoë", "Łukasz"), TODAY).opened_on == TODAY
    assert validate_case(
        couple("Zoë", "Łukasz", opened_on=date(2020, 2, 2)), TODAY
    ).opened_on == date(2020, 2, 2)


def test_case_cannot_be_closed_before_it_was_opened() -> None:
    with pytest.raises(ValidationError, match="before the day it was opened") as info:
        check_closed_on(date(2024, 5, 2), date(2024, 5, 1))
    assert info.value.field == "closed_on"
    assert check_closed_on(date(2024, 5, 2), date(2024, 5, 2)) == date(2024, 5, 2)


@pytest.mark.parametrize("minutes", [0, -50, 8 * 60 + 1])
def test_session_length_out_of_range_is_refused(minutes: int) -> None:
    with pytest.raises(ValidationError) as info:
        validate_session(SessionInput(datetime(2025, 1, 1, 9), duration_minutes=minutes))
    assert info.value.field == "duration_minutes"


@given(st.text(max_size=40), st.text(max_size=40))
def test_validation_either_cleans_or_explains(a: str, b: str) -> None:
    """Whatever is typed, the form gets a cleaned case or a ValidationError, never a crash;
    a cleaned case never has a blank or padded name."""
    try:
        clean = validate_case(couple(a, b), TODAY)
    except ValidationError as err:
        assert err.field in {"partner1.name", "partner2.name", "display_name"}
        assert str(err)
    else:
        for p in clean.partners:
            assert p.name and p.name == p.name.strip()
        assert clean.display_name == f"{a.strip()} & {b.strip()}"


def test_long_partner_names_ask_for_a_shorter_case_name_not_a_mystery_field() -> None:
    from datetime import date

    from clarity_desktop.domain.errors import ValidationError
    from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, validate_case

    long_a, long_b = "A" * 100, "B" * 100
    data = CaseInput(CaseKind.COUPLE, "", (PartnerInput(long_a), PartnerInput(long_b)))
    try:
        validate_case(data, date(2026, 11, 23))
    except ValidationError as exc:
        assert exc.field == "display_name"
        assert "partners' names together" in str(exc)
    else:
        raise AssertionError("expected a validation error")
    named = validate_case(
        CaseInput(CaseKind.COUPLE, "The B household", (PartnerInput(long_a), PartnerInput(long_b))),
        date(2026, 11, 23),
    )
    assert named.display_name == "The B household"
