"""``import_paths``: per-file reports, bad input, nothing lost, export round trip, kill -9."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ossetia_reader.core.importer import Status, export_records, import_paths
from ossetia_reader.core.library import Library

REPO = Path(__file__).resolve().parents[2]
FEEDS = REPO / ".." / "shared" / "corpora" / "rss-feeds"
PRESS = REPO / ".." / "shared" / "corpora" / "ru-ua-press-releases" / "ru-ua-press-releases.jsonl"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local News</title><link>https://news.example/</link>
<item><title>First</title><link>https://news.example/1</link><guid>https://news.example/1</guid>
<description>&lt;p&gt;One.&lt;/p&gt;</description>
<pubDate>Thu, 31 Mar 2022 10:00:00 GMT</pubDate></item>
<item><title>Second</title><link>https://news.example/2</link><guid>https://news.example/2</guid>
<description>Two.</description></item>
</channel></rss>"""


def _state(library: Library) -> list[tuple[object, ...]]:
    return library.query("SELECT id, title, body, read, starred FROM articles ORDER BY key")


def _write_folder(root: Path) -> None:
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(
        "A stored article\n\nMarch 31, 2022\n\nBody with a [link](https://x.org).\n"
    )
    (root / "b.md").write_text("---\ntitle: Markdown one\ndate: 2022-04-01\n---\nText.\n")
    (root / "sub" / "feed.xml").write_text(RSS)
    (root / "sub" / "c.jsonl").write_text(
        json.dumps({"id": "j1", "title": "From JSONL", "date": None, "body": "Body."}) + "\n"
    )
    (root / "README.md").write_text("# About this folder\n")
    (root / ".hidden.txt").write_text("Hidden\n\nnot imported\n")
    (root / "notes.csv").write_text("a,b\n")


def test_folder_import_reports_each_file_and_reimport_skips(
    library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    _write_folder(folder)
    before = library.count()
    seen: list[str] = []
    reports = import_paths(library, [str(folder)], report=lambda r: seen.append(r.source))
    assert [Path(r.source).name for r in reports] == ["a.txt", "b.md", "c.jsonl", "feed.xml"]
    assert seen == [r.source for r in reports]
    assert [r.status for r in reports] == [Status.ADDED] * 4
    assert [r.added for r in reports] == [1, 1, 1, 2]
    assert library.count() == before + 5
    feed_article = library.find(reports[3].keys and library.get(reports[3].keys[0]).id)  # type: ignore[union-attr, arg-type]
    assert feed_article is not None and feed_article.source == "Local News"
    again = import_paths(library, [str(folder)])
    assert [r.status for r in again] == [Status.SKIPPED] * 4
    assert library.count() == before + 5
    (folder / "a.txt").write_text("A stored article\n\nMarch 31, 2022\n\nA corrected body.\n")
    changed = import_paths(library, [str(folder / "a.txt")])
    assert changed[0].status is Status.UPDATED and library.count() == before + 5


def test_bad_sources_fail_with_one_line_and_leave_the_library_alone(
    library: Library, tmp_path: Path
) -> None:
    library.set_starred(library.keys()[0], True)
    library.set_read(library.keys()[:2])
    before = _state(library)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("\n \n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (tmp_path / "random.xml").write_bytes(b"\x00\x01\x02" + os.urandom(5000))
    (tmp_path / "broken.rss").write_text("<rss><channel><title>x</title><item><title>")
    (tmp_path / "bad.jsonl").write_text("nope\n[1]\n")
    (tmp_path / "subs.opml").write_text("<opml version='2.0'><body/></opml>")
    sources = [str(p) for p in sorted(tmp_path.iterdir())] + [
        str(tmp_path / "missing.txt"),
        "ftp://example.com/x",
    ]
    reports = import_paths(library, sources)
    failed = {Path(r.source).name: r.reason for r in reports if r.status is Status.FAILED}
    assert set(failed) >= {
        "empty.txt",
        "blank.md",
        "image.txt",
        "random.xml",
        "bad.jsonl",
        "subs.opml",
        "missing.txt",
        "x",
    }
    assert all(reason and "\n" not in reason for reason in failed.values())
    assert "PNG" in str(failed["image.txt"]) and "feeds import" in str(failed["subs.opml"])
    broken = next(r for r in reports if r.source.endswith("broken.rss"))
    assert broken.status in (Status.FAILED, Status.SKIPPED, Status.ADDED)
    assert _state(library)[: len(before)] == before


@pytest.mark.skipif(not FEEDS.is_dir(), reason="../shared/corpora is absent")
def test_malformed_corpus_imports_what_it_can_and_keeps_the_library(library: Library) -> None:
    library.set_starred(library.keys()[0], True)
    before = _state(library)
    reports = import_paths(library, [str(FEEDS / "malformed")])
    assert len(reports) == 19
    for report in reports:
        if report.status is Status.FAILED:
            assert report.reason and "\n" not in report.reason, report
    assert sum(r.added for r in reports) >= 10
    assert _state(library)[: len(before)] == before


def test_legacy_encodings_in_stored_text(library: Library, tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café à São Paulo\n\nMarch 31, 2022\n\nNão há façanha.\n".encode("latin-1"))
    russian = tmp_path / "russian.txt"
    russian.write_bytes(
        "Кремль преуменьшил призыв\n\nMarch 31, 2022\n\nПрезидент Южной Осетии заявил.\n".encode(
            "cp1251"
        )
    )
    reports = import_paths(library, [str(latin), str(russian)])
    assert [r.status for r in reports] == [Status.ADDED, Status.ADDED]
    assert "decoded as cp1252" in (reports[0].reason or "")
    assert library.find("latin").title == "Café à São Paulo"  # type: ignore[union-attr]
    assert library.find("russian").body == "Президент Южной Осетии заявил."  # type: ignore[union-attr]


def test_a_20_mb_article_is_stored_truncated_with_a_notice(
    library: Library, tmp_path: Path
) -> None:
    paragraph = "A long paragraph of a very long article. " * 50
    big = tmp_path / "huge.txt"
    with big.open("w") as handle:
        handle.write("A huge article\n\nMarch 31, 2022\n\n")
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(paragraph + "\n\n")
    report = import_paths(library, [str(big)])[0]
    assert report.status is Status.ADDED
    article = library.find("huge")
    assert article is not None and article.title == "A huge article"
    assert len(article.body) <= library.max_body_chars + 200
    assert "truncated" in article.body[-200:]


def test_export_then_add_round_trips_without_duplicates(library: Library, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS)
    import_paths(library, [str(feed)])
    keys = library.keys()
    library.set_starred(keys[0], True)
    library.set_read(keys[:3])
    library.set_starred(keys[1], True)
    exported = tmp_path / "export.jsonl"
    with exported.open("w") as handle:
        for record in export_records(library):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    assert len(lines) == library.count()
    assert {"id", "title", "date", "source", "url", "feed", "body", "read", "starred", "tags"} <= (
        set(lines[0])
    )
    before = _state(library)
    again = import_paths(library, [str(exported)])[0]
    assert (again.status, again.added, again.updated) == (Status.SKIPPED, 0, 0)
    assert _state(library) == before

    fresh = Library(tmp_path / "fresh")
    copied = import_paths(fresh, [str(exported)])[0]
    assert copied.added == len(lines)
    assert _state(fresh) == before
    original = {a.id: (a.links, a.feed, a.url) for a in library.iter_articles()}
    assert {a.id: (a.links, a.feed, a.url) for a in fresh.iter_articles()} == original


@pytest.mark.skipif(not PRESS.is_file(), reason="../shared/corpora is absent")
def test_press_release_corpus_imports_every_item(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    report = import_paths(library, [str(PRESS)])[0]
    lines = sum(1 for line in PRESS.open(encoding="utf-8") if line.strip())
    assert report.added + report.updated + report.skipped == lines
    assert report.failed == 0
    assert library.count() == report.added


def test_killed_add_leaves_everything_committed_before_intact(tmp_path: Path) -> None:
    """SIGKILL an ``ossetia-reader add`` of 20,000 lines midway; re-open; all is well."""
    library_dir = tmp_path / "lib"
    library = Library(library_dir)
    import_paths(library, [str(_tiny_feed(tmp_path))])
    library.set_starred(library.keys()[0], True)
    before = _state(library)
    library.close()
    big = tmp_path / "big.jsonl"
    with big.open("w") as handle:
        for n in range(20_000):
            record = {
                "id": f"n{n}",
                "title": f"Story {n}",
                "date": "2022-01-01",
                "body": f"B{n} " * 40,
            }
            handle.write(json.dumps(record) + "\n")
    child = subprocess.Popen(
        [sys.executable, "-m", "ossetia_reader", "--library", str(library_dir), "add", str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO / "tui")},
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if (
                _count(
                    library_dir / "library.sqlite3",
                    "SELECT count(*) FROM articles WHERE id LIKE 'n%'",
                )
                >= 2000
            ):
                break
            time.sleep(0.05)
        assert child.poll() is None, "the import finished before it could be killed"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    reopened = Library(library_dir)
    assert reopened.query("PRAGMA integrity_check") == [("ok",)]
    assert _state(reopened)[: len(before)] == before
    stored = reopened.count() - len(before) - _bundled(reopened)
    assert 2000 <= stored < 20_000
    # Batches are atomic: what is there is a whole number of batches, all readable.
    assert stored % 1000 == 0
    report = import_paths(reopened, [str(big)])[0]
    assert report.added == 20_000 - stored and report.skipped == stored


def _tiny_feed(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.xml"
    path.write_text(RSS)
    return path


def _bundled(library: Library) -> int:
    return int(library.query("SELECT count(*) FROM articles WHERE feed = 'bundled'")[0][0])


def _count(path: Path, sql: str) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute(sql).fetchone()[0])
    except sqlite3.Error:
        return 0


def test_should_stop_ends_an_import_between_batches(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    big.write_text(
        "".join(
            json.dumps({"id": f"s{n}", "title": f"T{n}", "body": "b"}) + "\n" for n in range(3500)
        )
    )
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nText.\n")
    library = Library(tmp_path / "lib")
    polls: list[int] = []

    def stop() -> bool:
        polls.append(1)
        return len(polls) > 2  # the first file's check, then after the first batch

    reports = import_paths(library, [str(big), str(other)], should_stop=stop)
    assert len(reports) == 1
    assert reports[0].added == 2 * 1000 and "stopped after 2,000 lines" in (reports[0].reason or "")
    assert library.count() == 2000
