"""What went wrong, in one sentence for the user: the one place errors become words."""

from __future__ import annotations

import errno

from clarity_desktop.domain.errors import ClarityError


def explain(exc: BaseException) -> str:
    """One sentence for the user; unexpected errors say so plainly."""
    if isinstance(exc, ClarityError):
        return str(exc)
    lowered = str(exc).lower()
    if "disk is full" in lowered or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return "There is no room left on the disk. Nothing typed is lost; saving resumes when there is room."
    if isinstance(exc, OSError):
        return f"The practice folder could not be used: {exc.strerror or exc}."
    return f"Something unexpected went wrong ({type(exc).__name__}: {exc})."
