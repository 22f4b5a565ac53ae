"""Item 3 of the trust issue: what is signed is sealed, and `check` notices any change.

Before the fix, whoever had the database key could drop a trigger, edit a signed note,
put the trigger back (or a same-named one that does nothing) and `check` said ok; deleting
the newest audit rows passed too. Now every signed note and addendum carries a seal (its
canonical content digested and signed with the clinician's Ed25519 key, wrapped by the
passphrase), check verifies every seal, the whole chain and each trigger's SQL, and the
chain's head is anchored outside the database at every clean close.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pytestqt.qtbot import QtBot

from clarity_desktop.services import notes, practices
from clarity_desktop.store import audit_chain
from clarity_desktop.store import practice as store
from clarity_desktop.store.files import db_path
from clarity_desktop.store.practice import OpenPractice, PracticeBehind
from clarity_desktop.store.seals import _message, digest
from clarity_desktop.store.sqlite import practice as sqlite_practice
from clarity_desktop.store.sqlite import triggers
from clarity_desktop.store.sqlite.backend import SqliteBackend
from tests.faults.conftest import SignedRecord, cli

T = triggers.TRIGGERS


def tamper(folder: Path, passphrase: str, *statements: str) -> None:
    """A script with the database key: drops what is in its way, changes, puts it back."""
    key = store.unlock_key(folder, passphrase)
    conn = sqlcipher.connect(str(db_path(folder)), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def check(folder: Path, passphrase: str, *extra: str) -> tuple[int, str]:
    r = cli("check", "--data-dir", str(folder), *extra, passphrase=passphrase)
    assert "Traceback" not in r.stderr
    return r.returncode, r.stdout + r.stderr


@pytest.fixture
def closed(signed: SignedRecord, practice: OpenPractice) -> SignedRecord:
    practice.close()
    return signed


def test_an_untouched_practice_passes_check(
    closed: SignedRecord, practice_dir: Path, passphrase: str
) -> None:
    code, out = check(practice_dir, passphrase)
    assert code == 0, out
    assert "every seal verified" in out


def test_a_signed_note_edited_behind_its_triggers_is_found(
    closed: SignedRecord, practice_dir: Path, passphrase: str
) -> None:
    n = closed.note_id
    tamper(
        practice_dir,
        passphrase,
        "DROP TRIGGER trg_notes_signed_no_update",
        f'UPDATE notes SET sections = \'{{"focus": "They agreed on everything."}}\' WHERE id = {n}',
        T["trg_notes_signed_no_update"],
    )
    code, out = check(practice_dir, passphrase)
    assert code == 2
    assert f"Note {n}" in out and "changed after it was signed" in out


def test_the_edited_note_is_named_in_the_window_s_language(
    qapp: object, closed: SignedRecord, practice_dir: Path, passphrase: str
) -> None:
    from PySide6.QtCore import QLocale

    from clarity_desktop.domain.errors import ErrorCode
    from clarity_desktop.ui.common import language
    from clarity_desktop.ui.common.messages import error_text

    n = closed.note_id
    tamper(
        practice_dir,
        passphrase,
        "DROP TRIGGER trg_notes_signed_no_update",
        f"UPDATE notes SET sections = '{{}}' WHERE id = {n}",
        T["trg_notes_signed_no_update"],
    )
    with pytest.raises(store.PracticeError) as caught:
        practices.check_practice(practice_dir, passphrase)
    finding = caught.value.params["problem"]
    assert getattr(finding, "code", None) is ErrorCode.SEAL_CHANGED
    before = QLocale()
    assert language.install("es")
    try:
        said = error_text(caught.value)
    finally:
        language.install("en")
        QLocale.setDefault(before)
    assert said.startswith(f"Nota {n} (sesión del ")
    assert said.endswith("): se modificó después de firmarse.")
    assert str(caught.value).startswith(f"Note {n} (session of ")


@pytest.mark.parametrize(
    ("trigger", "edit"),
    [
        (
            "trg_partner_readings_signed_no_update",
            "UPDATE partner_readings SET direction = 'letting_go' WHERE note_id = {n}",
        ),
        ("trg_note_steps_signed_no_delete", "DELETE FROM note_steps WHERE note_id = {n}"),
        (
            "trg_couple_readings_signed_no_update",
            "UPDATE couple_readings SET intensity = 0 WHERE note_id = {n}",
        ),
        (
            "trg_sessions_signed_no_update",
            "UPDATE sessions SET starts_at = '2024-03-02 10:00:00.000000' WHERE id = {s}",
        ),
    ],
)
def test_what_is_locked_with_the_note_is_sealed_with_it(
    closed: SignedRecord, practice_dir: Path, passphrase: str, trigger: str, edit: str
) -> None:
    tamper(
        practice_dir,
        passphrase,
        f"DROP TRIGGER {trigger}",
        edit.format(n=closed.note_id, s=closed.session_id),
        T[trigger],
    )
    code, out = check(practice_dir, passphrase)
    assert code == 2 and "changed after it was signed" in out


def test_an_edited_addendum_is_found(
    closed: SignedRecord, practice_dir: Path, passphrase: str
) -> None:
    tamper(
        practice_dir,
        passphrase,
        "DROP TRIGGER trg_addenda_no_update",
        f"UPDATE addenda SET body = 'Nothing to add.' WHERE id = {closed.addendum_id}",
        T["trg_addenda_no_update"],
    )
    code, out = check(practice_dir, passphrase)
    assert code == 2 and f"Addendum {closed.addendum_id}" in out


def test_a_same_named_trigger_that_does_nothing_is_found(
    closed: SignedRecord, practice_dir: Path, passphrase: str
) -> None:
    tamper(
        practice_dir,
        passphrase,
        "DROP TRIGGER trg_notes_signed_no_update",
        "CREATE TRIGGER trg_notes_signed_no_update BEFORE UPDATE ON notes WHEN 0 "
        "BEGIN SELECT 1; END",
    )
    code, out = check(practice_dir, passphrase)
    assert code == 2 and "trg_notes_signed_no_update" in out


def test_deleting_the_newest_audit_rows_is_found(
    closed: SignedRecord, practice_dir: Path, passphrase: str
) -> None:
    opened = practices.unlock_practice(practice_dir, passphrase)
    notes.open_note(opened.uow(), closed.note_id)  # a "viewed" row, the newest
    opened.close()  # a clean close anchors the chain's head
    tamper(
        practice_dir,
        passphrase,
        "DROP TRIGGER trg_audit_no_delete",
        "DELETE FROM audit_events WHERE id >= (SELECT max(id) - 1 FROM audit_events)",
        T["trg_audit_no_delete"],
    )
    with pytest.raises(PracticeBehind, match="missing work that was saved up to"):
        practices.unlock_practice(practice_dir, passphrase)
    code, out = check(practice_dir, passphrase)
    assert code == 2 and "missing work" in out
    code, out = check(practice_dir, passphrase, "--accept-missing-work")
    assert code == 0, out
    practices.unlock_practice(practice_dir, passphrase).close()  # and it opens again


def test_an_older_copy_put_in_place_of_the_database_is_found(
    closed: SignedRecord, practice_dir: Path, passphrase: str, tmp_path: Path
) -> None:
    """The database goes backwards: a copy from before the latest work (or a file that
    lost its log). Before the fix it opened as if nothing had happened."""
    old = tmp_path / "older.clarity"
    old.write_bytes(db_path(practice_dir).read_bytes())
    opened = practices.unlock_practice(practice_dir, passphrase)
    notes.add_addendum(opened.uow(), closed.note_id, "Saved after the copy was taken.")
    opened.close()
    db_path(practice_dir).write_bytes(old.read_bytes())
    with pytest.raises(PracticeBehind):
        practices.unlock_practice(practice_dir, passphrase)


def test_a_forged_seal_with_a_rebuilt_chain_is_found(
    closed: SignedRecord, practice_dir: Path, passphrase: str
) -> None:
    """The strongest attacker with the database key alone: edits the note, signs a new
    digest with a key of their own and rebuilds the whole hash chain."""
    key = store.unlock_key(practice_dir, passphrase)
    conn: Any = sqlcipher.connect(str(db_path(practice_dir)), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    n = closed.note_id
    forged = Ed25519PrivateKey.generate()
    for name in ("trg_notes_signed_no_update", "trg_audit_no_update"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(f'UPDATE notes SET sections = \'{{"focus": "forged"}}\' WHERE id = {n}')
    row = conn.execute(
        f"SELECT id, detail FROM audit_events WHERE action = 'sealed' AND entity = 'note' AND entity_id = {n}"
    ).fetchone()
    body = json.loads(row[1])
    # The attacker recomputes the digest from the edited rows with the program's own code.
    # No signer: the passphrase is unknown.
    opened = sqlite_practice.open_with_key(practice_dir, key, SqliteBackend())
    from clarity_desktop.services.integrity import _note_query
    from clarity_desktop.store.seals import note_content, public_hex

    with opened.uow().reading() as s:
        note = next(x for x in s.scalars(_note_query()) if x.id == n)
        d = digest(note_content(note))
    opened.close()
    sig = forged.sign(_message("note", n, d, body.get("user"))).hex()
    body.update(digest=d, key=public_hex(forged), sig=sig)
    conn.execute("UPDATE audit_events SET detail = ? WHERE id = ?", (json.dumps(body), row[0]))
    prev = audit_chain.GENESIS
    for r in conn.execute(
        "SELECT id, at, user_id, actor, action, entity, entity_id, case_id, detail, hash_format "
        "FROM audit_events ORDER BY id"
    ).fetchall():
        from datetime import datetime

        at = datetime.fromisoformat(r[1])
        if r[9] == 1:
            h = audit_chain.row_digest(prev, r[0], at, *r[3:9])
        else:
            h = audit_chain.row_digest_v2(prev, r[0], at, *r[2:9])
        conn.execute(
            "UPDATE audit_events SET prev_hash = ?, row_hash = ? WHERE id = ?", (prev, h, r[0])
        )
        prev = h
    conn.execute(T["trg_notes_signed_no_update"])
    conn.execute(T["trg_audit_no_update"])
    conn.close()
    (practice_dir / "practice.anchor").unlink()  # and removes the anchor that would tell,
    import dataclasses  # and the key file's note that there was one (its checksum redone)

    from clarity_desktop.store.files import key_path

    keyfile = store.read_key_file(practice_dir)
    dataclasses.replace(keyfile, anchored=False).write_atomically(key_path(practice_dir))
    code, out = check(practice_dir, passphrase)
    assert code == 2
    assert "a key this practice does not know" in out


def test_the_unlock_window_explains_missing_work_and_lets_the_clinician_go_on(
    qtbot: QtBot, closed: SignedRecord, practice_dir: Path, passphrase: str, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from clarity_desktop.ui.practice.unlock import UnlockWindow

    old = tmp_path / "older.clarity"
    old.write_bytes(db_path(practice_dir).read_bytes())
    opened = practices.unlock_practice(practice_dir, passphrase)
    notes.add_addendum(opened.uow(), closed.note_id, "Saved after the copy was taken.")
    opened.close()
    db_path(practice_dir).write_bytes(old.read_bytes())
    window = UnlockWindow(practice_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.passphrase, passphrase)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "missing work" in window.error.text(), timeout=10000)
    assert window.accept_button.isVisible()
    with qtbot.waitSignal(window.unlocked, timeout=10000) as blocker:
        window.accept_button.click()
    reopened = blocker.args[0]
    try:
        with reopened.uow() as uow:
            from sqlalchemy import select

            from clarity_desktop.store.models import AuditEvent

            actions = uow.session.scalars(select(AuditEvent.action)).all()
        assert "accepted_missing_work" in actions
    finally:
        reopened.close()
    practices.unlock_practice(practice_dir, passphrase).close()  # opens plainly from now on


def test_a_lost_anchor_file_is_noticed_once_the_practice_has_had_one(
    closed: SignedRecord, practice_dir: Path, passphrase: str
) -> None:
    """Deleting the anchor to hide rows cut from the end of the audit trail is noticed."""
    (practice_dir / "practice.anchor").unlink()
    with pytest.raises(PracticeBehind, match="lost its anchor file"):
        practices.unlock_practice(practice_dir, passphrase)
    code, out = check(practice_dir, passphrase, "--accept-missing-work")
    assert code == 0, out
    assert (practice_dir / "practice.anchor").exists()
