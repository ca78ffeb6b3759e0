"""Spelling keys: one name however it is spelled or romanised.

The first half of ``canonical.canonical_key``, kept apart from it because the
alias list (``identity``) is indexed by it and ``canonical_key`` in turn
consults the alias list for names in other scripts (``Москва`` is ``Moscow``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ossetia_reader.core.enrich.russian.crossscript import fold_word

# Russian, Ukrainian and Belarusian letters, in the spelling English news uses.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip
# Georgian (Mkhedruli), national romanisation without apostrophes.
_GEORGIAN = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
    "ი": "i", "კ": "k", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p", "ჟ": "zh",
    "რ": "r", "ს": "s", "ტ": "t", "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q",
    "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts", "ჭ": "ch", "ხ": "kh", "ჯ": "j",
    "ჰ": "h",
}  # fmt: skip
_TRANSLITERATE = str.maketrans({**_CYRILLIC, **_GEORGIAN})
_APOSTROPHES = re.compile("['’`ʼ]")
_SEPARATORS = re.compile(r"[^\w]+|_")
_DOUBLED = re.compile(r"(.)\1+")
# Roman numerals keep their doubled letters: World War II is not World War I.
_ROMAN = re.compile(r"(?=[ivx]{2,5}$)x{0,3}(?:ix|iv|v?i{0,3})")


def transliterate(text: str) -> str:
    """Spell Cyrillic and Georgian letters in Latin (case is folded by the caller)."""
    return text.lower().translate(_TRANSLITERATE)


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """The key under which every spelling of ``name`` is the same entity (no alias list).

    Casefolded, transliterated, without diacritics or apostrophes; ``y`` is
    read as ``i`` and doubled letters as one, because English spellings of
    Russian names disagree exactly there (Dmitry/Dmitriy/Dmitrii, Zelensky/
    Zelenskyy). The key is for comparing, not for showing.
    """
    if name.isascii():
        # What the general path gives ASCII (NFKC/NFKD change none of it, casefold
        # is lower, nothing to transliterate or strip), without walking it by
        # character: 93% of the names a search catch-up types (~25 ms at 100k).
        text = name.lower()
    else:
        text = transliterate(unicodedata.normalize("NFKC", name).casefold())
        text = "".join(
            char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
        )
    text = _APOSTROPHES.sub("", text).replace("ß", "ss")
    words = _SEPARATORS.sub(" ", text).split()
    # fold_word: English spellings of Russian names that are not transliteration
    # (Alexei/Алексей, Yeltsin/Ельцин), see core/enrich/russian/crossscript.py.
    return " ".join(
        word if _ROMAN.fullmatch(word) else _DOUBLED.sub(r"\1", fold_word(word.replace("y", "i")))
        for word in words
    )
