"""Which backend serves a practice, and opening one through it.

The one place that knows the backends by name: services call these and then speak to
the open practice and its ``backend`` (store/backend.py). A PostgreSQL backend adds its
case here (a practice folder holding a connection file instead of a database).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clarity_desktop.store.backend import Backend, Clinician, OpenPractice
from clarity_desktop.store.sqlite.backend import SqliteBackend

if TYPE_CHECKING:
    from clarity_desktop.store.keys import KdfParams


def backend_for(folder: Path) -> Backend:
    """The backend of the practice in *folder* (or of a new one made there)."""
    del folder  # one backend today
    return SqliteBackend()


def create(
    folder: Path,
    passphrase: str,
    clinician: Clinician,
    *,
    is_demo: bool = False,
    kdf: KdfParams | None = None,
    window: bool = False,
) -> tuple[OpenPractice, str]:
    """Make a new practice. Returns it unlocked, with the recovery key to show once."""
    return backend_for(folder).create(
        folder, passphrase, clinician, is_demo=is_demo, kdf=kdf, window=window
    )


def unlock(
    folder: Path,
    secret: str,
    *,
    recovery: bool = False,
    window: bool = False,
    accept_missing_work: bool = False,
) -> OpenPractice:
    return backend_for(folder).unlock(
        folder, secret, recovery=recovery, window=window, accept_missing_work=accept_missing_work
    )
