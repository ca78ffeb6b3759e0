"""``corrections``: list, make and undo a reader's entity corrections without the UI.

The app makes them from the entity view (``t`` type, ``m`` merge, ``x`` hide);
these commands are for scripts and for undoing one without finding it again.
"""

from __future__ import annotations

import click

from ossetia_reader.cli.base import CliContext, UserError, echo_json, main, pass_cli

_TYPES = ("PER", "LOC", "ORG", "MISC")


@main.group()
def corrections() -> None:
    """Your corrections of entities: type changes, merges, hidden names."""


@corrections.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@pass_cli
def corrections_list(cli: CliContext, as_json: bool) -> None:
    """Every correction, newest first."""
    from ossetia_reader.core.enrich.corrections import listed, to_json

    made = listed(cli.open_library())
    if as_json:
        echo_json([to_json(c) for c in made])
        return
    if not made:
        click.echo("no corrections (make them in the entity view: t, m, x)")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("name", "correction", "made"):
        table.add_column(column)
    for correction in made:
        what = correction.describe().split(": ", 1)[1]
        table.add_row(Text(correction.name), Text(what), correction.made[:16].replace("T", " "))
    Console(highlight=False).print(table)


@corrections.command("remove")
@click.argument("name")
@pass_cli
def corrections_remove(cli: CliContext, name: str) -> None:
    """Undo the correction of NAME (any spelling): enrichment's version comes back."""
    from ossetia_reader.core.enrich.corrections import remove

    removed = remove(cli.open_library(), name)
    if removed is None:
        raise UserError(f"no correction of {name!r} (see 'ossetia-reader corrections list')")
    click.echo(f"removed: {removed.describe()}")


@corrections.command("type")
@click.argument("name")
@click.argument("type_", metavar="TYPE", type=click.Choice(_TYPES, case_sensitive=False))
@pass_cli
def corrections_type(cli: CliContext, name: str, type_: str) -> None:
    """Make NAME a person (PER), place (LOC), organisation (ORG) or other (MISC)."""
    from ossetia_reader.core.enrich.corrections import set_type

    click.echo(set_type(cli.open_library(), name, type_).describe())


@corrections.command("merge")
@click.argument("name")
@click.argument("target")
@pass_cli
def corrections_merge(cli: CliContext, name: str, target: str) -> None:
    """Make NAME the same entity as TARGET (shown as TARGET)."""
    from ossetia_reader.core.enrich.corrections import CorrectionError, merge

    try:
        click.echo(merge(cli.open_library(), name, target).describe())
    except CorrectionError as error:
        raise UserError(str(error)) from None


@corrections.command("hide")
@click.argument("name")
@pass_cli
def corrections_hide(cli: CliContext, name: str) -> None:
    """Say NAME is not an entity: it leaves every list, colour and speaker label."""
    from ossetia_reader.core.enrich.corrections import hide

    click.echo(hide(cli.open_library(), name).describe())
