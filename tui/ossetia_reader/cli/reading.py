"""``list`` and ``show``: read the library without starting the UI."""

from __future__ import annotations

import click

from ossetia_reader.cli.base import CliContext, UserError, echo_json, main, pass_cli
from ossetia_reader.core.export import article_to_json
from ossetia_reader.core.library import ArticleFilter


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option("--unread", is_flag=True, help="Only unread articles.")
@click.option("--starred", is_flag=True, help="Only starred articles.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@pass_cli
def list_articles(
    cli: CliContext, as_json: bool, unread: bool, starred: bool, limit: int | None
) -> None:
    """List stored articles, newest first."""
    library = cli.open_library()
    which = (
        ArticleFilter.STARRED if starred else ArticleFilter.UNREAD if unread else ArticleFilter.ALL
    )
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
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("", width=1)
    table.add_column("date", no_wrap=True)
    table.add_column("title", ratio=1, overflow="ellipsis", no_wrap=True)
    table.add_column("source", overflow="ellipsis", no_wrap=True, max_width=24)
    table.add_column("id", overflow="ellipsis", no_wrap=True, max_width=30)
    for summary in library.summaries(keys):
        table.add_row(
            "★" if summary.starred else ("•" if not summary.read else " "),
            summary.date.isoformat() if summary.date else "—",
            Text(summary.title),
            Text(summary.source),
            Text(summary.id),
        )
    Console(highlight=False).print(table)


@main.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print every parsed field as JSON.")
@pass_cli
def show(cli: CliContext, article_id: str, as_json: bool) -> None:
    """Print one article (ID, or a unique prefix of it)."""
    library = cli.open_library()
    article = library.find(article_id)
    if article is None:
        raise UserError(f"no article with id {article_id!r} (see 'ossetia-reader list')")
    if as_json:
        echo_json(article_to_json(article))
        return
    from rich.console import Console

    from ossetia_reader.core.render import render_article

    Console(highlight=False).print(render_article(article))
