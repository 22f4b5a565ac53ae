"""Emergency access and supervision links in the window, on a practice server (Eli Park keeps
the Ortiz couple; Dana Reyes is not assigned to them): Dana opens the case in an emergency
from Case ▸ Open a case in an emergency, under a banner saying until when, its text
locked until Eli shares the case's key and then read; a
reason too short is refused in words and nothing is granted; Sam (supervisor) and Ada
(administrator) find it in the emergency access log; Ada sets supervisors in the Staff
window. A solo practice shows none of it.

EMERGENCY_SHOTS=<folder> saves the dialog, the banner, the log and the Staff window as
PNGs (1440x900, offscreen) to look at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.errors import NotFound
from clarity_desktop.domain.locked_text import LOCKED_TEXT
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput, SessionInput
from clarity_desktop.services import cases, emergency, key_sharing, notes, sessions
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case.emergency_dialog import EmergencyDialog
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.practice.emergency_log import EmergencyLogDialog, GrantLogModel
from clarity_desktop.ui.practice.staff_dialogs import SupervisionDialog
from clarity_desktop.ui.practice.staff_view import StaffModel
from clarity_desktop.ui.practice.staff_window import StaffWindow
from tests.pg_practice import ADMIN, DANA, ELI, SAM, Person, PgPractices, as_dba, rows
from tests.services.conftest import note_draft
from tests.ui.conftest import ModalAnswerer

REASON = "Maya called in crisis; Eli is away until Monday."
NOTE = "They named the pursue-withdraw loop at the kitchen table."
SIZE = (1440, 900)


def shot(qtbot: QtBot, widget: QWidget, name: str) -> None:
    folder = os.environ.get("EMERGENCY_SHOTS")
    if folder:
        qtbot.wait(100)  # the layout settles as it does on screen
        assert widget.grab().save(str(Path(folder) / name))


@dataclass
class Office:
    servers: PgPractices
    dbname: str
    tmp: Path
    case_id: int = 0
    session_id: int = 0
    opened: list[OpenPractice] = field(default_factory=list)

    def sign_in(self, person: Person) -> OpenPractice:
        made = self.servers.unlock(
            self.dbname, person, self.tmp / f"{person.login}-{len(self.opened)}"
        )
        self.opened.append(made)
        return made

    def audit(self) -> list[tuple[str, int | None, str]]:
        return [
            (str(r[0]), r[3], str(r[4]))
            for r in rows(
                self.opened[0],
                "SELECT action, entity, entity_id, case_id, actor FROM audit_events ORDER BY id",
            )
        ]


@pytest.fixture
def office(pg_practices: PgPractices, tmp_path: Path) -> Iterator[Office]:
    made = Office(pg_practices, pg_practices.new_database(tmp_path), tmp_path)
    try:
        eli = made.sign_in(ELI)
        case = cases.create_case(
            eli.uow(),
            CaseInput(
                CaseKind.COUPLE, "Maya & Jonah Ortiz", (PartnerInput("Maya"), PartnerInput("Jonah"))
            ),
        )
        cases.create_case(
            eli.uow(), CaseInput(CaseKind.INDIVIDUAL, "Priya Nair", (PartnerInput("Priya"),))
        )
        s = sessions.create_session(eli.uow(), case.id, SessionInput(datetime(2026, 3, 2, 10)))
        assert s.note_id is not None
        notes.save_draft(eli.uow(), s.note_id, note_draft({"focus": NOTE}))
        made.case_id, made.session_id = case.id, s.id
        yield made
    finally:
        for opened in reversed(made.opened):
            opened.close()


def main_window(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    window = MainWindow(practice, settings)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    return window


def test_dana_opens_a_case_not_hers_in_an_emergency_and_reads_it(
    qtbot: QtBot, office: Office, settings: Settings, modal: ModalAnswerer
) -> None:
    dana = office.sign_in(DANA)
    window = main_window(qtbot, dana, settings)
    assert window.case_list.model.row_of(office.case_id) is None
    with pytest.raises(NotFound):  # before: the server shows her nothing of it
        cases.open_case(dana.uow(), office.case_id)
    assert window.emergency_action is not None and window.grant_log_action is None

    seen: list[str] = []

    def ask(w: QWidget) -> None:
        assert isinstance(w, EmergencyDialog)
        w.resize(*SIZE)
        seen.extend(w.cases_model.item(r).text() for r in range(w.cases_model.rowCount()))
        qtbot.keyClicks(w.search, "ortiz")
        assert w.proxy.rowCount() == 1
        assert w.choose(office.case_id)
        w.reason.setPlainText(REASON)
        w.minutes.setValue(90)
        assert "shown to the practice's supervisors and administrators" in w.warning.text()
        shot(qtbot, w, "emergency_dialog.png")
        w.ok.click()

    modal.answer(EmergencyDialog, ask)
    window.emergency_action.trigger()
    assert seen == ["Maya & Jonah Ortiz", "Priya Nair"]  # names only, none of hers
    qtbot.waitUntil(
        lambda: window.case_panel.case is not None and window.case_panel.case.id == office.case_id,
        timeout=10000,
    )
    [grant] = emergency.my_grants(dana)
    banner = window.case_panel.emergency
    assert banner.isVisible()
    assert banner.text().startswith(
        f"Emergency access until {dates.clock(dates.local(grant.until))}."
    )
    # She reads it: the case in her list, its session, the note's words.
    assert window.case_list.model.row_of(office.case_id) is not None
    window.tabs.setCurrentWidget(window.editor)
    window.case_panel.select_session(office.session_id)
    qtbot.waitUntil(lambda: window.editor.note is not None, timeout=5000)
    # Its text is locked until Eli, who holds the case's key, shares it (issue 14: a
    # clinician's emergency grant waits for a holder, as his Today view asks him).
    assert window.editor.section_edits()[0].toPlainText() == LOCKED_TEXT
    eli = office.opened[0]
    [request] = key_sharing.pending_shares(eli)
    assert (request.reader_name, request.how) == ("Dana Reyes", "emergency")
    key_sharing.share_case_key(eli, request.case_id, request.reader)
    window.editor.clear()  # she opens the note again
    window.open_session(office.session_id)
    qtbot.waitUntil(
        lambda: (
            window.editor.note is not None
            and window.editor.section_edits()[0].toPlainText() == NOTE
        ),
        timeout=5000,
    )
    shot(qtbot, window, "emergency_banner.png")
    audit = office.audit()
    assert ("emergency_access", office.case_id, "Dana Reyes, LMFT") in audit
    assert ("viewed", office.case_id, "Dana Reyes, LMFT") in audit

    # Another case leaves no banner behind.
    window.case_panel.show_emergency(None)
    assert not banner.isVisible()


def test_when_the_grant_runs_out_the_case_closes_in_the_window(
    qtbot: QtBot, office: Office, settings: Settings
) -> None:
    dana = office.sign_in(DANA)
    emergency.open_in_emergency(dana, office.case_id, REASON, minutes=30)
    # Its end brought near (on the server): a few seconds from now.
    as_dba(dana, "UPDATE emergency_grants SET until = (now() AT TIME ZONE 'utc') + interval '3 s'")
    window = main_window(qtbot, dana, settings)
    window.show_case(office.case_id)  # she had it open
    assert window.case_panel.case is not None and window.case_panel.emergency.isVisible()
    qtbot.waitUntil(lambda: window.case_panel.case is None, timeout=20000)
    assert window.statusBar().currentMessage() == (
        "Your emergency access to Maya & Jonah Ortiz has ended."
    )
    assert window.case_list.model.row_of(office.case_id) is None
    with pytest.raises(NotFound):
        cases.open_case(dana.uow(), office.case_id)


def test_a_reason_too_short_is_refused_in_words_and_nothing_is_granted(
    qtbot: QtBot, office: Office
) -> None:
    dana = office.sign_in(DANA)
    dialog = EmergencyDialog(dana, emergency.cases_to_open(dana))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reason.setPlainText(REASON)
    dialog.ok.click()  # no case chosen
    assert dialog.error.text() == "Please choose the case to open."
    assert dialog.choose(office.case_id)
    dialog.reason.setPlainText("  urgent  ")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.ok.isEnabled(), timeout=5000)
    assert (
        dialog.error.text() == "Please say why you need this case now, in at least 10 characters."
    )
    assert dialog.isVisible() and dialog.result() == 0
    dialog.resize(*SIZE)
    shot(qtbot, dialog, "emergency_reason_refused.png")
    assert emergency.my_grants(dana) == []
    assert rows(dana, "SELECT count(*) FROM emergency_grants") == [(0,)]
    assert all(a != "emergency_access" for a, _c, _w in office.audit())
    with pytest.raises(NotFound):
        cases.open_case(dana.uow(), office.case_id)


def log_rows(log: EmergencyLogDialog) -> list[list[str]]:
    m = log.model
    return [
        [str(m.index(r, c).data()) for c in range(m.columnCount())] for r in range(m.rowCount())
    ]


def test_the_log_shows_each_grant_to_sam_and_the_administrator(
    qtbot: QtBot, office: Office, settings: Settings
) -> None:
    dana = office.sign_in(DANA)
    before = EmergencyLogDialog(office.sign_in(SAM))
    qtbot.addWidget(before)
    assert before.model.rowCount() == 0 and not before.empty.isHidden()
    earlier = emergency.open_in_emergency(dana, office.case_id, "Jonah phoned, very low.", 30)
    # Its window closed a day ago (moved into the past on the server).
    as_dba(
        dana,
        "UPDATE emergency_grants SET granted_at = granted_at - interval '1 day', "
        "until = until - interval '1 day'",
    )
    grant = emergency.open_in_emergency(dana, office.case_id, REASON, minutes=45)

    sam = office.sign_in(SAM)
    window = main_window(qtbot, sam, settings)
    assert window.grant_log_action is not None
    for practice in (sam, office.sign_in(ADMIN)):
        log = EmergencyLogDialog(practice)
        qtbot.addWidget(log)
        log.resize(*SIZE)
        log.show()
        row, ended = log_rows(log)  # newest first
        assert row[GrantLogModel.STATE] == "Open now"
        assert row[GrantLogModel.WHO] == DANA.name
        assert row[GrantLogModel.CASE] == "Maya & Jonah Ortiz"
        assert row[GrantLogModel.SINCE] == dates.utc_day_time(grant.since)
        assert row[GrantLogModel.REASON] == REASON
        assert ended[GrantLogModel.STATE] == "Ended"
        assert ended[GrantLogModel.SINCE] == dates.utc_day_time(earlier.since - timedelta(days=1))
        assert log.summary.text() == "1 open now, 2 in all."
    shot(qtbot, log, "emergency_log.png")


def test_the_staff_window_sets_a_supervisor_and_says_what_cannot_be(
    qtbot: QtBot, office: Office, settings: Settings, modal: ModalAnswerer
) -> None:
    window = StaffWindow(office.sign_in(ADMIN), settings)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    view = window.staff

    def supervised_by(login: str) -> str:
        view.select_login(login)
        chosen = view.selected()
        assert chosen is not None and chosen.login == login
        row = view.table.selectionModel().selectedRows()[0].row()
        return str(view.model.index(row, StaffModel.SUPERVISED).data())

    assert supervised_by(DANA.login) == ""
    problems: list[str] = []

    def link(supervisor: str, mode: str | None) -> None:
        def drive(w: QWidget) -> None:
            assert isinstance(w, SupervisionDialog)
            w.supervisor.setCurrentIndex(w.supervisor.findData(supervisor))
            w.mode.setCurrentIndex(w.mode.findData(mode))
            shot(qtbot, w, "supervision_dialog.png")
            w.ok.click()
            qtbot.waitUntil(lambda: not w.isVisible() or w.error.isVisible(), timeout=5000)
            if w.isVisible():
                problems.append(w.error.text())
                w.reject()

        modal.answer(SupervisionDialog, drive)
        view.supervise_button.click()

    view.select_login(DANA.login)
    link(SAM.login, "cosign")
    assert problems == []
    assert supervised_by(DANA.login) == "Sam Okafor (review and co-sign)"
    assert window.statusBar().currentMessage() == "sam now supervises dana: review and co-sign."
    shot(qtbot, window, "staff_window.png")

    view.select_login(SAM.login)  # Sam is on the staff list as a clinician too
    link(SAM.login, "view")
    assert problems == ["Nobody can supervise themselves."]
    assert supervised_by(SAM.login) == ""

    view.select_login(DANA.login)
    link(SAM.login, None)
    assert supervised_by(DANA.login) == ""
    assert window.statusBar().currentMessage() == "dana is no longer supervised by sam."


def test_a_solo_practice_has_no_emergency_access_in_the_window(
    qtbot: QtBot, practice: OpenPractice, settings: Settings
) -> None:
    window = main_window(qtbot, practice, settings)
    assert window.emergency_action is None and window.grant_log_action is None
    texts = [a.text() for a in window.findChildren(type(window.lock_action))]
    assert not any("emergency" in t.lower() for t in texts)
