"""What went wrong, in one sentence for the user: the one place errors become words."""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from clarity_desktop.domain.errors import ClarityError
from clarity_desktop.ui.common.messages import error_text


def explain(exc: BaseException) -> str:
    """One sentence for the user; unexpected errors say so plainly."""
    if isinstance(exc, ClarityError):
        return error_text(exc)
    lowered = str(exc).lower()
    if "disk is full" in lowered or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return QCoreApplication.translate(
            "Errors",
            "There is no room left on the disk. Nothing typed is lost; saving resumes when "
            "there is room.",
        )
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "Errors", "The practice folder could not be used: %s."
        ) % (exc.strerror or exc)
    return QCoreApplication.translate("Errors", "Something unexpected went wrong (%s: %s).") % (
        type(exc).__name__,
        exc,
    )
