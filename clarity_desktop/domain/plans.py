"""The treatment plan of a case: what each partner and the couple bring, their goals with
objectives and target dates, the interventions, a review date, and the "while we are
unsure" agreement.

The framework is non-directive, so a goal is about clarity and how the partners treat each
other while they are unsure, never a target of staying or leaving; the words are the
therapist's, and nothing here scores a goal toward a verdict. Progress is marked per note and
per goal with one of four plain marks (:class:`ProgressMark`), none of which is "achieved".

Everything a plan holds belongs to an owner: the couple (``None``) or one partner (their id),
so the plan can say what each partner brings and wants for themselves as well as what the
two want together. An individual case has only the client as owner.

A goal keeps its key (a uuid4 string) from version to version, so the notes that worked on
it stay linked when the plan is revised; :func:`changes` compares two versions by those keys
for the versions list.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from clarity_desktop.domain.errors import ErrorCode, Phrase, ValidationError

MAX_PLAN_TEXT = 1000  # a concern, a goal, an objective or an intervention
MAX_AGREEMENT = 2000
MAX_PROGRESS_COMMENT = 300  # a note's word on how a goal went
KEY_LENGTH = 36  # the text of a uuid4, as plan_goals.goal_key holds it


class ProgressMark(Enum):
    """How a note found a goal it worked on. "Harder" is information, not failure: a goal
    about staying curious can get harder for a while when the loop tightens."""

    WORKED_ON = "worked_on"
    MOVING = "moving"
    STEADY = "steady"
    HARDER = "harder"

    @property
    def title(self) -> str:
        return PROGRESS_TITLES[self]


PROGRESS_TITLES: dict[ProgressMark, str] = {
    ProgressMark.WORKED_ON: "Worked on",
    ProgressMark.MOVING: "Moving",
    ProgressMark.STEADY: "Steady",
    ProgressMark.HARDER: "Harder for now",
}

Owner = int | None  # a partner's id, or None for the couple


@dataclass(frozen=True)
class Concern:
    """Something one partner or the couple brings to therapy, in the therapist's words."""

    owner: Owner
    text: str


@dataclass(frozen=True)
class Objective:
    text: str
    target_on: date | None = None


def new_goal_key() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Goal:
    owner: Owner
    text: str
    objectives: tuple[Objective, ...] = ()
    key: str = field(default_factory=new_goal_key)


@dataclass(frozen=True)
class PlanContent:
    """One version of the plan as the therapist writes it. The order of *concerns* and
    *goals* is their order within each owner's section."""

    concerns: tuple[Concern, ...] = ()
    goals: tuple[Goal, ...] = ()
    interventions: tuple[str, ...] = ()
    review_on: date | None = None
    agreement: str = ""  # what the partners agreed to do while unsure; '' = none
    agreement_review_on: date | None = None

    def goals_of(self, owner: Owner) -> tuple[Goal, ...]:
        return tuple(g for g in self.goals if g.owner == owner)

    def concerns_of(self, owner: Owner) -> tuple[Concern, ...]:
        return tuple(c for c in self.concerns if c.owner == owner)

    def goal(self, key: str) -> Goal | None:
        return next((g for g in self.goals if g.key == key), None)

    @property
    def is_empty(self) -> bool:
        return self == PlanContent()


def owners(partners: Sequence[int], couple: bool) -> tuple[Owner, ...]:
    """The sections of a plan, in the order they are shown and printed: the couple first
    (in a couple case), then each partner."""
    return ((None,) if couple else ()) + tuple(partners)


def review_due(review_on: date | None, today: date) -> bool:
    """A review date that has come: the day itself counts, so the dashboard turns amber
    on the morning of the review, not the day after."""
    return review_on is not None and review_on <= today


# -- validation ---------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Trimmed, with runs of blank lines kept to one: a goal may have two lines."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _check_length(text: str, most: int, what: Phrase, field_name: str) -> None:
    if len(text) > most:
        raise ValidationError(ErrorCode.TEXT_TOO_LONG, field_name, what=what, max_short=most)


def _check_owner(owner: Owner, partners: Collection[int], couple: bool, field_name: str) -> None:
    if owner is None and not couple:
        raise ValidationError(ErrorCode.PLAN_INDIVIDUAL_HAS_NO_COUPLE, field_name)
    if owner is not None and owner not in partners:
        raise ValidationError(ErrorCode.PARTNER_NOT_IN_CASE, field_name)


def validate_plan(
    content: PlanContent, *, partners: Collection[int], couple: bool, starts_on: date
) -> PlanContent:
    """Check a draft as it is saved; returns it cleaned (texts trimmed, blank concerns and
    interventions left out). *partners* are the case's partner ids, *couple* whether the
    case is a couple's, *starts_on* the day the case's plan began (its first version), before
    which no objective can be due. Field names point the editor at the culprit:
    "goal:KEY", "objective:KEY:N", "concern:N", "intervention:N", "agreement"..."""
    concerns = []
    for i, c in enumerate(content.concerns):
        name = f"concern:{i}"
        text = _clean(c.text)
        if not text:
            continue
        _check_owner(c.owner, partners, couple, name)
        _check_length(text, MAX_PLAN_TEXT, Phrase.PLAN_CONCERN, name)
        concerns.append(Concern(c.owner, text))
    goals = []
    seen: set[str] = set()
    for g in content.goals:
        name = f"goal:{g.key}"
        if g.key in seen or not g.key or len(g.key) > KEY_LENGTH:
            raise ValueError(f"goal key {g.key!r} is empty, too long or given twice")
        seen.add(g.key)
        _check_owner(g.owner, partners, couple, name)
        text = _clean(g.text)
        if not text:
            raise ValidationError(ErrorCode.PLAN_GOAL_EMPTY, name)
        _check_length(text, MAX_PLAN_TEXT, Phrase.PLAN_GOAL, name)
        objectives = []
        for n, o in enumerate(g.objectives):
            oname = f"objective:{g.key}:{n}"
            words = _clean(o.text)
            if not words:
                raise ValidationError(ErrorCode.PLAN_OBJECTIVE_EMPTY, oname)
            _check_length(words, MAX_PLAN_TEXT, Phrase.PLAN_OBJECTIVE, oname)
            if o.target_on is not None and o.target_on < starts_on:
                raise ValidationError(
                    ErrorCode.PLAN_TARGET_BEFORE_START, oname, when=o.target_on, start=starts_on
                )
            objectives.append(Objective(words, o.target_on))
        goals.append(Goal(g.owner, text, tuple(objectives), g.key))
    interventions = []
    for i, line in enumerate(content.interventions):
        text = _clean(line)
        if text:
            _check_length(text, MAX_PLAN_TEXT, Phrase.PLAN_INTERVENTION, f"intervention:{i}")
            interventions.append(text)
    agreement = _clean(content.agreement)
    _check_length(agreement, MAX_AGREEMENT, Phrase.PLAN_AGREEMENT, "agreement")
    if not agreement and content.agreement_review_on is not None:
        raise ValidationError(ErrorCode.PLAN_AGREEMENT_DATE_WITHOUT_WORDS, "agreement_review_on")
    return PlanContent(
        concerns=tuple(concerns),
        goals=tuple(goals),
        interventions=tuple(interventions),
        review_on=content.review_on,
        agreement=agreement,
        agreement_review_on=content.agreement_review_on,
    )


def check_signable(content: PlanContent, *, today: date) -> None:
    """What signing asks beyond a valid draft: at least one goal, a review date that has
    not passed, and, when there is an agreement, its own review date that has not passed
    either (an agreement made while unsure is meant to be looked at again)."""
    if not content.goals:
        raise ValidationError(ErrorCode.PLAN_HAS_NO_GOALS, "goals")
    if content.review_on is None:
        raise ValidationError(ErrorCode.PLAN_NEEDS_REVIEW_DATE, "review_on")
    if content.review_on < today:
        raise ValidationError(
            ErrorCode.PLAN_REVIEW_DATE_PASSED, "review_on", when=content.review_on
        )
    if content.agreement:
        on = content.agreement_review_on
        if on is None:
            raise ValidationError(ErrorCode.PLAN_AGREEMENT_NEEDS_REVIEW_DATE, "agreement_review_on")
        if on < today:
            raise ValidationError(
                ErrorCode.PLAN_AGREEMENT_REVIEW_PASSED, "agreement_review_on", when=on
            )


# -- what changed between two versions -----------------------------------------------------


class ChangeKind(Enum):
    CONCERNS = "concerns"  # an owner's concerns (any added, removed or reworded)
    GOAL_ADDED = "goal_added"
    GOAL_REMOVED = "goal_removed"
    GOAL_REWORDED = "goal_reworded"
    GOAL_MOVED = "goal_moved"  # now the couple's instead of a partner's, or the reverse
    OBJECTIVES = "objectives"  # a goal's objectives or their target dates
    INTERVENTIONS = "interventions"
    REVIEW_DATE = "review_date"
    AGREEMENT = "agreement"
    AGREEMENT_REVIEW_DATE = "agreement_review_date"


@dataclass(frozen=True)
class PlanChange:
    kind: ChangeKind
    owner: Owner = None  # whose concerns or goal (the goal's owner in the newer version)
    text: str = ""  # the goal's words (the newer ones when it was kept)


def changes(old: PlanContent, new: PlanContent) -> tuple[PlanChange, ...]:
    """What *new* changed from *old*, in the order the plan reads: concerns per owner, then
    goals (matched by key, so a reworded goal is a rewording, not a removal and an addition),
    interventions, the review date, the agreement and its date."""
    out: list[PlanChange] = []
    seen_owners: list[Owner] = []
    for c in (*old.concerns, *new.concerns):
        if c.owner not in seen_owners:
            seen_owners.append(c.owner)
    for owner in seen_owners:
        if [c.text for c in old.concerns_of(owner)] != [c.text for c in new.concerns_of(owner)]:
            out.append(PlanChange(ChangeKind.CONCERNS, owner))
    for g in new.goals:
        before = old.goal(g.key)
        if before is None:
            out.append(PlanChange(ChangeKind.GOAL_ADDED, g.owner, g.text))
            continue
        if before.owner != g.owner:
            out.append(PlanChange(ChangeKind.GOAL_MOVED, g.owner, g.text))
        if before.text != g.text:
            out.append(PlanChange(ChangeKind.GOAL_REWORDED, g.owner, g.text))
        if before.objectives != g.objectives:
            out.append(PlanChange(ChangeKind.OBJECTIVES, g.owner, g.text))
    for g in old.goals:
        if new.goal(g.key) is None:
            out.append(PlanChange(ChangeKind.GOAL_REMOVED, g.owner, g.text))
    if old.interventions != new.interventions:
        out.append(PlanChange(ChangeKind.INTERVENTIONS))
    if old.review_on != new.review_on:
        out.append(PlanChange(ChangeKind.REVIEW_DATE))
    if old.agreement != new.agreement:
        out.append(PlanChange(ChangeKind.AGREEMENT))
    if old.agreement_review_on != new.agreement_review_on:
        out.append(PlanChange(ChangeKind.AGREEMENT_REVIEW_DATE))
    return tuple(out)


_CHANGE_ENGLISH: dict[ChangeKind, str] = {
    ChangeKind.CONCERNS: "What {owner} bring{s} changed",
    ChangeKind.GOAL_ADDED: "Goal added for {owner}: {text}",
    ChangeKind.GOAL_REMOVED: "Goal of {owner} removed: {text}",
    ChangeKind.GOAL_REWORDED: "Goal of {owner} reworded: {text}",
    ChangeKind.GOAL_MOVED: "Goal now belongs to {owner}: {text}",
    ChangeKind.OBJECTIVES: "Objectives changed for the goal: {text}",
    ChangeKind.INTERVENTIONS: "Interventions changed",
    ChangeKind.REVIEW_DATE: "Review date changed",
    ChangeKind.AGREEMENT: "The agreement while unsure changed",
    ChangeKind.AGREEMENT_REVIEW_DATE: "The agreement's review date changed",
}


def owner_name(owner: Owner, names: dict[int, str]) -> str:
    """An owner in English: "the couple", or the partner's name."""
    return "the couple" if owner is None else names.get(owner, "?")


def describe_change(change: PlanChange, names: dict[int, str]) -> str:
    """One change in English, for the command line and the versions list's tooltip."""
    who = owner_name(change.owner, names)
    short = change.text.splitlines()[0] if change.text else ""
    if len(short) > 80:
        short = short[:79] + "…"
    s = "" if change.owner is None else "s"
    return _CHANGE_ENGLISH[change.kind].format(owner=who, text=short, s=s)
