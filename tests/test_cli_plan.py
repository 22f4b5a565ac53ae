"""`clarity-desktop plan --case ID [--json]`: a case's treatment plan from the command line."""

from __future__ import annotations

import json
from datetime import date, timedelta

from clarity_desktop.domain.plans import Concern, Goal, Objective, PlanContent
from clarity_desktop.services import plans
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice
from tests.test_cli import assert_clean_error, run

LATER = date.today() + timedelta(days=30)


def test_plan_shows_the_version_in_force_the_draft_and_what_changed(
    practice: OpenPractice, couple_case: CaseDetail, passphrase: str
) -> None:
    folder = str(practice.folder)
    empty = run("plan", "--data-dir", folder, "--case", str(couple_case.id), passphrase=passphrase)
    assert empty.returncode == 0, empty.stderr
    assert "No treatment plan yet." in empty.stdout
    zoe = couple_case.partners[0].id
    first = plans.start_version(practice.uow(), couple_case.id).draft
    assert first is not None
    plans.save_draft(
        practice.uow(),
        first.id,
        PlanContent(
            concerns=(Concern(zoe, "Feels alone in trying"),),
            goals=(Goal(None, "Stay curious while unsure", (Objective("Ask first", LATER),)),),
            review_on=LATER,
            agreement="No big practical steps before the review.",
            agreement_review_on=LATER,
        ),
    )
    plans.sign_plan(practice.uow(), first.id)
    second = plans.start_version(practice.uow(), couple_case.id).draft
    assert second is not None
    plans.save_draft(practice.uow(), second.id, PlanContent(goals=second.content.goals))

    text = run("plan", "--data-dir", folder, "--case", str(couple_case.id), passphrase=passphrase)
    assert text.returncode == 0, text.stderr
    out = text.stdout
    assert "Plan in force: version 1, signed" in out and "Dana Reyes, LMFT" in out
    assert "Zoë\n    brings: Feels alone in trying" in out
    assert f"      - Ask first (by {LATER:%d %b %Y})" in out
    assert "While we are unsure" in out
    assert "Draft: version 2 (not signed)" in out
    assert "  2  draft  What Zoë brings changed; Review date changed;" in out

    as_json = run(
        "plan", "--data-dir", folder, "--case", str(couple_case.id), "--json", passphrase=passphrase
    )
    data = json.loads(as_json.stdout)
    assert (data["current"], data["draft"]) == (1, 2)
    v1 = data["versions"][0]
    assert v1["goals"][0]["partner_id"] is None
    assert v1["goals"][0]["objectives"] == [{"text": "Ask first", "target_on": LATER.isoformat()}]
    assert data["versions"][1]["agreement"] == ""


def test_plan_of_a_case_that_does_not_exist_is_one_clean_sentence(
    practice: OpenPractice, passphrase: str
) -> None:
    result = run("plan", "--data-dir", str(practice.folder), "--case", "404", passphrase=passphrase)
    assert_clean_error(result, "There is no case number 404.")
