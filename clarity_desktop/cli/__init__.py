"""The command line: a second front on the same services as the window.

- entry.py: the parser, the small commands (init, demo, info, check, cases), main();
- common.py: what every command shares (exit codes, CliError, the passphrase);
- args.py: one-sentence errors for badly typed arguments;
- report.py, records.py (sessions, export, import), safety.py (audit, backup, restore),
  day.py (schedule, today), measures.py (measures): the command modules.

Imports go one way, entry -> command modules -> common and args, so there is no cycle.
``main`` is here for the installed programs (``clarity_desktop.cli:main``) and
``python -m clarity_desktop``.
"""

from clarity_desktop.cli.entry import main

__all__ = ["main"]
