"""`report handout` and `report steps` in a partner's language, or the one asked for with
--language; `report note --language es` in Spanish; the file name says when it is not
English."""

from __future__ import annotations

from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseInput, PartnerInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.delenv("CLARITY_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def lukasz_in_spanish(practice: OpenPractice, couple_case: CaseDetail) -> CaseDetail:
    """Zoë (English) and Łukasz, whose handouts are in Spanish."""
    return cases.update_case(
        practice.uow(),
        couple_case.id,
        CaseInput(
            kind=couple_case.kind,
            display_name=couple_case.display_name,
            partners=(PartnerInput(name="Zoë"), PartnerInput(name="Łukasz", language=Language.ES)),
            relationship_structure=couple_case.relationship_structure,
        ),
    )


def report(capsys: pytest.CaptureFixture[str], practice_dir: Path, *args: str) -> tuple[int, str]:
    code = cli.main(["report", *args, "--data-dir", str(practice_dir)])
    out, err = capsys.readouterr()
    return code, out + err


def test_a_partners_handout_follows_their_language_unless_asked(
    env: Path,
    practice_dir: Path,
    lukasz_in_spanish: CaseDetail,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cid = str(lukasz_in_spanish.id)
    code, said = report(capsys, practice_dir, "handout", "--case", cid, "--partner", "Łukasz",
                        "--step", "5")  # fmt: skip
    assert code == 0, said
    assert said.strip() == "Wrote handout-step-5-es.pdf."
    printed = pdftools.flat(pdftools.text(env / "handout-step-5-es.pdf"))
    assert "Paso 5 de 5 · Para Łukasz" in printed and "Avanzar con intención" in printed
    code, said = report(capsys, practice_dir, "handout", "--case", cid, "--partner", "Łukasz",
                        "--step", "5", "--language", "en")  # fmt: skip
    assert code == 0, said
    assert "Step 5 of 5 · For Łukasz" in pdftools.flat(pdftools.text(env / "handout-step-5.pdf"))


def test_a_joint_handout_is_english_unless_spanish_is_asked_for(
    env: Path,
    practice_dir: Path,
    lukasz_in_spanish: CaseDetail,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cid = str(lukasz_in_spanish.id)
    args = ("handout", "--case", cid, "--joint", "--step", str(int(Step.LEAN_IN)))
    code, said = report(capsys, practice_dir, *args)
    assert code == 0, said
    assert "For Zoë and Łukasz" in pdftools.flat(pdftools.text(env / "handout-step-3.pdf"))
    code, said = report(capsys, practice_dir, *args, "--language", "es")
    assert code == 0, said
    printed = pdftools.flat(pdftools.text(env / "handout-step-3-es.pdf"))
    assert "Para Zoë y Łukasz" in printed and "Explorar sin prisa" in printed


def test_the_overview_in_spanish(
    env: Path, practice: OpenPractice, practice_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said = report(capsys, practice_dir, "steps", "--language", "es")
    assert code == 0, said
    assert said.strip() == "Wrote five-steps-es.pdf."
    assert "Cinco pasos hacia la claridad" in pdftools.text(env / "five-steps-es.pdf")


def test_a_summary_in_spanish_is_named_so(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.brief_case import make_brief_case

    bc = make_brief_case(practice)
    code, said = report(capsys, practice_dir, "summary", "--case", str(bc.case.id),
                        "--language", "es")  # fmt: skip
    assert code == 0, said
    assert said.strip() == f"Wrote case-summary-{bc.case.id}-es.pdf."
    printed = pdftools.flat(pdftools.text(env / f"case-summary-{bc.case.id}-es.pdf"))
    assert "Resumen del caso" in printed and "Case summary" not in printed


def test_an_unknown_language_is_one_sentence(
    env: Path, practice_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["report", "steps", "--language", "fr", "--data-dir", str(practice_dir)])
    assert exited.value.code == 2
    assert capsys.readouterr().err.strip() == (
        "clarity-desktop: --language is one of en, es, not 'fr'."
    )


def test_the_overview_for_a_spanish_speaking_couple_says_so_in_its_name(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    couple_case: CaseDetail,
    capsys: pytest.CaptureFixture[str],
) -> None:
    both = tuple(PartnerInput(name=p.name, language=Language.ES) for p in couple_case.partners)
    cases.update_case(
        practice.uow(),
        couple_case.id,
        CaseInput(couple_case.kind, couple_case.display_name, both, "Married"),
    )
    code, said = report(capsys, practice_dir, "steps", "--case", str(couple_case.id))
    assert code == 0, said
    assert said.strip() == "Wrote five-steps-es.pdf."
    assert "Cinco pasos hacia la claridad" in pdftools.text(env / "five-steps-es.pdf")


def test_a_note_in_the_language_asked_for(
    env: Path,
    practice: OpenPractice,
    practice_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.brief_case import make_brief_case

    bc = make_brief_case(practice)
    cid, sid = str(bc.case.id), str(bc.third.id)
    code, said = report(capsys, practice_dir, "note", "--case", cid, "--session", sid,
                        "--language", "es")  # fmt: skip
    assert code == 0, said
    assert said.strip() == f"Wrote session-note-{bc.third.note_id}-es.pdf."
    printed = pdftools.flat(pdftools.text(env / f"session-note-{bc.third.note_id}-es.pdf"))
    assert "Nota de sesión" in printed and "Session note" not in printed
    code, said = report(capsys, practice_dir, "note", "--case", cid, "--session", sid)
    assert code == 0, said
    assert "Session note" in pdftools.text(env / f"session-note-{bc.third.note_id}.pdf")
