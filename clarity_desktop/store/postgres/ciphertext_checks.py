"""The server refuses plain text in an encrypted column, whoever writes it.

The program encrypts before it writes (encrypted_rows.py, directory_rows.py), so every
value the server stores in a column of encryption/columns.py begins with the ciphertext's
prefix (values.PREFIX; a JSON column holds it as a JSON string). A program of an earlier
version still signed in while ``server upgrade`` sealed the server, a script with a staff
login, or a slip in a later version would otherwise put plain text back where nobody
looks for it. A CHECK constraint per column says no (NOT VALID: it holds for every row
written from now on; a server being sealed encrypts its old rows in the same
transaction). Made with the group DDL, again by every upgrade.
"""

from __future__ import annotations

from clarity_desktop.store.postgres.encryption import columns, values


def _rule(column: str, is_json: bool) -> str:
    # "c1." holds no LIKE wildcard; "%%" is one "%" once the driver reads the statement.
    prefix = values.PREFIX
    if is_json:
        return (
            f"{column} IS NULL OR (json_typeof({column}) = 'string' "
            f"AND ({column} #>> '{{}}') LIKE '{prefix}%%')"
        )
    return f"{column} IS NULL OR {column}::text LIKE '{prefix}%%'"


def _sealed() -> list[tuple[str, str, bool]]:
    """(table, column, whether JSON): every column of encryption/columns.py, and the
    emergency grant's reason (grant_reasons.py)."""
    found = [
        (table, column, column in spec.json)
        for table, spec in columns.ENCRYPTED.items()
        for column in spec.columns
    ]
    return [*found, ("emergency_grants", "reason", False)]


def drops() -> tuple[str, ...]:
    """For an import, which copies a solo practice's plain rows first and encrypts them in
    place after checking them, in one transaction: statements() puts them back."""
    return tuple(
        f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS sealed_{column}"
        for table, column, _json in _sealed()
    )


def statements() -> tuple[str, ...]:
    return tuple(
        f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS sealed_{column}, "
        f"ADD CONSTRAINT sealed_{column} CHECK ({_rule(column, is_json)}) NOT VALID"
        for table, column, is_json in _sealed()
    )
