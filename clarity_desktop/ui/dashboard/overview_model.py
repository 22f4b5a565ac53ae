"""The overview's table model and filter proxy.

Everything a row shows, sorts by or filters on is computed once per load, on the worker
thread (an ``_Entry`` per case), so painting, sorting and filtering only look values up.
Sorting happens in the source model as one Python ``sorted`` over precomputed keys; the
proxy only filters (see ui/dashboard/overview.py for the measurements behind that choice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
)

from clarity_desktop.domain.measures import Trend
from clarity_desktop.domain.movement import WORDS, Measure
from clarity_desktop.domain.records import CaseKind, name_sort_key
from clarity_desktop.domain.steps import Step
from clarity_desktop.services.overview import OverviewRow
from clarity_desktop.ui.common import dates, labels
from clarity_desktop.ui.common.models import ID_ROLE, SORT_ROLE, Index, ListTableModel
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.dashboard.movement_text import ARROWS, change, translated

NO_VALUE = "—"
# Ascending: no trend yet, then easing, steady, mixed, rising; descending puts rising
# loops first, then the mixed ones (a flare-up after easing is mixed).
TREND_ORDER = {
    Trend.NOT_ENOUGH: 0,
    Trend.FALLING: 1,
    Trend.STEADY: 2,
    Trend.MIXED: 3,
    Trend.RISING: 4,
}


@dataclass(frozen=True, slots=True)
class _Entry:
    """One row, precomputed: what is shown, how it sorts and how it filters. Tooltips are
    made when asked for, one cell at a time."""

    row: OverviewRow
    texts: tuple[str, ...]  # per column
    keys: tuple[int, ...]  # per column; plain ints compare fastest
    haystack: str  # case and partner names, casefolded, for the text filter


class Formatter:
    """Turns rows into entries, in name order. Plain Python over strings translated once
    on the GUI thread, so the panel runs it on the worker thread right after the query and
    the GUI thread only swaps the entries in."""

    def __init__(self, trend_texts: dict[Trend, str]) -> None:
        self._trend_texts = dict(trend_texts)

    def entries(self, rows: Sequence[OverviewRow]) -> list[_Entry]:
        ranked = sorted(rows, key=lambda r: (name_sort_key(r.display_name), r.case_id))
        return [self._entry(r, rank) for rank, r in enumerate(ranked)]

    def _entry(self, r: OverviewRow, name_rank: int) -> _Entry:
        last = r.last_session
        known = [int(s) for s in r.current_steps if s is not None]
        return _Entry(
            row=r,
            texts=(
                r.display_name,
                _steps_text(r),
                NO_VALUE if r.latest_intensity is None else str(r.latest_intensity),
                self._trend_texts[r.intensity_trend],
                "" if last is not None else NO_VALUE,  # written out in data(), for rows on screen
                str(len(r.flags)) if r.flags else NO_VALUE,
            ),
            keys=(
                name_rank,
                min(known) * 10 + max(known) if known else 0,  # lowest step, then highest
                -1 if r.latest_intensity is None else r.latest_intensity,
                TREND_ORDER[r.intensity_trend],
                -1 if last is None else _seconds(last),
                (100 if r.safety_flag else 0) + len(r.flags),  # safety first
            ),
            haystack=" ".join((r.display_name, *r.partner_names)).casefold(),
        )


def _steps_text(r: OverviewRow) -> str:
    """ "Zoë 3 · Łukasz 2" for a couple (first names, as short as they stay distinct), the
    step's label for one person."""
    if len(r.partner_names) == 1:
        only: Step | None = r.current_steps[0] if r.current_steps else None
        return labels.step_label(only) if only else NO_VALUE
    names = [_short(n, 0) for n in r.partner_names]
    if len(set(names)) < len(names):  # "Priya R." and "Priya N." when first names match
        names = [_short(n, 1) for n in r.partner_names]
    if len(set(names)) < len(names):
        names = list(r.partner_names)
    return " · ".join(
        f"{name} {int(step) if step else NO_VALUE}"
        for name, step in zip(names, r.current_steps, strict=False)
    )


def _short(name: str, initials: int) -> str:
    """The first word of a name, with the initials of up to *initials* words after it."""
    words = name.split()
    if not words:
        return name
    return " ".join([words[0], *(w[0] + "." for w in words[1 : 1 + initials])])


def _seconds(dt: datetime) -> int:
    return dt.toordinal() * 86400 + dt.hour * 3600 + dt.minute * 60 + dt.second


class OverviewModel(ListTableModel["_Entry"]):
    """The active cases, one row each; read-only. Sorts itself (see the module docstring)."""

    CASE, STEPS, INTENSITY, TREND, LAST, ATTENTION = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._by_name: list[_Entry] = []  # name order: the tie-break of every sort
        # self._rows (from the base) is the display order
        self._sort_column = self.CASE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._headers = [
            self.tr("Case"),
            self.tr("Partner steps"),
            self.tr("Latest intensity"),
            self.tr("Trend"),
            self.tr("Last session"),
            self.tr("Attention"),
        ]
        self._header_tips = [
            self.tr("The case; a couple or one person"),
            self.tr("Where each partner stands in the five steps, from the newest note"),
            self.tr("Loop intensity (0–10) at the latest joint session that recorded one"),
            self.tr("Direction of loop intensity over the last sessions that recorded one"),
            self.tr("The newest session, a booked one included"),
            self.tr("How many things are worth a look; a warning sign marks a safety flag"),
        ]
        # The domain's words (the dashboard and the reports use the same), with an arrow.
        words = WORDS[Measure.INTENSITY]
        self.formatter = Formatter(
            {
                trend: f"{ARROWS[trend]} {translated(words[trend]).capitalize()}"
                if trend is not Trend.NOT_ENOUGH
                else NO_VALUE
                for trend in Trend
            }
        )
        self._warning: QIcon | None = None

    # ----- rows -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[OverviewRow]) -> None:
        self.set_entries(self.formatter.entries(rows))

    def set_entries(self, entries: list[_Entry]) -> None:
        """Entries from ``formatter.entries``, in name order."""
        self.beginResetModel()
        self._by_name = entries
        self._rows = self._sorted(self._sort_column, self._sort_order)
        self.endResetModel()

    def row_at(self, row: int) -> OverviewRow:
        return self._rows[row].row

    def entry(self, row: int) -> _Entry:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        for i, e in enumerate(self._rows):
            if e.row.case_id == case_id:
                return i
        return None

    def _tooltip(self, r: OverviewRow, column: int) -> str:
        if column == self.CASE:
            kind = self.tr("Couple") if r.kind is CaseKind.COUPLE else self.tr("Individual")
            return f"{kind} · {', '.join(r.partner_names)}"
        if column == self.STEPS:
            return "\n".join(
                self.tr("%s: %s")
                % (name, labels.step_label(step) if step else self.tr("no step recorded yet"))
                for name, step in zip(r.partner_names, r.current_steps, strict=False)
            )
        if column == self.INTENSITY:
            if r.latest_intensity is None:
                return self.tr("No loop intensity recorded yet.")
            return filled(
                self.tr("Loop intensity %d of 10 at the latest session that recorded it."),
                r.latest_intensity,
            )
        if column == self.TREND:
            latest = self.tr("Loop intensity %s.") % change(r.intensity)
            if r.intensity_trend is Trend.NOT_ENOUGH:
                return (
                    latest
                    + "\n"
                    + self.tr("Not enough readings yet for a trend (three are needed).")
                    if r.intensity.latest is not None
                    else self.tr("No loop intensity recorded yet.")
                )
            if r.intensity_trend is Trend.MIXED:
                return (
                    latest
                    + "\n"
                    + self.tr(
                        "Mixed: over the last sessions that recorded it, the readings do not agree "
                        "on a direction."
                    )
                )
            return (
                latest
                + "\n"
                + self.tr("Over the last sessions that recorded it: %s.")
                % translated(r.intensity.word)
            )
        if column == self.LAST:
            if r.last_session is None:
                return self.tr("No session recorded yet.")
            tip = dates.weekday_time(r.last_session)
            if r.no_recent_session:
                tip += "\n" + self.tr("No session in the last 30 days.")
            return tip
        return "\n".join("• " + labels.flag_text(f) for f in r.flags) or self.tr("Nothing flagged.")

    # ----- sorting --------------------------------------------------------------------

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[_Entry]:
        if not 0 <= column < len(self._headers):
            return list(self._by_name)
        # Stable, over the name order: ties stay alphabetical both ways.
        return sorted(
            self._by_name,
            key=lambda e: e.keys[column],
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        moved = [(self._rows[i.row()].row.case_id, i.column()) for i in old]
        self._rows = self._sorted(column, order)
        where = {e.row.case_id: n for n, e in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(where[cid], col) for cid, col in moved])
        self.layoutChanged.emit()

    # ----- Qt model API ---------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section]
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # A first click shows the newest, the highest and the most flagged first.
            if section in (self.CASE, self.STEPS):
                return Qt.SortOrder.AscendingOrder
            return Qt.SortOrder.DescendingOrder
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if not 0 <= col < len(e.texts):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.LAST and e.row.last_session is not None:
                return dates.day(e.row.last_session.date())
            return e.texts[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(e.row, col)
        if role == ID_ROLE:
            return e.row.case_id
        if role == SORT_ROLE:
            return e.keys[col]
        if role == Qt.ItemDataRole.DecorationRole and col == self.ATTENTION and e.row.safety_flag:
            return self._warning_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.INTENSITY, self.ATTENTION):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _warning_icon(self) -> QIcon:
        if self._warning is None:
            self._warning = QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning
            )
        return self._warning


class OverviewFilterProxy(QSortFilterProxyModel):
    """Text (case or partner name, any case) AND each switched-on toggle. Sorting is passed
    to the source model (see the module docstring)."""

    def __init__(self, model: OverviewModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._needle = ""
        self._steps_differ = False
        self._safety = False
        self._quiet = False
        self.setDynamicSortFilter(False)
        self.setSortRole(SORT_ROLE)
        self.setSourceModel(model)

    @property
    def filtering(self) -> bool:
        return bool(self._needle or self._steps_differ or self._safety or self._quiet)

    def set_text(self, text: str) -> None:
        self._change(needle=text.strip().casefold())

    def set_steps_differ(self, on: bool) -> None:
        self._change(steps_differ=on)

    def set_safety(self, on: bool) -> None:
        self._change(safety=on)

    def set_no_recent_session(self, on: bool) -> None:
        self._change(quiet=on)

    def _change(self, **what: Any) -> None:
        self.beginFilterChange()
        for name, value in what.items():
            setattr(self, "_" + name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        e = self._model.entry(source_row)
        r = e.row
        return (
            (not self._steps_differ or r.steps_differ)
            and (not self._safety or r.safety_flag)
            and (not self._quiet or r.no_recent_session)
            and (not self._needle or self._needle in e.haystack)
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)
