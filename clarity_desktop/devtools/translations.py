"""Keep the interface's translation catalogue current: `bash dev.sh translations`.

pyside6-lupdate reads every tr()/translate()/QT_TRANSLATE_NOOP string under
clarity_desktop/ui into resources/translations/clarity_es.ts (no source locations, so
moving code does not churn the file; strings no longer in the code are dropped), then
pyside6-lrelease compiles it to clarity_es.qm, which the program loads
(ui/common/language.py). Translators edit the .ts (Qt Linguist, or by hand) and run this again.
tests/devtools/test_translations.py fails when the committed catalogue is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "clarity_desktop" / "ui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("es",)


def catalogue(language: str) -> Path:
    return FOLDER / f"clarity_{language}.ts"


def compiled(language: str) -> Path:
    return FOLDER / f"clarity_{language}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: beside this Python first (the venv), then PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found; run `bash dev.sh setup` first.")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in UI.rglob("*.py"))


def lupdate(ts: Path, language: str = "es") -> None:
    """Extract the strings into *ts*, keeping the translations it already has."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    command = [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete"]
    subprocess.run(
        [*command, "-target-language", language, *sources(), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    finished: bool
    numerus: bool


def entries(ts: Path) -> list[Entry]:
    """Every message of a .ts file, in file order."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            text = "\n".join(f.text or "" for f in forms) if forms else ""
            if translation is not None and not forms:
                text = translation.text or ""
            finished = translation is not None and translation.get("type") is None
            found.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    text,
                    finished,
                    message.get("numerus") == "yes",
                )
            )
    return found


def main() -> int:
    for language in LANGUAGES:
        ts = catalogue(language)
        lupdate(ts, language)
        lrelease(ts, compiled(language))
        all_ = entries(ts)
        todo = [e for e in all_ if not e.finished]
        print(f"{ts.relative_to(ROOT)}: {len(all_)} messages, {len(todo)} untranslated")
        for e in todo[:20]:
            print(f"  [{e.context}] {e.source!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
