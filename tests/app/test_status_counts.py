"""The status line's counts and messages read clearly (found in a new-user walk)."""

from __future__ import annotations

import re

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.config import Config
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.reading_pane import ReadingPane
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle


async def test_a_search_says_how_many_of_the_library_it_found(library: Library) -> None:
    app = OssetiaReader(library, config=Config(refresh_minutes=0), enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = app.screen.query_one(StatusBar)
        total = library.count()
        assert status.summary == f"{total} articles"
        await pilot.press("slash", *"peskov")
        await settle(pilot)
        found = len(app.screen.query_one(ArticleList).keys)
        assert 0 < found < total
        # One count, of the whole: not "1 found" beside "14 articles".
        assert status.summary == f"{found} of {total} articles"
        assert re.fullmatch(r"found in \d+ ms", status.message), status.message
        await pilot.press("enter")  # opening a result recounts; still the search's count
        await settle(pilot)
        assert status.summary == f"{found} of {total} articles"
        await pilot.press("escape", "escape")  # to the list, then clear the search
        await settle(pilot)
        assert status.summary == f"{total} articles" and status.message == ""


async def test_n_from_the_list_clears_the_last_message(library: Library) -> None:
    app = OssetiaReader(library, config=Config(refresh_minutes=0), enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        keys = list(article_list.keys)
        await pilot.press("j", "m")  # the second article: "marked read" (or unread)
        await settle(pilot)
        status = app.screen.query_one(StatusBar)
        assert status.message.startswith("marked")
        await pilot.press("n")
        await settle(pilot)
        reading = app.screen.query_one(ReadingPane)
        assert reading.article is not None and reading.article.key == keys[2]
        assert status.message == ""
