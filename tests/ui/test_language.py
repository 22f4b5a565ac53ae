"""View ▸ Language: the choice is remembered, and the next start is in that language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.steps import Step
from clarity_desktop.ui.common import dates, labels, language
from clarity_desktop.ui.common.settings import Settings
from tests.ui.conftest import ModalAnswerer


@pytest.fixture
def restored(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    yield
    language.install("en")
    QLocale.setDefault(before)


def test_choosing_espanol_is_remembered_for_the_next_start(
    qtbot: QtBot, settings: Settings, modal: ModalAnswerer, restored: None
) -> None:
    settings.language = "en"
    window = QWidget()
    qtbot.addWidget(window)
    view = QMenu(window)
    menu = language.add_language_menu(view, window, settings)
    english, spanish = menu.actions()
    assert (english.text(), spanish.text()) == ("&English", "E&spañol")
    assert english.isChecked() and not spanish.isChecked()
    modal.answer(QMessageBox, lambda box: box.accept())
    spanish.trigger()
    assert settings.language == "es"
    assert modal.answered == ["QMessageBox"]  # it says: at the next start
    assert labels.label(Step.LEAN_IN) == "Lean In"  # the window now stays as it was built

    language.apply(settings)  # the next start
    assert labels.label(Step.LEAN_IN) == "Explorar sin prisa"
    assert QCoreApplication.translate("MainWindow", "&View") == "&Ver"  # filed as MainMenus
    assert dates.day(date(2026, 3, 4)) == "4 mar 2026"
    assert labels.text("Julien Lefèvre") == "Julien Lefèvre"  # data passes through whole


def test_back_to_english(settings: Settings, restored: None) -> None:
    settings.language = "es"
    language.apply(settings)
    assert labels.label(Step.LEAN_IN) == "Explorar sin prisa"
    settings.language = "en"
    language.apply(settings)
    assert labels.label(Step.LEAN_IN) == "Lean In"


def test_until_chosen_the_system_decides(settings: Settings) -> None:
    assert settings.language == ""
    expected = "es" if QLocale.system().name().startswith("es") else "en"
    assert language.chosen(settings) == expected
    settings.language = "fr"  # a hand-edited file
    assert language.chosen(settings) == expected


def test_a_long_date_reads_naturally_in_each_language(restored: None) -> None:
    sunday = date(2026, 12, 6)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert dates.long_day(sunday) == "Sunday 6 December 2026"  # as before
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert dates.long_day(sunday) == "Sunday 6 December 2026"  # day first on every record
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    assert dates.long_day(sunday) == "domingo, 6 de diciembre de 2026"
