"""The statistical entity tagger: a small spaCy pipeline shipped in the package.

The pipeline (``ossetia_reader/models/ner``) is en_core_web_sm 3.8.0's ner
fine-tuned on CoNLL-2003 by ``scripts/train_ner.py``. spaCy is imported only
inside :func:`load_model`, so starting the app never pays for it, and every
failure to load means "use the rule-based tagger" rather than an exception.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "ner"

# The sourced base model still knows OntoNotes labels; fold the ones that mean
# ours and drop the rest (DATE, MONEY, ...), which fine-tuning taught it to avoid.
_LABELS = {
    "PER": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC",
    "PERSON": "PER",
    "GPE": "LOC",
    "NORP": "MISC",
}
# Long texts are tagged in pieces: spaCy refuses texts over nlp.max_length, and
# its memory grows with the characters of a batch (one 100,000-character text
# peaked a worker at 435 MB, four of them at 1.3 GB). Pieces are cut at line
# breaks, and a batch holds at most _BATCH_CHARS characters however many texts
# (on 1,500 news articles: 60,000 peaked at ~205 MB, 30,000 at ~169 MB, ~2% more CPU).
_CHUNK = 20_000
_BATCH_CHARS = 30_000
_SURROGATE = re.compile("[\ud800-\udfff]")
_LEADING_THE = re.compile(r"(?i)the\s+")
_POSSESSIVE = re.compile(r"(?i)['’]s$")

Span = tuple[int, int, str]


class NerModel:
    """Tags PER, LOC, ORG and MISC as character spans into the texts it is given."""

    def __init__(self, nlp: Any, batch_size: int = 32) -> None:
        self._nlp = nlp
        self._batch_size = batch_size
        # One pipeline serves every caller; spaCy's pipes are not re-entrant.
        self._lock = threading.Lock()

    def entities(self, texts: list[str]) -> list[list[Span]]:
        """Return, for each text, its entity spans ``(start, end, label)``, in order.

        Offsets are Python string indices into the text as given. A leading
        "the" and a trailing possessive "'s" are left outside spans.
        """
        pieces: list[str] = []
        owners: list[tuple[int, int]] = []  # (text index, offset of the piece in it)
        for index, text in enumerate(texts):
            # Lone surrogates cannot be hashed by spaCy; a same-length stand-in keeps offsets.
            clean = _SURROGATE.sub("\ufffd", text)
            for offset, piece in _split(clean):
                pieces.append(piece)
                owners.append((index, offset))
        found: list[list[Span]] = [[] for _ in texts]
        with self._lock:
            docs = itertools.chain.from_iterable(
                self._nlp.pipe(group, batch_size=len(group))
                for group in _batches(pieces, self._batch_size)
            )
            for (index, offset), piece, doc in zip(owners, pieces, docs, strict=True):
                for ent in doc.ents:
                    label = _LABELS.get(ent.label_)
                    if label is None:
                        continue
                    span = _trim(piece, ent.start_char, ent.end_char)
                    if span is not None:
                        found[index].append((span[0] + offset, span[1] + offset, label))
        return found


def _batches(pieces: list[str], most: int) -> Iterator[list[str]]:
    """``pieces`` in order, in groups of at most ``most`` texts and _BATCH_CHARS
    characters (a longer piece alone): spaCy holds a whole batch's arrays at once."""
    group: list[str] = []
    size = 0
    for piece in pieces:
        if group and (len(group) == most or size + len(piece) > _BATCH_CHARS):
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece)
    if group:
        yield group


def _split(text: str) -> list[tuple[int, str]]:
    """Cut a text into pieces of at most _CHUNK characters, at line or word breaks."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > _CHUNK:
        end = start + _CHUNK
        cut = text.rfind("\n", start + _CHUNK // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + _CHUNK // 2, end)
        cut = end if cut < 0 else cut + 1
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Move a leading "the" and a trailing "'s" out of a span; None if nothing is left."""
    lead = _LEADING_THE.match(text, start, end)
    if lead is not None:
        start = lead.end()
    tail = _POSSESSIVE.search(text, start, end)
    if tail is not None:
        end = tail.start()
    while start < end and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def load_from(path: Path) -> NerModel | None:
    """Load the pipeline at ``path``; None (logged) when spaCy or the files are unusable."""
    try:
        import spacy

        # The tokenizer saved with the model is spaCy's default English one,
        # which spacy.load has already built: reading it again costs ~0.2 s.
        nlp = spacy.load(path, exclude=["tokenizer"])
    except Exception as error:  # any failure means: fall back to rules
        log.info("NER model unavailable (%s: %s); using rules", type(error).__name__, error)
        return None
    return NerModel(nlp)


_cache: list[NerModel | None] = []
_cache_lock = threading.Lock()


def load_model() -> NerModel | None:
    """Return the shipped model, loaded once; None when unavailable or rules are asked for.

    ``OSSETIA_READER_NER=rules`` selects the rule-based tagger (fast tests).
    Never raises.
    """
    if os.environ.get("OSSETIA_READER_NER", "").strip().lower() == "rules":
        return None
    with _cache_lock:
        if not _cache:
            _cache.append(load_from(MODEL_DIR) if MODEL_DIR.is_dir() else None)
        return _cache[0]
