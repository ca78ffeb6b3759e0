"""A crude stem of a Russian word: the word without its case ending.

Good enough to see that ``Пескова``, ``Песковым`` and ``Песков`` are one
name within an article, without a dictionary (names are mostly not in one).
Surnames in -ов/-ев/-ин keep that suffix (``Песков`` is not ``Песк``).
"""

from __future__ import annotations

import re

_SURNAME = re.compile(r"^(.{2,}?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ою|ых|ыми|ы)?$")
_ENDING_LIST = (
    "ами ями ого его ому ему ыми ими ий ый ой ей ом ем ым им ых их ую юю ая яя ое ее ов ев"
)
_ENDINGS = tuple(sorted([*_ENDING_LIST.split(" "), *"аяуюеыиойь"], key=len, reverse=True))


def stem(word: str) -> str:
    """The lower-cased word without one case ending, keeping at least three letters."""
    lowered = word.lower().replace("ё", "е")
    if match := _SURNAME.match(lowered):
        return match.group(1)
    for ending in _ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
            return lowered[: -len(ending)]
    return lowered
