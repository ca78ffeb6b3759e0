"""Latin/Cyrillic/Georgian name matching: ``Бибилов`` ↔ ``Bibilov``, ``Цхинвали`` ↔ ``Tskhinvali``.

Every folded term gets a *loose Latin key*: Cyrillic and Georgian are
romanised (BGN/PCGN-like for Russian and Ukrainian, the national system for
Georgian) and then Latin spellings are loosened so that the usual English
renderings of one name meet (``y``/``j`` → ``i``, doubled letters once,
``x`` → ``ks``, ``w`` → ``v``; ``Zelensky``, ``Зеленский`` and ``Зеленський``
all become ``zelenski``). The index uses keys only *across* scripts (a Latin
query term finds Cyrillic terms with its key and the other way round), so the
loosening never blurs two Latin words into one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ossetia_reader.core.search.tokenize import script

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "џ": "dzh", "ђ": "dj",
    "ћ": "c", "љ": "lj", "њ": "nj", "ѕ": "dz", "ӕ": "ae",
}  # fmt: skip
_GEORGIAN = {
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
    "ი": "i", "კ": "k", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p", "ჟ": "zh",
    "რ": "r", "ს": "s", "ტ": "t", "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q",
    "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts", "ჭ": "ch", "ხ": "kh",
    "ჯ": "j", "ჰ": "h",
}  # fmt: skip
_LATIN_EXTRA = {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
_LOOSE = {"y": "i", "j": "i", "w": "v", "x": "ks"}
# One table: romanise, then loosen what the romanisation produced.
_TABLE = str.maketrans(
    {
        **{c: "".join(_LOOSE.get(x, x) for x in v) for c, v in _CYRILLIC.items()},
        **{c: "".join(_LOOSE.get(x, x) for x in v) for c, v in _GEORGIAN.items()},
        **{c: "".join(_LOOSE.get(x, x) for x in v) for c, v in _LATIN_EXTRA.items()},
        **_LOOSE,
    }
)
_DOUBLED = re.compile(r"([a-z])\1+")
_GLIDE = re.compile(r"(?<![^aeiou])i(?=e)")  # Yeltsin / Ельцин, Andreyev / Андреев

SCRIPTS = frozenset({"latin", "cyrillic", "georgian"})


@lru_cache(maxsize=131072)
def translit_key(term: str) -> str | None:
    """The loose Latin key of a folded term, or None when it has no letters we map."""
    return key_for_script(term, script(term))


def key_for_script(term: str, term_script: str) -> str | None:
    """``translit_key`` when the term's script is known already (index building)."""
    if term_script not in SCRIPTS or not term.isalpha():
        return None
    key = term.translate(_TABLE)
    if "ie" in key:
        key = _GLIDE.sub("", key)
    if _DOUBLED.search(key):
        key = _DOUBLED.sub(r"\1", key)
    if not key.isascii() or not key.isalnum():
        return None
    return key or None
