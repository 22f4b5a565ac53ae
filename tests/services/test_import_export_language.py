"""The handout language moving in and out: a CSV client list may carry it (optional,
English by default; a language with no handouts yet is a warning, the client still comes
in), and a records export states it for each partner."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.languages import Language
from clarity_desktop.services import cases, export, importer
from clarity_desktop.store.practice import OpenPractice

TODAY = date(2025, 6, 1)
CLIENTS = (
    "Full Name,Idioma,E-mail\n"
    "Lucía Peña,Español,lucia@example.org\n"
    "Marco Díaz,es,\n"
    "Amira Haddad,,\n"
    "Claire Dubois,Français,\n"
)


def test_a_language_column_is_read_and_optional(practice: OpenPractice) -> None:
    preview = importer.preview_bytes(practice.uow(), CLIENTS, today=TODAY)
    assert preview.blocker() is None
    warnings = [row.warnings for row in preview.rows]
    assert warnings[:3] == [(), (), ()]
    assert warnings[3] == (
        "There are no handouts in “Français” yet; this client's will be in English.",
    )
    ids = importer.import_clients(practice.uow(), preview, today=TODAY)
    people = [cases.read_case(practice.uow(), i).partners[0] for i in ids]
    assert [(p.name, p.language) for p in people] == [
        ("Lucía Peña", Language.ES),
        ("Marco Díaz", Language.ES),
        ("Amira Haddad", Language.EN),
        ("Claire Dubois", Language.EN),
    ]


def test_a_list_without_the_column_imports_english(practice: OpenPractice) -> None:
    preview = importer.preview_bytes(practice.uow(), "Name\nAmira Haddad\n", today=TODAY)
    (case_id,) = importer.import_clients(practice.uow(), preview, today=TODAY)
    case = cases.read_case(practice.uow(), case_id)
    assert case.partners[0].language is Language.EN


def test_a_records_export_states_each_partners_language(
    practice: OpenPractice, tmp_path: Path
) -> None:
    preview = importer.preview_bytes(practice.uow(), CLIENTS, today=TODAY)
    first, *_ = importer.import_clients(practice.uow(), preview, today=TODAY)
    out = tmp_path / "record.zip"
    export.export_case(practice.uow(), first, out)
    with zipfile.ZipFile(out) as zf:
        data = json.loads(zf.read("case.json").decode("utf-8"))
    assert [(p["name"], p["language"]) for p in data["partners"]] == [("Lucía Peña", "es")]


@pytest.fixture
def run_cli(
    practice: OpenPractice,
    passphrase: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Callable[..., tuple[int, str, str]]:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.delenv("CLARITY_DEBUG", raising=False)

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main([args[0], "--data-dir", str(practice.folder), *args[1:]])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_the_dry_run_says_which_clients_get_spanish_handouts(
    tmp_path: Path, practice: OpenPractice, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(CLIENTS, encoding="utf-8")
    code, out, err = run_cli("import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert "line 2: Lucía Peña · lucia@example.org · handouts in Spanish" in out
    assert "line 4: Amira Haddad\n" in out
    assert "There are no handouts in “Français” yet" in out
