"""Building one segment in bounded memory: sorted runs on disk, merged term range by term range.

``segment.encode`` sorts every word occurrence of the library at once; at
100,000 articles that is ~20 million rows and ~1.5 GB at the peak. Here the
articles are analysed a chunk at a time (in worker processes when asked) and
each chunk is written to a scratch file as a *run*: its occurrences sorted by
word (in string order), then document, then position, plus its field
occurrences sorted by (field, word). Only the run's word list and a few
offsets stay in memory.

The merge then walks the library's words in string order, a range at a time
(about ``BATCH_ROWS`` occurrences): every run holds that range as one
contiguous slice, the slices are concatenated in run order (runs are in
document order) and a stable sort by word gives the (word, document,
position) order ``encode`` works in. Each range is scored and encoded with
the same arithmetic, in the same order, as ``encode`` uses, so the segment's
arrays are identical to ``Segment.from_flat(analyse(articles))`` (tests
compare them array by array); only the per-range results are held.

Memory is the per-document tables (~150 bytes an article), the vocabulary,
the finished segment's arrays and one range of occurrences: it no longer
grows with the number of word occurrences.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ossetia_reader.core.article import Article
from ossetia_reader.core.search.segment import (
    BODY,
    FIELD_PREFIX,
    FIELDS,
    K1,
    N_FIELDS,
    WEIGHTS,
    B,
    Flat,
    Segment,
    _breaks,
    _narrow,
    _stable_order,
    analyse,
    empty_flat,
    field_lengths,
    heads_of,
    variant_arrays,
    varint_encode,
    varint_lengths,
    vocab_arrays,
)
from ossetia_reader.core.search.store import OnDisk, read_arrays, write_arrays

RUN_ARTICLES = 4000  # articles per run: ~0.8 million occurrences of news text
BATCH_ROWS = 250_000  # occurrences merged at a time (~25 MB of temporaries)
_POOL_TYPES = (np.uint8, np.uint16, np.uint32)


@dataclass(slots=True)
class Run:
    """One chunk of analysed articles, sorted and written to ``path``.

    The file holds, per word occurrence in (word, document, position) order,
    the document (int32, within the run), position (int32) and field
    (uint8); then per field occurrence in (field, word, document) order, the
    document (int32). Which word or field term a row belongs to is not
    stored: ``word_rows`` and ``pair_rows`` say where each one's rows start.
    The run's words are in ``path`` + ``.words`` (UTF-8, one a line).
    """

    path: str
    n_words: int
    word_rows: np.ndarray  # int64 (n_words + 1)
    pair_keys: np.ndarray  # int64 sorted: field * n_words + word, per field term of the run
    pair_rows: np.ndarray  # int64 (len(pair_keys) + 1)
    keys: np.ndarray
    days: np.ndarray
    digest: np.ndarray
    fend: np.ndarray
    lengths: np.ndarray  # float64 (documents, N_FIELDS): terms per field

    @property
    def n_docs(self) -> int:
        return int(self.keys.size)

    @property
    def n_rows(self) -> int:
        return int(self.word_rows[-1])

    def words(self) -> list[str]:
        raw = Path(self.path + ".words").read_bytes().decode("utf-8", "surrogatepass")
        return raw.split("\n") if raw else []

    def read_words(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Document, position and field of the word-section rows ``lo:hi``."""
        n = self.n_rows
        with open(self.path, "rb") as source:
            return (
                _read(source, 4 * lo, np.int32, hi - lo),
                _read(source, 4 * n + 4 * lo, np.int32, hi - lo),
                _read(source, 8 * n + lo, np.uint8, hi - lo),
            )

    def read_fields(self, lo: int, hi: int) -> np.ndarray:
        """Document of the field-section rows ``lo:hi``."""
        with open(self.path, "rb") as source:
            return _read(source, 9 * self.n_rows + 4 * lo, np.int32, hi - lo)


def _read(source: Any, offset: int, dtype: Any, count: int) -> np.ndarray:
    source.seek(offset)
    return np.fromfile(source, dtype=dtype, count=count)


def write_run(flat: Flat, path: str) -> Run:
    """Sort an analysed chunk into a run at ``path`` (see :class:`Run`)."""
    n_words = len(flat.vocab)
    order = sorted(range(n_words), key=flat.vocab.__getitem__)
    rank = np.empty(n_words, dtype=np.int64)
    rank[order] = np.arange(n_words)
    words = [flat.vocab[i] for i in order]
    t = rank[flat.term] if flat.term.size else np.empty(0, np.int64)
    by_word = _stable_order(t)
    word_rows = np.zeros(n_words + 1, dtype=np.int64)
    np.cumsum(np.bincount(t, minlength=n_words), out=word_rows[1:])
    in_field = flat.field != BODY
    pair = flat.field[in_field].astype(np.int64) * n_words + t[in_field]
    by_pair = _stable_order(pair)
    pair_sorted = pair[by_pair]
    pair_keys, pair_counts = np.unique(pair_sorted, return_counts=True)
    pair_rows = np.zeros(pair_keys.size + 1, dtype=np.int64)
    np.cumsum(pair_counts, out=pair_rows[1:])
    with open(path, "wb") as out:  # analyse gives these types already: no second copy
        flat.doc[by_word].astype(np.int32, copy=False).tofile(out)
        flat.pos[by_word].astype(np.int32, copy=False).tofile(out)
        flat.field[by_word].astype(np.uint8, copy=False).tofile(out)
        flat.doc[in_field][by_pair].astype(np.int32, copy=False).tofile(out)
    Path(path + ".words").write_bytes("\n".join(words).encode("utf-8", "surrogatepass"))
    return Run(
        path=path,
        n_words=n_words,
        word_rows=word_rows,
        pair_keys=pair_keys,
        pair_rows=pair_rows,
        keys=flat.keys,
        days=flat.days,
        digest=flat.digest,
        fend=np.asarray(flat.fend, dtype=np.int64),
        lengths=field_lengths(flat),
    )


def analyse_run(articles: list[Article], path: str, digests: list[int | None] | None = None) -> Run:
    """Analyse a chunk of articles into a run (what each worker process does)."""
    return write_run(analyse(articles, digests=digests), path)


def build_segment(
    articles: Iterable[Article],
    progress: Callable[[int], None] | None = None,
    *,
    workers: int = 1,
    scratch: Path | None = None,
    destination: Path | None = None,
    run_articles: int = RUN_ARTICLES,
    batch_rows: int = BATCH_ROWS,
) -> Segment:
    """One segment of ``articles`` (in order), built through runs in ``scratch``.

    ``workers`` > 1 analyses the chunks in that many processes while this one
    reads the articles. The scratch files go into a fresh directory under
    ``scratch`` (default: the system's temporary directory) and are removed
    when the segment is made, whatever happens. The segment's file is left in
    ``destination`` (its ``path_name``) when given; otherwise it is mapped
    from the scratch directory and unlinked (the mapping stays valid).
    """
    directory = scratch_directory(scratch)
    try:
        runs = list(_runs(articles, directory, progress, workers, run_articles))
        if not runs:
            return Segment.from_flat(empty_flat())
        return write_segment(runs, destination or directory, batch_rows)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def scratch_directory(parent: Path | None) -> Path:
    """A fresh directory for runs under ``parent`` (default: the system's temporary one).

    Named after this process, so that the directories a killed build left
    behind (its process gone) are removed here first.
    """
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
        for stale in parent.glob(".build-*-*"):
            owner = stale.name.split("-")[1]
            if owner.isdigit() and not _alive(int(owner)):
                shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".build-{os.getpid()}-", dir=parent))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _runs(
    articles: Iterable[Article],
    directory: Path,
    progress: Callable[[int], None] | None,
    workers: int,
    size: int,
) -> Iterator[Run]:
    maker = RunMaker(directory, workers, size, progress)
    try:
        for article in articles:
            yield from maker.add(article)
        yield from maker.close()
    finally:
        maker.shutdown()


class RunMaker:
    """Articles in, runs out (in order): each chunk analysed here or in a worker process.

    Push-style, so an import can hand over each batch it stored. Input of
    one chunk or less is analysed here (sooner done than a fresh interpreter
    starts); otherwise ``workers`` > 1 processes take the chunks. At most a
    few chunks are in flight, so memory does not grow with the input.
    """

    def __init__(
        self,
        directory: Path,
        workers: int = 1,
        size: int = RUN_ARTICLES,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self._directory = directory
        self._workers = workers
        self._size = size
        self._progress = progress
        self._chunk: list[Article] = []
        self._digests: list[int | None] = []  # each one's ``digest_of``, where known
        self._pending: list[Any] = []  # futures of runs, oldest first
        self._pool: Any = None
        self._made = 0
        self._done = 0

    def add(self, article: Article, digest: int | None = None) -> list[Run]:
        """Take one article (with its ``digest_of`` if known); returns the runs finished since."""
        self._chunk.append(article)
        self._digests.append(digest)
        if len(self._chunk) < self._size:
            return []
        return self._submit(in_flight=self._workers + 1)

    def close(self) -> list[Run]:
        """The runs still to come, the last partial chunk's included."""
        runs = self._submit(in_flight=0) if self._chunk else []
        runs += self._collect(0)
        if self._progress is not None:
            self._progress(self._done)
        return runs

    def shutdown(self) -> None:
        """Stop the worker processes (runs not collected yet are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _submit(self, in_flight: int) -> list[Run]:
        chunk, self._chunk = self._chunk, []
        digests, self._digests = self._digests, []
        path = str(self._directory / f"run-{self._made:05d}")
        self._made += 1
        if self._workers <= 1 or (self._made == 1 and in_flight == 0):
            return [*self._collect(0), self._finished(analyse_run(chunk, path, digests))]
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=context)
        self._pending.append(self._pool.submit(analyse_run, chunk, path, digests))
        return self._collect(in_flight)

    def _collect(self, in_flight: int) -> list[Run]:
        runs = []
        while len(self._pending) > in_flight:
            runs.append(self._finished(self._pending.pop(0).result()))
        return runs

    def _finished(self, run: Run) -> Run:
        self._done += run.n_docs
        if self._progress is not None:
            self._progress(self._done)
        return run


# -- merging -----------------------------------------------------------------------


class _Postings:
    """Postings of consecutive terms, appended term range by term range.

    Keeps what ``segment.encode`` computes over all postings at once, per
    term (document frequency, first document, pool class and offset) and
    per posting (quantised impact, document gap in its class's pool).
    """

    def __init__(self, n_terms: int, prefix: str) -> None:
        self.prefix = prefix  # its per-posting arrays go to files named from this
        self._files = [open(f"{prefix}-{name}", "wb") for name in _SPILLED[:4]]  # noqa: SIM115
        self.df = np.zeros(n_terms, dtype=np.int64)
        self.first_doc = np.zeros(n_terms, dtype=np.int64)
        self.doc_class = np.zeros(n_terms, dtype=np.uint8)
        self.doc_off = np.zeros(n_terms, dtype=np.int64)
        self._pool_size = [0, 0, 0]

    def add(self, term: np.ndarray, doc: np.ndarray, impact: np.ndarray) -> None:
        """Every posting of the terms in ``term`` (ascending, documents ascending within)."""
        if not term.size:
            return
        np.clip(np.ceil(impact * 255.0), 1, 255).astype(np.uint8).tofile(self._files[3])
        firsts = np.flatnonzero(np.diff(term, prepend=-1))
        ids = term[firsts]
        df = np.diff(np.append(firsts, term.size))
        self.df[ids] = df
        gaps = np.diff(doc.astype(np.int64), prepend=0)
        gaps[firsts] = 0
        max_gap = np.maximum.reduceat(gaps, firsts)
        doc_class = np.where(max_gap < 256, 0, np.where(max_gap < 65536, 1, 2)).astype(np.uint8)
        self.first_doc[ids] = doc[firsts]
        self.doc_class[ids] = doc_class
        class_of_posting = np.repeat(doc_class, df)
        for c, dtype in enumerate(_POOL_TYPES):
            in_class = doc_class == c
            if not in_class.any():
                continue
            sizes = np.where(in_class, df, 0)
            self.doc_off[ids[in_class]] = (self._pool_size[c] + np.cumsum(sizes) - sizes)[in_class]
            gaps[class_of_posting == c].astype(dtype).tofile(self._files[c])
            self._pool_size[c] += int(sizes.sum())

    def close(self) -> None:
        for handle in self._files:
            handle.close()


# Per-posting and per-occurrence arrays written to scratch files as they are made,
# then copied into the segment file piece by piece (never whole in memory).
_SPILLED = ("pool0", "pool1", "pool2", "impact", "counts", "positions")


def merge_runs(
    runs: list[Run], batch_rows: int = BATCH_ROWS
) -> tuple[dict[str, np.ndarray | OnDisk], dict[str, Any]]:
    """The arrays and metadata ``segment.encode`` makes of the runs' articles, in run order.

    The per-posting arrays (``_SPILLED``) are returned as scratch files beside
    the runs: ``write_segment`` copies them into the segment file.
    """
    bases = np.cumsum([0] + [r.n_docs for r in runs])
    n_docs = int(bases[-1])
    lengths = np.concatenate([r.lengths for r in runs])
    averages = np.maximum(lengths.mean(axis=0), 1.0) if n_docs else np.ones(N_FIELDS)
    norm = 1.0 - B + B * lengths / averages
    del lengths

    # The library's words in string order, and each run's words among them.
    vocabulary: set[str] = set()
    for run in runs:
        vocabulary.update(run.words())
    words = sorted(vocabulary)
    del vocabulary
    n_plain = len(words)
    rank_of = {w: i for i, w in enumerate(words)}
    remaps = [np.array([rank_of[w] for w in run.words()], dtype=np.int64) for run in runs]
    del rank_of

    # Field terms: (field, word) pairs, sorted by field then word.
    run_pairs = []
    for run, remap in zip(runs, remaps, strict=True):
        n = max(run.n_words, 1)
        run_pairs.append((run.pair_keys // n) * n_plain + remap[run.pair_keys % n])
    pairs = np.unique(np.concatenate(run_pairs)) if run_pairs else np.empty(0, np.int64)
    n_field = int(pairs.size)
    pair_field, pair_word = pairs // max(n_plain, 1), pairs % max(n_plain, 1)
    sorted_strings = [
        FIELD_PREFIX[FIELDS[f]] + words[w]
        for f, w in zip(pair_field.tolist(), pair_word.tolist(), strict=True)
    ] + words
    del words
    n_terms = len(sorted_strings)
    # Stem and transliteration groups first: their Python lists are gone again
    # before the big arrays exist.
    variants = variant_arrays(sorted_strings)
    vocab_blob, vocab_off = vocab_arrays(sorted_strings)
    del sorted_strings
    spill = runs[0].path + ".segment"
    postings = _Postings(n_terms, spill)

    # Field-term postings (no positions), field term range by range.
    run_field_ids = [np.searchsorted(pairs, p) for p in run_pairs]
    del run_pairs
    field_counts = np.zeros(n_field, dtype=np.int64)
    for run, ids in zip(runs, run_field_ids, strict=True):
        field_counts[ids] += np.diff(run.pair_rows)
    for lo, hi in _ranges(field_counts, batch_rows):
        parts_term, parts_doc = [], []
        for run, ids, base in zip(runs, run_field_ids, bases[:-1].tolist(), strict=True):
            a, b = np.searchsorted(ids, [lo, hi])
            if a == b:
                continue
            rows = np.diff(run.pair_rows[a : b + 1])
            parts_term.append(np.repeat(ids[a:b], rows))
            parts_doc.append(run.read_fields(int(run.pair_rows[a]), int(run.pair_rows[b])) + base)
        occ_term, occ_doc = _in_term_order(parts_term, parts_doc)
        starts = _breaks(occ_term, occ_doc)
        f_tf = np.diff(np.append(starts, occ_term.size)).astype(np.float64)
        f_term, f_doc = occ_term[starts], occ_doc[starts]
        f_norm = K1 * norm[f_doc, pair_field[f_term]]
        postings.add(f_term, f_doc, f_tf / (f_tf + f_norm))

    # Word postings with positions, word range by word range.
    word_counts = np.zeros(n_plain, dtype=np.int64)
    for run, remap in zip(runs, remaps, strict=True):
        word_counts[remap] += np.diff(run.word_rows)
    count_size = np.zeros(n_terms, dtype=np.int64)
    pos_size = np.zeros(n_terms, dtype=np.int64)
    with (
        open(spill + "-counts", "wb") as count_file,
        open(spill + "-positions", "wb") as pos_file,
    ):
        for lo, hi in _ranges(word_counts, batch_rows):
            # A range is read from every run at once; a single word with more
            # occurrences than a batch (``the``: ~5% of all text) run by run, so
            # that no batch grows with the library.
            whole = [list(zip(runs, remaps, bases[:-1].tolist(), strict=True))]
            giant = hi - lo == 1 and word_counts[lo] > batch_rows
            pieces = [[one] for one in whole[0]] if giant else whole
            found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
            for piece in pieces:
                ts, ds, deltas_pos, fs = _read_range(piece, lo, hi)
                if not ts.size:
                    continue
                ts += n_field
                weight = WEIGHTS[fs]
                weight /= norm[ds, fs]
                starts = _breaks(ts, ds)
                counts = np.diff(np.append(starts, ts.size))
                tf = np.add.reduceat(weight, starts)
                found.append((ts[starts], ds[starts], tf / (K1 + tf)))
                del weight, fs, ds, tf
                first_pos = deltas_pos[starts]
                deltas_pos[1:] -= deltas_pos[:-1].copy()
                deltas_pos[starts] = first_pos
                varint_encode(counts).tofile(count_file)
                _add_bytes_per_term(count_size, ts[starts], counts)
                varint_encode(deltas_pos).tofile(pos_file)
                _add_bytes_per_term(pos_size, ts, deltas_pos)
                del ts, deltas_pos, counts
            if found:
                postings.add(*(np.concatenate(column) for column in zip(*found, strict=True)))

    post_start = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(postings.df, out=post_start[1:])
    count_off = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(count_size, out=count_off[1:])
    pos_off = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(pos_size, out=pos_off[1:])
    arrays: dict[str, np.ndarray | OnDisk] = {
        "vocab_blob": vocab_blob,
        "vocab_off": _narrow(vocab_off),
        "vocab_heads": heads_of(vocab_blob, vocab_off),
        "df": postings.df.astype(np.uint32),
        "post_start": _narrow(post_start),
        "doc_off": _narrow(postings.doc_off),
        "first_doc": _narrow(postings.first_doc),
        "doc_class": postings.doc_class,
    }
    postings.close()
    for c, dtype in enumerate(_POOL_TYPES):
        arrays[f"pool{c}"] = OnDisk(Path(f"{spill}-pool{c}"), np.dtype(dtype))
    arrays["impact"] = OnDisk(Path(f"{spill}-impact"), np.dtype(np.uint8))
    arrays.update(
        {
            "count_off": _narrow(count_off),
            "counts": OnDisk(Path(f"{spill}-counts"), np.dtype(np.uint8)),
            "pos_off": _narrow(pos_off),
            "positions": OnDisk(Path(f"{spill}-positions"), np.dtype(np.uint8)),
        }
    )
    arrays.update(variants)
    arrays.update(
        {
            "keys": np.concatenate([r.keys for r in runs]).astype(np.int64),
            "days": np.concatenate([r.days for r in runs]).astype(np.int32),
            "digest": np.concatenate([r.digest for r in runs]).astype(np.uint32),
            "fend": _narrow(np.concatenate([r.fend for r in runs])),
        }
    )
    meta = {
        "id": uuid.uuid4().hex[:16],
        "docs": n_docs,
        "terms": n_terms,
        "averages": [float(a) for a in averages],
    }
    for run in runs:
        with contextlib.suppress(OSError):
            Path(run.path).unlink()
    return arrays, meta


def write_segment(runs: list[Run], directory: Path, batch_rows: int = BATCH_ROWS) -> Segment:
    """Merge ``runs`` into ``directory``/segment-<id>.bin (atomically) and map it.

    The largest arrays pass from scratch files to the segment file in pieces,
    and the segment comes back mapped (its pages released after the check),
    so a build's memory does not grow with the segment's size.
    """
    arrays, meta = merge_runs(runs, batch_rows)
    name = f"segment-{meta['id']}.bin"
    try:
        write_arrays(directory / name, arrays, meta)
    finally:
        for array in arrays.values():
            if isinstance(array, OnDisk):
                array.path.unlink(missing_ok=True)
    meta, mapped = read_arrays(directory / name, verify=False)  # just written
    segment = Segment(mapped, meta)
    segment.path_name = name
    return segment


def _read_range(
    piece: list[tuple[Run, np.ndarray, int]], lo: int, hi: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Occurrences of words ``lo:hi`` in these runs: word, document, position, field,
    in (word, document, position) order."""
    parts_term, parts_doc, parts_pos, parts_field = [], [], [], []
    for run, remap, base in piece:
        a, b = np.searchsorted(remap, [lo, hi])
        if a == b:
            continue
        doc, pos, field = run.read_words(int(run.word_rows[a]), int(run.word_rows[b]))
        parts_term.append(np.repeat(remap[a:b], np.diff(run.word_rows[a : b + 1])))
        parts_doc.append(doc + base)
        parts_pos.append(pos)
        parts_field.append(field)
    if not parts_term:
        empty = np.empty(0, np.int64)
        return empty, empty, empty, np.empty(0, np.uint8)
    term = np.concatenate(parts_term)
    order = _stable_order(term)
    return (
        term[order],
        np.concatenate(parts_doc)[order],
        np.concatenate(parts_pos)[order],
        np.concatenate(parts_field)[order],
    )


def _add_bytes_per_term(sizes: np.ndarray, terms: np.ndarray, values: np.ndarray) -> None:
    """Add the varint bytes of ``values`` to ``sizes`` per term (``terms`` ascending).

    Summed over each term's run of rows: a ``bincount`` as long as the whole
    vocabulary for every batch cost more than the batch itself at 100k.
    """
    if not terms.size:
        return
    firsts = np.flatnonzero(np.diff(terms, prepend=-1))
    sums = np.add.reduceat(varint_lengths(values).astype(np.int64), firsts)
    sizes[terms[firsts]] += sums


def _in_term_order(
    parts_term: list[np.ndarray], parts_doc: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Occurrences of several runs (each in term order) in (term, document) order."""
    term = np.concatenate(parts_term)
    order = _stable_order(term)
    return term[order], np.concatenate(parts_doc)[order]


def _ranges(counts: np.ndarray, most: int) -> Iterator[tuple[int, int]]:
    """Consecutive ranges of terms holding about ``most`` rows each (one term may hold more)."""
    if not counts.size:
        return
    running = np.cumsum(counts)
    lo = 0
    while lo < counts.size:
        before = int(running[lo - 1]) if lo else 0
        hi = int(np.searchsorted(running, before + most, side="right"))
        hi = max(hi, lo + 1)
        yield lo, min(hi, int(counts.size))
        lo = hi
