"""The search index: segments of numpy arrays, searched with weighted BM25 (BM25F).

An index is a main segment plus a few small *delta* segments that
:meth:`SearchIndex.add` appends (re-adding a key hides the old copy), merged
into one segment by :meth:`SearchIndex.merge`. On disk it is a directory: one
checksummed file per segment (``store.py``) and ``manifest.json`` naming them;
every file is written atomically, the manifest last, so a crash leaves the
previous index readable.

Scores: each query term is widened to the indexed words it matches (the word,
its stem variants, words in another script that transliterate to it or whose
stem does, or the words starting with it for a prefix); an article scores
``idf × impact`` for the best of them, summed over the query's terms. Equal
scores are ordered newest first.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

import numpy as np

from ossetia_reader.core import memory
from ossetia_reader.core.article import Article
from ossetia_reader.core.search import query as q
from ossetia_reader.core.search.segment import (
    _EPOCH,
    ENTITY_FIELDS,
    FIELD_PREFIX,
    FIELDS,
    NO_DATE,
    SCRIPT_CODES,
    Flat,
    Segment,
    analyse,
    concat,
    drop_docs,
)
from ossetia_reader.core.search.stem import STEMMER, is_variant, stem, stem_keys
from ossetia_reader.core.search.store import IndexUnusable, read_arrays, write_arrays, write_atomic
from ossetia_reader.core.search.tokenize import script
from ossetia_reader.core.search.translit import translit_key

MANIFEST = "manifest.json"
TOKENIZER_VERSION = 2  # bump when terms or the segment layout change
MAX_EXPANSIONS = 64  # words a prefix widens to (the most frequent ones)
OPEN_SEGMENT_DOCS = 256  # a delta takes appends until it holds this many articles
MAX_DELTAS = 6  # more deltas than this are merged into one
VARIANT_WEIGHT = 0.9  # a stem variant counts a little less than the word itself
_GATHER_FROM = 12  # variants of a word: from here one vectorised gather beats a slice per word
_FIELD_GROUPS: dict[str, tuple[str, ...]] = {name: (name,) for name in FIELD_PREFIX}
_FIELD_GROUPS["entity"] = ENTITY_FIELDS


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching article: its library key and its score."""

    key: int
    score: float


class HitList(Sequence[Hit]):
    """Ranked hits, made into ``Hit`` objects only when read (a keystroke may find 100,000).

    ``keys`` is the plain list of article keys, best first, for virtual lists.
    """

    __slots__ = ("keys", "scores")

    def __init__(self, keys: list[int], scores: list[float]) -> None:
        self.keys = keys
        self.scores = scores

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...
    def __getitem__(self, index: int | slice) -> Hit | list[Hit]:
        if isinstance(index, slice):
            return [Hit(k, s) for k, s in zip(self.keys[index], self.scores[index], strict=True)]
        return Hit(self.keys[index], self.scores[index])

    def __iter__(self) -> Iterator[Hit]:
        return (Hit(k, s) for k, s in zip(self.keys, self.scores, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, HitList):
            return self.keys == other.keys and self.scores == other.scores
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"HitList({list(self)!r})"


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Ranked hits (best first), how many matched in all, and what to tell the user."""

    query: str
    hits: HitList
    total: int
    elapsed: float
    notice: str | None = None
    suggestions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Docs:
    """Matching documents (global ordinals, ascending) with their scores."""

    docs: np.ndarray
    scores: np.ndarray


_EMPTY = _Docs(np.empty(0, np.int64), np.empty(0, np.float64))


class SearchIndex:
    """Full-text index over library articles; see the module docstring.

    Thread-safe: searches may run while another thread adds, merges or saves
    (writers build the new state aside and swap it in under a short lock).
    """

    def __init__(self, segments: list[Segment], dead: np.ndarray | None = None) -> None:
        memory.keep_for_queries()
        self._lock = threading.Lock()  # held by searches and by the swap of a new state
        self._writer = threading.RLock()  # one add/merge/save at a time
        self._segments: list[Segment] = []
        self._open: Flat | None = None  # analysed form of the last delta, while it takes appends
        self._saved: set[str] = set()
        self.extra: dict[str, Any] = {}  # what the caller saved beside it (library fingerprint)
        self.version = 0  # bumped whenever the indexed articles change (saved-search caches)
        self._refresh(segments, dead)

    # -- building ----------------------------------------------------------------

    @classmethod
    def build(
        cls,
        articles: Iterable[Article],
        progress: Callable[[int], None] | None = None,
        *,
        workers: int = 1,
        scratch: Path | None = None,
    ) -> SearchIndex:
        """Index ``articles`` (``progress`` is called with the running count).

        The segment is built in bounded memory through sorted runs written
        to a scratch directory under ``scratch`` (default: the system's
        temporary directory), see ``build.py``. With ``workers`` > 1,
        tokenizing runs in that many processes; use it for large libraries
        from the CLI.
        """
        from ossetia_reader.core.search.build import build_segment

        segment = build_segment(
            articles, progress, workers=workers, scratch=scratch, destination=scratch
        )
        index = cls([segment])
        index.mark_saved(segment)
        return index

    def mark_saved(self, segment: Segment) -> None:
        """``segment`` was built straight into its file (``path_name``): ``save`` to that
        directory need not write it again."""
        if segment.path_name is not None:
            self._saved.add(segment.path_name)

    def add(self, articles: Iterable[Article]) -> None:
        """Index more articles; an article whose key is already indexed replaces it."""
        batch: dict[int, Article] = {}
        for article in articles:
            batch[article.key or 0] = article
        if not batch:
            return
        self._install(analyse(batch.values()))

    def add_many(
        self, articles: Iterable[Article], progress: Callable[[int], None] | None = None
    ) -> None:
        """Index a stream of articles with distinct keys as one new segment.

        For catching up on thousands of articles (a big import): ``add`` in
        small batches would make a delta per batch and merge the deltas again
        and again (quadratic); this tokenizes the stream as it comes (holding a
        chunk of texts, not the articles) into one segment.
        """
        flat = analyse(articles, progress)
        if flat.n_docs:
            self._install(flat)

    def _install(self, flat: Flat) -> None:
        with self._writer:
            dead = self._dead.copy()
            dead[np.isin(self._keys, flat.keys)] = True
            averages = self._averages()
            segments = list(self._segments)
            last = segments[-1] if segments else None
            # A delta reuses the main segment's stems and transliteration keys of the
            # words it shares with it (the same arrays, half the encoding time).
            main = segments[0] if segments else None
            if (
                last is not None
                and len(segments) > 1
                and last.n_docs + flat.n_docs <= OPEN_SEGMENT_DOCS
            ):
                opened = self._open if self._open is not None else last.decode()
                self._open = concat([opened, flat])
                segments[-1] = Segment.from_flat(self._open, averages, main)
            elif not segments:
                self._open = None
                segments.append(Segment.from_flat(flat))
            else:
                self._open = flat if flat.n_docs < OPEN_SEGMENT_DOCS else None
                segments.append(Segment.from_flat(flat, averages, main))
            slots = sum(s.n_docs for s in segments)
            dead = np.concatenate([dead, np.zeros(slots - dead.size, bool)])
            if len(segments) - 1 > MAX_DELTAS:
                segments, dead = self._merged_deltas(segments, dead)
            self._refresh(segments, dead)

    @property
    def needs_merge(self) -> bool:
        """Whether the deltas have grown enough that a full merge is worth its cost."""
        if len(self._segments) < 2:
            return bool(self._dead.any())
        main = self._segments[0].n_docs
        deltas = sum(s.n_docs for s in self._segments[1:])
        return deltas > max(1000, main // 10) or int(self._dead.sum()) > main // 10

    def merge(self) -> None:
        """Fold every segment into one, dropping replaced articles (seconds at 100k)."""
        with self._writer:
            parts = _split(self._dead, self._segments)
            flats = [drop_docs(s.decode(), d) for s, d in zip(self._segments, parts, strict=True)]
            segments = [Segment.from_flat(concat(flats))] if flats else []
            self._open = None
            self._refresh(segments, None)

    def _merged_deltas(
        self, segments: list[Segment], dead: np.ndarray
    ) -> tuple[list[Segment], np.ndarray]:
        main, deltas = segments[0], segments[1:]
        parts = _split(dead, segments)
        flats = [drop_docs(s.decode(), d) for s, d in zip(deltas, parts[1:], strict=True)]
        merged = Segment.from_flat(concat(flats), self._averages())
        self._open = None
        return [main, merged], np.concatenate([parts[0], np.zeros(merged.n_docs, bool)])

    def _averages(self) -> np.ndarray | None:
        if not self._segments:
            return None
        return np.array(self._segments[0].meta["averages"], dtype=np.float64)

    def _refresh(self, segments: list[Segment], dead: np.ndarray | None) -> None:
        """Install ``segments``: per-document tables are computed first, then swapped in."""
        bases = np.cumsum([0] + [s.n_docs for s in segments])[:-1].astype(np.int64)
        if segments:
            keys = np.concatenate([s.keys for s in segments]).astype(np.int64)
            days = np.concatenate([s.days for s in segments]).astype(np.int64)
        else:
            keys = np.empty(0, np.int64)
            days = np.empty(0, np.int64)
        total = keys.size
        if dead is None or dead.size != total:
            dead = np.zeros(total, bool)
        recency = (days << 32) + (keys & 0xFFFFFFFF)
        with self._lock:
            self.version += 1
            self._segments = segments
            self._bases, self._keys, self._days = bases, keys, days
            self._dead, self._recency = dead, recency
            self._live_count = int(total - dead.sum())

    # -- facts -------------------------------------------------------------------

    @property
    def max_key(self) -> int:
        """The highest library key indexed (0 when empty)."""
        return int(self._keys.max()) if self._keys.size else 0

    @property
    def doc_count(self) -> int:
        """How many articles the index answers for."""
        return self._live_count

    def stats(self) -> dict[str, Any]:
        """Sizes for ``ossetia-reader index --stats``."""
        return {
            "articles": self.doc_count,
            "segments": [s.n_docs for s in self._segments],
            "replaced": int(self._dead.sum()),
            "terms": sum(s.words.size for s in self._segments),
            "postings": sum(int(s.df.sum()) for s in self._segments),
            "bytes_in_memory": sum(
                sum(a.nbytes for a in s.arrays.values()) for s in self._segments
            ),
            "max_key": self.max_key,
            "stemmer": STEMMER,
        }

    def digests(self) -> dict[int, int]:
        """Library key → content digest (see ``segment.digest_of``) of every live article."""
        with self._lock:
            segments, dead, keys = self._segments, self._dead, self._keys
        if not segments:
            return {}
        digest = np.concatenate([s.digest for s in segments])
        live = ~dead
        return dict(zip(keys[live].tolist(), digest[live].tolist(), strict=True))

    def enriched_keys(self) -> np.ndarray:
        """Keys of live articles indexed with entities or quotes."""
        if not self._segments:
            return np.empty(0, np.int64)
        fend = np.concatenate([np.asarray(s.fend, dtype=np.int64) for s in self._segments])
        has = (fend[:, -1] > fend[:, FIELDS.index("source")]) & ~self._dead
        keys: np.ndarray = self._keys[has]
        return keys

    # -- saving and loading --------------------------------------------------------

    def save(self, directory: Path, extra: dict[str, Any] | None = None) -> None:
        """Write the index to ``directory`` atomically (new segment files, then the manifest)."""
        with self._writer:
            self._save(directory, extra)

    def _save(self, directory: Path, extra: dict[str, Any] | None) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        names = []
        for segment in self._segments:
            name = f"segment-{segment.id}.bin"
            if not (name in self._saved and (directory / name).exists()):
                write_arrays(directory / name, segment.arrays, segment.meta)
                self._saved.add(name)
            names.append(name)
        body: dict[str, Any] = {
            "format": TOKENIZER_VERSION,
            "stemmer": STEMMER,
            "segments": names,
            "dead": np.flatnonzero(self._dead).tolist(),
            "extra": extra or {},
        }
        encoded = json.dumps(body, sort_keys=True)
        manifest = {"checksum": zlib.crc32(encoded.encode()), "body": body}
        write_atomic(directory / MANIFEST, json.dumps(manifest).encode())
        for stale in directory.glob("segment-*.bin"):
            if stale.name not in names:
                stale.unlink(missing_ok=True)
        self.extra = extra or {}

    @classmethod
    def load(cls, directory: Path) -> SearchIndex:
        """Open a saved index; raises ``IndexUnusable`` when it is missing, corrupt or old."""
        body = read_manifest(directory)
        if body.get("format") != TOKENIZER_VERSION or body.get("stemmer") != STEMMER:
            raise IndexUnusable("search index was made by another version")
        segments = []
        try:
            for name in body["segments"]:
                meta, arrays = read_arrays(directory / str(name))
                segment = Segment(arrays, meta)
                segments.append(segment)
            dead_list = [int(i) for i in body["dead"]]
        except (KeyError, TypeError, ValueError) as error:
            raise IndexUnusable(f"search index is corrupt ({error})") from None
        total = sum(s.n_docs for s in segments)
        dead = np.zeros(total, bool)
        if dead_list:
            if min(dead_list) < 0 or max(dead_list) >= total:
                raise IndexUnusable("search index is corrupt (manifest)")
            dead[dead_list] = True
        index = cls(segments, dead)
        index._saved = {str(n) for n in body["segments"]}
        index.extra = dict(body.get("extra") or {})
        return index

    # -- searching ---------------------------------------------------------------

    def search(self, query: str, *, limit: int = 1000, prefix_last: bool = False) -> SearchResult:
        """Ranked articles for ``query``; never raises for any query text."""
        with self._lock:
            return self._search(query, limit, prefix_last)

    def _search(self, query: str, limit: int, prefix_last: bool) -> SearchResult:
        started = time.perf_counter()
        parsed = q.parse(query, prefix_last=prefix_last)
        if parsed.root is None or not self._segments:
            elapsed = time.perf_counter() - started
            return SearchResult(query, HitList([], []), 0, elapsed, parsed.notice)
        found = self._eval(parsed.root)
        if found is None:
            found = self._everything()
        docs, scores = found.docs, found.scores
        if self._live_count != self._keys.size and docs.size:
            live = ~self._dead[docs]
            docs, scores = docs[live], scores[live]
        total = int(docs.size)
        chosen = self._top(docs, scores, limit)
        hits = HitList(self._keys[docs[chosen]].tolist(), scores[chosen].tolist())
        suggestions = self.suggest(parsed.root) if total == 0 else []
        elapsed = time.perf_counter() - started
        return SearchResult(query, hits, total, elapsed, parsed.notice, suggestions)

    def match_keys(self, query: str, *, newest_first: bool = True) -> np.ndarray:
        """Every live article matching ``query`` (library keys, int64), newest first.

        No ranking and no limit: saved searches and filters need the whole set
        (to count unread articles, or to hide them), and a query over 100,000
        articles costs milliseconds this way. An empty query matches nothing.
        """
        with self._lock:
            parsed = q.parse(query)
            if parsed.root is None or not self._segments:
                return np.empty(0, np.int64)
            found = self._eval(parsed.root)
            docs = found.docs if found is not None else self._everything().docs
            if self._live_count != self._keys.size and docs.size:
                docs = docs[~self._dead[docs]]
            if newest_first:
                docs = docs[(-self._recency[docs]).argsort(kind="stable")]
            keys: np.ndarray = self._keys[docs]
            return keys

    def _top(self, docs: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
        n = docs.size
        if n == 0 or limit <= 0:
            return np.empty(0, np.int64)
        if n > limit:
            kth = np.partition(scores, n - limit)[n - limit]
            chosen = (scores >= kth).nonzero()[0]
            if chosen.size > 4 * limit:
                # Many ties at the cut (one word's scores take few values): keep
                # the newest of them without sorting them all.
                above = chosen[scores[chosen] > kth]
                ties = chosen[scores[chosen] == kth]
                need = limit - above.size
                newest = (-self._recency[docs[ties]]).argpartition(need - 1)[:need]
                chosen = np.concatenate([above, ties[newest]])
        else:
            chosen = np.arange(n)
        # Best score first, then newest: the ascending order read backwards
        # (recency is unique, it holds the key, so no two candidates are equal
        # in it). Of more than ``limit`` candidates, the first ``limit`` in this
        # order are exactly those above the cut and the newest of the ties.
        order = np.lexsort((self._recency[docs[chosen]], scores[chosen]))[::-1]
        top: np.ndarray = chosen[order[:limit]]
        return top

    def _everything(self) -> _Docs:
        docs = np.arange(self._keys.size, dtype=np.int64)
        return _Docs(docs, np.zeros(docs.size, np.float64))

    def _eval(self, node: q.Node) -> _Docs | None:
        """Documents matching ``node``; None means "no constraint" (all documents)."""
        if isinstance(node, q.Term):
            return self._term(node)
        if isinstance(node, q.Phrase):
            return self._phrase(node)
        if isinstance(node, q.DateRange):
            return self._dates(self._everything(), [node])
        if isinstance(node, q.Not):
            excluded = self._eval(node.child)
            return _difference(self._everything(), excluded)
        if isinstance(node, q.Or):
            parts = [self._eval(child) for child in node.children]
            if any(p is None for p in parts):
                return None
            return self._union([p for p in parts if p is not None])
        positives: list[_Docs] = []
        negatives: list[q.Node] = []
        dates: list[q.DateRange] = []
        others = [c for c in node.children if not isinstance(c, (q.Not, q.DateRange))]
        # Two plain words (a prefix may widen to 64 words: read one at a time, those
        # would cost more than the one gather ``_term`` makes of them).
        pair = len(others) == 2 and all(isinstance(c, q.Term) and not c.prefix for c in others)
        for child in node.children:
            if isinstance(child, q.Not):
                negatives.append(child.child)
            elif isinstance(child, q.DateRange):
                dates.append(child)
            elif not pair:
                found = self._eval(child)
                if found is not None:
                    positives.append(found)
        if pair:
            # Two words: the rarer one's documents, and the other's postings read only
            # at those (the same sums: adding two scores does not depend on the order).
            first, second = sorted(others, key=self._estimate)
            assert isinstance(first, q.Term) and isinstance(second, q.Term)
            positives.append(self._term_at(second, self._term(first)))
        result: _Docs | None = None
        for part in sorted(positives, key=lambda p: p.docs.size):
            result = part if result is None else _intersect(result, part)
            if result.docs.size == 0:
                return result
        if result is None:
            result = self._everything()
        if dates:
            result = self._dates(result, dates)
        for negative in negatives:
            if result.docs.size == 0:
                break
            result = _difference(result, self._eval(negative))
        return result

    def _dates(self, found: _Docs, ranges: list[q.DateRange]) -> _Docs:
        days = self._days[found.docs]
        keep = days != NO_DATE
        for bounds in ranges:
            if bounds.start is not None:
                keep &= days >= bounds.start.toordinal() - _EPOCH
            if bounds.end is not None:
                keep &= days < bounds.end.toordinal() - _EPOCH
        return _Docs(found.docs[keep], found.scores[keep])

    def _union(self, parts: list[_Docs]) -> _Docs:
        parts = [p for p in parts if p.docs.size]
        if not parts:
            return _EMPTY
        if len(parts) == 1:
            return parts[0]
        size = sum(p.docs.size for p in parts)
        if size * 8 > self._keys.size:
            scores = np.zeros(self._keys.size, np.float64)
            hit = np.zeros(self._keys.size, bool)
            for part in parts:
                scores[part.docs] += part.scores
                hit[part.docs] = True
            docs = hit.nonzero()[0]
            return _Docs(docs, scores[docs])
        # np.unique(docs, return_inverse=True), from one stable sort (each part is
        # ascending already): a tenth of its time. bincount then sums each
        # document's scores part by part, as before.
        docs = np.concatenate([p.docs for p in parts])
        order = docs.argsort(kind="stable")
        ordered = docs[order]
        first = np.empty(ordered.size, bool)
        first[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
        inverse = np.empty(ordered.size, np.int64)
        inverse[order] = first.cumsum() - 1
        summed = np.bincount(inverse, weights=np.concatenate([p.scores for p in parts]))
        return _Docs(ordered[first], summed)

    # -- terms -------------------------------------------------------------------

    def _idf(self, df: float) -> float:
        n = max(self._live_count, 1)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def _global_df(self, segment_index: int, word_id: int) -> int:
        segment = self._segments[segment_index]
        df = segment.doc_freq(word_id)
        if len(self._segments) > 1:
            word = segment.words.text(word_id)
            for other_index, other in enumerate(self._segments):
                if other_index != segment_index:
                    found = other.words.find(word)
                    if found >= 0:
                        df += other.doc_freq(found)
        return df

    def _term(self, term: q.Term) -> _Docs:
        parts = []
        for index, (segment, base) in enumerate(zip(self._segments, self._bases, strict=True)):
            weighted = self._variants(segment, term)
            if not weighted:
                continue
            factors = self._factors(index, weighted)
            if len(weighted) == 1:
                docs, impacts = segment.postings(next(iter(weighted)))
                scores = impacts * factors[0]
            elif len(weighted) < _GATHER_FROM:
                docs, scores = self._best_of(segment, list(weighted), factors)
            else:
                ids = np.fromiter(weighted, dtype=np.int64, count=len(weighted))
                docs, impacts, owner = segment.postings_many(ids)
                positive = min(factors) > 0
                scores = impacts * np.array(factors)[owner]
                docs, scores = self._best_per_doc(docs, scores, positive)
            parts.append(_Docs(docs + base if base else docs, scores))
        return _concat(parts)

    def _estimate(self, node: q.Node) -> int:
        """Postings of a term's own word (its variants left out): which word is rarer."""
        assert isinstance(node, q.Term)
        word = FIELD_PREFIX[node.field] + node.word if node.field in FIELD_PREFIX else node.word
        total = 0
        for segment in self._segments:
            found = segment.words.find(word)
            if found >= 0:
                total += segment.doc_freq(found)
        return total

    def _term_at(self, term: q.Term, within: _Docs) -> _Docs:
        """``_intersect(within, self._term(term))``, reading ``term``'s postings only at
        ``within``'s documents (a common word's thousands are not merged and sorted
        for the few documents a rarer word allows).

        The same documents and scores: each document's score is the best of its
        variants' (the same products), and where ``_term`` would drop documents
        whose best score is not positive (its dense path, see ``_dense``), so
        does this.
        """
        parts = []
        for index, (segment, base) in enumerate(zip(self._segments, self._bases, strict=True)):
            lo, hi = within.docs.searchsorted([base, base + segment.n_docs]).tolist()
            if lo == hi:
                continue
            weighted = self._variants(segment, term)
            if not weighted:
                continue
            factors = self._factors(index, weighted)
            ids = list(weighted)
            wanted = within.docs[lo:hi] - base if base else within.docs[lo:hi]
            best = np.full(wanted.size, -np.inf)
            for word_id, factor in zip(ids, factors, strict=True):
                docs, impacts = segment.postings(word_id)
                if not docs.size:
                    continue
                at = docs.searchsorted(wanted)
                at[at == docs.size] = 0
                hit = (docs[at] == wanted).nonzero()[0]
                best[hit] = np.maximum(best[hit], impacts[at[hit]] * factor)
            total = sum(segment.doc_freq(i) for i in ids)
            positive = min(factors) > 0
            if len(ids) > 1 and not positive and self._dense(total, positive):
                keep = (best > 0).nonzero()[0]
            else:
                keep = (best > -np.inf).nonzero()[0]
            parts.append(_Docs(within.docs[lo:hi][keep], within.scores[lo:hi][keep] + best[keep]))
        return _concat(parts)

    def _best_of(
        self, segment: Segment, ids: list[int], factors: list[float]
    ) -> tuple[np.ndarray, np.ndarray]:
        """``_best_per_doc`` of a few words' postings, read one word at a time.

        A word's postings are one slice of its pool (copied, summed up): for a
        few words that costs less than ``postings_many``'s gathers of every
        posting through index arrays. The same documents and scores in the
        same order: the concatenation is what ``postings_many`` returns.
        """
        docs_of, scores_of = [], []
        for word_id, factor in zip(ids, factors, strict=True):
            docs, impacts = segment.postings(word_id)
            docs_of.append(docs)
            scores_of.append(impacts * factor)
        positive = min(factors) > 0
        if self._dense(sum(d.size for d in docs_of), positive):
            best = np.zeros(self._keys.size + 1, np.float64)
            seen = np.zeros(best.size, bool) if positive else None
            for docs, scores in zip(docs_of, scores_of, strict=True):
                best[docs] = np.maximum(best[docs], scores)
                if seen is not None:
                    seen[docs] = True
            unique = (seen if seen is not None else best).nonzero()[0]
            return unique, best[unique]
        return _merge_best(docs_of, scores_of)

    def _best_per_doc(
        self, docs: np.ndarray, scores: np.ndarray, positive: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each document once, with its best score (variants of one query word)."""
        if self._dense(docs.size, positive):
            best = np.zeros(self._keys.size + 1, np.float64)
            np.maximum.at(best, docs, scores)
            if positive:
                seen = np.zeros(best.size, bool)
                seen[docs] = True
                unique = seen.nonzero()[0]
            else:
                unique = best.nonzero()[0]
            return unique, best[unique]
        return self._sorted_best(docs, scores)

    def _dense(self, postings: int, positive: bool) -> bool:
        """Whether to take the best score per document in an array over all documents.

        Beyond some thousands of postings that beats sorting them; the scan for
        the documents found is cheaper over a boolean array than over the scores
        (measured: ~2.5x at 100,000 articles), so with every score positive (the
        usual case) the array pays off from half as many postings. A score of 0
        or less (an idf below zero, when replaced copies outnumber the live
        articles) drops out of the score scan: then the old rule, for the same
        answers.
        """
        return postings * (8 if positive else 16) > self._keys.size

    @staticmethod
    def _sorted_best(docs: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if docs.size == 0:
            return docs, scores
        order = docs.argsort(kind="stable")
        docs, scores = docs[order], scores[order]
        first = np.empty(docs.size, bool)
        first[0] = True
        np.not_equal(docs[1:], docs[:-1], out=first[1:])
        starts = first.nonzero()[0]
        if starts.size == docs.size:  # no document twice
            return docs, scores
        return docs[starts], np.maximum.reduceat(scores, starts)

    def _factors(self, index: int, weighted: dict[int, float]) -> list[float]:
        """Per variant of a term in segment ``index``: what its stored impacts (0-255)
        are multiplied by, the word's library-wide idf times the variant's weight."""
        return [
            self._idf(self._global_df(index, word_id)) * weight / 255.0
            for word_id, weight in weighted.items()
        ]

    def _variants(self, segment: Segment, term: q.Term) -> dict[int, float]:
        """Indexed words (ids in ``segment``) that ``term`` matches, with their weights."""
        fields = _FIELD_GROUPS.get(term.field or "", ())
        word = term.word
        found: dict[int, float] = {}
        words = segment.words
        if term.prefix:
            candidates = self._prefix_words(segment, word)
        else:
            candidates = {}
            exact = words.find(word)
            if exact >= 0:
                candidates[exact] = 1.0
            for variant in self._stem_variants(segment, word):
                candidates.setdefault(variant, VARIANT_WEIGHT)
            key = translit_key(word)
            if key is not None:
                own = SCRIPT_CODES.get(script(word), 0)
                for other in segment.key_members(key).tolist():
                    if segment.script[other] != own:
                        candidates.setdefault(other, 1.0)
                for other in segment.stem_key_members(key).tolist():
                    if segment.script[other] != own and other not in candidates:
                        text = words.text(other)
                        root = stem(text)
                        if root is not None and is_variant(root, text):
                            candidates[other] = VARIANT_WEIGHT
        if not fields:
            return candidates
        for word_id, weight in candidates.items():
            text = words.text(word_id)
            for name in fields:
                field_id = words.find(FIELD_PREFIX[name] + text)
                if field_id >= 0:
                    found[field_id] = max(found.get(field_id, 0.0), weight)
        return found

    def _stem_variants(self, segment: Segment, word: str) -> list[int]:
        keys = stem_keys(word)
        if not keys:
            return []
        members = [segment.stem_members(k) for k in keys]
        as_word = segment.words.find(keys[0])
        ids = set(np.concatenate(members).tolist()) if members else set()
        if as_word >= 0:
            ids.add(as_word)
        return [i for i in ids if is_variant(word, segment.words.text(i))]

    def _prefix_words(self, segment: Segment, word: str) -> dict[int, float]:
        lo, hi = segment.words.prefix_range(word)
        chosen: dict[int, float] = {}
        if hi > lo:
            ids = np.arange(lo, hi)
            if ids.size > MAX_EXPANSIONS:
                ids = lo + np.argpartition(-segment.df[lo:hi], MAX_EXPANSIONS)[:MAX_EXPANSIONS]
            chosen = dict.fromkeys(ids.tolist(), 1.0)
        key = translit_key(word)
        if key is not None:
            own = SCRIPT_CODES.get(script(word), 0)
            others = segment.key_members(key, prefix=True)
            others = others[segment.script[others] != own]
            if others.size > MAX_EXPANSIONS // 4:
                best = np.argpartition(-segment.df[others], MAX_EXPANSIONS // 4)
                others = others[best[: MAX_EXPANSIONS // 4]]
            for other in others.tolist():
                chosen.setdefault(other, 1.0)
        return chosen

    def _phrase(self, phrase: q.Phrase) -> _Docs:
        parts = []
        length = len(phrase.words)
        for index, (segment, base) in enumerate(zip(self._segments, self._bases, strict=True)):
            ids = [segment.words.find(w) for w in phrase.words]
            if min(ids) < 0:
                continue
            postings = [segment.postings(i) for i in ids]
            rarest_first = sorted(range(length), key=lambda i: postings[i][0].size)
            candidates = postings[rarest_first[0]][0]
            for i in rarest_first[1:]:
                candidates = candidates[_member(candidates, postings[i][0])]
                if candidates.size == 0:
                    break
            if candidates.size == 0:
                continue
            starts = None
            for offset in rarest_first:
                # Only the candidates' positions are decoded (a common word has many).
                where = postings[offset][0].searchsorted(candidates)
                counts, positions = segment.positions_at(ids[offset], where)
                keys = (candidates.repeat(counts) << 32) + (positions - offset)
                starts = keys if starts is None else starts[_member(starts, keys)]
                if starts.size == 0:
                    break
                candidates = _sorted_unique(starts >> 32)
            if starts is None or starts.size == 0:
                continue
            if phrase.field:
                starts = self._in_fields(segment, starts, length, phrase.field)
            matched = _sorted_unique(starts >> 32)
            if matched.size == 0:
                continue
            scores = np.zeros(matched.size, np.float64)
            for word_id, (docs, impacts) in zip(ids, postings, strict=True):
                where = docs.searchsorted(matched)
                idf = self._idf(self._global_df(index, word_id))
                scores += impacts[where] * (idf / 255.0)
            parts.append(_Docs(matched + base if base else matched, scores))
        return _concat(parts)

    def _in_fields(
        self, segment: Segment, starts: np.ndarray, length: int, name: str
    ) -> np.ndarray:
        docs = starts >> 32
        first = starts & 0xFFFFFFFF
        keep = np.zeros(starts.size, bool)
        for field_name in _FIELD_GROUPS.get(name, ()):
            f = FIELDS.index(field_name)
            begin = segment.fend[docs, f - 1] if f > 0 else np.zeros(docs.size, np.int64)
            keep |= (first >= begin) & (first + length <= segment.fend[docs, f])
        return starts[keep]

    # -- did you mean --------------------------------------------------------------

    def suggest(self, root: q.Node | None, limit: int = 3) -> list[str]:
        """Indexed words close to the query words that matched nothing."""
        suggestions: list[str] = []
        for leaf in q.positive_leaves(root):
            if isinstance(leaf, q.Term) and leaf.prefix:
                continue
            words = leaf.words if isinstance(leaf, q.Phrase) else (leaf.word,)
            for word in words:
                if any(s.words.find(word) >= 0 for s in self._segments):
                    continue
                for candidate in self._close_words(word, limit):
                    if candidate not in suggestions:
                        suggestions.append(candidate)
        return suggestions[:limit]

    def _close_words(self, word: str, limit: int) -> list[str]:
        if len(word) < 3:
            return []
        best: dict[str, tuple[int, int]] = {}
        for candidate in _edits(word):
            for segment in self._segments:
                found = segment.words.find(candidate)
                if found >= 0:
                    df = segment.doc_freq(found)
                    best[candidate] = (1, min(best.get(candidate, (1, 0))[1], -df))
        if not best and len(word) > 5:
            for segment in self._segments:
                for word_id in self._near_by_length(segment, word).tolist():
                    text = segment.words.text(word_id)
                    if _distance(word, text, 2) <= 2:
                        best[text] = (2, -segment.doc_freq(word_id))
        ranked = sorted(best.items(), key=lambda item: item[1])
        return [text for text, _ in ranked[:limit]]

    @staticmethod
    def _near_by_length(segment: Segment, word: str, most: int = 300) -> np.ndarray:
        """The most frequent words sharing ``word``'s first letter, of about its length."""
        lo, hi = segment.words.prefix_range(word[0])
        if hi <= lo:
            return np.empty(0, np.int64)
        off = np.asarray(segment.arrays["vocab_off"][lo : hi + 1], dtype=np.int64)
        size = len(word.encode())
        width = size / len(word)
        ids = lo + np.flatnonzero(np.abs(np.diff(off) - size) <= 2 * width + 0.5)
        if ids.size > most:
            ids = ids[np.argpartition(-segment.df[ids], most)[:most]]
        return ids


_ALPHABETS = {
    "latin": "abcdefghijklmnopqrstuvwxyz",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщъыьэюяії",
    "georgian": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
}


def _edits(word: str) -> set[str]:
    """Every string one edit (delete, swap, replace, insert) away from ``word``."""
    letters = _ALPHABETS.get(script(word), "".join(sorted(set(word))))
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    found |= {a + c + b[1:] for a, b in splits if b for c in letters}
    found |= {a + c + b for a, b in splits for c in letters}
    found.discard(word)
    return found


def _split(dead: np.ndarray, segments: list[Segment]) -> list[np.ndarray]:
    """The replaced-article mask cut into one piece per segment."""
    bounds = np.cumsum([0] + [s.n_docs for s in segments])
    return [dead[a:b] for a, b in itertools.pairwise(bounds.tolist())]


def read_manifest(directory: Path) -> dict[str, Any]:
    """The manifest of the index in ``directory``; raises ``IndexUnusable``."""
    try:
        raw = (directory / MANIFEST).read_bytes()
    except FileNotFoundError:
        raise IndexUnusable("search index is missing") from None
    except OSError as error:
        raise IndexUnusable(f"search index cannot be read: {error.strerror}") from None
    try:
        manifest = json.loads(raw)
        body = manifest["body"]
        if zlib.crc32(json.dumps(body, sort_keys=True).encode()) != manifest["checksum"]:
            raise ValueError("checksum")
    except (ValueError, KeyError, TypeError):
        raise IndexUnusable("search index is corrupt (manifest)") from None
    if not isinstance(body, dict):
        raise IndexUnusable("search index is corrupt (manifest)")
    return body


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _merge_best(
    docs_of: list[np.ndarray], scores_of: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted lists of distinct documents merged into one, each document with its best score.

    What ``SearchIndex._sorted_best`` of their concatenation gives. A query
    word's variants are often one long list (``monday``, 3,808 documents) and
    short ones (``mondays``, 33): then the short ones (merged among themselves
    as before) are looked up in the long one and put in their places instead
    of sorting everything again (~19 us instead of ~31 here). When the others
    are not short, sorting the concatenation is the cheaper way.
    """
    longest = max(range(len(docs_of)), key=lambda i: docs_of[i].size)
    docs, scores = docs_of[longest], scores_of[longest]
    rest = [i for i in range(len(docs_of)) if i != longest and docs_of[i].size]
    if not rest:
        return docs, scores
    if sum(docs_of[i].size for i in rest) * _MERGE_SHORT > docs.size:
        return SearchIndex._sorted_best(np.concatenate(docs_of), np.concatenate(scores_of))
    if len(rest) == 1:
        more, more_scores = docs_of[rest[0]], scores_of[rest[0]]
    else:
        more, more_scores = SearchIndex._sorted_best(
            np.concatenate([docs_of[i] for i in rest]),
            np.concatenate([scores_of[i] for i in rest]),
        )
    at = docs.searchsorted(more)
    found = np.zeros(more.size, bool)
    inside = (at < docs.size).nonzero()[0]
    found[inside] = docs[at[inside]] == more[inside]
    scores = scores.copy()
    where = at[found]
    scores[where] = np.maximum(scores[where], more_scores[found])
    new = (~found).nonzero()[0]
    if not new.size:
        return docs, scores
    # Each new document lands after the old ones before it and the new ones before it.
    placed = at[new] + np.arange(new.size)
    total = docs.size + new.size
    taken = np.zeros(total, bool)
    taken[placed] = True
    kept = ~taken
    merged = np.empty(total, docs.dtype)
    merged[placed] = more[new]
    merged[kept] = docs
    merged_scores = np.empty(total, scores.dtype)
    merged_scores[placed] = more_scores[new]
    merged_scores[kept] = scores
    return merged, merged_scores


_MERGE_SHORT = 8  # the other variants together at most 1/8 of the longest: merge, not sort


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of an ascending array, in one pass (no sort or hashing)."""
    if values.size == 0:
        return values
    keep = np.empty(values.size, bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    unique: np.ndarray = values[keep]
    return unique


def _member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Boolean mask: which of ``values`` are in ``sorted_set`` (ascending)."""
    if sorted_set.size == 0:
        return np.zeros(values.size, bool)
    where = sorted_set.searchsorted(values)
    where[where == sorted_set.size] = 0
    found: np.ndarray = sorted_set[where] == values
    return found


def _intersect(a: _Docs, b: _Docs) -> _Docs:
    if a.docs.size > b.docs.size:
        a, b = b, a
    if a.docs.size == 0:
        return a
    where = b.docs.searchsorted(a.docs)
    where[where == b.docs.size] = 0
    match = b.docs[where] == a.docs
    return _Docs(a.docs[match], a.scores[match] + b.scores[where[match]])


def _difference(a: _Docs, b: _Docs | None) -> _Docs:
    if b is None:
        return _EMPTY
    if a.docs.size == 0 or b.docs.size == 0:
        return a
    keep = ~_member(a.docs, b.docs)
    return _Docs(a.docs[keep], a.scores[keep])


def _concat(parts: list[_Docs]) -> _Docs:
    if not parts:
        return _EMPTY
    if len(parts) == 1:
        return parts[0]
    return _Docs(np.concatenate([p.docs for p in parts]), np.concatenate([p.scores for p in parts]))
