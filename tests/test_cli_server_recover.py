"""``clarity-desktop server recover-keys`` as the practice's owner would run it, with the
recovery sheet ``server init`` printed: a case whose only key holder left is given to the
colleague it is assigned to next, and a sheet mistyped or from another practice is
refused in one sentence with nothing given."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from clarity_desktop import cli
from clarity_desktop.services import notes, practices
from tests.test_cli import assert_clean_error
from tests.test_cli_server import (
    DANA_PW,
    ELI_PW,
    ENV_NAMES,
    SUPER_ENV,
    Result,
    Server,
    case_names,
    import_clients,
    practice,
    run,
    server,
    sign_a_note,
)

__all__ = ["practice", "server"]  # fixtures


def recover(s: Server, sheet: str, *, yes: bool = True) -> Result:
    file = s.tmp / "sheet.txt"
    file.write_text(sheet, encoding="utf-8")
    return run(
        "server",
        "recover-keys",
        *("--url", s.super_url, "--ca", s.ca, "--recovery-key-file", file),
        *(["--yes"] if yes else []),
        server=s.cluster.superuser_password,
    )


class Terminal(io.StringIO):
    """Typed answers, on what looks like a terminal."""

    def isatty(self) -> bool:
        return True


def recover_at_terminal(s: Server, answer: str, mp: pytest.MonkeyPatch) -> Result:
    file = s.tmp / "sheet.txt"
    file.write_text(s.sheet, encoding="utf-8")
    argv = ["server", "recover-keys", "--url", s.super_url, "--ca", str(s.ca)]
    argv += ["--recovery-key-file", str(file)]
    for name in ENV_NAMES:
        mp.delenv(name, raising=False)
    mp.setenv(SUPER_ENV, s.cluster.superuser_password)
    mp.setattr(sys, "stdin", Terminal(answer + "\n"))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def eli_reads(s: Server, note_id: int) -> str:
    opened = practices.unlock_practice(s.folder("eli"), ELI_PW)
    try:
        return str(notes.read_note(opened.uow(), note_id).sections.get("focus", ""))
    finally:
        opened.close()


def test_a_case_whose_only_holder_left_is_given_from_the_sheet(practice: Server) -> None:
    s = practice
    import_clients(s, "dana", DANA_PW, "Robin Vale")
    case_id = case_names(s, "dana", DANA_PW)["Robin Vale"]
    note_id = sign_a_note(s, case_id)
    assert s.as_admin("assign", "--case", str(case_id), "--user", s.login("eli")).returncode == 0
    assert s.as_admin("disable-user", "--login", s.login("dana")).returncode == 0
    assert eli_reads(s, note_id) == ""  # locked: nobody left to share the key

    # Not on a terminal and no --yes: the plan is shown, nothing is given.
    asked = recover(s, s.sheet, yes=False)
    assert asked.returncode == 1, asked.stderr
    assert f"  Eli Park ({s.login('eli')}), clinician, assigned: 1 case key" in asked.stdout
    said = [line for line in asked.stderr.splitlines() if line.strip()]
    assert len(said) == 1 and "--yes" in said[0] and "Nothing was given" in said[0], said
    assert eli_reads(s, note_id) == ""

    done = recover(s, s.sheet)
    assert done.returncode == 0, done.stderr
    assert f"Gave Eli Park ({s.login('eli')}) 1 case key." in done.stdout
    assert eli_reads(s, note_id) == "Both named the pull to stay and to go."
    again = recover(s, s.sheet, yes=False)  # nothing to give: nothing to ask
    assert again.returncode == 0, again.stderr
    assert "nothing was given" in again.stdout


def test_a_mistyped_or_foreign_sheet_gives_nothing(practice: Server, tmp_path: Path) -> None:
    s = practice
    typo = s.sheet.replace(s.sheet[0], "A" if s.sheet[0] != "A" else "B", 1)
    assert_clean_error(recover(s, typo), "recovery key")
    assert_clean_error(recover(s, "ABCD-EFGH"), "letters and digits in groups of four")
    foreign = "\n".join(["ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345"] * 2)
    assert_clean_error(recover(s, foreign), "recovery key")


def test_at_a_terminal_the_owner_is_asked_first(
    practice: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = practice
    import_clients(s, "dana", DANA_PW, "Robin Vale")
    case_id = case_names(s, "dana", DANA_PW)["Robin Vale"]
    note_id = sign_a_note(s, case_id)
    assert s.as_admin("assign", "--case", str(case_id), "--user", s.login("eli")).returncode == 0
    assert s.as_admin("disable-user", "--login", s.login("dana")).returncode == 0

    no = recover_at_terminal(s, "n", monkeypatch)
    assert no.returncode == 1, no.stderr
    assert "Give these keys? [y/N]" in no.stdout and "Nothing was given." in no.stdout
    assert eli_reads(s, note_id) == ""
    yes = recover_at_terminal(s, "y", monkeypatch)
    assert yes.returncode == 0, yes.stderr
    assert f"Gave Eli Park ({s.login('eli')}) 1 case key." in yes.stdout
    assert eli_reads(s, note_id) == "Both named the pull to stay and to go."
