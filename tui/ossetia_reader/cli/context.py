"""What every command needs, without click: the quick start (``start.py``) opens the
reader on it before click is imported, and ``base.py`` hands it to every command."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ossetia_reader.core.library import DATABASE_NAME, Library, LibraryError
from ossetia_reader.core.paths import LIBRARY_ENV


class UserError(Exception):
    """A failure to report as one line, without a traceback."""


_DAMAGE_WORDS = ("unreadable", "cannot open library", "malformed", "not a database")


def library_failure(error: Exception, directory: Path) -> str:
    """One line for a library error; for a damaged library, the way out too.

    No backup is kept beside the library, so the way out is: keep the damaged
    file as it is (``sqlite3 .recover`` may save what is left), and start a
    new library elsewhere. The app and the CLI say the same thing.
    """
    text = " ".join(str(error).split())
    if not any(word in text for word in _DAMAGE_WORDS):
        return text
    database = directory / DATABASE_NAME
    return (
        f"{text}. Way out: keep {directory} as it is (no backup is made; "
        f"'sqlite3 {database} .recover' may save what is left) and start a new library "
        f"with 'ossetia-reader --library NEW-DIR' (or {LIBRARY_ENV}=NEW-DIR)"
    )


@dataclass
class CliContext:
    """What every command needs: where the library is, and how to report errors."""

    library_dir: Path
    debug: bool = False
    _library: Library | None = field(default=None, repr=False)

    def open_library(self, *, bundled: bool = True) -> Library:
        """Open (creating if needed) the library, with the bundled articles imported."""
        if self._library is None:
            from ossetia_reader.core.bundled import import_bundled

            # On a read-only mount the database may still open for writing (its -shm
            # file is there) and fail only at the first write: go read-only at once.
            library = None
            if not _unwritable(self.library_dir):
                try:
                    library = Library(self.library_dir)
                except LibraryError:
                    if not _unwritable(self.library_dir):
                        raise
            if library is None:
                library = Library(self.library_dir, read_only=True)
                print(
                    f"ossetia-reader: library {self.library_dir} is read-only: reading only",
                    file=sys.stderr,
                )
            self._library = library
            if bundled:
                import_bundled(library)
        return self._library


def _unwritable(directory: Path) -> bool:
    """True when a library exists at ``directory`` but cannot be written (read-only media)."""
    database = directory / DATABASE_NAME
    if not database.exists():
        return False
    return not os.access(directory, os.W_OK) or _on_read_only_mount(directory)


def _on_read_only_mount(directory: Path) -> bool:
    try:
        return bool(os.statvfs(directory).f_flag & os.ST_RDONLY)
    except OSError:
        return False
