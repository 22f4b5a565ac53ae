"""Record locks on the practice server (PL/pgSQL), the counterpart of store/sqlite/triggers.py.

The service layer refuses these changes first; these triggers make sure no other path (a
script with a staff login, psql, a bug) can make them either. Triggers belong to the
schema's owner: a staff login cannot drop or disable them.
"""

from __future__ import annotations

LOCKED = "signed note is locked"

_FUNCTIONS = {
    "refuse_signed_note": f"""
        IF OLD.signed_at IS NOT NULL THEN
            RAISE EXCEPTION '{LOCKED}' USING ERRCODE = '55000';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;""",
    "refuse_always": """
        RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' is append-only', ERRCODE = '55000';""",
    "addendum_needs_signed_note": """
        IF (SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NULL THEN
            RAISE EXCEPTION 'addenda belong to signed notes' USING ERRCODE = '55000';
        END IF;
        RETURN NEW;""",
    "review_follows_signature": """
        IF (NEW.state = 'cosigned') = ((SELECT signed_at FROM notes WHERE id = NEW.note_id) IS NULL)
        THEN
            RAISE EXCEPTION 'a note is reviewed before it is signed, co-signed after'
                USING ERRCODE = '55000';
        END IF;
        RETURN NEW;""",
}

TRIGGERS = {
    "trg_notes_signed_locked": "BEFORE UPDATE OR DELETE ON notes FOR EACH ROW "
    "EXECUTE FUNCTION refuse_signed_note()",
    "trg_addenda_append_only": "BEFORE UPDATE OR DELETE ON addenda FOR EACH ROW "
    "EXECUTE FUNCTION refuse_always()",
    "trg_addenda_only_signed": "BEFORE INSERT ON addenda FOR EACH ROW "
    "EXECUTE FUNCTION addendum_needs_signed_note()",
    "trg_note_reviews_append_only": "BEFORE UPDATE OR DELETE ON note_reviews FOR EACH ROW "
    "EXECUTE FUNCTION refuse_always()",
    "trg_note_reviews_follow_signature": "BEFORE INSERT ON note_reviews FOR EACH ROW "
    "EXECUTE FUNCTION review_follows_signature()",
    "trg_audit_append_only": "BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW "
    "EXECUTE FUNCTION refuse_always()",
    "trg_audit_no_truncate": "BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT "
    "EXECUTE FUNCTION refuse_always()",
}


def statements() -> list[str]:
    out = [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN{body}\n END $$"
        for name, body in _FUNCTIONS.items()
    ]
    out += [f"CREATE TRIGGER {name} {rule}" for name, rule in TRIGGERS.items()]
    return out


def missing_sql() -> str:
    """The names of TRIGGERS the server does not have (enabled) on the clarity schema."""
    names = ", ".join(f"'{n}'" for n in TRIGGERS)
    return (
        f"SELECT n FROM unnest(ARRAY[{names}]) AS n WHERE NOT EXISTS ("
        "SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace s ON s.oid = c.relnamespace "
        "WHERE s.nspname = 'clarity' AND t.tgname = n AND t.tgenabled <> 'D')"
    )
