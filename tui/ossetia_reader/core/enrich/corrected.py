"""Library-wide views with the reader's corrections applied (see ``corrections``).

``store`` counts what enrichment found; these wrap its views so that a hidden
entity is left out, one merged into another adds up with it, and a retyped one
moves to its new type. The people screen, the entity view and the
``entities``/``quotes`` commands read these.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ossetia_reader.core.enrich import namesakes
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.corrections import (
    Correction,
    Corrections,
    Resolved,
    entity_key,
    load,
)
from ossetia_reader.core.enrich.views import EntityCount, QuoteRecord, SpeakerCount
from ossetia_reader.core.library import Library


def entity_counts(
    library: Library, type: str | None = None, limit: int = 100, match: str = ""
) -> list[EntityCount]:
    """``views.entity_counts`` with the reader's corrections applied.

    A hidden entity is left out; one merged into another adds its mentions to
    it (articles counted once); a retyped one moves to its new type (and so
    into or out of a ``type`` filter).
    """
    from ossetia_reader.core.enrich import views

    corrections = load(library)
    if not corrections:
        return views.entity_counts(library, type=type, limit=limit, match=match)
    wanted = type.upper() if type else None
    rows = views.entity_counts(library, type=type, limit=limit + len(corrections), match=match)
    # Keys the rows already stand for (a row may have absorbed a lone surname's).
    present = {key for row in rows for key in views.lookup_keys(library, row.name)}
    # Corrected entities and merge targets may qualify only after correcting.
    involved = set(corrections.by_key) | {
        entity_key(c.target) for c in corrections.by_key.values() if c.target
    }
    rows += _entity_rows(library, involved - present)
    groups: dict[str, list[EntityCount]] = {}
    heads: dict[str, Resolved] = {}
    split = {c for c, n in Counter(row.canonical for row in rows).items() if n > 1}
    for row in rows:
        resolved = corrections.resolve(row.name)
        if resolved is None:
            continue
        group = resolved.key
        if row.canonical in split and resolved.key == row.canonical:
            group += "\n" + row.name  # namesakes in two scripts (store: two rows, one key)
        groups.setdefault(group, []).append(row)
        heads.setdefault(group, resolved)
    folded_match = canonical_key(match)
    result: list[EntityCount] = []
    for group, members in groups.items():
        head = heads[group]
        key = head.key
        own = next((m for m in members if m.canonical == key), None)
        if folded_match and not any(folded_match in m.canonical for m in members):
            continue
        base = own or members[0]
        type_ = head.type or base.type
        if wanted and type_ != wanted:
            continue
        mentions = sum(m.mentions for m in members)
        articles = base.articles if len(members) == 1 else _distinct_articles(library, members)
        name = _main_script_name(own.name if own else head.name, members)
        result.append(replace(base, canonical=key, name=name, type=type_,
                              articles=articles, mentions=mentions))  # fmt: skip
    result.sort(key=lambda r: (-r.mentions, -r.articles, r.canonical))
    return result[:limit]


def _main_script_name(name: str, members: Sequence[EntityCount]) -> str:
    """``name``, unless most of a merged group's mentions are written in another script:
    then its biggest member in that script (``Москва`` merged into ``Moscow``)."""
    if len(members) < 2:
        return name
    by_script: dict[str, int] = {}
    for member in members:
        by_script[_script(member.name)] = by_script.get(_script(member.name), 0) + member.mentions
    main = max(by_script, key=lambda s: (by_script[s], s == _script(name)))
    if main == _script(name):
        return name
    return max((m for m in members if _script(m.name) == main), key=lambda m: m.mentions).name


def _entity_rows(library: Library, keys: Iterable[str]) -> list[EntityCount]:
    """One row per key from the totals (its commonest type), for entities outside a top list."""
    wanted = sorted(k for k in keys if k)
    if not wanted:
        return []
    marks = ",".join("?" * len(wanted))
    best: dict[str, EntityCount] = {}
    for canonical, name, type_, articles, mentions in library.query(
        "SELECT canonical, name, type, articles, mentions FROM entity_totals "
        f"WHERE canonical IN ({marks}) ORDER BY mentions DESC",
        wanted,
    ):
        row = EntityCount(str(canonical), str(name), str(type_), int(articles), int(mentions))
        if row.canonical in best:
            first = best[row.canonical]
            best[row.canonical] = replace(first, mentions=first.mentions + row.mentions,
                                          articles=max(first.articles, row.articles))  # fmt: skip
        else:
            best[row.canonical] = row
    return list(best.values())


def _distinct_articles(library: Library, members: Sequence[EntityCount]) -> int:
    keys = sorted({m.canonical for m in members})
    marks = ",".join("?" * len(keys))
    found = library.query(
        f"SELECT count(DISTINCT key) FROM mentions WHERE canonical IN ({marks})", keys
    )
    return max(int(found[0][0]), max(m.articles for m in members))


def speaker_counts(library: Library, limit: int = 100, match: str = "") -> list[SpeakerCount]:
    """``views.speaker_counts`` with the reader's corrections applied."""
    from ossetia_reader.core.enrich import views

    corrections = load(library)
    if not corrections:
        return views.speaker_counts(library, limit=limit, match=match)
    rows = views.speaker_counts(library, limit=limit + len(corrections), match=match)
    # Keys the rows already stand for (a row may have absorbed a lone surname's).
    present = {key for row in rows for key in views.lookup_keys(library, row.name)}
    involved = (
        set(corrections.by_key)
        | {entity_key(c.target) for c in corrections.by_key.values() if c.target}
    ) - present
    if involved:
        marks = ",".join("?" * len(involved))
        rows += [
            views.SpeakerCount(str(c), str(n), int(a), int(q))
            for c, n, a, q in library.query(
                f"SELECT canonical, name, articles, quotes FROM speaker_totals "
                f"WHERE canonical IN ({marks})",
                sorted(involved),
            )
        ]
    folded_match = canonical_key(match)
    groups: dict[str, list[SpeakerCount]] = {}
    heads: dict[str, Resolved] = {}
    for row in rows:
        resolved = corrections.resolve(row.name)
        if resolved is not None:
            groups.setdefault(resolved.key, []).append(row)
            heads.setdefault(resolved.key, resolved)
    result = []
    for key, members in groups.items():
        if folded_match and not any(folded_match in m.canonical for m in members):
            continue
        own = next((m for m in members if m.canonical == key), None)
        articles = (
            members[0].articles
            if len(members) == 1
            else _distinct_quoted(library, [m.canonical for m in members])
        )
        result.append(
            views.SpeakerCount(
                key,
                own.name if own else heads[key].name,
                articles,
                sum(m.quotes for m in members),
            )
        )
    result.sort(key=lambda r: (-r.quotes, -r.articles, r.canonical))
    return result[:limit]


def _distinct_quoted(library: Library, keys: Sequence[str]) -> int:
    marks = ",".join("?" * len(keys))
    found = library.query(
        f"SELECT count(DISTINCT key) FROM quoted WHERE speaker_canonical IN ({marks})", list(keys)
    )
    return int(found[0][0])


def articles_mentioning(library: Library, name: str, limit: int = 500) -> list[tuple[int, str]]:
    """``views.articles_mentioning`` over the entity and all merged into it, newest first.

    A hidden entity still lists its articles: the entity view shows it so the
    reader can undo the correction.
    """
    from ossetia_reader.core.enrich import views

    corrections = load(library)
    names = _lookup_names(corrections, name)
    if len(names) == 1:
        return views.articles_mentioning(library, names[0], limit=limit)
    found: dict[int, str] = {}
    for each in names:
        for key, sentence in views.articles_mentioning(library, each, limit=limit):
            found.setdefault(key, sentence)
    return [(key, found[key]) for key in _newest_first(library, list(found))][:limit]


def quotes_by(library: Library, name: str, limit: int = 500) -> list[QuoteRecord]:
    """``views.quotes_by`` over the entity and all merged into it, newest first."""
    from ossetia_reader.core.enrich import views

    corrections = load(library)
    names = _lookup_names(corrections, name)
    records = [r for each in names for r in views.quotes_by(library, each, limit=limit)]
    if len(names) > 1:
        newest = _newest_first(library, [r.key for r in records])
        order = {key: rank for rank, key in enumerate(newest)}
        records.sort(key=lambda r: (order.get(r.key, 0), r.start))
        records = list({(r.key, r.start): r for r in records}.values())
    resolved = corrections.resolve(name)
    if resolved is not None and corrections:
        records = [replace(r, speaker=resolved.name) for r in records]
    return records[:limit]


def _lookup_names(corrections: Corrections, name: str) -> list[str]:
    resolved = corrections.resolve(name)
    head = resolved.name if resolved is not None else name
    return list(dict.fromkeys(corrections.members(head)))


def _newest_first(library: Library, keys: Sequence[int]) -> list[int]:
    unique = sorted(set(keys))
    dates: dict[int, str] = {}
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for key, date in library.query(
            f"SELECT key, coalesce(date, '') FROM articles WHERE key IN ({marks})", chunk
        ):
            dates[int(key)] = str(date)
    return sorted(unique, key=lambda k: (dates.get(k, "") != "", dates.get(k, ""), k), reverse=True)


@dataclass(frozen=True, slots=True)
class EntityProfile:
    """What the entity view shows at its top: the name, its type and its other spellings."""

    key: str
    name: str  # in the script most of its mentions are written in
    type: str | None
    variants: tuple[str, ...]  # other spellings seen, commonest first
    correction: Correction | None  # the reader's own correction of this entity, if any
    merged: tuple[str, ...]  # entities the reader merged into this one
    head: str = ""  # the name the reader's corrections call it (a merge's target)
    articles: int = 0  # articles mentioning it (all of them, not only those listed)
    quotes: int = 0  # quotes by it


def profile(library: Library, name: str, type_: str | None = None) -> EntityProfile:
    """The entity ``name`` now is, with every spelling the library has seen for it.

    Spellings are what the core reports (``views.entity_variants``: the text of
    each mention, in any script, and the full names articles gave), so whatever
    enrichment decides is the same entity (transliterations, inflections it
    normalised, a surname it linked) shows here without this module knowing how.
    The name shown is in the script most mentions are written in: the name
    asked for when it is in that script, else the commonest full name in it.
    """
    from ossetia_reader.core.enrich import views

    corrections = load(library)
    resolved = corrections.resolve(name)
    head = resolved.name if resolved is not None else name
    members = list(dict.fromkeys([head, *corrections.members(head)]))
    lookup = sorted(
        {k for m in members for k in views.lookup_keys(library, m)}
        | {entity_key(m) for m in members}
    )
    marks = ",".join("?" * len(lookup))
    full: dict[str, int] = {}  # the full name each article gave, with its mentions
    votes: dict[str, int] = {}
    for shown, kind, count in library.query(
        f"SELECT name, type, sum(count) FROM mentions WHERE canonical IN ({marks}) "
        "GROUP BY name, type",
        lookup,
    ):
        full[str(shown)] = full.get(str(shown), 0) + int(count)
        votes[str(kind)] = votes.get(str(kind), 0) + int(count)
    for shown, count in library.query(
        f"SELECT speaker, count(*) FROM quoted WHERE speaker_canonical IN ({marks}) "
        "GROUP BY speaker",
        lookup,
    ):
        full[str(shown)] = full.get(str(shown), 0) + int(count)
    written = dict(full)  # how mentions are written, where the core keeps that
    for variant, count in library.query(
        f"SELECT variant, sum(mentions) FROM entity_variants WHERE canonical IN ({marks}) "
        "GROUP BY variant",
        lookup,
    ):
        written[str(variant)] = max(written.get(str(variant), 0), int(count))
    side = namesakes.side_of(library, entity_key(head), head)
    if side is not None:  # the same name in the other script is another person
        full = {n: c for n, c in full.items() if namesakes.cyrillic(n) == side}
        written = {n: c for n, c in written.items() if namesakes.cyrillic(n) == side}
    shown_name = _in_main_script(head, written, full)
    decided = views.entity_types(library, [head]).get(entity_key(head))
    type_out: str | None
    if resolved is not None and resolved.type:
        type_out = resolved.type
    else:
        type_out = decided or (max(votes, key=lambda t: (votes[t], t)) if votes else type_)
    reported = [v for m in members for v in views.entity_variants(library, m)]
    seen = {shown_name.casefold()}
    variants: list[str] = []
    for variant in [*reported, *sorted(full, key=lambda v: (-full[v], v))]:
        if variant.casefold() not in seen and not any(
            _inflected(variant, other) for other in [shown_name, *variants]
        ):
            seen.add(variant.casefold())
            variants.append(variant)
    return EntityProfile(
        entity_key(head),
        shown_name,
        type_out,
        tuple(variants),
        corrections.get(name) or corrections.get(head),
        tuple(m for m in members if entity_key(m) != entity_key(head)),
        head,
        _count_on_side(
            library,
            f"SELECT key, name FROM mentions WHERE canonical IN ({marks}) GROUP BY key, name",
            lookup,
            side,
        ),
        _count_on_side(
            library,
            f"SELECT rowid, speaker FROM quoted WHERE speaker_canonical IN ({marks})",
            lookup,
            side,
        ),
    )


def _count_on_side(library: Library, sql: str, keys: list[str], side: bool | None) -> int:
    """How many distinct first columns ``sql`` finds, written in the script ``side`` says
    (both when ``None``): a namesake in the other script is not counted."""
    rows = library.query(sql, keys)
    return len({row[0] for row in rows if side is None or namesakes.cyrillic(str(row[1])) == side})


def _inflected(variant: str, name: str) -> bool:
    """Whether ``variant`` is ``name`` in another grammatical case (``Москвы``,
    ``Дмитрия Пескова``, or ``Путина`` beside ``Putin``): Cyrillic words that differ
    from the name (or its transliteration) only in their last letters. Those are
    not other spellings, so "also written" leaves them out; ``Путин`` stays."""
    if _script(variant) != "cyrillic":
        return False
    if _script(name) == "cyrillic":
        words, name_words = variant.casefold().split(), name.casefold().split()
    else:
        words, name_words = entity_key(variant).split(), entity_key(name).split()
        if words == name_words:
            return False  # the same name in the other script: a spelling worth showing
    if not words or len(words) != len(name_words):
        return False
    for word, base in zip(words, name_words, strict=True):
        stem = max(3, min(len(word), len(base)) - 2)
        if len(word) < 4 or word[:stem] != base[:stem] or abs(len(word) - len(base)) > 2:
            return False
    return True


def _script(text: str) -> str:
    """The script of a name's letters: "cyrillic", "georgian" or "latin"."""
    for char in text:
        if "\u0400" <= char <= "\u04ff":
            return "cyrillic"
        if "\u10a0" <= char <= "\u10ff":
            return "georgian"
    return "latin"


def _in_main_script(head: str, written: Mapping[str, int], full: Mapping[str, int]) -> str:
    """``head`` when most mentions are written in its script, else the commonest full
    name in the script they are written in (``head`` when there is none)."""
    if not written:
        return head
    by_script: dict[str, int] = {}
    for shown, count in written.items():
        by_script[_script(shown)] = by_script.get(_script(shown), 0) + count
    main = max(by_script, key=lambda s: (by_script[s], s == "latin"))
    if _script(head) == main:
        return head
    in_main = [s for s in full if _script(s) == main]
    return max(in_main, key=lambda s: (full[s], s)) if in_main else head
