"""A fast rule-based named-entity tagger: the fallback when no model is loaded.

It reads capitalisation, small gazetteers (``data/*.txt``) and cue words
around a name (``spokesman Dmitry Peskov``, ``said Bibilov``, ``Osnova
news``). It is far weaker than a trained model on open text (see
``benchmarks/enrichment.py``) but needs nothing installed, starts at once and
tags tens of thousands of words a second, so tests and machines without the
model still get useful highlights.

Output is the same as the model's: ``(start, end, label)`` character spans
with labels PER, LOC, ORG, MISC.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

Span = tuple[int, int, str]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_DATA = Path(__file__).resolve().parent / "data"
_MAX_NAME_WORDS = 6  # the longest listed name
_LONGEST_NAME_TOKENS = 16

# Abbreviations whose full stop does not end a sentence; initials (U.S.) too.
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Sen|Rep|Gov|Jr|Sr|Inc|Corp|Co|Ltd|Prof|Capt|Maj|Mt|Adm|Rev|Ft"
)
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}|\b(?:{_ABBREVIATIONS})\.|\b[A-Z]\.(?=\s?[A-Z])|\w+(?:[-'’&]\w+)*|\S",
)
_POSSESSIVE = re.compile(r"['’][sS]$")
_OPENING = "“\"«„‘'([{"
_SENTENCE_END = ".!?:;"
_DASHES = "-–—"
# Lowercase words allowed inside a name between capitalised words.
_CONNECTORS = frozenset(
    {"of", "de", "da", "del", "der", "van", "von", "al", "bin", "du", "la", "le"}
)
# Lowercase words after a name that make it an organisation ("Osnova news").
_ORG_AFTER = _wordset(
    "news newspaper agency party group company bank ministry website site channel "
    "broadcaster magazine daily weekly portal outlet firm corporation club"
)
_SPEECH_VERBS = _wordset("said says told added according")
_PLACE_BEFORE = _wordset("in from near to at across outside inside into towards toward")
_DIRECTIONS = _wordset(
    "north south east west northern southern eastern western central upper lower"
)
_TITLE_MODIFIERS = _wordset("prime vice deputy acting former first chief senior foreign")
_COMMON_ENDINGS = ("ly", "ing", "ed", "tion", "sion", "ance", "ence", "ment", "ness", "ity")
_POSSESSIVE_INSIDE = frozenset({"people", "peoples", "workers", "children", "women", "men"})


class Token(NamedTuple):
    """One word or punctuation mark with its place in the text (flags computed once)."""

    start: int
    end: int
    text: str
    lower: str
    is_word: bool
    is_capitalised: bool


def _token(start: int, end: int, text: str) -> Token:
    first = text[:1]
    capitalised = first.isupper() or (first.isalpha() and not first.islower())
    return Token(start, end, text, text.lower(), first.isalnum(), capitalised)


@dataclass(frozen=True, slots=True)
class Gazetteers:
    """The word lists in ``data/``, keyed by lowercase token tuples."""

    names: dict[tuple[str, ...], str]
    first_names: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    loc_words: frozenset[str]
    misc_words: frozenset[str]
    common: frozenset[str]
    demonyms: frozenset[str]


def _lines(name: str) -> Iterator[str]:
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _words(name: str) -> frozenset[str]:
    return frozenset(word.lower() for line in _lines(name) for word in line.split())


def _key(text: str) -> tuple[str, ...]:
    return tuple(token.lower for token in tokenize(text) if token.is_word)


@cache
def gazetteers() -> Gazetteers:
    """Load the word lists once per process."""
    names: dict[tuple[str, ...], str] = {}
    demonyms: set[str] = set()
    for file, label in (
        ("demonyms.txt", "MISC"),
        ("places.txt", "LOC"),
        ("countries.txt", "LOC"),
        ("organisations.txt", "ORG"),
        ("products.txt", "MISC"),
    ):
        for line in _lines(file):
            names[_key(line)] = label
            if file == "demonyms.txt":
                demonyms.add(line.lower())
    return Gazetteers(
        names=names,
        first_names=_words("first_names.txt"),
        titles=_words("titles.txt"),
        org_words=_words("org_words.txt"),
        loc_words=_words("loc_words.txt"),
        misc_words=_words("misc_words.txt"),
        common=_words("common.txt"),
        demonyms=frozenset(demonyms),
    )


@cache
def countries() -> frozenset[str]:
    """Country names (lower case) from ``countries.txt``."""
    return frozenset(line.lower() for line in _lines("countries.txt"))


@lru_cache(maxsize=65536)
def is_listed(name: str) -> bool:
    """Whether ``name`` is in the place, organisation or nationality lists."""
    return _key(name) in gazetteers().names


@lru_cache(maxsize=65536)
def listed_type(name: str) -> str | None:
    """The type the lists give ``name`` (``South Ossetian`` → MISC), or None."""
    words = _key(name)
    names = gazetteers().names
    found = names.get(words)
    if found is None and len(words) >= 2 and words[0] in _DIRECTIONS:
        found = names.get(words[1:])
    if found is None and words and words[-1] != _singular(words[-1]):
        found = names.get((*words[:-1], _singular(words[-1])))  # People's Republics
    if found is None and len(words) == 1 and words[0].endswith("i") and len(words[0]) > 4:
        # "Kuwaiti", "Bahraini": the people of a listed country with no listed demonym
        # ("Irani" is a surname: the listed "Iranian" are Iran's people). Only "-i": a
        # country + "n" is as often a surname ("Mr. Burman").
        stem = words[0][:-1]
        if (
            stem in countries()
            and names.get((stem,)) == "LOC"
            and not any(d.startswith(stem[:-1]) for d in gazetteers().demonyms)
        ):
            found = "MISC"
    return found


def retype_listed(text: str, spans: list[Span]) -> list[Span]:
    """Give spans whose whole text is a listed name the listed type.

    A statistical tagger trained on 1990s Reuters sport mistypes places it
    rarely saw (``Kyiv`` as PER); the lists are small but certain. One
    exception: a listed place the tagger calls an organisation stays one,
    because places often stand for teams and governments ("Germany beat
    Italy" is two teams in CoNLL-2003).
    """
    retyped = []
    for start, end, label in spans:
        listed = listed_type(text[start:end])
        if listed is not None and not (listed == "LOC" and label == "ORG"):
            label = listed
        retyped.append((start, end, label))
    return retyped


def tokenize(text: str) -> list[Token]:
    """Words and punctuation with offsets; a possessive ``'s`` is its own token.

    Hyphenated words keep their capitalised part only when the rest is a
    lowercase affix: ``post-Soviet`` yields ``Soviet``, ``Russian-backed``
    yields ``Russian``, ``Guinea-Bissau`` stays whole.
    """
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        start, end, word = match.start(), match.end(), match.group()
        if "-" in word and word[:1].isalpha():
            start, end, word = _trim_hyphenated(start, word)
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > 2:
            cut = start + possessive.start()
            tokens.append(_token(start, cut, word[: possessive.start()]))
            tokens.append(_token(cut, end, word[possessive.start() :]))
        else:
            tokens.append(_token(start, end, word))
    return tokens


def _trim_hyphenated(start: int, word: str) -> tuple[int, int, str]:
    parts = word.split("-")
    capitals = [part[:1].isupper() for part in parts]
    if not capitals[0] and any(capitals):
        first = capitals.index(True)
        offset = len("-".join(parts[:first])) + 1
        return start + offset, start + len(word), word[offset:]
    if capitals[0] and not capitals[-1]:
        last = len(capitals) - capitals[::-1].index(True)
        kept = "-".join(parts[:last])
        return start, start + len(kept), kept
    return start, start + len(word), word


def find_entities(text: str) -> list[Span]:
    """Tag ``text``; spans are Python string indices, sorted and non-overlapping."""
    if not text:
        return []
    tagger = _Tagger(text, gazetteers())
    return tagger.run()


class _Tagger:
    """One pass over one text: candidates from capitalisation, typed by cues."""

    def __init__(self, text: str, gaz: Gazetteers) -> None:
        self.text = text
        self.gaz = gaz
        self.tokens = tokenize(text)
        self.lowercase_words = {t.text for t in self.tokens if t.is_word and t.text.islower()}
        self.initial = self._sentence_initial()
        self.headline = self._headline_tokens()
        # Capitalised words seen inside sentences (not headlines): names, not sentence starts.
        self.inner_capitals = {
            t.lower
            for t, first, headline in zip(self.tokens, self.initial, self.headline, strict=True)
            if not first and not headline and t.is_capitalised and t.is_word
        }

    def run(self) -> list[Span]:
        spans: list[Span] = []
        known: dict[tuple[str, ...], str] = {}
        pending: list[tuple[int, int]] = []
        for first, last in self._runs():
            if self.headline[first] or last - first >= _LONGEST_NAME_TOKENS:
                # Case says nothing here (a headline, or a run too long to be one name).
                pending.append((first, last))
                continue
            for span_first, span_last, label in self._classify_run(first, last):
                spans.append(self._span(span_first, span_last, label))
                known.setdefault(self._run_key(span_first, span_last), label)
        for first, last in pending:
            for span_first, span_last, label in self._gazetteer_only(first, last, known):
                spans.append(self._span(span_first, span_last, label))
        spans.sort()
        return spans

    # -- candidates ------------------------------------------------------------

    def _sentence_initial(self) -> list[bool]:
        initial = [False] * len(self.tokens)
        previous: Token | None = None
        for index, token in enumerate(self.tokens):
            if previous is None:
                initial[index] = True
            else:
                gap = self.text[previous.end : token.start]
                initial[index] = (
                    "\n" in gap
                    or previous.text in _OPENING
                    or previous.text in _SENTENCE_END
                    or (previous.text in '”"»’' and _ends_sentence(self.tokens, index))
                    or (previous.text in _DASHES and gap != "")
                )
            previous = token
        return initial

    def _headline_tokens(self) -> list[bool]:
        """Mark tokens on lines set in title case or capitals, where case says nothing."""
        flags = [False] * len(self.tokens)
        line_start = 0
        while line_start < len(self.tokens):
            line_end = line_start
            while (
                line_end + 1 < len(self.tokens)
                and "\n"
                not in self.text[self.tokens[line_end].end : self.tokens[line_end + 1].start]
            ):
                line_end += 1
            words = [
                t
                for t in self.tokens[line_start : line_end + 1]
                if t.is_word and t.text[:1].isalpha() and len(t.text) > 1
            ]
            long_words = [t for t in words if len(t.text) > 3]
            upper = sum(t.text.isupper() for t in words) / max(1, len(words))
            capitalised = sum(t.is_capitalised for t in long_words) / max(1, len(long_words))
            # Title case only counts on lines that do not end like a sentence.
            ends_sentence = self.tokens[line_end].text in (".", "!", "?")
            if (len(words) >= 2 and upper >= 0.6) or (
                len(long_words) >= 3 and capitalised >= 0.8 and not ends_sentence
            ):
                for index in range(line_start, line_end + 1):
                    flags[index] = True
            line_start = line_end + 1
        return flags

    def _is_name_word(self, index: int) -> bool:
        token = self.tokens[index]
        if not token.is_word or not token.is_capitalised or not token.text[:1].isalpha():
            return False
        return not (token.text == "I" or (token.lower in {"the", "a"} and self.initial[index]))

    def _runs(self) -> Iterator[tuple[int, int]]:
        """Maximal runs of capitalised words, with connectors and inner possessives."""
        index = 0
        count = len(self.tokens)
        while index < count:
            if not self._is_name_word(index):
                index += 1
                continue
            first = last = index
            probe = index + 1
            while probe < count:
                if self.text[self.tokens[probe - 1].end : self.tokens[probe].start] not in (
                    " ",
                    "",
                ):
                    break
                if self._is_name_word(probe) and not self.initial[probe]:
                    last = probe
                    probe += 1
                elif (
                    self._joins(last, probe) and probe + 1 < count and self._is_name_word(probe + 1)
                ) or (
                    self.tokens[probe].text[:1] in "'’"
                    and self.tokens[last].lower in _POSSESSIVE_INSIDE
                    and probe + 1 < count
                    and self._is_name_word(probe + 1)
                ):
                    probe += 1
                else:
                    break
            yield first, last
            index = last + 1

    def _joins(self, last: int, probe: int) -> bool:
        """A lowercase word inside a name: a particle (van, de), or "of" after a head word
        (``Bank of England``) but not after a person (``Thomas Muster of Austria``)."""
        word = self.tokens[probe].lower
        if word != "of":
            return word in _CONNECTORS
        head = self.tokens[last].lower
        gaz = self.gaz
        return any(
            head in words or _singular(head) in words
            for words in (gaz.org_words, gaz.loc_words, gaz.misc_words, gaz.titles)
        )

    # -- typing ----------------------------------------------------------------

    def _words(self, first: int, last: int) -> list[str]:
        return [t.lower for t in self.tokens[first : last + 1] if t.is_word]

    def _run_key(self, first: int, last: int) -> tuple[str, ...]:
        return tuple(self._words(first, last))

    def _span(self, first: int, last: int, label: str) -> Span:
        return (self.tokens[first].start, self.tokens[last].end, label)

    def _lookup(self, first: int, last: int) -> str | None:
        words = self._run_key(first, last)
        found = self.gaz.names.get(words)
        if found:
            return found
        if len(words) == 1 and words[0].endswith("s") and words[0][:-1] in self.gaz.demonyms:
            return "MISC"  # Russians, Georgians
        if len(words) >= 2 and words[0] in _DIRECTIONS:
            rest = self.gaz.names.get(tuple(words[1:]))
            if rest:
                return rest
        return None

    def _longest_match(self, first: int, last: int) -> tuple[int, str] | None:
        """The longest gazetteer name starting at ``first`` within the run."""
        for end in range(min(last, first + _MAX_NAME_WORDS - 1), first - 1, -1):
            label = self._lookup(first, end)
            if label:
                return end, label
        return None

    def _classify_run(self, first: int, last: int) -> Iterator[tuple[int, int, str]]:
        gaz = self.gaz
        # Leading words that are only capitalised by position, titles, days, months.
        person_cue = self._title_before(first)
        while first <= last:
            token = self.tokens[first]
            if self._lookup(first, last):
                break
            if token.lower.rstrip(".") in gaz.titles and first < last:
                person_cue = True
            elif not (
                _is_date_word(token)
                or token.lower in _CONNECTORS
                or (self.initial[first] and self._looks_common(first))
            ):
                break
            first += 1
        while last >= first and _is_date_word(self.tokens[last]):
            last -= 1
        if first > last or self._is_lone_word(first, last) or self._is_role(first, last):
            return
        if (
            first == last
            and self.initial[first]
            and not self.tokens[first].text[:1].isascii()
            and not self._evident(first)
        ):
            # One capitalised word opening a sentence and never seen inside one: in a
            # script the common-word list does not cover, assume it is not a name.
            return
        label = self._lookup(first, last)
        if label:
            yield first, last, label
            return
        # "Foreign Minister Hennady Udovenko": a title inside the run ends what precedes it.
        for index in range(last - 1, first, -1):
            if self._is_title(index) and self._is_name_word(index + 1):
                if not all(word in _TITLE_MODIFIERS for word in self._words(first, index - 1)):
                    yield from self._classify_run(first, index - 1)  # not "Prime", "Vice"
                yield index + 1, last, "PER"
                return
        # A run that begins with a known name and goes on ("Georgia Ossetia") is split.
        words = self._words(first, last)
        head = {words[-1], _singular(words[-1])}
        if not (head & gaz.org_words or head & gaz.loc_words or head & gaz.misc_words):
            match = self._longest_match(first, last)
            if match and match[0] < last:
                end, label = match
                yield first, end, label
                yield from self._classify_run(end + 1, last)
                return
            # "Acting Chancellor of Germany Angela Merkel": a role, a place, then a person.
            for inner in range(first + 1, last):
                match = self._longest_match(inner, last)
                if match is None or match[0] >= last:
                    continue
                end, label = match
                tail = self.tokens[end + 1]
                if tail.lower in gaz.first_names or self._is_title(first):
                    yield inner, end, label
                    yield end + 1, last, "PER"
                    return
        yield first, last, self._guess(first, last, person_cue)

    def _is_title(self, index: int) -> bool:
        parts = self.tokens[index].lower.rstrip(".").split("-")
        return any(part in self.gaz.titles or _singular(part) in self.gaz.titles for part in parts)

    def _evident(self, index: int) -> bool:
        """Whether a sentence-initial word is a name for reasons other than its capital."""
        token = self.tokens[index]
        return (
            token.lower in self.inner_capitals
            or token.lower in self.gaz.first_names
            or self._lookup(index, index) is not None
            or sum(c.isupper() for c in token.text) > 1
            or (index + 1 < len(self.tokens) and self.tokens[index + 1].lower in _SPEECH_VERBS)
        )

    def _is_role(self, first: int, last: int) -> bool:
        """A title followed only by generic words (``Heads of State``) names nobody."""
        if not self._is_title(first) or self._lookup(first, last):
            return False
        gaz = self.gaz
        generic = (gaz.titles, gaz.org_words, gaz.loc_words, gaz.misc_words, _CONNECTORS)
        return all(
            any(word in words or _singular(word) in words for words in generic)
            for word in self._words(first + 1, last)
        )

    def _is_lone_word(self, first: int, last: int) -> bool:
        """A title or a head word alone (``President``, ``Republic``) names nothing."""
        if first != last or self._lookup(first, last):
            return False
        word = self.tokens[first].lower
        gaz = self.gaz
        listed = (gaz.titles, gaz.org_words, gaz.loc_words, gaz.misc_words, gaz.common)
        return any(word in words or _singular(word) in words for words in listed)

    def _looks_common(self, index: int) -> bool:
        token = self.tokens[index]
        lower = token.lower
        if lower in self.gaz.common or lower in self.lowercase_words:
            return True
        if lower in self.gaz.first_names or lower in self.inner_capitals:
            return False
        # Adverbs, participles, abstract nouns and plurals ("Clashes", "Attendance").
        return lower.endswith(_COMMON_ENDINGS) or (
            len(lower) > 4 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
        )

    def _title_before(self, first: int) -> bool:
        probe = first - 1
        if probe >= 0 and self.tokens[probe].text in ",":
            return False
        if probe >= 0:
            word = self.tokens[probe].lower.rstrip(".")
            return word in self.gaz.titles or word in ("said", "says", "told")
        return False

    def _guess(self, first: int, last: int, person_cue: bool) -> str:
        gaz = self.gaz
        words = self._words(first, last)
        tokens = self.tokens[first : last + 1]
        head = {words[-1], _singular(words[-1])}
        after = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        before = self.tokens[first - 1].lower if first > 0 else ""
        if head & gaz.org_words and (len(words) > 1 or tokens[0].text.isupper()):
            return "ORG"
        if len(words) > 2 and words[0] in gaz.org_words and "of" in words:
            return "ORG"
        if after is not None and after.lower in _ORG_AFTER:
            return "ORG"
        if head & gaz.loc_words and len(words) > 1:
            return "LOC"
        if words[0] in gaz.loc_words and len(words) > 1:
            return "LOC"
        if head & gaz.misc_words and len(words) > 1:
            return "MISC"
        if person_cue or words[0] in gaz.first_names or _is_initial(tokens[0].text):
            return "PER"
        if len(words) == 2 and words[0] in _DIRECTIONS:
            return "LOC"
        if after is not None and after.lower in _SPEECH_VERBS and len(words) <= 3:
            return "ORG" if tokens[0].text.isupper() and len(words) == 1 else "PER"
        if len(words) == 1 and sum(c.isupper() for c in tokens[0].text) > 1:
            return "ORG"  # NATO, OSCE, EaP
        if words[-1].endswith(("ian", "ese", "ish")) and len(words) == 1:
            return "MISC"
        if len(words) == 1 and before in _PLACE_BEFORE:
            return "LOC"
        if (
            len(words) in (2, 3)
            and all(t.text[:1].isupper() for t in tokens if t.is_word)
            and not any(word in self.lowercase_words for word in words)
        ):
            return "PER"  # unknown words that never appear in lower case: a name
        # An unknown single word is most often an organisation; a surname among them is
        # retyped PER when the article gives the full name (see canonical.link_mentions).
        return "ORG"

    def _gazetteer_only(
        self, first: int, last: int, known: dict[tuple[str, ...], str]
    ) -> Iterator[tuple[int, int, str]]:
        """In a headline, accept only listed names and names the text typed elsewhere."""
        index = first
        while index <= last:
            found = None
            for end in range(min(last, index + _MAX_NAME_WORDS - 1), index - 1, -1):
                key = self._run_key(index, end)
                label = self._lookup(index, end) or known.get(key)
                if label:
                    found = (end, label)
                    break
            if found:
                yield index, found[0], found[1]
                index = found[0] + 1
            else:
                index += 1


def _is_initial(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _singular(word: str) -> str:
    """A crude singular, enough to find ``Republics`` under the head word ``republic``."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _is_date_word(token: Token) -> bool:
    return token.lower in _DATE_WORDS


_DATE_WORDS = _wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december"
)


def _ends_sentence(tokens: list[Token], index: int) -> bool:
    """A closing quote ends a sentence when the quote itself ended with . ! or ?"""
    return index >= 2 and tokens[index - 2].text in (".", "!", "?")
