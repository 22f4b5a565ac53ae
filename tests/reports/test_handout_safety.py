"""The safety-aware handout, for a case with a safety flag: practices a person does on
their own in place of joint exercises, and nothing on the page that says why."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import texts
from clarity_desktop.reports.handouts import HandoutInput, build_handout
from clarity_desktop.reports.resources import resource_path
from clarity_desktop.reports.texts import HandoutTextError
from tests.reports import pdftools

# Wording that asks the partners to do something together, or with each other.
JOINT = re.compile(
    r"each other|together|take turns|\bswap\b|both of you|with your partner|tell your partner|"
    r"ask your partner|\bagree\b|hear the other|you both",
    re.IGNORECASE,
)
# In a question, reflecting on the partner is fine; asking for something done together is not.
JOINT_IN_A_QUESTION = re.compile(
    r"each other|take turns|both of you|hear the other|you both|with them", re.IGNORECASE
)
# A handout may be read by the other partner: it never says it is a safety version.
GIVES_AWAY = re.compile(r"safety|abus|violen|danger|\bflag|\bunsafe|\brisk", re.IGNORECASE)


def printed(step: Step, *, safety: bool) -> str:
    data = build_handout(HandoutInput(step, ("Ngozi",), safety_aware=safety))
    assert data is not None
    return pdftools.flat(pdftools.text(data))


@pytest.mark.parametrize("step", list(Step))
def test_the_safety_aware_practices_are_for_one_person(step: Step) -> None:
    words = texts.load_step(step, safety_aware=True)
    assert words.safety_aware
    assert 3 <= len(words.practices) <= 5
    for item in words.practices:
        assert JOINT.findall(item) == [], item
    for item in words.questions:
        assert JOINT_IN_A_QUESTION.findall(item) == [], item
    text = printed(step, safety=True)
    for item in (*words.practices, *words.questions):
        assert pdftools.flat(item) in text
    assert GIVES_AWAY.findall(text) == []


def test_the_usual_handouts_hold_the_joint_exercises_the_safe_ones_replace() -> None:
    """The check above can fail: the usual texts do hold joint exercises."""
    for step, exercise in (
        (Step.NAME_WHATS_HAPPENING, "Take turns"),
        (Step.LEAN_IN, "Ask each other"),
        (Step.FIND_YOUR_DIRECTION, "Tell your partner where you are leaning"),
        (Step.MOVE_FORWARD, "agree together"),
    ):
        assert exercise in printed(step, safety=False)
        assert exercise not in printed(step, safety=True)
        assert JOINT.findall(" ".join(texts.load_step(step).practices))


def test_the_safety_aware_version_keeps_the_rest_of_the_handout() -> None:
    usual = texts.load_step(Step.LEAN_IN)
    safe = texts.load_step(Step.LEAN_IN, safety_aware=True)
    assert (safe.title, safe.about, safe.closing) == (usual.title, usual.about, usual.closing)
    text = printed(Step.LEAN_IN, safety=True)
    for heading in ("Questions to take home", "Small practices for this week"):
        assert heading in text


def test_a_step_file_without_safer_practices_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "handouts"
    shutil.copytree(resource_path("handouts"), folder)
    page = folder / "step-2.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("## safer practices")] + "## closing\nBye.\n", "utf-8")
    assert texts.load_step(Step.NAME_WHATS_HAPPENING, folder).practices  # usual: fine
    with pytest.raises(HandoutTextError, match="step-2.md: the “safer practices” section needs"):
        texts.load_step(Step.NAME_WHATS_HAPPENING, folder, safety_aware=True)
