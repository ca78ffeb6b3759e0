"""Tell which importable format a file holds, from its name and first bytes.

The suffix is only a hint: feeds arrive as ``.xml``, ``.rss`` or no suffix at
all, and a ``.xml`` file may be an HTML error page or an OPML list. The first
few kilobytes decide; the name breaks ties.
"""

from __future__ import annotations

import codecs
import json
import re
from enum import Enum

HEAD_BYTES = 8192


class FormatError(ValueError):
    """A file or document that cannot be imported; the message is one line for the user."""


class Format(Enum):
    """What a file holds."""

    STORED_TEXT = "stored text"
    MARKDOWN = "markdown"
    HTML = "html"
    FEED = "feed"
    JSONL = "jsonl"
    OPML = "opml"


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_SUFFIXES = {
    ".txt": Format.STORED_TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".rdf": Format.FEED,
    ".xml": Format.FEED,
    ".opml": Format.OPML,
}
# Suffixes a folder walk picks up; anything else in a folder is left alone.
IMPORTABLE_SUFFIXES = frozenset({*_SUFFIXES, ".json"})
_ROOT_TAG = re.compile(rb"<(?!\?|!)([A-Za-z][\w:.-]*)")


def detect_format(name: str, head: bytes) -> Format:
    """Return the format of a file called ``name`` whose first bytes are ``head``.

    Raises:
        FormatError: the file is empty, binary, or nothing this reader imports.
    """
    if not head.strip():
        raise FormatError("empty file")
    text_head = _text_head(head)
    if text_head is None:
        raise FormatError(f"binary file ({_binary_kind(head)}), not an article or feed")
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    stripped = text_head.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        if suffix in (".jsonl", ".ndjson") or _looks_like_jsonl(stripped):
            return Format.JSONL
        return Format.FEED  # JSON Feed; the parser says so if it is not
    if stripped.startswith("<"):
        return _markup_format(stripped, suffix)
    if suffix == ".json":
        raise FormatError("not JSON: a .json file must hold a JSON Feed or JSON Lines")
    return _SUFFIXES.get(suffix, Format.STORED_TEXT)


def _text_head(head: bytes) -> str | None:
    """Decode the start of a file, or None when it is binary."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    if any(head.startswith(magic) for magic, _ in _MAGIC) or b"\x00" in head:
        return None
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    if controls > len(head) // 20:
        return None
    return head.decode("utf-8", errors="replace")


def _binary_kind(head: bytes) -> str:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return "unknown data"


def _looks_like_jsonl(text: str) -> bool:
    """The first line is a whole article object: JSON Lines, not one JSON Feed document."""
    first = text.split("\n", 1)[0].strip()
    try:
        value = json.loads(first)
    except ValueError:
        return False
    return isinstance(value, dict) and "version" not in value and ("body" in value or "id" in value)


def _markup_format(text: str, suffix: str) -> Format:
    lowered = text[:HEAD_BYTES].lower()
    root = _ROOT_TAG.search(lowered.encode("utf-8", "replace"))
    tag = root.group(1).decode().split(":")[-1] if root else ""
    if tag == "opml":
        return Format.OPML
    if tag in ("rss", "feed", "rdf", "channel"):
        return Format.FEED
    if suffix in (".xml", ".rss", ".atom", ".rdf"):
        return Format.FEED  # named as a feed: the feed parser says what is wrong with it
    if tag in ("html", "head", "body") or lowered.startswith("<!doctype html"):
        return Format.HTML
    if suffix in (".html", ".htm", ".xhtml", ".md", ".markdown", ".txt"):
        return _SUFFIXES[suffix]
    return Format.FEED
