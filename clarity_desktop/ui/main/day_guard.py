"""Quitting or locking by hand with notes from today still unsigned: ask once, kindly.

Once per set of drafts: a note already asked about is not asked about again, whichever
answer was given, so the question never nags. Locking after inactivity or with the
screen never asks (nobody is there to answer, and the lock must not wait)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from clarity_desktop.services import today
from clarity_desktop.ui.practice.today_models import clock

if TYPE_CHECKING:
    from clarity_desktop.ui.main.main_window import MainWindow


def confirm_leaving(window: MainWindow, leaving: str, on: date | None = None) -> bool:
    """True to go on quitting or locking (*leaving* is "quit" or "lock"); False to stay,
    with Today shown so the notes are one click away."""
    try:
        drafts = today.unsigned_from(window.practice.uow(), on or date.today())
    except Exception:
        return True  # never keep anyone from quitting because the question failed
    ids = {d.note_id for d in drafts}
    if not ids or ids <= window.asked_about_drafts:
        return True
    window.asked_about_drafts |= ids
    listed = "\n".join(f"• {d.case_name}, {clock(d.starts_at)}" for d in drafts[:8])
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(window.tr("Notes from today"))
    head = (
        window.tr("1 note from today's sessions is not signed yet:")
        if len(drafts) == 1
        else window.tr("%d notes from today's sessions are not signed yet:") % len(drafts)
    )
    box.setText(head + "\n" + listed)
    box.setInformativeText(
        window.tr(
            "They are saved and will wait for you under Today. Notes are often easiest to "
            "finish while the session is fresh."
        )
    )
    go = box.addButton(
        window.tr("Quit now") if leaving == "quit" else window.tr("Lock now"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    stay = box.addButton(window.tr("Show the notes"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.exec()
    if box.clickedButton() is go:
        return True
    window.show_today()
    return False
