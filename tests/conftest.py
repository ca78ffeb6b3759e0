"""Fixtures shared by every tier: an isolated home and a library on temp dirs."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from ossetia_reader.core.bundled import import_bundled
from ossetia_reader.core.library import Library

REPO = Path(__file__).resolve().parents[1]
SEED = (
    REPO
    / "feeds/themoscowtimes"
    / ("2022-03-31-kremlin-plays-down-south-ossetia-leaders-call-to-join-russia.txt")
)
SEED_TITLE = "Kremlin Plays Down South Ossetia Leader's Call to Join Russia"
CORPORA = REPO.parent / "shared" / "corpora"


def plain(renderable: object, width: int = 200) -> str:
    """What a Rich renderable (an option's prompt, a panel's body) shows, as text."""
    from rich.console import Console

    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test away from the real user's data and config directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("OSSETIA_READER_LIBRARY", raising=False)
    monkeypatch.setenv("OSSETIA_READER_NER", "rules")
    return home


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """A fresh library holding the bundled articles."""
    lib = Library(tmp_path / "library")
    import_bundled(lib)
    return lib


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the app's workers (keys, article, index, enrichment) are done.

    A worker replaced by a newer one in its exclusive group ends cancelled, which
    ``wait_for_complete`` reports by raising; that is normal here, so wait again.
    Typed text waits a moment before it is searched (the search bar gathers keys
    and searches once typing pauses): that counts as work not yet done.
    """
    from ossetia_reader.widgets.gather import pending

    for _ in range(40):
        if pending() or any(
            getattr(screen, "search_pending", False) or getattr(screen, "startup_pending", False)
            for screen in pilot.app.screen_stack
        ):
            await pilot.pause(0.05)
            continue
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return
