"""The language an article is written in, decided once from its own text.

Enrichment picks its pipeline by language (a Russian model must never see
Ukrainian, an English model must not tag Russian), so the decision has to be
cheap enough to make for every article as it enters the library, and careful
enough to say ``"unknown"`` rather than guess.

No package is needed for the languages this reader meets: the script alone
separates Latin from Cyrillic, and within Cyrillic a handful of letters tell
the languages apart. Ukrainian writes і, ї, є, ґ and never ы, э, ъ, ё;
Russian is the other way round; Belarusian alone has ў. Within Latin text,
English is recognised by its function words (about a quarter of the words of
any English prose are *the, of, and, to, in, is …*); other Latin-script text is
``"unknown"``, which enrichment treats like English did before languages
existed. Only the first few thousand characters are read: a language does
not change half-way through a news story, and the cost stays flat.
"""

from __future__ import annotations

import re
from typing import Final

RUSSIAN: Final = "ru"
UKRAINIAN: Final = "uk"
BELARUSIAN: Final = "be"
ENGLISH: Final = "en"
UNKNOWN: Final = "unknown"
LANGUAGES: Final = frozenset({RUSSIAN, UKRAINIAN, BELARUSIAN, ENGLISH, UNKNOWN})

# Enough text for a stable letter count; more only costs time.
SAMPLE_CHARS: Final = 2000
# Fewer letters than this is a headline fragment, not evidence.
MIN_LETTERS: Final = 20
# The script must carry at least this share of all letters to decide.
MAJORITY: Final = 0.6

# Counting each letter with str.count (a C loop) is ten times faster than a regex
# findall that builds one string per letter.
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_LATIN_BYTES = _LATIN.encode("ascii")
_ANY_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Words are only needed from the start of a text: they settle short or mixed ones.
_WORD_SAMPLE = 1500
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Short function words found in one language and not the other: they decide
# a sentence too short to hold a marker letter ("Песков заявил, что Киев …").
_RUSSIAN_WORDS = _words(
    "что как это его он она они был была было были также который которые или если уже"
    " при после когда только где ещё еще из и"
)
_UKRAINIAN_WORDS = _words(
    "що як це та від його він вона вони був була було були також який які або якщо вже"
    " під після коли тільки де ще із зі і й"
)
_ENGLISH_WORDS = _words(
    "the of and to in is a that for it on with as was by he be are at from has have"
    " his this not but said will an its were had they been which their who or we"
    " would also after about more than there one could she her our you i"
)
# Share of Latin words that must be English function words (English prose: ~0.3;
# German, French, Spanish, Italian: under 0.05, mostly "a", "in", "an").
_ENGLISH_SHARE = 0.1


def detect_language(*texts: str | None) -> str:
    """``"ru"``, ``"uk"``, ``"be"``, ``"en"`` or ``"unknown"`` for the given text(s).

    Pass the title and the body; only their first ``SAMPLE_CHARS`` characters
    together are read. Never raises.
    """
    sample = "\n".join(text for text in texts if isinstance(text, str))[:SAMPLE_CHARS].lower()
    # Latin letters are single UTF-8 bytes: deleting them from the bytes counts them in
    # one pass instead of 26; text without any Cyrillic (most news) skips its 38 counts.
    raw = sample.encode("utf-8", "surrogatepass")
    latin = len(raw) - len(raw.translate(None, _LATIN_BYTES))
    has_cyrillic = not sample.isascii() and _ANY_CYRILLIC.search(sample) is not None
    cyrillic = sum(map(sample.count, _CYRILLIC)) if has_cyrillic else 0
    letters = cyrillic + latin
    if letters < MIN_LETTERS:
        return UNKNOWN
    if cyrillic >= MAJORITY * letters:
        return _cyrillic_language(sample, cyrillic)
    if latin >= MAJORITY * letters:
        return _latin_language(sample)
    return UNKNOWN


def _cyrillic_language(sample: str, letters: int) -> str:
    """Which Cyrillic language the marker letters and words point to.

    Russian text quoting a Ukrainian name (Київ) has a few і among many ы;
    Ukrainian text has і in nearly every sentence (about 6% of letters) and
    no ы at all. Each language-only function word counts as three marker
    letters. A text with no evidence either way is ``"unknown"``.
    """
    ukrainian = sum(map(sample.count, "іїєґ"))
    russian = sum(map(sample.count, "ыэъё"))
    belarusian = sample.count("ў")
    if belarusian and ukrainian and russian and belarusian * 400 >= letters:
        # Belarusian writes both і and ы, and ў that neither neighbour has.
        return BELARUSIAN
    if min(ukrainian, russian) * 10 < max(ukrainian, russian) and max(ukrainian, russian) >= 10:
        return UKRAINIAN if ukrainian > russian else RUSSIAN
    for word in _WORD.findall(sample, 0, _WORD_SAMPLE):
        if word in _RUSSIAN_WORDS:
            russian += 3
        elif word in _UKRAINIAN_WORDS:
            ukrainian += 3
    if ukrainian > 3 * russian:
        return UKRAINIAN
    if russian > 3 * ukrainian:
        return RUSSIAN
    return UNKNOWN


def _latin_language(sample: str) -> str:
    if sample.isascii():
        # The same words as the regex (runs of letters; the sample is lower case),
        # split as bytes: three times faster on every ASCII article imported.
        found = sample[:_WORD_SAMPLE].encode("ascii").translate(_LETTERS_ONLY).split()
        if len(found) < 5:
            return UNKNOWN
        common = sum(map(_ENGLISH_BYTES.__contains__, found))
        return ENGLISH if common >= _ENGLISH_SHARE * len(found) else UNKNOWN
    words = _WORD.findall(sample, 0, _WORD_SAMPLE)
    if len(words) < 5:
        return UNKNOWN
    common = sum(map(_ENGLISH_WORDS.__contains__, words))  # no generator: ~3x faster
    return ENGLISH if common >= _ENGLISH_SHARE * len(words) else UNKNOWN


_LETTERS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_ENGLISH_BYTES = frozenset(word.encode("ascii") for word in _ENGLISH_WORDS)


def is_cyrillic_language(language: str | None) -> bool:
    """Whether enrichment must keep the English model away from this article."""
    return language in (RUSSIAN, UKRAINIAN, BELARUSIAN)


def mostly_cyrillic(text: str) -> bool:
    """Whether most letters at the start of ``text`` are Cyrillic (for ``"unknown"``
    articles: Cyrillic text the detector could not place gets no English tagger)."""
    sample = text[:SAMPLE_CHARS].lower()
    cyrillic = sum(map(sample.count, _CYRILLIC))
    return cyrillic > 0 and cyrillic >= MAJORITY * (cyrillic + sum(map(sample.count, _LATIN)))
