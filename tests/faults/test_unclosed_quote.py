"""A quotation mark that is opened and never closed must not swallow the rest of a client
list into one client: the file is refused, naming the line where the quote was opened,
in the preview (what the import dialog shows) and on the command line, and nothing is
stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clarity_desktop import cli
from clarity_desktop.domain.csv_clients import ImportFileError, preview_import
from clarity_desktop.store.models import Case
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.ui.documents.import_dialog import ImportDialog

TODAY = date(2025, 6, 1)

# Line 3 opens a quote in the pronouns column and never closes it.
UNCLOSED = (
    "Name,Pronouns,Date of birth,E-mail\n"
    "Amira Haddad,she/her,1985-03-25,amira@example.org\n"
    'Bo Li,"he/him,1990-04-03,bo@example.org\n'
    "Cleo Raman,she/they,1979-11-30,cleo@example.org\n"
    "Dev Okafor,he/him,1988-02-14,dev@example.org\n"
)

# Line 3 opens a quote that a stray quote on line 5 closes, in the middle of a value:
# lines 3 to 5 would become one client.
PAIRED_LATER = (
    "Name,Pronouns,Date of birth,E-mail\n"
    "Amira Haddad,she/her,1985-03-25,amira@example.org\n"
    'Bo Li,"he/him,1990-04-03,bo@example.org\n'
    "Cleo Raman,she/they,1979-11-30,cleo@example.org\n"
    'Dev "Dee" Okafor,he/him,1988-02-14,dev@example.org\n'
    "Eve Hale,she/her,1992-07-01,eve@example.org\n"
)


@pytest.mark.parametrize("text", [UNCLOSED, PAIRED_LATER], ids=["never-closed", "paired-later"])
def test_the_preview_refuses_the_file_and_names_the_line(text: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        preview_import(text, (), TODAY)
    message = str(caught.value)
    assert "line 3" in message.lower() and "quotation mark" in message
    assert message.endswith(".") and "\n" not in message


def test_a_long_tail_after_the_quote_names_the_line_too() -> None:
    """Past 128 KB the CSV reader gives up on its own; the line must still be the quote's."""
    rows = "".join(f"Client {i},they/them,1980-01-01,c{i}@example.org\n" for i in range(4000))
    text = 'Name,Pronouns,Date of birth,E-mail\nAmira,"she/her,1985-03-25,a@example.org\n' + rows
    with pytest.raises(ImportFileError) as caught:
        preview_import(text, (), TODAY)
    message = str(caught.value)
    assert "line 2" in message.lower() and "quotation mark" in message
    assert "too long" not in message  # it says which of the two it is


def test_the_command_line_refuses_with_the_line_and_stores_nothing(
    tmp_path: Path,
    practice: OpenPractice,
    passphrase: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CLARITY_PASSPHRASE", passphrase)
    path = tmp_path / "clients.csv"
    path.write_text(UNCLOSED, encoding="utf-8")
    for extra in (["--dry-run"], []):
        code = cli.main(["import", "--data-dir", str(practice.folder), str(path), *extra])
        out, err = capsys.readouterr()
        assert code == 2
        assert err.count("\n") == 1 and "line 3" in err.lower() and "quotation mark" in err
        assert "will be added" not in out
    with practice.uow() as uow:
        assert uow.session.execute(select(func.count(Case.id))).scalar_one() == 0


def test_the_import_dialog_says_which_line_and_offers_no_import(
    qtbot: QtBot, tmp_path: Path, practice: OpenPractice
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(UNCLOSED, encoding="utf-8")
    dialog = ImportDialog(practice)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    qtbot.waitUntil(lambda: "line 3" in dialog.error_banner.message().lower(), timeout=5000)
    assert "quotation mark" in dialog.error_banner.message()
    assert dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
