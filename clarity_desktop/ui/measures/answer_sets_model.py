"""The answer sets of one instrument as a compact table under its chart: the day, whose
answers, the session, how they were entered, one column per score (an instrument's
subscales side by side read better than one long cell), and whether they are part of a
signed record. Newest first, since the therapist looks for the latest to correct or remove;
the chart above reads left to right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt

from clarity_desktop.domain.instruments import AnswerSource, Instrument, scores
from clarity_desktop.services.measures import AnswerSet
from clarity_desktop.ui.common import appearance, dates
from clarity_desktop.ui.common.models import ID_ROLE, ListTableModel

Index = QModelIndex | QPersistentModelIndex


def score_text(value: float | None) -> str:
    """A score as the user's locale writes it, with one decimal only when it has one."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", 1)


class AnswerSetModel(ListTableModel[AnswerSet]):
    DAY, PARTNER, SESSION, SOURCE, SCORES = range(5)  # then one column per score, Record

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._fixed = [self.tr("Date"), self.tr("Partner"), self.tr("Session"), self.tr("Entered")]
        self._headers = [*self._fixed, self.tr("Score"), self.tr("Record")]
        self._instrument: Instrument | None = None
        self._names: Mapping[int, str] = {}
        self._sessions: Mapping[int, str] = {}

    def set_answer_sets(
        self,
        instrument: Instrument,
        answer_sets: Sequence[AnswerSet],
        names: Mapping[int, str],  # partner id -> name
        sessions: Mapping[int, str],  # session id -> how the case's list shows it
        language: str,
    ) -> None:
        self.beginResetModel()
        if len(instrument.scores) == 1:
            titles = [self.tr("Score")]
        else:
            titles = [s.title.in_language(language) for s in instrument.scores]
        self._headers = [*self._fixed, *titles, self.tr("Record")]
        self._instrument = instrument
        self._names = dict(names)
        self._sessions = dict(sessions)
        self._rows = sorted(answer_sets, key=lambda a: (a.answered_on, a.id), reverse=True)
        self.endResetModel()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            role = Qt.ItemDataRole.DisplayRole  # the whole title, where the column elides it
        return super().headerData(section, orientation, role)

    def answer_set_at(self, row: int) -> AnswerSet:
        return self._rows[row]

    @property
    def record_column(self) -> int:
        return len(self._headers) - 1

    def _score(self, answer_set: AnswerSet, column: int) -> str:
        instrument = self._instrument
        if instrument is None:
            return ""
        scoring = instrument.scores[column - self.SCORES]
        return score_text(scores(instrument, answer_set.answers)[scoring.id])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DAY:
                return dates.day(a.answered_on)
            if col == self.PARTNER:
                return self._names.get(a.partner_id, "")
            if col == self.SESSION:
                if a.session_id is None:
                    return self.tr("No session")
                return self._sessions.get(a.session_id, "")
            if col == self.SOURCE:
                if a.source is AnswerSource.PAPER:
                    return self.tr("From paper")
                return self.tr("On screen")
            if col == self.record_column:
                return self.tr("Signed") if a.locked else self.tr("Can be corrected")
            if col >= self.SCORES:
                return self._score(a, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.SCORES <= col < self.record_column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and col == self.record_column and a.locked:
            return appearance.icon("lock")
        if role == Qt.ItemDataRole.ToolTipRole and col == self.record_column:
            if a.locked:
                return self.tr("Part of a signed session's record: kept as it is.")
            return self.tr("Can be removed until the session's note is signed.")
        return None
