"""Smaller hostile-input cases of the command line (issue 12).

``config`` printing a config file's escapes raw, ``show`` saying "no article"
for a prefix of several ids, ``enrich`` and ``index --rebuild`` reporting
success on a read-only library, and unknown binding ids accepted silently.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from ossetia_reader.app import OssetiaReader
from ossetia_reader.cli import main
from ossetia_reader.core.article import Article
from ossetia_reader.core.config import Config
from ossetia_reader.core.library import Library
from tests.conftest import settle


def run(library: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--library", str(library), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def config_file(isolated_home: Path) -> Path:
    path = isolated_home / ".config" / "ossetia-reader" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_config_shows_escapes_as_text(tmp_path: Path, config_file: Path) -> None:
    config_file.write_text('theme = "nord\\u001b]2;PWNED\\u0007"\n[keys]\n"main.search" = "[/x]"\n')
    code, out, err = run(tmp_path / "lib", "config")
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "␛]2;PWNED␇" in out and "keys.main.search = [/x]" in out


def test_config_refuses_control_characters_in_key_names(tmp_path: Path, config_file: Path) -> None:
    config_file.write_text('[keys]\n"main.help" = "\\u001b[2J"\n')
    code, _, err = run(tmp_path / "lib", "config")
    assert code == 1
    (line,) = err.strip().splitlines()
    assert "main.help" in line and "control characters" in line and "\x1b" not in line


def test_config_reports_unknown_binding_ids(tmp_path: Path, config_file: Path) -> None:
    config_file.write_text('[keys]\n"main.serch" = "ctrl+f"\n"main.help" = "f1"\n')
    code, out, err = run(tmp_path / "lib", "config")
    assert code == 1
    assert "keys.main.serch = ctrl+f   (unknown id" in out
    assert "keys.main.help = f1\n" in out
    (line,) = err.strip().splitlines()
    assert "main.serch" in line and "did you mean" in line and "main.search" in line


async def test_the_app_reports_unknown_binding_ids(library: Library) -> None:
    config = Config(keys={"main.serch": "ctrl+f", "main.help": "f1"})
    app = OssetiaReader(library, config=config, enrich=False)
    shown: list[str] = []
    app.notify = lambda message, **kwargs: shown.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    assert any("main.serch" in message and "main.help" not in message for message in shown)


def _articles(ids: list[str]) -> list[Article]:
    return [
        Article(id=i, title=f"Title {i}", body=f"Text of {i}.", date=dt.date(2024, 1, 1))
        for i in ids
    ]


def test_show_names_the_candidates_of_an_ambiguous_prefix(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    library.add(_articles(["zz-alpha", "zz-beta", "zz-gamma", "yy-only"]))
    code, out, err = run(tmp_path / "lib", "show", "zz-")
    assert code == 1
    (line,) = err.strip().splitlines()
    assert "zz-alpha" in line and "zz-beta" in line and "zz-gamma" in line
    code, out, _ = run(tmp_path / "lib", "show", "yy")
    assert code == 0 and "Title yy-only" in out
    code, _, err = run(tmp_path / "lib", "show", "nothing-like-it")
    assert code == 1 and "no article" in err


def test_show_lists_at_most_ten_candidates_and_counts_the_rest(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    library.add(_articles([f"many-{n:02}" for n in range(25)]))
    code, _, err = run(tmp_path / "lib", "show", "many")
    assert code == 1
    assert "many-09" in err and "many-10" not in err and "and 15 more" in err


@pytest.fixture
def read_only_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library the CLI opens read-only, as it does on read-only media.

    (Root writes through file modes, so the fallback is forced; the mount
    tests in tests/robustness/test_mounts.py cover real read-only media.)
    """
    directory = tmp_path / "lib"
    assert run(directory, "list")[0] == 0  # bundled articles imported while writable

    def read_only(directory: Path, **_: object) -> Library:
        return Library(directory, read_only=True)

    monkeypatch.setattr("ossetia_reader.cli.context.Library", read_only)
    return directory


@pytest.mark.parametrize("args", [["enrich"], ["enrich", "--rebuild"], ["index", "--rebuild"]])
def test_writing_commands_on_a_read_only_library_fail(
    read_only_library: Path, args: list[str]
) -> None:
    code, out, err = run(read_only_library, *args)
    assert code == 1, out
    lines = [line for line in err.strip().splitlines() if "error" in line]
    assert len(lines) == 1 and "read-only" in lines[0], err
    assert "enriched" not in out and "search index:" not in out
