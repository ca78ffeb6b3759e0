"""Hypothesis: random markup-like names through the palette, toasts, tables and lists.

Each example builds a library whose sources, titles, feed names and entities
are drawn names, then drives the app: palette search and discovery, a toast
per name, the people table, the feeds pane. Nothing may crash, and what is
shown must be the name itself (no tag swallowed, no style applied).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.library import Library
from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.core.subscriptions import add_feed
from tests.app.test_hostile_names import visible
from tests.conftest import settle

FRAGMENTS = [
    "[",
    "]",
    "[/]",
    "[/x]",
    "[b]",
    "[@click=app.quit]",
    "[@click=screen.dismiss]",
    "[link=file:///etc/passwd]",
    "[reverse red]",
    "$var",
    "$",
    "\\",
    "\\[",
    "[$accent]",
    "\x1b[2J",
    "\x1b]2;T\x07",
    "\x00",
    "\u202e",
]
names = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="ab []/@=$\\.:", max_size=6)),
    min_size=1,
    max_size=6,
).map(lambda parts: "N" + "".join(parts))


def _library(directory: Path, drawn: list[str]) -> Library:
    library = Library(directory)
    for n, name in enumerate(drawn):
        body = f"{name} spoke. More text follows here."
        (added,) = library.add(
            [
                Article(
                    id=f"fuzz-{n}",
                    title=f"T{n} {name}",
                    body=body,
                    date=dt.date(2030, 1, 1 + n),
                    source=name,
                )
            ]
        )
        store_enrichment(library, added.key, [Entity(0, len(name), name, "PER", name)], [])
        add_feed(library, f"https://example.org/{n}.xml", title=name)
    return library


async def _drive(library: Library, drawn: list[str]) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(pilot)
        for name in drawn:
            app.notify(name, title=name)
        await pilot.press("ctrl+p", *"show source n")
        for _ in range(40):
            await pilot.pause(0.05)
            if "Show source: N" in visible(app):
                break
        shown = visible(app)
        assert "\x1b" not in shown
        for name in drawn:  # the palette shows the start of each name verbatim
            start = safe_line(name)[:12]
            assert start in shown.replace("\n", ""), (start, shown[-1500:])
        await pilot.press("escape")
        await pilot.press("p")
        await settle(pilot)
        assert app.is_running
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running


@pytest.mark.slow
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(names, min_size=3, max_size=5, unique=True))
def test_random_markup_names_never_crash_or_style_the_ui(drawn: list[str]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        library = _library(Path(directory) / "lib", drawn)
        asyncio.run(_drive(library, drawn))
