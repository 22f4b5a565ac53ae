"""The list of encrypted columns stays true to the models: every text column is encrypted
or named as plain with a reason, and every place is built from the table's real key."""

from __future__ import annotations

from sqlalchemy import JSON, Date, String, Text

from clarity_desktop.store.models import Base
from clarity_desktop.store.postgres.encryption.columns import ENCRYPTED, PLAIN, REMOVED
from clarity_desktop.store.postgres.schema import DESK_COLUMNS
from clarity_desktop.store.types import EnumText, ServerDate

TABLES = Base.metadata.tables


def test_every_encrypted_column_exists_with_its_tables_key_and_version() -> None:
    for name, spec in ENCRYPTED.items():
        table = TABLES[name]
        assert tuple(c.name for c in table.primary_key.columns) == spec.row_key, name
        assert spec.version == ("row_version" if "row_version" in table.columns else None), name
        for column in spec.columns:
            assert column in table.columns, f"{name}.{column}"
        json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
        assert spec.json == json_columns & set(spec.columns), name
        date_columns = {c.name for c in table.columns if isinstance(c.type, Date | ServerDate)}
        assert spec.dates == date_columns & set(spec.columns), name


def test_every_text_column_is_encrypted_or_plain_for_a_reason() -> None:
    unlisted = []
    for name, table in TABLES.items():
        for column in table.columns:
            if isinstance(column.type, EnumText) or not isinstance(column.type, String | JSON):
                continue  # codes from a fixed list, numbers, dates, flags
            encrypted = column.name in (ENCRYPTED[name].columns if name in ENCRYPTED else {})
            plain = column.name in PLAIN.get(name, {})
            assert not (encrypted and plain), f"{name}.{column.name} is listed twice"
            if not (encrypted or plain):
                unlisted.append(f"{name}.{column.name}")
    assert unlisted == []
    for name, columns in PLAIN.items():
        assert set(columns) <= set(TABLES[name].columns.keys()), name


def test_the_clinical_free_text_is_all_encrypted() -> None:
    """What the issue names: note sections, addenda, readings' free text, safety notes,
    partner contact details, plan texts; and every client name."""
    must = {
        "notes": "sections",
        "addenda": "body",
        "partner_readings": "flooding_note",
        "couple_readings": "trigger",
        "cases": "safety_note",
        "partners": "email",
        "treatment_plans": "agreement",
        "plan_goals": "text",
        "session_markers": "text",
    }
    for table, column in must.items():
        assert column in ENCRYPTED[table].columns, f"{table}.{column}"
    assert ENCRYPTED["cases"].columns["display_name"] == "directory"
    assert ENCRYPTED["partners"].columns["name"] == "directory"
    assert isinstance(TABLES["partners"].columns["date_of_birth"].type, ServerDate)
    assert all(
        isinstance(TABLES[t].columns[c].type, Text | String | JSON | ServerDate)
        for t, spec in ENCRYPTED.items()
        for c in spec.columns
    )
    assert REMOVED == {"note_search": ("body",)}


def test_what_the_front_desk_sees_is_under_the_directory_key_not_a_case_key() -> None:
    """The front desk and administrator never hold a case key, so any encrypted column
    they are granted must be under the directory key."""
    for table, columns in DESK_COLUMNS.items():
        spec = ENCRYPTED.get(table)
        for column in (c.strip() for c in columns.split(",")):
            if spec and column in spec.columns:
                assert spec.columns[column] == "directory", f"{table}.{column}"
