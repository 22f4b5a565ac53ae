"""The case summary and the progress report: clinician documents for supervision, a
referral or a review, laid out from a SummaryDocument.

What they show: the case's details and partners, where each partner stands (step and
the direction taking shape), three charts of the readings (steps, pursue and withdraw,
loop intensity; see charts.py), the loops that recurred, the steps most often worked on,
a table of the sessions and, in the progress report, a short factual "what moved"
section for the chosen period. What they say, and what they leave out for privacy
(private sessions' readings, the safety note, all note text), is decided in
summary_facts.py; this module only lays it out. Every page is headed "For clinicians –
not for clients".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from clarity_desktop.domain.progress import Progress
from clarity_desktop.reports import charts, fonts, layout, styles
from clarity_desktop.reports.layout import Destination, PageSizeName
from clarity_desktop.reports.summary_facts import (
    CLINICIANS_ONLY,
    OTHER_LOOP,
    PRIVATE,
    TREND_NOTE,
    LoopCount,
    PartnerRow,
    Period,
    SessionRow,
    SummaryDocument,
    contents_statement,
    document_title,
    handouts_given,
    in_period,
    latest_directions,
    latest_steps,
    loop_counts,
    reading_facts,
    safety_line,
    session_steps,
    step_tag_counts,
    what_moved,
)
from clarity_desktop.reports.text import day, day_and_time, markup

__all__ = [
    "CLINICIANS_ONLY",
    "OTHER_LOOP",
    "PRIVATE",
    "TREND_NOTE",
    "LoopCount",
    "PartnerRow",
    "Period",
    "SessionRow",
    "SummaryDocument",
    "build_progress",
    "build_summary",
    "document_title",
    "in_period",
    "latest_directions",
    "latest_steps",
    "loop_counts",
    "reading_facts",
    "step_tag_counts",
    "summary_story",
    "what_moved",
]

HEADER = f"Confidential clinical record · {CLINICIANS_ONLY}"


# -- the story ------------------------------------------------------------------------------


_RULE = Color(0.75, 0.76, 0.78)
_HEAD_FILL = Color(0.93, 0.94, 0.95)
_ZEBRA = Color(0.975, 0.977, 0.98)


def _text_width(page_size: PageSizeName) -> float:
    margins = layout.CLINICIAN_MARGINS
    return layout.page_dimensions(page_size)[0] - margins.left - margins.right


def _label_table(rows: list[tuple[str, str]], st: styles.Styles) -> Table:
    table = Table(
        [[Paragraph(markup(k), st.label), Paragraph(markup(v), st.body)] for k, v in rows],
        colWidths=[40 * layout.MM, None],
        hAlign="LEFT",
    )
    table.setStyle(
        layout.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        )
    )
    return table


def _grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    repeat: bool = False,
    size: float = 8.5,
) -> Table:
    """A plain table of strings (fast to lay out: a hundred rows cost a few ms), cells
    wrapped to their column by hand, header in bold on a grey band."""
    pad = 4.0
    wrapped = [
        [_wrapped(cell, width - 2 * pad, size) for cell, width in zip(row, widths, strict=True)]
        for row in rows
    ]
    table = Table(
        [list(header), *wrapped],
        colWidths=list(widths),
        hAlign="LEFT",
        repeatRows=1 if repeat else 0,
    )
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, size, size + 2.5),
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, size, size + 2.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), Color(*layout.INK)),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, _RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, _RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if len(wrapped) > 1:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, _ZEBRA]))
    table.setStyle(layout.table_style(*commands))
    return table


@lru_cache(maxsize=2048)
def _wrapped(text: str, width: float, size: float) -> str:
    """*text* broken into lines that fit *width*; cached, as a sessions table repeats the
    same few cells ("Joint", "In person", "Signed") a hundred times."""
    return "\n".join(simpleSplit(text, fonts.REGULAR, size, width) or [""])


def _details(doc: SummaryDocument) -> list[tuple[str, str]]:
    case = f"{doc.case_name} (case {doc.case_id}) · {doc.case_kind}"
    opened = f"Opened {day(doc.opened_on)}"
    if doc.closed_on is not None:
        opened = f"{opened} · closed {day(doc.closed_on)}"
    else:
        opened = f"{opened} · {doc.status.lower()}"
    rows = [("Clinician", doc.clinician), ("Case", case)]
    rows.append(("Relationship", doc.relationship_structure or "Not recorded"))
    rows.append(("Case dates", opened))
    if doc.period is not None:
        rows.append(("Period", f"{doc.period.words} (both days included)"))
    rows.append(("Sessions", _session_count(doc)))
    rows.append(("Safety", safety_line(doc)))
    return rows


def _session_count(doc: SummaryDocument) -> str:
    rows = doc.sessions
    where = "in this period" if doc.period is not None else "recorded"
    if not rows:
        return f"None {where}."
    text = f"{len(rows)} {where}"
    if doc.couple:
        joint = sum(1 for r in rows if r.attendance == "Joint")
        text = f"{text} ({joint} joint, {len(rows) - joint} individual)"
    first, last = rows[0].starts_at, rows[-1].starts_at
    span = day(first) if first.date() == last.date() else f"{day(first)} to {day(last)}"
    return f"{text}, {span}."


def _partners_table(doc: SummaryDocument, width: float) -> Table:
    steps = latest_steps(doc)
    directions = latest_directions(doc)
    rows = []
    for p in doc.partners:
        step = steps.get(p.partner_id)
        direction = directions.get(p.partner_id)
        rows.append(
            [
                p.name,
                p.pronouns or "—",
                f"{step[0].label} ({step[1]})" if step else "Not recorded",
                f"{direction[0].title} ({direction[1]})" if direction else "None recorded",
            ]
        )
    widths = [0.27 * width, 0.11 * width, 0.36 * width, 0.26 * width]
    head = ["Partner", "Pronouns", "Step (latest recorded)", "Direction (latest)"]
    return _grid(head, rows, widths)


def _sessions_table(doc: SummaryDocument, width: float) -> Table:
    rows = [
        [
            day_and_time(r.starts_at),
            r.attendance,
            r.modality,
            session_steps(doc, r),
            r.note,
            PRIVATE if r.private else "",
        ]
        for r in doc.sessions
    ]
    fractions = (0.21, 0.18, 0.11, 0.30, 0.10, 0.10)
    head = ["Date", "Attendance", "Modality", "Steps worked on", "Note", "Privacy"]
    return _grid(head, rows, [f * width for f in fractions], repeat=True)


def _charts(doc: SummaryDocument, st: styles.Styles, width: float) -> list[Any]:
    shown = doc.shown
    points = charts.chart_points(shown)
    where = "in this period" if doc.period is not None else "for this case"
    if not points:
        return [
            Paragraph("Charts", st.heading),
            Paragraph(
                f"No steps or readings have been recorded {where}, so there are no charts.",
                st.body,
            ),
        ]
    axis = charts.TimeAxis.spanning([p.starts_at for p in points])
    out: list[Any] = []
    made = (
        (
            "Steps over time",
            charts.steps_chart(shown, points, axis, width),
            f"No steps have been recorded {where}.",
        ),
        (
            "Pursue and withdraw",
            charts.positions_chart(shown, points, axis, width),
            f"No pursue/withdraw positions have been recorded {where}.",
        ),
        (
            "Loop intensity, flooding and co-regulation",
            charts.intensity_chart(shown, points, axis, width),
            f"No loop intensity, flooding or co-regulation has been recorded {where}.",
        ),
    )
    for index, (title, drawing, missing) in enumerate(made):
        if drawing is None and index > 0 and not doc.couple:
            continue  # the loop between partners: nothing to say for one person
        body = drawing if drawing is not None else Paragraph(markup(missing), st.body)
        out.append(KeepTogether([Paragraph(markup(title), st.heading), body]))
    return out


def summary_story(doc: SummaryDocument, page_size: PageSizeName = "A4") -> list[Any]:
    st = styles.clinician()
    width = _text_width(page_size)
    story: list[Any] = [
        Paragraph(doc.kind_title, st.title),
        Paragraph(markup(doc.case_name), st.subtitle),
        Spacer(1, 8),
        _label_table(_details(doc), st),
        Spacer(1, 4),
        Paragraph(markup(contents_statement(doc)), _muted(st.small)),
        Paragraph("Partners", st.heading),
        _partners_table(doc, width),
    ]
    if doc.period is not None:
        story.append(Paragraph("What moved in this period", st.heading))
        if doc.sessions:
            story += [Paragraph(markup(s), st.bullet, bulletText="•") for s in what_moved(doc)]
            story.append(Spacer(1, 3))
            story.append(Paragraph(TREND_NOTE, _muted(st.small)))
        else:
            story.append(Paragraph("No sessions in this period.", st.body))
    story += _charts(doc, st, width)

    loops = loop_counts(doc)
    if loops or doc.couple:
        story.append(Paragraph("Recurring loops", st.heading))
    if loops:
        rows = [[c.title, str(c.sessions), day(c.first), day(c.last)] for c in loops]
        widths = [0.46 * width, 0.14 * width, 0.20 * width, 0.20 * width]
        story.append(_grid(["Loop", "Sessions", "First recorded", "Last recorded"], rows, widths))
    elif doc.couple:
        where = "in this period" if doc.period is not None else "for this case"
        story.append(Paragraph(f"No loops have been recorded {where}.", st.body))

    story.append(Paragraph("Themes", st.heading))
    tags = step_tag_counts(doc)
    if tags:
        rows = [[step.label, str(n)] for step, n in tags]
        story.append(
            _grid(["Steps worked on (note tags)", "Sessions"], rows, [0.46 * width, 0.14 * width])
        )
        story.append(Spacer(1, 4))
    else:
        story.append(Paragraph("No session is tagged with a step.", st.body))
    story += [Paragraph(markup(f), st.bullet, bulletText="•") for f in reading_facts(doc)]
    given = handouts_given(doc)
    if given:
        story.append(Paragraph("Handouts given", st.heading))
        story += [Paragraph(markup(g), st.bullet, bulletText="•") for g in given]

    if doc.sessions:
        # A long table starts on this page and continues (header repeated) on the next,
        # rather than moving whole to a fresh page: the heading keeps only a few rows.
        story += [
            CondPageBreak(70),
            Paragraph("Sessions", _loose(st.heading)),
            _sessions_table(doc, width),
        ]
    else:
        where = "in this period" if doc.period is not None else "yet"
        story += [Paragraph("Sessions", st.heading), Paragraph(f"No sessions {where}.", st.body)]
    return story


def _loose(style: Any) -> Any:
    return ParagraphStyle(f"{style.name}-loose", style, keepWithNext=False)


def _muted(style: Any) -> Any:
    return ParagraphStyle(f"{style.name}-muted", style, textColor=Color(*layout.MUTED))


def _footer(doc: SummaryDocument, page_size: PageSizeName) -> str:
    """The footer line, the case name shortened until it leaves room for "Page X of Y"."""
    room = layout.page_dimensions(page_size)[0] - 2 * layout.Furniture().edge
    room -= stringWidth("Page 999 of 999", fonts.REGULAR, 8) + 16
    printed = f" · printed {day_and_time(doc.printed_at)}" if doc.printed_at else ""
    name, cut = doc.case_name, len(doc.case_name)
    while True:
        text = f"{doc.kind_title} · {name}{printed}"
        if cut <= 8 or stringWidth(text, fonts.REGULAR, 8) <= room:
            return text
        cut -= 1
        name = doc.case_name[:cut].rstrip() + "…"


def build_summary(
    doc: SummaryDocument,
    out: Destination = None,
    *,
    page_size: PageSizeName = "A4",
    password: str | None = None,
    progress: Progress | None = None,
) -> bytes | None:
    """Write the case summary (or, when *doc.period* is set, the progress report) to
    *out*, or return its bytes. *progress* is called with 0.0 .. 1.0 as pages are laid
    out, so a window can show a long document's progress."""
    fonts.register_fonts()
    header = doc.kind_title
    if doc.period is not None:
        header = f"{header} · {doc.period.words}"
    furniture = layout.Furniture(
        header_left=HEADER,
        header_right=header,
        footer_left=_footer(doc, page_size),
    )
    return layout.finish(
        summary_story(doc, page_size),
        out,
        info=layout.DocumentInfo(
            title=document_title(doc), author=doc.clinician, subject=doc.kind_title
        ),
        furniture=furniture,
        page_size=page_size,
        margins=layout.CLINICIAN_MARGINS,
        password=password,
        progress=progress,
    )


def build_progress(
    doc: SummaryDocument,
    out: Destination = None,
    *,
    page_size: PageSizeName = "A4",
    password: str | None = None,
    progress: Progress | None = None,
) -> bytes | None:
    """The progress report: build_summary for a document with a period."""
    if doc.period is None:
        raise ValueError("a progress report needs a period")
    return build_summary(doc, out, page_size=page_size, password=password, progress=progress)
