"""Instrument definition files (resources/measures/*.toml, and a practice's own in its
folder's measures/), read and checked here. The format is described in
resources/measures/README.md.

Every refusal names the file and the line, because the person who meets it is editing the
file in a text editor: a TOML slip gets the parser's line, anything else the line of the
offending field (or of the table that lacks one). tomllib keeps no positions, so a light scan
of the text (:func:`key_lines`) maps each key to the line it is written on; it understands
the TOML our definitions use (tables, arrays of tables, dotted keys, one-line values, and
multi-line strings and arrays, which it steps over).

The practice's definitions load after ours; an id already taken is refused rather than
replacing a shipped instrument, so old answer sets are never re-read against another text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clarity_desktop.domain.errors import ClarityError, ErrorCode, Phrase, Wording
from clarity_desktop.domain.instruments import (
    TOTAL,
    Instrument,
    Item,
    Method,
    ResponseScale,
    ScalePoint,
    Scoring,
    Text,
)
from clarity_desktop.domain.languages import Language

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}")
MAX_ITEMS = 60
MAX_POINTS = 11  # 0-10 at most: one key per point on the clinic screen, boxes on one line
_LANGUAGE_KEYS = {code.value for code in Language}

Path_ = tuple[str | int, ...]


class InstrumentFileError(ClarityError):
    """A definition file that cannot be used; ``line`` is where to look (1-based)."""

    def __init__(self, code: ErrorCode, /, **params: object) -> None:
        super().__init__(code, **params)
        line = params.get("line", 1)
        self.line = line if isinstance(line, int) else 1
        self.source = str(params.get("source", ""))


# -- where each key is written ---------------------------------------------------------

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")


def _split_key(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in re.findall(_KEY_PART, dotted))


def key_lines(text: str) -> dict[Path_, int]:
    """The 1-based line of each table and key in *text*, by its path in the parsed data
    (array-of-tables entries by their index)."""
    lines: dict[Path_, int] = {}
    arrays: dict[Path_, int] = {}
    current: Path_ = ()
    closing: str | None = None  # inside a multi-line string: its closing quotes
    depth = 0  # inside a multi-line array: brackets still open

    def resolve(parts: Iterable[str]) -> Path_:
        out: Path_ = ()
        for part in parts:
            out += (part,)
            if out in arrays:
                out += (arrays[out],)
        return out

    for number, raw in enumerate(text.splitlines(), start=1):
        if closing is not None:
            if closing in raw:
                closing = None
            continue
        if depth > 0:
            depth += raw.count("[") - raw.count("]")
            continue
        header = _HEADER.match(raw)
        if header and not raw.lstrip().startswith("#"):
            parts = _split_key(header.group(2))
            if header.group(1) == "[[":
                key = resolve(parts[:-1]) + (parts[-1],)
                arrays[key] = arrays.get(key, -1) + 1
                lines.setdefault(key, number)
                current = (*key, arrays[key])
            else:
                current = resolve(parts)
            lines.setdefault(current, number)
            continue
        key_match = _KEY.match(raw)
        if key_match is None:
            continue
        lines.setdefault(current + _split_key(key_match.group(1)), number)
        rest = raw[key_match.end() :].strip()
        for quotes in ('"""', "'''"):
            if rest.startswith(quotes) and rest.count(quotes) == 1:
                closing = quotes
        if rest.startswith("["):
            depth = rest.count("[") - rest.count("]")
    return lines


def line_of(lines: Mapping[Path_, int], path: Path_) -> int:
    """The line of *path*, or of its nearest written ancestor (a missing key: its table)."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


# -- typed access, every complaint with a line ----------------------------------------


_REQUIRED = object()  # a get() default: the key must be there


class _Table:
    def __init__(self, file: _File, path: Path_, data: Mapping[str, Any]) -> None:
        self.file, self.path, self.data = file, path, data

    def fail(self, key: str | int | None, why: ErrorCode, **params: object) -> InstrumentFileError:
        path = self.path if key is None else (*self.path, key)
        return self.file.fail(path, why, **params)

    def name(self, key: str) -> str:
        return ".".join(str(p) for p in (*self.path, key) if isinstance(p, str))

    def allow(self, keys: Iterable[str]) -> None:
        allowed = set(keys)
        for key in self.data:
            if key not in allowed:
                raise self.fail(key, ErrorCode.MEASURE_WHY_UNKNOWN_FIELD, field=self.name(key))

    def get(self, key: str, kind: type | tuple[type, ...], phrase: Phrase, default: Any) -> Any:
        if key not in self.data:
            if default is _REQUIRED:
                raise self.fail(key, ErrorCode.MEASURE_WHY_MISSING, field=self.name(key))
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
            raise self.fail(key, ErrorCode.MEASURE_WHY_KIND, field=self.name(key), kind=phrase)
        return value

    def whole(self, key: str, low: int, high: int, default: Any = None) -> Any:
        value = self.get(key, int, Phrase.MEASURE_WHOLE_NUMBER, default)
        if isinstance(value, int) and not low <= value <= high:
            raise self.fail(
                key,
                ErrorCode.MEASURE_WHY_OUT_OF_RANGE,
                field=self.name(key),
                value=value,
                low=low,
                high=high,
            )
        return value

    def positive(self, key: str) -> float | None:
        value = self.get(key, (int, float), Phrase.MEASURE_NUMBER, None)
        if value is not None and not value > 0:
            raise self.fail(key, ErrorCode.MEASURE_WHY_NOT_POSITIVE, field=self.name(key))
        return None if value is None else float(value)

    def ident(self, key: str = "id") -> str:
        value: str = self.get(key, str, Phrase.MEASURE_TEXT, _REQUIRED)
        if not ID_PATTERN.fullmatch(value):
            raise self.fail(key, ErrorCode.MEASURE_WHY_BAD_ID, value=value)
        return value

    def sub(self, key: str, default: Any = _REQUIRED) -> _Table | None:
        value = self.get(key, dict, Phrase.MEASURE_TABLE, default)
        return None if value is None else _Table(self.file, (*self.path, key), value)

    def subs(self, key: str) -> list[_Table]:
        value = self.get(key, list, Phrase.MEASURE_LIST, [])
        out = []
        for index, entry in enumerate(value):
            if not isinstance(entry, dict):
                raise self.fail(
                    key, ErrorCode.MEASURE_WHY_KIND, field=self.name(key), kind=Phrase.MEASURE_TABLE
                )
            out.append(_Table(self.file, (*self.path, key, index), entry))
        return out

    def text(self, required: bool = True) -> Text | None:
        """The language keys of this table as one Text: every language the definition
        declares, and no other."""
        given = {k for k in self.data if k in _LANGUAGE_KEYS}
        if not given and not required:
            return None
        pairs = []
        for code in self.file.languages:
            words = self.get(code.value, str, Phrase.MEASURE_TEXT, _REQUIRED).strip()
            if not words:
                raise self.fail(
                    code.value, ErrorCode.MEASURE_WHY_EMPTY, field=self.name(code.value)
                )
            pairs.append((code, " ".join(words.split())))
        for key in given - {c.value for c in self.file.languages}:
            raise self.fail(key, ErrorCode.MEASURE_WHY_LANGUAGE_NOT_DECLARED, field=self.name(key))
        return Text(tuple(pairs))


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


@dataclass
class _File:
    source: str
    lines: dict[Path_, int]
    languages: tuple[Language, ...] = ()

    def fail(self, path: Path_, why: ErrorCode, **params: object) -> InstrumentFileError:
        return InstrumentFileError(
            ErrorCode.MEASURE_FILE_INVALID,
            source=self.source,
            line=line_of(self.lines, path),
            why=Wording(why, **params),
        )


# -- the definition -------------------------------------------------------------------

_TOP = ("id", "version", "languages", "title", "intro", "scale", "items", "total", "subscales")
_SCORING = ("method", "max_skipped", "cutoff", "reliable_change", "below", "at_or_above")
_LANGS = tuple(_LANGUAGE_KEYS)


def parse_instrument(text: str, source: str, *, shipped: bool = True) -> Instrument:
    """The instrument defined by *text*; *source* names the file in every refusal."""
    file = _File(source, key_lines(text))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise InstrumentFileError(
            ErrorCode.MEASURE_FILE_INVALID,
            source=source,
            line=int(found.group(1)) if found else 1,
            why=Wording(
                ErrorCode.MEASURE_WHY_SYNTAX, detail=re.sub(r"\s*\(at .*\)$", "", str(exc))
            ),
        ) from None
    top = _Table(file, (), data)
    top.allow(_TOP)
    ident = top.ident()
    version = top.whole("version", 1, 100_000, _REQUIRED)
    file.languages = _languages(top)
    title = top.sub("title")
    assert title is not None
    title.allow(_LANGS)
    intro = top.sub("intro", None)
    if intro is not None:
        intro.allow(_LANGS)
    scale = _scale(top)
    items = _items(top)
    name = _need(title.text())
    scores = _scores(top, items, name)
    return Instrument(
        id=ident,
        version=version,
        title=name,
        intro=_need(intro.text()) if intro else Text(tuple((c, "") for c in file.languages)),
        languages=file.languages,
        scale=scale,
        items=items,
        scores=scores,
        source=source,
        shipped=shipped,
    )


def _need(text: Text | None) -> Text:
    assert text is not None  # required texts raise when missing
    return text


def _languages(top: _Table) -> tuple[Language, ...]:
    codes = top.get("languages", list, Phrase.MEASURE_LIST, _REQUIRED)
    if not codes:
        raise top.fail("languages", ErrorCode.MEASURE_WHY_EMPTY, field="languages")
    out: list[Language] = []
    for code in codes:
        if not isinstance(code, str) or code not in _LANGUAGE_KEYS:
            raise top.fail("languages", ErrorCode.MEASURE_WHY_UNKNOWN_LANGUAGE, value=str(code))
        if Language(code) in out:
            raise top.fail("languages", ErrorCode.MEASURE_WHY_TWICE, value=code)
        out.append(Language(code))
    return tuple(out)


def _scale(top: _Table) -> ResponseScale:
    scale = top.sub("scale")
    assert scale is not None
    scale.allow(("low", "high", "labels"))
    low = scale.whole("low", 0, 100, _REQUIRED)
    high = scale.whole("high", low + 1, low + MAX_POINTS - 1, _REQUIRED)
    points: list[ScalePoint] = []
    for entry in scale.subs("labels"):
        entry.allow(("value", *_LANGS))
        value = entry.whole("value", low, high, _REQUIRED)
        if any(p.value == value for p in points):
            raise entry.fail("value", ErrorCode.MEASURE_WHY_TWICE, value=str(value))
        points.append(ScalePoint(value, _need(entry.text())))
    for end in (low, high):
        if not any(p.value == end for p in points):
            raise scale.fail("labels", ErrorCode.MEASURE_WHY_END_UNLABELLED, value=end)
    return ResponseScale(low, high, tuple(sorted(points, key=lambda p: p.value)))


def _items(top: _Table) -> tuple[Item, ...]:
    entries = top.subs("items")
    if not entries:
        raise top.fail("items", ErrorCode.MEASURE_WHY_EMPTY, field="items")
    if len(entries) > MAX_ITEMS:
        raise top.fail("items", ErrorCode.MEASURE_WHY_TOO_MANY_ITEMS, most=MAX_ITEMS)
    items: list[Item] = []
    for number, entry in enumerate(entries, start=1):
        entry.allow(("id", "reversed", "skippable", *_LANGS))
        ident = entry.ident()
        if any(i.id == ident for i in items):
            raise entry.fail("id", ErrorCode.MEASURE_WHY_TWICE, value=ident)
        items.append(
            Item(
                id=ident,
                number=number,
                text=_need(entry.text()),
                reversed=entry.get("reversed", bool, Phrase.MEASURE_TRUE_FALSE, False),
                skippable=entry.get("skippable", bool, Phrase.MEASURE_TRUE_FALSE, False),
            )
        )
    return tuple(items)


def _scores(top: _Table, items: tuple[Item, ...], title: Text) -> tuple[Scoring, ...]:
    out: list[Scoring] = []
    total = top.sub("total", None)
    if total is not None:
        total.allow(("items", *_SCORING, *_LANGS))
        out.append(_scoring(total, TOTAL, total.text(required=False) or title, items))
    for entry in top.subs("subscales"):
        entry.allow(("id", "items", *_SCORING, *_LANGS))
        ident = entry.ident()
        if ident == TOTAL or any(s.id == ident for s in out):
            raise entry.fail("id", ErrorCode.MEASURE_WHY_TWICE, value=ident)
        out.append(_scoring(entry, ident, _need(entry.text()), items))
    if not out:
        raise top.fail(None, ErrorCode.MEASURE_WHY_NO_SCORE)
    return tuple(out)


def _scoring(table: _Table, ident: str, title: Text, items: tuple[Item, ...]) -> Scoring:
    known = [i.id for i in items]
    chosen = table.get("items", list, Phrase.MEASURE_LIST, known if ident == TOTAL else _REQUIRED)
    if not chosen:
        raise table.fail("items", ErrorCode.MEASURE_WHY_EMPTY, field=table.name("items"))
    for index, item_id in enumerate(chosen):
        if item_id not in known:
            raise table.fail("items", ErrorCode.MEASURE_WHY_NOT_AN_ITEM, value=str(item_id))
        if item_id in chosen[:index]:
            raise table.fail("items", ErrorCode.MEASURE_WHY_TWICE, value=item_id)
    method = table.get("method", str, Phrase.MEASURE_TEXT, Method.MEAN.value)
    if method not in {m.value for m in Method}:
        raise table.fail("method", ErrorCode.MEASURE_WHY_METHOD, value=method)
    cutoff = table.get("cutoff", (int, float), Phrase.MEASURE_NUMBER, None)
    below, above = table.sub("below", None), table.sub("at_or_above", None)
    for band in (below, above):
        if band is not None:
            band.allow(_LANGS)
            if cutoff is None:
                raise band.fail(None, ErrorCode.MEASURE_WHY_BAND_WITHOUT_CUTOFF)
    return Scoring(
        id=ident,
        title=title,
        item_ids=tuple(chosen),
        method=Method(method),
        max_skipped=table.whole("max_skipped", 0, len(chosen) - 1, 0),
        cutoff=None if cutoff is None else float(cutoff),
        reliable_change=table.positive("reliable_change"),
        below=below.text() if below else None,
        at_or_above=above.text() if above else None,
    )


# -- the files ------------------------------------------------------------------------


def read_instrument(path: Path, *, shipped: bool = True) -> Instrument:
    """The instrument defined in the file at *path*."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InstrumentFileError(ErrorCode.MEASURE_FILE_NOT_UTF8, source=str(path)) from None
    except OSError as exc:
        raise InstrumentFileError(
            ErrorCode.MEASURE_FILE_UNREADABLE, source=str(path), strerror=exc.strerror or ""
        ) from exc
    return parse_instrument(text, str(path), shipped=shipped)


def load_instruments(shipped: Path, practice: Path | None = None) -> tuple[Instrument, ...]:
    """Our definitions (*shipped*, ``resources/measures``), then the practice's own
    (*practice*, ``<practice folder>/measures``, which may not exist), each folder's
    ``*.toml`` in name order. An id used twice is refused, naming both files."""
    found: list[Instrument] = []
    folders = [(shipped, True)] + ([(practice, False)] if practice is not None else [])
    for folder, ours in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            instrument = read_instrument(path, shipped=ours)
            for other in found:
                if other.id == instrument.id:
                    lines = key_lines(path.read_text(encoding="utf-8"))
                    raise InstrumentFileError(
                        ErrorCode.MEASURE_ID_TAKEN,
                        source=str(path),
                        line=line_of(lines, ("id",)),
                        id=instrument.id,
                        other=other.source,
                    )
            found.append(instrument)
    return tuple(found)
