"""The documents the program makes. The value is the word the command line takes
(``report handout``) and the dialog's key, so it never changes once shipped."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    NOTE = "note"  # a session note, the record copy
    SUMMARY = "summary"  # the case summary with charts
    PROGRESS = "progress"  # the progress report for a period
    HANDOUT = "handout"  # a client handout for one step
    STEPS = "steps"  # the one-page overview of the five steps
    PLAN = "plan"  # a version of the treatment plan
    CHECK_IN = "check-in"  # a printable check-in form for one partner, in their language


# Client-facing documents, printed in a client's language.
IN_CLIENT_LANGUAGE: frozenset[DocumentKind] = frozenset({DocumentKind.HANDOUT, DocumentKind.STEPS})
# Clinician documents printed in the language asked for (the window's; English unless
# asked on the command line). The session brief, not one of these kinds, takes it too.
IN_CHOSEN_LANGUAGE: frozenset[DocumentKind] = frozenset(
    {DocumentKind.NOTE, DocumentKind.SUMMARY, DocumentKind.PROGRESS, DocumentKind.PLAN}
)
