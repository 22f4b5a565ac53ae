"""A copy of the records for one partner: what is withheld and why, in case.json, README
and audit.csv, the counts, the audit row, and the rules' edges."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases, export, notes, release
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice

AuditLog = Callable[[], list[tuple[Any, ...]]]


def make_case(practice: OpenPractice, *, flagged: bool) -> CaseDetail:
    return cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(
                PartnerInput(name="Zoë Marchetti", email="zoe@example.org"),
                PartnerInput(name="Łukasz Nowak", phone="+48 600 000 000"),
            ),
            safety_flag=flagged,
            safety_note="Screened." if flagged else "",
            opened_on=date(2025, 1, 6),
        ),
    )


@pytest.fixture
def couple(
    practice: OpenPractice,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> CaseDetail:
    """A joint note; Łukasz's private note; Łukasz's individual note made shareable;
    Zoë's own private note; a session without a written note."""
    case = make_case(practice, flagged=True)
    zoe, lukasz = (p.id for p in case.partners)
    plan = [
        (datetime(2025, 2, 3, 10), None, False),
        (datetime(2025, 2, 10, 10), lukasz, True),
        (datetime(2025, 2, 17, 10), lukasz, False),
        (datetime(2025, 2, 24, 10), zoe, True),
    ]
    for when, who, private in plan:
        note_id = record_session(case.id, when, attending=who).note_id
        assert note_id is not None
        notes.save_draft(
            practice.uow(),
            note_id,
            draft({"focus": f"written {when:%d %b}"}, {Step.LEAN_IN}, private=private),
        )
        notes.sign_note(practice.uow(), note_id)
    record_session(case.id, datetime(2025, 3, 3, 10))
    return cases.read_case(practice.uow(), case.id)


def read(zip_path: Path) -> tuple[dict[str, Any], str, list[list[str]], list[str]]:
    with zipfile.ZipFile(zip_path) as z:
        payload = json.loads(z.read("case.json"))
        readme = z.read("README.txt").decode()
        audit = list(csv.reader(io.StringIO(z.read("audit.csv").decode())))
        return payload, readme, audit, z.namelist()


def test_the_plan_names_each_withheld_thing_and_why(couple: CaseDetail) -> None:
    zoe = couple.partners[0]
    plan = release.plan(couple, zoe.id)
    assert [w.what for w in plan.withheld] == [
        f"The note of the individual session with Łukasz Nowak on 10 Feb 2025 (session "
        f"{couple.sessions[-2].id}), with its readings, steps and addenda",
        "The audit entries about the notes above",
        "Łukasz Nowak's contact details and date of birth",
        "The case's safety screening (the flag and the clinician's note)",
        "The details column of the audit entries (file names, document descriptions)",
    ]
    assert (
        plan.withheld[0].why == "it is the private note of an individual session with Łukasz Nowak"
    )
    assert all(w.why for w in plan.withheld)


def test_the_partner_copy_json_readme_and_audit(
    practice: OpenPractice, couple: CaseDetail, tmp_path: Path, audit_log: AuditLog
) -> None:
    zoe, lukasz = couple.partners
    out = tmp_path / "zoe.zip"
    summary = export.export_case(practice.uow(), couple.id, out, for_partner=zoe.id)
    payload, readme, audit, names = read(out)

    assert payload["release"]["for_partner"] == {"id": zoe.id, "name": "Zoë Marchetti"}
    withheld_ids = {w["note_id"] for w in payload["release"]["withheld"] if w["note_id"]}
    assert len(withheld_ids) == 1
    by_note = {s["id"]: s for s in payload["sessions"]}
    held = [s for s in payload["sessions"] if s.get("note_withheld")]
    assert [s["note"] for s in held] == [None]
    assert held[0]["note_withheld"].startswith("it is the private note of an individual session")
    assert held[0]["attending"] == "Łukasz Nowak"  # the session itself is listed
    shared = [s for s in by_note.values() if s["note"] and s["attending_partner_id"] == lukasz.id]
    assert len(shared) == 1 and not shared[0]["note"]["private"]  # the clinician shared it
    own = [s for s in by_note.values() if s["note"] and s["attending_partner_id"] == zoe.id]
    assert own[0]["note"]["private"]  # her own private note is hers

    # Five sessions, each with a note (the last an empty draft); one withheld.
    assert payload["counts"]["notes"] == 4 and payload["counts"]["private_notes"] == 1
    assert summary.notes == 4 and summary.pdfs == 4
    assert len([n for n in names if n.startswith("notes/")]) == 4
    partners = {p["id"]: p for p in payload["partners"]}
    assert partners[zoe.id]["email"] == "zoe@example.org"
    assert partners[lukasz.id]["phone"] == "" and partners[lukasz.id]["date_of_birth"] is None
    assert payload["case"]["safety_flag"] is None and payload["case"]["safety_note"] == ""

    assert "A copy for: Zoë Marchetti" in readme
    for w in summary.withheld:
        assert w.what in readme.replace("\r\n", "\n")
    assert "withheld because it is the private note of an individual session" in readme

    header, *rows = audit
    assert header[-1] == "detail"
    assert all(row[-1] == "" for row in rows)
    assert not any(row[4] == "note" and int(row[5]) in withheld_ids for row in rows)
    assert payload["counts"]["audit_entries"] == len(rows)
    assert audit_log()[-1][:2] == ("exported", "case")
    assert audit_log()[-1][5] == (
        f"records export for partner {zoe.id} alone, 1 private note withheld"
    )


def test_the_list_says_nothing_about_a_safety_flag(practice: OpenPractice, tmp_path: Path) -> None:
    """Flagged or not, the list of what was withheld reads the same."""
    lists = []
    for flagged in (True, False):
        case = make_case(practice, flagged=flagged)
        lists.append(
            [
                (w.what.replace(str(case.id), ""), w.why)
                for w in release.plan(case, case.partners[1].id).withheld
            ]
        )
    assert lists[0] == lists[1]


def test_the_whole_export_is_unchanged(
    practice: OpenPractice, couple: CaseDetail, tmp_path: Path
) -> None:
    out = tmp_path / "all.zip"
    summary = export.export_case(practice.uow(), couple.id, out)
    payload, readme, audit, _ = read(out)
    assert "release" not in payload and summary.withheld == () and summary.for_partner is None
    assert payload["counts"]["notes"] == 5 and payload["case"]["safety_flag"] is True
    assert "This export is the full clinical record" in readme


def test_an_individual_case_or_a_stranger_is_refused(
    practice: OpenPractice, couple: CaseDetail, individual_case: CaseDetail, tmp_path: Path
) -> None:
    out = tmp_path / "x.zip"
    with pytest.raises(ValidationError, match="for couple cases"):
        export.export_case(
            practice.uow(), individual_case.id, out, for_partner=individual_case.partners[0].id
        )
    with pytest.raises(ValidationError, match="does not belong"):
        export.export_case(
            practice.uow(), couple.id, out, for_partner=individual_case.partners[0].id
        )
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["practice"]


def test_the_command_line_copy_for_one_partner(
    practice: OpenPractice,
    couple: CaseDetail,
    practice_dir: Path,
    passphrase: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    base = ["export", "--data-dir", str(practice_dir), "--case", str(couple.id)]
    out = tmp_path / "zoe.zip"
    assert cli.main([*base, "--for-partner", "zoe", "--out", str(out)]) == 0  # no accent
    printed = capsys.readouterr().out
    assert "A copy for Zoë Marchetti alone. Withheld (also listed in README.txt):" in printed
    assert "  - Łukasz Nowak's contact details and date of birth: withheld because" in printed
    assert read(out)[0]["release"]["for_partner"]["name"] == "Zoë Marchetti"

    assert cli.main([*base, "--for-partner", "Sam", "--out", str(tmp_path / "n.zip")]) == 2
    assert capsys.readouterr().err == (
        "clarity-desktop: There is no partner called “Sam” in this case "
        "(partners: Zoë Marchetti, Łukasz Nowak).\n"
    )
    assert not (tmp_path / "n.zip").exists()
