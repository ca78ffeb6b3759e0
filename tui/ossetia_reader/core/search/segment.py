"""One immutable piece of the index: flat numpy arrays, encoded from analysed articles.

Articles are first *analysed* into a :class:`Flat` table (one row per term
occurrence: term, document, position, field), then *encoded* into arrays:

* the vocabulary, sorted by UTF-8 bytes, as one blob plus offsets (binary
  search and prefix ranges without a Python object per term);
* per term: document frequency, where its postings start, how its document
  numbers are stored (gaps as uint8, uint16 or uint32, chosen per term), and
  byte offsets of its varint-coded occurrence counts and positions;
* per posting: the document gap and a BM25F impact quantised to one byte
  (score = idf × impact / 255), computed at encode time;
* *field terms*: every title/source/entity/quote word is also posted under a
  one-character field prefix (``\\x10oil`` is "oil in a title"), so
  ``title:oil`` is one posting list and needs no position decoding;
* stem and transliteration groups (see ``stem.py``, ``translit.py``) as
  sorted key blobs with the terms of each key, so query terms widen to
  variants without scanning the vocabulary; words are grouped by their own
  transliteration key and by the key of their stem (``бибилова`` is found
  from ``Bibilov`` through its stem ``бибилов``);
* per document: library key, date (days since 1970) and where each field's
  positions end.

Positions run through all fields of an article in one sequence (title,
body, source, people, places, organisations, other entities, quotes) with a
one-position gap between texts, so a phrase never spans two of them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import uuid
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from typing import Any

import numpy as np

from ossetia_reader.core.article import Article
from ossetia_reader.core.library import content_hash
from ossetia_reader.core.search.stem import stem, stem_all
from ossetia_reader.core.search.tokenize import script, terms, terms_and_nuls
from ossetia_reader.core.search.translit import key_for_script, translit_key

FIELDS = ("title", "body", "source", "person", "place", "org", "misc", "quote")
BODY = 1
N_FIELDS = len(FIELDS)
FIELD_PREFIX = {name: chr(0x10 + index) for index, name in enumerate(FIELDS) if index != BODY}
ENTITY_FIELDS = ("person", "place", "org", "misc")
_ENTITY_TYPES = {"PER": 3, "LOC": 4, "ORG": 5, "MISC": 6}
WEIGHTS = np.array([3.0, 1.0, 0.5, 1.5, 1.5, 1.5, 1.5, 0.5])
B = np.array([0.5, 0.75, 0.0, 0.0, 0.0, 0.0, 0.0, 0.3])
K1 = 1.2
NO_DATE = int(np.iinfo(np.int32).min)
_EPOCH = dt.date(1970, 1, 1).toordinal()
SCRIPT_CODES = {"latin": 1, "cyrillic": 2, "georgian": 3}
_POOL_TYPES = (np.uint8, np.uint16, np.uint32)
_SMALL_VOCABULARY = 30_000


# -- varints ---------------------------------------------------------------------


def varint_encode(values: np.ndarray) -> np.ndarray:
    """LEB128-encode non-negative integers, vectorised.

    Byte by byte: every value gets its low seven bits at its first byte, the
    values that need a second byte get the next seven there, and so on. Most
    values here (position gaps, counts) take one byte, so each further step
    touches only the few that are left; done ``_VARINT_CHUNK`` values at a
    time so that the temporaries stay small at 100,000 articles.
    """
    if values.size <= _VARINT_CHUNK:
        return _varint_encode(values)
    parts = [
        _varint_encode(values[start : start + _VARINT_CHUNK])
        for start in range(0, values.size, _VARINT_CHUNK)
    ]
    return np.concatenate(parts)


_VARINT_CHUNK = 1 << 20


def _varint_encode(values: np.ndarray) -> np.ndarray:
    if not values.size:
        return np.empty(0, dtype=np.uint8)
    if int(values.max()) < 128:  # one byte each: the bytes are the values
        return values.astype(np.uint8)
    v = values.astype(np.uint64)
    nbytes = varint_lengths(v)
    ends = np.cumsum(nbytes, dtype=np.int64)
    out = np.empty(int(ends[-1]), dtype=np.uint8)
    at = ends - nbytes  # where each value's next byte goes
    more = nbytes > 1
    low = (v & np.uint64(127)).astype(np.uint8)
    low[more] |= 128
    out[at] = low
    while True:
        # Only the values that still have bytes to write, shrinking each step.
        keep = np.flatnonzero(more)
        if not keep.size:
            return out
        v, nbytes, at = v[keep] >> np.uint64(7), nbytes[keep] - 1, at[keep] + 1
        more = nbytes > 1
        low = (v & np.uint64(127)).astype(np.uint8)
        low[more] |= 128
        out[at] = low


def varint_lengths(values: np.ndarray) -> np.ndarray:
    """How many bytes each value takes as a varint (uint8: one per value)."""
    nbytes = np.ones(values.shape, dtype=np.uint8)
    for bits in (7, 14, 21, 28, 35, 42):
        nbytes += values >= (1 << bits)
    return nbytes


def varint_decode(buf: np.ndarray) -> np.ndarray:
    """Decode LEB128 bytes into int64 values, vectorised."""
    last = buf < 128
    if last.all():
        return buf.astype(np.int64)
    ends = np.flatnonzero(last)
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    values = (buf & 127).astype(np.int64)
    values <<= 7 * (np.arange(buf.size) - np.repeat(starts, ends - starts + 1))
    return np.add.reduceat(values, starts)


# -- analysis ----------------------------------------------------------------------


@dataclass(slots=True)
class Flat:
    """Analysed articles: one row per term occurrence, documents in order."""

    vocab: list[str]
    term: np.ndarray  # uint32 index into vocab, per occurrence
    doc: np.ndarray  # int32 (int64 past 2**31 rows) document ordinal, per occurrence
    pos: np.ndarray  # int32 (int64 past 2**31 rows) position, per occurrence
    field: np.ndarray  # uint8 field index, per occurrence
    keys: np.ndarray  # int64 library key, per document
    days: np.ndarray  # int32 date as days since 1970 (NO_DATE), per document
    fend: np.ndarray  # int64 (documents, N_FIELDS): end of each field's positions
    digest: np.ndarray  # uint32 start of the library's content hash, per document

    @property
    def n_docs(self) -> int:
        return int(self.keys.size)


def digest_of(article: Article) -> int:
    """The first 32 bits of the library's content hash: tells an edited article apart."""
    return int(content_hash(article)[:8], 16)


def _field_texts(article: Article) -> list[list[str]]:
    texts: list[list[str]] = [[article.title], [article.body], [article.source], [], [], [], [], []]
    seen: set[tuple[int, str]] = set()
    for entity in article.entities:
        index = _ENTITY_TYPES.get(entity.type, 6)
        name = entity.canonical or entity.text
        if (index, name) not in seen:
            seen.add((index, name))
            texts[index].append(name)
            # Other listed names of the entity: entity:kiev finds Kyiv, org:eu the EU.
            texts[index].extend(_variants(name))
    texts[7] = [quote.text for quote in article.quotes]
    return texts


_CHUNK = 256
# What ``_field_texts`` gives an article without entities or quotes, past its title,
# body and source: an empty text for each of the other fields.
_NO_TEXTS = ("",) * (N_FIELDS - 3)
_ALL_FIELDS = array("B", range(N_FIELDS))


@lru_cache(maxsize=1 << 16)
def _variants(name: str) -> tuple[str, ...]:
    """``listed_variants``, remembered: the same few thousand names recur in every
    batch, and each lookup folds the name (~0.5 ms per article at catch-up).

    Imported here, not at the top: the alias list's modules (~6 ms) are for
    indexing; a one-shot ``search`` that only reads the index never needs them."""
    from ossetia_reader.core.enrich.identity import listed_variants

    return listed_variants(name)


def analyse(
    articles: Iterable[Article],
    progress: Callable[[int], None] | None = None,
    digests: Sequence[int | None] | None = None,
) -> Flat:
    """Tokenize articles into a :class:`Flat` table (the only per-word Python loop).

    The texts of a chunk of articles are joined with NUL (which the library's
    sanitiser never lets through) and folded and split in one pass, so the
    per-word work is one regex match and one dictionary lookup. A chunk whose
    text does hold NULs is split text by text instead. ``digests`` may give
    each article's ``digest_of`` where it is known already (an import has just
    hashed what it stored): hashing every body again was ~5% of the build.
    """
    ids: defaultdict[str, int] = defaultdict(count().__next__)
    assert ids["\0"] == 0
    lookup = ids.__getitem__
    chunks: list[np.ndarray] = []
    part_doc, part_field = array("q"), array("B")
    keys, days, found_digests = array("q"), array("i"), array("I")
    pending: list[str] = []

    def term_ids(texts: list[str]) -> np.ndarray:
        """Word ids of ``texts``, each text's followed by a 0."""
        joined = " \0 ".join(texts) + " \0 "
        found = terms_and_nuls(joined) if joined.count("\0") == len(texts) else []
        if found.count("\0") != len(texts):
            found = [t for text in texts for t in (*terms(text), "\0")]
        return np.fromiter(map(lookup, found), dtype=np.uint32, count=len(found))

    def flush() -> None:
        # ASCII texts take the fast path (no Unicode normalisation, str.split instead
        # of a regex) only when the whole joined text is ASCII; one non-ASCII body
        # among 256 articles used to send all of them down the slow path. So the
        # ASCII and the other texts are tokenized apart and put back in order.
        plain = np.fromiter(map(str.isascii, pending), dtype=bool, count=len(pending))
        if plain.all() or not plain.any():
            chunks.append(term_ids(pending))
        else:
            parts = [
                term_ids([t for t, a in zip(pending, plain.tolist(), strict=True) if a]),
                term_ids([t for t, a in zip(pending, plain.tolist(), strict=True) if not a]),
            ]
            joined = np.concatenate(parts)
            ends = np.flatnonzero(joined == 0)  # one per text: ASCII texts' first
            n_plain = int(plain.sum())
            end = np.empty(len(pending), dtype=np.int64)
            end[plain] = ends[:n_plain]
            end[~plain] = ends[n_plain:]
            start = np.empty_like(end)
            first = np.concatenate([[0], ends[:-1] + 1])
            start[plain] = first[:n_plain]
            start[~plain] = first[n_plain:]
            size = end - start + 1
            step = np.arange(int(size.sum())) - np.repeat(np.cumsum(size) - size, size)
            chunks.append(joined[np.repeat(start, size) + step])
        pending.clear()

    done = 0
    for article in articles:
        doc = len(keys)
        keys.append(article.key or 0)
        days.append(article.date.toordinal() - _EPOCH if article.date else NO_DATE)
        known = digests[doc] if digests is not None else None
        found_digests.append(digest_of(article) if known is None else known)
        if article.entities or article.quotes:
            for index, texts in enumerate(_field_texts(article)):
                for text in texts or ("",):
                    pending.append(text)
                    part_doc.append(doc)
                    part_field.append(index)
        else:  # not enriched (every article an import stores): one text per field
            pending.extend((article.title, article.body, article.source, *_NO_TEXTS))
            part_doc.extend((doc,) * N_FIELDS)
            part_field.extend(_ALL_FIELDS)
        done += 1
        if done % _CHUNK == 0:
            flush()
            if progress is not None and done % 1024 == 0:
                progress(done)
    if pending:
        flush()
    if progress is not None:
        progress(done)
    if not keys:
        return empty_flat()
    found = np.concatenate(chunks)
    chunks.clear()
    separators = np.flatnonzero(found == 0)
    lengths = np.diff(separators, prepend=-1) - 1
    words = found != 0
    docs = np.frombuffer(part_doc, dtype=np.int64)
    step = lengths + (lengths > 0)  # one empty position after each text
    running = np.cumsum(step) - step
    first_part = np.searchsorted(docs, np.arange(len(keys)))
    start = running - running[first_part][docs]
    group = docs * N_FIELDS + np.frombuffer(part_field, dtype=np.uint8)
    last_part = np.flatnonzero(np.diff(group, append=-1))
    total = int(lengths.sum())
    vocab = [""] * (len(ids) - 1)
    for word, index in ids.items():
        if index:
            vocab[index - 1] = word
    # Per-occurrence columns in 4 bytes where they fit (they do below 2**31 rows).
    narrow: type[np.signedinteger[Any]] = np.int32 if total < 2**31 else np.int64
    term = found[words]
    del found, words
    term -= np.uint32(1)
    pos: np.ndarray = np.arange(total, dtype=narrow)
    pos -= np.repeat((np.cumsum(lengths) - lengths - start).astype(narrow), lengths)
    return Flat(
        vocab=vocab,
        term=term,
        doc=np.repeat(docs.astype(narrow), lengths),
        pos=pos,
        field=np.repeat(np.frombuffer(part_field, dtype=np.uint8), lengths),
        keys=np.frombuffer(keys, dtype=np.int64).copy(),
        days=np.frombuffer(days, dtype=np.int32).copy(),
        fend=(start + step)[last_part].reshape(-1, N_FIELDS),
        digest=np.frombuffer(found_digests, dtype=np.uint32).copy(),
    )


def analyse_parallel(
    articles: Iterable[Article],
    progress: Callable[[int], None] | None = None,
    workers: int = 2,
    chunk: int = 2000,
) -> Flat:
    """:func:`analyse` in ``workers`` processes (tokenizing is pure Python, one core each).

    Articles are read from ``articles`` here and sent in chunks; the results
    are joined in order. Worth it from some ten thousand articles on: each
    worker process starts a fresh interpreter.
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    flats: list[Future[Flat]] = []
    done = 0
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == chunk:
                flats.append(pool.submit(analyse, batch))
                batch = []
                while sum(1 for f in flats if not f.done()) > 2 * workers:
                    flats[done].result()
                    done += 1
                    if progress is not None:
                        progress(done * chunk)
        if batch:
            flats.append(pool.submit(analyse, batch))
        results = [f.result() for f in flats]
    if progress is not None:
        progress(sum(f.n_docs for f in results))
    return concat(results) if results else empty_flat()


def concat(flats: Sequence[Flat]) -> Flat:
    """Join analysed tables, documents of later ones after earlier ones."""
    flats = [f for f in flats if f.n_docs]
    if len(flats) == 1:
        return flats[0]
    ids: dict[str, int] = {}
    parts_term, parts_doc = [], []
    base = 0
    for flat in flats:
        remap = np.array([ids.setdefault(w, len(ids)) for w in flat.vocab], dtype=np.uint32)
        parts_term.append(remap[flat.term] if flat.term.size else flat.term)
        parts_doc.append(flat.doc + base)
        base += flat.n_docs
    vocab = list(ids)
    return Flat(
        vocab=vocab,
        term=np.concatenate(parts_term) if parts_term else np.empty(0, np.uint32),
        doc=np.concatenate(parts_doc) if parts_doc else np.empty(0, np.int64),
        pos=np.concatenate([f.pos for f in flats]) if flats else np.empty(0, np.int64),
        field=np.concatenate([f.field for f in flats]) if flats else np.empty(0, np.uint8),
        keys=np.concatenate([f.keys for f in flats]) if flats else np.empty(0, np.int64),
        days=np.concatenate([f.days for f in flats]) if flats else np.empty(0, np.int32),
        fend=(
            np.concatenate([f.fend for f in flats]) if flats else np.empty((0, N_FIELDS), np.int64)
        ),
        digest=np.concatenate([f.digest for f in flats]) if flats else np.empty(0, np.uint32),
    )


def drop_docs(flat: Flat, dead: np.ndarray) -> Flat:
    """``flat`` without the documents marked in the boolean array ``dead``."""
    if not dead.any():
        return flat
    live = ~dead
    renumber = np.cumsum(live) - 1
    keep = live[flat.doc]
    return Flat(
        vocab=flat.vocab,
        term=flat.term[keep],
        doc=renumber[flat.doc[keep]],
        pos=flat.pos[keep],
        field=flat.field[keep],
        keys=flat.keys[live],
        days=flat.days[live],
        fend=flat.fend[live],
        digest=flat.digest[live],
    )


def empty_flat() -> Flat:
    return Flat(
        [],
        np.empty(0, np.uint32),
        np.empty(0, np.int64),
        np.empty(0, np.int64),
        np.empty(0, np.uint8),
        np.empty(0, np.int64),
        np.empty(0, np.int32),
        np.empty((0, N_FIELDS), np.int64),
        np.empty(0, np.uint32),
    )


# -- encoding ----------------------------------------------------------------------


def field_lengths(flat: Flat) -> np.ndarray:
    """Terms per field per document, shape (documents, N_FIELDS)."""
    flat_index = flat.doc * N_FIELDS + flat.field
    counts = np.bincount(flat_index, minlength=flat.n_docs * N_FIELDS)
    return counts.reshape(flat.n_docs, N_FIELDS).astype(np.float64)


def _blob(strings: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    encoded = [s.encode("utf-8", "surrogatepass") for s in strings]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    if encoded:
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def _groups(
    keys_per_term: list[str | None],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sorted unique keys (blob, offsets) and the terms of each key (ids, starts)."""
    unique = sorted({k for k in keys_per_term if k is not None})
    blob, offsets = _blob(unique)
    index = {k: i for i, k in enumerate(unique)}
    term_key = np.array([index[k] if k is not None else -1 for k in keys_per_term], dtype=np.int32)
    members = np.flatnonzero(term_key >= 0)
    order = members[np.argsort(term_key[members], kind="stable")].astype(np.int32)
    starts = np.zeros(len(unique) + 1, dtype=np.int64)
    np.cumsum(np.bincount(term_key[members], minlength=len(unique)), out=starts[1:])
    return blob, offsets, order, starts


def encode(
    flat: Flat, averages: np.ndarray | None = None, known: Segment | None = None
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Encode analysed articles into the arrays of one segment (and its metadata).

    ``known``: a segment whose words' stems and transliteration keys may be reused
    (see :func:`variant_arrays`); the arrays are the same with or without it.
    """
    n_docs = flat.n_docs
    lengths = field_lengths(flat)
    if averages is None:
        averages = np.maximum(lengths.mean(axis=0), 1.0) if n_docs else np.ones(N_FIELDS)
    norm = 1.0 - B + B * lengths / averages  # (docs, fields)

    # Keep only words that still occur (merges drop documents).
    used = np.bincount(flat.term, minlength=len(flat.vocab)) > 0 if flat.term.size else None
    vocab = flat.vocab
    term: np.ndarray = flat.term  # uint32 indexes as well as int64 (no 8-byte copy)
    if used is not None and not used.all():
        remap = np.cumsum(used) - 1
        vocab = [w for w, keep in zip(vocab, used, strict=True) if keep]
        term = remap[term]
    n_plain = len(vocab)

    # Field terms: (field, word) pairs outside the body.
    in_field = flat.field != BODY
    pair = flat.field[in_field].astype(np.int64) * n_plain + term[in_field]
    pairs, pair_of = np.unique(pair, return_inverse=True)
    # Sort the words once; field terms (prefix byte < " ", so all before the words)
    # then sort by (field, word) with numpy.
    word_order = sorted(range(n_plain), key=vocab.__getitem__)
    word_rank = np.empty(n_plain, dtype=np.int64)
    word_rank[word_order] = np.arange(n_plain)
    pair_field, pair_word = pairs // max(n_plain, 1), pairs % max(n_plain, 1)
    field_order = np.lexsort((word_rank[pair_word], pair_field))
    n_field_terms = int(pairs.size)
    rank = np.empty(n_plain + n_field_terms, dtype=np.int32 if n_plain < 2**30 else np.int64)
    rank[:n_plain] = n_field_terms + word_rank
    rank[n_plain + field_order] = np.arange(n_field_terms)
    sorted_strings = [
        FIELD_PREFIX[FIELDS[f]] + vocab[w]
        for f, w in zip(
            pair_field[field_order].tolist(), pair_word[field_order].tolist(), strict=True
        )
    ] + [vocab[i] for i in word_order]
    n_terms = len(sorted_strings)

    # Word postings, in (term, doc, position) order; occurrences come in doc order.
    # Per-occurrence arrays are the build's memory (~20 million rows at 100,000
    # articles): each is dropped as soon as it has been used.
    t = rank[term]
    by_term = _stable_order(t)
    ts = t[by_term]
    del t
    ds, fs = flat.doc[by_term], flat.field[by_term]
    weight = WEIGHTS[fs]
    weight /= norm[ds, fs]
    starts = _breaks(ts, ds)
    counts = np.diff(np.append(starts, ts.size))
    p_term, p_doc = ts[starts], ds[starts]
    del ds, fs
    tf = np.add.reduceat(weight, starts) if starts.size else np.empty(0)
    del weight
    p_impact = tf / (K1 + tf)
    deltas_pos = flat.pos[by_term]
    del by_term
    first_pos = deltas_pos[starts]
    deltas_pos[1:] -= deltas_pos[:-1].copy()
    deltas_pos[starts] = first_pos

    # Field-term postings (no positions: phrases use the word postings).
    f_occ_term = rank[n_plain + pair_of] if pair_of.size else np.empty(0, np.int64)
    f_occ_doc = flat.doc[in_field]
    f_occ_field = flat.field[in_field]
    f_order = _stable_order(f_occ_term)
    fts, fds, ffs = f_occ_term[f_order], f_occ_doc[f_order], f_occ_field[f_order]
    f_starts = _breaks(fts, fds)
    f_tf = np.diff(np.append(f_starts, fts.size)).astype(np.float64)
    f_term, f_doc = fts[f_starts], fds[f_starts]
    f_norm = K1 * norm[f_doc, ffs[f_starts]] if f_starts.size else np.empty(0)
    f_impact = f_tf / (f_tf + f_norm) if f_starts.size else np.empty(0)

    # Interleave both kinds of postings by term (a term is one kind or the other).
    df = np.bincount(p_term, minlength=n_terms) + np.bincount(f_term, minlength=n_terms)
    post_start = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(df, out=post_start[1:])
    n_post = int(post_start[-1])
    doc = np.empty(n_post, dtype=np.int64)
    impact = np.empty(n_post, dtype=np.float64)
    for kind_term, kind_doc, kind_impact in ((p_term, p_doc, p_impact), (f_term, f_doc, f_impact)):
        if kind_term.size:
            within = np.arange(kind_term.size) - np.searchsorted(kind_term, kind_term)
            dest = post_start[kind_term] + within
            doc[dest] = kind_doc
            impact[dest] = kind_impact
    impact_q = np.clip(np.ceil(impact * 255.0), 1, 255).astype(np.uint8)

    # Document gaps, stored per term in the narrowest pool that holds them.
    gaps = np.diff(doc, prepend=0)
    firsts = post_start[:-1]
    nonempty = df > 0
    gaps[firsts[nonempty]] = 0
    max_gap = np.zeros(n_terms, dtype=np.int64)
    if n_post:
        max_gap[nonempty] = np.maximum.reduceat(gaps, firsts[nonempty])
    doc_class = np.where(max_gap < 256, 0, np.where(max_gap < 65536, 1, 2)).astype(np.uint8)
    first_doc = np.zeros(n_terms, dtype=np.int64)
    first_doc[nonempty] = doc[firsts[nonempty]]
    class_of_posting = np.repeat(doc_class, df)
    doc_off = np.zeros(n_terms, dtype=np.int64)
    pools = {}
    for c, dtype in enumerate(_POOL_TYPES):
        in_class = doc_class == c
        sizes = np.where(in_class, df, 0)
        doc_off[in_class] = (np.cumsum(sizes) - sizes)[in_class]
        pools[f"pool{c}"] = gaps[class_of_posting == c].astype(dtype)
    del gaps, class_of_posting, doc, impact

    # Occurrence counts and positions of word postings, as varints.
    count_bytes = varint_encode(counts)
    count_off = _sums_by_term(p_term, varint_lengths(counts), n_terms)
    pos_bytes = varint_encode(deltas_pos)
    pos_off = _sums_by_term(ts, varint_lengths(deltas_pos), n_terms)
    del ts, deltas_pos

    vocab_blob, vocab_off = vocab_arrays(sorted_strings)
    arrays = {
        "vocab_blob": vocab_blob,
        "vocab_off": _narrow(vocab_off),
        "vocab_heads": heads_of(vocab_blob, vocab_off),
        "df": df.astype(np.uint32),
        "post_start": _narrow(post_start),
        "doc_off": _narrow(doc_off),
        "first_doc": _narrow(first_doc),
        "doc_class": doc_class,
        **pools,
        "impact": impact_q,
        "count_off": _narrow(count_off),
        "counts": count_bytes,
        "pos_off": _narrow(pos_off),
        "positions": pos_bytes,
        **variant_arrays(sorted_strings, known),
        "keys": flat.keys.astype(np.int64),
        "days": flat.days.astype(np.int32),
        "digest": flat.digest.astype(np.uint32),
        "fend": _narrow(flat.fend),
    }
    meta = {
        "id": uuid.uuid4().hex[:16],
        "docs": n_docs,
        "terms": n_terms,
        "averages": [float(a) for a in averages],
    }
    return arrays, meta


def vocab_arrays(sorted_strings: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The vocabulary (already in order) as one UTF-8 blob and its offsets."""
    return _blob(sorted_strings)


def variant_arrays(
    sorted_strings: list[str], known: Segment | None = None
) -> dict[str, np.ndarray]:
    """The script of every term and its stem and transliteration groups, as segment arrays.

    With ``known`` (the main segment, when a delta is encoded), the words it
    already holds take their script and keys from its arrays: stemming and
    transliterating the ~30,000 words of a 2,000-article delta again was half
    of encoding it. Each key is a function of the word alone, so the arrays are
    the same as without ``known``.
    """
    if known is not None and known.words.size:
        return _reused_keys(sorted_strings, known)
    names = [script(s) if s and s[0] >= " " else "" for s in sorted_strings]
    if len(sorted_strings) > _SMALL_VOCABULARY:
        stems = stem_all(sorted_strings, names)
        tkeys = [
            key_for_script(s, n) if n else None for s, n in zip(sorted_strings, names, strict=True)
        ]
    else:  # a delta, re-encoded on every add: the memoised per-word functions pay off
        stems = [stem(s) if n else None for s, n in zip(sorted_strings, names, strict=True)]
        tkeys = [translit_key(s) if n else None for s, n in zip(sorted_strings, names, strict=True)]
    scripts = np.array([SCRIPT_CODES.get(n, 0) for n in names], np.uint8)
    stem_keys = [translit_key(t) if t is not None else None for t in stems]
    return _variant_dict(scripts, stems, tkeys, stem_keys)


def _reused_keys(sorted_strings: list[str], known: Segment) -> dict[str, np.ndarray]:
    """:func:`variant_arrays` of ``sorted_strings``, the keys of the words ``known`` holds
    read from its groups (as group numbers, their bytes copied once per group), the
    others' computed as usual."""
    n = len(sorted_strings)
    scripts = np.zeros(n, np.uint8)
    plain = [i for i, s in enumerate(sorted_strings) if s and s[0] >= " "]
    found = known.find_all([sorted_strings[i] for i in plain])
    at = np.asarray(plain, dtype=np.int64)
    hit = found >= 0
    ids = found[hit]
    reused = at[hit]
    scripts[reused] = known.script[ids]
    computed: list[list[str | None]] = [[], [], []]
    for i in at[~hit].tolist():
        word = sorted_strings[i]
        scripts[i] = SCRIPT_CODES.get(script(word), 0)
        root = stem(word)
        computed[0].append(root)
        computed[1].append(translit_key(word))
        computed[2].append(translit_key(root) if root is not None else None)
    arrays: dict[str, np.ndarray] = {"script": scripts}
    for prefix, (groups, strings), own in zip(
        ("stem", "key", "skey"), known.groups_of_terms(), computed, strict=True
    ):
        group = groups[ids]
        named = group >= 0
        used, inverse = np.unique(group[named], return_inverse=True)
        # The delta's keys: the known groups its words use and the computed ones,
        # as bytes (sorted as the strings are: UTF-8 keeps code point order).
        theirs = [strings(g) for g in used.tolist()]
        mine = {k.encode("utf-8", "surrogatepass") for k in own if k is not None}
        unique = sorted(mine.union(theirs))
        index = {k: number for number, k in enumerate(unique)}
        term_key = np.full(n, -1, dtype=np.int64)
        if used.size:
            place = np.fromiter(map(index.__getitem__, theirs), np.int64, len(theirs))
            term_key[reused[named]] = place[inverse]
        for i, k in zip(at[~hit].tolist(), own, strict=True):
            if k is not None:
                term_key[i] = index[k.encode("utf-8", "surrogatepass")]
        blob = np.frombuffer(b"".join(unique), dtype=np.uint8)
        offsets = np.zeros(len(unique) + 1, dtype=np.int64)
        if unique:
            np.cumsum([len(k) for k in unique], out=offsets[1:])
        members = np.flatnonzero(term_key >= 0)
        order = members[np.argsort(term_key[members], kind="stable")].astype(np.int32)
        starts = np.zeros(len(unique) + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_key[members], minlength=len(unique)), out=starts[1:])
        arrays[f"{prefix}_blob"] = blob
        arrays[f"{prefix}_off"] = _narrow(offsets)
        arrays[f"{prefix}_heads"] = heads_of(blob, offsets)
        arrays[f"{prefix}_terms"] = order
        arrays[f"{prefix}_start"] = _narrow(starts)
    return arrays


def _variant_dict(
    scripts: np.ndarray,
    stems: list[str | None],
    tkeys: list[str | None],
    stem_keys: list[str | None],
) -> dict[str, np.ndarray]:
    stem_blob, stem_off, stem_terms, stem_start = _groups(stems)
    key_blob, key_off, key_terms, key_start = _groups(tkeys)
    skey_blob, skey_off, skey_terms, skey_start = _groups(stem_keys)

    return {
        "script": scripts,
        "stem_blob": stem_blob,
        "stem_off": _narrow(stem_off),
        "stem_heads": heads_of(stem_blob, stem_off),
        "stem_terms": stem_terms,
        "stem_start": _narrow(stem_start),
        "key_blob": key_blob,
        "key_off": _narrow(key_off),
        "key_heads": heads_of(key_blob, key_off),
        "key_terms": key_terms,
        "key_start": _narrow(key_start),
        "skey_blob": skey_blob,
        "skey_off": _narrow(skey_off),
        "skey_heads": heads_of(skey_blob, skey_off),
        "skey_terms": skey_terms,
        "skey_start": _narrow(skey_start),
    }


def _sums_by_term(terms: np.ndarray, sizes: np.ndarray, n_terms: int) -> np.ndarray:
    """Offsets (``n_terms + 1``) of each term's bytes, given ``sizes`` per row sorted by term."""
    ends = np.zeros(n_terms + 1, dtype=np.int64)
    if terms.size:
        running = np.cumsum(sizes, dtype=np.int64)
        last_row = np.searchsorted(terms, np.arange(n_terms), side="right") - 1
        has = last_row >= 0
        ends[1:][has] = running[last_row[has]]
        np.maximum.accumulate(ends, out=ends)
    return ends


def _stable_order(keys: np.ndarray) -> np.ndarray:
    """``np.argsort(keys, kind="stable")`` for small non-negative keys, ~3x faster.

    Each key is packed with its index into one int64, which makes every value
    unique, so numpy's quicker unstable sort gives the stable order.
    """
    if not keys.size or int(keys.max()) >= 2**31 or keys.size >= 2**32:
        return np.argsort(keys, kind="stable")
    packed = keys.astype(np.int64)
    packed <<= 32
    packed |= np.arange(keys.size, dtype=np.int64)
    packed.sort()
    packed &= 0xFFFFFFFF
    return packed


def _breaks(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Indices where the (first, second) pair changes in sorted rows."""
    if not first.size:
        return np.empty(0, dtype=np.int64)
    change = np.empty(first.size, dtype=bool)
    change[0] = True
    change[1:] = (first[1:] != first[:-1]) | (second[1:] != second[:-1])
    return np.flatnonzero(change)


def _narrow(values: np.ndarray) -> np.ndarray:
    if values.size and int(values.max()) >= 2**32:
        return values.astype(np.int64)
    return values.astype(np.uint32)


# -- reading -----------------------------------------------------------------------


def heads_of(blob: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Each string's first 8 bytes (zero padded) as a big-endian integer, sorted as they are."""
    starts = np.asarray(offsets[:-1], dtype=np.int64)
    lengths = np.asarray(offsets[1:], dtype=np.int64) - starts
    padded = np.concatenate([np.asarray(blob, dtype=np.uint8), np.zeros(8, np.uint8)])
    steps = np.arange(8)
    first8 = padded[starts[:, None] + steps]
    first8[lengths[:, None] <= steps] = 0
    heads: np.ndarray = first8.view(">u8").ravel().astype(np.uint64)
    return heads


class _Strings:
    """A sorted blob of UTF-8 strings seen as a sequence of bytes, for ``bisect``.

    ``heads`` (stored with the segment, see :func:`heads_of`): one binary
    search over them narrows a lookup to the few strings sharing their first
    8 bytes, so a lookup costs a handful of Python steps. That search is
    ``bisect`` over a memoryview of the heads (Python ints, no numpy call:
    two ``searchsorted`` calls with a numpy scalar cost ~3x as much, and a
    query makes a dozen lookups).
    """

    __slots__ = ("_blob", "_heads", "_off", "heads", "size")

    def __init__(self, blob: np.ndarray, offsets: np.ndarray, heads: np.ndarray) -> None:
        self._blob = blob.tobytes()
        self._off = offsets.data
        self.size = max(len(offsets) - 1, 0)
        self.heads = heads
        self._heads = np.ascontiguousarray(heads, dtype=np.uint64).data.cast("B").cast("Q")

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index: int) -> bytes:
        return self._blob[self._off[index] : self._off[index + 1]]

    def _bounds(self, key: bytes) -> tuple[int, int]:
        head = int.from_bytes(key[:8].ljust(8, b"\0"), "big")
        lo = bisect.bisect_left(self._heads, head)
        return lo, bisect.bisect_right(self._heads, head, lo)

    def find(self, word: str) -> int:
        key = word.encode("utf-8", "surrogatepass")
        lo, hi = self._bounds(key)
        index = bisect.bisect_left(self, key, lo, hi) if hi - lo > 1 else lo
        return index if index < hi and self[index] == key else -1

    def prefix_range(self, prefix: str) -> tuple[int, int]:
        key = prefix.encode("utf-8", "surrogatepass")
        end = key + b"\xff"
        lo = self._bounds(key)[0]
        if len(key) < 8:
            head = int.from_bytes(key.ljust(8, b"\xff"), "big")
            return lo, bisect.bisect_right(self._heads, head, lo)
        hi = self._bounds(end)[1]
        return bisect.bisect_left(self, key, lo, hi), bisect.bisect_left(self, end, lo, hi)

    def text(self, index: int) -> str:
        return self[index].decode("utf-8", "surrogatepass")


class Segment:
    """A loaded (or freshly encoded) segment: arrays plus the lookups queries need."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        self.arrays = arrays
        self.meta = meta
        self.id: str = meta["id"]
        self.n_docs: int = int(meta["docs"])
        self.words = _Strings(arrays["vocab_blob"], arrays["vocab_off"], arrays["vocab_heads"])
        self.stems = _Strings(arrays["stem_blob"], arrays["stem_off"], arrays["stem_heads"])
        self.tkeys = _Strings(arrays["key_blob"], arrays["key_off"], arrays["key_heads"])
        self.df = arrays["df"]
        self.post_start = arrays["post_start"]
        self.doc_class = arrays["doc_class"]
        self.doc_off = arrays["doc_off"]
        self.first_doc = arrays["first_doc"]
        self._df = arrays["df"].data
        self._post = self.post_start.data
        self._first = arrays["first_doc"].data
        self._class = arrays["doc_class"].data
        self._doc_off = self.doc_off.data
        self._pools = (arrays["pool0"], arrays["pool1"], arrays["pool2"])
        self._impact = arrays["impact"]
        self._count_off = arrays["count_off"].data
        self._pos_off = arrays["pos_off"].data
        self._counts = arrays["counts"]
        self._positions = arrays["positions"]
        self.script = arrays["script"]
        self._stem_terms = arrays["stem_terms"]
        self._stem_start = arrays["stem_start"].data
        self._key_terms = arrays["key_terms"]
        self._key_start = arrays["key_start"].data
        self.skeys = _Strings(arrays["skey_blob"], arrays["skey_off"], arrays["skey_heads"])
        self._skey_terms = arrays["skey_terms"]
        self._skey_start = arrays["skey_start"].data
        self.keys = arrays["keys"]
        self.days = arrays["days"]
        self.digest = arrays["digest"]
        self.fend = arrays["fend"]
        self.path_name: str | None = None
        self._term_groups: tuple[tuple[np.ndarray, Callable[[int], bytes]], ...] | None = None

    @classmethod
    def from_flat(
        cls, flat: Flat, averages: np.ndarray | None = None, known: Segment | None = None
    ) -> Segment:
        arrays, meta = encode(flat, averages, known)
        return cls(arrays, meta)

    # -- vocabulary lookups in bulk (encoding a delta beside this segment) ---------

    def find_all(self, words: Sequence[str]) -> np.ndarray:
        """``words.find`` of each of ``words`` (ascending), vectorised: ids, -1 if absent.

        One ``searchsorted`` of the words' first 8 bytes settles the words of up
        to 8 bytes whose head is unique here (same head, same length: same
        word); longer ones compare their bytes, and heads shared by several
        words fall back to ``find``.
        """
        found = np.full(len(words), -1, dtype=np.int64)
        if not words or not self.words.size:
            return found
        encoded = [w.encode("utf-8", "surrogatepass") for w in words]
        blob, offsets = _blob(words)
        heads = heads_of(blob, offsets)
        lo = self.words.heads.searchsorted(heads, "left").astype(np.int64)
        hi = self.words.heads.searchsorted(heads, "right").astype(np.int64)
        lengths = np.diff(offsets)
        mine = np.asarray(self.arrays["vocab_off"], dtype=np.int64)
        single = np.flatnonzero(hi - lo == 1)
        candidate = lo[single]
        same = (mine[candidate + 1] - mine[candidate]) == lengths[single]
        short = lengths[single] <= 8
        sure = same & short
        found[single[sure]] = candidate[sure]
        strings = self.words
        for i, c in zip(
            single[same & ~short].tolist(), candidate[same & ~short].tolist(), strict=True
        ):
            if strings[c] == encoded[i]:
                found[i] = c
        several = np.flatnonzero(hi - lo > 1)
        for i, first, last in zip(
            several.tolist(), lo[several].tolist(), hi[several].tolist(), strict=True
        ):
            at = bisect.bisect_left(strings, encoded[i], first, last)
            if at < last and strings[at] == encoded[i]:
                found[i] = at
        return found

    def groups_of_terms(
        self,
    ) -> tuple[tuple[np.ndarray, Callable[[int], bytes]], ...]:
        """For the stem, transliteration and stem-transliteration groups: each term's
        group (-1: none) and the group's key (UTF-8 bytes). Made once per segment."""
        if self._term_groups is None:
            made = []
            for strings, terms, starts in (
                (self.stems, self._stem_terms, self.arrays["stem_start"]),
                (self.tkeys, self._key_terms, self.arrays["key_start"]),
                (self.skeys, self._skey_terms, self.arrays["skey_start"]),
            ):
                group = np.full(self.words.size, -1, dtype=np.int64)
                sizes: np.ndarray = np.diff(np.asarray(starts, dtype=np.int64))
                group[np.asarray(terms, dtype=np.int64)] = np.repeat(np.arange(sizes.size), sizes)
                made.append((group, strings.__getitem__))
            self._term_groups = tuple(made)
        return self._term_groups

    # -- term access -------------------------------------------------------------

    def doc_freq(self, term: int) -> int:
        return int(self._df[term])

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        """Document ordinals (int64, ascending) and impacts (uint8) of one term."""
        n = self._df[term]
        off = self._doc_off[term]
        docs = self._pools[self._class[term]][off : off + n].astype(np.int64)
        docs.cumsum(out=docs)
        docs += self._first[term]
        start = self._post[term]
        return docs, self._impact[start : start + n]

    def postings_many(self, terms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Postings of several terms at once: docs, impacts, and which of ``terms`` each is."""
        terms = np.asarray(terms, dtype=np.int64)
        df = self.df[terms].astype(np.int64)
        total = int(df.sum())
        starts = np.cumsum(df) - df
        gaps = np.empty(total, dtype=np.int64)
        classes = self.doc_class[terms]
        for c, pool in enumerate(self._pools):
            chosen = np.flatnonzero(classes == c)  # a few terms, not their postings
            if not chosen.size:
                continue
            sizes = df[chosen]
            step = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            source = np.repeat(self.doc_off[terms[chosen]].astype(np.int64), sizes) + step
            gaps[np.repeat(starts[chosen], sizes) + step] = pool[source]
        gaps[starts] = 0
        running = np.cumsum(gaps)
        first = self.first_doc[terms].astype(np.int64)
        docs = running - np.repeat(running[starts] - first, df)
        within = np.arange(total) - np.repeat(starts, df)
        impacts = self._impact[np.repeat(self.post_start[terms].astype(np.int64), df) + within]
        return docs, impacts, np.repeat(np.arange(terms.size), df)

    def positions_at(self, term: int, postings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Like :meth:`positions`, for some of the term's postings (indices, ascending) only.

        Value boundaries in a varint stream are the bytes below 128, so one
        comparison over the term's bytes finds where each posting's positions
        lie, and only those bytes are decoded.
        """
        every = varint_decode(self._counts[self._count_off[term] : self._count_off[term + 1]])
        raw = self._positions[self._pos_off[term] : self._pos_off[term + 1]]
        ends = (raw < 128).nonzero()[0]
        first_value = every.cumsum() - every
        counts = every[postings]
        begin = first_value[postings]
        last = begin + counts - 1
        start_byte = np.where(begin > 0, ends[np.maximum(begin - 1, 0)] + 1, 0)
        sizes = ends[last] + 1 - start_byte
        picked = raw[
            (start_byte - (sizes.cumsum() - sizes)).repeat(sizes) + np.arange(int(sizes.sum()))
        ]
        values = varint_decode(picked)
        running = values.cumsum()
        starts = counts.cumsum() - counts
        return counts, running - (running[starts] - values[starts]).repeat(counts)

    def positions(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        """Occurrences per posting and all positions (ascending within each posting)."""
        counts = varint_decode(self._counts[self._count_off[term] : self._count_off[term + 1]])
        values = varint_decode(self._positions[self._pos_off[term] : self._pos_off[term + 1]])
        running = np.cumsum(values)
        starts = np.cumsum(counts) - counts
        base = running[starts] - values[starts]
        return counts, running - np.repeat(base, counts)

    def stem_members(self, key: str) -> np.ndarray:
        index = self.stems.find(key)
        if index < 0:
            return np.empty(0, dtype=np.int32)
        return self._stem_terms[self._stem_start[index] : self._stem_start[index + 1]]

    def stem_key_members(self, key: str) -> np.ndarray:
        """Words whose stem transliterates to ``key``."""
        index = self.skeys.find(key)
        if index < 0:
            return np.empty(0, dtype=np.int32)
        return self._skey_terms[self._skey_start[index] : self._skey_start[index + 1]]

    def key_members(self, key: str, *, prefix: bool = False) -> np.ndarray:
        if prefix:
            lo, hi = self.tkeys.prefix_range(key)
            if lo >= hi:
                return np.empty(0, dtype=np.int32)
            return self._key_terms[self._key_start[lo] : self._key_start[hi]]
        index = self.tkeys.find(key)
        if index < 0:
            return np.empty(0, dtype=np.int32)
        return self._key_terms[self._key_start[index] : self._key_start[index + 1]]

    # -- back to analysed form (for merging) ---------------------------------------

    def decode(self) -> Flat:
        """The analysed table this segment was encoded from (word occurrences, doc order)."""
        words = self.words
        n_terms = words.size
        plain = (
            np.array([words[i][:1] >= b" " for i in range(n_terms)], dtype=bool)
            if n_terms
            else np.empty(0, bool)
        )
        df = self.df.astype(np.int64)
        post_start = self.post_start
        term_of_posting = np.repeat(np.arange(n_terms), df)
        gaps = np.empty(int(df.sum()), dtype=np.int64)
        doc_class = self.doc_class
        doc_off = self.doc_off
        for c in range(3):
            in_class = doc_class == c
            if not in_class.any():
                continue
            idx = np.flatnonzero(np.repeat(in_class, df))
            gaps[idx] = self._pools[c][
                np.repeat(doc_off[in_class], df[in_class])
                + (
                    np.arange(idx.size)
                    - np.repeat(np.cumsum(df[in_class]) - df[in_class], df[in_class])
                )
            ]
        running = np.cumsum(gaps)
        base = running[post_start[:-1]] - gaps[post_start[:-1]] if n_terms else running[:0]
        first_doc = np.asarray(self.arrays["first_doc"], dtype=np.int64)
        doc = running - np.repeat(base, df) + np.repeat(first_doc, df)
        word_posting = plain[term_of_posting]
        counts = varint_decode(self._counts)
        values = varint_decode(self._positions)
        p_term = term_of_posting[word_posting]
        p_doc = doc[word_posting]
        running_pos = np.cumsum(values)
        occ_start = np.cumsum(counts) - counts
        pos = running_pos - np.repeat(running_pos[occ_start] - values[occ_start], counts)
        occ_term = np.repeat(p_term, counts)
        occ_doc = np.repeat(p_doc, counts)
        order = np.lexsort((pos, occ_doc))
        occ_doc, pos, occ_term = occ_doc[order], pos[order], occ_term[order]
        fend = np.asarray(self.fend, dtype=np.int64)
        field = np.zeros(pos.size, dtype=np.uint8)
        for f in range(N_FIELDS - 1):
            field += pos >= fend[occ_doc, f]
        plain_ids = np.flatnonzero(plain)
        remap = np.full(n_terms, -1, dtype=np.int64)
        remap[plain_ids] = np.arange(plain_ids.size)
        return Flat(
            vocab=[words.text(int(i)) for i in plain_ids],
            term=remap[occ_term].astype(np.uint32),
            doc=occ_doc,
            pos=pos,
            field=field,
            keys=np.array(self.keys, dtype=np.int64),
            days=np.array(self.days, dtype=np.int32),
            digest=np.array(self.digest, dtype=np.uint32),
            fend=fend.copy(),
        )
