"""Signing in to a practice server through the program: each way it can go wrong is one
sentence naming what to do, and a password changed in the program changes the login on the
server while the signature stays the person's own."""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import backups, cases, notes, practices, sessions, staff
from clarity_desktop.store.errors import WrongPassphrase
from tests.pg_cluster import PgCluster, cert_pem, make_ca
from tests.pg_practice import ADMIN, DANA, PgPractices
from tests.services.conftest import note_draft


@pytest.fixture
def server(pg_practices: PgPractices, tmp_path: Path) -> str:
    return pg_practices.new_database(tmp_path)


def url(cluster: PgCluster, login: str, dbname: str) -> str:
    return f"postgresql://{login}@{cluster.host}:{cluster.port}/{dbname}"


def code_of(excinfo: pytest.ExceptionInfo[ClarityError]) -> ErrorCode:
    return excinfo.value.code


def test_connecting_remembers_the_server_but_never_the_password(
    pg_practices: PgPractices, server: str, tmp_path: Path
) -> None:
    cluster = pg_practices.cluster
    folder = tmp_path / "dana-on-server"
    opened = practices.connect_server(
        url(cluster, DANA.login, server), cluster.ca_file, DANA.password, folder=folder
    )
    try:
        assert opened.principal.display_name == "Dana Reyes"
        assert opened.clinician.signature == "Dana Reyes, LMFT"
        assert practices.server_address(folder) == f"dana@localhost:{cluster.port}/{server}"
    finally:
        opened.close()
    stored = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert DANA.password.encode() not in stored


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ("postgresql://dana:secret@localhost/x", ErrorCode.SERVER_URL_HAS_PASSWORD),
        ("https://localhost/x", ErrorCode.SERVER_URL_INVALID),
        ("postgresql://localhost", ErrorCode.SERVER_URL_INVALID),
    ],
)
def test_a_malformed_address_is_refused_before_anything_is_sent(
    pg_practices: PgPractices, tmp_path: Path, address: str, code: ErrorCode
) -> None:
    with pytest.raises(ClarityError) as refused:
        practices.connect_server(address, pg_practices.cluster.ca_file, "x", folder=tmp_path / "f")
    assert code_of(refused) is code
    assert not (tmp_path / "f").exists()


def test_a_wrong_password_is_one_sentence(
    pg_practices: PgPractices, server: str, tmp_path: Path
) -> None:
    cluster = pg_practices.cluster
    with pytest.raises(WrongPassphrase) as refused:
        practices.connect_server(
            url(cluster, DANA.login, server), cluster.ca_file, "not her password", folder=tmp_path
        )
    assert code_of(refused) is ErrorCode.SERVER_LOGIN_REFUSED  # type: ignore[arg-type]
    assert "dana" in str(refused.value)


def test_a_server_our_ca_does_not_vouch_for_never_gets_the_password(
    pg_practices: PgPractices, server: str, tmp_path: Path
) -> None:
    _key, other_ca = make_ca("Some other authority")
    stranger = tmp_path / "other-ca.crt"
    stranger.write_bytes(cert_pem(other_ca))
    cluster = pg_practices.cluster
    with pytest.raises(ClarityError) as refused:
        practices.connect_server(
            url(cluster, DANA.login, server), stranger, DANA.password, folder=tmp_path / "f"
        )
    assert code_of(refused) is ErrorCode.SERVER_CERTIFICATE_UNTRUSTED


def test_a_database_without_a_practice_is_named_as_such(
    pg_practices: PgPractices, server: str, tmp_path: Path
) -> None:
    cluster = pg_practices.cluster
    with pytest.raises(ClarityError) as refused:
        practices.connect_server(
            url(cluster, DANA.login, "no_such_practice"),
            cluster.ca_file,
            DANA.password,
            folder=tmp_path / "f",
        )
    assert code_of(refused) in (ErrorCode.SERVER_NOT_A_PRACTICE, ErrorCode.SERVER_LOGIN_REFUSED)


def test_a_changed_password_signs_in_and_the_signature_stays_theirs(
    pg_practices: PgPractices, server: str, tmp_path: Path
) -> None:
    """A login of its own: logins outlive a test on the shared server. The first change
    (away from the administrator's password) gives the person a signing key of their own;
    later changes keep it."""
    login = f"pat_{secrets.token_hex(3)}"
    first, second = "pat first passphrase", "pat second passphrase"
    admin = pg_practices.unlock(server, ADMIN, tmp_path / "ada")
    try:
        staff.add_staff(admin, login, "Pat Lee", Role.CLINICIAN, first, credentials="LCSW")
    finally:
        admin.close()
    cluster = pg_practices.cluster
    folder = tmp_path / "pat"
    opened = practices.connect_server(
        url(cluster, login, server), cluster.ca_file, first, folder=folder
    )
    admins_key = opened.signer.public_key().public_bytes_raw() if opened.signer else b""
    try:
        assert practices.first_password_pending(opened)
        practices.change_passphrase(opened, first, second, second)
        assert not practices.first_password_pending(opened)
        own_key = opened.signer.public_key().public_bytes_raw() if opened.signer else b""
    finally:
        opened.close()
    assert own_key and own_key != admins_key
    with pytest.raises(WrongPassphrase):
        practices.unlock_practice(folder, first)
    pg_practices.share_directory(server, tmp_path / "ada")  # Pat may now write client names
    third = "pat third passphrase"
    again = practices.unlock_practice(folder, second)
    try:
        practices.change_passphrase(again, second, third, third)
    finally:
        again.close()
    again = practices.unlock_practice(folder, third)
    try:
        assert again.signer is not None
        assert again.signer.public_key().public_bytes_raw() == own_key
        case = cases.create_case(
            again.uow(), CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Robin"),))
        )
        s = sessions.create_session(again.uow(), case.id, SessionInput(datetime(2026, 3, 2, 10)))
        assert s.note_id is not None
        notes.save_draft(again.uow(), s.note_id, note_draft({"focus": "Robin named the loop."}))
        signed = notes.sign_note(again.uow(), s.note_id)
        assert signed.signed_by == "Pat Lee, LCSW"
        assert practices.verify_audit(again).ok
    finally:
        again.close()


def test_folder_backups_say_the_server_keeps_them(
    pg_practices: PgPractices, server: str, tmp_path: Path
) -> None:
    opened = pg_practices.unlock(server, DANA, tmp_path / "dana")
    try:
        with pytest.raises(ClarityError) as refused:
            backups.backup_now(opened)
        assert code_of(refused) is ErrorCode.SERVER_BACKS_UP_ITSELF
    finally:
        opened.close()
