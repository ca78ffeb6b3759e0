"""How long until the reader shows the news: launch -> seed title on screen, in tmux.

Side by side, in the same run and interleaved (so machine load hits both alike):

* floor:   a minimal Textual app that shows one line (the seed title);
* bundled: the installed ``ossetia-reader`` on a library holding the bundled articles;
* 100k:    the installed ``ossetia-reader`` on a library of 100,000 articles, built
           once from ``../shared/corpora`` (JSON Lines, replicated with fresh ids and
           titles, dated no later than the seed so the seed stays the newest article);
* both again, enriched: the bundled library after ``ossetia-reader enrich``, and a copy
           of the 100k library whose newest ``--enriched`` articles (1,000) are enriched:
           a returning reader's library, whose first article has entities to colour
           (their library-wide types are looked up after the first frame);
* the floor and the bundled library again over SSH on loopback, when sshd is installed.

Each run starts a fresh tmux server at 120x40 with TERM=xterm-256color, starts the
program, and polls ``capture-pane`` every few milliseconds until the title shows
(for the reader: twice, in the list and in the reading pane, so the first frame
holds the article too); then it presses ``q`` (the floor quits on ``q`` too) and
waits for the exit. Prints medians and the ratio against the floor; the target is
ours <= 1.3x floor.

Wall times on a shared machine follow its load, so each case is also run, in the
same tmux set-up and interleaved, under a probe (``PROBE`` below) that reads the
process's CPU time when the frame holding the title is written to the terminal
and exits there: CPU to the first frame, its ratio to the floor's, and where the
reader's CPU went (imports, app and screen mount, first frame), how many widgets
the first screen holds and which heavy modules were loaded by then.

The package is byte-compiled first (``compileall``), as ``pip install`` does: with
PYTHONDONTWRITEBYTECODE set (as on this project's machine) every launch from a
source tree otherwise compiles our ~50 modules again (~0.2 s of CPU), which no
installed copy does.

    python benchmarks/startup.py [--runs 7] [--articles 100000] [--big-dir DIR] [--no-ssh]
                                 [--enriched 1000] [--no-enriched]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
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

# Run as ``python PROBE_FILE floor`` or ``python PROBE_FILE reader ARGS...``; writes one JSON
# line to $STARTUP_PROBE_OUT. CPU seconds are the process's own, counted from its start.
PROBE = r"""
import json, os, sys, time
WAIT_FOR, OUT = os.environ["STARTUP_PROBE_WAIT"], os.environ["STARTUP_PROBE_OUT"]
which = sys.argv[1]
marks = {}
def mark(name):
    marks[name] = time.process_time()
if which == "floor":
    from textual.app import App
    from textual.widgets import Static
    need = 1
else:
    try:  # the entry point (older code: the click group itself)
        from ossetia_reader.cli.start import run as entry
        import gc
        gc.disable()  # as run() does first when it opens the reader, before any import
    except ImportError:
        from ossetia_reader.cli import main as entry
    mark("imported the CLI")
    from ossetia_reader.app import OssetiaReader
    from ossetia_reader.screens.main import MainScreen
    mark("imported the app")
    need = 2
import textual.drivers.linux_driver as driver
seen = [0]
write = driver.LinuxDriver.write
def written(self, data):
    if seen[0] < need:
        seen[0] += data.count(WAIT_FOR)
        if seen[0] >= need:
            mark("first frame written")
            from textual._context import active_app
            app = active_app.get()
            app.call_later(finish, app)
    write(self, data)
driver.LinuxDriver.write = written
def finish(app):
    heavy = ("numpy", "spacy", "textual.command", "ossetia_reader.core.search.index",
             "ossetia_reader.core.enrich.views", "ossetia_reader.core.subscriptions")
    with open(OUT, "a") as out:
        out.write(json.dumps({
            "marks": marks, "widgets": len(list(app.screen.walk_children())),
            "modules": len(sys.modules), "heavy": [m for m in heavy if m in sys.modules],
        }) + "\n")
    app.exit()
if which == "floor":
    class Floor(App[None]):
        def compose(self):
            yield Static(os.environ["STARTUP_PROBE_TITLE"])
    Floor().run()
else:
    def hook(cls, name, label):
        original = getattr(cls, name)
        def hooked(self):  # no event parameter: Textual passes one only if asked
            mark(label)
            return original(self)
        setattr(cls, name, hooked)
    hook(MainScreen, "__init__", "main screen made")
    hook(MainScreen, "on_mount", "main screen mounted")
    OssetiaReader.start_background_work = lambda self: None  # the probe ends at the frame
    sys.argv = ["ossetia-reader", *sys.argv[2:]]
    try:
        entry()
    except SystemExit:
        pass
"""


@dataclass
class Case:
    """One thing to launch, and the times it took."""

    name: str
    argv: list[str]
    ssh: bool = False
    times: list[float] = field(default_factory=list)
    first_paint: list[float] = field(default_factory=list)
    probes: list[dict[str, object]] = field(default_factory=list)
    probe_argv: list[str] = field(default_factory=list)
    titles: int = 1  # how often the title must show: the reader shows it in list and pane
    env: dict[str, str] = field(default_factory=dict)  # this case's own (e.g. older code)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def time_launch(case: Case, workdir: Path, env: dict[str, str], server: SshServer | None) -> None:
    """Time one launch: to the first text on screen, and to the title (appended to ``case``)."""
    env = {**env, **case.env}
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
            if screen.count(WAIT_FOR) >= case.titles:
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


def probe_launch(case: Case, workdir: Path, env: dict[str, str]) -> None:
    """One launch under the CPU probe; its JSON line is appended to ``case.probes``."""
    out = workdir / "probe.json"
    out.unlink(missing_ok=True)
    probe_env = {
        **env,
        **case.env,
        "STARTUP_PROBE_OUT": str(out),
        "STARTUP_PROBE_WAIT": WAIT_FOR,
        "STARTUP_PROBE_TITLE": SEED_TITLE,
    }
    terminal = Terminal(workdir, 120, 40, "xterm-256color", probe_env)
    try:
        terminal.start(case.probe_argv, shell_after=False)
        terminal.exit_status(timeout=60)
    finally:
        terminal.close()
    if not out.exists():
        shown = terminal.output_file.read_bytes().decode(errors="replace")
        shown = re.sub(r"\x1b\[[0-9;?<>]*[A-Za-z]", "", shown)[-3000:]
        raise RuntimeError(f"{case.name}: the probe wrote nothing\n{shown}")
    case.probes.append(json.loads(out.read_text().splitlines()[-1]))


def print_probes(cases: list[Case]) -> None:
    """CPU to the first frame (medians), the ratio to the floor's, and the reader's phases."""
    local = [c for c in cases if c.probes]
    if not local:
        return

    def cpu(case: Case, name: str) -> float:
        values = [float(p["marks"][name]) for p in case.probes if name in p["marks"]]  # type: ignore[index]
        return statistics.median(values) if values else float("nan")

    floor = cpu(local[0], "first frame written")
    print(f"\nCPU from exec to the frame with the title, median of {len(local[0].probes)} probes")
    for case in local:
        total = cpu(case, "first frame written")
        print(f"  {case.name:<38} {total * 1000:6.0f} ms  {total / floor:5.2f}x floor")
    for case in local[1:]:
        last = case.probes[-1]
        print(f"  where {case.name} spends it (CPU ms since exec, median):")
        previous = 0.0
        for name in (
            "imported the CLI",
            "imported the app",
            "main screen made",
            "main screen mounted",
            "first frame written",
        ):
            at = cpu(case, name)
            print(f"    {name:<26} {at * 1000:6.0f}  (+{(at - previous) * 1000:.0f})")
            previous = at
        print(
            "    (CLI: the entry point's imports; app: Textual and our widgets and core; made: "
            "opening the library and the App; mounted: CSS, compose and mount; frame: layout, "
            "the first page's SQL and the compositor's drawing. The probe imports the app "
            "before calling the entry point, so it turns garbage collection off first, "
            "as the entry point does when it opens the reader)"
        )
        print(
            f"    widgets on the first screen: {last['widgets']}; modules loaded: "
            f"{last['modules']}; of the heavy ones: {', '.join(last['heavy']) or 'none'}"  # type: ignore[arg-type]
        )


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


def enrich_newest(source: Path, directory: Path, count: int) -> None:
    """A copy of the library at ``source`` with its newest ``count`` articles enriched.

    Enriched by the app's own pipeline (the model, unless OSSETIA_READER_NER=rules),
    a batch at a time, so the first article's entities and the library-wide types
    behind their colours are what a returning reader's library holds.
    """
    import shutil

    from ossetia_reader.core.enrich.pipeline import enrich_articles
    from ossetia_reader.core.enrich.store import store_batch
    from ossetia_reader.core.library import DATABASE_NAME, Library

    marker = directory / f"enriched-{count}"
    if marker.exists():
        return
    started = time.perf_counter()
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / DATABASE_NAME, directory / DATABASE_NAME)
    library = Library(directory)
    keys = [row.key for row in library.newest(count)]
    for start in range(0, len(keys), 64):
        articles = library.articles(keys[start : start + 64])
        found = enrich_articles(articles)
        store_batch(
            library,
            [(a.key, e, q) for a, (e, q) in zip(articles, found, strict=True) if a.key is not None],
        )
    marker.write_text("")
    print(
        f"enriched the newest {len(keys):,} of a {library.count():,}-article library "
        f"in {time.perf_counter() - started:.0f} s",
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
    parser.add_argument("--no-probe", action="store_true", help="skip the CPU probes")
    parser.add_argument(
        "--enriched", type=int, default=1000, help="newest articles enriched in the big copy"
    )
    parser.add_argument("--no-enriched", action="store_true", help="skip the enriched cases")
    parser.add_argument(
        "--before",
        type=Path,
        help="also run each reader case with DIR/tui (an older checkout), interleaved",
    )
    args = parser.parse_args(argv)
    import compileall

    # As installed: bytecode compiled once (see the module's docstring).
    compileall.compile_dir(str(REPO / "tui" / "ossetia_reader"), quiet=1)
    if args.before:
        compileall.compile_dir(str(args.before / "tui" / "ossetia_reader"), quiet=1)

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
        probe = root / "probe.py"
        probe.write_text(PROBE)
        bundled = root / "bundled"
        cases = [
            Case(
                "floor (one-line Textual app)",
                [sys.executable, str(floor)],
                probe_argv=[sys.executable, str(probe), "floor"],
            ),
            Case(
                "ossetia-reader, bundled library",
                [str(reader), "--library", str(bundled)],
                probe_argv=[sys.executable, str(probe), "reader", "--library", str(bundled)],
                titles=2,
            ),
        ]
        if not args.no_enriched:
            enriched = root / "bundled-enriched"
            import subprocess

            subprocess.run(
                [str(reader), "--library", str(enriched), "enrich"],
                env={**os.environ, **env},
                check=True,
                stdout=subprocess.DEVNULL,
            )
            cases.append(
                Case(
                    "ossetia-reader, bundled, enriched",
                    [str(reader), "--library", str(enriched)],
                    probe_argv=[sys.executable, str(probe), "reader", "--library", str(enriched)],
                    titles=2,
                )
            )
        if not args.no_big:
            big = args.big_dir or root / "big"
            build_big_library(big, args.articles)
            cases.append(
                Case(
                    f"ossetia-reader, {args.articles:,} articles",
                    [str(reader), "--library", str(big)],
                    probe_argv=[sys.executable, str(probe), "reader", "--library", str(big)],
                    titles=2,
                )
            )
            if not args.no_enriched:
                big_enriched = big.parent / f"{big.name}-enriched"
                enrich_newest(big, big_enriched, args.enriched)
                cases.append(
                    Case(
                        f"ossetia-reader, {args.articles // 1000}k, {args.enriched:,} enriched",
                        [str(reader), "--library", str(big_enriched)],
                        probe_argv=[
                            sys.executable,
                            str(probe),
                            "reader",
                            "--library",
                            str(big_enriched),
                        ],
                        titles=2,
                    )
                )
        if args.before:
            older = {"PYTHONPATH": str(args.before.resolve() / "tui")}
            cases += [
                Case(
                    f"{c.name.replace('ossetia-reader', 'before')}",
                    c.argv,
                    probe_argv=c.probe_argv,
                    titles=c.titles,
                    env=older,
                )
                for c in cases[1:]
            ]
        server = None
        if not args.no_ssh:
            reason = sshd_missing_reason()
            if reason:
                print(f"SSH cases skipped: {reason}")
            else:
                server = start_sshd(root / "sshd")
                cases.append(Case("floor over SSH", cases[0].argv, ssh=True))
                cases.append(
                    Case("ossetia-reader bundled over SSH", cases[1].argv, ssh=True, titles=2)
                )
        try:
            # One untimed launch each: imports the bundle, warms caches and indexes.
            for case in cases:
                time_launch(case, root / "warmup", env, server)
                case.times.clear()
                case.first_paint.clear()
            for run in range(args.runs):
                for number, case in enumerate(cases):
                    time_launch(case, root / f"run-{run}", env, server)
                    if case.probe_argv and not args.no_probe:
                        probe_launch(case, root / f"probe-{run}-{number}", env)
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
    print_probes(cases)
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
