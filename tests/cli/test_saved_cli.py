"""``saved``, ``filters``, ``list --saved`` and ``feeds tag/rename`` from the command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ossetia_reader.cli import main


def run(library: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--library", str(library), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def ids(out: str) -> list[str]:
    return [line.split("\t")[0] for line in out.splitlines() if "\t" in line]


def test_saved_add_list_remove_and_list_saved(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    code, out, _ = run(lib, "saved", "add", "Ossetia", "south", "ossetia", "-nothing")
    assert code == 0 and "south ossetia -nothing" in out
    code, out, _ = run(lib, "saved", "list")
    assert out.splitlines() == ["Ossetia\tsouth ossetia -nothing"]
    code, newest, _ = run(lib, "list", "--saved", "Ossetia")
    assert code == 0 and len(ids(newest)) >= 2
    dates = [line.split("\t")[1] for line in newest.splitlines()]
    assert dates == sorted(dates, reverse=True)
    code, ranked, _ = run(lib, "list", "--saved", "ossetia", "--by-rank")
    assert sorted(ids(ranked)) == sorted(ids(newest))
    code, _, err = run(lib, "list", "--saved", "nope")
    assert code == 1 and "no saved search called 'nope'" in err
    code, out, _ = run(lib, "saved", "remove", "Ossetia")
    assert code == 0 and run(lib, "saved", "list")[1].startswith("no saved searches")
    assert run(lib, "saved", "remove", "Ossetia")[0] == 1


def test_filters_hide_from_list_and_survive_export_into_a_new_library(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    _, everything, _ = run(lib, "list")
    assert run(lib, "filters", "add", "kremlin-site", 'source:"President of Russia"')[0] == 0
    run(lib, "saved", "add", "Peskov", "peskov")
    _, shown, _ = run(lib, "list")
    hidden = set(ids(everything)) - set(ids(shown))
    assert hidden and all(
        "President of Russia" in line
        for line in everything.splitlines()
        if line.split("\t")[0] in hidden
    )
    assert ids(run(lib, "list", "--show-hidden")[1]) == ids(everything)
    export = tmp_path / "all.jsonl"
    assert run(lib, "export", "-o", str(export))[0] == 0
    assert run(tmp_path / "copy", "add", str(export))[0] == 0
    assert run(tmp_path / "copy", "saved", "list")[1].splitlines() == ["Peskov\tpeskov"]
    filters = run(tmp_path / "copy", "filters", "list")[1].splitlines()
    assert filters == ['kremlin-site\tsource:"President of Russia"']
    assert ids(run(tmp_path / "copy", "list")[1]) == ids(shown)


def test_feeds_tag_rename_remove(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run(lib, "feeds", "add", "https://a.example/rss")
    code, out, _ = run(lib, "feeds", "tag", "https://a.example/rss", "Caucasus", "daily")
    assert code == 0 and "Caucasus, daily" in out
    code, out, _ = run(lib, "feeds", "rename", "https://a.example/rss", "Caucasus wire")
    assert code == 0 and "'Caucasus wire'" in out
    code, out, _ = run(lib, "feeds", "export")
    assert 'category="Caucasus,daily"' in out and 'title="Caucasus wire"' in out
    assert run(lib, "feeds", "tag", "https://nope.example/", "x")[0] == 1
    code, out, _ = run(lib, "feeds", "remove", "Caucasus wire")
    assert code == 0 and "unsubscribed" in out
