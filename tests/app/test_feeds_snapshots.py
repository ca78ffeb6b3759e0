"""The feeds pane's look: beside the list at 120x40, in the list's place at 80x24.

Regenerate after an intended change with
``pytest tests/app/test_feeds_snapshots.py --snapshot-update`` (and look at the SVGs).
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.bundled import import_bundled
from ossetia_reader.core.library import Library
from ossetia_reader.core.saved import Kind, save
from ossetia_reader.core.subscriptions import add_feed, tag_feed
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle


def quiet(pilot: Pilot[None]) -> None:
    """No toast, no passing news (their timers would make the picture depend on speed)."""
    pilot.app.clear_notifications()
    pilot.app.screen.query_one(StatusBar).news = ""


def make_app(tmp_path: Path) -> OssetiaReader:
    library = Library(tmp_path / "library")
    import_bundled(library)
    save(library, "South Ossetia", '"south ossetia"')
    save(library, "Peskov", "peskov")
    save(library, "Sponsored", 'source:"President of Ukraine"', Kind.FILTER)
    add_feed(library, "https://caucasus.example/rss", "Caucasus wire")
    tag_feed(library, "https://caucasus.example/rss", ["region"])
    add_feed(library, "https://world.example/rss", "World desk")
    return OssetiaReader(library)


async def in_the_pane(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("shift+tab")  # into the feeds pane
    await settle(pilot)
    quiet(pilot)
    await pilot.pause()


def test_feeds_pane_120x40(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=in_the_pane)


def test_feeds_pane_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_pane(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        quiet(pilot)
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_pane)
