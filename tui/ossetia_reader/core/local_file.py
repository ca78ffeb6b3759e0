"""Read a local file a person named, and nothing else: no devices, pipes or /proc.

A path can name far more than documents: ``/dev/zero`` never ends, a FIFO
blocks its reader forever, and ``/proc/self/environ`` is a "regular" file of
size 0 holding the process's secrets. Feeds subscribed as files, the config
file and OPML lists are read through here: a regular file outside the
kernel's pseudo file systems, opened without blocking, read up to a cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PSEUDO_ROOTS = ("/proc", "/sys", "/dev")


class LocalFileError(OSError):
    """A path that is not a readable document; the message is one line for the user."""


def check_document(path: Path) -> None:
    """Raise ``LocalFileError`` unless ``path`` is a regular file outside /proc, /sys, /dev.

    Raises:
        FileNotFoundError: there is nothing at ``path``.
    """
    resolved = path.expanduser().resolve()
    if any(resolved.is_relative_to(root) for root in PSEUDO_ROOTS):
        raise LocalFileError(f"{resolved} is a system file, not a document")
    mode = resolved.stat().st_mode
    if not stat.S_ISREG(mode):
        raise LocalFileError(f"{resolved} is {_kind(mode)}, not a regular file")


def read_document(path: Path, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file ``path`` (at most ``max_bytes``) and its status.

    Raises:
        LocalFileError: not a regular file, a system file, or over ``max_bytes``.
        OSError: it cannot be opened or read.
    """
    check_document(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path.expanduser(), flags)  # non-blocking: a FIFO swapped in cannot hang us
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):  # replaced between the check and the open
            raise LocalFileError(f"{path} is {_kind(status.st_mode)}, not a regular file")
        if status.st_size > max_bytes:
            raise LocalFileError(f"too large: {status.st_size:,} bytes (limit {max_bytes:,})")
        data = handle.read(max_bytes + 1)  # the file may have grown since fstat
    if len(data) > max_bytes:
        raise LocalFileError(f"too large: over {max_bytes:,} bytes")
    return data, status


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"
