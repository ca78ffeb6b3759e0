"""Searching from the keyboard: narrowing as you type, hits in the article, n/N, Esc."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.reading_pane import ReadingPane
from ossetia_reader.widgets.search_bar import SearchBar
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import SEED_TITLE, settle


async def ready(pilot: Pilot[None]) -> OssetiaReader:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, OssetiaReader)
    assert app.search.index is not None, "the index loads in the background"
    return app


async def test_each_keystroke_narrows_the_list(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        article_list = app.screen.query_one(ArticleList)
        counts = [len(article_list.keys)]
        await pilot.press("slash")
        for query in ("south", " osset", "ia", " peskov"):
            await pilot.press(*["space" if ch == " " else ch for ch in query])
            await settle(pilot)
            counts.append(len(article_list.keys))
        assert counts[0] == 14
        assert counts == sorted(counts, reverse=True) and counts[-1] < counts[1] < counts[0]
        assert library.summaries(article_list.keys)[0].title == SEED_TITLE
        status = app.screen.query_one(StatusBar).message
        assert "found in" in status and "ms" in status
        assert article_list.row_height == 3
        row = article_list.row(article_list.keys[0])
        assert row is not None and row.snippet_spans
        for start, end in row.snippet_spans:
            word = row.snippet[start:end].casefold()
            assert word.startswith(("south", "osset", "peskov")), word


async def test_enter_opens_top_hit_with_highlights_and_n_moves(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"bibilov")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.title == SEED_TITLE
        assert isinstance(app.focused, ReadingPane)
        body = pane.article.body
        assert len(pane.hits) >= 4
        assert all(body[s:e].casefold().startswith("bibilov") for s, e in pane.hits)
        assert pane.hit_index == 0
        await pilot.press("n")
        assert pane.hit_index == 1
        await pilot.press("N", "N")
        assert pane.hit_index == len(pane.hits) - 1
        assert "hit" in app.screen.query_one(StatusBar).message


async def test_cyrillic_query_finds_latin_spelling(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Бибилов")
        await settle(pilot)
        keys = app.screen.query_one(ArticleList).keys
        assert keys and library.summaries(keys)[0].title == SEED_TITLE


async def test_escape_restores_list_and_history_recalls(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"peskov")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        opened = app.screen.query_one(ReadingPane).article
        await pilot.press("slash")
        await pilot.press("escape")
        await settle(pilot)
        assert len(article_list.keys) == 14 and article_list.row_height == 2
        assert opened is not None and article_list.current_key == opened.key, "selection kept"
        await pilot.press("slash", "up")
        assert app.screen.query_one(SearchBar).value == "peskov"


async def test_no_match_suggests_a_spelling(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"bibilof")
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert article_list.keys == []
        assert "bibilov" in article_list.loading_message.casefold()


async def test_recent_searches_survive_a_restart(library: Library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path / "state.json"
    app = OssetiaReader(library, state_path=state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for query in ("peskov", "bibilov"):
            await pilot.press("slash", *query)
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
    again = OssetiaReader(library, state_path=state)
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", "up")
        assert again.screen.query_one(SearchBar).value == "bibilov"
        await pilot.press("up")
        assert again.screen.query_one(SearchBar).value == "peskov"


async def test_opening_a_result_keeps_its_snippet(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"peskov")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        row = article_list.row(article_list.keys[0])
        assert row is not None and row.read and "Peskov" in row.snippet


def test_titles_answer_while_the_index_loads(library: Library) -> None:
    from ossetia_reader.search_service import SearchService

    found = SearchService(library).search("ossetia")
    titles = [s.title for s in library.summaries(found.keys)]
    assert SEED_TITLE in titles and all("ossetia" in t.casefold() for t in titles)
    assert found.notice is not None and "titles only" in found.notice


async def test_a_search_typed_while_the_index_loads_is_asked_again_when_it_has(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answered from titles at first ("peskov" is in no title), then from the whole text.

    It used to stay at "0 of 14" with a stale notice until the reader typed again.
    """
    import threading

    from ossetia_reader.search_service import SearchService

    release = threading.Event()
    original = SearchService.load

    def slow_load(self: SearchService, notify=None, **steps) -> None:  # type: ignore[no-untyped-def]
        release.wait(10)
        original(self, notify, **steps)

    monkeypatch.setattr(SearchService, "load", slow_load)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"peskov")
        for _ in range(100):
            await pilot.pause(0.05)
            # The answer to the whole query: one for "pesk" (titles are quick to search)
            # could say "titles only" first and be overtaken by the final one below.
            searching = any(w.group == "search" and w.is_running for w in app.workers)
            searching = searching or app.screen._search_timer_set  # type: ignore[attr-defined]
            said = "titles only" in app.screen.query_one(StatusBar).message
            if said and not searching and app.screen.query_text == "peskov":  # type: ignore[attr-defined]
                break
        status = app.screen.query_one(StatusBar)
        assert "titles only" in status.message
        assert app.screen.query_one(ArticleList).keys == []
        status.message = "saved search 'Peskov watch'"  # what the reader did meanwhile
        release.set()
        await settle(pilot)
        keys = app.screen.query_one(ArticleList).keys
        assert keys, "the search ran again on the loaded index"
        assert status.message == "saved search 'Peskov watch'", "asked again, it said nothing"
        assert SEED_TITLE in [s.title for s in library.summaries(keys)]


async def test_results_show_their_titles_while_the_snippets_load(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Snippets read each article's text (a second for 100 long articles under load);
    until they come, the results are drawn with title and date, not as rows of "…"."""
    import threading

    from ossetia_reader.search_service import SnippetRows

    release = threading.Event()
    original = SnippetRows.summaries

    def slow(self: SnippetRows, keys):  # type: ignore[no-untyped-def]
        release.wait(10)
        return original(self, keys)

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"zelenskyy")  # results without the seed drawn before
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        seed = next(k for k, title in library.titles() if title == SEED_TITLE)
        assert article_list.keys and seed not in article_list.keys
        monkeypatch.setattr(SnippetRows, "summaries", slow)
        app.screen.query_one(SearchBar).value = "peskov"
        for _ in range(50):
            await pilot.pause(0.05)
            if article_list.keys and article_list.keys[0] == seed:
                break
        assert article_list.keys[0] == seed and article_list.row(seed) is None
        drawn = ["".join(s.text for s in article_list.render_line(y)).strip() for y in range(6)]
        assert drawn[0].endswith("Kremlin Plays Down South…") or SEED_TITLE[:20] in drawn[0]
        assert drawn[0] != "…" and "2022-03-31" in drawn[1], drawn
        release.set()
        await settle(pilot)
        row = article_list.row(article_list.keys[0])
        assert row is not None and "Peskov" in row.snippet
