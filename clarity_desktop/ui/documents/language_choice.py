"""The document dialog's language choice for a handout or the five steps overview.

It starts on the handout language on the client's record (services.handout_language):
the partner's own for their handout; for a joint handout or the overview, the couple's
when they agree, else English, with a hint that the partners' records differ.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from clarity_desktop.domain.languages import Language
from clarity_desktop.services import handout_language
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.ui.common.languages import language_name

CLICK_MS = 400  # the preview's wait after a click (document_choices.CLICK_MS)


class LanguageChoice(QGroupBox):
    changed = Signal(int)  # the delay, in ms, the preview should wait

    def __init__(self, case: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Language"), parent)
        self.case = case
        form = QFormLayout(self)
        self.combo = QComboBox()
        self.combo.setObjectName("handoutLanguage")
        self.combo.setAccessibleName(self.tr("Language of the handout"))
        for lang in Language:
            self.combo.addItem(language_name(lang), lang.value)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit(CLICK_MS))
        label = QLabel(self.tr("Pr&int in"))
        label.setBuddy(self.combo)
        form.addRow(label, self.combo)
        self.hint = QLabel()
        self.hint.setObjectName("handoutLanguageHint")
        self.hint.setWordWrap(True)
        font = self.hint.font()  # as the dialog's other hints: smaller, normal colour
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.hint.setFont(font)
        form.addRow(self.hint)

    def follow(self, partner_id: int | None) -> None:
        """Start on the language of whom it is for (None: both partners, or the
        overview); a choice already made is replaced, as the step is."""
        rule = handout_language.for_handout(self.case, partner_id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(rule.language.value)))
        if rule.ask:
            text = self.tr(
                "The partners' records name different handout languages; English unless you choose."
            )
        else:
            text = self.tr("The handout language on the client's record.")
        self.hint.setText(text)

    def chosen(self) -> Language:
        return Language(self.combo.currentData())

    def choose(self, language: Language) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(language.value)))
