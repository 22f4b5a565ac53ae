"""audit, backup and restore from the command line, as a scheduled job would run them."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

import pytest

from clarity_desktop.store.sqlite import engine
from tests.test_cli import assert_clean_error, run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("safety") / "demo"
    assert run("demo", "--data-dir", str(folder)).returncode == 0
    return folder


def test_audit_verify_backup_and_restore_round_trip(demo: Path, tmp_path: Path) -> None:
    ok = run("audit", "--data-dir", str(demo), "--verify", passphrase="demo")
    assert ok.returncode == 0 and ok.stdout.startswith("ok:")
    stick = tmp_path / "usb"
    made = run("backup", "--data-dir", str(demo), "--to", str(stick), passphrase="demo")
    assert made.returncode == 0, made.stderr
    assert "verified" in made.stdout
    [copy] = list(stick.iterdir())
    restored = run("restore", "--data-dir", str(demo), "--from", str(copy), passphrase="demo")
    assert restored.returncode == 0, restored.stderr
    listing = run("audit", "--data-dir", str(demo), "--action", "restored", passphrase="demo")
    assert "restored practice" in listing.stdout
    csv_out = tmp_path / "audit.csv"
    exported = run("audit", "--data-dir", str(demo), "--csv", str(csv_out), passphrase="demo")
    assert exported.returncode == 0 and csv_out.read_text(encoding="utf-8").startswith("id,at_utc")


def test_a_tampered_audit_trail_is_named_with_exit_2(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(demo, folder)
    from clarity_desktop.store import practice

    key = practice.unlock_key(folder, "demo")
    conn = engine.connect_raw(folder / "practice.clarity", key)
    conn.execute("DROP TRIGGER trg_audit_no_update")
    conn.execute("UPDATE audit_events SET detail = 'nothing to see' WHERE id = 5")
    conn.close()
    result = run("audit", "--data-dir", str(folder), "--verify", passphrase="demo")
    assert result.returncode == 2
    assert "broken at entry 5" in result.stdout


def test_restore_of_something_that_is_not_a_backup_is_refused(demo: Path, tmp_path: Path) -> None:
    fake = tmp_path / "not-a-backup"
    fake.mkdir()
    assert_clean_error(
        run("restore", "--data-dir", str(demo), "--from", str(fake), passphrase="demo"),
        "not a Clarity backup",
    )
    assert_clean_error(
        run("backup", "--data-dir", str(demo), passphrase="wrong" + secrets.token_hex(2)),
        "does not unlock",
    )
