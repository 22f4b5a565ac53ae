"""What the session brief shows of the treatment plan: the goals of the plan in force and
the "while we are unsure" agreement with its review date, for the page (brief.py) and the
screen (ui/documents/brief_html.py) alike.

Only the plan in force (the newest signed version) is shown: a draft is still being
written and may change before anyone agrees to it. The agreement's review date is
flagged on the day it comes and after (domain/plans.py review_due, as the dashboard's
agreement box does), counted from the day the brief prepares, not the day it is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clarity_desktop.domain.plans import review_due
from clarity_desktop.reports.clinician_words import ENGLISH, Words

AMBER = (0.69, 0.42, 0.0)  # the dashboard's amber (ui/plan/agreement_box.py), on paper


@dataclass(frozen=True)
class BriefGoal:
    owner: str  # "" for the couple's own goal, else the partner's name
    text: str


@dataclass(frozen=True)
class BriefPlan:
    """The plan in force, as much as a brief needs."""

    version: int
    goals: tuple[BriefGoal, ...]
    agreement: str = ""
    agreement_review_on: date | None = None


def agreement_due(plan: BriefPlan | None, as_of: date) -> bool:
    return plan is not None and bool(plan.agreement) and review_due(plan.agreement_review_on, as_of)


def agreement_review(plan: BriefPlan, as_of: date, w: Words = ENGLISH) -> str:
    """ "Review due: 4 Mar 2025" once the day has come, else "Review on ..."; "" when the
    agreement has no review date."""
    if plan.agreement_review_on is None:
        return ""
    day = w.day(plan.agreement_review_on)
    if agreement_due(plan, as_of):
        return w("Review due: {day}", day=day)
    return w("Review on {day}", day=day)


def goals_heading(plan: BriefPlan | None, w: Words = ENGLISH) -> str:
    if plan is None:
        return w("Goals of the plan")
    return w("Goals of the plan (version {n})", n=plan.version)


def goal_lines(plan: BriefPlan | None, w: Words = ENGLISH) -> list[str]:
    """One line per goal, in the plan's order (the couple's first): "The couple: ...",
    "Zoë: ..."; without the owner when every goal has the same one."""
    if plan is None:
        return []
    if len({g.owner for g in plan.goals}) <= 1:
        return [g.text for g in plan.goals]
    return [f"{g.owner or w('The couple')}: {g.text}" for g in plan.goals]


def no_goals(plan: BriefPlan | None, w: Words = ENGLISH) -> str:
    if plan is None:
        return w("No treatment plan is signed yet.")
    return w("The plan in force has no goals.")
