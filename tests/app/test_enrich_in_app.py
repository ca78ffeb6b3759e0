"""The app enriches a library of many new articles in worker processes, under Textual."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pytest

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article
from ossetia_reader.core.enrich.pipeline import NER_ENV
from ossetia_reader.core.enrich.store import pending_count
from ossetia_reader.core.library import Library


@pytest.mark.slow
async def test_the_app_enriches_many_new_articles_in_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's stand-in for sys.stderr has no file behind it: starting worker
    # processes under the app once failed ("bad value(s) in fds_to_keep").
    monkeypatch.setenv(NER_ENV, "rules")  # the workers inherit it
    library = Library(tmp_path / "lib")
    library.add(
        Article(
            id=f"many-{n}",
            title=f"Report {n}",
            body=f"Dmitry Peskov told reporters in Moscow on day {n} that talks went on.",
        )
        for n in range(60)
    )
    app = OssetiaReader(library, state_path=Path(tempfile.mkdtemp()) / "state.json")
    notes: list[str] = []
    real_notify = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        notes.append(str(message))
        real_notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):  # up to a minute on a busy machine
            await pilot.pause(0.1)
            if pending_count(library) == 0 or any("enrichment stopped" in n for n in notes):
                break
        await asyncio.sleep(0)
    assert not [note for note in notes if "enrichment stopped" in note], notes
    assert pending_count(library) == 0
