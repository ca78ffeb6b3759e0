"""Search speed and size against SQLite FTS5 and tantivy, measured in one run (issue 3).

Loads the news corpora of ``../shared/corpora/*/*.jsonl`` (read in place;
PolNeAR's one-copy-per-annotator rows are deduplicated), cycled with fresh
ids and keys when more articles are asked for than exist (it says so), and
builds the same articles (title, body; ours also source and date) into:

* ours: ``ossetia_reader.core.search.SearchIndex`` (saved, then loaded from disk);
* SQLite FTS5 (stdlib ``sqlite3``; ``unicode61 remove_diacritics 2``, ranked by ``bm25()``);
* tantivy (PyPI ``tantivy``, benchmark-only; default tokenizer, BM25).

Then a seeded query set drawn from the corpus (single words, two-word AND and
OR, two-word phrases, prefixes, ``title:`` filters), the same for all three
(prefixes are regex queries in tantivy, whose query parser has no ``word*``),
each answered for its top 100 (the engines take turns query by query, so a
busy machine slows them alike). Printed: build throughput, size on disk,
cold load (a fresh process: open the index and answer one query, timed
inside that process after imports; median of 5), its RSS growth, query
latency p50/p99 per class in wall time and in the calling thread's CPU time
(``cpu`` rows: the figures to compare on a shared machine; the load average
and whether an engine used other threads are printed), ours' time to add
one article to the built index, and every figure's ratio to each peer.
``--profile`` prints where ours spends each class's time (cProfile);
``--dump`` writes ours' answers, to check that a change kept them identical.

Run: ``nice -n 10 python benchmarks/search.py --articles 10000`` (or 100000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

from ossetia_reader.core.article import Article  # noqa: E402
from ossetia_reader.core.search import SearchIndex  # noqa: E402

# ../shared beside the clone (CI); a worktree one level deeper finds it one more up.
CORPORA = next(
    (
        p.resolve()
        for p in (ROOT / ".." / "shared" / "corpora", ROOT / ".." / ".." / "shared" / "corpora")
        if p.is_dir()
    ),
    (ROOT / ".." / "shared" / "corpora").resolve(),
)
CLASSES = ("single", "and", "or", "phrase", "prefix", "field")
LIMIT = 100
_STOPWORDS = (
    "the a an and or of to in on for with at by from as is was were be been are it its this "
    "that which who he she they we you i not no but said says will would could should has "
    "have had do does did than then there their his her our your also more most"
)
STOPWORDS = frozenset(_STOPWORDS.split(" "))
WORD = re.compile(r"[^\W\d_]{3,}")


# -- corpus ----------------------------------------------------------------------


def load_corpus(count: int) -> tuple[list[Article], str]:
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in sorted(CORPORA.glob("*/*.jsonl")):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if not isinstance(row.get("title"), str) or not isinstance(row.get("body"), str):
                    continue
                ident = str(row.get("article_id") or row["id"])
                if ident in seen:
                    continue
                seen.add(ident)
                rows.append(row)
    if not rows:
        sys.exit(f"no corpora found under {CORPORA}")
    random.Random(0).shuffle(rows)  # every size gets a mix of the corpora
    note = f"{len(rows)} distinct articles"
    if count > len(rows):
        note += f", cycled x{count / len(rows):.1f} with fresh ids to reach {count}"
    articles = []
    for i in range(count):
        row = rows[i % len(rows)]
        date = None
        if row.get("date"):
            try:
                date = dt.date.fromisoformat(str(row["date"])[:10])
            except ValueError:
                date = None
        articles.append(
            Article(
                id=f"{row['id']}#{i // len(rows)}",
                key=i + 1,
                title=row["title"],
                body=row["body"],
                source=str(row.get("source") or ""),
                date=date,
            )
        )
    return articles, note


def make_queries(articles: list[Article], per_class: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    queries: dict[str, list[str]] = {name: [] for name in CLASSES}

    def words_of(text: str) -> list[str]:
        return [w.lower() for w in WORD.findall(text) if w.lower() not in STOPWORDS]

    while any(len(v) < per_class for v in queries.values()):
        article = rng.choice(articles)
        body = words_of(article.body)
        title = words_of(article.title)
        if len(body) < 10:
            continue
        a, b = rng.sample(body, 2)
        if len(queries["single"]) < per_class:
            queries["single"].append(a)
        if len(queries["and"]) < per_class:
            queries["and"].append(f"{a} {b}")
        if len(queries["or"]) < per_class:
            queries["or"].append(f"{a} OR {b}")
        raw = [w.lower() for w in WORD.findall(article.body)]
        pairs = [
            (x, y) for x, y in itertools.pairwise(raw) if x not in STOPWORDS and y not in STOPWORDS
        ]
        if pairs and len(queries["phrase"]) < per_class:
            x, y = rng.choice(pairs)
            queries["phrase"].append(f'"{x} {y}"')
        if len(queries["prefix"]) < per_class and len(a) >= 5:
            queries["prefix"].append(a[: rng.randint(3, min(5, len(a) - 1))] + "*")
        if title and len(queries["field"]) < per_class:
            queries["field"].append(f"title:{rng.choice(title)}")
    return queries


# -- engines -----------------------------------------------------------------------


def dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class Ours:
    name = "ours"
    workers = 2

    def build(self, articles: list[Article], where: Path) -> None:
        index = SearchIndex.build(articles, workers=self.workers)
        index.save(where)

    def open(self, where: Path) -> None:
        self.index = SearchIndex.load(where)

    def search(self, query: str) -> int:
        return len(self.index.search(query, limit=LIMIT).hits)

    cold = (
        "import sys; sys.path.insert(0, {tui!r})\n"
        "from pathlib import Path\n"
        "from ossetia_reader.core.search import SearchIndex\n"
        "def run(where, query):\n"
        "    index = SearchIndex.load(Path(where))\n"
        "    index.search(query, limit={limit})\n"
        "    return index\n"
    )


class Fts5:
    name = "fts5"
    sql = "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?"

    def build(self, articles: list[Article], where: Path) -> None:
        db = sqlite3.connect(where)
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        with db:
            db.executemany(
                "INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)",
                ((a.key, a.title, a.body) for a in articles),
            )
        db.close()

    def open(self, where: Path) -> None:
        self.db = sqlite3.connect(where)

    def search(self, query: str) -> int:
        return len(self.db.execute(self.sql, (query, LIMIT)).fetchall())

    cold = (
        "import sqlite3\n"
        "def run(where, query):\n"
        "    db = sqlite3.connect(where)\n"
        "    sql = 'SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?'\n"
        "    db.execute(sql, (query, {limit})).fetchall()\n"
        "    return db\n"
    )


class Tantivy:
    name = "tantivy"

    def build(self, articles: list[Article], where: Path) -> None:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("title", stored=False)
        builder.add_text_field("body", stored=False)
        builder.add_integer_field("key", stored=True, fast=True)
        where.mkdir()
        index = tantivy.Index(builder.build(), path=str(where))
        writer = index.writer(heap_size=200_000_000, num_threads=2)
        for a in articles:
            writer.add_document(tantivy.Document(title=a.title, body=a.body, key=a.key))
        writer.commit()
        writer.wait_merging_threads()

    def open(self, where: Path) -> None:
        import tantivy

        self.tantivy = tantivy
        self.index = tantivy.Index.open(str(where))
        self.searcher = self.index.searcher()

    def parse(self, query: str) -> Any:
        return tantivy_query(self.tantivy, self.index, query)

    def search(self, query: str) -> int:
        return len(self.searcher.search(self.parse(query), LIMIT).hits)

    cold = (
        "import re, tantivy\n"
        "def run(where, query):\n"
        "    index = tantivy.Index.open(where)\n"
        "    searcher = index.searcher()\n"
        "    parsed = index.parse_query(query, ['title', 'body'], conjunction_by_default=True)\n"
        "    searcher.search(parsed, {limit})\n"
        "    return index, searcher\n"
    )


def tantivy_query(tantivy: Any, index: Any, query: str) -> Any:
    if query.endswith("*") and " " not in query:
        pattern = re.escape(query[:-1]) + ".*"
        schema = index.schema
        return tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.regex_query(schema, "title", pattern)),
                (tantivy.Occur.Should, tantivy.Query.regex_query(schema, "body", pattern)),
            ]
        )
    return index.parse_query(query, ["title", "body"], conjunction_by_default=True)


# -- measuring ---------------------------------------------------------------------


def cold_load(engine: Any, where: Path, query: str) -> tuple[float, float]:
    """(ms to open and answer one query, RSS growth in MB) in one fresh process."""
    code = engine.cold.format(tui=str(ROOT / "tui"), limit=LIMIT) + (
        "import json, os, sys, time\n"
        "def rss():\n"
        "    with open('/proc/self/statm') as f:\n"
        "        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')\n"
        "before = rss(); start = time.perf_counter()\n"
        "opened = run(sys.argv[1], sys.argv[2])  # kept open while RSS is read\n"
        "elapsed = time.perf_counter() - start\n"
        "print(json.dumps([elapsed * 1000, (rss() - before) / 1e6]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(where), query],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    elapsed, rss = json.loads(out)
    return float(elapsed), float(rss)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def latencies(
    engines: dict[str, Any], queries: dict[str, list[str]], rounds: int
) -> tuple[dict[str, dict[str, list[float]]], dict[str, dict[str, list[float]]], dict[str, float]]:
    """Per engine and class, query times in ms, wall and CPU; engines take turns query
    by query, so that a busy machine slows them alike.

    CPU is the calling thread's (``time.thread_time``): on a shared machine a
    query's wall time includes waiting for a core, its CPU time does not. Also
    returned per engine: the process's CPU over the thread's across its queries
    (about 1 when the engine does all its work in the calling thread, so that
    thread CPU is the whole cost; above 1 it used other threads too).
    """
    for engine in engines.values():  # warm caches once
        for batch in queries.values():
            for query in batch:
                engine.search(query)
    wall = {name: {cls: [] for cls in CLASSES} for name in engines}
    cpu = {name: {cls: [] for cls in CLASSES} for name in engines}
    process = dict.fromkeys(engines, 0.0)
    for _ in range(rounds):
        for cls, batch in queries.items():
            for query in batch:
                for name, engine in engines.items():
                    start_p = time.process_time()
                    start_c = time.thread_time()
                    start = time.perf_counter()
                    engine.search(query)
                    wall[name][cls].append((time.perf_counter() - start) * 1000)
                    cpu[name][cls].append((time.thread_time() - start_c) * 1000)
                    process[name] += time.process_time() - start_p
    threads = {
        name: process[name] * 1000 / max(sum(sum(v) for v in cpu[name].values()), 1e-9)
        for name in engines
    }
    return wall, cpu, threads


def add_one(where: Path, articles: list[Article], trials: int = 20) -> list[float]:
    index = SearchIndex.load(where)
    base = max(a.key or 0 for a in articles)
    times = []
    for i in range(trials):
        source = articles[i]
        fresh = Article(
            id=f"new-{i}", key=base + i + 1, title=source.title, body=source.body, date=source.date
        )
        start = time.perf_counter()
        index.add([fresh])
        times.append((time.perf_counter() - start) * 1000)
    return times


def dump(ours: Ours, queries: dict[str, list[str]], path: Path) -> None:
    """Every query's top hits (keys, scores) and totals, to compare two versions of the code."""
    answers = {}
    for batch in queries.values():
        for query in batch:
            for prefix_last in (False, True):
                result = ours.index.search(query, limit=LIMIT, prefix_last=prefix_last)
                answers[f"{query}|{prefix_last}"] = [
                    result.hits.keys,
                    result.hits.scores,
                    result.total,
                    result.suggestions,
                ]
    path.write_text(json.dumps(answers, sort_keys=True))
    print(f"ours: {len(answers)} answers written to {path}", flush=True)


def profile(ours: Ours, queries: dict[str, list[str]]) -> None:
    """Where ours spends a query's time, per class (cProfile, cumulative, top lines)."""
    import cProfile
    import io
    import pstats

    for cls, batch in queries.items():
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(3):
            for query in batch:
                ours.search(query)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(14)
        print(f"-- profile of ours, class {cls} (tottime) --")
        print("\n".join(out.getvalue().splitlines()[4:24]), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100, help="queries per class")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--engines", default="ours,fts5,tantivy")
    parser.add_argument("--keep", type=Path, help="build here and keep (default: a temp dir)")
    parser.add_argument(
        "--reuse", action="store_true", help="with --keep: use the indexes already built there"
    )
    parser.add_argument(
        "--dump", type=Path, help="write ours' keys and scores per query here (JSON), to compare"
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile ours over the query set (cProfile)"
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="processes tokenizing for ours (tantivy: 2 threads)"
    )
    args = parser.parse_args()
    Ours.workers = args.workers

    articles, note = load_corpus(args.articles)
    raw = sum(len(a.title.encode()) + len(a.body.encode()) for a in articles)
    queries = make_queries(articles, args.queries, args.seed)
    print(f"corpus: {note}; {raw / 1e6:.1f} MB of title+body text", flush=True)
    print(f"queries: {args.queries} per class x {args.rounds} rounds, top {LIMIT}", flush=True)
    print(
        f"ours tokenizes in {args.workers} process(es); tantivy indexes with 2 threads", flush=True
    )
    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    engines = {e.name: e for e in (Ours(), Fts5(), Tantivy()) if e.name in args.engines.split(",")}
    results: dict[str, dict[str, float]] = {}
    for name, engine in engines.items():
        where = work / name
        if args.reuse and where.exists():
            print(f"{name}: reusing the index in {where}", flush=True)
            results[name] = {"size MB": dir_size(where) / 1e6}
            continue
        if where.exists():
            shutil.rmtree(where) if where.is_dir() else where.unlink()
        start = time.perf_counter()
        engine.build(articles, where)
        build = time.perf_counter() - start
        results[name] = {"build/s": len(articles) / build, "size MB": dir_size(where) / 1e6}
        print(f"{name}: built in {build:.1f} s", flush=True)
    cold: dict[str, list[tuple[float, float]]] = {name: [] for name in engines}
    for _ in range(5):  # fresh processes, engines in turn
        for name, engine in engines.items():
            cold[name].append(cold_load(engine, work / name, queries["single"][0]))
    for name, engine in engines.items():
        results[name]["cold ms"] = statistics.median(c[0] for c in cold[name])
        results[name]["dRSS MB"] = statistics.median(c[1] for c in cold[name])
        engine.open(work / name)
    if args.dump and "ours" in engines:
        dump(engines["ours"], queries, args.dump)
    if args.profile and "ours" in engines:
        profile(engines["ours"], queries)
    load_before = os.getloadavg()[0]
    wall, cpu, threads = latencies(engines, queries, args.rounds)
    load_after = os.getloadavg()[0]
    for name in engines:
        figures = results[name]
        for kind, timings in (("", wall[name]), ("cpu ", cpu[name])):
            every = [t for batch in timings.values() for t in batch]
            figures[f"{kind}p50 ms"] = percentile(every, 0.5)
            figures[f"{kind}p99 ms"] = percentile(every, 0.99)
            for cls, batch in timings.items():
                figures[f"{kind}{cls} p50"] = percentile(batch, 0.5)
                figures[f"{kind}{cls} p99"] = percentile(batch, 0.99)
    print(
        f"load average {load_before:.1f} before the timed queries, {load_after:.1f} after; "
        "process/thread CPU over the queries: "
        + ", ".join(f"{name} {ratio:.2f}" for name, ratio in threads.items()),
        flush=True,
    )
    if "ours" in engines:
        adds = add_one(work / "ours", articles)
        results["ours"]["add1 ms"] = statistics.median(adds)
        results["ours"]["add1 max"] = max(adds)
    print_table(results, raw)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def print_table(results: dict[str, dict[str, float]], raw: int) -> None:
    names = list(results)
    rows = list(next(iter(results.values())))
    extra = [r for r in results.get("ours", {}) if r not in rows]
    peers = [n for n in names if n != "ours"]
    header = f"{'figure':<14}" + "".join(f"{n:>12}" for n in names)
    header += "".join(f"{'ours/' + p:>14}" for p in peers if "ours" in results)
    print()
    print(f"machine: {os.cpu_count()} cpus, {platform_line()}; {dt.date.today()}")
    print(header)
    for row in rows + extra:
        line = f"{row:<14}"
        for n in names:
            value = results[n].get(row)
            line += f"{value:>12.2f}" if value is not None else f"{'':>12}"
        if "ours" in results:
            for p in peers:
                a, b = results["ours"].get(row), results[p].get(row)
                line += f"{a / b:>14.2f}" if a is not None and b else f"{'':>14}"
        print(line)
    if "ours" in results:
        print(f"{'size/raw':<14}{results['ours']['size MB'] * 1e6 / raw:>12.2f}")


def platform_line() -> str:
    import platform

    return f"{platform.processor() or platform.machine()}, Python {platform.python_version()}"


if __name__ == "__main__":
    main()
