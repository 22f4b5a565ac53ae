"""A probe run through the program's real entry point, for test_core_dumps.

It swaps the handler of the ``info`` command for one that prints what the kernel says
about this very process (whether it may be dumped or traced, its core-file limit, its
umask) and then calls the entry point as the installed program does. Whatever hardening
the entry point does before it dispatches a command is what the probe sees.

usage: python process_state_child.py cli|module
  cli     clarity_desktop.cli:main (the installed clarity-desktop and clarity-desktop-cli)
  module  python -m clarity_desktop (clarity_desktop/__main__.py; the packaged program)
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from clarity_desktop import cli
from clarity_desktop.cli import entry

PR_GET_DUMPABLE = 3


def probe(_args: argparse.Namespace) -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    dumpable = libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)
    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    mask = os.umask(0)
    os.umask(mask)
    state = {"dumpable": dumpable, "core_soft": soft, "core_hard": hard, "umask": mask}
    print(json.dumps(state), flush=True)
    return 0


def main() -> None:
    entry.COMMANDS["info"] = probe
    if sys.argv[1] == "cli":
        sys.exit(cli.main(["info"]))
    sys.argv = ["clarity_desktop", "info"]
    runpy.run_module("clarity_desktop", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
