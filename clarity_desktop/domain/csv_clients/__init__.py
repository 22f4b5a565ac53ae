"""Reading a client list exported by another practice system (CSV), for moving in.

Pure text work: bytes or text in, an ImportPreview out. Nothing is stored here; the
importer service turns an accepted preview into cases, all or nothing.

Why the rules are what they are:

- Header names are matched loosely (case, spaces, punctuation and accents ignored;
  synonyms such as "Given name", "Surname", "DOB", "Mobile"), because every practice
  system spells them differently. A hint in brackets ("DOB (MM/DD/YYYY)") is read too.
- Dates: ISO (2024-03-01), written months (1 Mar 2024, March 1, 2024) and numbers
  (01/03/2024). Numbers alone cannot say whether 01/03 is 1 March or 3 January, and a
  wrong guess silently corrupts a clinical record, so the rule is: the caller's choice
  (day_first True/False) wins; otherwise a bracketed header hint; otherwise the file
  decides (any date whose first number is above 12 means day first, whose second is
  above 12 means month first); if the file cannot decide, the preview says the order
  is unresolved and nothing can be imported until someone chooses. Dates that
  contradict the chosen order are rejected rows, never guessed.
- A birth date in the future is impossible: the row is rejected. One more than 120
  years ago is refused by the records rules, so it is rejected too. Unusual but
  possible dates (more than 110 years ago, a client younger than 16, a two-digit year
  whose century was inferred) are warnings: the therapist decides.
- A likely duplicate (the same name ignoring case, accents, spaces and punctuation, as
  an existing client or another row; or the same e-mail address) is a warning, not a
  block: two clients may share a name.
- Text is kept as written (normalised to NFC): right-to-left scripts, bidirectional
  marks and emoji sequences survive; only control characters are dropped and runs of
  white space in a value become one space.
- Encodings: UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark
  (spreadsheet "Unicode text"), else Windows-1252. Delimiters: comma, semicolon, tab
  or bar, whichever the header line uses most.
- A quotation mark opened and never closed (or closed only on a later line, in the
  middle of a value) would run the rest of the file, or several rows, into one client:
  the file is refused, naming the line where the quote was opened (reading.py).

The package: fields.py (headers, cell text), dates.py, reading.py (bytes to records),
rows.py (one row to a client or a reason), preview.py (the whole file).
"""

from clarity_desktop.domain.csv_clients.dates import (
    MONTH_NAMES,
    MONTHS,
    WrittenDate,
    describe_date,
    parse_written_date,
)
from clarity_desktop.domain.csv_clients.fields import (
    SYNONYMS,
    Field,
    clean_cell,
    field_of,
    name_key,
    normalise_header,
)
from clarity_desktop.domain.csv_clients.preview import (
    MAX_ROWS,
    ImportPreview,
    PreviewRow,
    RejectedRow,
    preview_import,
)
from clarity_desktop.domain.csv_clients.reading import (
    DELIMITER_NAMES,
    DELIMITERS,
    MAX_FILE_BYTES,
    ImportFileError,
    decode,
    sniff_delimiter,
)
from clarity_desktop.domain.csv_clients.rows import (
    FAR_PAST_YEARS,
    OLDEST_YEARS,
    YOUNGEST_YEARS,
)

__all__ = [
    "DELIMITERS",
    "DELIMITER_NAMES",
    "FAR_PAST_YEARS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MONTHS",
    "MONTH_NAMES",
    "OLDEST_YEARS",
    "SYNONYMS",
    "YOUNGEST_YEARS",
    "Field",
    "ImportFileError",
    "ImportPreview",
    "PreviewRow",
    "RejectedRow",
    "WrittenDate",
    "clean_cell",
    "decode",
    "describe_date",
    "field_of",
    "name_key",
    "normalise_header",
    "parse_written_date",
    "preview_import",
    "sniff_delimiter",
]
