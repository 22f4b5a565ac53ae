"""Step guidance: the shipped texts load for every step, the format is parsed as
documented, and a missing or malformed file is reported with its path and line."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from clarity_desktop.domain.errors import ClarityError
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import guidance
from clarity_desktop.services.guidance import (
    GuidanceError,
    guidance_dir,
    parse_guidance,
    step_guidance,
)

GOOD = """\
<!-- a comment the parser skips -->
# Lean In

## Go gently
- Deciding now.
- Siding with one pull,
  or with the other.

## Explore
- What still matters.

## Handout
"Where you are: Lean In",
with the both-sides questions.
"""


@pytest.mark.parametrize("step", list(Step))
def test_every_step_has_guidance_shipped(step: Step) -> None:
    g = step_guidance(step)
    assert g.title == step.title
    assert len(g.explore) >= 3 and len(g.avoid) >= 2
    assert all(item and not item.startswith("-") for item in g.explore + g.avoid)
    assert g.handout.startswith(f"“{step.title}” (step {int(step)})")


def test_the_format_continues_items_skips_comments_and_joins_the_handout() -> None:
    g = parse_guidance(GOOD, "step-3.md")
    assert g.title == "Lean In"
    assert g.explore == ["What still matters."]
    assert g.avoid == ["Deciding now.", "Siding with one pull, or with the other."]
    assert g.handout == '"Where you are: Lean In", with the both-sides questions.'


def test_a_folder_can_be_given_and_edits_show_at_once(tmp_path: Path) -> None:
    (tmp_path / "step-3.md").write_text(GOOD, encoding="utf-8")
    assert step_guidance(Step.LEAN_IN, tmp_path).explore == ["What still matters."]
    (tmp_path / "step-3.md").write_text(GOOD.replace("still matters", "matters now"), "utf-8")
    assert step_guidance(Step.LEAN_IN, tmp_path).explore == ["What matters now."]


def test_a_missing_file_names_the_step_and_the_path(tmp_path: Path) -> None:
    with pytest.raises(GuidanceError) as e:
        step_guidance(Step.FIND_YOUR_DIRECTION, tmp_path)
    message = str(e.value)
    assert "4 · Find Your Direction" in message and str(tmp_path / "step-4.md") in message
    assert isinstance(e.value, ClarityError)


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        ("", 1, "empty"),
        ("Lean In\n## Explore\n- a\n", 1, "title"),
        ("# Lean In\n# Again\n", 2, "only one title"),
        ("# Lean In\n- stray item\n", 2, "before the first section"),
        ("# Lean In\n## Explore\n- a\n## Notes\n- b\n", 4, "unknown section “Notes”"),
        ("# Lean In\n## Explore\n- a\n## explore\n- b\n", 4, "appears twice"),
        ("# Lean In\n## Explore\nno dash here\n", 3, "starts with “- ”"),
        ("# Lean In\n## Explore\n- a\n## Go gently\n- b\n", 5, "“Handout” is missing"),
        ("# Lean In\n## Explore\n- a\n## Go gently\n## Handout\nh\n", 6, "“Go gently” is empty"),
    ],
)
def test_a_malformed_file_says_which_file_line_and_why(
    tmp_path: Path, text: str, line: int, why: str
) -> None:
    (tmp_path / "step-3.md").write_text(text, encoding="utf-8")
    with pytest.raises(GuidanceError) as e:
        step_guidance(Step.LEAN_IN, tmp_path)
    message = str(e.value)
    assert str(tmp_path / "step-3.md") in message
    assert f"line {line}:" in message
    assert why in message


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    (tmp_path / "step-1.md").write_bytes("# Notice\n## Explore\n- caf\xe9\n".encode("latin-1"))
    with pytest.raises(GuidanceError, match="not UTF-8"):
        step_guidance(Step.NOTICE_THE_SHIFT, tmp_path)


def test_resources_are_found_beside_the_package_or_in_a_frozen_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert guidance_dir() == Path(guidance.__file__).resolve().parents[2] / "resources" / "guidance"
    assert (guidance_dir() / "README.md").is_file()  # the format is documented beside the texts
    shutil.copytree(guidance_dir(), tmp_path / "resources" / "guidance")
    (tmp_path / "resources" / "guidance" / "step-2.md").write_text(
        GOOD.replace("Lean In", "Bundled"), encoding="utf-8"
    )
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert guidance_dir() == tmp_path / "resources" / "guidance"
    assert step_guidance(Step.NAME_WHATS_HAPPENING).title == "Bundled"
