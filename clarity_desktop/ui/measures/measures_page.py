"""The case's measures as a tab: per instrument, both partners' course on one chart (the
score chosen in a combo when the instrument gives several), and under it the answer sets
in a compact table; answers to an instrument whose definition is gone are named, never
dropped. Start check-in, Enter a paper form and Remove answers act on the open case.

The page reads off the GUI thread (common/worker.py): the catalogue is read from files on
every refresh so a definition added to the practice folder shows, and a case with years of
check-ins is scored in full. It announces recorded or removed answers on
``answers_changed``; the main window passes that on as an app-wide event, and the page is
read again from there, like every view.

Shortcuts (the page's own, listed in Help ▸ Keyboard shortcuts under its tab): Delete
removes the answer set chosen in a table. Starting a check-in and entering a paper form
are in the Case menu, so they work from the session note too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.errors import ErrorCode, RecordLocked
from clarity_desktop.domain.instruments import Instrument
from clarity_desktop.services import measures
from clarity_desktop.services.document_request import CHECK_IN_MEASURE
from clarity_desktop.services.dto import CaseDetail, SessionView
from clarity_desktop.services.measures import AnswerSet, CaseMeasures
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import dates, language
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.worker import is_running, run_task
from clarity_desktop.ui.measures.instrument_panel import InstrumentPanel
from clarity_desktop.ui.measures.measure_dialogs import (
    CheckInDialog,
    PaperEntryDialog,
    session_text,
)


def _load(practice: OpenPractice, case_id: int) -> tuple[CaseMeasures, tuple[Instrument, ...]]:
    """On a worker thread: the catalogue, then the case's answers scored against it."""
    instruments = measures.catalogue(practice.folder)
    return measures.case_measures(practice.uow(), case_id, instruments), instruments


class MeasuresPage(QWidget):
    answers_changed = Signal(int)  # the case id: answers recorded or removed

    def __init__(
        self,
        practice: Callable[[], OpenPractice],
        current_session: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._current_session = current_session
        self._case: CaseDetail | None = None
        self._instruments: tuple[Instrument, ...] = ()
        self.found: CaseMeasures | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.instrument = QComboBox()
        self.instrument.setAccessibleName(self.tr("Check-in to use"))
        self.instrument.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.instrument.setToolTip(self.tr("The questions a check-in or a paper form asks"))
        self.check_in_button = QPushButton(self.tr("Start check-in…"))
        self.check_in_button.setToolTip(self.tr("The chosen session's partners answer in turn"))
        self.paper_button = QPushButton(self.tr("Enter a paper form…"))
        self.remove_button = QPushButton(self.tr("Remove answers…"))
        self.remove_button.setToolTip(self.tr("Remove the answers chosen in a table (Delete)"))
        self.check_in_button.clicked.connect(self.start_check_in)
        self.paper_button.clicked.connect(self.enter_paper_form)
        self.remove_button.clicked.connect(self.remove_selected)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.instrument)
        for b in (self.check_in_button, self.paper_button, self.remove_button):
            top.addWidget(b)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        self.panels: list[InstrumentPanel] = []
        self._body = QWidget()
        self._body_layout = QVBoxLayout(self._body)
        self._body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._body)
        scroll.setAccessibleName(self.tr("Measures of the case"))
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.unknown)
        layout.addWidget(self.empty, 1)
        layout.addWidget(scroll, 1)
        remove = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self,
            self.remove_selected,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        remove.setWhatsThis(self.tr("Remove the answers chosen in a table"))
        self.set_case(None)

    # -- showing --------------------------------------------------------------------------

    def set_case(self, case: CaseDetail | None) -> None:
        self._case = case
        self.refresh()

    def refresh(self) -> None:
        case = self._case
        self.found = None
        if case is None:
            self._show_state(self.tr("Open a case to see what its partners answered."))
            return
        self.heading.setText(self.tr("Reading the answers…"))
        run_task(
            _load,
            self._practice(),
            case.id,
            owner=self,
            key="load",
            on_done=self._arrived,
            on_failed=self._failed,
        )

    def is_loading(self) -> bool:
        return is_running(self, "load")

    def _failed(self, exc: BaseException) -> None:
        self._show_state(explain(exc))

    def _show_state(self, text: str) -> None:
        self.heading.setText("")
        self.empty.setText(text)
        self.empty.show()
        self._scroll.hide()
        self.unknown.hide()
        self.instrument.hide()  # nothing to start a check-in for
        self._fill_panels(None)
        self._enable()

    def _arrived(self, result: tuple[CaseMeasures, tuple[Instrument, ...]]) -> None:
        found, instruments = result
        case = self._case
        if case is None or case.id != found.case_id:
            return
        self.found = found
        self._instruments = instruments
        current = self.instrument.currentData()
        self.instrument.clear()
        lang = language.current()
        for instrument in instruments:
            self.instrument.addItem(instrument.title.in_language(lang), instrument.id)
        kept = self.instrument.findData(current if current else CHECK_IN_MEASURE)
        self.instrument.setCurrentIndex(max(kept, 0))
        self.instrument.setVisible(len(instruments) > 1)
        count = sum(len(c.answer_sets) for c in found.instruments)
        self.heading.setText(
            self.tr("Answer sets recorded for this case: %1").replace("%1", str(count))
            if count
            else ""
        )
        if found.unknown:
            self.unknown.setText(
                self.tr(
                    "Also answered: %1. The program has no definition for these now, so they "
                    "are kept but not drawn; put the definition back in the practice's "
                    "measures folder to see them."
                ).replace("%1", ", ".join(found.unknown))
            )
        self.unknown.setVisible(bool(found.unknown))
        if not found.instruments:
            self.empty.setText(
                self.tr(
                    "No answers yet. Choose a session in the case and start a check-in "
                    "(Ctrl+Shift+I), or enter a paper form the partners filled in."
                )
            )
            self.empty.show()
            self._scroll.hide()
        else:
            self.empty.hide()
            self._scroll.show()
        self._fill_panels(found)
        self._enable()

    def _fill_panels(self, found: CaseMeasures | None) -> None:
        for panel in self.panels:
            panel.setParent(None)
            panel.deleteLater()
        self.panels = []
        if found is None or self._case is None:
            return
        sessions = {s.id: session_text(s) for s in self._case.sessions}
        for course in found.instruments:
            panel = InstrumentPanel()
            panel.set_course(course, found.partners, sessions)
            panel.table.selectionModel().selectionChanged.connect(
                lambda _s, _d, p=panel: self._chosen_in(p)
            )
            self._body_layout.insertWidget(self._body_layout.count() - 1, panel)
            self.panels.append(panel)

    def _chosen_in(self, panel: InstrumentPanel) -> None:
        """One answer set chosen at a time across the tables: the one Remove acts on."""
        if panel.selected() is None:
            return
        for other in self.panels:
            if other is not panel:
                other.table.clearSelection()

    def _enable(self) -> None:
        ready = self._case is not None and self.found is not None and bool(self._instruments)
        self.check_in_button.setEnabled(ready)
        self.paper_button.setEnabled(ready)
        self.remove_button.setEnabled(self.found is not None and bool(self.found.instruments))

    def chosen_instrument(self) -> Instrument | None:
        """The one chosen in the combo; before the page has loaded (an action from the Case
        menu on another tab), the session check-in (else the catalogue's first)."""
        if not self._instruments:
            try:
                self._instruments = measures.catalogue(self._practice().folder)
            except Exception as exc:
                QMessageBox.warning(self.window(), self.tr("No measures"), explain(exc))
                return None
        wanted = self.instrument.currentData()
        found = next((i for i in self._instruments if i.id == wanted), None)
        usual = next((i for i in self._instruments if i.id == CHECK_IN_MEASURE), None)
        return found or usual or (self._instruments[0] if self._instruments else None)

    def selected(self) -> AnswerSet | None:
        for panel in self.panels:
            chosen = panel.selected()
            if chosen is not None:
                return chosen
        return None

    # -- acting ---------------------------------------------------------------------------

    def _session(self) -> SessionView | None:
        wanted = self._current_session()
        case = self._case
        if case is None or wanted is None:
            return None
        return next((s for s in case.sessions if s.id == wanted), None)

    def start_check_in(self) -> None:
        case, instrument = self._case, self.chosen_instrument()
        if case is None or instrument is None:
            return
        session = self._session()
        if session is None:
            QMessageBox.information(
                self.window(),
                self.tr("Choose a session"),
                self.tr(
                    "Choose the session in the case's list first: the answers are kept with it."
                ),
            )
            return
        if session.note_signed:
            QMessageBox.warning(
                self.window(),
                self.tr("No check-in"),
                explain(RecordLocked(ErrorCode.MEASURE_ANSWERS_LOCKED)),
            )
            return
        dialog = CheckInDialog(self._practice(), case, session, instrument, self.window())
        dialog.exec()
        if dialog.stored:
            self.answers_changed.emit(case.id)

    def enter_paper_form(self) -> None:
        case, instrument = self._case, self.chosen_instrument()
        if case is None or instrument is None:
            return
        dialog = PaperEntryDialog(
            self._practice(), case, instrument, self._current_session(), self.window()
        )
        dialog.exec()
        if dialog.stored:
            self.answers_changed.emit(case.id)

    def remove_selected(self) -> None:
        case, chosen = self._case, self.selected()
        if case is None:
            return
        if chosen is None:
            QMessageBox.information(
                self.window(),
                self.tr("Remove answers"),
                self.tr("Choose the answers to remove in one of the tables first."),
            )
            return
        if chosen.locked:
            QMessageBox.warning(
                self.window(),
                self.tr("Not removed"),
                explain(RecordLocked(ErrorCode.MEASURE_ANSWERS_LOCKED)),
            )
            return
        names = {p.id: p.name for p in case.partners}
        answer = QMessageBox.question(
            self.window(),
            self.tr("Remove these answers?"),
            self.tr(
                "Remove %1's answers of %2? Use this for answers entered by mistake; the "
                "removal is written in the record's history."
            )
            .replace("%1", names.get(chosen.partner_id, ""))
            .replace("%2", dates.day(chosen.answered_on)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            measures.remove_answers(self._practice().uow(), chosen.id)
        except Exception as exc:
            QMessageBox.warning(self.window(), self.tr("Not removed"), explain(exc))
            self.refresh()  # signed meanwhile: show it locked now
            return
        self.answers_changed.emit(case.id)
