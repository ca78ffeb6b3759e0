"""``search`` and ``index``: the full-text index without the UI."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from ossetia_reader.cli.base import CliContext, UserError, echo_json, main, pass_cli

if TYPE_CHECKING:
    from ossetia_reader.core.library import Library
    from ossetia_reader.core.search import SearchIndex

_PROGRESS_FROM = 2000  # articles: smaller builds finish before a bar is worth drawing


def _notify(message: str) -> None:
    click.echo(f"ossetia-reader: {message}", err=True)


@contextmanager
def _progress(library: Library, label: str) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on stderr for long index builds; yields the update callback.

    The bar (Rich's progress machinery and a count of the library) is made on
    the first update only: opening a current index calls none, and a one-shot
    ``search`` should not pay for a bar it never shows. Nor is one made when
    stderr is not a terminal (a script reading ``search --json``, cron): Rich
    draws no live bar there, and importing it was ~40 ms of catching the index
    up after enrichment.
    """
    if not sys.stderr.isatty():
        yield lambda done: None
        return
    from contextlib import ExitStack

    with ExitStack() as stack:
        bar: list[Callable[[int], None]] = []

        def update(done: int) -> None:
            if not bar:
                bar.append(stack.enter_context(_bar(library, label)))
            bar[0](done)

        yield update


@contextmanager
def _bar(library: Library, label: str) -> Iterator[Callable[[int], None]]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    total = library.count()
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=total < _PROGRESS_FROM,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.update(task, completed=done)


def update_index(cli: CliContext) -> None:
    """Bring the search index up to date after an import, so the app starts with it ready."""
    _open(cli, notify=lambda message: click.echo(message))


def _one_blas_thread() -> None:
    """Let numpy's BLAS start one thread, not one per core, unless the user chose.

    Importing numpy starts OpenBLAS's thread pool, ~25 ms of CPU for a
    one-shot command on this machine's 2 cores; search does no linear algebra
    (sums, sorts and gathers only), so the pool would never be used. Must run
    before numpy is first imported (it is read once, at load). Only for ``search``:
    other commands may load the model in the same process, which does use BLAS.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _no_final_collection() -> None:
    """Spare the process's exit a full garbage collection of every object imported.

    When Python exits it collects once more, walking all live objects; with numpy
    and the search modules loaded that walk was ~13 ms of CPU (of a one-shot
    ``search``'s ~100 ms over ``--version``) and finds nothing: these are module
    objects that live until the end anyway. ``gc.freeze`` moves what exists now
    out of the collector's sight (nothing is leaked: the process is ending, and
    what the command allocates later is collected as usual).
    """
    import gc

    gc.freeze()


def _open(cli: CliContext, notify: Callable[[str], None] = _notify) -> tuple[Library, SearchIndex]:
    from ossetia_reader.core.search import open_index

    library = cli.open_library()
    with _progress(library, "indexing") as progress:
        index = open_index(library, notify, progress, workers=min(2, os.cpu_count() or 1))
    return library, index


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, best first.")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N results."
)
@pass_cli
def search(cli: CliContext, words: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Search the library, best match first.

    \b
    Words are ANDed; also: OR, -word / NOT word, "exact phrase", prefix*,
    title: source: entity: person: place: org: quote:, after:2022-03-01,
    before:2022-04, date:2022-03, and (parentheses).
    """
    _one_blas_thread()
    from ossetia_reader.core.search import snippet

    _no_final_collection()
    text = " ".join(words)
    library, index = _open(cli)
    result = index.search(text, limit=limit)
    if result.notice:
        _notify(result.notice)
    # One query for all the rows (an article deleted since indexing is left out).
    articles = {a.key: a for a in library.articles(result.hits.keys)}
    found = [(hit, articles[hit.key]) for hit in result.hits if hit.key in articles]
    if as_json:
        echo_json(
            [
                {
                    "id": article.id,
                    "title": article.title,
                    "date": article.date.isoformat() if article.date else None,
                    "source": article.source,
                    "score": round(hit.score, 4),
                    "snippet": snippet(text, article.body or article.title)[0],
                }
                for hit, article in found
            ]
        )
        if not found and result.suggestions:
            _notify(f"did you mean {' or '.join(result.suggestions)}?")
        return
    from rich.console import Console
    from rich.text import Text

    from ossetia_reader.core.sanitize import safe_line
    from ossetia_reader.render import marked_pieces

    console = Console(highlight=False)
    for rank, (hit, article) in enumerate(found, 1):
        line = Text(f"{rank:>3}. ", style="dim")
        line.append(Text(safe_line(article.title), style="bold"))
        line.append(Text(f"  {article.date.isoformat() if article.date else '—'}", style="dim"))
        line.append(Text(f"  {safe_line(article.source)}", style="dim"))
        console.print(line)
        shown, spans = snippet(text, article.body or article.title)
        body = Text("     ")
        for piece, is_hit in marked_pieces(shown, spans):
            body.append(piece, style="reverse" if is_hit else "")
        console.print(body)
        console.print(Text(f"     {safe_line(article.id)}  score {hit.score:.2f}", style="dim"))
    summary = f"{result.total} found in {result.elapsed * 1000:.1f} ms"
    if result.total > len(found):
        summary += f" (showing {len(found)})"
    console.print(Text(summary, style="dim"))
    if not found and result.suggestions:
        console.print(Text(f"did you mean {' or '.join(result.suggestions)}?"))


@main.command()
@click.option("--rebuild", is_flag=True, help="Rebuild the index from every stored article.")
@click.option("--stats", is_flag=True, help="Show what the index holds and its size.")
@pass_cli
def index(cli: CliContext, rebuild: bool, stats: bool) -> None:
    """Build, update or inspect the search index."""
    from ossetia_reader.core.search import PARALLEL_FROM, index_directory, rebuild_index

    if rebuild:
        library = cli.open_library()
        if library.read_only:  # the index lives in the library's folder
            raise UserError(
                f"library {library.directory} is read-only: the index cannot be rebuilt there"
            )
        # Tokenizing is pure Python: big libraries use a second process (~1.6x here).
        workers = min(2, os.cpu_count() or 1) if library.count() >= PARALLEL_FROM else 1
        with _progress(library, "rebuilding index") as progress:
            built = rebuild_index(library, progress, workers=workers)
    else:
        library, built = _open(cli)
    directory = index_directory(library)
    files = [p for p in directory.glob("*") if p.is_file()] if directory.is_dir() else []
    on_disk = sum(p.stat().st_size for p in files)
    if not stats:
        click.echo(f"search index: {built.doc_count} articles, {on_disk / 1e6:.1f} MB")
        return
    facts = built.stats()
    rows = [
        ("directory", str(directory)),
        ("articles", str(facts["articles"])),
        ("segments", ", ".join(str(n) for n in facts["segments"]) or "none"),
        ("replaced (until merged)", str(facts["replaced"])),
        ("terms", str(facts["terms"])),
        ("postings", str(facts["postings"])),
        ("size on disk", f"{on_disk / 1e6:.1f} MB"),
        ("stemmer", str(facts["stemmer"])),
        ("highest key", str(facts["max_key"])),
    ]
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    for name, value in rows:
        table.add_row(name, Text(value))
    Console(highlight=False).print(table)
