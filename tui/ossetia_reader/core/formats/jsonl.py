"""JSON Lines articles: the shared corpora's schema and this reader's own export.

One object a line: ``id, title, date, source, url, body`` (the corpora), plus
``feed, author, caption, credit, links, entities, quotes, read, starred,
tags`` when the line comes from ``ossetia-reader export``. Spans (links,
entities, quotes) are kept only when they still index the stored body.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from ossetia_reader.core.article import Article, Entity, Link, Quote
from ossetia_reader.core.formats.detect import FormatError
from ossetia_reader.core.formats.markdown import (
    http_url,
    parse_iso_date,
    safe_link_target,
    stable_id,
)
from ossetia_reader.core.sanitize import safe_line, safe_text
from ossetia_reader.core.sources import source_for_url

MAX_LINE_CHARS = 64_000_000


@dataclass(frozen=True, slots=True)
class Record:
    """One line's article, with the reading state an export carries."""

    article: Article
    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LineError:
    """A line that could not be read; ``reason`` is one line."""

    line: int
    reason: str


def iter_jsonl(stream: IO[str]) -> Iterator[Record | LineError]:
    """Read a JSON Lines stream lazily: a record or an error for every non-blank line."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        if len(line) > MAX_LINE_CHARS:
            yield LineError(number, f"line {number}: longer than {MAX_LINE_CHARS:,} characters")
            continue
        try:
            yield parse_record(line)
        except FormatError as error:
            yield LineError(number, f"line {number}: {error}")


def parse_record(line: str) -> Record:
    """Parse one JSON Lines object into an article.

    Raises:
        FormatError: not a JSON object, or an object without a title or body.
    """
    try:
        value = json.loads(line)
    except ValueError as error:
        raise FormatError(f"not JSON ({str(error).split(':')[0]})") from None
    if not isinstance(value, dict):
        raise FormatError("not a JSON object")
    raw_body = _str(value.get("body")) or _str(value.get("text")) or _str(value.get("content"))
    body = safe_text(raw_body)
    title = safe_line(_str(value.get("title")))
    if not title and not body:
        raise FormatError("neither title nor body")
    url = http_url(_str(value.get("url")))
    raw_id = _str(value.get("id"))
    article_id = safe_line(raw_id) if raw_id else stable_id("jsonl", f"{title}\0{body}")
    spans_valid = body == raw_body  # cleaning moved the offsets: drop the spans
    article = Article(
        id=article_id,
        title=title or safe_line(body[:80]),
        body=body,
        date=parse_iso_date(value.get("date")),
        source=safe_line(_str(value.get("source"))) or source_for_url(url),
        url=url,
        author=_line(value.get("author")) or None,
        feed=_line(value.get("feed")) or None,
        caption=_line(value.get("caption")) or None,
        credit=_line(value.get("credit")) or None,
        # Most lines (the corpora) carry none of these: no generator set up for nothing.
        links=_links(value["links"], body) if spans_valid and "links" in value else (),
        entities=_entities(value["entities"], body) if spans_valid and "entities" in value else (),
        quotes=_quotes(value["quotes"], body) if spans_valid and "quotes" in value else (),
    )
    tags = value.get("tags")
    return Record(
        article,
        read=value.get("read") is True,
        starred=value.get("starred") is True,
        tags=tuple(safe_line(t) for t in tags if isinstance(t, str) and t.strip())
        if isinstance(tags, list)
        else (),
    )


def _spans(items: object, body: str, *names: str) -> Iterator[dict[str, Any]]:
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, dict):
            continue
        start, end = item.get("start"), item.get("end")
        in_body = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)
        if in_body and all(isinstance(item.get(name), str) for name in names):
            yield item


def _links(items: object, body: str) -> tuple[Link, ...]:
    links = []
    for item in _spans(items, body, "target"):
        target = safe_link_target(safe_line(item["target"]))
        if target is not None:
            links.append(Link(item["start"], item["end"], target))
    return tuple(links)


def _entities(items: object, body: str) -> tuple[Entity, ...]:
    return tuple(
        Entity(
            item["start"],
            item["end"],
            safe_line(item["text"]),
            safe_line(item["type"]),
            safe_line(item["canonical"]),
            local=item.get("local") is True,
        )
        for item in _spans(items, body, "text", "type", "canonical")
    )


def _quotes(items: object, body: str) -> tuple[Quote, ...]:
    return tuple(
        Quote(
            item["start"],
            item["end"],
            safe_text(item["text"]),
            safe_line(item["speaker"]) if isinstance(item.get("speaker"), str) else None,
            safe_line(item["cue"]) if isinstance(item.get("cue"), str) else None,
        )
        for item in _spans(items, body, "text")
    )


def _line(value: object) -> str:
    """``safe_line(_str(value))``; an absent field (most optional ones) costs no call."""
    return safe_line(_str(value)) if value is not None else ""


def _str(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""
