"""The front desk on a practice server (issue 13): Fran Diaz sees every clinician's
sessions and every client's contact details, and nothing clinical, refused first by the
permission module and again by the server itself when asked with raw SQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from clarity_desktop.domain.errors import NotPermitted
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseInput, CaseKind, Modality, PartnerInput, SessionInput
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.services import (
    cases,
    front_desk,
    notes,
    plans,
    search,
    sessions,
    today,
)
from clarity_desktop.store.practice import OpenPractice
from tests.pg_practice import FRAN, PgPractices
from tests.services.front_desk_case import (
    ADDENDUM,
    MONDAY,
    NOTE_PHRASE,
    SAFETY_NOTE,
    DeskWeek,
    desk_week,
)
from tests.store.pg_case import connect


@pytest.fixture
def week(pg_practices: PgPractices, tmp_path: Path) -> Iterator[DeskWeek]:
    with desk_week(pg_practices, tmp_path) as made:
        yield made


@pytest.fixture
def fran(pg_practices: PgPractices, week: DeskWeek, tmp_path: Path) -> Iterator[OpenPractice]:
    opened = pg_practices.unlock(week.dbname, FRAN, tmp_path / "fran")
    yield opened
    opened.close()


def test_the_front_desk_sees_every_clinicians_week_with_no_reason_and_no_note(
    fran: OpenPractice, week: DeskWeek, pg_practices: PgPractices
) -> None:
    plan = front_desk.schedule(fran.uow(), MONDAY, 7)
    seen = [
        (s.starts_at, s.client_name, s.clinicians, s.status, s.ask_first) for s in plan.sessions
    ]
    assert seen == [
        (datetime(2026, 3, 2, 10), "Zoë & Łukasz", ("Dana Reyes",), SessionStatus.HELD, True),
        (datetime(2026, 3, 2, 11), "Robin Vale", ("Eli Park",), SessionStatus.SCHEDULED, False),
        (datetime(2026, 3, 3, 9), "Zoë & Łukasz", ("Dana Reyes",), SessionStatus.HELD, True),
        (datetime(2026, 3, 4, 15), "Zoë & Łukasz", ("Dana Reyes",), SessionStatus.SCHEDULED, True),
    ]
    booked = next(s for s in plan.sessions if s.session_id == week.booked_id)
    assert (booked.duration_minutes, booked.modality, booked.attending) == (
        80,
        Modality.TELEHEALTH,
        "Zoë Brandt",
    )
    assert [s.client_name for s in plan.on(MONDAY)] == ["Zoë & Łukasz", "Robin Vale"]
    # A day alone, and a week with nothing in it.
    assert len(front_desk.schedule(fran.uow(), MONDAY.replace(day=4), 1).sessions) == 1
    assert front_desk.schedule(fran.uow(), MONDAY.replace(month=4), 7).sessions == ()
    # Nothing clinical anywhere in what came back.
    words = repr(plan) + repr(front_desk.contacts(fran.uow()))
    for secret in (NOTE_PHRASE, SAFETY_NOTE, ADDENDUM, "Draft words"):
        assert secret not in words
    # Looking is audited, in her name.
    rows = pg_practices.audit_rows(fran.folder)
    assert ("viewed", "practice", None, None, FRAN.name, "schedule 2026-03-02") in rows
    assert ("viewed", "practice", None, None, FRAN.name, "contact details") in rows


def test_the_front_desk_has_every_clients_contact_details_and_clinician(
    fran: OpenPractice, week: DeskWeek
) -> None:
    found = {c.client_name: c for c in front_desk.contacts(fran.uow())}
    assert list(found) == ["Robin Vale", "Zoë & Łukasz"]
    couple = found["Zoë & Łukasz"]
    assert couple.clinicians == ("Dana Reyes",) and couple.ask_first
    assert [(p.name, p.phone, p.email, p.pronouns, p.language) for p in couple.people] == [
        ("Zoë Brandt", "555 0101", "zoe@example.org", "", Language.EN),
        ("Łukasz Nowak", "555 0102", "", "he/him", Language.EN),
    ]
    robin = found["Robin Vale"]
    assert robin.clinicians == ("Eli Park",) and not robin.ask_first
    assert robin.case_kind is CaseKind.INDIVIDUAL


def _refusals(fran: OpenPractice, week: DeskWeek) -> dict[str, Callable[[], Any]]:
    return {
        "case list": lambda: cases.list_cases(fran.uow()),
        "open case": lambda: cases.open_case(fran.uow(), week.couple_id),
        "note": lambda: notes.note_for_session(fran.uow(), week.held_id),
        "search": lambda: search.search_notes(fran.uow(), "kitchen"),
        "today": lambda: today.day_plan(fran.uow()),
        "plan": lambda: plans.open_plan(fran.uow(), week.couple_id),
        "book": lambda: sessions.schedule_sessions(
            fran.uow(), week.couple_id, SessionInput(datetime(2026, 3, 9, 10))
        ),
        "new case": lambda: cases.create_case(
            fran.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Kim"),))
        ),
    }


def test_every_clinical_read_or_write_is_refused_by_the_permission_module(
    fran: OpenPractice, week: DeskWeek
) -> None:
    for name, attempt in _refusals(fran, week).items():
        with pytest.raises(NotPermitted) as caught:
            attempt()
        assert caught.value.who == FRAN.name, name


CLINICAL = (
    "SELECT sections FROM notes",
    "SELECT body FROM addenda",
    "SELECT tokens FROM note_search",
    "SELECT safety_note FROM cases",
    "SELECT status_reason FROM sessions",
    "SELECT * FROM partner_readings",
    "SELECT * FROM couple_readings",
    "SELECT * FROM session_markers",
    "SELECT * FROM treatment_plans",
    "SELECT * FROM measure_responses",
    "SELECT * FROM handouts_given",
    "SELECT detail FROM audit_events",
)


def test_the_server_refuses_her_login_every_clinical_table_and_column(
    pg_practices: PgPractices, week: DeskWeek
) -> None:
    with connect(pg_practices.cluster, FRAN, week.dbname) as conn:
        for statement in CLINICAL:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # What the desk needs the server does give: whose client each case is.
        assigned = conn.execute(
            "SELECT u.display_name FROM case_access a JOIN users u ON u.id = a.user_id "
            "ORDER BY a.case_id"
        ).fetchall()
        assert assigned == [("Dana Reyes",), ("Eli Park",)]
        # And nothing it may change, neither a booking nor a contact.
        for statement in (
            "UPDATE sessions SET starts_at = starts_at + interval '1 hour'",
            "UPDATE partners SET phone = '000'",
            "UPDATE cases SET display_name = 'x'",
            "DELETE FROM case_access",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)


def test_a_clinician_reads_the_same_schedule_of_her_own_cases_on_either_store(
    practice: OpenPractice,
) -> None:
    """The permission is a clinician's too (a solo practice's one user may do everything);
    only a server knows whom a case is assigned to."""
    made = cases.create_case(
        practice.uow(),
        CaseInput(CaseKind.INDIVIDUAL, "Kim Ahn", (PartnerInput("Kim Ahn", phone="555 0199"),)),
    )
    sessions.schedule_sessions(practice.uow(), made.id, SessionInput(datetime(2026, 3, 3, 9)))
    plan = front_desk.schedule(practice.uow(), MONDAY, 7)
    assert [(s.client_name, s.status) for s in plan.sessions] == [
        ("Kim Ahn", SessionStatus.SCHEDULED)
    ]
    on_server = practice.backend.name == "postgresql"
    assert plan.sessions[0].clinicians == (("Dana Reyes",) if on_server else ())
    [contact] = front_desk.contacts(practice.uow())
    assert [p.phone for p in contact.people] == ["555 0199"]
