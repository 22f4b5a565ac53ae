"""A practice made before seals: its first passphrase unlock gives it a signing key and
seals what was signed; unlocked later with its recovery key (which holds no signing key),
signing waits for a new passphrase, and the new key vouches for the old so every earlier
seal still verifies."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import integrity, notes, practices, sessions
from clarity_desktop.services.dto import NoteDraft
from clarity_desktop.store import practice as store

FIXTURES = Path(__file__).parent / "fixtures"
PASSPHRASE = "fixture passphrase"
RECOVERY = "FIXT-URER-ECOV-ERYK-EY23-4567"


def sign_new_note(opened: practices.OpenPractice) -> int:
    s = sessions.create_session(opened.uow(), 1, SessionInput(datetime(2025, 4, 1, 10)))
    assert s.note_id is not None
    notes.save_draft(
        opened.uow(),
        s.note_id,
        NoteDraft(Template.FIVE_STEPS, {"focus": "After the upgrade."}, frozenset(), {}, False),
    )
    notes.sign_note(opened.uow(), s.note_id)
    return s.note_id


def test_recovery_then_a_new_passphrase_keeps_every_seal_valid(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    shutil.copytree(FIXTURES / "rev-0004", folder)
    assert not store.read_key_file(folder).signer_public
    opened = practices.unlock_practice(folder, PASSPHRASE)
    first_key = store.read_key_file(folder).signer_public
    assert first_key and integrity.legacy_count(opened) == 5
    sign_new_note(opened)
    opened.close()

    recovered = practices.unlock_practice(folder, RECOVERY, recovery=True)
    assert recovered.signer is None
    with pytest.raises(ValidationError, match="set a new passphrase"):
        sign_new_note(recovered)
    practices.reset_passphrase(
        recovered, RECOVERY, "a brand new passphrase", "a brand new passphrase"
    )
    assert recovered.signer is not None
    sign_new_note(recovered)
    assert integrity.verify_seals(recovered) == []
    recovered.close()

    keyfile = store.read_key_file(folder)
    assert keyfile.signer_public != first_key
    assert [f["public"] for f in keyfile.former_signers] == [first_key]
    # Both secrets now carry the new signing key.
    for secret, recovery in (("a brand new passphrase", False), (RECOVERY, True)):
        again = practices.unlock_practice(folder, secret, recovery=recovery)
        try:
            assert again.signer is not None
            assert integrity.verify_seals(again) == []
        finally:
            again.close()
    summary = practices.check_practice(folder, "a brand new passphrase")
    assert summary.note_count == 6 + 3  # the fixture's, and one per sign_new_note call


def test_a_former_key_without_a_genuine_vouch_is_not_trusted(tmp_path: Path) -> None:
    """Someone with file access adds their own key to the list of former signers."""
    import dataclasses

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from clarity_desktop.store.files import key_path
    from clarity_desktop.store.seals import public_hex

    folder = tmp_path / "old"
    shutil.copytree(FIXTURES / "rev-0004", folder)
    practices.unlock_practice(folder, PASSPHRASE).close()
    intruder = Ed25519PrivateKey.generate()
    keyfile = store.read_key_file(folder)
    forged = {"public": public_hex(intruder), "vouch": intruder.sign(b"x").hex()}
    dataclasses.replace(keyfile, former_signers=(forged,)).write_atomically(key_path(folder))
    opened = practices.unlock_practice(folder, PASSPHRASE)
    try:
        assert public_hex(intruder) not in store.trusted_keys(
            store.read_key_file(folder), opened.signer
        )
    finally:
        opened.close()
