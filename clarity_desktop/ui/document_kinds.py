"""The documents the document dialog can make, as one small table.

Each kind says what it needs from the dialog (a note, the handout choices, a date range),
how it is built (one call into services.documents) and which neutral file name it
suggests. A new kind is one entry in KINDS plus, at most, a new group of choices in the
dialog.

The builders run on the worker thread: they receive a frozen DocumentChoice, never a
widget, and open their own unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clarity_desktop.domain.steps import Step
from clarity_desktop.reports.layout import Progress as ShareDone
from clarity_desktop.services import documents
from clarity_desktop.services.documents import DocumentAction
from clarity_desktop.services.practices import OpenPractice
from clarity_desktop.ui.worker import Progress

# Where a built document goes: a file path, or None for the bytes (the preview, printing).
Out = Path | None


@dataclass(frozen=True)
class DocumentChoice:
    """Everything the therapist chose, frozen, so the worker thread reads a snapshot."""

    kind: str
    case_id: int
    page_size: str
    note_id: int | None = None
    step: Step | None = None
    partner_id: int | None = None  # handouts: None means both partners together
    first_names: tuple[str, ...] = ()
    message: str = ""
    date_from: date | None = None
    date_to: date | None = None
    session_day: date | None = None  # the note's session, for the suggested file name
    acknowledge_safety: bool = False
    # The case summary and progress report: both off unless the clinician ticks them.
    include_private_readings: bool = False
    include_safety_note: bool = False


Builder = Callable[
    [OpenPractice, DocumentChoice, Out, str | None, DocumentAction, ShareDone | None],
    bytes | None,
]

# Which groups of choices a kind shows in the dialog.
HANDOUT_CHOICES = "handout"
DATE_CHOICES = "dates"
CONTENT_CHOICES = "contents"  # what a clinician document includes beyond the default


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: str  # marked for translation; shown through title()
    build: Builder
    file_name: Callable[[DocumentChoice], str]
    needs_note: bool = False
    choices: frozenset[str] = frozenset()

    def title(self) -> str:
        return QCoreApplication.translate("DocumentKinds", self.label)


def _note(
    practice: OpenPractice,
    choice: DocumentChoice,
    out: Out,
    password: str | None,
    action: DocumentAction,
    progress: ShareDone | None,
) -> bytes | None:
    assert choice.note_id is not None
    return documents.note_pdf(
        practice.uow(),
        choice.note_id,
        out,
        page_size=choice.page_size,
        password=password,
        progress=progress,
        action=action,
    )


def _handout(
    practice: OpenPractice,
    choice: DocumentChoice,
    out: Out,
    password: str | None,
    action: DocumentAction,
    progress: ShareDone | None,
) -> bytes | None:
    # Privacy: only the step, the first names and the therapist's message go in.
    assert choice.step is not None
    return documents.handout_pdf(
        practice.uow(),
        choice.case_id,
        choice.step,
        choice.first_names,
        choice.message,
        out,
        partner_id=choice.partner_id,
        acknowledge_safety=choice.acknowledge_safety,
        page_size=choice.page_size,
        password=password,
        progress=progress,
        action=action,
    )


def _steps(
    practice: OpenPractice,
    choice: DocumentChoice,
    out: Out,
    password: str | None,
    action: DocumentAction,
    progress: ShareDone | None,
) -> bytes | None:
    return documents.steps_overview_pdf(
        practice.uow(),
        out,
        case_id=choice.case_id,
        page_size=choice.page_size,
        password=password,
        progress=progress,
        action=action,
    )


def _summary(
    practice: OpenPractice,
    choice: DocumentChoice,
    out: Out,
    password: str | None,
    action: DocumentAction,
    progress: ShareDone | None,
) -> bytes | None:
    return documents.summary_pdf(
        practice.uow(),
        choice.case_id,
        out,
        page_size=choice.page_size,
        password=password,
        progress=progress,
        action=action,
        include_private_readings=choice.include_private_readings,
        include_safety_note=choice.include_safety_note,
    )


def _progress(
    practice: OpenPractice,
    choice: DocumentChoice,
    out: Out,
    password: str | None,
    action: DocumentAction,
    progress: ShareDone | None,
) -> bytes | None:
    assert choice.date_from is not None and choice.date_to is not None
    return documents.progress_pdf(
        practice.uow(),
        choice.case_id,
        choice.date_from,
        choice.date_to,
        out,
        page_size=choice.page_size,
        password=password,
        progress=progress,
        action=action,
        include_private_readings=choice.include_private_readings,
        include_safety_note=choice.include_safety_note,
    )


# Suggested file names never carry a client's name: files end up on shared drives, in
# "recent files" lists, backups and e-mail attachment names, where a name alone already
# discloses that someone is in therapy. The therapist can still type any name.


def _note_file(choice: DocumentChoice) -> str:
    return f"session-note-{(choice.session_day or date.today()).isoformat()}.pdf"


def _summary_file(choice: DocumentChoice) -> str:
    return f"case-summary-{date.today().isoformat()}.pdf"


def _progress_file(choice: DocumentChoice) -> str:
    start, end = choice.date_from or date.today(), choice.date_to or date.today()
    return f"progress-report-{start.isoformat()}-to-{end.isoformat()}.pdf"


def _handout_file(choice: DocumentChoice) -> str:
    return f"handout-step-{int(choice.step or 1)}.pdf"


def _steps_file(choice: DocumentChoice) -> str:
    return "five-steps-overview.pdf"


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(
        "note",
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Session &note")),
        _note,
        _note_file,
        needs_note=True,
    ),
    DocumentKind(
        "summary",
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Case s&ummary")),
        _summary,
        _summary_file,
        choices=frozenset({CONTENT_CHOICES}),
    ),
    DocumentKind(
        "progress",
        str(QT_TRANSLATE_NOOP("DocumentKinds", "P&rogress report")),
        _progress,
        _progress_file,
        choices=frozenset({DATE_CHOICES, CONTENT_CHOICES}),
    ),
    DocumentKind(
        "handout",
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Client &handout")),
        _handout,
        _handout_file,
        choices=frozenset({HANDOUT_CHOICES}),
    ),
    DocumentKind(
        "steps",
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Five steps o&verview")),
        _steps,
        _steps_file,
    ),
)


def kind(key: str) -> DocumentKind:
    for k in KINDS:
        if k.key == key:
            return k
    raise KeyError(key)


def build(
    kind_key: str,
    practice: OpenPractice,
    choice: DocumentChoice,
    out: Out,
    password: str | None,
    action: DocumentAction,
    *,
    progress: Progress,
) -> bytes | None:
    """Run on the worker thread: the reports' share-done callback feeds the dialog's bar."""

    def report(share: float) -> None:
        progress.report(max(0, min(100, round(share * 100))), "")

    return kind(kind_key).build(practice, choice, out, password, action, report)
