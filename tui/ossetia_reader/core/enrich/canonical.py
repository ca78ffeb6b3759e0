"""Canonical names: one entity however an article or the library spells it.

Two levels. Within an article, a short later mention is linked to the full
form the article gave (``Bibilov`` → ``Anatoly Bibilov``), so the entity's
``canonical`` is a name a reader recognises. Across articles, names are
compared by ``canonical_key``: case, diacritics and Latin/Cyrillic/Georgian
spelling are folded, so ``Kokoïty``, ``Kokoity`` and ``Кокойты`` are one key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from ossetia_reader.core.article import Entity
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
# Titles that may precede a name but are not part of it.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen",
        "general",
        "col",
        "colonel",
        "maj",
        "major",
        "capt",
        "captain",
        "lt",
        "sgt",
        "adm",
        "admiral",
        "rev",
        "president",
        "vice",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "mayor",
        "judge",
        "justice",
        "pope",
        "sheikh",
        "st",
        "saint",
    ]
)


def transliterate(text: str) -> str:
    """Spell Cyrillic and Georgian letters in Latin (case is folded by the caller)."""
    return text.lower().translate(_TRANSLITERATE)


@lru_cache(maxsize=65536)
def canonical_key(name: str) -> str:
    """The key under which every spelling of ``name`` is the same entity.

    Casefolded, transliterated, without diacritics or apostrophes; ``y`` is
    read as ``i`` and doubled letters as one, because English spellings of
    Russian names disagree exactly there (Dmitry/Dmitriy/Dmitrii, Zelensky/
    Zelenskyy). The key is for comparing, not for showing.
    """
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


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    words = canonical_key(name).split()
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    return tuple(words)


def link_mentions(
    entities: Sequence[Entity], listed: Callable[[str], bool] = lambda name: False
) -> list[Entity]:
    """Give each mention the fullest name the article uses for the same entity.

    A person mentioned by surname (or first name) only is linked to the one
    longer name in the article that contains it; when two people share a
    surname the short mention stays as it is. A short mention the tagger typed
    differently (``Bibilov's`` tagged LOC) takes the type of its full form.
    Organisations are linked the same way when one longer organisation name
    ends with the short one; places and other names are left as written
    (``Ossetia`` is not ``North Ossetia``). A place or organisation that
    ``listed`` knows (``Jordan``) keeps its type even beside ``Michael Jordan``.
    """
    # word -> {key of a full person name containing it: that mention}, and for
    # organisations the last word only: built once, so linking stays linear.
    people: dict[str, dict[str, Entity]] = {}
    organisations: dict[str, dict[str, Entity]] = {}
    for entity in entities:
        words = _name_words(entity.text)
        if len(words) < 2:
            continue
        key = canonical_key(entity.canonical)
        if entity.type == "PER":
            for word in words:
                people.setdefault(word, {}).setdefault(key, entity)
        elif entity.type == "ORG":
            organisations.setdefault(words[-1], {}).setdefault(key, entity)
    linked: list[Entity] = []
    for entity in entities:
        words = _name_words(entity.text)
        target = None
        if len(words) == 1 and (entity.type == "PER" or not listed(entity.text)):
            persons = people.get(words[0], {})
            if len(persons) == 1:
                target = next(iter(persons.values()))
            elif not persons and entity.type == "ORG":
                named = organisations.get(words[0], {})
                target = next(iter(named.values())) if len(named) == 1 else None
        if target is not None:
            linked.append(replace(entity, type=target.type, canonical=target.canonical))
        else:
            linked.append(entity)
    return linked
