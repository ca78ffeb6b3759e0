"""Keyboard flows of the main screen, driven with Pilot."""

from __future__ import annotations

import pytest
from textual.css.query import NoMatches

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article
from ossetia_reader.core.library import Library
from ossetia_reader.screens.help import HelpScreen
from ossetia_reader.screens.main import MainScreen
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.reading_pane import ReadingPane
from ossetia_reader.widgets.search_bar import SearchBar
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import SEED_TITLE, settle


def screen_text(app: OssetiaReader) -> str:
    """What the reading pane currently shows, as plain text."""
    pane = app.screen.query_one(ReadingPane)
    return "\n".join(line.plain for line in pane._wrapped.lines)


async def test_first_frame_lists_articles_and_opens_the_newest(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert len(article_list.keys) == library.count() == 14
        assert isinstance(app.focused, ArticleList)
        assert app.screen.query_one(StatusBar).mode == "LIST"
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.key == article_list.keys[0]
        assert pane.article.title == SEED_TITLE, "a first launch opens the seed"


async def test_open_seed_scroll_and_switch_panes(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        seed_index = next(
            i for i, s in enumerate(library.summaries(article_list.keys)) if s.title == SEED_TITLE
        )
        for _ in range(seed_index):
            await pilot.press("j")
        assert article_list.cursor == seed_index
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert isinstance(app.focused, ReadingPane)
        assert app.screen.query_one(StatusBar).mode == "READ"
        assert pane.article is not None and pane.article.title == SEED_TITLE
        assert "Dmitry" in screen_text(app) and "Related article: South Ossetia" in screen_text(app)
        seed_key = pane.article.key
        assert seed_key is not None
        summary = library.summary(seed_key)
        assert summary is not None and summary.read, "opening an article marks it read"

        await pilot.press("j", "j", "j")
        assert pane.scroll_offset.y == 3
        await pilot.press("k")
        assert pane.scroll_offset.y == 2
        await pilot.press("G")
        assert pane.scroll_offset.y == pane.max_scroll_y > 0
        await pilot.press("g")
        assert pane.scroll_offset.y == 0
        await pilot.press("space")
        assert pane.scroll_offset.y > 0
        await pilot.press("b")
        assert pane.scroll_offset.y == 0

        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(app.focused, ReadingPane)


async def test_help_screen_lists_bindings_and_closes(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        titles = [title for title, _ in app.screen.sections]
        assert {"Anywhere", "Article list", "Reading pane", "Search bar"} <= set(titles)
        assert "ArticleInfo" not in titles and "Footer" not in titles  # Textual's own keys
        described = {line.text for _, lines in app.screen.sections for line in lines}
        wanted = {"Search the library", "Quit", "Read the article", "Previous search hit"}
        assert wanted <= described
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_quit_with_q(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_search_bar_filters_and_escape_restores(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        everything = list(article_list.keys)
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBar)
        assert app.screen.query_one(StatusBar).mode == "SEARCH"
        await pilot.press(*"ossetia")
        await settle(pilot)
        found = list(article_list.keys)
        assert 0 < len(found) < len(everything)
        titles = [s.title for s in library.summaries(found)]
        assert SEED_TITLE in titles
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ArticleList)
        assert article_list.keys == everything
        assert app.screen.query_one(SearchBar).value == ""


async def test_star_and_read_state_toggle_from_keyboard(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        key = app.screen.query_one(ArticleList).current_key
        assert key is not None
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        summary = library.summary(key)
        assert summary is not None and summary.starred and summary.read
        await pilot.press("v", "v")  # all -> unread -> starred
        await settle(pilot)
        assert app.screen.query_one(ArticleList).keys == [key]


async def test_article_markup_and_escapes_are_shown_literally(tmp_path) -> None:  # type: ignore[no-untyped-def]
    library = Library(tmp_path / "lib")
    library.add(
        [
            Article(
                id="evil",
                title="[bold red]Evil[/] \x1b]2;PWNED\x07 title",
                body="Click [@click=app.quit]here[/] or [link=file:///etc/passwd]there[/link]. "
                "\x1b[2J\x1b]52;c;ZXZpbA==\x07 done",
            )
        ]
    )
    app = OssetiaReader(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "[bold red]Evil[/]" in text
        assert "[@click=app.quit]here[/]" in text
        assert "\x1b" not in text and "␛[2J" in text and "␛]52;c;" in text
        assert app.is_running


async def test_narrow_terminal_keeps_reading_pane_wide(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ReadingPane).size.width >= 50
    app = OssetiaReader(library)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        pane = app.screen.query_one(ReadingPane)
        assert article_list.display and not pane.display
        await pilot.press("enter")
        await settle(pilot)
        assert pane.display and not article_list.display and pane.size.width >= 50


async def test_mouse_click_on_a_row_opens_it(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.click(ArticleList, offset=(5, 2))
        await settle(pilot)
        assert article_list.cursor == 1
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.key == article_list.keys[1]


async def test_group_by_source_and_month_with_headers(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        selected = article_list.current_key
        await pilot.press("z")
        await settle(pilot)
        headers = [k for k in article_list.keys if k < 0]
        assert len(headers) == 3 and article_list.keys[0] < 0
        assert article_list.current_key == selected, "grouping keeps the selection"
        await pilot.press("g")
        assert article_list.current_key == article_list.keys[1], "the cursor skips the header"
        sources = [s.source for s in library.summaries(article_list.keys)]
        assert sources == sorted(sources)
        for _ in range(8):
            await pilot.press("j")
        assert article_list.current_key is not None, "moving down skips headers too"
        await pilot.press("z")
        await settle(pilot)
        assert len([k for k in article_list.keys if k < 0]) == 6  # six months
        await pilot.press("z")
        await settle(pilot)
        assert all(k >= 0 for k in article_list.keys) and len(article_list.keys) == 14


async def test_a_result_arriving_while_quitting_is_dropped_not_a_crash(library: Library) -> None:
    """A worker's article can land after ``q`` began taking the screen down (seen in tmux)."""
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.exit()
        app._handle_exception(NoMatches("the reading pane is gone"))
    assert app.return_code == 0


async def test_a_missing_widget_before_quit_is_still_a_crash(library: Library) -> None:
    app = OssetiaReader(library)
    with pytest.raises(NoMatches):
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app._handle_exception(NoMatches("a real bug"))
    assert app.return_code == 1
