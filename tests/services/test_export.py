"""A records request: the whole case in one ZIP (case.json, a PDF per note, the case's
audit entries, a README), written atomically and audited; and the export command."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.errors import NotFound, ValidationError
from clarity_desktop.domain.progress import CallbackProgress
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, export, importer, notes
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.practice import OpenPractice
from tests import pg_practice
from tests.reports import pdftools

ME = "Dana Reyes, LMFT"
AuditLog = Callable[[], list[tuple[Any, ...]]]
RTL = "مريم تقول: لا أعرف بعد 🌧️→🌤️"


@dataclass(frozen=True)
class Record:
    case: CaseDetail
    joint_note: int
    private_note: int
    draft_note: int
    other_case: int


@pytest.fixture
def record(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
) -> Record:
    """Zoë & Łukasz: a signed joint note with readings and two addenda, a signed private
    individual note of Zoë with an addendum, and a draft; plus another case."""
    zoe, lukasz = (p.id for p in couple_case.partners)
    joint = record_session(couple_case.id, datetime(2025, 3, 4, 10, 0)).note_id
    alone = record_session(couple_case.id, datetime(2025, 3, 11, 9, 30), attending=zoe).note_id
    later = record_session(couple_case.id, datetime(2025, 3, 18, 10, 0)).note_id
    assert joint and alone and later
    notes.save_draft(
        practice.uow(),
        joint,
        NoteDraft(
            Template.FIVE_STEPS,
            {"focus": "JOINT-FOCUS distance since the move.", "safety": "No concerns raised."},
            frozenset({Step.LEAN_IN}),
            {zoe: Step.LEAN_IN, lukasz: Step.NAME_WHATS_HAPPENING},
            False,
            partner_readings={
                zoe: PartnerReading(position=2, stance=6, clarity=4),
                lukasz: PartnerReading(position=-2, stance=5, clarity=3, flooded=True),
            },
            couple_reading=CoupleReading(
                loops=frozenset({Loop.PURSUE_WITHDRAW}),
                intensity=7,
                trigger="Talking about weekends",
                co_regulation=False,
                repair_attempts=2,
                repairs_landed=1,
            ),
        ),
    )
    notes.sign_note(practice.uow(), joint)
    notes.add_addendum(practice.uow(), joint, "ADDENDUM-ONE corrected date.")
    notes.add_addendum(practice.uow(), joint, f"ADDENDUM-TWO {RTL}")
    notes.save_draft(
        practice.uow(),
        alone,
        NoteDraft(
            Template.DAP,
            {"data": "PRIVATE-ZOE what she said alone.", "plan": "Keep private."},
            frozenset({Step.FIND_YOUR_DIRECTION}),
            {zoe: Step.FIND_YOUR_DIRECTION},
            True,
            partner_readings={zoe: PartnerReading(stance=3, direction=Direction.NOT_YET_CLEAR)},
        ),
    )
    notes.sign_note(practice.uow(), alone)
    notes.add_addendum(practice.uow(), alone, "ADDENDUM-PRIVATE follow-up.")
    notes.save_draft(
        practice.uow(),
        later,
        NoteDraft(Template.FIVE_STEPS, {"focus": "DRAFT-TEXT unfinished."}, frozenset(), {}, False),
    )
    other = cases.create_case(
        practice.uow(),
        CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput(name="Other Client"),)),
    )
    cases.open_case(practice.uow(), other.id)  # an audit row for another case
    detail = cases.read_case(practice.uow(), couple_case.id)
    return Record(detail, joint, alone, later, other.id)


def audit_rows(practice: OpenPractice) -> list[tuple[Any, ...]]:
    return pg_practice.rows(
        practice,
        "SELECT id, action, entity, entity_id, case_id, detail FROM audit_events ORDER BY id",
    )


def open_zip(path: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    zf = zipfile.ZipFile(path)
    return zf, json.loads(zf.read("case.json").decode("utf-8"))


def test_the_zip_holds_readme_json_a_pdf_per_note_and_the_audit(
    practice: OpenPractice, record: Record, tmp_path: Path
) -> None:
    out = tmp_path / "records.zip"
    summary = export.export_case(practice.uow(), record.case.id, out)
    zf, doc = open_zip(out)
    assert zf.testzip() is None
    assert sorted(zf.namelist()) == [
        "README.txt",
        "audit.csv",
        "case.json",
        f"notes/2025-03-04-session-{record.case.sessions[2].id}.pdf",
        f"notes/2025-03-11-session-{record.case.sessions[1].id}.pdf",
        f"notes/2025-03-18-session-{record.case.sessions[0].id}.pdf",
    ]
    assert (summary.notes, summary.pdfs, summary.addenda, summary.private_notes) == (3, 3, 3, 1)
    assert summary.path == out and summary.case_name == "Zoë & Łukasz"
    assert doc["format"] == "clarity-desktop-case-export" and doc["format_version"] == 1
    assert doc["exported_by"] == ME
    assert doc["clinician"] == {"name": "Dana Reyes", "credentials": "LMFT", "signature": ME}
    assert doc["exported_at"].endswith("Z")


def test_case_json_has_every_session_note_addendum_and_reading(
    practice: OpenPractice, record: Record, tmp_path: Path
) -> None:
    export.export_case(practice.uow(), record.case.id, tmp_path / "r.zip")
    _zf, doc = open_zip(tmp_path / "r.zip")
    zoe, lukasz = (p.id for p in record.case.partners)
    assert doc["case"] | {"created_at": None, "updated_at": None} == {
        "id": record.case.id,
        "kind": "couple",
        "display_name": "Zoë & Łukasz",
        "relationship_structure": "Married",
        "status": "active",
        "opened_on": "2024-01-15",
        "closed_on": None,
        "safety_flag": False,
        "safety_note": "",
        "created_at": None,
        "updated_at": None,
    }
    assert doc["partners"] == [
        {
            "id": zoe,
            "position": 1,
            "name": "Zoë",
            "pronouns": "she/her",
            "date_of_birth": None,
            "email": "zoe@example.org",
            "phone": "",
            "language": "en",
        },
        {
            "id": lukasz,
            "position": 2,
            "name": "Łukasz",
            "pronouns": "he/him",
            "date_of_birth": "1988-04-02",
            "email": "",
            "phone": "",
            "language": "en",
        },
    ]
    joint, alone, later = doc["sessions"]  # oldest first
    assert [s["starts_at"] for s in doc["sessions"]] == [
        "2025-03-04T10:00",
        "2025-03-11T09:30",
        "2025-03-18T10:00",
    ]
    assert (joint["attending_partner_id"], joint["attending"]) == (None, "Both partners")
    assert (alone["attending_partner_id"], alone["attending"]) == (zoe, "Zoë")

    n = joint["note"]
    assert n["id"] == record.joint_note and n["status"] == "signed" and n["private"] is False
    assert n["signed_by"] == ME and n["signed_at"].endswith("Z")
    assert [s["key"] for s in n["sections"]] == ["focus", "safety"]
    assert n["sections"][0] == {
        "key": "focus",
        "title": "Focus of the session",
        "text": "JOINT-FOCUS distance since the move.",
    }
    assert n["steps"] == [{"step": 3, "title": "Lean In"}]
    assert n["partner_steps"] == [
        {"partner_id": zoe, "partner": "Zoë", "step": 3, "title": "Lean In"},
        {"partner_id": lukasz, "partner": "Łukasz", "step": 2, "title": "Name What's Happening"},
    ]
    assert n["partner_readings"] == [
        {
            "partner_id": zoe,
            "partner": "Zoë",
            "position": 2,
            "stance": 6,
            "clarity": 4,
            "flooded": False,
            "flooding_note": "",
            "direction": None,
        },
        {
            "partner_id": lukasz,
            "partner": "Łukasz",
            "position": -2,
            "stance": 5,
            "clarity": 3,
            "flooded": True,
            "flooding_note": "",
            "direction": None,
        },
    ]
    assert n["couple_reading"] == {
        "loops": ["pursue_withdraw"],
        "loop_other": "",
        "intensity": 7,
        "trigger": "Talking about weekends",
        "co_regulation": False,
        "co_regulation_note": "",
        "repair_attempts": 2,
        "repairs_landed": 1,
    }
    assert [a["body"] for a in n["addenda"]] == [
        "ADDENDUM-ONE corrected date.",
        f"ADDENDUM-TWO {RTL}",
    ]
    assert all(a["author"] == ME and a["created_at"].endswith("Z") for a in n["addenda"])

    p = alone["note"]
    assert p["private"] is True and p["template"] == "dap"
    assert p["partner_readings"][0]["direction"] == "not_yet_clear"
    assert p["couple_reading"] is None
    assert [a["body"] for a in p["addenda"]] == ["ADDENDUM-PRIVATE follow-up."]

    d = later["note"]
    assert (d["status"], d["signed_at"], d["signed_by"], d["addenda"]) == ("draft", None, None, [])
    assert doc["counts"] == {
        "sessions": 3,
        "notes": 3,
        "signed_notes": 2,
        "private_notes": 1,
        "addenda": 3,
        "partner_readings": 3,
        "couple_readings": 1,
        "audit_entries": doc["counts"]["audit_entries"],
    }


def test_each_pdf_shows_its_note_addenda_and_draft_mark(
    practice: OpenPractice, record: Record, tmp_path: Path
) -> None:
    export.export_case(practice.uow(), record.case.id, tmp_path / "r.zip")
    zf, doc = open_zip(tmp_path / "r.zip")
    joint, alone, later = (zf.read(s["note"]["pdf"]) for s in doc["sessions"])
    text = pdftools.flat(pdftools.text(joint))
    assert "JOINT-FOCUS distance since the move." in text
    assert "ADDENDUM-ONE corrected date." in text and "ADDENDUM-TWO" in text
    assert "DRAFT" not in text
    assert "PRIVATE-ZOE what she said alone." in pdftools.flat(pdftools.text(alone))
    later_text = pdftools.flat(pdftools.text(later))
    assert "DRAFT-TEXT unfinished." in later_text and "DRAFT" in later_text.replace("DRAFT-", "")


def test_audit_csv_holds_the_case_entries_only_and_the_export_is_audited(
    practice: OpenPractice, record: Record, tmp_path: Path
) -> None:
    before = audit_rows(practice)
    export.export_case(practice.uow(), record.case.id, tmp_path / "r.zip")
    after = audit_rows(practice)
    assert after[len(before) :] == [
        (after[-1][0], "exported", "case", record.case.id, record.case.id, "records export")
    ]
    zf, doc = open_zip(tmp_path / "r.zip")
    table = list(csv.reader(io.StringIO(zf.read("audit.csv").decode("utf-8"), newline="")))
    assert table[0] == list(export.AUDIT_COLUMNS)
    ids = [int(r[0]) for r in table[1:]]
    assert ids == [r[0] for r in before if r[4] == record.case.id]
    assert doc["counts"]["audit_entries"] == len(ids) > 5
    assert {r[3] for r in table[1:]} >= {"created", "signed", "addendum_added"}
    assert all(r[2] == ME and r[1].endswith("Z") for r in table[1:])
    other = {r[0] for r in before if r[4] == record.other_case}
    assert other and not other & set(ids)


def test_readme_says_what_the_files_are_and_that_private_notes_are_included(
    practice: OpenPractice, record: Record, tmp_path: Path
) -> None:
    export.export_case(practice.uow(), record.case.id, tmp_path / "r.zip")
    zf, doc = open_zip(tmp_path / "r.zip")
    readme = zf.read("README.txt").decode("utf-8")
    for name in ("case.json", "notes/", "audit.csv", "DRAFT", "not encrypted"):
        assert name in readme
    assert "full record is the legal record" in readme
    assert "clinician's decision" in readme
    assert "Private notes in this export (1):" in readme
    assert doc["sessions"][1]["note"]["pdf"] in readme
    assert "Zoë & Łukasz" in readme


def test_progress_is_reported_per_note(
    practice: OpenPractice, record: Record, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    export.export_case(
        practice.uow(),
        record.case.id,
        tmp_path / "r.zip",
        progress=CallbackProgress(lambda *a: seen.append(a)),
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_failed_export_leaves_no_file_no_temp_file_and_no_audit_row(
    practice: OpenPractice, record: Record, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "r.zip"
    out.write_bytes(b"an earlier export")

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    before = audit_rows(practice)
    with pytest.raises(KeyboardInterrupt):
        export.export_case(practice.uow(), record.case.id, out, progress=CallbackProgress(cancel))
    assert out.read_bytes() == b"an earlier export"
    assert sorted(p.name for p in folder.iterdir()) == ["r.zip"]
    assert audit_rows(practice) == before


def test_without_pdfs_the_json_says_so(
    practice: OpenPractice, record: Record, tmp_path: Path
) -> None:
    summary = export.export_case(
        practice.uow(), record.case.id, tmp_path / "r.zip", include_pdfs=False
    )
    zf, doc = open_zip(tmp_path / "r.zip")
    assert summary.pdfs == 0
    assert sorted(zf.namelist()) == ["README.txt", "audit.csv", "case.json"]
    assert all(s["note"]["pdf"] is None for s in doc["sessions"])


def test_a_case_without_sessions_exports_too(
    practice: OpenPractice, individual_case: CaseDetail, tmp_path: Path
) -> None:
    export.export_case(practice.uow(), individual_case.id, tmp_path / "r.zip")
    zf, doc = open_zip(tmp_path / "r.zip")
    assert doc["sessions"] == [] and doc["partners"][0]["name"] == "Søren Ødegård"
    assert "No note of this case is marked private." in zf.read("README.txt").decode()


def test_wrong_case_or_folder_is_a_clear_error_and_writes_nothing(
    practice: OpenPractice, individual_case: CaseDetail, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    before = audit_rows(practice)
    with pytest.raises(NotFound):
        export.export_case(practice.uow(), 999, folder / "r.zip")
    with pytest.raises(ValidationError, match="does not exist"):
        export.export_case(practice.uow(), individual_case.id, folder / "no" / "r.zip")
    with pytest.raises(ValidationError, match="is a folder"):
        export.export_case(practice.uow(), individual_case.id, folder)
    assert list(folder.iterdir()) == []
    assert audit_rows(practice) == before


def test_rtl_text_and_emoji_survive_csv_import_and_json_export(
    practice: OpenPractice, tmp_path: Path, record_session: Callable[..., SessionView]
) -> None:
    names = ["مريم حداد", "נועה כהן 🌈", "Kim 👩🏽‍❤️‍👨🏻 Lee", "\u200fسارا\u200f"]
    csv_bytes = ("Name;Pronouns\n" + "".join(f"{n};هي/هو\n" for n in names)).encode("utf-8-sig")
    preview = importer.preview_bytes(practice.uow(), csv_bytes)
    ids = importer.import_clients(practice.uow(), preview)
    for case_id, name in zip(ids, names, strict=True):
        note_id = record_session(case_id, datetime(2025, 3, 4, 10, 0)).note_id
        assert note_id is not None
        notes.save_draft(
            practice.uow(),
            note_id,
            NoteDraft(Template.FIVE_STEPS, {"focus": f"{name}: {RTL}"}, frozenset(), {}, False),
        )
        export.export_case(practice.uow(), case_id, tmp_path / f"{case_id}.zip")
        zf, doc = open_zip(tmp_path / f"{case_id}.zip")
        assert doc["case"]["display_name"] == name
        assert doc["partners"][0]["name"] == name and doc["partners"][0]["pronouns"] == "هي/هو"
        assert doc["sessions"][0]["note"]["sections"][0]["text"] == f"{name}: {RTL}"
        # Right-to-left words come out of pdftotext in visual order; the PDF's own
        # rendering of scripts is the reports' business: here it must exist and read.
        assert pdftools.readable(zf.read(doc["sessions"][0]["note"]["pdf"]))


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
        code = cli.main(["export", "--data-dir", str(practice.folder), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_export_writes_the_zip_and_refuses_to_overwrite(
    record: Record, tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    out = tmp_path / "request.zip"
    code, stdout, err = run_cli("--case", str(record.case.id), "--out", str(out))
    assert (code, err) == (0, "")
    assert f"Wrote {out}: case {record.case.id} (Zoë & Łukasz), 3 notes, 3 addenda, 3 PDFs." in (
        stdout
    )
    assert "1 private note" in stdout
    assert open_zip(out)[1]["case"]["id"] == record.case.id
    code, _stdout, err = run_cli("--case", str(record.case.id), "--out", str(out))
    assert code == 2 and "already exists" in err and err.count("\n") == 1
    code, _stdout, err = run_cli(
        "--case", str(record.case.id), "--out", str(out), "--overwrite", "--no-pdfs"
    )
    assert code == 0 and "0 PDFs" in _stdout
    assert sorted(open_zip(out)[0].namelist()) == ["README.txt", "audit.csv", "case.json"]


def test_cli_export_errors_are_one_sentence(
    practice: OpenPractice, tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, _out, err = run_cli("--out", str(tmp_path / "x.zip"))
    assert code == 2 and err.strip() == (
        "clarity-desktop: Please say which case to export with --case ID."
    )
    code, _out, err = run_cli("--case", "404", "--out", str(tmp_path / "x.zip"))
    assert code == 2 and err.strip() == "clarity-desktop: There is no case number 404."
    assert not (tmp_path / "x.zip").exists()
