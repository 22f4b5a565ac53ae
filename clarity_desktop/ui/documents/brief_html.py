"""The session brief's words on screen: the facts (reports/brief_facts.py, brief_plan.py)
as the small pieces of HTML the brief's labels show, translated like the domain's words.
The plan's lines come already in the brief's language (the window's: see brief_view)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication

from clarity_desktop.reports import brief_facts as facts
from clarity_desktop.reports import brief_plan

CONTEXT = "Brief"


def translated(text: str) -> str:
    """The facts' sentences, through Qt's translation like the domain's movement words."""
    return QCoreApplication.translate(CONTEXT, text)


def html(text: str) -> str:
    return escape(translated(text)).replace("\n", "<br>")


def bullets(lines: list[str]) -> str:
    return "".join(f"<p style='margin:0 0 4px 0'>• {html(t)}</p>" for t in lines)


def plan_html(doc: facts.BriefDocument) -> str:
    note = facts.last_note(doc)
    parts = []
    if note is None:
        parts.append(
            escape(QCoreApplication.translate("BriefDialog", "No earlier session has a note."))
        )
    else:
        parts.append(f"<i>{html(facts.last_note_heading(note))}</i>")
        for section_title, text in note.plan:
            parts.append(
                f"<p style='margin:4px 0'><b>{html(section_title)}:</b> {escape(text).replace(chr(10), '<br>')}</p>"
            )
        if not note.plan:
            parts.append(f"<p>{html(facts.NO_PLAN)}</p>")
    left_out = facts.private_last_left_out(doc)
    if left_out:
        parts.append(f"<p style='color:palette(placeholder-text)'>{html(left_out)}</p>")
    return "".join(parts)


def standings_html(doc: facts.BriefDocument) -> str:
    rows = facts.standings(doc)
    head = "".join(f"<th align='left'>{escape(r.name)}</th>" for r in rows)
    lines: list[tuple[str, Callable[[facts.Standing], str]]] = [
        (QCoreApplication.translate("BriefDialog", "Step"), lambda r: r.step),
        (QCoreApplication.translate("BriefDialog", "Pursue / withdraw"), lambda r: r.position),
        (
            QCoreApplication.translate("BriefDialog", "Stance (0 leave – 10 stay)"),
            lambda r: r.stance,
        ),
        (QCoreApplication.translate("BriefDialog", "Clarity"), lambda r: r.clarity),
        (QCoreApplication.translate("BriefDialog", "Direction"), lambda r: r.direction),
    ]
    body = "".join(
        f"<tr><td><b>{escape(label)}</b></td>"
        + "".join(f"<td>{html(get(r))}</td>" for r in rows)
        + "</tr>"
        for label, get in lines
    )
    return f"<table cellspacing='0' cellpadding='3'><tr><th></th>{head}</tr>{body}</table>"


def guidance_html(g: facts.StepGuidance) -> str:
    if g.problem:
        return html(g.problem)
    explore = "".join(f"<li>{escape(t)}</li>" for t in g.explore)
    gently = "".join(f"<li>{escape(t)}</li>" for t in g.go_gently)
    words = (
        QCoreApplication.translate("BriefDialog", "Explore"),
        QCoreApplication.translate("BriefDialog", "Go gently"),
        QCoreApplication.translate("BriefDialog", "Handout"),
    )
    return (
        f"<b>{escape(words[0])}</b><ul style='margin:0'>{explore}</ul>"
        f"<b>{escape(words[1])}</b><ul style='margin:0'>{gently}</ul>"
        f"<b>{escape(words[2])}:</b> {escape(g.handout)}"
    )


AMBER = "#b06a00"  # the dashboard's agreement box (ui/plan/agreement_box.py)


def agreement_html(doc: facts.BriefDocument) -> str:
    """The agreement of the plan in force, its review date amber and bold once due; ""
    when there is none."""
    plan = doc.plan
    if plan is None or not plan.agreement:
        return ""
    text = escape(plan.agreement).replace("\n", "<br>")
    review = brief_plan.agreement_review(plan, doc.as_of, doc.words)
    if not review:
        return text
    if brief_plan.agreement_due(plan, doc.as_of):
        return f"{text}<br><span style='color:{AMBER}; font-weight:600'>{escape(review)}</span>"
    return f"{text}<br><span style='color:palette(placeholder-text)'>{escape(review)}</span>"


def goals_html(doc: facts.BriefDocument) -> str:
    lines = brief_plan.goal_lines(doc.plan, doc.words)
    if not lines:
        return escape(brief_plan.no_goals(doc.plan, doc.words))
    return "".join(f"<p style='margin:0 0 4px 0'>• {escape(t)}</p>" for t in lines)
