"""``list`` and ``show``: read the library without starting the UI."""

from __future__ import annotations

import sys

import click

from ossetia_reader.cli.base import CliContext, UserError, echo_json, main, pass_cli
from ossetia_reader.core.export import article_to_json
from ossetia_reader.core.library import ArticleFilter, Library
from ossetia_reader.core.sanitize import safe_line


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option("--unread", is_flag=True, help="Only unread articles.")
@click.option("--starred", is_flag=True, help="Only starred articles.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@click.option("--saved", "saved_name", metavar="NAME", help="Only the saved search NAME.")
@click.option("--by-rank", is_flag=True, help="With --saved: best match first, not newest.")
@click.option("--show-hidden", is_flag=True, help="Include articles that filters hide.")
@pass_cli
def list_articles(
    cli: CliContext,
    as_json: bool,
    unread: bool,
    starred: bool,
    limit: int | None,
    saved_name: str | None,
    by_rank: bool,
    show_hidden: bool,
) -> None:
    """List stored articles, newest first (without those filters hide)."""
    library = cli.open_library()
    which = (
        ArticleFilter.STARRED if starred else ArticleFilter.UNREAD if unread else ArticleFilter.ALL
    )
    if saved_name is not None or not show_hidden:
        keys = _filtered_keys(cli, which, saved_name, by_rank, show_hidden)[:limit]
    else:
        keys = library.keys(which)[:limit]
    if as_json:
        echo_json(
            [
                {
                    "id": summary.id,
                    "title": summary.title,
                    "date": summary.date.isoformat() if summary.date else None,
                    "source": summary.source,
                    "url": summary.url,
                }
                for summary in library.summaries(keys)
            ]
        )
        return
    summaries = library.summaries(keys)
    if not sys.stdout.isatty():
        for summary in summaries:
            date = summary.date.isoformat() if summary.date else "-"
            fields = (summary.id, date, summary.source, summary.title)
            click.echo("\t".join(safe_line(field) for field in fields))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    source_width = min(18, max((len(safe_line(s.source)) for s in summaries), default=0))
    id_width = 24 if console.width >= 120 else 14
    title_width = max(10, console.width - 2 - 12 - (source_width + 2) - (id_width + 2))
    for summary in summaries:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append("★ " if summary.starred else ("• " if not summary.read else "  "), "bold")
        line.append((summary.date.isoformat() if summary.date else "undated").ljust(12), "dim")
        line.append(_fit(safe_line(summary.source), source_width) + "  ", "cyan")
        line.append(_fit(safe_line(summary.title), title_width) + "  ")
        line.append(_fit(safe_line(summary.id), id_width), "dim")
        console.print(line)


def _filtered_keys(
    cli: CliContext, which: ArticleFilter, saved_name: str | None, by_rank: bool, show_all: bool
) -> list[int]:
    """Keys for ``list`` when a saved search or filters are involved (these need the index)."""
    from dataclasses import replace

    from ossetia_reader.core.saved import Kind, Order, get_saved, list_saved

    library = cli.open_library()
    saved = get_saved(library, saved_name) if saved_name is not None else None
    if saved_name is not None and saved is None:
        raise UserError(f"no saved search called {safe_line(saved_name)!r} (see 'saved list')")
    if saved is None and not list_saved(library, Kind.FILTER):
        return library.keys(which)  # no filters: no index needed
    from ossetia_reader.cli.search import _open
    from ossetia_reader.core.feedlist import FeedCounter, View

    _, index = _open(cli)
    counter = FeedCounter(library, lambda: index)
    counter.show_hidden = show_all
    if saved is None:
        return counter.keys(View(), which)
    if by_rank:
        saved = replace(saved, order=Order.RANK)
    if not show_all:
        counter.refresh_hidden()
    keys = counter.saved_keys(saved)
    return counter.keys_within(keys, which)


def _fit(text: str, width: int) -> str:
    """Pad or cut ``text`` to exactly ``width`` cells (cut text ends with …)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def _not_found(library: Library, article_id: str) -> str:
    """Why ``show`` found nothing: no such id, or the start of several (named, to pick one)."""
    shown = safe_line(article_id)[:80]
    if not article_id:
        return "no article id given (see 'ossetia-reader list')"
    escaped = article_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = library.query(
        "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 11",
        [escaped + "%"],
    )
    if len(rows) < 2:
        return f"no article with id {shown!r} (see 'ossetia-reader list')"
    ids = ", ".join(safe_line(row[0])[:60] for row in rows[:10])
    more = f", and {_more(library, escaped)} more" if len(rows) > 10 else ""
    return f"{shown!r} is the start of several ids: {ids}{more}; give more of one"


def _more(library: Library, escaped: str) -> str:
    rows = library.query(
        "SELECT count(*) FROM articles WHERE id LIKE ? ESCAPE '\\'", [escaped + "%"]
    )
    return f"{int(rows[0][0]) - 10:,}"


@main.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print every parsed field as JSON.")
@pass_cli
def show(cli: CliContext, article_id: str, as_json: bool) -> None:
    """Print one article (ID, or a unique prefix of it)."""
    library = cli.open_library()
    article = library.find(article_id)
    if article is None:
        raise UserError(_not_found(library, article_id))
    if as_json:
        echo_json(article_to_json(article))
        return
    from rich.console import Console

    from ossetia_reader.render import render_article

    Console(highlight=False).print(render_article(article).text)
