"""Transcript turns in Russian text: paragraphs and run-on sentences that open with a
speaker's label (``Мустафа Джемилев: Да, всё верно.``, ``И. Воробьева Здравствуйте.``,
``С.Бунтман`` alone on a line before a ``―`` line), and who each label names.

Split out of ``quotes.py`` (session 6), which finds every other form of direct speech and
calls ``labelled_turns`` for the turns and ``labelled`` for their speakers; the names are
``speaker_names.ArticleNames``, which every attribution rule shares.
"""

from __future__ import annotations

import re
from collections import Counter

from ossetia_reader.core.enrich.quotes import FoundQuote
from ossetia_reader.core.enrich.russian.spans import within
from ossetia_reader.core.enrich.russian.speaker_names import ArticleNames

# ``Мустафа Джемилев: Да, всё верно.``: up to four capitalised words and a colon open a
# transcript's paragraph.
_LABEL = re.compile(
    r"([А-ЯЁA-Z][\w.’'-]*(?:[ \u00a0]+(?:[А-ЯЁA-Z][\w.’'-]*|де|ди|фон|ван|аль|бин)){0,3})"
    r":[ \u00a0]+(?=\S)"
)


# ``И. Воробьева Здравствуйте.``: radio transcripts label turns with an initial and a
# surname and no colon (a transcript only when a label opens two turns or more).
_INITIAL_LABEL = re.compile(
    r"([А-ЯЁ]\.[ \u00a0]?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \u00a0]+(?=[А-ЯЁ«\"„—–.])"
)


# ``М. ГАНАПОЛЬСКИЙ – Продолжаем.``: some radio transcripts put a dash where others put the
# colon (an initial and a surname, in capitals or not).
_DASH_LABEL = re.compile(
    r"([А-ЯЁ]\.[ \u00a0]?(?:[А-ЯЁ]\.[ \u00a0]?)?[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁ][А-ЯЁа-яё]+)?)"
    r"[ \u00a0]+[—–-][ \u00a0]+(?=\S)"
)
# ``РАДОСЛАВ СИКОРСКИЙ, министр иностранных дел Польши: Я знал …``: television transcripts
# write the speaker's name in capitals, his role after it, then the colon.
_ROLE_LABEL = re.compile(
    r"([А-ЯЁ]{2,}(?:[ \u00a0-][А-ЯЁ]{2,}){1,2}),[ \u00a0]+[^:\n]{1,80}?:[ \u00a0]+(?=\S)"
)


# ``… А почему? Л. ГОЗМАН: Я считаю …``: a transcript pasted as one paragraph runs its
# turns together; a person's name and a colon right after a sentence's end opens the next
# turn (initials and a surname, in capitals or not, or a first name and a surname; one
# word only when the article's transcript labels or people include it).
_INLINE_LABEL = re.compile(
    r"(?:(?<=[.!?…])|(?<=[.!?…][»\")]))[ \u00a0]+("
    r"[А-ЯЁ]\.[ \u00a0]?(?:[А-ЯЁ]\.[ \u00a0]?)?[А-ЯЁ][а-яёА-ЯЁ]+(?:-[А-ЯЁ][а-яёА-ЯЁ]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[ \u00a0][А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+"
    r"):[ \u00a0]+(?=[А-ЯЁA-Z«„\"—–…(])"
)
_NAME_LABEL = re.compile(
    r"[А-ЯЁ]\.[ ]?(?:[А-ЯЁ]\.[ ]?)?[А-ЯЁ][а-яёА-ЯЁ]+(?:-[А-ЯЁ][а-яёА-ЯЁ]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)? [А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
)
# ``С.Бунтман`` alone on a line, then a line of ``―``, then the turn: radio transcripts.
_LABEL_ALONE = re.compile(r"[А-ЯЁ]\.[ \u00a0]?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[ \u00a0]*")
_DASH_LINE = re.compile(r"[―—–][ \u00a0]*")


def labelled_turns(
    text: str,
    paragraphs: list[tuple[int, int]],
    quoted: list[tuple[int, int, str]],
    names: ArticleNames | None = None,
) -> dict[int, tuple[int, int, int]]:
    """Transcript turns: paragraphs that open with a speaker's label and a colon, where
    the same label opens two paragraphs or more (an interview printed as ``Голос Америки:
    Вопрос?`` / ``Мустафа Джемилев: Ответ.``; one ``Фото: …`` line is no transcript).
    A person's label after a sentence's end inside a paragraph opens a turn too, when the
    paragraph or the article has two such person's labels or more (never ``Он сказал:``
    or ``Итог:``: neither is a name). The turn's start -> (its end, the label's start and
    end)."""
    inside = [(start, end) for start, end, _ in quoted]
    starts_of_quotes = [start for start, _ in inside]
    turns: list[tuple[int, int, int, int, str]] = []
    inline: list[tuple[int, list[re.Match[str]]]] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        match = (
            _LABEL.match(text, p_start, p_end)
            or _INITIAL_LABEL.match(text, p_start, p_end)
            or _DASH_LABEL.match(text, p_start, p_end)
            or _ROLE_LABEL.match(text, p_start, p_end)
        )
        if match is None and index + 2 < len(paragraphs):
            turn = _label_alone(text, paragraphs, index)
            if turn is not None:
                turns.append(turn)
                continue
        if match is not None and within(inside, starts_of_quotes, match.start()):
            continue
        found = [
            label
            for label in _INLINE_LABEL.finditer(text, match.end() if match else p_start, p_end)
            if not within(inside, starts_of_quotes, label.start(1))
        ]
        if found:
            inline.append((len(turns) if match is not None else -1, found))
        if match is None:
            continue
        label = " ".join(match.group(1).split())
        turns.append((match.end(), p_end, match.start(1), match.end(1), label))
    accepted_inline = _inline_turns(text, turns, inline, names)
    # (A heading printed twice, ``Убийство Политковской: выбран третий состав присяжных``,
    # is one line, not two turns: a label counts once per different turn.)
    said = Counter((t[4], text[t[0] : t[1]].strip()) for t in turns)
    counts = Counter(label for label, _ in said)
    turns = [
        t
        for t in turns
        if said[(t[4], text[t[0] : t[1]].strip())] < 2 or text[t[0] : t[1]].strip()[-1:] in ".!?…»"
    ]

    # A transcript: a label opens two turns or more; in one with three turns or more, a
    # person's label opens even one (``Д.Медведев: Спасибо.`` among ``В.Путин: …``; an
    # initial and a surname are a person's, tagged or not: ``М. ГАНАПОЛЬСКИЙ –``).
    def person(label: str, label_start: int, label_end: int) -> bool:
        shaped = _NAME_LABEL.fullmatch(label) is not None
        if shaped and ("." in label or all(_surname(word) for word in label.split())):
            return True  # ``М. ГАНАПОЛЬСКИЙ``, ``Надежда Прусенкова``
        return (
            names is not None
            and names.person_in(label_start, label_end)
            # the label is the name, not ``Убийство Политковской``
            and any(e.start == label_start for e in names.within(label_start, label_end))
        )

    # (people whose turns say something in sentences: not a list of results, ``А. Иванов –
    # 2 гола``, ``Б. Петров – 1 гол``)
    people = {
        label
        for start, end, s, e, label in turns
        if person(label, s, e)
        and (text[start:end].rstrip()[-1:] in '.!?…»"' or len(text[start:end].split()) >= 8)
    }
    # (or two people's labels open a turn each: ``Владимир Кара-Мурза: …``, ``Надежда
    # Прусенкова: …``)
    transcript = bool(counts) and (max(counts.values()) >= 2 or len(people) >= 2)
    many = transcript and (len(turns) >= 3 or len(people) >= 2)
    result = {
        start: (end, label_start, label_end)
        for start, end, label_start, label_end, label in turns
        if end - start >= 2 and (counts[label] >= 2 or (many and label in people))
    }
    result.update(accepted_inline)
    return result


def _label_alone(
    text: str, paragraphs: list[tuple[int, int]], index: int
) -> tuple[int, int, int, int, str] | None:
    """``С.Бунтман`` / ``―`` / the turn, each on its own line."""
    p_start, p_end = paragraphs[index]
    if _LABEL_ALONE.fullmatch(text, p_start, p_end) is None:
        return None
    d_start, d_end = paragraphs[index + 1]
    dash = _DASH_LINE.match(text, d_start, d_end)
    if dash is None:
        return None
    label_end = p_start + len(text[p_start:p_end].rstrip(" \u00a0"))
    label = " ".join(text[p_start:label_end].split())
    if dash.end() < d_end:
        return (dash.end(), d_end, p_start, label_end, label)
    t_start, t_end = paragraphs[index + 2]
    return (t_start, t_end, p_start, label_end, label)


_DASH_AFTER_SENTENCE = re.compile(r"(?<=[.!?…])[ \u00a0]+[—–][ \u00a0]+(?![а-яё])")


def _surname(word: str) -> bool:
    """Whether pymorphy3 reads one capitalised word first as a surname or a first name
    (``Гордон:``, never ``Итог:`` or ``Вопрос:``)."""
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+", word):
        return False
    from ossetia_reader.core.enrich.russian.morph import read_as_name

    return read_as_name(word)


def _inline_turns(
    text: str,
    turns: list[tuple[int, int, int, int, str]],
    inline: list[tuple[int, list[re.Match[str]]]],
    names: ArticleNames | None,
) -> dict[int, tuple[int, int, int]]:
    """The turns that persons' labels open inside paragraphs (see ``_INLINE_LABEL``); a
    paragraph's opening turn then ends where its first such turn begins (``turns`` is
    cut there)."""
    known = {label for *_, label in turns}

    def person(label: re.Match[str]) -> bool:
        written = " ".join(label.group(1).split())
        if _NAME_LABEL.fullmatch(written) is not None or _surname(written):
            return True
        return names is not None and names.person_in(label.start(1), label.end(1))

    every = Counter(" ".join(m.group(1).split()) for _, found in inline for m in found)
    result: dict[int, tuple[int, int, int]] = {}
    for opening, found in inline:
        labels = [m for m in found if person(m)]
        opened = opening >= 0 and (
            _NAME_LABEL.fullmatch(turns[opening][4]) is not None
            or _surname(turns[opening][4])
            or (names is not None and names.person_in(turns[opening][2], turns[opening][3]))
            or turns[opening][4] in every
        )
        total = len(labels) + (1 if opened else 0)
        labels = [
            m
            for m in labels
            if total >= 2
            or every[" ".join(m.group(1).split())] + (" ".join(m.group(1).split()) in known) >= 2
        ]
        if not labels:
            continue
        if opening >= 0:
            start, _, label_start, label_end, label = turns[opening]
            cut = labels[0].start()
            turns[opening] = (start, cut, label_start, label_end, label)
            if opened and cut - start >= 2:
                result[start] = (cut, label_start, label_end)
        p_end = found[-1].endpos if found else 0
        for at, m in enumerate(labels):
            end = labels[at + 1].start() if at + 1 < len(labels) else p_end
            # ``Кирилл Тимошенко: Ответ. — Следующий вопрос?``: dash turns follow.
            dash = _DASH_AFTER_SENTENCE.search(text, m.end(), end)
            end = dash.start() if dash is not None else end
            if end - m.end() >= 2:
                result[m.end()] = (end, m.start(1), m.end(1))
    return result


def labelled(text: str, start: int, label: tuple[int, int, int], names: ArticleNames) -> FoundQuote:
    """A transcript turn is its label's words: a person named by the label speaks (in
    full, as the article names him); an outlet or a role (``Голос Америки``, ``Вопрос``)
    is the interviewer, whom the library does not count as a speaker."""
    end, label_start, label_end = label
    person = next(
        (e for e in names.within(label_start, label_end) if e.type == "PER" and e.end <= label_end),
        None,
    )
    if person is None:
        written = " ".join(text[label_start:label_end].split())
        # ``Л. ГОЗМАН``: a surname in capitals is read as ``Гозман``.
        written = " ".join(
            word.capitalize() if len(word) > 2 and word.isupper() else word
            for word in written.split()
        )
        if re.fullmatch(r"[А-ЯЁ]\.[ ]?[А-ЯЁ][а-яё-]+", written) is not None:
            # ``А. Васильев`` untagged: the person the article names in full with that
            # initial and surname, else the label as written.
            return FoundQuote(start, end, _initial_in_full(written, label_start, names))
        words = written.split()
        if _ROLE_LABEL.match(text, label_start) is not None and _surname(words[-1]):
            # ``РАДОСЛАВ СИКОРСКИЙ, министр …:`` untagged: the name in capitals.
            return FoundQuote(start, end, written)
        return FoundQuote(start, end)
    canonical = person.canonical
    if re.fullmatch(r"[А-ЯЁ]\.[ ]?[А-ЯЁ][а-яё-]+", canonical) is not None:
        canonical = _initial_in_full(canonical, label_start, names)  # ``Б.Рыбин``
    return FoundQuote(start, end, canonical, None, person.start, person.end)


def _initial_in_full(written: str, index: int, names: ArticleNames) -> str:
    """``Б.Рыбин`` as the article names him in full (``Борис Рыбин``), else as written."""
    spaced = re.sub(r"\.(?=\S)", ". ", written)
    full = names.full_name(spaced, index)
    return written if full == spaced else full
