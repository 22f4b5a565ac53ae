"""Client handouts and the five-step overview, read back as a client would read them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import texts
from clarity_desktop.reports.handouts import HandoutInput, build_handout, build_overview
from clarity_desktop.reports.layout import PageSizeName
from clarity_desktop.reports.resources import resource_path
from tests.reports import pdftools

# Words a client should never meet on a handout.
JARGON = re.compile(
    r"pursu|withdraw|\bIPV\b|\bDAP\b|\bSOAP\b|ambivalen|intervention|diagnos|clinical|"
    r"flooding|co-?regulat|de-?escalat|assessment|polariz|dysregulat|client|patient|"
    r"session note|confidential",
    re.IGNORECASE,
)


def handout(
    step: Step,
    names: tuple[str, ...] = ("Zoë", "Łukasz"),
    *,
    page_size: PageSizeName = "A4",
    password: str | None = None,
    **fields: object,
) -> bytes:
    data = build_handout(
        HandoutInput(step, names, **fields),  # type: ignore[arg-type]
        page_size=page_size,
        password=password,
    )
    assert data is not None
    return data


def overview(**kwargs: object) -> bytes:
    data = build_overview(**kwargs)  # type: ignore[arg-type]
    assert data is not None
    return data


@pytest.mark.parametrize("step", list(Step))
def test_each_step_handout_prints_its_whole_text(step: Step) -> None:
    words = texts.load_step(step)
    printed = pdftools.flat(pdftools.text(handout(step)))
    assert f"Step {int(step)} of 5" in printed
    assert words.title == step.title  # the shipped files use the framework's names
    assert "For Zoë and Łukasz" in printed
    for heading in (
        "What this step is about",
        "Questions to take home",
        "Small practices for this week",
        "A note from your therapist",
    ):
        assert heading in printed
    for part in (*words.about, *words.questions, *words.practices, *words.closing):
        assert pdftools.flat(part) in printed
    for other in Step:
        assert other.title in printed  # the five-step track shows where this step sits


@pytest.mark.parametrize("step", list(Step))
def test_each_step_text_has_room_for_reflection_and_practice(step: Step) -> None:
    words = texts.load_step(step)
    assert 4 <= len(words.questions) <= 6
    assert 3 <= len(words.practices) <= 5
    assert all(q.endswith("?") for q in words.questions)
    assert words.closing, "every handout ends on the non-directive note"


@pytest.mark.parametrize("step", list(Step))
def test_handouts_speak_plainly(step: Step) -> None:
    printed = pdftools.text(handout(step))
    assert JARGON.findall(printed) == []
    assert "clarity" in printed.lower()


def test_the_overview_speaks_plainly_and_names_every_step() -> None:
    data = overview()
    printed = pdftools.flat(pdftools.text(data))
    assert JARGON.findall(printed) == []
    words = texts.load_overview()
    assert pdftools.flat(words.title) in printed
    for step, title, description in words.steps:
        assert title == step.title
        assert pdftools.flat(description) in printed
    assert "not to stay or to leave" in printed


def test_the_message_is_printed_as_typed() -> None:
    message = "Zoë & Łukasz: one <small> step, then rest.\n\nWith warmth, Dana"
    printed = pdftools.flat(pdftools.text(handout(Step.LEAN_IN, message=message)))
    assert "Zoë & Łukasz: one <small> step, then rest. With warmth, Dana" in printed


def test_without_a_message_the_box_leaves_lines_to_write_on() -> None:
    with_lines = pdftools.pages(handout(Step.LEAN_IN))
    assert "A note from your therapist" in with_lines[-1]
    last = with_lines[-1]
    after = last[last.index("A note from your therapist") :]
    assert "There is no right answer" in after  # nothing printed in the box itself
    assert after.split("\n")[1].strip() == ""


def test_one_partner_handout_names_only_that_partner() -> None:
    printed = pdftools.flat(pdftools.text(handout(Step.NOTICE_THE_SHIFT, ("Ngozi",))))
    assert "For Ngozi" in printed
    assert " and " not in printed.split("For Ngozi")[1][:5]


@pytest.mark.parametrize("names", [("Ελένη",), ("Дмитрий", "Ngozi"), ("Zoë", "Łukasz")])
def test_unicode_first_names_round_trip(names: tuple[str, ...]) -> None:
    data = handout(Step.FIND_YOUR_DIRECTION, names, message=" ".join(names))
    printed = pdftools.text(data)
    for name in names:
        assert printed.count(name) >= 2  # the greeting and the message
    assert all(name in pdftools.info(data)["Title"] for name in names)


def test_title_and_author_metadata() -> None:
    info = pdftools.info(handout(Step.LEAN_IN, author="Dana Reyes, LMFT"))
    assert info["Title"] == "Lean In — for Zoë and Łukasz"
    assert info["Author"] == "Dana Reyes, LMFT"
    info = pdftools.info(overview(author="Dana Reyes, LMFT"))
    assert info["Title"] == "Five steps toward clarity"
    assert info["Author"] == "Dana Reyes, LMFT"


def test_the_handout_date_is_printed_when_given() -> None:
    from datetime import date

    printed = pdftools.flat(pdftools.text(handout(Step.LEAN_IN, given_on=date(2026, 11, 23))))
    assert "For Zoë and Łukasz · 23 Nov 2026" in printed


def test_a_password_protected_handout_needs_its_password() -> None:
    data = handout(Step.MOVE_FORWARD, password="for-your-eyes")
    assert not pdftools.readable(data)
    assert "Move Forward with Intention" in pdftools.text(data, password="for-your-eyes")


def test_a_practice_can_edit_the_texts(tmp_path: Path) -> None:
    folder = tmp_path / "handouts"
    shutil.copytree(resource_path("handouts"), folder)
    page = folder / "step-2.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "## practices\n", "## practices\n\n- Walk together after dinner, phones at home.\n"
        ),
        encoding="utf-8",
    )
    data = build_handout(HandoutInput(Step.NAME_WHATS_HAPPENING, ("Zoë",)), folder=folder)
    assert data is not None
    assert "Walk together after dinner, phones at home." in pdftools.flat(pdftools.text(data))


@pytest.mark.parametrize("message", ["word " * 600, "A line of the message.\n" * 130])
def test_a_long_message_continues_overleaf(message: str) -> None:
    data = handout(Step.LEAN_IN, ("Zoë",), message=message, page_size="Letter")
    printed = re.sub(r"Page \d+ of \d+", " ", pdftools.text(data))
    assert pdftools.flat(message) in pdftools.flat(printed)
