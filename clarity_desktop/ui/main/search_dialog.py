"""Search across all notes and addenda (Ctrl+F), or those of the open case, with the
matched words highlighted. Up and Down in the search box move through the results;
Enter opens one, and the note opens scrolled to the words, marked."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.services import search
from clarity_desktop.services.dto import CaseDetail, SearchHit
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.services.search import HIT_END, HIT_START
from clarity_desktop.ui.common import appearance, worker
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.models import when
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.common.worker import run_task
from clarity_desktop.ui.note.note_find import hit_words

HTML_ROLE = Qt.ItemDataRole.UserRole + 10
Index = QModelIndex | QPersistentModelIndex


def snippet_html(snippet: str) -> str:
    """Escape the note text, then turn the search markers into highlighting (in the
    light or dark tones of the current palette)."""
    tones = appearance.tones()
    safe = html.escape(snippet.replace("\n", " "))
    mark = f"<b style='background:{tones.mark_back};color:{tones.mark_text}'>"
    return safe.replace(HIT_START, mark).replace(HIT_END, "</b>")


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        where = (self.tr(" · addendum") if hit.in_addendum else "") + (
            self.tr(" · private") if hit.private else ""
        )
        if role == Qt.ItemDataRole.DisplayRole:
            text = hit.snippet.replace(HIT_START, "").replace(HIT_END, "")
            return f"{hit.case_name} · {when(hit.session_starts_at)}{where}\n{text}"
        if role == HTML_ROLE:
            return (
                f"<b>{html.escape(hit.case_name)}</b> · {when(hit.session_starts_at)}{where}"
                f"<br>{snippet_html(hit.snippet)}"
            )
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE text, so the matched words stand out."""

    def _doc(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(100, option.rect.width() - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_less = QStyleOptionViewItem(option)
        text_less.text = ""
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, text_less, painter, option.widget
            )
        doc = self._doc(option, index)
        palette = QPalette(option.palette)
        if option.state & QStyle.StateFlag.State_Selected:  # light on the selection colour
            selected = option.palette.color(QPalette.ColorRole.HighlightedText)
            palette.setColor(QPalette.ColorRole.Text, selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = palette
        context.clip = QRectF(0, 0, option.rect.width() - 8, option.rect.height())
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        doc = self._doc(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)


class SearchDialog(QDialog):
    note_requested = Signal(int, int, list)  # case id, session id, the words found

    def __init__(self, practice: OpenPractice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice = practice
        self._pending = ""
        self.setWindowTitle(self.tr("Search notes"))
        self.resize(720, 520)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Words to find in notes and addenda"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Search words"))
        self.status = QLabel(self.tr("Type a word or two; every word must appear."))
        self._case_id: int | None = None
        self.only_case = QCheckBox()
        self.only_case.setAccessibleName(self.tr("Search only the open case"))
        self.only_case.hide()
        self.only_case.toggled.connect(lambda _on: self.run_search())
        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setAccessibleName(self.tr("Search results"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.only_case)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._enter)
        self.query.installEventFilter(self)
        self.results.activated.connect(self._open)

    def present(self, case: CaseDetail | None) -> None:
        """Ctrl+F: show, in front, with the words typed last selected; offer the open case."""
        self.set_open_case(case.id if case else None, case.display_name if case else "")
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def set_open_case(self, case_id: int | None, name: str) -> None:
        """Offer to search only the case that is open (unticked whenever it changes)."""
        if case_id != self._case_id:
            self.only_case.setChecked(False)
        self._case_id = case_id
        self.only_case.setText(self.tr("&Only in %s") % name.replace("&", "&&"))
        self.only_case.setVisible(case_id is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the results; typing stays there."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.model.rowCount():
                row = self.results.currentIndex().row()
                row = min(max(0, row + step), self.model.rowCount() - 1)
                self.results.setCurrentIndex(self.model.index(row, 0))
                self.results.scrollTo(self.model.index(row, 0))
                return True
        return super().eventFilter(watched, event)

    def run_search(self) -> None:
        self._timer.stop()
        text = self.query.text()
        if not text.strip():
            worker.forget(self, "search")
            self.model.set_hits([])
            self.status.setText(self.tr("Type a word or two; every word must appear."))
            return
        self.status.setText(self.tr("Searching…"))
        scope = self._case_id if self.only_case.isChecked() else None
        run_task(
            search.search_notes,
            self._practice.uow(),
            text,
            search.DEFAULT_LIMIT,
            scope,
            owner=self,
            key="search",  # a newer search supersedes it (common/worker.py)
            on_done=self._show,
            on_failed=lambda exc: self.status.setText(explain(exc)),
        )

    def _show(self, hits: list[SearchHit]) -> None:
        self.model.set_hits(hits)
        if not hits:
            self.status.setText(self.tr("No note contains all of these words."))
        else:
            self.status.setText(
                filled(self.tr("%d found. Press Enter or double-click to open."), len(hits))
            )
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _enter(self) -> None:
        if self._timer.isActive():
            self.run_search()
            return
        index = self.results.currentIndex()
        if index.isValid():
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index.row())
        self.note_requested.emit(hit.case_id, hit.session_id, hit_words(hit.snippet))
