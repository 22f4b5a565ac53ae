"""A killed export leaves nothing behind, and errors name the file the user chose.

A records export is written to a hidden temporary file beside the chosen name and
renamed when complete. Killed mid-way (SIGKILL: no chance to clean up), that temporary
file would stay, hidden, holding the case's records. The next start of the program must
remove it, and only it: a user's own files, even with similar names, stay, and so does
the temporary file of an export still running in another copy of the program.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import cases, notes, practices, sessions
from clarity_desktop.services.dto import NoteDraft
from tests.conftest import PASSPHRASE
from tests.faults.conftest import isolated_env, permissive_start, program

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and SIGSTOP are POSIX")

Run = Callable[..., subprocess.CompletedProcess[str]]
NOTES = 40
USERS_OWN = (".holiday-photos.zip.part", "draft.part", ".clarity-mine.part.txt")
TEXT = "Zoë named the distance since the move; Łukasz said he feels rushed. " * 40


@pytest.fixture(scope="module")
def practice_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One couple case with enough notes that exporting it with PDFs takes a while."""
    folder = tmp_path_factory.mktemp("export-parts") / "practice"
    opened, _ = practices.create_practice(folder, PASSPHRASE, PASSPHRASE, "Dana Reyes", "LMFT")
    try:
        case = cases.create_case(
            opened.uow(),
            CaseInput(CaseKind.COUPLE, "", (PartnerInput("Zoë"), PartnerInput("Łukasz"))),
        )
        start = datetime(2025, 1, 6, 10)
        for i in range(NOTES):
            session = sessions.create_session(
                opened.uow(), case.id, SessionInput(start + timedelta(days=7 * i))
            )
            assert session.note_id is not None
            draft = NoteDraft(Template.FIVE_STEPS, {"focus": TEXT}, frozenset(), {}, False)
            notes.save_draft(opened.uow(), session.note_id, draft)
    finally:
        opened.close()
    return folder


def start_export(tmp_path: Path, folder: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        program("export", "--data-dir", str(folder), "--case", "1", "--out", str(out)),
        env=isolated_env(tmp_path / "env", CLARITY_PASSPHRASE=PASSPHRASE),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=permissive_start(),
    )


def wait_for_a_part(child: subprocess.Popen[str], folder: Path, known: set[str]) -> str:
    """The name of the temporary file the export is writing, once it holds something."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for entry in folder.iterdir():
            if entry.name not in known and entry.suffix != ".zip" and entry.stat().st_size > 0:
                return entry.name
        assert child.poll() is None, (
            f"the export ended first: {child.stderr.read() if child.stderr else ''}"
        )
        time.sleep(0.005)
    raise AssertionError("no temporary file appeared")


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    """The folder the therapist exports to, already holding some files of their own."""
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in USERS_OWN:
        (folder / name).write_text("mine", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_killed_export_leaves_no_temporary_file_after_the_next_start(
    tmp_path: Path, practice_folder: Path, exports: Path, run_program: Run
) -> None:
    out = exports / "case-1-records.zip"
    child = start_export(tmp_path, practice_folder, out)
    try:
        part = wait_for_a_part(child, exports, set(USERS_OWN))
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    left = {p.name for p in exports.iterdir()}
    assert part in left and not out.exists()  # the fault happened: records in a hidden file

    done = run_program("info")  # the next start of the program, any command
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in exports.iterdir()) == sorted(USERS_OWN)
    assert all((exports / n).read_text(encoding="utf-8") == "mine" for n in USERS_OWN)


@pytest.mark.slow
def test_the_temporary_file_of_an_export_still_running_is_left_alone(
    tmp_path: Path, practice_folder: Path, exports: Path, run_program: Run
) -> None:
    out = exports / "case-1-records.zip"
    child = start_export(tmp_path, practice_folder, out)
    try:
        part = wait_for_a_part(child, exports, set(USERS_OWN))
        child.send_signal(signal.SIGSTOP)  # paused mid-way, but alive
        done = run_program("info")
        assert done.returncode == 0, done.stderr
        assert (exports / part).exists()
        child.send_signal(signal.SIGCONT)
        _stdout, stderr = child.communicate(timeout=180)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == 0, stderr
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
        assert sum(1 for n in zf.namelist() if n.endswith(".pdf")) == NOTES
    assert sorted(p.name for p in exports.iterdir()) == sorted([*USERS_OWN, out.name])


def test_a_long_file_name_that_the_system_accepts_is_written(
    tmp_path: Path, practice_folder: Path, run_program: Run
) -> None:
    """A name of 252 bytes is fine for the file (the limit is 255); a temporary name built
    from it (a dot, the name, a random part, .part) would be too long, and the error
    named that hidden file."""
    folder = tmp_path / "long"
    folder.mkdir()
    stem = "records-request-" + "ž" * 116  # 248 bytes in UTF-8
    zip_out, csv_out, pdf_out = (folder / f"{stem}.{ext}" for ext in ("zip", "csv", "pdf"))
    for command, options in (
        (["export"], ["--case", "1", "--no-pdfs", "--out", str(zip_out)]),
        (["audit"], ["--csv", str(csv_out)]),
        (["report", "steps"], ["--out", str(pdf_out)]),
    ):
        where = ["--data-dir", str(practice_folder)]
        done = run_program(*command, *where, *options, passphrase=PASSPHRASE)
        assert done.returncode == 0, done.stderr
        assert ".part" not in done.stderr
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted(p.name for p in (zip_out, csv_out, pdf_out))


def test_a_write_that_fails_names_the_chosen_file_and_leaves_nothing(
    tmp_path: Path, practice_folder: Path
) -> None:
    """The disk fills up mid-way (here: a file-size limit the system enforces)."""
    folder = tmp_path / "full"
    folder.mkdir()
    out = folder / "case-1-records.zip"
    start = permissive_start()
    db_size = (practice_folder / "practice.clarity").stat().st_size
    limit = db_size + 256 * 1024  # room for the practice's own journal; not for the ZIP

    def small_disk() -> None:
        start()
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        program("export", "--data-dir", str(practice_folder), "--case", "1", "--out", str(out)),
        env=isolated_env(tmp_path / "env", CLARITY_PASSPHRASE=PASSPHRASE),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        preexec_fn=small_disk,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(out) in lines[0] and ".part" not in lines[0] and ".clarity-" not in lines[0]
    assert list(folder.iterdir()) == []
    assert os.listdir(tmp_path / "env" / "data" / "Clarity Desktop" / "unfinished") == []
