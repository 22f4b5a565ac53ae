"""The key file's secrets: the database key and the clinician's signing key, unwrapped by
the passphrase or the recovery key, rewrapped when the passphrase changes. Reads and
writes the small key file only; never the database."""

from __future__ import annotations

import dataclasses
import secrets
from pathlib import Path

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store import keys, seals
from clarity_desktop.store.errors import (
    NotAPractice,
    PracticeDamaged,
    PracticeNotFound,
    WrongPassphrase,
    key_file_damaged,
)
from clarity_desktop.store.files import db_path, key_path
from clarity_desktop.store.seals import Ed25519PrivateKey


def read_key_file(folder: Path) -> keys.KeyFile:
    if not folder.is_dir():
        raise PracticeNotFound(ErrorCode.THERE_NO_PRACTICE_FOLDER, folder=folder)
    kp, db = key_path(folder), db_path(folder)
    if not kp.exists():
        if db.exists():
            raise NotAPractice(ErrorCode.PRACTICE_HAS_LOST_KEY_FILE, folder=folder)
        raise PracticeNotFound(ErrorCode.THERE_NO_CLARITY_PRACTICE, folder=folder)
    try:
        keyfile = keys.KeyFile.read(kp)
    except keys.KeyFileDamaged as exc:
        raise key_file_damaged(folder, exc) from exc
    except keys.KeyFileError as exc:
        raise NotAPractice(ErrorCode.NOT_A_PRACTICE_DETAIL, folder=folder, exc=exc) from exc
    if not db.exists():
        raise PracticeDamaged(ErrorCode.PRACTICE_DATABASE_MISSING, folder=folder)
    return keyfile


def unlock_key(folder: Path, secret: str, *, recovery: bool = False) -> bytes:
    """The database key, or WrongPassphrase. Reads the key file only; touches nothing."""
    return unlock_secrets(folder, secret, recovery=recovery)[0]


def unlock_secrets(
    folder: Path, secret: str, *, recovery: bool = False
) -> tuple[bytes, bytes | None]:
    """(database key, signing seed or None for a key file from before seals)."""
    keyfile = read_key_file(folder)
    entry = keyfile.recovery if recovery else keyfile.passphrase
    secret = keys.normalise_recovery_key(secret) if recovery else secret
    try:
        payload = keys.unwrap(entry, secret)
        return payload[: keys.KEY_BYTES], payload[keys.KEY_BYTES :] or None
    except keys.WrongSecret:
        code = ErrorCode.WRONG_RECOVERY_KEY if recovery else ErrorCode.WRONG_PASSPHRASE
        raise WrongPassphrase(code) from None
    except keys.KeyFileDamaged as exc:
        raise key_file_damaged(folder, exc) from exc
    except keys.KeyFileError as exc:
        raise NotAPractice(ErrorCode.NOT_A_PRACTICE_DETAIL, folder=folder, exc=exc) from exc


def trusted_keys(keyfile: keys.KeyFile, signer: Ed25519PrivateKey | None) -> set[str]:
    current = seals.public_hex(signer) if signer is not None else keyfile.signer_public
    return seals.trusted_keys(current, keyfile.former_signers)


def add_signer(folder: Path, passphrase: str, db_key: bytes) -> bytes:
    """A practice from before seals gets its signing key at the first passphrase unlock;
    if the signer changed (a reset after recovery), the new one vouches for the old."""
    keyfile = read_key_file(folder)
    seed = secrets.token_bytes(keys.KEY_BYTES)
    signer = seals.signer_from_seed(seed)
    former = list(keyfile.former_signers)
    if keyfile.signer_public and keyfile.signer_public != seals.public_hex(signer):
        former.append(
            {"public": keyfile.signer_public, "vouch": seals.vouch(signer, keyfile.signer_public)}
        )
    former = [{"public": f["public"], "vouch": seals.vouch(signer, f["public"])} for f in former]
    params = params_of(keyfile.passphrase)
    keys.KeyFile(
        keyfile.practice_id,
        keys.wrap(db_key + seed, passphrase, params),
        keyfile.recovery,
        signer_public=seals.public_hex(signer),
        former_signers=tuple(former),
        legacy_sealed=False,
    ).write_atomically(key_path(folder))
    return seed


def params_of(entry: dict[str, object]) -> keys.KdfParams:
    try:
        return keys.KdfParams(
            int(str(entry["time_cost"])),
            int(str(entry["memory_kib"])),
            int(str(entry["parallelism"])),
        )
    except (KeyError, ValueError):
        return keys.DEFAULT_KDF


def mark_legacy_sealed(folder: Path) -> None:
    keyfile = read_key_file(folder)
    if not keyfile.legacy_sealed:
        dataclasses.replace(keyfile, legacy_sealed=True).write_atomically(key_path(folder))


def rewrap_passphrase(
    folder: Path, secret: str, new_passphrase: str, *, recovery: bool = False
) -> bytes:
    """Wrap the unchanged database key under a new passphrase (fresh salt). Only the small
    key file is rewritten, atomically; the database is not touched. The recovery key keeps
    working."""
    keyfile = read_key_file(folder)
    db_key, seed = unlock_secrets(folder, secret, recovery=recovery)
    if seed is None:
        # The recovery entry of a practice from before seals has no signing key: the new
        # passphrase gets a new one (vouching for the old) and the recovery entry too.
        updated = dataclasses.replace(
            keyfile, passphrase=keys.wrap(db_key, new_passphrase, keys.DEFAULT_KDF)
        )
        updated.write_atomically(key_path(folder))
        seed = add_signer(folder, new_passphrase, db_key)
        if recovery:
            keyfile = read_key_file(folder)
            dataclasses.replace(
                keyfile,
                recovery=keys.wrap(
                    db_key + seed, keys.normalise_recovery_key(secret), keys.DEFAULT_KDF
                ),
            ).write_atomically(key_path(folder))
        return seed
    dataclasses.replace(
        keyfile, passphrase=keys.wrap(db_key + seed, new_passphrase, keys.DEFAULT_KDF)
    ).write_atomically(key_path(folder))
    return seed


def mark_anchored(folder: Path) -> None:
    keyfile = read_key_file(folder)
    if not keyfile.anchored:
        dataclasses.replace(keyfile, anchored=True).write_atomically(key_path(folder))
