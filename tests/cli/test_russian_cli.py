"""A Russian article through the command line: stored with its language, enriched by
the Russian pipeline, shown with nominative names and speakers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ossetia_reader.cli import main
from tests.conftest import CORPORA

MEDUZA = CORPORA / "meduza-golunov-ru" / "meduza-golunov-ru.jsonl"
ARTICLE = "meduza-golunov-38eab1f39f"  # the Irkutsk poisoning: Peskov and Medvedev quoted


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.slow
def test_a_meduza_article_reads_in_russian(tmp_path: Path) -> None:
    if not MEDUZA.is_file():
        pytest.skip(f"{MEDUZA} is absent")
    line = next(line for line in MEDUZA.read_text(encoding="utf-8").splitlines() if ARTICLE in line)
    source = tmp_path / "one.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    library = str(tmp_path / "lib")
    run("--library", library, "add", str(source))
    run("--library", library, "enrich")
    shown = json.loads(run("--library", library, "show", ARTICLE, "--json"))
    assert shown["language"] == "ru"
    canonicals = {e["canonical"] for e in shown["entities"]}
    assert {"Иркутск", "Дмитрий Медведев", "Дмитрий Песков"} <= canonicals
    speakers = {q["speaker"] for q in shown["quotes"]}
    assert {"Дмитрий Песков", "Дмитрий Медведев"} <= speakers
    assert not any(q["text"] in ("«Боярышник»", "«Медуза»") for q in shown["quotes"])
