"""The case dialog, driven the way a therapist uses it: typing, ticking, Enter and Esc."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseInput, CaseKind, CaseStatus, PartnerInput
from clarity_desktop.services.dto import CaseDetail, PartnerView
from clarity_desktop.ui.case.case_dialog import CaseDialog

# The offscreen platform says this once per shown window; it is not a fault of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2025, 3, 14)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a keyboard would, letters beyond ASCII included (QTest.keyClicks is ASCII-only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def show_active(qtbot: QtBot, dialog: QDialog) -> None:
    """Show the dialog as the active window, so focus and shortcuts behave as on a desk."""
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a check or radio box on its indicator, where a user aims."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def ok_button(dialog: CaseDialog) -> QAbstractButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


@pytest.fixture
def new_dialog(qtbot: QtBot) -> CaseDialog:
    dialog = CaseDialog(today=TODAY)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def detail(
    *,
    display_name: str = "Zoë & Łukasz",
    kind: CaseKind = CaseKind.COUPLE,
    safety_flag: bool = False,
    safety_note: str = "",
) -> CaseDetail:
    partners = (
        PartnerView(
            id=11,
            position=1,
            name="Zoë",
            pronouns="she/her",
            date_of_birth=date(1988, 5, 2),
            email="zoe@example.org",
            phone="",
            current_step=None,
        ),
        PartnerView(
            id=12,
            position=2,
            name="Łukasz",
            pronouns="he/him",
            date_of_birth=None,
            email="",
            phone="+48 600 000 000",
            current_step=None,
        ),
    )
    return CaseDetail(
        id=7,
        kind=kind,
        display_name=display_name,
        relationship_structure="Separated, co-parenting",
        status=CaseStatus.ACTIVE,
        opened_on=date(2024, 1, 5),
        closed_on=None,
        safety_flag=safety_flag,
        safety_note=safety_note,
        # Listed out of order on purpose: the dialog goes by position.
        partners=tuple(reversed(partners)) if kind is CaseKind.COUPLE else partners[:1],
        sessions=(),
    )


def test_new_couple_case_is_cleaned_and_named_after_the_partners(
    qtbot: QtBot, new_dialog: CaseDialog
) -> None:
    d = new_dialog
    assert d.windowTitle() == "New case"
    assert d.couple_button.isChecked() and d.partner2.isVisible()
    assert d.focusWidget() is d.partner1.name  # typing starts at the first name

    type_text(qtbot, d.partner1.name, "  Zoë ")
    type_text(qtbot, d.partner1.pronouns, "she/her")
    type_text(qtbot, d.partner1.email, " zoe@example.org ")
    qtbot.keyClick(d.partner1.birth_known, Qt.Key.Key_Space)
    assert d.partner1.birth_date.isEnabled()
    d.partner1.birth_date.setDate(QDate(1988, 5, 2))
    type_text(qtbot, d.partner2.name, "Łukasz  ")
    type_text(qtbot, d.partner2.phone, "+48 600 000 000")
    line = d.relationship.lineEdit()
    assert line is not None
    type_text(qtbot, line, "Living apart together")
    # Enter in the editable list saves the case; it does not add to the list.
    qtbot.keyClick(line, Qt.Key.Key_Return)

    assert d.result() == QDialog.DialogCode.Accepted
    assert not d.isVisible()
    assert d.case_input() == CaseInput(
        kind=CaseKind.COUPLE,
        display_name="Zoë & Łukasz",
        partners=(
            PartnerInput(
                name="Zoë",
                pronouns="she/her",
                date_of_birth=date(1988, 5, 2),
                email="zoe@example.org",
                language=Language.EN,
            ),
            PartnerInput(name="Łukasz", phone="+48 600 000 000", language=Language.EN),
        ),
        relationship_structure="Living apart together",
        opened_on=TODAY,
    )
    assert d.relationship.findText("Living apart together") == -1


def test_a_chosen_structure_and_own_case_name_are_kept(
    qtbot: QtBot, new_dialog: CaseDialog
) -> None:
    d = new_dialog
    d.relationship.setCurrentIndex(d.relationship.findText("Consensually non-monogamous"))
    type_text(qtbot, d.display_name, "The Nowak-Bianchi household")
    type_text(qtbot, d.partner1.name, "Ana")
    type_text(qtbot, d.partner2.name, "Bo")
    qtbot.mouseClick(ok_button(d), Qt.MouseButton.LeftButton)

    result = d.case_input()
    assert result.display_name == "The Nowak-Bianchi household"
    assert result.relationship_structure == "Consensually non-monogamous"


def test_an_empty_partner_name_keeps_the_dialog_open_with_everything_typed(
    qtbot: QtBot, new_dialog: CaseDialog
) -> None:
    d = new_dialog
    type_text(qtbot, d.display_name, "Intake March")
    type_text(qtbot, d.partner1.name, "Zoë")
    type_text(qtbot, d.partner1.pronouns, "she/her")
    type_text(qtbot, d.partner2.pronouns, "they/them")
    type_text(qtbot, d.partner2.email, "sam@example.org")
    type_text(qtbot, d.partner2.name, "   ")  # only spaces: still empty
    qtbot.mouseClick(ok_button(d), Qt.MouseButton.LeftButton)

    assert d.isVisible()
    assert d.result() != QDialog.DialogCode.Accepted
    assert d.error_banner.isVisible()
    assert d.error_banner.message() == "Please enter partner 2's name."
    assert d.focusWidget() is d.partner2.name
    typed = (d.display_name, d.partner1.name, d.partner1.pronouns, d.partner2.pronouns)
    assert [w.text() for w in typed] == ["Intake March", "Zoë", "she/her", "they/them"]
    assert d.partner2.email.text() == "sam@example.org"
    with pytest.raises(RuntimeError):
        d.case_input()

    # The fix goes where the cursor already is; Enter then saves.
    type_text(qtbot, d.partner2.name, "Sam")
    qtbot.keyClick(d.partner2.name, Qt.Key.Key_Enter)
    assert d.result() == QDialog.DialogCode.Accepted
    assert [p.name for p in d.case_input().partners] == ["Zoë", "Sam"]


def test_a_bad_email_points_at_that_partners_email(qtbot: QtBot, new_dialog: CaseDialog) -> None:
    d = new_dialog
    type_text(qtbot, d.partner1.name, "Zoë")
    type_text(qtbot, d.partner2.name, "Łukasz")
    type_text(qtbot, d.partner2.email, "lukasz at home")
    qtbot.keyClick(d.partner1.name, Qt.Key.Key_Return)

    assert d.isVisible()
    assert "does not look like an e-mail address" in d.error_banner.message()
    assert d.focusWidget() is d.partner2.email
    assert d.partner2.email.text() == "lukasz at home"


def test_the_safety_flag_needs_a_note(qtbot: QtBot, new_dialog: CaseDialog) -> None:
    d = new_dialog
    assert not d.safety_note.isEnabled()
    type_text(qtbot, d.partner1.name, "Zoë")
    type_text(qtbot, d.partner2.name, "Łukasz")
    click(qtbot, d.safety_flag)
    assert d.safety_flag.isChecked()
    assert d.safety_note.isEnabled()
    qtbot.mouseClick(ok_button(d), Qt.MouseButton.LeftButton)

    assert d.isVisible()
    assert "safety flag" in d.error_banner.message()
    assert d.focusWidget() is d.safety_note

    type_text(qtbot, d.safety_note, " Screened positive at intake; separate check-ins first. ")
    qtbot.keyClick(d.safety_note, Qt.Key.Key_Return)
    assert d.result() == QDialog.DialogCode.Accepted
    result = d.case_input()
    assert result.safety_flag
    assert result.safety_note == "Screened positive at intake; separate check-ins first."


def test_unticking_the_safety_flag_drops_the_note_but_keeps_the_text(
    qtbot: QtBot, new_dialog: CaseDialog
) -> None:
    d = new_dialog
    type_text(qtbot, d.partner1.name, "Zoë")
    type_text(qtbot, d.partner2.name, "Łukasz")
    qtbot.keyClick(d.safety_flag, Qt.Key.Key_Space)
    type_text(qtbot, d.safety_note, "draft")
    qtbot.keyClick(d.safety_flag, Qt.Key.Key_Space)
    assert not d.safety_note.isEnabled()
    assert d.safety_note.text() == "draft"
    qtbot.mouseClick(ok_button(d), Qt.MouseButton.LeftButton)
    assert d.case_input().safety_flag is False
    assert d.case_input().safety_note == ""


def test_switching_to_individual_hides_partner_two(qtbot: QtBot, new_dialog: CaseDialog) -> None:
    d = new_dialog
    type_text(qtbot, d.partner2.name, "typed before switching")
    click(qtbot, d.individual_button)

    assert d.individual_button.isChecked()
    assert not d.partner2.isVisible()
    assert d.partner1.title() == "Client"
    assert d.display_name.placeholderText() == "Leave empty to use the client's name"

    type_text(qtbot, d.partner1.name, "Søren Ødegård")
    line = d.relationship.lineEdit()
    assert line is not None
    type_text(qtbot, line, "Recently separated")
    qtbot.keyClick(d.partner1.name, Qt.Key.Key_Return)

    assert d.result() == QDialog.DialogCode.Accepted
    result = d.case_input()
    assert result.kind is CaseKind.INDIVIDUAL
    assert result.partners == (PartnerInput(name="Søren Ødegård", language=Language.EN),)
    assert result.display_name == "Søren Ødegård"
    assert result.relationship_structure == "Recently separated"

    # And back: partner 2 returns with what was typed in it.
    again = CaseDialog(today=TODAY)
    qtbot.addWidget(again)
    show_active(qtbot, again)
    type_text(qtbot, again.partner2.name, "Łukasz")
    click(qtbot, again.individual_button)
    click(qtbot, again.couple_button)
    assert again.partner2.isVisible()
    assert again.partner2.name.text() == "Łukasz"


def test_editing_prefills_every_field_and_fixes_the_kind(qtbot: QtBot) -> None:
    existing = detail(display_name="Nowak family", safety_flag=True, safety_note="Past incident")
    d = CaseDialog(existing=existing, today=TODAY)
    qtbot.addWidget(d)
    show_active(qtbot, d)

    assert d.windowTitle() == "Edit case"
    assert not d.couple_button.isVisible() and not d.individual_button.isVisible()
    assert d.kind_label.text() == "Couple"
    assert d.display_name.text() == "Nowak family"
    assert d.relationship.currentText() == "Separated, co-parenting"
    assert d.opened_on.date() == QDate(2024, 1, 5)
    assert d.partner1.name.text() == "Zoë"
    assert d.partner1.birth_known.isChecked()
    assert d.partner1.birth_date.date() == QDate(1988, 5, 2)
    assert d.partner2.name.text() == "Łukasz"
    assert not d.partner2.birth_known.isChecked()
    assert d.partner2.phone.text() == "+48 600 000 000"
    assert d.safety_flag.isChecked() and d.safety_note.text() == "Past incident"

    type_text(qtbot, d.partner2.pronouns, "/they")
    qtbot.keyClick(d.display_name, Qt.Key.Key_Return)
    result = d.case_input()
    assert result == CaseInput(
        kind=CaseKind.COUPLE,
        display_name="Nowak family",
        partners=(
            PartnerInput(
                name="Zoë",
                pronouns="she/her",
                date_of_birth=date(1988, 5, 2),
                email="zoe@example.org",
                language=Language.EN,
            ),
            PartnerInput(
                name="Łukasz",
                pronouns="he/him/they",
                phone="+48 600 000 000",
                language=Language.EN,
            ),
        ),
        relationship_structure="Separated, co-parenting",
        opened_on=date(2024, 1, 5),
        safety_flag=True,
        safety_note="Past incident",
    )


def test_a_case_name_that_only_joins_the_names_follows_a_corrected_name(qtbot: QtBot) -> None:
    d = CaseDialog(existing=detail(), today=TODAY)
    qtbot.addWidget(d)
    show_active(qtbot, d)
    assert d.display_name.text() == ""
    d.partner2.name.clear()
    type_text(qtbot, d.partner2.name, "Lukasz")
    qtbot.keyClick(d.partner2.name, Qt.Key.Key_Return)
    assert d.case_input().display_name == "Zoë & Lukasz"


def test_editing_an_individual_case_shows_only_the_client(qtbot: QtBot) -> None:
    d = CaseDialog(existing=detail(kind=CaseKind.INDIVIDUAL, display_name="Zoë"), today=TODAY)
    qtbot.addWidget(d)
    show_active(qtbot, d)
    assert d.kind_label.text() == "Individual"
    assert not d.partner2.isVisible()
    qtbot.keyClick(d.partner1.name, Qt.Key.Key_Return)
    assert d.case_input().partners == (
        PartnerInput(
            name="Zoë",
            pronouns="she/her",
            date_of_birth=date(1988, 5, 2),
            email="zoe@example.org",
            language=Language.EN,
        ),
    )


def test_alt_shortcut_on_a_label_moves_to_its_field(qtbot: QtBot, new_dialog: CaseDialog) -> None:
    d = new_dialog
    qtbot.keyClick(d, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "Case na&me"
    assert d.focusWidget() is d.display_name
    qtbot.keyClick(d, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # "&Safety flag"
    qtbot.waitUntil(d.safety_flag.isChecked)  # a shortcut clicks with a short animation
    assert d.safety_note.isEnabled()


def test_tab_order_follows_the_form(qtbot: QtBot, new_dialog: CaseDialog) -> None:
    d = new_dialog
    d.display_name.setFocus()
    seen: list[QWidget | None] = [d.display_name]
    for _ in range(12):  # a date editor takes one Tab per part of the date
        qtbot.keyClick(d.focusWidget(), Qt.Key.Key_Tab)
        if d.focusWidget() is not seen[-1]:
            seen.append(d.focusWidget())
    assert seen[:7] == [
        d.display_name,
        d.relationship,
        d.opened_on,
        d.partner1.name,
        d.partner1.pronouns,
        d.partner1.birth_known,
        d.partner1.email,  # the date of birth is skipped while it is not known
    ]


@pytest.mark.parametrize(
    "leave",
    [
        lambda qtbot, d: qtbot.keyClick(d.partner1.name, Qt.Key.Key_Escape),
        lambda qtbot, d: qtbot.mouseClick(
            d.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
        ),
    ],
    ids=["escape", "cancel-button"],
)
def test_escape_or_cancel_rejects(
    qtbot: QtBot, new_dialog: CaseDialog, leave: Callable[[QtBot, CaseDialog], None]
) -> None:
    type_text(qtbot, new_dialog.partner1.name, "Zoë")
    leave(qtbot, new_dialog)
    assert new_dialog.result() == QDialog.DialogCode.Rejected
    assert not new_dialog.isVisible()
    with pytest.raises(RuntimeError):
        new_dialog.case_input()
