"""The Russian pipeline end to end: spans → entities → quotes, for a batch of texts."""

from __future__ import annotations

import logging

from ossetia_reader.core.article import Entity, Quote
from ossetia_reader.core.enrich.russian.entities import build_entities
from ossetia_reader.core.enrich.russian.pipeline import russian_spans
from ossetia_reader.core.enrich.russian.quotes import find_quotes

log = logging.getLogger(__name__)

Enriched = tuple[tuple[Entity, ...], tuple[Quote, ...]]


def enrich_russian(texts: list[str]) -> list[Enriched]:
    """Entities and quotes of each Russian text (offsets into it). Never raises."""
    try:
        all_spans = russian_spans(texts)
    except Exception as error:  # a broken model must not stop enrichment
        log.warning("Russian NER failed: %s", error)
        all_spans = [[] for _ in texts]
    results: list[Enriched] = []
    for text, spans in zip(texts, all_spans, strict=True):
        try:
            entities = build_entities(text, spans)
        except Exception as error:  # hostile text must never stop enrichment
            log.warning("Russian entities failed: %s", error)
            entities = ()
        try:
            quotes = find_quotes(text, entities)
        except Exception as error:
            log.warning("Russian quotes failed: %s", error)
            quotes = ()
        results.append((entities, quotes))
    return results
