"""Enrichment on one core against both (issue 14): words/s, CPU and peak memory.

Run from the repository root (needs ../shared/corpora beside it), niced::

    nice -n 10 python benchmarks/enrich_speed.py [--articles 600] [--backend model|rules]
                                                 [--russian N] [--before DIR]

The same ``--articles`` corpus articles (Reuters, BBC, press releases, PolNeAR:
a seeded sample), plus ``--russian N`` Russian ones (Meduza, then factRuEval:
204 in all; ``--articles 40 --russian 204`` is a mostly Russian library), are
stored in fresh libraries; each is enriched in a fresh process by
``enrich_pending``: once with ``workers=1`` (the peer: one core, the models
loaded before the clock), once with ``workers=2`` (tagging in two niced worker
processes that load their own models, storing here), and with ``--before``
once more with two workers and an older checkout's code. Printed: words of
article text per second (wall and per CPU second of all the processes), the
peak of the summed RSS (and PSS) of all the processes, sampled every 0.2 s,
with the process's own and its largest worker's peaks, and the ratios. The
figures are only comparable within one run: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
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
FILES = (
    "reuters-21578/reuters-21578.jsonl",
    "bbc-news/bbc-news.jsonl",
    "ru-ua-press-releases/ru-ua-press-releases.jsonl",
    "polnear/polnear-train-dev.jsonl",
)
# --russian N of these: Meduza's 82 long articles, then factRuEval's 122 short ones.
RUSSIAN_FILES = ("meduza-golunov-ru/meduza-golunov-ru.jsonl", "factrueval-dev/factrueval-dev.jsonl")

CHILD = """
import json, resource, sys, time
from pathlib import Path
from ossetia_reader.core.library import Library
from ossetia_reader.core.enrich.pipeline import enrich_pending, get_model
use_model, workers, russian = {use_model}, {workers}, {russian}
if workers == 1:
    # One process: the models are loaded before the clock. Workers load their own, inside
    # it (a real cost); the process that hands them work never holds a model.
    if use_model:
        get_model()
    if russian:
        from ossetia_reader.core.enrich.russian.ner import load_russian_ner
        load_russian_ner()
library = Library(Path({library!r}))
started, cpu = time.perf_counter(), time.process_time()
done = enrich_pending(library, workers=workers, use_model=use_model)
wall = time.perf_counter() - started
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{
    "done": done, "wall": wall,
    "cpu": time.process_time() - cpu + children.ru_utime + children.ru_stime,
    "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_rss": children.ru_maxrss / 1024,
}}))
"""


def _tree(root: int) -> list[int]:
    """``root`` and every process below it (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _memory(pid: int) -> tuple[float, float]:
    """RSS and PSS of one process in MB (0 when it is gone)."""
    rss = pss = 0.0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, value = line.partition(":")
            if name == "Rss":
                rss = int(value.split()[0]) / 1024
            elif name == "Pss":
                pss = int(value.split()[0]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return rss, pss


def run_sampled(argv: list[str], env: dict[str, str]) -> tuple[str, dict[str, float]]:
    """Run ``argv``; every 0.2 s sum the RSS and PSS of it and its workers. Peaks in MB
    (also of the process itself and of its largest worker, by RSS).

    RSS summed over processes counts shared pages (libraries) once per process;
    PSS shares them out, so its sum is what the processes take together.
    """
    child = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peaks = {"rss": 0.0, "pss": 0.0, "processes": 0.0, "parent": 0.0, "worker": 0.0}
    while child.poll() is None:
        pids = _tree(child.pid)
        sizes = [_memory(pid) for pid in pids]
        peaks["rss"] = max(peaks["rss"], sum(r for r, _ in sizes))
        peaks["pss"] = max(peaks["pss"], sum(p for _, p in sizes))
        peaks["processes"] = max(peaks["processes"], len(pids))
        peaks["parent"] = max(peaks["parent"], sizes[0][0])
        peaks["worker"] = max([peaks["worker"], *(r for r, _ in sizes[1:])])
        time.sleep(0.2)
    out, err = child.communicate()
    if child.returncode != 0:
        sys.exit(err[-3000:])
    return out, peaks


def sample(count: int, russian: int = 0) -> list[dict[str, str]]:
    rows = []
    for name in FILES:
        path = CORPORA / name
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                rows.extend(json.loads(line) for line in lines)
    if not rows:
        sys.exit(f"no corpora found in {CORPORA}")
    rows = [r for r in rows if isinstance(r.get("body"), str) and len(r["body"]) > 200]
    random.Random(14).shuffle(rows)
    rows = rows[:count]
    if russian:  # Russian articles, spread through the sample
        extra = []
        for name in RUSSIAN_FILES:
            with (CORPORA / name).open(encoding="utf-8") as lines:
                extra.extend(json.loads(line) for line in lines)
        extra = extra[:russian]
        for number, row in enumerate(extra):
            rows.insert(number * len(rows) // len(extra), row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--backend", choices=["model", "rules"], default="model")
    parser.add_argument(
        "--russian", type=int, default=0, help="also this many Russian (Meduza) articles"
    )
    parser.add_argument(
        "--code", type=Path, default=REPO, help="enrich with DIR/tui (an older checkout: before)"
    )
    parser.add_argument(
        "--before", type=Path, help="also two workers with DIR/tui (an older checkout), same run"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "tui"))
    from ossetia_reader.core.article import Article
    from ossetia_reader.core.library import Library

    rows = sample(args.articles, args.russian)
    words = sum(len(str(r["body"]).split()) for r in rows)
    work = Path(tempfile.mkdtemp(prefix="ossetia-enrich-"))
    env = {**os.environ, "PYTHONPATH": str(args.code.resolve() / "tui")}
    if args.backend == "rules":
        env["OSSETIA_READER_NER"] = "rules"
    print(
        f"{len(rows)} articles ({args.russian} Russian), {words:,} words, backend "
        f"{args.backend}, code {args.code}/tui, in {work}; load average "
        + " ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    configs = [("one process (peer)", 1, env), ("two worker processes", 2, env)]
    if args.before:
        older = {**env, "PYTHONPATH": str(args.before.resolve() / "tui")}
        configs.append(("two workers, before", 2, older))
    results = {}
    for number, (label, workers, config_env) in enumerate(configs):
        library = Library(work / f"c{number}")
        library.add(
            Article(id=f"{n}-{r.get('id')}", title=str(r.get("title") or ""), body=str(r["body"]))
            for n, r in enumerate(rows)
        )
        code = CHILD.format(
            use_model=args.backend == "model",
            library=str(library.directory),
            workers=workers,
            russian=bool(args.russian),
        )
        started = time.perf_counter()
        out, peaks = run_sampled([sys.executable, "-c", code], config_env)
        results[label] = json.loads(out.strip().splitlines()[-1])
        results[label]["process"] = time.perf_counter() - started
        results[label]["tree"] = peaks
    for label, r in results.items():
        print(
            f"  {label:<22} {words / r['wall']:>9,.0f} words/s wall, "
            f"{words / r['cpu']:>7,.0f} per CPU s; {r['done']} articles in {r['wall']:.1f} s"
        )
        tree = r["tree"]
        print(
            f"  {'':<22} peak RSS of the sum of its processes (sampled every 0.2 s) "
            f"{tree['rss']:.0f} MB (PSS {tree['pss']:.0f} MB, {tree['processes']:.0f} processes; "
            f"the process itself {tree['parent']:.0f} MB, largest worker {tree['worker']:.0f} MB)"
        )
    one = results["one process (peer)"]["wall"]
    for label in [label for label, _, _ in configs[1:]]:
        print(f"  {label} / one process: {one / results[label]['wall']:.2f}x the words per second")
    print(
        "targets: >= 22,000 words/s; all processes together <= 600 MB; load average now "
        + " ".join(f"{x:.1f}" for x in os.getloadavg())
    )


if __name__ == "__main__":
    main()
