"""Start the Textual app (the only place the CLI imports Textual)."""

from __future__ import annotations

from ossetia_reader.cli.base import CliContext


def launch(context: CliContext) -> None:
    """Open the library and run the reader until the user quits."""
    from ossetia_reader.app import OssetiaReader

    library = context.open_library()
    OssetiaReader(library=library).run()
