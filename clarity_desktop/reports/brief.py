"""The session brief on one page, for clinicians: laid out from a BriefDocument (what it
says and leaves out is decided in brief_facts.py).

One page always: the plan from the last note and the guidance lists are cut to what a
glance before a session needs (the note itself holds the rest), and the whole story is
set in a frame that shrinks it a little rather than spill onto a second page when a case
holds unusually much.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepInFrame, Paragraph, Spacer, Table

from clarity_desktop.domain.progress import Progress
from clarity_desktop.reports import brief_facts as facts
from clarity_desktop.reports import brief_plan, fonts, layout, styles
from clarity_desktop.reports.brief_facts import CLINICIANS_ONLY, BriefDocument
from clarity_desktop.reports.clinician_words import Words
from clarity_desktop.reports.layout import Destination, PageSizeName
from clarity_desktop.reports.text import markup

HEADER = "Confidential clinical record · {clinicians_only}"
MAX_PLAN_CHARS = 900  # per section; the rest is in the note
MAX_EXPLORE = 3
MAX_GO_GENTLY = 2
MAX_HANDOUTS = 5

_RULE = Color(0.75, 0.76, 0.78)
_HEAD_FILL = Color(0.93, 0.94, 0.95)


def _styles() -> dict[str, Any]:
    st = styles.clinician()
    body = ParagraphStyle("b-body", st.body, fontSize=9, leading=12)
    return {
        "title": ParagraphStyle("b-title", st.title, fontSize=14, leading=17),
        "subtitle": ParagraphStyle("b-sub", st.subtitle, fontSize=9.5, leading=12.5),
        "heading": ParagraphStyle(
            "b-heading", st.heading, fontSize=10, leading=13, spaceBefore=7, spaceAfter=2
        ),
        "body": body,
        "label": ParagraphStyle("b-label", st.label, fontSize=8.5, leading=11.5),
        "bullet": ParagraphStyle("b-bullet", body, leftIndent=10, bulletIndent=1),
        "small": ParagraphStyle(
            "b-small", body, fontSize=7.5, leading=9.5, textColor=Color(*layout.MUTED)
        ),
        "alert": ParagraphStyle(
            "b-alert", body, fontName=fonts.BOLD, textColor=Color(*layout.ALERT)
        ),
        "due": ParagraphStyle(
            "b-due", body, fontName=fonts.BOLD, textColor=Color(*brief_plan.AMBER)
        ),
        "cell": ParagraphStyle("b-cell", body, fontSize=8.5, leading=11),
        "cellhead": ParagraphStyle("b-cellhead", body, fontName=fonts.BOLD, fontSize=8.5),
    }


def _cut(text: str, limit: int, w: Words) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;.") + w(" … (continued in the note)")


def _label_rows(rows: list[tuple[str, Any]], st: dict[str, Any]) -> Table:
    table = Table(
        [[Paragraph(markup(k), st["label"]), v] for k, v in rows],
        colWidths=[30 * layout.MM, None],
        hAlign="LEFT",
    )
    table.setStyle(
        layout.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        )
    )
    return table


def _standings(doc: BriefDocument, st: dict[str, Any], width: float) -> Table:
    rows, w = facts.standings(doc), doc.words
    head = [Paragraph("", st["cellhead"])] + [
        Paragraph(markup(r.name), st["cellhead"]) for r in rows
    ]
    lines: list[tuple[str, list[str]]] = [
        (w("Step"), [r.step for r in rows]),
        (w("Pursue / withdraw"), [r.position for r in rows]),
        (w(facts.STANCE), [r.stance for r in rows]),
        (w("Clarity"), [r.clarity for r in rows]),
        (w("Direction"), [r.direction for r in rows]),
    ]
    data = [head] + [
        [Paragraph(markup(label), st["label"])] + [Paragraph(markup(v), st["cell"]) for v in vals]
        for label, vals in lines
    ]
    first = 36 * layout.MM
    each = (width - first) / max(1, len(rows))
    table = Table(data, colWidths=[first] + [each] * len(rows), hAlign="LEFT")
    table.setStyle(
        layout.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, _RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, _RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        )
    )
    return table


def _bullets(texts: list[str], st: dict[str, Any]) -> list[Any]:
    return [Paragraph(markup(t), st["bullet"], bulletText="•") for t in texts]


def _plan(doc: BriefDocument, st: dict[str, Any]) -> list[Any]:
    w = doc.words
    out: list[Any] = [Paragraph(w("Last session: plan and next steps"), st["heading"])]
    note = facts.last_note(doc)
    left_out = facts.private_last_left_out(doc)
    if note is None:
        out.append(Paragraph(w("No earlier session has a note."), st["body"]))
    else:
        out.append(Paragraph(markup(facts.last_note_heading(note, w)), st["label"]))
        if note.plan:
            for section_title, text in note.plan:
                cut = markup(_cut(text, MAX_PLAN_CHARS, w))
                body = f"<b>{markup(w(section_title))}:</b> {cut}"
                out.append(Paragraph(body.replace("\n", "<br/>"), st["body"]))
        else:
            out.append(Paragraph(w(facts.NO_PLAN), st["body"]))
    if left_out:
        out.append(Paragraph(markup(left_out), st["small"]))
    return out


def _agreement(doc: BriefDocument, st: dict[str, Any]) -> list[tuple[str, Any]]:
    """The "while we are unsure" row: the agreement, and its review date (amber, bold,
    once due)."""
    plan, w = doc.plan, doc.words
    if plan is None or not plan.agreement:
        return []
    cell: list[Any] = [Paragraph(markup(plan.agreement), st["body"])]
    review = brief_plan.agreement_review(plan, doc.as_of, w)
    if review:
        due = brief_plan.agreement_due(plan, doc.as_of)
        cell.append(Paragraph(markup(review), st["due"] if due else st["label"]))
    return [(w("While we are unsure"), cell)]


def _goals(doc: BriefDocument, st: dict[str, Any]) -> list[Any]:
    w = doc.words
    out: list[Any] = [Paragraph(markup(brief_plan.goals_heading(doc.plan, w)), st["heading"])]
    lines = brief_plan.goal_lines(doc.plan, w)
    return out + (
        _bullets(lines, st) or [Paragraph(markup(brief_plan.no_goals(doc.plan, w)), st["small"])]
    )


def _guidance(doc: BriefDocument, st: dict[str, Any]) -> list[Any]:
    blocks = facts.guidance(doc)
    if not blocks:
        return []
    w = doc.words
    out: list[Any] = [Paragraph(w("Step guidance"), st["heading"])]
    for block in blocks:
        g = block.guidance
        who = w.join_names(list(block.names))
        out.append(Paragraph(markup(f"{w.step(g.step)} — {who}"), st["label"]))
        if g.problem:
            out.append(Paragraph(markup(g.problem), st["small"]))
            continue
        out += _bullets([w("Explore: {text}", text=t) for t in g.explore[:MAX_EXPLORE]], st)
        out += _bullets([w("Go gently: {text}", text=t) for t in g.go_gently[:MAX_GO_GENTLY]], st)
        out += _bullets([w("Handout: {text}", text=g.handout)], st)
    return out


def brief_story(doc: BriefDocument, page_size: PageSizeName = "A4") -> list[Any]:
    st, w = _styles(), doc.words
    margins = layout.CLINICIAN_MARGINS
    page_w, page_h = layout.page_dimensions(page_size)
    width = page_w - margins.left - margins.right
    height = page_h - margins.top - margins.bottom
    safety = Paragraph(
        markup(facts.safety_line(doc)), st["alert"] if doc.safety_flag else st["body"]
    )
    case = w("{name} (case {id})", name=doc.case_name, id=doc.case_id) + f" · {w(doc.case_kind)}"
    if doc.relationship_structure:
        case += f" · {w(doc.relationship_structure)}"
    story: list[Any] = [
        Paragraph(w("Session brief"), st["title"]),
        Paragraph(markup(facts.session_line(doc)), st["subtitle"]),
        Spacer(1, 5),
        _label_rows(
            [
                (w("Case"), Paragraph(markup(case), st["body"])),
                (w("Clinician"), Paragraph(markup(doc.clinician), st["body"])),
                (w("Safety"), safety),
                *_agreement(doc, st),
            ],
            st,
        ),
    ]
    story += _plan(doc, st)
    story += _goals(doc, st)
    story.append(
        Paragraph(
            w("Where each partner stands" if doc.couple else "Where things stand"), st["heading"]
        )
    )
    story.append(_standings(doc, st, width))
    course = facts.loop_course(doc)
    if course:
        story.append(Paragraph(w("The loop, recently"), st["heading"]))
        story += _bullets(course, st)
    story.append(Paragraph(w("Attention"), st["heading"]))
    story += _bullets(facts.flag_texts(doc), st) or [
        Paragraph(w("No attention flags."), st["body"])
    ]
    story.append(Paragraph(w("Handouts given"), st["heading"]))
    given = facts.handouts(doc)
    lines = [facts.handout_line(h, w) for h in given[:MAX_HANDOUTS]]
    if len(given) > MAX_HANDOUTS:
        lines.append(w("… and {n} earlier.", n=len(given) - MAX_HANDOUTS))
    story += _bullets(lines, st) or [Paragraph(w("None recorded."), st["body"])]
    story += _guidance(doc, st)
    story += [Spacer(1, 6), Paragraph(markup(facts.contents_statement(doc)), st["small"])]
    # One page: shrink rather than spill (the limits above keep this rare and slight).
    return [KeepInFrame(width, height - 2, story, mode="shrink")]


def build_brief(
    doc: BriefDocument,
    out: Destination = None,
    *,
    page_size: PageSizeName = "A4",
    password: str | None = None,
    progress: Progress | None = None,
) -> bytes | None:
    """Write the one-page brief to *out*, or return its bytes."""
    fonts.register_fonts()
    w = doc.words
    printed = w(" · printed {when}", when=w.day_and_time(doc.printed_at)) if doc.printed_at else ""
    furniture = layout.Furniture(
        header_left=w(HEADER, clinicians_only=w(CLINICIANS_ONLY)),
        header_right=w("Session brief"),
        page_label=w("Page {page} of {total}"),
        footer_left=layout.fit_footer(
            w("Session brief") + " · {name}" + printed, doc.case_name, page_size
        ),
    )
    return layout.finish(
        brief_story(doc, page_size),
        out,
        info=layout.DocumentInfo(
            title=facts.title(doc), author=doc.clinician, subject=w("Session brief")
        ),
        furniture=furniture,
        page_size=page_size,
        margins=layout.CLINICIAN_MARGINS,
        password=password,
        progress=progress,
    )
