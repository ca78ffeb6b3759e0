"""Settings reach the app (keys, width, theme), and the command palette and feeds work."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ossetia_reader.app import OssetiaReader
from ossetia_reader.cli import main
from ossetia_reader.core.config import Config, load_state
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.reading_pane import ReadingPane
from ossetia_reader.widgets.search_bar import SearchBar
from tests.conftest import settle

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Caucasus Test Feed</title><link>https://example.org/</link>
<item><title>Tskhinvali holds a referendum debate</title><link>https://example.org/a1</link>
<guid>a1</guid><pubDate>Mon, 04 Apr 2022 10:00:00 GMT</pubDate>
<description>Officials in Tskhinvali discussed the referendum.</description></item>
<item><title>Second item</title><link>https://example.org/a2</link><guid>a2</guid>
<pubDate>Tue, 05 Apr 2022 10:00:00 GMT</pubDate><description>More text.</description></item>
</channel></rss>
"""


async def test_remapped_key_and_reading_width(library: Library) -> None:
    config = Config(reading_width=60, keys={"main.search": "ctrl+g"})
    app = OssetiaReader(library, config=config)
    # 140 columns: the reading pane has room for 60 beside the feeds pane and the list.
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ReadingPane).text_width == 60
        await pilot.press("slash")
        assert not isinstance(app.focused, SearchBar), "/ was remapped away"
        await pilot.press("ctrl+g")
        assert isinstance(app.focused, SearchBar)
        await pilot.press("escape", "tab")
        await pilot.press("plus")
        assert app.screen.query_one(ReadingPane).max_width == 64


async def test_theme_from_config_and_remembered(library: Library, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    app = OssetiaReader(library, config=Config(theme="nord"), state_path=state)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        app.theme = "high-contrast"
        await settle(pilot)
    assert load_state(state) == {"theme": "high-contrast"}
    again = OssetiaReader(library, config=Config(theme="nord"), state_path=state)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert again.theme == "high-contrast", "the last choice wins over the config"


async def test_palette_command_filters_unread(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        key = app.screen.query_one(ArticleList).keys[0]
        library.set_read([key])
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"show unread")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        keys = app.screen.query_one(ArticleList).keys
        assert len(keys) == 13 and key not in keys


async def test_subscribe_to_a_feed_file_and_refresh(library: Library, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert "no feeds yet" in " ".join(str(n.message) for n in app._notifications).lower()
        app.subscribe(str(feed))
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        titles = [s.title for s in library.summaries(article_list.keys)]
        assert len(titles) == 16
        assert "Tskhinvali holds a referendum debate" in titles
        await pilot.press("slash", *"Цхинвали")
        await settle(pilot)
        found = [s.title for s in library.summaries(article_list.keys)]
        assert "Tskhinvali holds a referendum debate" in found


def test_config_command_reports_errors_with_line(isolated_home: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["config", "--path"])
    path = Path(result.stdout.strip())
    assert result.exit_code == 0 and path.name == "config.toml"
    assert str(isolated_home) in str(path)
    path.parent.mkdir(parents=True)
    path.write_text('theme = "nord"\nreading_width = "wide"\n', encoding="utf-8")
    result = runner.invoke(main, ["config"])
    assert result.exit_code == 1
    assert "line 2: reading_width must be" in result.stderr
    path.write_text('theme = "nord"\n', encoding="utf-8")
    result = runner.invoke(main, ["config"])
    assert result.exit_code == 0 and "theme = nord" in result.stdout


async def test_palette_lists_sources_and_filters_by_one(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"moscow times")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        keys = app.screen.query_one(ArticleList).keys
        assert [s.title for s in library.summaries(keys)] == [
            "Kremlin Plays Down South Ossetia Leader's Call to Join Russia"
        ]
        await pilot.press("v", "v", "v")  # unread, starred, all: back to everything
        await settle(pilot)
        assert len(app.screen.query_one(ArticleList).keys) == 14
