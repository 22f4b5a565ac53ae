"""The dialog for opening a new case or editing an existing one.

It never touches the database: it builds a CaseInput, checks it with the domain's
validate_case, and hands the cleaned result to its caller, who calls the service. A
refused input keeps the dialog open with everything typed intact, says what is wrong in
the dialog itself (no message box to dismiss) and puts the cursor where the fix goes.

WarningBanner and grow_to_fit live here because the session dialog shares them; they can
move to a shared widgets module once there is one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import (
    MAX_NAME,
    MAX_SHORT,
    RELATIONSHIP_STRUCTURES,
    CaseInput,
    CaseKind,
    PartnerInput,
    validate_case,
)
from clarity_desktop.services.dto import CaseDetail, PartnerView
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.form_parts import (
    WarningBanner,
    locale_date_format,
    to_date,
    to_qdate,
)
from clarity_desktop.ui.common.languages import language_name
from clarity_desktop.ui.common.messages import error_text

MAX_SAFETY_NOTE = 1000  # validate_case refuses longer notes


class PartnerFields(QGroupBox):
    """Name, pronouns, optional date of birth, contact details and the language of the
    handouts printed for one person."""

    def __init__(
        self, title: str, today: date, parent: QWidget | None = None, letters: bool = True
    ) -> None:
        """*letters*: Alt letters for the fields; only one partner's fields can have them
        (two "Alt+N"s would clash), the other's are reached with Tab."""
        super().__init__(title, parent)
        own = (lambda text: text) if letters else (lambda text: text.replace("&", ""))
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME)
        self.pronouns = QLineEdit(self)
        self.pronouns.setMaxLength(MAX_SHORT)
        self.pronouns.setPlaceholderText(self.tr("e.g. they/them"))
        # Without the check box there is no way to say "not given" with a date editor.
        self.birth_known = QCheckBox(own(self.tr("&Date of birth")), self)
        self.birth_known.setToolTip(self.tr("Tick to record a date of birth"))
        self.birth_date = QDateEdit(self)
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat(locale_date_format())
        self.birth_date.setDateRange(QDate(today.year - 120, 1, 1), to_qdate(today))
        self.birth_date.setDate(QDate(today.year - 40, 1, 1))
        self.birth_date.setEnabled(False)
        self.birth_known.toggled.connect(self.birth_date.setEnabled)
        self.email = QLineEdit(self)
        self.email.setMaxLength(MAX_SHORT)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(MAX_SHORT)
        self.language = QComboBox(self)
        for lang in Language:
            self.language.addItem(language_name(lang), lang.value)
        self.language.setToolTip(self.tr("The language of the handouts printed for this person"))
        room = self.fontMetrics().averageCharWidth() * 22
        for line in (self.name, self.pronouns, self.email, self.phone):
            line.setMinimumWidth(room)

        form = QFormLayout(self)
        form.addRow(self._label(own(self.tr("&Name")), self.name), self.name)
        form.addRow(self._label(own(self.tr("&Pronouns")), self.pronouns), self.pronouns)
        form.addRow(self.birth_known, self.birth_date)
        form.addRow(self._label(own(self.tr("&E-mail")), self.email), self.email)
        form.addRow(self._label(own(self.tr("P&hone")), self.phone), self.phone)
        form.addRow(self._label(own(self.tr("Handout lan&guage")), self.language), self.language)
        # Explicit names, so a screen reader tells "Partner 1 name" from "Partner 2 name".
        for widget, what in (
            (self.name, self.tr("name")),
            (self.pronouns, self.tr("pronouns")),
            (self.birth_known, self.tr("date of birth known")),
            (self.birth_date, self.tr("date of birth")),
            (self.email, self.tr("e-mail")),
            (self.phone, self.tr("phone")),
            (self.language, self.tr("handout language")),
        ):
            widget.setAccessibleName(f"{title} {what}")

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def focus_chain(self) -> list[QWidget]:
        return [
            self.name,
            self.pronouns,
            self.birth_known,
            self.birth_date,
            self.email,
            self.phone,
            self.language,
        ]

    def field_widgets(self, prefix: str) -> dict[str, QWidget]:
        return {
            f"{prefix}.name": self.name,
            f"{prefix}.pronouns": self.pronouns,
            f"{prefix}.date_of_birth": self.birth_date,
            f"{prefix}.email": self.email,
            f"{prefix}.phone": self.phone,
            f"{prefix}.language": self.language,
        }

    def fill(self, partner: PartnerView) -> None:
        self.name.setText(partner.name)
        self.pronouns.setText(partner.pronouns)
        if partner.date_of_birth is not None:
            self.birth_known.setChecked(True)
            self.birth_date.setDate(to_qdate(partner.date_of_birth))
        self.email.setText(partner.email)
        self.phone.setText(partner.phone)
        self.language.setCurrentIndex(max(0, self.language.findData(partner.language.value)))

    def partner_input(self) -> PartnerInput:
        return PartnerInput(
            name=self.name.text(),
            pronouns=self.pronouns.text(),
            date_of_birth=to_date(self.birth_date.date()) if self.birth_known.isChecked() else None,
            email=self.email.text(),
            phone=self.phone.text(),
            language=Language(self.language.currentData()),
        )


class CaseDialog(QDialog):
    """New case (couple or individual) or edit of an existing one's details."""

    def __init__(
        self,
        parent: QWidget | None = None,
        existing: CaseDetail | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self._existing = existing
        self._result: CaseInput | None = None
        self.setWindowTitle(self.tr("Edit case") if existing else self.tr("New case"))

        # The kind: a choice for a new case, fixed once the case exists.
        self.couple_button = QRadioButton(self.tr("Co&uple"), self)
        self.individual_button = QRadioButton(self.tr("&Individual"), self)
        self.couple_button.setChecked(True)
        self._kind_group = QButtonGroup(self)
        self._kind_group.addButton(self.couple_button)
        self._kind_group.addButton(self.individual_button)
        kind_row = QHBoxLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.couple_button)
        kind_row.addWidget(self.individual_button)
        self.kind_label = QLabel(self)
        kind_row.addWidget(self.kind_label)
        kind_row.addStretch(1)

        self.display_name = QLineEdit(self)
        self.display_name.setMaxLength(MAX_NAME)
        self.relationship = QComboBox(self)
        self.relationship.setEditable(True)
        self.relationship.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.relationship.setMinimumContentsLength(24)
        self.relationship.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for structure in RELATIONSHIP_STRUCTURES:
            # The structure is free text once chosen, so storing the translation is right.
            self.relationship.addItem(labels.text(structure))
        self.relationship.setCurrentIndex(-1)
        self.relationship.setEditText("")
        line_edit = self.relationship.lineEdit()
        if line_edit is not None:
            line_edit.setMaxLength(MAX_SHORT)
            line_edit.setPlaceholderText(self.tr("Choose one or type your own words"))
        self.opened_on = QDateEdit(self)
        self.opened_on.setCalendarPopup(True)
        self.opened_on.setDisplayFormat(locale_date_format())
        latest = max(self._today, existing.opened_on) if existing else self._today
        self.opened_on.setDateRange(QDate(1950, 1, 1), to_qdate(latest))
        self.opened_on.setDate(to_qdate(self._today))

        case_box = QGroupBox(self.tr("Case"), self)
        case_form = QFormLayout(case_box)
        kind_caption = QLabel(self.tr("Kind"), case_box)
        case_form.addRow(kind_caption, kind_row)
        case_form.addRow(self._label(self.tr("Case na&me"), self.display_name), self.display_name)
        case_form.addRow(
            self._label(self.tr("&Relationship"), self.relationship), self.relationship
        )
        case_form.addRow(self._label(self.tr("&Opened on"), self.opened_on), self.opened_on)

        self.partner1 = PartnerFields(self.tr("Partner 1"), self._today, self)
        self.partner2 = PartnerFields(self.tr("Partner 2"), self._today, self, letters=False)
        partners_row = QHBoxLayout()
        partners_row.addWidget(self.partner1, 1)
        partners_row.addWidget(self.partner2, 1)

        self.safety_flag = QCheckBox(self.tr("&Safety flag"), self)
        safety_hint = QLabel(
            self.tr(
                "Set when intimate partner violence or another safety concern makes joint "
                "work need extra care."
            ),
            self,
        )
        safety_hint.setWordWrap(True)
        self.safety_note = QLineEdit(self)
        self.safety_note.setMaxLength(MAX_SAFETY_NOTE)
        self.safety_note.setPlaceholderText(self.tr("A few words on the concern"))
        self.safety_note.setEnabled(False)
        self.safety_flag.toggled.connect(self.safety_note.setEnabled)
        safety_box = QGroupBox(self.tr("Safety"), self)
        safety_form = QFormLayout(safety_box)
        safety_form.addRow(self.safety_flag, safety_hint)
        safety_form.addRow(self._label(self.tr("No&te"), self.safety_note), self.safety_note)
        for widget, name in (
            (self.display_name, self.tr("Case name")),
            (self.relationship, self.tr("Relationship structure")),
            (self.opened_on, self.tr("Opened on")),
            (self.safety_flag, self.tr("Safety flag")),
            (self.safety_note, self.tr("Safety note")),
            (self.couple_button, self.tr("Couple case")),
            (self.individual_button, self.tr("Individual case")),
        ):
            widget.setAccessibleName(name)

        self.error_banner = WarningBanner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(case_box)
        layout.addLayout(partners_row)
        layout.addWidget(safety_box)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.buttons)

        self._fields: dict[str, QWidget] = {
            "display_name": self.display_name,
            "relationship_structure": self.relationship,
            "opened_on": self.opened_on,
            "safety_note": self.safety_note,
            **self.partner1.field_widgets("partner1"),
            **self.partner2.field_widgets("partner2"),
        }
        chain: list[QWidget] = [
            self.couple_button,
            self.individual_button,
            self.display_name,
            self.relationship,
            self.opened_on,
            *self.partner1.focus_chain(),
            *self.partner2.focus_chain(),
            self.safety_flag,
            self.safety_note,
            self.buttons,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        if existing is not None:
            self._fill(existing)
        self.couple_button.toggled.connect(self._kind_changed)
        self._kind_changed()
        # Typing starts where a therapist starts: the first name of a new case.
        (self.partner1.name if existing is None else self.display_name).setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _fill(self, existing: CaseDetail) -> None:
        couple = existing.kind is CaseKind.COUPLE
        self.couple_button.setChecked(couple)
        self.individual_button.setChecked(not couple)
        self.couple_button.hide()
        self.individual_button.hide()
        self.kind_label.setText(self.tr("Couple") if couple else self.tr("Individual"))
        partners = sorted(existing.partners, key=lambda p: p.position)
        for fields, partner in zip((self.partner1, self.partner2), partners, strict=False):
            fields.fill(partner)
        # A name that is just the partners' names joined is left empty, so it keeps
        # following them when a name is corrected; the placeholder says so.
        derived = " & ".join(p.name for p in partners)
        if existing.display_name != derived:
            self.display_name.setText(existing.display_name)
        self.relationship.setEditText(existing.relationship_structure)
        self.opened_on.setDate(to_qdate(existing.opened_on))
        self.safety_flag.setChecked(existing.safety_flag)
        self.safety_note.setText(existing.safety_note)

    def kind(self) -> CaseKind:
        return CaseKind.COUPLE if self.couple_button.isChecked() else CaseKind.INDIVIDUAL

    def _kind_changed(self) -> None:
        couple = self.kind() is CaseKind.COUPLE
        self.partner1.setTitle(self.tr("Partner 1") if couple else self.tr("Client"))
        self.partner2.setVisible(couple)
        self.error_banner.clear()  # it may speak of a partner who is no longer shown
        self.display_name.setPlaceholderText(
            self.tr("Leave empty to use the partners' names")
            if couple
            else self.tr("Leave empty to use the client's name")
        )
        self.adjustSize()

    def _build(self) -> CaseInput:
        partners = [self.partner1.partner_input()]
        if self.kind() is CaseKind.COUPLE:
            partners.append(self.partner2.partner_input())
        return CaseInput(
            kind=self.kind(),
            display_name=self.display_name.text(),
            partners=tuple(partners),
            relationship_structure=self.relationship.currentText(),
            opened_on=to_date(self.opened_on.date()),
            safety_flag=self.safety_flag.isChecked(),
            safety_note=self.safety_note.text(),
        )

    def accept(self) -> None:
        try:
            result = validate_case(self._build(), self._today)
        except ValidationError as error:
            self.error_banner.show_message(error_text(error))
            widget = self._fields.get(error.field or "")
            if widget is not None and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.error_banner.clear()
        self._result = result
        super().accept()

    def case_input(self) -> CaseInput:
        """The cleaned input, once the dialog was accepted."""
        if self._result is None:
            raise RuntimeError("case_input() is only available after the dialog was accepted")
        return self._result
