"""Canonical names: one entity however an article or the library spells it.

Two levels. Within an article, a short later mention is linked to the full
form the article gave (``Bibilov`` → ``Anatoly Bibilov``), so the entity's
``canonical`` is a name a reader recognises. Across articles, names are
compared by ``canonical_key``: case, diacritics and Latin/Cyrillic/Georgian
spelling are folded, so ``Kokoïty``, ``Kokoity`` and ``Кокойты`` are one key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.spelling import spelling_key

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


# One word in capitals with a doubled letter: "ICCO", "AFFI", "NAACP"-like codes.
_DOUBLED_ABBREVIATION = re.compile(r"(?=[A-Z]*([A-Z])\1)[A-Z]{2,6}")
_NOT_LATIN = re.compile("[^\\W\\d_\u0000-\u024f]")


@lru_cache(maxsize=65536)
def canonical_key(name: str) -> str:
    """The key under which every spelling of ``name`` is the same entity.

    ``spelling_key`` of the name; a name in another script that the shipped
    alias list names (``Москва``, ``США``, ``Евросоюз``) takes the key of the
    list's preferred name (``Moscow``): romanising ``Москва`` gives ``moskva``,
    never ``moscow``, so without the list the two would be two rows. Latin names
    are keyed by their spelling only: enrichment already stores them under the
    preferred name (``identity.preferred_name``), and ``entity:kiev`` searches
    rely on their own key.
    """
    if _DOUBLED_ABBREVIATION.fullmatch(name):
        # Abbreviations match exactly: the ICCO (cocoa) is not the ICO (coffee).
        # Folding doubled letters is for the spellings of names (Zelenskyy).
        return name.lower().replace("y", "i")
    key = spelling_key(name)
    if key and _NOT_LATIN.search(name) is not None:
        entry = identity.lookup(name)
        if entry is not None:
            return spelling_key(entry.name)
    return key


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    words = canonical_key(name).split()
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    return tuple(words)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;…\n])['’\"”»)\s]*$")


def _opens_sentence(text: str, start: int) -> bool:
    return _SENTENCE_START.search(text, max(0, start - 6), start) is not None


def link_mentions(
    entities: Sequence[Entity], listed: Callable[[str], bool] = lambda name: False, text: str = ""
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
    entities = _companies_first(entities)
    # word -> {key of a full person name containing it: that mention}, and for
    # organisations the last word only: built once, so linking stays linear.
    people: dict[str, dict[str, Entity]] = {}
    organisations: dict[str, dict[str, Entity]] = {}
    mistyped: dict[str, set[str]] = {}  # surname -> full names of people typed otherwise
    for entity in entities:
        words = _name_words(entity.text)
        if len(words) < 2:
            continue
        key = canonical_key(entity.canonical)
        if entity.type == "PER":
            # An abbreviation inside a "person's" name is no surname: "SVP" of "Junge SVP".
            caps = (
                {canonical_key(w) for w in entity.text.split() if len(w) > 1 and w.isupper()}
                if not entity.text.isupper()
                else set()
            )
            for word in words:
                if word not in caps:
                    people.setdefault(word, {}).setdefault(key, entity)
        else:
            if entity.type == "ORG":
                organisations.setdefault(words[-1], {}).setdefault(key, entity)
            surface = entity.text.split()
            if (
                len(surface) in (2, 3)
                and all(w[:1].isupper() and not w.isupper() for w in surface)
                and not listed(entity.text)
                and text  # not "Understated Perez" opening a sentence
                and not _opens_sentence(text, entity.start)
            ):
                # "Carly Fiorina" typed ORG beside "Frank Fiorina": maybe a namesake
                mistyped.setdefault(words[-1], set()).add(key)
    openings: dict[str, dict[str, Entity]] = {}  # first word -> organisations opening so
    companies: dict[str, dict[str, Entity]] = {}  # the same, of names with a legal form
    for entity in entities:
        words = _name_words(entity.canonical)
        if entity.type == "ORG" and len(words) > 1:
            key = canonical_key(entity.canonical)
            openings.setdefault(words[0], {}).setdefault(key, entity)
            if identity.has_legal_form(" ".join(entity.text.split())):
                companies.setdefault(words[0], {}).setdefault(key, entity)
    linked: list[Entity] = []
    for entity in entities:
        words = _name_words(entity.text)
        target = None
        if len(words) == 1 and (entity.type == "PER" or not listed(entity.text)):
            persons = people.get(words[0], {})
            if entity.type == "ORG" and len(firsts := openings.get(words[0], {})) == 1:
                target = next(iter(firsts.values()))  # "Drexel" of "Drexel Burnham Lambert"
            elif (len(persons) == 1 or _one_person(list(persons))) and not mistyped.get(
                words[0], set()
            ) - set(persons):
                target = next(iter(persons.values()))  # the first full name given
            elif (
                not persons
                and entity.type in ("PER", "MISC")  # a place shares its name with firms
                and len(firsts := companies.get(words[0], {})) == 1
                and set(openings.get(words[0], {})) == set(firsts)
            ):
                # "Dome said" of "Dome Petroleum Ltd": the one company the article names
                # in full with a legal form, when the tagger took the short name for a
                # person or a product.
                target = next(iter(firsts.values()))
            elif not persons and entity.type == "ORG":
                named = organisations.get(words[0], {})
                target = next(iter(named.values())) if len(named) == 1 else None
        if target is not None:
            linked.append(replace(entity, type=target.type, canonical=target.canonical))
        else:
            linked.append(entity)
    return linked


# Bodies named after a person: the person's name and one of these words ("Eric Trump
# Foundation", "Clinton Presidential Library" aside, "Nelson Mandela Foundation").
_EPONYM_WORDS = (
    "foundation institute center centre fund trust library museum school college "
    "university prize award awards memorial campaign presidential stadium hospital "
    "family organization organisation"
)
_EPONYM_HEADS = frozenset(canonical_key(word) for word in _EPONYM_WORDS.split())


def _companies_first(entities: Sequence[Entity]) -> list[Entity]:
    """A "person" whose whole name opens an organisation named in the same article is
    that organisation shortened: ``Drexel Burnham`` of ``Drexel Burnham Lambert Inc``,
    ``Smith Barney`` of ``Smith Barney, Harris Upham and Co`` (the tagger reads two
    capitalised words as a given name and a surname)."""
    orgs = [
        (_name_words(e.canonical), e)
        for e in entities
        if e.type == "ORG" and len(_name_words(e.canonical)) > 2
    ]
    if not orgs:
        return list(entities)
    result: list[Entity] = []
    for entity in entities:
        words = _name_words(entity.canonical)
        if entity.type == "PER" and len(words) > 1:
            longer = {
                canonical_key(org.canonical): org
                for org_words, org in orgs
                if len(org_words) > len(words)
                and org_words[: len(words)] == words
                # "Eric Trump" beside the "Eric Trump Foundation": a body named after
                # the person, who is still a person
                and not all(word in _EPONYM_HEADS for word in org_words[len(words) :])
            }
            if len(longer) == 1:
                org = next(iter(longer.values()))
                result.append(replace(entity, type="ORG", canonical=org.canonical))
                continue
        result.append(entity)
    return result


def _one_person(keys: list[str]) -> bool:
    """Whether several full names are one person's ("Ivan F. Boesky", "Ivan Boesky")."""
    groups = identity.same_person_groups(keys)
    return len(groups) == 1 and len(groups[0]) == len(keys)
