"""The treatment plan as a PDF: one version of a case's plan, for the command line
(``report plan``) and the document dialog alike (services/document_request.py).

Which version: the one asked for, else the plan in force (the newest signed version),
else, while nothing is signed yet, the draft, which prints marked DRAFT on every page.
Reading the plan here is not audited on its own: the document's one row ("exported",
"printed" or "previewed", entity treatment_plan) says which version went out, once it
exists, as for every other document (services/documents.py).
"""

from __future__ import annotations

from datetime import datetime

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.locked_text import refuse_copy
from clarity_desktop.domain.plans import owners
from clarity_desktop.domain.progress import Progress
from clarity_desktop.reports import layout
from clarity_desktop.reports.clinician_words import words
from clarity_desktop.reports.layout import Destination
from clarity_desktop.reports.plan import PlanDocument, build_plan
from clarity_desktop.services import plans
from clarity_desktop.services.document_audit import (
    DocumentAction,
    audit,
    check_action,
    detail,
    in_language,
    local,
)
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.uow import UnitOfWork


def choose_version(plan: plans.CasePlan, version: int | None = None) -> plans.PlanVersion:
    """The version to print: *version*, or the plan in force, or (nothing signed yet)
    the draft. A case with no plan, or a version it never had, is said plainly."""
    if not plan.versions:
        raise ValidationError(ErrorCode.CASE_HAS_NO_PLAN, "plan")
    if version is None:
        chosen = plan.current or plan.draft
        assert chosen is not None  # a plan with versions has a signed one or a draft
        return chosen
    for v in plan.versions:
        if v.version == version:
            return v
    known = ", ".join(str(v.version) for v in plan.versions)
    raise ValidationError(ErrorCode.NO_PLAN_VERSION, "version", version=version, known=known)


def plan_document(
    plan: plans.CasePlan,
    chosen: plans.PlanVersion,
    clinician: str,
    *,
    acknowledgement: bool = False,
    language: Language | str = DEFAULT_LANGUAGE,
    now: datetime | None = None,
) -> PlanDocument:
    """What the printed plan shows: the sections in the plan's own order (the couple,
    then each partner), the owners named in *language*."""
    w = words(language)
    names = dict(plan.names)
    partner_ids = [i for i, _ in plan.names]
    refuse_copy([chosen.content])  # a goal, concern or agreement still locked for this reader
    return PlanDocument(
        clinician=clinician,
        case_id=plan.case_id,
        case_name=plan.case_name,
        owners=tuple(
            (o, w("The couple") if o is None else names.get(o, "?"))
            for o in owners(partner_ids, plan.couple)
        ),
        version=chosen.version,
        content=chosen.content,
        signed_by=chosen.signed_by,
        signed_at=local(chosen.signed_at) if chosen.signed_at else None,
        printed_at=(now or datetime.now()).astimezone(),
        acknowledgement=acknowledgement,
        partners=tuple(n for _, n in plan.names),
        language=w.language,
    )


def plan_pdf(
    uow: UnitOfWork,
    case_id: int,
    out: Destination = None,
    *,
    version: int | None = None,
    acknowledgement: bool = False,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    language: Language | str = DEFAULT_LANGUAGE,
) -> bytes | None:
    """One version of the case's treatment plan as a PDF (see :func:`choose_version`),
    its program words in *language*, with the partners' acknowledgement lines when asked.
    Returns the bytes when *out* is None."""
    check_action(action)
    require(uow.principal, Permission.READ_RECORDS, Permission.MAKE_DOCUMENTS)
    size = layout.page_size_name(page_size)
    plan = plans.read_plan(uow, case_id)
    chosen = choose_version(plan, version)
    doc = plan_document(plan, chosen, uow.actor, acknowledgement=acknowledgement, language=language)
    data = build_plan(doc, out, page_size=size, password=password or None, progress=progress)
    what = f"treatment plan PDF, version {chosen.version}"
    if not chosen.signed:
        what += " (unsigned draft)"
    if acknowledgement:
        what += ", with acknowledgement lines"
    what += in_language(doc.language)
    audit(uow, action, plans.ENTITY, chosen.id, plan.case_id, detail(what, out, password))
    return data
