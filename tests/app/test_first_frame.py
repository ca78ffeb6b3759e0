"""The first frame: what it shows, and what arrives after it without moving anything."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich.store import store_batch
from ossetia_reader.core.library import Library
from ossetia_reader.render import render_article, wrap
from ossetia_reader.screens.main import MainScreen
from ossetia_reader.widgets.reading_pane import ReadingPane
from tests.conftest import settle


def typed_library(directory: Path) -> Library:
    """Four articles naming Fannie Mae: the newest types it PER, the three others ORG."""
    library = Library(directory)
    library.add(
        Article(
            id=f"day-{n}",
            title=f"Results, day {n}",
            body=f"Fannie Mae reported results on day {n}. " + "More words follow here. " * 60,
            date=dt.date(2030, 1, 1 + n),
        )
        for n in range(4)
    )
    rows = library.newest(10)
    store_batch(
        library,
        [
            (
                row.key,
                (Entity(0, 10, "Fannie Mae", "PER" if n == 0 else "ORG", "Fannie Mae"),),
                (),
            )
            for n, row in enumerate(rows)
        ],
    )
    return library


async def test_first_article_takes_library_types_after_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drawn first with the types stored with it (the library-wide lookup waits for the
    frame), then coloured by the library's type in place: the same lines, no jump."""
    library = typed_library(tmp_path / "library")
    first_shown: list[str] = []
    original = MainScreen._show_first_page

    def spy(screen: MainScreen) -> None:
        original(screen)
        article = screen.reading_pane.article
        assert article is not None
        first_shown.extend(e.type for e in article.entities)

    monkeypatch.setattr(MainScreen, "_show_first_page", spy)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == "day-3"
        assert first_shown == ["PER"]  # as stored: nothing looked up before the frame
        assert [e.type for e in pane.article.entities] == ["ORG"]
        stored = library.get(pane.article.key or 0)
        assert stored is not None
        before = render_article(stored, pane._styles(), reserve_legend=True, width=pane.text_width)
        lines = [line.plain for line in wrap(before.text, pane.text_width).lines]
        now = [line.plain for line in pane._wrapped.lines]
        # Line for line the same text, but for the legend's word for the new colour.
        assert len(now) == len(lines) and lines.index("person") == now.index("org")
        assert [a for a, b in zip(now, lines, strict=True) if a != b] == ["org"]
        assert pane.scroll_offset.y == 0


async def test_retyping_leaves_an_article_the_reader_opened_since(tmp_path: Path) -> None:
    """The reader moved on before the types came: the pane keeps what they opened."""
    library = typed_library(tmp_path / "library")
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        pane = screen.query_one(ReadingPane)
        newest = pane.article
        assert newest is not None
        other = library.get(library.newest(10)[1].key)
        assert other is not None
        screen._article_loaded(other, None, [], keep_scroll=False)
        screen._retyped(newest)  # late: the types of the first article
        assert pane.article is not None and pane.article.id == other.id
