"""Public keys this workstation has seen from the practice server, remembered on first
sight: the server is not trusted to hand out keys.

The administrator runs the server, so she could replace a public key there: the
practice's recovery key (every new case key is wrapped for it: with her own key in its
place she would read every new case), the emergency key, or a colleague's signing key
(which vouches for their encryption key, so she could have a case key shared with a key
of her own). The program therefore remembers each of these keys the first time it sees
them, in ``pins.json`` next to ``server.json`` in the workstation's server folder, and
refuses in words when the server later shows another: nothing is wrapped for a key this
computer has not seen before under that name.

What first sight cannot catch: a key already swapped before this workstation first
signed in (trust on first use). A colleague's signing key legitimately changes once, at
their first own password, before they hold any encryption key, so before anyone shares
with them (logins.set_user_keys): the pin is taken when a key is first shared with them.
Losing the file (a new workstation) starts again from first sight, and so does pointing
the folder at another practice database (address.write).

The emergency key legitimately changes when a supervisor who held it leaves: a newer
generation is taken only when the key it replaces, or the recovery sheet, signed it
(emergency_trust.py).
Several programs on one workstation share the file: each change is made to the file as
it is on disk, so one program's memory never writes back over another's newer keys.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres.address import PINS_FILE
from clarity_desktop.store.postgres.encryption.values import EncryptionError

RECOVERY = "practice:recovery"
EMERGENCY = "practice:emergency"
EMERGENCY_GENERATION = "practice:emergency:generation"  # a newer one is vouched for
EMERGENCY_HANDOVER = "practice:emergency:handover"  # signs the next generation
RECOVERY_SIGNER = "practice:recovery:signer"  # the sheet's: signs a renewal after a retirement


def user(user_id: int) -> str:
    return f"user:{user_id}"


class Pins:
    """The remembered keys of one server folder (name -> hex public key)."""

    def __init__(self, folder: Path | None) -> None:
        self._path = None if folder is None else folder / PINS_FILE
        self._lock = threading.Lock()
        self._seen: dict[str, str] = {}
        self._read_as: tuple[int, int] | None = None  # (mtime, size) of the file last read
        self._load()

    def _load(self) -> dict[str, str]:
        """The file as it is now (another program may have added to it): read again only
        when it changed since."""
        if self._path is not None and self._path.exists():
            stat = self._path.stat()
            if self._read_as == (stat.st_mtime_ns, stat.st_size):
                return self._seen
            try:
                data = json.loads(self._path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise EncryptionError(ErrorCode.ENCRYPTION_PINS_UNREADABLE) from exc
            if not isinstance(data, dict):
                raise EncryptionError(ErrorCode.ENCRYPTION_PINS_UNREADABLE)
            self._seen = {str(k): str(v) for k, v in data.items()}
            self._read_as = (stat.st_mtime_ns, stat.st_size)
        return self._seen

    def get(self, name: str) -> str | None:
        with self._lock:
            return self._load().get(name)

    def check(self, name: str, public_hex: str, *, who: str = "") -> None:
        """Remember *public_hex* as *name*'s key on first sight; afterwards refuse any
        other (ENCRYPTION_KEY_CHANGED, naming *who*)."""
        key = public_hex.lower()
        with self._lock:
            seen = self._load().get(name)
            if seen == key:
                return
            if seen is not None:
                code = (
                    ErrorCode.ENCRYPTION_PRACTICE_KEY_CHANGED
                    if name.startswith("practice:")
                    else ErrorCode.ENCRYPTION_KEY_CHANGED
                )
                raise EncryptionError(code, who=who or name)
            self._seen[name] = key
            self._save()

    def agrees(self, name: str, public_hex: str) -> bool:
        """check() without the error: False when *name* was seen with another key."""
        try:
            self.check(name, public_hex)
        except EncryptionError:
            return False
        return True

    def put(self, name: str, value: str) -> None:
        """*name* remembered as *value* from now on, whatever it was: only for a change
        the caller has verified (emergency_trust.trust)."""
        with self._lock:
            if self._load().get(name) == value.lower():
                return
            self._seen[name] = value.lower()
            self._save()

    def remember(self, found: dict[str, str]) -> None:
        """Each of *found* not seen before, remembered; one seen with another key is left
        as it was (the check where it matters refuses it)."""
        with self._lock:
            seen = self._load()
            new = {k: v.lower() for k, v in found.items() if k not in seen}
            if new:
                seen.update(new)
                self._save()

    def _save(self) -> None:
        if self._path is None:
            return
        tmp = self._path.with_name(PINS_FILE + ".tmp")
        tmp.write_text(json.dumps(self._seen, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, self._path)
