"""A solo practice moved onto a server leaves no plain copy of its text in the table files.

The import copies the practice's rows as they are, then encrypts them in place, in one
transaction: each encrypted row's plain version stays behind in the table files as a dead
copy until the table is rewritten. A stolen disk or a file-level copy of the data folder
would read the notes and the clients' names. After the import, the server's files hold
none of the note's words, the addendum's or the partners' names.

Failed before: every one of them was still in the relation files after a checkpoint.
"""

from __future__ import annotations

from pathlib import Path

from clarity_desktop.services import notes
from tests.pg_import import NEW_PASSWORD, Server, fresh, small_practice

__all__ = ["fresh"]

PASSPHRASE = "moving day passphrase 19"
WRITTEN = ("pursue and withdraw loop together", "the week went calmer", "Łukasz")


def test_the_moved_text_is_not_left_in_the_table_files(fresh: Server, tmp_path: Path) -> None:
    folder = tmp_path / "solo"
    note_id = small_practice(folder, PASSPHRASE)
    moved = fresh.move(folder, passphrase=PASSPHRASE)
    assert moved.rewrite_failed is None
    signed_in = fresh.sign_in(tmp_path / "dana", fresh.login, NEW_PASSWORD)
    try:  # the text arrived, and reads as written
        view = notes.read_note(signed_in.uow(), note_id)
        assert WRITTEN[0] in view.sections["focus"]
    finally:
        signed_in.close()
    files = fresh.cluster.relation_files(fresh.dbname).lower()
    assert [w for w in WRITTEN if w.lower().encode() in files] == []
