"""``ossetia-reader enrich`` killed mid-way: every committed batch stays, a rerun finishes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from ossetia_reader.core.enrich.pipeline import NER_ENV
from ossetia_reader.core.library import DATABASE_NAME, Library

from .conftest import REPO, run_cli
from .library_worker import make_article


def enriched(library_dir: Path) -> int:
    rows = Library(library_dir, read_only=True).query(
        "SELECT count(*) FROM articles WHERE enriched = 1"
    )
    return int(rows[0][0])


def test_kill_during_enrichment_keeps_batches_and_a_rerun_finishes(tmp_path: Path) -> None:
    library_dir = tmp_path / "library"
    library = Library(library_dir)
    library.add(make_article(n, body_words=120) for n in range(400))
    library.close()
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui"), NER_ENV: "rules"}
    command = [sys.executable, "-m", "ossetia_reader", "--library", str(library_dir), "enrich"]
    rng = random.Random(5)
    seen = [0]
    for _ in range(3):
        child = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if enriched(library_dir) > seen[-1]:  # a batch is in: kill during a later one
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        with closing(sqlite3.connect(library_dir / DATABASE_NAME)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        now = enriched(library_dir)
        assert now >= seen[-1], "a kill never undoes committed enrichment"
        seen.append(now)
    print("enriched after each kill:", seen[1:])
    finished = run_cli(["--library", str(library_dir), "enrich"], env={NER_ENV: "rules"})
    assert finished.returncode == 0, finished.stderr.decode()
    total = Library(library_dir, read_only=True).count()  # the CLI added the bundled ones
    assert enriched(library_dir) == total
    reopened = Library(library_dir, read_only=True)
    for key in reopened.keys():
        article = reopened.get(key)
        assert article is not None
        for entity in article.entities:
            assert article.body[entity.start : entity.end] == entity.text
