"""The step guidance and the handouts agree, in every language: each guidance line names a
handout in its language and quotes only questions and practices that handout holds; and
the overview is in our own words."""

from __future__ import annotations

import re

import pytest

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import texts
from clarity_desktop.services.guidance import step_guidance

QUOTED = re.compile(r"“([^”]+)”")


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


STEP_WORD = {Language.EN: "step", Language.ES: "paso"}


def mismatches(line: str, language: Language = Language.EN) -> list[str]:
    """What in a guidance Handout *line* the handout it names (in *language*) does not hold."""
    quotes = QUOTED.findall(line)
    if not quotes:
        return ["names no handout"]
    titles = {texts.load_step(s, language=language).title: s for s in Step}
    step = titles.get(quotes[0])
    if step is None:
        return [f"no handout is called “{quotes[0]}”"]
    problems = []
    if f"“{quotes[0]}” ({STEP_WORD[language]} {int(step)})" not in line:
        problems.append(f"the handout “{quotes[0]}” is step {int(step)}")
    words = texts.load_step(step, language=language)
    held = _flat(" ".join((*words.questions, *words.practices)))
    problems += [
        f"“{q}” is not in the step {int(step)} handout" for q in quotes[1:] if _flat(q) not in held
    ]
    return problems


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("step", list(Step))
def test_each_guidance_line_matches_the_handout_it_names(step: Step, language: Language) -> None:
    line = step_guidance(step, language=language).handout
    assert mismatches(line, language) == []
    quotes = QUOTED.findall(line)
    # each step points to its own handout, in the same language
    assert quotes[0] == texts.load_step(step, language=language).title
    assert len(quotes) >= 3, "a question or practice is quoted, not only the title"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        # What step 4's guidance used to promise: questions from steps 2 and 3.
        (
            "“Find Your Direction” (step 4): “Does this relationship bring you a sense of peace”",
            "is not in the step 4 handout",
        ),
        # What step 5's used to: a weekly check-in, where the handout has a daily one.
        (
            "“Move Forward with Intention” (step 5): “Check in together once a week”",
            "is not in the step 5 handout",
        ),
        ("“Where you are: Lean In”, with the stay-curious practice", "no handout is called"),
        ("“Lean In” (step 2): “Stay curious”", "is step 3"),
    ],
)
def test_the_check_catches_a_promise_the_handout_does_not_keep(line: str, problem: str) -> None:
    assert any(problem in found for found in mismatches(line))


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        # An English quotation in the Spanish guidance: the Spanish handout does not hold it.
        ("“Explorar sin prisa” (paso 3): “Stay curious”", "is not in the step 3 handout"),
        # The English title: there is no Spanish handout by that name.
        ("“Lean In” (paso 3): “Mantén la curiosidad”", "no handout is called"),
        ("“Explorar sin prisa” (step 3): “Mantén la curiosidad”", "is step 3"),
    ],
)
def test_the_check_catches_a_spanish_line_the_spanish_handout_does_not_keep(
    line: str, problem: str
) -> None:
    assert any(problem in found for found in mismatches(line, Language.ES))


def test_the_spanish_guidance_is_spanish() -> None:
    spanish = step_guidance(Step.LEAN_IN, language=Language.ES)
    english = step_guidance(Step.LEAN_IN)
    assert spanish.title == "Explorar sin prisa" and english.title == "Lean In"
    assert spanish.explore != english.explore and spanish.avoid != english.avoid


def test_step_5_promises_the_check_in_the_handout_has() -> None:
    line = step_guidance(Step.MOVE_FORWARD).handout
    assert "daily" in line and "weekly check-in" not in line
    practices = " ".join(texts.load_step(Step.MOVE_FORWARD).practices)
    assert "At the end of each day" in practices


def test_the_overview_is_written_in_our_own_words() -> None:
    overview = texts.load_overview()
    first = dict((step, description) for step, _t, description in overview.steps)[
        Step.NOTICE_THE_SHIFT
    ]
    assert "Something feels different" not in first
    assert first.startswith("A change has begun to show")
