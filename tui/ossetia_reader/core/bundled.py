"""Import the articles shipped in ``feeds/`` so no library starts empty."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from ossetia_reader.core.library import Added, Library
from ossetia_reader.core.paths import bundled_feeds_dir

log = logging.getLogger(__name__)
_META_KEY = "bundle"


def bundled_files(directory: Path | None = None) -> list[Path]:
    """The stored-article files of the bundle, in a stable order."""
    root = directory or bundled_feeds_dir()
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*.txt") if path.is_file())


def import_bundled(library: Library, directory: Path | None = None) -> list[Added]:
    """Import the bundle unless this exact bundle was imported before.

    Re-importing is harmless (dedupe by id/URL/content), but skipping it keeps
    start-up free of file reads on every launch.
    """
    files = bundled_files(directory)
    signature = hashlib.sha256()
    for path in files:
        signature.update(path.name.encode())
        signature.update(str(path.stat().st_size).encode())
    if library.read_only or library.get_meta(_META_KEY) == signature.hexdigest():
        return []
    # The parser only when there is something to read: every command and launch
    # comes through here, nearly always to find the bundle imported already.
    from ossetia_reader.core.formats.stored_text import read_stored_text

    articles = []
    for path in files:
        article = read_stored_text(path)
        article.feed = "bundled"
        articles.append(article)
    added = library.add(articles)
    library.set_meta(_META_KEY, signature.hexdigest())
    return added
