"""A solo practice moved onto the practice server, whole (issue 13, ``server
import-practice``).

The server's superuser runs it once, right after ``server init``: every case, note,
signature and audit entry keeps its id, so the audit chain and every seal hold on the
server as they did at home; the clinician signs in with their new login and password and
keeps their signing key. The solo practice is only read (nothing in its folder changes),
so it stays as it was until its clinician chooses to retire it.

There is no principal here: the superuser is not on the practice's staff. What lets this
run is the server's own rule (only its superuser writes past row-level security).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.passphrase import MIN_PASSPHRASE
from clarity_desktop.services import integrity, notes
from clarity_desktop.store import opening


@dataclass(frozen=True)
class PracticeMoved:
    login: str
    user_id: int
    source_practice_id: str
    server_practice_id: str
    rows: tuple[tuple[str, int], ...]  # (table, rows moved), in the order they moved
    former_keys: int  # earlier signing keys of the clinician the server now trusts too
    audit_id: int  # the "imported" entry that continues the moved audit chain
    rewrite_failed: str | None = None  # why old plain copies stayed in the table files

    def count(self, table: str) -> int:
        return dict(self.rows).get(table, 0)


def import_practice(
    url: str,
    ca_file: Path,
    superuser_password: str,
    source: Path,
    passphrase: str,
    login: str,
    new_password: str,
    repeat: str,
) -> PracticeMoved:
    """Move the solo practice in *source* (unlocked by *passphrase*) onto the server at
    *url* (``postgresql://SUPERUSER@HOST:PORT/DB``), its clinician becoming the login
    *login* with *new_password*. All or nothing: a difference found before committing
    leaves the server as it was (PracticeDamaged naming it)."""
    if not ca_file.is_file():
        raise ValidationError(ErrorCode.SERVER_CA_UNREADABLE, "ca_file", path=ca_file)
    if new_password != repeat:
        raise ValidationError(ErrorCode.TWO_PASSPHRASES_DO_NOT_MATCH, "repeat")
    if len(new_password) < MIN_PASSPHRASE:
        raise ValidationError(
            ErrorCode.PLEASE_CHOOSE_PASSPHRASE_LEAST_CHARACTERS,
            "password",
            min_passphrase=MIN_PASSPHRASE,
        )
    moved = opening.move_solo_practice(
        source,
        passphrase,
        url,
        ca_file.resolve(),
        superuser_password,
        login,
        new_password,
        note_text=notes.full_text,
        seal_check=integrity.seal_problems,
    )
    return PracticeMoved(
        moved.login,
        moved.user_id,
        moved.source_practice_id,
        moved.server_practice_id,
        tuple(moved.rows.items()),
        moved.former_keys,
        moved.audit_id,
        moved.rewrite_failed,
    )
