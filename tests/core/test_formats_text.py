"""Markdown, HTML, JSON Lines, OPML and format detection."""

from __future__ import annotations

import json

import pytest

from ossetia_reader.core.formats.detect import Format, FormatError, detect_format
from ossetia_reader.core.formats.html import html_to_text, parse_html_page
from ossetia_reader.core.formats.jsonl import LineError, Record, iter_jsonl, parse_record
from ossetia_reader.core.formats.markdown import parse_markdown, safe_link_target
from ossetia_reader.core.formats.opml import Outline, parse_opml, write_opml

MARKDOWN = """---
title: "Kremlin: plays down call"
date: 2022-03-31
url: https://www.themoscowtimes.com/2022/03/31/a
author: Jane Roe
---
# Kremlin: plays down call

A [related article](https://example.com/r) and an [evil one](javascript:alert(1)),
a [local file](file:///etc/passwd), an escaped \\[not a link\\](x) and **bold**.

- first point
- second point

![a photo](https://example.com/p.jpg) caption text.
"""


def _spans(body: str, links: tuple) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(body[k.start : k.end], k.target) for k in links]


def test_markdown_front_matter_links_and_blocks() -> None:
    article = parse_markdown(MARKDOWN, fallback_id="file", origin="file:///a.md")
    assert article.title == "Kremlin: plays down call"
    assert article.date is not None and article.date.isoformat() == "2022-03-31"
    assert article.source == "The Moscow Times" and article.author == "Jane Roe"
    assert article.paragraphs == [
        "A related article and an evil one, a local file, an escaped [not a link](x) and bold.",
        "• first point",
        "• second point",
        "a photo caption text.",
    ]
    assert _spans(article.body, article.links) == [("related article", "https://example.com/r")]
    assert article.id == parse_markdown(MARKDOWN, fallback_id="other").id  # from the URL


def test_markdown_without_front_matter_takes_the_heading_then_the_file_name() -> None:
    assert parse_markdown("# Heading\n\nText.", fallback_id="f").title == "Heading"
    bare = parse_markdown("", fallback_id="name")
    assert (bare.title, bare.body, "no title" in bare.warnings) == ("name", "", True)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("mailto:a@example.com", "mailto:a@example.com"),
        ("#", "#"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("java\u2409script:alert(1)", None),  # a tab made visible by safe_text
        ("file:///etc/passwd", None),
        ("data:text/html,<script>", None),
        ("vbscript:x", None),
        ("//evil.example/x", None),
    ],
)
def test_only_web_and_mail_links_can_be_opened(target: str, expected: str | None) -> None:
    assert safe_link_target(target) == expected


def test_relative_links_resolve_against_the_page() -> None:
    assert safe_link_target("/a/b", "https://example.com/x/y") == "https://example.com/a/b"
    assert safe_link_target("//cdn.example/x", "https://example.com/") == "https://cdn.example/x"


def test_html_fragment_to_paragraphs_and_links() -> None:
    body, links = html_to_text(
        "<p>One <a href='https://e.org/a b'>li[n]k</a> &amp; "
        "<a href='javascript:x()'>bad</a></p><script>evil()</script>"
        "<ul><li>item</li></ul><p>\x1b[31mred</p>",
        "https://e.org/",
    )
    assert body == "One li[n]k & bad\n\n• item\n\n␛[31mred"
    assert _spans(body, links) == [("li[n]k", "https://e.org/a%20b")]


def test_html_page_main_text_is_extracted_without_boilerplate() -> None:
    page = """<html><head><title>Site | Big news</title>
<meta property="og:title" content="Big news"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2022-03-31"></head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<article><h1>Big news</h1>
<p>The first paragraph of the story has enough words to be the main text, with a
<a href="/related">related link</a> and <a href="javascript:alert(1)">a trap</a>.</p>
<p>The second paragraph goes on with the story for a while, as stories do.</p></article>
<footer>Copyright 2022 Example Media. All rights reserved.</footer></body></html>"""
    article = parse_html_page(page, url="https://example.com/news/1", fallback_id="x")
    assert article.title == "Big news" and article.author == "Jane Roe"
    assert article.date is not None and article.date.isoformat() == "2022-03-31"
    assert "second paragraph" in article.body
    assert "Copyright" not in article.body and "About us" not in article.body
    assert _spans(article.body, article.links) == [("related link", "https://example.com/related")]
    with pytest.raises(FormatError):
        parse_html_page("<html><body></body></html>", url=None, fallback_id="x")


def test_jsonl_corpus_schema_and_export_fields() -> None:
    line = json.dumps(
        {
            "id": "kremlin-1",
            "title": "Meeting",
            "date": "2022-06-24T17:30:00Z",
            "source": "President of Russia",
            "url": "http://en.kremlin.ru/events/president/news/1",
            "body": "Text with a link.\n\nMore.",
            "links": [
                {"start": 12, "end": 16, "target": "https://x.org"},
                {"start": 0, "end": 4, "target": "javascript:alert(1)"},
                {"start": 90, "end": 99, "target": "https://out.of/range"},
            ],
            "read": True,
            "starred": True,
            "tags": ["a", 3, "b"],
        }
    )
    record = parse_record(line)
    article = record.article
    assert (article.id, article.title, article.date.isoformat()) == (  # type: ignore[union-attr]
        "kremlin-1",
        "Meeting",
        "2022-06-24",
    )
    assert [(k.start, k.end, k.target) for k in article.links] == [(12, 16, "https://x.org")]
    assert (record.read, record.starred, record.tags) == (True, True, ("a", "b"))


def test_jsonl_bad_lines_are_reported_and_the_rest_read() -> None:
    lines = [
        '{"id": "a", "title": "A", "body": "x"}',
        "not json",
        "[1, 2]",
        '{"id": "b"}',
        "",
        '{"title": "No id \\u001b[2J", "body": "y"}',
    ]
    items = list(iter_jsonl(iter(line + "\n" for line in lines)))  # type: ignore[arg-type]
    assert [type(i).__name__ for i in items] == [
        "Record",
        "LineError",
        "LineError",
        "LineError",
        "Record",
    ]
    assert isinstance(items[1], LineError) and items[1].reason.startswith("line 2: not JSON")
    last = items[-1]
    assert isinstance(last, Record) and "\x1b" not in last.article.title
    assert last.article.id.startswith("jsonl-")


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"Title\n\nMarch 31, 2022\n", Format.STORED_TEXT),
        ("a.md", b"---\ntitle: x\n---\n", Format.MARKDOWN),
        ("a.html", b"<!DOCTYPE html><html>", Format.HTML),
        ("page", b"<html><body>", Format.HTML),
        ("a.xml", b"<html><body>", Format.FEED),  # named a feed: the parser explains
        ("feed", b"\n\n<?xml version='1.0'?><rss>", Format.FEED),
        ("a.atom", b"<feed xmlns='http://www.w3.org/2005/Atom'>", Format.FEED),
        ("a.json", b'{"version": "https://jsonfeed.org/version/1.1"}', Format.FEED),
        ("a.json", b'{"id": "1", "body": "x"}\n{"id": "2", "body": "y"}\n', Format.JSONL),
        ("a.jsonl", b'{"id": "1"}\n', Format.JSONL),
        ("subs.xml", b"<?xml version='1.0'?><opml version='2.0'>", Format.OPML),
    ],
)
def test_detect_format(name: str, head: bytes, expected: Format) -> None:
    assert detect_format(name, head) is expected


@pytest.mark.parametrize(
    ("head", "words"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"abc\x00\x01\x02\x03def", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_detect_rejects_empty_and_binary_files(head: bytes, words: str) -> None:
    with pytest.raises(FormatError, match=words):
        detect_format("file.txt", head)


def test_opml_round_trip_and_nested_folders() -> None:
    outlines = [
        Outline("https://example.com/feed.xml", "Example & <Co>"),
        Outline("file:///home/me/feed.xml", ""),
    ]
    document = write_opml(outlines)
    assert parse_opml(document.encode()) == [
        Outline("https://example.com/feed.xml", "Example & <Co>"),
        Outline("file:///home/me/feed.xml", "file:///home/me/feed.xml"),
    ]
    nested = b"""<opml version="1.0"><body><outline text="News">
<outline text="A" xmlUrl="https://a.example/rss"/><outline text="A again" xmlUrl="https://a.example/rss"/>
</outline><outline text="B" title="Bee" xmlUrl="https://b.example/atom"/></body></opml>"""
    assert parse_opml(nested) == [
        Outline("https://a.example/rss", "A", ("News",)),  # its folder is its tag
        Outline("https://b.example/atom", "Bee"),
    ]
    with pytest.raises(FormatError):
        parse_opml(b"<rss/>")
    with pytest.raises(FormatError):
        parse_opml(b"<opml><body><outline")
