"""The open app picks up articles another process stores (``add``, a cron ``fetch``).

Its own writes (marks, stars, its own imports) must not reload the list, and
nothing moves under the reader's eyes when the list does reload.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article
from ossetia_reader.core.config import Config
from ossetia_reader.core.library import Library, LibraryError
from ossetia_reader.messages import LibraryChanged
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.feeds_pane import FeedsPane
from ossetia_reader.widgets.reading_pane import ReadingPane
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle

WATCH = 0.2  # seconds between looks in these tests (5 in the app)


def _app(library: Library) -> tuple[OssetiaReader, list[LibraryChanged]]:
    """An app that looks often, fetches and enriches nothing by itself, and records
    every ``LibraryChanged`` it sends to its screens (each one reloads the list)."""
    app = OssetiaReader(library, config=Config(refresh_minutes=0), enrich=False)
    app.watch_seconds = WATCH
    posted: list[LibraryChanged] = []
    post = app._post_to_screens

    def recording(message: object) -> None:
        if isinstance(message, LibraryChanged):
            posted.append(message)
        post(message)  # type: ignore[arg-type]

    app._post_to_screens = recording  # type: ignore[method-assign]
    return app, posted


def _from_elsewhere(directory: Path, titles: list[str], source: str = "Wire") -> list[int]:
    """Store articles as another process would: its own ``Library``, its own connection."""
    other = Library(directory)
    try:
        added = other.add(
            Article(
                id=f"elsewhere-{t}",
                title=t,
                body=f"{t} body text",
                date=dt.date(2031, 1, 1),
                source=source,
            )
            for t in titles
        )
    finally:
        other.close()
    return [a.key for a in added if a.key is not None]


async def _until(condition: object, seconds: float = 6.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.05)


async def test_articles_stored_elsewhere_appear_and_the_selection_stays(
    library: Library,
) -> None:
    app, posted = _app(library)
    # 24 lines: the list scrolls, so rows arriving above can be kept off screen.
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        for _ in range(12):
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")  # back to the list, the article still open
        await settle(pilot)
        await asyncio.sleep(WATCH * 2)  # the first looks note where the library stands
        selected = article_list.current_key
        reading = app.screen.query_one(ReadingPane).article
        assert selected is not None and reading is not None and reading.key == selected
        on_screen = article_list.cursor * article_list.row_height - article_list.scroll_offset.y
        assert article_list.scroll_offset.y > 0  # scrolled: a centred cursor would show
        total_before = len(article_list.keys)

        keys = _from_elsewhere(library.directory, ["Cron one", "Cron two", "Cron three"])
        assert len(keys) == 3
        await _until(lambda: set(keys) <= set(article_list.keys))
        await settle(pilot)

        assert set(keys) <= set(article_list.keys)
        assert len(article_list.keys) == total_before + 3
        assert article_list.keys[:3] == sorted(keys, reverse=True) or set(
            article_list.keys[:3]
        ) == set(keys)  # dated 2031: newest, so above the selection
        # Nothing moved: the same article is selected, at the same place on screen,
        # and the reading pane still shows what was being read.
        assert article_list.current_key == selected
        assert (
            article_list.cursor * article_list.row_height - article_list.scroll_offset.y
            == on_screen
        )
        pane_article = app.screen.query_one(ReadingPane).article
        assert pane_article is not None and pane_article.key == selected
        status = app.screen.query_one(StatusBar)
        assert "3 new articles" in status.news
        assert str(total_before + 3) in status.summary.replace(",", "")
        everything = app.screen.query_one(FeedsPane).entries[0]
        assert everything.total == total_before + 3
        assert [p.added for p in posted] == [3]  # one reload, for the three
        assert list(app._notifications) == []  # said in the status line, not in a toast


async def test_the_apps_own_writes_do_not_reload_the_list(library: Library) -> None:
    app, posted = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await asyncio.sleep(WATCH * 2)
        await pilot.press("j", "m", "s", "j", "s")  # mark read, star, star another
        await settle(pilot)
        await asyncio.sleep(WATCH * 4)  # several looks
        await settle(pilot)
        assert posted == []
        assert "new article" not in app.screen.query_one(StatusBar).news

        # Enrichment's kind of write (entities of a stored article) moves the change
        # counter but adds nothing: no reload either.
        other = Library(library.directory)
        key = app.screen.query_one(ArticleList).keys[0]
        with other.transaction() as db:
            db.execute("UPDATE articles SET entities = '[]' || entities WHERE key = ?", [key])
        other.close()
        await asyncio.sleep(WATCH * 4)
        await settle(pilot)
        assert posted == []

        # The app's own import reloads once (its own report), not again as "new".
        source = Path(library.directory).parent / "one.md"
        source.write_text("# Imported here\n\nA body long enough to be an article.\n")
        app.import_sources([str(source)])
        await _until(lambda: bool(posted))
        await asyncio.sleep(WATCH * 4)
        await settle(pilot)
        assert [p.added for p in posted] == [1]
        assert "new article" not in app.screen.query_one(StatusBar).news


async def test_an_unreadable_library_keeps_the_watch_quiet(library: Library) -> None:
    app, posted = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        looks = 0
        query = library.query

        def failing(sql: str, params: object = ()) -> list[tuple[object, ...]]:
            nonlocal looks
            if "change_counter" in sql:
                looks += 1
                raise LibraryError("library is unreadable: database is locked")
            return query(sql, params)  # type: ignore[arg-type]

        library.query = failing  # type: ignore[method-assign]
        await asyncio.sleep(WATCH * 5)
        await settle(pilot)
        assert looks >= 2  # it kept looking, once a tick
        assert app.is_running and app.return_code is None and app.library_failure is None
        assert list(app._notifications) == [] and posted == []


async def test_a_read_only_library_picks_up_articles_quietly(tmp_path: Path) -> None:
    from ossetia_reader.core.bundled import import_bundled

    writable = Library(tmp_path / "library")
    import_bundled(writable)
    writable.close()
    library = Library(tmp_path / "library", read_only=True)
    app, posted = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await asyncio.sleep(WATCH * 2)
        keys = _from_elsewhere(tmp_path / "library", ["Read-only news"])
        article_list = app.screen.query_one(ArticleList)
        await _until(lambda: set(keys) <= set(article_list.keys))
        await settle(pilot)
        assert set(keys) <= set(article_list.keys)
        assert [p.added for p in posted] == [1]
        assert list(app._notifications) == []
        assert app.is_running


async def test_articles_a_filter_hides_are_hidden_and_not_announced(library: Library) -> None:
    from ossetia_reader.core.saved import Kind, save

    save(library, "no tabloid", 'source:"Tabloid"', Kind.FILTER)
    app, posted = _app(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await asyncio.sleep(WATCH * 2)
        article_list = app.screen.query_one(ArticleList)
        before = len(article_list.keys)
        hidden = _from_elsewhere(library.directory, ["Gossip"], source="Tabloid")
        shown = _from_elsewhere(library.directory, ["Bulletin"])
        await _until(lambda: set(shown) <= set(article_list.keys))
        await asyncio.sleep(WATCH * 2)
        await settle(pilot)
        assert set(shown) <= set(article_list.keys) and not set(hidden) & set(article_list.keys)
        assert len(article_list.keys) == before + 1
        news = app.screen.query_one(StatusBar).news
        assert "1 new article" in news and "2 new" not in news
        assert sum(p.added for p in posted) == 2  # both reload (counts); one is news
