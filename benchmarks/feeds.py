"""Feeds pane speed at 100,000 articles and 50 saved searches, against SQL LIKE (newsboat's way).

Builds a library of ``--articles`` articles (the ``../shared/corpora/*/*.jsonl``
news cycled with fresh ids, spread over 40 subscribed feeds, about 60% read),
its search index, and ``--saved`` seeded saved searches drawn from the corpus
(single words, two-word AND and OR, phrases from titles, ``title:`` words,
``source:`` names). Then, in one run, for ours (``core.feedlist``: counts from
SQLite indexes and the search index's match sets) and for the peer (each saved
search re-evaluated as ``LIKE '%word%'`` over title and body, newsboat's query
feeds; feed counts by the same ``GROUP BY``):

1. the pane before the index is loaded (feeds, sources, all/unread/starred);
2. the pane with every count, saved searches included (median of 5 runs);
3. opening each saved search: its keys and the first screenful of rows (100);
4. after 1,000 new articles: ours catches its index up (timed apart), then
   counts everything again; the peer re-runs its LIKE counts.

Targets (issue 15): 2 <= 100 ms, 4 <= 200 ms, 3 <= 50 ms.
Run: ``nice -n 10 python benchmarks/feeds.py --articles 100000``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

from ossetia_reader.core.article import Article  # noqa: E402
from ossetia_reader.core.feedlist import FeedCounter, View, ViewKind  # noqa: E402
from ossetia_reader.core.library import Library  # noqa: E402
from ossetia_reader.core.saved import SavedSearch, list_saved, save  # noqa: E402
from ossetia_reader.core.search import index_directory, open_index, rebuild_index  # noqa: E402
from ossetia_reader.core.subscriptions import add_feed, tag_feed  # noqa: E402

PAGE = 100
FEEDS = 40
WORD = re.compile(r"[A-Za-z]{5,}")
_STOPWORDS = (
    "about after again their there these those which while would could should other "
    "where first years being under since still people because before between"
)
_STOP = set(_STOPWORDS.split(" "))


def corpora() -> Path:
    for candidate in (ROOT.parent / "shared" / "corpora", ROOT.parents[1] / "shared" / "corpora"):
        if candidate.is_dir():
            return candidate
    sys.exit("no ../shared/corpora found")


def load_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in sorted(corpora().glob("*/*.jsonl")):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if not isinstance(row.get("title"), str) or not isinstance(row.get("body"), str):
                    continue
                ident = str(row.get("article_id") or row.get("id"))
                if ident in seen:
                    continue
                seen.add(ident)
                rows.append(row)
    return rows


def articles(rows: list[dict[str, Any]], count: int, start: int = 0) -> Iterator[Article]:
    base = dt.date(2020, 1, 1)
    for n in range(start, start + count):
        row = rows[n % len(rows)]
        source = str(row.get("source") or "wire")
        yield Article(
            id=f"bench-{n}",
            title=row["title"],
            body=f"{row['body']}\n\n(copy {n})",  # a copy with its own content, not a duplicate
            date=base + dt.timedelta(days=n % 2000),
            source=source,
            feed=f"https://feed{n % FEEDS}.example/rss",
        )


def saved_queries(rows: list[dict[str, Any]], count: int, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    for row in rows[:5000]:
        for word in WORD.findall(row["title"] + " " + row["body"][:400]):
            word = word.lower()
            if word not in _STOP:
                counts[word] = counts.get(word, 0) + 1
    common = [w for w, n in sorted(counts.items(), key=lambda x: -x[1])[:400]]
    titles = [r["title"] for r in rows if len(WORD.findall(r["title"])) >= 2]
    sources = sorted({str(r.get("source")) for r in rows if r.get("source")})
    queries: list[str] = []
    kinds = ["single"] * 20 + ["and"] * 10 + ["or"] * 8 + ["phrase"] * 6 + ["title"] * 4
    kinds += ["source"] * 2
    for kind in kinds[:count]:
        if kind == "single":
            queries.append(rng.choice(common))
        elif kind == "and":
            queries.append(" ".join(rng.sample(common[:150], 2)))
        elif kind == "or":
            a, b = rng.sample(common, 2)
            queries.append(f"{a} OR {b}")
        elif kind == "phrase":
            words = WORD.findall(rng.choice(titles))
            i = rng.randrange(len(words) - 1)
            queries.append(f'"{words[i].lower()} {words[i + 1].lower()}"')
        elif kind == "title":
            queries.append(f"title:{rng.choice(common)}")
        else:
            queries.append(f'source:"{rng.choice(sources)}"')
    return queries


# -- the peer: newsboat-style query feeds, re-evaluated with LIKE ---------------------------


def like_clause(query: str) -> tuple[str, list[str]]:
    """The query as SQL LIKE conditions (what a LIKE-based reader would run)."""
    if query.startswith('source:"'):
        return "source LIKE ?", [f"%{query[8:-1]}%"]
    if query.startswith("title:"):
        return "title LIKE ?", [f"%{query[6:]}%"]
    if query.startswith('"'):
        return "(title LIKE ? OR body LIKE ?)", [f"%{query[1:-1]}%"] * 2
    if " OR " in query:
        a, b = query.split(" OR ")
        return "(title LIKE ? OR body LIKE ? OR title LIKE ? OR body LIKE ?)", [
            f"%{a}%",
            f"%{a}%",
            f"%{b}%",
            f"%{b}%",
        ]
    words = query.split()
    clause = " AND ".join("(title LIKE ? OR body LIKE ?)" for _ in words)
    return clause, [p for w in words for p in (f"%{w}%", f"%{w}%")]


def like_counts(library: Library, queries: list[str]) -> None:
    library.query(
        "SELECT feed, source, count(*), sum(read = 0) FROM articles GROUP BY feed, source"
    )
    for query in queries:
        clause, params = like_clause(query)
        library.query(f"SELECT count(*), sum(read = 0) FROM articles WHERE {clause}", params)


def like_open(library: Library, query: str) -> None:
    clause, params = like_clause(query)
    keys = [
        row[0]
        for row in library.query(
            f"SELECT key FROM articles WHERE {clause} "
            f"ORDER BY date IS NULL, date DESC, key DESC LIMIT {PAGE}",
            params,
        )
    ]
    library.summaries(keys)


# -- measuring -------------------------------------------------------------------------------


CLOCK = time.perf_counter  # --cpu: this process's CPU time (a shared machine's load aside)


def timed(action: Callable[[], object]) -> float:
    started = CLOCK()
    action()
    return (CLOCK() - started) * 1000


def median_of(action: Callable[[], object], runs: int = 5) -> float:
    action()  # warm the page cache once
    return statistics.median(timed(action) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--saved", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the library here.")
    parser.add_argument("--cpu", action="store_true", help="Time in CPU seconds, not wall.")
    args = parser.parse_args()
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
    rows = load_rows()
    print(f"corpus: {len(rows):,} distinct articles, cycled to {args.articles:,}")
    directory = args.keep or Path(tempfile.mkdtemp(prefix="feeds-bench-"))
    library = Library(directory / "library")
    if library.count() < args.articles:
        started = time.perf_counter()
        batch: list[Article] = []
        for article in articles(rows, args.articles - library.count(), library.count()):
            batch.append(article)
            if len(batch) == 2000:
                library.add(batch)
                batch.clear()
        library.add(batch)
        for n in range(FEEDS):
            add_feed(library, f"https://feed{n}.example/rss", f"Feed {n}")
            if n % 2:
                tag_feed(library, f"https://feed{n}.example/rss", [f"tag{n % 5}"])
        rng = random.Random(1)
        keys = library.keys()
        library.set_read(rng.sample(keys, int(len(keys) * 0.6)))
        print(f"library built in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    if args.keep and index_directory(library).is_dir():
        index = open_index(library)  # reuse a kept library's index (caught up)
    else:
        index = rebuild_index(library, workers=min(2, os.cpu_count() or 1))
    print(f"index ready in {time.perf_counter() - started:.0f} s ({index.doc_count:,} articles)")
    for n, query in enumerate(saved_queries(rows, args.saved)):
        save(library, f"saved {n:02d}", query)
    searches: list[SavedSearch] = list_saved(library)
    queries = [s.query for s in searches]
    counter = FeedCounter(library, lambda: index)
    before_index = FeedCounter(library)

    pane_first = median_of(before_index.counts)
    # The first count after the index loads: no match set cached yet (a new counter each run).
    pane_all = median_of(lambda: FeedCounter(library, lambda: index).counts())
    counter.counts()
    counter.save_cache()  # as the app does after drawing the pane
    # The next launch, the index unchanged: match sets read from beside the index.
    pane_next = median_of(lambda: FeedCounter(library, lambda: index).counts())
    some = library.keys()[:20]

    def after_reading() -> None:  # reading changes unread counts, not what queries match
        library.set_read(some, True)
        counter.counts()

    pane_read = median_of(after_reading)
    peer_counts = timed(lambda: like_counts(library, queries))

    def open_saved(saved: SavedSearch) -> Callable[[], object]:
        return lambda: library.summaries(counter.keys(View(ViewKind.SAVED, saved.name))[:PAGE])

    ours_open = [median_of(open_saved(s), 3) for s in searches]
    peer_open = [timed(lambda q=q: like_open(library, q)) for q in queries]  # type: ignore[misc]

    fresh = list(articles(rows, 1000, 2_000_000 + library.max_key()))  # new ids, new content
    library.add(fresh)
    new_keys = [
        int(r[0]) for r in library.query("SELECT key FROM articles WHERE key > ?", [index.max_key])
    ]
    catch_up = timed(lambda: index.add(library.get(k) for k in new_keys))  # type: ignore[misc]
    after_counts = timed(counter.counts)
    after_new = timed(lambda: counter.new_in_saved(new_keys))
    peer_after = timed(lambda: like_counts(library, queries))

    def row(name: str, ours: float, peer: float | None, target: str) -> None:
        ratio = f"{peer / ours:,.0f}× faster" if peer else ""
        peer_text = f"{peer:,.1f} ms" if peer is not None else ""
        print(f"| {name} | {ours:,.1f} ms | {peer_text} | {ratio} | {target} |")

    total = library.count()
    clock = "CPU time of this process" if args.cpu else "wall time"
    print(f"\n{total:,} articles, {len(searches)} saved searches, {FEEDS} feeds ({clock})\n")
    print("| | ours | SQL LIKE | ours vs LIKE | target |")
    print("| --- | --- | --- | --- | --- |")
    row("pane before the index (feeds, sources, unread)", pane_first, None, "")
    row("pane with every count (50 saved searches)", pane_all, peer_counts, "≤ 100 ms")
    row("recount after reading (match sets cached)", pane_read, peer_counts, "")
    row("pane on a later launch (match sets kept on disk)", pane_next, peer_counts, "≤ 100 ms")
    row(
        "open a saved search, first 100 rows: median",
        statistics.median(ours_open),
        statistics.median(peer_open),
        "≤ 50 ms",
    )
    row("open a saved search: slowest", max(ours_open), max(peer_open), "≤ 50 ms")
    row("after 1,000 new: every count again (cache dropped)", after_counts, peer_after, "≤ 200 ms")
    row("after 1,000 new: which saved searches got them", after_new, None, "")
    row("after 1,000 new: index catch-up (not in the count)", catch_up, None, "")
    slow = max(zip(ours_open, queries, strict=True))
    print(f"\nslowest saved search to open: {slow[1]!r} ({slow[0]:.1f} ms)")
    print(f"library at {directory}" + ("" if args.keep else " (temporary)"))


if __name__ == "__main__":
    main()
