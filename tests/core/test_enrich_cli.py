"""``enrich``, ``entities`` and ``quotes`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ossetia_reader.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def test_enrich_then_list_entities_and_quotes(tmp_path: Path) -> None:
    library = str(tmp_path / "lib")
    code, out = run("--library", library, "enrich")
    assert code == 0
    assert "enriched 14 articles (tagger: rules)" in out
    code, out = run("--library", library, "enrich")
    assert "enriched 0 articles" in out

    code, out = run("--library", library, "entities", "--type", "PER", "--json", "--limit", "500")
    people = {row["name"]: row for row in json.loads(out)}
    assert people["Anatoly Bibilov"]["type"] == "PER"
    assert people["Dmitry Peskov"]["mentions"] >= 1

    code, out = run("--library", library, "quotes", "--json")
    speakers = {row["speaker"]: row["quotes"] for row in json.loads(out)}
    assert speakers["Dmitry Peskov"] >= 2

    code, out = run("--library", library, "quotes", "--speaker", "Peskov", "--json")
    quotes = json.loads(out)
    assert [q["text"][:12] for q in quotes][:2] == ["“We have not", "“This concer"]
    assert quotes[0]["title"] == "Kremlin Plays Down South Ossetia Leader's Call to Join Russia"

    code, out = run("--library", library, "quotes", "--speaker", "Peskov")
    assert code == 0 and "— Dmitry Peskov" in out

    code, out = run("--library", library, "enrich", "--rebuild")
    assert "enriched 14 articles" in out


def test_entities_and_quotes_answer_from_what_is_stored_and_say_what_is_pending(
    tmp_path: Path,
) -> None:
    library = str(tmp_path / "lib")
    result = CliRunner().invoke(main, ["--library", library, "entities", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []  # nothing enriched yet, and nothing enriched now
    assert "14 articles not enriched yet" in result.stderr
    result = CliRunner().invoke(main, ["--library", library, "quotes", "--json"])
    assert json.loads(result.stdout) == []
    assert "14 articles not enriched yet" in result.stderr

    from ossetia_reader.core.enrich.store import pending_count
    from ossetia_reader.core.library import Library

    assert pending_count(Library(tmp_path / "lib")) == 14


def test_wait_enriches_pending_articles_first(tmp_path: Path) -> None:
    library = str(tmp_path / "lib")
    result = CliRunner().invoke(main, ["--library", library, "entities", "--type", "loc", "--wait"])
    assert result.exit_code == 0
    assert "Russia" in result.stdout
    assert "not enriched yet" not in result.stderr
    result = CliRunner().invoke(main, ["--library", library, "quotes", "--json"])
    assert any(row["speaker"] == "Dmitry Peskov" for row in json.loads(result.stdout))
    assert "not enriched yet" not in result.stderr


def test_quotes_by_an_unknown_speaker_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["--library", str(tmp_path / "lib"), "quotes", "--speaker", "Nobody"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("ossetia-reader: error: no quotes by 'Nobody'")
