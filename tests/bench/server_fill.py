"""A practice server's records made in bulk for the server benchmarks, stored the way the
program stores them: on the encrypted server (issue 14) every column the program encrypts
(store/postgres/encryption/columns.ENCRYPTED) holds ciphertext under its case's key or,
for client names and contacts, the practice's directory key, bound to its row exactly as
values.Place binds it, note_search holds each note's blind tokens under the
case's search key, and each case's key is wrapped for its clinician and the recovery key;
on the server of issue 13 (``plain``) the same rows hold plain text and note_search the
folded text and its tsvector, as that program's search index wrote them.

The encryption and tokens are made by the program's own functions (values.encrypt_json,
keychain.search_key, blind.text_tokens), in worker processes, and written with COPY; only
the rows' shape is the benchmark's. Works with either program on sys.path: it imports
the encryption modules only for the encrypted side.

The records: *cases* couples, each assigned to one of the clinicians in turn, with
*per_case* weekly sessions and one unsigned note each (three sections of about 50 words).
Words come from a vocabulary of 50,000 with a Zipf long tail: a few words are in most
notes ("loop" in about a third), most are rare, and RARE is placed where it falls in about
one note in 2,000.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import random
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg

VOCABULARY_SIZE = 50_000
WORDS_PER_SECTION = 50
SECTIONS = ("focus", "shift", "naming")
RARE = "kintsugi"
RARE_IN_NOTES = 1 / 2000  # the share of notes RARE is placed to fall in
COMMON = "loop"
_HEAD_WORDS = (
    "the and a to of in was she he they we felt said about with when her his that it "
    "pursue withdraw shift calmer repair softened named pattern bid turned away reached "
    "listened flooded paused breath anchored steady curious blame fear longing distance "
    "closeness rupture attune hurt tender safety pressure silence rushing criticism defend "
    "explained heard seen valued alone together plan step evening weekend morning dinner "
    "phone family work money parenting intimacy trust respect"
)
HEAD = _HEAD_WORDS.split()
COMMON_RANK = 30
STARTS = datetime(2024, 1, 8, 10, 0)
NOW = datetime(2026, 6, 1, 9, 0)


@dataclass(frozen=True)
class Shape:
    cases: int
    per_case: int
    clinicians: int

    @property
    def notes(self) -> int:
        return self.cases * self.per_case


def vocabulary(shape: Shape) -> tuple[list[str], list[float]]:
    """The words and their cumulative Zipf weights (rank r weighs 1/(r+1))."""
    rng = random.Random(14)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["an", "el", "or", "is"]
    words = [w for w in HEAD if w != COMMON]
    words.insert(COMMON_RANK, COMMON)
    seen = set(words) | {RARE}
    while len(words) < VOCABULARY_SIZE:
        w = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    harmonic = sum(1 / (r + 1) for r in range(VOCABULARY_SIZE))
    drawn = shape.notes * WORDS_PER_SECTION * len(SECTIONS)
    rank = min(VOCABULARY_SIZE - 1, round(drawn / (shape.notes * RARE_IN_NOTES * harmonic)) - 1)
    words[rank] = RARE
    cumulative, total = [], 0.0
    for r in range(VOCABULARY_SIZE):
        total += 1 / (r + 1)
        cumulative.append(total)
    return words, cumulative


# Ids: case c (1..cases) has partners 2c-1 and 2c, and sessions (and notes, same ids)
# (c-1)*per_case + k for k in 1..per_case. Case c belongs to clinician (c % clinicians).


def clinician_of(case_id: int, shape: Shape) -> int:
    return case_id % shape.clinicians


def a_case_of(clinician: int, shape: Shape) -> int:
    """A case in the middle of the practice that belongs to *clinician*."""
    middle = shape.cases // 2
    return middle - middle % shape.clinicians + clinician


def sections_of_case(
    case_id: int, shape: Shape, words: Sequence[str], cumulative: Sequence[float]
) -> list[dict[str, str]]:
    """The case's notes' sections, oldest first: the same on both servers."""
    rng = random.Random(case_id)
    out = []
    for _ in range(shape.per_case):
        out.append(
            {
                key: " ".join(rng.choices(words, cum_weights=cumulative, k=WORDS_PER_SECTION))
                for key in SECTIONS
            }
        )
    return out


# --- COPY text format ------------------------------------------------------------------


def _field(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    if isinstance(value, list | tuple | frozenset | set):
        return "{" + ",".join(str(v) for v in value) + "}"
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _line(values: Sequence[object]) -> str:
    return "\t".join(_field(v) for v in values) + "\n"


COLUMNS = {
    "cases": (
        "id, kind, display_name, relationship_structure, status, opened_on, safety_flag, "
        "safety_note, created_at, updated_at, row_version"
    ),
    "partners": (
        "id, case_id, position, name, pronouns, email, phone, date_of_birth, language, row_version"
    ),
    "case_access": "case_id, user_id",
    "sessions": (
        "id, case_id, starts_at, duration_minutes, modality, created_at, status, "
        "status_reason, row_version"
    ),
    "notes": (
        "id, session_id, case_id, template, sections, private, created_at, updated_at, row_version"
    ),
}
PLAIN_SEARCH = "note_search_load (note_id, case_id, body, folded)"
ENCRYPTED_SEARCH = "note_search (note_id, addendum_id, case_id, tokens)"


def case_rows(case_id: int, shape: Shape, user_id: int) -> dict[str, list[list[object]]]:
    """Every row of one case but its notes, as plain values (column order of COLUMNS)."""
    opened = date(2024, 1, 1) + timedelta(days=case_id % 700)
    rows: dict[str, list[list[object]]] = {
        "cases": [
            [
                case_id,
                "couple",
                f"Client {case_id} & Partner {case_id}",
                "Married",
                "active",
                opened,
                False,
                "",
                NOW,
                NOW,
                1,
            ]
        ],
        "partners": [
            [
                2 * case_id - 1 + p,
                case_id,
                p + 1,
                f"Partner {p + 1} of {case_id}",
                "",
                "",
                "",
                None,
                "en",
                1,
            ]
            for p in (0, 1)
        ],
        "case_access": [[case_id, user_id]],
        "sessions": [],
    }
    for k in range(1, shape.per_case + 1):
        session_id = (case_id - 1) * shape.per_case + k
        rows["sessions"].append(
            [
                session_id,
                case_id,
                STARTS + timedelta(days=7 * k),
                50,
                "in_person",
                NOW,
                "held",
                "",
                1,
            ]
        )
    return rows


# --- one worker's share: a run of cases, written as COPY files ----------------------------


@dataclass(frozen=True)
class Job:
    side: str  # "plain" or "encrypted"
    shape: Shape
    first: int
    last: int
    user_ids: tuple[int, ...]  # per clinician index
    case_keys: dict[int, bytes]  # encrypted side: case id -> generation 1's secret
    folder: str
    directory_key: bytes = b""  # encrypted side: the directory key's generation 1


_WORDS: tuple[list[str], list[float]] | None = None


def _vocabulary(shape: Shape) -> tuple[list[str], list[float]]:
    global _WORDS
    if _WORDS is None:
        _WORDS = vocabulary(shape)
    return _WORDS


def make_files(job: Job) -> list[tuple[str, str]]:
    """(table, file) for this job's cases; the files hold COPY text."""
    words, cumulative = _vocabulary(job.shape)
    seal = _sealer(job) if job.side == "encrypted" else None
    fold = _plain_fold() if job.side == "plain" else None
    outputs: dict[str, Any] = {}

    def out(table: str) -> Any:
        if table not in outputs:
            path = Path(job.folder) / f"{table}-{job.first:06d}.copy"
            outputs[table] = path.open("w", encoding="utf-8")
        return outputs[table]

    for case_id in range(job.first, job.last + 1):
        user_id = job.user_ids[clinician_of(case_id, job.shape)]
        rows = case_rows(case_id, job.shape, user_id)
        notes = sections_of_case(case_id, job.shape, words, cumulative)
        for table, table_rows in rows.items():
            for row in table_rows:
                if seal is not None:
                    row = seal.row(table, row, case_id)
                out(table).write(_line(row))
        for k, sections in enumerate(notes, start=1):
            note_id = (case_id - 1) * job.shape.per_case + k
            body = "\n\n".join(v for v in sections.values() if v.strip())
            row = [note_id, note_id, case_id, "five_steps", sections, False, NOW, NOW, 1]
            if seal is not None:
                row = seal.row("notes", row, case_id)
                tokens = seal.tokens(case_id, body)
                out("note_search").write(_line([note_id, 0, case_id, tokens]))
            else:
                row[4] = json.dumps(sections)
                assert fold is not None
                out("note_search").write(_line([note_id, case_id, body, fold(body)]))
            out("notes").write(_line(row))
    for f in outputs.values():
        f.close()
    return [(t, f.name) for t, f in outputs.items()]


def _plain_fold() -> Callable[[str], str]:
    from clarity_desktop.store.postgres.search import fold

    return fold


class _Sealer:
    """The encrypted program's way of storing one row: each encrypted column under the
    case's key or the practice's directory key at the row's place, and a note's blind
    tokens."""

    def __init__(self, job: Job) -> None:
        from clarity_desktop.store.postgres.encryption import blind, values
        from clarity_desktop.store.postgres.keychain import search_key

        self.blind, self.search_key = blind, search_key
        self.keys = {c: values.DataKey(1, s) for c, s in job.case_keys.items()}
        self.directory = values.DataKey(1, job.directory_key)
        self.stemmers = blind.default_stemmers()
        self._search: dict[int, Any] = {}
        check_wired()

    def row(self, table: str, row: list[object], case_id: int) -> list[object]:
        names = [c.strip() for c in COLUMNS[table].split(",")]
        by_name = seal(
            table, dict(zip(names, row, strict=True)), self.keys[case_id], self.directory
        )
        return [by_name[n] for n in names]

    def tokens(self, case_id: int, body: str) -> list[int]:
        search = self._search.get(case_id)
        if search is None:
            search = self._search[case_id] = self.search_key(case_id, self.keys[case_id])
        return sorted(self.blind.text_tokens(body, search, self.stemmers))


def seal(table: str, row: dict[str, Any], case_key: Any, directory: Any) -> dict[str, Any]:
    """*row* (column -> plain value) with every encrypted column of *table* sealed as the
    program writes it (encrypted_rows.py, directory_rows.py): a date as its ISO text, a
    JSON value as JSON text, an empty or missing value as the encryption of "" (the
    program never leaves one plain: a plain "" would not open)."""
    from clarity_desktop.store.postgres.encryption import columns, values

    spec = columns.ENCRYPTED.get(table)
    if spec is None:
        return row
    out = dict(row)
    for column, scope in spec.columns.items():
        if column not in out:
            continue
        key = directory if scope == columns.DIRECTORY else case_key
        place = columns.place_of(table, out, column)
        plain = out[column]
        if column in spec.json:
            out[column] = json.dumps(values.encrypt_json(plain, key, place))
        else:  # a date's str() is its ISO text
            out[column] = values.encrypt("" if plain is None else str(plain), key, place)
    return out


def _sealer(job: Job) -> _Sealer:
    return _Sealer(job)


def check_wired() -> None:
    """Every encrypted column of a table filled here must be one this loader fills: a
    column encrypted later must be taught to the loader, never left plain."""
    from clarity_desktop.store.postgres.encryption import columns

    for table, names in COLUMNS.items():
        spec = columns.ENCRYPTED.get(table)
        have = {c.strip() for c in names.split(",")}
        for name in spec.columns if spec is not None else ():
            if name not in have:
                raise SystemExit(f"server_fill: {table}.{name} is encrypted now; fill it too")


# --- the whole load ------------------------------------------------------------------------


def _jobs(
    side: str,
    shape: Shape,
    user_ids: Sequence[int],
    keys: dict[int, bytes],
    folder: str,
    directory_key: bytes,
) -> Iterator[Job]:
    step = 100
    for first in range(1, shape.cases + 1, step):
        last = min(shape.cases, first + step - 1)
        chunk = {c: keys[c] for c in range(first, last + 1)} if keys else {}
        yield Job(side, shape, first, last, tuple(user_ids), chunk, folder, directory_key)


def load(
    side: str,
    shape: Shape,
    conninfo: str,
    user_ids: Sequence[int],
    case_keys: dict[int, bytes],
    extra: Callable[[psycopg.Connection[Any]], None] | None = None,
    directory_key: bytes = b"",
) -> None:
    """Every row into the practice's database as its superuser, triggers off (a
    benchmark's data: the record locks and case-key triggers would refuse or redo it),
    then the search index built, sequences moved on and statistics gathered. *extra*
    runs in the same transaction before the rows (the encrypted side's key wraps)."""
    with tempfile.TemporaryDirectory(prefix="clarity-fill-") as folder:
        jobs = list(_jobs(side, shape, user_ids, case_keys, folder, directory_key))
        context = multiprocessing.get_context("fork")
        with context.Pool(min(2, os.cpu_count() or 1)) as pool:
            made = [f for files in pool.imap(make_files, jobs) for f in files]
        with psycopg.connect(conninfo, options="-c search_path=clarity") as conn:
            conn.execute("SET session_replication_role = replica")
            conn.execute("SET maintenance_work_mem = '512MB'")
            if extra is not None:
                extra(conn)
            index = _drop_search_index(conn, side)
            if side == "plain":
                conn.execute(
                    "CREATE TEMP TABLE note_search_load (note_id integer, case_id integer, "
                    "body text, folded text)"
                )
            for table in ("cases", "partners", "case_access", "sessions", "notes", "note_search"):
                target = (
                    (PLAIN_SEARCH if side == "plain" else ENCRYPTED_SEARCH)
                    if table == "note_search"
                    else f"{table} ({COLUMNS[table]})"
                )
                with conn.cursor().copy(f"COPY {target} FROM STDIN") as copy:
                    for t, path in made:
                        if t == table:
                            with open(path, "rb") as f:
                                while block := f.read(1 << 20):
                                    copy.write(block)
            if side == "plain":
                # as the issue-13 program's TsvectorIndex.index_many writes each row
                conn.execute(
                    "INSERT INTO note_search (note_id, addendum_id, case_id, body, doc) "
                    "SELECT note_id, 0, case_id, body, to_tsvector('simple', folded) "
                    "FROM note_search_load"
                )
            conn.execute(index)  # type: ignore[arg-type]
            for table, last in (
                ("cases", shape.cases),
                ("partners", shape.cases * 2),
                ("sessions", shape.notes),
                ("notes", shape.notes),
            ):
                conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {last})")  # type: ignore[arg-type]
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")


def _drop_search_index(conn: psycopg.Connection[Any], side: str) -> str:
    """The search table's GIN index dropped for the load; returns its CREATE statement
    (as the server's schema made it), run once the rows are in."""
    column = "doc" if side == "plain" else "tokens"
    row = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'clarity' "
        "AND tablename = 'note_search' AND indexdef LIKE %s",
        (f"%USING gin ({column})%",),
    ).fetchone()
    if row is None:
        raise SystemExit(f"server_fill: note_search has no GIN index on {column}")
    conn.execute(f"DROP INDEX clarity.{row[0]}")  # type: ignore[arg-type]
    return str(row[1])


# The rows of a cluster loaded before a column was encrypted: sealed in place, once.
KEPT = {
    "cases": ("id", ("display_name", "relationship_structure", "safety_note")),
    "partners": ("case_id", ("name", "pronouns", "email", "phone", "date_of_birth")),
    "sessions": ("case_id", ("status_reason",)),
}


def seal_kept(conninfo: str, case_keys: dict[int, bytes], directory_key: bytes) -> dict[str, int]:
    """The plain values of a kept cluster's cases, partners and sessions (loaded when only
    note sections were encrypted) sealed as this loader would now write them: names and
    contacts under the directory key, the rest under each row's case key. One
    transaction, triggers off as in load(); returns the rows sealed per table."""
    from clarity_desktop.store.postgres.encryption import values

    keys = {c: values.DataKey(1, s) for c, s in case_keys.items()}
    directory = values.DataKey(1, directory_key)
    done: dict[str, int] = {}
    with psycopg.connect(conninfo, options="-c search_path=clarity") as conn:
        conn.execute("SET session_replication_role = replica")
        for table, (case_column, names) in KEPT.items():
            cols = ", ".join(names)
            conn.execute(
                f"CREATE TEMP TABLE sealed_{table} AS SELECT id, {cols} FROM {table} LIMIT 0"  # type: ignore[arg-type]
            )
            for name in names:
                conn.execute(f"ALTER TABLE sealed_{table} ALTER COLUMN {name} TYPE text")  # type: ignore[arg-type]
            found = conn.execute(
                f"SELECT id, row_version, {case_column}, {cols} FROM {table}"  # type: ignore[arg-type]
            ).fetchall()
            with conn.cursor().copy(f"COPY sealed_{table} (id, {cols}) FROM STDIN") as copy:  # type: ignore[arg-type]
                for row_id, version, case_id, *plain in found:
                    row = {
                        "id": row_id,
                        "row_version": version,
                        **dict(zip(names, plain, strict=True)),
                    }
                    out = seal(table, row, keys[case_id], directory)
                    copy.write_row([row_id, *(out[n] for n in names)])
            assignments = ", ".join(f"{n} = s.{n}" for n in names)
            conn.execute(
                f"UPDATE {table} t SET {assignments} FROM sealed_{table} s WHERE t.id = s.id"  # type: ignore[arg-type]
            )
            done[table] = len(found)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE clarity.cases, clarity.partners, clarity.sessions")
    return done


def expected_rare_notes(shape: Shape) -> int:
    return math.ceil(shape.notes * RARE_IN_NOTES)
