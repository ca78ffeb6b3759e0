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
from ossetia_reader.core.enrich.russian.morph import (
    Hint,
    common_noun,
    dictionary_surname,
    first_name_gender,
    given_name,
    known,
    likeliest_case,
    likeliest_reading,
    nominative,
    plural_surname,
    reads_as_nominative,
    singular_forms,
    singular_nominative,
    surname_readings,
    verb_reading,
)
from ossetia_reader.core.enrich.russian.stems import stem

Span = tuple[int, int, str]
LABELS = frozenset({"PER", "LOC", "ORG"})
_INTERNET = re.compile(r"[Ии]нтернет(?:а|е|ом|у)?")
_MAX_NAME_CHARS = 200
_EDGE = "\"'«»„“”‘’()[]{}.,;:!?-–— \u00a0\t\n"


def build_entities(text: str, spans: Sequence[Span]) -> tuple[Entity, ...]:
    """Entities from raw spans: trimmed, de-overlapped, in the nominative, linked."""
    entities: list[Entity] = []
    last_end = -1
    people = [s for s in spans if s[2] == "PER"]
    fixed = _unchanging(text, people)
    hints = _hints(text, people)
    for raw_start, raw_end, label in sorted(spans):
        if label not in LABELS:
            continue
        start, end = _trim(text, raw_start, raw_end)
        if end <= start or start < last_end or end - start > _MAX_NAME_CHARS:
            continue
        surface = text[start:end]
        if label == "ORG" and _INTERNET.fullmatch(surface):
            continue  # scored as factRuEval marks it, but no organisation to list
        # Editorial brackets ("[Владимиру] Путину") are not part of the name.
        clean = surface.replace("[", "").replace("]", "")
        hint = hints.get((raw_start, raw_end), (None, None)) if label == "PER" else (None, None)
        canonical = nominative(clean, label, text[max(0, start - 6) : start], fixed, hint)
        if label == "ORG" and canonical == "мид":
            canonical = "МИД"  # ``в миде Грузии``: one row with ``МИД``
        entities.append(Entity(start, end, surface, label, canonical))
        last_end = end
    linked = short_names(_as_written(text, link(unify(entities))))
    # Decided here, where the analyser is loaded already: the library's store reads the
    # flag and never loads the analyser itself (``Entity.local``).
    local = article_only(text, linked)
    return tuple(replace(e, local=True) if e.canonical in local else e for e in linked)


# Verbs of speech that put the name right after them in the nominative (``— сказала
# Яна Мандрыкина``, ``— говорит Яна Мандрыкина``): their subject follows them in
# attributions, and none takes a person as a direct object (``спросить`` does).
_SPEECH = frozenset(
    {
        "сказать", "заявить", "заявлять", "говорить", "рассказать", "рассказывать",
        "отметить", "отмечать", "добавить", "добавлять", "пояснить", "пояснять",
        "уточнить", "уточнять", "признаться", "признаваться", "написать", "писать",
        "сообщить", "сообщать", "ответить", "отвечать", "объяснить", "объяснять",
        "подчеркнуть", "подчёркивать", "подчеркивать", "вспоминать", "вспомнить",
        "продолжать", "продолжить", "считать", "заметить", "замечать", "уверять",
        "утверждать", "возразить", "возражать", "жаловаться", "пожаловаться", "признать",
        "признавать", "комментировать", "прокомментировать", "рассуждать", "настаивать",
        "оправдываться",
    }
)  # fmt: skip
# Short adjectives that follow their subject (``Маэхара должен``, ``Ракова уверена``),
# with the gender they show.
_PREDICATE = {
    word + ending: gender
    for word in ("намерен", "готов", "уверен", "вынужден", "обязан", "рад")
    for ending, gender in (("", "masc"), ("а", "femn"))
} | {"должен": "masc", "должна": "femn", "согласен": "masc", "согласна": "femn"}
# Titles and offices that stand before a name in the same case (``у министра Лаврова``,
# ``патриарха Алексия II``, ``с президентом Путиным``).
_TITLE = re.compile(
    r"(?:патриарх|митрополит|архиепископ|епископ|президент|премьер|министр|замминистр|"
    r"губернатор|мэр|вице-мэр|депутат|сенатор|посол|генерал|полковник|директор|гендиректор|"
    r"председател|спикер|прокурор|генпрокурор|судь|царь|цар|король|корол|император|князь|княз)"
    r"(?:а|у|ом|ем|е|ю|я|ём|ей)?"
)
_WORD_BEFORE = re.compile(r"([а-яё]+)[ \u00a0]+$")
_WORD_AFTER = re.compile(r"[ \u00a0]+([а-яё]+)")


def _hints(text: str, people: Sequence[Span]) -> dict[tuple[int, int], Hint]:
    """The case and gender the article shows for each person mention (``nominative``
    decides between equally good readings with them).

    A mention right after a verb of speech, or right before a verb in the past
    singular (``Мандрыкина сказала``), is the verb's subject: nominative, and the
    past tense gives the gender. Beyond that, the article's other mentions of the
    same person show the gender when they all agree: forms only one gender has
    (``Раковой``, ``Калининым``), first names (``Лидия``), verbs. A surname seen
    with both (a husband and wife) gives no gender, and where two first names share
    a surname (``Михаил`` and ``Алина Арутюнова``), a full name takes only its own
    mentions' evidence.
    """
    own: dict[tuple[int, int], Hint] = {}
    # Gender evidence per (first-name stem, surname stem) of full names, and per
    # surname stem of surnames written alone; first-name stems seen per surname.
    full: dict[tuple[str, str], set[str]] = {}
    alone: dict[str, set[str]] = {}
    firsts: dict[str, set[str]] = {}
    keys: dict[tuple[int, int], tuple[str, str]] = {}
    for start, end, _ in people:
        words = _CAPITALISED.findall(text[start:end])
        if not words:
            continue
        title = _WORD_BEFORE.search(text, max(0, start - 30), start)
        hint = _verb_hint(text, start, end, title)
        # ``патриарха Алексия II``: a title before a name stands in its case (a kinship
        # word, ``дочь Путина``, does not, and is not among the titles).
        if hint[0] is None and title is not None and _TITLE.fullmatch(title.group(1)):
            hint = (likeliest_case(title.group(1)), None)
        own[(start, end)] = hint
        first = stem(words[0]) if len(words) > 1 else ""
        keys[(start, end)] = (first, stem(words[-1]))
        genders = {gender for _, gender, _ in surname_readings(words[-1])}
        if len(words) > 1:
            firsts.setdefault(stem(words[-1]), set()).add(first)
            genders = genders if len(genders) == 1 else first_name_gender(words[0])
        elif len(genders) != 1:
            genders = set()
        if hint[1] is not None:
            genders = {hint[1]}
        if len(genders) == 1:
            if first:
                full.setdefault((first, stem(words[-1])), set()).update(genders)
            else:
                alone.setdefault(stem(words[-1]), set()).update(genders)
    hints: dict[tuple[int, int], Hint] = {}
    for span, (case, gender) in own.items():
        first, last = keys[span]
        named = firsts.get(last, set())
        if first:
            # Another first name with this surname (a wife, a brother): the surname
            # alone may be theirs, so only this full name's own mentions count.
            own_surname = alone.get(last, set()) if named == {first} else set()
            seen = full.get((first, last), set()) | own_surname
        else:
            seen = alone.get(last, set()).union(*(full.get((f, last), set()) for f in named))
        if gender is None and len(seen) == 1:
            gender = next(iter(seen))
        hints[span] = (case, gender)
    return hints


def _verb_hint(text: str, start: int, end: int, before: re.Match[str] | None) -> Hint:
    """(nominative, gender of the verb) for a mention that is a speech verb's subject;
    ``before`` is the lowercase word right before the mention (``_WORD_BEFORE``), if any."""
    if before is not None:
        verb = verb_reading(before.group(1))
        if verb is not None and verb[0] in _SPEECH:
            return ("nomn", verb[1])
    after = _WORD_AFTER.match(text, end)
    gender = _PREDICATE.get(after.group(1)) if after is not None else None
    # ``Сейдзи Маэхара должен прибыть``: a short adjective agreeing with its subject.
    if gender is not None and _can_be_subject(text, start, end, gender):
        return ("nomn", gender)
    if after is not None:
        verb = verb_reading(after.group(1))
        # Past tense only: a present-tense verb may follow a genitive (``Фамилия
        # Шокиной упоминается``); the past tense's gender must then agree too. And
        # only a name that can be that verb's subject: ``с Полякиной зарегистрировал``
        # has another subject.
        if verb is not None and verb[1] is not None and _can_be_subject(text, start, end, verb[1]):
            return ("nomn", verb[1])
    return (None, None)


def _can_be_subject(text: str, start: int, end: int, gender: str) -> bool:
    """Whether the mention's surname can be a nominative of ``gender`` (a surname
    without a Russian ending may be anything)."""
    words = _CAPITALISED.findall(text[start:end])
    readings = surname_readings(words[-1]) if words else []
    return not readings or ("nomn", gender) in {(case, g) for case, g, _ in readings}


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
        and not surname_readings(word)
        and not plural_surname(word)  # ``Аркадий Ротенберги``: declined, in the plural
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
# but -ии is the genitive of a name in -ия (Веры Шенгелии: Шенгелия). A word with a
# Russian surname's ending (Туровского, Поклонскую) is declined, however often seen.
_NEVER_AN_ENDING = frozenset("иоэ")


# Titles that make a first name alone someone's whole name (``патриарх Кирилл``,
# ``царя Ивана``, ``митрополит Филарет``): that person is a library-wide row.
_SOLE_NAME_TITLE = re.compile(
    r"(?i)(?<!\w)(?:патриарх|митрополит|архиепископ|епископ|архимандрит|игумен|иеромонах|"
    r"монах|отец|отца|отцом|святитель|святой|святого|святая|святой|преподобн|"
    r"царь|царя|царю|царём|царем|царица|царицы|князь|князя|княгин|король|короля|королев|"
    r"император|папа|папы|папе|папой|принц|принцесс)\w*[ \u00a0]+$"
)


def article_only(text: str, entities: Sequence[Entity]) -> frozenset[str]:
    """The canonical names among ``entities`` that name someone only within the article:
    a first name or patronymic alone (``Елена``, ``Михалыч``) that the article does not
    tie to a full name (``link`` would have given it one). Each article's ``Елена`` is
    another woman, so such mentions stay in their article and are no library-wide person
    (the people list would merge them all into one row); a name the article once titles
    so that the first name is the whole name (``патриарх Кирилл``) is one. Names in other
    scripts are not judged."""
    alone: set[str] = set()
    titled: set[str] = set()
    for entity in entities:
        words = entity.canonical.split()
        if entity.type != "PER" or len(words) != 1 or not _CAPITALISED.fullmatch(words[0]):
            continue
        if _SOLE_NAME_TITLE.search(text, max(0, entity.start - 30), max(0, entity.start)):
            titled.add(entity.canonical)
        elif entity.canonical not in alone and _first_name_only(words[0]):
            alone.add(entity.canonical)
    return frozenset(alone - titled)


def _first_name_only(word: str) -> bool:
    """A first name or patronymic that is no surname (``Марков``, ``Ильин`` may be); a
    surname's ending alone does not make one of a name read first as a first name
    (``Ирина`` is no woman of an ``Ирин`` family)."""
    if not given_name(word) or dictionary_surname(word):
        return False
    return not surname_readings(word) or likeliest_reading(word) == "Name"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        # A closing guillemet belongs to a name that opens one inside: «Новая газета».
        inside = text[start:end]
        if (text[end - 1] in "»“" and "«" in inside) or (text[end - 1] == ")" and "(" in inside):
            break
        if text[end - 1] == "." and re.search(r"(?:^|[\s.])[А-ЯЁA-Z]\.$", inside):
            break  # ``Харламову М. С.``: the last initial's full stop
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
    """A one-word person mention takes the full name in the article with its stem.

    When several full names share the surname (``Сергей Цивилев`` and his brother
    ``Валерий Цивилев``), a surname alone takes the one of its gender (``Раковой``
    is a woman) if only one fits, else the one the article is about: named first
    and in full at least twice as often as any other. Otherwise it stays a surname.
    A name with initials (``Р. В. Охлопкова``) takes the one full name of that
    surname whose first name has the initial.
    """
    full: dict[str, dict[str, Entity]] = {}
    count: Counter[str] = Counter()
    for entity in entities:
        words = entity.canonical.split()
        if entity.type == "PER" and len(words) > 1 and not _initials(words):
            count[entity.canonical] += 1
            for word in words:
                full.setdefault(stem(word), {}).setdefault(entity.canonical, entity)
    linked = []
    for entity in entities:
        words = entity.canonical.split()
        if entity.type == "PER" and len(words) == 1:
            # Either the nominative or the surface: the analyser may misread a rare surname.
            options = full.get(stem(words[0])) or full.get(stem(entity.text)) or {}
            target = _one_of(entity.text, options, count)
            if target is not None:
                entity = replace(entity, canonical=target)
        elif entity.type == "PER" and len(words) > 1 and _initials(words):
            options = {
                name: first
                for name, first in full.get(stem(words[-1]), {}).items()
                if name.split()[0][:1] == words[0][:1]
            }
            if len(options) == 1:
                entity = replace(entity, canonical=next(iter(options)))
        linked.append(entity)
    return linked


_FAMILY = re.compile(r"(?:ов|ев|ёв|ин|ын)(?:ы|ых|ыми)$|(?:ск|цк)(?:ие|их|ими)$")


def _declined_consonant(surface: str, name: str) -> bool:
    """Whether ``surface`` is a case form (``Бута``) of ``name``'s surname ending in a
    consonant (``Бут``)."""
    surname = name.split()[-1]
    return (
        surname[-1:].lower() not in "аеёиоуыэюяй"
        and surface != surname
        and surface.startswith(surname)
        and surface[len(surname) :] in ("а", "у", "ом", "е")
    )


def _initials(words: Sequence[str]) -> bool:
    """Whether every word but the last is an initial (``Р.``, ``В.``)."""
    return all(re.fullmatch(r"[А-ЯЁA-Z]\.", word) for word in words[:-1])


def _one_of(surface: str, options: dict[str, Entity], count: Counter[str]) -> str | None:
    """The full name a surname alone stands for, among ``options`` (see ``link``)."""
    if _FAMILY.search(surface):
        return None  # ``Цивилевы``, ``Задориных``: a family, not one of its members
    if options and not given_name(surface):  # ``Марине`` is Марина, not a man Марин
        genders = {gender for _, gender, _ in surname_readings(surface)}
        if len(genders) == 1:
            options = {
                name: first
                for name, first in options.items()
                if genders & {g for c, g, _ in surname_readings(name.split()[-1]) if c == "nomn"}
            }
        elif len(options) > 1:
            # ``Бута``, ``Буту``: a surname ending in a consonant declines for a man
            # only (Алла Бут stays Бут), so a declined one is not the woman's.
            options = {
                name: first
                for name, first in options.items()
                if not _declined_consonant(surface, name)
                or "femn" not in first_name_gender(name.split()[0])
            } or options
    if len(options) == 1:
        return next(iter(options))
    if len(options) < 2:
        return None
    # ``В структурах Пригожина Шокина начала``: a "full name" opening with no first name
    # is two surnames run together, not a second person to choose.
    named = [
        name
        for name in options
        if given_name(first := name.split()[0])
        or not (surname_readings(first) or dictionary_surname(first) or plural_surname(first))
    ]
    if len(named) == 1:
        return named[0]
    ranked = sorted(options, key=lambda name: count[name], reverse=True)
    top, second = ranked[0], ranked[1]
    earliest = min(options, key=lambda name: options[name].start)
    if count[top] >= 3 and count[top] >= 2 * count[second] and top == earliest:
        return top
    return None


_SHORT = re.compile(r"[А-ЯЁA-Z]{2,6}")
# Words an abbreviation skips (``Фонд борьбы с коррупцией``: ФБК).
_SKIPPED = frozenset({"с", "со", "и", "по", "в", "во", "на", "для", "при", "об", "о", "за"})


def short_names(entities: Sequence[Entity]) -> list[Entity]:
    """An organisation named short takes the full name the article gives it: an
    abbreviation of its words (``СК`` beside ``Следственный комитет``, ``ХГ`` beside
    ``Христианское государство``) or its first word when that is a common noun
    (``в „Лиге“`` beside ``Лига школ``), when exactly one full name fits. The library
    then counts the short form with the full name, here and, for an abbreviation, in
    articles that use it alone (``views._defined_abbreviations``)."""
    full = sorted(
        {e.canonical for e in entities if e.type == "ORG" and len(e.canonical.split()) > 1}
    )
    if not full:
        return list(entities)
    initials = {
        name: "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SKIPPED)
        for name in full
    }
    heads = {name: stem(name.split()[0]) for name in full}
    result = []
    for entity in entities:
        name = entity.canonical
        if entity.type == "ORG" and " " not in name:
            if _SHORT.fullmatch(name):
                options = [f for f in full if initials[f].upper() == name]
            elif name[:1].isupper() and common_noun(name):
                head = stem(name)
                options = [f for f in full if heads[f] == head]
            else:
                options = []
            if len(options) == 1:
                entity = replace(entity, canonical=options[0])
        result.append(entity)
    return result


def _as_written(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """A one-word organisation whose dictionary form the article never writes, and some
    of whose written forms that word cannot have, takes the form the article writes
    that can be a nominative (the fund «Аурея», mentioned as Ауреи, Аурея, Аурее: not
    a masculine ``Аурей`` the analyser guessed): the commonest such form, when one is."""
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.type == "ORG" and re.fullmatch(r"[А-ЯЁ][а-яё-]+", entity.canonical):
            groups.setdefault(entity.canonical, []).append(entity)
    renamed: dict[str, str] = {}
    for canonical, members in groups.items():
        if re.search(rf"(?<![\w-]){re.escape(canonical)}(?![\w-])", text):
            continue
        # Only when a written form is none of the guessed word's singular forms
        # (``Ауреи``; every form of ``Внешпромбанк`` is one of its own).
        forms = singular_forms(canonical)
        if not forms or all(m.text.lower().replace("ё", "е") in forms for m in members):
            continue
        written = Counter(
            m.text
            for m in members
            if re.fullmatch(r"[А-ЯЁ][а-яё-]+", m.text) and reads_as_nominative(m.text)
        ).most_common(2)
        if written and (len(written) == 1 or written[0][1] > written[1][1]):
            renamed[canonical] = written[0][0]
    if not renamed:
        return list(entities)
    return [replace(e, canonical=renamed.get(e.canonical, e.canonical)) for e in entities]
