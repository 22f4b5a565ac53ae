"""The packaged program (PyInstaller, build.spec): built by `bash dev.sh package`, which
also runs the frozen program headless (info, a demo practice, PDFs, the window).

A build takes minutes, so this module is skipped unless CLARITY_PACKAGING=1; CI does not
build. Run it with:

    CLARITY_PACKAGING=1 .venv/bin/python -m pytest tests/packaging -v
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from clarity_desktop import APP_NAME, __version__

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("CLARITY_PACKAGING") != "1",
        reason="builds the packaged program (minutes); set CLARITY_PACKAGING=1 to run",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "clarity-desktop"
INTERNAL = DIST / "_internal"
CLI = DIST / "clarity-desktop-cli"
GUI = DIST / "clarity-desktop"
MIGRATIONS = ROOT / "clarity_desktop" / "store" / "migrations"
OLD_PRACTICE = ROOT / "tests" / "store" / "fixtures" / "rev-0001"
OLD_PASSPHRASE = "fixture passphrase"  # tests/store/fixtures/make_fixtures.py
BUILD_TIMEOUT_S = 45 * 60


@pytest.fixture(scope="module")
def package_output() -> Iterator[str]:
    """Build once for the module: `bash dev.sh package` (build + frozen check)."""
    done = subprocess.run(
        ["bash", str(ROOT / "dev.sh"), "package"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-6000:]
    yield output


def frozen(
    *args: str, home: Path, passphrase: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"CLARITY_PASSPHRASE", "DISPLAY"}}
    env |= {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env |= {"XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}
    if passphrase is not None:
        env["CLARITY_PASSPHRASE"] = passphrase
    return subprocess.run(
        [str(CLI), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_package_command_builds_and_checks_the_frozen_program(package_output: str) -> None:
    assert f"{APP_NAME} {__version__} (packaged)" in package_output
    assert "SQLCipher 4." in package_output
    assert "Created the demo practice" in package_output
    assert "handout PDF:" in package_output and "summary PDF:" in package_output
    assert "Built and checked: dist/clarity-desktop" in package_output


def test_the_folder_holds_both_programs_the_resources_and_the_migrations(
    package_output: str,
) -> None:
    for program in (GUI, CLI):
        assert program.is_file() and os.access(program, os.X_OK), program
    for step in range(1, 6):
        assert (INTERNAL / "resources" / "handouts" / f"step-{step}.md").is_file()
        assert (INTERNAL / "resources" / "guidance" / f"step-{step}.md").is_file()
    assert (INTERNAL / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (INTERNAL / "resources" / "demo" / "01-marchetti-okafor.toml").is_file()
    assert (INTERNAL / "resources" / "fonts" / "LICENSE-DejaVu.txt").is_file()
    # Alembic loads these by path: every one must be there as a .py file.
    bundled = INTERNAL / "clarity_desktop" / "store" / "migrations"
    assert (bundled / "env.py").is_file()
    source = {p.name for p in (MIGRATIONS / "versions").glob("*.py")}
    assert source and source <= {p.name for p in (bundled / "versions").glob("*.py")}


def test_unused_qt_modules_and_the_development_tools_are_left_out(package_output: str) -> None:
    names = [p.name.lower() for p in DIST.rglob("*")]
    for unused in ("webengine", "qml", "quick", "qt6designer", "qt6multimedia"):
        assert not [n for n in names if unused in n], unused
    viewer = ROOT / ".venv-build" / "bin" / "pyi-archive_viewer"
    listing = subprocess.run(
        [str(viewer), "-r", "-b", str(CLI)], capture_output=True, text=True, timeout=120
    )
    assert listing.returncode == 0, listing.stderr
    modules = {line.strip() for line in listing.stdout.splitlines()}
    assert "clarity_desktop.cli" in modules and "clarity_desktop.store.sqlite.fts" in modules
    for unwanted in (
        "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "sqlite3", "tkinter",
        "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore",
    ):  # fmt: skip
        found = [m for m in modules if m == unwanted or m.startswith(unwanted + ".")]
        assert not found, found[:5]


def test_the_frozen_program_reports_the_package_version(
    package_output: str, tmp_path: Path
) -> None:
    done = frozen("--version", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"clarity-desktop {__version__}"


def test_a_frozen_error_is_still_one_sentence(package_output: str, tmp_path: Path) -> None:
    done = frozen("check", "--data-dir", str(tmp_path / "nothing"), home=tmp_path, passphrase="x")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len([line for line in done.stderr.splitlines() if line.strip()]) == 1, done.stderr


def test_the_frozen_program_upgrades_an_older_practice(package_output: str, tmp_path: Path) -> None:
    """Alembic runs env.py and the version scripts from the bundle, by path."""
    if not (OLD_PRACTICE / "practice.clarity").is_file():
        pytest.skip("no practice of an earlier revision in tests/store/fixtures")
    folder = tmp_path / "old-practice"
    shutil.copytree(OLD_PRACTICE, folder)
    done = frozen("check", "--data-dir", str(folder), home=tmp_path, passphrase=OLD_PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")
    assert list((folder / "backups").glob("*before-upgrade*")), "no backup before the upgrade"
