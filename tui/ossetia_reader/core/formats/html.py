"""HTML in two shapes: a feed item's content, and a whole web page.

A feed item's HTML is already the article, so ``html_to_text`` only turns it
into paragraphs and link spans (stdlib ``html.parser``: fast, never fetches
anything, never expands a DTD). A web page is mostly navigation, ads and
footers, so ``parse_html_page`` first extracts the main text with trafilatura
(the best-scoring open-source extractor in published comparisons), as
Markdown with front matter, and reads that with the Markdown parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from ossetia_reader.core.article import Article, Link
from ossetia_reader.core.formats.detect import FormatError
from ossetia_reader.core.formats.markdown import parse_markdown, render_markdown_blocks
from ossetia_reader.core.sanitize import safe_line

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
_SKIPPED_TAGS = frozenset(
    ["script", "style", "head", "title", "noscript", "template", "iframe", "svg", "object"]
)
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Characters that would read as Markdown syntax once the text is joined up.
_MARKDOWN_SPECIALS = re.compile(r"([\\\[\]()*_!])")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# trafilatura builds an lxml tree of the page; bound what it is handed.
MAX_PAGE_CHARS = 5_000_000


class _TextCollector(HTMLParser):
    """Collects Markdown-ish paragraphs from HTML; anchors become ``[text](href)``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._anchors: list[tuple[str | None, int]] = []
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            if tag not in _VOID_TAGS:
                self._skip_depth += 1
            return
        if tag == "br":
            self.parts.append("\n\n" if self._pre else "\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
            if tag == "li":
                self.parts.append("• ")
            elif tag == "pre":
                self._pre += 1
        elif tag == "a":
            href = dict(attrs).get("href")
            self._anchors.append((href, len(self.parts)))
            self.parts.append("[")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt and alt.strip():
                self.handle_data(f" {alt.strip()} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
        elif tag == "a" and self._anchors:
            href, opened = self._anchors.pop()
            text = "".join(self.parts[opened + 1 :])
            if href and text.strip() and "\n" not in text:
                self.parts.append("](" + _encode_target(href) + ")")
            else:
                self.parts[opened] = ""  # no usable target: keep the text only

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", data)
        if self._pre:
            self.parts.append(escaped.replace("\n", "\n\n"))
        else:
            self.parts.append(_SPACES.sub(" ", escaped))

    def blocks(self) -> list[str]:
        for _, opened in self._anchors:  # anchors never closed: plain text
            self.parts[opened] = ""
        text = "".join(self.parts)
        blocks = []
        for chunk in re.split(r"\n\s*\n", text):
            cleaned = " ".join(line.strip() for line in chunk.split("\n") if line.strip())
            if cleaned and cleaned != "•":
                blocks.append(cleaned)
        return blocks


def html_to_text(html: str, base_url: str | None = None) -> tuple[str, tuple[Link, ...]]:
    """A fragment of HTML (a feed item's content) → body text and its safe link spans."""
    if "<" not in html and "&" not in html:
        blocks = [_SPACES.sub(" ", b).strip() for b in re.split(r"\n\s*\n", html)]
        escaped = [_MARKDOWN_SPECIALS.sub(r"\\\1", b) for b in blocks if b]
        return render_markdown_blocks(escaped, base_url)
    collector = _TextCollector()
    try:
        _feed_lxml(collector, html)
    except Exception:  # lxml refuses some input (e.g. huge text nodes): the stdlib parser copes
        collector = _TextCollector()
        try:
            collector.feed(html)
            collector.close()
        except (AssertionError, ValueError):
            text = _MARKDOWN_SPECIALS.sub(r"\\\1", _strip_tags(html))
            return render_markdown_blocks([text], None)
    return render_markdown_blocks(collector.blocks(), base_url)


class _LxmlEvents:
    """Hands lxml's parser events (C-speed tokenising) to the ``html.parser`` collector."""

    def __init__(self, collector: _TextCollector) -> None:
        self.collector = collector

    def start(self, tag: object, attrib: Any) -> None:
        if isinstance(tag, str):
            self.collector.handle_starttag(tag.lower(), list(attrib.items()))

    def end(self, tag: object) -> None:
        if isinstance(tag, str):
            self.collector.handle_endtag(tag.lower())

    def data(self, data: str) -> None:
        self.collector.handle_data(data)

    def close(self) -> None:
        return None


def _feed_lxml(collector: _TextCollector, html: str) -> None:
    from lxml import etree  # type: ignore[import-untyped]  # installed with trafilatura

    parser = etree.HTMLParser(
        target=_LxmlEvents(collector), no_network=True, recover=True, remove_comments=True
    )
    parser.feed(html)
    parser.close()


def html_to_line(html: str) -> str:
    """A fragment of HTML (e.g. a title marked up as HTML) → one plain line."""
    body, _ = html_to_text(html)
    return safe_line(body)


def parse_html_page(
    html: str | bytes, *, url: str | None, fallback_id: str, origin: str | None = None
) -> Article:
    """Extract the main article from a whole web page (``origin``: its path, for the id).

    Raises:
        FormatError: the page holds no article text.
    """
    import trafilatura  # heavy (lxml): only when a page is really imported

    extracted: Any = trafilatura.extract(
        html[:MAX_PAGE_CHARS],
        url=url,
        output_format="markdown",
        include_links=True,
        include_comments=False,
        with_metadata=True,
        favor_recall=True,
    )
    if not extracted or not str(extracted).strip():
        raise FormatError("no article text found in the page")
    article = parse_markdown(
        str(extracted), fallback_id=fallback_id, base_url=url, origin=url or origin
    )
    if not article.body.strip():
        raise FormatError("no article text found in the page")
    return article


def _encode_target(target: str) -> str:
    target = target.strip()
    return target.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("\n", "")


def _strip_tags(html: str) -> str:
    return _SPACES.sub(" ", re.sub(r"<[^>]*>", " ", html)).strip()
