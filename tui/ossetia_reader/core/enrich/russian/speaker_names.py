"""The article's people and organisations as possible speakers: by position (who is
named before, after or at an offset), in which grammatical form (a name in the
nominative is a subject; after a preposition it is not), of which gender (the past
tense ``сказала`` agrees with a woman), and under which full name (``Цивилев`` →
``Сергей Цивилёв``, ``Сергей Васильевич`` → the name with that patronymic).

Every attribution rule asks these questions of the same names; answering them in one
class over one sorted list is what keeps the finder linear and the answers consistent.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import FoundQuote
from ossetia_reader.core.enrich.russian.cues import (
    CUE,
    DASH,
    QUOTING,
    REPORTED_LINK,
    ROLE,
    SENTENCE_END,
    past_feminine,
    stem,
)

_SPEAKER_TYPES = ("PER", "ORG")


def named_in_full(quote: FoundQuote, names: ArticleNames) -> FoundQuote:
    """The speaker as the full name when the attribution gives the surname alone."""
    if quote.speaker is None or quote.speaker_start is None:
        return quote
    entity = names.at(quote.speaker_start)
    if entity is None or entity.type != "PER":
        return quote
    words = quote.speaker.split()
    if len(words) == 3 and _PATRONYMIC.search(words[2]) and not _PATRONYMIC.search(words[1]):
        return quote  # ``Маковецкий Сергей Васильевич``, surname first, is whole already
    if len(words) == 2 and _PATRONYMIC.search(words[1]):
        # ``Сергей Васильевич``, how an interviewer addresses him: the person the article
        # names with that first name and patronymic (not ``Роман Абрамович``, a surname).
        named = _with_patronymic(quote, names)
        if named is not quote:
            return named
    # The verb's past tense tells a woman from a man: ``Бут рассказала`` is Алла Бут.
    feminine = past_feminine(quote.cue or "")
    full = names.full_name(quote.speaker, quote.speaker_start, feminine)
    written = entity.text.split()
    words = full.split()
    nominative = _subject_position(names.text, entity)
    if (
        nominative
        and len(written) == len(words) > 1
        and all(_one_word(a, b) for a, b in zip(written, words, strict=True))
        and fold(" ".join(written)) != fold(full)
    ):
        # Right before or after its verb a name is the subject, in the nominative: as
        # written (``глава МИДа Сэйдзи Маэхара отметил``, not the analyser's ``Маэхар``).
        full = " ".join(written)
    elif (
        len(written) == 1
        and len(words) > 1
        and (nominative or _NOMINATIVE_SURNAME.search(fold(written[0])) is not None)
        and fold(words[-1]) != fold(written[0])
        and stem(words[-1]) == stem(written[0])
    ):
        # The surname as written in the nominative: ``Александр Кибовского`` → Кибовский.
        full = " ".join([*words[:-1], written[0]])
    full = " ".join(_as_name(word) for word in full.split())
    return quote if full == quote.speaker else replace(quote, speaker=full)


def _as_name(word: str) -> str:
    """A name's word written in capitals, as transcripts and sports pages print surnames
    (``М. ГАНАПОЛЬСКИЙ``, ``Виктор ПРОКОПЕНКО``), the way a name is written."""
    if len(word) < 3 or not word.isupper() or not re.fullmatch(r"[А-ЯЁ]+(?:-[А-ЯЁ]+)*", word):
        return word  # (not ``XIV``, a numeral)
    return "-".join(part.capitalize() for part in word.split("-"))


_PATRONYMIC = re.compile(r"[а-яё](?:ович|евич|овна|евна|ична|инична)$")


# Latin letters that look Cyrillic, typed into Russian names (``Cергей``).
_LOOKALIKES = str.maketrans("ACEHKMOPTXaceopxy", "АСЕНКМОРТХасеорху")


def _one_word(written: str, canonical: str) -> bool:
    """Whether a written word and the analyser's form of it are one word in two forms:
    one stem, or one ending changed (``Сайкыа``, read as ``Сайкы``)."""
    if stem(written) == stem(canonical):
        return True
    a, b = fold(written).lower(), fold(canonical).lower()
    if min(len(a), len(b)) < 4:
        return False
    return a[:-1] == b[: len(a) - 1] or b[:-1] == a[: len(b) - 1]


def _with_patronymic(quote: FoundQuote, names: ArticleNames) -> FoundQuote:
    """A first name and patronymic as the name the article gives with a surname."""
    first, patronymic = (word.translate(_LOOKALIKES) for word in (quote.speaker or "").split())
    for entity in names.people_full:
        words = entity.canonical.translate(_LOOKALIKES).split()
        if len(words) > 2 and first in words and patronymic in words:
            return replace(quote, speaker=entity.canonical)
    return quote


def _subject_position(text: str, entity: Entity) -> bool:
    """Whether a name stands right before a cue verb (``Маэхара отметил``) or right after
    one, past a listener in guillemets (``— сказала «Медузе» Яна Мандрыкина``)."""
    after = CUE.match(text, entity.end + 1) if text[entity.end : entity.end + 1] == " " else None
    if after is not None and not QUOTING.match(after.group()):
        # The verb agrees with its subject: ``Диплом Охлопкова назывался`` has another.
        verb_feminine = past_feminine(after.group())
        surname = fold(entity.text.split()[-1]).lower()
        name_feminine = (
            True
            if surname.endswith(("ова", "ева", "ина", "ына", "ская", "цкая"))
            else False
            if surname.endswith(("ов", "ев", "ин", "ын", "ский", "цкий"))
            else None
        )
        return None in (verb_feminine, name_feminine) or verb_feminine == name_feminine
    before = text[max(0, entity.start - 40) : entity.start]
    before = _LISTENER_BEFORE.sub("", before)
    verb = _LAST_WORD.search(before)
    return (
        verb is not None
        and CUE.fullmatch(verb.group(1)) is not None
        and not QUOTING.match(verb.group(1))
    )


_LISTENER_BEFORE = re.compile(r"[ \u00a0]*(?:«[^»]{1,40}»|„[^“]{1,40}“)[ \u00a0]*$")


_LAST_WORD = re.compile(r"(?<![\w-])([\w-]+)[ \u00a0]+$")


# Where the words before a name stop being its title: a sentence's, a clause's or a line's end.
_CLAUSE_BREAK = re.compile(r"[.,;:!?()—–\n]")


class ArticleNames:
    """The article's people and organisations, by position."""

    def __init__(
        self, entities: Sequence[Entity], text: str = "", quotes: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.text = text
        self.quotes = sorted(quotes)
        self.quote_starts = [start for start, _ in self.quotes]
        self.entities = sorted(
            (
                e
                for e in entities
                if e.type in _SPEAKER_TYPES
                # ``Президент держит ситуацию``: a role capitalised at a sentence's start,
                # tagged as a person, is the role (resolved as one), not a name.
                and not (
                    e.type == "PER"
                    and len(e.canonical.split()) == 1
                    and ROLE.match(e.canonical.lower()) is not None
                )
            ),
            key=lambda e: e.start,
        )
        self.starts = [e.start for e in self.entities]
        self.people_full = [
            e for e in self.entities if e.type == "PER" and len(e.canonical.split()) > 1
        ]
        self.by_surname: dict[str, list[Entity]] = {}
        for e in self.people_full:
            self.by_surname.setdefault(stem(e.canonical.split()[-1]), []).append(e)
        # Surnames only one first name goes with: their full name does not depend on where
        # it is asked for, and is worked out once.
        self.one_first = {
            key
            for key, people in self.by_surname.items()
            if len({stem(e.canonical.split()[0]) for e in people}) == 1
        }
        self.full_names: dict[tuple[str, bool | None], str] = {}

    def quoted(self, entity: Entity) -> bool:
        """Whether a name is inside someone's words: «…Янукович…», — сказал он."""
        at = bisect_right(self.quote_starts, entity.start) - 1
        if not (at >= 0 and self.quotes[at][0] < entity.start and entity.end < self.quotes[at][1]):
            return False
        # «Первое, — рассказывает директор ФБК Роман Рубанов. — Второе»: the attribution
        # between the dashes is not in the quote.
        dash = max(self.text.rfind(d, self.quotes[at][0], entity.start) for d in DASH)
        return dash < 0 or CUE.search(self.text, dash, entity.start) is None

    def person_in(self, lower: int, upper: int) -> bool:
        """Whether a person's name lies within ``[lower, upper)``."""
        return any(e.type == "PER" and e.end <= upper for e in self.within(lower, upper))

    def at(self, start: int) -> Entity | None:
        """The entity that starts at ``start``."""
        index = bisect_left(self.starts, start)
        if index < len(self.starts) and self.starts[index] == start:
            return self.entities[index]
        return None

    def within(self, lower: int, upper: int) -> list[Entity]:
        return self.entities[bisect_left(self.starts, lower) : bisect_right(self.starts, upper)]

    def first(self, lower: int, upper: int, subject: bool | str = False) -> Entity | None:
        """The first person (else organisation) in ``[lower, upper)``. With ``subject``,
        only a person named in the nominative: ``объясняет карьеру Морозовой знакомый``
        names Морозова as the object, not the speaker."""
        return pick(
            [e for e in self.within(lower, upper) if e.end <= upper and may_speak(e, subject)]
        )

    def last(self, lower: int, upper: int, subject: bool | str = False) -> Entity | None:
        """The last person (else organisation) in ``[lower, upper)``."""
        inside = [e for e in self.within(lower, upper) if e.end <= upper and may_speak(e, subject)]
        return pick(inside[::-1])

    def person_before(
        self, index: int, feminine: bool | None, askers: bool = True
    ) -> Entity | None:
        """The person ``он``/``она`` before ``index`` means: the last one of the pronoun's
        gender named as a subject (in the nominative) in the text just before, else the
        last one named at all. ``Адвокат Виталий Сердюк, представляющий интересы Виктора
        Януковича, … — сообщил он`` is Сердюк."""
        people = [
            entity
            for entity in self.within(max(0, index - 600), index)
            if entity.type == "PER"
            and entity.end <= index
            and _of_gender(entity.canonical, feminine)
            and not self.quoted(entity)
            and (askers or not self.asker(entity))
            and not self.outlet(entity)
        ]
        subjects = [
            entity for entity in people if may_speak(entity, True) and not self.governed(entity)
        ]
        # A main clause's subject before one inside what was reported (``Мухин не опроверг
        # информацию о том, что президент Путин недееспособен. «…» — написал он``).
        main = [entity for entity in subjects if not self.reported(entity)]
        if main and subjects and main[-1] is not subjects[-1]:
            last = subjects[-1]
            if SENTENCE_END.search(self.text, main[-1].end, last.start) is None:
                subjects = main
        for candidates in (subjects, people):
            if candidates:
                return candidates[-1]
        return None

    def reported(self, entity: Entity) -> bool:
        """Whether a name stands in a clause that reports (after ``что``, ``чтобы``,
        ``будто``, ``якобы`` in its sentence)."""
        ends = list(SENTENCE_END.finditer(self.text, max(0, entity.start - 300), entity.start))
        lower = ends[-1].end() if ends else max(0, entity.start - 300)
        return REPORTED_LINK.search(self.text, lower, entity.start) is not None

    def in_role(
        self,
        role: str,
        index: int,
        feminine: bool | None,
        fallback: bool = True,
        org: str | None = None,
        introduced_first: bool = False,
    ) -> Entity | None:
        """The person ``сказал режиссер`` means: the one the article introduces with that
        word (``режиссера Кирилла Серебренникова``) or the person last named as a subject
        before the quote (``С ним согласен главный редактор Юрий Дудь. «…», — говорит
        журналист``), whichever was named last; with ``fallback``, else the last person of
        that gender named before. A role at an organisation (``директор ФБК``) must be the
        one introduced so."""
        key = stem(role.strip(".,;:()").lower())
        # ``— заключила блогерша`` after ``блогер Алена Водонаева``: a woman's form of the
        # role is the role.
        keys = {key, stem(_MASCULINE_ROLE.sub("", role.strip(".,;:()").lower()))}
        introduced = None
        anywhere = None  # introduced in that role, at whatever organisation
        for entity in reversed(self.within(0, index)):
            if entity.type != "PER" or entity.end > index or self.quoted(entity):
                continue
            # The role word right before the name: ``режиссера Кирилла Серебренникова``,
            # not ``режиссера … . По словам сценариста Михаила Идова``, nor
            # ``бизнес-партнер Геннадия Тимченко`` for ``бизнесмен``.
            if (
                feminine is not None
                and len(entity.canonical.split()) > 1
                and is_feminine(entity.canonical) != feminine
                # (a foreign first name that tells no gender, ``Этери``, may be either)
                and (
                    is_feminine(entity.canonical)
                    or _gender_of_first_name(entity.canonical) is not None
                )
            ):
                continue  # ``муж актрисы Сергей Сенин`` is not the актриса
            if any(stem(word.lower()) in keys for word in self.title_words(entity, False)):
                if anywhere is None and org is not None and self.near(entity, org, 250):
                    anywhere = entity
                if org is None or self.near(entity, org):
                    introduced = entity
                    break
        if introduced_first and introduced is not None:
            return introduced
        if org is not None:
            # ``— пояснил создатель Facebook`` after ``создатель социальной сети Марк
            # Цукерберг``: the one so introduced, the organisation named further off.
            return introduced or anywhere
        subject = self.subject_before(index, feminine)
        if subject is not None and self.asker(subject) and not _ASKER.match(key):
            # ``— поинтересовался корреспондент Александр Юнашев …⏎— …, — заверил
            # президент``: the one who asks is not the president who answers.
            subject = None
        if (
            subject is not None
            and introduced is not None
            # introduced with the role itself, not a group's (``Союза … предпринимателей``)
            and any(
                stem(word.lower()) in keys and not word.lower().endswith(("ей", "ов", "ах", "ями"))
                for word in self.title_words(introduced, False)
            )
            and any(
                ROLE.match(word.lower()) and stem(word.lower()) not in keys
                for word in self.title_words(subject, False)
            )
        ):
            # ``тренер Этери Тутберидзе … фигуристка Аделия Петросян … Тренер
            # подчеркнула``: one named since with another title is not the role's person.
            subject = None
        if subject is not None and (introduced is None or subject.start > introduced.start):
            return subject if (fallback or introduced is not None) else None
        if introduced is not None:
            return introduced
        if not fallback:
            return None
        before = self.person_before(index, feminine)
        if before is not None and self.asker(before) and not _ASKER.match(key):
            return self.person_before(index, feminine, askers=False)
        return before or self.only_person(index, feminine)

    def only_person(self, index: int, feminine: bool | None) -> Entity | None:
        """``— сказал аналитик`` when the article has named one person so far (``доцент
        Илмари Кяихке``, whose foreign first name tells no gender), or, in an excerpt
        that opens with the words, nobody yet: the one person the excerpt names at all
        (``— написал политик …⏎… — подчеркнул Пискарев``). Not one whose name says the
        other gender."""
        people = [
            e
            for e in self.within(0, index)
            if e.type == "PER" and e.end <= index and not self.quoted(e)
        ]
        if not people:
            # Nobody named before: the one person the whole excerpt names, if it names one.
            people = [e for e in self.entities if e.type == "PER" and not self.quoted(e)]
        if len({stem(e.canonical.split()[-1]) for e in people}) != 1:
            return None
        person = people[-1]
        if feminine is not None and _gender_of_first_name(person.canonical) == (not feminine):
            return None
        return person

    def outlet(self, entity: Entity) -> bool:
        """``сообщает корреспондент Укринформа``: one word right after ``корреспондент``
        is the outlet he writes for, whatever the tagger made of it."""
        before = self.text[max(0, entity.start - 20) : entity.start]
        return (
            len(entity.text.split()) == 1
            and re.search(r"корреспондент\w*[ \u00a0]+$", before) is not None
        )

    def asker(self, entity: Entity) -> bool:
        """Whether the article introduces a person as a journalist (``корреспондент
        «Известий» Александр Юнашев``, ``ведущая Ирина Воробьева``): the one who asks."""
        return any(_ASKER.match(word.lower()) for word in self.title_words(entity))

    def title_words(self, entity: Entity, across_marks: bool = True) -> list[str]:
        """The last three words of the clause right before a name, where the article gives
        its title (``режиссера Кирилла Серебренникова``, ``корреспондент «Известий»
        Александр Юнашев``, ``пресс-секретарь Кремля Дмитрий Песков``); not words past a
        sentence's, a clause's or a line's end. Without ``across_marks``, a name in
        guillemets ends them too: ``директору «Эрмитажа» Михаилу Пиотровскому`` is not
        the ``директор`` of another organisation."""
        lead = _CLAUSE_BREAK.split(self.text[max(0, entity.start - 60) : entity.start])[-1]
        if not across_marks:
            lead = re.split(r"[«»]", lead)[-1]
        return lead.split()[-3:]

    def subject_before(self, index: int, feminine: bool | None) -> Entity | None:
        """The last person named in the nominative (not inside a quote) shortly before."""
        for entity in reversed(self.within(max(0, index - 1000), index)):
            if (
                entity.type == "PER"
                and entity.end <= index
                and not self.quoted(entity)
                and may_speak(entity, True)
                and not self.governed(entity)
                and _of_gender(entity.canonical, feminine)
            ):
                return entity
        return None

    def governed(self, entity: Entity) -> bool:
        """A name after a preposition or ``имени`` is no subject, whatever its form (``о
        проблемах со здоровьем у Шойгу``, ``в фонде имени Кербера``)."""
        before = self.text[max(0, entity.start - 12) : entity.start]
        return _GOVERNING.search(before) is not None

    def near(self, entity: Entity, org: str, reach: int = 60) -> bool:
        """Whether an organisation is named next to a person (his title: ``директор ФБК
        Роман Рубанов``), or with ``reach`` 250, in his sentence."""
        key = stem(org.split()[0])
        before = self.text[max(0, entity.start - reach) : entity.start]
        # A sentence's end or a line's (a headline's ``… слышал Путина⏎Представитель
        # Кремля …`` is not the title of Путин).
        before = re.split(r"[.!?]\s|\n", before)[-1]
        after = re.split(r"[.!?]\s|\n", self.text[entity.end : entity.end + reach])[0]
        words = f"{before} {after}".split()
        return any(stem(word.strip("«»„“,.")) == key for word in words)

    def full_name(self, canonical: str, index: int, feminine: bool | None = None) -> str:
        """A person's name as the article gives it in full and in the nominative.

        A surname alone (``Цивилёв``) becomes the full name with that surname the
        article uses most (brothers share a surname; the article is about one of
        them), of equals the last one before ``index``. Of the spellings of that full
        name, the shortest is the nominative: ``Ростислава Бардокина`` (which the
        analyser cannot tell from a woman's nominative) yields to ``Ростислав
        Бардокин`` written elsewhere. Two names the tagger ran together
        (``Андреем Колесниковым Цивилев``) are the last one's."""
        words = canonical.split()
        if not words:
            return canonical
        key = stem(words[-1])
        if key in self.one_first:
            known = self.full_names.get((canonical, feminine))
            if known is None:
                known = self._full_name(canonical, index, feminine)
                self.full_names[(canonical, feminine)] = known
            return known
        return self._full_name(canonical, index, feminine)

    def _full_name(self, canonical: str, index: int, feminine: bool | None) -> str:
        words = canonical.split()
        key = stem(words[-1])
        matching = list(self.by_surname.get(key, ()))
        if feminine is not None and len(words) == 1:
            matching = [e for e in matching if is_feminine(e.canonical) == feminine] or matching
        surnames = self.by_surname
        if len(words) > 3:
            # ``пресс-секретаря Алексея Навального Киры Ярмыш``: the last name is hers.
            words = words[-2:]
        elif len(words) == 2 and stem(words[0]) in surnames and key in surnames:
            # ``После демарша Серуканова Навальный заявил``: two surnames run together.
            words = words[-1:]
        elif len(words) > 2:
            others = [e for e in matching if stem(e.canonical.split()[0]) != stem(words[0])]
            if others:
                words, matching = words[-1:], others
        if len(words) == 1:
            if not matching:
                return canonical
            counts = Counter(stem(e.canonical.split()[0]) for e in matching)
            last_before = {
                stem(e.canonical.split()[0]): e.start for e in matching if e.start < index
            }
            first = max(counts, key=lambda name: (counts[name], last_before.get(name, -1)))
        elif _INITIAL.fullmatch(words[0]):
            # ``А. Кудрин`` is the ``Алексей Кудрин`` the article named in full.
            initial = words[0][0].lower()
            given = {
                stem(e.canonical.split()[0])
                for e in matching
                if not _INITIAL.fullmatch(e.canonical.split()[0])
            }
            full = [name for name in given if name[:1].lower() == initial]
            first = full[0] if len(full) == 1 else stem(words[0])
        else:
            first = stem(words[0])
        spellings = list(
            dict.fromkeys(e.canonical for e in matching if stem(e.canonical.split()[0]) == first)
        )
        if not spellings:
            return " ".join(words)
        return min(spellings, key=len)


_INITIAL = re.compile(r"[А-ЯЁA-Z]\.")


def pick(entities: list[Entity]) -> Entity | None:
    for kind in _SPEAKER_TYPES:
        for entity in entities:
            if entity.type == kind:
                return entity
    return None


# Before the verb a person in any case is its subject (a reported clause follows the
# verb); an organisation there must still be in the nominative (Об этом «Медузе» рассказал).
ORG_ONLY = "organisations"


def may_speak(entity: Entity, subject: bool | str) -> bool:
    """With ``subject``, only a name in the nominative: the last word as written is the
    canonical name's (``Пескова`` is not ``Песков``; ``«Медузе»``, the listener in
    ``рассказал «Медузе»``, is not ``Медуза``)."""
    if not subject or (subject is ORG_ONLY and entity.type != "ORG"):
        return True
    written, canonical = fold(entity.text).split(), fold(entity.canonical).split()
    if not (written and canonical):
        return False
    if (
        entity.type == "PER"
        and len(written) == len(canonical) == 2
        and written[0] != canonical[0]
        and (
            written[0][-1:] in "ыиеуюойя"
            # ``с портретом Бориса Романченко``; not ``Гела``, a man's name in -а
            or (written[0][-1:] == "а" and _oblique_first_name(written[0]))
        )
        and stem(written[0]) == stem(canonical[0])
    ):
        # ``приговором Надежды Савченко``: an indeclinable surname is in the case of the
        # first name before it.
        return False
    # ``— добавил Кибовский`` linked to a full name the analyser left in the genitive
    # (``Александр Кибовского``): a surname written in a nominative form is one.
    return written[-1] == canonical[-1] or (
        _NOMINATIVE_SURNAME.search(written[-1]) is not None
        and stem(written[-1]) == stem(canonical[-1])
    )


_NOMINATIVE_SURNAME = re.compile(r"(?:ов|ев|ин|ын|ский|цкий)$")


def fold(name: str) -> str:
    """ё written as е, as most Russian news does (``Цивилев`` is ``Цивилёв``)."""
    return name.replace("ё", "е").replace("Ё", "Е")


def _of_gender(name: str, feminine: bool | None) -> bool:
    """Whether a person may be the one a pronoun or verb of that gender means: of that
    gender, or with a first name that tells none (``Этери``, ``Илмари``)."""
    if feminine is None or is_feminine(name) == feminine:
        return True
    return not is_feminine(name) and len(name.split()) > 1 and _gender_of_first_name(name) is None


def is_feminine(name: str) -> bool:
    """A Russian name is a woman's when its first name ends in -а/-я (Ольга Ковех, Алла
    Бут; not Илья, Никита) or the dictionary knows it as a woman's (Любовь, Нинель,
    Пегги, Нэнси), or, given alone, when the surname does (Захарова)."""
    words = name.split()
    if not words:
        return False
    if len(words) > 1:
        first = words[0].lower()
        if first[-1:] in "ая":
            return first not in _MEN_IN_A
        return _womans_first_name(first)
    return words[-1][-1:] in "аяАЯ"


def _gender_of_first_name(name: str) -> bool | None:
    """True for a woman's Russian first name in -а/-я, False for a man's in a consonant or
    -й (or one of the men's names in -а), None when the first name does not say
    (``Илмари``, ``Исо``) or there is none."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].lower()
    if first in _MEN_IN_A:
        return False
    if first[-1:] in "ая":
        return True
    if re.search(r"[бвгджзйклмнпрстфхцчшщ]$", first):
        return False
    return None


@lru_cache(maxsize=4096)
def _oblique_first_name(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a first name only in cases other than the
    nominative (``Бориса``; not ``Яна``, either, nor ``Гела``, unknown)."""
    from ossetia_reader.core.enrich.russian.morph import first_name_cases

    cases = first_name_cases(word)
    return bool(cases) and "nomn" not in cases


@lru_cache(maxsize=4096)
def _womans_first_name(word: str) -> bool:
    """Whether pymorphy3 reads a first name not ending in -а/-я as a woman's."""
    from ossetia_reader.core.enrich.russian.morph import womans_first_name

    return womans_first_name(word)


_MEN_IN_A = frozenset(
    {"илья", "никита", "кузьма", "фома", "лука", "савва", "данила", "гаврила", "саша", "миша"}
    | {"паша", "дима", "вова", "коля", "петя", "ваня", "женя", "лёша", "леша", "костя", "слава"}
)


_GOVERNING = re.compile(
    # ``фигурирует не Собчак``: a name negated is no subject either.
    r"(?<![\w-])(?:у|о|об|от|для|с|со|к|ко|при|про|без|имени|им\.|не)[ \u00a0]+$",
    re.IGNORECASE,
)


_MASCULINE_ROLE = re.compile(r"(?<=[а-яё]{4})(?:ша|шей|ши|шу|ка|ки|ке|ку|кой)$")


_ASKER = re.compile(r"(?:корреспондент|корр\.|спецкор|журналист|ведущ|интервьюер|обозревател)")
