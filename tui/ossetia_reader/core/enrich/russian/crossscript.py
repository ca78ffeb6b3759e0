"""One person across scripts: ``Алексей Навальный`` is ``Alexei Navalny``.

The library keys entities by ``canonical_key`` (canonical.py), which
romanises Cyrillic, so most names meet by themselves (``Дмитрий Песков`` and
``Dmitry Peskov`` are both ``dmitri peskov``). What romanisation cannot see
are the English conventions that are not transliteration; ``fold_word`` is
applied to every word of a key to fold those too:

- ``x`` is ``кс`` (Alexei/Алексей, Maxim/Максим, Xenia/Ксения);
- a ``ye``/``ie`` glide at the start of a word or after a vowel is the
  Russian ``е`` (Yeltsin/Ельцин, Yevgeny/Евгений, Andreyev/Андреев);
- a few first names English spells its own way (Alexander/Александр,
  Fyodor/Фёдор, Pyotr/Пётр, Semyon/Семён, Artyom/Артём).

Nothing else is folded: different first names stay different (``Юлия
Навальная`` is not ``Alexei Navalny``), and the first-name table lists
spellings of one name only, never translations (Peter is not Пётр, Michael
is not Михаил): a wrong merge is worse than two rows.
"""

from __future__ import annotations

import re

_GLIDE = re.compile(r"(?:^|(?<=[aeiou]))ie")
# Spellings of one first name, after canonical_key's y -> i and x -> ks folding.
_FIRST_NAMES = {
    "aleksander": "aleksandr",
    "fiodor": "fedor",
    "piotr": "petr",
    "semion": "semen",
    "artiom": "artem",
    "aliona": "alena",
    "fiokla": "fekla",
}


def fold_word(word: str) -> str:
    """One word of a canonical key with the English-only conventions folded away."""
    if "x" in word:
        word = word.replace("x", "ks")
    if "ie" in word:
        word = _GLIDE.sub("e", word)
    return _FIRST_NAMES.get(word, word)
