"""Shared fixtures for every test, the UI tests included.

Each test gets a real practice (SQLCipher file + key file) in its own temp folder; only
the Argon2id cost is lowered so creating and unlocking take milliseconds.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Qt reads this when the first QGuiApplication is made, so it must be set at import time.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, practices
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store import keys
from clarity_desktop.store.practice import OpenPractice

if TYPE_CHECKING:
    from tests.pg_cluster import PgCluster

PASSPHRASE = "correct horse battery"
CLINICIAN = "Dana Reyes"
CREDENTIALS = "LMFT"
SIGNATURE = "Dana Reyes, LMFT"
FAST_KDF = keys.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@pytest.fixture(autouse=True, scope="session")
def fast_kdf() -> Iterator[None]:
    """Real Argon2id, just cheaper. The parameters used are stored in each key file.
    Session-wide, so module-scoped fixtures (a demo practice built once) get it too."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keys, "DEFAULT_KDF", FAST_KDF)
        yield


@pytest.fixture(autouse=True, scope="session")
def runner_not_hardened() -> Iterator[None]:
    """Tests that call cli.main() in this process must not harden the test runner itself:
    its core-file limit could never be raised again, and the fault tests that crash a
    child program need children allowed to dump, so they can see the program forbid it.
    The hardening is tested in child processes (tests/faults/test_core_dumps.py)."""
    from clarity_desktop.cli import entry

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(entry, "harden_process", lambda: None)
        yield


@pytest.fixture(autouse=True, scope="session")
def own_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The program's own data folder (where it notes exports in progress) in a temp
    folder, never the developer's; programs the tests start inherit it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
        yield


@pytest.fixture(autouse=True)
def interface_language_restored() -> Iterator[None]:
    """A test that switches the interface to Spanish and back leaves the next test the
    locale it found: switching back to English sets an English locale with the system's
    territory (12-hour times where the system names none), which made time formats depend
    on which tests ran before in the same process (so on how pytest-xdist shares them)."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    yield
    from clarity_desktop.ui.common import language

    if language.current() != "en":
        language.install("en")
    QLocale.setDefault(before)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A real PostgreSQL server (TLS + scram-sha-256 only) for the group-practice tests.
    Started the first time a test asks for it, so a run without such tests pays nothing;
    one per pytest-xdist worker (each worker is its own session: own folder, own port);
    stopped and removed when the session ends."""
    from tests.pg_cluster import PgCluster

    cluster = PgCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def practice_dir(tmp_path: Path) -> Path:
    """Where the test practice lives; not created yet."""
    return tmp_path / "practice"


@pytest.fixture
def store_kind(request: pytest.FixtureRequest) -> str:
    """Which store the test's practice is on: "sqlite" (a solo practice) unless the test is
    parametrised over both (tests/services/conftest.py does that for service tests)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_practices(pg_cluster: Any) -> Iterator[Any]:
    """Fresh group practices on this test run's PostgreSQL server (tests/pg_practice.py)."""
    from tests.pg_practice import PgPractices

    made = PgPractices(pg_cluster)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def created_practice(
    practice_dir: Path, store_kind: str, request: pytest.FixtureRequest
) -> Iterator[tuple[OpenPractice, str]]:
    """Dana Reyes, LMFT's practice: a solo practice, or (store_kind "postgres") her login
    on a fresh group practice server, where the recovery key is ""."""
    if store_kind == "postgres":
        from tests.pg_practice import DANA

        servers = request.getfixturevalue("pg_practices")
        dbname = servers.new_database(practice_dir.parent)
        opened = servers.unlock(dbname, DANA, practice_dir)
        try:
            yield opened, ""
        finally:
            opened.close()
            servers.drop(dbname)
        return
    opened, recovery = practices.create_practice(
        practice_dir, PASSPHRASE, PASSPHRASE, CLINICIAN, CREDENTIALS
    )
    try:
        yield opened, recovery
    finally:
        opened.close()


@pytest.fixture
def practice(created_practice: tuple[OpenPractice, str]) -> OpenPractice:
    """A fresh, unlocked practice for Dana Reyes, LMFT."""
    return created_practice[0]


@pytest.fixture
def recovery_key(created_practice: tuple[OpenPractice, str]) -> str:
    """The recovery key shown once when `practice` was created."""
    return created_practice[1]


@pytest.fixture
def couple_case(practice: OpenPractice) -> CaseDetail:
    return cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(
                PartnerInput(name="Zoë", pronouns="she/her", email="zoe@example.org"),
                PartnerInput(name="Łukasz", pronouns="he/him", date_of_birth=date(1988, 4, 2)),
            ),
            relationship_structure="Married",
            opened_on=date(2024, 1, 15),
        ),
    )


@pytest.fixture
def individual_case(practice: OpenPractice) -> CaseDetail:
    return cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.INDIVIDUAL,
            display_name="",
            partners=(PartnerInput(name="Søren Ødegård", pronouns="they/them"),),
            relationship_structure="Dating",
            opened_on=date(2024, 2, 1),
        ),
    )


@pytest.fixture
def passphrase() -> str:
    """The passphrase `practice` was created with."""
    return PASSPHRASE
