"""OPML 2.0 subscription lists, the format every feed reader imports and exports."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from email.utils import format_datetime

from ossetia_reader.core.formats.detect import FormatError
from ossetia_reader.core.formats.feeds import reject_entity_declarations
from ossetia_reader.core.sanitize import safe_line


@dataclass(frozen=True, slots=True)
class Outline:
    """One subscription: the feed's URL and the title a person knows it by."""

    url: str
    title: str = ""


def parse_opml(data: bytes) -> list[Outline]:
    """Every feed outline (``xmlUrl``) in an OPML document, folders flattened, in order.

    Raises:
        FormatError: not OPML, or XML that must not be parsed.
    """
    reject_entity_declarations(data)
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise FormatError(f"not OPML: {error}") from None
    if root.tag.lower() != "opml":
        raise FormatError(f"not OPML: the document is <{safe_line(root.tag)[:40]}>")
    outlines: list[Outline] = []
    seen: set[str] = set()
    for element in root.iter("outline"):
        url = safe_line(element.get("xmlUrl") or element.get("xmlurl") or "")
        if not url or url in seen:
            continue
        seen.add(url)
        title = element.get("title") or element.get("text") or ""
        outlines.append(Outline(url, safe_line(title)))
    return outlines


def write_opml(outlines: list[Outline], title: str = "ossetia-reader subscriptions") -> str:
    """An OPML 2.0 document listing ``outlines``."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = format_datetime(dt.datetime.now(dt.UTC))
    body = ElementTree.SubElement(root, "body")
    for outline in outlines:
        name = outline.title or outline.url
        ElementTree.SubElement(
            body, "outline", type="rss", text=name, title=name, xmlUrl=outline.url
        )
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(
        root, encoding="unicode"
    )
