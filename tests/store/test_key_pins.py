"""The keys a workstation remembers from the practice server (store/postgres/pins.py):
taken on first sight, kept across sign-ins in the server folder, a changed one refused in
words, and a damaged file refusing rather than starting again silently."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.store.postgres import address, pins
from clarity_desktop.store.postgres.address import ServerAddress
from clarity_desktop.store.postgres.encryption.values import EncryptionError
from clarity_desktop.store.postgres.pins import Pins


def test_a_key_is_remembered_on_first_sight_and_a_changed_one_refused(tmp_path: Path) -> None:
    Pins(tmp_path).check(pins.user(7), "AB12")
    again = Pins(tmp_path)  # the next sign-in reads what the first one saw
    again.check(pins.user(7), "ab12")  # the same key, however it is spelt
    again.check(pins.user(8), "cd34")  # someone else, first seen now
    with pytest.raises(EncryptionError) as refused:
        again.check(pins.user(7), "ef56", who="Eli Park")
    assert refused.value.code is ErrorCode.ENCRYPTION_KEY_CHANGED
    assert "Eli Park" in str(refused.value)
    Pins(tmp_path).check(pins.RECOVERY, "00")
    with pytest.raises(EncryptionError) as practice:
        Pins(tmp_path).check(pins.RECOVERY, "01")
    assert practice.value.code is ErrorCode.ENCRYPTION_PRACTICE_KEY_CHANGED
    assert not list(tmp_path.glob("*.tmp"))


def test_a_damaged_pins_file_refuses_instead_of_forgetting(tmp_path: Path) -> None:
    (tmp_path / pins.PINS_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(EncryptionError) as refused:
        Pins(tmp_path)
    assert refused.value.code is ErrorCode.ENCRYPTION_PINS_UNREADABLE
    assert (tmp_path / pins.PINS_FILE).read_text(encoding="utf-8") == "{not json"


def test_pointing_the_folder_at_another_database_forgets_the_old_ones_keys(
    tmp_path: Path,
) -> None:
    here = ServerAddress("db.example", 5432, "riverside", "dana", tmp_path / "ca.pem")
    address.write(tmp_path, here)
    Pins(tmp_path).check(pins.RECOVERY, "00")
    address.write(tmp_path, replace(here, user="dana2"))  # the same practice: kept
    with pytest.raises(EncryptionError):
        Pins(tmp_path).check(pins.RECOVERY, "01")
    address.write(tmp_path, replace(here, dbname="lakeside"))  # another practice
    Pins(tmp_path).check(pins.RECOVERY, "01")
