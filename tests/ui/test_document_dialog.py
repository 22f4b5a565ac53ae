"""The document dialog on a real practice: the preview renders, follows the choices, and
saving and printing write what the therapist chose, audited; the safety flag asks first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QSize, Qt, QThreadPool
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import CaseInput, CaseKind, Modality, PartnerInput, SessionInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import (
    cases,
    document_request,
    handout_documents,
    notes,
    sessions,
)
from clarity_desktop.services.dto import CaseDetail, NoteDraft, NoteView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.documents.document_choices import JOINT
from clarity_desktop.ui.documents.document_dialog import DocumentDialog
from clarity_desktop.ui.documents.document_kinds import KINDS
from tests.reports import pdftools
from tests.ui.conftest import ModalAnswerer

MESSAGE = "Walk together on Sunday, phones at home."
WAIT_MS = 15000


# ----- fixtures and helpers ------------------------------------------------------------


def signed_note(practice: OpenPractice, case: CaseDetail) -> NoteView:
    """A signed joint note recording Zoë at step 3 and Łukasz at step 2."""
    zoe, lukasz = (p.id for p in case.partners)
    session = sessions.create_session(
        practice.uow(),
        case.id,
        SessionInput(datetime(2026, 11, 17, 10, 0), 50, Modality.IN_PERSON, None),
    )
    assert session.note_id is not None
    notes.save_draft(
        practice.uow(),
        session.note_id,
        NoteDraft(
            Template.FIVE_STEPS,
            {"focus": "Distance since the move."},
            frozenset({Step.LEAN_IN}),
            {zoe: Step.LEAN_IN, lukasz: Step.NAME_WHATS_HAPPENING},
            False,
        ),
    )
    return notes.sign_note(practice.uow(), session.note_id)


@pytest.fixture
def note(practice: OpenPractice, couple_case: CaseDetail) -> NoteView:
    return signed_note(practice, couple_case)


@pytest.fixture
def case(practice: OpenPractice, couple_case: CaseDetail, note: NoteView) -> CaseDetail:
    """The couple case as the program sees it once the note records their steps."""
    return cases.open_case(practice.uow(), couple_case.id)


@pytest.fixture
def flagged_case(practice: OpenPractice) -> CaseDetail:
    created = cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(PartnerInput(name="Ngozi Okafor"), PartnerInput(name="Ελένη Παππά")),
            opened_on=date(2025, 1, 10),
            safety_flag=True,
            safety_note="Screened at intake.",
        ),
    )
    return created


@pytest.fixture(autouse=True)
def builds_finish(practice: OpenPractice) -> Iterator[None]:
    """Let documents still being built finish before the practice closes."""
    yield
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


AuditRow = tuple[Any, ...]


@pytest.fixture
def audit_log(practice: OpenPractice) -> Callable[[], list[AuditRow]]:
    """(action, entity, entity_id, case_id, detail) of every audit row, oldest first."""
    key, db = practice.db_key, practice.folder / "practice.clarity"

    def read() -> list[AuditRow]:
        conn = connect_raw(db, key)
        try:
            query = "SELECT action, entity, entity_id, case_id, detail FROM audit_events"
            return [tuple(r) for r in conn.execute(query + " ORDER BY id")]
        finally:
            conn.close()

    return read


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], list[str]]]:
    """Answer the save dialog with a path; returns the names the dialog suggested."""
    suggested: list[str] = []

    def arrange(path: Path) -> list[str]:
        def fake(_parent: QWidget, _title: str, proposal: str, _filter: str) -> tuple[str, str]:
            suggested.append(proposal)
            return str(path), "PDF files (*.pdf)"

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
        return suggested

    yield arrange


def open_dialog(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    settings: Settings,
    note: NoteView | None = None,
    initial: str | None = None,
    wait: bool = True,
) -> DocumentDialog:
    dialog = DocumentDialog(practice, case, note, settings=settings, initial=initial)
    qtbot.addWidget(dialog)
    if wait:
        with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
            dialog.show()
    else:
        dialog.show()
    return dialog


def inked_pixels(image: QImage) -> int:
    """Pixels that are neither transparent nor white, sampled on a grid."""
    count = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            color = QColor(image.pixel(x, y))
            if image.pixelColor(x, y).alpha() > 0 and color.lightness() < 200:
                count += 1
    return count


def preview_text(dialog: DocumentDialog) -> str:
    document = dialog.preview.document
    return " ".join(document.getAllText(page).text() for page in range(document.pageCount()))


def press(which: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(which).click()

    return answer


def spy_on_handouts(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    real = handout_documents.handout_pdf

    def spy(*args: Any, **kwargs: Any) -> bytes | None:
        calls.append(dict(kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(handout_documents, "handout_pdf", spy)
    return calls


# ----- the preview ---------------------------------------------------------------------


def test_the_dialog_offers_exactly_the_kinds_the_services_render() -> None:
    assert tuple(k.key for k in KINDS) == document_request.KINDS


@pytest.mark.parametrize("kind", ["note", "handout", "steps", "summary", "progress"])
def test_the_preview_renders_page_one(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    note: NoteView,
    settings: Settings,
    kind: str,
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, note, initial=kind)
    assert dialog.choices.kind().key == kind
    document = dialog.preview.document
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() >= 1
    assert dialog.preview.pages.text().endswith(("page", "pages"))
    image = document.render(0, QSize(300, 424))
    assert not image.isNull()
    assert inked_pixels(image) > 200


def test_session_note_is_offered_only_with_a_note(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, settings: Settings
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, initial="note")
    assert "note" not in dialog.choices.kind_radios
    assert dialog.choices.kind().key == "handout"


def test_a_handout_starts_at_the_partners_steps_and_a_new_step_rebuilds_the_preview(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, settings: Settings
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, initial="handout")
    zoe, lukasz = case.partners
    choices = dialog.choices
    # Both together, at different steps: the earlier one, and both first names.
    assert choices.who_id() == JOINT
    assert choices.step.currentData() == int(Step.NAME_WHATS_HAPPENING)
    assert [choices.names[p.id].text() for p in case.partners] == ["Zoë", "Łukasz"]
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.choose_who(zoe.id)  # Zoë alone: her own step
    assert choices.step.currentData() == int(Step.LEAN_IN)
    assert not choices.names[lukasz.id].isVisible()
    assert "Lean In" in preview_text(dialog)

    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.step.setCurrentIndex(choices.step.findData(5))
    assert "Move Forward with Intention" in preview_text(dialog)


def test_an_individual_case_has_one_name_and_no_choice_of_partners(
    qtbot: QtBot,
    practice: OpenPractice,
    individual_case: CaseDetail,
    settings: Settings,
) -> None:
    dialog = open_dialog(qtbot, practice, individual_case, settings, initial="handout")
    choices = dialog.choices
    assert choices.who.buttons() == []
    assert [e.text() for e in choices.names.values()] == ["Søren"]
    assert choices.choice().partner_id == individual_case.partners[0].id
    assert "Søren" in preview_text(dialog)
    assert "Ødegård" not in preview_text(dialog)


def test_the_progress_report_follows_the_period_and_says_when_it_is_backwards(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    settings: Settings,
    save_to: Callable[[Path], list[str]],
    tmp_path: Path,
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, initial="progress")
    choices = dialog.choices
    assert choices.dates_group.isVisible() and not choices.handout_group.isVisible()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.date_from.setDate(QDate(2026, 11, 1))
        choices.date_to.setDate(QDate(2026, 11, 30))
    text = " ".join(preview_text(dialog).split())
    assert "1 Nov 2026 to 30 Nov 2026" in text

    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS) as failed:
        choices.date_from.setDate(QDate(2026, 12, 31))
    assert "starts after it ends" in failed.args[0]
    assert dialog.preview.message.isVisible()

    choices.date_from.setDate(QDate(2026, 11, 1))
    suggested = save_to(tmp_path / "progress.pdf")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save_as()
    assert Path(suggested[0]).name == "progress-report-2026-11-01-to-2026-11-30.pdf"


def test_the_page_size_comes_from_the_settings_and_is_remembered(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, settings: Settings
) -> None:
    settings.page_size = "A4"
    dialog = open_dialog(qtbot, practice, case, settings, initial="steps")
    assert round(dialog.preview.document.pagePointSize(0).width()) == 595
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.choices.page_size.setCurrentIndex(dialog.choices.page_size.findData("Letter"))
    assert round(dialog.preview.document.pagePointSize(0).width()) == 612
    assert settings.page_size == "Letter"
    again = open_dialog(qtbot, practice, case, settings, initial="steps")
    assert again.choices.chosen_page_size() == "Letter"


# ----- saving --------------------------------------------------------------------------


def test_save_as_writes_the_message_and_the_chosen_name_under_a_neutral_file_name(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    settings: Settings,
    save_to: Callable[[Path], list[str]],
    tmp_path: Path,
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, initial="handout")
    zoe = case.partners[0]
    dialog.choices.choose_who(zoe.id)
    dialog.choices.names[zoe.id].setText("Ziggy")
    qtbot.keyClicks(dialog.choices.message, MESSAGE)
    out = tmp_path / "chosen.pdf"
    suggested = save_to(out)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [str(out)]
    assert Path(suggested[0]).name == "handout-step-3.pdf"  # no client names in file names
    text = pdftools.flat(pdftools.text(out))
    assert MESSAGE in text
    assert "Ziggy" in text
    assert "Łukasz" not in text and "Distance since the move" not in text


def test_a_password_protected_save_needs_the_password_to_read(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    note: NoteView,
    settings: Settings,
    save_to: Callable[[Path], list[str]],
    tmp_path: Path,
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, note, initial="note")
    out = tmp_path / "protected.pdf"
    suggested = save_to(out)
    choices = dialog.choices
    qtbot.mouseClick(
        choices.protect, Qt.MouseButton.LeftButton, pos=choices.protect.rect().center()
    )
    qtbot.keyClicks(choices.password, "river-otter-42")
    qtbot.keyClicks(choices.repeat, "river-otter-43")
    dialog.save_as()
    assert "differ" in dialog.error.text()
    assert suggested == []  # nothing asked, nothing written

    choices.repeat.setText("river-otter-42")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save_as()
    assert Path(suggested[0]).name == "session-note-2026-11-17.pdf"
    assert not pdftools.readable(out)
    assert pdftools.readable(out, "river-otter-42")
    assert "Distance since the move." in pdftools.text(out, "river-otter-42")


# ----- the safety flag -----------------------------------------------------------------


def test_one_partners_handout_in_a_flagged_case_needs_the_tick(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    practice: OpenPractice,
    flagged_case: CaseDetail,
    settings: Settings,
    save_to: Callable[[Path], list[str]],
    tmp_path: Path,
) -> None:
    calls = spy_on_handouts(monkeypatch)
    dialog = open_dialog(qtbot, practice, flagged_case, settings, initial="handout", wait=False)
    choices = dialog.choices
    # A flagged case opens on the first partner's own handout, with the warning shown.
    assert choices.who_id() == flagged_case.partners[0].id
    assert choices.safety.isVisible()
    assert "practices for one person in place of joint exercises" in (choices.safety_warning.text())
    # The preview ran for this choice and showed the warning in its place, where an
    # unticked build would have started: nothing is made before the tick.
    qtbot.waitUntil(lambda: "to see it, with" in dialog.preview.message.text(), timeout=WAIT_MS)
    assert dialog.preview.stack.currentWidget() is dialog.preview.message
    assert "safety flag" in dialog.preview.message.text()
    assert calls == []

    choices.step.setCurrentIndex(choices.step.findData(int(Step.LEAN_IN)))
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.safety_tick.setChecked(True)
    assert [(c["action"], c["acknowledge_safety"]) for c in calls] == [("previewed", True)]
    shown = pdftools.flat(preview_text(dialog))
    assert "Ngozi" in shown and "Ελένη" not in shown
    assert "Ask each other" not in shown  # the safety-aware version
    assert "Notice what helps you feel steady in yourself" in shown

    # Ticked, saving one partner's handout asks nothing more.
    out = tmp_path / "ngozi.pdf"
    save_to(out)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save_as()
    exported = [c for c in calls if c["action"] == "exported"]
    assert [(c["partner_id"], c["acknowledge_safety"]) for c in exported] == [
        (flagged_case.partners[0].id, True)
    ]
    assert "Ask each other" not in pdftools.text(out)

    # Another partner clears the tick: each handout is considered on its own.
    choices.choose_who(flagged_case.partners[1].id)
    assert not choices.safety_tick.isChecked()


def test_a_joint_handout_in_a_flagged_case_needs_the_tick_and_a_confirmation(
    qtbot: QtBot,
    modal: ModalAnswerer,
    monkeypatch: pytest.MonkeyPatch,
    practice: OpenPractice,
    flagged_case: CaseDetail,
    settings: Settings,
    save_to: Callable[[Path], list[str]],
    tmp_path: Path,
) -> None:
    calls = spy_on_handouts(monkeypatch)
    dialog = open_dialog(qtbot, practice, flagged_case, settings, initial="handout", wait=False)
    choices = dialog.choices
    choices.choose_who(JOINT)
    assert choices.safety.isVisible()
    assert "addressed to both partners may not be safe" in choices.safety_warning.text()
    # The preview ran for the joint choice and showed the warning in its place, where an
    # unticked build would have started: no joint handout is made.
    qtbot.waitUntil(
        lambda: "to see the joint handout" in dialog.preview.message.text(), timeout=WAIT_MS
    )
    assert dialog.preview.stack.currentWidget() is dialog.preview.message
    assert "safety flag" in dialog.preview.message.text()
    assert calls == []

    choices.step.setCurrentIndex(choices.step.findData(int(Step.LEAN_IN)))
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.safety_tick.setChecked(True)
    joint = [c for c in calls if c["partner_id"] is None]
    assert [(c["action"], c["acknowledge_safety"]) for c in joint] == [("previewed", True)]
    assert "Ngozi" in preview_text(dialog) and "Ελένη" in preview_text(dialog)
    assert "Ask each other" not in preview_text(dialog)

    # Saving asks again; Cancel leaves no file and no call.
    out = tmp_path / "joint.pdf"
    suggested = save_to(out)
    modal.answer(QMessageBox, press(QMessageBox.StandardButton.Cancel))
    dialog.save_as()
    assert modal.answered == ["QMessageBox"]
    assert suggested == [] and not out.exists()
    assert not [c for c in calls if c["action"] == "exported"]

    modal.answer(QMessageBox, press(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save_as()
    exported = [c for c in calls if c["action"] == "exported"]
    assert [(c["partner_id"], c["acknowledge_safety"]) for c in exported] == [(None, True)]
    assert out.exists()


def test_without_a_flag_no_warning_and_the_usual_handout(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, settings: Settings
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, initial="handout")
    assert not dialog.choices.safety.isVisible()
    assert "Take turns" in pdftools.flat(preview_text(dialog))  # together, at step 2


# ----- printing and the audit log ------------------------------------------------------


def test_printing_renders_every_page_and_every_use_is_audited(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    practice: OpenPractice,
    case: CaseDetail,
    note: NoteView,
    settings: Settings,
    save_to: Callable[[Path], list[str]],
    audit_log: Callable[[], list[AuditRow]],
    tmp_path: Path,
) -> None:
    before = len(audit_log())
    dialog = open_dialog(qtbot, practice, case, settings, note, initial="note")
    pages = dialog.preview.document.pageCount()

    printed = tmp_path / "printed.pdf"
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(dialog.printed, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert done.args == [pages]
    info = pdftools.info(printed)
    assert int(info["Pages"]) == pages
    assert "A4" in info["Page size"]

    save_to(tmp_path / "saved.pdf")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save_as()
    rows = [(r[0], r[1], r[2]) for r in audit_log()[before:] if r[0] != "viewed"]
    assert ("previewed", "note", note.id) in rows
    assert ("printed", "note", note.id) in rows
    assert ("exported", "note", note.id) in rows


def test_a_cancelled_print_dialog_prints_nothing_and_logs_nothing(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    practice: OpenPractice,
    case: CaseDetail,
    settings: Settings,
    audit_log: Callable[[], list[AuditRow]],
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, initial="steps")
    before = len(audit_log())
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    dialog.print_document()
    qtbot.wait(300)
    assert not [r for r in audit_log()[before:] if r[0] == "printed"]
    assert dialog.print_button.isEnabled()


# ----- keyboard ------------------------------------------------------------------------


def test_enter_never_closes_escape_does_and_ctrl_s_saves(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    settings: Settings,
    save_to: Callable[[Path], list[str]],
    tmp_path: Path,
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, initial="handout")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    name = dialog.choices.names[case.partners[0].id]
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.choices.page_size, Qt.Key.Key_Enter)
    assert dialog.isVisible()

    out = tmp_path / "by-keyboard.pdf"
    save_to(out)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert out.exists()

    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.preview.document.pageCount() == 0  # the pages are forgotten on close


# ----- how it looks --------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["handout", "note"])
def test_the_dialog_renders_to_an_image(
    qtbot: QtBot,
    practice: OpenPractice,
    case: CaseDetail,
    note: NoteView,
    settings: Settings,
    tmp_path: Path,
    kind: str,
) -> None:
    dialog = open_dialog(qtbot, practice, case, settings, note, initial=kind)
    dialog.resize(1200, 800)
    qtbot.wait(100)
    shot = dialog.grab()
    assert shot.width() >= 1100
    path = tmp_path / f"document-dialog-{kind}.png"
    assert shot.save(str(path))
    assert inked_pixels(shot.toImage().scaled(400, 266)) > 250


def test_the_safety_warning_renders_in_place_of_the_joint_preview(
    qtbot: QtBot,
    practice: OpenPractice,
    flagged_case: CaseDetail,
    settings: Settings,
    tmp_path: Path,
) -> None:
    dialog = open_dialog(qtbot, practice, flagged_case, settings, initial="handout", wait=False)
    dialog.resize(1200, 800)
    dialog.choices.choose_who(JOINT)
    dialog.refresh_preview()
    qtbot.wait(100)
    shot = dialog.grab()
    assert shot.save(str(tmp_path / "document-dialog-safety.png"))
    assert dialog.choices.safety.isVisible()
    assert dialog.preview.message.isVisible()
    assert not dialog.preview.view.isVisible()


def test_a_note_is_asked_for_in_the_windows_language(
    qtbot: QtBot, practice: OpenPractice, case: CaseDetail, note: NoteView, settings: Settings
) -> None:
    from PySide6.QtCore import QLocale

    from clarity_desktop.domain.languages import Language
    from clarity_desktop.ui.common import language

    before = QLocale()
    assert language.install("es")
    try:
        dialog = open_dialog(qtbot, practice, case, settings, note=note, initial="note")
        spanish = dialog.choices.choice()
    finally:
        language.install("en")
        QLocale.setDefault(before)
    assert spanish.language is Language.ES
    request = spanish.request(None, None, "printed")
    data = document_request.render(practice.uow(), request)
    assert data is not None and "Nota de sesión" in pdftools.text(data)
    dialog = open_dialog(qtbot, practice, case, settings, note=note, initial="note")
    assert dialog.choices.choice().language is Language.EN
