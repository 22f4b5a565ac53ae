"""The handout language in the window: set per partner in the case dialog, and offered
in the document dialog, starting on the partner's own, English for a couple whose
partners differ until the clinician chooses; what was chosen is printed and recorded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseInput, PartnerInput
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import cases
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case.case_dialog import CaseDialog
from clarity_desktop.ui.common.settings import Settings
from tests.reports import pdftools
from tests.ui.test_case_dialog import detail, ok_button, show_active, type_text
from tests.ui.test_document_dialog import WAIT_MS, open_dialog, preview_text, signed_note

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def builds_finish(practice: OpenPractice) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_the_case_dialog_sets_each_partners_handout_language(qtbot: QtBot) -> None:
    d = CaseDialog(today=date(2025, 3, 14))
    qtbot.addWidget(d)
    show_active(qtbot, d)
    type_text(qtbot, d.partner1.name, "Zoë")
    type_text(qtbot, d.partner2.name, "Łukasz")
    assert d.partner2.language.currentText() == "English"  # a new partner: English
    d.partner2.language.setFocus()
    qtbot.keyClick(d.partner2.language, Qt.Key.Key_Down)
    assert d.partner2.language.currentText() == "Spanish"
    qtbot.mouseClick(ok_button(d), Qt.MouseButton.LeftButton)
    assert [p.language for p in d.case_input().partners] == [Language.EN, Language.ES]


def test_editing_shows_the_language_on_record(qtbot: QtBot) -> None:
    case = detail()
    lukasz = next(p for p in case.partners if p.name == "Łukasz")
    others = tuple(p for p in case.partners if p is not lukasz)
    existing = replace(case, partners=(*others, replace(lukasz, language=Language.ES)))
    d = CaseDialog(existing=existing, today=date(2025, 3, 14))
    qtbot.addWidget(d)
    assert (d.partner1.language.currentText(), d.partner2.language.currentText()) == (
        "English",
        "Spanish",
    )


def spanish_for_lukasz(practice: OpenPractice, case: CaseDetail) -> CaseDetail:
    return cases.update_case(
        practice.uow(),
        case.id,
        CaseInput(
            kind=case.kind,
            display_name=case.display_name,
            partners=(
                PartnerInput(name="Zoë", pronouns="she/her", email="zoe@example.org"),
                PartnerInput(name="Łukasz", language=Language.ES),
            ),
            relationship_structure=case.relationship_structure,
        ),
    )


def test_the_document_dialog_follows_the_partner_and_asks_for_a_couple_who_differ(
    qtbot: QtBot,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    spanish_for_lukasz(practice, couple_case)
    note = signed_note(practice, couple_case)  # Zoë at step 3, Łukasz at step 2
    case = cases.read_case(practice.uow(), couple_case.id)
    zoe, lukasz = case.partners
    dialog = open_dialog(qtbot, practice, case, settings, note, initial="handout")
    language = dialog.choices.language_group
    assert language.isVisible()
    # Both together: the records differ, so English, and the hint says to choose.
    assert language.combo.currentText() == "English"
    assert "different handout languages" in language.hint.text()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.choices.choose_who(lukasz.id)
    assert language.combo.currentText() == "Spanish"
    assert "record" in language.hint.text()
    assert "Nombrar lo que pasa" in preview_text(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.choices.choose_who(zoe.id)
    assert language.combo.currentText() == "English"
    assert "Lean In" in preview_text(dialog)

    # A joint handout in Spanish, chosen on purpose: printed in Spanish and recorded so.
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.choices.choose_who(0)
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        language.choose(Language.ES)
    assert "Para Zoë y Łukasz" in preview_text(dialog)
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(Path(suggested).name)
        return str(tmp_path / "h.pdf"), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    with qtbot.waitSignal(dialog.given_recorded, timeout=WAIT_MS) as recorded:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == ["handout-step-2-es.pdf"]
    view = recorded.args[0]
    assert (view.to, view.step, view.language) == ("Both partners", Step(2), Language.ES)
    saved = pdftools.flat(pdftools.text(tmp_path / "h.pdf"))
    assert "Nombrar lo que pasa" in saved and "Para Zoë y Łukasz" in saved


def test_the_overview_offers_the_language_too(
    qtbot: QtBot, practice: OpenPractice, couple_case: CaseDetail, settings: Settings
) -> None:
    dialog = open_dialog(qtbot, practice, couple_case, settings, None, initial="steps")
    assert dialog.choices.language_group.isVisible()
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.choices.language_group.choose(Language.ES)
    assert "Cinco pasos hacia la claridad" in preview_text(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT_MS):
        dialog.choices.choose_kind("summary")
    assert not dialog.choices.language_group.isVisible()


def test_the_case_panel_names_a_language_other_than_english(qtbot: QtBot) -> None:
    from clarity_desktop.ui.case.case_panel import CasePanel

    panel = CasePanel()
    qtbot.addWidget(panel)
    case = detail()
    lukasz = next(p for p in case.partners if p.name == "Łukasz")
    zoe = next(p for p in case.partners if p is not lukasz)
    panel.show_case(replace(case, partners=(zoe, replace(lukasz, language=Language.ES))))
    zoe_line, lukasz_line = panel.partners.text().split("<br>")
    assert "handouts in" not in zoe_line
    assert lukasz_line.endswith(" · handouts in Spanish")
