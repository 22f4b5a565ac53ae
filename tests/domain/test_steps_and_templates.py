"""The five steps as the clinician sees them, and note templates that never lose text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.steps import Direction, Step, parse_step
from clarity_desktop.domain.templates import SECTIONS, Template, ordered_sections


def test_steps_carry_the_frameworks_own_names_in_order() -> None:
    assert [s.title for s in Step] == [
        "Notice the Shift",
        "Name What's Happening",
        "Lean In",
        "Find Your Direction",
        "Move Forward with Intention",
    ]
    assert [int(s) for s in Step] == [1, 2, 3, 4, 5]


def test_step_label_shows_number_and_name() -> None:
    assert Step.LEAN_IN.label == "3 · Lean In"
    assert Step.MOVE_FORWARD.label == "5 · Move Forward with Intention"


def test_every_step_has_a_short_description() -> None:
    assert all(s.short.strip() for s in Step)
    assert len({s.short for s in Step}) == 5


def test_direction_titles() -> None:
    assert [d.title for d in Direction] == ["Repair", "Redefinition", "Letting go", "Not yet clear"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, Step.NOTICE_THE_SHIFT), ("3", Step.LEAN_IN), (" 5 ", Step.MOVE_FORWARD), (4, Step(4))],
)
def test_parse_step_accepts_numbers_one_to_five(value: int | str, expected: Step) -> None:
    assert parse_step(value) is expected


@pytest.mark.parametrize("value", [0, 6, -1, "", "three", "3.0", "Lean In", None])
def test_parse_step_refuses_anything_else_clearly(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        parse_step(value)  # type: ignore[arg-type]
    assert info.value.field == "step"
    assert "1 to 5" in str(info.value)
    assert repr(value) in str(info.value)


@given(st.one_of(st.text(max_size=12), st.integers()))
def test_parse_step_is_a_step_or_a_validation_error(value: int | str) -> None:
    try:
        step = parse_step(value)
    except ValidationError:
        return
    assert 1 <= int(step) <= 5


def test_ordered_sections_follow_the_template_order() -> None:
    out = ordered_sections(Template.SOAP, {"plan": "P", "subjective": "S"})
    assert [k for k, _, _ in out] == ["subjective", "objective", "assessment", "plan"]
    assert [t for _, _, t in out] == ["S", "", "", "P"]
    assert out[0][1] == "Subjective"


def test_switching_template_keeps_extra_non_empty_sections_after_its_own() -> None:
    texts = {
        "data": "Both arrived late; Zoë tearful.",  # from DAP
        "plan": "   ",  # from DAP, but empty: not worth showing
        "focus": "Repair after the argument.",
        "my_own_heading": "Something custom",
    }
    out = ordered_sections(Template.FIVE_STEPS, texts)
    own = [s.key for s in SECTIONS[Template.FIVE_STEPS]]
    assert [k for k, _, _ in out[: len(own)]] == own
    assert out[0] == ("focus", "Focus of the session", "Repair after the argument.")
    extras = out[len(own) :]
    assert extras == [
        ("data", "Data", "Both arrived late; Zoë tearful."),
        ("my_own_heading", "My own heading", "Something custom"),
    ]


@given(
    st.sampled_from(list(Template)),
    st.dictionaries(
        st.sampled_from(sorted({s.key for specs in SECTIONS.values() for s in specs})),
        st.text(max_size=20),
    ),
)
def test_no_written_text_is_ever_dropped_by_a_template(
    template: Template, texts: dict[str, str]
) -> None:
    shown = {k: t for k, _, t in ordered_sections(template, texts)}
    for key, text in texts.items():
        if text.strip():
            assert shown[key] == text
