"""A library on a full tmpfs and on a read-only mount (root only: skipped elsewhere).

Each test runs in a private mount namespace (``unshare --mount``), so a mount
never outlives its test or shows up for other processes on the machine.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ossetia_reader.core.library import Library

from .conftest import REPO
from .library_worker import make_article

WORKER = Path(__file__).with_name("library_worker.py")

CHECK = """
import json, sqlite3, sys
from contextlib import closing
from pathlib import Path
from ossetia_reader.core.library import Library, LibraryError

directory = Path(sys.argv[1])
report = {}
for read_only in (False, True):
    name = "read_only" if read_only else "read_write"
    try:
        library = Library(directory, read_only=read_only)
        report[name] = {"count": library.count(), "ids": len(library.keys())}
        library.close()
    except LibraryError as error:
        report[name] = {"error": str(error)}
    except Exception as error:
        report[name] = {"crash": f"{type(error).__name__}: {error}"}
# Normal open first (it reads the WAL); immutable=1 only where that cannot work (read-only media).
uri = (directory / "library.sqlite3").as_uri()
for options in ("", "?mode=ro&immutable=1"):
    try:
        with closing(sqlite3.connect(uri + options, uri=True)) as db:
            report["integrity"] = db.execute("PRAGMA integrity_check").fetchone()[0]
        break
    except sqlite3.Error as error:
        report["integrity"] = str(error)
print(json.dumps(report))
"""


def mount_namespace_available() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c",
         "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        check=False,
    )  # fmt: skip
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(
    not mount_namespace_available(), reason="needs root and mount namespaces (unshare --mount)"
)


def in_namespace(tmp_path: Path, setup: str, commands: list[list[str]]) -> list[str]:
    """Run ``setup`` (shell) then each command in one private mount namespace; stdout lines."""
    check = tmp_path / "check.py"
    check.write_text(CHECK)
    lines = [setup] + [shlex.join(command) for command in commands]
    script = " && ".join(f"( {line} )" for line in lines)
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui"), "COLUMNS": "200"}
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_full_tmpfs_is_a_clear_error_and_keeps_earlier_articles(tmp_path: Path) -> None:
    mount = tmp_path / "small"
    mount.mkdir()
    library = mount / "library"
    out = in_namespace(
        tmp_path,
        f"mount -t tmpfs -o size=3m tmpfs {shlex.quote(str(mount))}",
        [
            [sys.executable, str(WORKER), "fill", str(library), "0"],
            [sys.executable, str(tmp_path / "check.py"), str(library)],
            ["df", "-k", str(mount)],
        ],
    )
    fill, check = json.loads(out[0]), json.loads(out[1])
    assert fill["type"] == "LibraryWriteError", fill  # a LibraryError, refused write
    assert "full" in fill["error"] and "\n" not in fill["error"]
    assert fill["committed"] > 0, "the disk filled before anything was stored"
    stored = check["read_only"].get("count")
    assert stored == fill["committed"] * 5, (check, fill)
    assert check["integrity"] == "ok"


def test_cli_on_a_read_only_mount_is_one_line_or_a_listing(tmp_path: Path) -> None:
    source, mount = prepared_library(tmp_path)
    out = in_namespace(
        tmp_path,
        read_only_bind(source, mount),
        [
            ["sh", "-c", f"{shlex.quote(sys.executable)} -m ossetia_reader --library "
             f"{shlex.quote(str(mount))} list 2>&1; echo exit=$?"],
        ],
    )  # fmt: skip
    assert out[-1] in ("exit=0", "exit=1"), out
    if out[-1] == "exit=1":
        assert len(out) == 2 and out[0].startswith("ossetia-reader: error:"), out
        assert "Traceback" not in out[0]
    else:
        assert len(out) - 1 >= 30  # every article listed


def test_read_write_open_on_a_read_only_mount_never_crashes(tmp_path: Path) -> None:
    source, mount = prepared_library(tmp_path)
    out = in_namespace(
        tmp_path,
        read_only_bind(source, mount),
        [[sys.executable, str(tmp_path / "check.py"), str(mount)]],
    )
    report = json.loads(out[0])
    assert "crash" not in report["read_write"], report
    assert report["read_write"].get("count", 30) == 30, "either a one-line error or all articles"
    assert "\n" not in report["read_write"].get("error", ""), report
    assert report["integrity"] == "ok"
    assert Library(source, read_only=True).count() == 30, "the data is untouched"


def test_read_only_mode_reads_a_library_on_a_read_only_mount(tmp_path: Path) -> None:
    source, mount = prepared_library(tmp_path)
    out = in_namespace(
        tmp_path,
        read_only_bind(source, mount),
        [[sys.executable, str(tmp_path / "check.py"), str(mount)]],
    )
    report = json.loads(out[0])
    assert report["read_only"].get("count") == 30, report


def prepared_library(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "library"
    library = Library(source)
    library.add(make_article(n) for n in range(30))
    library.close()
    assert sorted(p.name for p in source.iterdir()) == ["library.sqlite3"]
    mount = tmp_path / "read-only"
    mount.mkdir()
    return source, mount


def read_only_bind(source: Path, mount: Path) -> str:
    return (
        f"mount --bind {shlex.quote(str(source))} {shlex.quote(str(mount))} && "
        f"mount -o remount,bind,ro {shlex.quote(str(mount))}"
    )
