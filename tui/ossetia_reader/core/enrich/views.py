"""Enrichment across the library: one row per entity, speaker and quote.

What the people screen, the entity view, ``entities``/``quotes`` and the search
fields read: entities merged by identity and typed once for the whole library
(listed type, context cues, companies, untitled one-word names), surnames
joined to the one full name the library knows, namesakes kept apart, and the
articles and quotes of one entity. Reads only the tables ``store.py`` keeps.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich import identity, namesakes
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.refine import (
    could_be_person,
    is_company_head,
    is_demonym,
    is_generic_body,
    is_role_word,
)
from ossetia_reader.core.enrich.rules import countries, gazetteers, is_listed, listed_type
from ossetia_reader.core.enrich.spelling import spelling_key
from ossetia_reader.core.library import Library, LibraryError

_SENTENCE_END = re.compile(r"[.!?][”\"»’)]*\s+|\n\s*\n")
_CONTEXT = 400
_PARTICLES = frozenset({"von", "der", "van", "de", "da", "del", "al", "bin", "le", "la"})


@dataclass(frozen=True, slots=True)
class EntityCount:
    """One entity across the library."""

    canonical: str  # the folded key (see ``canonical_key``)
    name: str  # how to show it
    type: str
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """One speaker across the library."""

    canonical: str
    name: str
    articles: int
    quotes: int


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One quote by a speaker, located in its article."""

    key: int
    start: int
    end: int
    text: str
    speaker: str
    cue: str | None


# -- library-wide views ----------------------------------------------------------------


def entity_counts(
    library: Library, type: str | None = None, limit: int = 100, match: str = ""
) -> list[EntityCount]:
    """The most-mentioned entities (by mentions), one row per entity, optionally of one
    type or matching text.

    An entity's mentions under every type count together, and its type is the one
    decided across the library (see ``decide_type``). A person named by surname
    alone in some articles counts with the one full name the library knows for
    that surname (``Peskov`` with ``Dmitry Peskov``), also when the tagger typed
    the lone surname an organisation; two people sharing a surname stay apart.
    """
    wanted = type.upper() if type else None
    clauses, params = [], []
    if folded := canonical_key(match):
        clauses.append("canonical LIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(folded)}%")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    depth = 4 * limit + 40
    candidates: dict[str, None] = {}
    queries = [(where, params)]
    if wanted:  # an entity typed mostly otherwise may still be decided the wanted type
        typed = " AND ".join([*clauses, "type = ?"])
        queries.append((f"WHERE {typed}", [*params, wanted]))
    for condition, values in queries:
        for (found,) in library.query(
            f"SELECT canonical FROM entity_totals {condition} "
            "ORDER BY mentions DESC, articles DESC, canonical LIMIT ?",
            [*values, depth],
        ):
            candidates[str(found)] = None
    grouped = _capital_spellings(library, _typed_rows(library, list(candidates)))
    merged: dict[str, EntityCount] = {}
    for canonical, rows in grouped.items():
        row = _one_row(canonical, rows)
        if not is_generic_body(row.name):  # "Finance Ministry": every country has one
            merged[canonical] = row
    untitled = _untitled(library, [row for row in merged.values() if row.type == "PER"])
    for canonical, kind in _companies(
        library, [row for row in merged.values() if row.type == "PER"]
    ).items():
        merged[canonical] = replace(merged[canonical], type=kind)  # "Drexel Burnham": ORG
    surnames: dict[str, list[EntityCount]] = defaultdict(list)
    # Two words that a title puts before as a surname ("Ms. Wasserman Schultz")
    titled_pairs = _cued(library, [c for c, row in merged.items() if _double_surname(row)])
    for canonical, row in list(merged.items()):
        if row.type == "ORG" and " " not in canonical and listed_type(row.name) == "ORG":
            # "Bloomberg" (listed: the company) where articles typed it a person's, beside
            # the one person "Michael Bloomberg": those mentions are his
            owner = _owner(library, _people(library, _surname_owners(library, canonical)))
            if owner is not None:
                _person_part_to(owner, row, grouped, merged, surnames)
            continue
        # A single word typed PER or ORG is often a surname the tagger could not place.
        if (
            row.type in ("PER", "ORG")
            and (
                all(word in _PARTICLES for word in canonical.split()[:-1])  # "von der Leyen"
                or " " not in row.name.strip()  # "Schroeder-Hohenwarth"
                or canonical in titled_pairs  # "Wasserman Schultz": "Debbie Wasserman Schultz"
            )
            and not is_listed(row.name)
            and identity.lookup(row.name) is None
        ):
            surname = canonical.rsplit(" ", 1)[-1]
            full = [
                name
                for name in namesakes.full_names(library, surname, limit=8)
                if name != canonical
                and name.endswith(canonical)
                and _owns_surname(name)
                # a two-word surname's full name opens with a given name ("Debbie"):
                # "Sugar Tomas Vell" is a ring name before "Tomas Vell"
                and (canonical not in titled_pairs or name.split()[0] in _given_keys())
            ]
            if not full:  # "Ban" of "Ban Ki-moon": a surname written first
                full = _surname_first(library, canonical)
            full = _people(library, full)  # not "Baker Hughes" for "Hughes"
            owner = _owner(library, full)
            if (
                owner is None
                and canonical in _given_keys()
                # typed a person's in most mentions: not "Alex" cut from "Alex. Brown and
                # Sons Inc" (a brokerage; typed PER, ORG and LOC by turns)
                and (person := _typed_part(grouped.get(canonical, []), "PER", row)) is not None
                and 3 * person.mentions >= 2 * row.mentions
            ):
                owner = _first_name_owner(library, canonical)  # "Hillary"
            if owner is None and row.type == "PER" and not _namesakes(library, full):
                owner = _owner_by_company(library, canonical, full)
            if owner is not None and row.type == "ORG" and _mentions(library, owner) < row.mentions:
                # "Lions" (the team) is not "Max Lyons", named in full far less; but the
                # mentions articles typed a person's are his ("Bloomberg says he" beside
                # Bloomberg the company): one key, two entities, split by type.
                _person_part_to(owner, row, grouped, merged, surnames)
                owner = None
            if owner is not None:
                surnames[owner].append(merged.pop(canonical))
                continue
            if row.type == "PER" and _namesakes(library, full):
                del merged[canonical]  # "Baker": James Baker or Howard Baker, not one row
                continue
        if row.type == "PER" and canonical in untitled:
            merged[canonical] = replace(row, type="ORG")  # "Petrobras", "Smith Barney"
    for name, parts in surnames.items():
        base = merged.get(name)
        if base is None:
            found = _typed_rows(library, [name]).get(name)
            base = _one_row(name, found) if found else None
        if base is None or base.type not in ("PER", "ORG"):
            for part in parts:  # no person to count with: the rows stand as they were
                merged[part.canonical] = part
            continue
        # (An owner typed ORG is a "person" the library showed to be a company: "Hutton"
        # counts with "E.F. Hutton", both the brokerage.)
        merged[name] = replace(
            base,
            articles=base.articles + sum(p.articles for p in parts),
            mentions=base.mentions + sum(p.mentions for p in parts),
        )
    merged = _country_bodies(library, merged)
    merged = _defined_abbreviations(library, merged)
    merged = _company_short_names(merged)
    merged = _persons_bodies(merged)
    merged = _same_people(merged)
    people = [canonical for canonical, row in merged.items() if row.type == "PER"]
    for canonical in namesakes.split_keys(library, people):  # Александр/Alexander Kozlov
        merged |= _namesake_rows(library, merged.pop(canonical))
    ranked = sorted(merged.values(), key=lambda r: (-r.mentions, -r.articles, r.canonical))
    chosen = [row for row in ranked if wanted is None or row.type == wanted][:limit]
    return [_in_lower_case(library, row) for row in chosen]


def _surname_owners(library: Library, surname: str) -> list[str]:
    """The full names a one-word key may be the surname alone of."""
    return [
        name
        for name in namesakes.full_names(library, surname, limit=8)
        if name != surname and name.endswith(surname) and _owns_surname(name)
    ]


def _typed_part(
    rows: list[tuple[str, str, int, int]], kind: str, row: EntityCount
) -> EntityCount | None:
    """The mentions of one key that articles typed ``kind``, as a row of their own."""
    typed = [(articles, mentions) for _, found, articles, mentions in rows if found == kind]
    if not typed:
        return None
    articles, mentions = max(a for a, _ in typed), sum(m for _, m in typed)
    return replace(row, type=kind, articles=articles, mentions=mentions)


def _person_part_to(
    owner: str,
    row: EntityCount,
    grouped: dict[str, list[tuple[str, str, int, int]]],
    merged: dict[str, EntityCount],
    surnames: dict[str, list[EntityCount]],
) -> None:
    """Move the mentions of ``row`` that articles typed a person's to ``owner`` (the one
    person with that surname), when they are not the whole row."""
    person = _typed_part(grouped.get(row.canonical, []), "PER", row)
    if person is not None and person.mentions < row.mentions:
        surnames[owner].append(person)
        merged[row.canonical] = replace(row, mentions=row.mentions - person.mentions)


def _double_surname(row: EntityCount) -> bool:
    """Whether a person's row of two words may be a surname of two ("Wasserman Schultz"):
    its first word is no known given name. When a title stands before it too ("Ms.
    Wasserman Schultz"), a full name ending with both words and opening with a given name
    ("Debbie Wasserman Schultz") is the one person it names; without one, "Tomas Vell"
    beside "Maria Tomas Vell" may be another person (a given name the lists lack)."""
    words = row.canonical.split()
    return row.type == "PER" and len(words) == 2 and words[0] not in _given_keys()


_POSSESSIVE_NAME = re.compile(r"([A-Z][\w&.-]*)['’]s\s+\S.*")
# Last words a company's full name adds to the name it is known by ("Apple Computer",
# "Cisco Systems", "Toyota Motor"), and not a subsidiary's ("Sony Pictures", "AT&T
# Wireless" stay apart).
_SHORTENED_HEADS = frozenset(
    {"computer", "computers", "systems", "technologies", "technology", "industries"}
    | {"motor", "motors", "holdings", "group", "international"}
)


def _company_short_names(merged: dict[str, EntityCount]) -> dict[str, EntityCount]:
    """``Moody's Investors Service`` counts with the ``Moody`` row (Moody's, its possessive
    cut by the tagger) and ``Apple Computer`` with ``Apple`` when the library lists the
    shorter name as an organisation too: a company is known by its name without the
    possessive's company words, or without a last word like "Computer" or "Systems"."""
    result = dict(merged)
    for canonical, row in merged.items():
        words = row.name.split()
        if row.type != "ORG" or len(words) < 2 or canonical not in result:
            continue
        match = _POSSESSIVE_NAME.fullmatch(row.name)
        if match is not None and is_company_head(words[-1]):
            short_name = match.group(1)
        elif row.name.endswith(("'s", "’s")):
            short_name = row.name[:-2]  # "Standard and Poor's" cut to "Standard and Poor"
        elif len(words) == 2 and words[-1].lower() in _SHORTENED_HEADS:
            short_name = words[0]
        else:
            continue
        short = result.get(canonical_key(short_name))
        if short is None or short.type != "ORG" or short.canonical == canonical:
            continue
        _merge_rows(result, keep=row, absorbed=short)
    return result


def _persons_bodies(merged: dict[str, EntityCount]) -> dict[str, EntityCount]:
    """``Obama White House`` counts with ``White House``: a body written after the surname of
    a person the library lists (the Obama administration's White House is the White
    House) when the body alone is a row of its own."""
    surnames = {c.rsplit(" ", 1)[-1] for c, row in merged.items() if row.type == "PER"}
    result = dict(merged)
    for canonical, row in merged.items():
        words = canonical.split()
        if row.type != "ORG" or len(words) < 3 or words[0] not in surnames:
            continue
        bare = result.get(" ".join(words[1:]))
        if bare is None or bare.type != "ORG" or canonical not in result:
            continue
        _merge_rows(result, keep=bare, absorbed=row)
        result[bare.canonical] = replace(result[bare.canonical], name=bare.name)
    return result


def _merge_rows(
    rows: dict[str, EntityCount], keep: EntityCount, absorbed: EntityCount, type: str = ""
) -> None:
    """One row for two rows of one entity, in place: under ``keep``'s key (the fuller name:
    ``London Stock Exchange`` for ``LSE``, ``Moody's Investors Service`` for ``Moody``),
    shown by the name written more often (the shorter on a tie: its count lost the mentions
    an article's own definition linked to the full name), with both counts.

    (``_company_short_names`` and ``_defined_abbreviations`` both merge this way, so a
    tie reads the same whichever of them found the pair.)"""
    shown = absorbed if absorbed.mentions >= keep.mentions else keep
    rows.pop(absorbed.canonical, None)
    rows[keep.canonical] = replace(
        keep,
        name=shown.name,
        articles=keep.articles + absorbed.articles,
        mentions=keep.mentions + absorbed.mentions,
        type=type or keep.type,
    )


_ABBREVIATION = re.compile(r"[A-Z][A-Z&]{1,5}")


def _defined_abbreviations(
    library: Library, merged: dict[str, EntityCount]
) -> dict[str, EntityCount]:
    """``LSE`` counts with ``London Stock Exchange`` when an article of the library defined
    it so ("the London Stock Exchange (LSE)" stores ``LSE`` as a spelling of the full
    name: ``pipeline._acronyms``) and no other entity of the library was spelled ``LSE``
    with words it abbreviates. The row takes the type of the full name (an abbreviation
    alone is the tagger's weakest guess: ``IAAF`` LOC) and the name written most."""
    short = {row.name: canonical for canonical, row in merged.items()
             if _ABBREVIATION.fullmatch(row.name)}  # fmt: skip
    if not short:
        return merged
    spelled: dict[str, set[str]] = defaultdict(set)
    names = sorted(short)
    for chunk_start in range(0, len(names), _CHUNK):
        chunk = names[chunk_start : chunk_start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for variant, canonical in library.query(
            f"SELECT variant, canonical FROM entity_variants WHERE variant IN ({marks})", chunk
        ):
            if str(canonical) != short[str(variant)]:
                spelled[str(variant)].add(str(canonical))
    wanted = sorted({key for keys in spelled.values() for key in keys} - set(merged))
    found = {canonical: _one_row(canonical, rows)
             for canonical, rows in _typed_rows(library, wanted).items()}  # fmt: skip
    result = dict(merged)
    for name, keys in spelled.items():
        candidates = [result.get(key) or found.get(key) for key in keys]
        full = sorted(
            (
                row
                for row in candidates
                if row is not None
                and " " in row.name
                and name not in row.name.split()  # "MTV VJ", "NEC Electronics": longer names
                and identity.abbreviates(name, row.name.replace("-", " ").split())
            ),
            key=lambda row: (-row.mentions, row.canonical),
        )
        abbreviation = result.get(short[name])
        if len(full) > 1 and full[0].mentions >= 3 * sum(row.mentions for row in full[1:]):
            # "General Agreement on Tariffs and Trade" 51 times, "... on Trade and Tariffs"
            # 5 times: the name the library writes is the abbreviation's
            full = full[:1]
        if len(full) != 1 or abbreviation is None:
            continue
        if any(
            row.canonical != full[0].canonical
            and row.type == "ORG"
            and 2 * row.mentions >= full[0].mentions
            and " " in row.name
            and identity.abbreviates(name, row.name.replace("-", " ").split())
            for row in result.values()
        ):
            continue  # "NAC": two bodies of the library abbreviated so, named alike often
        target = full[0]
        _merge_rows(
            result, keep=target, absorbed=abbreviation,
            type=target.type if target.type != "PER" else abbreviation.type,
        )  # fmt: skip
    return result


def _capital_spellings(
    library: Library, grouped: dict[str, list[tuple[str, str, int, int]]]
) -> dict[str, list[tuple[str, str, int, int]]]:
    """``BONN`` of the datelines is ``Bonn``: a word in capitals with a doubled letter has a
    key of its own (the ICCO is not the ICO: ``canonical_key``), but when the library
    writes the same word in lower case too, it is a name, not an abbreviation."""
    moved: dict[str, str] = {}
    for canonical, rows in grouped.items():
        name = rows[0][0]
        folded = spelling_key(name)
        if folded != canonical and name.isupper() and " " not in name:
            moved[canonical] = folded
    if not moved:
        return grouped
    lower = _typed_rows(library, sorted(set(moved.values()) - set(grouped)))
    result = dict(grouped)
    for canonical, folded in moved.items():
        target = result.get(folded) or lower.get(folded)
        if target and any(not row[0].isupper() for row in target):
            result[folded] = target + result.pop(canonical)
    return result


def _namesake_rows(library: Library, row: EntityCount) -> dict[str, EntityCount]:
    """Two people of one folded name in two scripts (``namesakes.split_keys``): the row
    keeps what the script most mentions are written in (with any lone surname merged
    into it), and the other script's full-name mentions become a row of their own."""
    sides = namesakes.script_sides(library, row.canonical)
    if len(sides) < 2:
        return {row.canonical: row}
    minor = min(sides, key=lambda side: (sides[side][2], side))
    name, articles, mentions = sides[minor]
    main = replace(
        row, name=sides[not minor][0], articles=max(row.articles - articles, 1),
        mentions=max(row.mentions - mentions, 1),
    )  # fmt: skip
    other = replace(row, name=name, articles=articles, mentions=mentions)
    return {row.canonical: main, f"{row.canonical}\n{name}": other}


def _in_lower_case(library: Library, row: EntityCount) -> EntityCount:
    """A name first seen in a dateline or headline in capitals (``LOS ANGELES``) is shown
    as the library most often writes it otherwise (``Los Angeles``). A short word in
    capitals is an abbreviation (``NATO``, ``ICO``) unless the row is a place: the
    datelines' ``TOKYO`` is ``Tokyo`` where the library writes it so."""
    letters = [char for char in row.name if char.isalpha()]
    short = len(letters) <= 5 and " " not in row.name
    if not letters or not row.name.isupper() or (short and row.type != "LOC"):
        return row
    for (variant,) in library.query(
        "SELECT variant FROM entity_variants WHERE canonical = ? ORDER BY mentions DESC LIMIT 8",
        [row.canonical],
    ):
        if not str(variant).isupper() and canonical_key(str(variant)) == row.canonical:
            return replace(row, name=str(variant))
    return row


def _untitled(library: Library, rows: Sequence[EntityCount]) -> set[str]:
    """The one-word names among ``rows`` that articles (nearly) never mark as a person's
    with a title, a role or words only a person has ("President Reagan", "Mr Baker",
    "Santilli, who"): companies the tagger took for people ("Petrobras", "Inco"). (Full
    names are not judged so: too many people are named without a title, and given-name
    lists are never complete.)"""
    singles = [
        row.canonical
        for row in rows
        if " " not in row.canonical
        and identity.lookup(row.name) is None
        # The cues are English words ("President", "Mr"): a Russian surname the Russian
        # tagger typed PER ("Стерлигов") is never titled so, and stays a person.
        and identity.is_latin(row.name)
        # A given name alone in one or two articles is their person ("John's tenure as
        # CEO"); a club named so is named across many ("Chelsea").
        and not (row.canonical in _given_keys() and row.articles <= 2)
    ]
    # One cue in fifty mentions is a slip ("Arsenal or Chelsea, who won their groups").
    mentions = {row.canonical: row.mentions for row in rows}
    cued = _cued(library, singles)
    untitled = {c for c in singles if 50 * cued.get(c, 0) < mentions[c]}
    # "the Clintons": a family, named by the plural of a surname the library's people have
    # (a team's plural is named with its city too: "Cleveland Browns" stays apart).
    return {
        canonical
        for canonical in untitled
        if not (
            canonical.endswith("s")
            and namesakes.full_names(library, canonical[:-1], people_only=True)
            and not namesakes.full_names(library, canonical)
        )
    }


def _cued(library: Library, canonicals: Sequence[str]) -> dict[str, int]:
    """How many mentions of each key among ``canonicals`` articles mark as a person's with
    a title or role ("President Reagan", "Mr Baker"); keys never so marked are left out."""
    cued: dict[str, int] = {}
    for chunk_start in range(0, len(canonicals), 500):
        chunk = canonicals[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for found, count in library.query(
            f"SELECT canonical, sum(count) FROM person_cues WHERE canonical IN ({marks}) "
            "GROUP BY canonical",
            list(chunk),
        ):
            cued[str(found)] = int(count)
    return cued


def _companies(library: Library, rows: Sequence[EntityCount]) -> dict[str, str]:
    """The full names among ``rows`` (typed PER) that the library shows are not people's,
    with the type they are:

    - written with a legal form in more mentions than titles mark it a person's
      ("James Capel and Co"): ORG;
    - opening with a word no given name is ("New Brunswick", "San Marino"): LOC, or ORG
      when more mentions say so;
    - or, never titled and not opening with a known given name or an initial:
      the opening words of an organisation the library knows ("Drexel Burnham" of
      "Drexel Burnham Lambert"), a place or organisation and a plural ("Cleveland
      Browns", "Boston Celtics"), ending with a country ("Reebok Japan"), or typed an
      organisation in a third of its mentions or more ("Fannie Mae"): ORG.
    """
    given = gazetteers().first_names
    multi = [
        row
        for row in rows
        if " " in row.canonical
        and identity.is_latin(row.name)
        and identity.lookup(row.name) is None
    ]
    if not multi:
        return {}
    canonicals = [row.canonical for row in multi]
    cued = _cued(library, canonicals)
    grouped = _typed_rows(library, canonicals)
    spellings = _first_variants(library, canonicals)
    found: dict[str, str] = {}
    undecided: list[tuple[EntityCount, list[str], Counter[str]]] = []
    for row in multi:
        words = row.name.split()
        first = words[0].lower().rstrip(".")
        typed: Counter[str] = Counter()
        for _, kind, _, mentions in grouped.get(row.canonical, []):
            typed[kind] += mentions
        legal = sum(
            mentions
            for variant, mentions in spellings.get(row.canonical, [])
            if identity.has_legal_form(variant)
        )
        if legal > cued.get(row.canonical, 0):  # "James Capel and Co" beats one "Mr Capel"
            found[row.canonical] = "ORG"
        elif not could_be_person(row.canonical):
            found[row.canonical] = "ORG" if typed["ORG"] > typed["LOC"] else "LOC"
        elif (
            row.canonical in cued
            or first in given
            or row.canonical.split()[0] in _given_keys()  # "Freddy", "Freddie"
            or len(first) == 1
            or any(word in _PARTICLES for word in row.canonical.split()[1:-1])
        ):
            continue  # a title, a given name, an initial or "van"/"bin": a person's name
        else:
            undecided.append((row, words, typed))
    # The library's evidence for the rows left, fetched for them all at once.
    opening = _open_organisations(library, [row.canonical for row, _, _ in undecided])
    places = _places(
        library,
        [
            words[0]
            for _, words, _ in undecided
            if len(words) in (2, 3) and words[-1].endswith("s") and words[-1][:1].isupper()
        ],
    )
    alone = _surnames_alone(library, [row.canonical for row, _, _ in undecided])
    for row, words, typed in undecided:
        if _person_in_more_articles(row.canonical, row.name, grouped.get(row.canonical, [])):
            continue  # named as a person in more articles than as anything else
        if (
            row.canonical not in opening  # "E.F. Hutton" of "E.F. Hutton Group Inc"
            and row.canonical.rsplit(" ", 1)[-1] in alone
            and place_of(words[0]) is None  # "Arizona Diamondbacks"
            and not places.get(words[0])  # "Cleveland Browns": a place the library names
            and not is_demonym(words[0])  # "Kyivan Rus"
        ):
            continue  # "Eastwood's boxing drama": the surname alone is a person's
        if (
            row.canonical in opening
            or 3 * typed["ORG"] >= sum(typed.values())
            or words[-1].lower() in countries()  # "Reebok Japan", "Automobiles Citroen France"
            or (
                len(words) in (2, 3)
                and words[-1].endswith("s")
                and words[-1][:1].isupper()
                and places[words[0]]
            )
        ):
            found[row.canonical] = "ORG"
    return found


def _surnames_alone(library: Library, canonicals: Sequence[str]) -> set[str]:
    """The last words of ``canonicals`` that the library also writes alone as a person's
    name more often than as anything else ("Eastwood" of "Clint Eastwood", though the
    tagger read "Clint Eastwood's Million Dollar Baby" as a company's)."""
    lasts = sorted({canonical.rsplit(" ", 1)[-1] for canonical in canonicals})
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    for found, rows in _totals(library, lasts).items():
        for _, kind, _, mentions in rows:
            typed[found][kind] += mentions
    return {
        last for last, kinds in typed.items() if kinds["PER"] > sum(kinds.values()) - kinds["PER"]
    }


_CHUNK = 300  # names per query: well under SQLite's 999 parameters, at 3 a name


def _first_variants(
    library: Library, canonicals: Sequence[str]
) -> dict[str, list[tuple[str, int]]]:
    """The first 20 spellings (in the table's key order) of each entity key, with their
    mentions: one query per chunk of keys instead of one per key."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    unique = list(dict.fromkeys(canonicals))
    for chunk_start in range(0, len(unique), _CHUNK):
        chunk = unique[chunk_start : chunk_start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for folded, variant, mentions in library.query(
            "SELECT canonical, variant, mentions FROM entity_variants "
            f"WHERE canonical IN ({marks}) ORDER BY canonical, variant",
            chunk,
        ):
            spellings = found[str(folded)]
            if len(spellings) < 20:
                spellings.append((str(variant), int(mentions)))
    return found


def _open_organisations(library: Library, canonicals: Sequence[str]) -> set[str]:
    """The keys among ``canonicals`` that open the key of an organisation the library
    knows ("drexel burnham" of "drexel burnham lambert"): one query per chunk.

    ``+e.type`` keeps SQLite off the (type, last_word) index: with it, each key scanned
    every organisation row (~5,000 after enriching 2,000 articles) instead of the
    primary key's range of names opening with the key."""
    found: set[str] = set()
    unique = list(dict.fromkeys(canonicals))
    for chunk_start in range(0, len(unique), _CHUNK):
        chunk = unique[chunk_start : chunk_start + _CHUNK]
        values = ",".join(["(?, ?, ?)"] * len(chunk))
        for (folded,) in library.query(
            f"WITH w(canonical, low, high) AS (VALUES {values}) "
            "SELECT w.canonical FROM w WHERE EXISTS (SELECT 1 FROM entity_totals e "
            "WHERE e.canonical > w.low AND e.canonical < w.high AND +e.type = 'ORG')",
            [value for c in chunk for value in (c, c + " ", c + " \uffff")],
        ):
            found.add(str(folded))
    return found


def _places(library: Library, names: Sequence[str]) -> dict[str, bool]:
    """Whether each of ``names`` is a place (or a team or body named after one:
    "Cleveland" in sports results) by the lists, else by the library's own type for it;
    the library's rows for them all read at once."""
    found: dict[str, bool] = {}
    unlisted: dict[str, str] = {}  # name -> key
    for name in names:
        listed = identity.listed_type(name) or listed_type(name)
        if listed is not None:
            found[name] = listed == "LOC"
        else:
            unlisted[name] = canonical_key(name)
    grouped = _typed_rows(library, list(dict.fromkeys(unlisted.values())))
    for name, folded in unlisted.items():
        rows = grouped.get(folded)
        found[name] = rows is not None and _one_row(folded, rows).type in ("LOC", "ORG")
    return found


def country_of(prefix: str) -> str | None:
    """The country a name's opening words name (``U.S.``, ``United States``, ``UK``:
    the key of the country's preferred name), its nationality adjective (``British``,
    ``French``: the adjective's key), or None."""
    if identity.listed_type(prefix) == "LOC" or listed_type(prefix) == "LOC":
        preferred = identity.preferred_name(prefix)
        if preferred.lower() in countries():
            return canonical_key(preferred)
        return None
    if prefix.lower() in gazetteers().demonyms:
        return canonical_key(prefix)
    return None


def place_of(prefix: str) -> str | None:
    """``country_of``, or the key of a listed place that is no country (``Boston``,
    ``New York``): a city's team or paper is written with and without its city too."""
    country = country_of(prefix)
    if country is not None:
        return country
    if identity.listed_type(prefix) == "LOC" or listed_type(prefix) == "LOC":
        return canonical_key(identity.preferred_name(prefix))
    return None


def _split_country(name: str) -> tuple[str, str] | None:
    """``(place key, the rest)`` of a body's name that opens with a country, its
    adjective or another listed place ("U.S. Treasury": the United States and
    "Treasury"; "Boston Red Sox": Boston and "Red Sox"), else None."""
    words = name.split()
    for cut in (2, 1):
        if len(words) > cut:
            country = place_of(" ".join(words[:cut]))
            if country is not None:
                return country, " ".join(words[cut:])
    # "Office of the President of Ukraine", "Armed Forces of Ukraine": the country after
    # the body's name (a country only: "Bank of America" is no American bank's branch).
    for cut in (2, 1):
        if len(words) > cut + 2 and words[-cut - 1] == "of":
            country = country_of(" ".join(words[-cut:]))
            if country is not None and country in countries_keys():
                return country, " ".join(words[: -cut - 1])
    return None


@cache
def countries_keys() -> frozenset[str]:
    """Keys of the listed countries' preferred names (not their adjectives)."""
    return frozenset(canonical_key(identity.preferred_name(name)) for name in countries())


def _country_bodies(library: Library, merged: dict[str, EntityCount]) -> dict[str, EntityCount]:
    """One row for a body written both with its country and without it: ``U.S.
    Treasury`` counts with ``Treasury`` when the library shows that the bare name is
    that country's body.

    The evidence: the country's forms of the name have at least five times the
    mentions of every other country's forms together ("UK Treasury" three times
    beside "U.S. Treasury" sixty), or three times and the articles naming the body
    bare name that country at least three times as often as each of the others (the
    forms' count alone would leave a wire's "U.S. Treasury" 45 times beside 11 of
    London, Paris and Ottawa apart from its bare "Treasury"); and at least a third of
    the articles naming the body bare also name that country (a British outlet's bare
    "Treasury" is the UK's and stays apart from its "US Treasury"). Organisations only.
    """
    by_bare: dict[str, dict[str, list[EntityCount]]] = defaultdict(lambda: defaultdict(list))
    for canonical, row in merged.items():
        if row.type != "ORG":
            continue
        split = _split_country(row.name)
        if split is None:
            continue
        country, rest = split
        bare = canonical_key(rest)
        if bare in merged and merged[bare].type == "ORG" and bare != canonical:
            by_bare[bare][country].append(row)
    for bare, countries_found in by_bare.items():
        if bare not in merged:
            continue
        totals = {
            country: sum(row.mentions for row in rows) for country, rows in countries_found.items()
        }
        country = max(totals, key=lambda c: (totals[c], c))
        others = sum(totals.values()) - totals[country]
        # Other countries' forms the candidates' query did not bring count too.
        more = _other_country_mentions(library, bare, country, countries_found)
        others += sum(more.values())
        if totals[country] < 3 * others:
            continue
        co_mentioned = _co_mentioned(library, bare, country)
        if 3 * co_mentioned < merged[bare].articles:
            continue
        if totals[country] < 5 * others and any(
            3 * _co_mentioned(library, bare, other) > co_mentioned
            for other in {*countries_found, *more}
            if other != country
        ):
            continue  # no clear majority of forms, and the articles do not settle it
        rows = [merged.pop(bare), *(merged.pop(r.canonical) for r in countries_found[country])]
        top = max(rows, key=lambda r: (r.mentions, r.canonical))
        merged[top.canonical] = replace(
            top,
            articles=sum(row.articles for row in rows),
            mentions=sum(row.mentions for row in rows),
        )
    return merged


def _other_country_mentions(
    library: Library, bare: str, country: str, seen: dict[str, list[EntityCount]]
) -> dict[str, int]:
    """Mentions of ``bare`` written with another country than ``country`` (an index
    lookup by last word), by country, besides the rows already counted in ``seen``."""
    counted = {row.canonical for rows in seen.values() for row in rows}
    found: dict[str, int] = defaultdict(int)
    for folded, name, mentions in library.query(
        "SELECT canonical, name, sum(mentions) FROM entity_totals "
        f"WHERE type IN ({namesakes.ANY_TYPE}) AND last_word = ? AND canonical != ? "
        "GROUP BY canonical",
        [bare.rsplit(" ", 1)[-1], bare],
    ):
        if str(folded) in counted:
            continue
        split = _split_country(str(name))
        if split is not None and split[0] != country and canonical_key(split[1]) == bare:
            found[split[0]] += int(mentions)
    return found


def _co_mentioned(library: Library, bare: str, country: str) -> int:
    """Articles naming ``bare`` that also name ``country``."""
    rows = library.query(
        "SELECT count(DISTINCT a.key) FROM mentions a WHERE a.canonical = ? AND EXISTS "
        "(SELECT 1 FROM mentions b WHERE b.key = a.key AND b.canonical = ?)",
        [bare, country],
    )
    return int(rows[0][0] or 0) if rows else 0


def _same_people(merged: dict[str, EntityCount]) -> dict[str, EntityCount]:
    """One row per person however a full name is written: ``Ivan F. Boesky`` counts with
    ``Ivan Boesky``, ``Dan Amstutz`` with ``Daniel Amstutz`` (see
    ``identity.same_person_groups``), shown by the name with most mentions."""
    people = [canonical for canonical, row in merged.items() if row.type == "PER"]
    groups = _unions(identity.same_person_groups(people) + _more_forms(people))
    for group in groups:
        rows = sorted((merged[name] for name in group), key=lambda r: (-r.mentions, r.canonical))
        top = rows[0]
        for name in group:
            del merged[name]
        merged[top.canonical] = replace(
            top,
            articles=max(row.articles for row in rows),
            mentions=sum(row.mentions for row in rows),
        )
    return merged


def _unions(groups: list[list[str]]) -> list[list[str]]:
    """Groups sharing a name joined: "Hillary R. Clinton" ~ "Hillary Clinton" (initials)
    and "Hillary Clinton" ~ "Hillary Rodham Clinton" (a middle name) are one person."""
    joined: list[set[str]] = []
    for group in groups:
        members = set(group)
        for other in [g for g in joined if g & members]:
            members |= other
            joined.remove(other)
        joined.append(members)
    return [sorted(members) for members in joined]


_VOWELS = re.compile("[aeiouy]")


@cache
def _given_keys() -> frozenset[str]:
    """The known given names as ``canonical_key`` spells them ("Billy" is "bili")."""
    names = gazetteers().first_names
    return frozenset(canonical_key(n) for n in names) | names | identity.known_given_names()


def _more_forms(people: list[str]) -> list[list[str]]:
    """Two more ways one person's full name is written, when the given names say so:

    - a second surname dropped ("Javier Nogales" of "Javier Nogales Iturri"), when the
      word after the given name is no given name itself (so "John Paul" is not "John
      Paul Jones");
    - a middle (maiden) name dropped ("Hillary Clinton" of "Hillary Rodham Clinton"),
      on the same condition (so "John Jones" is not "John Paul Jones");
    - a given name romanised with other vowels ("Ayad Allawi", "Iyad Allawi"), when
      neither form is a known English given name (so "Dan" is never "Don");
    - a nickname before a full name the library knows ("Sugar Shane Mosley" of "Shane
      Mosley"), when the word before it is no given name.
    """
    given = _given_keys()
    groups: list[list[str]] = []
    taken: set[str] = set()
    by_two: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in people:
        words = name.split()
        if len(words) == 3 and words[1] not in given and len(words[1]) > 2:
            by_two[words[0], words[1]].append(name)
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in people:
        words = name.split()
        if len(words) == 3 and words[1] not in given and len(words[1]) > 2:
            by_ends[words[0], words[2]].append(name)
    for name in people:
        words = name.split()
        longer = by_two.get((words[0], words[1]), []) if len(words) == 2 else []
        if len(longer) == 1 and longer[0] not in taken and name not in taken:
            groups.append([name, longer[0]])
            taken |= {name, longer[0]}
    for name in people:  # "Hillary Clinton" of "Hillary Rodham Clinton" (groups are joined)
        words = name.split()
        longer = by_ends.get((words[0], words[1]), []) if len(words) == 2 else []
        if len(longer) == 1:
            groups.append([name, longer[0]])
            taken |= {name, longer[0]}
    present = set(people)
    for name in people:  # "Sugar Shane Mosley" of "Shane Mosley": a ring name before it
        words = name.split()
        if (
            len(words) == 3
            and words[0] not in given
            and (shorter := " ".join(words[1:])) in present
        ):
            groups.append([name, shorter])
            taken |= {name, shorter}
    by_skeleton: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in people:
        words = name.split()
        if name in taken or len(words) != 2 or words[0] in given or len(words[0]) < 3:
            continue
        by_skeleton[_VOWELS.sub("", words[0]), words[1]].append(name)
    groups += [names for names in by_skeleton.values() if len(names) > 1]
    return groups


def _typed_rows(
    library: Library, canonicals: Sequence[str]
) -> dict[str, list[tuple[str, str, int, int]]]:
    """Every (name, type, articles, mentions) row of each entity key, shown by the name
    most of its mentions are stored under (see ``_commonest_names``)."""
    grouped = _totals(library, canonicals)
    names = _commonest_names(library, list(grouped))
    return {
        canonical: [(names.get(canonical, row[0]), *row[1:]) for row in rows]
        for canonical, rows in grouped.items()
    }


def _totals(
    library: Library, canonicals: Sequence[str]
) -> dict[str, list[tuple[str, str, int, int]]]:
    """Every (stored name, type, articles, mentions) row of ``entity_totals`` for each key."""
    grouped: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for chunk_start in range(0, len(canonicals), 500):
        chunk = canonicals[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for found, name, kind, articles, mentions in library.query(
            "SELECT canonical, name, type, articles, mentions FROM entity_totals "
            f"WHERE canonical IN ({marks})",
            list(chunk),
        ):
            grouped[str(found)].append((str(name), str(kind), int(articles), int(mentions)))
    return grouped


def _commonest_names(library: Library, canonicals: Sequence[str]) -> dict[str, str]:
    """The name most mentions of each entity key are stored under.

    ``entity_totals.name`` is the name of the first article that counted the
    entity: ``Rossiya`` (an English text's TV channel) for the 300 ``Россия``
    mentions, or ``Россия`` for 4,000 mentions of ``Russia`` written in English.
    The rows show the commonest name instead, so its script is the one most
    mentions are written in.
    """
    counted: dict[str, Counter[str]] = defaultdict(Counter)
    for chunk_start in range(0, len(canonicals), 500):
        chunk = canonicals[chunk_start : chunk_start + 500]
        marks = ",".join("?" * len(chunk))
        for found, name, mentions in library.query(
            "SELECT canonical, name, sum(count) FROM mentions "
            f"WHERE canonical IN ({marks}) GROUP BY canonical, name",
            list(chunk),
        ):
            counted[str(found)][str(name)] += int(mentions)
    return {
        canonical: max(names.items(), key=lambda item: (item[1], item[0]))[0]
        for canonical, names in counted.items()
        if names
    }


def decide_type(name: str, typed: dict[str, int]) -> str:
    """The one type of an entity across the library.

    A name on the shipped lists has its listed type, whatever the tagger said
    about any mention (``Kyiv`` is a place, ``Volodymyr Zelenskyy`` a person).
    Otherwise the type with most mentions wins; the mentions' types are already
    corrected by the words around them ("President X", "in X", "X region"; see
    ``refine.decide_types``), so the tagger's unaided guesses rarely decide.
    MISC (nationalities, events) is kept apart from the other three.
    """
    listed = identity.listed_type(name) or listed_type(name)
    if listed is not None:
        return listed
    if not typed:
        return "MISC"
    order = ("PER", "LOC", "ORG", "MISC")  # ties: a lone name is most often a surname
    if name.isupper() and 2 <= len(name) <= 5:
        order = ("ORG", "LOC", "PER", "MISC")  # an abbreviation's: "ICO" PER 6, ORG 6
    return max(typed, key=lambda kind: (typed[kind], -order.index(kind) if kind in order else -9))


def _one_row(canonical: str, rows: list[tuple[str, str, int, int]]) -> EntityCount:
    typed: dict[str, int] = defaultdict(int)
    for _, kind, _, mentions in rows:
        typed[kind] += mentions
    shown = max(rows, key=lambda row: row[3])[0]
    name = identity.preferred_name(shown)
    kind = decide_type(name, typed)
    if kind == "ORG" and _person_in_more_articles(canonical, name, rows):
        kind = "PER"
    # An article typing one entity two ways has a row under each type: the most any one
    # type has is the floor, the sum the ceiling; the sum would count it twice.
    articles = max(row[2] for row in rows)
    return EntityCount(canonical, name, kind, articles, sum(row[3] for row in rows))


def _person_in_more_articles(
    canonical: str, name: str, rows: list[tuple[str, str, int, int]]
) -> bool:
    """Whether a full name the mentions' vote makes an organisation is a person named in
    more articles: "Ivan Boesky" typed PER in six articles and ORG in the one that names
    his firm "Ivan F. Boesky and Co" (sixteen mentions, all taken for the firm's). One
    article's company evidence covers all its mentions, so its mentions outvote the
    articles that name the person; the articles decide instead when the person's are at
    least three and twice the organisation's, with half its mentions."""
    words = name.split()
    if len(words) < 2 or identity.listed_type(name) or listed_type(name):
        return False
    if canonical.split()[0] not in _given_keys() or any(_org_word(word) for word in words):
        return False  # "Vivendi Universal", typed PER in more articles, is no person
    per = [(articles, mentions) for _, kind, articles, mentions in rows if kind == "PER"]
    org = [(articles, mentions) for _, kind, articles, mentions in rows if kind == "ORG"]
    if not per or not org:
        return False
    per_articles, per_mentions = max(a for a, _ in per), sum(m for _, m in per)
    org_articles, org_mentions = max(a for a, _ in org), sum(m for _, m in org)
    return (
        per_articles >= 3 and per_articles >= 2 * org_articles and 2 * per_mentions >= org_mentions
    )


def _org_word(word: str) -> bool:
    plain = word.lower().rstrip(".,")
    return plain in gazetteers().org_words or is_company_head(plain)


def entity_types(library: Library, names: Iterable[str]) -> dict[str, str]:
    """The library-wide type of each name, keyed by its ``canonical_key``.

    What the reading pane colours a mention by, so that one entity has one
    colour in every article. Names the library does not know are left out.
    """
    keys = sorted({folded for folded in map(canonical_key, names) if folded})
    grouped = _typed_rows(library, keys)
    rows = {canonical: _one_row(canonical, found) for canonical, found in grouped.items()}
    for canonical in _untitled(library, [r for r in rows.values() if r.type == "PER"]):
        full = _people(
            library,
            [
                n
                for n in namesakes.full_names(library, canonical, limit=8)
                if n != canonical and could_be_person(n)
            ],
        )
        if _owner(library, full) is None:
            rows[canonical] = replace(rows[canonical], type="ORG")
    for canonical, kind in _companies(
        library, [r for r in rows.values() if r.type == "PER"]
    ).items():
        rows[canonical] = replace(rows[canonical], type=kind)
    return {canonical: row.type for canonical, row in rows.items()}


def with_library_types(library: Library, article: Article) -> Article:
    """``article`` with each entity mention typed as the library types that entity.

    For display: the reading pane colours one entity one way in every article.
    An unreadable library leaves the article as stored.
    """
    return next(iter(library_typed(library, [article])))


def library_typed(
    library: Library, articles: Iterable[Article], batch: int = 500
) -> Iterator[Article]:
    """``articles`` (a stream) with every mention typed as the library types its entity,
    the types looked up once per ``batch`` articles.

    What the search index reads, so that ``person:`` and ``place:`` find an entity by
    its one library-wide type (the type as the library knows it when the article is
    indexed; a rebuild brings older articles up to date). A reader's own type
    correction stands; an unreadable library leaves the articles as stored.
    """
    pending: list[Article] = []
    known: dict[str, str] = {}  # names recur from batch to batch: each is looked up once
    for article in articles:
        pending.append(article)
        if len(pending) >= batch:
            yield from _typed_batch(library, pending, known)
            pending = []
    if pending:
        yield from _typed_batch(library, pending, known)


def _typed_batch(library: Library, articles: list[Article], known: dict[str, str]) -> list[Article]:
    names = {e.canonical for article in articles for e in article.entities}
    if not names:
        return articles
    try:
        new = [name for name in names if canonical_key(name) not in known]
        if new:
            known.update(entity_types(library, new))
        corrections = library.corrections()
    except LibraryError:
        return articles
    types = known

    def typed(entity: Entity) -> Entity:
        kind = types.get(canonical_key(entity.canonical), entity.type)
        if kind == entity.type:
            return entity
        resolved = corrections.resolve(entity.canonical) if corrections.by_key else None
        if resolved is not None and resolved.type:
            return entity  # the reader's own correction stands
        return replace(entity, type=kind)

    result = []
    for article in articles:
        entities = tuple(typed(e) for e in article.entities)
        result.append(
            article if entities == article.entities else replace(article, entities=entities)
        )
    return result


def entity_variants(library: Library, name: str, limit: int = 20) -> list[str]:
    """How the library writes the entity ``name``, most used first, without ``name`` itself.

    Spellings seen in articles (``Kiev``, ``Zelensky``; the surname alone when it
    is linked to this one person), the shown name excluded. For "also written: ...".
    """
    counts: dict[str, int] = defaultdict(int)
    side = namesakes.side_of(library, canonical_key(name), name)
    for folded in _keys(library, name, people_only=False):
        for variant, mentions in library.query(
            "SELECT variant, mentions FROM entity_variants WHERE canonical = ? "
            "ORDER BY mentions DESC LIMIT ?",
            [folded, 4 * limit],
        ):
            if side is not None and namesakes.cyrillic(str(variant)) != side:
                continue  # the namesake's spellings
            counts[str(variant)] += int(mentions)
    shown = {" ".join(name.split()).casefold(), identity.preferred_name(name).casefold()}
    ranked = sorted(counts, key=lambda v: (-counts[v], v))
    return [variant for variant in ranked if variant.casefold() not in shown][:limit]


def _owner(library: Library, full_names: list[str]) -> str | None:
    """The one person a surname alone means in this library, if the evidence says so.

    One full name: that person. Several: the one who has at least ten times the
    mentions of all the others together, in at least five articles ("Biden" is
    Joe Biden when Jill Biden is named once), or who is named in five articles
    when the others share a single article, or in three articles with twice the
    mentions of the others when each of them is named in one article only ("Reagan"
    is Ronald Reagan beside Nancy Reagan once); otherwise nobody, so two people with
    one surname and similar prominence are never merged.
    """
    if len(full_names) == 1:
        return full_names[0]
    if not full_names:
        return None
    grouped = _typed_rows(library, full_names)
    for group in identity.same_person_groups(list(grouped)):  # one person, written two ways
        top = max(group, key=lambda name: (sum(row[3] for row in grouped[name]), name))
        for name in group:
            if name != top:
                grouped[top] = grouped[top] + grouped.pop(name)
    if len(grouped) <= 1:  # "Thomas Perez" and "Thomas E. Perez": one person
        return next(iter(grouped), None)
    totals = {
        name: (sum(row[3] for row in rows), max(row[2] for row in rows))
        for name, rows in grouped.items()
    }
    ranked = sorted(totals, key=lambda name: -totals[name][0])
    top, others = ranked[0], sum(totals[name][0] for name in ranked[1:])
    other_articles = sum(totals[name][1] for name in ranked[1:])
    # Namesakes each named in a single article ("Nancy Reagan" once, a tagging slip once)
    # beside a person named in three or more with twice their mentions together.
    if (
        all(totals[name][1] == 1 for name in ranked[1:])
        and totals[top][1] >= 3
        and totals[top][0] >= 2 * others
    ):
        return top
    if totals[top][1] < 5:
        return None
    # Namesakes named in one article between them are not comparable to a person
    # named in five or more: "Bush" is George W. Bush when Jeb Bush appears once
    # and George's mentions, though more, are not ten times Jeb's.
    if totals[top][0] >= 10 * others or (other_articles == 1 and totals[top][1] >= 5):
        return top
    return None


def _owns_surname(folded: str) -> bool:
    """Whether a full name may be the one a surname alone stands for: a person's name
    (``could_be_person``) not opening with a people's adjective ("Muslim Ban" is no
    full name of Ban Ki-moon's "Ban"), unless the adjective is a given name too."""
    first = folded.split()[0] if folded else ""
    gaz = gazetteers()
    return could_be_person(folded) and (first not in gaz.demonyms or first in _given_keys())


# A name written surname first, before a hyphenated given name: "Ban Ki-moon",
# "Kim Dae-jung", "Roh Moo-hyun".
_SURNAME_FIRST = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+")


def _surname_first(library: Library, surname: str) -> list[str]:
    """The people's keys the library writes with ``surname`` first and a hyphenated given
    name after it ("Ban Ki-moon" for "Ban"): their surname alone is their first word."""
    rows = library.query(
        "SELECT DISTINCT v.canonical, v.variant FROM entity_totals e JOIN entity_variants v "
        "ON v.canonical = e.canonical WHERE e.canonical > ? AND e.canonical < ? "
        "AND e.type = 'PER' LIMIT 40",
        [surname + " ", surname + " \uffff"],
    )
    return sorted({str(c) for c, name in rows if _SURNAME_FIRST.fullmatch(str(name))})


def _first_name_owner(library: Library, first: str) -> str | None:
    """The one person a given name alone means in this library ("Hillary" is Hillary
    Clinton): the person ``_owner`` finds among the people named in full with that given
    name, when at least half the articles naming the given name alone also name that
    person's surname (a "Bob" in an article naming no Dole is not Bob Dole)."""
    opening = library.query(
        "SELECT DISTINCT canonical FROM entity_totals WHERE canonical > ? AND canonical < ? "
        "LIMIT 40",
        [first + " ", first + " \uffff"],
    )
    full = _people(library, [str(name) for (name,) in opening if could_be_person(str(name))])
    owner = _owner(library, full)
    if owner is None:
        return None
    surname = owner.rsplit(" ", 1)[-1]
    rows = library.query(
        "SELECT count(DISTINCT a.key), count(DISTINCT b.key) FROM mentions a LEFT JOIN "
        "mentions b ON b.key = a.key AND b.canonical IN (?, ?) WHERE a.canonical = ?",
        [owner, surname, first],
    )
    alone, with_surname = (int(rows[0][0] or 0), int(rows[0][1] or 0)) if rows else (0, 0)
    return owner if alone and 2 * with_surname >= alone else None


def _owner_by_company(library: Library, surname: str, full_names: list[str]) -> str | None:
    """The person a surname alone means, told by the company it keeps: the full name
    whose articles name what the surname's articles name ("Bush" beside John Kerry and
    Iraq is George W. Bush, not Reggie Bush of the USC football report).

    For full names too thinly named for ``_owner`` to decide. A full name (with its
    other written forms, ``identity.same_person_groups``) owns the surname when the
    articles naming the surname alone share another entity with its articles at least
    three times as often as with each other person's, in at least three articles and
    at least a third of them; otherwise nobody.
    """
    people = _people(library, full_names)
    if len(people) < 2:
        return None
    groups = identity.same_person_groups(people)
    grouped = [name for group in groups for name in group]
    groups += [[name] for name in people if name not in grouped]
    support: dict[str, int] = {}
    for group in groups:
        marks = ",".join("?" * len(group))
        rows = library.query(
            "SELECT count(DISTINCT b.key) FROM mentions b WHERE b.canonical = ? AND EXISTS "
            "(SELECT 1 FROM mentions o WHERE o.key = b.key AND o.canonical != b.canonical "
            f"AND o.canonical NOT LIKE ? AND o.canonical IN (SELECT m2.canonical FROM mentions m1 "
            f"JOIN mentions m2 ON m2.key = m1.key WHERE m1.canonical IN ({marks})))",
            [surname, f"% {_escape_like(surname)}", *group],
        )
        top = max(group, key=lambda name: (_mentions(library, name), name))
        support[top] = int(rows[0][0] or 0) if rows else 0
    ranked = sorted(support, key=lambda name: (-support[name], name))
    best, runner_up = support[ranked[0]], support[ranked[1]]
    articles = library.query(
        "SELECT count(DISTINCT key) FROM mentions WHERE canonical = ?", [surname]
    )
    bare = int(articles[0][0] or 0) if articles else 0
    if best >= 3 and 3 * best >= bare and best >= 3 * runner_up:
        return ranked[0]
    return None


def _mentions(library: Library, canonical: str) -> int:
    """Mentions of one entity key under every type."""
    rows = library.query("SELECT sum(mentions) FROM entity_totals WHERE canonical = ?", [canonical])
    return int(rows[0][0] or 0) if rows else 0


def _people(library: Library, names: list[str]) -> list[str]:
    """The ``names`` the library types as people."""
    if not names:
        return []
    grouped = _typed_rows(library, names)
    return [
        name for name in names if name in grouped and _one_row(name, grouped[name]).type == "PER"
    ]


def _namesakes(library: Library, full_names: list[str]) -> bool:
    """Whether two or more people the library names in full in two articles or more share
    the surname: a row for the surname alone would be several people."""
    people = [
        name
        for name, rows in _typed_rows(library, full_names).items()
        if _one_row(name, rows).type == "PER" and max(row[2] for row in rows) >= 2
    ]
    return len(people) >= 2


def speaker_counts(library: Library, limit: int = 100, match: str = "") -> list[SpeakerCount]:
    """The most-quoted speakers, optionally matching text.

    A speaker named by surname alone in some articles ("President Zelenskyy said")
    counts with the one person the library knows by that surname (the evidence
    ``entity_counts`` uses: never two people who share a surname).
    """
    where, params = "", []
    if folded := canonical_key(match):
        where = "WHERE canonical LIKE ? ESCAPE '\\'"
        params.append(f"%{_escape_like(folded)}%")
    rows = library.query(
        f"SELECT canonical, name, articles, quotes FROM speaker_totals {where} "
        "ORDER BY quotes DESC, articles DESC, canonical LIMIT ?",
        [*params, 4 * limit + 40],
    )
    merged = {str(c): SpeakerCount(str(c), str(n), int(a), int(q)) for c, n, a, q in rows}
    for canonical, row in list(merged.items()):
        if len(canonical.split()) == 2 and canonical.split()[0] not in _given_keys():
            # "Shankar Prasad": a speaker's name opening with no given name, the end of
            # the one person's full name the library knows ("Ravi Shankar Prasad")
            longer = [
                name
                for name in namesakes.full_names(library, canonical.rsplit(" ", 1)[-1], limit=8)
                if name.endswith(" " + canonical)
                and could_be_person(name)
                and not is_role_word(name.split()[0])  # "Shri Narendra Modi" is no longer name
            ]
            longer = _people(library, longer)
            if len(longer) == 1:
                base = merged.get(longer[0]) or _speaker_row(library, longer[0])
                del merged[canonical]
                merged[longer[0]] = replace(
                    base, articles=base.articles + row.articles, quotes=base.quotes + row.quotes
                )
            continue
        if " " in canonical or is_listed(row.name) or identity.lookup(row.name) is not None:
            continue
        full = [
            name
            for name in namesakes.full_names(library, canonical, people_only=True, limit=8)
            if name != canonical and _owns_surname(name)
        ]
        full = _people(library, full or _surname_first(library, canonical))
        owner = _owner(library, full)
        if owner is None:
            if _namesakes(library, full):
                del merged[canonical]  # quoted as "Baker": which Baker is not known
            continue
        base = merged.get(owner) or _speaker_row(library, owner)
        del merged[canonical]
        merged[owner] = replace(
            base, articles=base.articles + row.articles, quotes=base.quotes + row.quotes
        )
    for group in identity.same_person_groups(list(merged)):  # "Dan Amstutz", "Daniel Amstutz"
        same = sorted((merged.pop(name) for name in group), key=lambda r: (-r.quotes, r.canonical))
        merged[same[0].canonical] = replace(
            same[0],
            articles=max(row.articles for row in same),
            quotes=sum(row.quotes for row in same),
        )
    split = namesakes.split_keys(library, [c for c in merged if " " in c])
    for canonical in split:  # Александр Козлов / Alexander Kozlov: two speakers
        merged |= _namesake_speakers(library, merged.pop(canonical))
    ranked = sorted(merged.values(), key=lambda r: (-r.quotes, -r.articles, r.canonical))
    # A place or a nationality never speaks ("SEOUL" of a dateline, "Cincinnati" of a
    # results table): rows the library types so are left out.
    types = entity_types(library, [row.name for row in ranked[: 2 * limit + 20]])
    ranked = [row for row in ranked if types.get(row.canonical) not in ("LOC", "MISC")]
    # Shown by the entity's commonest name, as in the entities list (Сергей Собянин in both).
    shown = _commonest_names(library, [row.canonical for row in ranked[:limit]])
    return [
        row if row.canonical in split else replace(row, name=shown.get(row.canonical, row.name))
        for row in ranked[:limit]
    ]


def _namesake_speakers(library: Library, row: SpeakerCount) -> dict[str, SpeakerCount]:
    """A speaker key that is two people in two scripts (see ``_namesake_rows``): one row
    per script quoted in, each with its own quotes."""
    names: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    articles: dict[bool, set[int]] = {True: set(), False: set()}
    for key, speaker in library.query(
        "SELECT key, speaker FROM quoted WHERE speaker_canonical = ?", [row.canonical]
    ):
        side = namesakes.cyrillic(str(speaker))
        names[side][str(speaker)] += 1
        articles[side].add(int(key))
    if not names[True] or not names[False]:
        return {row.canonical: row}
    minor = min((True, False), key=lambda side: (sum(names[side].values()), side))
    quotes = sum(names[minor].values())
    main = replace(
        row, name=names[not minor].most_common(1)[0][0],
        articles=max(row.articles - len(articles[minor]), 1), quotes=max(row.quotes - quotes, 1),
    )  # fmt: skip
    other = replace(
        row, name=names[minor].most_common(1)[0][0], articles=len(articles[minor]), quotes=quotes
    )
    return {row.canonical: main, f"{row.canonical}\n{other.name}": other}


def _speaker_row(library: Library, canonical: str) -> SpeakerCount:
    """``canonical``'s speaker totals (zero when only their surname was quoted), shown by
    the name the library uses for them."""
    rows = library.query(
        "SELECT name, articles, quotes FROM speaker_totals WHERE canonical = ?", [canonical]
    )
    if rows:
        name, articles, quotes = rows[0]
        return SpeakerCount(canonical, str(name), int(articles), int(quotes))
    named = library.query(
        "SELECT name FROM entity_totals WHERE canonical = ? ORDER BY mentions DESC LIMIT 1",
        [canonical],
    )
    return SpeakerCount(canonical, str(named[0][0]) if named else canonical, 0, 0)


def articles_mentioning(
    library: Library, canonical: str, limit: int = 500
) -> list[tuple[int, str]]:
    """Articles mentioning ``canonical``, newest first, with the sentence of the first mention.

    Any spelling finds the entity (``Песков``, ``peskov``); a surname alone finds
    the one full name ending with it. Only the ``limit`` newest rows are read
    (an index scan), so an entity in 80,000 articles is as quick as one in ten.
    """
    newest: dict[int, tuple[str, int]] = {}  # key -> (date, first mention)
    side = namesakes.side_of(library, canonical_key(canonical), canonical)
    for folded in _keys(library, canonical):
        # One row per (entity type, article): four types at most, so 4 x limit rows hold
        # the limit newest articles.
        for key, date, first, name in library.query(
            "SELECT key, date, first, name FROM mentions WHERE canonical = ? "
            "ORDER BY date DESC, key DESC LIMIT ?",
            [folded, 4 * limit],
        ):
            if side is not None and namesakes.cyrillic(str(name)) != side:
                continue  # the namesake written in the other script
            seen = newest.get(int(key))
            if seen is None or int(first) < seen[1]:
                newest[int(key)] = (str(date), int(first))
    order = sorted(newest, key=lambda k: (newest[k][0], k), reverse=True)[:limit]
    windows = {key: max(0, newest[key][1] - _CONTEXT) for key in order}
    texts = _excerpts(library, [(key, windows[key], 2 * _CONTEXT) for key in order])
    return [
        (key, sentence_at(texts[key, windows[key]], newest[key][1] - windows[key]))
        for key in order
        if (key, windows[key]) in texts
    ]


def quotes_by(library: Library, canonical: str, limit: int = 500) -> list[QuoteRecord]:
    """Every quote by ``canonical`` (any spelling, or the surname alone), newest first."""
    rows: list[tuple[str, int, int, int, str, str | None]] = []
    side = namesakes.side_of(library, canonical_key(canonical), canonical)
    for folded in _keys(library, canonical):
        for key, start, end, speaker, cue, date in library.query(
            "SELECT key, start, end, speaker, cue, date FROM quoted WHERE speaker_canonical = ? "
            "ORDER BY date DESC, key DESC, start LIMIT ?",
            [folded, limit],
        ):
            if side is not None and namesakes.cyrillic(str(speaker)) != side:
                continue  # the namesake written in the other script
            cue_text = cue if isinstance(cue, str) else None
            rows.append((str(date), int(key), int(start), int(end), str(speaker), cue_text))
    rows.sort(key=lambda row: (row[0], row[1], -row[2]), reverse=True)
    rows = rows[:limit]
    texts = _excerpts(library, [(key, start, end - start) for _, key, start, end, _, _ in rows])
    return [
        QuoteRecord(key, start, end, texts[key, start], speaker, cue)
        for _, key, start, end, speaker, cue in rows
        if (key, start) in texts
    ]


def _excerpts(
    library: Library, wanted: Sequence[tuple[int, int, int]]
) -> dict[tuple[int, int], str]:
    """``body[start:start + length]`` for each ``(key, start, length)`` of an enriched
    article (an article edited since its enrichment is left out: its offsets are stale)."""
    found: dict[tuple[int, int], str] = {}
    for chunk_start in range(0, len(wanted), 300):
        chunk = wanted[chunk_start : chunk_start + 300]
        values = ",".join(["(?, ?, ?)"] * len(chunk))
        rows = library.query(
            f"WITH w(key, start, length) AS (VALUES {values}) "
            "SELECT w.key, w.start, substr(a.body, w.start + 1, w.length) "
            "FROM w JOIN articles a ON a.key = w.key WHERE a.enriched = 1",
            [value for item in chunk for value in item],
        )
        for key, start, text in rows:
            found[int(key), int(start)] = str(text)
    return found


def lookup_keys(library: Library, name: str) -> list[str]:
    """The stored keys that ``name``'s rows in the views stand for (corrections use it to
    tell which entities a row already includes)."""
    return _keys(library, name)


def _keys(library: Library, name: str, *, people_only: bool = True) -> list[str]:
    """The keys under which ``name`` is stored: its own, plus the surname-only key of a
    person when the library knows one full name with that surname (``Peskov`` and
    ``Dmitry Peskov`` are one person until a second Peskov appears)."""
    folded = canonical_key(name)
    if not folded:
        return []
    words = folded.split()
    full_names = set(namesakes.full_names(library, words[-1], people_only=people_only))
    # Only a person's full name owns a surname alone: "Office of the President of Ukraine"
    # and "Heads of State/Government of Georgia" end with a country, but no article
    # writes them as "Ukraine" or "Georgia" (and a listed place is nobody's surname).
    full_names = {n for n in full_names if _person_like(n)}
    if len(words) == 1 and (identity.listed_type(name) or listed_type(name)) not in (None, "PER"):
        return [folded]
    if len(words) == 1:
        return [folded, *full_names] if len(full_names) == 1 else [folded]
    if full_names != {folded}:
        return [folded]
    if not people_only and entity_types(library, [name]).get(folded) != "PER":
        return [folded]  # "Единая Россия" is a party: "Россия" is no surname of it
    return [folded, words[-1]]


_NOT_IN_NAMES = frozenset({"of", "the", "and", "for", "on", "in", "at", "to"})


def _person_like(folded: str) -> bool:
    """Whether a key could be a person's full name: its first word could be a given name
    and no word is one that joins a body's or a place's name ("of", "the", "for")."""
    return could_be_person(folded) and not any(word in _NOT_IN_NAMES for word in folded.split())


def sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` around offset ``at``, on one line."""
    at = max(0, min(at, len(text)))
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, at):
        start = match.end()
    following = _SENTENCE_END.search(text, at)
    end = following.start() + len(following.group().rstrip()) if following else len(text)
    sentence = text[start:end]
    return " ".join(sentence.split())


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
