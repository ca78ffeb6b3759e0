"""Markdown articles with optional front matter, and the link rules every format shares.

A Markdown article looks like::

    ---
    title: "Kremlin plays down ..."
    date: 2022-03-31
    url: https://www.themoscowtimes.com/...
    ---
    # Heading

    A paragraph with a [link](https://example.com).

Only what a reader shows is kept: paragraphs, headings and list items become
plain paragraphs, ``[text](target)`` becomes the text plus a ``Link`` span
(through the stored-text parser's ``_render_links``), images become their alt
text. Link targets from strangers are checked here: ``javascript:``, ``file:``,
``data:`` and every other scheme but http(s)/mailto lose their target and keep
their text, so nothing hostile can ever be opened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from urllib.parse import urljoin, urlsplit

from ossetia_reader.core.article import Article, Link
from ossetia_reader.core.formats.stored_text import _render_links, parse_date
from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.core.sources import source_for_url

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
# Browsers ignore tabs, newlines and control characters inside a scheme; so do we,
# including their visible stand-ins from ``safe_text``.
_IGNORED_IN_SCHEME = re.compile("[\x00-\x20\x7f\u2400-\u2421]")

# Escaped brackets and parentheses must not form links; these private-use
# characters stand in for them while links are found, then turn back.
_PLACEHOLDERS = {"[": "\ue000", "]": "\ue001", "(": "\ue002", ")": "\ue003"}
_RESTORE = str.maketrans({v: k for k, v in _PLACEHOLDERS.items()})
_STRAY_PLACEHOLDERS = str.maketrans(dict.fromkeys(map(ord, _PLACEHOLDERS.values()), "\ufffd"))
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~\"'])")
_ANGLE_TARGET = re.compile(r"\]\(<([^<>\n]*)>\)")
# One level of parentheses inside a target, as in ``[x](https://w.org/A_(b))``.
_NESTED_TARGET = re.compile(r"\]\(([^()\s]*\([^()\s]*\)[^()\s]*)\)")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)


def safe_link_target(target: str, base_url: str | None = None) -> str | None:
    """The target if it is safe to open (http, https, mailto or relative), else None.

    Relative targets are resolved against ``base_url`` when there is one.
    """
    target = target.strip()
    if not target:
        return None
    compact = _IGNORED_IN_SCHEME.sub("", target)
    scheme = _SCHEME.match(compact)
    if scheme:
        return target if scheme.group(1).lower() in _SAFE_SCHEMES else None
    if compact.startswith("//") or (base_url and not target.startswith("#")):
        if not base_url:
            return None
        resolved = urljoin(base_url, target)
        return resolved if urlsplit(resolved).scheme.lower() in _SAFE_SCHEMES else None
    return target


def render_markdown_blocks(
    blocks: list[str], base_url: str | None = None
) -> tuple[str, tuple[Link, ...]]:
    """Turn Markdown paragraphs into the body text and its safe link spans."""
    prepared = [_prepare(block) for block in blocks]
    body, links = _render_links([block for block in prepared if block.strip()])
    safe: list[Link] = []
    for link in links:
        target = safe_link_target(link.target.translate(_RESTORE), base_url)
        if target is not None:
            safe.append(Link(link.start, link.end, target))
    return body.translate(_RESTORE), tuple(safe)


def split_blocks(text: str) -> list[str]:
    """Markdown source → paragraph-level blocks (headings and list items stand alone)."""
    blocks: list[str] = []
    current: list[str] = []
    fenced = False

    def flush() -> None:
        if current:
            blocks.append("\n".join(current))
            current.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            flush()
            continue
        if fenced:
            blocks.append(line) if line.strip() else None
            continue
        if not line.strip():
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append(heading.group(1))
            continue
        if _LIST_ITEM.match(line):
            flush()
            current.append("• " + _LIST_ITEM.sub("", line, count=1))
            continue
        if line.strip() in ("---", "***", "___"):
            flush()
            continue
        current.append(line.strip().lstrip(">").strip() if line.lstrip().startswith(">") else line)
    flush()
    return blocks


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---`` front matter (simple ``key: value`` lines) from the Markdown body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or line[:1].isspace():
            continue
        fields[key.strip().lower()] = _scalar(value.strip())
    return fields, text[match.end() :]


def parse_markdown(
    text: str, *, fallback_id: str, base_url: str | None = None, origin: str | None = None
) -> Article:
    """Parse a Markdown article. Never raises on odd input: it warns instead.

    Args:
        text: the Markdown source, front matter included.
        fallback_id: the title of last resort (usually the file name).
        base_url: resolves relative links when the front matter gives no ``url``.
        origin: where the text came from (path or URL), to derive a stable id.
    """
    fields, source_text = parse_front_matter(text.translate(_STRAY_PLACEHOLDERS))
    warnings: list[str] = []
    url = http_url(fields.get("url") or fields.get("link") or base_url)
    blocks = split_blocks(source_text)
    title = safe_line(_plain(fields.get("title", "")))
    if not title and blocks:
        title = safe_line(_plain(blocks[0]))
        blocks.pop(0)
    elif blocks and safe_line(_plain(blocks[0])) == title:
        blocks.pop(0)  # the heading repeats the front matter title
    if not title or len(title) > 500:
        warnings.append("no title")
        title = safe_line(fallback_id)
    body, links = render_markdown_blocks(blocks, url)
    date = _date(fields.get("date") or fields.get("published") or "")
    if date is None:
        warnings.append("no date")
    return Article(
        id=safe_line(fields.get("id", "")) or stable_id("md", fields.get("url") or origin or title),
        title=title,
        body=body,
        date=date,
        source=safe_line(fields.get("source") or fields.get("sitename") or "")
        or source_for_url(url),
        url=url,
        author=safe_line(fields.get("author", "")) or None,
        links=links,
        warnings=tuple(warnings),
    )


def stable_id(prefix: str, key: str) -> str:
    """An id that is the same every time the same thing is imported."""
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"


def parse_iso_date(value: object) -> dt.date | None:
    """``2022-03-31``, ``2022-03-31T17:30:00Z`` or ``March 31, 2022`` → a date; else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return parse_date(text)


def _date(value: str) -> dt.date | None:
    return parse_iso_date(value)


def http_url(value: str | None) -> str | None:
    """``value`` as a one-line http(s) URL, or None for any other scheme or none at all."""
    if not value:
        return None
    url = safe_line(value)
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _scalar(value: str) -> str:
    """A front matter value without its YAML quotes."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            loaded = json.loads(value)
        except ValueError:
            return value[1:-1]
        return loaded if isinstance(loaded, str) else value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _prepare(block: str) -> str:
    """Markdown inline syntax → what ``_render_links`` understands."""
    block = _ANGLE_TARGET.sub(lambda m: "](" + _encode_target(m.group(1)) + ")", block)
    block = _NESTED_TARGET.sub(lambda m: "](" + _encode_target(m.group(1)) + ")", block)
    block = _ESCAPE.sub(lambda m: _PLACEHOLDERS.get(m.group(1), m.group(1)), block)
    block = _IMAGE.sub(lambda m: m.group(1), block)
    return _EMPHASIS.sub(lambda m: m.group(2), block)


def _plain(block: str) -> str:
    """A block as plain text, links reduced to their text (for titles)."""
    body, _ = _render_links([_prepare(block)])
    return body.translate(_RESTORE)


def _encode_target(target: str) -> str:
    return target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
