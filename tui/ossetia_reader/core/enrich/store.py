"""Enrichment in the library: what one article's enrichment stores, and the work left.

The spans themselves live on the article row (``articles.entities`` and
``articles.quotes``, JSON). Beside them, ``mentions`` and ``quoted`` hold one
row per (article, entity) and per attributed quote, keyed by the folded
canonical name, and ``entity_totals``/``speaker_totals`` keep running counts,
so the library-wide views (``views.py``) are index lookups at 100,000
articles. Every article's update is part of one transaction together with its
counts: they cannot disagree after a crash.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ossetia_reader.core.article import Entity, Quote
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.refine import is_marker, mention_cue
from ossetia_reader.core.library import Library

Enrichment = tuple[int, Sequence[Entity], Sequence[Quote]]


@dataclass(slots=True)
class _Mentions:
    """How one article names one entity (or speaker): shown name, count, first offset."""

    name: str
    count: int
    first: int


def store_enrichment(
    library: Library, key: int, entities: Sequence[Entity], quotes: Sequence[Quote]
) -> None:
    """Store what enrichment found in one article, with its counts, in one transaction."""
    store_batch(library, [(key, entities, quotes)])


def store_batch(library: Library, results: Iterable[Enrichment]) -> None:
    """Store several articles' enrichment in one transaction."""
    with library.transaction() as db:
        for key, entities, quotes in results:
            _replace(db, key, entities, quotes)


def _replace(
    db: sqlite3.Connection, key: int, entities: Sequence[Entity], quotes: Sequence[Quote]
) -> None:
    _forget(db, key)
    dated = db.execute(
        "SELECT coalesce(date, ''), body FROM articles WHERE key = ?", [key]
    ).fetchone()
    date = str(dated[0]) if dated else ""
    body = str(dated[1]) if dated else ""
    cues = Counter(
        canonical_key(e.canonical)
        for e in entities
        if e.end <= len(body) and mention_cue(body, e.start, e.end) == "PER"
    )
    db.executemany(
        "INSERT INTO person_cues (key, canonical, count) VALUES (?, ?, ?)",
        [(key, folded, count) for folded, count in cues.items() if folded],
    )
    mentions: dict[tuple[str, str], _Mentions] = {}
    # A Russian first name alone ("Елена"): each article's is another person. The
    # Russian pipeline marks them (Entity.local), so storing loads no analyser.
    local = {entity.canonical for entity in entities if entity.local}
    for entity in entities:
        folded = canonical_key(entity.canonical)
        # "US$", "GMT": not listed; nor names only the article knows (see above).
        if folded and not is_marker(entity.canonical) and entity.canonical not in local:
            found = mentions.setdefault(
                (folded, entity.type), _Mentions(entity.canonical, 0, entity.start)
            )
            found.count += 1
    db.executemany(
        "INSERT INTO mentions (key, canonical, type, name, count, first, date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (key, folded, type_, m.name, m.count, m.first, date)
            for (folded, type_), m in mentions.items()
        ],
    )
    db.executemany(
        "INSERT INTO entity_totals (canonical, type, name, articles, mentions, last_word) "
        "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (canonical, type) DO UPDATE SET "
        "articles = articles + 1, mentions = mentions + excluded.mentions",
        [
            (folded, type_, m.name, m.count, folded.rsplit(" ", 1)[-1])
            for (folded, type_), m in mentions.items()
        ],
    )
    variants = Counter((canonical_key(e.canonical), " ".join(e.text.split())) for e in entities)
    db.executemany(
        "INSERT INTO entity_variants (canonical, variant, mentions) VALUES (?, ?, ?) "
        "ON CONFLICT (canonical, variant) DO UPDATE SET mentions = mentions + excluded.mentions",
        [(folded, variant, count) for (folded, variant), count in variants.items() if folded],
    )
    speakers: dict[str, _Mentions] = {}
    quoted_rows: list[tuple[int, str, str, int, int, str | None, str]] = []
    for quote in quotes:
        # Named speakers only: "a senior official" is kept on the quote, not counted.
        if not quote.speaker or not quote.speaker[:1].isupper():
            continue
        folded = canonical_key(quote.speaker)
        if not folded:
            continue
        speakers.setdefault(folded, _Mentions(quote.speaker, 0, quote.start)).count += 1
        quoted_rows.append((key, folded, quote.speaker, quote.start, quote.end, quote.cue, date))
    db.executemany(
        "INSERT INTO quoted (key, speaker_canonical, speaker, start, end, cue, date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        quoted_rows,
    )
    db.executemany(
        "INSERT INTO speaker_totals (canonical, name, articles, quotes) VALUES (?, ?, 1, ?) "
        "ON CONFLICT (canonical) DO UPDATE SET "
        "articles = articles + 1, quotes = quotes + excluded.quotes",
        [(folded, m.name, m.count) for folded, m in speakers.items()],
    )
    db.execute(
        "UPDATE articles SET entities = ?, quotes = ?, enriched = 1 WHERE key = ?",
        [_dump(entities), _dump(quotes), key],
    )


def _forget(db: sqlite3.Connection, key: int) -> None:
    """Take an article's previous enrichment out of the counts."""
    old = db.execute("SELECT canonical, type, count FROM mentions WHERE key = ?", [key]).fetchall()
    db.executemany(
        "UPDATE entity_totals SET articles = articles - 1, mentions = mentions - ? "
        "WHERE canonical = ? AND type = ?",
        [(count, folded, type_) for folded, type_, count in old],
    )
    db.execute("DELETE FROM mentions WHERE key = ?", [key])
    db.execute("DELETE FROM person_cues WHERE key = ?", [key])
    stored = db.execute("SELECT entities FROM articles WHERE key = ?", [key]).fetchone()
    variants: Counter[tuple[str, str]] = Counter()
    for item in _load(stored[0] if stored else None):
        variants[canonical_key(str(item[4])), " ".join(str(item[2]).split())] += 1
    db.executemany(
        "UPDATE entity_variants SET mentions = mentions - ? WHERE canonical = ? AND variant = ?",
        [(count, folded, variant) for (folded, variant), count in variants.items()],
    )
    if variants:
        marks = ",".join("?" * len(variants))
        db.execute(
            f"DELETE FROM entity_variants WHERE mentions <= 0 AND canonical IN ({marks})",
            [folded for folded, _ in variants],
        )
    old_quotes = db.execute(
        "SELECT speaker_canonical, count(*) FROM quoted WHERE key = ? GROUP BY speaker_canonical",
        [key],
    ).fetchall()
    db.executemany(
        "UPDATE speaker_totals SET articles = articles - 1, quotes = quotes - ? "
        "WHERE canonical = ?",
        [(count, folded) for folded, count in old_quotes],
    )
    db.execute("DELETE FROM quoted WHERE key = ?", [key])
    for table, folded_names in (
        ("entity_totals", [row[0] for row in old]),
        ("speaker_totals", [row[0] for row in old_quotes]),
    ):
        if folded_names:
            marks = ",".join("?" * len(folded_names))
            db.execute(
                f"DELETE FROM {table} WHERE articles <= 0 AND canonical IN ({marks})",
                folded_names,
            )


def _load(stored: object) -> list[list[object]]:
    """An article's stored entity rows; nothing when absent or unreadable."""
    if not isinstance(stored, str) or not stored:
        return []
    try:
        rows = json.loads(stored)
    except ValueError:
        return []
    return [row for row in rows if isinstance(row, list) and len(row) >= 5]


def _dump(items: Sequence[Entity] | Sequence[Quote]) -> str:
    """The JSON the library reads back into ``Entity``/``Quote`` (fields in order)."""
    rows = []
    for item in items:
        if isinstance(item, Entity):
            row: list[object] = [item.start, item.end, item.text, item.type, item.canonical]
            rows.append([*row, True] if item.local else row)  # read back by Entity(*row)
        else:
            rows.append([item.start, item.end, item.text, item.speaker, item.cue])
    return json.dumps(rows, ensure_ascii=False)


# -- work to do ----------------------------------------------------------------------


def pending_count(library: Library) -> int:
    """How many articles wait for enrichment."""
    return int(library.query("SELECT count(*) FROM articles WHERE enriched = 0")[0][0])


def pending_keys(library: Library, after: int = 0, limit: int = 64) -> list[int]:
    """Keys of articles waiting for enrichment, above ``after``, oldest first."""
    rows = library.query(
        "SELECT key FROM articles WHERE enriched = 0 AND key > ? ORDER BY key LIMIT ?",
        [after, limit],
    )
    return [int(row[0]) for row in rows]


def reset_enrichment(library: Library) -> int:
    """Mark every article for enrichment again (``enrich --rebuild``).

    The old spans stay visible until each article is redone; its counts are
    replaced then.
    """
    with library.transaction() as db:
        return db.execute("UPDATE articles SET enriched = 0").rowcount
