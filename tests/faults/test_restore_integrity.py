"""Items 4 and 5 of the trust issue: a restored practice runs with its write-ahead log like
any other, a restore can be undone, and a restore killed at any moment leaves either the
old practice or the new one with its audit row, and no debris."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from clarity_desktop.devtools import scale
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import backups, cases, practices
from clarity_desktop.services.demo import DEMO_PASSPHRASE
from clarity_desktop.store.files import db_path
from clarity_desktop.store.models import AuditEvent
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from tests.faults.conftest import child_env, cli


def add_client(opened: OpenPractice, name: str) -> None:
    cases.create_case(
        opened.uow(),
        CaseInput(kind=CaseKind.INDIVIDUAL, display_name="", partners=(PartnerInput(name=name),)),
    )


def names(folder: Path, passphrase: str) -> set[str]:
    opened = practices.unlock_practice(folder, passphrase)
    try:
        return {c.display_name for c in cases.list_cases(opened.uow())}
    finally:
        opened.close()


def test_a_restored_practice_runs_with_its_log_and_a_long_read_does_not_block_writers(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    made = backups.backup_now(practice)
    practice.close()
    backups.restore(practice_dir, made.folder, passphrase)
    opened = practices.unlock_practice(practice_dir, passphrase)
    reader = connect_raw(db_path(practice_dir), opened.db_key)
    try:
        assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM audit_events").fetchone()  # a long read, open
        add_client(opened, "Written during a long read")  # before the fix: database is locked
    finally:
        reader.close()
        opened.close()


def test_the_copy_before_a_restore_is_listed_and_undo_brings_it_back(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    add_client(practice, "Before the backup")
    made = backups.backup_now(practice)
    add_client(practice, "After the backup")
    practice.close()
    backups.restore(practice_dir, made.folder, passphrase)
    assert "After the backup" not in names(practice_dir, passphrase)
    kept = [
        b
        for b in backups.list_backups(backups.backups_root(practice_dir))
        if b.kind == "before-restore"
    ]
    assert len(kept) == 1 and kept[0].case_count == 2
    result = cli("restore", "--data-dir", str(practice_dir), "--undo", passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    assert "Undid the last restore" in result.stdout
    assert {"Before the backup", "After the backup"} <= names(practice_dir, passphrase)
    opened = practices.unlock_practice(practice_dir, passphrase)
    try:
        with opened.uow() as uow:
            restored = uow.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "restored")
            ).all()
        assert len(restored) == 1  # the undo restored the copy made before the first restore
        assert practices.verify_audit(opened).ok
    finally:
        opened.close()


def test_undo_without_a_restore_says_so(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    practice.close()
    result = cli("restore", "--data-dir", str(practice_dir), "--undo", passphrase=passphrase)
    assert result.returncode == 2
    assert "no restore to undo" in result.stderr


@pytest.fixture(scope="module")
def big_practice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A practice of 80 cases (about 1,600 notes) and a backup of it with fewer cases."""
    folder = tmp_path_factory.mktemp("kill") / "practice"
    opened, _summary = scale.build_scale_practice(folder, 80)
    try:
        made = backups.backup_now(opened)
        add_client(opened, "Only in the old practice")
    finally:
        opened.close()
    return folder, made.folder


def test_a_restore_killed_at_any_moment_leaves_old_or_new_and_no_debris(
    big_practice: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, backup_folder = big_practice
    rng = random.Random(9)
    outcomes = {"old": 0, "new": 0}
    for _ in range(10):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "clarity_desktop",
                "restore",
                "--data-dir",
                str(folder),
                "--from",
                str(backup_folder),
            ],
            env={**child_env(), "CLARITY_PASSPHRASE": DEMO_PASSPHRASE},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.6, 2.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        opened = practices.unlock_practice(folder, DEMO_PASSPHRASE)  # removes debris
        try:
            present = {c.display_name for c in cases.list_cases(opened.uow())}
            assert practices.integrity_problems(opened) == []
            assert practices.verify_audit(opened).ok
            if "Only in the old practice" in present:
                outcomes["old"] += 1
            else:
                outcomes["new"] += 1
                with opened.uow() as uow:
                    last_restore = uow.session.scalars(
                        select(AuditEvent).where(AuditEvent.action == "restored")
                    ).all()
                assert last_restore, "a restored practice carries its restore in the audit"
                add_client(opened, "Only in the old practice")  # the next round starts old
        finally:
            opened.close()
        leftovers = [
            p.name for p in folder.iterdir() if p.name.endswith((".restoring", ".part", ".tmp"))
        ]
        leftovers += [p.name for p in (folder / "backups").iterdir() if p.name.endswith(".part")]
        assert leftovers == []
        for child in (folder / "backups").iterdir():
            if "damaged" not in child.name:
                backups.read_backup(child)  # every folder there is a readable backup
    print(f"killed restores: {outcomes}")
