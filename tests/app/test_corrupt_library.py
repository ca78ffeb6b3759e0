"""The app on a library that opens but is damaged inside: it ends, saying why, no traceback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ossetia_reader.app import OssetiaReader
from ossetia_reader.cli import main
from ossetia_reader.core.library import Library, LibraryError
from tests.robustness.damage import damage_inside


async def test_a_damaged_library_ends_the_app_with_status_1(tmp_path: Path) -> None:
    damage_inside(tmp_path / "lib")
    app = OssetiaReader(Library(tmp_path / "lib"), enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if not app.is_running:
                break
    assert app.return_code == 1
    assert isinstance(app.library_failure, LibraryError)
    assert "malformed" in str(app.library_failure)


def test_the_cli_names_the_way_out_on_one_line(tmp_path: Path) -> None:
    damage_inside(tmp_path / "lib")
    result = CliRunner().invoke(main, ["--library", str(tmp_path / "lib"), "list"])
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert "malformed" in line and "--library NEW-DIR" in line and ".recover" in line
