"""A restore that dies at any step of its work on files (every rename and every removal,
counted in order) leaves a practice that opens as it was or as restored, with nothing left
behind. Found by CI: a restore killed between removing the old anchor and writing the new
one left a practice refusing to open for a lost anchor."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clarity_desktop.services import backups
from clarity_desktop.store.practice import OpenPractice
from tests.faults.test_restore_integrity import add_client, names


class Crash(BaseException):
    """The program stopped here, as if killed (no except clause of ours catches it)."""


@contextmanager
def crash_at(step: int) -> Iterator[list[str]]:
    """Die at the *step*-th rename or removal of a file; yields what was done so far."""
    done: list[str] = []
    real_replace, real_unlink = os.replace, Path.unlink

    def count(what: str) -> None:
        done.append(what)
        if len(done) == step:
            raise Crash(what)

    def replace(src: object, dst: object, *a: object, **k: object) -> None:
        count(f"rename {Path(str(src)).name} -> {Path(str(dst)).name}")
        real_replace(src, dst, *a, **k)  # type: ignore[arg-type]

    def unlink(self: Path, missing_ok: bool = False) -> None:
        count(f"remove {self.name}")
        real_unlink(self, missing_ok=missing_ok)

    mp = pytest.MonkeyPatch()
    mp.setattr(os, "replace", replace)
    mp.setattr(Path, "unlink", unlink)
    try:
        yield done
    finally:
        mp.undo()


def test_a_restore_stopped_at_every_step_opens_old_or_new(
    practice_dir: Path, passphrase: str, tmp_path: Path, practice: OpenPractice
) -> None:
    add_client(practice, "Before the backup")
    made = backups.backup_now(practice)
    add_client(practice, "After the backup")
    practice.close()
    old = names(practice_dir, passphrase)
    pristine = tmp_path / "pristine"
    shutil.copytree(practice_dir, pristine)
    new = {"Before the backup"} | (old - {"Before the backup", "After the backup"})

    step, outcomes = 1, []
    while True:
        shutil.rmtree(practice_dir)
        shutil.copytree(pristine, practice_dir)
        with crash_at(step) as done:
            try:
                backups.restore(practice_dir, made.folder, passphrase)
                finished = True
            except Crash:
                finished = False
        found = names(practice_dir, passphrase)  # before the fix: PracticeBehind, anchor lost
        assert found in (old, new), (step, done)
        outcomes.append("new" if found == new else "old")
        leftovers = [
            p.name
            for p in practice_dir.iterdir()
            if p.name.endswith((".restoring", ".tmp", ".part"))
        ]
        assert leftovers == [], (step, done)
        if finished:
            break
        step += 1
    assert outcomes[0] == "old" and outcomes[-1] == "new"
    assert step > 3  # the steps were really counted
