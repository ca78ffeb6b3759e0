"""``export --output`` onto devices, pipes and links: written through, never replaced.

The export used to write a temp file and rename it over the output, so
``--output /dev/full`` replaced the device node with a regular file and
reported success. Device nodes here are made with mknod in a temp dir (the
suite runs as root in CI; elsewhere those cases skip).
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from ossetia_reader.core.library import Library
from tests.robustness.conftest import run_cli


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "lib"
    Library(directory)  # the CLI imports the bundled articles on first use
    return directory


def _device(path: Path, minor: int) -> Path:
    """A character device node like /dev/null (minor 3) or /dev/full (minor 7)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("mknod needs root")
    return path


def test_export_onto_a_full_device_fails_with_one_line(library_dir: Path, tmp_path: Path) -> None:
    full = _device(tmp_path / "full", 7)
    result = run_cli(["--library", str(library_dir), "export", "--output", str(full)])
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert len(stderr.strip().splitlines()) == 1 and "No space left on device" in stderr
    assert stat.S_ISCHR(full.stat().st_mode), "the device node is still a device"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".full.")], "no temp left"


def test_export_onto_a_null_device_writes_through(library_dir: Path, tmp_path: Path) -> None:
    null = _device(tmp_path / "null", 3)
    result = run_cli(["--library", str(library_dir), "export", "--output", str(null)])
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.stat().st_mode)


def test_export_into_a_fifo_writes_through(library_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = run_cli(["--library", str(library_dir), "export", "--output", str(fifo)], timeout=30)
    reader.join(10)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the pipe is still a pipe"
    lines = received[0].decode().splitlines()
    assert lines and all(json.loads(line) for line in lines)


def test_export_through_a_link_replaces_the_file_and_keeps_the_link(
    library_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    result = run_cli(["--library", str(library_dir), "export", "--output", str(link)])
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text() != "old\n" and json.loads(target.read_text().splitlines()[0])


def test_export_onto_a_socket_is_refused(library_dir: Path, tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = run_cli(["--library", str(library_dir), "export", "--output", str(path)])
    finally:
        server.close()
    assert result.returncode == 1
    assert stat.S_ISSOCK(path.stat().st_mode)
    assert len(result.stderr.decode().strip().splitlines()) == 1
