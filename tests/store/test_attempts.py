"""The record of failed unlock attempts kept beside a locked practice: what its chain
proves and what it cannot (store/attempts.py), and that two programs writing at once
lose nothing."""

from __future__ import annotations

import multiprocessing as mp
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clarity_desktop.store import attempts

KEY = secrets.token_bytes(32)
T0 = datetime(2026, 11, 24, 9, 0, 0, tzinfo=UTC)


def armed(folder: Path, failures: int, key: bytes = KEY) -> attempts.Record:
    folder.mkdir(exist_ok=True)
    assert attempts.arm(folder, key, None)
    for i in range(failures):
        attempts.append(folder, T0 + timedelta(seconds=i), "passphrase", "command-line")
    record = attempts.read(folder)
    assert record is not None
    return record


def rewrite(folder: Path, edit: object) -> attempts.Record:
    lines = attempts.path(folder).read_text(encoding="ascii").splitlines()
    assert callable(edit)
    attempts.path(folder).write_text("\n".join(edit(lines)) + "\n", encoding="ascii")
    return attempts.parse(attempts.path(folder).read_bytes())


def test_an_untouched_record_checks_out_in_order(tmp_path: Path) -> None:
    record = armed(tmp_path / "p", 5)
    verdict = attempts.verify(record, KEY)
    assert verdict.problem == "" and verdict.authenticated
    assert [a.number for a in verdict.trusted] == [1, 2, 3, 4, 5]
    assert [a.at for a in verdict.trusted] == [T0 + timedelta(seconds=i) for i in range(5)]
    assert record.last_at == T0 + timedelta(seconds=4)


def test_only_the_database_key_authenticates_it(tmp_path: Path) -> None:
    record = armed(tmp_path / "p", 2)
    verdict = attempts.verify(record, secrets.token_bytes(32))
    assert verdict.problem and verdict.trusted == ()


@pytest.mark.parametrize(
    ("name", "edit", "trusted"),
    [
        ("a time changed", lambda ls: [*ls[:3], ls[3].replace("09:00:01", "03:00:01"), *ls[4:]], 1),
        ("two swapped", lambda ls: [*ls[:3], ls[4], ls[3], *ls[5:]], 1),
        ("one removed", lambda ls: [*ls[:3], *ls[4:]], 1),
        ("the last two removed", lambda ls: [*ls[:5], ls[-1]], 3),
        (
            "front changed",
            lambda ls: [ls[0], ls[1], ls[2].replace("command-line", "window"), *ls[3:]],
            0,
        ),
        ("state rolled back", lambda ls: [*ls[:-1], ls[-1].replace(" 5 ", " 3 ", 1)], 5),
    ],
)
def test_a_changed_record_is_noticed_and_trusted_only_up_to_the_change(
    tmp_path: Path, name: str, edit: object, trusted: int
) -> None:
    folder = tmp_path / "p"
    armed(folder, 5)
    verdict = attempts.verify(rewrite(folder, edit), KEY)
    assert verdict.problem, name
    assert len(verdict.trusted) == trusted, name


def test_made_up_attempts_can_be_added_never_removed(tmp_path: Path) -> None:
    """The stated limit: whoever can write the folder holds the newest key, so they can
    append attempts of their own; the audit then lists more, never fewer."""
    folder = tmp_path / "p"
    armed(folder, 2)
    attempts.append(folder, T0 + timedelta(hours=1), "recovery-key", "-")
    verdict = attempts.verify(attempts.parse(attempts.path(folder).read_bytes()), KEY)
    assert verdict.problem == "" and len(verdict.trusted) == 3


def test_with_no_armed_record_a_failure_starts_an_open_one(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    attempts.append(folder, T0, "passphrase", "window")
    attempts.append(folder, T0, "passphrase", "window")
    record = attempts.read(folder)
    assert record is not None and record.period is None
    verdict = attempts.verify(record, KEY)
    assert verdict.problem == "" and not verdict.authenticated and len(verdict.trusted) == 2


def test_an_unreadable_file_is_replaced_by_an_open_record_at_the_next_failure(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    attempts.path(folder).write_bytes(b"\x00\xffnot a record")
    with pytest.raises(attempts.Unreadable):
        attempts.read(folder)
    attempts.append(folder, T0, "passphrase", "-")
    record = attempts.read(folder)
    assert record is not None and record.period is None and record.total == 1


def test_past_the_list_limit_attempts_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attempts, "MAX_LISTED", 3)
    record = armed(tmp_path / "p", 7)
    assert len(record.attempts) == 3 and record.more == 4 and record.total == 7
    assert record.last_at == T0 + timedelta(seconds=6)
    assert attempts.verify(record, KEY).problem == ""


def test_arming_never_wipes_an_attempt_written_meanwhile(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    record = armed(folder, 2)
    attempts.append(folder, T0 + timedelta(minutes=1), "passphrase", "window")
    assert not attempts.arm(folder, KEY, record.raw)  # not what was read: kept
    after = attempts.read(folder)
    assert after is not None and after.total == 3
    assert attempts.arm(folder, KEY, after.raw)
    fresh = attempts.read(folder)
    assert fresh is not None and fresh.total == 0 and fresh.period != record.period


def _hammer(folder: str, who: str, n: int) -> None:
    for i in range(n):
        attempts.append(Path(folder), T0 + timedelta(seconds=i), "passphrase", who)


def test_two_programs_failing_at_once_lose_no_attempt(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    armed(folder, 0)
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_hammer, args=(str(folder), who, 15)) for who in ("window", "-")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    record = attempts.read(folder)
    assert record is not None
    verdict = attempts.verify(record, KEY)
    assert verdict.problem == "" and len(verdict.trusted) == 30
    assert sorted(a.front for a in verdict.trusted) == ["-"] * 15 + ["window"] * 15
