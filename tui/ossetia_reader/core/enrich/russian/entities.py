"""Russian entities: trimmed spans, nominative canonical names, short mentions linked.

The canonical name of every mention is its nominative (``morph.py``), and a
person named by surname alone (``Пескова``) takes the full name the article
gives (``Дмитрий Песков``) when exactly one full name has that surname. The
stem comparison (``stems.py``) sees through case endings, so ``Песковым``
finds ``Дмитрий Песков``; a surname two people in the article share stays
as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.russian.morph import known, nominative, singular_nominative
from ossetia_reader.core.enrich.russian.stems import stem

Span = tuple[int, int, str]
LABELS = frozenset({"PER", "LOC", "ORG"})
_MAX_NAME_CHARS = 200
_EDGE = "\"'«»„“”‘’()[]{}.,;:!?-–— \u00a0\t\n"


def build_entities(text: str, spans: Sequence[Span]) -> tuple[Entity, ...]:
    """Entities from raw spans: trimmed, de-overlapped, in the nominative, linked."""
    entities: list[Entity] = []
    last_end = -1
    fixed = _unchanging(text, [s for s in spans if s[2] == "PER"])
    for raw_start, raw_end, label in sorted(spans):
        if label not in LABELS:
            continue
        start, end = _trim(text, raw_start, raw_end)
        if end <= start or start < last_end or end - start > _MAX_NAME_CHARS:
            continue
        surface = text[start:end]
        # Editorial brackets ("[Владимиру] Путину") are not part of the name.
        clean = surface.replace("[", "").replace("]", "")
        canonical = nominative(clean, label, text[max(0, start - 6) : start], fixed)
        entities.append(Entity(start, end, surface, label, canonical))
        last_end = end
    return tuple(link(unify(entities)))


_CAPITALISED = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*(?![\w-])")


def _unchanging(text: str, people: Sequence[Span]) -> frozenset[str]:
    """Words of people's names that the article writes at least twice and always
    the same way, among all its words of the same stem, that the dictionary does
    not know, and that end in a vowel Russian does not decline: foreign names
    (``Нэнси Пелоси`` … ``Пелоси``, ``Хитли``), which the analyser would otherwise
    decline by guess (``Пелося``, ``Хитля``); and unknown words in -и, -о, -э
    even when seen once (``Сэйдзи``). A name seen once, or in
    two forms (``Ямадаева``, ``Ямадаеву``), is left to the analyser."""
    names = {w for start, end, _ in people for w in _CAPITALISED.findall(text[start:end])}
    if not names:
        return frozenset()
    counts = Counter(_CAPITALISED.findall(text))
    forms: dict[str, set[str]] = {}
    for word in counts:
        forms.setdefault(stem(word), set()).add(word)
    return frozenset(
        word
        for word in names
        if not known(word)
        and (
            (word[-1] in _NEVER_AN_ENDING and not word.endswith("ии"))
            or (
                word[-1] in _INDECLINABLE_ENDINGS
                and counts[word] >= 2
                and forms.get(stem(word)) == {word}
            )
        )
    )


# Foreign names that Russian does not decline end in these vowels (Пелоси, Коно,
# Хитли, Бхутто); a name in -а/-я/-ы or a consonant may be a declined form.
_INDECLINABLE_ENDINGS = frozenset("иеоуюэ")
# -и, -о, -э end no case form of a name the dictionary does not know (its guesses
# read Сэйдзи as a form of "Сэйдзь"): such a word is as written even when seen once;
# but -ии is the genitive of a name in -ия (Веры Шенгелии: Шенгелия).
_NEVER_AN_ENDING = frozenset("иоэ")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        # A closing guillemet belongs to a name that opens one inside: «Новая газета».
        inside = text[start:end]
        if (text[end - 1] in "»“" and "«" in inside) or (text[end - 1] == ")" and "(" in inside):
            break
        end -= 1
    return start, end


def _folded(name: str) -> str:
    return name.replace("ё", "е").replace("Ё", "Е")


def unify(entities: Sequence[Entity]) -> list[Entity]:
    """One canonical name for one person's full-name mentions in an article.

    The analyser puts each mention in the nominative alone and sometimes misreads
    one word (``Николаю Панкову`` → ``Николай Панкову``, ``Юрия Дудя`` → ``Юрий
    Дудя``), so one person would be two entities. Full names with the same stems of
    first name and surname are grouped; the canonical name the article itself writes
    most often (a nominative mention, ``Николай Панков``; a surname that can be a
    nominative singular, not ``Бирюковы``) is the group's, and a canonical that
    differs from it in one word only takes it, spelled as the article spells it
    (``е`` for ``ё``). A tie between two written names, or names differing in both
    words (``Ринат Ахметов`` and ``Рината Ахметова``; ``Валентин`` and ``Валентина
    Юдашкина``), are left apart: they may be two people.
    """
    groups: dict[tuple[str, str], list[Entity]] = {}
    for entity in entities:
        words = entity.canonical.split()
        if entity.type == "PER" and len(words) > 1:
            groups.setdefault((stem(words[0]), stem(words[-1])), []).append(entity)
    renamed: dict[str, str] = {}
    for members in groups.values():
        if len({member.canonical for member in members}) < 2:
            continue
        # Canonical names equal but for ё are one name.
        counts = Counter(_folded(member.canonical) for member in members)
        written = {_folded(m.text): m.text for m in members}
        attested = sorted(
            (name for name in counts if name in written and _singular(name)),
            key=lambda name: counts[name],
            reverse=True,
        )
        if not attested or (len(attested) > 1 and counts[attested[0]] == counts[attested[1]]):
            continue
        target = attested[0].split()
        for member in members:
            words = _folded(member.canonical).split()
            # One word apart, or the mention is itself written as the group's name
            # (``Алена Стерлигова`` read as a man's genitive, ``Ален Стерлигов``).
            if (
                words[0] == target[0]
                or words[-1] == target[-1]
                or _folded(member.text) == attested[0]
            ):
                renamed[member.canonical] = written[attested[0]]
    return [
        replace(entity, canonical=renamed[entity.canonical])
        if entity.type == "PER" and entity.canonical in renamed
        else entity
        for entity in entities
    ]


def _singular(name: str) -> bool:
    """Whether the surname of ``name`` can be a nominative singular (not a family)."""
    return singular_nominative(name.split()[-1])


def link(entities: Sequence[Entity]) -> list[Entity]:
    """A one-word person mention takes the one full name in the article with its stem."""
    full: dict[str, dict[str, Entity]] = {}
    for entity in entities:
        words = entity.canonical.split()
        if entity.type == "PER" and len(words) > 1:
            for word in words:
                full.setdefault(stem(word), {}).setdefault(entity.canonical, entity)
    linked = []
    for entity in entities:
        words = entity.canonical.split()
        if entity.type == "PER" and len(words) == 1:
            # Either the nominative or the surface: the analyser may misread a rare surname.
            options = full.get(stem(words[0])) or full.get(stem(entity.text)) or {}
            if len(options) == 1:
                entity = replace(entity, canonical=next(iter(options)))
        linked.append(entity)
    return linked
