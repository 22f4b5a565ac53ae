"""The anchor: the audit chain's head, recorded outside the database and signed.

At every clean close, lock and backup the newest audit row's id and hash are written to
``practice.anchor`` beside the database, signed with the clinician's key. A database found
behind its anchor (an older copy put in its place, a lost write-ahead log, audit rows
removed from the end) is reported as missing committed work instead of opening as if
nothing happened.

A restore stages the anchor of the practice it installs (``practice.anchor.restoring``)
before it swaps the database, and promotes it after. A restore killed in between leaves
both anchors; the next open keeps the one the database matches (settle()).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from clarity_desktop.domain.clock import parse_utc, utc_text
from clarity_desktop.store.seals import public_hex

ANCHOR_NAME = "practice.anchor"
STAGED_NAME = ANCHOR_NAME + ".restoring"
FORMAT = "clarity-anchor"


@dataclass(frozen=True)
class Anchor:
    practice_id: str
    audit_id: int
    row_hash: str
    at: datetime  # UTC, when the anchor was written

    def message(self) -> bytes:
        return (
            f"{FORMAT}|{self.practice_id}|{self.audit_id}|{self.row_hash}|{utc_text(self.at)}"
        ).encode()


class AnchorInvalid(Exception):
    """The anchor file is damaged or was not written by this practice's signer."""


def path_of(folder: Path, *, staged: bool = False) -> Path:
    return folder / (STAGED_NAME if staged else ANCHOR_NAME)


def tmp_of(target: Path) -> Path:
    return target.with_name(target.name + ".tmp")


def write(folder: Path, anchor: Anchor, signer: Ed25519PrivateKey, *, staged: bool = False) -> None:
    data = {
        "format": FORMAT,
        "practice_id": anchor.practice_id,
        "audit_id": anchor.audit_id,
        "row_hash": anchor.row_hash,
        "at": utc_text(anchor.at),
        "key": public_hex(signer),
        "sig": signer.sign(anchor.message()).hex(),
    }
    target = path_of(folder, staged=staged)
    tmp = tmp_of(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, indent=2))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def read(folder: Path, trusted: set[str], *, staged: bool = False) -> Anchor | None:
    """The anchor, None if there is none yet; AnchorInvalid if it is not genuine."""
    try:
        data = json.loads(path_of(folder, staged=staged).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise AnchorInvalid("the anchor file is damaged") from exc
    try:
        anchor = Anchor(
            str(data["practice_id"]),
            int(data["audit_id"]),
            str(data["row_hash"]),
            parse_utc(str(data["at"])),
        )
        key_hex = str(data["key"])
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(
            bytes.fromhex(str(data["sig"])), anchor.message()
        )
    except (KeyError, TypeError, ValueError, InvalidSignature) as exc:
        raise AnchorInvalid("the anchor file is damaged or not genuine") from exc
    if key_hex not in trusted:
        raise AnchorInvalid("the anchor file was signed by a key this practice does not know")
    return anchor


def promote_staged(folder: Path) -> None:
    """The staged anchor becomes the anchor (one rename)."""
    os.replace(path_of(folder, staged=True), path_of(folder))


def settle(folder: Path, trusted: set[str], matches: Callable[[Anchor], bool]) -> None:
    """Finish or forget a restore that was killed between staging its anchor and promoting
    it: the staged anchor is kept when the database is the restored one (*matches*), and
    removed otherwise (the database was never swapped, or the staged file is not genuine).
    Two programs settling at once decide the same way."""
    try:
        staged = read(folder, trusted, staged=True)
    except AnchorInvalid:
        staged = None
    else:
        if staged is None:
            return
    with contextlib.suppress(FileNotFoundError):
        if staged is not None and matches(staged):
            promote_staged(folder)
        else:
            path_of(folder, staged=True).unlink()
