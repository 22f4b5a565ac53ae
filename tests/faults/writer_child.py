"""A second program writing through the services, for the restore race test: it opens the
practice, then adds one client after another and says "committed NAME" on stdout only
after each commit returned. It runs until killed, for SECONDS, or until STOP_FILE exists
(so a test on a busy machine decides when it ends, not the clock).

usage: python writer_child.py PRACTICE_DIR PASSPHRASE SECONDS [STOP_FILE]
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, practices


def main() -> None:
    folder, passphrase, seconds = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    stop = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    opened = practices.unlock_practice(folder, passphrase)
    print("open", flush=True)
    end = time.monotonic() + seconds
    i = 0
    try:
        while time.monotonic() < end and not (stop and stop.exists()):
            i += 1
            name = f"Writer client {os.getpid()}-{i:05d}"  # unique across runs
            cases.create_case(
                opened.uow(),
                CaseInput(
                    kind=CaseKind.INDIVIDUAL,
                    display_name="",
                    partners=(PartnerInput(name=name),),
                    opened_on=date(2024, 1, 1),
                ),
            )
            print(f"committed {name}", flush=True)
    finally:
        opened.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main()
