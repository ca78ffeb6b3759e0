"""Regenerate the SVG screenshots in screenshots/ from the real app.

Drives the app with Textual's Pilot on a temporary library holding the
bundled articles, and saves what the screen shows. Run from the repository
root:  python scripts/screenshots.py [--output screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tui"), str(ROOT)]

from tests.conftest import settle as settle_workers  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

from ossetia_reader.app import OssetiaReader  # noqa: E402
from ossetia_reader.core.bundled import import_bundled  # noqa: E402
from ossetia_reader.core.library import Library  # noqa: E402
from ossetia_reader.widgets.article_list import ArticleList  # noqa: E402
from ossetia_reader.widgets.status_bar import StatusBar  # noqa: E402

SEED_TITLE = "Kremlin Plays Down South Ossetia Leader's Call to Join Russia"
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def settle(pilot: Pilot[None]) -> None:
    await settle_workers(pilot)
    pilot.app.clear_notifications()
    for bar in pilot.app.screen.query(StatusBar):
        bar.news = ""  # "search index built" fades after a few seconds anyway
    await pilot.pause()


async def open_seed(pilot: Pilot[None]) -> None:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, OssetiaReader)
    article_list = app.screen.query_one(ArticleList)
    titles = [s.title for s in app.library.summaries(article_list.keys)]
    for _ in range(titles.index(SEED_TITLE)):
        await pilot.press("j")
    await pilot.press("enter")
    await settle(pilot)


async def search(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("slash", *"ossetia")
    await settle(pilot)
    await pilot.press("down")  # into the results; the reading pane previews the selected one
    await settle(pilot)


def after_seed(*keys: str) -> Steps:
    """Open the seed, then press ``keys``."""

    async def steps(pilot: Pilot[None]) -> None:
        await open_seed(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)

    return steps


SHOTS: list[tuple[str, tuple[int, int], Steps]] = [
    ("main-120x40", (120, 40), open_seed),
    ("main-80x24", (80, 24), open_seed),
    ("search-120x40", (120, 40), search),
    ("reading-120x40", (120, 40), after_seed(*["tab"] * 6)),
    ("info-80x24", (80, 24), after_seed("i")),
    ("links-80x24", (80, 24), after_seed("u")),
    ("help-120x40", (120, 40), after_seed("question_mark")),
    ("people-120x40", (120, 40), after_seed("p")),
    ("entity-120x40", (120, 40), after_seed("p", "3", "enter")),  # the most quoted
]


async def take(output: Path, library_dir: Path) -> None:
    for name, size, steps in SHOTS:
        library = Library(library_dir / name)
        import_bundled(library)
        app = OssetiaReader(library)
        async with app.run_test(size=size) as pilot:
            await steps(pilot)
            path = app.save_screenshot(filename=f"{name}.svg", path=str(output))
            print(Path(path).relative_to(ROOT) if Path(path).is_relative_to(ROOT) else path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("OSSETIA_READER_NER", "rules")
    with tempfile.TemporaryDirectory() as library_dir:
        asyncio.run(take(args.output.resolve(), Path(library_dir)))


if __name__ == "__main__":
    main()
