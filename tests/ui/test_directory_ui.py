"""Client names on a practice server as people see them (issue 14, the directory key):
Dana's case list shows the names she wrote, sorted and found by a typed name; Fran's
contact list shows them too; a new front-desk colleague sees "Name locked" in every name
cell until Fran, above her own window, is asked "Noor Newcomer joined the practice: share
the client directory?" and shares it. DIRECTORY_SHOTS=<folder> saves the windows as PNGs.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.identity import Role
from clarity_desktop.services import cases
from clarity_desktop.ui.case.case_list import CaseListPanel
from clarity_desktop.ui.practice.desk_models import ContactModel
from clarity_desktop.ui.practice.front_desk_window import FrontDeskWindow
from tests.services.test_directory_key import SORTED, Practice, group

__all__ = ["group"]


def shot(qtbot: QtBot, widget: QWidget, name: str) -> None:
    folder = os.environ.get("DIRECTORY_SHOTS")
    if folder:
        qtbot.wait(50)
        widget.grab().save(str(Path(folder) / name))


def names(window: FrontDeskWindow) -> list[str]:
    model = window.contacts.model
    return [
        str(model.data(model.index(r, ContactModel.CLIENT)))
        for r in range(model.rowCount())
        if str(model.data(model.index(r, ContactModel.CLIENT)))
    ]


def test_the_case_list_shows_names_sorted_and_finds_one_typed(
    qtbot: QtBot, group: Practice
) -> None:
    panel = CaseListPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 360)
    panel.show()
    panel.set_cases(cases.list_cases(group.dana.uow()))
    shown = [str(panel.proxy.data(panel.proxy.index(r, 0))) for r in range(panel.proxy.rowCount())]
    assert shown == SORTED
    shot(qtbot, panel, "case-list.png")
    qtbot.keyClicks(panel.filter, "brandt")  # matched in the program, never on the server
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.data(panel.proxy.index(0, 0)) == "Émile Brandt"


def test_a_new_colleague_reads_name_locked_until_the_front_desk_shares(
    qtbot: QtBot, group: Practice
) -> None:
    fran = FrontDeskWindow(group.fran)
    qtbot.addWidget(fran)
    fran.show()
    fran.tabs.setCurrentWidget(fran.contacts)
    assert sorted(set(names(fran))) == sorted(SORTED)
    assert fran.key_shares.isHidden()

    person, opened = group.newcomer(Role.FRONT_DESK)
    try:
        noor = FrontDeskWindow(opened)
        qtbot.addWidget(noor)
        noor.show()
        noor.tabs.setCurrentWidget(noor.contacts)
        assert set(names(noor)) == {"Name locked"}
        shot(qtbot, noor, "front-desk-before-share.png")

        fran.refresh()
        assert fran.key_shares.isVisible()
        [row] = fran.key_shares.rows
        assert row.sentence.text() == (
            f"{person.name} joined the practice: share the client directory?"
        )
        shot(qtbot, fran, "front-desk-asked.png")
        qtbot.mouseClick(row.share, Qt.MouseButton.LeftButton)
        assert fran.key_shares.isHidden()

        noor.refresh()
        assert sorted(set(names(noor))) == sorted(SORTED)
        shot(qtbot, noor, "front-desk-after-share.png")
    finally:
        opened.close()
