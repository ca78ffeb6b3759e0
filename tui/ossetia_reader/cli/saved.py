"""``saved``, ``filters`` and ``feeds tag/rename``: the feeds pane's data, headless."""

from __future__ import annotations

import click

from ossetia_reader.cli.base import CliContext, UserError, echo_json, main, pass_cli
from ossetia_reader.cli.library import feeds
from ossetia_reader.core.sanitize import safe_line


def _named_group(kind_value: str, noun: str) -> click.Group:
    """``add NAME QUERY | list | remove NAME`` for one kind of named query."""

    @click.group(name=f"{noun}s" if noun == "filter" else "saved")
    def group() -> None:
        pass

    @group.command("add", context_settings={"ignore_unknown_options": True})
    @click.argument("name")
    @click.argument("query", nargs=-1, required=True)
    @pass_cli
    def add(cli: CliContext, name: str, query: tuple[str, ...]) -> None:
        from ossetia_reader.core.saved import Kind, SavedError, save

        try:
            saved = save(cli.open_library(), name, " ".join(query), Kind(kind_value))
        except SavedError as error:
            raise UserError(str(error)) from None
        click.echo(f"saved {noun} {safe_line(saved.name)!r}: {safe_line(saved.query)}")

    @group.command("list")
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
    @pass_cli
    def list_(cli: CliContext, as_json: bool) -> None:
        from ossetia_reader.core.saved import Kind, list_saved

        found = list_saved(cli.open_library(bundled=False), Kind(kind_value))
        if as_json:
            echo_json([{"name": s.name, "query": s.query, "order": s.order.value} for s in found])
            return
        if not found:
            plural = "saved searches" if kind_value == "search" else "filters"
            click.echo(f"no {plural} (add one with 'ossetia-reader {group.name} add NAME QUERY')")
        for saved in found:
            click.echo(f"{safe_line(saved.name)}\t{safe_line(saved.query)}")

    @group.command("remove")
    @click.argument("name")
    @pass_cli
    def remove(cli: CliContext, name: str) -> None:
        from ossetia_reader.core.saved import Kind, remove_saved

        if not remove_saved(cli.open_library(), name, Kind(kind_value)):
            raise UserError(f"no {noun} called {safe_line(name)!r}")
        click.echo(f"removed {noun} {safe_line(name)!r}")

    add.__doc__ = f"Save QUERY (the query language of 'search') as the {noun} NAME."
    list_.__doc__ = "List them with their queries."
    remove.__doc__ = f"Forget the {noun} NAME."
    return group


saved = _named_group("search", "saved search")
saved.help = "Saved searches: live feeds of a query, listed in the app's feeds pane."
filters = _named_group("filter", "filter")
filters.help = "Filters (ignore rules): queries whose articles are hidden everywhere."
main.add_command(saved)
main.add_command(filters)


@feeds.command("tag")
@click.argument("url")
@click.argument("tags", nargs=-1)
@pass_cli
def feeds_tag(cli: CliContext, url: str, tags: tuple[str, ...]) -> None:
    """Give the feed URL (or title) these TAGS (none: untag); the pane groups by tag."""
    from ossetia_reader.core.subscriptions import find_feed, tag_feed

    library = cli.open_library()
    feed = find_feed(library, url)
    if feed is None:
        raise UserError(f"not subscribed to {url!r} (see 'ossetia-reader feeds list')")
    feed = tag_feed(library, feed.url, list(tags))
    shown = ", ".join(feed.tags) or "no tags"
    click.echo(f"{safe_line(feed.name)}: {safe_line(shown)}")


@feeds.command("rename")
@click.argument("url")
@click.argument("title")
@pass_cli
def feeds_rename(cli: CliContext, url: str, title: str) -> None:
    """Call the feed URL (or its current title) TITLE ("" for the title it announces)."""
    from ossetia_reader.core.subscriptions import find_feed, rename_feed

    library = cli.open_library()
    feed = find_feed(library, url)
    if feed is None:
        raise UserError(f"not subscribed to {url!r} (see 'ossetia-reader feeds list')")
    feed = rename_feed(library, feed.url, title)
    click.echo(f"{feed.url} is now called {safe_line(feed.name)!r}")


@feeds.command("interval")
@click.argument("url")
@click.argument("minutes")
@pass_cli
def feeds_interval(cli: CliContext, url: str, minutes: str) -> None:
    """Let the open app refresh the feed URL every MINUTES (0: never; 'default': the config's)."""
    from ossetia_reader.core.config import MAX_REFRESH_MINUTES
    from ossetia_reader.core.subscriptions import find_feed, set_refresh_minutes

    library = cli.open_library()
    feed = find_feed(library, url)
    if feed is None:
        raise UserError(f"not subscribed to {url!r} (see 'ossetia-reader feeds list')")
    value: int | None = None
    if minutes != "default":
        if not minutes.isdigit() or int(minutes) > MAX_REFRESH_MINUTES:
            raise UserError(f"MINUTES must be 0 to {MAX_REFRESH_MINUTES}, or 'default'")
        value = int(minutes)
    set_refresh_minutes(library, feed.url, value)
    every = (
        "as configured (refresh_minutes)"
        if value is None
        else ("never by itself" if value == 0 else f"every {value} minutes")
    )
    click.echo(f"{safe_line(feed.name)}: refreshed {every}")
