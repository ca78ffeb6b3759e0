"""Named numpy arrays in one checksummed file, written atomically and mapped on load.

Layout: ``MAGIC`` (8 bytes), header length (u64, little endian), CRC-32 of the
header (u32), the header (JSON: format version, metadata, and for every
array its dtype, shape and offset), then the arrays, each 64-byte aligned.
The data area is checked on load with a wrapping sum of it as 64-bit words:
any single changed byte changes the sum, and summing 40 MB takes a few
milliseconds where ``zlib.crc32`` takes ~70 ms on the reference machine. It
guards against torn writes and disk corruption, not against tampering.

Loading maps the file (``mmap``) and wraps the arrays with
``np.frombuffer``: no copy, no per-element Python objects; after the check
the pages are released (``MADV_DONTNEED``), so resident memory grows only by
what queries touch.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import struct
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MAGIC = b"OSRIDX\x00\x01"
FORMAT_VERSION = 1
_ALIGN = 64
_PREFIX = struct.Struct("<8sQI")


class IndexUnusable(Exception):
    """The index on disk cannot be used (missing, corrupt, other version); rebuild it."""


def _checksum(words: np.ndarray) -> int:
    return int(words.sum(dtype=np.uint64))


def write_atomic(path: Path, data: bytes | Iterable[bytes | memoryview]) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    parts = [data] if isinstance(data, bytes) else data
    try:
        with open(temp, "wb") as out:
            for part in parts:
                out.write(part)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    with contextlib.suppress(OSError):
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


@dataclass(frozen=True, slots=True)
class OnDisk:
    """A one-dimensional array whose bytes wait in a scratch file (``write_arrays`` copies
    them in pieces): a segment build need not hold its largest arrays in memory."""

    path: Path
    dtype: np.dtype[Any]

    @property
    def nbytes(self) -> int:
        return self.path.stat().st_size

    def pieces(self) -> Iterator[memoryview]:
        with open(self.path, "rb") as source:
            while piece := source.read(_PIECE):
                yield memoryview(piece)


_PIECE = 1 << 22  # bytes copied at a time from an ``OnDisk`` array (a multiple of 8)


def write_arrays(
    path: Path, arrays: Mapping[str, np.ndarray | OnDisk], meta: dict[str, Any]
) -> None:
    """Store ``arrays`` and ``meta`` in one file at ``path``, atomically."""
    entries = []
    offset = 0
    blobs: list[bytes | memoryview | OnDisk] = []
    for name, array in arrays.items():
        if isinstance(array, OnDisk):
            nbytes = array.nbytes
            dtype, shape = array.dtype, [nbytes // array.dtype.itemsize]
            blobs.append(array)
        else:
            array = np.ascontiguousarray(array)
            nbytes, dtype, shape = array.nbytes, array.dtype, list(array.shape)
            blobs.append(array.data.cast("B") if array.nbytes else memoryview(b""))
        entries.append({"name": name, "dtype": dtype.str, "shape": shape, "offset": offset})
        pad = -nbytes % _ALIGN
        if pad:
            blobs.append(b"\0" * pad)
        offset += nbytes + pad
    # The checksum of the data area, part by part: every array starts 64-byte aligned
    # and the padding between them is zeros, so the sums of each array's 64-bit words
    # (the last one zero padded) add up to the whole's. No joined copy of the segment
    # (~80 MB at 100,000 articles) is made to write it.
    total = 0
    for blob in blobs:
        for part in blob.pieces() if isinstance(blob, OnDisk) else (blob,):
            whole = len(part) // 8 * 8
            if whole:
                total += _checksum(np.frombuffer(part, dtype=np.uint64, count=whole // 8))
            if whole < len(part):
                total += int.from_bytes(bytes(part[whole:]), "little")
    header: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "meta": meta,
        "arrays": entries,
        "data_size": offset,
        "data_checksum": total % (1 << 64),
    }
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-(len(encoded) + _PREFIX.size) % _ALIGN)
    prefix = _PREFIX.pack(MAGIC, len(encoded), zlib.crc32(encoded))
    write_atomic(
        path,
        (
            part
            for blob in [prefix, encoded, *blobs]
            for part in (blob.pieces() if isinstance(blob, OnDisk) else (blob,))
        ),
    )


def read_arrays(path: Path, *, verify: bool = True) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Map the file at ``path``; raises ``IndexUnusable`` unless it is whole and ours.

    ``verify=False`` skips the data checksum, for a file this process has just
    written: summing it would page the whole segment in (a build's peak memory).
    """
    try:
        with open(path, "rb") as source:
            size = os.fstat(source.fileno()).st_size
            if size < _PREFIX.size:
                raise IndexUnusable(f"{path.name} is truncated")
            mapped = mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        raise IndexUnusable(f"{path.name} is missing") from None
    except (OSError, ValueError) as error:
        raise IndexUnusable(f"{path.name} cannot be read: {error}") from None
    magic, header_size, crc = _PREFIX.unpack_from(mapped, 0)
    if magic != MAGIC:
        raise IndexUnusable(f"{path.name} is not a search index of this version")
    start = _PREFIX.size
    if start + header_size > size:
        raise IndexUnusable(f"{path.name} is truncated")
    encoded = mapped[start : start + header_size]
    if zlib.crc32(encoded) != crc:
        raise IndexUnusable(f"{path.name} is corrupt (header checksum)")
    try:
        header = json.loads(encoded)
        version = header["version"]
        data_size = int(header["data_size"])
    except (ValueError, KeyError, TypeError):
        raise IndexUnusable(f"{path.name} is corrupt (header)") from None
    if version != FORMAT_VERSION:
        raise IndexUnusable(
            f"{path.name} has format {version}, this version reads {FORMAT_VERSION}"
        )
    data_start = start + header_size
    if data_start + data_size != size:
        raise IndexUnusable(f"{path.name} is truncated")
    words = np.frombuffer(mapped, dtype=np.uint64, count=data_size // 8, offset=data_start)
    if verify and _checksum(words) != header["data_checksum"]:
        raise IndexUnusable(f"{path.name} is corrupt (data checksum)")
    # The check touched every page; let them go again (they stay in the page cache
    # and come back on use), so the process keeps only what queries read.
    if hasattr(mmap, "MADV_DONTNEED"):
        with contextlib.suppress(OSError):
            mapped.madvise(mmap.MADV_DONTNEED)
    arrays: dict[str, np.ndarray] = {}
    try:
        for entry in header["arrays"]:
            dtype = np.dtype(entry["dtype"])
            shape = tuple(int(n) for n in entry["shape"])
            count = int(np.prod(shape, dtype=np.int64))
            offset = data_start + int(entry["offset"])
            if offset + count * dtype.itemsize > size:
                raise IndexUnusable(f"{path.name} is corrupt (array bounds)")
            arrays[entry["name"]] = np.frombuffer(
                mapped, dtype=dtype, count=count, offset=offset
            ).reshape(shape)
    except (KeyError, TypeError, ValueError):
        raise IndexUnusable(f"{path.name} is corrupt (array table)") from None
    return header["meta"], arrays
