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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# The case and gender an article shows a mention of a person has, each None if unknown.
Hint = tuple[str | None, str | None]

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

            _analyzers.append(_Remembering(pymorphy3.MorphAnalyzer()))
        return _analyzers[0]


class _Remembering:
    """pymorphy3's analyser, remembering its answers: an article asks about the same
    few hundred words many times (each rule reads the words of every name), and the
    analyser computes each answer afresh."""

    def __init__(self, morph: Any) -> None:
        self._morph = morph
        self._parse = lru_cache(maxsize=1 << 12)(lambda word: tuple(morph.parse(word)))
        self._known = lru_cache(maxsize=1 << 12)(morph.word_is_known)

    def parse(self, word: str) -> list[Any]:
        return list(self._parse(word))

    def word_is_known(self, word: str) -> bool:
        return bool(self._known(word))


def nominative(
    name: str,
    label: str,
    before: str = "",
    fixed: frozenset[str] = frozenset(),
    hint: Hint = (None, None),
) -> str:
    """``name`` (a PER, LOC or ORG mention) in the nominative; ``before`` is the text
    just before it in the article (a preposition tells the case of unknown names);
    ``fixed``: words of a person's name the article shows never change (foreign
    names such as Пелоси, Маэхара), kept as written; ``hint``: the case and gender
    the article shows a person's mention has, where it shows them (``— сказала Яна
    Мандрыкина``: nominative, feminine), which decide between readings that fit the
    words equally well (``Яна`` is a woman's nominative or a man's genitive).

    Never raises: a name the analyser cannot handle is returned as written.
    """
    try:
        locative = _LOCATIVE.search(before) is not None
        return _nominative(" ".join(name.split()), label, locative, fixed, hint)
    except Exception:  # an odd word must never stop enrichment
        return name


def singular_nominative(word: str) -> bool:
    """Whether ``word`` is not a nominative plural only (``Панков``, ``Черных`` are
    fine; ``Бирюковы`` is a family). Words in other scripts are fine."""
    nominatives = [p for p in _parses(word) if p.tag.case == "nomn"]
    return not nominatives or any(p.tag.number != "plur" for p in nominatives)


def likeliest_reading(word: str) -> str | None:
    """``Name``, ``Patr``, ``Surn`` or ``Geox`` for a word the dictionary knows whose
    likeliest reading is one of those, else None."""
    parses = _known_parses(word)
    if not parses:
        return None
    return next((tag for tag in ("Name", "Patr", "Surn", "Geox") if tag in parses[0].tag), None)


def reads_as_nominative(word: str) -> bool:
    """Whether the analyser has a nominative singular reading of ``word`` (``Аурея``:
    a feminine name, or a man's genitive)."""
    return any(p.tag.case == "nomn" and p.tag.number == "sing" for p in _parses(word))


def singular_forms(word: str) -> frozenset[str]:
    """The singular forms of ``word``'s likeliest reading as a noun (lower case, ``е``
    for ``ё``), empty when it has none."""
    nouns = [p for p in _parses(word) if p.tag.POS == "NOUN"]
    if not nouns:
        return frozenset()
    try:
        return frozenset(
            f.word.replace("ё", "е") for f in nouns[0].lexeme if f.tag.number != "plur"
        )
    except Exception:  # never let the analyser stop enrichment
        return frozenset()


def plural_surname(word: str) -> bool:
    """Whether the analyser reads ``word`` first as a surname in the plural
    (``Ротенберги``, ``Ротенбергов``: a family, or brothers named together)."""
    parses = _parses(word)
    return bool(parses) and "Surn" in parses[0].tag and parses[0].tag.number == "plur"


def _parses(word: str) -> tuple[Any, ...]:
    """The analyser's readings of a Cyrillic ``word``, likeliest first; none for words
    in other scripts or when the analyser fails (it must never stop enrichment)."""
    if not _CYRILLIC_WORD.match(word):
        return ()
    try:
        return tuple(_analyzer().parse(word.lower()))
    except Exception:
        return ()


def _known_parses(word: str) -> tuple[Any, ...]:
    """The analyser's readings of a Cyrillic ``word`` the dictionary knows; none for
    other words, for words it only guesses at (``Ульви``, ``Масляевой``: a guess is no
    evidence) and when the analyser fails (it must never stop enrichment)."""
    if not _CYRILLIC_WORD.match(word):
        return ()
    try:
        morph = _analyzer()
        if not morph.word_is_known(word.lower()):
            return ()
        return tuple(morph.parse(word.lower()))
    except Exception:  # never let the analyser stop enrichment
        return ()


def read_as_name(word: str) -> bool:
    """Whether the analyser's likeliest reading of ``word`` is a surname or a first name,
    guesses included (``Гордон``; not ``Итог``, ``Вопрос``). For quotes.py: a one-word
    transcript label is a person's only when it reads so."""
    parses = _parses(word)
    return bool(parses) and ("Surn" in parses[0].tag or "Name" in parses[0].tag)


def womans_first_name(word: str) -> bool:
    """Whether the analyser's first-name readings of ``word`` weigh more as a woman's
    than a man's (``Любовь``, ``Нинель``, ``Пегги``: not in -а/-я). For quotes.py."""
    weight = {"femn": 0.0, "masc": 0.0}
    for parse in _parses(word):
        gender = str(parse.tag.gender)
        if "Name" in parse.tag and gender in weight:
            weight[gender] += parse.score
    return weight["femn"] > weight["masc"]


def given_name(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a first name or patronymic (``Сергей``,
    ``Семёнович``, ``Ивану``); surnames, other words and words it only guesses at
    (``Масляевой``) are not."""
    return any("Name" in p.tag or "Patr" in p.tag for p in _known_parses(word))


def dictionary_surname(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a surname (``Ильин``, ``Роза``)."""
    return any("Surn" in p.tag for p in _known_parses(word))


def place_name(word: str) -> bool:
    """Whether the dictionary knows ``word`` and reads it first as a place name
    (``России``, ``Америки``, ``США``); not a guess (``Хотспур``) nor a word that is
    mostly something else."""
    parses = _known_parses(word)
    return bool(parses) and "Geox" in parses[0].tag


def genitive(word: str) -> bool:
    """Whether the dictionary reads ``word`` in the genitive (``финансов``, ``дел``)."""
    return any(p.tag.case == "gent" for p in _known_parses(word))


def nominative_first_name(word: str) -> bool:
    """Whether ``word``'s likeliest reading as a first name is a nominative (``Егор``;
    not ``Дмитрия``)."""
    names = [p for p in _known_parses(word) if "Name" in p.tag]
    return bool(names) and names[0].tag.case == "nomn"


def first_name_cases(word: str) -> set[str]:
    """The cases ``word`` may be in as a first name (``Екатерины``: genitive, ...;
    ``Виталий``: nominative, accusative); empty for other words."""
    return {
        str(p.tag.case) for p in _known_parses(word) if "Name" in p.tag and p.tag.number != "plur"
    }


def first_name_gender(word: str) -> set[str]:
    """The gender of a first name when the dictionary is sure of it (``Лидия``,
    ``Сергея``; ``Анастасия`` though it may be a man's rare ``Анастасий`` in the
    genitive); empty for names of either gender (``Яна``, ``Саша``) and other words."""
    names = [p for p in _known_parses(word) if "Name" in p.tag]
    genders = {str(p.tag.gender) for p in names if p.tag.gender in ("masc", "femn")}
    if len(genders) == 1:
        return genders
    if names and names[0].score >= 0.9 and names[0].tag.gender in ("masc", "femn"):
        return {str(names[0].tag.gender)}
    return set()


def likeliest_case(word: str) -> str | None:
    """The case of ``word``'s likeliest reading as a noun in the singular (``патриарха``:
    genitive), None for other words and words the dictionary does not know."""
    parses = _known_parses(word)
    if not parses or parses[0].tag.POS != "NOUN" or parses[0].tag.number != "sing":
        return None
    return str(parses[0].tag.case) if parses[0].tag.case else None


def verb_reading(word: str) -> tuple[str, str | None] | None:
    """``(lemma, gender)`` when ``word``'s likeliest reading is a finite verb in the
    singular (gender for the past tense: ``сказала`` → ``сказать``, ``femn``;
    ``говорит`` → ``говорить``, None); None for other words."""
    try:
        parses = _analyzer().parse(word.lower())
    except Exception:  # never let the analyser stop enrichment
        return None
    if not parses or parses[0].tag.POS != "VERB" or parses[0].tag.number != "sing":
        return None
    tag = parses[0].tag
    if tag.tense == "pres" or tag.tense == "futr":
        return (parses[0].normal_form, None) if tag.person == "3per" else None
    gender = str(tag.gender) if tag.gender in ("masc", "femn") else None
    return (parses[0].normal_form, gender) if gender else None


_VERB_FORMS = frozenset({"VERB", "INFN", "GRND", "PRTS"})


def verb_form(word: str) -> bool:
    """Whether the dictionary knows ``word`` and reads it first as a verb, infinitive,
    gerund or short participle, never as a name (``Приобнял``, ``Определившись``,
    ``Работая``): a word the tagger ran into a name or took for one at a sentence's
    start."""
    parses = _parses(word)
    if not parses or any(_is_name(p) or "Geox" in p.tag for p in parses):
        return False
    if known(word):
        return bool(parses[0].tag.POS in _VERB_FORMS)
    # A word the dictionary lacks (``Приобнял``, ``Переизбравшись``): only when the
    # guesses are all but certain and it ends as a past verb or a gerund does
    # (a foreign surname may be guessed a verb: ``Семнеби``).
    return (
        _VERB_ENDING.search(word) is not None
        and sum(p.score for p in parses if p.tag.POS in _VERB_FORMS) >= 0.9
    )


_VERB_ENDING = re.compile(r"(?:[аеиоуыяю]л|вшись|вши|[аея]сь|лся|лась|лись)$")


def known(word: str) -> bool:
    """Whether the dictionary knows ``word`` (in any case)."""
    try:
        return bool(_analyzer().word_is_known(word.lower()))
    except Exception:  # never let the analyser stop enrichment
        return False


@lru_cache(maxsize=65536)
def _nominative(name: str, label: str, locative: bool, fixed: frozenset[str], hint: Hint) -> str:
    words = _TOKEN.findall(name)
    if not words or "«" in name or "»" in name:
        return name
    if label == "PER":
        return " ".join(_person(words, fixed, hint))
    return " ".join(_phrase(words, label, locative))


def _person(
    words: list[str], fixed: frozenset[str] = frozenset(), hint: Hint = (None, None)
) -> list[str]:
    """All words of a person's name, in one agreed case and gender."""
    morph = _analyzer()
    options = [
        word not in fixed and _inflectable(word) and _readings(morph, word) for word in words
    ]
    # The case every word can be read in wins (Сергея Халюту: accusative, though
    # Сергея alone is likelier genitive); then the case and gender the article shows
    # (``hint``), if every word can be read so; then the gender the likeliest readings
    # share. With a first name, its readings decide the case and gender; a surname
    # alone keeps the analyser's own odds (``Путина`` is mostly a man's genitive).
    given = any(parses and any(_is_given(p) for p in parses) for parses in options[:-1])
    best: tuple[int, int, float, str, str] | None = None
    for case in _CASES:
        for gender in ("masc", "femn"):
            readable = 0
            fits_all = True
            total = 0.0
            for parses in options:
                if parses:
                    readable += any(p.tag.case == case and p.tag.number != "plur" for p in parses)
                    scores = [_weight(p, given) for p in parses if _fits(p, case, gender)]
                    fits_all = fits_all and bool(scores)
                    total += max(scores, default=-0.5)
            hinted = int(
                hint != (None, None)
                and fits_all
                and hint[0] in (None, case)
                and hint[1] in (None, gender)
            )
            if best is None or (readable, hinted, total) > best[:3]:
                best = (readable, hinted, total, case, gender)
    assert best is not None
    _, _, _, case, gender = best
    if hint[0] == "nomn" and all(_nominative_as_written(parses, hint[1]) for parses in options):
        # The article shows the subject (``Сейдзи Маэхара должен прибыть``): the name is
        # written in the nominative, though the analyser likes another reading better
        # (``Маэхара`` as a genitive of ``Маэхар``).
        case, gender = "nomn", hint[1] or gender
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
        if (
            not fitting
            and given
            and index == len(words) - 1
            and plural_surname(word)
            and (case, gender) not in {(c, g) for c, g, _ in surname_readings(word)}
        ):
            # ``Борис и Аркадий Ротенберги``, ``Бориса Ротенбергов``: one brother of a
            # family named in the plural is one person, with a singular surname.
            result.append(_singular(word, parses, gender))
            continue
        result.append(_inflect(word, fitting[0], gender) if fitting else word)
    return result


def _nominative_as_written(parses: list[Any] | bool, gender: str | None) -> bool:
    """Whether a word of a name with these readings may be the nominative as written: any
    word with a nominative singular reading, but a first name or patronymic only with a
    nominative of its own of ``gender`` (``Георгия`` is no man's nominative)."""
    if not parses or not isinstance(parses, list):
        return True
    nominatives = [p for p in parses if p.tag.case == "nomn" and p.tag.number != "plur"]
    if any(_is_given(p) for p in parses):
        nominatives = [p for p in nominatives if _is_given(p)]
        if gender is not None:
            nominatives = [p for p in nominatives if _fits(p, "nomn", gender)]
    return bool(nominatives)


def _singular(word: str, parses: list[Any], gender: str) -> str:
    """A surname in the plural (``Ротенберги``) in the singular nominative of ``gender``;
    as written when it is not one."""
    plural = [p for p in parses if "Surn" in p.tag and p.tag.number == "plur"]
    if not plural:
        return word
    form = plural[0].inflect({"nomn", "sing", gender}) or plural[0].inflect({"nomn", "sing"})
    return _like(word, form.word) if form is not None else word


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
    if label == "ORG" and not morph.word_is_known(words[head].lower()):
        # An organisation's word the analyser only guesses at names one thing: ``Ростех``
        # is no plural of a ``Ростёха`` (left as written when only plural readings are
        # guessed). Places may be plural (``Верхние Лихоборы``).
        parses = [p for p in parses if p.tag.number != "plur"]
        if not parses:
            return result
    if label == "LOC":
        parses.sort(key=lambda p: ("Geox" in p.tag, p.score), reverse=True)
    if head > 0:
        # ``Региональные электрические сети``: the noun's reading the adjectives before it
        # agree with (a plural nominative), not its likeliest alone (``сети``: singular).
        before = [
            [a for a in morph.parse(word.lower()) if a.tag.POS in ("ADJF", "PRTF")]
            for word in words[:head]
            if _inflectable(word)
        ]
        agreeing = [
            p
            for p in parses
            if all(
                any(a.tag.case == p.tag.case and a.tag.number == p.tag.number for a in adjectives)
                for adjectives in before
                if adjectives
            )
        ]
        parses = agreeing or parses
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
    parses = _known_parses(word)
    if not parses:
        return False
    pos = _COMMON_POS | ({"ADJF", "ADJS", "PRTF"} if adjectives else set())
    return all(
        not any(tag in p.tag for tag in _NAME_LIKE)
        and (p.tag.POS in pos or "Apro" in p.tag or p.tag.POS is None)
        for p in parses
    )


def common_noun(word: str) -> bool:
    """A ``common_word`` read first as a noun (``Дочерью``; not ``Ином``, a pronoun
    adjective that ends a Korean name, ``Мун Чжэ Ином``)."""
    parses = _known_parses(word)
    return common_word(word) and parses[0].tag.POS == "NOUN" and "Apro" not in parses[0].tag


_FUNCTION_POS = frozenset({"NPRO", "PRCL", "CONJ", "PREP", "ADVB", "PRED"})


def function_word(word: str) -> bool:
    """Whether the dictionary knows ``word`` only as a pronoun, conjunction, particle,
    preposition or adverb (``Что``, ``Как``, ``Где``): never a name (an interjection
    may be: the rapper Баста)."""
    parses = _known_parses(word)
    return bool(parses) and all(p.tag.POS in _FUNCTION_POS for p in parses)


def reply_word(word: str) -> bool:
    """Whether the dictionary knows ``word`` only as a function word or an
    interjection (``Да``, ``Нет``, ``Ну``): the first word of a reply, never the last
    word of a name (``Ли`` is a name too)."""
    parses = _known_parses(word)
    return bool(parses) and all(p.tag.POS in _FUNCTION_POS or p.tag.POS == "INTJ" for p in parses)


def _inflectable(word: str) -> bool:
    return (
        bool(_CYRILLIC_WORD.match(word))
        and not _ABBREVIATION.match(word)
        and not word.isupper()
        and word.lower() not in _PARTICLES
    )


def _weight(parse: Any, given: bool = False) -> float:
    """A parse's score, tripled for a first name, surname or patronymic reading.
    Beside a first name (``given``), a surname reading counts the same in every case
    and gender: how often the corpus saw ``Калинина`` as a man's genitive says
    nothing about this article, while the first name's readings do (``Юлия`` is
    mostly a woman's nominative)."""
    if given and "Surn" in parse.tag:
        return _SURNAME_WEIGHT
    return float(parse.score) * (3 if _is_name(parse) else 1)


def _is_given(parse: Any) -> bool:
    return "Name" in parse.tag or "Patr" in parse.tag


_SURNAME_WEIGHT = 1.0


@dataclass(frozen=True)
class _SurnameTag:
    """The grammemes of a surname reading made by rule (as pymorphy's tag answers them)."""

    case: str
    gender: str
    number: str = "sing"
    POS: str = "NOUN"

    def __contains__(self, grammeme: object) -> bool:
        return grammeme in ("Surn", self.case, self.gender, self.number)


@dataclass(frozen=True)
class _Form:
    word: str


@dataclass(frozen=True)
class _SurnameReading:
    """A reading of a Russian surname by its ending, which the dictionary may lack
    (it reads ``Ракова`` as a man's genitive only, ``Раковой`` as the adjective
    ``раковая``, ``Кибовского`` as an adjective)."""

    tag: _SurnameTag
    nominative: str
    # Low: a reading the dictionary lacks wins only on the article's evidence or
    # beside a first name (where every surname reading weighs the same).
    score: float = 0.05

    def inflect(self, grammemes: set[str]) -> _Form:
        return _Form(self.nominative)


# (ending, ((case, gender, nominative ending), ...)) after a base in -ов/-ев/-ёв/-ин/-ын,
# and after a base in -ск/-цк. Longest endings first.
_POSSESSIVE = (
    ("ой", (("gent", "femn", "а"), ("datv", "femn", "а"), ("ablt", "femn", "а"),
            ("loct", "femn", "а"))),
    ("ым", (("ablt", "masc", ""),)),
    ("а", (("nomn", "femn", "а"), ("gent", "masc", ""), ("accs", "masc", ""))),
    ("у", (("accs", "femn", "а"), ("datv", "masc", ""))),
    ("е", (("loct", "masc", ""),)),
    ("", (("nomn", "masc", ""),)),
)  # fmt: skip
_ADJECTIVAL = (
    ("ого", (("gent", "masc", "ий"), ("accs", "masc", "ий"))),
    ("ому", (("datv", "masc", "ий"),)),
    ("ий", (("nomn", "masc", "ий"),)),
    ("им", (("ablt", "masc", "ий"),)),
    ("ом", (("loct", "masc", "ий"),)),
    ("ая", (("nomn", "femn", "ая"),)),
    ("ой", (("gent", "femn", "ая"), ("datv", "femn", "ая"), ("ablt", "femn", "ая"),
            ("loct", "femn", "ая"))),
    ("ую", (("accs", "femn", "ая"),)),
)  # fmt: skip


def surname_readings(word: str) -> list[tuple[str, str, str]]:
    """``(case, gender, nominative)`` readings of ``word`` as a Russian surname by its
    ending (``Ракова``: a woman's nominative ``Ракова`` or a man's genitive or
    accusative ``Раков``); empty when it has no surname ending."""
    lowered = word.lower()
    for ending, readings in _POSSESSIVE:
        base = lowered[: len(lowered) - len(ending)]
        if lowered.endswith(ending) and len(base) >= 4 and base.endswith(_POSSESSIVE_BASES):
            return [(case, gender, base + tail) for case, gender, tail in readings]
    for ending, readings in _ADJECTIVAL:
        base = lowered[: len(lowered) - len(ending)]
        if lowered.endswith(ending) and len(base) >= 4 and base.endswith(("ск", "цк")):
            return [(case, gender, base + tail) for case, gender, tail in readings]
    return []


_POSSESSIVE_BASES = ("ов", "ев", "ёв", "ин", "ын")


def _yo_scored(morph: Any, parse: Any, word: str) -> Any:
    """A first-name reading that restores a ё the article left out (``Алена`` read as
    ``Алёна``) scored as the ё spelling is: news mostly writes е for ё, and the
    analyser's odds for the е spelling count the rare ``Ален`` (a man's genitive)
    above the common ``Алёна``."""
    if parse.word == word or "Name" not in parse.tag:
        return parse
    for other in morph.parse(parse.word):
        if other.tag == parse.tag:
            return parse._replace(score=max(parse.score, other.score))
    return parse


def _readings(morph: Any, word: str) -> list[Any]:
    """The analyser's readings of a word of a person's name, plus its readings as a
    surname by ending where it has no first-name reading (a first name such as
    ``Марина`` is not a surname ``Марин``) and the analyser lacks them."""
    parses: list[Any] = list(morph.parse(word.lower()))
    if any("Name" in p.tag or "Patr" in p.tag for p in parses):
        return [_yo_scored(morph, p, word.lower()) for p in parses]
    have = {(p.tag.case, str(p.tag.gender)) for p in parses if "Surn" in p.tag}
    for case, gender, form in surname_readings(word):
        if (case, gender) not in have:
            parses.append(_SurnameReading(_SurnameTag(case, gender), form))
    return parses


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
    if (
        form is not None
        and parse.tag.POS in ("ADJF", "PRTF")
        and _shared_prefix(form.word, word.lower()) < len(form.word) - 3
    ):
        # A lexeme may hold two forms of one tag (``высшая`` and ``высочайшая``): the one
        # closest to the written word.
        same = [f for f in parse.lexeme if f.tag == form.tag]
        if len(same) > 1:
            form = max(same, key=lambda f: (_shared_prefix(f.word, word.lower()), f is form))
    return _like(word, form.word) if form is not None else word


def _shared_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def _like(original: str, word: str) -> str:
    """``word`` with the capitalisation of ``original`` (per hyphenated part, letter by
    letter: ``ВКонтакте``, ``МегаФона`` → ``МегаФон``, ``Рен-ТВ``)."""
    if original.isupper():
        return word.upper()
    parts = word.split("-")
    originals = original.split("-")
    if len(parts) == len(originals):
        return "-".join(_like_part(old, part) for part, old in zip(parts, originals, strict=True))
    return word.capitalize() if original[:1].isupper() else word


def _like_part(original: str, word: str) -> str:
    if len(original) > 1 and original.isupper():
        return word.upper()
    return "".join(
        char.upper() if index < len(original) and original[index].isupper() else char.lower()
        for index, char in enumerate(word)
    )


def _abbreviation(word: str) -> str:
    """``МИДа`` → ``МИД``: an abbreviation with a case ending loses the ending."""
    match = _ABBREVIATION.match(word)
    return match.group(1) if match else word
