"""The document dialog's "Treatment plan": the plan in force first, any version on
request (a draft previews marked DRAFT), the acknowledgement on a tick, and a plain
message in the preview when the case has no plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.document_kinds import DocumentKind
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseInput, CaseKind, PartnerInput
from clarity_desktop.services import cases
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.store.sqlite.engine import connect_raw
from clarity_desktop.ui.common.settings import Settings
from tests.services.test_plan_document import write_plan
from tests.ui.test_document_dialog import WAIT_MS, open_dialog, preview_text


@pytest.fixture(autouse=True)
def builds_finish(practice: OpenPractice) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def last_audit(practice: OpenPractice) -> tuple[str, str, str]:
    conn = connect_raw(practice.folder / "practice.clarity", practice.db_key)
    try:
        row = conn.execute(
            "SELECT action, entity, detail FROM audit_events ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return str(row[0]), str(row[1]), str(row[2])
    finally:
        conn.close()


def test_the_plan_in_force_previews_and_a_draft_is_marked(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    tmp_path: Path,
) -> None:
    write_plan(practice, couple_case)
    dialog = open_dialog(qtbot, practice, couple_case, settings, initial=DocumentKind.PLAN)
    choices = dialog.choices
    assert choices.plan_group.isVisible() and not choices.handout_group.isVisible()
    versions = [choices.plan_version.itemText(i) for i in range(choices.plan_version.count())]
    assert versions == ["Version 2, draft (printed marked DRAFT)", "Version 1, in force"]
    assert choices.plan_version.currentData() == 1
    text = preview_text(dialog)
    assert "Stay curious about each other while unsure" in text and "DRAFT" not in text
    assert last_audit(practice)[:2] == ("previewed", "treatment_plan")
    dialog.grab().save(str(tmp_path / "dialog_plan.png"))

    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.plan_version.setCurrentIndex(0)
    text = preview_text(dialog)
    assert "DRAFT" in text and "Name the pull to leave without acting on it" in text
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.plan_acknowledgement.setChecked(True)
    assert "Acknowledgement" in preview_text(dialog)
    assert "version 2 (unsigned draft), with acknowledgement lines" in last_audit(practice)[2]


def test_a_case_without_a_plan_says_so_in_the_preview(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    dialog = open_dialog(
        qtbot, practice, couple_case, settings, initial=DocumentKind.PLAN, wait=False
    )
    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS) as failed:
        pass
    assert failed.args == [
        "This case has no treatment plan yet; write one on the Treatment plan tab first."
    ]
    assert dialog.choices.plan_version.count() == 0


def test_a_check_in_form_for_one_partner_in_their_language(
    qtbot: QtBot,
    practice: OpenPractice,
    settings: Settings,
    tmp_path: Path,
) -> None:
    """Each partner's form, in the language on their record; the dialog offers the
    measures the practice has, the session check-in first."""
    case = cases.create_case(
        practice.uow(),
        CaseInput(
            kind=CaseKind.COUPLE,
            display_name="",
            partners=(PartnerInput(name="Zoë"), PartnerInput(name="Łukasz", language=Language.ES)),
            opened_on=date(2025, 1, 15),
        ),
    )
    dialog = open_dialog(qtbot, practice, case, settings, initial=DocumentKind.CHECK_IN)
    choices = dialog.choices
    assert choices.check_in_group.isVisible() and not choices.plan_group.isVisible()
    assert choices.check_in_measure.currentData() == "session_check_in"
    assert choices.check_in_partner.currentText() == "Zoë (English)"
    text = preview_text(dialog)
    assert "How today's session felt" in text and "Zoë" in text
    assert last_audit(practice) == ("previewed", "case", "session_check_in form")
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        choices.check_in_partner.setCurrentIndex(1)
    text = preview_text(dialog)
    assert "Cómo fue la sesión de hoy" in text and "Łukasz" in text
    dialog.grab().save(str(tmp_path / "dialog_check_in.png"))
