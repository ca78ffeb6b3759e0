"""Full-text search over the library: tokenizer, index, query language, snippets.

The app and the CLI need only what is exported here::

    index = open_index(library, notify)          # load, repair, catch up, save
    result = index.search("south ossetia", limit=200, prefix_last=True)
    spans = highlight_spans(result.query, article.body)
    text, spans = snippet(result.query, article.body)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ossetia_reader.core import memory
from ossetia_reader.core.article import Article
from ossetia_reader.core.library import Library
from ossetia_reader.core.search.index import Hit, HitList, SearchIndex, SearchResult
from ossetia_reader.core.search.snippet import highlight_spans, snippet
from ossetia_reader.core.search.store import IndexUnusable

__all__ = [
    "INDEX_DIRECTORY",
    "PARALLEL_FROM",
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
PARALLEL_FROM = 20_000  # articles: below this, worker processes cost more than they save
REBUILD_FROM = PARALLEL_FROM  # new articles to catch up on: from here, rebuild when they outnumber
_STREAM_FROM = 500  # articles to catch up on: from here, read as a stream


def index_directory(library: Library) -> Path:
    """Where the library's search index lives."""
    return library.directory / INDEX_DIRECTORY


# For indexes saved before the library kept a data version (schema 4): two hex digits
# of every content hash, summed, change when any article's text changes.
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
    stamp = _stamp(library)  # read first: a change made while building is caught up next time
    scratch = None if library.read_only else index_directory(library)
    articles = _library_typed(library, library.iter_articles())
    index = SearchIndex.build(articles, progress, workers=workers, scratch=scratch)
    _save(index, library, stamp, notify)
    return index


def _rebuild(
    library: Library,
    progress: Callable[[int], None] | None,
    say: Callable[[str], None],
    workers: int,
) -> SearchIndex:
    if workers > 1 and library.count() < PARALLEL_FROM:
        workers = 1  # starting worker processes costs more than it saves
    return rebuild_index(library, progress, notify=say, workers=workers)


def _stamp(library: Library) -> dict[str, int]:
    """What the manifest records of the library: its data version and the last
    entity correction (one row each, no scan)."""
    return {"version": library.data_version(), "corrections": _corrections_version(library)}


def _corrections_version(library: Library) -> int:
    """``enrich.corrections.version``, asked without importing that module: it pulls in
    the alias list's modules (~6 ms of a one-shot ``search`` that never uses them).
    A test checks that both give the same number."""
    return int(library.query("SELECT coalesce(max(version), 0) FROM correction_log")[0][0])


def open_index(
    library: Library,
    notify: Callable[[str], None] | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int = 1,
) -> SearchIndex:
    """The library's index, loaded, repaired or rebuilt as needed, and caught up.

    Never raises for a bad index file: a missing, corrupt or outdated index is
    rebuilt (``notify`` says so, ``progress`` gets the running article count);
    articles added, enriched or edited since it was saved are indexed
    incrementally; the result is saved when it changed (a read-only library
    just keeps it in memory). With ``workers`` > 1, a rebuild of a big library
    (from ``PARALLEL_FROM`` articles) tokenizes in that many processes.

    Whether it is current is one comparison: the library's data version (see
    ``Library.data_version``) against the one saved in the manifest; what
    changed since is an index range scan. An index saved before the library
    kept a data version is checked the old way once (a scan of every row).
    """
    index = _open(library, notify, progress, workers)
    memory.give_back()  # a catch-up's or rebuild's peak, or the app holds it all session
    return index


def _open(
    library: Library,
    notify: Callable[[str], None] | None,
    progress: Callable[[int], None] | None,
    workers: int,
) -> SearchIndex:
    say = notify or (lambda message: None)
    directory = index_directory(library)
    try:
        index = SearchIndex.load(directory)
    except IndexUnusable as error:
        reason = str(error)
        index = _rebuild(library, progress, say, workers)
        if "missing" in reason:
            say(f"search index built ({index.doc_count} articles)")
        else:
            say(f"{reason}; rebuilt")
        return index
    stamp = _stamp(library)
    saved = index.extra.get("version")
    if isinstance(saved, int) and not isinstance(saved, bool) and saved <= stamp["version"]:
        if saved == stamp["version"] and index.extra.get("corrections") == stamp["corrections"]:
            return index
        keys = library.changed_since(saved)
        if index.max_key > library.max_key() or (
            stamp["version"] - saved > len(keys) and index.doc_count > library.count()
        ):
            say("search index did not match the library; rebuilt")
            return _rebuild(library, progress, say, workers)
        keys += _corrected(index, library, stamp["corrections"])
        keys = sorted(set(keys))
        if len(keys) >= REBUILD_FROM and len(keys) > index.doc_count:
            # Mostly new articles (a big import into a small library): one build in
            # bounded memory, in worker processes, instead of a delta of them all
            # followed by a merge of everything (both in memory, ~1.5 GB at 100k).
            return rebuild_index(library, progress, notify=say, workers=workers)
        _add_keys(index, library, keys, progress)
    else:
        fingerprint = _fingerprint(library)
        if index.max_key > fingerprint["max_key"] or index.doc_count > fingerprint["count"]:
            say("search index did not match the library; rebuilt")
            return _rebuild(library, progress, say, workers)
        _catch_up(index, library, fingerprint)
    if index.needs_merge:
        if index.doc_count >= REBUILD_FROM:
            # ``merge`` decodes and re-encodes every segment in memory (~1.5 GB at
            # 100k, in the app too); the same index built anew stays bounded.
            return rebuild_index(library, progress, notify=say, workers=workers)
        index.merge()
    _save(index, library, stamp, say)
    return index


def _add_keys(
    index: SearchIndex,
    library: Library,
    keys: list[int],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Index (again) the articles under ``keys``, as one new delta segment.

    One segment for the lot: a delta per batch cost an encode per batch (its
    vocabulary's stems and transliterations) and, past a few deltas, merges
    of the deltas again and again. Many articles are streamed, not listed.
    """
    if len(keys) >= _STREAM_FROM:
        index.add_many(_library_typed(library, _articles(library, keys)), progress)
    elif keys:
        index.add(list(_library_typed(library, library.articles(keys))))


def _library_typed(library: Library, articles: Iterable[Article]) -> Iterator[Article]:
    """Each article's mentions typed by the library-wide type of their entity (issue 10:
    ``person:``/``place:`` follow the one type the library decided, not each article's
    tagging)."""
    from ossetia_reader.core.enrich.views import library_typed

    return library_typed(library, articles)


def _articles(library: Library, keys: list[int]) -> Iterator[Article]:
    """The articles under ``keys``, read in batches: a stream, not a list."""
    for start in range(0, len(keys), _CATCH_UP_BATCH):
        yield from library.articles(keys[start : start + _CATCH_UP_BATCH])


def _catch_up(index: SearchIndex, library: Library, fingerprint: dict[str, int]) -> None:
    """Bring an index saved without a data version up to date, by scanning the library."""
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
    keys += _corrected(index, library, fingerprint["corrections"])
    _add_keys(index, library, sorted(set(keys)))


def _corrected(index: SearchIndex, library: Library, now: int) -> list[int]:
    """Articles a reader's entity corrections touched since the index was saved."""
    saved = index.extra.get("corrections", 0)
    if saved == now:
        return []
    from ossetia_reader.core.enrich.corrections import affected_articles

    since = saved if isinstance(saved, int) and saved <= now else 0
    return [key for key in affected_articles(library, since) if key <= index.max_key]


def _save(
    index: SearchIndex,
    library: Library,
    stamp: dict[str, int],
    say: Callable[[str], None] | None,
) -> None:
    if library.read_only:
        return
    try:
        index.save(index_directory(library), extra=stamp)
    except OSError as error:
        if say is None:
            raise
        say(f"search index could not be saved: {error.strerror or error}")
