"""How the command line reads its arguments: mistakes are one sentence and exit code 2.

argparse on its own prints a usage block and a terse line ("argument --case: invalid int
value: 'abc'") for a bad value. CliParser (used for the program and, through
add_subparsers, for every command) says instead what was wrong in the user's words,
"--case needs a whole number, not 'abc'.", and exits with 2 like every other error.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime
from typing import NoReturn

PROGRAM = "clarity-desktop"


def page_size(value: str) -> str:
    """--page-size: A4 or Letter, in any case ("a4", "LETTER")."""
    for name in ("A4", "Letter"):
        if value.strip().casefold() == name.casefold():
            return name
    raise argparse.ArgumentTypeError(f"The page size is A4 or Letter, not {value!r}.")


def day_and_time(value: str) -> datetime:
    """--at: "YYYY-MM-DD HH:MM", local time."""
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'The time is a date and a time like "2025-03-04 14:00", not {value!r}.'
        ) from None


def day(value: str) -> date:
    """--date: YYYY-MM-DD."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"The date is written YYYY-MM-DD (like 2025-03-04), not {value!r}."
        ) from None


def _choices(text: str) -> list[str]:
    return [c.strip().strip("'\"") for c in text.split(",") if c.strip()]


def sentence(message: str) -> str:
    """argparse's error *message* as one plain sentence."""
    found = re.fullmatch(r"argument ([^:]+): (.*)", message, flags=re.S)
    if found:
        option, rest = found.group(1).split("/")[-1], found.group(2)
        if option in ("COMMAND", "command"):
            bad = re.search(r"invalid choice: '([^']*)'", rest)
            known = re.search(r"\(choose from (.*)\)", rest)
            if bad and known:
                return (
                    f"There is no command {bad.group(1)!r} "
                    f"(commands: {', '.join(_choices(known.group(1)))})."
                )
        if re.fullmatch(r"invalid int value: '(.*)'", rest, flags=re.S):
            value = rest.split(": ", 1)[1]
            return f"{option} needs a whole number, not {value}."
        choice = re.fullmatch(r"invalid choice: '(.*)' \(choose from (.*)\)", rest, flags=re.S)
        if choice:
            listed = ", ".join(_choices(choice.group(2)))
            what = option if option.startswith("-") else f"The {option}"
            return f"{what} is one of {listed}, not {choice.group(1)!r}."
        if rest == "expected one argument":
            return f"{option} needs a value."
        together = re.fullmatch(r"not allowed with argument (.*)", rest)
        if together:
            return f"{option} and {together.group(1)} cannot be used together."
        if rest[:1].isupper() and rest.endswith("."):
            return rest  # already a sentence (from a type= function)
        return f"{option}: {rest}."
    required = re.fullmatch(r"the following arguments are required: (.*)", message)
    if required:
        return f"Please give {required.group(1).replace(', ', ' and ')}."
    one_of = re.fullmatch(r"one of the arguments (.*) is required", message)
    if one_of:
        return f"Please give {' or '.join(one_of.group(1).split())}."
    unknown = re.fullmatch(r"unrecognized arguments: (.*)", message)
    if unknown:
        # Only the options are repeated, never what follows them: a mistyped option may
        # be followed by a secret ("--passphrase ...").
        words = unknown.group(1).split()
        options = [w.split("=", 1)[0] for w in words if w.startswith("-")]
        if options:
            listed = " ".join(options)
            what = "option" if len(options) == 1 else "options"
            return f"Unknown {what} {listed} (see {PROGRAM} COMMAND --help)."
        return f"Unexpected {' '.join(repr(w) for w in words)} (see {PROGRAM} COMMAND --help)."
    text = message.strip().rstrip(".")
    return f"{text[:1].upper()}{text[1:]}."


class CliParser(argparse.ArgumentParser):
    """An ArgumentParser whose mistakes are one sentence on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        print(f"{PROGRAM}: {sentence(message)}", file=sys.stderr)
        sys.exit(2)
