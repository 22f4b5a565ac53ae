"""The command line as a script or a cron job would use it: exit codes, one-sentence
errors on stderr, never a traceback.

Most commands run in this process (main(argv) with its own stdout, stderr, stdin and
environment, as a child process would have them: much faster); a few run as real
processes, for what only a process shows: the installed entry point starting up, its
exit code, and no Qt loaded by the command-line verbs."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clarity_desktop import cli

ROOT = Path(__file__).resolve().parents[1]
Result = subprocess.CompletedProcess[str]


def run(*args: str, passphrase: str | None = None, stdin: str | None = None) -> Result:
    """``clarity-desktop ARGS`` in this process: CLARITY_PASSPHRASE only when given,
    never CLARITY_DEBUG, stdin not a terminal (like a cron job's)."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("CLARITY_PASSPHRASE", raising=False)
        mp.delenv("CLARITY_DEBUG", raising=False)
        if passphrase is not None:
            mp.setenv("CLARITY_PASSPHRASE", passphrase)
        mp.setattr(sys, "stdin", io.StringIO(stdin or ""))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse: --help, --version, a bad argument
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def run_process(
    *args: str, passphrase: str | None = None, stdin: str | None = None, probe: str = ""
) -> Result:
    """``python -m clarity_desktop ARGS`` as a real process; with *probe*, ``python -c
    PROBE ARGS`` instead (a script that calls the entry point itself)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CLARITY_PASSPHRASE", "CLARITY_DEBUG")}
    env["PYTHONPATH"] = str(ROOT)
    if passphrase is not None:
        env["CLARITY_PASSPHRASE"] = passphrase
    start = ["-c", probe] if probe else ["-m", "clarity_desktop"]
    return subprocess.run(
        [sys.executable, *start, *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
        cwd=ROOT,
    )


def assert_clean_error(result: Result, fragment: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "demo"
    result = run("demo", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert "passphrase: demo" in result.stdout
    return folder


def test_init_with_a_passphrase_file_prints_the_recovery_key_once(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("a long enough passphrase\n", encoding="utf-8")
    folder = tmp_path / "p"
    result = run(
        "init",
        "--data-dir",
        str(folder),
        "--clinician",
        "Dana Reyes",
        "--credentials",
        "LMFT",
        "--passphrase-file",
        str(secret),
    )
    assert result.returncode == 0, result.stderr
    assert "Recovery key" in result.stdout
    check = run("check", "--data-dir", str(folder), "--passphrase-file", str(secret))
    assert check.returncode == 0
    assert check.stdout.startswith("ok")
    again = run(
        "init", "--data-dir", str(folder), "--clinician", "X", "--passphrase-file", str(secret)
    )
    assert_clean_error(again, "already a practice")


def test_cases_json_lists_the_demo_cases(demo_dir: Path) -> None:
    result = run("cases", "--data-dir", str(demo_dir), "--json", passphrase="demo")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert 7 <= len(rows) <= 9
    assert {"id", "name", "kind", "status"} <= set(rows[0])
    assert {r["kind"] for r in rows} == {"couple", "individual"}
    assert "closed" in {r["status"] for r in rows}
    table = run("cases", "--data-dir", str(demo_dir), passphrase="demo")
    assert all(r["name"] in table.stdout for r in rows)


def test_check_reports_ok_with_counts(demo_dir: Path) -> None:
    result = run("check", "--data-dir", str(demo_dir), passphrase="demo")
    assert result.returncode == 0
    assert result.stdout.startswith("ok:") and "cases" in result.stdout


def test_errors_are_one_sentence_and_exit_2(demo_dir: Path, tmp_path: Path) -> None:
    assert_clean_error(
        run("check", "--data-dir", str(demo_dir), passphrase="wrong"), "does not unlock"
    )
    missing = tmp_path / "nowhere"
    assert_clean_error(run("cases", "--data-dir", str(missing), passphrase="x"), "no practice")
    assert not missing.exists()
    assert_clean_error(run("cases", "--data-dir", str(demo_dir), stdin=""), "CLARITY_PASSPHRASE")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert_clean_error(
        run("check", "--data-dir", str(demo_dir), "--passphrase-file", str(empty)), "empty"
    )
    assert_clean_error(
        run("check", "--data-dir", str(demo_dir), "--passphrase-file", str(tmp_path / "none.txt")),
        "Cannot read the passphrase file",
    )


def test_damaged_practice_is_reported_by_check(tmp_path: Path, demo_dir: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(demo_dir, copy)
    db = copy / "practice.clarity"
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    db.write_bytes(bytes(data))
    result = run("check", "--data-dir", str(copy), passphrase="demo")
    assert result.returncode == 2
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_passphrase_is_never_a_plain_argument() -> None:
    result = run("check", "--data-dir", "x", "--passphrase", "secret")
    assert_clean_error(result, "Unknown option --passphrase (see clarity-desktop COMMAND --help).")
    assert "secret" not in result.stderr  # the mistyped secret is not echoed back


# ----- real processes --------------------------------------------------------------------

NO_QT_PROBE = """
import sys
from clarity_desktop.cli import main
folder = sys.argv[1]
verbs = [["cases", "--json"], ["check"], ["audit", "--verify"], ["sessions", "--case", "1"],
         ["today"], ["schedule", "--case", "1", "--at", "2031-05-06 14:00"]]
codes = [main([verb, "--data-dir", folder, *rest]) for verb, *rest in verbs]
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print("codes", codes, "qt", qt)
"""


def test_the_command_line_verbs_load_no_qt(demo_dir: Path) -> None:
    done = run_process(str(demo_dir), passphrase="demo", probe=NO_QT_PROBE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "codes [0, 0, 0, 0, 0, 0] qt []"


def test_the_installed_entry_point_starts_and_exits_0(demo_dir: Path) -> None:
    """python -m clarity_desktop: hardened first, then the command (exit code 2 from a
    real process: test_cli_usage and test_cli_day)."""
    ok = run_process("check", "--data-dir", str(demo_dir), passphrase="demo")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("ok:") and ok.stderr == ""
