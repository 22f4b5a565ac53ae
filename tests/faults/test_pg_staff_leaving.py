"""A staff member who leaves loses access to what is written after she leaves.

Eli holds the key of Dana's case (Dana shared it when the administrator assigned him).
Eli leaves: the administrator disables him the way she does today (services/staff.py).
Then, as a hostile tester would check:
- no wrap addressed to Eli is left on the server (the superuser, past row security,
  finds none), so his program, or a copy of his password, opens nothing any more;
- Eli kept a copy of the case key he had unwrapped (a leaver who saved it): what Dana
  writes afterwards is under a newer generation that copy cannot open;
- Dana, the practice recovery key and the emergency key (Sam in an emergency) still read
  the text written before and after.
Failed before: disabling only closed the login; Eli's wraps stayed, and Dana kept writing
under the key Eli had.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.locked_text import locked_sections
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.supervision import SupervisionMode
from clarity_desktop.services import cases, emergency, key_sharing, notes, sessions, staff
from clarity_desktop.store.postgres.encryption import columns, values, wrapping
from clarity_desktop.store.postgres.encryption.values import DataKey, EncryptionError, KeyRing
from clarity_desktop.store.postgres.keychain import INFO_KEY, Keychain
from clarity_desktop.store.practice import OpenPractice
from tests.pg_practice import ADMIN, DANA, ELI, SAM, PgPractices, as_dba, rows
from tests.services.conftest import note_draft

BEFORE = "Robin said the Sunday calls felt like a test she kept failing."
AFTER = "Robin and Jo chose a slower week: no talk of moving out until the next session."


@dataclass
class Leaving:
    pg: PgPractices
    dbname: str
    dana: OpenPractice
    eli: OpenPractice
    sam: OpenPractice
    admin: OpenPractice
    case_id: int
    signed: int  # written and signed before Eli leaves
    draft: int  # a draft written before Eli leaves

    def su(self, statement: str) -> list[str]:
        return self.pg.cluster.psql(statement, self.dbname).splitlines()

    def note(self, day: int, words: str, who: OpenPractice | None = None) -> int:
        made = sessions.create_session(
            (who or self.dana).uow(), self.case_id, SessionInput(datetime(2026, 3, day, 10))
        )
        assert made.note_id is not None
        notes.save_draft((who or self.dana).uow(), made.note_id, note_draft({"focus": words}))
        return made.note_id


def keychain(opened: OpenPractice) -> Keychain:
    found = opened.session_info[INFO_KEY]
    assert isinstance(found, Keychain)
    return found


@pytest.fixture
def leaving(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Leaving]:
    dbname = pg_practices.new_database(tmp_path)
    people = [pg_practices.unlock(dbname, p, tmp_path / p.login) for p in (DANA, ELI, SAM, ADMIN)]
    try:
        dana = people[0]
        case = cases.create_case(
            dana.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Robin Vale"),))
        )
        p = Leaving(pg_practices, dbname, *people, case.id, 0, 0)
        p.signed = p.note(2, BEFORE)
        notes.sign_note(dana.uow(), p.signed)
        p.draft = p.note(5, BEFORE)
        staff.assign_case(p.admin, case.id, ELI.login)
        key_sharing.share_case_key(dana, case.id, p.eli.principal.user_id)
        assert notes.read_note(p.eli.uow(), p.signed).sections["focus"] == BEFORE
        yield p
    finally:
        for opened in people:
            opened.close()
        pg_practices.drop(dbname)


def eli_kept(p: Leaving) -> KeyRing:
    """The case key as Eli's program had unwrapped it: what a leaver who saved it keeps."""
    with p.eli.engine.connect() as conn:
        return keychain(p.eli).ring(conn, p.case_id, fresh=True)


def stored_sections(p: Leaving, note_id: int) -> tuple[str, values.Place]:
    """The note's sections as the server holds them, and where they are bound."""
    [(stored, version)] = rows(
        p.dana, f"SELECT sections, row_version FROM notes WHERE id = {note_id}"
    )
    place = columns.place_of("notes", {"id": note_id, "row_version": int(version)}, "sections")
    return str(stored), place


def opened_with(ring: KeyRing, p: Leaving, note_id: int) -> str:
    stored, place = stored_sections(p, note_id)
    sections = values.decrypt_json(stored, ring, place)
    assert isinstance(sections, dict)
    return str(sections["focus"])


def recovery_ring(p: Leaving) -> KeyRing:
    """Every generation of the case key, opened with the printed recovery sheet."""
    found = p.su(
        "SELECT generation || ' ' || encode(wrapped, 'hex') FROM clarity.key_wraps "
        f"WHERE scope = 'case' AND owner = {p.case_id} AND recipient = 'recovery' "
        "ORDER BY generation"
    )
    keys = []
    for line in found:
        generation, hexed = line.split()
        what = wrapping.Wrap("case", p.case_id, int(generation), "recovery")
        secret = wrapping.unwrap_key(bytes.fromhex(hexed), p.pg.recovery_key, what)
        keys.append(DataKey(int(generation), secret))
    return KeyRing.of(*keys)


def test_no_wrap_is_left_for_a_leaver(leaving: Leaving) -> None:
    p = leaving
    eli_id = p.eli.principal.user_id
    staff.disable_staff(p.admin, ELI.login)
    # Not one wrap addressed to Eli is left, even for the superuser to find.
    assert p.su(f"SELECT count(*) FROM clarity.key_wraps WHERE user_id = {eli_id}") == ["0"]
    assert p.su(f"SELECT count(*) FROM clarity.key_wraps WHERE recipient = 'user:{eli_id}'") == [
        "0"
    ]
    # The case he held is due to rotate; nobody else's wraps went.
    assert p.su("SELECT scope || ' ' || owner FROM clarity.key_rotations ORDER BY 1") == [
        f"case {p.case_id}",
        "directory 0",  # client names too: he held the directory key
    ]
    dana = p.dana.principal.user_id
    # Dana keeps her wraps: the case's and the client directory's.
    assert p.su(f"SELECT count(*) FROM clarity.key_wraps WHERE user_id = {dana}") == ["2"]


def test_a_leaver_keeps_nothing_that_opens_what_follows(leaving: Leaving) -> None:
    p = leaving
    kept = eli_kept(p)
    assert opened_with(kept, p, p.signed) == BEFORE  # the copy is real

    staff.disable_staff(p.admin, ELI.login)

    # What Dana writes next is under a generation Eli's copy cannot open.
    after = p.note(9, AFTER)
    with pytest.raises(EncryptionError) as refused:
        opened_with(kept, p, after)
    assert refused.value.code is ErrorCode.ENCRYPTION_KEY_NOT_HELD
    # A draft written before he left and saved again after is re-encrypted too.
    notes.save_draft(p.dana.uow(), p.draft, note_draft({"focus": AFTER}))
    with pytest.raises(EncryptionError):
        opened_with(kept, p, p.draft)
    # What he read before he left stays read: the signed note is not rewritten.
    assert opened_with(kept, p, p.signed) == BEFORE


def test_dana_the_recovery_key_and_the_emergency_key_still_read_both(leaving: Leaving) -> None:
    p = leaving
    staff.disable_staff(p.admin, ELI.login)
    after = p.note(9, AFTER)
    assert notes.read_note(p.dana.uow(), p.signed).sections["focus"] == BEFORE
    assert notes.read_note(p.dana.uow(), after).sections["focus"] == AFTER
    recovered = recovery_ring(p)
    assert max(recovered.keys) >= 2  # the new generation was wrapped for the sheet too
    assert opened_with(recovered, p, p.signed) == BEFORE
    assert opened_with(recovered, p, after) == AFTER
    emergency.open_in_emergency(p.sam, p.case_id, "Robin called in crisis tonight.", 30)
    assert notes.read_note(p.sam.uow(), p.signed).sections["focus"] == BEFORE
    assert notes.read_note(p.sam.uow(), after).sections["focus"] == AFTER


def rotated_rows(p: Leaving) -> list[tuple[str, str]]:
    """The case keys' renewals (the client directory's renews apart: test_directory_key)."""
    return [
        (str(r[4]), str(r[5]))
        for r in p.pg.audit_rows(p.dana.folder)
        if r[0] == "key_rotated" and r[1] == "case"
    ]


def test_the_rotation_is_audited_once_and_later_writes_do_not_rotate_again(
    leaving: Leaving,
) -> None:
    p = leaving
    staff.disable_staff(p.admin, ELI.login)
    assert p.su("SELECT scope || ' ' || owner FROM clarity.key_rotations ORDER BY 1") == [
        f"case {p.case_id}",
        "directory 0",  # client names too: he held the directory key
    ]
    p.note(9, AFTER)
    p.note(10, "A second note after he left.")
    assert rotated_rows(p) == [("Dana Reyes, LMFT", "generation 2; holders wrapped: 1")]
    assert p.su("SELECT count(*) FROM clarity.key_rotations WHERE scope = 'case'") == ["0"]
    generations = p.su(
        "SELECT generation || ' ' || recipient FROM clarity.key_wraps "
        f"WHERE scope = 'case' AND owner = {p.case_id} ORDER BY 1"
    )
    dana = f"user:{p.dana.principal.user_id}"
    assert generations == sorted(
        [f"1 {dana}", "1 emergency", "1 recovery", f"2 {dana}", "2 emergency", "2 recovery"]
    )


def test_enabled_again_he_reads_only_what_a_holder_shares_again(leaving: Leaving) -> None:
    p = leaving
    staff.disable_staff(p.admin, ELI.login)
    after = p.note(9, AFTER)
    # The superuser lets him in again (there is no button for it): no wrap comes back.
    p.su("UPDATE clarity.users SET disabled = false WHERE id = " + str(p.eli.principal.user_id))
    p.su(f"ALTER ROLE {ELI.login} LOGIN")
    eli = p.pg.unlock(p.dbname, ELI, p.dana.folder.parent / "eli again")
    try:
        assert notes.read_note(eli.uow(), after).sections == locked_sections()
        assert [(r.reader_name, r.how) for r in key_sharing.pending_shares(p.dana)] == [
            ("Eli Park", "joined"),  # the client directory, asked first
            ("Eli Park", "assigned"),
        ]
        key_sharing.share_case_key(p.dana, p.case_id, eli.principal.user_id)
        assert notes.read_note(eli.uow(), after).sections["focus"] == AFTER
    finally:
        eli.close()


def _waiting_for_a_lock(p: Leaving, login: str) -> bool:
    return p.su(
        "SELECT count(*) FROM pg_stat_activity "
        f"WHERE usename = '{login}' AND wait_event_type = 'Lock'"
    ) != ["0"]


def test_two_holders_writing_at_once_make_one_new_generation(leaving: Leaving) -> None:
    """Dana's program rotates and has not committed; Sam's, writing too, waits for it and
    then writes under the generation Dana's made instead of making another."""
    p = leaving
    staff.set_supervision(p.admin, SAM.login, DANA.login, SupervisionMode.VIEW)
    key_sharing.share_case_key(p.dana, p.case_id, p.sam.principal.user_id)
    staff.disable_staff(p.admin, ELI.login)

    results: dict[str, object] = {}

    def sam_writes() -> None:
        try:
            with p.sam.engine.connect() as conn, conn.begin():
                results["sam"] = keychain(p.sam).ring_to_write(conn, p.case_id)
        except BaseException as exc:  # handed to the test's thread
            results["error"] = exc

    with p.dana.engine.connect() as conn:
        with conn.begin():
            ring, rotated = keychain(p.dana).ring_to_write(conn, p.case_id)
            assert rotated is not None and rotated.generation == 2
            sam = threading.Thread(target=sam_writes)
            sam.start()
            for _ in range(600):  # until Sam's program waits on Dana's claim (or gives up)
                if _waiting_for_a_lock(p, SAM.login) or not sam.is_alive():
                    break
                time.sleep(0.1)
            assert _waiting_for_a_lock(p, SAM.login)
        sam.join(60)
    assert "error" not in results, results.get("error")
    sam_ring, sam_rotated = results["sam"]  # type: ignore[misc]
    assert sam_rotated is None
    assert sam_ring.newest == ring.newest  # the very key Dana's program made
    assert p.su(f"SELECT max(generation) FROM clarity.key_wraps WHERE owner = {p.case_id}") == ["2"]


def test_a_supervisor_writing_through_the_emergency_key_rotates_too(leaving: Leaving) -> None:
    """Sam holds no wrap of his own for the case, only the emergency key under a live
    grant: the first to write after Eli left, he makes the new generation all the same."""
    p = leaving
    kept = eli_kept(p)
    staff.disable_staff(p.admin, ELI.login)
    emergency.open_in_emergency(p.sam, p.case_id, "Robin called in crisis tonight.", 30)
    notes.save_draft(p.sam.uow(), p.draft, note_draft({"focus": AFTER}))
    with pytest.raises(EncryptionError):
        opened_with(kept, p, p.draft)
    assert notes.read_note(p.dana.uow(), p.draft).sections["focus"] == AFTER
    assert [who for who, _detail in rotated_rows(p)] == ["Sam Okafor, PhD"]


def test_a_holder_whose_key_is_not_vouched_for_is_left_out_and_may_not_write(
    leaving: Leaving,
) -> None:
    """Sam leaves; the server has put Sam's encryption key on Eli's row. Dana's rotation
    wraps nothing for a key Eli's signing key never vouched for, and Eli's program, behind
    the newest generation, is refused a save instead of writing under the old key."""
    p = leaving
    staff.set_supervision(p.admin, SAM.login, DANA.login, SupervisionMode.VIEW)
    key_sharing.share_case_key(p.dana, p.case_id, p.sam.principal.user_id)
    as_dba(
        p.dana,
        "UPDATE staff SET (box_public, box_certificate) = (SELECT box_public, box_certificate "
        "FROM staff WHERE login = 'sam') WHERE login = 'eli'",
    )
    staff.disable_staff(p.admin, SAM.login)
    after = p.note(9, AFTER)
    assert rotated_rows(p) == [
        ("Dana Reyes, LMFT", "generation 2; holders wrapped: 1; left out, key not vouched for: 1")
    ]
    # What was written since reads to Eli as locked text, not as an error.
    assert notes.read_note(p.eli.uow(), after).sections == locked_sections()
    with pytest.raises(ClarityError) as refused:
        notes.save_draft(p.eli.uow(), p.draft, note_draft({"focus": "Eli's words."}))
    assert refused.value.code is ErrorCode.ENCRYPTION_KEY_NOT_HELD
    assert notes.read_note(p.dana.uow(), p.draft).sections["focus"] == BEFORE
    # Dana is asked to share the newest generation with him (and the server's swap is
    # refused in words when she tries, as for any share).
    assert [(r.reader_name, r.how) for r in key_sharing.pending_shares(p.dana)] == [
        ("Eli Park", "assigned")
    ]


def test_a_leaver_keeps_nothing_that_opens_client_names_written_after(leaving: Leaving) -> None:
    """The client directory rotates like a case key: Eli kept the directory key he had;
    Dana renames a client after he left, under a generation his copy cannot open, and the
    rotation is audited. Failed before: names kept being written under the key he held."""
    p = leaving
    with p.eli.engine.connect() as conn:
        kept = keychain(p.eli).directory(conn, fresh=True)
    staff.disable_staff(p.admin, ELI.login)
    partner = cases.read_case(p.dana.uow(), p.case_id).partners[0]
    cases.update_case(
        p.dana.uow(),
        p.case_id,
        CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Robin Vale-Ortiz"),)),
    )
    [(stored, version)] = rows(
        p.dana, f"SELECT name, row_version FROM partners WHERE id = {partner.id}"
    )
    place = columns.place_of("partners", {"id": partner.id, "row_version": int(version)}, "name")
    with pytest.raises(EncryptionError):
        values.decrypt(str(stored), kept, place)
    assert cases.read_case(p.dana.uow(), p.case_id).partners[0].name == "Robin Vale-Ortiz"
    assert p.su("SELECT count(*) FROM clarity.key_rotations WHERE scope = 'directory'") == ["0"]
    assert ("Dana Reyes, LMFT", "generation 2; holders wrapped: 4") in [
        (str(r[4]), str(r[5]))
        for r in p.pg.audit_rows(p.dana.folder)
        if r[0] == "key_rotated" and r[1] == "directory"
    ]
