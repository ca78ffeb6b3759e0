"""Libraries damaged the way a failing disk damages them: they open, then a read fails."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from ossetia_reader.core.article import Article
from ossetia_reader.core.bundled import import_bundled
from ossetia_reader.core.library import DATABASE_NAME, Library


def damage_inside(directory: Path) -> None:
    """A library (bundled articles + 300 more) whose second half of pages is overwritten.

    The header and schema (page 1) survive, so the library opens and its
    version reads fine; listing the articles then fails as "malformed".
    """
    library = Library(directory)
    import_bundled(library)
    start = dt.date(2020, 1, 1)
    library.add(
        Article(
            id=f"damaged-{n}",
            title=f"Title {n}",
            body=f"Body text {n}. " * 300,
            date=start + dt.timedelta(days=n),
            source="Damage test",
        )
        for n in range(300)
    )
    library.close()
    path = directory / DATABASE_NAME
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(pages // 2) * size :] = b"\xff" * (len(data) - (pages // 2) * size)
    path.write_bytes(bytes(data))
