"""Saved searches, filters, feed tags and the feeds pane's counts (core, no UI)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from ossetia_reader.core.article import Article
from ossetia_reader.core.feedlist import FeedCounter, View, ViewKind
from ossetia_reader.core.formats.opml import parse_opml
from ossetia_reader.core.importer import export_records, import_paths
from ossetia_reader.core.library import ArticleFilter, Library
from ossetia_reader.core.saved import (
    Kind,
    Order,
    SavedError,
    get_saved,
    list_saved,
    remove_saved,
    save,
)
from ossetia_reader.core.search import SearchIndex, open_index
from ossetia_reader.core.subscriptions import (
    add_feed,
    export_opml,
    import_opml,
    list_feeds,
    rename_feed,
    tag_feed,
)


def article(
    n: int, title: str, body: str, *, feed: str | None = None, source: str = "S"
) -> Article:
    return Article(
        id=f"a{n}",
        title=title,
        body=body,
        date=dt.date(2024, 1, 1) + dt.timedelta(days=n),
        source=source,
        feed=feed,
    )


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library(tmp_path / "lib")
    library.add(
        [
            article(1, "Ossetia votes", "South Ossetia referendum", feed="https://a.example/rss"),
            article(2, "Ossetia again", "Tskhinvali and Ossetia", feed="https://a.example/rss"),
            article(3, "Horoscope today", "Stars say ossetia", feed="https://b.example/rss"),
            article(4, "Weather", "Rain in Moscow", source="Wire"),
            article(5, "Sponsored: buy", "Buy now, Ossetia deal", source="Sponsored"),
        ]
    )
    add_feed(library, "https://a.example/rss", "Feed A")
    add_feed(library, "https://b.example/rss")
    return library


def test_saved_searches_are_stored_listed_replaced_and_removed(lib: Library) -> None:
    save(lib, "Ossetia", "ossetia")
    save(lib, "Rain", "rain", order=Order.RANK)
    save(lib, "Ossetia", "ossetia -horoscope")
    assert [(s.name, s.query, s.order) for s in list_saved(lib)] == [
        ("Ossetia", "ossetia -horoscope", Order.NEWEST),
        ("Rain", "rain", Order.RANK),
    ]
    assert get_saved(lib, "ossetia") == get_saved(lib, "Ossetia")  # case-insensitive when unique
    assert list_saved(lib, Kind.FILTER) == []
    with pytest.raises(SavedError):
        save(lib, "  ", "x")
    assert "\x1b" not in save(lib, "esc\x1b", "\x1b[2J x").query + list_saved(lib)[-1].name
    assert remove_saved(lib, "esc␛")
    assert remove_saved(lib, "Rain") and not remove_saved(lib, "Rain")


def test_saved_search_keys_newest_first_or_by_rank_and_counts_from_the_index(
    lib: Library,
) -> None:
    index = SearchIndex.build(lib.iter_articles())
    counter = FeedCounter(lib, lambda: index)
    saved = save(lib, "Ossetia", "ossetia")
    keys = counter.saved_keys(saved)
    dates = [str(s.date) for s in lib.summaries(keys)]
    assert len(keys) == 4 and dates == sorted(dates, reverse=True)
    ranked = counter.saved_keys(save(lib, "Ossetia", "ossetia", order=Order.RANK))
    assert sorted(ranked) == sorted(keys) and ranked[0] != keys[0]  # the title hits rank first
    lib.set_read([keys[0]])
    entry = next(e for e in counter.counts().entries if e.view.kind is ViewKind.SAVED)
    assert (entry.label, entry.total, entry.unread) == ("Ossetia", 4, 3)


def test_counts_per_feed_and_source_and_tag_groups(lib: Library) -> None:
    counter = FeedCounter(lib)  # no index: saved searches are "not known yet"
    save(lib, "Ossetia", "ossetia")
    lib.set_read([lib.keys()[0]])
    entries = counter.counts().entries
    labels = [(e.label, e.total, e.unread, e.group) for e in entries]
    assert labels[:3] == [
        ("All articles", 5, 4, ""),
        ("Unread", 4, 4, ""),
        ("Starred", 0, None, ""),
    ]
    assert ("Ossetia", None, None, "Saved searches") in labels
    assert ("Feed A", 2, 2, "Feeds") in labels and (
        "https://b.example/rss",
        1,
        1,
        "Feeds",
    ) in labels
    assert ("Wire", 1, 1, "Sources") in labels and ("Sponsored", 1, 0, "Sources") in labels
    tag_feed(lib, "https://b.example/rss", ["fun", "fun", "x,y"])
    assert list_feeds(lib)[1].tags == ("fun", "x y")
    groups = [(e.label, e.group) for e in counter.counts().entries if e.view.kind is ViewKind.FEED]
    assert groups == [("https://b.example/rss", "fun"), ("Feed A", "Untagged")]
    rename_feed(lib, "https://b.example/rss", "Feed B")
    assert [f.name for f in list_feeds(lib)] == ["Feed A", "Feed B"]
    keys = counter.keys(View(ViewKind.FEED, "https://a.example/rss"))
    assert [s.title for s in lib.summaries(keys)] == ["Ossetia again", "Ossetia votes"]
    assert counter.keys(View(ViewKind.SOURCE, "Wire"), ArticleFilter.UNREAD) == lib.keys(
        ArticleFilter.UNREAD, source="Wire"
    )


def test_filters_hide_articles_everywhere_until_shown(lib: Library) -> None:
    index = SearchIndex.build(lib.iter_articles())
    counter = FeedCounter(lib, lambda: index)
    save(lib, "Ossetia", "ossetia")
    save(lib, "ads", 'source:"Sponsored"', Kind.FILTER)
    save(lib, "stars", "title:horoscope", Kind.FILTER)
    counter.refresh_hidden()
    assert counter.hidden_count() == 2
    everything = counter.keys(View())
    assert len(everything) == 3
    titles = {s.title for s in lib.summaries(everything)}
    assert "Horoscope today" not in titles and "Sponsored: buy" not in titles
    counts = {e.label: (e.total, e.unread) for e in counter.counts().entries}
    assert counts["All articles"] == (3, 3) and counts["Ossetia"] == (2, 2)
    assert "Sponsored" not in counts and counts["https://b.example/rss"] == (0, 0)
    counter.show_hidden = True
    assert len(counter.keys(View())) == 5
    assert counter.counts().hidden == 2


def test_match_keys_is_the_whole_match_set(lib: Library) -> None:
    index = SearchIndex.build(lib.iter_articles())
    for query in ("ossetia", "ossetia -horoscope", "rain OR stars", '"south ossetia"', ""):
        result = index.search(query, limit=100)
        assert sorted(index.match_keys(query).tolist()) == sorted(result.hits.keys)
    assert index.match_keys("ossetia").dtype == np.int64


def test_export_then_add_carries_saved_searches_and_filters(lib: Library, tmp_path: Path) -> None:
    save(lib, "Ossetia", "ossetia", order=Order.RANK)
    save(lib, "ads", 'source:"Sponsored"', Kind.FILTER)
    exported = tmp_path / "export.jsonl"
    exported.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in export_records(lib))
    )
    fresh = Library(tmp_path / "fresh")
    report = import_paths(fresh, [str(exported)])[0]
    assert report.added == 5 and report.failed == 0
    assert list_saved(fresh) == list_saved(lib)
    assert list_saved(fresh, Kind.FILTER) == list_saved(lib, Kind.FILTER)
    open_index(fresh)  # the records are not articles: the index holds the 5 articles only


def test_opml_keeps_titles_and_tags_as_folders_and_categories(lib: Library, tmp_path: Path) -> None:
    tag_feed(lib, "https://a.example/rss", ["Caucasus", "daily"])
    document = export_opml(lib)
    outlines = parse_opml(document.encode())
    assert [(o.url, o.title, o.tags) for o in outlines] == [
        ("https://a.example/rss", "Feed A", ("Caucasus", "daily")),
        ("https://b.example/rss", "https://b.example/rss", ()),
    ]
    other = Library(tmp_path / "other")
    import_opml(other, document.encode())
    assert next((f.url, f.title, f.tags) for f in list_feeds(other)) == (
        "https://a.example/rss",
        "Feed A",
        ("Caucasus", "daily"),
    )
    nested = b"""<opml version="1.0"><body><outline text="News"><outline text="Region">
    <outline text="X" xmlUrl="https://x.example/rss" category="/Politics/Caucasus,wire"/>
    </outline></outline></body></opml>"""
    assert parse_opml(nested)[0].tags == ("News", "Region", "Caucasus", "wire")


def _group_by(library: Library) -> set[tuple[str, str, int, int]]:
    rows = library.query(
        "SELECT coalesce(feed, ''), source, count(*), sum(read = 0) FROM articles GROUP BY 1, 2"
    )
    return {(str(f), str(s), int(n), int(u)) for f, s, n, u in rows}


def _kept(library: Library) -> set[tuple[str, str, int, int]]:
    rows = library.query("SELECT feed, source, total, unread FROM feed_counts WHERE total > 0")
    return {(str(f), str(s), int(n), int(u)) for f, s, n, u in rows}


def test_feed_counts_follow_every_write_and_the_migration_fills_them(
    lib: Library, tmp_path: Path
) -> None:
    import sqlite3

    assert _kept(lib) == _group_by(lib)
    keys = lib.keys()
    lib.set_read(keys[:3])
    lib.set_read(keys[:1])  # again: no change
    lib.set_read(keys[1:2], False)
    assert _kept(lib) == _group_by(lib)
    moved = article(2, "Ossetia again", "Now from another feed", feed="https://c.example/rss")
    lib.add([moved, article(9, "New", "Brand new", source="Wire")])  # an update and an insert
    assert _kept(lib) == _group_by(lib)
    lib.mark_all_read()
    assert _kept(lib) == _group_by(lib)
    with sqlite3.connect(lib.path) as other:  # another process (a cron fetch) writes
        other.execute("UPDATE articles SET read = 0, source = 'Elsewhere' WHERE key = ?", [keys[0]])
        other.execute("DELETE FROM articles WHERE key = ?", [keys[1]])
    assert _kept(lib) == _group_by(lib)
    lib.close()
    with sqlite3.connect(lib.path) as db:  # as a library from before step 11
        for trigger in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER feed_counts_{trigger}")
        db.execute("DROP TABLE feed_counts")
        db.execute("PRAGMA user_version = 10")
    reopened = Library(lib.directory)
    assert _kept(reopened) == _group_by(reopened)


def test_cached_match_sets_follow_the_index(lib: Library) -> None:
    index = SearchIndex.build(lib.iter_articles())
    holder = {"index": index}
    counter = FeedCounter(lib, lambda: holder["index"])
    save(lib, "Rain", "rain")
    assert next(e for e in counter.counts().entries if e.label == "Rain").total == 1
    (added,) = lib.add([article(7, "More rain", "Rain again in Tbilisi")])
    stored = lib.get(added.key)
    assert stored is not None
    index.add([stored])  # the same index object, changed
    assert next(e for e in counter.counts().entries if e.label == "Rain").total == 2
    holder["index"] = SearchIndex.build(lib.iter_articles())  # a new index object
    lib.add([article(8, "Rain once more", "Rain")])
    assert next(e for e in counter.counts().entries if e.label == "Rain").total == 2


def test_match_sets_are_kept_for_the_next_launch_while_the_index_is_unchanged(
    lib: Library,
) -> None:
    from ossetia_reader.core.feedlist import MATCH_CACHE
    from ossetia_reader.core.search import index_directory

    save(lib, "Ossetia", "ossetia")
    index = open_index(lib)
    first = FeedCounter(lib, lambda: index)
    counts = first.counts().entries
    first.save_cache()
    assert (index_directory(lib) / MATCH_CACHE).is_file()

    calls: list[str] = []
    real = index.match_keys

    def counting(query: str, *, newest_first: bool = True) -> np.ndarray:
        calls.append(query)
        return real(query, newest_first=newest_first)

    index.match_keys = counting  # type: ignore[method-assign]
    second = FeedCounter(lib, lambda: index)
    assert second.counts().entries == counts and calls == []  # read from disk, not evaluated
    lib.add([article(11, "Ossetia news", "More from Ossetia")])
    changed = open_index(lib)  # caught up and saved: a new stamp
    third = FeedCounter(lib, lambda: changed)
    entry = next(e for e in third.counts().entries if e.label == "Ossetia")
    assert entry.total == 5
