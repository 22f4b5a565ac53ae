"""The key file wraps one random database key once per secret. A wrong secret is told
apart from a right one without touching the database, and tampering is never mistaken
for success."""

from __future__ import annotations

import base64
import secrets

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clarity_desktop.store import keys

FAST = keys.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@settings(max_examples=25, deadline=None)
@given(secret=st.text(min_size=1, max_size=40), other=st.text(min_size=1, max_size=40))
def test_only_the_same_secret_unwraps_the_key(secret: str, other: str) -> None:
    db_key = secrets.token_bytes(keys.KEY_BYTES)
    entry = keys.wrap(db_key, secret, FAST)
    assert keys.unwrap(entry, secret) == db_key
    if other != secret:
        with pytest.raises(keys.WrongSecret):
            keys.unwrap(entry, other)


def test_same_key_and_secret_wrap_differently_each_time() -> None:
    db_key = secrets.token_bytes(keys.KEY_BYTES)
    a, b = keys.wrap(db_key, "s3cret phrase", FAST), keys.wrap(db_key, "s3cret phrase", FAST)
    assert a["salt"] != b["salt"] and a["wrapped"] != b["wrapped"]
    assert base64.b64decode(a["wrapped"]) != db_key


@pytest.mark.parametrize("field", ["wrapped", "tag"])
def test_a_flipped_bit_is_never_accepted(field: str) -> None:
    db_key = secrets.token_bytes(keys.KEY_BYTES)
    entry = keys.wrap(db_key, "s3cret phrase", FAST)
    raw = bytearray(base64.b64decode(entry[field]))
    raw[0] ^= 1
    entry[field] = base64.b64encode(bytes(raw)).decode()
    with pytest.raises(keys.WrongSecret):
        keys.unwrap(entry, "s3cret phrase")


def test_recovery_key_looks_as_promised() -> None:
    key = keys.new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 6 and all(len(g) == 4 for g in groups)
    assert not set(key) & set("01IO")  # no look-alike characters
    assert keys.new_recovery_key() != key


@given(st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=24, max_size=24))
def test_recovery_key_normalising_forgives_case_and_separators(raw: str) -> None:
    shown = "-".join(raw[i : i + 4] for i in range(0, 24, 4))
    assert keys.normalise_recovery_key(shown) == shown
    assert keys.normalise_recovery_key(raw.lower()) == shown
    assert keys.normalise_recovery_key(" ".join(shown.lower().split("-"))) == shown


def test_a_key_file_demanding_absurd_argon2_cost_is_refused_as_damaged() -> None:
    import pytest

    from clarity_desktop.store import keys

    entry = keys.wrap(bytes(32), "secret passphrase", keys.KdfParams(1, 8 * 1024, 1))
    for field, value in (
        ("memory_kib", 64 * 1024 * 1024),
        ("time_cost", 10_000),
        ("parallelism", 0),
    ):
        bad = dict(entry, **{field: value})
        with pytest.raises(keys.KeyFileError):
            keys.unwrap(bad, "secret passphrase")
