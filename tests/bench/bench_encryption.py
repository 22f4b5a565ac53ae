"""What encrypting clinical text in the program costs, per value and per note. Prints a
table; asserts nothing about time.

    .venv/bin/python tests/bench/bench_encryption.py [--runs 2000]

Times, each as the median over --runs (microseconds): encrypting and decrypting a short
field (a name, 40 characters), a reading's note (200), a note's sections (1,500, as JSON)
and a long note (10,000); the blind-index tokens of a 1,500-character note (folding only,
and with snowball's English and Spanish stemmers when snowballstemmer is importable);
wrapping and unwrapping a case key for one reader; and, once, a staff member's keys
unwrapped by password at the program's real Argon2 cost (one per sign-in). Then what
opening a case of 30 notes adds: 30 notes' sections, 60 readings and 30 names decrypted.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import time
from collections.abc import Callable

from clarity_desktop.store import keys
from clarity_desktop.store.postgres.encryption import blind, values, wrapping
from clarity_desktop.store.postgres.encryption.values import DataKey, KeyRing, Place

# A vocabulary of made-up words (a note of 1,500 characters holds ~150-200 distinct ones).
_RANDOM = random.Random(14)
VOCABULARY = [
    "".join(_RANDOM.choice("abcdefghilmnoprstuvyáéíóñ") for _ in range(_RANDOM.randint(2, 11)))
    for _ in range(5000)
]


def note_text(chars: int) -> str:
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < chars:
        out.append(_RANDOM.choice(VOCABULARY))
    return " ".join(out)[:chars]


def median_us(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e6)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=2000)
    runs = ap.parse_args().runs
    key = DataKey.new()
    ring = KeyRing.of(key)
    place = Place("notes", (123456,), "sections", 4)
    rows: list[tuple[str, float]] = []

    for label, chars in (("name 40", 40), ("reading 200", 200), ("note 1,500", 1500)):
        plain = note_text(chars)
        stored = values.encrypt(plain, key, place)
        rows.append(
            (f"encrypt {label}", median_us(lambda p=plain: values.encrypt(p, key, place), runs))
        )
        rows.append(
            (f"decrypt {label}", median_us(lambda s=stored: values.decrypt(s, ring, place), runs))
        )
    long_text = note_text(10_000)
    long_stored = values.encrypt(long_text, key, place)
    rows.append(
        ("encrypt note 10,000", median_us(lambda: values.encrypt(long_text, key, place), runs))
    )
    rows.append(
        ("decrypt note 10,000", median_us(lambda: values.decrypt(long_stored, ring, place), runs))
    )
    sections = {"notice": note_text(500), "name": note_text(500), "plan": note_text(500)}
    json_stored = values.encrypt_json(sections, key, place)
    rows.append(
        (
            "decrypt JSON sections",
            median_us(lambda: values.decrypt_json(json_stored, ring, place), runs),
        )
    )

    search_key = blind.SearchKey(secrets.token_bytes(32))
    note = note_text(1500)
    rows.append(
        ("tokens/note, fold only", median_us(lambda: blind.text_tokens(note, search_key, ()), runs))
    )
    stemmers = blind.default_stemmers()
    if stemmers:

        def cold() -> None:  # every word new to the stem cache, as in a first import
            for stem in stemmers:
                stem.cache_clear()  # type: ignore[attr-defined]
            blind.text_tokens(note, search_key, stemmers)

        rows.append(("tokens/note, stems, cold", median_us(cold, max(20, runs // 20))))
        rows.append(
            (
                "tokens/note, stems, warm",
                median_us(lambda: blind.text_tokens(note, search_key, stemmers), runs),
            )
        )
    distinct = len(blind.text_tokens(note, search_key, stemmers))

    reader = wrapping.new_key_pair()
    what = wrapping.Wrap("case", 7, 1, "user:2")
    wrapped = wrapping.wrap_key(key.secret, reader.public_key(), what)
    rows.append(
        (
            "wrap a case key",
            median_us(lambda: wrapping.wrap_key(key.secret, reader.public_key(), what), runs // 4),
        )
    )
    rows.append(
        (
            "unwrap a case key",
            median_us(lambda: wrapping.unwrap_key(wrapped, reader, what), runs // 4),
        )
    )

    user_keys = wrapping.wrap_user_keys(
        secrets.token_bytes(32), reader, "a long password", keys.DEFAULT_KDF
    )
    rows.append(
        (
            "sign-in unwrap (Argon2)",
            median_us(lambda: wrapping.unwrap_user_keys(user_keys, "a long password"), 3),
        )
    )

    note_sections = [
        values.encrypt_json(sections, key, Place("notes", (i,), "sections", 1)) for i in range(30)
    ]
    readings = [
        values.encrypt(note_text(200), key, Place("partner_readings", (i, p), "flooding_note", 0))
        for i in range(30)
        for p in (1, 2)
    ]
    names = [
        values.encrypt(note_text(40), key, Place("cases", (i,), "display_name", 1))
        for i in range(30)
    ]

    def open_case() -> None:
        for i, s in enumerate(note_sections):
            values.decrypt_json(s, ring, Place("notes", (i,), "sections", 1))
        for j, r in enumerate(readings):
            values.decrypt(
                r, ring, Place("partner_readings", (j // 2, 1 + j % 2), "flooding_note", 0)
            )
        for i, n in enumerate(names):
            values.decrypt(n, ring, Place("cases", (i,), "display_name", 1))

    rows.append(("open a case (120 values)", median_us(open_case, max(20, runs // 20))))

    print(
        f"runs: {runs}; stemmers: {len(stemmers) or 'none (fold only)'}; "
        f"distinct tokens in a 1,500-character note: {distinct}"
    )
    print(f"{'what':<28}{'median µs':>12}")
    for name, us in rows:
        print(f"{name:<28}{us:>12.1f}")


if __name__ == "__main__":
    main()
