"""Whatever a therapist types into the search box, search answers and never errors:
FTS5 syntax (quotes, stars, NEAR, AND/OR/NOT, parentheses, column filters) is treated as
plain words."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clarity_desktop.domain.records import SessionInput
from clarity_desktop.domain.templates import Template
from clarity_desktop.services import notes, search, sessions
from clarity_desktop.services.dto import CaseDetail, NoteDraft
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite import fts

NASTY = [
    '"',
    '""',
    '"unbalanced',
    "*",
    "zo*",
    "NEAR(a b, 2)",
    "a NEAR b",
    "AND",
    "OR NOT",
    "body:zoe",
    "note_id:1",
    "(",
    ")(",
    "^start",
    "- minus",
    "+plus",
    "a'b",
    "\x00",
    "\u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",  # RTL Hebrew and Arabic
    "🙂💔 🧑‍🤝‍🧑",
    "e\u0301",  # a letter followed by a lone combining accent
    "\u0301\u0302",  # combining marks only
    "ǅ ß ﬁ Ⅻ ①",
    "x" * 5000,
]

queries = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.lists(
        st.sampled_from(['"', "*", "NEAR", "AND", "OR", "NOT", "(", ")", ":", "^", "zoe", "é"]),
        max_size=8,
    ).map(" ".join),
)


@pytest.fixture
def searchable(practice: OpenPractice, couple_case: CaseDetail) -> int:
    s = sessions.create_session(
        practice.uow(), couple_case.id, SessionInput(starts_at=datetime(2025, 5, 1, 9))
    )
    assert s.note_id is not None
    notes.save_draft(
        practice.uow(),
        s.note_id,
        NoteDraft(
            Template.FIVE_STEPS,
            {"focus": 'Zoë said "AND NOT" near the end; Łukasz: שלום, مرحبا 🙂'},
            frozenset(),
            {},
            False,
        ),
    )
    return s.note_id


@settings(
    max_examples=200,
    deadline=None,
    # The practice is shared by the examples on purpose: searching only reads.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=queries)
def test_any_typed_text_searches_the_real_index_without_error(
    practice: OpenPractice, searchable: int, query: str
) -> None:
    with practice.engine.connect() as conn:
        hits = fts.search(conn, query)
    if fts.to_match_query(query) is None:
        assert hits == []
    assert {h.note_id for h in hits} <= {searchable}


def test_search_service_answers_awkward_queries(practice: OpenPractice, searchable: int) -> None:
    for query in NASTY:
        hits = search.search_notes(practice.uow(), query)
        assert {h.note_id for h in hits} <= {searchable}, query


def test_search_syntax_words_are_found_as_plain_words(
    practice: OpenPractice, searchable: int
) -> None:
    for query in ('"AND NOT"', "and not", "NEAR", "near the end", "שלום", "مرحبا"):
        assert [h.note_id for h in search.search_notes(practice.uow(), query)] == [searchable]
    assert search.search_notes(practice.uow(), "AND NOT OR") == []


# What people write: letters and digits (Latin, Greek, Cyrillic, Hebrew, Arabic), spaces
# and punctuation. Known gap, kept out of this property on purpose: SQLite's tokenizer
# knows an older Unicode than Python, so characters assigned or reclassified since (most
# emoji, some rare marks and signs) count as part of a word for SQLite while the query
# builder splits there: a word typed straight after one, as in "🙂thanks", is not found
# by "thanks".
typed_text = st.text(
    alphabet=st.one_of(
        st.characters(categories=["L", "N"], max_codepoint=0x6FF),
        st.sampled_from(list(" \t\n.,;:!?'\"()[]/-–—…«»“”‘’&%@#")),
    ),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=typed_text, data=st.data())
def test_any_words_from_a_note_find_that_note(
    practice: OpenPractice, body: str, data: st.DataObject
) -> None:
    """Typing back any run of what was written finds the note it was written in."""
    words = body.split()
    if not words:
        return
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    query = " ".join(words[i:j])
    if not any(unicodedata.category(c)[0] in "LN" for c in query):
        return  # nothing searchable was typed (only underscores or punctuation)
    with practice.engine.connect() as conn, conn.begin():
        fts.index_note(conn, 424242, body)
        found = {h.note_id for h in fts.search(conn, query)}
        conn.rollback()
    assert 424242 in found


@pytest.mark.parametrize("query", ["", "   ", "!!!", '"*"', "—…·", "( ) : ^ * -"])
def test_punctuation_only_is_no_query(query: str) -> None:
    assert fts.to_match_query(query) is None


def test_each_word_becomes_a_quoted_prefix() -> None:
    assert fts.to_match_query('zo* "AND" łuk') == '"zo"* "AND"* "łuk"*'


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Zoe\u0301 came alone", "zoë"),  # decomposed accent, as some keyboards send it
        ("Zoë came alone", "Zoe\u0301"),
        ("नमस्ते from Priya", "नमस्ते"),  # Devanagari with its vowel signs
        ("straße and Ærøskøbing", "straße ærø"),
        ("她说她很难过", "她说"),
    ],
)
def test_real_scripts_are_found_as_typed(practice: OpenPractice, written: str, typed: str) -> None:
    with practice.engine.connect() as conn, conn.begin():
        fts.index_note(conn, 7, written)
        assert [h.note_id for h in fts.search(conn, typed)] == [7]
        conn.rollback()
