"""The committed catalogue matches the code, is wholly translated, and the window speaks
Spanish with it: the glossary's words for the steps, errors with their parameters."""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from clarity_desktop.devtools import translations
from clarity_desktop.domain.errors import ClarityError, ErrorCode, Phrase, ValidationError
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Direction, Step
from clarity_desktop.ui.common import labels, language
from clarity_desktop.ui.common.messages import error_text

TS = translations.catalogue("es")
QM = translations.compiled("es")


def messages(ts: Path) -> set[tuple[str, str]]:
    return {(e.context, e.source) for e in translations.entries(ts)}


def test_the_committed_catalogue_holds_exactly_the_strings_of_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    translations.lupdate(fresh)
    added = messages(fresh) - messages(TS)
    gone = messages(TS) - messages(fresh)
    assert (added, gone) == (set(), set()), "run `bash dev.sh translations` and commit"


def test_every_spanish_entry_is_translated_and_compiled(tmp_path: Path) -> None:
    entries = translations.entries(TS)
    assert len(entries) > 1000
    unfinished = [(e.context, e.source) for e in entries if not e.finished or not e.translation]
    assert unfinished == []
    built = tmp_path / QM.name
    translations.lrelease(TS, built)
    assert built.read_bytes() == QM.read_bytes(), "clarity_es.qm is older than the .ts"


def test_the_marked_slots_survive_translation() -> None:
    def slots(text: str) -> list[str]:
        return sorted(re.findall(r"%[sdn1-9]|\{[^}]*\}", text))

    wrong = [e.source for e in translations.entries(TS) if slots(e.source) != slots(e.translation)]
    assert wrong == []


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    assert language.install("es")  # the catalogue, Qt's own, and the source fallback
    yield
    language.install("en")
    QLocale.setDefault(before)


def test_the_window_uses_the_glossary(spanish: None) -> None:
    assert [labels.label(s) for s in Step] == [
        "Notar el cambio",
        "Nombrar lo que pasa",
        "Explorar sin prisa",
        "Encontrar tu rumbo",
        "Avanzar con intención",
    ]
    assert labels.step_label(Step.LEAN_IN) == "3 · Explorar sin prisa"
    assert [labels.label(d) for d in Direction] == ["Reparar", "Redefinir", "Soltar", "Sin decidir"]


def test_errors_are_said_in_spanish_with_their_parameters(spanish: None) -> None:
    long_name = ValidationError(
        ErrorCode.NAME_TOO_LONG, "name", what=Phrase.CLIENT_NAME, max_name=200
    )
    assert error_text(long_name) == (
        "El nombre del cliente: texto demasiado largo (como máximo 200 caracteres)."
    )
    missing = ValidationError(ErrorCode.NAME_MISSING, what=Phrase.PARTNER_1_NAME)
    assert error_text(missing) == "Escriba el nombre de la persona 1."
    marked = ValidationError(ErrorCode.SESSION_ALREADY_MARKED, status=SessionStatus.NO_SHOW)
    assert error_text(marked) == "Esta sesión ya está marcada como «no se presentó»."
    assert str(marked) == "This session is already marked “no-show”."  # the CLI's English


def test_an_unlikely_date_is_questioned_in_spanish_with_a_spanish_month(spanish: None) -> None:
    from datetime import date

    from clarity_desktop.domain.records import unusual_date_warning

    ahead = unusual_date_warning(date(2028, 1, 5), date(2026, 11, 23), Phrase.SESSION_DATE)
    assert ahead is not None
    assert error_text(ahead) == "La fecha de la sesión es dentro de más de un año (5 ene 2028)."
    back = unusual_date_warning(date(2016, 11, 20), date(2026, 11, 23), Phrase.OPENING_DATE)
    assert back is not None
    assert error_text(back) == "La fecha de apertura es de hace más de 5 años (20 nov 2016)."


def hidden_strings(source: str) -> list[str]:
    """tr()/translate() calls lupdate cannot read: inside an f-string, or with a context
    or text that is not a literal string (then lupdate files nothing, or under the wrong
    context). Returns "line: function" for each."""
    tree = ast.parse(source)
    inside_fstrings = {
        id(n) for j in ast.walk(tree) if isinstance(j, ast.JoinedStr) for n in ast.walk(j)
    }
    owners: dict[int, str] = {}
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef):
            for n in ast.walk(fn):
                owners.setdefault(id(n), fn.name)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if isinstance(func, ast.Name) and name in ("tr", "_tr"):
            found.append(f"{node.lineno}: {owners.get(id(node), '<module>')}")  # no context
            continue
        if name == "tr":
            literal = node.args[:1]
        elif name == "translate" and getattr(func, "value", None) is not None:
            if getattr(func.value, "id", "") != "QCoreApplication":  # type: ignore[attr-defined]
                continue
            literal = node.args[:2]
        else:
            continue
        plain = all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in literal)
        if id(node) in inside_fstrings or not plain or not literal:
            found.append(f"{node.lineno}: {owners.get(id(node), '<module>')}")
    return found


# The few places that translate text marked elsewhere (QT_TRANSLATE_NOOP tables, or the
# domain's words), by function.
LOOKUPS = {
    "common/labels.py": {"text", "label", "flag_text", "names"},
    "common/messages.py": {"say", "error_text"},
    "dashboard/movement_text.py": {"translated"},
    "dashboard/dashboard_style.py": {"tr"},
    "documents/brief_html.py": {"translated"},
    "common/commands.py": {"tr"},
    "documents/document_kinds.py": {"title"},
    "plan/plan_words.py": {"change_text"},
}


def test_the_scan_finds_strings_lupdate_cannot_read() -> None:
    planted = (
        "x = f\"<b>{self.tr('Hidden')}</b>\"\n"
        "y = self.tr(word)\n"
        "z = QCoreApplication.translate(CONTEXT, 'Text')\n"
        "ok = self.tr('Seen') + QCoreApplication.translate('Ctx', 'Seen too')\n"
        "w = _tr('Filed under no context')\n"
    )
    assert sorted(line.split(":")[0] for line in hidden_strings(planted)) == ["1", "2", "3", "5"]


def test_every_string_of_the_interface_is_where_lupdate_reads_it() -> None:
    hidden = []
    for path in sorted(translations.UI.rglob("*.py")):
        rel = path.relative_to(translations.UI).as_posix()
        for spot in hidden_strings(path.read_text(encoding="utf-8")):
            if spot.split(": ")[1] not in LOOKUPS.get(rel, set()):
                hidden.append(f"{rel}:{spot}")
    assert hidden == []


def test_reasons_and_lists_inside_errors_are_said_in_spanish_too(spanish: None) -> None:
    from clarity_desktop.domain.errors import Wording
    from clarity_desktop.services.guidance import parse_guidance

    where = (
        Wording(ErrorCode.PARTNER_AT_STEP, name="Zoë", step=3),
        Wording(ErrorCode.PARTNER_AT_NO_STEP, name="Łukasz"),
    )
    apart = ValidationError(ErrorCode.PARTNERS_DO_NOT_STAND_ONE, "step", where=where)
    assert error_text(apart) == (
        "Los miembros de la pareja no están en un mismo paso registrado "
        "(Zoë en el paso 3, Łukasz aún sin paso); elija el paso para una hoja conjunta."
    )
    with pytest.raises(ClarityError) as malformed:
        parse_guidance("# Explorar\n## Explore\n- a\n## Notas\n", "paso-3.md")
    assert error_text(malformed.value) == (
        "El archivo de orientación paso-3.md tiene un error en la línea 4: "
        "sección desconocida «Notas» (se esperaba Explore, Go gently o Handout)."
    )


def test_integrity_findings_are_said_in_spanish(spanish: None) -> None:
    from clarity_desktop.domain.errors import Wording

    locks = Wording(ErrorCode.INTEGRITY_LOCKS_MISSING, folder="/p", names=("t_a", "t_b"))
    damaged = ClarityError(ErrorCode.PRACTICE_CHECK_FAILED_MORE, problem=locks, more=2)
    assert error_text(damaged) == (
        "La consulta de /p tiene bloqueos de registros ausentes o alterados (t_a, t_b). "
        "(Se encontraron 2 problemas más.)"
    )
    assert str(damaged) == (
        "The practice in /p has record locks missing or altered (t_a, t_b). "
        "(2 more problems found.)"
    )


def test_a_seal_finding_is_said_in_spanish(spanish: None) -> None:
    from datetime import date

    from clarity_desktop.domain.errors import Wording

    note = Wording(ErrorCode.SEAL_NOTE_OF_SESSION, note=7, day=date(2028, 1, 5), case="Ruiz")
    changed = Wording(ErrorCode.SEAL_CHANGED, what=note)
    damaged = ClarityError(ErrorCode.PRACTICE_CHECK_FAILED, problem=changed)
    assert error_text(damaged) == (
        "Nota 7 (sesión del 5 ene 2028, Ruiz): se modificó después de firmarse."
    )
    assert str(damaged) == (
        "Note 7 (session of 05 Jan 2028, Ruiz): it was changed after it was signed."
    )
