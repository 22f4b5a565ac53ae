"""What the demo's files are read with: typed access to one TOML table whose complaints
name the file and the field by its path (``sessions[3].readings.partner1.stance``), and
refuse a field nobody read, so a misspelt one cannot vanish silently. Shared by
domain/demo_content.py (cases, sessions, readings) and domain/demo_plans.py (plans, goal
links, answers)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class DemoContentError(ValueError):
    """A demo file that cannot be built: says which file, and which line or field."""


def fold(text: str) -> str:
    """One paragraph: the file's line breaks and indentation folded into single spaces."""
    return " ".join(text.split())


class Fields:
    """Typed access to one TOML table; every complaint names the field by its path."""

    def __init__(self, source: str, path: str, table: Mapping[str, Any]) -> None:
        self.source, self.path, self.table = source, path, table
        self.used: set[str] = set()

    def fail(self, key: str, message: str) -> DemoContentError:
        where = f"{self.path}.{key}" if self.path else key
        return DemoContentError(f"{self.source}: {where}: {message}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        self.used.add(key)
        if key not in self.table:
            if default is REQUIRED:
                raise self.fail(key, "missing")
            return default
        value = self.table[key]
        # bool is an int in Python, never in these files
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise self.fail(key, f"expected {_kind_name(kind)}, found {value!r}")
        return value

    def number(self, key: str, low: int, high: int, default: Any = None) -> Any:
        value = self.get(key, int, default)
        if isinstance(value, int) and not low <= value <= high:
            raise self.fail(key, f"{value} is outside {low}..{high}")
        return value

    def choice(self, key: str, enum: type[Any], default: Any = None) -> Any:
        value = self.get(key, str, default)
        if not isinstance(value, str):
            return value
        try:
            return enum(value)
        except ValueError:
            names = ", ".join(str(m.value) for m in enum)
            raise self.fail(key, f"{value!r} is not one of {names}") from None

    def sub(self, key: str, index: int | None = None) -> Fields:
        self.used.add(key)
        value = self.table.get(key, {}) if index is None else self.table[key][index]
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table, found {value!r}")
        name = key if index is None else f"{key}[{index + 1}]"
        return Fields(self.source, f"{self.path}.{name}" if self.path else name, value)

    def done(self) -> None:
        """Refuse keys nobody read: a misspelt field must not vanish silently."""
        for key in self.table:
            if key not in self.used:
                raise self.fail(key, "unknown field")


REQUIRED = object()


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "text", int: "a whole number", bool: "true or false", list: "a list"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)
