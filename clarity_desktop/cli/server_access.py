"""``clarity-desktop server supervise`` and ``server emergency-log``: who supervises whom on
a practice server, and the emergency access grants to follow up (services/staff.py,
services/emergency.py). Both sign in through the folder ``server connect`` made; the server
refuses them to anyone but an administrator (supervise) or a supervisor or administrator
(the log). Registered by cli/server.py under the ``server`` group.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from clarity_desktop.cli.common import EXIT_OK, Handler, tolerant_stdout, unlock_server

MODES = ("view", "approve", "cosign", "none")
MODE_WORDS = {"view": "view only", "approve": "review and approve", "cosign": "review and co-sign"}


def register(cmd: Callable[[str, str], argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add both commands through cli/server.py's *cmd* (which adds --data-dir and
    --passphrase-file); their handlers by name."""
    supervise = cmd(
        "supervise",
        "link a supervisor to a clinician they oversee, change how, or end it with --mode none",
    )
    supervise.add_argument("--supervisor", required=True, help="the supervisor's login")
    supervise.add_argument("--supervisee", required=True, help="the supervised clinician's login")
    supervise.add_argument(
        "--mode",
        required=True,
        choices=MODES,
        help="view: reads their cases; approve: reviews notes before they are signed; "
        "cosign: co-signs their signed notes; none: ends the link",
    )
    log = cmd(
        "emergency-log",
        "list every emergency access grant, newest first (as a supervisor or administrator)",
    )
    log.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return {"supervise": _supervise, "emergency-log": _emergency_log}


def _supervise(args: argparse.Namespace) -> int:
    from clarity_desktop.services import staff

    mode = None if args.mode == "none" else args.mode
    opened = unlock_server(args)
    try:
        staff.set_supervision(opened, args.supervisor, args.supervisee, mode)
    finally:
        opened.close()
    if mode is None:
        print(f"{args.supervisor} no longer supervises {args.supervisee}.")
    else:
        print(f"{args.supervisor} supervises {args.supervisee}: {MODE_WORDS[mode]}.")
    return EXIT_OK


def _emergency_log(args: argparse.Namespace) -> int:
    from clarity_desktop.services import emergency

    opened = unlock_server(args)
    try:
        grants = emergency.grant_log(opened)
    finally:
        opened.close()
    tolerant_stdout()
    if args.json:
        out = [
            {
                "id": g.id,
                "clinician": g.clinician,
                "case_id": g.case_id,
                "case": g.case_name,
                "from": g.since.isoformat(timespec="seconds"),
                "until": g.until.isoformat(timespec="seconds"),
                "live": g.live,
                "reason": g.reason,
            }
            for g in grants
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not grants:
        print("No emergency access has been granted on this practice server.")
        return EXIT_OK
    # Local time, as the people reading it live it; the JSON keeps UTC.
    who_w = max(len(g.clinician) for g in grants)
    cases = [f"{g.case_name} (case {g.case_id})" for g in grants]
    case_w = max(len(c) for c in cases)
    for g, case in zip(grants, cases, strict=True):
        since, until = g.since.astimezone(), g.until.astimezone()
        end = until.strftime("%H:%M" if until.date() == since.date() else "%Y-%m-%d %H:%M")
        state = "live " if g.live else "ended"
        print(
            f"{since:%Y-%m-%d %H:%M}  until {end:<5}  {state}  {g.clinician:<{who_w}}  "
            f"{case:<{case_w}}  {g.reason}"
        )
    return EXIT_OK
