"""One instrument on the Measures tab: its title, a combo for the score when the
instrument gives several, the chart of both partners (gap shaded at sessions both
answered) and the compact table of its answer sets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services.measures import AnswerSet, InstrumentCourse
from clarity_desktop.ui.common import language
from clarity_desktop.ui.measures.answer_sets_model import AnswerSetModel
from clarity_desktop.ui.measures.measures_chart import MeasureChart, PartnerLine


class InstrumentPanel(QWidget):
    """One instrument: its title, the score chooser, the chart and the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.course: InstrumentCourse | None = None
        self._partners: tuple[tuple[int, str, str], ...] = ()
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.score = QComboBox()
        self.score.setAccessibleName(self.tr("Score shown"))
        self.score.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.score.currentIndexChanged.connect(lambda _i: self._draw())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.score)
        self.chart = MeasureChart()
        self.model = AnswerSetModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addLayout(top)
        layout.addWidget(self.chart)
        layout.addWidget(self.table)

    def set_course(
        self,
        course: InstrumentCourse,
        partners: tuple[tuple[int, str, str], ...],
        sessions: dict[int, str],
    ) -> None:
        self.course = course
        self._partners = partners
        lang = language.current()
        instrument = course.instrument
        self.title.setText(instrument.title.in_language(lang))
        self.score.blockSignals(True)
        self.score.clear()
        for scoring in instrument.scores:
            self.score.addItem(scoring.title.in_language(lang), scoring.id)
        self.score.blockSignals(False)
        self.score.setVisible(len(instrument.scores) > 1)
        names = {pid: name for pid, name, _lang in partners}
        self.model.set_answer_sets(instrument, course.answer_sets, names, sessions, lang)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in range(AnswerSetModel.SCORES, self.model.record_column):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)  # long titles
        rows = self.model.rowCount()
        line = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + line * min(rows, 6) + 4)
        self._draw()

    def _draw(self) -> None:
        course = self.course
        if course is None or not course.scores:
            return
        index = max(self.score.currentIndex(), 0)
        scored = course.scores[index]
        instrument = course.instrument
        scoring = instrument.scoring(scored.scoring_id)
        lines = [
            PartnerLine(
                name,
                tuple(
                    (p.answered_on, p.value)
                    for p in scored.by_partner.get(pid, ())
                    if p.value is not None
                ),
            )
            for pid, name, _lang in self._partners
        ]
        per_partner = [
            {p.session_id: p.value for p in scored.by_partner.get(pid, ()) if p.session_id}
            for pid, _name, _lang in self._partners
        ]
        gaps = []
        if len(per_partner) == 2:
            for gap in scored.gaps:
                one, other = per_partner[0].get(gap.session_id), per_partner[1].get(gap.session_id)
                if one is not None and other is not None:
                    gaps.append((gap.answered_on, one, other))
        lang = language.current()
        title = instrument.title.in_language(lang)
        if len(instrument.scores) > 1:
            title = f"{title} · {scoring.title.in_language(lang)}"
        self.chart.show_course(
            title,
            lines,
            gaps,
            instrument.score_range(scoring),
            scoring.cutoff,
            scoring.reliable_change,
        )

    def selected(self) -> AnswerSet | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.answer_set_at(rows[0].row()) if rows else None
