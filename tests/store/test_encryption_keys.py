"""Who can open a case's key: the people it was wrapped for, and the recovery sheet; nobody
else, and no wrap the server moved to another case, generation or person."""

from __future__ import annotations

import secrets

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store import keys
from clarity_desktop.store.postgres import logins
from clarity_desktop.store.postgres.encryption import recovery, wrapping
from clarity_desktop.store.postgres.encryption.values import (
    DataKey,
    EncryptionError,
    KeyRing,
    Place,
    decrypt,
    encrypt,
)
from clarity_desktop.store.postgres.encryption.wrapping import Wrap, unwrap_key, wrap_key
from tests.conftest import FAST_KDF, PASSPHRASE

DANA, ELI = 2, 3


def case_wrap(case: int, generation: int, recipient: str) -> Wrap:
    return Wrap("case", case, generation, recipient)


def test_a_staff_members_keys_open_with_their_password_only() -> None:
    seed, box = secrets.token_bytes(32), wrapping.new_key_pair()
    wrapped = wrapping.wrap_user_keys(seed, box, PASSPHRASE, FAST_KDF)
    got_seed, got_box = wrapping.unwrap_user_keys(wrapped, PASSPHRASE)
    assert got_seed == seed and got_box is not None
    assert wrapping.private_bytes(got_box) == wrapping.private_bytes(box)
    with pytest.raises(keys.WrongSecret):
        wrapping.unwrap_user_keys(wrapped, "not the password")


def test_a_key_wrapped_before_encryption_has_no_encryption_key_yet() -> None:
    """Staff made by today's logins.add_staff: the seed alone; they make a key pair at
    their next sign-in."""
    seed = secrets.token_bytes(32)
    got_seed, got_box = wrapping.unwrap_user_keys(logins.wrap_seed(seed, "pw", FAST_KDF), "pw")
    assert got_seed == seed and got_box is None


def test_a_wrap_for_dana_opens_with_danas_key_and_not_elis() -> None:
    dana, eli = wrapping.new_key_pair(), wrapping.new_key_pair()
    case_key = DataKey.new()
    what = case_wrap(7, 1, f"user:{DANA}")
    wrapped = wrap_key(case_key.secret, dana.public_key(), what)
    assert case_key.secret not in wrapped
    assert unwrap_key(wrapped, dana, what) == case_key.secret
    with pytest.raises(EncryptionError) as exc:
        unwrap_key(wrapped, eli, what)
    assert exc.value.code == ErrorCode.ENCRYPTION_WRAP_UNOPENED


@pytest.mark.parametrize(
    "claimed",
    [
        case_wrap(8, 1, f"user:{DANA}"),  # handed out as case 8's key
        case_wrap(7, 2, f"user:{DANA}"),  # as another generation
        case_wrap(7, 1, f"user:{ELI}"),  # Dana's wrap listed as Eli's
        Wrap("search", 7, 1, f"user:{DANA}"),  # as the search key
    ],
    ids=["another case", "another generation", "another recipient", "another scope"],
)
def test_a_wrap_the_server_moved_does_not_open(claimed: Wrap) -> None:
    dana = wrapping.new_key_pair()
    wrapped = wrap_key(DataKey.new().secret, dana.public_key(), case_wrap(7, 1, f"user:{DANA}"))
    with pytest.raises(EncryptionError) as exc:
        unwrap_key(wrapped, dana, claimed)
    assert exc.value.code == ErrorCode.ENCRYPTION_WRAP_UNOPENED


def test_a_flipped_bit_in_a_wrap_is_refused() -> None:
    dana = wrapping.new_key_pair()
    what = case_wrap(7, 1, "user:2")
    wrapped = wrap_key(DataKey.new().secret, dana.public_key(), what)
    for i in range(len(wrapped)):
        bent = bytearray(wrapped)
        bent[i] ^= 0x10
        with pytest.raises(EncryptionError):
            unwrap_key(bytes(bent), dana, what)
    with pytest.raises(EncryptionError):
        unwrap_key(wrapped[:-1], dana, what)


def test_the_recovery_key_opens_every_case_key_of_every_generation() -> None:
    sheet_key = recovery.new_recovery_key()
    on_paper = recovery.printable(sheet_key)
    server_public = sheet_key.public_key()  # all the server keeps
    made = {(case, gen): DataKey.new(gen) for case in (1, 2, 3) for gen in (1, 2)}
    wraps = {
        at: wrap_key(key.secret, server_public, case_wrap(*at, "recovery"))
        for at, key in made.items()
    }
    typed_back = recovery.parse_for(on_paper.lower().replace("-", " "), server_public)
    for at, wrapped in wraps.items():
        assert unwrap_key(wrapped, typed_back, case_wrap(*at, "recovery")) == made[at].secret


def test_the_printed_recovery_key_parses_back_exactly() -> None:
    key = recovery.new_recovery_key()
    text = recovery.printable(key)
    lines = text.splitlines()
    assert len(lines) == 2 and all(len(line.split("-")) == 7 for line in lines)
    assert all(len(g) == 4 for line in lines for g in line.split("-"))
    assert set(text) <= set(recovery.ALPHABET) | {"-", "\n"}
    back = recovery.parse(text)
    assert wrapping.private_bytes(back) == wrapping.private_bytes(key)


@pytest.mark.parametrize("position", [0, 13, 27, 40, 55])
def test_a_mistyped_character_is_caught_by_the_checksum(position: int) -> None:
    chars = [c for c in recovery.printable(recovery.new_recovery_key()) if c.isalnum()]
    original = chars[position]
    chars[position] = next(c for c in recovery.ALPHABET if c != original)
    with pytest.raises(EncryptionError) as exc:
        recovery.parse("".join(chars))
    assert exc.value.code == ErrorCode.ENCRYPTION_RECOVERY_KEY_TYPO


def test_two_swapped_neighbours_are_caught() -> None:
    chars = [c for c in recovery.printable(recovery.new_recovery_key()) if c.isalnum()]
    i = next(i for i in range(len(chars) - 1) if chars[i] != chars[i + 1])
    chars[i], chars[i + 1] = chars[i + 1], chars[i]
    with pytest.raises(EncryptionError) as exc:
        recovery.parse("".join(chars))
    assert exc.value.code == ErrorCode.ENCRYPTION_RECOVERY_KEY_TYPO


@pytest.mark.parametrize(
    "typed", ["", "ABCD-EFGH", "0" * 56, "A" * 55, "A" * 57, "ABCD-" * 13 + "ABC1"]
)
def test_what_is_not_a_recovery_key_is_said_so(typed: str) -> None:
    with pytest.raises(EncryptionError) as exc:
        recovery.parse(typed)
    assert exc.value.code == ErrorCode.ENCRYPTION_RECOVERY_KEY_MALFORMED
    assert "56" in str(exc.value)


def test_another_practices_recovery_key_is_told_apart() -> None:
    ours, theirs = recovery.new_recovery_key(), recovery.new_recovery_key()
    with pytest.raises(EncryptionError) as exc:
        recovery.parse_for(recovery.printable(theirs), ours.public_key())
    assert exc.value.code == ErrorCode.ENCRYPTION_RECOVERY_KEY_OTHER


def test_an_encryption_key_certified_by_its_owner_cannot_be_swapped() -> None:
    signer = Ed25519PrivateKey.generate()
    signer_hex = signer.public_key().public_bytes_raw().hex()
    box = wrapping.new_key_pair().public_key()
    cert = wrapping.certificate(signer, DANA, box)
    assert wrapping.certified(cert, signer_hex, DANA, box)
    swapped = wrapping.new_key_pair().public_key()  # the server's own key on Dana's row
    assert not wrapping.certified(cert, signer_hex, DANA, swapped)
    assert not wrapping.certified(cert, signer_hex, ELI, box)  # Dana's key as Eli's
    assert not wrapping.certified("zz", signer_hex, DANA, box)
    assert len(wrapping.fingerprint(box).split()) == 8


def test_a_case_shared_with_a_colleague_then_rotated_when_she_leaves() -> None:
    """Dana opens the case; the emergency key (held by Sam) lets Sam share it with Eli;
    when Eli leaves, Dana's program rotates: Eli's old key reads old text, not new."""
    dana, eli, sam = (wrapping.new_key_pair() for _ in range(3))
    emergency, sheet = wrapping.new_key_pair(), recovery.new_recovery_key()
    sam_emergency = wrap_key(
        wrapping.private_bytes(emergency), sam.public_key(), Wrap("emergency", 0, 1, "user:4")
    )
    gen1 = DataKey.new()
    by_recovery = wrap_key(gen1.secret, sheet.public_key(), case_wrap(7, 1, "recovery"))
    by_emergency = wrap_key(gen1.secret, emergency.public_key(), case_wrap(7, 1, "emergency"))
    note = Place("notes", (41,), "sections", 1)
    stored = encrypt("the first session", gen1, note)

    # Sam, a supervisor, fulfils the pending wrap for Eli without Dana being signed in.
    opened = unwrap_key(sam_emergency, sam, Wrap("emergency", 0, 1, "user:4"))
    sams_emergency_key = X25519PrivateKey.from_private_bytes(opened)
    case_key = unwrap_key(by_emergency, sams_emergency_key, case_wrap(7, 1, "emergency"))
    for_eli = wrap_key(case_key, eli.public_key(), case_wrap(7, 1, f"user:{ELI}"))
    elis_ring = KeyRing.of(DataKey(1, unwrap_key(for_eli, eli, case_wrap(7, 1, f"user:{ELI}"))))
    assert decrypt(stored, elis_ring, note) == "the first session"

    # Eli leaves; Dana's program makes generation 2 for the readers who remain.
    danas_ring, gen2 = KeyRing.of(gen1).rotated()
    wrap_key(gen2.secret, dana.public_key(), case_wrap(7, 2, f"user:{DANA}"))
    later = Place("notes", (41,), "sections", 2)
    rewritten = encrypt("the first session, with an added line", danas_ring.newest, later)
    assert decrypt(rewritten, danas_ring, later).endswith("added line")
    with pytest.raises(EncryptionError) as exc:
        decrypt(rewritten, elis_ring, later)
    assert exc.value.code == ErrorCode.ENCRYPTION_KEY_NOT_HELD
    # The recovery sheet still opens generation 1 (and is wrapped each new generation too).
    assert unwrap_key(by_recovery, sheet, case_wrap(7, 1, "recovery")) == gen1.secret
