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
    tags: tuple[str, ...] = ()  # folders it sits in, and its ``category`` attribute


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
    body = next((child for child in root if child.tag.lower() == "body"), root)
    _collect(body, (), outlines, seen)
    return outlines


def _collect(
    parent: ElementTree.Element, folders: tuple[str, ...], out: list[Outline], seen: set[str]
) -> None:
    """Feeds below ``parent``; a folder outline (no ``xmlUrl``) adds its title as a tag."""
    for element in parent:
        if element.tag != "outline":
            continue
        title = safe_line(element.get("title") or element.get("text") or "")
        url = safe_line(element.get("xmlUrl") or element.get("xmlurl") or "")
        if not url:
            _collect(element, (*folders, title) if title else folders, out, seen)
            continue
        if url in seen:
            continue
        seen.add(url)
        # category="/News/Caucasus,Politics": slash paths and plain names, comma-separated
        categories = [
            part.strip().strip("/").rsplit("/", 1)[-1]
            for part in safe_line(element.get("category") or "").split(",")
        ]
        tags: list[str] = []
        for tag in (*folders, *categories):
            if tag and tag not in tags:
                tags.append(tag)
        out.append(Outline(url, title, tuple(tags)))
        _collect(element, folders, out, seen)  # feeds nested under a feed (rare, but seen)


def write_opml(outlines: list[Outline], title: str = "ossetia-reader subscriptions") -> str:
    """An OPML 2.0 document listing ``outlines``."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = format_datetime(dt.datetime.now(dt.UTC))
    body = ElementTree.SubElement(root, "body")
    folders: dict[str, ElementTree.Element] = {}
    for outline in outlines:
        name = outline.title or outline.url
        parent = body
        if outline.tags:  # the first tag is its folder; every tag is a category
            folder = outline.tags[0]
            if folder not in folders:
                folders[folder] = ElementTree.SubElement(body, "outline", text=folder, title=folder)
            parent = folders[folder]
        element = ElementTree.SubElement(
            parent, "outline", type="rss", text=name, title=name, xmlUrl=outline.url
        )
        if outline.tags:
            element.set("category", ",".join(outline.tags))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(
        root, encoding="unicode"
    )
