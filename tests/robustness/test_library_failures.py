"""The library survives kill -9, concurrent processes, corrupt files and full disks."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from ossetia_reader.core.article import Article
from ossetia_reader.core.library import DATABASE_NAME, ArticleFilter, Library, LibraryError

from .conftest import REPO
from .library_worker import BATCH, make_article

WORKER = Path(__file__).with_name("library_worker.py")


def worker(*args: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def committed_ids(output: str) -> set[str]:
    ids: set[str] = set()
    for line in output.splitlines():
        if line.startswith("{"):
            ids.update(json.loads(line)["committed"])
    return ids


def integrity(directory: Path) -> str:
    with closing(sqlite3.connect(directory / DATABASE_NAME)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def stored_ids(directory: Path) -> set[str]:
    library = Library(directory, read_only=True)
    try:
        return {summary.id for summary in library.summaries(library.keys())}
    finally:
        library.close()


# -- kill -9 ---------------------------------------------------------------------


def test_kill_at_random_points_loses_nothing_committed(tmp_path: Path) -> None:
    rng = random.Random(1234)
    must_survive: set[str] = set()
    for run in range(8):
        child = worker("write", tmp_path, 10_000, "", run * 1_000_000)
        assert child.stdout is not None
        first = child.stdout.readline()  # one commit in: past start-up and migration
        time.sleep(rng.uniform(0, 0.4))  # then somewhere inside a later write
        child.send_signal(signal.SIGKILL)
        output, errors = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, errors
        must_survive |= committed_ids(first + output)

        library = Library(tmp_path)  # re-opens (and recovers the WAL) without error
        library.close()
        assert integrity(tmp_path) == "ok"
        present = stored_ids(tmp_path)
        assert must_survive <= present, f"lost {sorted(must_survive - present)[:5]}"
        # Each transaction is all or nothing: whole batches only.
        assert len(present) % BATCH == 0
    assert must_survive, "no child ever committed: the kills came too early to test anything"


# -- two processes at once -------------------------------------------------------


def test_reader_sees_whole_transactions_while_another_process_writes(tmp_path: Path) -> None:
    Library(tmp_path).close()
    writer = worker("write", tmp_path, 40, "w", 0)
    reader = worker("read", tmp_path, 4)
    reader_out, reader_err = reader.communicate(timeout=60)
    writer_out, writer_err = writer.communicate(timeout=120)
    assert reader.returncode == 0, reader_err
    assert writer.returncode == 0, writer_err
    observations = [json.loads(line) for line in reader_out.splitlines()]
    assert len(observations) > 5
    counts = [count for count, *_ in observations]
    assert counts == sorted(counts), "a reader never sees the library shrink"
    for count, keys, summaries, unread in observations:
        assert count % BATCH == 0, "a reader never sees half a transaction"
        assert keys >= count and summaries == keys
        assert unread <= count, "unread is counted first, and the library only grows"
    assert len(committed_ids(writer_out)) == 400


def test_two_writers_both_finish(tmp_path: Path) -> None:
    Library(tmp_path).close()
    first = worker("write", tmp_path, 20, "x", 0)
    second = worker("write", tmp_path, 20, "y", 0)
    out_first, err_first = first.communicate(timeout=120)
    out_second, err_second = second.communicate(timeout=120)
    assert first.returncode == 0, err_first
    assert second.returncode == 0, err_second
    assert stored_ids(tmp_path) == committed_ids(out_first) | committed_ids(out_second)
    assert len(stored_ids(tmp_path)) == 400
    assert integrity(tmp_path) == "ok"


def test_reader_thread_and_writer_thread_share_one_library(tmp_path: Path) -> None:
    import threading

    library = Library(tmp_path)
    seen: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                seen.append(library.count())
                library.summaries(library.keys(ArticleFilter.UNREAD)[:50])
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        for batch in range(20):
            library.add(make_article(n) for n in range(batch * BATCH, (batch + 1) * BATCH))
    finally:
        done.set()
        thread.join(timeout=30)
    assert not errors, errors
    assert all(count % BATCH == 0 for count in seen)
    assert library.count() == 200


# -- corrupt and truncated files -------------------------------------------------


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A closed library of 200 articles in its own directory, WAL checkpointed."""
    directory = tmp_path / "library"
    library = Library(directory)
    library.add(make_article(n) for n in range(200))
    library.close()
    with closing(sqlite3.connect(directory / DATABASE_NAME)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return directory


def read_everything(directory: Path) -> int:
    """Open and read every article the way the app and CLI do; returns how many."""
    library = Library(directory)
    try:
        keys = library.keys()
        library.summaries(keys)
        articles = list(library.iter_articles())
        library.count(ArticleFilter.UNREAD)
        return len(articles)
    finally:
        library.close()


@pytest.mark.parametrize("keep", [10, 100, 1024, 4096, 0.5, 0.9])
def test_truncated_database_is_a_one_line_library_error(filled: Path, keep: float) -> None:
    path = filled / DATABASE_NAME
    size = path.stat().st_size
    path.write_bytes(path.read_bytes()[: int(size * keep) if keep < 1 else int(keep)])
    with pytest.raises(LibraryError) as caught:
        read_everything(filled)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"this is not a database at all" * 100,
        lambda data: bytes(100) + data[100:],  # header zeroed
        lambda data: b"SQLite format 2\0" + data[16:],
        lambda data: data[:16] + b"\xff\xff" + data[18:],  # impossible page size
        lambda data: os.urandom(len(data)),
    ],
    ids=["text", "zero-header", "wrong-magic", "page-size", "random"],
)
def test_corrupt_database_is_a_one_line_library_error(filled: Path, damage: object) -> None:
    path = filled / DATABASE_NAME
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    with pytest.raises(LibraryError) as caught:
        read_everything(filled)
    assert "\n" not in str(caught.value)


def test_random_page_damage_never_escapes_as_another_error(filled: Path) -> None:
    # Flipped bytes inside pages: SQLite notices most (malformed image); when it
    # does not, the damaged row still has to come back as text, not a crash.
    original = (filled / DATABASE_NAME).read_bytes()
    rng = random.Random(99)
    outcomes = {"error": 0, "read": 0}
    for _ in range(25):
        data = bytearray(original)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(100, len(data))] = rng.randrange(256)
        (filled / DATABASE_NAME).write_bytes(bytes(data))
        try:
            read_everything(filled)
            outcomes["read"] += 1
        except LibraryError as error:
            assert "\n" not in str(error)
            outcomes["error"] += 1
    assert sum(outcomes.values()) == 25


def test_garbage_wal_and_shm_files_are_ignored_and_data_kept(filled: Path) -> None:
    (filled / f"{DATABASE_NAME}-wal").write_bytes(os.urandom(64 * 1024))
    (filled / f"{DATABASE_NAME}-shm").write_bytes(os.urandom(32 * 1024))
    assert read_everything(filled) == 200
    assert integrity(filled) == "ok"


def test_empty_database_file_opens_as_a_new_library(filled: Path) -> None:
    (filled / DATABASE_NAME).write_bytes(b"")
    assert read_everything(filled) == 0


def test_library_written_by_a_newer_version_is_refused(filled: Path) -> None:
    with closing(sqlite3.connect(filled / DATABASE_NAME)) as db:
        db.execute("PRAGMA user_version = 999")
    with pytest.raises(LibraryError, match="newer"):
        Library(filled)


# -- size limit -------------------------------------------------------------------


def test_oversized_article_is_stored_truncated_with_a_notice(tmp_path: Path) -> None:
    library = Library(tmp_path)
    body = ("A paragraph of a very long article. " * 40 + "\n\n") * 8_000  # ~11.5 MB
    assert len(body) > 10_000_000
    (added,) = library.add([Article(id="huge", title="Huge", body=body)])
    stored = library.get(added.key)
    assert stored is not None
    assert len(stored.body) <= 10_000_000 + 200
    assert "truncated" in stored.body[-200:]


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    library = Library(tmp_path, max_body_chars=1_000)
    (added,) = library.add([Article(id="long", title="Long", body="x" * 5_000)])
    stored = library.get(added.key)
    assert stored is not None and len(stored.body) < 1_200
    assert "truncated" in stored.body


def test_one_line_fields_obey_the_size_limit(tmp_path: Path) -> None:
    library = Library(tmp_path, max_body_chars=1_000)
    article = Article(id="wide", title="T" * 5_000, body="short", source="S" * 5_000)
    (added,) = library.add([article])
    summary = library.summary(added.key)
    assert summary is not None
    assert len(summary.title) <= 1_000 and len(summary.source) <= 1_000


# -- full disk (size-limited file) -------------------------------------------------


def test_full_disk_is_a_library_error_and_keeps_what_was_there(filled: Path) -> None:
    # RLIMIT_FSIZE in the child makes writes past a size fail (EFBIG) like a full
    # disk would, without root; test_mounts.py does the same on a real tmpfs.
    before = stored_ids(filled)
    limit = (filled / DATABASE_NAME).stat().st_size + 256 * 1024
    child = worker("fill", filled, limit)
    output, errors = child.communicate(timeout=120)
    assert child.returncode == 0, errors
    report = json.loads(output.strip().splitlines()[-1])
    assert report["type"] == "LibraryWriteError", report  # a LibraryError: what is stored stays
    assert "\n" not in report["error"]
    assert before <= stored_ids(filled), "nothing stored before the failure is lost"
    assert integrity(filled) == "ok"
