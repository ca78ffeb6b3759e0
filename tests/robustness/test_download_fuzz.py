"""Hypothesis: random server behaviour against ``download`` on 127.0.0.1.

Each example is a script for a raw socket server: a status line, headers
(lengths that lie, encodings, many or huge ones), a body sent in chunks with
pauses, then a clean close or a reset. Whatever it does, ``download`` returns
a ``Response`` or raises ``FetchError`` with one line, by its deadline.
``scripts/fuzz.py`` runs this round after round with more examples.
"""

from __future__ import annotations

import gzip
import os
import socket
import struct
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ossetia_reader.core.download import FetchError, FetchLimits, Response, download
from tests.loopback import RawServer

LIMITS = FetchLimits(timeout=0.3, deadline=0.8, max_feed_bytes=64 * 1024, max_redirects=3)
SLACK = 1.5  # seconds past the deadline a loaded 2-core box may need to notice
EXAMPLES = int(os.environ.get("OSSETIA_READER_FUZZ_EXAMPLES") or 0) // 25 or 12


@dataclass
class Script:
    """What the server does with one request."""

    status: bytes
    headers: list[bytes]
    chunks: list[tuple[bytes, float]]  # body pieces and the pause before each
    reset: bool


body_bytes = st.one_of(
    st.binary(max_size=300),
    st.just(b"<rss><channel><title>t</title></channel></rss>"),
    st.just(gzip.compress(b"\0" * 2_000_000)),
    st.just(zlib.compress(b"x" * 2_000_000)),
    st.just(b" " * 70_000),
)
header_lines = st.one_of(
    st.sampled_from(
        [
            b"Content-Length: 0",
            b"Content-Length: 5",
            b"Content-Length: 999999999",
            b"Content-Length: -1",
            b"Content-Length: abc",
            b"Content-Encoding: gzip",
            b"Content-Encoding: deflate",
            b"Content-Encoding: br",
            b"Content-Encoding: gzip, gzip",
            b"Transfer-Encoding: chunked",
            b"Location: /again",
            b"Location: file:///etc/passwd",
            b"Content-Type: text/html; charset=\x1b[31m",
            b"X-Long: " + b"a" * 70_000,
        ]
    ),
    st.binary(max_size=60).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")),
)
scripts = st.builds(
    Script,
    status=st.sampled_from(
        [
            b"HTTP/1.1 200 OK",
            b"HTTP/1.1 304 Not Modified",
            b"HTTP/1.1 302 Found",
            b"HTTP/1.1 500 [/x] \x1b[2J",
            b"HTTP/1.0 200",
            b"HTTP/9.9 999 ???",
            b"garbage",
            b"",
        ]
    ),
    headers=st.lists(header_lines, max_size=6),
    chunks=st.lists(st.tuples(body_bytes, st.sampled_from([0.0, 0.0, 0.05, 0.2, 0.4])), max_size=5),
    reset=st.booleans(),
)


class ScriptedServer(RawServer):
    """Answers every connection with the current script."""

    def __init__(self) -> None:
        self.script = Script(b"HTTP/1.1 200 OK", [], [], False)
        super().__init__()
        self.url = f"http://127.0.0.1:{self.port}/feed.xml"

    def handle(self, conn: socket.socket) -> None:
        script = self.script
        try:
            conn.recv(65536)
            head = script.status + b"\r\n" + b"".join(h + b"\r\n" for h in script.headers)
            conn.sendall(head + b"\r\n")
            for data, pause in script.chunks:
                if self.done.wait(pause):
                    return
                conn.sendall(data)
            if script.reset:
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass  # the client gave up: that is allowed
        finally:
            conn.close()


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer()
    try:
        yield scripted
    finally:
        scripted.close()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(script=scripts)
def test_any_server_behaviour_ends_in_time_with_one_line(
    server: ScriptedServer, script: Script
) -> None:
    server.script = script
    started = time.monotonic()
    try:
        result = download(server.url, max_bytes=LIMITS.max_feed_bytes, limits=LIMITS)
    except FetchError as error:
        assert "\n" not in str(error) and "\x1b" not in str(error), str(error)
    else:
        assert isinstance(result, Response)
        assert len(result.data) <= LIMITS.max_feed_bytes
    elapsed = time.monotonic() - started
    assert elapsed < LIMITS.deadline + SLACK, f"{elapsed:.2f} s"
