"""Saved searches and filters: named queries of the query language, kept in the library.

A *saved search* is a live feed: its articles are whatever the query matches
now, newest first (or by rank), counted from the search index rather than by
re-scanning the library. A *filter* (an ignore rule) is the same thing used the
other way round: every article it matches is hidden everywhere until the reader
asks to see hidden articles again.

Both live in the library (table ``saved_searches``), not in ``state.json``, so
``export`` carries them to another library and a cron job sees the same ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ossetia_reader.core.library import Library
from ossetia_reader.core.sanitize import safe_line

MAX_NAME_CHARS = 80
MAX_QUERY_CHARS = 1000  # the query parser reads no more than this either


class Kind(Enum):
    """What a named query is for."""

    SEARCH = "search"
    FILTER = "filter"


class Order(Enum):
    """How a saved search lists its articles."""

    NEWEST = "newest"
    RANK = "rank"


class SavedError(ValueError):
    """A name or query that cannot be saved; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """One named query."""

    name: str
    query: str
    kind: Kind = Kind.SEARCH
    order: Order = Order.NEWEST


def clean_name(name: str) -> str:
    """``name`` as stored: one safe line, trimmed; raises ``SavedError`` when empty."""
    cleaned = safe_line(name).strip()[:MAX_NAME_CHARS]
    if not cleaned:
        raise SavedError("a saved search needs a name")
    return cleaned


def clean_query(query: str) -> str:
    """``query`` as stored: one safe line, trimmed; raises ``SavedError`` when empty."""
    cleaned = safe_line(query).strip()[:MAX_QUERY_CHARS]
    if not cleaned:
        raise SavedError("a saved search needs a query")
    return cleaned


def save(
    library: Library,
    name: str,
    query: str,
    kind: Kind = Kind.SEARCH,
    order: Order = Order.NEWEST,
) -> SavedSearch:
    """Store (or replace) the named query. Raises ``SavedError`` for an empty name/query."""
    saved = SavedSearch(clean_name(name), clean_query(query), kind, order)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with library.transaction() as db:
        db.execute(
            "INSERT INTO saved_searches (kind, name, query, sort, created) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (kind, name) DO UPDATE SET query = excluded.query, sort = excluded.sort",
            [saved.kind.value, saved.name, saved.query, saved.order.value, now],
        )
    return saved


def list_saved(library: Library, kind: Kind = Kind.SEARCH) -> list[SavedSearch]:
    """Every named query of ``kind``, in the order they were first saved."""
    rows = library.query(
        "SELECT name, query, sort FROM saved_searches WHERE kind = ? ORDER BY created, rowid",
        [kind.value],
    )
    return [SavedSearch(str(n), str(q), kind, _order(s)) for n, q, s in rows]


def get_saved(library: Library, name: str, kind: Kind = Kind.SEARCH) -> SavedSearch | None:
    """The named query called ``name`` (exactly, else the only one equal ignoring case)."""
    found = [s for s in list_saved(library, kind) if s.name == name.strip()]
    if not found:
        found = [s for s in list_saved(library, kind) if s.name.casefold() == name.casefold()]
    return found[0] if len(found) == 1 else None


def remove_saved(library: Library, name: str, kind: Kind = Kind.SEARCH) -> bool:
    """Forget the named query; False when there was none."""
    saved = get_saved(library, name, kind)
    if saved is None:
        return False
    with library.transaction() as db:
        db.execute(
            "DELETE FROM saved_searches WHERE kind = ? AND name = ?", [kind.value, saved.name]
        )
    return True


def set_order(library: Library, name: str, order: Order) -> None:
    """List a saved search newest first or by rank from now on."""
    with library.transaction() as db:
        db.execute(
            "UPDATE saved_searches SET sort = ? WHERE kind = ? AND name = ?",
            [order.value, Kind.SEARCH.value, name],
        )


def to_record(saved: SavedSearch) -> dict[str, object]:
    """The JSON Lines record ``export`` writes for a named query (``add`` reads it back)."""
    return {
        "record": f"ossetia-reader/{saved.kind.value}",
        "name": saved.name,
        "query": saved.query,
        "order": saved.order.value,
    }


def from_record(value: dict[str, object]) -> SavedSearch | None:
    """The named query an export record holds; None when ``value`` is no such record."""
    record = value.get("record")
    if not isinstance(record, str) or not record.startswith("ossetia-reader/"):
        return None
    try:
        kind = Kind(record.removeprefix("ossetia-reader/"))
        name, query = value.get("name"), value.get("query")
        if not isinstance(name, str) or not isinstance(query, str):
            return None
        return SavedSearch(clean_name(name), clean_query(query), kind, _order(value.get("order")))
    except (ValueError, SavedError):
        return None


def _order(value: object) -> Order:
    try:
        return Order(value)
    except ValueError:
        return Order.NEWEST
