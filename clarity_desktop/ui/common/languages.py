"""The handout languages' names as the clinician reads them, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clarity_desktop.domain.languages import Language


def language_name(language: Language) -> str:
    """ "English", "Spanish" (translated with the interface)."""
    names = {
        Language.EN: QCoreApplication.translate("Languages", "English"),
        Language.ES: QCoreApplication.translate("Languages", "Spanish"),
    }
    return names[language]
