"""The note's record copy holds the whole record: the readings locked with the signature,
a footer that never runs into "Page X of Y", and long text that flows without a break.
And every font of every document is embedded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import pytest

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.reports.handouts import HandoutInput, build_handout, build_overview
from clarity_desktop.reports.note import NoteDocument, PartnerReadingRow, build_note
from tests.reports import pdftools

NoteFactory = Callable[..., NoteDocument]

READINGS = (
    PartnerReadingRow(
        "Zoë",
        PartnerReading(
            position=2,
            stance=6,
            clarity=4,
            flooded=True,
            flooding_note="Went quiet after the holiday topic.",
            direction=Direction.REPAIR,
        ),
    ),
    PartnerReadingRow("Łukasz", PartnerReading(position=-1, clarity=7)),
)
COUPLE = CoupleReading(
    loops=frozenset({Loop.PURSUE_WITHDRAW, Loop.TALK_SHUT_DOWN}),
    loop_other="Checking phones mid-argument",
    intensity=6,
    trigger="Planning the holidays.",
    co_regulation=True,
    co_regulation_note="A pause and a glass of water.",
    repair_attempts=3,
    repairs_landed=2,
)


def build(doc: NoteDocument, **kwargs: object) -> bytes:
    data = build_note(doc, **kwargs)  # type: ignore[arg-type]
    assert data is not None
    return data


def test_the_record_copy_prints_the_readings_locked_with_the_signature(
    note_doc: NoteFactory,
) -> None:
    text = pdftools.flat(pdftools.text(build(note_doc(partner_readings=READINGS, couple=COUPLE))))
    assert "Readings" in text
    for expected in (
        "Zoë",
        "Pursue/withdraw +2 (Pursuing)",
        "Stance 6 (0 leaning to leave, 10 leaning to stay)",
        "Clarity 4 of 10",
        "Flooded: Went quiet after the holiday topic.",
        "Direction taking shape: Repair",
        "Pursue/withdraw −1 (Leaning to withdraw)",
        "Clarity 7 of 10",
        "Loops: Pursue – withdraw; Talk – shut down; Checking phones mid-argument",
        "Intensity 6 of 10",
        "What set it off: Planning the holidays.",
        "Co-regulation: yes. A pause and a glass of water.",
        "Repairs: 2 of 3 landed",
    ):
        assert expected in text, expected
    # The readings come before the signature line, which locks them with the note.
    assert text.index("Readings") < text.index("Signed electronically")
    assert "Readings recorded with this note; locked by the signature." in text


def test_a_note_without_readings_says_none_were_recorded(note_doc: NoteFactory) -> None:
    text = pdftools.flat(pdftools.text(build(note_doc())))
    assert "Readings None recorded" in text


def test_a_draft_marks_its_readings_as_a_draft(note_doc: NoteFactory) -> None:
    doc = note_doc(signed_at=None, signed_by=None, addenda=(), partner_readings=READINGS[:1])
    text = pdftools.flat(pdftools.text(build(doc)))
    assert "Readings recorded with this draft; not yet locked." in text
    assert "Clarity 4 of 10" in text


@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("length", [30, 50, 60, 90, 200])
def test_the_footer_never_runs_into_the_page_label(
    note_doc: NoteFactory, size: str, length: int
) -> None:
    name = ("Alexandrina Konstantinopoulou-Featherstonehaugh & Bartholomew " * 4)[:length]
    data = build(note_doc(case_name=name), page_size=size)
    first = [w for w in pdftools.words(data) if w[0] == 1]
    lowest = max(w[2] for w in first)
    footer = sorted((w for w in first if w[2] > lowest - 2), key=lambda w: w[1])
    assert footer[-4][5] == "Page" and footer[-1][5] == "1"
    for left, right in zip(footer, footer[1:], strict=False):
        assert left[3] <= right[1] + 0.01, f"{left[5]!r} overprints {right[5]!r}"
    gap = footer[-4][1] - footer[-5][3]
    assert gap >= 8, f"only {gap:.1f} pt between the footer and the page label"
    line = " ".join(w[5] for w in footer)
    assert ("…" in line) == (name.strip() not in line)


@pytest.mark.parametrize("length", [1_499, 1_501, 4_000, 12_000])
def test_a_long_paragraph_flows_without_a_visible_break(note_doc: NoteFactory, length: int) -> None:
    """Every line of a long paragraph but its last runs to the right margin; the old
    copy cut the text into 1,500-character paragraphs, each ending on a short line."""
    words = ("word " * (length // 5 + 1))[:length].strip()
    text = f"{words} END."
    data = build(note_doc(sections={"focus": text}))
    lines = [ln for ln in pdftools.lines(data) if ln[4].startswith("word")]
    right = max(ln[2] for ln in lines)
    assert right > 500  # the frame's right edge on A4
    last = next(i for i, ln in enumerate(lines) if "END." in ln[4])
    for page, _x0, x1, _y, line in lines[:last]:
        assert right - x1 < 35, f"a short line on page {page}: {line[-40:]!r}"
    printed = pdftools.flat(pdftools.text(data))
    assert printed.count("word") == words.count("word")
    # It starts under its heading on the first page rather than jumping to the next.
    first = pdftools.pages(data)[0]
    assert "Focus of the session" in first and first.count("word") > 100


def test_a_very_long_word_is_broken_rather_than_running_off_the_page(
    note_doc: NoteFactory,
) -> None:
    blob = "x" * 3000
    data = build(note_doc(sections={"focus": f"Before {blob} after."}))
    lines = pdftools.lines(data)
    assert max(ln[2] for ln in lines) < 540
    pieces = [
        ln[4].split()[-1] if ln[4].startswith("Before") else ln[4].split()[0]
        for ln in lines
        if "xxx" in ln[4]
    ]
    assert sum(len(p) for p in pieces) == 3000


def _every_kind(note_doc: NoteFactory, size: str) -> dict[str, bytes]:
    from tests.reports.test_summary import START, document, point  # a sample summary

    points = [
        point(i, START.replace(day=6 + i), steps=(2, 3), positions=(1, -1), intensity=5)
        for i in range(4)
    ]
    doc = document(points)
    from clarity_desktop.reports import summary

    period = summary.Period(date(2025, 1, 1), date(2025, 1, 31))
    made = {
        "note": build(note_doc(partner_readings=READINGS, couple=COUPLE), page_size=size),
        "draft": build(note_doc(signed_at=None, signed_by=None), page_size=size),
        "summary": summary.build_summary(doc, page_size=size),  # type: ignore[arg-type]
        "progress": summary.build_progress(
            replace(doc, period=period),
            page_size=size,  # type: ignore[arg-type]
        ),
        "handout": build_handout(
            HandoutInput(Step.LEAN_IN, ("Zoë",), "See you soon.", datetime(2025, 1, 2).date()),
            page_size=size,  # type: ignore[arg-type]
        ),
        "overview": build_overview(page_size=size),  # type: ignore[arg-type]
    }
    return {k: v for k, v in made.items() if v is not None}


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_every_document_embeds_every_font_it_uses(note_doc: NoteFactory, size: str) -> None:
    for kind, data in _every_kind(note_doc, size).items():
        rows = pdftools.fonts(data)
        assert rows, kind
        for row in rows:
            assert "DejaVuSans" in row, (kind, row)
            assert row.split()[-5:-2] == ["yes", "yes", "yes"], (kind, row)  # emb sub uni
