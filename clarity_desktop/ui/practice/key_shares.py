"""On the Today view of someone who holds a case's key: the people given access to that case
who cannot read its text yet, one sentence each ("Eli Park was given access to Robin Vale
by Ada Lind: share the case's key?") with Share and Not now. A new colleague without the
practice's directory key (client names) shows the same way: "Fran Diaz joined the
practice: share the client directory?".

Nothing is shared unless the holder presses Share (services/key_sharing.py: the reader's
key certificate is checked, the key wrapped for them, the audit row written). Not now
hides the request until the program is next opened, and the reader keeps seeing the
locked sentence meanwhile. Hidden when nothing waits, and always on a solo practice.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clarity_desktop.services import key_sharing
from clarity_desktop.services.key_sharing import EMERGENCY_KEY, ShareRequest
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.common.errors import explain


class KeyShareRow(QWidget):
    """One request: its sentence, Share and Not now."""

    def __init__(self, request: ShareRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.sentence = QLabel(self.question(request))
        self.sentence.setWordWrap(True)
        self.share = QPushButton(self.tr("Share"))
        whole = (
            self.tr("Share the practice's emergency key with %1")
            if request.how == EMERGENCY_KEY
            else self.tr("Share the client directory with %1")
            if request.is_directory
            else self.tr("Share the case's key with %1")
        )
        self.share.setAccessibleName(whole.replace("%1", request.reader_name))
        self.share.setAutoDefault(False)
        self.later = QPushButton(self.tr("Not now"))
        self.later.setAccessibleName(self.tr("Do not share the case's key for now"))
        self.later.setAutoDefault(False)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 2, 0, 2)
        line.addWidget(self.sentence, 1)
        line.addWidget(self.share)
        line.addWidget(self.later)

    def question(self, r: ShareRequest) -> str:
        if r.is_directory:  # a new colleague, and the practice's one key for client names
            return self.tr("%1 joined the practice: share the client directory?").replace(
                "%1", r.reader_name
            )
        if r.how == EMERGENCY_KEY:
            template = self.tr(
                "%1, a supervisor added by %3, does not hold the practice's emergency key: "
                "share it?"
            )
        elif r.how == "emergency":
            template = self.tr("%1 opened %2 in an emergency: share the case's key?")
        elif r.how == "supervision":
            template = self.tr(
                "%1 was given access to %2 by %3 (as a supervisor): share the case's key?"
            )
        else:
            template = self.tr("%1 was given access to %2 by %3: share the case's key?")
        return (
            template.replace("%1", r.reader_name)
            .replace("%2", r.case_name)
            .replace("%3", r.given_by or self.tr("an administrator"))
        )


class KeySharePanel(QWidget):
    shared = Signal(int, int)  # case id, reader's user id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._practice: OpenPractice | None = None
        self._later: set[tuple[int, int]] = set()
        self.rows: list[KeyShareRow] = []
        self.title = QLabel(self.tr("People waiting for a case's key"))
        self.title.setStyleSheet("font-weight: 600;")
        self.hint = QLabel(
            self.tr(
                "They can open the case, but its notes stay locked for them until you "
                "share its key. Share only with someone you expect to read this case."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.list = QVBoxLayout()
        self.list.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 10, 0, 0)
        for w in (self.title, self.hint, self.problem):
            column.addWidget(w)
        column.addLayout(self.list)
        self.hide()

    def refresh(self, practice: OpenPractice) -> None:
        """Read the requests again; hidden when none waits (or all were put off)."""
        self._practice = practice
        try:
            waiting = key_sharing.pending_shares(practice)
        except Exception as exc:
            self.problem.setText(
                self.tr("Who waits for a case's key could not be read: %s") % explain(exc)
            )
            self.problem.show()
            self.show()
            return
        self.problem.hide()
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for request in waiting:
            if (request.case_id, request.reader) in self._later:
                continue
            row = KeyShareRow(request, self)
            row.share.clicked.connect(lambda _c=False, r=row: self._share(r))
            row.later.clicked.connect(lambda _c=False, r=row: self._put_off(r))
            self.list.addWidget(row)
            self.rows.append(row)
        self._words(all(r.request.is_directory for r in self.rows))
        self.setVisible(bool(self.rows))

    def _words(self, directory_only: bool) -> None:
        if directory_only:
            self.title.setText(self.tr("Colleagues waiting for the client directory"))
            self.hint.setText(
                self.tr(
                    'Until you share it, they see "Name locked" in place of every client\'s '
                    "name and contact details. Share only with someone you know works here."
                )
            )
        else:
            self.title.setText(self.tr("People waiting for a case's key"))
            self.hint.setText(
                self.tr(
                    "They can open the case, but its notes stay locked for them until you "
                    "share its key. Share only with someone you expect to read this case."
                )
            )

    def _share(self, row: KeyShareRow) -> None:
        assert self._practice is not None
        request = row.request
        try:
            key_sharing.share_case_key(self._practice, request.case_id, request.reader)
        except Exception as exc:
            self.problem.setText(self.tr("The key was not shared: %s") % explain(exc))
            self.problem.show()
            return
        self.shared.emit(request.case_id, request.reader)
        self.refresh(self._practice)

    def _put_off(self, row: KeyShareRow) -> None:
        self._later.add((row.request.case_id, row.request.reader))
        assert self._practice is not None
        self.refresh(self._practice)


def with_key_shares(panel: KeySharePanel, body: QWidget) -> QWidget:
    """*panel* above *body*: for the windows without a Today view (the front desk's, the
    administrator's), whose people hold the client directory too."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    inset = QVBoxLayout()
    inset.setContentsMargins(16, 0, 16, 0)
    inset.addWidget(panel)
    column.addLayout(inset)
    column.addWidget(body, 1)
    return page
