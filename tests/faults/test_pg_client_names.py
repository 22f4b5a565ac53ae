"""The practice server never holds who the clients are: names and contact details are
encrypted under the practice's directory key.

Dana opens a case for a couple with names, pronouns, an email and a phone number nobody
else writes, and the front desk reads them back; the server's superuser then looks
everywhere a disk thief or a curious administrator would: every table's rows, every
relation file on disk (tables, TOAST and every index) and a pg_dump. No client name,
email or phone may appear. Then the superuser swaps one partner's name for the other's:
the program refuses it with the tamper message instead of showing the wrong name.
Failed before: cases.display_name and the partners' names and contacts were plain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases
from clarity_desktop.store.practice import OpenPractice
from tests.faults.test_pg_encryption import _every_relation_file, _every_table_as_text, _pg_dump
from tests.pg_practice import as_dba, rows

pytestmark = [
    pytest.mark.parametrize("store_kind", ["postgres"], indirect=True),
]

# Words nobody else writes, so finding one anywhere means a client's identity leaked.
NAMES = ("Wrenfield Okonkwo-Blyth", "Saoirse Vantablack")
EMAIL = "wrenfield.nightjar@example.org"
PHONE = "+1 555 0147 9921"
PRONOUNS = "xe/xem"
CASE_NAME = "Okonkwo-Blyth and Vantablack"
MARKERS = ("Wrenfield", "Okonkwo", "Saoirse", "Vantablack", "nightjar", "0147 9921", "xe/xem")


def _found_in(blob: bytes) -> list[str]:
    lowered = blob.lower()
    return [w for w in MARKERS if w.lower().encode() in lowered]


def _case(practice: OpenPractice) -> int:
    made = cases.create_case(
        practice.uow(),
        CaseInput(
            CaseKind.COUPLE,
            CASE_NAME,
            (
                PartnerInput(NAMES[0], pronouns=PRONOUNS, email=EMAIL, phone=PHONE),
                PartnerInput(NAMES[1]),
            ),
        ),
    )
    return made.id


def test_no_client_name_or_contact_is_anywhere_on_the_server(
    practice: OpenPractice, tmp_path: Path
) -> None:
    case_id = _case(practice)
    # The program itself reads them as written, in the case and in the case list.
    detail = cases.read_case(practice.uow(), case_id)
    assert detail.display_name == CASE_NAME
    assert [p.name for p in detail.partners] == list(NAMES)
    assert (detail.partners[0].email, detail.partners[0].phone) == (EMAIL, PHONE)
    assert detail.partners[0].pronouns == PRONOUNS
    assert [c.display_name for c in cases.list_cases(practice.uow())] == [CASE_NAME]

    assert _found_in(_every_table_as_text(practice)) == []
    assert _found_in(_every_relation_file(practice)) == []
    dumped = _pg_dump(practice, tmp_path)
    assert b"COPY clarity.partners" in dumped  # the dump holds the partners, encrypted
    assert _found_in(dumped) == []


def test_a_name_swapped_between_partners_is_refused(practice: OpenPractice) -> None:
    case_id = _case(practice)
    first, second = (int(r[0]) for r in rows(practice, "SELECT id FROM partners ORDER BY id"))
    as_dba(
        practice,
        f"UPDATE partners SET name = (SELECT name FROM partners WHERE id = {first}) "
        f"WHERE id = {second}",
    )
    with pytest.raises(ClarityError) as refused:
        cases.read_case(practice.uow(), case_id)
    assert refused.value.code is ErrorCode.ENCRYPTION_VALUE_TAMPERED
    assert "Wrenfield" not in str(refused.value)
