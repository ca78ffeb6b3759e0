"""``add``, ``export``, ``feeds ...`` and ``fetch`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ossetia_reader.cli import main

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Cli Feed</title>
<item><title>Alpha \x1b]2;owned\x07</title><link>https://cli.example/a</link>
<description>First.</description></item>
<item><title>Beta</title><link>https://cli.example/b</link><description>Second.</description></item>
</channel></rss>"""


def run(library: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--library", str(library), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_add_reports_each_file_and_fails_on_bad_ones(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS)
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run(tmp_path / "lib", "add", str(feed), str(tmp_path / "empty.txt"))
    assert code == 1
    assert "added" in out and "2 new" in out and "feed.xml" in out
    assert "failed" in out and "empty file" in out
    assert "\x1b" not in out + err
    assert err.strip() == "ossetia-reader: error: 1 of 2 sources could not be imported"
    code, out, _ = run(tmp_path / "lib", "add", str(feed))
    assert code == 0 and "skipped" in out and "2 unchanged" in out


def test_export_then_add_into_another_library(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS)
    run(tmp_path / "lib", "add", str(feed))
    out_file = tmp_path / "all.jsonl"
    code, _, err = run(tmp_path / "lib", "export", "--output", str(out_file))
    assert code == 0 and "exported" in err
    records = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert {"Alpha ␛]2;owned␇", "Beta"} <= {r["title"] for r in records}
    assert all({"read", "starred", "tags", "feed", "body"} <= set(r) for r in records)
    code, out, _ = run(tmp_path / "lib", "export")
    assert code == 0 and len(out.splitlines()) == len(records)
    code, _, _ = run(tmp_path / "copy", "add", str(out_file))
    assert code == 0
    _, listed, _ = run(tmp_path / "copy", "list", "--json")
    assert len(json.loads(listed)) == len(records)


def test_feeds_add_list_fetch_export_import_remove(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS)
    lib = tmp_path / "lib"
    code, out, _ = run(lib, "feeds", "add", str(feed))
    assert code == 0 and feed.resolve().as_uri() in out
    code, out, _ = run(lib, "feeds", "add", str(tmp_path / "nope.xml"))
    assert code == 1
    code, out, err = run(lib, "fetch")
    assert code == 0, err
    assert "1 feeds" in out and "2 new articles" in out
    code, out, _ = run(lib, "feeds", "list", "--json")
    (listed,) = json.loads(out)
    assert listed["title"] == "Cli Feed" and listed["last_status"] == "ok"
    code, out, _ = run(lib, "feeds", "list")
    assert code == 0 and "Cli Feed" in out
    opml = tmp_path / "subs.opml"
    code, _, _ = run(lib, "feeds", "export", "--output", str(opml))
    assert code == 0 and "<opml" in opml.read_text()
    code, out, err = run(tmp_path / "other", "feeds", "import", str(opml))
    assert code == 0 and "0 feeds added, 1 skipped" in out
    assert "refused a local file" in err, "a list does not subscribe to local files by itself"
    code, out, _ = run(tmp_path / "other", "feeds", "import", "--allow-files", str(opml))
    assert code == 0 and "1 feeds added" in out
    _, other, _ = run(tmp_path / "other", "feeds", "list", "--json")
    assert [(f["url"], f["title"]) for f in json.loads(other)] == [(listed["url"], "Cli Feed")]
    code, out, _ = run(lib, "feeds", "remove", "Cli Feed")
    assert code == 0 and "unsubscribed" in out
    code, _, err = run(lib, "feeds", "remove", "Cli Feed")
    assert code == 1 and "not subscribed" in err
    code, _, err = run(lib, "fetch")
    assert code == 1 and "no subscriptions" in err


def test_fetch_reports_failed_feeds_and_exits_non_zero(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    broken = tmp_path / "broken.xml"
    broken.write_text("<html><body>Document moved</body></html>")
    run(lib, "feeds", "add", str(broken))
    code, out, err = run(lib, "fetch")
    assert code == 1 and "1 failed" in out
    assert "1 of 1 feeds failed" in err
    _, listed, _ = run(lib, "feeds", "list", "--json")
    assert json.loads(listed)[0]["last_error"] == "not a feed: an HTML page"


def test_help_for_every_command() -> None:
    for args in (["add"], ["export"], ["fetch"], ["feeds"], ["feeds", "import"]):
        result = CliRunner().invoke(main, [*args, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
