"""Two writers at once: a big import must not shut everyone else out, and the note editor
must wait calmly for another program that holds the write lock, keeping every word typed
and saving it once the lock is free, without showing an error."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, importer, notes, practices, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.models import Case
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.ui.note.note_editor import NoteEditor
from tests.conftest import PASSPHRASE

TODAY = date(2026, 11, 24)
HOLD_S = 8  # longer than SQLite's busy timeout (5 s), so a plain wait would give up


def client_list(rows: int) -> bytes:
    lines = ["Full name,Pronouns,Date of birth,E-mail"]
    lines += [
        f"Client {i:05d},they/them,1980-03-{i % 28 + 1:02d},c{i}@example.org" for i in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.slow
def test_another_writer_is_not_refused_during_a_20000_row_import(practice: OpenPractice) -> None:
    preview = importer.preview_bytes(practice.uow(), client_list(20_000), today=TODAY)
    assert len(preview.rows) == 20_000 and not preview.rejected
    other = practices.unlock_practice(practice.folder, PASSPHRASE)  # as another program would
    done = threading.Event()
    failures: list[BaseException] = []

    def run_import() -> None:
        try:
            importer.import_clients(practice.uow(), preview, today=TODAY)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)
        finally:
            done.set()

    worker = threading.Thread(target=run_import)
    worker.start()
    written = 0
    try:
        while not done.wait(0.05):
            cases.create_case(
                other.uow(),
                CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput(f"Walk-in {written}"),)),
            )
            written += 1
    finally:
        worker.join()
        other.close()
    assert not failures
    assert written > 0
    with practice.uow() as uow:
        assert uow.session.execute(select(func.count(Case.id))).scalar_one() == 20_000 + written


HOLDER = textwrap.dedent(
    """
    import sys, time
    import sqlcipher3.dbapi2 as sqlcipher
    path, key, hold = sys.argv[1], sys.argv[2], float(sys.argv[3])
    conn = sqlcipher.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA key = \\"x'{key}'\\"")
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(hold)
    conn.execute("ROLLBACK")
    conn.close()
    print("released", flush=True)
    """
)


@pytest.mark.slow
def test_autosave_waits_for_another_program_holding_the_lock_and_loses_nothing(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 11, 20, 10))
    )
    note = notes.note_for_session(practice.uow(), s.id)
    editor = NoteEditor(practice)
    qtbot.addWidget(editor)
    editor.show()
    editor.show_note(note, couple_case.partners)
    edit = editor.section_edits()[0]

    # Every state the editor shows, as it sets it (polling could miss a short one).
    seen: list[str] = []
    label = editor.save_state
    show = label.setText

    def record(text: str) -> None:
        seen.append(text)
        show(text)

    label.setText = record  # type: ignore[method-assign]

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLDER,
            str(practice.folder / "practice.clarity"),
            practice.db_key.hex(),
            str(HOLD_S),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        words = []
        for i in range(6):  # typing goes on while the other program holds the lock
            word = f"word{i} "
            qtbot.keyClicks(edit, word)
            words.append(word)
            qtbot.wait(700)
        assert editor.dirty  # nothing could be saved yet
        assert holder.stdout.readline().strip() == "released"
    finally:
        holder.wait(timeout=30)
    qtbot.waitUntil(lambda: not editor.dirty, timeout=20000)

    saved = notes.open_note(practice.uow(), note.id).sections.get("focus", "")
    assert saved == "".join(words)
    assert not [t for t in seen if "Not saved" in t or "wrong" in t.lower()], seen
    assert any("Waiting to save" in t for t in seen), seen
    assert seen[-1].startswith("Saved")
