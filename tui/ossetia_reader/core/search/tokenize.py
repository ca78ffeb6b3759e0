"""Turn text into search terms: one tokenizer for the index, the query and highlighting.

A term is a maximal run of letters and digits in *folded* text: case folded
beyond ASCII (``str.casefold``), compatibility-decomposed with combining marks
stripped (``Kokoïty`` → ``kokoity``, ``Ёлка`` → ``елка``, ``ά`` → ``α``),
possessive ``'s`` dropped and inner apostrophes removed (``Leader's`` →
``leader``, ``O'Brien`` → ``obrien``), thousands separators removed
(``155,221`` → ``155221``). Hyphens and dots split (``post-Soviet`` →
``post``, ``soviet``; ``5.93`` → ``5``, ``93``), so a query for ``Soviet``
finds it and a query for ``post-Soviet`` or ``5.93`` becomes a phrase.

The index folds whole texts at once (fast); highlighting tokenizes the
original text span by span so that it can report offsets into it. Both go
through :func:`fold` and :func:`terms`, so they agree on what a term is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

MAX_TERM_LENGTH = 64  # longer runs (base64 blobs, URLs run together) are cut into pieces

# Combining marks of the scripts a reader of Caucasus news meets (Latin, Cyrillic, Greek).
_MARK_CLASS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARKS = re.compile(f"[{_MARK_CLASS}]+")
_APOSTROPHES = "'\u2019\u02bc"
# Each pattern starts with its literal character so that ``re`` scans for it quickly.
_POSSESSIVE = re.compile(f"[{_APOSTROPHES}](?<=[^\\W_].)s\\b")
_INNER_APOSTROPHE = re.compile(f"[{_APOSTROPHES}](?<=[^\\W_].)(?=[^\\W_])")
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")
_TERM = re.compile(f"\\w{{1,{MAX_TERM_LENGTH}}}")  # "_" is a space by now
_TERM_OR_NUL = re.compile(f"\\w{{1,{MAX_TERM_LENGTH}}}|\\x00")
# A stretch of the *original* text that folds into one or more terms.
_RAW = re.compile(
    f"(?:[^\\W_]|[{_MARK_CLASS}])+(?:[{_APOSTROPHES}.,](?:[^\\W_]|[{_MARK_CLASS}])+)*"
)
# The same on ASCII text, where a word character is a letter or digit and there are
# no combining marks or curly apostrophes: about twice as fast over a long body.
_RAW_ASCII = re.compile(r"[a-zA-Z0-9]+(?:['.,][a-zA-Z0-9]+)*")


_ASCII_SEPARATORS = str.maketrans(
    {c: " " for c in range(128) if not chr(c).isalnum() and c not in (0, 0x1C, 0x1D, 0x1E, 0x1F)}
)
_ASCII_SEPARATORS_AND_NUL = str.maketrans(
    {c: " " for c in range(128) if not chr(c).isalnum() and c not in (0x1C, 0x1D, 0x1E, 0x1F)}
)
_PUNCTUATION = re.compile(
    "["
    + "".join(
        re.escape(chr(c))
        for c in (*range(0x80, 0xC0), *range(0x2000, 0x2070), *range(0x3000, 0x3040), 0xFEFF)
        if not chr(c).isalnum() and not chr(c).isspace()
    )
    + "]+"
)


def fold(text: str) -> str:
    """Fold ``text`` for matching: case, diacritics, apostrophes, digit grouping."""
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = _MARKS.sub("", folded)
        folded = unicodedata.normalize("NFC", folded)
    if "'" in folded or "\u2019" in folded or "\u02bc" in folded:
        folded = _POSSESSIVE.sub("", folded)
        folded = _INNER_APOSTROPHE.sub("", folded)
    if "," in folded:
        folded = _THOUSANDS.sub("", folded)
    if "_" in folded:
        folded = folded.replace("_", " ")
    if not folded.isascii():
        # Separators either way; as spaces they let most English text take the fast path.
        folded = _PUNCTUATION.sub(" ", folded)
    return folded


def terms(text: str) -> list[str]:
    """The terms of ``text``, in order."""
    return _split(fold(text))


def terms_and_nuls(text: str) -> list[str]:
    """Terms of ``text`` with every NUL kept as a term of its own (to split joined texts).

    NULs must stand between spaces (``" \0 "``) for the fast path to keep them apart.
    """
    return _split(fold(text), nuls=True)


def _split(folded: str, *, nuls: bool = False) -> list[str]:
    """Runs of word characters, at most ``MAX_TERM_LENGTH`` long, of folded text.

    ASCII text (most of it, once punctuation is spaced out) is split with
    ``str.translate`` and ``str.split``, three times faster than the regex
    and the same terms: every ASCII character but a letter, a digit or NUL
    becomes a space, and folded text has no upper case or underscore.
    """
    if not folded.isascii():
        return (_TERM_OR_NUL if nuls else _TERM).findall(folded)
    found = folded.translate(_ASCII_SEPARATORS if nuls else _ASCII_SEPARATORS_AND_NUL).split()
    if found and max(map(len, found)) > MAX_TERM_LENGTH:
        found = [
            term[i : i + MAX_TERM_LENGTH]
            for term in found
            for i in range(0, len(term), MAX_TERM_LENGTH)
        ]
    return found


@lru_cache(maxsize=65536)
def _span_terms(raw: str) -> tuple[str, ...]:
    return tuple(terms(raw))


@dataclass(frozen=True, slots=True)
class Token:
    """A term found in original text: ``text[start:end]`` folds to (among others) ``term``."""

    start: int
    end: int
    term: str
    position: int


def tokens(text: str) -> Iterator[Token]:
    """Terms of ``text`` with their offsets into it and their running positions."""
    position = 0
    for match in (_RAW_ASCII if text.isascii() else _RAW).finditer(text):
        for term in _span_terms(match.group()):
            yield Token(match.start(), match.end(), term, position)
            position += 1


def raw_words(text: str) -> set[str]:
    """The distinct stretches of ``text`` that fold into terms (see ``raw_terms``)."""
    return set((_RAW_ASCII if text.isascii() else _RAW).findall(text))


def raw_terms(raw: str) -> tuple[str, ...]:
    """The terms one stretch of original text folds to (remembered)."""
    return _span_terms(raw)


def raw_spans(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    """Offsets of every stretch of ``text`` that is one of ``wanted``.

    With ``raw_words`` and ``raw_terms``: what ``tokens`` finds, without a
    ``Token`` per term, for highlighting words (no phrase needs positions):
    each distinct stretch is judged once, and a whole body is one regex scan.
    """
    raw = _RAW_ASCII if text.isascii() else _RAW
    return [match.span() for match in raw.finditer(text) if match.group() in wanted]


def script(term: str) -> str:
    """The script a folded term is written in: latin, cyrillic, georgian, greek, digits, other."""
    for char in term:
        code = ord(char)
        if char.isdigit():
            continue
        if code < 0x250:
            return "latin"
        if 0x400 <= code < 0x530:
            return "cyrillic"
        if 0x10A0 <= code < 0x1100 or 0x1C90 <= code < 0x1CC0 or 0x2D00 <= code < 0x2D30:
            return "georgian"
        if 0x370 <= code < 0x400 or 0x1F00 <= code < 0x2000:
            return "greek"
        return "other"
    return "digits"
