"""The demo practice's cases as data: one TOML file per case (resources/demo/), read and
checked here, built into records by services/demo.py.

A file is checked whole before anything is built, so a mistake in the prose files shows
as one sentence naming the file and the line (TOML syntax) or the field (content), never
as a half-built demo. See resources/demo/README.md for the format.

Dates are relative, so the demo always looks current: a session's ``weeks_ago`` counts
back from the case's most recent usual slot before the build day, ``weekday`` moves it
within that calendar week. Note sections, the safety note and addenda are written as
wrapped paragraphs and folded to one line each, as a clinician would type them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import time
from typing import Any

from clarity_desktop.domain.dynamics import CoupleReading, Loop, PartnerReading
from clarity_desktop.domain.records import CaseKind, Modality
from clarity_desktop.domain.steps import Direction
from clarity_desktop.domain.templates import SECTIONS, Template

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


class DemoContentError(ValueError):
    """A demo file that cannot be built: says which file, and which line or field."""


def fold(text: str) -> str:
    """One paragraph: the file's line breaks and indentation folded into single spaces."""
    return " ".join(text.split())


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

    @property
    def kind(self) -> CaseKind:
        return CaseKind.COUPLE if len(self.people) == 2 else CaseKind.INDIVIDUAL


class _Fields:
    """Typed access to one TOML table; every complaint names the field by its path."""

    def __init__(self, source: str, path: str, table: Mapping[str, Any]) -> None:
        self.source, self.path, self.table = source, path, table
        self.used: set[str] = set()

    def fail(self, key: str, message: str) -> DemoContentError:
        where = f"{self.path}.{key}" if self.path else key
        return DemoContentError(f"{self.source}: {where}: {message}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        self.used.add(key)
        if key not in self.table:
            if default is _REQUIRED:
                raise self.fail(key, "missing")
            return default
        value = self.table[key]
        # bool is an int in Python, never in these files
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise self.fail(key, f"expected {_kind_name(kind)}, found {value!r}")
        return value

    def number(self, key: str, low: int, high: int, default: Any = None) -> Any:
        value = self.get(key, int, default)
        if isinstance(value, int) and not low <= value <= high:
            raise self.fail(key, f"{value} is outside {low}..{high}")
        return value

    def choice(self, key: str, enum: type[Any], default: Any = None) -> Any:
        value = self.get(key, str, default)
        if not isinstance(value, str):
            return value
        try:
            return enum(value)
        except ValueError:
            names = ", ".join(str(m.value) for m in enum)
            raise self.fail(key, f"{value!r} is not one of {names}") from None

    def sub(self, key: str, index: int | None = None) -> _Fields:
        self.used.add(key)
        value = self.table.get(key, {}) if index is None else self.table[key][index]
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table, found {value!r}")
        name = key if index is None else f"{key}[{index + 1}]"
        return _Fields(self.source, f"{self.path}.{name}" if self.path else name, value)

    def done(self) -> None:
        """Refuse keys nobody read: a misspelt field must not vanish silently."""
        for key in self.table:
            if key not in self.used:
                raise self.fail(key, "unknown field")


_REQUIRED = object()


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "text", int: "a whole number", bool: "true or false", list: "a list"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def load_case(text: str, source: str) -> CaseSpec:
    """The case in one demo file's *text*; *source* names the file in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message names the line and column
        raise DemoContentError(f"{source}: {exc}") from None
    top = _Fields(source, "", data)
    people = top.get("partners", list, _REQUIRED)
    if len(people) not in (1, 2):
        raise top.fail("partners", f"a case has one or two partners, found {len(people)}")
    sessions = top.get("sessions", list, _REQUIRED)
    if not sessions:
        raise top.fail("sessions", "a demo case needs at least one session")
    spec = CaseSpec(
        name=source.removesuffix(".toml"),
        people=tuple(_person(top.sub("partners", i)) for i in range(len(people))),
        structure=top.get("structure", str, _REQUIRED),
        weekday=_usual_weekday(top),
        at=top.get("at", time, _REQUIRED),
        minutes=top.number("minutes", 10, 240, _REQUIRED),
        modality=top.choice("modality", Modality, Modality.IN_PERSON),
        safety_note=fold(top.get("safety_note", str, "")),
        closed_days_after_last=top.number("closed_days_after_last", 0, 365),
        sessions=(),
    )
    top.done()
    built = tuple(_session(top.sub("sessions", i), len(people)) for i in range(len(sessions)))
    return replace(spec, sessions=built)


def _weekday(fields: _Fields, key: str, default: Any = None) -> int | None:
    name = fields.get(key, str, default)
    if name is None:
        return None
    if name.lower() not in WEEKDAYS:
        raise fields.fail(key, f"{name!r} is not a weekday (Monday to Friday)")
    return WEEKDAYS.index(name.lower())


def _usual_weekday(fields: _Fields) -> int:
    day = _weekday(fields, "weekday", _REQUIRED)
    assert day is not None  # required: missing raised
    return day


def _person(fields: _Fields) -> PersonSpec:
    birthday = fields.get("birthday", str, _REQUIRED)
    try:
        month, day = (int(part) for part in birthday.split("-"))
        time_ok = 1 <= month <= 12 and 1 <= day <= 31
    except ValueError:
        time_ok = False
    if not time_ok:
        raise fields.fail("birthday", f"expected MM-DD, found {birthday!r}")
    person = PersonSpec(
        name=fields.get("name", str, _REQUIRED),
        pronouns=fields.get("pronouns", str, ""),
        age=fields.number("age", 16, 110, _REQUIRED),
        birthday=(month, day),
        email=fields.get("email", str, ""),
        phone=fields.get("phone", str, ""),
    )
    fields.done()
    return person


def _positions(fields: _Fields, key: str, table: Mapping[str, Any], allowed: set[int]) -> None:
    for name in table:
        if not name.isdigit() or int(name) not in allowed:
            raise fields.fail(key, f"{name!r} is not a partner in the room ({sorted(allowed)})")


def _session(fields: _Fields, partners: int) -> SessionSpec:
    attending = fields.number("attending", 1, partners)
    if attending is not None and partners == 1:
        raise fields.fail("attending", "only for an individual session within couples work")
    present = set(range(1, partners + 1)) if attending is None else {attending}
    steps = fields.get("steps", list, _REQUIRED)
    if not steps or any(isinstance(s, bool) or s not in range(1, 6) for s in steps):
        raise fields.fail("steps", f"expected steps 1 to 5, found {steps!r}")
    partner_steps = fields.get("partner_steps", dict, _REQUIRED)
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
    session = SessionSpec(
        weeks_ago=fields.number("weeks_ago", 0, 104, _REQUIRED),
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
    )
    fields.done()
    return session


def _readings(
    fields: _Fields, present: set[int], joint: bool
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


def _partner_reading(fields: _Fields) -> PartnerReading:
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


def _couple_reading(fields: _Fields) -> CoupleReading:
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
        intensity=fields.number("intensity", 0, 10, _REQUIRED),
        trigger=fields.get("trigger", str, ""),
        co_regulation=fields.get("co_regulation", bool),
        co_regulation_note=fields.get("helped", str, ""),
        repair_attempts=repairs[0] if repairs else None,
        repairs_landed=repairs[1] if repairs else None,
    )
    fields.done()
    return reading
