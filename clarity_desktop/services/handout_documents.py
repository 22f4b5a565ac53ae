"""Client handouts and the steps overview, and the rules for whom a handout is for.

A handout is made from the step, the first names the therapist chose and the therapist's
message, and nothing else: no note, reading or case detail is read for it. In a case
with a safety flag every handout (joint, one partner's, an individual client's) is the
safety-aware version, with practices for one person in place of joint exercises, and is
refused until the therapist confirms (acknowledge_safety). The command line and the
program choose whom a handout is for by the same rules (plan_handout, find_partner).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.csv_clients import name_key
from clarity_desktop.domain.errors import ErrorCode, ValidationError, Wording
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import handouts, layout
from clarity_desktop.reports.layout import Destination
from clarity_desktop.services import handout_language, views
from clarity_desktop.services.document_audit import (
    DocumentAction,
    audit,
    check_action,
    detail,
    first_name,
    in_language,
)
from clarity_desktop.services.dto import CaseDetail, PartnerView
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.uow import UnitOfWork

MAX_FIRST_NAMES = 4
MAX_FIRST_NAME = 60
MAX_MESSAGE = 3000


def clean_first_names(first_names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    names = tuple(" ".join(n.split()) for n in first_names if n and n.strip())
    if not names:
        raise ValidationError(ErrorCode.PLEASE_GIVE_FIRST_NAME_NAMES, "first_names")
    if len(names) > MAX_FIRST_NAMES:
        raise ValidationError(
            ErrorCode.HANDOUT_ADDRESSED_MOST_PEOPLE, "first_names", max_first_names=MAX_FIRST_NAMES
        )
    if any(len(n) > MAX_FIRST_NAME for n in names):
        raise ValidationError(
            ErrorCode.FIRST_NAME_HANDOUT_HAS_MOST, "first_names", max_first_name=MAX_FIRST_NAME
        )
    return names


def clean_message(message: str) -> str:
    text = (message or "").strip()
    if len(text) > MAX_MESSAGE:
        raise ValidationError(
            ErrorCode.MESSAGE_TOO_LONG_HANDOUT_MOST,
            "message",
            max_message=MAX_MESSAGE,
        )
    return text


def handout_pdf(
    uow: UnitOfWork,
    case_id: int,
    step: Step,
    first_names: list[str] | tuple[str, ...],
    message: str = "",
    out: Destination = None,
    *,
    partner_id: int | None = None,
    acknowledge_safety: bool = False,
    given_on: date | None = None,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    language: Language | str | None = None,
) -> bytes | None:
    """One step's client handout. *partner_id* None in a couple case means a joint
    handout (both partners). In a case with a safety flag every handout is the
    safety-aware version and needs *acknowledge_safety*. *language* None: the
    partner's preferred language (services.handout_language)."""
    check_action(action)
    size = layout.page_size_name(page_size)
    names = clean_first_names(first_names)
    text = clean_message(message)
    require(uow.principal, Permission.READ_RECORDS, Permission.MAKE_DOCUMENTS)
    with uow.reading() as db:
        case = views.case_detail(db, case_id)
    if partner_id is not None and partner_id not in {p.id for p in case.partners}:
        raise ValidationError(ErrorCode.PARTNER_NOT_IN_CASE, "partner_id")
    joint = case.kind is CaseKind.COUPLE and partner_id is None
    if case.safety_flag and not acknowledge_safety:
        code = ErrorCode.SAFETY_FLAG_JOINT if joint else ErrorCode.SAFETY_FLAG_INDIVIDUAL
        raise ValidationError(code, "acknowledge_safety")
    lang = handout_language.choose(case, partner_id, language)
    handout = handouts.HandoutInput(
        step=Step(step),
        first_names=names,
        message=text,
        given_on=given_on or date.today(),
        author=uow.actor,
        safety_aware=case.safety_flag,
        language=lang,
    )
    data = handouts.build_handout(
        handout, out, page_size=size, password=password or None, progress=progress
    )
    who = "joint" if joint else f"partner {partner_id}" if partner_id else "client"
    what = f"client handout PDF, step {int(step)}, {who}{in_language(lang)}"
    if case.safety_flag:
        what = f"{what}, safety-aware version, safety flag acknowledged"
    audit(uow, action, "case", case.id, case.id, detail(what, out, password))
    return data


def steps_overview_pdf(
    uow: UnitOfWork,
    out: Destination = None,
    *,
    case_id: int | None = None,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    language: Language | str | None = None,
) -> bytes | None:
    """The one-page overview of the five steps for clients; *case_id* links the audit
    row to the case it was given for, and (without *language*) prints it in the
    language the couple prefer (English when they differ)."""
    check_action(action)
    size = layout.page_size_name(page_size)
    require(uow.principal, Permission.MAKE_DOCUMENTS)
    case = None
    if case_id is not None:
        with uow.reading() as db:
            case = views.case_detail(db, case_id)  # a clear error for a wrong number
    lang = handout_language.choose(case, None, language)
    data = handouts.build_overview(
        out,
        author=uow.actor,
        page_size=size,
        password=password or None,
        progress=progress,
        language=lang,
    )
    entity, entity_id = ("case", case_id) if case_id is not None else ("practice", None)
    what = detail(f"five steps overview PDF{in_language(lang)}", out, password)
    audit(uow, action, entity, entity_id, case_id, what)
    return data


# Whom a handout is for -----------------------------------------------------------------


@dataclass(frozen=True)
class HandoutPlan:
    step: Step
    first_names: tuple[str, ...]
    partner_id: int | None  # None: a joint handout


def find_partner(case: CaseDetail, name: str) -> PartnerView:
    """The partner called *name*, by full or first name, ignoring case, accents, spaces
    and punctuation ("zoe" finds "Zoë", "Lukasz" finds "Łukasz")."""
    wanted = name_key(name)
    matches = [p for p in case.partners if wanted and name_key(p.name) == wanted]
    if not matches:
        matches = [p for p in case.partners if wanted and name_key(first_name(p.name)) == wanted]
    known = ", ".join(p.name for p in case.partners)
    if len(matches) > 1:
        raise ValidationError(
            ErrorCode.MORE_THAN_ONE_PARTNER_CALLED,
            "partner_name",
            name=name,
            known=known,
        )
    if not matches:
        raise ValidationError(
            ErrorCode.THERE_NO_PARTNER_CALLED_CASE,
            "partner_name",
            name=name,
            known=known,
        )
    return matches[0]


def plan_handout(
    case: CaseDetail, *, partner: str | None = None, joint: bool = False, step: Step | None = None
) -> HandoutPlan:
    """Who a handout is for and at which step: one partner (by name) at their own step, or
    both partners when they stand at the same step. *step* overrides the recorded step."""
    if case.kind is CaseKind.INDIVIDUAL:
        if joint:
            raise ValidationError(ErrorCode.JOINT_HANDOUT_COUPLES_INDIVIDUAL_CASE)
        chosen = find_partner(case, partner) if partner else case.partners[0]
    elif joint and partner:
        raise ValidationError(ErrorCode.CHOOSE_JOINT_HANDOUT_ONE_PARTNER)
    elif joint:
        names = tuple(first_name(p.name) for p in case.partners)
        if step is None:
            steps = {p.current_step for p in case.partners}
            if len(steps) != 1 or None in steps:
                where = tuple(
                    Wording(ErrorCode.PARTNER_AT_STEP, name=p.name, step=int(p.current_step))
                    if p.current_step
                    else Wording(ErrorCode.PARTNER_AT_NO_STEP, name=p.name)
                    for p in case.partners
                )
                raise ValidationError(
                    ErrorCode.PARTNERS_DO_NOT_STAND_ONE,
                    "step",
                    where=where,
                )
            step = steps.pop()
        assert step is not None
        return HandoutPlan(Step(step), names, None)
    elif partner:
        chosen = find_partner(case, partner)
    else:
        raise ValidationError(ErrorCode.COUPLE_CHOOSE_JOINT_HANDOUT_ONE, "partner")
    chosen_step = step or chosen.current_step
    if chosen_step is None:
        raise ValidationError(ErrorCode.NO_STEP_RECORDED_YET_CHOOSE, "step", name=chosen.name)
    return HandoutPlan(Step(chosen_step), (first_name(chosen.name),), chosen.id)
