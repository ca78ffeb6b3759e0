"""A child process that writes to (or reads from) a library, for the failure tests.

Run as ``python tests/robustness/library_worker.py COMMAND DIRECTORY ...`` with
``tui`` on ``PYTHONPATH``. Writers print one line per committed transaction,
*after* it returns, so the parent knows what must survive a ``kill -9``.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import signal
import sys
from pathlib import Path

from ossetia_reader.core.article import Article
from ossetia_reader.core.library import ArticleFilter, Library, LibraryError

BATCH = 10


def make_article(number: int, tag: str = "", body_words: int = 400) -> Article:
    """A plausible article; ``tag`` keeps two writers' ids apart."""
    words = " ".join(f"word{(number * 7 + i) % 997}" for i in range(body_words))
    return Article(
        id=f"{tag}a{number:07d}",
        title=f"Article {tag}{number}",
        body=f"{words}\n\nSecond paragraph of article {tag}{number}.",
        date=dt.date(2022, 1 + number % 12, 1 + number % 28),
        source="Robustness",
        url=f"https://example.org/{tag}{number}",
    )


def write(directory: Path, batches: int, tag: str, start: int) -> None:
    """Add ``batches`` transactions of ``BATCH`` articles, marking some read between them."""
    library = Library(directory)
    for batch in range(batches):
        first = start + batch * BATCH
        added = library.add(make_article(n, tag) for n in range(first, first + BATCH))
        library.set_read([added[0].key])
        print(json.dumps({"committed": [r.id for r in added]}), flush=True)


def read(directory: Path, seconds: float) -> None:
    """List the library in a loop, printing each observation for the parent to check."""
    import time

    library = Library(directory, read_only=True)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        unread = library.count(ArticleFilter.UNREAD)
        count = library.count()
        keys = library.keys()
        summaries = library.summaries(keys)
        print(json.dumps([count, len(keys), len(summaries), unread]), flush=True)


def fill_until_full(directory: Path, file_limit: int) -> None:
    """Add large articles under a file-size limit; report how the library failed."""
    if file_limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
    library = Library(directory)
    committed = 0
    try:
        for batch in range(1000):
            library.add(make_article(n, "big", 20_000) for n in range(batch * 5, batch * 5 + 5))
            committed += 1
    except LibraryError as error:
        report = {"error": str(error), "type": type(error).__name__, "committed": committed}
        print(json.dumps(report), flush=True)
        return
    print(json.dumps({"error": None, "committed": committed}), flush=True)


def main() -> None:
    command, directory, *rest = sys.argv[1:]
    path = Path(directory)
    if command == "write":
        write(
            path,
            int(rest[0]),
            rest[1] if len(rest) > 1 else "",
            int(rest[2]) if len(rest) > 2 else 0,
        )
    elif command == "read":
        read(path, float(rest[0]))
    elif command == "fill":
        fill_until_full(path, int(rest[0]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
