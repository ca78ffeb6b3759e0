"""Light stemming: ``leaders`` finds ``leader``, ``Голунова`` finds ``Голунов``.

Stems come from the Snowball stemmers through PyPI ``PyStemmer`` (the Snowball
project's own C binding, ~5 µs a word here against ~160 µs for the pure-Python
``snowballstemmer``); English for Latin terms, Russian for Cyrillic. They
are never indexed: the index stores the words as written and a query term is
widened to the indexed words it is a *variant* of. Snowball alone would hurt
precision (``organization`` → ``organ``) and is inconsistent on Russian
surnames (``голунов`` → ``голун`` but ``голунова`` → ``голунов``), so a word
is a variant of a query term only when

* their stems meet (``stem(word)`` is ``stem(query)`` or the query itself, or
  the word is the query's stem), and
* they differ only in an ending of at most three letters.

Without ``PyStemmer`` installed, only exact (folded) words match.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ossetia_reader.core.search.tokenize import script

MAX_ENDING = 3
MIN_LENGTH = 3


_BATCH: dict[str, Callable[[list[str]], list[str]]] = {}


def _load() -> tuple[str, dict[str, Callable[[str], str]]]:
    try:
        import Stemmer  # type: ignore[import-not-found]  # PyPI: PyStemmer
    except ImportError:  # pragma: no cover - the dependency is declared
        return "none", {}
    english = Stemmer.Stemmer("english")
    russian = Stemmer.Stemmer("russian")
    _BATCH.update({"latin": english.stemWords, "cyrillic": russian.stemWords})
    return "snowball-en-ru", {"latin": english.stemWord, "cyrillic": russian.stemWord}


STEMMER, _STEMMERS = _load()


@lru_cache(maxsize=131072)
def stem(term: str) -> str | None:
    """The stem of a folded term, or None for words we do not stem (numbers, short words)."""
    return stem_for_script(term, script(term))


def stem_for_script(term: str, term_script: str) -> str | None:
    """``stem`` when the term's script is known already (index building)."""
    if len(term) < MIN_LENGTH or not term.isalpha():
        return None
    stemmer = _STEMMERS.get(term_script)
    return stemmer(term) if stemmer is not None else None


def stem_all(terms: list[str], scripts: list[str]) -> list[str | None]:
    """``stem_for_script`` over many terms, one stemmer call per script (index building)."""
    out: list[str | None] = [None] * len(terms)
    chosen: dict[str, list[int]] = {name: [] for name in _BATCH}
    for i, (term, name) in enumerate(zip(terms, scripts, strict=True)):
        if name in chosen and len(term) >= MIN_LENGTH and term.isalpha():
            chosen[name].append(i)
    for name, indices in chosen.items():
        stemmed = _BATCH[name]([terms[i] for i in indices])
        for i, value in zip(indices, stemmed, strict=True):
            out[i] = value
    return out


def stem_keys(term: str) -> tuple[str, ...]:
    """The stems under which to look for variants of a query term."""
    own = stem(term)
    if own is None:
        return ()
    return (own,) if own == term else (own, term)


def is_variant(query: str, word: str) -> bool:
    """Whether indexed ``word`` counts as a form of query term ``query``."""
    if query == word:
        return True
    keys = stem_keys(query)
    if not keys or (word != keys[0] and stem(word) not in keys):
        return False
    shared = 0
    for a, b in zip(query, word, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= max(len(query), len(word)) - MAX_ENDING
