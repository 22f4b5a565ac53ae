"""The practice server never holds a note's words, and a changed ciphertext is refused.

Dana writes a note and an addendum with marker phrases; the server's superuser then looks
everywhere a disk thief or a curious administrator would: every table's rows, every
relation file on disk (tables, their TOAST and every index) and a pg_dump of the database.
No marker word may appear. Then the superuser moves a ciphertext from one note to another
and puts an older ciphertext back after a newer save: Dana's program refuses both with
the tamper message instead of showing another note's text or an older draft.
Failed on main: the server stored note sections, addenda and the search index in plain.
"""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import notes, search, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.postgres import address, dump
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.practice import OpenPractice
from tests.pg_practice import SERVERS, as_dba, rows
from tests.services.conftest import note_draft

pytestmark = pytest.mark.parametrize("store_kind", ["postgres"], indirect=True)

# Words nobody else writes, so finding one anywhere means the text leaked.
NOTE_WORDS = ("Quillfeather", "marmaladeharbor", "Zephyrine")
NOTE_TEXT = f"{NOTE_WORDS[0]} said the {NOTE_WORDS[1]} talk felt safer with {NOTE_WORDS[2]}."
ADDENDUM_WORDS = ("Thistlewaite", "cobaltorchard")
ADDENDUM_TEXT = f"Later: {ADDENDUM_WORDS[0]} called about the {ADDENDUM_WORDS[1]} plan."
MARKERS = (*NOTE_WORDS, *ADDENDUM_WORDS)


def _session(practice: OpenPractice, case: CaseDetail, day: int) -> int:
    made = sessions.create_session(
        practice.uow(), case.id, SessionInput(starts_at=datetime(2025, 3, day, 10, 0))
    )
    assert made.note_id is not None
    return made.note_id


def _written(practice: OpenPractice, case: CaseDetail) -> tuple[int, int]:
    """A signed note with an addendum, and a draft note; their ids."""
    signed = _session(practice, case, 4)
    notes.save_draft(practice.uow(), signed, note_draft({"focus": NOTE_TEXT}))
    notes.sign_note(practice.uow(), signed)
    notes.add_addendum(practice.uow(), signed, ADDENDUM_TEXT)
    other = _session(practice, case, 11)
    notes.save_draft(practice.uow(), other, note_draft({"focus": "A quiet week, they said."}))
    return signed, other


def _dbname(practice: OpenPractice) -> str:
    return address.read(practice.folder).dbname


def _found_in(blob: bytes) -> list[str]:
    lowered = blob.lower()
    return [w for w in MARKERS if w.lower().encode() in lowered]


def _every_table_as_text(practice: OpenPractice) -> bytes:
    tables = [
        r[0] for r in rows(practice, "SELECT tablename FROM pg_tables WHERE schemaname = 'clarity'")
    ]
    assert "notes" in tables and "addenda" in tables and "note_search" in tables
    out: list[str] = []
    for table in tables:
        out += [str(r) for r in rows(practice, f"SELECT t::text FROM clarity.{table} t")]
    return "\n".join(out).encode()


def _every_relation_file(practice: OpenPractice) -> bytes:
    """The bytes on disk of the practice's tables, TOAST and indexes (PgCluster)."""
    return SERVERS[-1].cluster.relation_files(_dbname(practice))


def _pg_dump(practice: OpenPractice, tmp_path: Path) -> bytes:
    """A plain-SQL pg_dump by the superuser, as ``server backup`` runs the tool."""
    cluster = SERVERS[-1].cluster
    target = tmp_path / "practice.sql"
    superuser = ServerAddress(
        cluster.host, cluster.port, _dbname(practice), cluster.superuser, cluster.ca_file
    )
    done = subprocess.run(
        [
            str(cluster.bindir / "pg_dump"),
            "--no-password",
            "-h",
            cluster.host,
            "-p",
            str(cluster.port),
            "-U",
            cluster.superuser,
            "-f",
            str(target),
            _dbname(practice),
        ],
        env=dump.tool_env(superuser, cluster.superuser_password),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return target.read_bytes()


def test_no_marker_word_is_anywhere_on_the_server(
    practice: OpenPractice, couple_case: CaseDetail, tmp_path: Path
) -> None:
    signed, _other = _written(practice, couple_case)
    # The program itself reads and finds the text as written.
    view = notes.read_note(practice.uow(), signed)
    assert view.sections["focus"] == NOTE_TEXT
    assert [a.body for a in view.addenda] == [ADDENDUM_TEXT]
    assert {h.note_id for h in search.search_notes(practice.uow(), NOTE_WORDS[1])} == {signed}
    assert {h.note_id for h in search.search_notes(practice.uow(), ADDENDUM_WORDS[0])} == {signed}

    assert _found_in(_every_table_as_text(practice)) == []
    assert _found_in(_every_relation_file(practice)) == []
    dumped = _pg_dump(practice, tmp_path)
    assert b"COPY clarity.notes" in dumped  # the dump holds the notes table, encrypted
    assert _found_in(dumped) == []


def _refused(practice: OpenPractice, note_id: int) -> ClarityError:
    with pytest.raises(ClarityError) as refused:
        notes.read_note(practice.uow(), note_id)
    return refused.value


def _stored(practice: OpenPractice, note_id: int) -> tuple[Any, int]:
    found = rows(practice, f"SELECT sections::text, row_version FROM notes WHERE id = {note_id}")
    return found[0][0], int(found[0][1])


def test_a_ciphertext_moved_to_another_note_is_refused(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    signed, other = _written(practice, couple_case)
    as_dba(
        practice,
        f"UPDATE notes SET sections = (SELECT sections FROM notes WHERE id = {signed}), "
        f"row_version = (SELECT row_version FROM notes WHERE id = {signed}) WHERE id = {other}",
    )
    error = _refused(practice, other)
    assert error.code is ErrorCode.ENCRYPTION_VALUE_TAMPERED
    assert NOTE_WORDS[0] not in str(error)
    # The note it came from still opens as written.
    assert notes.read_note(practice.uow(), signed).sections["focus"] == NOTE_TEXT


def test_an_older_ciphertext_put_back_is_refused(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    _signed, draft = _written(practice, couple_case)
    older, _version = _stored(practice, draft)
    notes.save_draft(practice.uow(), draft, note_draft({"focus": "They decided to slow down."}))
    _newer, version = _stored(practice, draft)
    as_dba(practice, f"UPDATE notes SET sections = '{older}' WHERE id = {draft}")
    assert _stored(practice, draft) == (older, version)
    assert _refused(practice, draft).code is ErrorCode.ENCRYPTION_VALUE_TAMPERED


def test_an_addendum_moved_to_another_note_is_refused(
    practice: OpenPractice, couple_case: CaseDetail
) -> None:
    signed, _other = _written(practice, couple_case)
    notes.add_addendum(practice.uow(), signed, "A second, shorter addendum.")
    first, second = (int(r[0]) for r in rows(practice, "SELECT id FROM addenda ORDER BY id"))
    as_dba(
        practice,
        f"UPDATE addenda SET body = (SELECT body FROM addenda WHERE id = {first}) "
        f"WHERE id = {second}",
    )
    assert _refused(practice, signed).code is ErrorCode.ENCRYPTION_VALUE_TAMPERED
