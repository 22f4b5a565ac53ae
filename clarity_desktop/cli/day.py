"""Command-line commands for the therapist's day: ``schedule`` and ``today``.

Registered by cli/entry.py through add_commands, like cli/records.py; they follow the
command line's rules (cli/common.py: passphrase from CLARITY_PASSPHRASE,
--passphrase-file or a prompt; errors are one sentence on stderr with exit code 2). Nothing here imports Qt.

``schedule`` books the sessions and then warns (stderr, exit 0) about any other session
of the practice at an overlapping time, as the window does: the clinician may have
meant it (a co-therapy slot, a session run long on purpose).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clarity_desktop.cli.args import day, day_and_time
from clarity_desktop.cli.common import (
    EXIT_OK,
    CliError,
    CommandFactory,
    Handler,
    read_passphrase,
    tolerant_stdout,
)
from clarity_desktop.domain.schedule import SessionStatus

if TYPE_CHECKING:
    from clarity_desktop.services.dto import SessionClash
    from clarity_desktop.services.today import DayPlan, DaySession, DraftItem

AGE_WORDS = {"fresh": "", "over_a_day": "over a day", "over_three_days": "over three days"}


def add_commands(cmd: CommandFactory) -> dict[str | None, Handler]:
    """Add the commands through cli's *cmd* (which adds --data-dir); returns handlers."""
    schedule = cmd("schedule", "book a session ahead, or a weekly or fortnightly series")
    schedule.add_argument("--case", type=int, metavar="ID", required=True, help="the case")
    schedule.add_argument(
        "--at",
        type=day_and_time,
        required=True,
        metavar='"YYYY-MM-DD HH:MM"',
        help="when the (first) session starts, local time",
    )
    schedule.add_argument(
        "--minutes", type=int, default=50, metavar="N", help="how long (default 50)"
    )
    schedule.add_argument(
        "--repeat", choices=("weekly", "fortnightly"), help="book a series (with --count)"
    )
    schedule.add_argument("--count", type=int, metavar="N", help="how many sessions in the series")
    schedule.add_argument("--telehealth", action="store_true", help="a telehealth session")
    schedule.add_argument(
        "--partner",
        metavar="NAME",
        help="an individual session with this partner of a couple (full or first name); "
        "default: both partners",
    )
    schedule.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")

    day_cmd = cmd(
        "today", "the day's sessions, every unsigned draft with its age, and what to follow up"
    )
    day_cmd.add_argument(
        "--date", type=day, metavar="YYYY-MM-DD", help="another day (default: today)"
    )
    day_cmd.add_argument("--json", action="store_true", help="print JSON instead of text")
    day_cmd.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    return {"schedule": _schedule, "today": _today}


def _schedule(args: argparse.Namespace) -> int:
    from clarity_desktop.domain.records import Modality, SessionInput
    from clarity_desktop.domain.schedule import Repeat
    from clarity_desktop.services import cases, practices, sessions

    if args.count is not None and args.repeat is None:
        raise CliError("--count goes with --repeat weekly or --repeat fortnightly.")
    if args.repeat is not None and args.count is None:
        raise CliError("Please give --count N with --repeat (how many sessions to book).")
    repeat = Repeat(args.repeat) if args.repeat else None
    tolerant_stdout(stderr=True)
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        partner_id = None
        if args.partner:
            from clarity_desktop.services.handout_documents import find_partner

            case = cases.read_case(opened.uow(), args.case)
            partner_id = find_partner(case, args.partner).id
        data = SessionInput(
            starts_at=args.at,
            duration_minutes=args.minutes,
            modality=Modality.TELEHEALTH if args.telehealth else Modality.IN_PERSON,
            attending_partner_id=partner_id,
        )
        planned = sessions.schedule_sessions(opened.uow(), args.case, data, repeat, args.count or 1)
    finally:
        opened.close()
    for s in planned.sessions:
        print(
            f"Scheduled session {s.id}: {s.starts_at:%a %d %b %Y %H:%M}, "
            f"{s.duration_minutes} min, {_who(s.attending_label)}."
        )
    for line in _clash_lines(planned.clashes):
        print(line, file=sys.stderr)
    return EXIT_OK


def _clash_lines(clashes: tuple[SessionClash, ...]) -> list[str]:
    return [
        f"Note: the session at {c.clashes_with:%a %d %b %H:%M} overlaps {c.case_name}'s "
        f"{c.status.title.lower()} session at {c.starts_at:%H:%M} ({c.duration_minutes} min, "
        f"session {c.session_id})."
        for c in clashes
    ]


def _today(args: argparse.Namespace) -> int:
    import json

    from clarity_desktop.services import practices, today

    tolerant_stdout(stderr=True)
    now = datetime.now()
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        plan = today.day_plan(opened.uow(), now, args.date or now.date())
    finally:
        opened.close()
    if args.json:
        print(json.dumps(_as_json(plan), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_as_text(plan)))
    return EXIT_OK


def _session_json(s: DaySession) -> dict[str, Any]:
    return {
        "id": s.session_id,
        "case_id": s.case_id,
        "case": s.case_name,
        "starts_at": s.starts_at.isoformat(timespec="minutes"),
        "duration_minutes": s.duration_minutes,
        "modality": s.modality.value,
        "attending": s.attending_label,
        "status": s.status.value,
        "status_reason": s.status_reason,
        "note_id": s.note_id,
        "note": None if s.note_id is None else "signed" if s.note_signed else "draft",
    }


def _draft_json(d: DraftItem) -> dict[str, Any]:
    return {
        "note_id": d.note_id,
        "session_id": d.session_id,
        "case_id": d.case_id,
        "case": d.case_name,
        "starts_at": d.starts_at.isoformat(timespec="minutes"),
        "age_days": d.age_days,
        "age": d.age.value,
    }


def _as_json(plan: DayPlan) -> dict[str, Any]:
    return {
        "date": plan.day.isoformat(),
        "sessions": [_session_json(s) for s in plan.on(plan.day)],
        "upcoming": [_session_json(s) for s in plan.sessions if s.starts_at.date() != plan.day],
        "overdue": [_session_json(s) for s in plan.overdue],
        "drafts": [_draft_json(d) for d in plan.drafts],
        "handouts": [
            {
                "case_id": h.case_id,
                "case": h.case_name,
                "for": h.partner_name or "both partners",
                "step": int(h.step),
                "title": h.step.label,
                "given_at": h.given_at.isoformat(timespec="minutes") + "Z",
                "safety_aware": h.safety_aware,
                "language": h.language.value,
                "next_session": h.next_session.isoformat(timespec="minutes"),
            }
            for h in plan.handouts
        ],
        "quiet": [
            {
                "case_id": q.case_id,
                "case": q.case_name,
                "last_session": q.last_session.isoformat(timespec="minutes")
                if q.last_session
                else None,
                "next_session": q.next_session.isoformat(timespec="minutes")
                if q.next_session
                else None,
                "days": q.days_quiet,
            }
            for q in plan.quiet
        ],
    }


def _state(s: DaySession) -> str:
    if s.status is SessionStatus.HELD:
        return "note signed" if s.note_signed else "note draft"
    text = s.status.title.lower()
    return f"{text}: {s.status_reason}" if s.status_reason else text


def _line(s: DaySession, with_day: bool) -> str:
    when = f"{s.starts_at:%a %d %b} " if with_day else ""
    span = f"{when}{s.starts_at:%H:%M}-{s.ends_at:%H:%M}"
    return f"  {span}  {s.case_name} ({_who(s.attending_label)})  {_state(s)}  [session {s.session_id}]"


def _who(label: str) -> str:
    return "both partners" if label == "Both partners" else label


def _as_text(plan: DayPlan) -> list[str]:
    out = [f"{plan.day:%A %d %B %Y}"]
    todays = plan.on(plan.day)
    out += [_line(s, False) for s in todays] or ["  No sessions this day."]
    later = [s for s in plan.sessions if s.starts_at.date() != plan.day]
    if later:
        out += ["", "The next days"] + [_line(s, True) for s in later]
    if plan.overdue:
        out += ["", "Booked, time passed, not started or called off"]
        out += [_line(s, True) for s in plan.overdue]
    out += ["", f"Unsigned drafts: {len(plan.drafts)}"]
    for d in plan.drafts:
        days = (
            "under a day"
            if d.age_days == 0
            else f"{d.age_days} day{'s' if d.age_days != 1 else ''}"
        )
        words = AGE_WORDS[d.age.value]
        out.append(
            f"  {d.starts_at:%a %d %b %Y %H:%M}  {d.case_name}  {days}"
            f"{f' ({words})' if words else ''}  [session {d.session_id}]"
        )
    if plan.handouts:
        out += ["", "Handouts given at the last session"]
        out += [
            f"  {h.case_name}: step {int(h.step)} {h.step.label}, for "
            f"{h.partner_name or 'both partners'}"
            f"{'' if h.language.value == 'en' else f', in {h.language.display_name}'}"
            f" (next session {h.next_session:%a %d %b %H:%M})"
            for h in plan.handouts
        ]
    if plan.quiet:
        out += ["", "No session in 30 days"]
        for q in plan.quiet:
            last = f"last {q.last_session:%d %b %Y}" if q.last_session else "no session yet"
            nxt = f", next {q.next_session:%d %b %Y}" if q.next_session else ""
            out.append(f"  {q.case_name}: {last}{nxt}")
    return out
