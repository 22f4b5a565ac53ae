"""The ``measures`` command: what each partner answered, scored, over the case.

Scores only, never the items' words or a verdict: per instrument and score, per partner,
each answer set's day, session and score (with the band and the reliable-change call where
the definition gives them), and the gap between the partners at each session both
answered. Reading it is audited ("viewed case"). Nothing here imports Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clarity_desktop.cli.common import EXIT_OK, CommandFactory, Handler, read_passphrase

if TYPE_CHECKING:
    from clarity_desktop.services.measures import CaseMeasures


def add_commands(cmd: CommandFactory) -> dict[str | None, Handler]:
    listing = cmd("measures", "list what each partner answered on the case's measures, scored")
    listing.add_argument("--case", type=int, metavar="ID", required=True, help="the case")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    return {"measures": _measures}


def _measures(args: argparse.Namespace) -> int:
    import json

    from clarity_desktop.cli.common import tolerant_stdout
    from clarity_desktop.services import measures, practices

    tolerant_stdout()
    instruments = measures.catalogue(args.data_dir)
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        found = measures.case_measures(opened.uow(), args.case, instruments)
    finally:
        opened.close()
    if args.json:
        print(json.dumps(as_json(found), ensure_ascii=False, indent=2))
        return EXIT_OK
    print("\n".join(as_lines(found)))
    return EXIT_OK


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def as_json(found: CaseMeasures) -> dict[str, Any]:
    names = {pid: name for pid, name, _language in found.partners}
    return {
        "case": found.case_id,
        "partners": [
            {"id": pid, "name": name, "language": lang} for pid, name, lang in found.partners
        ],
        "instruments": [
            {
                "id": course.instrument.id,
                "title": course.instrument.title.in_language("en"),
                "scores": [
                    {
                        "id": score.scoring_id,
                        "title": course.instrument.scoring(score.scoring_id).title.in_language(
                            "en"
                        ),
                        "cutoff": course.instrument.scoring(score.scoring_id).cutoff,
                        "reliable_change": course.instrument.scoring(
                            score.scoring_id
                        ).reliable_change,
                        "partners": [
                            {
                                "id": pid,
                                "name": names.get(pid, ""),
                                "points": [
                                    {
                                        "answer_set": p.answer_set_id,
                                        "answered_on": p.answered_on.isoformat(),
                                        "session": p.session_id,
                                        "score": _number(p.value),
                                        "band": p.band.value if p.band else None,
                                        "change": p.change.value if p.change else None,
                                        "source": p.source.value,
                                    }
                                    for p in points
                                ],
                            }
                            for pid, points in score.by_partner.items()
                        ],
                        "gaps": [
                            {
                                "session": g.session_id,
                                "answered_on": g.answered_on.isoformat(),
                                "gap": _number(g.gap),
                            }
                            for g in score.gaps
                        ],
                    }
                    for score in course.scores
                ],
            }
            for course in found.instruments
        ],
        "unknown_instruments": list(found.unknown),
    }


def as_lines(found: CaseMeasures) -> list[str]:
    names = {pid: name for pid, name, _language in found.partners}
    lines = [f"Case {found.case_id}"]
    if not found.instruments:
        lines.append("No answers recorded yet.")
    for course in found.instruments:
        lines.append("")
        lines.append(course.instrument.title.in_language("en"))
        for score in course.scores:
            scoring = course.instrument.scoring(score.scoring_id)
            extra = f" (cut-off {scoring.cutoff:g})" if scoring.cutoff is not None else ""
            lines.append(f"  {scoring.title.in_language('en')}{extra}")
            for pid, points in score.by_partner.items():
                for p in points:
                    value = "-" if p.value is None else f"{p.value:.2f}"
                    session = f"session {p.session_id}" if p.session_id else "no session"
                    notes = [n for n in (p.band and p.band.value, p.change and p.change.value) if n]
                    tail = f"  {', '.join(notes).replace('_', ' ')}" if notes else ""
                    lines.append(
                        f"    {p.answered_on:%Y-%m-%d}  {names.get(pid, ''):<20}  {value:>6}  "
                        f"{session}  {p.source.value}{tail}"
                    )
            for g in score.gaps:
                lines.append(f"    gap at session {g.session_id}: {g.gap:.2f}")
    for unknown in found.unknown:
        lines.append(f"(answers to “{unknown}”, whose definition is no longer installed)")
    return lines
