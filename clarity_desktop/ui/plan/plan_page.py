"""The case's treatment plan as a page: the plan in force, readable; "New version" to revise
it (a draft copied from it, goal keys kept); Save and Sign for the draft; every version in a
list with what it changed, each readable as it was signed. Beside it, the Review sub-tab
(ui/plan/review_panel.py): per goal the notes linked since the last review and the measures'
course; read (and its viewing audited) only when that sub-tab is on screen.

Shortcuts: Ctrl+S saves the draft, Ctrl+Shift+N starts a new version, Ctrl+Shift+Z brings
back a goal or objective removed by mistake (text fields keep Qt's own Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.errors import ValidationError
from clarity_desktop.domain.plans import owners
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.services import measures, plan_goals, plans
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import dates
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.plan.plan_form import PlanForm
from clarity_desktop.ui.plan.plan_words import change_text
from clarity_desktop.ui.plan.review_panel import ReviewPanel

VERSION = Qt.ItemDataRole.UserRole


class PlanPage(QWidget):
    plan_changed = Signal(int)  # the case id: a draft saved, a version started or signed
    session_requested = Signal(int)  # a note linked in the review, to open

    def __init__(self, practice: Callable[[], OpenPractice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._case: CaseDetail | None = None
        self._plan: plans.CasePlan | None = None
        self._shown: plans.PlanVersion | None = None
        self._dirty = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton(self.tr("New version"))
        self.save_button = QPushButton(self.tr("Save draft"))
        self.sign_button = QPushButton(self.tr("Sign…"))
        self.new_button.setToolTip(self.tr("Revise the plan: a draft copied from the signed one"))
        self.new_button.clicked.connect(self.start_version)
        self.save_button.clicked.connect(self.save)
        self.sign_button.clicked.connect(self.sign)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for b in (self.new_button, self.save_button, self.sign_button):
            top.addWidget(b)
        self.form = PlanForm()
        self.form.changed.connect(self._edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setAccessibleName(self.tr("The plan"))
        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Versions of the plan"))
        self.versions.currentItemChanged.connect(self._version_chosen)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Versions")))
        side_layout.addWidget(self.versions)
        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        plan_part = QWidget()
        plan_layout = QVBoxLayout(plan_part)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addLayout(top)
        plan_layout.addWidget(split, 1)
        self.review = ReviewPanel()
        self.review.session_requested.connect(self.session_requested)
        self.review.since_changed.connect(self._since_changed)
        self._review_stale = True
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(plan_part, self.tr("The plan"))
        self.views.addTab(self.review, self.tr("Review"))
        self.views.setAccessibleName(self.tr("Plan or review"))
        self.views.tabBar().setAccessibleName(self.tr("Plan or review"))
        self.views.currentChanged.connect(lambda _i: self._refresh_review_if_shown())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views, 1)
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence(self.tr("Ctrl+Shift+N")), self.start_version),
        ):
            QShortcut(keys, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.set_case(None)

    # -- showing --------------------------------------------------------------------------

    def set_case(self, case: CaseDetail | None) -> None:
        self._case = case
        if case is None:
            self._plan = None
            self._show(None)
            self._review_stale = True
            self._refresh_review_if_shown()
            return
        names = {p.id: p.name for p in case.partners}
        couple = case.kind is CaseKind.COUPLE
        self.form.set_owners(
            [
                (o, self.tr("The couple") if o is None else names[o])
                for o in owners([p.id for p in case.partners], couple)
            ]
        )
        self.refresh()

    def refresh(self) -> None:
        if self._case is None:
            return
        try:
            self._plan = plans.read_plan(self._practice().uow(), self._case.id)
        except Exception as exc:
            QMessageBox.warning(self.window(), self.tr("Plan not shown"), explain(exc))
            return
        self._fill_versions()
        plan = self._plan
        self._show(plan.draft or plan.current)
        self._review_stale = True
        self._refresh_review_if_shown()

    def mark_review_stale(self) -> None:
        """A note (and so the goals it worked on) changed: read the review when next seen
        (the window calls :meth:`refresh_review_if_stale` when this page comes on screen)."""
        self._review_stale = True
        if self.isVisible():
            self._refresh_review_if_shown()

    def refresh_review_if_stale(self) -> None:
        self._refresh_review_if_shown()

    def _since_changed(self) -> None:
        self._review_stale = True
        self._refresh_review_if_shown()

    def show_review(self) -> None:
        self.views.setCurrentWidget(self.review)
        self._refresh_review_if_shown()

    def _refresh_review_if_shown(self) -> None:
        if self.views.currentWidget() is not self.review or not self._review_stale:
            return
        case = self._case
        if case is None:
            self.review.set_review(None, {})
            self._review_stale = False
            return
        practice = self._practice()
        try:
            review = plan_goals.plan_review(
                practice.uow(),
                case.id,
                since=self.review.chosen_since(),
                instruments=measures.catalogue(practice.folder),
            )
        except Exception as exc:
            QMessageBox.warning(self.window(), self.tr("Review not shown"), explain(exc))
            return
        self._review_stale = False
        self.review.set_review(review, {p.id: p.name for p in case.partners})

    def _fill_versions(self) -> None:
        self.versions.blockSignals(True)
        self.versions.clear()
        names = dict(self._plan.names) if self._plan else {}
        for v in reversed(self._plan.versions if self._plan else ()):
            state = (
                self.tr("signed %1").replace("%1", dates.day(dates.local(v.signed_at).date()))
                if v.signed_at
                else self.tr("draft")
            )
            said = [change_text(c, names) for c in v.changes]
            first = self.tr("first version") if v.version == 1 else self.tr("no changes")
            item = QListWidgetItem(
                self.tr("Version %1 · %2").replace("%1", str(v.version)).replace("%2", state)
            )
            item.setToolTip("\n".join(said) or first)
            item.setData(VERSION, v.id)
            self.versions.addItem(item)
        self.versions.blockSignals(False)
        # Wide enough for its longest entry ("Version 12 · signed 30 Sept 2027"), in any
        # language, so no version is cut at the edge; the plan keeps the rest.
        if self.versions.count():
            wanted = self.versions.sizeHintForColumn(0) + 2 * self.versions.frameWidth() + 24
            self.versions.setMinimumWidth(min(wanted, 360))

    def _version_chosen(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is None or self._plan is None:
            return
        wanted = item.data(VERSION)
        chosen = next((v for v in self._plan.versions if v.id == wanted), None)
        if chosen is not None and chosen is not self._shown:
            if self._dirty and not self.save():
                return
            self._show(chosen)

    def _show(self, version: plans.PlanVersion | None) -> None:
        self._shown = version
        plan = self._plan
        if self._case is None:
            self.heading.setText(self.tr("Open a case to see its treatment plan."))
        elif version is None:
            self.heading.setText(
                self.tr("No treatment plan yet. Start one with New version (Ctrl+Shift+N).")
            )
        elif version.signed_at is None:
            self.heading.setText(
                self.tr("Version %1 · draft, not signed yet").replace("%1", str(version.version))
            )
        else:
            in_force = plan is not None and plan.current is version
            text = self.tr("Version %1 · signed %2 by %3").replace("%1", str(version.version))
            text = text.replace("%2", dates.utc_day_time(version.signed_at))
            text = text.replace("%3", version.signed_by or "")
            if not in_force:
                text += " · " + self.tr("an earlier version, kept as it was signed")
            self.heading.setText(text)
        if version is not None:
            self.form.set_content(version.content)
        self.form.setVisible(version is not None)
        draft = version is not None and version.signed_at is None
        self.form.set_read_only(not draft)
        self.save_button.setEnabled(draft)
        self.sign_button.setEnabled(draft)
        self.new_button.setEnabled(self._case is not None and (plan is None or plan.draft is None))
        self._dirty = False
        for i in range(self.versions.count()):
            item = self.versions.item(i)
            if version is not None and item.data(VERSION) == version.id:
                self.versions.blockSignals(True)
                self.versions.setCurrentItem(item)
                self.versions.blockSignals(False)

    def _edited(self) -> None:
        self._dirty = True

    # -- acting ---------------------------------------------------------------------------

    def start_version(self) -> None:
        if self._case is None or not self.new_button.isEnabled():
            return
        try:
            self._plan = plans.start_version(self._practice().uow(), self._case.id)
        except Exception as exc:
            QMessageBox.warning(self.window(), self.tr("No new version"), explain(exc))
            return
        self._fill_versions()
        self._show(self._plan.draft)
        self.plan_changed.emit(self._case.id)

    def save(self) -> bool:
        shown = self._shown
        if self._case is None or shown is None or shown.signed_at is not None:
            return True
        try:
            content = self.form.content()
        except ValueError:
            QMessageBox.warning(
                self.window(),
                self.tr("Not saved"),
                self.tr("A target date could not be read; write it like %1.").replace(
                    "%1", dates.day(shown.created_at.date())
                ),
            )
            return False
        try:
            saved = plans.save_draft(self._practice().uow(), shown.id, content)
        except Exception as exc:
            QMessageBox.warning(self.window(), self.tr("Not saved"), explain(exc))
            return False
        self._dirty = False
        self._shown = saved
        self.refresh()
        self.plan_changed.emit(self._case.id)
        return True

    def sign(self) -> None:
        shown = self._shown
        if self._case is None or shown is None or shown.signed_at is not None:
            return
        if not self.save():
            return
        assert self._shown is not None
        try:
            plans.sign_problem(self._practice().uow(), self._shown.id)
        except ValidationError as exc:
            QMessageBox.warning(self.window(), self.tr("Not signed"), explain(exc))
            return
        answer = QMessageBox.question(
            self.window(),
            self.tr("Sign the plan?"),
            self.tr(
                "Once signed, version %1 of the plan is locked: to change it later, start a "
                "new version. Sign now?"
            ).replace("%1", str(self._shown.version)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            plans.sign_plan(self._practice().uow(), self._shown.id)
        except Exception as exc:
            QMessageBox.warning(self.window(), self.tr("Not signed"), explain(exc))
            return
        self.refresh()
        self.plan_changed.emit(self._case.id)
