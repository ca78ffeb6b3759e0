"""How long until the reader shows the news: launch -> seed title on screen, in tmux.

Side by side, in the same run and interleaved (so machine load hits both alike):

* floor:   a minimal Textual app that shows one line (the seed title);
* bundled: the installed ``ossetia-reader`` on a library holding the bundled articles;
* 100k:    the installed ``ossetia-reader`` on a library of 100,000 articles, built
           once from ``../shared/corpora`` (JSON Lines, replicated with fresh ids and
           titles, dated no later than the seed so the seed stays the newest article);
* the floor and the bundled library again over SSH on loopback, when sshd is installed.

Each run starts a fresh tmux server at 120x40 with TERM=xterm-256color, starts the
program, and polls ``capture-pane`` every few milliseconds until the title shows;
then it presses ``q`` (the floor quits on ``q`` too) and waits for the exit.
Prints medians and the ratio against the floor; the target is ours <= 1.3x floor.

    python benchmarks/startup.py [--runs 7] [--articles 100000] [--big-dir DIR] [--no-ssh]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the clone (CI); a worktree one level deeper finds it one more up.
CORPORA = next(
    (p for p in (REPO / "../shared/corpora", REPO / "../../shared/corpora") if p.is_dir()),
    REPO / "../shared/corpora",
)
sys.path[:0] = [str(REPO / "tui"), str(REPO)]

from tests.e2e.sshd import SshServer, sshd_missing_reason, start_sshd  # noqa: E402
from tests.e2e.terminal import Terminal  # noqa: E402

SEED_TITLE = "Kremlin Plays Down South Ossetia Leader's Call to Join Russia"
SEED_DATE = dt.date(2022, 3, 31)
WAIT_FOR = "Kremlin Plays Down"
CORPUS_FILES = (
    "reuters-21578/reuters-21578.jsonl",
    "bbc-news/bbc-news.jsonl",
    "ag-news-test/ag-news-test.jsonl",
    "ru-ua-press-releases/ru-ua-press-releases.jsonl",
    "meduza-golunov-ru/meduza-golunov-ru.jsonl",
)
FLOOR_APP = f"""
from textual.app import App
from textual.widgets import Static

class Floor(App[None]):
    BINDINGS = [("q", "quit")]

    def compose(self):
        yield Static({SEED_TITLE!r})

Floor().run()
"""


@dataclass
class Case:
    """One thing to launch, and the times it took."""

    name: str
    argv: list[str]
    ssh: bool = False
    times: list[float] = field(default_factory=list)
    first_paint: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def time_launch(case: Case, workdir: Path, env: dict[str, str], server: SshServer | None) -> None:
    """Time one launch: to the first text on screen, and to the title (appended to ``case``)."""
    terminal = Terminal(workdir, 120, 40, "xterm-256color", env)
    argv = server.ssh_argv(case.argv, remote_env=env) if case.ssh and server else case.argv
    try:
        started = time.perf_counter()
        terminal.start(argv, shell_after=False)
        deadline = started + 60
        painted = None
        while True:
            screen = terminal.screen()
            now = time.perf_counter()
            if painted is None and screen.strip():
                painted = now - started
            if WAIT_FOR in screen:
                break
            if now > deadline:
                raise RuntimeError(f"{case.name}: title never showed\n{terminal.dump()}")
            time.sleep(0.005)
        case.times.append(now - started)
        case.first_paint.append(painted if painted is not None else now - started)
        terminal.press("q")
        terminal.exit_status(timeout=30)
    finally:
        terminal.close()


def corpus_articles() -> Iterator[dict[str, object]]:
    for name in CORPUS_FILES:
        path = CORPORA / name
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    yield json.loads(line)


def build_big_library(directory: Path, count: int) -> None:
    """Fill ``directory`` with ``count`` corpus articles (replicated) plus the bundle."""
    from ossetia_reader.core.article import Article
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.core.library import Library
    from ossetia_reader.core.sanitize import safe_line, safe_text

    library = Library(directory)
    if library.count() >= count:
        return
    rows = list(corpus_articles())
    if not rows:
        raise SystemExit(f"no corpora found in {CORPORA.resolve()}")
    started = time.perf_counter()
    import_bundled(library)
    next_number = 0
    # Exact duplicates within the corpora are skipped by the library; keep adding until full.
    while library.count() < count:
        batch: list[Article] = []
        wanted = min(5000, count - library.count())
        for number in range(next_number, next_number + wanted):
            row = rows[number % len(rows)]
            copy = number // len(rows)
            date = _date(row.get("date"))
            batch.append(
                Article(
                    id=f"bench-{number}",
                    title=safe_line(f"{row['title']}" + (f" (copy {copy})" if copy else "")),
                    body=safe_text(str(row["body"])),
                    date=min(date, SEED_DATE - dt.timedelta(days=1)) if date else None,
                    source=safe_line(str(row.get("source") or "")),
                )
            )
        next_number += wanted
        library.add(batch)
    print(
        f"built a {library.count():,}-article library in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed launches per case")
    parser.add_argument("--articles", type=int, default=100_000, help="size of the big library")
    parser.add_argument("--big-dir", type=Path, help="keep (and reuse) the big library here")
    parser.add_argument("--no-big", action="store_true", help="skip the big library")
    parser.add_argument("--no-ssh", action="store_true", help="skip the SSH cases")
    args = parser.parse_args(argv)

    reader = Path(sys.executable).parent / "ossetia-reader"
    if not reader.exists():
        raise SystemExit(f"{reader} not found: pip install -e . first")
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as temp:
        root = Path(temp)
        home = root / "home"
        env = {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "LANG": "C.UTF-8",
            # The app's own switches, if set for this run (e.g. OSSETIA_READER_NER).
            **{k: v for k, v in os.environ.items() if k.startswith("OSSETIA_READER_")},
        }
        env.pop("OSSETIA_READER_LIBRARY", None)
        floor = root / "floor.py"
        floor.write_text(FLOOR_APP)
        bundled = root / "bundled"
        cases = [
            Case("floor (one-line Textual app)", [sys.executable, str(floor)]),
            Case("ossetia-reader, bundled library", [str(reader), "--library", str(bundled)]),
        ]
        if not args.no_big:
            big = args.big_dir or root / "big"
            build_big_library(big, args.articles)
            cases.append(
                Case(
                    f"ossetia-reader, {args.articles:,} articles",
                    [str(reader), "--library", str(big)],
                )
            )
        server = None
        if not args.no_ssh:
            reason = sshd_missing_reason()
            if reason:
                print(f"SSH cases skipped: {reason}")
            else:
                server = start_sshd(root / "sshd")
                cases.append(Case("floor over SSH", cases[0].argv, ssh=True))
                cases.append(Case("ossetia-reader bundled over SSH", cases[1].argv, ssh=True))
        try:
            # One untimed launch each: imports the bundle, warms caches and indexes.
            for case in cases:
                time_launch(case, root / "warmup", env, server)
                case.times.clear()
                case.first_paint.clear()
            for run in range(args.runs):
                for case in cases:
                    time_launch(case, root / f"run-{run}", env, server)
        finally:
            if server:
                server.stop()

    print(f"\nlaunch -> title visible, tmux 120x40 TERM=xterm-256color, median of {args.runs} runs")
    print(f"  {'':<38} {'title':>8}  {'(min-max)':<12} {'vs floor':>8}   first text")
    local_floor = cases[0].median
    ssh_floor = next((c.median for c in cases if c.ssh), None)
    for case in cases:
        base = ssh_floor if case.ssh and ssh_floor else local_floor
        spread = f"({min(case.times):.2f}-{max(case.times):.2f})"
        paint = statistics.median(case.first_paint)
        print(
            f"  {case.name:<38} {case.median:6.3f} s  {spread:<12} {case.median / base:6.2f}x"
            f"   {paint:6.3f} s"
        )
    print("target: ossetia-reader <= 1.30x floor")


if __name__ == "__main__":
    main()
