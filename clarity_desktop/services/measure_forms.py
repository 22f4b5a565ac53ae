"""The printable check-in form for one partner of a case, in that partner's language.

Apart from services/measures.py because a form needs no answers: only the instrument, the
partner's name and language on their record. The catalogue of instruments lives here for
the same reason, and services/measures.py takes it from here. The PDF carries a client's name, so making
it is audited like any document (one "exported" row once the file exists).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, NotFound, ValidationError
from clarity_desktop.domain.instrument_files import load_instruments
from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.domain.progress import Progress
from clarity_desktop.reports import layout
from clarity_desktop.reports.layout import Destination
from clarity_desktop.reports.measure_forms import CheckInForm, build_check_in_form
from clarity_desktop.services import handout_documents, views
from clarity_desktop.services.document_audit import DocumentAction
from clarity_desktop.services.guidance import resources_dir
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store.uow import UnitOfWork


def catalogue(practice_folder: Path | None = None) -> tuple[Instrument, ...]:
    """Our instruments (resources/measures), then the practice's own
    (``<practice folder>/measures``), read afresh so an added file shows the next time."""
    shipped = resources_dir() / "measures"
    own = None if practice_folder is None else practice_folder / "measures"
    return load_instruments(shipped, own)


def find(instruments: Sequence[Instrument], instrument_id: str) -> Instrument:
    for instrument in instruments:
        if instrument.id == instrument_id:
            return instrument
    raise NotFound(ErrorCode.NO_SUCH_MEASURE, measure=instrument_id)


def check_in_pdf(
    uow: UnitOfWork,
    case_id: int,
    partner_id: int | str,
    instrument: Instrument,
    out: Destination = None,
    *,
    given_on: date | None = None,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
) -> bytes | None:
    """The form for one partner of the case (by id, as the document dialog chooses, or by
    full or first name, as the command line is given), in the language on their record; audited as *action* once it exists. Returns the bytes
    when *out* is None."""
    require(uow.principal, Permission.MAKE_DOCUMENTS)
    size = layout.page_size_name(page_size)
    with uow.reading() as db:
        case = views.case_detail(db, case_id)
    partner = (
        handout_documents.find_partner(case, partner_id)
        if isinstance(partner_id, str)
        else next((p for p in case.partners if p.id == partner_id), None)
    )
    if partner is None:
        raise ValidationError(ErrorCode.PARTNER_NOT_IN_CASE, "partner_id")
    form = CheckInForm(instrument, partner.name, partner.language, given_on, uow.actor)
    data = build_check_in_form(
        form, out, page_size=size, password=password or None, progress=progress
    )
    with uow:
        uow.audit(AuditAction(action), "case", case.id, case.id, f"{instrument.id} form")
        uow.commit()
    return data
