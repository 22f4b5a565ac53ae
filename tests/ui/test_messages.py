"""Every error a user can meet has a code, an English sentence and a translatable one,
and nothing raises a user-facing error with finished text (which could not be translated)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

import clarity_desktop
from clarity_desktop.domain.error_texts import ENGLISH
from clarity_desktop.domain.errors import (
    ClarityError,
    ErrorCode,
    NotFound,
    Phrase,
    ValidationError,
)
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.ui.common.messages import MESSAGES, PHRASES, error_text

PACKAGE = Path(clarity_desktop.__file__).parent


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_english_and_a_translatable_text_with_the_same_slots() -> None:
    assert set(ENGLISH) == set(ErrorCode), "codes without English (domain/error_texts.py)"
    assert set(MESSAGES) == set(ErrorCode), "codes without a message (ui/common/messages.py)"
    for code in ErrorCode:
        assert {f.lower() for f in fields(str(MESSAGES[code]))} == {
            f.lower() for f in fields(ENGLISH[code])
        }, code
    assert set(PHRASES) == set(Phrase)


def test_the_cli_english_reads_as_a_sentence() -> None:
    error = ValidationError(ErrorCode.NAME_TOO_LONG, "x", what=Phrase.CLIENT_NAME, max_name=200)
    assert str(error) == "The client's name is too long (at most 200 characters)."
    assert str(ValidationError(ErrorCode.NAME_MISSING, what=Phrase.PARTNER_2_NAME)) == (
        "Please enter partner 2's name."
    )
    marked = ValidationError(ErrorCode.SESSION_ALREADY_MARKED, status=SessionStatus.NO_SHOW)
    assert str(marked) == "This session is already marked “no-show”."
    inner = ValidationError(ErrorCode.DATE_BIRTH_CANNOT_FUTURE)
    outer = ValidationError(ErrorCode.IMPORT_LINE_REJECTED, line=4, reason=inner)
    assert str(outer) == (
        "Line 4 cannot be imported (A date of birth cannot be in the future); nothing was imported."
    )


def test_the_window_says_the_same_in_english(qapp: object) -> None:
    error = NotFound(ErrorCode.NO_SUCH_CASE, case_id=12)
    assert error_text(error) == "There is no case number 12." == str(error)


def test_finished_text_is_refused_at_once() -> None:
    with pytest.raises(TypeError):
        ValidationError("Please enter a name.")  # type: ignore[arg-type]


def error_classes() -> set[str]:
    """Every ClarityError subclass the program defines, by name."""
    for info in pkgutil.walk_packages([str(PACKAGE)], "clarity_desktop."):
        skip = (".devtools", ".migrations", "__main__")
        if not any(s in info.name for s in skip):
            importlib.import_module(info.name)
    found: set[str] = set()
    todo = [ClarityError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def uncoded(source: str, classes: set[str]) -> list[int]:
    """Lines where one of *classes* is built without an ErrorCode as its first argument
    (finished text, a formatted string, or nothing at all)."""
    tree = ast.parse(source)
    local = {  # a class of the same name defined here, not an error the user sees
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and not any(getattr(b, "id", getattr(b, "attr", "")) in classes for b in node.bases)
    }
    classes = classes - local
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name not in classes or name == "PracticeBusy":  # PracticeBusy has its code
            continue
        first = node.args[0] if node.args else None
        if first is None or isinstance(first, ast.Constant | ast.JoinedStr | ast.BinOp):
            lines.append(node.lineno)
    return lines


def test_the_scan_finds_errors_built_from_text() -> None:
    classes = {"ValidationError", "PracticeNotFound"}
    planted = (
        "raise ValidationError('Please enter a name.', 'name')\n"
        "raise PracticeNotFound(f'There is no practice in {folder}.')\n"
        "raise store.PracticeNotFound('a' + 'b')\n"
        "raise ValidationError()\n"
        "raise ValidationError(ErrorCode.NAME_MISSING, 'name', what=Phrase.CASE_NAME)\n"
        "raise ValidationError(code, 'name')\n"
    )
    assert uncoded(planted, classes) == [1, 2, 3, 4]
    own = "class PracticeNotFound(Exception): pass\nraise PracticeNotFound('internal')\n"
    assert uncoded(own, classes) == []


def test_no_user_facing_error_is_raised_without_a_code() -> None:
    classes = error_classes()
    assert {"ValidationError", "PracticeNotFound", "BackupError", "PracticeInUse"} <= classes
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line in uncoded(path.read_text(encoding="utf-8"), classes):
            offenders.append(f"{path.relative_to(PACKAGE)}:{line}")
    assert offenders == []


def test_every_code_is_used() -> None:
    defined = {c.name for c in ErrorCode}
    listed_only = {"PRACTICE_BUSY"}  # the default of PracticeBusy()
    # The tables themselves name every code; count uses outside them.
    tables = {"error_texts.py", "messages.py"}
    outside = "\n".join(
        p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if p.name not in tables
    )
    unused = {c for c in defined - listed_only if f"ErrorCode.{c}" not in outside}
    assert unused == set()
