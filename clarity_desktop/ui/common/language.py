"""The interface's language: English (the source text) or Spanish, from View ▸ Language.

The choice is kept in settings and applied at start, before the first window is built:
a translator for our catalogue (resources/translations/clarity_es.qm, made by
`bash dev.sh translations`), one for Qt's own buttons and dialogs, and the default
QLocale, so that dates (ui/common/dates.py) and numbers follow. Until a choice is made, a
Spanish system gets Spanish. Changing it takes effect at the next start, as the window
says; widgets are not rebuilt in place.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from clarity_desktop.reports.resources import resource_path
from clarity_desktop.ui.common.settings import Settings

# Each language by its own name, never translated: a user lost in the other language
# must still find their own.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}

MENU_TEXT = {"en": "&English", "es": "E&spañol"}  # Alt letters that do not clash

_installed: list[QTranslator] = []
_current = "en"  # the language install() last put in place


class SourceFallback(QTranslator):
    """Consulted last: a text by its source alone, whatever the context. tr() looks a
    string up under the class of the object at run time (MainWindow), while lupdate files
    it under the class that wrote the call (MainMenus, a base of MainWindow); this finds
    it there."""

    def __init__(self, table: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self._table.get(source)  # None, not "": "" would be taken as the translation

    def isEmpty(self) -> bool:
        return not self._table


def source_table(code: str) -> dict[str, str]:
    """Every finished translation of the catalogue's .ts, by source text."""
    path = resource_path("translations", f"clarity_{code}.ts")
    table: dict[str, str] = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return table
    for message in root.iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source and translation is not None and translation.get("type") is None:
            table.setdefault(source, translation.text or "")
    return table


def catalogue(code: str) -> str:
    return str(resource_path("translations", f"clarity_{code}.qm"))


def chosen(settings: Settings) -> str:
    """The remembered language, or the system's when it is one we have, else English."""
    code = settings.language
    if code in LANGUAGES:
        return code
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install(code: str) -> bool:
    """Use *code* for every text translated from now on; False when its catalogue is
    missing (the program then stays in English rather than half translated)."""
    global _current
    app = QCoreApplication.instance()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    _current = "en"
    if code == "en" or app is None:
        system = QLocale.system()
        if system.language() != QLocale.Language.English:  # English words, local habits
            QLocale.setDefault(QLocale(QLocale.Language.English, system.territory()))
        return code == "en"
    ours = QTranslator(app)
    if not ours.load(catalogue(code)):
        return False
    fallback = SourceFallback(source_table(code), app)  # installed first: asked last
    QCoreApplication.installTranslator(fallback)
    _installed.append(fallback)
    qt = QTranslator(app)
    if qt.load(
        QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(code))
    _current = code
    return True


def current() -> str:
    """The code of the language the interface is in now ("en" until install() succeeds
    with another): content shown beside the interface, such as the step guidance,
    follows it."""
    return _current


def apply(settings: Settings) -> None:
    """At start, before the first window."""
    install(chosen(settings))


def add_language_menu(menu: QMenu, window: QWidget, settings: Settings) -> QMenu:
    """View ▸ Language: English, Español; the choice is remembered for the next start."""
    languages = menu.addMenu(QCoreApplication.translate("MainWindow", "Lan&guage"))
    group = QActionGroup(languages)
    current = chosen(settings)
    for code in LANGUAGES:
        action = QAction(MENU_TEXT[code], languages)

        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        languages.addAction(action)
        action.triggered.connect(lambda _on=False, c=code: _choose(window, settings, c))
    return languages


def _choose(window: QWidget, settings: Settings, code: str) -> None:
    if code == chosen(settings):
        return
    settings.language = code
    settings.sync()
    QMessageBox.information(
        window,
        QCoreApplication.translate("MainWindow", "Language"),
        QCoreApplication.translate("MainWindow", "Clarity will be in %s the next time it starts.")
        % LANGUAGES[code],
    )
