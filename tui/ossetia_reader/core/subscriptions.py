"""Feed subscriptions: the library's ``feeds`` table.

A subscription is a URL (http, https, or a local file as a ``file:`` URL) with
what the last fetch learned: the title, the validators for the next
conditional GET (ETag, Last-Modified) and how it went. Removing a
subscription keeps the articles it brought in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ossetia_reader.core.library import Library
from ossetia_reader.core.sanitize import safe_line

STATUS_OK = "ok"
STATUS_NOT_MODIFIED = "not modified"
STATUS_FAILED = "failed"

_COLUMNS = (
    "url, title, etag, last_modified, last_fetch, last_status, last_error, tags, refresh_minutes"
)


class SubscriptionError(ValueError):
    """A URL that cannot be subscribed to; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Feed:
    """One subscription and what its last fetch found."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_fetch: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    tags: tuple[str, ...] = ()
    refresh_minutes: int | None = None  # None: the config's refresh_minutes

    @property
    def name(self) -> str:
        """What to call the feed on screen."""
        return self.title or self.url


def normalize_feed_url(text: str, *, local: bool = True) -> str:
    """An http(s) or file URL for ``text``; a local path becomes a ``file:`` URL.

    Args:
        text: what the person typed, or what a list said.
        local: whether a local file may be named. Only a person subscribing
            directly may; a list from elsewhere (OPML) naming ``/etc/shadow``
            must not make the reader read it.

    Raises:
        SubscriptionError: neither a web URL nor, when allowed, a regular file.
    """
    from ossetia_reader.core.local_file import check_document

    text = text.strip()
    scheme = urlsplit(text).scheme.lower() if "://" in text else ""
    if scheme in ("http", "https"):
        if not urlsplit(text).hostname:
            raise SubscriptionError(f"not a feed URL: {safe_line(text)!r} has no host")
        return safe_line(text)
    if scheme and scheme != "file":
        raise SubscriptionError(f"cannot subscribe to {scheme}: URLs (only http, https, files)")
    if not local:
        raise SubscriptionError(
            f"refused a local file from a list: {safe_line(text)[:200]!r} "
            "(subscribe to it directly with 'feeds add PATH')"
        )
    from urllib.request import url2pathname  # http.client etc.: not before the first frame

    path = Path(url2pathname(urlsplit(text).path) if scheme else text).expanduser()
    try:
        check_document(path)
    except FileNotFoundError:
        raise SubscriptionError(
            f"not a feed URL or an existing file: {safe_line(text)!r}"
        ) from None
    except OSError as error:
        raise SubscriptionError(f"cannot subscribe: {safe_line(str(error))}") from None
    return path.resolve().as_uri()


def add_feed(library: Library, url: str, title: str | None = None) -> Feed:
    """Subscribe to ``url`` (already subscribed: nothing changes). Returns the subscription.

    Raises:
        SubscriptionError: the URL cannot be subscribed to.
    """
    url = normalize_feed_url(url)
    with library.transaction() as db:
        db.execute(
            "INSERT OR IGNORE INTO feeds (url, title) VALUES (?, ?)",
            [url, safe_line(title) if title else None],
        )
    feed = get_feed(library, url)
    assert feed is not None
    return feed


def list_feeds(library: Library) -> list[Feed]:
    """Every subscription, by title then URL."""
    rows = library.query(f"SELECT {_COLUMNS} FROM feeds ORDER BY coalesce(title, url), url")
    return [_feed(row) for row in rows]


def get_feed(library: Library, url: str) -> Feed | None:
    """The subscription to exactly ``url``."""
    rows = library.query(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", [url])
    return _feed(rows[0]) if rows else None


def find_feed(library: Library, text: str) -> Feed | None:
    """The subscription ``text`` names: its URL (as typed or normalised) or its title."""
    feed = get_feed(library, text.strip())
    if feed is None:
        try:
            feed = get_feed(library, normalize_feed_url(text))
        except SubscriptionError:
            feed = None
    if feed is None:
        rows = library.query(f"SELECT {_COLUMNS} FROM feeds WHERE title = ? LIMIT 2", [text])
        feed = _feed(rows[0]) if len(rows) == 1 else None
    return feed


def remove_feed(library: Library, url: str) -> bool:
    """Unsubscribe (its articles stay in the library). False when there was no such feed."""
    with library.transaction() as db:
        return db.execute("DELETE FROM feeds WHERE url = ?", [url]).rowcount > 0


def split_tags(text: str | None) -> tuple[str, ...]:
    """The ``tags`` column (comma-separated) as a tuple."""
    return tuple(tag.strip() for tag in (text or "").split(",") if tag.strip())


def clean_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Tags as stored: safe one-line words without commas, no repeats, in the order given."""
    cleaned: list[str] = []
    for tag in tags:
        tag = safe_line(tag).replace(",", " ").strip()[:60]
        if tag and tag not in cleaned:
            cleaned.append(tag)
    return tuple(cleaned)


def tag_feed(library: Library, url: str, tags: list[str] | tuple[str, ...]) -> Feed:
    """Give a feed exactly these tags (none: untagged); the pane groups feeds by them."""
    with library.transaction() as db:
        db.execute("UPDATE feeds SET tags = ? WHERE url = ?", [",".join(clean_tags(tags)), url])
    feed = get_feed(library, url)
    if feed is None:
        raise SubscriptionError(f"not subscribed to {url}")
    return feed


def rename_feed(library: Library, url: str, title: str) -> Feed:
    """Call a feed ``title`` (empty: the title it announces at the next fetch)."""
    cleaned = safe_line(title).strip()[:200] or None
    with library.transaction() as db:
        db.execute("UPDATE feeds SET title = ? WHERE url = ?", [cleaned, url])
    feed = get_feed(library, url)
    if feed is None:
        raise SubscriptionError(f"not subscribed to {url}")
    return feed


def set_refresh_minutes(library: Library, url: str, minutes: int | None) -> None:
    """Refresh this feed every ``minutes`` (0: never automatically; None: as configured)."""
    with library.transaction() as db:
        db.execute("UPDATE feeds SET refresh_minutes = ? WHERE url = ?", [minutes, url])


def due_feeds(library: Library, default_minutes: int, now: dt.datetime | None = None) -> list[str]:
    """Feeds whose refresh interval (their own, else ``default_minutes``) has passed.

    An interval of 0 means "never by itself"; a feed never fetched is due at once.
    """
    now = now or dt.datetime.now(dt.UTC)
    due: list[str] = []
    for feed in list_feeds(library):
        minutes = feed.refresh_minutes if feed.refresh_minutes is not None else default_minutes
        if minutes <= 0:
            continue
        last = _parse_time(feed.last_fetch)
        if last is None or now - last >= dt.timedelta(minutes=minutes):
            due.append(feed.url)
    return due


def _parse_time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def import_opml(
    library: Library, data: bytes, *, allow_files: bool = False
) -> tuple[list[Feed], list[str]]:
    """Subscribe to every feed in an OPML document, in one transaction.

    A list comes from elsewhere: the local files it names are refused unless
    the person importing it says ``allow_files`` (their own export, say).

    Returns:
        The new subscriptions, and one line for each outline that was skipped.

    Raises:
        FormatError: the document is not OPML.
    """
    added: list[Feed] = []
    skipped: list[str] = []
    from ossetia_reader.core.formats.opml import parse_opml  # the feed parsers: on use only

    outlines = parse_opml(data)
    with library.transaction() as db:
        for outline in outlines:
            try:
                url = normalize_feed_url(outline.url, local=allow_files)
            except SubscriptionError as error:
                skipped.append(str(error))
                continue
            tags = clean_tags(outline.tags)
            cursor = db.execute(
                "INSERT OR IGNORE INTO feeds (url, title, tags) VALUES (?, ?, ?)",
                [url, outline.title or None, ",".join(tags)],
            )
            if cursor.rowcount:
                added.append(Feed(url, outline.title or None, tags=tags))
            else:
                skipped.append(f"already subscribed: {url}")
    return added, skipped


def export_opml(library: Library) -> str:
    """Every subscription as an OPML 2.0 document."""
    from ossetia_reader.core.formats.opml import Outline, write_opml

    return write_opml(
        [Outline(feed.url, feed.title or "", feed.tags) for feed in list_feeds(library)]
    )


def record_fetch(
    library: Library,
    url: str,
    *,
    status: str,
    error: str | None = None,
    title: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> None:
    """Store how a fetch of ``url`` went.

    Validators change only when a fetch succeeded; a title the user gave (or an
    OPML file named) is kept over the one the feed announces.
    """
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with library.transaction() as db:
        if status == STATUS_OK:
            db.execute(
                "UPDATE feeds SET title = coalesce(title, ?), etag = ?, last_modified = ?, "
                "last_fetch = ?, last_status = ?, last_error = ? WHERE url = ?",
                [title, etag, last_modified, now, status, error, url],
            )
        else:
            db.execute(
                "UPDATE feeds SET last_fetch = ?, last_status = ?, last_error = ? WHERE url = ?",
                [now, status, error, url],
            )


def _feed(row: tuple[object, ...]) -> Feed:
    url, title, etag, modified, fetched, status, error, tags, minutes = row

    def text(value: object) -> str | None:
        return value if isinstance(value, str) else None

    return Feed(
        str(url),
        title=text(title),
        etag=text(etag),
        last_modified=text(modified),
        last_fetch=text(fetched),
        last_status=text(status),
        last_error=text(error),
        tags=split_tags(text(tags)),
        refresh_minutes=minutes if isinstance(minutes, int) else None,
    )
