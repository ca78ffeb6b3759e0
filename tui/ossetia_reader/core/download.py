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

import http.client
import socket
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
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
    deadline: float = 60.0  # seconds for one whole download
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
) -> Response:
    """GET ``url`` within ``limits`` (conditional when validators are given).

    Raises:
        FetchError: with a one-line reason (HTTP status, timeout, too large, ...).
    """
    limits = limits or FetchLimits()
    scheme = urlsplit(url).scheme.lower()
    if scheme == "file" and allow_file:
        return _read_local(url, max_bytes, last_modified)
    if scheme not in ("http", "https"):
        raise FetchError(f"cannot fetch {scheme or 'scheme-less'} URLs")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    )
    request.add_header("Accept", accept)
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    opener = urllib.request.build_opener(_WebOnlyRedirects(limits.max_redirects))
    started = time.monotonic()
    try:
        with opener.open(request, timeout=limits.timeout) as reply:
            data = _read_body(reply, max_bytes, started + limits.deadline, should_stop)
            headers = reply.headers
            return Response(
                url=reply.geturl(),
                data=data,
                content_type=headers.get("Content-Type"),
                etag=headers.get("ETag"),
                last_modified=headers.get("Last-Modified"),
            )
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 304:
            return Response(url=url, not_modified=True, etag=etag, last_modified=last_modified)
        refused = ("non-web", "is not allowed")  # ours, and urllib's own scheme check
        if 300 <= error.code < 400 and any(word in str(error.reason) for word in refused):
            raise FetchError("refused a redirect to a non-web URL") from None
        if 300 <= error.code < 400:
            raise FetchError(f"redirect loop or too many redirects ({error.code})") from None
        raise FetchError(f"HTTP {error.code} {safe_line(str(error.reason))[:80]}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FetchError(f"timed out after {limits.timeout:g} s") from None
        raise FetchError(f"cannot connect: {safe_line(str(reason))[:120]}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {limits.timeout:g} s") from None
    except (http.client.HTTPException, ConnectionError, OSError) as error:
        raise FetchError(f"connection failed: {safe_line(str(error))[:120]}") from None
    except ValueError as error:  # malformed URL
        raise FetchError(f"bad URL: {safe_line(str(error))[:120]}") from None


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
    deadline: float,
    should_stop: Callable[[], bool] | None,
) -> bytes:
    """Read and decompress at most ``max_bytes``, by ``deadline``."""
    encoding = (reply.headers.get("Content-Encoding") or "").strip().lower()
    declared = reply.headers.get("Content-Length")
    if declared and declared.isdigit() and not encoding and int(declared) > max_bytes:
        raise FetchError(f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
    decompressor = None
    if encoding in ("gzip", "x-gzip"):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decompressor = zlib.decompressobj(32 + zlib.MAX_WBITS)
    elif encoding not in ("", "identity"):
        raise FetchError(f"unsupported content encoding {safe_line(encoding)!r}")
    out = bytearray()
    received = 0
    for chunk in _chunks(reply, deadline, should_stop):
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"too large: over {max_bytes:,} bytes")
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


def _chunks(
    reply: http.client.HTTPResponse, deadline: float, should_stop: Callable[[], bool] | None
) -> Iterator[bytes]:
    while True:
        if should_stop is not None and should_stop():
            raise FetchStopped("stopped")
        if time.monotonic() > deadline:
            raise FetchError("timed out: the download took too long")
        chunk = reply.read(_CHUNK)
        if not chunk:
            return
        yield chunk


def _read_local(url: str, max_bytes: int, last_modified: str | None) -> Response:
    """A subscribed local file; its size and mtime act as the validator."""
    path = Path(url2pathname(urlsplit(url).path))
    try:
        stat = path.stat()
        validator = f"{stat.st_mtime_ns}-{stat.st_size}"
        if last_modified == validator:
            return Response(url=url, not_modified=True, last_modified=validator)
        if stat.st_size > max_bytes:
            raise FetchError(f"too large: {stat.st_size:,} bytes (limit {max_bytes:,})")
        data = path.read_bytes()
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror or error}") from None
    return Response(url=url, data=data, last_modified=validator)
