"""The Alt-letter tests of test_mnemonics.py again, with the window in Spanish: the
translation gives each item its own letter too, and buttons never share one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from clarity_desktop.services import notes
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import language
from clarity_desktop.ui.main.main_window import MainWindow
from tests.ui.test_mnemonics import (  # noqa: F401  (collected here again, in Spanish)
    clashes,
    main,
    test_every_menu_gives_each_item_its_own_letter,
    test_the_dialogs_do_not_clash_either,
    window_letters,
)


@pytest.fixture(autouse=True)
def spanish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    assert language.install("es")  # the catalogue, Qt's own, and the source fallback
    yield
    language.install("en")
    QLocale.setDefault(before)


def test_the_window_letters_never_clash_in_spanish(
    main: MainWindow,  # noqa: F811  (the fixture imported above)
    practice: OpenPractice,
) -> None:
    assert clashes(window_letters(main)) == {}
    assert dict(window_letters(main))["N"] == "menu &Nota"
    editor = main.editor
    assert editor.note is not None
    editor.section_edits()[0].setPlainText("Nombraron juntos el ciclo.")
    assert editor.save_now()
    case = main.case_panel.case
    assert case is not None
    editor.show_note(notes.sign_note(practice.uow(), editor.note.id), case.partners)
    assert clashes(window_letters(main)) == {}
    main.case_panel.clear()
    main.editor.clear()
    assert clashes(window_letters(main)) == {}
