"""The frame around the main window's views: the splitters that hold them, the status
bar's permanent labels, the menu icons, and the window's layout remembered between runs (Qt's QSettings, never
clinical data)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from clarity_desktop import APP_NAME, __version__
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.services.server_practice import ServerSignIn
from clarity_desktop.ui.common import appearance
from clarity_desktop.ui.common.settings import Settings


def split(case_list: QWidget, case_panel: QWidget, tabs: QWidget) -> tuple[QSplitter, QSplitter]:
    """(left, whole). Left: the case list above the open case. Right: the session note
    (with the Dynamics panel beside it), the dashboard and the other views, as tabs."""
    left = QSplitter(Qt.Orientation.Vertical)
    left.addWidget(case_list)
    left.addWidget(case_panel)
    left.setStretchFactor(0, 2)
    left.setStretchFactor(1, 3)
    left.setChildrenCollapsible(False)
    left.setSizes([320, 520])
    whole = QSplitter(Qt.Orientation.Horizontal)
    whole.addWidget(left)
    whole.addWidget(tabs)
    whole.setStretchFactor(0, 2)
    whole.setStretchFactor(1, 5)
    whole.setCollapsible(0, True)  # the case list folds away (View ▸ Case list)
    whole.setCollapsible(1, False)
    return left, whole


def show_about(parent: QWidget) -> None:
    """Help ▸ About, the same in every signed-in window (its texts are the main menus')."""
    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainMenus", "About %s") % APP_NAME,
        QCoreApplication.translate(
            "MainMenus",
            "%s %s\nRecords, session notes and five-step tracking for couples therapists.",
        )
        % (APP_NAME, __version__),
    )


def server_title(server: ServerSignIn | None) -> str:
    """ "Riverside Relationship Practice · dana@host — Clarity Desktop" on a practice
    server, so whose records and which login are never in doubt; "" for a solo practice."""
    if server is None:
        return ""
    return f"{server_place(server)} — {APP_NAME}"


def server_place(server: ServerSignIn) -> str:
    return f"{server.practice_name} · {server.who_where}"


def add_status_labels(
    window: QMainWindow, practice: OpenPractice, server: ServerSignIn | None = None
) -> None:
    """Who signs, the practice server and login, and a DEMO badge for the demo practice."""
    status = window.statusBar()
    if server is not None:
        place = QLabel(server_place(server))
        place.setObjectName("serverPlace")
        place.setToolTip(server.label)
        status.addPermanentWidget(place)
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
