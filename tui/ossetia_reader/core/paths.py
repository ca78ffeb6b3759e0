"""Where things live on disk, by platform convention (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ossetia-reader"
LIBRARY_ENV = "OSSETIA_READER_LIBRARY"


def default_library_dir() -> Path:
    """The library chosen by ``OSSETIA_READER_LIBRARY``, else the user data dir."""
    chosen = os.environ.get(LIBRARY_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user config dir (for ``config.toml``)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def bundled_feeds_dir() -> Path:
    """The stored articles shipped with the app.

    In a wheel they sit inside the package; in a source checkout (or an
    editable install) they are the repository's top-level ``feeds/``.
    """
    packaged = Path(__file__).resolve().parent.parent / "feeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "feeds"
