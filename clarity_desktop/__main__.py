"""``python -m clarity_desktop``: the same entry as the installed ``clarity-desktop``."""

import sys

from clarity_desktop.cli import main

sys.exit(main())
