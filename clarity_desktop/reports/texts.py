"""The handout texts in resources/handouts: reading the tiny format practices may edit.

The format (documented for editors in resources/handouts/README.md):
    # Title                 once, the first heading
    ## section              starts a section (names depend on the file, see below)
    paragraphs              separated by blank lines
    - item                  a list item; following non-blank lines continue it
    <!-- ... -->            a comment, not printed

Step files (step-1.md ... step-5.md) have about, questions, practices, safer practices,
optionally safer questions, and optionally closing; overview.md has about, step 1 ... step 5 and optionally closing. Files are read
on every print (a few kilobytes, microseconds), so an edit shows on the next handout.
A mistake in a file is a HandoutTextError naming the file and the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from clarity_desktop.domain.errors import ClarityError, ErrorCode
from clarity_desktop.domain.languages import DEFAULT, Language
from clarity_desktop.domain.steps import Step
from clarity_desktop.reports.resources import resource_path

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
STEP_SECTIONS = (
    "about",
    "questions",
    "practices",
    "safer questions",
    "safer practices",
    "closing",
)
OVERVIEW_SECTIONS = ("about", *(f"step {int(s)}" for s in Step), "closing")


class HandoutTextError(ClarityError):
    """A handout text file is missing or not in the expected format."""


@dataclass(frozen=True)
class Section:
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedText:
    title: str
    sections: dict[str, Section]


@dataclass(frozen=True)
class StepText:
    """The words of one step's handout. The safety-aware version (for a case with a
    safety flag) has the "safer" questions and practices in place of the usual ones:
    things a person does on their own, never an exercise for the partners together."""

    step: Step
    title: str
    about: tuple[str, ...]  # paragraphs
    questions: tuple[str, ...]
    practices: tuple[str, ...]
    closing: tuple[str, ...] = ()
    safety_aware: bool = False


@dataclass(frozen=True)
class OverviewText:
    title: str
    about: tuple[str, ...]
    steps: tuple[tuple[Step, str, str], ...]  # (step, title, description)
    closing: tuple[str, ...] = ()


def default_folder(language: Language | str = DEFAULT) -> Path:
    """Where the shipped texts in *language* are: resources/handouts for English,
    resources/handouts/<code> for the others (the same files, written fresh)."""
    code = Language(language)
    if code is Language.EN:
        return resource_path("handouts")
    return resource_path("handouts", code.value)


def parse(text: str, where: str, allowed: tuple[str, ...]) -> ParsedText:
    """Read *text* in the handout format; *where* names the file in error messages."""
    title = ""
    sections: dict[str, tuple[list[str], list[str]]] = {}
    current: str | None = None
    block: list[str] = []
    kind = ""  # "p" while in a paragraph, "i" while in a list item

    def flush() -> None:
        nonlocal block, kind
        if block and current is not None:
            joined = " ".join(line.strip() for line in block)
            sections[current][0 if kind == "p" else 1].append(joined)
        block, kind = [], ""

    for number, raw in enumerate(_COMMENT.sub("", text).splitlines(), start=1):
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("## "):
            flush()
            name = " ".join(stripped[3:].split()).lower()
            if name not in allowed:
                raise HandoutTextError(
                    ErrorCode.HANDOUT_UNKNOWN_SECTION,
                    where=where,
                    line=number,
                    name=name,
                    allowed=", ".join(allowed),
                )
            if name in sections:
                raise HandoutTextError(
                    ErrorCode.HANDOUT_SECTION_REPEATED, where=where, line=number, name=name
                )
            current = name
            sections[name] = ([], [])
        elif stripped.startswith("# "):
            flush()
            if title:
                raise HandoutTextError(ErrorCode.HANDOUT_TWO_TITLES, where=where, line=number)
            title = stripped[2:].strip()
        elif not stripped:
            flush()
        elif current is None:
            raise HandoutTextError(ErrorCode.HANDOUT_TEXT_BEFORE_SECTION, where=where, line=number)
        elif stripped.startswith("- "):
            flush()
            kind = "i"
            block = [stripped[2:]]
        else:
            if not block:
                kind = "p"
            block.append(stripped)
    flush()
    if not title:
        raise HandoutTextError(ErrorCode.HANDOUT_TEXT_NO_TITLE, where=where)
    return ParsedText(title, {k: Section(tuple(p), tuple(i)) for k, (p, i) in sections.items()})


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HandoutTextError(ErrorCode.HANDOUT_TEXT_MISSING, path=path) from None
    except UnicodeDecodeError:
        raise HandoutTextError(ErrorCode.HANDOUT_TEXT_NOT_UTF8, path=path) from None
    except OSError as exc:
        raise HandoutTextError(
            ErrorCode.HANDOUT_TEXT_UNREADABLE, path=path, reason=exc.strerror
        ) from None


def _need(parsed: ParsedText, where: str, name: str, *, items: bool) -> tuple[str, ...]:
    section = parsed.sections.get(name)
    found = (section.items if items else section.paragraphs) if section else ()
    if not found:
        code = (
            ErrorCode.HANDOUT_SECTION_NEEDS_ITEMS if items else ErrorCode.HANDOUT_SECTION_NEEDS_TEXT
        )
        raise HandoutTextError(code, where=where, name=name)
    return found


def _all_text(section: Section | None) -> tuple[str, ...]:
    return (*section.paragraphs, *section.items) if section else ()


def load_step(
    step: Step,
    folder: Path | None = None,
    *,
    safety_aware: bool = False,
    language: Language | str = DEFAULT,
) -> StepText:
    """One step's words; *safety_aware* gives the version for a case with a safety flag
    (its "safer practices" are required, its "safer questions" optional). *folder*, when
    given, is read whatever the *language*."""
    path = (folder or default_folder(language)) / f"step-{int(step)}.md"
    where = path.name
    parsed = parse(_read(path), where, STEP_SECTIONS)
    questions = _need(parsed, where, "questions", items=True)
    practices = _need(parsed, where, "practices", items=True)
    if safety_aware:
        safer = parsed.sections.get("safer questions")
        questions = safer.items if safer and safer.items else questions
        practices = _need(parsed, where, "safer practices", items=True)
    return StepText(
        step=step,
        title=parsed.title,
        about=_need(parsed, where, "about", items=False),
        questions=questions,
        practices=practices,
        closing=_all_text(parsed.sections.get("closing")),
        safety_aware=safety_aware,
    )


def load_overview(folder: Path | None = None, language: Language | str = DEFAULT) -> OverviewText:
    base = folder or default_folder(language)
    path = base / "overview.md"
    where = path.name
    parsed = parse(_read(path), where, OVERVIEW_SECTIONS)
    steps = []
    for step in Step:
        description = " ".join(_all_text(parsed.sections.get(f"step {int(step)}")))
        if not description:
            raise HandoutTextError(
                ErrorCode.HANDOUT_SECTION_NEEDS_TEXT, where=where, name=f"step {int(step)}"
            )
        steps.append((step, load_step(step, base).title, description))
    return OverviewText(
        title=parsed.title,
        about=_need(parsed, where, "about", items=False),
        steps=tuple(steps),
        closing=_all_text(parsed.sections.get("closing")),
    )
