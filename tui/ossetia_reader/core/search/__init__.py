"""Full-text search over the library: tokenizer, index, query language, snippets.

The app and the CLI need only what is exported here::

    index = open_index(library, notify)          # load, repair, catch up, save
    result = index.search("south ossetia", limit=200, prefix_last=True)
    spans = highlight_spans(result.query, article.body)
    text, spans = snippet(result.query, article.body)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ossetia_reader.core.library import Library
from ossetia_reader.core.search.index import Hit, HitList, SearchIndex, SearchResult
from ossetia_reader.core.search.snippet import highlight_spans, snippet
from ossetia_reader.core.search.store import IndexUnusable

__all__ = [
    "INDEX_DIRECTORY",
    "Hit",
    "HitList",
    "IndexUnusable",
    "SearchIndex",
    "SearchResult",
    "highlight_spans",
    "index_directory",
    "open_index",
    "rebuild_index",
    "snippet",
]

INDEX_DIRECTORY = "index"
_CATCH_UP_BATCH = 500


def index_directory(library: Library) -> Path:
    """Where the library's search index lives."""
    return library.directory / INDEX_DIRECTORY


# Two hex digits of every content hash, summed: changes when any article's text changes
# (unless by a 1 in 256 chance), for ~25 ms more on the count scan at 100,000 articles.
_HASH_SUM = "unicode(content_hash) * 64 + unicode(substr(content_hash, 2))"


def _fingerprint(library: Library) -> dict[str, int]:
    count, enriched, max_key, hashes = library.query(
        "SELECT count(*), coalesce(sum(enriched), 0), coalesce(max(key), 0), "
        f"coalesce(sum({_HASH_SUM}), 0) FROM articles"
    )[0]
    from ossetia_reader.core.enrich.corrections import version

    return {
        "count": int(count),
        "enriched": int(enriched),
        "max_key": int(max_key),
        "hashes": int(hashes),
        "corrections": version(library),  # a reader's entity corrections (entity: fields)
    }


def rebuild_index(
    library: Library,
    progress: Callable[[int], None] | None = None,
    notify: Callable[[str], None] | None = None,
    workers: int = 1,
) -> SearchIndex:
    """Index every article of ``library`` from scratch and save it.

    A failure to save raises ``OSError`` unless ``notify`` is given (then it is told).
    ``workers`` > 1 tokenizes in that many processes (for large libraries, from the CLI).
    """
    fingerprint = _fingerprint(library)
    index = SearchIndex.build(library.iter_articles(), progress, workers=workers)
    _save(index, library, fingerprint, notify)
    return index


def open_index(
    library: Library,
    notify: Callable[[str], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> SearchIndex:
    """The library's index, loaded, repaired or rebuilt as needed, and caught up.

    Never raises for a bad index file: a missing, corrupt or outdated index is
    rebuilt (``notify`` says so, ``progress`` gets the running article count);
    articles added since it was saved, and articles enriched or edited since,
    are indexed incrementally; the result is saved when it changed (a read-only
    library just keeps it in memory).
    """
    say = notify or (lambda message: None)
    directory = index_directory(library)
    try:
        index = SearchIndex.load(directory)
    except IndexUnusable as error:
        reason = str(error)
        index = rebuild_index(library, progress, notify=say)
        if "missing" in reason:
            say(f"search index built ({index.doc_count} articles)")
        else:
            say(f"{reason}; rebuilt")
        return index
    fingerprint = _fingerprint(library)
    if index.max_key > fingerprint["max_key"] or index.doc_count > fingerprint["count"]:
        say("search index did not match the library; rebuilt")
        return rebuild_index(library, progress, notify=say)
    changed = _catch_up(index, library, fingerprint)
    if changed:
        if index.needs_merge:
            index.merge()
        _save(index, library, fingerprint, say)
    return index


def _catch_up(index: SearchIndex, library: Library, fingerprint: dict[str, int]) -> bool:
    keys = [
        int(row[0])
        for row in library.query(
            "SELECT key FROM articles WHERE key > ? ORDER BY key", [index.max_key]
        )
    ]
    if index.extra.get("hashes") != fingerprint["hashes"]:
        # Some article was edited in place (same key): find which by their digests.
        digests = index.digests()
        for key, head in library.query(
            "SELECT key, substr(content_hash, 1, 8) FROM articles WHERE key <= ?",
            [index.max_key],
        ):
            if digests.get(int(key)) != int(str(head), 16):
                keys.append(int(key))
    if index.extra.get("enriched") != fingerprint["enriched"]:
        indexed = set(index.enriched_keys().tolist())
        known = index.max_key
        for (key,) in library.query(
            "SELECT key FROM articles WHERE enriched = 1 AND key <= ?", [known]
        ):
            if int(key) not in indexed:
                keys.append(int(key))
    if index.extra.get("corrections", 0) != fingerprint["corrections"]:
        from ossetia_reader.core.enrich.corrections import affected_articles

        since = index.extra.get("corrections", 0)
        since = since if isinstance(since, int) and since <= fingerprint["corrections"] else 0
        keys += [key for key in affected_articles(library, since) if key <= index.max_key]
    keys = list(dict.fromkeys(keys))
    for start in range(0, len(keys), _CATCH_UP_BATCH):
        chunk = keys[start : start + _CATCH_UP_BATCH]
        articles = [a for a in (library.get(key) for key in chunk) if a is not None]
        index.add(articles)
    return bool(keys) or any(index.extra.get(k) != v for k, v in fingerprint.items())


def _save(
    index: SearchIndex,
    library: Library,
    fingerprint: dict[str, int],
    say: Callable[[str], None] | None,
) -> None:
    if library.read_only:
        return
    try:
        index.save(index_directory(library), extra=fingerprint)
    except OSError as error:
        if say is None:
            raise
        say(f"search index could not be saved: {error.strerror or error}")
