"""Refresh subscribed feeds: concurrent, bounded, polite, and never half-written.

Each feed is downloaded by ``core.download`` (bounded in time and size) in a
small thread pool, parsed there, and stored here.

Threads only download and parse. Everything that touches the library, and
every progress report, happens on the thread that called ``fetch_all`` (e.g. a
Textual worker), one commit per feed: a kill loses at most the feed in flight.
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from enum import Enum

from ossetia_reader.core.article import Article
from ossetia_reader.core.download import (
    FetchError,
    FetchLimits,
    FetchStopped,
    Response,
    download,
)
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

__all__ = [  # with the download names callers of fetch_all use (FetchLimits, FetchError)
    "FeedProgress",
    "FeedResult",
    "FeedState",
    "FetchError",
    "FetchLimits",
    "FetchStopped",
    "FetchSummary",
    "Response",
    "download",
    "fetch_all",
]


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
    run_ends = started + limits.run_deadline
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
            future = pool.submit(
                _fetch_one, feed, known, full_text, limits, events, stop.is_set, run_ends
            )
            pending[future] = feed
        while pending:
            done, _ = wait(list(pending), timeout=0.1, return_when=FIRST_COMPLETED)
            _drain(events, tell)
            if time.monotonic() > run_ends:  # feeds still queued never start; running ones
                late = f"not fetched: the refresh took over {limits.run_deadline:g} s"
                for future, feed in list(pending.items()):  # end by run_ends on their own
                    if future.cancel():
                        del pending[future]
                        results[feed.url] = FeedResult(
                            feed.url, feed.name, FeedState.FAILED, error=late
                        )
                        tell(FeedProgress(feed.url, feed.name, FeedState.FAILED, error=late))
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
    run_ends: float,
) -> _Fetched:
    """Download and parse one feed (worker thread: no library access here).

    The feed and its full-text pages share one deadline (``feed_deadline``,
    cut short by the run's), so a slow site cannot hold a worker past it.
    """
    if should_stop():
        return _Fetched(feed, stopped=True)
    events.put(FeedProgress(feed.url, feed.name, FeedState.FETCHING))
    fetched = _Fetched(feed)
    ends = min(time.monotonic() + limits.feed_deadline, run_ends)
    try:
        fetched.response = download(
            feed.url,
            max_bytes=limits.max_feed_bytes,
            limits=limits,
            etag=feed.etag,
            last_modified=feed.last_modified,
            allow_file=True,
            should_stop=should_stop,
            not_after=ends,
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
        _add_full_text(fetched, known, limits, events, should_stop, ends)
    return fetched


def _add_full_text(
    fetched: _Fetched,
    known: frozenset[str],
    limits: FetchLimits,
    events: queue.SimpleQueue[FeedProgress],
    should_stop: Callable[[], bool],
    ends: float,
) -> None:
    """Replace each new item's summary by its page's extracted main text, until ``ends``."""
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
        if time.monotonic() >= ends:
            left = len(wanted) - done + 1
            fetched.page_warnings.append(f"{left} pages skipped: the feed's time ran out")
            break
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
                not_after=ends,
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
