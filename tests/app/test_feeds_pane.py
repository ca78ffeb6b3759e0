"""The feeds pane, saved searches, filters and unread jumps, driven from the keyboard."""

from __future__ import annotations

from textual.pilot import Pilot

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.feedlist import View, ViewKind
from ossetia_reader.core.library import ArticleFilter, Library
from ossetia_reader.core.saved import Kind, list_saved, save
from ossetia_reader.core.subscriptions import add_feed, list_feeds
from ossetia_reader.screens.prompt import PromptScreen
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.feeds_pane import FeedsPane
from ossetia_reader.widgets.reading_pane import ReadingPane
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle


def pane(app: OssetiaReader) -> FeedsPane:
    return app.screen.query_one(FeedsPane)


def entry(app: OssetiaReader, label: str) -> tuple[int | None, int | None]:
    found = [e for e in pane(app).entries if e.label == label]
    assert found, f"{label!r} not in {[e.label for e in pane(app).entries]}"
    return found[0].total, found[0].unread


async def go_to(pilot: Pilot[None], label: str) -> None:
    """Move the pane's cursor to ``label`` with the keyboard."""
    feeds = pane(pilot.app)  # type: ignore[arg-type]
    await pilot.press("home")
    for _ in range(feeds.option_count):
        view = feeds.highlighted_view
        if view is not None and feeds.label_of(view) == label:
            return
        await pilot.press("j")
    raise AssertionError(f"{label!r} not reachable")


async def test_pane_lists_views_and_counts_and_enter_shows_a_saved_search(
    library: Library,
) -> None:
    save(library, "Ossetia", "ossetia")
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        feeds = pane(app)
        assert feeds.display and feeds.region.width == 28
        labels = [e.label for e in feeds.entries]
        assert labels[:4] == ["All articles", "Unread", "Starred", "Ossetia"]
        assert "President of Russia" in labels  # a source of imported articles
        total, unread = entry(app, "Ossetia")
        assert total is not None and unread == total and total >= 1
        assert app.screen.query_one(ReadingPane).region.width >= 50
        await pilot.press("F")  # on already at 120 columns: F hides it, F again goes into it
        assert not feeds.display and isinstance(app.focused, ArticleList)
        await pilot.press("F")
        assert feeds.display and isinstance(app.focused, FeedsPane)
        assert app.screen.query_one(StatusBar).mode == "FEEDS"
        await go_to(pilot, "Ossetia")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ArticleList)
        keys = app.screen.query_one(ArticleList).keys
        assert len(keys) == total
        assert "in Ossetia" in app.screen.query_one(StatusBar).summary
        # Reading one of them lowers its unread count and the Unread count.
        before = entry(app, "Unread")[1]
        await pilot.press("enter")
        await settle(pilot)
        assert entry(app, "Ossetia")[1] == unread - 1
        assert entry(app, "Unread")[1] == (before or 0) - 1


async def test_at_80_columns_the_pane_replaces_the_list(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        feeds, article_list = pane(app), app.screen.query_one(ArticleList)
        reading = app.screen.query_one(ReadingPane)
        assert not feeds.display and article_list.display
        await pilot.press("F")
        await pilot.pause()
        assert feeds.display and not article_list.display and reading.display
        assert reading.region.width >= 50 and feeds.region.width >= 24
        await go_to(pilot, "President of Ukraine")
        await pilot.press("enter")
        await settle(pilot)
        assert article_list.display and not feeds.display
        summaries = library.summaries(article_list.keys)
        assert summaries and {s.source for s in summaries} == {"President of Ukraine"}
        await pilot.press("F")
        await pilot.press("escape")  # Esc in the pane goes back to the list
        await pilot.pause()
        assert isinstance(app.focused, ArticleList) and not feeds.display


async def test_save_the_current_search_with_ctrl_s(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"peskov", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"Kremlin voice", "enter")
        await settle(pilot)
        assert [(s.name, s.query) for s in list_saved(library)] == [("Kremlin voice", "peskov")]
        assert app.search.index is not None
        expected = app.search.index.match_keys("peskov").size
        assert expected and entry(app, "Kremlin voice")[0] == expected


async def test_filters_hide_articles_and_h_shows_them(library: Library) -> None:
    save(library, "kremlin site", 'source:"President of Russia"', Kind.FILTER)
    hidden = library.count(source="President of Russia")
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert len(article_list.keys) == library.count() - hidden
        sources = {s.source for s in library.summaries(article_list.keys)}
        assert "President of Russia" not in sources
        status = app.screen.query_one(StatusBar)
        assert f"{hidden} hidden" in status.summary
        assert entry(app, "All articles")[0] == library.count() - hidden
        assert entry(app, "kremlin site")[0] == hidden
        await pilot.press("slash", *"putin", "escape")
        await pilot.press("H")
        await settle(pilot)
        assert len(article_list.keys) == library.count()
        assert "hidden shown" in status.summary


async def test_n_opens_the_next_unread_and_a_marks_the_feed_read(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        keys = list(article_list.keys)
        library.set_read(keys[1:4])
        await pilot.press("n")  # from the first article: 1-3 are read, so the 5th
        await settle(pilot)
        reading = app.screen.query_one(ReadingPane)
        assert reading.article is not None and reading.article.key == keys[4]
        assert article_list.current_key == keys[4]
        await pilot.press("A")  # asks first
        await settle(pilot)
        assert library.count(ArticleFilter.UNREAD) > 0
        await pilot.press("A")
        await settle(pilot)
        assert library.count(ArticleFilter.UNREAD) == 0
        assert entry(app, "Unread")[1] == 0


async def test_tag_rename_and_remove_a_feed_from_the_pane(library: Library) -> None:
    add_feed(library, "https://feeds.example/rss", "Example")
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")  # the pane is first in the focus chain
        assert isinstance(app.focused, FeedsPane)
        await go_to(pilot, "Example")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"caucasus, daily", "enter")
        await settle(pilot)
        assert list_feeds(library)[0].tags == ("caucasus", "daily")
        assert [e.group for e in pane(app).entries if e.label == "Example"] == ["caucasus"]
        await go_to(pilot, "Example")
        await pilot.press("R")
        await pilot.pause()
        await pilot.press(*"Renamed", "enter")
        await settle(pilot)
        assert list_feeds(library)[0].title == "Renamed"
        await go_to(pilot, "Renamed")
        await pilot.press("d")
        await settle(pilot)
        assert list_feeds(library) == []
        assert View(ViewKind.FEED, "https://feeds.example/rss") not in [
            e.view for e in pane(app).entries
        ]


async def test_articles_that_arrived_since_last_time_are_marked(library: Library) -> None:
    import datetime as dt

    from ossetia_reader.core.article import Article

    async with OssetiaReader(library).run_test(size=(120, 40)) as pilot:
        await settle(pilot)  # the first session ever marks nothing new
        assert not [e for e in pane(pilot.app).entries if e.view.kind is ViewKind.NEW]  # type: ignore[arg-type]
    seen = library.max_key()
    added = library.add(  # as a cron 'fetch' would, between two sessions
        [
            Article(id=f"cron-{n}", title=f"Cron item {n}", body="text", date=dt.date(2031, 1, n))
            for n in (1, 2)
        ]
    )
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert article_list.new_after == seen
        assert {a.key for a in added} == {k for k in article_list.keys if k > seen}
        assert "2 new since last time" in app.screen.query_one(StatusBar).news
        assert article_list.render_line(0).text.startswith("✚ Cron item 2")  # newest first
        assert entry(app, "New since last time") == (2, 2)
        await pilot.press("shift+tab")
        await go_to(pilot, "New since last time")
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(article_list.keys) == sorted(a.key for a in added)
        await pilot.press("enter")  # reading one: one new article left unread
        await settle(pilot)
        assert entry(app, "New since last time") == (2, 1)
    async with OssetiaReader(library).run_test(size=(120, 40)) as pilot:
        await settle(pilot)  # the next session: nothing new any more
        assert not [e for e in pane(pilot.app).entries if e.view.kind is ViewKind.NEW]  # type: ignore[arg-type]


async def test_palette_adds_a_filter_and_the_pane_removes_it(library: Library) -> None:
    hidden = library.count(source="President of Ukraine")
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"hide articles matching")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*'source:"President of Ukraine"', "enter")
        await settle(pilot)
        assert [s.query for s in list_saved(library, Kind.FILTER)] == [
            'source:"President of Ukraine"'
        ]
        article_list = app.screen.query_one(ArticleList)
        assert len(article_list.keys) == library.count() - hidden
        await pilot.press("shift+tab")
        await go_to(pilot, 'source:"President of Ukraine"')
        await pilot.press("d")
        await settle(pilot)
        assert list_saved(library, Kind.FILTER) == []
        assert len(article_list.keys) == library.count()


async def test_the_pane_keys_type_in_the_search_bar(library: Library) -> None:
    from ossetia_reader.widgets.search_bar import SearchBar

    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Ossetia nAFHO")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == "Ossetia nAFHO"
        assert isinstance(app.focused, SearchBar)
        assert not app.feeds.show_hidden  # H typed, not obeyed


async def test_o_switches_a_saved_search_between_newest_and_best_first(library: Library) -> None:
    from ossetia_reader.core.saved import Order, get_saved

    save(library, "Putin", "putin")
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        await go_to(pilot, "Putin")
        await pilot.press("enter")
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        newest = list(article_list.keys)
        dates = [s.date for s in library.summaries(newest)]
        assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
        await pilot.press("O")
        await settle(pilot)
        saved = get_saved(library, "Putin")
        assert saved is not None and saved.order is Order.RANK
        assert app.search.index is not None
        ranked = app.search.index.search("putin", limit=100).hits.keys
        assert list(article_list.keys) == ranked and sorted(ranked) == sorted(newest)
        assert ranked != newest


async def test_imported_articles_are_counted_in_saved_searches(
    library: Library, tmp_path: object
) -> None:
    from pathlib import Path

    save(library, "Tskhinvali", "tskhinvali")
    folder = Path(str(tmp_path))
    (folder / "new.md").write_text(
        "---\ntitle: Tskhinvali votes\ndate: 2031-01-01\n---\n\nA vote in Tskhinvali today.\n"
    )
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = entry(app, "Tskhinvali")
        app.import_sources([str(folder / "new.md")])
        await settle(pilot)
        total, unread = entry(app, "Tskhinvali")
        assert before[0] is not None and total == before[0] + 1
        assert unread == (before[1] or 0) + 1
        # Told as a fetch is: which saved searches got the new articles.
        news = app.screen.query_one(StatusBar).news
        assert news == "1 added, 0 updated from 1 source: 1 in Tskhinvali"
