"""The query path's shortcuts give exactly what the plain computations give."""

from __future__ import annotations

import numpy as np
import pytest

from ossetia_reader.core.article import Article
from ossetia_reader.core.search import query as q
from ossetia_reader.core.search.index import SearchIndex, _intersect, _merge_best
from ossetia_reader.core.search.segment import _blob, _Strings, heads_of


@pytest.mark.parametrize("seed", range(5))
def test_merging_variants_postings_equals_sorting_them(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(300):
        docs_of, scores_of = [], []
        for number in range(int(rng.integers(1, 6))):
            # One long list and short ones (the merge), or lists of any size (the sort).
            most = 400 if number == 0 or rng.random() < 0.3 else 30
            docs = np.unique(rng.integers(0, 500, size=int(rng.integers(0, most))))
            docs_of.append(docs.astype(np.int64))
            scores_of.append(rng.random(docs.size) * rng.choice([1.0, -1.0]))
        want = SearchIndex._sorted_best(np.concatenate(docs_of), np.concatenate(scores_of))
        got = _merge_best([d.copy() for d in docs_of], [s.copy() for s in scores_of])
        assert np.array_equal(want[0], got[0])
        assert np.array_equal(want[1], got[1])


def test_string_lookups_find_each_word_and_prefix_ranges() -> None:
    words = sorted(
        {"a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefghij", "abd", "b", "осетия", "осетии"},
        key=lambda w: w.encode(),
    )
    blob, offsets = _blob(words)
    strings = _Strings(blob, offsets, heads_of(blob, offsets))
    assert [strings.find(w) for w in words] == list(range(len(words)))
    assert strings.find("abcdefghx") == -1 and strings.find("") == -1
    for prefix in ("a", "ab", "abcdefgh", "abcdefghi", "осет", "z"):
        lo, hi = strings.prefix_range(prefix)
        assert [strings.text(i) for i in range(lo, hi)] == [
            w for w in words if w.startswith(prefix)
        ]


def _articles_with(words: list[str], count: int, first_key: int, seed: int) -> list[Article]:
    rng = np.random.default_rng(seed)
    return [
        Article(
            id=f"m{first_key + n}",
            key=first_key + n,
            title=" ".join(rng.choice(words, size=2)),
            body=" ".join(rng.choice(words, size=int(rng.integers(0, 12)))),
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("replaced", [False, True])
def test_two_word_and_reads_the_second_word_at_the_first_ones_documents(replaced: bool) -> None:
    """``_term_at`` gives exactly ``_intersect`` of both words, also when replaced copies
    make some idf negative (then the dense path drops non-positive scores)."""
    words = ["oil", "oils", "oiled", "price", "prices", "priced", "gas", "talks", "talking"]
    index = SearchIndex.build(_articles_with(words, 60, 1, 0))
    if replaced:
        for round_ in range(4):  # the same keys again: dead copies outnumber live ones
            index.add(_articles_with(words, 60, 1, round_ + 1))
    for a in words:
        for b in words:
            for text in (f"{a} {b}", f"title:{a} {b}", f"{a} -{b} {b}s"):
                parsed = q.parse(text).root
                assert isinstance(parsed, q.And)
                terms = [c for c in parsed.children if isinstance(c, q.Term)]
                plain = _intersect(index._term(terms[0]), index._term(terms[1]))
                fast = index._term_at(terms[1], index._term(terms[0]))
                assert np.array_equal(plain.docs, fast.docs), text
                assert np.array_equal(plain.scores, fast.scores), text
