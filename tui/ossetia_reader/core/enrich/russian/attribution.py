"""Who said a quote, read from the words around it: the attribution after it (``«…», —
сказал Песков``, ``«…», сказал Клинсман``), before it (``Песков заявил: «…»``, ``По словам
Пескова, …``, ``Песков назвал это «…»``), inside it (``«Первое, — сказал Песков. —
Второе»``) or in the next sentence (``«…». Так считает Песков``). The speaker is the
subject of the cue verb: a name in the nominative, a gerund's sentence subject, an
unnamed source kept as a lower-case phrase; a listener (``«Медузе»``, ``журналистам``)
or a relaying outlet (``цитирует РИА Новости``) is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import FoundQuote
from ossetia_reader.core.enrich.russian.cues import (
    CUE,
    DASH,
    DIRECTIVE,
    INTRO,
    NAMING,
    NOT_A_SOURCE,
    OBJECTS,
    PRONOUN,
    QUOTING,
    REPORTED_LINK,
    ROLE,
    SENTENCE_END,
    WINDOW,
    is_gerund,
    paragraph_start,
    past_feminine,
    plural_verb,
    reports_speech,
    stem,
)
from ossetia_reader.core.enrich.russian.roles import (
    AFTER_PREPOSITION,
    MEDIA,
    ROLE_OF,
    SERVICE_OF,
    SOURCE_BEFORE,
    SOURCE_NOUN,
    SOURCE_OF,
    apposed_name,
    head_of,
    heard_at,
    in_organisation,
    modifies_a_noun,
    organisation_meant,
    representative_meant,
    role_subject,
    same_voice,
    the_speaker_meant,
    unnamed_source,
)
from ossetia_reader.core.enrich.russian.speaker_names import (
    ORG_ONLY,
    ArticleNames,
    fold,
    is_feminine,
    may_speak,
    pick,
)

# What an attribution reads: the speaker's canonical name, the cue verb, and where the
# speaker's name starts and ends in the text.
Attribution = tuple[str | None, str | None, int | None, int | None]


def _reported_before(text: str, lower: int, index: int) -> bool:
    """A cue verb and ``что`` before ``index``: what follows is the reported clause
    (``объявила, что ИНН …``); the writer's own ``Напомним, что …`` reports nothing."""
    link = REPORTED_LINK.search(text, lower, index)
    if link is None:
        return False
    verbs = (CUE.search(text, lower, link.start()), VERB_SHAPED.search(text, lower, link.start()))
    return any(verb is not None for verb in verbs)


# One adjective in guillemets before the noun it qualifies is the writer's irony or a term
# (``в «юнармейских» классах``), not anyone's words.
ADJECTIVE = re.compile(
    r"[а-яё-]+(?:ых|их|ой|ые|ие|ий|ый|ая|ое|ого|ому|ым|им|ими|ыми|ую|юю|яя|ее|его|ему)"
)


def speaker_of(
    text: str, lower: int, upper: int, names: ArticleNames, found: list[FoundQuote], first: bool
) -> Attribution | None:
    """Who the attribution text ``[lower, upper)`` names, and its cue verb."""
    clause = text[lower:upper]
    intro = INTRO.search(clause)
    if intro is not None:
        by_intro = intro_speaker(text, lower + intro.start(), lower + intro.end(), upper, names)
        if by_intro is not None and by_intro[0] is not None:
            return by_intro
    cue_match = CUE.search(clause) or intro
    cue = cue_match.group() if cue_match else None
    if not first:
        said = _pronoun_said(text, lower, clause, names, found)
        if said is not None:
            return said
        cues = list(CUE.finditer(clause))
        if len(cues) > 1:
            # ``Мария написала жалобу, чиновники пообещали продолжить «…»``: the verb
            # nearest the quote, in its own clause, says who spoke.
            comma = max(clause.rfind(mark, cues[-2].end(), cues[-1].start()) for mark in ",;")
            # A gerund shares its subject with the verb before it: ``рассказал в своем
            # твиттере Сергей Собянин, отметив, что …``.
            if (
                comma >= 0
                and not is_gerund(cues[-1].group())
                # ``Сухарева заявила, что вины не признает``: a verb inside the reported
                # clause of the one before it is part of what was reported.
                and not (
                    clause[comma] == ","
                    and REPORTED_LINK.match(clause[comma + 1 : cues[-1].start()].lstrip())
                )
            ):
                relative = _RELATIVE.match(clause, comma + 1)
                if relative is not None and relative.group(1) is not None:
                    # ``Ирина Евсеева, которая также говорила, что …``: the name before
                    # the relative pronoun.
                    antecedent = names.last(max(lower, lower + comma - 60), lower + comma)
                    if (
                        antecedent is not None
                        and antecedent.type == "PER"
                        and not text[antecedent.end : lower + comma].strip(" \u00a0»")
                    ):
                        return (
                            antecedent.canonical,
                            cues[-1].group(),
                            antecedent.start,
                            antecedent.end,
                        )
                said = speaker_of(text, lower + comma + 1, upper, names, found, first=False)
                if relative is None or (said is not None and said[0] is not None):
                    return said
                # ``Шарипков написал пост, в котором сообщил: «…»``: the sentence's subject.
    if first:
        # Not a name in brackets: ``— пишет автор письма (его опубликовало «Эхо Москвы»)``.
        bracket = clause.find("(")
        limit = lower + bracket if bracket >= 0 else upper
        gerund_clause = _GERUND_CLAUSE.search(text, lower, limit)
        if gerund_clause is not None:
            # ``— отметил российский министр, выступая с лекцией в фонде имени Кербера``
            limit = gerund_clause.start()
        entity = pick(
            [
                e
                for e in names.within(lower, limit)
                if e.end <= limit
                and (may_speak(e, True) or _right_after(text, lower, cue_match, e))
                and not heard_at(text, lower, e)
                and not (e.type == "PER" and names.governed(e))
                # ``, заявил, что он уже на Украине, сообщает РИА Новости``: not inside
                # what was reported.
                and not (
                    cue_match is not None
                    and REPORTED_LINK.search(text, lower + cue_match.end(), e.start)
                )
            ]
        )
        if entity is not None and entity.type == "PER":
            # ``— рассказал «МК» адвокат Костомарова, Роман Абалакин``: the name after the
            # comma is the role's own; the one before it, whose lawyer he is.
            apposed = apposed_name(text, entity, limit, names)
            if apposed is not None:
                entity = apposed
        quoted = _quoted_person(text, lower, limit, cue_match, names, found) or _author(
            text, lower, limit, cue_match, names
        )
        if quoted is not None:
            # ``— цитирует РИА Новости главу МЧС Александра Куренкова``, ``— приводит ТАСС
            # слова Пескова``: the outlet relays, the person it quotes spoke.
            return quoted.canonical, cue, quoted.start, quoted.end
        if (
            entity is not None
            and cue_match is not None
            and _listener(text, lower, cue_match, entity)
        ):
            # ``— сообщил РИА Новости источник в правительстве``: the agency heard it.
            heard = _heard_by(text, entity.end, limit, cue_match, names)
            if heard is not None:
                return heard
        woman = _woman_after_verb(text, lower, cue_match, names)
        if woman is not None and (entity is None or woman.start < entity.start):
            return woman.text, cue, woman.start, woman.end
    else:
        # The speaker is the subject of the verb: named before it ("Аузан добавил, что
        # Капков …"), else after it.
        verb_at = lower + cue_match.start() if cue_match else upper
        # A gerund's subject is the sentence's, in the nominative: ``Кан также осудил визит
        # … Дмитрия Медведева, назвав его «…»`` is Кан's.
        gerund = cue_match is not None and is_gerund(cue_match.group())
        verb_feminine = past_feminine(cue_match.group()) if cue_match is not None else None
        entity = pick(
            [
                e
                for e in names.within(lower, verb_at)[::-1]
                if e.end <= verb_at
                and may_speak(e, True if gerund else ORG_ONLY)
                # The verb agrees with its subject: ``Помощник Хиллари Клинтон … заявил``
                # is not Клинтон speaking; ``в «КП»`` is where, not who.
                and (
                    e.type != "PER"
                    or verb_feminine is None
                    or len(e.canonical.split()) < 2
                    or is_feminine(e.canonical) == verb_feminine
                )
                and not (e.type == "ORG" and AFTER_PREPOSITION.search(text, lower, e.start))
                # ``Шарипкову ответили``, ``критически настроенные к Жукову собеседники
                # считают``: a plural verb's subject is a group, not the one person named.
                and not (
                    e.type == "PER"
                    and cue_match is not None
                    and plural_verb(cue_match.group())
                    and not cue_match.group().lower().endswith("тся")
                    and not (
                        may_speak(e, True)
                        and _PEOPLE_AND.match(text, e.end, min(verb_at, e.end + 60))
                    )
                )
            ]
        )
        if entity is not None and _reported_before(text, lower, entity.start):
            # ``объявила, что ИНН — не печать Антихриста, и призвала``: a name inside what
            # was reported is not who spoke.
            entity = None
        if entity is not None and modifies_a_noun(text, lower, entity):
            entity = None  # ``Выпускник школы «Икс» назвал``: the graduate spoke, not the school
        if entity is None and (cue_match is None or plural_verb(cue_match.group())):
            # ``В пресс-службе Кремля заявили``: the words came from there; a singular
            # verb has a subject of its own (``опубликованной в «КП», … актриса попросила``).
            entity = in_organisation(text, lower, verb_at, names) or organisation_meant(
                text, lower, verb_at, lower, names
            )
        after_verb = names.first(verb_at, upper, subject=True)
        if after_verb is not None and REPORTED_LINK.search(text, verb_at, after_verb.start):
            # ``собеседник «Медузы» считает, что Щербаков …``: inside what was reported.
            after_verb = None
        if entity is None or (
            # ``Музей Зои Космодемьянской — проект, подтвердил Мединский: «…»``: a name
            # in an oblique case before the verb yields to the nominative one after it.
            after_verb is not None and after_verb.type == "PER" and not may_speak(entity, True)
            # … тот утверждал, что Саблин …: a name inside the reported clause is not it.
        ):
            entity = after_verb
        if entity is None and cue_match is not None:
            # ``глава управы сказала, что «…»``, ``активист сообщил, что «…»``: the person
            # the article names in that role.
            role_words = re.split(r"[^\w\s-]", text[max(lower, verb_at - 40) : verb_at])[-1]
            plural = cue_match.group().lower().endswith(("ли", "ют", "ят", "ут", "лись"))
            # The subject opens the sentence, however long the rest before the verb
            # (``Глава российского государства во время форума заявил``).
            opening = re.split(r"[^\w\s-]", text[lower:verb_at])[0].split()[:1]
            opening = [word.lower() for word in opening if word[:1].isupper()]
            for word in [*opening, *role_words.split()[-3:]]:
                # ``чиновники пообещали``: a group, no one person.
                if word.islower() and ROLE.match(word) and not plural and word[-1:] not in "иы":
                    feminine = cue_match.group().lower().endswith(("а", "ась"))
                    # ``Мэр также отмечал``: the title opening the sentence means the
                    # one the article introduced with it, not the last person quoted.
                    entity = names.in_role(word, lower, feminine, introduced_first=word in opening)
                    break
            else:
                entity = role_subject(text, lower, verb_at, cue_match, names, plural)
    if entity is not None and entity.type == "ORG":
        member = SOURCE_OF.search(text, max(lower, entity.start - 40), entity.start)
        if member is not None:
            # ``— отметила представитель Philips`` after ``директор … Philips Елена
            # Сябренко`` was introduced: she is the representative.
            person = representative_meant(text, member.group(), lower, entity, cue, names)
            if person is not None:
                return person.canonical, cue, person.start, person.end
            # ``— отметила представитель Philips``: someone unnamed from the organisation.
            phrase = " ".join(text[member.start() : entity.end].split())
            return phrase[:1].lower() + phrase[1:], cue, None, None
        title = ROLE_OF.search(text, max(lower, entity.start - 40), entity.start)
        if title is not None and ROLE.match(title.group(1)):
            # ``— говорит директор ФБК``: the person the article introduced as such.
            person = names.in_role(
                title.group(1),
                lower,
                past_feminine(cue or ""),
                fallback=False,
                org=entity.canonical,
            ) or head_of(names, entity, lower, past_feminine(cue or ""), found)
            agrees = past_feminine(cue or "")
            if person is None and agrees is not None:
                # ``Набиуллина … Она выразила свою позицию … «…», — добавила глава Банка
                # России``: the person the verb agrees with, just named or quoted.
                person = same_voice(text, lower, found, agrees, names)
                named = names.subject_before(lower, agrees)
                if person is None and named is not None:
                    # Not one introduced with that title at another organisation: ``глава
                    # городского стройкомплекса Марат Хуснуллин`` is not ``глава Фонда``.
                    key = stem(title.group(1).lower())
                    if all(stem(word.lower()) != key for word in names.title_words(named)):
                        person = named
            if person is not None:
                return person.canonical, cue, person.start, person.end
    pronoun = PRONOUN.search(clause)
    # Only ``сказал он`` names the speaker; ``пояснил, что … она «…»`` is in the reported
    # clause (and often means a thing: площадка).
    if (
        pronoun is not None
        and cue_match is not None
        and pronoun.start() > cue_match.end()
        and clause[cue_match.end() : pronoun.start()].strip(" \u00a0")
    ):
        pronoun = None
    if entity is not None and (
        entity.type == "PER" or pronoun is None or lower + pronoun.start() > entity.start
    ):
        return entity.canonical, cue, entity.start, entity.end
    if pronoun is not None:
        word = pronoun.group().lower()
        meant = the_speaker_meant(names, found, lower, None if word == "они" else word == "она")
        if isinstance(meant, FoundQuote):
            return meant.speaker, cue, meant.speaker_start, meant.speaker_end
        person = meant
        source = unnamed_source(text, person.end if person else lower - 300, lower)
        if source is not None:
            return source, cue, None, None
        if person is not None:
            return person.canonical, cue, person.start, person.end
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.speaker
            and previous.speaker[:1].isupper()
            and (word == "они" or is_feminine(previous.speaker) == (word == "она"))
        ):
            # No one named before: the last speaker, if the pronoun fits (``она сказала``
            # is not the man quoted last).
            return previous.speaker, cue, previous.speaker_start, previous.speaker_end
        if previous is None and word != "они":
            # An excerpt that opens with the words (``«…», – написал он.⏎По словам
            # Живицкого, …``): the person of the pronoun's gender named next.
            later = [
                e
                for e in names.within(upper, upper + 500)
                if e.type == "PER" and is_feminine(e.canonical) == (word == "она")
            ]
            if later and not names.within(0, lower):
                return later[0].canonical, cue, later[0].start, later[0].end
    if cue_match is not None:
        # An unnamed source: the words after the verb ("собеседник «Медузы»").
        rest = _LISTENER.sub("", clause[cue_match.end() :]).strip(" ,.:\u00a0")
        # ``— заверил журналистов президент``: the listeners, not the speaker.
        # (and the outlet after them: ``корреспонденту «Медузы» один из рабочих``)
        rest = _LISTENER.sub("", _HEARERS.sub("", rest)).strip(" ,.:\u00a0")
        phrase = " ".join(rest.split()[:4]).rstrip(".,;:")
        subject = SOURCE_BEFORE.search(clause, 0, cue_match.start())
        if subject is not None:
            # ``источник в министерстве сообщил «Медузе»: «…»``: the source before the verb.
            words = subject.group().split()[:4]
            phrase = " ".join([words[0].lower(), *words[1:]])
            first_word = words[0].lower()
        first_word = phrase.split()[0].lower() if phrase else ""
        place = (
            in_organisation(text, lower + cue_match.end(), upper, names)
            if first_word in ("в", "во")  # not ``— сказал собеседник агентства в Кремле``
            else None
        )
        if place is None and first_word in ("в", "во"):
            # ``— говорится в сообщении ведомства``: the organisation named before.
            place = organisation_meant(text, lower + cue_match.end(), upper, lower, names)
            service = SERVICE_OF.search(text, lower + cue_match.end(), upper)
            if place is None and service is not None and ROLE.match(service.group(1)):
                # ``— говорится в сообщении пресс-службы губернатора``: his words.
                place = names.in_role(service.group(1), lower, None, fallback=False)
        if place is None and first_word in ("в", "во") and _IN_ITS_STATEMENT.match(phrase):
            place = _organisation_quoted_before(lower, found, names)
        if place is not None:
            # ``— сообщили «Медузе» в пресс-службе „Яндекса“``
            return place.canonical, cue, place.start, place.end
        if first_word.startswith("представител") and subject is None:
            # ``— добавил представитель Кремля`` after ``пресс-секретарь Кремля Дмитрий
            # Песков``: the representative the article introduced.
            at = lower + cue_match.end()
            org = next((e for e in names.within(at, min(upper, at + 60)) if e.type == "ORG"), None)
            person = (
                representative_meant(text, first_word, lower, org, cue, names)
                if org is not None
                else None
            ) or same_voice(text, lower, found, past_feminine(cue or ""), names)
            if person is not None:
                return person.canonical, cue, person.start, person.end
        if NAMING.match(cue_match.group()) or DIRECTIVE.match(cue_match.group()):
            # назвал митинг «…», потребовали создания «…»: the object, not a source
            return None, cue, None, None
        role = first_word.strip(".,;:()[]«»")
        role_words = phrase.split()
        if (
            len(role_words) > 1
            and ADJECTIVE.fullmatch(role)
            and ROLE.match(role_words[1].strip(".,;:()[]«»"))
        ):
            # ``— добавил французский лидер``: the role noun after its adjective.
            role = role_words[1].strip(".,;:()[]«»")
        if (
            (len(role) > 3 or ROLE.match(role) is not None)
            and role.isalpha()
            and not SOURCE_NOUN.match(role)
            and subject is None
            and role[-1:] not in "иы"  # ``— пообещали чиновники``: a group
        ):
            # ``— сообщил артист``, ``— говорит скульптор``: the person the article names
            # in that role (any noun: протоиерей Всеволод Чаплин); for the usual roles,
            # else the last person of the verb's gender named before.
            female: bool | None = cue_match.group().lower().endswith(("а", "ась")) or (
                role.endswith(("ка", "ца", "иня", "есса", "ша"))  # активистка, журналистка
            )
            if role in _EITHER_GENDER:
                # ``— подчеркнула глава региона`` of the governor named before: the verb of
                # a noun of either gender does not tell the person's.
                female = None
            # ``глава „Мецената“``: the head of that organisation, or no one we know.
            at = text.find(role, lower + cue_match.end(), upper) + len(role)
            org = next(
                (e for e in names.within(at, at + 3) if e.type == "ORG"), None
            )  # right after the role word, not ``артист в интервью изданию «Дни.ру»``
            if org is not None and _told_to(org):
                org = None  # ``— рассказал депутат «Фонтанке»``: the outlet heard it
            person = names.in_role(
                role, lower, female, fallback=False, org=org.canonical if org else None
            )
            if person is None and ROLE.match(role):
                person = same_voice(text, lower, found, past_feminine(cue or ""), names)
            if person is None:
                person = names.in_role(
                    role,
                    lower,
                    female,
                    fallback=bool(ROLE.match(role)) and org is None,
                    org=org.canonical if org is not None else None,
                )
            if person is None and org is not None and ROLE.match(role):
                person = head_of(names, org, lower, female, found)
            if person is not None:
                return person.canonical, cue, person.start, person.end
        if (
            phrase
            and not phrase[:1].isupper()
            and not PRONOUN.fullmatch(first_word)
            and first_word not in NOT_A_SOURCE
            and not {"что", "чтобы"}.intersection(phrase.lower().replace(",", " ").split())
        ):
            # ``— сказал источник, знакомый с ситуацией, в беседе с …``: the source, not
            # where or when.
            short = _CIRCUMSTANCE.split(phrase, maxsplit=1)[0].strip(" \u00a0")
            return short or phrase, cue, None, None
        return None, cue, None, None
    return None


# A relative clause: ``, которая говорила``, ``, в котором сообщил``, ``, где …``.
_RELATIVE = re.compile(
    r"[ \u00a0]*(?:(котор(?:ый|ая|ое|ые))|(?:в|на|о|при|с|из)[ \u00a0]+котор\w+|котор\w+|где)"
    r"(?![\w-])",
    re.IGNORECASE,
)


# A gerund after a comma opens a clause of circumstances: ``, выступая с лекцией``,
# ``, отвечая на вопрос``.
# ``, выступая с лекцией``, ``, очевидно имея в виду обмен Савченко``
_GERUND_CLAUSE = re.compile(
    r",[ \u00a0]+(?:[а-яё]{3,}о[ \u00a0]+)?"
    r"[а-яё]{2,}(?:ая|яя|уя|юя|ея|ря|ясь|аясь|вшись|в)(?![\w-])"
)


_CONJUNCTION = re.compile(r"(?:а|и|но|однако|причем|причём|хотя|то есть|или)(?![\w-])", re.I)


_LISTENER = re.compile(r"^[ \u00a0]*(?:«[^»]{1,40}»|„[^“]{1,40}“|\"[^\"]{1,40}\")")


# Where and when the words were said, after who said them: the source's phrase ends there.
_CIRCUMSTANCE = re.compile(
    r"[,;(]|(?<![\w-])(?:в|на)[ \u00a0]+(?:сво\w+|ходе|беседе|интервью|эфире|"
    r"пресс-конференции|брифинге|заседании|встрече)(?![\w-])|"
    r"(?<![\w-])(?:во[ \u00a0]+время|после|по[ \u00a0]+итогам|отвечая)(?![\w-])",
    re.IGNORECASE,
)


_INTRO_SUBJECT = re.compile(r"как", re.IGNORECASE)


_INTRO_PRONOUN = re.compile(r"(?<![\w-])(его|её|ее|их)(?![\w-])", re.IGNORECASE)


_SUBJECT_PRONOUN = re.compile(r"[ \u00a0]*(он|она|они)[ \u00a0]", re.IGNORECASE)


def intro_speaker(
    text: str, intro_start: int, intro_end: int, upper: int, names: ArticleNames
) -> Attribution | None:
    """The source of ``по словам X,`` / ``по его словам`` / ``как сообщил X,``: named up to
    the comma that closes the phrase. ``По словам источника «Интерфакса», показания …
    Серебренникова`` is an unnamed source; ``как сообщили «Медузе» в департаменте`` names
    the listener, not the speaker."""
    intro = text[intro_start:intro_end]
    pronoun = _INTRO_PRONOUN.search(intro)
    if pronoun is not None:
        word = pronoun.group().lower()
        person = names.person_before(intro_start, None if word == "их" else word != "его")
        source = unnamed_source(text, person.end if person else intro_start - 300, intro_start)
        if source is not None:
            return source, intro, None, None  # ``Источник «Медузы» …. По его словам, …``
        if person is None:
            return None
        return person.canonical, intro, person.start, person.end
    comma = text.find(",", intro_end, upper)
    limit = comma if comma >= 0 else upper
    subject = bool(_INTRO_SUBJECT.match(intro))
    entity = names.first(intro_end, limit, subject=subject)
    if (
        entity is not None
        and entity.type == "ORG"
        and subject
        and (_RELAYING.search(intro) is not None or "пиш" in intro)
        and comma >= 0
    ):
        # ``как сообщает «Украинская правда», он обратился к …: «…»``: the outlet passes
        # on what the subject after it said.
        pronoun_after = _SUBJECT_PRONOUN.match(text, comma + 1, upper)
        if pronoun_after is not None:
            word = pronoun_after.group(1).lower()
            person = names.person_before(intro_start, None if word == "они" else word == "она")
            if person is not None:
                return person.canonical, intro, person.start, person.end
    if (
        entity is not None
        and entity.type == "ORG"
        and not text[intro_end : entity.start].strip(' \u00a0«„"')
        and text[entity.end : limit].strip(' \u00a0»“"')[:1].isalpha()
    ):
        # ``Как сообщили ТАСС в пресс-службе суда, «…»``: the agency heard it; the source
        # is named after it.
        place = in_organisation(text, entity.end, limit, names)
        if place is not None:
            return place.canonical, intro, place.start, place.end
        heard = entity
        entity = names.first(heard.end, limit, subject=subject)
        if entity is None:
            words = text[heard.end : limit].strip(' \u00a0»“"').split()
            if words and words[0][:1].islower() and words[0] not in OBJECTS:
                return " ".join(words[:4]).rstrip(".,;:"), intro, None, None
            return None
    before_name = text[intro_end : entity.start if entity is not None else limit].split()
    if before_name and SOURCE_NOUN.match(before_name[0]):
        phrase = " ".join(text[intro_end:limit].split()[:4]).rstrip(".,;:")
        return phrase, intro, None, None
    if entity is None:
        # ``По словам министра, «…»``: the person the article introduced as министр.
        role = text[intro_end:limit].split()[:1]
        if role and role[0].islower() and ROLE.match(role[0]) and role[0][-1:] not in "иы":
            person = names.in_role(role[0], intro_start, None, fallback=False)
            if person is not None:
                return person.canonical, intro, person.start, person.end
        meant = organisation_meant(text, intro_end, limit, intro_start, names)
        if meant is not None:
            # ``По информации ведомства, «…»``
            return meant.canonical, intro, meant.start, meant.end
        # ``как сообщили «Медузе» в департаменте транспорта``: an unnamed source, after
        # the listener in guillemets.
        words = _LISTENER.sub("", text[intro_end:limit]).split()
        if subject and words and PRONOUN.fullmatch(words[0]):
            # ``Как заявил он на пресс-конференции, «…»``
            word = words[0].lower()
            person = names.person_before(intro_start, None if word == "они" else word == "она")
            nearest = names.last(max(0, intro_start - 300), intro_start)
            if (
                nearest is not None
                and nearest.type == "ORG"
                and (person is None or nearest.start > person.start)
            ):
                # ``компания «Сеуслаб». Как сообщает она сама на своем сайте, …``
                person = nearest
            if person is None:
                return None
            return person.canonical, intro, person.start, person.end
        if subject and words and words[0][:1].islower() and words[0] not in OBJECTS:
            return " ".join(words[:4]).rstrip(".,;:"), intro, None, None
        return None
    return entity.canonical, intro, entity.start, entity.end


PRONOUN_VERB = re.compile(r"(?<![\w-])(он|она|они)[ \u00a0]+(?:\w+[ \u00a0]+)?$", re.I)


# ``Кудрин и Греф заявили``: two people, the subject of a plural verb.
_PEOPLE_AND = re.compile(r"[ \u00a0]+(?:и|вместе[ \u00a0]+с)[ \u00a0]+[А-ЯЁ]")


def _woman_after_verb(
    text: str, lower: int, cue: re.Match[str] | None, names: ArticleNames
) -> Entity | None:
    """``— говорит Яна Мандрыкина``: a name right after the verb is its subject, in the
    nominative; when the analyser read a woman's nominative as a man's genitive (canonical
    ``Ян Мандрыкин``), the name as written is the speaker."""
    if cue is None:
        return None
    after = lower + cue.end()
    listener = _LISTENER.match(text, after)  # — рассказывает «Медузе» Павлова
    if listener is not None:
        after = listener.end()
    for entity in names.within(after, after + 3):
        written, canonical = entity.text.split(), entity.canonical.split()
        if (
            entity.type == "PER"
            and len(written) == len(canonical)
            and written[-1][-1:] in "ая"
            and fold(written[-1]) != fold(canonical[-1])
            and not is_feminine(entity.canonical)
        ):
            return entity
    return None


def _listener(text: str, lower: int, cue: re.Match[str], entity: Entity) -> bool:
    """An organisation right after the verb with more words after it is who heard the words
    (``— сообщил ТАСС источник``, ``— заявил РИА Новости Песков``), not who said them."""
    if entity.type != "ORG" or text[lower + cue.end() : entity.start].strip(" \u00a0"):
        return False
    rest = text[entity.end : entity.end + 30].lstrip(" \u00a0")
    return rest[:1].isalpha()


_RELAYING = re.compile(r"сообща|переда|цитиру|информиру", re.IGNORECASE)


def relay(text: str, attribution: Attribution, names: ArticleNames) -> bool:
    """Whether an attribution after a quote names an outlet passing the words on
    (``, сообщает NEWSru.com``) rather than their source."""
    _, cue, at, _end = attribution
    if cue is None or at is None or not _RELAYING.match(cue):
        return False
    entity = names.at(at)
    return entity is not None and entity.type == "ORG" and MEDIA.search(entity.text) is not None


# ``— сказано в заявлении Захаровой``, ``— говорится в телеграм-канале Кадырова``
_AUTHORED = re.compile(
    r"[ \u00a0]*(?:в|во|на)[ \u00a0]+(?:сво\w+[ \u00a0]+)?(?:заявлени|сообщени|обращени|"
    r"пост|публикаци|telegram-канал|телеграм-канал|канал|блог|письм|комментари|статье|"
    r"колонке|книге|странице|аккаунт)\w*[ \u00a0]+"
    # the author's title between: ``в комментарии омбудсмена МИД РФ Константина Долгова``
    r"(?:[а-яё-]+[ \u00a0]+(?:[А-ЯЁA-Z]{2,}[ \u00a0]+){0,2}){0,3}$",
    re.IGNORECASE,
)


def _author(
    text: str, lower: int, limit: int, cue: re.Match[str] | None, names: ArticleNames
) -> Entity | None:
    """A person named as the author of the statement the words are in: ``— сказано в
    заявлении Захаровой`` (whatever the name's case)."""
    if cue is None:
        return None
    after = lower + cue.end()
    for entity in names.within(after, limit):
        if entity.type == "PER" and entity.end <= limit:
            if _AUTHORED.fullmatch(text, after, entity.start):
                return entity
            return None
    return None


def _quoted_person(
    text: str,
    lower: int,
    limit: int,
    cue: re.Match[str] | None,
    names: ArticleNames,
    found: Sequence[FoundQuote] = (),
) -> Entity | None:
    """The person a relaying verb names as its object, in whatever case: ``цитирует
    Interfax Пескова``; not the outlet's own correspondent (``передает корреспондент ТАСС
    Иван Петров``)."""
    if cue is None or not QUOTING.match(cue.group()):
        return None
    after = lower + cue.end()
    for entity in names.within(after, limit):
        if entity.type != "PER" or entity.end > limit:
            continue
        if _CORRESPONDENT.search(text, max(after, entity.start - 40), entity.start):
            return None
        return entity
    rest = text[after:limit]
    pronoun = _OBJECT_PRONOUN.match(rest)
    if pronoun is not None:
        # ``— цитирует его «Интерфакс»``: the person just quoted or named.
        word = pronoun.group(1).lower()
        feminine = None if word == "их" else word != "его"
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.speaker_start is not None
            and previous.speaker
            and previous.speaker[:1].isupper()
            and (feminine is None or is_feminine(previous.speaker) == feminine)
        ):
            return names.at(previous.speaker_start)
        return names.person_before(lower, feminine)
    words = _WORDS_OF.search(rest)
    if words is not None and ROLE.match(words.group(1)):
        # ``— публикует слова эксперта турецкое издание``: the person so introduced.
        return names.in_role(words.group(1), lower, None)
    return None


_OBJECT_PRONOUN = re.compile(r"[ \u00a0]*(его|её|ее|их)(?![\w-])", re.IGNORECASE)


_WORDS_OF = re.compile(r"(?<![\w-])слова[ \u00a0]+([а-яё-]+)", re.IGNORECASE)


_CORRESPONDENT = re.compile(r"(?<![\w-])(?:корреспондент|корр\.|спецкор|журналист)\w*", re.I)


def _heard_by(
    text: str, after: int, limit: int, cue: re.Match[str], names: ArticleNames
) -> Attribution | None:
    """Who spoke, named after the listener: a name, a role the article gives a person, or an
    unnamed source (``источник в правительстве``)."""
    person = names.first(after, limit, subject=True)
    if person is not None and person.start - after <= 40:
        return person.canonical, cue.group(), person.start, person.end
    words = text[after:limit].split()
    if not words or not words[0].islower() or words[0] in NOT_A_SOURCE:
        return None
    if ROLE.match(words[0]) and words[0][-1:] not in "иы":
        role = names.in_role(words[0], after, past_feminine(cue.group()), fallback=False)
        if role is not None:
            return role.canonical, cue.group(), role.start, role.end
    return " ".join(words[:4]).rstrip(".,;:"), cue.group(), None, None


def _pronoun_said(
    text: str, lower: int, clause: str, names: ArticleNames, found: list[FoundQuote]
) -> Attribution | None:
    """``Как рассказывал Стерлигов, когда его освободили, она сказала: «…»``: the verb
    nearest the quote, with a pronoun for its subject, says who spoke."""
    cues = list(CUE.finditer(clause))
    if not cues:
        return None
    last = cues[-1]
    pronoun = PRONOUN_VERB.search(clause, 0, last.start())
    if pronoun is None:
        return None
    word = pronoun.group(1).lower()
    at = lower + pronoun.start()
    meant = the_speaker_meant(names, found, at, None if word == "они" else word == "она")
    if isinstance(meant, FoundQuote):
        return meant.speaker, last.group(), meant.speaker_start, meant.speaker_end
    if meant is None:
        return None
    return meant.canonical, last.group(), meant.start, meant.end


# Role nouns of either gender, whose verb may agree with the word rather than the person.
_EITHER_GENDER = frozenset({"глава", "судья", "коллега"})


_OBLIQUE = ("у", "ю", "ым", "им", "ом", "ем", "ой", "ей")


# ``в комментарии``, ``в заявлении``: a statement nobody is named the author of.
_IN_ITS_STATEMENT = re.compile(
    r"во?[ \u00a0]+(?:комментари|заявлени|сообщени|ответ|документ)\w*[ \u00a0,.]*$", re.IGNORECASE
)


def _organisation_quoted_before(
    lower: int, found: Sequence[FoundQuote], names: ArticleNames
) -> Entity | None:
    """``«…», — заявил МИД Абхазии. … «…», — говорится в комментарии.``: a statement whose
    author goes unnamed is the organisation quoted just before (within two paragraphs)."""
    if not found or found[-1].speaker_start is None or lower - found[-1].end > 600:
        return None
    entity = names.at(found[-1].speaker_start)
    return entity if entity is not None and entity.type == "ORG" else None


def _right_after(text: str, lower: int, cue: re.Match[str] | None, entity: Entity) -> bool:
    """Whether a person's name follows the cue verb directly (past a listener in
    guillemets): ``— сказала Санду``, the subject in the nominative whatever the analyser
    made of an indeclinable name (canonical ``Майя Санда``)."""
    if cue is None or entity.type != "PER":
        return False
    written, canonical = entity.text.split()[-1], entity.canonical.split()[-1]
    if len(written) > len(canonical) and written.endswith(_OBLIQUE):
        return False  # ``— сказал Путину Песков``: whom he told, in the dative
    at = lower + cue.end()
    listener = _LISTENER.match(text, at)
    if listener is not None:
        at = listener.end()
    return not text[at : entity.start].strip(" \u00a0")


def _told_to(org: Entity) -> bool:
    """An outlet named in the dative (``«Фонтанке»``, ``«Известиям»``): who was told."""
    written = org.text.strip('«»„“" ').split()
    return (
        bool(written)
        and MEDIA.search(org.text) is not None
        and fold(written[-1]) != fold(org.canonical.split()[-1] if org.canonical else "")
        and written[-1].endswith(("е", "у", "ю", "ам", "ям"))
    )


def attribution_after(
    text: str, end: int, names: ArticleNames, found: list[FoundQuote]
) -> Attribution | None:
    """``«…», — сказал Песков.`` (also without the comma, after ?, ! or …)."""
    # A hyphen between spaces stands for the dash in some feeds: «…», - заявил он.
    match = re.compile(
        r"[,.!?…]?(?:[ \u00a0]*[—–]|[ \u00a0]+-(?=[ \u00a0])|(?<=,)-(?=[ \u00a0]))[ \u00a0]*"
    ).match(text, end)
    if match is None:
        # ``«…», сказал Клинсман``, and a quote's own paragraph signed by the next one
        # (``«…»⏎⏎заявил после инаугурации Рамзан Кадыров.``): the verb comes first.
        comma = re.compile(r"[,.]?[ \u00a0]*\n\s*(?=[а-яё])|,[ \u00a0]*").match(text, end)
        if comma is None:
            return None
        match = comma
    clause_end = attribution_end(text, match.end())
    clause = text[match.end() : clause_end]
    cue = CUE.search(clause)
    if cue is not None and len(_LISTENER.sub("", clause[: cue.start()]).split()) > 4:
        # ``«Активный гражданин» — один из главных проектов вице-мэра … Ракова заявила``:
        # the verb of an attribution comes within its first words.
        cue = None
    if cue is None and not _verb_then_name(text, match.end(), clause_end, names):
        # No verb: only a name signing the quote (``«…», — Дмитрий Песков.``), not a
        # sentence going on (``— действительно работал в Совете министров``).
        signer = names.first(match.end(), clause_end)
        if signer is None or signer.start > match.end() + 1 or len(clause.split()) > 12:
            return None
    plain = match.group().strip(" \u00a0") in (",", ".") or "\n" in match.group()
    if plain and not CUE.match(clause):
        return None  # a plain comma continues the sentence: not an attribution
    if _CONJUNCTION.match(clause):
        return None  # «…», — а потом попросил прощения: the sentence goes on
    return speaker_of(text, match.end(), clause_end, names, found, first=True)


# A word shaped like a verb in the past or present (``прогнозирует``, ``парирует``,
# ``резюмировала``): after a quote and a dash, with a name right after it, it attributes
# the quote whatever the verb (``«…», — прогнозирует Лолашвили``).
VERB_SHAPED = re.compile(
    r"(?<![\w-])[а-яё]{3,}(?:ал|ял|ил|ел|ул|ла|ли|лся|лась|ет|ит|ут|ют|ат|ят|ется|ится|ются|ятся)"
    r"(?![\w-])"
)


def _verb_then_name(text: str, start: int, end: int, names: ArticleNames) -> bool:
    """``— прогнозирует Лолашвили``: a verb-shaped word, then a person."""
    verb = VERB_SHAPED.match(text, start, end)
    if verb is None:
        return False
    person = names.first(verb.end(), end, subject=True)
    return person is not None and person.type == "PER" and person.start - verb.end() <= 2


# The next sentence names the speaker: «…». Так отвечал губернатор Николай Меркушкин.
_LATER = re.compile(
    r"[.!?…]?[ \u00a0]+(?:Так|Об этом|Такое мнение|Такую позицию|Такую оценку|Эти слова|"
    r"С таким заявлением)[ \u00a0]+(?=\w)"
)


def attribution_later(
    text: str, end: int, names: ArticleNames, found: list[FoundQuote]
) -> Attribution | None:
    """A quote that ends a sentence, attributed by the next one: ``«…». Так считает
    Песков.``, ``«…» Об этом «Медузе» рассказал Голунов.`` (the verb must be there)."""
    if text[end - 2 : end - 1] not in ".!?…" and text[end : end + 1] != ".":
        return None
    match = _LATER.match(text, end)
    if match is None:
        return None
    clause_end = attribution_end(text, match.end())
    cue = CUE.search(text, match.end(), clause_end)
    if cue is None:
        return None
    attribution = speaker_of(text, match.end(), clause_end, names, found, first=False)
    if attribution is None or attribution[0] is None or not attribution[0][:1].isupper():
        return None
    return attribution


def attribution_end(text: str, start: int) -> int:
    """Where an attribution clause ends: the sentence end, a dash or 200 characters (a
    name in guillemets may come first: ``— рассказал «Медузе» Иван Голунов``)."""
    limit = min(len(text), start + 200)
    for index in range(start, limit):
        char = text[index]
        if char == "." and text[index + 1 : index + 2].isalnum():
            continue  # ``— цитирует infox.ru директора …``: a domain, not a full stop
        if char in ".!?…\n" or (char in DASH and index > start):
            return index
    return limit


def attribution_before(
    text: str, start: int, names: ArticleNames, found: list[FoundQuote]
) -> tuple[str | None, str | None, int | None, int | None, bool] | None:
    """``Песков заявил: «…»``, ``По словам Пескова, «…»``, ``Песков назвал это «…»``."""
    lower = max(0, start - WINDOW, found[-1].end if found else 0)
    window = text[lower:start]
    ends = [m.end() for m in SENTENCE_END.finditer(window)]
    cut = lower + ends[-1] if ends else lower
    cut = max(cut, paragraph_start(text, start, lower))
    clause = text[cut:start]
    colon = clause.rstrip(" \u00a0").endswith(":")
    intro = INTRO.search(clause)
    if intro is not None:
        by_intro = intro_speaker(text, cut + intro.start(), cut + intro.end(), start, names)
        if by_intro is not None and (by_intro[0] is not None or not CUE.search(clause)):
            return (*by_intro, colon)
    if not CUE.search(clause):
        if not colon:
            return None
        # ``С ним согласен Александр Кутиков, продюсер группы «Машина времени»: «…»``: the
        # person the sentence is about says it; ``ему пришел ответ: «…»``: words, unsigned.
        subject = names.first(cut, start, subject=True)
        if subject is not None and subject.type == "PER":
            return subject.canonical, None, subject.start, subject.end, colon
        speeches = list(SPEECH_NOUN.finditer(clause))
        speech = speeches[-1] if speeches else None
        if speech is not None:
            # ``цитата из Николая Карамзина: «…»``, ``слова Путина: «…»``: the author.
            author = names.first(cut + speech.end(), min(start, cut + speech.end() + 40))
            if author is not None and author.type == "PER":
                return author.canonical, None, author.start, author.end, colon
            return None, None, None, None, colon
        return None
    attribution = speaker_of(text, cut, start, names, found, first=False)
    if attribution is None:
        return None
    if (
        attribution[0] is None
        and not colon
        and not NAMING.match(attribution[1] or "")
        and not DIRECTIVE.match(attribution[1] or "")
        and not reports_speech(text, cut, start)
    ):
        # An unnamed speaker is kept only where the sentence plainly reports speech
        # (В мэрии сказали, что власти «…»).
        return None
    return (*attribution, colon)


SPEECH_NOUN = re.compile(
    r"(?<![\w-])(?:ответ|сообщени|заявлени|письм|пост|запис|надпис|слоган|лозунг|плакат|"
    r"реплик|комментари|обращени|призыв|вопрос|фраз|слова|цитат|афоризм|девиз)\w*",
    re.IGNORECASE,
)


def inner_attribution(
    text: str, start: int, end: int, names: ArticleNames, found: list[FoundQuote]
) -> FoundQuote | None:
    """``«Первое, — сказал Песков. — Второе»``: the attribution is inside the marks."""
    # The clause may name its listener in guillemets (``— рассказала она «Медузе». —``);
    # some feeds type the dashes as hyphens between spaces.
    pattern = re.compile(
        r"[,!?…](?:[ \u00a0]*[—–]|[ \u00a0]+-)[ \u00a0]*((?:[^—–«»]|«[^«»]{1,40}»){2,200}?)"
        r"(?=[.,:](?:[ \u00a0]*[—–]|[ \u00a0]+-[ \u00a0]))"  # not consumed: «…, — а, — сказал он. —
    )
    for match in pattern.finditer(text, start, end):
        clause_start, clause_end = match.span(1)
        if CUE.search(text, clause_start, clause_end) is None:
            # ``«…, — глава ТПП Алан Алборов, говоря о компании, переходит на шепот. — …»``
            signer = names.first(clause_start, clause_end, subject=True)
            if signer is None or signer.type != "PER" or signer.start - clause_start > 40:
                continue
        attribution = speaker_of(text, clause_start, clause_end, names, found, first=True)
        if attribution is not None:
            return FoundQuote(start, end, *attribution)
    return None


_HEARERS = re.compile(
    r"^(?:журналист|репортер|репортёр|корреспондент|собравш|слушател|зрител|студент|"
    r"участник|коллег|читател|подписчик)\w*?(?:ам|ов|ей|ами|у|ю|им|ым|ими|ым)(?![\w-])",
    re.IGNORECASE,
)
