"""``clarity-desktop server import-practice`` from the command line: secrets from the
environment, files or prompts (never arguments), what it prints, one sentence on error.

Until cli/server.py wires the command in, a ``server`` group is built here the way it
will be: the command's register() on the group's subparsers."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from clarity_desktop.cli.args import CliParser
from clarity_desktop.cli.common import EXIT_ERROR, CliError
from clarity_desktop.cli.server_import import register
from clarity_desktop.domain.errors import ClarityError
from clarity_desktop.services import cases, integrity
from tests.pg_import import NEW_PASSWORD, Server, fresh, small_practice

__all__ = ["fresh"]  # fixture

SOLO_PASSPHRASE = "the solo passphrase 7"


def server_cli(argv: Sequence[str]) -> int:
    """The ``server`` group with this command in it, errors said as main() says them."""
    parser = CliParser(prog="clarity-desktop server", allow_abbrev=False)
    handlers = register(parser.add_subparsers(dest="server_command", metavar="COMMAND"))
    args: argparse.Namespace = parser.parse_args(argv)
    try:
        return handlers[args.server_command](args)
    except (ClarityError, CliError) as exc:
        print(f"clarity-desktop: {exc}")
        return EXIT_ERROR


def argv(server: Server, folder: Path, *extra: str) -> list[str]:
    return [
        "import-practice",
        "--url",
        server.url,
        "--ca",
        str(server.cluster.ca_file),
        "--from",
        str(folder),
        "--login",
        server.login,
        *extra,
    ]


@pytest.fixture
def secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: Server) -> list[str]:
    """The superuser's password in the environment, the two others in files."""
    monkeypatch.setenv("CLARITY_SERVER_PASSWORD", fresh.cluster.superuser_password)
    for name in ("CLARITY_PASSPHRASE", "CLARITY_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "solo.txt").write_text(SOLO_PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW_PASSWORD + "\n", encoding="utf-8")
    return [
        "--passphrase-file",
        str(tmp_path / "solo.txt"),
        "--new-password-file",
        str(tmp_path / "new.txt"),
    ]


def test_a_practice_moves_in_and_its_clinician_signs_in(
    fresh: Server, tmp_path: Path, secrets: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "solo"
    small_practice(folder, SOLO_PASSPHRASE)

    assert server_cli(argv(fresh, folder, *secrets)) == 0

    out = capsys.readouterr().out
    assert f"Moved the solo practice in {folder} onto the server: 1 case, 1 note, 1 addendum" in out
    assert f"signs in as {fresh.login}" in out and "was not changed" in out
    dana = fresh.sign_in(tmp_path / "dana", fresh.login, NEW_PASSWORD)
    try:
        assert [c.display_name for c in cases.list_cases(dana.uow())] == ["Zoë & Łukasz"]
        assert integrity.verify_seals(dana) == []
    finally:
        dana.close()


def test_json_says_what_moved(
    fresh: Server, tmp_path: Path, secrets: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "solo"
    small_practice(folder, SOLO_PASSPHRASE)
    assert server_cli(argv(fresh, folder, *secrets, "--json")) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["login"] == fresh.login and shown["user_id"] == 1
    assert shown["rows"]["cases"] == 1 and shown["rows"]["addenda"] == 1
    assert shown["audit_id"] == shown["rows"]["audit_events"] + 1


def test_a_wrong_passphrase_is_one_sentence_and_nothing_moves(
    fresh: Server, tmp_path: Path, secrets: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "solo"
    small_practice(folder, "another passphrase 9")
    assert server_cli(argv(fresh, folder, *secrets)) == EXIT_ERROR
    said = capsys.readouterr().out.strip().splitlines()
    assert len(said) == 1 and "passphrase" in said[0].lower()
    assert fresh.count("cases") == 0 and not fresh.has_login(fresh.login)


def test_no_server_password_without_a_terminal_says_where_to_put_it(
    fresh: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("CLARITY_SERVER_PASSWORD", raising=False)
    assert server_cli(argv(fresh, tmp_path)) == EXIT_ERROR
    assert capsys.readouterr().out.strip() == (
        "clarity-desktop: No server password given: set CLARITY_SERVER_PASSWORD "
        "or use --server-password-file."
    )
