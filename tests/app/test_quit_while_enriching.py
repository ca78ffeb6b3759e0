"""`q` while enrichment's worker processes are busy quits at once and says nothing.

The enrichment thread waits on its batch and the app's end waited on the thread:
with a model still loading, `q` left an empty terminal and no prompt for 3-10 s
(27,000 articles, load 7). Here a worker process that sleeps stands for a batch
being tagged; the quit must end it, and the broken batch must not become a toast.
"""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.library import Library


def busy_enrichment(
    children: list[multiprocessing.process.BaseProcess], started: threading.Event
) -> object:
    def enrich_pending(library: Library, **_: object) -> int:
        from ossetia_reader.core.enrich.pipeline import _start_resource_tracker

        _start_resource_tracker()  # as the real pool does under Textual's stderr
        child = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(60,))
        child.start()
        children.append(child)
        started.set()
        child.join()  # a batch being tagged
        raise RuntimeError("A process in the process pool was terminated abruptly")

    return enrich_pending


async def test_quit_ends_a_busy_enrichment_worker_and_says_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    children: list[multiprocessing.process.BaseProcess] = []
    started = threading.Event()
    monkeypatch.setattr(
        "ossetia_reader.core.enrich.pipeline.enrich_pending", busy_enrichment(children, started)
    )
    app = OssetiaReader(library)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(200):
                if started.is_set():
                    break
                await pilot.pause(0.05)
            assert started.is_set(), "enrichment started its worker"
            await pilot.press("q")
            for _ in range(40):
                if children[0].exitcode is not None:
                    break
                await pilot.pause(0.05)
            assert children[0].exitcode is not None, "the quit ended the busy worker"
            await pilot.pause(0.2)
            assert not [n for n in app._notifications if "enrichment" in str(n.message)]
        assert app.return_code == 0
    finally:
        for child in children:
            if child.is_alive():
                child.kill()
