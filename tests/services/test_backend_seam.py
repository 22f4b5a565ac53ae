"""Services reach storage through the backend they are given (store/backend.py), never
around it: a practice opened with another backend gets that backend's search index and
integrity check. This is how a second engine (PostgreSQL) plugs in without a change to
services/."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from clarity_desktop.domain.errors import Wording
from clarity_desktop.domain.records import CaseInput, CaseKind, Modality, PartnerInput, SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import backups, cases, notes, practices, search, sessions
from clarity_desktop.services.dto import NoteDraft
from clarity_desktop.store import opening
from clarity_desktop.store.backend import OpenPractice
from clarity_desktop.store.search_index import SearchIndex, SearchRow
from clarity_desktop.store.sqlite.backend import SqliteBackend
from tests.conftest import CLINICIAN, CREDENTIALS, PASSPHRASE


class RecordingIndex:
    """The SQLite index, noting every call made to it."""

    def __init__(self, inner: SearchIndex) -> None:
        self.inner = inner
        self.ranked_at_most = inner.ranked_at_most
        self.keeps_query_in_audit = inner.keeps_query_in_audit
        self.calls: list[tuple[str, Any]] = []

    def accepts(self, user_text: str) -> bool:
        return self.inner.accepts(user_text)

    def index_note(self, db: Session, note_id: int, body: str) -> None:
        self.calls.append(("index_note", note_id))
        self.inner.index_note(db, note_id, body)

    def index_addendum(self, db: Session, note_id: int, addendum_id: int, body: str) -> None:
        self.calls.append(("index_addendum", note_id))
        self.inner.index_addendum(db, note_id, addendum_id, body)

    def query(self, db: Session, user_text: str, limit: int) -> list[SearchRow]:
        self.calls.append(("query", user_text))
        return self.inner.query(db, user_text, limit)


class RecordingBackend(SqliteBackend):
    def __init__(self) -> None:
        super().__init__()
        self.search: RecordingIndex = RecordingIndex(self.search)
        self.checked = 0
        self.keys: list[str] = []

    def integrity_problems(self, practice: OpenPractice) -> list[Wording]:
        self.checked += 1
        return super().integrity_problems(practice)

    # The key file and the restore lock, noted by name
    @contextlib.contextmanager
    def exclusive(self, folder: Path) -> Iterator[None]:
        self.keys.append("exclusive")
        with super().exclusive(folder):
            yield

    def unlock_secrets(self, folder: Path, secret: str) -> tuple[bytes, bytes | None]:
        self.keys.append("unlock_secrets")
        return super().unlock_secrets(folder, secret)

    def practice_id(self, folder: Path) -> str:
        self.keys.append("practice_id")
        return super().practice_id(folder)

    def rewrap_passphrase(
        self, practice: OpenPractice, secret: str, new_passphrase: str, *, recovery: bool = False
    ) -> bytes:
        self.keys.append("rewrap_passphrase")
        return super().rewrap_passphrase(practice, secret, new_passphrase, recovery=recovery)

    def trusted_keys(self, practice: OpenPractice) -> set[str]:
        self.keys.append("trusted_keys")
        return super().trusted_keys(practice)

    def legacy_sealed(self, practice: OpenPractice) -> bool:
        self.keys.append("legacy_sealed")
        return super().legacy_sealed(practice)


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch) -> RecordingBackend:
    made = RecordingBackend()
    monkeypatch.setattr(opening, "backend_for", lambda _folder: made)
    return made


@pytest.fixture
def opened(backend: RecordingBackend, tmp_path: Path) -> Iterator[OpenPractice]:
    practice, _recovery = practices.create_practice(
        tmp_path / "p", PASSPHRASE, PASSPHRASE, CLINICIAN, CREDENTIALS
    )
    try:
        yield practice
    finally:
        practice.close()


def a_note(opened: OpenPractice, text: str) -> int:
    case = cases.create_case(
        opened.uow(),
        CaseInput(
            kind=CaseKind.INDIVIDUAL,
            display_name="",
            partners=(PartnerInput(name="Søren Ødegård", pronouns="they/them"),),
            relationship_structure="Dating",
            opened_on=date(2024, 2, 1),
        ),
    )
    made = sessions.create_session(
        opened.uow(),
        case.id,
        SessionInput(
            starts_at=datetime(2025, 3, 4, 10),
            duration_minutes=50,
            modality=Modality.IN_PERSON,
            attending_partner_id=None,
        ),
    )
    assert made.note_id is not None
    draft = NoteDraft(Template.FIVE_STEPS, {"focus": text}, frozenset(), {}, False)
    notes.save_draft(opened.uow(), made.note_id, draft)
    return made.note_id


def test_notes_are_indexed_and_found_through_the_practices_backend(
    backend: RecordingBackend, opened: OpenPractice
) -> None:
    assert opened.backend is backend
    note_id = a_note(opened, "Sketched a genogram of both families.")
    assert ("index_note", note_id) in backend.search.calls

    hits = search.search_notes(opened.uow(), "genog")

    assert [h.note_id for h in hits] == [note_id]
    assert ("query", "genog") in backend.search.calls


def test_the_integrity_check_is_the_backends(
    backend: RecordingBackend, opened: OpenPractice
) -> None:
    assert practices.integrity_problems(opened) == []
    assert backend.checked == 1


def test_a_search_with_no_words_never_reaches_the_index(
    backend: RecordingBackend, opened: OpenPractice
) -> None:
    assert search.search_notes(opened.uow(), " -* ") == []
    assert [c for c in backend.search.calls if c[0] == "query"] == []


def test_a_new_passphrase_is_set_through_the_backend(
    backend: RecordingBackend, opened: OpenPractice
) -> None:
    practices.change_passphrase(
        opened, PASSPHRASE, "a much newer passphrase", "a much newer passphrase"
    )
    assert backend.keys == ["rewrap_passphrase"]
    opened.close()
    again = practices.unlock_practice(opened.folder, "a much newer passphrase")
    again.close()


def test_checking_a_practice_reads_its_seals_keys_through_the_backend(
    backend: RecordingBackend, opened: OpenPractice
) -> None:
    a_note(opened, "Named the pursue-withdraw cycle together.")
    opened.close()
    practices.check_practice(opened.folder, PASSPHRASE)
    assert "legacy_sealed" in backend.keys and "trusted_keys" in backend.keys


def test_a_restore_holds_the_practice_and_reads_its_keys_through_the_backend(
    backend: RecordingBackend, opened: OpenPractice
) -> None:
    kept = backups.backup_now(opened, opened.folder.parent / "stick")
    note_id = a_note(opened, "Written after the backup.")
    assert [h.note_id for h in search.search_notes(opened.uow(), "after")] == [note_id]
    opened.close()
    backend.keys.clear()

    backups.restore(opened.folder, kept.folder, PASSPHRASE)

    assert backend.keys[:3] == ["exclusive", "unlock_secrets", "practice_id"]
    again = practices.unlock_practice(opened.folder, PASSPHRASE)
    try:
        assert search.search_notes(again.uow(), "after") == []  # the backup's state is back
    finally:
        again.close()
