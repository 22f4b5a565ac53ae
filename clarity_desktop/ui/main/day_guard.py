"""Quitting or locking by hand with notes from today still unsigned: ask once, kindly.

Also the two questions when the open note could not be saved on the way out.

Once per set of drafts: a note already asked about is not asked about again, whichever
answer was given, so the question never nags. Locking after inactivity or with the
screen never asks (nobody is there to answer, and the lock must not wait)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from clarity_desktop.services import today
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.practice.today_models import clock

if TYPE_CHECKING:
    from clarity_desktop.ui.common.commands import Commands


def confirm_leaving(cmd: Commands, leaving: str, on: date | None = None) -> bool:
    """True to go on quitting or locking (*leaving* is "quit" or "lock"); False to stay,
    with Today shown so the notes are one click away."""
    try:
        drafts = today.unsigned_from(cmd.practice.uow(), on or date.today())
    except Exception:
        return True  # never keep anyone from quitting because the question failed
    ids = {d.note_id for d in drafts}
    if not ids or ids <= cmd.asked_about_drafts:
        return True
    cmd.asked_about_drafts |= ids
    listed = "\n".join(f"• {d.case_name}, {clock(d.starts_at)}" for d in drafts[:8])
    box = QMessageBox(cmd.widget)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Commands", "Notes from today"))
    head = (
        QCoreApplication.translate("Commands", "1 note from today's sessions is not signed yet:")
        if len(drafts) == 1
        else filled(
            QCoreApplication.translate(
                "Commands", "%d notes from today's sessions are not signed yet:"
            ),
            len(drafts),
        )
    )
    box.setText(head + "\n" + listed)
    box.setInformativeText(
        QCoreApplication.translate(
            "Commands",
            "They are saved and will wait for you under Today. Notes are often easiest to "
            "finish while the session is fresh.",
        )
    )
    go = box.addButton(
        QCoreApplication.translate("Commands", "Quit now")
        if leaving == "quit"
        else QCoreApplication.translate("Commands", "Lock now"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    stay = box.addButton(
        QCoreApplication.translate("Commands", "Show the notes"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(stay)
    box.exec()
    if box.clickedButton() is go:
        return True
    cmd.workspace.show_today()
    return False


def say_note_stays(parent: QWidget, why: str) -> None:
    """The note being left could not be saved: it stays open, and this says why."""
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("MainWindow", "Note not saved"),
        QCoreApplication.translate(
            "MainWindow", "The note you are leaving could not be saved, so it stays open. %s"
        )
        % why,
    )


def close_losing_changes(parent: QWidget) -> bool:
    """The open note could not be saved on closing: close anyway (and lose it)?"""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("MainWindow", "Note not saved"),
        QCoreApplication.translate(
            "MainWindow",
            "The open note could not be saved. Close anyway and lose the last changes?",
        ),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
