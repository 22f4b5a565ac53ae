"""Every case-key text on a practice server, read back through the services: what Dana
wrote comes back as written (the server holds only ciphertext, tests/faults/
test_pg_case_text.py); a value the server moves or rolls back is refused as tampered,
never shown; and Eli, given the case but not yet its key, sees the case with each text
locked, cannot change it, and gets no document of it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.locked_text import LOCKED_TEXT
from clarity_desktop.domain.records import CaseInput, PartnerInput
from clarity_desktop.services import (
    cases,
    documents,
    markers,
    measures,
    notes,
    plan_goals,
    plans,
    staff,
    supervision,
)
from clarity_desktop.store.practice import OpenPractice
from tests.faults.test_pg_case_text import WORDS, Written, write_everything
from tests.pg_practice import ADMIN, DANA, ELI, SAM, PgPractices, as_dba, rows

Group = tuple[OpenPractice, OpenPractice, OpenPractice, OpenPractice]


@pytest.fixture
def group(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Group]:
    dbname = pg_practices.new_database(tmp_path)
    opened = [pg_practices.unlock(dbname, p, tmp_path / p.login) for p in (DANA, SAM, ADMIN, ELI)]
    try:
        yield opened[0], opened[1], opened[2], opened[3]
    finally:
        for practice in opened:
            practice.close()
        pg_practices.drop(dbname)


@pytest.fixture
def written(group: Group) -> Written:
    dana, sam, admin, _eli = group
    return write_everything(dana, sam, admin)


def _has(text: str, column: str) -> None:
    assert WORDS[column] in text, f"{column}: {text!r}"


def _check_in(dana: OpenPractice) -> measures.Instrument:
    return measures.find(measures.catalogue(dana.folder), "session_check_in")


def test_every_text_comes_back_as_written(group: Group, written: Written) -> None:
    dana = group[0]
    case = cases.read_case(dana.uow(), written.case_id)
    _has(case.relationship_structure, "cases.relationship_structure")
    _has(case.safety_note, "cases.safety_note")
    assert case.partners[0].date_of_birth == date(1984, 6, 9)
    assert case.partners[1].date_of_birth is None
    called_off = next(s for s in case.sessions if s.id == written.called_off)
    _has(called_off.status_reason, "sessions.status_reason")
    [marker] = markers.session_markers(dana.uow(), written.met)
    _has(marker.text, "session_markers.text")
    note = notes.read_note(dana.uow(), written.note_id)
    _has(note.partner_readings[written.robin].flooding_note, "partner_readings.flooding_note")
    assert note.couple_reading is not None
    _has(note.couple_reading.loop_other, "couple_readings.loop_other")
    _has(note.couple_reading.trigger, "couple_readings.trigger")
    _has(note.couple_reading.co_regulation_note, "couple_readings.co_regulation_note")
    [link] = plan_goals.note_goals(dana.uow(), written.note_id).links
    _has(link.comment, "note_goals.comment")
    draft = plans.read_plan(dana.uow(), written.case_id).draft
    assert draft is not None
    content = draft.content
    _has(content.interventions[0], "treatment_plans.interventions")
    _has(content.agreement, "treatment_plans.agreement")
    _has(content.concerns[0].text, "plan_concerns.text")
    _has(content.goals[0].text, "plan_goals.text")
    _has(content.goals[0].objectives[0].text, "plan_objectives.text")
    steps = supervision.review_status(dana.uow(), written.note_id).steps
    _has(steps[-1].comment, "note_reviews.comment")
    # The answers open and score; a change is written under the next row version and
    # opens again (a value bound to the old version would now be refused).
    scored = measures.case_measures(dana.uow(), written.case_id, (_check_in(dana),))
    assert len(scored.instruments) == 1 and scored.unknown == ()
    calmer: dict[str, int | None] = {
        "safe_to_speak": 4,
        "heard": 4,
        "clarity": 3,
        "hope": 3,
        "pressure": 0,
    }
    changed = measures.change_answers(dana.uow(), _check_in(dana), written.answer_set, calmer)
    assert changed.answers == calmer
    assert measures.case_measures(dana.uow(), written.case_id, (_check_in(dana),)).unknown == ()


def test_a_changed_text_is_written_again_and_reads_back(group: Group, written: Written) -> None:
    """A save re-encrypts a row's texts under its next row version, the new rows of the
    drafts too (readings, goals, objectives): each opens after the save."""
    dana = group[0]
    changed = cases.update_case(
        dana.uow(),
        written.case_id,
        CaseInput(
            cases.read_case(dana.uow(), written.case_id).kind,
            "",
            (
                PartnerInput("Robin Vale", date_of_birth=date(1985, 1, 2)),
                PartnerInput("Sasha Vale"),
            ),
            relationship_structure="Living apart together",
            safety_flag=True,
            safety_note="Plan agreed for calls.",
        ),
    )
    assert changed.safety_note == "Plan agreed for calls."
    again = cases.read_case(dana.uow(), written.case_id)
    assert (again.relationship_structure, again.partners[0].date_of_birth) == (
        "Living apart together",
        date(1985, 1, 2),
    )
    draft = plans.read_plan(dana.uow(), written.case_id).draft
    assert draft is not None
    goal = replace(draft.content.goals[0], text="Slow the loop on weeknights.")
    plans.save_draft(dana.uow(), draft.id, replace(draft.content, goals=(goal,)))
    reread = plans.read_plan(dana.uow(), written.case_id).draft
    assert reread is not None and reread.content.goals[0].text == "Slow the loop on weeknights."
    versions = rows(dana, "SELECT row_version FROM plan_goals")
    assert max(int(v[0]) for v in versions) >= 1


def _refused(call: object) -> ErrorCode:
    with pytest.raises(ClarityError) as refused:
        call()  # type: ignore[operator]
    return refused.value.code


def test_a_moved_or_rolled_back_value_is_refused_as_tampered(
    group: Group, written: Written
) -> None:
    dana = group[0]
    # A plan goal's text moved onto the plan's concern (another table, another row).
    as_dba(
        dana,
        "UPDATE plan_concerns SET text = (SELECT text FROM plan_goals LIMIT 1)",
    )
    assert (
        _refused(lambda: plans.read_plan(dana.uow(), written.case_id))
        is ErrorCode.ENCRYPTION_VALUE_TAMPERED
    )
    # The case's safety note put back from before a save (row_version moved on).
    before = rows(dana, f"SELECT safety_note FROM cases WHERE id = {written.case_id}")[0][0]
    case = cases.read_case(dana.uow(), written.case_id)
    cases.update_case(
        dana.uow(),
        written.case_id,
        CaseInput(
            case.kind,
            "",
            tuple(PartnerInput(p.name, date_of_birth=p.date_of_birth) for p in case.partners),
            relationship_structure=case.relationship_structure,
            safety_flag=True,
            safety_note="A newer safety note.",
        ),
    )
    as_dba(dana, f"UPDATE cases SET safety_note = '{before}' WHERE id = {written.case_id}")
    assert (
        _refused(lambda: cases.read_case(dana.uow(), written.case_id))
        is ErrorCode.ENCRYPTION_VALUE_TAMPERED
    )


def test_without_the_key_the_case_opens_locked_and_nothing_is_written_or_printed(
    group: Group, written: Written
) -> None:
    dana, _sam, admin, eli = group
    staff.assign_case(admin, written.case_id, ELI.login)  # not shared: Eli holds no key
    case = cases.read_case(eli.uow(), written.case_id)
    assert (case.safety_note, case.relationship_structure) == (LOCKED_TEXT, LOCKED_TEXT)
    assert case.partners[0].date_of_birth is None
    note = notes.read_note(eli.uow(), written.note_id)
    assert note.couple_reading is not None and note.couple_reading.trigger == LOCKED_TEXT
    draft = plans.read_plan(eli.uow(), written.case_id).draft
    assert draft is not None and draft.content.goals[0].text == LOCKED_TEXT
    assert [m.text for m in markers.session_markers(eli.uow(), written.met)] == [LOCKED_TEXT]
    # Writing is refused: the sentence never goes back to the server as the text.
    code = _refused(
        lambda: cases.update_case(
            eli.uow(),
            written.case_id,
            CaseInput(
                case.kind,
                "",
                tuple(PartnerInput(p.name) for p in case.partners),
                safety_flag=True,
                safety_note="Eli's own words.",
            ),
        )
    )
    assert code is ErrorCode.ENCRYPTION_KEY_NOT_HELD
    # No document or export passes the sentence off as the record.
    assert (
        _refused(lambda: documents.summary_pdf(eli.uow(), written.case_id))
        is ErrorCode.ENCRYPTION_LOCKED_NOT_COPIED
    )
    # Dana's own reading is untouched by all of it.
    assert WORDS["cases.safety_note"] in cases.read_case(dana.uow(), written.case_id).safety_note
