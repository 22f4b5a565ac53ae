"""Step guidance for the therapist: what to explore, what to go gently with, which handout
fits, for each of the five steps.

The texts live in ``resources/guidance/step-N.md`` (English) and
``resources/guidance/<code>/step-N.md`` (the same guidance written fresh in another
language, e.g. ``es/``) rather than in code so that a
clinician can read and edit them without touching Python; the format is described in
``resources/guidance/README.md``. It is a strict subset of Markdown on purpose: a typing
slip in a hand-edited file is reported with the file and line, never silently dropped.
Files are read on every call (they are a few hundred bytes), so an edit shows the next
time a case is opened.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from clarity_desktop.domain.errors import ClarityError, ErrorCode, Wording
from clarity_desktop.domain.languages import DEFAULT, Language
from clarity_desktop.domain.steps import Step

EXPLORE = "explore"
GO_GENTLY = "go gently"
HANDOUT = "handout"
SECTIONS = (EXPLORE, GO_GENTLY, HANDOUT)


class GuidanceError(ClarityError):
    """A guidance file is missing or does not follow the format."""


@dataclass(frozen=True)
class Guidance:
    """One step's prompts for the therapist."""

    title: str
    explore: list[str]
    avoid: list[str]
    handout: str


def resources_dir() -> Path:
    """The repository's ``resources/`` folder, or the bundled copy in a frozen build
    (PyInstaller unpacks data files under ``sys._MEIPASS``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def guidance_dir(language: Language | str = DEFAULT) -> Path:
    """resources/guidance for English, resources/guidance/<code> for the others."""
    code = Language(language)
    base = resources_dir() / "guidance"
    return base if code is Language.EN else base / code.value


def guidance_path(
    step: Step, folder: Path | None = None, language: Language | str = DEFAULT
) -> Path:
    """The file for *step*: in *folder* when given (whatever the *language*), else the
    shipped guidance in *language*."""
    base = folder if folder is not None else guidance_dir(language)
    return base / f"step-{int(step)}.md"


def step_guidance(
    step: Step, folder: Path | None = None, language: Language | str = DEFAULT
) -> Guidance:
    """The guidance for *step* in *language*, read from *folder* (default: the shipped
    resources/guidance, or resources/guidance/<code> for a language other than English).

    Raises GuidanceError, naming the file (and line), if it is missing or malformed."""
    path = guidance_path(step, folder, language)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GuidanceError(ErrorCode.GUIDANCE_MISSING, label=step.label, path=path) from None
    except UnicodeDecodeError:
        raise GuidanceError(ErrorCode.GUIDANCE_FILE_NOT_UTF_8, path=path) from None
    except OSError as e:
        raise GuidanceError(
            ErrorCode.GUIDANCE_FILE_COULD_NOT_READ, path=path, strerror=e.strerror
        ) from e
    return parse_guidance(text, str(path))


def parse_guidance(text: str, source: str = "guidance") -> Guidance:
    """Parse the format described in resources/guidance/README.md."""

    def fail(line_no: int, why: ErrorCode, **params: object) -> GuidanceError:
        return GuidanceError(
            ErrorCode.GUIDANCE_FILE_MALFORMED,
            source=source,
            line_no=line_no,
            why=Wording(why, **params),
        )

    title: str | None = None
    items: dict[str, list[str]] = {}
    current: str | None = None
    last_line = 0
    for line_no, raw in enumerate(text.splitlines(), start=1):
        last_line = line_no
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or (stripped.startswith("<!--") and stripped.endswith("-->")):
            continue
        if title is None:
            if not line.startswith("# ") or not line[2:].strip():
                raise fail(line_no, ErrorCode.GUIDANCE_NEEDS_TITLE)
            title = line[2:].strip()
            continue
        if line.startswith("#"):
            if not line.startswith("## "):
                raise fail(line_no, ErrorCode.GUIDANCE_SECTION_HEADING)
            name = " ".join(line[3:].split()).casefold()
            if name not in SECTIONS:
                raise fail(line_no, ErrorCode.GUIDANCE_UNKNOWN_SECTION, name=line[3:].strip())
            if name in items:
                raise fail(line_no, ErrorCode.GUIDANCE_SECTION_TWICE, name=line[3:].strip())
            current = name
            items[name] = []
            continue
        if current is None:
            raise fail(line_no, ErrorCode.GUIDANCE_TEXT_BEFORE_SECTION)
        entries = items[current]
        if current == HANDOUT:
            entries.append(stripped)
        elif stripped.startswith(("- ", "* ")):
            entries.append(stripped[2:].strip())
        elif line[:1].isspace() and entries:
            entries[-1] = f"{entries[-1]} {stripped}"
        else:
            raise fail(line_no, ErrorCode.GUIDANCE_ITEM_DASH)
    if title is None:
        raise fail(max(last_line, 1), ErrorCode.GUIDANCE_EMPTY)
    for name in SECTIONS:
        if name not in items:
            raise fail(last_line, ErrorCode.GUIDANCE_SECTION_MISSING, name=name.capitalize())
        if not items[name]:
            raise fail(last_line, ErrorCode.GUIDANCE_SECTION_EMPTY, name=name.capitalize())
    return Guidance(
        title=title,
        explore=items[EXPLORE],
        avoid=items[GO_GENTLY],
        handout=" ".join(items[HANDOUT]),
    )
