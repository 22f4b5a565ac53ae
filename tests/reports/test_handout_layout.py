"""A handout is one page on A4 and on Letter with a message of up to 600 characters; a
longer message moves whole to a second page; a list never leaves its heading."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import texts
from clarity_desktop.reports.handouts import HandoutInput, build_handout, build_overview
from clarity_desktop.reports.layout import PageSizeName
from clarity_desktop.reports.resources import resource_path
from tests.reports import pdftools

SIZES: tuple[PageSizeName, ...] = ("A4", "Letter")
NAMES = ("Beatriz", "Siobhán")
PARAGRAPH_600 = ("We talked about slowing down before the big talks at home. " * 11)[:600]
LINES_600 = "\n".join([("A line of the message, written with a few plain words. " * 3)[:119]] * 5)
LETTER_600 = (
    "Dear Beatriz and Siobhán,\n\n"
    + ("It was good to see how carefully you listened to each other today. " * 8)[:540]
    + "\n\nWarmly, Dana"
)
MESSAGES = {"none": "", "paragraph": PARAGRAPH_600, "lines": LINES_600, "letter": LETTER_600}


def build(
    step: Step, size: PageSizeName, message: str, *, safety: bool = False, **kw: object
) -> bytes:
    data = build_handout(
        HandoutInput(step, NAMES, message, date(2026, 12, 6), safety_aware=safety),
        page_size=size,
        **kw,  # type: ignore[arg-type]
    )
    assert data is not None
    return data


def test_the_messages_tried_are_at_most_600_characters() -> None:
    assert all(len(m) <= 600 for m in MESSAGES.values())
    assert len(PARAGRAPH_600) == 600 and len(LINES_600) == 599


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("safety", [False, True], ids=["usual", "safety-aware"])
@pytest.mark.parametrize("message", list(MESSAGES), ids=list(MESSAGES))
def test_every_handout_fits_one_page(size: PageSizeName, safety: bool, message: str) -> None:
    for step in Step:
        data = build(step, size, MESSAGES[message], safety=safety)
        (page,) = pdftools.pages(data)
        assert "Page 1" not in page  # a one-page handout carries no page label
        printed = pdftools.flat(page)
        assert pdftools.flat(MESSAGES[message]) in printed
        assert "There is no right answer" in printed  # the closing words made it too


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("length", [1_800, 3_000])
def test_a_longer_message_moves_whole_to_the_second_page(size: PageSizeName, length: int) -> None:
    message = ("Something to try at home this week, in small steps. " * 60)[:length]
    for step in Step:
        pages = pdftools.pages(build(step, size, message))
        assert len(pages) == 2, (step, size)
        first, second = (pdftools.flat(p) for p in pages)
        assert "Small practices for this week" in first
        assert "A note from your therapist" not in first
        assert "Something to try" not in first
        assert pdftools.flat(message) in second  # all of it, in one piece
        assert "There is no right answer" in second
        assert "Page 1 of 2" in first and "Page 2 of 2" in second


def _lists_stay_with_their_headings(data: bytes, words: texts.StepText) -> None:
    pages = [pdftools.flat(p) for p in pdftools.pages(data)]
    for heading, items in (
        ("Questions to take home", words.questions),
        ("Small practices for this week", words.practices),
    ):
        (where,) = [i for i, page in enumerate(pages) if heading in page]
        for item in items:
            assert pdftools.flat(item) in pages[where], (heading, item[:30], where)


@pytest.mark.parametrize("size", SIZES)
def test_lists_stay_with_their_headings_when_a_page_is_full(
    size: PageSizeName, tmp_path: Path
) -> None:
    """A practice lengthens its texts until the page overflows: a list moves whole to the
    next page with its heading rather than leaving a stray item behind."""
    folder = tmp_path / "handouts"
    shutil.copytree(resource_path("handouts"), folder)
    for extra in range(0, 12, 3):
        page = folder / "step-3.md"
        text = (resource_path("handouts") / "step-3.md").read_text(encoding="utf-8")
        more = "".join(f"\n- A further question to think over, number {i}?" for i in range(extra))
        page.write_text(text.replace("## questions\n", "## questions\n" + more + "\n"), "utf-8")
        words = texts.load_step(Step.LEAN_IN, folder)
        data = build_handout(
            HandoutInput(Step.LEAN_IN, NAMES, PARAGRAPH_600), page_size=size, folder=folder
        )
        assert data is not None
        _lists_stay_with_their_headings(data, words)


@pytest.mark.parametrize("size", SIZES)
def test_the_overview_is_one_page(size: PageSizeName) -> None:
    data = build_overview(page_size=size)
    assert data is not None
    assert pdftools.info(data)["Pages"] == "1"
