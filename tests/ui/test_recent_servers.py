"""The connect form remembers the last few practice servers signed in to (where each is
and its certificate file, never a password), offers them to choose from, and forgets
one on request. Failed on main: only the last server was kept, so a clinician working
with two practices typed the other's address each time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from clarity_desktop.ui.common.settings import RECENT_SERVERS, ServerChoice, Settings
from clarity_desktop.ui.practice.server_connect import ServerConnectDialog
from clarity_desktop.ui.practice.unlock import UnlockWindow


def server(n: int, login: str = "dana") -> ServerChoice:
    return ServerChoice(f"practice{n}.example.org", 5432 + n, f"clinic{n}", login, Path(f"/ca{n}"))


def kept(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_the_last_few_servers_are_kept_newest_first_once_each(tmp_path: Path) -> None:
    settings = kept(tmp_path)
    assert settings.recent_servers == [] and settings.last_server is None
    for n in range(RECENT_SERVERS + 2):
        settings.last_server = server(n)
    assert settings.recent_servers == [server(n) for n in reversed(range(2, RECENT_SERVERS + 2))]
    again = ServerChoice("PRACTICE3.example.org", 5435, "clinic3", "dana", Path("/new-ca"))
    settings.last_server = again  # the same login signed in to again, with a new CA file
    assert settings.recent_servers[0] == again
    assert len(settings.recent_servers) == RECENT_SERVERS
    assert [s for s in settings.recent_servers if s.same_login(again)] == [again]
    settings.last_server = server(9, login="dana_admin")  # another login: its own entry
    assert settings.recent_servers[:2] == [server(9, login="dana_admin"), again]

    settings.forget_server(server(4))
    assert server(4) not in settings.recent_servers
    settings.sync()
    assert kept(tmp_path).recent_servers == settings.recent_servers  # read back as written


def test_the_one_server_an_earlier_version_kept_is_offered(tmp_path: Path) -> None:
    old = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    for key, value in (
        ("host", "practice1.example.org"),
        ("port", 5433),
        ("database", "clinic1"),
        ("login", "dana"),
        ("ca_file", "/ca1"),
    ):
        old.setValue(f"server/{key}", value)
    old.sync()
    settings = kept(tmp_path)
    assert settings.recent_servers == [server(1)] and settings.last_server == server(1)
    settings.last_server = server(2)
    assert settings.recent_servers == [server(2), server(1)]


def test_the_connect_form_offers_them_fills_in_the_one_chosen_and_forgets_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = kept(tmp_path)
    for n in (3, 2, 1):
        settings.last_server = server(n)
    dialog = ServerConnectDialog(settings.last_server, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.recent.isVisible()
    labels = [dialog.recent.itemText(i) for i in range(dialog.recent.count())]
    assert labels == [server(n).label for n in (1, 2, 3)]
    assert dialog.recent.currentIndex() == 0 and dialog.host.text() == server(1).host

    dialog.password.setText("typed, then another server chosen")
    dialog.recent.setCurrentIndex(2)
    dialog.recent.activated.emit(2)
    assert dialog.choice() == server(3)
    assert dialog.password.text() == ""

    dialog.forget.click()  # server 3, shown: it leaves the list and the form
    assert settings.recent_servers == [server(1), server(2)]
    assert dialog.recent.count() == 2 and dialog.choice() == server(1)
    dialog.forget.click()
    dialog.forget.click()
    assert settings.recent_servers == [] and not dialog.recent.isVisible()
    assert dialog.host.text() == "" and dialog.database.text() == ""
    settings.sync()
    text = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "practice" not in text and "typed" not in text


def test_the_unlock_window_hands_its_connect_form_the_remembered_servers(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = kept(tmp_path)
    for n in (2, 1):
        settings.last_server = server(n)
    unlock = UnlockWindow(
        tmp_path / "solo", solo=False, server=settings.last_server, settings=settings
    )
    qtbot.addWidget(unlock)
    unlock.show_connect()
    assert unlock.connect_dialog is not None
    assert unlock.connect_dialog.recent.count() == 2
