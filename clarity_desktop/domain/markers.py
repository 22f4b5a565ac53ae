"""Moments marked during a session, and what they suggest for the note.

In session mode the therapist taps one key as something happens: a loop episode (who
pursued, who withdrew), a partner flooding, a moment of co-regulation, a repair attempt
(and, a moment later, whether it landed), a quote worth keeping. When the session ends,
the markers suggest the Dynamics readings and a "Moments" summary for the note; the
therapist confirms or changes every value before anything is saved.

The suggestions only count what was tapped. Loop intensity is a judgement the markers
cannot make; they propose a starting point from how often the loop showed and whether
anyone flooded (:func:`suggested_intensity`), and say what it was drawn from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from clarity_desktop.domain.dynamics import (
    MAX_SHORT_NOTE,
    POSITION_MAX,
    POSITION_MIN,
    CoupleReading,
    Loop,
    PartnerReading,
)
from clarity_desktop.domain.errors import ErrorCode, ValidationError
from clarity_desktop.domain.templates import MOMENTS, SESSION_PAD

MAX_QUOTE = 500
MOMENTS_KEY = MOMENTS  # the note section the summary goes into
PAD_KEY = SESSION_PAD  # the note section session mode's note pad writes


class MarkerKind(Enum):
    LOOP_EPISODE = "loop_episode"
    FLOODING = "flooding"
    CO_REGULATION = "co_regulation"
    REPAIR_ATTEMPT = "repair_attempt"
    QUOTE = "quote"


@dataclass(frozen=True)
class Marker:
    """One tap. *at* is local wall-clock time here (the service converts)."""

    id: int
    at: datetime
    kind: MarkerKind
    partner_id: int | None = None  # who pursued / flooded / attempted the repair / said it
    other_partner_id: int | None = None  # who withdrew, in a loop episode
    landed: bool | None = None  # a repair: did it land? None: not said
    text: str = ""  # a quote


def validate_marker(
    kind: MarkerKind,
    partner_id: int | None,
    other_partner_id: int | None,
    text: str,
    allowed: set[int],
) -> str:
    """Check a new marker against the partners in the room; returns the cleaned text."""
    for pid in (partner_id, other_partner_id):
        if pid is not None and pid not in allowed:
            raise ValidationError(ErrorCode.MARKER_CAN_ONLY_NAME_PARTNER)
    if kind is MarkerKind.LOOP_EPISODE:
        if partner_id is None or other_partner_id is None or partner_id == other_partner_id:
            raise ValidationError(ErrorCode.LOOP_EPISODE_NAMES_PARTNER_WHO)
    elif other_partner_id is not None:
        raise ValidationError(ErrorCode.ONLY_LOOP_EPISODE_NAMES_SECOND)
    if kind is MarkerKind.FLOODING and partner_id is None:
        raise ValidationError(ErrorCode.FLOODING_MARKER_NAMES_PARTNER_WHO)
    clean = " ".join(text.split())
    if kind is MarkerKind.QUOTE:
        if not clean:
            raise ValidationError(ErrorCode.PLEASE_TYPE_WORDS_WORTH_KEEPING)
        if len(clean) > MAX_QUOTE:
            raise ValidationError(ErrorCode.QUOTE_MOST_CHARACTERS, max_quote=MAX_QUOTE)
    elif clean:
        raise ValidationError(ErrorCode.ONLY_QUOTE_CARRIES_TEXT)
    return clean


# -- suggestions --------------------------------------------------------------------------


def _of(markers: Sequence[Marker], kind: MarkerKind) -> list[Marker]:
    return [m for m in markers if m.kind is kind]


def suggested_intensity(episodes: int, floods: int) -> int | None:
    """A starting point for loop intensity (0-10): 3, plus one per loop episode, plus two
    per flooding, at most 10; None when neither was marked (nothing to suggest)."""
    if episodes == 0 and floods == 0:
        return None
    return min(10, 3 + episodes + 2 * floods)


def suggested_position(pursued: int, withdrew: int) -> int | None:
    """Where a partner stood, from the episodes they pursued and withdrew in: the balance
    scaled to -3..+3, gentle with few episodes (one episode: ±1, two alike: ±2)."""
    n = pursued + withdrew
    if n == 0:
        return None
    value = round(3 * (pursued - withdrew) / max(n, 3))
    return max(POSITION_MIN, min(POSITION_MAX, value))


@dataclass(frozen=True)
class Suggestion:
    partner_readings: dict[int, PartnerReading]
    couple: CoupleReading | None
    reasons: tuple[str, ...]  # what each suggestion was drawn from, for the review


def suggest(
    markers: Sequence[Marker],
    names: dict[int, str],
    current: dict[int, PartnerReading],
    current_couple: CoupleReading | None,
    joint: bool,
) -> Suggestion:
    """The readings to propose at the end of a session: the note's current readings with
    what the markers speak to filled in. Counted things (loops seen, who flooded,
    co-regulation, repairs) come from the markers whenever any were marked; judgements
    (a partner's position, loop intensity) only fill a blank, never replace a value the
    therapist set. Loops and flooding are only ever added."""
    episodes = _of(markers, MarkerKind.LOOP_EPISODE)
    floods = _of(markers, MarkerKind.FLOODING)
    co_reg = _of(markers, MarkerKind.CO_REGULATION)
    repairs = _of(markers, MarkerKind.REPAIR_ATTEMPT)
    reasons: list[str] = []
    readings: dict[int, PartnerReading] = {}
    for pid, name in names.items():
        reading = current.get(pid, PartnerReading())
        pursued = sum(1 for m in episodes if m.partner_id == pid)
        withdrew = sum(1 for m in episodes if m.other_partner_id == pid)
        position = suggested_position(pursued, withdrew)
        episodes_text = (
            f"pursued in {pursued} and withdrew in {withdrew} of the loop episodes marked"
        )
        if position is not None and reading.position is None:
            reading = replace(reading, position=position)
            reasons.append(f"{name}'s position {_signed(position)}: {episodes_text}.")
        elif position is not None and reading.position != position:
            reasons.append(
                f"{name}'s position stays {_signed(reading.position or 0)} as you recorded it; "
                f"{name} {episodes_text}, which suggests {_signed(position)}."
            )
        flooded_at = [m.at for m in floods if m.partner_id == pid]
        if flooded_at:
            times = ", ".join(f"{t:%H:%M}" for t in flooded_at)
            note = reading.flooding_note or f"Marked in session at {times}."
            reading = replace(reading, flooded=True, flooding_note=note[:MAX_SHORT_NOTE])
            reasons.append(f"{name} flooded: marked at {times}.")
        readings[pid] = reading
    couple = current_couple
    if joint:
        couple = current_couple or CoupleReading()
        if episodes:
            couple = replace(couple, loops=couple.loops | {Loop.PURSUE_WITHDRAW})
        intensity = suggested_intensity(len(episodes), len(floods))
        drawn = (
            f"{_times(len(episodes), 'loop episode', 'loop episodes')} and "
            f"{_times(len(floods), 'flooding', 'floodings')} marked"
        )
        if couple.intensity is None and intensity is not None:
            couple = replace(couple, intensity=intensity)
            reasons.append(f"Intensity {intensity}: a starting point from {drawn}; yours to judge.")
        elif intensity is not None and couple.intensity != intensity:
            reasons.append(
                f"Intensity stays {couple.intensity} as you recorded it; {drawn} would "
                f"suggest {intensity}."
            )
        if co_reg:
            couple = replace(couple, co_regulation=True)
        elif markers and couple.co_regulation is None:
            couple = replace(couple, co_regulation=False)
        if repairs:
            landed = sum(1 for m in repairs if m.landed)
            couple = replace(couple, repair_attempts=len(repairs), repairs_landed=landed)
        if couple.is_empty:
            couple = current_couple
    return Suggestion(readings, couple, tuple(reasons))


# -- the "Moments" summary ---------------------------------------------------------------


def _signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


def _times(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def describe(m: Marker, names: dict[int, str]) -> str:
    """One marker in words: "Loop: Zoë pursued, Łukasz withdrew."."""
    who = names.get(m.partner_id or 0, "")
    if m.kind is MarkerKind.LOOP_EPISODE:
        return f"Loop: {who} pursued, {names.get(m.other_partner_id or 0, '')} withdrew."
    if m.kind is MarkerKind.FLOODING:
        return f"{who} flooded."
    if m.kind is MarkerKind.CO_REGULATION:
        return "Co-regulation moment."
    if m.kind is MarkerKind.REPAIR_ATTEMPT:
        by = f" by {who}" if who else ""
        outcome = {True: ", landed", False: ", did not land", None: ""}[m.landed]
        return f"Repair attempt{by}{outcome}."
    speaker = f" ({who})" if who else ""
    return f"Quote{speaker}: “{m.text}”"


def summary_line(markers: Sequence[Marker], names: dict[int, str]) -> str:
    episodes = _of(markers, MarkerKind.LOOP_EPISODE)
    floods = _of(markers, MarkerKind.FLOODING)
    repairs = _of(markers, MarkerKind.REPAIR_ATTEMPT)
    parts = []
    if episodes:
        by = [
            f"{name} pursued {n}"
            for pid, name in names.items()
            if (n := sum(1 for m in episodes if m.partner_id == pid))
        ]
        parts.append(f"{_times(len(episodes), 'loop episode', 'loop episodes')} ({', '.join(by)})")
    if floods:
        by = [
            f"{name} {_times(n, 'time', 'times')}"
            for pid, name in names.items()
            if (n := sum(1 for m in floods if m.partner_id == pid))
        ]
        parts.append(f"flooding: {', '.join(by)}")
    co = len(_of(markers, MarkerKind.CO_REGULATION))
    if co:
        parts.append(_times(co, "co-regulation moment", "co-regulation moments"))
    if repairs:
        landed = sum(1 for m in repairs if m.landed)
        parts.append(
            f"{_times(len(repairs), 'repair attempt', 'repair attempts')}, {landed} landed"
        )
    quotes = len(_of(markers, MarkerKind.QUOTE))
    if quotes:
        parts.append(_times(quotes, "quote", "quotes"))
    return "; ".join(parts)


def moments_text(markers: Sequence[Marker], names: dict[int, str]) -> str:
    """The "Moments" section: a summary line, then each marker at its time."""
    if not markers:
        return ""
    ordered = sorted(markers, key=lambda m: (m.at, m.id))
    first, last = f"{ordered[0].at:%H:%M}", f"{ordered[-1].at:%H:%M}"
    span = first if first == last else f"{first}–{last}"
    lines = [f"Marked during the session ({span}): {summary_line(ordered, names)}."]
    lines += [f"{m.at:%H:%M}  {describe(m, names)}" for m in ordered]
    return "\n".join(lines)
