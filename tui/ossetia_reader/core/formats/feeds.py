"""RSS, Atom and JSON Feed documents → articles.

RSS and Atom go through feedparser, which has parsed the web's broken feeds
for twenty years: it recovers what it can from ill-formed XML (its "bozo"
mode), guesses encodings, resolves relative links and sanitises item HTML.
JSON Feed 1.0/1.1 is plain JSON and is read here by hand.

Two guards come before feedparser. A document that declares XML entities is
rejected outright: that is how entity-expansion bombs ("billion laughs") and
external-entity reads work, and real feeds never need it. And bytes that are
neither UTF-8 nor declared (common for Latin-1 and Windows-1251 feeds) are
decoded with the same guesser as stored files, instead of feedparser's
Windows-1252 fallback that turns Russian into mojibake.

Item ids are stable across fetches: a globally unique GUID (a URL or URN) is
used as it is, anything else is qualified by the feed it came from.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import hashlib
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from ossetia_reader.core.article import Article, Link
from ossetia_reader.core.formats.detect import FormatError
from ossetia_reader.core.formats.encoding import decode_bytes
from ossetia_reader.core.formats.html import html_to_line, html_to_text
from ossetia_reader.core.formats.markdown import http_url, parse_iso_date
from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.core.sources import source_for_url

_SPACE = re.compile("[\\s\ufeff\u00ef\u00bb\u00bf]*")  # and a BOM, also as Latin-1
_DOCTYPE = re.compile(r"<!DOCTYPE\b[^\[>]*(\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
_XML_DECLARED_ENCODING = re.compile(r"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")
_XML_DECLARATION_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(["'])(.*?)\2""", re.DOTALL)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
_SAX_POSITION = re.compile(r"^<unknown>:(\d+):(\d+): ")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_TITLE_FROM_BODY = 80


@dataclass
class ParsedFeed:
    """One feed document: its title, its items as articles, what looked wrong."""

    title: str
    link: str | None
    articles: list[Article]
    kind: str
    warnings: list[str] = field(default_factory=list)


def parse_feed(
    data: bytes,
    *,
    feed_key: str,
    content_type: str | None = None,
    base_url: str | None = None,
) -> ParsedFeed:
    """Parse an RSS, Atom or JSON Feed document.

    Args:
        data: the document's bytes, as read or downloaded.
        feed_key: what the items belong to (the subscription URL, or the file's
            URI); stored as ``Article.feed`` and part of ids that need one.
        content_type: the HTTP Content-Type, whose charset outranks guessing.
        base_url: where the document came from, to resolve relative links.

    Raises:
        FormatError: not a feed, or a feed that must not be parsed (entity bomb).
    """
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return parse_json_feed(data, feed_key=feed_key)
    reject_entity_declarations(data)
    import feedparser  # a tenth of a second: only when a feed is really parsed

    # Headers only for an HTTP response: without a Content-Type feedparser calls any
    # document ill-formed, and a local file has none.
    headers = {}
    if content_type:
        headers["content-type"] = content_type
        if base_url:
            headers["content-location"] = base_url
    if not (content_type and "charset=" in content_type.lower()):
        data = _undeclared_to_utf8(data)
    if data[:200].lstrip().startswith(b"<?xml"):
        data = data.lstrip()  # a blank line before <?xml ...?> is common and fatal to XML
    # Item HTML is never rendered, only turned into text here, so feedparser's
    # HTML sanitiser and URI rewriting (two thirds of its time) are skipped.
    parsed: Any = feedparser.parse(
        data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    warnings: list[str] = []
    if not version and not entries:
        raise FormatError(_not_a_feed(data, parsed, base_url))
    bozo = parsed.get("bozo_exception")
    if parsed.get("bozo") and bozo is not None and type(bozo).__name__ != "NonXMLContentType":
        warnings.append(f"feed is not well-formed ({_one_line(bozo)})")
    meta = parsed.get("feed") or {}
    link = http_url(meta.get("link")) or http_url(base_url)
    title = _title(meta.get("title"), meta.get("title_detail")) or source_for_url(link) or feed_key
    builder = _ItemBuilder(feed_key, title, link, warnings)
    articles = [builder.from_feedparser(entry, index) for index, entry in enumerate(entries)]
    if not articles:
        warnings.append("feed has no items")
    return ParsedFeed(title, link, articles, version or "feed", warnings)


def parse_json_feed(data: bytes, *, feed_key: str) -> ParsedFeed:
    """Parse a JSON Feed 1.0 or 1.1 document (https://jsonfeed.org/version/1.1).

    Raises:
        FormatError: not JSON, or JSON that is not a JSON Feed.
    """
    text, _ = decode_bytes(data)
    try:
        document = json.loads(text)
    except ValueError as error:
        raise FormatError(f"not a feed: invalid JSON ({_one_line(error)})") from None
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise FormatError("not a feed: JSON without a jsonfeed.org version")
    items = document.get("items")
    if not isinstance(items, list):
        raise FormatError("not a feed: JSON Feed without an items list")
    warnings: list[str] = []
    link = http_url(_str(document.get("home_page_url"))) or http_url(_str(document.get("feed_url")))
    title = safe_line(_str(document.get("title"))) or source_for_url(link) or feed_key
    builder = _ItemBuilder(feed_key, title, link, warnings)
    articles = [
        builder.from_json_item(item, index)
        for index, item in enumerate(items)
        if isinstance(item, dict)
    ]
    if len(articles) < len(items):
        warnings.append(f"{len(items) - len(articles)} items are not JSON objects")
    if not articles:
        warnings.append("feed has no items")
    kind = "json" + version.rsplit("/", 1)[-1].replace(".", "")
    return ParsedFeed(title, link, articles, kind, warnings)


def reject_entity_declarations(data: bytes) -> None:
    """Refuse XML whose DTD declares entities (entity bombs, external-entity reads).

    The prolog is read however the document is encoded (UTF-8/16/32 with or
    without a BOM, or the encoding it declares) and however long its comments
    are, so the check sees what a parser would see.

    Raises:
        FormatError: the document's DTD declares entities.
    """
    if any(_declares_entities(text) for text in _decoded_views(data)):
        raise FormatError(
            "rejected: the XML declares entities (an entity-expansion bomb or external read)"
        )


def _decoded_views(data: bytes) -> list[str]:
    """The document as text, in every encoding a parser might read it in."""
    codec = _sniff_wide_encoding(data[:4])
    if codec is not None:
        return [data.decode(codec, errors="replace")]
    latin = data.decode("latin-1")  # every ASCII-compatible encoding shows markup as-is
    views = [latin]
    declared = _XML_DECLARED_ENCODING.match(latin)
    if declared:
        with contextlib.suppress(LookupError):  # an encoding Python does not know
            views.append(data.decode(declared.group(1), errors="replace"))
    return views


def _sniff_wide_encoding(head: bytes) -> str | None:
    """UTF-16/32 by BOM or by the zero bytes around the first ``<`` (XML 1.0, appendix F)."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) < 4:
        return None
    if head[:3] == b"\0\0\0" and head[3]:
        return "utf-32-be"
    if head[0] and head[1:4] == b"\0\0\0":
        return "utf-32-le"
    if head[0] == 0 and head[1] and head[2] == 0:
        return "utf-16-be"
    if head[0] and head[1] == 0 and head[3] == 0:
        return "utf-16-le"
    return None


def _declares_entities(text: str) -> bool:
    """Whether the prolog's DOCTYPE has an internal subset that declares entities."""
    index = 0
    while True:
        index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
        if text.startswith("<?", index):
            index = text.find("?>", index + 2)
        elif text.startswith("<!--", index):
            index = text.find("-->", index + 4)
        elif text[index : index + 9].upper() == "<!DOCTYPE":
            doctype = _DOCTYPE.match(text, index)
            subset = doctype.group(1) if doctype else text[index:]
            return bool(subset) and _ENTITY_DECLARATION.search(subset) is not None
        else:
            return False
        if index < 0:
            return False
        index += 2 if text[index] == "?" else 3


class _ItemBuilder:
    """Turns feed items into articles with stable, unique ids and honest URLs."""

    def __init__(self, feed_key: str, title: str, link: str | None, warnings: list[str]) -> None:
        self.feed_key = feed_key
        self.feed_title = title
        self.feed_link = link
        self.warnings = warnings
        self._ids: set[str] = set()
        self._urls: set[str] = set()
        self._duplicate_guids = 0
        self._shared_links = 0

    def from_feedparser(self, entry: Any, index: int) -> Article:
        url = http_url(entry.get("link"))
        contents = [c for c in entry.get("content") or [] if isinstance(c, Mapping)]
        best = max(contents, key=lambda c: len(c.get("value") or ""), default=None)
        if best is None and entry.get("summary"):
            best = entry.get("summary_detail") or {"value": entry.get("summary"), "type": "html"}
        body, links = _body(best or {}, url or self.feed_link)
        # dict.get: feedparser's own get maps a missing updated_parsed to published_parsed
        # with a DeprecationWarning (its issue 310); we ask for each date by its own name.
        parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
        date = _struct_date(parsed)
        return self._article(
            guid=_str(entry.get("id")),
            title=_title(entry.get("title"), entry.get("title_detail")),
            body=body,
            links=links,
            url=url,
            date=date,
            author=safe_line(_str(entry.get("author"))) or None,
            index=index,
        )

    def from_json_item(self, item: dict[str, Any], index: int) -> Article:
        url = http_url(_str(item.get("url"))) or http_url(_str(item.get("external_url")))
        html = _str(item.get("content_html"))
        if html:
            body, links = html_to_text(html, url or self.feed_link)
        else:
            text = _str(item.get("content_text")) or _str(item.get("summary"))
            body, links = _body({"value": text, "type": "text/plain"}, url or self.feed_link)
        people: list[Any] = []
        if isinstance(item.get("authors"), list):  # JSON Feed 1.1
            people.extend(item["authors"])
        people.append(item.get("author"))  # JSON Feed 1.0
        names = [_str(a.get("name")) for a in people if isinstance(a, dict)]
        return self._article(
            guid=_str(item.get("id")),
            title=safe_line(_str(item.get("title"))),
            body=body,
            links=links,
            url=url,
            date=parse_iso_date(item.get("date_published") or item.get("date_modified")),
            author=safe_line(", ".join(n for n in names if n)) or None,
            index=index,
        )

    def _article(
        self,
        *,
        guid: str,
        title: str,
        body: str,
        links: tuple[Link, ...],
        url: str | None,
        date: dt.date | None,
        author: str | None,
        index: int,
    ) -> Article:
        warnings: list[str] = []
        if not title:
            title = _title_from(body) or url or f"{self.feed_title} #{index + 1}"
            warnings.append("item has no title")
        article_id = _item_id(self.feed_key, guid, url, title, date, body)
        if article_id in self._ids:
            # Two different items under one GUID: keep both, told apart by content.
            self._duplicate_guids += 1
            if self._duplicate_guids == 1:
                self.warnings.append("items share a GUID")
            article_id = _item_id(
                self.feed_key, f"{guid}\0{url}\0{title}\0{body}", None, "", None, ""
            )
        self._ids.add(article_id)
        if url is not None:
            if url in self._urls:
                # A link shared by several items (a podcast's home page) identifies none of them.
                self._shared_links += 1
                if self._shared_links == 1:
                    self.warnings.append("items share a link; only the first keeps it")
                url = None
            else:
                self._urls.add(url)
        return Article(
            id=article_id,
            title=title,
            body=body,
            date=date,
            source=self.feed_title or source_for_url(url or self.feed_link),
            url=url,
            author=author,
            feed=self.feed_key,
            links=links,
            warnings=tuple(warnings),
        )


def _item_id(
    feed_key: str, guid: str, url: str | None, title: str, date: dt.date | None, body: str
) -> str:
    if guid and re.match(r"^[a-z][a-z0-9+.-]*:\S", guid, re.IGNORECASE):
        key = guid  # a URL or URN is unique on its own, whichever feed carries it
    else:
        local = guid or url or "\0".join((title, str(date), body[:200]))
        key = f"{feed_key}\0{local}"
    return "feed-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _body(detail: Mapping[str, Any], base_url: str | None) -> tuple[str, tuple[Link, ...]]:
    value = _str(detail.get("value"))
    if not value:
        return "", ()
    kind = _str(detail.get("type")).lower()
    if not kind or kind in _HTML_TYPES or "<" in value:
        return html_to_text(value, base_url)
    return html_to_text(value.replace("&", "&amp;").replace("<", "&lt;"), base_url)


def _title(value: object, detail: object) -> str:
    text = _str(value)
    if not text:
        return ""
    kind = _str(detail.get("type")) if isinstance(detail, Mapping) else ""
    if kind.lower() in _HTML_TYPES or ("<" in text and ">" in text):
        return html_to_line(text)
    return safe_line(text)


def _title_from(body: str) -> str:
    first = body.split("\n", 1)[0].strip()
    if len(first) <= _TITLE_FROM_BODY:
        return first
    cut = first[:_TITLE_FROM_BODY].rsplit(" ", 1)[0]
    return cut + "…"


def _struct_date(value: object) -> dt.date | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:
        return None


def _undeclared_to_utf8(data: bytes) -> bytes:
    """Undeclared, non-UTF-8 bytes → UTF-8, decoded by the stored-file guesser."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data
    if _XML_DECLARATION_ENCODING.match(data[:512]):
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        text, _ = decode_bytes(data)
        return text.encode("utf-8")
    return data


def _not_a_feed(data: bytes, parsed: Any, base_url: str | None) -> str:
    head = data[:4096].lower()
    if b"<opml" in head:
        return "not a feed: an OPML subscription list (use 'ossetia-reader feeds import')"
    if b"<html" in head or b"<!doctype html" in head:
        link = discover_feed(data, base_url)
        if link:
            return f"not a feed: an HTML page that links to the feed {link} (subscribe to that)"
        return "not a feed: an HTML page"
    error = parsed.get("bozo_exception")
    return f"not a feed: {_one_line(error)}" if error else "not a feed: no RSS, Atom or JSON Feed"


def discover_feed(page: bytes, base_url: str | None) -> str | None:
    """The feed a web page announces (``<link rel="alternate" type="application/rss+xml">``)."""
    text = page[:262_144].decode("utf-8", errors="replace")
    for tag in _LINK_TAG.findall(text):
        attributes = {k.lower(): v for k, _, v in _ATTRIBUTE.findall(tag)}
        kind = attributes.get("type", "").lower()
        if "alternate" in attributes.get("rel", "").lower().split() and kind in _FEED_TYPES:
            href = attributes.get("href", "").strip()
            if href:
                return http_url(urljoin(base_url or "", href) if base_url else href)
    return None


def _one_line(error: object) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    text = _SAX_POSITION.sub(r"line \1, column \2: ", text)
    return safe_line(text[:200])


def _str(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""
