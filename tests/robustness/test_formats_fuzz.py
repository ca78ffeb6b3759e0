"""Every import parser takes hostile input and returns safe articles or a ``FormatError``.

"Safe" is checked field by field (``article_fields_safe``): no terminal control
survives, one-line fields hold one line, and no link target is a script or a
local file. Error messages are printed to the terminal too, so they are checked
the same way.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ossetia_reader.core.article import Entity, Quote
from ossetia_reader.core.formats.detect import FormatError, detect_format
from ossetia_reader.core.formats.feeds import parse_feed, parse_json_feed
from ossetia_reader.core.formats.html import html_to_line, html_to_text
from ossetia_reader.core.formats.jsonl import LineError, iter_jsonl, parse_record
from ossetia_reader.core.formats.markdown import parse_front_matter, parse_markdown
from ossetia_reader.core.formats.opml import parse_opml

from .conftest import (
    ESCAPE_SEQUENCES,
    MARKUP,
    ROBUST,
    article_fields_safe,
    assert_terminal_safe,
    hostile_text,
)

UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
TARGETS = [
    "https://example.org/a",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\x00script:x",
    "&#106;avascript:alert(1)",
    "file:///etc/passwd",
    "FILE:///etc/shadow",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "//evil.example/x",
    "#anchor",
    "relative/page.html",
    "mailto:a@example.org",
    "https://evil.example/\x1b]2;x\x07",
]
target = st.one_of(st.sampled_from(TARGETS), st.text(max_size=30))


def check_links(article: Any) -> None:
    for link in article.links:
        assert not UNSAFE_SCHEME.match(link.target), f"unsafe link target {link.target!r}"
        assert 0 <= link.start <= link.end <= len(article.body)


def check_error(error: FormatError) -> None:
    assert_terminal_safe(str(error), one_line=True)


def expect_articles_or_format_error(parse: Callable[[], Any]) -> Any:
    try:
        return parse()
    except FormatError as error:
        check_error(error)
        return None


# -- RSS / Atom -----------------------------------------------------------------


def xml_text(value: str, how: str) -> str:
    if how == "escaped":
        return escape(value)
    if how == "cdata":
        return f"<![CDATA[{value.replace(']]>', '')}]]>"
    if how == "charref":
        return "".join(
            f"&#{ord(c)};" if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c for c in value
        )
    return value  # raw: often not well-formed, which a real feed may be too


item = st.tuples(
    hostile_text, hostile_text, target, st.sampled_from(["escaped", "cdata", "charref", "raw"])
)


@st.composite
def rss_documents(draw: st.DrawFn) -> bytes:
    how = draw(st.sampled_from(["escaped", "cdata", "charref", "raw"]))
    title = xml_text(draw(hostile_text), how)
    parts = [f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>']
    for text_title, description, link, item_how in draw(st.lists(item, max_size=4)):
        parts.append(
            f"<item><title>{xml_text(text_title, item_how)}</title>"
            f"<link>{escape(link)}</link>"
            f"<description>{xml_text(description, item_how)}</description>"
            f"<guid>{escape(link)}</guid></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8", "surrogatepass")


@st.composite
def atom_documents(draw: st.DrawFn) -> bytes:
    entries: list[str] = []
    for text_title, content, link, how in draw(st.lists(item, max_size=3)):
        kind = draw(st.sampled_from(["text", "html", "xhtml"]))
        body = (
            xml_text(content, how)
            if kind != "xhtml"
            else f"<div xmlns='http://www.w3.org/1999/xhtml'>{escape(content)}</div>"
        )
        entries.append(
            f"<entry><title type='html'>{xml_text(text_title, how)}</title>"
            f"<link href='{escape(link, {chr(39): '&apos;'})}'/><id>urn:{len(entries)}</id>"
            f"<content type='{kind}'>{body}</content></entry>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{escape(draw(hostile_text))}</title>{''.join(entries)}</feed>"
    ).encode("utf-8", "surrogatepass")


@ROBUST
@given(st.one_of(rss_documents(), atom_documents()))
@example(
    b"<rss version='2.0'><channel><title>&#27;]2;x&#7;</title><item><title>a&#x9b;2J</title>"
    b"<link>javascript:alert(1)</link><description>&lt;a href='file:///etc/passwd'&gt;x&lt;/a&gt;"
    b"[@click=app.quit]q[/]</description></item></channel></rss>"
)
def test_feeds_parse_to_safe_articles(data: bytes) -> None:
    parsed = expect_articles_or_format_error(
        lambda: parse_feed(data, feed_key="https://f.example/rss")
    )
    if parsed is None:
        return
    assert_terminal_safe(parsed.title, one_line=True)
    for warning in parsed.warnings:
        assert_terminal_safe(warning, one_line=True)
    for article in parsed.articles:
        article_fields_safe(article)
        check_links(article)


@ROBUST
@given(st.binary(max_size=3000))
@example(b"\xff\xfe<\x00r\x00s\x00s\x00")
@example(b"<?xml version='1.0' encoding='x-unknown'?><rss/>")
def test_any_bytes_as_a_feed(data: bytes) -> None:
    parsed = expect_articles_or_format_error(lambda: parse_feed(data, feed_key="k"))
    if parsed is not None:
        for article in parsed.articles:
            article_fields_safe(article)


json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text, target)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
json_item = st.fixed_dictionaries(
    {},
    optional={
        "id": json_value,
        "url": st.one_of(target, json_value),
        "external_url": target,
        "title": st.one_of(hostile_text, json_value),
        "content_html": hostile_text.map(lambda t: f"<p>{t}</p><a href='javascript:x'>j</a>"),
        "content_text": hostile_text,
        "summary": hostile_text,
        "date_published": st.one_of(
            st.sampled_from(["2022-03-31T10:00:00Z", "not a date", "9999-99-99"]), json_value
        ),
        "authors": json_value,
        "author": json_value,
        "tags": json_value,
    },
)


@ROBUST
@given(
    st.fixed_dictionaries(
        {
            "version": st.sampled_from(
                ["https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1", "x"]
            ),
            "items": st.one_of(st.lists(json_item, max_size=4), json_value),
        },
        optional={"title": st.one_of(hostile_text, json_value), "home_page_url": target},
    )
)
def test_json_feeds_parse_to_safe_articles(document: dict[str, Any]) -> None:
    data = json.dumps(document).encode()
    parsed = expect_articles_or_format_error(lambda: parse_json_feed(data, feed_key="k"))
    if parsed is None:
        return
    assert_terminal_safe(parsed.title, one_line=True)
    for article in parsed.articles:
        article_fields_safe(article)
        check_links(article)


# -- HTML fragments ----------------------------------------------------------------

html_piece = st.one_of(
    hostile_text,
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<br>",
            "<script>alert(1)</script>",
            "<style>x{}</style>",
            "<a href='javascript:alert(1)'>js</a>",
            '<a href="file:///etc/passwd">file</a>',
            "<a href='https://example.org/'>ok</a>",
            "<a href='&#x1b;]2;x&#x7;'>esc</a>",
            "&#27;[31m",
            "&#x9b;2J",
            "&#8238;",
            "&lt;b&gt;",
            "<img src=x onerror=alert(1)>",
            "<!-- \x1b]2;x\x07 -->",
            "<![CDATA[\x1b[2J]]>",
            "<h1>",
            "<li>",
            "<table><tr><td>",
            "<pre>\x1b[31m</pre>",
        ]
    ),
)
html_fragment = st.lists(html_piece, max_size=25).map("".join)


@ROBUST
@given(html_fragment, st.sampled_from([None, "https://example.org/a/b", "javascript:x"]))
def test_html_fragments_become_safe_text(html: str, base_url: str | None) -> None:
    body, links = html_to_text(html, base_url)
    assert_terminal_safe(body)
    for link in links:
        assert not UNSAFE_SCHEME.match(link.target), link
        assert_terminal_safe(link.target, one_line=True)
        assert 0 <= link.start <= link.end <= len(body)
    assert_terminal_safe(html_to_line(html), one_line=True)


# -- Markdown with front matter ----------------------------------------------------

front_matter_line = st.tuples(
    st.sampled_from(["title", "date", "url", "link", "source", "author", "id", "caption", "x"]),
    st.one_of(hostile_text, target, st.just('"quoted: value"')),
).map(lambda kv: f"{kv[0]}: {kv[1]}")
markdown_piece = st.one_of(
    hostile_text,
    st.sampled_from(MARKUP + ESCAPE_SEQUENCES),
    st.tuples(hostile_text, target).map(lambda tt: f"[{tt[0]}]({tt[1]})"),
    st.sampled_from(
        ["# Heading", "- item", "> quote", "```", "\n\n", "**bold**", "![img](file:///x)"]
    ),
)


@ROBUST
@given(
    st.one_of(st.none(), st.lists(front_matter_line, max_size=6)),
    st.lists(markdown_piece, max_size=20).map("".join),
)
@example(["title: \x1b]2;x\x07", "url: javascript:alert(1)"], "[a](javascript:alert(1))")
def test_markdown_parses_to_a_safe_article(front: list[str] | None, body: str) -> None:
    text = body if front is None else "---\n" + "\n".join(front) + "\n---\n" + body
    fields, rest = parse_front_matter(text)
    assert isinstance(fields, dict) and isinstance(rest, str)
    article = parse_markdown(text, fallback_id="file-name", origin="fuzz.md")
    article_fields_safe(article)
    check_links(article)
    assert article.url is None or article.url.lower().startswith(("http://", "https://"))


def test_markdown_fallback_title_from_a_hostile_file_name_is_safe() -> None:
    article = parse_markdown("", fallback_id="\x1b]2;pwned\x07", origin="x.md")
    article_fields_safe(article)


# -- JSON Lines ----------------------------------------------------------------------

jsonl_object = st.fixed_dictionaries(
    {},
    optional={
        "id": json_value,
        "title": st.one_of(hostile_text, json_value),
        "body": st.one_of(hostile_text, json_value),
        "date": json_value,
        "source": json_value,
        "url": st.one_of(target, json_value),
        "links": json_value,
        "entities": json_value,
        "quotes": json_value,
        "tags": json_value,
        "read": json_value,
    },
)


@ROBUST
@given(
    st.lists(
        st.one_of(jsonl_object.map(json.dumps), json_value.map(json.dumps), st.text(max_size=40)),
        max_size=6,
    )
)
@example(['{"title": "t", "body": "abc", "links": [[0, 99, "javascript:x"], [2, 1, "https://x"]]}'])
@example(
    ['{"title": "t", "body": "abc", "entities": [[0, 3, "abc", "PER", "\\u001b]2;x\\u0007"]]}']
)
def test_json_lines_give_safe_records_or_line_errors(lines: list[str]) -> None:
    stream = io.StringIO("\n".join(line.replace("\n", " ") for line in lines))
    for result in iter_jsonl(stream):
        if isinstance(result, LineError):
            assert_terminal_safe(result.reason, one_line=True)
            continue
        article_fields_safe(result.article)
        check_links(result.article)
        for tag in result.tags:
            assert_terminal_safe(tag, one_line=True)
        spans: list[Entity | Quote] = [*result.article.entities, *result.article.quotes]
        for span in spans:
            assert 0 <= span.start <= span.end <= len(result.article.body)


@ROBUST
@given(st.text(max_size=200))
def test_any_line_is_a_record_or_a_format_error(line: str) -> None:
    record = expect_articles_or_format_error(lambda: parse_record(line))
    if record is not None:
        article_fields_safe(record.article)


# -- OPML and format detection ---------------------------------------------------------


@st.composite
def opml_documents(draw: st.DrawFn) -> bytes:
    outlines = "".join(
        f"<outline text={json.dumps(escape(draw(hostile_text)))} "
        f"xmlUrl={json.dumps(escape(draw(target)))}/>"
        for _ in range(draw(st.integers(0, 4)))
    )
    nested = f"<outline text='folder'>{outlines}</outline>" if draw(st.booleans()) else outlines
    return f"<?xml version='1.0'?><opml version='2.0'><body>{nested}</body></opml>".encode(
        "utf-8", "surrogatepass"
    )


@ROBUST
@given(st.one_of(opml_documents(), st.binary(max_size=500)))
@example(b"<!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]><opml><body/></opml>")
def test_opml_gives_safe_outlines_or_a_format_error(data: bytes) -> None:
    outlines = expect_articles_or_format_error(lambda: parse_opml(data))
    for outline in outlines or []:
        assert_terminal_safe(outline.title, one_line=True)
        assert_terminal_safe(outline.url, one_line=True)


@ROBUST
@given(st.text(max_size=40), st.binary(max_size=300))
def test_format_detection_names_a_format_or_says_why_not(name: str, head: bytes) -> None:
    expect_articles_or_format_error(lambda: detect_format(name, head))


# -- bombs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        b"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'>"
        + b"".join(f"<!ENTITY a{i} '{'&a;' * 10}'>".encode() for i in range(1))
        + b"]><rss><channel><title>&a0;</title></channel></rss>",
        b"<?xml version='1.0'?><!DOCTYPE rss SYSTEM 'file:///etc/passwd'><rss/>",
        b"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        b"<rss><channel><title>&x;</title></channel></rss>",
        "<?xml version='1.0' encoding='utf-16'?><!DOCTYPE rss [<!ENTITY a 'b'>]><rss/>".encode(
            "utf-16"
        ),
    ],
    ids=["laughs", "external-dtd", "external-entity", "utf-16-entities"],
)
def test_entity_declarations_never_reach_the_parser(document: bytes) -> None:
    parsed = expect_articles_or_format_error(lambda: parse_feed(document, feed_key="k"))
    if parsed is not None:
        assert "root:" not in parsed.title
        for article in parsed.articles:
            assert "root:" not in article.body


_SMALL_DTD = "<!DOCTYPE rss [<!ENTITY a 'expanded'>]>"
_FEED_USING_IT = (
    "<rss version='2.0'><channel><title>&a;</title><item><title>&a;</title></item></channel></rss>"
)


@pytest.mark.parametrize(
    "document",
    [
        (
            "<?xml version='1.0'?><!--" + "x" * 1_000_000 + "-->" + _SMALL_DTD + _FEED_USING_IT
        ).encode(),
        ("<?xml version='1.0' encoding='utf-32'?>" + _SMALL_DTD + _FEED_USING_IT).encode("utf-32"),
        ("<?xml version='1.0' encoding='utf-16le'?>" + _SMALL_DTD + _FEED_USING_IT).encode(
            "utf-16-le"
        ),
    ],
    ids=["after-1mb-comment", "utf-32", "utf-16le-no-bom"],
)
def test_entity_declarations_are_rejected_however_encoded(document: bytes) -> None:
    with pytest.raises(FormatError):
        parse_feed(document, feed_key="k")
