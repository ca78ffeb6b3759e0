"""The Russian entity tagger: natasha's news NER model (slovnet + navec).

natasha ships the model (``slovnet_ner_news_v1``, 2 MB) and the embeddings
it needs (``navec_news_v1``, 25 MB) inside its wheel, so nothing is read from
the network. We load them with slovnet and navec directly rather than through
``import natasha``: natasha's ``__init__`` also imports pymorphy2, which is
unmaintained (we use pymorphy3 for word forms, see ``morph.py``), and yargy.
The files are found through the package's import spec without running it.

The model reads words in context: it does better on whole paragraphs than on
lone sentences (a sentence-initial surname is a name only in context), so
texts go in whole, cut at sentence ends only past ``_CHUNK`` characters.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

Span = tuple[int, int, str]
# The model's labels are ours already.
_LABELS = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
# Sentences are tagged in batches of this many (slovnet pads each batch to its longest).
# 8, not 32: a batch of 32 pieces of up to 6,000 characters took a worker from ~130 MB
# to ~490 MB for a moment (8: ~225 MB), the same spans on all 82 Meduza articles, the
# same CPU; two Russian workers fit beside the app only so (issue 14).
_BATCH = 8
# Longer texts are cut at a sentence end (else a space) into pieces about this long.
_CHUNK = 6000
_SURROGATE = re.compile("[\ud800-\udfff]")


def natasha_data() -> Path | None:
    """natasha's data folder (model and embeddings), without importing natasha."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        data = Path(location) / "data"
        if (data / "model" / "slovnet_ner_news_v1.tar").is_file():
            return data
    return None


class RussianNer:
    """Tags PER, LOC and ORG in Russian texts as character spans into them."""

    def __init__(self, ner: Any) -> None:
        self._ner = ner
        # slovnet's model holds numpy buffers per call; one caller at a time is simplest.
        self._lock = threading.Lock()

    def entities(self, texts: list[str]) -> list[list[Span]]:
        """For each text, its entity spans ``(start, end, label)`` in order."""
        chunks: list[str] = []
        owners: list[tuple[int, int]] = []
        for index, text in enumerate(texts):
            clean = _SURROGATE.sub("\ufffd", text)
            for offset, piece in _pieces(clean):
                if any(char.isalpha() for char in piece):
                    chunks.append(piece)
                    owners.append((index, offset))
        found: list[list[Span]] = [[] for _ in texts]
        with self._lock:
            markups = list(self._ner.map(chunks)) if chunks else []
        for (index, offset), markup in zip(owners, markups, strict=True):
            for span in markup.spans:
                label = _LABELS.get(span.type)
                if label is not None and span.stop > span.start:
                    found[index].append((span.start + offset, span.stop + offset, label))
        return [sorted(spans) for spans in found]


def _pieces(text: str) -> list[tuple[int, str]]:
    """``text`` cut into pieces of at most ``_CHUNK`` characters, at sentence ends if any."""
    pieces: list[tuple[int, str]] = []
    offset = 0
    while len(text) - offset > _CHUNK:
        end = offset + _CHUNK
        cut = max(text.rfind(mark, offset + _CHUNK // 2, end) for mark in ("\n", ". ", "? ", "! "))
        if cut < 0:
            cut = text.rfind(" ", offset + _CHUNK // 2, end)
        cut = end if cut < 0 else cut + 1
        pieces.append((offset, text[offset:cut]))
        offset = cut
    pieces.append((offset, text[offset:]))
    return pieces


_cache: list[RussianNer | None] = []
_cache_lock = threading.Lock()


def load_russian_ner() -> RussianNer | None:
    """The Russian tagger, loaded once per process; None (logged) when it cannot load."""
    with _cache_lock:
        if not _cache:
            _cache.append(_load())
        return _cache[0]


def _load() -> RussianNer | None:
    try:
        from navec import Navec
        from slovnet import NER

        data = natasha_data()
        if data is None:
            log.warning("natasha's model files are not installed: Russian entities unavailable")
            return None
        navec = Navec.load(data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar")
        ner = NER.load(data / "model" / "slovnet_ner_news_v1.tar", batch_size=_BATCH)
        ner.navec(navec)
    except Exception as error:  # a broken install must not stop enrichment
        log.warning("Russian NER model failed to load (%s: %s)", type(error).__name__, error)
        return None
    return RussianNer(ner)
