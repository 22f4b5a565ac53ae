"""A practice server's login has a password, never a passphrase: every word a server user
reads while signing in, changing their password or being told what went wrong says
"password". Failed on main: changing the password said "That passphrase does not unlock
this practice.", "The two new passphrases do not match." and the like, its strength hint
asked for "a stronger passphrase", and the audit's sign-in row said "passphrase"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.ui.common.settings import ServerChoice
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.pg_practice import DANA, PgPractices


def words(widget: QWidget) -> list[str]:
    """Everything a person (or a screen reader) reads in *widget*, shown parts only."""
    out = [widget.windowTitle(), widget.accessibleName()]
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        out += [child.accessibleName(), child.toolTip()]
        if isinstance(child, (QLabel, QAbstractButton)):
            out.append(child.text())
        if isinstance(child, QLineEdit):
            out.append(child.placeholderText())
    return [w for w in out if w]


def passphrase_said(texts: list[str]) -> list[str]:
    return [t for t in texts if "passphrase" in t.lower()]


@pytest.fixture
def server(
    pg_practices: PgPractices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> ServerChoice:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    cluster = pg_practices.cluster
    dbname = pg_practices.new_database(tmp_path)
    return ServerChoice(cluster.host, cluster.port, dbname, DANA.login, cluster.ca_file)


@pytest.fixture
def dana(pg_practices: PgPractices, server: ServerChoice, tmp_path: Path) -> Iterator[Any]:
    opened = pg_practices.unlock(server.database, DANA, tmp_path / "dana")
    yield opened
    opened.close()


def test_changing_the_password_says_password_in_every_word_and_error(
    qtbot: QtBot, dana: Any
) -> None:
    dialog = PassphraseDialog(dana, server=True)
    qtbot.addWidget(dialog)
    dialog.show()
    said = words(dialog)
    for current, new, repeat in (
        ("not my password", "a new password 1", "a new password 1"),  # wrong current
        (DANA.password, "a new password 1", "a new password 2"),  # the two differ
        (DANA.password, "short", "short"),  # too short; the hint is read too
        (DANA.password, DANA.password, DANA.password),  # the same as now
    ):
        dialog.current.setText(current)
        dialog.new.setText(new)
        dialog.repeat.setText(repeat)
        said += words(dialog)
        dialog.accept()
        assert dialog.error.isVisible() and "password" in dialog.error.text()
        said += words(dialog)
    dialog.new.setText("weakpass")  # not sent: only its strength hint is read
    said += words(dialog)
    assert "stronger password" in dialog.hint.text()
    assert passphrase_said(said) == []
    assert dialog.isVisible()  # nothing was changed


def test_signing_in_to_the_server_says_password(
    qtbot: QtBot, server: ServerChoice, tmp_path: Path
) -> None:
    unlock = UnlockWindow(tmp_path / "solo", solo=False, server=server, on_server=True)
    qtbot.addWidget(unlock)
    unlock.show()
    said = words(unlock)
    unlock.try_unlock()  # nothing typed
    said += words(unlock)
    for wrong in ("not her password 1", "not her password 2"):
        qtbot.waitUntil(unlock.unlock_button.isEnabled, timeout=20000)
        unlock.passphrase.setText(wrong)
        with qtbot.waitSignal(unlock.attempt_failed, timeout=20000):
            unlock.try_unlock()
        said += words(unlock)
    unlock.show_connect()
    assert unlock.connect_dialog is not None
    said += words(unlock.connect_dialog)
    assert passphrase_said(said) == []
    assert any("password" in t for t in said)


def test_the_audit_says_a_password_signed_in(
    pg_practices: PgPractices, dana: Any, tmp_path: Path
) -> None:
    rows = pg_practices.audit_rows(tmp_path / "dana")
    assert [r[5] for r in rows if r[0] == "unlocked"][-1] == "password"
