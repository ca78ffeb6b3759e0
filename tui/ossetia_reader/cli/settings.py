"""``config``: where the settings file is, what it may hold, whether it is valid."""

from __future__ import annotations

import click

from ossetia_reader.cli.base import UserError, main
from ossetia_reader.core.config import CONFIG_NAME, EXAMPLE, ConfigError, load_config
from ossetia_reader.core.paths import config_dir


@main.command()
@click.option("--path", "show_path", is_flag=True, help="Print where config.toml is read from.")
@click.option("--example", is_flag=True, help="Print an example config.toml.")
def config(show_path: bool, example: bool) -> None:
    """Check the settings file (theme, reading width, key remapping)."""
    path = config_dir() / CONFIG_NAME
    if show_path:
        click.echo(str(path))
        return
    if example:
        click.echo(EXAMPLE, nl=False)
        return
    try:
        settings = load_config(path)
    except ConfigError as error:
        raise UserError(str(error)) from None
    state = "found" if path.exists() else "not found (defaults in use)"
    click.echo(f"{path}: {state}")
    click.echo(f"theme = {settings.theme or 'default'}")
    click.echo(f"reading_width = {settings.reading_width}")
    for binding_id, keys in sorted(settings.keys.items()):
        click.echo(f"keys.{binding_id} = {keys}")
