"""``add``, ``export``, ``feeds ...`` and ``fetch``: the ways in and out of the library."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from ossetia_reader.cli.base import CliContext, UserError, echo_json, main, pass_cli
from ossetia_reader.cli.search import update_index

if TYPE_CHECKING:
    from rich.console import Console

    from ossetia_reader.core.fetch import FeedProgress, FetchLimits
    from ossetia_reader.core.importer import ImportReport


def _console(err: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=err, highlight=False)


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """Standard output, or ``path``: a file written whole or not at all, a device or pipe as is.

    A regular file (or a link to one) is written to a temp file, fsynced and
    renamed over it. Renaming over ``/dev/full`` or a FIFO would replace the
    device with a file and report success, so character devices and pipes
    are written through, and a failed write there is one line, not success.
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        mode: int | None = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise UserError(f"cannot write {path}: {error.strerror or error}") from None
    if mode is not None and not stat.S_ISREG(mode):
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise UserError(f"cannot write {path}: not a file, a character device or a pipe")
        try:
            with path.open("w", encoding="utf-8") as stream:
                yield stream
        except OSError as error:
            raise UserError(f"cannot write {path}: {error.strerror or error}") from None
        return
    target = path.resolve()  # a link to a file: the file is replaced, the link stays
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
        "w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.", delete=False
    )
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


# -- add / export ---------------------------------------------------------------


@main.command()
@click.argument("sources", nargs=-1, required=True)
@pass_cli
def add(cli: CliContext, sources: tuple[str, ...]) -> None:
    """Import articles from files, folders and URLs.

    SOURCES are stored-article text files, Markdown with front matter, HTML
    pages (main text extracted), RSS/Atom/JSON Feed files, JSON Lines (the
    corpora schema or an 'export'), folders of these, or http(s) URLs.
    Each gets one line: added, updated, skipped or failed, with the reason.
    """
    from rich.text import Text

    from ossetia_reader.core.importer import Status, import_paths

    library = cli.open_library()
    console = _console()

    def show(report: ImportReport) -> None:
        line = Text()
        style = {"added": "green", "updated": "cyan", "failed": "red"}.get(report.status.value, "")
        line.append(f"{report.status.value:<8}", style=style)
        numbers = (
            (report.added, "new"),
            (report.updated, "changed"),
            (report.skipped, "unchanged"),
            (report.failed, "bad"),
        )
        counts = [f"{n} {word}" for n, word in numbers if n]
        line.append(f"{', '.join(counts) or '-':<22} ")
        line.append(report.source)
        if report.reason:
            line.append(
                f"  ({report.reason})", style="dim" if report.status is not Status.FAILED else "red"
            )
        console.print(line, soft_wrap=True)

    # A library without a usable index gets it built while the articles are stored
    # (tokenizing in worker processes beside the import), not read back afterwards.
    from ossetia_reader.core.search.importing import ImportIndexer

    indexer = ImportIndexer.start(library, workers=min(2, os.cpu_count() or 1))
    try:
        reports = import_paths(
            library, list(sources), report=show, on_stored=indexer.stored if indexer else None
        )
    except BaseException:
        if indexer is not None:
            indexer.discard()
        raise
    failed = sum(1 for r in reports if r.status is Status.FAILED)
    summary = (
        f"{len(reports)} sources: {sum(r.added for r in reports)} articles added, "
        f"{sum(r.updated for r in reports)} updated, {sum(r.skipped for r in reports)} unchanged"
    )
    console.print(Text(summary + (f", {failed} failed" if failed else "")))
    changed = any(r.added or r.updated for r in reports)
    built = indexer.finish(click.echo) if indexer is not None and changed else None
    if indexer is not None and built is None:
        indexer.discard()
    if changed and built is None:
        update_index(cli)
    if failed:
        raise UserError(f"{failed} of {len(reports)} sources could not be imported")


@main.command()
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE."
)
@pass_cli
def export(cli: CliContext, output: Path | None) -> None:
    """Print the whole library as JSON Lines (one article a line, with read/starred/tags).

    Saved searches and filters follow the articles, one line each.
    'ossetia-reader add' reads the file back without duplicating anything.
    """
    from ossetia_reader.core.importer import export_records

    library = cli.open_library()
    count = 0
    with _output(output) as stream:
        for record in export_records(library):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += "record" not in record  # saved searches and filters ride along
    if output is not None:
        click.echo(f"exported {count} articles to {output}", err=True)


# -- feeds ----------------------------------------------------------------------


@main.group()
def feeds() -> None:
    """Manage feed subscriptions (then run 'ossetia-reader fetch')."""


@feeds.command("add")
@click.argument("url")
@click.option("--title", help="Call the feed this instead of the title it announces.")
@pass_cli
def feeds_add(cli: CliContext, url: str, title: str | None) -> None:
    """Subscribe to the feed at URL (http, https, or a local file)."""
    from ossetia_reader.core.subscriptions import (
        SubscriptionError,
        add_feed,
        get_feed,
        normalize_feed_url,
    )

    library = cli.open_library()
    try:
        existed = get_feed(library, normalize_feed_url(url)) is not None
        feed = add_feed(library, url, title)
    except SubscriptionError as error:
        raise UserError(str(error)) from None
    word = "already subscribed to" if existed else "subscribed to"
    click.echo(f"{word} {feed.url} (run 'ossetia-reader fetch' to read it)")


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@pass_cli
def feeds_list(cli: CliContext, as_json: bool) -> None:
    """List subscriptions with how their last fetch went."""
    from rich.table import Table
    from rich.text import Text

    from ossetia_reader.core.subscriptions import list_feeds

    subscriptions = list_feeds(cli.open_library())
    if as_json:
        echo_json(
            [
                {
                    "url": f.url,
                    "title": f.title,
                    "last_fetch": f.last_fetch,
                    "last_status": f.last_status,
                    "last_error": f.last_error,
                }
                for f in subscriptions
            ]
        )
        return
    if not subscriptions:
        click.echo("no subscriptions (add one with 'ossetia-reader feeds add URL')")
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("title", "url", "last fetch", "status"):
        table.add_column(column, overflow="fold")
    for f in subscriptions:
        status = f.last_status or "never fetched"
        if f.last_error:
            status += f": {f.last_error}"
        table.add_row(Text(f.title or "—"), Text(f.url), Text(f.last_fetch or "—"), Text(status))
    _console().print(table)


@feeds.command("remove")
@click.argument("url")
@pass_cli
def feeds_remove(cli: CliContext, url: str) -> None:
    """Unsubscribe from URL (or the feed with that title); its articles stay."""
    from ossetia_reader.core.subscriptions import find_feed, remove_feed

    library = cli.open_library()
    feed = find_feed(library, url)
    if feed is None or not remove_feed(library, feed.url):
        raise UserError(f"not subscribed to {url!r} (see 'ossetia-reader feeds list')")
    click.echo(f"unsubscribed from {feed.url}")


@feeds.command("import")
@click.option(
    "--allow-files",
    is_flag=True,
    help="Also subscribe to local files the list names (refused unless you say so).",
)
@click.argument("opml_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_cli
def feeds_import(cli: CliContext, allow_files: bool, opml_file: Path) -> None:
    """Subscribe to every feed in an OPML file (web feeds; local files only with --allow-files)."""
    from ossetia_reader.core.formats.detect import FormatError
    from ossetia_reader.core.local_file import read_document
    from ossetia_reader.core.sanitize import safe_line
    from ossetia_reader.core.subscriptions import import_opml

    try:
        data, _ = read_document(opml_file, 16 * 1024 * 1024)
        added, skipped = import_opml(cli.open_library(), data, allow_files=allow_files)
    except FormatError as error:
        raise UserError(f"{opml_file}: {error}") from None
    except OSError as error:
        raise UserError(f"{opml_file}: {error.strerror or error}") from None
    for feed in added:
        click.echo(f"subscribed to {feed.url}")
    for reason in skipped:
        if reason.startswith("refused"):
            click.echo(safe_line(reason), err=True)
    click.echo(f"{len(added)} feeds added, {len(skipped)} skipped")


@feeds.command("export")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE."
)
@pass_cli
def feeds_export(cli: CliContext, output: Path | None) -> None:
    """Print every subscription as OPML 2.0."""
    from ossetia_reader.core.subscriptions import export_opml

    document = export_opml(cli.open_library())
    with _output(output) as stream:
        stream.write(document + "\n")


# -- fetch ----------------------------------------------------------------------


@main.command()
@click.option("--full-text", is_flag=True, help="Fetch each new item's page for its full text.")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=None,
    metavar="SECONDS",
    help="Give up on feeds not done after SECONDS in all (default 600).",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="For cron and timers: print only one line per failing feed; exit 1 if any failed.",
)
@click.argument("urls", nargs=-1)
@pass_cli
def fetch(
    cli: CliContext, full_text: bool, time_limit: float | None, quiet: bool, urls: tuple[str, ...]
) -> None:
    """Refresh subscribed feeds (all, or just URLS) and store new articles."""
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from ossetia_reader.core.fetch import FeedState, FetchLimits, fetch_all
    from ossetia_reader.core.subscriptions import find_feed, list_feeds

    library = cli.open_library()
    chosen: list[str] | None = None
    if urls:
        chosen = []
        for url in urls:
            feed = find_feed(library, url)
            if feed is None:
                raise UserError(f"not subscribed to {url!r} (see 'ossetia-reader feeds list')")
            chosen.append(feed.url)
    elif not list_feeds(library):
        raise UserError("no subscriptions: add one with 'ossetia-reader feeds add URL'")
    console = _console(err=True)
    progress = Progress(
        TextColumn("{task.fields[name]}", markup=False),
        BarColumn(bar_width=20),
        TextColumn("{task.fields[status]}", markup=False),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    tasks: dict[str, TaskID] = {}

    def show(update: FeedProgress) -> None:
        name = update.name if len(update.name) <= 40 else update.name[:15] + "…" + update.name[-24:]
        if update.url not in tasks:
            tasks[update.url] = progress.add_task("", total=3, name=name, status="queued")
        task = tasks[update.url]
        status = update.state.value
        if update.state is FeedState.FULL_TEXT:
            status = f"pages {update.pages_done}/{update.pages_total}"
        elif update.state is FeedState.DONE:
            status = f"{update.added} new, {update.updated} changed"
        elif update.state is FeedState.FAILED:
            status = f"failed: {update.error}"
        # Steps: fetched the feed (1), each page for --full-text, stored (1).
        total = 2 + update.pages_total
        if update.state is FeedState.QUEUED:
            done = 0
        elif update.state is FeedState.FULL_TEXT:
            done = 1 + update.pages_done
        else:
            done = total if update.state.finished else 1
        progress.update(task, name=name, status=status, total=total, completed=done)

    limits = FetchLimits()
    if time_limit is not None:
        limits = replace(limits, run_deadline=time_limit, deadline=min(60, time_limit))
    if quiet:
        _fetch_quietly(cli, full_text, chosen, limits)
        return
    with progress:
        summary = fetch_all(library, full_text=full_text, progress=show, urls=chosen, limits=limits)
    line = (
        f"{len(summary.results)} feeds in {summary.seconds:.1f} s: {summary.added} new articles, "
        f"{summary.updated} changed, {summary.not_modified} not modified, {summary.failed} failed"
    )
    _console().print(Text(line))
    if summary.added or summary.updated:
        update_index(cli)
    if summary.failed:
        raise UserError(f"{summary.failed} of {len(summary.results)} feeds failed")


def _fetch_quietly(
    cli: CliContext, full_text: bool, urls: list[str] | None, limits: FetchLimits
) -> None:
    """``fetch --quiet``: silence when all went well, else one line per failing feed."""
    from ossetia_reader.cli.search import _open
    from ossetia_reader.core.fetch import FeedState, fetch_all
    from ossetia_reader.core.sanitize import safe_line

    library = cli.open_library()
    summary = fetch_all(library, full_text=full_text, urls=urls, limits=limits)
    if summary.added or summary.updated:
        _open(cli, notify=lambda message: None)  # the index catches up, silently
    failed = [r for r in summary.results if r.state is FeedState.FAILED]
    for result in failed:
        click.echo(f"{safe_line(result.url)}: {safe_line(result.error or 'failed')}", err=True)
    if failed:
        sys.exit(1)
