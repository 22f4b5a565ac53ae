"""What a walkthrough of the program found, each as the therapist meets it: Import
clients from the Practice menu and from an empty practice, Back up now starting in the
backups folder, restore listing whole dates, the audit trail naming records and people,
one date format through QLocale, drafts told from signed notes, no couple wording for one
client, one empty state at a time, and the demo ready for its passphrase."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.backup_kinds import BackupKind
from clarity_desktop.domain.records import (
    CaseInput,
    CaseKind,
    CaseStatus,
    PartnerInput,
    SessionInput,
)
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import backups, cases, handout_documents, notes, sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.models import SessionTableModel
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.documents.import_dialog import ImportDialog
from clarity_desktop.ui.main.app import AppController
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.practice.audit_dialog import AuditDialog, AuditTableModel
from clarity_desktop.ui.practice.backup_actions import back_up_now, restore_from_backup
from clarity_desktop.ui.practice.restore_dialog import RestoreDialog
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.conftest import PASSPHRASE
from tests.ui.conftest import ModalAnswerer

ENGLISH_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def open_main(qtbot: QtBot, practice: OpenPractice, settings: Settings) -> MainWindow:
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def menu_entry(main: MainWindow, menu: str, words: str) -> object:
    top = next(a.menu() for a in main.menuBar().actions() if a.text() == menu)
    assert isinstance(top, QMenu)
    return next(a for a in top.actions() if words in a.text().replace("&", ""))


# ----- moving in ----------------------------------------------------------------------


def test_import_clients_from_an_empty_practice_and_from_the_practice_menu(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    settings: Settings,
    tmp_path: Path,
) -> None:
    csv = tmp_path / "clients.csv"
    csv.write_text("Name;DOB\nAmira Haddad;1985-03-25\nBo Li;1990-04-03\n", encoding="utf-8")
    main = open_main(qtbot, practice, settings)
    listing = main.case_list
    assert listing.import_button.isVisible() and listing.new_case_button.isVisible()

    def do_import(dialog: object) -> None:
        assert isinstance(dialog, ImportDialog)
        dialog.load_file(csv)
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    modal.answer(ImportDialog, do_import)
    qtbot.mouseClick(listing.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2, timeout=5000)
    assert not listing.import_button.isVisible()  # no longer an empty practice

    opened: list[str] = []
    modal.answer(ImportDialog, lambda d: (opened.append(d.windowTitle()), d.reject()))  # type: ignore[attr-defined, func-returns-value]
    action = menu_entry(main, "&Practice", "Import clients")
    action.trigger()  # type: ignore[attr-defined]
    assert opened


# ----- backups ------------------------------------------------------------------------


def test_back_up_now_starts_in_the_practice_backups_folder(
    qtbot: QtBot, modal: ModalAnswerer, practice: OpenPractice, settings: Settings
) -> None:
    main = open_main(qtbot, practice, settings)
    started: list[str] = []

    def look(dialog: object) -> None:
        assert isinstance(dialog, QFileDialog)
        started.append(dialog.directory().absolutePath())
        dialog.reject()

    modal.answer(QFileDialog, look)
    back_up_now(main.commands)
    assert started == [str(backups.backups_root(practice.folder).resolve())]


def test_restore_lists_each_backup_by_its_whole_date_and_restores_the_one_chosen(
    qtbot: QtBot,
    modal: ModalAnswerer,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    older = backups.backup_now(practice, kind=BackupKind.AUTO)
    cases.close_case(practice.uow(), couple_case.id)
    newer = backups.backup_now(practice)
    main = open_main(qtbot, practice, settings)
    listed: list[list[str]] = []

    def choose_older(dialog: object) -> None:
        assert isinstance(dialog, RestoreDialog)
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        listed.append(texts)
        row = next(
            i
            for i in range(dialog.list.count())
            if dialog.list.item(i).toolTip() == str(older.folder)
        )
        dialog.list.setCurrentRow(row)
        qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)

    modal.answer(RestoreDialog, choose_older)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    asked: list[str] = []

    def yes(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    restore_from_backup(main.commands)
    [texts] = listed
    assert len(texts) == 2
    assert texts[0].startswith(dates.weekday_time(dates.local(newer.created_at)))
    assert texts[1].startswith(dates.weekday_time(dates.local(older.created_at)))
    assert "automatic" in texts[1] and "Back up now" in texts[0]
    assert str(newer.created_at.year) in texts[0]  # a whole date: the year in full
    assert dates.utc_day_time(older.created_at) in asked[0]
    restored = cases.open_case(main.practice.uow(), couple_case.id)
    assert restored.status is CaseStatus.ACTIVE  # the older backup, from before the close


# ----- the audit trail ----------------------------------------------------------------


def test_the_audit_trail_names_people_and_records(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail
) -> None:
    session = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 2, 9))
    )
    zoe = couple_case.partners[0]
    handout_documents.handout_pdf(
        practice.uow(), couple_case.id, Step.LEAN_IN, ["Zoë"], partner_id=zoe.id
    )
    dialog = AuditDialog(practice)
    qtbot.addWidget(dialog)
    model = dialog.model
    shown = [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    handout = next(row for row in shown if "handout" in row[AuditTableModel.DETAIL])
    assert "Zoë" in handout[AuditTableModel.DETAIL]
    assert f"partner {zoe.id}" not in handout[AuditTableModel.DETAIL]
    created = next(
        row
        for row in shown
        if row[AuditTableModel.ACTION] == "created" and "session" in row[AuditTableModel.RECORD]
    )
    assert created[AuditTableModel.RECORD] == "session of " + dates.weekday_time(
        datetime(2026, 3, 2, 9)
    )
    assert not any(re.fullmatch(r"(note|session|case) \d+", row[3]) for row in shown)
    assert session.id  # the one session made here


# ----- one date format ----------------------------------------------------------------


@pytest.fixture
def french() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(before)


def test_dates_are_written_by_qlocale_everywhere(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    french: None,
) -> None:
    """In French, no English month name is left anywhere a date shows: strftime would
    have written "Jan" whatever the language (the C locale)."""
    session = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 2, 2, 9))
    )
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    main.case_panel.select_session(session.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    texts = [
        main.case_panel.subtitle.text(),
        main.editor.header.text(),
        str(main.case_list.model.index(0, 1).data()),
        str(main.case_panel.model.index(0, 0).data()),
    ]
    assert "janv. 2024" in texts[0]  # opened 15 January 2024
    assert "févr. 2026" in texts[1] and "lun." in texts[1]
    assert all(not ENGLISH_MONTH.search(t) for t in texts), texts
    dialog = AuditDialog(practice)
    qtbot.addWidget(dialog)
    when = str(dialog.model.index(0, 0).data())
    assert re.search(r"\d{4}", when) and not re.match(r"\d{4}-\d\d-\d\d", when)


# ----- the session list ---------------------------------------------------------------


def test_drafts_look_different_from_signed_notes(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    draft = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 9, 9))
    )
    signed = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 2, 9))
    )
    note = notes.note_for_session(practice.uow(), signed.id)
    notes.save_draft(
        practice.uow(),
        note.id,
        notes.NoteDraft(note.template, {"focus": "Met."}, frozenset(), {}, False),
    )
    notes.sign_note(practice.uow(), note.id)
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    model = main.case_panel.model
    rows = {model.session_at(r).id: r for r in range(model.rowCount())}
    for column in range(model.columnCount()):
        draft_font = model.index(rows[draft.id], column).data(Qt.ItemDataRole.FontRole)
        signed_font = model.index(rows[signed.id], column).data(Qt.ItemDataRole.FontRole)
        assert isinstance(draft_font, QFont) and draft_font.italic()
        assert signed_font is None or not signed_font.italic()
    note_col = SessionTableModel.NOTE
    assert model.index(rows[signed.id], note_col).data(Qt.ItemDataRole.DecorationRole)
    assert model.index(rows[draft.id], note_col).data(Qt.ItemDataRole.DecorationRole) is None
    assert "not signed" in model.index(rows[draft.id], note_col).data(Qt.ItemDataRole.ToolTipRole)


# ----- words for one client -----------------------------------------------------------


def editor_words(main: MainWindow) -> str:
    parts = [w.text() for w in main.editor.findChildren(QLabel) if w.isVisibleTo(main.editor)]
    parts += [e.placeholderText() for e in main.editor.section_edits()]
    return "\n".join(parts)


@pytest.mark.parametrize("who", ["individual case", "one partner alone"])
def test_one_client_in_the_room_never_gets_couple_wording(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    settings: Settings,
    who: str,
) -> None:
    case = individual_case if who == "individual case" else couple_case
    alone = None if who == "individual case" else couple_case.partners[1].id
    session = sessions.create_session(
        practice.uow(), case.id, SessionInput(datetime(2026, 3, 2, 9), attending_partner_id=alone)
    )
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(case.id)
    main.case_panel.select_session(session.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    words = editor_words(main)
    assert "couple" not in words.lower()
    assert "each partner" not in words.lower()
    assert main.editor.section_edits()[0].placeholderText() == "What the client brought today."
    name = case.partners[0].name if alone is None else couple_case.partners[1].name
    assert f"Where {name} stands" in words


def test_a_joint_session_keeps_the_couple_wording(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    session = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(datetime(2026, 3, 2, 9))
    )
    main = open_main(qtbot, practice, settings)
    main.case_list.select_case(couple_case.id)
    main.case_panel.select_session(session.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    assert main.editor.section_edits()[0].placeholderText() == "What the couple brought today."
    assert "Where each partner stands" in editor_words(main)


# ----- empty states -------------------------------------------------------------------


def speaking(main: MainWindow) -> list[str]:
    """The empty-state messages on screen now (Today's own, on the Today tab, too)."""
    labels = [
        main.case_list.empty,
        main.case_panel.empty,
        main.case_panel.no_sessions,
        main.editor.empty,
        *main.today.empty.values(),
    ]
    return [label.text() for label in labels if label.isVisible() and label.text().strip()]


def test_one_empty_state_speaks_at_a_time(
    qtbot: QtBot, practice: OpenPractice, settings: Settings
) -> None:
    main = open_main(qtbot, practice, settings)
    main.tabs.setCurrentWidget(main.today)
    main.today.refresh()
    [said] = speaking(main)  # an empty practice: the case list alone, with two ways in
    assert "No cases yet" in said
    assert main.case_list.new_case_button.isVisible()
    main.tabs.setCurrentWidget(main.editor)

    case = cases.create_case(
        practice.uow(),
        CaseInput(CaseKind.INDIVIDUAL, "", (PartnerInput("Ama Boateng"),)),
    )
    main.reload_cases()
    assert speaking(main) == ["Choose a case from the list."]

    main.case_list.select_case(case.id)  # no session yet
    assert speaking(main) == ["No sessions yet. Record the first with New session."]

    sessions.create_session(practice.uow(), case.id, SessionInput(datetime(2026, 3, 2, 9)))
    main.refresh_case()
    assert speaking(main) == ["Choose a session to read or write its note."]


# ----- the demo -----------------------------------------------------------------------


def test_the_demo_first_run_is_ready_for_its_passphrase(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    controller = AppController(tmp_path / "demo", demo=True, settings=settings)
    controller.start()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)  # the controller closes it after unlocking
    unlock.activateWindow()
    qtbot.waitUntil(unlock.isActiveWindow)
    assert not unlock.passphrase.isEnabled()  # while the demo is being made
    qtbot.waitUntil(unlock.passphrase.isEnabled, timeout=60000)
    assert QApplication.focusWidget() is unlock.passphrase
    with qtbot.waitSignal(controller.main_window_shown, timeout=20000) as shown:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # "demo" is typed in
    qtbot.addWidget(shown.args[0])
    controller.lock_now()
