"""Process hardening, done first thing by every entry point (cli/entry.py main, __main__).

A crash must not leave the database key, client names or note text in a file, and what
the program writes must be its user's alone. So, before anything else runs:

- Every system: the umask becomes 077, so every file and folder the program (or a
  library in it: Qt's print-to-file, a backup manifest, QSettings) creates is readable
  by its owner only, whatever the login's default.
- POSIX (Linux, macOS, BSD): the core-file limit is set to 0, soft and hard, so the
  kernel writes no core dump and nothing later in the process can raise it again.
- Linux: prctl(PR_SET_DUMPABLE, 0). No core even where a helper program (apport,
  systemd-coredump) would collect it regardless of the limit, and other programs of
  the same user can no longer attach a debugger or read /proc/PID/mem or environ.
  (root, or a debugger with CAP_SYS_PTRACE, still can: nothing inside a process can
  stop its administrator.)
- Windows: SetErrorMode with SEM_NOGPFAULTERRORBOX, so a crash is not handed to
  Windows Error Reporting (no crash dialog, no WER report or dump of the process),
  and WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP), so a report that is still made
  (a hang, an administrator's setting) leaves the heap, where secrets live, out of it.
  The umask covers files made through the C runtime only; Windows files take their
  access from the folder, which in the user's profile is the user's own.
- macOS: crash reports (ReportCrash) hold stack traces, not memory; the core limit
  above covers /cores.

Every step is best effort: a system without one of these calls keeps the others, and
none of them can stop the program from starting. Nothing here imports Qt or SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys

PR_SET_DUMPABLE = 4
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002
WER_FAULT_REPORTING_FLAG_NOHEAP = 0x0001
OWNER_ONLY_UMASK = 0o077


def harden_process() -> None:
    """Apply everything above; calling it again changes nothing."""
    os.umask(OWNER_ONLY_UMASK)
    _no_core_files()
    if sys.platform.startswith("linux"):
        _not_dumpable()
    elif sys.platform == "win32":
        _no_error_reporting()


def _no_core_files() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _not_dumpable() -> None:
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def _no_error_reporting() -> None:
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return
    with contextlib.suppress(OSError, AttributeError):
        kernel32 = windll.kernel32
        mode = kernel32.GetErrorMode()
        kernel32.SetErrorMode(mode | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    with contextlib.suppress(OSError, AttributeError):
        windll.kernel32.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP)
