"""Dates of birth as other systems write them, and as the preview writes them back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class BadDate(Exception):
    pass


@dataclass(frozen=True)
class WrittenDate:
    """A date as written. For numeric dates (first/second/year) the order of the first
    two numbers may be undecided; otherwise month and day are known."""

    year: int
    first: int
    second: int
    numeric: bool  # True: first/second are day and month in an undecided order
    short_year: str = ""  # the two digits written, when the century was inferred

    @property
    def evidence(self) -> bool | None:
        """True: can only be day first; False: only month first; None: either."""
        if not self.numeric:
            return None
        if self.first > 12 >= self.second:
            return True
        if self.second > 12 >= self.first:
            return False
        return None

    @property
    def ambiguous(self) -> bool:
        return self.numeric and self.first != self.second and max(self.first, self.second) <= 12

    def resolve(self, day_first: bool | None) -> date:
        if not self.numeric:
            month, day = self.first, self.second
        else:
            order = day_first if day_first is not None else self.evidence
            if order is None:
                order = True  # only reached when first == second: both readings agree
            day, month = (self.first, self.second) if order else (self.second, self.first)
        return date(self.year, month, day)


_TIME = re.compile(
    r"(?:T|\s)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$"
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def _year(token: str, today: date) -> tuple[int, str]:
    if len(token) == 4:
        return int(token), ""
    if len(token) == 2:
        y = 2000 + int(token)
        return (y if y <= today.year else y - 100), token
    raise BadDate


def parse_written_date(text: str, today: date) -> WrittenDate:
    """Read a date as written; raises BadDate when it is not one of the known forms."""
    s = _TIME.sub("", text.strip()).strip()
    if re.fullmatch(r"(19|20)\d{6}", s):  # 19850301
        return WrittenDate(int(s[:4]), int(s[4:6]), int(s[6:]), numeric=False)
    tokens = _TOKEN.findall(s)
    if re.sub(r"[\s,./\-]", "", _TOKEN.sub("", s)):
        raise BadDate  # something other than separators between the parts
    # "1st", "2nd", "23rd", "4th": drop the suffix after a number
    tokens = [
        t
        for i, t in enumerate(tokens)
        if not (t.casefold() in ("st", "nd", "rd", "th") and i and tokens[i - 1].isdigit())
    ]
    words = [t for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(tokens) != 3 or any(len(n) > 4 for n in numbers):
        raise BadDate
    if words:
        if len(words) != 1 or words[0].casefold() not in MONTHS:
            raise BadDate
        month = MONTHS[words[0].casefold()]
        four = [n for n in numbers if len(n) == 4]
        if len(four) == 1:
            year_token = four[0]
            day_token = next(n for n in numbers if n is not year_token)
        elif not four:
            day_token, year_token = numbers  # "1 Mar 85", "Mar 1, 85": the year comes last
        else:
            raise BadDate
        if len(day_token) > 2:
            raise BadDate
        year, short = _year(year_token, today)
        return WrittenDate(year, month, int(day_token), numeric=False, short_year=short)
    a, b, c = numbers
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:  # 2024-03-01, 2024/3/1
        return WrittenDate(int(a), int(b), int(c), numeric=False)
    if len(a) <= 2 and len(b) <= 2 and len(c) in (2, 4):  # 01/03/2024, 1.3.24
        year, short = _year(c, today)
        return WrittenDate(year, int(a), int(b), numeric=True, short_year=short)
    raise BadDate


def years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def describe_date(value: date) -> str:
    """ "1 March 1985": unambiguous whichever order the reader is used to."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
