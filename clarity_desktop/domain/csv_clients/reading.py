"""From bytes to records: the text encoding, the separator, and the CSV records with
the line each starts on. A quotation mark that is never closed, or that closes only on a
later line in the middle of a value, would run many clients together; the file is refused
instead, naming the line where the quote was opened."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from clarity_desktop.domain.errors import ValidationError

MAX_FILE_BYTES = 20 * 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}


class ImportFileError(ValidationError):
    """The file as a whole cannot be read as a client list; nothing was imported."""


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding as a person would name it)."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            f"The file is too large to be a client list (more than {MAX_FILE_BYTES // 2**20} MB)."
        )
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (with byte-order mark)"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError:
                raise ImportFileError(
                    f"The file says it is {label.split(' ')[0]} but is not; "
                    "save it again as CSV (UTF-8)."
                ) from None
    if b"\x00" in data:
        raise ImportFileError("This does not look like a CSV text file (it holds binary data).")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise ImportFileError(
            "The file is in a text encoding that cannot be read (neither UTF-8 nor "
            "Windows-1252); save it again as CSV (UTF-8)."
        ) from None


def sniff_delimiter(text: str) -> str:
    """The separator the header line uses most (outside quotes); comma if none."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for c in header:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in counts:
            counts[c] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties: the earlier in DELIMITERS
    return best if counts[best] else ","


def records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells). Quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last = 0
    try:
        for record in reader:
            start, last = last + 1, reader.line_num
            yield start, record
    except csv.Error:
        raise ImportFileError(
            f"Line {last + 1} cannot be read as CSV: a value is far too long "
            "or a quotation mark is not closed."
        ) from None
