"""A practice server from before encryption is sealed by ``server upgrade``, and its staff
get their keys back from the printed recovery sheet.

The server below is what the previous version left: every client's name, note, addendum
and free text in the clear, no key tables, each person's key file holding only their
signing key. Upgrading it must leave no marker word anywhere a pg_dump reaches, print a
new recovery sheet, and lose nothing: once each person chose their own password and the
sheet's holder ran ``server recover-keys``, Dana reads her note, its addendum and her
clients' names again, finds the note by a word in it, and her earlier signature still
verifies; Eli, who signed in only later, gets his on a second run.

Failed before: the upgrade left the text in the clear, and the program read every such
value as damaged (the lists that met one stopped), with no way to seal it.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clarity_desktop.services import cases, integrity, notes, practices, search, server_admin
from clarity_desktop.store import keys
from clarity_desktop.store.models import Base
from clarity_desktop.store.postgres import ciphertext_checks, dump
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.encryption import columns, wrapping
from clarity_desktop.store.practice import OpenPractice
from tests.conftest import FAST_KDF
from tests.faults.test_pg_server_upgrade import BEFORE_ENCRYPTION, upgrade
from tests.pg_practice import ADMIN, DANA, ELI, FRAN, SAM, Person, PgPractices
from tests.pg_upgrade import Built, as_superuser, build, run_sql
from tests.test_cli import assert_clean_error
from tests.test_cli_server import run

MARKERS = ("They named the loop", "Zo\u00eb Brandt", "Still a draft", "add a worry", "Robin Vale")
NEW = {DANA.login: "dana's own password 2027", ELI.login: "eli's own password 2027"}


@dataclass
class Plain:
    pg: PgPractices
    built: Built
    tmp: Path

    def sign_in(self, person: Person, password: str, where: str) -> OpenPractice:
        folder = self.pg.folder(self.built.dbname, person, self.tmp / where)
        return practices.unlock_practice(folder, password)

    def recover(self, sheet: str) -> server_admin.KeysGiven:
        cluster = self.pg.cluster
        url = cluster.url(cluster.superuser, self.built.dbname)
        return server_admin.recover_keys(
            url, cluster.ca_file, cluster.superuser_password, sheet, confirm=lambda plan: True
        )


def _decrypted_rows(who: OpenPractice) -> dict[tuple[str, tuple[Any, ...]], dict[str, Any]]:
    """Every encrypted column of every row *who* may read, as the program reads it."""
    found: dict[tuple[str, tuple[Any, ...]], dict[str, Any]] = {}
    with who.uow().reading() as db:
        for mapper in Base.registry.mappers:
            table = mapper.local_table.name
            spec = columns.ENCRYPTED.get(table)
            if spec is None:
                continue
            for obj in db.scalars(select(mapper.class_)):
                key = tuple(getattr(obj, c) for c in spec.row_key)
                found[(table, key)] = {c: getattr(obj, c) for c in spec.columns}
    return found


def _as_before_encryption(pg: PgPractices, built: Built, tmp: Path) -> None:
    """Every encrypted value written back in the clear, the key tables gone, each key file
    holding the signing key alone: the previous version's server."""
    plain: dict[tuple[str, tuple[Any, ...]], dict[str, Any]] = {}
    for person in (DANA, ELI):
        who = pg.unlock(built.dbname, person, tmp / f"{person.login}-before")
        try:
            plain.update(_decrypted_rows(who))
        finally:
            who.close()
    with as_superuser(pg, built.dbname) as conn:
        conn.execute("SET session_replication_role = replica")
        for statement in ciphertext_checks.drops():  # the old server had no such rule
            conn.execute(f"SET search_path = clarity; {statement}")  # type: ignore[arg-type]
        for (table, key), values in plain.items():
            spec = columns.ENCRYPTED[table]
            sets, params = [], []
            for column, value in values.items():
                if column in spec.json:
                    sets.append(f"{column} = %s::json")
                    params.append(None if value is None else json.dumps(value))
                else:
                    sets.append(f"{column} = %s")
                    params.append(value.isoformat() if hasattr(value, "isoformat") else value)
            where = " AND ".join(f"{c} = %s" for c in spec.row_key)
            conn.execute(
                f"UPDATE clarity.{table} SET {', '.join(sets)} WHERE {where}",  # type: ignore[arg-type]
                [*params, *key],
            )
        for person in (ADMIN, DANA, ELI, SAM, FRAN):
            row = conn.execute(
                "SELECT s.user_id, s.wrapped_key FROM clarity.staff s WHERE s.login = %s",
                (person.login,),
            ).fetchone()
            assert row is not None
            seed, _box = wrapping.unwrap_user_keys(str(row[1]), person.password)
            alone = json.dumps(keys.wrap(seed, person.password, FAST_KDF))
            conn.execute(
                "UPDATE clarity.staff SET wrapped_key = %s WHERE user_id = %s", (alone, row[0])
            )
    run_sql(pg, built.dbname, *BEFORE_ENCRYPTION)


@pytest.fixture
def plain(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Plain]:
    built = build(pg_practices, tmp_path)
    try:
        _as_before_encryption(pg_practices, built, tmp_path)
        yield Plain(pg_practices, built, tmp_path)
    finally:
        pg_practices.drop(built.dbname)


def _pg_dump(p: Plain) -> str:
    cluster = p.pg.cluster
    target = p.tmp / "after.sql"
    superuser = ServerAddress(
        cluster.host, cluster.port, p.built.dbname, cluster.superuser, cluster.ca_file
    )
    done = subprocess.run(
        [
            str(cluster.bindir / "pg_dump"),
            "--no-password",
            *("-h", cluster.host, "-p", str(cluster.port), "-U", cluster.superuser),
            *("-f", str(target), p.built.dbname),
        ],
        env=dump.tool_env(superuser, cluster.superuser_password),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return target.read_text(encoding="utf-8")


def test_the_plain_server_is_what_the_old_version_left(plain: Plain) -> None:
    dumped = _pg_dump(plain)
    assert all(m in dumped for m in MARKERS)  # the setting-up is real


def test_recover_keys_before_the_upgrade_says_to_upgrade_first(plain: Plain) -> None:
    """No practice keys yet (no practice_keys table): one sentence, no SQL."""
    cluster = plain.pg.cluster
    sheet = plain.tmp / "sheet.txt"
    sheet.write_text("\n".join(["ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345"] * 2), encoding="utf-8")
    said = run(
        "server",
        "recover-keys",
        *("--url", cluster.url(cluster.superuser, plain.built.dbname), "--ca", cluster.ca_file),
        *("--recovery-key-file", sheet, "--yes"),
        server=cluster.superuser_password,
    )
    assert_clean_error(said, "from before encryption")
    assert "run “clarity-desktop server upgrade” first" in said.stderr
    assert "SELECT" not in said.stderr and "practice_keys" not in said.stderr


def test_upgrading_seals_everything_and_the_sheet_gives_the_keys_back(plain: Plain) -> None:
    p = plain
    cluster = p.pg.cluster
    url = cluster.url(cluster.superuser, p.built.dbname)
    said = run(
        "server",
        "upgrade",
        "--url",
        url,
        "--ca",
        cluster.ca_file,
        "--recovery-sheet-out",
        p.tmp / "sheet.txt",
        server=cluster.superuser_password,
    )
    assert said.returncode == 0, said.stderr
    assert "2 cases, every note and every client's name are now encrypted" in said.stdout
    assert "server recover-keys" in said.stdout
    written = (p.tmp / "sheet.txt").read_text(encoding="utf-8")
    sheet = "\n".join(re.findall(r"^[A-Z2-9]{4}(?:-[A-Z2-9]{4}){6}$", written, re.M))
    dumped = _pg_dump(p)
    assert [m for m in MARKERS if m in dumped] == []

    # Dana signs in: asked for her own password first; her signature stays hers.
    dana = p.sign_in(DANA, DANA.password, "dana-after")
    try:
        assert practices.first_password_pending(dana)
        practices.change_passphrase(dana, DANA.password, NEW[DANA.login], NEW[DANA.login])
    finally:
        dana.close()
    given = p.recover(sheet)
    assert given.people == {DANA.login: (1, True)}
    assert f"Eli Park ({ELI.login})" in given.waiting

    dana = p.sign_in(DANA, NEW[DANA.login], "dana-after")
    try:
        note = notes.read_note(dana.uow(), p.built.note_id)
        assert note.sections["focus"] == "They named the loop."
        couple = cases.read_case(dana.uow(), p.built.couple_id)
        assert [x.name for x in couple.partners] == ["Zo\u00eb Brandt", "\u0141ukasz Nowak"]
        hits = search.search_notes(dana.uow(), "loop")
        assert [h.note_id for h in hits] == [p.built.note_id]
        assert integrity.verify_seals(dana) == []  # her signature from before still holds
    finally:
        dana.close()

    # Eli chose his own password later: a second run gives him his case, and nothing twice.
    eli = p.sign_in(ELI, ELI.password, "eli-after")
    try:
        practices.change_passphrase(eli, ELI.password, NEW[ELI.login], NEW[ELI.login])
    finally:
        eli.close()
    again = p.recover(sheet)
    assert again.people == {ELI.login: (1, True)}
    eli = p.sign_in(ELI, NEW[ELI.login], "eli-after")
    try:
        names = [c.display_name for c in cases.list_cases(eli.uow())]
        assert names == ["Robin Vale"]
    finally:
        eli.close()
    assert upgrade(p.pg, p.built.dbname).recovery_key is None  # sealed once, never again
