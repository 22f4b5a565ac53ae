"""A copy of the records for one partner never carries what the other partner said
alone: a marker phrase written everywhere the other partner's private material can live
(note sections, addenda, readings, contact details, the safety screening, file names in
the audit log) must not be found in any file of the ZIP, PDFs read with pdftotext."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.dynamics import PartnerReading
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, documents, export, notes
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools

MARKER = "WITHHELD-MARKER-Q7"  # the other partner's private material
OWN = "OWN-WORDS-K2"  # the requesting partner's own individual session
JOINT = "JOINT-WORDS-J5"  # a joint session: released


@pytest.fixture
def couple(
    practice: OpenPractice,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
    tmp_path: Path,
) -> CaseDetail:
    """Ngozi & Marcus: a joint note, Ngozi's private individual note, Marcus's private
    individual note (the marker everywhere), a private joint note, a safety screening."""
    case = cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="Ngozi & Marcus",
            partners=(
                PartnerInput(name="Ngozi Eze", email="ngozi@example.org"),
                PartnerInput(
                    name="Marcus Hale",
                    email=f"{MARKER.lower()}@example.org",
                    phone=f"+44 {MARKER}",
                    date_of_birth=date(1979, 2, 28),
                ),
            ),
            safety_flag=True,
            safety_note=f"Screened at intake: {MARKER}",
            opened_on=date(2025, 1, 6),
        ),
    )
    ngozi, marcus = (p.id for p in case.partners)

    def write(when: datetime, attending: int | None, words: str, private: bool) -> int:
        note_id = record_session(case.id, when, attending=attending).note_id
        assert note_id is not None
        who = attending or ngozi
        base = draft(
            {"focus": f"{words} focus", "safety": f"{words} safety"},
            {Step.LEAN_IN},
            {who: Step.LEAN_IN},
            private=private,
        )
        notes.save_draft(
            practice.uow(),
            note_id,
            replace(
                base,
                partner_readings={
                    who: PartnerReading(
                        position=2, clarity=4, flooded=True, flooding_note=f"{words} flooded"
                    )
                },
            ),
        )
        notes.sign_note(practice.uow(), note_id)
        notes.add_addendum(practice.uow(), note_id, f"{words} addendum")
        return note_id

    write(datetime(2025, 2, 3, 10, 0), None, JOINT, False)
    write(datetime(2025, 2, 10, 10, 0), ngozi, OWN, True)
    marcus_note = write(datetime(2025, 2, 17, 10, 0), marcus, MARKER, True)
    write(datetime(2025, 2, 24, 10, 0), None, MARKER, True)  # a joint note marked private
    # The audit log names a file made from Marcus's note.
    documents.note_pdf(practice.uow(), marcus_note, tmp_path / f"{MARKER}.pdf")
    return cases.read_case(practice.uow(), case.id)


def every_text(zip_path: Path, folder: Path, forbidden: str | None = MARKER) -> dict[str, str]:
    """Each file of the ZIP as text (PDFs through pdftotext), extracted like a reader would;
    *forbidden* is also looked for in each file's raw bytes."""
    found: dict[str, str] = {}
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(folder)
        for name in zf.namelist():
            path = folder / name
            raw = path.read_bytes()
            found[name] = pdftools.text(path) if name.endswith(".pdf") else raw.decode("utf-8")
            if forbidden is not None:
                assert forbidden.encode() not in raw, name
    return found


def test_nothing_withheld_reaches_any_file_of_a_partners_copy(
    practice: OpenPractice, couple: CaseDetail, tmp_path: Path
) -> None:
    ngozi = couple.partners[0]
    out = tmp_path / "release.zip"
    summary = export.export_case(practice.uow(), couple.id, out, for_partner=ngozi.id)
    files = every_text(out, tmp_path / "unzipped")
    assert len([n for n in files if n.endswith(".pdf")]) == 2  # the joint note and her own
    for name, text in files.items():
        assert MARKER not in text, name
        assert MARKER.lower() not in text.lower(), name
    everything = "\n".join(files.values())
    assert f"{JOINT} focus" in everything and f"{OWN} focus" in everything
    assert f"{OWN} addendum" in everything and f"{JOINT} flooded" in everything
    assert "1979" not in files["case.json"]  # Marcus's date of birth
    assert summary.withheld  # shown on screen and in the ZIP


def test_each_partners_copy_withholds_the_other_ones_private_notes(
    practice: OpenPractice, couple: CaseDetail, tmp_path: Path
) -> None:
    marcus = couple.partners[1]
    out = tmp_path / "marcus.zip"
    export.export_case(practice.uow(), couple.id, out, for_partner=marcus.id)
    files = every_text(out, tmp_path / "unzipped", forbidden=OWN)
    everything = "\n".join(files.values())
    assert OWN not in everything  # Ngozi's individual session
    assert f"{JOINT} focus" in everything
    assert f"{MARKER} focus" in everything  # his own individual session is his


def test_the_command_line_release_holds_nothing_withheld(
    practice: OpenPractice,
    couple: CaseDetail,
    practice_dir: Path,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    out = tmp_path / "cli.zip"
    args = ["export", "--data-dir", str(practice_dir), "--case", str(couple.id)]
    assert cli.main([*args, "--for-partner", "ngozi", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert MARKER not in printed
    files = every_text(out, tmp_path / "unzipped")
    assert all(MARKER not in text for text in files.values())
    withheld = json.loads(files["case.json"])["release"]["withheld"]
    assert withheld and all(item["why"] for item in withheld)
