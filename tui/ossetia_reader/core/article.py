"""The domain: an article and what enrichment finds in it.

Offsets (``start``/``end``) are Python string indices into ``Article.body``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Link:
    """A link whose visible text is ``body[start:end]``."""

    start: int
    end: int
    target: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention: PER, LOC, ORG or MISC.

    ``local``: the name means someone only within this article (a Russian first name
    alone, ``Елена``, that the article ties to no full name: each article's Елена is
    another woman). The pipeline that read the article decides it, so storing needs
    no morphology; such mentions stay on the article and get no library-wide row.
    """

    start: int
    end: int
    text: str
    type: str
    canonical: str
    local: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation, with its speaker when the article names one."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    cue: str | None = None


@dataclass(slots=True)
class Article:
    """One stored article. Text fields are already terminal-safe (see ``sanitize``)."""

    id: str
    title: str
    body: str
    date: dt.date | None = None
    key: int | None = None  # the library's row number, once stored
    source: str = ""
    url: str | None = None
    author: str | None = None
    feed: str | None = None
    caption: str | None = None
    credit: str | None = None
    links: tuple[Link, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # "ru", "uk", "be", "en" or "unknown": decided by the library from the text
    # (core/language.py) when the article is stored; None before that.
    language: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def paragraphs(self) -> list[str]:
        """Body paragraphs, split on blank lines."""
        return [p for p in self.body.split("\n\n") if p.strip()]


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the sidebar needs for one row, without the body."""

    key: int
    id: str
    title: str
    date: dt.date | None
    source: str
    url: str | None = None
    read: bool = False
    starred: bool = False
    snippet: str = ""  # for search results: the best-matching passage
    snippet_spans: tuple[tuple[int, int], ...] = ()  # the hits within it
