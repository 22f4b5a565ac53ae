"""Groups of the document dialog's choices panel (document_choices.py): what a summary or
progress report includes, which version of the treatment plan, whose check-in form on
which measure, and the paper and password of the PDF.

Each builder returns its group and the fields the panel reads; `changed` is called on
every change (the panel turns it into a preview delay). The words keep the panel's
translation context ("ChoicesPanel"), so the catalogue does not change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from clarity_desktop.reports.layout import PAGE_SIZE_NAMES
from clarity_desktop.ui.documents.choice_parts import hint


@dataclass(frozen=True)
class ContentsGroup:
    group: QGroupBox
    include_private: QCheckBox
    include_safety: QCheckBox
    safety_hint: QLabel


@dataclass(frozen=True)
class PlanGroup:
    group: QGroupBox
    version: QComboBox  # data: the version number
    acknowledgement: QCheckBox


@dataclass(frozen=True)
class CheckInGroup:
    group: QGroupBox
    partner: QComboBox  # data: the partner's id
    measure: QComboBox  # data: the instrument's id


@dataclass(frozen=True)
class PaperGroup:
    group: QGroupBox
    page_size: QComboBox
    protect: QCheckBox
    password: QLineEdit
    repeat: QLineEdit


def contents_group(has_safety_note: bool, changed: Callable[[], None]) -> ContentsGroup:
    """Private individual readings and the safety note: both start left out; the safety
    note's tick shows only when the case has one."""
    group = QGroupBox(QCoreApplication.translate("ChoicesPanel", "What it includes"))
    column = QVBoxLayout(group)
    include_private = QCheckBox(
        QCoreApplication.translate(
            "ChoicesPanel", "Include readings from private &individual sessions"
        )
    )
    include_private.setObjectName("includePrivateReadings")
    column.addWidget(include_private)
    column.addWidget(
        hint(
            QCoreApplication.translate(
                "ChoicesPanel",
                "Left out, what one partner said alone (a direction, a step, clarity) "
                "stays out of a document the couple may see. Included, each is marked "
                "“individual session”.",
            )
        )
    )
    include_safety = QCheckBox(
        QCoreApplication.translate("ChoicesPanel", "Include the safety &note")
    )
    include_safety.setObjectName("includeSafetyNote")
    safety_hint = hint(
        QCoreApplication.translate(
            "ChoicesPanel", "The safety note may hold what a partner disclosed in confidence."
        )
    )
    column.addWidget(include_safety)
    column.addWidget(safety_hint)
    include_safety.setVisible(has_safety_note)
    safety_hint.setVisible(has_safety_note)
    for box in (include_private, include_safety):
        box.toggled.connect(lambda _on: changed())
    return ContentsGroup(group, include_private, include_safety, safety_hint)


def plan_group(
    versions: tuple[tuple[int, bool], ...], current: int | None, changed: Callable[[], None]
) -> PlanGroup:
    """The plan's versions, (number, signed) oldest first, newest at the top and the one
    in force (*current*; else the draft) chosen; and the acknowledgement, off."""
    group = QGroupBox(QCoreApplication.translate("ChoicesPanel", "Treatment plan"))
    form = QFormLayout(group)
    version = QComboBox()
    version.setAccessibleName(QCoreApplication.translate("ChoicesPanel", "Version of the plan"))
    for number, signed in reversed(versions):
        if number == current:
            label = QCoreApplication.translate("ChoicesPanel", "Version %1, in force")
        elif signed:
            label = QCoreApplication.translate("ChoicesPanel", "Version %1, signed earlier")
        else:
            label = QCoreApplication.translate(
                "ChoicesPanel", "Version %1, draft (printed marked DRAFT)"
            )
        version.addItem(label.replace("%1", str(number)), number)
    version.setCurrentIndex(max(0, version.findData(current)))
    version.currentIndexChanged.connect(lambda _i: changed())
    form.addRow(QCoreApplication.translate("ChoicesPanel", "V&ersion"), version)
    if not versions:
        form.addRow(
            hint(QCoreApplication.translate("ChoicesPanel", "This case has no treatment plan yet."))
        )
    acknowledgement = QCheckBox(
        QCoreApplication.translate(
            "ChoicesPanel", "Add ac&knowledgement lines for the partners to sign"
        )
    )
    acknowledgement.setObjectName("planAcknowledgement")
    acknowledgement.toggled.connect(lambda _on: changed())
    form.addRow(acknowledgement)
    return PlanGroup(group, version, acknowledgement)


def check_in_group(
    partners: Sequence[tuple[int, str, str]],
    measures: Sequence[tuple[str, str]],
    changed: Callable[[], None],
) -> CheckInGroup:
    """Whose form, (id, name, the language on their record), and which measure, (id,
    title): the session check-in first."""
    group = QGroupBox(QCoreApplication.translate("ChoicesPanel", "Check-in form"))
    form = QFormLayout(group)
    partner = QComboBox()
    partner.setAccessibleName(QCoreApplication.translate("ChoicesPanel", "Partner the form is for"))
    for pid, name, language in partners:
        partner.addItem(f"{name} ({language})", pid)
    measure = QComboBox()
    measure.setAccessibleName(QCoreApplication.translate("ChoicesPanel", "Measure on the form"))
    for mid, title in measures:
        measure.addItem(title, mid)
    measure.setCurrentIndex(max(0, measure.findData("session_check_in")))
    for combo in (partner, measure):
        combo.currentIndexChanged.connect(lambda _i: changed())
    form.addRow(QCoreApplication.translate("ChoicesPanel", "Par&tner"), partner)
    form.addRow(QCoreApplication.translate("ChoicesPanel", "&Measure"), measure)
    form.addRow(
        hint(
            QCoreApplication.translate(
                "ChoicesPanel",
                "Printed in the language on the partner's record, for them to fill in by "
                "hand; enter the answers afterwards from the case.",
            )
        )
    )
    return CheckInGroup(group, partner, measure)


def paper_group(page_size: str, changed: Callable[[], None]) -> PaperGroup:
    """The page size, and a password for a PDF that is saved (twice, off until ticked)."""
    group = QGroupBox(QCoreApplication.translate("ChoicesPanel", "Paper and protection"))
    form = QFormLayout(group)
    size = QComboBox()
    size.setAccessibleName(QCoreApplication.translate("ChoicesPanel", "Page size"))
    for name in PAGE_SIZE_NAMES:
        size.addItem(name, name)
    size.setCurrentIndex(max(0, size.findData(page_size)))
    size.currentIndexChanged.connect(lambda _i: changed())
    form.addRow(QCoreApplication.translate("ChoicesPanel", "Pa&ge size"), size)
    protect = QCheckBox(
        QCoreApplication.translate("ChoicesPanel", "Protect with a pass&word when saving")
    )
    password = QLineEdit()
    repeat = QLineEdit()
    for edit, label in (
        (password, QCoreApplication.translate("ChoicesPanel", "Password")),
        (repeat, QCoreApplication.translate("ChoicesPanel", "Repeat")),
    ):
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(label)
        edit.setPlaceholderText(label)
        edit.setEnabled(False)
        protect.toggled.connect(edit.setEnabled)
    form.addRow(protect)
    form.addRow(QCoreApplication.translate("ChoicesPanel", "Password"), password)
    form.addRow(QCoreApplication.translate("ChoicesPanel", "Repeat"), repeat)
    form.addRow(
        hint(
            QCoreApplication.translate(
                "ChoicesPanel",
                "For documents sent by e-mail. Tell the password another way, "
                "by phone for example. The preview and printing are not affected.",
            )
        )
    )
    return PaperGroup(group, size, protect, password, repeat)
