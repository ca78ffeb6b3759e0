"""The index built while ``add`` stores articles is the index a rebuild makes, or none at all."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from ossetia_reader.core.importer import import_paths
from ossetia_reader.core.library import Library
from ossetia_reader.core.search import SearchIndex, index_directory, open_index
from ossetia_reader.core.search.importing import ImportIndexer

_LINES = [
    {
        "id": "a1",
        "title": "Oil prices rise",
        "body": "Crude oil rose; gas fell.",
        "date": "2022-03-01",
    },
    {"id": "a2", "title": "Цхинвали", "body": "Бибилов заявил о референдуме.", "source": "Meduza"},
    {"id": "a3", "title": "Kokoïty", "body": "The leader's post-Soviet summit, 155,221 votes."},
    {"id": "a4", "title": "Same story", "body": "Crude oil rose; gas fell.", "date": "2022-03"},
    {"id": "a5", "title": "Grain", "body": "Wheat \u001b[31m and barley " * 30},
]


def _write(path: Path, lines: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    return path


def _import(library: Library, path: Path, workers: int = 1) -> SearchIndex | None:
    indexer = ImportIndexer.start(library, workers)
    assert indexer is not None
    import_paths(library, [str(path)], on_stored=indexer.stored)
    return indexer.finish()


def _same_arrays(got: SearchIndex, expected: SearchIndex) -> None:
    (a,), (b,) = got._segments, expected._segments
    assert list(a.arrays) == list(b.arrays)
    for name in b.arrays:
        assert np.array_equal(a.arrays[name], b.arrays[name]), name


@pytest.mark.parametrize("workers", [1, 2])
def test_index_built_during_import_equals_a_rebuild(tmp_path: Path, workers: int) -> None:
    library = Library(tmp_path / "lib")
    import_paths(library, [str(_write(tmp_path / "before.jsonl", _LINES[:2]))])  # no index yet
    lines = [{**line, "id": f"{line['id']}-{n}"} for n in range(3) for line in _LINES]
    built = _import(library, _write(tmp_path / "a.jsonl", lines), workers)
    assert built is not None
    _same_arrays(built, SearchIndex.build(library.iter_articles()))
    reopened = open_index(library, notify=lambda message: pytest.fail(message))
    _same_arrays(reopened, built)  # saved, and current: nothing to catch up
    assert [h.key for h in reopened.search("бибилов").hits]
    assert not list(index_directory(library).glob(".build-*"))


def test_an_article_updated_during_import_leaves_the_index_to_a_rebuild(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    changed = {**_LINES[0], "body": "Crude oil fell."}
    assert _import(library, _write(tmp_path / "a.jsonl", [*_LINES, changed])) is None
    assert not list(index_directory(library).glob(".build-*"))
    index = open_index(library)
    _same_arrays(index, SearchIndex.build(library.iter_articles()))


def test_a_library_with_an_index_is_caught_up_instead(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    open_index(library)
    assert ImportIndexer.start(library, 1) is None
    (index_directory(library) / "manifest.json").write_text("{")  # corrupt: built anew
    indexer = ImportIndexer.start(library, 1)
    assert indexer is not None
    indexer.discard()


def test_catching_up_on_mostly_new_articles_rebuilds_in_one_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ossetia_reader.core.search as search

    library = Library(tmp_path / "lib")
    import_paths(library, [str(_write(tmp_path / "a.jsonl", _LINES[:2]))])
    open_index(library)
    monkeypatch.setattr(search, "REBUILD_FROM", 3)
    lines = [{**line, "id": f"{line['id']}-{n}"} for n in range(2) for line in _LINES]
    import_paths(library, [str(_write(tmp_path / "b.jsonl", lines))])
    index = open_index(library)
    assert len(index._segments) == 1
    _same_arrays(index, SearchIndex.build(library.iter_articles()))


def test_a_failing_index_build_never_stops_the_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ossetia_reader.core.search import build

    def broken(self: object, article: object) -> list[object]:
        raise RuntimeError("worker died")

    library = Library(tmp_path / "lib")
    indexer = ImportIndexer.start(library, 1)
    assert indexer is not None
    monkeypatch.setattr(build.RunMaker, "add", broken)
    reports = import_paths(
        library, [str(_write(tmp_path / "a.jsonl", _LINES))], on_stored=indexer.stored
    )
    assert reports[0].added == len(_LINES)
    assert indexer.finish() is None
    assert not list(index_directory(library).glob(".build-*"))
    monkeypatch.undo()
    assert open_index(library).doc_count == library.count()


def test_a_big_index_due_for_a_merge_is_rebuilt_in_bounded_memory_instead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ossetia_reader.core.search as search

    library = Library(tmp_path / "lib")
    import_paths(library, [str(_write(tmp_path / "a.jsonl", _LINES))])
    open_index(library)
    import_paths(library, [str(_write(tmp_path / "b.jsonl", [{"id": "b", "title": "More oil"}]))])

    def no_merge(self: SearchIndex) -> None:
        raise AssertionError("merged in memory")

    monkeypatch.setattr(search, "REBUILD_FROM", 3)
    monkeypatch.setattr(SearchIndex, "needs_merge", property(lambda self: True))
    monkeypatch.setattr(SearchIndex, "merge", no_merge)
    index = open_index(library)
    assert len(index._segments) == 1
    _same_arrays(index, SearchIndex.build(library.iter_articles()))
