"""No Core statement reads, sorts or filters an encrypted column without opening it.

On a practice server the ORM opens clinical text as it loads an object
(encrypted_rows.py) and names as they load (directory_rows.py). A Core read such as
``select(Case.display_name)`` gets the ciphertext instead, so each one must hand its rows
to ``directory.reveal()``; on SQLite everything works either way, which is why a missing
reveal goes unseen until a group practice shows "c1.Zm9v..." where a client's name should
be. Sorting or filtering on such a column in SQL orders or matches ciphertext. Clinical
text (the case keys' columns) has no Core path at all: it is read through the ORM.

This reads the program's source: each function that names an encrypted column as a
class attribute (``Case.display_name``) must call reveal(), must not put the column in a
where/order_by, and must not name a clinical column at all; raw SQL naming an encrypted
table's encrypted column is kept to the modules that encrypt.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from clarity_desktop.store.models import Base
from clarity_desktop.store.postgres.encryption import columns

ROOT = Path(__file__).resolve().parents[2] / "clarity_desktop"

# The modules that encrypt, decrypt or move ciphertext as ciphertext.
ALLOWED = {
    "store/models.py",
    "store/directory.py",  # reveal() itself and case_names(), which reveals
    "store/postgres/encrypted_rows.py",
    "store/postgres/directory_rows.py",
    "store/postgres/import_keys.py",
    "store/postgres/schema.py",  # case_names(): callers reveal (store/postgres/access.py)
}
FILTERS = {"where", "filter", "filter_by", "order_by", "group_by", "having", "distinct"}

_models = {m.class_.__tablename__: m.class_.__name__ for m in Base.registry.mappers}
SCOPE = {
    (_models[table], column): scope
    for table, spec in columns.ENCRYPTED.items()
    for column, scope in spec.columns.items()
}


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED or rel.startswith(("store/migrations/", "store/postgres/encryption/")):
            continue
        yield rel, ast.parse(path.read_text(encoding="utf-8"))


def _called(node: ast.AST) -> set[str]:
    names = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            f = n.func
            names.add(f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", ""))
    return names


def _refs(node: ast.AST) -> Iterator[tuple[ast.Attribute, str]]:
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name):
            scope = SCOPE.get((n.value.id, n.attr))
            if scope:
                yield n, scope


def _in_filters(func: ast.AST) -> Iterator[ast.Attribute]:
    for n in ast.walk(func):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in FILTERS:
            for arg in (*n.args, *(k.value for k in n.keywords)):
                yield from (ref for ref, _scope in _refs(arg))


def core_reads(rel: str, tree: ast.Module) -> list[str]:
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        refs = list(_refs(func))
        revealed = "reveal" in _called(func)
        for ref, scope in refs:
            where = f"{rel}:{ref.lineno} {func.name}(): {ref.value.id}.{ref.attr}"  # type: ignore[attr-defined]
            if scope == columns.CASE:
                found.append(f"{where} is clinical text read outside the ORM")
            elif not revealed:
                found.append(f"{where} is read without directory.reveal()")
        for ref in _in_filters(func):
            found.append(
                f"{rel}:{ref.lineno} {func.name}(): {ref.value.id}.{ref.attr} "  # type: ignore[attr-defined]
                "is sorted or matched in SQL, where it is ciphertext"
            )
    return sorted(set(found))


def raw_sql(rel: str, tree: ast.Module) -> list[str]:
    found = []
    for n in ast.walk(tree):
        if not (isinstance(n, ast.Call) and n.args and isinstance(n.args[0], ast.Constant)):
            continue
        name = n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
        sql = n.args[0].value
        if name not in {"text", "exec_driver_sql"} or not isinstance(sql, str):
            continue
        for table, spec in columns.ENCRYPTED.items():
            if table in sql and any(c in sql for c in spec.columns):
                found.append(f"{rel}:{n.lineno}: raw SQL names {table}'s encrypted columns")
    return found


def test_every_core_read_of_a_name_is_opened_and_no_clinical_text_is_read_by_core() -> None:
    assert [f for rel, tree in _sources() for f in core_reads(rel, tree)] == []


def test_no_raw_sql_outside_the_encrypting_modules_names_an_encrypted_column() -> None:
    assert [f for rel, tree in _sources() for f in raw_sql(rel, tree)] == []


def test_the_guard_sees_a_forgotten_reveal_a_sort_by_ciphertext_and_raw_sql() -> None:
    # Lines a colleague might write, so the guard is shown to look.
    tree = ast.parse(
        "def names(db):\n"
        "    return db.execute(select(Case.id, Case.display_name)).all()\n"
        "def notes(db):\n"
        "    found = db.execute(select(Note.sections).order_by(Partner.name)).all()\n"
        "    return reveal(db, found, 'partners', 0, 1, {})\n"
        "def raw(db):\n"
        "    return db.execute(text('SELECT body FROM addenda')).all()\n"
    )
    assert [f.split(": ", 1)[1] for f in core_reads("x.py", tree)] == [
        "Case.display_name is read without directory.reveal()",
        "Note.sections is clinical text read outside the ORM",
        "Partner.name is sorted or matched in SQL, where it is ciphertext",
    ]
    assert raw_sql("x.py", tree) == ["x.py:7: raw SQL names addenda's encrypted columns"]
