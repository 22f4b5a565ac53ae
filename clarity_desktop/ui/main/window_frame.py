"""The frame around the main window's views: the status bar's permanent labels, the
menu icons, and the window's layout remembered between runs (Qt's QSettings, never
clinical data)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QSplitter, QWidget

from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import appearance
from clarity_desktop.ui.common.settings import Settings


def add_status_labels(window: QMainWindow, practice: OpenPractice) -> None:
    """Who signs, and a DEMO badge for the demo practice."""
    status = window.statusBar()
    status.addPermanentWidget(
        QLabel(
            QCoreApplication.translate("MainWindow", "Signing as %s") % practice.clinician.signature
        )
    )
    if practice.is_demo:
        badge = QLabel(QCoreApplication.translate("MainWindow", "DEMO"))
        badge.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Demo practice, with invented clients")
        )
        appearance.styled(
            badge,
            lambda t: (
                f"background:{t.badge_back}; color:{t.badge_text};"
                " font-weight:700; padding:1px 8px;"
            ),
        )
        status.addPermanentWidget(badge)


def set_icons(pairs: Iterable[tuple[QAction, str]]) -> None:
    for action, name in pairs:
        action.setIcon(appearance.icon(name))


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    geometry = settings.window_geometry
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(1360, 820)
    state = settings.window_state
    if state is not None:
        window.restoreState(state)
    sizes = settings.splitter_state
    if sizes is None or not splitter.restoreState(sizes):
        splitter.setSizes([430, 1010])


def save_layout(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    settings.window_geometry = window.saveGeometry()
    settings.window_state = window.saveState()
    settings.splitter_state = splitter.saveState()
    settings.sync()


def reject_dialogs(but: QWidget) -> None:
    """Close every open dialog (locking: none may stay on screen)."""
    for w in QApplication.topLevelWidgets():
        if w is not but and w.isVisible() and isinstance(w, QDialog):
            w.reject()
