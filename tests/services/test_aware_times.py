"""No naive datetime leaves the services: every point in time they hand out (written,
signed, changed, tapped, given, audited, backed up) is aware, in UTC. The schedule's
wall-clock times (when a session is booked, as the therapist typed it) are the one
exception, named here, so that any other naive time fails this test."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from clarity_desktop.domain.markers import MarkerKind
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import (
    audit,
    backups,
    cases,
    demo,
    dynamics,
    handouts_given,
    markers,
    notes,
    overview,
    today,
)
from clarity_desktop.store.practice import OpenPractice

# Local wall-clock times of the schedule (see README: sessions are booked in local time).
WALL_CLOCK = {"starts_at", "session_starts_at", "last_session", "next_session", "clashes_with"}


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenPractice]:
    opened = demo.build_demo(tmp_path_factory.mktemp("aware") / "demo")
    try:
        yield opened
    finally:
        opened.close()


def walk(value: object, path: str = "") -> Iterator[tuple[str, datetime]]:
    """Every datetime inside *value* (dataclasses, sequences, mappings), with its path."""
    if isinstance(value, datetime):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, f"{path}[{k!r}]")
    elif isinstance(value, list | tuple | set | frozenset):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}[{i}]")


def _field(path: str) -> str:
    return path.rsplit(".", 1)[-1].split("[")[0]


def _session_reading(path: str) -> bool:
    """A measure's reading (domain/movement.py) is dated by its session's start."""
    return bool(re.search(r"\.readings\[\d+\]\.at$", path))


def returned(p: OpenPractice) -> list[object]:
    out: list[object] = [cases.list_cases(p.uow()), overview.practice_overview(p.uow())]
    out.append(today.day_plan(p.uow()))
    for summary in cases.list_cases(p.uow()):
        case = cases.open_case(p.uow(), summary.id)
        out += [case, dynamics.case_timeline(p.uow(), case.id)]
        out.append(handouts_given.given_for_case(p.uow(), case.id))
        for s in case.sessions:
            assert s.note_id is not None
            out += [notes.open_note(p.uow(), s.note_id), markers.session_markers(p.uow(), s.id)]
    out.append(audit.list_events(p.uow(), audit.AuditFilter()))
    out.append(backups.list_backups(backups.backups_root(p.folder)))
    return out


def test_no_naive_time_leaves_the_services(practice: OpenPractice) -> None:
    draft = next(c for c in cases.list_cases(practice.uow()) if c.display_name.startswith("Beat"))
    case = cases.open_case(practice.uow(), draft.id)
    session = case.sessions[0]  # the newest: an unsigned joint session
    markers.add_marker(
        practice.uow(), session.id, MarkerKind.QUOTE, partner_id=case.partners[0].id, text="Hm."
    )
    handouts_given.record_given(practice.uow(), case.id, Step.NOTICE_THE_SHIFT)
    backups.backup_now(practice)

    found = [(path, at) for value in returned(practice) for path, at in walk(value)]
    naive = [path for path, at in found if at.tzinfo is None]
    odd = [p for p in naive if _field(p) not in WALL_CLOCK and not _session_reading(p)]
    assert not odd, odd
    aware = {path.rsplit(".", 1)[-1] for path, at in found if at.tzinfo is not None}
    # signed notes, addenda, audit rows, the marker, the handout and the backup were seen
    assert {"signed_at", "created_at", "at", "given_at"} <= aware
    assert all(at.utcoffset() == timedelta(0) for _, at in found if at.tzinfo is not None)
