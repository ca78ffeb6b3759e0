"""At 100,000 articles: ``add`` of one big JSON Lines file, one-shot commands, the
first search after enrichment changed the library (issue 14).

Run from the repository root (needs ../shared/corpora beside it), niced::

    nice -n 10 python benchmarks/scale.py [--articles 100000] [--work DIR]

1. Writes a JSON Lines file of ``--articles`` articles in the corpora schema:
   every distinct corpus article (PolNeAR's per-annotator copies once), cycled
   with fresh ids, titles and URLs (113+ MB at 100k). Kept in ``--work``.
2. ``ossetia-reader add FILE`` in a fresh library, as a subprocess: wall time,
   CPU time (user+sys, its worker processes included: the machine may be
   shared) and peak RSS (the largest of its processes), index included; the
   peer is the newsboat-style table of ``library.py`` importing the same file
   in a subprocess (JSON parse + lookup by guid + insert). The same for a file
   of half the lines, to show whether memory grows with the file. Then where
   the CPU goes, phase by phase, in this process (``--phase-articles`` lines):
   parsing, storing, tokenizing, merging the index; and the index build alone
   of the 100k library (2 worker processes) against SQLite FTS5 and tantivy
   (2 threads) building from the same articles in the same run.
3. One-shot commands on that library, each minus ``ossetia-reader --version``
   (the floor: interpreter, click, our CLI modules), runs interleaved, medians:
   ``search "oil prices" --json``, ``list --limit 20``, ``entities --limit 20``.
   Whether ``list``/``show``/``--help`` import numpy or spaCy is printed too.
4. Enriches ``--enrich`` pending articles (rules tagger; each article's entity
   and quote columns change), then times the first ``search`` afterwards (it
   catches the index up) with its peak RSS, and a second one.
5. (``--app-seconds N``) opens the app headless (Textual's Pilot, 120x40) on that
   library for N seconds, enrichment running, and samples the RSS of the app
   process and of its worker processes (Linux ``/proc``) every half second.

Wall times on a shared machine are noisy: the CPU figures are the steadier.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the clone (CI); a worktree one level deeper finds it one more up.
CORPORA = next(
    (
        p
        for p in (REPO.parent / "shared" / "corpora", REPO.parent.parent / "shared" / "corpora")
        if p.is_dir()
    ),
    REPO.parent / "shared" / "corpora",
)
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tui"))  # the phases and the index build run in this process
ENV = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
CLI = [sys.executable, "-m", "ossetia_reader"]


def write_jsonl(path: Path, count: int) -> int:
    """The corpora cycled to ``count`` lines with fresh ids (returns distinct articles)."""
    rows, seen = [], set()
    for corpus in sorted(CORPORA.glob("*/*.jsonl")):
        with corpus.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if not isinstance(row.get("title"), str) or not isinstance(row.get("body"), str):
                    continue
                ident = str(row.get("article_id") or row["id"])
                if ident not in seen:
                    seen.add(ident)
                    rows.append(row)
    if not rows:
        sys.exit(f"no corpora found in {CORPORA}")
    random.Random(0).shuffle(rows)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            row = rows[number % len(rows)]
            copy = number // len(rows)
            url = row.get("url")
            record = {
                "id": f"{row['id']}~{copy}",
                "title": row["title"] + (f" ({copy})" if copy else ""),
                "date": row.get("date"),
                "source": row.get("source") or "",
                "url": (url + (f"#{copy}" if copy else "")) if url else None,
                "body": row["body"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows)


def run(argv: list[str]) -> tuple[float, float, float, str]:
    """Wall s, CPU s (user+sys) and peak RSS (MB) of one child process, and its stdout.

    The child is reaped with ``os.wait4``, so the usage is that child's alone.
    """
    started = time.perf_counter()
    child = subprocess.Popen(argv, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    out = child.stdout.read()
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{err.decode(errors='replace')[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, out.decode(errors="replace")


def measure(argv: list[str]) -> tuple[float, float, float]:
    """``run`` without the output."""
    wall, cpu, rss, _ = run(argv)
    return wall, cpu, rss


PEER = """
import json, sqlite3, sys, time
sys.path.insert(0, {bench!r})
from library import NEWSBOAT_SCHEMA
db = sqlite3.connect({db!r})
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
db.executescript(NEWSBOAT_SCHEMA)
batch = []
def flush():
    with db:
        for guid, title, url, date, body in batch:
            found = db.execute("SELECT id FROM rss_item WHERE guid = ? AND feedurl = ?",
                               (guid, "file")).fetchone()
            if found:
                db.execute("UPDATE rss_item SET title = ?, content = ? WHERE id = ?",
                           (title, body, found[0]))
            else:
                db.execute("INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, "
                           "content, unread) VALUES (?, ?, '', ?, 'file', ?, ?, 1)",
                           (guid, title, url, date, body))
    batch.clear()
with open({src!r}, encoding="utf-8") as lines:
    for line in lines:
        v = json.loads(line)
        batch.append((str(v.get("id")), v.get("title") or "", v.get("url") or "",
                      0, v.get("body") or ""))
        if len(batch) >= 1000:
            flush()
flush()
"""


APP = """
import asyncio, sys, tempfile
from pathlib import Path
from ossetia_reader.core.library import Library
from ossetia_reader.app import OssetiaReader
async def main():
    app = OssetiaReader(Library(Path({library!r})), state_path=Path(tempfile.mkdtemp()) / "s")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await asyncio.sleep({seconds})
asyncio.run(main())
"""


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def app_memory(library: Path, seconds: float) -> tuple[float, float, float]:
    """Peak RSS (MB) of the app process, of its largest worker, and of all together."""
    code = APP.format(library=str(library), seconds=seconds)
    child = subprocess.Popen(
        [sys.executable, "-c", code], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    app = worker = total = 0.0
    while child.poll() is None:
        own = _rss_mb(child.pid)
        others = [_rss_mb(pid) for pid in _descendants(child.pid)]
        app, worker = max(app, own), max([worker, *others])
        total = max(total, own + sum(others))
        time.sleep(0.5)
    return app, worker, total


def imports_of(argv: list[str], library: Path) -> set[str]:
    """Top-level packages a command imports (python -X importtime)."""
    child = subprocess.run(
        [*CLI[:1], "-X", "importtime", *CLI[1:], "--library", str(library), *argv],
        env=ENV,
        capture_output=True,
        text=True,
    )
    found = set()
    for line in child.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            found.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return found


def _cpu() -> float:
    """CPU seconds of this process and of its reaped children (worker processes)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def phases(source: Path, count: int, work: Path) -> None:
    """CPU per article of each step of ``add`` (one process, no workers): the profile.

    The store step is split into preparing the rows (the sanitiser's check,
    the content hash, the language) and SQLite; its peer is ``executemany``
    of the same rows into a table with no index and no trigger (SQLite's
    floor). The index is split into tokenizing, sorting the runs, and the
    final merge (of which the stem and transliteration groups).
    """
    import itertools
    import sqlite3

    from ossetia_reader.core.formats.jsonl import Record, iter_jsonl
    from ossetia_reader.core.library import Library, _row_values, content_hash, terminal_safe
    from ossetia_reader.core.search import build
    from ossetia_reader.core.search.build import merge_runs, write_run
    from ossetia_reader.core.search.segment import analyse
    from ossetia_reader.core.search.store import OnDisk

    with source.open(encoding="utf-8") as lines:
        raw = list(itertools.islice(lines, count))
    started = _cpu()
    records = [r for r in iter_jsonl(iter(raw)) if isinstance(r, Record)]  # type: ignore[arg-type]
    parse = _cpu() - started
    target = work / "phases"
    if target.exists():
        import shutil

        shutil.rmtree(target)
    library = Library(target)
    started = _cpu()
    stored = []
    with library.bulk():
        for at in range(0, len(records), 1000):
            added = library.add([r.article for r in records[at : at + 1000]])
            stored += [a.stored for a in added if a.stored is not None]
    store = _cpu() - started
    started = _cpu()
    rows = []
    for record in records:
        safe = terminal_safe(record.article)
        rows.append((safe.id, *_row_values(safe, content_hash(safe)), "now"))
    prepare = _cpu() - started
    floor_db = sqlite3.connect(work / "phases-floor.db")
    floor_db.execute("PRAGMA journal_mode=WAL")
    floor_db.execute("PRAGMA synchronous=NORMAL")
    floor_db.execute("DROP TABLE IF EXISTS t")
    floor_db.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(len(rows[0])))})")
    marks = ", ".join("?" * len(rows[0]))
    started = _cpu()
    for at in range(0, len(rows), 1000):
        with floor_db:
            floor_db.executemany(f"INSERT INTO t VALUES ({marks})", rows[at : at + 1000])
    floor = _cpu() - started
    floor_db.close()
    started = _cpu()
    flats = [analyse(stored[at : at + 4000]) for at in range(0, len(stored), 4000)]
    tokenize = _cpu() - started
    started = _cpu()
    runs = [write_run(flat, str(work / f"phase-run-{n}")) for n, flat in enumerate(flats)]
    sort_runs = _cpu() - started
    variants = [0.0]
    namespace = vars(build)  # merge_runs looks variant_arrays up here
    plain_variant_arrays = namespace["variant_arrays"]

    def timed_variants(strings: list[str]) -> dict[str, object]:
        begun = _cpu()
        try:
            return plain_variant_arrays(strings)  # type: ignore[no-any-return]
        finally:
            variants[0] += _cpu() - begun

    namespace["variant_arrays"] = timed_variants
    try:
        started = _cpu()
        arrays, _ = merge_runs(runs)
        merge = _cpu() - started
    finally:
        namespace["variant_arrays"] = plain_variant_arrays
    for run in runs:  # the scratch files merge_runs leaves to write_segment
        Path(run.path + ".words").unlink(missing_ok=True)
    for array in arrays.values():
        if isinstance(array, OnDisk):
            array.path.unlink(missing_ok=True)
    n = len(raw)
    total = parse + store + tokenize + sort_runs + merge
    print(f"where add's CPU goes ({n:,} lines, one process; µs per article, share):")
    for name, seconds in (
        ("read + parse JSON + sanitise", parse),
        ("store", store),
        ("  of which rows prepared (sanitiser check, hash, language)", prepare),
        ("  of which SQLite (ten indexes, inserts, lookups)", store - prepare),
        ("tokenize (index, in the workers)", tokenize),
        ("sort and write runs (index, in the workers)", sort_runs),
        ("merge runs into the segment (index, at the end)", merge),
        ("  of which stem and transliteration groups", variants[0]),
    ):
        print(f"  {name:<58} {seconds / n * 1e6:7.0f} µs  {seconds / total:5.0%}")
    print(f"  {'total':<58} {total / n * 1e6:7.0f} µs  = {n / total:,.0f} articles per CPU s")
    print(
        f"  peer: the same rows by executemany into a table without index or trigger "
        f"{floor / n * 1e6:.0f} µs (ours {(store - prepare) / floor:.1f}x that)"
    )
    # add overlaps its own process (parse, store) with the two tokenizing workers (the
    # runs); the merge waits for both. An estimate from these CPU figures, not a
    # measurement (this machine is shared): the longer side plus the merge.
    main_side, worker_side = parse + store, tokenize + sort_runs
    wall = max(main_side, worker_side) + merge
    print(
        f"  critical path on an idle 2-core machine (estimate): max(own process "
        f"{main_side / n * 1e6:.0f}, workers {worker_side / n * 1e6:.0f}) + merge "
        f"{merge / n * 1e6:.0f} µs = {n / wall:,.0f} articles/s"
    )


def index_build(library: Path) -> None:
    """Our index build of the library against FTS5 and tantivy on the same articles."""
    from search import Fts5, Ours, Tantivy  # type: ignore[import-not-found]

    from ossetia_reader.core.library import Library

    articles = list(Library(library).iter_articles())
    n = len(articles)
    print(f"index build from {n:,} articles in memory (wall; CPU incl. workers/threads):")
    figures = {}
    with tempfile.TemporaryDirectory() as scratch:
        for engine in (Ours(), Fts5(), Tantivy()):
            where = Path(scratch) / engine.name
            cpu, started = _cpu(), time.perf_counter()
            engine.build(articles, where)
            wall, cpu = time.perf_counter() - started, _cpu() - cpu
            figures[engine.name] = wall
            print(f"  {engine.name:<8} {n / wall:8,.0f} articles/s wall, {n / cpu:8,.0f} per CPU s")
    for peer in ("fts5", "tantivy"):
        ratio = figures[peer] / figures["ours"]
        print(f"  ours / {peer}: {ratio:.2f}x the speed (target >= 8,000/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7, help="runs per one-shot command")
    parser.add_argument("--enrich", type=int, default=2000, help="articles enriched for step 4")
    parser.add_argument("--app-seconds", type=float, default=0, help="step 5 (0: skip)")
    parser.add_argument("--work", type=Path, help="keep files here (default: a temp dir)")
    parser.add_argument("--phase-articles", type=int, default=20_000, help="lines profiled")
    parser.add_argument("--skip-half", action="store_true", help="no add of the half file")
    parser.add_argument(
        "--add-only", action="store_true", help="steps 1-2 (add, profile, index build) only"
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ossetia-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / f"articles-{args.articles}.jsonl"
    if not source.exists():
        distinct = write_jsonl(source, args.articles)
        print(f"wrote {source} ({distinct:,} distinct articles cycled)")
    size = source.stat().st_size
    print(f"file: {args.articles:,} lines, {size / 1e6:.0f} MB")

    library = work / "library"
    if library.exists():
        import shutil

        shutil.rmtree(library)
    wall, cpu, rss = measure([*CLI, "--library", str(library), "add", str(source)])
    peer_db = work / "newsboat.db"
    peer_db.unlink(missing_ok=True)
    code = PEER.format(bench=str(REPO / "benchmarks"), db=str(peer_db), src=str(source))
    pwall, pcpu, prss = measure([sys.executable, "-c", code])
    n = args.articles
    print(
        f"add (index included): {n / wall:,.0f} articles/s wall, {n / cpu:,.0f}/s CPU, "
        f"peak RSS {rss:,.0f} MB  (targets >= 6,000/s, <= 400 MB)"
    )
    print(
        f"  newsboat-style peer: {n / pwall:,.0f} rows/s wall, {n / pcpu:,.0f}/s CPU, "
        f"peak RSS {prss:,.0f} MB; ours/peer time {wall / pwall:.2f}x (CPU {cpu / pcpu:.2f}x)"
    )
    print(f"  load average during it: {os.getloadavg()[0]:.1f} (2 cores)")
    if not args.skip_half:
        half = work / f"articles-{n // 2}.jsonl"
        with source.open(encoding="utf-8") as lines, half.open("w", encoding="utf-8") as out:
            for number, line in enumerate(lines):
                if number >= n // 2:
                    break
                out.write(line)
        half_library = work / "library-half"
        if half_library.exists():
            import shutil

            shutil.rmtree(half_library)
        hwall, hcpu, hrss = measure([*CLI, "--library", str(half_library), "add", str(half)])
        print(
            f"  half the file ({n // 2:,} lines): {n // 2 / hwall:,.0f}/s wall, "
            f"{n // 2 / hcpu:,.0f}/s CPU, peak RSS {hrss:,.0f} MB (flat: same as the whole)"
        )
    phases(source, min(args.phase_articles, n), work)
    index_build(library)
    if args.add_only:
        return

    lib = ["--library", str(library)]
    commands = {
        "--version": ["--version"],
        "search": [*lib, "search", "oil prices", "--json"],
        "list": [*lib, "list", "--limit", "20"],
        "entities": [*lib, "entities", "--limit", "20"],
    }
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            samples[name].append(measure([*CLI, *argv]))

    def med(name: str, i: int) -> float:
        return statistics.median(s[i] for s in samples[name])

    print(f"one-shot commands at {n:,} articles (median of {args.runs}, interleaved):")
    print(
        f"  --version (floor): {med('--version', 0) * 1000:.0f} ms wall, "
        f"{med('--version', 1) * 1000:.0f} ms CPU"
    )
    for name in ("search", "list", "entities"):
        print(
            f"  {name:<9} +{(med(name, 0) - med('--version', 0)) * 1000:.0f} ms wall, "
            f"+{(med(name, 1) - med('--version', 1)) * 1000:.0f} ms CPU over --version, "
            f"peak RSS {med(name, 2):.0f} MB"
            + ("  (target <= +100 ms)" if name == "search" else "")
        )
    for argv in (["list", "--limit", "3"], ["--help"], ["search", "oil"]):
        heavy = imports_of(argv, library) & {"numpy", "spacy", "textual", "thinc"}
        shown = ", ".join(sorted(heavy)) or "none of numpy/spaCy/Textual"
        print(f"  {' '.join(argv)!r} imports: {shown}")

    # 4. enrichment changes the library; the next search catches the index up.
    enrich = (
        "import sys; from pathlib import Path\n"
        "from ossetia_reader.core.library import Library\n"
        "from ossetia_reader.core.enrich.pipeline import enrich_pending\n"
        f"lib = Library(Path({str(library)!r}))\n"
        f"seen = [0]\n"
        f"def stop(): seen[0] += 1; return seen[0] > {args.enrich // 64}\n"
        "print(enrich_pending(lib, should_stop=stop, use_model=False))\n"
    )
    ewall, _, erss, out = run([sys.executable, "-c", enrich])
    done = int(out.split()[-1])
    first = measure([*CLI, *commands["search"]])
    second = measure([*CLI, *commands["search"]])
    print(f"enriched {done:,} articles (rules) in {ewall:.1f} s, peak RSS {erss:.0f} MB")
    print(
        f"first search after that: {first[0]:.2f} s wall, {first[1]:.2f} s CPU, peak RSS "
        f"{first[2]:.0f} MB (targets <= 1 s, <= 300 MB); the next: {second[0]:.2f} s, "
        f"{second[2]:.0f} MB"
    )
    if args.app_seconds:
        app, worker, together = app_memory(library, args.app_seconds)
        print(
            f"app open {args.app_seconds:.0f} s on it, enriching: peak RSS app {app:.0f} MB, "
            f"largest worker {worker:.0f} MB, all together {together:.0f} MB (target <= 500 MB)"
        )
    print(f"(work files in {work})")


if __name__ == "__main__":
    main()
