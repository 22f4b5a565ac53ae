"""The main window's right side: Today, the session note, the case dashboard, the
treatment plan, the case's measures and the practice overview, as tabs; each read again only when it is on
screen and something it shows has changed (the window marks them stale as events arrive)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from clarity_desktop.services import dynamics, plans
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import appearance
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.dashboard.dashboard import CaseDashboard
from clarity_desktop.ui.dashboard.overview import OverviewPanel
from clarity_desktop.ui.measures.measures_page import MeasuresPage
from clarity_desktop.ui.note.note_editor import NoteEditor
from clarity_desktop.ui.plan.plan_page import PlanPage
from clarity_desktop.ui.practice.today_view import TodayView


class ViewTabs(QTabWidget):
    def __init__(
        self,
        practice: Callable[[], OpenPractice],
        current_case: Callable[[], CaseDetail | None],
        editor: NoteEditor,
        current_session: Callable[[], int | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._current_case = current_case
        self.setDocumentMode(True)
        self.tabBar().setAccessibleName(self.tr("Views"))
        # Today (the home view) first, then the note, the dashboard and the overview.
        # Alt letters: N, E, P belong to the menu bar (main_menus.py).
        self.today = TodayView(practice())
        self.addTab(self.today, appearance.icon("overview"), self.tr("Toda&y"))
        self.editor = editor
        self.addTab(editor, appearance.icon("note"), self.tr("Session no&te"))
        self.dashboard = CaseDashboard()
        self.addTab(self.dashboard, appearance.icon("dashboard"), self.tr("Case &dashboard"))
        self.plan = PlanPage(practice)
        self.addTab(self.plan, appearance.icon("note"), self.tr("Treatment p&lan"))
        self.measures = MeasuresPage(practice, current_session)
        self.addTab(self.measures, appearance.icon("dashboard"), self.tr("Meas&ures"))
        self.overview = OverviewPanel(practice())
        self.addTab(self.overview, appearance.icon("overview"), self.tr("Practice &overview"))
        self._today_stale = False
        self._dashboard_stale = True
        self._plan_stale = True
        self._measures_stale = True
        self._overview_stale = False  # it loads itself when first shown
        self.currentChanged.connect(lambda _i: self.refresh_if_shown())

    def set_practice(self, practice: OpenPractice) -> None:
        self.overview.set_practice(practice)
        self.today.set_practice(practice)

    def show_today(self) -> None:
        """The home view, read afresh (and its viewing audited)."""
        self.setCurrentWidget(self.today)
        self._today_stale = False
        self.today.refresh(record_view=True)

    def today_changed(self, *_ids: object) -> None:
        self._today_stale = True
        if self.currentWidget() is self.today:
            self.refresh_if_shown()

    def case_shown(self) -> None:
        """Another case (or none) is open, or the open one changed: its dashboard, plan and
        measures."""
        self._dashboard_stale = True
        self._plan_stale = True
        self._measures_stale = True
        self._refresh_dashboard_if_shown()
        self._refresh_plan_if_shown()
        self._refresh_measures_if_shown()

    def measures_changed(self, *_ids: object) -> None:
        """Answers recorded or removed, or a note signed (its answers are now locked)."""
        self._measures_stale = True
        self._refresh_measures_if_shown()

    def records_changed(self, *_ids: object) -> None:
        """Notes or cases changed: the dashboard, the plan's review (the goals a note
        worked on) and the overview, when next shown."""
        self._dashboard_stale = True
        self.plan.mark_review_stale()
        self._overview_stale = True

    def cases_changed(self, *_ids: object) -> None:
        self._overview_stale = True

    def refresh_if_shown(self) -> None:
        if self.currentWidget() is self.today and self._today_stale:
            self._today_stale = False
            self.today.refresh()
        self._refresh_dashboard_if_shown()
        self._refresh_plan_if_shown()
        self._refresh_measures_if_shown()
        if self.currentWidget() is self.overview and self._overview_stale:
            self._overview_stale = False
            self.overview.refresh()

    def _refresh_measures_if_shown(self) -> None:
        if self.currentWidget() is self.measures and self._measures_stale:
            self._measures_stale = False
            self.measures.set_case(self._current_case())

    def _refresh_dashboard_if_shown(self) -> None:
        """Charts are built only when the dashboard is on screen, and only once per change."""
        if self.currentWidget() is not self.dashboard or not self._dashboard_stale:
            return
        case = self._current_case()
        if case is None:
            self.dashboard.clear()
        else:
            try:
                self.dashboard.set_timeline(dynamics.case_timeline(self._practice().uow(), case.id))
                current = plans.read_plan(self._practice().uow(), case.id).current
                content = current.content if current is not None else None
                self.dashboard.agreement.set_agreement(
                    content.agreement if content else "",
                    content.agreement_review_on if content else None,
                    date.today(),
                )
            except Exception as exc:
                QMessageBox.warning(self.window(), self.tr("Dashboard not shown"), explain(exc))
                return
        self._dashboard_stale = False

    def _refresh_plan_if_shown(self) -> None:
        if self.currentWidget() is not self.plan:
            return
        if self._plan_stale:
            self._plan_stale = False
            self.plan.set_case(self._current_case())
        else:
            self.plan.refresh_review_if_stale()  # a note saved meanwhile: the goals it linked
