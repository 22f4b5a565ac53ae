"""What ``server recover-keys`` would give, worked out before anything is written, so the
practice's owner sees it and approves it first (recover_keys.py).

An administrator can make accounts, set roles and link a supervisor on the server, so
who may read a case is not taken on trust:
- a case key goes only to a live person whose users.role is clinician or supervisor and
  whose PostgreSQL login is a member of that role's group (roles.GROUP: row security reads
  clinical tables by the group, and users.role alone an administrator may edit);
- through case_access (assigned) for such a person, or through a supervision link whose
  supervisor is such a supervisor; an emergency grant is left to its usual share;
- the renewed emergency key only to such supervisors;
- the client directory to every live staff member (everyone on the staff sees names);
- and each only when their key certificate checks out against their own signing key.

One recovery copy that does not open (a damaged row) leaves its case out, named, and the
rest goes on; a sheet of another practice was refused before this (recovery.parse_for).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Connection, text

from clarity_desktop.domain.identity import Role
from clarity_desktop.store.postgres import keytables
from clarity_desktop.store.postgres.encryption import wrapping
from clarity_desktop.store.postgres.encryption.values import EncryptionError

Scope = wrapping.Scope
ASSIGNED = "assigned"


@dataclass(frozen=True)
class Recipient:
    """One person the run would give keys to: *cases* as (case id, how they reach it:
    "assigned" or "supervises <name>")."""

    user_id: int
    login: str
    name: str
    role: str
    cases: tuple[tuple[int, str], ...] = ()
    directory: bool = False
    emergency: bool = False  # the renewed emergency key

    @property
    def reaches(self) -> tuple[str, ...]:
        return tuple(sorted({how for _case, how in self.cases}))


@dataclass(frozen=True)
class Plan:
    """Everything a run would give, and what it cannot, for the owner to approve."""

    recipients: tuple[Recipient, ...] = ()
    waiting: tuple[str, ...] = ()  # "Name (login)": no key pair of their own yet
    refused: tuple[str, ...] = ()  # "Name (login)": their certificate did not hold
    damaged: tuple[int, ...] = ()  # cases whose recovery copy does not open
    directory_damaged: bool = False
    unreached: tuple[int, ...] = ()  # cases no live clinician or supervisor may read

    @property
    def gives_anything(self) -> bool:
        return bool(self.recipients)


@dataclass(frozen=True)
class Person:
    user_id: int
    login: str
    name: str
    role: str
    box: X25519PublicKey | None
    vouched: bool
    reads_records: bool  # users.role clinician/supervisor, and a member of its group

    @property
    def ready(self) -> bool:
        return self.box is not None and self.vouched

    @property
    def supervisor(self) -> bool:
        return self.reads_records and self.role == Role.SUPERVISOR.value

    @property
    def label(self) -> str:
        return f"{self.name} ({self.login})"


@dataclass(frozen=True)
class Opened:
    """One key generation the sheet opened, and whom it is to be wrapped for."""

    kind: Scope
    owner: int
    generation: int
    secret: bytes
    to: tuple[int, ...]


@dataclass
class Worked:
    plan: Plan
    keys: list[Opened] = field(default_factory=list)
    people: dict[int, Person] = field(default_factory=dict)
    renews_emergency: bool = False


def work_out(conn: Connection, private: X25519PrivateKey) -> Worked:
    """What the sheet opens, and for whom, with nothing written."""
    people = _people(conn)
    ready = {u: p for u, p in people.items() if p.ready}
    held = {
        (str(r[0]), int(r[1]), int(r[2]), int(r[3]))
        for r in conn.execute(
            text(
                "SELECT scope, owner, generation, user_id FROM key_wraps WHERE user_id IS NOT NULL"
            )
        )
    }
    reach = _reach(conn, people)
    opened, damaged, directory_damaged = _open(conn, private)
    keys: list[Opened] = []
    cases: dict[int, dict[int, str]] = {u: {} for u in ready}
    directory: set[int] = set()
    for (kind, owner), generations in sorted(opened.items()):
        readers = (
            ready.keys() if kind == "directory" else reach.get(owner, {}).keys() & ready.keys()
        )
        for generation, secret in generations:
            to = tuple(u for u in sorted(readers) if (kind, owner, generation, u) not in held)
            if not to:
                continue
            keys.append(Opened(kind, owner, generation, secret, to))
            for user_id in to:
                if kind == "directory":
                    directory.add(user_id)
                else:
                    cases[user_id][owner] = reach[owner][user_id]
    renews = _emergency_retired(conn) and any(p.supervisor for p in ready.values())
    recipients = tuple(
        Recipient(
            p.user_id,
            p.login,
            p.name,
            p.role,
            tuple(sorted(cases[u].items())),
            u in directory,
            renews and p.supervisor,
        )
        for u, p in sorted(ready.items(), key=lambda i: (i[1].name, i[1].login))
        if cases[u] or u in directory or (renews and p.supervisor)
    )
    sealed_cases = {owner for kind, owner in opened if kind == "case"}
    plan = Plan(
        recipients,
        waiting=tuple(p.label for p in people.values() if p.box is None),
        refused=tuple(p.label for p in people.values() if p.box is not None and not p.vouched),
        damaged=tuple(sorted(damaged)),
        directory_damaged=directory_damaged,
        unreached=tuple(sorted(c for c in sealed_cases if not reach.get(c))),
    )
    return Worked(plan, keys, people, renews)


def _open(
    conn: Connection, private: X25519PrivateKey
) -> tuple[dict[tuple[Scope, int], list[tuple[int, bytes]]], set[int], bool]:
    """Every recovery copy the sheet opens, by (scope, owner); the cases with one that
    does not open are left out whole (nothing half given), and so is a damaged directory."""
    opened: dict[tuple[Scope, int], list[tuple[int, bytes]]] = {}
    damaged: set[int] = set()
    directory_damaged = False
    for scope, owner, generation, sealed in conn.execute(
        text(
            "SELECT scope, owner, generation, wrapped FROM key_wraps "
            "WHERE recipient = :r AND scope IN ('case', 'directory') "
            "ORDER BY scope, owner, generation"
        ),
        {"r": keytables.RECOVERY},
    ):
        kind: Scope = "case" if scope == "case" else "directory"
        what = wrapping.Wrap(kind, int(owner), int(generation), keytables.RECOVERY)
        try:
            secret = wrapping.unwrap_key(bytes(sealed), private, what)
        except EncryptionError:
            if kind == "directory":
                directory_damaged = True
            else:
                damaged.add(int(owner))
            continue
        opened.setdefault((kind, int(owner)), []).append((int(generation), secret))
    for owner in damaged:
        opened.pop(("case", owner), None)
    if directory_damaged:
        opened = {k: v for k, v in opened.items() if k[0] != "directory"}
    return opened, damaged, directory_damaged


def _people(conn: Connection) -> dict[int, Person]:
    """Every live staff member, and whether the server lets them read clinical records."""
    found = conn.execute(
        text(
            "SELECT u.id, s.login, u.display_name, u.role, s.box_public, s.box_certificate, "
            "s.public_key, reads_records(u.id) "  # by role and server group (keytables.py)
            "FROM users u JOIN staff s ON s.user_id = u.id "
            "WHERE NOT u.disabled ORDER BY u.id"
        )
    )
    people = {}
    for user_id, login, name, role, box_hex, certificate, signing, reads in found:
        box = None if box_hex is None else X25519PublicKey.from_public_bytes(bytes.fromhex(box_hex))
        vouched = box is not None and wrapping.certified(
            str(certificate or ""), str(signing), int(user_id), box
        )
        people[int(user_id)] = Person(
            int(user_id), str(login), str(name), str(role), box, vouched, bool(reads)
        )
    return people


def _reach(conn: Connection, people: dict[int, Person]) -> dict[int, dict[int, str]]:
    """Per case, who may read it and how: assigned (a live clinician or supervisor), or
    supervising someone assigned (a live supervisor). Assigned wins over supervision."""
    found = conn.execute(
        text(
            "SELECT a.case_id, a.user_id, NULL FROM case_access a UNION "
            "SELECT a.case_id, v.supervisor_id, u.display_name FROM supervision v "
            "JOIN case_access a ON a.user_id = v.supervisee_id "
            "JOIN users u ON u.id = v.supervisee_id"
        )
    )
    reach: dict[int, dict[int, str]] = {}
    for case_id, user_id, supervisee in sorted(found, key=lambda r: r[2] is None):
        person = people.get(int(user_id))
        if person is None or not (person.supervisor if supervisee else person.reads_records):
            continue
        how = f"supervises {supervisee}" if supervisee else ASSIGNED
        reach.setdefault(int(case_id), {})[int(user_id)] = how
    return reach


def _emergency_retired(conn: Connection) -> bool:
    """Whether the emergency key's last holder left (emergency_key.py): the sheet makes
    its next generation."""
    found = conn.execute(
        text("SELECT 1 FROM practice_keys WHERE name = :n AND retired"),
        {"n": keytables.EMERGENCY},
    )
    return found.first() is not None
