"""Command-line command ``plan``: a case's treatment plan, read only.

Shows the plan in force (the newest signed version), the draft being written if there is
one, and the versions with what each changed; with --review, the plan review instead
(cli/plan_review.py). Writing and signing a plan are the window's
work, as for notes. Registered by cli/entry.py through add_commands, following cli/common.py's rules.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clarity_desktop.cli.args import day
from clarity_desktop.cli.common import (
    EXIT_OK,
    CommandFactory,
    Handler,
    read_passphrase,
    tolerant_stdout,
)

if TYPE_CHECKING:
    from clarity_desktop.domain.plans import PlanContent
    from clarity_desktop.services.plans import CasePlan, PlanVersion


def add_commands(cmd: CommandFactory) -> dict[str | None, Handler]:
    plan = cmd("plan", "show a case's treatment plan: the version in force, the draft, versions")
    plan.add_argument("--case", type=int, metavar="ID", required=True, help="the case")
    plan.add_argument(
        "--review",
        action="store_true",
        help="the plan review: each goal's linked notes and the measures since the last review",
    )
    plan.add_argument(
        "--since",
        type=day,
        metavar="DATE",
        help="review from this day (YYYY-MM-DD) instead of the signing of the plan in force; "
        "implies --review",
    )
    plan.add_argument("--json", action="store_true", help="print JSON instead of text")
    plan.add_argument("--passphrase-file", type=Path, help="read the passphrase from this file")
    return {"plan": _plan}


def _plan(args: argparse.Namespace) -> int:
    from clarity_desktop.services import plans, practices

    tolerant_stdout()
    if args.review or args.since is not None:
        return _review(args)
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        plan = plans.open_plan(opened.uow(), args.case)  # audited: a record is read
    finally:
        opened.close()
    if args.json:
        print(json.dumps(plan_json(plan), ensure_ascii=False, indent=2))
    else:
        print("\n".join(plan_lines(plan)))
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from clarity_desktop.cli.plan_review import review_json, review_lines
    from clarity_desktop.services import measures, plan_goals, practices

    instruments = measures.catalogue(args.data_dir)
    opened = practices.unlock_practice(args.data_dir, read_passphrase(args))
    try:
        review = plan_goals.plan_review(  # audited: "viewed treatment_plan (review)"
            opened.uow(), args.case, since=args.since, instruments=instruments
        )
    finally:
        opened.close()
    if args.json:
        print(json.dumps(review_json(review), ensure_ascii=False, indent=2))
    else:
        print("\n".join(review_lines(review)))
    return EXIT_OK


def _day(value: object) -> str | None:
    return None if value is None else str(value)


def _content_json(content: PlanContent) -> dict[str, Any]:
    return {
        "concerns": [{"partner_id": c.owner, "text": c.text} for c in content.concerns],
        "goals": [
            {
                "key": g.key,
                "partner_id": g.owner,
                "text": g.text,
                "objectives": [
                    {"text": o.text, "target_on": _day(o.target_on)} for o in g.objectives
                ],
            }
            for g in content.goals
        ],
        "interventions": list(content.interventions),
        "review_on": _day(content.review_on),
        "agreement": content.agreement,
        "agreement_review_on": _day(content.agreement_review_on),
    }


def _version_json(v: PlanVersion, names: dict[int, str]) -> dict[str, Any]:
    from clarity_desktop.domain.plans import describe_change

    return {
        "id": v.id,
        "version": v.version,
        "signed_at": v.signed_at.isoformat(timespec="seconds") if v.signed_at else None,
        "signed_by": v.signed_by,
        "changes": [describe_change(c, names) for c in v.changes],
        **_content_json(v.content),
    }


def plan_json(plan: CasePlan) -> dict[str, Any]:
    names = dict(plan.names)
    return {
        "case_id": plan.case_id,
        "case": plan.case_name,
        "partners": [{"id": i, "name": n} for i, n in plan.names],
        "current": plan.current.version if plan.current else None,
        "draft": plan.draft.version if plan.draft else None,
        "versions": [_version_json(v, names) for v in plan.versions],
    }


def _content_lines(plan: CasePlan, content: PlanContent) -> list[str]:
    from clarity_desktop.domain.plans import owners

    partner_ids = [i for i, _ in plan.names]
    lines: list[str] = []
    for owner in owners(partner_ids, plan.couple):
        concerns, goals = content.concerns_of(owner), content.goals_of(owner)
        if not concerns and not goals:
            continue
        who = "The couple" if owner is None else plan.name_of(owner)
        lines.append(f"  {who}")
        lines += [f"    brings: {c.text}" for c in concerns]
        for g in goals:
            lines.append(f"    goal: {g.text}")
            for o in g.objectives:
                due = f" (by {o.target_on:%d %b %Y})" if o.target_on else ""
                lines.append(f"      - {o.text}{due}")
    if content.interventions:
        lines.append("  Interventions")
        lines += [f"    - {i}" for i in content.interventions]
    if content.review_on:
        lines.append(f"  Review on {content.review_on:%d %b %Y}")
    if content.agreement:
        due = (
            f" (review on {content.agreement_review_on:%d %b %Y})"
            if content.agreement_review_on
            else ""
        )
        lines.append(f"  While we are unsure{due}: {content.agreement}")
    return lines


def plan_lines(plan: CasePlan) -> list[str]:
    from clarity_desktop.domain.plans import describe_change

    lines = [f"Case {plan.case_id}: {plan.case_name}"]
    if not plan.versions:
        return [*lines, "No treatment plan yet."]
    current, draft = plan.current, plan.draft
    if current is not None:
        signed = f"{current.signed_at:%d %b %Y}" if current.signed_at else ""
        lines.append(
            f"Plan in force: version {current.version}, signed {signed} by {current.signed_by}"
        )
        lines += _content_lines(plan, current.content)
    else:
        lines.append("No signed version yet.")
    if draft is not None:
        lines.append(f"Draft: version {draft.version} (not signed)")
        lines += _content_lines(plan, draft.content)
    lines.append("Versions:")
    names = dict(plan.names)
    for v in plan.versions:
        state = f"signed {v.signed_at:%d %b %Y}" if v.signed_at else "draft"
        said = "; ".join(describe_change(c, names) for c in v.changes) or (
            "first version" if v.version == 1 else "no changes"
        )
        lines.append(f"  {v.version}  {state}  {said}")
    return lines
