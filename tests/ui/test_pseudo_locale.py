"""A pseudo-translation shows what the catalogue cannot reach: every string of ours comes
back accented, 40 % longer and bracketed (⟦…⟧), so a label still in plain English is text
that never went through tr(), and a label narrower than its own text is clipped. In a
chart, QtCharts itself cuts a legend key, a title or an axis label that does not fit down
to "..."; any such text is clipped too.

Data are allowed through as they are: the fixture's names, numbers, dates (QLocale's
month and day names) and symbols."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import partial

import pytest
from PySide6.QtCharts import QChart, QChartView, QLineSeries
from PySide6.QtCore import QCoreApplication, QLocale, QThreadPool, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.services import sessions
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.case.case_dialog import CaseDialog
from clarity_desktop.ui.common import language
from clarity_desktop.ui.common.settings import Settings
from clarity_desktop.ui.dashboard.dashboard import CaseDashboard
from clarity_desktop.ui.documents.document_dialog import DocumentDialog
from clarity_desktop.ui.documents.import_dialog import ImportDialog
from clarity_desktop.ui.main.main_window import MainWindow
from clarity_desktop.ui.main.search_dialog import SearchDialog
from clarity_desktop.ui.note.session_dialog import SessionDialog
from clarity_desktop.ui.practice.audit_dialog import AuditDialog
from clarity_desktop.ui.practice.create_practice import CreatePracticeWindow
from clarity_desktop.ui.practice.passphrase_dialogs import PassphraseDialog
from clarity_desktop.ui.practice.recovery_key import RecoveryKeyDialog
from clarity_desktop.ui.practice.unlock import UnlockWindow
from tests.ui.test_dashboard import story_timeline

ACCENTS = str.maketrans("aeiouAEIOUnNcCsSyY", "áéíóúÁÉÍÓÚñÑçÇšŠýÝ")
# What must pass untouched: placeholders, HTML tags and entities, accelerators.
KEEP = re.compile(r"(%\d|%[sdn]|\{[^}]*\}|<[^>]*>|&[a-z]+;|&&|&(?=\w))")


def pseudo(text: str) -> str:
    parts = KEEP.split(text)
    body = "".join(p if i % 2 else p.translate(ACCENTS) for i, p in enumerate(parts))
    letters = sum(c.isalpha() for i, p in enumerate(parts) if not i % 2 for c in p)
    return f"⟦{body}{'~' * max(1, round(letters * 0.4))}⟧"


class PseudoTranslator(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(source) if source else source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo_locale(qapp: QApplication) -> Iterator[None]:
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_pseudo_text_keeps_slots_and_letters() -> None:
    assert pseudo("&Save %d notes to {folder}") == "⟦&Šávé %d ñótéš tó {folder}~~~~⟧"
    assert pseudo("<b>Hi</b>") == "⟦<b>Hí</b>~⟧"


DATA = {
    "Zoë",
    "Łukasz",
    "Married",
    "Clarity",
    "Desktop",
    "ABCD-EFGH",
    "she",
    "her",
    "he",
    "him",
    "zoe@example.org",
    "Dana",
    "Reyes",
}


def stray_words(text: str) -> list[str]:
    """Words of a widget's text that came from neither the translator nor the data."""
    rest = re.sub(r"⟦.*?⟧", " ", text, flags=re.S)
    rest = re.sub(r"<[^>]*>|&[a-z]+;", " ", rest)
    rest = re.sub(r"\S*[/\\]\S*", " ", rest)  # a path is data
    locale = QLocale()
    dates = {locale.monthName(m, f) for m in range(1, 13) for f in QLocale.FormatType}
    dates |= {locale.dayName(d, f) for d in range(1, 8) for f in QLocale.FormatType}
    dates |= {"AM", "PM", "am", "pm", "min", "Ctrl", "Shift", "Alt", "Enter", "Esc", "PDF"}
    words = re.findall(r"[^\W\d_][\w'’.-]*", rest)
    return [w for w in words if w.strip(".") not in DATA | dates and len(w) > 1]


def visible_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    found: list[tuple[QWidget, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel | QAbstractButton):
            found.append((w, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((w, w.title()))
        elif isinstance(w, QLineEdit):
            found.append((w, w.placeholderText()))
        elif isinstance(w, QTabWidget):
            found += [(w, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QMenu):
            found += [(w, a.text()) for a in w.actions()]
        if w.toolTip():
            found.append((w, w.toolTip()))
    return [(w, t) for w, t in found if t.strip()]


def untranslated(root: QWidget) -> list[str]:
    return sorted({f"{type(w).__name__}: {t!r}" for w, t in visible_texts(root) if stray_words(t)})


def chart_texts(view: QChartView) -> list[str]:
    """The texts QtCharts drew (legend keys, titles, axis labels) as they read on screen:
    text items of the scene, which PySide6 hands back as plain graphics items."""
    items = view.scene().items() if view.scene() is not None else []
    texts = [i.toGraphicsObject() for i in items if i.isVisible() and i.type() == 8]
    return [t.toPlainText() for t in texts if t is not None]


def clipped(root: QWidget) -> list[str]:
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QChartView):
            out += [f"{t!r}: cut short in a chart" for t in chart_texts(w) if t.endswith("...")]
            continue
        if isinstance(w, QLabel):
            text = w.text() if not w.wordWrap() and "⟦" in w.text() else ""
        elif isinstance(w, QAbstractButton):
            text = w.text()
        else:
            continue
        if text and w.width() < w.sizeHint().width() - 1:
            out.append(f"{text!r}: {w.width()} < {w.sizeHint().width()}")
    return out


@pytest.fixture
def window(
    qtbot: QtBot,
    pseudo_locale: None,
    practice: OpenPractice,
    couple_case: CaseDetail,
    settings: Settings,
) -> Iterator[MainWindow]:
    session = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2024, 3, 4, 10, 0))
    )
    main = MainWindow(practice, settings)
    qtbot.addWidget(main)
    main.resize(1440, 900)
    main.show()
    qtbot.waitExposed(main)
    main.case_list.select_case(couple_case.id)
    main.case_panel.select_session(session.id)
    qtbot.waitUntil(lambda: main.editor.note is not None)
    yield main
    QThreadPool.globalInstance().waitForDone(15000)


def test_the_main_window_and_its_note_editor(window: MainWindow) -> None:
    menus = [a.menu() for a in window.menuBar().actions()]
    texts = [f"menu: {a.text()!r}" for a in window.menuBar().actions() if stray_words(a.text())]
    for menu in menus:
        if isinstance(menu, QMenu):
            texts += [f"menu item: {a.text()!r}" for a in menu.actions() if stray_words(a.text())]
    assert texts + untranslated(window) == []
    assert clipped(window) == []


def test_the_case_dialog(qtbot: QtBot, pseudo_locale: None) -> None:
    dialog = CaseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert untranslated(dialog) == []
    assert clipped(dialog) == []


def test_the_document_dialog(
    qtbot: QtBot, window: MainWindow, practice: OpenPractice, settings: Settings
) -> None:
    case, note = window.case_panel.case, window.editor.note
    assert case is not None and note is not None
    for initial in ("note", "handout", "summary"):
        dialog = DocumentDialog(
            practice, case, note, settings=settings, parent=window, initial=initial
        )
        qtbot.addWidget(dialog)
        dialog.show()
        assert untranslated(dialog) == [], initial
        assert clipped(dialog) == [], initial


def test_the_checks_catch_english_and_clipping(qtbot: QtBot, pseudo_locale: None) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    plain = QLabel("Typed in without tr()", box)
    narrow = QLabel(QCoreApplication.translate("Labels", "Next steps"), box)
    narrow.setGeometry(0, 30, 20, 20)
    box.show()
    assert untranslated(box) == ["QLabel: 'Typed in without tr()'"]
    assert len(clipped(box)) == 1 and "Ñéxt" in clipped(box)[0]
    plain.hide()
    assert untranslated(box) == []


def test_the_check_catches_a_chart_legend_cut_short(qtbot: QtBot, pseudo_locale: None) -> None:
    chart = QChart()  # as QtCharts lays it out: one row of keys above the plot
    for name in ("Loop intensity", "distance between them", "co-regulation"):
        series = QLineSeries()
        series.setName(QCoreApplication.translate("CaseDashboard", name))
        chart.addSeries(series)
    view = QChartView(chart)
    qtbot.addWidget(view)
    view.resize(320, 300)
    view.show()
    qtbot.waitExposed(view)
    assert any("cut short in a chart" in c for c in clipped(view))


def shown_dashboard(qtbot: QtBot, width: int) -> CaseDashboard:
    dashboard = CaseDashboard()
    qtbot.addWidget(dashboard)
    dashboard.resize(width, 800)
    dashboard.set_timeline(story_timeline(), date(2024, 5, 20))
    dashboard.show()
    qtbot.waitExposed(dashboard)
    # The charts lay out again after their first resize: wait for them to be right, then
    # the test says what is wrong if they never are.
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: not clipped(dashboard), timeout=3000)
    return dashboard


def test_the_dashboards_charts_keep_every_text_whole(qtbot: QtBot, pseudo_locale: None) -> None:
    dashboard = shown_dashboard(qtbot, 1440)  # as wide as the main window here
    texts = [t for v in dashboard.views for t in chart_texts(v)]
    assert any("⟦" in t and "Ł" in t for t in texts)  # the pseudo keys were drawn
    assert clipped(dashboard) == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_narrow_dashboard_keeps_its_chart_texts_whole(
    qtbot: QtBot, qapp: QApplication, code: str
) -> None:
    before = QLocale()
    assert language.install(code)
    try:
        dashboard = shown_dashboard(qtbot, 900)
        texts = [t for v in dashboard.views for t in chart_texts(v)]
        problems = clipped(dashboard)
    finally:
        language.install("en")
        QLocale.setDefault(before)
    assert ("distancia entre ellos" in texts) == (code == "es")
    assert problems == []


def settled(page: QWidget) -> bool:
    return not untranslated(page) and not clipped(page)


def test_every_tab_of_the_main_window(qtbot: QtBot, window: MainWindow) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.currentWidget()
        qtbot.waitUntil(page.isVisible)
        QThreadPool.globalInstance().waitForDone(15000)
        # Results come back from the pool and layouts settle on a busy machine: wait for
        # the page to be right, then say what is wrong if it never is.
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(partial(settled, page), timeout=5000)
        assert untranslated(page) == [], window.tabs.tabText(index)
        assert clipped(page) == [], window.tabs.tabText(index)


def test_the_other_dialogs(qtbot: QtBot, window: MainWindow, practice: OpenPractice) -> None:
    case = window.case_panel.case
    assert case is not None
    dialogs = [
        SessionDialog(window, case),
        SessionDialog(window, case, mode="schedule"),
        SearchDialog(practice, window),
        AuditDialog(practice, window, case.id),
        PassphraseDialog(practice, window),
        ImportDialog(practice, window),
        UnlockWindow(practice.folder),
        CreatePracticeWindow(practice.folder.parent / "another"),
        RecoveryKeyDialog("ABCD-EFGH", window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert untranslated(dialog) == [], type(dialog).__name__
        assert clipped(dialog) == [], type(dialog).__name__
