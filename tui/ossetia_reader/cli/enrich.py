"""``enrich``, ``entities`` and ``quotes``: enrichment without the UI."""

from __future__ import annotations

import os

import click

from ossetia_reader.cli.base import CliContext, UserError, echo_json, main, pass_cli
from ossetia_reader.core.article import ArticleSummary
from ossetia_reader.core.library import Library

_TYPES = ("PER", "LOC", "ORG", "MISC")
_WAIT_HELP = "First enrich the articles still pending (with progress on stderr); can take long."


def _answer_from_store(library: Library, *, wait: bool) -> int:
    """One-shot listings answer from what is enriched; ``--wait`` finishes the rest first.

    Enriching a fresh 100,000-article library takes most of an hour, so a
    listing that silently did it first would look hung. Without ``--wait`` it
    lists what is stored; the caller then says (``_say_pending``) how many
    articles are not in it yet. Returns that number.
    """
    from ossetia_reader.core.enrich.store import pending_count

    if wait:
        _finish_pending(library, show=True)
    return pending_count(library)


def _pending_note(pending: int) -> str:
    plural = "s" if pending != 1 else ""
    return f"{pending:,} article{plural} not enriched yet"


def _say_pending(pending: int) -> None:
    """After the listing (stderr, so ``--json`` output stays one document)."""
    if pending:
        click.echo(
            f"ossetia-reader: {_pending_note(pending)} (not counted here); "
            "run 'ossetia-reader enrich' or add --wait",
            err=True,
        )


def _workers() -> int:
    """Tag in a process per core (two here): the model is CPU-bound Python and spaCy."""
    return min(2, os.cpu_count() or 1)


def _finish_pending(library: Library, *, show: bool) -> int:
    """Enrich what is pending, with a progress bar on stderr when asked and useful."""
    from ossetia_reader.core.enrich.pipeline import enrich_pending
    from ossetia_reader.core.enrich.store import pending_count

    if library.read_only or pending_count(library) == 0:
        return 0
    if not show:
        return enrich_pending(library, workers=_workers())
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=not console.is_terminal,
    ) as bar:
        task = bar.add_task("enriching", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return enrich_pending(library, progress=progress, workers=_workers())


@main.command()
@click.option(
    "--rebuild", is_flag=True, help="Extract again from every article, not only new ones."
)
@pass_cli
def enrich(cli: CliContext, rebuild: bool) -> None:
    """Find entities and quotes in every article that still needs it."""
    from ossetia_reader.core.enrich.pipeline import backend_name
    from ossetia_reader.core.enrich.store import reset_enrichment

    library = cli.open_library()
    if library.read_only:  # nothing found could be stored: say so, do not report success
        raise UserError(f"library {library.directory} is read-only: enrichment cannot be stored")
    if rebuild:
        reset_enrichment(library)
    done = _finish_pending(library, show=True)
    click.echo(f"enriched {done} article{'s' if done != 1 else ''} (tagger: {backend_name()})")


@main.command()
@click.option(
    "--type",
    "type_",
    type=click.Choice(_TYPES, case_sensitive=False),
    help="Only people (PER), places (LOC), organisations (ORG) or other names (MISC).",
)
@click.option("--match", default="", help="Only names containing this text (any spelling).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--wait", is_flag=True, help=_WAIT_HELP)
@pass_cli
def entities(
    cli: CliContext, type_: str | None, match: str, limit: int, as_json: bool, wait: bool
) -> None:
    """The most-mentioned entities in the library (with your corrections applied)."""
    library = cli.open_library()
    pending = _answer_from_store(library, wait=wait)
    _print_entities(library, type_, match, limit, as_json)
    _say_pending(pending)


def _print_entities(
    library: Library, type_: str | None, match: str, limit: int, as_json: bool
) -> None:
    from ossetia_reader.core.enrich.corrected import entity_counts

    rows = entity_counts(library, type=type_, limit=limit, match=match)
    if as_json:
        echo_json(
            [
                {
                    "name": row.name,
                    "canonical": row.canonical,
                    "type": row.type,
                    "mentions": row.mentions,
                    "articles": row.articles,
                }
                for row in rows
            ]
        )
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("name", "type", "mentions", "articles"):
        table.add_column(column, justify="right" if column in ("mentions", "articles") else "left")
    for row in rows:
        table.add_row(Text(row.name), row.type, str(row.mentions), str(row.articles))
    Console(highlight=False).print(table)


@main.command()
@click.option("--speaker", default=None, help="Every quote by this speaker (any spelling).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--wait", is_flag=True, help=_WAIT_HELP)
@pass_cli
def quotes(cli: CliContext, speaker: str | None, limit: int, as_json: bool, wait: bool) -> None:
    """The most-quoted speakers, or (with --speaker) what one of them said."""
    library = cli.open_library()
    pending = _answer_from_store(library, wait=wait)
    _print_quotes(library, speaker, limit, as_json, pending)
    _say_pending(pending)


def _print_quotes(
    library: Library, speaker: str | None, limit: int, as_json: bool, pending: int
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ossetia_reader.core.enrich.corrected import quotes_by, speaker_counts

    if speaker is None:
        speakers = speaker_counts(library, limit=limit)
        if as_json:
            echo_json(
                [
                    {
                        "speaker": row.name,
                        "canonical": row.canonical,
                        "quotes": row.quotes,
                        "articles": row.articles,
                    }
                    for row in speakers
                ]
            )
            return
        table = Table(box=None, pad_edge=False, header_style="bold")
        table.add_column("speaker")
        table.add_column("quotes", justify="right")
        table.add_column("articles", justify="right")
        for row in speakers:
            table.add_row(Text(row.name), str(row.quotes), str(row.articles))
        Console(highlight=False).print(table)
        return

    records = quotes_by(library, speaker, limit=limit)
    if not records and not as_json:
        note = f"; {_pending_note(pending)}" if pending else ""
        raise UserError(f"no quotes by {speaker!r} (see 'ossetia-reader quotes'){note}")
    summaries = {s.key: s for s in library.summaries(sorted({r.key for r in records}))}
    if as_json:
        echo_json(
            [
                {
                    "id": summaries[r.key].id if r.key in summaries else None,
                    "title": summaries[r.key].title if r.key in summaries else None,
                    "date": _date(summaries, r.key),
                    "speaker": r.speaker,
                    "cue": r.cue,
                    "text": r.text,
                    "start": r.start,
                    "end": r.end,
                }
                for r in records
            ]
        )
        return
    console = Console(highlight=False)
    for record in records:
        summary = summaries.get(record.key)
        heading = Text(f"{_date(summaries, record.key) or '—'}  ", style="dim")
        heading.append(summary.title if summary else str(record.key), style="bold")
        console.print(heading)
        quote = Text("  ")
        quote.append(_shortened(" ".join(record.text.split())), style="italic")
        quote.append(f"  — {record.speaker}")
        if record.cue:
            quote.append(f" ({record.cue})", style="dim")
        console.print(quote)


def _date(summaries: dict[int, ArticleSummary], key: int) -> str | None:
    summary = summaries.get(key)
    return summary.date.isoformat() if summary and summary.date else None


_QUOTE_CHARS = 600


def _shortened(text: str) -> str:
    """A long quote (a whole transcript turn) cut at a word, so a list stays readable;
    ``--json`` keeps the whole text."""
    if len(text) <= _QUOTE_CHARS:
        return text
    cut = text.rfind(" ", 0, _QUOTE_CHARS)
    return text[: cut if cut > 0 else _QUOTE_CHARS] + " …"
