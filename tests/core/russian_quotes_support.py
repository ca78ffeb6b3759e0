"""What the Russian quote tests share besides the ``enrich`` fixture (``conftest.py``): its
type, and the quotes it finds in one text read as (words, speaker) pairs."""

from __future__ import annotations

from collections.abc import Callable

from ossetia_reader.core.article import Entity, Quote

Enrich = Callable[[list[str]], list[tuple[tuple[Entity, ...], tuple[Quote, ...]]]]


def quotes_of(enrich: Enrich, text: str) -> list[tuple[str, str | None]]:
    ((_, quotes),) = enrich([text])
    return [(" ".join(q.text.split()), q.speaker) for q in quotes]
