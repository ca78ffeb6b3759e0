"""The ``ossetia-reader`` command's entry point: straight to the reader when asked for it.

Opening the reader (no command; at most ``--library DIR``) needs none of click
and the command modules, which cost the first frame ~16 ms of CPU (issue 14):
that goes to ``launch`` directly. Anything else (a command, ``--help``,
``--version``, ``--debug``, ``$OSSETIA_READER_LIBRARY``, an odd argument)
goes to the click group (``cli.main``), which parses and checks all of it;
failures are reported by the same function either way.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path


def run() -> None:
    """Run the command line in ``sys.argv``."""
    directory = reader_only(sys.argv[1:])
    if directory is None:
        from ossetia_reader.cli import main

        main()
        return
    import gc

    # No cyclic garbage collection until the first frame is on the terminal (the app
    # turns it back on then, see ``OssetiaReader.on_ready``): start-up makes a few
    # hundred thousand objects (modules, classes, styles) and hardly any garbage, and
    # the collector's passes over them were ~20 ms of the first frame's CPU.
    gc.disable()
    from ossetia_reader.cli.context import CliContext, UserError
    from ossetia_reader.cli.launch import launch
    from ossetia_reader.core.library import LibraryError

    context = CliContext(library_dir=directory)
    try:
        launch(context)
    except (LibraryError, UserError, OSError) as error:
        from ossetia_reader.cli.base import fail

        fail(error, context)
    except (EOFError, KeyboardInterrupt):
        print("\nAborted!", file=sys.stderr)  # as click says it
        sys.exit(1)


def reader_only(args: Sequence[str]) -> Path | None:
    """The library directory when ``args`` only open the reader, else None (click's turn)."""
    from ossetia_reader.core.paths import LIBRARY_ENV, default_library_dir

    if os.environ.get(LIBRARY_ENV):
        return None  # click reads it, as given
    option = "--library"
    if not args:
        directory = default_library_dir()
    elif len(args) == 2 and args[0] == option and args[1] and not args[1].startswith("-"):
        directory = Path(args[1])
    elif len(args) == 1 and args[0].startswith(option + "=") and len(args[0]) > len(option) + 1:
        directory = Path(args[0][len(option) + 1 :])
    else:
        return None
    if directory.exists() and not directory.is_dir():
        return None  # click says what is wrong with it
    return directory
