"""What made a backup. The value is the text written in a backup's manifest (and, for
all but a manual backup, at the end of its folder name), so it never changes once shipped.
"""

from __future__ import annotations

from enum import StrEnum


class BackupKind(StrEnum):
    AUTO = "auto"  # at close and daily while running; the only kind that is rotated
    MANUAL = "manual"  # Back up now, to a folder the therapist chooses
    SAFETY = "safety"  # before a schema upgrade
    BEFORE_RESTORE = "before-restore"  # the practice as it was, so a restore can be undone
