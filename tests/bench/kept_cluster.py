"""The test server of tests/pg_cluster.py, kept in a folder of the benchmark's choosing
between runs: loading 800,000 notes takes minutes, starting a kept server seconds.

Set up as the test server is (TLS with verify-full, SCRAM only, the same throwaway
settings: fsync off, so a crash may spoil it; the benchmark then loads again, as its
'loaded' markers are written only after a load finished). New certificates and a new
port at every start (the test CA's certificates last a week); the superuser's password is
kept beside the data, readable by root only. A watchdog stops the server, but keeps the
folder, when the benchmark's process ends however it ends.
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from tests.pg_cluster import PgCluster, free_port

STOP_ONLY = """
import os, subprocess, sys
sys.stdin.buffer.read()
*pg_ctl, data = sys.argv[1:]
if os.path.exists(os.path.join(data, "postmaster.pid")):
    subprocess.run([*pg_ctl, "-D", data, "stop", "-w", "-m", "fast"], capture_output=True)
"""


class KeptCluster(PgCluster):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.kept = folder

    @property
    def secret_file(self) -> Path:
        return self.kept.parent / "superuser.secret"

    def start(self) -> None:
        fresh = not (self.kept / "data" / "PG_VERSION").exists() or not self.secret_file.exists()
        if fresh:
            shutil.rmtree(self.kept, ignore_errors=True)
            for marker in self.kept.parent.glob("*.loaded"):
                marker.unlink()
            self.kept.mkdir(parents=True)
            self.secret_file.write_text(secrets.token_urlsafe(24))
            self.secret_file.chmod(0o600)
        self.superuser_password = self.secret_file.read_text().strip()
        self.base = self.kept
        self._give_to_server(self.kept)
        shutil.rmtree(self.kept / "tls", ignore_errors=True)
        self._write_tls()
        if fresh:
            self._initdb()
            self._configure()
        else:
            self.port = free_port()
            with (self.data_dir / "postgresql.conf").open("a") as f:
                f.write(f"port = '{self.port}'\n")
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", STOP_ONLY, *self._as_server(self.bindir / "pg_ctl")]
            + [str(self.data_dir)],
            stdin=subprocess.PIPE,
            cwd="/",
            start_new_session=True,
        )
        self._pg_ctl("start", "-w", "-t", "120", "-l", str(self.log_file))
        self.started = True

    def stop(self) -> None:
        """Stop the server and keep its folder."""
        try:
            if self.started:
                self.started = False
                self._pg_ctl("stop", "-w", "-m", "fast")
        finally:
            if self._watchdog is not None:
                if self._watchdog.stdin is not None:
                    self._watchdog.stdin.close()
                self._watchdog.wait(timeout=120)
                self._watchdog = None
