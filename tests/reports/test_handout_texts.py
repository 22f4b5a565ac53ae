"""The editable handout text format: what a practice may write, and clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clarity_desktop.domain.steps import Step
from clarity_desktop.reports import resources, texts
from clarity_desktop.reports.texts import HandoutTextError, parse

GOOD = """<!-- a comment
over two lines -->
# A title

## about
First paragraph
wrapped over two lines.

Second paragraph.

## questions
- One?
- Two, which
  continues here?
<!-- dropped -->
- Three?

## practices
- Do a thing.
"""


def test_the_format_reads_titles_paragraphs_items_and_skips_comments() -> None:
    parsed = parse(GOOD, "x.md", texts.STEP_SECTIONS)
    assert parsed.title == "A title"
    assert parsed.sections["about"].paragraphs == (
        "First paragraph wrapped over two lines.",
        "Second paragraph.",
    )
    assert parsed.sections["questions"].items == ("One?", "Two, which continues here?", "Three?")
    assert parsed.sections["practices"].items == ("Do a thing.",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## about\nText.\n", "no “# Title” line"),
        ("# T\nstray\n## about\nx\n", "line 2: text before the first"),
        ("# T\n## aboot\nx\n", "line 2: unknown section “aboot”"),
        ("# T\n## about\nx\n## about\ny\n", "line 4: the section “about” is repeated"),
        ("# T\n# U\n", "line 2: a file has only one title"),
    ],
)
def test_mistakes_are_named_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(HandoutTextError, match="^x.md") as caught:
        parse(text, "x.md", texts.STEP_SECTIONS)
    assert message in str(caught.value)


def test_a_step_file_needs_its_questions_and_practices(tmp_path: Path) -> None:
    (tmp_path / "step-1.md").write_text("# T\n## about\nHello.\n## questions\n- Q?\n")
    with pytest.raises(HandoutTextError, match="step-1.md: the “practices” section needs"):
        texts.load_step(Step.NOTICE_THE_SHIFT, tmp_path)


def test_a_missing_or_garbled_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(HandoutTextError, match="is missing"):
        texts.load_step(Step.LEAN_IN, tmp_path)
    (tmp_path / "step-3.md").write_bytes(b"# \xff\xfe\n")
    with pytest.raises(HandoutTextError, match="not UTF-8"):
        texts.load_step(Step.LEAN_IN, tmp_path)


def test_the_shipped_texts_all_load() -> None:
    for step in Step:
        assert texts.load_step(step).title == step.title
    assert [s for s, _t, _d in texts.load_overview().steps] == list(Step)


def test_resources_are_found_beside_the_package_or_in_a_frozen_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert resources.resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert resources.resource_path("fonts", "LICENSE-DejaVu.txt").is_file()
    assert resources.resource_path("handouts", "overview.md").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("fonts") == tmp_path / "resources" / "fonts"


def test_the_font_licence_ships_with_the_fonts() -> None:
    licence = resources.resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "DejaVu" in licence
    for face in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"):
        assert resources.resource_path("fonts", f"{face}.ttf").stat().st_size > 100_000
