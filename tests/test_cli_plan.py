"""`clarity-desktop plan --case ID [--review [--since DATE]] [--json]`: a case's treatment
plan, and its review, from the command line."""

from __future__ import annotations

import json
from datetime import date, timedelta

from clarity_desktop.domain.plans import Concern, Goal, Objective, PlanContent
from clarity_desktop.services import plans
from clarity_desktop.services.dto import CaseDetail
from clarity_desktop.store.practice import OpenPractice
from tests.review_case import TODAY, make_review_case
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


def test_plan_review_prints_each_goal_s_notes_and_the_measures_course(
    practice: OpenPractice, couple_case: CaseDetail, passphrase: str
) -> None:
    seeded = make_review_case(practice, couple_case)
    folder, case = str(practice.folder), str(couple_case.id)
    text = run("plan", "--data-dir", folder, "--case", case, "--review", passphrase=passphrase)
    assert text.returncode == 0, text.stderr
    out = text.stdout
    assert f"Review since {TODAY:%d %b %Y} (version 1, signed" in out
    assert (
        "  The couple: Stay curious about each other while unsure\n    Moving 1, Steady 1\n" in out
    )
    assert f"    {TODAY:%d %b %Y}  Moving  asked before assuming  (draft)" in out
    assert "  Łukasz: Say what he needs before he goes quiet\n    Harder for now 1\n" in out
    week_ago, week_on = TODAY - timedelta(days=7), TODAY + timedelta(days=7)
    assert (
        f"    Zoë: 10 ({week_ago:%d %b %Y}) -> 17 ({week_on:%d %b %Y}), a reliable rise, "
        "now at or above the cut-off" in out
    )
    assert "    gap between them: 6 -> 4" in out
    assert "no answer since the review" in out  # the ambivalence check, answered before

    everything = run(
        "plan",
        "--data-dir",
        folder,
        "--case",
        case,
        "--since",
        "2000-01-01",
        "--json",
        passphrase=passphrase,
    )
    assert everything.returncode == 0, everything.stderr
    data = json.loads(everything.stdout)
    assert data["since"] == "2000-01-01" and data["version"] == 1
    couple = data["goals"][0]
    assert couple["counts"] == {"moving": 2, "steady": 1}
    assert [n["session_id"] for n in couple["notes"]] == [s.id for s in seeded.sessions[1:]]
    scale = next(m for m in data["measures"] if m["instrument"] == "practice_scale")
    zoe = scale["scores"][0]["partners"][0]
    assert (zoe["then"]["value"], zoe["now"]["value"], zoe["change"]) == (8, 17, "reliable_rise")
    assert scale["scores"][0]["reliable_change"] == 5.5


def test_plan_review_with_a_bad_day_is_one_sentence(
    practice: OpenPractice, passphrase: str
) -> None:
    result = run(
        "plan",
        "--data-dir",
        str(practice.folder),
        "--case",
        "1",
        "--since",
        "last week",
        passphrase=passphrase,
    )
    assert_clean_error(result, "The date is written YYYY-MM-DD (like 2025-03-04), not 'last week'.")
