"""Refresh subscribed feeds: concurrent, bounded, polite, and never half-written.

Downloads use the standard library (``urllib`` in a small thread pool): a feed
reader needs GET with a few headers, not a client library. Every download is
bounded: a socket timeout and an overall deadline, a size cap counted after
decompression (a gzip bomb stops at the cap, in bounded memory), at most a few
redirects and only to http(s). Conditional GET (ETag / Last-Modified) makes an
unchanged feed cost one 304; a subscribed local file is "not modified" while
its size and mtime stay the same.

Threads only download and parse. Everything that touches the library, and
every progress report, happens on the thread that called ``fetch_all`` (e.g. a
Textual worker), one commit per feed: a kill loses at most the feed in flight.
"""

from __future__ import annotations

import datetime as dt
import http.client
import queue
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ossetia_reader import __version__
from ossetia_reader.core.article import Article
from ossetia_reader.core.formats.detect import FormatError
from ossetia_reader.core.formats.feeds import ParsedFeed, parse_feed
from ossetia_reader.core.importer import store_articles
from ossetia_reader.core.library import Library, LibraryError, Outcome
from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.core.subscriptions import (
    STATUS_FAILED,
    STATUS_NOT_MODIFIED,
    STATUS_OK,
    Feed,
    list_feeds,
    record_fetch,
)

USER_AGENT = f"ossetia-reader/{__version__} (terminal feed reader)"
_ACCEPT_FEED = (
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


class FeedState(Enum):
    """Where one feed is in a refresh."""

    QUEUED = "queued"
    FETCHING = "fetching"
    FULL_TEXT = "fetching pages"
    DONE = "done"
    NOT_MODIFIED = "not modified"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        """Whether nothing more will happen to this feed in this refresh."""
        return self in (self.DONE, self.NOT_MODIFIED, self.FAILED, self.CANCELLED)


@dataclass(frozen=True, slots=True)
class FeedProgress:
    """One feed's progress, reported to the caller as it changes."""

    url: str
    name: str
    state: FeedState
    added: int = 0
    updated: int = 0
    pages_done: int = 0
    pages_total: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class FeedResult:
    """How refreshing one feed ended."""

    url: str
    name: str
    state: FeedState
    added: int = 0
    updated: int = 0
    skipped: int = 0
    error: str | None = None
    warnings: tuple[str, ...] = ()
    keys: tuple[int, ...] = ()  # articles added or changed, for the search index


@dataclass(frozen=True, slots=True)
class FetchSummary:
    """A whole refresh."""

    results: tuple[FeedResult, ...] = ()
    seconds: float = 0.0
    stopped: bool = False

    @property
    def added(self) -> int:
        """New articles over all feeds."""
        return sum(r.added for r in self.results)

    @property
    def updated(self) -> int:
        """Changed articles over all feeds."""
        return sum(r.updated for r in self.results)

    @property
    def failed(self) -> int:
        """Feeds whose refresh failed."""
        return sum(1 for r in self.results if r.state is FeedState.FAILED)

    @property
    def not_modified(self) -> int:
        """Feeds the server said had not changed."""
        return sum(1 for r in self.results if r.state is FeedState.NOT_MODIFIED)

    @property
    def keys(self) -> tuple[int, ...]:
        """Every article added or changed, for the search index."""
        return tuple(key for r in self.results for key in r.keys)


@dataclass
class _Fetched:
    """What a worker thread hands back to the writing thread."""

    feed: Feed
    response: Response | None = None
    parsed: ParsedFeed | None = None
    error: str | None = None
    stopped: bool = False
    page_warnings: list[str] = field(default_factory=list)


# -- downloading ---------------------------------------------------------------


def download(
    url: str,
    *,
    max_bytes: int,
    limits: FetchLimits | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    allow_file: bool = False,
    should_stop: Callable[[], bool] | None = None,
    accept: str = _ACCEPT_FEED,
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


# -- refreshing ----------------------------------------------------------------


def fetch_all(
    library: Library,
    *,
    full_text: bool = False,
    progress: Callable[[FeedProgress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    limits: FetchLimits | None = None,
    urls: list[str] | None = None,
) -> FetchSummary:
    """Refresh every subscribed feed (or just ``urls``) and store what is new.

    Safe to call from a worker thread: the library is written, and
    ``progress`` called, only on the calling thread. Each feed is committed
    on its own, so stopping (``should_stop`` returning True) or a kill keeps
    every feed finished before it.

    Args:
        library: where articles and fetch status are stored.
        full_text: fetch the page of each new item whose feed carries only a
            summary, and keep the page's extracted main text.
        progress: told of every change of a feed's state.
        should_stop: polled often; True cancels feeds not yet finished.
        limits: timeouts and size caps (defaults suit real use).
        urls: refresh only these subscriptions.
    """
    limits = limits or FetchLimits()
    started = time.monotonic()
    feeds = [f for f in list_feeds(library) if urls is None or f.url in urls]
    events: queue.SimpleQueue[FeedProgress] = queue.SimpleQueue()
    stop = threading.Event()

    def stopping() -> bool:
        if not stop.is_set() and should_stop is not None and should_stop():
            stop.set()
        return stop.is_set()

    def tell(update: FeedProgress) -> None:
        if progress is not None:
            progress(update)

    for feed in feeds:
        tell(FeedProgress(feed.url, feed.name, FeedState.QUEUED))
    results: dict[str, FeedResult] = {}
    with ThreadPoolExecutor(max_workers=max(1, limits.workers), thread_name_prefix="fetch") as pool:
        pending: dict[Future[_Fetched], Feed] = {}
        for feed in feeds:
            if stopping():
                results[feed.url] = FeedResult(feed.url, feed.name, FeedState.CANCELLED)
                tell(FeedProgress(feed.url, feed.name, FeedState.CANCELLED))
                continue
            known = _known(library, feed.url) if full_text else frozenset()
            future = pool.submit(_fetch_one, feed, known, full_text, limits, events, stop.is_set)
            pending[future] = feed
        while pending:
            done, _ = wait(list(pending), timeout=0.1, return_when=FIRST_COMPLETED)
            _drain(events, tell)
            if stopping():
                for future, feed in list(pending.items()):
                    if future.cancel():
                        del pending[future]
                        results[feed.url] = FeedResult(feed.url, feed.name, FeedState.CANCELLED)
                        tell(FeedProgress(feed.url, feed.name, FeedState.CANCELLED))
            for future in done:
                feed = pending.pop(future)
                result = _store(library, future.result())
                results[feed.url] = result
                tell(_final_progress(result))
        _drain(events, tell)
    ordered = tuple(results[f.url] for f in feeds if f.url in results)
    return FetchSummary(ordered, time.monotonic() - started, stopped=stop.is_set())


def _known(library: Library, feed_url: str) -> frozenset[str]:
    """Ids and URLs of what this feed already brought in: those need no page fetch."""
    rows = library.query("SELECT id, url FROM articles WHERE feed = ?", [feed_url])
    return frozenset(value for row in rows for value in row if value)


def _drain(events: queue.SimpleQueue[FeedProgress], tell: Callable[[FeedProgress], None]) -> None:
    while True:
        try:
            tell(events.get_nowait())
        except queue.Empty:
            return


def _fetch_one(
    feed: Feed,
    known: frozenset[str],
    full_text: bool,
    limits: FetchLimits,
    events: queue.SimpleQueue[FeedProgress],
    should_stop: Callable[[], bool],
) -> _Fetched:
    """Download and parse one feed (worker thread: no library access here)."""
    if should_stop():
        return _Fetched(feed, stopped=True)
    events.put(FeedProgress(feed.url, feed.name, FeedState.FETCHING))
    fetched = _Fetched(feed)
    try:
        fetched.response = download(
            feed.url,
            max_bytes=limits.max_feed_bytes,
            limits=limits,
            etag=feed.etag,
            last_modified=feed.last_modified,
            allow_file=True,
            should_stop=should_stop,
        )
        if fetched.response.not_modified:
            return fetched
        fetched.parsed = parse_feed(
            fetched.response.data,
            feed_key=feed.url,
            content_type=fetched.response.content_type,
            base_url=fetched.response.url,
        )
    except FetchStopped:
        fetched.stopped = True
        return fetched
    except (FetchError, FormatError) as error:
        fetched.error = str(error)
        return fetched
    except Exception as error:  # a parser bug must cost one feed, not the refresh
        fetched.error = f"unexpected error: {type(error).__name__}: {safe_line(str(error))[:100]}"
        return fetched
    if full_text:
        _add_full_text(fetched, known, limits, events, should_stop)
    return fetched


def _add_full_text(
    fetched: _Fetched,
    known: frozenset[str],
    limits: FetchLimits,
    events: queue.SimpleQueue[FeedProgress],
    should_stop: Callable[[], bool],
) -> None:
    """Replace each new item's summary by its page's extracted main text."""
    from ossetia_reader.core.formats.html import parse_html_page

    assert fetched.parsed is not None
    feed = fetched.feed
    wanted = [
        (index, article)
        for index, article in enumerate(fetched.parsed.articles)
        if article.url
        and article.id not in known
        and article.url not in known
        and len(article.body) < limits.full_text_below
    ][: limits.full_text_per_feed]
    failures = 0
    for done, (index, article) in enumerate(wanted, start=1):
        if should_stop():
            return
        events.put(
            FeedProgress(
                feed.url,
                feed.name,
                FeedState.FULL_TEXT,
                pages_done=done - 1,
                pages_total=len(wanted),
            )
        )
        assert article.url is not None
        try:
            page = download(
                article.url,
                max_bytes=limits.max_page_bytes,
                limits=limits,
                should_stop=should_stop,
                accept="text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
            )
            extracted = parse_html_page(page.data, url=page.url, fallback_id=article.id)
        except FetchStopped:
            return
        except Exception:  # a page that fails to download or extract keeps its summary
            failures += 1
            continue
        if len(extracted.body) > len(article.body):
            fetched.parsed.articles[index] = _with_page_text(article, extracted)
    if failures:
        fetched.page_warnings.append(f"{failures} of {len(wanted)} pages could not be extracted")


def _with_page_text(article: Article, page: Article) -> Article:
    body, links = page.body, page.links
    first, _, rest = body.partition("\n\n")
    if first.strip() == article.title and rest:
        cut = len(first) + 2
        body = rest
        links = tuple(
            replace(k, start=k.start - cut, end=k.end - cut) for k in links if k.start >= cut
        )
    return replace(article, body=body, links=links, author=article.author or page.author)


def _store(library: Library, fetched: _Fetched) -> FeedResult:
    """Write one feed's outcome (calling thread): its articles, then its status."""
    feed = fetched.feed
    if fetched.stopped:
        return FeedResult(feed.url, feed.name, FeedState.CANCELLED)
    try:
        if fetched.error is not None:
            record_fetch(library, feed.url, status=STATUS_FAILED, error=fetched.error)
            return FeedResult(feed.url, feed.name, FeedState.FAILED, error=fetched.error)
        response = fetched.response
        assert response is not None
        if response.not_modified:
            record_fetch(library, feed.url, status=STATUS_NOT_MODIFIED)
            return FeedResult(feed.url, feed.name, FeedState.NOT_MODIFIED)
        parsed = fetched.parsed
        assert parsed is not None
        today = dt.datetime.now(dt.UTC).date()
        for article in parsed.articles:
            # An undated item is news as of now; undated, it would sink below every dated one.
            article.date = article.date or today
        added = store_articles(library, parsed.articles)
        record_fetch(
            library,
            feed.url,
            status=STATUS_OK,
            title=parsed.title,
            etag=response.etag,
            last_modified=response.last_modified,
            error="; ".join(parsed.warnings + fetched.page_warnings) or None,
        )
    except LibraryError as error:
        return FeedResult(feed.url, feed.name, FeedState.FAILED, error=str(error))
    counts = {outcome: 0 for outcome in Outcome}
    for item in added:
        counts[item.outcome] += 1
    return FeedResult(
        feed.url,
        feed.title or parsed.title,
        FeedState.DONE,
        added=counts[Outcome.ADDED],
        updated=counts[Outcome.UPDATED],
        skipped=counts[Outcome.SKIPPED],
        warnings=tuple(parsed.warnings + fetched.page_warnings),
        keys=tuple(a.key for a in added if a.outcome is not Outcome.SKIPPED),
    )


def _final_progress(result: FeedResult) -> FeedProgress:
    return FeedProgress(
        result.url, result.name, result.state, result.added, result.updated, error=result.error
    )
