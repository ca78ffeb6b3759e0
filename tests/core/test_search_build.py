"""The bounded-memory build (``search/build.py``) makes exactly the arrays ``encode`` makes."""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.search.build import build_segment
from ossetia_reader.core.search.segment import Segment, analyse

from .test_search_index import ARTICLES

_WORDS = [
    "oil",
    "gas",
    "prices",
    "rise",
    "fall",
    "Ossetia",
    "Tskhinvali",
    "Бибилов",
    "Цхинвали",
    "Москва",
    "ცხინვალი",
    "the",
    "of",
    "and",
    "Kremlin",
    "leader's",
    "post-Soviet",
    "155,221",
    "5.93",
    "Kokoïty",
    "référendum",
    "talks",
    "pipeline",
    "grain",
    "cocoa",
]


def _random_articles(count: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    found = []
    for key in range(1, count + 1):
        body = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 60)))
        names = rng.sample(_WORDS, 3)
        found.append(
            Article(
                id=f"r{key}",
                key=key * 3,  # keys need not be dense
                title=" ".join(rng.sample(_WORDS, rng.randint(0, 4))),
                body=body,
                date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
                if rng.random() > 0.1
                else None,
                source=rng.choice(("Wire", "Meduza", "")),
                entities=tuple(
                    Entity(0, 0, n, rng.choice(("PER", "LOC", "ORG", "MISC")), n) for n in names
                )
                if rng.random() > 0.5
                else (),
                quotes=(Quote(0, 5, " ".join(rng.sample(_WORDS, 5)), None, None),)
                if rng.random() > 0.7
                else (),
            )
        )
    return found


def _assert_same(built: Segment, expected: Segment) -> None:
    assert list(built.arrays) == list(expected.arrays)  # same order: same file layout
    for name, array in expected.arrays.items():
        got = built.arrays[name]
        assert got.dtype == array.dtype, name
        assert np.array_equal(got, array), name
    assert {k: v for k, v in built.meta.items() if k != "id"} == {
        k: v for k, v in expected.meta.items() if k != "id"
    }


@pytest.mark.parametrize(("run_articles", "batch_rows"), [(1, 1), (2, 7), (3, 50), (100, 10**6)])
def test_runs_merged_in_ranges_give_the_arrays_of_one_encode(
    tmp_path: Path, run_articles: int, batch_rows: int
) -> None:
    articles = [*ARTICLES, *_random_articles(40, seed=run_articles)]
    expected = Segment.from_flat(analyse(articles))
    built = build_segment(
        articles, scratch=tmp_path, run_articles=run_articles, batch_rows=batch_rows
    )
    _assert_same(built, expected)
    assert list(tmp_path.iterdir()) == []  # scratch files removed


def test_worker_processes_give_the_same_arrays(tmp_path: Path) -> None:
    articles = _random_articles(30, seed=7)
    expected = Segment.from_flat(analyse(articles))
    built = build_segment(articles, workers=2, scratch=tmp_path, run_articles=4, batch_rows=100)
    _assert_same(built, expected)


def test_nothing_to_index_gives_an_empty_segment(tmp_path: Path) -> None:
    assert build_segment([], scratch=tmp_path).n_docs == 0
    empty = Article(id="e", key=1, title="", body="")
    _assert_same(build_segment([empty], scratch=tmp_path), Segment.from_flat(analyse([empty])))


def test_scratch_files_go_when_the_build_fails(tmp_path: Path) -> None:
    def failing() -> Iterator[Article]:
        yield from _random_articles(5, seed=1)
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        build_segment(failing(), scratch=tmp_path, run_articles=2)
    assert list(tmp_path.iterdir()) == []


def test_ascii_and_other_texts_tokenized_apart_keep_their_order() -> None:
    from ossetia_reader.core.search.tokenize import terms

    articles = [
        Article(id=str(n), key=n, title=title, body=body, source="Wire")
        for n, (title, body) in enumerate(
            [
                ("Plain title", "plain body, 155,221 leader's"),
                ("Цхинвали сегодня", "Kokoïty said «no»"),
                ("Again ASCII", ""),
                ("", "Бибилов and Bibilov, ცხინვალი"),
            ]
            * 80,  # more than one chunk of 256
            start=1,
        )
    ]
    flat = analyse(articles)
    for doc, item in enumerate(articles):
        got = [flat.vocab[t] for t in flat.term[flat.doc == doc]]
        assert got == [*terms(item.title), *terms(item.body), *terms(item.source)]


def test_scratch_left_by_a_killed_build_is_removed_by_the_next(tmp_path: Path) -> None:
    from ossetia_reader.core.search.build import scratch_directory

    dead = tmp_path / ".build-999999999-abc"  # no such process
    dead.mkdir()
    (dead / "run-00000").write_bytes(b"x")
    live = tmp_path / f".build-{os.getpid()}-abc"  # this process: in use
    live.mkdir()
    made = scratch_directory(tmp_path)
    assert not dead.exists()
    assert live.exists()
    assert made.name.startswith(f".build-{os.getpid()}-")
