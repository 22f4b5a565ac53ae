"""The case summary and the progress report: clinician documents for supervision, a
referral or a review, built from a SummaryDocument.

What they show: the case's details and partners, where each partner stands (step and
the direction taking shape), three charts of the readings (steps, pursue and withdraw,
loop intensity; see charts.py), the loops that recurred, the steps most often worked on,
a table of the sessions and, in the progress report, a short factual "what moved"
section for the chosen period.

Privacy: these documents print the case's structure and its recorded readings, never
text written in a note. No note section or addendum reaches a SummaryDocument, and the
free-text parts of readings (what set a loop off, a flooding note, what helped, a loop in
the therapist's own words) are left out too: a loop described in the therapist's words
is counted, not quoted. A session whose note is private (an individual session) is
marked "Private" in the sessions table; its steps and readings are shown like any other,
as the documents are for clinicians.

Non-directive by design: every sentence describes movement in the readings (easing,
drawing closer, clarity growing, a step reached) and none weighs staying against leaving.
There is no score, no verdict and no target on any chart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from clarity_desktop.domain import measures
from clarity_desktop.domain.dynamics import Loop
from clarity_desktop.domain.measures import Trend
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.timeline import SessionPoint, Timeline
from clarity_desktop.reports import charts, fonts, layout, styles
from clarity_desktop.reports.layout import Destination, PageSizeName, Progress
from clarity_desktop.reports.text import day, day_and_time, markup

PRIVATE = "Private"
OTHER_LOOP = "Other (in the therapist's words)"


@dataclass(frozen=True)
class Period:
    """A date range, both ends included."""

    start: date
    end: date

    def __contains__(self, when: datetime | date) -> bool:
        value = when.date() if isinstance(when, datetime) else when
        return self.start <= value <= self.end

    @property
    def words(self) -> str:
        return f"{day(self.start)} to {day(self.end)}"


@dataclass(frozen=True)
class PartnerRow:
    partner_id: int
    name: str
    pronouns: str = ""


@dataclass(frozen=True)
class SessionRow:
    """One line of the sessions table. *note* is "Signed", "Draft", "Booked" (a future
    session whose note is not written yet) or "No note"."""

    session_id: int
    starts_at: datetime  # local wall-clock time, as the session was booked
    attendance: str  # "Joint" or the attending partner's name
    modality: str
    steps: tuple[Step, ...]  # the steps the note is tagged with
    note: str
    private: bool


@dataclass(frozen=True)
class SummaryDocument:
    """Everything a case summary or progress report shows. *sessions* and *timeline*
    hold only the sessions in *period* (all of them when *period* is None), oldest
    first. Nothing here carries note text."""

    clinician: str
    case_id: int
    case_name: str
    case_kind: str  # "Couple" / "Individual"
    relationship_structure: str
    status: str  # "Active" / "Closed"
    opened_on: date
    closed_on: date | None
    safety_flag: bool
    safety_note: str
    partners: tuple[PartnerRow, ...]
    sessions: tuple[SessionRow, ...]
    timeline: Timeline
    period: Period | None = None
    printed_at: datetime | None = None

    @property
    def couple(self) -> bool:
        return len(self.partners) >= 2

    @property
    def kind_title(self) -> str:
        return "Progress report" if self.period is not None else "Case summary"


def in_period(timeline: Timeline, period: Period) -> Timeline:
    """The timeline with only the sessions in *period*."""
    return Timeline(
        case_id=timeline.case_id,
        partner_ids=timeline.partner_ids,
        partner_names=timeline.partner_names,
        safety_flag=timeline.safety_flag,
        points=tuple(p for p in timeline.points if p.starts_at in period),
    )


def document_title(doc: SummaryDocument) -> str:
    title = f"{doc.kind_title} — {doc.case_name}"
    return f"{title} — {doc.period.words}" if doc.period is not None else title


# -- facts --------------------------------------------------------------------------------


def _points(doc: SummaryDocument) -> list[SessionPoint]:
    return sorted(doc.timeline.points, key=lambda p: p.starts_at)


def latest_directions(doc: SummaryDocument) -> dict[int, tuple[Direction, datetime]]:
    """Each partner's most recent recorded direction and when it was recorded."""
    out: dict[int, tuple[Direction, datetime]] = {}
    for p in _points(doc):
        for pid, reading in p.partners.items():
            if reading.direction is not None:
                out[pid] = (reading.direction, p.starts_at)
    return out


def latest_steps(doc: SummaryDocument) -> dict[int, tuple[Step, datetime]]:
    out: dict[int, tuple[Step, datetime]] = {}
    for p in _points(doc):
        for pid, step in p.steps.items():
            out[pid] = (step, p.starts_at)
    return out


@dataclass(frozen=True)
class LoopCount:
    title: str
    sessions: int
    first: datetime
    last: datetime


def loop_counts(doc: SummaryDocument) -> list[LoopCount]:
    """How many sessions recorded each loop, most frequent first (ties in the list's
    order); a loop in the therapist's own words is counted under one heading."""
    seen: dict[str, list[datetime]] = {}
    order = {loop.title: i for i, loop in enumerate(Loop)}
    order[OTHER_LOOP] = len(order)
    for p in _points(doc):
        if p.couple is None:
            continue
        titles = [loop.title for loop in p.couple.loops]
        if p.couple.loop_other.strip():
            titles.append(OTHER_LOOP)
        for title in titles:
            seen.setdefault(title, []).append(p.starts_at)
    counts = [LoopCount(t, len(ws), min(ws), max(ws)) for t, ws in seen.items()]
    return sorted(counts, key=lambda c: (-c.sessions, order[c.title]))


def step_tag_counts(doc: SummaryDocument) -> list[tuple[Step, int]]:
    """Sessions tagged with each step, most frequent first, ties by step."""
    counts = Counter(step for row in doc.sessions for step in set(row.steps))
    return sorted(counts.items(), key=lambda kv: (-kv[1], int(kv[0])))


def reading_facts(doc: SummaryDocument) -> list[str]:
    """Counts from the readings: flooding per partner, co-regulation, repairs."""
    points = _points(doc)
    facts = []
    parts = []
    for pid, name in zip(doc.timeline.partner_ids, doc.timeline.partner_names, strict=False):
        floods = sum(1 for p in points if (r := p.partners.get(pid)) is not None and r.flooded)
        parts.append(f"{name} in {_sessions(floods)}")
    if parts:
        facts.append(f"Flooding recorded: {'; '.join(parts)}.")
    asked = [
        p.couple.co_regulation for p in points if p.couple and p.couple.co_regulation is not None
    ]
    if asked:
        facts.append(
            f"Co-regulation noted in {sum(1 for v in asked if v)} of the {_sessions(len(asked))} "
            "that recorded whether it happened."
        )
    attempts = [p.couple.repair_attempts for p in points if p.couple and p.couple.repair_attempts]
    landed = [p.couple.repairs_landed for p in points if p.couple and p.couple.repairs_landed]
    if attempts:
        facts.append(
            f"Repair attempts recorded: {sum(attempts)}, of which {sum(landed)} landed, "
            f"over {_sessions(len(attempts))}."
        )
    return facts


def _sessions(n: int) -> str:
    return f"{n} session" if n == 1 else f"{n} sessions"


# -- what moved (the progress report) ----------------------------------------------------


@dataclass(frozen=True)
class Series:
    trend: Trend
    values: tuple[tuple[datetime, int], ...]

    @property
    def span(self) -> str:
        (_, first), (_, last) = self.values[0], self.values[-1]
        return f"{first} at the first reading, {last} at the last; {len(self.values)} readings"


def _series(trend: Trend, readings: Sequence[tuple[datetime, int | None]]) -> Series:
    return Series(trend, tuple((w, v) for w, v in readings if v is not None))


def _whole(timeline: Timeline) -> int:
    # Every reading in the period counts toward its trend, not only the last six.
    return max(1, len(timeline.points))


_TOO_FEW = (
    "too few readings in this period to describe a trend ({n}; a trend needs at least "
    f"{measures.MIN_TREND_READINGS})"
)


def _trend_sentence(subject: str, series: Series, words: dict[Trend, str], scale: str) -> str:
    if not series.values:
        return f"{subject}: not recorded in this period."
    if series.trend is Trend.NOT_ENOUGH:
        return f"{subject}: {_TOO_FEW.format(n=len(series.values))}."
    return f"{subject} {words[series.trend]} ({series.span}; {scale})."


def what_moved(doc: SummaryDocument) -> list[str]:
    """Plain sentences about the movement in the period's readings, for clinicians."""
    tl = doc.timeline
    points = _points(doc)
    n = _whole(tl)
    out: list[str] = []
    if doc.couple:
        intensity = _series(
            measures.intensity_trend(tl, n),
            [(p.starts_at, p.couple.intensity if p.couple else None) for p in points],
        )
        out.append(
            _trend_sentence(
                "Loop intensity",
                intensity,
                {
                    Trend.FALLING: "eased over the period",
                    Trend.RISING: "rose over the period",
                    Trend.STEADY: "held about level",
                },
                "0–10",
            )
        )
        a, b = tl.partner_ids[0], tl.partner_ids[1]
        distance = _series(
            measures.polarization_trend(tl, n),
            [(p.starts_at, measures.polarization(p, a, b)) for p in points],
        )
        out.append(
            _trend_sentence(
                "The distance between the partners on pursue/withdraw",
                distance,
                {
                    Trend.FALLING: "narrowed: they moved closer together",
                    Trend.RISING: "widened: the partners polarized further",
                    Trend.STEADY: "stayed about the same",
                },
                "0 = the same position, 6 = furthest apart",
            )
        )
    for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
        clarity = _series(
            measures.clarity_trend(tl, pid, n),
            [(p.starts_at, r.clarity if (r := p.partners.get(pid)) else None) for p in points],
        )
        out.append(
            _trend_sentence(
                f"{name}'s clarity",
                clarity,
                {
                    Trend.RISING: "grew",
                    Trend.FALLING: "lessened",
                    Trend.STEADY: "held about level",
                },
                "0–10, whichever way it points",
            )
        )
    for pid, name in zip(tl.partner_ids, tl.partner_names, strict=False):
        out.append(
            _step_sentence(name, [(p.starts_at, p.steps[pid]) for p in points if pid in p.steps])
        )
    return out


def _step_sentence(name: str, steps: Sequence[tuple[datetime, Step]]) -> str:
    if not steps:
        return f"{name}'s step: not recorded in this period."
    (first_at, first), (last_at, last) = steps[0], steps[-1]
    if len(steps) == 1:
        return f"{name}'s step: {first.label}, recorded once ({day(first_at)})."
    if first is last:
        return (
            f"{name}'s step: {first.label} at the start of the period ({day(first_at)}) "
            f"and at its end ({day(last_at)})."
        )
    return (
        f"{name}'s step: {first.label} at the start of the period ({day(first_at)}), "
        f"{last.label} at its end ({day(last_at)})."
    )


TREND_NOTE = (
    "Each trend is read from a robust line through all of the period's readings "
    "(Theil–Sen); a fitted change of less than one point from the first reading to the "
    "last is described as level. The trends describe movement only; they are not a "
    "judgement about staying or leaving."
)


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
    if doc.safety_flag:
        note = doc.safety_note.strip()
        rows.append(("Safety", f"Safety flag set. {note}" if note else "Safety flag set."))
    else:
        rows.append(("Safety", "No safety flag."))
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
                f"{step[0].label} ({day(step[1])})" if step else "Not recorded",
                f"{direction[0].title} ({day(direction[1])})" if direction else "None recorded",
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
            "; ".join(s.label for s in r.steps) if r.steps else "—",
            r.note,
            PRIVATE if r.private else "",
        ]
        for r in doc.sessions
    ]
    fractions = (0.21, 0.18, 0.11, 0.30, 0.10, 0.10)
    head = ["Date", "Attendance", "Modality", "Steps worked on", "Note", "Privacy"]
    return _grid(head, rows, [f * width for f in fractions], repeat=True)


def _charts(doc: SummaryDocument, st: styles.Styles, width: float) -> list[Any]:
    points = charts.chart_points(doc.timeline)
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
            charts.steps_chart(doc.timeline, points, axis, width),
            f"No steps have been recorded {where}.",
        ),
        (
            "Pursue and withdraw",
            charts.positions_chart(doc.timeline, points, axis, width),
            f"No pursue/withdraw positions have been recorded {where}.",
        ),
        (
            "Loop intensity, flooding and co-regulation",
            charts.intensity_chart(doc.timeline, points, axis, width),
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
        Paragraph(
            "This document shows the case's structure and recorded readings only; it prints "
            "no note text. Sessions with a private note (individual sessions) are marked "
            f"“{PRIVATE}”.",
            _muted(st.small),
        ),
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
        header_left="Confidential clinical record",
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
