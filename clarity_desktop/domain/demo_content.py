"""The demo practice's cases as data: one TOML file per case (resources/demo/), read and
checked here, built into records by services/demo.py.

A file is checked whole before anything is built, so a mistake in the prose files shows
as one sentence naming the file and the line (TOML syntax) or the field (content), never
as a half-built demo. See resources/demo/README.md for the format.

Dates are relative, so the demo always looks current: a session's ``weeks_ago`` counts
back from the case's most recent usual slot before the build day, ``weekday`` moves it
within that calendar week. Note sections, the safety note and addenda are written as
wrapped paragraphs and folded to one line each, as a clinician would type them.
A case's treatment plan, the goals each note worked on and the partners' answers are read
by domain/demo_plans.py.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import time
from typing import Any

from clarity_desktop.domain.demo_fields import REQUIRED, DemoContentError, Fields, fold
from clarity_desktop.domain.demo_plans import PlanSpec, read_answers, read_goal_links, read_plan
from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.domain.plans import ProgressMark
from clarity_desktop.domain.records import CaseKind, Modality
from clarity_desktop.domain.steps import Direction
from clarity_desktop.domain.templates import SECTIONS, Template

__all__ = ["CaseSpec", "DemoContentError", "PersonSpec", "SessionSpec", "fold", "load_case"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


@dataclass(frozen=True)
class PersonSpec:
    name: str
    pronouns: str
    age: int
    birthday: tuple[int, int]  # (month, day)
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SessionSpec:
    weeks_ago: int
    steps: tuple[int, ...]  # the steps the session worked on (the note's tags)
    partner_steps: dict[int, int]  # partner position -> where that partner stands
    sections: dict[str, str]
    attending: int | None = None  # partner position; None = everyone in the case
    weekday: int | None = None  # 0 = Monday; None: the case's usual day
    at: time | None = None  # None: the case's usual time
    minutes: int | None = None  # None: the case's usual length
    modality: Modality | None = None  # None: the case's usual modality
    template: Template = Template.FIVE_STEPS
    signed: bool = True
    addendum: str = ""  # a correction added after signing
    readings: dict[int, PartnerReading] = field(default_factory=dict)  # by position
    couple: CoupleReading | None = None  # joint sessions only
    goals: dict[str, tuple[ProgressMark, str]] = field(default_factory=dict)  # by goal key
    # by position, then measure id: the answers by item id (None: skipped)
    answers: dict[int, dict[str, dict[str, int | None]]] = field(default_factory=dict)
    on_paper: bool = False  # the answers were copied in from printed forms


@dataclass(frozen=True)
class CaseSpec:
    name: str  # the file's name without .toml, for messages
    people: tuple[PersonSpec, ...]
    structure: str
    weekday: int
    at: time
    minutes: int
    sessions: tuple[SessionSpec, ...]
    modality: Modality = Modality.IN_PERSON
    safety_note: str = ""  # set: the safety flag is on
    closed_days_after_last: int | None = None  # set: the case was closed
    plan: PlanSpec | None = None

    @property
    def kind(self) -> CaseKind:
        return CaseKind.COUPLE if len(self.people) == 2 else CaseKind.INDIVIDUAL


def load_case(
    text: str, source: str, instruments: Mapping[str, Instrument] | None = None
) -> CaseSpec:
    """The case in one demo file's *text*; *source* names the file in messages. Answers
    are checked against *instruments* (by id); without them, any answers are refused."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message names the line and column
        raise DemoContentError(f"{source}: {exc}") from None
    top = Fields(source, "", data)
    people = top.get("partners", list, REQUIRED)
    if len(people) not in (1, 2):
        raise top.fail("partners", f"a case has one or two partners, found {len(people)}")
    sessions = top.get("sessions", list, REQUIRED)
    if not sessions:
        raise top.fail("sessions", "a demo case needs at least one session")
    spec = CaseSpec(
        name=source.removesuffix(".toml"),
        people=tuple(_person(top.sub("partners", i)) for i in range(len(people))),
        structure=top.get("structure", str, REQUIRED),
        weekday=_usual_weekday(top),
        at=top.get("at", time, REQUIRED),
        minutes=top.number("minutes", 10, 240, REQUIRED),
        modality=top.choice("modality", Modality, Modality.IN_PERSON),
        safety_note=fold(top.get("safety_note", str, "")),
        closed_days_after_last=top.number("closed_days_after_last", 0, 365),
        sessions=(),
        plan=read_plan(top.sub("plan"), len(people)) if "plan" in top.table else None,
    )
    top.done()
    built = tuple(
        _session(top.sub("sessions", i), len(people), spec.plan, instruments or {})
        for i in range(len(sessions))
    )
    return replace(spec, sessions=built)


def _weekday(fields: Fields, key: str, default: Any = None) -> int | None:
    name = fields.get(key, str, default)
    if name is None:
        return None
    if name.lower() not in WEEKDAYS:
        raise fields.fail(key, f"{name!r} is not a weekday (Monday to Friday)")
    return WEEKDAYS.index(name.lower())


def _usual_weekday(fields: Fields) -> int:
    day = _weekday(fields, "weekday", REQUIRED)
    assert day is not None  # required: missing raised
    return day


def _person(fields: Fields) -> PersonSpec:
    birthday = fields.get("birthday", str, REQUIRED)
    try:
        month, day = (int(part) for part in birthday.split("-"))
        time_ok = 1 <= month <= 12 and 1 <= day <= 31
    except ValueError:
        time_ok = False
    if not time_ok:
        raise fields.fail("birthday", f"expected MM-DD, found {birthday!r}")
    person = PersonSpec(
        name=fields.get("name", str, REQUIRED),
        pronouns=fields.get("pronouns", str, ""),
        age=fields.number("age", 16, 110, REQUIRED),
        birthday=(month, day),
        email=fields.get("email", str, ""),
        phone=fields.get("phone", str, ""),
    )
    fields.done()
    return person


def _positions(fields: Fields, key: str, table: Mapping[str, Any], allowed: set[int]) -> None:
    for name in table:
        if not name.isdigit() or int(name) not in allowed:
            raise fields.fail(key, f"{name!r} is not a partner in the room ({sorted(allowed)})")


def _session(
    fields: Fields, partners: int, plan: PlanSpec | None, instruments: Mapping[str, Instrument]
) -> SessionSpec:
    attending = fields.number("attending", 1, partners)
    if attending is not None and partners == 1:
        raise fields.fail("attending", "only for an individual session within couples work")
    present = set(range(1, partners + 1)) if attending is None else {attending}
    steps = fields.get("steps", list, REQUIRED)
    if not steps or any(isinstance(s, bool) or s not in range(1, 6) for s in steps):
        raise fields.fail("steps", f"expected steps 1 to 5, found {steps!r}")
    partner_steps = fields.get("partner_steps", dict, REQUIRED)
    _positions(fields, "partner_steps", partner_steps, present)
    if any(isinstance(s, bool) or s not in range(1, 6) for s in partner_steps.values()):
        raise fields.fail("partner_steps", f"expected steps 1 to 5, found {partner_steps!r}")
    template = fields.choice("template", Template, Template.FIVE_STEPS)
    note = fields.sub("note")
    known = {s.key for s in SECTIONS[template]}
    sections = {}
    for key in note.table:
        if key not in known:
            raise note.fail(key, f"not a section of the {template.value} template")
        sections[key] = fold(note.get(key, str))
    if not sections:
        raise fields.fail("note", "a note needs at least one section")
    readings, couple = _readings(
        fields.sub("readings"), present, attending is None and partners == 2
    )
    weeks_ago = fields.number("weeks_ago", 0, 104, REQUIRED)
    session = SessionSpec(
        weeks_ago=weeks_ago,
        steps=tuple(steps),
        partner_steps={int(k): v for k, v in partner_steps.items()},
        sections=sections,
        attending=attending,
        weekday=_weekday(fields, "weekday"),
        at=fields.get("at", time),
        minutes=fields.number("minutes", 10, 240),
        modality=fields.choice("modality", Modality),
        template=template,
        signed=fields.get("signed", bool, True),
        addendum=fold(fields.get("addendum", str, "")),
        readings=readings,
        couple=couple,
        goals=read_goal_links(fields, plan, weeks_ago),
        answers=read_answers(fields, present, instruments),
        on_paper=fields.get("answers_on_paper", bool, False),
    )
    fields.done()
    return session


def _readings(
    fields: Fields, present: set[int], joint: bool
) -> tuple[dict[int, PartnerReading], CoupleReading | None]:
    """Partner readings under ``partner1``/``partner2``, the loop under ``couple``."""
    partners: dict[int, PartnerReading] = {}
    for position in present:
        key = f"partner{position}"
        if key in fields.table:
            partners[position] = _partner_reading(fields.sub(key))
    couple = None
    if "couple" in fields.table:
        if not joint:
            raise fields.fail("couple", "the loop is read at joint sessions of a couple only")
        couple = _couple_reading(fields.sub("couple"))
    fields.done()  # a partner not in the room shows here as an unknown field
    return partners, couple


def _partner_reading(fields: Fields) -> PartnerReading:
    flooded = fields.get("flooded", str, "")
    reading = PartnerReading(
        position=fields.number("position", -3, 3),
        stance=fields.number("stance", 0, 10),
        clarity=fields.number("clarity", 0, 10),
        flooded=bool(flooded),
        flooding_note=flooded,
        direction=fields.choice("direction", Direction),
    )
    fields.done()
    return reading


def _couple_reading(fields: Fields) -> CoupleReading:
    names = fields.get("loops", list, [])
    loops = []
    for name in names:
        try:
            loops.append(Loop(name))
        except ValueError:
            known = ", ".join(loop.value for loop in Loop)
            raise fields.fail("loops", f"{name!r} is not one of {known}") from None
    repairs = fields.get("repairs", list)
    if repairs is not None and (
        len(repairs) != 2 or any(isinstance(n, bool) or not isinstance(n, int) for n in repairs)
    ):
        raise fields.fail("repairs", f"expected [attempts, landed], found {repairs!r}")
    reading = CoupleReading(
        loops=frozenset(loops),
        loop_other=fields.get("other", str, ""),
        intensity=fields.number("intensity", 0, 10, REQUIRED),
        trigger=fields.get("trigger", str, ""),
        co_regulation=fields.get("co_regulation", bool),
        co_regulation_note=fields.get("helped", str, ""),
        repair_attempts=repairs[0] if repairs else None,
        repairs_landed=repairs[1] if repairs else None,
    )
    fields.done()
    return reading
