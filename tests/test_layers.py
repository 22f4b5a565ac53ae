"""The one direction of imports: ui -> services -> store -> domain, reports -> domain.
Qt stays under ui/, so every capability can be used (and tested) without a window."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "clarity_desktop"
# The program's front doors start the GUI, so they may import clarity_desktop.ui, but only
# inside the function that starts it: the command-line commands must not load Qt.
LAUNCHERS = {"cli", "__main__"}


def package_of(path: Path) -> list[str]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return parts[:-1]  # for __init__.py that is the package itself, as Python resolves it


def imports_of(source: str, package: list[str]) -> list[tuple[str, bool]]:
    """(imported module, at module level?) for every import, nested ones included,
    relative imports resolved against *package*."""
    tree = ast.parse(source)
    top = {id(node) for node in tree.body}
    out: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            # "from clarity_desktop import ui" imports the subpackage ui
            names = [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]
        out.extend((name, id(node) in top) for name in names)
    return out


def layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def starts(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


MODULES = sorted(PACKAGE.rglob("*.py"))


def violations(rule: str) -> list[str]:
    bad = []
    for path in MODULES:
        lay = layer(path)
        for name, top_level in imports_of(path.read_text(encoding="utf-8"), package_of(path)):
            if rule == "qt":
                wrong = lay != "ui" and starts(name, "PySide6", "shiboken6")
            elif rule == "domain":
                wrong = (
                    lay == "domain"
                    and starts(name, "clarity_desktop")
                    and not starts(name, "clarity_desktop.domain")
                )
            elif rule == "store":
                wrong = lay == "store" and starts(
                    name, "clarity_desktop.services", "clarity_desktop.ui"
                )
            elif rule == "reports":
                wrong = lay == "reports" and starts(
                    name, "clarity_desktop.store", "clarity_desktop.ui", "sqlalchemy"
                )
            elif rule == "ui":
                wrong = lay != "ui" and starts(name, "clarity_desktop.ui")
                if lay in LAUNCHERS and not top_level:
                    wrong = False
            else:
                raise AssertionError(rule)
            if wrong:
                where = "" if top_level else " (nested)"
                bad.append(f"{path.relative_to(ROOT)} imports {name}{where}")
    return bad


def test_the_import_walk_sees_nested_relative_and_from_imports() -> None:
    source = (
        "import os\n"
        "def show():\n"
        "    from PySide6 import QtWidgets\n"
        "    import shiboken6\n"
        "    from ..ui import app\n"
        "    from . import views\n"
    )
    found = dict(imports_of(source, ["clarity_desktop", "services"]))
    assert found["os"] is True
    assert found["PySide6"] is False
    assert "PySide6.QtWidgets" in found and "shiboken6" in found
    assert "clarity_desktop.ui.app" in found
    assert "clarity_desktop.services.views" in found
    names = {n for p in MODULES for n, _ in imports_of(p.read_text(), package_of(p))}
    assert "clarity_desktop.domain.errors" in names  # steps.parse_step imports it nested


def test_qt_is_imported_under_ui_only() -> None:
    assert violations("qt") == []


def test_domain_imports_nothing_else_of_ours() -> None:
    assert violations("domain") == []


def test_store_never_imports_services_or_ui() -> None:
    assert violations("store") == []


def test_reports_never_import_store_or_ui() -> None:
    if not (PACKAGE / "reports").is_dir():
        pytest.skip("no reports package yet")
    assert violations("reports") == []


def test_nothing_outside_ui_imports_ui() -> None:
    assert violations("ui") == []


def test_services_load_without_qt_in_a_fresh_interpreter() -> None:
    code = (
        "import sys\n"
        "import clarity_desktop.services.notes\n"
        "import clarity_desktop.services.practices\n"
        "import clarity_desktop.services.search\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'})\n"
        "assert 'clarity_desktop.services.notes' in sys.modules\n"
        "assert not qt, qt\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
