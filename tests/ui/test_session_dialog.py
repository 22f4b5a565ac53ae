"""The session dialog, driven with keyboard and mouse as a therapist would."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import CaseKind, CaseStatus, Modality, SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services.dto import CaseDetail, PartnerView
from clarity_desktop.ui.note.session_dialog import SessionDialog, start_of_hour

# The offscreen platform says this once per shown window; it is not a fault of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOW = datetime(2025, 3, 14, 14, 37, 12)


def partner(pid: int, position: int, name: str) -> PartnerView:
    return PartnerView(
        id=pid,
        position=position,
        name=name,
        pronouns="",
        date_of_birth=None,
        email="",
        phone="",
        current_step=None,
    )


def case_detail(
    kind: CaseKind = CaseKind.COUPLE, safety_flag: bool = False, safety_note: str = ""
) -> CaseDetail:
    partners = (
        (partner(21, 1, "Zoë"), partner(22, 2, "Ł&ukasz"))
        if kind is CaseKind.COUPLE
        else (partner(31, 1, "Søren"),)
    )
    return CaseDetail(
        id=3,
        kind=kind,
        display_name="Zoë & Łukasz" if kind is CaseKind.COUPLE else "Søren",
        relationship_structure="",
        status=CaseStatus.ACTIVE,
        opened_on=date(2024, 1, 5),
        closed_on=None,
        safety_flag=safety_flag,
        safety_note=safety_note,
        partners=partners,
        sessions=(),
    )


def open_dialog(qtbot: QtBot, case: CaseDetail) -> SessionDialog:
    dialog = SessionDialog(None, case, now=NOW)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def show_active(qtbot: QtBot, dialog: QDialog) -> None:
    """Show the dialog as the active window, so focus and shortcuts behave as on a desk."""
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a radio button on its indicator, where a user aims."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def test_defaults_are_a_fifty_minute_joint_session_this_hour(qtbot: QtBot) -> None:
    d = open_dialog(qtbot, case_detail())
    assert d.duration.value() == 50
    assert d.both_button.isChecked()
    assert d.in_person_button.isChecked()
    assert not d.privacy_hint.isVisible()
    assert not d.safety_notice.isVisible()
    assert d.template_combo.currentText() == "Five steps"
    assert "Zoë & Łukasz" in d.windowTitle()

    qtbot.keyClick(d.duration, Qt.Key.Key_Return)

    assert d.result() == QDialog.DialogCode.Accepted
    assert d.session_input() == SessionInput(
        starts_at=datetime(2025, 3, 14, 14, 0),
        duration_minutes=50,
        modality=Modality.IN_PERSON,
        attending_partner_id=None,
    )
    assert d.template() is Template.FIVE_STEPS


def test_one_partner_alone_is_an_individual_session_with_the_privacy_hint(
    qtbot: QtBot,
) -> None:
    d = open_dialog(qtbot, case_detail())
    lukasz = d.partner_buttons[22]
    assert lukasz.text() == "Ł&&ukasz alone (individual session)"  # "&" shown, not a shortcut
    click(qtbot, lukasz)
    assert lukasz.isChecked()
    assert d.privacy_hint.isVisible()
    assert d.privacy_hint.text() == "Notes from individual sessions are private by default."

    click(qtbot, d.both_button)
    assert not d.privacy_hint.isVisible()
    click(qtbot, d.partner_buttons[21])
    assert d.privacy_hint.isVisible()

    qtbot.mouseClick(
        d.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.session_input().attending_partner_id == 21


def test_duration_setting_and_template_can_be_changed_by_keyboard(qtbot: QtBot) -> None:
    d = open_dialog(qtbot, case_detail())
    assert d.focusWidget() is d.starts_at
    d.duration.setFocus()  # a date editor's own Tab steps through its parts first
    d.duration.selectAll()
    qtbot.keyClicks(d.duration, "75")
    qtbot.keyClick(d.duration, Qt.Key.Key_Tab)
    assert d.focusWidget() is d.in_person_button
    qtbot.keyClick(d.in_person_button, Qt.Key.Key_Right)  # arrows move within the choice
    assert d.telehealth_button.isChecked()
    qtbot.keyClick(d.template_combo, Qt.Key.Key_Down)
    qtbot.keyClick(d.template_combo, Qt.Key.Key_Down)
    assert d.template_combo.currentText() == "SOAP"
    qtbot.keyClick(d.template_combo, Qt.Key.Key_Enter)

    assert d.result() == QDialog.DialogCode.Accepted
    result = d.session_input()
    assert result.duration_minutes == 75
    assert result.modality is Modality.TELEHEALTH
    assert d.template() is Template.SOAP


def test_duration_stays_within_one_to_480_minutes(qtbot: QtBot) -> None:
    d = open_dialog(qtbot, case_detail())
    d.duration.selectAll()
    qtbot.keyClicks(d.duration, "999")
    qtbot.keyClick(d.duration, Qt.Key.Key_Return)
    assert d.session_input().duration_minutes <= 480
    assert d.duration.minimum() == 1


def test_an_individual_case_does_not_ask_who_attended(qtbot: QtBot) -> None:
    d = open_dialog(qtbot, case_detail(CaseKind.INDIVIDUAL))
    assert not d.attendance.isVisible()
    assert d.partner_buttons == {}
    qtbot.keyClick(d.starts_at, Qt.Key.Key_Return)
    assert d.session_input().attending_partner_id is None


def test_a_safety_flag_on_the_case_is_shown(qtbot: QtBot) -> None:
    d = open_dialog(qtbot, case_detail(safety_flag=True, safety_note="Separate check-ins first"))
    assert d.safety_notice.isVisible()
    assert d.safety_notice.message() == "Safety flag: Separate check-ins first"


def test_escape_cancels(qtbot: QtBot) -> None:
    d = open_dialog(qtbot, case_detail())
    click(qtbot, d.partner_buttons[21])
    qtbot.keyClick(d.duration, Qt.Key.Key_Escape)
    assert d.result() == QDialog.DialogCode.Rejected
    assert not d.isVisible()
    with pytest.raises(RuntimeError):
        d.session_input()
    with pytest.raises(RuntimeError):
        d.template()


def test_start_of_hour_uses_local_wall_clock_time() -> None:
    assert start_of_hour(NOW) == datetime(2025, 3, 14, 14, 0)
    aware = datetime(2025, 3, 14, 9, 59, tzinfo=UTC)
    local = aware.astimezone().replace(tzinfo=None)
    assert start_of_hour(aware) == local.replace(minute=0, second=0, microsecond=0)
    assert start_of_hour(aware).tzinfo is None
