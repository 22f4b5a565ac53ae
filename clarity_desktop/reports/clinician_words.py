"""The words of the clinician documents (session brief, session note, case summary,
progress report), one table per language.

English is the source text: a report writes each of its words once, in English, through
a :class:`Words` (``w("Session brief")``, ``w("{n} of 10", n=4)``), and the table of the
language it prints in gives them back; English passes through as written. The tables
cover the program's own words and the names of the domain's enums (steps, directions,
loops, modality, statuses), which a report may print; what the clinician typed (names,
note text, a relationship described in their own words) is data and passes through
whole. Dates and the sentences built from numbers (trends, attention flags) are said in
the language here too. Spanish is written for clinicians: concise, clinical, "usted"
never needed (the documents describe, they do not address the reader).

A report never imports Qt: these tables are plain Python, like handout_words.py for the
handouts. tests/reports/test_clinician_words.py checks that every English text a report
passes to a Words has its Spanish here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from clarity_desktop.domain import movement
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.measures import MIN_TREND_READINGS, AttentionFlag, Trend
from clarity_desktop.domain.steps import Step
from clarity_desktop.reports.clinician_words_es import SPANISH


@dataclass(frozen=True)
class Words:
    """The words of one language: call it with the English text (and its values)."""

    language: Language
    table: Mapping[str, str] = field(default_factory=dict)
    months: tuple[str, ...] = (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    )  # fmt: skip
    weekdays: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    and_word: str = "and"

    def __call__(self, text: str, /, **values: object) -> str:
        said = self.table.get(text, text)
        return said.format(**values) if values else said

    def day(self, value: date) -> str:
        """4 Mar 2025; 4 mar 2025."""
        return f"{value.day} {self.months[value.month - 1]} {value.year}"

    def day_and_time(self, value: datetime, *, weekday: bool = False, zone: bool = False) -> str:
        """4 Mar 2025, 10:00 (optionally "Tue 4 Mar 2025, 10:00 CET")."""
        text = f"{self.day(value)}, {value:%H:%M}"
        if weekday:
            text = f"{self.weekdays[value.weekday()]} {text}"
        if zone and value.tzinfo is not None and value.tzname():
            text = f"{text} {value.tzname()}"
        return text

    def join_names(self, names: Sequence[str]) -> str:
        """ "Zoë", "Zoë and Łukasz"; "Zoë y Łukasz", "Ana e Inés"."""
        names = [n for n in names if n]
        if len(names) <= 1:
            return "".join(names)
        word = self.and_word
        if word == "y" and names[-1].lower().startswith(("i", "í", "hi", "hí")):
            word = "e"
        return f"{', '.join(names[:-1])} {word} {names[-1]}"

    def step(self, step: Step) -> str:
        """ "3 · Lean In"; "3 · Explorar sin prisa"."""
        return f"{int(step)} · {self(step.title)}"

    def count(self, n: int, one: str, many: str, **values: object) -> str:
        """*one* or *many* (each with an {n} slot) as *n* asks."""
        return self(one if n == 1 else many, n=n, **values)


ENGLISH = Words(Language.EN)
SPANISH_WORDS = Words(
    Language.ES,
    SPANISH,
    months=(
        "ene",
        "feb",
        "mar",
        "abr",
        "may",
        "jun",
        "jul",
        "ago",
        "sept",
        "oct",
        "nov",
        "dic",
    ),  # fmt: skip
    weekdays=("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    and_word="y",
)
_BY_LANGUAGE = {Language.EN: ENGLISH, Language.ES: SPANISH_WORDS}


def words(language: Language | str | None = None) -> Words:
    """The words for *language* (English for None)."""
    return _BY_LANGUAGE[Language(language)] if language else ENGLISH


# -- sentences built from numbers ---------------------------------------------------------


def mark(w: Words, text: str) -> str:
    """A privacy mark ("individual session") or another enum's English name, said."""
    return w(text) if text else ""


def _when(w: Words, reading: movement.Reading) -> str:
    at = w.day(reading.at)
    return f"{at}, {w(reading.mark)}" if reading.mark else at


def value_text(w: Words, moved: movement.Movement, value: int) -> str:
    if moved.measure is movement.Measure.DISTANCE:
        return w.count(value, "{n} point apart", "{n} points apart")
    return w("{n} of {top}", n=value, top=moved.measure.top)


def trend_word(w: Words, moved: movement.Movement) -> str:
    return w(moved.word)


def change(w: Words, moved: movement.Movement) -> str:
    """ "6 of 10, up from 1 last time" in *w*'s language (domain.movement's change)."""
    if w.language is Language.EN:
        return moved.change  # the domain's own English
    latest, previous = moved.latest, moved.previous
    if latest is None:
        return w("not recorded yet")
    now = value_text(w, moved, latest.value)
    if previous is None:
        return w("{now} (the first reading)", now=now)
    if latest.value == previous.value:
        return w("{now}, the same as last time", now=now)
    if latest.value > previous.value:
        return w("{now}, up from {n} last time", now=now, n=previous.value)
    return w("{now}, down from {n} last time", now=now, n=previous.value)


def sentence(w: Words, moved: movement.Movement, subject: str, where: str) -> str:
    """A report's sentence on *moved* (domain.movement's sentence) in *w*'s language;
    *subject* and *where* are already said."""
    if w.language is Language.EN:
        return moved.sentence(subject, where)  # the domain's own English
    latest, previous, first = moved.latest, moved.previous, moved.first
    if latest is None or first is None:
        return w("{subject}: not recorded {where}.", subject=subject, where=where)
    text = w(
        "{subject}: {value} at the latest reading ({when})",
        subject=subject,
        value=value_text(w, moved, latest.value),
        when=_when(w, latest),
    )
    least = MIN_TREND_READINGS
    if previous is None:
        return text + w(
            ", the only reading {where}; a trend needs at least {n}.", where=where, n=least
        )
    if latest.value == previous.value:
        text += w(", unchanged from the one before ({when})", when=_when(w, previous))
    else:
        before = {"n": previous.value, "when": _when(w, previous)}
        if latest.value > previous.value:
            text += w(", up from {n} at the one before ({when})", **before)
        else:
            text += w(", down from {n} at the one before ({when})", **before)
    count = len(moved.readings)
    if moved.trend is Trend.NOT_ENOUGH:
        return text + w(
            "; {count} readings {where} are too few for a trend (at least {n}).",
            count=count,
            where=where,
            n=least,
        )
    verb = (
        movement.MIXED_VERB
        if moved.trend is Trend.MIXED
        else movement.VERBS[moved.measure][moved.trend]
    )
    return text + w(
        "; over {count} readings {where}, from {first} to {last}, {verb}.",
        count=count,
        where=where,
        first=first.value,
        last=latest.value,
        verb=w(verb),
    )


def flag_text(w: Words, flag: AttentionFlag) -> str:
    """An attention flag's sentence in *w*'s language; its English message when it has
    no parameters to say it from (a flag newer than this function)."""
    p = flag.params
    if w.language is Language.EN:
        return flag.message  # the domain's own English, as printed before
    if flag.code == "safety":
        return w("Safety flag set: check before joint work or joint handouts.")
    if not p:
        return w(flag.message)
    if flag.code == "step_gap":
        a_step, b_step = p["a_step"], p["b_step"]
        assert isinstance(a_step, Step) and isinstance(b_step, Step)
        return w(
            "Partners are at different steps ({a}: {a_step}; {b}: {b_step}).",
            a=p["a"],
            a_step=w.step(a_step),
            b=p["b"],
            b_step=w.step(b_step),
        )
    if flag.code == "flooding_repeat":
        runs = p["runs"]
        assert isinstance(runs, tuple)
        said = [
            w("{name} flooded in each of the last {n} sessions they attended", name=name, n=n)
            for name, n in runs
        ]
        return "; ".join(said) + "."
    if flag.code == "intensity_rising":
        values = p["values"]
        assert isinstance(values, tuple)
        arrows = " → ".join(str(v) for v in values)
        return w(
            "Loop intensity has risen {n} sessions running ({values}).", n=p["count"], values=arrows
        )
    if flag.code == "flare_up":
        on, who = p["on"], p["who"]
        assert isinstance(on, date) and isinstance(who, tuple)
        return w(
            "Loop intensity rose sharply, from {low} to {high}, at the latest session that "
            "recorded it ({on}), and {who} flooded.",
            low=p["low"],
            high=p["high"],
            on=w.day(on),
            who=w.join_names([str(x) for x in who]),
        )
    if flag.code == "no_coregulation":
        return w(
            "No co-regulation noted in the last {n} joint sessions that recorded it.",
            n=p["count"],
        )
    if flag.code == "no_recent_session":
        last = p["last"]
        assert isinstance(last, date)
        return w("No session in the last {n} days (last on {last}).", n=p["days"], last=w.day(last))
    return flag.message
