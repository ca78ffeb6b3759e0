"""The search index: matching, ranking, saving, corruption, incremental adds, open_index."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from pathlib import Path

import numpy as np
import pytest

from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.library import Library
from ossetia_reader.core.search import (
    IndexUnusable,
    SearchIndex,
    index_directory,
    open_index,
)
from ossetia_reader.core.search import query as q
from ossetia_reader.core.search.index import MANIFEST
from ossetia_reader.core.search.store import MAGIC


def article(
    key: int,
    title: str,
    body: str = "",
    date: str | None = "2022-03-01",
    source: str = "Wire",
    entities: tuple[Entity, ...] = (),
    quotes: tuple[Quote, ...] = (),
) -> Article:
    return Article(
        id=f"a{key}",
        key=key,
        title=title,
        body=body,
        date=dt.date.fromisoformat(date) if date else None,
        source=source,
        entities=entities,
        quotes=quotes,
    )


ARTICLES = [
    article(1, "Cocoa prices rise", "Showers in the Bahia cocoa zone.", "1987-02-26"),
    article(2, "Markets", "Cocoa was mentioned once in this long body about grain.", "1987-03-01"),
    article(
        3,
        "Kremlin Plays Down South Ossetia Leader's Call",
        "Anatoly Bibilov said South Ossetia would hold a referendum, Dmitry Peskov told "
        "journalists. Tskhinvali is the capital.",
        "2022-03-31",
        "The Moscow Times",
        entities=(
            Entity(0, 15, "Anatoly Bibilov", "PER", "Anatoly Bibilov"),
            Entity(60, 73, "Dmitry Peskov", "PER", "Dmitry Peskov"),
            Entity(0, 0, "Tskhinvali", "LOC", "Tskhinvali"),
            Entity(0, 0, "Kremlin", "ORG", "Kremlin"),
        ),
        quotes=(Quote(0, 10, "We will hold a referendum", "Anatoly Bibilov", "said"),),
    ),
    article(
        4,
        "Бибилов заявил о референдуме",
        "Президент Южной Осетии Анатолий Бибилов. Цхинвали. Встреча с Бибиловым и Голуновым.",
        "2022-03-30",
        "Meduza",
    ),
    article(5, "Post-Soviet space", "The leaders' summit in Tbilisi.", None),
    article(6, "Oil and gas", "Crude oil prices; natural gas exports.", "2022-04-02"),
    article(7, "Gas", "Gas pipeline talks.", "2022-04-03"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(ARTICLES)


def keys(index: SearchIndex, query: str, **options: object) -> list[int]:
    return [hit.key for hit in index.search(query, **options).hits]  # type: ignore[arg-type]


def test_a_title_hit_outranks_a_body_hit(index: SearchIndex) -> None:
    assert keys(index, "cocoa") == [1, 2]


def test_equal_scores_are_ordered_newest_first() -> None:
    same = [article(k, "Same", "same text", f"2022-01-0{k}") for k in (1, 2, 3)]
    built = SearchIndex.build([*same, article(4, "Same", "same text", None)])
    assert keys(built, "same") == [3, 2, 1, 4]
    assert keys(built, "-nothing") == [3, 2, 1, 4]


def test_and_or_not(index: SearchIndex) -> None:
    assert set(keys(index, "oil gas")) == {6}
    assert set(keys(index, "oil OR pipeline")) == {6, 7}
    assert set(keys(index, "gas -oil")) == {7}
    assert set(keys(index, "gas NOT crude")) == {7}
    assert set(keys(index, "(oil OR pipeline) talks")) == {7}


def test_phrases_need_the_words_in_order(index: SearchIndex) -> None:
    assert keys(index, '"crude oil"') == [6]
    assert keys(index, '"oil crude"') == []
    assert set(keys(index, '"south ossetia"')) == {3}
    # A phrase never spans two fields (title "... Call", body "Anatoly ...").
    assert keys(index, '"call anatoly"') == []


def test_prefixes(index: SearchIndex) -> None:
    assert set(keys(index, "osset*")) == {3, 4}  # 4 has "Осетии" (osetii)
    assert set(keys(index, "ossetia*")) == {3}
    assert set(keys(index, "pipe", prefix_last=True)) == {7}
    assert keys(index, "pipe") == []


def test_fields(index: SearchIndex) -> None:
    assert set(keys(index, "title:gas")) == {6, 7}
    assert set(keys(index, "gas -title:oil")) == {7}
    assert keys(index, "source:moscow") == [3]
    assert keys(index, 'source:"moscow times"') == [3]
    assert keys(index, "person:peskov") == [3]
    assert keys(index, 'entity:"Dmitry Peskov"') == [3]
    assert keys(index, "place:tskhinvali") == [3]
    assert keys(index, "org:kremlin") == [3]
    assert keys(index, "person:kremlin") == []
    assert keys(index, "quote:referendum") == [3]
    assert keys(index, 'title:"oil and gas"') == [6]
    assert keys(index, 'title:"crude oil"') == []  # only in the body


def test_dates(index: SearchIndex) -> None:
    assert set(keys(index, "gas after:2022-04-03")) == {7}
    assert set(keys(index, "gas before:2022-04-03")) == {6}
    assert set(keys(index, "date:2022-04")) == {6, 7}
    assert set(keys(index, "date:1987")) == {1, 2}
    assert 5 not in keys(index, "before:2100")  # undated articles match no date filter


def test_unicode_folding_and_transliteration(index: SearchIndex) -> None:
    assert keys(index, "бибилов")[0] in (3, 4)
    assert set(keys(index, "Бибилов")) == {3, 4}
    assert set(keys(index, "Bibilov")) == {3, 4}
    assert set(keys(index, "Цхинвали")) == {3, 4}
    assert set(keys(index, "tskhinvali")) == {3, 4}
    assert keys(index, "голунов") == [4]  # indexed only as "Голуновым"
    assert keys(index, "ТБИЛИСИ") == [5]


def test_possessives_hyphens_and_stems(index: SearchIndex) -> None:
    assert keys(index, "leader") == [3, 5] or set(keys(index, "leader")) == {3, 5}
    assert keys(index, "Soviet") == [5]
    assert keys(index, "post-Soviet") == [5]
    assert set(keys(index, "leaders")) == {3, 5}


def test_typo_suggestions(index: SearchIndex) -> None:
    result = index.search("pipelnie")
    assert result.total == 0
    assert "pipeline" in result.suggestions
    assert index.search("cocoa").suggestions == []


def test_malformed_queries_never_raise(index: SearchIndex) -> None:
    for text in ('"crude oil', "((gas", "OR", "-", "title:", "after:xyz", ")))", "*", "NOT"):
        result = index.search(text)
        assert result.total >= 0
    result = index.search('"crude oil')
    assert [h.key for h in result.hits] == [6]
    assert result.notice is not None and "unbalanced quote" in result.notice


def test_limit_and_total(index: SearchIndex) -> None:
    result = index.search("-zzz", limit=2)
    assert result.total == len(ARTICLES)
    assert len(result.hits) == 2


def test_save_load_round_trip(index: SearchIndex, tmp_path: Path) -> None:
    index.save(tmp_path)
    loaded = SearchIndex.load(tmp_path)
    assert loaded.doc_count == index.doc_count and loaded.max_key == 7
    for query in ("cocoa", "Bibilov", '"crude oil"', "osset*", "person:peskov", "gas -oil"):
        assert loaded.search(query).hits == index.search(query).hits


def test_incremental_add_and_replace(tmp_path: Path) -> None:
    built = SearchIndex.build(ARTICLES[:3])
    built.add([ARTICLES[5]])
    built.add([ARTICLES[6]])
    assert built.doc_count == 5 and built.max_key == 7
    assert set(keys(built, "gas")) == {6, 7}
    built.add([article(7, "Coal", "Coal pipeline talks.", "2022-04-03")])
    assert built.doc_count == 5
    assert keys(built, "gas") == [6]
    assert keys(built, "coal") == [7]
    built.save(tmp_path)
    loaded = SearchIndex.load(tmp_path)
    assert keys(loaded, "gas") == [6] and keys(loaded, "coal") == [7]
    loaded.add([article(8, "Gas again", "", "2022-05-01")])
    loaded.merge()
    assert loaded.doc_count == 6
    assert set(keys(loaded, "gas")) == {6, 8}
    assert keys(loaded, '"crude oil"') == [6]
    assert keys(loaded, "pipeline") == [7]


def test_many_small_adds_merge_their_deltas() -> None:
    built = SearchIndex.build(ARTICLES)
    for key in range(100, 400):
        built.add([article(key, f"Note {key}", "gas", "2023-01-01")])
    assert built.doc_count == len(ARTICLES) + 300
    assert len(built.stats()["segments"]) <= 8
    assert built.search("gas").total == 302
    assert keys(built, "note 250") == [250]


def _corrupt_segment(directory: Path, how: str) -> None:
    segment = next(directory.glob("segment-*.bin"))
    data = bytearray(segment.read_bytes())
    if how == "truncate":
        del data[len(data) // 2 :]
    elif how == "flip":
        data[-100] ^= 0x40
    elif how == "version":
        data[: len(MAGIC)] = MAGIC[:-1] + bytes([MAGIC[-1] + 1])
    segment.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncate", "flip", "version"])
def test_corrupt_segments_are_refused(index: SearchIndex, tmp_path: Path, how: str) -> None:
    index.save(tmp_path)
    _corrupt_segment(tmp_path, how)
    with pytest.raises(IndexUnusable):
        SearchIndex.load(tmp_path)


def test_corrupt_or_foreign_manifests_are_refused(index: SearchIndex, tmp_path: Path) -> None:
    with pytest.raises(IndexUnusable, match="missing"):
        SearchIndex.load(tmp_path)
    index.save(tmp_path)
    manifest = tmp_path / MANIFEST
    text = manifest.read_text()
    manifest.write_text(text.replace('"dead": []', '"dead": [1]'))
    with pytest.raises(IndexUnusable):
        SearchIndex.load(tmp_path)
    manifest.write_text("{not json")
    with pytest.raises(IndexUnusable):
        SearchIndex.load(tmp_path)
    index.save(tmp_path)
    body = json.loads(manifest.read_text())["body"]
    body["format"] += 1  # a manifest from another version, checksum and all
    encoded = json.dumps(body, sort_keys=True).encode()
    manifest.write_text(json.dumps({"checksum": zlib.crc32(encoded), "body": body}))
    with pytest.raises(IndexUnusable, match="another version"):
        SearchIndex.load(tmp_path)


@pytest.mark.parametrize("how", ["truncate", "flip", "version", "delete"])
def test_open_index_rebuilds_a_broken_index(library: Library, how: str) -> None:
    messages: list[str] = []
    first = open_index(library, messages.append)
    assert messages == [f"search index built ({first.doc_count} articles)"]
    # Read before the file is damaged in place: a built index, like a loaded one, is
    # mapped from its file (the app only ever replaces files, never rewrites them).
    expected = [h.key for h in first.search("Peskov").hits]
    directory = index_directory(library)
    if how == "delete":
        (directory / MANIFEST).unlink()
    else:
        _corrupt_segment(directory, how)
    messages.clear()
    again = open_index(library, messages.append)
    assert again.doc_count == first.doc_count
    assert [h.key for h in again.search("Peskov").hits] == expected
    assert len(messages) == 1
    if how != "delete":
        assert "rebuilt" in messages[0]
    messages.clear()
    open_index(library, messages.append)
    assert messages == []


def test_open_index_catches_up_on_new_and_enriched_articles(library: Library) -> None:
    index = open_index(library)
    before = index.doc_count
    added = library.add([article(0, "Fresh news about Ossetian cheese", "Cheese.", "2024-01-01")])
    key = added[0].key
    index = open_index(library)
    assert index.doc_count == before + 1
    assert [h.key for h in index.search("cheese").hits] == [key]
    store_enrichment(library, key, [Entity(0, 5, "Cheesemaker", "PER", "Ivan Cheesemaker")], [])
    index = open_index(library)
    assert [h.key for h in index.search("person:cheesemaker").hits] == [key]
    assert index.doc_count == before + 1
    assert np.isin(key, index.enriched_keys())


def test_texts_holding_nul_are_split_text_by_text() -> None:
    odd = article(1, "nul\0inside", "body\0with nul", "2022-01-01")
    built = SearchIndex.build([odd, *ARTICLES[1:3]])
    assert keys(built, '"nul inside"') == [1]
    assert keys(built, "title:inside") == [1]
    assert keys(built, '"body with nul"') == [1]


def test_searching_while_another_thread_adds() -> None:
    import threading

    built = SearchIndex.build(ARTICLES)
    errors: list[BaseException] = []

    def add() -> None:
        try:
            for key in range(100, 160):
                built.add([article(key, "Gas news", "gas", "2023-01-01")])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    writer = threading.Thread(target=add)
    writer.start()
    while writer.is_alive():
        result = built.search("gas")
        assert result.total >= 2
    writer.join()
    assert errors == []
    assert built.search("gas").total == 62


def test_open_index_notices_articles_edited_in_place(library: Library) -> None:
    key = library.add([article(0, "Draft title", "Walnut harvest.", "2024-01-01")])[0].key
    assert [h.key for h in open_index(library).search("walnut").hits] == [key]
    edited = article(0, "Draft title", "Apricot harvest.", "2024-01-01")
    assert library.add([edited])[0].outcome.value == "updated"
    index = open_index(library)
    assert [h.key for h in index.search("apricot").hits] == [key]
    assert index.search("walnut").total == 0


def test_tokenizing_in_worker_processes_gives_the_same_table() -> None:
    from ossetia_reader.core.search.segment import analyse, analyse_parallel

    serial = analyse(ARTICLES)
    parallel = analyse_parallel(ARTICLES, workers=2, chunk=3)
    assert [serial.vocab[t] for t in serial.term] == [parallel.vocab[t] for t in parallel.term]
    for name in ("doc", "pos", "field", "keys", "days", "fend", "digest"):
        assert np.array_equal(getattr(serial, name), getattr(parallel, name)), name


@pytest.mark.parametrize("copies", [0, 30])
def test_variants_read_word_by_word_score_as_one_gather(copies: int) -> None:
    """The per-word path for a few variants gives what postings_many gives, also when
    replaced copies push an idf below zero (the dense array's rule for that case)."""
    many = SearchIndex.build(
        [article(k, f"Leader {k}", "leaders leading leader's " * (k % 3 + 1)) for k in range(1, 80)]
        + [article(k, "leaders", "leader") for k in range(80, 90)]
    )
    for _ in range(copies):
        many.add([article(k, "leaders met", "the leader") for k in range(80, 90)])
    segment = many._segments[0]
    weighted = many._variants(segment, q.Term("leaders"))
    assert len(weighted) > 1
    factors = [
        many._idf(many._global_df(0, word_id)) * weight / 255.0
        for word_id, weight in weighted.items()
    ]
    assert (min(factors) > 0) == (copies == 0)
    docs, impacts, owner = segment.postings_many(np.fromiter(weighted, np.int64))
    gathered = many._best_per_doc(docs, impacts * np.array(factors)[owner], min(factors) > 0)
    sliced = many._best_of(segment, list(weighted), factors)
    assert np.array_equal(gathered[0], sliced[0]) and np.array_equal(gathered[1], sliced[1])
