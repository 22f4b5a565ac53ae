"""A value encrypted for one place opens there and nowhere else: the server can keep it but
cannot read it, move it to another record or column, or put an older version back."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres.encryption import values
from clarity_desktop.store.postgres.encryption.columns import place_of
from clarity_desktop.store.postgres.encryption.values import (
    DataKey,
    EncryptionError,
    KeyRing,
    Place,
    decrypt,
    encrypt,
)

NOTE = "Jordan said the quiet evenings feel like a verdict; Sam heard pressure."
SECTIONS = {"notice": "Jordan named the shift", "plan": "slow down, no decisions this week"}


def note_place(row: int = 41, column: str = "sections", version: int = 3) -> Place:
    return Place("notes", (row,), column, version)


@pytest.fixture
def key() -> DataKey:
    return DataKey.new()


def code_of(exc: pytest.ExceptionInfo[EncryptionError]) -> ErrorCode:
    return exc.value.code


def test_a_value_opens_in_its_own_place_and_the_text_is_not_in_what_is_stored(
    key: DataKey,
) -> None:
    stored = encrypt(NOTE, key, note_place())
    assert decrypt(stored, KeyRing.of(key), note_place()) == NOTE
    raw = base64.urlsafe_b64decode(stored[3:] + "=" * (-len(stored[3:]) % 4))
    for word in ("Jordan", "verdict", "pressure"):
        assert word not in stored and word.encode() not in raw
    assert values.is_encrypted(stored) and not values.is_encrypted(NOTE)


def test_the_same_text_encrypts_differently_each_time(key: DataKey) -> None:
    assert encrypt(NOTE, key, note_place()) != encrypt(NOTE, key, note_place())


def test_json_sections_and_an_empty_text_round_trip(key: DataKey) -> None:
    ring = KeyRing.of(key)
    stored = values.encrypt_json(SECTIONS, key, note_place())
    assert values.decrypt_json(stored, ring, note_place()) == SECTIONS
    empty = encrypt("", key, note_place(column="body"))
    assert values.is_encrypted(empty)
    assert decrypt(empty, ring, note_place(column="body")) == ""


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_round_trips(text: str) -> None:
    key = DataKey.new(7)
    assert decrypt(encrypt(text, key, note_place()), KeyRing.of(key), note_place()) == text


@pytest.mark.parametrize(
    "elsewhere",
    [
        note_place(row=42),  # moved to another note
        note_place(column="comment"),  # moved to another column of the same row
        Place("addenda", (41,), "sections", 3),  # moved to another table with the same id
        note_place(version=4),  # the row moved on; the server put the older text back
    ],
    ids=["another row", "another column", "another table", "an older row_version"],
)
def test_a_value_moved_or_rolled_back_fails_as_tampered(key: DataKey, elsewhere: Place) -> None:
    stored = encrypt(NOTE, key, note_place())
    with pytest.raises(EncryptionError) as exc:
        decrypt(stored, KeyRing.of(key), elsewhere)
    assert code_of(exc) == ErrorCode.ENCRYPTION_VALUE_TAMPERED
    assert "notes" in str(exc.value) or "addenda" in str(exc.value)


def test_a_rollback_after_a_save_is_caught(key: DataKey) -> None:
    """Saved at version 1, saved again at 2; the server serves version 1's ciphertext."""
    first = encrypt("first draft", key, note_place(version=1))
    encrypt("second draft", key, note_place(version=2))
    with pytest.raises(EncryptionError) as exc:
        decrypt(first, KeyRing.of(key), note_place(version=2))
    assert code_of(exc) == ErrorCode.ENCRYPTION_VALUE_TAMPERED


def test_every_flipped_bit_is_refused(key: DataKey) -> None:
    sealed = values.encrypt_bytes(b"the loop tightened", key, note_place())
    ring = KeyRing.of(key)
    for i in range(len(sealed)):
        for bit in (0, 7):
            bent = bytearray(sealed)
            bent[i] ^= 1 << bit
            with pytest.raises(EncryptionError) as exc:
                values.decrypt_bytes(bytes(bent), ring, note_place())
            # The version byte: unreadable; the generation: a key we do not hold; the rest:
            # tampered. Never the text.
            expected = (
                ErrorCode.ENCRYPTION_VALUE_MALFORMED
                if i == 0
                else ErrorCode.ENCRYPTION_KEY_NOT_HELD
                if i < 5
                else ErrorCode.ENCRYPTION_VALUE_TAMPERED
            )
            assert code_of(exc) == expected, i


def test_another_cases_key_does_not_open_it(key: DataKey) -> None:
    stored = encrypt(NOTE, key, note_place())
    with pytest.raises(EncryptionError) as exc:
        decrypt(stored, KeyRing.of(DataKey(key.generation, DataKey.new().secret)), note_place())
    assert code_of(exc) == ErrorCode.ENCRYPTION_VALUE_TAMPERED


@pytest.mark.parametrize("stored", ["plain text", "c1.", "c1.!!!!", "c1.AAAA", 17])
def test_what_is_not_an_encrypted_value_is_said_so(key: DataKey, stored: object) -> None:
    with pytest.raises(EncryptionError) as exc:
        decrypt(stored, KeyRing.of(key), note_place())  # type: ignore[arg-type]
    assert code_of(exc) in (
        ErrorCode.ENCRYPTION_VALUE_MALFORMED,
        ErrorCode.ENCRYPTION_VALUE_TAMPERED,
    )


def test_a_rotated_ring_reads_old_values_and_writes_the_new_generation(key: DataKey) -> None:
    old = encrypt("before Eli left", key, note_place())
    ring, newest = KeyRing.of(key).rotated()
    assert newest.generation == key.generation + 1 and ring.newest == newest
    new = encrypt("after Eli left", ring.newest, note_place())
    assert decrypt(old, ring, note_place()) == "before Eli left"
    assert decrypt(new, ring, note_place()) == "after Eli left"
    with pytest.raises(EncryptionError) as exc:  # Eli's program holds generation 1 only
        decrypt(new, KeyRing.of(key), note_place())
    assert code_of(exc) == ErrorCode.ENCRYPTION_KEY_NOT_HELD
    with pytest.raises(EncryptionError) as exc:
        KeyRing({}).newest  # noqa: B018
    assert code_of(exc) == ErrorCode.ENCRYPTION_KEY_NOT_HELD


def test_the_place_comes_from_the_row_as_columns_py_describes(key: DataKey) -> None:
    reading = {"note_id": 41, "partner_id": 7, "row_version": 2, "flooding_note": "went quiet"}
    place = place_of("partner_readings", reading, "flooding_note")
    assert place == Place("partner_readings", (41, 7), "flooding_note", 2)
    addendum = {"id": 5, "body": "Later."}  # append-only: no row_version, bound to 0
    assert place_of("addenda", addendum, "body") == Place("addenda", (5,), "body", 0)
    note = {"id": 41, "row_version": 3, "sections": SECTIONS}
    assert place_of("notes", note, "sections") == note_place()
    with pytest.raises(KeyError):
        place_of("notes", note, "template")
    stored = encrypt("went quiet", key, place)
    swapped = place_of("partner_readings", {**reading, "partner_id": 8}, "flooding_note")
    with pytest.raises(EncryptionError):  # the other partner's reading
        decrypt(stored, KeyRing.of(key), swapped)


def test_a_data_key_never_shows_its_secret() -> None:
    key = DataKey.new()
    assert key.secret.hex() not in repr(key) and "secret" not in repr(key)
    with pytest.raises(ValueError):
        DataKey(0, key.secret)
