"""A gentle passphrase strength hint. Length matters most; we do not nag about symbols."""

from __future__ import annotations

MIN_PASSPHRASE = 8


def passphrase_strength(passphrase: str, *, password: bool = False) -> tuple[int, str]:
    """A rough 0-4 score and a one-line hint (about a practice server's *password*, or
    the solo practice's passphrase)."""
    n = len(passphrase)
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    words = len(passphrase.split())
    if n < MIN_PASSPHRASE:
        return 0, f"Too short: use at least {MIN_PASSPHRASE} characters."
    if n < 12 and kinds < 3:
        if password:
            return 1, "Weak: a few unrelated words make a stronger password."
        return 1, "Weak: a few unrelated words make a stronger passphrase."
    if n < 16:
        return 2, "Fair: longer is stronger."
    if n < 24 and words < 4:
        return 3, "Good."
    return 4, "Strong."
