"""Where direct speech is in a Russian text, before anyone is asked who said it:
paragraphs (Meduza's bodies flatten them into two spaces), «ёлочки» with nested and
„inner“ marks and quotes running over paragraphs, "straight" and “English” marks some
feeds type for them, and dialogue turns opened by a dash (a line's dash, or one after a
sentence in run-on paragraphs), with where such a turn stops and narration resumes.

Kept apart from attribution because these are questions of typography and layout only:
the spans depend on marks, dashes and line breaks, never on names, so they can be read
(and kept linear in the text's length) on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ossetia_reader.core.enrich.russian.cues import CUE, DASH, PARAGRAPH, SENTENCE_END


def within(spans: list[tuple[int, int]], starts: list[int], index: int) -> bool:
    """Whether ``index`` falls inside one of ``spans`` (sorted, apart; ``starts`` their starts)."""
    at = bisect_right(starts, index) - 1
    return at >= 0 and spans[at][0] < index < spans[at][1]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in PARAGRAPH.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def guillemet_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
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


def dash_speech(
    text: str, paragraphs: list[tuple[int, int]], quoted: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Dialogue and interview turns: a dash opening a paragraph, or a dash right after a
    sentence (Meduza's flattened bodies run the turns together: ``… мало? — спросил
    он. — Жена беременна?``). Each turn runs to the next; dashes inside «…» are not turns."""
    spans: list[tuple[int, int, str]] = []
    inside = [(start, end) for start, end, _ in quoted]
    starts_of_quotes = [start for start, _ in inside]
    for p_start, p_end in paragraphs:
        hyphen = HYPHEN_TURN.match(text, p_start, p_end)
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
            # ``Москва. 28 октября. — Совет директоров …``: an agency's dateline.
            and _DATELINE.fullmatch(text, p_start, match.start()) is None
        ]
        for index, match in enumerate(turns):
            end = turns[index + 1].start() if index + 1 < len(turns) else p_end
            body = match.end()
            if not dash_opens_line(text, match.start()):
                end = _dialogue_end(text, body, end, inside, starts_of_quotes)
            if end - body >= 2:
                spans.append((body, end, "dash"))
    return spans


# A city and a date opening an agency's paragraph: ``Москва. 28 октября.``, ``МОСКВА, 4 мар``.
_DATELINE = re.compile(
    r"[А-ЯЁ][А-ЯЁа-яё-]+[.,][ \u00a0]+\d{1,2}[ \u00a0]+[а-яё]+\.?"
    r"(?:[ \u00a0]+\d{4}(?:[ \u00a0]*г\.)?)?[ \u00a0]*"
)


def _in_brackets(text: str, lower: int, index: int) -> bool:
    """Whether a bracket opened within ``[lower, index)`` is still open at ``index``."""
    opening = text.rfind("(", lower, index)
    return opening >= 0 and text.find(")", opening, index) < 0


def next_line(text: str, end: int) -> str:
    """The next non-empty line after ``end`` (a question there means the turn before it
    was an answer: ``— Я родился в Москве.⏎— А когда переехали?``)."""
    lower = text.find("\n", end)
    if lower < 0:
        return ""
    while lower < len(text) and text[lower] in "\n \u00a0":
        lower += 1
    upper = text.find("\n", lower)
    return text[lower : upper if upper >= 0 else len(text)]


def turn_on_a_line(text: str, start: int) -> bool:
    """Whether the words at ``start`` are a dash turn opening its own line."""
    index = start
    while index > 0 and text[index - 1] in " \u00a0":
        index -= 1
    if index == 0 or text[index - 1] not in DASH + "-":
        return False
    return dash_opens_line(text, index - 1)


def dash_opens_line(text: str, index: int) -> bool:
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
    for match in SENTENCE_END.finditer(text, body, limit):
        if within(inside, starts_of_quotes, match.start()):
            continue
        after = match.end()
        while after < end and text[after] in " \u00a0":
            after += 1
        if after >= end:
            return match.end()
        if (
            text[after] not in DASH
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
    end = SENTENCE_END.search(text, start, limit)
    if end is None:
        return False
    sentence = text[start : end.end()]
    if any(mark in sentence for mark in '«„"“') or CUE.search(sentence):
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
    end = SENTENCE_END.search(text, start, limit)
    stop = end.start() if end is not None else limit
    dash = _ATTRIBUTION_DASH.search(text, start, limit)
    if dash is None or dash.start() > stop:
        return False
    clause = SENTENCE_END.search(text, dash.end(), limit)
    return CUE.search(text, dash.end(), clause.start() if clause else limit) is not None


# A dash turn in a run-on paragraph runs this far at most (characters).
_DIALOGUE_REACH = 1500


_TURN = re.compile(r"[ \u00a0]*[—–][ \u00a0]+")


# Some sites type a paragraph's opening dash as a hyphen: ``- Сегодня много молодёжи …``.
HYPHEN_TURN = re.compile(r"-[ \u00a0]+(?=[\w«\"„(])")


def opens_with_dash(text: str, start: int) -> bool:
    """Whether a paragraph opens with a dash, or a hyphen typed for one."""
    return text[start] in DASH or HYPHEN_TURN.match(text, start) is not None
