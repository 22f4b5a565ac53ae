"""The blind index: search words as keyed hashes, so the server matches what it cannot read.

A word is folded (lower case, accents removed, as postgres/search.py folds), then stemmed
by each stemmer in use (English and Spanish: notes mix the two), and each distinct form
becomes a token, the first 8 bytes of HMAC-SHA-256 under the practice search key, as a
signed 64-bit integer (a PostgreSQL bigint). A text's tokens are a set: no counts, no
order. A query gives one set of forms per typed word; a row matches when, for every word,
its tokens share one of that word's forms (``tokens && ARRAY[...]`` ANDed).

Stemming: snowballstemmer 3.1.1 with PyStemmer 3.1.0 (the same algorithms in C, which
snowballstemmer uses when present), pinned in dev.sh and pyproject.toml. A program
without them finds none in ``default_stemmers()`` and folds words only; the seam is a
tuple of plain functions, so tests choose theirs. Index and query must use the same
stemmers and the same Snowball release. Not built yet: recording which release indexed a
practice and re-indexing on a change (the server cannot; each clinician's program would
re-index the notes it can read), so a stemmer upgrade must bring that with it.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from clarity_desktop.store.postgres.encryption.values import KEY_BYTES
from clarity_desktop.store.postgres.search import fold

Stemmer = Callable[[str], str]
TOKEN_BYTES = 8
MAX_WORD = 64  # longer runs of letters are not words anyone searches for
_WORD = re.compile(r"\w+", re.UNICODE)
STEMMER_LANGUAGES = ("english", "spanish")
STEM_CACHE = 1 << 16


@cache
def default_stemmers() -> tuple[Stemmer, ...]:
    """English and Spanish snowball stemmers when the package is installed, else none."""
    try:
        snowball = importlib.import_module("snowballstemmer")
    except ImportError:
        return ()
    # A note's words repeat across notes: remembering stems makes the pure-Python stemmer
    # (about 0.2 ms a word) cheap after the first notes; PyStemmer, its C twin, is ~100x faster.
    return tuple(
        lru_cache(maxsize=STEM_CACHE)(snowball.stemmer(language).stemWord)
        for language in STEMMER_LANGUAGES
    )


class SearchKey:
    """The practice's 32-byte search key, with its HMAC state made once."""

    __slots__ = ("_mac",)

    def __init__(self, secret: bytes) -> None:
        if len(secret) != KEY_BYTES:
            raise ValueError("a search key is 32 bytes")
        self._mac = hmac.new(secret, digestmod=hashlib.sha256)

    def __repr__(self) -> str:
        return "SearchKey(...)"

    def token(self, form: str) -> int:
        mac = self._mac.copy()
        mac.update(b"clarity-word\x00" + form.encode("utf-8"))
        return int.from_bytes(mac.digest()[:TOKEN_BYTES], "big", signed=True)


def words(text: str) -> list[str]:
    """The folded words of *text*, too-long runs left out."""
    return [w for w in _WORD.findall(fold(text)) if len(w) <= MAX_WORD]


def forms(word: str, stemmers: Iterable[Stemmer]) -> frozenset[str]:
    """A folded word and what each stemmer makes of it (the folded word itself only when
    there is no stemmer: the stem alone is indexed, so 'talks' and 'talked' meet)."""
    stems = {stem(word) for stem in stemmers}
    return frozenset(stems or {word})


def text_tokens(
    text: str, key: SearchKey, stemmers: tuple[Stemmer, ...] | None = None
) -> frozenset[int]:
    """The set of tokens for a note's or addendum's text."""
    chosen = default_stemmers() if stemmers is None else stemmers
    seen: set[str] = set()
    for word in words(text):
        seen |= forms(word, chosen)
    return frozenset(key.token(f) for f in seen)


def query_tokens(
    user_text: str, key: SearchKey, stemmers: tuple[Stemmer, ...] | None = None
) -> list[frozenset[int]]:
    """One set per distinct typed word, in typing order: a row matches when it holds a
    token of every set. Empty when nothing searchable was typed."""
    chosen = default_stemmers() if stemmers is None else stemmers
    out: list[frozenset[int]] = []
    for word in dict.fromkeys(words(user_text)):
        tokens = frozenset(key.token(f) for f in forms(word, chosen))
        if tokens not in out:
            out.append(tokens)
    return out
