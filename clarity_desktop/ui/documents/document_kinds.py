"""The documents the document dialog can make, as one small table.

Each kind says what it needs from the dialog (a note, the handout choices, a date range)
and which neutral file name it suggests; how it is made is the services' business (one
DocumentRequest, rendered by services.document_request, as for the command line). A new
kind is one entry there, one in KINDS and, at most, a new group of choices in the dialog.

The build runs on the worker thread: it receives a frozen DocumentChoice, never a widget,
and opens its own unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clarity_desktop.domain.document_kinds import DocumentKind as Kind
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.progress import Progress
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import measure_forms
from clarity_desktop.services.document_audit import DocumentAction
from clarity_desktop.services.document_request import DocumentRequest, render
from clarity_desktop.services.practices import OpenPractice

# Where a built document goes: a file path, or None for the bytes (the preview, printing).
Out = Path | None


@dataclass(frozen=True)
class DocumentChoice:
    """Everything the therapist chose, frozen, so the worker thread reads a snapshot."""

    kind: Kind
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
    language: Language | None = None  # handout, steps: None is the client's own; note: the window's
    plan_version: int | None = None  # the plan: None is the plan in force (else the draft)
    acknowledgement: bool = False  # the plan: the partners' acknowledgement lines
    measure: str | None = None  # the check-in form: which instrument (its id)

    def request(self, out: Out, password: str | None, action: DocumentAction) -> DocumentRequest:
        """What the services are asked to make: this choice, written to *out* as *action*."""
        return DocumentRequest(
            kind=self.kind,
            case_id=self.case_id,
            note_id=self.note_id,
            partner_id=self.partner_id,
            step=self.step,
            first_names=self.first_names,
            message=self.message,
            acknowledge_safety=self.acknowledge_safety,
            date_from=self.date_from,
            date_to=self.date_to,
            include_private_readings=self.include_private_readings,
            include_safety_note=self.include_safety_note,
            plan_version=self.plan_version,
            acknowledgement=self.acknowledgement,
            measure=self.measure,
            language=self.language,
            page_size=self.page_size,
            password=password,
            out=out,
            action=action,
        )


# Which groups of choices a kind shows in the dialog.
HANDOUT_CHOICES = "handout"
DATE_CHOICES = "dates"
CONTENT_CHOICES = "contents"  # what a clinician document includes beyond the default
PLAN_CHOICES = "plan"  # which version of the treatment plan, the acknowledgement
CHECK_IN_CHOICES = "check-in"  # which partner, which measure


@dataclass(frozen=True)
class DocumentKind:
    key: Kind
    label: str  # marked for translation; shown through title()
    file_name: Callable[[DocumentChoice], str]
    needs_note: bool = False
    choices: frozenset[str] = frozenset()

    def title(self) -> str:
        return QCoreApplication.translate("DocumentKinds", self.label)


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


def _in(choice: DocumentChoice) -> str:
    """A handout in another language says so in its name: handout-step-3-es.pdf."""
    lang = choice.language
    return f"-{lang.value}" if lang is not None and lang is not Language.EN else ""


def _handout_file(choice: DocumentChoice) -> str:
    return f"handout-step-{int(choice.step or 1)}{_in(choice)}.pdf"


def _steps_file(choice: DocumentChoice) -> str:
    return f"five-steps-overview{_in(choice)}.pdf"


def _check_in_file(choice: DocumentChoice) -> str:
    measure = (choice.measure or "session_check_in").replace("_", "-")
    return f"{measure}-form-{date.today().isoformat()}.pdf"


def _plan_file(choice: DocumentChoice) -> str:
    version = f"-v{choice.plan_version}" if choice.plan_version is not None else ""
    return f"treatment-plan{version}-{date.today().isoformat()}.pdf"


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(
        Kind.NOTE,
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Session &note")),
        _note_file,
        needs_note=True,
    ),
    DocumentKind(
        Kind.SUMMARY,
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Case s&ummary")),
        _summary_file,
        choices=frozenset({CONTENT_CHOICES}),
    ),
    DocumentKind(
        Kind.PROGRESS,
        str(QT_TRANSLATE_NOOP("DocumentKinds", "P&rogress report")),
        _progress_file,
        choices=frozenset({DATE_CHOICES, CONTENT_CHOICES}),
    ),
    DocumentKind(
        Kind.HANDOUT,
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Client &handout")),
        _handout_file,
        choices=frozenset({HANDOUT_CHOICES}),
    ),
    DocumentKind(
        Kind.STEPS,
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Five steps o&verview")),
        _steps_file,
    ),
    DocumentKind(
        Kind.PLAN,
        str(QT_TRANSLATE_NOOP("DocumentKinds", "Treatment pl&an")),
        _plan_file,
        choices=frozenset({PLAN_CHOICES}),
    ),
    DocumentKind(
        Kind.CHECK_IN,
        str(QT_TRANSLATE_NOOP("DocumentKinds", "&Check-in form")),
        _check_in_file,
        choices=frozenset({CHECK_IN_CHOICES}),
    ),
)


def kind(key: Kind) -> DocumentKind:
    for k in KINDS:
        if k.key == key:
            return k
    raise KeyError(key)


def build(
    kind_key: Kind,
    practice: OpenPractice,
    choice: DocumentChoice,
    out: Out,
    password: str | None,
    action: DocumentAction,
    *,
    progress: Progress,
) -> bytes | None:
    """Run on the worker thread: the reports' progress feeds the dialog's bar."""
    kind(kind_key)  # a kind the dialog knows
    request = choice.request(out, password, action)
    if request.kind in (Kind.PROGRESS, Kind.CHECK_IN):  # measures: ours, the practice's own
        request = replace(request, instruments=measure_forms.catalogue(practice.folder))
    return render(practice.uow(), request, progress=progress)
