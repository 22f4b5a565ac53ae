"""Cells for CSV files that someone will open in a spreadsheet program.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula, and some also when a tab or carriage return comes first. A name
typed into the program (a clinician's, a case's) could then fetch a web address with
the rows beside it, or start a program. Every CSV the program writes passes its cells
through ``safe_cell``: such a text gets an apostrophe in front, which spreadsheets read
as "this is text" (the usual advice, for example OWASP's on CSV injection). Numbers are
left as numbers; other texts are written exactly as they are.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """*value* as a CSV cell that no spreadsheet runs: None becomes ""."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    return [safe_cell(v) for v in values]
