"""The ``feeds`` table: subscribe, list, remove, OPML in and out, fetch status."""

from __future__ import annotations

from pathlib import Path

import pytest

from ossetia_reader.core.formats.detect import FormatError
from ossetia_reader.core.library import Library
from ossetia_reader.core.subscriptions import (
    Feed,
    SubscriptionError,
    add_feed,
    export_opml,
    find_feed,
    import_opml,
    list_feeds,
    normalize_feed_url,
    record_fetch,
    remove_feed,
)


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib")


def test_urls_and_paths_are_normalised(tmp_path: Path) -> None:
    local = tmp_path / "f.xml"
    local.write_text("<rss/>")
    assert normalize_feed_url(" https://example.com/rss ") == "https://example.com/rss"
    assert normalize_feed_url(str(local)) == local.resolve().as_uri()
    for bad in ("ftp://example.com/x", "javascript:alert(1)//", "https:///nohost", "nothing"):
        with pytest.raises(SubscriptionError):
            normalize_feed_url(bad)


def test_add_list_find_remove(lib: Library) -> None:
    first = add_feed(lib, "https://b.example/rss")
    again = add_feed(lib, "https://b.example/rss", title="ignored")
    add_feed(lib, "https://a.example/rss", title="Alpha")
    assert first == again == Feed("https://b.example/rss")
    assert [f.url for f in list_feeds(lib)] == ["https://a.example/rss", "https://b.example/rss"]
    assert find_feed(lib, "Alpha") == Feed("https://a.example/rss", "Alpha")
    assert remove_feed(lib, "https://a.example/rss") and not remove_feed(
        lib, "https://a.example/rss"
    )
    assert [f.url for f in list_feeds(lib)] == ["https://b.example/rss"]


def test_record_fetch_keeps_validators_on_failure_and_the_users_title(lib: Library) -> None:
    add_feed(lib, "https://a.example/rss", title="Mine")
    record_fetch(lib, "https://a.example/rss", status="ok", title="Theirs", etag='"1"')
    record_fetch(lib, "https://a.example/rss", status="failed", error="HTTP 500 oops")
    (feed,) = list_feeds(lib)
    assert (feed.title, feed.etag, feed.last_status, feed.last_error) == (
        "Mine",
        '"1"',
        "failed",
        "HTTP 500 oops",
    )
    assert feed.last_fetch is not None


def test_opml_round_trip_between_libraries(lib: Library, tmp_path: Path) -> None:
    add_feed(lib, "https://a.example/rss", title="A & <b>")
    add_feed(lib, "https://c.example/atom")
    document = export_opml(lib)
    other = Library(tmp_path / "other")
    added, skipped = import_opml(other, document.encode())
    assert [f.url for f in added] == [f.url for f in list_feeds(lib)] and not skipped
    assert [(f.url, f.title) for f in list_feeds(other)] == [
        ("https://a.example/rss", "A & <b>"),
        ("https://c.example/atom", "https://c.example/atom"),
    ]
    added, skipped = import_opml(other, document.encode())
    assert added == [] and len(skipped) == 2
    with pytest.raises(FormatError):
        import_opml(other, b"<rss/>")


def test_opml_with_bad_outlines_keeps_the_good_ones(lib: Library) -> None:
    document = b"""<opml version="2.0"><body>
<outline text="ok" xmlUrl="https://ok.example/rss"/>
<outline text="ftp" xmlUrl="ftp://old.example/rss"/>
<outline text="evil" xmlUrl="javascript:alert(1)"/></body></opml>"""
    added, skipped = import_opml(lib, document)
    assert [f.url for f in added] == ["https://ok.example/rss"]
    assert len(skipped) == 2
