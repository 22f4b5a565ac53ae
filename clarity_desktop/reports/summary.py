"""The case summary and the progress report: clinician documents for supervision, a
referral or a review, laid out from a SummaryDocument.

What they show: the case's details and partners, where each partner stands (step and
the direction taking shape), three charts of the readings (steps, pursue and withdraw,
loop intensity; see charts.py), the loops that recurred, the steps most often worked on,
a table of the sessions and, in the progress report, a short factual "what moved"
section for the chosen period, the goals of the plan with the marks the period's notes
gave them, and each partner's check-in scores with the gap between them
(progress_plan.py). What they say, and what they leave out for privacy
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
from clarity_desktop.reports import charts, fonts, layout, progress_plan, styles
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
from clarity_desktop.reports.text import markup

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

HEADER = "Confidential clinical record · {clinicians_only}"


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
        [
            [
                _wrapped(h, w - 2 * pad, size, fonts.BOLD)
                for h, w in zip(header, widths, strict=True)
            ],
            *wrapped,
        ],
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
    for i, (head, width) in enumerate(zip(header, widths, strict=True)):
        # A heading is one word or two (in any language): one too wide for its column
        # is set a little smaller rather than run into the next.
        need = max((stringWidth(word, fonts.BOLD, size) for word in head.split()), default=0)
        if need > width - 2 * pad:
            small = size * (width - 2 * pad) / need
            commands.append(("FONT", (i, 0), (i, 0), fonts.BOLD, small, size + 2.5))
    if len(wrapped) > 1:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, _ZEBRA]))
    table.setStyle(layout.table_style(*commands))
    return table


@lru_cache(maxsize=2048)
def _wrapped(text: str, width: float, size: float, font: str = fonts.REGULAR) -> str:
    """*text* broken into lines that fit *width*; cached, as a sessions table repeats the
    same few cells ("Joint", "In person", "Signed") a hundred times."""
    return "\n".join(simpleSplit(text, font, size, width) or [""])


def _details(doc: SummaryDocument) -> list[tuple[str, str]]:
    w = doc.words
    case = w("{name} (case {id})", name=doc.case_name, id=doc.case_id) + f" · {w(doc.case_kind)}"
    opened = w("Opened {day}", day=w.day(doc.opened_on))
    if doc.closed_on is not None:
        opened = f"{opened} · {w('closed {day}', day=w.day(doc.closed_on))}"
    else:
        opened = f"{opened} · {w(doc.status.lower())}"
    rows = [(w("Clinician"), doc.clinician), (w("Case"), case)]
    relationship = w(doc.relationship_structure) if doc.relationship_structure else ""
    rows.append((w("Relationship"), relationship or w("Not recorded")))
    rows.append((w("Case dates"), opened))
    if doc.period is not None:
        rows.append((w("Period"), w("{period} (both days included)", period=doc.period.said(w))))
    rows.append((w("Sessions"), _session_count(doc)))
    rows.append((w("Safety"), safety_line(doc)))
    return rows


def _session_count(doc: SummaryDocument) -> str:
    rows, w = doc.sessions, doc.words
    if not rows:
        return w("None in this period." if doc.period is not None else "None recorded.")
    text = w("{n} in this period" if doc.period is not None else "{n} recorded", n=len(rows))
    if doc.couple:
        joint = sum(1 for r in rows if r.attendance == "Joint")
        text += w(" ({joint} joint, {alone} individual)", joint=joint, alone=len(rows) - joint)
    first, last = rows[0].starts_at, rows[-1].starts_at
    span = (
        w.day(first)
        if first.date() == last.date()
        else w("{start} to {end}", start=w.day(first), end=w.day(last))
    )
    return f"{text}, {span}."


def _partners_table(doc: SummaryDocument, width: float) -> Table:
    steps = latest_steps(doc)
    directions = latest_directions(doc)
    w = doc.words
    rows = []
    for p in doc.partners:
        step = steps.get(p.partner_id)
        direction = directions.get(p.partner_id)
        rows.append(
            [
                p.name,
                p.pronouns or "—",
                f"{w.step(step[0])} ({step[1]})" if step else w("Not recorded"),
                f"{w(direction[0].title)} ({direction[1]})" if direction else w("None recorded"),
            ]
        )
    widths = [0.27 * width, 0.11 * width, 0.36 * width, 0.26 * width]
    head = [w("Partner"), w("Pronouns"), w("Step (latest recorded)"), w("Direction (latest)")]
    return _grid(head, rows, widths)


def _sessions_table(doc: SummaryDocument, width: float) -> Table:
    w = doc.words
    rows = [
        [
            w.day_and_time(r.starts_at),
            w(r.attendance),
            w(r.modality),
            session_steps(doc, r),
            w(r.note),
            w(PRIVATE) if r.private else "",
        ]
        for r in doc.sessions
    ]
    fractions = (0.21, 0.18, 0.11, 0.30, 0.10, 0.10)
    head = [
        w("Date"),
        w("Attendance"),
        w("Modality"),
        w("Steps worked on"),
        w("Note"),
        w("Privacy"),
    ]
    return _grid(head, rows, [f * width for f in fractions], repeat=True)


def _charts(doc: SummaryDocument, st: styles.Styles, width: float) -> list[Any]:
    shown, w = doc.shown, doc.words
    points = charts.chart_points(shown)
    where = w("in this period" if doc.period is not None else "for this case")
    if not points:
        return [
            Paragraph(w("Charts"), st.heading),
            Paragraph(
                w(
                    "No steps or readings have been recorded {where}, so there are no charts.",
                    where=where,
                ),
                st.body,
            ),
        ]
    axis = charts.TimeAxis.spanning([p.starts_at for p in points], w)
    out: list[Any] = []
    made = (
        (
            w("Steps over time"),
            charts.steps_chart(shown, points, axis, width, w),
            w("No steps have been recorded {where}.", where=where),
        ),
        (
            w("Pursue and withdraw"),
            charts.positions_chart(shown, points, axis, width, w),
            w("No pursue/withdraw positions have been recorded {where}.", where=where),
        ),
        (
            w("Loop intensity, flooding and co-regulation"),
            charts.intensity_chart(shown, points, axis, width, w),
            w(
                "No loop intensity, flooding or co-regulation has been recorded {where}.",
                where=where,
            ),
        ),
    )
    for index, (title, drawing, missing) in enumerate(made):
        if drawing is None and index > 0 and not doc.couple:
            continue  # the loop between partners: nothing to say for one person
        body = drawing if drawing is not None else Paragraph(markup(missing), st.body)
        out.append(KeepTogether([Paragraph(markup(title), st.heading), body]))
    return out


def summary_story(doc: SummaryDocument, page_size: PageSizeName = "A4") -> list[Any]:
    st, w = styles.clinician(), doc.words
    width = _text_width(page_size)
    story: list[Any] = [
        Paragraph(doc.kind_title, st.title),
        Paragraph(markup(doc.case_name), st.subtitle),
        Spacer(1, 8),
        _label_table(_details(doc), st),
        Spacer(1, 4),
        Paragraph(markup(contents_statement(doc)), _muted(st.small)),
        Paragraph(w("Partners"), st.heading),
        _partners_table(doc, width),
    ]
    if doc.period is not None:
        story.append(Paragraph(w("What moved in this period"), st.heading))
        if doc.sessions:
            story += [Paragraph(markup(s), st.bullet, bulletText="•") for s in what_moved(doc)]
            story.append(Spacer(1, 3))
            story.append(Paragraph(w(TREND_NOTE), _muted(st.small)))
        else:
            story.append(Paragraph(w("No sessions in this period."), st.body))
        story += progress_plan.story(
            doc.plan,
            doc.measures,
            include_private=doc.include_private_readings,
            w=w,
            st=st,
            width=width,
            grid=_grid,
        )
    story += _charts(doc, st, width)

    loops = loop_counts(doc)
    if loops or doc.couple:
        story.append(Paragraph(w("Recurring loops"), st.heading))
    if loops:
        rows = [[w(c.title), str(c.sessions), w.day(c.first), w.day(c.last)] for c in loops]
        widths = [0.46 * width, 0.14 * width, 0.20 * width, 0.20 * width]
        head = [w("Loop"), w("Sessions"), w("First recorded"), w("Last recorded")]
        story.append(_grid(head, rows, widths))
    elif doc.couple:
        where = w("in this period" if doc.period is not None else "for this case")
        story.append(Paragraph(w("No loops have been recorded {where}.", where=where), st.body))

    story.append(Paragraph(w("Themes"), st.heading))
    tags = step_tag_counts(doc)
    if tags:
        rows = [[w.step(step), str(n)] for step, n in tags]
        head = [w("Steps worked on (note tags)"), w("Sessions")]
        story.append(_grid(head, rows, [0.46 * width, 0.14 * width]))
        story.append(Spacer(1, 4))
    else:
        story.append(Paragraph(w("No session is tagged with a step."), st.body))
    story += [Paragraph(markup(f), st.bullet, bulletText="•") for f in reading_facts(doc)]
    given = handouts_given(doc)
    if given:
        story.append(Paragraph(w("Handouts given"), st.heading))
        story += [Paragraph(markup(g), st.bullet, bulletText="•") for g in given]

    if doc.sessions:
        # A long table starts on this page and continues (header repeated) on the next,
        # rather than moving whole to a fresh page: the heading keeps only a few rows.
        story += [
            CondPageBreak(70),
            Paragraph(w("Sessions"), _loose(st.heading)),
            _sessions_table(doc, width),
        ]
    else:
        none = w("No sessions in this period." if doc.period is not None else "No sessions yet.")
        story += [Paragraph(w("Sessions"), st.heading), Paragraph(none, st.body)]
    return story


def _loose(style: Any) -> Any:
    return ParagraphStyle(f"{style.name}-loose", style, keepWithNext=False)


def _muted(style: Any) -> Any:
    return ParagraphStyle(f"{style.name}-muted", style, textColor=Color(*layout.MUTED))


def _footer(doc: SummaryDocument, page_size: PageSizeName) -> str:
    """The footer line, the case name shortened until it leaves room for "Page X of Y"."""
    room = layout.page_dimensions(page_size)[0] - 2 * layout.Furniture().edge
    room -= stringWidth("Page 999 of 999", fonts.REGULAR, 8) + 16
    w = doc.words
    printed = w(" · printed {when}", when=w.day_and_time(doc.printed_at)) if doc.printed_at else ""
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
    w = doc.words
    header = doc.kind_title
    if doc.period is not None:
        header = f"{header} · {doc.period.said(w)}"
    furniture = layout.Furniture(
        header_left=w(HEADER, clinicians_only=w(CLINICIANS_ONLY)),
        header_right=header,
        footer_left=_footer(doc, page_size),
        page_label=w("Page {page} of {total}"),
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
