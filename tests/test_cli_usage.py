"""Bad values on the command line are one sentence and exit code 2 for every command,
never argparse's usage block; --page-size takes any case; --partner ignores accents;
`sessions` lists a case's sessions so a note can be found for `report note --session`."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.cli.args import sentence
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import audit, notes, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.practice import OpenPractice
from tests.reports import pdftools
from tests.test_cli import assert_clean_error, run_process

D = ("--data-dir", "/nonexistent/practice")
MISTAKES = [
    (("report", "note", *D, "--case", "abc"), "--case needs a whole number, not 'abc'."),
    (("report", "handout", *D, "--step", "three"), "--step needs a whole number, not 'three'."),
    (("report", "summary", *D, "--page-size", "A5"), "The page size is A4 or Letter, not 'A5'."),
    (
        ("report", "memo", *D),
        "The document is one of note, summary, progress, handout, steps, plan, check-in, not 'memo'.",
    ),
    (("report", "note", *D, "--case"), "--case needs a value."),
    (("report", "note"), "Please give --data-dir."),
    (("export", *D, "--case", "x1"), "--case needs a whole number, not 'x1'."),
    (("export", *D, "--page-size", "tabloid"), "The page size is A4 or Letter, not 'tabloid'."),
    (("sessions", *D, "--case", "two"), "--case needs a whole number, not 'two'."),
    (("sessions", *D), "Please give --case."),
    (("audit", *D, "--case", "seven"), "--case needs a whole number, not 'seven'."),
    (("demo", *D, "--scale", "lots"), "--scale needs a whole number, not 'lots'."),
    (
        ("import", *D, "a.csv", "--day-first", "--month-first"),
        "--month-first and --day-first cannot be used together.",
    ),
    (("restore", *D), "Please give --from or --undo."),
    (("cases", *D, "--colour"), "Unknown option --colour (see clarity-desktop COMMAND --help)."),
    (
        ("frobnicate",),
        "There is no command 'frobnicate' (commands: init, demo, info, check, cases, report, "
        "audit, backup, restore, sessions, export, import, schedule, today, plan, measures, "
        "server).",
    ),
]


@pytest.mark.parametrize(("args", "message"), MISTAKES, ids=[" ".join(a[:2]) for a, _ in MISTAKES])
def test_a_bad_value_is_one_sentence_and_exit_2(
    args: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(list(args))
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"clarity-desktop: {message}\n"
    assert "usage:" not in err


def test_a_real_process_exits_2_with_one_line() -> None:
    result = run_process("report", "summary", "--data-dir", "x", "--case", "abc")
    assert_clean_error(result, "clarity-desktop: --case needs a whole number, not 'abc'.")
    assert "usage" not in result.stderr


def test_argparse_messages_become_sentences() -> None:
    assert sentence("argument --to: expected one argument") == "--to needs a value."
    assert sentence("unrecognized arguments: extra words") == (
        "Unexpected 'extra' 'words' (see clarity-desktop COMMAND --help)."
    )
    assert sentence("something odd happened") == "Something odd happened."


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, passphrase: str, tmp_path: Path) -> Path:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_page_size_takes_any_case(
    env: Path, practice: OpenPractice, practice_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["report", "steps", "--data-dir", str(practice_dir), "--page-size", "letter"])
    assert code == 0, capsys.readouterr().err
    assert "letter" in pdftools.info(env / "five-steps.pdf")["Page size"].lower()


@pytest.mark.parametrize(
    ("typed", "printed"), [("Zoe", "Zoë"), ("LUKASZ", "Łukasz"), ("zoë", "Zoë")]
)
def test_partner_matches_without_accents_or_case(
    env: Path,
    practice: OpenPractice,
    couple_case: CaseDetail,
    practice_dir: Path,
    capsys: pytest.CaptureFixture[str],
    typed: str,
    printed: str,
) -> None:
    args = ["report", "handout", "--data-dir", str(practice_dir), "--case", str(couple_case.id)]
    code = cli.main([*args, "--partner", typed, "--step", "2", "--out", "h.pdf"])
    assert code == 0, capsys.readouterr().err
    assert f"For {printed}" in pdftools.flat(pdftools.text(env / "h.pdf"))


def test_an_unknown_partner_is_one_sentence(
    env: Path,
    practice: OpenPractice,
    couple_case: CaseDetail,
    practice_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["report", "handout", "--data-dir", str(practice_dir), "--case", str(couple_case.id)]
    assert cli.main([*args, "--partner", "Zed", "--step", "2"]) == 2
    assert capsys.readouterr().err == (
        "clarity-desktop: There is no partner called “Zed” in this case (partners: Zoë, Łukasz).\n"
    )


def test_sessions_lists_a_cases_sessions_to_find_a_note(
    env: Path,
    practice: OpenPractice,
    couple_case: CaseDetail,
    practice_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    zoe = couple_case.partners[0]
    joint = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2025, 3, 4, 10, 0))
    )
    alone = sessions.create_session(
        practice.uow(),
        couple_case.id,
        SessionInput(starts_at=datetime(2025, 3, 11, 9, 30), attending_partner_id=zoe.id),
    )
    assert joint.note_id is not None
    written = NoteDraft(
        Template.FIVE_STEPS, {"focus": "The move."}, frozenset({Step.LEAN_IN}), {}, False
    )
    notes.save_draft(practice.uow(), joint.note_id, written)
    notes.sign_note(practice.uow(), joint.note_id)
    base = ["sessions", "--data-dir", str(practice_dir), "--case", str(couple_case.id)]
    viewed = audit.AuditFilter(case_id=couple_case.id, action="viewed")
    before = len(audit.list_events(practice.uow(), viewed))
    assert cli.main(base) == 0
    assert len(audit.list_events(practice.uow(), viewed)) == before + 1  # reading is logged
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Case {couple_case.id}: {couple_case.display_name}"
    assert lines[1].split() == [
        str(joint.id),
        "2025-03-04",
        "10:00",
        "Both",
        "partners",
        "signed",
        "steps",
        "3",
    ]
    assert lines[2].split() == [
        str(alone.id),
        "2025-03-11",
        "09:30",
        "Zoë",
        "draft",
        "steps",
        "-",
        "private",
    ]

    assert cli.main([*base, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(s["id"], s["starts_at"], s["note"], s["private"]) for s in listed] == [
        (joint.id, "2025-03-04T10:00", "signed", False),
        (alone.id, "2025-03-11T09:30", "draft", True),
    ]
    # The id found is the one `report note --session` takes.
    code = cli.main(
        ["report", "note", *base[1:], "--session", str(listed[1]["id"]), "--out", "n.pdf"]
    )
    assert code == 0, capsys.readouterr().err
    assert "Zoë (individual session)" in pdftools.flat(pdftools.text(env / "n.pdf"))
