"""The stored-article text format that ``feeds/`` ships.

A file looks like this (the seed article is the reference)::

    Title line

    March 31, 2022

    Photo caption. **Photo credit**

    Body paragraph with a [Markdown link](#).

    Original url:

    <https://www.themoscowtimes.com/2022/03/31/...>

Every part but the title is optional. A partial or odd file still loads, with
warnings on the article, never an exception.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ossetia_reader.core.article import Article, Link
from ossetia_reader.core.formats.encoding import decode_bytes
from ossetia_reader.core.sanitize import safe_line, safe_text
from ossetia_reader.core.sources import source_for_url

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d", "%b. %d, %Y")
_CREDIT = re.compile(r"^(?P<caption>.*?)\s*\*\*(?P<credit>[^*]+)\*\*\s*$", re.DOTALL)
_LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\]\((?P<target>[^()\s]*)\)")
_URL_LINE = re.compile(r"^<?(?P<url>[a-z][a-z0-9+.-]*://[^\s<>]+)>?$", re.IGNORECASE)
_ORIGINAL_URL = re.compile(r"^(original url|source url|url)\s*:\s*(?P<rest>.*)$", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """Parse a date line such as ``March 31, 2022``; None when it is not a date."""
    cleaned = " ".join(text.split())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def parse_stored_text(text: str, article_id: str) -> Article:
    """Parse one stored article. ``article_id`` also serves as the title of last resort."""
    # The id usually comes from a file name, which is as hostile as the text.
    article_id = safe_line(article_id)
    fallback_title = article_id or "untitled"
    warnings: list[str] = []
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))]
    blocks = [b for b in blocks if b]
    if not blocks:
        return Article(id=article_id, title=fallback_title, body="", warnings=("empty file",))

    title = safe_line(blocks.pop(0))
    if len(title) > 500:
        warnings.append("first line is too long to be a title")
        blocks.insert(0, title)
        title = fallback_title

    date = parse_date(blocks[0]) if blocks else None
    if date is not None:
        blocks.pop(0)
    else:
        warnings.append("no date line")

    url = _take_url(blocks)

    caption = credit = None
    # Length first: the credit pattern backtracks quadratically on long paragraphs.
    if blocks and len(blocks[0]) < 600 and (match := _CREDIT.match(blocks[0])):
        caption = safe_line(match["caption"]) or None
        credit = safe_line(match["credit"])
        blocks.pop(0)

    body, links = _render_links(blocks)
    return Article(
        id=article_id,
        title=title,
        body=body,
        date=date,
        source=source_for_url(url),
        url=url,
        caption=caption,
        credit=credit,
        links=links,
        warnings=tuple(warnings),
    )


def read_stored_text(path: Path) -> Article:
    """Read and parse a stored-article file; the file's stem is the article id."""
    text, encoding = decode_bytes(path.read_bytes())
    article = parse_stored_text(text, path.stem)
    if encoding not in ("utf-8", "utf-8-sig"):
        article.warnings = (*article.warnings, f"decoded as {encoding}")
    return article


def _take_url(blocks: list[str]) -> str | None:
    """Remove the trailing ``Original url:`` block and return the URL it gives."""
    for index in range(len(blocks) - 1, max(-1, len(blocks) - 4), -1):
        match = _ORIGINAL_URL.match(blocks[index])
        if not match:
            continue
        rest = [match["rest"], *blocks[index + 1 :]]
        del blocks[index:]
        for candidate in rest:
            if url := _URL_LINE.match(candidate.strip()):
                return safe_line(url["url"])
        return None
    return None


def _render_links(blocks: list[str]) -> tuple[str, tuple[Link, ...]]:
    """Join paragraphs into the body, replacing ``[text](target)`` by its text."""
    body_parts: list[str] = []
    links: list[Link] = []
    offset = 0
    for block in blocks:
        paragraph = safe_text(" ".join(block.split("\n")))
        if body_parts:
            offset += 2  # the "\n\n" between paragraphs
        rendered: list[str] = []
        length = 0  # of what ``rendered`` holds; summing it per link was quadratic
        last = 0
        for match in _LINK.finditer(paragraph):
            rendered.append(paragraph[last : match.start()])
            start = offset + length + match.start() - last
            length += match.start() - last + len(match["text"])
            rendered.append(match["text"])
            links.append(Link(start, start + len(match["text"]), match["target"]))
            last = match.end()
        rendered.append(paragraph[last:])
        text = "".join(rendered)
        body_parts.append(text)
        offset += len(text)
    return "\n\n".join(body_parts), tuple(links)
