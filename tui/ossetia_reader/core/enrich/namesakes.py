"""Namesakes across scripts: when one folded name is two people in the library.

``canonical_key`` folds ``Александр Козлов`` and ``Alexander Kozlov`` to one key,
so the library stores a Moscow United Russia official (Meduza) and the natural
resources minister (the Kremlin's English releases) as one entity. The library
views ask this module which person keys written in both scripts lack the
evidence of being one person (``crossscript.one_person``: the alias list, a
common role next to the name, rare people/places/organisations both sides'
articles name) and show those as two rows, one per script, each with its own
articles. Only keys written in both scripts are looked at, and a listed name
(Putin, Peskov, Navalny) costs no query beyond the first.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.russian.crossscript import one_person, roles_before
from ossetia_reader.core.library import Library

_CYRILLIC = re.compile("[а-яёіїєґў]", re.IGNORECASE)
_SIDE_ARTICLES = 40  # newest articles per side read for the evidence
_BEFORE = 120  # characters before a first mention read for roles


def cyrillic(name: str) -> bool:
    """Whether ``name`` is written in Cyrillic (the side of a cross-script key it is on)."""
    return _CYRILLIC.search(name) is not None


def split_keys(library: Library, canonicals: Sequence[str]) -> set[str]:
    """Of these person keys, the ones written in both scripts whose two sides the
    library gives no evidence of being one person: two rows, one per script."""
    scripts: dict[str, set[bool]] = defaultdict(set)
    spellings: dict[str, list[str]] = defaultdict(list)
    wanted = [c for c in dict.fromkeys(canonicals) if " " in c]
    for chunk_start in range(0, len(wanted), 500):
        chunk = wanted[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for found, variant in library.query(
            f"SELECT canonical, variant FROM entity_variants WHERE canonical IN ({marks})",
            chunk,
        ):
            scripts[str(found)].add(cyrillic(str(variant)))
            spellings[str(found)].append(str(variant))
    mixed = [
        key
        for key, seen in scripts.items()
        if len(seen) == 2 and not any(identity.lookup(s) is not None for s in spellings[key])
    ]
    if not mixed:
        return set()
    total = int(library.query("SELECT count(*) FROM articles WHERE enriched = 1")[0][0])
    return {key for key in mixed if not _one_person(library, key, max(total, 1))}


def _one_person(library: Library, key: str, total: int) -> bool:
    sides: dict[bool, dict[int, int]] = {True: {}, False: {}}  # script -> {article: first}
    names: set[str] = set()
    for article, name, first in library.query(
        "SELECT key, name, first FROM mentions WHERE canonical = ? ORDER BY date DESC, key DESC",
        [key],
    ):
        side = sides[cyrillic(str(name))]
        names.add(str(name))
        if len(side) < _SIDE_ARTICLES:
            side.setdefault(int(article), int(first))
    if not sides[True] or not sides[False]:
        return True  # one script's spellings only (a variant, not a second person)
    surname = key.rsplit(" ", 1)[-1]
    roles: list[frozenset[str]] = []
    context: list[frozenset[str]] = []
    for side in (sides[True], sides[False]):
        found: set[str] = set()
        for text_at in _before_mentions(library, side):
            found |= roles_before(*text_at)
        roles.append(frozenset(found))
        marks = ",".join("?" * len(side))
        named = library.query(
            f"SELECT DISTINCT canonical FROM mentions WHERE key IN ({marks})", list(side)
        )
        context.append(frozenset(str(row[0]) for row in named) - {key, surname})
    shared = sorted(context[0] & context[1])
    counts: dict[str, int] = {}
    for chunk_start in range(0, len(shared), 500):
        chunk = shared[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for found, articles in library.query(
            f"SELECT canonical, max(articles) FROM entity_totals WHERE canonical IN ({marks}) "
            "GROUP BY canonical",
            chunk,
        ):
            counts[str(found)] = int(articles)

    def rarity(name: str) -> float:
        return math.log(total / max(counts.get(name, total), 1)) if name in counts else 0.0

    return one_person(sorted(names), (roles[0], roles[1]), (context[0], context[1]), rarity)


def _before_mentions(library: Library, firsts: dict[int, int]) -> list[tuple[str, int]]:
    """(text before the first mention and the mention's offset in it) per article."""
    items = list(firsts.items())
    values = ",".join(["(?, ?)"] * len(items))
    rows = library.query(
        f"WITH w(key, first) AS (VALUES {values}) "
        "SELECT w.first, substr(a.body, max(1, w.first + 1 - ?), min(w.first, ?)) "
        "FROM w JOIN articles a ON a.key = w.key WHERE a.enriched = 1",
        [value for item in items for value in item] + [_BEFORE, _BEFORE],
    )
    return [(str(text), len(str(text))) for _, text in rows]


def side_of(library: Library, key: str, name: str) -> bool | None:
    """For a key split into two people, the script (``True``: Cyrillic) of the one
    ``name`` stands for; ``None`` when the key is one person."""
    if key not in split_keys(library, [key]):
        return None
    return cyrillic(name)


def script_sides(library: Library, key: str) -> dict[bool, tuple[str, int, int]]:
    """A split key's two people: per script (``True``: Cyrillic), the commonest full
    name written in it, its articles and its mentions."""
    names: dict[bool, dict[str, int]] = {True: defaultdict(int), False: defaultdict(int)}
    articles: dict[bool, set[int]] = {True: set(), False: set()}
    for article, name, count in library.query(
        "SELECT key, name, count FROM mentions WHERE canonical = ?", [key]
    ):
        side = cyrillic(str(name))
        names[side][str(name)] += int(count)
        articles[side].add(int(article))
    return {
        side: (
            max(names[side].items(), key=lambda item: (item[1], item[0]))[0],
            len(articles[side]),
            sum(names[side].values()),
        )
        for side in (True, False)
        if names[side]
    }
