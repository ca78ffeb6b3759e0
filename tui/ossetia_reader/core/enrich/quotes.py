"""Direct quotations and who said them.

Quotes are found by their marks: straight and curly double quotes, «…» and
„…“. A quote left open at the end of a paragraph continues when the next
paragraph opens with a quote mark (the newspaper convention for long
quotes). The speaker is looked for in the attribution around the quote —
``"…," Kremlin spokesman Dmitry Peskov told journalists``, ``"…," said
Bibilov``, ``according to …``, ``X denounced "…"`` — and resolved to the
full name the entity tagger linked; ``he added`` goes to the previous
speaker; ``Trump boomed: "…"`` and ``"…" ― Name`` are read too. An
unattributed quote right after an attributed one continues it (in the same
paragraph, or as the next paragraph). Short quoted phrases with no speech
around them (scare quotes, titles) are not quotes. Odd text (unbalanced
marks, stray quotes) never raises, and stays linear in time: at worst a
quote is missed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ossetia_reader.core.article import Entity, Quote


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Opening mark -> the marks that can close it.
_CLOSERS = {"“": '”"', '"': '"', "«": "»", "„": "“”"}
_OPENING_MARK = re.compile('[“"«„]')
# What a search for the close of each opening mark has to stop at.
_MARKS = {
    opener: re.compile(f"[{re.escape(opener + closers)}\n]") for opener, closers in _CLOSERS.items()
}
_LONGEST_PARAGRAPH_SEARCH = 20_000
_PARAGRAPH_LOOKBACK = 2_000
_SPEECH_VERBS = "|".join(
    _wordset(
        "said says say told tells added adds stated states declared declares announced "
        "announces wrote writes tweeted tweets posted asked asks replied replies responded "
        "continued explained explains noted notes insisted insists argued argues warned warns "
        "stressed stresses emphasized emphasised claimed claims admitted admits acknowledged "
        "acknowledges recalled recalls complained complains suggested suggests commented "
        "remarked confirmed confirms denied denies promised promises vowed vows predicted "
        "predicts concluded described describes called calls denounced denounces urged urges "
        "quipped joked shouted yelled cried whispered conceded concedes boasted boasts pledged "
        "pledges testified agreed agrees disagreed observed observes countered counters "
        "reiterated reiterates mused muses saying asking adding telling writing noting arguing "
        "explaining insisting warning declaring tweeting responding replying recalling "
        # Russian, for the Russian-language sources.
        "сказал сказала заявил заявила отметил отметила сообщил сообщила добавил добавила "
        "подчеркнул подчеркнула пояснил пояснила написал написала считает говорит"
    )
)
_VERB = re.compile(rf"(?<![-\w])(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(he|she|He|She)\b")
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])[.!?](?=\s+[A-Z“\"«„])")
# Words whose full stop does not end a sentence ("Gov. Jim Hodges").
_ABBREVIATIONS = _wordset(
    "mr mrs ms dr st jr sr gov sen rep gen col lt sgt prof capt maj adm rev inc corp co ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs mt ft"
)
# Verbs after which the following noun phrase is the listener, not the speaker.
_ADDRESSED = frozenset(
    {"told", "tells", "telling", "asked", "asks", "asking", "urged", "urges", "called", "calls"}
)
_SIGNATURE = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*")
# A noun phrase naming a speaker does not start with these.
_NOT_SPEAKER = _wordset(
    "that in on at to for with it this there as when while after before because if and but so "
    "of by from into about than then also not no which who what how why where one"
)
_CLAUSE_EDGE = re.compile(r"[,;:()\[\]“”\"«»„—–]")
_MAX_PHRASE_WORDS = 10
_CONTINUATION_GAP = 60
_ATTRIBUTION_WINDOW = 160
_SHORT_QUOTE_WORDS = 3
_SPEAKER_TYPES = ("PER", "ORG")


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quote with the place in the text where its speaker was named (for evaluation)."""

    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None

    def to_quote(self, text: str) -> Quote:
        """The stored form: text is ``body[start:end]``, marks included."""
        return Quote(self.start, self.end, text[self.start : self.end], self.speaker, self.cue)


def find_quotes(text: str, entities: Sequence[Entity] = ()) -> list[FoundQuote]:
    """Every direct quote in ``text`` with its speaker and cue verb, in text order."""
    if not text:
        return []
    spans = _quote_spans(text)
    people = _People(entities)
    found: list[FoundQuote] = []
    previous_end = 0
    last_speaker: FoundQuote | None = None
    for start, end in spans:
        quote = _attribute(text, start, end, previous_end, people, last_speaker)
        if quote is None:
            previous_end = end
            continue
        if quote.speaker is None:
            quote = _continue(text, quote, found)
        found.append(quote)
        if quote.speaker is not None:
            last_speaker = quote
        previous_end = end
    return found


def to_quotes(text: str, found: Sequence[FoundQuote]) -> tuple[Quote, ...]:
    """The stored quotes of ``found``."""
    return tuple(quote.to_quote(text) for quote in found)


# -- finding the marks -----------------------------------------------------------


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every quote, marks included, in order and non-overlapping.

    Searches that fail (an opening mark never closed) may cost at most a few
    times the text's length in all, so hostile text full of stray marks stays
    linear: past that budget, stray marks are skipped without a search.
    """
    spans: list[tuple[int, int]] = []
    budget = [2 * len(text) + 100_000]
    index = 0
    while True:
        match = _OPENING_MARK.search(text, index)
        if match is None:
            return spans
        index = match.start()
        if _can_open(text, index) and budget[0] > 0:
            end = _find_close(text, index, budget)
            if end is not None:
                spans.append((index, end))
                index = end
                continue
        index += 1


def _can_open(text: str, index: int) -> bool:
    if index + 1 >= len(text) or text[index + 1].isspace():
        return False
    if text[index] != '"':
        return True
    before = text[index - 1] if index else " "
    return before.isspace() or before in "([{—–-/:;,"


def _find_close(text: str, start: int, budget: list[int]) -> int | None:
    """The end (exclusive) of the quote opened at ``start``, across paragraphs if it runs on."""
    opener = text[start]
    closers = _CLOSERS[opener]
    marks = _MARKS[opener]
    depth = 0
    index = start + 1
    paragraph_start = _paragraph_start(text, start)
    limit = min(len(text), start + _LONGEST_PARAGRAPH_SEARCH)
    found: int | None = None
    while True:
        match = marks.search(text, index, limit)
        if match is None:
            break
        index = match.start()
        char = text[index]
        if char == "\n":
            if not text.startswith("\n\n", index):
                index += 1
                continue
            following = _skip_space(text, index)
            if following < len(text) and text[following] in (opener, "“", "«", '"', "„"):
                # The quote runs on into the next paragraph, which reopens it.
                index = following + 1
                continue
            if start == paragraph_start or text[start - 2 : start] == ": ":
                found = _trim_end(text, index)
            break
        if char == opener and opener not in closers and opener != '"':
            depth += 1  # «… «…» …»
        elif char in closers and (opener != '"' or _can_close(text, index)):
            if depth == 0:
                found = index + 1
                break
            depth -= 1
        index += 1
    if found is None and match is None and start == paragraph_start and limit >= len(text):
        found = _trim_end(text, len(text))
    if found is None:
        budget[0] -= index - start
    return found


def _can_close(text: str, index: int) -> bool:
    before = text[index - 1]
    return not before.isspace()


def _paragraph_start(text: str, index: int) -> int:
    """Where the paragraph around ``index`` starts (looked for within a bounded distance:
    only "is this the paragraph's start" matters, and that is decided nearby)."""
    lower = max(0, index - _PARAGRAPH_LOOKBACK)
    found = text.rfind("\n\n", lower, index)
    return _skip_space(text, found) if found >= 0 else _skip_space(text, lower)


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


# -- attribution -------------------------------------------------------------------


def _attribute(
    text: str,
    start: int,
    end: int,
    previous_end: int,
    people: _People,
    last_speaker: FoundQuote | None,
) -> FoundQuote | None:
    """The quote with its speaker, or None when it is only a scare quote or a title."""
    inner = text[start + 1 : end - 1]
    after_start = end
    after_end = _after_limit(text, end)
    before_start = _before_limit(text, start, previous_end)
    before = text[before_start:start]
    after = text[after_start:after_end]
    # Inside a sentence and not ending like speech: maybe a scare quote or a title.
    partial = not (
        _closes_sentence_part(inner) or not before.strip() or before.rstrip().endswith(":")
    )

    candidates: list[FoundQuote] = []
    # "…," Peskov told journalists / "…," said Bibilov / "…," he added
    if not partial or after.startswith((",", " ,")):
        verb = _VERB.search(after)
        if verb and _attribution_is_close(after, verb.start()):
            candidates.append(
                _speaker_around(
                    text, start, end, after_start + verb.start(), after_start + verb.end(),
                    after_start, after_end, people, last_speaker,
                )
            )  # fmt: skip
    # according to X
    for region_start, region_end in ((before_start, start), (after_start, after_end)):
        according = _ACCORDING.search(text, region_start, region_end)
        if according:
            speaker = _first_entity(people, according.end(), region_end, limit=40)
            if speaker is not None:
                candidates.append(
                    FoundQuote(
                        start, end, speaker.canonical, "according to", speaker.start, speaker.end
                    )
                )
    # X said: "…" / X denounced "…" / X told reporters that "…"
    verbs = list(_VERB.finditer(before))
    if verbs:
        verb = verbs[-1]
        verb_start = before_start + verb.start()
        verb_end = before_start + verb.end()
        if start - verb_end <= _ATTRIBUTION_WINDOW:
            candidates.append(
                _speaker_around(
                    text, start, end, verb_start, verb_end, before_start, start,
                    people, last_speaker,
                )
            )  # fmt: skip
    for candidate in candidates:
        if candidate.speaker is not None:
            return candidate
    # "…" ― Name  (a signature after the quote)
    signature = _SIGNATURE.match(text, after_start, after_end)
    if signature:
        speaker = _first_entity(people, signature.end(), after_end, limit=0)
        if speaker is not None:
            return FoundQuote(start, end, speaker.canonical, None, speaker.start, speaker.end)
    # Trump leaned in and boomed: "…"  (also across a paragraph break)
    introduction = _introduction(text, start, before_start)
    if introduction is not None:
        lower, colon = introduction
        speaker = _last_entity(people, lower, colon)
        if speaker is not None:
            cue_match = re.search(r"(\w+)\W*$", text[lower:colon])
            cue = cue_match.group(1).lower() if cue_match else None
            return FoundQuote(start, end, speaker.canonical, cue, speaker.start, speaker.end)
    if candidates:
        return candidates[0]
    # „Das ist gut“, sagte er: the comma outside the marks still ends speech.
    ends_like_speech = _closes_sentence_part(inner) or text[end : end + 1] in (",", ".", "!", "?")
    if len(inner.split()) <= _SHORT_QUOTE_WORDS and (partial or not ends_like_speech):
        return None  # a scare quote or a title («Медуза»), not speech
    return FoundQuote(start, end)


def _introduction(text: str, start: int, before_start: int) -> tuple[int, int] | None:
    """The sentence ending in a colon that introduces the quote, as ``(start, colon)``."""
    before = text[before_start:start].rstrip()
    if before.endswith(":"):
        return before_start, before_start + len(before) - 1
    paragraph = _paragraph_start(text, start)
    if paragraph != start or paragraph < 2:
        return None
    previous_end = _trim_end(text, paragraph)
    if previous_end == 0 or text[previous_end - 1] != ":":
        return None
    lower = _paragraph_start(text, previous_end - 1)
    for sentence in _sentence_breaks(text, lower, previous_end - 1):
        lower = sentence
    return lower, previous_end - 1


def _closes_sentence_part(inner: str) -> bool:
    """Whether the quoted words end like speech (``…,"`` ``….”`` ``…?"``)."""
    stripped = inner.rstrip()
    return bool(stripped) and stripped[-1] in ",.!?…:;—–-"


def _attribution_is_close(after: str, verb_at: int) -> bool:
    """The verb belongs to this quote's attribution: near, and in the same clause."""
    # The region already ends with its sentence (abbreviations allowed for).
    return verb_at <= 80 and ";" not in after[:verb_at]


def _after_limit(text: str, end: int) -> int:
    limit = min(len(text), end + _ATTRIBUTION_WINDOW)
    paragraph = text.find("\n", end, limit)
    if paragraph >= 0:
        limit = paragraph
    for mark in '“«„"':
        found = text.find(mark, end, limit)
        if found >= 0:
            limit = found
    # The look-ahead of a sentence break needs to see past the limit.
    for sentence in _sentence_breaks(text, end, limit):
        limit = sentence
        break
    return limit


def _before_limit(text: str, start: int, previous_end: int) -> int:
    lower = max(previous_end, start - 400, 0)
    paragraph = text.rfind("\n\n", lower, start)
    if paragraph >= 0:
        lower = paragraph + 2
    for sentence in _sentence_breaks(text, lower, start):
        lower = sentence
    return lower


def _sentence_breaks(text: str, lower: int, upper: int) -> list[int]:
    """Offsets just after each sentence end in ``[lower, upper)``, abbreviations skipped."""
    breaks = []
    # The look-ahead of a sentence break needs to see past the upper bound.
    for match in _SENTENCE_BREAK.finditer(text, lower, min(len(text), upper + 2)):
        if match.end() > upper:
            break
        word_start = match.start()
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        if text[word_start : match.start()].lower() not in _ABBREVIATIONS:
            breaks.append(match.end())
    return breaks


def _speaker_around(
    text: str,
    start: int,
    end: int,
    verb_start: int,
    verb_end: int,
    region_start: int,
    region_end: int,
    people: _People,
    last_speaker: FoundQuote | None,
) -> FoundQuote:
    """The speaker of a cue verb: the name just before it, else a pronoun, else the name after."""
    cue = text[verb_start:verb_end].lower()
    before = _last_entity(people, region_start, verb_start)
    if cue not in _ADDRESSED:
        # "…" for Clinton, said Kunin: a name right after the verb beats one further back.
        inverted = _first_entity(people, verb_end, region_end, limit=1)
        if inverted is not None and (before is None or text[before.end : verb_start].strip()):
            return FoundQuote(start, end, inverted.canonical, cue, inverted.start, inverted.end)
    pronoun = None
    for match in _PRONOUN.finditer(text, max(region_start, verb_start - 25), verb_start):
        pronoun = match
    if before is not None and (pronoun is None or before.end > pronoun.start()):
        return FoundQuote(start, end, before.canonical, cue, before.start, before.end)
    if pronoun is not None:
        resolved = last_speaker.speaker if last_speaker else None
        if resolved is None:
            person = people.last_person_before(start)
            resolved = person.canonical if person else None
        return FoundQuote(start, end, resolved, cue, pronoun.start(), pronoun.end())
    phrase = _phrase_before(text, region_start, verb_start)
    if phrase is not None:
        return FoundQuote(start, end, text[phrase[0] : phrase[1]], cue, *phrase)
    if cue not in _ADDRESSED:
        after = _first_entity(people, verb_end, region_end, limit=60)
        if after is not None:
            return FoundQuote(start, end, after.canonical, cue, after.start, after.end)
        phrase = _phrase_after(text, verb_end, region_end)
        if phrase is not None:
            return FoundQuote(start, end, text[phrase[0] : phrase[1]], cue, *phrase)
    return FoundQuote(start, end, None, cue)


def _phrase_before(text: str, lower: int, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase right before a cue verb (``the release`` said), if it looks like one."""
    segment = text[lower:verb_start]
    edges = list(_CLAUSE_EDGE.finditer(segment))
    start = lower + (edges[-1].end() if edges else 0)
    return _phrase(text, start, verb_start)


def _phrase_after(text: str, verb_end: int, upper: int) -> tuple[int, int] | None:
    """The noun phrase right after a cue verb (said ``a senior official``)."""
    edge = _CLAUSE_EDGE.search(text, verb_end, upper)
    end = edge.start() if edge else upper
    while end > verb_end and text[end - 1] in ".!? \n":
        end -= 1
    return _phrase(text, verb_end, end)


def _phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    words = text[start:end].split()
    if not words or len(words) > _MAX_PHRASE_WORDS or "\n" in text[start:end]:
        return None
    if words[0].lower() in _NOT_SPEAKER or not words[0][:1].isalpha():
        return None
    return start, end


class _People:
    """Persons and organisations in text order, found by position in O(log n)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.items = sorted((e for e in entities if e.type in _SPEAKER_TYPES), key=_start)
        self.starts = [e.start for e in self.items]

    def within(self, lower: int, upper: int) -> list[Entity]:
        first = bisect_left(self.starts, lower)
        last = bisect_left(self.starts, upper)
        return [e for e in self.items[first:last] if e.end <= upper]

    def last_person_before(self, upper: int) -> Entity | None:
        for index in range(bisect_left(self.starts, upper) - 1, -1, -1):
            if self.items[index].type == "PER":
                return self.items[index]
        return None


def _start(entity: Entity) -> int:
    return entity.start


def _last_entity(people: _People, lower: int, upper: int) -> Entity | None:
    """The nearest person (else organisation) wholly inside ``[lower, upper)``."""
    inside = people.within(lower, upper)
    persons = [e for e in inside if e.type == "PER"]
    chosen = persons or inside
    return chosen[-1] if chosen else None


def _first_entity(people: _People, lower: int, upper: int, limit: int) -> Entity | None:
    """The first person or organisation starting within ``limit`` characters of ``lower``."""
    for index in range(bisect_left(people.starts, lower), len(people.items)):
        entity = people.items[index]
        if entity.start - lower > limit:
            return None
        if entity.end <= upper:
            return entity
    return None


def _continue(text: str, quote: FoundQuote, found: Sequence[FoundQuote]) -> FoundQuote:
    """An unattributed quote after an attributed one continues it: in the same paragraph,
    or as the next paragraph when the previous one ended with the attributed quote."""
    if not found:
        return quote
    previous = found[-1]
    if previous.speaker is None:
        return quote
    between = text[previous.end : quote.start]
    if "\n\n" in between:
        # A paragraph that is only the quote goes on from the previous paragraph's
        # quote when that paragraph ended with it ("…," he said.¶"…").
        paragraph = _paragraph_start(text, quote.start)
        if paragraph != quote.start or between.count("\n\n") > 1:
            return quote
        if len(between.split("\n\n")[0]) > _CONTINUATION_GAP:
            return quote
    return FoundQuote(
        quote.start, quote.end, previous.speaker, None, previous.speaker_start, previous.speaker_end
    )
