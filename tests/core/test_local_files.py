"""Local paths: only regular files, under a cap, and only when the person names them.

``file:///dev/zero`` as a feed read until the kernel killed the process, a FIFO
blocks its reader forever, ``/proc/self/environ`` is a "regular" file holding
secrets, and an OPML list from elsewhere could subscribe to any of them. Each
case runs in a thread with a bound, so a regression fails instead of hanging.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from click.testing import CliRunner

from ossetia_reader.cli import main
from ossetia_reader.core.config import ConfigError, load_config
from ossetia_reader.core.download import FetchError, FetchLimits, download
from ossetia_reader.core.fetch import FeedState, fetch_all
from ossetia_reader.core.importer import Status, import_paths
from ossetia_reader.core.library import Library
from ossetia_reader.core.subscriptions import SubscriptionError, add_feed, import_opml

T = TypeVar("T")

BOUND = 5.0
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
    "<item><title>A</title><link>https://example.org/a</link><guid>a</guid>"
    "<description>Text.</description></item></channel></rss>"
)


def bounded(call: Callable[[], T]) -> T | Exception:
    """What ``call`` returned or raised, failing the test if it runs past ``BOUND``."""
    outcome: list[T | Exception] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as error:
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(BOUND)
    assert outcome, f"still running after {BOUND} s"
    assert time.monotonic() - started < BOUND
    return outcome[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "feed.xml"
    os.mkfifo(path)
    return path


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib")


def _subscribe_raw(library: Library, url: str) -> None:
    """A subscription stored before these rules (or by hand): the fetch must still refuse."""
    with library.transaction() as db:
        db.execute("INSERT INTO feeds (url) VALUES (?)", [url])


@pytest.mark.parametrize("target", ["/dev/zero", "/proc/self/environ", "fifo", "/tmp"])
def test_fetch_reads_only_regular_files(library: Library, fifo: Path, target: str) -> None:
    path = fifo if target == "fifo" else Path(target)
    url = path.as_uri()
    _subscribe_raw(library, url)
    summary = bounded(lambda: fetch_all(library, limits=FetchLimits(timeout=1, deadline=2)))
    assert not isinstance(summary, Exception), summary
    (result,) = summary.results
    assert result.state is FeedState.FAILED
    assert result.error and "\n" not in result.error
    assert any(w in result.error for w in ("device", "pipe", "system file", "folder")), result


@pytest.mark.parametrize("target", ["/dev/zero", "/proc/self/environ", "fifo"])
def test_subscribing_to_a_special_file_is_refused(
    library: Library, fifo: Path, target: str
) -> None:
    path = fifo if target == "fifo" else Path(target)
    for text in (str(path), path.as_uri()):
        outcome = bounded(lambda text=text: add_feed(library, text))  # type: ignore[misc]
        assert isinstance(outcome, SubscriptionError), outcome


def test_a_local_feed_has_the_same_cap_as_http(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b" " * 5000)
    with pytest.raises(FetchError, match="too large"):
        download(big.as_uri(), max_bytes=4000, allow_file=True)
    small = tmp_path / "small.xml"
    small.write_text(RSS)
    assert download(small.as_uri(), max_bytes=4000, allow_file=True).data == RSS.encode()


def test_a_regular_local_feed_subscribed_directly_works(library: Library, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS)
    add_feed(library, str(feed))
    (result,) = fetch_all(library).results
    assert result.state is FeedState.DONE and result.added == 1


def test_an_opml_list_does_not_subscribe_to_local_paths(library: Library, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS)
    opml = f"""<?xml version="1.0"?><opml version="2.0"><body>
    <outline text="secret" xmlUrl="file:///etc/shadow"/>
    <outline text="env" xmlUrl="/proc/self/environ"/>
    <outline text="mine" xmlUrl="{feed}"/>
    <outline text="web" xmlUrl="https://example.org/feed.xml"/>
    </body></opml>""".encode()
    added, skipped = import_opml(library, opml)
    assert [f.url for f in added] == ["https://example.org/feed.xml"]
    refused = [line for line in skipped if line.startswith("refused a local file")]
    assert len(refused) == 3 and all("\n" not in line for line in refused)
    added, skipped = import_opml(library, opml, allow_files=True)  # the person said so
    assert feed.resolve().as_uri() in [f.url for f in added]
    assert any("system file" in line for line in skipped), "never /proc, even then"


def test_feeds_import_refuses_local_paths_with_one_line(tmp_path: Path) -> None:
    opml = tmp_path / "list.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="x" xmlUrl="file:///etc/passwd"/></body></opml>'
    )
    result = CliRunner().invoke(
        main, ["--library", str(tmp_path / "lib"), "feeds", "import", str(opml)]
    )
    assert result.exit_code == 0
    assert "0 feeds added, 1 skipped" in result.output
    assert "refused a local file" in result.output


def test_feeds_import_of_a_device_is_refused(tmp_path: Path) -> None:
    result = bounded(
        lambda: CliRunner().invoke(
            main, ["--library", str(tmp_path / "lib"), "feeds", "import", "/dev/zero"]
        )
    )
    assert not isinstance(result, Exception), result
    assert result.exit_code == 1, result.output
    assert "device" in result.output or "system file" in result.output


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "fifo"])
def test_a_config_linked_to_a_device_is_not_read(tmp_path: Path, fifo: Path, target: str) -> None:
    config = tmp_path / "config.toml"
    config.symlink_to(fifo if target == "fifo" else target)
    error = bounded(lambda: load_config(config))
    assert isinstance(error, ConfigError), error
    assert "\n" not in str(error)


def test_a_huge_config_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("# " + "x" * (2 * 1024 * 1024))
    with pytest.raises(ConfigError, match="too large"):
        load_config(config)


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_add_refuses_devices_and_pipes(library: Library, fifo: Path, target: str) -> None:
    source = str(fifo) if target == "fifo" else target
    reports = bounded(lambda: import_paths(library, [source]))
    assert not isinstance(reports, Exception), reports
    (report,) = reports
    assert report.status is Status.FAILED and report.reason
    assert any(word in report.reason for word in ("device", "pipe", "system file"))


def test_add_of_a_folder_skips_a_link_to_a_device(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "zero.xml").symlink_to("/dev/zero")
    (folder / "story.txt").write_text("A story\n\nIts text, long enough to be an article.")
    reports = bounded(lambda: import_paths(library, [str(folder)]))
    assert not isinstance(reports, Exception), reports
    by_name = {Path(r.source).name: r for r in reports}
    assert by_name["story.txt"].status is Status.ADDED
    assert "zero.xml" not in by_name or by_name["zero.xml"].status is Status.FAILED


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_state_linked_to_a_device_is_not_read(tmp_path: Path, fifo: Path, target: str) -> None:
    from ossetia_reader.core.config import load_state

    state = tmp_path / "state.json"
    state.symlink_to(fifo if target == "fifo" else target)
    assert bounded(lambda: load_state(state)) == {}
