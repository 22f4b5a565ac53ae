"""Migrations freeze their own DDL: a revision that imported the live store/sqlite modules
(which describe the newest schema) would build something else the day those change, and
a practice upgraded from it would differ from one made new."""

from __future__ import annotations

import ast
from pathlib import Path

import sqlalchemy as sa

from clarity_desktop.store import migrate
from clarity_desktop.store.sqlite import triggers

VERSIONS = migrate.MIGRATIONS / "versions"
# What Alembic needs from us: the models' metadata, in env.py only.
ALLOWED = {"env.py": {"clarity_desktop.store.models"}}


def our_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.add("clarity_desktop.store.migrations (relative)")
            elif node.module:
                found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return {n for n in found if n.startswith("clarity_desktop")}


def test_no_migration_imports_our_modules() -> None:
    files = sorted(VERSIONS.glob("*.py")) + [migrate.MIGRATIONS / "env.py"]
    assert len(files) > 5  # the walk found the revisions
    wrong = {
        p.name: sorted(
            n
            for n in our_imports(p)
            if not any(n == a or n.startswith(a + ".") for a in ALLOWED.get(p.name, set()))
        )
        for p in files
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_the_import_check_sees_a_live_module(tmp_path: Path) -> None:
    planted = tmp_path / "0099_planted.py"
    planted.write_text("def upgrade():\n    from clarity_desktop.store.sqlite import triggers\n")
    assert "clarity_desktop.store.sqlite.triggers" in our_imports(planted)


def test_the_frozen_migrations_build_the_locks_the_program_checks() -> None:
    """A database built by the migrations alone has exactly the record locks that `check`
    compares against (store/sqlite/triggers.py), whitespace aside."""
    engine = sa.create_engine("sqlite://")
    with engine.begin() as conn:
        migrate.upgrade(conn)
        assert triggers.missing(conn) == []
        names = {
            r[0] for r in conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type='table'"))
        }
    assert "note_search" in names
