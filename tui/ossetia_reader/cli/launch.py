"""Start the Textual app (the only place the CLI imports Textual)."""

from __future__ import annotations

import sys

from ossetia_reader.cli.context import CliContext, UserError, library_failure
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

    app = OssetiaReader(library, config=config, state_path=library.directory / STATE_NAME)
    app.run()
    if app.library_failure is not None:  # the library broke while the app ran
        raise UserError(library_failure(app.library_failure, context.library_dir))
    if app.return_code:  # Textual has shown what went wrong; the status must say so too
        sys.exit(app.return_code)
