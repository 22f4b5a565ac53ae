"""``python -m clarity_desktop``: the same entry as the installed ``clarity-desktop``.

The packaged program starts here too, so the process is hardened (no core dumps,
owner-only files; see hardening.py) before anything else is imported.
"""

import sys

from clarity_desktop.hardening import harden_process

harden_process()

from clarity_desktop.cli import main  # noqa: E402  (after hardening, on purpose)

sys.exit(main())
