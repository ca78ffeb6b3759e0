"""The turn structure of interviews, dialogues and headed pages: who answers (the
interviewee the introduction names, of the gender the answers speak in), whose the
questions are (the interviewer's: nobody), a dash turn that goes on after its own
attribution (``— Первое, — сказал он. — Второе``), a line that signs the quote above it
(``— Татьяна Скригонюк, пресс-служба МЧС``), a label line above a quote (``Егор
Перегудов:``), headings over quotes (numbered names, ``X о Y: «…»``, a headline the story
repeats) and the lead that names a headline quote's speaker.

Separate from ``attribution.py`` because these read the layout of the whole text (lines,
turns, what came before) rather than the clause next to one quote.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.quotes import FoundQuote
from ossetia_reader.core.enrich.russian.attribution import attribution_end, speaker_of
from ossetia_reader.core.enrich.russian.cues import (
    CUE,
    DASH,
    INTERVIEW,
    SENTENCE_END,
    past_feminine,
    stem,
)
from ossetia_reader.core.enrich.russian.spans import (
    HYPHEN_TURN,
    dash_opens_line,
    next_line,
    opens_with_dash,
    turn_on_a_line,
)
from ossetia_reader.core.enrich.russian.speaker_names import ArticleNames, is_feminine, may_speak

_RESUMED = re.compile(
    # ``, — сообщил он. — ``: a comma, a dash, the attribution's sentence, a dash.
    r"[ \u00a0]*[,!?…]?[ \u00a0]*[—–-][ \u00a0]*[а-яё][^\n.!?]{0,120}[.!?…]"
    r"[ \u00a0]*[—–-][ \u00a0]*$"
)


def _after_attribution(text: str, previous: FoundQuote, start: int) -> bool:
    """Whether all that stands between an attributed quote and the dash turn at ``start``
    is that quote's own attribution (``«…», — сообщил он. — ``): the turn is in the same
    voice. One rule for both of its uses: ``resumes`` makes such a turn part of the quote
    before it, ``dash_turn`` gives it the same speaker where it cannot be one quote."""
    return (
        bool(previous.speaker)
        and previous.cue is not None
        and start - previous.end <= 160
        and _RESUMED.fullmatch(text, previous.end, start) is not None
        and CUE.search(text, previous.end, start) is not None  # the attribution's verb
    )


def resumes(text: str, found: list[FoundQuote], start: int, end: int) -> bool:
    """Whether the dash turn at ``start`` goes on with the quote just before it past its
    attribution in the same line (``«…», — сообщил он. — Продолжаю …``, ``- Дело в том
    …, - поясняет режиссер. – Они …``)."""
    if not found or not _after_attribution(text, found[-1], start):
        return False
    previous = found[-1]
    if text[previous.start : previous.end].rstrip().endswith("?"):
        return False  # ``— Ну, ты приедешь? — спросил он. — …``: the other one answers
    first = SENTENCE_END.search(text, start, end)
    # ``— …, — говорит Стерлигов. — Кто такой дьявол?``: asked back
    return first is None or text[first.start()] != "?"


HEADLINE_REACH = 600


_CONTENT_WORD = re.compile(r"[а-яёa-z]{4,}")


def headline_echo(text: str, quote: FoundQuote) -> bool:
    """A headline's quote that the story below repeats (``Олег Лужный: «С приходом Коллины
    судейство стало еще хуже»`` over ``С приходом этого специалиста у нас судейство стало
    в два раза хуже``) is the story's quote shown twice, not another one. A headline is a
    short line near the top that does not end a sentence; repeated means most of its
    words (by their first five letters) stand in one paragraph further down."""
    if quote.start > HEADLINE_REACH:
        return False
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].rstrip()
    if not line or line[-1] in ".!?…" or len(line.split()) > 30 or line_end >= len(text):
        return False
    words = {word[:5] for word in _CONTENT_WORD.findall(text[quote.start : quote.end].lower())}
    if len(words) < 2:
        return False
    for paragraph in re.split(r"\n", text[line_end:]):
        if paragraph.strip() == line.strip():
            continue  # the headline printed twice is not the story
        seen = {word[:5] for word in _CONTENT_WORD.findall(paragraph.lower())}
        if len(words & seen) >= 0.6 * len(words):
            return True
    return False


def is_byline(
    text: str, start: int, end: int, names: ArticleNames, found: list[FoundQuote]
) -> bool:
    """``«…».⏎⏎— Татьяна Скригонюк, заместитель начальника пресс-службы МЧС``: a line
    that opens with a dash and a name, and says nothing, signs the quote before it."""
    entity = names.at(start)
    if entity is None or entity.type != "PER" or not found:
        return False
    rest = text[entity.end : end]
    if rest.strip() and not rest.lstrip().startswith((",", "(")):
        return False
    if "?" in rest or _VOCATIVE.match(text, start):
        return False  # ``— Сергей Васильевич, судя по прессе, вы …?`` addresses him
    if CUE.search(rest) or len(rest.split()) > 25 or start - found[-1].end > 300:
        return False
    if found[-1].speaker is None or not found[-1].speaker[:1].isupper():
        found[-1] = replace(
            found[-1], speaker=entity.canonical, speaker_start=entity.start, speaker_end=entity.end
        )
    return True


_TURN_REACH = 400


def dash_turn(
    text: str,
    start: int,
    end: int,
    names: ArticleNames,
    found: list[FoundQuote],
    interviewee: Entity | None,
) -> FoundQuote | None:
    """``— Мы не готовы, — сказал Песков.`` or an interview turn (``— Вопрос?``).

    Meduza's flattened bodies run a turn on into the narration after it, so the
    attribution is looked for near the turn's start, and never inside a «quote» that
    follows (its inner ``— рассуждает Бибилов`` is that quote's)."""
    guillemet = text.find("«", start, end)
    while guillemet >= 0:
        # A title in the turn (``«Повести Белкина» были экспериментом, - поясняет …``)
        # is not a quote that follows it.
        close = text.find("»", guillemet, end)
        if close < 0 or close - guillemet > 60 or SENTENCE_END.search(text, guillemet, close):
            break
        guillemet = text.find("«", close, end)
    limit = min(end, start + _TURN_REACH, guillemet if guillemet >= 0 else end)
    for match in re.compile(
        r"[,!?…](?:[ \u00a0]*[—–]|[ \u00a0]+-(?=[ \u00a0]))[ \u00a0]*"
    ).finditer(text, start, limit):
        clause_end = attribution_end(text, match.end())
        if CUE.search(text, match.end(), clause_end) is None:
            continue
        attribution = speaker_of(text, match.end(), clause_end, names, found, first=True)
        if attribution is not None:
            quote_end = match.start() + (text[match.start()] in "!?…")
            return FoundQuote(start, quote_end, *attribution)
    label = label_line(text, start, names)
    if label is not None and not text[start:end].rstrip().endswith("?"):
        # ``Игорь Никитин, главный тренер ЦСКА:⏎- Сегодня много молодёжи у нас сыграло``;
        # not a question under the label (``Мирча ЛУЧЕСКУ, главный тренер:⏎— Почему?``).
        return FoundQuote(start, end, label.canonical, None, label.start, label.end)
    words = text[start:end].split()
    # ``— Надолго? — Навсегда.``: one word is a turn when it is a sentence of its own.
    if not words or (len(words) < 2 and not re.fullmatch(r"\w{2,}[.!?…]+", words[0])):
        return None
    previous = found[-1] if found else None
    asked = (
        previous is not None
        and text[previous.start : previous.end].rstrip().endswith("?")
        and dash_opens_line(text, start)
    )
    if previous is not None and not asked and _after_attribution(text, previous, start):
        # ``— Первое?! — отвечает силовик. — Второе?``: a turn that cannot be one quote with
        # the one before (a question) still goes on in the same voice.
        return FoundQuote(
            start, end, previous.speaker, None, previous.speaker_start, previous.speaker_end
        )
    if asked and previous is not None and not text[start:end].rstrip().endswith("?"):
        # ``— …? — поинтересовался корреспондент у Владимира Путина.⏎— У нас есть …``:
        # the answer on the next line is the one asked's, not the asker's.
        addressee = _addressee(text, previous.end, start, names)
        if addressee is not None:
            return FoundQuote(start, end, addressee.canonical, None, addressee.start, addressee.end)
    if text[start:end].rstrip().endswith("?"):
        return FoundQuote(start, end, None, None)  # the interviewer's question
    if interviewee is not None and _trailing_question(text, start, end, found):
        return FoundQuote(start, end, None, None)
    if interviewee is not None and (
        _VOCATIVE.match(text, start) is not None
        or (
            turn_on_a_line(text, start)
            and not any(turn_on_a_line(text, q.start) for q in found[-50:])
            and not text[:start].rstrip(" \u00a0\n—–-").endswith(":")
            and not next_line(text, end).rstrip().endswith("?")
            # (a question printed as a line of its own, undashed, asked it)
            and not _asked_above(text, start)
        )
    ):
        # ``— Сергей Иванович, скажу прямо: …``, and the first turn of all (``— Начать
        # хотелось бы с вопроса.``): the interviewer opens and addresses.
        return FoundQuote(start, end, None, None)
    if interviewee is not None:
        who = interviewee
        return FoundQuote(start, end, who.canonical, None, who.start, who.end)
    first = SENTENCE_END.search(text, start, end)
    following = text[end : end + 200].lstrip(" \u00a0\n")
    if (
        turn_on_a_line(text, start)
        and (first is None or text[first.start()] != "?")
        and not ((following[:1] and following[:1] in DASH) or HYPHEN_TURN.match(following))
    ):
        # One turn, not a question (``– Как вам работа судьи? Семак не понял …``), nor a
        # dialogue of turns whose speakers go unnamed.
        person = paragraph_before_subject(text, start, names, found)
        if person is not None:
            return FoundQuote(start, end, person.canonical, None, person.start, person.end)
    return FoundQuote(start, end)


def _trailing_question(text: str, start: int, end: int, found: list[FoundQuote]) -> bool:
    """A short turn trailing off (``— Показалось, что сегодня VAR только мешал игре...``)
    between two answers on lines of their own is the interviewer's question put as a
    remark: the turns so far went question, answer, and the turn after it answers."""
    words = text[start:end].rstrip()
    if not words.endswith(("...", "…")) or len(words.split()) > 25 or len(found) < 2:
        return False
    asked, answered = found[-2], found[-1]
    after = next_line(text, end)
    return (
        turn_on_a_line(text, start)
        and turn_on_a_line(text, answered.start)
        and turn_on_a_line(text, asked.start)
        and text[asked.start : asked.end].rstrip().endswith("?")
        and answered.speaker is not None
        and not text[answered.start : answered.end].rstrip().endswith("?")
        and after[:1] in DASH + "-"
        and not after.rstrip().endswith(("?", "...", "…"))
    )


def _asked_above(text: str, start: int) -> bool:
    """Whether the last line of text above a turn, past page furniture (short lines that
    end no sentence: ``Видео дня``), is a question: the turn answers it."""
    upper = text.rfind("\n", 0, start)
    for _ in range(4):
        if upper <= 0:
            return False
        lower = text.rfind("\n", 0, upper) + 1
        line = text[lower:upper].strip(" \u00a0")
        if line and (line[-1] in '.!?…:»"' or len(line.split()) > 5):
            return line.endswith("?")
        upper = lower - 1
    return False


_ABOUT = re.compile(r"[ \u00a0]*(?:[—–-][ \u00a0]*)?(?:о|об|обо|про)[ \u00a0]", re.IGNORECASE)


def about_headline(text: str, start: int, names: ArticleNames) -> Entity | None:
    """``Медведева о том, почему не приглашала Тутберидзе: «…»``, ``Медведева — о
    работе Загитовой: «…»``: a headline line that opens with a person and what she spoke
    about, then a colon, quotes that person (not the last name before the colon)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[max(line_start, start - 3) : start].rstrip(" \u00a0").endswith(":"):
        return None
    first = next(iter(names.within(line_start, start)), None)
    if (
        first is None
        or first.type != "PER"
        or text[line_start : first.start].strip()
        or _ABOUT.match(text, first.end) is None
    ):
        return None
    if not may_speak(first, True):
        # Opening the line, the name is the subject, in the nominative as written
        # (``Евгения Медведева``, which the analyser took for a man's genitive).
        return replace(first, canonical=first.text)
    return first


_HEADING_NAME = re.compile(r"[ \u00a0]*(?:\d{1,3}[.)][ \u00a0]*)?")


_HEADING_LINE = 100


def name_heading(
    text: str, start: int, names: ArticleNames, found: list[FoundQuote]
) -> tuple[bool, Entity | None]:
    """A quote under a heading line that names a person and his role (quotes of the week:
    ``1. Виктор ПРОКОПЕНКО, главный тренер "Динамо"⏎СПАРТАК - ДИНАМО - 0:1⏎(На вопрос
    о …) "В перерыве …"``): that person. Only short lines without a sentence's end lie
    between, and the quote's own line says nothing before it but a bracketed note. The
    first value says whether a numbered heading of that shape (``4. ИСО Боксер
    КАНЬЕНДА,нападающий``) stands there at all, named or not."""
    line_start = text.rfind("\n", 0, start) + 1
    if re.sub(r"\([^()\n]*\)", "", text[line_start:start]).strip(" \u00a0"):
        return False, None
    upper = line_start - 1
    for _ in range(3):
        if upper <= 0:
            return False, None
        lower = text.rfind("\n", 0, upper) + 1
        line = text[lower:upper]
        if found and found[-1].end > lower:
            return False, None
        if len(line) > _HEADING_LINE:
            return False, None
        lead = _HEADING_NAME.match(text, lower)
        at = lead.end() if lead is not None else lower
        person = names.at(at)
        if (
            person is not None
            and person.type == "PER"
            and (text[person.end : upper].lstrip(" \u00a0")[:1] in (",", ""))
        ):
            return True, person
        if lead is not None and lead.end() > lower and "," in line:
            return True, None
        if SENTENCE_END.search(text, lower, upper) is not None:
            return False, None
        upper = lower - 1
    return False, None


def lead_speaker(text: str, end: int, names: ArticleNames) -> Entity | None:
    """The person the first sentence of the next line has speak (a speech verb after
    the name, the name its subject in the nominative), else None."""
    line = text.find("\n", end)
    if line < 0:
        return None
    lower = line
    while lower < len(text) and text[lower] in "\n \u00a0":
        lower += 1
    sentence = SENTENCE_END.search(text, lower)
    line_end = text.find("\n", lower)
    upper = sentence.end() if sentence is not None else len(text)
    if line_end >= 0:
        upper = min(upper, line_end)
    person = next(
        (
            e
            for e in names.within(lower, upper)
            if e.type == "PER" and e.end <= upper and may_speak(e, True) and not names.governed(e)
        ),
        None,
    )
    if person is None or CUE.search(text, person.end, upper) is None:
        return None
    return person


def paragraph_before_subject(
    text: str, start: int, names: ArticleNames, found: list[FoundQuote]
) -> Entity | None:
    """The person the paragraph right before a quote paragraph is about, when it says
    nothing in quotes itself: ``Главный тренер Вальдас Иванаускас прокомментировал
    победу.⏎– Очень рад …``, ``Олег Лужный, главный тренер «Таврии», был лаконичен.⏎- Я
    хотел бы …``, ``Тамара Сидоренко, которая …, рассказывает, что … .⏎"Раньше …"``. The
    person must be the subject of its first sentence (in the nominative, not after a
    preposition), and the only person named as a subject in the paragraph."""
    line = text.rfind("\n", 0, start)
    if line < 0:
        return None
    upper = line
    while upper > 0 and text[upper - 1] in "\n \u00a0":
        upper -= 1
    lower = text.rfind("\n", 0, upper) + 1
    if upper - lower < 20 or (found and found[-1].end > lower):
        return None
    first_end = SENTENCE_END.search(text, lower, upper)
    sentence_end = first_end.end() if first_end is not None else upper
    subjects = [
        e
        for e in names.within(lower, upper)
        if e.type == "PER"
        and e.end <= upper
        and may_speak(e, True)
        and not names.governed(e)
        and not names.quoted(e)
    ]
    if not subjects or subjects[0].start > sentence_end:
        return None
    person = subjects[0]
    key = stem(person.canonical.split()[-1])
    if any(stem(e.canonical.split()[-1]) != key for e in subjects[1:]):
        return None
    return person


# A turn opening with a name and patronymic and a comma addresses the one it names.
_VOCATIVE = re.compile(
    r"[ \u00a0]*[А-ЯЁC][а-яё]+[ \u00a0]+[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична),"
)


_ASKED = re.compile(r"(?:спрос|поинтересова|задал|обратил)\w*", re.IGNORECASE)


def _addressee(text: str, lower: int, upper: int, names: ArticleNames) -> Entity | None:
    """The person a question's attribution says was asked: ``спросил у Путина``,
    ``поинтересовался корреспондент у Владимира Путина``."""
    asked = _ASKED.search(text, lower, min(upper, lower + 120))
    if asked is None:
        return None
    for entity in names.within(asked.end(), upper):
        if entity.type == "PER" and entity.end <= upper:
            before = text[max(asked.end(), entity.start - 4) : entity.start]
            if re.search(r"(?<![\w-])у[ \u00a0]+$", before):
                return entity
    return None


def label_line(text: str, start: int, names: ArticleNames) -> Entity | None:
    """The person a short line ending with a colon names, when the quote or turn at
    ``start`` opens the next line: ``Егор Перегудов:⏎«…»``, ``Миодраг Божович, главный
    тренер «Динамо»:⏎- На переполненном стадионе …``."""
    line_start = text.rfind("\n", 0, start)
    if line_start < 0 or text[line_start + 1 : start].strip(' \u00a0—–-«"„“'):
        return None
    previous_end = line_start
    while previous_end > 0 and text[previous_end - 1] in "\n \u00a0":
        previous_end -= 1
    previous_start = text.rfind("\n", 0, previous_end) + 1
    line = text[previous_start:previous_end]
    if not line.endswith(":") or len(line.split()) > 15:
        return None
    person = next(
        (
            e
            for e in names.within(previous_start, previous_end)
            if e.type == "PER" and e.end <= previous_end
        ),
        None,
    )
    if person is not None and "[" in person.text:
        # ``Режиссер Иван Орлов [Страсти-мордасти]:`` read as one name by the tagger
        words = len(person.text.split("[")[0].split())
        person = replace(person, canonical=" ".join(person.canonical.split()[:words]))
    return person


def find_interviewee(
    text: str, paragraphs: list[tuple[int, int]], names: ArticleNames
) -> Entity | None:
    """The person an interview is with, when the text is one: the paragraph before its
    first dash turn says so (``интервью``, ``поговорил с``), or its turns go question,
    answer (``— Сколько раз вы пересматривали бой?`` / ``— Один раз.``). He is the person
    the text names most before the turns, in the nominative first (the headline's
    ``Первое интервью Петра Яна``, the lead's ``Евгения Медведева ответила на вопрос … об
    их беседах с Алиной Загитовой``)."""
    turns = [(start, end) for start, end in paragraphs if opens_with_dash(text, start)]
    if not turns:
        return None
    first = turns[0][0]
    index = paragraphs.index(turns[0])
    # The intro may sit a photo credit or a source line above the first turn.
    # (or the headline says so: ``Виктор Ляшко отвечает на неудобные вопросы НВ``)
    said = any(
        INTERVIEW.search(text, *paragraph) is not None
        for paragraph in [*paragraphs[:1], *paragraphs[max(0, index - 3) : index]]
    )
    if not said and not questions_answered(text, paragraphs):
        return None
    # Not a name after a preposition (``У вас и у Никиты Сергеевича``: a third person the
    # question mentions), and of the gender the answers speak in (``я отказывала``: the
    # interviewee is a woman, not the byline's ``Ричмонд``).
    last = paragraphs.index(turns[-1])
    feminine = _answers_feminine(text, paragraphs[index : last + 1])
    people = [
        e
        for e in names.within(0, first)
        if e.type == "PER"
        and e.end <= first
        and not names.quoted(e)
        and not names.governed(e)
        and (feminine is None or feminine in (is_feminine(e.canonical), is_feminine(e.text)))
    ]
    if not people:
        return None
    introducing = _introduced_speaker(text, paragraphs[index - 1], people) if index else None
    if introducing is not None:
        return introducing
    # Named in full, in the nominative, often, early (a lone ``Дзен`` or ``Стерлинг``
    # tagged as a person loses to ``Евгения Медведева``, ``Петра Яна``).
    tally: dict[str, list[int]] = {}
    for order, entity in enumerate(people):
        key = stem(entity.canonical.split()[-1])
        counts = tally.setdefault(key, [0, 0, 0, -order])
        counts[0] = max(counts[0], len(entity.canonical.split()) > 1)
        counts[1] += may_speak(entity, True)
        counts[2] += 1
    best = max(tally, key=lambda key: tuple(tally[key]))
    chosen = [e for e in people if stem(e.canonical.split()[-1]) == best]
    person = max(chosen, key=lambda e: len(e.canonical.split()))
    if feminine and not is_feminine(person.canonical) and is_feminine(person.text):
        # ``Медведева`` read by the analyser as a man's surname: a woman answers, so the
        # name as written.
        person = replace(person, canonical=person.text)
    return person


def _introduced_speaker(
    text: str, paragraph: tuple[int, int], people: list[Entity]
) -> Entity | None:
    """The person the paragraph right before the first turn has speak in its last
    sentence, which leads into the turns, as its subject: ``… Корреспондент «Коммерсантъ
    FM» Полина Смертина рассказала подробности ведущему Юрию Абросимову.`` (the listener
    named after the verb is not)."""
    lower, upper = paragraph
    ends = [m.end() for m in SENTENCE_END.finditer(text, lower, upper)]
    if ends and not text[ends[-1] : upper].strip():
        ends.pop()  # the paragraph's own full stop
    lower, limit = (ends[-1] if ends else lower), upper
    subject = next((e for e in people if lower <= e.start and e.end <= limit), None)
    if subject is None or not may_speak(subject, True):
        return None
    verb = CUE.search(text, subject.end, limit) or INTERVIEW.search(text, subject.end, limit)
    if verb is None or any(lower <= e.start < verb.start() and e is not subject for e in people):
        return None
    if _ASKED.match(verb.group()):
        return None  # ``Корреспондент Иван Петров спросил министра:``: the one who asks
    return subject


_FIRST_PERSON_PAST = re.compile(
    r"(?<![\w-])я[ \u00a0]+(?:[а-яё]+[ \u00a0]+){0,2}([а-яё]{2,}(?:л|ла|лся|лась))(?![\w-])",
    re.IGNORECASE,
)


def _answers_feminine(text: str, turns: list[tuple[int, int]]) -> bool | None:
    """The gender the answers (paragraphs that are not questions) speak in: ``я
    вспомнила``, ``я отказывала`` (a woman), ``я сказал`` (a man); None when they do not
    say (fewer than two verbs) or disagree."""
    votes: Counter[bool] = Counter()
    for start, end in turns:
        if text[start:end].rstrip().endswith("?"):
            continue
        for match in _FIRST_PERSON_PAST.finditer(text, start, end):
            feminine = past_feminine(match.group(1))
            if feminine is not None:
                votes[feminine] += 1
    if len(votes) != 1 or sum(votes.values()) < 2:
        return None
    return next(iter(votes))


def questions_answered(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """Whether two dash paragraphs in a row are a question and an answer."""
    for (start, end), (next_start, next_end) in pairwise(paragraphs):
        if (
            opens_with_dash(text, start)
            and opens_with_dash(text, next_start)
            and text[start:end].rstrip().endswith("?")
            and not text[next_start:next_end].rstrip().endswith("?")
        ):
            return True
    return False
