"""The ``ossetia-reader`` command: the app, plus headless commands.

Each module here adds its commands to the ``main`` group. None of them imports
Textual, so ``--help``, ``--version`` and the headless commands start fast.
The group and its commands are imported when ``main`` is first asked for
(``from ossetia_reader.cli import main``), not with this package: opening the
reader (``start.py``) needs neither them nor click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ossetia_reader.cli.base import main

__all__ = ["main"]


def __getattr__(name: str) -> object:
    if name != "main":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
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

    globals()["main"] = main  # asked once
    return main
