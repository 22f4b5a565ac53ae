"""Moving in from a CSV client list on a real practice: the preview compares with the
clients already there, the import is all or nothing with one audit row, a fuzzer checks
that it creates exactly the previewed cases or none, and the command line's dry run
and import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from clarity_desktop import cli
from clarity_desktop.domain.csv_clients import ImportFileError, ImportPreview
from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.services import cases, importer
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.models import Case, Partner
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.uow import UnitOfWork
from tests.domain.test_csv_clients import csv_like

TODAY = date(2025, 6, 1)
AuditLog = Callable[[], list[tuple[Any, ...]]]

CLIENTS = (
    "Full Name,Pronouns,Date of birth,E-mail Address,Mobile\n"
    "Amira Haddad,she/her,25/03/1985,amira@example.org,+44 7700 900123\n"
    "مريم حداد 🌷,هي,03/04/1990,maryam@example.org,\n"
    "Kim 👩🏽‍❤️‍👨🏻 Lee,they/them,,,555 0100\n"
)


def case_count(practice: OpenPractice) -> int:
    with practice.uow() as uow:
        return uow.session.execute(select(func.count(Case.id))).scalar_one()


def preview(practice: OpenPractice, text: str | bytes, **kw: Any) -> ImportPreview:
    return importer.preview_bytes(practice.uow(), text, today=TODAY, **kw)


def test_import_adds_one_individual_case_per_row_with_every_field(
    practice: OpenPractice, audit_log: AuditLog
) -> None:
    p = preview(practice, CLIENTS)
    assert p.day_first is True and p.blocker() is None
    before = audit_log()
    ids = importer.import_clients(practice.uow(), p, today=TODAY)
    assert len(ids) == 3
    details = [cases.read_case(practice.uow(), i) for i in ids]
    assert all(d.kind is CaseKind.INDIVIDUAL and d.opened_on == TODAY for d in details)
    people = [d.partners[0] for d in details]
    assert [(c.name, c.pronouns, c.date_of_birth, c.email, c.phone) for c in people] == [
        ("Amira Haddad", "she/her", date(1985, 3, 25), "amira@example.org", "+44 7700 900123"),
        ("مريم حداد 🌷", "هي", date(1990, 4, 3), "maryam@example.org", ""),
        ("Kim 👩🏽‍❤️‍👨🏻 Lee", "they/them", None, "", "555 0100"),
    ]
    assert [d.display_name for d in details] == [c.name for c in people]
    new = audit_log()[len(before) :]
    assert new == [("imported", "practice", None, None, "Dana Reyes, LMFT", "3 clients from CSV")]


def test_the_preview_warns_about_clients_already_in_the_practice(
    practice: OpenPractice, individual_case: CaseDetail, couple_case: CaseDetail
) -> None:
    p = preview(
        practice,
        "Name,Email\nsoren odegard,\nNew Person,zoe@example.org\nLUKASZ,\n",
    )
    soren, new, lukasz = (r.warnings for r in p.rows)
    assert any("already be in the practice" in w for w in soren)
    assert any("e-mail address is already recorded" in w for w in new)
    # Ø and Ł are letters of their own in Unicode, not O and L with an accent; an
    # ASCII-only system would still have written them so.
    assert any("“LUKASZ” may already be in the practice" in w for w in lukasz)


def test_rejected_rows_block_the_import_unless_skipped(
    practice: OpenPractice, audit_log: AuditLog
) -> None:
    p = preview(practice, "Name,DOB\nAmira,1985-01-01\n   ,1990-01-01\nBo,2999-01-01\n")
    assert len(p.rows) == 1 and len(p.rejected) == 2
    before = audit_log()
    with pytest.raises(ValidationError, match="2 rows cannot be imported"):
        importer.import_clients(practice.uow(), p)
    assert case_count(practice) == 0 and audit_log() == before
    ids = importer.import_clients(practice.uow(), p, skip_rejected=True)
    assert len(ids) == 1 and case_count(practice) == 1
    assert audit_log()[-1][5] == "1 client from CSV"


def test_an_unresolved_date_order_blocks_the_import_until_chosen(practice: OpenPractice) -> None:
    text = "Name,DOB\nAmira,03/04/1985\n"
    p = preview(practice, text)
    assert p.date_order_unresolved
    with pytest.raises(ValidationError, match="choose which order"):
        importer.import_clients(practice.uow(), p, skip_rejected=True)
    assert case_count(practice) == 0
    (case_id,) = importer.import_clients(practice.uow(), preview(practice, text, day_first=False))
    born = cases.read_case(practice.uow(), case_id).partners[0].date_of_birth
    assert born == date(1985, 3, 4)


def test_a_failure_after_the_rows_are_written_leaves_no_case_and_no_audit_row(
    practice: OpenPractice, audit_log: AuditLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = preview(practice, CLIENTS + "Bo Li,,,,\nCy,,,,\n")
    real = UnitOfWork.audit
    inside: list[tuple[int, int]] = []

    def disk_full_at_the_audit_row(uow: UnitOfWork, action: str, *args: Any, **kw: Any) -> None:
        if action == "imported":
            count = uow.session.execute(select(func.count(Case.id))).scalar_one()
            people = uow.session.execute(select(func.count(Partner.id))).scalar_one()
            inside.append((count, people))  # really written, inside the transaction
            raise OSError(28, "No space left on device")
        real(uow, action, *args, **kw)

    monkeypatch.setattr(UnitOfWork, "audit", disk_full_at_the_audit_row)
    before = audit_log()
    with pytest.raises(OSError):
        importer.import_clients(practice.uow(), p)
    assert inside == [(5, 5)]
    assert case_count(practice) == 0
    with practice.uow() as uow:
        assert uow.session.execute(select(func.count(Partner.id))).scalar_one() == 0
    assert audit_log() == before
    monkeypatch.setattr(UnitOfWork, "audit", real)
    assert len(importer.import_clients(practice.uow(), p)) == 5  # the same preview, in full


def test_an_empty_preview_imports_nothing(practice: OpenPractice) -> None:
    p = preview(practice, "Name\n \n")
    with pytest.raises(ValidationError):
        importer.import_clients(practice.uow(), p, skip_rejected=True)


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda d: d / "missing.csv", "There is no file"),
        (lambda d: d, "is a folder"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_sentence(
    tmp_path: Path, practice: OpenPractice, make: Callable[[Path], Path], fragment: str
) -> None:
    with pytest.raises(ImportFileError, match=fragment):
        importer.preview_file(practice.uow(), make(tmp_path))


def test_preview_file_reads_windows_1252(tmp_path: Path, practice: OpenPractice) -> None:
    path = tmp_path / "old-system.csv"
    path.write_bytes("Surname;Given name\nMarchetti;Zoë\n".encode("cp1252"))
    p = importer.preview_file(practice.uow(), path, today=TODAY)
    assert [r.client.name for r in p.rows] == ["Zoë Marchetti"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=csv_like(), skip=st.booleans(), day_first=st.sampled_from([None, True, False]))
def test_fuzzed_import_creates_exactly_the_previewed_cases_or_none(
    practice: OpenPractice, data: str | bytes, skip: bool, day_first: bool | None
) -> None:
    try:
        p = preview(practice, data, day_first=day_first)
    except ImportFileError:
        return
    before = case_count(practice)
    try:
        ids = importer.import_clients(practice.uow(), p, skip_rejected=skip, today=TODAY)
    except ValidationError:
        assert p.blocker(skip) is not None
        assert case_count(practice) == before
        return
    assert p.blocker(skip) is None
    assert len(ids) == len(p.rows) == case_count(practice) - before
    stored = [cases.read_case(practice.uow(), i).partners[0] for i in ids]
    assert [s.name for s in stored] == [r.client.name for r in p.rows]
    assert [s.date_of_birth for s in stored] == [r.client.date_of_birth for r in p.rows]


# The command line ---------------------------------------------------------------------


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


def test_cli_dry_run_prints_rows_warnings_and_rejected_lines_and_stores_nothing(
    tmp_path: Path, practice: OpenPractice, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(CLIENTS + " ,she/her,,,\nAmira Haddad,,,,\n", encoding="utf-8-sig")
    code, out, err = run_cli("import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert "line 2: Amira Haddad · she/her · born 25 March 1985" in out
    assert "مريم حداد 🌷" in out
    assert "warning: Same name as line 6" in out
    assert "line 5: The name is empty." in out
    assert "4 clients will be added; 1 row cannot be imported." in out
    assert "Dry run: nothing was imported." in out
    assert case_count(practice) == 0


def test_cli_import_refuses_rejected_rows_unless_skipped(
    tmp_path: Path, practice: OpenPractice, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(CLIENTS + "Bo,,2999-01-01,,\n", encoding="utf-8")
    code, out, err = run_cli("import", str(path))
    assert code == 2
    assert err.count("\n") == 1 and "Nothing was imported: 1 row cannot be imported" in err
    assert "--skip-rejected" in err and "line 5:" in out and "in the future" in out
    assert case_count(practice) == 0
    code, out, err = run_cli("import", str(path), "--skip-rejected")
    assert (code, err) == (0, "")
    assert "Imported 3 clients as individual cases; skipped 1 row." in out
    assert case_count(practice) == 3


def test_cli_import_asks_for_the_date_order_when_the_file_cannot_tell(
    tmp_path: Path, practice: OpenPractice, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text("Name,DOB\nAmira,03/04/1985\n", encoding="utf-8")
    code, _out, err = run_cli("import", str(path))
    assert code == 2 and "--day-first or --month-first" in err
    assert case_count(practice) == 0
    code, out, _err = run_cli("import", str(path), "--month-first")
    assert code == 0 and "Imported 1 client" in out
    (summary,) = cases.list_cases(practice.uow())
    born = cases.read_case(practice.uow(), summary.id).partners[0].date_of_birth
    assert born == date(1985, 3, 4)


def test_cli_import_errors_are_one_sentence(
    tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, _out, err = run_cli("import", str(tmp_path / "nope.csv"))
    assert code == 2 and err.strip() == f"clarity-desktop: There is no file {tmp_path}/nope.csv."
    bad = tmp_path / "bad.csv"
    bad.write_text("Insurance,Balance\nx,1\n", encoding="utf-8")
    code, _out, err = run_cli("import", str(bad), "--dry-run")
    assert code == 2 and err.count("\n") == 1 and "none of its names" in err
