"""``ossetia-reader add`` on hostile files, and killed in the middle of a large import."""

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

from ossetia_reader.core.importer import BATCH
from ossetia_reader.core.library import DATABASE_NAME, Library, LibraryError

from .conftest import REPO, run_cli
from .test_cli_output import assert_output_safe

ESC_NAME = "\x1b]2;pwned\x07"


def hostile_folder(root: Path) -> Path:
    folder = root / "incoming"
    folder.mkdir()
    (folder / "plain.txt").write_text(
        "Plain title\n\nMarch 31, 2022\n\nA body [bold]with markup[/bold].\n"
    )
    # (A hostile *file name* is test_add_report_shows_a_hostile_file_name_as_text.)
    (folder / "escapes.txt").write_text(f"Title {ESC_NAME}\n\nBody \x9b2J text.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "links.md").write_text(
        "---\ntitle: Links \x1b[31m red\nurl: javascript:alert(1)\n---\n"
        "[click](javascript:alert(1)) [file](file:///etc/passwd) [ok](https://example.org)\n"
    )
    (folder / "bomb.xml").write_text(
        "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
        "<rss version='2.0'><channel><title>&b;</title></channel></rss>"
    )
    (folder / "feed.xml").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>F&#27;]2;x&#7;</title>"
        "<item><title>Item &#x9b;2J one</title><link>https://example.org/1</link>"
        "<description>&lt;a href='javascript:x'&gt;j&lt;/a&gt; text</description></item>"
        "</channel></rss>"
    )
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": f"j{ESC_NAME}", "title": f"J {ESC_NAME}", "body": "b \x9d0;x\x9c"})
        + "\nnot json\n"
        + json.dumps([1, 2])
        + "\n"
    )
    return folder


def test_add_a_folder_of_hostile_files(tmp_path: Path) -> None:
    library = tmp_path / "library"
    folder = hostile_folder(tmp_path)
    result = run_cli(["--library", str(library), "add", str(folder)])
    assert "Traceback" not in result.stderr.decode()
    assert result.returncode in (0, 1)
    assert_output_safe(result.stdout)
    assert_output_safe(result.stderr)
    listing = run_cli(["--library", str(library), "list", "--json"])
    assert listing.returncode == 0
    assert_output_safe(listing.stdout)
    titles = " ".join(item["title"] for item in json.loads(listing.stdout))
    assert "Plain title" in titles and "Item" in titles
    shown = run_cli(["--library", str(library), "show", "plain"])
    assert b"[bold]with markup[/bold]" in shown.stdout


def test_add_report_shows_a_hostile_file_name_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / f"{ESC_NAME}.txt").write_text("Title\n\nBody.\n")
    result = run_cli(["--library", str(tmp_path / "library"), "add", str(folder)])
    assert result.returncode == 0, result.stderr.decode()
    assert_output_safe(result.stdout)


def test_add_a_huge_article_stores_it_truncated(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = "Word " * 2_000 + "\n\n"
    big.write_text("Huge article\n\nMarch 31, 2022\n\n" + paragraph * 1_050)  # ~10.5 MB
    library_dir = tmp_path / "library"
    result = run_cli(["--library", str(library_dir), "add", str(big)], timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    library = Library(library_dir, read_only=True)
    article = library.find("big")
    assert article is not None
    assert len(article.body) <= 10_000_000 + 200
    assert "truncated" in article.body[-200:]


def jsonl_corpus(path: Path, tag: str, lines: int = 1_500) -> Path:
    """A generated JSON Lines corpus with ids of its own, so every run has new work."""
    with path.open("w") as out:
        for n in range(lines):
            body = " ".join(f"w{(n * 31 + i) % 5000}" for i in range(300))
            record = {"id": f"{tag}-{n}", "title": f"Generated {tag} {n}", "body": body}
            out.write(json.dumps(record) + "\n")
    return path


def stored(library_dir: Path) -> int:
    """How many articles the library holds right now (0 while it does not exist)."""
    if not (library_dir / DATABASE_NAME).exists():
        return 0
    try:
        return Library(library_dir, read_only=True).count()
    except LibraryError:
        return 0  # still being created


def test_kill_during_add_then_add_again_completes_without_duplicates(tmp_path: Path) -> None:
    corpora = [jsonl_corpus(tmp_path / f"c{run}.jsonl", f"c{run}") for run in range(2)]
    library_dir = tmp_path / "library"
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    command = [sys.executable, "-m", "ossetia_reader", "--library", str(library_dir), "add"]
    rng = random.Random(21)
    counts = [0]
    for corpus in corpora:
        child = subprocess.Popen(
            [*command, str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
        # Kill once the first batch of this file is in (so the kill lands mid-import on a
        # loaded machine too), after a random extra moment.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if stored(library_dir) >= counts[-1] + BATCH:
                break
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 0.6))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        if not (library_dir / DATABASE_NAME).exists():
            continue
        with closing(sqlite3.connect(library_dir / DATABASE_NAME)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        library = Library(library_dir, read_only=True)
        count = library.count()
        bundled = library.query("SELECT count(*) FROM articles WHERE feed = 'bundled'")[0][0]
        assert count >= counts[-1], "a kill never loses what an earlier run stored"
        # Whole batches, or the whole file when the kill came after its last (short) batch.
        assert (count - bundled) % BATCH in (0, 1_500 % BATCH), "committed in whole batches"
        counts.append(count)
    print("articles stored after each kill:", counts[1:])
    for _ in range(2):  # the second time adds nothing
        finished = run_cli(["--library", str(library_dir), "add", *map(str, corpora)], timeout=600)
        assert finished.returncode == 0, finished.stderr.decode()
        final = Library(library_dir, read_only=True)
        ids = [summary.id for summary in final.summaries(final.keys())]
        assert len(ids) == len(set(ids)) == bundled + 2 * 1_500
