"""One request for a document, whichever front asks for it.

The command line (``report``) and the document dialog both describe what they want as a
frozen DocumentRequest (which document, for which case, note, partner and step, with
which options, written where) and hand it to :func:`render`, the one place that knows
which service call makes which document. A new kind of document is one
entry here, and both fronts can make it.

Resolving what a person typed (a partner's name, a session number, "the latest note")
into ids stays with each front, which says what went wrong in its own words; the request
carries ids only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.domain.errors import ErrorCode, Phrase, ValidationError
from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.steps import Step
from clarity_desktop.reports.layout import Destination
from clarity_desktop.services import (
    documents,
    handout_documents,
    measure_forms,
    plan_document,
    progress_report,
)
from clarity_desktop.services.document_audit import DocumentAction
from clarity_desktop.store.uow import UnitOfWork

__all__ = ["KINDS", "DocumentKind", "DocumentRequest", "render"]

KINDS: tuple[DocumentKind, ...] = tuple(DocumentKind)
CHECK_IN_MEASURE = "session_check_in"  # the form a check-in request makes unless told


@dataclass(frozen=True)
class DocumentRequest:
    """What to make. Fields a kind does not use are ignored by it:

    - note: *note_id*;
    - summary: *case_id*, the two include_* options;
    - progress: *case_id*, *date_from* and *date_to* (both included), the include_* options,
      *instruments* (the practice's measures catalogue for its check-in scores; None: the
      shipped ones);
    - handout: *case_id*, *step*, *first_names*, *message*, *partner_id* (None: both
      partners of a couple), *acknowledge_safety*;
    - steps: *case_id* optional (it links the audit row to the case);
    - plan: *case_id*, *plan_version* (None: the plan in force, else the draft),
      *acknowledgement* (the partners' lines at the end);
    - check-in: *case_id*, *partner_id*, *measure* and *instruments* (the form is in the
      partner's language on their record).

    *language* (handout, steps) None: the partner's preferred language, see
    services.handout_language; (note, summary, progress, plan) the language of the program's
    words around what was written and recorded, None: English.

    *out* is a file path, or None for the bytes (a preview, printing); *action* is what
    the audit row says was done with it.
    """

    kind: DocumentKind
    case_id: int | None = None
    note_id: int | None = None
    partner_id: int | None = None
    step: Step | None = None
    first_names: tuple[str, ...] = ()
    message: str = ""
    acknowledge_safety: bool = False
    date_from: date | None = None
    date_to: date | None = None
    include_private_readings: bool = False
    include_safety_note: bool = False
    plan_version: int | None = None
    acknowledgement: bool = False
    instruments: tuple[Instrument, ...] | None = None  # progress, check-in: the catalogue
    measure: str | None = None  # check-in: the instrument's id (None: the session check-in)
    page_size: str = "A4"
    language: Language | None = None
    password: str | None = None
    out: Destination = None
    action: DocumentAction = AuditAction.EXPORTED

    def __post_init__(self) -> None:
        # The text of a kind ("handout") is accepted too; the request holds the enum.
        try:
            kind = DocumentKind(self.kind)
        except ValueError:
            raise ValueError(f"unknown document kind {self.kind!r}") from None
        object.__setattr__(self, "kind", kind)

    def to(
        self, out: Destination, action: DocumentAction, password: str | None = None
    ) -> DocumentRequest:
        """The same document, written to *out* (None: returned as bytes) as *action*."""
        return replace(self, out=out, action=action, password=password)


def _needs(value: object, what: Phrase, field: str) -> None:
    if value is None:
        raise ValidationError(ErrorCode.DOCUMENT_CHOICE_MISSING, field, what=what)


def render(
    uow: UnitOfWork, request: DocumentRequest, *, progress: Progress | None = None
) -> bytes | None:
    """Make the document *request* asks for (one audit row once it exists). Returns the
    PDF's bytes when the request's *out* is None."""
    r = request
    size, password, action = r.page_size, r.password, r.action
    if r.kind is DocumentKind.NOTE:
        _needs(r.note_id, Phrase.SESSION_NOTE, "note")
        assert r.note_id is not None
        return documents.note_pdf(
            uow,
            r.note_id,
            r.out,
            language=r.language or Language.EN,
            page_size=size,
            password=password,
            progress=progress,
            action=action,
        )
    if r.kind is DocumentKind.STEPS:
        return handout_documents.steps_overview_pdf(
            uow,
            r.out,
            case_id=r.case_id,
            language=r.language,
            page_size=size,
            password=password,
            progress=progress,
            action=action,
        )
    _needs(r.case_id, Phrase.CASE, "case")
    assert r.case_id is not None
    if r.kind is DocumentKind.SUMMARY:
        return documents.summary_pdf(
            uow,
            r.case_id,
            r.out,
            page_size=size,
            password=password,
            progress=progress,
            action=action,
            include_private_readings=r.include_private_readings,
            include_safety_note=r.include_safety_note,
            language=r.language or Language.EN,
        )
    if r.kind is DocumentKind.CHECK_IN:
        _needs(r.partner_id, Phrase.PARTNER, "partner")
        assert r.partner_id is not None
        found = r.instruments if r.instruments is not None else measure_forms.catalogue()
        return measure_forms.check_in_pdf(
            uow,
            r.case_id,
            r.partner_id,
            measure_forms.find(found, r.measure or CHECK_IN_MEASURE),
            r.out,
            page_size=size,
            password=password,
            progress=progress,
            action=action,
        )
    if r.kind is DocumentKind.PLAN:
        return plan_document.plan_pdf(
            uow,
            r.case_id,
            r.out,
            version=r.plan_version,
            acknowledgement=r.acknowledgement,
            page_size=size,
            password=password,
            progress=progress,
            action=action,
            language=r.language or Language.EN,
        )
    if r.kind is DocumentKind.PROGRESS:
        _needs(r.date_from, Phrase.PERIOD_START, "period")
        _needs(r.date_to, Phrase.PERIOD_END, "period")
        assert r.date_from is not None and r.date_to is not None
        return progress_report.progress_pdf(
            uow,
            r.case_id,
            r.date_from,
            r.date_to,
            r.out,
            instruments=r.instruments,
            page_size=size,
            password=password,
            progress=progress,
            action=action,
            include_private_readings=r.include_private_readings,
            include_safety_note=r.include_safety_note,
            language=r.language or Language.EN,
        )
    # The handout. Privacy: only the step, the first names and the message go in.
    _needs(r.step, Phrase.STEP, "step")
    assert r.step is not None
    return handout_documents.handout_pdf(
        uow,
        r.case_id,
        r.step,
        r.first_names,
        r.message,
        r.out,
        partner_id=r.partner_id,
        acknowledge_safety=r.acknowledge_safety,
        language=r.language,
        page_size=size,
        password=password,
        progress=progress,
        action=action,
    )
