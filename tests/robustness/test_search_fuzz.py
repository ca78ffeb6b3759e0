"""The query language, the index and its files under hostile input and kill -9."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ossetia_reader.core.library import Library
from ossetia_reader.core.search import index_directory, open_index
from ossetia_reader.core.search.index import SearchIndex
from ossetia_reader.core.search.query import parse
from ossetia_reader.core.search.snippet import highlight_spans, snippet
from ossetia_reader.core.search.store import IndexUnusable

from .conftest import REPO, ROBUST, assert_terminal_safe, hostile_text
from .library_worker import make_article

QUERY_PIECES = [
    "Peskov",
    "Бибилов",
    "OR",
    "AND",
    "NOT",
    "-",
    "--",
    '"',
    '"exact phrase"',
    "(",
    ")",
    "((((",
    "*",
    "pre*",
    "title:",
    "source:x",
    "entity:",
    "person:",
    "after:2022-03-01",
    "before:2022-04",
    "date:2022-03",
    "date:99999-99",
    "after:0000-00-00",
    "before:-1",
    ":",
    "\\",
    " ",
    "|",
    "&",
]
query_text = st.lists(
    st.one_of(st.sampled_from(QUERY_PIECES), hostile_text, st.text(max_size=10)), max_size=15
).map(" ".join)


@pytest.fixture(scope="module")
def small_index() -> SearchIndex:
    articles = [make_article(n, body_words=40) for n in range(60)]
    return SearchIndex.build(iter(articles))


@ROBUST
@given(query_text, st.booleans())
@example("(" * 100 + "a" * 10_000, False)
@example('"' * 999 + "a" * 10_000, True)
@example(" OR ".join(["x"] * 5_000), False)
@example("date:2022-02-30 after:2022-13 before:10000-01", False)
def test_any_query_parses_and_explains_itself(text: str, prefix_last: bool) -> None:
    query = parse(text, prefix_last=prefix_last)
    if query.notice is not None:
        assert_terminal_safe(query.notice, one_line=True)


@pytest.mark.parametrize(
    "text",
    ["(" * 300 + "a", "-" * 999 + "a", "-(" * 300 + "a", "(a " * 300],
    ids=["parens", "minus", "minus-parens", "parens-words"],
)
def test_deeply_nested_queries_do_not_raise(small_index: SearchIndex, text: str) -> None:
    small_index.search(text)


@ROBUST
@given(query_text, st.booleans())
@example("word1 OR -word2 NOT (word3", True)
def test_any_query_searches_without_raising(
    small_index: SearchIndex, text: str, prefix_last: bool
) -> None:
    result = small_index.search(text, limit=20, prefix_last=prefix_last)
    assert len(result.hits) <= 20 and result.total >= len(result.hits)
    for suggestion in result.suggestions:
        assert_terminal_safe(suggestion, one_line=True)
    if result.notice is not None:
        assert_terminal_safe(result.notice, one_line=True)


@ROBUST
@given(query_text, hostile_text)
def test_snippets_are_one_safe_line_with_spans_inside(query: str, body: str) -> None:
    from ossetia_reader.core.sanitize import safe_text

    text = safe_text(body)  # stored bodies are already clean
    for start, end in highlight_spans(query, text):
        assert 0 <= start <= end <= len(text)
    line, spans = snippet(query, text)
    assert_terminal_safe(line, one_line=True)
    for start, end in spans:
        assert 0 <= start <= end <= len(line)


# -- the index files -------------------------------------------------------------------


@pytest.fixture
def indexed_library(tmp_path: Path) -> Library:
    library = Library(tmp_path / "library")
    library.add(make_article(n, body_words=60) for n in range(120))
    open_index(library)
    return library


def test_every_kind_of_file_damage_is_rebuilt(indexed_library: Library) -> None:
    directory = index_directory(indexed_library)
    files = sorted(p for p in directory.iterdir() if p.is_file())
    assert files, "open_index saved nothing"
    expected = [hit.key for hit in open_index(indexed_library).search("word5").hits]
    originals = {path: path.read_bytes() for path in files}
    rng = random.Random(3)
    for trial in range(30):
        path = rng.choice(files)
        data = bytearray(originals[path])
        how = trial % 3
        if how == 0 and data:
            data = data[: rng.randrange(len(data))]
        elif how == 1 and data:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            data = bytearray(rng.randbytes(rng.randrange(1, 4096)))
        path.write_bytes(bytes(data))
        notices: list[str] = []
        index = open_index(indexed_library, notify=notices.append)
        for notice in notices:
            assert_terminal_safe(notice, one_line=True)
        assert [hit.key for hit in index.search("word5").hits] == expected
        for original, content in originals.items():  # restore for the next trial
            original.write_bytes(content)


@ROBUST
@given(st.binary(max_size=2000))
def test_a_garbage_manifest_is_index_unusable(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    directory = tmp_path_factory.mktemp("index")
    for name in ("manifest.json", "index.json"):
        (directory / name).write_bytes(data)
    with pytest.raises(IndexUnusable):
        SearchIndex.load(directory)


BUILD_LOOP = """
import sys
from pathlib import Path
from ossetia_reader.core.library import Library
from ossetia_reader.core.search import rebuild_index
library = Library(Path(sys.argv[1]))
while True:
    rebuild_index(library)
    print("saved", flush=True)
"""


def test_kill_during_index_saves_leaves_a_usable_index(indexed_library: Library) -> None:
    expected = [hit.key for hit in open_index(indexed_library).search("word7").hits]
    rng = random.Random(8)
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", BUILD_LOOP, str(indexed_library.directory)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={"PYTHONPATH": str(REPO / "tui"), "PATH": "/usr/bin:/bin"},
        )
        assert child.stdout is not None
        child.stdout.readline()  # one save done: the next ones are what the kill interrupts
        time.sleep(rng.uniform(0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        notices: list[str] = []
        index = open_index(indexed_library, notify=notices.append)
        assert [hit.key for hit in index.search("word7").hits] == expected, notices
        assert index.doc_count == 120
    leftovers = [p.name for p in index_directory(indexed_library).iterdir() if "tmp" in p.name]
    assert len(leftovers) <= 6, f"temporary files pile up: {leftovers}"
