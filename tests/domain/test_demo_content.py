"""The demo files' reader: a good file becomes a case; a bad one is refused with one
sentence naming the file and the line (TOML syntax) or the field (content)."""

from __future__ import annotations

from datetime import time

import pytest

from clarity_desktop.domain.demo_content import DemoContentError, load_case
from clarity_desktop.domain.dynamics import Loop
from clarity_desktop.domain.records import CaseKind, Modality
from clarity_desktop.domain.steps import Direction
from clarity_desktop.domain.templates import Template

GOOD = '''
structure = "Dating"
weekday = "Wednesday"
at = 17:00:00
minutes = 60
safety_note = """
Screened separately.
  No concerns.
"""

[[partners]]
name = "Ana"
age = 30
birthday = "02-29"

[[partners]]
name = "Bo"
pronouns = "they/them"
age = 33
birthday = "12-01"

[[sessions]]
weeks_ago = 2
steps = [1, 2]
partner_steps = { 1 = 2, 2 = 1 }

[sessions.note]
focus = """
First
   meeting.
"""

[sessions.readings]
partner1 = { position = 2, stance = 6, clarity = 3, flooded = "Went quiet." }
couple = { intensity = 4, loops = ["pursue_withdraw"], co_regulation = true, repairs = [2, 1] }

[[sessions]]
weeks_ago = 1
attending = 2
weekday = "Friday"
at = 09:30:00
modality = "telehealth"
template = "dap"
steps = [4]
partner_steps = { 2 = 4 }
signed = false

[sessions.note]
data = "Alone."

[sessions.readings]
partner2 = { clarity = 7, direction = "repair" }
'''


def test_a_good_file_becomes_a_case() -> None:
    case = load_case(GOOD, "09-test.toml")
    assert case.name == "09-test" and case.kind is CaseKind.COUPLE
    assert (case.weekday, case.at, case.minutes) == (2, time(17), 60)
    assert case.safety_note == "Screened separately. No concerns."
    assert [p.birthday for p in case.people] == [(2, 29), (12, 1)]
    first, second = case.sessions
    assert first.sections == {"focus": "First meeting."}
    assert first.readings[1].flooded and first.readings[1].flooding_note == "Went quiet."
    assert first.couple is not None and first.couple.loops == {Loop.PURSUE_WITHDRAW}
    assert (first.couple.repair_attempts, first.couple.repairs_landed) == (2, 1)
    assert second.attending == 2 and second.weekday == 4 and second.at == time(9, 30)
    assert second.modality is Modality.TELEHEALTH and second.template is Template.DAP
    assert not second.signed and second.readings[2].direction is Direction.REPAIR


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("minutes = 60", 'minutes = "sixty"'), r"09-test\.toml: minutes: expected a whole"),
        (('weekday = "Wednesday"', 'weekday = "Sunday"'), r"weekday: 'Sunday' is not a weekday"),
        (("age = 30", "aged = 30"), r"partners\[1\]\.age: missing"),
        (('birthday = "12-01"', 'birthday = "1 Dec"'), r"partners\[2\]\.birthday: expected MM-DD"),
        (("steps = [4]", "steps = [6]"), r"sessions\[2\]\.steps: expected steps 1 to 5"),
        (("partner_steps = { 2 = 4 }", "partner_steps = { 1 = 4 }"), r"partner_steps: '1' is not"),
        (('data = "Alone."', 'focus = "Alone."'), r"sessions\[2\]\.note\.focus: not a section"),
        (("partner2 = {", "partner1 = {"), r"sessions\[2\]\.readings\.partner1: unknown field"),
        (("stance = 6", "stance = 11"), r"readings\.partner1\.stance: 11 is outside 0\.\.10"),
        (('"pursue_withdraw"', '"chase"'), r"readings\.couple\.loops: 'chase' is not one of"),
        (("signed = false", 'signed = "no"'), r"sessions\[2\]\.signed: expected true or false"),
        (("signed = false", "sined = false"), r"sessions\[2\]\.sined: unknown field"),
        (('direction = "repair"', 'direction = "stay"'), r"partner2\.direction: 'stay' is not"),
    ],
)
def test_a_bad_field_is_named(change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(DemoContentError, match=message):
        load_case(GOOD.replace(old, new, 1), "09-test.toml")


def test_a_couple_reading_at_an_individual_session_is_refused() -> None:
    bad = GOOD.replace("partner2 = { clarity", "couple = { intensity = 3 }\npartner2 = { clarity")
    with pytest.raises(DemoContentError, match=r"sessions\[2\]\.readings\.couple: .*joint"):
        load_case(bad, "09-test.toml")


def test_broken_toml_names_the_line() -> None:
    bad = GOOD.replace("minutes = 60", "minutes = 60 60")
    with pytest.raises(DemoContentError, match=r"^09-test\.toml: .*line 5"):
        load_case(bad, "09-test.toml")
