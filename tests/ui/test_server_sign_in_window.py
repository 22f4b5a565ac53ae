"""Signing in to a group practice's server from the window (issue 13): the connect form,
its one-sentence errors, the window a clinician then works in, and the administrator's
staff view, all against the test run's real PostgreSQL server (tests/pg_practice.py)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.locked_text import LOCKED_NAME
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases, practices, staff
from clarity_desktop.ui.common.settings import ServerChoice, Settings
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog
from clarity_desktop.ui.practice.server_connect import ServerConnectDialog
from clarity_desktop.ui.practice.staff_dialogs import AddPersonDialog, AssignCaseDialog
from clarity_desktop.ui.practice.staff_window import StaffWindow
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.pg_practice import ADMIN, DANA, PRACTICE_NAME, Person
from tests.ui.conftest import ModalAnswerer, click_button


@pytest.fixture
def dbname(pg_practices: Any, tmp_path: Path) -> Iterator[str]:
    name = pg_practices.new_database(tmp_path)
    yield name
    pg_practices.drop(name)


def choice(pg_practices: Any, dbname: str, person: Person) -> ServerChoice:
    cluster = pg_practices.cluster
    return ServerChoice(cluster.host, cluster.port, dbname, person.login, cluster.ca_file)


def settings_for(tmp_path: Path, server: ServerChoice) -> Settings:
    """Preferences as a previous sign-in to *server* left them."""
    kept = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    kept.last_server = server
    kept.opens_server = True
    return kept


def sign_in(url: str, ca_file: Path, password: str, folder: Path) -> Any:
    return practices.connect_server(url, ca_file, password, folder=folder)


def fill_connect(dialog: ServerConnectDialog, server: ServerChoice, password: str) -> None:
    dialog.host.setText(server.host)
    dialog.port.setValue(server.port)
    dialog.database.setText(server.database)
    dialog.login.setText(server.login)
    dialog.ca_file.setText(str(server.ca_file))
    dialog.password.setText(password)


def sign_in_at_start(
    qtbot: QtBot, controller: AppController, password: str
) -> MainWindow | StaffWindow:
    """The unlock window offers the remembered server first; type the password."""
    controller.start()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    assert unlock.on_server
    qtbot.keyClicks(unlock.passphrase, password)
    with qtbot.waitSignal(controller.main_window_shown, timeout=20000) as shown:
        unlock.unlock_button.click()
    main = shown.args[0]
    qtbot.addWidget(main)
    return main


def test_the_connect_form_signs_dana_in_and_remembers_the_server_without_its_password(
    qtbot: QtBot, pg_practices: Any, dbname: str, practice_dir: Path, settings: Settings
) -> None:
    practices.create_practice(practice_dir, "solo passphrase 1", "solo passphrase 1", "Dana", "")[
        0
    ].close()
    controller = AppController(practice_dir, settings=settings)
    controller.start()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    assert not unlock.on_server  # nothing remembered yet: the solo practice, as before
    unlock.connect_button.click()
    dialog = unlock.connect_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.port.value() == 5432
    server = choice(pg_practices, dbname, DANA)
    fill_connect(dialog, server, DANA.password)
    with qtbot.waitSignal(controller.main_window_shown, timeout=20000) as shown:
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    main = shown.args[0]  # the controller deletes it when the solo practice opens below
    assert isinstance(main, MainWindow)
    assert main.windowTitle().startswith(f"{PRACTICE_NAME} · dana@{server.host}")
    assert main.practice.principal.display_name == "Dana Reyes"
    assert not dialog.isVisible() and dialog.password.text() == ""

    assert settings.last_server == server and settings.opens_server
    settings.sync()
    kept = (practice_dir.parent / "settings.ini").read_text(encoding="utf-8")
    assert dbname in kept and DANA.password not in kept

    # Locked, the unlock window offers the server first, asking for the password only.
    main.lock()
    again = controller.window
    assert isinstance(again, UnlockWindow) and again.on_server
    assert again.field_label.text() == "&Password" and not again.use_recovery.isVisible()
    assert again.choice.count() == 2  # the solo practice stays on offer
    qtbot.keyClicks(again.passphrase, DANA.password)
    with qtbot.waitSignal(controller.main_window_shown, timeout=20000):
        again.unlock_button.click()
    assert controller.main is main and main.isVisible()

    # Locked again and the solo practice chosen: a window of its own, backups and all.
    main.lock()
    solo = controller.window
    assert isinstance(solo, UnlockWindow)
    solo.choice.setCurrentIndex(solo.choice.findData("solo"))
    assert solo.field_label.text() == "&Passphrase" and solo.use_recovery.isVisible()
    qtbot.keyClicks(solo.passphrase, "solo passphrase 1")
    with qtbot.waitSignal(controller.main_window_shown, timeout=20000) as shown:
        solo.unlock_button.click()
    own = shown.args[0]
    qtbot.addWidget(own)
    assert own is not main and isinstance(own, MainWindow) and own.server is None
    assert own.windowTitle() == "Clarity Desktop"
    items = [a.text() for a in own.menuBar().actions()[0].menu().actions()]  # type: ignore[union-attr]
    assert "&Restore from a backup…" in items and "Change &passphrase…" in items
    assert not settings.opens_server and settings.last_server == server
    own.close()
    controller.practice.close()  # type: ignore[union-attr]


def test_a_wrong_password_is_said_in_one_sentence_and_nothing_opens(
    qtbot: QtBot, pg_practices: Any, dbname: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # no earlier test's slips
    dialog = ServerConnectDialog(choice(pg_practices, dbname, DANA))
    qtbot.addWidget(dialog)
    opened: list[object] = []
    dialog.connected.connect(lambda p, _s: opened.append(p))
    dialog.show()
    dialog.password.setText("not her password")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20000)
    assert dialog.error.text() == (
        "The server did not accept the password for dana, or that login may not sign in."
    )
    assert opened == [] and dialog.isVisible() and dialog.connect_button.isEnabled()

    # A CA file that does not vouch for the server: refused before any password is sent.
    stranger = tmp_path / "other-ca.crt"
    from tests.pg_cluster import cert_pem, make_ca

    stranger.write_bytes(cert_pem(make_ca("Some other CA")[1]))
    dialog.ca_file.setText(str(stranger))
    dialog.password.setText(DANA.password)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: "did not send your password" in dialog.error.text(), timeout=20000)
    assert opened == []


def test_on_the_server_backups_are_the_servers_and_the_password_changes_there(
    qtbot: QtBot, pg_practices: Any, dbname: str, tmp_path: Path, modal: ModalAnswerer
) -> None:
    settings = settings_for(tmp_path, choice(pg_practices, dbname, DANA))
    controller = AppController(tmp_path / "no-solo-practice", settings=settings)
    main = sign_in_at_start(qtbot, controller, DANA.password)
    assert isinstance(main, MainWindow)
    texts = [w.text() for w in main.statusBar().findChildren(QLabel)]
    assert f"{PRACTICE_NAME} · dana@{pg_practices.cluster.host}" in texts
    practice_menu = main.menuBar().actions()[0].menu()
    items = {a.text(): a for a in practice_menu.actions()}  # type: ignore[union-attr]
    assert "&Restore from a backup…" not in items and "&Undo the last restore…" not in items
    assert "Change &password…" in items and "Change &passphrase…" not in items
    seen: list[str] = []
    modal.answer(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))  # type: ignore[attr-defined]
    items["&Back up now…"].trigger()
    assert seen == [
        "This practice lives on a server: it is backed up and restored there "
        "(“clarity-desktop server backup”), not from this workstation."
    ]
    main.close()
    controller.practice.close()  # type: ignore[union-attr]


def test_the_administrator_adds_a_person_who_then_signs_in_and_sees_their_case(
    qtbot: QtBot, pg_practices: Any, dbname: str, tmp_path: Path, modal: ModalAnswerer
) -> None:
    dana = pg_practices.unlock(dbname, DANA, tmp_path / "dana")
    made = cases.create_case(
        dana.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="Rivera & Quinn",
            partners=(PartnerInput(name="Ana Rivera"), PartnerInput(name="Jo Quinn")),
        ),
    )
    dana.close()

    settings = settings_for(tmp_path, choice(pg_practices, dbname, ADMIN))
    controller = AppController(tmp_path / "no-solo-practice", settings=settings)
    window = sign_in_at_start(qtbot, controller, ADMIN.password)
    assert isinstance(window, StaffWindow)  # no records window for an administrator
    view = window.staff
    logins = {view.model.member(r).login for r in range(view.model.rowCount())}
    assert {"ada", "dana", "eli", "sam", "fran"} <= logins

    login = f"kim_{uuid.uuid4().hex[:8]}"  # logins are the whole server's, shared by copies

    def add(dialog: Any) -> None:
        assert isinstance(dialog, AddPersonDialog)
        dialog.login.setText(login)
        dialog.name.setText("Kim Moreau")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.CLINICIAN.value))
        dialog.credentials.setText("LCSW")
        dialog.password.setText("kim first password")
        dialog.repeat.setText("kim first password")
        dialog.ok.click()

    modal.answer(AddPersonDialog, add)
    view.add_button.click()
    added = view.selected()
    assert added is not None and added.login == login and added.role is Role.CLINICIAN
    assert added.display_name == "Kim Moreau" and added.cases == 0 and not added.disabled

    def assign(dialog: Any) -> None:
        assert isinstance(dialog, AssignCaseDialog)
        assert dialog.person.currentData() == login  # the person chosen in the list
        dialog.case.setCurrentIndex(dialog.case.findData(made.id))
        assert "Rivera & Quinn" in dialog.case.currentText()
        dialog.ok.click()

    modal.answer(AssignCaseDialog, assign)
    view.assign_button.click()
    assert view.selected() is not None and view.selected().cases == 1  # type: ignore[union-attr]

    url = choice(pg_practices, dbname, Person(login, "", Role.CLINICIAN, "", "")).url
    ca_file = pg_practices.cluster.ca_file
    kim = sign_in(url, ca_file, "kim first password", tmp_path / "kim")
    try:
        # Her case, its name locked: her program has no key before her own password, and
        # the client directory waits for a holder's approval after it (issue 14).
        assert [c.display_name for c in cases.list_cases(kim.uow())] == [LOCKED_NAME]
        # Kim changes the first password: the server's login changes with it.
        change = PassphraseDialog(kim, server=True)
        qtbot.addWidget(change)
        assert change.windowTitle() == "Change password"
        change.current.setText("kim first password")
        change.new.setText("kim own password 2")
        change.repeat.setText("kim own password 2")
        change.accept()
        assert change.result() == PassphraseDialog.DialogCode.Accepted, change.error.text()
    finally:
        kim.close()
    with pytest.raises(practices.WrongPassphrase):
        sign_in(url, ca_file, "kim first password", tmp_path / "kim")
    pg_practices.share_directory(dbname, tmp_path / "ada-shares")
    kim = sign_in(url, ca_file, "kim own password 2", tmp_path / "kim")
    try:
        assert [c.display_name for c in cases.list_cases(kim.uow())] == ["Rivera & Quinn"]
    finally:
        kim.close()

    # Disabled: the row says so and the login signs in no more.
    modal.answer(QMessageBox, lambda box: click_button(box, "Yes"))
    view.disable_button.click()
    assert view.selected() is not None and view.selected().disabled  # type: ignore[union-attr]
    with pytest.raises(practices.WrongPassphrase):
        sign_in(url, ca_file, "kim own password 2", tmp_path / "kim")
    assert controller.practice is not None
    assert [m.login for m in staff.staff_list(controller.practice) if m.disabled] == [login]
    window.close()
    controller.practice.close()  # type: ignore[union-attr]


def test_a_new_persons_first_sign_in_asks_for_their_own_password_at_once(
    qtbot: QtBot, pg_practices: Any, dbname: str, tmp_path: Path
) -> None:
    """The administrator chose Lou's first password: the window asks for Lou's own straight
    away (with why), and once chosen nothing asks again and Lou's keys are Lou's."""
    login = f"lou_{uuid.uuid4().hex[:8]}"
    admin = pg_practices.unlock(dbname, ADMIN, tmp_path / "ada")
    try:
        staff.add_staff(admin, login, "Lou Marsh", Role.CLINICIAN, "lou first password")
    finally:
        admin.close()
    lou = Person(login, "Lou Marsh", Role.CLINICIAN, "", "lou first password")
    settings = settings_for(tmp_path, choice(pg_practices, dbname, lou))
    controller = AppController(tmp_path / "no-solo-practice", settings=settings)
    window = sign_in_at_start(qtbot, controller, "lou first password")
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.findChild(PassphraseDialog) is not None, timeout=5000)
    dialog = window.findChild(PassphraseDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Choose your own password"
    intro = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "choose your own password now" in intro
    if folder := os.environ.get("FIRST_PASSWORD_SHOT"):
        window.resize(1440, 900)
        qtbot.wait(100)
        window.grab().save(str(Path(folder) / "first_password_window.png"))
        dialog.grab().save(str(Path(folder) / "first_password_dialog.png"))
    qtbot.keyClicks(dialog.current, "lou first password")
    qtbot.keyClicks(dialog.new, "lou own password 7")
    qtbot.keyClicks(dialog.repeat, "lou own password 7")
    dialog.accept()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted, dialog.error.text()
    assert window.statusBar().currentMessage() == "Password changed."
    assert controller.practice is not None
    assert not practices.first_password_pending(controller.practice)
    window.close()
    controller.practice.close()

    # The next sign-in, with Lou's own password, asks nothing.
    again = AppController(tmp_path / "no-solo-practice", settings=settings)
    window = sign_in_at_start(qtbot, again, "lou own password 7")
    qtbot.wait(200)
    assert window.findChild(PassphraseDialog) is None
    window.close()
    assert again.practice is not None
    again.practice.close()
