"""``add`` leaves the search index up to date, so the app starts with it ready."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ossetia_reader.cli import main
from ossetia_reader.core.library import Library
from ossetia_reader.core.search import SearchIndex, index_directory


def test_add_updates_the_index_incrementally(tmp_path: Path) -> None:
    library_dir = tmp_path / "lib"
    article = tmp_path / "new.txt"
    article.write_text(
        "Gagloev visits Tskhinvali hospital\n\nApril 2, 2022\n\nThe president toured the ward.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--library", str(library_dir), "add", str(article)])
    assert result.exit_code == 0, result.output
    index = SearchIndex.load(index_directory(Library(library_dir)))
    assert index.doc_count == 15
    hits = index.search("tskhinvali hospital").hits
    assert len(hits) == 1
    result = CliRunner().invoke(main, ["--library", str(library_dir), "search", "hospital"])
    assert "Gagloev visits Tskhinvali hospital" in result.output


def test_search_output_keeps_spaces_around_hits(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--library", str(tmp_path / "lib"), "search", "Peskov"])
    assert result.exit_code == 0
    assert "spokesman Dmitry Peskov told journalists" in " ".join(result.output.split())
