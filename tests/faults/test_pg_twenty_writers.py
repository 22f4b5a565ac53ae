"""Twenty people saving the same few notes on a practice server for a minute: no save is
lost and none silently overwrites another. Each writer reads a note, changes it and saves
against the version it read; a save refused as stale (EditConflict) is counted and the
writer reads again. Afterwards every accepted save has its own version, with no gaps,
the note holds the text of the last one, and the audit chain (appended by twenty
connections at once) verifies link by link.

CLARITY_WRITERS_SECONDS shortens the minute for a quick local run."""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from clarity_desktop.domain.errors import EditConflict, PracticeBusy
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, notes, practices, sessions
from tests.pg_practice import DANA, PgPractices
from tests.services.conftest import note_draft

WRITERS = 20
NOTES = 4
SECONDS = float(os.environ.get("CLARITY_WRITERS_SECONDS", "60"))


def test_twenty_writers_for_a_minute_lose_nothing_and_overwrite_no_one(
    pg_practices: PgPractices, tmp_path: Path
) -> None:
    dbname = pg_practices.new_database(tmp_path)
    first = pg_practices.unlock(dbname, DANA, tmp_path / "setup")
    try:
        case = cases.create_case(
            first.uow(),
            CaseInput(CaseKind.COUPLE, "", (PartnerInput("Noa"), PartnerInput("Ravi"))),
        )
        note_ids = []
        for i in range(NOTES):
            s = sessions.create_session(
                first.uow(), case.id, SessionInput(datetime(2026, 1, 5 + i, 10))
            )
            assert s.note_id is not None
            note_ids.append(s.note_id)
        start = {n: notes.open_note(first.uow(), n).row_version for n in note_ids}
    finally:
        first.close()

    accepted: dict[int, list[tuple[int, str]]] = defaultdict(list)  # note -> (version, text)
    refused = [0]
    failures: list[BaseException] = []
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def writer(w: int) -> None:
        opened = pg_practices.unlock(dbname, DANA, tmp_path / f"writer-{w}")
        try:
            n = 0
            while time.monotonic() < deadline:
                note_id = note_ids[(w + n) % NOTES]
                n += 1
                read = notes.open_note(opened.uow(), note_id)
                words = f"writer {w} save {n}"
                try:
                    saved = notes.save_draft(
                        opened.uow(),
                        note_id,
                        note_draft({"focus": words}),
                        base_version=read.row_version,
                    )
                except (EditConflict, PracticeBusy):
                    with lock:
                        refused[0] += 1
                    continue
                with lock:
                    accepted[note_id].append((saved.row_version, words))
        except BaseException as exc:  # reported below, with the writer's number
            failures.append(exc)
        finally:
            opened.close()

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []

    check = pg_practices.unlock(dbname, DANA, tmp_path / "check")
    try:
        total = 0
        for note_id in note_ids:
            saves = sorted(accepted[note_id])
            if not saves:
                continue
            total += len(saves)
            versions = [v for v, _ in saves]
            # Each accepted save made exactly one new version: none lost, none shared.
            assert versions == list(range(start[note_id] + 1, start[note_id] + 1 + len(saves)))
            final = notes.open_note(check.uow(), note_id)
            assert final.row_version == versions[-1]
            assert final.sections == {"focus": saves[-1][1]}  # the last save stands whole
        assert practices.verify_audit(check).ok
    finally:
        check.close()
    print(
        f"\n{WRITERS} writers, {SECONDS:.0f} s, {NOTES} notes: {total} saves accepted, "
        f"{refused[0]} refused as stale and read again, 0 lost, 0 overwritten"
    )
    assert all(accepted[n] for n in note_ids)  # every note really was written
