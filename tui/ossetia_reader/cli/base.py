"""The command group, its shared options and its error handling."""

from __future__ import annotations

import json
import os
import re
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click

from ossetia_reader import __version__
from ossetia_reader.core.library import DATABASE_NAME, Library, LibraryError
from ossetia_reader.core.paths import LIBRARY_ENV, default_library_dir
from ossetia_reader.core.sanitize import safe_line

F = TypeVar("F", bound=Callable[..., Any])


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

            try:
                self._library = Library(self.library_dir)
            except LibraryError:
                if not _unwritable(self.library_dir):
                    raise
                self._library = Library(self.library_dir, read_only=True)
                click.echo(
                    f"ossetia-reader: library {self.library_dir} is read-only: reading only",
                    err=True,
                )
            if bundled:
                import_bundled(self._library)
        return self._library


pass_cli = click.make_pass_decorator(CliContext)


class ReaderGroup(click.Group):
    """Turns expected failures into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader of our output went away (e.g. `| head`): stop quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except (LibraryError, UserError, OSError) as error:
            debug = isinstance(ctx.obj, CliContext) and ctx.obj.debug
            if debug:
                traceback.print_exc()
            message: object = error
            if isinstance(error, OSError) and error.strerror:
                message = error.strerror
            elif isinstance(error, LibraryError) and isinstance(ctx.obj, CliContext):
                message = library_failure(error, ctx.obj.library_dir)
            filename = getattr(error, "filename", None)
            suffix = f": {filename}" if filename else ""
            line = safe_line(f"ossetia-reader: error: {message}{suffix}")  # names from outside
            click.echo(line, err=True)
            sys.exit(1)


@click.group(cls=ReaderGroup, invoke_without_command=True)
@click.option(
    "--library",
    "library_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=LIBRARY_ENV,
    help=f"Library directory (default: the user data dir; or ${LIBRARY_ENV}).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(__version__, prog_name="ossetia-reader")
@click.pass_context
def main(ctx: click.Context, library_dir: Path | None, debug: bool) -> None:
    """A keyboard-first terminal news reader.

    Run without a command to open the reader on your library.
    """
    ctx.obj = CliContext(library_dir=library_dir or default_library_dir(), debug=debug)
    if ctx.invoked_subcommand is None:
        from ossetia_reader.cli.launch import launch

        launch(ctx.obj)


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


# json.dumps escapes only U+0000-U+001F; these reach the terminal raw otherwise.
_JSON_UNSAFE = re.compile("[\u007f-\u009f\u202a-\u202e\u2066-\u2069]")


def echo_json(value: object) -> None:
    """Print ``value`` as JSON; non-ASCII stays readable, every control character is escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    click.echo(_JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text))
