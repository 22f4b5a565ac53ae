"""Which case a row belongs to, so its text is encrypted and opened with that case's key.

A value names its key's generation but not its case: the program works the case out from
the row itself, one small rule per model (OWN_CASE and PARENT below). A row that names its case
(partners, sessions, plans, answers) is read directly; any other row names its parent
(a reading its note, an objective its goal), and the parent's case is asked of the server
once (keychain.case_of_row, from the case_id column case_keys.py keeps on every child
table) and remembered. Rows made in the same flush as their parent (a new plan version
with its goals and objectives, a new session with its note) do not exist on the server
yet: their parent is found among the flush's own new objects instead, after the foreign
keys the relationships will write are filled in early (link_new_rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import MANYTOONE, ONETOMANY

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.models import (
    Addendum,
    Case,
    CoupleReadingRow,
    MeasureResponse,
    Note,
    NoteGoal,
    NoteReview,
    Partner,
    PartnerReadingRow,
    PlanConcern,
    PlanGoal,
    PlanObjective,
    SessionMarker,
    TreatmentPlan,
)
from clarity_desktop.store.models import Session as SessionRow
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from clarity_desktop.store.postgres.keychain import Keychain

# Rows that name their case themselves.
OWN_CASE: frozenset[type[Any]] = frozenset({Partner, SessionRow, TreatmentPlan, MeasureResponse})
# Rows whose case is their parent's: model -> (the column naming the parent, its model).
PARENT: dict[type[Any], tuple[str, type[Any]]] = {
    SessionMarker: ("session_id", SessionRow),
    Note: ("session_id", SessionRow),
    PartnerReadingRow: ("note_id", Note),
    CoupleReadingRow: ("note_id", Note),
    NoteGoal: ("note_id", Note),
    Addendum: ("note_id", Note),
    NoteReview: ("note_id", Note),
    PlanConcern: ("plan_id", TreatmentPlan),
    PlanGoal: ("plan_id", TreatmentPlan),
    PlanObjective: ("goal_id", PlanGoal),
}
# The tables whose new rows take their id before the INSERT: every parent above, so a
# child made with it can name it, and every encrypted table keyed by id.
PARENT_TABLES = frozenset(m.__tablename__ for _c, m in PARENT.values()) | {"cases"}

NewRows = Mapping[tuple[type[Any], int], Any]  # (model, id) -> this flush's new object


def new_rows(session: Session) -> dict[tuple[type[Any], int], Any]:
    return {
        (type(o), int(o.id)): o
        for o in session.new
        if isinstance(getattr(o, "id", None), int) and not isinstance(o.id, bool)
    }


def case_of(conn: Connection, keys: Keychain, obj: Any, new: NewRows) -> int:
    """The case *obj* belongs to, by its model's rule."""
    kind = type(obj)
    if kind is Case:
        return int(obj.id)
    if kind in OWN_CASE:
        if obj.case_id is None:
            raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
        return int(obj.case_id)
    if kind not in PARENT:
        raise TypeError(f"{kind.__name__} has no case rule")
    column, parent_model = PARENT[kind]
    parent_id = getattr(obj, column)
    if parent_id is None:
        raise EncryptionError(ErrorCode.ENCRYPTION_KEY_NOT_HELD, generation=1)
    parent = new.get((parent_model, int(parent_id)))
    if parent is not None:  # made in this flush: not on the server yet
        case_id = case_of(conn, keys, parent, new)
        keys.learn(parent_model.__tablename__, int(parent_id), case_id)
        return case_id
    return keys.case_of_row(conn, parent_model.__tablename__, int(parent_id))


def link_new_rows(objects: Iterable[Any]) -> None:
    """Fill in now the foreign keys the flush would write from the relationships (a new
    goal's plan_id from the plan it was appended to, a new note's session_id from its
    session): a value's place and its case are worked out from them before the INSERT.
    Only keys still empty are filled, and only from parents whose id is known."""
    for obj in objects:
        state = inspect(obj)
        mapper = state.mapper
        for rel in mapper.relationships:
            if rel.secondary is not None or rel.key not in state.dict:
                continue
            value = state.dict[rel.key]
            if value is None:
                continue
            if rel.direction is ONETOMANY:
                children = list(value) if rel.uselist else [value]
                for child in children:
                    _copy(rel.local_remote_pairs, obj, child)
            elif rel.direction is MANYTOONE:
                _copy([(r, loc) for loc, r in rel.local_remote_pairs], value, obj)


def _copy(pairs: Iterable[tuple[Any, Any]], source: Any, target: Any) -> None:
    """For each (source column, target column): target's attribute from source's, when the
    target's is empty and the source's known."""
    source_mapper = inspect(source).mapper
    target_mapper = inspect(target).mapper
    for from_col, to_col in pairs:
        to_key = target_mapper.get_property_by_column(to_col).key
        if getattr(target, to_key, None) is not None:
            continue
        found = getattr(source, source_mapper.get_property_by_column(from_col).key, None)
        if found is not None:
            setattr(target, to_key, found)
