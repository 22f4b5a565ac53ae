"""``plan --case ID --review [--since DATE]``: the plan review as text or JSON.

Per goal of the plan in force, the notes linked to it since the last review (the signing of
that version, or --since) with their marks, then each partner's measures then and now. The
same service as the window's Review sub-tab (services/plan_goals.py plan_review), so the
two never disagree; the words here are English, like the rest of the command line, and as
plain: "rose", "fell", a reliable change only where the definition gives one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clarity_desktop.services.plan_goals import GoalReview, PlanReview
    from clarity_desktop.services.review_measures import Movement, PartnerCourse, ScoreAt

CHANGE_WORDS = {
    "reliable_rise": "a reliable rise",
    "reliable_fall": "a reliable fall",
    "within_noise": "within the usual wobble",
}
BAND_WORDS = {"below": "below the cut-off", "at_or_above": "at or above the cut-off"}


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _at(point: ScoreAt) -> str:
    return f"{_number(point.value)} ({point.answered_on:%d %b %Y})"


def _who(owner: int | None, names: dict[int, str]) -> str:
    return "The couple" if owner is None else names.get(owner, "?")


def _heading(review: PlanReview) -> str:
    version = review.version
    if review.since is None:
        return "Review over the whole case (no signed plan yet)"
    if version is not None and version.signed_at is not None:
        return (
            f"Review since {review.since:%d %b %Y} (version {version.version}, "
            f"signed {version.signed_at:%d %b %Y} by {version.signed_by})"
        )
    return f"Review since {review.since:%d %b %Y}"


def _goal_lines(goal: GoalReview, names: dict[int, str]) -> list[str]:
    from clarity_desktop.domain.plans import ProgressMark

    first = goal.goal.text.splitlines()[0] if goal.goal.text else ""
    lines = [f"  {_who(goal.goal.owner, names)}: {first}"]
    if not goal.notes:
        return [*lines, "    no note linked since the review"]
    counts = [f"{m.title} {goal.count(m)}" for m in ProgressMark if goal.count(m)]
    lines.append("    " + ", ".join(counts))
    for note in goal.notes:
        said = f"    {note.starts_at:%d %b %Y}  {note.progress.title}"
        if note.comment:
            said += f"  {note.comment}"
        if not note.signed:
            said += "  (draft)"
        lines.append(said)
    return lines


def _partner_line(partner: PartnerCourse, name: str) -> str:
    then, now = partner.course.then, partner.course.now
    if now is None:
        since = "one answer so far" if partner.answered_since else "no answer since the review"
        return f"{name}: {_at(then)}, {since}"
    said = f"{name}: {_at(then)} -> {_at(now)}"
    if partner.change is not None:
        said += f", {CHANGE_WORDS[partner.change.value]}"
    if now.band is not None and now.band != then.band:
        said += f", now {BAND_WORDS[now.band.value]}"
    return said


def _gap_line(gap: Movement) -> str:
    if gap.now is None:
        return f"gap between them: {_number(gap.then.value)}"
    return f"gap between them: {_number(gap.then.value)} -> {_number(gap.now.value)}"


def review_lines(review: PlanReview) -> list[str]:
    names = dict(review.names)
    lines = [f"Case {review.case_id}: {review.case_name}", _heading(review)]
    if review.version is None:
        lines.append("No signed plan yet: no goals to review.")
    else:
        lines.append("Goals:")
        for goal in review.goals:
            lines += _goal_lines(goal, names)
    lines.append("Measures:")
    if not review.measures:
        lines.append("  none answered yet")
    for course in review.measures:
        title = course.instrument.title.in_language("en")
        lines.append(f"  {title}")
        for score in course.scores:
            indent = "    "
            score_title = score.scoring.title.in_language("en")
            if score_title != title:
                lines.append(f"    {score_title}")
                indent = "      "
            lines += [
                indent + _partner_line(p, names.get(p.partner_id, "?")) for p in score.partners
            ]
            if score.gap is not None:
                lines.append(indent + _gap_line(score.gap))
    return lines


def _point(point: ScoreAt | None) -> dict[str, Any] | None:
    if point is None:
        return None
    return {
        "answered_on": point.answered_on.isoformat(),
        "value": round(point.value, 2),
        "band": point.band.value if point.band else None,
    }


def review_json(review: PlanReview) -> dict[str, Any]:
    version = review.version
    return {
        "case_id": review.case_id,
        "case": review.case_name,
        "partners": [{"id": i, "name": n} for i, n in review.names],
        "version": version.version if version else None,
        "since": review.since.isoformat() if review.since else None,
        "goals": [
            {
                "key": g.goal.key,
                "partner_id": g.goal.owner,
                "text": g.goal.text,
                "counts": {m.progress.value: g.count(m.progress) for m in g.notes},
                "notes": [
                    {
                        "note_id": n.note_id,
                        "session_id": n.session_id,
                        "starts_at": n.starts_at.isoformat(timespec="minutes"),
                        "signed": n.signed,
                        "progress": n.progress.value,
                        "comment": n.comment,
                    }
                    for n in g.notes
                ],
            }
            for g in review.goals
        ],
        "measures": [
            {
                "instrument": c.instrument.id,
                "title": c.instrument.title.in_language("en"),
                "scores": [
                    {
                        "id": s.scoring.id,
                        "title": s.scoring.title.in_language("en"),
                        "reliable_change": s.scoring.reliable_change,
                        "cutoff": s.scoring.cutoff,
                        "partners": [
                            {
                                "id": p.partner_id,
                                "then": _point(p.course.then),
                                "now": _point(p.course.now),
                                "moved": None
                                if p.course.moved is None
                                else round(p.course.moved, 2),
                                "change": p.change.value if p.change else None,
                                "answered_since": p.answered_since,
                            }
                            for p in s.partners
                        ],
                        "gap": None
                        if s.gap is None
                        else {"then": _point(s.gap.then), "now": _point(s.gap.now)},
                    }
                    for s in c.scores
                ],
            }
            for c in review.measures
        ],
    }
