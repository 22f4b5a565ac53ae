"""The progress report with its goals and measures: gathered here, from the plan review
(services/plan_goals.py) and the measures' course (services/measures.py), then made by
services/documents.py's progress_pdf like the rest of the report.

Apart from documents.py because the measures' module reaches documents.py (through the
check-in form), so documents.py cannot reach back; the command line and the document
dialog both come here (services/document_request.py). The plan review and the measures are
read in the report's one read (plan_goals.review_in, measures.scored_measures), and the
document's one audit row follows once it exists.

What each partner said alone stays with them: every mark and score keeps where it was
given, and reports/progress_plan.py leaves out those from private sessions unless the
clinician includes private sessions' readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session as DbSession

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.domain.languages import DEFAULT as DEFAULT_LANGUAGE
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.plans import owners
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.timeline import INDIVIDUAL_SESSION, PRIVATE_SESSION
from clarity_desktop.reports.layout import Destination
from clarity_desktop.reports.progress_plan import (
    GoalInPeriod,
    GoalMark,
    MeasureTable,
    PlanInPeriod,
    ScoreRow,
)
from clarity_desktop.reports.summary_facts import Period
from clarity_desktop.services import documents, measures, plan_goals
from clarity_desktop.services.document_audit import DocumentAction
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.store.models import Case
from clarity_desktop.store.uow import UnitOfWork


def _privacy(session: SessionView | None, private: bool | None = None) -> str:
    """Where a mark or score was given, when that was private: "individual session" (one
    partner in the room) or "private session"; "" when it may be shown."""
    if session is None:
        return PRIVATE_SESSION if private else ""
    if not (session.note_private if private is None else private):
        return ""
    return INDIVIDUAL_SESSION if session.attending_partner_id is not None else PRIVATE_SESSION


def plan_in_period(db: DbSession, case: CaseDetail, period: Period) -> PlanInPeriod:
    """The goals of the plan in force, each with the marks of the period's notes."""
    row = db.get(Case, case.id)
    assert row is not None  # read a moment ago in the same read
    review = plan_goals.review_in(db, row, since=period.start, instruments=())
    if review.version is None:
        return PlanInPeriod(None)
    names = {p.id: p.name for p in case.partners}
    sessions = {s.id: s for s in case.sessions}
    order = {o: i for i, o in enumerate(owners(list(names), len(names) > 1))}
    goals = sorted(review.goals, key=lambda g: order.get(g.goal.owner, len(order)))
    return PlanInPeriod(
        review.version.version,
        tuple(
            GoalInPeriod(
                "" if g.goal.owner is None else names.get(g.goal.owner, "?"),
                g.goal.text,
                tuple(
                    GoalMark(
                        n.starts_at.date(),
                        n.progress,
                        _privacy(sessions.get(n.session_id), n.private),
                    )
                    for n in g.notes
                    if n.starts_at in period
                ),
            )
            for g in goals
        ),
    )


def measures_in_period(
    db: DbSession,
    case: CaseDetail,
    period: Period,
    instruments: Sequence[Instrument],
    language: Language,
) -> tuple[MeasureTable, ...]:
    """Per instrument and score, a row per session (or per check-in answered outside a
    session) in the period: each partner's score and the gap between them."""
    found = measures.scored_measures(db, case.id, instruments)
    ids = [pid for pid, _name, _language in found.partners]
    partners = tuple(name for _pid, name, _language in found.partners)
    sessions = {s.id: s for s in case.sessions}
    tables = []
    for course in found.instruments:
        instrument = course.instrument
        for score in course.scores:
            title = instrument.title.in_language(language)
            if len(instrument.scores) > 1:
                scoring = instrument.scoring(score.scoring_id)
                title = f"{title} · {scoring.title.in_language(language)}"
            gaps = {g.session_id: g.gap for g in score.gaps}
            grouped: dict[tuple[str, int], dict[int, measures.ScorePoint]] = {}
            for pid, points in score.by_partner.items():
                for point in points:
                    if point.answered_on not in period:
                        continue
                    key = (
                        ("session", point.session_id)
                        if point.session_id is not None
                        else ("answers", point.answer_set_id)
                    )
                    grouped.setdefault(key, {})[pid] = point
            rows = []
            for (what, number), by_partner in grouped.items():
                session_id = number if what == "session" else None
                rows.append(
                    ScoreRow(
                        min(p.answered_on for p in by_partner.values()),
                        tuple(by_partner[p].value if p in by_partner else None for p in ids),
                        tuple(p in by_partner for p in ids),
                        gaps.get(session_id) if session_id is not None else None,
                        _privacy(sessions.get(session_id)) if session_id is not None else "",
                    )
                )
            rows.sort(key=lambda r: r.on)
            if rows:
                tables.append(MeasureTable(title, partners, tuple(rows)))
    return tuple(tables)


def progress_pdf(
    uow: UnitOfWork,
    case_id: int,
    start: date,
    end: date,
    out: Destination = None,
    *,
    instruments: Sequence[Instrument] | None = None,
    page_size: str = "A4",
    password: str | None = None,
    progress: Progress | None = None,
    action: DocumentAction = AuditAction.EXPORTED,
    include_private_readings: bool = False,
    include_safety_note: bool = False,
    language: Language | str = DEFAULT_LANGUAGE,
) -> bytes | None:
    """The progress report for *start* .. *end* with the goals of the plan in force and
    the check-in scores of the period (*instruments*: the practice's catalogue; None,
    the shipped ones). Returns the bytes when *out* is None."""
    period = documents.check_period(start, end)
    lang = Language(language)
    catalogue = measures.catalogue() if instruments is None else instruments

    def gather(db: DbSession, case: CaseDetail) -> tuple[PlanInPeriod, tuple[MeasureTable, ...]]:
        return (
            plan_in_period(db, case, period),
            measures_in_period(db, case, period, catalogue, lang),
        )

    return documents.progress_pdf(
        uow,
        case_id,
        start,
        end,
        out,
        page_size=page_size,
        password=password,
        progress=progress,
        action=action,
        include_private_readings=include_private_readings,
        include_safety_note=include_safety_note,
        language=lang,
        gather=gather,
    )
