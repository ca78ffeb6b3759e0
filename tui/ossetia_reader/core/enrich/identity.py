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
_GIVEN_NAMES = Path(__file__).resolve().parent / "data" / "given_name_forms.tsv"


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
    dotted: dict[str, Alias]  # "Del.", "Calif.": matched written with their full stop only


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
    dotted: dict[str, Alias] = {}
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
            elif variant.endswith(".") and " " not in variant:
                # AP's "Del." is Delaware, but "Dell" (the company, one key with "Del"
                # once doubled letters fold), "Mass" and "Cal Ripken" are not.
                dotted.setdefault(spelling_key(variant), entry)
            elif is_latin(variant):
                by_key.setdefault(spelling_key(variant), entry)
            else:  # "Россия" romanises to "rosia", which is not "Rossiya" in English text
                foreign.setdefault(spelling_key(variant), entry)
    return _Table(tuple(entries), by_key, foreign, capitals, dotted)


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
    if name.rstrip().endswith(".") and (found := table.dotted.get(key)) is not None:
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


# Legal-form suffixes of company names ("Microsoft Corp.", "Drexel Burnham Lambert Inc",
# "Goldman, Sachs and Co", "Deutsche Bank AG", "Broken Hill Pty Ltd"): abbreviations only,
# so "British Broadcasting Corporation" keeps its name.
_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:(?:&|and)\s+)?(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|plc|LLC|L\.L\.C|AG|SA|S\.A|"
    r"NV|N\.V|BV|B\.V|GmbH|SpA|S\.p\.A|AB|ASA|Oyj|KK|Pty|Bhd|Ltda|Incorporated|INC|CORP|"
    r"P\.C|LLP|L\.P|LP|"
    r"CO|LTD)\.?)+$"
)


def without_legal_form(name: str) -> str:
    """``name`` without a company's legal-form suffix: ``Microsoft Corp.`` is ``Microsoft``.

    The suffix is written in some mentions and not in others, so keeping it would
    make one company two rows. A listed name is kept whole, and so is a name that
    would be left with no word of two letters, or with a listed place: ``America Inc``
    (of "BP North America Inc") is a company, not the United States.
    """
    rest = _cut_legal_form(name)
    if rest != name and listed_type(rest) == "LOC":
        return name
    return rest


def _cut_legal_form(name: str) -> str:
    match = _LEGAL_FORM.search(name)
    if match is None or match.start() == 0 or lookup(name) is not None:
        return name
    rest = name[: match.start()].rstrip(" ,&")
    if not any(len(word) >= 2 and word[:1].isalpha() for word in rest.split()):
        return name
    return rest


def has_legal_form(name: str) -> bool:
    """Whether ``name`` ends in a company's legal-form suffix (``Texaco Inc``)."""
    return _cut_legal_form(name) != name


_PLACE_NAMESAKES = Path(__file__).resolve().parent / "data" / "place_namesakes.tsv"


@dataclass(frozen=True, slots=True)
class PlaceReading:
    """One of the places a shared place name names, and the words that point to it."""

    name: str
    evidence: re.Pattern[str]


@cache
def _place_readings() -> dict[str, tuple[PlaceReading, ...]]:
    readings: dict[str, list[PlaceReading]] = {}
    for line in _PLACE_NAMESAKES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, reading, evidence, *_ = line.split("\t")
        words = sorted((w.strip() for w in evidence.split("|") if w.strip()), key=len)
        pattern = re.compile(
            r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in reversed(words)) + r")(?![\w])"
        )
        readings.setdefault(spelling_key(written), []).append(PlaceReading(reading, pattern))
    return {key: tuple(found) for key, found in readings.items()}


def place_reading(name: str, text: str) -> str | None:
    """Which place a name two places share names in ``text`` (an article): the name of
    the reading whose evidence the article names most often ("Georgia" beside Atlanta
    and Florida is ``Georgia (US state)``), or None for the first reading (the one
    taken without evidence) and for names that are not shared (``data/place_namesakes.tsv``).
    """
    readings = _place_readings().get(spelling_key(name))
    if not readings:
        return None
    counts = [len(reading.evidence.findall(text)) for reading in readings]
    best = max(range(len(readings)), key=lambda i: (counts[i], -i))
    return readings[best].name if best > 0 else None


def aliases() -> tuple[Alias, ...]:
    """Every line of the shipped alias list."""
    return _table().entries


@cache
def _given_name_forms() -> dict[str, str]:
    """Spelling key of a given name or its short form -> key of the full given name."""
    forms: dict[str, str] = {}
    for line in _GIVEN_NAMES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        full, _, short = line.partition("\t")
        key = spelling_key(full.strip())
        forms[key] = key
        for form in short.split("|"):
            if form.strip():
                forms.setdefault(spelling_key(form.strip()), key)
    return forms


# Generational suffixes (folded); told apart like initials, so "Cal Ripken Jr." is not
# "Cal Ripken Sr.", but "Joseph R. Biden Jr." is "Joe Biden".
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ARABIC_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "abdul", "ould"})
_VOWELS = re.compile("[aeiouy]")


def known_given_names() -> frozenset[str]:
    """Spelling keys of the given names and short forms listed in ``given_name_forms``."""
    return frozenset(_given_name_forms())


@dataclass(frozen=True, slots=True)
class PersonKey:
    """Who a full name names, apart from middle initials and short given names:
    ``Ivan F. Boesky`` and ``Ivan Boesky``, ``Dan Amstutz`` and ``Daniel Amstutz``
    have one ``key``; ``initials`` tells ``George W. Bush`` from ``George H. W. Bush``."""

    key: tuple[str, ...]
    initials: tuple[str, ...]


def person_key(folded: str) -> PersonKey | None:
    """The ``PersonKey`` of a folded full name (``canonical_key`` of it), or None when it
    is not a given name and a surname (one word, or an initial first: ``A.W. Clausen``)."""
    words = folded.split()
    if len(words) < 2 or len(words[0]) < 2 or len(words[-1]) < 2:
        return None
    suffix: tuple[str, ...] = ()
    if len(words) > 2 and words[-1] in _SUFFIXES:  # "Joseph R. Biden Jr.": Joe Biden
        suffix, words = (words[-1],), words[:-1]
    given = _given_name_forms().get(words[0], words[0])
    if _ARABIC_PARTICLES & set(words[1:-1]):
        # Arabic names are romanised with different vowels: Moqtada/Muqtada al-Sadr,
        # Mohammed/Muhammad: the given name's consonants decide.
        given = _VOWELS.sub("", given) or given
    middle = tuple(word for word in words[1:-1] if len(word) > 1)
    initials = tuple(word for word in words[1:-1] if len(word) == 1) + suffix
    return PersonKey((given, *middle, words[-1]), initials)


def same_person_groups(folded_names: list[str]) -> list[list[str]]:
    """Groups (two or more) of ``folded_names`` that name one person by ``person_key``:
    the same given name (or its short form) and surname, differing at most by middle
    initials that do not contradict each other (``George W.`` and ``George H. W.`` do).

    A name of initials and a surname (``V. Putin``, ``В.В.Путин``: news agencies and
    official texts write people so) joins the one person among the others whose given
    name (and middle name, for a second initial) begins with those letters; with two
    such people, or none, it stays apart."""
    by_key: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
    for name in folded_names:
        found = person_key(name)
        if found is not None:
            by_key.setdefault(found.key, []).append((name, found.initials))
    for name in folded_names:
        words = name.split()
        if len(words) < 2 or len(words[-1]) < 2 or any(len(word) != 1 for word in words[:-1]):
            continue
        keys = {
            key
            for key, members in by_key.items()
            if key[-1] == words[-1]
            and any(_initials_fit(words[:-1], member.split()) for member, _ in members)
        }
        if len(keys) == 1:
            by_key[keys.pop()].append((name, ()))
    groups = []
    for members in by_key.values():
        initials = {found for _, found in members if found}
        if len(members) > 1 and len(initials) <= 1:
            groups.append([name for name, _ in members])
    return groups


def _initials_fit(initials: list[str], full: list[str]) -> bool:
    """Whether ``initials`` (``v v``) begin the given and middle names of ``full``
    (``vladimir putin``, ``vladimir vladimirovich putin``); a second initial with no
    middle name written is a patronymic the full name leaves out."""
    names = full[:-1]
    return initials[0] == names[0][:1] and all(
        initial == word[:1] for initial, word in zip(initials[1:], names[1:], strict=False)
    )


_NOT_INITIAL = frozenset({"of", "the", "and", "for", "on", "in", "de", "des", "du", "la", "&"})


def abbreviates(short: str, words: list[str]) -> bool:
    """Whether ``short`` is made of the letters of ``words`` in order: each word's first
    letter (IAEA), and up to two more of its letters from some ("International COCoa
    Organization", ICCO); the small words (of, the) may give a letter or none."""
    if len(words) < 2:
        return False

    def match(letters: str, at: int) -> bool:
        if at == len(words):
            return not letters
        word = words[at]
        if not word[0].isalpha():
            return match(letters, at + 1)
        small = word.lower() in _NOT_INITIAL
        if small and match(letters, at + 1):
            return True
        if not letters or letters[0] != word[0].upper():
            return False
        # The word's first letter, then up to two more of its letters in order.
        taken, rest = 1, word[1:].upper()
        if match(letters[1:], at + 1):
            return True
        while taken < 3 and taken < len(letters):
            found = rest.find(letters[taken])
            if found < 0:
                return False
            rest = rest[found + 1 :]
            taken += 1
            if match(letters[taken:], at + 1):
                return True
        return False

    return match(short, 0)
