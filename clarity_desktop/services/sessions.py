"""Recording a session. Each session gets its note (a draft) at once, so there is always
exactly one place to write about it."""

from __future__ import annotations

from clarity_desktop.domain.errors import NotFound, ValidationError
from clarity_desktop.domain.records import SessionInput, validate_session
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import views
from clarity_desktop.services.dto import SessionView
from clarity_desktop.store.models import Case, Note, Session
from clarity_desktop.store.uow import UnitOfWork, utcnow


def create_session(
    uow: UnitOfWork, case_id: int, data: SessionInput, template: Template = Template.FIVE_STEPS
) -> SessionView:
    validate_session(data)
    with uow:
        case = uow.session.get(Case, case_id)
        if case is None:
            raise NotFound(f"There is no case number {case_id}.")
        if case.status == "closed":
            raise ValidationError("This case is closed; reopen it to record a session.", "case")
        partner_ids = {p.id for p in case.partners}
        attending = data.attending_partner_id
        if attending is not None and attending not in partner_ids:
            raise ValidationError(
                "The attending partner does not belong to this case.", "attending"
            )
        if case.kind == "individual":
            attending = None  # the one client always attends their own sessions
        now = utcnow()
        session = Session(
            case_id=case.id,
            starts_at=data.starts_at.replace(second=0, microsecond=0),
            duration_minutes=data.duration_minutes,
            modality=data.modality.value,
            attending_partner_id=attending,
            created_at=now,
        )
        # An individual session within couples work is private by default: what one
        # partner says alone must not reach the couple unless the therapist decides so.
        session.note = Note(
            template=template.value,
            sections={},
            private=attending is not None,
            created_at=now,
            updated_at=now,
        )
        uow.session.add(session)
        uow.session.flush()
        uow.audit("created", "session", session.id, case.id)
        uow.commit()
        return views.session_view(case, session)
