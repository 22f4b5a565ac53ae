"""A crash must not leave a core dump: it would hold the database key, client names and
note text in the clear.

The children start with core files allowed (up to the hard limit) and a permissive
umask, so every restriction seen is the program's own. Three views:
- the kernel's state inside the process, read through the real entry points;
- /proc/PID/limits of the real program while it waits (the window at its unlock screen,
  the command line at its passphrase prompt);
- the real thing: the waiting program is crashed with SIGSEGV and no core file appears
  where the kernel would have written it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from clarity_desktop.services import practices
from tests.conftest import PASSPHRASE
from tests.faults.conftest import isolated_env, permissive_start, program

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads Linux /proc and prctl")

CHILD = Path(__file__).with_name("process_state_child.py")
CORE_PATTERN = Path("/proc/sys/kernel/core_pattern")


def crashes_could_dump() -> None:
    """Skip unless a child of this runner may be allowed core files at all: with a hard
    limit of 0 here, "no core file" would prove nothing about the program."""
    import resource

    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        pytest.skip("core files are forbidden for this test runner (hard limit 0)")


def core_files_land_in_cwd() -> bool:
    """True when the kernel writes a crashing process's core into its working folder
    (core_pattern is a plain relative name, like the default "core")."""
    try:
        pattern = CORE_PATTERN.read_text().strip()
    except OSError:
        return False
    return bool(pattern) and not pattern.startswith("|") and "/" not in pattern


def core_limit(pid: int) -> tuple[str, str]:
    """(soft, hard) "Max core file size" of a running process, as /proc shows it."""
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            soft, hard = line.split()[4:6]
            return soft, hard
    raise AssertionError("no core limit in /proc/PID/limits")


def wait_for(condition: Callable[[], bool], child: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert child.poll() is None, f"the program ended before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def crash_and_collect(child: subprocess.Popen[bytes], cwd: Path) -> list[str]:
    """SIGSEGV the child, wait for it, and list what the crash left in its folder."""
    os.kill(child.pid, signal.SIGSEGV)
    assert child.wait(timeout=120) == -signal.SIGSEGV
    return sorted(p.name for p in cwd.iterdir())


def window_loaded(pid: int) -> bool:
    """Qt's widget library is mapped: main() has handed over to the window. A user who
    is not root may not read the maps of a process that made itself undumpable, which
    only main() does; then main() has run, and the window is moments away."""
    try:
        return "libQt6Widgets" in Path(f"/proc/{pid}/maps").read_text()
    except PermissionError:
        return True


@pytest.fixture
def practice_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "practice"
    practices.create_practice(folder, PASSPHRASE, PASSPHRASE, "Dana Reyes", "LMFT")[0].close()
    return folder


@contextlib.contextmanager
def running(child: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    try:
        yield child
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)


@pytest.mark.parametrize("entry", ["cli", "module"])
def test_every_entry_point_forbids_core_dumps_and_tracing_first_thing(
    entry: str, tmp_path: Path
) -> None:
    crashes_could_dump()
    done = subprocess.run(
        [sys.executable, str(CHILD), entry],
        capture_output=True,
        text=True,
        env=isolated_env(tmp_path / "env"),
        cwd=tmp_path,
        timeout=120,
        preexec_fn=permissive_start(allow_core=True),
    )
    assert done.returncode == 0, done.stderr
    state = json.loads(done.stdout.strip().splitlines()[-1])
    assert state["dumpable"] == 0  # no core, and no same-user debugger or /proc/PID/mem
    assert (state["core_soft"], state["core_hard"]) == (0, 0)  # and it cannot be raised again
    assert state["umask"] == 0o077  # what it writes is the owner's alone


@pytest.mark.slow
def test_the_window_waiting_at_its_unlock_screen_crashes_without_a_core_file(
    tmp_path: Path, practice_folder: Path
) -> None:
    crashes_could_dump()
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    child = subprocess.Popen(
        program("--data-dir", str(practice_folder)),
        env=isolated_env(tmp_path / "env"),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=permissive_start(allow_core=True),
    )
    with running(child):
        wait_for(lambda: window_loaded(child.pid), child, "the window")
        assert core_limit(child.pid) == ("0", "0")
        if not core_files_land_in_cwd():
            pytest.skip("this kernel hands cores to a helper program; the limit is checked")
        assert crash_and_collect(child, cwd) == []


@pytest.mark.slow
def test_the_command_line_waiting_for_a_passphrase_crashes_without_a_core_file(
    tmp_path: Path, practice_folder: Path
) -> None:
    crashes_could_dump()
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    master, terminal = pty.openpty()
    start = permissive_start(allow_core=True)

    def as_in_a_terminal() -> None:
        start()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # the pty is this session's terminal

    env = isolated_env(tmp_path / "env")
    child = subprocess.Popen(
        program("cases", "--data-dir", str(practice_folder)),
        env=env,
        cwd=cwd,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,
        preexec_fn=as_in_a_terminal,
    )
    os.close(terminal)
    seen = b""

    def prompted() -> bool:
        nonlocal seen
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            with contextlib.suppress(OSError):
                seen += os.read(master, 1024)
        return b"Passphrase:" in seen

    try:
        with running(child):
            wait_for(prompted, child, "the passphrase prompt")
            assert core_limit(child.pid) == ("0", "0")
            if not core_files_land_in_cwd():
                pytest.skip("this kernel hands cores to a helper program; the limit is checked")
            assert crash_and_collect(child, cwd) == []
    finally:
        os.close(master)
