"""The ``ossetia-reader`` command: the app, plus headless commands.

Each module here adds its commands to the ``main`` group. None of them imports
Textual, so ``--help``, ``--version`` and the headless commands start fast.
"""

import ossetia_reader.cli.enrich  # noqa: F401  (registers commands)
from ossetia_reader.cli import (  # noqa: F401 (registers)
    corrections,
    library,
    reading,
    saved,
    search,
    settings,
)
from ossetia_reader.cli.base import main

__all__ = ["main"]
