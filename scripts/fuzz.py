"""Fuzz every parser for a while and print what breaks: the long run of tests/robustness.

    nice -n 10 python scripts/fuzz.py --minutes 5

Two phases share the time budget:

1. Scaling: each parser gets inputs made of one hostile piece repeated (quotes,
   brackets, spaces, markup, escapes, ...) at two sizes. A parser whose time
   grows much faster than its input (quadratic regexes, per-item sums) or that
   runs past a time limit is a finding.
2. Properties: the hypothesis tests of tests/robustness (the CI runs them with
   40 examples each) run round after round with many more examples and fresh
   random seeds. Each failure is a finding, with hypothesis's shrunk example.
   Among them: ``download`` against a scripted hostile server on 127.0.0.1
   (drips, stalls, resets, lying lengths, bombs, odd headers), and random
   markup-like names driven through the app's palette, toasts and tables
   with Pilot (a few examples a round: each starts the app).

Findings are printed at the end; the exit status is 1 when there are any.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import os
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SCALE_SIZES = (20_000, 80_000)  # characters; 4x more input
SCALE_RATIO = 8.0  # time growing by more than this for 4x input is superlinear
HANG_SECONDS = 60


@dataclass
class Finding:
    """Something a parser did that it must not: raise, break a property, or take too long."""

    target: str
    kind: str
    detail: str
    example: str = ""


class Timeout(Exception):
    """A single call ran past ``HANG_SECONDS``."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Timeout


def timed(call: Callable[[], object], limit: float) -> float:
    """Seconds ``call`` took; raises ``Timeout`` past ``limit``."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        call()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started


# -- phase 1: scaling ------------------------------------------------------------------

PIECES = [
    " ",
    "\t ",
    "a ",
    "\n",
    "\n\n",
    "**",
    "*a",
    "[a](#) ",
    "[",
    "](",
    "<",
    "<p>",
    "<a href='x'>y</a>",
    "&amp;",
    "&#27;",
    '"',
    "«",
    "“",
    "'",
    "(",
    "-",
    "---\n",
    "# h\n",
    "- i\n",
    "> q\n",
    "\x1b[31m",
    "\x9b",
    "\u202e",
    "\u0301",
    "\u200b",
    "\U000e0041",
    "Peskov said: ",
    "President Vladimir Putin ",
    "March 31, 2022 ",
    "url: ",
    "https://example.org/ ",
]


def scale_targets() -> dict[str, Callable[[str], object]]:
    """Each parser as a function of one text."""
    from ossetia_reader.core.article import Article
    from ossetia_reader.core.enrich.pipeline import enrich_article
    from ossetia_reader.core.formats.feeds import parse_feed
    from ossetia_reader.core.formats.html import html_to_text
    from ossetia_reader.core.formats.jsonl import parse_record
    from ossetia_reader.core.formats.markdown import parse_markdown
    from ossetia_reader.core.formats.stored_text import parse_stored_text
    from ossetia_reader.core.sanitize import safe_line, safe_text
    from ossetia_reader.core.search.query import parse
    from ossetia_reader.core.search.snippet import snippet

    def feed(text: str) -> object:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;")
        document = f"<rss version='2.0'><channel><title>{escaped}</title><item><description>"
        return parse_feed(f"{document}{escaped}</description></item></channel></rss>".encode(
            "utf-8", "replace"), feed_key="k")  # fmt: skip

    def jsonl(text: str) -> object:
        import json

        return parse_record(json.dumps({"title": text[:200], "body": text}))

    return {
        "safe_text": safe_text,
        "safe_line": safe_line,
        "stored_text": lambda t: parse_stored_text(f"Title\n\nMarch 31, 2022\n\n{t}\n\nend", "id"),
        "stored_text_title": lambda t: parse_stored_text(t, "id"),
        "markdown": lambda t: parse_markdown(t, fallback_id="id", origin="x.md"),
        "html_fragment": html_to_text,
        "feed": feed,
        "jsonl": jsonl,
        "query": lambda t: parse(t[:5000]),
        "snippet": lambda t: snippet("a said Peskov", safe_text(t)),
        "enrich_rules": lambda t: enrich_article(
            Article(id="x", title="t", body=safe_text(t)), use_model=False
        ),
    }


def run_scaling(deadline: float, findings: list[Finding], verbose: bool) -> int:
    from ossetia_reader.core.formats.detect import FormatError

    checked = 0
    for name, parse in scale_targets().items():
        for piece in PIECES:
            if time.monotonic() > deadline:
                return checked
            times = []
            try:
                for size in SCALE_SIZES:
                    text = piece * (size // len(piece))
                    times.append(
                        timed(lambda t=text, f=parse: _quiet(f, t, FormatError), HANG_SECONDS)
                    )
            except Timeout:
                findings.append(Finding(name, "hang", f"over {HANG_SECONDS} s", f"{piece!r} * n"))
                continue
            except Exception as error:  # a crash on plain repetition is a finding too
                findings.append(Finding(name, "exception", _one_line(error), f"{piece!r} * n"))
                continue
            checked += 1
            small, big = times
            if big > 1.0 and big > SCALE_RATIO * max(small, 0.01):
                detail = (
                    f"{small:.2f} s at {SCALE_SIZES[0]:,} chars, {big:.2f} s at {SCALE_SIZES[1]:,}"
                )
                findings.append(Finding(name, "superlinear", detail, f"{piece!r} * n"))
            if verbose:
                print(f"  scale {name:18} {piece!r:28} {small:6.3f} s {big:6.3f} s", flush=True)
    return checked


def _quiet(parse: Callable[[str], object], text: str, allowed: type[Exception]) -> None:
    with contextlib.suppress(allowed):  # the documented error type is an answer
        parse(text)


# -- phase 2: the property tests -------------------------------------------------------

MODULES = [
    "tests.robustness.test_sanitize_properties",
    "tests.robustness.test_stored_text_fuzz",
    "tests.robustness.test_formats_fuzz",
    "tests.robustness.test_search_fuzz",
    "tests.robustness.test_enrich_fuzz",
    "tests.robustness.test_download_fuzz",
    "tests.app.test_hostile_names_fuzz",
]


class _TempPathFactory:
    """Enough of pytest's ``tmp_path_factory`` for the tests that ask for it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def mktemp(self, name: str) -> Path:
        return Path(tempfile.mkdtemp(prefix=name, dir=self.root))


def property_tests(scratch: Path) -> list[tuple[str, Callable[[], None]]]:
    """Every hypothesis test of the modules above, bound to the fixtures it needs."""
    import importlib

    from ossetia_reader.core.search.index import SearchIndex

    robustness = importlib.import_module("tests.robustness.library_worker")
    hostile_server = importlib.import_module("tests.robustness.test_download_fuzz")
    fixtures: dict[str, Any] = {
        "small_index": SearchIndex.build(
            iter([robustness.make_article(n, body_words=40) for n in range(60)])
        ),
        "tmp_path_factory": _TempPathFactory(scratch),
        "server": hostile_server.ScriptedServer(),  # a daemon thread: ends with the run
    }
    tests = []
    for module_name in MODULES:
        module: ModuleType = importlib.import_module(module_name)
        for name, test in vars(module).items():
            if not name.startswith("test_") or not hasattr(test, "hypothesis"):
                continue
            wanted = [p for p in inspect.signature(test).parameters if p in fixtures]
            kwargs = {p: fixtures[p] for p in wanted}
            short = module_name.rsplit(".", 1)[-1]
            tests.append((f"{short}::{name}", lambda t=test, k=kwargs: t(**k)))
    return tests


def run_properties(
    deadline: float, findings: list[Finding], scratch: Path, verbose: bool
) -> dict[str, int]:
    tests = property_tests(scratch)
    rounds = dict.fromkeys((name for name, _ in tests), 0)
    failed: set[str] = set()
    while time.monotonic() < deadline:
        progressed = False
        for name, test in tests:
            if name in failed or time.monotonic() > deadline:
                continue
            progressed = True
            try:
                elapsed = timed(test, max(HANG_SECONDS * 5, 1))
            except Timeout:
                findings.append(Finding(name, "hang", f"a round ran over {HANG_SECONDS * 5} s"))
                failed.add(name)
                continue
            except Exception as error:
                notes = "\n".join(getattr(error, "__notes__", []))
                findings.append(Finding(name, type(error).__name__, _one_line(error), notes))
                failed.add(name)  # hypothesis already shrank it; one report per test
                if verbose:
                    traceback.print_exception(error, limit=-3)
                continue
            rounds[name] += 1
            if verbose:
                print(f"  round {rounds[name]:3} {name} ({elapsed:.1f} s)", flush=True)
        if not progressed:
            break
    return rounds


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:300]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="total time budget")
    parser.add_argument(
        "--examples", type=int, default=500, help="hypothesis examples per test per round"
    )
    parser.add_argument("--skip-scaling", action="store_true", help="only the property tests")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()

    os.environ["OSSETIA_READER_FUZZ_EXAMPLES"] = str(args.examples)
    sys.path[:0] = [str(REPO / "tui"), str(REPO)]
    started = time.monotonic()
    budget = args.minutes * 60
    findings: list[Finding] = []
    scaled = 0
    if not args.skip_scaling:
        print(f"scaling: {len(PIECES)} pieces per parser at {SCALE_SIZES} characters", flush=True)
        scaled = run_scaling(started + budget * 0.3, findings, args.verbose)
    print("properties: tests/robustness with fresh seeds, round after round", flush=True)
    with tempfile.TemporaryDirectory(prefix="ossetia-fuzz-") as scratch:
        rounds = run_properties(started + budget, findings, Path(scratch), args.verbose)

    total = sum(rounds.values())
    print(
        f"\n{time.monotonic() - started:.0f} s: {scaled} scaling checks, {total} property "
        f"rounds of {args.examples} examples over {len(rounds)} tests"
    )
    if not findings:
        print("no findings")
        return 0
    print(f"{len(findings)} finding(s):")
    for finding in findings:
        print(f"- [{finding.kind}] {finding.target}: {finding.detail}")
        if finding.example:
            for line in finding.example.splitlines()[:12]:
                print(f"      {line[:300]}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
