"""The demo's treatment plans, the goals each note worked on, and the partners' answers, as
data: the optional ``[plan]`` of a demo case file and, per session, ``goals`` and
``answers`` (resources/demo/README.md describes the format). Read and checked here, with
domain/demo_content.py's field-naming complaints; built by services/demo.py.

A plan is written in the case's timeline: ``weeks_ago`` places its signing before the
sessions of that week and after the older ones, so a note only links to goals of a plan
signed before it was written. Its dates (review, targets, the agreement's review) count
forward from the build day, since a plan can only be signed with review dates still to come.
Before anything is built, every version is put through the same checks a therapist's plan
meets (domain/plans.py) and every answer set through its measure's definition.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from clarity_desktop.domain.demo_fields import REQUIRED, Fields, fold
from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.instruments import Instrument, check_answers
from clarity_desktop.domain.plans import (
    KEY_LENGTH,
    Concern,
    Goal,
    Objective,
    PlanContent,
    ProgressMark,
    check_signable,
    validate_plan,
)

COUPLE = "couple"  # the owner named in a file for what belongs to the couple
_CHECK_DAY = date(2001, 1, 1)  # any day: the checks only compare dates with each other

Owner = int | None  # a partner's position, or None for the couple


@dataclass(frozen=True)
class GoalSpec:
    key: str  # the file's own short name, used by the sessions' goal links
    owner: Owner
    text: str
    objectives: tuple[tuple[str, int | None], ...] = ()  # (text, target in weeks)


@dataclass(frozen=True)
class PlanVersionSpec:
    weeks_ago: int  # signed before the sessions of that week, after the older ones
    goals: tuple[GoalSpec, ...]
    review_in_weeks: int
    concerns: tuple[tuple[Owner, str], ...] = ()
    interventions: tuple[str, ...] = ()
    agreement: str = ""
    agreement_review_in_weeks: int | None = None

    def content(
        self, day: date, owner_id: Mapping[int, int], key: Callable[[str], str]
    ) -> PlanContent:
        """The version as a plan's content: dates counted from *day*, partners by their
        ids (*owner_id* by position), goal keys made by *key(name)*."""

        def who(owner: Owner) -> int | None:
            return None if owner is None else owner_id[owner]

        def weeks(n: int | None) -> date | None:
            return None if n is None else day + timedelta(weeks=n)

        return PlanContent(
            concerns=tuple(Concern(who(o), text) for o, text in self.concerns),
            goals=tuple(
                Goal(
                    who(g.owner),
                    g.text,
                    tuple(Objective(text, weeks(n)) for text, n in g.objectives),
                    key(g.key),
                )
                for g in self.goals
            ),
            interventions=self.interventions,
            review_on=weeks(self.review_in_weeks),
            agreement=self.agreement,
            agreement_review_on=weeks(self.agreement_review_in_weeks),
        )


@dataclass(frozen=True)
class PlanSpec:
    versions: tuple[PlanVersionSpec, ...]  # the first, then the revision if any

    def in_force(self, weeks_ago: int) -> PlanVersionSpec | None:
        """The version signed before a session *weeks_ago* (None: none yet)."""
        signed = [v for v in self.versions if v.weeks_ago >= weeks_ago]
        return signed[-1] if signed else None


def read_plan(fields: Fields, partners: int) -> PlanSpec:
    """The ``[plan]`` table: a first version and an optional ``[plan.revision]`` that
    changes it (goals replaced or added by key, ``drop_goals`` removed; any other field
    given replaces the first version's)."""
    first = _version(fields, partners, None)
    versions = [first]
    if "revision" in fields.table:
        revision = fields.sub("revision")
        second = _version(revision, partners, first)
        revision.done()
        if second.weeks_ago >= first.weeks_ago:
            raise revision.fail("weeks_ago", "a revision comes after the first version")
        versions.append(second)
    fields.done()
    return PlanSpec(tuple(versions))


def _owner(fields: Fields, partners: int) -> Owner:
    value = fields.get("owner", (str, int), COUPLE)
    if value == COUPLE and partners == 2:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= partners:
        return value
    allowed = "1" if partners == 1 else f"{COUPLE!r}, 1 or 2"
    raise fields.fail("owner", f"expected {allowed}, found {value!r}")


def _texts(fields: Fields, key: str) -> tuple[str, ...] | None:
    values = fields.get(key, list)
    if values is None:
        return None
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise fields.fail(key, f"expected a list of texts, found {values!r}")
    return tuple(fold(v) for v in values)


def _goal(fields: Fields, partners: int) -> GoalSpec:
    key = fields.get("key", str, REQUIRED)
    if not key or len(key) > KEY_LENGTH or not key.replace("-", "").isalnum():
        raise fields.fail("key", f"expected a short name of letters, digits and -, found {key!r}")
    objectives = []
    for i in range(len(fields.get("objectives", list, []))):
        o = fields.sub("objectives", i)
        weeks = o.number("target_in_weeks", 0, 104)
        objectives.append((fold(o.get("text", str, REQUIRED)), weeks))
        o.done()
    goal = GoalSpec(
        key=key,
        owner=_owner(fields, partners),
        text=fold(fields.get("text", str, REQUIRED)),
        objectives=tuple(objectives),
    )
    fields.done()
    return goal


def _version(fields: Fields, partners: int, base: PlanVersionSpec | None) -> PlanVersionSpec:
    required = REQUIRED if base is None else None
    concerns = None
    if "concerns" in fields.table:
        concerns = []
        for i in range(len(fields.get("concerns", list))):
            c = fields.sub("concerns", i)
            concerns.append((_owner(c, partners), fold(c.get("text", str, REQUIRED))))
            c.done()
    goals = {} if base is None else {g.key: g for g in base.goals}
    for name in fields.get("drop_goals", list, []) if base is not None else ():
        if goals.pop(name, None) is None:
            raise fields.fail("drop_goals", f"{name!r} is not a goal of the first version")
    new = [
        _goal(fields.sub("goals", i), partners) for i in range(len(fields.get("goals", list, [])))
    ]
    if len({g.key for g in new}) < len(new):
        raise fields.fail("goals", "a goal's key is given twice")
    for g in new:  # a revision's goal with a first version's key rewords it in its place
        goals[g.key] = g
    agreement = fields.get("agreement", str)
    version = PlanVersionSpec(
        weeks_ago=fields.number("weeks_ago", 0, 104, REQUIRED),
        goals=tuple(goals.values()),
        review_in_weeks=fields.number("review_in_weeks", 0, 104, required),
        concerns=tuple(concerns) if concerns is not None else (),
        interventions=_texts(fields, "interventions") or (),
        agreement=fold(agreement) if agreement is not None else "",
        agreement_review_in_weeks=fields.number("agreement_review_in_weeks", 0, 104),
    )
    if base is not None:  # what the revision leaves out stays as it was
        version = replace(
            version,
            review_in_weeks=version.review_in_weeks
            if "review_in_weeks" in fields.table
            else base.review_in_weeks,
            concerns=version.concerns if concerns is not None else base.concerns,
            interventions=version.interventions
            if "interventions" in fields.table
            else base.interventions,
            agreement=version.agreement if agreement is not None else base.agreement,
            agreement_review_in_weeks=version.agreement_review_in_weeks
            if "agreement_review_in_weeks" in fields.table
            else base.agreement_review_in_weeks,
        )
    _check_version(fields, version, partners)
    return version


def _check_version(fields: Fields, version: PlanVersionSpec, partners: int) -> None:
    """The checks a therapist's plan meets when it is saved and signed, so a bad demo plan
    is refused before anything is built, naming the field."""
    positions = {n: n for n in range(1, partners + 1)}
    content = version.content(_CHECK_DAY, positions, lambda name: name)
    try:
        validate_plan(content, partners=list(positions), couple=partners == 2, starts_on=_CHECK_DAY)
        check_signable(content, today=_CHECK_DAY)
    except ValidationError as exc:
        raise fields.fail(_file_field(exc.field or ""), str(exc)) from None


def _file_field(name: str) -> str:
    """A plan editor's field name ("objective:KEY:0", "review_on") as the file spells it."""
    kind, _, rest = name.partition(":")
    if kind in ("goal", "objective"):
        key, _, n = rest.partition(":")
        return f"goals[key={key}]" + (f".objectives[{int(n) + 1}]" if n else "")
    if kind in ("concern", "intervention"):
        return f"{kind}s[{int(rest) + 1}]"
    return {"review_on": "review_in_weeks", "agreement_review_on": "agreement_review_in_weeks"}.get(
        name, name
    )


def read_goal_links(
    fields: Fields, plan: PlanSpec | None, weeks_ago: int
) -> dict[str, tuple[ProgressMark, str]]:
    """A session's ``goals``: {goal key: mark, or {mark, comment}}, naming goals of the plan
    in force at that session."""
    links: dict[str, tuple[ProgressMark, str]] = {}
    table = fields.get("goals", dict, {})
    if not table:
        return links
    version = None if plan is None else plan.in_force(weeks_ago)
    if version is None:
        raise fields.fail("goals", "no plan is signed before this session")
    known = {g.key for g in version.goals}
    goals = fields.sub("goals")
    for key, value in table.items():
        if key not in known:
            raise goals.fail(key, f"not a goal of the plan in force ({', '.join(sorted(known))})")
        link = goals.sub(key) if isinstance(value, dict) else None
        mark_text = link.get("mark", str, REQUIRED) if link else value
        comment = fold(link.get("comment", str, "")) if link else ""
        if link:
            link.done()
        try:
            mark = ProgressMark(mark_text)
        except ValueError:
            names = ", ".join(m.value for m in ProgressMark)
            raise goals.fail(key, f"{mark_text!r} is not one of {names}") from None
        goals.used.add(key)
        links[key] = (mark, comment)
    goals.done()
    return links


def read_answers(
    fields: Fields, present: set[int], instruments: Mapping[str, Instrument]
) -> dict[int, dict[str, dict[str, int | None]]]:
    """A session's ``answers``: per ``partner1``/``partner2`` in the room, per measure, the
    answers by item id (an item left out is skipped), checked against the definition."""
    out: dict[int, dict[str, dict[str, int | None]]] = {}
    if "answers" not in fields.table:
        return out
    answers = fields.sub("answers")
    for position in sorted(present):
        key = f"partner{position}"
        if key not in answers.table:
            continue
        partner = answers.sub(key)
        out[position] = {}
        for measure in partner.table:
            instrument = instruments.get(measure)
            if instrument is None:
                known = ", ".join(sorted(instruments))
                raise partner.fail(measure, f"not a measure ({known})")
            given = partner.sub(measure).table
            whole: dict[str, Any] = {item.id: None for item in instrument.items}
            whole.update(given)
            try:
                out[position][measure] = check_answers(instrument, whole)
            except ValidationError as exc:
                raise partner.fail(measure, str(exc)) from None
        partner.done()
    answers.done()  # a partner not in the room shows here as an unknown field
    return out
