"""A partner's handout language: kept on their record, followed by a handout for them,
asked for when a couple's partners differ, and recorded with the handout given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import (
    cases,
    documents,
    handout_documents,
    handout_language,
    handouts_given,
    today,
)
from clarity_desktop.services.document_request import DocumentRequest, render
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools
from tests.services.conftest import AuditRow

ES, EN = Language.ES, Language.EN


def edit_input(case: CaseDetail, *languages: Language | None) -> CaseInput:
    """The case as the case dialog would send it back, with these handout languages."""
    return CaseInput(
        kind=case.kind,
        display_name=case.display_name,
        partners=tuple(
            PartnerInput(name=p.name, pronouns=p.pronouns, language=lang)
            for p, lang in zip(case.partners, languages, strict=True)
        ),
        relationship_structure=case.relationship_structure,
    )


def prefer(practice: OpenPractice, case: CaseDetail, *languages: Language | None) -> CaseDetail:
    return cases.update_case(practice.uow(), case.id, edit_input(case, *languages))


def test_a_new_partner_gets_english_and_an_edit_keeps_or_changes_the_language(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    assert [p.language for p in couple_case.partners] == [EN, EN]
    changed = prefer(practice, couple_case, ES, None)
    assert [p.language for p in changed.partners] == [ES, EN]
    # An edit that says nothing about languages (None) leaves them as they are.
    kept = prefer(practice, changed, None, None)
    assert [p.language for p in kept.partners] == [ES, EN]
    reread = cases.read_case(practice.uow(), couple_case.id)
    assert [p.language for p in reread.partners] == [ES, EN]


def test_a_case_created_in_spanish_keeps_it(practice: OpenPractice) -> None:
    case = cases.create_case(
        practice.uow(),
        CaseInput(
            CaseKind.INDIVIDUAL, "", (PartnerInput(name="Lucía Peña", language=ES),), "Dating"
        ),
    )
    assert case.partners[0].language is ES


def test_the_rule_for_each_kind_of_handout(practice: OpenPractice, couple_case: CaseDetail) -> None:
    zoe, lukasz = couple_case.partners
    same = handout_language.for_handout(couple_case, None)
    assert (same.language, same.choices, same.ask) == (EN, (EN,), False)
    case = prefer(practice, couple_case, None, ES)
    assert handout_language.for_handout(case, lukasz.id).language is ES
    assert handout_language.for_handout(case, zoe.id).language is EN
    joint = handout_language.for_handout(case, None)
    assert (joint.language, joint.choices, joint.ask) == (EN, (EN, ES), True)
    both_es = prefer(practice, case, ES, ES)
    assert handout_language.for_handout(both_es, None) == handout_language.HandoutLanguage(
        ES, (ES,), ask=False
    )
    assert handout_language.choose(both_es, None, "en") is EN  # the clinician's choice wins
    assert handout_language.choose(None, None, None) is EN


def test_a_partners_handout_follows_their_language(
    practice: OpenPractice,
    couple_case: CaseDetail,
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    case = prefer(practice, couple_case, None, ES)
    zoe, lukasz = case.partners
    for_lukasz = handout_documents.handout_pdf(
        practice.uow(), case.id, Step.LEAN_IN, ["Łukasz"], partner_id=lukasz.id,
        given_on=date(2026, 12, 6),
    )  # fmt: skip
    assert for_lukasz is not None
    text = pdftools.flat(pdftools.text(for_lukasz))
    assert "Explorar sin prisa" in text and "6 de diciembre de 2026" in text
    assert "Lean In" not in text
    for_zoe = handout_documents.handout_pdf(
        practice.uow(), case.id, Step.LEAN_IN, ["Zoë"], partner_id=zoe.id
    )
    assert for_zoe is not None and "Lean In" in pdftools.text(for_zoe)
    # A joint handout for partners who differ is English unless the clinician chooses.
    joint = render(
        practice.uow(),
        DocumentRequest("handout", case.id, step=Step.LEAN_IN, first_names=("Zoë", "Łukasz")),
    )
    assert joint is not None and "Lean In" in pdftools.text(joint)
    chosen = render(
        practice.uow(),
        DocumentRequest(
            "handout", case.id, step=Step.LEAN_IN, first_names=("Zoë", "Łukasz"), language=ES
        ),
    )
    assert chosen is not None and "Para Zoë y Łukasz" in pdftools.flat(pdftools.text(chosen))
    details = [r[5] for r in audit_log() if r[0] == "exported"]
    assert details == [
        f"client handout PDF, step 3, partner {lukasz.id}, in Spanish",
        f"client handout PDF, step 3, partner {zoe.id}",
        "client handout PDF, step 3, joint",
        "client handout PDF, step 3, joint, in Spanish",
    ]


def test_the_overview_for_a_spanish_speaking_couple_is_in_spanish(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    case = prefer(practice, couple_case, ES, ES)
    data = render(practice.uow(), DocumentRequest("steps", case.id))
    assert data is not None and "Cinco pasos hacia la claridad" in pdftools.text(data)
    plain = render(practice.uow(), DocumentRequest("steps"))
    assert plain is not None and "Five steps toward clarity" in pdftools.text(plain)


def test_the_language_given_is_recorded(
    practice: OpenPractice,
    couple_case: CaseDetail,
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    case = prefer(practice, couple_case, None, ES)
    zoe, lukasz = case.partners
    record = handouts_given.record_given
    to_lukasz = record(practice.uow(), case.id, Step.LEAN_IN, partner_id=lukasz.id)
    to_zoe = record(practice.uow(), case.id, Step.LEAN_IN, partner_id=zoe.id)
    joint = record(practice.uow(), case.id, Step.LEAN_IN)
    joint_es = record(practice.uow(), case.id, Step.LEAN_IN, language="es")
    assert [h.language for h in (to_lukasz, to_zoe, joint, joint_es)] == [ES, EN, EN, ES]
    rows = handouts_given.given_for_case(practice.uow(), case.id)
    assert sorted((h.id, h.language) for h in rows) == [
        (to_lukasz.id, ES),
        (to_zoe.id, EN),
        (joint.id, EN),
        (joint_es.id, ES),
    ]
    assert [r[5] for r in audit_log() if r[0] == "handout_given"] == [
        f"step 3, partner {lukasz.id}, in Spanish",
        f"step 3, partner {zoe.id}",
        "step 3, both partners",
        "step 3, both partners, in Spanish",
    ]


def test_the_case_summary_says_which_handout_was_given_in_spanish(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    case = prefer(practice, couple_case, None, ES)
    zoe, lukasz = case.partners
    handouts_given.record_given(practice.uow(), case.id, Step.LEAN_IN, partner_id=lukasz.id)
    handouts_given.record_given(practice.uow(), case.id, Step.LEAN_IN, partner_id=zoe.id)
    data = documents.summary_pdf(practice.uow(), case.id)
    assert data is not None
    printed = pdftools.flat(pdftools.text(data))
    assert "3 · Lean In, to Łukasz (in Spanish)" in printed
    assert "3 · Lean In, to Zoë (in" not in printed


def test_the_day_plan_says_a_handout_went_out_in_spanish(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> None:
    from tests.services.test_today import NOW, book

    case = prefer(practice, couple_case, None, ES)
    zoe, lukasz = case.partners
    last = record_session(case.id, NOW - timedelta(days=7))
    for partner in (zoe, lukasz):
        handouts_given.record_given(
            practice.uow(), case.id, Step.LEAN_IN, partner_id=partner.id, session_id=last.id
        )
    book(practice, case.id, NOW + timedelta(days=1))
    plan = today.day_plan(practice.uow(), NOW)
    assert [(h.partner_name, h.language) for h in plan.handouts] == [("Zoë", EN), ("Łukasz", ES)]
