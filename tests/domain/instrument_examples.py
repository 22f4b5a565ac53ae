"""A definition like one a licensed practice would add: a sum with a cut-off, a reliable
change value and band words, a subscale, an English-only text. The words are invented."""

from __future__ import annotations

from pathlib import Path

from clarity_desktop.domain.instrument_files import parse_instrument
from clarity_desktop.domain.instruments import Instrument

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "measures"

LICENSED = """\
id = "practice_scale"
version = 2
languages = ["en"]

[title]
en = "Practice scale"

[scale]
low = 1
high = 6

[[scale.labels]]
value = 1
en = "Never"

[[scale.labels]]
value = 6
en = "Always"

[[items]]
id = "a"
en = "Item A."

[[items]]
id = "b"
en = "Item B."
reversed = true

[[items]]
id = "c"
en = "Item C."
skippable = true

[[items]]
id = "d"
en = "Item D."

[total]
method = "sum"
max_skipped = 1
cutoff = 14
reliable_change = 5.5

[total.below]
en = "Under the cut-off"

[total.at_or_above]
en = "At or over the cut-off"

[[subscales]]
id = "first_two"
items = ["a", "b"]
en = "First two"
"""


def licensed() -> Instrument:
    return parse_instrument(LICENSED, "practice_scale.toml", shipped=False)
