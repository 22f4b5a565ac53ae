"""Writing a file the user named without ever leaving half of it behind.

An export ZIP or an audit CSV is written to a temporary file (a "part") in the folder
the user chose, and renamed to the chosen name only when complete, so that name never
holds half a file. A part holds client records; if the program is killed while writing
(a crash, a power cut, SIGKILL) it would stay there, hidden. So:

- Before a part exists, a claim naming it is written to the program's own data folder
  (``unfinished/``) and held under an OS lock for as long as the write goes on. The OS
  drops the lock when the process ends, however it ends.
- At every start (cli.main, which the window shares), claims whose lock is free belong
  to a program that is gone: their parts are removed, then the claims. A claim still
  locked is a write going on in another copy of the program, and is left alone.
- Only a file named in a claim, with our part name (``.clarity-<random>.part``), that is
  a plain file, is ever removed: a user's own file is never touched.
- An error names the file the user chose, never the part (WriteFailed).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.services.locations import app_data

PART_PREFIX = ".clarity-"
PART_SUFFIX = ".part"
CLAIMS = "unfinished"
UNWRITTEN_CLAIM_GRACE_S = 3600  # an empty claim younger than this may be being written now


class WriteFailed(ClarityError):
    """A file the user asked for could not be written; nothing is left under its name."""


def claims_folder() -> Path:
    return app_data() / CLAIMS


def is_part_name(name: str) -> bool:
    return name.startswith(PART_PREFIX) and name.endswith(PART_SUFFIX)


def _lock(handle: IO[str], *, wait: bool) -> bool:
    import portalocker  # only when there is something to lock: keeps the start light

    flags = portalocker.LockFlags.EXCLUSIVE
    if not wait:
        flags |= portalocker.LockFlags.NON_BLOCKING
    try:
        portalocker.lock(handle, flags)
    except portalocker.exceptions.LockException:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    import portalocker

    with contextlib.suppress(portalocker.exceptions.LockException, OSError):
        portalocker.unlock(handle)


@contextlib.contextmanager
def writing(target: Path) -> Iterator[Path]:
    """A new, empty, owner-only part beside *target*, claimed until the block ends.

    The block writes the part and renames it onto *target*; whatever happens, the part
    is gone afterwards. A system error (an OSError with an errno) becomes WriteFailed
    naming *target*; anything else, a cancel included, passes through as it is.
    """
    folder = claims_folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(ErrorCode.WRITE_FAILED, target=target, reason=_reason(exc)) from exc
    token = secrets.token_hex(8)
    part = target.parent / f"{PART_PREFIX}{token}{PART_SUFFIX}"
    claim = folder / f"{token}.json"
    handle = open(claim, "x+", encoding="utf-8")  # noqa: SIM115  (held open until the end)
    try:
        _lock(handle, wait=True)
        record = {"part": str(part.absolute()), "target": str(target.absolute())}
        handle.write(json.dumps({**record, "pid": os.getpid(), "started": time.time()}))
        handle.flush()
        os.fsync(handle.fileno())
        try:
            os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            yield part
        except OSError as exc:
            if exc.errno is None:  # raised on purpose (a cancel), not by the system
                raise
            raise WriteFailed(ErrorCode.WRITE_FAILED, target=target, reason=_reason(exc)) from exc
        finally:
            with contextlib.suppress(FileNotFoundError):
                part.unlink()
    finally:
        _unlock(handle)
        handle.close()
        with contextlib.suppress(FileNotFoundError):
            claim.unlink()


def _reason(exc: OSError) -> str:
    text = (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
    return text[:1].lower() + text[1:]


def sweep_unfinished() -> list[Path]:
    """Remove the parts that a killed copy of the program left behind (see the module
    docstring); returns them. Never raises: a start must not fail over a leftover."""
    removed: list[Path] = []
    try:
        claims = sorted(claims_folder().glob("*.json"))
    except OSError:
        return removed
    for claim in claims:
        with contextlib.suppress(OSError, ValueError):
            part = _sweep_one(claim)
            if part is not None:
                removed.append(part)
    return removed


def _sweep_one(claim: Path) -> Path | None:
    removed = None
    with open(claim, "r+", encoding="utf-8") as handle:
        if not _lock(handle, wait=False):
            return None  # a write still going on
        try:
            text = handle.read()
            if not text.strip():  # a claim being made right now, or never finished long ago
                if time.time() - claim.stat().st_mtime < UNWRITTEN_CLAIM_GRACE_S:
                    return None
            else:
                part = Path(json.loads(text)["part"])
                if is_part_name(part.name) and part.is_file() and not part.is_symlink():
                    with contextlib.suppress(FileNotFoundError):
                        part.unlink()
                        removed = part
        finally:
            _unlock(handle)
    with contextlib.suppress(FileNotFoundError):
        claim.unlink()
    return removed
