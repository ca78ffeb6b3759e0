"""``ossetia-reader add``: files, folders and URLs into the library.

Every source gets one report: added, updated, skipped or failed, with a
one-line reason. A bad file never stops the others, and never touches what
the library already holds: each file is stored in its own transaction (JSON
Lines in batches of ``BATCH`` lines), so a kill loses at most the batch in
flight.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ossetia_reader.core.article import Article
from ossetia_reader.core.formats.detect import (
    HEAD_BYTES,
    IMPORTABLE_SUFFIXES,
    Format,
    FormatError,
    detect_format,
)
from ossetia_reader.core.formats.encoding import decode_bytes
from ossetia_reader.core.formats.jsonl import LineError, Record, iter_jsonl
from ossetia_reader.core.library import Added, Library, LibraryError, Outcome
from ossetia_reader.core.local_file import check_document
from ossetia_reader.core.sanitize import safe_line

BATCH = 1000
MAX_FILE_BYTES = 256 * 1024 * 1024  # one article or feed file; JSON Lines stream instead
_SKIPPED_NAMES = ("readme.", "license.", "licence.", "changelog.")


class Status(Enum):
    """What importing one source did, as a whole."""

    ADDED = "added"
    UPDATED = "updated"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ImportReport:
    """One source's outcome. ``reason`` says why it failed or was skipped, or what looked odd."""

    source: str
    status: Status
    format: str = ""
    added: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    reason: str | None = None
    keys: tuple[int, ...] = ()  # articles added or changed, for the search index


def import_paths(
    library: Library,
    sources: list[str],
    report: Callable[[ImportReport], None] | None = None,
    *,
    should_stop: Callable[[], bool] | None = None,
    on_stored: Callable[[list[Added]], None] | None = None,
) -> list[ImportReport]:
    """Import files, folders (recursively) and http(s) URLs.

    Args:
        library: where the articles go.
        sources: paths, folders or URLs, as a person typed them.
        report: told of each file's outcome as soon as it is known.
        should_stop: polled between files and between JSON Lines batches;
            True ends the import there (what was stored stays stored).
        on_stored: told of every stored batch, after its transaction (the
            search index can be built from it while the import goes on).

    Returns:
        One report per file or URL handled, in order.
    """
    stop = should_stop or (lambda: False)
    told = on_stored or (lambda added: None)
    reports: list[ImportReport] = []
    for source in sources:
        for item in _expand(source):
            if stop():
                return reports
            if isinstance(item, ImportReport):
                result = item
            elif isinstance(item, Path):
                result = _guard(str(item), partial(_import_file, library, item, stop, told))
            else:
                result = _guard(item, partial(_import_url, library, item, stop, told))
            result = replace(result, source=safe_line(result.source))  # shown to people
            reports.append(result)
            if report is not None:
                report(result)
    return reports


def store_articles(library: Library, articles: list[Article]) -> list[Added]:
    """Store articles in one transaction, keeping distinct feed items distinct.

    The library takes two articles with one URL for one story. Within a feed
    that is wrong when several items point to one page (a podcast's home
    page): a new item whose link an earlier item of the same feed already
    has is stored without that link rather than overwriting the earlier item.
    """
    for article in articles:
        if article.feed is None or article.url is None:
            continue
        rows = library.query("SELECT id, feed FROM articles WHERE url = ? LIMIT 20", [article.url])
        if not rows or any(row[0] == article.id for row in rows):
            continue
        if any(row[1] == article.feed for row in rows) and not library.query(
            "SELECT 1 FROM articles WHERE id = ?", [article.id]
        ):
            article.url = None
    return library.add(articles)


# -- sources --------------------------------------------------------------------


def _expand(source: str) -> Iterator[Path | str | ImportReport]:
    """A source as the files (or URL) it stands for."""
    scheme = urlsplit(source).scheme.lower() if "://" in source else ""
    if scheme in ("http", "https"):
        yield source
        return
    if scheme == "file":
        source = url2pathname(urlsplit(source).path)
    elif scheme:
        yield ImportReport(source, Status.FAILED, reason=f"cannot import {scheme}: URLs")
        return
    path = Path(source).expanduser()
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in IMPORTABLE_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and not p.name.lower().startswith(_SKIPPED_NAMES)
        )
        if not files:
            yield ImportReport(source, Status.SKIPPED, reason="no importable files in folder")
        yield from files
    elif path.exists():
        try:
            check_document(path)  # not /dev/zero, a FIFO or /proc/self/environ
        except OSError as error:
            yield ImportReport(source, Status.FAILED, reason=str(error))
            return
        yield path
    else:
        yield ImportReport(source, Status.FAILED, reason="no such file or directory")


def _guard(source: str, run: Callable[[], ImportReport]) -> ImportReport:
    """Turn every expected failure into a report; the library stays as it was."""
    try:
        return run()
    except FormatError as error:
        return ImportReport(source, Status.FAILED, reason=str(error))
    except LibraryError:
        raise  # the library itself is unwritable: stop, do not report every file
    except OSError as error:
        return ImportReport(source, Status.FAILED, reason=error.strerror or str(error))
    except MemoryError:
        return ImportReport(source, Status.FAILED, reason="too large to import in memory")
    except Exception as error:  # a parser bug costs one file, not the whole import
        text = safe_line(str(error))[:120]
        return ImportReport(
            source, Status.FAILED, reason=f"unexpected error: {type(error).__name__}: {text}"
        )


def _import_file(
    library: Library, path: Path, stop: Callable[[], bool], told: Callable[[list[Added]], None]
) -> ImportReport:
    check_document(path)  # files found in a folder too: a link there may name a device
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    kind = detect_format(path.name, head)
    if kind is Format.JSONL:
        with path.open("r", encoding="utf-8", errors="replace", newline="\n") as stream:
            return _import_jsonl(library, str(path), stream, stop, told)
    if kind is Format.OPML:
        raise FormatError("an OPML subscription list: use 'ossetia-reader feeds import'")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FormatError(f"too large: {size:,} bytes (limit {MAX_FILE_BYTES:,})")
    origin = path.resolve().as_uri()
    articles, warnings = _parse_document(
        kind, path.read_bytes(), stem=path.stem, origin=origin, url=None
    )
    added = store_articles(library, articles)
    told(added)
    return _report(str(path), kind, added, warnings)


def _import_url(
    library: Library, url: str, stop: Callable[[], bool], told: Callable[[list[Added]], None]
) -> ImportReport:
    from ossetia_reader.core.download import FetchError, FetchLimits, download

    limits = FetchLimits()
    try:
        response = download(url, max_bytes=limits.max_feed_bytes, limits=limits, accept="*/*")
    except FetchError as error:
        return ImportReport(url, Status.FAILED, reason=str(error))
    name = urlsplit(response.url).path.rsplit("/", 1)[-1] or "index.html"
    kind = detect_format(name, response.data[:HEAD_BYTES])
    if kind is Format.JSONL:
        text, _ = decode_bytes(response.data)
        return _import_jsonl(library, url, io.StringIO(text), stop, told)
    if kind is Format.OPML:
        raise FormatError("an OPML subscription list: use 'ossetia-reader feeds import'")
    if kind is Format.STORED_TEXT and "html" in (response.content_type or "").lower():
        kind = Format.HTML
    stem = Path(name).stem or urlsplit(response.url).hostname or "page"
    articles, warnings = _parse_document(
        kind,
        response.data,
        stem=stem,
        origin=response.url,
        url=response.url,
        content_type=response.content_type,
    )
    added = store_articles(library, articles)
    told(added)
    return _report(url, kind, added, warnings)


def _parse_document(
    kind: Format,
    data: bytes,
    *,
    stem: str,
    origin: str,
    url: str | None,
    content_type: str | None = None,
) -> tuple[list[Article], list[str]]:
    """One whole document → its articles and what looked odd."""
    if kind is Format.FEED:
        from ossetia_reader.core.formats.feeds import parse_feed

        parsed = parse_feed(data, feed_key=origin, content_type=content_type, base_url=url)
        return parsed.articles, parsed.warnings
    if kind is Format.HTML:
        from ossetia_reader.core.formats.html import parse_html_page

        return [parse_html_page(data, url=url, fallback_id=stem, origin=origin)], []
    text, encoding = decode_bytes(data)
    if kind is Format.MARKDOWN:
        from ossetia_reader.core.formats.markdown import parse_markdown

        article = parse_markdown(text, fallback_id=stem, base_url=url, origin=origin)
    else:
        from ossetia_reader.core.formats.stored_text import parse_stored_text

        article = parse_stored_text(text, stem)
    warnings = list(article.warnings)
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"decoded as {encoding}")
    if not article.body.strip() and article.title == stem:
        raise FormatError("no article text found")
    return [article], warnings


def _import_jsonl(
    library: Library,
    source: str,
    stream: Iterable[str],
    stop: Callable[[], bool],
    told: Callable[[list[Added]], None] = lambda added: None,
) -> ImportReport:
    """Stream JSON Lines in batches, each its own transaction."""
    counts = {outcome: 0 for outcome in Outcome}
    keys: list[int] = []
    failed = 0
    first_error: str | None = None
    stopped = False
    batch: list[Record] = []

    def flush() -> None:
        added = store_articles(library, [record.article for record in batch])
        _apply_state(library, added, batch)
        _count_spans(library, added, batch)
        told(added)
        for item in added:
            counts[item.outcome] += 1
            if item.outcome is not Outcome.SKIPPED:
                keys.append(item.key)
        batch.clear()

    with library.bulk():
        for item in iter_jsonl(_take_named_queries(library, stream)):  # type: ignore[arg-type]
            if isinstance(item, LineError):
                failed += 1
                first_error = first_error or item.reason
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                flush()
                if stop():
                    stopped = True
                    break
        if batch:
            flush()
    stored = sum(counts.values())
    reason = None
    if failed:
        reason = f"{failed} bad lines, first: {first_error}"
    elif not stored:
        reason = "no articles in file"
    if stopped:
        reason = f"stopped after {stored + failed:,} lines" + (f"; {reason}" if reason else "")
    return ImportReport(
        source,
        _status(counts, failed=not stored and failed > 0),
        Format.JSONL.value,
        added=counts[Outcome.ADDED],
        updated=counts[Outcome.UPDATED],
        skipped=counts[Outcome.SKIPPED],
        failed=failed,
        reason=reason,
        keys=tuple(keys),
    )


def _take_named_queries(library: Library, stream: Iterable[str]) -> Iterator[str]:
    """Pass article lines on; store the saved searches and filters an export carries.

    A blank line stands in for each one taken, so error messages keep their line numbers.
    """
    from ossetia_reader.core.enrich import corrections
    from ossetia_reader.core.saved import from_record, save

    for line in stream:
        if line.startswith('{"record": "ossetia-reader/'):
            try:
                value = json.loads(line)
            except ValueError:
                value = None
            saved = from_record(value) if isinstance(value, dict) else None
            if saved is not None:
                save(library, saved.name, saved.query, saved.kind, saved.order)
                yield "\n"
                continue
            correction = corrections.from_record(value)
            if correction is not None:
                corrections.restore(library, [correction])
                yield "\n"
                continue
        yield line


def _count_spans(library: Library, added: list[Added], records: list[Record]) -> None:
    """Spans an export carries go into the library-wide counts too, so the people
    screen, entity views and ``entities`` see an imported library without
    ``enrich --rebuild`` (the articles are stored as enriched)."""
    from ossetia_reader.core.enrich.store import store_batch

    spans = [
        (a.key, r.article.entities, r.article.quotes)
        for a, r in zip(added, records, strict=True)
        if a.outcome is not Outcome.SKIPPED and (r.article.entities or r.article.quotes)
    ]
    if spans:
        store_batch(library, spans)


def _apply_state(library: Library, added: list[Added], records: list[Record]) -> None:
    """Carry read/starred/tags from an export over; state is only ever added, never cleared."""
    changes = [
        (a.key, r) for a, r in zip(added, records, strict=True) if r.read or r.starred or r.tags
    ]
    if not changes:
        return
    with library.transaction() as db:
        for key, record in changes:
            if record.read:
                db.execute("UPDATE articles SET read = 1 WHERE key = ?", [key])
            if record.starred:
                db.execute("UPDATE articles SET starred = 1 WHERE key = ?", [key])
            if record.tags:
                row = db.execute("SELECT tags FROM articles WHERE key = ?", [key]).fetchone()
                tags = split_tags(row[0] if row else "")
                merged = tags + [t for t in record.tags if t not in tags]
                db.execute("UPDATE articles SET tags = ? WHERE key = ?", [join_tags(merged), key])


def split_tags(text: str | None) -> list[str]:
    """The ``tags`` column (comma-separated) as a list."""
    return [tag.strip() for tag in (text or "").split(",") if tag.strip()]


def join_tags(tags: Iterable[str]) -> str:
    """A list of tags as the ``tags`` column stores them."""
    return ",".join(tag.replace(",", " ").strip() for tag in tags if tag.strip())


def _report(source: str, kind: Format, added: list[Added], warnings: list[str]) -> ImportReport:
    counts = {outcome: 0 for outcome in Outcome}
    for item in added:
        counts[item.outcome] += 1
    reason = "; ".join(dict.fromkeys(warnings)) or None
    if not added:
        reason = reason or "nothing to import"
    return ImportReport(
        source,
        _status(counts),
        kind.value,
        added=counts[Outcome.ADDED],
        updated=counts[Outcome.UPDATED],
        skipped=counts[Outcome.SKIPPED],
        reason=safe_line(reason)[:300] if reason else None,
        keys=tuple(a.key for a in added if a.outcome is not Outcome.SKIPPED),
    )


def _status(counts: dict[Outcome, int], *, failed: bool = False) -> Status:
    if failed:
        return Status.FAILED
    if counts[Outcome.ADDED]:
        return Status.ADDED
    if counts[Outcome.UPDATED]:
        return Status.UPDATED
    return Status.SKIPPED


def export_records(library: Library) -> Iterator[dict[str, object]]:
    """Every article as one JSON-ready object with its reading state (the export format).

    ``add`` reads these back without duplicates, state included.
    """
    from ossetia_reader.core.export import article_to_json

    batch: list[Article] = []

    def flush() -> Iterator[dict[str, object]]:
        keys = [a.key for a in batch]
        marks = ",".join("?" * len(keys))
        state = {
            row[0]: row[1:]
            for row in library.query(
                f"SELECT key, read, starred, tags FROM articles WHERE key IN ({marks})", keys
            )
        }
        for article in batch:
            read, starred, tags = state.get(article.key, (0, 0, ""))
            record: dict[str, object] = article_to_json(article)
            record.update(read=bool(read), starred=bool(starred), tags=split_tags(tags))
            yield record
        batch.clear()

    # Spans as enrichment stored them: the corrections follow as records of their own,
    # so the library they are added to can still undo them.
    for article in library.iter_articles(corrected=False):
        batch.append(article)
        if len(batch) >= 500:
            yield from flush()
    if batch:
        yield from flush()
    from ossetia_reader.core.saved import Kind, list_saved, to_record

    for kind in Kind:
        for saved in list_saved(library, kind):
            yield to_record(saved)
    from ossetia_reader.core.enrich import corrections

    for correction in reversed(corrections.listed(library)):  # oldest first
        yield corrections.to_record(correction)
