"""The plan's words on screen: what changed between two versions, in the user's language
(domain/plans.py describe_change says the same in English for the command line)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clarity_desktop.domain.plans import ChangeKind, Owner, PlanChange

CHANGES: dict[ChangeKind, object] = {
    ChangeKind.CONCERNS: QT_TRANSLATE_NOOP("PlanWords", "What %1 brings changed"),
    ChangeKind.GOAL_ADDED: QT_TRANSLATE_NOOP("PlanWords", "Goal added for %1: %2"),
    ChangeKind.GOAL_REMOVED: QT_TRANSLATE_NOOP("PlanWords", "Goal of %1 removed: %2"),
    ChangeKind.GOAL_REWORDED: QT_TRANSLATE_NOOP("PlanWords", "Goal of %1 reworded: %2"),
    ChangeKind.GOAL_MOVED: QT_TRANSLATE_NOOP("PlanWords", "Goal now belongs to %1: %2"),
    ChangeKind.OBJECTIVES: QT_TRANSLATE_NOOP("PlanWords", "Objectives changed for the goal: %2"),
    ChangeKind.INTERVENTIONS: QT_TRANSLATE_NOOP("PlanWords", "Interventions changed"),
    ChangeKind.REVIEW_DATE: QT_TRANSLATE_NOOP("PlanWords", "Review date changed"),
    ChangeKind.AGREEMENT: QT_TRANSLATE_NOOP("PlanWords", "The agreement while unsure changed"),
    ChangeKind.AGREEMENT_REVIEW_DATE: QT_TRANSLATE_NOOP(
        "PlanWords", "The agreement's review date changed"
    ),
}


def owner_text(owner: Owner, names: dict[int, str]) -> str:
    if owner is None:
        return QCoreApplication.translate("PlanWords", "the couple")
    return names.get(owner, "?")


def change_text(change: PlanChange, names: dict[int, str]) -> str:
    short = change.text.splitlines()[0] if change.text else ""
    if len(short) > 80:
        short = short[:79] + "…"
    say = QCoreApplication.translate("PlanWords", str(CHANGES[change.kind]))
    return say.replace("%1", owner_text(change.owner, names)).replace("%2", short)
