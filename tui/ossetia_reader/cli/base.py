"""The command group, its shared options and its error handling."""

from __future__ import annotations

import json
import os
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from ossetia_reader import __version__
from ossetia_reader.cli.context import CliContext, UserError, library_failure
from ossetia_reader.core.library import LibraryError
from ossetia_reader.core.paths import LIBRARY_ENV, default_library_dir
from ossetia_reader.core.sanitize import safe_line

__all__ = ["CliContext", "UserError", "echo_json", "library_failure", "main", "pass_cli"]

F = TypeVar("F", bound=Callable[..., Any])


pass_cli = click.make_pass_decorator(CliContext)


class ReaderGroup(click.Group):
    """Turns expected failures into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (LibraryError, UserError, OSError) as error:
            fail(error, ctx.obj if isinstance(ctx.obj, CliContext) else None)


def fail(error: Exception, context: CliContext | None) -> NoReturn:
    """Report an expected failure as one line on stderr (a traceback with ``--debug``)
    and exit with status 1; a closed pipe ends quietly (``| head``)."""
    if isinstance(error, BrokenPipeError):
        # The reader of our output went away (e.g. `| head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    if context is not None and context.debug:
        traceback.print_exc()
    message: object = error
    if isinstance(error, OSError) and error.strerror:
        message = error.strerror
    elif isinstance(error, LibraryError) and context is not None:
        message = library_failure(error, context.library_dir)
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


# json.dumps escapes only U+0000-U+001F; these reach the terminal raw otherwise.
_JSON_UNSAFE = re.compile("[\u007f-\u009f\u202a-\u202e\u2066-\u2069]")


def echo_json(value: object) -> None:
    """Print ``value`` as JSON; non-ASCII stays readable, every control character is escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    click.echo(_JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text))
