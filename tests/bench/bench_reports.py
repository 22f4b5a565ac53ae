"""Benchmark of the documents: a 100-session case summary with charts, against a bare
reportlab build of the same content, and a client handout. Prints figures; asserts
nothing about time (speed is watched by reading these, not by timed tests).

    .venv/bin/python tests/bench/bench_reports.py [--sessions 100] [--runs 5] [--keep DIR]

Builds a throwaway practice with one couple case of N sessions (default 100) through the
services, as a therapist's actions would: every session with both partners' steps and
readings, the couple's loop at joint sessions, every tenth session an individual one with
a private note, most notes signed. Then, as the median of 5 runs each (after one warm-up
run that registers the font, as the program's first document does):

- services.documents.summary_pdf: reading the case and its timeline, building the PDF
  with the charts, writing the audit row (what the program and the command line do);
- reports.summary.build_summary alone, from the gathered SummaryDocument;
- a bare reportlab build of the same content: the same paragraphs, tables and drawings
  (the same shapes and labels) made directly with platypus and reportlab.graphics on a
  SimpleDocTemplate, no services, no page-X-of-Y canvas;
- services.handout_documents.handout_pdf and reports.handouts.build_handout for one handout.

Targets from the issue: summary under 1 s, summary / bare at most 1.5, handout under
0.15 s. Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

from clarity_desktop.services import handout_documents

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.reports import fonts, handouts, summary
from clarity_desktop.services import cases, documents, dynamics, notes, sessions
from clarity_desktop.services.dto import NoteDraft
from clarity_desktop.store import keys, opening
from clarity_desktop.store.practice import Clinician, OpenPractice

FAST_KDF = keys.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
MM = 72 / 25.4


def build_case(folder: Path, n: int) -> tuple[OpenPractice, int]:
    opened, _recovery = opening.create(
        folder, "bench passphrase", Clinician("Dana Reyes", "LMFT"), kdf=FAST_KDF
    )
    case = cases.create_case(
        opened.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(PartnerInput(name="Zoë Marchetti"), PartnerInput(name="Łukasz Wiśniewski")),
            relationship_structure="Married",
            opened_on=date(2022, 1, 3),
        ),
        today=date(2022, 1, 3),
    )
    zoe, lukasz = (p.id for p in case.partners)
    first = datetime(2022, 1, 4, 10, 0)
    for i in range(n):
        joint = i % 10 != 5
        view = sessions.create_session(
            opened.uow(),
            case.id,
            SessionInput(
                first + timedelta(days=7 * i), attending_partner_id=None if joint else zoe
            ),
        )
        assert view.note_id is not None
        zs, ls = Step(1 + min(4, i * 5 // n)), Step(1 + min(4, i * 4 // n))
        wave = math.sin(i / 4)
        readings = {
            zoe: PartnerReading(
                position=max(-3, min(3, round(2.5 - i / n + wave))),
                stance=5,
                clarity=min(10, 2 + i * 8 // n),
                flooded=i % 9 == 0,
                direction=Direction.REPAIR if zs >= Step.FIND_YOUR_DIRECTION else None,
            )
        }
        if joint:
            readings[lukasz] = PartnerReading(
                position=max(-3, min(3, round(-2.5 + i / n - wave))),
                clarity=min(10, 1 + i * 7 // n),
                flooded=i % 13 == 0,
                direction=Direction.NOT_YET_CLEAR if ls >= Step.FIND_YOUR_DIRECTION else None,
            )
        notes.save_draft(
            opened.uow(),
            view.note_id,
            NoteDraft(
                Template.FIVE_STEPS,
                {"focus": f"Session {i + 1}: what the week brought.", "leaning_in": "Both sides."},
                frozenset({zs, ls}) if joint else frozenset({zs}),
                {zoe: zs, lukasz: ls} if joint else {zoe: zs},
                not joint,
                readings,
                CoupleReading(
                    loops=frozenset(
                        {Loop.PURSUE_WITHDRAW} | ({Loop.TALK_SHUT_DOWN} if i % 3 == 0 else set())
                    ),
                    intensity=max(0, min(10, round(8 - 6 * i / n + 2 * wave))),
                    co_regulation=i % 2 == 0,
                    repair_attempts=2,
                    repairs_landed=1,
                )
                if joint
                else None,
            ),
        )
        if i < n - 2:
            notes.sign_note(opened.uow(), view.note_id)
    return opened, case.id


# -- the bare build: the same content, straight platypus and reportlab.graphics -------------

INK, MUTED, GRID, BAND = (
    Color(0.16, 0.17, 0.19),
    Color(0.4, 0.42, 0.45),
    Color(0.86, 0.87, 0.88),
    Color(0.955, 0.958, 0.962),
)
PARTNERS = (Color(0.12, 0.39, 0.69), Color(0.77, 0.34, 0.10))


def bare_chart(
    width: float,
    plot_h: float,
    labels: list[tuple[float, str]],
    series: list[tuple[Color, list[tuple[float, float]]]],
    ticks: list[tuple[float, str]],
    legend: list[str],
    extra: list[Any],
) -> Drawing:
    """A chart as one would draw it by hand: grid, labels, lines, dots, legend. *labels*
    and series y values are fractions of the plot height; x values fractions of its width."""
    left, bottom = 112.0, 16.0
    pw = width - left - 12
    d = Drawing(width, bottom + plot_h + 8 + 13 + 5)
    d.add(Rect(left, bottom, pw, plot_h, fillColor=white, strokeColor=None))
    for y, text in labels:
        d.add(
            Line(
                left,
                bottom + y * plot_h,
                left + pw,
                bottom + y * plot_h,
                strokeColor=GRID,
                strokeWidth=0.4,
            )
        )
        d.add(
            String(
                left - 6,
                bottom + y * plot_h - 2.6,
                text,
                fontName=fonts.REGULAR,
                fontSize=7.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    for x, text in ticks:
        d.add(
            Line(
                left + x * pw,
                bottom,
                left + x * pw,
                bottom + plot_h,
                strokeColor=GRID,
                strokeWidth=0.4,
            )
        )
        d.add(
            String(
                left + x * pw,
                bottom - 10,
                text,
                fontName=fonts.REGULAR,
                fontSize=7.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    d.add(Line(left, bottom, left + pw, bottom, strokeColor=MUTED, strokeWidth=0.6))
    for colour, xy in series:
        pts = [(left + x * pw, bottom + y * plot_h) for x, y in xy]
        d.add(PolyLine([v for p in pts for v in p], strokeColor=colour, strokeWidth=1.6))
        if len(pts) <= 60:  # as the program's charts: no dots on a dense line
            for x, y in pts:
                d.add(Circle(x, y, 2.1, fillColor=colour, strokeColor=white, strokeWidth=0.6))
    for shape in extra:
        d.add(shape)
    x = left
    for i, text in enumerate(legend):
        d.add(
            Line(
                x,
                d.height - 15,
                x + 16,
                d.height - 15,
                strokeColor=PARTNERS[i % 2],
                strokeWidth=1.6,
            )
        )
        d.add(
            String(
                x + 20, d.height - 17.6, text, fontName=fonts.REGULAR, fontSize=7.5, fillColor=INK
            )
        )
        x += 40 + len(text) * 4
    return d


def bare_build(doc: summary.SummaryDocument) -> bytes:
    fonts.register_fonts()
    base = ParagraphStyle("b", fontName=fonts.REGULAR, fontSize=10, leading=14)
    bold = ParagraphStyle("bb", base, fontName=fonts.BOLD)
    title = ParagraphStyle("bt", base, fontName=fonts.BOLD, fontSize=16, leading=20)
    head = ParagraphStyle(
        "bh",
        base,
        fontName=fonts.BOLD,
        fontSize=11.5,
        leading=15,
        spaceBefore=10,
        keepWithNext=True,
    )
    width = A4[0] - 40 * MM
    points = sorted(
        (p for p in doc.timeline.points if p.steps or p.partners or p.couple),
        key=lambda p: p.starts_at,
    )
    t0, t1 = points[0].starts_at, points[-1].starts_at
    span = (t1 - t0).total_seconds() or 1.0

    def fx(when: datetime) -> float:
        return 0.03 + 0.94 * (when - t0).total_seconds() / span

    ticks = [(i / 6, f"{(t0 + (t1 - t0) * i / 6):%b %Y}") for i in range(7)]
    pids = doc.timeline.partner_ids
    story: list[Any] = [
        Paragraph("Case summary", title),
        Paragraph(doc.case_name, base),
        Spacer(1, 8),
    ]
    details = [
        ("Clinician", doc.clinician),
        ("Case", f"{doc.case_name} (case {doc.case_id}) · {doc.case_kind}"),
        ("Relationship", doc.relationship_structure),
        ("Case dates", f"Opened {doc.opened_on}"),
        ("Sessions", f"{len(doc.sessions)} recorded"),
        ("Safety", "No safety flag."),
    ]
    story.append(
        Table(
            [[Paragraph(k, bold), Paragraph(v, base)] for k, v in details],
            colWidths=[40 * MM, None],
        )
    )
    story.append(Paragraph("Partners", head))
    story.append(
        Table(
            [["Partner", "Pronouns", "Step", "Direction"]]
            + [[p.name, p.pronouns, "4 · Find Your Direction", "Repair"] for p in doc.partners],
            style=[("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.5, 11)],
        )
    )
    # Steps
    steps_series = []
    for lane, pid in enumerate(pids):
        xy = [
            (fx(p.starts_at), (int(p.steps[pid]) - 0.5 + (0.2 if lane == 0 else -0.2)) / 5)
            for p in points
            if pid in p.steps
        ]
        steps_series.append((PARTNERS[lane], xy))
    bands = [
        Rect(112, 16 + i * 21, width - 124, 21, fillColor=BAND, strokeColor=None) for i in (1, 3)
    ]
    story += [
        Paragraph("Steps over time", head),
        bare_chart(
            width,
            105,
            [((int(s) - 0.5) / 5, s.label) for s in Step],
            steps_series,
            ticks,
            list(doc.timeline.partner_names),
            bands,
        ),
    ]
    # Pursue and withdraw
    pos_series = []
    for lane, pid in enumerate(pids):
        xy = [
            (fx(p.starts_at), (r.position + 3.5) / 7)
            for p in points
            if (r := p.partners.get(pid)) and r.position is not None
        ]
        pos_series.append((PARTNERS[lane], xy))
    a, b = pos_series[0][1], pos_series[1][1]
    gap = Polygon(
        [v for x, y in a for v in (112 + x * (width - 124), 16 + y * 91)]
        + [v for x, y in reversed(b) for v in (112 + x * (width - 124), 16 + y * 91)],
        fillColor=GRID,
        strokeColor=None,
    )
    story += [
        Paragraph("Pursue and withdraw", head),
        bare_chart(
            width,
            91,
            [((v + 3.5) / 7, str(v)) for v in range(-3, 4)],
            pos_series,
            ticks,
            [*doc.timeline.partner_names, "distance between them"],
            [gap],
        ),
    ]
    # Loop intensity
    rated = [
        (fx(p.starts_at), (p.couple.intensity + 4.5) / 14.25)
        for p in points
        if p.couple and p.couple.intensity is not None
    ]
    marks: list[Any] = []
    for p in points:
        for lane, pid in enumerate(pids):
            if (r := p.partners.get(pid)) is not None and r.flooded:
                x = 112 + fx(p.starts_at) * (width - 124)
                triangle = [x - 3.6, 33.6, x + 3.6, 33.6, x, 39.6]
                marks.append(Polygon(triangle, fillColor=PARTNERS[lane], strokeColor=white))
    marks += [
        Circle(112 + fx(p.starts_at) * (width - 124), 24, 2.8, fillColor=INK)
        for p in points
        if p.couple and p.couple.co_regulation
    ]
    story += [
        Paragraph("Loop intensity, flooding and co-regulation", head),
        bare_chart(
            width,
            122,
            [((v + 4.5) / 14.25, str(v)) for v in range(0, 11)],
            [(INK, rated)],
            ticks,
            ["Loop intensity (0–10)", "flooded", "co-regulation noted"],
            marks,
        ),
    ]
    # Loops, themes, sessions
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 8.5, 11),
            ("FONT", (0, 0), (-1, 0), fonts.BOLD, 8.5, 11),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    loops = summary.loop_counts(doc)
    story += [
        Paragraph("Recurring loops", head),
        Table(
            [["Loop", "Sessions", "First", "Last"]]
            + [
                [c.title, str(c.sessions), f"{c.first:%d %b %Y}", f"{c.last:%d %b %Y}"]
                for c in loops
            ],
            style=style,
        ),
    ]
    story += [
        Paragraph("Themes", head),
        Table(
            [["Steps worked on", "Sessions"]]
            + [[s.label, str(k)] for s, k in summary.step_tag_counts(doc)],
            style=style,
        ),
    ]
    story += [Paragraph(f, base) for f in summary.reading_facts(doc)]
    rows = [
        [
            f"{r.starts_at:%d %b %Y, %H:%M}",
            r.attendance,
            r.modality,
            "\n".join(
                "; ".join(s.label for s in r.steps)[i : i + 34] for i in range(0, 70, 34)
            ).strip(),
            r.note,
            "Private" if r.private else "",
        ]
        for r in doc.sessions
    ]
    fractions = (0.21, 0.18, 0.11, 0.30, 0.10, 0.10)
    story += [
        Paragraph("Sessions", head),
        Table(
            [["Date", "Attendance", "Modality", "Steps worked on", "Note", "Privacy"], *rows],
            colWidths=[f * width for f in fractions],
            repeatRows=1,
            style=style,
        ),
    ]

    def on_page(canv: Any, d: Any) -> None:
        canv.saveState()
        canv.setFont(fonts.REGULAR, 8.5)
        canv.drawString(20 * MM, A4[1] - 12 * MM, "Confidential clinical record")
        canv.drawRightString(A4[0] - 20 * MM, 10 * MM, f"Page {d.page}")
        canv.restoreState()

    buffer = BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * MM,
        rightMargin=20 * MM,
        topMargin=22 * MM,
        bottomMargin=20 * MM,
        title="Case summary",
    ).build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# -- timing -----------------------------------------------------------------------------------


def median_s(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: font registration, imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also write the PDFs into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        opened, case_id = build_case(Path(tmp) / "practice", args.sessions)
        print(f"built a {args.sessions}-session case in {time.perf_counter() - start:.1f} s")
        try:
            case = cases.read_case(opened.uow(), case_id)
            doc = documents.summary_document(
                case, dynamics.case_timeline(opened.uow(), case_id), opened.clinician.signature
            )
            service = median_s(lambda: documents.summary_pdf(opened.uow(), case_id), args.runs)
            builder = median_s(lambda: summary.build_summary(doc), args.runs)
            bare = median_s(lambda: bare_build(doc), args.runs)
            handout_service = median_s(
                lambda: handout_documents.handout_pdf(
                    opened.uow(),
                    case_id,
                    Step.LEAN_IN,
                    ["Zoë"],
                    "See you on Tuesday.",
                    partner_id=None,
                ),
                args.runs,
            )
            plain = handouts.HandoutInput(Step.LEAN_IN, ("Zoë",), "See you on Tuesday.")
            handout_builder = median_s(lambda: handouts.build_handout(plain), args.runs)
            data = summary.build_summary(doc) or b""
            bare_data = bare_build(doc)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / "bench-summary.pdf").write_bytes(data)
                (args.keep / "bench-bare.pdf").write_bytes(bare_data)
        finally:
            opened.close()
    print(f"median of {args.runs} runs each ({args.sessions} sessions, {len(data) // 1024} KiB)")
    print(f"  summary_pdf (service: read, build, audit)   {service:.3f} s   target < 1 s")
    print(f"  build_summary (builder only)                {builder:.3f} s")
    print(
        f"  bare reportlab build of the same content    {bare:.3f} s   ({len(bare_data) // 1024} KiB)"
    )
    print(f"  ratio service / bare                        {service / bare:.2f}    target <= 1.5")
    print(f"  ratio builder / bare                        {builder / bare:.2f}")
    print(
        f"  handout_pdf (service)                       {handout_service:.3f} s   target < 0.15 s"
    )
    print(f"  build_handout (builder only)                {handout_builder:.3f} s")


if __name__ == "__main__":
    main()
