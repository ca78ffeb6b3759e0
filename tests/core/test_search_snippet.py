"""Hit spans for highlighting and result snippets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ossetia_reader.core.search import highlight_spans, snippet
from ossetia_reader.core.search import query as q
from ossetia_reader.core.search.snippet import _Matcher, _merge
from ossetia_reader.core.search.tokenize import _RAW, _RAW_ASCII, tokens
from tests.conftest import SEED


def hits(query: str, text: str, **options: bool) -> list[str]:
    return [text[s:e] for s, e in highlight_spans(query, text, **options)]


def test_spans_cover_words_variants_and_transliterations() -> None:
    text = "Anatoly Bibilov's leaders met Бибиловым in Цхинвали; the leader left."
    assert hits("leaders", text) == ["leaders", "leader"]
    assert hits("Bibilov", text) == ["Bibilov's", "Бибиловым"]
    assert hits("tskhinvali", text) == ["Цхинвали"]
    assert hits("bibil*", text) == ["Bibilov's", "Бибиловым"]
    assert hits("bibil", text, prefix_last=True) == ["Bibilov's", "Бибиловым"]


def test_phrases_and_negations() -> None:
    text = "South Ossetia is not North Ossetia. South of Ossetia."
    assert hits('"south ossetia"', text) == ["South Ossetia"]
    assert hits("ossetia -south", text) == ["Ossetia", "Ossetia", "Ossetia"]
    assert hits("-ossetia", text) == []


def test_diacritics_and_case() -> None:
    assert hits("kokoity", "Eduard KOKOÏTY and Kokoïty.") == ["KOKOÏTY", "Kokoïty"]
    assert hits("ГОЛУНОВ", "Иван Голунов") == ["Голунов"]


def test_spans_are_sorted_and_disjoint() -> None:
    text = "crude oil and crude oil"
    spans = highlight_spans('"crude oil" oil crude', text)
    assert spans == [(0, 9), (14, 23)]


def test_snippet_picks_the_window_with_hits_and_maps_spans() -> None:
    body = SEED.read_text(encoding="utf-8")
    text, spans = snippet("Peskov", body, width=120)
    assert len(text) <= 122
    assert [text[s:e] for s, e in spans] == ["Peskov"]
    assert "\n" not in text and "  " not in text
    assert text.startswith("…")


def test_snippet_without_hits_starts_at_the_top() -> None:
    text, spans = snippet("zzz", "First words here.\n\nSecond paragraph.", width=100)
    assert text == "First words here. Second paragraph."
    assert spans == []
    assert snippet("a", "") == ("", [])


_PIECES = ["oil", "Oil's", "oils", "prices", "price", "Бибилов", "Bibilov", "x", "9,000", "3.5"]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES), st.text(alphabet="ab'.,-_ \u2019\u0301é\t", max_size=4)
        ),
        max_size=12,
    ),
    st.sampled_from(["oil", "price*", "bibilov oil", "oil OR x", "-oil price"]),
)
@settings(max_examples=300, deadline=None)
def test_word_spans_are_the_matching_tokens(pieces: list[str], query: str) -> None:
    """Highlighting words without a phrase skips the Token objects: the same spans."""
    text = " ".join(pieces)
    leaves = list(q.positive_leaves(q.parse(query).root))
    matcher = _Matcher([leaf for leaf in leaves if isinstance(leaf, q.Term)])
    expected = _merge([(t.start, t.end) for t in tokens(text) if matcher(t.term)])
    assert highlight_spans(query, text) == expected
    if text.isascii():
        assert [m.span() for m in _RAW_ASCII.finditer(text)] == [
            m.span() for m in _RAW.finditer(text)
        ]
