"""Finding notes by what was written in them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from clarity_desktop.services import notes, search
from clarity_desktop.services.dto import CaseDetail, NoteDraft, SessionView
from clarity_desktop.store.postgres.encryption import blind
from clarity_desktop.store.practice import OpenPractice
from clarity_desktop.store.sqlite.fts import HIT_END, HIT_START


@pytest.fixture
def written(
    practice: OpenPractice,
    couple_case: CaseDetail,
    individual_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> dict[str, int]:
    """Three notes: two for the couple (one signed, with an addendum), one individual."""
    a = record_session(couple_case.id, datetime(2025, 3, 4, 10)).note_id
    b = record_session(couple_case.id, datetime(2025, 3, 11, 10)).note_id
    c = record_session(individual_case.id, datetime(2025, 3, 12, 9)).note_id
    assert a and b and c
    notes.save_draft(
        practice.uow(),
        a,
        draft({"focus": "Zoë wants to reconnect; Łukasz withdraws when pressed."}),
    )
    notes.sign_note(practice.uow(), a)
    notes.add_addendum(practice.uow(), a, "Later: the pursue–withdraw loop loosened.")
    notes.save_draft(practice.uow(), b, draft({"focus": "Talked about the holiday plans."}))
    notes.save_draft(practice.uow(), c, draft({"focus": "Søren unsure whether to stay or leave."}))
    return {"signed": a, "draft": b, "individual": c}


def ids(query: str, practice: OpenPractice) -> list[int]:
    return [h.note_id for h in search.search_notes(practice.uow(), query)]


def test_finds_words_in_notes(practice: OpenPractice, written: dict[str, int]) -> None:
    assert ids("holiday", practice) == [written["draft"]]
    assert ids("unsure", practice) == [written["individual"]]
    # A server with a stemmer also finds the addendum's "withdraw" (same stem): two hits
    # on the one note.
    assert set(ids("withdraws", practice)) == {written["signed"]}


def test_finds_words_in_addenda_and_says_so(
    practice: OpenPractice, written: dict[str, int], couple_case: CaseDetail
) -> None:
    hits = search.search_notes(practice.uow(), "loosened")
    assert [(h.note_id, h.in_addendum) for h in hits] == [(written["signed"], True)]
    assert hits[0].case_id == couple_case.id
    assert hits[0].case_name == "Zoë & Łukasz"
    assert hits[0].session_starts_at == datetime(2025, 3, 4, 10)
    note_hit = search.search_notes(practice.uow(), "reconnect")[0]
    assert note_hit.in_addendum is False


@pytest.mark.solo_practice  # a server matches whole words (or stems): see below
def test_a_word_in_note_and_addendum_gives_both_hits(
    practice: OpenPractice, written: dict[str, int]
) -> None:
    hits = search.search_notes(practice.uow(), "withdraw")
    assert sorted(h.in_addendum for h in hits) == [False, True]
    assert {h.note_id for h in hits} == {written["signed"]}


@pytest.mark.solo_practice
def test_words_match_as_prefixes(practice: OpenPractice, written: dict[str, int]) -> None:
    assert ids("reconn", practice) == [written["signed"]]
    assert ids("holi pla", practice) == [written["draft"]]
    assert ids("econnect", practice) == []  # prefixes, not substrings


def test_a_server_matches_whole_words_not_prefixes(
    practice: OpenPractice, written: dict[str, int]
) -> None:
    """The server holds keyed hashes of whole words (store/postgres/blind_search.py): a
    prefix has none of its own, and without a stemmer installed a word finds itself only."""
    if practice.backend.name != "postgresql":
        pytest.skip("a solo practice matches prefixes (test_words_match_as_prefixes)")
    assert ids("reconn", practice) == []
    assert ids("reconnect", practice) == [written["signed"]]
    assert ids("holiday plans", practice) == [written["draft"]]
    hits = search.search_notes(practice.uow(), "withdraw")
    stemmed = bool(blind.default_stemmers())
    assert sorted(h.in_addendum for h in hits) == ([False, True] if stemmed else [True])


def test_every_word_must_match(practice: OpenPractice, written: dict[str, int]) -> None:
    assert ids("holiday reconnect", practice) == []
    assert ids("stay LEAVE", practice) == [written["individual"]]


# Letters that are not a base letter plus an accent (ø, ł) are not folded by SQLite:
# "soren" does not find "Søren"; that is a known limit of the unicode61 tokenizer.
@pytest.mark.parametrize("query", ["zoe", "ZOË", "Zoe", "zoë", "SØREN", "søren"])
def test_search_ignores_accents_and_case(
    practice: OpenPractice, written: dict[str, int], query: str
) -> None:
    found = ids(query, practice)
    assert found
    assert set(found) <= {written["signed"], written["individual"]}


@pytest.mark.parametrize("query", ["", "   ", "!!!", '"', "*", "()", "—"])
def test_punctuation_only_finds_nothing(
    practice: OpenPractice, written: dict[str, int], query: str
) -> None:
    assert search.search_notes(practice.uow(), query) == []


def test_snippet_marks_the_hit(practice: OpenPractice, written: dict[str, int]) -> None:
    (hit,) = search.search_notes(practice.uow(), "holiday")
    assert f"{HIT_START}holiday{HIT_END}" in hit.snippet
    assert hit.snippet.count(HIT_START) == hit.snippet.count(HIT_END) == 1
    assert "Talked about the" in hit.snippet.replace(HIT_START, "").replace(HIT_END, "")


def test_snippet_marks_an_accented_word_as_written(
    practice: OpenPractice, written: dict[str, int]
) -> None:
    hit = search.search_notes(practice.uow(), "zoe")[0]
    assert f"{HIT_START}Zoë{HIT_END}" in hit.snippet


def test_editing_a_draft_replaces_what_search_finds(
    practice: OpenPractice, written: dict[str, int], draft: Callable[..., NoteDraft]
) -> None:
    notes.save_draft(
        practice.uow(), written["draft"], draft({"focus": "Talked about the anniversary."})
    )
    assert ids("holiday", practice) == []
    assert ids("anniversary", practice) == [written["draft"]]
    notes.save_draft(practice.uow(), written["draft"], draft({}))
    assert ids("anniversary", practice) == []


def test_all_sections_are_searchable(
    practice: OpenPractice, written: dict[str, int], draft: Callable[..., NoteDraft]
) -> None:
    notes.save_draft(
        practice.uow(),
        written["draft"],
        draft({"focus": "Money.", "safety": "No concerns today.", "data": "Arrived tardy."}),
    )
    for word in ("money", "concerns", "tardy"):
        assert ids(word, practice) == [written["draft"]]


def test_results_are_limited(
    practice: OpenPractice,
    couple_case: CaseDetail,
    record_session: Callable[..., SessionView],
    draft: Callable[..., NoteDraft],
) -> None:
    for day in range(1, 6):
        n = record_session(couple_case.id, datetime(2025, 6, day, 10)).note_id
        assert n
        notes.save_draft(practice.uow(), n, draft({"focus": "recurring theme"}))
    assert len(search.search_notes(practice.uow(), "recurring")) == 5
    assert len(search.search_notes(practice.uow(), "recurring", limit=2)) == 2
