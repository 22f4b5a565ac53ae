"""Every clinical text of a case, not only its notes, is unreadable on the practice server.

Dana writes through the services what a couple's record holds beside its notes: the
relationship structure and safety note, a cancelled session's reason, a marker's quote, a
partner's and the couple's reading, a plan's concerns, goals, objectives, interventions
and agreement, a note's goal comment and a questionnaire's answers; her supervisor Sam
returns a draft with a comment. The server's superuser then looks where a disk thief or a
curious administrator would (every row, every relation file, a pg_dump): no marker word
may be found, and every value of every case-key column of encryption/columns.py must have
the encrypted form (dates and answers carry no word to look for).
Failed before: only notes.sections and addenda.body were encrypted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.markers import MarkerKind
from clarity_desktop.domain.plans import Concern, Goal, Objective, PlanContent, ProgressMark
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import (
    cases,
    key_sharing,
    markers,
    measures,
    notes,
    plan_goals,
    plans,
    sessions,
    staff,
    supervision,
)
from clarity_desktop.store.postgres.encryption import columns, values
from clarity_desktop.store.practice import OpenPractice
from tests.domain.instrument_examples import LICENSED
from tests.faults.test_pg_encryption import (
    _every_relation_file,
    _every_table_as_text,
    _pg_dump,
)
from tests.pg_practice import ADMIN, DANA, SAM, PgPractices, rows
from tests.services.conftest import note_draft

# One word per column, nobody else's, so a word found anywhere names the column it leaked from.
WORDS = {
    "cases.relationship_structure": "Brindleworth",
    "cases.safety_note": "Quasselhorn",
    "sessions.status_reason": "Vellichorby",
    "session_markers.text": "Marrowglint",
    "partner_readings.flooding_note": "Tamsinfloe",
    "couple_readings.loop_other": "Gorsewhistle",
    "couple_readings.trigger": "Pellucidane",
    "couple_readings.co_regulation_note": "Wrenlatch",
    "note_goals.comment": "Cindervault",
    "treatment_plans.interventions": "Ombrellino",
    "treatment_plans.agreement": "Saffronwick",
    "plan_concerns.text": "Drizzlemoor",
    "plan_goals.text": "Lanternquay",
    "plan_objectives.text": "Featherstook",
    "note_reviews.comment": "Kestrelbane",
}


@pytest.fixture
def people(pg_practices: PgPractices, tmp_path: Path) -> Iterator[list[OpenPractice]]:
    dbname = pg_practices.new_database(tmp_path)
    opened = [pg_practices.unlock(dbname, p, tmp_path / p.login) for p in (DANA, SAM, ADMIN)]
    try:
        yield opened
    finally:
        for practice in opened:
            practice.close()
        pg_practices.drop(dbname)


def _w(column: str) -> str:
    return WORDS[column]


@dataclass(frozen=True)
class Written:
    case_id: int
    robin: int
    met: int  # the session with the readings, marker, goal comment and answers
    note_id: int  # its note, returned by Sam
    called_off: int
    answer_set: int
    goal_key: str


def write_everything(dana: OpenPractice, sam: OpenPractice, admin: OpenPractice) -> Written:
    """Through the services, as the window would: one marker word in every case-key text."""
    case = cases.create_case(
        dana.uow(),
        CaseInput(
            CaseKind.COUPLE,
            "",
            (
                PartnerInput("Robin Vale", date_of_birth=date(1984, 6, 9)),
                PartnerInput("Sasha Vale"),
            ),
            relationship_structure=f"Married, {_w('cases.relationship_structure')}",
            safety_flag=True,
            safety_note=f"Ask about {_w('cases.safety_note')} first.",
        ),
    )
    robin, sasha = (p.id for p in case.partners)
    earlier = sessions.create_session(dana.uow(), case.id, SessionInput(datetime(2026, 2, 23, 10)))
    assert earlier.note_id is not None
    notes.save_draft(dana.uow(), earlier.note_id, note_draft({"focus": "A first meeting."}))
    notes.sign_note(dana.uow(), earlier.note_id)
    notes.add_addendum(dana.uow(), earlier.note_id, "They asked for a later time.")
    staff.set_supervision(admin, SAM.login, DANA.login, SupervisionMode.APPROVE)
    for request in key_sharing.pending_shares(dana):  # Sam reads the text he reviews
        key_sharing.share_case_key(dana, request.case_id, request.reader)
    met = sessions.create_session(dana.uow(), case.id, SessionInput(datetime(2026, 3, 2, 10)))
    called_off = sessions.create_session(
        dana.uow(), case.id, SessionInput(datetime(2026, 3, 9, 10))
    )
    sessions.cancel_session(dana.uow(), called_off.id, f"Away at {_w('sessions.status_reason')}.")
    markers.add_marker(
        dana.uow(), met.id, MarkerKind.QUOTE, text=f"We said {_w('session_markers.text')}."
    )
    started = plans.start_version(dana.uow(), case.id)
    assert started.draft is not None
    goal = Goal(
        None,
        f"Slow the loop at {_w('plan_goals.text')}.",
        (Objective(f"One talk at {_w('plan_objectives.text')}."),),
    )
    plans.save_draft(
        dana.uow(),
        started.draft.id,
        PlanContent(
            concerns=(Concern(robin, f"Worried about {_w('plan_concerns.text')}."),),
            goals=(goal,),
            interventions=(f"Mapping the {_w('treatment_plans.interventions')} loop",),
            agreement=f"No big decision before {_w('treatment_plans.agreement')}.",
        ),
    )
    assert met.note_id is not None
    draft = note_draft({"focus": "They named the loop together."})
    notes.save_draft(
        dana.uow(),
        met.note_id,
        replace(
            draft,
            partner_readings={
                robin: PartnerReading(
                    position=2,
                    flooded=True,
                    flooding_note=f"Flooded at {_w('partner_readings.flooding_note')}.",
                ),
                sasha: PartnerReading(position=-1),
            },
            couple_reading=CoupleReading(
                loops=frozenset({Loop.PURSUE_WITHDRAW}),
                loop_other=f"Also {_w('couple_readings.loop_other')}.",
                intensity=6,
                trigger=f"Set off by {_w('couple_readings.trigger')}.",
                co_regulation=True,
                co_regulation_note=f"Calmed with {_w('couple_readings.co_regulation_note')}.",
            ),
        ),
    )
    plan_goals.set_note_goals(
        dana.uow(),
        met.note_id,
        {goal.key: (ProgressMark.MOVING, f"Closer to {_w('note_goals.comment')}")},
    )
    folder = dana.folder / "measures"
    folder.mkdir()
    (folder / "practice_scale.toml").write_text(LICENSED, encoding="utf-8")
    check_in = measures.find(measures.catalogue(dana.folder), "session_check_in")
    calm: dict[str, int | None] = {
        "safe_to_speak": 4,
        "heard": 3,
        "clarity": 2,
        "hope": 3,
        "pressure": 0,
    }
    answered = measures.record_answers(
        dana.uow(), check_in, case.id, robin, calm, session_id=met.id
    )
    supervision.submit(dana.uow(), met.note_id)
    supervision.return_note(sam.uow(), met.note_id, f"Say more on {_w('note_reviews.comment')}.")
    return Written(case.id, robin, met.id, met.note_id, called_off.id, answered.id, goal.key)


def _found_in(blob: bytes) -> list[str]:
    lowered = blob.lower()
    return [column for column, word in WORDS.items() if word.lower().encode() in lowered]


def test_no_case_text_is_anywhere_on_the_server(people: list[OpenPractice], tmp_path: Path) -> None:
    dana, sam, admin = people
    write_everything(dana, sam, admin)

    assert _found_in(_every_table_as_text(dana)) == []
    assert _found_in(_every_relation_file(dana)) == []
    dumped = _pg_dump(dana, tmp_path)
    assert b"COPY clarity.plan_objectives" in dumped
    assert _found_in(dumped) == []


def test_every_case_key_value_has_the_encrypted_form(people: list[OpenPractice]) -> None:
    dana, sam, admin = people
    write_everything(dana, sam, admin)
    plain: dict[str, list[str]] = {}
    for table, spec in columns.ENCRYPTED.items():
        for column, scope in spec.columns.items():
            if scope != columns.CASE:
                continue
            # A JSON column holds its encrypted text as a JSON string: #>> '{}' unquotes it.
            value = f"{column} #>> '{{}}'" if column in spec.json else f"{column}::text"
            found = [r[0] for r in rows(dana, f"SELECT {value} FROM clarity.{table}")]
            assert found, f"{table} has no row: the check would prove nothing"
            wrong = [v for v in found if not values.is_encrypted(v)]
            if wrong:
                plain[f"{table}.{column}"] = wrong[:2]
    assert plain == {}
