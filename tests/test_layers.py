"""The one direction of imports: ui -> services -> store -> domain, reports -> domain.
Qt stays under ui/, so every capability can be used (and tested) without a window, and no
two of our modules import each other at module level, however long the way round."""

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
# inside the function that starts it: the command-line commands must not load Qt (only the
# entry point, for the window and `info`; never a command module of cli/).
LAUNCHERS = {"cli/entry.py", "__main__.py"}


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
                    name,
                    "clarity_desktop.store",
                    "clarity_desktop.services",
                    "clarity_desktop.ui",
                    "sqlalchemy",
                )
            elif rule == "ui":
                wrong = lay != "ui" and starts(name, "clarity_desktop.ui")
                if path.relative_to(PACKAGE).as_posix() in LAUNCHERS and not top_level:
                    wrong = False
            elif rule == "ui-store":
                wrong = lay == "ui" and starts(name, "clarity_desktop.store", "sqlalchemy")
            else:
                raise AssertionError(rule)
            if wrong:
                where = "" if top_level else " (nested)"
                bad.append(f"{path.relative_to(ROOT)} imports {name}{where}")
    return bad


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(sources: dict[str, tuple[str, bool]]) -> dict[str, set[str]]:
    """Module -> the modules of ours it imports. *sources*: module name -> (source, is a
    package).

    Every import counts: at module level, under TYPE_CHECKING, and inside a function. An
    import moved into a function to dodge a circular import hides the cycle, it does not
    remove it (the old cli.py <-> cli_records.py cycle was closed that way). "from pkg
    import mod" is an edge to pkg.mod, not to pkg: Python runs a package's __init__
    before its submodules anyway, so that edge would invent cycles that cannot happen."""
    known = set(sources)
    graph: dict[str, set[str]] = {name: set() for name in sources}
    for name, (source, is_package) in sources.items():
        package = name.split(".") if is_package else name.split(".")[:-1]
        for node in ast.walk(ast.parse(source)):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - node.level + 1]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                targets = [
                    f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in known else prefix
                    for a in node.names
                ]
            for target in targets:
                while target and target not in known:  # a name in a module: the module
                    target = target.rpartition(".")[0]
                if target:
                    graph[name].add(target)
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other, however long the way round
    (Tarjan's strongly connected components; a module importing itself counts too)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


def our_cycles() -> list[list[str]]:
    sources = {
        module_name(p): (p.read_text(encoding="utf-8"), p.name == "__init__.py") for p in MODULES
    }
    return import_cycles(import_graph(sources))


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


def test_ui_reaches_the_database_only_through_services() -> None:
    assert violations("ui-store") == []


def test_the_cycle_finder_finds_a_planted_cycle_and_only_real_ones() -> None:
    sources = {
        "pkg": ("from pkg.a import run\n", True),
        "pkg.a": ("from pkg import b\nimport os\n", False),
        "pkg.b": ("from . import c\n", False),
        "pkg.c": ("from pkg.a import run  # back to a: a -> b -> c -> a\n", False),
        # A cycle hidden in a function and one for type checkers only: still cycles.
        "pkg.d": ("import pkg.e\n", False),
        "pkg.e": ("def later():\n    from pkg.d import x\n", False),
        "pkg.f": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.g\n", False),
        "pkg.g": ("from pkg import f\n", False),
        "pkg.h": ("import pkg.h\n", False),
        "pkg.i": ("from pkg import a, c\nimport pkg.d.x\n", False),  # imports, not in a cycle
    }
    graph = import_graph(sources)
    assert graph["pkg.a"] == {"pkg.b"}  # "from pkg import b" is pkg.b, never pkg itself
    assert graph["pkg.c"] == {"pkg.a"}  # a name in a module: that module
    assert graph["pkg.i"] == {"pkg.a", "pkg.c", "pkg.d"}
    assert import_cycles(graph) == [
        ["pkg.a", "pkg.b", "pkg.c"],
        ["pkg.d", "pkg.e"],
        ["pkg.f", "pkg.g"],
        ["pkg.h"],
    ]


def in_ui(cycle: list[str]) -> bool:
    return all(starts(name, "clarity_desktop.ui") for name in cycle)


def test_no_import_cycles_among_our_modules_outside_ui() -> None:
    assert [c for c in our_cycles() if not in_ui(c)] == []


def test_no_import_cycles_in_ui() -> None:
    assert [c for c in our_cycles() if in_ui(c)] == []


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


def engine_imports_in_services() -> list[str]:
    """Imports of a storage engine's own code from services/: its package under store/
    (store/sqlite/, later store/postgres/) or its driver."""
    engines = ("clarity_desktop.store.sqlite", "clarity_desktop.store.postgres")
    drivers = ("sqlite3", "sqlcipher3", "psycopg", "psycopg2")
    bad = []
    for path in MODULES:
        if layer(path) != "services":
            continue
        for name, _top in imports_of(path.read_text(encoding="utf-8"), package_of(path)):
            if starts(name, *engines, *drivers):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_services_never_import_a_storage_engine() -> None:
    """Services speak to store/backend.py's interface only, so a second backend needs no
    change in services/."""
    assert engine_imports_in_services() == []


def test_the_engine_rule_sees_a_nested_engine_import() -> None:
    source = "def f():\n    from clarity_desktop.store.sqlite import fts\n    import sqlcipher3\n"
    names = {n for n, _ in imports_of(source, ["clarity_desktop", "services"])}
    assert "clarity_desktop.store.sqlite.fts" in names and "sqlcipher3" in names


# What services/ may import from store/: the seam (backend, opening), the unit of work,
# the portable models, the errors, and modules that are the same for every engine (the
# search index's contract, the audit chain, seals over signed content, the failed-unlock
# record, the names of a practice folder's files, a group practice's staff roster, and
# bulk inserts prepared in any engine's own terms). Not the key file (keys, keyring),
# the OS locks (oslock), the engine-neutral open practice's internals (practice), nor an
# engine's package: those are reached through the backend.
SERVICES_MAY_IMPORT_FROM_STORE = frozenset(
    {
        "backend",
        "opening",
        "uow",
        "models",
        "errors",
        "search_index",
        "audit_chain",
        "seals",
        "attempts",
        "files",
        "roster",
        "bulk",
        "directory",  # client names opened for Core reads (engine-neutral; a server opens them)
    }
)


def store_modules_outside_the_seam(sources: dict[Path, str]) -> list[str]:
    bad = []
    for path, source in sources.items():
        for name, _top in imports_of(source, package_of(path)):
            parts = name.split(".")
            if parts[:2] != ["clarity_desktop", "store"] or len(parts) < 3:
                continue
            if parts[2] not in SERVICES_MAY_IMPORT_FROM_STORE:
                bad.append(f"{path.relative_to(ROOT)} imports {'.'.join(parts[:3])}")
    return sorted(set(bad))


def test_services_import_from_store_only_the_seam_and_engine_neutral_modules() -> None:
    """The key file and the restore lock sit behind the backend (store/backend.py), so a
    backend without a key file or OS locks needs no change in services/."""
    services = {p: p.read_text(encoding="utf-8") for p in MODULES if layer(p) == "services"}
    assert store_modules_outside_the_seam(services) == []


def test_the_store_rule_sees_the_key_file_and_the_lock_imported_any_way() -> None:
    path = PACKAGE / "services" / "planted.py"
    source = (
        "from clarity_desktop.store import files, oslock\n"
        "from clarity_desktop.store.models import Case\n"
        "def f():\n"
        "    from ..store import practice as store\n"
        "    import clarity_desktop.store.keyring\n"
    )
    assert store_modules_outside_the_seam({path: source}) == [
        "clarity_desktop/services/planted.py imports clarity_desktop.store.keyring",
        "clarity_desktop/services/planted.py imports clarity_desktop.store.oslock",
        "clarity_desktop/services/planted.py imports clarity_desktop.store.practice",
    ]
