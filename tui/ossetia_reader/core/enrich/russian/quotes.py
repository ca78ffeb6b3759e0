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

The work is split by idea (session 7), this module reading which «…» are quotes at all
(titles, terms, irony, a document's wording) and sending each candidate to the rule for
its form:

- ``spans.py``: where speech is (marks, paragraphs, dash turns);
- ``labels.py``: transcript turns opened by a speaker's label;
- ``interviews.py``: turn structure, interviews, headings and bylines;
- ``attribution.py``: the cue verb and its subject around one quote;
- ``roles.py``: roles, organisations by kind, outlets and pronouns resolved to a name;
- ``speaker_names.py``: the article's names as subjects, their gender and full form;
- ``cues.py``: the vocabulary all of them read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ossetia_reader.core.article import Entity, Quote
from ossetia_reader.core.enrich.quotes import FoundQuote
from ossetia_reader.core.enrich.russian.attribution import (
    ADJECTIVE,
    PRONOUN_VERB,
    SPEECH_NOUN,
    VERB_SHAPED,
    attribution_after,
    attribution_before,
    attribution_later,
    inner_attribution,
    intro_speaker,
    relay,
)
from ossetia_reader.core.enrich.russian.cues import (
    CUE,
    DATA,
    DIRECTIVE,
    DOCUMENT,
    INTRO,
    NAMING,
    NOT_A_SOURCE,
    PARAGRAPH,
    REPORTED_LINK,
    ROLE,
    SENTENCE_END,
    TITLE_NOUNS,
    WINDOW,
    paragraph_start,
    past_feminine,
    plural_verb,
    reports_speech,
)
from ossetia_reader.core.enrich.russian.interviews import (
    HEADLINE_REACH,
    about_headline,
    dash_turn,
    find_interviewee,
    headline_echo,
    is_byline,
    label_line,
    lead_speaker,
    name_heading,
    paragraph_before_subject,
    questions_answered,
    resumes,
)
from ossetia_reader.core.enrich.russian.labels import labelled, labelled_turns
from ossetia_reader.core.enrich.russian.roles import the_speaker_meant
from ossetia_reader.core.enrich.russian.spans import (
    dash_speech,
    guillemet_spans,
    paragraph_spans,
    turn_on_a_line,
)
from ossetia_reader.core.enrich.russian.speaker_names import ArticleNames, may_speak, named_in_full

_LONG_QUOTE_WORDS = 6


def find_quotes(text: str, entities: Sequence[Entity] = ()) -> tuple[Quote, ...]:
    """Every direct quote in ``text`` with its speaker, as stored quotes."""
    return tuple(quote.to_quote(text) for quote in find(text, entities))


def find(text: str, entities: Sequence[Entity] = ()) -> list[FoundQuote]:
    """Every direct quote in ``text``, in text order."""
    if not text:
        return []
    paragraphs = paragraph_spans(text)
    quoted = guillemet_spans(text, paragraphs)
    names = ArticleNames(entities, text, [(start, end) for start, end, _ in quoted])
    labels = labelled_turns(text, paragraphs, quoted, names)
    candidates = quoted + dash_speech(text, paragraphs, quoted)
    candidates += [(start, end, "label") for start, (end, _, _) in labels.items()]
    candidates.sort()
    interviewee = find_interviewee(text, paragraphs, names)
    found: list[FoundQuote] = []
    last_end = -1
    # In a labelled transcript, dash turns after a person's labelled answer (``Кирилл
    # Тимошенко: … — Вопрос? — Ответ``) are that person's answers.
    answerer: Entity | None = None
    for start, end, kind in candidates:
        if start < last_end:
            continue
        if kind == "dash" and is_byline(text, start, end, names, found):
            continue
        quote: FoundQuote | None
        if kind == "label":
            quote = labelled(text, start, labels[start], names)
            if quote.speaker and not text[start:end].rstrip().endswith("?"):
                at = quote.speaker_start if quote.speaker_start is not None else start
                answerer = Entity(at, quote.speaker_end or at, quote.speaker, "PER", quote.speaker)
        else:
            # (Run-on turns only: a headline's ``Имя: «…»`` is no transcript.)
            running = answerer if kind == "dash" and not turn_on_a_line(text, start) else None
            quote = _attribute(text, start, end, kind, names, found, interviewee or running)
        if quote is not None and kind == "dash" and resumes(text, found, start, end):
            # ``— Первое, — сказал Песков. — Второе.``: interrupted by its attribution, the
            # turn is one quote (as «Первое, — сказал Песков. — Второе» is).
            found[-1] = replace(found[-1], end=end)
            last_end = end
            continue
        if quote is not None:
            found.append(named_in_full(quote, names))
            last_end = end
            if (
                interviewee is None
                and kind == "dash"
                and quote.cue is not None
                and quote.speaker_start is not None
                and not any(turn_on_a_line(text, q.start) for q in found[-51:-1])
                and turn_on_a_line(text, start)
                and questions_answered(text, paragraphs)
            ):
                # ``— …, — рассказал «МК» адвокат Роман Абалакин. …⏎— Вопрос?⏎— Ответ``: an
                # interview that opens with an attributed answer is with that person.
                at = quote.speaker_start
                named = found[-1].speaker or ""
                interviewee = Entity(at, quote.speaker_end or at, named, "PER", named)
    return [quote for quote in found if not headline_echo(text, quote)]


def _attribute(
    text: str,
    start: int,
    end: int,
    kind: str,
    names: ArticleNames,
    found: list[FoundQuote],
    interviewee: Entity | None,
    relayed: bool = False,
) -> FoundQuote | None:
    if kind == "dash":
        return dash_turn(text, start, end, names, found, interviewee)
    inner = text[start + 1 : end - 1]
    words = len(inner.split())
    if words == 0 or _is_title(text, start, end, names) or _scare_adjective(text, start, end):
        return None
    inside = inner_attribution(text, start, end, names, found)
    if inside is not None:
        return inside
    about = about_headline(text, start, names)
    if about is not None:
        return FoundQuote(start, end, about.canonical, None, about.start, about.end)
    headline = _heading_quote(text, start, end, names)
    if headline is not None:
        return headline
    after = None if relayed else attribution_after(text, end, names, found)
    if after is not None and relay(text, after, names):
        # ``Клименко … называет вмешательство злом: «…», сообщает Лента.ру``: the outlet
        # passes on the words of the person named before; it is the source only when
        # nobody is.
        by_others = _attribute(text, start, end, kind, names, found, interviewee, True)
        if by_others is not None and by_others.speaker and by_others.speaker[:1].isupper():
            return by_others
    if after is not None and not (after[0] or "")[:1].isupper():
        # ``Рамзан Кадыров, просивший Путина «…», заявил, что …``: the verb after the
        # quote names nobody; its subject came before the quote.
        named_before = attribution_before(text, start, names, found)
        if named_before is not None and (named_before[0] or "")[:1].isupper():
            return FoundQuote(start, end, *named_before[:4])
    if after is not None:
        return FoundQuote(start, end, *after)
    label = label_line(text, start, names)
    if label is not None:
        return FoundQuote(start, end, label.canonical, None, label.start, label.end)
    before = attribution_before(text, start, names, found)
    # ``Как сообщила Мария Захарова, «Россия будет действовать адекватно»``: words a named
    # source is said to have said right after the intro are a quote, capitalised or not.
    introduced = (
        before is not None
        and before[0] is not None
        and before[0][:1].isupper()
        and INTRO.match(before[1] or "") is not None
        and DATA.match(before[1] or "") is None
        and text[max(0, start - 2) : start].strip(" \u00a0") == ","
    ) or _reported_words(text, start, end)
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
            or NAMING.match(before[1] or "")
            or (INTRO.match(before[1] or "") and not DATA.match(before[1] or ""))
            or DIRECTIVE.match(before[1] or "")
            or reports_speech(text, max(0, start - WINDOW), start)
            # ``Королев объяснил это «маркетинговой уловкой»``: lower-case words in the
            # clause of a named speaker's verb are his.
            or (
                before[2] is not None
                and inner.lstrip()[:1].islower()
                and not DATA.match(before[1] or "")
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
    later = attribution_later(text, end, names, found) if words >= 2 else None
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
        after_previous = SENTENCE_END.search(text, found[-1].end, start) if found else None
        since = after_previous.end() if after_previous is not None else start
        quote = FoundQuote(start, end)
        headed, heading = name_heading(text, start, names, found)
        if heading is not None:
            # A heading naming the next speaker ends the one before.
            return FoundQuote(start, end, heading.canonical, None, heading.start, heading.end)
        if headed:
            return quote  # a numbered heading names someone the tagger missed: nobody
        if CUE.search(text, since, start) is None:
            quote = _continued(quote, text, found)
        if quote.speaker is None:
            quote = _paragraph_speaker(text, start, end, names, found)
        if quote.speaker is None and opens_line:
            person = paragraph_before_subject(text, start, names, found)
            if person is not None:
                quote = FoundQuote(start, end, person.canonical, None, person.start, person.end)
        if quote.speaker is None and interviewee is not None and start < HEADLINE_REACH:
            # An interview's headline (``«Сидим без денег». Первое интервью Петра Яна``)
            # quotes the one interviewed.
            who = interviewee
            quote = FoundQuote(start, end, who.canonical, None, who.start, who.end)
        if quote.speaker is None and alone and start < HEADLINE_REACH:
            # A headline quote over a lead whose first sentence has a person speak
            # (``"Мы не будем …"⏎Замглавы МИД Сергей Рябков рассказал "Интерфаксу" …``).
            person = lead_speaker(text, end, names)
            if person is not None:
                quote = FoundQuote(start, end, person.canonical, None, person.start, person.end)
        return quote
    return None


_THAT_BEFORE = re.compile(r"(?<![\w-])(?:что|чтобы|будто|якобы)[ \u00a0]+$", re.IGNORECASE)


def _reported_words(text: str, start: int, end: int) -> bool:
    """Capitalised words of two or more in guillemets that open a reported clause and end
    it (``отметил, что "Украина должна быть свежей".``) are what was said; a name opening
    the clause goes on with its verb after the mark (``сообщил, что «Роснефть» стала …``)."""
    return (
        len(text[start + 1 : end - 1].split()) >= 2
        and _THAT_BEFORE.search(text, max(0, start - 12), start) is not None
        and text[end : end + 1] in (".", "!", "?", ":", ";", "\n", "")
    )


def _heading_quote(text: str, start: int, end: int, names: ArticleNames) -> FoundQuote | None:
    """A headline in the form ``«Оплеуха для меня»: главный тренер «Факела» дал
    комментарий`` (the quote opening its line, a colon, who said it and about what) is
    a quote; the speaker is the person that clause names as its subject, else the one the
    lead below has speak (``Главный тренер … Игорь Шалимов … прокомментировал``). A body
    that repeats it makes it an echo (``headline_echo``)."""
    if start > 0 and text[start - 1] != "\n":
        return None
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[end:line_end]
    if (
        not rest.startswith(":")
        or len(rest.split()) < 3
        or len(text[start:end].split()) < 2
        or rest[1:].lstrip(" \u00a0")[:1] in "—–-"  # ``«СП»: — Вопрос?``: a label
    ):
        return None
    subject = next(
        (
            e
            for e in names.within(end, line_end)
            if e.type == "PER" and e.end <= line_end and may_speak(e, True)
        ),
        None,
    ) or lead_speaker(text, end, names)
    if subject is None:
        return FoundQuote(start, end)
    return FoundQuote(start, end, subject.canonical, None, subject.start, subject.end)


def _paragraph_speaker(
    text: str, start: int, end: int, names: ArticleNames, found: list[FoundQuote]
) -> FoundQuote:
    """An unattributed quote in a paragraph whose earlier sentence has a named person speak
    (``Далее Герстенмайер сказал, что … . В случае необходимости … . «Мы не видим …»``):
    that person's, or the speaker of the paragraph's earlier quote."""
    lower = paragraph_start(text, start, max(0, start - 800))
    if not text[lower:start].strip() and lower > 0:
        # A quote opening its paragraph (agency copy: ``Лавров подчеркнул, что …⏎"Я
        # считаю, …"``): the paragraph before says who speaks.
        back = lower
        while back > 0 and text[back - 1].isspace():
            back -= 1
        lower = paragraph_start(text, back, max(0, back - 800))
    # The two sentences before the quote, at most.
    ends = [m.end() for m in SENTENCE_END.finditer(text, lower, start)]
    if len(ends) >= 3:
        lower = ends[-3]
    previous = found[-1] if found else None
    since = max(lower, previous.end if previous else 0)
    cues = list(CUE.finditer(text, since, start))
    intros = [m for m in INTRO.finditer(text, since, start) if DATA.match(m.group()) is None]
    if intros and (
        not cues
        or intros[-1].start() > cues[-1].start()
        # ``По ее словам, педиатр рассказывал о своих пациентах …``: the intro governs
        # the verbs of its sentence.
        or SENTENCE_END.search(text, intros[-1].end(), cues[-1].start()) is None
    ):
        # ``По словам Догузова, ситуация изменилась. «Даже не идет разговора …»``: the
        # source of the sentence before speaks on.
        intro = intros[-1]
        comma = text.find(",", intro.end(), start)
        by_intro = intro_speaker(
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
    ends = [m.end() for m in SENTENCE_END.finditer(text, lower, cue.start())]
    sentence = ends[-1] if ends else lower
    person = names.last(sentence, cue.start(), subject=True)
    if person is not None and person.type == "PER":
        return FoundQuote(start, end, person.canonical, cue.group(), person.start, person.end)
    pronoun = PRONOUN_VERB.search(text, sentence, cue.start())
    if pronoun is not None and pronoun.end() == cue.start():
        word = pronoun.group(1).lower()
        meant = the_speaker_meant(names, found, sentence, None if word == "они" else word == "она")
        if isinstance(meant, Entity):
            return FoundQuote(start, end, meant.canonical, cue.group(), meant.start, meant.end)
    if not plural_verb(cue.group()):
        # ``Ветеран футбола уверен, что …⏎«…»``: a role opening the verb's clause means
        # the person the article introduced or last named as a subject.
        opening = re.findall(r"[А-ЯЁа-яё-]+", text[sentence : cue.start()])[:3]
        for word in opening:
            if ROLE.match(word.lower()) and word.lower()[-1:] not in "иы":
                role = names.in_role(word.lower(), sentence, past_feminine(cue.group()))
                if role is not None:
                    return FoundQuote(start, end, role.canonical, cue.group(), role.start, role.end)
                break
    return FoundQuote(start, end)


_DOCUMENT_REACH = 150


_INTO = re.compile(r"(?<![\w-])во?[ \u00a0]+$", re.IGNORECASE)


def _document(text: str, start: int, end: int, names: ArticleNames) -> FoundQuote | None:
    """Lower-case words in guillemets in a sentence about a document are its wording;
    the author is an organisation named right after the document (``в заявлении СК``,
    ``пресс-релизу, выпущенному Следственным комитетом``), else nobody."""
    inner = text[start + 1 : end - 1].lstrip()
    if not inner[:1].islower():
        return None
    lower = max(0, start - WINDOW)
    window = text[lower:start]
    ends = [m.end() for m in SENTENCE_END.finditer(window)]
    cut = max(lower + (ends[-1] if ends else 0), paragraph_start(text, start, lower))
    # The document named close before its words (not anywhere in a long sentence).
    documents = list(DOCUMENT.finditer(text, max(cut, start - _DOCUMENT_REACH), start))
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
    window = text[max(0, start - WINDOW) : start]
    ends = [m.end() for m in SENTENCE_END.finditer(window)]
    window = window[ends[-1] :] if ends else window
    return REPORTED_LINK.search(window) is None and CUE.search(window[-40:]) is None


def _listed(text: str, start: int, end: int) -> bool:
    """Names listed after a colon: ``(ОАК): «Сухой Суперджет», «Бе-200» и МС-21``."""
    return re.match(r"[ \u00a0]*(?:,|и|\()[ \u00a0]*«", text[end : end + 8]) is not None


def _clause_break(text: str, start: int) -> bool:
    """A dash between the cue verb and the quote: ``Дом, который Кадыров указывает в
    декларации, находится неподалеку — на въезде в «центр …»`` goes on past the verb."""
    window = text[max(0, start - WINDOW) : start]
    ends = [m.end() for m in SENTENCE_END.finditer(window)]
    window = window[ends[-1] :] if ends else window
    cues = list(CUE.finditer(window))
    return bool(cues) and re.search(r"[ \u00a0][—–][ \u00a0]", window[cues[-1].end() :]) is not None


def _same_sentence(text: str, start: int, end: int, found: list[FoundQuote]) -> FoundQuote | None:
    """Partial quotes strung through one sentence of reported speech (``Аузан сказал, что
    Капков был только на «подготовительной фазе» и в «узкую рабочую группу» не входил:
    это «закрытый документ»``) are all the speaker's of the first one."""
    if not found or not (found[-1].speaker or found[-1].cue) or start - found[-1].end > WINDOW:
        return None  # (``называли фонтан «китчем» и «трешем»``: unnamed, but said)
    previous = found[-1]
    between = text[previous.end : start]
    if SENTENCE_END.search(between) or PARAGRAPH.search(between):
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


def _is_title(text: str, start: int, end: int, names: ArticleNames) -> bool:
    """A short «…» that names something: an entity, or after a word like компания."""
    inner = text[start + 1 : end - 1].strip()
    if (
        inner[:1].isupper()
        and not _sentence_like(inner)
        and TITLE_NOUNS.search(text[max(0, start - 30) : start])
    ):
        return True  # программе «Развитие гражданской морской техники на 2009–2016 годы»
    if (
        inner[:1].isupper()
        and len(inner.split()) <= 8
        and not _sentence_like(inner)
        and TITLE_NOUNS.search(inner.split()[0] + " ")
    ):
        return True  # ``директор «Агентства по муниципальному заказу ЖКХ»``: a name
    if len(inner.split()) > 4 or (_sentence_like(inner) and len(inner.split()) > 2):
        return False
    if _SO_CALLED.search(text[max(0, start - 40) : start]):
        return True  # так называемые «…», называемых в Японии «…»: a term
    if inner[:1].isupper() and not _sentence_like(inner) and _after_its_noun(text, start):
        return True  # ``ракеты «Сармат»``, ``против челябинского «Трактора»``: a name
    if TITLE_NOUNS.search(text[max(0, start - 30) : start]):
        # ``заявлял, что обыски в театре «нелепо»``: lower-case words in reported
        # speech are the speaker's, whatever noun comes before them.
        # So are they in a sentence a named source attributes (``по словам Костылева, …
        # издание «продавало им контент»``).
        return not (
            inner[:1].islower()
            and (reports_speech(text, max(0, start - WINDOW), start) or _introduced(text, start))
        )
    return any(e.start <= start + 1 and e.end >= end - 1 for e in names.within(start - 1, end))


_WORD_BEFORE = re.compile(r"(?<![\w-])([а-яё][а-яё-]{2,})[ \u00a0]+$")


def _after_its_noun(text: str, start: int) -> bool:
    """Whether a capitalised «…» follows the noun or adjective it names (``ракеты
    «Сармат»``, ``челябинского «Трактора»``): a lower-case word right before the mark
    that is no verb, preposition, particle, adverb, word for speech or listeners
    (``заявил «Нет»``, ``коротко «Спасибо»``, ``лозунгом «…»``, ``ответил журналистам
    «…»`` quote)."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    return not (
        word in NOT_A_SOURCE
        or CUE.fullmatch(word)
        or VERB_SHAPED.fullmatch(word)
        or SPEECH_NOUN.fullmatch(word)
        or (word.endswith("о") and not word.endswith(("ого", "его")))
        or word.endswith(("ам", "ям"))
    )


def _introduced(text: str, start: int) -> bool:
    """Whether the sentence up to ``start`` names a source with ``по словам``/``как
    сообщил`` (not ``по данным``)."""
    window = text[max(0, start - WINDOW) : start]
    ends = [m.end() for m in SENTENCE_END.finditer(window)]
    window = window[ends[-1] :] if ends else window
    intro = INTRO.search(window)
    return intro is not None and DATA.match(intro.group()) is None


def _scare_adjective(text: str, start: int, end: int) -> bool:
    inner = text[start + 1 : end - 1]
    following = re.match(r"[ \u00a0]+([а-яё]+)", text[end : end + 30])
    return (
        ADJECTIVE.fullmatch(inner) is not None
        and following is not None
        and len(following.group(1)) > 3
        and following.group(1) not in NOT_A_SOURCE
        # ``объяснили, что «кричащие» цвета — …``: opening reported speech, the speaker's.
        and re.search(r"(?<![\w-])(?:что|чтобы)[ \u00a0]+$", text[max(0, start - 12) : start])
        is None
    )


def _sentence_like(inner: str) -> bool:
    stripped = inner.rstrip('»“" ')
    return stripped[-1:] in ".!?…" or ". " in stripped


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
