"""RSS/Atom/JSON Feed parsing: the real corpus against feedparser, and hostile feeds."""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import multiprocessing
import re
import resource
import time
import tracemalloc
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import feedparser
import pytest

from ossetia_reader.core.formats.detect import FormatError
from ossetia_reader.core.formats.feeds import parse_feed, parse_json_feed
from ossetia_reader.core.sanitize import safe_line

FEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "rss-feeds"


def _manifest() -> list[dict[str, str]]:
    path = FEEDS / "manifest.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


needs_corpus = pytest.mark.skipif(not _manifest(), reason="../shared/corpora/rss-feeds is absent")


def _plain(title: str) -> str:
    """feedparser keeps markup in HTML titles; the reader shows their text."""
    return safe_line(html.unescape(re.sub(r"<[^>]*>", "", title)))


def _check(rows: list[dict[str, str]]) -> list[str]:
    """Compare the reader's items with feedparser's for ``rows`` of the manifest."""
    warnings.simplefilter("ignore", DeprecationWarning)  # feedparser's own
    problems: list[str] = []
    for row in rows:
        data = (FEEDS / row["file"]).read_bytes()
        if row["root_format"] == "jsonfeed":
            items = json.loads(data)["items"]
            expected = [safe_line(item.get("title", "")) for item in items]
        else:
            reference = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
            expected = [_plain(entry.get("title", "")) for entry in reference.entries]
        try:
            parsed = parse_feed(data, feed_key=f"file:{row['file']}")
        except FormatError as error:
            reason = str(error)
            if expected:
                problems.append(f"{row['file']}: rejected ({reason}) but has {len(expected)}")
            elif "\n" in reason or not reason:
                problems.append(f"{row['file']}: reason is not one line: {reason!r}")
            continue
        got = [article.title for article in parsed.articles]
        if len(got) != len(expected):
            problems.append(f"{row['file']}: {len(got)} items, feedparser {len(expected)}")
            continue
        # Deliberately mis-declared encodings decode differently (and better) here.
        titles_comparable = not row["file"].startswith("malformed/")
        for mine, theirs in zip(got, expected, strict=True):
            if titles_comparable and theirs and mine != theirs:
                problems.append(f"{row['file']}: title {mine!r} != {theirs!r}")
                break
        if len({a.id for a in parsed.articles}) != len(parsed.articles):
            problems.append(f"{row['file']}: ids are not unique")
    return problems


@needs_corpus
@pytest.mark.slow
def test_every_feed_in_the_corpus_gives_feedparsers_items_and_titles() -> None:
    """All 268 files in one test (not 268), on both cores, with a precise failure list."""
    rows = sorted(_manifest(), key=lambda row: -int(row["bytes"]))
    chunks = [rows[0::2], rows[1::2]]  # biggest files split evenly
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        problems = [problem for found in pool.map(_check, chunks) for problem in found]
    assert not problems, "\n".join(problems)


@needs_corpus
def test_feeds_that_are_not_feeds_fail_with_one_line_reasons() -> None:
    cases = {
        "real/feedjira-2009/SFRubyorgHome.xml": "HTML page",
        "real/feedjira-2009/google-reader-subscriptions.xml": "OPML",
        "malformed/feedparser-illformed/rss_empty_document.xml": "not a feed",
    }
    for name, words in cases.items():
        with pytest.raises(FormatError, match=words) as caught:
            parse_feed((FEEDS / name).read_bytes(), feed_key="k")
        assert "\n" not in str(caught.value)


@needs_corpus
def test_undeclared_latin1_feed_reads_as_latin1() -> None:
    parsed = parse_feed((FEEDS / "real/rss-parser/uolNoticias.rss").read_bytes(), feed_key="k")
    text = " ".join(a.title + a.body for a in parsed.articles)
    assert re.search("[çãéêáíóú]", text)
    assert "\ufffd" not in text and "Ã" not in text


def test_undeclared_windows_1251_feed_reads_as_russian() -> None:
    xml = (
        "<rss version='2.0'><channel><title>Новости</title>"
        "<item><title>Кремль преуменьшил призыв лидера Южной Осетии</title>"
        "<description>Президент заявил журналистам во вторник</description>"
        "<guid>a1</guid></item></channel></rss>"
    ).encode("cp1251")
    parsed = parse_feed(xml, feed_key="k")
    assert parsed.title == "Новости"
    assert parsed.articles[0].title == "Кремль преуменьшил призыв лидера Южной Осетии"
    assert parsed.articles[0].body == "Президент заявил журналистам во вторник"


def test_undeclared_koi8_r_feed_reads_as_russian() -> None:
    # KOI8-R puts the alphabet where Windows-1251 does, in the opposite case.
    xml = (
        "<rss version='2.0'><channel><title>Новости</title>"
        "<item><title>Кремль преуменьшил призыв лидера Южной Осетии</title>"
        "<description>Президент заявил журналистам во вторник</description>"
        "<guid>a1</guid></item></channel></rss>"
    ).encode("koi8_r")
    parsed = parse_feed(xml, feed_key="k")
    assert parsed.title == "Новости"
    assert parsed.articles[0].title == "Кремль преуменьшил призыв лидера Южной Осетии"
    assert parsed.articles[0].body == "Президент заявил журналистам во вторник"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"""


def test_billion_laughs_is_rejected_quickly_in_bounded_memory() -> None:
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(FormatError, match="entit"):
            parse_feed(BILLION_LAUGHS, feed_key="k")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 1.0
    assert peak < 5 * 1024 * 1024  # expanded, it would be ~3 GB
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 2 * 1024 * 1024  # KiB: < 2 GiB


def test_external_entities_and_utf16_bombs_are_rejected() -> None:
    xxe = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&x;</title><item><title>t</title></item></channel></rss>"""
    with pytest.raises(FormatError):
        parse_feed(xxe, feed_key="k")
    with pytest.raises(FormatError):
        parse_feed(BILLION_LAUGHS.decode().encode("utf-16"), feed_key="k")


def test_items_without_titles_dates_or_links_still_import() -> None:
    xml = b"""<rss version="2.0"><channel><title>Bare</title>
<item><description>Only a description, no title, no date, no link.</description></item>
<item><description></description></item>
<item><title>Has a title</title></item>
</channel></rss>"""
    parsed = parse_feed(xml, feed_key="file:///bare.xml")
    first, empty, titled = parsed.articles
    assert first.title == "Only a description, no title, no date, no link."
    assert first.date is None and first.url is None
    assert empty.title == "Bare #2" and empty.body == ""
    assert titled.title == "Has a title"
    assert len({first.id, empty.id, titled.id}) == 3
    assert all(a.source == "Bare" and a.feed == "file:///bare.xml" for a in parsed.articles)


def test_duplicate_guids_keep_both_items_and_ids_are_stable() -> None:
    xml = b"""<rss version="2.0"><channel><title>Dupes</title>
<item><guid>same</guid><title>First story</title><link>https://example.com/1</link></item>
<item><guid>same</guid><title>Second story</title><link>https://example.com/2</link></item>
<item><guid>same</guid><title>First story</title><link>https://example.com/1</link></item>
</channel></rss>"""
    parsed = parse_feed(xml, feed_key="https://example.com/feed")
    ids = [a.id for a in parsed.articles]
    assert ids[0] != ids[1]
    assert "items share a GUID" in parsed.warnings
    assert ids == [a.id for a in parse_feed(xml, feed_key="https://example.com/feed").articles]
    # The same GUID in another feed is another item; a URL-like GUID is global.
    assert parse_feed(xml, feed_key="https://other.org/feed").articles[0].id != ids[0]


def test_hostile_text_in_feeds_is_made_safe_and_links_are_checked() -> None:
    xml = b"""<rss version="2.0"><channel><title>Evil \x1b]2;owned\x07 feed</title>
<item><title>[bold]Hi[/bold] \x1b[2J</title><link>javascript:alert(1)</link>
<description>&lt;p&gt;A &lt;a href="javascript:alert(1)"&gt;bad&lt;/a&gt; and
&lt;a href="https://example.com/ok"&gt;good&lt;/a&gt; link
&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item></channel></rss>"""
    article = parse_feed(xml, feed_key="k").articles[0]
    assert "\x1b" not in article.title + article.body + article.source
    assert article.title.startswith("[bold]Hi[/bold]")
    assert article.url is None  # javascript: is not a URL to open
    assert "alert" not in article.body
    assert [(article.body[k.start : k.end], k.target) for k in article.links] == [
        ("good", "https://example.com/ok")
    ]


def test_json_feed_1_1_and_1_0() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON News",
        "home_page_url": "https://news.example/",
        "items": [
            {
                "id": "https://news.example/1",
                "url": "https://news.example/1",
                "title": "One",
                "content_html": "<p>Para <a href='/rel'>one</a>.</p><p>Two.</p>",
                "date_published": "2022-03-31T10:00:00Z",
                "authors": [{"name": "Jane Roe"}],
            },
            {"id": 2, "content_text": "Plain text only.\n\nSecond paragraph."},
            "not an object",
        ],
    }
    parsed = parse_json_feed(json.dumps(feed).encode(), feed_key="k")
    one, two = parsed.articles
    assert (one.title, one.author, one.date) == ("One", "Jane Roe", dt.date(2022, 3, 31))
    assert one.body == "Para one.\n\nTwo."
    assert one.links[0].target == "https://news.example/rel"
    assert two.title == "Plain text only." and two.body == "Plain text only.\n\nSecond paragraph."
    assert parsed.kind == "json11" and parsed.warnings == ["1 items are not JSON objects"]
    feed["version"] = "https://jsonfeed.org/version/1"
    assert parse_feed(json.dumps(feed).encode(), feed_key="k").kind == "json1"
    with pytest.raises(FormatError, match=r"jsonfeed\.org"):
        parse_feed(b'{"items": []}', feed_key="k")


def test_an_html_page_points_to_the_feed_it_announces() -> None:
    page = (
        b"<!DOCTYPE html><html><head><link rel='stylesheet' href='a.css'>"
        b"<link rel='alternate' type='application/atom+xml' href='/atom.xml'>"
        b"</head><body>A blog</body></html>"
    )
    with pytest.raises(FormatError) as caught:
        parse_feed(page, feed_key="k", content_type="text/html", base_url="https://b.example/x/")
    assert str(caught.value) == (
        "not a feed: an HTML page that links to the feed https://b.example/atom.xml "
        "(subscribe to that)"
    )
    evil = b"<html><head><link rel='alternate' type='application/rss+xml' href='javascript:x'>"
    with pytest.raises(FormatError, match=r"an HTML page$"):
        parse_feed(evil, feed_key="k")
