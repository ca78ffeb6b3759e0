"""Download one URL, bounded whatever the server does.

Both refreshing feeds (``fetch``) and adding a URL (``add``) download; this
module is that one idea, so neither has to import the other for it.

Downloads use the standard library (``urllib``): a feed reader needs GET with
a few headers, not a client library. Every download is bounded: a socket
timeout and an overall deadline, a size cap counted after decompression (a
gzip bomb stops at the cap, in bounded memory), at most a few redirects and
only to http(s). Conditional GET (ETag / Last-Modified) makes an unchanged
feed cost one 304; a subscribed local file is "not modified" while its size
and mtime stay the same.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ossetia_reader import __version__
from ossetia_reader.core.sanitize import safe_line

USER_AGENT = f"ossetia-reader/{__version__} (terminal feed reader)"
ACCEPT_FEED = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How much one fetch may cost. Tests shrink these; users never need to."""

    timeout: float = 20.0  # seconds per socket operation (connect, each read)
    deadline: float = 60.0  # seconds for one whole download, whatever the server does
    feed_deadline: float = 180.0  # seconds for one feed with its full-text pages
    run_deadline: float = 600.0  # seconds for a whole refresh of every feed
    max_feed_bytes: int = 32 * 1024 * 1024  # after decompression
    max_page_bytes: int = 8 * 1024 * 1024
    max_redirects: int = 5
    workers: int = 6
    full_text_per_feed: int = 40
    full_text_below: int = 1500  # a body shorter than this is taken for a summary


class FetchError(Exception):
    """A download that failed; the message is one line for the user."""


class FetchStopped(FetchError):
    """The caller asked to stop."""


@dataclass(frozen=True, slots=True)
class Response:
    """A finished download."""

    url: str  # after redirects
    data: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def download(
    url: str,
    *,
    max_bytes: int,
    limits: FetchLimits | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    allow_file: bool = False,
    should_stop: Callable[[], bool] | None = None,
    accept: str = ACCEPT_FEED,
    not_after: float | None = None,
) -> Response:
    """GET ``url`` within ``limits`` (conditional when validators are given).

    The download ends by ``limits.deadline`` seconds from now (or by the
    ``time.monotonic()`` value ``not_after``, if sooner) whatever the server
    does: a watchdog shuts the connection's sockets at that moment, so a
    server dripping a byte a second into the headers, the TLS handshake or the
    body cannot hold a read open past it. (Name lookup is the one step it
    cannot cut short; the system resolver bounds that.)

    Raises:
        FetchError: with a one-line reason (HTTP status, timeout, too large, ...).
    """
    limits = limits or FetchLimits()
    scheme = urlsplit(url).scheme.lower()
    if scheme == "file" and allow_file:
        return _read_local(url, max_bytes, last_modified)
    if scheme not in ("http", "https"):
        raise FetchError(f"cannot fetch {scheme or 'scheme-less'} URLs")
    ends = time.monotonic() + limits.deadline
    watchdog = _Watchdog(ends if not_after is None else min(ends, not_after))
    if watchdog.remaining() <= 0:
        raise FetchError("timed out: no time left for this download")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    )
    request.add_header("Accept", accept)
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    opener = urllib.request.build_opener(
        _WebOnlyRedirects(limits.max_redirects),
        _WatchedHTTPHandler(watchdog),
        _WatchedHTTPSHandler(watchdog),
    )
    try:
        with watchdog:
            response = _get(opener, request, min(limits.timeout, watchdog.remaining()))
            with response as reply:
                data = _read_body(reply, max_bytes, watchdog, should_stop)
                headers = reply.headers
                return Response(
                    url=reply.geturl(),
                    data=data,
                    content_type=headers.get("Content-Type"),
                    etag=headers.get("ETag"),
                    last_modified=headers.get("Last-Modified"),
                )
    except _NotModified:
        return Response(url=url, not_modified=True, etag=etag, last_modified=last_modified)
    except FetchError:
        if watchdog.fired:
            raise watchdog.error() from None
        raise
    except Exception as error:
        if watchdog.fired:  # whatever broke, broke because the watchdog shut the socket
            raise watchdog.error() from None
        raise _one_line(error, limits) from None


class _NotModified(Exception):
    """The server answered 304."""


def _get(
    opener: urllib.request.OpenerDirector, request: urllib.request.Request, timeout: float
) -> http.client.HTTPResponse:
    try:
        reply: http.client.HTTPResponse = opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 304:
            raise _NotModified from None
        refused = ("non-web", "is not allowed")  # ours, and urllib's own scheme check
        if 300 <= error.code < 400 and any(word in str(error.reason) for word in refused):
            raise FetchError("refused a redirect to a non-web URL") from None
        if 300 <= error.code < 400:
            raise FetchError(f"redirect loop or too many redirects ({error.code})") from None
        raise FetchError(f"HTTP {error.code} {safe_line(str(error.reason))[:80]}") from None
    return reply


def _one_line(error: Exception, limits: FetchLimits) -> FetchError:
    """What urllib, http.client or the socket raised, as one line for the user."""
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            if "looking up" in str(reason):
                return FetchError(f"timed out: {safe_line(str(reason))[:120]}")
            return FetchError(f"timed out after {limits.timeout:g} s")
        return FetchError(f"cannot connect: {safe_line(str(reason))[:120]}")
    if isinstance(error, TimeoutError):
        return FetchError(f"timed out after {limits.timeout:g} s")
    if isinstance(error, http.client.IncompleteRead):
        return FetchError("connection closed before the whole body arrived")
    if isinstance(error, http.client.HTTPException | ConnectionError | OSError):
        text = safe_line(str(error))[:120] or type(error).__name__
        return FetchError(f"connection failed: {text}")
    if isinstance(error, ValueError):  # malformed URL
        return FetchError(f"bad URL: {safe_line(str(error))[:120]}")
    raise error


class _Watchdog:
    """Shuts every socket of one download when its time is up.

    Socket timeouts bound each read, not their sum: a server sending a byte
    just inside the timeout keeps a download alive forever. The watchdog's
    timer bounds the sum: at the deadline it shuts the sockets down, which
    wakes any read blocked on them, and ``fired`` tells why it woke.
    """

    def __init__(self, ends: float) -> None:
        self.ends = ends
        self.seconds = max(0.0, ends - time.monotonic())
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True

    def error(self) -> FetchError:
        """What to tell the user once the watchdog has fired."""
        return FetchError(f"timed out: the download took over {self.seconds:.3g} s")

    def remaining(self) -> float:
        """Seconds left (never below a millisecond: a zero timeout means non-blocking)."""
        return max(0.001, self.ends - time.monotonic()) if not self.fired else 0.0

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down at the deadline (at once, if it has passed)."""
        with self._lock:
            self._sockets.append(sock)
            fired = self.fired
        if fired:
            _shut(sock)

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing left to wake
        sock.shutdown(socket.SHUT_RDWR)


def _connect(
    watchdog: _Watchdog,
    address: tuple[str, int],
    timeout: float | None = None,
    source_address: tuple[str, int] | None = None,
) -> socket.socket:
    """``socket.create_connection`` with the lookup bounded and each socket watched."""
    host, port = address
    infos = _resolve(host, port, watchdog.remaining())
    last: OSError = OSError(f"no address for {host}")
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        watchdog.watch(sock)
        try:
            sock.settimeout(min(timeout or watchdog.remaining(), watchdog.remaining()))
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as error:
            last = error
            sock.close()
    raise last


def _resolve(host: str, port: int, seconds: float) -> list[Any]:
    """``getaddrinfo`` within ``seconds``: the system resolver has no deadline of ours.

    It runs in a daemon thread; past the time the download gives up on it
    (the thread ends when the resolver does).
    """
    found: list[Any] = []
    failed: list[OSError] = []

    def look_up() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as error:
            failed.append(error)

    worker = threading.Thread(target=look_up, daemon=True, name="resolve")
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError(f"looking up {host} took over {seconds:.3g} s")
    if failed:
        raise failed[0]
    return found


class _WatchedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection whose name lookup is bounded and whose socket the watchdog can shut."""

    def __init__(self, *args: Any, watchdog: _Watchdog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watchdog = watchdog
        self._create_connection = partial(_connect, watchdog)

    def connect(self) -> None:
        super().connect()
        self._watchdog.watch(self.sock)


class _WatchedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS with the handshake done after the watchdog holds the TLS socket.

    ``HTTPSConnection.connect`` shakes hands inside ``wrap_socket``, on a
    socket nobody else can reach; a server dripping its handshake would hold
    it for as long as it liked.
    """

    def __init__(self, *args: Any, watchdog: _Watchdog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watchdog = watchdog
        self._create_connection = partial(_connect, watchdog)

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)
        self._watchdog.watch(self.sock)
        hostname = getattr(self, "_tunnel_host", None) or self.host
        context: ssl.SSLContext = self._context  # type: ignore[attr-defined]
        self.sock = context.wrap_socket(
            self.sock, server_hostname=hostname, do_handshake_on_connect=False
        )
        self._watchdog.watch(self.sock)
        self.sock.do_handshake()


class _WatchedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_WatchedHTTPConnection, watchdog=self._watchdog), req)  # type: ignore[arg-type]


class _WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(  # type: ignore[arg-type]
            partial(_WatchedHTTPSConnection, watchdog=self._watchdog),
            req,
            context=self._context,  # type: ignore[attr-defined]
        )


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a few redirects, and only to http(s): never to file: or ftp:."""

    def __init__(self, limit: int) -> None:
        self.max_redirections = limit  # type: ignore[misc]  # urllib reads it per instance

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-web URL", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_body(
    reply: http.client.HTTPResponse,
    max_bytes: int,
    watchdog: _Watchdog,
    should_stop: Callable[[], bool] | None,
) -> bytes:
    """Read and decompress at most ``max_bytes``, before the watchdog fires."""
    encoding = (reply.headers.get("Content-Encoding") or "").strip().lower()
    declared = reply.headers.get("Content-Length")
    if declared and declared.isdigit() and not encoding and int(declared) > max_bytes:
        raise FetchError(f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
    decompressor = None
    if encoding in ("gzip", "x-gzip"):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding not in ("", "identity", "deflate"):
        raise FetchError(f"unsupported content encoding {safe_line(encoding)!r}")
    out = bytearray()
    received = 0
    for chunk in _chunks(reply, watchdog, should_stop):
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"too large: over {max_bytes:,} bytes")
        if decompressor is None and encoding == "deflate":
            decompressor = _deflate_for(chunk)
        if decompressor is None:
            out += chunk
            continue
        try:
            out += decompressor.decompress(chunk, max_bytes + 1 - len(out))
        except zlib.error:
            raise FetchError("corrupt compressed data") from None
        if len(out) > max_bytes or decompressor.unconsumed_tail:
            raise FetchError(f"too large after decompression: over {max_bytes:,} bytes")
    if decompressor is not None:
        out += decompressor.flush(max_bytes + 1 - len(out))
        if len(out) > max_bytes:
            raise FetchError(f"too large after decompression: over {max_bytes:,} bytes")
    return bytes(out)


def _deflate_for(head: bytes) -> zlib._Decompress:
    """``deflate`` is meant to be zlib-wrapped, but many servers send raw deflate."""
    wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and ((head[0] << 8) | head[1]) % 31 == 0
    return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)


def _chunks(
    reply: http.client.HTTPResponse, watchdog: _Watchdog, should_stop: Callable[[], bool] | None
) -> Iterator[bytes]:
    """The body as it arrives (``read1``: whatever is there, so a stop is seen soon)."""
    while True:
        if should_stop is not None and should_stop():
            raise FetchStopped("stopped")
        chunk = reply.read1(_CHUNK)
        if watchdog.fired:  # the read ended because the socket was shut, not at the end
            raise watchdog.error()
        if not chunk:
            if reply.length:  # what is left of a declared Content-Length
                raise FetchError("connection closed before the whole body arrived")
            return
        yield chunk


def _read_local(url: str, max_bytes: int, last_modified: str | None) -> Response:
    """A subscribed local file; its size and mtime act as the validator.

    Only a regular file, under the same cap as a download (``local_file``).
    """
    from ossetia_reader.core.local_file import check_document, read_document

    path = Path(url2pathname(urlsplit(url).path))
    try:
        check_document(path)
        status = path.stat()
        validator = f"{status.st_mtime_ns}-{status.st_size}"
        if last_modified == validator:
            return Response(url=url, not_modified=True, last_modified=validator)
        data, status = read_document(path, max_bytes)
    except OSError as error:
        raise FetchError(f"cannot read {safe_line(str(path))}: {error.strerror or error}") from None
    return Response(url=url, data=data, last_modified=f"{status.st_mtime_ns}-{status.st_size}")
