"""Downloads against a hostile server on 127.0.0.1: every way a server can stall or lie.

The server is a raw socket loop (``http.server`` would tidy up what a hostile
server does on purpose). Every case has a bounded duration: the download must
end well inside it, and a download that does not is abandoned in a daemon
thread and reported, so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import functools
import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from click.testing import CliRunner

from ossetia_reader.cli import main
from ossetia_reader.core.download import FetchError, FetchLimits, Response, download
from ossetia_reader.core.fetch import FeedState, fetch_all
from ossetia_reader.core.library import Library
from ossetia_reader.core.subscriptions import add_feed
from tests.loopback import RawServer

# Per read 0.5 s, per download 1.5 s: a drip of a byte every 0.1 s never trips
# the per-read timeout, so only the overall deadline can end it.
LIMITS = FetchLimits(timeout=0.5, deadline=1.5, max_feed_bytes=256 * 1024, max_redirects=5)
T = TypeVar("T")

BOUND = 6.0  # seconds a case may take at most (the deadline plus slack on a loaded box)
RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    b"<item><title>A</title><link>https://example.org/a</link></item></channel></rss>"
)


def _head(status: str = "200 OK", extra: str = "", length: int | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}", "Content-Type: application/rss+xml", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode()


@functools.cache
def _bomb(path: str) -> tuple[str, bytes]:
    """64 MB of zeros in a few dozen KB (made once: compressing takes a while)."""
    zeros = b"\0" * (64 * 1024 * 1024)
    if path == "/gzip-bomb":
        return "gzip", gzip.compress(zeros, compresslevel=9)
    if path == "/deflate-bomb":
        return "deflate", zlib.compress(zeros, 9)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return "deflate", packer.compress(zeros) + packer.flush()


class HostileServer(RawServer):
    """Answers each path with one misbehaviour, until the test ends."""

    def __init__(self) -> None:
        self.redirects = 0
        super().__init__()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _drip(self, conn: socket.socket, data: bytes, every: float = 0.1) -> None:
        for byte in data:
            if self.done.is_set():
                return
            conn.sendall(bytes([byte]))
            time.sleep(every)

    def handle(self, conn: socket.socket) -> None:
        try:
            request = b""
            while b"\r\n\r\n" not in request and len(request) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            path = request.split(b" ", 2)[1].decode()
            self._answer(conn, path)
        except OSError:
            pass  # the client hung up: that is what these cases provoke
        finally:
            conn.close()

    def _answer(self, conn: socket.socket, path: str) -> None:
        if path == "/ok":
            conn.sendall(_head(length=len(RSS)) + RSS)
        elif path == "/drip-body":
            conn.sendall(_head())
            self._drip(conn, b" " * 10_000)
        elif path == "/drip-headers":
            self._drip(conn, _head(extra="X-Slow: " + "a" * 5000 + "\r\n"))
        elif path == "/stall":
            self.done.wait(30)  # accept, read the request, never answer
        elif path == "/stall-body":
            conn.sendall(_head(length=100) + b"<rss>")
            self.done.wait(30)
        elif path == "/reset":
            conn.sendall(_head(length=len(RSS)) + RSS[:20])
            conn.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
        elif path == "/many-headers":
            extra = "".join(f"X-H{n}: v\r\n" for n in range(500))
            conn.sendall(_head(extra=extra, length=len(RSS)) + RSS)
        elif path == "/long-header":
            conn.sendall(_head(extra="X-Long: " + "a" * 200_000 + "\r\n") + RSS)
        elif path.startswith("/redirect"):
            self.redirects += 1
            target = f"/redirect/{self.redirects}"
            conn.sendall(
                f"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n\r\n".encode()
            )
        elif path == "/short":  # says 5000 bytes, sends fewer, hangs up
            conn.sendall(_head(length=5000) + RSS)
        elif path == "/long":  # says fewer bytes than it sends: the rest is not read
            conn.sendall(_head(length=len(RSS)) + RSS + b"<garbage>" * 1000)
        elif path == "/endless":  # no length, never ends, fast
            conn.sendall(_head())
            while not self.done.is_set():
                conn.sendall(b" " * 65536)
        elif path in ("/gzip-bomb", "/deflate-bomb", "/raw-deflate-bomb"):
            name, body = _bomb(path)
            head = _head(extra=f"Content-Encoding: {name}\r\n", length=len(body))
            conn.sendall(head + body)
        elif path in ("/gzip-ok", "/raw-deflate-ok"):
            if path == "/gzip-ok":
                name, body = "gzip", gzip.compress(RSS)
            else:
                packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
                name, body = "deflate", packer.compress(RSS) + packer.flush()
            head = _head(extra=f"Content-Encoding: {name}\r\n", length=len(body))
            conn.sendall(head + body)
        elif path == "/brotli":
            conn.sendall(_head(extra="Content-Encoding: br\r\n", length=4) + b"\x0b\x00\x80\x03")
        elif path == "/double-gzip":
            body = gzip.compress(gzip.compress(RSS))
            conn.sendall(_head(extra="Content-Encoding: gzip, gzip\r\n", length=len(body)) + body)
        elif path == "/reason":
            conn.sendall(b"HTTP/1.1 500 [/x] \x1b[2J\r\nContent-Length: 0\r\n\r\n")
        else:
            conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    server = HostileServer()
    try:
        yield server
    finally:
        server.close()


def bounded(call: Callable[[], T], bound: float = BOUND) -> tuple[T | Exception, float]:
    """Run ``call`` with a bound; what it returned or raised, and how long it took."""
    outcome: list[T | Exception] = []
    started = time.monotonic()

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(bound)
    elapsed = time.monotonic() - started
    assert outcome, f"still running after {bound} s"
    return outcome[0], elapsed


def get(
    server: HostileServer, path: str, limits: FetchLimits = LIMITS
) -> tuple[Response | Exception, float]:
    return bounded(
        lambda: download(server.url(path), max_bytes=limits.max_feed_bytes, limits=limits)
    )


def test_a_normal_answer_still_works(hostile: HostileServer) -> None:
    result, _ = get(hostile, "/ok")
    assert isinstance(result, Response) and result.data == RSS


@pytest.mark.parametrize("path", ["/gzip-ok", "/raw-deflate-ok"])
def test_compressed_answers_are_decoded(hostile: HostileServer, path: str) -> None:
    result, _ = get(hostile, path)
    assert isinstance(result, Response) and result.data == RSS


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers", "/stall", "/stall-body"])
def test_a_slow_server_is_cut_off_at_the_deadline(hostile: HostileServer, path: str) -> None:
    result, elapsed = get(hostile, path)
    assert isinstance(result, FetchError), result
    assert "timed out" in str(result) and "\n" not in str(result)
    assert elapsed < LIMITS.deadline + 2.0, f"{path} took {elapsed:.1f} s"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/reset", "connection"),
        ("/many-headers", "connection failed"),
        ("/long-header", "connection failed"),
        ("/redirect", "redirect"),
        ("/short", "before the whole body"),
        ("/endless", "too large"),
        ("/gzip-bomb", "too large after decompression"),
        ("/deflate-bomb", "too large after decompression"),
        ("/raw-deflate-bomb", "too large after decompression"),
        ("/brotli", "unsupported content encoding"),
        ("/double-gzip", "unsupported content encoding"),
    ],
)
def test_a_lying_server_gets_one_line(hostile: HostileServer, path: str, words: str) -> None:
    if "bomb" in path:
        _bomb(path)  # compressed before the clock starts
    result, elapsed = get(hostile, path)
    assert isinstance(result, FetchError), result
    assert words in str(result) and "\n" not in str(result) and "\x1b" not in str(result)
    assert elapsed < BOUND


def test_more_bytes_than_declared_are_not_read(hostile: HostileServer) -> None:
    result, _ = get(hostile, "/long")
    assert isinstance(result, Response) and result.data == RSS


def test_endless_redirects_stop_at_the_limit(hostile: HostileServer) -> None:
    result, _ = get(hostile, "/redirect")
    assert isinstance(result, FetchError)
    assert hostile.redirects <= LIMITS.max_redirects + 1


def test_a_reason_phrase_is_one_safe_line(hostile: HostileServer) -> None:
    result, _ = get(hostile, "/reason")
    assert isinstance(result, FetchError)
    assert str(result).startswith("HTTP 500") and "\x1b" not in str(result)


def test_a_refresh_ends_by_its_run_deadline(hostile: HostileServer, tmp_path: Path) -> None:
    """Feeds dripping forever, more than the workers: the run ends at its deadline."""
    library = Library(tmp_path / "lib")
    for n in range(6):
        add_feed(library, hostile.url(f"/drip-body?{n}"))
    add_feed(library, hostile.url("/ok"))
    limits = FetchLimits(timeout=0.5, deadline=30, run_deadline=1.5, workers=2)
    summary, elapsed = bounded(lambda: fetch_all(library, limits=limits))
    assert elapsed < 1.5 + 2.5, f"the refresh took {elapsed:.1f} s"
    assert not isinstance(summary, Exception), summary
    results = summary.results
    assert len(results) == 7
    assert all(r.state is FeedState.FAILED for r in results if "drip" in r.url)
    assert all(r.error and "\n" not in r.error for r in results if "drip" in r.url)


def test_fetch_command_time_limit(hostile: HostileServer, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    add_feed(Library(library), hostile.url("/drip-body"))
    started = time.monotonic()
    result = CliRunner().invoke(main, ["--library", str(library), "fetch", "--time-limit", "1"])
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert "timed out" in result.output or "took over" in result.output


def test_a_slow_name_lookup_is_cut_off(
    hostile: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system resolver has no deadline of ours: a lookup that hangs must not hang us."""
    real = socket.getaddrinfo

    def slow(host: str, *args: object, **kwargs: object) -> object:
        if host == "slow.invalid":
            time.sleep(8)
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    result, elapsed = bounded(
        lambda: download("http://slow.invalid/feed.xml", max_bytes=1000, limits=LIMITS)
    )
    assert isinstance(result, FetchError) and "timed out" in str(result), result  # the lookup,
    assert "\n" not in str(result)  # or the watchdog firing at the same moment
    assert elapsed < LIMITS.deadline + 2.0
    by_name = f"http://localhost:{hostile.port}/ok"  # and a real lookup still works
    result, _ = bounded(lambda: download(by_name, max_bytes=1000, limits=LIMITS))
    assert isinstance(result, Response) and result.data == RSS
