"""The look of the main screen, compared with stored SVG snapshots.

Regenerate after an intended change with ``pytest tests/app/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.bundled import import_bundled
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle


def make_app(tmp_path: Path) -> OssetiaReader:
    library = Library(tmp_path / "library")
    import_bundled(library)
    return OssetiaReader(library)


async def ready(pilot: Pilot[None]) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()
    for bar in pilot.app.screen.query(StatusBar):
        bar.news = ""  # background news fades after a few seconds: not part of the look
    await pilot.pause()


def test_main_screen_120x40(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=ready)


def test_main_screen_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=ready)


def test_help_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot: Pilot[None]) -> None:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=(100, 36), run_before=open_help)
