"""Creating and unlocking a practice folder, and every way opening one can fail.

A failure to open must never create, change or remove a file: the therapist may be
pointing the program at the wrong folder, or at a practice that needs careful recovery.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.services import practices
from clarity_desktop.store import attempts
from clarity_desktop.store import practice as store
from clarity_desktop.store.practice import (
    NotAPractice,
    OpenPractice,
    PracticeDamaged,
    PracticeError,
    PracticeExists,
    PracticeNotFound,
    WrongPassphrase,
)
from clarity_desktop.store.sqlite.engine import connect_raw

Fingerprint = dict[str, str]
FolderFingerprint = Callable[[Path], Fingerprint]
PAGE = 4096


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def clinician_of(opened: OpenPractice) -> str:
    return opened.clinician.signature


ATTEMPTS_FILES = [attempts.FILE_NAME, attempts.LOCK_NAME]


def but_attempts(fingerprint: dict[str, str]) -> dict[str, str]:
    """A wrong passphrase changes only the record of failed attempts (store/attempts.py)."""
    return {k: v for k, v in fingerprint.items() if k != attempts.FILE_NAME}


def attempts_written(folder: Path) -> int:
    record = attempts.read(folder)
    return 0 if record is None else record.total


# --- creating -------------------------------------------------------------------------


def test_create_makes_exactly_the_database_the_key_file_the_lock_and_the_attempts_record(
    practice: OpenPractice, practice_dir: Path
) -> None:
    practice.close()
    assert sorted(os.listdir(practice_dir)) == [
        "practice.anchor",
        *ATTEMPTS_FILES,
        "practice.clarity",
        "practice.key",
        "practice.lock",
    ]
    assert (practice_dir / "practice.lock").stat().st_size == 0  # the OS holds it; no pid inside


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_practice_files_are_private_to_the_user(practice: OpenPractice, practice_dir: Path) -> None:
    assert mode(practice_dir) == 0o700
    # While open, the WAL side files exist too; they hold clinical data and must be private.
    for name in os.listdir(practice_dir):
        assert mode(practice_dir / name) == 0o600, name
    practice.close()
    for name in ("practice.clarity", "practice.key"):
        assert mode(practice_dir / name) == 0o600


def test_key_file_holds_no_readable_secret(
    practice_dir: Path, practice: OpenPractice, recovery_key: str, passphrase: str
) -> None:
    raw = (practice_dir / "practice.key").read_text()
    data = json.loads(raw)
    assert data["format"] == "clarity-practice-key"
    assert passphrase not in raw
    assert recovery_key.replace("-", "") not in raw.replace("-", "")
    # the cheap test KDF was recorded, so this file unlocks with the same cost later
    assert data["passphrase"]["memory_kib"] == 8 * 1024


def _pragmas(opened: OpenPractice) -> list[tuple[str, int, int]]:
    out = []
    # two connections at once: every pooled connection is set up, not just the first
    with opened.engine.connect() as a, opened.engine.connect() as b:
        for conn in (a, b):
            out.append(
                (
                    conn.execute(text("PRAGMA journal_mode")).scalar_one(),
                    conn.execute(text("PRAGMA foreign_keys")).scalar_one(),
                    conn.execute(text("PRAGMA synchronous")).scalar_one(),
                )
            )
    return out


def test_connections_use_wal_foreign_keys_and_full_sync(
    practice: OpenPractice, practice_dir: Path, passphrase: str
) -> None:
    assert _pragmas(practice) == [("wal", 1, 2)] * 2
    practice.close()
    reopened = practices.unlock_practice(practice_dir, passphrase)
    try:
        assert _pragmas(reopened) == [("wal", 1, 2)] * 2
    finally:
        reopened.close()


def test_creating_where_a_practice_exists_is_refused_and_leaves_it_intact(
    practice: OpenPractice,
    practice_dir: Path,
    passphrase: str,
    folder_fingerprint: FolderFingerprint,
) -> None:
    practice.close()
    before = folder_fingerprint(practice_dir)
    with pytest.raises(PracticeExists, match="already a practice"):
        practices.create_practice(practice_dir, "another passphrase", "another passphrase", "X", "")
    assert folder_fingerprint(practice_dir) == before
    reopened = practices.unlock_practice(practice_dir, passphrase)
    assert clinician_of(reopened) == "Dana Reyes, LMFT"
    reopened.close()


def test_create_refuses_mismatched_or_short_passphrase_without_making_files(
    practice_dir: Path,
) -> None:
    with pytest.raises(ValidationError, match="do not match"):
        practices.create_practice(practice_dir, "correct horse", "correct hose", "Dana", "")
    with pytest.raises(ValidationError, match="at least 8"):
        practices.create_practice(practice_dir, "short", "short", "Dana", "")
    with pytest.raises(ValidationError, match="clinician's name"):
        practices.create_practice(practice_dir, "long enough!", "long enough!", "   ", "")
    assert not practice_dir.exists()


# --- unlocking ------------------------------------------------------------------------


def test_unlock_with_the_passphrase(closed_dir: Path, passphrase: str) -> None:
    reopened = practices.unlock_practice(closed_dir, passphrase)
    try:
        assert clinician_of(reopened) == "Dana Reyes, LMFT"
        assert reopened.is_demo is False
    finally:
        reopened.close()


def test_unicode_passphrase_round_trips(tmp_path: Path) -> None:
    secret = "Zoë’s ❤ ﬁrst Łódź passphrase"
    opened, _ = practices.create_practice(tmp_path / "p", secret, secret, "Dana Reyes", "")
    opened.close()
    reopened = practices.unlock_practice(tmp_path / "p", secret)
    assert clinician_of(reopened) == "Dana Reyes"
    reopened.close()
    with pytest.raises(WrongPassphrase):
        practices.unlock_practice(tmp_path / "p", secret.replace("’", "'"))


@pytest.mark.parametrize(
    "typed",
    [
        lambda k: k,
        lambda k: k.lower(),
        lambda k: k.replace("-", " "),
        lambda k: "  " + k.lower().replace("-", " ") + "\n",
        lambda k: k.replace("-", ""),
    ],
    ids=["as-shown", "lower-case", "spaces", "lower-spaces-padded", "no-separators"],
)
def test_unlock_with_the_recovery_key_as_people_type_it(
    closed_dir: Path,
    closed_recovery_key: str,
    typed: Callable[[str], str],
) -> None:
    reopened = practices.unlock_practice(closed_dir, typed(closed_recovery_key), recovery=True)
    assert clinician_of(reopened) == "Dana Reyes, LMFT"
    reopened.close()


@pytest.mark.parametrize("wrong", ["correct horse battery ", "Correct horse battery", "", "x"])
def test_wrong_passphrase_is_refused_and_changes_no_file(
    closed_dir: Path,
    wrong: str,
    folder_fingerprint: FolderFingerprint,
) -> None:
    before = folder_fingerprint(closed_dir)
    with pytest.raises(WrongPassphrase, match="passphrase does not unlock this practice"):
        practices.unlock_practice(closed_dir, wrong)
    assert but_attempts(folder_fingerprint(closed_dir)) == but_attempts(before)
    assert attempts_written(closed_dir) == 1  # written down, for the audit at the next unlock


def test_passphrase_and_recovery_key_are_not_interchangeable(
    closed_dir: Path,
    passphrase: str,
    closed_recovery_key: str,
    folder_fingerprint: FolderFingerprint,
) -> None:
    before = folder_fingerprint(closed_dir)
    with pytest.raises(WrongPassphrase, match="recovery key does not unlock"):
        practices.unlock_practice(closed_dir, passphrase, recovery=True)
    with pytest.raises(WrongPassphrase):
        practices.unlock_practice(closed_dir, closed_recovery_key)
    assert but_attempts(folder_fingerprint(closed_dir)) == but_attempts(before)
    assert attempts_written(closed_dir) == 2


# --- not a practice -------------------------------------------------------------------


def _refused_without_trace(
    folder: Path, expected: type[PracticeError], fingerprint: FolderFingerprint
) -> PracticeError:
    before_parent = sorted(os.listdir(folder.parent)) if folder.parent.exists() else None
    before = fingerprint(folder)
    with pytest.raises(expected) as info:
        practices.unlock_practice(folder, "correct horse battery")
    assert fingerprint(folder) == before
    if before_parent is not None:
        assert sorted(os.listdir(folder.parent)) == before_parent
    assert str(info.value)
    return info.value


def test_folder_with_unrelated_files_is_not_a_practice(
    tmp_path: Path, folder_fingerprint: FolderFingerprint
) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("shopping list")
    (folder / "photo.jpg").write_bytes(os.urandom(300))
    err = _refused_without_trace(folder, PracticeNotFound, folder_fingerprint)
    assert "no Clarity practice" in str(err)


def test_empty_folder_is_not_a_practice(
    tmp_path: Path, folder_fingerprint: FolderFingerprint
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    _refused_without_trace(folder, PracticeNotFound, folder_fingerprint)
    assert os.listdir(folder) == []


def test_nonexistent_path_is_not_created(tmp_path: Path) -> None:
    folder = tmp_path / "no" / "such" / "practice"
    with pytest.raises(PracticeNotFound, match="no practice folder"):
        practices.unlock_practice(folder, "correct horse battery")
    assert not (tmp_path / "no").exists()
    assert os.listdir(tmp_path) == []


def test_a_file_instead_of_a_folder_is_not_a_practice(tmp_path: Path) -> None:
    f = tmp_path / "practice.clarity"
    f.write_bytes(b"not a folder")
    with pytest.raises(PracticeNotFound):
        practices.unlock_practice(f, "correct horse battery")
    assert f.read_bytes() == b"not a folder"
    assert os.listdir(tmp_path) == ["practice.clarity"]


@pytest.mark.parametrize(
    "key_text",
    [
        "{not json",
        "",
        "\x00\xff\xfe garbage",
        "[1, 2, 3]",
        '{"format": "something-else", "version": 1}',
        '{"format": "clarity-practice-key", "version": 1}',
        '{"format": "clarity-practice-key", "version": 1, "practice_id": "x",'
        ' "passphrase": "abc", "recovery": {}}',
    ],
    ids=["broken", "empty", "binary", "list", "foreign", "no-entries", "entry-not-object"],
)
def test_garbage_key_file_is_not_a_practice(
    closed_dir: Path,
    key_text: str,
    folder_fingerprint: FolderFingerprint,
) -> None:
    (closed_dir / "practice.key").write_bytes(key_text.encode("utf-8", "surrogateescape"))
    _refused_without_trace(closed_dir, NotAPractice, folder_fingerprint)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("salt", 5),
        ("salt", "AAAA"),  # decodes to a 3-byte salt, too short for Argon2
        ("memory_kib", 0),
        ("time_cost", -1),
        ("parallelism", 0),
        ("tag", None),
        ("wrapped", "AAAA"),  # a truncated wrapped key is damage, not a wrong passphrase
        ("salt", "not base64!"),
    ],
)
def test_damaged_key_entry_is_reported_as_such_not_as_a_crash(
    closed_dir: Path,
    passphrase: str,
    field: str,
    value: object,
    folder_fingerprint: FolderFingerprint,
) -> None:
    kp = closed_dir / "practice.key"
    data = json.loads(kp.read_text())
    data["passphrase"][field] = value
    kp.write_text(json.dumps(data))
    err = _refused_without_trace(closed_dir, NotAPractice, folder_fingerprint)
    assert "key file is damaged" in str(err)


def test_database_without_key_file_is_reported(
    closed_dir: Path, folder_fingerprint: FolderFingerprint
) -> None:
    (closed_dir / "practice.key").unlink()
    err = _refused_without_trace(closed_dir, NotAPractice, folder_fingerprint)
    assert "lost its key file" in str(err)


def test_key_file_without_database_is_reported(
    closed_dir: Path, folder_fingerprint: FolderFingerprint
) -> None:
    (closed_dir / "practice.clarity").unlink()
    err = _refused_without_trace(closed_dir, PracticeDamaged, folder_fingerprint)
    assert "missing" in str(err)
    assert not (closed_dir / "practice.clarity").exists()


def test_right_key_but_not_our_database_is_not_a_practice(
    closed_dir: Path,
    passphrase: str,
    folder_fingerprint: FolderFingerprint,
) -> None:
    db_key = store.unlock_key(closed_dir, passphrase)
    db = closed_dir / "practice.clarity"
    db.unlink()
    other = connect_raw(db, db_key, create=True)
    other.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    other.execute("INSERT INTO recipes (title) VALUES ('pierogi')")
    other.close()
    err = _refused_without_trace(closed_dir, NotAPractice, folder_fingerprint)
    assert "does not hold a Clarity practice" in str(err)


def test_another_practices_database_is_not_taken_for_this_one(
    tmp_path: Path, passphrase: str, folder_fingerprint: FolderFingerprint
) -> None:
    """Two practices with the same passphrase: swapping in the other's database is caught."""
    a, _ = practices.create_practice(tmp_path / "a", passphrase, passphrase, "A", "")
    b, _ = practices.create_practice(tmp_path / "b", passphrase, passphrase, "B", "")
    a.close()
    b.close()
    (tmp_path / "a" / "practice.key").replace(tmp_path / "b" / "practice.key")
    (tmp_path / "a" / "practice.clarity").unlink()
    # b's database with a's key file: a's key cannot decrypt b's database, and says so
    err = _refused_without_trace(tmp_path / "b", NotAPractice, folder_fingerprint)
    assert "belongs to a different practice" in str(err)


# --- damaged --------------------------------------------------------------------------


def _flip(path: Path, offset: int, n: int = 16) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        chunk = fh.read(n)
        fh.seek(offset)
        fh.write(bytes(b ^ 0x5A for b in chunk))


@pytest.mark.parametrize(
    "where",
    ["salt at the start", "middle of page 1", "end of page 1", "practice_info page"],
)
def test_overwritten_bytes_are_reported_as_damage_and_nothing_is_written(
    closed_dir: Path,
    practice_info_page: int,
    where: str,
    folder_fingerprint: FolderFingerprint,
) -> None:
    info_page = practice_info_page
    offset = {
        "salt at the start": 0,
        "middle of page 1": PAGE // 2,
        "end of page 1": PAGE - 40,
        "practice_info page": (info_page - 1) * PAGE + PAGE // 2,
    }[where]
    _flip(closed_dir / "practice.clarity", offset)
    err = _refused_without_trace(closed_dir, PracticeDamaged, folder_fingerprint)
    assert "damaged" in str(err)
    assert sorted(os.listdir(closed_dir)) == [
        "practice.anchor",
        *ATTEMPTS_FILES,
        "practice.clarity",
        "practice.key",
        "practice.lock",
    ]


@pytest.mark.parametrize("keep", [0, 1000, PAGE, PAGE * 3 + 100, "half"])
def test_truncated_database_is_refused_and_left_as_it_is(
    closed_dir: Path,
    keep: int | str,
    folder_fingerprint: FolderFingerprint,
) -> None:
    db = closed_dir / "practice.clarity"
    data = db.read_bytes()
    size = len(data) // 2 if keep == "half" else int(keep)
    db.write_bytes(data[:size])
    before = folder_fingerprint(closed_dir)
    with pytest.raises((PracticeDamaged, NotAPractice)):
        practices.unlock_practice(closed_dir, "correct horse battery")
    assert folder_fingerprint(closed_dir) == before
    assert db.stat().st_size == size
