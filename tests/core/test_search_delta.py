"""A delta encoded beside the main segment reuses its words' keys and makes the same arrays."""

from __future__ import annotations

import random

import numpy as np

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.search.segment import Segment, analyse, encode

_WORDS = [
    "oil", "oils", "oiled", "prices", "priced", "Ossetia", "Осетия", "Осетии", "Бибилов",
    "Bibilov", "Бибилова", "ცხინვალი", "Tskhinvali", "Цхинвали", "international",
    "internationally", "internationalism", "presidential", "presidents", "president's",
    "post-Soviet", "155,221", "Kokoïty", "the", "of", "talks", "talking", "ab", "abc",
    "abcdefgh", "abcdefghi", "abcdefghij",
]  # fmt: skip


def _articles(rng: random.Random, first_key: int, count: int, extra: list[str]) -> list[Article]:
    words = _WORDS + extra
    made = []
    for number in range(count):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        name = rng.choice(["Alan Gagloev", "Анатолий Бибилов", "Oil Ministry", "Tskhinvali"])
        made.append(
            Article(
                id=f"a{first_key + number}",
                key=first_key + number,
                title=" ".join(rng.choice(words) for _ in range(4)),
                body=body,
                source="Wire",
                entities=(Entity(0, len(name), name, "PER", name),),
            )
        )
    return made


def test_find_all_finds_every_word_and_no_other() -> None:
    main = Segment.from_flat(analyse(_articles(random.Random(1), 1, 60, [])))
    vocabulary = [main.words.text(i) for i in range(main.words.size)]
    heads = [w.encode()[:8] for w in vocabulary]
    # Absent words of the same length and first 8 bytes as a known word, that head
    # being the known word's alone or shared; shorter; Cyrillic.
    near = [w[:-1] + ("x" if w[-1] != "x" else "y") for w in vocabulary if len(w.encode()) > 8]
    assert any(heads.count(w.encode()[:8]) == 1 for w in near)
    assert any(heads.count(w.encode()[:8]) > 1 for w in near)
    asked = sorted(
        [*vocabulary, *near, "abcdefghx", "internationalisms", "oi", "zzz", "осет"],
        key=lambda w: w.encode("utf-8", "surrogatepass"),
    )
    found = main.find_all(asked)
    assert found.tolist() == [main.words.find(word) for word in asked]
    assert (found >= 0).sum() == len(vocabulary)


def test_a_delta_encoded_with_the_main_segment_has_the_same_arrays() -> None:
    rng = random.Random(7)
    main = Segment.from_flat(analyse(_articles(rng, 1, 80, [])))
    # The delta shares most words with the main segment and has some of its own,
    # among them new forms of known stems and new transliterations.
    new = ["oiling", "Осетию", "Bibilovs", "Gagloev", "ცხინვალში", "internationalists"]
    delta = analyse(_articles(rng, 81, 30, new))
    averages = np.array(main.meta["averages"])
    plain, _ = encode(delta, averages)
    reused, _ = encode(delta, averages, main)
    assert list(plain) == list(reused)  # same arrays in the same order (the file's layout)
    for name, array in plain.items():
        assert array.dtype == reused[name].dtype, name
        assert np.array_equal(array, reused[name]), name


def test_an_empty_main_segment_is_no_help_but_no_harm() -> None:
    empty = Segment.from_flat(analyse([]))
    delta = analyse(_articles(random.Random(3), 1, 5, []))
    plain, _ = encode(delta)
    reused, _ = encode(delta, None, empty)
    assert all(np.array_equal(plain[name], reused[name]) for name in plain)
