"""Automatic refresh against feeds served on 127.0.0.1, and ``fetch --quiet`` for cron."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from ossetia_reader.app import OssetiaReader
from ossetia_reader.cli import main
from ossetia_reader.core.config import Config
from ossetia_reader.core.library import Library
from ossetia_reader.core.saved import save
from ossetia_reader.core.subscriptions import (
    STATUS_OK,
    add_feed,
    due_feeds,
    record_fetch,
    set_refresh_minutes,
)
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.feeds_pane import FeedsPane
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle
from tests.loopback import serving

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>
<item><title>Tskhinvali referendum called</title><link>http://127.0.0.1/a1</link>
<guid>a1</guid><pubDate>Mon, 04 Apr 2022 10:00:00 GMT</pubDate>
<description>South Ossetia will vote on joining Russia.</description></item>
<item><title>Weather in Moscow</title><link>http://127.0.0.1/a2</link><guid>a2</guid>
<pubDate>Tue, 05 Apr 2022 10:00:00 GMT</pubDate><description>Rain.</description></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        _Handler.hits[self.path] = _Handler.hits.get(self.path, 0) + 1
        if self.path == "/broken.xml":
            self.send_response(500, "Broken")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = RSS.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    with serving(_Handler) as url:
        yield url


def test_due_feeds_follow_the_config_and_each_feeds_own_interval(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    for name in ("a", "b", "c"):
        add_feed(library, f"https://{name}.example/rss")
    now = dt.datetime.now(dt.UTC)
    assert due_feeds(library, 30) == [f"https://{n}.example/rss" for n in "abc"]  # never fetched
    for name in "abc":
        record_fetch(library, f"https://{name}.example/rss", status=STATUS_OK)
    assert due_feeds(library, 30) == []
    assert due_feeds(library, 30, now + dt.timedelta(minutes=31)) == [
        f"https://{n}.example/rss" for n in "abc"
    ]
    set_refresh_minutes(library, "https://a.example/rss", 0)  # never by itself
    set_refresh_minutes(library, "https://b.example/rss", 5)
    assert due_feeds(library, 30, now + dt.timedelta(minutes=6)) == ["https://b.example/rss"]
    assert due_feeds(library, 0, now + dt.timedelta(days=9)) == ["https://b.example/rss"]


async def test_the_open_app_refreshes_by_itself_and_says_what_arrived(
    library: Library, server: str
) -> None:
    add_feed(library, f"{server}/wire.xml")
    save(library, "Ossetia", "ossetia")
    before = library.count()
    app = OssetiaReader(library, config=Config(refresh_minutes=30))
    app.refresh_check_seconds = 0.3
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = app.screen.query_one(StatusBar)
        for _ in range(100):  # the timer fires, the feed is fetched, counts follow
            await asyncio.sleep(0.1)
            if "auto-refresh" in status.news:
                break
        await settle(pilot)
        assert "auto-refresh: 2 new" in status.news and "1 in Ossetia" in status.news
        assert len(app.screen.query_one(ArticleList).keys) == before + 2
        feed_entry = [e for e in app.screen.query_one(FeedsPane).entries if e.label == "Local wire"]
        assert feed_entry and (feed_entry[0].total, feed_entry[0].unread) == (2, 2)
        hits = _Handler.hits.get("/wire.xml", 0)
        await asyncio.sleep(1.0)  # fetched a moment ago: not due again for 30 minutes
        assert _Handler.hits.get("/wire.xml", 0) == hits


def test_fetch_quiet_is_silent_when_well_and_names_each_failing_feed(
    tmp_path: Path, server: str
) -> None:
    lib = str(tmp_path / "lib")
    runner = CliRunner()
    runner.invoke(main, ["--library", lib, "feeds", "add", f"{server}/wire.xml"])
    result = runner.invoke(main, ["--library", lib, "fetch", "--quiet"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    listed = runner.invoke(main, ["--library", lib, "list"]).stdout
    assert "Tskhinvali referendum called" in listed
    runner.invoke(main, ["--library", lib, "feeds", "add", f"{server}/broken.xml"])
    result = runner.invoke(main, ["--library", lib, "fetch", "--quiet"])
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{server}/broken.xml: ")
    assert "500" in lines[0]


def test_refresh_minutes_in_the_config(tmp_path: Path) -> None:
    from ossetia_reader.core.config import ConfigError, load_config

    path = tmp_path / "config.toml"
    assert load_config(path).refresh_minutes == 30
    path.write_text("refresh_minutes = 0\n")
    assert load_config(path).refresh_minutes == 0
    for bad in ("-1", "true", '"10"', "99999999"):
        path.write_text(f"theme = 'x'\nrefresh_minutes = {bad}\n")
        with pytest.raises(ConfigError, match="line 2: refresh_minutes"):
            load_config(path)


async def test_articles_another_process_stores_appear_by_themselves(library: Library) -> None:
    from ossetia_reader.core.article import Article

    save(library, "Cron", "cronword")
    app = OssetiaReader(library, config=Config(refresh_minutes=0))  # no fetching by itself
    app.watch_seconds = 0.3
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await asyncio.sleep(0.5)  # the first look notes the library's version
        other = Library(library.directory)  # as a cron job would, in its own connection
        (added,) = other.add(
            [
                Article(
                    id="from-cron",
                    title="Cronword arrives",
                    body="cronword",
                    date=dt.date(2031, 1, 1),
                )
            ]
        )
        other.close()
        article_list = app.screen.query_one(ArticleList)
        for _ in range(50):
            await asyncio.sleep(0.1)
            if added.key in article_list.keys:
                break
        await settle(pilot)
        assert added.key in article_list.keys
        cron = [e for e in app.screen.query_one(FeedsPane).entries if e.label == "Cron"]
        assert cron and (cron[0].total, cron[0].unread) == (1, 1)
