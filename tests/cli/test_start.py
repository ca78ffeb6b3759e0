"""The entry point opens the reader without click when there is nothing to parse."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ossetia_reader.cli import start
from ossetia_reader.cli.context import CliContext, UserError
from ossetia_reader.core.paths import LIBRARY_ENV, default_library_dir


def test_only_opening_the_reader_skips_click(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("")
    assert start.reader_only([]) == default_library_dir()
    assert start.reader_only(["--library", "lib"]) == Path("lib")
    assert start.reader_only(["--library=lib"]) == Path("lib")
    # Everything else is click's to parse and check.
    for args in (
        ["list"],
        ["--debug"],
        ["--help"],
        ["--version"],
        ["--library"],
        ["--library="],
        ["--library", "-x"],
        ["--library", "lib", "list"],
        ["--library", str(file)],  # click says it is a file
    ):
        assert start.reader_only(args) is None, args


def test_the_library_variable_goes_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIBRARY_ENV, "~/elsewhere")
    assert start.reader_only([]) is None


def run(monkeypatch: pytest.MonkeyPatch, argv: list[str], launch: object) -> None:
    monkeypatch.setattr(sys, "argv", ["ossetia-reader", *argv])
    monkeypatch.setattr("ossetia_reader.cli.launch.launch", launch)
    start.run()


def test_the_reader_opens_on_the_library_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[CliContext] = []
    run(monkeypatch, ["--library", str(tmp_path / "lib")], opened.append)
    assert [c.library_dir for c in opened] == [tmp_path / "lib"]
    assert not opened[0].debug


def test_a_failure_is_one_line_and_status_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(context: CliContext) -> None:
        raise UserError("config.toml: bad [keys]")

    with pytest.raises(SystemExit) as exit_:
        run(monkeypatch, ["--library", str(tmp_path / "lib")], broken)
    assert exit_.value.code == 1
    assert capsys.readouterr().err == "ossetia-reader: error: config.toml: bad [keys]\n"


def test_anything_else_goes_through_click(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ossetia_reader import __version__

    with pytest.raises(SystemExit) as exit_:
        run(monkeypatch, ["--version"], lambda context: None)
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out
