"""The clinician documents' words: every English text a report says through a Words has
its Spanish, and so does every name of the domain a report may print."""

from __future__ import annotations

import ast
from pathlib import Path

from clarity_desktop.domain import movement
from clarity_desktop.domain.dynamics import Loop, position_label
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import RELATIONSHIP_STRUCTURES, CaseKind, Modality
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.domain.templates import EXTRA_TITLES, Template, section_titles
from clarity_desktop.domain.timeline import INDIVIDUAL_SESSION, PRIVATE_SESSION
from clarity_desktop.reports import brief_facts, chart_kit, clinician_words, note, summary_facts
from clarity_desktop.reports.clinician_words import ENGLISH, SPANISH_WORDS, words
from clarity_desktop.reports.clinician_words_es import SPANISH

ROOTS = [
    Path(clinician_words.__file__).parent,
    Path(clinician_words.__file__).parents[1] / "services",
]


def said_texts() -> set[str]:
    """The string constants passed to a Words: w("..."), doc.words("..."),
    w.count(n, "...", "...")."""
    found: set[str] = set()
    for root in ROOTS:
        for path in root.glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                f = node.func
                name = (
                    f.id
                    if isinstance(f, ast.Name)
                    else f.attr
                    if isinstance(f, ast.Attribute)
                    else ""
                )
                args: list[ast.expr] = []
                if name in ("w", "words") and isinstance(f, ast.Name | ast.Attribute):
                    args = node.args[:1]
                    if isinstance(f, ast.Name) and name == "words":
                        args = []  # words(language) picks a table
                elif name == "count" and isinstance(f, ast.Attribute):
                    args = node.args[1:3]
                for a in args:
                    if isinstance(a, ast.IfExp):
                        found |= {
                            v.value for v in (a.body, a.orelse) if isinstance(v, ast.Constant)
                        }
                    elif isinstance(a, ast.Constant) and isinstance(a.value, str):
                        found.add(a.value)
    return found


def domain_names() -> set[str]:
    names = {s.title for s in Step} | {d.title for d in Direction} | {loop.title for loop in Loop}
    names |= {k.title for k in CaseKind} | {m.title for m in Modality}
    names |= {s.title for s in SessionStatus} | set(RELATIONSHIP_STRUCTURES)
    names |= {position_label(v) for v in range(-3, 4)} | {INDIVIDUAL_SESSION, PRIVATE_SESSION}
    names |= {w for table in movement.WORDS.values() for w in table.values()}
    names |= {v for table in movement.VERBS.values() for v in table.values()}
    names |= {movement.MIXED_VERB, "Both partners"}
    names |= {lang.display_name for lang in Language}
    names |= {t for tpl in Template for t in section_titles(tpl).values()}
    names |= set(EXTRA_TITLES.values()) | {t.title for t in Template} | {note.DRAFT_MARK}
    names |= {summary_facts.PRIVATE, summary_facts.OTHER_LOOP, summary_facts.NOT_SHOWN}
    names |= {summary_facts.TREND_NOTE, chart_kit.PRIVATE_KEY, "active", "closed"}
    names |= {"Joint", "Signed", "Draft", "Booked", "No note"}  # the sessions table's cells
    names |= {
        brief_facts.CLINICIANS_ONLY,
        brief_facts.STANCE,
        brief_facts.RECENT,
        brief_facts.NO_PLAN,
    }
    return names


def test_every_text_said_has_its_spanish() -> None:
    said = said_texts()
    assert len(said) > 60  # the scan finds the reports' words
    missing = sorted((said | domain_names()) - set(SPANISH))
    assert missing == []


def test_no_spanish_entry_is_left_over_or_still_english() -> None:
    same = sorted(k for k, v in SPANISH.items() if k == v and any(c.isalpha() for c in k))
    allowed = {"Individual", "Plan", "DAP", "SOAP", "no"}  # the same word in both
    assert [k for k in same if k not in allowed] == []


def test_the_words_of_each_language() -> None:
    from datetime import date, datetime

    assert words(None) is ENGLISH and words("es") is SPANISH_WORDS
    assert ENGLISH.day(date(2026, 12, 6)) == "6 Dec 2026"
    assert SPANISH_WORDS.day(date(2026, 12, 6)) == "6 dic 2026"
    assert SPANISH_WORDS.day_and_time(datetime(2026, 12, 6, 9, 5), weekday=True) == (
        "dom 6 dic 2026, 09:05"
    )
    assert SPANISH_WORDS.join_names(["Ana", "Inés"]) == "Ana e Inés"
    assert SPANISH_WORDS.step(Step.LEAN_IN) == "3 · Explorar sin prisa"
    assert ENGLISH("{n} of 10", n=4) == "4 of 10"
    assert SPANISH_WORDS("{n} of 10", n=4) == "4 de 10"
