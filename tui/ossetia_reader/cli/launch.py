"""Start the Textual app (the only place the CLI imports Textual)."""

from __future__ import annotations

from ossetia_reader.cli.base import CliContext, UserError
from ossetia_reader.core.config import CONFIG_NAME, STATE_NAME, ConfigError, load_config
from ossetia_reader.core.paths import config_dir


def launch(context: CliContext) -> None:
    """Open the library and run the reader until the user quits."""
    try:
        config = load_config(config_dir() / CONFIG_NAME)
    except ConfigError as error:
        raise UserError(str(error)) from None
    library = context.open_library()
    from ossetia_reader.app import OssetiaReader

    OssetiaReader(library, config=config, state_path=library.directory / STATE_NAME).run()
