"""What ``ossetia-reader list``/``show`` print: hostile text as visible text, errors as one line."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from ossetia_reader.core.article import Article
from ossetia_reader.core.formats.stored_text import parse_stored_text
from ossetia_reader.core.library import DATABASE_NAME, Library, LibraryError

from .conftest import run_cli, run_cli_tty
from .test_library_failures import filled  # noqa: F401  (fixture)

OSC_TITLE = "\x1b]2;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
MARKUP = "[bold]B[/bold] [link=https://evil.example]L[/link] [@click=app.quit]Q[/]"

HOSTILE_FILE = (
    f"Escape {OSC_TITLE} title {MARKUP}\n\n"
    "March 31, 2022\n\n"
    f"Body with {OSC_CLIPBOARD} and \x1b[2J\x1b[H clear, \x9b31m C1, \u202eevil\u202c"
    f" and {MARKUP}.\n\n"
    "Original url:\n\n<https://www.themoscowtimes.com/2022/03/31/x>\n"
)
# Bytes that would act on a terminal: ESC, BEL, 8-bit CSI/OSC/ST in UTF-8, RLO.
FORBIDDEN_BYTES = [b"\x1b", b"\x07", b"\xc2\x9b", b"\xc2\x9d", b"\xc2\x9c", "\u202e".encode()]
# On a terminal Rich adds its own styling: SGR sequences only, nothing else.
RICH_STYLING = re.compile(rb"\x1b\[[0-9;]*m")


def assert_output_safe(stdout: bytes) -> None:
    for forbidden in FORBIDDEN_BYTES:
        assert forbidden not in stdout, f"{forbidden!r} reached the terminal: {stdout[:300]!r}"


def assert_terminal_output_safe(output: bytes) -> None:
    """Output written to a terminal: only Rich's SGR styling may remain as escapes."""
    assert_output_safe(RICH_STYLING.sub(b"", output))


@pytest.fixture
def hostile_library(tmp_path: Path) -> Path:
    """A library holding the hostile article as the parser stores it."""
    directory = tmp_path / "library"
    Library(directory).add([parse_stored_text(HOSTILE_FILE, "hostile-article")])
    return directory


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--json"],
        ["show", "hostile-article"],
        ["show", "hostile-article", "--json"],
    ],
    ids=["list", "list-json", "show", "show-json"],
)
def test_escape_sequences_are_printed_as_visible_text(
    hostile_library: Path, args: list[str]
) -> None:
    result = run_cli(["--library", str(hostile_library), *args])
    assert result.returncode == 0, result.stderr.decode()
    assert_output_safe(result.stdout)
    text = result.stdout.decode()
    if "--json" in args:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    assert "␛]2;pwned" in text, "the escape is shown, not dropped"
    if args[0] == "show":
        assert "␛]52;c;" in text and "\\x9b31m" in text and "<U+202E>evil" in text


@pytest.mark.parametrize("args", [["list"], ["show", "hostile-article"]], ids=["list", "show"])
def test_escape_sequences_are_visible_on_a_terminal(hostile_library: Path, args: list[str]) -> None:
    output = run_cli_tty(["--library", str(hostile_library), *args])
    assert_terminal_output_safe(output)
    assert "␛]2;pwned".encode() in RICH_STYLING.sub(b"", output)


@pytest.mark.parametrize("args", [["list"], ["show", "hostile-article"]], ids=["list", "show"])
def test_markup_is_printed_literally(hostile_library: Path, args: list[str]) -> None:
    result = run_cli(["--library", str(hostile_library), *args])
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert "[bold]B[/bold]" in text
    if args[0] == "show":
        assert MARKUP in text


def raw_library(tmp_path: Path) -> Path:
    """A library whose rows were written without sanitising (an old or buggy importer)."""
    directory = tmp_path / "raw"
    library = Library(directory)
    library.add([Article(id="raw", title="Raw title", body="Raw body")])
    library.close()
    # Library.add sanitises, so write the hostile text past it, as an old importer might have.
    with closing(sqlite3.connect(directory / DATABASE_NAME)) as db, db:
        db.execute(
            "UPDATE articles SET title = ?, body = ?, source = ? WHERE id = 'raw'",
            [
                f"Raw {OSC_TITLE} \x9b2J title",
                f"Raw {OSC_CLIPBOARD} body \x9d0;x\x9c \u202eevil",
                f"Src{OSC_TITLE}",
            ],
        )
    return directory


def test_show_sanitises_again(tmp_path: Path) -> None:
    result = run_cli(["--library", str(raw_library(tmp_path)), "show", "raw"])
    assert result.returncode == 0, result.stderr.decode()
    assert_output_safe(result.stdout)
    assert_terminal_output_safe(
        run_cli_tty(["--library", str(raw_library(tmp_path)), "show", "raw"])
    )


def test_list_sanitises_again_when_piped(tmp_path: Path) -> None:
    result = run_cli(["--library", str(raw_library(tmp_path)), "list"])
    assert result.returncode == 0, result.stderr.decode()
    assert_output_safe(result.stdout)


def test_list_sanitises_again_on_a_terminal(tmp_path: Path) -> None:
    assert_terminal_output_safe(run_cli_tty(["--library", str(raw_library(tmp_path)), "list"]))


@pytest.mark.parametrize(
    "args", [["list", "--json"], ["show", "raw", "--json"]], ids=["list", "show"]
)
def test_json_output_sanitises_again(tmp_path: Path, args: list[str]) -> None:
    result = run_cli(["--library", str(raw_library(tmp_path)), *args])
    assert result.returncode == 0, result.stderr.decode()
    assert_output_safe(result.stdout)


# -- one-line errors ----------------------------------------------------------------


@pytest.mark.parametrize("args", [["list"], ["show", "a0000001"], ["list", "--json"]])
def test_corrupt_library_is_one_line_on_stderr(filled: Path, args: list[str]) -> None:  # noqa: F811
    path = filled / DATABASE_NAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    result = run_cli(["--library", str(filled), *args])
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert stderr.startswith("ossetia-reader: error:")
    assert result.stdout == b""


def test_garbage_library_file_is_one_line_on_stderr(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"\x1b]2;pwned\x07 not a database " * 200)
    result = run_cli(["--library", str(tmp_path), "list"])
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def damage_schema_text(directory: Path) -> None:
    """Put a byte that is not UTF-8 into the stored schema SQL (as disk damage would)."""
    path = directory / DATABASE_NAME
    data = path.read_bytes()
    at = data.index(b"DEFAULT")
    path.write_bytes(data[:at] + b"DEFA\xcaLT" + data[at + 7 :])


def test_non_utf8_damage_in_schema_is_a_library_error(filled: Path) -> None:  # noqa: F811
    damage_schema_text(filled)
    with pytest.raises(LibraryError):
        Library(filled)


def test_non_utf8_damage_in_schema_is_one_line_on_stderr(filled: Path) -> None:  # noqa: F811
    damage_schema_text(filled)
    result = run_cli(["--library", str(filled), "list"])
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr, stderr


def test_unwritable_library_directory_is_one_line_on_stderr(tmp_path: Path) -> None:
    # A file where the directory should be: mkdir fails for root too.
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    result = run_cli(["--library", str(blocker / "library"), "list"])
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def test_future_schema_is_one_line_on_stderr(filled: Path) -> None:  # noqa: F811
    with closing(sqlite3.connect(filled / DATABASE_NAME)) as db:
        db.execute("PRAGMA user_version = 999")
    result = run_cli(["--library", str(filled), "list"])
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "newer" in stderr and "Traceback" not in stderr


def test_search_prints_escape_sequences_as_visible_text(hostile_library: Path) -> None:
    for json_flag in ([], ["--json"]):
        result = run_cli(["--library", str(hostile_library), "search", "Escape", *json_flag])
        assert result.returncode == 0, result.stderr.decode()
        assert_output_safe(result.stdout)
        assert_output_safe(result.stderr)
        assert "hostile-article" in result.stdout.decode()
    tty = run_cli_tty(["--library", str(hostile_library), "search", "Escape", "body"])
    assert_terminal_output_safe(tty)
    assert "[bold]B[/bold]" in RICH_STYLING.sub(b"", tty).decode()


def test_search_sanitises_again(tmp_path: Path) -> None:
    result = run_cli(["--library", str(raw_library(tmp_path)), "search", "Raw"])
    assert result.returncode == 0, result.stderr.decode()
    assert_output_safe(result.stdout)
