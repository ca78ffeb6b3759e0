"""``search`` and ``index`` without the UI."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ossetia_reader.cli import main
from ossetia_reader.core.library import Library
from tests.conftest import CORPORA, SEED, SEED_TITLE


def run(library: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--library", str(library), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("query", ["Peskov", "Бибилов", "bibilov", "peskov kremlin"])
def test_search_finds_the_seed_first(tmp_path: Path, query: str) -> None:
    code, out, _ = run(tmp_path / "lib", "search", query, "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["title"] == SEED_TITLE
    assert rows[0]["id"] == SEED.stem
    assert set(rows[0]) == {"id", "title", "date", "source", "score", "snippet"}
    assert rows[0]["date"] == "2022-03-31" and rows[0]["source"] == "The Moscow Times"
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_search_text_output_and_first_build_notice(tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "lib", "search", "Peskov")
    assert code == 0
    assert SEED_TITLE in out.replace("\n", " ") or SEED_TITLE[:40] in out
    assert "Peskov" in out and "found in" in out
    assert "search index built" in err
    code, out, err = run(tmp_path / "lib", "search", "Peskov")
    assert err == ""  # the saved index is reused


def test_search_limit_negation_and_notices(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    code, out, _ = run(lib, "search", "Russia", "--json", "--limit", "2")
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run(lib, "search", "ossetia", "-peskov", "--json")
    assert code == 0
    assert SEED_TITLE not in [r["title"] for r in json.loads(out)]
    code, out, err = run(lib, "search", '"South Ossetia', "--json")
    assert code == 0 and json.loads(out)
    assert "unbalanced quote" in err


def test_search_suggests_when_nothing_is_found(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path / "lib", "search", "Peskv")
    assert code == 0
    assert "0 found" in out
    assert "did you mean peskov?" in out


def test_index_stats_and_rebuild(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    code, out, _ = run(lib, "index")
    assert code == 0 and "search index: 14 articles" in out
    code, out, _ = run(lib, "index", "--stats")
    assert code == 0
    assert "articles" in out and "14" in out and "size on disk" in out
    code, out, _ = run(lib, "index", "--rebuild")
    assert code == 0 and "14 articles" in out


def test_a_corrupt_index_is_rebuilt_with_a_notice(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run(lib, "index")
    segment = next((lib / "index").glob("segment-*.bin"))
    segment.write_bytes(segment.read_bytes()[:100])
    code, out, err = run(lib, "search", "Peskov", "--json")
    assert code == 0
    assert json.loads(out)[0]["title"] == SEED_TITLE
    assert "rebuilt" in err


def test_search_picks_up_articles_added_later(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run(lib, "index")
    from ossetia_reader.core.article import Article

    library = Library(lib)
    library.add([Article(id="x", title="Ossetian cheese fair", body="Cheese from Alagir.")])
    library.close()
    code, out, _ = run(lib, "search", "cheese", "--json")
    assert code == 0
    assert [r["title"] for r in json.loads(out)] == ["Ossetian cheese fair"]


MEDUZA = CORPORA / "meduza-golunov-ru" / "meduza-golunov-ru.jsonl"


@pytest.mark.skipif(not MEDUZA.is_file(), reason="shared corpora not present")
def test_lower_case_cyrillic_finds_capitalised_names(tmp_path: Path) -> None:
    from ossetia_reader.core.article import Article

    lib = tmp_path / "lib"
    library = Library(lib)
    rows = [json.loads(line) for line in MEDUZA.read_text(encoding="utf-8").splitlines()[:20]]
    library.add(
        Article(id=r["id"], title=r["title"], body=r["body"], source=r["source"]) for r in rows
    )
    library.close()
    spelled = {r["title"] for r in rows if "Голунов" in r["body"] or "Голунов" in r["title"]}
    assert spelled, "the slice should mention Голунов"
    code, out, _ = run(lib, "search", "голунов", "--json", "--limit", "100")
    assert code == 0
    assert spelled <= {r["title"] for r in json.loads(out)}


class _Stream:
    def __init__(self, terminal: bool) -> None:
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("terminal", [True, False])
def test_an_index_progress_bar_only_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    """Piped (a script reading ``--json``, cron), long index work draws no bar: Rich
    shows none there, and importing it cost a catch-up ~40 ms."""
    from contextlib import contextmanager

    from ossetia_reader.cli import search as command

    made: list[str] = []

    @contextmanager
    def bar(library: Library, label: str) -> Iterator[Callable[[int], None]]:
        made.append(label)
        yield lambda done: None

    monkeypatch.setattr(command, "_bar", bar)
    monkeypatch.setattr("sys.stderr", _Stream(terminal))
    with command._progress(Library(tmp_path / "lib"), "indexing") as update:
        update(5000)
        update(10000)
    assert made == (["indexing"] if terminal else [])
