"""Direct quotations and who said them.

Quotes are found by their marks: straight and curly double quotes, «…» and
„…“, and single marks (‘…’ or '…', British style) when the words in them read
as speech: their closing mark is also the apostrophe (don’t, Britain’s), so
short phrases in single marks and apostrophes never count. A quote left open
at the end of a paragraph continues when the next paragraph opens with a
quote mark (the newspaper convention for long quotes).
The speaker is looked for in the attribution around the quote —
``"…," Kremlin spokesman Dmitry Peskov told journalists``, ``"…," said
Bibilov``, ``according to …``, ``X denounced "…"`` — and resolved by
``speakers.py``: a name the tagger found, a role ("the Head of State") or a
pronoun to the person the article names, else no speaker (never a fragment
or a place). ``Trump boomed: "…"`` and ``"…" ― Name`` are read too, and
"Yermak said:" ending a paragraph makes the next paragraph his quote. An
unattributed quote right after an attributed one continues it (in the same
paragraph, or as the next paragraph). Transcript turns ("Vladimir Putin: …",
``transcripts.py``) are quotes too. Quote marks written as HTML entities
that lost their "&" (`` quot;…, quot;`` and `` #39;s`` of the AG News
feeds) are read as the marks they stand for. Short quoted phrases with no speech
around them (scare quotes, titles) are not quotes. Odd text (unbalanced
marks, stray quotes) never raises, and stays linear in time: at worst a
quote is missed. The English words read are in ``english.py``; where the quote marks
are (spans, entities standing for marks) is ``quote_marks.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ossetia_reader.core.article import Entity, Quote
from ossetia_reader.core.enrich import english, rules, transcripts
from ossetia_reader.core.enrich.quote_marks import DOUBLE_OPENING_MARK as _DOUBLE_OPENING_MARK
from ossetia_reader.core.enrich.quote_marks import SINGLES as _SINGLES
from ossetia_reader.core.enrich.quote_marks import mend_entities as mend_entities
from ossetia_reader.core.enrich.quote_marks import opens_line as _opens_line
from ossetia_reader.core.enrich.quote_marks import paragraph_start as _paragraph_start
from ossetia_reader.core.enrich.quote_marks import quote_spans as _quote_spans
from ossetia_reader.core.enrich.quote_marks import skip_space as _skip_space
from ossetia_reader.core.enrich.quote_marks import trim_end as _trim_end
from ossetia_reader.core.enrich.speakers import (
    People,
    Resolved,
    Speakers,
    is_role_name,
    opens_sentence,
)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Russian cue verbs, for Russian-language sources until their own module reads them.
_RUSSIAN_VERBS = _wordset(
    "сказал сказала заявил заявила отметил отметила сообщил сообщила добавил добавила "
    "подчеркнул подчеркнула пояснил пояснила написал написала считает говорит"
)
_SPEECH_VERBS = "|".join(sorted(english.CUE_VERBS | _RUSSIAN_VERBS, key=len, reverse=True))
_VERB = re.compile(rf"(?<![-\w])(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])[.!?](?=\s+[A-Z“\"«„‘])")
# Words whose full stop does not end a sentence ("Gov. Jim Hodges").
_ABBREVIATIONS = _wordset(
    "mr mrs ms dr st jr sr gov sen rep gen col lt sgt prof capt maj adm rev inc corp co ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs mt ft"
)
# Verbs after which the following noun phrase is the listener, not the speaker.
_ADDRESSED = english.ADDRESSED_VERBS
_ASKING = _wordset("asked asks")
# A colon ending a paragraph, then the next paragraph.
_PARAGRAPH_COLON = re.compile(r":[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=\S)")
_SIGNATURE = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*")
_SIGNATURE_LINE = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*(?:--|[―—–])[ \t\u00a0]*")
_CONTINUATION_GAP = 60
_SAME_PARAGRAPH_GAP = 300
_ATTRIBUTION_WINDOW = 160
_SHORT_QUOTE_WORDS = 3
_PARAGRAPH_QUOTE_WORDS = 7
_TITLE_WORDS = 8
_ENDED_SUBJECT_WORDS = 3
_NAMING_LOOKBACK = 80
_REPORTED_REACH = 400
_HEADING_CHARS = 200
_HEADING_WORDS = 16
# A name and a verb right after a quote: an attribution with a verb not in the cue list.
_OWN_ATTRIBUTION = re.compile(
    r"[ \t]*(?:(?:[A-Z][\w'’.-]*[ \t]+){1,3}[a-z]+(?:ed|s)|(?:it|he|she|they)[ \t]+"
    r"(?:[a-z]+ed|read|reads|says|said))\b"
)
_AUXILIARIES = _wordset("is was were are be been being has have had")
_RELATIVE_WORDS = _wordset("what which who whom that")


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
    """Every direct quote in ``text`` with its speaker and cue verb, in text order.

    Transcript turns ("Vladimir Putin: …") are quotes too (cue ``transcript``);
    a quote in quote marks inside a turn is kept only when it names someone
    other than the turn's speaker ("As Gorchakov said, "…"").
    """
    if not text:
        return []
    text, entity_marks = mend_entities(text)
    people = People(entities, text)
    speakers = Speakers(text, people)
    turns = transcripts.find_turns(text, entities, people, speakers)
    found: list[FoundQuote] = [
        FoundQuote(t.start, t.end, t.speaker, transcripts.CUE, t.speaker_start, t.speaker_end)
        for t in turns
    ]
    turn_starts = [t.start for t in turns]
    marked: list[FoundQuote] = []
    previous_end = 0
    last_speaker: FoundQuote | None = None
    for start, end in _quote_spans(text):
        quote = _attribute(text, start, end, previous_end, speakers, last_speaker)
        if quote is None:
            continue  # (a title or a scare quote does not end the next quote's attribution)
        if text[start] in _SINGLES and not _single_is_speech(text, quote):
            continue  # 'a ‘new era’ of', a nickname: single marks need more to be speech
        turn = _turn_at(turns, turn_starts, start)
        if quote.cue == _SHORT:
            quote = _sentence_subject(text, quote, speakers, last_speaker)
            if quote.speaker is None or turn is not None:
                continue  # a scare quote after all: nobody is the sentence's subject
            quote = replace(quote, cue=None)
        if quote.speaker is None and turn is None:
            quote = _own_verb(text, quote, speakers, last_speaker)
        if quote.speaker is None and turn is None:
            quote = _sentence_subject(text, quote, speakers, last_speaker)
        if quote.speaker is None and turn is None:
            quote = _continue(text, quote, marked, people)
        if quote.speaker is None and quote.cue is None and turn is None:
            quote = _reported_before(text, quote, speakers)
        previous_end = end
        if turn is not None and (quote.speaker is None or quote.speaker == turn.speaker):
            continue  # the turn already gives this speech and its speaker
        marked.append(quote)
        if quote.speaker is not None and quote.speaker[:1].isupper():
            last_speaker = quote
    marked.extend(_introduced_paragraphs(text, speakers, turns, marked))
    found.extend(marked)
    found.sort(key=lambda q: (q.start, q.end))
    if entity_marks:
        found = [_widened(quote, entity_marks) for quote in found]
    return found


def _widened(quote: FoundQuote, marks: dict[int, tuple[int, int]]) -> FoundQuote:
    """The quote over the whole entities of its marks (`` quot;…, quot;``)."""
    start = marks[quote.start][0] if quote.start in marks else quote.start
    end = marks[quote.end - 1][1] if quote.end - 1 in marks else quote.end
    if (start, end) == (quote.start, quote.end):
        return quote
    return replace(quote, start=start, end=end)


def _turn_at(
    turns: Sequence[transcripts.Turn], starts: Sequence[int], offset: int
) -> transcripts.Turn | None:
    index = bisect_left(starts, offset + 1) - 1
    if index >= 0 and turns[index].start <= offset < turns[index].end:
        return turns[index]
    return None


def _introduced_paragraphs(
    text: str,
    speakers: Speakers,
    turns: Sequence[transcripts.Turn],
    marked: Sequence[FoundQuote],
) -> list[FoundQuote]:
    """ "Yermak said:" ending a paragraph, and the next paragraph without quote marks: that
    paragraph is his quote."""
    found: list[FoundQuote] = []
    covered = sorted([(q.start, q.end) for q in marked] + [(t.start, t.end) for t in turns])
    covered_starts = [span[0] for span in covered]
    reach: list[int] = []  # the furthest end among the spans up to each one
    for _, span_end in covered:
        reach.append(max(span_end, reach[-1] if reach else 0))
    for colon in _PARAGRAPH_COLON.finditer(text):
        start = colon.end()
        if text[start] in '“"«„‘':
            continue  # a quote in marks: found by its marks
        end = text.find("\n\n", start)
        end = _trim_end(text, len(text) if end < 0 else end)
        last = bisect_left(covered_starts, end) - 1
        if end <= start or (last >= 0 and reach[last] > start):
            continue  # already a quote (in marks, or a transcript turn)
        lower = _paragraph_start(text, colon.start())
        for sentence in _sentence_breaks(text, lower, colon.start()):
            lower = sentence
        verbs = list(_VERB.finditer(text, lower, colon.start()))
        if not verbs or text[verbs[-1].end() : colon.start()].strip():
            continue  # "… as follows:" or a list heading, not "X said:"
        verb = verbs[-1]
        subject = speakers.phrase_before(lower, verb.start())
        resolved = speakers.resolve(*subject, position=start) if subject else None
        if resolved is None or resolved.name is None:
            continue
        cue = verb.group().lower()
        found.append(FoundQuote(start, end, resolved.name, cue, resolved.start, resolved.end))
    return found


def to_quotes(text: str, found: Sequence[FoundQuote]) -> tuple[Quote, ...]:
    """The stored quotes of ``found``."""
    return tuple(quote.to_quote(text) for quote in found)


# -- finding the marks -----------------------------------------------------------


def _single_is_speech(text: str, quote: FoundQuote) -> bool:
    """Whether a quote in single marks reads as speech, judged by its own attribution (not
    by a quote before it, which makes section headings in single marks look like its
    continuation): more than three words, no title ("Coal Isn't the Villain"), and a cue or
    speaker around it, or ending like speech inside a paragraph, or a whole paragraph of a
    full clause. Short phrases in single marks are scare quotes, nicknames or titles far
    more often than in double marks."""
    inner = text[quote.start + 1 : quote.end - 1]
    words = len(inner.split())
    if _title_case(inner):
        return False
    if words <= _SHORT_QUOTE_WORDS:
        return (
            quote.speaker is not None
            and quote.cue is not None
            and quote.speaker_start is not None
            and quote.speaker_start < quote.start
            and not _sentence_breaks(text, quote.speaker_start, quote.start)
        )
    if quote.speaker is not None or quote.cue is not None:
        return True
    paragraph = _paragraph_start(text, quote.start)
    before = text[paragraph : quote.start].rstrip()
    after = text[quote.end : quote.end + 2]
    if not before.strip() and (after[:1] in ("\n", "") or after == " \n"):
        return words >= _PARAGRAPH_QUOTE_WORDS  # a heading in single marks, or a quote
    if _closes_sentence_part(inner) or text[quote.end : quote.end + 1] in (",", ".", "!", "?"):
        return True
    return before.endswith(":")


# -- attribution -------------------------------------------------------------------


def _attribute(
    text: str,
    start: int,
    end: int,
    previous_end: int,
    speakers: Speakers,
    last_speaker: FoundQuote | None,
) -> FoundQuote | None:
    """The quote with its speaker, or None when it is only a scare quote or a title."""
    people = speakers.people
    inner = text[start + 1 : end - 1]
    after_start = end
    after_end = _after_limit(text, end)
    before_start = _before_limit(text, start, previous_end)
    before = text[before_start:start]
    after = text[after_start:after_end]
    if _names_a_work(text, start, inner):
        return None  # a title or a model name ("album "How to Dismantle an Atomic Bomb,"")
    # Inside a sentence and not ending like speech: maybe a scare quote or a title.
    partial = not (
        _closes_sentence_part(inner) or not before.strip() or before.rstrip().endswith(":")
    )

    candidates: list[FoundQuote] = []
    # "…," Peskov told journalists / "…," said Bibilov / "…," he added
    if not partial or after.startswith((",", " ,")):
        verb = _VERB.search(after)
        if verb and _attribution_is_close(after, verb.start(), _ends_sentence(inner)):
            candidates.append(
                _speaker_around(
                    text, start, end, after_start + verb.start(), after_start + verb.end(),
                    after_start, after_end, speakers, last_speaker,
                )
            )  # fmt: skip
    # according to X
    for region_start, region_end, last in (
        (before_start, start, True),
        (after_start, after_end, False),
    ):
        # Before the quote the nearest "according to" counts ("according to analysts Gartner
        # More than 167 million …, a period that, according to Gartner analyst Carolina
        # Milanesi is "…"").
        found = list(_ACCORDING.finditer(text, region_start, region_end))
        according = (found[-1] if last else found[0]) if found else None
        if according:
            # "according to Yankee Group analyst Laura DiDio": the phrase's head person.
            span = speakers.phrase_after(according.end(), region_end)
            head = speakers.resolve(*span, position=start) if span else None
            if head is not None and head.name is not None and head.name[:1].isupper():
                candidates.append(
                    FoundQuote(start, end, head.name, "according to", head.start, head.end)
                )
                continue
            speaker = _first_entity(people, according.end(), region_end, limit=40)
            if speaker is not None and _is_name(speaker):
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
                    speakers, last_speaker,
                )
            )  # fmt: skip
    for candidate in candidates:
        if candidate.speaker is not None:
            return candidate
    # "…" ― Name  (a signature after the quote)
    signature = _SIGNATURE.match(text, after_start, after_end)
    if signature:
        speaker = _first_entity(people, signature.end(), after_end, limit=0)
        if speaker is not None and _is_name(speaker):
            return FoundQuote(start, end, speaker.canonical, None, speaker.start, speaker.end)
    # "…"¶-- Name  (the signature on the line under the quote)
    signed = _SIGNATURE_LINE.match(text, end)
    if signed:
        speaker = _first_entity(people, signed.end(), len(text), limit=0)
        line_end = text.find("\n", signed.end())
        if (
            speaker is not None
            and speaker.type == "PER"
            and _is_name(speaker)
            and (line_end < 0 or speaker.end <= line_end)
        ):
            return FoundQuote(start, end, speaker.canonical, None, speaker.start, speaker.end)
    # Trump leaned in and boomed: "…"  (also across a paragraph break)
    introduction = _introduction(text, start, before_start)
    if introduction is not None:
        lower, colon = introduction
        cue_match = re.search(r"(\w+)\W*$", text[lower:colon])
        cue = cue_match.group(1).lower() if cue_match else None
        verbs = list(_VERB.finditer(text, lower, colon))
        # "Limbaugh continued:" — the subject is before the verb.
        upto = verbs[-1].start() if verbs and not text[verbs[-1].end() : colon].strip() else colon
        first_word = _skip_space(text, lower)
        opener = _first_entity(people, first_word, colon, limit=0) if upto == colon else None
        if (
            opener is not None
            and opener.type == "PER"
            and _is_name(opener)
            and not opener.text.isupper()
            and opener.start == first_word
            and _is_subject(text, opener, lower)
        ):
            # "Novak Djokovic looks on the bright side after his defeat by Sam Querrey:" —
            # with no verb of saying before the colon, the name opening the sentence is
            # its subject, not the nearest name.
            return FoundQuote(start, end, opener.canonical, cue, opener.start, opener.end)
        subject = speakers.phrase_before(lower, upto)
        resolved = speakers.resolve(*subject, position=start) if subject else None
        if resolved is not None and resolved.name is not None:
            return FoundQuote(start, end, resolved.name, cue, resolved.start, resolved.end)
        speaker = _last_entity(people, lower, colon)
        if (
            speaker is not None
            and _is_name(speaker)
            and resolved is None
            and _is_subject(text, speaker, lower)
        ):
            return FoundQuote(start, end, speaker.canonical, cue, speaker.start, speaker.end)
    heading = _heading_speaker(text, start, people)
    if heading is not None:
        return FoundQuote(start, end, heading, None)
    if candidates:
        return candidates[0]
    # „Das ist gut“, sagte er: the comma outside the marks still ends speech.
    ends_like_speech = _closes_sentence_part(inner) or text[end : end + 1] in (",", ".", "!", "?")
    if before.strip() and _title_case(inner):
        return None  # a title inside a sentence ("How the Grinch Stole Christmas,"), no cue
    if len(inner.split()) <= _SHORT_QUOTE_WORDS and (partial or not ends_like_speech):
        if text[start] in _DOUBLE_OPENERS and _SHORT_SPEECH.search(before[-_SHORT_REACH:]):
            # "accusing them of "running away"": maybe speech, if the sentence's subject
            # is someone (decided by the caller).
            return FoundQuote(start, end, None, _SHORT)
        return None  # a scare quote or a title («Медуза»), not speech
    return FoundQuote(start, end)


# A short quote after these in its sentence is someone's words when the sentence says whose.
_SHORT = "(short)"
_SHORT_REACH = 120
_DOUBLE_OPENERS = '“"'
_SHORT_SPEECH = re.compile(
    r"\b(?:accus\w*|alleg\w*|brand\w*|call(?:s|ed|ing)|describ\w*|dismiss\w*|term(?:s|ed)|"
    r"label\w*|slam\w*|criticis\w*|criticiz\w*|condemn\w*|denounc\w*|warn\w*|"
    r"said|says|saying|told|vow\w*|promis\w*)\b[^.;:!?“”\"]*$"
)


# Prepositions after which a name is no subject.
_MODIFIED_AFTER = english.words("for of to at in on with about against into")


def _is_subject(text: str, entity: Entity, lower: int) -> bool:
    """Whether a name before "…:" is who speaks: it opens its clause ("Trump leaned in and
    boomed:"), and is not a modifier ("Stanford's basketball team", "the Palm OS
    community:", which introduce what a T-shirt reads or a press release says)."""
    before = text[max(lower, entity.start - 80) : entity.start].split()
    while before and (
        before[-1][:1].isupper()
        or before[-1] == "the"
        or (before[-1] in english.TITLE_CONNECTORS and before[-2:-1] != [before[-2].lower()])
    ):
        before.pop()  # its title ("former Republican candidate", "Secretary of State")
    if before and before[-1].lower() in _MODIFIED_AFTER:
        return False  # "for Stanford's team", "for the Palm OS community"
    following = text[entity.end : entity.end + 30]
    return re.match(r"['’]s?\b|\s+[a-z]+\s*:", following) is None


def _names_a_work(text: str, start: int, inner: str) -> bool:
    """Whether a short quote is the title or name of what the words before it name: a work
    or a product ("the upcoming Interscope album "…"", "the SX series model "…""), or
    anything "titled", "known as" or "so-called" it, or "called" right after a noun ("a
    play called "…""); not speech, whatever verb is near. "which he called "…"" and
    "Huckabee called the H1-B program "…"" characterise: speech, kept."""
    if len(inner.split()) > _TITLE_WORDS:
        return False
    before = text[max(0, start - _NAMING_LOOKBACK) : start]
    if english.NAMING_WORDS.search(before):
        return True
    words = before.split()
    if not words:
        return False
    last = words[-1].lower()
    if last in english.NAMING_PARTICIPLES:
        # "a play called", not "what multiple lawmakers called", "has been called".
        noun = words[-2] if len(words) > 1 else ""
        return (
            noun.isalpha()
            and noun.islower()
            and not noun.endswith("ly")
            and noun not in english.NOT_NAMES
            and noun not in _AUXILIARIES
            and not any(w.lower() in _RELATIVE_WORDS for w in words[-5:-1])
        )
    first = inner.lstrip()[:1]
    if last not in english.WORK_NOUNS or not (first.isupper() or first.isdigit()):
        return False  # "the Minors program "is gaining …"": speech about it
    clause = re.split(r"[.;:!?]\s", before)[-1]
    return english.CHARACTERISING_VERBS.search(clause) is None


def _title_case(inner: str) -> bool:
    """A short run of capitalised words: a film's or a programme's title, not speech."""
    words = [w for w in inner.split() if w[:1].isalpha()]
    if not words or len(words) > _TITLE_WORDS:
        return False
    small = sum(w.lower() in english.TITLE_SMALL_WORDS for w in words)
    capitalised = sum(w[:1].isupper() for w in words)
    return capitalised + small >= len(words) and capitalised >= 2


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


def _heading_speaker(text: str, start: int, people: People) -> str | None:
    """The speaker a short heading line names over a paragraph that is only a quote:
    "Max Verstappen, 1st" (a person the tagger found opening the line), or "BRAZIL'S
    MINISTER OF THE ENVIRONMENT MARINA SILVA, speaking via a translator:" (capitals: the
    words after the last title word, title-cased)."""
    paragraph = _paragraph_start(text, start)
    # (A quote opening its own line counts too: some pages put one line to a paragraph.)
    if (paragraph != start and not _opens_line(text, start)) or start < 2:
        return None
    line_end = _trim_end(text, start)
    line_start = text.rfind("\n", max(0, line_end - _HEADING_CHARS), line_end) + 1
    if line_start == 0 and line_end >= _HEADING_CHARS:
        return None
    line = text[line_start:line_end]
    head = line.split(",")[0].rstrip(":").strip()
    words = head.split()
    if not 2 <= len(words) <= _HEADING_WORDS or line.rstrip().endswith((".", "!", "?", '"', "”")):
        return None
    if head.isupper():
        name: list[str] = []
        titled = False
        for word in reversed(words):
            folded = word.lower().strip(".'’")
            if folded in english.ROLE_NOUNS:
                titled = True  # "… PRESIDENT MUKHTAR BABAYEV"
                break
            if word.endswith(("'S", "’S")) or not word.isalpha():
                break
            if folded in english.TITLE_CONNECTORS or folded in english.ROLE_MODIFIERS:
                break
            name.insert(0, word)
        given = rules.gazetteers().first_names
        if not (2 <= len(name) <= 3 and titled):
            # "… CLIMATE CHANGE MARINA SILVA": from the last given name on.
            firsts = [i for i, w in enumerate(name) if w.lower() in given and len(name) - i >= 2]
            name = name[firsts[-1] :] if firsts else []
        if 2 <= len(name) <= 3:
            return " ".join(w.title() for w in name)
        return None
    for entity in people.within(line_start, line_end):
        if entity.type == "PER" and entity.start == line_start and _is_name(entity):
            rest = text[entity.end : line_end]
            return entity.canonical if rest[:1] in (",", ":", "") else None
    return None


def _closes_sentence_part(inner: str) -> bool:
    """Whether the quoted words end like speech (``…,"`` ``….”`` ``…?"``)."""
    stripped = inner.rstrip()
    return bool(stripped) and stripped[-1] in ",.!?…:;—–-"


_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whose)\s[^.;:!?“”\"]*,\s*\Z")


def _attribution_is_close(after: str, verb_at: int, ended: bool = False) -> bool:
    """The verb belongs to this quote's attribution: near, and in the same clause. After a
    quote that ended its sentence ("….") only a short subject may stand before the verb
    (""…." he said", ""…." Dechy said"; not ""…." Dementieva is also angry and says",
    the next sentence's)."""
    # The region already ends with its sentence (abbreviations allowed for).
    if ended and len(after[:verb_at].split()) > _ENDED_SUBJECT_WORDS:
        return False
    if ";" in after[:verb_at]:
        return False
    # ('"…," the England captain, Alec Stewart, whose century helped set up the victory,
    # said.': a relative clause between commas may take the verb further away.)
    return verb_at <= 80 or _RELATIVE_ASIDE.search(after, 0, verb_at) is not None


def _ends_sentence(inner: str) -> bool:
    """Quoted words ending in one full stop (not "…" or "..."): the sentence ended inside."""
    stripped = inner.rstrip()
    return stripped.endswith(".") and not stripped.endswith("..")


def _after_limit(text: str, end: int) -> int:
    limit = min(len(text), end + _ATTRIBUTION_WINDOW)
    paragraph = text.find("\n", end, limit)
    if paragraph >= 0:
        limit = paragraph
    for mark in '“«„"‘':
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
    speakers: Speakers,
    last_speaker: FoundQuote | None,
) -> FoundQuote:
    """The speaker of a cue verb: the subject before it (a name, a role, a pronoun),
    else the name after it ("…," said Kunin); no speaker rather than a fragment."""
    people = speakers.people
    cue = text[verb_start:verb_end].lower()
    previous = last_speaker.speaker if last_speaker else None
    speakers.set_previous_quote_end(last_speaker.end if last_speaker else 0)
    passive = re.match(r"\s+by\s", text[verb_end : verb_end + 5]) is not None
    # "This was stated by X": the subject is not the speaker. "A minister who called his
    # views "…"": the relative clause's noun (not so after the quote: '"…," echoing
    # commentators who said' is someone else's saying).
    span = (
        None
        if passive
        else speakers.phrase_before(region_start, verb_start, relative=verb_end <= start)
    )
    subject = speakers.resolve(*span, previous, position=start) if span else None
    # "the minister, Michael Howard, said": the name in apposition, not whoever else the
    # article names a minister.
    unnamed = span is not None and not people.within(*span)
    if subject is None or subject.name is None or unnamed:
        apposition = speakers.apposition_before(region_start, verb_start)
        resolved = speakers.resolve(*apposition, previous, position=start) if apposition else None
        if (
            resolved is not None
            and (resolved.name is not None or subject is None)
            and (
                subject is None
                or subject.name is None
                or (
                    resolved.name in people.mentions
                    and (resolved.start, resolved.end) == apposition
                )
            )
        ):
            subject = resolved
    if subject is None and not passive:
        # "Trump went on the attack, saying" / "he laughed and said": the sentence's subject.
        span = speakers.sentence_subject(region_start, verb_start)
        resolved = speakers.resolve(*span, previous, position=start) if span else None
        if resolved is not None and resolved.name is not None:
            subject = resolved
    if subject is None:
        # "Trump, who spoke in Ohio on Tuesday, said": the name before the aside;
        # "Band member Flea shared the news …, writing": the person opening the clause.
        before = _last_entity(people, region_start, verb_start)
        between = text[before.end : verb_start] if before is not None else ""
        if (
            before is not None
            and _is_name(before)
            and (
                (between.lstrip().startswith(",") and between.rstrip().endswith(","))
                or (before.type == "PER" and speakers.opens_clause(before.start, region_start))
            )
        ):
            subject = Resolved(before.canonical, before.start, before.end)
    # ('"…?" asked Bennett': the asker; '"…," he told reporters': not the listeners.)
    inverted_ask = (
        cue in _ASKING and verb_start >= end and not text[region_start:verb_start].strip(" ,\t")
    )
    if (cue not in _ADDRESSED or passive or inverted_ask) and (
        subject is None or subject.name is None
    ):
        # "…" for Clinton, said Kunin / said the Head of State / was stated by …
        span = speakers.phrase_after(verb_end, region_end)
        inverted = speakers.resolve(*span, previous, position=start) if span else None
        if inverted is not None and (inverted.name is not None or subject is None):
            subject = inverted
        named = subject is not None and subject.name is not None and subject.name[:1].isupper()
        possessor = subject is not None and _POSSESSOR.match(text, subject.end) is not None
        role = span is not None and named and not people.within(*span)
        if span is not None and (not named or possessor or role):
            # "…," said McCann's father, Dennis McCann: the person the apposition names.
            appended = _apposition_after(text, people, span[1], region_end)
            if appended is not None:
                subject = Resolved(appended.canonical, appended.start, appended.end)
        if subject is None:
            # "…," said on Tuesday Kunin: only capitalised words (or "by") between.
            after = _first_entity(people, verb_end, region_end, limit=60)
            gap = text[verb_end : after.start].split() if after is not None else []
            if (
                after is not None
                and _is_name(after)
                and all(w[:1].isupper() or w == "by" for w in gap)
                and not _POSSESSOR.match(text, after.end)
            ):
                subject = Resolved(after.canonical, after.start, after.end)
    if subject is not None and subject.name and subject.name.split()[-1] in english.DOCUMENT_NOUNS:
        subject = _document_owner(text, subject, region_start, speakers)
    if subject is None:
        return FoundQuote(start, end, None, cue)
    return FoundQuote(start, end, subject.name, cue, subject.start, subject.end)


def _document_owner(
    text: str, document: Resolved, region_start: int, speakers: Speakers
) -> Resolved:
    """Who speaks through "a NASA statement" or "The Orange County Health Department sent
    a statement that said": a name inside the phrase, else the name opening its sentence;
    "the statement said" stays as written."""
    inside = [e for e in speakers.people.within(document.start, document.end) if _is_name(e)]
    if inside:
        return Resolved(inside[0].canonical, inside[0].start, inside[0].end)
    if (document.name or "").split()[0] not in english.INDEFINITE:
        return document  # "the statement said": the text's own way of naming its source
    span = speakers.sentence_subject(region_start, document.start)
    owner = speakers.resolve(*span) if span else None
    if owner is not None and owner.name and owner.name[:1].isupper():
        return owner
    return document


_POSSESSOR = re.compile(r"['’]s?\s+[a-z]")


def _apposition_after(text: str, people: People, end: int, upper: int) -> Entity | None:
    """The person named right after ``end`` as an apposition (", Dennis McCann." ending its
    clause), if any."""
    comma = re.match(r",\s*", text[end : end + 3])
    if comma is None:
        return None
    for entity in people.within(end, min(len(text), upper + 60)):
        if entity.start != end + comma.end():
            continue
        if (
            entity.type == "PER"
            and _is_name(entity)
            and re.match(r"\s*(?:[,.;]|$)", text[entity.end : entity.end + 2])
        ):
            return entity
    return None


def _is_name(entity: Entity) -> bool:
    """A person or organisation by name, not a role ("Head of State") the tagger took."""
    return not is_role_name(entity.canonical)


def _last_entity(people: People, lower: int, upper: int) -> Entity | None:
    """The nearest person (else organisation) wholly inside ``[lower, upper)``."""
    inside = people.within(lower, upper)
    persons = [e for e in inside if e.type == "PER"]
    chosen = persons or inside
    return chosen[-1] if chosen else None


def _first_entity(people: People, lower: int, upper: int, limit: int) -> Entity | None:
    """The first person or organisation starting within ``limit`` characters of ``lower``."""
    for index in range(bisect_left(people.starts, lower), len(people.items)):
        entity = people.items[index]
        if entity.start - lower > limit:
            return None
        if entity.end <= upper:
            return entity
    return None


def _reported_before(text: str, quote: FoundQuote, speakers: Speakers) -> FoundQuote:
    """A quote with no attribution that opens its sentence right after a sentence reporting
    a named person's words is theirs: "Zelenskiy said that Ukraine was not letting up. "We
    do everything …"", and a paragraph that is only a quote after a paragraph ending so."""
    inner = text[quote.start + 1 : quote.end - 1]
    own = _OWN_ATTRIBUTION.match(text, quote.end)
    if own and not (inner.rstrip().endswith(",") or text[own.end() : own.end() + 1] in ".,"):
        own = None  # ""…." Employees treated well stay": the next sentence
    if inner.isupper() or own:
        return quote  # a heading in capitals; ""…," LeVell assured the crowd": its own cue
    paragraph = _paragraph_start(text, quote.start)
    own_line = _opens_line(text, quote.start)  # (one line a paragraph)
    if paragraph == quote.start or own_line:
        paragraph = quote.start
        upper = _trim_end(text, quote.start)
        if upper == 0 or text[upper - 1] not in ".!?":
            return quote
        lower = _paragraph_start(text, upper - 1)
    else:
        upper = quote.start
        if text[paragraph:upper].rstrip()[-1:] not in (".", "!", "?"):
            return quote  # inside a sentence: a partial quote, or its own cue missed
        lower = paragraph
    # The reporting sentence is the one right before; one opening with a quote is that
    # quote's own (its speaker's turn); a quote inside it is no stop ("Chuck Scothon said
    # the company considered the recall the "best course of action" and ….¶"…"").
    reach = max(lower, upper - _REPORTED_REACH)
    lines = [m.end() for m in re.finditer(r"\n", text[reach:upper])]
    breaks = sorted({*_sentence_breaks(text, reach, upper), *(reach + b for b in lines)})
    breaks = [b for b in breaks if _skip_space(text, b) < upper - 1]
    last = breaks[-1] if breaks else reach
    sentence = text[last:upper]
    if (
        _DOUBLE_OPENING_MARK.match(text, _skip_space(text, last))
        or sentence.count("”") > sentence.count("“")
        or sentence.count('"') % 2
    ):
        return quote  # (the "sentence" began inside a quote: '… this morning," it read.')
    name = speakers.reporter_before(
        max(lower, upper - _REPORTED_REACH), upper, introduced=paragraph == quote.start
    )
    if name is None:
        return quote
    return FoundQuote(quote.start, quote.end, name, None)


_LINE_LABEL = re.compile(r"[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}:")
_SUBJECT_GOES_ON = re.compile(r"(?:,[^,“”\"\n]{1,120},)?,?\s+[a-z]")
_ROLE_SUBJECT = re.compile(
    r"(?:[A-Z][^,.;:“”\"]{0,80},\s+)??[Tt]he((?:\s+[a-zA-Z-]+\b(?!['’])){1,4})"
)


_DOCUMENT = "|".join(sorted(english.DOCUMENT_NOUNS))
_READ_DOCUMENT = re.compile(
    rf"reads?[ \t]+((?:a|an|the)[ \t]+[^.,;\n]{{0,40}}?\b(?:{_DOCUMENT}))\b"
)
_OWN_VERB = re.compile(
    r"[ \t]+(?:also[ \t]+)?(?:[a-z]{2,}ed|began|shot|hit|fired|went|spoke|wrote|sang)\b"
    r"(?=[ \t]*[.,;]|[ \t]+(?:on|in|at|to|up|out|back|off|with)\b)"
)


def _own_verb(
    text: str, quote: FoundQuote, speakers: Speakers, last_speaker: FoundQuote | None
) -> FoundQuote:
    """ ""…," Modi rued.", ""…?" Hannity pressed.", ""…," he mumbled.": a name or "he"/"she"
    right after a quote ending like speech, then a verb in the past and the clause's
    end: the quote's own attribution, whatever the verb (no list holds them all)."""
    inner = text[quote.start + 1 : quote.end - 1].rstrip()
    if not inner or inner[-1] not in ",?!—–":
        return quote
    at = _skip_space(text, quote.end)
    if at - quote.end > 2:
        return quote
    pronoun = re.match(r"(he|she)\b", text[at : at + 4])
    if pronoun is not None and _OWN_VERB.match(text, at + pronoun.end()):
        return _by_pronoun(quote, at, at + pronoun.end(), speakers, last_speaker)
    document = _READ_DOCUMENT.match(text, at)
    if document is not None:
        # ""…," read a NASA statement.": the document's owner.
        span = document.start(1), document.end(1)
        resolved = speakers.resolve(*span, position=quote.start)
        if resolved is not None and resolved.name:
            owner = _document_owner(text, resolved, span[0], speakers)
            if owner.name and owner.name[:1].isupper():
                return replace(
                    quote, speaker=owner.name, speaker_start=owner.start, speaker_end=owner.end
                )
        return quote
    entity = next((e for e in speakers.people.within(at, at + 60) if e.start == at), None)
    if (
        entity is not None
        and entity.type == "PER"
        and _is_name(entity)
        and _OWN_VERB.match(text, entity.end)
    ):
        return replace(
            quote, speaker=entity.canonical, speaker_start=entity.start, speaker_end=entity.end
        )
    return quote


# A clause with its own subject between the sentence's subject and the quote ("As Trump
# attacked Clinton, the attendees chanted, "…"").
_OTHER_SUBJECT = re.compile(
    r",\s+(?:the|a|an|many|some|about|his|her|their|its)\s+(?:[\w-]+\s+){0,2}[a-z]+(?:ed|s)\b"
)


def _by_pronoun(
    quote: FoundQuote, start: int, end: int, speakers: Speakers, last_speaker: FoundQuote | None
) -> FoundQuote:
    """The quote with the person "he"/"she" at ``[start, end)`` stands for as its speaker
    (the previous speaker counts), or unchanged when it stands for nobody named."""
    speakers.set_previous_quote_end(last_speaker.end if last_speaker else 0)
    previous = last_speaker.speaker if last_speaker else None
    resolved = speakers.resolve(start, end, previous, position=quote.start)
    if resolved is not None and resolved.name and resolved.name[:1].isupper():
        return replace(quote, speaker=resolved.name, speaker_start=start, speaker_end=end)
    return quote


def _opens_as_subject(text: str, entity: Entity, lower: int) -> bool:
    """Whether a name opens its sentence (from ``lower``) as the subject of a clause that
    goes on with a verb ("Serena was happy …"), not as a modifier ("Obama administration")."""
    return (
        opens_sentence(text, entity.start, lower)
        and _SUBJECT_GOES_ON.match(text, entity.end) is not None
        and not _followed_by_noun(text, entity.end)
    )


def _main_clause_opener(before: str) -> bool:
    """Whether the words before a name at its sentence's start are only a title, not a
    subordinate clause ("As Trump attacked …", "Filling in for Sanders, West …")."""
    words = before.split()
    if not words:
        return True
    first = words[0].strip('“"(').lower()
    return first not in english.SUBORDINATORS and not any(
        w.lower().endswith("ing") and w[:1].isupper() for w in words
    )


def _followed_by_noun(text: str, end: int) -> bool:
    """Whether a person noun follows a name ("Clinton press secretary", "Trump aide"): the
    name modifies it."""
    following = re.match(r"\s+(?:[a-z]+\s+){0,2}?([a-z]+)", text[end : end + 40])
    if following is None:
        return False
    noun = following.group(1)
    return (
        noun in english.PERSON_NOUNS
        or (  # "Ryanair passengers"
            noun.endswith("s") and noun[:-1] in english.PERSON_NOUNS
        )
    )


def _sentence_subject(
    text: str, quote: FoundQuote, speakers: Speakers, last_speaker: FoundQuote | None
) -> FoundQuote:
    """A quote inside a sentence with no speaker of its own is the words of the person
    the sentence is about: its subject, a name opening it (maybe after a title, maybe
    with an apposition: "Russia's ambassador to the United Nations, Vassily Nebenzia,
    dismissed the allegations as "…""), "he"/"she", or a role the article names
    someone by ("The prime minister, who …, criticised … "…"")."""
    paragraph = _paragraph_start(text, quote.start)
    lower = max(paragraph, text.rfind("\n", paragraph, quote.start) + 1)
    breaks = _sentence_breaks(text, lower, quote.start)
    sentence = breaks[-1] if breaks else lower
    before = text[sentence : quote.start]
    if (
        not before.strip()
        or before.rstrip().endswith(":")
        or _DOUBLE_OPENING_MARK.match(before.lstrip())
    ):
        return quote  # a quote opening its sentence, or a sentence opening with a quote
    label = _LINE_LABEL.match(text, lower)  # the line the quote is on
    if label is not None:
        # "Verstappen: Missing out on the title "is not going to change my life"" (a
        # heading naming who speaks before a colon).
        inside = speakers.people.within(label.start(), label.end())
        entity = next((e for e in inside if e.start == label.start()), None)
        if entity is not None and entity.type == "PER" and entity.end == label.end() - 1:
            return replace(
                quote, speaker=entity.canonical, speaker_start=entity.start, speaker_end=entity.end
            )
    previous = last_speaker.speaker if last_speaker else None
    # ("Returning to the main screen, he considers …": an opening clause before it.)
    first = re.match(
        r"\s*(?:(?:And|But|Then|Later)\s+|[A-Z][^,.;:“”\"]{0,80},\s+)?([Hh]e|[Ss]he)\s+[a-z]",
        before,
    )
    if first:
        span = sentence + first.start(1), sentence + first.end(1)
        return _by_pronoun(quote, *span, speakers, last_speaker)
    for entity in speakers.people.within(sentence, quote.start):
        if entity.type != "PER" or not _is_name(entity):
            continue
        if (
            _opens_as_subject(text, entity, sentence)
            and (
                _main_clause_opener(text[sentence : entity.start])
                # "When Maddow pointed out that … "…"", "As Dana Milbank puts it, "…"": the
                # quote inside that clause; not "As Trump attacked Clinton, the attendees
                # chanted, "…"" (a comma ends the clause before the quote).
                or "," not in text[entity.end : quote.start].rstrip().rstrip(",")
            )
            and not _OTHER_SUBJECT.search(text, entity.end, quote.start)
        ):
            return replace(
                quote,
                speaker=entity.canonical,
                speaker_start=entity.start,
                speaker_end=entity.end,
            )
        break
    opener = next(iter(speakers.people.within(sentence, quote.start)), None)
    if (
        opener is not None
        and opener.type == "ORG"
        and _is_name(opener)
        and not text[opener.end : quote.start].strip()
        and re.fullmatch(r"\s*(?:[Tt]he\s+)?", text[sentence : opener.start])
    ):
        # "The California Department of Public Health "partially substantiated …"".
        return replace(
            quote, speaker=opener.canonical, speaker_start=opener.start, speaker_end=opener.end
        )
    role = _ROLE_SUBJECT.match(before.lstrip())
    words = role.group(1).split() if role is not None else []
    head = next((i for i, w in enumerate(words) if w.lower() in english.ROLE_NOUNS), None)
    if role is not None and head is not None and all(w.islower() for w in words[:head]):
        # "the prime minister, who …, criticised", "Keen to move on, the CEO reveals"
        offset = sentence + len(before) - len(before.lstrip())
        role_start = offset + role.start(1) - 3  # ("the" and its noun)
        role_end = text.find(words[head], offset + role.start(1)) + len(words[head])
        holder = speakers.resolve(role_start, role_end, previous, position=quote.start)
        if holder is not None and holder.name and holder.name[:1].isupper():
            return replace(
                quote, speaker=holder.name, speaker_start=role_start, speaker_end=role_end
            )
    return quote


def _continue(
    text: str, quote: FoundQuote, found: Sequence[FoundQuote], people: People
) -> FoundQuote:
    """An unattributed quote after an attributed one continues it: in the same paragraph,
    or as the next paragraph when the previous one ended with the attributed quote; not
    when a sentence between opens with someone else ("Serena was happy afterwards.")."""
    if not found:
        return quote
    previous = found[-1]
    if previous.speaker is None:
        return quote
    between = text[previous.end : quote.start]
    if "\n\n" not in between and between.count("\n") >= 2:
        return quote  # a whole line between (paragraphs one line each)
    # (Past the previous quote's own attribution: '"…," Clinton press secretary Brian
    # Fallon said.' names Clinton first.)
    lower = max(previous.end, previous.speaker_end or 0)
    for entity in people.within(lower, quote.start):
        if (
            entity.type == "PER"
            and entity.canonical != previous.speaker
            and _opens_as_subject(text, entity, lower)
            and not re.search(r"[”\"][ \t]*\Z", text[max(0, entity.start - 4) : entity.start])
        ):
            return quote  # (not '"…?" Hannity pressed.': another quote's attribution)
    if "\n\n" in between:
        # A paragraph that is only the quote goes on from the previous paragraph's
        # quote when that paragraph ended with it ("…," he said.¶"…").
        paragraph = _paragraph_start(text, quote.start)
        if paragraph != quote.start or between.count("\n\n") > 1:
            return quote
        if len(between.split("\n\n")[0]) > _CONTINUATION_GAP:
            return quote
    elif len(between) > _SAME_PARAGRAPH_GAP:
        return quote  # far on in a long (or flattened) paragraph: someone else's words
    return FoundQuote(
        quote.start, quote.end, previous.speaker, None, previous.speaker_start, previous.speaker_end
    )
