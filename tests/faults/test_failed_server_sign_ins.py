"""Wrong passwords for a practice server slow the next try down as wrong passphrases do
for the solo practice: the first slip is free, then 2, 4, 8 … seconds, counted from what
this computer wrote down (services/unlock_attempts.py), so a new form or a restarted
program skips no wait. At the next sign-in they reach the server's audit, in the server's
words. The password itself is never written anywhere. Failed on main: the connect form
and the unlock window's server choice let every try through at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clarity_desktop.services import practices, unlock_attempts
from clarity_desktop.services.locations import server_folder
from clarity_desktop.store.errors import WrongPassphrase
from clarity_desktop.ui.common.settings import ServerChoice
from clarity_desktop.ui.practice.server_connect import ServerConnectDialog
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.pg_practice import DANA, PgPractices

WRONG = ("not her password 1", "not her password 2")


@pytest.fixture
def server(
    pg_practices: PgPractices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> ServerChoice:
    """Dana's server, signed in to from a computer of this test's own (its data folder,
    where the program keeps each server's folder)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    cluster = pg_practices.cluster
    dbname = pg_practices.new_database(tmp_path)
    return ServerChoice(cluster.host, cluster.port, dbname, DANA.login, cluster.ca_file)


def _folder(server: ServerChoice) -> Path:
    return server_folder(server.host.upper(), server.database, server.login)  # any case


def _written(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_wrong_passwords_are_counted_then_audited_on_the_server_and_never_kept(
    pg_practices: PgPractices, server: ServerChoice
) -> None:
    for wrong in WRONG:
        with pytest.raises(WrongPassphrase):
            practices.connect_server(server.url, server.ca_file, wrong, user=server.login)
    folder = _folder(server)
    assert unlock_attempts.seconds_to_wait(folder) > 0
    opened = practices.connect_server(server.url, server.ca_file, DANA.password, user=DANA.login)
    opened.close()
    assert unlock_attempts.seconds_to_wait(folder) == 0
    rows = pg_practices.audit_rows(folder)
    failed = [r[5] for r in rows if r[0] == "unlock_failed"]
    assert len(failed) == 2 and all(d.startswith("wrong password at ") for d in failed)
    assert [r[5] for r in rows if r[0] == "unlocked"][-1] == "password"
    stored = _written(folder)
    assert all(p.encode() not in stored for p in (*WRONG, DANA.password))


def test_the_connect_form_waits_after_wrong_passwords_even_opened_anew(
    qtbot: QtBot, server: ServerChoice
) -> None:
    first = ServerConnectDialog(server)
    qtbot.addWidget(first)
    first.show()
    for wrong in WRONG:
        qtbot.waitUntil(first.connect_button.isEnabled, timeout=20000)
        first.password.setText(wrong)
        first.connect_button.click()
        qtbot.waitUntil(lambda: "did not accept" in first.error.text(), timeout=20000)
        qtbot.waitUntil(lambda: "Connecting" not in first.status.text(), timeout=20000)
    assert not first.connect_button.isEnabled()
    assert "wait" in first.status.text()
    first.close()  # the program is closed and started again

    second = ServerConnectDialog(server)
    qtbot.addWidget(second)
    second.show()
    assert not second.connect_button.isEnabled() and "wait" in second.status.text()
    second.password.setText(DANA.password)
    second.try_connect()  # refused while waiting: nothing happens
    assert "Connecting" not in second.status.text()
    qtbot.waitUntil(second.connect_button.isEnabled, timeout=20000)
    assert second.status.text() == ""
    with qtbot.waitSignal(second.connected, timeout=60000) as connected:
        second.connect_button.click()
    connected.args[0].close()
    again = ServerConnectDialog(server)  # a good sign-in ends the waiting
    qtbot.addWidget(again)
    assert again.connect_button.isEnabled()


def test_the_unlock_window_waits_on_the_server_it_offers(
    qtbot: QtBot, server: ServerChoice, tmp_path: Path
) -> None:
    first = UnlockWindow(tmp_path / "no-solo", solo=False, server=server, on_server=True)
    qtbot.addWidget(first)
    for wrong in WRONG:
        qtbot.waitUntil(first.unlock_button.isEnabled, timeout=20000)
        first.passphrase.setText(wrong)
        with qtbot.waitSignal(first.attempt_failed, timeout=20000):
            first.try_unlock()
    assert not first.unlock_button.isEnabled() and "wait" in first.status.text()
    first.close()

    second = UnlockWindow(tmp_path / "no-solo", solo=False, server=server, on_server=True)
    qtbot.addWidget(second)
    assert not second.unlock_button.isEnabled() and "wait" in second.status.text()
    qtbot.waitUntil(second.unlock_button.isEnabled, timeout=20000)
    second.passphrase.setText(DANA.password)
    with qtbot.waitSignal(second.unlocked, timeout=20000) as unlocked:
        second.try_unlock()
    unlocked.args[0].close()


def test_a_countdown_that_runs_early_never_offers_a_try_that_would_be_refused(
    qtbot: QtBot, server: ServerChoice
) -> None:
    form = ServerConnectDialog(server)
    qtbot.addWidget(form)
    form.show()
    for wrong in WRONG:
        qtbot.waitUntil(form.connect_button.isEnabled, timeout=20000)
        form.password.setText(wrong)
        form.connect_button.click()
        qtbot.waitUntil(lambda: "did not accept" in form.error.text(), timeout=20000)
        qtbot.waitUntil(lambda: "Connecting" not in form.status.text(), timeout=20000)
    assert not form.connect_button.isEnabled()
    for _ in range(form.wait.left):  # every tick at once, as a timer running early fires
        form.wait._tick()
    written = unlock_attempts.seconds_to_wait(_folder(server))
    assert written > 0  # the wait written down is not over yet ...
    assert not form.connect_button.isEnabled()  # ... so no try is offered
    assert "wait" in form.status.text()
