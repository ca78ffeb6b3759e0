"""Markup in names is shown as text on every screen, in the palette, toasts and the status line.

Source, feed, entity and speaker names and server messages come from outside:
``[/x]`` in one crashed the command palette and toasts, and ``[@click=app.quit]``
or ``[reverse red]`` were obeyed there. Each path below shows such a name and
checks the screen carries it literally (nothing parsed, nothing crashed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._toast import Toast

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.library import Library
from ossetia_reader.screens.entity import EntityScreen
from ossetia_reader.screens.help import HelpScreen
from ossetia_reader.screens.people import PeopleScreen
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle
from tests.loopback import serving

# Each crashed or was obeyed somewhere before: a closing tag with nothing open,
# an action link, a style, a variable, and an escape sequence.
MARKUP = "[/x] [@click=app.quit]Q[/] [reverse red]R $v"
NAME = f"Zed {MARKUP}"
ESCAPES = "\x1b]2;PWNED\x07\x1b[2J"


def visible(app: OssetiaReader, widget: Widget | None = None) -> str:
    """What the screen (or one widget's part of it) shows, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    if widget is None:
        return "\n".join(strip.text for strip in strips)
    x, y, width, height = widget.content_region
    return "\n".join(strip.crop(x, x + width).text for strip in strips[y : y + height])


def assert_shown(
    app: OssetiaReader, text: str = MARKUP, *, within: type[Widget] | None = None
) -> None:
    """``text`` is on screen verbatim (lines joined: a wrapped name still counts)."""
    widgets = list(app.screen.query(within)) if within else [None]
    shown = [visible(app, w) for w in widgets]
    flat = ["".join(line.strip() for line in part.splitlines()).replace(" ", "") for part in shown]
    assert any(text.replace(" ", "") in part for part in flat), "\n---\n".join(shown)[:6000]
    assert "\x1b" not in visible(app)


@pytest.fixture
def hostile_library(library: Library) -> Library:
    """The bundled articles plus one whose every name is hostile, enriched."""
    body = f'{NAME} said the talks failed. "We leave now," said {NAME}.{ESCAPES}'
    start = body.index("We leave")
    article = Article(
        id="hostile-names",
        title=f"Hostile title {MARKUP}",
        body=body,
        date=dt.date(2030, 1, 1),  # the newest: opened first
        source=NAME + ESCAPES,
        author=NAME,
        url="https://example.org/hostile",
        entities=(Entity(0, len(NAME), NAME, "PER", NAME),),
        quotes=(Quote(start - 1, start + 16, "We leave now,", NAME, "said"),),
    )
    (added,) = library.add([article])
    store_enrichment(library, added.key, article.entities, article.quotes)
    return library


async def _open_palette(pilot: Pilot[None], query: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*query)
    for _ in range(100):  # the palette searches in a worker and shows hits a little later
        await pilot.pause(0.05)
        if "Show source: Zed" in visible(pilot.app):  # type: ignore[arg-type]
            break


async def test_palette_shows_hostile_source_names_as_text(hostile_library: Library) -> None:
    app = OssetiaReader(hostile_library, enrich=False)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(pilot)
        await _open_palette(pilot, "show source zed")
        assert_shown(app, "Show source: " + NAME)
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


async def test_palette_discovery_and_choice_of_a_hostile_source(hostile_library: Library) -> None:
    app = OssetiaReader(hostile_library, enrich=False)
    async with app.run_test(size=(140, 60), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        for _ in range(40):  # the discovery list scrolls to the source entries
            await pilot.press("down")
        await settle(pilot)
        assert app.is_running
        await pilot.press("escape")
        await _open_palette(pilot, "zed")
        await pilot.press("enter")
        await settle(pilot)
        status = app.screen.query_one(StatusBar)
        assert MARKUP in status.message and MARKUP in status.summary
        assert_shown(app)


async def test_toasts_show_markup_as_text(hostile_library: Library) -> None:
    app = OssetiaReader(hostile_library, enrich=False)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(pilot)
        app.notify(f"plain {MARKUP}", title=f"title {MARKUP}")
        app.screen.notify(f"from the screen {MARKUP}", severity="error")
        await settle(pilot)
        assert_shown(app, f"plain {MARKUP}", within=Toast)
        assert_shown(app, f"from the screen {MARKUP}", within=Toast)
        assert_shown(app, f"title {MARKUP}", within=Toast)


class _ReasonHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # the reason phrase is the server's to choose
        self.send_response(503, f"Busy {MARKUP}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def reason_server() -> Iterator[str]:
    with serving(_ReasonHandler) as url:
        yield f"{url}/feed.xml"


async def test_server_reason_phrase_in_a_toast(library: Library, reason_server: str) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await settle(pilot)
        app.import_sources([reason_server])
        await settle(pilot)
        assert_shown(app, f"HTTP 503 Busy {MARKUP}", within=Toast)


async def test_every_screen_shows_hostile_names_as_text(hostile_library: Library) -> None:
    app = OssetiaReader(hostile_library, enrich=False)
    # 190 columns: beside the feeds pane the list is still wide enough for the whole name.
    async with app.run_test(size=(190, 50), notifications=True) as pilot:
        await settle(pilot)
        assert_shown(app, f"Hostile title {MARKUP}")  # list row and reading pane
        await pilot.press("i")  # the entities panel
        await settle(pilot)
        assert_shown(app, NAME)
        await pilot.press("z")  # grouped by source: the group headers
        await settle(pilot)
        assert_shown(app, NAME)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert_shown(app, NAME)
        app.open_entity(NAME, "PER")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        assert_shown(app, NAME)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one(StatusBar).activity = f"fetching {NAME}{ESCAPES}"
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        app.clear_notifications()  # a toast would cover the status line
        await settle(pilot)
        assert_shown(app, "fetching Zed [/x] [@click", within=StatusBar)
        await pilot.press("slash", *"zed")
        await settle(pilot)
        assert_shown(app, f"Hostile title {MARKUP}")
        assert app.is_running


async def test_feeds_pane_and_its_prompts_show_hostile_names_as_text(
    hostile_library: Library,
) -> None:
    from ossetia_reader.core.saved import save
    from ossetia_reader.core.subscriptions import add_feed, tag_feed
    from ossetia_reader.screens.prompt import PromptScreen

    feed = add_feed(hostile_library, "https://example.org/feed.xml", title=f"Feed {MARKUP}")
    tag_feed(hostile_library, feed.url, [f"Tag {MARKUP}"])
    save(hostile_library, f"Saved {MARKUP}", "ossetia")
    app = OssetiaReader(hostile_library, enrich=False)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(pilot)
        from ossetia_reader.widgets.feeds_pane import FeedsPane

        pane = app.screen.query_one(FeedsPane)  # beside the list at this width
        assert_shown(app, "Feed [/x] [@click=app", within=FeedsPane)  # cut to the pane's width
        assert_shown(app, "Saved [/x] [@click=a", within=FeedsPane)
        assert_shown(app, f"Tag {MARKUP}", within=FeedsPane)
        pane.focus()
        for _ in range(30):  # down to the feed's own row
            view = pane.highlighted_view
            if view is not None and "feed.xml" in view.id:
                break
            await pilot.press("j")
        await pilot.press("R")  # rename: the prompt names the feed
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        assert_shown(app, f"New name for Feed {MARKUP}")
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
