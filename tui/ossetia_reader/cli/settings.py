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
    from ossetia_reader.core.sanitize import safe_line
    from ossetia_reader.keys import known_binding_ids

    # Everything printed comes from a file someone wrote: escapes are shown, not obeyed.
    state = "found" if path.exists() else "not found (defaults in use)"
    click.echo(safe_line(f"{path}: {state}"))
    click.echo(safe_line(f"theme = {settings.theme or 'default'}"))
    click.echo(f"reading_width = {settings.reading_width}")
    known = known_binding_ids() if settings.keys else frozenset()
    unknown = []
    for binding_id, keys in sorted(settings.keys.items()):
        note = "" if binding_id in known else "   (unknown id: no such binding)"
        if note:
            unknown.append(safe_line(binding_id))
        click.echo(safe_line(f"keys.{binding_id} = {keys}") + note)
    if unknown:
        import difflib

        close = {m for u in unknown for m in difflib.get_close_matches(u, known, n=2)}
        hint = f"; did you mean {' or '.join(sorted(close))}?" if close else ""
        raise UserError(
            f"unknown binding ids in [keys]: {', '.join(unknown)}{hint} (ids: README, 'Settings')"
        )
