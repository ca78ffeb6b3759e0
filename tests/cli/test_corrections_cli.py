"""``corrections`` from the command line, and their effect on ``entities``/``quotes``/``search``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ossetia_reader.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout if "--json" in args else result.output


def people(library: str) -> dict[str, str]:
    code, out = run("--library", library, "entities", "--json", "--limit", "500")
    assert code == 0
    return {row["name"]: row["type"] for row in json.loads(out)}


def test_correct_list_and_undo(tmp_path: Path) -> None:
    library = str(tmp_path / "lib")
    assert run("--library", library, "enrich")[0] == 0
    before = people(library)
    assert before["Dmitry Peskov"] == "PER"
    assert run("--library", library, "corrections", "list")[1].startswith("no corrections")

    assert run("--library", library, "corrections", "type", "dmitry peskov", "org")[0] == 0
    assert run("--library", library, "corrections", "hide", "Anatoly Bibilov")[0] == 0
    after = people(library)
    assert after["Dmitry Peskov"] == "ORG"
    assert "Anatoly Bibilov" not in after
    code, out = run("--library", library, "quotes", "--json")
    assert "Anatoly Bibilov" not in [row["speaker"] for row in json.loads(out)]

    code, out = run("--library", library, "corrections", "list", "--json")
    assert {(c["name"], c["action"]) for c in json.loads(out)} == {
        ("dmitry peskov", "type"),
        ("Anatoly Bibilov", "hide"),
    }
    code, out = run("--library", library, "corrections", "remove", "BIBILOV ANATOLY")
    assert code != 0 and "no correction" in out
    code, out = run("--library", library, "corrections", "remove", "anatoly bibilov")
    assert code == 0 and "removed" in out
    assert people(library)["Anatoly Bibilov"] == "PER"


def test_merging_into_itself_is_a_one_line_error(tmp_path: Path) -> None:
    library = str(tmp_path / "lib")
    code, out = run("--library", library, "corrections", "merge", "Kremlin", "kremlin")
    assert code != 0 and "into itself" in out and "Traceback" not in out
