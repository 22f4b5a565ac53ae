"""The printable check-in form made for one partner of a real case: in the language on
their record, found by first name, audited once the file exists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ErrorCode, NotFound, ValidationError
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, measure_forms
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools
from tests.services.conftest import AuditRow


def test_a_form_in_the_partner_s_language_is_written_and_audited(
    practice: OpenPractice, tmp_path: Path, audit_log: Callable[[], list[AuditRow]]
) -> None:
    case = cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(
                PartnerInput(name="Amara Osei"),
                PartnerInput(name="Lucía Reyes", language=Language.ES),
            ),
            relationship_structure="Dating",
            opened_on=date(2024, 1, 15),
        ),
    )
    check_in = measure_forms.find(measure_forms.catalogue(practice.folder), "session_check_in")
    for name, title in (
        ("lucia", "Cómo fue la sesión de hoy"),
        ("Amara", "How today's session felt"),
    ):
        out = tmp_path / f"{name}.pdf"
        measure_forms.check_in_pdf(practice.uow(), case.id, name, check_in, out)
        assert title in " ".join(pdftools.text(out).split())
        assert audit_log()[-1][:4] == ("exported", "case", case.id, case.id)


def test_an_unknown_partner_or_measure_is_refused(
    practice: OpenPractice, couple_case: CaseDetail, tmp_path: Path
) -> None:
    found = measure_forms.catalogue(None)
    with pytest.raises(NotFound) as missing:
        measure_forms.find(found, "nothing_like_it")
    assert missing.value.code is ErrorCode.NO_SUCH_MEASURE
    with pytest.raises(ValidationError):
        measure_forms.check_in_pdf(
            practice.uow(), couple_case.id, "Nobody", found[0], tmp_path / "x.pdf"
        )
    assert not (tmp_path / "x.pdf").exists()
