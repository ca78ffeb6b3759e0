"""Enriched articles stored by hand for the list tests: a body and its entities,
without running the tagger, so each test names exactly what enrichment found."""

from __future__ import annotations

from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.library import Library


def stored(
    library: Library, body: str, entities: list[Entity], quotes: list[Quote] | None = None
) -> int:
    """Add an article with ``body`` and store ``entities`` (and ``quotes``) as its
    enrichment; its key."""
    [added] = library.add([Article(id=f"a{len(body)}-{hash(body)}", title="t", body=body)])
    assert added.key is not None
    store_enrichment(library, added.key, entities, quotes or [])
    return added.key
