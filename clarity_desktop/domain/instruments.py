"""Instruments each partner answers (a session check-in, an ambivalence check, a practice's
own licensed questionnaire), and how an answer set is checked and scored.

An instrument is data, read from a definition file by domain/instrument_files.py: its items,
its response scale, the scores it gives (a total and/or subscales, each a sum or a mean of
some items, some reversed) and, only where the definition knows them, a cut-off and a
reliable-change value. Nothing here knows a particular instrument, so a practice can add one
without code.

Non-directive on purpose: a score says how a partner answered, never which way a couple
should go. Our own ambivalence check measures how torn, how clear and how pressured a person
feels, not toward what; bands and changes are named "below / at or above the cut-off" and
"rose / fell", never better or worse.

Answers are ``{item_id: value}``; ``None`` is an item the partner explicitly skipped (only an
item whose definition allows it). A score needs enough answers: more skips than its
``max_skipped`` leaves it ``None`` rather than guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.languages import Language

Answers = Mapping[str, int | None]

TOTAL = "total"  # the id of an instrument's total score, beside its subscales' ids


class AnswerSource(StrEnum):
    """Where an answer set came from: typed by the partner on the clinic screen, or
    copied in by the therapist from a printed form."""

    SCREEN = "screen"
    PAPER = "paper"


class Method(StrEnum):
    """How a score combines its items: their sum, or their mean (which keeps the score
    on the response scale, whatever the number of items)."""

    SUM = "sum"
    MEAN = "mean"


class Band(StrEnum):
    BELOW = "below"
    AT_OR_ABOVE = "at_or_above"


class Change(StrEnum):
    """A change between two answer sets, set against the definition's reliable-change
    value: bigger than the wobble of answering twice, or within it."""

    RELIABLE_RISE = "reliable_rise"
    RELIABLE_FALL = "reliable_fall"
    WITHIN_NOISE = "within_noise"


@dataclass(frozen=True)
class Text:
    """One text in each language the definition gives it in (the first is the fallback)."""

    by_language: tuple[tuple[Language, str], ...]

    def in_language(self, language: Language | str) -> str:
        for code, words in self.by_language:
            if code == language:
                return words
        return self.by_language[0][1]

    @property
    def languages(self) -> tuple[Language, ...]:
        return tuple(code for code, _ in self.by_language)


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: Text


@dataclass(frozen=True)
class ResponseScale:
    """Whole numbers from ``low`` to ``high``; ``labels`` name some or all of the points
    (at least both ends)."""

    low: int
    high: int
    labels: tuple[ScalePoint, ...]

    @property
    def values(self) -> range:
        return range(self.low, self.high + 1)

    def label(self, value: int) -> Text | None:
        return next((p.label for p in self.labels if p.value == value), None)

    def reverse(self, value: int) -> int:
        """The value read the other way round: low <-> high."""
        return self.low + self.high - value


@dataclass(frozen=True)
class Item:
    id: str
    number: int  # 1-based, as printed
    text: Text
    reversed: bool = False
    skippable: bool = False


@dataclass(frozen=True)
class Scoring:
    """One score an instrument gives: its total (id ``total``) or a subscale."""

    id: str
    title: Text
    item_ids: tuple[str, ...]
    method: Method = Method.MEAN
    max_skipped: int = 0
    cutoff: float | None = None
    reliable_change: float | None = None
    below: Text | None = None  # what a score under the cut-off means, in the definition's words
    at_or_above: Text | None = None


@dataclass(frozen=True)
class Instrument:
    id: str
    version: int
    title: Text
    intro: Text
    languages: tuple[Language, ...]
    scale: ResponseScale
    items: tuple[Item, ...]
    scores: tuple[Scoring, ...]  # the total first, when there is one
    source: str = ""  # the file it was read from, for messages
    shipped: bool = True  # False: the practice's own definition

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def scoring(self, scoring_id: str) -> Scoring:
        for scoring in self.scores:
            if scoring.id == scoring_id:
                return scoring
        raise KeyError(scoring_id)

    def score_range(self, scoring: Scoring) -> tuple[float, float]:
        """The lowest and highest score *scoring* can give."""
        if scoring.method is Method.MEAN:
            return float(self.scale.low), float(self.scale.high)
        n = len(scoring.item_ids)
        return float(n * self.scale.low), float(n * self.scale.high)


def check_answers(instrument: Instrument, answers: Answers) -> dict[str, int | None]:
    """*answers* made whole and checked: every item answered or (where allowed) skipped,
    every value on the scale, nothing that is not an item. Raises ValidationError naming
    the first problem by the item's printed number; returns the answers in item order."""
    known = {item.id for item in instrument.items}
    for item_id in answers:
        if item_id not in known:
            raise ValidationError(
                ErrorCode.MEASURE_NOT_AN_ITEM, "answers", item=item_id, measure=instrument.id
            )
    checked: dict[str, int | None] = {}
    scale = instrument.scale
    for item in instrument.items:
        if item.id not in answers:
            raise ValidationError(ErrorCode.MEASURE_ITEM_UNANSWERED, item.id, number=item.number)
        value = answers[item.id]
        if value is None:
            if not item.skippable:
                raise ValidationError(
                    ErrorCode.MEASURE_ITEM_NOT_SKIPPABLE, item.id, number=item.number
                )
        elif isinstance(value, bool) or not isinstance(value, int) or value not in scale.values:
            raise ValidationError(
                ErrorCode.MEASURE_ANSWER_OFF_SCALE,
                item.id,
                number=item.number,
                value=value,
                low=scale.low,
                high=scale.high,
            )
        checked[item.id] = value
    return checked


def item_value(instrument: Instrument, item_id: str, answers: Answers) -> int | None:
    """The item's answer as it counts in a score: reversed items read the other way."""
    value = answers.get(item_id)
    if value is None:
        return None
    item = instrument.item(item_id)
    return instrument.scale.reverse(value) if item.reversed else value


def score(instrument: Instrument, scoring: Scoring, answers: Answers) -> float | None:
    """One score of an answer set, or None when more items were skipped than the
    definition allows. A sum with skipped items is prorated (the mean of the answered
    items times the number of items), so a skip never reads as a low score."""
    values = [item_value(instrument, i, answers) for i in scoring.item_ids]
    given = [v for v in values if v is not None]
    if not given or len(values) - len(given) > scoring.max_skipped:
        return None
    mean = sum(given) / len(given)
    return mean if scoring.method is Method.MEAN else mean * len(values)


def scores(instrument: Instrument, answers: Answers) -> dict[str, float | None]:
    """Every score of an answer set, by scoring id (``total`` and the subscales)."""
    return {s.id: score(instrument, s, answers) for s in instrument.scores}


def band(scoring: Scoring, value: float | None) -> Band | None:
    """Which side of the definition's cut-off *value* falls; None without either."""
    if scoring.cutoff is None or value is None:
        return None
    return Band.AT_OR_ABOVE if value >= scoring.cutoff else Band.BELOW


def change(scoring: Scoring, before: float | None, after: float | None) -> Change | None:
    """Whether the move from *before* to *after* is bigger than the definition's
    reliable-change value; None when the definition gives none or a score is missing."""
    if scoring.reliable_change is None or before is None or after is None:
        return None
    moved = after - before
    if abs(moved) < scoring.reliable_change:
        return Change.WITHIN_NOISE
    return Change.RELIABLE_RISE if moved > 0 else Change.RELIABLE_FALL
