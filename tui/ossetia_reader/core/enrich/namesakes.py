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
from collections.abc import Callable, Sequence
from typing import Any

from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.russian.crossscript import roles_before
from ossetia_reader.core.library import Library

_LETTERS = "а-яёіїєґўА-ЯЁІЇЄҐЎ"
_CYRILLIC = re.compile(f"[{_LETTERS}]")
# Roles thousands of people hold: a second person of the same name may well hold one too.
_COMMON_ROLES = frozenset({"director", "chairman", "lawmaker", "aide", "adviser"})
_RARE = math.log(20)  # a key named in at most 1 article in 20 is rare
_SIDE_ARTICLES = 30  # newest articles per side read for the evidence
_BEFORE = 120  # characters before a first mention read for roles


def cyrillic(name: str) -> bool:
    """Whether ``name`` is written in Cyrillic (the side of a cross-script key it is on)."""
    return _CYRILLIC.search(name) is not None


def one_person(
    names: Sequence[str],
    roles: tuple[frozenset[str], frozenset[str]],
    context: tuple[frozenset[str], frozenset[str]],
    rarity: Callable[[str], float],
) -> bool:
    """Whether one folded full name written in two scripts is one person.

    ``names`` are both sides' spellings; ``roles`` each side's roles (see
    ``crossscript.roles_before``, over all its articles); ``context`` the entity keys
    each side's articles name besides the person; ``rarity`` a key's weight,
    ``log(N / articles naming it)``. One person when the shipped alias list names
    them, or both sides give them one role few people hold (minister, governor, press
    secretary; not director or chairman), or both sides' articles name two or more of
    the same rare entities (Russia, Moscow and Putin, named everywhere, are not rare).
    Different roles are no evidence against: people change posts (a governor becomes
    a minister). Otherwise two rows: a wrong merge is worse than two rows for one
    person.
    """
    if any(identity.lookup(name) is not None for name in names):
        return True
    if (roles[0] & roles[1]) - _COMMON_ROLES:
        return True
    return sum(rarity(key) >= _RARE for key in context[0] & context[1]) >= 2


def split_keys(library: Library, canonicals: Sequence[str]) -> set[str]:
    """Of these person keys, the ones written in both scripts whose two sides the
    library gives no evidence of being one person: two rows, one per script."""
    scripts: dict[str, set[bool]] = defaultdict(set)
    spellings: dict[str, list[str]] = defaultdict(list)
    # A surname or first name alone too (``Сердюков``: Anatoly in a Russian article,
    # Andrei in an English one; ``Кирилл``/``Kirill``): one word folds two people as
    # easily as a full name, and the same evidence joins them (runer2, session 6).
    wanted = list(dict.fromkeys(canonicals))
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
    # A lone surname the library knows in one full name is left to the views, which
    # count it with that name (``Зеленский`` with ``Volodymyr Zelenskyy``); with two
    # (Anatoly and Andrei Serdyukov) they do not, and the evidence decides here.
    mixed = [
        key
        for key in mixed
        if " " in key or len(full_names(library, key, people_only=True, limit=2)) != 1
    ]
    if not mixed:
        return set()
    total = max(int(library.query("SELECT count(*) FROM articles WHERE enriched = 1")[0][0]), 1)
    # The newest articles of each side: two index range scans per key (an entity in
    # thousands of articles reads no more than its newest few); the rest of the
    # queries are one per call (chunked), not one per key.
    sides: dict[str, dict[bool, dict[int, int]]] = {}  # key -> script -> {article: first}
    names: dict[str, set[str]] = defaultdict(set)
    for key in mixed:
        sides[key] = {True: {}, False: {}}
        for side, negate in ((True, ""), (False, "NOT ")):
            for article, name, first in library.query(
                "SELECT key, name, first FROM mentions WHERE canonical = ? "
                f"AND {negate}name GLOB '*[{_LETTERS}]*' ORDER BY date DESC, key DESC LIMIT ?",
                [key, 4 * _SIDE_ARTICLES],
            ):
                names[key].add(str(name))
                if len(sides[key][side]) < _SIDE_ARTICLES:
                    sides[key][side].setdefault(int(article), int(first))
    articles = sorted({a for both in sides.values() for side in both.values() for a in side})
    named: dict[int, set[str]] = defaultdict(set)
    for article, found in _rows(
        library, "SELECT key, canonical FROM mentions WHERE key IN ({})", articles
    ):
        named[int(article)].add(str(found))
    contexts: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for key, both in sides.items():
        if both[True] and both[False]:  # else one script's spellings only: one person
            own = {key, key.rsplit(" ", 1)[-1]}
            ru, en = (
                frozenset().union(*(named[a] for a in both[side])) - own for side in (True, False)
            )
            contexts[key] = (ru, en)
    shared = sorted({k for ru, en in contexts.values() for k in ru & en})
    counts = {
        str(found): int(count)
        for found, count in _rows(
            library,
            "SELECT canonical, max(articles) FROM entity_totals WHERE canonical IN ({}) "
            "GROUP BY canonical",
            shared,
        )
    }

    def rarity(name: str) -> float:
        return math.log(total / max(counts[name], 1)) if name in counts else 0.0

    split: set[str] = set()
    no_roles = (frozenset[str](), frozenset[str]())
    for key, context in contexts.items():
        spelt = sorted(names[key])
        if one_person(spelt, no_roles, context, rarity):
            continue  # the context decides: the roles (reading the texts) are not needed
        ru, en = (
            frozenset(
                role for text_at in _before_mentions(library, sides[key][side])
                for role in roles_before(*text_at)
            )
            for side in (True, False)
        )  # fmt: skip
        if not one_person(spelt, (ru, en), context, rarity):
            split.add(key)
    return split


ANY_TYPE = "'PER', 'ORG', 'LOC', 'MISC'"


def full_names(
    library: Library, surname: str, *, people_only: bool = False, limit: int = 3
) -> list[str]:
    """Up to ``limit`` longer names whose last word is ``surname`` (an index lookup).

    Any type: a person the tagger typed ORG everywhere is still the one full name
    for the surname; callers check that the name is a person's.
    """
    types = "'PER'" if people_only else ANY_TYPE
    rows = library.query(
        "SELECT DISTINCT canonical FROM entity_totals "
        f"WHERE type IN ({types}) AND last_word = ? AND canonical != last_word LIMIT ?",
        [surname, limit],
    )
    return [str(row[0]) for row in rows]


def _rows(library: Library, sql: str, values: Sequence[object]) -> list[tuple[Any, ...]]:
    """``sql`` with its ``IN ({})`` over ``values``, 500 at a time."""
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(values), 500):
        chunk = list(values[start : start + 500])
        found += library.query(sql.format(",".join("?" * len(chunk))), chunk)
    return found


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
