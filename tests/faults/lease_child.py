"""A program that opens a note for editing on a practice server and then does nothing:
it signs in as the login of PRACTICE_DIR (the password in CLARITY_TEST_PASSWORD, never
on the command line), takes the note's edit lease, says "held" on stdout and waits to be
killed.

usage: python lease_child.py PRACTICE_DIR NOTE_ID
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from clarity_desktop.services import leases, practices


def main() -> None:
    folder, note_id = Path(sys.argv[1]), int(sys.argv[2])
    opened = practices.unlock_practice(folder, os.environ["CLARITY_TEST_PASSWORD"])
    lease = leases.hold_lease(opened, note_id)
    if isinstance(lease, leases.LeaseHolder):
        print(f"refused {lease.name}", flush=True)
        return
    print("held", flush=True)
    while True:
        time.sleep(60)


if __name__ == "__main__":
    main()
