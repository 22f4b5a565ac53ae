"""The progress report's goals and measures: per goal of the plan in force, the progress
marks the notes of the period gave it; per instrument and score, each partner's check-in
scores over the period with the gap between them. Facts and sentences here; summary.py
lays them out as tables.

Privacy, as for the readings (summary_facts.py): a mark or a score given at a private
session (an individual session in couples work is private by default) is left out unless
the clinician includes private sessions' readings on purpose; included, each says where
it was given ("individual session"). A note's comment on a goal is note text and is never
printed here, only the mark. Scores answered outside any session are the partner's own
check-ins and are shown.

Numbers are only what was answered, scored as the definition says: the report describes
how each partner's answers moved and how far apart they were, never a verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.plans import ProgressMark
from clarity_desktop.reports.clinician_words import Words
from clarity_desktop.reports.text import markup


@dataclass(frozen=True)
class GoalMark:
    on: date
    mark: ProgressMark
    privacy_mark: str = ""  # "individual session" / "private session"; "" shareable

    @property
    def private(self) -> bool:
        return bool(self.privacy_mark)


@dataclass(frozen=True)
class GoalInPeriod:
    owner: str  # "" for the couple, else the partner's name
    text: str
    marks: tuple[GoalMark, ...]  # oldest first, every one (privacy decided when shown)


@dataclass(frozen=True)
class PlanInPeriod:
    version: int | None  # the plan in force; None: no version signed
    goals: tuple[GoalInPeriod, ...] = ()


@dataclass(frozen=True)
class ScoreRow:
    on: date
    values: tuple[float | None, ...]  # one per partner, in the table's order
    answered: tuple[bool, ...]  # whether each partner answered (None above: too much skipped)
    gap: float | None  # between the partners, where both answered at that session
    privacy_mark: str = ""

    @property
    def private(self) -> bool:
        return bool(self.privacy_mark)


@dataclass(frozen=True)
class MeasureTable:
    """One score of one instrument over the period, already named in the report's
    language."""

    title: str
    partners: tuple[str, ...]
    rows: tuple[ScoreRow, ...]  # oldest first, every one


# -- what is shown ------------------------------------------------------------------------


def shown_marks(goal: GoalInPeriod, include_private: bool) -> tuple[GoalMark, ...]:
    return tuple(m for m in goal.marks if include_private or not m.private)


def shown_rows(table: MeasureTable, include_private: bool) -> tuple[ScoreRow, ...]:
    return tuple(r for r in table.rows if include_private or not r.private)


def marks_left_out(plan: PlanInPeriod | None, include_private: bool) -> int:
    if plan is None or include_private:
        return 0
    return sum(1 for g in plan.goals for m in g.marks if m.private)


def rows_left_out(tables: tuple[MeasureTable, ...], include_private: bool) -> int:
    if include_private:
        return 0
    return sum(1 for t in tables for r in t.rows if r.private)


# -- how it is said ------------------------------------------------------------------------


def number(value: float | None, w: Words) -> str:
    """A score as answered: 3, 2.4 (2,4 in Spanish); "—" when too much was skipped."""
    if value is None:
        return "—"
    text = f"{round(value, 1):g}"
    return text.replace(".", ",") if w.language is Language.ES else text


def goal_title(goal: GoalInPeriod, w: Words, *, named: bool) -> str:
    """ "The couple: ..." / "Zoë: ..." when *named* (goals of more than one owner)."""
    if not named:
        return goal.text
    return f"{goal.owner or w('The couple')}: {goal.text}"


def marks_text(marks: tuple[GoalMark, ...], w: Words) -> str:
    """ "4 Mar 2025: Moving; 18 Mar 2025: Steady (individual session)"."""
    if not marks:
        return w("Not marked in this period")
    said = []
    for m in marks:
        text = f"{w.day(m.on)}: {w(m.mark.title)}"
        if m.private:
            text += f" ({w(m.privacy_mark)})"
        said.append(text)
    return "; ".join(said)


def marks_count(marks: tuple[GoalMark, ...], w: Words) -> str:
    """ "3 × Moving, 1 × Steady", in the marks' own order of kinds: a summary for a goal
    marked more than a few times in the period."""
    parts = []
    for kind in ProgressMark:
        n = sum(1 for m in marks if m.mark is kind)
        if n:
            parts.append(f"{n} × {w(kind.title)}")
    return ", ".join(parts)


def date_cell(row: ScoreRow, w: Words) -> str:
    day = w.day(row.on)
    return f"{day} ({w(row.privacy_mark)})" if row.private else day


def left_out_line(marks: int, rows: int, w: Words) -> str:
    bits = []
    if marks:
        bits.append(
            w.count(
                marks,
                "{n} goal mark from a private session is left out.",
                "{n} goal marks from private sessions are left out.",
            )
        )
    if rows:
        bits.append(
            w.count(
                rows,
                "{n} check-in from a private session is left out.",
                "{n} check-ins from private sessions are left out.",
            )
        )
    return " ".join(bits)


# -- on the page ---------------------------------------------------------------------------

Grid = Callable[[Sequence[str], Sequence[Sequence[str]], Sequence[float]], Any]


def story(
    plan: PlanInPeriod | None,
    tables: tuple[MeasureTable, ...],
    *,
    include_private: bool,
    w: Words,
    st: Any,
    width: float,
    grid: Grid,
) -> list[Any]:
    """The two sections of the progress report, laid out with summary.py's *grid* and the
    clinician *st*yles."""
    out: list[Any] = [Paragraph(w("Goals of the plan"), st.heading)]
    if plan is None or plan.version is None:
        out.append(Paragraph(w("No treatment plan is signed yet."), st.body))
    elif not plan.goals:
        out.append(Paragraph(w("The plan in force has no goals."), st.body))
    else:
        out.append(
            Paragraph(
                markup(
                    w(
                        "The goals of the plan in force (version {n}), with the progress "
                        "marks the session notes of this period gave them.",
                        n=plan.version,
                    )
                ),
                st.small,
            )
        )
        named = len({g.owner for g in plan.goals}) > 1
        goal_rows = []
        for g in plan.goals:
            marks = shown_marks(g, include_private)
            count = marks_count(marks, w)
            goal_rows.append(
                [
                    goal_title(g, w, named=named),
                    marks_text(marks, w) + (f" ({count})" if len(marks) > 3 else ""),
                ]
            )
        out.append(grid([w("Goal"), w("Progress marks")], goal_rows, [0.42 * width, 0.58 * width]))
    out.append(Paragraph(w("Check-in measures"), st.heading))
    shown = [(t, shown_rows(t, include_private)) for t in tables]
    shown = [(t, rows) for t, rows in shown if rows]
    if not shown:
        out.append(Paragraph(w("No check-in was answered in this period."), st.body))
    for table, rows in shown:
        couple = len(table.partners) == 2
        head = [w("Date"), *table.partners, *([w("Gap")] if couple else [])]
        first = 0.34 * width
        each = (width - first) / (len(head) - 1)
        cells = [
            [
                date_cell(r, w),
                *(number(v, w) if a else "" for v, a in zip(r.values, r.answered, strict=True)),
                *([number(r.gap, w) if r.gap is not None else ""] if couple else []),
            ]
            for r in rows
        ]
        out.append(
            KeepTogether(
                [
                    Paragraph(markup(table.title), st.label),
                    grid(head, cells, [first] + [each] * (len(head) - 1)),
                    Spacer(1, 4),
                ]
            )
        )
    left_out = left_out_line(
        marks_left_out(plan, include_private), rows_left_out(tables, include_private), w
    )
    if left_out:
        out.append(Paragraph(markup(left_out), st.small))
    return out
