"""Search as the app uses it: the full-text index once loaded, titles until then.

The index loads in a worker after the first frame; a query typed before it is
ready is answered from titles so the search bar never blocks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ossetia_reader.core.article import Article, ArticleSummary
from ossetia_reader.core.library import Library

if TYPE_CHECKING:
    from ossetia_reader.core.search import SearchIndex


@dataclass
class Found:
    """Keys in rank order, for the article list."""

    keys: list[int]
    total: int
    notice: str | None = None
    suggestions: list[str] = field(default_factory=list)
    # Answered from titles before the index loaded: the screen asks again when it has.
    titles_only: bool = False


class LoadStopped(Exception):
    """``SearchService.load`` gave up because ``should_stop`` said so (the app is quitting)."""


class SearchService:
    """Answers queries from the index when ready, from titles before that."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.index: SearchIndex | None = None
        self._lock = threading.Lock()
        self._titles: tuple[int, list[tuple[int, str]]] | None = None  # (version, folded)

    def load(
        self,
        notify: Callable[[str], None] | None = None,
        progress: Callable[[int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        """Open (or build, or repair) the on-disk index. Slow: call from a worker.

        ``should_stop`` is asked at each step of a build (every 4,000 articles); True
        ends it with ``LoadStopped`` and nothing saved: q during a rebuild at 100,000
        articles left a blank terminal for 8.5 s while the app's end waited for it.
        """
        from ossetia_reader.core.search import open_index

        def step(done: int) -> None:
            if should_stop is not None and should_stop():
                raise LoadStopped
            if progress is not None:
                progress(done)

        index = open_index(self.library, notify=notify, progress=step)
        with self._lock:
            self.index = index

    def with_snippets(self, query: str) -> SnippetRows:
        """A row source for the article list that adds each result's best passage."""
        return SnippetRows(self.library, query)

    def search(self, query: str, allowed: set[int] | None = None, limit: int = 5000) -> Found:
        """Rank ``query``; ``allowed`` narrows to the keys the current filter shows."""
        with self._lock:
            index = self.index
        if index is None:
            return self._title_search(query, allowed)
        result = index.search(query, limit=limit, prefix_last=True)
        if not result.hits and not result.suggestions:
            # "Did you mean" comes from whole words; the typed-prefix reading has none.
            result = index.search(query, limit=limit)
        keys = list(result.hits.keys)
        if allowed is not None:
            keys = [key for key in keys if key in allowed]
        return Found(
            keys,
            result.total if allowed is None else len(keys),
            result.notice,
            list(result.suggestions),
        )

    def highlight(self, query: str, article: Article) -> list[tuple[int, int]]:
        """Body spans matching ``query``, for highlighting and n/N."""
        if not query:
            return []
        from ossetia_reader.core.search import highlight_spans

        return highlight_spans(query, article.body, prefix_last=True)

    def _title_search(self, query: str, allowed: set[int] | None) -> Found:
        words = [w.casefold() for w in query.split() if w.isalnum()]
        matched = [
            key
            for key, title in self._folded_titles()
            if (allowed is None or key in allowed) and all(w in title for w in words)
        ]
        # Short: at 80 columns the status line cut the longer wording after "search index".
        return Found(matched, len(matched), "titles only: the index is loading", titles_only=True)

    def _folded_titles(self) -> list[tuple[int, str]]:
        """Every title, casefolded, read once per library version.

        Read again at each keystroke, 99,113 titles took 0.34 s idle and 2.2 s while the
        index was being rebuilt beside it; the match itself takes ~6 ms.
        """
        version = self.library.data_version()
        cached = self._titles
        if cached is None or cached[0] != version:
            cached = (version, [(key, title.casefold()) for key, title in self.library.titles()])
            self._titles = cached
        return cached[1]


class SnippetRows:
    """Sidebar rows for search results: summaries plus the passage that matched."""

    def __init__(self, library: Library, query: str) -> None:
        self.library = library
        self.query = query

    def summaries(self, keys: Sequence[int]) -> list[ArticleSummary]:
        from ossetia_reader.core.search import snippet

        rows = []
        for summary in self.library.summaries(keys):
            article = self.library.get(summary.key)
            if article is not None:
                text, spans = snippet(self.query, article.body, width=200)
                summary = replace(summary, snippet=text, snippet_spans=tuple(spans))
            rows.append(summary)
        return rows
