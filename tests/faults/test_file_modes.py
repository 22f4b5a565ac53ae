"""Everything the program writes is its user's alone: files 0600, folders 0700.

Each file is made the way a therapist makes it, by the real program in its own process
started with the usual umask 022, then stat-ed: the practice, its key, the backups
folder, each backup set and its manifest, a backup to a folder of one's choosing, the
PDFs of `report`, the records export ZIP, the audit CSV; and from the window: a PDF
printed to a file (Qt writes it), a PDF saved with "Save as", the audit CSV and a
records export, and the preferences file.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults.conftest import isolated_env, not_owner_only, permissive_start

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")

CHILD = Path(__file__).with_name("gui_files_child.py")
Run = Callable[..., subprocess.CompletedProcess[str]]


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def demo(tmp_path: Path, run_program: Run) -> Path:
    folder = tmp_path / "practice"
    ok(run_program("demo", "--data-dir", str(folder)))
    return folder


def test_every_file_the_command_line_writes_is_owner_only(
    tmp_path: Path, demo: Path, run_program: Run
) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o700)
    chosen = tmp_path / "usb-stick"  # a backup folder the therapist names; made by us
    key = {"passphrase": "demo"}
    ok(run_program("backup", "--data-dir", str(demo), **key))
    ok(run_program("backup", "--data-dir", str(demo), "--to", str(chosen / "clarity"), **key))
    for kind, extra in (("note", ["--case", "1"]), ("summary", ["--case", "1"]), ("steps", [])):
        target = out / f"{kind}.pdf"
        ok(
            run_program(
                "report", kind, "--data-dir", str(demo), *extra, "--out", str(target), **key
            )
        )
    ok(
        run_program(
            "export", "--data-dir", str(demo), "--case", "1", "--out", str(out / "case.zip"), **key
        )
    )
    ok(run_program("audit", "--data-dir", str(demo), "--csv", str(out / "audit.csv"), **key))

    backups = sorted((demo / "backups").iterdir())
    assert backups, "the backup made no backup set"
    written = {p.name for p in [*demo.rglob("*"), *chosen.rglob("*"), *out.iterdir()]}
    assert {"practice.clarity", "practice.key", "manifest.json", "backups"} <= written
    assert {"note.pdf", "summary.pdf", "steps.pdf", "case.zip", "audit.csv"} <= written
    env = tmp_path / "env"
    assert not_owner_only(demo, chosen, out, env / "data", env / "config") == {}


@pytest.mark.slow
def test_every_file_the_window_writes_is_owner_only(
    tmp_path: Path, demo: Path, run_program: Run
) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o700)
    env_base = tmp_path / "env"
    done = subprocess.run(
        [sys.executable, str(CHILD), str(demo), str(out)],
        capture_output=True,
        text=True,
        env=isolated_env(env_base, CLARITY_PASSPHRASE="demo"),
        cwd=tmp_path,
        timeout=180,
        preexec_fn=permissive_start(),
    )
    assert done.returncode == 0, done.stderr
    assert "missing" not in done.stdout, done.stdout
    names = {p.name for p in out.iterdir()}
    assert {"printed-to-file.pdf", "saved-as.pdf", "audit-trail.csv", "records.zip"} <= names
    assert list((env_base / "config").rglob("*.conf")), "no preferences were written"
    assert not_owner_only(demo, out, env_base / "data", env_base / "config") == {}
