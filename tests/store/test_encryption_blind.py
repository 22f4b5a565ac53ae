"""Search over keyed hashes: the same word (however it was written) meets itself, another
practice's key makes other tokens, and no token carries the word."""

from __future__ import annotations

import secrets
import struct

import pytest

from clarity_desktop.store.postgres.encryption import blind
from clarity_desktop.store.postgres.encryption.blind import SearchKey, query_tokens, text_tokens

NOTE = (
    "Ángel talked about the evenings going quiet; María said she talks more when he "
    "withdraws. Ángel agreed to name the loop next time."
)
FOLD_ONLY: tuple[blind.Stemmer, ...] = ()


def toy_stemmer(word: str) -> str:
    """A stand-in for snowball's English stemmer, enough to show the seam."""
    for ending in ("ing", "ed", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


@pytest.fixture
def key() -> SearchKey:
    return SearchKey(secrets.token_bytes(32))


def matches(row: frozenset[int], query: list[frozenset[int]]) -> bool:
    """What the server does: every typed word's forms overlap the row's tokens (&&, ANDed)."""
    return bool(query) and all(row & word for word in query)


def test_a_word_is_found_however_it_is_accented_or_capitalised(key: SearchKey) -> None:
    row = text_tokens(NOTE, key, FOLD_ONLY)
    for typed in ("angel", "ANGEL", "Ángel", "maria quiet", "María  LOOP"):
        assert matches(row, query_tokens(typed, key, FOLD_ONLY)), typed
    for typed in ("angelica", "divorce", "angel divorce"):
        assert not matches(row, query_tokens(typed, key, FOLD_ONLY)), typed


def test_with_a_stemmer_the_forms_of_a_word_meet(key: SearchKey) -> None:
    stemmers = (toy_stemmer,)
    row = text_tokens(NOTE, key, stemmers)
    assert matches(row, query_tokens("talk", key, stemmers))  # "talked", "talks"
    assert matches(row, query_tokens("withdrawing", key, stemmers))  # "withdraws"
    assert not matches(text_tokens(NOTE, key, FOLD_ONLY), query_tokens("talk", key, FOLD_ONLY))


def test_real_snowball_stemmers_when_installed(key: SearchKey) -> None:
    pytest.importorskip("snowballstemmer")
    stemmers = blind.default_stemmers()
    assert len(stemmers) == 2
    row = text_tokens("Hablamos de las discusiones; they were arguing", key, stemmers)
    assert matches(row, query_tokens("discusión argued", key, stemmers))


def test_without_snowball_the_default_is_folding_only(key: SearchKey) -> None:
    try:
        import snowballstemmer  # noqa: F401
    except ImportError:
        assert blind.default_stemmers() == ()
        assert text_tokens(NOTE, key) == text_tokens(NOTE, key, FOLD_ONLY)
    else:
        pytest.skip("snowballstemmer is installed here")


def test_another_search_key_makes_other_tokens(key: SearchKey) -> None:
    other = SearchKey(secrets.token_bytes(32))
    ours, theirs = text_tokens(NOTE, key, FOLD_ONLY), text_tokens(NOTE, other, FOLD_ONLY)
    assert len(ours) == len(theirs) and not ours & theirs
    assert not matches(ours, query_tokens("angel", other, FOLD_ONLY))


def test_no_word_is_in_the_token_bytes(key: SearchKey) -> None:
    tokens = text_tokens(NOTE, key, FOLD_ONLY)
    stored = b"".join(struct.pack(">q", t) for t in sorted(tokens))
    hexed = stored.hex()
    for word in blind.words(NOTE):
        if len(word) >= 3:
            assert word.encode() not in stored and word not in hexed, word
    assert all(-(2**63) <= t < 2**63 for t in tokens)  # a PostgreSQL bigint
    assert "Ángel" not in repr(tokens) and repr(key) == "SearchKey(...)"


def test_a_text_stores_each_word_once_and_a_query_each_typed_word_once(key: SearchKey) -> None:
    assert len(text_tokens("quiet quiet QUIET quíet", key, FOLD_ONLY)) == 1
    assert len(query_tokens("loop Loop loop", key, FOLD_ONLY)) == 1
    assert query_tokens("  ;-- ", key, FOLD_ONLY) == []
    assert text_tokens("x" * 65, key, FOLD_ONLY) == frozenset()  # not a word anyone types


def test_a_search_key_is_32_bytes() -> None:
    with pytest.raises(ValueError):
        SearchKey(b"short")
