"""App-wide messages: what happened, posted up to the screen that reacts."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class LibraryChanged(Message):
    """Articles were added or updated (import, fetch): lists must reload."""

    added: int
    updated: int


@dataclass
class EnrichmentProgress(Message):
    """Background enrichment finished ``done`` of ``total`` articles."""

    done: int
    total: int


@dataclass
class IndexLoaded(Message):
    """The search index is loaded (or caught up): counts and filters that need it can run."""


@dataclass
class EntitiesCorrected(Message):
    """The reader changed an entity's type, merged it or hid it: what shows entities
    (the open article's colours, the info panel, lists of names) must read again."""

    name: str


@dataclass(frozen=True)
class Landing:
    """An article chosen in an entity view, and the place in it to land on.

    Not a message: the entity view answers it when it closes. ``start`` is a quote's
    body offset; a mention carries its ``sentence`` (found in the body on opening) and
    the entity's ``name``. Opening at the top left the reader hunting for the line.
    """

    key: int
    kind: str = ""  # "quote" or "entity"; "" lands nowhere in particular
    start: int = -1
    sentence: str = ""
    name: str = ""
