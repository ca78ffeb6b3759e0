"""Where a query matches inside a text: hit spans for highlighting, and result snippets.

Matching follows the index exactly in spirit (same tokenizer, folding,
stemming rule and transliteration), but works on one text, so it needs no
index: the reading pane highlights hits (and ``n``/``N`` walk them) with the
spans returned here.
"""

from __future__ import annotations

from functools import lru_cache

from ossetia_reader.core.search import query as q
from ossetia_reader.core.search.stem import is_variant, stem
from ossetia_reader.core.search.tokenize import (
    Token,
    raw_spans,
    raw_terms,
    raw_words,
    script,
    tokens,
)
from ossetia_reader.core.search.translit import translit_key


class _Matcher:
    """Decides whether a text term matches one of a query's positive terms."""

    def __init__(self, leaves: list[q.Term]) -> None:
        self._leaves = [(leaf, script(leaf.word), translit_key(leaf.word)) for leaf in leaves]
        self._seen: dict[str, bool] = {}

    def __call__(self, term: str) -> bool:
        known = self._seen.get(term)
        if known is None:
            known = self._seen[term] = any(
                self._one(leaf, s, k, term) for leaf, s, k in self._leaves
            )
        return known

    @staticmethod
    def _one(leaf: q.Term, own_script: str, key: str | None, term: str) -> bool:
        word = leaf.word
        if leaf.prefix:
            if term.startswith(word):
                return True
            if key is None or script(term) == own_script:
                return False
            other = translit_key(term)
            return other is not None and other.startswith(key)
        if term == word or is_variant(word, term):
            return True
        if key is None or script(term) == own_script:
            return False
        if translit_key(term) == key:
            return True
        root = stem(term)
        return root is not None and translit_key(root) == key and is_variant(root, term)


def highlight_spans(query: str, text: str, *, prefix_last: bool = False) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` in ``text`` of every hit of the query's positive terms and phrases.

    Spans are sorted and do not overlap. Terms under ``-``/``NOT`` are not hits.
    """
    leaves, matches = _prepared(query, prefix_last)
    if not leaves or not text:
        return []
    phrases = [leaf for leaf in leaves if isinstance(leaf, q.Phrase)]
    if matches is not None and not phrases:
        # Words only: no positions needed. Each distinct stretch of the text is
        # judged once, then one scan finds where the matching ones are (a result
        # list's 20 snippets took ~12 ms at 100k, ~4 ms this way). A stretch
        # folding to two matching terms gives its span once, not twice: the
        # same spans after merging.
        wanted = {raw for raw in raw_words(text) if any(map(matches, raw_terms(raw)))}
        return _merge(raw_spans(text, wanted)) if wanted else []
    found = list(tokens(text))
    spans: list[tuple[int, int]] = []
    if matches is not None:
        spans.extend((t.start, t.end) for t in found if matches(t.term))
    for phrase in phrases:
        spans.extend(_phrase_spans(phrase.words, found))
    return _merge(spans)


@lru_cache(maxsize=16)
def _prepared(query: str, prefix_last: bool) -> tuple[list[q.Term | q.Phrase], _Matcher | None]:
    """The parsed query and its term matcher, kept for the next text: a results list
    asks for a snippet of each of 20 articles with one query, and the matcher
    remembers the verdict on every word it has seen."""
    parsed = q.parse(query, prefix_last=prefix_last)
    leaves = list(q.positive_leaves(parsed.root))
    words = [leaf for leaf in leaves if isinstance(leaf, q.Term)]
    return leaves, (_Matcher(words) if words else None)


def _phrase_spans(words: tuple[str, ...], found: list[Token]) -> list[tuple[int, int]]:
    spans = []
    size = len(words)
    for i in range(len(found) - size + 1):
        if found[i].term != words[0]:
            continue
        window = found[i : i + size]
        if all(t.term == w for t, w in zip(window, words, strict=True)) and (
            window[-1].position - window[0].position == size - 1
        ):
            spans.append((window[0].start, window[-1].end))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def snippet(query: str, text: str, width: int = 160) -> tuple[str, list[tuple[int, int]]]:
    """The window of ``text`` (about ``width`` characters) with the most hits, on one line.

    Returns the snippet and the hit spans within it. Whitespace runs become one
    space; a cut end is marked with "…".
    """
    spans = highlight_spans(query, text)
    if not text:
        return "", []
    start = 0
    if spans:
        best, best_count = 0, -1
        right = 0
        for left, (span_start, _) in enumerate(spans):
            right = max(right, left)
            while right < len(spans) and spans[right][1] <= span_start + width:
                right += 1
            if right - left > best_count:
                best, best_count = left, right - left
        lead = min(width // 5, spans[best][0])
        start = spans[best][0] - lead
        if start > 0:
            space = text.find(" ", start, spans[best][0])
            if space != -1:
                start = space + 1
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        if space != -1:
            end = space
    return _compact(text, start, end, spans)


def _compact(
    text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """``text[start:end]`` on one line, with ellipses, and the spans moved into it."""
    out: list[str] = []
    where = [0] * (end - start + 1)
    shift = 1 if start > 0 else 0
    if shift:
        out.append("…")
    length = shift
    previous_space = True
    for i in range(start, end):
        char = text[i]
        where[i - start] = length
        if char.isspace():
            if previous_space:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(char)
            previous_space = False
        length += 1
    where[end - start] = length
    if out and out[-1] == " ":
        out.pop()
        length -= 1
    if end < len(text):
        out.append("…")
    inside = [
        (where[max(s, start) - start], min(where[min(e, end) - start], length))
        for s, e in spans
        if s < end and e > start
    ]
    return "".join(out), [(s, e) for s, e in inside if e > s]
