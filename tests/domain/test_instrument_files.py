"""Definition files: ours load, and every malformed file is refused naming the file and
the line a person would have to fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clarity_desktop.domain.errors import ErrorCode
from clarity_desktop.domain.instrument_files import (
    InstrumentFileError,
    key_lines,
    load_instruments,
    parse_instrument,
)
from tests.domain.instrument_examples import LICENSED, SHIPPED

TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SHIPPED.glob("*.toml"))}
TEXTS["practice_scale.toml"] = LICENSED
KEY_LINE = re.compile(r"\s*[a-z_]+\s*=")


def key_line_numbers(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if KEY_LINE.match(line)]


def refusal(text: str, name: str = "x.toml") -> InstrumentFileError:
    with pytest.raises(InstrumentFileError) as caught:
        parse_instrument(text, name)
    return caught.value


def with_line(text: str, number: int, new: str | None) -> str:
    lines = text.splitlines()
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    return "\n".join(lines) + "\n"


def test_ours_load_in_english_and_spanish_with_their_words_whole() -> None:
    ours = load_instruments(SHIPPED)
    assert {i.id for i in ours} == {"session_check_in", "ambivalence_check"}
    for instrument in ours:
        assert instrument.shipped
        assert set(instrument.languages) == {"en", "es"}
        for item in instrument.items:
            english, spanish = item.text.in_language("en"), item.text.in_language("es")
            assert english and spanish and english != spanish


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(TEXTS)), st.data())
def test_a_wrong_kind_of_value_is_refused_at_its_own_line(name: str, data: st.DataObject) -> None:
    text = TEXTS[name]
    number = data.draw(st.sampled_from(key_line_numbers(text)))
    key = text.splitlines()[number - 1].split("=")[0]
    error = refusal(with_line(text, number, f"{key}= {{ oops = 1 }}"), name)
    assert error.code is ErrorCode.MEASURE_FILE_INVALID
    assert (error.source, error.line) == (name, number)
    assert f"{name}, line {number}:" in str(error)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(TEXTS)), st.data())
def test_an_unknown_field_is_refused_at_its_own_line(name: str, data: st.DataObject) -> None:
    text = TEXTS[name]
    after = data.draw(st.sampled_from(key_line_numbers(text)))
    lines = text.splitlines()
    lines.insert(after, "colour = 'blue'")
    error = refusal("\n".join(lines), name)
    assert error.line == after + 1
    assert error.params["why"].code is ErrorCode.MEASURE_WHY_UNKNOWN_FIELD  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(TEXTS)), st.data())
def test_a_toml_slip_is_refused_at_the_parser_s_line(name: str, data: st.DataObject) -> None:
    text = TEXTS[name]
    number = data.draw(st.integers(1, len(text.splitlines())))
    lines = text.splitlines()
    lines.insert(number - 1, "= a value with no key")
    error = refusal("\n".join(lines), name)
    assert error.line == number
    assert error.params["why"].code is ErrorCode.MEASURE_WHY_SYNTAX  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(TEXTS)), st.data())
def test_any_line_removed_still_loads_or_is_refused_with_a_line_in_the_file(
    name: str, data: st.DataObject
) -> None:
    text = TEXTS[name]
    length = len(text.splitlines())
    number = data.draw(st.integers(1, length))
    try:
        parse_instrument(with_line(text, number, None), name)
    except InstrumentFileError as error:
        assert 1 <= error.line <= length
        assert error.source == name


@pytest.mark.parametrize(
    ("old", "new", "why", "line_text"),
    [
        (
            'id = "heard"',
            'id = "safe_to_speak"',
            ErrorCode.MEASURE_WHY_TWICE,
            'id = "safe_to_speak"',
        ),
        ("high = 4", "high = 40", ErrorCode.MEASURE_WHY_OUT_OF_RANGE, "high = 40"),
        ('method = "mean"', 'method = "median"', ErrorCode.MEASURE_WHY_METHOD, 'method = "median"'),
        (
            'languages = ["en", "es"]',
            'languages = ["en", "fr"]',
            ErrorCode.MEASURE_WHY_UNKNOWN_LANGUAGE,
            "languages",
        ),
        (
            'id = "session_check_in"',
            'id = "Session check-in"',
            ErrorCode.MEASURE_WHY_BAD_ID,
            "Session check-in",
        ),
        ('es = "Nada"', "", ErrorCode.MEASURE_WHY_MISSING, "[[scale.labels]]"),
        ('en = "Very much"', 'en = "  "', ErrorCode.MEASURE_WHY_EMPTY, 'en = "  "'),
        (
            "max_skipped = 1",
            "max_skipped = 5",
            ErrorCode.MEASURE_WHY_OUT_OF_RANGE,
            "max_skipped = 5",
        ),
        (
            "max_skipped = 1",
            "reliable_change = -1",
            ErrorCode.MEASURE_WHY_NOT_POSITIVE,
            "reliable_change",
        ),
        (
            'es = "Cómo se sintió la sesión"',
            "es = 'z'\n[total.below]\nen = 'x'\nes = 'y'",
            ErrorCode.MEASURE_WHY_BAND_WITHOUT_CUTOFF,
            "[total.below]",
        ),
    ],
)
def test_each_kind_of_mistake_names_the_line_to_fix(
    old: str, new: str, why: ErrorCode, line_text: str
) -> None:
    text = TEXTS["session_check_in.toml"]
    assert old in text
    broken = text.replace(old, new, 1)
    error = refusal(broken, "session_check_in.toml")
    assert error.params["why"].code is why  # type: ignore[attr-defined]
    assert line_text in broken.splitlines()[error.line - 1]


def test_a_subscale_naming_an_unknown_item_is_refused_at_its_items_line() -> None:
    text = TEXTS["ambivalence_check.toml"].replace('"hurried"]', '"hurry"]')
    error = refusal(text)
    assert error.params["why"].code is ErrorCode.MEASURE_WHY_NOT_AN_ITEM  # type: ignore[attr-defined]
    assert '"hurry"]' in text.splitlines()[error.line - 1]


def test_a_definition_with_no_score_is_refused() -> None:
    text = TEXTS["session_check_in.toml"].split("[total]")[0]
    assert refusal(text).params["why"].code is ErrorCode.MEASURE_WHY_NO_SCORE  # type: ignore[attr-defined]


def test_the_key_scan_knows_arrays_of_tables_dotted_keys_and_multi_line_values() -> None:
    text = '[[a]]\nx = """\nb = 1\n"""\n[[a]]\ny.z = [\n  1,\n]\n[a.t]\nw = 2\n'
    lines = key_lines(text)
    assert lines[("a", 0, "x")] == 2 and ("a", 0, "b") not in lines
    assert lines[("a", 1)] == 5 and lines[("a", 1, "y", "z")] == 6
    assert lines[("a", 1, "t", "w")] == 10


def test_a_practice_adds_its_own_definitions_after_ours_and_may_not_take_an_id(
    tmp_path: Path,
) -> None:
    (tmp_path / "practice_scale.toml").write_text(LICENSED, encoding="utf-8")
    loaded = load_instruments(SHIPPED, tmp_path)
    assert [i.id for i in loaded][-1] == "practice_scale"
    assert not loaded[-1].shipped
    assert load_instruments(SHIPPED, tmp_path / "none") == load_instruments(SHIPPED)
    clash = LICENSED.replace('id = "practice_scale"', '\n\nid = "session_check_in"')
    (tmp_path / "zz_clash.toml").write_text(clash, encoding="utf-8")
    with pytest.raises(InstrumentFileError) as caught:
        load_instruments(SHIPPED, tmp_path)
    assert caught.value.code is ErrorCode.MEASURE_ID_TAKEN
    assert caught.value.line == 3
    assert "zz_clash.toml" in str(caught.value) and "session_check_in.toml" in str(caught.value)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes('title = "Años"'.encode("latin-1"))
    with pytest.raises(InstrumentFileError) as caught:
        load_instruments(SHIPPED, tmp_path)
    assert caught.value.code is ErrorCode.MEASURE_FILE_NOT_UTF8


def test_the_readme_s_example_is_a_definition_that_loads() -> None:
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    instrument = parse_instrument(example, "README.md", shipped=False)
    assert [s.id for s in instrument.scores] == ["total", "first_part"]
    assert instrument.scoring("total").cutoff == 6
