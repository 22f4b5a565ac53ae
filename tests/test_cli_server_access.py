"""``clarity-desktop server supervise``, ``server staff`` saying who supervises whom, and
``server emergency-log``, as an administrator or supervisor would type them, against the
test run's own practice server (tests/pg_practice.py: Ada administrator, Dana and Eli
clinicians, Sam supervisor). Commands run through cli.main() in this process
(tests/test_cli_server.py's run), passwords from the environment."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, emergency
from tests.pg_cluster import PgCluster
from tests.pg_practice import ADMIN, DANA, ELI, SAM, Person, PgPractices
from tests.test_cli import assert_clean_error
from tests.test_cli_server import Result, run

REASON = "Client called in crisis; Eli is away until Monday."


@dataclass
class Office:
    pg: PgPractices
    dbname: str
    tmp: Path

    def folder(self, person: Person) -> Path:
        return self.pg.folder(self.dbname, person, self.tmp / person.login)

    def server(self, person: Person, *args: str) -> Result:
        return run(
            "server",
            args[0],
            "--data-dir",
            self.folder(person),
            *args[1:],
            passphrase=person.password,
        )

    def supervise(self, supervisor: str, supervisee: str, mode: str, as_: Person = ADMIN) -> Result:
        return self.server(
            as_, "supervise", "--supervisor", supervisor, "--supervisee", supervisee, "--mode", mode
        )

    def staff_line(self, login: str) -> str:
        listed = self.server(ADMIN, "staff")
        assert listed.returncode == 0, listed.stderr
        [line] = [x for x in listed.stdout.splitlines() if x.startswith(f"{login} ")]
        return line


@pytest.fixture
def office(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Office]:
    yield Office(pg_practices, pg_practices.new_database(tmp_path), tmp_path)


def test_supervise_links_changes_and_ends_and_staff_shows_it(office: Office) -> None:
    assert "supervised by" not in office.staff_line(DANA.login)
    made = office.supervise(SAM.login, DANA.login, "cosign")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "sam supervises dana: review and co-sign."
    assert office.staff_line(DANA.login).endswith("supervised by sam (review and co-sign)")
    assert "supervised by" not in office.staff_line(SAM.login)

    changed = office.supervise(SAM.login, DANA.login, "view")
    assert changed.returncode == 0, changed.stderr
    listed = json.loads(office.server(ADMIN, "staff", "--json").stdout)
    by = {p["login"]: p["supervised_by"] for p in listed}
    assert by[DANA.login] == [{"login": SAM.login, "name": SAM.name, "mode": "view"}]
    assert by[ELI.login] == []

    ended = office.supervise(SAM.login, DANA.login, "none")
    assert ended.returncode == 0, ended.stderr
    assert ended.stdout.strip() == "sam no longer supervises dana."
    assert "supervised by" not in office.staff_line(DANA.login)


def test_supervise_refusals_are_one_sentence(office: Office) -> None:
    assert_clean_error(office.supervise(SAM.login, SAM.login, "view"), "Nobody can supervise")
    assert_clean_error(
        office.supervise(ELI.login, DANA.login, "view"),
        "eli cannot supervise dana: a supervisor oversees another clinician.",
    )
    assert_clean_error(
        office.supervise(SAM.login, DANA.login, "view", as_=DANA), "is not permitted to"
    )
    assert_clean_error(
        office.supervise(SAM.login, DANA.login, "sometimes"),
        "--mode is one of view, approve, cosign, none, not 'sometimes'.",
    )
    assert "supervised by" not in office.staff_line(DANA.login)


def test_emergency_log_lists_grants_for_supervisors_and_administrators(
    pg_cluster: PgCluster, office: Office
) -> None:
    empty = office.server(SAM, "emergency-log")
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.strip() == "No emergency access has been granted on this practice server."

    eli = office.pg.unlock(office.dbname, ELI, office.tmp / "eli-app")
    dana = office.pg.unlock(office.dbname, DANA, office.tmp / "dana-app")
    try:
        case = cases.create_case(
            eli.uow(), CaseInput(CaseKind.INDIVIDUAL, "Maya Ortiz", (PartnerInput("Maya Ortiz"),))
        )
        emergency.open_in_emergency(dana, case.id, REASON, minutes=45)
    finally:
        eli.close()
        dana.close()

    log = office.server(SAM, "emergency-log")
    assert log.returncode == 0, log.stderr
    [line] = log.stdout.splitlines()
    assert " live " in line and "Dana Reyes" in line
    assert f"Maya Ortiz (case {case.id})" in line and line.endswith(REASON)

    pg_cluster.psql(
        "UPDATE clarity.emergency_grants SET granted_at = granted_at - interval '2 hours', "
        "until = until - interval '2 hours'",
        office.dbname,
    )
    listed = json.loads(office.server(ADMIN, "emergency-log", "--json").stdout)
    assert [(g["clinician"], g["case"], g["live"], g["reason"]) for g in listed] == [
        ("Dana Reyes", "Maya Ortiz", False, REASON)
    ]
    assert " ended " in office.server(ADMIN, "emergency-log").stdout
    assert_clean_error(office.server(DANA, "emergency-log"), "is not permitted to")


def test_import_practice_is_one_of_the_server_commands() -> None:
    """It had its own module (cli/server_import.py) but no way in from the command line."""
    listed = run("server", "--help")
    assert "import-practice" in listed.stdout
    helped = run("server", "import-practice", "--help")
    assert helped.returncode == 0 and "--from" in helped.stdout
