"""The demo practice's content, dumped canonically and compared with a golden file.

demo_canonical.json was dumped from the demo as it was built from Python literals, before
its content moved to TOML under resources/demo/; the demo built from the TOML files must
hold exactly the same records. Values are read as stored (raw SQL), so typed columns
(enums, aware datetimes) must keep storing the same text. Times a record was made at
(created_at, signed_at, ...) change with every build: the dump says only whether they are
set. Session times and dates follow the build day, fixed here.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Column, DateTime, text

from clarity_desktop.services import demo
from clarity_desktop.store.models import JSON, Base
from clarity_desktop.store.practice import OpenPractice

GOLDEN = Path(__file__).with_name("demo_canonical.json")
BUILD_DAY = date(2025, 3, 12)  # a Wednesday
TABLES = (
    "cases",
    "partners",
    "sessions",
    "notes",
    "note_steps",
    "note_partner_steps",
    "partner_readings",
    "couple_readings",
    "addenda",
    "session_markers",
    "handouts_given",
)
KEPT_TIMES = {("sessions", "starts_at"), ("handouts_given", "given_at"), ("session_markers", "at")}
# Who signed and who wrote an addendum (revision 0008, after the golden dump): the demo's
# one clinician, user 1, on every signed note and addendum; compared apart from the dump.
BY_USER = {("notes", "signed_by_id"), ("addenda", "author_id")}
# The handout language (revision 0007, after the golden dump): the demo's people and the
# handouts given to them are all in English; compared apart from the dump.
IN_ENGLISH = {("partners", "language"), ("handouts_given", "language")}
# Each record's version (revision 0010, after the golden dump): counts the demo's own edits
# (a case closed after its sessions, ...); it must be a version, 1 or more.
FIRST_VERSION = "row_version"


def _is_time(column: Column[Any]) -> bool:
    kind = column.type
    return isinstance(getattr(kind, "impl", kind), DateTime)  # typed columns decorate it


def canonical(opened: OpenPractice) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with opened.uow() as uow:
        for name in TABLES:
            table = Base.metadata.tables[name]
            keys = ", ".join(c.name for c in table.primary_key.columns)
            rows = uow.session.execute(text(f"SELECT * FROM {name} ORDER BY {keys}"))
            dumped = []
            for row in rows.mappings():
                item: dict[str, Any] = {}
                for column in table.columns:
                    value = row[column.name]
                    if (name, column.name) in BY_USER:
                        signed = name == "addenda" or row["signed_at"] is not None
                        assert value == (1 if signed else None), (name, column.name)
                        continue
                    if column.name == FIRST_VERSION:
                        assert isinstance(value, int) and value >= 1, (name, column.name)
                        continue
                    if (name, column.name) in IN_ENGLISH:
                        assert value == "en", (name, column.name)
                        continue
                    stamp = _is_time(column) and (name, column.name) not in KEPT_TIMES
                    if stamp or column.name == "series_id":  # a build's own time, a uuid
                        value = value is not None
                    elif isinstance(column.type, JSON) and value is not None:
                        value = json.loads(value)
                    item[column.name] = value
                dumped.append(item)
            out[name] = dumped
    return out


def test_the_demo_holds_exactly_the_golden_content(tmp_path: Path) -> None:
    opened = demo.build_demo(tmp_path / "demo", today=BUILD_DAY)
    try:
        got = canonical(opened)
    finally:
        opened.close()
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got.keys() == want.keys()
    for name in TABLES:
        assert len(got[name]) == len(want[name]), name
        for g, w in zip(got[name], want[name], strict=True):
            assert g == w, name
