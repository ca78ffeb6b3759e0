"""Russian direct speech and who said it.

Russian news marks quotes with «ёлочки» (``„лапки“`` inside them, or on
their own) and attributes them in a few fixed ways, all read here:

- after the quote, behind a dash: ``«…», — сказал Песков.``,
  ``«…», — говорится в заявлении МИД.``, ``«…?» — спросил он.``; a name alone
  on the next line signs it (``— Татьяна Скригонюк, пресс-служба МЧС``);
- inside it, between two dashes: ``«Первое, — сказал Песков. — Второе».``;
- before it, with a colon: ``Песков заявил: «…»``, also without a verb
  (``С ним согласен Александр Кутиков: «…»``);
- before it, with ``по словам X``, ``по его словам``, ``как сообщили в X`` …;
- a fragment in reported speech: ``заявил, что это «попытка …»``,
  ``назвал митинг «…»``, ``объяснил это «маркетинговой уловкой»``;
- a document's wording: ``контракт на «услуги по технической поддержке»``,
  ``согласно пресс-релизу СК, «…»`` (the organisation named with it speaks);
- direct speech in paragraphs that open with a dash, the form of dialogue
  and of interviews: ``— Мы не готовы, — сказал Песков. — Совсем.`` and
  ``— Вопрос? — Ответ.`` (interview answers go to the person the
  introduction says was interviewed, questions to nobody);
- transcripts whose paragraphs open with a speaker's label
  (``Мустафа Джемилев: Да, всё верно.``, ``В.Путин: …``): ``labels.py``;
- a whole sentence in guillemets with no attribution of its own: the
  speaker of the paragraph's latest speech verb (or of the quote before it).

Some agencies' feeds use "straight" or “English” quote marks for «ёлочки»;
they are read the same way.

A short text in guillemets with no speech around it is a title or a term, not
a quote (``«Газпром»``, ``фильм «Брат»``, ``так называемые «…»``). The speaker
is the nominative name of a person (else organisation) as the article gives it
in full (``Цивилев`` → ``Сергей Цивилёв``; of namesakes the one the verb's
gender and the article point to); ``он``/``она`` and roles (``сказал
режиссер``, ``глава управы сказала``) go to the person meant; an unnamed source
(``собеседник «Медузы»``, ``представитель метро``) is kept as a lower-case
phrase, which the library does not count as a speaker. A quote with no
attribution right after an attributed one continues it. Meduza's bodies mark
paragraphs with two spaces (and break them where a link was cut out, even
inside a quote), so two spaces end a paragraph here unless a quote is open.
The forms and their counter-examples are tests/core/test_russian_quotes.py;
the annotated articles and figures are in tests/data/ and benchmarks/russian.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from ossetia_reader.core.article import Entity, Quote
from ossetia_reader.core.enrich.quotes import FoundQuote
from ossetia_reader.core.enrich.russian.labels import labelled, labelled_turns, within
from ossetia_reader.core.enrich.russian.stems import stem as _stem_uncached

# Stems of the same few names are asked for again at every quote: cached, the finder stays
# linear on a quote-dense article.
stem = lru_cache(maxsize=65536)(_stem_uncached)

# A line break ends a paragraph; so do two spaces after a sentence, before a capital, a
# quote or a dash (Meduza's flattened paragraphs). Two spaces elsewhere are where a link
# was cut out of the text ("Песков  назвал  …") and end nothing.
_PARAGRAPH = re.compile(r"\n\s*|(?<=[.!?…»“])[ \u00a0]{2,}(?=[A-ZА-ЯЁ«„—–])")
_DASH = "—–"
_CUE = re.compile(
    r"(?<![\w-])(?:"
    r"сказал|заявил|отметил|подчеркнул|сообщил|рассказал|добавил|пояснил|уточнил|признал|"
    r"написал|пишет|заметил|ответил|отвечает|спросил|объяснил|считает|говорит|говорил|"
    r"говорится|утверждает|утверждал|указал|указывает|констатировал|заключил|настаивает|"
    r"возразил|предупредил|призвал|напомнил|цитирует|процитировал|переда[её]т|"
    r"прокомментировал|резюмировал|высказал|сообщает|рассказывает|отмечает|подчеркивает|"
    r"подчёркивает|добавляет|поясняет|уточняет|признается|признаётся|признался|"
    r"жалуется|пожаловался|вспоминает|вспоминал|продолжил|продолжает|объясняет|"
    r"заверил|уверяет|уверен|убежден|убеждён|говорят|считают|сообщили|рассказали|"
    r"заявили|отметили|пояснили|написали|ответили|уточнили|добавили|цитируют|"
    r"назвал|называл|называли|назвали|называет|поручил|распорядил|попросил|пообещал|обещал|"
    r"потребовал|предложил|охарактеризовал|оценил|заявлял|говорила|рассказывала|писал|писали|"
    r"подтвердил|пояснял|объяснял|отмечал|подчеркивал|подчёркивал|добавлял|уточнял|полагает|"
    r"отвечал|полагают|пошутил|шутит|спрашивает|спрашивают|спрашивал|рассуждает|"
    r"рассуждал|возмущается|возмутил|докладывал|доложил|упрекнул|упрекал|ссылался|ссылалась|"
    r"ссылались|ссылается|ссылаются|сообщал|признавал|настаивал|указывал|замечал|предупреждал|"
    r"напоминал|комментировал|возражал|подтверждал|рассказывал|признавался|жаловался|"
    r"возмущался|предлагал|уверял|сетовал|посетовал|подытожил|заметила|воскликнул|крикнул|"
    r"кричал|прокричал|произнес|произнёс|сообщила|признает|признаёт|переспрашивает|"
    r"переспросил|вздыхает|вздохнул|усмехается|усмехнулся|смеется|смеётся|рассуждал|описывает|"
    r"описал|описывал|заявляет|заявляют|написано|прогнозирует|прогнозировал|намекнул|"
    r"намекает|посчитал|предположил|предполагает|опроверг|парировал|констатирует|сетует|"
    r"выразил|цитировал|сообщало|сообщило|отреагировал|реагирует|резюмирует|парирует|"
    r"иронизирует|подытоживает|поделился|делится|высказался|сказано|"
    r"поинтересовал|интересует|интересовал|"
    # gerunds: ``…, назвав его «непростительным оскорблением»``, ``заявив, что …``
    r"назвав|заявив|отметив|подчеркнув|сказав|добавив|пояснив|сообщив|написав|указав|"
    r"охарактеризовав|объяснив|уточнив|пообещав|предупредив|напомнив|заметив|ответив|"
    r"призвав|потребовав|признав|заверив|"
    # participles: ``Рамзан Кадыров, просивший Путина «отдать приказ …»``
    r"заявивший|сказавший|назвавший|просивший|призвавший|пообещавший|потребовавший|"
    r"отметивший|высказавший|предложивший|"
    # present plurals: ``источники утверждают, что …``, ``в МИД отмечают``
    r"утверждают|отмечают|сообщают|рассказывают|поясняют|уточняют|подчеркивают|"
    r"подчёркивают|признают|пишут|добавляют|указывают|настаивают|предупреждают|объясняют|"
    r"жалуются|вспоминают|напоминают|уверяют|полагают|допускают|прогнозируют|констатируют|"
    r"сетуют|спрашивают|отвечают|называют|"
    r"не[ \u00a0]исключил|не[ \u00a0]исключает|не[ \u00a0]исключают|"
    # ``— приводит ТАСС слова Пескова``
    r"(?:приводит|приводят|привел|привёл|публикует|публикуют|опубликовал)"
    r"(?=(?:[ \u00a0]+\S+){0,2}[ \u00a0]+(?:слова|цитат))"
    r")(?:а|о|и|ась|ось|ись|ся|сь)?(?![\w-])",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"(?<![\w-])(?:по\s+(?:(?:его|её|ее|их)\s+)?(?:словам|мнению|данным|утверждению|версии|"
    r"сообщению|заявлению|оценке)|"
    r"как\s+(?:сообщил|заявил|отметил|"
    r"сказал|пояснил|рассказал|написал|подчеркнул|говорит|пишет|считает|утверждает|"
    r"сообщает|уточнил|добавил|признал|писал|писали|рассказывал|отмечал)\w*)(?![\w-])",
    re.IGNORECASE,
)
# Verbs that quote a single word: назвал ситуацию «катастрофой».
_NAMING = re.compile(r"назва|называ", re.IGNORECASE)
_PRONOUN = re.compile(r"(?<![\w-])(?:он|она|они)(?![\w-])", re.IGNORECASE)
# Words that open the reported clause, not a phrase naming its source (сказал, что …).
_NOT_A_SOURCE = frozenset(
    {
        "что",
        "чтобы",
        "как",
        "будто",
        "якобы",
        "так",
        "на",
        "в",
        "во",
        "о",
        "об",
        "по",
        "к",
        "с",
        "у",
    }
    | {"за", "из", "от", "для", "про", "при", "это", "этот", "эта", "это,", "же", "также", "и"}
    | {"меня", "мне", "нас", "нам", "его", "ее", "её", "им", "ему", "ей", "них", "им,", "меня,"}
    # particles that open what was said: ``заявила, мол глава Чечни якобы совершал …``
    | {"мол", "мол,", "дескать", "дескать,"}
)
# Whom words were said to (как говорит им: «…»), never who said them.
_OBJECTS = frozenset({"меня", "мне", "нас", "нам", "им", "ему", "ей", "них", "вам", "тебе"})
# A full stop after a lone capital is an initial (``Как сообщил А. Кудрин, «…»``), not the
# end of a sentence.
_SENTENCE_END = re.compile(r"(?<!(?<![\w-])[А-ЯЁA-Z])[.!?…](?=\s|$)")
# Nouns that put the following «…» among names: «Газпром» after компания is a title.
_TITLE_NOUNS = re.compile(
    r"(?<![\w-])(?:компани|газет|издани|партии|парти|движени|фонд|банк|агентств|журнал|телеканал|канал|"
    r"радио|фильм|книг|песн|альбом|сериал|программ|проект|операци|ресторан|клуб|театр|"
    r"сайт|портал|аэропорт|торгов|завод|групп|корпораци|холдинг|организаци|кафе|магазин|"
    r"ТЦ|ТРЦ|ООО|ОАО|ЗАО|ПАО|АО|НКО|АНО|ФГУП|ГУП|станци|улиц|площад|закон|статья|"
    r"объединени|сети|сеть|бренд|марк|издательств|студи|спектакл|премии|премия|конкурс|парк|"
    r"фестивал|акци|кампани|выставк|доклад|расследовани|рубрик|передач|шоу|портал|процедур|"
    r"систем|раздел|категори|термин|формулировк|номинаци|хештег)\w*\s*$",
    re.IGNORECASE,
)
_INTERVIEW = re.compile(
    r"интервью|ответил\w* на вопросы|рассказал\w* «|бесед|поговорил\w* с|разговор\w* с",
    re.IGNORECASE,
)
# A quote may start this far back from an attribution sentence (characters).
_WINDOW = 300
_LONG_QUOTE_WORDS = 6
_SPEAKER_TYPES = ("PER", "ORG")


def find_quotes(text: str, entities: Sequence[Entity] = ()) -> tuple[Quote, ...]:
    """Every direct quote in ``text`` with its speaker, as stored quotes."""
    return tuple(quote.to_quote(text) for quote in find(text, entities))


def find(text: str, entities: Sequence[Entity] = ()) -> list[FoundQuote]:
    """Every direct quote in ``text``, in text order."""
    if not text:
        return []
    paragraphs = _paragraphs(text)
    quoted = _guillemet_spans(text, paragraphs)
    names = _Names(entities, text, [(start, end) for start, end, _ in quoted])
    labels = labelled_turns(text, paragraphs, quoted, names)
    candidates = quoted + _dash_speech(text, paragraphs, quoted)
    candidates += [(start, end, "label") for start, (end, _, _) in labels.items()]
    candidates.sort()
    interviewee = _interviewee(text, paragraphs, names)
    found: list[FoundQuote] = []
    last_end = -1
    # In a labelled transcript, dash turns after a person's labelled answer (``Кирилл
    # Тимошенко: … — Вопрос? — Ответ``) are that person's answers.
    answerer: Entity | None = None
    for start, end, kind in candidates:
        if start < last_end:
            continue
        if kind == "dash" and _byline(text, start, end, names, found):
            continue
        quote: FoundQuote | None
        if kind == "label":
            quote = labelled(text, start, labels[start], names)
            if quote.speaker and not text[start:end].rstrip().endswith("?"):
                at = quote.speaker_start if quote.speaker_start is not None else start
                answerer = Entity(at, quote.speaker_end or at, quote.speaker, "PER", quote.speaker)
        else:
            # (Run-on turns only: a headline's ``Имя: «…»`` is no transcript.)
            running = answerer if kind == "dash" and not _turn_on_a_line(text, start) else None
            quote = _attribute(text, start, end, kind, names, found, interviewee or running)
        if quote is not None and kind == "dash" and _resumes(text, found, start, end):
            # ``— Первое, — сказал Песков. — Второе.``: interrupted by its attribution, the
            # turn is one quote (as «Первое, — сказал Песков. — Второе» is).
            found[-1] = replace(found[-1], end=end)
            last_end = end
            continue
        if quote is not None:
            found.append(_named_in_full(quote, names))
            last_end = end
            if (
                interviewee is None
                and kind == "dash"
                and quote.cue is not None
                and quote.speaker_start is not None
                and not any(_turn_on_a_line(text, q.start) for q in found[-51:-1])
                and _turn_on_a_line(text, start)
                and _questions_answered(text, paragraphs)
            ):
                # ``— …, — рассказал «МК» адвокат Роман Абалакин. …⏎— Вопрос?⏎— Ответ``: an
                # interview that opens with an attributed answer is with that person.
                at = quote.speaker_start
                named = found[-1].speaker or ""
                interviewee = Entity(at, quote.speaker_end or at, named, "PER", named)
    return [quote for quote in found if not _headline_echo(text, quote)]


_RESUMED = re.compile(
    # ``, — сообщил он. — ``: a comma, a dash, the attribution's sentence, a dash.
    r"[ \u00a0]*[,!?…]?[ \u00a0]*[—–-][ \u00a0]*[а-яё][^\n.!?]{0,120}[.!?…]"
    r"[ \u00a0]*[—–-][ \u00a0]*$"
)


def _resumes(text: str, found: list[FoundQuote], start: int, end: int) -> bool:
    """Whether the dash turn at ``start`` goes on with the quote just before it past its
    attribution in the same line (``«…», — сообщил он. — Продолжаю …``, ``- Дело в том
    …, - поясняет режиссер. – Они …``)."""
    if not found or not found[-1].speaker or found[-1].cue is None:
        return False
    previous = found[-1]
    if start - previous.end > 160 or text[previous.start : previous.end].rstrip().endswith("?"):
        return False  # ``— Ну, ты приедешь? — спросил он. — …``: the other one answers
    first = _SENTENCE_END.search(text, start, end)
    if first is not None and text[first.start()] == "?":
        return False  # ``— …, — говорит Стерлигов. — Кто такой дьявол?``: asked back
    return _RESUMED.fullmatch(text, previous.end, start) is not None


_HEADLINE_REACH = 600
_CONTENT_WORD = re.compile(r"[а-яёa-z]{4,}")


def _headline_echo(text: str, quote: FoundQuote) -> bool:
    """A headline's quote that the story below repeats (``Олег Лужный: «С приходом Коллины
    судейство стало еще хуже»`` over ``С приходом этого специалиста у нас судейство стало
    в два раза хуже``) is the story's quote shown twice, not another one. A headline is a
    short line near the top that does not end a sentence; repeated means most of its
    words (by their first five letters) stand in one paragraph further down."""
    if quote.start > _HEADLINE_REACH:
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


def _byline(text: str, start: int, end: int, names: _Names, found: list[FoundQuote]) -> bool:
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
    if _CUE.search(rest) or len(rest.split()) > 25 or start - found[-1].end > 300:
        return False
    if found[-1].speaker is None or not found[-1].speaker[:1].isupper():
        found[-1] = replace(
            found[-1], speaker=entity.canonical, speaker_start=entity.start, speaker_end=entity.end
        )
    return True


def _named_in_full(quote: FoundQuote, names: _Names) -> FoundQuote:
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
    feminine = _verb_feminine(quote.cue or "")
    full = names.full_name(quote.speaker, quote.speaker_start, feminine)
    written = entity.text.split()
    words = full.split()
    nominative = _subject_position(names.text, entity)
    if (
        nominative
        and len(written) == len(words) > 1
        and [stem(word) for word in written] == [stem(word) for word in words]
        and _fold(" ".join(written)) != _fold(full)
    ):
        # Right before or after its verb a name is the subject, in the nominative: as
        # written (``глава МИДа Сэйдзи Маэхара отметил``, not the analyser's ``Маэхар``).
        full = " ".join(written)
    elif (
        len(written) == 1
        and len(words) > 1
        and (nominative or _NOMINATIVE_SURNAME.search(_fold(written[0])) is not None)
        and _fold(words[-1]) != _fold(written[0])
        and stem(words[-1]) == stem(written[0])
    ):
        # The surname as written in the nominative: ``Александр Кибовского`` → Кибовский.
        full = " ".join([*words[:-1], written[0]])
    return quote if full == quote.speaker else replace(quote, speaker=full)


_PATRONYMIC = re.compile(r"[а-яё](?:ович|евич|овна|евна|ична|инична)$")
# Latin letters that look Cyrillic, typed into Russian names (``Cергей``).
_LOOKALIKES = str.maketrans("ACEHKMOPTXaceopxy", "АСЕНКМОРТХасеорху")


def _with_patronymic(quote: FoundQuote, names: _Names) -> FoundQuote:
    """A first name and patronymic as the name the article gives with a surname."""
    first, patronymic = (word.translate(_LOOKALIKES) for word in (quote.speaker or "").split())
    for entity in names.people_full:
        words = entity.canonical.translate(_LOOKALIKES).split()
        if len(words) > 2 and first in words and patronymic in words:
            return replace(quote, speaker=entity.canonical)
    return quote


def _verb_feminine(verb: str) -> bool | None:
    """A past-tense verb's gender (``сказала``: a woman; ``сказал``: a man), else None."""
    verb = verb.lower()
    return True if verb.endswith(("ла", "лась")) else False if verb.endswith(("л", "лся")) else None


# Verbs whose subject is the outlet and whose object the person quoted (``цитирует ИА
# Regnum Минченко``): the name after them is no subject.
_QUOTING = re.compile(r"цитир|переда|привод|привел|привёл|публику|опубликова", re.IGNORECASE)


def _subject_position(text: str, entity: Entity) -> bool:
    """Whether a name stands right before a cue verb (``Маэхара отметил``) or right after
    one, past a listener in guillemets (``— сказала «Медузе» Яна Мандрыкина``)."""
    after = _CUE.match(text, entity.end + 1) if text[entity.end : entity.end + 1] == " " else None
    if after is not None and not _QUOTING.match(after.group()):
        # The verb agrees with its subject: ``Диплом Охлопкова назывался`` has another.
        verb_feminine = _verb_feminine(after.group())
        surname = _fold(entity.text.split()[-1]).lower()
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
        and _CUE.fullmatch(verb.group(1)) is not None
        and not _QUOTING.match(verb.group(1))
    )


_LISTENER_BEFORE = re.compile(r"[ \u00a0]*(?:«[^»]{1,40}»|„[^“]{1,40}“)[ \u00a0]*$")
_LAST_WORD = re.compile(r"(?<![\w-])([\w-]+)[ \u00a0]+$")


# -- spans ---------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _PARAGRAPH.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _guillemet_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``«…»`` (nested, and continued over paragraphs that reopen with «) and ``„…“``."""
    spans: list[tuple[int, int, str]] = []
    open_at: int | None = None
    depth = 0
    for index, (p_start, p_end) in enumerate(paragraphs):
        if open_at is not None and text[p_start] != "«" and not _closes_here(text, p_start, p_end):
            # Left open, and the next paragraph does not carry it on: it ends here.
            end = paragraphs[index - 1][1]
            spans.append((open_at, end, "guillemet"))
            open_at, depth = None, 0
        elif open_at is not None:
            depth = 0  # the reopening « is counted below
        position = p_start
        while position < p_end:
            char = text[position]
            if char == "«":
                if open_at is None:
                    open_at = position
                depth += 1
            elif char == "»" and open_at is not None:
                depth -= 1
                if depth > 0 and _closes_all(text, position + 1, p_end, depth):
                    depth = 0  # ``«Жилищник района «Выхино-Жулебино»``: one mark closes both
                if depth <= 0:
                    spans.append((open_at, position + 1, "guillemet"))
                    open_at, depth = None, 0
            elif char in _OTHER_MARKS and open_at is None:
                # „лапки“ on their own; in some agencies' feeds "straight" or “English”
                # quotes stand for «ёлочки».
                close = (
                    _straight_close(text, position, p_end)
                    if char == '"'
                    else text.find(_OTHER_MARKS[char], position + 1, p_end)
                )
                if close > position + 1:
                    spans.append((position, close + 1, "guillemet"))
                    position = close
            position += 1
    if open_at is not None and paragraphs:
        spans.append((open_at, paragraphs[-1][1], "guillemet"))
    return spans


_OTHER_MARKS = {"„": "“", '"': '"', "“": "”"}


# A straight quote's nesting is read over this many marks at most (linear time on text
# full of stray marks).
_STRAIGHT_MARKS = 12


def _straight_close(text: str, start: int, end: int) -> int:
    """Where a "straight" quote opened at ``start`` closes, with quotes nested in it typed
    the same way (``"Мы выполняем, идем по "Земскому доктору", все объемы"``): a mark
    after a space or bracket and before a word opens, any other closes. Unbalanced (one
    mark closing both: ``по статье "убийство" и "покушение …", - сообщил``), the last
    closing mark before a comma, a full stop or a dash closes; with none, a quote opening
    its paragraph runs to the paragraph's end (an excerpt cut short), else the next mark
    closes (-1 when there is none)."""
    depth = 1
    position = text.find('"', start + 1, end)
    first = position
    ending = -1
    marks = 0
    while position >= 0 and marks < _STRAIGHT_MARKS:
        marks += 1
        before = text[position - 1] if position > 0 else " "
        after = text[position + 1] if position + 1 < len(text) else " "
        if (before.isspace() or before in "([«„-") and (after.isalnum() or after in "«„("):
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return position
            if re.match(r"[,.!?…]|[ \u00a0]+[-—–][ \u00a0]", text[position + 1 : position + 4]):
                ending = position
        position = text.find('"', position + 1, end)
    if ending >= 0:
        return ending
    if first < 0 and (start == 0 or text[start - 1] == "\n") and end - start > 40:
        return end - 1
    return first


def _closes_all(text: str, start: int, end: int, depth: int) -> bool:
    """Whether a » inside a nested quote closes the outer one too: Russian typesetting
    writes one » for both (``ГБУ «Жилищник района «Выхино-Жулебино».``), so the outer
    quote is still open only if the rest of the paragraph has a » left over for it."""
    rest = text[start:end]
    return rest.count("»") < rest.count("«") + depth


def _closes_here(text: str, start: int, end: int) -> bool:
    """Whether a paragraph closes a quote left open before it, with no quote of its own
    opened first: Meduza's flattened bodies break paragraphs where a link was, inside
    quotes too (``«…Никаких решений нет.  Ждем выводов следствия».``)."""
    close = text.find("»", start, end)
    opening = text.find("«", start, end)
    return close >= 0 and (opening < 0 or close < opening) and close - start < 600


def _dash_speech(
    text: str, paragraphs: list[tuple[int, int]], quoted: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Dialogue and interview turns: a dash opening a paragraph, or a dash right after a
    sentence (Meduza's flattened bodies run the turns together: ``… мало? — спросил
    он. — Жена беременна?``). Each turn runs to the next; dashes inside «…» are not turns."""
    spans: list[tuple[int, int, str]] = []
    inside = [(start, end) for start, end, _ in quoted]
    starts_of_quotes = [start for start, _ in inside]
    for p_start, p_end in paragraphs:
        hyphen = _HYPHEN_TURN.match(text, p_start, p_end)
        if (
            hyphen is not None
            and text[p_start:p_end].rstrip()[-1:] not in '.!?…»"'
            and len(text[p_start:p_end].split()) <= 15
        ):
            hyphen = None  # ``- МВД: Развозжаева вывезли …``: a list of links, not speech
        turns = [
            match
            for match in ([hyphen] if hyphen is not None else [])
            + list(_TURN.finditer(text, p_start, p_end))
            if (match.start() == p_start or text[match.start() - 1] in ".!?…")
            and not within(inside, starts_of_quotes, match.start())
            # "… мало? — спросил он": a dash before a lower-case word is the attribution.
            and not text[match.end() : match.end() + 1].islower()
            # ``(имеется в виду Дмитрий Фирташ. — Д. Г.)``: an editor's note signed inside
            # brackets is no turn.
            and not _in_brackets(text, max(p_start, match.start() - 300), match.start())
        ]
        for index, match in enumerate(turns):
            end = turns[index + 1].start() if index + 1 < len(turns) else p_end
            body = match.end()
            if not _opens_line(text, match.start()):
                end = _dialogue_end(text, body, end, inside, starts_of_quotes)
            if end - body >= 2:
                spans.append((body, end, "dash"))
    return spans


def _in_brackets(text: str, lower: int, index: int) -> bool:
    """Whether a bracket opened within ``[lower, index)`` is still open at ``index``."""
    opening = text.rfind("(", lower, index)
    return opening >= 0 and text.find(")", opening, index) < 0


def _next_line(text: str, end: int) -> str:
    """The next non-empty line after ``end`` (a question there means the turn before it
    was an answer: ``— Я родился в Москве.⏎— А когда переехали?``)."""
    lower = text.find("\n", end)
    if lower < 0:
        return ""
    while lower < len(text) and text[lower] in "\n \u00a0":
        lower += 1
    upper = text.find("\n", lower)
    return text[lower : upper if upper >= 0 else len(text)]


def _turn_on_a_line(text: str, start: int) -> bool:
    """Whether the words at ``start`` are a dash turn opening its own line."""
    index = start
    while index > 0 and text[index - 1] in " \u00a0":
        index -= 1
    if index == 0 or text[index - 1] not in _DASH + "-":
        return False
    return _opens_line(text, index - 1)


def _opens_line(text: str, index: int) -> bool:
    """Whether a dash opens a line of its own (an interview laid out in paragraphs),
    where the whole paragraph is the turn, however many sentences it has."""
    return index == 0 or text[index - 1] == "\n"


def _dialogue_end(
    text: str, body: int, end: int, inside: list[tuple[int, int]], starts_of_quotes: list[int]
) -> int:
    """Where a dash turn in a run-on paragraph stops: Meduza's flattened bodies carry on
    from the last turn into narration (``— Навсегда. — Идите в Госдуму … — предложил
    кто-то. С каждой минутой беседа …``), which would hide the «quotes» after it. The
    dialogue ends at the first sentence the next one of which does not open with a dash
    (``— спросил он`` after ``?`` goes on with the same sentence), and within
    ``_DIALOGUE_REACH`` characters in any case."""
    limit = min(end, body + _DIALOGUE_REACH)
    for match in _SENTENCE_END.finditer(text, body, limit):
        if within(inside, starts_of_quotes, match.start()):
            continue
        after = match.end()
        while after < end and text[after] in " \u00a0":
            after += 1
        if after >= end:
            return match.end()
        if (
            text[after] not in _DASH
            and not _attributed_sentence(text, after, limit)
            and not _speech_goes_on(text, after, limit)
        ):
            return match.end()
    return limit


# Words of a speaker talking (first and second person), not of a narrator telling.
_FIRST_PERSON = re.compile(
    r"(?<![\w-])(?:я|мы|меня|мне|мной|нас|нам|нами|вы|вас|вам|вами|ты|тебя|тебе|тобой|"
    r"мо[йяеёи]\w*|наш\w*|ваш\w*|тво[йяеёи]\w*)(?![\w-])",
    re.IGNORECASE,
)


def _speech_goes_on(text: str, start: int, limit: int) -> bool:
    """Whether the sentence at ``start`` is more of a dash turn's words, not the narration
    after it: ``— Нет? А почему?``, ``— Навсегда. Электричество нам не нужно.`` The speaker
    asks, exclaims, says one or two words or speaks in the first or second person; a
    sentence with a speech verb or a «quote» of its own is the narrator's (``С каждой
    минутой беседа все больше удалялась от вопросов истории``)."""
    end = _SENTENCE_END.search(text, start, limit)
    if end is None:
        return False
    sentence = text[start : end.end()]
    if any(mark in sentence for mark in '«„"“') or _CUE.search(sentence):
        return False
    return (
        sentence[-1] in "?!…"
        or len(sentence.split()) <= 2
        or _FIRST_PERSON.search(sentence) is not None
    )


# ``…, — воскликнул журналист``: the dash before the attribution of the turn.
_ATTRIBUTION_DASH = re.compile(r"[,!?…][ \u00a0]*[—–][ \u00a0]*(?=[a-zа-яё])")


def _attributed_sentence(text: str, start: int, limit: int) -> bool:
    """Whether the sentence at ``start`` still belongs to the turn before it, because it
    ends with the turn's attribution: ``— Но я же встречаюсь с Ташем! Он делает новый
    телеканал, — удивленно воскликнул журналист.``, ``— У меня один сын. Этого мало? —
    спросил мужчина.``"""
    end = _SENTENCE_END.search(text, start, limit)
    stop = end.start() if end is not None else limit
    dash = _ATTRIBUTION_DASH.search(text, start, limit)
    if dash is None or dash.start() > stop:
        return False
    clause = _SENTENCE_END.search(text, dash.end(), limit)
    return _CUE.search(text, dash.end(), clause.start() if clause else limit) is not None


# A dash turn in a run-on paragraph runs this far at most (characters).
_DIALOGUE_REACH = 1500


_TURN = re.compile(r"[ \u00a0]*[—–][ \u00a0]+")
# Some sites type a paragraph's opening dash as a hyphen: ``- Сегодня много молодёжи …``.
_HYPHEN_TURN = re.compile(r"-[ \u00a0]+(?=[\w«\"„(])")

# -- attribution -----------------------------------------------------------------------


class _Names:
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
                    and _ROLE.match(e.canonical.lower()) is not None
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
        dash = max(self.text.rfind(d, self.quotes[at][0], entity.start) for d in _DASH)
        return dash < 0 or _CUE.search(self.text, dash, entity.start) is None

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
        return _pick(
            [e for e in self.within(lower, upper) if e.end <= upper and _may_speak(e, subject)]
        )

    def last(self, lower: int, upper: int, subject: bool | str = False) -> Entity | None:
        """The last person (else organisation) in ``[lower, upper)``."""
        inside = [e for e in self.within(lower, upper) if e.end <= upper and _may_speak(e, subject)]
        return _pick(inside[::-1])

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
            and (feminine is None or _feminine(entity.canonical) == feminine)
            and not self.quoted(entity)
            and (askers or not self.asker(entity))
            and not self.outlet(entity)
        ]
        subjects = [
            entity for entity in people if _may_speak(entity, True) and not self.governed(entity)
        ]
        for candidates in (subjects, people):
            if candidates:
                return candidates[-1]
        return None

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
            lead = re.split(r"[.,;:!?()«»—–]", self.text[max(0, entity.start - 60) : entity.start])
            if (
                feminine is not None
                and len(entity.canonical.split()) > 1
                and _feminine(entity.canonical) != feminine
            ):
                continue  # ``муж актрисы Сергей Сенин`` is not the актриса
            if any(stem(word.lower()) in keys for word in lead[-1].split()[-3:]):
                if anywhere is None and org is not None and self._near(entity, org, 250):
                    anywhere = entity
                if org is None or self._near(entity, org):
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
        lead = re.split(r"[.,;:!?()—–]", self.text[max(0, entity.start - 60) : entity.start])
        return any(_ASKER.match(word.lower()) for word in lead[-1].split()[-3:])

    def subject_before(self, index: int, feminine: bool | None) -> Entity | None:
        """The last person named in the nominative (not inside a quote) shortly before."""
        for entity in reversed(self.within(max(0, index - 1000), index)):
            if (
                entity.type == "PER"
                and entity.end <= index
                and not self.quoted(entity)
                and _may_speak(entity, True)
                and not self.governed(entity)
                and (feminine is None or _feminine(entity.canonical) == feminine)
            ):
                return entity
        return None

    def governed(self, entity: Entity) -> bool:
        """A name after a preposition or ``имени`` is no subject, whatever its form (``о
        проблемах со здоровьем у Шойгу``, ``в фонде имени Кербера``)."""
        before = self.text[max(0, entity.start - 12) : entity.start]
        return _GOVERNING.search(before) is not None

    def _near(self, entity: Entity, org: str, reach: int = 60) -> bool:
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
            matching = [e for e in matching if _feminine(e.canonical) == feminine] or matching
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


def _reported_before(text: str, lower: int, index: int) -> bool:
    """A cue verb and ``что`` before ``index``: what follows is the reported clause
    (``объявила, что ИНН …``); the writer's own ``Напомним, что …`` reports nothing."""
    link = _REPORTED_LINK.search(text, lower, index)
    if link is None:
        return False
    verbs = (_CUE.search(text, lower, link.start()), _VERB_SHAPED.search(text, lower, link.start()))
    return any(verb is not None for verb in verbs)


def _the_speaker_meant(
    names: _Names, found: list[FoundQuote], index: int, feminine: bool | None
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
        and (feminine is None or _feminine(previous.speaker) == feminine)
        and (person is None or names.at(previous.speaker_start) is not None)
    ):
        subject = names.subject_before(index, feminine)
        if subject is None or subject.start < previous.end:
            return previous
    return person


def _gerund(cue: str) -> bool:
    """``назвав``, ``заявив``, ``подчеркнув``: the cue verbs ending in -в are gerunds."""
    return cue.lower().endswith(("в", "вший"))


_INITIAL = re.compile(r"[А-ЯЁA-Z]\.")


def _pick(entities: list[Entity]) -> Entity | None:
    for kind in _SPEAKER_TYPES:
        for entity in entities:
            if entity.type == kind:
                return entity
    return None


# Before the verb a person in any case is its subject (a reported clause follows the
# verb); an organisation there must still be in the nominative (Об этом «Медузе» рассказал).
_ORG_ONLY = "organisations"


def _may_speak(entity: Entity, subject: bool | str) -> bool:
    """With ``subject``, only a name in the nominative: the last word as written is the
    canonical name's (``Пескова`` is not ``Песков``; ``«Медузе»``, the listener in
    ``рассказал «Медузе»``, is not ``Медуза``)."""
    if not subject or (subject is _ORG_ONLY and entity.type != "ORG"):
        return True
    written, canonical = _fold(entity.text).split(), _fold(entity.canonical).split()
    if not (written and canonical):
        return False
    if (
        entity.type == "PER"
        and len(written) == len(canonical) == 2
        and written[0] != canonical[0]
        and written[0][-1:] in "ыиеуюойя"
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


def _fold(name: str) -> str:
    """ё written as е, as most Russian news does (``Цивилев`` is ``Цивилёв``)."""
    return name.replace("ё", "е").replace("Ё", "Е")


def _feminine(name: str) -> bool:
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
def _womans_first_name(word: str) -> bool:
    """Whether pymorphy3 reads a first name not ending in -а/-я as a woman's."""
    from ossetia_reader.core.enrich.russian.morph import womans_first_name

    return womans_first_name(word)


_MEN_IN_A = frozenset(
    {"илья", "никита", "кузьма", "фома", "лука", "савва", "данила", "гаврила", "саша", "миша"}
    | {"паша", "дима", "вова", "коля", "петя", "ваня", "женя", "лёша", "леша", "костя", "слава"}
)


def _attribute(
    text: str,
    start: int,
    end: int,
    kind: str,
    names: _Names,
    found: list[FoundQuote],
    interviewee: Entity | None,
    relayed: bool = False,
) -> FoundQuote | None:
    if kind == "dash":
        return _dash_turn(text, start, end, names, found, interviewee)
    inner = text[start + 1 : end - 1]
    words = len(inner.split())
    if words == 0 or _is_title(text, start, end, names) or _scare_adjective(text, start, end):
        return None
    inside = _inner_attribution(text, start, end, names, found)
    if inside is not None:
        return inside
    about = _about_headline(text, start, names)
    if about is not None:
        return FoundQuote(start, end, about.canonical, None, about.start, about.end)
    after = None if relayed else _after(text, end, names, found)
    if after is not None and _relay(text, after, names):
        # ``Клименко … называет вмешательство злом: «…», сообщает Лента.ру``: the outlet
        # passes on the words of the person named before; it is the source only when
        # nobody is.
        by_others = _attribute(text, start, end, kind, names, found, interviewee, True)
        if by_others is not None and by_others.speaker and by_others.speaker[:1].isupper():
            return by_others
    if after is not None and not (after[0] or "")[:1].isupper():
        # ``Рамзан Кадыров, просивший Путина «…», заявил, что …``: the verb after the
        # quote names nobody; its subject came before the quote.
        named_before = _before(text, start, names, found)
        if named_before is not None and (named_before[0] or "")[:1].isupper():
            return FoundQuote(start, end, *named_before[:4])
    if after is not None:
        return FoundQuote(start, end, *after)
    label = _label_line(text, start, names)
    if label is not None:
        return FoundQuote(start, end, label.canonical, None, label.start, label.end)
    before = _before(text, start, names, found)
    # ``Как сообщила Мария Захарова, «Россия будет действовать адекватно»``: words a named
    # source is said to have said right after the intro are a quote, capitalised or not.
    introduced = (
        before is not None
        and before[0] is not None
        and before[0][:1].isupper()
        and _INTRO.match(before[1] or "") is not None
        and _DATA.match(before[1] or "") is None
        and text[max(0, start - 2) : start].strip(" \u00a0") == ","
    )
    if (
        _capitalised_name(inner)
        and not (before is not None and before[4] and not _listed(text, start, end))
        and not introduced
    ):
        return None
    if (
        before is not None
        and (
            _sentence_like(inner)
            or words >= _LONG_QUOTE_WORDS
            or before[4]
            or _NAMING.match(before[1] or "")
            or (_INTRO.match(before[1] or "") and not _DATA.match(before[1] or ""))
            or _DIRECTIVE.match(before[1] or "")
            or _reported(text, max(0, start - _WINDOW), start)
            # ``Королев объяснил это «маркетинговой уловкой»``: lower-case words in the
            # clause of a named speaker's verb are his.
            or (
                before[2] is not None
                and inner.lstrip()[:1].islower()
                and not _DATA.match(before[1] or "")
                and not _clause_break(text, start)
                and not _INTO.search(text, max(0, start - 4), start)
                and not _term_after_noun(text, start, end)
            )
        )
    ):
        if before[0] is None:
            # Сказал, что …, а также заверил, что «…»: the sentence's named speaker.
            same = _same_sentence(text, start, end, found)
            if same is not None:
                return same
        return FoundQuote(start, end, *before[:4])
    same = _same_sentence(text, start, end, found)
    if same is not None:
        return same
    later = _later(text, end, names, found) if words >= 2 else None
    if later is not None:
        return FoundQuote(start, end, *later)
    document = _document(text, start, end, names) if words >= 2 else None
    if document is not None:
        return document
    colon = text[max(0, start - 3) : start].rstrip(" \u00a0").endswith(":")
    long = words >= _LONG_QUOTE_WORDS
    # A paragraph that is one quote and a full stop is a whole sentence too.
    opens_line = start == 0 or text[start - 1] == "\n"
    # A quote standing alone on its line (a headline: ``«Не хочешь носить маску, будь
    # готов …»``) is a whole sentence too.
    alone = opens_line and not text[end:].split("\n", 1)[0].strip(" .\u00a0")
    whole = _sentence_like(inner) or (text[end : end + 1] == "." and opens_line) or alone
    if (long and whole) or (colon and (long or whole)):
        # A whole sentence in guillemets, alone or after a colon (``Турция делает все, что
        # бы гагаузы не забывали свой язык: «…»``): the paragraph's speaker's.
        # Nobody else speaks in between (past the previous quote's own attribution).
        after_previous = _SENTENCE_END.search(text, found[-1].end, start) if found else None
        since = after_previous.end() if after_previous is not None else start
        quote = FoundQuote(start, end)
        headed, heading = _name_heading(text, start, names, found)
        if heading is not None:
            # A heading naming the next speaker ends the one before.
            return FoundQuote(start, end, heading.canonical, None, heading.start, heading.end)
        if headed:
            return quote  # a numbered heading names someone the tagger missed: nobody
        if _CUE.search(text, since, start) is None:
            quote = _continued(quote, text, found)
        if quote.speaker is None:
            quote = _paragraph_speaker(text, start, end, names, found)
        if quote.speaker is None and opens_line:
            person = _paragraph_before_subject(text, start, names, found)
            if person is not None:
                quote = FoundQuote(start, end, person.canonical, None, person.start, person.end)
        if quote.speaker is None and interviewee is not None and start < _HEADLINE_REACH:
            # An interview's headline (``«Сидим без денег». Первое интервью Петра Яна``)
            # quotes the one interviewed.
            who = interviewee
            quote = FoundQuote(start, end, who.canonical, None, who.start, who.end)
        if quote.speaker is None and alone and start < _HEADLINE_REACH:
            # A headline quote over a lead whose first sentence has a person speak
            # (``"Мы не будем …"⏎Замглавы МИД Сергей Рябков рассказал "Интерфаксу" …``).
            person = _lead_speaker(text, end, names)
            if person is not None:
                quote = FoundQuote(start, end, person.canonical, None, person.start, person.end)
        return quote
    return None


def _paragraph_speaker(
    text: str, start: int, end: int, names: _Names, found: list[FoundQuote]
) -> FoundQuote:
    """An unattributed quote in a paragraph whose earlier sentence has a named person speak
    (``Далее Герстенмайер сказал, что … . В случае необходимости … . «Мы не видим …»``):
    that person's, or the speaker of the paragraph's earlier quote."""
    lower = _paragraph_start(text, start, max(0, start - 800))
    if not text[lower:start].strip() and lower > 0:
        # A quote opening its paragraph (agency copy: ``Лавров подчеркнул, что …⏎"Я
        # считаю, …"``): the paragraph before says who speaks.
        back = lower
        while back > 0 and text[back - 1].isspace():
            back -= 1
        lower = _paragraph_start(text, back, max(0, back - 800))
    # The two sentences before the quote, at most.
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lower, start)]
    if len(ends) >= 3:
        lower = ends[-3]
    previous = found[-1] if found else None
    since = max(lower, previous.end if previous else 0)
    cues = list(_CUE.finditer(text, since, start))
    intros = [m for m in _INTRO.finditer(text, since, start) if _DATA.match(m.group()) is None]
    if intros and (
        not cues
        or intros[-1].start() > cues[-1].start()
        # ``По ее словам, педиатр рассказывал о своих пациентах …``: the intro governs
        # the verbs of its sentence.
        or _SENTENCE_END.search(text, intros[-1].end(), cues[-1].start()) is None
    ):
        # ``По словам Догузова, ситуация изменилась. «Даже не идет разговора …»``: the
        # source of the sentence before speaks on.
        intro = intros[-1]
        comma = text.find(",", intro.end(), start)
        by_intro = _intro_speaker(
            text, intro.start(), intro.end(), comma if comma >= 0 else start, names
        )
        if by_intro is not None and by_intro[0] is not None and by_intro[0][:1].isupper():
            return FoundQuote(start, end, *by_intro)
    if not cues:
        if (
            previous is not None
            and previous.end >= lower
            and previous.speaker
            and previous.speaker[:1].isupper()
        ):
            return FoundQuote(
                start, end, previous.speaker, None, previous.speaker_start, previous.speaker_end
            )
        return FoundQuote(start, end)
    cue = cues[-1]
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lower, cue.start())]
    sentence = ends[-1] if ends else lower
    person = names.last(sentence, cue.start(), subject=True)
    if person is not None and person.type == "PER":
        return FoundQuote(start, end, person.canonical, cue.group(), person.start, person.end)
    pronoun = _PRONOUN_VERB.search(text, sentence, cue.start())
    if pronoun is not None and pronoun.end() == cue.start():
        word = pronoun.group(1).lower()
        meant = _the_speaker_meant(names, found, sentence, None if word == "они" else word == "она")
        if isinstance(meant, Entity):
            return FoundQuote(start, end, meant.canonical, cue.group(), meant.start, meant.end)
    if not _plural_verb(cue.group()):
        # ``Ветеран футбола уверен, что …⏎«…»``: a role opening the verb's clause means
        # the person the article introduced or last named as a subject.
        opening = re.findall(r"[А-ЯЁа-яё-]+", text[sentence : cue.start()])[:3]
        for word in opening:
            if _ROLE.match(word.lower()) and word.lower()[-1:] not in "иы":
                role = names.in_role(word.lower(), sentence, _verb_feminine(cue.group()))
                if role is not None:
                    return FoundQuote(start, end, role.canonical, cue.group(), role.start, role.end)
                break
    return FoundQuote(start, end)


# Reported speech: a short «…» after a cue verb is a partial quote only when the verb's
# clause goes on into what was said (сказал, что … «…»); ``указывает в декларации «…»``
# quotes a document's words, not speech.
# ``по данным ФНС, … «фирм-однодневок»``: a source of facts, not of words.
_DATA = re.compile(r"по\s+данным", re.IGNORECASE)
# Verbs whose clause runs on into an infinitive: поручил изъять … либо «поставить …».
_DIRECTIVE = re.compile(r"поручи|попроси|потребова|предложи|призва|пообеща|обеща", re.I)
_REPORTED_LINK = re.compile(r"(?<![\w-])(?:что|чтобы|будто|якобы)(?![\w-])", re.IGNORECASE)


def _reported(text: str, lower: int, start: int) -> bool:
    """A cue verb followed by что/чтобы in the sentence that runs up to ``start``."""
    window = text[lower:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    window = window[ends[-1] :] if ends else window
    cue = _CUE.search(window)
    return cue is not None and _REPORTED_LINK.search(window, cue.end()) is not None


# The wording of a document, quoted: ``контракт на «услуги по технической поддержке»``,
# ``Согласно пресс-релизу СК, обыски проходят «по делу о хищении …»``.
_DOCUMENT = re.compile(
    r"(?<![\w-])(?:контракт|договор|документ|постановлени|(?<!в\s)распоряжени|приказ|тендер|"
    r"техзадани|техническ\w+\s+задани|пресс-релиз|заявлени|реестр|Росреестр|ЕГРЮЛ|ЕГРН|"
    r"отч[её]т|грант|смет|протокол|госзакуп|деклараци|уведомлени|устав|приговор|"
    r"обвинительн|исков|предписани|говорится|сказано|указано|значится|согласно|предмет|"
    r"предназначен|вменя|пометк|грамот|ваканси)\w*",
    re.IGNORECASE,
)


_DOCUMENT_REACH = 150
_INTO = re.compile(r"(?<![\w-])во?[ \u00a0]+$", re.IGNORECASE)


def _document(text: str, start: int, end: int, names: _Names) -> FoundQuote | None:
    """Lower-case words in guillemets in a sentence about a document are its wording;
    the author is an organisation named right after the document (``в заявлении СК``,
    ``пресс-релизу, выпущенному Следственным комитетом``), else nobody."""
    inner = text[start + 1 : end - 1].lstrip()
    if not inner[:1].islower():
        return None
    lower = max(0, start - _WINDOW)
    window = text[lower:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    cut = max(lower + (ends[-1] if ends else 0), _paragraph_start(text, start, lower))
    # The document named close before its words (not anywhere in a long sentence).
    documents = list(_DOCUMENT.finditer(text, max(cut, start - _DOCUMENT_REACH), start))
    document = documents[-1] if documents else None
    if document is None or _INTO.search(text, max(0, start - 4), start):
        return None  # ``(дом) находится на въезде в «центр культуры и досуга»``: a place
    cue = " ".join(document.group().lower().split())
    author = names.first(document.end(), min(start, document.end() + 60))
    if author is not None and author.type == "ORG":
        return FoundQuote(start, end, author.canonical, cue, author.start, author.end)
    return FoundQuote(start, end, None, cue)


# ``проект резолюции против «милитаризации Крыма»``, ``проблеме «перезагрузки»``: a
# short term after a preposition or a noun in the oblique, in a clause that reports no
# speech (no что), names a thing the speaker talked about, not his words.
_TERM_BEFORE = re.compile(
    r"(?<![\w-])(?:против|о|об|про|к|по|для|от|из|и|[а-яё]+(?:е|ой|ию|ии|ам|ям|ах|ях))"
    r"[ \u00a0]+$"
)


def _term_after_noun(text: str, start: int, end: int) -> bool:
    inner = text[start + 1 : end - 1].strip()
    if len(inner.split()) > 3 or _sentence_like(inner):
        return False
    if _TERM_BEFORE.search(text, max(0, start - 30), start) is None:
        return False
    window = text[max(0, start - _WINDOW) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    window = window[ends[-1] :] if ends else window
    return _REPORTED_LINK.search(window) is None and _CUE.search(window[-40:]) is None


def _listed(text: str, start: int, end: int) -> bool:
    """Names listed after a colon: ``(ОАК): «Сухой Суперджет», «Бе-200» и МС-21``."""
    return re.match(r"[ \u00a0]*(?:,|и|\()[ \u00a0]*«", text[end : end + 8]) is not None


def _clause_break(text: str, start: int) -> bool:
    """A dash between the cue verb and the quote: ``Дом, который Кадыров указывает в
    декларации, находится неподалеку — на въезде в «центр …»`` goes on past the verb."""
    window = text[max(0, start - _WINDOW) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    window = window[ends[-1] :] if ends else window
    cues = list(_CUE.finditer(window))
    return bool(cues) and re.search(r"[ \u00a0][—–][ \u00a0]", window[cues[-1].end() :]) is not None


def _same_sentence(text: str, start: int, end: int, found: list[FoundQuote]) -> FoundQuote | None:
    """Partial quotes strung through one sentence of reported speech (``Аузан сказал, что
    Капков был только на «подготовительной фазе» и в «узкую рабочую группу» не входил:
    это «закрытый документ»``) are all the speaker's of the first one."""
    if not found or not (found[-1].speaker or found[-1].cue) or start - found[-1].end > _WINDOW:
        return None  # (``называли фонтан «китчем» и «трешем»``: unnamed, but said)
    previous = found[-1]
    between = text[previous.end : start]
    if _SENTENCE_END.search(between) or _PARAGRAPH.search(between):
        return None
    return FoundQuote(
        start, end, previous.speaker, None, previous.speaker_start, previous.speaker_end
    )


def _capitalised_name(inner: str) -> bool:
    """A short capitalised «…» that is no sentence, in running text with no dash
    attribution after it, is a title or a name (``станция «Электрозаводская»``,
    ``движение «Город»``), not a partial quote, which starts lower-case."""
    stripped = inner.strip()
    return stripped[:1].isupper() and len(stripped.split()) <= 4 and not _sentence_like(stripped)


_SO_CALLED = re.compile(
    r"(?<![\w-])(?:(?:так\s+)?называем\w*(?:\s+[^\s«»]+){0,3}|своего\s+рода)\s*$", re.I
)


def _is_title(text: str, start: int, end: int, names: _Names) -> bool:
    """A short «…» that names something: an entity, or after a word like компания."""
    inner = text[start + 1 : end - 1].strip()
    if (
        inner[:1].isupper()
        and not _sentence_like(inner)
        and _TITLE_NOUNS.search(text[max(0, start - 30) : start])
    ):
        return True  # программе «Развитие гражданской морской техники на 2009–2016 годы»
    if (
        inner[:1].isupper()
        and len(inner.split()) <= 8
        and not _sentence_like(inner)
        and _TITLE_NOUNS.search(inner.split()[0] + " ")
    ):
        return True  # ``директор «Агентства по муниципальному заказу ЖКХ»``: a name
    if len(inner.split()) > 4 or (_sentence_like(inner) and len(inner.split()) > 2):
        return False
    if _SO_CALLED.search(text[max(0, start - 40) : start]):
        return True  # так называемые «…», называемых в Японии «…»: a term
    if _TITLE_NOUNS.search(text[max(0, start - 30) : start]):
        # ``заявлял, что обыски в театре «нелепо»``: lower-case words in reported
        # speech are the speaker's, whatever noun comes before them.
        # So are they in a sentence a named source attributes (``по словам Костылева, …
        # издание «продавало им контент»``).
        return not (
            inner[:1].islower()
            and (_reported(text, max(0, start - _WINDOW), start) or _introduced(text, start))
        )
    return any(e.start <= start + 1 and e.end >= end - 1 for e in names.within(start - 1, end))


def _introduced(text: str, start: int) -> bool:
    """Whether the sentence up to ``start`` names a source with ``по словам``/``как
    сообщил`` (not ``по данным``)."""
    window = text[max(0, start - _WINDOW) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    window = window[ends[-1] :] if ends else window
    intro = _INTRO.search(window)
    return intro is not None and _DATA.match(intro.group()) is None


# One adjective in guillemets before the noun it qualifies is the writer's irony or a term
# (``в «юнармейских» классах``), not anyone's words.
_ADJECTIVE = re.compile(
    r"[а-яё-]+(?:ых|их|ой|ые|ие|ий|ый|ая|ое|ого|ому|ым|им|ими|ыми|ую|юю|яя|ее|его|ему)"
)


def _scare_adjective(text: str, start: int, end: int) -> bool:
    inner = text[start + 1 : end - 1]
    following = re.match(r"[ \u00a0]+([а-яё]+)", text[end : end + 30])
    return (
        _ADJECTIVE.fullmatch(inner) is not None
        and following is not None
        and len(following.group(1)) > 3
        and following.group(1) not in _NOT_A_SOURCE
        # ``объяснили, что «кричащие» цвета — …``: opening reported speech, the speaker's.
        and re.search(r"(?<![\w-])(?:что|чтобы)[ \u00a0]+$", text[max(0, start - 12) : start])
        is None
    )


def _sentence_like(inner: str) -> bool:
    stripped = inner.rstrip('»“" ')
    return stripped[-1:] in ".!?…" or ". " in stripped


Attribution = tuple[str | None, str | None, int | None, int | None]


def _speaker(
    text: str, lower: int, upper: int, names: _Names, found: list[FoundQuote], first: bool
) -> Attribution | None:
    """Who the attribution text ``[lower, upper)`` names, and its cue verb."""
    clause = text[lower:upper]
    intro = _INTRO.search(clause)
    if intro is not None:
        by_intro = _intro_speaker(text, lower + intro.start(), lower + intro.end(), upper, names)
        if by_intro is not None and by_intro[0] is not None:
            return by_intro
    cue_match = _CUE.search(clause) or intro
    cue = cue_match.group() if cue_match else None
    if not first:
        said = _pronoun_said(text, lower, clause, names, found)
        if said is not None:
            return said
        cues = list(_CUE.finditer(clause))
        if len(cues) > 1:
            # ``Мария написала жалобу, чиновники пообещали продолжить «…»``: the verb
            # nearest the quote, in its own clause, says who spoke.
            comma = max(clause.rfind(mark, cues[-2].end(), cues[-1].start()) for mark in ",;")
            # A gerund shares its subject with the verb before it: ``рассказал в своем
            # твиттере Сергей Собянин, отметив, что …``.
            if (
                comma >= 0
                and not _gerund(cues[-1].group())
                # ``Сухарева заявила, что вины не признает``: a verb inside the reported
                # clause of the one before it is part of what was reported.
                and not (
                    clause[comma] == ","
                    and _REPORTED_LINK.match(clause[comma + 1 : cues[-1].start()].lstrip())
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
                said = _speaker(text, lower + comma + 1, upper, names, found, first=False)
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
        entity = _pick(
            [
                e
                for e in names.within(lower, limit)
                if e.end <= limit
                and _may_speak(e, True)
                and not _heard_at(text, lower, e)
                and not (e.type == "PER" and names.governed(e))
                # ``, заявил, что он уже на Украине, сообщает РИА Новости``: not inside
                # what was reported.
                and not (
                    cue_match is not None
                    and _REPORTED_LINK.search(text, lower + cue_match.end(), e.start)
                )
            ]
        )
        if entity is not None and entity.type == "PER":
            # ``— рассказал «МК» адвокат Костомарова, Роман Абалакин``: the name after the
            # comma is the role's own; the one before it, whose lawyer he is.
            apposed = _apposed(text, entity, limit, names)
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
        gerund = cue_match is not None and _gerund(cue_match.group())
        verb_feminine = _verb_feminine(cue_match.group()) if cue_match is not None else None
        entity = _pick(
            [
                e
                for e in names.within(lower, verb_at)[::-1]
                if e.end <= verb_at
                and _may_speak(e, True if gerund else _ORG_ONLY)
                # The verb agrees with its subject: ``Помощник Хиллари Клинтон … заявил``
                # is not Клинтон speaking; ``в «КП»`` is where, not who.
                and (
                    e.type != "PER"
                    or verb_feminine is None
                    or len(e.canonical.split()) < 2
                    or _feminine(e.canonical) == verb_feminine
                )
                and not (e.type == "ORG" and _AFTER_PREPOSITION.search(text, lower, e.start))
                # ``Шарипкову ответили``, ``критически настроенные к Жукову собеседники
                # считают``: a plural verb's subject is a group, not the one person named.
                and not (
                    e.type == "PER"
                    and cue_match is not None
                    and _plural_verb(cue_match.group())
                    and not cue_match.group().lower().endswith("тся")
                    and not (
                        _may_speak(e, True)
                        and _PEOPLE_AND.match(text, e.end, min(verb_at, e.end + 60))
                    )
                )
            ]
        )
        if entity is not None and _reported_before(text, lower, entity.start):
            # ``объявила, что ИНН — не печать Антихриста, и призвала``: a name inside what
            # was reported is not who spoke.
            entity = None
        if entity is not None and _modifies_a_noun(text, lower, entity):
            entity = None  # ``Выпускник школы «Икс» назвал``: the graduate spoke, not the school
        if entity is None and (cue_match is None or _plural_verb(cue_match.group())):
            # ``В пресс-службе Кремля заявили``: the words came from there; a singular
            # verb has a subject of its own (``опубликованной в «КП», … актриса попросила``).
            entity = _in_organisation(text, lower, verb_at, names) or _organisation_meant(
                text, lower, verb_at, lower, names
            )
        after_verb = names.first(verb_at, upper, subject=True)
        if after_verb is not None and _REPORTED_LINK.search(text, verb_at, after_verb.start):
            # ``собеседник «Медузы» считает, что Щербаков …``: inside what was reported.
            after_verb = None
        if entity is None or (
            # ``Музей Зои Космодемьянской — проект, подтвердил Мединский: «…»``: a name
            # in an oblique case before the verb yields to the nominative one after it.
            after_verb is not None and after_verb.type == "PER" and not _may_speak(entity, True)
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
                if word.islower() and _ROLE.match(word) and not plural and word[-1:] not in "иы":
                    feminine = cue_match.group().lower().endswith(("а", "ась"))
                    # ``Мэр также отмечал``: the title opening the sentence means the
                    # one the article introduced with it, not the last person quoted.
                    entity = names.in_role(word, lower, feminine, introduced_first=word in opening)
                    break
            else:
                entity = _role_subject(text, lower, verb_at, cue_match, names, plural)
    if entity is not None and entity.type == "ORG":
        member = _SOURCE_OF.search(text, max(lower, entity.start - 40), entity.start)
        if member is not None:
            # ``— отметила представитель Philips`` after ``директор … Philips Елена
            # Сябренко`` was introduced: she is the representative.
            person = _representative(text, member.group(), lower, entity, cue, names)
            if person is not None:
                return person.canonical, cue, person.start, person.end
            # ``— отметила представитель Philips``: someone unnamed from the organisation.
            phrase = " ".join(text[member.start() : entity.end].split())
            return phrase[:1].lower() + phrase[1:], cue, None, None
        title = _ROLE_OF.search(text, max(lower, entity.start - 40), entity.start)
        if title is not None and _ROLE.match(title.group(1)):
            # ``— говорит директор ФБК``: the person the article introduced as such.
            person = names.in_role(
                title.group(1),
                lower,
                _verb_feminine(cue or ""),
                fallback=False,
                org=entity.canonical,
            ) or _head_of(names, entity, lower, _verb_feminine(cue or ""), found)
            agrees = _verb_feminine(cue or "")
            if person is None and agrees is not None:
                # ``Набиуллина … Она выразила свою позицию … «…», — добавила глава Банка
                # России``: the person the verb agrees with, just named or quoted.
                person = _same_voice(text, lower, found, agrees, names)
                named = names.subject_before(lower, agrees)
                if person is None and named is not None:
                    # Not one introduced with that title at another organisation: ``глава
                    # городского стройкомплекса Марат Хуснуллин`` is not ``глава Фонда``.
                    lead = text[max(0, named.start - 60) : named.start].split()[-3:]
                    key = stem(title.group(1).lower())
                    if all(stem(word.lower()) != key for word in lead):
                        person = named
            if person is not None:
                return person.canonical, cue, person.start, person.end
    pronoun = _PRONOUN.search(clause)
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
        meant = _the_speaker_meant(names, found, lower, None if word == "они" else word == "она")
        if isinstance(meant, FoundQuote):
            return meant.speaker, cue, meant.speaker_start, meant.speaker_end
        person = meant
        source = _unnamed_source(text, person.end if person else lower - 300, lower)
        if source is not None:
            return source, cue, None, None
        if person is not None:
            return person.canonical, cue, person.start, person.end
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.speaker
            and previous.speaker[:1].isupper()
            and (word == "они" or _feminine(previous.speaker) == (word == "она"))
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
                if e.type == "PER" and _feminine(e.canonical) == (word == "она")
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
        subject = _SOURCE_BEFORE.search(clause, 0, cue_match.start())
        if subject is not None:
            # ``источник в министерстве сообщил «Медузе»: «…»``: the source before the verb.
            words = subject.group().split()[:4]
            phrase = " ".join([words[0].lower(), *words[1:]])
            first_word = words[0].lower()
        first_word = phrase.split()[0].lower() if phrase else ""
        place = (
            _in_organisation(text, lower + cue_match.end(), upper, names)
            if first_word in ("в", "во")  # not ``— сказал собеседник агентства в Кремле``
            else None
        )
        if place is None and first_word in ("в", "во"):
            # ``— говорится в сообщении ведомства``: the organisation named before.
            place = _organisation_meant(text, lower + cue_match.end(), upper, lower, names)
            service = _SERVICE_OF.search(text, lower + cue_match.end(), upper)
            if place is None and service is not None and _ROLE.match(service.group(1)):
                # ``— говорится в сообщении пресс-службы губернатора``: his words.
                place = names.in_role(service.group(1), lower, None, fallback=False)
        if place is not None:
            # ``— сообщили «Медузе» в пресс-службе „Яндекса“``
            return place.canonical, cue, place.start, place.end
        if first_word.startswith("представител") and subject is None:
            # ``— добавил представитель Кремля`` after ``пресс-секретарь Кремля Дмитрий
            # Песков``: the representative the article introduced.
            at = lower + cue_match.end()
            org = next((e for e in names.within(at, min(upper, at + 60)) if e.type == "ORG"), None)
            person = (
                _representative(text, first_word, lower, org, cue, names)
                if org is not None
                else None
            ) or _same_voice(text, lower, found, _verb_feminine(cue or ""), names)
            if person is not None:
                return person.canonical, cue, person.start, person.end
        if _NAMING.match(cue_match.group()) or _DIRECTIVE.match(cue_match.group()):
            # назвал митинг «…», потребовали создания «…»: the object, not a source
            return None, cue, None, None
        role = first_word.strip(".,;:()[]«»")
        role_words = phrase.split()
        if (
            len(role_words) > 1
            and _ADJECTIVE.fullmatch(role)
            and _ROLE.match(role_words[1].strip(".,;:()[]«»"))
        ):
            # ``— добавил французский лидер``: the role noun after its adjective.
            role = role_words[1].strip(".,;:()[]«»")
        if (
            (len(role) > 3 or _ROLE.match(role) is not None)
            and role.isalpha()
            and not _SOURCE_NOUN.match(role)
            and subject is None
            and role[-1:] not in "иы"  # ``— пообещали чиновники``: a group
        ):
            # ``— сообщил артист``, ``— говорит скульптор``: the person the article names
            # in that role (any noun: протоиерей Всеволод Чаплин); for the usual roles,
            # else the last person of the verb's gender named before.
            feminine = cue_match.group().lower().endswith(("а", "ась")) or (
                role.endswith(("ка", "ца", "иня", "есса", "ша"))  # активистка, журналистка
            )
            # ``глава „Мецената“``: the head of that organisation, or no one we know.
            at = text.find(role, lower + cue_match.end(), upper) + len(role)
            org = next(
                (e for e in names.within(at, at + 3) if e.type == "ORG"), None
            )  # right after the role word, not ``артист в интервью изданию «Дни.ру»``
            person = names.in_role(
                role, lower, feminine, fallback=False, org=org.canonical if org else None
            )
            if person is None and _ROLE.match(role):
                person = _same_voice(text, lower, found, _verb_feminine(cue or ""), names)
            if person is None:
                person = names.in_role(
                    role,
                    lower,
                    feminine,
                    fallback=bool(_ROLE.match(role)) and org is None,
                    org=org.canonical if org is not None else None,
                )
            if person is None and org is not None and _ROLE.match(role):
                person = _head_of(names, org, lower, feminine, found)
            if person is not None:
                return person.canonical, cue, person.start, person.end
        if (
            phrase
            and not phrase[:1].isupper()
            and not _PRONOUN.fullmatch(first_word)
            and first_word not in _NOT_A_SOURCE
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
# Nouns naming an unnamed-looking source who is a named person: ``— сказал режиссер``.
_ROLE = re.compile(
    r"(?:артист|певец|певиц|актер|актёр|актрис|режисс[её]р|бизнесмен|предпринимател|политик|"
    r"чиновни|губернатор|мэр(?!и)|министр|премьер|президент|депутат|адвокат|юрист|активист|"
    r"журналист|музыкант|писател|гендиректор|директор|председател|руководител|основател|"
    r"владел|продюсер|рэпер|художни|худрук|спикер|пресс-секретар|глав[аеуыо]|вице-|"
    r"банкир|миллиардер|олигарх|экономист|политолог|публицист|блогер|блогер|оппозиционер|"
    r"судья|прокурор|следовател|генерал|полковник|священни|патриарх|митрополит|архитектор|"
    r"историк|искусствовед|ученый|учёный|врач|педиатр|застройщик|девелопер|ресторатор|"
    r"продюсер|композитор|дирижер|дирижёр|поэт|драматург|сценарист|тренер|спортсмен|"
    r"супруг|жена|муж(?!чин)|вдова|мать|отец|сын|дочь|брат|сестра|создател|учредител|"
    r"совладел|посол|дипломат|лидер|эксперт(?!из)|аналитик|космонавт|астронавт|командир|"
    r"канцлер|сенатор|конгрессмен|полпред|омбудсмен|замминистр|генпрокурор|"
    r"имам|муфтий|раввин|епископ|архиепископ|протоиере|иерей|игумен|настоятел|"
    r"хореограф|солист|вратар|футболист|специалист|наставник|ветеран|"
    r"хоккеист|теннисист|шахматист|боксер|боксёр|помощник|советник|заместител|замглав|"
    r"вице-премьер|госсекретар|генсек|менеджер|топ-менеджер|управленец|управленц)\w*$",
    re.IGNORECASE,
)
# Who an unnamed source is (собеседник «Медузы»): the organisation after it is the
# medium or employer, not the speaker.
_SOURCE_NOUN = re.compile(
    r"(?:источник|собеседник|знаком|сотрудник|представител|житель|жительниц|читател)\w*$",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(
    r"(?<![\w-])(?:источник|собеседник|представител|сотрудник)\w*(?:[ \u00a0]+[^\s,.:;]+){0,3}?"
    r"(?=[ \u00a0,]*$)",
    re.IGNORECASE,
)
_SOURCE_OF = re.compile(
    r"(?<![\w-])(?:источник|собеседник|представител|сотрудник)\w*(?:[ \u00a0]+[^\s,.:;«»]+)?"
    r"[ \u00a0]+«?$",
    re.IGNORECASE,
)
_ROLE_OF = re.compile(r"(?<![\w-])([а-яё-]+)[ \u00a0]+«?$")
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


_SOURCE = re.compile(r"(?<![\w-])(?:источник|собеседник)\w*(?:[ \u00a0]+«[^»]{1,40}»)?", re.I)


def _unnamed_source(text: str, lower: int, upper: int) -> str | None:
    """An unnamed source (``источник «Медузы»``) named after the last person, whom a
    pronoun that follows means instead."""
    found = list(_SOURCE.finditer(text, max(0, lower), max(0, upper)))
    return found[-1].group().lower() if found else None


def _intro_speaker(
    text: str, intro_start: int, intro_end: int, upper: int, names: _Names
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
        source = _unnamed_source(text, person.end if person else intro_start - 300, intro_start)
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
        and not text[intro_end : entity.start].strip(' \u00a0«„"')
        and text[entity.end : limit].strip(' \u00a0»“"')[:1].isalpha()
    ):
        # ``Как сообщили ТАСС в пресс-службе суда, «…»``: the agency heard it; the source
        # is named after it.
        place = _in_organisation(text, entity.end, limit, names)
        if place is not None:
            return place.canonical, intro, place.start, place.end
        heard = entity
        entity = names.first(heard.end, limit, subject=subject)
        if entity is None:
            words = text[heard.end : limit].strip(' \u00a0»“"').split()
            if words and words[0][:1].islower() and words[0] not in _OBJECTS:
                return " ".join(words[:4]).rstrip(".,;:"), intro, None, None
            return None
    before_name = text[intro_end : entity.start if entity is not None else limit].split()
    if before_name and _SOURCE_NOUN.match(before_name[0]):
        phrase = " ".join(text[intro_end:limit].split()[:4]).rstrip(".,;:")
        return phrase, intro, None, None
    if entity is None:
        # ``По словам министра, «…»``: the person the article introduced as министр.
        role = text[intro_end:limit].split()[:1]
        if role and role[0].islower() and _ROLE.match(role[0]) and role[0][-1:] not in "иы":
            person = names.in_role(role[0], intro_start, None, fallback=False)
            if person is not None:
                return person.canonical, intro, person.start, person.end
        meant = _organisation_meant(text, intro_end, limit, intro_start, names)
        if meant is not None:
            # ``По информации ведомства, «…»``
            return meant.canonical, intro, meant.start, meant.end
        # ``как сообщили «Медузе» в департаменте транспорта``: an unnamed source, after
        # the listener in guillemets.
        words = _LISTENER.sub("", text[intro_end:limit]).split()
        if subject and words and _PRONOUN.fullmatch(words[0]):
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
        if subject and words and words[0][:1].islower() and words[0] not in _OBJECTS:
            return " ".join(words[:4]).rstrip(".,;:"), intro, None, None
        return None
    return entity.canonical, intro, entity.start, entity.end


_PRONOUN_VERB = re.compile(r"(?<![\w-])(он|она|они)[ \u00a0]+(?:\w+[ \u00a0]+)?$", re.I)


_IN = re.compile(r"(?<![\w-])[Вв]о?[ \u00a0]+(?:пресс-служб\w+[ \u00a0]+)?[«„]?$")


def _role_subject(
    text: str, lower: int, verb_at: int, cue: re.Match[str], names: _Names, plural: bool
) -> Entity | None:
    """A role noun anywhere in the clause before a past-tense verb, agreeing with it in
    gender (so in the nominative: ``… сразу после операции актриса, на случай трагического
    финала, попросила``; not ``муж актрисы``): the person introduced in that role, or the
    last subject of that gender."""
    feminine = _verb_feminine(cue.group())
    if plural or feminine is None:
        return None
    for word in reversed(re.findall(r"[а-яё-]+", text[lower:verb_at])):
        ending_fits = word[-1:] in "ая" if feminine else word[-1:] not in "аяиыуюеоё"
        role = _ROLE.match(word)
        if role is not None and ending_fits and role.end() == len(word):
            return names.in_role(word, lower, feminine, fallback=False, introduced_first=True)
    return None


_GOVERNING = re.compile(
    # ``фигурирует не Собчак``: a name negated is no subject either.
    r"(?<![\w-])(?:у|о|об|от|для|с|со|к|ко|при|про|без|имени|им\.|не)[ \u00a0]+$",
    re.IGNORECASE,
)
_AFTER_PREPOSITION = re.compile(
    r"(?<![\w-])(?:в|во|на|из|от|для|у|к|по|о|об|при|с|со|за|до)[ \u00a0]+[«„]?$", re.IGNORECASE
)


# ``Кудрин и Греф заявили``: two people, the subject of a plural verb.
_PEOPLE_AND = re.compile(r"[ \u00a0]+(?:и|вместе[ \u00a0]+с)[ \u00a0]+[А-ЯЁ]")


def _plural_verb(verb: str) -> bool:
    """``заявили``, ``сообщают``, ``называли``: a plural or impersonal verb."""
    return verb.lower().endswith(("ли", "ют", "ят", "ут", "лись", "тся"))


def _in_organisation(text: str, lower: int, verb_at: int, names: _Names) -> Entity | None:
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


_SERVICE_OF = re.compile(r"пресс-служб\w*[ \u00a0]+([а-яё-]+)", re.IGNORECASE)


def _organisation_meant(
    text: str, start: int, upper: int, lower: int, names: _Names
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
            if _MEDIA.search(entity.text):
                return entity
            continue
        if _MEDIA.search(entity.text):
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


def _modifies_a_noun(text: str, lower: int, entity: Entity) -> bool:
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
        and word not in _NOT_A_SOURCE
        and not _TITLE_NOUNS.search(word + " ")
        and not _DOCUMENT.fullmatch(word)
        and not _CUE.fullmatch(word)
    )


def _woman_after_verb(
    text: str, lower: int, cue: re.Match[str] | None, names: _Names
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
            and _fold(written[-1]) != _fold(canonical[-1])
            and not _feminine(entity.canonical)
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


# News outlets, which pass on others' words: ``— сообщает Лента.ру``, ``— передает ТАСС``.
_MEDIA = re.compile(
    r"ТАСС|РИА|Интерфакс|Лент[аы]|Lenta|РБК|RTVI|Коммерсант|Ъ|Ведомост|Известия|Медуз|"
    r"Reuters|Рейтер|AFP|Франс|Bloomberg|Блумберг|BBC|Би-би-си|CNN|Регнум|Regnum|Фонтанк|"
    r"Baza|Mash|Shot|НТВ|РЕН|Росси[яи][ \u00a0]?24|Первый канал|Эхо|Новая газета|"
    r"\w[.](?:ру|ru|com|рф|ua|net)\b|NEWS|ИТАР",
    re.IGNORECASE,
)
_RELAYING = re.compile(r"сообща|переда|цитиру|информиру", re.IGNORECASE)


def _relay(text: str, attribution: Attribution, names: _Names) -> bool:
    """Whether an attribution after a quote names an outlet passing the words on
    (``, сообщает NEWSru.com``) rather than their source."""
    _, cue, at, _end = attribution
    if cue is None or at is None or not _RELAYING.match(cue):
        return False
    entity = names.at(at)
    return entity is not None and entity.type == "ORG" and _MEDIA.search(entity.text) is not None


# The outlet that heard the words, named after the source: ``— сообщил артист в интервью
# изданию «Дни.ру»``, ``— рассказал он телеканалу «Дождь»``.
_TO_OUTLET = re.compile(
    r"(?<![\w-])(?:изданию|агентству|газете|телеканалу|каналу|радиостанции|радио|порталу|"
    r"журналу|сайту|интервью|эфире)[ \u00a0]+[«„\"]?$",
    re.IGNORECASE,
)


def _heard_at(text: str, lower: int, entity: Entity) -> bool:
    """An organisation after a preposition or an outlet noun is where the words were said
    or who heard them, not who said them."""
    return entity.type == "ORG" and (
        _AFTER_PREPOSITION.search(text, lower, entity.start) is not None
        or _TO_OUTLET.search(text, max(lower, entity.start - 30), entity.start) is not None
    )


def _representative(
    text: str, member: str, lower: int, org: Entity, cue: str | None, names: _Names
) -> Entity | None:
    """The person ``представитель X`` means: one the article introduced with X beside the
    name (``пресс-секретарь Кремля Дмитрий Песков``, ``директор … Philips Елена Сябренко``),
    of the verb's gender, the last such before the quote."""
    if not member.lower().startswith("представител"):
        return None
    feminine = _verb_feminine(cue or "")
    for entity in reversed(names.within(max(0, lower - 2000), lower)):
        if (
            entity.type == "PER"
            and entity.end <= lower
            and len(entity.canonical.split()) > 1
            and not names.quoted(entity)
            and (feminine is None or _feminine(entity.canonical) == feminine)
            and names._near(entity, org.canonical, 120)
        ):
            return entity
    for entity in reversed(names.within(max(0, lower - 1000), lower)):
        # ``Так пресс-секретарь российского лидера Дмитрий Песков прокомментировал …``:
        # the spokesman introduced in other words.
        if (
            entity.type == "PER"
            and entity.end <= lower
            and not names.quoted(entity)
            and (feminine is None or _feminine(entity.canonical) == feminine)
        ):
            lead = re.split(r"[.,;:!?()—–\n]", text[max(0, entity.start - 60) : entity.start])
            words = lead[-1].split()[-3:]
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


def _same_voice(
    text: str, lower: int, found: Sequence[FoundQuote], feminine: bool | None, names: _Names
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
        or len(_SENTENCE_END.findall(text, previous.end, gap_end)) > 3
        or _feminine(previous.speaker) != feminine
    ):
        return None
    entity = names.at(previous.speaker_start)
    if entity is None or entity.type != "PER":
        return None
    since = names.subject_before(lower, feminine)
    if since is not None and since.start > previous.end:
        return None
    return entity


def _head_of(
    names: _Names, org: Entity, lower: int, feminine: bool | None, found: list[FoundQuote]
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
            m.end()
            for m in _SENTENCE_END.finditer(text, max(0, mention.start - 400), mention.start)
        ]
        sentence_start = ends[-1] if ends else max(0, mention.start - 400)
        after = _SENTENCE_END.search(text, mention.end, mention.end + 400)
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
        and (feminine is None or _feminine(e.canonical) == feminine)
    ]
    if not candidates:
        return None
    previous = found[-1].speaker if found else None
    for entity in reversed(candidates):
        if previous and names.full_name(entity.canonical, entity.start) == previous:
            return entity
    return max(candidates, key=lambda e: e.start)


_POSSESSIVE = re.compile(r"(?<![\w-])(его|её|ее)(?:[ \u00a0]+[\w-]+){0,3}[ \u00a0]+[«„]?$", re.I)


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
    text: str, lower: int, limit: int, cue: re.Match[str] | None, names: _Names
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
    names: _Names,
    found: Sequence[FoundQuote] = (),
) -> Entity | None:
    """The person a relaying verb names as its object, in whatever case: ``цитирует
    Interfax Пескова``; not the outlet's own correspondent (``передает корреспондент ТАСС
    Иван Петров``)."""
    if cue is None or not _QUOTING.match(cue.group()):
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
            and (feminine is None or _feminine(previous.speaker) == feminine)
        ):
            return names.at(previous.speaker_start)
        return names.person_before(lower, feminine)
    words = _WORDS_OF.search(rest)
    if words is not None and _ROLE.match(words.group(1)):
        # ``— публикует слова эксперта турецкое издание``: the person so introduced.
        return names.in_role(words.group(1), lower, None)
    return None


_OBJECT_PRONOUN = re.compile(r"[ \u00a0]*(его|её|ее|их)(?![\w-])", re.IGNORECASE)
_WORDS_OF = re.compile(r"(?<![\w-])слова[ \u00a0]+([а-яё-]+)", re.IGNORECASE)


_CORRESPONDENT = re.compile(r"(?<![\w-])(?:корреспондент|корр\.|спецкор|журналист)\w*", re.I)


def _heard_by(
    text: str, after: int, limit: int, cue: re.Match[str], names: _Names
) -> Attribution | None:
    """Who spoke, named after the listener: a name, a role the article gives a person, or an
    unnamed source (``источник в правительстве``)."""
    person = names.first(after, limit, subject=True)
    if person is not None and person.start - after <= 40:
        return person.canonical, cue.group(), person.start, person.end
    words = text[after:limit].split()
    if not words or not words[0].islower() or words[0] in _NOT_A_SOURCE:
        return None
    if _ROLE.match(words[0]) and words[0][-1:] not in "иы":
        role = names.in_role(words[0], after, _verb_feminine(cue.group()), fallback=False)
        if role is not None:
            return role.canonical, cue.group(), role.start, role.end
    return " ".join(words[:4]).rstrip(".,;:"), cue.group(), None, None


def _pronoun_said(
    text: str, lower: int, clause: str, names: _Names, found: list[FoundQuote]
) -> Attribution | None:
    """``Как рассказывал Стерлигов, когда его освободили, она сказала: «…»``: the verb
    nearest the quote, with a pronoun for its subject, says who spoke."""
    cues = list(_CUE.finditer(clause))
    if not cues:
        return None
    last = cues[-1]
    pronoun = _PRONOUN_VERB.search(clause, 0, last.start())
    if pronoun is None:
        return None
    word = pronoun.group(1).lower()
    at = lower + pronoun.start()
    meant = _the_speaker_meant(names, found, at, None if word == "они" else word == "она")
    if isinstance(meant, FoundQuote):
        return meant.speaker, last.group(), meant.speaker_start, meant.speaker_end
    if meant is None:
        return None
    return meant.canonical, last.group(), meant.start, meant.end


def _after(text: str, end: int, names: _Names, found: list[FoundQuote]) -> Attribution | None:
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
    clause_end = _clause_end(text, match.end())
    clause = text[match.end() : clause_end]
    cue = _CUE.search(clause)
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
    if plain and not _CUE.match(clause):
        return None  # a plain comma continues the sentence: not an attribution
    if _CONJUNCTION.match(clause):
        return None  # «…», — а потом попросил прощения: the sentence goes on
    return _speaker(text, match.end(), clause_end, names, found, first=True)


# A word shaped like a verb in the past or present (``прогнозирует``, ``парирует``,
# ``резюмировала``): after a quote and a dash, with a name right after it, it attributes
# the quote whatever the verb (``«…», — прогнозирует Лолашвили``).
_VERB_SHAPED = re.compile(
    r"(?<![\w-])[а-яё]{3,}(?:ал|ял|ил|ел|ул|ла|ли|лся|лась|ет|ит|ут|ют|ат|ят|ется|ится|ются|ятся)"
    r"(?![\w-])"
)


def _verb_then_name(text: str, start: int, end: int, names: _Names) -> bool:
    """``— прогнозирует Лолашвили``: a verb-shaped word, then a person."""
    verb = _VERB_SHAPED.match(text, start, end)
    if verb is None:
        return False
    person = names.first(verb.end(), end, subject=True)
    return person is not None and person.type == "PER" and person.start - verb.end() <= 2


# The next sentence names the speaker: «…». Так отвечал губернатор Николай Меркушкин.
_LATER = re.compile(
    r"[.!?…]?[ \u00a0]+(?:Так|Об этом|Такое мнение|Такую позицию|Такую оценку|Эти слова|"
    r"С таким заявлением)[ \u00a0]+(?=\w)"
)


def _later(text: str, end: int, names: _Names, found: list[FoundQuote]) -> Attribution | None:
    """A quote that ends a sentence, attributed by the next one: ``«…». Так считает
    Песков.``, ``«…» Об этом «Медузе» рассказал Голунов.`` (the verb must be there)."""
    if text[end - 2 : end - 1] not in ".!?…" and text[end : end + 1] != ".":
        return None
    match = _LATER.match(text, end)
    if match is None:
        return None
    clause_end = _clause_end(text, match.end())
    cue = _CUE.search(text, match.end(), clause_end)
    if cue is None:
        return None
    attribution = _speaker(text, match.end(), clause_end, names, found, first=False)
    if attribution is None or attribution[0] is None or not attribution[0][:1].isupper():
        return None
    return attribution


def _clause_end(text: str, start: int) -> int:
    """Where an attribution clause ends: the sentence end, a dash or 200 characters (a
    name in guillemets may come first: ``— рассказал «Медузе» Иван Голунов``)."""
    limit = min(len(text), start + 200)
    for index in range(start, limit):
        char = text[index]
        if char == "." and text[index + 1 : index + 2].isalnum():
            continue  # ``— цитирует infox.ru директора …``: a domain, not a full stop
        if char in ".!?…\n" or (char in _DASH and index > start):
            return index
        if char == "\n":
            return index
    return limit


def _before(
    text: str, start: int, names: _Names, found: list[FoundQuote]
) -> tuple[str | None, str | None, int | None, int | None, bool] | None:
    """``Песков заявил: «…»``, ``По словам Пескова, «…»``, ``Песков назвал это «…»``."""
    lower = max(0, start - _WINDOW, found[-1].end if found else 0)
    window = text[lower:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    cut = lower + ends[-1] if ends else lower
    cut = max(cut, _paragraph_start(text, start, lower))
    clause = text[cut:start]
    colon = clause.rstrip(" \u00a0").endswith(":")
    intro = _INTRO.search(clause)
    if intro is not None:
        by_intro = _intro_speaker(text, cut + intro.start(), cut + intro.end(), start, names)
        if by_intro is not None and (by_intro[0] is not None or not _CUE.search(clause)):
            return (*by_intro, colon)
    if not _CUE.search(clause):
        if not colon:
            return None
        # ``С ним согласен Александр Кутиков, продюсер группы «Машина времени»: «…»``: the
        # person the sentence is about says it; ``ему пришел ответ: «…»``: words, unsigned.
        subject = names.first(cut, start, subject=True)
        if subject is not None and subject.type == "PER":
            return subject.canonical, None, subject.start, subject.end, colon
        speeches = list(_SPEECH_NOUN.finditer(clause))
        speech = speeches[-1] if speeches else None
        if speech is not None:
            # ``цитата из Николая Карамзина: «…»``, ``слова Путина: «…»``: the author.
            author = names.first(cut + speech.end(), min(start, cut + speech.end() + 40))
            if author is not None and author.type == "PER":
                return author.canonical, None, author.start, author.end, colon
            return None, None, None, None, colon
        return None
    attribution = _speaker(text, cut, start, names, found, first=False)
    if attribution is None:
        return None
    if (
        attribution[0] is None
        and not colon
        and not _NAMING.match(attribution[1] or "")
        and not _DIRECTIVE.match(attribution[1] or "")
        and not _reported(text, cut, start)
    ):
        # An unnamed speaker is kept only where the sentence plainly reports speech
        # (В мэрии сказали, что власти «…»).
        return None
    return (*attribution, colon)


_SPEECH_NOUN = re.compile(
    r"(?<![\w-])(?:ответ|сообщени|заявлени|письм|пост|запис|надпис|слоган|лозунг|плакат|"
    r"реплик|комментари|обращени|призыв|вопрос|фраз|слова|цитат|афоризм|девиз)\w*",
    re.IGNORECASE,
)


def _paragraph_start(text: str, index: int, lower: int) -> int:
    ends = [match.end() for match in _PARAGRAPH.finditer(text, lower, index)]
    return ends[-1] if ends else lower


def _inner_attribution(
    text: str, start: int, end: int, names: _Names, found: list[FoundQuote]
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
        if _CUE.search(text, clause_start, clause_end) is None:
            # ``«…, — глава ТПП Алан Алборов, говоря о компании, переходит на шепот. — …»``
            signer = names.first(clause_start, clause_end, subject=True)
            if signer is None or signer.type != "PER" or signer.start - clause_start > 40:
                continue
        attribution = _speaker(text, clause_start, clause_end, names, found, first=True)
        if attribution is not None:
            return FoundQuote(start, end, *attribution)
    return None


_TURN_REACH = 400


def _dash_turn(
    text: str,
    start: int,
    end: int,
    names: _Names,
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
        if close < 0 or close - guillemet > 60 or _SENTENCE_END.search(text, guillemet, close):
            break
        guillemet = text.find("«", close, end)
    limit = min(end, start + _TURN_REACH, guillemet if guillemet >= 0 else end)
    for match in re.compile(
        r"[,!?…](?:[ \u00a0]*[—–]|[ \u00a0]+-(?=[ \u00a0]))[ \u00a0]*"
    ).finditer(text, start, limit):
        clause_end = _clause_end(text, match.end())
        if _CUE.search(text, match.end(), clause_end) is None:
            continue
        attribution = _speaker(text, match.end(), clause_end, names, found, first=True)
        if attribution is not None:
            quote_end = match.start() + (text[match.start()] in "!?…")
            return FoundQuote(start, quote_end, *attribution)
    label = _label_line(text, start, names)
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
        and _opens_line(text, start)
    )
    if (
        previous is not None
        and previous.speaker
        and previous.cue
        and start - previous.end < 150
        and not asked
    ):
        # ``— Первое, — отвечает силовик. — Второе.``: the second turn goes on after the
        # attribution of the first, in the same voice.
        between = text[previous.end : start]
        if (
            between.lstrip(" ,\u00a0")[:1] in _DASH
            and len(_SENTENCE_END.findall(between)) <= 1
            and _CUE.search(between) is not None  # the attribution, not a bare dash
        ):
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
    if interviewee is not None and (
        _VOCATIVE.match(text, start) is not None
        or (
            _turn_on_a_line(text, start)
            and not any(_turn_on_a_line(text, q.start) for q in found[-50:])
            and not text[:start].rstrip(" \u00a0\n—–-").endswith(":")
            and not _next_line(text, end).rstrip().endswith("?")
        )
    ):
        # ``— Сергей Иванович, скажу прямо: …``, and the first turn of all (``— Начать
        # хотелось бы с вопроса.``): the interviewer opens and addresses.
        return FoundQuote(start, end, None, None)
    if interviewee is not None:
        who = interviewee
        return FoundQuote(start, end, who.canonical, None, who.start, who.end)
    first = _SENTENCE_END.search(text, start, end)
    following = text[end : end + 200].lstrip(" \u00a0\n")
    if (
        _turn_on_a_line(text, start)
        and (first is None or text[first.start()] != "?")
        and not ((following[:1] and following[:1] in _DASH) or _HYPHEN_TURN.match(following))
    ):
        # One turn, not a question (``– Как вам работа судьи? Семак не понял …``), nor a
        # dialogue of turns whose speakers go unnamed.
        person = _paragraph_before_subject(text, start, names, found)
        if person is not None:
            return FoundQuote(start, end, person.canonical, None, person.start, person.end)
    return FoundQuote(start, end)


_ABOUT = re.compile(r"[ \u00a0]*(?:[—–-][ \u00a0]*)?(?:о|об|обо|про)[ \u00a0]", re.IGNORECASE)


def _about_headline(text: str, start: int, names: _Names) -> Entity | None:
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
    if not _may_speak(first, True):
        # Opening the line, the name is the subject, in the nominative as written
        # (``Евгения Медведева``, which the analyser took for a man's genitive).
        return replace(first, canonical=first.text)
    return first


_HEADING_NAME = re.compile(r"[ \u00a0]*(?:\d{1,3}[.)][ \u00a0]*)?")
_HEADING_LINE = 100


def _name_heading(
    text: str, start: int, names: _Names, found: list[FoundQuote]
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
        if _SENTENCE_END.search(text, lower, upper) is not None:
            return False, None
        upper = lower - 1
    return False, None


def _apposed(text: str, entity: Entity, limit: int, names: _Names) -> Entity | None:
    """A full name set off by a comma right after ``role Name`` (``адвокат Костомарова,
    Роман Абалакин``): that name, else None."""
    if not re.match(r",[ \u00a0]+", text[entity.end : entity.end + 3]):
        return None
    lead = text[max(0, entity.start - 30) : entity.start].split()
    if not lead or _ROLE.match(lead[-1].lower()) is None:
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


def _lead_speaker(text: str, end: int, names: _Names) -> Entity | None:
    """The person the first sentence of the next line has speak (a speech verb after
    the name, the name its subject in the nominative), else None."""
    line = text.find("\n", end)
    if line < 0:
        return None
    lower = line
    while lower < len(text) and text[lower] in "\n \u00a0":
        lower += 1
    sentence = _SENTENCE_END.search(text, lower)
    line_end = text.find("\n", lower)
    upper = sentence.end() if sentence is not None else len(text)
    if line_end >= 0:
        upper = min(upper, line_end)
    person = next(
        (
            e
            for e in names.within(lower, upper)
            if e.type == "PER" and e.end <= upper and _may_speak(e, True) and not names.governed(e)
        ),
        None,
    )
    if person is None or _CUE.search(text, person.end, upper) is None:
        return None
    return person


def _paragraph_before_subject(
    text: str, start: int, names: _Names, found: list[FoundQuote]
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
    first_end = _SENTENCE_END.search(text, lower, upper)
    sentence_end = first_end.end() if first_end is not None else upper
    subjects = [
        e
        for e in names.within(lower, upper)
        if e.type == "PER"
        and e.end <= upper
        and _may_speak(e, True)
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


_HEARERS = re.compile(
    r"^(?:журналист|репортер|репортёр|корреспондент|собравш|слушател|зрител|студент|"
    r"участник|коллег|читател|подписчик)\w*?(?:ам|ов|ей|ами|у|ю|им|ым|ими|ым)(?![\w-])",
    re.IGNORECASE,
)
# A turn opening with a name and patronymic and a comma addresses the one it names.
_VOCATIVE = re.compile(
    r"[ \u00a0]*[А-ЯЁC][а-яё]+[ \u00a0]+[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична),"
)
_MASCULINE_ROLE = re.compile(r"(?<=[а-яё]{4})(?:ша|шей|ши|шу|ка|ки|ке|ку|кой)$")
_ASKER = re.compile(r"(?:корреспондент|корр\.|спецкор|журналист|ведущ|интервьюер|обозревател)")
_ASKED = re.compile(r"(?:спрос|поинтересова|задал|обратил)\w*", re.IGNORECASE)


def _addressee(text: str, lower: int, upper: int, names: _Names) -> Entity | None:
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


def _label_line(text: str, start: int, names: _Names) -> Entity | None:
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


def _interviewee(text: str, paragraphs: list[tuple[int, int]], names: _Names) -> Entity | None:
    """The person an interview is with, when the text is one: the paragraph before its
    first dash turn says so (``интервью``, ``поговорил с``), or its turns go question,
    answer (``— Сколько раз вы пересматривали бой?`` / ``— Один раз.``). He is the person
    the text names most before the turns, in the nominative first (the headline's
    ``Первое интервью Петра Яна``, the lead's ``Евгения Медведева ответила на вопрос … об
    их беседах с Алиной Загитовой``)."""
    turns = [(start, end) for start, end in paragraphs if _opens_with_dash(text, start)]
    if not turns:
        return None
    first = turns[0][0]
    index = paragraphs.index(turns[0])
    # The intro may sit a photo credit or a source line above the first turn.
    said = any(
        _INTERVIEW.search(text, *paragraph) is not None
        for paragraph in paragraphs[max(0, index - 3) : index]
    )
    if not said and not _questions_answered(text, paragraphs):
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
        and (feminine is None or feminine in (_feminine(e.canonical), _feminine(e.text)))
    ]
    if not people:
        return None
    # Named in full, in the nominative, often, early (a lone ``Дзен`` or ``Стерлинг``
    # tagged as a person loses to ``Евгения Медведева``, ``Петра Яна``).
    tally: dict[str, list[int]] = {}
    for order, entity in enumerate(people):
        key = stem(entity.canonical.split()[-1])
        counts = tally.setdefault(key, [0, 0, 0, -order])
        counts[0] = max(counts[0], len(entity.canonical.split()) > 1)
        counts[1] += _may_speak(entity, True)
        counts[2] += 1
    best = max(tally, key=lambda key: tuple(tally[key]))
    chosen = [e for e in people if stem(e.canonical.split()[-1]) == best]
    person = max(chosen, key=lambda e: len(e.canonical.split()))
    if feminine and not _feminine(person.canonical) and _feminine(person.text):
        # ``Медведева`` read by the analyser as a man's surname: a woman answers, so the
        # name as written.
        person = replace(person, canonical=person.text)
    return person


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
            feminine = _verb_feminine(match.group(1))
            if feminine is not None:
                votes[feminine] += 1
    if len(votes) != 1 or sum(votes.values()) < 2:
        return None
    return next(iter(votes))


def _opens_with_dash(text: str, start: int) -> bool:
    """Whether a paragraph opens with a dash, or a hyphen typed for one."""
    return text[start] in _DASH or _HYPHEN_TURN.match(text, start) is not None


def _questions_answered(text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """Whether two dash paragraphs in a row are a question and an answer."""
    for (start, end), (next_start, next_end) in pairwise(paragraphs):
        if (
            _opens_with_dash(text, start)
            and _opens_with_dash(text, next_start)
            and text[start:end].rstrip().endswith("?")
            and not text[next_start:next_end].rstrip().endswith("?")
        ):
            return True
    return False


def _continued(quote: FoundQuote, text: str, found: list[FoundQuote]) -> FoundQuote:
    """An unattributed quote close after an attributed one is the same speaker's."""
    if found and found[-1].speaker and quote.start - found[-1].end < 200:
        previous = found[-1]
        return FoundQuote(
            quote.start,
            quote.end,
            previous.speaker,
            None,
            previous.speaker_start,
            previous.speaker_end,
        )
    return quote
