"""``fetch_all`` against a local HTTP server on 127.0.0.1 (random port, stops itself)."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from ossetia_reader.core.download import FetchError, FetchLimits, download
from ossetia_reader.core.fetch import FeedProgress, FeedState, fetch_all
from ossetia_reader.core.library import Library
from ossetia_reader.core.subscriptions import add_feed, get_feed
from tests.loopback import serving

REPO = Path(__file__).resolve().parents[2]
FAST = FetchLimits(timeout=0.5, deadline=1.5, max_feed_bytes=1024 * 1024, workers=8)


def _rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>{d}</description></item>"
        for t, link, d in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title>{entries}</channel></rss>"
    ).encode()


PAGE = """<html><head><title>Story {n}</title></head><body>
<nav><a href="/">Home</a> | <a href="/about">About</a></nav>
<article><h1>Story {n}</h1>
<p>The full text of story {n} begins here, and it is much longer than the summary that
the feed carried, with details that only the page itself has.</p>
<p>A second paragraph of story {n}, so the extractor has a real article to find.</p>
</article><footer>Copyright Example Media</footer></body></html>"""
BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    conditional: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"  # type: ignore[index]
        path = self.path
        _Handler.hits[path] += 1
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                _Handler.conditional.append(path)
                self._send(304, b"")
                return
            items = [("One", f"{base}/one", "First."), ("Two", f"{base}/two", "Second.")]
            self._send(200, _rss("Local", items), etag='"v1"')
        elif path == "/gzip.xml":
            body = gzip.compress(_rss("Zipped", [("Z", f"{base}/z", "Zipped item.")]))
            self._send(200, body, encoding="gzip")
        elif path == "/bomb.xml":
            self._send(200, BOMB, encoding="gzip")
        elif path == "/summaries.xml":
            items = [(f"Story {n}", f"{base}/page/{n}", f"Summary {n}.") for n in (1, 2)]
            items.append(("Broken page", f"{base}/missing-page", "Summary 3."))
            self._send(200, _rss("Summaries", items))
        elif path.startswith("/page/"):
            self._send(200, PAGE.format(n=path.rsplit("/", 1)[1]).encode(), kind="text/html")
        elif path == "/slow.xml":
            time.sleep(2)
            self._send(200, _rss("Slow", []))
        elif path.startswith("/slow-ok/"):
            time.sleep(4)
            n = path.rsplit("/", 1)[1]
            self._send(200, _rss(f"Slow {n}", [(f"S{n}", f"{base}/s{n}", "Slow item.")]))
        elif path == "/drip.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b" " * 10)
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/huge.xml":
            self.send_response(200)
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
        elif path == "/page.html":
            self._send(200, PAGE.format(n=9).encode(), kind="text/html")
        elif path == "/500":
            self._send(500, b"oops")
        else:
            self._send(404, b"not here")

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(
        self,
        status: int,
        body: bytes,
        *,
        etag: str | None = None,
        encoding: str | None = None,
        kind: str = "application/rss+xml",
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        if body:
            self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog is 5: a fetch of a dozen feeds at once overflowed
    # it while the server thread waited for the GIL, the kernel dropped a connection
    # attempt, and the client's retry came a second later, after the test's timeout.
    request_queue_size = 64

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on purpose (timeouts, size limits) are expected here


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serving(_Handler, _QuietServer) as url:
        yield url


@pytest.fixture
def empty_library(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib")


def test_second_fetch_is_a_conditional_get_answered_304(
    empty_library: Library, server: str
) -> None:
    url = f"{server}/feed.xml"
    add_feed(empty_library, url)
    first = fetch_all(empty_library, limits=FAST)
    assert [(r.state, r.added) for r in first.results] == [(FeedState.DONE, 2)]
    feed = get_feed(empty_library, url)
    assert feed is not None and feed.etag == '"v1"' and feed.title == "Local"
    assert feed.last_status == "ok"
    titles = sorted(s.title for s in empty_library.newest())
    assert titles == ["One", "Two"]
    assert all(s.date is not None for s in empty_library.newest())  # undated: fetched today
    assert all(s.source == "Local" for s in empty_library.newest())
    second = fetch_all(empty_library, limits=FAST)
    assert second.results[0].state is FeedState.NOT_MODIFIED
    assert "/feed.xml" in _Handler.conditional
    assert empty_library.count() == 2
    assert get_feed(empty_library, url).last_status == "not modified"  # type: ignore[union-attr]


def test_gzip_is_decoded_and_a_gzip_bomb_is_refused_in_bounded_memory(server: str) -> None:
    response = download(f"{server}/gzip.xml", max_bytes=FAST.max_feed_bytes, limits=FAST)
    assert b"Zipped item." in response.data
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="too large after decompression"):
            download(f"{server}/bomb.xml", max_bytes=FAST.max_feed_bytes, limits=FAST)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # the bomb inflates to 64 MB


def test_failures_are_one_line_per_feed_and_change_nothing_else(
    empty_library: Library, server: str
) -> None:
    add_feed(empty_library, f"{server}/feed.xml")
    fetch_all(empty_library, limits=FAST)
    empty_library.set_starred(empty_library.keys()[0], True)
    before = empty_library.query("SELECT * FROM articles ORDER BY key")
    expected = {
        "/missing.xml": "HTTP 404",
        "/500": "HTTP 500",
        "/loop": "redirect",
        "/to-file": "non-web URL",
        "/slow.xml": "timed out",
        "/drip.xml": "timed out",
        "/huge.xml": "too large",
        "/page.html": "not a feed",
        "/bomb.xml": "too large after decompression",
    }
    for path in expected:
        add_feed(empty_library, f"{server}{path}")
    add_feed(empty_library, f"{server}/gzip.xml")
    # Every feed gets its own worker and a 1 s socket timeout (the slow feed still
    # answers after 2 s), so none waits behind another's failure.
    limits = replace(FAST, timeout=1.0, workers=16)
    started = time.monotonic()
    summary = fetch_all(empty_library, limits=limits)
    assert time.monotonic() - started < 10
    by_path = {r.url.removeprefix(server): r for r in summary.results}
    for path, words in expected.items():
        result = by_path[path]
        assert result.state is FeedState.FAILED, path
        assert result.error and words in result.error and "\n" not in result.error, result
        stored = get_feed(empty_library, f"{server}{path}")
        assert stored is not None and stored.last_status == "failed"
        assert stored.last_error == result.error
    assert by_path["/gzip.xml"].state is FeedState.DONE and by_path["/gzip.xml"].added == 1
    assert by_path["/feed.xml"].state is FeedState.NOT_MODIFIED
    assert summary.failed == len(expected)
    assert empty_library.query("SELECT * FROM articles ORDER BY key")[: len(before)] == before


def test_full_text_replaces_summaries_once(empty_library: Library, server: str) -> None:
    add_feed(empty_library, f"{server}/summaries.xml")
    updates: list[FeedProgress] = []
    summary = fetch_all(empty_library, full_text=True, limits=FAST, progress=updates.append)
    result = summary.results[0]
    assert result.added == 3 and result.state is FeedState.DONE
    assert any("pages could not be extracted" in w for w in result.warnings)
    bodies = {s.title: empty_library.get(s.key).body for s in empty_library.newest()}  # type: ignore[union-attr]
    assert "much longer than the summary" in bodies["Story 1"]
    assert "Copyright" not in bodies["Story 1"] and "About" not in bodies["Story 1"]
    assert bodies["Broken page"] == "Summary 3."
    assert FeedState.FULL_TEXT in {u.state for u in updates}
    pages = _Handler.hits["/page/1"]
    _Handler.hits.clear()
    fetch_all(empty_library, full_text=True, limits=FAST)
    assert pages == 1 and _Handler.hits["/page/1"] == 0  # known items are not fetched again


def test_progress_comes_on_the_calling_thread_and_stop_cancels(
    empty_library: Library, server: str
) -> None:
    for path in ("/feed.xml", "/gzip.xml", "/slow.xml"):
        add_feed(empty_library, f"{server}{path}")
    threads: set[int] = set()
    states: list[FeedState] = []

    def progress(update: FeedProgress) -> None:
        threads.add(threading.get_ident())
        states.append(update.state)

    summary = fetch_all(empty_library, limits=FAST, progress=progress)
    assert threads == {threading.get_ident()}
    assert states.count(FeedState.QUEUED) == 3 and sum(s.finished for s in states) == 3
    stopped = fetch_all(empty_library, limits=FAST, should_stop=lambda: True)
    assert stopped.stopped and all(r.state is FeedState.CANCELLED for r in stopped.results)
    assert len(summary.results) == 3


def test_a_local_file_subscription_is_not_modified_until_it_changes(
    empty_library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "local.xml"
    path.write_bytes(_rss("File feed", [("A", "https://example.com/a", "a")]))
    feed = add_feed(empty_library, str(path))
    assert feed.url == path.resolve().as_uri()
    assert fetch_all(empty_library).results[0].added == 1
    assert fetch_all(empty_library).results[0].state is FeedState.NOT_MODIFIED
    path.write_bytes(_rss("File feed", [("B", "https://example.com/b", "bb")]))
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000_000))
    assert fetch_all(empty_library).results[0].added == 1
    assert empty_library.count() == 2


def test_killed_fetch_keeps_every_feed_committed_before(tmp_path: Path, server: str) -> None:
    """SIGKILL ``ossetia-reader fetch`` while slow feeds are in flight; re-open; all is well."""
    library_dir = tmp_path / "lib"
    library = Library(library_dir)
    add_feed(library, f"{server}/feed.xml")
    for n in range(3):
        add_feed(library, f"{server}/slow-ok/{n}")
    add_feed(library, f"{server}/gzip.xml")
    library.close()
    child = subprocess.Popen(
        [sys.executable, "-m", "ossetia_reader", "--library", str(library_dir), "fetch"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "tui")},
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and child.poll() is None:
            if _done_feeds(library_dir) >= 2:
                break
            time.sleep(0.05)
        assert child.poll() is None, "fetch finished before it could be killed"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    reopened = Library(library_dir)
    assert reopened.query("PRAGMA integrity_check") == [("ok",)]
    titles = {s.title for s in reopened.newest(1000)}
    assert {"One", "Two", "Z"} <= titles
    assert not titles & {"S0", "S1", "S2"}
    assert get_feed(reopened, f"{server}/slow-ok/0").last_fetch is None  # type: ignore[union-attr]


def _done_feeds(library_dir: Path) -> int:
    path = library_dir / "library.sqlite3"
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1) as db:
            return int(
                db.execute("SELECT count(*) FROM feeds WHERE last_fetch IS NOT NULL").fetchone()[0]
            )
    except sqlite3.Error:
        return 0


def test_add_urls_imports_pages_and_feeds_and_reports_http_errors(
    empty_library: Library, server: str
) -> None:
    from ossetia_reader.core.importer import Status, import_paths

    reports = import_paths(
        empty_library, [f"{server}/page.html", f"{server}/feed.xml", f"{server}/gone.html"]
    )
    assert [(r.status, r.format, r.added) for r in reports] == [
        (Status.ADDED, "html", 1),
        (Status.ADDED, "feed", 2),
        (Status.FAILED, "", 0),
    ]
    assert reports[2].reason == "HTTP 404 Not Found"
    page = empty_library.get(reports[0].keys[0])
    assert page is not None and page.url == f"{server}/page.html"
    assert "full text of story 9" in page.body and "Copyright" not in page.body


def test_fetch_in_a_worker_thread_while_the_ui_thread_reads(
    empty_library: Library, server: str
) -> None:
    """The app's pattern: fetch_all in a worker thread, the UI thread listing meanwhile."""
    for path in ("/feed.xml", "/gzip.xml", "/summaries.xml"):
        add_feed(empty_library, f"{server}{path}")
    outcome: list[object] = []
    worker = threading.Thread(
        target=lambda: outcome.append(fetch_all(empty_library, full_text=True, limits=FAST))
    )
    worker.start()
    seen = 0
    while worker.is_alive():
        seen = max(seen, len(empty_library.newest(50)))
        empty_library.count()
        time.sleep(0.005)
    worker.join()
    (summary,) = outcome
    assert summary.added == 6 and summary.failed == 0  # type: ignore[attr-defined]
    assert empty_library.count() == 6 and seen <= 6
