"""Session mode: a quiet, full-window place to be in the session. A timer, a large note
pad, and markers tapped with one key while the couple talks.

Two states, always shown at the bottom: *marking* (the keys below mark moments) and
*writing* (keys type into the pad). Enter or a click goes to the pad, Esc comes back
to marking. Marking keys, with the first and second partner as the case lists them:

  1 / 2      a loop episode: the first / second partner pursued, the other withdrew
  3 / 4      the first / second partner flooded (F in an individual session)
  C          a co-regulation moment
  R          a repair attempt; then L: it landed, N: it did not
  Q          a quote worth keeping (a small line opens; Enter keeps it, Esc drops it)
  Backspace  undo the last tap (Ctrl+Z too)

Ctrl+Enter ends the session: a review proposes the Dynamics readings and a "Moments"
summary, which go into the note only once confirmed. Each tap is its own small
transaction, committed before the next key is read, and the pad saves itself like the
note editor (a second after typing pauses, at least every two seconds; session_pad.py,
which says why it keeps its own timing), so a crash or a killed program loses no marker
and at most the last couple of seconds of typing.
While another program holds the practice's write lock (a backup, an import), a tap waits
at most 0.2 s, then is kept in order with the time it was tapped, written as soon as the
lock is free, and the bottom line says so: the window never freezes and no tap is dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QWidget,
)

from clarity_desktop.domain.clock import as_utc
from clarity_desktop.domain.errors import PracticeBusy
from clarity_desktop.domain.markers import PAD_KEY, Marker, MarkerKind, describe
from clarity_desktop.services import markers
from clarity_desktop.services.document_audit import first_name
from clarity_desktop.services.dto import NoteView, PartnerView
from clarity_desktop.services.markers import MarkerView
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common import labels
from clarity_desktop.ui.common.errors import explain
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.note import session_mode_parts
from clarity_desktop.ui.note.marker_keys import MarkerKeys, Tap
from clarity_desktop.ui.note.session_pad import BUSY_WAIT_S, PadSaver

BUSY_RETRY_MS = 500  # the next try for taps waiting while another program writes
TICK_MS = 1000
# When session mode was first opened for a session in this run of the program: opened
# again (after a lock, or to finish the note), its timer goes on from there.
_STARTED: dict[int, float] = {}


def short_names(partners: tuple[PartnerView, ...]) -> dict[int, str]:
    """First names, as a therapist says them in the room; full names if two match."""
    first = {p.id: first_name(p.name) or p.name for p in partners}
    if len(set(first.values())) < len(first):
        return {p.id: p.name for p in partners}
    return first


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class SessionModeWindow(QDialog):
    marker_added = Signal(object)  # the MarkerView written
    ended = Signal(int)  # the note id, once the review was saved or declined

    def __init__(
        self,
        practice: OpenPractice,
        note: NoteView,
        partners: tuple[PartnerView, ...],
        duration_minutes: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.note = note
        self._clock = clock
        self._closing = False
        self.partners = tuple(p for p in partners if note.attending_partner_id in (None, p.id))
        self.joint = note.attending_partner_id is None and len(self.partners) >= 2
        self.names = short_names(self.partners)
        self.duration_s = duration_minutes * 60
        self.started = _STARTED.setdefault(note.session_id, clock())
        self.setWindowTitle(self.tr("Session mode"))
        self.setObjectName("sessionMode")

        self.heading = QLabel(f"{note.case_name} · {labels.text(note.attending_label)}")
        self.heading.setStyleSheet("color: palette(placeholder-text);")
        self.timer_label = session_mode_parts.timer_label()
        self.planned = QLabel(filled(self.tr("of %d min"), duration_minutes))
        self.planned.setStyleSheet("color: palette(placeholder-text);")
        self.end_button = QPushButton(self.tr("&End session… (Ctrl+Enter)"))
        self.end_button.setAutoDefault(False)
        self.end_button.clicked.connect(self.end_session)

        self.pad = session_mode_parts.note_pad(note.sections.get(PAD_KEY, ""))
        self.save_state = QLabel()
        self.save_state.setAccessibleName(self.tr("Save state"))
        self.pad_saver = PadSaver(practice, note.id, self.pad, self.save_state, self)
        self.pad_saver.saved.connect(self._pad_saved)

        self.keys = MarkerKeys(self.partners, self.joint, self.names)
        self.keys.tapped.connect(self._tapped)
        self.keys.undo_requested.connect(self.undo)
        self.keys.write_requested.connect(self.write)
        self.keys.landed_requested.connect(self._landed)
        self.keys.quote_requested.connect(self._open_quote)
        self.list = session_mode_parts.marker_list()
        self.quote_row, self.quote, self.speaker = session_mode_parts.quote_row(self.partners)
        self.quote.returnPressed.connect(self._keep_quote)
        self.state = QLabel()
        self.state.setObjectName("modeState")
        self.last = QLabel()
        self.last.setStyleSheet("color: palette(placeholder-text);")

        session_mode_parts.lay_out(
            self,
            top=(self.heading, self.timer_label, self.planned, self.end_button),
            side=(self.keys, self.quote_row, self.list),
            pad=self.pad,
            bottom=(self.state, self.last, self.save_state),
        )

        self.pending: list[tuple[Tap, datetime]] = []  # tapped, not yet written (UTC)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.flush)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, self.end_session)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.markers: list[MarkerView] = list(
            markers.session_markers(practice.uow(), note.session_id)
        )
        for m in self.markers:
            self._list_add(m)
        self._writing = False
        self.tick()
        self.mark()

    # ----- the timer ------------------------------------------------------------------

    def elapsed(self) -> float:
        return self._clock() - self.started

    def tick(self) -> None:
        elapsed = self.elapsed()
        self.timer_label.setText(clock_text(elapsed))
        over = elapsed > self.duration_s
        self.timer_label.setStyleSheet("color: #b26b00;" if over else "")
        self.timer_label.setToolTip(
            self.tr("Past the planned length")
            if over
            else self.tr("Time since session mode opened")
        )

    # ----- markers --------------------------------------------------------------------

    def _list_add(self, m: MarkerView) -> None:
        local = m.local()
        self.list.insertItem(0, f"{local.at:%H:%M}  {describe(local, self.names)}")

    def _tapped(self, tap: Tap) -> None:
        self.pending.append((tap, datetime.now(UTC)))
        self.flush()

    def flush(self, wait: float | None = BUSY_WAIT_S) -> bool:
        """Write the taps not yet written, oldest first, each at the time it was tapped.
        While another program holds the write lock they wait here (said at the bottom)
        and are tried again shortly; True once none is left."""
        self._retry.stop()
        while self.pending:
            tap, at = self.pending[0]
            try:
                view = markers.add_marker(
                    self.practice.uow(),
                    self.note.session_id,
                    tap.kind,
                    partner_id=tap.partner_id,
                    other_partner_id=tap.other_partner_id,
                    text=tap.text,
                    at=at,
                    wait=wait,
                )
            except PracticeBusy:
                n = len(self.pending)
                self.last.setText(
                    self.tr("Waiting to save 1 marker…")
                    if n == 1
                    else filled(self.tr("Waiting to save %d markers…"), n)
                )
                self._retry.start(BUSY_RETRY_MS)
                return False
            except Exception as exc:
                self.pending.pop(0)
                self.last.setText(self.tr("Not marked: %s") % explain(exc))
                continue
            self.pending.pop(0)
            self.markers.append(view)
            self._list_add(view)
            self.last.setText(self.tr("Marked: %s") % describe(view.local(), self.names))
            self.marker_added.emit(view)
        return True

    def _refill(self) -> None:
        self.list.clear()
        for m in self.markers:
            self._list_add(m)

    def undo(self) -> None:
        if self.pending:  # the last tap is still waiting to be written: it never will be
            tap, at = self.pending.pop()
            local = as_utc(at).astimezone().replace(tzinfo=None)
            marker = Marker(
                0, local, tap.kind, tap.partner_id, tap.other_partner_id, None, tap.text
            )
            self.last.setText(self.tr("Undone: %s") % describe(marker, self.names))
            if not self.pending:
                self._retry.stop()
            return
        if not self.markers:
            self.last.setText(self.tr("Nothing to undo."))
            return
        last = self.markers[-1]
        try:
            markers.remove_marker(self.practice.uow(), last.id, wait=BUSY_WAIT_S)
        except Exception as exc:
            self.last.setText(self.tr("Not undone: %s") % explain(exc))
            return
        self.markers.pop()
        self._refill()
        self.last.setText(self.tr("Undone: %s") % describe(last.local(), self.names))

    def _landed(self, landed: bool) -> None:
        if not self.flush():
            return  # the repair itself is still waiting to be written; said at the bottom
        repair = next(
            (m for m in reversed(self.markers) if m.kind is MarkerKind.REPAIR_ATTEMPT), None
        )
        if repair is None:
            self.last.setText(self.tr("Mark a repair attempt (R) first."))
            return
        try:
            view = markers.set_landed(self.practice.uow(), repair.id, landed, wait=BUSY_WAIT_S)
        except Exception as exc:
            self.last.setText(self.tr("Not marked: %s") % explain(exc))
            return
        self.markers[self.markers.index(repair)] = view
        self._refill()
        self.last.setText(self.tr("Marked: %s") % describe(view.local(), self.names))

    def _open_quote(self) -> None:
        self.quote.clear()
        self.speaker.setCurrentIndex(0)
        self.quote_row.show()
        self.quote.setFocus()

    def _keep_quote(self) -> None:
        text = self.quote.text()
        if not text.strip():
            self.close_quote()
            return
        self._tapped(Tap(MarkerKind.QUOTE, partner_id=self.speaker.currentData(), text=text))
        self.close_quote()

    def close_quote(self) -> None:
        self.quote_row.hide()
        self.quote.clear()
        self.mark()

    # ----- the pad --------------------------------------------------------------------

    def save_pad(self, wait: float | None = BUSY_WAIT_S) -> bool:
        """Save what is typed in the pad now; True once nothing is unsaved."""
        return self.pad_saver.save(wait)

    def _pad_saved(self, note: NoteView) -> None:
        self.note = note

    # ----- focus, keys and ending -----------------------------------------------------

    def write(self) -> None:
        """To the pad: keys type there until Esc."""
        self.pad.setFocus()
        self._show_state(writing=True)

    def mark(self) -> None:
        """Back to marking: keys mark moments."""
        self.keys.setFocus()
        self._show_state(writing=False)

    @property
    def writing(self) -> bool:
        return self._writing

    def _show_state(self, writing: bool) -> None:
        self._writing = writing
        self.state.setText(
            self.tr("Writing — Esc to mark moments")
            if writing
            else self.tr("Marking — Enter to write in the pad")
        )
        self.keys.set_active(not writing)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is self.pad and self.pad_saver.dirty:
            self.save_pad()
        if new is self.pad:
            self._show_state(writing=True)
        elif new is self.keys:
            self._show_state(writing=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # never closes: it leaves the pad or the quote
            if self.quote_row.isVisible():
                self.close_quote()
            else:
                self.mark()
            return
        super().keyPressEvent(event)

    def end_session(self) -> None:
        from clarity_desktop.ui.note.session_review import ReviewDialog

        if not self.flush(wait=None) or not self.save_pad(wait=None):
            return  # still waiting for another program: said at the bottom
        review = ReviewDialog(self.practice, self.note, self.names, self)
        outcome = review.exec()
        if not shiboken6.isValid(self.keys):
            return  # the window went while the review was open (the practice locked, or quit)
        if outcome == ReviewDialog.BACK:
            self.mark()
            return
        self.finish()

    def finish(self) -> None:
        self._closing = True
        self._ticker.stop()
        self.ended.emit(self.note.id)
        self.accept()

    def done(self, result: int) -> None:
        """Every way out (ending, the practice locking) writes what waits first, with the
        usual patience for another writer."""
        self.flush(wait=None)
        self.save_pad(wait=None)
        self._retry.stop()
        self._ticker.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:
            event.accept()
            return
        event.ignore()  # the window's close button ends the session through the review
        QTimer.singleShot(0, self, self.end_session)
