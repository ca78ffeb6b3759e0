"""The library's data version: the search index knows it is current without a scan."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.library import Library
from ossetia_reader.core.search import index_directory, open_index
from ossetia_reader.core.search.index import SearchIndex


def article(number: int, title: str, body: str) -> Article:
    return Article(
        id=f"v{number}", title=title, body=body, date=dt.date(2024, 1, number), source="Wire"
    )


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib")
    lib.add([article(1, "Walnut harvest", "Walnuts."), article(2, "Grain", "Wheat and rye.")])
    return lib


def test_data_version_counts_indexed_changes_only(library: Library) -> None:
    start = library.data_version()
    key = library.add([article(3, "Cheese", "Ossetian cheese.")])[0].key
    after_add = library.data_version()
    assert after_add > start
    assert library.changed_since(start) == [key]

    library.set_read([key])
    library.set_starred(key, True)
    assert library.add([article(3, "Cheese", "Ossetian cheese.")])[0].outcome.value == "skipped"
    assert library.data_version() == after_add  # reading state is not indexed

    store_enrichment(library, key, [Entity(0, 6, "Cheese", "ORG", "Cheese")], [])
    assert library.data_version() > after_add
    assert library.changed_since(after_add) == [key]

    edited = library.add([article(1, "Walnut harvest", "Apricots.")])[0]
    assert edited.outcome.value == "updated"
    assert edited.key in library.changed_since(after_add)


def test_another_process_writing_moves_the_version(library: Library) -> None:
    before = library.data_version()
    other = Library(library.directory)
    other.add([article(4, "Written elsewhere", "By fetch in another process.")])
    assert library.data_version() == before + 1


def test_open_index_on_an_unchanged_library_reads_no_article_rows(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(library)
    asked: list[str] = []
    real = library.query

    def spy(sql: str, params: object = ()) -> list[tuple[object, ...]]:
        asked.append(sql)
        return real(sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "query", spy)
    index = open_index(library)
    assert index.doc_count == 2
    assert asked and all("FROM articles" not in sql for sql in asked), asked


def test_open_index_catches_up_from_what_changed_since_its_version(library: Library) -> None:
    open_index(library)
    key = Library(library.directory).add([article(5, "Apricot news", "Apricots.")])[0].key
    index = open_index(library)
    assert [hit.key for hit in index.search("apricot").hits] == [key]
    assert index.extra["version"] == library.data_version()
    assert index.doc_count == 3


def test_an_index_saved_before_data_versions_is_checked_once_and_stamped(
    library: Library,
) -> None:
    index = SearchIndex.build(library.iter_articles())
    index.save(index_directory(library), extra={"count": 2})  # an old manifest
    library.add([article(6, "Plum news", "Plums.")])
    caught_up = open_index(library)
    assert caught_up.search("plum").total == 1
    assert caught_up.extra["version"] == library.data_version()


def test_a_schema_6_library_gets_the_counter_and_keeps_its_articles(tmp_path: Path) -> None:
    directory = tmp_path / "old"
    Library(directory).add([article(7, "Old article", "From before the counter.")])
    with sqlite3.connect(directory / "library.sqlite3") as db:
        db.executescript(
            "DROP TRIGGER articles_version_insert; DROP TRIGGER articles_version_update;"
            "DROP TRIGGER articles_version_delete; DROP INDEX articles_version;"
            "DROP TRIGGER feed_counts_insert;"  # step 11's (reads the version since 13)
            "DROP TABLE change_counter; ALTER TABLE articles DROP COLUMN version;"
            "PRAGMA user_version = 6;"
        )
    upgraded = Library(directory)
    assert upgraded.count() == 1
    version = upgraded.data_version()
    key = upgraded.add([article(8, "New article", "After the upgrade.")])[0].key
    assert upgraded.changed_since(version) == [key]


def test_a_correction_alone_brings_the_index_up_to_date(library: Library) -> None:
    from ossetia_reader.core.enrich.corrections import set_type

    key = library.add([article(9, "Peskov spoke", "Dmitry Peskov said so.")])[0].key
    store_enrichment(library, key, [Entity(0, 13, "Dmitry Peskov", "PER", "Dmitry Peskov")], [])
    assert [hit.key for hit in open_index(library).search("person:peskov").hits] == [key]
    version = library.data_version()
    set_type(library, "Dmitry Peskov", "ORG")
    assert library.data_version() == version  # the article rows did not change...
    index = open_index(library)  # ...but the correction log did
    assert index.search("person:peskov").total == 0
    assert [hit.key for hit in index.search("org:peskov").hits] == [key]


def test_the_index_reads_the_corrections_version_as_the_corrections_module_does(
    library: Library,
) -> None:
    """The index asks the correction log's version itself (not importing the module)."""
    from ossetia_reader.core.enrich.corrections import set_type, version
    from ossetia_reader.core.search import _corrections_version

    assert _corrections_version(library) == version(library) == 0
    key = library.add([article(9, "Peskov spoke", "Dmitry Peskov said so.")])[0].key
    store_enrichment(library, key, [Entity(0, 13, "Dmitry Peskov", "PER", "Dmitry Peskov")], [])
    set_type(library, "Dmitry Peskov", "ORG")
    set_type(library, "Dmitry Peskov", "LOC")
    assert _corrections_version(library) == version(library) > 0
    # Articles read in a batch still come with the reader's correction.
    (read,) = library.articles([key])
    assert [entity.type for entity in read.entities] == ["LOC"]


def test_catching_up_on_many_articles_streams_them_into_one_segment(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ossetia_reader.core.search as search

    open_index(library)
    monkeypatch.setattr(search, "_STREAM_FROM", 3)
    added = library.add([article(10 + n, f"Batch {n}", f"Hazelnut number {n}.") for n in range(5)])
    index = open_index(library)
    assert sorted(hit.key for hit in index.search("hazelnut").hits) == sorted(a.key for a in added)
    assert index.doc_count == 7
    fresh = SearchIndex.build(library.iter_articles())  # scores differ until a merge
    for query in ("hazelnut", "walnut", "number 3", "title:batch"):
        assert set(index.search(query).hits.keys) == set(fresh.search(query).hits.keys), query
    index.merge()
    for query in ("hazelnut", "walnut", "number 3", "title:batch"):
        assert index.search(query).hits == fresh.search(query).hits, query
