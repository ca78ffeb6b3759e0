"""Every screen and panel of the reader at 80x24 and 120x40, compared with stored SVGs.

The command palette is taken with a query that only the reader's own commands
match: with an empty query, Textual lists each provider's commands as they arrive,
in an order that differed from run to run.
The library is the bundled one with hand-made entity and quote spans on the seed and
no background enrichment, so the pictures change when the screens do, not when the
tagger improves. Regenerate after an intended change with
``pytest tests/app/test_snapshots.py --snapshot-update`` and look at what changed.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Entity, Quote
from ossetia_reader.core.bundled import import_bundled
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import SEED_TITLE, settle

SIZES = [(80, 24), (120, 40)]
Steps = Callable[[Pilot[None]], Awaitable[None]]

SEED_ENTITIES = [
    ("Kremlin", "ORG", 0),
    ("South Ossetia", "LOC", 0),
    ("Georgia", "LOC", 0),
    ("Russia", "LOC", 0),
    ("Dmitry Peskov", "PER", 0),
    ("Anatoly Bibilov", "PER", 0),
    ("Bibilov", "PER", 1),
]


def make_library(directory: Path) -> Library:
    """The bundled articles; the seed with entities and a quote placed by hand."""
    library = Library(directory)
    import_bundled(library)
    (key,) = [s.key for s in library.summaries(library.keys()) if s.title == SEED_TITLE]
    article = library.get(key)
    assert article is not None
    body = article.body
    entities = []
    for text, type_, nth in SEED_ENTITIES:
        start = -1
        for _ in range(nth + 1):
            start = body.index(text, start + 1)
        canonical = "Anatoly Bibilov" if text == "Bibilov" else text
        entities.append(Entity(start, start + len(text), text, type_, canonical))
    quote = "“We have not taken legal or any other measures,”"
    start = body.index(quote)
    quotes = [Quote(start, start + len(quote), quote, "Dmitry Peskov", "told")]
    store_enrichment(library, key, sorted(entities, key=lambda e: e.start), quotes)
    return library


async def ready(pilot: Pilot[None]) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()
    for bar in pilot.app.screen.query(StatusBar):
        bar.news = ""  # background news fades after a few seconds: not part of the look
        bar.message = re.sub(r"in \d+ ms", "in 1 ms", bar.message)  # timings vary
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False  # a blinking cursor is caught on or off at random
    await pilot.pause()


def press(*keys: str) -> Steps:
    async def steps(pilot: Pilot[None]) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await ready(pilot)

    return steps


async def palette(pilot: Pilot[None]) -> None:
    """Ctrl+P and a query, then wait until the palette's list stops changing."""
    from textual.command import CommandList, CommandPalette

    await ready(pilot)
    await pilot.press("ctrl+p", *"feed")
    counts: list[int] = []
    for _ in range(100):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if not isinstance(screen, CommandPalette):
            continue
        counts.append(screen.query_one(CommandList).option_count)
        if len(counts) >= 5 and len(set(counts[-5:])) == 1 and counts[-1] > 0:
            break
    await ready(pilot)


async def prompt(pilot: Pilot[None]) -> None:
    """The palette's "Subscribe to a feed…" question, with an address typed."""
    from ossetia_reader.screens.prompt import PromptScreen

    await ready(pilot)
    pilot.app.push_screen(PromptScreen("Subscribe to a feed (URL or file):"))
    await pilot.pause()
    await pilot.press(*"https://example.org/feed")
    await ready(pilot)


SCREENS: dict[str, Steps] = {
    "main": press(),
    "reading": press("enter", "tab", "tab", "tab", "tab", "tab"),
    "search": press("slash", *"peskov"),
    "search-results": press("slash", *"ossetia", "down"),
    "info": press("enter", "i"),
    "help": press("question_mark"),
    "links": press("enter", "u"),
    "empty-starred": press("v", "v"),
    "empty-search": press("slash", *"xqzwv"),
    "palette": palette,
    "prompt": prompt,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, tmp_path: Path, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = OssetiaReader(make_library(tmp_path / "library"), enrich=False)
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_empty_library(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = OssetiaReader(Library(tmp_path / "empty"), enrich=False)
    assert snap_compare(app, terminal_size=size, run_before=press())


RUSSIAN_BODY = (
    "Пресс-секретарь президента России Дмитрий Песков заявил, что Кремль не принимал "
    "никаких мер. «Это выбор народа Южной Осетии, который мы уважаем», — сказал Песков "
    "журналистам в Москве.\n\n"
    "Ранее президент Южной Осетии Анатолий Бибилов объявил о намерении провести референдум."
)
RUSSIAN_ENTITIES = [
    ("России", "LOC", "Россия", 0),
    ("Дмитрий Песков", "PER", "Дмитрий Песков", 0),
    ("Кремль", "ORG", "Кремль", 0),
    ("Южной Осетии", "LOC", "Южная Осетия", 0),
    ("Песков", "PER", "Дмитрий Песков", 1),
    ("Москве", "LOC", "Москва", 0),
    ("Южной Осетии", "LOC", "Южная Осетия", 1),
    ("Анатолий Бибилов", "PER", "Анатолий Бибилов", 0),
]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_russian_article(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """A Russian article (the newest, so it opens first) with its names and a «quote»."""
    from datetime import datetime

    from ossetia_reader.core.article import Article

    library = make_library(tmp_path / "library")
    library.add(
        [
            Article(
                id="ru",
                title="Песков: Кремль не будет вмешиваться в референдум",
                body=RUSSIAN_BODY,
                date=datetime(2023, 1, 10),
                source="Пример",
            )
        ]
    )
    (key,) = [s.key for s in library.summaries(library.keys()) if s.title.startswith("Песков")]
    entities = []
    for text, type_, canonical, nth in RUSSIAN_ENTITIES:
        start = -1
        for _ in range(nth + 1):
            start = RUSSIAN_BODY.index(text, start + 1)
        entities.append(Entity(start, start + len(text), text, type_, canonical))
    quote = "«Это выбор народа Южной Осетии, который мы уважаем»"
    start = RUSSIAN_BODY.index(quote)
    quotes = [Quote(start, start + len(quote), quote, "Дмитрий Песков", "сказал")]
    store_enrichment(library, key, sorted(entities, key=lambda e: e.start), quotes)
    app = OssetiaReader(library, enrich=False)
    assert snap_compare(app, terminal_size=size, run_before=press("enter", "i"))
