"""Checking and scoring an answer set against its instrument's definition."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.instrument_files import load_instruments
from clarity_desktop.domain.instruments import (
    TOTAL,
    Band,
    Change,
    Instrument,
    band,
    change,
    check_answers,
    score,
    scores,
)
from clarity_desktop.domain.languages import Language
from tests.domain.instrument_examples import SHIPPED, licensed

OURS = {i.id: i for i in load_instruments(SHIPPED)}
CHECK_IN = OURS["session_check_in"]
AMBIVALENCE = OURS["ambivalence_check"]
ALL = [CHECK_IN, AMBIVALENCE, licensed()]


def answer_sets(instrument: Instrument) -> st.SearchStrategy[dict[str, int | None]]:
    values = st.integers(instrument.scale.low, instrument.scale.high)
    return st.fixed_dictionaries(
        {item.id: (st.none() | values) if item.skippable else values for item in instrument.items}
    )


@st.composite
def instrument_and_answers(draw: st.DrawFn) -> tuple[Instrument, dict[str, int | None]]:
    instrument = draw(st.sampled_from(ALL))
    return instrument, draw(answer_sets(instrument))


@given(instrument_and_answers())
def test_every_score_stays_within_the_range_its_definition_allows(
    case: tuple[Instrument, dict[str, int | None]],
) -> None:
    instrument, answers = case
    assert check_answers(instrument, answers) == answers
    for scoring in instrument.scores:
        value = score(instrument, scoring, answers)
        low, high = instrument.score_range(scoring)
        skipped = sum(answers[i] is None for i in scoring.item_ids)
        if skipped > scoring.max_skipped:
            assert value is None
        else:
            assert value is not None and low - 1e-9 <= value <= high + 1e-9


@given(
    st.sampled_from(ALL).flatmap(
        lambda i: st.tuples(st.just(i), st.integers(i.scale.low, i.scale.high))
    )
)
def test_reversing_twice_gives_the_answer_back(case: tuple[Instrument, int]) -> None:
    instrument, value = case
    scale = instrument.scale
    assert scale.reverse(scale.reverse(value)) == value
    assert scale.reverse(value) in scale.values


def test_a_reversed_item_counts_the_other_way_round() -> None:
    calm = {"safe_to_speak": 4, "heard": 4, "clarity": 4, "hope": 4, "pressure": 0}
    pushed = {**calm, "pressure": 4}
    assert scores(CHECK_IN, calm)[TOTAL] == 4.0
    assert scores(CHECK_IN, pushed)[TOTAL] == pytest.approx(16 / 5)


def test_the_ambivalence_check_scores_how_torn_clear_and_pressured_never_a_total() -> None:
    assert [s.id for s in AMBIVALENCE.scores] == ["torn", "clarity", "pressure"]
    answers = {
        "pulled_both_ways": 4,
        "swinging": 2,
        "can_put_into_words": 1,
        "foggy": 4,  # reversed: very foggy is little clarity
        "must_decide_soon": 0,
        "hurried": None,
    }
    got = scores(AMBIVALENCE, answers)
    assert got == {"torn": 3.0, "clarity": 0.5, "pressure": None}


def test_a_skipped_item_in_a_sum_is_prorated_not_read_as_a_low_answer() -> None:
    scale = licensed()
    total = scale.scoring(TOTAL)
    whole = {"a": 4, "b": 3, "c": 4, "d": 4}  # b reversed: 1 + 6 - 3 = 4
    assert score(scale, total, whole) == 16
    assert score(scale, total, {**whole, "c": None}) == 16
    assert score(scale, total, {"a": 4, "b": None, "c": None, "d": 4}) is None


def test_bands_and_reliable_change_only_where_the_definition_gives_them() -> None:
    total = licensed().scoring(TOTAL)
    assert band(total, 13.9) is Band.BELOW and band(total, 14) is Band.AT_OR_ABOVE
    assert band(total, None) is None
    assert change(total, 10, 15) is Change.WITHIN_NOISE
    assert change(total, 10, 15.5) is Change.RELIABLE_RISE
    assert change(total, 20, 12) is Change.RELIABLE_FALL
    session_total = CHECK_IN.scoring(TOTAL)
    assert band(session_total, 3.0) is None
    assert change(session_total, 0.0, 4.0) is None


@pytest.mark.parametrize(
    ("answers", "code", "number"),
    [
        (
            {"safe_to_speak": 2, "heard": 2, "clarity": 2, "hope": 2},
            ErrorCode.MEASURE_ITEM_UNANSWERED,
            5,
        ),
        (
            {"safe_to_speak": 5, "heard": 2, "clarity": 2, "hope": 2, "pressure": 1},
            ErrorCode.MEASURE_ANSWER_OFF_SCALE,
            1,
        ),
        (
            {"safe_to_speak": True, "heard": 2, "clarity": 2, "hope": 2, "pressure": 1},
            ErrorCode.MEASURE_ANSWER_OFF_SCALE,
            1,
        ),
    ],
)
def test_an_answer_set_that_does_not_fit_is_refused_naming_the_question(
    answers: dict[str, int | None], code: ErrorCode, number: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_answers(CHECK_IN, answers)
    assert caught.value.code is code
    assert caught.value.params["number"] == number


def test_only_an_item_the_definition_lets_go_may_be_skipped() -> None:
    with pytest.raises(ValidationError) as caught:
        check_answers(licensed(), {"a": None, "b": 1, "c": 1, "d": 1})
    assert caught.value.code is ErrorCode.MEASURE_ITEM_NOT_SKIPPABLE
    assert check_answers(licensed(), {"a": 1, "b": 1, "c": None, "d": 1})["c"] is None
    with pytest.raises(ValidationError) as stray:
        check_answers(licensed(), {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1})
    assert stray.value.code is ErrorCode.MEASURE_NOT_AN_ITEM


def test_texts_come_in_the_partner_s_language_and_fall_back_to_the_first() -> None:
    assert CHECK_IN.item("heard").text.in_language(Language.ES).startswith("Sentí")
    assert CHECK_IN.scale.label(4) is not None
    assert CHECK_IN.scale.label(4).in_language("es") == "Mucho"  # type: ignore[union-attr]
    assert licensed().title.in_language(Language.ES) == "Practice scale"
