"""Names in their dictionary form: ``Дмитрия Пескова`` → ``Дмитрий Песков``.

Russian inflects names, so the people screen, entity views and canonical
names would otherwise list ``Пескова``, ``Пескову`` and ``Песков`` apart.
pymorphy3 (the maintained fork of pymorphy2, with the OpenCorpora
dictionary) analyses each word; we choose one case and gender for the whole
name, so ``Марии Захаровой`` becomes ``Мария Захарова`` and not
``Мария Захаров``, and put every word of a person's name, and the leading
adjectives and head noun of a place or organisation, in the nominative
(``Южной Осетии`` → ``Южная Осетия``, ``Министерства обороны`` →
``Министерство обороны``; the genitive tail stays as it is).

Abbreviations keep their letters (``МИДа`` → ``МИД``, ``США``); words in
guillemets and words in other scripts are names as written.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

_CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_ABBREVIATION = re.compile(r"^([А-ЯЁ]{2,})([а-яё]{1,3})$")
_TOKEN = re.compile(r"\S+")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2", "acc2")
_NAME_TAGS = ("Name", "Surn", "Patr")
# Words that join parts of a name and are not inflected (бин Ладен, де Голль, ван Гог).
_PARTICLES = frozenset({"бин", "ибн", "де", "ди", "да", "дер", "ван", "фон", "аль", "эль", "ла"})
# After these prepositions an unknown place name ending in -е is in the locative.
_LOCATIVE = re.compile(r"(?:^|\s)(?:в|во|на|о|об|при)\s+$", re.IGNORECASE)

_lock = threading.Lock()
_analyzers: list[Any] = []


def _analyzer() -> Any:
    with _lock:
        if not _analyzers:
            import pymorphy3

            _analyzers.append(pymorphy3.MorphAnalyzer())
        return _analyzers[0]


def nominative(name: str, label: str, before: str = "", fixed: frozenset[str] = frozenset()) -> str:
    """``name`` (a PER, LOC or ORG mention) in the nominative; ``before`` is the text
    just before it in the article (a preposition tells the case of unknown names);
    ``fixed``: words of a person's name the article shows never change (foreign
    names such as Пелоси, Маэхара), kept as written.

    Never raises: a name the analyser cannot handle is returned as written.
    """
    try:
        locative = _LOCATIVE.search(before) is not None
        return _nominative(" ".join(name.split()), label, locative, fixed)
    except Exception:  # an odd word must never stop enrichment
        return name


def singular_nominative(word: str) -> bool:
    """Whether ``word`` is not a nominative plural only (``Панков``, ``Черных`` are
    fine; ``Бирюковы`` is a family). Words in other scripts are fine."""
    if not _CYRILLIC_WORD.match(word):
        return True
    try:
        parses = _analyzer().parse(word.lower())
    except Exception:  # never let the analyser stop enrichment
        return True
    nominatives = [p for p in parses if p.tag.case == "nomn"]
    return not nominatives or any(p.tag.number != "plur" for p in nominatives)


def known(word: str) -> bool:
    """Whether the dictionary knows ``word`` (in any case)."""
    try:
        return bool(_analyzer().word_is_known(word.lower()))
    except Exception:  # never let the analyser stop enrichment
        return False


@lru_cache(maxsize=65536)
def _nominative(name: str, label: str, locative: bool, fixed: frozenset[str]) -> str:
    words = _TOKEN.findall(name)
    if not words or "«" in name or "»" in name:
        return name
    if label == "PER":
        return " ".join(_person(words, fixed))
    return " ".join(_phrase(words, label, locative))


def _person(words: list[str], fixed: frozenset[str] = frozenset()) -> list[str]:
    """All words of a person's name, in one agreed case and gender."""
    morph = _analyzer()
    options = [
        word not in fixed and _inflectable(word) and morph.parse(word.lower()) for word in words
    ]
    # The case every word can be read in wins (Сергея Халюту: accusative, though
    # Сергея alone is likelier genitive); then the gender the likeliest readings share.
    best: tuple[int, float, str, str] | None = None
    for case in _CASES:
        for gender in ("masc", "femn"):
            readable = 0
            total = 0.0
            for parses in options:
                if parses:
                    readable += any(p.tag.case == case and p.tag.number != "plur" for p in parses)
                    scores = [_weight(p) for p in parses if _fits(p, case, gender)]
                    total += max(scores, default=-0.5)
            if best is None or (readable, total) > best[:2]:
                best = (readable, total, case, gender)
    assert best is not None
    _, _, case, gender = best
    result = []
    for index, (word, parses) in enumerate(zip(words, options, strict=True)):
        if len(words) == 3 and index == 1 and parses and any("Patr" in p.tag for p in parses):
            # Дмитрий Сергеевич Песков is named Дмитрий Песков, as English news names him.
            continue
        if not parses:
            result.append(_abbreviation(word))
            continue
        # A man's surname in -а declines like a feminine noun (Халюту → Халюта): a
        # declinable reading of the right case beats an "indeclinable" guess of the
        # right gender.
        fitting = [p for p in parses if p.tag.case == case and p.tag.number != "plur"]
        fitting.sort(
            key=lambda p: (
                "Fixd" not in p.tag,
                _fits(p, case, gender),
                _is_name(p),
                p.score,
            ),
            reverse=True,
        )
        result.append(_inflect(word, fitting[0], gender) if fitting else word)
    return result


def _phrase(words: list[str], label: str, locative: bool) -> list[str]:
    """Leading adjectives and the head noun of a place or organisation, in the nominative."""
    morph = _analyzer()
    result = list(words)
    if any(p.tag.POS == "PREP" for p in morph.parse(words[0].lower())):
        return result  # a name that is a phrase: «За права человека» is written so
    head = None
    for index, word in enumerate(words):
        if not _inflectable(word):
            if _ABBREVIATION.match(word):
                result[index] = _abbreviation(word)
            break
        parses = morph.parse(word.lower())
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        if nouns and not any(p.tag.POS == "ADJF" and p.score > nouns[0].score for p in parses):
            head = index
            break
    if head is None:
        # ``японского МИДа`` → ``японский МИД``: adjectives before an abbreviation
        # keep their own gender and number (the abbreviation has none to agree with).
        for index, word in enumerate(words):
            if not _inflectable(word):
                break
            adjectives = [p for p in morph.parse(word.lower()) if p.tag.POS in ("ADJF", "PRTF")]
            if adjectives:
                # японского is masculine or neuter: abbreviations read as masculine.
                adjectives.sort(key=lambda p: p.tag.gender == "masc", reverse=True)
                gender = adjectives[0].tag.gender
                result[index] = _inflect(word, adjectives[0], str(gender) if gender else None)
        return result
    parses = [p for p in morph.parse(words[head].lower()) if p.tag.POS == "NOUN"]
    if label == "LOC":
        parses.sort(key=lambda p: ("Geox" in p.tag, p.score), reverse=True)
    noun = parses[0]
    unknown = len(words) == 1 and not morph.word_is_known(words[0].lower())
    consonant_e = words[0].endswith("е") and words[0][-2:-1] not in "аеиоуыэюяё"
    if unknown and ("Fixd" in noun.tag or (locative and consonant_e)):
        # An unknown place after "в": a final -е after a consonant is the locative
        # ending (в Цхинвале → Цхинвал, в Тусоне → Тусон), whatever the analyser
        # guesses (Тусоня); an unknown name it calls indeclinable stays as written.
        if locative and consonant_e:
            result[head] = words[0][:-1]
        return result
    case, number = noun.tag.case, noun.tag.number
    result[head] = _inflect(words[head], noun, None)
    for index in range(head):
        adjectives = [
            p
            for p in morph.parse(words[index].lower())
            if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == case and p.tag.number == number
        ]
        if adjectives:
            gender = noun.tag.gender if number == "sing" else None
            result[index] = _inflect(words[index], adjectives[0], gender)
    return result


# Readings that make a capitalised word a possible name.
_NAME_LIKE = ("Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad", "UNKN", "LATN")
_COMMON_POS = frozenset({"NOUN", "NPRO", "PRCL", "ADVB", "CONJ", "PREP", "PRED", "INTJ"})


def common_word(word: str, adjectives: bool = False) -> bool:
    """Whether the dictionary knows ``word`` only as a common word, never as a name,
    surname, patronymic, place or organisation (``Маэстро``, ``Супруга``, ``Все``;
    not ``Путин``, ``Кинг``, ``Бавария``). ``adjectives``: count adjectives and
    pronoun-adjectives as common words too. Unknown words are not common words."""
    lowered = word.lower()
    if not _CYRILLIC_WORD.match(word):
        return False
    try:
        morph = _analyzer()
        if not morph.word_is_known(lowered):
            return False
        parses = morph.parse(lowered)
    except Exception:  # never let the analyser stop enrichment
        return False
    pos = _COMMON_POS | ({"ADJF", "ADJS", "PRTF"} if adjectives else set())
    return all(
        not any(tag in p.tag for tag in _NAME_LIKE)
        and (p.tag.POS in pos or "Apro" in p.tag or p.tag.POS is None)
        for p in parses
    )


def _inflectable(word: str) -> bool:
    return (
        bool(_CYRILLIC_WORD.match(word))
        and not _ABBREVIATION.match(word)
        and not word.isupper()
        and word.lower() not in _PARTICLES
    )


def _weight(parse: Any) -> float:
    """A parse's score, tripled for a first name, surname or patronymic reading."""
    return float(parse.score) * (3 if _is_name(parse) else 1)


def _is_name(parse: Any) -> bool:
    return any(tag in parse.tag for tag in _NAME_TAGS)


def _fits(parse: Any, case: str, gender: str) -> bool:
    tag = parse.tag
    if tag.case != case or tag.number == "plur":
        return False
    return tag.gender is None or str(tag.gender) == gender or "ms-f" in tag or "Fixd" in tag


def _inflect(word: str, parse: Any, gender: str | None) -> str:
    grammemes = {"nomn"}
    if parse.tag.number == "plur":
        grammemes.add("plur")
    elif gender and (parse.tag.POS in ("ADJF", "PRTF") or _is_name(parse)):
        grammemes.add(str(gender))
    form = parse.inflect(grammemes) or parse.inflect({"nomn"})
    return _like(word, form.word) if form is not None else word


def _like(original: str, word: str) -> str:
    """``word`` with the capitalisation of ``original`` (per hyphenated part)."""
    if original.isupper():
        return word.upper()
    parts = word.split("-")
    originals = original.split("-")
    if len(parts) == len(originals):
        return "-".join(
            part.capitalize() if old[:1].isupper() else part
            for part, old in zip(parts, originals, strict=True)
        )
    return word.capitalize() if original[:1].isupper() else word


def _abbreviation(word: str) -> str:
    """``МИДа`` → ``МИД``: an abbreviation with a case ending loses the ending."""
    match = _ABBREVIATION.match(word)
    return match.group(1) if match else word
