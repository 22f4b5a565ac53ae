"""Which columns of store/models.py the program encrypts on a practice server, under
which key, and what each row's place (values.Place) is made of. The wiring reads this
table; tests check it against the models, so a renamed column cannot silently go plain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from clarity_desktop.store.postgres.encryption.values import Place

KeyScope = Literal["case", "directory"]
CASE: KeyScope = "case"
DIRECTORY: KeyScope = "directory"


@dataclass(frozen=True)
class EncryptedTable:
    """*row_key*: the primary key's columns, in order; *version*: the row_version column,
    or None where the table has none (its values bind version 0); *columns*: column ->
    the key it is encrypted under; *json*: the columns holding JSON values; *dates*: the
    columns holding a date (encrypted as its ISO text, "" for none)."""

    row_key: tuple[str, ...]
    version: str | None
    columns: dict[str, KeyScope]
    json: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()


ID = ("id",)
RV = "row_version"

ENCRYPTED: dict[str, EncryptedTable] = {
    "cases": EncryptedTable(
        ID,
        RV,
        {"display_name": DIRECTORY, "relationship_structure": CASE, "safety_note": CASE},
    ),
    "partners": EncryptedTable(
        ID,
        RV,
        {
            "name": DIRECTORY,
            "pronouns": DIRECTORY,
            "email": DIRECTORY,
            "phone": DIRECTORY,
            "date_of_birth": CASE,  # an ISO date as text, or "" for none
        },
        dates=frozenset({"date_of_birth"}),
    ),
    "sessions": EncryptedTable(ID, RV, {"status_reason": CASE}),
    "session_markers": EncryptedTable(ID, RV, {"text": CASE}),
    "notes": EncryptedTable(ID, RV, {"sections": CASE}, frozenset({"sections"})),
    "partner_readings": EncryptedTable(("note_id", "partner_id"), RV, {"flooding_note": CASE}),
    "couple_readings": EncryptedTable(
        ("note_id",), RV, {"loop_other": CASE, "trigger": CASE, "co_regulation_note": CASE}
    ),
    "note_goals": EncryptedTable(("note_id", "goal_key"), RV, {"comment": CASE}),
    "addenda": EncryptedTable(ID, None, {"body": CASE}),
    "treatment_plans": EncryptedTable(
        ID, RV, {"interventions": CASE, "agreement": CASE}, frozenset({"interventions"})
    ),
    "plan_concerns": EncryptedTable(ID, RV, {"text": CASE}),
    "plan_goals": EncryptedTable(ID, RV, {"text": CASE}),
    "plan_objectives": EncryptedTable(ID, RV, {"text": CASE}),
    "measure_responses": EncryptedTable(ID, RV, {"answers": CASE}, frozenset({"answers"})),
    "note_reviews": EncryptedTable(ID, None, {"comment": CASE}),
}

# Free text that leaves the server altogether rather than being encrypted in place.
REMOVED = {
    "note_search": ("body",),  # replaced by blind tokens (blind.py)
}

# Every other text column of the models stays readable on the server, for the reason given.
# A new text column must be put in ENCRYPTED or here (tests/store/test_encryption_columns.py).
_STAFF = "a staff member's name as it read then, not a client's"
PLAIN: dict[str, dict[str, str]] = {
    "practice_info": {
        "practice_id": "the practice's identity",
        "signature": "a fixed marker of a Clarity database",
        "clinician_name": "the solo clinician's name (staff)",
        "clinician_credentials": "the solo clinician's credentials (staff)",
    },
    "users": {"display_name": _STAFF, "signature": _STAFF},
    "audit_events": {
        "actor": _STAFF,
        "action": "a code from AuditAction",
        "entity": "a table's name",
        "detail": "logins, counts and codes; no search query, no document's file name",
        "prev_hash": "the hash chain",
        "row_hash": "the hash chain",
    },
    "partners": {"language": "en or es, which handout to print"},
    "sessions": {"series_id": "a random id shared by repeated sessions"},
    "handouts_given": {"language": "en or es"},
    "measure_responses": {"instrument": "which questionnaire", "source": "screen or paper"},
    "treatment_plans": {"signed_by": _STAFF},
    "notes": {"signed_by": _STAFF},
    "addenda": {"author": _STAFF},
    "plan_goals": {"goal_key": "a random id linking a goal across plan versions"},
    "note_goals": {"goal_key": "the goal's random id", "progress": "a code from a fixed list"},
    "couple_readings": {"loops": "codes from a fixed list of loops"},
    "note_reviews": {"by_name": _STAFF},
}


def place_of(table: str, row: Mapping[str, object], column: str) -> Place:
    """The place of *column* in *row* (column -> value, as read or about to be written:
    for a write, row_version already holds the version the row is about to get)."""
    spec = ENCRYPTED[table]
    if column not in spec.columns:
        raise KeyError(f"{table}.{column} is not encrypted")
    key = tuple(_key_part(row[c]) for c in spec.row_key)
    version = _key_part(row[spec.version]) if spec.version else 0
    if not isinstance(version, int):
        raise TypeError("row_version must be a whole number")
    return Place(table, key, column, version)


def _key_part(value: object) -> int | str:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"a row key holds ids and short keys, not {type(value).__name__}")
    return value
