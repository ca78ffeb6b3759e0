"""``list`` and ``show`` without the UI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ossetia_reader.cli import main
from tests.conftest import SEED, SEED_TITLE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_list_json_has_the_seed_with_every_field(tmp_path: Path) -> None:
    code, out, _ = run("--library", str(tmp_path / "lib"), "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 14
    assert set(rows[0]) == {"id", "title", "date", "source", "url"}
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, reverse=True), "newest first"
    seed = next(r for r in rows if r["title"] == SEED_TITLE)
    assert seed == {
        "id": SEED.stem,
        "title": SEED_TITLE,
        "date": "2022-03-31",
        "source": "The Moscow Times",
        "url": "https://www.themoscowtimes.com/2022/03/31/"
        "kremlin-plays-down-south-ossetia-leaders-call-to-join-russia-a77164",
    }


def test_show_by_prefix_and_json(tmp_path: Path) -> None:
    library = str(tmp_path / "lib")
    code, out, _ = run("--library", library, "show", "2022-03-31-kremlin")
    assert code == 0
    assert SEED_TITLE in out and "Dmitry Peskov" in out and "Original url" not in out
    code, out, _ = run("--library", library, "show", SEED.stem, "--json")
    data = json.loads(out)
    assert data["credit"].endswith("/ TASS") and data["date"] == "2022-03-31"
    for span in data["links"]:
        assert data["body"][span["start"] : span["end"]].startswith("South Ossetia Leader")


def test_unknown_id_is_one_line_error(tmp_path: Path) -> None:
    code, _, err = run("--library", str(tmp_path / "lib"), "show", "no-such-article")
    assert code == 1
    assert err.strip().count("\n") == 0 and err.startswith("ossetia-reader: error:")
    assert "Traceback" not in err


def test_library_env_var_and_version(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OSSETIA_READER_LIBRARY", str(tmp_path / "env-lib"))
    code, out, _ = run("list", "--json")
    assert code == 0 and len(json.loads(out)) == 14
    assert (tmp_path / "env-lib" / "library.sqlite3").exists()
    code, out, _ = run("--version")
    assert code == 0 and "0.1.0" in out


def test_corrupt_library_is_one_line_error(tmp_path: Path) -> None:
    directory = tmp_path / "lib"
    directory.mkdir()
    (directory / "library.sqlite3").write_bytes(b"this is not a database" * 100)
    code, _, err = run("--library", str(directory), "list")
    assert code == 1
    assert err.startswith("ossetia-reader: error:") and err.strip().count("\n") == 0
