"""From bytes to records: the text encoding, the separator, and the CSV records with
the line each starts on. A quotation mark that is never closed, or that closes only on a
later line in the middle of a value, would run many clients together; the file is refused
instead, naming the line where the quote was opened."""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import itertools
import re
from collections.abc import Iterator

from clarity_desktop.domain.errors import ErrorCode, ValidationError

MAX_FILE_BYTES = 20 * 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}


class ImportFileError(ValidationError):
    """The file as a whole cannot be read as a client list; nothing was imported."""


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding as a person would name it)."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(ErrorCode.FILE_TOO_LARGE_CLIENT_LIST, number=MAX_FILE_BYTES // 2**20)
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
                    ErrorCode.FILE_ENCODING_MISLABELLED, encoding=label.split(" ")[0]
                ) from None
    if b"\x00" in data:
        raise ImportFileError(ErrorCode.DOES_NOT_LOOK_LIKE_CSV)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise ImportFileError(ErrorCode.FILE_TEXT_ENCODING_CANNOT_READ) from None


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
    """(line where the record starts, cells). Quoted cells may span lines.

    Python's reader (not strict) forgives a quotation mark that is never closed: it reads
    on to the end of the file, and every client after it becomes part of one value. So a
    record that runs over several lines, and the last record, are checked again here
    (check_quotes); a lost quote refuses the whole file, naming its line."""
    lines = io.StringIO(text, newline="").readlines()  # the lines as the reader counts them
    reader = csv.reader(iter(lines), delimiter=delimiter)
    start = last = 0
    try:
        for record in reader:
            start, last = last + 1, reader.line_num
            if last > start:
                check_quotes(lines, start, last, delimiter)
            yield start, record
    except csv.Error:
        # Past the reader's limit on one value (128 KB): often the same lost quote.
        check_quotes(lines, last + 1, len(lines), delimiter)
        raise ImportFileError(ErrorCode.LINE_CANNOT_READ_CSV_VALUE, number=last + 1) from None
    if start:
        check_quotes(lines, start, last, delimiter)  # a quote left open on the last line


def _value_rest(delimiter: str) -> re.Pattern[str]:
    """The rest of a value: up to the separator or the end of the line."""
    return re.compile(f"[^{re.escape(delimiter)}\\r\\n]*")


def _blanks(delimiter: str) -> re.Pattern[str]:
    """Spaces (and tabs, unless tab separates) forgiven after a closing quote."""
    return re.compile(" *" if delimiter == "\t" else "[ \t]*")


_QUOTED_BODY = re.compile(r'[^"]*(?:""[^"]*)*')  # up to the closing quote ("" is a quote)


def check_quotes(lines: list[str], first: int, last: int, delimiter: str) -> None:
    """Read lines *first*..*last* (1-based) as one record, the way the CSV reader does, and
    raise ImportFileError for a quotation mark that is never closed, or that closes on a
    later line with more of the value after it (a stray quote that found a partner
    further down). Scanning stops at the first line break outside quotes: the end of the
    record."""
    raw = "".join(lines[first - 1 : last])
    ends = list(itertools.accumulate(len(line) for line in lines[first - 1 : last]))

    def line_of(pos: int) -> int:
        return first + bisect.bisect_right(ends, pos)

    plain, blanks = _value_rest(delimiter), _blanks(delimiter)
    pos, size = 0, len(raw)
    while pos < size:
        if raw[pos] == '"':  # a quoted value: the reader only honours a quote at its start
            body = _QUOTED_BODY.match(raw, pos + 1)
            assert body is not None  # the pattern matches the empty string
            close = body.end()
            if close >= size:
                raise ImportFileError(ErrorCode.QUOTE_NEVER_CLOSED, line=line_of(pos))
            after = blanks.match(raw, close + 1)
            assert after is not None
            follows = raw[after.end()] if after.end() < size else ""
            spans = line_of(close) > line_of(pos)
            if spans and follows not in ("", delimiter, "\r", "\n"):
                raise ImportFileError(
                    ErrorCode.QUOTE_CLOSED_LATER, line=line_of(pos), closed=line_of(close)
                )
            pos = close + 1
        end = plain.match(raw, pos)
        assert end is not None
        pos = end.end()  # the rest of the value; quotes inside it are kept as written
        if pos >= size or raw[pos] != delimiter:
            return  # a line break outside quotes: the record ends here
        pos += 1
