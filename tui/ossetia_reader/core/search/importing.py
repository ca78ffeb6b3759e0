"""The search index built while ``add`` stores articles, when the library has none to update.

A fresh library's first big import used to store every article, then read
all of them back and index them: two passes, one after the other, on one
core. Here each stored batch (the articles exactly as stored, with their
keys) goes to the segment builder at once, whose worker processes tokenize
on the other core while the import goes on; at the end the runs are merged
into the index (see ``build.py``).

The result is only kept when it is certainly what a rebuild would give: the
library's data version must have grown by exactly the articles added
(nothing else wrote meanwhile, no article was updated in place), no entity
correction came in, and the keys fed must be the library's. Otherwise it is
dropped and the index is brought up to date the usual way.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

from ossetia_reader.core.article import Article
from ossetia_reader.core.library import Added, Library, Outcome
from ossetia_reader.core.search import _save, _stamp, index_directory
from ossetia_reader.core.search.build import Run, RunMaker, scratch_directory, write_segment
from ossetia_reader.core.search.index import TOKENIZER_VERSION, SearchIndex, read_manifest
from ossetia_reader.core.search.stem import STEMMER
from ossetia_reader.core.search.store import IndexUnusable


class ImportIndexer:
    """Feeds stored articles to a segment build; see the module docstring."""

    def __init__(self, library: Library, workers: int, reason: str) -> None:
        self._library = library
        self._reason = reason  # why the index is built anew, said when it is done
        self._stamp = _stamp(library)
        self._corrections = library.corrections()
        self._scratch = scratch_directory(index_directory(library))
        self._maker = RunMaker(self._scratch, workers)
        self._runs: list[Run] = []
        self._fed = 0
        self._inserted = 0
        self._max_key = 0
        self._valid = True
        try:
            for article in library.iter_articles():  # what the library held before
                self._feed_one(article.key or 0, article)
        except Exception:
            self._give_up()

    @classmethod
    def start(cls, library: Library, workers: int) -> ImportIndexer | None:
        """An indexer when the library has no usable index to update, else None."""
        if library.read_only:
            return None
        directory = index_directory(library)
        try:
            body = read_manifest(directory)
            reason = None
        except IndexUnusable as error:
            reason = str(error)
        if reason is None:
            if body.get("format") == TOKENIZER_VERSION and body.get("stemmer") == STEMMER:
                return None  # an index to catch up: cheaper than building anew
            reason = "search index was made by another version"
        try:
            return cls(library, workers, reason)
        except OSError:  # no room for scratch files: the usual update after the import
            return None

    def stored(self, added: list[Added]) -> None:
        """Take one stored batch (``Library.add``'s results, in order)."""
        if not self._valid:
            return
        for item in added:
            if item.outcome is Outcome.SKIPPED:
                continue
            if item.outcome is Outcome.UPDATED or item.stored is None or item.key <= self._max_key:
                self._give_up()  # an article fed already changed: a rebuild must read it
                return
            self._inserted += 1
            # The start of the content hash the library just made (``digest_of``):
            # corrections change entities only, which it does not cover.
            digest = int(item.content_hash[:8], 16) if item.content_hash else None
            try:
                self._feed_one(item.key, self._corrections.article(item.stored), digest)
            except Exception:  # a worker died, the scratch disk is full: never the import's
                self._give_up()  # problem; the index is brought up to date the usual way
                return

    def _feed_one(self, key: int, article: Article, digest: int | None = None) -> None:
        self._max_key = max(self._max_key, key)
        self._fed += 1
        self._runs += self._maker.add(article, digest)

    def finish(self, notify: Callable[[str], None] | None = None) -> SearchIndex | None:
        """The index, saved, if it is the library's; None when a usual update is needed."""
        try:
            if not self._valid:
                return None
            try:
                self._runs += self._maker.close()
            except Exception:
                return None
            self._maker.shutdown()
            library = self._library
            stamp = _stamp(library)
            current = (
                stamp["version"] == self._stamp["version"] + self._inserted
                and stamp["corrections"] == self._stamp["corrections"]
                and library.count() == self._fed
                and library.max_key() == self._max_key
            )
            if not current or not self._fed:
                return None
            try:
                segment = write_segment(self._runs, index_directory(library))
            except Exception:  # as above: the usual update follows
                return None
            index = SearchIndex([segment])
            index.mark_saved(segment)
            _save(index, library, stamp, notify)
            if notify is not None:
                missing = "missing" in self._reason
                built = f"search index built ({index.doc_count} articles)"
                notify(built if missing else f"{self._reason}; rebuilt")
            return index
        finally:
            self.discard()

    def _give_up(self) -> None:
        self._valid = False
        self.discard()

    def discard(self) -> None:
        """Stop the workers and remove the scratch files (safe to call more than once)."""
        self._maker.shutdown()
        self._runs = []
        shutil.rmtree(self._scratch, ignore_errors=True)
