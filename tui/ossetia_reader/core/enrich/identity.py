"""Which real-world entity a name is: the shipped alias list.

``canonical_key`` already folds what spelling noise can fold (case,
diacritics, y/i, doubled letters, Cyrillic). What it cannot fold is a
different name for the same thing: ``Kiev`` for ``Kyiv``, ``EU`` for
``European Union``, ``Russian Federation`` for ``Russia``, ``Zelensky``
for ``Volodymyr Zelenskyy``. Those come from ``data/aliases.tsv``, a list
with its sources, so a merge is always traceable to evidence rather than
to a guess. The list also gives each name its type, which outranks what a
statistical tagger says about any one mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ossetia_reader.core.enrich.spelling import spelling_key

_NOT_LATIN = re.compile("[^\\W\\d_\u0000-\u024f]")
_ALIASES = Path(__file__).resolve().parent / "data" / "aliases.tsv"


@dataclass(frozen=True, slots=True)
class Alias:
    """One line of the alias list: the preferred name, its type and its other names."""

    name: str
    type: str
    variants: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class _Table:
    entries: tuple[Alias, ...]
    by_key: dict[str, Alias]  # spelling key of any Latin name -> its line
    foreign: dict[str, Alias]  # spelling key of a Cyrillic (non-Latin) name -> its line
    capitals: dict[str, Alias]  # abbreviations, matched in capitals only


def _strip_dots(name: str) -> str:
    return name.replace(".", "").strip()


def _is_abbreviation(name: str) -> bool:
    letters = _strip_dots(name)
    return letters.isupper() and len(letters) <= 6 and " " not in letters


@cache
def _table() -> _Table:
    entries: list[Alias] = []
    by_key: dict[str, Alias] = {}
    foreign: dict[str, Alias] = {}
    capitals: dict[str, Alias] = {}
    for line in _ALIASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        name, type_ = fields[0].strip(), fields[1].strip()
        listed = fields[2].split("|") if len(fields) > 2 else []
        variants = tuple(v.strip() for v in listed if v.strip())
        entry = Alias(name, type_, variants, fields[3].strip() if len(fields) > 3 else "")
        entries.append(entry)
        for variant in (name, *variants):
            if _is_abbreviation(variant):
                capitals.setdefault(_strip_dots(variant), entry)
            elif is_latin(variant):
                by_key.setdefault(spelling_key(variant), entry)
            else:  # "Россия" romanises to "rosia", which is not "Rossiya" in English text
                foreign.setdefault(spelling_key(variant), entry)
    return _Table(tuple(entries), by_key, foreign, capitals)


@lru_cache(maxsize=65536)
def lookup(name: str) -> Alias | None:
    """The alias-list line naming ``name`` (any listed spelling), or None."""
    table = _table()
    if _is_abbreviation(name):
        found = table.capitals.get(_strip_dots(name))
        if found is not None or len(_strip_dots(name)) <= 3:
            return found  # "WHO" is listed; "Who" and "WHOM" are not
    key = spelling_key(name)
    if not is_latin(name) and (found := table.foreign.get(key)) is not None:
        return found
    return table.by_key.get(key)  # "REUTER", "KIEV" in a dateline


def preferred_name(name: str) -> str:
    """The name to show and store for ``name``: the listed preferred name, else ``name``.

    Names in another script keep their own spelling (``Дмитрий Песков``, ``Москва`` are
    shown as written): ``canonical_key`` already makes them the same entity as the
    Latin name (``Москва`` through this list's Cyrillic variants).
    """
    if not is_latin(name):
        return name
    entry = lookup(name)
    return entry.name if entry is not None else name


def is_latin(name: str) -> bool:
    """Whether ``name`` is written in Latin letters only (digits and marks aside)."""
    return name.isascii() or _NOT_LATIN.search(name) is None


def listed_type(name: str) -> str | None:
    """The type the alias list gives ``name``, or None when it is not listed."""
    entry = lookup(name)
    return entry.type if entry is not None else None


def listed_variants(name: str) -> tuple[str, ...]:
    """The other names the alias list knows for ``name`` (empty when not listed)."""
    entry = lookup(name)
    if entry is None:
        return ()
    return tuple(v for v in (entry.name, *entry.variants) if v != name)


def aliases() -> tuple[Alias, ...]:
    """Every line of the shipped alias list."""
    return _table().entries
