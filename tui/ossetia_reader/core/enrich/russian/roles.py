"""Who a word that is not a name means: a role (``— сказал режиссер``, ``глава ФБК``,
``представитель Кремля``), an organisation named by its kind (``в ведомстве``, ``в
сообщении министерства``), an outlet that only passes words on (``передает ТАСС``), and
the pronouns ``он``/``она`` (news keeps to the speaker it just quoted).

These resolve a reference to one person or organisation the article named elsewhere;
they do not read the attribution's syntax (``attribution.py`` does, and calls them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import FoundQuote
from ossetia_reader.core.enrich.russian.cues import (
    CUE,
    DOCUMENT,
    NOT_A_SOURCE,
    ROLE,
    SENTENCE_END,
    TITLE_NOUNS,
    past_feminine,
    stem,
)
from ossetia_reader.core.enrich.russian.speaker_names import ArticleNames, is_feminine


def the_speaker_meant(
    names: ArticleNames, found: list[FoundQuote], index: int, feminine: bool | None
) -> Entity | FoundQuote | None:
    """The person ``он``/``она``/``по его словам`` at ``index`` means. News keeps to its
    speaker: the one just quoted, when the pronoun fits and no other person of that gender
    has been named as a subject since (``«…», — заявил Сергей Лавров. … Однако он
    подчеркнул …``, with ``высказывания Наото Кана`` between); else the last person of
    that gender named before, subjects first."""
    # Far from any name (a long quote after a headline that named her): the one person the
    # article has named so far.
    person = names.person_before(index, feminine) or names.only_person(index, feminine)
    previous = found[-1] if found else None
    if (
        previous is not None
        and previous.speaker
        and previous.speaker[:1].isupper()
        and previous.speaker_start is not None
        and index - previous.end <= 800
        and (feminine is None or is_feminine(previous.speaker) == feminine)
        and (person is None or names.at(previous.speaker_start) is not None)
    ):
        subject = names.subject_before(index, feminine)
        if subject is None or subject.start < previous.end:
            return previous
    return person


# Who an unnamed source is (собеседник «Медузы»): the organisation after it is the
# medium or employer, not the speaker.
SOURCE_NOUN = re.compile(
    r"(?:источник|собеседник|знаком|сотрудник|представител|житель|жительниц|читател)\w*$",
    re.IGNORECASE,
)


SOURCE_BEFORE = re.compile(
    r"(?<![\w-])(?:источник|собеседник|представител|сотрудник)\w*(?:[ \u00a0]+[^\s,.:;]+){0,3}?"
    r"(?=[ \u00a0,]*$)",
    re.IGNORECASE,
)


SOURCE_OF = re.compile(
    r"(?<![\w-])(?:источник|собеседник|представител|сотрудник)\w*(?:[ \u00a0]+[^\s,.:;«»]+)?"
    r"[ \u00a0]+«?$",
    re.IGNORECASE,
)


ROLE_OF = re.compile(r"(?<![\w-])([а-яё-]+)[ \u00a0]+«?$")


_SOURCE = re.compile(r"(?<![\w-])(?:источник|собеседник)\w*(?:[ \u00a0]+«[^»]{1,40}»)?", re.I)


def unnamed_source(text: str, lower: int, upper: int) -> str | None:
    """An unnamed source (``источник «Медузы»``) named after the last person, whom a
    pronoun that follows means instead."""
    found = list(_SOURCE.finditer(text, max(0, lower), max(0, upper)))
    return found[-1].group().lower() if found else None


_IN = re.compile(r"(?<![\w-])[Вв]о?[ \u00a0]+(?:пресс-служб\w+[ \u00a0]+)?[«„]?$")


def role_subject(
    text: str, lower: int, verb_at: int, cue: re.Match[str], names: ArticleNames, plural: bool
) -> Entity | None:
    """A role noun anywhere in the clause before a past-tense verb, agreeing with it in
    gender (so in the nominative: ``… сразу после операции актриса, на случай трагического
    финала, попросила``; not ``муж актрисы``): the person introduced in that role, or the
    last subject of that gender."""
    feminine = past_feminine(cue.group())
    if plural or feminine is None:
        return None
    for word in reversed(re.findall(r"[а-яё-]+", text[lower:verb_at])):
        ending_fits = word[-1:] in "ая" if feminine else word[-1:] not in "аяиыуюеоё"
        role = ROLE.match(word)
        if role is not None and ending_fits and role.end() == len(word):
            return names.in_role(word, lower, feminine, fallback=False, introduced_first=True)
    return None


AFTER_PREPOSITION = re.compile(
    r"(?<![\w-])(?:в|во|на|из|от|для|у|к|по|о|об|при|с|со|за|до)[ \u00a0]+[«„]?$", re.IGNORECASE
)


def in_organisation(text: str, lower: int, verb_at: int, names: ArticleNames) -> Entity | None:
    """``В Минкульте вопрос … называли «…»``, ``В пресс-службе Кремля заявили``: an
    organisation named as the place the words came from."""
    for entity in names.within(lower, verb_at):
        if entity.type == "ORG" and _IN.search(text, max(lower, entity.start - 30), entity.start):
            return entity
    return None


# ``в ведомстве``, ``в сообщении министерства``, ``на сайте компании``: an organisation
# the article named before, meant by its kind.
_ORG_MEANT = re.compile(
    r"^[ \u00a0]*(?:(?:в|во|на)[ \u00a0]+)?(?:(?:сообщени|заявлени|пресс-релиз|релиз|пресс-служб|"
    r"telegram-канал|телеграм-канал|канал|сайт|ответ|письм|документ|материал)\w*[ \u00a0]+)?"
    r"(ведомств|министерств|компани|суд|департамент|правительств|мэри|администраци|агентств|"
    r"прокуратур|комитет|партии|парти)\w*(?![\w-])",
    re.IGNORECASE,
)


_GOVERNMENT = re.compile(
    r"^(?:Мин|МИД|МВД|МЧС|ФСБ|ФСО|ФСИН|ФНС|ФАС|СК(?![А-Я])|Следствен|Генпрокуратур|Прокуратур|"
    r"Рос|Федеральн|Министерств|Служб|Департамент|Комитет|Управлени|ГУ|УМВД|УФСБ|Пентагон|"
    r"Госдеп|Правительств|Кремл|Администраци|Мэри|Центробанк|ЦБ|Банк России|Совет|Госдум)",
)


SERVICE_OF = re.compile(r"пресс-служб\w*[ \u00a0]+([а-яё-]+)", re.IGNORECASE)


def organisation_meant(
    text: str, start: int, upper: int, lower: int, names: ArticleNames
) -> Entity | None:
    """``— говорится в сообщении ведомства`` after ``Министерство обороны сообщило …``:
    the last organisation of that kind named before ``lower`` (a ministry, a court, a
    company; for ``ведомство``, a state body)."""
    match = _ORG_MEANT.match(text[start:upper])
    if match is None:
        return None
    kind = match.group(1).lower()
    for entity in reversed(names.within(max(0, lower - 3000), lower)):
        # ``пермская компания «Сеуслаб»``: one introduced with that very word first.
        lead = text[max(0, entity.start - 25) : entity.start].lower()
        if entity.type == "ORG" and entity.end <= lower and kind in lead:
            return entity
    for entity in reversed(names.within(max(0, lower - 3000), lower)):
        if entity.type != "ORG" or entity.end > lower:
            continue
        if kind == "агентств":
            # ``— говорится в сообщении агентства`` after ``утверждает ТАСС``
            if MEDIA.search(entity.text):
                return entity
            continue
        if MEDIA.search(entity.text):
            continue
        canonical = entity.canonical
        government = _GOVERNMENT.match(canonical) is not None
        if kind == "ведомств" and government:
            return entity
        if kind == "министерств" and (canonical.startswith(("Мин", "МИД", "МВД", "МЧС"))):
            return entity
        if kind == "компани" and not government:
            return entity
        if kind not in ("ведомств", "министерств", "компани", "агентств") and any(
            stem(word.lower()).startswith(kind[:4]) for word in canonical.split()
        ):
            return entity
    return None


def modifies_a_noun(text: str, lower: int, entity: Entity) -> bool:
    """An organisation named after a common noun that is not its kind (``школы «Икс»``,
    not ``компании «Яндекс»``) belongs to that noun, which is the subject."""
    if entity.type != "ORG":
        return False
    words = re.sub(r"[«„]", " ", text[lower : entity.start]).split()
    if not words:
        return False
    word = words[-1]
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and word not in NOT_A_SOURCE
        and not TITLE_NOUNS.search(word + " ")
        and not DOCUMENT.fullmatch(word)
        and not CUE.fullmatch(word)
    )


# News outlets, which pass on others' words: ``— сообщает Лента.ру``, ``— передает ТАСС``.
MEDIA = re.compile(
    r"ТАСС|РИА|Интерфакс|Лент[аы]|Lenta|РБК|RTVI|Коммерсант|Ъ|Ведомост|Известия|Медуз|"
    r"Reuters|Рейтер|AFP|Франс|Bloomberg|Блумберг|BBC|Би-би-си|CNN|Регнум|Regnum|Фонтанк|"
    r"Baza|Mash|Shot|НТВ|РЕН|Росси[яи][ \u00a0]?24|Первый канал|Эхо|Новая газета|"
    r"\w[.](?:ру|ru|com|рф|ua|net)\b|NEWS|ИТАР",
    re.IGNORECASE,
)


# The outlet that heard the words, named after the source: ``— сообщил артист в интервью
# изданию «Дни.ру»``, ``— рассказал он телеканалу «Дождь»``.
_TO_OUTLET = re.compile(
    r"(?<![\w-])(?:изданию|агентству|газете|телеканалу|каналу|радиостанции|радио|порталу|"
    r"журналу|сайту|интервью|эфире)[ \u00a0]+[«„\"]?$",
    re.IGNORECASE,
)


def heard_at(text: str, lower: int, entity: Entity) -> bool:
    """An organisation after a preposition or an outlet noun is where the words were said
    or who heard them, not who said them."""
    return entity.type == "ORG" and (
        AFTER_PREPOSITION.search(text, lower, entity.start) is not None
        or _TO_OUTLET.search(text, max(lower, entity.start - 30), entity.start) is not None
    )


def representative_meant(
    text: str, member: str, lower: int, org: Entity, cue: str | None, names: ArticleNames
) -> Entity | None:
    """The person ``представитель X`` means: one the article introduced with X beside the
    name (``пресс-секретарь Кремля Дмитрий Песков``, ``директор … Philips Елена Сябренко``),
    of the verb's gender, the last such before the quote."""
    if not member.lower().startswith("представител"):
        return None
    feminine = past_feminine(cue or "")
    for entity in reversed(names.within(max(0, lower - 2000), lower)):
        if (
            entity.type == "PER"
            and entity.end <= lower
            and len(entity.canonical.split()) > 1
            and not names.quoted(entity)
            and (feminine is None or is_feminine(entity.canonical) == feminine)
            and names.near(entity, org.canonical, 120)
        ):
            return entity
    for entity in reversed(names.within(max(0, lower - 1000), lower)):
        # ``Так пресс-секретарь российского лидера Дмитрий Песков прокомментировал …``:
        # the spokesman introduced in other words.
        if (
            entity.type == "PER"
            and entity.end <= lower
            and not names.quoted(entity)
            and (feminine is None or is_feminine(entity.canonical) == feminine)
        ):
            words = names.title_words(entity)
            if not any(_SPOKESMAN.match(word.lower()) for word in words):
                continue
            # Not another organisation's (``пресс-секретарь МВД Ирина Волк``).
            lead_start = entity.start - len(" ".join(words)) - 1
            if any(
                e.type == "ORG" and stem(e.canonical.split()[0]) != stem(org.canonical.split()[0])
                for e in names.within(lead_start, entity.start)
            ):
                continue
            return entity
    return None


_SPOKESMAN = re.compile(r"(?:пресс-секретар|представител|спикер)")


def same_voice(
    text: str, lower: int, found: Sequence[FoundQuote], feminine: bool | None, names: ArticleNames
) -> Entity | None:
    """``«…», — заявила Водонаева. Она отметила, что … «…», — заключила блогерша``: a role
    or title attributing the quote right after someone's is that speaker's, when the verb's
    gender is hers and no other person of it has been named as a subject since."""
    if feminine is None or not found:
        return None
    previous = found[-1]
    # The quote being attributed, when the attribution follows it, is not in the gap.
    at = bisect_right(names.quote_starts, lower) - 1
    gap_end = lower
    if at >= 0 and 0 <= lower - names.quotes[at][1] <= 5:
        gap_end = max(previous.end, names.quotes[at][0])
    if (
        previous.speaker is None
        or not previous.speaker[:1].isupper()
        or previous.speaker_start is None
        or gap_end - previous.end > 400
        or len(SENTENCE_END.findall(text, previous.end, gap_end)) > 3
        or is_feminine(previous.speaker) != feminine
    ):
        return None
    entity = names.at(previous.speaker_start)
    if entity is None or entity.type != "PER":
        return None
    since = names.subject_before(lower, feminine)
    if since is not None and since.start > previous.end:
        return None
    return entity


def head_of(
    names: ArticleNames, org: Entity, lower: int, feminine: bool | None, found: list[FoundQuote]
) -> Entity | None:
    """The person ``глава „Предания“``, ``глава „Мецената“`` means when the article never
    gave the title with the name: one named in the same sentence as the organisation
    (``Владимир Берхин, президент благотворительного фонда «Предание»``) or the one its
    possessive pronoun means (``Догузов … его строительная компания «Меценат»``); of
    several, the speaker just quoted, else the last one."""
    text = names.text
    key = stem(org.canonical.split()[0]) if org.canonical.split() else ""
    window = names.within(max(0, lower - 3000), lower)
    candidates: list[Entity] = []
    for mention in window:
        if (
            mention.type != "ORG"
            or mention.start >= org.start
            or not mention.canonical.split()
            or stem(mention.canonical.split()[0]) != key
        ):
            continue
        ends = [
            m.end() for m in SENTENCE_END.finditer(text, max(0, mention.start - 400), mention.start)
        ]
        sentence_start = ends[-1] if ends else max(0, mention.start - 400)
        after = SENTENCE_END.search(text, mention.end, mention.end + 400)
        sentence_end = after.start() if after is not None else mention.end + 400
        candidates += [
            e
            for e in names.within(sentence_start, sentence_end)
            if e.type == "PER" and e.end <= sentence_end
        ]
        possessive = _POSSESSIVE.search(text, max(0, mention.start - 40), mention.start)
        if possessive is not None:
            word = possessive.group(1).lower()
            meant = names.person_before(mention.start - len(possessive.group()), word != "его")
            if meant is not None:
                candidates.append(meant)
    candidates = [
        e
        for e in candidates
        if e.end <= lower
        and not names.quoted(e)
        and (feminine is None or is_feminine(e.canonical) == feminine)
    ]
    if not candidates:
        return None
    previous = found[-1].speaker if found else None
    for entity in reversed(candidates):
        if previous and names.full_name(entity.canonical, entity.start) == previous:
            return entity
    return max(candidates, key=lambda e: e.start)


_POSSESSIVE = re.compile(r"(?<![\w-])(его|её|ее)(?:[ \u00a0]+[\w-]+){0,3}[ \u00a0]+[«„]?$", re.I)


def apposed_name(text: str, entity: Entity, limit: int, names: ArticleNames) -> Entity | None:
    """A full name set off by a comma right after ``role Name`` (``адвокат Костомарова,
    Роман Абалакин``): that name, else None."""
    if not re.match(r",[ \u00a0]+", text[entity.end : entity.end + 3]):
        return None
    lead = text[max(0, entity.start - 30) : entity.start].split()
    if not lead or ROLE.match(lead[-1].lower()) is None:
        return None
    after = next(iter(names.within(entity.end, limit)), None)
    if (
        after is None
        or after.type != "PER"
        or after.end > limit
        or len(after.canonical.split()) < 2
        or text[entity.end : after.start].strip(" ,\u00a0")
    ):
        return None
    return after
