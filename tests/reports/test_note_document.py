"""The session note as printed: what a clinician, a records request or an auditor reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.progress import CallbackProgress
from clarity_desktop.domain.templates import Template
from clarity_desktop.reports import layout, styles
from clarity_desktop.reports.note import AddendumEntry, NoteDocument, build_note
from clarity_desktop.reports.text import wrap_words
from tests.reports import pdftools

NoteFactory = Callable[..., NoteDocument]


def build(doc: NoteDocument, **kwargs: object) -> bytes:
    data = build_note(doc, **kwargs)  # type: ignore[arg-type]
    assert data is not None
    return data


def test_a_signed_note_prints_its_record_and_no_draft_mark(note_doc: NoteFactory) -> None:
    text = pdftools.flat(pdftools.text(build(note_doc())))
    for expected in (
        "Session note",
        "Dana Reyes, LMFT",
        "Zoë & Łukasz (case 12) · Couple · Married",
        "Tue 4 Mar 2025, 10:00 · 50 minutes · In person",
        "Both partners (Zoë, Łukasz)",
        "Five steps",
        "2 · Name What's Happening; 3 · Lean In",
        "Zoë: 3 · Lean In; Łukasz: 2 · Name What's Happening",
        "Focus of the session The distance since the move.",
        "Leaning in Both named what still matters.",
        "Signed electronically by Dana Reyes, LMFT on 4 Mar 2025, 11:02 UTC.",
        "Addendum 1 · 5 Mar 2025, 09:00 UTC · Dana Reyes, LMFT First fix.",
    ):
        assert expected in text
    assert "draft" not in text.lower()


def test_an_unsigned_note_is_marked_draft_on_every_page(note_doc: NoteFactory) -> None:
    long_text = "\n".join(f"Line {i} of a long session." for i in range(150))
    doc = note_doc(signed_at=None, signed_by=None, addenda=(), sections={"focus": long_text})
    pages = pdftools.pages(build(doc))
    assert len(pages) >= 2
    for page in pages:
        assert "DRAFT — not signed" in page
    text = pdftools.flat("\n".join(pages))
    assert "Signed electronically" not in text
    assert "DRAFT — not signed. Last saved 4 Mar 2025, 10:55 UTC." in text
    assert pdftools.info(build(doc))["Title"].endswith("(DRAFT)")


def test_the_draft_watermark_is_drawn_and_a_signed_note_has_none(note_doc: NoteFactory) -> None:
    draft = build(note_doc(signed_at=None, signed_by=None, addenda=()))
    signed = build(note_doc())
    assert pdftools.red_pixels(signed) == 0
    # The diagonal mark covers far more of the page than the red header and last line
    # (a few hundred pixels at this resolution).
    assert pdftools.red_pixels(draft) > 1500


def test_sections_follow_the_template_order_then_extra_sections(note_doc: NoteFactory) -> None:
    doc = note_doc(
        sections={
            "safety": "S-text",
            "old_key": "Kept text",
            "intention": "I-text",
            "focus": "F-text",
            "shift": "   ",
        },
    )
    text = pdftools.flat(pdftools.text(build(doc)))
    order = ["Focus of the session", "Next steps", "Safety and risk", "Old key"]
    positions = [text.index(title) for title in order]
    assert positions == sorted(positions)
    assert "Noticing the shift" not in text  # empty sections are not printed


def test_soap_sections_print_in_soap_order(note_doc: NoteFactory) -> None:
    doc = note_doc(
        template=Template.SOAP,
        sections={"plan": "P", "subjective": "S", "assessment": "A", "objective": "O"},
    )
    text = pdftools.flat(pdftools.text(build(doc)))
    titles = ["Subjective", "Objective", "Assessment", "Plan"]
    assert [text.index(t) for t in titles] == sorted(text.index(t) for t in titles)


def test_addenda_print_in_the_order_written(note_doc: NoteFactory) -> None:
    addenda = tuple(
        AddendumEntry(datetime(2025, 3, 5 + i, 9, 0, tzinfo=UTC), "Dana Reyes, LMFT", f"Fix {i}.")
        for i in range(1, 5)
    )
    text = pdftools.flat(pdftools.text(build(note_doc(addenda=addenda))))
    positions = [text.index(f"Addendum {i} · {5 + i} Mar 2025") for i in range(1, 5)]
    assert positions == sorted(positions)
    assert [text.index(f"Fix {i}.") for i in range(1, 5)] == sorted(
        text.index(f"Fix {i}.") for i in range(1, 5)
    )
    assert text.index("Signed electronically") < positions[0]


def test_every_page_says_confidential_and_page_x_of_y(note_doc: NoteFactory) -> None:
    long_text = "\n".join(f"Paragraph {i}: what the couple explored today." for i in range(200))
    pages = pdftools.pages(build(note_doc(sections={"leaning_in": long_text})))
    total = len(pages)
    assert total >= 3
    for number, page in enumerate(pages, start=1):
        assert "Confidential" in page
        assert f"Page {number} of {total}" in page


def test_unicode_names_round_trip(note_doc: NoteFactory) -> None:
    names = ["Zoë", "Łukasz", "Ngozi", "Ελένη", "Дмитрий", "Søren Ødegård"]
    doc = note_doc(
        case_name="Ελένη & Дмитрий",
        attendance="Both partners (Ελένη, Дмитрий)",
        sections={"focus": " ".join(names)},
    )
    data = build(doc)
    text = pdftools.text(data)
    for name in names:
        assert name in text
    assert pdftools.info(data)["Title"] == "Session note — Ελένη & Дмитрий — 4 Mar 2025"
    rows = pdftools.fonts(data)
    assert rows and all("DejaVuSans" in row for row in rows)
    assert all(row.split()[-5:-2] == ["yes", "yes", "yes"] for row in rows)  # emb sub uni


def test_title_author_and_page_size(note_doc: NoteFactory) -> None:
    a4 = pdftools.info(build(note_doc()))
    assert a4["Title"] == "Session note — Zoë & Łukasz — 4 Mar 2025"
    assert a4["Author"] == "Dana Reyes, LMFT"
    assert "(A4)" in a4["Page size"]
    letter = pdftools.info(build(note_doc(), page_size="Letter"))
    assert "letter" in letter["Page size"].lower()


def test_page_size_names_are_checked() -> None:
    assert layout.page_size_name("letter") == "Letter"
    assert layout.page_size_name(" a4 ") == "A4"
    with pytest.raises(ValidationError, match="A4 or Letter"):
        layout.page_size_name("A5")


def test_a_password_protected_note_needs_its_password(note_doc: NoteFactory) -> None:
    data = build(note_doc(), password="s3cret pass")
    assert not pdftools.readable(data)
    assert not pdftools.readable(data, password="wrong")
    assert "Signed electronically" in pdftools.text(data, password="s3cret pass")
    assert pdftools.info(data, password="s3cret pass")["Encrypted"].startswith("yes")


def test_output_to_a_path_a_binary_file_or_bytes(note_doc: NoteFactory, tmp_path: Path) -> None:
    path = tmp_path / "note.pdf"
    assert build_note(note_doc(), path) is None
    buffer = BytesIO()
    assert build_note(note_doc(), buffer) is None
    as_bytes = build(note_doc())
    for data in (path.read_bytes(), buffer.getvalue(), as_bytes):
        assert data.startswith(b"%PDF-")
        assert "Signed electronically" in pdftools.text(data)
    assert [p.name for p in tmp_path.iterdir()] == ["note.pdf"]  # no temporary file left


def test_a_failed_write_leaves_no_file(note_doc: NoteFactory, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        build_note(note_doc(), tmp_path / "missing-folder" / "note.pdf")
    assert list(tmp_path.iterdir()) == []


def test_progress_rises_to_one(note_doc: NoteFactory) -> None:
    seen: list[float] = []
    build_note(note_doc(), progress=CallbackProgress(lambda d, t: seen.append(d / t)))
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)


def test_an_empty_note_says_so(note_doc: NoteFactory) -> None:
    text = pdftools.flat(pdftools.text(build(note_doc(sections={}))))
    assert "Nothing has been written in this note." in text


def test_text_that_looks_like_markup_prints_as_typed(note_doc: NoteFactory) -> None:
    typed = 'He said <b>never</b> & she said "5 < 6"; tabs\tand   spaces'
    text = pdftools.flat(pdftools.text(build(note_doc(sections={"focus": typed}))))
    assert 'He said <b>never</b> & she said "5 < 6"; tabs and spaces' in text


def test_a_private_individual_session_is_marked(note_doc: NoteFactory) -> None:
    doc = note_doc(attendance="Zoë (individual session)", private=True, partner_steps=())
    text = pdftools.flat(pdftools.text(build(doc)))
    assert "Zoë (individual session)" in text
    assert "Private note (individual session)" in text
    assert "Partners' steps Not recorded" in text


def test_a_very_long_line_prints_whole(note_doc: NoteFactory) -> None:
    sentence = "Zoë said the move changed more than the address. "
    line = sentence * 2000  # 100,000 characters without a line break
    data = build(note_doc(sections={"focus": line}))
    printed = pdftools.flat(pdftools.text(data))
    # Page breaks put headers and footers between lines, never inside a word.
    assert printed.count("address.") == 2000
    assert printed.count("Zoë said") == 2000
    assert int(pdftools.info(data)["Pages"]) > 20


@given(st.text(alphabet=st.sampled_from("ab .?;\u00e9W\u00a0"), max_size=400), st.integers(20, 300))
def test_long_lines_are_wrapped_without_losing_words(line: str, width: int) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    style = styles.clinician().body
    lines = wrap_words(line, style, width)
    assert all(stringWidth(x, style.fontName, style.fontSize) <= width for x in lines)
    assert "".join(lines).replace(" ", "") == "".join(line.split(" "))
    # A line breaks inside a word only when that word is wider than the line.
    words = [w for w in line.split(" ") if w]
    assert [w for w in " ".join(lines).split(" ") if w] == words or any(
        stringWidth(w, style.fontName, style.fontSize) > width for w in words
    )
